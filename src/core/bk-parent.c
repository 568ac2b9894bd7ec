/* bk-parent.c
 * A parent or guardian: contact details, how to reach them, their children.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each parent keeps their own address, e-mail and phone, so separated
 * parents are both known and both counted. A parent always belongs to at
 * least one child; a new parent joins the family of the first child it is
 * linked to (one is made when the child has none yet).
 */
#define G_LOG_DOMAIN "bk-parent"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-date.h"
#include "bk-form.h"
#include "bk-parent.h"
#include "bk-store-private.h"
#include "bk-write-private.h"

#define BK_PARENT_NAME_MAX 80
#define BK_PARENT_TEXT_MAX 300

struct _BkParent
{
  GObject  parent_instance;
  gint64   id;
  gint64   family_id;
  gint64   first_child_id;
  char    *given_name;
  char    *family_name;
  char    *display_name;
  char    *subtitle;      /* "Mother of Zoë de Vries" */
  char    *email;
  char    *phone;         /* +31612345678 */
  char    *address;
  char    *channel;
  char    *language;
  char    *dutch_level;
  char    *availability;
  char    *search_key;
};

G_DEFINE_TYPE (BkParent, bk_parent, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_DISPLAY_NAME, PROP_SUBTITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static const struct { const char *id; const char *label; } relations[] = {
  { "mother", N_("Mother") },
  { "father", N_("Father") },
  { "step-parent", N_("Step-parent") },
  { "foster-parent", N_("Foster parent") },
  { "grandparent", N_("Grandparent") },
  { "guardian", N_("Guardian") },
  { "other", N_("Other carer") },
};

static const struct { const char *id; const char *label; } channels[] = {
  { "phone", N_("Phone") },
  { "email", N_("E-mail") },
  { "whatsapp", N_("WhatsApp") },
  { "letter", N_("Letter") },
  { "in-person", N_("In person") },
};

static const struct { const char *id; const char *label; } dutch_levels[] = {
  { "fluent", N_("Reads and speaks Dutch well") },
  { "basic", N_("Some Dutch: short sentences") },
  { "little", N_("Little Dutch: prefer the phone or an interpreter") },
  { "none", N_("No Dutch: an interpreter is needed") },
};

#define LOOKUP_LABEL(table, key) \
  G_STMT_START { \
    for (guint i_ = 0; key != NULL && i_ < G_N_ELEMENTS (table); i_++) \
      if (g_str_equal (table[i_].id, key)) \
        return _(table[i_].label); \
    return NULL; \
  } G_STMT_END

static const char * const relation_ids[] = {
  "mother", "father", "step-parent", "foster-parent", "grandparent", "guardian", "other", NULL
};

/* The relations in the order forms offer them; static strings. */
const char * const *
bk_parent_relations (void)
{
  return relation_ids;
}

/* The words for a relation, channel or level, translated; %NULL if unknown. */
const char *
bk_parent_relation_label (const char *relation)
{
  LOOKUP_LABEL (relations, relation);
}

const char *
bk_parent_channel_label (const char *channel)
{
  LOOKUP_LABEL (channels, channel);
}

const char *
bk_parent_dutch_level_label (const char *level)
{
  LOOKUP_LABEL (dutch_levels, level);
}

static void
bk_parent_finalize (GObject *object)
{
  BkParent *self = BK_PARENT (object);

  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->display_name);
  g_free (self->subtitle);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->address);
  g_free (self->channel);
  g_free (self->language);
  g_free (self->dutch_level);
  g_free (self->availability);
  g_free (self->search_key);
  G_OBJECT_CLASS (bk_parent_parent_class)->finalize (object);
}

