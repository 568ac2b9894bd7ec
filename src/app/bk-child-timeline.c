/* bk-child-timeline.c
 * Everything that happened with one child, newest first, filterable.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The moments come from core (bk_timeline_load) in one query; a choice in
 * "Show" loads again with that kind only. A GtkListView makes rows only for
 * what is on screen, so a child with years of sessions opens as fast as a
 * new one. The timeline loads when it is shown, and again when something
 * about the child changes while it is.
 */
#define G_LOG_DOMAIN "bk-child-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-child-timeline.h"
#include "bk-date.h"
#include "bk-session-row.h"
#include "bk-timeline.h"

/* A moment as a list item. */
#define BK_TYPE_MOMENT (bk_moment_get_type ())
G_DECLARE_FINAL_TYPE (BkMoment, bk_moment, BK, MOMENT, GObject)

struct _BkMoment
{
  GObject         parent_instance;
  BkTimelineItem *item;
};

G_DEFINE_FINAL_TYPE (BkMoment, bk_moment, G_TYPE_OBJECT)

static void
bk_moment_finalize (GObject *object)
{
  g_clear_pointer (&BK_MOMENT (object)->item, bk_timeline_item_free);
  G_OBJECT_CLASS (bk_moment_parent_class)->finalize (object);
}

static void
bk_moment_class_init (BkMomentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bk_moment_finalize;
}

static void
bk_moment_init (BkMoment *self)
{
}

struct _BkChildTimeline
{
  AdwBin       parent_instance;

  BkStore     *store;
  gint64       child_id;
  gboolean     stale;       /* the child changed while not shown */

  GtkDropDown *kind_filter;
  GtkLabel    *count_label;
  GtkStack    *stack;
  GtkListView *list_view;
  GListStore  *items;
};

G_DEFINE_FINAL_TYPE (BkChildTimeline, bk_child_timeline, ADW_TYPE_BIN)

/* In the order of the "Show" list. */
static const guint kinds_shown[] = {
  BK_TIMELINE_ALL,
  BK_TIMELINE_SESSION,
  BK_TIMELINE_GOAL | BK_TIMELINE_STEP,
  BK_TIMELINE_REPORT,
  BK_TIMELINE_HANDLE,
  BK_TIMELINE_CONTACT,
  BK_TIMELINE_GROUP,
};

static void
load (BkChildTimeline *self)
{
  g_autoptr (GPtrArray) moments = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree gpointer *objects = NULL;
  g_autofree char *count = NULL;
  guint selected = gtk_drop_down_get_selected (self->kind_filter);
  guint n = 0;

  self->stale = FALSE;
  if (self->store != NULL && self->child_id != 0)
    {
      moments = bk_timeline_load (self->store, self->child_id,
                                  kinds_shown[MIN (selected, G_N_ELEMENTS (kinds_shown) - 1)], &error);
      if (moments == NULL)
        g_warning ("Could not read the timeline: %s", error->message);
    }
  n = moments != NULL ? moments->len : 0;
  objects = g_new0 (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    {
      BkMoment *moment = g_object_new (BK_TYPE_MOMENT, NULL);

      moment->item = g_ptr_array_index (moments, i);
      objects[i] = moment;
    }
  if (moments != NULL)
    g_ptr_array_set_free_func (moments, NULL);
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), objects, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (objects[i]);

  count = g_strdup_printf (ngettext ("%u moment", "%u moments", n), n);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static void
kind_changed_cb (BkChildTimeline *self)
{
  if (self->items != NULL)
    load (self);
}

static void
store_changed_cb (BkStore         *store,
                  const char      *table,
                  gint64           row_id,
                  BkChildTimeline *self)
{
  if (self->child_id == 0)
    return;
  /* Cheaper to read one child's moments again than to work out whether a
   * change touched them; but only when they are on screen. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->stale = TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *day = gtk_label_new (NULL);
  GtkWidget *detail = gtk_inscription_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (day, "dim-label");
  gtk_widget_set_valign (day, GTK_ALIGN_START);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (detail), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_yalign (GTK_INSCRIPTION (detail), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (detail), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (top), day);
  gtk_box_append (GTK_BOX (text), top);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_box_append (GTK_BOX (row), icon);
  gtk_box_append (GTK_BOX (row), text);
  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  gtk_list_item_set_child (list_item, row);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  BkMoment *moment = gtk_list_item_get_item (list_item);
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GtkWidget *icon = gtk_widget_get_first_child (row);
  GtkWidget *text = gtk_widget_get_next_sibling (icon);
  GtkWidget *top = gtk_widget_get_first_child (text);
  GtkWidget *title = gtk_widget_get_first_child (top);
  GtkWidget *day = gtk_widget_get_next_sibling (title);
  GtkWidget *detail = gtk_widget_get_next_sibling (top);
  g_autofree char *shown_day = bk_date_format_user (moment->item->day);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), moment->item->icon_name);
  gtk_inscription_set_text (GTK_INSCRIPTION (title), moment->item->title);
  gtk_label_set_text (GTK_LABEL (day), shown_day);
  gtk_inscription_set_text (GTK_INSCRIPTION (detail), moment->item->detail);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (detail), bk_estimate_lines (moment->item->detail, 8));
  gtk_widget_set_visible (detail, moment->item->detail != NULL && *moment->item->detail != '\0');
}

static void
bk_child_timeline_map (GtkWidget *widget)
{
  BkChildTimeline *self = BK_CHILD_TIMELINE (widget);

  GTK_WIDGET_CLASS (bk_child_timeline_parent_class)->map (widget);
  if (self->stale)
    load (self);
}

static void
bk_child_timeline_dispose (GObject *object)
{
  BkChildTimeline *self = BK_CHILD_TIMELINE (object);

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CHILD_TIMELINE);
  G_OBJECT_CLASS (bk_child_timeline_parent_class)->dispose (object);
}

static void
bk_child_timeline_class_init (BkChildTimelineClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_child_timeline_dispose;
  widget_class->map = bk_child_timeline_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-child-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, BkChildTimeline, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, BkChildTimeline, count_label);
  gtk_widget_class_bind_template_child (widget_class, BkChildTimeline, stack);
  gtk_widget_class_bind_template_child (widget_class, BkChildTimeline, list_view);
  gtk_widget_class_bind_template_child (widget_class, BkChildTimeline, items);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
}

static void
bk_child_timeline_init (BkChildTimeline *self)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}

void
bk_child_timeline_set_store (BkChildTimeline *self,
                             BkStore         *store)
{
  g_return_if_fail (BK_IS_CHILD_TIMELINE (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
}

/* Shows @child_id's moments (0: none); read now if on screen, else when shown. */
void
bk_child_timeline_show_child (BkChildTimeline *self,
                              gint64           child_id)
{
  g_return_if_fail (BK_IS_CHILD_TIMELINE (self));

  self->child_id = child_id;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->stale = TRUE;
}

guint
bk_child_timeline_get_n_items (BkChildTimeline *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

/* Shows only the moments of @kinds (a BkTimelineKind set offered in "Show"). */
void
bk_child_timeline_set_kinds (BkChildTimeline *self,
                             guint            kinds)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds_shown); i++)
    if (kinds_shown[i] == kinds)
      gtk_drop_down_set_selected (self->kind_filter, i);
}
