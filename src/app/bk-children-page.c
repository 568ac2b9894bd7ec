/* bk-children-page.c
 * The Children section: a searchable list of children beside the form of one.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is a BkChildList (which follows the store) under a filter that
 * matches every typed word against name, group, coach and goal, and the
 * filters of the popover: group, goal status, "no entry for the last
 * session" and "report due". The last two are sets of children computed
 * in core for today, again whenever sessions or reports change. Leaving a child
 * with unsaved changes saves them; if they cannot be saved the form stays,
 * with its messages, so nothing typed is lost.
 */
#define G_LOG_DOMAIN "bk-children-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-child-editor.h"
#include "bk-child-list.h"
#include "bk-children-page-private.h"
#include "bk-clock.h"
#include "bk-lookup.h"
#include "bk-report.h"
#include "bk-session.h"
#include "bk-window.h"

struct _BkChildrenPage
{
  AdwBin              parent_instance;

  BkStore            *store;
  BkChildList        *children;
  GtkCustomFilter    *filter;
  char               *query;       /* folded, see bk_search_fold_query() */
  gboolean            updating;    /* selection changes made by this code */
  AdwToast           *undo_toast;  /* weak */
  GArray             *cycle_ids;   /* of gint64, per cycle_filter item; -1: all */
  GHashTable         *missing;     /* child ids: NULL unless that filter is on */
  GHashTable         *report_due;  /* child ids: NULL unless that filter is on */

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkLabel           *count_label;
  AdwStatusPage      *no_results_page;
  GtkMenuButton      *filter_button;
  GtkDropDown        *cycle_filter;
  GtkDropDown        *goal_filter;
  GtkCheckButton     *missing_check;
  GtkCheckButton     *report_check;
  BkChildEditor      *editor;
};

enum { GOAL_ANY, GOAL_NONE, GOAL_ACTIVE, GOAL_CLOSED };

G_DEFINE_FINAL_TYPE (BkChildrenPage, bk_children_page, ADW_TYPE_BIN)

static gboolean
match_child (gpointer item,
             gpointer user_data)
{
  BkChildrenPage *self = user_data;
  BkChild *child = BK_CHILD (item);
  gint64 id = bk_child_get_id (child);
  guint cycle = gtk_drop_down_get_selected (self->cycle_filter);
  const char *status = bk_child_get_goal_status (child);

  if (self->cycle_ids != NULL && cycle < self->cycle_ids->len &&
      g_array_index (self->cycle_ids, gint64, cycle) != -1 &&
      g_array_index (self->cycle_ids, gint64, cycle) != bk_child_get_cycle_id (child))
    return FALSE;
  switch (gtk_drop_down_get_selected (self->goal_filter))
    {
    case GOAL_NONE:
      if (status != NULL)
        return FALSE;
      break;
    case GOAL_ACTIVE:
      if (g_strcmp0 (status, "active") != 0)
        return FALSE;
      break;
    case GOAL_CLOSED:
      if (status == NULL || g_str_equal (status, "active"))
        return FALSE;
      break;
    default:
      break;
    }
  if (self->missing != NULL && !g_hash_table_contains (self->missing, &id))
    return FALSE;
  if (self->report_due != NULL && !g_hash_table_contains (self->report_due, &id))
    return FALSE;
  return bk_child_matches (child, self->query);
}

static gboolean
filtering (BkChildrenPage *self)
{
  return gtk_drop_down_get_selected (self->cycle_filter) > 0 ||
         gtk_drop_down_get_selected (self->goal_filter) != GOAL_ANY ||
         self->missing != NULL || self->report_due != NULL;
}

/* The sets behind the two checks, for today; NULL when a check is off. */
static void
compute_sets (BkChildrenPage *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->missing, g_hash_table_unref);
  g_clear_pointer (&self->report_due, g_hash_table_unref);
  if (self->store == NULL)
    return;
  if (gtk_check_button_get_active (self->missing_check))
    self->missing = bk_session_missing_children (self->store, now, &error);
  if (error == NULL && gtk_check_button_get_active (self->report_check))
    self->report_due = bk_report_due_children (self->store, now, &error);
  if (error != NULL)
    g_warning ("Could not filter the children: %s", error->message);
}

