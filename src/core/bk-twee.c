/* bk-twee.c
 * Role-play scenarios to and from Twee 3, the text format of Twine.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The mapping (data/scenarios/README.md, "Twee 3", tells authors the same):
 *
 *   :: StoryTitle             the title
 *   :: StoryData              JSON: "ifid" (derived from the id, so that a
 *                             round trip gives the same file), "format"
 *                             Harlowe, "format-version", "start" (the start
 *                             node's passage)
 *   :: betrokken [betrokken-meta]
 *                             JSON: id, version, summary, persona, context,
 *                             channel, objectives, competencies
 *   :: <node id> [choices|open|ending] {"position":"x,y"}
 *   <!-- betrokken            JSON: narration, direction, and
 *   { ... }                     "choices": [{best, technique, feedback,
 *   -->                                      scores}], in the order of the links
 *   The parent's line.          or "open": {prompt, rubric}
 *   [[A choice->next node]]     or "ending": {kind, title, text}
 *   [[Another->other node]]   an open turn has one link, [[next node]]
 *
 * Texts must come back exactly, so the visible ones are escaped with HTML
 * character references, which Harlowe shows as the character: "&" before
 * what would read as a reference, a "[" that starts "[[", a carriage return,
 * and a white-space character at either end (Twine trims passages); in a
 * link also "[", "]", "|", "<", ">" and line breaks. A line that starts with
 * "::" is written "\::", as Twine does. In the JSON block every ">" is
 * written \u003e so that no text can close the comment.
 *
 * Stories written in Twine come in too: a passage without the block gets
 * its links as choices (rightmost "->", else leftmost "<-", else the last
 * "|", else the whole link names the passage, as Twine reads them), the
 * rest of its text as the line, and no links makes it an ending. The tags
 * decide the kind when present. Passages of Twine or a story format
 * (script, stylesheet, header, StoryInit ...) are left out.
 */
#define G_LOG_DOMAIN "bk-twee"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bk-scenario-private.h"
#include "bk-twee.h"

#define META_TAG       "betrokken-meta"
#define META_NAME      "betrokken"
#define BLOCK_OPEN     "<!-- betrokken"
#define BLOCK_CLOSE    "-->"
#define FORMAT         "Harlowe"
#define FORMAT_VERSION "3.3.9"
#define MAX_JSON_BRACKETS 4096

static const char * const kind_tags[] = { "choices", "open", "ending" };   /* BkNodeKind */

/* Passages that belong to Twine or a story format, not to the conversation. */
static const char * const ignored_tags[] = {
  "script", "stylesheet", "header", "footer", "startup", "debug-header",
  "debug-footer", "debug-startup", "widget", NULL
};
static const char * const ignored_names[] = {
  "StoryInit", "StoryCaption", "StoryMenu", "StoryBanner", "StorySubtitle",
  "StoryAuthor", "StoryInterface", "StoryShare", "StoryDisplayTitle",
  "StorySettings", "StoryIncludes", "PassageReady", "PassageDone",
  "PassageHeader", "PassageFooter", NULL
};

/* Character references */

static const struct { const char *name; gunichar c; } named_refs[] = {
  { "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' }, { "apos", '\'' },
};

/* The length of the character reference at @p ("&amp;", "&#91;", "&#x5B;")
 * and in @c what it stands for; 0 when @p starts none. The writer escapes
 * exactly the "&" this recognises, so every text comes back. */
static gsize
ref_at (const char *p,
        gunichar   *c)
{
  const char *q;
  gboolean hex;
  guint32 v = 0;
  int digits = 0;

  if (p[0] != '&')
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (named_refs); i++)
    {
      gsize n = strlen (named_refs[i].name);

      if (strncmp (p + 1, named_refs[i].name, n) == 0 && p[1 + n] == ';')
        {
          *c = named_refs[i].c;
          return n + 2;
        }
    }
  if (p[1] != '#')
    return 0;
  hex = p[2] == 'x' || p[2] == 'X';
  for (q = p + (hex ? 3 : 2); hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q); q++)
    {
      if (++digits > 7)
        return 0;
      v = v * (hex ? 16 : 10) + (guint32) g_ascii_xdigit_value (*q);
    }
  if (digits == 0 || *q != ';' || v == 0 || !g_unichar_validate (v))
    return 0;
  *c = v;
  return (gsize) (q + 1 - p);
}

/* What JavaScript's trim () removes, so Twine and we agree on the ends. */
static gboolean
is_trimmed (gunichar c)
{
  return g_unichar_isspace (c) || c == 0xFEFF;
}

typedef enum {
  ESCAPE_TITLE,   /* plain text: only what keeps it intact */
  ESCAPE_LINE,    /* passage text: also "[[" */
  ESCAPE_LINK,    /* a part of a link: also [ ] | < > and line breaks */
} Escape;

static void
append_escaped (GString    *out,
                const char *text,
                Escape      how)
{
  gsize len = strlen (text);
  const char *last = len > 0 ? g_utf8_prev_char (text + len) : text;
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p), ignored;
      gboolean at_start = line_start && how != ESCAPE_LINK;
      gboolean ref = FALSE, amp = FALSE;

      if ((p == text || p == last) && is_trimmed (c))
        ref = TRUE;
      else if (c == '&' && ref_at (p, &ignored) > 0)
        amp = TRUE;
      else if (c == '\r')
        ref = TRUE;
      else if (how == ESCAPE_LINK)
        ref = c == '\n' || c == '[' || c == ']' || c == '|' || c == '<' || c == '>';
      else if (how == ESCAPE_LINE && c == '[' && p[1] == '[')
        ref = TRUE;
      else if (at_start && c == '\\' && p[1] == ':')
        ref = TRUE;
      else if (at_start && c == ':' && p[1] == ':')
        g_string_append_c (out, '\\');   /* Twine's escape of a header */

      if (amp)
        g_string_append (out, "&amp;");
      else if (ref)
        g_string_append_printf (out, "&#%u;", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      /* only a line break that is written starts a line */
      line_start = c == '\n' && !ref;
    }
}

