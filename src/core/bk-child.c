/* bk-child.c
 * A child in the centre: who it is, its group and coach; saving and deleting.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child's group and coach are its open enrolment; changing the group ends
 * that enrolment and starts a new one, so the history stays. The old one
 * ends as "moved" unless the form says why otherwise: the child repeats
 * the cycle (in a next one), completed it, or left.
 * Deleting first hides the child (deleted_at) so the app can offer undo;
 * bk_child_purge_deleted() then erases it with everything that hangs off it.
 */
#define G_LOG_DOMAIN "bk-child"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-child.h"
#include "bk-date.h"
#include "bk-form.h"
#include "bk-store-private.h"
#include "bk-write-private.h"

struct _BkChild
{
  GObject  parent_instance;
  gint64   id;
  char    *given_name;
  char    *family_name;
  char    *display_name;
  char    *birth_date;
  char    *note;
  gint64   cycle_id;
  char    *cycle_name;
  gint64   coach_id;
  char    *coach_name;
  char    *goal_text;    /* the latest goal in the current cycle, or NULL */
  char    *goal_status;  /* its status: "active", "reached", ... or NULL */
  char    *subtitle;     /* "group · coach", for lists */
  char    *search_key;   /* " token token ...", folded, with ASCII alternates */
};

G_DEFINE_TYPE (BkChild, bk_child, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_BIRTH_DATE,
  PROP_CYCLE_NAME,
  PROP_COACH_NAME,
  PROP_SUBTITLE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
bk_child_finalize (GObject *object)
{
  BkChild *self = BK_CHILD (object);

  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->display_name);
  g_free (self->birth_date);
  g_free (self->note);
  g_free (self->cycle_name);
  g_free (self->coach_name);
  g_free (self->goal_text);
  g_free (self->goal_status);
  g_free (self->subtitle);
  g_free (self->search_key);

  G_OBJECT_CLASS (bk_child_parent_class)->finalize (object);
}

