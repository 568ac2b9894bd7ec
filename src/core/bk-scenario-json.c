/* bk-scenario-json.c
 * Reading and writing scenarios as JSON (format 1), with the line of every
 * problem.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib does not keep where in the text a value was, so a small scanner
 * of our own walks the text once and maps each JSON path ("$.nodes[4].id")
 * to the line its value starts on. A problem whose path is not in the text
 * (a missing member) gets the line of the nearest enclosing value.
 */
#define G_LOG_DOMAIN "bk-scenario"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bk-scenario-private.h"

/* Lines */

typedef struct
{
  char     *path;
  gboolean  array;
  int       index;
  char     *key;
  gboolean  expect_key;
} Frame;

static void
frame_free (Frame *f)
{
  g_free (f->path);
  g_free (f->key);
  g_free (f);
}

static char *
value_path (GPtrArray *stack)
{
  Frame *top;

  if (stack->len == 0)
    return g_strdup ("$");
  top = g_ptr_array_index (stack, stack->len - 1);
  if (top->array)
    return g_strdup_printf ("%s[%d]", top->path, top->index);
  return g_strdup_printf ("%s.%s", top->path, top->key != NULL ? top->key : "");
}

/* Skips a string starting at text[*i] == '"'; returns its raw contents. */
static char *
scan_string (const char *text,
             gsize       len,
             gsize      *i,
             int        *line)
{
  gsize start = ++*i;

  while (*i < len && text[*i] != '"')
    {
      if (text[*i] == '\\' && *i + 1 < len)
        ++*i;
      else if (text[*i] == '\n')
        ++*line;
      ++*i;
    }
  return g_strndup (text + start, *i - start);
}

static GHashTable *
scan_lines (const char *text,
            gsize       len)
{
  GHashTable *lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) stack = g_ptr_array_new_with_free_func ((GDestroyNotify) frame_free);
  int line = 1;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];
      Frame *top = stack->len > 0 ? g_ptr_array_index (stack, stack->len - 1) : NULL;

      if (c == '\n')
        line++;
      else if (c == ' ' || c == '\t' || c == '\r' || c == ':')
        continue;
      else if (c == ',')
        {
          if (top != NULL && top->array)
            top->index++;
          else if (top != NULL)
            top->expect_key = TRUE;
        }
      else if (c == '}' || c == ']')
        {
          if (stack->len > 0)
            g_ptr_array_set_size (stack, stack->len - 1);
        }
      else if (c == '"' && top != NULL && !top->array && top->expect_key)
        {
          g_free (top->key);
          top->key = scan_string (text, len, &i, &line);
          top->expect_key = FALSE;
        }
      else
        {
          char *path = value_path (stack);

          if (!g_hash_table_contains (lines, path))
            g_hash_table_insert (lines, g_strdup (path), GINT_TO_POINTER (line));
          if (c == '{' || c == '[')
            {
              Frame *f = g_new0 (Frame, 1);

              f->path = path;
              f->array = c == '[';
              f->expect_key = c == '{';
              g_ptr_array_add (stack, f);
              continue;
            }
          g_free (path);
          if (c == '"')
            g_free (scan_string (text, len, &i, &line));
          else
            while (i + 1 < len && strchr (",]}\n \t\r", text[i + 1]) == NULL)
              i++;
        }
    }
  return lines;
}

/* The line of @path, or of the nearest value around it. */
static int
line_of (GHashTable *lines,
         const char *path)
{
  g_autofree char *p = g_strdup (path);

  while (*p != '\0')
    {
      gpointer line = g_hash_table_lookup (lines, p);
      char *dot = strrchr (p, '.');
      char *bracket = strrchr (p, '[');
      char *cut = MAX (dot, bracket);

      if (line != NULL)
        return GPOINTER_TO_INT (line);
      if (cut == NULL)
        break;
      *cut = '\0';
    }
  return 0;
}

/* Reading */

static void
problem (GPtrArray  *problems,
         const char *path,
         const char *message)
{
  BkProblem *p = g_new0 (BkProblem, 1);

  p->path = g_strdup (path);
  p->message = g_strdup (message);
  g_ptr_array_add (problems, p);
}

static JsonNode *
member (JsonObject  *o,
        const char  *base,
        const char  *name,
        gboolean     required,
        GPtrArray   *problems,
        char       **out_path)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  *out_path = g_strconcat (base, ".", name, NULL);
  if (node == NULL && required)
    problem (problems, *out_path, _("This is missing."));
  return node;
}

/* Returns a copy of the string member, "" when required and missing or of
 * another type, NULL when optional and missing. */
