/* test-scenario.c
 * Role-play scenarios: the built-in library loads whole, broken files are
 * described by JSON path and line, every path ends, writing keeps all.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include <json-glib/json-glib.h>

#include "bk-scenario.h"
#include "bk-test-util.h"

static const char *builtin_ids[] = {
  "boze-vader-telefoon", "eerste-intake", "nazorg-gesprek", "ontevreden-ouder",
  "perfectionistische-moeder", "ruziende-ouders", "startinformatie-bellen",
  "vermijdende-vader", "weinig-nederlands", "zorgelijk-gedrag",
};

/* A small valid scenario; tests break it in one place each. */
#define SMALL \
  "{\n" \
  "  \"format\": \"betrokken-scenario\",\n" \
  "  \"version\": 1,\n" \
  "  \"id\": \"klein\",\n" \
  "  \"title\": \"Klein gesprek\",\n" \
  "  \"summary\": \"Een kort gesprek.\",\n" \
  "  \"persona\": {\"name\": \"Ria Verhoef\", \"role\": \"moeder van Tim (9)\",\n" \
  "    \"situation\": \"Werkt overdag.\", \"parent_type\": \"avoiding\", \"dutch_level\": \"fluent\"},\n" \
  "  \"context\": \"Tim is net begonnen.\",\n" \
  "  \"channel\": \"phone\",\n" \
  "  \"objectives\": [\"Contact maken.\"],\n" \
  "  \"competencies\": [\"respect\", \"listening\"],\n" \
  "  \"start\": \"begin\",\n" \
  "  \"nodes\": [\n" \
  "    {\"id\": \"begin\", \"line\": \"Met Verhoef.\", \"direction\": \"moe\",\n" \
  "     \"choices\": [\n" \
  "      {\"text\": \"Komt het uit?\", \"next\": \"ja\", \"best\": true, \"technique\": \"respect\",\n" \
  "       \"feedback\": \"Goed.\", \"scores\": {\"respect\": 2}},\n" \
  "      {\"text\": \"U kwam niet.\", \"next\": \"boos\", \"technique\": \"transparency\",\n" \
  "       \"feedback\": \"Verwijt.\", \"scores\": {\"respect\": -1}}\n" \
  "     ]},\n" \
  "    {\"id\": \"ja\", \"line\": \"Ja hoor.\", \"open\": {\"prompt\": \"Vat samen.\",\n" \
  "     \"rubric\": [{\"text\": \"Ik noem haar werk.\", \"competency\": \"summarising\"}], \"next\": \"goed\"}},\n" \
  "    {\"id\": \"boos\", \"line\": \"Nou!\", \"ending\": {\"kind\": \"poor\", \"title\": \"Boos\", \"text\": \"Ze hangt op.\"}},\n" \
  "    {\"id\": \"goed\", \"line\": \"Tot zaterdag.\", \"ending\": {\"kind\": \"good\", \"title\": \"Afspraak\", \"text\": \"Ze komt.\"}}\n" \
  "  ]\n" \
  "}\n"

static char *
replace (const char *text,
         const char *old,
         const char *new)
{
  const char *at = strstr (text, old);

  g_assert_nonnull (at);
  return g_strdup_printf ("%.*s%s%s", (int) (at - text), text, new, at + strlen (old));
}

