/* test-session.c
 * Session entries: within the cycle, one per child and session, absence as
 * absence, and a whole group's entries all or nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-session.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* Zoë and Bram are in a cycle of 11 sessions that began on 7-10-2026 (today
 * is 23-11-2026), each with a goal and a step; Noor is in a later cycle. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Sanne Hoekstra', 'teacher', 'x');"
    "INSERT INTO cycles (id, name, start_date, session_count, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-10-07', 11, 'x'), (2, 'Traject winter 2027', '2026-12-16', 11, 'x');"
    "INSERT INTO children (id, given_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'x', 'x'), (2, 'Bram', 'x', 'x'), (3, 'Noor', 'x', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES"
    " (1, 1, '2026-10-07'), (2, 1, '2026-10-07'), (3, 2, '2026-11-20');"
    "INSERT INTO goals (id, child_id, cycle_id, text, created_on) VALUES"
    " (1, 1, 1, 'Ik vraag hulp als ik vastloop', '2026-10-07'),"
    " (2, 2, 1, 'Ik blijf rustig als ik boos word', '2026-10-07');"
    "INSERT INTO goal_steps (id, goal_id, position, text) VALUES"
    " (1, 1, 1, 'Mijn hand opsteken'), (2, 2, 1, 'Even weglopen in plaats van schreeuwen');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static BkSessionDraft
zoe_session (int session_no)
{
  BkSessionDraft d = { 0, 1, 1, session_no, "14-10-2026", FALSE, 1,
                       "Stak twee keer haar hand op", 4, "Vraag het eerst aan je buurvrouw",
                       "Je bleef doorwerken" };
  return d;
}

/* The first refusal's field, or NULL when the draft passes. */
static const char *
first_refusal (Fixture              *f,
               const BkSessionDraft *draft,
               char                **message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = bk_session_validate (f->store, draft, f->now, &error);
  BkFieldError *first;

  g_assert_no_error (error);
  if (problems->len == 0)
    return NULL;
  first = g_ptr_array_index (problems, 0);
  if (message != NULL)
    *message = g_strdup (first->message);
  return first->field;
}

static void
test_entry_and_absence (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  BkSessionDraft zoe = zoe_session (1);
  BkSessionDraft bram = { 0, 2, 1, 1, "2026-10-14", TRUE, 0, "  ", 0, NULL, NULL };
  BkSessionEntry *latest;
  gint64 id = 0;

  g_assert_true (bk_session_save (f->store, &zoe, 1, f->now, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  /* Absent is a row that says so, with nothing else in it. */
  g_assert_true (bk_session_save (f->store, &bram, 1, f->now, NULL, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries WHERE child_id = 2 AND absent = 1"
                         " AND how_worked IS NULL AND day_rating IS NULL AND held_on = '2026-10-14'"), ==, 1);

  zoe = zoe_session (2);
  zoe.held_on = "21-10-2026";
  zoe.day_rating = 0;
  zoe.step_id = 0;
  zoe.tip = zoe.top = NULL;
  g_assert_true (bk_session_save (f->store, &zoe, 1, f->now, NULL, &error));

  entries = bk_session_load_for_child (f->store, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 2);
  latest = g_ptr_array_index (entries, 0);
  g_assert_cmpint (latest->session_no, ==, 2);
  g_assert_cmpint (latest->day_rating, ==, 0);
  latest = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (latest->step_text, ==, "Mijn hand opsteken");
  g_assert_cmpint (latest->day_rating, ==, 4);
  g_assert_cmpstr (latest->top, ==, "Je bleef doorwerken");
  g_assert_cmpstr (latest->staff_name, ==, "Sanne Hoekstra");
  g_assert_cmpstr (latest->held_on, ==, "2026-10-14");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_tip = g_strnfill (BK_SESSION_TIP_MAX + 1, 'x');
  g_autofree char *message = NULL;
  BkSessionDraft d;

  d = zoe_session (1);
  g_assert_null (first_refusal (f, &d, NULL));

  d = zoe_session (12);
  g_assert_cmpstr (first_refusal (f, &d, &message), ==, "session");
  g_assert_cmpstr (message, ==, "This cycle has sessions 1 to 11; there is no session 12.");
  g_clear_pointer (&message, g_free);
  d = zoe_session (0);
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "session");

  d = zoe_session (1);
  d.held_on = "30-9-2026";
  g_assert_cmpstr (first_refusal (f, &d, &message), ==, "held-on");
  g_assert_cmpstr (message, ==, "The cycle starts on 7-10-2026: a session cannot be held before it.");
  g_clear_pointer (&message, g_free);
  d.held_on = "24-11-2026";
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "held-on");
  d.held_on = "woensdag";
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "held-on");
  d.held_on = "";
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "held-on");

  /* Nothing filled in is not an entry; absence with content is not absence. */
  d = (BkSessionDraft) { 0, 1, 1, 1, "14-10-2026", FALSE, 0, " ", 0, NULL, "" };
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "how-worked");
  d = zoe_session (1);
  d.absent = TRUE;
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "absent");

  d = zoe_session (1);
  d.day_rating = 6;
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "rating");
  d = zoe_session (1);
  d.step_id = 2;   /* Bram's step */
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "step");
  d = zoe_session (1);
  d.tip = long_tip;
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "tip");
  /* Noor is not in this cycle. */
  d = zoe_session (1);
  d.child_id = 3;
  d.step_id = 0;
  g_assert_cmpstr (first_refusal (f, &d, NULL), ==, "session");

  /* Two entries for one child and session. */
  d = zoe_session (1);
  g_assert_true (bk_session_save (f->store, &d, 1, f->now, NULL, &error));
  g_assert_false (bk_session_save (f->store, &d, 1, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already entered"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries"), ==, 1);
}

