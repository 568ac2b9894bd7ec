/* bk-attendance-dialog.c
 * Tick who came to an event, all at once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The latest event that took place is chosen first; the list shows the
 * parents of its cycle with a check box each, marked as recorded before.
 * "Everyone present" then unticking the few who did not come is the quick
 * way through a meeting of 32 parents.
 */
#define G_LOG_DOMAIN "bk-attendance-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-attendance-dialog.h"
#include "bk-clock.h"
#include "bk-current-staff.h"
#include "bk-event.h"

struct _BkAttendanceDialog
{
  AdwWindow    parent_instance;

  BkStore     *store;
  GListStore  *events;
  GListStore  *sheet;

  GtkStack    *stack;
  AdwComboRow *event_row;
  GtkLabel    *count_label;
  GtkListBox  *sheet_list;
  GtkLabel    *error_label;
};

G_DEFINE_FINAL_TYPE (BkAttendanceDialog, bk_attendance_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_count (BkAttendanceDialog *self)
{
  guint n = self->sheet ? g_list_model_get_n_items (G_LIST_MODEL (self->sheet)) : 0;
  guint present = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkAttendee) a = g_list_model_get_item (G_LIST_MODEL (self->sheet), i);
      present += bk_attendee_get_present (a);
    }
  /* Translators: "12 of 32 parents present" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u parent present",
                                       "%u of %u parents present", n), present, n);
  gtk_label_set_text (self->count_label, text);
}

static void
check_toggled_cb (GtkCheckButton     *check,
                  BkAttendanceDialog *self)
{
  BkAttendee *a = g_object_get_data (G_OBJECT (check), "attendee");

  bk_attendee_set_present (a, gtk_check_button_get_active (check));
  update_count (self);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  BkAttendee *a = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_attendee_get_name (a));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bk_attendee_get_children (a));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), bk_attendee_get_present (a));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  bk_attendee_get_name (a), -1);
  g_object_set_data_full (G_OBJECT (check), "attendee", g_object_ref (a), g_object_unref);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), user_data);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  return row;
}

static void
load_sheet (BkAttendanceDialog *self)
{
  BkEvent *event = adw_combo_row_get_selected_item (self->event_row);
  g_autoptr (GError) error = NULL;

  g_clear_object (&self->sheet);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  if (event == NULL)
    return;
  self->sheet = bk_event_load_sheet (self->store, bk_event_get_id (event), &error);
  if (self->sheet == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  gtk_list_box_bind_model (self->sheet_list, G_LIST_MODEL (self->sheet), create_row, self, NULL);
  update_count (self);
}

static void
event_selected_cb (BkAttendanceDialog *self)
{
  load_sheet (self);
}

static void
mark_all (BkAttendanceDialog *self,
          gboolean            present)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sheet_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row));
      if (GTK_IS_CHECK_BUTTON (check))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), present);
    }
}

static void
all_present_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  mark_all (BK_ATTENDANCE_DIALOG (widget), TRUE);
}

static void
none_present_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  mark_all (BK_ATTENDANCE_DIALOG (widget), FALSE);
}

/**
 * bk_attendance_dialog_save:
 *
 * Returns: %TRUE when saved (and the dialog closed)
 */
gboolean
bk_attendance_dialog_save (BkAttendanceDialog *self)
{
  BkEvent *event = adw_combo_row_get_selected_item (self->event_row);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  if (event == NULL || self->sheet == NULL)
    return FALSE;
  if (!bk_event_save_attendance (self->store, bk_event_get_id (event), G_LIST_MODEL (self->sheet),
                                 bk_current_staff_id (self->store), now, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, bk_event_get_title (event));
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bk_attendance_dialog_save (BK_ATTENDANCE_DIALOG (widget));
}

static void
bk_attendance_dialog_dispose (GObject *object)
{
  BkAttendanceDialog *self = BK_ATTENDANCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_ATTENDANCE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->events);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (bk_attendance_dialog_parent_class)->dispose (object);
}

static void
bk_attendance_dialog_class_init (BkAttendanceDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_attendance_dialog_dispose;

  /**
   * BkAttendanceDialog::saved:
   * @title: the event's title, for a toast
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BK_TYPE_EVENT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-attendance-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkAttendanceDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BkAttendanceDialog, event_row);
  gtk_widget_class_bind_template_child (widget_class, BkAttendanceDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, BkAttendanceDialog, sheet_list);
  gtk_widget_class_bind_template_child (widget_class, BkAttendanceDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, event_selected_cb);

  gtk_widget_class_install_action (widget_class, "attendance.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "attendance.all-present", NULL, all_present_action);
  gtk_widget_class_install_action (widget_class, "attendance.none-present", NULL, none_present_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "attendance.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_attendance_dialog_init (BkAttendanceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

BkAttendanceDialog *
bk_attendance_dialog_new (GtkWindow *parent,
                          BkStore   *store)
{
  BkAttendanceDialog *self = g_object_new (BK_TYPE_ATTENDANCE_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  gboolean any;

  self->store = g_object_ref (store);
  self->events = bk_event_load_held (store, now, &error);
  any = self->events != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->events)) > 0;
  gtk_stack_set_visible_child_name (self->stack, any ? "sheet" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "attendance.save", any);
  if (any)
    {
      adw_combo_row_set_model (self->event_row, G_LIST_MODEL (self->events));
      load_sheet (self);
    }
  return self;
}
