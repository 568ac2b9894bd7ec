/* test-cycle.c
 * New cycles with their fixed moments, and living groups.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-cycle.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, NULL);
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static void
test_cycle_moments (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkCycleDraft) d = bk_cycle_draft_new ("cycle", 11);
  gint64 id = 0;

  d->name = g_strdup ("  Traject voorjaar 2027 ");
  d->start_date = g_strdup ("3-3-2027");
  g_assert_true (bk_cycle_save (f->store, d, f->now, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM cycles WHERE name = 'Traject voorjaar 2027'"
                         " AND start_date = '2027-03-03' AND end_date = '2027-05-19' AND session_count = 11"), ==, 1);
  /* Three weeks before, a week before, week 6, the week after the last. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM events WHERE kind = 'start-email' AND starts_at = '2027-02-10T08:00:00Z'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM events WHERE kind = 'info-evening' AND starts_at = '2027-02-24T18:30:00Z'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM events WHERE kind = 'parent-meeting' AND session_no = 6"
                         " AND starts_at = '2027-04-07T13:30:00Z'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM events WHERE kind = 'diploma' AND starts_at = '2027-05-19T13:30:00Z'"), ==, 1);

  /* A short cycle meets halfway. */
  {
    g_autoptr (BkCycleDraft) s = bk_cycle_draft_new ("cycle", 4);
    s->name = g_strdup ("Zomertraject");
    s->start_date = g_strdup ("7-7-2027");
    g_assert_true (bk_cycle_save (f->store, s, f->now, NULL, &error));
    g_assert_cmpint (q (f, "SELECT session_no FROM events WHERE kind = 'parent-meeting'"
                           " AND cycle_id = (SELECT id FROM cycles WHERE name = 'Zomertraject')"), ==, 2);
  }
}

static void
test_living_group (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkCycleDraft) d = bk_cycle_draft_new ("living-group", 0);

  d->name = g_strdup ("Leefgroep Kadetten");
  d->start_date = g_strdup ("1-9-2026");
  d->school_year = g_strdup ("2026-2027");
  g_assert_true (bk_cycle_save (f->store, d, f->now, NULL, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM cycles WHERE kind = 'living-group' AND end_date IS NULL"
                         " AND school_year = '2026-2027'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM events"), ==, 0);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  struct { const char *kind, *name, *start, *year; int sessions; const char *needle; } cases[] = {
    { "cycle", "", "3-3-2027", NULL, 11, "Give it a name" },
    { "cycle", "T", "", NULL, 11, "first session" },
    { "cycle", "T", "30-2-2027", NULL, 11, "not a date" },
    { "cycle", "T", "3-3-2027", NULL, 0, "1 to 52" },
    { "cycle", "T", "3-3-2027", NULL, 53, "1 to 52" },
    { "living-group", "L", "1-9-2026", "2026-2028", 0, "school year" },
    { "club", "L", "1-9-2026", NULL, 0, "cycle or a living group" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BkCycleDraft) d = bk_cycle_draft_new (cases[i].kind, cases[i].sessions);
      g_autoptr (GError) error = NULL;

      d->name = g_strdup (cases[i].name);
      d->start_date = g_strdup (cases[i].start);
      d->school_year = g_strdup (cases[i].year);
      g_assert_false (bk_cycle_save (f->store, d, f->now, NULL, &error));
      g_test_message ("case %u: %s", i, error->message);
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
  g_assert_cmpint (q (f, "SELECT count(*) FROM cycles"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM events"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/cycle/moments", test_cycle_moments);
  ADD ("/cycle/living-group", test_living_group);
  ADD ("/cycle/refusals", test_refusals);
#undef ADD

  return g_test_run ();
}
