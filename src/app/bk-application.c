/* bk-application.c
 * The application: options, the open database, app-wide actions.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The database is opened when the first window is needed. If it cannot be
 * opened (damaged, another program's, written by a newer Betrokken) the user
 * gets a dialog that says why and what to do, and the file is not touched.
 * --demo opens a throw-away database in the temporary folder, filled with
 * invented families, removed again when the program ends.
 */
#define G_LOG_DOMAIN "bk-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-application.h"
#include "bk-child.h"
#include "bk-background.h"
#include "bk-clock.h"
#include "bk-demo.h"
#include "bk-export.h"
#include "bk-import.h"
#include "bk-notifier.h"
#include "bk-preferences-window.h"
#include "bk-window.h"

struct _BkApplication
{
  AdwApplication  parent_instance;
  BkStore        *store;
  char           *database_path;
  char           *demo_dir;
  gboolean        demo;
  gboolean        background;   /* started by --background: no window */
  gboolean        held;         /* kept running for the reminders */
  GSettings      *settings;
  BkNotifier     *notifier;
  guint           deliver_id;
};

/* Due reminders are looked for this often while Betrokken runs. */
#define DELIVER_SECONDS (10 * 60)

G_DEFINE_FINAL_TYPE (BkApplication, bk_application, ADW_TYPE_APPLICATION)

static const GOptionEntry options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in FILE instead of the usual one"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a throw-away database with invented families, to look around"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import children and parents from a CSV file, then quit"), N_("FILE") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export parents and contacts as CSV files into FOLDER, then quit"), N_("FOLDER") },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window, only to deliver reminders"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

static BkStore *open_store (BkApplication *self, GError **error);

static BkCountry
phone_country (void)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  g_autofree char *code = g_settings_get_string (settings, "phone-country");
  return g_str_equal (code, "be") ? BK_COUNTRY_BE : BK_COUNTRY_NL;
}

/* betrokken --import FILE: the same checks as in the program; on any
 * problem nothing is written, every problem is listed, and the exit
 * status is 1. */
