/* bk-today-page.c
 * What is due today: reminders grouped by rule, with Open, Snooze and Done.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are in core (bk_reminders_due) and read their settings from
 * Preferences. The page reads them when it is shown, and again when the
 * store changes while it is (after an idle, so a burst of changes reads
 * once); hidden, it holds nothing, so it costs the rest of the window
 * nothing. A group shows its first GROUP_ROWS reminders and a Show All
 * button: a large centre's first day can have hundreds. Done and Snooze
 * write at once; the row goes with the next read.
 */
#define G_LOG_DOMAIN "bk-today-page"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-clock.h"
#include "bk-conversation.h"
#include "bk-current-staff.h"
#include "bk-self-check-chart.h"
#include "bk-date.h"
#include "bk-lookup.h"
#include "bk-notifier.h"
#include "bk-reminders.h"
#include "bk-today-page.h"
#include "bk-window.h"

struct _BkTodayPage
{
  AdwBin      parent_instance;

  BkStore    *store;
  GSettings  *settings;
  GPtrArray  *groups;      /* the AdwPreferencesGroups shown */
  GPtrArray  *rows;        /* their rows */
  guint       n_due;
  guint       reload_id;
  guint       show_all;    /* BkReminderKind bits whose groups show every row */

  GtkStack   *stack;
  GtkBox     *groups_box;
  GtkLabel   *heading_label;
};

G_DEFINE_FINAL_TYPE (BkTodayPage, bk_today_page, ADW_TYPE_BIN)

#define GROUP_ROWS 25


static void reload (BkTodayPage *self);

static void
show_all_clicked_cb (GtkButton   *button,
                     BkTodayPage *self)
{
  self->show_all |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "kind"));
  reload (self);
}

static void
report_problem (BkTodayPage *self,
                const char  *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BK_TYPE_WINDOW);

  if (window != NULL)
    bk_window_add_toast (BK_WINDOW (window), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
done_clicked_cb (GtkButton   *button,
                 BkTodayPage *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  if (!bk_reminder_done (self->store, g_object_get_data (G_OBJECT (button), "key"), now, &error))
    report_problem (self, error->message);
  reload (self);
}

static void
snooze_clicked_cb (GtkButton   *button,
                   BkTodayPage *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  if (!bk_reminder_snooze (self->store, g_object_get_data (G_OBJECT (button), "key"), now, &error))
    report_problem (self, error->message);
  reload (self);
}

static void
open_clicked_cb (GtkButton   *button,
                 BkTodayPage *self)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BK_TYPE_WINDOW);

  gint64 summary_event = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "summary-event"));

  if (window == NULL)
    return;
  if (summary_event != 0)
    bk_window_write_summary (BK_WINDOW (window), summary_event);
  else
    bk_window_show_record (BK_WINDOW (window),
                           (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "child-id")),
                           (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "parent-id")));
}

static GtkWidget *
row_button (BkTodayPage *self,
            const char  *icon,
            const char  *tooltip,
            const char  *key,
            GCallback    callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "key", g_strdup (key), g_free);
  g_signal_connect (button, "clicked", callback, self);
  return button;
}

static GtkWidget *
reminder_row (BkTodayPage      *self,
              const BkReminder *r,
              const char       *today)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *due = bk_date_format_user (r->due_on);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  if (g_strcmp0 (r->due_on, today) < 0)
    /* Translators: a reminder's due day in the past */
    when = g_strdup_printf (_("since %s"), due);
  else
    when = g_strdup (_("today"));
  subtitle = r->body != NULL ? g_strdup_printf ("%s · %s", r->body, when) : g_steal_pointer (&when);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* A summary reminder opens the summary of the earlier meeting. */
  if (r->child_id != 0 || r->parent_id != 0 || (r->kind == BK_REMINDER_SUMMARY && r->record_id != 0))
    {
      GtkWidget *open = row_button (self, "go-next-symbolic", _("Open"), r->key, G_CALLBACK (open_clicked_cb));

      g_object_set_data (G_OBJECT (open), "child-id", GSIZE_TO_POINTER ((gsize) r->child_id));
      g_object_set_data (G_OBJECT (open), "parent-id", GSIZE_TO_POINTER ((gsize) r->parent_id));
      if (r->kind == BK_REMINDER_SUMMARY)
        g_object_set_data (G_OBJECT (open), "summary-event", GSIZE_TO_POINTER ((gsize) r->record_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             row_button (self, "alarm-symbolic", _("Snooze a Day"), r->key,
                                         G_CALLBACK (snooze_clicked_cb)));
  {
    GtkWidget *done = row_button (self, "object-select-symbolic", _("Done"), r->key, G_CALLBACK (done_clicked_cb));

    adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);
    g_object_set_data (G_OBJECT (row), "done-button", done);
  }
  return row;
}

