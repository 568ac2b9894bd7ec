/* test-notify.c
 * Reminders reach the desktop: a real notification server on the session
 * bus (a small one, here, in its own thread) receives what Betrokken sends,
 * and pressing "Done" in it updates the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Run under dbus-run-session (the test command does): the server owns
 * org.freedesktop.Notifications on that private bus. libnotify calls it
 * synchronously, so it answers from a thread with its own main context.
 */
#include <gio/gio.h>
#include <libnotify/notify.h>

#include "bk-background.h"
#include "bk-clock.h"
#include "bk-notifier.h"
#include "bk-test-util.h"

static const char introspection[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  " <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  " <method name='Notify'>"
  "  <arg type='s' direction='in'/><arg type='u' direction='in'/><arg type='s' direction='in'/>"
  "  <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='as' direction='in'/>"
  "  <arg type='a{sv}' direction='in'/><arg type='i' direction='in'/><arg type='u' direction='out'/>"
  " </method>"
  " <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  " <method name='GetServerInformation'>"
  "  <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "  <arg type='s' direction='out'/><arg type='s' direction='out'/>"
  " </method>"
  " <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  " <signal name='NotificationClosed'><arg type='u'/><arg type='u'/></signal>"
  "</interface></node>";

/* What the server received: one GVariant (the Notify arguments) a call. */
typedef struct
{
  GMutex           lock;
  GCond            ready_cond;
  gboolean         ready;
  GPtrArray       *received;
  GDBusConnection *connection;
  GMainContext    *context;
  GMainLoop       *loop;
  guint32          next_id;
} Server;

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *params,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  Server *server = user_data;

  if (g_str_equal (method, "GetCapabilities"))
    {
      const char *caps[] = { "actions", "body", NULL };
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(^as)", caps));
    }
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation,
                                           g_variant_new ("(ssss)", "bk-test", "Betrokken", "1", "1.2"));
  else if (g_str_equal (method, "Notify"))
    {
      guint32 id;

      g_mutex_lock (&server->lock);
      g_ptr_array_add (server->received, g_variant_ref (params));
      id = ++server->next_id;
      g_mutex_unlock (&server->lock);
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", id));
    }
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static gpointer
server_thread (gpointer data)
{
  Server *server = data;
  static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { 0 } };
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection, NULL);
  g_autofree char *address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr (GVariant) reply = NULL;

  g_main_context_push_thread_default (server->context);
  server->connection = g_dbus_connection_new_for_address_sync (address,
    G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT | G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
    NULL, NULL, NULL);
  g_assert_nonnull (server->connection);
  g_dbus_connection_register_object (server->connection, "/org/freedesktop/Notifications",
                                     info->interfaces[0], &vtable, server, NULL, NULL);
  reply = g_dbus_connection_call_sync (server->connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "RequestName",
                                       g_variant_new ("(su)", "org.freedesktop.Notifications", 4),
                                       G_VARIANT_TYPE ("(u)"), 0, -1, NULL, NULL);
  g_assert_nonnull (reply);
  g_mutex_lock (&server->lock);
  server->ready = TRUE;
  g_cond_signal (&server->ready_cond);
  g_mutex_unlock (&server->lock);
  g_main_loop_run (server->loop);
  g_main_context_pop_thread_default (server->context);
  return NULL;
}

/* One server for the whole run: libnotify keeps its proxy to the first. */
static Server server;
static GThread *server_thread_handle;

static void
start_server (void)
{
  g_mutex_init (&server.lock);
  g_cond_init (&server.ready_cond);
  server.received = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  server.context = g_main_context_new ();
  server.loop = g_main_loop_new (server.context, FALSE);
  server_thread_handle = g_thread_new ("notification-server", server_thread, &server);
  g_mutex_lock (&server.lock);
  while (!server.ready)
    g_cond_wait (&server.ready_cond, &server.lock);
  g_mutex_unlock (&server.lock);
}

