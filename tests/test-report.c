/* test-report.c
 * Development reports: three per cycle on their days, written under the
 * prompts before they are final, and the children with a report due.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-report.h"
#include "bk-session.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* Today is 23-11-2026. Zoë, Bram and Fenna are in a cycle of 11 sessions
 * that began on 7-10-2026 (reports due 28-10, 25-11, 16-12); Bram's first
 * report is final, Fenna's first two. Noor is in a cycle that starts on
 * 16-12-2026; Lotte in a living group since 31-8-2026 (first report due
 * 30-11, a draft so far). Daan left the cycle, and Sem is being deleted. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Sanne Hoekstra', 'teacher', 'x');"
    "INSERT INTO cycles (id, kind, name, start_date, session_count, created_at) VALUES"
    " (1, 'cycle', 'Traject najaar 2026', '2026-10-07', 11, 'x'),"
    " (2, 'cycle', 'Traject winter 2027', '2026-12-16', 11, 'x'),"
    " (3, 'living-group', 'Leefgroep De Linde', '2026-08-31', 11, 'x');"
    "INSERT INTO children (id, given_name, created_at, updated_at, deleted_at) VALUES"
    " (1, 'Zoë', 'x', 'x', NULL), (2, 'Bram', 'x', 'x', NULL), (3, 'Noor', 'x', 'x', NULL),"
    " (4, 'Daan', 'x', 'x', NULL), (5, 'Lotte', 'x', 'x', NULL), (6, 'Sem', 'x', 'x', 'x'),"
    " (7, 'Fenna', 'x', 'x', NULL);"
    "INSERT INTO enrolments (child_id, cycle_id, started_on, ended_on) VALUES"
    " (1, 1, '2026-10-07', NULL), (2, 1, '2026-10-07', NULL), (3, 2, '2026-11-20', NULL),"
    " (4, 1, '2026-10-07', '2026-10-20'), (5, 3, '2026-08-31', NULL), (6, 1, '2026-10-07', NULL),"
    " (7, 1, '2026-10-07', NULL);"
    "INSERT INTO reports (child_id, cycle_id, number, body, status, staff_id, written_on) VALUES"
    " (2, 1, 1, 'Bram werkte goed door.', 'final', 1, '2026-10-28'),"
    " (7, 1, 1, 'Fenna vroeg vaker om hulp.', 'final', 1, '2026-10-28'),"
    " (7, 1, 2, 'Fenna bleef rustig.', 'final', 1, '2026-11-20'),"
    " (5, 3, 1, 'Lotte', 'draft', 1, '2026-11-20');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static GDateTime *
morning_of (int year,
            int month,
            int day)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  return g_date_time_new (tz ? tz : g_time_zone_new_utc (), year, month, day, 10, 30, 0);
}

static void
assert_due_on (const char *kind,
               const char *start,
               int         sessions,
               const char *first,
               const char *second,
               const char *third)
{
  const char *expected[] = { first, second, third };

  for (int n = 1; n <= BK_REPORT_COUNT; n++)
    {
      g_autofree char *due = bk_report_due_on (kind, start, sessions, n);
      g_assert_cmpstr (due, ==, expected[n - 1]);
    }
}

/* After sessions 4, 8 and 11 of 11, held weekly; 3, 6 and 9 of 9; a living
 * group every 13 weeks. */
static void
test_due_on (void)
{
  g_autofree char *none = NULL;

  assert_due_on ("cycle", "2026-10-07", 11, "2026-10-28", "2026-11-25", "2026-12-16");
  assert_due_on ("cycle", "2026-10-07", 9, "2026-10-21", "2026-11-11", "2026-12-02");
  assert_due_on ("cycle", "2026-10-07", 12, "2026-10-28", "2026-11-25", "2026-12-23");
  assert_due_on ("cycle", "2026-10-07", 1, "2026-10-07", "2026-10-07", "2026-10-07");
  assert_due_on ("living-group", "2026-08-31", 11, "2026-11-30", "2027-03-01", "2027-05-31");
  none = bk_report_due_on ("cycle", "7-10-2026", 11, 1);
  g_assert_null (none);
}