static int
import_file (BkStore    *store,
             const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (BkImport) import = NULL;
  g_autofree char *data = NULL;
  g_autofree char *summary = NULL;
  gsize length = 0;
  GPtrArray *problems;

  if (!g_file_get_contents (path, &data, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  import = bk_import_prepare (store, data, length, phone_country (), now, &error);
  if (import == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }
  problems = bk_import_get_problems (import);
  for (guint i = 0; i < problems->len; i++)
    {
      BkImportProblem *p = g_ptr_array_index (problems, i);
      /* Translators: "data.csv, line 3, “E-mail”: ..." */
      g_printerr (_("%s, line %u, “%s”: %s\n"), path, p->line, p->column, p->message);
    }
  if (!bk_import_commit (import, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  summary = bk_import_describe (import);
  g_print (_("Imported: %s\n"), summary);
  return 0;
}

static int
run_command (BkApplication *self,
             const char    *import_path,
             const char    *export_folder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = open_store (self, &error);
  int status = 0;

  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (import_path != NULL)
    status = import_file (store, import_path);
  if (status == 0 && export_folder != NULL)
    {
      if (!bk_export_to_folder (store, export_folder, &error))
        {
          g_printerr ("%s\n", error->message);
          status = 1;
        }
      else
        g_print (_("Exported to %s\n"), export_folder);
    }
  return status;
}

static int
bk_application_handle_local_options (GApplication *app,
                                     GVariantDict *dict)
{
  BkApplication *self = BK_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_contains (dict, "version"))
    {
      g_print ("betrokken %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (dict, "database", "^&ay", &path))
    self->database_path = g_canonicalize_filename (path, NULL);
  self->demo = g_variant_dict_contains (dict, "demo");
  self->background = g_variant_dict_contains (dict, "background");

  {
    g_autofree char *import_path = NULL;
    g_autofree char *export_folder = NULL;
    const char *value;

    if (g_variant_dict_lookup (dict, "import", "^&ay", &value))
      import_path = g_canonicalize_filename (value, NULL);
    if (g_variant_dict_lookup (dict, "export", "^&ay", &value))
      export_folder = g_canonicalize_filename (value, NULL);
    if (import_path != NULL || export_folder != NULL)
      return run_command (self, import_path, export_folder);
  }

  /* A --database or --demo run is its own instance, so that it never hands
   * its options to a Betrokken that already runs with other data. */
  if (self->database_path != NULL || self->demo)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static BkStore *
open_demo (BkApplication  *self,
           GError        **error)
{
  g_autoptr (BkStore) store = NULL;
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autofree char *path = NULL;
  BkDemoSize size = BK_DEMO_SIZE_DEMO;

  self->demo_dir = g_dir_make_tmp ("betrokken-demo-XXXXXX", error);
  if (self->demo_dir == NULL)
    return NULL;
  path = g_build_filename (self->demo_dir, "demo.db", NULL);
  store = bk_store_open (path, error);
  if (store == NULL || !bk_demo_fill (store, &size, now, error))
    return NULL;
  /* Look around as the first teacher of the demo (settings are in memory). */
  {
    g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
    g_settings_set_int64 (settings, "staff-id", 1);
  }
  return g_steal_pointer (&store);
}

static BkStore *
open_store (BkApplication  *self,
            GError        **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr (BkStore) store = NULL;

  if (self->demo)
    return open_demo (self, error);

  path = self->database_path ? g_strdup (self->database_path) : bk_store_default_path ();
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (errno));
      return NULL;
    }

  store = bk_store_open (path, error);
  if (store == NULL)
    return NULL;

  /* Children whose undo toast never ended (the program was closed or
   * crashed meanwhile) are erased now, as the user asked. */
  bk_child_purge_deleted (store, NULL);
  return g_steal_pointer (&store);
}

static void
error_dialog_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          BkApplication    *self)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
show_open_error (BkApplication *self,
                 GError        *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("The database cannot be opened"),
                                                       error->message));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Betrokken"));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  g_signal_connect (dialog, "response", G_CALLBACK (error_dialog_response_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
deliver_now (BkApplication *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  BkReminderRules rules;

  if (self->notifier == NULL || !g_settings_get_boolean (self->settings, "notifications"))
    return;
  bk_reminder_rules_from_settings (&rules, self->settings);
  if (bk_notifier_deliver (self->notifier, &rules, now, &error) == 0 && error != NULL)
    g_debug ("No reminders delivered: %s", error->message);
}

static gboolean
deliver_cb (gpointer data)
{
  deliver_now (BK_APPLICATION (data));
  return G_SOURCE_CONTINUE;
}

static gboolean
first_delivery_cb (gpointer data)
{
  BkApplication *self = BK_APPLICATION (data);

  deliver_now (self);
  self->deliver_id = g_timeout_add_seconds (DELIVER_SECONDS, deliver_cb, self);
  return G_SOURCE_REMOVE;
}

static BkWindow *
ensure_window (BkApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (!BK_IS_WINDOW (window))
    window = GTK_WINDOW (bk_window_new (self, self->store));
  gtk_window_present (window);
  return BK_WINDOW (window);
}

/* Open in a notification: the child, the parent, or (for several at
 * once) the list of what is due. */
static void
notifier_open_cb (BkNotifier    *notifier,
                  gint64         child_id,
                  gint64         parent_id,
                  BkApplication *self)
{
  BkWindow *window = ensure_window (self);

  if (!bk_window_show_record (window, child_id, parent_id))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "conversations");
}

/* Reminders come while Betrokken runs: from the store's opening on, a
 * first time shortly after the start and then every ten minutes. */
static void
start_reminders (BkApplication *self)
{
  if (self->notifier != NULL || self->store == NULL)
    return;
  self->notifier = bk_notifier_new (self->store);
  g_signal_connect (self->notifier, "open", G_CALLBACK (notifier_open_cb), self);
  self->deliver_id = g_timeout_add_seconds (5, first_delivery_cb, self);
}

/* "Keep running when the window is closed" holds the application. */
static void
update_hold (BkApplication *self)
{
  gboolean keep = self->background || g_settings_get_boolean (self->settings, "run-in-background");

  if (keep && !self->held)
    g_application_hold (G_APPLICATION (self));
  else if (!keep && self->held)
    g_application_release (G_APPLICATION (self));
  self->held = keep;
}

static void
settings_changed_cb (GSettings     *settings,
                     const char    *key,
                     BkApplication *self)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (key, "run-in-background"))
    update_hold (self);
  else if (g_str_equal (key, "autostart") && !self->demo &&
           !bk_background_set_autostart (g_settings_get_boolean (settings, "autostart"), &error))
    g_message ("%s", error->message);
}