/* Reads @text expecting a scenario; returns its problems as strings. */
static char *
problems_of (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) s = bk_scenario_read (text, -1, &problems, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = bk_problem_to_string (g_ptr_array_index (problems, i));
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static void
test_small_is_valid (void)
{
  g_autofree char *problems = problems_of (SMALL);
  g_autoptr (GPtrArray) problems_arr = NULL;
  g_autoptr (BkScenario) s = bk_scenario_read (SMALL, -1, &problems_arr, NULL);
  BkNode *begin = bk_scenario_find_node (s, "begin");
  BkChoice *c = g_ptr_array_index (begin->choices, 0);

  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpstr (s->title, ==, "Klein gesprek");
  g_assert_cmpstr (s->persona_name, ==, "Ria Verhoef");
  g_assert_cmpuint (s->competencies, ==, (1u << BK_COMPETENCY_RESPECT) | (1u << BK_COMPETENCY_LISTENING));
  g_assert_cmpstr (begin->direction, ==, "moe");
  g_assert_true (c->best);
  g_assert_cmpint (c->scores[BK_COMPETENCY_RESPECT], ==, 2);
  g_assert_cmpint (bk_scenario_find_node (s, "ja")->kind, ==, BK_NODE_OPEN);
  g_assert_cmpint (bk_scenario_find_node (s, "goed")->ending_kind, ==, BK_ENDING_GOOD);
  g_assert_cmpuint (bk_scenario_n_decisions (s), ==, 1);
  g_assert_cmpuint (bk_scenario_n_endings (s), ==, 2);
}

static void
test_dangling_link (void)
{
  g_autofree char *text = replace (SMALL, "\"next\": \"boos\"", "\"next\": \"bos\"");
  g_autofree char *problems = problems_of (text);

  /* The link, where it is; and "boos" can no longer be reached. */
  g_assert_nonnull (strstr (problems, "$.nodes[0].choices[1].next (line 19): There is no node “bos”."));
  g_assert_nonnull (strstr (problems, "$.nodes[2] (line 24): Node “boos” cannot be reached from the start."));
}

static void
test_no_way_out (void)
{
  g_autofree char *text = replace (SMALL, "\"ending\": {\"kind\": \"poor\", \"title\": \"Boos\", \"text\": \"Ze hangt op.\"}",
                                   "\"direction\": \"boos\"");
  g_autofree char *problems = problems_of (text);

  g_assert_cmpstr (problems, ==, "$.nodes[2] (line 24): Node “boos” has no way out: give it choices, an open turn or an ending.\n");
}

static void
test_unknown_competency (void)
{
  g_autofree char *text = replace (SMALL, "{\"respect\": -1}", "{\"empathie\": -1}");
  g_autofree char *text2 = replace (text, "\"competency\": \"summarising\"", "\"competency\": \"samenvatten\"");
  g_autofree char *problems = problems_of (text2);

  g_assert_cmpstr (problems, ==,
                   "$.nodes[0].choices[1].scores.empathie (line 20): “empathie” is not a known competency.\n"
                   "$.nodes[1].open.rubric[0].competency (line 23): “samenvatten” is not a known competency.\n");
}

static void
test_loop_and_best (void)
{
  /* "ja" turns back to "begin", and the decision loses its best choice. */
  g_autofree char *text = replace (SMALL, "\"next\": \"goed\"}", "\"next\": \"begin\"}");
  g_autofree char *text2 = replace (text, "\"best\": true, ", "");
  g_autofree char *problems = problems_of (text2);

  g_assert_nonnull (strstr (problems, "$.nodes[0] (line 15): Mark one choice as the best one.\n"));
  g_assert_nonnull (strstr (problems, "$.nodes[1] (line 22): “ja” leads back to “begin”: the conversation would go round in a loop.\n"));
  g_assert_nonnull (strstr (problems, "Node “goed” cannot be reached"));
}

static void
test_missing_and_types (void)
{
  g_autofree char *text = replace (SMALL, "  \"title\": \"Klein gesprek\",\n", "");
  g_autofree char *text2 = replace (text, "\"channel\": \"phone\"", "\"channel\": 3");
  g_autofree char *text3 = replace (text2, "\"id\": \"ja\"", "\"id\": \"begin\"");
  g_autofree char *problems = problems_of (text3);

  g_assert_nonnull (strstr (problems, "$.title (line 1): This is missing.\n"));
  g_assert_nonnull (strstr (problems, "$.channel (line 9): This must be text, between quotes.\n"));
  g_assert_nonnull (strstr (problems, "$.nodes[1].id (line 21): There is another node “begin”: ids must be unique.\n"));
}

static void
test_refused (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *newer = replace (SMALL, "\"version\": 1", "\"version\": 2");
  g_autofree char *other = replace (SMALL, "betrokken-scenario", "twine");
  BkScenario *s;

  s = bk_scenario_read ("{\"format\": \"betrokken-scenario\",\n \"version\": }", -1, &problems, &error);
  g_assert_null (s);
  g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "2"));   /* json-glib names line 2 */
  g_clear_error (&error);

  s = bk_scenario_read (newer, -1, &problems, &error);
  g_assert_null (s);
  g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_VERSION);
  g_clear_error (&error);

  s = bk_scenario_read (other, -1, &problems, &error);
  g_assert_null (s);
  g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_NOT_SCENARIO);
  g_clear_error (&error);

  /* Empty, blank, and nested past any scenario (json-glib would recurse
   * until the stack runs out). */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *deep = g_strnfill (100000, '[');
      const char *texts[] = { "", "  \n ", deep };

      s = bk_scenario_read (texts[i], -1, &problems, &error);
      g_assert_null (s);
      g_assert_error (error, BK_SCENARIO_ERROR, (i < 2 ? (int) BK_SCENARIO_ERROR_NOT_SCENARIO : (int) BK_SCENARIO_ERROR_SYNTAX));
      g_clear_error (&error);
    }

  s = bk_scenario_read ("[1, 2]", -1, &problems, &error);
  g_assert_null (s);
  g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_NOT_SCENARIO);
}

