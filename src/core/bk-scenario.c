/* bk-scenario.c
 * Role-play scenarios in memory: the closed lists of the format, the rules
 * a scenario must keep (data/scenarios/README.md), the best path, and the
 * library of built-in and user scenarios.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading and writing JSON is in bk-scenario-json.c. The rules here work on
 * what is in memory, so the editor can check while a teacher types; their
 * problems carry JSON paths, and the reader adds the lines of the file.
 * The built-in scenarios are compiled into the core library as a GResource
 * (/nl/betrokken/Betrokken/scenarios/<id>.json).
 */
#define G_LOG_DOMAIN "bk-scenario"

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "bk-observation.h"
#include "bk-scenario.h"
#include "bk-scenarios-resources.h"

#define BUILTIN_PATH "/nl/betrokken/Betrokken/scenarios/"
#define MAX_CHOICES  5
#define MAX_OBJECTIVES 5

G_DEFINE_QUARK (bk-scenario-error-quark, bk_scenario_error)

typedef struct { const char *id; const char *label; } Named;

static const Named competencies[BK_N_COMPETENCIES] = {
  { "genuineness", N_("Genuineness") },
  { "respect", N_("Respect") },
  { "listening", N_("Listening") },
  { "summarising", N_("Summarising") },
  { "asking-further", N_("Asking further") },
  { "transparency", N_("Transparency") },
  { "equal-partner", N_("Equal partnership") },
  { "plain-language", N_("Plain language") },
};

static const Named techniques[] = {
  { "genuineness", N_("Genuineness") },
  { "respect", N_("Respect") },
  { "listening", N_("Listening") },
  { "lsd", N_("Listen, summarise, ask further") },
  { "transparency", N_("Transparency") },
  { "equal-partner", N_("The parent as an equal partner") },
  { "plain-language", N_("Plain language") },
  { "van-der-pas", N_("Van der Pas: every parent feels responsible") },
};

static const Named channels[] = {
  { "face-to-face", N_("Face to face") },
  { "phone", N_("Phone call") },
  { "home-visit", N_("Home visit") },
};

static const Named dutch_levels[] = {
  { "fluent", N_("Speaks Dutch well") },
  { "basic", N_("Basic Dutch: short sentences") },
  { "little", N_("Little Dutch: plain words or an interpreter") },
};

static const Named ending_kinds[] = {
  { "good", N_("A good ending") },
  { "mixed", N_("A mixed ending") },
  { "poor", N_("A poor ending") },
};

static const char * const technique_ids[] = {
  "genuineness", "respect", "listening", "lsd", "transparency", "equal-partner",
  "plain-language", "van-der-pas", NULL
};
static const char * const channel_ids[] = { "face-to-face", "phone", "home-visit", NULL };
static const char * const dutch_level_ids[] = { "fluent", "basic", "little", NULL };

static const char *
label_of (const Named *list,
          guint        n,
          const char  *id)
{
  for (guint i = 0; id != NULL && i < n; i++)
    if (g_str_equal (list[i].id, id))
      return _(list[i].label);
  return NULL;
}

const char *
bk_competency_id (BkCompetency c)
{
  g_return_val_if_fail (c < BK_N_COMPETENCIES, NULL);
  return competencies[c].id;
}

const char *
bk_competency_label (BkCompetency c)
{
  g_return_val_if_fail (c < BK_N_COMPETENCIES, NULL);
  return _(competencies[c].label);
}

int
bk_competency_from_id (const char *id)
{
  for (int i = 0; id != NULL && i < BK_N_COMPETENCIES; i++)
    if (g_str_equal (competencies[i].id, id))
      return i;
  return -1;
}

const char * const *bk_scenario_techniques (void) { return technique_ids; }
const char * const *bk_scenario_channels (void) { return channel_ids; }
const char * const *bk_scenario_dutch_levels (void) { return dutch_level_ids; }

const char *
bk_scenario_technique_label (const char *id)
{
  return label_of (techniques, G_N_ELEMENTS (techniques), id);
}

const char *
bk_scenario_channel_label (const char *id)
{
  return label_of (channels, G_N_ELEMENTS (channels), id);
}

const char *
bk_scenario_dutch_level_label (const char *id)
{
  return label_of (dutch_levels, G_N_ELEMENTS (dutch_levels), id);
}

const char *
bk_ending_kind_id (BkEndingKind kind)
{
  g_return_val_if_fail (kind <= BK_ENDING_POOR, NULL);
  return ending_kinds[kind].id;
}

