/* bk-handle.c
 * Handles for home (handvatten): what works with a child, and small home
 * assignments, marked when shared with the parents.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The 2016 study asks for concrete things parents can do at home: what
 * works with this child (a handle) and a small task to do together (an
 * assignment). Each is dated; the day it was shared with the parents is
 * recorded, so the coach sees what the family has not heard yet. Only
 * shared ones go into the parents' summary.
 */
#define G_LOG_DOMAIN "bk-handle"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-handle.h"
#include "bk-store-private.h"

void
bk_handle_free (BkHandle *handle)
{
  if (handle == NULL)
    return;
  g_free (handle->kind);
  g_free (handle->text);
  g_free (handle->created_on);
  g_free (handle->shared_on);
  g_free (handle);
}

static char *
today_iso (GDateTime *now)
{
  GDate date;

  bk_date_from_datetime (now, &date);
  return bk_date_to_iso (&date);
}

/**
 * bk_handle_validate:
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals for
 *   the field "handle"
 */
GPtrArray *
bk_handle_validate (const char *kind,
                    const char *text)
{
  GPtrArray *errors = bk_form_errors_new ();

  if (g_strcmp0 (kind, "handle") != 0 && g_strcmp0 (kind, "assignment") != 0)
    bk_form_refuse (errors, "handle", g_strdup (_("Choose a handle or a home assignment.")));
  else if (bk_form_is_blank (text))
    bk_form_refuse (errors, "handle",
                    g_strdup (g_str_equal (kind, "handle")
                              ? _("Write what works with this child, so parents can do it at home too.")
                              : _("Write the assignment: what will the child do at home, and with whom?")));
  else
    bk_form_check_text (errors, "handle", text, BK_HANDLE_TEXT_MAX);
  return errors;
}

/**
 * bk_handle_add:
 * @kind: "handle" or "assignment"
 * @out_id: (out) (optional)
 *
 * Adds a handle dated today. A refusal is BK_STORE_ERROR_INVALID.
 */
gboolean
bk_handle_add (BkStore     *store,
               gint64       child_id,
               const char  *kind,
               const char  *text,
               GDateTime   *now,
               gint64      *out_id,
               GError     **error)
{
  g_autoptr (GPtrArray) problems = bk_handle_validate (kind, text);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  g_autofree char *today = NULL;

  if (bk_store_refuse (problems, error))
    return FALSE;
  stmt = bk_store_prepare (store,
    "INSERT INTO home_handles (child_id, kind, text, created_on) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  clean = bk_form_strip (text);
  today = today_iso (now);
  sqlite3_bind_int64 (stmt, 1, child_id);
  bk_bind_text (stmt, 2, kind);
  bk_bind_text (stmt, 3, clean);
  bk_bind_text (stmt, 4, today);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  bk_store_emit_changed (store, "home_handles", child_id);
  return TRUE;
}

/**
 * bk_handle_set_shared:
 *
 * Records that the handle was shared with the parents today, or takes
 * that back.
 */
gboolean
bk_handle_set_shared (BkStore     *store,
                      gint64       handle_id,
                      gboolean     shared,
                      GDateTime   *now,
                      GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "UPDATE home_handles SET shared_on = ?2 WHERE id = ?1 RETURNING child_id", error);
  g_autofree char *today = shared ? today_iso (now) : NULL;
  gint64 child_id;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, handle_id);
  bk_bind_text (stmt, 2, today);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This handle no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      bk_store_set_error (store, error, _("Could not save the handle"));
      return FALSE;
    }
  child_id = sqlite3_column_int64 (stmt, 0);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  bk_store_emit_changed (store, "home_handles", child_id);
  return TRUE;
}

/**
 * bk_handle_load_for_child:
 *
 * Returns: (transfer full) (element-type BkHandle): the child's handles,
 *   the newest first
 */
GPtrArray *
bk_handle_load_for_child (BkStore  *store,
                          gint64    child_id,
                          GError  **error)
{
  g_autoptr (GPtrArray) handles = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_handle_free);
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT id, kind, text, created_on, shared_on FROM home_handles WHERE child_id = ?1"
    " ORDER BY created_on DESC, id DESC", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkHandle *handle = g_new0 (BkHandle, 1);

      handle->id = sqlite3_column_int64 (stmt, 0);
      handle->kind = bk_column_dup (stmt, 1);
      handle->text = bk_column_dup (stmt, 2);
      handle->created_on = bk_column_dup (stmt, 3);
      handle->shared_on = bk_column_dup (stmt, 4);
      g_ptr_array_add (handles, handle);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the handles"));
      return NULL;
    }
  return g_steal_pointer (&handles);
}