/* Every built-in scenario loads without a problem, has the size the library
 * promises, and along every path reaches an ending: walked exhaustively. */
static guint
count_paths (BkScenario *s,
             BkNode     *n,
             guint       depth)
{
  guint total = 0;

  g_assert_cmpuint (depth, <, s->nodes->len);   /* no loops */
  if (n->kind == BK_NODE_ENDING)
    return 1;
  if (n->kind == BK_NODE_OPEN)
    return count_paths (s, bk_scenario_find_node (s, n->open_next), depth + 1);
  g_assert_cmpuint (n->choices->len, >, 0);
  for (guint j = 0; j < n->choices->len; j++)
    {
      BkNode *next = bk_scenario_find_node (s, ((BkChoice *) g_ptr_array_index (n->choices, j))->next);
      g_assert_nonnull (next);
      total += count_paths (s, next, depth + 1);
    }
  return total;
}

static void
test_builtins (void)
{
  g_autoptr (GHashTable) types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_autoptr (BkScenario) s = bk_scenario_builtin (builtin_ids[i]);
      g_autoptr (GPtrArray) best = NULL;
      BkNode *last;

      g_test_message ("%s", builtin_ids[i]);
      g_assert_nonnull (s);
      g_assert_true (s->builtin);
      g_assert_cmpstr (s->id, ==, builtin_ids[i]);
      g_assert_cmpuint (bk_scenario_n_decisions (s), >=, 8);
      g_assert_cmpuint (bk_scenario_n_endings (s), >=, 2);
      g_assert_cmpuint (count_paths (s, bk_scenario_find_node (s, s->start), 0), >=, 2);
      best = bk_scenario_best_path (s);
      last = bk_scenario_find_node (s, g_ptr_array_index (best, best->len - 1));
      g_assert_cmpint (last->kind, ==, BK_NODE_ENDING);
      g_assert_cmpint (last->ending_kind, ==, BK_ENDING_GOOD);
      g_hash_table_add (types, g_strdup (s->parent_type));
    }
  g_assert_cmpuint (g_hash_table_size (types), ==, 7);
  g_assert_null (bk_scenario_builtin ("bestaat-niet"));
  g_assert_null (bk_scenario_builtin ("../README"));
}

/* Writing and reading back keeps everything, for every built-in. */
static void
test_json_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin_ids); i++)
    {
      g_autoptr (BkScenario) s = bk_scenario_builtin (builtin_ids[i]);
      g_autofree char *json = bk_scenario_to_json (s);
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (BkScenario) back = bk_scenario_read (json, -1, &problems, NULL);
      g_autofree char *again = bk_scenario_to_json (back);
      g_autofree char *src = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", NULL);
      g_autofree char *name = g_strconcat (builtin_ids[i], ".json", NULL);
      g_autofree char *file = g_build_filename (src, name, NULL);
      g_autofree char *original = NULL;
      g_autoptr (JsonParser) a = json_parser_new ();
      g_autoptr (JsonParser) b = json_parser_new ();

      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpstr (json, ==, again);
      /* ... and the same data as the file the author wrote. */
      g_assert_true (g_file_get_contents (file, &original, NULL, NULL));
      g_assert_true (json_parser_load_from_data (a, original, -1, NULL));
      g_assert_true (json_parser_load_from_data (b, json, -1, NULL));
      g_assert_true (json_node_equal (json_parser_get_root (a), json_parser_get_root (b)));
    }
}

static void
test_best_scores (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) s = bk_scenario_read (SMALL, -1, &problems, NULL);
  g_autoptr (GPtrArray) best = bk_scenario_best_path (s);
  int scores[BK_N_COMPETENCIES];

  bk_scenario_best_scores (s, scores);
  g_assert_cmpuint (best->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (best, 0), ==, "begin");
  g_assert_cmpstr (g_ptr_array_index (best, 1), ==, "ja");
  g_assert_cmpstr (g_ptr_array_index (best, 2), ==, "goed");
  g_assert_cmpint (scores[BK_COMPETENCY_RESPECT], ==, 2);
  g_assert_cmpint (scores[BK_COMPETENCY_SUMMARISING], ==, 1);
  g_assert_cmpint (scores[BK_COMPETENCY_LISTENING], ==, 0);
}