static void
draw_trend (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  GArray *trend = data;
  GdkRGBA colour;
  BkChartColour ink;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &colour);
  ink = (BkChartColour) { colour.red, colour.green, colour.blue };
  bk_self_check_chart_draw (trend, cr, width, height, &ink);
}

/* The self-checks of @staff over time, as a chart; FALSE when there are
 * none to show. */
static gboolean
add_trend (BkTodayPage *self,
           gint64       staff,
           const char  *title)
{
  GArray *trend = bk_self_check_trend (self->store, staff, NULL);
  GtkWidget *group, *area;
  g_autofree char *description = NULL;
  guint checks = 0;

  if (trend == NULL || trend->len == 0)
    {
      g_clear_pointer (&trend, g_array_unref);
      return FALSE;
    }
  for (guint i = 0; i < trend->len; i++)
    checks += g_array_index (trend, BkSelfCheckPoint, i).n_checks;
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  description = g_strdup_printf (ngettext ("%u conversation looked back on, 1 to 5",
                                           "%u conversations looked back on, 1 to 5", checks), checks);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  area = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area), 220);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_trend, trend, (GDestroyNotify) g_array_unref);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), area);
  gtk_box_append (self->groups_box, group);
  g_ptr_array_add (self->groups, group);
  return TRUE;
}

/* The self-checks of whoever uses Betrokken here, over time: how their
 * conversation craft grows. A teacher mentors the interns, so a teacher
 * also sees each intern's; an intern sees only their own. */
static gboolean
add_trends (BkTodayPage *self)
{
  gint64 me = bk_current_staff_id (self->store);
  g_autoptr (GListStore) staff = NULL;
  gboolean any = FALSE;
  guint n;

  if (me == 0)
    return FALSE;
  any = add_trend (self, me, _("Your Self-Checks"));
  if (bk_current_staff_is_intern (self->store))
    return any;
  staff = bk_lookup_staff (self->store, NULL);
  n = staff != NULL ? g_list_model_get_n_items (G_LIST_MODEL (staff)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkLookup) person = g_list_model_get_item (G_LIST_MODEL (staff), i);
      g_autofree char *role = bk_lookup_staff_role (self->store, bk_lookup_get_id (person));
      g_autofree char *title = NULL;

      if (bk_lookup_get_id (person) == me || g_strcmp0 (role, "intern") != 0)
        continue;
      /* Translators: a chart for the intern's mentor; %s is "Lotte Brouwer (intern)" */
      title = g_strdup_printf (_("Self-Checks of %s"), bk_lookup_get_name (person));
      any |= add_trend (self, bk_lookup_get_id (person), title);
    }
  return any;
}

