/* bk-report.c
 * Development reports (ontwikkelingsverslagen): three per cycle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Parents receive a development report three times per cycle (2016
 * study), and found them too short; so a new report starts from a
 * template of plain-language prompts the coach writes under, and a report
 * can only be made final once something is written under them.
 *
 * Report n of a cycle of sessions is due on the day of session
 * ceil (n × sessions / 3), sessions being held weekly from the start (11
 * sessions: after sessions 4, 8 and 11). A living group runs a school
 * year and has no sessions to count: its reports are due 91, 182 and 273
 * days (13, 26 and 39 weeks) after the start. A report covers the session
 * entries from its "since" day up to and including its due day: since is
 * the cycle start for report 1, and the day after the previous report's
 * due day for reports 2 and 3, so every entry belongs to one report
 * however late a report is written. A report is due, for the coach's
 * list, from a week before its due day until it is final, and no longer
 * than four weeks after its cycle ended (a cycle long over asks nothing).
 *
 * Reports belong to the cycle the child is in now (the open enrolment). A
 * draft may be saved empty; written_on is the day of the last save, and
 * never lies before the cycle start. A final report is not changed: it
 * may already be with the parents, so it has to be reopened first.
 */
#define G_LOG_DOMAIN "bk-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-report.h"
#include "bk-session.h"
#include "bk-store-private.h"

#define DUE_NOTICE_DAYS 7          /* a report shows as due a week ahead */
#define REPORT_GRACE_DAYS 28       /* and is asked for until 4 weeks after its cycle ended */
#define LIVING_GROUP_REPORT_DAYS 91

/* Translators: the start of every new development report for parents.
 * The coach writes under each question; keep the questions in brackets. */
static const char report_template[] = N_(
  "The learning goal\n"
  "[What did the child choose to work on, in the child’s own words?]\n"
  "\n"
  "What went well\n"
  "[What did the child manage, and how could you see it?]\n"
  "\n"
  "What was difficult\n"
  "[Where did the child get stuck, and what happened then?]\n"
  "\n"
  "The steps taken\n"
  "[Which steps did the child take since the last report?]\n"
  "\n"
  "What helps at home\n"
  "[What can the parents do at home that helps the child?]\n"
  "\n"
  "Next steps\n"
  "[What will the child work on until the next report?]\n");

void
bk_report_free (BkReport *report)
{
  if (report == NULL)
    return;
  g_free (report->due_on);
  g_free (report->since);
  g_free (report->status);
  g_free (report->body);
  g_free (report->written_on);
  g_free (report->staff_name);
  g_free (report);
}

/**
 * bk_report_template:
 *
 * Returns: (transfer none): the prompts a new report starts from, translated
 */
const char *
bk_report_template (void)
{
  return _(report_template);
}

/**
 * bk_report_due_on:
 * @kind: "cycle" or "living-group"
 * @start_date: the cycle's start, YYYY-MM-DD
 * @session_count: the cycle's number of sessions (ignored for a living group)
 * @number: 1, 2 or 3
 *
 * Returns: (transfer full) (nullable): the day report @number is due,
 *   YYYY-MM-DD; %NULL when @start_date is not a date
 */
char *
bk_report_due_on (const char *kind,
                  const char *start_date,
                  int         session_count,
                  int         number)
{
  GDate day;

  g_return_val_if_fail (number >= 1 && number <= BK_REPORT_COUNT, NULL);

  if (!bk_date_from_iso (start_date, &day))
    return NULL;
  if (g_strcmp0 (kind, "living-group") == 0)
    g_date_add_days (&day, (guint) (number * LIVING_GROUP_REPORT_DAYS));
  else
    {
      /* Rounded up, so the last report is due on the last session. */
      int session = (number * MAX (session_count, 1) + BK_REPORT_COUNT - 1) / BK_REPORT_COUNT;

      g_date_add_days (&day, (guint) (7 * (session - 1)));
    }
  return bk_date_to_iso (&day);
}

/* Whether a report due on @due_on is due on @today: within a week, or
 * overdue. */
static gboolean
due_soon (const char  *due_on,
          const GDate *today)
{
  GDate notice;

  if (!bk_date_from_iso (due_on, &notice))
    return FALSE;
  g_date_subtract_days (&notice, DUE_NOTICE_DAYS);
  return g_date_compare (today, &notice) >= 0;
}