static void
test_change (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  BkSessionDraft d = zoe_session (1);
  gint64 first = 0;

  g_assert_true (bk_session_save (f->store, &d, 1, f->now, &first, &error));
  d = zoe_session (2);
  d.held_on = "21-10-2026";
  g_assert_true (bk_session_save (f->store, &d, 1, f->now, NULL, &error));

  /* Changing an entry keeps it one entry; moving it onto another is refused. */
  d = zoe_session (1);
  d.id = first;
  d.day_rating = 2;
  g_assert_true (bk_session_save (f->store, &d, 1, f->now, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT day_rating FROM session_entries WHERE session_no = 1"), ==, 2);
  d.session_no = 2;
  g_assert_false (bk_session_save (f->store, &d, 1, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries"), ==, 2);
  g_assert_cmpint (q (f, "SELECT day_rating FROM session_entries WHERE session_no = 1"), ==, 2);
}

/* A group's session is written whole, or not at all. */
static void
test_group (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  BkSessionDraft drafts[2] = {
    zoe_session (3),
    { 0, 2, 1, 3, "28-10-2026", FALSE, 0, NULL, 0, NULL, NULL },
  };
  guint refused = 99;

  drafts[0].held_on = "28-10-2026";
  g_assert_false (bk_session_save_group (f->store, drafts, 2, 1, f->now, &refused, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_cmpuint (refused, ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries"), ==, 0);
  g_clear_error (&error);

  drafts[1].how_worked = "Liep één keer weg en kwam zelf terug";
  drafts[1].step_id = 2;
  g_assert_true (bk_session_save_group (f->store, drafts, 2, 1, f->now, &refused, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries WHERE session_no = 3"), ==, 2);

  /* The same child twice in one go: the second is refused, the first undone. */
  drafts[0].session_no = drafts[1].session_no = 4;
  drafts[0].held_on = drafts[1].held_on = "4-11-2026";
  drafts[1].child_id = 1;
  drafts[1].step_id = 0;
  g_assert_false (bk_session_save_group (f->store, drafts, 2, 1, f->now, &refused, &error));
  g_assert_cmpuint (refused, ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries"), ==, 2);
}

/* The sheet for a session: every child of the cycle, what is entered, and
 * the steps to choose from; the next session and its day are suggested. */
static void
test_sheet (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) cycles = NULL;
  g_autoptr (GPtrArray) sheet = NULL;
  g_autofree char *day = NULL;
  BkSessionDraft d = zoe_session (1);
  BkSessionCycle *cycle;
  BkSessionRow *row;

  g_assert_true (bk_session_save (f->store, &d, 1, f->now, NULL, &error));
  /* The winter cycle has not started yet. */
  cycles = bk_session_load_cycles (f->store, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cycles->len, ==, 1);
  cycle = g_ptr_array_index (cycles, 0);
  g_assert_cmpstr (cycle->name, ==, "Traject najaar 2026");
  g_assert_cmpint (cycle->next_session, ==, 2);
  day = bk_session_default_day (cycle, 2, f->now);
  g_assert_cmpstr (day, ==, "14-10-2026");
  g_clear_pointer (&day, g_free);
  /* Session 11 would be on 16-12: today is as late as it gets. */
  day = bk_session_default_day (cycle, 11, f->now);
  g_assert_cmpstr (day, ==, "23-11-2026");

  sheet = bk_session_load_sheet (f->store, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->len, ==, 2);
  row = g_ptr_array_index (sheet, 0);
  g_assert_cmpstr (row->name, ==, "Bram");
  g_assert_null (row->entry);
  g_assert_cmpuint (row->step_ids->len, ==, 1);
  row = g_ptr_array_index (sheet, 1);
  g_assert_cmpstr (row->name, ==, "Zoë");
  g_assert_nonnull (row->entry);
  g_assert_cmpint (row->entry->day_rating, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (row->step_texts, 0), ==, "Mijn hand opsteken");
}

/* Today (23-11) is in week 7 of the cycle that began on 7-10: session 7
 * was held on 18-11. Who has nothing for it? Noor's cycle has not begun. */
static void
test_missing_children (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) missing = NULL;
  gint64 zoe = 1, bram = 2, noor = 3;

  g_assert_cmpint (sqlite3_exec (bk_store_get_db (f->store),
                                 "INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, absent)"
                                 " VALUES (1, 1, 6, '2026-11-11', 1), (2, 1, 7, '2026-11-18', 1)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  missing = bk_session_missing_children (f->store, f->now, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (missing, &zoe));
  g_assert_false (g_hash_table_contains (missing, &bram));  /* absent is an entry */
  g_assert_false (g_hash_table_contains (missing, &noor));
  g_assert_cmpuint (g_hash_table_size (missing), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/session/entry-and-absence", test_entry_and_absence);
  ADD ("/session/refusals", test_refusals);
  ADD ("/session/change", test_change);
  ADD ("/session/group-all-or-nothing", test_group);
  ADD ("/session/sheet", test_sheet);
  ADD ("/session/missing-children", test_missing_children);
#undef ADD

  return g_test_run ();
}
