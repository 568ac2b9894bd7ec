/* bk-observation.c
 * Parent-type observations: dated, by whom, what was seen, with advice.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The seven types of the 2016 study (after Wolf 2006) were criticised for
 * boxing parents in. So a type here is an observation, not a verdict: it
 * needs the behaviour that was seen, a date and who saw it; it can be
 * revised (the old version stays in the history) or retracted (with the
 * reason, also kept); and after a year it steps back, shown only when asked
 * for, so a parent is not judged by last year's bad week. Each type comes
 * with advice on what helps with this parent. Observations are internal
 * working material and never appear on anything meant for parents; a parent
 * may still ask to see them, so they are written to be read.
 */
#define G_LOG_DOMAIN "bk-observation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-observation.h"
#include "bk-store-private.h"

#define BK_OBSERVATION_TEXT_MAX 2000

static const struct { const char *id; const char *label; const char *advice; } types[] = {
  { "non-cooperating", N_("Does not cooperate"),
    N_("Name the goal you share: you both want the child to do well. Ask what they need from "
       "you, agree on one small step, and confirm it in writing.") },
  { "overprotective", N_("Overprotective"),
    N_("Acknowledge the worry first. Show concretely what the child already manages alone, "
       "invite them to watch a session, and let go in small steps together.") },
  { "avoiding", N_("Avoids contact"),
    N_("Invite personally, by phone rather than by letter. Keep the threshold low: short, at a "
       "time that suits them, no jargon, and open with something good about the child.") },
  { "neglecting", N_("Neglects care"),
    N_("Stay factual and warm, and keep in touch even without an answer. Check whether the "
       "child’s basic needs are met; when the child’s safety is at stake, involve your care "
       "partners.") },
  { "perfectionist", N_("Perfectionist"),
    N_("The child’s own goal comes first: explain why the child chooses it. Share concrete "
       "progress, and give the parent a role at home that fits the child’s goal.") },
  { "dissatisfied", N_("Dissatisfied"),
    N_("Listen first, summarise the complaint and ask further. Keep facts and feelings apart, "
       "agree on what you will do and by when, and report back.") },
  { "quarrelling", N_("Parents quarrel with each other"),
    N_("Stay neutral and keep the child at the centre. Inform both parents equally, separately "
       "if needed; do not take sides or carry messages between them.") },
};

static const char * const type_ids[] = {
  "non-cooperating", "overprotective", "avoiding", "neglecting", "perfectionist",
  "dissatisfied", "quarrelling", NULL
};

const char * const *
bk_observation_types (void)
{
  return type_ids;
}

const char *
bk_observation_type_label (const char *type)
{
  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].id, type))
      return _(types[i].label);
  return NULL;
}

/* What helps with a parent of this type, from the studies; translated. */
const char *
bk_observation_type_advice (const char *type)
{
  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (types); i++)
    if (g_str_equal (types[i].id, type))
      return _(types[i].advice);
  return NULL;
}

/* The object ------------------------------------------------------------- */

struct _BkObservation
{
  GObject   parent_instance;
  gint64    id;
  char     *type;
  char     *behaviour;
  char     *observed_on;
  char     *subtitle;    /* "12-3-2026 · Sanne Hoekstra", or why it is history */
  gboolean  old;
  gboolean  current;     /* neither retracted nor replaced */
};

G_DEFINE_TYPE (BkObservation, bk_observation, G_TYPE_OBJECT)

static void
bk_observation_finalize (GObject *object)
{
  BkObservation *self = BK_OBSERVATION (object);

  g_free (self->type);
  g_free (self->behaviour);
  g_free (self->observed_on);
  g_free (self->subtitle);
  G_OBJECT_CLASS (bk_observation_parent_class)->finalize (object);
}

static void
bk_observation_class_init (BkObservationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_observation_finalize;
}

static void
bk_observation_init (BkObservation *self)
{
}

gint64 bk_observation_get_id (BkObservation *self) { return self->id; }
const char *bk_observation_get_type_name (BkObservation *self) { return self->type; }
const char *bk_observation_get_behaviour (BkObservation *self) { return self->behaviour; }
const char *bk_observation_get_observed_on (BkObservation *self) { return self->observed_on; }
const char *bk_observation_get_subtitle (BkObservation *self) { return self->subtitle; }
gboolean bk_observation_is_old (BkObservation *self) { return self->old; }
gboolean bk_observation_is_current (BkObservation *self) { return self->current; }

