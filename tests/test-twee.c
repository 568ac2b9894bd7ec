/* test-twee.c
 * Twee 3 import and export: round trips, stories written in Twine, refusals.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bk-twee.h"

static GPtrArray *
builtin_paths (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", NULL);
  g_autoptr (GDir) dir = g_dir_open (dir_path, 0, NULL);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir_path, name, NULL));
  return paths;
}

static void
assert_no_problems (GPtrArray *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = bk_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("unexpected problem: %s", text);
    }
  g_assert_cmpuint (problems->len, ==, 0);
}

/* Reads @twee, which must be Twee, and returns the scenario. */
static BkScenario *
read_twee (const char  *twee,
           GPtrArray  **problems)
{
  g_autoptr (GError) error = NULL;
  BkScenario *s = bk_twee_read (twee, -1, problems, &error);

  g_assert_no_error (error);
  g_assert_nonnull (s);
  g_assert_nonnull (*problems);
  return s;
}

static void
string_free (gpointer s)
{
  g_string_free (s, TRUE);
}

static int
by_text (gconstpointer a,
         gconstpointer b)
{
  return strcmp ((*(GString **) a)->str, (*(GString **) b)->str);
}

/* Twine sorts passages by name, trims their text and may use CRLF. */
static char *
as_twine_saves_it (const char *twee)
{
  g_auto (GStrv) lines = g_strsplit (twee, "\n", -1);
  g_autoptr (GPtrArray) passages = g_ptr_array_new_with_free_func (string_free);
  g_autoptr (GString) out = g_string_new (NULL);
  GString *current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "::"))
        g_ptr_array_add (passages, current = g_string_new (NULL));
      g_assert_nonnull (current);
      g_string_append_printf (current, "%s\n", lines[i]);
    }
  g_ptr_array_sort (passages, by_text);
  for (guint i = 0; i < passages->len; i++)
    {
      g_autofree char *chunk = g_strdup (((GString *) g_ptr_array_index (passages, i))->str);
      g_string_append_printf (out, "%s\r\n\r\n\r\n", g_strstrip (chunk));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_builtins (void)
{
  g_autoptr (GPtrArray) paths = builtin_paths ();

  g_assert_cmpuint (paths->len, >=, 10);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      g_autoptr (GPtrArray) again_problems = NULL;
      g_autoptr (GPtrArray) twine_problems = NULL;
      g_autoptr (BkScenario) s = bk_scenario_read_file (g_ptr_array_index (paths, i), &problems, &error);
      g_autoptr (BkScenario) again = NULL;
      g_autoptr (BkScenario) from_twine = NULL;
      g_autofree char *twee = NULL;
      g_autofree char *twee_again = NULL;
      g_autofree char *twine = NULL;
      g_autofree char *json = NULL;
      g_autofree char *json_again = NULL;
      g_autofree char *json_twine = NULL;

      g_test_message ("%s", (char *) g_ptr_array_index (paths, i));
      g_assert_no_error (error);
      assert_no_problems (problems);
      twee = bk_twee_write (s);
      again = read_twee (twee, &again_problems);
      assert_no_problems (again_problems);
      json = bk_scenario_to_json (s);
      json_again = bk_scenario_to_json (again);
      g_assert_cmpstr (json_again, ==, json);
      /* The same scenario gives the same file, IFID and all. */
      twee_again = bk_twee_write (again);
      g_assert_cmpstr (twee_again, ==, twee);
      /* A trip through Twine keeps it too, node order included. */
      twine = as_twine_saves_it (twee);
      from_twine = read_twee (twine, &twine_problems);
      assert_no_problems (twine_problems);
      json_twine = bk_scenario_to_json (from_twine);
      g_assert_cmpstr (json_twine, ==, json);
    }
}

