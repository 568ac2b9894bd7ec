/* bk-goal.c
 * A child's learning goal in its cycle, and the steps (stapjes) towards it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The child chooses its learning goal with its coach; parents may not
 * impose it (2016 study). So the goal records whether it was chosen with
 * the child, and a parent's wish is kept in its own field: it never
 * silently becomes the goal. There is one active goal per child and cycle,
 * the cycle the child is in now. Steps are ordered and marked reached on a
 * date, never before the cycle started.
 */
#define G_LOG_DOMAIN "bk-goal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-goal.h"
#include "bk-store-private.h"

static void
step_free (BkStep *step)
{
  g_free (step->text);
  g_free (step->reached_on);
  g_free (step);
}

void
bk_goal_free (BkGoal *goal)
{
  if (goal == NULL)
    return;
  g_free (goal->cycle_name);
  g_free (goal->cycle_start);
  g_free (goal->text);
  g_free (goal->parent_wish);
  g_clear_pointer (&goal->steps, g_ptr_array_unref);
  g_free (goal);
}

static gboolean
load_steps (BkStore  *store,
            BkGoal   *goal,
            GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT id, position, text, reached_on FROM goal_steps WHERE goal_id = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkStep *step = g_new0 (BkStep, 1);

      step->id = sqlite3_column_int64 (stmt, 0);
      step->position = sqlite3_column_int (stmt, 1);
      step->text = bk_column_dup (stmt, 2);
      step->reached_on = bk_column_dup (stmt, 3);
      g_ptr_array_add (goal->steps, step);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the learning goal"));
      return FALSE;
    }
  return TRUE;
}

/**
 * bk_goal_load_active:
 *
 * Returns: (transfer full) (nullable): the child's active goal in the
 *   cycle it is in now, with its steps; a goal with id 0 when there is
 *   none yet; %NULL without @error when the child is in no cycle
 */
BkGoal *
bk_goal_load_active (BkStore  *store,
                     gint64    child_id,
                     GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT e.cycle_id, cy.name, cy.start_date, g.id, g.text, g.chosen_with_child, g.parent_wish"
    "  FROM enrolments e JOIN cycles cy ON cy.id = e.cycle_id"
    "  LEFT JOIN goals g ON g.child_id = e.child_id AND g.cycle_id = e.cycle_id AND g.status = 'active'"
    " WHERE e.child_id = ?1 AND e.ended_on IS NULL", error);
  g_autoptr (BkGoal) goal = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  goal = g_new0 (BkGoal, 1);
  goal->child_id = child_id;
  goal->cycle_id = sqlite3_column_int64 (stmt, 0);
  goal->cycle_name = bk_column_dup (stmt, 1);
  goal->cycle_start = bk_column_dup (stmt, 2);
  goal->id = sqlite3_column_int64 (stmt, 3);
  goal->text = bk_column_dup (stmt, 4);
  goal->chosen_with_child = goal->id == 0 || sqlite3_column_int (stmt, 5);
  goal->parent_wish = bk_column_dup (stmt, 6);
  goal->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  if (goal->id != 0 && !load_steps (store, goal, error))
    return NULL;
  return g_steal_pointer (&goal);
}

/**
 * bk_goal_validate:
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals for
 *   the fields "goal" and "parent-wish"
 */
GPtrArray *
bk_goal_validate (const char *text,
                  const char *parent_wish)
{
  GPtrArray *errors = bk_form_errors_new ();

  if (bk_form_is_blank (text))
    bk_form_refuse (errors, "goal",
                    g_strdup (_("Write the goal the child chose, in the child’s own words.")));
  else
    bk_form_check_text (errors, "goal", text, BK_GOAL_TEXT_MAX);
  bk_form_check_text (errors, "parent-wish", parent_wish, BK_GOAL_TEXT_MAX);
  return errors;
}

/**
 * bk_goal_save:
 *
 * Sets the child's active goal in its current cycle (made or changed). The
 * child must be in a cycle. A refusal is BK_STORE_ERROR_INVALID.
 */