/* The editor checks what is in memory: a new node is reported until it is
 * linked, and fixing the link clears it. */
static void
test_check_in_memory (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) s = bk_scenario_read (SMALL, -1, &problems, NULL);
  BkNode *extra = bk_node_new ("extra", BK_NODE_ENDING);
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (GPtrArray) fixed = NULL;

  g_free (extra->ending_title);
  extra->ending_title = g_strdup ("Later");
  g_free (extra->ending_text);
  extra->ending_text = g_strdup ("Ze belt terug.");
  g_ptr_array_add (s->nodes, extra);
  after = bk_scenario_check (s);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (((BkProblem *) g_ptr_array_index (after, 0))->path, ==, "$.nodes[4]");
  g_assert_cmpint (((BkProblem *) g_ptr_array_index (after, 0))->line, ==, 0);

  g_ptr_array_add (bk_scenario_find_node (s, "begin")->choices, bk_choice_new ("Mag ik later bellen?", "extra"));
  fixed = bk_scenario_check (s);
  /* The new choice still needs its technique and feedback. */
  g_assert_cmpuint (fixed->len, ==, 2);
  g_assert_cmpstr (((BkProblem *) g_ptr_array_index (fixed, 0))->path, ==, "$.nodes[0].choices[2].technique");
  g_assert_cmpstr (((BkProblem *) g_ptr_array_index (fixed, 1))->path, ==, "$.nodes[0].choices[2].feedback");
}

/* The user's folder adds scenarios and replaces a built-in one by id; a
 * broken file is left out and named. */
static void
test_library (void)
{
  g_autofree char *dir = bk_test_tmpdir ();
  g_autofree char *mine = g_build_filename (dir, "mijn.json", NULL);
  g_autofree char *broken = g_build_filename (dir, "kapot.json", NULL);
  g_autofree char *override = g_build_filename (dir, "eigen-intake.json", NULL);
  g_autoptr (BkScenario) intake = bk_scenario_builtin ("eerste-intake");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) small_problems = NULL;
  g_autoptr (BkScenario) small = bk_scenario_read (SMALL, -1, &small_problems, NULL);
  g_autoptr (GPtrArray) library = NULL;
  g_autoptr (GError) error = NULL;
  gboolean found_override = FALSE, found_mine = FALSE;

  g_free (intake->title);
  intake->title = g_strdup ("Intake, onze versie");
  g_assert_true (bk_scenario_write_file (intake, override, &error));
  g_assert_no_error (error);
  g_assert_true (bk_scenario_write_file (small, mine, &error));
  g_assert_true (g_file_set_contents (broken, "{\"format\": \"betrokken-scenario\", \"version\": 1}", -1, NULL));

  library = bk_scenario_library (dir, &problems);
  g_assert_cmpuint (library->len, ==, G_N_ELEMENTS (builtin_ids) + 1);
  for (guint i = 0; i < library->len; i++)
    {
      BkScenario *s = g_ptr_array_index (library, i);

      if (g_str_equal (s->id, "eerste-intake"))
        {
          g_assert_cmpstr (s->title, ==, "Intake, onze versie");
          g_assert_false (s->builtin);
          g_assert_cmpstr (s->path, ==, override);
          found_override = TRUE;
        }
      found_mine |= g_str_equal (s->id, "klein");
      if (i > 0)
        g_assert_cmpint (g_utf8_collate (((BkScenario *) g_ptr_array_index (library, i - 1))->title, s->title), <=, 0);
    }
  g_assert_true (found_override && found_mine);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (problems, 0), "kapot.json: $."));
  g_assert_true (g_str_has_suffix (g_ptr_array_index (problems, 0), " (line 1): This is missing."));
  bk_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scenario/small-is-valid", test_small_is_valid);
  g_test_add_func ("/scenario/dangling-link", test_dangling_link);
  g_test_add_func ("/scenario/no-way-out", test_no_way_out);
  g_test_add_func ("/scenario/unknown-competency", test_unknown_competency);
  g_test_add_func ("/scenario/loop-and-best", test_loop_and_best);
  g_test_add_func ("/scenario/missing-and-types", test_missing_and_types);
  g_test_add_func ("/scenario/refused", test_refused);
  g_test_add_func ("/scenario/builtins", test_builtins);
  g_test_add_func ("/scenario/json-round-trip", test_json_round_trip);
  g_test_add_func ("/scenario/best-scores", test_best_scores);
  g_test_add_func ("/scenario/check-in-memory", test_check_in_memory);
  g_test_add_func ("/scenario/library", test_library);
  return g_test_run ();
}
