/* bk-contact.c
 * Every touchpoint with parents: what kind, with whom, which way, how it went.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each kind carries what it usually is (a talk at pick-up is two-way
 * communication; a home visit is parenting, done together), so logging a
 * contact takes a kind and a tone and nothing more; the rest can be changed
 * when it was different. Contacts are logged after they happened: one in the
 * future is refused.
 */
#define G_LOG_DOMAIN "bk-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-contact.h"
#include "bk-date.h"
#include "bk-store-private.h"
#include "bk-write-private.h"

#define BK_CONTACT_NOTE_MAX 2000

static const BkContactKind kinds[] = {
  { "door-talk", N_("Talk at drop-off or pick-up"), "user-available-symbolic", "two-way", "communicating", 2 },
  { "phone", N_("Phone call"), "call-start-symbolic", "two-way", "communicating", 2 },
  { "whatsapp", N_("WhatsApp"), "chat-message-new-symbolic", "two-way", "communicating", 2 },
  { "email", N_("E-mail"), "mail-unread-symbolic", "to-parent", "communicating", 1 },
  { "home-visit", N_("Home visit"), "user-home-symbolic", "two-way", "parenting", 3 },
  { "conversation", N_("Parent conversation"), "system-users-symbolic", "two-way", "communicating", 2 },
  { "info-evening", N_("Information evening"), "x-office-presentation-symbolic", "to-parent", "communicating", 1 },
  { "parent-meeting", N_("Parent meeting"), "system-users-symbolic", "two-way", "learning-at-home", 3 },
  { "portal-visit", N_("Looked at the parent portal"), "web-browser-symbolic", "from-parent", "communicating", 1 },
  { "home-assignment", N_("Home assignment reported"), "emblem-ok-symbolic", "from-parent", "learning-at-home", 2 },
  { "volunteering", N_("Helped as a volunteer"), "emblem-favorite-symbolic", "two-way", "volunteering", 3 },
  { "activity", N_("Activity with parents"), "emoji-people-symbolic", "two-way", "community", 3 },
  { "letter", N_("Letter"), "mail-send-symbolic", "to-parent", "communicating", 1 },
  { "other", N_("Other contact"), "view-more-symbolic", "two-way", "communicating", 2 },
};

static const struct { const char *id; const char *label; } tones[] = {
  { "positive", N_("Positive") },
  { "neutral", N_("Neutral") },
  { "concern", N_("Concern") },
};

static const struct { const char *id; const char *label; } directions[] = {
  { "to-parent", N_("To the parent") },
  { "from-parent", N_("From the parent") },
  { "two-way", N_("Both ways") },
};

/* Epstein's six forms of involvement. */
static const struct { const char *id; const char *label; } forms[] = {
  { "parenting", N_("Parenting") },
  { "communicating", N_("Communicating") },
  { "volunteering", N_("Volunteering") },
  { "learning-at-home", N_("Learning at home") },
  { "decision-making", N_("Decision making") },
  { "community", N_("Collaborating with the community") },
};

#define LOOKUP_LABEL(table, key) \
  G_STMT_START { \
    for (guint i_ = 0; key != NULL && i_ < G_N_ELEMENTS (table); i_++) \
      if (g_str_equal (table[i_].id, key)) \
        return _(table[i_].label); \
    return NULL; \
  } G_STMT_END

const char *bk_contact_tone_label (const char *tone) { LOOKUP_LABEL (tones, tone); }
const char *bk_contact_direction_label (const char *direction) { LOOKUP_LABEL (directions, direction); }
const char *bk_contact_form_label (const char *form) { LOOKUP_LABEL (forms, form); }

const BkContactKind *
bk_contact_kinds (guint *n_kinds)
{
  *n_kinds = G_N_ELEMENTS (kinds);
  return kinds;
}

const BkContactKind *
bk_contact_kind_find (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      return &kinds[i];
  return NULL;
}

const char *
bk_contact_kind_label (const char *kind)
{
  const BkContactKind *k = bk_contact_kind_find (kind);
  return k ? _(k->label) : NULL;
}

/* The contact object, for lists ------------------------------------------ */

struct _BkContact
{
  GObject  parent_instance;
  gint64   id;
  char    *occurred_at;
  char    *kind;
  char    *direction;
  char    *tone;
  char    *note;
  char    *title;      /* "Phone call" */
  char    *subtitle;   /* "23-11-2026 15:35 · Sanne Hoekstra · Positive" */
};

G_DEFINE_TYPE (BkContact, bk_contact, G_TYPE_OBJECT)