const char *
bk_ending_kind_label (BkEndingKind kind)
{
  g_return_val_if_fail (kind <= BK_ENDING_POOR, NULL);
  return _(ending_kinds[kind].label);
}

/* Memory */

BkChoice *
bk_choice_new (const char *text,
               const char *next)
{
  BkChoice *c = g_new0 (BkChoice, 1);

  c->text = g_strdup (text != NULL ? text : "");
  c->next = g_strdup (next != NULL ? next : "");
  c->technique = g_strdup ("");
  c->feedback = g_strdup ("");
  return c;
}

void
bk_choice_free (BkChoice *c)
{
  if (c == NULL)
    return;
  g_free (c->text);
  g_free (c->next);
  g_free (c->technique);
  g_free (c->feedback);
  g_free (c);
}

BkRubricItem *
bk_rubric_item_new (const char *text,
                    int         competency)
{
  BkRubricItem *r = g_new0 (BkRubricItem, 1);

  r->text = g_strdup (text != NULL ? text : "");
  r->competency = competency;
  return r;
}

void
bk_rubric_item_free (BkRubricItem *r)
{
  if (r == NULL)
    return;
  g_free (r->text);
  g_free (r);
}

BkNode *
bk_node_new (const char *id,
             BkNodeKind  kind)
{
  BkNode *n = g_new0 (BkNode, 1);

  n->id = g_strdup (id != NULL ? id : "");
  n->line = g_strdup ("");
  n->kind = kind;
  n->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_choice_free);
  n->rubric = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_rubric_item_free);
  n->prompt = g_strdup ("");
  n->open_next = g_strdup ("");
  n->ending_kind = BK_ENDING_MIXED;
  n->ending_title = g_strdup ("");
  n->ending_text = g_strdup ("");
  return n;
}

void
bk_node_free (BkNode *n)
{
  if (n == NULL)
    return;
  g_free (n->id);
  g_free (n->line);
  g_free (n->direction);
  g_free (n->narration);
  g_ptr_array_unref (n->choices);
  g_free (n->prompt);
  g_ptr_array_unref (n->rubric);
  g_free (n->open_next);
  g_free (n->ending_title);
  g_free (n->ending_text);
  g_free (n);
}

BkScenario *
bk_scenario_new (void)
{
  BkScenario *s = g_new0 (BkScenario, 1);

  s->ref_count = 1;
  s->version = BK_SCENARIO_VERSION;
  s->id = g_strdup ("");
  s->title = g_strdup ("");
  s->summary = g_strdup ("");
  s->persona_name = g_strdup ("");
  s->persona_role = g_strdup ("");
  s->persona_situation = g_strdup ("");
  s->parent_type = g_strdup ("");
  s->dutch_level = g_strdup ("fluent");
  s->context = g_strdup ("");
  s->channel = g_strdup ("face-to-face");
  s->objectives = g_ptr_array_new_with_free_func (g_free);
  s->start = g_strdup ("");
  s->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_node_free);
  s->index = g_hash_table_new (g_str_hash, g_str_equal);
  return s;
}

BkScenario *
bk_scenario_ref (BkScenario *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  g_atomic_int_inc (&s->ref_count);
  return s;
}

void
bk_scenario_unref (BkScenario *s)
{
  if (s == NULL || !g_atomic_int_dec_and_test (&s->ref_count))
    return;
  g_free (s->id);
  g_free (s->title);
  g_free (s->summary);
  g_free (s->persona_name);
  g_free (s->persona_role);
  g_free (s->persona_situation);
  g_free (s->parent_type);
  g_free (s->dutch_level);
  g_free (s->context);
  g_free (s->channel);
  g_ptr_array_unref (s->objectives);
  g_free (s->start);
  g_ptr_array_unref (s->nodes);
  g_free (s->path);
  g_hash_table_unref (s->index);
  g_free (s);
}

/* The first node with an id wins, as the rules report the second. */
void
bk_scenario_reindex (BkScenario *s)
{
  g_hash_table_remove_all (s->index);
  for (guint i = 0; i < s->nodes->len; i++)
    {
      BkNode *n = g_ptr_array_index (s->nodes, i);

      if (!g_hash_table_contains (s->index, n->id))
        g_hash_table_insert (s->index, n->id, n);
    }
}

