/* bk-window.c
 * The main window: the five sections, toasts, window-wide actions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bk-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-children-page.h"
#include "bk-clock.h"
#include "bk-cycle-dialog.h"
#include "bk-session-dialog.h"
#include "bk-export.h"
#include "bk-ics.h"
#include "bk-import-dialog.h"
#include "bk-parents-page.h"
#include "bk-section-placeholder.h"
#include "bk-today-page.h"
#include "bk-plain-dialog.h"
#include "bk-training-page.h"
#include "bk-current-staff.h"
#include "bk-window.h"

struct _BkWindow
{
  AdwApplicationWindow  parent_instance;

  BkStore              *store;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
  BkChildrenPage       *children_page;
  BkParentsPage        *parents_page;
  BkTodayPage          *today_page;
  BkTrainingPage       *training_page;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget            *switcher_bar;
  GtkRevealer          *demo_bar;
};

G_DEFINE_FINAL_TYPE (BkWindow, bk_window, ADW_TYPE_APPLICATION_WINDOW)

enum { PROP_0, PROP_STORE, PROP_DEMO, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
section_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  /* An intern reaches the practice room only. */
  if (bk_current_staff_is_intern (self->store) && !g_str_equal (name, "training"))
    return;
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* The window actions that reach family data. */
static const char * const family_actions[] = {
  "win.import", "win.new-cycle", "win.enter-session", "win.export", "win.export-calendar",
  "win.plain-summary",
};

/* Interns see training only: no section switcher, and no actions on
 * family data, while an intern is the one using Betrokken. (Hiding the
 * stack's pages instead trips libadwaita 1.2 when the window goes.) */
static void
staff_changed_cb (BkWindow *self)
{
  gboolean intern = bk_current_staff_is_intern (self->store);

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !intern);
  gtk_widget_set_visible (self->switcher_bar, !intern);
  for (guint i = 0; i < G_N_ELEMENTS (family_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), family_actions[i], !intern);
  if (intern)
    adw_view_stack_set_visible_child_name (self->stack, "training");
}

static void
show_error (BkWindow   *self,
            const char *heading,
            const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
imported_cb (BkImportDialog *dialog,
             const char     *what,
             BkWindow       *self)
{
  /* Translators: "Imported: 23 children, 35 parents" */
  bk_window_add_toast (self, adw_toast_new_format (_("Imported: %s"), what));
}

/**
 * bk_window_import_file:
 *
 * Reads and checks a class list and shows it in the import dialog; a file
 * that cannot be read at all gets a message instead.
 */
void
bk_window_import_file (BkWindow *self,
                       GFile    *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autofree char *data = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *country = g_settings_get_string (self->settings, "phone-country");
  BkImport *import;
  BkImportDialog *dialog;
  gsize length = 0;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      show_error (self, _("The file cannot be read"), error->message);
      return;
    }
  import = bk_import_prepare (self->store, data, length,
                              g_str_equal (country, "be") ? BK_COUNTRY_BE : BK_COUNTRY_NL,
                              now, &error);
  if (import == NULL)
    {
      show_error (self, _("This file cannot be imported"), error->message);
      return;
    }
  dialog = bk_import_dialog_new (GTK_WINDOW (self), import, name);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    BkWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      bk_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Class List"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets saved as CSV"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * bk_window_export_to:
 *
 * Writes parents and contacts as CSV into @folder and says so in a toast.
 */
gboolean
bk_window_export_to (BkWindow *self,
                     GFile    *folder)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (folder);

  if (path == NULL || !bk_export_to_folder (self->store, path, &error))
    {
      show_error (self, _("The export could not be written"),
                  error ? error->message : _("Choose a folder on this computer."));
      return FALSE;
    }
  bk_window_add_toast (self, adw_toast_new_format (_("Parents and contacts exported to %s"), path));
  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    BkWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      bk_window_export_to (self, folder);
    }
  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export to a Folder"), GTK_WINDOW (widget),
                                 GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * bk_window_export_calendar:
 *
 * Writes the planned conversations as an iCalendar file and says so.
 */
gboolean
bk_window_export_calendar (BkWindow *self,
                           GFile    *file)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL || !bk_ics_write_planned (self->store, now, path, &error))
    {
      show_error (self, _("The calendar could not be written"),
                  error ? error->message : _("Choose a place on this computer."));
      return FALSE;
    }
  bk_window_add_toast (self, adw_toast_new_format (_("Planned conversations written to %s"), path));
  return TRUE;
}

static void
calendar_response_cb (GtkNativeDialog *chooser,
                      int              response,
                      BkWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      bk_window_export_calendar (self, file);
    }
  g_object_unref (chooser);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Export Planned Conversations"), GTK_WINDOW (widget),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));

  /* Translators: the file name of the calendar export */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("parent-conversations.ics"));
  g_signal_connect (chooser, "response", G_CALLBACK (calendar_response_cb), widget);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * bk_window_write_summary:
 * @event_id: the evening or meeting; 0 for the latest that took place
 *
 * Opens the plain-language summary for the parents of that evening or
 * meeting: the one written before, or a new one from the template.
 *
 * Returns: (transfer none): the editor
 */