/* The text between @start and @end, trimmed, references replaced. */
static char *
unescape (const char *start,
          const char *end)
{
  g_autofree char *copy = NULL;
  GString *out = g_string_new (NULL);
  const char *p;

  while (start < end && is_trimmed (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start && is_trimmed (g_utf8_get_char (g_utf8_prev_char (end))))
    end = g_utf8_prev_char (end);
  copy = g_strndup (start, end - start);
  for (p = copy; *p != '\0';)
    {
      gunichar c;
      gsize n = ref_at (p, &c);

      if (n > 0)
        {
          g_string_append_unichar (out, c);
          p += n;
        }
      else
        g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

/* Writing */

static void
append_name (GString    *out,
             const char *name)
{
  gsize len = strlen (name), lead = 0, trail = 0;

  while (lead < len && (name[lead] == ' ' || name[lead] == '\t'))
    lead++;
  while (trail < len - lead && (name[len - 1 - trail] == ' ' || name[len - 1 - trail] == '\t'))
    trail++;
  for (gsize i = 0; i < len; i++)
    {
      if (strchr ("\\[]{}", name[i]) != NULL || i < lead || i >= len - trail)
        g_string_append_c (out, '\\');
      g_string_append_c (out, name[i]);
    }
}

static void
append_header (GString    *out,
               const char *name,
               const char *tag,
               int         x,
               int         y)
{
  g_string_append (out, ":: ");
  append_name (out, name);
  if (tag != NULL)
    g_string_append_printf (out, " [%s]", tag);
  if (x >= 0)
    g_string_append_printf (out, " {\"position\":\"%d,%d\"}", x, y);
  g_string_append_c (out, '\n');
}

static char *
json_text (JsonBuilder *b)
{
  g_autoptr (JsonGenerator) gen = json_generator_new ();
  g_autoptr (JsonNode) root = json_builder_get_root (b);

  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  return json_generator_to_data (gen, NULL);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value != NULL ? value : "");
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* A stable IFID: Twine wants an upper-case version 4 UUID. */
static char *
ifid_for (const char *id)
{
  g_autofree char *seed = g_strconcat ("betrokken-scenario:", id != NULL ? id : "", NULL);
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);
  g_autofree char *up = NULL;

  sum[12] = '4';
  sum[16] = "89ab"[g_ascii_xdigit_value (sum[16]) & 3];
  up = g_ascii_strup (sum, 32);
  return g_strdup_printf ("%.8s-%.4s-%.4s-%.4s-%.12s", up, up + 8, up + 12, up + 16, up + 20);
}

static void
write_story (GString    *out,
             BkScenario *s)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *ifid = ifid_for (s->id);
  g_autofree char *data = NULL;

  append_header (out, "StoryTitle", NULL, -1, -1);
  append_escaped (out, s->title != NULL ? s->title : "", ESCAPE_TITLE);
  g_string_append (out, "\n\n");

  json_builder_begin_object (b);
  add_string (b, "ifid", ifid);
  add_string (b, "format", FORMAT);
  add_string (b, "format-version", FORMAT_VERSION);
  add_string (b, "start", s->start);
  json_builder_end_object (b);
  data = json_text (b);
  append_header (out, "StoryData", NULL, -1, -1);
  g_string_append_printf (out, "%s\n\n", data);
}

static void
write_meta (GString    *out,
            BkScenario *s)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *json = NULL;

  json_builder_begin_object (b);
  add_string (b, "id", s->id);
  add_int (b, "version", s->version);
  add_string (b, "summary", s->summary);
  bk_scenario_write_setting (b, s);
  /* Twine sorts passages by name when it saves Twee. */
  json_builder_set_member_name (b, "order");
  json_builder_begin_array (b);
  for (guint i = 0; i < s->nodes->len; i++)
    json_builder_add_string_value (b, ((BkNode *) g_ptr_array_index (s->nodes, i))->id);
  json_builder_end_array (b);
  json_builder_end_object (b);
  json = json_text (b);
  append_header (out, META_NAME, META_TAG, 100, 100);
  g_string_append_printf (out, "%s\n\n", json);
}

/* What a node keeps outside its line and links, as JSON with no ">". */
static char *
node_block (BkNode *n)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autofree char *json = NULL;
  g_auto (GStrv) parts = NULL;

  bk_scenario_write_node (b, n, FALSE);
  json = json_text (b);
  parts = g_strsplit (json, ">", -1);
  return g_strjoinv ("\\u003e", parts);
}

static void
append_link (GString    *out,
             const char *text,
             const char *target)
{
  g_string_append (out, "\n[[");
  if (text != NULL)
    {
      append_escaped (out, text, ESCAPE_LINK);
      g_string_append (out, "->");
    }
  append_escaped (out, target != NULL ? target : "", ESCAPE_LINK);
  g_string_append (out, "]]");
}