static void
filters_changed_cb (BkChildrenPage *self)
{
  if (self->filter == NULL)   /* still building the template */
    return;
  compute_sets (self);
  if (filtering (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  adw_status_page_set_description (self->no_results_page,
                                   filtering (self)
                                   ? _("No child matches the filters. Change them, or show everyone.")
                                   : _("Check the spelling, or search for a group, a coach or a word of the goal."));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The groups to filter on: every group, no group, then each cycle. */
static void
load_cycle_filter (BkChildrenPage *self)
{
  g_autoptr (GListStore) cycles = bk_lookup_cycles (self->store, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gint64 chosen = -1, every = -1;
  guint selected = 0;

  if (self->cycle_ids != NULL && gtk_drop_down_get_selected (self->cycle_filter) < self->cycle_ids->len)
    chosen = g_array_index (self->cycle_ids, gint64, gtk_drop_down_get_selected (self->cycle_filter));
  g_clear_pointer (&self->cycle_ids, g_array_unref);
  self->cycle_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_string_list_append (names, _("Every group"));
  g_array_append_val (self->cycle_ids, every);
  for (guint i = 0; cycles != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (cycles)); i++)
    {
      g_autoptr (BkLookup) cycle = g_list_model_get_item (G_LIST_MODEL (cycles), i);
      gint64 id = bk_lookup_get_id (cycle);

      if (id == chosen)
        selected = self->cycle_ids->len;
      gtk_string_list_append (names, bk_lookup_get_name (cycle));
      g_array_append_val (self->cycle_ids, id);
    }
  g_signal_handlers_block_by_func (self->cycle_filter, filters_changed_cb, self);
  gtk_drop_down_set_model (self->cycle_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->cycle_filter, selected);
  g_signal_handlers_unblock_by_func (self->cycle_filter, filters_changed_cb, self);
}

static void
store_changed_cb (BkStore        *store,
                  const char     *table,
                  gint64          row_id,
                  BkChildrenPage *self)
{
  gboolean all = g_str_equal (table, "*");

  if (all || g_str_equal (table, "cycles"))
    load_cycle_filter (self);
  if ((self->missing != NULL || self->report_due != NULL) &&
      (all || g_str_equal (table, "session_entries") || g_str_equal (table, "reports") ||
       g_str_equal (table, "children") || g_str_equal (table, "cycles")))
    filters_changed_cb (self);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BkChildrenPage *self = BK_CHILDREN_PAGE (widget);

  g_signal_handlers_block_by_func (self->cycle_filter, filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->goal_filter, filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->missing_check, filters_changed_cb, self);
  g_signal_handlers_block_by_func (self->report_check, filters_changed_cb, self);
  gtk_drop_down_set_selected (self->cycle_filter, 0);
  gtk_drop_down_set_selected (self->goal_filter, GOAL_ANY);
  gtk_check_button_set_active (self->missing_check, FALSE);
  gtk_check_button_set_active (self->report_check, FALSE);
  g_signal_handlers_unblock_by_func (self->cycle_filter, filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->goal_filter, filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->missing_check, filters_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->report_check, filters_changed_cb, self);
  filters_changed_cb (self);
}

static void
update_count (BkChildrenPage *self)
{
  guint total = self->children ? g_list_model_get_n_items (G_LIST_MODEL (self->children)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u child", "%u children", total), total);
  else
    text = g_strdup_printf (ngettext ("%u of %u child", "%u of %u children", total), shown, total);
  gtk_label_set_text (self->count_label, text);

  gtk_stack_set_visible_child_name (self->list_stack,
                                    total == 0 ? "empty" : shown == 0 ? "no-results" : "list");
}

static void
filter_items_changed_cb (BkChildrenPage *self)
{
  update_count (self);
}

static void
search_changed_cb (BkChildrenPage *self)
{
  g_autofree char *query = bk_search_fold_query (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  /* Typing on only narrows the list; deleting only widens it. Telling the
   * filter so lets it look at fewer children. */
  if (g_str_has_prefix (query, self->query))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->query, query))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static guint
position_of (BkChildrenPage *self,
             gint64          child_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkChild) child = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);
      if (bk_child_get_id (child) == child_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
select_child (BkChildrenPage *self,
              gint64          child_id)
{
  guint position = position_of (self, child_id);

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
show_toast (BkChildrenPage *self,
            const char     *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BK_TYPE_WINDOW);

  if (window != NULL)
    bk_window_add_toast (BK_WINDOW (window), adw_toast_new (message));
}

static void
selected_item_cb (BkChildrenPage *self)
{
  BkChild *child = gtk_single_selection_get_selected_item (self->selection);

  /* A change of the model (a save re-sorting the list) can take the
   * selection away; the form keeps what it shows. */
  if (self->updating || child == NULL)
    return;
  if (bk_child_get_id (child) == bk_child_editor_get_child_id (self->editor) &&
      bk_child_editor_get_child_id (self->editor) != 0)
    {
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      return;
    }

  if (!bk_child_editor_leave (self->editor))
    {
      g_autofree char *message =
        g_strdup_printf (_("The changes to “%s” are not saved yet: correct the marked fields, or undo the changes."),
                         bk_child_editor_get_title (self->editor));
      select_child (self, bk_child_editor_get_child_id (self->editor));
      show_toast (self, message);
      return;
    }

  bk_child_editor_edit (self->editor, child);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
editor_saved_cb (BkChildrenPage *self,
                 gint64          child_id)
{
  select_child (self, child_id);
}

static void
editor_failed_cb (BkChildrenPage *self,
                  const char     *message)
{
  show_toast (self, message);
}

static void
undo_clicked_cb (AdwToast       *toast,
                 BkChildrenPage *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "child-id"));
  g_autoptr (GError) error = NULL;

  if (!bk_child_undelete (self->store, id, &error))
    {
      show_toast (self, error->message);
      return;
    }
  select_child (self, id);
  {
    BkChild *child = gtk_single_selection_get_selected_item (self->selection);
    if (child != NULL)
      bk_child_editor_edit (self->editor, child);
  }
}

static void
undo_dismissed_cb (AdwToast *toast,
                   BkStore  *store)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "child-id"));
  g_autoptr (GError) error = NULL;

  /* Undo was not chosen (or was, and the child is no longer deleted, in
   * which case this erases nothing). */
  if (!bk_child_purge (store, id, &error))
    g_debug ("Could not erase child %" G_GINT64_FORMAT ": %s", id, error->message);
}

