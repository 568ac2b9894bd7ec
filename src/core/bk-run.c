/* bk-run.c
 * Playing a scenario: the runner's state machine.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run is where the intern is in a scenario and the steps that led there.
 * It keeps the current node by id, not by pointer, so an editor that
 * changes the scenario under a test run leaves no dangling node; it holds
 * a reference on the scenario.
 *
 * The choices of a decision point are shown shuffled, so that their place
 * never gives the best one away. Every time the run arrives at a node (at
 * the start, after a step, after going back) it draws a new order from a
 * GRand seeded with the run's seed and the number of orders drawn so far:
 * the same seed and the same actions give the same orders, and going back
 * to a node shows its choices in another order than the first time.
 *
 * Scores add up the scores of the choices taken, and 1 for every rubric
 * item ticked at an open turn, to that item's competency. A step "took the
 * best choice" when it took the choice marked best, when its node had a
 * single choice (a "continue"), or, at an open turn, when every rubric
 * item was ticked.
 *
 * The path is the steps as JSON, by the author's index of the choice (not
 * the shown position): [{"node":"begin","choice":0},
 * {"node":"samenvatten","answer":"...","rubric":3}]. Reading it back
 * replays it on the scenario and refuses a step that does not fit, for
 * instance when the scenario changed since the run was kept.
 */
#define G_LOG_DOMAIN "bk-run"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bk-run.h"

struct _BkRun
{
  BkScenario *scenario;
  guint32     seed;
  char       *node_id;    /* where the run is now */
  GArray     *steps;      /* BkStep */
  GArray     *shown;      /* guint: the author's index at each position */
  guint32     n_orders;   /* orders drawn so far: the PRNG's second seed word */
};

static void
step_clear (gpointer data)
{
  BkStep *step = data;

  g_free (step->node_id);
  g_free (step->answer);
}

/* The bits an answer at @node may tick. */
static guint
rubric_mask (const BkNode *node)
{
  guint n = node->rubric != NULL ? node->rubric->len : 0;

  return n >= 32 ? G_MAXUINT : (1u << n) - 1;
}

/* A new order of the current node's choices (none away from a decision). */
static void
shuffle (BkRun *run)
{
  BkNode *node = bk_run_get_node (run);
  const guint32 seed[2] = { run->seed, run->n_orders++ };
  g_autoptr (GRand) prng = NULL;
  guint *shown;

  g_array_set_size (run->shown, 0);
  if (node == NULL || node->kind != BK_NODE_CHOICES || node->choices == NULL)
    return;
  for (guint i = 0; i < node->choices->len; i++)
    g_array_append_val (run->shown, i);

  prng = g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
  shown = (guint *) (gpointer) run->shown->data;
  for (guint i = run->shown->len; i > 1; i--)
    {
      guint j = g_rand_int_range (prng, 0, i);
      guint t = shown[i - 1];

      shown[i - 1] = shown[j];
      shown[j] = t;
    }
}

/**
 * bk_run_new:
 * @scenario: a scenario without problems; the run holds a reference
 *
 * Returns: (transfer full): a run at the scenario's start
 */
BkRun *
bk_run_new (BkScenario *scenario,
            guint32     seed)
{
  BkRun *run;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (scenario->start != NULL, NULL);

  run = g_new0 (BkRun, 1);
  run->scenario = bk_scenario_ref (scenario);
  run->seed = seed;
  run->node_id = g_strdup (scenario->start);
  run->steps = g_array_new (FALSE, TRUE, sizeof (BkStep));
  g_array_set_clear_func (run->steps, step_clear);
  run->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  shuffle (run);
  return run;
}

void
bk_run_free (BkRun *run)
{
  if (run == NULL)
    return;
  g_array_unref (run->steps);
  g_array_unref (run->shown);
  g_free (run->node_id);
  bk_scenario_unref (run->scenario);
  g_free (run);
}

/**
 * bk_run_get_scenario:
 *
 * Returns: (transfer none): the scenario played
 */
BkScenario *
bk_run_get_scenario (BkRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);

  return run->scenario;
}

/**
 * bk_run_get_node:
 *
 * Returns: (transfer none) (nullable): the node the run is at; %NULL only
 *   when an editor removed it from the scenario
 */
BkNode *
bk_run_get_node (BkRun *run)
{
  g_return_val_if_fail (run != NULL, NULL);

  return bk_scenario_find_node (run->scenario, run->node_id);
}