static char *
get_string (JsonObject *o,
            const char *base,
            const char *name,
            gboolean    required,
            GPtrArray  *problems)
{
  g_autofree char *path = NULL;
  JsonNode *node = member (o, base, name, required, problems, &path);

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (node != NULL)
    problem (problems, path, _("This must be text, between quotes."));
  return required ? g_strdup ("") : NULL;
}

static JsonObject *
get_object (JsonObject *o,
            const char *base,
            const char *name,
            gboolean    required,
            GPtrArray  *problems)
{
  g_autofree char *path = NULL;
  JsonNode *node = member (o, base, name, required, problems, &path);

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  if (node != NULL)
    problem (problems, path, _("This must be an object, between { and }."));
  return NULL;
}

static JsonArray *
get_array (JsonObject *o,
           const char *base,
           const char *name,
           gboolean    required,
           GPtrArray  *problems)
{
  g_autofree char *path = NULL;
  JsonNode *node = member (o, base, name, required, problems, &path);

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    return json_node_get_array (node);
  if (node != NULL)
    problem (problems, path, _("This must be a list, between [ and ]."));
  return NULL;
}

static gboolean
get_int (JsonNode *node,
         gint64   *out)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static JsonObject *
element_object (JsonArray  *a,
                guint       i,
                const char *path,
                GPtrArray  *problems)
{
  JsonNode *node = json_array_get_element (a, i);

  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_node_get_object (node);
  problem (problems, path, _("This must be an object, between { and }."));
  return NULL;
}

static void
read_scores (JsonObject *o,
             const char *base,
             BkChoice   *choice,
             GPtrArray  *problems)
{
  JsonObject *scores = get_object (o, base, "scores", TRUE, problems);
  g_autoptr (GList) names = scores != NULL ? json_object_get_members (scores) : NULL;

  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *path = g_strdup_printf ("%s.scores.%s", base, (char *) l->data);
      int k = bk_competency_from_id (l->data);
      gint64 v;

      if (k < 0)
        {
          g_autofree char *msg = g_strdup_printf (_("“%s” is not a known competency."), (char *) l->data);
          problem (problems, path, msg);
        }
      else if (!get_int (json_object_get_member (scores, l->data), &v) || v < -2 || v > 2)
        problem (problems, path, _("A score is a whole number from -2 to 2."));
      else
        choice->scores[k] = (int) v;
    }
}

static void
read_choices (JsonArray  *a,
              const char *base,
              BkNode     *node,
              GPtrArray  *problems)
{
  for (guint j = 0; j < json_array_get_length (a); j++)
    {
      g_autofree char *cb = g_strdup_printf ("%s.choices[%u]", base, j);
      JsonObject *o = element_object (a, j, cb, problems);
      BkChoice *c = bk_choice_new (NULL, NULL);
      JsonNode *best = o != NULL ? json_object_get_member (o, "best") : NULL;

      g_ptr_array_add (node->choices, c);
      if (o == NULL)
        continue;
      g_free (c->text);
      c->text = get_string (o, cb, "text", TRUE, problems);
      g_free (c->next);
      c->next = get_string (o, cb, "next", TRUE, problems);
      g_free (c->technique);
      c->technique = get_string (o, cb, "technique", TRUE, problems);
      g_free (c->feedback);
      c->feedback = get_string (o, cb, "feedback", TRUE, problems);
      if (best != NULL && (!JSON_NODE_HOLDS_VALUE (best) || json_node_get_value_type (best) != G_TYPE_BOOLEAN))
        {
          g_autofree char *path = g_strconcat (cb, ".best", NULL);
          problem (problems, path, _("This must be true or false."));
        }
      else
        c->best = best != NULL && json_node_get_boolean (best);
      read_scores (o, cb, c, problems);
    }
}

static void
read_open (JsonObject *open,
           const char *base,
           BkNode     *node,
           GPtrArray  *problems)
{
  g_autofree char *ob = g_strconcat (base, ".open", NULL);
  JsonArray *rubric = get_array (open, ob, "rubric", TRUE, problems);

  g_free (node->prompt);
  node->prompt = get_string (open, ob, "prompt", TRUE, problems);
  g_free (node->open_next);
  node->open_next = get_string (open, ob, "next", TRUE, problems);
  for (guint j = 0; rubric != NULL && j < json_array_get_length (rubric); j++)
    {
      g_autofree char *rb = g_strdup_printf ("%s.rubric[%u]", ob, j);
      JsonObject *o = element_object (rubric, j, rb, problems);
      g_autofree char *text = get_string (o, rb, "text", TRUE, problems);
      g_autofree char *comp = get_string (o, rb, "competency", TRUE, problems);
      int k = bk_competency_from_id (comp);

      if (o != NULL && k < 0 && *comp != '\0')
        {
          g_autofree char *path = g_strconcat (rb, ".competency", NULL);
          g_autofree char *msg = g_strdup_printf (_("“%s” is not a known competency."), comp);
          problem (problems, path, msg);
        }
      g_ptr_array_add (node->rubric, bk_rubric_item_new (text, k));
    }
}