/**
 * bk_report_is_due:
 *
 * Returns: %TRUE when @report is not final and is due within a week of
 *   @now, or overdue
 */
gboolean
bk_report_is_due (const BkReport *report,
                  GDateTime      *now)
{
  GDate today;

  g_return_val_if_fail (report != NULL, FALSE);

  if (g_strcmp0 (report->status, "final") == 0)
    return FALSE;
  bk_date_from_datetime (now, &today);
  return due_soon (report->due_on, &today);
}

/* The three reports of a cycle with their days, none written yet. */
static GPtrArray *
reports_new (gint64      child_id,
             gint64      cycle_id,
             const char *kind,
             const char *start_date,
             int         session_count)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_report_free);

  for (int n = 1; n <= BK_REPORT_COUNT; n++)
    {
      BkReport *report = g_new0 (BkReport, 1);

      report->child_id = child_id;
      report->cycle_id = cycle_id;
      report->number = n;
      report->due_on = bk_report_due_on (kind, start_date, session_count, n);
      if (n == 1)
        report->since = g_strdup (start_date);
      else
        {
          const BkReport *previous = g_ptr_array_index (reports, n - 2);
          GDate day;

          if (bk_date_from_iso (previous->due_on, &day))
            {
              g_date_add_days (&day, 1);
              report->since = bk_date_to_iso (&day);
            }
        }
      g_ptr_array_add (reports, report);
    }
  return reports;
}

/**
 * bk_report_load_for_child:
 *
 * Returns: (transfer full) (nullable) (element-type BkReport): the three
 *   reports of the cycle the child is in now, report 1 first, written or
 *   not; %NULL without @error when the child is in no cycle
 */
GPtrArray *
bk_report_load_for_child (BkStore  *store,
                          gint64    child_id,
                          GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT e.cycle_id, cy.kind, cy.start_date, cy.session_count,"
    " r.id, r.number, r.status, r.body, r.written_on, st.name"
    " FROM enrolments e JOIN cycles cy ON cy.id = e.cycle_id"
    " LEFT JOIN reports r ON r.child_id = e.child_id AND r.cycle_id = e.cycle_id"
    " LEFT JOIN staff st ON st.id = r.staff_id"
    " WHERE e.child_id = ?1 AND e.ended_on IS NULL ORDER BY r.number", error);
  g_autoptr (GPtrArray) reports = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkReport *report;
      int number;

      if (reports == NULL)
        {
          g_autofree char *kind = bk_column_dup (stmt, 1);
          g_autofree char *start = bk_column_dup (stmt, 2);

          reports = reports_new (child_id, sqlite3_column_int64 (stmt, 0), kind, start,
                                 sqlite3_column_int (stmt, 3));
        }
      number = sqlite3_column_int (stmt, 5);
      if (sqlite3_column_type (stmt, 4) == SQLITE_NULL || number < 1 || number > BK_REPORT_COUNT)
        continue;
      report = g_ptr_array_index (reports, number - 1);
      report->id = sqlite3_column_int64 (stmt, 4);
      report->status = bk_column_dup (stmt, 6);
      report->body = bk_column_dup (stmt, 7);
      report->written_on = bk_column_dup (stmt, 8);
      report->staff_name = bk_column_dup (stmt, 9);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the reports"));
      return NULL;
    }
  return g_steal_pointer (&reports);
}

/* Whether @a and @b have the same text when white space is left out, so a
 * template with an empty line more or Windows line ends is still the
 * template. */
static gboolean
same_words (const char *a,
            const char *b)
{
  for (;;)
    {
      while (g_ascii_isspace (*a))
        a++;
      while (g_ascii_isspace (*b))
        b++;
      if (*a != *b)
        return FALSE;
      if (*a == '\0')
        return TRUE;
      a++;
      b++;
    }
}

/**
 * bk_report_validate:
 * @final: whether the report is to be made final
 *
 * A draft may be empty; a final report must have more than the template.
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals for
 *   the field "body"
 */
