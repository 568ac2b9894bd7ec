/* bk-parents-page.c
 * The Parents section: all parents, or those not reached, beside one parent.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Not reached" is the list the studies asked for: parents of children in
 * care now without a two-way contact for the weeks set in Preferences. It
 * is recomputed whenever a contact is logged, so a parent leaves the list
 * the moment the teacher logs the call.
 */
#define G_LOG_DOMAIN "bk-parents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-attendance-dialog.h"
#include "bk-clock.h"
#include "bk-form.h"
#include "bk-parent-detail.h"
#include "bk-parents-page.h"
#include "bk-reach.h"
#include "bk-start-info.h"
#include "bk-window.h"

struct _BkParentsPage
{
  AdwBin              parent_instance;

  BkStore            *store;
  GSettings          *settings;
  GListStore         *parents;
  GListStore         *reach;
  GtkCustomFilter    *filter;
  char               *query;
  gboolean            loaded;      /* lists are read when first shown */

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkToggleButton    *all_button;
  GtkToggleButton    *reach_button;
  GtkDropDown        *reach_kind;
  GtkStack           *list_stack;
  GtkSingleSelection *parents_selection;
  GtkFilterListModel *parents_filter;
  GtkSingleSelection *reach_selection;
  AdwStatusPage      *all_reached_page;
  GtkLabel           *count_label;
  BkParentDetail     *detail;
};

G_DEFINE_FINAL_TYPE (BkParentsPage, bk_parents_page, ADW_TYPE_BIN)

static gboolean
match_parent (gpointer item,
              gpointer user_data)
{
  return bk_parent_matches (BK_PARENT (item), BK_PARENTS_PAGE (user_data)->query);
}

static guint
weeks (BkParentsPage *self)
{
  return (guint) g_settings_get_int (self->settings, "not-reached-weeks");
}

static void
update_view (BkParentsPage *self)
{
  gboolean reach_view = gtk_toggle_button_get_active (self->reach_button);
  guint total = self->parents ? g_list_model_get_n_items (G_LIST_MODEL (self->parents)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->parents_filter));
  guint not_reached = self->reach ? g_list_model_get_n_items (G_LIST_MODEL (self->reach)) : 0;
  g_autofree char *text = NULL;

  if (reach_view)
    {
      guint kind = gtk_drop_down_get_selected (self->reach_kind);
      g_autofree char *all_reached = kind == 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "Every parent of a child in care now had a two-way contact in the last week.",
                                        "Every parent of a child in care now had a two-way contact in the last %u weeks.",
                                        weeks (self)), weeks (self))
        : g_strdup (_("Nobody on this list: good."));

      adw_status_page_set_description (self->all_reached_page, all_reached);
      gtk_stack_set_visible_child_name (self->list_stack, not_reached == 0 ? "all-reached" : "reach");
      if (kind == 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u parent without a two-way contact for %u weeks or more",
                                             "%u parents without a two-way contact for %u weeks or more",
                                             not_reached), not_reached, weeks (self));
      else if (kind == 1)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u family where only one parent is reached",
                                             "%u families where only one parent is reached",
                                             not_reached), not_reached);
      else if (kind == 2)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u parent who never came to an event",
                                             "%u parents who never came to an event",
                                             not_reached), not_reached);
      else if (kind == 4)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u family did not confirm the start information",
                                             "%u families did not confirm the start information",
                                             not_reached), not_reached);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%u family, fewest positive contacts first",
                                             "%u families, fewest positive contacts first",
                                             not_reached), not_reached);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->list_stack,
                                        total == 0 ? "empty" : shown == 0 ? "no-results" : "all");
      if (shown == total)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u parent", "%u parents", total), total);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u parent", "%u of %u parents",
                                             total), shown, total);
    }
  gtk_label_set_text (self->count_label, text);
}