static void
bk_parent_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BkParent *self = BK_PARENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_parent_class_init (BkParentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_parent_finalize;
  object_class->get_property = bk_parent_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_parent_init (BkParent *self)
{
}

gint64 bk_parent_get_id (BkParent *self) { return self->id; }
gint64 bk_parent_get_family_id (BkParent *self) { return self->family_id; }
gint64 bk_parent_get_first_child_id (BkParent *self) { return self->first_child_id; }
const char *bk_parent_get_display_name (BkParent *self) { return self->display_name; }
const char *bk_parent_get_given_name (BkParent *self) { return self->given_name; }
const char *bk_parent_get_family_name (BkParent *self) { return self->family_name; }
const char *bk_parent_get_subtitle (BkParent *self) { return self->subtitle; }
const char *bk_parent_get_email (BkParent *self) { return self->email; }
const char *bk_parent_get_phone (BkParent *self) { return self->phone; }
const char *bk_parent_get_address (BkParent *self) { return self->address; }
const char *bk_parent_get_channel (BkParent *self) { return self->channel; }
const char *bk_parent_get_language (BkParent *self) { return self->language; }
const char *bk_parent_get_dutch_level (BkParent *self) { return self->dutch_level; }
const char *bk_parent_get_availability (BkParent *self) { return self->availability; }

/* Matches the parent's name and their children's names. */
gboolean
bk_parent_matches (BkParent   *self,
                   const char *folded_query)
{
  return bk_search_matches (self->search_key, folded_query);
}

#define PARENT_SELECT \
  "SELECT p.id, p.family_id, p.given_name, p.family_name, p.email, p.phone, p.address," \
  "       p.preferred_channel, p.language, p.dutch_level, p.availability," \
  "       (SELECT pc.relation FROM parent_children pc WHERE pc.parent_id = p.id" \
  "         ORDER BY pc.child_id LIMIT 1)," \
  "       (SELECT group_concat (name, ', ') FROM" \
  "         (SELECT c.given_name || CASE WHEN c.family_name <> '' THEN ' ' || c.family_name" \
  "                 ELSE '' END AS name" \
  "            FROM parent_children pc JOIN children c ON c.id = pc.child_id" \
  "           WHERE pc.parent_id = p.id AND c.deleted_at IS NULL ORDER BY c.given_name))," \
  "       (SELECT min (pc.child_id) FROM parent_children pc WHERE pc.parent_id = p.id)" \
  "  FROM parents p WHERE p.deleted_at IS NULL"

static BkParent *
parent_from_row (sqlite3_stmt *stmt)
{
  BkParent *self = g_object_new (BK_TYPE_PARENT, NULL);
  const char *relation = (const char *) sqlite3_column_text (stmt, 11);
  const char *children = (const char *) sqlite3_column_text (stmt, 12);
  const char *label = bk_parent_relation_label (relation);
  g_autofree char *name_key = NULL;
  g_autofree char *children_key = NULL;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->family_id = sqlite3_column_int64 (stmt, 1);
  self->given_name = bk_column_dup (stmt, 2);
  self->family_name = bk_column_dup (stmt, 3);
  self->email = bk_column_dup (stmt, 4);
  self->phone = bk_column_dup (stmt, 5);
  self->address = bk_column_dup (stmt, 6);
  self->channel = bk_column_dup (stmt, 7);
  self->language = bk_column_dup (stmt, 8);
  self->dutch_level = bk_column_dup (stmt, 9);
  self->availability = bk_column_dup (stmt, 10);
  self->first_child_id = sqlite3_column_int64 (stmt, 13);

  if (self->family_name != NULL && *self->family_name != '\0')
    self->display_name = g_strconcat (self->given_name, " ", self->family_name, NULL);
  else
    self->display_name = g_strdup (self->given_name);

  if (children == NULL)
    self->subtitle = g_strdup ("");
  else
    /* Translators: a relation and the children: "Mother of Zoë de Vries" */
    self->subtitle = g_strdup_printf (_("%s of %s"), label ? label : _("Carer"), children);

  name_key = bk_search_key (self->display_name);
  children_key = bk_search_key (children);
  self->search_key = g_strconcat (name_key, children_key, NULL);
  return self;
}

static GListStore *
load_list (BkStore     *store,
           const char  *sql,
           gint64       arg,
           GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (arg != 0)
    sqlite3_bind_int64 (stmt, 1, arg);
  list = g_list_store_new (BK_TYPE_PARENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (BkParent) parent = parent_from_row (stmt);
      g_list_store_append (list, parent);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the parents"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * bk_parent_load_all:
 *
 * Returns: (transfer full): every parent, by first name
 */
GListStore *
bk_parent_load_all (BkStore  *store,
                    GError  **error)
{
  return load_list (store, PARENT_SELECT
                    " ORDER BY p.given_name COLLATE NOCASE, p.family_name COLLATE NOCASE, p.id",
                    0, error);
}

/**
 * bk_parent_load_for_child:
 *
 * Returns: (transfer full): the parents and carers of one child
 */
GListStore *
bk_parent_load_for_child (BkStore  *store,
                          gint64    child_id,
                          GError  **error)
{
  return load_list (store, PARENT_SELECT
                    " AND p.id IN (SELECT parent_id FROM parent_children WHERE child_id = ?1)"
                    " ORDER BY p.given_name COLLATE NOCASE, p.id",
                    child_id, error);
}

/**
 * bk_parent_load_links:
 *
 * Returns: (transfer full) (element-type BkParentLink): which children the
 *   parent belongs to and how, by child; relations are static strings
 */
GArray *
bk_parent_load_links (BkStore  *store,
                      gint64    parent_id,
                      GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT child_id, relation FROM parent_children WHERE parent_id = ?1 ORDER BY child_id", error);
  g_autoptr (GArray) links = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, parent_id);
  links = g_array_new (FALSE, FALSE, sizeof (BkParentLink));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *relation = (const char *) sqlite3_column_text (stmt, 1);
      BkParentLink link = { sqlite3_column_int64 (stmt, 0), "other" };

      for (guint i = 0; relation_ids[i] != NULL; i++)
        if (g_strcmp0 (relation_ids[i], relation) == 0)
          link.relation = relation_ids[i];
      g_array_append_val (links, link);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the parents"));
      return NULL;
    }
  return g_steal_pointer (&links);
}

/**
 * bk_parent_load_sibling_parents:
 *
 * Returns: (transfer full): parents of other children with the same family
 *   name as @child_id who are not yet linked to it: likely the parents of
 *   a brother or sister
 */
GListStore *
bk_parent_load_sibling_parents (BkStore  *store,
                                gint64    child_id,
                                GError  **error)
{
  return load_list (store, PARENT_SELECT
                    " AND p.id IN (SELECT pc.parent_id FROM parent_children pc"
                    "   JOIN children o ON o.id = pc.child_id AND o.deleted_at IS NULL"
                    "   JOIN children c ON c.id = ?1"
                    "  WHERE o.id <> c.id AND c.family_name <> ''"
                    "    AND o.family_name = c.family_name COLLATE NOCASE)"
                    " AND p.id NOT IN (SELECT parent_id FROM parent_children WHERE child_id = ?1)"
                    " ORDER BY p.given_name COLLATE NOCASE, p.id",
                    child_id, error);
}

/**
 * bk_parent_link_child:
 * @relation: "mother", ... (see bk_parent_relations())
 *
 * Makes an existing parent a parent of @child_id too (a brother or
 * sister), so there is one record of that parent. A child without a
 * family joins the parent's.
 */
gboolean
bk_parent_link_child (BkStore     *store,
                      gint64       parent_id,
                      gint64       child_id,
                      const char  *relation,
                      GError     **error)
{
  if (bk_parent_relation_label (relation) == NULL)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("Choose how this parent is related to the child."));
      return FALSE;
    }
  if (!bk_store_begin (store, error))
    return FALSE;
  if (!bk_parent_write_link (store, parent_id, child_id, relation, error) ||
      !bk_store_commit (store, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  bk_store_emit_changed (store, "parents", parent_id);
  return TRUE;
}

/* The link, and the child into the parent's family if it has none; inside
 * the caller's transaction. */
gboolean
bk_parent_write_link (BkStore     *store,
                      gint64       parent_id,
                      gint64       child_id,
                      const char  *relation,
                      GError     **error)
{
  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
      "INSERT OR REPLACE INTO parent_children (parent_id, child_id, relation) VALUES (?1, ?2, ?3)", error);
    if (q == NULL)
      return FALSE;
    sqlite3_bind_int64 (q, 1, parent_id);
    sqlite3_bind_int64 (q, 2, child_id);
    bk_bind_text (q, 3, relation);
    if (!bk_store_step_done (store, q, error))
      return FALSE;
  }
  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
      "UPDATE children SET family_id = (SELECT family_id FROM parents WHERE id = ?1)"
      " WHERE id = ?2 AND family_id IS NULL", error);
    if (q == NULL)
      return FALSE;
    sqlite3_bind_int64 (q, 1, parent_id);
    sqlite3_bind_int64 (q, 2, child_id);
    return bk_store_step_done (store, q, error);
  }
}