static void
bk_child_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BkChild *self = BK_CHILD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;
    case PROP_CYCLE_NAME:
      g_value_set_string (value, self->cycle_name);
      break;
    case PROP_COACH_NAME:
      g_value_set_string (value, self->coach_name);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_child_class_init (BkChildClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_child_finalize;
  object_class->get_property = bk_child_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CYCLE_NAME] =
    g_param_spec_string ("cycle-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COACH_NAME] =
    g_param_spec_string ("coach-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_child_init (BkChild *self)
{
}

/* Folding is the costly part of loading; groups and coaches repeat on
 * every row, so a load of many children folds each name once. Goals are
 * folded through the same cache: children often word a goal alike, and
 * at worst it costs one lookup. */
static const char *
fold_cached (GHashTable *cache,
             const char *text,
             char      **scratch)
{
  const char *folded;

  if (text == NULL)
    return "";
  if (cache == NULL)
    return *scratch = bk_search_key (text);
  folded = g_hash_table_lookup (cache, text);
  if (folded == NULL)
    {
      folded = bk_search_key (text);
      g_hash_table_insert (cache, g_strdup (text), (char *) folded);
    }
  return folded;
}

/* Builds a child from a row of CHILD_SELECT; @cache may be %NULL. */
static BkChild *
child_from_row (sqlite3_stmt *stmt,
                GHashTable   *cache)
{
  BkChild *self = g_object_new (BK_TYPE_CHILD, NULL);
  g_autofree char *name_key = NULL;
  g_autofree char *cycle_scratch = NULL;
  g_autofree char *coach_scratch = NULL;
  g_autofree char *goal_key = NULL;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->given_name = bk_column_dup (stmt, 1);
  self->family_name = bk_column_dup (stmt, 2);
  self->birth_date = bk_column_dup (stmt, 3);
  self->note = bk_column_dup (stmt, 4);
  self->cycle_id = sqlite3_column_int64 (stmt, 5);
  self->cycle_name = bk_column_dup (stmt, 6);
  self->coach_id = sqlite3_column_int64 (stmt, 7);
  self->coach_name = bk_column_dup (stmt, 8);
  self->goal_text = bk_column_dup (stmt, 9);
  self->goal_status = bk_column_dup (stmt, 10);

  if (self->family_name != NULL && *self->family_name != '\0')
    self->display_name = g_strconcat (self->given_name, " ", self->family_name, NULL);
  else
    self->display_name = g_strdup (self->given_name);

  if (self->cycle_name != NULL && self->coach_name != NULL)
    self->subtitle = g_strconcat (self->cycle_name, " · ", self->coach_name, NULL);
  else
    self->subtitle = g_strdup (self->cycle_name ? self->cycle_name :
                               self->coach_name ? self->coach_name : "");

  name_key = bk_search_key (self->display_name);
  self->search_key = g_strconcat (name_key,
                                  fold_cached (cache, self->cycle_name, &cycle_scratch),
                                  fold_cached (cache, self->coach_name, &coach_scratch),
                                  fold_cached (cache, self->goal_text, &goal_key), NULL);
  return self;
}

gint64 bk_child_get_id (BkChild *self) { return self->id; }
const char *bk_child_get_given_name (BkChild *self) { return self->given_name; }
const char *bk_child_get_family_name (BkChild *self) { return self->family_name; }
const char *bk_child_get_display_name (BkChild *self) { return self->display_name; }
const char *bk_child_get_birth_date (BkChild *self) { return self->birth_date; }
const char *bk_child_get_note (BkChild *self) { return self->note; }
gint64 bk_child_get_cycle_id (BkChild *self) { return self->cycle_id; }
const char *bk_child_get_cycle_name (BkChild *self) { return self->cycle_name; }
gint64 bk_child_get_coach_id (BkChild *self) { return self->coach_id; }
const char *bk_child_get_coach_name (BkChild *self) { return self->coach_name; }
const char *bk_child_get_subtitle (BkChild *self) { return self->subtitle; }
const char *bk_child_get_goal_text (BkChild *self) { return self->goal_text; }
const char *bk_child_get_goal_status (BkChild *self) { return self->goal_status; }

/**
 * bk_child_matches:
 * @folded_query: from bk_search_fold_query()
 *
 * Matches the child's name, group, coach and goal; see bk_search_matches().
 */
gboolean
bk_child_matches (BkChild    *self,
                  const char *folded_query)
{
  return bk_search_matches (self->search_key, folded_query);
}

int
bk_child_compare (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  BkChild *ca = (BkChild *) a, *cb = (BkChild *) b;
  int r = g_ascii_strcasecmp (ca->given_name, cb->given_name);

  if (r == 0)
    r = g_ascii_strcasecmp (ca->family_name, cb->family_name);
  if (r == 0)
    r = (ca->id > cb->id) - (ca->id < cb->id);
  return r;
}

/* Drafts and their validation ------------------------------------------ */

BkChildDraft *
bk_child_draft_new (void)
{
  return g_new0 (BkChildDraft, 1);
}

BkChildDraft *
bk_child_draft_from_child (BkChild *child)
{
  BkChildDraft *draft = bk_child_draft_new ();

  draft->id = child->id;
  draft->given_name = g_strdup (child->given_name);
  draft->family_name = g_strdup (child->family_name);
  draft->birth_date = bk_date_format_user (child->birth_date);
  draft->note = g_strdup (child->note);
  draft->cycle_id = child->cycle_id;
  draft->coach_id = child->coach_id;
  return draft;
}

void
bk_child_draft_free (BkChildDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->given_name);
  g_free (draft->family_name);
  g_free (draft->birth_date);
  g_free (draft->note);
  g_free (draft);
}

static void
check_name (GPtrArray  *errors,
            const char *field,
            const char *value,
            gboolean    required)
{
  glong len = value ? g_utf8_strlen (value, -1) : 0;

  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    bk_form_refuse (errors, field, g_strdup (_("This name contains characters that are not text.")));
  else if (required && bk_form_is_blank (value))
    bk_form_refuse (errors, field, g_strdup (_("Fill in the child’s first name.")));
  else if (len > BK_CHILD_NAME_MAX)
    bk_form_refuse (errors, field,
               g_strdup_printf (_("This name is too long: at most %d characters, now %ld."),
                                BK_CHILD_NAME_MAX, len));
  else if (value != NULL && strpbrk (value, "\r\n\t") != NULL)
    bk_form_refuse (errors, field, g_strdup (_("A name cannot contain line breaks or tabs.")));
}

static void
check_birth_date (GPtrArray  *errors,
                  const char *value,
                  GDateTime  *now)
{
  GDate date, today;
  int age;

  if (bk_form_is_blank (value))
    return;
  if (!bk_date_parse (value, &date))
    {
      bk_form_refuse (errors, "birth-date",
                 g_strdup_printf (_("“%s” is not a date. Type day-month-year, for example 7-3-2015."),
                                  value));
      return;
    }

  bk_date_from_datetime (now, &today);
  if (g_date_compare (&date, &today) > 0)
    {
      bk_form_refuse (errors, "birth-date", g_strdup (_("The date of birth lies in the future.")));
      return;
    }

  age = g_date_get_year (&today) - g_date_get_year (&date);
  if (age > 30)
    bk_form_refuse (errors, "birth-date",
               g_strdup_printf (_("With this date of birth the child would be %d years old. Check the year."),
                                age));
}

/**
 * bk_child_draft_validate:
 * @now: today, for the date of birth
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals, in
 *   form order; empty when the draft may be saved
 */
GPtrArray *
bk_child_draft_validate (const BkChildDraft *draft,
                         GDateTime          *now)
{
  GPtrArray *errors = bk_form_errors_new ();
  glong note_len = draft->note ? g_utf8_strlen (draft->note, -1) : 0;

  check_name (errors, "given-name", draft->given_name, TRUE);
  check_name (errors, "family-name", draft->family_name, FALSE);
  check_birth_date (errors, draft->birth_date, now);
  if (draft->leave_outcome != NULL &&
      !g_strv_contains ((const char * const[]) { "moved", "repeating", "completed", "left", NULL },
                        draft->leave_outcome))
    bk_form_refuse (errors, "leave-outcome",
                    g_strdup (_("Choose why the child leaves the group: moved, repeats the cycle, completed or left.")));

  if (draft->note != NULL && !g_utf8_validate (draft->note, -1, NULL))
    bk_form_refuse (errors, "note", g_strdup (_("The note contains characters that are not text.")));
  else if (note_len > BK_CHILD_NOTE_MAX)
    bk_form_refuse (errors, "note",
               g_strdup_printf (_("The note is too long: at most %d characters, now %ld."),
                                BK_CHILD_NOTE_MAX, note_len));
  return errors;
}

/* Reading -------------------------------------------------------------- */

#define CHILD_SELECT \
  "SELECT c.id, c.given_name, c.family_name, c.birth_date, c.note," \
  "       e.cycle_id, cy.name, e.coach_id, s.name, g.text, g.status" \
  "  FROM children c" \
  "  LEFT JOIN enrolments e ON e.child_id = c.id AND e.ended_on IS NULL" \
  "  LEFT JOIN cycles cy ON cy.id = e.cycle_id" \
  "  LEFT JOIN staff s ON s.id = e.coach_id" \
  "  LEFT JOIN goals g ON g.id = (SELECT max (id) FROM goals" \
  "                                WHERE child_id = c.id AND cycle_id = e.cycle_id)" \
  " WHERE c.deleted_at IS NULL"

/**
 * bk_child_load:
 *
 * Returns: (transfer full): the child, or %NULL with BK_STORE_ERROR_NOT_FOUND
 *   when it does not exist or is deleted
 */
BkChild *
bk_child_load (BkStore  *store,
               gint64    id,
               GError  **error)
{
  static const char sql[] = CHILD_SELECT " AND c.id = ?1";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return child_from_row (stmt, NULL);
  if (rc == SQLITE_DONE)
    g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                 _("This child no longer exists."));
  else
    bk_store_set_error (store, error, _("Could not read the children"));
  return NULL;
}

