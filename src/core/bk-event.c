/* bk-event.c
 * Events of a cycle (information evening, parent meeting, ...) and who came.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The attendance sheet lists the parents of every child in the event's
 * cycle. Saving it records, for each of them, present or absent; and it
 * makes the event one contact in the log, with all present parents, so
 * that "not reached" and the charts see the meeting. Saving again replaces
 * that contact: the sheet is the truth about the event.
 */
#define G_LOG_DOMAIN "bk-event"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-contact.h"
#include "bk-date.h"
#include "bk-event.h"
#include "bk-store-private.h"
#include "bk-write-private.h"

/* Events --------------------------------------------------------------- */

struct _BkEvent
{
  GObject  parent_instance;
  gint64   id;
  char    *title;
  char    *label;       /* "Ouderbijeenkomst (week 6) · 4-11-2026 · Traject najaar 2026" */
  char    *starts_at;
  char    *kind;
};

G_DEFINE_TYPE (BkEvent, bk_event, G_TYPE_OBJECT)

enum { EVENT_PROP_0, EVENT_PROP_LABEL, EVENT_N_PROPS };
static GParamSpec *event_properties[EVENT_N_PROPS];

static void
bk_event_finalize (GObject *object)
{
  BkEvent *self = BK_EVENT (object);

  g_free (self->title);
  g_free (self->label);
  g_free (self->starts_at);
  g_free (self->kind);
  G_OBJECT_CLASS (bk_event_parent_class)->finalize (object);
}

static void
bk_event_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  if (prop_id == EVENT_PROP_LABEL)
    g_value_set_string (value, BK_EVENT (object)->label);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
bk_event_class_init (BkEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_event_finalize;
  object_class->get_property = bk_event_get_property;
  event_properties[EVENT_PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, EVENT_N_PROPS, event_properties);
}

static void
bk_event_init (BkEvent *self)
{
}

gint64 bk_event_get_id (BkEvent *self) { return self->id; }
const char *bk_event_get_title (BkEvent *self) { return self->title; }
const char *bk_event_get_label (BkEvent *self) { return self->label; }
const char *bk_event_get_starts_at (BkEvent *self) { return self->starts_at; }

/**
 * bk_event_load_held:
 * @now: events after this have not taken place and have no attendance yet
 *
 * Returns: (transfer full): the events that took place, the latest first
 */