gboolean
bk_goal_save (BkStore     *store,
              gint64       child_id,
              const char  *text,
              gboolean     chosen_with_child,
              const char  *parent_wish,
              GDateTime   *now,
              GError     **error)
{
  g_autoptr (GPtrArray) problems = bk_goal_validate (text, parent_wish);
  g_autoptr (BkGoal) goal = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *goal_text = bk_form_strip (text);
  g_autofree char *wish = bk_form_strip (parent_wish);
  g_autofree char *today = NULL;

  if (bk_store_refuse (problems, error))
    return FALSE;
  goal = bk_goal_load_active (store, child_id, error);
  if (goal == NULL)
    {
      if (error == NULL || *error == NULL)
        g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                             _("Put the child in a group or cycle first: a learning goal belongs to a cycle."));
      return FALSE;
    }
  today = bk_date_iso_from_datetime (now);
  if (goal->id == 0)
    stmt = bk_store_prepare (store,
      "INSERT INTO goals (child_id, cycle_id, text, chosen_with_child, parent_wish, created_on)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  else
    stmt = bk_store_prepare (store,
      "UPDATE goals SET text = ?3, chosen_with_child = ?4, parent_wish = ?5 WHERE id = ?7", error);
  if (stmt == NULL)
    return FALSE;
  if (goal->id == 0)
    {
      sqlite3_bind_int64 (stmt, 1, child_id);
      sqlite3_bind_int64 (stmt, 2, goal->cycle_id);
      bk_bind_text (stmt, 6, today);
    }
  else
    sqlite3_bind_int64 (stmt, 7, goal->id);
  bk_bind_text (stmt, 3, goal_text);
  sqlite3_bind_int (stmt, 4, chosen_with_child ? 1 : 0);
  bk_bind_text (stmt, 5, wish);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  bk_store_emit_changed (store, "goals", child_id);
  return TRUE;
}

/* Adds a step at the end of the goal's steps. */
gboolean
bk_goal_add_step (BkStore     *store,
                  gint64       goal_id,
                  const char  *text,
                  GError     **error)
{
  g_autoptr (GPtrArray) problems = bk_form_errors_new ();
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *step = bk_form_strip (text);

  if (step == NULL)
    bk_form_refuse (problems, "step", g_strdup (_("Write the step: what will the child do?")));
  else
    bk_form_check_text (problems, "step", step, BK_STEP_TEXT_MAX);
  if (bk_store_refuse (problems, error))
    return FALSE;
  stmt = bk_store_prepare (store,
    "INSERT INTO goal_steps (goal_id, position, text)"
    " SELECT ?1, coalesce (max (position), 0) + 1, ?2 FROM goal_steps WHERE goal_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  bk_bind_text (stmt, 2, step);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  bk_store_emit_changed (store, "goal_steps", goal_id);
  return TRUE;
}

/**
 * bk_goal_set_reached:
 * @reached: %TRUE: reached today; %FALSE: not (yet) reached
 *
 * Refused when today lies before the start of the goal's cycle.
 */
gboolean
bk_goal_set_reached (BkStore     *store,
                     gint64       step_id,
                     gboolean     reached,
                     GDateTime   *now,
                     GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *today = NULL;
  g_autofree char *start = NULL;

  today = bk_date_iso_from_datetime (now);
  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
      "SELECT cy.start_date FROM goal_steps s JOIN goals g ON g.id = s.goal_id"
      "  JOIN cycles cy ON cy.id = g.cycle_id WHERE s.id = ?1", error);
    if (q == NULL)
      return FALSE;
    sqlite3_bind_int64 (q, 1, step_id);
    if (sqlite3_step (q) != SQLITE_ROW)
      {
        g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                             _("This step no longer exists."));
        return FALSE;
      }
    start = bk_column_dup (q, 0);
  }
  if (reached && g_strcmp0 (today, start) < 0)
    {
      g_autofree char *shown = bk_date_format_user (start);
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                   _("The cycle starts on %s: a step cannot be reached before it."), shown);
      return FALSE;
    }
  stmt = bk_store_prepare (store,
    "UPDATE goal_steps SET status = CASE WHEN ?2 IS NULL THEN 'planned' ELSE 'reached' END,"
    " reached_on = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, step_id);
  bk_bind_text (stmt, 2, reached ? today : NULL);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  bk_store_emit_changed (store, "goal_steps", step_id);
  return TRUE;
}