static gboolean
quit_loop (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

static void
stop_server (void)
{
  g_main_context_invoke (server.context, quit_loop, server.loop);
  g_thread_join (server_thread_handle);
  g_clear_object (&server.connection);
  g_main_loop_unref (server.loop);
  g_main_context_unref (server.context);
  g_ptr_array_unref (server.received);
}

typedef struct
{
  BkTestDb db;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (&f->db,
    "INSERT INTO children (id, given_name, family_name, created_at, updated_at)"
    " VALUES (1, 'Zoë', 'de Vries', 'x', 'x');"
    "INSERT INTO agreements (id, child_id, text, owner, due_on, created_at) VALUES"
    " (7, 1, 'Moeder belt de juf over het huiswerk', 'Sandra de Vries', '2026-11-20', 'x'),"
    " (8, 1, 'Samen de agenda invullen', 'Zoë', '2026-12-10', 'x');");
  g_mutex_lock (&server.lock);
  g_ptr_array_set_size (server.received, 0);
  g_mutex_unlock (&server.lock);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  bk_test_db_close (&f->db, data);
}

static gboolean
spin_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the default main context for @ms: D-Bus signals arrive there. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, spin_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_deliver_and_done (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (BkNotifier) notifier = bk_notifier_new (f->db.store);
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) actions = NULL;
  g_autoptr (GVariant) hints = NULL;
  const char *app, *summary, *body, **acts;
  guint32 replaces;
  const char *icon;
  gsize n_acts;
  int timeout;
  GVariant *call;

  /* An intern gets no reminders: they name children and parents. */
  {
    g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");

    g_assert_true (bk_store_exec (f->db.store,
                                  "INSERT INTO staff (id, name, role, created_at) VALUES (90, 'Lotte Brouwer', 'intern', 'x')",
                                  NULL));
    g_settings_set_int64 (settings, "staff-id", 90);
    g_assert_cmpuint (bk_notifier_deliver (notifier, NULL, f->db.now, &error), ==, 0);
    g_assert_no_error (error);
    g_settings_reset (settings, "staff-id");
  }

  /* Agreement 7 was due on 20-11; agreement 8 is not due yet. */
  g_assert_cmpuint (bk_notifier_deliver (notifier, NULL, f->db.now, &error), ==, 1);
  g_assert_no_error (error);
  g_mutex_lock (&server.lock);
  g_assert_cmpuint (server.received->len, ==, 1);
  call = g_ptr_array_index (server.received, 0);
  g_mutex_unlock (&server.lock);
  g_variant_get (call, "(&su&s&s&s@as@a{sv}i)", &app, &replaces, &icon, &summary, &body,
                 &actions, &hints, &timeout);
  g_assert_cmpstr (app, ==, "Betrokken");
  g_assert_nonnull (strstr (summary, "Moeder belt de juf"));
  g_assert_nonnull (strstr (body, "Sandra de Vries"));
  acts = g_variant_get_strv (actions, &n_acts);
  /* Pairs of identifier and label. */
  g_assert_cmpuint (n_acts, ==, 6);
  g_assert_cmpstr (acts[0], ==, "open");
  g_assert_cmpstr (acts[1], ==, "Open");
  g_assert_cmpstr (acts[2], ==, "snooze");
  g_assert_cmpstr (acts[4], ==, "done");
  g_assert_cmpstr (acts[5], ==, "Done");
  g_free (acts);
  g_assert_cmpint (bk_test_query_int (f->db.path,
                                      "SELECT count(*) FROM reminder_state WHERE key = 'agreement:7'"
                                      " AND notified_at IS NOT NULL"), ==, 1);

  /* Never the same reminder twice: not now, nor from a fresh notifier. */
  g_assert_cmpuint (bk_notifier_deliver (notifier, NULL, f->db.now, &error), ==, 0);
  {
    g_autoptr (BkNotifier) again = bk_notifier_new (f->db.store);
    g_assert_cmpuint (bk_notifier_deliver (again, NULL, f->db.now, &error), ==, 0);
  }
  g_assert_cmpuint (server.received->len, ==, 1);

  /* The coach presses Done in the notification: the server says so on the
   * bus, and the agreement is done in the store. */
  g_assert_true (g_dbus_connection_emit_signal (server.connection, NULL, "/org/freedesktop/Notifications",
                                                "org.freedesktop.Notifications", "ActionInvoked",
                                                g_variant_new ("(us)", server.next_id, "done"), &error));
  g_assert_true (g_dbus_connection_flush_sync (server.connection, NULL, &error));
  spin (300);
  g_assert_cmpint (bk_test_query_int (f->db.path,
                                      "SELECT count(*) FROM agreements WHERE id = 7 AND done_on = '2026-11-23'"), ==, 1);
  g_assert_cmpint (bk_test_query_int (f->db.path,
                                      "SELECT count(*) FROM reminder_state WHERE key = 'agreement:7'"
                                      " AND done_at IS NOT NULL"), ==, 1);
}

