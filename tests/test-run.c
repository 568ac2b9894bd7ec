/* test-run.c
 * Playing a scenario: the runner, its path as JSON, and the runs kept in the store.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bk-practice.h"
#include "bk-test-util.h"

/* A small conversation: a decision (three choices), a "continue", an open
 * turn with two rubric items, a second decision and three endings.
 *
 *   begin --luisteren (best)--> open --> decide --best--> good
 *         --uitleggen---------> verder --> open     \---> mixed
 *         --verwijt-----------> poor
 */
static const char small_json[] =
  "{"
  " \"format\": \"betrokken-scenario\", \"version\": 1, \"id\": \"klein\","
  " \"title\": \"Een klein gesprek\", \"summary\": \"Een kort gesprek om te oefenen.\","
  " \"persona\": { \"name\": \"Anna de Vries\", \"role\": \"moeder van Tim (8)\","
  "   \"situation\": \"Werkt overdag.\", \"parent_type\": \"avoiding\", \"dutch_level\": \"fluent\" },"
  " \"context\": \"Tim is net begonnen.\", \"channel\": \"phone\","
  " \"objectives\": [ \"Luisteren.\" ], \"competencies\": [ \"listening\" ],"
  " \"start\": \"begin\","
  " \"nodes\": ["
  "  { \"id\": \"begin\", \"line\": \"Met Anna.\", \"choices\": ["
  "    { \"text\": \"Hoe gaat het met Tim?\", \"next\": \"open\", \"best\": true,"
  "      \"technique\": \"lsd\", \"feedback\": \"Een open vraag.\","
  "      \"scores\": { \"listening\": 2, \"asking-further\": 1 } },"
  "    { \"text\": \"Ik leg het even uit.\", \"next\": \"verder\","
  "      \"technique\": \"transparency\", \"feedback\": \"Duidelijk, maar je luistert niet.\","
  "      \"scores\": { \"transparency\": 1, \"listening\": -1 } },"
  "    { \"text\": \"U bent nooit gekomen.\", \"next\": \"poor\","
  "      \"technique\": \"respect\", \"feedback\": \"Dit klinkt als een verwijt.\","
  "      \"scores\": { \"respect\": -2 } } ] },"
  "  { \"id\": \"verder\", \"line\": \"Hm.\", \"choices\": ["
  "    { \"text\": \"Vertelt u eens.\", \"next\": \"open\", \"technique\": \"listening\","
  "      \"feedback\": \"Je geeft de beurt terug.\", \"scores\": { \"equal-partner\": 1 } } ] },"
  "  { \"id\": \"open\", \"line\": \"Hij vindt het best leuk.\", \"open\": {"
  "    \"prompt\": \"Vat samen wat de moeder zei.\","
  "    \"rubric\": [ { \"text\": \"Ik noem wat Tim leuk vindt.\", \"competency\": \"summarising\" },"
  "                { \"text\": \"Ik oordeel niet.\", \"competency\": \"respect\" } ],"
  "    \"next\": \"decide\" } },"
  "  { \"id\": \"decide\", \"line\": \"Wat nu?\", \"choices\": ["
  "    { \"text\": \"Zullen we samen een afspraak maken?\", \"next\": \"good\", \"best\": true,"
  "      \"technique\": \"equal-partner\", \"feedback\": \"Samen beslissen.\","
  "      \"scores\": { \"equal-partner\": 2 } },"
  "    { \"text\": \"Ik stuur u een brief.\", \"next\": \"mixed\","
  "      \"technique\": \"plain-language\", \"feedback\": \"Een brief is afstandelijk.\","
  "      \"scores\": { \"plain-language\": 1 } } ] },"
  "  { \"id\": \"good\", \"line\": \"Tot dinsdag!\", \"ending\": { \"kind\": \"good\","
  "    \"title\": \"Een afspraak\", \"text\": \"Ze komt dinsdag.\" } },"
  "  { \"id\": \"mixed\", \"line\": \"Goed.\", \"ending\": { \"kind\": \"mixed\","
  "    \"title\": \"Een brief\", \"text\": \"Je hoort niets meer.\" } },"
  "  { \"id\": \"poor\", \"line\": \"\", \"ending\": { \"kind\": \"poor\","
  "    \"title\": \"Opgehangen\", \"text\": \"Ze hangt op.\" } }"
  " ]"
  "}";

/* The author's indices in small_json. */
enum { BEGIN_LISTEN, BEGIN_EXPLAIN, BEGIN_BLAME };
enum { DECIDE_TOGETHER, DECIDE_LETTER };