/**
 * bk_observation_load_for_parent:
 * @now: today: what is older than BK_OBSERVATION_RECENT_MONTHS steps back
 * @with_history: %TRUE for everything, also old, revised and retracted
 *   observations; %FALSE for the current, recent ones only
 *
 * Returns: (transfer full): the observations, newest first
 */
GListStore *
bk_observation_load_for_parent (BkStore     *store,
                                gint64       parent_id,
                                GDateTime   *now,
                                gboolean     with_history,
                                GError     **error)
{
  static const char sql[] =
    "SELECT o.id, o.type, o.behaviour, o.observed_on, s.name, o.retracted_on, o.retract_note,"
    "       EXISTS (SELECT 1 FROM observations n WHERE n.replaces_id = o.id)"
    "  FROM observations o LEFT JOIN staff s ON s.id = o.staff_id"
    " WHERE o.parent_id = ?1 ORDER BY o.observed_on DESC, o.id DESC";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  g_autoptr (GDateTime) cutoff_time = g_date_time_add_months (now, -BK_OBSERVATION_RECENT_MONTHS);
  g_autofree char *cutoff = NULL;
  GDate cutoff_date;
  int rc;

  if (stmt == NULL)
    return NULL;
  bk_date_from_datetime (cutoff_time, &cutoff_date);
  cutoff = bk_date_to_iso (&cutoff_date);
  sqlite3_bind_int64 (stmt, 1, parent_id);

  list = g_list_store_new (BK_TYPE_OBSERVATION);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (BkObservation) o = g_object_new (BK_TYPE_OBSERVATION, NULL);
      const char *staff = (const char *) sqlite3_column_text (stmt, 4);
      const char *retracted_on = (const char *) sqlite3_column_text (stmt, 5);
      const char *why = (const char *) sqlite3_column_text (stmt, 6);
      gboolean replaced = sqlite3_column_int (stmt, 7);
      g_autofree char *seen = NULL;

      o->id = sqlite3_column_int64 (stmt, 0);
      o->type = bk_column_dup (stmt, 1);
      o->behaviour = bk_column_dup (stmt, 2);
      o->observed_on = bk_column_dup (stmt, 3);
      o->current = retracted_on == NULL && !replaced;
      o->old = g_strcmp0 (o->observed_on, cutoff) < 0;
      if (!with_history && (!o->current || o->old))
        continue;

      seen = bk_date_format_user (o->observed_on);
      if (retracted_on != NULL)
        {
          g_autofree char *on = bk_date_format_user (retracted_on);
          /* Translators: "Retracted on 1-2-2026: it was a misunderstanding" */
          o->subtitle = g_strdup_printf (_("Retracted on %s: %s"), on, why ? why : "");
        }
      else if (replaced)
        o->subtitle = g_strdup_printf (_("%s · replaced by a newer version"), seen);
      else if (staff != NULL)
        o->subtitle = g_strdup_printf ("%s · %s", seen, staff);
      else
        o->subtitle = g_strdup (seen);
      g_list_store_append (list, o);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the observations"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Drafts and writing ---------------------------------------------------- */

BkObservationDraft *
bk_observation_draft_new (gint64      parent_id,
                          const char *type)
{
  BkObservationDraft *draft = g_new0 (BkObservationDraft, 1);

  draft->parent_id = parent_id;
  draft->type = type;
  return draft;
}

void
bk_observation_draft_free (BkObservationDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->behaviour);
  g_free (draft->observed_on);
  g_free (draft);
}

/**
 * bk_observation_draft_validate:
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals
 */
GPtrArray *
bk_observation_draft_validate (const BkObservationDraft *draft,
                               GDateTime                *now)
{
  GPtrArray *errors = bk_form_errors_new ();
  GDate date, today;

  if (bk_observation_type_label (draft->type) == NULL)
    bk_form_refuse (errors, "type", g_strdup (_("Choose what you observed.")));
  if (bk_form_is_blank (draft->behaviour))
    bk_form_refuse (errors, "behaviour",
                    g_strdup (_("Describe the behaviour you saw: what did the parent do or say? "
                                "An observation without it is a label.")));
  else
    bk_form_check_text (errors, "behaviour", draft->behaviour, BK_OBSERVATION_TEXT_MAX);

  bk_date_from_datetime (now, &today);
  if (!bk_form_is_blank (draft->observed_on))
    {
      if (!bk_date_parse (draft->observed_on, &date))
        bk_form_refuse (errors, "observed-on",
                        g_strdup_printf (_("“%s” is not a date. Type day-month-year, for example 7-3-2026."),
                                         draft->observed_on));
      else if (g_date_compare (&date, &today) > 0)
        bk_form_refuse (errors, "observed-on", g_strdup (_("You cannot have seen this in the future.")));
    }
  return errors;
}