static void
test_load_no_cycle (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;

  /* Daan's enrolment has ended; child 99 does not exist. */
  reports = bk_report_load_for_child (f->store, 4, &error);
  g_assert_no_error (error);
  g_assert_null (reports);
  reports = bk_report_load_for_child (f->store, 99, &error);
  g_assert_no_error (error);
  g_assert_null (reports);
}

static void
test_load (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = NULL;
  const char *due[] = { "2026-10-28", "2026-11-25", "2026-12-16" };
  const char *since[] = { "2026-10-07", "2026-10-29", "2026-11-26" };
  BkReport *report;

  reports = bk_report_load_for_child (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reports);
  g_assert_cmpuint (reports->len, ==, BK_REPORT_COUNT);
  for (guint i = 0; i < reports->len; i++)
    {
      report = g_ptr_array_index (reports, i);
      g_assert_cmpint (report->number, ==, i + 1);
      g_assert_cmpint (report->id, ==, 0);
      g_assert_cmpint (report->child_id, ==, 1);
      g_assert_cmpint (report->cycle_id, ==, 1);
      g_assert_cmpstr (report->due_on, ==, due[i]);
      g_assert_cmpstr (report->since, ==, since[i]);
      g_assert_null (report->status);
      g_assert_null (report->body);
      g_assert_null (report->written_on);
      g_assert_null (report->staff_name);
    }
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* Fenna's two written reports are in their places, the third is not. */
  reports = bk_report_load_for_child (f->store, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, BK_REPORT_COUNT);
  report = g_ptr_array_index (reports, 1);
  g_assert_cmpint (report->number, ==, 2);
  g_assert_cmpint (report->id, >, 0);
  g_assert_cmpstr (report->status, ==, "final");
  g_assert_cmpstr (report->body, ==, "Fenna bleef rustig.");
  g_assert_cmpstr (report->written_on, ==, "2026-11-20");
  g_assert_cmpstr (report->staff_name, ==, "Sanne Hoekstra");
  report = g_ptr_array_index (reports, 2);
  g_assert_cmpint (report->id, ==, 0);
  g_assert_null (report->status);
  g_clear_pointer (&reports, g_ptr_array_unref);

  /* A living group counts weeks, not sessions. */
  reports = bk_report_load_for_child (f->store, 5, &error);
  g_assert_no_error (error);
  report = g_ptr_array_index (reports, 0);
  g_assert_cmpstr (report->since, ==, "2026-08-31");
  g_assert_cmpstr (report->due_on, ==, "2026-11-30");
  report = g_ptr_array_index (reports, 2);
  g_assert_cmpstr (report->since, ==, "2027-03-02");
  g_assert_cmpstr (report->due_on, ==, "2027-05-31");
}

/* Zoë's report @number, as stored now. */
static BkReport *
zoe_report (Fixture *f,
            int      number)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) reports = bk_report_load_for_child (f->store, 1, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reports);
  return g_ptr_array_steal_index (reports, number - 1);
}