static void
read_ending (JsonObject *ending,
             const char *base,
             BkNode     *node,
             GPtrArray  *problems)
{
  g_autofree char *eb = g_strconcat (base, ".ending", NULL);
  g_autofree char *kind = get_string (ending, eb, "kind", TRUE, problems);

  g_free (node->ending_title);
  node->ending_title = get_string (ending, eb, "title", TRUE, problems);
  g_free (node->ending_text);
  node->ending_text = get_string (ending, eb, "text", TRUE, problems);
  for (int k = BK_ENDING_GOOD; k <= BK_ENDING_POOR; k++)
    if (g_str_equal (kind, bk_ending_kind_id (k)))
      {
        node->ending_kind = k;
        return;
      }
  if (*kind != '\0')
    {
      g_autofree char *path = g_strconcat (eb, ".kind", NULL);
      problem (problems, path, _("An ending is “good”, “mixed” or “poor”."));
    }
}

static BkNode *
read_node (JsonObject *o,
           const char *base,
           GPtrArray  *problems)
{
  g_autofree char *id = get_string (o, base, "id", TRUE, problems);
  BkNode *node = bk_node_new (id, BK_NODE_CHOICES);
  JsonArray *choices = get_array (o, base, "choices", FALSE, problems);
  JsonObject *open = get_object (o, base, "open", FALSE, problems);
  JsonObject *ending = get_object (o, base, "ending", FALSE, problems);
  int kinds = (json_object_has_member (o, "choices") + json_object_has_member (o, "open")
               + json_object_has_member (o, "ending"));

  g_free (node->line);
  node->line = get_string (o, base, "line", TRUE, problems);
  node->direction = get_string (o, base, "direction", FALSE, problems);
  node->narration = get_string (o, base, "narration", FALSE, problems);
  if (kinds > 1)
    problem (problems, base, _("A node has choices, an open turn or an ending: only one of them."));
  if (choices != NULL)
    read_choices (choices, base, node, problems);
  else if (open != NULL)
    {
      node->kind = BK_NODE_OPEN;
      read_open (open, base, node, problems);
    }
  else if (ending != NULL)
    {
      node->kind = BK_NODE_ENDING;
      read_ending (ending, base, node, problems);
    }
  return node;
}

static void
read_strings (JsonArray  *a,
              const char *base,
              GPtrArray  *out,
              GPtrArray  *problems)
{
  for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        g_ptr_array_add (out, g_strdup (json_node_get_string (e)));
      else
        {
          g_autofree char *path = g_strdup_printf ("%s[%u]", base, i);
          problem (problems, path, _("This must be text, between quotes."));
        }
    }
}

static void
read_scenario (BkScenario *s,
               JsonObject *root,
               GPtrArray  *problems)
{
  JsonObject *persona = get_object (root, "$", "persona", TRUE, problems);
  JsonArray *nodes = get_array (root, "$", "nodes", TRUE, problems);
  g_autoptr (GPtrArray) comps = g_ptr_array_new_with_free_func (g_free);

#define SET(field, value) G_STMT_START { g_free (s->field); s->field = (value); } G_STMT_END
  SET (id, get_string (root, "$", "id", TRUE, problems));
  SET (title, get_string (root, "$", "title", TRUE, problems));
  SET (summary, get_string (root, "$", "summary", TRUE, problems));
  SET (persona_name, get_string (persona, "$.persona", "name", TRUE, problems));
  SET (persona_role, get_string (persona, "$.persona", "role", TRUE, problems));
  SET (persona_situation, get_string (persona, "$.persona", "situation", TRUE, problems));
  SET (parent_type, get_string (persona, "$.persona", "parent_type", TRUE, problems));
  SET (dutch_level, get_string (persona, "$.persona", "dutch_level", TRUE, problems));
  SET (context, get_string (root, "$", "context", TRUE, problems));
  SET (channel, get_string (root, "$", "channel", TRUE, problems));
  SET (start, get_string (root, "$", "start", TRUE, problems));
#undef SET

  read_strings (get_array (root, "$", "objectives", TRUE, problems), "$.objectives", s->objectives, problems);
  read_strings (get_array (root, "$", "competencies", TRUE, problems), "$.competencies", comps, problems);
  for (guint i = 0; i < comps->len; i++)
    {
      int k = bk_competency_from_id (g_ptr_array_index (comps, i));

      if (k >= 0)
        s->competencies |= 1u << k;
      else
        {
          g_autofree char *path = g_strdup_printf ("$.competencies[%u]", i);
          g_autofree char *msg = g_strdup_printf (_("“%s” is not a known competency."),
                                                  (char *) g_ptr_array_index (comps, i));
          problem (problems, path, msg);
        }
    }
  for (guint i = 0; nodes != NULL && i < json_array_get_length (nodes); i++)
    {
      g_autofree char *base = g_strdup_printf ("$.nodes[%u]", i);
      JsonObject *o = element_object (nodes, i, base, problems);

      if (o != NULL)
        g_ptr_array_add (s->nodes, read_node (o, base, problems));
    }
}