enum { PROP_0, PROP_TITLE, PROP_SUBTITLE, PROP_NOTE, PROP_TONE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
bk_contact_finalize (GObject *object)
{
  BkContact *self = BK_CONTACT (object);

  g_free (self->occurred_at);
  g_free (self->kind);
  g_free (self->direction);
  g_free (self->tone);
  g_free (self->note);
  g_free (self->title);
  g_free (self->subtitle);
  G_OBJECT_CLASS (bk_contact_parent_class)->finalize (object);
}

static void
bk_contact_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  BkContact *self = BK_CONTACT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;
    case PROP_TONE:
      g_value_set_string (value, self->tone);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_contact_class_init (BkContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_contact_finalize;
  object_class->get_property = bk_contact_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TONE] = g_param_spec_string ("tone", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_contact_init (BkContact *self)
{
}

gint64 bk_contact_get_id (BkContact *self) { return self->id; }
const char *bk_contact_get_kind (BkContact *self) { return self->kind; }
const char *bk_contact_get_tone (BkContact *self) { return self->tone; }
const char *bk_contact_get_direction (BkContact *self) { return self->direction; }
const char *bk_contact_get_occurred_at (BkContact *self) { return self->occurred_at; }
const char *bk_contact_get_note (BkContact *self) { return self->note; }
const char *bk_contact_get_title (BkContact *self) { return self->title; }
const char *bk_contact_get_subtitle (BkContact *self) { return self->subtitle; }

/* "23-11-2026 15:35" in the time zone of @zone_of (the moment is stored in UTC). */
static char *
format_moment (const char *stored,
               GTimeZone  *zone)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (stored, NULL);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (stored ? stored : "");
  local = g_date_time_to_timezone (utc, zone);
  return g_date_time_format (local, "%-d-%-m-%Y %H:%M");
}

static BkContact *
contact_from_row (sqlite3_stmt *stmt,
                  GTimeZone    *zone)
{
  BkContact *self = g_object_new (BK_TYPE_CONTACT, NULL);
  const char *staff = (const char *) sqlite3_column_text (stmt, 6);
  const char *label;
  g_autofree char *when = NULL;
  GString *subtitle;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->occurred_at = bk_column_dup (stmt, 1);
  self->kind = bk_column_dup (stmt, 2);
  self->direction = bk_column_dup (stmt, 3);
  self->tone = bk_column_dup (stmt, 4);
  self->note = bk_column_dup (stmt, 5);

  label = bk_contact_kind_label (self->kind);
  self->title = g_strdup (label ? label : self->kind);
  when = format_moment (self->occurred_at, zone);
  subtitle = g_string_new (when);
  if (staff != NULL)
    g_string_append_printf (subtitle, " · %s", staff);
  if (self->tone != NULL && !g_str_equal (self->tone, "neutral"))
    g_string_append_printf (subtitle, " · %s", bk_contact_tone_label (self->tone));
  self->subtitle = g_string_free (subtitle, FALSE);
  return self;
}

/**
 * bk_contact_load_for_parent:
 * @limit: at most this many, the newest
 *
 * Returns: (transfer full): the parent's contacts, newest first; moments
 *   shown in the local time zone
 */
GListStore *
bk_contact_load_for_parent (BkStore  *store,
                            gint64    parent_id,
                            guint     limit,
                            GError  **error)
{
  static const char sql[] =
    "SELECT c.id, c.occurred_at, c.kind, c.direction, c.tone, c.note, s.name"
    "  FROM contact_parents cp JOIN contacts c ON c.id = cp.contact_id"
    "  LEFT JOIN staff s ON s.id = c.staff_id"
    " WHERE cp.parent_id = ?1 ORDER BY c.occurred_at DESC, c.id DESC LIMIT ?2";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  sqlite3_bind_int64 (stmt, 2, limit);
  list = g_list_store_new (BK_TYPE_CONTACT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (BkContact) contact = contact_from_row (stmt, zone);
      g_list_store_append (list, contact);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the contacts"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Drafts ------------------------------------------------------------------ */

/**
 * bk_contact_draft_new:
 * @kind: a kind from bk_contact_kinds(); its usual direction, form and
 *   depth are filled in
 * @parent_id: the first parent, or 0
 */
BkContactDraft *
bk_contact_draft_new (GDateTime  *occurred_at,
                      const char *kind,
                      gint64      parent_id)
{
  BkContactDraft *draft = g_new0 (BkContactDraft, 1);
  const BkContactKind *k = bk_contact_kind_find (kind);

  draft->occurred_at = occurred_at ? g_date_time_ref (occurred_at) : NULL;
  draft->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (parent_id != 0)
    g_array_append_val (draft->parent_ids, parent_id);
  draft->kind = k ? k->kind : kind;
  draft->direction = k ? k->direction : "two-way";
  draft->form = k ? k->form : "communicating";
  draft->depth = k ? k->depth : 2;
  draft->tone = "neutral";
  return draft;
}

void
bk_contact_draft_free (BkContactDraft *draft)
{
  if (draft == NULL)
    return;
  g_clear_pointer (&draft->occurred_at, g_date_time_unref);
  g_array_unref (draft->parent_ids);
  g_free (draft->note);
  g_free (draft);
}

/**
 * bk_contact_draft_validate:
 * @now: a contact may not lie after this (a minute's grace for clocks)
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals
 */
GPtrArray *
bk_contact_draft_validate (const BkContactDraft *draft,
                           GDateTime            *now)
{
  GPtrArray *errors = bk_form_errors_new ();
  g_autoptr (GDateTime) latest = g_date_time_add_minutes (now, 1);

  if (draft->occurred_at == NULL)
    bk_form_refuse (errors, "occurred-at", g_strdup (_("Fill in when the contact took place.")));
  else if (g_date_time_compare (draft->occurred_at, latest) > 0)
    bk_form_refuse (errors, "occurred-at",
                    g_strdup (_("This moment lies in the future. Log a contact after it took "
                                "place; plan future conversations under Conversations.")));
  if (bk_contact_kind_find (draft->kind) == NULL)
    bk_form_refuse (errors, "kind", g_strdup (_("Choose what kind of contact this was.")));
  if (draft->parent_ids->len == 0)
    bk_form_refuse (errors, "parents", g_strdup (_("Choose at least one parent this contact was with.")));
  if (bk_contact_direction_label (draft->direction) == NULL)
    bk_form_refuse (errors, "direction", g_strdup (_("Choose which way the contact went.")));
  if (bk_contact_form_label (draft->form) == NULL)
    bk_form_refuse (errors, "form", g_strdup (_("Choose the form of involvement.")));
  if (draft->depth < 1 || draft->depth > 3)
    bk_form_refuse (errors, "depth", g_strdup (_("Choose how deep the contact went.")));
  if (bk_contact_tone_label (draft->tone) == NULL)
    bk_form_refuse (errors, "tone", g_strdup (_("Choose how the contact went.")));
  bk_form_check_text (errors, "note", draft->note, BK_CONTACT_NOTE_MAX);
  return errors;
}

/* The contact and its parents; inside the caller's transaction, unchecked. */
gboolean
bk_contact_write (BkStore              *store,
                  const BkContactDraft *draft,
                  gint64               *out_id,
                  GError              **error)
{
  static const char insert_sql[] =
    "INSERT INTO contacts (occurred_at, kind, child_id, staff_id, direction, form, depth, tone, note)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";
  static const char link_sql[] =
    "INSERT OR IGNORE INTO contact_parents (contact_id, parent_id) VALUES (?1, ?2)";
  g_autofree char *at = bk_timestamp (draft->occurred_at);
  g_autofree char *note = bk_form_strip (draft->note);
  gint64 id;

  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store, insert_sql, error);
    if (q == NULL)
      return FALSE;
    bk_bind_text (q, 1, at);
    bk_bind_text (q, 2, draft->kind);
    bk_bind_id (q, 3, draft->child_id);
    bk_bind_id (q, 4, draft->staff_id);
    bk_bind_text (q, 5, draft->direction);
    bk_bind_text (q, 6, draft->form);
    sqlite3_bind_int (q, 7, draft->depth);
    bk_bind_text (q, 8, draft->tone);
    bk_bind_text (q, 9, note);
    if (!bk_store_step_done (store, q, error))
      return FALSE;
    id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  }
  for (guint i = 0; i < draft->parent_ids->len; i++)
    {
      g_autoptr (sqlite3_stmt) q = bk_store_prepare (store, link_sql, error);
      if (q == NULL)
        return FALSE;
      sqlite3_bind_int64 (q, 1, id);
      sqlite3_bind_int64 (q, 2, g_array_index (draft->parent_ids, gint64, i));
      if (!bk_store_step_done (store, q, error))
        return FALSE;
    }
  *out_id = id;
  return TRUE;
}

/**
 * bk_contact_save:
 * @out_id: (out) (optional): the new contact's id
 *
 * Logs the contact with its parents in one transaction; refused drafts
 * write nothing (BK_STORE_ERROR_INVALID with the first message).
 */
gboolean
bk_contact_save (BkStore              *store,
                 const BkContactDraft *draft,
                 GDateTime            *now,
                 gint64               *out_id,
                 GError              **error)
{
  g_autoptr (GPtrArray) problems = bk_contact_draft_validate (draft, now);
  gint64 id = 0;

  if (bk_store_refuse (problems, error))
    return FALSE;
  if (!bk_store_begin (store, error))
    return FALSE;
  if (!bk_contact_write (store, draft, &id, error) || !bk_store_commit (store, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = id;
  bk_store_emit_changed (store, "contacts", id);
  return TRUE;
}