static void
write_node (GString *out,
            BkNode  *n,
            int      x,
            int      y)
{
  g_autofree char *block = node_block (n);

  append_header (out, n->id, n->kind <= BK_NODE_ENDING ? kind_tags[n->kind] : NULL, x, y);
  g_string_append_printf (out, BLOCK_OPEN "\n%s\n" BLOCK_CLOSE "\n", block);
  append_escaped (out, n->line != NULL ? n->line : "", ESCAPE_LINE);
  if (n->kind == BK_NODE_CHOICES)
    for (guint j = 0; j < n->choices->len; j++)
      {
        BkChoice *c = g_ptr_array_index (n->choices, j);
        append_link (out, c->text != NULL ? c->text : "", c->next);
      }
  else if (n->kind == BK_NODE_OPEN)
    append_link (out, NULL, n->open_next);
  g_string_append (out, "\n\n");
}

/* Where Twine shows each passage: a row per step from the start, so the
 * story map reads top to bottom; what cannot be reached goes below. */
static void
layout (BkScenario *s,
        int        *xs,
        int        *ys)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) queue = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree int *depth = g_new (int, s->nodes->len + 1);
  g_autofree int *used = g_new0 (int, s->nodes->len + 2);
  gpointer start;
  int deepest = 0;

  for (guint i = 0; i < s->nodes->len; i++)
    {
      BkNode *n = g_ptr_array_index (s->nodes, i);

      depth[i] = -1;
      if (!g_hash_table_contains (by_id, n->id))
        g_hash_table_insert (by_id, n->id, GUINT_TO_POINTER (i + 1));
    }
  start = g_hash_table_lookup (by_id, s->start != NULL ? s->start : "");
  if (start != NULL)
    {
      guint i = GPOINTER_TO_UINT (start) - 1;
      depth[i] = 0;
      g_array_append_val (queue, i);
    }
  for (guint q = 0; q < queue->len; q++)
    {
      guint i = g_array_index (queue, guint, q);
      BkNode *n = g_ptr_array_index (s->nodes, i);
      guint n_next = n->kind == BK_NODE_CHOICES ? n->choices->len : n->kind == BK_NODE_OPEN;

      for (guint j = 0; j < n_next; j++)
        {
          const char *next = n->kind == BK_NODE_OPEN ? n->open_next
                             : ((BkChoice *) g_ptr_array_index (n->choices, j))->next;
          gpointer found = next != NULL ? g_hash_table_lookup (by_id, next) : NULL;
          guint k = GPOINTER_TO_UINT (found) - 1;

          if (found != NULL && depth[k] < 0)
            {
              depth[k] = depth[i] + 1;
              deepest = MAX (deepest, depth[k]);
              g_array_append_val (queue, k);
            }
        }
    }
  for (guint i = 0; i < s->nodes->len; i++)
    {
      int row = depth[i] >= 0 ? depth[i] : deepest + 1;

      xs[i] = 250 + 125 * used[row]++;
      ys[i] = 100 + 150 * row;
    }
}

/**
 * bk_twee_write:
 * @s: a scenario
 *
 * Writes @s as a Twee 3 story for Twine; see the top of this file.
 *
 * Returns: (transfer full): the Twee text
 */
char *
bk_twee_write (BkScenario *s)
{
  GString *out = g_string_new (NULL);
  g_autofree int *xs = NULL;
  g_autofree int *ys = NULL;

  g_return_val_if_fail (s != NULL, NULL);
  xs = g_new (int, s->nodes->len + 1);
  ys = g_new (int, s->nodes->len + 1);
  layout (s, xs, ys);
  write_story (out, s);
  write_meta (out, s);
  for (guint i = 0; i < s->nodes->len; i++)
    write_node (out, g_ptr_array_index (s->nodes, i), xs[i], ys[i]);
  g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Reading: passages */

typedef struct
{
  char   *name;
  char  **tags;
  int     line;     /* of the header, 1-based */
  char   *text;     /* the content, "\:" at a line start unescaped */
} Passage;

static void
passage_free (Passage *p)
{
  g_free (p->name);
  g_strfreev (p->tags);
  g_free (p->text);
  g_free (p);
}

/* "\x" is x; the end of a name or tag is an unescaped @stops or the end. */
static const char *
scan_escaped (const char *p,
              const char *stops,
              GString    *out,
              gsize      *kept)
{
  for (; *p != '\0' && strchr (stops, *p) == NULL; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_c (out, *++p);
          *kept = out->len;
        }
      else
        g_string_append_c (out, *p);
    }
  return p;
}

static Passage *
parse_header (const char *line,
              int         number)
{
  Passage *passage = g_new0 (Passage, 1);
  g_autoptr (GString) name = g_string_new (NULL);
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  const char *p = line + 2;
  gsize kept = 0;

  while (*p == ' ' || *p == '\t')
    p++;
  p = scan_escaped (p, "[{", name, &kept);
  while (name->len > kept && (name->str[name->len - 1] == ' ' || name->str[name->len - 1] == '\t'))
    g_string_truncate (name, name->len - 1);
  if (*p == '[')
    {
      g_autoptr (GString) tag = g_string_new (NULL);

      for (p++; *p != '\0' && *p != ']'; )
        {
          while (*p == ' ' || *p == '\t')
            p++;
          g_string_truncate (tag, 0);
          p = scan_escaped (p, " \t]", tag, &kept);
          if (tag->len > 0)
            g_strv_builder_add (tags, tag->str);
        }
    }
  /* The metadata only places the passage in Twine's map. */
  passage->name = g_strdup (name->str);
  passage->tags = g_strv_builder_end (tags);
  passage->line = number;
  return passage;
}

/* Splits @text (UTF-8, line breaks "\n") into passages, dropping what comes
 * before the first header. */