static void
reload_reach (BkParentsPage *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->reach);
  switch (gtk_drop_down_get_selected (self->reach_kind))
    {
    case 1:
      self->reach = bk_reach_one_parent_only (self->store, now, &error);
      break;
    case 2:
      self->reach = bk_reach_never_attend (self->store, now, &error);
      break;
    case 3:
      self->reach = bk_reach_tone_balance (self->store, now, &error);
      break;
    case 4:
      self->reach = bk_start_info_unconfirmed (self->store, now, &error);
      break;
    default:
      self->reach = bk_reach_not_reached (self->store, now, weeks (self), &error);
    }
  if (self->reach == NULL)
    {
      g_warning ("Could not find who is not reached: %s", error->message);
      self->reach = g_list_store_new (BK_TYPE_REACH);
    }
  gtk_single_selection_set_model (self->reach_selection, G_LIST_MODEL (self->reach));
  update_view (self);
}

static guint
position_of_parent (GListModel *model,
                    gint64      parent_id)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkParent) parent = g_list_model_get_item (model, i);
      if (bk_parent_get_id (parent) == parent_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
reload_parents (BkParentsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) fresh = bk_parent_load_all (self->store, &error);
  BkParent *shown = bk_parent_detail_get_parent (self->detail);
  gint64 shown_id = shown ? bk_parent_get_id (shown) : 0;

  if (fresh == NULL)
    {
      g_warning ("Could not load the parents: %s", error->message);
      return;
    }
  g_set_object (&self->parents, fresh);
  gtk_filter_list_model_set_model (self->parents_filter, G_LIST_MODEL (self->parents));
  if (shown_id != 0)
    {
      guint pos = position_of_parent (G_LIST_MODEL (self->parents), shown_id);
      g_autoptr (BkParent) again = pos != GTK_INVALID_LIST_POSITION
                                   ? g_list_model_get_item (G_LIST_MODEL (self->parents), pos) : NULL;
      bk_parent_detail_show (self->detail, again);
    }
  update_view (self);
}

static void
store_changed_cb (BkStore       *store,
                  const char    *table,
                  gint64         row_id,
                  BkParentsPage *self)
{
  if (!self->loaded)
    return;
  if (g_str_equal (table, "contacts") || g_str_equal (table, "start_info"))
    reload_reach (self);
  else if (g_str_equal (table, "parents") || g_str_equal (table, "children") ||
           g_str_equal (table, "*"))
    {
      reload_parents (self);
      reload_reach (self);
    }
}

static void
search_changed_cb (BkParentsPage *self)
{
  g_free (self->query);
  self->query = bk_search_fold_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  /* Searching is searching all parents. */
  if (*self->query != '\0')
    gtk_toggle_button_set_active (self->all_button, TRUE);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
reach_kind_changed_cb (BkParentsPage *self)
{
  if (self->loaded)
    reload_reach (self);
}

static void
view_toggled_cb (BkParentsPage *self)
{
  update_view (self);
}

static void
show_parent (BkParentsPage *self,
             BkParent      *parent)
{
  if (parent == NULL)
    return;
  bk_parent_detail_show (self->detail, parent);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
parent_selected_cb (BkParentsPage *self)
{
  show_parent (self, gtk_single_selection_get_selected_item (self->parents_selection));
}

static void
reach_selected_cb (BkParentsPage *self)
{
  BkReach *reach = gtk_single_selection_get_selected_item (self->reach_selection);
  guint pos;

  if (reach == NULL || self->parents == NULL)
    return;
  pos = position_of_parent (G_LIST_MODEL (self->parents), bk_reach_get_parent_id (reach));
  if (pos != GTK_INVALID_LIST_POSITION)
    {
      g_autoptr (BkParent) parent = g_list_model_get_item (G_LIST_MODEL (self->parents), pos);
      show_parent (self, parent);
    }
}

static void
contact_logged_cb (BkParentsPage *self,
                   const char    *what,
                   const char    *who)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BK_TYPE_WINDOW);

  /* Translators: "Phone call with Sandra de Vries logged" */
  if (window != NULL)
    bk_window_add_toast (BK_WINDOW (window), adw_toast_new_format (_("%s with %s logged"), what, who));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  adw_leaflet_navigate (BK_PARENTS_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
attendance_saved_cb (BkAttendanceDialog *dialog,
                     const char         *title,
                     BkParentsPage      *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BK_TYPE_WINDOW);

  if (window != NULL)
    /* Translators: "Attendance for Ouderbijeenkomst saved" */
    bk_window_add_toast (BK_WINDOW (window), adw_toast_new_format (_("Attendance for %s saved"), title));
}

static void
attendance_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BkParentsPage *self = BK_PARENTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  BkAttendanceDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = bk_attendance_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (attendance_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BkParentsPage *self = BK_PARENTS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
weeks_changed_cb (BkParentsPage *self)
{
  if (self->loaded)
    reload_reach (self);
}

static void
load (BkParentsPage *self)
{
  if (self->loaded || self->store == NULL)
    return;
  self->loaded = TRUE;
  reload_parents (self);
  reload_reach (self);
}

/* Reading every parent costs time the first frame should not wait for:
 * the section loads when it is first shown. */
static void
bk_parents_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bk_parents_page_parent_class)->map (widget);
  load (BK_PARENTS_PAGE (widget));
}