static BkScenario *
small_scenario (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  BkScenario *s = bk_scenario_read (small_json, -1, &problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", ((BkProblem *) g_ptr_array_index (problems, i))->message);
  g_assert_cmpuint (problems->len, ==, 0);
  return s;
}

/* Where the choice with the author's @index is shown. */
static guint
position_of (BkRun *run,
             guint  index)
{
  for (guint p = 0; p < bk_run_get_n_shown (run); p++)
    if (bk_run_get_shown (run, p) == index)
      return p;
  g_assert_not_reached ();
}

static const BkChoice *
choose_index (BkRun *run,
              guint  index)
{
  return bk_run_choose (run, position_of (run, index));
}

static void
assert_scores (const int  scores[BK_N_COMPETENCIES],
               const int  expect[BK_N_COMPETENCIES])
{
  for (int c = 0; c < BK_N_COMPETENCIES; c++)
    {
      if (scores[c] != expect[c])
        g_test_message ("competency %s", bk_competency_id (c));
      g_assert_cmpint (scores[c], ==, expect[c]);
    }
}

static void
test_play (void)
{
  g_autoptr (BkScenario) s = small_scenario ();
  g_autoptr (BkRun) run = bk_run_new (s, 7);
  const BkChoice *choice;
  int scores[BK_N_COMPETENCIES];
  int expect[BK_N_COMPETENCIES] = { 0 };

  g_assert_true (bk_run_get_scenario (run) == s);
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "begin");
  g_assert_false (bk_run_is_finished (run));
  g_assert_cmpuint (bk_run_get_n_shown (run), ==, 3);
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 0);
  /* Not an open turn: no answer. Out of range: nothing happens. */
  g_assert_false (bk_run_answer (run, "Hallo", 0));
  g_assert_null (bk_run_choose (run, 3));
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 0);
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "begin");

  choice = choose_index (run, BEGIN_EXPLAIN);
  g_assert_nonnull (choice);
  g_assert_cmpstr (choice->feedback, ==, "Duidelijk, maar je luistert niet.");
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 1);
  g_assert_cmpstr (bk_run_get_step (run, 0)->node_id, ==, "begin");
  g_assert_cmpint (bk_run_get_step (run, 0)->choice, ==, BEGIN_EXPLAIN);
  g_assert_null (bk_run_get_step (run, 1));
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "verder");
  bk_run_get_scores (run, scores);
  expect[BK_COMPETENCY_TRANSPARENCY] = 1;
  expect[BK_COMPETENCY_LISTENING] = -1;
  assert_scores (scores, expect);
  g_assert_cmpuint (bk_run_get_n_best (run), ==, 0);

  /* A "continue" shows its one choice and counts as best. */
  g_assert_cmpuint (bk_run_get_n_shown (run), ==, 1);
  choice = bk_run_choose (run, 0);
  g_assert_cmpstr (choice->feedback, ==, "Je geeft de beurt terug.");
  g_assert_cmpuint (bk_run_get_n_best (run), ==, 1);

  /* The open turn: no choices shown, none can be taken. */
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "open");
  g_assert_cmpuint (bk_run_get_n_shown (run), ==, 0);
  g_assert_null (bk_run_choose (run, 0));
  g_assert_true (bk_run_answer (run, "Hij vindt het leuk.", 1u << 0));
  g_assert_cmpint (bk_run_get_step (run, 2)->choice, ==, -1);
  g_assert_cmpstr (bk_run_get_step (run, 2)->answer, ==, "Hij vindt het leuk.");
  g_assert_cmpuint (bk_run_get_step (run, 2)->rubric, ==, 1);

  choice = choose_index (run, DECIDE_LETTER);
  g_assert_cmpstr (choice->feedback, ==, "Een brief is afstandelijk.");
  g_assert_true (bk_run_is_finished (run));
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "mixed");
  g_assert_cmpint (bk_run_get_node (run)->ending_kind, ==, BK_ENDING_MIXED);
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 4);

  /* The sum: both choices, the continue, and one rubric item. */
  bk_run_get_scores (run, scores);
  expect[BK_COMPETENCY_EQUAL_PARTNER] = 1;
  expect[BK_COMPETENCY_SUMMARISING] = 1;
  expect[BK_COMPETENCY_PLAIN_LANGUAGE] = 1;
  assert_scores (scores, expect);
  /* Only the continue: one of two rubric items is not best. */
  g_assert_cmpuint (bk_run_get_n_best (run), ==, 1);

  /* An ending takes nothing more. */
  g_assert_cmpuint (bk_run_get_n_shown (run), ==, 0);
  g_assert_null (bk_run_choose (run, 0));
  g_assert_false (bk_run_answer (run, "", 0));
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 4);
}