static gboolean
is_outcome (const char *status)
{
  return g_strcmp0 (status, "reached") == 0 || g_strcmp0 (status, "partly-reached") == 0 ||
         g_strcmp0 (status, "not-reached") == 0 || g_strcmp0 (status, "stopped") == 0;
}

/**
 * bk_goal_validate_close:
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals for
 *   the fields "outcome" and "outcome-note"
 */
GPtrArray *
bk_goal_validate_close (const char *status,
                        const char *outcome_note)
{
  GPtrArray *errors = bk_form_errors_new ();

  if (!is_outcome (status))
    bk_form_refuse (errors, "outcome",
                    g_strdup (_("Choose how it went: reached, partly reached, not reached or stopped.")));
  else if (g_strcmp0 (status, "reached") != 0 && bk_form_is_blank (outcome_note))
    bk_form_refuse (errors, "outcome-note",
                    g_strdup (_("Write a line on what happened, so the next coach knows.")));
  bk_form_check_text (errors, "outcome-note", outcome_note, BK_GOAL_OUTCOME_MAX);
  return errors;
}

/**
 * bk_goal_close:
 * @status: "reached", "partly-reached", "not-reached" or "stopped"
 *
 * Closes the active goal @goal_id today with its outcome. Afterwards the
 * child may get a new goal in the same cycle. Refused (writing nothing)
 * when the outcome is unknown, when a goal that was not reached has no
 * note, when the goal is already closed, or before the cycle started.
 */
gboolean
bk_goal_close (BkStore     *store,
               gint64       goal_id,
               const char  *status,
               const char  *outcome_note,
               GDateTime   *now,
               GError     **error)
{
  g_autoptr (GPtrArray) problems = bk_goal_validate_close (status, outcome_note);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *note = bk_form_strip (outcome_note);
  g_autofree char *today = NULL;
  g_autofree char *start = NULL;
  g_autofree char *current = NULL;
  gint64 child_id;

  if (bk_store_refuse (problems, error))
    return FALSE;
  today = bk_date_iso_from_datetime (now);
  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
      "SELECT g.status, cy.start_date, g.child_id FROM goals g JOIN cycles cy ON cy.id = g.cycle_id"
      " WHERE g.id = ?1", error);
    if (q == NULL)
      return FALSE;
    sqlite3_bind_int64 (q, 1, goal_id);
    if (sqlite3_step (q) != SQLITE_ROW)
      {
        g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                             _("This learning goal no longer exists."));
        return FALSE;
      }
    current = bk_column_dup (q, 0);
    start = bk_column_dup (q, 1);
    child_id = sqlite3_column_int64 (q, 2);
  }
  if (g_strcmp0 (current, "active") != 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("This learning goal has already been closed."));
      return FALSE;
    }
  if (g_strcmp0 (today, start) < 0)
    {
      g_autofree char *shown = bk_date_format_user (start);
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                   _("The cycle starts on %s: a goal cannot be closed before it."), shown);
      return FALSE;
    }
  stmt = bk_store_prepare (store,
    "UPDATE goals SET status = ?2, outcome_note = ?3, closed_on = ?4 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  bk_bind_text (stmt, 2, status);
  bk_bind_text (stmt, 3, note);
  bk_bind_text (stmt, 4, today);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  bk_store_emit_changed (store, "goals", child_id);
  return TRUE;
}