static void
bk_application_activate (GApplication *app)
{
  BkApplication *self = BK_APPLICATION (app);
  g_autoptr (GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    self->store = open_store (self, &error);
  if (self->store == NULL)
    {
      show_open_error (self, error);
      return;
    }

  start_reminders (self);
  update_hold (self);
  /* At login: only the reminders, no window until one is opened. */
  if (self->background)
    {
      self->background = FALSE;
      return;
    }
  window = GTK_WINDOW (bk_window_new (self, self->store));
  gtk_window_present (window);
}

/* betrokken FILE.csv: check the class list in the import dialog. */
static void
bk_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window;

  bk_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (!BK_IS_WINDOW (window))
    return;
  for (int i = 0; i < n_files; i++)
    bk_window_import_file (BK_WINDOW (window), files[i]);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing through the windows lets each one finish what it holds. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Betrokken team"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Betrokken"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Betrokken team"),
                        "version", PACKAGE_VERSION,
                        "comments", _("For the staff of learning centres and boarding schools "
                                      "who work with parents: follow each child’s learning goal, "
                                      "know every family, prepare and log parent conversations, "
                                      "and practise them in role-play."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  BkPreferencesWindow *prefs = bk_preferences_window_new (gtk_application_get_active_window (app));

  gtk_window_present (GTK_WINDOW (prefs));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static void
bk_application_startup (GApplication *app)
{
  BkApplication *self = BK_APPLICATION (app);
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.enter-session", { "<Control>e", NULL } },
    { "win.section::children", { "<Alt>1", NULL } },
    { "win.section::parents", { "<Alt>2", NULL } },
    { "win.section::conversations", { "<Alt>3", NULL } },
    { "win.section::training", { "<Alt>4", NULL } },
    { "win.section::overview", { "<Alt>5", NULL } },
  };

  G_APPLICATION_CLASS (bk_application_parent_class)->startup (app);

  self->settings = g_settings_new (BASE_ID);
  g_signal_connect (self->settings, "changed", G_CALLBACK (settings_changed_cb), self);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
remove_demo_dir (const char *dir)
{
  const char *names[] = { "demo.db", "demo.db-wal", "demo.db-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
bk_application_shutdown (GApplication *app)
{
  BkApplication *self = BK_APPLICATION (app);

  g_clear_handle_id (&self->deliver_id, g_source_remove);
  g_clear_object (&self->notifier);
  if (self->store != NULL)
    bk_child_purge_deleted (self->store, NULL);
  g_clear_object (&self->store);
  if (self->demo_dir != NULL)
    remove_demo_dir (self->demo_dir);

  G_APPLICATION_CLASS (bk_application_parent_class)->shutdown (app);
}

static void
bk_application_finalize (GObject *object)
{
  BkApplication *self = BK_APPLICATION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->database_path);
  g_free (self->demo_dir);

  G_OBJECT_CLASS (bk_application_parent_class)->finalize (object);
}

static void
bk_application_class_init (BkApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = bk_application_finalize;
  app_class->handle_local_options = bk_application_handle_local_options;
  app_class->startup = bk_application_startup;
  app_class->activate = bk_application_activate;
  app_class->open = bk_application_open;
  app_class->shutdown = bk_application_shutdown;
}

static void
bk_application_init (BkApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Parental involvement for learning centres "
                                              "and boarding schools."));
}

BkApplication *
bk_application_new (void)
{
  return g_object_new (BK_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", "/nl/betrokken/Betrokken",
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

gboolean
bk_application_is_demo (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), FALSE);
  return self->demo;
}

/**
 * bk_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open database
 */
BkStore *
bk_application_get_store (BkApplication *self)
{
  g_return_val_if_fail (BK_IS_APPLICATION (self), NULL);
  return self->store;
}