static void
test_replay (void)
{
  g_autoptr (BkScenario) s = small_scenario ();
  g_autoptr (BkRun) run = bk_run_new (s, 3);
  int scores[BK_N_COMPETENCIES];
  int expect[BK_N_COMPETENCIES] = { 0 };

  g_assert_nonnull (choose_index (run, BEGIN_LISTEN));
  g_assert_true (bk_run_answer (run, "Samenvatting", 3));
  g_assert_nonnull (choose_index (run, DECIDE_LETTER));
  g_assert_true (bk_run_is_finished (run));
  g_assert_false (bk_run_replay_from (run, 3));
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 3);

  /* Back to the last decision: a better ending this time. */
  g_assert_true (bk_run_replay_from (run, 2));
  g_assert_false (bk_run_is_finished (run));
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "decide");
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 2);
  g_assert_cmpuint (bk_run_get_n_shown (run), ==, 2);
  g_assert_nonnull (choose_index (run, DECIDE_TOGETHER));
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "good");
  g_assert_cmpuint (bk_run_get_n_best (run), ==, 3);

  /* Back to the start: the steps are forgotten, and so are their scores. */
  g_assert_true (bk_run_replay_from (run, 0));
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "begin");
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 0);
  g_assert_cmpuint (bk_run_get_n_shown (run), ==, 3);
  bk_run_get_scores (run, scores);
  assert_scores (scores, expect);
  g_assert_cmpuint (bk_run_get_n_best (run), ==, 0);

  g_assert_nonnull (choose_index (run, BEGIN_BLAME));
  g_assert_true (bk_run_is_finished (run));
  g_assert_cmpint (bk_run_get_node (run)->ending_kind, ==, BK_ENDING_POOR);
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 1);
  bk_run_get_scores (run, scores);
  expect[BK_COMPETENCY_RESPECT] = -2;
  assert_scores (scores, expect);
}

/* The order shown, as a string of author's indices ("201"). */
static char *
order_of (BkRun *run)
{
  GString *order = g_string_new (NULL);
  guint n = bk_run_get_n_shown (run);
  gboolean seen[8] = { FALSE };

  for (guint p = 0; p < n; p++)
    {
      guint index = bk_run_get_shown (run, p);

      /* A permutation of the node's choices: each once. */
      g_assert_cmpuint (index, <, n);
      g_assert_false (seen[index]);
      seen[index] = TRUE;
      g_string_append_printf (order, "%u", index);
    }
  g_assert_cmpuint (n, ==, bk_run_get_node (run)->choices->len);
  return g_string_free (order, FALSE);
}

static void
test_shuffle (void)
{
  g_autoptr (BkScenario) s = small_scenario ();
  g_autoptr (GHashTable) orders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint best_first = 0;
  const guint n_seeds = 60;

  for (guint32 seed = 0; seed < n_seeds; seed++)
    {
      g_autoptr (BkRun) a = bk_run_new (s, seed);
      g_autoptr (BkRun) b = bk_run_new (s, seed);
      g_autofree char *first = order_of (a);
      g_autofree char *again = order_of (b);

      /* The same seed shows the same order, also after the same steps and
       * after going back. */
      g_assert_cmpstr (first, ==, again);
      g_assert_nonnull (choose_index (a, BEGIN_LISTEN));
      g_assert_nonnull (choose_index (b, BEGIN_LISTEN));
      g_assert_true (bk_run_answer (a, "", 0));
      g_assert_true (bk_run_answer (b, "", 0));
      {
        g_autofree char *x = order_of (a);
        g_autofree char *y = order_of (b);
        g_assert_cmpstr (x, ==, y);
      }
      g_assert_true (bk_run_replay_from (a, 0));
      g_assert_true (bk_run_replay_from (b, 0));
      {
        g_autofree char *x = order_of (a);
        g_autofree char *y = order_of (b);
        g_assert_cmpstr (x, ==, y);
      }

      if (bk_run_get_shown (a, 0) == BEGIN_LISTEN)
        best_first++;
      g_hash_table_add (orders, g_steal_pointer (&first));
    }
  /* The author lists the best choice first; its place must not give it
   * away: it is first about a third of the time, and all six orders of
   * three choices turn up. */
  g_assert_cmpuint (best_first, >, 0);
  g_assert_cmpuint (best_first, <, n_seeds / 2);
  g_assert_cmpuint (g_hash_table_size (orders), ==, 6);
}