gboolean
bk_run_is_finished (BkRun *run)
{
  BkNode *node = bk_run_get_node (run);

  return node != NULL && node->kind == BK_NODE_ENDING;
}

/**
 * bk_run_get_n_shown:
 *
 * Returns: how many choices are shown: 0 at an open turn or an ending
 */
guint
bk_run_get_n_shown (BkRun *run)
{
  g_return_val_if_fail (run != NULL, 0);

  return run->shown->len;
}

/**
 * bk_run_get_shown:
 * @position: less than bk_run_get_n_shown()
 *
 * Returns: the author's index of the choice shown at @position
 */
guint
bk_run_get_shown (BkRun *run,
                  guint  position)
{
  g_return_val_if_fail (run != NULL, 0);
  g_return_val_if_fail (position < run->shown->len, 0);

  return g_array_index (run->shown, guint, position);
}

/* Records a step at @node and goes on to @next. */
static gboolean
take_step (BkRun      *run,
           BkNode     *node,
           int         choice,
           const char *answer,
           guint       rubric,
           const char *next)
{
  BkStep step = { 0 };

  /* bk_scenario_check () finds dangling links; a run needs none. */
  g_return_val_if_fail (bk_scenario_find_node (run->scenario, next) != NULL, FALSE);

  step.node_id = g_strdup (node->id);
  step.choice = choice;
  step.answer = g_strdup (answer);
  step.rubric = rubric;
  g_array_append_val (run->steps, step);
  g_free (run->node_id);
  run->node_id = g_strdup (next);
  shuffle (run);
  return TRUE;
}

/**
 * bk_run_choose:
 * @position: the place of the choice as shown
 *
 * Takes the choice shown at @position and goes on to its next node, where
 * the choices are shuffled anew.
 *
 * Returns: (transfer none) (nullable): the choice taken, for its feedback;
 *   %NULL, and nothing changes, when the run is not at a decision point or
 *   @position is out of range
 */
const BkChoice *
bk_run_choose (BkRun *run,
               guint  position)
{
  BkNode *node;
  BkChoice *choice;
  guint index;

  g_return_val_if_fail (run != NULL, NULL);

  node = bk_run_get_node (run);
  if (node == NULL || node->kind != BK_NODE_CHOICES || position >= run->shown->len)
    return NULL;
  index = g_array_index (run->shown, guint, position);
  if (index >= node->choices->len)
    return NULL;
  choice = g_ptr_array_index (node->choices, index);
  if (!take_step (run, node, index, NULL, 0, choice->next))
    return NULL;
  return choice;
}

/**
 * bk_run_answer:
 * @answer: (nullable): what the intern wrote; %NULL is ""
 * @rubric: bit i set for each rubric item i the intern ticked
 *
 * Answers the open turn the run is at and goes on to its next node.
 *
 * Returns: %FALSE, and nothing changes, when the run is not at an open
 *   turn or @rubric ticks an item the turn does not have
 */
gboolean
bk_run_answer (BkRun      *run,
               const char *answer,
               guint       rubric)
{
  BkNode *node;

  g_return_val_if_fail (run != NULL, FALSE);

  node = bk_run_get_node (run);
  if (node == NULL || node->kind != BK_NODE_OPEN || (rubric & ~rubric_mask (node)) != 0)
    return FALSE;
  return take_step (run, node, -1, answer != NULL ? answer : "", rubric, node->open_next);
}

guint
bk_run_get_n_steps (BkRun *run)
{
  g_return_val_if_fail (run != NULL, 0);

  return run->steps->len;
}

/**
 * bk_run_get_step:
 *
 * Returns: (transfer none) (nullable): step @i, or %NULL when there is
 *   none; valid until the run changes
 */
const BkStep *
bk_run_get_step (BkRun *run,
                 guint  i)
{
  g_return_val_if_fail (run != NULL, NULL);

  if (i >= run->steps->len)
    return NULL;
  return &g_array_index (run->steps, BkStep, i);
}

/**
 * bk_run_replay_from:
 * @i: a step, less than bk_run_get_n_steps()
 *
 * Goes back to before step @i: it and the steps after it are forgotten,
 * the run is at that step's node again, with its choices in a new order.
 *
 * Returns: %FALSE, and nothing changes, when there is no step @i
 */