BkParent *
bk_parent_load (BkStore  *store,
                gint64    id,
                GError  **error)
{
  g_autoptr (GListStore) list = load_list (store, PARENT_SELECT " AND p.id = ?1", id, error);

  if (list == NULL)
    return NULL;
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                   _("This parent no longer exists."));
      return NULL;
    }
  return g_list_model_get_item (G_LIST_MODEL (list), 0);
}

/* Drafts ------------------------------------------------------------------ */

BkParentDraft *
bk_parent_draft_new (void)
{
  BkParentDraft *draft = g_new0 (BkParentDraft, 1);

  draft->links = g_array_new (FALSE, FALSE, sizeof (BkParentLink));
  return draft;
}

void
bk_parent_draft_free (BkParentDraft *draft)
{
  if (draft == NULL)
    return;
  g_free (draft->given_name);
  g_free (draft->family_name);
  g_free (draft->email);
  g_free (draft->phone);
  g_free (draft->address);
  g_free (draft->preferred_channel);
  g_free (draft->language);
  g_free (draft->dutch_level);
  g_free (draft->availability);
  g_array_unref (draft->links);
  g_free (draft);
}

/* @relation must be one of the static relation names ("mother", ...). */
void
bk_parent_draft_link (BkParentDraft *draft,
                      gint64         child_id,
                      const char    *relation)
{
  BkParentLink link = { child_id, relation };

  g_array_append_val (draft->links, link);
}