GPtrArray *
bk_report_validate (const char *body,
                    gboolean    final)
{
  GPtrArray *errors = bk_form_errors_new ();

  if (!bk_form_check_text (errors, "body", body, BK_REPORT_BODY_MAX) || !final)
    return errors;
  if (bk_form_is_blank (body))
    bk_form_refuse (errors, "body", g_strdup (_("Write the report before you make it final.")));
  else if (same_words (body, bk_report_template ()) || same_words (body, report_template))
    bk_form_refuse (errors, "body", g_strdup (_("Write under the prompts before you make it final.")));
  return errors;
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Checks that report @number of the child's current cycle may be written
 * today, and gives its cycle; inside the caller's transaction. */
static gboolean
check_writable (BkStore     *store,
                gint64       child_id,
                int          number,
                const char  *today,
                gint64      *cycle_id,
                GError     **error)
{
  g_autoptr (GPtrArray) reports = bk_report_load_for_child (store, child_id, error);
  const BkReport *report;
  const char *start;

  if (reports == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      return refuse (error, _("Put the child in a group or cycle first: a report belongs to a cycle."));
    }
  report = g_ptr_array_index (reports, number - 1);
  /* Report 1 covers the cycle from its start. */
  start = ((const BkReport *) g_ptr_array_index (reports, 0))->since;
  if (g_strcmp0 (today, start) < 0)
    {
      g_autofree char *shown = bk_date_format_user (start);
      g_autofree char *message =
        g_strdup_printf (_("The cycle starts on %s: a report cannot be written before it."), shown);
      return refuse (error, message);
    }
  if (g_strcmp0 (report->status, "final") == 0)
    return refuse (error, _("This report is final. Reopen it to change it."));
  *cycle_id = report->cycle_id;
  return TRUE;
}

/**
 * bk_report_save:
 * @number: 1, 2 or 3
 * @final: %TRUE to make the report final, %FALSE to keep it a draft
 * @staff_id: who writes it, or 0
 *
 * Writes report @number of the cycle the child is in now, dated today. A
 * refusal is BK_STORE_ERROR_INVALID with the first problem's message;
 * nothing is written then. A final report is refused: reopen it first.
 */
gboolean
bk_report_save (BkStore     *store,
                gint64       child_id,
                int          number,
                const char  *body,
                gboolean     final,
                gint64       staff_id,
                GDateTime   *now,
                GError     **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *today = bk_date_iso_from_datetime (now);
  g_autofree char *text = NULL;
  gint64 cycle_id = 0;

  if (number < 1 || number > BK_REPORT_COUNT)
    return refuse (error, _("A cycle has three reports: choose report 1, 2 or 3."));
  problems = bk_report_validate (body, final);
  if (problems->len > 0)
    return refuse (error, ((BkFieldError *) g_ptr_array_index (problems, 0))->message);

  if (!bk_store_begin (store, error))
    return FALSE;
  if (!check_writable (store, child_id, number, today, &cycle_id, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  stmt = bk_store_prepare (store,
    "INSERT INTO reports (child_id, cycle_id, number, body, status, staff_id, written_on)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
    " ON CONFLICT (child_id, cycle_id, number) DO UPDATE SET body = excluded.body,"
    " status = excluded.status, staff_id = excluded.staff_id, written_on = excluded.written_on",
    error);
  if (stmt == NULL)
    {
      bk_store_rollback (store);
      return FALSE;
    }
  text = bk_form_strip (body);
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, cycle_id);
  sqlite3_bind_int (stmt, 3, number);
  bk_bind_text (stmt, 4, text != NULL ? text : "");
  bk_bind_text (stmt, 5, final ? "final" : "draft");
  bk_bind_id (stmt, 6, staff_id);
  bk_bind_text (stmt, 7, today);
  if (!bk_store_step_done (store, stmt, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  if (!bk_store_commit (store, error))
    return FALSE;
  bk_store_emit_changed (store, "reports", child_id);
  return TRUE;
}

/**
 * bk_report_reopen:
 *
 * Makes a final report a draft again, so it can be changed. A report that
 * is not there is BK_STORE_ERROR_NOT_FOUND.
 */
gboolean
bk_report_reopen (BkStore  *store,
                  gint64    report_id,
                  GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "UPDATE reports SET status = 'draft' WHERE id = ?1 RETURNING child_id", error);
  gint64 child_id;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, report_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This report no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      bk_store_set_error (store, error, _("Could not save the report"));
      return FALSE;
    }
  child_id = sqlite3_column_int64 (stmt, 0);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  bk_store_emit_changed (store, "reports", child_id);
  return TRUE;
}

/**
 * bk_report_entries_since:
 *
 * Returns: (transfer full) (nullable) (element-type BkSessionEntry): the
 *   child's session entries that @report covers, held from its since day
 *   up to and including its due day, the latest session first
 */
GPtrArray *
bk_report_entries_since (BkStore         *store,
                         const BkReport  *report,
                         GError         **error)
{
  g_autoptr (GPtrArray) entries = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  entries = bk_session_load_for_child (store, report->child_id, report->cycle_id, error);
  if (entries == NULL)
    return NULL;
  /* A cycle has a dozen sessions at most: filtering here keeps the one
   * way of reading an entry in bk-session.c. */
  for (guint i = entries->len; i > 0; i--)
    {
      const BkSessionEntry *entry = g_ptr_array_index (entries, i - 1);

      if (report->since == NULL || report->due_on == NULL ||
          g_strcmp0 (entry->held_on, report->since) < 0 ||
          g_strcmp0 (entry->held_on, report->due_on) > 0)
        g_ptr_array_remove_index (entries, i - 1);
    }
  return g_steal_pointer (&entries);
}

/* Bit n - 1 set: report n of the cycle is due by now, when not final. */
static guint
cycle_due_mask (const char  *kind,
                const char  *start_date,
                int          session_count,
                const GDate *today)
{
  guint mask = 0;

  for (int n = 1; n <= BK_REPORT_COUNT; n++)
    {
      g_autofree char *due_on = bk_report_due_on (kind, start_date, session_count, n);

      if (due_soon (due_on, today))
        mask |= 1u << (n - 1);
    }
  return mask;
}

/**
 * bk_report_due_children:
 *
 * The children in a cycle now with a report due (see bk_report_is_due()),
 * in one query for all of them.
 *
 * Returns: (transfer full) (nullable): a table from child id to the number
 *   of its first due report (GINT_TO_POINTER). The keys are g_new()'d
 *   gint64 (g_int64_hash, g_int64_equal): look up with a pointer to the
 *   child's id. %NULL with @error when the database could not be read.
 */
GHashTable *
bk_report_due_children (BkStore    *store,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT e.child_id, e.cycle_id, cy.kind, cy.start_date, cy.session_count,"
    " (SELECT coalesce (sum (1 << (r.number - 1)), 0) FROM reports r"
    "   WHERE r.child_id = e.child_id AND r.cycle_id = e.cycle_id AND r.status = 'final')"
    /* From the cycles still running (a few) to their children. */
    " FROM cycles cy CROSS JOIN enrolments e ON e.cycle_id = cy.id AND e.ended_on IS NULL"
    " JOIN children ch ON ch.id = e.child_id AND ch.deleted_at IS NULL"
    " WHERE cy.end_date IS NULL OR cy.end_date >= ?1", error);
  g_autoptr (GHashTable) due = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  /* cycle id → its due mask + 1: a handful of cycles for thousands of children */
  g_autoptr (GHashTable) cycles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GDate today;
  int rc;

  if (stmt == NULL)
    return NULL;
  bk_date_from_datetime (now, &today);
  {
    GDate since = today;
    g_autofree char *iso = NULL;

    g_date_subtract_days (&since, REPORT_GRACE_DAYS);
    iso = bk_date_to_iso (&since);
    bk_bind_text (stmt, 1, iso);
  }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 cycle_id = sqlite3_column_int64 (stmt, 1);
      guint final_mask = (guint) sqlite3_column_int (stmt, 5);
      guint due_mask = GPOINTER_TO_UINT (g_hash_table_lookup (cycles, &cycle_id));

      if (due_mask == 0)
        {
          const char *kind = (const char *) sqlite3_column_text (stmt, 2);
          const char *start = (const char *) sqlite3_column_text (stmt, 3);

          due_mask = cycle_due_mask (kind, start, sqlite3_column_int (stmt, 4), &today) + 1;
          g_hash_table_insert (cycles, g_memdup2 (&cycle_id, sizeof cycle_id),
                               GUINT_TO_POINTER (due_mask));
        }
      due_mask = (due_mask - 1) & ~final_mask;
      for (int n = 1; n <= BK_REPORT_COUNT; n++)
        if (due_mask & (1u << (n - 1)))
          {
            gint64 child_id = sqlite3_column_int64 (stmt, 0);

            g_hash_table_insert (due, g_memdup2 (&child_id, sizeof child_id), GINT_TO_POINTER (n));
            break;
          }
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the reports"));
      return NULL;
    }
  return g_steal_pointer (&due);
}