static void
editor_deleted_cb (BkChildrenPage *self,
                   gint64          child_id,
                   const char     *name)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BK_TYPE_WINDOW);
  AdwToast *toast = adw_toast_new_format (_("“%s” deleted"), name);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (toast), "child-id", GSIZE_TO_POINTER ((gsize) child_id));
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_dismissed_cb), self->store, 0);
  g_set_weak_pointer (&self->undo_toast, toast);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  if (window != NULL)
    bk_window_add_toast (BK_WINDOW (window), toast);
  else
    g_object_unref (toast);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  BkChildrenPage *self = BK_CHILDREN_PAGE (widget);

  if (!bk_child_editor_leave (self->editor))
    return;
  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  bk_child_editor_edit (self->editor, NULL);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BkChildrenPage *self = BK_CHILDREN_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  adw_leaflet_navigate (BK_CHILDREN_PAGE (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
bk_children_page_dispose (GObject *object)
{
  BkChildrenPage *self = BK_CHILDREN_PAGE (object);

  g_clear_weak_pointer (&self->undo_toast);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_pointer (&self->cycle_ids, g_array_unref);
  g_clear_pointer (&self->missing, g_hash_table_unref);
  g_clear_pointer (&self->report_due, g_hash_table_unref);
  /* AdwBin keeps a pointer to its child: drop the child through it before
   * the template goes, or AdwBin unparents a freed widget later. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CHILDREN_PAGE);
  g_clear_object (&self->children);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (bk_children_page_parent_class)->dispose (object);
}

static void
bk_children_page_class_init (BkChildrenPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_children_page_dispose;

  g_type_ensure (BK_TYPE_CHILD);
  g_type_ensure (BK_TYPE_CHILD_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-children-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, selection);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, editor);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, cycle_filter);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, goal_filter);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, missing_check);
  gtk_widget_class_bind_template_child (widget_class, BkChildrenPage, report_check);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_deleted_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_failed_cb);

  gtk_widget_class_install_action (widget_class, "children.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "children.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "children.show-list", NULL, show_list_action);
  gtk_widget_class_install_action (widget_class, "children.clear-filters", NULL, clear_filters_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "children.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "children.search", NULL);
}

static void
bk_children_page_init (BkChildrenPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->query = g_strdup ("");
  self->filter = gtk_custom_filter_new (match_child, self, NULL);
  gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (filter_items_changed_cb), self);
  update_count (self);
}

/**
 * bk_children_page_set_store:
 *
 * Shows the children of @store; the list follows later changes by itself.
 */
void
bk_children_page_set_store (BkChildrenPage *self,
                            BkStore        *store)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (BK_IS_CHILDREN_PAGE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  load_cycle_filter (self);
  g_clear_object (&self->children);
  self->children = bk_child_list_new (store, &error);
  if (self->children == NULL)
    {
      g_warning ("Could not load the children: %s", error->message);
      return;
    }
  gtk_filter_list_model_set_model (self->filter_model, G_LIST_MODEL (self->children));
  bk_child_editor_set_store (self->editor, store);
  update_count (self);
}

static gboolean
close_window_idle (gpointer window)
{
  gtk_window_close (GTK_WINDOW (window));
  return G_SOURCE_REMOVE;
}

static void
close_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          BkChildrenPage   *self)
{
  if (g_str_equal (response, "discard"))
    {
      GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);

      bk_child_editor_discard (self->editor);
      /* Not from inside the response: the dialog still refers to its
       * parent window until it is done closing itself. */
      if (window != NULL)
        g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_window_idle,
                         g_object_ref (window), g_object_unref);
    }
}

