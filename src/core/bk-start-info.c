/* bk-start-info.c
 * Did every family get the start information, and confirm reading it?
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 2016 study found parents who learnt on the first day that their
 * child was expected: a wrong e-mail address, a late registration. So per
 * family and cycle: when the start information was sent, by when reading
 * it should be confirmed (a week later unless set), and when it was. The
 * families past the deadline without a confirmation are listed, to call.
 */
#define G_LOG_DOMAIN "bk-start-info"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-reach.h"
#include "bk-start-info.h"
#include "bk-store-private.h"

void
bk_start_info_free (BkStartInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->cycle_name);
  g_free (info->sent_on);
  g_free (info->deadline);
  g_free (info->confirmed_on);
  g_free (info);
}

/**
 * bk_start_info_for_parent:
 *
 * Returns: (transfer full) (nullable): the start information of the
 *   parent's family for the cycle their (first) child is in now; %NULL
 *   without @error when there is no such cycle or family
 */
BkStartInfo *
bk_start_info_for_parent (BkStore  *store,
                          gint64    parent_id,
                          GError  **error)
{
  static const char sql[] =
    "SELECT p.family_id, e.cycle_id, cy.name, s.sent_on, s.deadline, s.confirmed_on"
    "  FROM parents p"
    "  JOIN parent_children pc ON pc.parent_id = p.id"
    "  JOIN enrolments e ON e.child_id = pc.child_id AND e.ended_on IS NULL"
    "  JOIN cycles cy ON cy.id = e.cycle_id"
    "  LEFT JOIN start_info s ON s.family_id = p.family_id AND s.cycle_id = e.cycle_id"
    " WHERE p.id = ?1 AND p.family_id IS NOT NULL"
    " ORDER BY cy.start_date DESC LIMIT 1";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  BkStartInfo *info;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  info = g_new0 (BkStartInfo, 1);
  info->family_id = sqlite3_column_int64 (stmt, 0);
  info->cycle_id = sqlite3_column_int64 (stmt, 1);
  info->cycle_name = bk_column_dup (stmt, 2);
  info->sent_on = bk_column_dup (stmt, 3);
  info->deadline = bk_column_dup (stmt, 4);
  info->confirmed_on = bk_column_dup (stmt, 5);
  return info;
}

/* "Sent on 2-11-2026; not confirmed, the deadline passed on 9-11-2026" */
char *
bk_start_info_describe (const BkStartInfo *info,
                        GDateTime         *now)
{
  g_autofree char *sent = bk_date_format_user (info->sent_on);
  g_autofree char *deadline = bk_date_format_user (info->deadline);
  g_autofree char *confirmed = bk_date_format_user (info->confirmed_on);
  g_autofree char *today = NULL;

  today = bk_date_iso_from_datetime (now);
  if (info->sent_on == NULL)
    return g_strdup_printf (_("Not sent yet for %s."), info->cycle_name);
  if (info->confirmed_on != NULL)
    return g_strdup_printf (_("Sent on %s, read and confirmed on %s."), sent, confirmed);
  if (info->deadline != NULL && g_strcmp0 (info->deadline, today) < 0)
    return g_strdup_printf (_("Sent on %s; not confirmed, the deadline was %s: call them."), sent, deadline);
  return g_strdup_printf (_("Sent on %s; to confirm by %s."), sent, deadline);
}

static gboolean
upsert (BkStore     *store,
        const char  *sql,
        gint64       family_id,
        gint64       cycle_id,
        const char  *a,
        const char  *b,
        GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, family_id);
  sqlite3_bind_int64 (stmt, 2, cycle_id);
  bk_bind_text (stmt, 3, a);
  if (sqlite3_bind_parameter_count (stmt) >= 4)
    bk_bind_text (stmt, 4, b);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  bk_store_emit_changed (store, "start_info", family_id);
  return TRUE;
}

/* Sent today; to confirm within BK_START_INFO_DAYS unless a deadline was set. */
gboolean
bk_start_info_mark_sent (BkStore    *store,
                         gint64      family_id,
                         gint64      cycle_id,
                         GDateTime  *now,
                         GError    **error)
{
  g_autofree char *today = NULL;
  g_autofree char *deadline = NULL;
  GDate date;

  bk_date_from_datetime (now, &date);
  today = bk_date_to_iso (&date);
  g_date_add_days (&date, BK_START_INFO_DAYS);
  deadline = bk_date_to_iso (&date);
  return upsert (store,
                 "INSERT INTO start_info (family_id, cycle_id, sent_on, deadline) VALUES (?1, ?2, ?3, ?4)"
                 " ON CONFLICT (family_id, cycle_id) DO UPDATE SET sent_on = excluded.sent_on,"
                 " deadline = coalesce (start_info.deadline, excluded.deadline)",
                 family_id, cycle_id, today, deadline, error);
}

gboolean
bk_start_info_mark_confirmed (BkStore    *store,
                              gint64      family_id,
                              gint64      cycle_id,
                              GDateTime  *now,
                              GError    **error)
{
  g_autofree char *today = NULL;

  today = bk_date_iso_from_datetime (now);
  return upsert (store,
                 "INSERT INTO start_info (family_id, cycle_id, sent_on, confirmed_on) VALUES (?1, ?2, ?3, ?3)"
                 " ON CONFLICT (family_id, cycle_id) DO UPDATE SET confirmed_on = excluded.confirmed_on,"
                 " sent_on = coalesce (start_info.sent_on, excluded.sent_on)",
                 family_id, cycle_id, today, NULL, error);
}

/**
 * bk_start_info_unconfirmed:
 *
 * Returns: (transfer full) (element-type BkReach): per family of a cycle
 *   that has not ended, whose confirmation deadline passed without one:
 *   the first parent, to call
 */
GListStore *
bk_start_info_unconfirmed (BkStore    *store,
                           GDateTime  *now,
                           GError    **error)
{
  static const char sql[] =
    "SELECT (SELECT min (p.id) FROM parents p WHERE p.family_id = f.id AND p.deleted_at IS NULL),"
    "       f.name, s.sent_on, s.deadline, cy.name"
    "  FROM start_info s JOIN families f ON f.id = s.family_id AND f.deleted_at IS NULL"
    "  JOIN cycles cy ON cy.id = s.cycle_id"
    " WHERE s.confirmed_on IS NULL AND s.deadline < ?1"
    "   AND (cy.end_date IS NULL OR cy.end_date >= ?1)"
    " ORDER BY s.deadline, f.name COLLATE NOCASE";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  g_autofree char *today = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  today = bk_date_iso_from_datetime (now);
  bk_bind_text (stmt, 1, today);
  list = g_list_store_new (BK_TYPE_REACH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *sent = bk_date_format_user ((const char *) sqlite3_column_text (stmt, 2));
      g_autofree char *deadline = bk_date_format_user ((const char *) sqlite3_column_text (stmt, 3));
      /* Translators: "Traject najaar 2026: sent 2-11-2026, not confirmed by 9-11-2026" */
      char *subtitle = g_strdup_printf (_("%s: sent %s, not confirmed by %s"),
                                        (const char *) sqlite3_column_text (stmt, 4), sent, deadline);
      g_autoptr (BkReach) item = bk_reach_new (sqlite3_column_int64 (stmt, 0),
                                               (const char *) sqlite3_column_text (stmt, 1), subtitle);
      g_list_store_append (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the start information"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