static void
test_replay_reshuffles (void)
{
  g_autoptr (BkScenario) s = small_scenario ();
  guint differ = 0;

  /* Going back shows the choices anew: over several seeds the order is
   * not always the one of the first time. */
  for (guint32 seed = 0; seed < 20; seed++)
    {
      g_autoptr (BkRun) run = bk_run_new (s, seed);
      g_autofree char *before = order_of (run);
      g_autofree char *after = NULL;

      g_assert_nonnull (choose_index (run, BEGIN_BLAME));
      g_assert_true (bk_run_replay_from (run, 0));
      after = order_of (run);
      differ += g_strcmp0 (before, after) != 0;
    }
  g_assert_cmpuint (differ, >, 0);
}

static void
test_rubric (void)
{
  g_autoptr (BkScenario) s = small_scenario ();
  g_autoptr (BkRun) run = bk_run_new (s, 1);
  int scores[BK_N_COMPETENCIES];
  int expect[BK_N_COMPETENCIES] = { 0 };

  g_assert_nonnull (choose_index (run, BEGIN_LISTEN));
  /* Two items: a third bit is not an item of this turn. */
  g_assert_false (bk_run_answer (run, "Samen", 1u << 2));
  g_assert_cmpuint (bk_run_get_n_steps (run), ==, 1);
  g_assert_cmpstr (bk_run_get_node (run)->id, ==, "open");

  g_assert_true (bk_run_answer (run, NULL, (1u << 0) | (1u << 1)));
  g_assert_cmpstr (bk_run_get_step (run, 1)->answer, ==, "");
  bk_run_get_scores (run, scores);
  expect[BK_COMPETENCY_LISTENING] = 2;
  expect[BK_COMPETENCY_ASKING_FURTHER] = 1;
  expect[BK_COMPETENCY_SUMMARISING] = 1;
  expect[BK_COMPETENCY_RESPECT] = 1;
  assert_scores (scores, expect);
  /* Every item ticked: the open turn counts as best. */
  g_assert_cmpuint (bk_run_get_n_best (run), ==, 2);

  g_assert_true (bk_run_replay_from (run, 1));
  g_assert_true (bk_run_answer (run, "Alleen respect", 1u << 1));
  bk_run_get_scores (run, scores);
  expect[BK_COMPETENCY_SUMMARISING] = 0;
  assert_scores (scores, expect);
  g_assert_cmpuint (bk_run_get_n_best (run), ==, 1);
}

static void
assert_same_run (BkRun *a,
                 BkRun *b)
{
  int sa[BK_N_COMPETENCIES], sb[BK_N_COMPETENCIES];

  g_assert_cmpuint (bk_run_get_n_steps (a), ==, bk_run_get_n_steps (b));
  for (guint i = 0; i < bk_run_get_n_steps (a); i++)
    {
      const BkStep *x = bk_run_get_step (a, i);
      const BkStep *y = bk_run_get_step (b, i);

      g_assert_cmpstr (x->node_id, ==, y->node_id);
      g_assert_cmpint (x->choice, ==, y->choice);
      g_assert_cmpstr (x->answer, ==, y->answer);
      g_assert_cmpuint (x->rubric, ==, y->rubric);
    }
  g_assert_cmpstr (bk_run_get_node (a)->id, ==, bk_run_get_node (b)->id);
  g_assert_cmpuint (bk_run_get_n_best (a), ==, bk_run_get_n_best (b));
  bk_run_get_scores (a, sa);
  bk_run_get_scores (b, sb);
  assert_scores (sa, sb);
}