static void
check_required_name (GPtrArray  *errors,
                     const char *value)
{
  if (bk_form_is_blank (value))
    bk_form_refuse (errors, "given-name", g_strdup (_("Fill in the parent’s first name.")));
  else
    bk_form_check_text (errors, "given-name", value, BK_PARENT_NAME_MAX);
}

/**
 * bk_parent_draft_validate:
 * @country: where phone numbers without a country code are
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals, in
 *   form order; empty when the draft may be saved
 */
GPtrArray *
bk_parent_draft_validate (const BkParentDraft *draft,
                          BkCountry            country)
{
  GPtrArray *errors = bk_form_errors_new ();
  g_autoptr (GError) email_error = NULL;
  g_autoptr (GError) phone_error = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;

  check_required_name (errors, draft->given_name);
  bk_form_check_text (errors, "family-name", draft->family_name, BK_PARENT_NAME_MAX);

  email = bk_validate_email (draft->email, &email_error);
  if (email == NULL)
    bk_form_refuse (errors, "email", g_strdup (email_error->message));
  phone = bk_validate_phone (draft->phone, country, &phone_error);
  if (phone == NULL)
    bk_form_refuse (errors, "phone", g_strdup (phone_error->message));

  bk_form_check_text (errors, "address", draft->address, BK_PARENT_TEXT_MAX);
  bk_form_check_text (errors, "availability", draft->availability, BK_PARENT_TEXT_MAX);

  if (draft->preferred_channel != NULL)
    {
      const char *ch = draft->preferred_channel;

      if (bk_parent_channel_label (ch) == NULL)
        bk_form_refuse (errors, "channel", g_strdup (_("Choose how this parent likes to be reached.")));
      else if (g_str_equal (ch, "email") && email != NULL && *email == '\0')
        bk_form_refuse (errors, "channel",
                        g_strdup (_("E-mail is the preferred way, but there is no e-mail address.")));
      else if ((g_str_equal (ch, "phone") || g_str_equal (ch, "whatsapp")) && phone != NULL && *phone == '\0')
        bk_form_refuse (errors, "channel",
                        g_strdup (_("Phone or WhatsApp is the preferred way, but there is no phone number.")));
    }
  if (draft->dutch_level != NULL && bk_parent_dutch_level_label (draft->dutch_level) == NULL)
    bk_form_refuse (errors, "dutch-level", g_strdup (_("Choose how well this parent reads and speaks Dutch.")));

  if (draft->links->len == 0)
    bk_form_refuse (errors, "children",
                    g_strdup (_("Link this parent to at least one child: every parent in Betrokken "
                                "belongs to a child in your care.")));
  for (guint i = 0; i < draft->links->len; i++)
    if (bk_parent_relation_label (g_array_index (draft->links, BkParentLink, i).relation) == NULL)
      {
        bk_form_refuse (errors, "children", g_strdup (_("Choose how this parent is related to the child.")));
        break;
      }
  return errors;
}