BkPlainDialog *
bk_window_write_summary (BkWindow *self,
                         gint64    event_id)
{
  BkPlainDialog *dialog = bk_plain_dialog_new_summary (GTK_WINDOW (self), self->store, event_id);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
plain_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  bk_window_write_summary (BK_WINDOW (widget), g_variant_get_int64 (param));
}

static void
cycle_saved_cb (BkCycleDialog *dialog,
                const char    *name,
                BkWindow      *self)
{
  /* Translators: "Traject voorjaar 2027 added" */
  bk_window_add_toast (self, adw_toast_new_format (_("%s added"), name));
}

static void
new_cycle_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkCycleDialog *dialog = bk_cycle_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (cycle_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
session_saved_cb (BkSessionDialog *dialog,
                  const char      *message,
                  BkWindow        *self)
{
  bk_window_add_toast (self, adw_toast_new (message));
}

static void
enter_session_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BkWindow *self = BK_WINDOW (widget);
  BkSessionDialog *dialog = bk_session_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (session_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
bk_window_close_request (GtkWindow *window)
{
  BkWindow *self = BK_WINDOW (window);

  /* The children page saves an edit in progress or asks about it first. */
  if (!bk_children_page_can_close (self->children_page))
    return TRUE;

  return GTK_WINDOW_CLASS (bk_window_parent_class)->close_request (window);
}

static void
bk_window_constructed (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  G_OBJECT_CLASS (bk_window_parent_class)->constructed (object);

  bk_children_page_set_store (self->children_page, self->store);
  bk_parents_page_set_store (self->parents_page, self->store);
  bk_today_page_set_store (self->today_page, self->store);
  bk_training_page_set_store (self->training_page, self->store);

  g_signal_connect_object (self->settings, "changed::staff-id", G_CALLBACK (staff_changed_cb), self,
                           G_CONNECT_SWAPPED);
  staff_changed_cb (self);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  if (DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
}

static void
bk_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BkWindow *self = BK_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_DEMO:
      gtk_revealer_set_reveal_child (self->demo_bar, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_window_dispose (GObject *object)
{
  BkWindow *self = BK_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (bk_window_parent_class)->dispose (object);
}

static void
bk_window_class_init (BkWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bk_window_constructed;
  object_class->set_property = bk_window_set_property;
  object_class->dispose = bk_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bk_window_close_request;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, BK_TYPE_STORE,
                                                G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_DEMO] = g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                                                G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BK_TYPE_CHILDREN_PAGE);
  g_type_ensure (BK_TYPE_PARENTS_PAGE);
  g_type_ensure (BK_TYPE_SECTION_PLACEHOLDER);
  g_type_ensure (BK_TYPE_TODAY_PAGE);
  g_type_ensure (BK_TYPE_TRAINING_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/betrokken/Betrokken/ui/bk-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, children_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, parents_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, today_page);

  gtk_widget_class_bind_template_child (widget_class, BkWindow, training_page);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BkWindow, demo_bar);

  gtk_widget_class_install_action (widget_class, "win.section", "s", section_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.new-cycle", NULL, new_cycle_action);
  gtk_widget_class_install_action (widget_class, "win.enter-session", NULL, enter_session_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-calendar", NULL, export_calendar_action);
  gtk_widget_class_install_action (widget_class, "win.plain-summary", "x", plain_summary_action);
}

static void
bk_window_init (BkWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (BASE_ID);
}

/**
 * bk_window_new:
 * @store: the open database the window shows
 */
BkWindow *
bk_window_new (BkApplication *app,
               BkStore       *store)
{
  return g_object_new (BK_TYPE_WINDOW,
                       "application", app,
                       "store", store,
                       "demo", app != NULL && bk_application_is_demo (app),
                       NULL);
}

BkStore *
bk_window_get_store (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);
  return self->store;
}

/* The name of the section on screen: "children", "parents", ... */
const char *
bk_window_get_section (BkWindow *self)
{
  g_return_val_if_fail (BK_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

/**
 * bk_window_add_toast:
 * @toast: (transfer full): the toast to show
 */
void
bk_window_add_toast (BkWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (BK_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Opens a reminder's record: the child's form, else the parent's page. */
gboolean
bk_window_show_record (BkWindow *self,
                       gint64    child_id,
                       gint64    parent_id)
{
  if (bk_current_staff_is_intern (self->store))
    return FALSE;
  if (child_id != 0)
    {
      adw_view_stack_set_visible_child_name (self->stack, "children");
      return bk_children_page_show_child (self->children_page, child_id);
    }
  if (parent_id != 0)
    {
      adw_view_stack_set_visible_child_name (self->stack, "parents");
      return bk_parents_page_show_parent (self->parents_page, parent_id);
    }
  return FALSE;
}