/* Five due at once, as on the first start of a day: one notification. */
static void
test_grouped (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (BkNotifier) notifier = bk_notifier_new (f->db.store);
  g_autoptr (GError) error = NULL;
  const char *summary, *body;
  GVariant *call;

  g_assert_true (bk_store_exec (f->db.store,
    "INSERT INTO agreements (child_id, text, owner, due_on, created_at) VALUES"
    " (1, 'Een', 'Sanne', '2026-11-21', 'x'), (1, 'Twee', 'Sanne', '2026-11-22', 'x'),"
    " (1, 'Drie', 'Sanne', '2026-11-23', 'x'), (1, 'Vier', 'Sanne', '2026-11-23', 'x')", &error));
  {
    guint n = bk_notifier_deliver (notifier, NULL, f->db.now, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 5);
  }
  g_assert_cmpuint (server.received->len, ==, 1);
  call = g_ptr_array_index (server.received, 0);
  g_variant_get_child (call, 3, "&s", &summary);
  g_variant_get_child (call, 4, "&s", &body);
  g_assert_cmpstr (summary, ==, "5 reminders for today");
  g_assert_nonnull (strstr (body, "…"));
  g_assert_cmpint (bk_test_query_int (f->db.path,
                                      "SELECT count(*) FROM reminder_state WHERE notified_at IS NOT NULL"), ==, 5);
  g_assert_cmpuint (bk_notifier_deliver (notifier, NULL, f->db.now, &error), ==, 0);
  g_assert_cmpuint (server.received->len, ==, 1);
}

/* Preferences switch rules off by name; the rest keep their numbers. */
static void
test_rules_from_settings (void)
{
  g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
  const char *off[] = { "agreement", "after-care", NULL };
  BkReminderRules rules;

  g_settings_set_strv (settings, "reminders-off", off);
  g_settings_set_int (settings, "after-care-weeks", 8);
  bk_reminder_rules_from_settings (&rules, settings);
  g_assert_cmpuint (rules.kinds, ==, BK_REMINDER_ALL & ~(guint) (BK_REMINDER_AGREEMENT | BK_REMINDER_AFTER_CARE));
  g_assert_cmpint (rules.after_care_weeks, ==, 8);
  g_settings_reset (settings, "reminders-off");
  g_settings_reset (settings, "after-care-weeks");
}

/* "Start at login" writes an autostart entry that starts without a window. */
static void
test_autostart (void)
{
  g_autofree char *path = bk_background_autostart_path ();
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (g_str_has_prefix (path, g_getenv ("XDG_CONFIG_HOME")));
  g_assert_true (bk_background_set_autostart (TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "Exec=betrokken --background\n"));
  g_assert_true (bk_background_set_autostart (FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (bk_background_set_autostart (FALSE, &error));   /* already off */
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = bk_test_tmpdir ();
  int status;

  g_autoptr (GDBusConnection) bus = NULL;

  /* Before anything asks GLib where the user's config lives. */
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/notify/autostart", test_autostart);
  g_test_add_func ("/notify/rules-from-preferences", test_rules_from_settings);
  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    {
      g_print ("1..0 # SKIP no session bus: run under dbus-run-session\n");
      g_rmdir (config);
      return 0;
    }
  {
    g_autoptr (GDateTime) now = bk_test_now ();
    bk_clock_set_fixed (now);
  }
  g_test_add ("/notify/deliver-once-and-done", Fixture, NULL, fixture_setup,
              test_deliver_and_done, fixture_teardown);
  g_test_add ("/notify/many-as-one", Fixture, NULL, fixture_setup,
              test_grouped, fixture_teardown);
  start_server ();
  status = g_test_run ();
  stop_server ();
  {
    g_autofree char *autostart = g_build_filename (config, "autostart", NULL);
    g_rmdir (autostart);
    g_rmdir (config);
  }
  return status;
}