/**
 * bk_children_page_can_close:
 *
 * Saves an edit in progress. When it cannot be saved, asks whether to
 * discard it, and returns %FALSE: the window stays until the user chose.
 */
gboolean
bk_children_page_can_close (BkChildrenPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);
  AdwMessageDialog *dialog;

  if (bk_child_editor_leave (self->editor))
    return TRUE;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (window),
                                                       _("Discard Unsaved Changes?"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("The changes to “%s” cannot be saved until the marked fields are correct."),
                                  bk_child_editor_get_title (self->editor));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard Changes"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect (dialog, "response", G_CALLBACK (close_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

/* For tests: the toast that offers to undo the last deletion, if showing. */
AdwToast *
bk_children_page_get_undo_toast (BkChildrenPage *self)
{
  return self->undo_toast;
}

/**
 * bk_children_page_show_child:
 *
 * Opens the form of @child_id, as if chosen in the list; filters and the
 * search are cleared first so the child is in it. Changes to the child
 * on the form now are saved first, as when choosing in the list.
 *
 * Returns: %FALSE when the child is not there or the form could not be left
 */
gboolean
bk_children_page_show_child (BkChildrenPage *self,
                             gint64          child_id)
{
  BkChild *child;

  if (!bk_child_editor_leave (self->editor))
    return FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  clear_filters_action (GTK_WIDGET (self), NULL, NULL);
  g_free (self->query);
  self->query = g_strdup ("");
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
  select_child (self, child_id);
  child = gtk_single_selection_get_selected_item (self->selection);
  if (child == NULL)
    return FALSE;
  bk_child_editor_edit (self->editor, child);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return TRUE;
}
