/* bk-child-list.c
 * A GListModel of the children that follows the store as it changes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loaded once; afterwards each "changed::children" signal reloads only the
 * row it names, so a save in a list of ten thousand children stays cheap.
 * A change to groups or staff, or a restore ("*"), reloads everything.
 */
#define G_LOG_DOMAIN "bk-child-list"

#include "bk-child.h"
#include "bk-child-list.h"

struct _BkChildList
{
  GObject     parent_instance;
  BkStore    *store;
  GListStore *items;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_TYPE_WITH_CODE (BkChildList, bk_child_list, G_TYPE_OBJECT,
                         G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return BK_TYPE_CHILD;
}

static guint
get_n_items (GListModel *model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (BK_CHILD_LIST (model)->items));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  return g_list_model_get_item (G_LIST_MODEL (BK_CHILD_LIST (model)->items), position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

guint
bk_child_list_find (BkChildList *self,
                    gint64       child_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint i = 0; i < n; i++)
    {
      BkChild *child = g_list_model_get_item (G_LIST_MODEL (self->items), i);
      gboolean found = bk_child_get_id (child) == child_id;

      g_object_unref (child);
      if (found)
        return i;
    }
  return G_MAXUINT;
}

static void
reload_all (BkChildList *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) fresh = bk_child_load_all (self->store, &error);
  g_autofree gpointer *items = NULL;
  guint n;

  if (fresh == NULL)
    {
      g_debug ("Could not reload the children: %s", error->message);
      return;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (fresh));
  items = g_new0 (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = g_list_model_get_object (G_LIST_MODEL (fresh), i);
  g_list_store_splice (self->items, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
}

static void
reload_one (BkChildList *self,
            gint64       child_id)
{
  g_autoptr (BkChild) child = bk_child_load (self->store, child_id, NULL);
  guint old = bk_child_list_find (self, child_id);

  if (old != G_MAXUINT)
    g_list_store_remove (self->items, old);
  if (child != NULL)
    g_list_store_insert_sorted (self->items, child, bk_child_compare, NULL);
}

static void
store_changed_cb (BkStore     *store,
                  const char  *table,
                  gint64       row_id,
                  BkChildList *self)
{
  /* Goals carry the child's id: the list shows and searches its goal. */
  if ((g_str_equal (table, "children") || g_str_equal (table, "goals")) && row_id > 0)
    reload_one (self, row_id);
  else if (g_str_equal (table, "children") || g_str_equal (table, "cycles") ||
           g_str_equal (table, "staff") || g_str_equal (table, "*"))
    reload_all (self);
}

static void
items_changed_cb (GListModel  *items,
                  guint        position,
                  guint        removed,
                  guint        added,
                  BkChildList *self)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
bk_child_list_dispose (GObject *object)
{
  BkChildList *self = BK_CHILD_LIST (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  if (self->items != NULL)
    g_signal_handlers_disconnect_by_data (self->items, self);
  g_clear_object (&self->items);

  G_OBJECT_CLASS (bk_child_list_parent_class)->dispose (object);
}

static void
bk_child_list_class_init (BkChildListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_child_list_dispose;
}

static void
bk_child_list_init (BkChildList *self)
{
}

/**
 * bk_child_list_new:
 *
 * Returns: (transfer full): the children of @store, kept up to date
 */
BkChildList *
bk_child_list_new (BkStore  *store,
                   GError  **error)
{
  g_autoptr (BkChildList) self = g_object_new (BK_TYPE_CHILD_LIST, NULL);

  self->items = bk_child_load_all (store, error);
  if (self->items == NULL)
    return NULL;
  self->store = g_object_ref (store);
  g_signal_connect (self->items, "items-changed", G_CALLBACK (items_changed_cb), self);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  return g_steal_pointer (&self);
}