gboolean
bk_run_replay_from (BkRun *run,
                    guint  i)
{
  char *node_id;

  g_return_val_if_fail (run != NULL, FALSE);

  if (i >= run->steps->len)
    return FALSE;
  node_id = g_strdup (g_array_index (run->steps, BkStep, i).node_id);
  g_array_set_size (run->steps, i);
  g_free (run->node_id);
  run->node_id = node_id;
  shuffle (run);
  return TRUE;
}

/* The choice @step took, or NULL for an open turn (or a step that no
 * longer fits an edited scenario). */
static BkChoice *
step_choice (BkNode       *node,
             const BkStep *step)
{
  if (node == NULL || node->kind != BK_NODE_CHOICES || step->choice < 0
      || (guint) step->choice >= node->choices->len)
    return NULL;
  return g_ptr_array_index (node->choices, step->choice);
}

static BkNode *
step_open_node (BkNode *node)
{
  return node != NULL && node->kind == BK_NODE_OPEN ? node : NULL;
}

/**
 * bk_run_get_scores:
 * @scores: (out caller-allocates): per competency
 *
 * The scores of the choices taken, and 1 for each rubric item ticked, to
 * the item's competency.
 */
void
bk_run_get_scores (BkRun *run,
                   int    scores[BK_N_COMPETENCIES])
{
  g_return_if_fail (run != NULL);

  for (int c = 0; c < BK_N_COMPETENCIES; c++)
    scores[c] = 0;
  for (guint i = 0; i < run->steps->len; i++)
    {
      const BkStep *step = &g_array_index (run->steps, BkStep, i);
      BkNode *node = bk_scenario_find_node (run->scenario, step->node_id);
      BkChoice *choice = step_choice (node, step);
      BkNode *open = step->choice < 0 ? step_open_node (node) : NULL;

      if (choice != NULL)
        for (int c = 0; c < BK_N_COMPETENCIES; c++)
          scores[c] += choice->scores[c];
      for (guint k = 0; open != NULL && open->rubric != NULL && k < open->rubric->len && k < 32; k++)
        {
          BkRubricItem *item = g_ptr_array_index (open->rubric, k);

          if ((step->rubric & (1u << k)) != 0
              && item->competency >= 0 && item->competency < BK_N_COMPETENCIES)
            scores[item->competency]++;
        }
    }
}

/**
 * bk_run_get_n_best:
 *
 * Returns: how many steps took the best choice: the one marked best, the
 *   only one of a "continue", or at an open turn every rubric item ticked
 */
guint
bk_run_get_n_best (BkRun *run)
{
  guint n = 0;

  g_return_val_if_fail (run != NULL, 0);

  for (guint i = 0; i < run->steps->len; i++)
    {
      const BkStep *step = &g_array_index (run->steps, BkStep, i);
      BkNode *node = bk_scenario_find_node (run->scenario, step->node_id);
      BkChoice *choice = step_choice (node, step);
      BkNode *open = step->choice < 0 ? step_open_node (node) : NULL;

      if (choice != NULL && (choice->best || node->choices->len == 1))
        n++;
      else if (open != NULL && step->rubric == rubric_mask (open))
        n++;
    }
  return n;
}

/* The path as JSON. */

/**
 * bk_run_path_to_json:
 *
 * Returns: (transfer full): the steps as a compact JSON array, by the
 *   author's index of each choice
 */