static void
test_written_form (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "vermijdende-vader.json", NULL);
  g_autoptr (BkScenario) s = bk_scenario_read_file (path, &problems, &error);
  g_autofree char *twee = NULL;
  g_autoptr (GRegex) ifid = g_regex_new ("\"ifid\" : \"[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}\"",
                                         0, 0, NULL);
  BkNode *begin;

  g_assert_no_error (error);
  twee = bk_twee_write (s);
  g_assert_true (g_str_has_prefix (twee, ":: StoryTitle\nDe vader die nooit komt\n\n:: StoryData\n{\n"));
  g_assert_true (g_regex_match (ifid, twee, 0, NULL));
  g_assert_nonnull (strstr (twee, "\"format\" : \"Harlowe\""));
  g_assert_nonnull (strstr (twee, "\"start\" : \"begin\""));
  g_assert_nonnull (strstr (twee, "\n:: betrokken [betrokken-meta] {\"position\":\"100,100\"}\n{\n"));
  g_assert_nonnull (strstr (twee, "\n:: begin [choices] {\"position\":\"250,100\"}\n<!-- betrokken\n{\n"));
  /* The parent's line, then a link per choice, in the author's order. */
  begin = g_ptr_array_index (s->nodes, 0);
  {
    g_autofree char *visible = g_strdup_printf ("\n-->\n%s\n[[%s->%s]]\n[[%s->%s]]\n", begin->line,
                                                ((BkChoice *) g_ptr_array_index (begin->choices, 0))->text,
                                                ((BkChoice *) g_ptr_array_index (begin->choices, 0))->next,
                                                ((BkChoice *) g_ptr_array_index (begin->choices, 1))->text,
                                                ((BkChoice *) g_ptr_array_index (begin->choices, 1))->next);
    g_assert_nonnull (strstr (twee, visible));
  }
  g_assert_nonnull (strstr (twee, "[open]"));
  g_assert_nonnull (strstr (twee, "[ending]"));
  /* Another scenario gets another IFID. */
  {
    g_autofree char *other_id = g_strdup (s->id);
    g_autofree char *other = NULL;
    g_autoptr (GMatchInfo) a = NULL;
    g_autoptr (GMatchInfo) b = NULL;
    g_autofree char *first = NULL;
    g_autofree char *second = NULL;

    g_regex_match (ifid, twee, 0, &a);
    first = g_match_info_fetch (a, 0);
    g_free (s->id);
    s->id = g_strdup ("iets-anders");
    other = bk_twee_write (s);
    g_regex_match (ifid, other, 0, &b);
    second = g_match_info_fetch (b, 0);
    g_assert_cmpstr (first, !=, second);
  }
}

static const BkProblem *
find_problem (GPtrArray  *problems,
              const char *path,
              const char *message_part)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const BkProblem *p = g_ptr_array_index (problems, i);

      if (g_str_equal (p->path, path) && strstr (p->message, message_part) != NULL)
        return p;
    }
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = bk_problem_to_string (g_ptr_array_index (problems, i));
      g_test_message ("problem: %s", text);
    }
  g_error ("no problem “%s” at %s", message_part, path);
  return NULL;
}

/* A story as a teacher would start it in Twine: plain passages, the three
 * link syntaxes, a script and a stylesheet. */
static const char twine_story[] =
  ":: StoryTitle\n"                                                        /* 1 */
  "Een ouder aan de telefoon\n"
  "\n"
  ":: StoryData\n"
  "{\n"                                                                    /* 5 */
  "  \"ifid\": \"D674C58C-DEFA-4F70-B7A2-27742230C0FC\",\n"
  "  \"format\": \"SugarCube\",\n"
  "  \"start\": \"Begin\",\n"
  "  \"zoom\": 1\n"
  "}\n"                                                                    /* 10 */
  "\n"
  ":: UserScript [script]\n"
  "console.log('[[not->a link]]');\n"
  "\n"
  ":: Boos {\"position\":\"400,300\"}\n"                                   /* 15 */
  "Dat gaat u niks aan!\n"
  "[[Afspraak<-Sorry, zo bedoelde ik het niet.]]\n"
  "[[Ophangen]]\n"
  "\n"
  ":: Begin [gesprek] {\"position\":\"100,100\"}\n"                        /* 20 */
  "Hallo, met de moeder van Sami.\n"
  "[[Goedemiddag, komt het uit?->Uitkomen]]\n"
  "[[Waarom kwam u niet?|Boos]]\n"
  "\n"
  ":: Uitkomen\n"                                                          /* 25 */
  "Ja hoor, vertel.\n"
  "[[Afspraak]]\n"
  "\n"
  ":: Afspraak\n"
  "''Goed'', tot dinsdag.\n"                                               /* 30 */
  "\n"
  ":: Ophangen\n"
  "*klik*\n"
  "\n"
  ":: UserStylesheet [stylesheet]\n"                                       /* 35 */
  "body { color: red; }\n";