BkNode *
bk_scenario_find_node (BkScenario *s,
                       const char *id)
{
  return id != NULL ? g_hash_table_lookup (s->index, id) : NULL;
}

guint
bk_scenario_n_decisions (BkScenario *s)
{
  guint n = 0;

  for (guint i = 0; i < s->nodes->len; i++)
    {
      BkNode *node = g_ptr_array_index (s->nodes, i);

      n += node->kind == BK_NODE_CHOICES && node->choices->len >= 2;
    }
  return n;
}

guint
bk_scenario_n_endings (BkScenario *s)
{
  guint n = 0;

  for (guint i = 0; i < s->nodes->len; i++)
    n += ((BkNode *) g_ptr_array_index (s->nodes, i))->kind == BK_NODE_ENDING;
  return n;
}

/* Problems */

void
bk_problem_free (BkProblem *p)
{
  if (p == NULL)
    return;
  g_free (p->path);
  g_free (p->message);
  g_free (p);
}

char *
bk_problem_to_string (const BkProblem *p)
{
  if (p->line > 0)
    /* Translators: "$.nodes[4].choices[1].next (line 88): no node “verdedigd”" */
    return g_strdup_printf (_("%s (line %d): %s"), p->path, p->line, p->message);
  return g_strdup_printf ("%s: %s", p->path, p->message);
}