char *
bk_run_path_to_json (BkRun *run)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  g_return_val_if_fail (run != NULL, NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < run->steps->len; i++)
    {
      const BkStep *step = &g_array_index (run->steps, BkStep, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "node");
      json_builder_add_string_value (builder, step->node_id);
      if (step->choice >= 0)
        {
          json_builder_set_member_name (builder, "choice");
          json_builder_add_int_value (builder, step->choice);
        }
      else
        {
          json_builder_set_member_name (builder, "answer");
          json_builder_add_string_value (builder, step->answer != NULL ? step->answer : "");
          json_builder_set_member_name (builder, "rubric");
          json_builder_add_int_value (builder, step->rubric);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Member @name of @o as a whole number; FALSE when missing or not one. */
static gboolean
get_int_member (JsonObject  *o,
                const char  *name,
                gint64      *out)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

static const char *
get_string_member (JsonObject *o,
                   const char *name)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Takes step @i (0-based) of a path, after checking that it fits. */
static gboolean
apply_json_step (BkRun     *run,
                 JsonNode  *element,
                 guint      i,
                 GError   **error)
{
  BkNode *node = bk_run_get_node (run);
  JsonObject *o;
  const char *node_id;
  gint64 choice = -1;
  gint64 rubric = 0;
  const char *answer = NULL;
  const char *next;

  if (!JSON_NODE_HOLDS_OBJECT (element))
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                   _("Step %u of this run is damaged."), i + 1);
      return FALSE;
    }
  o = json_node_get_object (element);
  node_id = get_string_member (o, "node");
  if (node_id == NULL)
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                   _("Step %u of this run does not say where in the conversation it was."), i + 1);
      return FALSE;
    }
  if (node == NULL || !g_str_equal (node_id, node->id))
    {
      /* Translators: the scenario was probably edited after the run. */
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                   _("Step %u of this run was taken at “%s”, but the conversation is at “%s” there. "
                     "The scenario has changed since the run."),
                   i + 1, node_id, run->node_id);
      return FALSE;
    }

  switch (node->kind)
    {
    case BK_NODE_CHOICES:
      if (!get_int_member (o, "choice", &choice) || choice < 0 || choice >= node->choices->len)
        {
          g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                       _("Step %u of this run takes a choice that “%s” does not have. "
                         "The scenario has changed since the run."),
                       i + 1, node->id);
          return FALSE;
        }
      next = ((BkChoice *) g_ptr_array_index (node->choices, choice))->next;
      break;

    case BK_NODE_OPEN:
      answer = json_object_has_member (o, "answer") ? get_string_member (o, "answer") : "";
      if (answer == NULL || json_object_has_member (o, "choice"))
        {
          g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                       _("Step %u of this run has no written answer, but “%s” asks for one. "
                         "The scenario has changed since the run."),
                       i + 1, node->id);
          return FALSE;
        }
      if (json_object_has_member (o, "rubric") && !get_int_member (o, "rubric", &rubric))
        rubric = -1;
      if (rubric < 0 || rubric > G_MAXUINT || ((guint) rubric & ~rubric_mask (node)) != 0)
        {
          g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                       _("Step %u of this run ticks a point that “%s” does not have. "
                         "The scenario has changed since the run."),
                       i + 1, node->id);
          return FALSE;
        }
      next = node->open_next;
      break;

    case BK_NODE_ENDING:
    default:
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                   _("Step %u of this run comes after the conversation had ended. "
                     "The scenario has changed since the run."),
                   i + 1);
      return FALSE;
    }

  /* A scenario in the editor may have a dangling link: say so, do not
   * fail the way a run of a checked scenario would. */
  if (bk_scenario_find_node (run->scenario, next) == NULL)
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                   _("Step %u of this run leads to a node that “%s” no longer has. "
                     "The scenario has changed since the run."),
                   i + 1, run->scenario->title != NULL ? run->scenario->title : "");
      return FALSE;
    }
  return take_step (run, node, choice, answer, rubric, next);
}

/**
 * bk_run_new_from_json:
 * @path_json: as bk_run_path_to_json() wrote it
 *
 * A run of @scenario that took the steps of @path_json, in order.
 *
 * Returns: (transfer full) (nullable): the run, or %NULL with @error
 *   (BK_SCENARIO_ERROR_INVALID) when the text is not a path or a step does
 *   not fit the scenario: another node than the run is at, a choice out of
 *   range, a rubric item the turn does not have, a step after an ending
 */
BkRun *
bk_run_new_from_json (BkScenario  *scenario,
                      const char  *path_json,
                      guint32      seed,
                      GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local = NULL;
  g_autoptr (BkRun) run = NULL;
  JsonNode *root;
  JsonArray *steps;

  g_return_val_if_fail (scenario != NULL, NULL);
  g_return_val_if_fail (path_json != NULL, NULL);

  if (!json_parser_load_from_data (parser, path_json, -1, &local))
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                   _("The steps of this run are damaged: %s"), local->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error_literal (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID,
                           _("The steps of this run are damaged: they are not a list."));
      return NULL;
    }

  run = bk_run_new (scenario, seed);
  steps = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    if (!apply_json_step (run, json_array_get_element (steps, i), i, error))
      return NULL;
  return g_steal_pointer (&run);
}