static void
bk_parents_page_dispose (GObject *object)
{
  BkParentsPage *self = BK_PARENTS_PAGE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PARENTS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->parents);
  g_clear_object (&self->reach);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (bk_parents_page_parent_class)->dispose (object);
}

static void
bk_parents_page_class_init (BkParentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_parents_page_dispose;
  widget_class->map = bk_parents_page_map;

  g_type_ensure (BK_TYPE_PARENT);
  g_type_ensure (BK_TYPE_REACH);
  g_type_ensure (BK_TYPE_PARENT_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-parents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, all_button);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, reach_button);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, reach_kind);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, parents_selection);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, parents_filter);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, reach_selection);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, all_reached_page);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BkParentsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, reach_kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, parent_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, reach_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, contact_logged_cb);

  gtk_widget_class_install_action (widget_class, "parents.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "parents.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "parents.attendance", NULL, attendance_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "parents.search", NULL);
}

static void
bk_parents_page_init (BkParentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_swapped (self->settings, "changed::not-reached-weeks",
                            G_CALLBACK (weeks_changed_cb), self);
  self->filter = gtk_custom_filter_new (match_parent, self, NULL);
  gtk_filter_list_model_set_filter (self->parents_filter, GTK_FILTER (self->filter));
  g_signal_connect_swapped (self->parents_filter, "items-changed", G_CALLBACK (update_view), self);
}

/**
 * bk_parents_page_set_store:
 *
 * Shows the parents of @store and follows its changes.
 */
void
bk_parents_page_set_store (BkParentsPage *self,
                           BkStore       *store)
{
  g_return_if_fail (BK_IS_PARENTS_PAGE (self));

  g_set_object (&self->store, store);
  bk_parent_detail_set_store (self->detail, store);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  self->loaded = FALSE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
}

/**
 * bk_parents_page_show_parent:
 *
 * Shows the page of the parent @parent_id, as if chosen in the list.
 *
 * Returns: %FALSE when there is no such parent
 */
gboolean
bk_parents_page_show_parent (BkParentsPage *self,
                             gint64         parent_id)
{
  guint pos;
  g_autoptr (BkParent) parent = NULL;

  if (self->parents == NULL)
    load (self);
  if (self->parents == NULL)
    return FALSE;
  pos = position_of_parent (G_LIST_MODEL (self->parents), parent_id);
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  parent = g_list_model_get_item (G_LIST_MODEL (self->parents), pos);
  show_parent (self, parent);
  return TRUE;
}