static void
test_path_json (void)
{
  g_autoptr (BkScenario) s = small_scenario ();
  g_autoptr (BkRun) run = bk_run_new (s, 11);
  g_autoptr (BkRun) empty = bk_run_new (s, 11);
  g_autoptr (BkRun) back = NULL;
  g_autoptr (BkRun) back_empty = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  g_autofree char *empty_json = bk_run_path_to_json (empty);

  g_assert_cmpstr (empty_json, ==, "[]");
  back_empty = bk_run_new_from_json (s, empty_json, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_run_get_node (back_empty)->id, ==, "begin");

  g_assert_nonnull (choose_index (run, BEGIN_EXPLAIN));
  g_assert_nonnull (bk_run_choose (run, 0));
  g_assert_true (bk_run_answer (run, "Ze zegt: \"best leuk\" — één keer\n", 2));
  json = bk_run_path_to_json (run);
  g_assert_nonnull (strstr (json, "\"node\":\"begin\""));

  back = bk_run_new_from_json (s, json, 11, &error);
  g_assert_no_error (error);
  assert_same_run (run, back);
  g_assert_cmpstr (bk_run_get_node (back)->id, ==, "decide");
  /* The same seed after the same steps shows the same order. */
  g_assert_cmpuint (bk_run_get_shown (back, 0), ==, bk_run_get_shown (run, 0));
  again = bk_run_path_to_json (back);
  g_assert_cmpstr (again, ==, json);

  /* A finished run comes back finished. */
  g_assert_nonnull (choose_index (back, DECIDE_TOGETHER));
  g_clear_pointer (&json, g_free);
  json = bk_run_path_to_json (back);
  g_clear_pointer (&back, bk_run_free);
  back = bk_run_new_from_json (s, json, 99, &error);
  g_assert_no_error (error);
  g_assert_true (bk_run_is_finished (back));
  g_assert_cmpuint (bk_run_get_n_steps (back), ==, 4);
}

static void
test_path_json_refused (void)
{
  g_autoptr (BkScenario) s = small_scenario ();
  const char *bad[] = {
    "",                                                   /* not JSON */
    "[{\"node\":\"begin\",",                              /* cut off */
    "{\"node\":\"begin\",\"choice\":0}",                  /* not a list */
    "[42]",                                               /* not a step */
    "[{\"choice\":0}]",                                   /* no node */
    "[{\"node\":\"weg\",\"choice\":0}]",                  /* unknown node */
    "[{\"node\":\"open\",\"answer\":\"\",\"rubric\":0}]", /* not where the run is */
    "[{\"node\":\"begin\",\"choice\":3}]",                /* choice out of range */
    "[{\"node\":\"begin\",\"choice\":-1}]",
    "[{\"node\":\"begin\",\"choice\":\"0\"}]",
    "[{\"node\":\"begin\",\"choice\":0.5}]",
    "[{\"node\":\"begin\",\"answer\":\"hallo\",\"rubric\":0}]",          /* no choice */
    "[{\"node\":\"begin\",\"choice\":0},{\"node\":\"open\",\"answer\":\"\",\"rubric\":4}]", /* 2 items */
    "[{\"node\":\"begin\",\"choice\":0},{\"node\":\"open\",\"answer\":\"\",\"rubric\":-1}]",
    "[{\"node\":\"begin\",\"choice\":0},{\"node\":\"open\",\"answer\":3,\"rubric\":0}]",
    "[{\"node\":\"begin\",\"choice\":0},{\"node\":\"open\",\"choice\":0}]",
    "[{\"node\":\"begin\",\"choice\":2},{\"node\":\"poor\",\"choice\":0}]",  /* after the end */
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BkRun) run = bk_run_new_from_json (s, bad[i], 0, &error);

      g_test_message ("path %s", bad[i]);
      g_assert_null (run);
      g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID);
      g_assert_cmpstr (error->message, !=, "");
    }
}

static void
test_path_json_edited (void)
{
  g_autoptr (BkScenario) s = small_scenario ();
  g_autoptr (BkRun) run = bk_run_new (s, 0);
  g_autoptr (BkRun) back = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  BkNode *decide = bk_scenario_find_node (s, "decide");
  BkChoice *letter = g_ptr_array_index (decide->choices, DECIDE_LETTER);

  g_assert_nonnull (choose_index (run, BEGIN_LISTEN));
  g_assert_true (bk_run_answer (run, "", 3));
  g_assert_nonnull (choose_index (run, DECIDE_LETTER));
  json = bk_run_path_to_json (run);

  /* A teacher edits the scenario in the editor and leaves a link
   * dangling: a kept run along it is refused, not followed. */
  g_free (letter->next);
  letter->next = g_strdup ("weg");
  back = bk_run_new_from_json (s, json, 0, &error);
  g_assert_null (back);
  g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID);
  g_clear_error (&error);

  /* Linked again, to another ending: the path is taken as it now leads. */
  g_free (letter->next);
  letter->next = g_strdup ("poor");
  back = bk_run_new_from_json (s, json, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_run_get_node (back)->id, ==, "poor");
}

/* The built-in library: each scenario played along its best path. */

static GPtrArray *
builtin_ids (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (ids, g_strndup (name, strlen (name) - strlen (".json")));
  return ids;
}