/**
 * bk_child_load_all:
 *
 * Returns: (transfer full): every child that is not deleted, in the order
 *   of bk_child_compare()
 */
GListStore *
bk_child_load_all (BkStore  *store,
                   GError  **error)
{
  static const char sql[] = CHILD_SELECT
    " ORDER BY c.given_name COLLATE NOCASE, c.family_name COLLATE NOCASE, c.id";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GPtrArray) children = NULL;
  g_autoptr (GListStore) list = NULL;
  g_autoptr (GHashTable) cache = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  children = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (children, child_from_row (stmt, cache));
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the children"));
      return NULL;
    }

  list = g_list_store_new (BK_TYPE_CHILD);
  g_list_store_splice (list, 0, 0, children->pdata, children->len);
  return g_steal_pointer (&list);
}

/* Writing -------------------------------------------------------------- */

static gboolean
write_child (BkStore            *store,
             const BkChildDraft *draft,
             const char         *stamp,
             gint64             *id,
             GError            **error)
{
  static const char insert_sql[] =
    "INSERT INTO children (given_name, family_name, birth_date, note, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?5)";
  static const char update_sql[] =
    "UPDATE children SET given_name = ?1, family_name = ?2, birth_date = ?3,"
    " note = ?4, updated_at = ?5 WHERE id = ?6 AND deleted_at IS NULL";
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *given = bk_form_strip (draft->given_name);
  g_autofree char *family = bk_form_strip (draft->family_name);
  g_autofree char *note = bk_form_strip (draft->note);
  g_autofree char *birth = NULL;
  GDate date;

  if (bk_date_parse (draft->birth_date, &date))
    birth = bk_date_to_iso (&date);

  stmt = bk_store_prepare (store, draft->id ? update_sql : insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, given);
  bk_bind_text (stmt, 2, family ? family : "");
  bk_bind_text (stmt, 3, birth);
  bk_bind_text (stmt, 4, note);
  bk_bind_text (stmt, 5, stamp);
  if (draft->id)
    sqlite3_bind_int64 (stmt, 6, draft->id);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;

  if (draft->id == 0)
    *id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  else if (sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                   _("This child no longer exists; it may have been deleted."));
      return FALSE;
    }
  else
    *id = draft->id;
  return TRUE;
}