/**
 * bk_observation_save:
 * @draft: with replaces_id set, this is a revision: the old version stays,
 *   marked as replaced
 *
 * Returns: %TRUE when saved; a refusal is BK_STORE_ERROR_INVALID and
 *   writes nothing
 */
gboolean
bk_observation_save (BkStore                  *store,
                     const BkObservationDraft *draft,
                     GDateTime                *now,
                     gint64                   *out_id,
                     GError                  **error)
{
  static const char sql[] =
    "INSERT INTO observations (parent_id, type, behaviour, observed_on, staff_id, replaces_id, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
  g_autoptr (GPtrArray) problems = bk_observation_draft_validate (draft, now);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *behaviour = NULL;
  g_autofree char *on = NULL;
  g_autofree char *stamp = bk_timestamp (now);
  GDate date;
  gint64 id;

  if (bk_store_refuse (problems, error))
    return FALSE;
  if (!bk_date_parse (draft->observed_on, &date))
    bk_date_from_datetime (now, &date);
  on = bk_date_to_iso (&date);
  behaviour = bk_form_strip (draft->behaviour);

  if (!bk_store_begin (store, error))
    return FALSE;
  if (draft->replaces_id != 0)
    {
      /* Only the current version can be revised: no forks in the history. */
      g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
        "SELECT count(*) FROM observations o WHERE o.id = ?1 AND o.parent_id = ?2"
        " AND o.retracted_on IS NULL"
        " AND NOT EXISTS (SELECT 1 FROM observations n WHERE n.replaces_id = o.id)", error);
      if (q == NULL)
        goto fail;
      sqlite3_bind_int64 (q, 1, draft->replaces_id);
      sqlite3_bind_int64 (q, 2, draft->parent_id);
      if (sqlite3_step (q) != SQLITE_ROW || sqlite3_column_int (q, 0) != 1)
        {
          g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                       _("This observation was retracted or revised meanwhile."));
          goto fail;
        }
    }
  stmt = bk_store_prepare (store, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, draft->parent_id);
  bk_bind_text (stmt, 2, draft->type);
  bk_bind_text (stmt, 3, behaviour);
  bk_bind_text (stmt, 4, on);
  bk_bind_id (stmt, 5, draft->staff_id);
  bk_bind_id (stmt, 6, draft->replaces_id);
  bk_bind_text (stmt, 7, stamp);
  if (!bk_store_step_done (store, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  if (!bk_store_commit (store, error))
    goto fail;

  if (out_id != NULL)
    *out_id = id;
  bk_store_emit_changed (store, "observations", id);
  return TRUE;

fail:
  bk_store_rollback (store);
  return FALSE;
}

/**
 * bk_observation_retract:
 * @why: the reason, kept with it; required
 *
 * Takes an observation back. It stays in the history with the reason.
 */
gboolean
bk_observation_retract (BkStore     *store,
                        gint64       id,
                        const char  *why,
                        GDateTime   *now,
                        GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *reason = bk_form_strip (why);
  g_autofree char *today = NULL;

  if (reason == NULL)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("Say why you take this observation back; the reason stays with it."));
      return FALSE;
    }
  if (g_utf8_strlen (reason, -1) > 1000)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("The reason is too long: at most 1000 characters."));
      return FALSE;
    }
  today = bk_date_iso_from_datetime (now);

  stmt = bk_store_prepare (store,
    "UPDATE observations SET retracted_on = ?2, retract_note = ?3"
    " WHERE id = ?1 AND retracted_on IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bk_bind_text (stmt, 2, today);
  bk_bind_text (stmt, 3, reason);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This observation was already retracted."));
      return FALSE;
    }
  bk_store_emit_changed (store, "observations", id);
  return TRUE;
}