/* Writing ----------------------------------------------------------------- */

/* The family of the first linked child; made (and given to it) if it has none. */
static gint64
family_for (BkStore             *store,
            const BkParentDraft *draft,
            const char          *stamp,
            GError             **error)
{
  gint64 child_id = g_array_index (draft->links, BkParentLink, 0).child_id;
  gint64 family_id = 0;
  g_autofree char *child_family_name = NULL;

  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
      "SELECT family_id, family_name FROM children WHERE id = ?1 AND deleted_at IS NULL", error);
    if (q == NULL)
      return 0;
    sqlite3_bind_int64 (q, 1, child_id);
    if (sqlite3_step (q) != SQLITE_ROW)
      {
        g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                     _("The child this parent belongs to no longer exists."));
        return 0;
      }
    family_id = sqlite3_column_int64 (q, 0);
    child_family_name = bk_column_dup (q, 1);
  }
  if (family_id != 0)
    return family_id;

  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
      "INSERT INTO families (name, created_at) VALUES (?1, ?2)", error);
    g_autofree char *name = NULL;
    const char *surname = child_family_name && *child_family_name ? child_family_name
                          : draft->family_name && *draft->family_name ? draft->family_name
                          : draft->given_name;

    if (q == NULL)
      return 0;
    /* Translators: the name of a family, from a family name */
    name = g_strdup_printf (_("Family %s"), surname);
    bk_bind_text (q, 1, name);
    bk_bind_text (q, 2, stamp);
    if (!bk_store_step_done (store, q, error))
      return 0;
    family_id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  }
  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
      "UPDATE children SET family_id = ?2 WHERE id = ?1", error);
    if (q == NULL)
      return 0;
    sqlite3_bind_int64 (q, 1, child_id);
    sqlite3_bind_int64 (q, 2, family_id);
    if (!bk_store_step_done (store, q, error))
      return 0;
  }
  return family_id;
}

