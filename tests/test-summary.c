/* test-summary.c
 * The parents' progress summary: what it says, what it never says, and the
 * PDF read back with pdftotext.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-goal.h"
#include "bk-summary-pdf.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* Zoë has a goal with a step reached and one to go, two sessions (one
 * absent), a shared handle and one not shared; her mother has an
 * observation and a wish for the goal. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Sanne Hoekstra', 'teacher', 'x');"
    "INSERT INTO cycles (id, name, start_date, created_at) VALUES (1, 'Traject najaar 2026', '2026-10-07', 'x');"
    "INSERT INTO children (id, given_name, family_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'de Vries', 'x', 'x'), (2, 'Bram', 'Jansen', 'x', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (1, 1, '2026-10-07');"
    "INSERT INTO goals (id, child_id, cycle_id, text, parent_wish, created_on) VALUES"
    " (1, 1, 1, 'Ik vraag hulp als ik vastloop', 'Betere cijfers voor rekenen', '2026-10-07');"
    "INSERT INTO goal_steps (id, goal_id, position, text, status, reached_on) VALUES"
    " (1, 1, 1, 'Mijn hand opsteken', 'reached', '2026-10-21'), (2, 1, 2, 'Zelf naar de juf lopen', 'planned', NULL);"
    "INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, absent, how_worked, day_rating, tip, top)"
    " VALUES (1, 1, 1, '2026-10-07', 0, 'Rustig begonnen', 4, 'Begin met de makkelijkste som', 'Je stak je hand op'),"
    " (1, 1, 2, '2026-10-14', 1, NULL, NULL, NULL, NULL);"
    "INSERT INTO home_handles (child_id, kind, text, created_on, shared_on) VALUES"
    " (1, 'handle', 'Eén opdracht tegelijk werkt beter', '2026-10-21', '2026-10-22'),"
    " (1, 'assignment', 'Nog niet besproken opdracht', '2026-11-20', NULL);"
    "INSERT INTO parents (id, given_name, family_name, created_at) VALUES (1, 'Sandra', 'de Vries', 'x');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES (1, 1, 'mother');"
    "INSERT INTO observations (parent_id, type, behaviour, observed_on, staff_id, created_at) VALUES"
    " (1, 'avoiding', 'Belt niet terug na een voicemail', '2026-11-01', 1, 'x');");
}

#define fixture_teardown bk_test_db_close

static void
test_what_it_says (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkSummary) s = bk_summary_load (f->store, 1, f->now, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (s->child_name, ==, "Zoë de Vries");
  g_assert_cmpstr (s->goal, ==, "Ik vraag hulp als ik vastloop");
  g_assert_cmpuint (s->reached->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s->reached, 0), ==, "Mijn hand opsteken (21-10-2026)");
  g_assert_cmpstr (s->next_step, ==, "Zelf naar de juf lopen");
  g_assert_cmpint (s->attended, ==, 1);
  g_assert_cmpint (s->entered, ==, 2);
  g_assert_cmpstr (s->top, ==, "Je stak je hand op");
  /* Only what was shared with the parents. */
  g_assert_cmpuint (s->handles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (s->handles, 0), ==, "Eén opdracht tegelijk werkt beter");
}

static void
test_pdf (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkSummary) s = bk_summary_load (f->store, 1, f->now, &error);
  g_autofree char *path = g_build_filename (f->dir, "Voortgang Zoë.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_true (bk_summary_write_pdf (s, path, &error));
  g_assert_no_error (error);
  text = bk_test_pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  /* pdftotext breaks lines where the page does; join them again. */
  {
    g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
    flat = g_strjoinv (" ", lines);
  }
  g_assert_nonnull (strstr (flat, "How Zoë de Vries is doing"));
  g_assert_nonnull (strstr (flat, "Ik vraag hulp als ik vastloop"));
  g_assert_nonnull (strstr (flat, "Mijn hand opsteken (21-10-2026)"));
  g_assert_nonnull (strstr (flat, "The next step: Zelf naar de juf lopen."));
  g_assert_nonnull (strstr (flat, "was at 1 of the 2 sessions so far"));
  g_assert_nonnull (strstr (flat, "Top: Je stak je hand op"));
  g_assert_nonnull (strstr (flat, "Eén opdracht tegelijk werkt beter"));
  /* Nothing internal goes home. */
  g_assert_null (strstr (flat, "voicemail"));
  g_assert_null (strstr (flat, "Betere cijfers"));
  g_assert_null (strstr (flat, "Nog niet besproken"));
}

/* A child without a goal still gets a summary that says so; a folder that
 * does not exist gets a clear error and no file. */
static void
test_no_goal_and_bad_folder (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkSummary) s = bk_summary_load (f->store, 2, f->now, &error);
  g_autofree char *path = g_build_filename (f->dir, "missing", "Bram.pdf", NULL);

  g_assert_no_error (error);
  g_assert_null (s->goal);
  g_assert_null (s->cycle_name);
  g_assert_false (bk_summary_write_pdf (s, path, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "Bram.pdf"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);
  g_assert_null (bk_summary_load (f->store, 99, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/summary/what-it-says", test_what_it_says);
  ADD ("/summary/pdf-read-back", test_pdf);
  ADD ("/summary/no-goal-and-bad-folder", test_no_goal_and_bad_folder);
#undef ADD

  return g_test_run ();
}