/* Moves the child's open enrolment to the draft's cycle and coach. */
static gboolean
write_enrolment (BkStore            *store,
                 gint64              child_id,
                 const BkChildDraft *draft,
                 const char         *today,
                 GError            **error)
{
  static const char open_sql[] =
    "SELECT id, cycle_id FROM enrolments WHERE child_id = ?1 AND ended_on IS NULL";
  static const char end_sql[] =
    "UPDATE enrolments SET ended_on = ?2, outcome = ?3 WHERE id = ?1";
  static const char coach_sql[] =
    "UPDATE enrolments SET coach_id = ?2 WHERE id = ?1";
  static const char start_sql[] =
    "INSERT INTO enrolments (child_id, cycle_id, coach_id, started_on) VALUES (?1, ?2, ?3, ?4)";
  gint64 open_id = 0, open_cycle = 0;

  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store, open_sql, error);
    if (q == NULL)
      return FALSE;
    sqlite3_bind_int64 (q, 1, child_id);
    if (sqlite3_step (q) == SQLITE_ROW)
      {
        open_id = sqlite3_column_int64 (q, 0);
        open_cycle = sqlite3_column_int64 (q, 1);
      }
  }

  if (open_id != 0 && open_cycle == draft->cycle_id)
    {
      g_autoptr (sqlite3_stmt) q = bk_store_prepare (store, coach_sql, error);
      if (q == NULL)
        return FALSE;
      sqlite3_bind_int64 (q, 1, open_id);
      bk_bind_id (q, 2, draft->coach_id);
      return bk_store_step_done (store, q, error);
    }

  if (open_id != 0)
    {
      g_autoptr (sqlite3_stmt) q = bk_store_prepare (store, end_sql, error);
      if (q == NULL)
        return FALSE;
      sqlite3_bind_int64 (q, 1, open_id);
      bk_bind_text (q, 2, today);
      bk_bind_text (q, 3, draft->leave_outcome != NULL ? draft->leave_outcome : "moved");
      if (!bk_store_step_done (store, q, error))
        return FALSE;
    }

  if (draft->cycle_id != 0)
    {
      g_autoptr (sqlite3_stmt) q = bk_store_prepare (store, start_sql, error);
      if (q == NULL)
        return FALSE;
      sqlite3_bind_int64 (q, 1, child_id);
      sqlite3_bind_int64 (q, 2, draft->cycle_id);
      bk_bind_id (q, 3, draft->coach_id);
      bk_bind_text (q, 4, today);
      if (!bk_store_step_done (store, q, error))
        return FALSE;
    }
  return TRUE;
}

