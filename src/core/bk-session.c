/* bk-session.c
 * What happened for a child in one session of its cycle.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After each session the coach notes for every child the step worked on,
 * how the child worked on it, the child's own rating of the day (a face,
 * 1 to 5), a tip and a top. A child who was not there is recorded as
 * absent, never as an empty entry: an empty entry says nothing, so it is
 * refused. A session lies within its cycle (number 1 to the cycle's
 * session count, held on or after the start and not in the future), and
 * a child has one entry per session. A whole group's entries are written
 * in one transaction: all of them, or none and the first refused named.
 */
#define G_LOG_DOMAIN "bk-session"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-session.h"
#include "bk-store-private.h"

void
bk_session_entry_free (BkSessionEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->held_on);
  g_free (entry->step_text);
  g_free (entry->how_worked);
  g_free (entry->tip);
  g_free (entry->top);
  g_free (entry->staff_name);
  g_free (entry);
}

/* The cycle's start (ISO) and session count; FALSE with @error when the
 * cycle is not there. */
static gboolean
cycle_bounds (BkStore     *store,
              gint64       cycle_id,
              char       **start,
              int         *count,
              GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT start_date, session_count FROM cycles WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *start = bk_column_dup (stmt, 0);
      *count = sqlite3_column_int (stmt, 1);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                         _("This group or cycle no longer exists."));
  else
    bk_store_set_error (store, error, _("Could not read the sessions"));
  return FALSE;
}

static gboolean
has_content (const BkSessionDraft *draft)
{
  return !bk_form_is_blank (draft->how_worked) || !bk_form_is_blank (draft->tip) ||
         !bk_form_is_blank (draft->top) || draft->day_rating != 0 || draft->step_id != 0;
}

/**
 * bk_session_validate:
 * @now: today, for "not in the future"
 *
 * Returns: (transfer full) (nullable) (element-type BkFieldError): the
 *   refusals for the fields "session", "held-on", "absent", "how-worked",
 *   "rating", "step", "tip" and "top"; %NULL with @error when the database
 *   could not be read
 */
GPtrArray *
bk_session_validate (BkStore              *store,
                     const BkSessionDraft *draft,
                     GDateTime            *now,
                     GError              **error)
{
  g_autoptr (GPtrArray) errors = bk_form_errors_new ();
  g_autofree char *start_iso = NULL;
  gint64 found;
  int count = 0;
  GDate held, start, today;

  if (!cycle_bounds (store, draft->cycle_id, &start_iso, &count, error))
    return NULL;
  if (!bk_store_query_int (store, "SELECT 1 FROM enrolments WHERE child_id = ?1 AND cycle_id = ?2",
                  draft->child_id, draft->cycle_id, 0, 0, &found, error))
    return NULL;
  if (found < 0)
    bk_form_refuse (errors, "session", g_strdup (_("This child is not in this group or cycle.")));

  if (draft->session_no < 1 || draft->session_no > count)
    bk_form_refuse (errors, "session",
                    g_strdup_printf (_("This cycle has sessions 1 to %d; there is no session %d."),
                                     count, draft->session_no));
  else
    {
      if (!bk_store_query_int (store,
                      "SELECT id FROM session_entries WHERE child_id = ?1 AND cycle_id = ?2"
                      " AND session_no = ?3 AND id IS NOT ?4",
                      draft->child_id, draft->cycle_id, draft->session_no, draft->id, &found, error))
        return NULL;
      if (found >= 0)
        bk_form_refuse (errors, "session",
                        g_strdup_printf (_("Session %d of this child is already entered; change that entry instead."),
                                         draft->session_no));
    }

  bk_date_from_datetime (now, &today);
  bk_date_from_iso (start_iso, &start);
  if (bk_form_is_blank (draft->held_on))
    bk_form_refuse (errors, "held-on", g_strdup (_("Fill in the day of the session.")));
  else if (!bk_date_parse (draft->held_on, &held))
    bk_form_refuse (errors, "held-on", g_strdup (_("Write the day as day-month-year, for example 7-10-2026.")));
  else if (g_date_compare (&held, &start) < 0)
    {
      g_autofree char *shown = bk_date_format_user (start_iso);
      bk_form_refuse (errors, "held-on",
                      g_strdup_printf (_("The cycle starts on %s: a session cannot be held before it."), shown));
    }
  else if (g_date_compare (&held, &today) > 0)
    bk_form_refuse (errors, "held-on", g_strdup (_("This day lies in the future; enter a session after it was held.")));

  if (draft->absent)
    {
      if (has_content (draft))
        bk_form_refuse (errors, "absent",
                        g_strdup (_("An absent child has no entry for the session: clear what is filled in, or untick absent.")));
    }
  else if (!has_content (draft))
    bk_form_refuse (errors, "how-worked",
                    g_strdup (_("Write how the child worked, or mark the child absent: an empty entry says nothing.")));

  if (draft->day_rating < 0 || draft->day_rating > 5)
    bk_form_refuse (errors, "rating", g_strdup (_("Choose one of the five faces, or none.")));
  if (draft->step_id != 0)
    {
      if (!bk_store_query_int (store,
                      "SELECT 1 FROM goal_steps s JOIN goals g ON g.id = s.goal_id"
                      " WHERE s.id = ?1 AND g.child_id = ?2 AND g.cycle_id = ?3",
                      draft->step_id, draft->child_id, draft->cycle_id, 0, &found, error))
        return NULL;
      if (found < 0)
        bk_form_refuse (errors, "step", g_strdup (_("This step is not one of this child’s goal in this cycle.")));
    }
  bk_form_check_text (errors, "how-worked", draft->how_worked, BK_SESSION_HOW_MAX);
  bk_form_check_text (errors, "tip", draft->tip, BK_SESSION_TIP_MAX);
  bk_form_check_text (errors, "top", draft->top, BK_SESSION_TIP_MAX);
  return g_steal_pointer (&errors);
}