static void
play_best (BkRun *run)
{
  while (!bk_run_is_finished (run))
    {
      BkNode *node = bk_run_get_node (run);
      guint before = bk_run_get_n_steps (run);

      if (node->kind == BK_NODE_OPEN)
        g_assert_true (bk_run_answer (run, "Mijn antwoord", (1u << node->rubric->len) - 1));
      else
        for (guint p = 0; p < bk_run_get_n_shown (run); p++)
          {
            BkChoice *c = g_ptr_array_index (node->choices, bk_run_get_shown (run, p));

            if (c->best || node->choices->len == 1)
              {
                g_assert_true (bk_run_choose (run, p) == c);
                break;
              }
          }
      g_assert_cmpuint (bk_run_get_n_steps (run), ==, before + 1);
    }
}

static void
test_builtin_best_paths (void)
{
  g_autoptr (GPtrArray) ids = builtin_ids ();

  g_assert_cmpuint (ids->len, >=, 10);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr (BkScenario) s = bk_scenario_builtin (id);
      g_autoptr (BkRun) run = NULL;
      g_autoptr (GPtrArray) best = NULL;
      g_autoptr (BkRun) back = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *json = NULL;
      int scores[BK_N_COMPETENCIES];
      int expect[BK_N_COMPETENCIES];

      g_test_message ("scenario %s", id);
      g_assert_nonnull (s);
      run = bk_run_new (s, g_str_hash (id));
      play_best (run);
      g_assert_cmpint (bk_run_get_node (run)->ending_kind, ==, BK_ENDING_GOOD);
      g_assert_cmpuint (bk_run_get_n_best (run), ==, bk_run_get_n_steps (run));

      /* The same path as the scenario's own best path, and its scores. */
      best = bk_scenario_best_path (s);
      g_assert_cmpuint (best->len, ==, bk_run_get_n_steps (run) + 1);
      for (guint k = 0; k < bk_run_get_n_steps (run); k++)
        g_assert_cmpstr (bk_run_get_step (run, k)->node_id, ==, g_ptr_array_index (best, k));
      g_assert_cmpstr (bk_run_get_node (run)->id, ==, g_ptr_array_index (best, best->len - 1));
      bk_run_get_scores (run, scores);
      bk_scenario_best_scores (s, expect);
      assert_scores (scores, expect);

      json = bk_run_path_to_json (run);
      back = bk_run_new_from_json (s, json, 0, &error);
      g_assert_no_error (error);
      assert_same_run (run, back);
    }
}

/* The store. */

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO staff (id, name, role, created_at) VALUES"
    " (1, 'Lotte Jansen', 'intern', 'x'),"
    " (2, 'Mirjam Bakker', 'teacher', 'x'),"
    " (3, 'Sem de Boer', 'intern', 'x');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static void
changed_cb (BkStore    *store,
            const char *table,
            gint64      row_id,
            gpointer    data)
{
  GString *seen = data;

  g_string_append_printf (seen, "%s:%" G_GINT64_FORMAT ";", table, row_id);
}

static GDateTime *
minutes_before (GDateTime *now,
                int        minutes)
{
  return g_date_time_add_minutes (now, -minutes);
}

/* Saves a run of @s by @staff_id played along @indices, -1 for an open
 * turn with every item ticked; started @minutes before now. */