/* The child row and its enrolment; inside the caller's transaction. */
gboolean
bk_child_write (BkStore             *store,
                const BkChildDraft  *draft,
                GDateTime           *now,
                gint64              *out_id,
                GError             **error)
{
  g_autofree char *stamp = bk_timestamp (now);
  g_autofree char *today = NULL;

  today = bk_date_iso_from_datetime (now);
  return write_child (store, draft, stamp, out_id, error) &&
         write_enrolment (store, *out_id, draft, today, error);
}

/**
 * bk_child_save:
 * @draft: what the form holds; id 0 creates a new child
 * @now: when, for the date checks and the timestamps
 * @out_id: (out) (optional): the child's id
 *
 * Validates and saves in one transaction. On a refusal the error is
 * BK_STORE_ERROR_INVALID with the first field's message and nothing is
 * written; use bk_child_draft_validate() to get every message.
 */
gboolean
bk_child_save (BkStore            *store,
               const BkChildDraft *draft,
               GDateTime          *now,
               gint64             *out_id,
               GError            **error)
{
  g_autoptr (GPtrArray) problems = bk_child_draft_validate (draft, now);
  gint64 id = 0;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);

  if (bk_store_refuse (problems, error))
    return FALSE;

  if (!bk_store_begin (store, error))
    return FALSE;
  if (!bk_child_write (store, draft, now, &id, error) ||
      !bk_store_commit (store, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = id;
  bk_store_emit_changed (store, "children", id);
  return TRUE;
}

static gboolean
run_one (BkStore     *store,
         const char  *sql,
         gint64       id,
         const char  *text,
         gboolean     must_change,
         GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    bk_bind_text (stmt, 2, text);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  if (must_change && sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                   _("This child no longer exists."));
      return FALSE;
    }
  bk_store_emit_changed (store, "children", id);
  return TRUE;
}

/**
 * bk_child_delete:
 *
 * Hides the child at once; bk_child_undelete() brings it back, and
 * bk_child_purge_deleted() erases it for good.
 */
gboolean
bk_child_delete (BkStore    *store,
                 gint64      id,
                 GDateTime  *now,
                 GError    **error)
{
  g_autofree char *stamp = bk_timestamp (now);

  return run_one (store, "UPDATE children SET deleted_at = ?2"
                         " WHERE id = ?1 AND deleted_at IS NULL",
                  id, stamp, TRUE, error);
}

gboolean
bk_child_undelete (BkStore  *store,
                   gint64    id,
                   GError  **error)
{
  return run_one (store, "UPDATE children SET deleted_at = ?2"
                         " WHERE id = ?1 AND deleted_at IS NOT NULL",
                  id, NULL, TRUE, error);
}

/**
 * bk_child_purge:
 *
 * Erases one child for good if it is (still) deleted; a child brought back
 * by bk_child_undelete() meanwhile is left alone.
 */
gboolean
bk_child_purge (BkStore  *store,
                gint64    id,
                GError  **error)
{
  return run_one (store, "DELETE FROM children WHERE id = ?1 AND deleted_at IS NOT NULL",
                  id, NULL, FALSE, error);
}

/**
 * bk_child_purge_deleted:
 *
 * Erases every deleted child with its goals, entries, reports and links
 * (foreign keys cascade), in one transaction.
 */
gboolean
bk_child_purge_deleted (BkStore  *store,
                        GError  **error)
{
  if (!bk_store_begin (store, error))
    return FALSE;
  if (!bk_store_exec (store, "DELETE FROM children WHERE deleted_at IS NOT NULL", error) ||
      !bk_store_commit (store, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