static void
test_save_final_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkReport) report = NULL;
  gint64 id;

  /* A draft may be saved empty. */
  g_assert_true (bk_report_save (f->store, 1, 1, "  ", FALSE, 0, f->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM reports WHERE child_id = 1 AND number = 1"
                         " AND body = '' AND status = 'draft' AND staff_id IS NULL"
                         " AND written_on = '2026-11-23' AND cycle_id = 1"), ==, 1);

  g_assert_true (bk_report_save (f->store, 1, 1, " Zoë stak vaker haar hand op. \n", FALSE, 1,
                                 f->now, &error));
  g_assert_no_error (error);
  report = zoe_report (f, 1);
  g_assert_cmpstr (report->status, ==, "draft");
  g_assert_cmpstr (report->body, ==, "Zoë stak vaker haar hand op.");
  g_assert_cmpstr (report->written_on, ==, "2026-11-23");
  g_assert_cmpstr (report->staff_name, ==, "Sanne Hoekstra");
  id = report->id;
  g_clear_pointer (&report, bk_report_free);

  g_assert_true (bk_report_save (f->store, 1, 1, "Zoë stak vaker haar hand op en vroeg hulp.", TRUE, 1,
                                 f->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM reports WHERE child_id = 1"), ==, 1);
  report = zoe_report (f, 1);
  g_assert_cmpint (report->id, ==, id);
  g_assert_cmpstr (report->status, ==, "final");
  g_clear_pointer (&report, bk_report_free);

  /* A final report may be with the parents already: it is not changed. */
  g_assert_false (bk_report_save (f->store, 1, 1, "Iets anders", FALSE, 1, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This report is final. Reopen it to change it.");
  g_clear_error (&error);
  report = zoe_report (f, 1);
  g_assert_cmpstr (report->body, ==, "Zoë stak vaker haar hand op en vroeg hulp.");
  g_assert_cmpstr (report->status, ==, "final");
  g_clear_pointer (&report, bk_report_free);

  g_assert_true (bk_report_reopen (f->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM reports WHERE child_id = 1 AND status = 'draft'"), ==, 1);
  g_assert_true (bk_report_save (f->store, 1, 1, "Iets anders", FALSE, 1, f->now, &error));
  g_assert_no_error (error);
  report = zoe_report (f, 1);
  g_assert_cmpstr (report->body, ==, "Iets anders");

  g_assert_false (bk_report_reopen (f->store, 999, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

static void
test_validate (void)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *answered = g_strconcat (bk_report_template (), "Zoë koos zelf haar doel.\n", NULL);
  BkFieldError *first;

  g_assert_nonnull (strstr (bk_report_template (), "What helps at home\n["));
  problems = bk_report_validate (NULL, FALSE);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = bk_report_validate (bk_report_template (), FALSE);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = bk_report_validate (answered, TRUE);
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);
  problems = bk_report_validate (bk_report_template (), TRUE);
  g_assert_cmpuint (problems->len, ==, 1);
  first = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (first->field, ==, "body");
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_body = g_strnfill (BK_REPORT_BODY_MAX + 1, 'x');
  /* The template with Windows line ends and an empty line more is still
   * only the template. */
  g_auto (GStrv) lines = g_strsplit (bk_report_template (), "\n", -1);
  g_autofree char *joined = g_strjoinv ("\r\n", lines);
  g_autofree char *template_only = g_strconcat ("\n", joined, "\r\n\r\n", NULL);

  g_assert_false (bk_report_save (f->store, 1, 1, " \n ", TRUE, 1, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Write the report before you make it final.");
  g_clear_error (&error);

  g_assert_false (bk_report_save (f->store, 1, 1, template_only, TRUE, 1, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "Write under the prompts before you make it final.");
  g_clear_error (&error);

  g_assert_false (bk_report_save (f->store, 1, 1, long_body, FALSE, 1, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "at most 20000 characters"));
  g_clear_error (&error);

  /* Noor's cycle starts on 16-12-2026. */
  g_assert_false (bk_report_save (f->store, 3, 1, "Noor is nieuw.", FALSE, 1, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "The cycle starts on 16-12-2026: a report cannot be written before it.");
  g_clear_error (&error);

  g_assert_false (bk_report_save (f->store, 1, 4, "Een vierde verslag", FALSE, 1, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bk_report_save (f->store, 1, 0, "Geen nummer", FALSE, 1, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Daan is in no cycle now. */
  g_assert_false (bk_report_save (f->store, 4, 1, "Daan", FALSE, 1, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "in a group or cycle first"));

  g_assert_cmpint (q (f, "SELECT count(*) FROM reports"), ==, 4);
  g_assert_cmpint (q (f, "SELECT count(*) FROM reports WHERE child_id IN (1, 3, 4)"), ==, 0);
}

static void
assert_sessions (GPtrArray *entries,
                 const int *sessions,
                 guint      n)
{
  g_assert_cmpuint (entries->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      const BkSessionEntry *entry = g_ptr_array_index (entries, i);
      g_assert_cmpint (entry->session_no, ==, sessions[i]);
      g_assert_cmpint (entry->child_id, ==, 1);
    }
}

/* Each entry belongs to one report: from its since day to its due day. */
static void
test_entries_since (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) entries = NULL;
  g_autoptr (BkReport) first = NULL;
  g_autoptr (BkReport) second = NULL;
  g_autoptr (BkReport) third = NULL;
  const int in_first[] = { 4, 1 };
  const int in_second[] = { 8, 5 };

  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, how_worked) VALUES"
    " (1, 1, 1, '2026-10-07', 'Begonnen'), (1, 1, 4, '2026-10-28', 'Hand opgestoken'),"
    " (1, 1, 5, '2026-10-29', 'Inhaalmiddag'), (1, 1, 8, '2026-11-25', 'Hulp gevraagd'),"
    " (1, 1, 9, '2026-11-26', 'Na het tweede verslag'), (2, 1, 5, '2026-11-04', 'Bram');",
    &error));
  g_assert_no_error (error);

  first = zoe_report (f, 1);
  entries = bk_report_entries_since (f->store, first, &error);
  g_assert_no_error (error);
  assert_sessions (entries, in_first, G_N_ELEMENTS (in_first));
  g_clear_pointer (&entries, g_ptr_array_unref);

  second = zoe_report (f, 2);
  entries = bk_report_entries_since (f->store, second, &error);
  g_assert_no_error (error);
  assert_sessions (entries, in_second, G_N_ELEMENTS (in_second));
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* Session 9 lies after the due day of report 2, so in report 3. */
  third = zoe_report (f, 3);
  entries = bk_report_entries_since (f->store, third, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
}

/* Report 2 of Zoë is due on 25-11-2026. */
static void
test_is_due (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (BkReport) report = zoe_report (f, 2);
  g_autoptr (GDateTime) week_before = morning_of (2026, 11, 18);
  g_autoptr (GDateTime) eight_days_before = morning_of (2026, 11, 17);
  g_autoptr (GDateTime) late = morning_of (2027, 1, 10);
  g_autoptr (BkReport) third = zoe_report (f, 3);

  g_assert_cmpstr (report->due_on, ==, "2026-11-25");
  g_assert_true (bk_report_is_due (report, f->now));
  g_assert_true (bk_report_is_due (report, week_before));
  g_assert_false (bk_report_is_due (report, eight_days_before));
  g_assert_true (bk_report_is_due (report, late));
  /* Report 3 (16-12) is not due yet; a final report never is. */
  g_assert_false (bk_report_is_due (third, f->now));
  g_free (report->status);
  report->status = g_strdup ("final");
  g_assert_false (bk_report_is_due (report, f->now));
  g_assert_false (bk_report_is_due (report, late));
  g_free (report->status);
  report->status = g_strdup ("draft");
  g_assert_true (bk_report_is_due (report, late));
}

static int
due_number (GHashTable *due,
            gint64      child_id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (due, &child_id));
}

static void
test_due_children (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) due = bk_report_due_children (f->store, f->now, &error);
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GDateTime) october = morning_of (2026, 10, 20);
  gint64 sem = 6, noor = 3, daan = 4, fenna = 7;

  g_assert_no_error (error);
  g_assert_nonnull (due);
  /* Zoë has written nothing: report 1 is overdue. Bram's report 1 is
   * final, his report 2 is due in two days. Lotte's first report is due
   * in exactly a week, and a draft is not done. */
  g_assert_cmpint (due_number (due, 1), ==, 1);
  g_assert_cmpint (due_number (due, 2), ==, 2);
  g_assert_cmpint (due_number (due, 5), ==, 1);
  /* Fenna's due reports are final; Noor's cycle has not started; Daan
   * left; Sem is being deleted. */
  g_assert_false (g_hash_table_contains (due, &fenna));
  g_assert_false (g_hash_table_contains (due, &noor));
  g_assert_false (g_hash_table_contains (due, &daan));
  g_assert_false (g_hash_table_contains (due, &sem));
  g_assert_cmpuint (g_hash_table_size (due), ==, 3);

  /* On 20-10-2026 no report is due within a week yet. */
  before = bk_report_due_children (f->store, october, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (before), ==, 0);

  /* Agrees with bk_report_is_due() for one child. */
  {
    g_autoptr (GPtrArray) reports = bk_report_load_for_child (f->store, 2, &error);
    g_assert_false (bk_report_is_due (g_ptr_array_index (reports, 0), f->now));
    g_assert_true (bk_report_is_due (g_ptr_array_index (reports, 1), f->now));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/due-on", test_due_on);
  g_test_add_func ("/report/validate", test_validate);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/report/load/no-cycle", test_load_no_cycle);
  ADD ("/report/load", test_load);
  ADD ("/report/save-final-reopen", test_save_final_reopen);
  ADD ("/report/refusals", test_refusals);
  ADD ("/report/entries-since", test_entries_since);
  ADD ("/report/is-due", test_is_due);
  ADD ("/report/due-children", test_due_children);
#undef ADD

  return g_test_run ();
}