/* json-glib reads nested values recursively: a file of nothing but "["
 * would exhaust the stack. A scenario nests six deep. */
#define MAX_DEPTH 64

static gboolean
too_deep (const char *text,
          gsize       len)
{
  gboolean in_string = FALSE;
  int depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if ((c == '[' || c == '{') && ++depth > MAX_DEPTH)
        return TRUE;
      else if (c == ']' || c == '}')
        depth--;
    }
  return FALSE;
}

/* Keeps the first problem of each path: the reader's words are the more
 * precise ones ("missing" rather than "empty"). */
static void
drop_repeats (GPtrArray *problems)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < problems->len;)
    {
      BkProblem *p = g_ptr_array_index (problems, i);

      if (g_hash_table_contains (seen, p->path))
        g_ptr_array_remove_index (problems, i);
      else
        {
          g_hash_table_add (seen, p->path);
          i++;
        }
    }
}

BkScenario *
bk_scenario_read (const char  *text,
                  gssize       length,
                  GPtrArray  **problems,
                  GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_problem_free);
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GHashTable) lines = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (BkScenario) s = NULL;
  gsize len = length < 0 ? strlen (text) : (gsize) length;
  JsonObject *root;
  JsonNode *format, *version;
  gint64 v;

  g_return_val_if_fail (problems != NULL, NULL);
  *problems = NULL;
  if (len > BK_SCENARIO_MAX_SIZE)
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_TOO_LARGE,
                   _("This file is larger than %d kB; a scenario is much smaller."), BK_SCENARIO_MAX_SIZE / 1024);
      return NULL;
    }
  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error_literal (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_SYNTAX,
                           _("This file is not UTF-8 text."));
      return NULL;
    }
  if (too_deep (text, len))
    {
      g_set_error_literal (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_SYNTAX,
                           _("This file nests lists and objects too deeply to be a scenario."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, len, &local))
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_SYNTAX,
                   _("This is not valid JSON: %s"), local->message);
      return NULL;
    }
  root = json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  format = root != NULL ? json_object_get_member (root, "format") : NULL;
  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format)
      || g_strcmp0 (json_node_get_string (format), BK_SCENARIO_FORMAT) != 0)
    {
      g_set_error_literal (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_NOT_SCENARIO,
                           _("This is not a Betrokken scenario: its “format” is not “betrokken-scenario”."));
      return NULL;
    }
  version = json_object_get_member (root, "version");
  if (version != NULL && get_int (version, &v) && v > BK_SCENARIO_VERSION)
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_VERSION,
                   _("This scenario is written in version %d of the format; this Betrokken reads "
                     "version %d. Update Betrokken to use it."), (int) MIN (v, G_MAXINT), BK_SCENARIO_VERSION);
      return NULL;
    }

  s = bk_scenario_new ();
  if (version == NULL)
    problem (found, "$.version", _("This is missing."));
  else if (!get_int (version, &v) || v < 1)
    problem (found, "$.version", _("The version is a whole number: 1."));
  else
    s->version = (int) v;
  read_scenario (s, root, found);

  rules = bk_scenario_check (s);
  g_ptr_array_extend_and_steal (found, g_steal_pointer (&rules));
  drop_repeats (found);
  if (found->len > 0)
    lines = scan_lines (text, len);
  for (guint i = 0; i < found->len; i++)
    {
      BkProblem *p = g_ptr_array_index (found, i);
      p->line = line_of (lines, p->path);
    }
  *problems = g_steal_pointer (&found);
  return g_steal_pointer (&s);
}

BkScenario *
bk_scenario_read_file (const char  *path,
                       GPtrArray  **problems,
                       GError     **error)
{
  g_autofree char *text = NULL;
  gsize len;
  BkScenario *s;

  *problems = NULL;
  if (!g_file_get_contents (path, &text, &len, error))
    return NULL;
  s = bk_scenario_read (text, len, problems, error);
  if (s != NULL)
    s->path = g_strdup (path);
  return s;
}

