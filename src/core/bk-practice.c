/* bk-practice.c
 * Practice runs kept in the store, with the intern's reflection and the
 * mentors' comments.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run keeps its path (bk_run_path_to_json) and its scores as a JSON
 * object by competency id ({"respect": 3, ...}), so that a list of runs
 * and the growth chart do not need to replay each one; finished_at is set
 * when the run reached an ending. Every write is one statement.
 */
#define G_LOG_DOMAIN "bk-practice"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "bk-date.h"
#include "bk-practice.h"
#include "bk-store-private.h"

static gboolean
get_int_member (JsonObject  *o,
                const char  *name,
                gint64      *out)
{
  JsonNode *node = json_object_get_member (o, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

void
bk_practice_run_free (BkPracticeRun *r)
{
  if (r == NULL)
    return;
  g_free (r->scenario_id);
  g_free (r->scenario_title);
  g_free (r->started_at);
  g_free (r->finished_at);
  g_free (r->path);
  g_free (r->reflection);
  g_free (r);
}

void
bk_practice_comment_free (BkPracticeComment *c)
{
  if (c == NULL)
    return;
  g_free (c->author);
  g_free (c->body);
  g_free (c->created_at);
  g_free (c);
}

static char *
scores_to_json (const int scores[BK_N_COMPETENCIES])
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (int c = 0; c < BK_N_COMPETENCIES; c++)
    {
      json_builder_set_member_name (builder, bk_competency_id (c));
      json_builder_add_int_value (builder, scores[c]);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Reads what scores_to_json () wrote; unknown competencies and values that
 * are not whole numbers count as nothing. */
static void
scores_from_json (const char *text,
                  int         scores[BK_N_COMPETENCIES])
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  JsonNode *root;
  JsonObject *o;

  for (int c = 0; c < BK_N_COMPETENCIES; c++)
    scores[c] = 0;
  if (text == NULL || !json_parser_load_from_data (parser, text, -1, NULL))
    return;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  o = json_node_get_object (root);
  for (int c = 0; c < BK_N_COMPETENCIES; c++)
    {
      gint64 value;

      if (get_int_member (o, bk_competency_id (c), &value) && value >= G_MININT && value <= G_MAXINT)
        scores[c] = value;
    }
}

/* The length of @text in characters, or -1 (with @error) when it is not
 * valid UTF-8; the caller refuses a length over its maximum. */
static glong
text_length (const char  *text,
             GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("This text contains characters that are not text."));
      return -1;
    }
  return g_utf8_strlen (text, -1);
}

/**
 * bk_practice_save:
 * @staff_id: the intern who played
 * @started: when the run began
 * @now: when it ended or was left; finished_at when it reached an ending
 * @out_id: (out) (optional): the new run's id
 *
 * Keeps @run with its path and scores. A staff member who no longer
 * exists is BK_STORE_ERROR_NOT_FOUND, and nothing is written. Emits
 * ::changed for "practice_runs" with the new id.
 */
gboolean
bk_practice_save (BkStore     *store,
                  gint64       staff_id,
                  BkRun       *run,
                  GDateTime   *started,
                  GDateTime   *now,
                  gint64      *out_id,
                  GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *started_at = NULL;
  g_autofree char *finished_at = NULL;
  g_autofree char *path = NULL;
  g_autofree char *scores_json = NULL;
  int scores[BK_N_COMPETENCIES];
  gint64 id;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (run != NULL, FALSE);
  g_return_val_if_fail (bk_run_get_scenario (run)->id != NULL, FALSE);
  g_return_val_if_fail (started != NULL && now != NULL, FALSE);

  stmt = bk_store_prepare (store,
    "INSERT INTO practice_runs (staff_id, scenario_id, scenario_version, started_at, finished_at,"
    " path, scores)"
    " SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 WHERE EXISTS (SELECT 1 FROM staff WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  started_at = bk_timestamp (started);
  if (bk_run_is_finished (run))
    finished_at = bk_timestamp (now);
  path = bk_run_path_to_json (run);
  bk_run_get_scores (run, scores);
  scores_json = scores_to_json (scores);

  sqlite3_bind_int64 (stmt, 1, staff_id);
  bk_bind_text (stmt, 2, bk_run_get_scenario (run)->id);
  sqlite3_bind_int (stmt, 3, bk_run_get_scenario (run)->version);
  bk_bind_text (stmt, 4, started_at);
  bk_bind_text (stmt, 5, finished_at);
  bk_bind_text (stmt, 6, path);
  bk_bind_text (stmt, 7, scores_json);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This staff member no longer exists, so the run could not be kept."));
      return FALSE;
    }
  id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  if (out_id != NULL)
    *out_id = id;
  bk_store_emit_changed (store, "practice_runs", id);
  return TRUE;
}