static void
test_twine_story (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) s = read_twee (twine_story, &problems);
  const char *ids[] = { "Boos", "Begin", "Uitkomen", "Afspraak", "Ophangen" };
  BkNode *n;
  BkChoice *c;
  const BkProblem *p;

  g_assert_cmpstr (s->title, ==, "Een ouder aan de telefoon");
  g_assert_cmpstr (s->id, ==, "een-ouder-aan-de-telefoon");
  g_assert_cmpint (s->version, ==, 1);
  g_assert_cmpstr (s->start, ==, "Begin");
  g_assert_cmpuint (s->nodes->len, ==, G_N_ELEMENTS (ids));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_cmpstr (((BkNode *) g_ptr_array_index (s->nodes, i))->id, ==, ids[i]);

  n = bk_scenario_find_node (s, "Begin");
  g_assert_cmpint (n->kind, ==, BK_NODE_CHOICES);
  g_assert_cmpstr (n->line, ==, "Hallo, met de moeder van Sami.");
  g_assert_cmpuint (n->choices->len, ==, 2);
  c = g_ptr_array_index (n->choices, 0);
  g_assert_cmpstr (c->text, ==, "Goedemiddag, komt het uit?");
  g_assert_cmpstr (c->next, ==, "Uitkomen");
  g_assert_false (c->best);
  g_assert_cmpstr (c->feedback, ==, "");
  g_assert_cmpstr (c->technique, ==, "");
  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    g_assert_cmpint (c->scores[k], ==, 0);
  c = g_ptr_array_index (n->choices, 1);
  g_assert_cmpstr (c->text, ==, "Waarom kwam u niet?");
  g_assert_cmpstr (c->next, ==, "Boos");

  n = bk_scenario_find_node (s, "Boos");
  c = g_ptr_array_index (n->choices, 0);
  g_assert_cmpstr (c->text, ==, "Sorry, zo bedoelde ik het niet.");
  g_assert_cmpstr (c->next, ==, "Afspraak");
  c = g_ptr_array_index (n->choices, 1);
  g_assert_cmpstr (c->text, ==, "Ophangen");
  g_assert_cmpstr (c->next, ==, "Ophangen");

  /* One link is a "continue". */
  n = bk_scenario_find_node (s, "Uitkomen");
  g_assert_cmpint (n->kind, ==, BK_NODE_CHOICES);
  g_assert_cmpuint (n->choices->len, ==, 1);

  /* No links: an ending, mixed, titled by the passage. */
  n = bk_scenario_find_node (s, "Afspraak");
  g_assert_cmpint (n->kind, ==, BK_NODE_ENDING);
  g_assert_cmpint (n->ending_kind, ==, BK_ENDING_MIXED);
  g_assert_cmpstr (n->ending_title, ==, "Afspraak");
  g_assert_cmpstr (n->line, ==, "''Goed'', tot dinsdag.");

  /* What the author still has to do, with passage names and lines. */
  p = find_problem (problems, "passage “Begin”", "Mark one choice as the best one.");
  g_assert_cmpint (p->line, ==, 20);
  p = find_problem (problems, "passage “Boos”", "Mark one choice as the best one.");
  g_assert_cmpint (p->line, ==, 15);
  p = find_problem (problems, "passage “Begin”", "technique");
  g_assert_cmpint (p->line, ==, 22);
  p = find_problem (problems, "passage “Boos”", "choices[1].feedback");
  g_assert_cmpint (p->line, ==, 18);
  p = find_problem (problems, "passage “Afspraak”", "ending.text");
  g_assert_cmpint (p->line, ==, 29);
  p = find_problem (problems, "passage “betrokken”", "betrokken-meta");
  g_assert_cmpint (p->line, ==, 0);
  find_problem (problems, "passage “betrokken”", "persona.name");
  for (guint i = 0; i < problems->len; i++)
    {
      p = g_ptr_array_index (problems, i);
      g_assert_null (strstr (p->path, "$."));
      g_assert_null (strstr (p->path, "UserScript"));
      g_assert_null (strstr (p->path, "UserStylesheet"));
    }
}