static void add_problem (GPtrArray *problems, const char *path, const char *format, ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (GPtrArray  *problems,
             const char *path,
             const char *format,
             ...)
{
  BkProblem *p = g_new0 (BkProblem, 1);
  va_list args;

  va_start (args, format);
  p->path = g_strdup (path);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (problems, p);
}

static gboolean
blank (const char *s)
{
  if (s == NULL)
    return TRUE;
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static gboolean
in_list (const char * const *list,
         const char         *value)
{
  return value != NULL && g_strv_contains (list, value);
}

static gboolean
valid_id (const char *id)
{
  if (blank (id))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static void
require_text (GPtrArray  *problems,
              const char *path,
              const char *value)
{
  if (blank (value))
    add_problem (problems, path, "%s", _("This cannot be empty."));
}

static void
check_link (BkScenario *s,
            GPtrArray  *problems,
            const char *path,
            const char *next)
{
  if (blank (next))
    add_problem (problems, path, "%s", _("Choose the node this leads to."));
  else if (bk_scenario_find_node (s, next) == NULL)
    add_problem (problems, path, _("There is no node “%s”."), next);
}

static void
check_choices (BkScenario *s,
               BkNode     *n,
               const char *base,
               GPtrArray  *problems)
{
  guint n_best = 0;

  if (n->choices->len == 0)
    {
      add_problem (problems, base, _("Node “%s” has no way out: give it choices, an open turn or an ending."),
                   n->id);
      return;
    }
  if (n->choices->len > MAX_CHOICES)
    add_problem (problems, base, _("A decision point has at most %d choices."), MAX_CHOICES);
  for (guint j = 0; j < n->choices->len; j++)
    {
      BkChoice *c = g_ptr_array_index (n->choices, j);
      g_autofree char *cb = g_strdup_printf ("%s.choices[%u]", base, j);
      g_autofree char *text = g_strconcat (cb, ".text", NULL);
      g_autofree char *next = g_strconcat (cb, ".next", NULL);
      g_autofree char *technique = g_strconcat (cb, ".technique", NULL);
      g_autofree char *feedback = g_strconcat (cb, ".feedback", NULL);

      n_best += c->best;
      require_text (problems, text, c->text);
      check_link (s, problems, next, c->next);
      if (blank (c->technique))
        add_problem (problems, technique, "%s", _("Name the technique the feedback is about."));
      else if (!in_list (technique_ids, c->technique))
        add_problem (problems, technique, _("“%s” is not a known technique."), c->technique);
      require_text (problems, feedback, c->feedback);
      for (int k = 0; k < BK_N_COMPETENCIES; k++)
        if (c->scores[k] < -2 || c->scores[k] > 2)
          {
            g_autofree char *sp = g_strdup_printf ("%s.scores.%s", cb, competencies[k].id);
            add_problem (problems, sp, "%s", _("A score is a whole number from -2 to 2."));
          }
    }
  if (n->choices->len >= 2 && n_best == 0)
    add_problem (problems, base, "%s", _("Mark one choice as the best one."));
  else if (n_best > 1)
    add_problem (problems, base, "%s", _("Only one choice can be the best one."));
}

static void
check_node (BkScenario *s,
            BkNode     *n,
            guint       i,
            GPtrArray  *problems)
{
  g_autofree char *base = g_strdup_printf ("$.nodes[%u]", i);
  g_autofree char *id = g_strconcat (base, ".id", NULL);

  if (blank (n->id))
    add_problem (problems, id, "%s", _("A node needs an id."));
  else if (bk_scenario_find_node (s, n->id) != n)
    add_problem (problems, id, _("There is another node “%s”: ids must be unique."), n->id);
  if (n->line == NULL)
    {
      g_autofree char *line = g_strconcat (base, ".line", NULL);
      add_problem (problems, line, "%s", _("The parent’s line is missing."));
    }

  if (n->kind == BK_NODE_CHOICES)
    check_choices (s, n, base, problems);
  else if (n->kind == BK_NODE_OPEN)
    {
      g_autofree char *prompt = g_strconcat (base, ".open.prompt", NULL);
      g_autofree char *rubric = g_strconcat (base, ".open.rubric", NULL);
      g_autofree char *next = g_strconcat (base, ".open.next", NULL);

      require_text (problems, prompt, n->prompt);
      if (n->rubric->len == 0)
        add_problem (problems, rubric, "%s", _("An open turn needs a rubric to rate the answer."));
      else if (n->rubric->len > BK_SCENARIO_MAX_RUBRIC)
        add_problem (problems, rubric, _("A rubric has at most %d items."), BK_SCENARIO_MAX_RUBRIC);
      for (guint j = 0; j < n->rubric->len; j++)
        {
          BkRubricItem *r = g_ptr_array_index (n->rubric, j);
          g_autofree char *rp = g_strdup_printf ("%s[%u]", rubric, j);
          g_autofree char *text = g_strconcat (rp, ".text", NULL);
          g_autofree char *comp = g_strconcat (rp, ".competency", NULL);

          require_text (problems, text, r->text);
          if (r->competency < 0 || r->competency >= BK_N_COMPETENCIES)
            add_problem (problems, comp, "%s", _("Choose the competency this item shows."));
        }
      check_link (s, problems, next, n->open_next);
    }
  else
    {
      g_autofree char *title = g_strconcat (base, ".ending.title", NULL);
      g_autofree char *text = g_strconcat (base, ".ending.text", NULL);

      require_text (problems, title, n->ending_title);
      require_text (problems, text, n->ending_text);
    }
}

/* Where each node leads; links to missing nodes are left out. */
static void
node_links (BkScenario *s,
            BkNode     *n,
            GPtrArray  *out)
{
  g_ptr_array_set_size (out, 0);
  if (n->kind == BK_NODE_CHOICES)
    for (guint j = 0; j < n->choices->len; j++)
      {
        BkNode *next = bk_scenario_find_node (s, ((BkChoice *) g_ptr_array_index (n->choices, j))->next);
        if (next != NULL)
          g_ptr_array_add (out, next);
      }
  else if (n->kind == BK_NODE_OPEN && bk_scenario_find_node (s, n->open_next) != NULL)
    g_ptr_array_add (out, bk_scenario_find_node (s, n->open_next));
}

static int
node_index (BkScenario *s,
            BkNode     *n)
{
  guint i;

  return g_ptr_array_find (s->nodes, n, &i) ? (int) i : -1;
}

/* Depth first from start, without recursion (a long script must not blow
 * the stack): marks what is reachable and reports each link that goes back
 * to a node on the current path. */
static void
check_graph (BkScenario *s,
             GPtrArray  *problems)
{
  BkNode *start = bk_scenario_find_node (s, s->start);
  g_autoptr (GHashTable) state = g_hash_table_new (NULL, NULL);   /* 1 on path, 2 done */
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (gpointer));
  g_autoptr (GArray) pos = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) links = g_ptr_array_new ();

  if (start == NULL)
    return;
  g_array_append_val (stack, start);
  g_array_append_vals (pos, &(guint) { 0 }, 1);
  g_hash_table_insert (state, start, GINT_TO_POINTER (1));
  while (stack->len > 0)
    {
      BkNode *n = g_array_index (stack, BkNode *, stack->len - 1);
      guint *at = &g_array_index (pos, guint, pos->len - 1);

      node_links (s, n, links);
      if (*at >= links->len)
        {
          g_hash_table_insert (state, n, GINT_TO_POINTER (2));
          g_array_set_size (stack, stack->len - 1);
          g_array_set_size (pos, pos->len - 1);
          continue;
        }
      BkNode *next = g_ptr_array_index (links, (*at)++);
      int st = GPOINTER_TO_INT (g_hash_table_lookup (state, next));
      if (st == 1)
        {
          g_autofree char *path = g_strdup_printf ("$.nodes[%d]", node_index (s, n));
          add_problem (problems, path, _("“%s” leads back to “%s”: the conversation would go round in a loop."),
                       n->id, next->id);
        }
      else if (st == 0)
        {
          g_hash_table_insert (state, next, GINT_TO_POINTER (1));
          g_array_append_val (stack, next);
          g_array_append_vals (pos, &(guint) { 0 }, 1);
        }
    }
  for (guint i = 0; i < s->nodes->len; i++)
    {
      BkNode *n = g_ptr_array_index (s->nodes, i);

      if (!g_hash_table_contains (state, n) && bk_scenario_find_node (s, n->id) == n)
        {
          g_autofree char *path = g_strdup_printf ("$.nodes[%u]", i);
          add_problem (problems, path, _("Node “%s” cannot be reached from the start."), n->id);
        }
    }
}

GPtrArray *
bk_scenario_check (BkScenario *s)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_problem_free);

  g_return_val_if_fail (s != NULL, problems);
  bk_scenario_reindex (s);
  if (s->version != BK_SCENARIO_VERSION)
    add_problem (problems, "$.version", _("This is version %d of the format; Betrokken reads version %d."),
                 s->version, BK_SCENARIO_VERSION);
  if (!valid_id (s->id))
    add_problem (problems, "$.id", "%s", _("The id uses only lower-case letters, digits and “-”."));
  require_text (problems, "$.title", s->title);
  require_text (problems, "$.summary", s->summary);
  require_text (problems, "$.persona.name", s->persona_name);
  require_text (problems, "$.persona.role", s->persona_role);
  require_text (problems, "$.persona.situation", s->persona_situation);
  if (!in_list (bk_observation_types (), s->parent_type))
    add_problem (problems, "$.persona.parent_type", "%s", _("Choose one of the seven parent types."));
  if (!in_list (dutch_level_ids, s->dutch_level))
    add_problem (problems, "$.persona.dutch_level", "%s", _("Choose how much Dutch the parent speaks."));
  require_text (problems, "$.context", s->context);
  if (!in_list (channel_ids, s->channel))
    add_problem (problems, "$.channel", "%s", _("Choose face to face, phone call or home visit."));
  if (s->objectives->len < 1 || s->objectives->len > MAX_OBJECTIVES)
    add_problem (problems, "$.objectives", _("Write one to %d learning objectives."), MAX_OBJECTIVES);
  for (guint i = 0; i < s->objectives->len; i++)
    {
      g_autofree char *path = g_strdup_printf ("$.objectives[%u]", i);
      require_text (problems, path, g_ptr_array_index (s->objectives, i));
    }
  if (s->competencies == 0)
    add_problem (problems, "$.competencies", "%s", _("Choose the competencies this scenario trains."));
  if (s->nodes->len == 0)
    add_problem (problems, "$.nodes", "%s", _("The conversation has no nodes yet."));
  else if (blank (s->start))
    add_problem (problems, "$.start", "%s", _("Choose the node the conversation starts at."));
  else if (bk_scenario_find_node (s, s->start) == NULL)
    add_problem (problems, "$.start", _("There is no node “%s”."), s->start);
  for (guint i = 0; i < s->nodes->len; i++)
    check_node (s, g_ptr_array_index (s->nodes, i), i, problems);
  check_graph (s, problems);
  return problems;
}

