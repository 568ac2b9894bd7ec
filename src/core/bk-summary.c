/* bk-summary.c
 * What the parents' progress summary says, in plain sentences.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The summary goes home, so it holds only what parents may read and what
 * helps them: the goal the child chose, the steps reached, the next step,
 * how many sessions the child was at, the latest tip and top, and the
 * handles for home already shared with them. Nothing internal: no notes
 * about the parents, no observations, no report drafts, not the parent's
 * own wish (they know it), not the child's day ratings.
 */
#define G_LOG_DOMAIN "bk-summary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-goal.h"
#include "bk-handle.h"
#include "bk-session.h"
#include "bk-store-private.h"
#include "bk-summary.h"

void
bk_summary_free (BkSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->child_name);
  g_free (summary->cycle_name);
  g_free (summary->made_on);
  g_free (summary->goal);
  g_clear_pointer (&summary->reached, g_ptr_array_unref);
  g_free (summary->next_step);
  g_free (summary->tip);
  g_free (summary->top);
  g_clear_pointer (&summary->handles, g_ptr_array_unref);
  g_free (summary);
}

static char *
child_name (BkStore  *store,
            gint64    child_id,
            GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT trim (given_name || ' ' || coalesce (family_name, '')) FROM children"
    " WHERE id = ?1 AND deleted_at IS NULL", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return bk_column_dup (stmt, 0);
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND, _("This child no longer exists."));
  else
    bk_store_set_error (store, error, _("Could not read the child"));
  return NULL;
}

/**
 * bk_summary_load:
 *
 * Returns: (transfer full) (nullable): the summary, or %NULL with @error
 */
BkSummary *
bk_summary_load (BkStore    *store,
                 gint64      child_id,
                 GDateTime  *now,
                 GError    **error)
{
  g_autoptr (BkSummary) summary = g_new0 (BkSummary, 1);
  g_autoptr (BkGoal) goal = NULL;
  g_autoptr (GPtrArray) handles = NULL;
  GError *local = NULL;
  GDate today;
  g_autofree char *today_iso = NULL;

  summary->reached = g_ptr_array_new_with_free_func (g_free);
  summary->handles = g_ptr_array_new_with_free_func (g_free);
  summary->child_name = child_name (store, child_id, error);
  if (summary->child_name == NULL)
    return NULL;
  bk_date_from_datetime (now, &today);
  today_iso = bk_date_to_iso (&today);
  summary->made_on = bk_date_format_user (today_iso);

  goal = bk_goal_load_active (store, child_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  if (goal != NULL)
    {
      g_autoptr (GPtrArray) entries = bk_session_load_for_child (store, child_id, goal->cycle_id, error);

      if (entries == NULL)
        return NULL;
      summary->cycle_name = g_strdup (goal->cycle_name);
      summary->goal = g_strdup (goal->text);
      for (guint i = 0; goal->steps != NULL && i < goal->steps->len; i++)
        {
          BkStep *step = g_ptr_array_index (goal->steps, i);

          if (step->reached_on != NULL)
            {
              g_autofree char *day = bk_date_format_user (step->reached_on);
              g_ptr_array_add (summary->reached, g_strdup_printf ("%s (%s)", step->text, day));
            }
          else if (summary->next_step == NULL)
            summary->next_step = g_strdup (step->text);
        }
      /* Entries come latest first. */
      for (guint i = 0; i < entries->len; i++)
        {
          BkSessionEntry *e = g_ptr_array_index (entries, i);

          summary->entered++;
          summary->attended += !e->absent;
          if (summary->tip == NULL && e->tip != NULL)
            summary->tip = g_strdup (e->tip);
          if (summary->top == NULL && e->top != NULL)
            summary->top = g_strdup (e->top);
        }
    }

  handles = bk_handle_load_for_child (store, child_id, error);
  if (handles == NULL)
    return NULL;
  for (guint i = 0; i < handles->len; i++)
    {
      BkHandle *h = g_ptr_array_index (handles, i);

      if (h->shared_on != NULL)
        g_ptr_array_add (summary->handles, g_strdup (h->text));
    }
  return g_steal_pointer (&summary);
}