/**
 * bk_practice_set_reflection:
 * @reflection: (nullable): what the intern wrote after the run; blank
 *   removes it
 *
 * Replaces the run's reflection, trimmed. One longer than
 * BK_PRACTICE_REFLECTION_MAX characters is BK_STORE_ERROR_INVALID and a
 * run that no longer exists BK_STORE_ERROR_NOT_FOUND; neither writes
 * anything. Emits ::changed for "practice_runs" with @run_id.
 */
gboolean
bk_practice_set_reflection (BkStore     *store,
                            gint64       run_id,
                            const char  *reflection,
                            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *text = bk_form_strip (reflection);
  glong len = 0;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);

  if (text != NULL && (len = text_length (text, error)) < 0)
    return FALSE;
  if (len > BK_PRACTICE_REFLECTION_MAX)
    {
      /* Translators: %d is the maximum, %ld the length now */
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                   _("Your reflection is too long: at most %d characters, now %ld. "
                     "Shorten it and save it again."),
                   BK_PRACTICE_REFLECTION_MAX, len);
      return FALSE;
    }

  stmt = bk_store_prepare (store, "UPDATE practice_runs SET reflection = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, run_id);
  bk_bind_text (stmt, 2, text);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This practice run no longer exists."));
      return FALSE;
    }
  bk_store_emit_changed (store, "practice_runs", run_id);
  return TRUE;
}

static const char *
scenario_title (GPtrArray  *library,
                const char *id)
{
  for (guint i = 0; library != NULL && i < library->len; i++)
    {
      BkScenario *s = g_ptr_array_index (library, i);

      if (g_strcmp0 (s->id, id) == 0 && s->title != NULL)
        return s->title;
    }
  return id;
}

/**
 * bk_practice_runs:
 * @library: (nullable) (element-type BkScenario): where titles come from
 *
 * Returns: (transfer full) (element-type BkPracticeRun): the runs of
 *   @staff_id, oldest first, or %NULL on error. A scenario that is no
 *   longer in @library is titled by its id.
 */
GPtrArray *
bk_practice_runs (BkStore     *store,
                  gint64       staff_id,
                  GPtrArray   *library,
                  GError     **error)
{
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);

  stmt = bk_store_prepare (store,
    "SELECT r.id, r.staff_id, r.scenario_id, r.started_at, r.finished_at, r.path, r.scores,"
    "       r.reflection, (SELECT count (*) FROM practice_comments c WHERE c.run_id = r.id)"
    "  FROM practice_runs r WHERE r.staff_id = ?1"
    " ORDER BY r.started_at, r.id", error);
  if (stmt == NULL)
    return NULL;
  runs = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_practice_run_free);
  sqlite3_bind_int64 (stmt, 1, staff_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkPracticeRun *r = g_new0 (BkPracticeRun, 1);

      r->id = sqlite3_column_int64 (stmt, 0);
      r->staff_id = sqlite3_column_int64 (stmt, 1);
      r->scenario_id = bk_column_dup (stmt, 2);
      r->scenario_title = g_strdup (scenario_title (library, r->scenario_id));
      r->started_at = bk_column_dup (stmt, 3);
      r->finished_at = bk_column_dup (stmt, 4);
      r->path = bk_column_dup (stmt, 5);
      scores_from_json ((const char *) sqlite3_column_text (stmt, 6), r->scores);
      r->reflection = bk_column_dup (stmt, 7);
      r->n_comments = sqlite3_column_int (stmt, 8);
      g_ptr_array_add (runs, r);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the practice runs"));
      return NULL;
    }
  return g_steal_pointer (&runs);
}