static GPtrArray *
split_passages (const char *text)
{
  GPtrArray *passages = g_ptr_array_new_with_free_func ((GDestroyNotify) passage_free);
  g_autoptr (GString) content = g_string_new (NULL);
  Passage *current = NULL;
  int number = 0;

  for (const char *p = text; *p != '\0';)
    {
      const char *eol = strchr (p, '\n');
      gsize len = eol != NULL ? (gsize) (eol - p) : strlen (p);

      number++;
      if (len >= 2 && p[0] == ':' && p[1] == ':')
        {
          g_autofree char *line = g_strndup (p, len);

          if (current != NULL)
            current->text = g_strdup (content->str);
          g_string_truncate (content, 0);
          current = parse_header (line, number);
          g_ptr_array_add (passages, current);
        }
      else if (current != NULL)
        {
          if (number > current->line + 1)
            g_string_append_c (content, '\n');
          if (len >= 2 && p[0] == '\\' && p[1] == ':')
            g_string_append_len (content, p + 1, len - 1);
          else
            g_string_append_len (content, p, len);
        }
      p = eol != NULL ? eol + 1 : p + len;
    }
  if (current != NULL)
    current->text = g_strdup (content->str);
  return passages;
}

/* Reading: the story */

typedef struct
{
  Passage *passage;
  int      block_line;   /* 0: no block */
  GArray  *link_lines;   /* int, one per link */
} Source;

static void
source_free (Source *src)
{
  g_array_unref (src->link_lines);
  g_free (src);
}

typedef struct
{
  GPtrArray  *problems;
  GPtrArray  *sources;   /* Source, one per node */
  Passage    *title;
  Passage    *data;
  Passage    *meta;
} Reader;

static void add_problem (GPtrArray *problems, const char *name, int line, const char *format, ...) G_GNUC_PRINTF (4, 5);

static void
add_problem (GPtrArray  *problems,
             const char *name,
             int         line,
             const char *format,
             ...)
{
  BkProblem *p = g_new0 (BkProblem, 1);
  va_list args;

  va_start (args, format);
  /* Translators: where a problem is in a Twee file; %s is a passage name */
  p->path = g_strdup_printf (_("passage “%s”"), name);
  p->line = line;
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, p);
}

/* Where JSON in a passage is, for its problems. */
typedef struct
{
  GPtrArray  *problems;
  const char *name;
  int         line;
} Where;

/* json-glib recurses once per bracket; far deeper than a scenario goes,
 * that overflows the stack. Counting every bracket, also those in texts,
 * is simple and bounds the depth. */
static gboolean
too_deep (const char *json)
{
  guint n = 0;

  for (const char *p = json; *p != '\0'; p++)
    if ((*p == '{' || *p == '[') && ++n > MAX_JSON_BRACKETS)
      return TRUE;
  return FALSE;
}

/* Parses @json (starting on @w's line) into an object; NULL and a problem
 * when it is not one. Empty text is an empty object. */
static JsonObject *
parse_object (JsonParser *parser,
              const char *json,
              Where      *w)
{
  g_autoptr (GError) error = NULL;
  JsonNode *root;
  int line = 0, n = 0;

  if (too_deep (json))
    {
      add_problem (w->problems, w->name, w->line, "%s", _("This JSON has too many brackets to be read."));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, json, -1, &error))
    {
      /* json-glib says "<data>:3:12: Parse error: ..." with lines of its own */
      if (sscanf (error->message, "<data>:%d:%*d: %n", &line, &n) >= 1 && n > 0 && line > 0)
        add_problem (w->problems, w->name, w->line + line - 1, _("This is not valid JSON: %s"), error->message + n);
      else
        add_problem (w->problems, w->name, w->line, _("This is not valid JSON: %s"), error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      json_parser_load_from_data (parser, "{}", -1, NULL);
      root = json_parser_get_root (parser);
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      add_problem (w->problems, w->name, w->line, "%s", _("This must be a JSON object, between { and }."));
      return NULL;
    }
  return json_node_get_object (root);
}

static JsonNode *
member (JsonObject *o,
        const char *name)
{
  JsonNode *node = o != NULL ? json_object_get_member (o, name) : NULL;

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? node : NULL;
}

/* Replaces *@field with the string member @name, if there is one. */
static void
take_string (JsonObject  *o,
             const char  *name,
             char       **field,
             Where       *w)
{
  JsonNode *node = member (o, name);

  if (node == NULL)
    return;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      add_problem (w->problems, w->name, w->line, _("“%s” must be text, between quotes."), name);
      return;
    }
  g_free (*field);
  *field = g_strdup (json_node_get_string (node));
}

static gboolean
take_int (JsonNode   *node,
          const char *name,
          int        *out,
          Where      *w)
{
  if (node == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      add_problem (w->problems, w->name, w->line, _("“%s” must be a whole number."), name);
      return FALSE;
    }
  *out = (int) CLAMP (json_node_get_int (node), G_MININT, G_MAXINT);
  return TRUE;
}

static JsonObject *
take_object (JsonObject *o,
             const char *name,
             Where      *w)
{
  JsonNode *node = member (o, name);

  if (node != NULL && !JSON_NODE_HOLDS_OBJECT (node))
    add_problem (w->problems, w->name, w->line, _("“%s” must be an object, between { and }."), name);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
take_array (JsonObject *o,
            const char *name,
            Where      *w)
{
  JsonNode *node = member (o, name);

  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    add_problem (w->problems, w->name, w->line, _("“%s” must be a list, between [ and ]."), name);
  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The strings of @a; other elements are reported. */
static GPtrArray *
strings_of (JsonArray  *a,
            const char *name,
            Where      *w)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; a != NULL && i < json_array_get_length (a); i++)
    {
      JsonNode *e = json_array_get_element (a, i);

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        g_ptr_array_add (out, g_strdup (json_node_get_string (e)));
      else
        add_problem (w->problems, w->name, w->line, _("“%s” must be a list of texts."), name);
    }
  return out;
}