static void
test_dangling_link (void)
{
  const char *twee =
    ":: StoryTitle\nLos eind\n\n"
    ":: begin\nHallo?\n[[Dag->einde]]\n[[Wie is dit?->nergens]]\n\n"
    ":: einde\nTot ziens.\n";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) s = read_twee (twee, &problems);
  const BkProblem *p = find_problem (problems, "passage “begin”", "There is no node “nergens”.");

  g_assert_cmpint (p->line, ==, 7);
  g_assert_cmpstr (s->start, ==, "begin");   /* no StoryData: the first passage */

  /* The same with a byte order mark and Windows line breaks. */
  {
    g_autoptr (GString) windows = g_string_new ("\xEF\xBB\xBF");
    g_autoptr (GPtrArray) windows_problems = NULL;
    g_autoptr (BkScenario) again = NULL;

    g_string_append (windows, twee);
    g_string_replace (windows, "\n", "\r\n", 0);
    again = read_twee (windows->str, &windows_problems);
    g_assert_cmpstr (again->title, ==, "Los eind");
    g_assert_cmpstr (((BkNode *) g_ptr_array_index (again->nodes, 0))->line, ==, "Hallo?");
    p = find_problem (windows_problems, "passage “begin”", "There is no node “nergens”.");
    g_assert_cmpint (p->line, ==, 7);
  }
}

/* Everything that could break the Twee or the JSON block. */
static const char * const hostile[] = {
  "[[not a link]] and [[a->b]] | c <- d -> e ]] [[",
  "-->",
  "<!-- betrokken {\"choices\": []} -->",
  "\"quoted\" 'single' \\ backslash \\\\ two \\: \\",
  "line one\nline two\n\n  indented\n",
  "  leading and trailing  ",
  ":: not a header\n::also not\n\\: backslash colon\n\\::",
  "&amp; &lt; &#91; &#x5B; & &; &#; &#0; &#99999999; &bogus;",
  "Ünïcödé — “quotes” ‘x’ 😀 \u00a0nbsp\u00a0",
  "\r\nwindows\r\n\rold mac\r",
  "",
  "\t",
  "]",
  "[",
  "a-",
  ">b",
  "text with >>> and <<< and <- and -> and |",
  "]] [[ ][ [[x][y]]",
  "{\"json\": [1, 2]}",
  "\n",
  "\\",
  "::",
};

static BkScenario *
hostile_scenario (void)
{
  BkScenario *s = bk_scenario_new ();
  guint n = G_N_ELEMENTS (hostile);

#define H(i) hostile[(i) % n]
#define SET(field, i) G_STMT_START { g_free (s->field); s->field = g_strdup (H (i)); } G_STMT_END
  SET (title, 0); SET (summary, 1); SET (persona_name, 2); SET (persona_role, 3);
  SET (persona_situation, 4); SET (context, 5); SET (parent_type, 6); SET (dutch_level, 7);
  SET (channel, 8); SET (id, 9);
#undef SET
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (s->objectives, g_strdup (H (i)));
  s->competencies = 0x5a;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("n%u", i);
      g_autofree char *next = g_strdup_printf ("n%u", i + 1);
      BkNode *node = bk_node_new (id, BK_NODE_CHOICES);

      g_free (node->line);
      node->line = g_strdup (H (i));
      node->narration = i % 3 == 0 ? NULL : g_strdup (H (i + 1));
      node->direction = i % 4 == 0 ? NULL : g_strdup (H (i + 2));
      for (guint j = 0; j < 3; j++)
        {
          BkChoice *c = bk_choice_new (H (i + j), j == 0 ? next : H (i + j + 5));

          c->best = j == 1;
          g_free (c->technique);
          c->technique = g_strdup (H (i + j + 1));
          g_free (c->feedback);
          c->feedback = g_strdup (H (i + j + 2));
          c->scores[j] = (int) j - 1;
          c->scores[(i + j) % BK_N_COMPETENCIES] = 2;
          g_ptr_array_add (node->choices, c);
        }
      g_ptr_array_add (s->nodes, node);
    }
  {
    BkNode *open = bk_node_new ("open", BK_NODE_OPEN);
    BkNode *end = bk_node_new (H (0), BK_NODE_ENDING);

    g_free (open->prompt);
    open->prompt = g_strdup (H (3));
    for (guint j = 0; j < n; j++)
      g_ptr_array_add (open->rubric, bk_rubric_item_new (H (j), (int) j % (BK_N_COMPETENCIES + 1) - 1));
    g_free (open->open_next);
    open->open_next = g_strdup (H (4));
    g_ptr_array_add (s->nodes, open);
    end->ending_kind = BK_ENDING_POOR;
    g_free (end->ending_title);
    end->ending_title = g_strdup (H (5));
    g_free (end->ending_text);
    end->ending_text = g_strdup (H (6));
    g_ptr_array_add (s->nodes, end);
  }