/* Writing */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

static void
write_choice (JsonBuilder *b,
              BkChoice    *c,
              gboolean     links)
{
  json_builder_begin_object (b);
  if (links)
    {
      add_string (b, "text", c->text);
      add_string (b, "next", c->next);
    }
  if (c->best)
    {
      json_builder_set_member_name (b, "best");
      json_builder_add_boolean_value (b, TRUE);
    }
  add_string (b, "technique", c->technique);
  add_string (b, "feedback", c->feedback);
  json_builder_set_member_name (b, "scores");
  json_builder_begin_object (b);
  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    if (c->scores[k] != 0)
      {
        json_builder_set_member_name (b, bk_competency_id (k));
        json_builder_add_int_value (b, c->scores[k]);
      }
  json_builder_end_object (b);
  json_builder_end_object (b);
}

/* A node as in the file; without @links (for the Twee writer, where the
 * passage holds them) no id, line, choice texts or links. */
void
bk_scenario_write_node (JsonBuilder *b,
                        BkNode      *n,
                        gboolean     links)
{
  json_builder_begin_object (b);
  if (links)
    add_string (b, "id", n->id);
  if (n->narration != NULL)
    add_string (b, "narration", n->narration);
  if (links)
    add_string (b, "line", n->line);
  if (n->direction != NULL)
    add_string (b, "direction", n->direction);
  if (n->kind == BK_NODE_CHOICES)
    {
      json_builder_set_member_name (b, "choices");
      json_builder_begin_array (b);
      for (guint j = 0; j < n->choices->len; j++)
        write_choice (b, g_ptr_array_index (n->choices, j), links);
      json_builder_end_array (b);
    }
  else if (n->kind == BK_NODE_OPEN)
    {
      json_builder_set_member_name (b, "open");
      json_builder_begin_object (b);
      add_string (b, "prompt", n->prompt);
      json_builder_set_member_name (b, "rubric");
      json_builder_begin_array (b);
      for (guint j = 0; j < n->rubric->len; j++)
        {
          BkRubricItem *r = g_ptr_array_index (n->rubric, j);

          json_builder_begin_object (b);
          add_string (b, "text", r->text);
          add_string (b, "competency", r->competency >= 0 && r->competency < BK_N_COMPETENCIES
                                       ? bk_competency_id (r->competency) : "");
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      if (links)
        add_string (b, "next", n->open_next);
      json_builder_end_object (b);
    }
  else
    {
      json_builder_set_member_name (b, "ending");
      json_builder_begin_object (b);
      add_string (b, "kind", bk_ending_kind_id (n->ending_kind));
      add_string (b, "title", n->ending_title);
      add_string (b, "text", n->ending_text);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

/* The parent, the context, the objectives and the competencies: the part
 * of a scenario the JSON file and the Twee meta passage both hold. */
void
bk_scenario_write_setting (JsonBuilder *b,
                           BkScenario  *s)
{
  json_builder_set_member_name (b, "persona");
  json_builder_begin_object (b);
  add_string (b, "name", s->persona_name);
  add_string (b, "role", s->persona_role);
  add_string (b, "situation", s->persona_situation);
  add_string (b, "parent_type", s->parent_type);
  add_string (b, "dutch_level", s->dutch_level);
  json_builder_end_object (b);
  add_string (b, "context", s->context);
  add_string (b, "channel", s->channel);
  json_builder_set_member_name (b, "objectives");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->objectives->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (s->objectives, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "competencies");
  json_builder_begin_array (b);
  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    if (s->competencies & (1u << k))
      json_builder_add_string_value (b, bk_competency_id (k));
  json_builder_end_array (b);
}

char *
bk_scenario_to_json (BkScenario *s)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  GString *out;

  json_builder_begin_object (b);
  add_string (b, "format", BK_SCENARIO_FORMAT);
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, s->version);
  add_string (b, "id", s->id);
  add_string (b, "title", s->title);
  add_string (b, "summary", s->summary);
  bk_scenario_write_setting (b, s);
  add_string (b, "start", s->start);
  json_builder_set_member_name (b, "nodes");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->nodes->len; i++)
    bk_scenario_write_node (b, g_ptr_array_index (s->nodes, i), TRUE);
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  out = g_string_new (NULL);
  json_generator_to_gstring (gen, out);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

gboolean
bk_scenario_write_file (BkScenario  *s,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *json = bk_scenario_to_json (s);
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not make the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return g_file_set_contents_full (path, json, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