static gint64
save_played (Fixture    *f,
             BkScenario *s,
             gint64      staff_id,
             int         minutes,
             const int  *indices,
             gsize       n)
{
  g_autoptr (BkRun) run = bk_run_new (s, 5);
  g_autoptr (GDateTime) started = minutes_before (f->now, minutes);
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  for (gsize i = 0; i < n; i++)
    if (indices[i] < 0)
      g_assert_true (bk_run_answer (run, "", 3));
    else
      g_assert_nonnull (choose_index (run, indices[i]));
  g_assert_true (bk_practice_save (f->store, staff_id, run, started, f->now, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_store_save (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (BkScenario) s = small_scenario ();
  g_autoptr (BkRun) run = bk_run_new (s, 5);
  g_autoptr (GPtrArray) library = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_scenario_unref);
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GPtrArray) others = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) started = minutes_before (f->now, 12);
  g_autoptr (GString) seen = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autofree char *expect_seen = NULL;
  const int left[] = { BEGIN_LISTEN };
  BkPracticeRun *r;
  int scores[BK_N_COMPETENCIES];
  gint64 id = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), seen);
  g_ptr_array_add (library, bk_scenario_ref (s));

  g_assert_nonnull (choose_index (run, BEGIN_LISTEN));
  g_assert_true (bk_run_answer (run, "Tim vindt het leuk", 3));
  g_assert_nonnull (choose_index (run, DECIDE_TOGETHER));
  g_assert_true (bk_practice_save (f->store, 1, run, started, f->now, &id, &error));
  g_assert_no_error (error);
  expect_seen = g_strdup_printf ("practice_runs:%" G_GINT64_FORMAT ";", id);
  g_assert_cmpstr (seen->str, ==, expect_seen);

  /* Left halfway, earlier: listed first, not finished. */
  save_played (f, s, 1, 60, left, G_N_ELEMENTS (left));
  /* Another intern's run is not listed. */
  save_played (f, s, 3, 30, left, G_N_ELEMENTS (left));

  runs = bk_practice_runs (f->store, 1, library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  r = g_ptr_array_index (runs, 0);
  g_assert_cmpstr (r->started_at, ==, "2026-11-23T08:30:00Z");
  g_assert_null (r->finished_at);
  g_assert_cmpstr (r->path, ==, "[{\"node\":\"begin\",\"choice\":0}]");
  g_assert_cmpint (r->scores[BK_COMPETENCY_LISTENING], ==, 2);

  r = g_ptr_array_index (runs, 1);
  path = bk_run_path_to_json (run);
  bk_run_get_scores (run, scores);
  g_assert_cmpint (r->id, ==, id);
  g_assert_cmpint (r->staff_id, ==, 1);
  g_assert_cmpstr (r->scenario_id, ==, "klein");
  g_assert_cmpstr (r->scenario_title, ==, "Een klein gesprek");
  /* Now is 10:30 in Amsterdam: 9:30 UTC. */
  g_assert_cmpstr (r->started_at, ==, "2026-11-23T09:18:00Z");
  g_assert_cmpstr (r->finished_at, ==, "2026-11-23T09:30:00Z");
  g_assert_cmpstr (r->path, ==, path);
  assert_scores (r->scores, scores);
  g_assert_cmpint (r->scores[BK_COMPETENCY_EQUAL_PARTNER], ==, 2);
  g_assert_cmpint (r->scores[BK_COMPETENCY_RESPECT], ==, 1);
  g_assert_null (r->reflection);
  g_assert_cmpuint (r->n_comments, ==, 0);

  /* Scores are kept by competency id. */
  g_assert_cmpint (q (f, "SELECT json_extract (scores, '$.\"equal-partner\"') FROM practice_runs"
                         " WHERE finished_at IS NOT NULL"), ==, 2);

  /* The path read back plays on. */
  {
    g_autoptr (BkRun) back = bk_run_new_from_json (s, r->path, 0, &error);
    g_assert_no_error (error);
    g_assert_true (bk_run_is_finished (back));
  }

  /* A scenario that left the library is titled by its id. */
  others = bk_practice_runs (f->store, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((BkPracticeRun *) g_ptr_array_index (others, 1))->scenario_title, ==, "klein");
}

