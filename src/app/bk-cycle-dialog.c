/* bk-cycle-dialog.c
 * A new cycle (with its fixed moments) or living group.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bk-cycle-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-clock.h"
#include "bk-cycle.h"
#include "bk-cycle-dialog.h"
#include "bk-field-errors.h"

struct _BkCycleDialog
{
  AdwWindow      parent_instance;

  BkStore       *store;

  AdwComboRow   *kind_row;
  AdwEntryRow   *name_row;
  AdwActionRow  *name_error;
  AdwEntryRow   *start_row;
  AdwActionRow  *start_error;
  AdwActionRow  *sessions_row;
  GtkSpinButton *sessions_spin;
  AdwEntryRow   *year_row;
  AdwActionRow  *year_error;
  GtkLabel      *moments_label;
};

G_DEFINE_FINAL_TYPE (BkCycleDialog, bk_cycle_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
is_cycle (BkCycleDialog *self)
{
  return adw_combo_row_get_selected (self->kind_row) == 0;
}

static void
kind_changed_cb (BkCycleDialog *self)
{
  gboolean cycle = is_cycle (self);

  gtk_widget_set_visible (GTK_WIDGET (self->sessions_row), cycle);
  gtk_widget_set_visible (GTK_WIDGET (self->moments_label), cycle);
  gtk_widget_set_visible (GTK_WIDGET (self->year_row), !cycle);
  if (!cycle)
    gtk_widget_set_visible (GTK_WIDGET (self->year_error), FALSE);
}

/**
 * bk_cycle_dialog_save:
 *
 * Returns: %TRUE when added (and the dialog closed); refusals show under
 *   their fields and nothing is written
 */
gboolean
bk_cycle_dialog_save (BkCycleDialog *self)
{
  g_autoptr (BkCycleDraft) draft = bk_cycle_draft_new (is_cycle (self) ? "cycle" : "living-group",
                                                       gtk_spin_button_get_value_as_int (self->sessions_spin));
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  const BkFieldWidgets fields[] = {
    { "name", GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error) },
    { "start-date", GTK_WIDGET (self->start_row), GTK_WIDGET (self->start_error) },
    { "school-year", GTK_WIDGET (self->year_row), GTK_WIDGET (self->year_error) },
  };
  g_autofree char *name = NULL;

  draft->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  draft->start_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  if (!is_cycle (self))
    draft->school_year = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->year_row)));
  problems = bk_cycle_draft_validate (draft);
  bk_field_errors_show (fields, G_N_ELEMENTS (fields), problems);
  if (problems->len > 0)
    return FALSE;
  if (!bk_cycle_save (self->store, draft, now, NULL, &error))
    {
      g_autoptr (GPtrArray) failure = bk_form_errors_new ();
      bk_form_refuse (failure, "name", g_strdup (error->message));
      bk_field_errors_show (fields, G_N_ELEMENTS (fields), failure);
      return FALSE;
    }
  name = g_strstrip (g_strdup (draft->name));
  g_signal_emit (self, signals[SAVED], 0, name);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bk_cycle_dialog_save (BK_CYCLE_DIALOG (widget));
}

static void
bk_cycle_dialog_dispose (GObject *object)
{
  BkCycleDialog *self = BK_CYCLE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CYCLE_DIALOG);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bk_cycle_dialog_parent_class)->dispose (object);
}

static void
bk_cycle_dialog_class_init (BkCycleDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_cycle_dialog_dispose;

  /**
   * BkCycleDialog::saved:
   * @name: the new group's name, for a toast
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-cycle-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BkCycleDialog, name)
  BIND (kind_row);
  BIND (name_row);
  BIND (name_error);
  BIND (start_row);
  BIND (start_error);
  BIND (sessions_row);
  BIND (sessions_spin);
  BIND (year_row);
  BIND (year_error);
  BIND (moments_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);

  gtk_widget_class_install_action (widget_class, "cycle.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "cycle.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_cycle_dialog_init (BkCycleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The number of sessions starts at the default from Preferences. */
BkCycleDialog *
bk_cycle_dialog_new (GtkWindow *parent,
                     BkStore   *store)
{
  BkCycleDialog *self = g_object_new (BK_TYPE_CYCLE_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);

  self->store = g_object_ref (store);
  gtk_spin_button_set_value (self->sessions_spin, g_settings_get_int (settings, "default-session-count"));
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return self;
}