/* Validates and writes one entry inside the caller's transaction. */
static gboolean
write_entry (BkStore              *store,
             const BkSessionDraft *draft,
             gint64                staff_id,
             GDateTime            *now,
             GError              **error)
{
  g_autoptr (GPtrArray) problems = bk_session_validate (store, draft, now, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *how = NULL;
  g_autofree char *tip = NULL;
  g_autofree char *top = NULL;
  g_autofree char *held_iso = NULL;
  GDate held;

  if (problems == NULL)
    return FALSE;
  if (bk_store_refuse (problems, error))
    return FALSE;
  bk_date_parse (draft->held_on, &held);
  held_iso = bk_date_to_iso (&held);
  how = bk_form_strip (draft->how_worked);
  tip = bk_form_strip (draft->tip);
  top = bk_form_strip (draft->top);

  if (draft->id == 0)
    stmt = bk_store_prepare (store,
      "INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, absent, step_id,"
      " how_worked, day_rating, tip, top, staff_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
      error);
  else
    stmt = bk_store_prepare (store,
      "UPDATE session_entries SET session_no = ?3, held_on = ?4, absent = ?5, step_id = ?6,"
      " how_worked = ?7, day_rating = ?8, tip = ?9, top = ?10, staff_id = ?11"
      " WHERE id = ?12 AND child_id = ?1 AND cycle_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, draft->child_id);
  sqlite3_bind_int64 (stmt, 2, draft->cycle_id);
  sqlite3_bind_int (stmt, 3, draft->session_no);
  bk_bind_text (stmt, 4, held_iso);
  sqlite3_bind_int (stmt, 5, draft->absent ? 1 : 0);
  bk_bind_id (stmt, 6, draft->step_id);
  bk_bind_text (stmt, 7, how);
  if (draft->day_rating != 0)
    sqlite3_bind_int (stmt, 8, draft->day_rating);
  bk_bind_text (stmt, 9, tip);
  bk_bind_text (stmt, 10, top);
  bk_bind_id (stmt, 11, staff_id);
  if (draft->id != 0)
    sqlite3_bind_int64 (stmt, 12, draft->id);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  if (draft->id != 0 && sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This entry no longer exists."));
      return FALSE;
    }
  return TRUE;
}

/**
 * bk_session_save:
 * @staff_id: who writes it, or 0
 * @out_id: (out) (optional): the entry's id
 *
 * Writes one entry, new or changed. A refusal is BK_STORE_ERROR_INVALID
 * with the first problem's message; nothing is written then.
 */
gboolean
bk_session_save (BkStore              *store,
                 const BkSessionDraft *draft,
                 gint64                staff_id,
                 GDateTime            *now,
                 gint64               *out_id,
                 GError              **error)
{
  guint refused;

  if (!bk_session_save_group (store, draft, 1, staff_id, now, &refused, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = draft->id != 0 ? draft->id : sqlite3_last_insert_rowid (bk_store_get_db (store));
  return TRUE;
}

/**
 * bk_session_save_group:
 * @drafts: (array length=n_drafts): the entries of one session, a child each
 * @out_refused: (out) (optional): on failure, the index of the draft that
 *   was refused or could not be written
 *
 * Writes all entries in one transaction, or none of them.
 */
gboolean
bk_session_save_group (BkStore              *store,
                       const BkSessionDraft *drafts,
                       guint                 n_drafts,
                       gint64                staff_id,
                       GDateTime            *now,
                       guint                *out_refused,
                       GError              **error)
{
  if (!bk_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n_drafts; i++)
    if (!write_entry (store, &drafts[i], staff_id, now, error))
      {
        if (out_refused != NULL)
          *out_refused = i;
        bk_store_rollback (store);
        return FALSE;
      }
  if (!bk_store_commit (store, error))
    return FALSE;
  for (guint i = 0; i < n_drafts; i++)
    bk_store_emit_changed (store, "session_entries", drafts[i].child_id);
  return TRUE;
}

/* The columns an entry is read from, in this order, starting at
 * ENTRY_COLUMNS' first: e is session_entries, s goal_steps, st staff. */
#define ENTRY_COLUMNS \
  "e.id, e.session_no, e.held_on, e.absent, e.step_id, s.text, e.how_worked," \
  " coalesce (e.day_rating, 0), e.tip, e.top, st.name"

static BkSessionEntry *
read_entry (sqlite3_stmt *stmt,
            int           first,
            gint64        child_id,
            gint64        cycle_id)
{
  BkSessionEntry *entry = g_new0 (BkSessionEntry, 1);

  entry->id = sqlite3_column_int64 (stmt, first);
  entry->child_id = child_id;
  entry->cycle_id = cycle_id;
  entry->session_no = sqlite3_column_int (stmt, first + 1);
  entry->held_on = bk_column_dup (stmt, first + 2);
  entry->absent = sqlite3_column_int (stmt, first + 3) != 0;
  entry->step_id = sqlite3_column_int64 (stmt, first + 4);
  entry->step_text = bk_column_dup (stmt, first + 5);
  entry->how_worked = bk_column_dup (stmt, first + 6);
  entry->day_rating = sqlite3_column_int (stmt, first + 7);
  entry->tip = bk_column_dup (stmt, first + 8);
  entry->top = bk_column_dup (stmt, first + 9);
  entry->staff_name = bk_column_dup (stmt, first + 10);
  return entry;
}

/**
 * bk_session_load_for_child:
 *
 * Returns: (transfer full) (element-type BkSessionEntry): the child's
 *   entries in the cycle, the latest session first
 */
GPtrArray *
bk_session_load_for_child (BkStore  *store,
                           gint64    child_id,
                           gint64    cycle_id,
                           GError  **error)
{
  g_autoptr (GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_session_entry_free);
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT " ENTRY_COLUMNS
    " FROM session_entries e LEFT JOIN goal_steps s ON s.id = e.step_id"
    " LEFT JOIN staff st ON st.id = e.staff_id"
    " WHERE e.child_id = ?1 AND e.cycle_id = ?2 ORDER BY e.session_no DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, cycle_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt, 0, child_id, cycle_id));
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the sessions"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

void
bk_session_cycle_free (BkSessionCycle *cycle)
{
  if (cycle == NULL)
    return;
  g_free (cycle->name);
  g_free (cycle->start_date);
  g_free (cycle);
}

void
bk_session_row_free (BkSessionRow *row)
{
  if (row == NULL)
    return;
  g_free (row->name);
  bk_session_entry_free (row->entry);
  g_array_unref (row->step_ids);
  g_ptr_array_unref (row->step_texts);
  g_free (row);
}

/**
 * bk_session_load_cycles:
 *
 * Returns: (transfer full) (element-type BkSessionCycle): the cycles that
 *   have started and have children in them, the latest start first
 */
GPtrArray *
bk_session_load_cycles (BkStore    *store,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr (GPtrArray) cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_session_cycle_free);
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT c.id, c.name, c.start_date, c.session_count,"
    " (SELECT coalesce (max (session_no), 0) FROM session_entries e WHERE e.cycle_id = c.id)"
    " FROM cycles c WHERE c.start_date <= ?1"
    " AND EXISTS (SELECT 1 FROM enrolments n JOIN children ch ON ch.id = n.child_id"
    "             WHERE n.cycle_id = c.id AND n.ended_on IS NULL AND ch.deleted_at IS NULL)"
    " ORDER BY c.start_date DESC, c.id DESC", error);
  g_autofree char *today = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  today = bk_date_iso_from_datetime (now);
  bk_bind_text (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkSessionCycle *cycle = g_new0 (BkSessionCycle, 1);

      cycle->id = sqlite3_column_int64 (stmt, 0);
      cycle->name = bk_column_dup (stmt, 1);
      cycle->start_date = bk_column_dup (stmt, 2);
      cycle->session_count = sqlite3_column_int (stmt, 3);
      cycle->next_session = MIN (sqlite3_column_int (stmt, 4) + 1, cycle->session_count);
      g_ptr_array_add (cycles, cycle);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the sessions"));
      return NULL;
    }
  return g_steal_pointer (&cycles);
}

/**
 * bk_session_default_day:
 *
 * Returns: (transfer full): the day the session is held when the cycle
 *   keeps its weekly rhythm, today at the latest, as the user writes it
 */
char *
bk_session_default_day (const BkSessionCycle *cycle,
                        int                   session_no,
                        GDateTime            *now)
{
  GDate day, today;
  g_autofree char *iso = NULL;

  bk_date_from_datetime (now, &today);
  if (!bk_date_from_iso (cycle->start_date, &day))
    day = today;
  g_date_add_days (&day, 7 * (guint) MAX (session_no - 1, 0));
  if (g_date_compare (&day, &today) > 0)
    day = today;
  iso = bk_date_to_iso (&day);
  return bk_date_format_user (iso);
}

/**
 * bk_session_load_sheet:
 *
 * Returns: (transfer full) (element-type BkSessionRow): every child in the
 *   cycle now, by first name, with what is entered for @session_no
 */
GPtrArray *
bk_session_load_sheet (BkStore  *store,
                       gint64    cycle_id,
                       int       session_no,
                       GError  **error)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_session_row_free);
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT ch.id, trim (ch.given_name || ' ' || coalesce (ch.family_name, '')), " ENTRY_COLUMNS
    " FROM enrolments n JOIN children ch ON ch.id = n.child_id"
    " LEFT JOIN session_entries e ON e.child_id = ch.id AND e.cycle_id = n.cycle_id AND e.session_no = ?2"
    " LEFT JOIN goal_steps s ON s.id = e.step_id LEFT JOIN staff st ON st.id = e.staff_id"
    " WHERE n.cycle_id = ?1 AND n.ended_on IS NULL AND ch.deleted_at IS NULL"
    " ORDER BY ch.given_name COLLATE NOCASE, ch.family_name COLLATE NOCASE", error);
  g_autoptr (sqlite3_stmt) steps = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  sqlite3_bind_int (stmt, 2, session_no);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkSessionRow *row = g_new0 (BkSessionRow, 1);

      row->child_id = sqlite3_column_int64 (stmt, 0);
      row->name = bk_column_dup (stmt, 1);
      row->step_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      row->step_texts = g_ptr_array_new_with_free_func (g_free);
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        row->entry = read_entry (stmt, 2, row->child_id, cycle_id);
      g_ptr_array_add (rows, row);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the sessions"));
      return NULL;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      BkSessionRow *row = g_ptr_array_index (rows, i);

      steps = bk_store_prepare (store,
        "SELECT s.id, s.text FROM goal_steps s JOIN goals g ON g.id = s.goal_id"
        " WHERE g.child_id = ?1 AND g.cycle_id = ?2 AND g.status = 'active' ORDER BY s.position", error);
      if (steps == NULL)
        return NULL;
      sqlite3_bind_int64 (steps, 1, row->child_id);
      sqlite3_bind_int64 (steps, 2, cycle_id);
      while ((rc = sqlite3_step (steps)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (steps, 0);

          g_array_append_val (row->step_ids, id);
          g_ptr_array_add (row->step_texts, bk_column_dup (steps, 1));
        }
      g_clear_pointer (&steps, bk_stmt_reset);
      if (rc != SQLITE_DONE)
        {
          bk_store_set_error (store, error, _("Could not read the sessions"));
          return NULL;
        }
    }
  return g_steal_pointer (&rows);
}