/* The best path */

static BkNode *
best_next (BkScenario *s,
           BkNode     *n,
           BkChoice  **out_choice)
{
  *out_choice = NULL;
  if (n->kind == BK_NODE_OPEN)
    return bk_scenario_find_node (s, n->open_next);
  if (n->kind != BK_NODE_CHOICES)
    return NULL;
  for (guint j = 0; j < n->choices->len; j++)
    {
      BkChoice *c = g_ptr_array_index (n->choices, j);

      if (c->best || n->choices->len == 1)
        {
          *out_choice = c;
          return bk_scenario_find_node (s, c->next);
        }
    }
  return NULL;
}

/* Walks the best choices; stops at an ending, a dead end or a node seen
 * before (a broken scenario in the editor must not hang). */
static void
walk_best (BkScenario *s,
           GPtrArray  *ids,
           int         scores[BK_N_COMPETENCIES])
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  BkNode *n = bk_scenario_find_node (s, s->start);

  if (scores != NULL)
    memset (scores, 0, sizeof (int) * BK_N_COMPETENCIES);
  while (n != NULL && g_hash_table_add (seen, n))
    {
      BkChoice *c;

      if (ids != NULL)
        g_ptr_array_add (ids, g_strdup (n->id));
      if (scores != NULL && n->kind == BK_NODE_OPEN)
        for (guint j = 0; j < n->rubric->len; j++)
          {
            int k = ((BkRubricItem *) g_ptr_array_index (n->rubric, j))->competency;
            if (k >= 0 && k < BK_N_COMPETENCIES)
              scores[k]++;
          }
      n = best_next (s, n, &c);
      if (scores != NULL && c != NULL)
        for (int k = 0; k < BK_N_COMPETENCIES; k++)
          scores[k] += c->scores[k];
    }
}