static int
competency_of (const char *id,
               Where      *w)
{
  int k = bk_competency_from_id (id);

  if (k < 0 && *id != '\0')
    add_problem (w->problems, w->name, w->line, _("“%s” is not a known competency."), id);
  return k;
}

static void
read_meta (BkScenario *s,
           JsonObject *o,
           Where      *w,
           GError    **error)
{
  JsonObject *persona = take_object (o, "persona", w);
  g_autoptr (GPtrArray) objectives = strings_of (take_array (o, "objectives", w), "objectives", w);
  g_autoptr (GPtrArray) comps = strings_of (take_array (o, "competencies", w), "competencies", w);
  int version = BK_SCENARIO_VERSION;

  if (take_int (member (o, "version"), "version", &version, w) && version > BK_SCENARIO_VERSION)
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_VERSION,
                   _("This scenario is written in version %d of the format; this Betrokken reads "
                     "version %d. Update Betrokken to use it."), version, BK_SCENARIO_VERSION);
      return;
    }
  if (version >= 1)
    s->version = version;
  else
    add_problem (w->problems, w->name, w->line, "%s", _("The version is a whole number: 1."));
  take_string (o, "id", &s->id, w);
  take_string (o, "summary", &s->summary, w);
  take_string (persona, "name", &s->persona_name, w);
  take_string (persona, "role", &s->persona_role, w);
  take_string (persona, "situation", &s->persona_situation, w);
  take_string (persona, "parent_type", &s->parent_type, w);
  take_string (persona, "dutch_level", &s->dutch_level, w);
  take_string (o, "context", &s->context, w);
  take_string (o, "channel", &s->channel, w);
  for (guint i = 0; i < objectives->len; i++)
    g_ptr_array_add (s->objectives, g_strdup (g_ptr_array_index (objectives, i)));
  for (guint i = 0; i < comps->len; i++)
    {
      int k = competency_of (g_ptr_array_index (comps, i), w);
      if (k >= 0)
        s->competencies |= 1u << k;
    }
}

/* "Dit is een titel!" -> "dit-is-een-titel" */
static char *
slug (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title, "C");
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0' && out->len < 60; p++)
    {
      if (!g_ascii_isalnum (*p))
        dash = TRUE;
      else
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
    }
  if (out->len == 0)
    g_string_append (out, "scenario");
  return g_string_free (out, FALSE);
}

/* Reading: a node */

typedef struct
{
  char *text;     /* NULL for [[target]] */
  char *target;
  int   line;
} Link;

static void
link_free (Link *link)
{
  g_free (link->text);
  g_free (link->target);
  g_free (link);
}

/* The inside of [[...]] as Twine reads it: a setter "][...]" is dropped;
 * then the rightmost "->", the leftmost "<-", or the last "|" divides. */
static Link *
parse_link (const char *start,
            const char *end,
            int         line)
{
  g_autofree char *inner = g_strndup (start, end - start);
  Link *link = g_new0 (Link, 1);
  char *setter = strstr (inner, "][");
  char *arrow, *bar;

  if (setter != NULL)
    *setter = '\0';
  link->line = line;
  if ((arrow = g_strrstr (inner, "->")) != NULL)
    {
      link->text = unescape (inner, arrow);
      link->target = unescape (arrow + 2, arrow + strlen (arrow));
    }
  else if ((arrow = strstr (inner, "<-")) != NULL)
    {
      link->target = unescape (inner, arrow);
      link->text = unescape (arrow + 2, arrow + strlen (arrow));
    }
  else if ((bar = strrchr (inner, '|')) != NULL)
    {
      link->text = unescape (inner, bar);
      link->target = unescape (bar + 1, bar + strlen (bar));
    }
  else
    link->target = unescape (inner, inner + strlen (inner));
  return link;
}

/* Takes the links out of @text (which starts on @line): [[ and the first ]]
 * after it on the same line. What is left is in @rest. */
static GPtrArray *
take_links (const char *text,
            int         line,
            GString    *rest)
{
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);
  gboolean none_left = FALSE;   /* no "]]" in the rest of this line */

  for (const char *p = text; *p != '\0';)
    {
      const char *close = NULL;

      if (*p == '\n')
        {
          line++;
          none_left = FALSE;
        }
      else if (p[0] == '[' && p[1] == '[' && !none_left)
        {
          for (const char *q = p + 2; *q != '\0' && *q != '\n' && close == NULL; q++)
            if (q[0] == ']' && q[1] == ']')
              close = q;
          none_left = close == NULL;
        }
      if (close != NULL)
        {
          g_ptr_array_add (links, parse_link (p + 2, close, line));
          p = close + 2;
        }
      else
        g_string_append_c (rest, *p++);
    }
  return links;
}

static int
lines_before (const char *text,
              const char *at)
{
  int n = 0;

  for (const char *p = text; p < at; p++)
    n += *p == '\n';
  return n;
}

/* Finds the block at the top of @p's text; returns the text after it. */
static const char *
find_block (Reader      *r,
            Passage     *p,
            char       **json,
            int         *block_line)
{
  const char *start = p->text, *close;
  gsize open_len = strlen (BLOCK_OPEN);

  *json = NULL;
  *block_line = 0;
  while (g_ascii_isspace (*start))
    start++;
  if (!g_str_has_prefix (start, BLOCK_OPEN)
      || (start[open_len] != '\0' && !g_ascii_isspace (start[open_len])
          && start[open_len] != '{' && start[open_len] != '-'))
    return p->text;
  *block_line = p->line + 1 + lines_before (p->text, start);
  close = strstr (start + open_len, BLOCK_CLOSE);
  if (close == NULL)
    {
      add_problem (r->problems, p->name, *block_line, "%s",
                   _("The “<!-- betrokken” block is not closed with “-->”."));
      return start + strlen (start);
    }
  *json = g_strndup (start + open_len, close - start - open_len);
  return close + strlen (BLOCK_CLOSE);
}

