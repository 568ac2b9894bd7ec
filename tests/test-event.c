/* test-event.c
 * Events and the attendance sheet: who came is recorded and logged once.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-event.h"
#include "bk-reach.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, "INSERT INTO cycles (id, name, start_date, end_date, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-10-07', '2026-12-23', 'x');"
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (1, 1, 'parent-meeting', 'Ouderbijeenkomst (week 6)', '2026-11-11T14:30:00Z', 'x'),"
    " (2, 1, 'diploma', 'Diploma-uitreiking', '2026-12-23T14:30:00Z', 'x'),"
    " (3, 1, 'start-email', 'Startmail', '2026-09-16T08:00:00Z', 'x');"
    "INSERT INTO children (id, given_name, created_at, updated_at) VALUES (1, 'Zoë', 'x', 'x'), (2, 'Bram', 'x', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (1, 1, '2026-10-07'), (2, 1, '2026-10-07');"
    "INSERT INTO parents (id, given_name, family_name, created_at) VALUES"
    " (1, 'Sandra', 'de Vries', 'x'), (2, 'Mark', 'Bakker', 'x'), (3, 'Fatima', 'Jansen', 'x');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES"
    " (1, 1, 'mother'), (2, 1, 'father'), (3, 2, 'mother');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static void
mark (GListModel *sheet,
      const char *name,
      gboolean    present)
{
  for (guint i = 0; i < g_list_model_get_n_items (sheet); i++)
    {
      g_autoptr (BkAttendee) a = g_list_model_get_item (sheet, i);
      if (g_str_equal (bk_attendee_get_name (a), name))
        bk_attendee_set_present (a, present);
    }
}

static void
test_held_events (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) held = bk_event_load_held (f->store, f->now, &error);

  /* Not the diploma (still to come), not the start e-mail (no attendance). */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (held)), ==, 1);
  {
    g_autoptr (BkEvent) e = g_list_model_get_item (G_LIST_MODEL (held), 0);
    g_assert_cmpstr (bk_event_get_label (e), ==, "Ouderbijeenkomst (week 6) · 11-11-2026 · Traject najaar 2026");
  }
}

static void
test_sheet (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) sheet = bk_event_load_sheet (f->store, 1, &error);

  g_assert_no_error (error);
  /* By the children's names: Bram's mother first, then Zoë's parents. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sheet)), ==, 3);
  {
    g_autoptr (BkAttendee) first = g_list_model_get_item (G_LIST_MODEL (sheet), 0);
    g_assert_cmpstr (bk_attendee_get_name (first), ==, "Fatima Jansen");
    g_assert_cmpstr (bk_attendee_get_children (first), ==, "Parent of Bram");
    g_assert_false (bk_attendee_get_present (first));
  }

  mark (G_LIST_MODEL (sheet), "Sandra de Vries", TRUE);
  mark (G_LIST_MODEL (sheet), "Fatima Jansen", TRUE);
  g_assert_true (bk_event_save_attendance (f->store, 1, G_LIST_MODEL (sheet), 0, f->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM attendance WHERE event_id = 1 AND present = 1"), ==, 2);
  g_assert_cmpint (q (f, "SELECT count(*) FROM attendance WHERE event_id = 1 AND present = 0"), ==, 1);
  /* One contact for the meeting, with both present parents, dated on the day. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts WHERE event_id = 1 AND kind = 'parent-meeting'"
                         " AND occurred_at = '2026-11-11T14:30:00Z' AND direction = 'two-way'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contact_parents"), ==, 2);

  /* Who came counts as reached; Mark, who did not, is not. */
  {
    g_autoptr (GListStore) reach = bk_reach_not_reached (f->store, f->now, 3, &error);
    g_autoptr (BkReach) only = g_list_model_get_item (G_LIST_MODEL (reach), 0);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reach)), ==, 1);
    g_assert_cmpstr (bk_reach_get_display_name (only), ==, "Mark Bakker");
  }

  /* Loading again shows what was recorded; correcting replaces the contact. */
  {
    g_autoptr (GListStore) again = bk_event_load_sheet (f->store, 1, &error);
    mark (G_LIST_MODEL (again), "Fatima Jansen", FALSE);
    g_assert_true (bk_event_save_attendance (f->store, 1, G_LIST_MODEL (again), 0, f->now, &error));
    g_assert_cmpint (q (f, "SELECT count(*) FROM contacts WHERE event_id = 1"), ==, 1);
    g_assert_cmpint (q (f, "SELECT count(*) FROM contact_parents"), ==, 1);
    g_assert_cmpint (q (f, "SELECT count(*) FROM attendance WHERE present = 1"), ==, 1);
  }
}

static void
test_future_refused (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) sheet = bk_event_load_sheet (f->store, 2, &error);

  mark (G_LIST_MODEL (sheet), "Sandra de Vries", TRUE);
  g_assert_false (bk_event_save_attendance (f->store, 2, G_LIST_MODEL (sheet), 0, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not taken place yet"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM attendance"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/event/held", test_held_events);
  ADD ("/event/attendance-sheet", test_sheet);
  ADD ("/event/future-refused", test_future_refused);
#undef ADD

  return g_test_run ();
}
