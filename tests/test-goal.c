/* test-goal.c
 * The learning goal: chosen with the child, the parent's wish apart, steps.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-goal.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* Zoë is in a running cycle, Sem in one that starts next month, Bram in none. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO cycles (id, name, start_date, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-10-07', 'x'), (2, 'Traject winter 2027', '2026-12-16', 'x');"
    "INSERT INTO children (id, given_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'x', 'x'), (2, 'Sem', 'x', 'x'), (3, 'Bram', 'x', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (1, 1, '2026-10-07'), (2, 2, '2026-11-20');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static void
test_goal_and_wish (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkGoal) none = bk_goal_load_active (f->store, 1, &error);
  g_autoptr (BkGoal) goal = NULL;

  g_assert_nonnull (none);
  g_assert_cmpint (none->id, ==, 0);
  g_assert_cmpstr (none->cycle_name, ==, "Traject najaar 2026");

  g_assert_true (bk_goal_save (f->store, 1, " Ik durf in de klas een vraag te stellen ", TRUE,
                               "Betere cijfers voor rekenen", f->now, &error));
  g_assert_no_error (error);
  goal = bk_goal_load_active (f->store, 1, &error);
  g_assert_cmpstr (goal->text, ==, "Ik durf in de klas een vraag te stellen");
  g_assert_true (goal->chosen_with_child);
  /* The parent's wish is kept apart, not turned into the goal. */
  g_assert_cmpstr (goal->parent_wish, ==, "Betere cijfers voor rekenen");

  /* Changing it changes the one active goal. */
  g_assert_true (bk_goal_save (f->store, 1, "Ik vraag hulp als ik vastloop", TRUE, NULL, f->now, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM goals"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM goals WHERE parent_wish IS NULL"), ==, 1);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_text = g_strnfill (BK_GOAL_TEXT_MAX + 1, 'x');

  g_assert_false (bk_goal_save (f->store, 1, "  ", TRUE, NULL, f->now, &error));
  g_assert_nonnull (strstr (error->message, "child’s own words"));
  g_clear_error (&error);
  g_assert_false (bk_goal_save (f->store, 1, long_text, TRUE, NULL, f->now, &error));
  g_assert_nonnull (strstr (error->message, "at most 500"));
  g_clear_error (&error);
  /* Bram is in no cycle: a goal belongs to one. */
  g_assert_null (bk_goal_load_active (f->store, 3, &error));
  g_assert_no_error (error);
  g_assert_false (bk_goal_save (f->store, 3, "Iets", TRUE, NULL, f->now, &error));
  g_assert_nonnull (strstr (error->message, "group or cycle first"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM goals"), ==, 0);
}

static void
test_steps (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkGoal) goal = NULL;
  BkStep *first;

  g_assert_true (bk_goal_save (f->store, 1, "Ik vraag hulp als ik vastloop", TRUE, NULL, f->now, &error));
  goal = bk_goal_load_active (f->store, 1, &error);
  g_assert_true (bk_goal_add_step (f->store, goal->id, "Mijn hand opsteken", &error));
  g_assert_true (bk_goal_add_step (f->store, goal->id, "Zelf naar de juf lopen", &error));
  g_assert_false (bk_goal_add_step (f->store, goal->id, " ", &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&goal, bk_goal_free);
  goal = bk_goal_load_active (f->store, 1, &error);
  g_assert_cmpuint (goal->steps->len, ==, 2);
  first = g_ptr_array_index (goal->steps, 0);
  g_assert_cmpint (first->position, ==, 1);
  g_assert_true (bk_goal_set_reached (f->store, first->id, TRUE, f->now, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM goal_steps WHERE status = 'reached' AND reached_on = '2026-11-23'"), ==, 1);
  g_assert_true (bk_goal_set_reached (f->store, first->id, FALSE, f->now, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM goal_steps WHERE reached_on IS NOT NULL"), ==, 0);

  /* Sem's cycle starts on 16-12: no step reached before that. */
  {
    g_autoptr (BkGoal) sem = NULL;
    BkStep *step;

    g_assert_true (bk_goal_save (f->store, 2, "Ik maak een vriend", TRUE, NULL, f->now, &error));
    sem = bk_goal_load_active (f->store, 2, &error);
    g_assert_true (bk_goal_add_step (f->store, sem->id, "Iemand groeten", &error));
    g_clear_pointer (&sem, bk_goal_free);
    sem = bk_goal_load_active (f->store, 2, &error);
    step = g_ptr_array_index (sem->steps, 0);
    g_assert_false (bk_goal_set_reached (f->store, step->id, TRUE, f->now, &error));
    g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "starts on 16-12-2026"));
  }
}

static void
test_close (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkGoal) goal = NULL;
  g_autoptr (BkGoal) fresh = NULL;
  g_autofree char *long_note = g_strnfill (BK_GOAL_OUTCOME_MAX + 1, 'x');

  g_assert_true (bk_goal_save (f->store, 1, "Ik vraag hulp als ik vastloop", TRUE, NULL, f->now, &error));
  goal = bk_goal_load_active (f->store, 1, &error);

  /* Refusals write nothing. */
  g_assert_false (bk_goal_close (f->store, goal->id, "done", NULL, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bk_goal_close (f->store, goal->id, "stopped", "  ", f->now, &error));
  g_assert_nonnull (strstr (error->message, "what happened"));
  g_clear_error (&error);
  g_assert_false (bk_goal_close (f->store, goal->id, "partly-reached", long_note, f->now, &error));
  g_assert_nonnull (strstr (error->message, "at most 2000"));
  g_clear_error (&error);
  g_assert_false (bk_goal_close (f->store, 999, "reached", NULL, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM goals WHERE status = 'active' AND closed_on IS NULL"), ==, 1);

  /* Reached needs no note; the day is today. */
  g_assert_true (bk_goal_close (f->store, goal->id, "reached", NULL, f->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM goals WHERE status = 'reached' AND closed_on = '2026-11-23'"
                         " AND outcome_note IS NULL"), ==, 1);
  g_assert_false (bk_goal_close (f->store, goal->id, "stopped", "Toch niet", f->now, &error));
  g_assert_nonnull (strstr (error->message, "already been closed"));
  g_clear_error (&error);

  /* The child may now choose a new goal in the same cycle. */
  fresh = bk_goal_load_active (f->store, 1, &error);
  g_assert_cmpint (fresh->id, ==, 0);
  g_assert_true (bk_goal_save (f->store, 1, "Ik maak mijn werk af", TRUE, NULL, f->now, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM goals WHERE child_id = 1"), ==, 2);

  /* Sem's cycle has not started: nothing to close yet. */
  {
    g_autoptr (BkGoal) sem = NULL;

    g_assert_true (bk_goal_save (f->store, 2, "Ik maak een vriend", TRUE, NULL, f->now, &error));
    sem = bk_goal_load_active (f->store, 2, &error);
    g_assert_false (bk_goal_close (f->store, sem->id, "stopped", "Verhuisd", f->now, &error));
    g_assert_nonnull (strstr (error->message, "starts on 16-12-2026"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/goal/goal-and-wish", test_goal_and_wish);
  ADD ("/goal/refusals", test_refusals);
  ADD ("/goal/steps", test_steps);
  ADD ("/goal/close-with-outcome", test_close);
#undef ADD

  return g_test_run ();
}