static BkNodeKind
kind_of (Passage    *p,
         JsonObject *block,
         guint       n_links)
{
  for (guint k = 0; k < G_N_ELEMENTS (kind_tags); k++)
    if (g_strv_contains ((const char * const *) p->tags, kind_tags[k]))
      return k;
  for (guint k = 0; block != NULL && k < G_N_ELEMENTS (kind_tags); k++)
    if (json_object_has_member (block, kind_tags[k]))
      return k;
  return n_links > 0 ? BK_NODE_CHOICES : BK_NODE_ENDING;
}

static void
read_choices (BkNode     *node,
              JsonObject *block,
              GPtrArray  *links,
              Where      *w)
{
  JsonArray *meta = take_array (block, "choices", w);
  guint n_meta = meta != NULL ? json_array_get_length (meta) : 0;

  if (meta != NULL && n_meta != links->len)
    add_problem (w->problems, w->name, w->line,
                 _("Choices in the block: %u; links in the passage: %u. They go together in order."),
                 n_meta, links->len);
  for (guint j = 0; j < links->len; j++)
    {
      Link *link = g_ptr_array_index (links, j);
      BkChoice *c = bk_choice_new (link->text != NULL ? link->text : link->target, link->target);
      JsonNode *e = j < n_meta ? json_array_get_element (meta, j) : NULL;
      JsonObject *o = e != NULL && JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      JsonNode *best = member (o, "best");
      JsonObject *scores = take_object (o, "scores", w);
      g_autoptr (GList) names = scores != NULL ? json_object_get_members (scores) : NULL;

      g_ptr_array_add (node->choices, c);
      if (e != NULL && o == NULL)
        add_problem (w->problems, w->name, w->line, "%s", _("Each choice in the block must be an object."));
      if (best != NULL && (!JSON_NODE_HOLDS_VALUE (best) || json_node_get_value_type (best) != G_TYPE_BOOLEAN))
        add_problem (w->problems, w->name, w->line, "%s", _("“best” must be true or false."));
      else
        c->best = best != NULL && json_node_get_boolean (best);
      take_string (o, "technique", &c->technique, w);
      take_string (o, "feedback", &c->feedback, w);
      for (GList *l = names; l != NULL; l = l->next)
        {
          int k = competency_of (l->data, w);
          int v;

          /* as the JSON reader: a wrong score is reported, not kept */
          if (k >= 0 && take_int (json_object_get_member (scores, l->data), l->data, &v, w))
            {
              if (v >= -2 && v <= 2)
                c->scores[k] = v;
              else
                add_problem (w->problems, w->name, w->line, "%s", _("A score is a whole number from -2 to 2."));
            }
        }
    }
}

static void
read_open (BkNode     *node,
           JsonObject *block,
           GPtrArray  *links,
           Where      *w)
{
  JsonObject *open = take_object (block, "open", w);
  JsonArray *rubric = take_array (open, "rubric", w);

  take_string (open, "prompt", &node->prompt, w);
  for (guint j = 0; rubric != NULL && j < json_array_get_length (rubric); j++)
    {
      JsonNode *e = json_array_get_element (rubric, j);
      JsonObject *o = JSON_NODE_HOLDS_OBJECT (e) ? json_node_get_object (e) : NULL;
      g_autofree char *text = g_strdup ("");
      g_autofree char *comp = g_strdup ("");

      if (o == NULL)
        add_problem (w->problems, w->name, w->line, "%s", _("Each rubric item must be an object."));
      take_string (o, "text", &text, w);
      take_string (o, "competency", &comp, w);
      g_ptr_array_add (node->rubric, bk_rubric_item_new (text, competency_of (comp, w)));
    }
  if (links->len > 0)
    {
      g_free (node->open_next);
      node->open_next = g_strdup (((Link *) g_ptr_array_index (links, 0))->target);
    }
  if (links->len > 1)
    add_problem (w->problems, w->name, ((Link *) g_ptr_array_index (links, 1))->line, "%s",
                 _("An open turn goes on along one link; the others are left out."));
}

static void
read_ending (BkNode     *node,
             Passage    *p,
             JsonObject *block,
             GPtrArray  *links,
             Where      *w)
{
  JsonObject *ending = take_object (block, "ending", w);
  g_autofree char *kind = NULL;

  if (ending == NULL)
    {
      g_free (node->ending_title);
      node->ending_title = g_strdup (p->name);
    }
  take_string (ending, "kind", &kind, w);
  take_string (ending, "title", &node->ending_title, w);
  take_string (ending, "text", &node->ending_text, w);
  for (int k = BK_ENDING_GOOD; kind != NULL && k <= BK_ENDING_POOR; k++)
    if (g_str_equal (kind, bk_ending_kind_id (k)))
      {
        node->ending_kind = k;
        g_clear_pointer (&kind, g_free);
        break;
      }
  if (kind != NULL)
    add_problem (w->problems, w->name, w->line, "%s", _("An ending is “good”, “mixed” or “poor”."));
  if (links->len > 0)
    add_problem (w->problems, w->name, ((Link *) g_ptr_array_index (links, 0))->line, "%s",
                 _("An ending has no links; these are left out."));
}