GListStore *
bk_event_load_held (BkStore     *store,
                    GDateTime   *now,
                    GError     **error)
{
  static const char sql[] =
    "SELECT e.id, e.title, e.starts_at, e.kind, c.name FROM events e"
    "  LEFT JOIN cycles c ON c.id = e.cycle_id"
    " WHERE e.starts_at <= ?1 AND e.kind <> 'start-email'"
    " ORDER BY e.starts_at DESC, e.id DESC LIMIT 200";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  g_autofree char *stamp = bk_timestamp (now);
  int rc;

  if (stmt == NULL)
    return NULL;
  bk_bind_text (stmt, 1, stamp);
  list = g_list_store_new (BK_TYPE_EVENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (BkEvent) e = g_object_new (BK_TYPE_EVENT, NULL);
      g_autoptr (GDateTime) utc = NULL;
      g_autoptr (GDateTime) local = NULL;
      g_autofree char *when = NULL;
      const char *cycle = (const char *) sqlite3_column_text (stmt, 4);

      e->id = sqlite3_column_int64 (stmt, 0);
      e->title = bk_column_dup (stmt, 1);
      e->starts_at = bk_column_dup (stmt, 2);
      e->kind = bk_column_dup (stmt, 3);
      utc = g_date_time_new_from_iso8601 (e->starts_at, NULL);
      local = utc ? g_date_time_to_timezone (utc, zone) : NULL;
      when = local ? g_date_time_format (local, "%-d-%-m-%Y") : g_strdup (e->starts_at);
      e->label = cycle ? g_strdup_printf ("%s · %s · %s", e->title, when, cycle)
                       : g_strdup_printf ("%s · %s", e->title, when);
      g_list_store_append (list, e);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the events"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The sheet ------------------------------------------------------------- */

struct _BkAttendee
{
  GObject   parent_instance;
  gint64    parent_id;
  char     *name;
  char     *children;
  gboolean  present;
};

G_DEFINE_TYPE (BkAttendee, bk_attendee, G_TYPE_OBJECT)

static void
bk_attendee_finalize (GObject *object)
{
  BkAttendee *self = BK_ATTENDEE (object);

  g_free (self->name);
  g_free (self->children);
  G_OBJECT_CLASS (bk_attendee_parent_class)->finalize (object);
}

static void
bk_attendee_class_init (BkAttendeeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_attendee_finalize;
}

static void
bk_attendee_init (BkAttendee *self)
{
}

gint64 bk_attendee_get_parent_id (BkAttendee *self) { return self->parent_id; }
const char *bk_attendee_get_name (BkAttendee *self) { return self->name; }
const char *bk_attendee_get_children (BkAttendee *self) { return self->children; }
gboolean bk_attendee_get_present (BkAttendee *self) { return self->present; }
void bk_attendee_set_present (BkAttendee *self, gboolean present) { self->present = present; }

/**
 * bk_event_load_sheet:
 *
 * Returns: (transfer full) (element-type BkAttendee): the parents of the
 *   children in the event's cycle, by their children's names, each marked
 *   present as recorded before (absent when nothing was recorded)
 */
GListStore *
bk_event_load_sheet (BkStore  *store,
                     gint64    event_id,
                     GError  **error)
{
  static const char sql[] =
    "SELECT p.id, p.given_name || CASE WHEN p.family_name <> '' THEN ' ' || p.family_name ELSE '' END,"
    "       group_concat (c.given_name || CASE WHEN c.family_name <> '' THEN ' ' || c.family_name"
    "                     ELSE '' END, ', '), coalesce (max (a.present), 0)"
    BK_SQL_EVENT_PARENTS
    " GROUP BY p.id ORDER BY min (c.given_name) COLLATE NOCASE, p.given_name COLLATE NOCASE";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  list = g_list_store_new (BK_TYPE_ATTENDEE);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (BkAttendee) a = g_object_new (BK_TYPE_ATTENDEE, NULL);

      a->parent_id = sqlite3_column_int64 (stmt, 0);
      a->name = bk_column_dup (stmt, 1);
      /* Translators: the children a parent on the attendance sheet belongs to */
      a->children = g_strdup_printf (_("Parent of %s"), (const char *) sqlite3_column_text (stmt, 2));
      a->present = sqlite3_column_int (stmt, 3);
      g_list_store_append (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the attendance"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Which contact an event is in the log. */
static const char *
contact_kind (const char *event_kind)
{
  if (g_str_equal (event_kind, "info-evening") || g_str_equal (event_kind, "parent-meeting"))
    return event_kind;
  if (g_str_equal (event_kind, "other"))
    return "other";
  return "activity";
}

static gboolean
event_facts (BkStore     *store,
             gint64       event_id,
             char       **kind,
             char       **starts_at,
             GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT kind, starts_at FROM events WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This event no longer exists."));
      return FALSE;
    }
  *kind = bk_column_dup (stmt, 0);
  *starts_at = bk_column_dup (stmt, 1);
  return TRUE;
}

static gboolean
run (BkStore     *store,
     const char  *sql,
     gint64       a,
     gint64       b,
     gint64       c,
     GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  if (sqlite3_bind_parameter_count (stmt) >= 3)
    sqlite3_bind_int64 (stmt, 3, c);
  return bk_store_step_done (store, stmt, error);
}

/**
 * bk_event_save_attendance:
 * @sheet: (element-type BkAttendee): from bk_event_load_sheet(), marked
 * @staff_id: who takes the attendance, or 0
 *
 * Records present or absent for every parent on the sheet and makes the
 * event one contact with all present parents, in one transaction. An event
 * that has not taken place yet is refused.
 */
gboolean
bk_event_save_attendance (BkStore     *store,
                          gint64       event_id,
                          GListModel  *sheet,
                          gint64       staff_id,
                          GDateTime   *now,
                          GError     **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *starts_at = NULL;
  g_autofree char *now_stamp = bk_timestamp (now);
  g_autoptr (BkContactDraft) draft = NULL;
  g_autoptr (GDateTime) when = NULL;
  guint n = g_list_model_get_n_items (sheet);

  if (!event_facts (store, event_id, &kind, &starts_at, error))
    return FALSE;
  if (g_strcmp0 (starts_at, now_stamp) > 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("This event has not taken place yet: take the attendance on the day."));
      return FALSE;
    }
  when = g_date_time_new_from_iso8601 (starts_at, NULL);
  draft = bk_contact_draft_new (when, contact_kind (kind), 0);
  draft->staff_id = staff_id;
  draft->tone = "neutral";

  if (!bk_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkAttendee) a = g_list_model_get_item (sheet, i);

      if (!run (store, "INSERT INTO attendance (event_id, parent_id, present) VALUES (?1, ?2, ?3)"
                       " ON CONFLICT (event_id, parent_id) DO UPDATE SET present = excluded.present",
                event_id, a->parent_id, a->present, error))
        goto fail;
      if (a->present)
        g_array_append_val (draft->parent_ids, a->parent_id);
    }
  /* The sheet is the truth about the event: its contact is made anew. */
  if (!run (store, "DELETE FROM contacts WHERE event_id = ?1", event_id, 0, 0, error))
    goto fail;
  if (draft->parent_ids->len > 0)
    {
      gint64 contact_id;

      if (!bk_contact_write (store, draft, &contact_id, error) ||
          !run (store, "UPDATE contacts SET event_id = ?2 WHERE id = ?1", contact_id, event_id, 0, error))
        goto fail;
    }
  if (!bk_store_commit (store, error))
    goto fail;
  bk_store_emit_changed (store, "contacts", 0);
  return TRUE;

fail:
  bk_store_rollback (store);
  return FALSE;
}