/**
 * bk_session_missing_children:
 *
 * The children in a cycle that has started whose latest session so far
 * (the last one held on or before today, by the weekly rhythm) has no
 * entry for them: neither what they did nor that they were absent.
 *
 * Returns: (transfer full): a set of child ids (pointers to gint64,
 *   g_int64_hash), or %NULL on a database error
 */
GHashTable *
bk_session_missing_children (BkStore    *store,
                             GDateTime  *now,
                             GError    **error)
{
  g_autoptr (GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT e.child_id FROM enrolments e"
    "  JOIN cycles cy ON cy.id = e.cycle_id AND cy.kind = 'cycle'"
    "  JOIN children c ON c.id = e.child_id AND c.deleted_at IS NULL"
    " WHERE e.ended_on IS NULL AND cy.start_date <= ?1"
    "   AND NOT EXISTS (SELECT 1 FROM session_entries se"
    "        WHERE se.child_id = e.child_id AND se.cycle_id = e.cycle_id"
    "          AND se.session_no = min (cy.session_count,"
    "              CAST (julianday (?1) - julianday (cy.start_date) AS INTEGER) / 7 + 1))", error);
  g_autofree char *today = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  today = bk_date_iso_from_datetime (now);
  bk_bind_text (stmt, 1, today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_add (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the sessions"));
      return NULL;
    }
  return g_steal_pointer (&ids);
}