static BkNode *
read_node (Reader  *r,
           Passage *p)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GString) rest = g_string_new (NULL);
  g_autoptr (GPtrArray) links = NULL;
  g_autofree char *json = NULL;
  Source *src = g_new0 (Source, 1);
  Where w = { r->problems, p->name, p->line };
  JsonObject *block = NULL;
  const char *after;
  BkNode *node;

  after = find_block (r, p, &json, &src->block_line);
  if (json != NULL)
    {
      parser = json_parser_new ();
      w.line = src->block_line;
      block = parse_object (parser, json, &w);
    }
  links = take_links (after, p->line + 1 + lines_before (p->text, after), rest);
  node = bk_node_new (p->name, kind_of (p, block, links->len));
  g_free (node->line);
  node->line = unescape (rest->str, rest->str + rest->len);
  take_string (block, "narration", &node->narration, &w);
  take_string (block, "direction", &node->direction, &w);
  if (node->kind == BK_NODE_CHOICES)
    read_choices (node, block, links, &w);
  else if (node->kind == BK_NODE_OPEN)
    read_open (node, block, links, &w);
  else
    read_ending (node, p, block, links, &w);

  src->passage = p;
  src->link_lines = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint j = 0; j < links->len; j++)
    g_array_append_val (src->link_lines, ((Link *) g_ptr_array_index (links, j))->line);
  g_ptr_array_add (r->sources, src);
  return node;
}

/* Reading: putting it together */

static gboolean
is_ignored (Passage *p)
{
  if (g_strv_contains ((const char * const *) ignored_names, p->name))
    return TRUE;
  for (guint i = 0; p->tags[i] != NULL; i++)
    if (g_strv_contains (ignored_tags, p->tags[i]) || g_str_has_prefix (p->tags[i], "Twine."))
      return TRUE;
  return FALSE;
}

static gboolean
has_kind_tag (Passage *p)
{
  for (guint k = 0; k < G_N_ELEMENTS (kind_tags); k++)
    if (g_strv_contains ((const char * const *) p->tags, kind_tags[k]))
      return TRUE;
  return FALSE;
}

/* Sorts the passages into the story's and the nodes'. */
static void
read_passages (Reader     *r,
               BkScenario *s,
               GPtrArray  *passages)
{
  for (guint i = 0; i < passages->len; i++)
    {
      Passage *p = g_ptr_array_index (passages, i);
      gboolean node = has_kind_tag (p);

      if (!node && g_str_equal (p->name, "StoryTitle") && r->title == NULL)
        r->title = p;
      else if (!node && g_str_equal (p->name, "StoryData") && r->data == NULL)
        r->data = p;
      else if (g_strv_contains ((const char * const *) p->tags, META_TAG))
        {
          if (r->meta == NULL)
            r->meta = p;
          else
            add_problem (r->problems, p->name, p->line, "%s",
                         _("There is another passage tagged “betrokken-meta”; this one is left out."));
        }
      else if (node || !is_ignored (p))
        g_ptr_array_add (s->nodes, read_node (r, p));
    }
}

typedef struct
{
  guint rank;
  guint position;
} Place;

static int
by_place (gconstpointer a,
          gconstpointer b)
{
  const Place *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

static void
free_array (gpointer a)
{
  g_array_unref (a);
}

/* Puts the nodes (and their sources) back in the author's @order, which
 * names an id as often as there are nodes with it; nodes it does not name
 * keep their place after the others. */
static void
apply_order (Reader     *r,
             BkScenario *s,
             JsonArray  *order)
{
  g_autoptr (GHashTable) ranks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_array);
  g_autoptr (GArray) places = g_array_new (FALSE, FALSE, sizeof (Place));
  g_autofree gpointer *nodes = NULL;
  g_autofree gpointer *sources = NULL;
  guint n = s->nodes->len;

  for (guint i = 0; order != NULL && i < json_array_get_length (order); i++)
    {
      JsonNode *e = json_array_get_element (order, i);
      const char *id;
      GArray *list;

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        continue;
      id = json_node_get_string (e);
      /* [0] is the next one to hand out, from [1] on */
      if ((list = g_hash_table_lookup (ranks, id)) == NULL)
        {
          g_hash_table_insert (ranks, (gpointer) id, list = g_array_new (FALSE, FALSE, sizeof (guint)));
          g_array_append_val (list, (guint) { 1 });
        }
      g_array_append_val (list, i);
    }
  if (g_hash_table_size (ranks) == 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      GArray *list = g_hash_table_lookup (ranks, ((BkNode *) g_ptr_array_index (s->nodes, i))->id);
      Place place = { G_MAXUINT, i };

      if (list != NULL && g_array_index (list, guint, 0) < list->len)
        place.rank = g_array_index (list, guint, g_array_index (list, guint, 0)++);
      g_array_append_val (places, place);
    }
  g_array_sort (places, by_place);
  nodes = g_memdup2 (s->nodes->pdata, n * sizeof (gpointer));
  sources = g_memdup2 (r->sources->pdata, n * sizeof (gpointer));
  for (guint i = 0; i < n; i++)
    {
      s->nodes->pdata[i] = nodes[g_array_index (places, Place, i).position];
      r->sources->pdata[i] = sources[g_array_index (places, Place, i).position];
    }
}

