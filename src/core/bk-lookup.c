/* bk-lookup.c
 * Short lists to choose from in forms: groups/cycles and staff, by id and name.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each list starts with an item of id 0 ("No group", "No coach") so that a
 * combo row can always show a choice for "none".
 */
#define G_LOG_DOMAIN "bk-lookup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-lookup.h"
#include "bk-store-private.h"

struct _BkLookup
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
};

G_DEFINE_TYPE (BkLookup, bk_lookup, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_NAME, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
bk_lookup_finalize (GObject *object)
{
  g_free (BK_LOOKUP (object)->name);
  G_OBJECT_CLASS (bk_lookup_parent_class)->finalize (object);
}

static void
bk_lookup_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BkLookup *self = BK_LOOKUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_lookup_class_init (BkLookupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_lookup_finalize;
  object_class->get_property = bk_lookup_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_lookup_init (BkLookup *self)
{
}

static void
append (GListStore *list,
        gint64      id,
        const char *name)
{
  g_autoptr (BkLookup) item = g_object_new (BK_TYPE_LOOKUP, NULL);

  item->id = id;
  item->name = g_strdup (name);
  g_list_store_append (list, item);
}

gint64 bk_lookup_get_id (BkLookup *self) { return self->id; }
const char *bk_lookup_get_name (BkLookup *self) { return self->name; }

/* The position of @id in a lookup list; 0 (the "none" item) if absent. */
guint
bk_lookup_find (GListModel *model,
                gint64      id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkLookup) item = g_list_model_get_item (model, i);
      if (item->id == id)
        return i;
    }
  return 0;
}

static GListStore *
load (BkStore     *store,
      const char  *sql,
      const char  *none_label,
      GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (sqlite3_bind_parameter_count (stmt) == 3)
    {
      bk_bind_text (stmt, 1, _("teacher"));
      bk_bind_text (stmt, 2, _("intern"));
      bk_bind_text (stmt, 3, _("manager"));
    }
  list = g_list_store_new (BK_TYPE_LOOKUP);
  append (list, 0, none_label);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    append (list, sqlite3_column_int64 (stmt, 0),
            (const char *) sqlite3_column_text (stmt, 1));
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the database"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Cycles and living groups, the newest first. */
GListStore *
bk_lookup_cycles (BkStore  *store,
                  GError  **error)
{
  return load (store, "SELECT id, name FROM cycles ORDER BY start_date DESC, name",
               _("No group"), error);
}

/* Active teachers and managers (interns do not coach children). */
GListStore *
bk_lookup_coaches (BkStore  *store,
                   GError  **error)
{
  return load (store, "SELECT id, name FROM staff WHERE active = 1 AND role <> 'intern'"
                      " ORDER BY name COLLATE NOCASE",
               _("No coach"), error);
}

/* Everyone who can use Betrokken, for "who are you": name and role. */
GListStore *
bk_lookup_staff (BkStore  *store,
                 GError  **error)
{
  return load (store, "SELECT id, name || ' (' || CASE role WHEN 'teacher' THEN ?1"
                      " WHEN 'intern' THEN ?2 ELSE ?3 END || ')'"
                      " FROM staff WHERE active = 1 ORDER BY name COLLATE NOCASE",
               _("Nobody chosen"), error);
}

/**
 * bk_lookup_staff_role:
 *
 * Returns: (transfer full) (nullable): "teacher", "intern" or "manager";
 *   %NULL for an unknown or inactive staff member
 */
char *
bk_lookup_staff_role (BkStore *store,
                      gint64   staff_id)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT role FROM staff WHERE id = ?1 AND active = 1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  return sqlite3_step (stmt) == SQLITE_ROW ? bk_column_dup (stmt, 0) : NULL;
}