GPtrArray *
bk_scenario_best_path (BkScenario *s)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  walk_best (s, ids, NULL);
  return ids;
}

void
bk_scenario_best_scores (BkScenario *s,
                         int         scores[BK_N_COMPETENCIES])
{
  walk_best (s, NULL, scores);
}

/* The library */

BkScenario *
bk_scenario_builtin (const char *id)
{
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  BkScenario *s;

  if (!valid_id (id))
    return NULL;
  path = g_strconcat (BUILTIN_PATH, id, ".json", NULL);
  bytes = g_resource_lookup_data (bk_scenarios_get_resource (), path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    return NULL;
  s = bk_scenario_read (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &problems, &error);
  if (s == NULL || problems->len > 0)
    {
      /* The tests keep the built-ins valid; say so loudly if one is not. */
      g_critical ("Built-in scenario %s is broken: %s", id,
                  error != NULL ? error->message : ((BkProblem *) g_ptr_array_index (problems, 0))->message);
      g_clear_pointer (&s, bk_scenario_unref);
      return NULL;
    }
  s->builtin = TRUE;
  return s;
}

char *
bk_scenario_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "betrokken", "scenarios", NULL);
}

static int
by_title (gconstpointer a,
          gconstpointer b)
{
  const BkScenario *x = *(BkScenario **) a, *y = *(BkScenario **) b;
  g_autofree char *kx = g_utf8_collate_key (x->title, -1);
  g_autofree char *ky = g_utf8_collate_key (y->title, -1);

  return strcmp (kx, ky);
}

static void
add_user_scenarios (GHashTable *by_id,
                    const char *user_dir,
                    GPtrArray  *problems)
{
  g_autoptr (GDir) dir = g_dir_open (user_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr (GPtrArray) found = NULL;
      g_autoptr (GError) error = NULL;
      BkScenario *s;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (user_dir, name, NULL);
      s = bk_scenario_read_file (path, &found, &error);
      if (s == NULL || found->len > 0)
        {
          if (problems != NULL)
            {
              g_autofree char *what = error != NULL ? g_strdup (error->message)
                                    : bk_problem_to_string (g_ptr_array_index (found, 0));
              g_ptr_array_add (problems, g_strdup_printf ("%s: %s", name, what));
            }
          g_clear_pointer (&s, bk_scenario_unref);
          continue;
        }
      g_hash_table_replace (by_id, s->id, s);
    }
}

GPtrArray *
bk_scenario_library (const char  *user_dir,
                     GPtrArray  **problems)
{
  g_autoptr (GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) bk_scenario_unref);
  g_auto (GStrv) names = g_resource_enumerate_children (bk_scenarios_get_resource (), BUILTIN_PATH,
                                                        G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  GPtrArray *library = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_scenario_unref);
  GHashTableIter iter;
  gpointer value;

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *id = g_str_has_suffix (names[i], ".json")
                            ? g_strndup (names[i], strlen (names[i]) - 5) : NULL;
      BkScenario *s = id != NULL ? bk_scenario_builtin (id) : NULL;

      if (s != NULL)
        g_hash_table_replace (by_id, s->id, s);
    }
  if (user_dir != NULL)
    add_user_scenarios (by_id, user_dir, problems != NULL ? *problems : NULL);

  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (library, bk_scenario_ref (value));
  g_ptr_array_sort (library, by_title);
  return library;
}