static gboolean
write_parent (BkStore             *store,
              const BkParentDraft *draft,
              BkCountry            country,
              const char          *stamp,
              gint64              *id,
              GError             **error)
{
  static const char insert_sql[] =
    "INSERT INTO parents (given_name, family_name, email, phone, address, preferred_channel,"
    " language, dutch_level, availability, family_id, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
  static const char update_sql[] =
    "UPDATE parents SET given_name = ?1, family_name = ?2, email = ?3, phone = ?4, address = ?5,"
    " preferred_channel = ?6, language = ?7, dutch_level = ?8, availability = ?9"
    " WHERE id = ?12 AND deleted_at IS NULL";
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *given = bk_form_strip (draft->given_name);
  g_autofree char *family = bk_form_strip (draft->family_name);
  g_autofree char *email = bk_validate_email (draft->email, NULL);
  g_autofree char *phone = bk_validate_phone (draft->phone, country, NULL);
  g_autofree char *address = bk_form_strip (draft->address);
  g_autofree char *language = bk_form_strip (draft->language);
  g_autofree char *availability = bk_form_strip (draft->availability);
  gint64 family_id = 0;

  if (draft->id == 0 && (family_id = family_for (store, draft, stamp, error)) == 0)
    return FALSE;

  stmt = bk_store_prepare (store, draft->id ? update_sql : insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, given);
  bk_bind_text (stmt, 2, family ? family : "");
  bk_bind_text (stmt, 3, email && *email ? email : NULL);
  bk_bind_text (stmt, 4, phone && *phone ? phone : NULL);
  bk_bind_text (stmt, 5, address);
  bk_bind_text (stmt, 6, draft->preferred_channel);
  bk_bind_text (stmt, 7, language);
  bk_bind_text (stmt, 8, draft->dutch_level);
  bk_bind_text (stmt, 9, availability);
  if (draft->id == 0)
    {
      sqlite3_bind_int64 (stmt, 10, family_id);
      bk_bind_text (stmt, 11, stamp);
    }
  else
    sqlite3_bind_int64 (stmt, 12, draft->id);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;

  if (draft->id == 0)
    *id = sqlite3_last_insert_rowid (bk_store_get_db (store));
  else if (sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                   _("This parent no longer exists; it may have been deleted."));
      return FALSE;
    }
  else
    *id = draft->id;
  return TRUE;
}

static gboolean
write_links (BkStore             *store,
             gint64               parent_id,
             const BkParentDraft *draft,
             GError             **error)
{
  {
    g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
      "DELETE FROM parent_children WHERE parent_id = ?1", error);
    if (q == NULL)
      return FALSE;
    sqlite3_bind_int64 (q, 1, parent_id);
    if (!bk_store_step_done (store, q, error))
      return FALSE;
  }
  for (guint i = 0; i < draft->links->len; i++)
    {
      BkParentLink *link = &g_array_index (draft->links, BkParentLink, i);
      g_autoptr (sqlite3_stmt) q = bk_store_prepare (store,
        "INSERT OR REPLACE INTO parent_children (parent_id, child_id, relation) VALUES (?1, ?2, ?3)",
        error);
      if (q == NULL)
        return FALSE;
      sqlite3_bind_int64 (q, 1, parent_id);
      sqlite3_bind_int64 (q, 2, link->child_id);
      bk_bind_text (q, 3, link->relation);
      if (!bk_store_step_done (store, q, error))
        return FALSE;
    }
  return TRUE;
}

/* The parent row and its links; inside the caller's transaction. */
gboolean
bk_parent_write (BkStore             *store,
                 const BkParentDraft *draft,
                 BkCountry            country,
                 GDateTime           *now,
                 gint64              *out_id,
                 GError             **error)
{
  g_autofree char *stamp = bk_timestamp (now);

  return write_parent (store, draft, country, stamp, out_id, error) &&
         write_links (store, *out_id, draft, error);
}

/**
 * bk_parent_save:
 * @draft: what the form holds; id 0 adds a parent
 * @country: where phone numbers without a country code are
 * @out_id: (out) (optional): the parent's id
 *
 * Validates, normalises e-mail and phone, and saves the parent with its
 * links to children in one transaction. A refusal is BK_STORE_ERROR_INVALID
 * with the first field's message, and nothing is written.
 */
gboolean
bk_parent_save (BkStore             *store,
                const BkParentDraft *draft,
                BkCountry            country,
                GDateTime           *now,
                gint64              *out_id,
                GError             **error)
{
  g_autoptr (GPtrArray) problems = bk_parent_draft_validate (draft, country);
  gint64 id = 0;

  if (bk_store_refuse (problems, error))
    return FALSE;

  if (!bk_store_begin (store, error))
    return FALSE;
  if (!bk_parent_write (store, draft, country, now, &id, error) ||
      !bk_store_commit (store, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = id;
  bk_store_emit_changed (store, "parents", id);
  return TRUE;
}