static void
test_store_unknown_staff (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr (BkScenario) s = small_scenario ();
  g_autoptr (BkRun) run = bk_run_new (s, 5);
  g_autoptr (GError) error = NULL;
  gint64 id = -7;

  g_assert_false (bk_practice_save (f->store, 99, run, f->now, f->now, &id, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (id, ==, -7);
  g_assert_cmpint (q (f, "SELECT count (*) FROM practice_runs"), ==, 0);
}

static void
test_store_reflection (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (BkScenario) s = small_scenario ();
  const int steps[] = { BEGIN_BLAME };
  gint64 id = save_played (f, s, 1, 5, steps, G_N_ELEMENTS (steps));
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) fits = g_string_new (NULL);
  g_autoptr (GString) too_long = NULL;
  g_autoptr (GPtrArray) runs = NULL;

  g_assert_true (bk_practice_set_reflection (f->store, id, "  Ik begon met een verwijt.\n", &error));
  g_assert_no_error (error);
  runs = bk_practice_runs (f->store, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (((BkPracticeRun *) g_ptr_array_index (runs, 0))->reflection, ==,
                   "Ik begon met een verwijt.");

  /* The maximum counts characters, not bytes. */
  for (int i = 0; i < BK_PRACTICE_REFLECTION_MAX; i++)
    g_string_append (fits, "é");
  g_assert_true (bk_practice_set_reflection (f->store, id, fits->str, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT length (reflection) FROM practice_runs"), ==, BK_PRACTICE_REFLECTION_MAX);

  /* One more is refused, and the reflection stays as it was. */
  g_assert_true (bk_practice_set_reflection (f->store, id, "Kort.", &error));
  too_long = g_string_new (fits->str);
  g_string_append (too_long, "x");
  g_assert_false (bk_practice_set_reflection (f->store, id, too_long->str, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  /* It says how long it is now; the database's own limit would not. */
  g_assert_nonnull (strstr (error->message, "4001"));
  g_clear_error (&error);
  g_clear_pointer (&runs, g_ptr_array_unref);
  runs = bk_practice_runs (f->store, 1, NULL, &error);
  g_assert_cmpstr (((BkPracticeRun *) g_ptr_array_index (runs, 0))->reflection, ==, "Kort.");

  /* Blank removes it. */
  g_assert_true (bk_practice_set_reflection (f->store, id, " \t\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count (*) FROM practice_runs WHERE reflection IS NULL"), ==, 1);

  g_assert_false (bk_practice_set_reflection (f->store, id + 100, "Weg", &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

static void
test_store_comments (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (BkScenario) s = small_scenario ();
  const int steps[] = { BEGIN_LISTEN, -1, DECIDE_LETTER };
  gint64 id = save_played (f, s, 1, 20, steps, G_N_ELEMENTS (steps));
  gint64 other = save_played (f, s, 1, 10, steps, G_N_ELEMENTS (steps));
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) too_long = g_string_new (NULL);
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GDateTime) earlier = minutes_before (f->now, 3);
  BkPracticeComment *c;
  gint64 first = 0, second = 0;

  g_assert_false (bk_practice_add_comment (f->store, id, 2, "  \n ", f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bk_practice_add_comment (f->store, id, 2, NULL, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  for (int i = 0; i <= BK_PRACTICE_COMMENT_MAX; i++)
    g_string_append_c (too_long, 'a');
  g_assert_false (bk_practice_add_comment (f->store, id, 2, too_long->str, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "4001"));
  g_clear_error (&error);
  g_assert_false (bk_practice_add_comment (f->store, id + 100, 2, "Goed", f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (q (f, "SELECT count (*) FROM practice_comments"), ==, 0);

  /* Added in another order than written: listed oldest first. */
  g_assert_true (bk_practice_add_comment (f->store, id, 0, "Zonder naam", f->now, &second, &error));
  g_assert_no_error (error);
  g_assert_true (bk_practice_add_comment (f->store, id, 2, " Mooi samengevat! \n", earlier, &first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (first, !=, second);

  comments = bk_practice_comments (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 2);
  c = g_ptr_array_index (comments, 0);
  g_assert_cmpint (c->id, ==, first);
  g_assert_cmpint (c->run_id, ==, id);
  g_assert_cmpstr (c->author, ==, "Mirjam Bakker");
  g_assert_cmpstr (c->body, ==, "Mooi samengevat!");
  g_assert_cmpstr (c->created_at, ==, "2026-11-23T09:27:00Z");
  c = g_ptr_array_index (comments, 1);
  g_assert_cmpint (c->id, ==, second);
  g_assert_null (c->author);
  g_assert_cmpstr (c->body, ==, "Zonder naam");

  runs = bk_practice_runs (f->store, 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 2);
  g_assert_cmpint (((BkPracticeRun *) g_ptr_array_index (runs, 0))->id, ==, id);
  g_assert_cmpuint (((BkPracticeRun *) g_ptr_array_index (runs, 0))->n_comments, ==, 2);
  g_assert_cmpuint (((BkPracticeRun *) g_ptr_array_index (runs, 1))->n_comments, ==, 0);
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = bk_practice_comments (f->store, other, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (comments->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/run/play", test_play);
  g_test_add_func ("/run/replay", test_replay);
  g_test_add_func ("/run/shuffle/deterministic", test_shuffle);
  g_test_add_func ("/run/shuffle/replay", test_replay_reshuffles);
  g_test_add_func ("/run/rubric", test_rubric);
  g_test_add_func ("/run/path/round-trip", test_path_json);
  g_test_add_func ("/run/path/refused", test_path_json_refused);
  g_test_add_func ("/run/path/edited", test_path_json_edited);
  g_test_add_func ("/run/builtin/best-paths", test_builtin_best_paths);
  g_test_add ("/run/store/save", Fixture, NULL, fixture_setup, test_store_save, fixture_teardown);
  g_test_add ("/run/store/unknown-staff", Fixture, NULL, fixture_setup, test_store_unknown_staff,
              fixture_teardown);
  g_test_add ("/run/store/reflection", Fixture, NULL, fixture_setup, test_store_reflection,
              fixture_teardown);
  g_test_add ("/run/store/comments", Fixture, NULL, fixture_setup, test_store_comments,
              fixture_teardown);

  return g_test_run ();
}
