/* bk-cycle.c
 * Cycles (a programme of weekly sessions) and living groups, with their
 * fixed moments.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new cycle gets the involvement moments of the learning centre planned
 * at once (2016 study): the start e-mail with the invitation three weeks
 * before the first session, the information evening a week before, the
 * parent meeting in week 6 (halfway in a shorter cycle) and the diploma
 * ceremony the week after the last session. A living group (boarding
 * school) runs for a school year without such fixed moments.
 */
#define G_LOG_DOMAIN "bk-cycle"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "bk-cycle.h"
#include "bk-date.h"
#include "bk-store-private.h"

BkCycleDraft *
bk_cycle_draft_new (const char *kind,
                    int         session_count)
{
  BkCycleDraft *draft = g_new0 (BkCycleDraft, 1);

  draft->kind = kind;
  draft->session_count = session_count;
  return draft;
}

void
bk_cycle_draft_free (BkCycleDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->name);
  g_free (draft->start_date);
  g_free (draft->school_year);
  g_free (draft);
}

static gboolean
is_cycle (const BkCycleDraft *draft)
{
  return g_strcmp0 (draft->kind, "cycle") == 0;
}

/**
 * bk_cycle_draft_validate:
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals
 */
GPtrArray *
bk_cycle_draft_validate (const BkCycleDraft *draft)
{
  GPtrArray *errors = bk_form_errors_new ();
  GDate date;

  if (g_strcmp0 (draft->kind, "cycle") != 0 && g_strcmp0 (draft->kind, "living-group") != 0)
    bk_form_refuse (errors, "kind", g_strdup (_("Choose a cycle or a living group.")));
  if (bk_form_is_blank (draft->name))
    bk_form_refuse (errors, "name", g_strdup (_("Give it a name, for example “Traject voorjaar 2027”.")));
  else
    bk_form_check_text (errors, "name", draft->name, 120);
  if (bk_form_is_blank (draft->start_date))
    bk_form_refuse (errors, "start-date", g_strdup (_("Fill in the date of the first session.")));
  else if (!bk_date_parse (draft->start_date, &date))
    bk_form_refuse (errors, "start-date",
                    g_strdup_printf (_("“%s” is not a date. Type day-month-year, for example 4-3-2027."),
                                     draft->start_date));
  if (is_cycle (draft) && (draft->session_count < 1 || draft->session_count > 52))
    bk_form_refuse (errors, "sessions", g_strdup (_("A cycle has from 1 to 52 sessions.")));
  if (!is_cycle (draft) && !bk_form_is_blank (draft->school_year))
    {
      int a = 0, b = 0, used = 0;
      g_autofree char *year = g_strstrip (g_strdup (draft->school_year));

      if (sscanf (year, "%4d-%4d%n", &a, &b, &used) != 2 || year[used] != '\0' || b != a + 1)
        bk_form_refuse (errors, "school-year",
                        g_strdup_printf (_("“%s” is not a school year. Type it like 2026-2027."),
                                         draft->school_year));
    }
  return errors;
}

static gboolean
add_event (BkStore     *store,
           gint64       cycle_id,
           const char  *kind,
           const char  *title,
           GDate       *day,
           int          hour,
           int          minute,
           int          session,
           GDateTime   *now,
           GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "INSERT INTO events (cycle_id, kind, title, starts_at, session_no, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  g_autoptr (GDateTime) when = g_date_time_new (g_date_time_get_timezone (now), g_date_get_year (day),
                                                g_date_get_month (day), g_date_get_day (day),
                                                hour, minute, 0);
  g_autofree char *at = bk_timestamp (when);
  g_autofree char *stamp = bk_timestamp (now);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, cycle_id);
  bk_bind_text (stmt, 2, kind);
  bk_bind_text (stmt, 3, title);
  bk_bind_text (stmt, 4, at);
  bk_bind_id (stmt, 5, session);
  bk_bind_text (stmt, 6, stamp);
  return bk_store_step_done (store, stmt, error);
}

static GDate
days_from (const GDate *start,
           int          days)
{
  GDate d = *start;

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return d;
}

/* The fixed moments of a new cycle. */
static gboolean
plan_moments (BkStore            *store,
              gint64              cycle_id,
              const BkCycleDraft *draft,
              const GDate        *start,
              GDateTime          *now,
              GError            **error)
{
  int meeting = draft->session_count >= 6 ? 6 : (draft->session_count + 1) / 2;
  GDate mail = days_from (start, -21), evening = days_from (start, -7);
  GDate halfway = days_from (start, (meeting - 1) * 7);
  GDate diploma = days_from (start, draft->session_count * 7);
  /* Translators: the title of the parent meeting of a cycle, with its week */
  g_autofree char *meeting_title = g_strdup_printf (_("Parent meeting (week %d)"), meeting);

  return add_event (store, cycle_id, "start-email", _("Start e-mail with invitation"), &mail, 9, 0, 0, now, error) &&
         add_event (store, cycle_id, "info-evening", _("Information evening"), &evening, 19, 30, 0, now, error) &&
         add_event (store, cycle_id, "parent-meeting", meeting_title, &halfway, 15, 30, meeting, now, error) &&
         add_event (store, cycle_id, "diploma", _("Diploma ceremony"), &diploma, 15, 30,
                    draft->session_count + 1, now, error);
}

/**
 * bk_cycle_save:
 * @out_id: (out) (optional): the new cycle's id
 *
 * Adds the cycle (with its fixed moments) or living group in one
 * transaction. A refusal is BK_STORE_ERROR_INVALID and writes nothing.
 */
gboolean
bk_cycle_save (BkStore            *store,
               const BkCycleDraft *draft,
               GDateTime          *now,
               gint64             *out_id,
               GError            **error)
{
  g_autoptr (GPtrArray) problems = bk_cycle_draft_validate (draft);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;
  g_autofree char *school_year = NULL;
  g_autofree char *stamp = bk_timestamp (now);
  GDate start;
  gint64 id;

  if (bk_store_refuse (problems, error))
    return FALSE;
  bk_date_parse (draft->start_date, &start);
  start_iso = bk_date_to_iso (&start);
  if (is_cycle (draft))
    {
      GDate end = days_from (&start, draft->session_count * 7);
      end_iso = bk_date_to_iso (&end);
    }
  name = bk_form_strip (draft->name);
  school_year = bk_form_strip (draft->school_year);

  if (!bk_store_begin (store, error))
    return FALSE;
  stmt = bk_store_prepare (store,
    "INSERT INTO cycles (kind, name, start_date, end_date, session_count, school_year, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    goto fail;
  bk_bind_text (stmt, 1, draft->kind);
  bk_bind_text (stmt, 2, name);
  bk_bind_text (stmt, 3, start_iso);
  bk_bind_text (stmt, 4, end_iso);
  sqlite3_bind_int (stmt, 5, is_cycle (draft) ? draft->session_count : 1);
  bk_bind_text (stmt, 6, school_year);
  bk_bind_text (stmt, 7, stamp);
  if (!bk_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  if (is_cycle (draft) && !plan_moments (store, id, draft, &start, now, error))
    goto fail;
  if (!bk_store_commit (store, error))
    goto fail;

  if (out_id != NULL)
    *out_id = id;
  bk_store_emit_changed (store, "cycles", id);
  return TRUE;

fail:
  bk_store_rollback (store);
  return FALSE;
}