static void
reload (BkTodayPage *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) due = NULL;
  g_autofree char *today = bk_date_iso_from_datetime (now);
  g_autofree char *heading = NULL;
  BkReminderRules rules;
  gboolean any_trend;

  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
  self->n_due = 0;
  if (self->store == NULL)
    return;
  bk_reminder_rules_from_settings (&rules, self->settings);
  due = bk_reminders_due (self->store, &rules, now, &error);
  if (due == NULL)
    {
      report_problem (self, error->message);
      return;
    }
  self->n_due = due->len;
  for (guint k = 0; k < BK_REMINDER_N_KINDS; k++)
    {
      BkReminderKind kind = bk_reminder_kind_nth (k);
      GtkWidget *group = NULL;
      guint shown = 0, total = 0;

      for (guint i = 0; i < due->len; i++)
        {
          BkReminder *r = g_ptr_array_index (due, i);

          if (r->kind != kind)
            continue;
          total++;
          if (shown >= GROUP_ROWS && !(self->show_all & kind))
            continue;
          shown++;
          if (group == NULL)
            {
              group = adw_preferences_group_new ();
              adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), bk_reminder_kind_label (kind));
              gtk_box_append (self->groups_box, group);
              g_ptr_array_add (self->groups, group);
            }
          {
            GtkWidget *row = reminder_row (self, r, today);

            adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
            g_ptr_array_add (self->rows, row);
          }
        }
      if (shown < total)
        {
          g_autofree char *label = g_strdup_printf (ngettext ("Show All %u", "Show All %u", total), total);
          GtkWidget *more = gtk_button_new_with_label (label);

          gtk_widget_set_valign (more, GTK_ALIGN_CENTER);
          g_object_set_data (G_OBJECT (more), "kind", GUINT_TO_POINTER (kind));
          g_signal_connect (more, "clicked", G_CALLBACK (show_all_clicked_cb), self);
          adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), more);
        }
    }
  any_trend = add_trends (self);
  heading = due->len > 0
            ? g_strdup_printf (ngettext ("%u thing to do today", "%u things to do today", due->len), due->len)
            : g_strdup (_("Nothing Due Today"));
  gtk_label_set_text (self->heading_label, heading);
  gtk_stack_set_visible_child_name (self->stack, due->len > 0 || any_trend ? "list" : "empty");
}

static gboolean
reload_idle (gpointer data)
{
  BkTodayPage *self = data;

  self->reload_id = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (BkStore     *store,
                  const char  *table,
                  gint64       row_id,
                  BkTodayPage *self)
{
  if (self->reload_id == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->reload_id = g_idle_add (reload_idle, self);
}

static void
settings_changed_cb (BkTodayPage *self)
{
  store_changed_cb (NULL, NULL, 0, self);
}

/**
 * bk_today_page_get_titles:
 *
 * Returns: (transfer full): the titles of the groups shown, in order
 */
GStrv
bk_today_page_get_titles (BkTodayPage *self)
{
  g_autoptr (GStrvBuilder) titles = g_strv_builder_new ();

  g_return_val_if_fail (BK_IS_TODAY_PAGE (self), NULL);

  for (guint i = 0; i < self->groups->len; i++)
    g_strv_builder_add (titles, adw_preferences_group_get_title (g_ptr_array_index (self->groups, i)));
  return g_strv_builder_end (titles);
}

static void
bk_today_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (bk_today_page_parent_class)->map (widget);
  /* A new day may have begun since the last read. */
  reload (BK_TODAY_PAGE (widget));
}

/* Hidden, the page keeps no rows: the window lays out faster without. */
static void
bk_today_page_unmap (GtkWidget *widget)
{
  BkTodayPage *self = BK_TODAY_PAGE (widget);

  GTK_WIDGET_CLASS (bk_today_page_parent_class)->unmap (widget);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (self->groups_box, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->rows, 0);
}

static void
bk_today_page_dispose (GObject *object)
{
  BkTodayPage *self = BK_TODAY_PAGE (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_TODAY_PAGE);
  G_OBJECT_CLASS (bk_today_page_parent_class)->dispose (object);
}

static void
bk_today_page_class_init (BkTodayPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_today_page_dispose;
  widget_class->map = bk_today_page_map;
  widget_class->unmap = bk_today_page_unmap;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-today-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BkTodayPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BkTodayPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, BkTodayPage, heading_label);
}

static void
bk_today_page_init (BkTodayPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  self->settings = g_settings_new (BASE_ID);
  g_signal_connect_swapped (self->settings, "changed", G_CALLBACK (settings_changed_cb), self);
}

void
bk_today_page_set_store (BkTodayPage *self,
                         BkStore     *store)
{
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
}

guint
bk_today_page_get_n_due (BkTodayPage *self)
{
  return self->n_due;
}

/**
 * bk_today_page_mark_done:
 * @title: the title of a reminder on the page
 *
 * Presses Done on that reminder's row, as a user would (for tests).
 *
 * Returns: %FALSE when no row has that title
 */
gboolean
bk_today_page_mark_done (BkTodayPage *self,
                         const char  *title)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0)
        {
          g_signal_emit_by_name (g_object_get_data (G_OBJECT (row), "done-button"), "clicked");
          return TRUE;
        }
    }
  return FALSE;
}