#undef H
  g_free (s->start);
  s->start = g_strdup ("n0");
  bk_scenario_reindex (s);
  return s;
}

static void
test_hostile_texts (void)
{
  g_autoptr (BkScenario) s = hostile_scenario ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GPtrArray) twine_problems = NULL;
  g_autofree char *twee = bk_twee_write (s);
  g_autoptr (BkScenario) again = read_twee (twee, &problems);
  g_autofree char *twine = as_twine_saves_it (twee);
  g_autoptr (BkScenario) from_twine = read_twee (twine, &twine_problems);
  g_autofree char *json = bk_scenario_to_json (s);
  g_autofree char *json_again = bk_scenario_to_json (again);
  g_autofree char *json_twine = bk_scenario_to_json (from_twine);

  g_assert_cmpstr (json_again, ==, json);
  g_assert_cmpstr (json_twine, ==, json);
  /* Each JSON block stays one HTML comment, closed after its JSON. */
  for (const char *block = strstr (twee, "<!-- betrokken\n"); block != NULL;
       block = strstr (block + 1, "<!-- betrokken\n"))
    g_assert_true (g_str_has_prefix (strstr (block, "-->") - 3, "\n}\n"));
  /* The visible texts still read well where nothing needs escaping. */
  g_assert_nonnull (strstr (twee, "\nÜnïcödé — “quotes” ‘x’ 😀 \u00a0nbsp&#160;\n"));
  g_assert_nonnull (strstr (twee, "\n\\:: not a header\n\\::also not\n&#92;: backslash colon\n&#92;::\n"));
}

/* Node ids are passage names: Twee's backslash escapes. */
static void
test_odd_ids (void)
{
  const char *ids[] = { "a [b] {c} \\d", " lead", "trail ", "x->y", "q|r", "[[z]]", "StoryTitle", "StoryData", "betrokken", "é" };
  g_autoptr (BkScenario) s = bk_scenario_new ();
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) again = NULL;
  g_autofree char *twee = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      BkNode *node = bk_node_new (ids[i], i + 1 < G_N_ELEMENTS (ids) ? BK_NODE_CHOICES : BK_NODE_ENDING);

      if (i + 1 < G_N_ELEMENTS (ids))
        g_ptr_array_add (node->choices, bk_choice_new ("Verder", ids[i + 1]));
      g_ptr_array_add (s->nodes, node);
    }
  g_free (s->start);
  s->start = g_strdup (ids[0]);
  g_free (s->title);
  s->title = g_strdup ("Vreemde namen");
  twee = bk_twee_write (s);
  g_assert_nonnull (strstr (twee, "\n:: a \\[b\\] \\{c\\} \\\\d [choices]"));
  again = read_twee (twee, &problems);
  json = bk_scenario_to_json (s);
  json_again = bk_scenario_to_json (again);
  g_assert_cmpstr (json_again, ==, json);
}

static void
test_kinds_from_block_and_tags (void)
{
  const char *twee =
    ":: StoryTitle\nT\n\n"
    ":: betrokken [betrokken-meta]\n{ \"id\": \"t\", \"version\": 1, \"channel\": \"phone\" }\n\n"
    ":: begin\n<!-- betrokken {\"open\": {\"prompt\": \"Vat samen.\", \"rubric\": [{\"text\": \"Kort\", \"competency\": \"summarising\"}]}} -->\n"
    "Zo.\n[[verder]]\n\n"
    ":: verder [ending]\n<!-- betrokken {\"ending\": {\"kind\": \"good\", \"title\": \"Goed\", \"text\": \"Het ging goed.\"}} -->\n"
    "Dag!\n";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) s = read_twee (twee, &problems);
  BkNode *begin = bk_scenario_find_node (s, "begin");
  BkNode *verder = bk_scenario_find_node (s, "verder");

  g_assert_cmpstr (s->id, ==, "t");
  g_assert_cmpstr (s->channel, ==, "phone");
  g_assert_cmpint (begin->kind, ==, BK_NODE_OPEN);
  g_assert_cmpstr (begin->prompt, ==, "Vat samen.");
  g_assert_cmpstr (begin->open_next, ==, "verder");
  g_assert_cmpstr (begin->line, ==, "Zo.");
  g_assert_cmpuint (begin->rubric->len, ==, 1);
  g_assert_cmpint (((BkRubricItem *) g_ptr_array_index (begin->rubric, 0))->competency, ==, BK_COMPETENCY_SUMMARISING);
  g_assert_cmpint (verder->kind, ==, BK_NODE_ENDING);
  g_assert_cmpint (verder->ending_kind, ==, BK_ENDING_GOOD);
  g_assert_cmpstr (verder->ending_title, ==, "Goed");
  g_assert_cmpstr (verder->line, ==, "Dag!");
}