static gboolean
read_story (Reader      *r,
            BkScenario  *s,
            GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (JsonParser) meta_parser = json_parser_new ();
  JsonObject *o = NULL;

  if (r->title != NULL)
    {
      g_free (s->title);
      s->title = unescape (r->title->text, r->title->text + strlen (r->title->text));
    }
  if (r->meta != NULL)
    {
      Where w = { r->problems, r->meta->name, r->meta->line + 1 };
      g_autoptr (GError) local = NULL;

      if ((o = parse_object (meta_parser, r->meta->text, &w)) != NULL)
        read_meta (s, o, &w, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      apply_order (r, s, take_array (o, "order", &w));
    }
  else
    add_problem (r->problems, META_NAME, 0, "%s",
                 _("There is no passage tagged “betrokken-meta” with the persona, the context and the "
                   "objectives; add one as the format describes."));
  if (o == NULL || member (o, "id") == NULL)
    {
      g_free (s->id);
      s->id = slug (s->title);
    }

  g_clear_pointer (&s->start, g_free);
  if (r->data != NULL)
    {
      Where w = { r->problems, r->data->name, r->data->line + 1 };
      JsonObject *data = parse_object (parser, r->data->text, &w);

      take_string (data, "start", &s->start, &w);
    }
  /* Without a start Twine begins at "Start", and we at the first passage. */
  for (guint i = 0; s->start == NULL && i < s->nodes->len; i++)
    if (g_str_equal (((BkNode *) g_ptr_array_index (s->nodes, i))->id, "Start"))
      s->start = g_strdup ("Start");
  if (s->start == NULL)
    s->start = g_strdup (s->nodes->len > 0 ? ((BkNode *) g_ptr_array_index (s->nodes, 0))->id : "");
  return TRUE;
}

/* bk_scenario_check () speaks of JSON paths; say which passage and line. */
static void
add_rule_problem (Reader     *r,
                  BkProblem  *rule)
{
  const char *path = rule->path, *sub;
  Passage *p = r->meta;
  const char *name = META_NAME;
  int line = 0;
  char *end;

  if (g_str_has_prefix (path, "$.nodes["))
    {
      guint64 i = g_ascii_strtoull (path + 8, &end, 10);

      if (end != path + 8 && *end == ']' && i < r->sources->len)
        {
          Source *src = g_ptr_array_index (r->sources, i);
          guint64 j;

          sub = end + 1;
          name = src->passage->name;
          line = src->passage->line;
          if (g_str_has_prefix (sub, ".choices[")
              && (j = g_ascii_strtoull (sub + 9, NULL, 10)) < src->link_lines->len)
            line = g_array_index (src->link_lines, int, j);
          else if (g_str_equal (sub, ".open.next") && src->link_lines->len > 0)
            line = g_array_index (src->link_lines, int, 0);
          else if ((g_str_has_prefix (sub, ".open") || g_str_has_prefix (sub, ".ending")) && src->block_line > 0)
            line = src->block_line;
          if (*sub == '\0' || g_str_equal (sub, ".id"))
            add_problem (r->problems, name, line, "%s", rule->message);
          else
            add_problem (r->problems, name, line, "%s: %s", sub + 1, rule->message);
          return;
        }
    }
  if (g_str_equal (path, "$.title") && r->title != NULL)
    p = r->title, name = p->name;
  else if (g_str_equal (path, "$.title"))
    name = "StoryTitle";
  else if (g_str_equal (path, "$.start") && r->data != NULL)
    p = r->data, name = p->name;
  else if (g_str_equal (path, "$.start"))
    name = "StoryData";
  else if (p != NULL)
    name = p->name;
  if (p != NULL)
    line = p->line;
  if (g_str_equal (path, "$.title") || g_str_equal (path, "$.nodes"))
    add_problem (r->problems, name, line, "%s", rule->message);
  else
    add_problem (r->problems, name, line, "%s: %s", g_str_has_prefix (path, "$.") ? path + 2 : path,
                 rule->message);
}

/**
 * bk_twee_read:
 * @text: Twee 3 text
 * @length: its length in bytes, or -1 when it ends with a NUL
 * @problems: (out) (transfer full): the problems found, #BkProblem
 * @error: where to put an error
 *
 * Reads a Twee 3 story into a scenario; see the top of this file.
 *
 * Returns: (transfer full) (nullable): the scenario, or %NULL with @error
 */
BkScenario *
bk_twee_read (const char  *text,
              gssize       length,
              GPtrArray  **problems,
              GError     **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_problem_free);
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  g_autoptr (GPtrArray) passages = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (BkScenario) s = NULL;
  g_autoptr (GString) clean = NULL;
  gsize len;
  Reader r = { found, sources, NULL, NULL, NULL };

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (problems != NULL, NULL);
  *problems = NULL;
  len = length < 0 ? strlen (text) : (gsize) length;
  if (len > BK_SCENARIO_MAX_SIZE)
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_TOO_LARGE,
                   _("This file is larger than %d kB; a scenario is much smaller."), BK_SCENARIO_MAX_SIZE / 1024);
      return NULL;
    }
  if (len > 0 && !g_utf8_validate_len (text, len, NULL))
    {
      g_set_error_literal (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_SYNTAX, _("This file is not UTF-8 text."));
      return NULL;
    }
  /* Windows line breaks and a byte order mark are Twine's too. */
  clean = g_string_new_len (len > 0 ? text : "", len);
  if (g_str_has_prefix (clean->str, "\xEF\xBB\xBF"))
    g_string_erase (clean, 0, 3);
  g_string_replace (clean, "\r\n", "\n", 0);
  passages = split_passages (clean->str);
  if (passages->len == 0)
    {
      g_set_error_literal (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_NOT_SCENARIO,
                           _("This is not a Twee story: no line starts a passage with “::”."));
      return NULL;
    }

  s = bk_scenario_new ();
  read_passages (&r, s, passages);
  if (!read_story (&r, s, error))
    return NULL;
  bk_scenario_reindex (s);
  rules = bk_scenario_check (s);
  for (guint i = 0; i < rules->len; i++)
    add_rule_problem (&r, g_ptr_array_index (rules, i));
  *problems = g_steal_pointer (&found);
  return g_steal_pointer (&s);
}