/**
 * bk_practice_add_comment:
 * @author_id: the mentor who writes, or 0
 * @out_id: (out) (optional): the new comment's id
 *
 * Adds a comment to a run, trimmed, dated @now. A blank comment or one
 * longer than BK_PRACTICE_COMMENT_MAX characters is
 * BK_STORE_ERROR_INVALID, a run that no longer exists
 * BK_STORE_ERROR_NOT_FOUND; neither writes anything. Emits ::changed for
 * "practice_comments" with @run_id.
 */
gboolean
bk_practice_add_comment (BkStore     *store,
                         gint64       run_id,
                         gint64       author_id,
                         const char  *body,
                         GDateTime   *now,
                         gint64      *out_id,
                         GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *text = bk_form_strip (body);
  g_autofree char *created_at = NULL;
  glong len;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (text == NULL)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("Write your comment before you add it."));
      return FALSE;
    }
  if ((len = text_length (text, error)) < 0)
    return FALSE;
  if (len > BK_PRACTICE_COMMENT_MAX)
    {
      /* Translators: %d is the maximum, %ld the length now */
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                   _("Your comment is too long: at most %d characters, now %ld. "
                     "Shorten it and add it again."),
                   BK_PRACTICE_COMMENT_MAX, len);
      return FALSE;
    }

  stmt = bk_store_prepare (store,
    "INSERT INTO practice_comments (run_id, staff_id, body, created_at)"
    " SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM practice_runs WHERE id = ?1)", error);
  if (stmt == NULL)
    return FALSE;
  created_at = bk_timestamp (now);
  sqlite3_bind_int64 (stmt, 1, run_id);
  bk_bind_id (stmt, 2, author_id);
  bk_bind_text (stmt, 3, text);
  bk_bind_text (stmt, 4, created_at);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This practice run no longer exists."));
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  bk_store_emit_changed (store, "practice_comments", run_id);
  return TRUE;
}

/**
 * bk_practice_comments:
 *
 * Returns: (transfer full) (element-type BkPracticeComment): the comments
 *   on @run_id, oldest first, with the author's name (%NULL when no longer
 *   known), or %NULL on error
 */
GPtrArray *
bk_practice_comments (BkStore     *store,
                      gint64       run_id,
                      GError     **error)
{
  g_autoptr (GPtrArray) comments = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);

  stmt = bk_store_prepare (store,
    "SELECT c.id, c.run_id, s.name, c.body, c.created_at"
    "  FROM practice_comments c LEFT JOIN staff s ON s.id = c.staff_id"
    " WHERE c.run_id = ?1 ORDER BY c.created_at, c.id", error);
  if (stmt == NULL)
    return NULL;
  comments = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_practice_comment_free);
  sqlite3_bind_int64 (stmt, 1, run_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkPracticeComment *c = g_new0 (BkPracticeComment, 1);

      c->id = sqlite3_column_int64 (stmt, 0);
      c->run_id = sqlite3_column_int64 (stmt, 1);
      c->author = bk_column_dup (stmt, 2);
      c->body = bk_column_dup (stmt, 3);
      c->created_at = bk_column_dup (stmt, 4);
      g_ptr_array_add (comments, c);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the comments"));
      return NULL;
    }
  return g_steal_pointer (&comments);
}