static void
test_broken_blocks (void)
{
  const char *twee =
    ":: StoryTitle\nT\n\n"
    ":: StoryData\n{ not json\n\n"
    ":: a\n<!-- betrokken\n{\"choices\": [\n  {\"best\": \"ja\"}\n]}\n-->\nHoi\n[[x->b]]\n[[y->b]]\n\n"
    ":: b\n<!-- betrokken {\"ending\": {\"kind\": \"heel goed\"}}\nnooit dicht\n";
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) s = read_twee (twee, &problems);
  const BkProblem *p;

  p = find_problem (problems, "passage “StoryData”", "not valid JSON");
  g_assert_cmpint (p->line, ==, 5);
  find_problem (problems, "passage “a”", "“best” must be true or false.");
  find_problem (problems, "passage “a”", "Choices in the block: 1; links in the passage: 2.");
  p = find_problem (problems, "passage “b”", "is not closed");
  g_assert_cmpint (p->line, ==, 18);
  g_assert_cmpuint (s->nodes->len, ==, 2);
}

static void
test_not_twee (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "vermijdende-vader.json", NULL);
  g_autofree char *json = NULL;
  const char *texts[] = { "", "Gewoon een verhaal.\nZonder passages.\n", " :: almost\n" };
  g_autofree char *large = g_malloc (BK_SCENARIO_MAX_SIZE + 2);

  g_assert_true (g_file_get_contents (path, &json, NULL, NULL));
  for (guint i = 0; i <= G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) problems = NULL;
      BkScenario *s = bk_twee_read (i < G_N_ELEMENTS (texts) ? texts[i] : json, -1, &problems, &error);

      g_assert_null (s);
      g_assert_null (problems);
      g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_NOT_SCENARIO);
    }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) problems = NULL;

    g_assert_null (bk_twee_read (":: a\n\xff\xfe\n", -1, &problems, &error));
    g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_SYNTAX);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) problems = NULL;

    g_assert_null (bk_twee_read (":: a\0:: b\n", 10, &problems, &error));
    g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_SYNTAX);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) problems = NULL;

    memset (large, 'a', BK_SCENARIO_MAX_SIZE + 1);
    memcpy (large, ":: a\n", 5);
    large[BK_SCENARIO_MAX_SIZE + 1] = '\0';
    g_assert_null (bk_twee_read (large, -1, &problems, &error));
    g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_TOO_LARGE);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) problems = NULL;

    g_assert_null (bk_twee_read (":: m [betrokken-meta]\n{\"version\": 2}\n", -1, &problems, &error));
    g_assert_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_VERSION);
  }
}

/* json-glib recurses per bracket; a hostile block must not overflow. */
static void
test_deep_json (void)
{
  g_autoptr (GString) twee = g_string_new (":: a\n<!-- betrokken ");
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) s = NULL;

  for (int i = 0; i < 200000; i++)
    g_string_append_c (twee, '[');
  g_string_append (twee, " -->\nHoi\n");
  s = read_twee (twee->str, &problems);
  find_problem (problems, "passage “a”", "too many brackets");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/twee/round-trip/builtins", test_builtins);
  g_test_add_func ("/twee/round-trip/hostile-texts", test_hostile_texts);
  g_test_add_func ("/twee/round-trip/odd-ids", test_odd_ids);
  g_test_add_func ("/twee/write/form", test_written_form);
  g_test_add_func ("/twee/read/twine-story", test_twine_story);
  g_test_add_func ("/twee/read/dangling-link", test_dangling_link);
  g_test_add_func ("/twee/read/kinds", test_kinds_from_block_and_tags);
  g_test_add_func ("/twee/read/broken-blocks", test_broken_blocks);
  g_test_add_func ("/twee/read/deep-json", test_deep_json);
  g_test_add_func ("/twee/read/not-twee", test_not_twee);

  return g_test_run ();
}
