/* test-store.c
 * The store: create, migrate, reopen, refuse what it must not touch, back up.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <sqlite3.h>

#include "bk-child.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = bk_test_tmpdir ();
  f->path = g_build_filename (f->dir, "betrokken.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  bk_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
add_child (BkStore    *store,
           const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = bk_test_now ();
  g_autoptr (BkChildDraft) draft = bk_child_draft_new ();
  gint64 id = 0;

  draft->given_name = g_strdup (name);
  g_assert_true (bk_child_save (store, draft, now, &id, &error));
  g_assert_no_error (error);
  return id;
}

static char *
read_file (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return contents;
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (f->path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (bk_store_get_schema_version (store), ==, bk_store_latest_version ());
  g_assert_cmpint (bk_store_latest_version (), >=, 1);
  g_assert_cmpstr (bk_store_get_path (store), ==, f->path);
}

static void
test_migrate_from_empty (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (f->path, &error);
  const char *tables[] = { "staff", "cycles", "events", "families", "children",
                           "enrolments", "goals", "goal_steps", "session_entries",
                           "reports", "home_handles", "parents", "parent_children",
                           "start_info", "contacts", "contact_parents", "attendance",
                           "observations", "conversations", "agreements",
                           "self_checks", "summaries", "practice_runs",
                           "practice_comments", "reminder_state" };

  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (f->path, "PRAGMA user_version"), ==,
                   bk_store_latest_version ());
  g_assert_cmpint (bk_test_query_int (f->path, "PRAGMA application_id"), ==, 0x426b0001);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT strict FROM pragma_table_list"
                                              " WHERE name = '%s'", tables[i]);
      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (bk_test_query_int (f->path, sql), ==, 1);
    }

  {
    sqlite3_stmt *stmt;
    g_assert_cmpint (sqlite3_prepare_v2 (bk_store_get_db (store), "PRAGMA journal_mode",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) again = NULL;
  g_autoptr (GListStore) children = NULL;
  gint64 id;

  {
    g_autoptr (BkStore) store = bk_store_open (f->path, &error);
    g_assert_no_error (error);
    id = add_child (store, "Fenna");
  }

  again = bk_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bk_store_get_schema_version (again), ==, bk_store_latest_version ());
  children = bk_child_load_all (again, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), ==, 1);
  {
    g_autoptr (BkChild) child = g_list_model_get_item (G_LIST_MODEL (children), 0);
    g_assert_cmpint (bk_child_get_id (child), ==, id);
    g_assert_cmpstr (bk_child_get_display_name (child), ==, "Fenna");
  }
}

static const char *m1 = "CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;";
static const char *m2 = "ALTER TABLE things ADD COLUMN colour TEXT;";
static const char *m_broken =
  "CREATE TABLE half (id INTEGER PRIMARY KEY) STRICT;"
  "INSERT INTO things (id, name) VALUES (1, 'one');"
  "INSERT INTO no_such_table VALUES (1);";

static void
test_migrate_upgrade (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *first[] = { m1, NULL };
  const char *both[] = { m1, m2, NULL };

  {
    g_autoptr (BkStore) store = bk_store_open_with_migrations (f->path, first, &error);
    g_assert_no_error (error);
    g_assert_cmpint (bk_store_get_schema_version (store), ==, 1);
  }
  {
    g_autoptr (BkStore) store = bk_store_open_with_migrations (f->path, both, &error);
    g_assert_no_error (error);
    g_assert_cmpint (bk_store_get_schema_version (store), ==, 2);
  }
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM pragma_table_info('things')"
                                               " WHERE name = 'colour'"), ==, 1);
}

static void
test_migrate_failure_rolls_back (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) broken = NULL;
  const char *first[] = { m1, NULL };
  const char *with_broken[] = { m1, m_broken, NULL };

  {
    g_autoptr (BkStore) store = bk_store_open_with_migrations (f->path, first, &error);
    g_assert_no_error (error);
  }

  broken = bk_store_open_with_migrations (f->path, with_broken, &error);
  g_assert_null (broken);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "version 2"));

  /* Nothing of migration 2 stayed: not its table, not its row, not its number. */
  g_assert_cmpint (bk_test_query_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM sqlite_schema"
                                               " WHERE name = 'half'"), ==, 0);
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM things"), ==, 0);
}

static void
test_too_new (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db;

  {
    g_autoptr (BkStore) s = bk_store_open (f->path, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  before = read_file (f->path);

  store = bk_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "999"));
  after = read_file (f->path);
  g_assert_cmpmem (before, 4096, after, 4096);
  g_assert_cmpint (bk_test_query_int (f->path, "PRAGMA user_version"), ==, 999);
}

static void
test_corrupt (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autofree char *after = NULL;
  char garbage[8192];
  gsize len = 0;

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (char) ('a' + i % 26);
  g_assert_true (g_file_set_contents (f->path, garbage, sizeof garbage, NULL));

  store = bk_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CORRUPT);

  g_assert_true (g_file_get_contents (f->path, &after, &len, NULL));
  g_assert_cmpmem (garbage, sizeof garbage, after, len);
}

static void
test_not_ours (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE recipes (name TEXT)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = bk_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_OURS);
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
}

static void
test_foreign_keys (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (f->path, &error);
  g_autoptr (GDateTime) now = bk_test_now ();
  gint64 id;

  g_assert_no_error (error);
  /* An enrolment in a cycle that does not exist is refused. */
  g_assert_false (bk_store_exec (store, "INSERT INTO children (given_name, created_at, updated_at)"
                                        " VALUES ('Sem', 'x', 'x');"
                                        "INSERT INTO enrolments (child_id, cycle_id, started_on)"
                                        " VALUES (last_insert_rowid(), 4242, '2026-01-01')", &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting a child takes its links with it. */
  id = add_child (store, "Isa");
  g_assert_true (bk_store_exec (store, "INSERT INTO home_handles (child_id, text, created_on)"
                                       " SELECT max(id), 'Elke dag een compliment', '2026-11-01'"
                                       " FROM children", &error));
  g_assert_no_error (error);
  g_assert_true (bk_child_delete (store, id, now, &error));
  g_assert_true (bk_child_purge_deleted (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM home_handles"), ==, 0);
}

static void
test_backup_restore (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (f->path, &error);
  g_autoptr (GDateTime) now = bk_test_now ();
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "no-such-dir", "backup.db", NULL);
  g_autoptr (GListStore) children = NULL;
  gint64 id;
  guint changes = 0;

  g_assert_no_error (error);
  id = add_child (store, "Bram");

  g_assert_true (bk_store_backup_to (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (backup, "SELECT count(*) FROM children"), ==, 1);
  {
    g_autofree char *partial = g_strconcat (backup, ".partial", NULL);
    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }

  /* A backup that cannot be written says so and leaves nothing behind. */
  g_assert_false (bk_store_backup_to (store, bad, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED);
  g_clear_error (&error);

  g_assert_true (bk_child_delete (store, id, now, &error));
  g_assert_true (bk_child_purge_deleted (store, &error));
  add_child (store, "Someone New");

  g_signal_connect_swapped (store, "changed", G_CALLBACK (g_atomic_int_inc), &changes);
  g_assert_true (bk_store_restore_from (store, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  children = bk_child_load_all (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (children)), ==, 1);
  {
    g_autoptr (BkChild) child = g_list_model_get_item (G_LIST_MODEL (children), 0);
    g_assert_cmpstr (bk_child_get_display_name (child), ==, "Bram");
  }

  /* Restoring garbage is refused and the live data stays. */
  g_assert_true (g_file_set_contents (backup, "not a database at all, sorry", -1, NULL));
  g_assert_false (bk_store_restore_from (store, backup, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_CORRUPT);
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM children"), ==, 1);
}

/* A second process opening the same file while this one writes: it waits
 * for the lock and then succeeds, instead of failing with "busy". */
static gpointer
release_later (gpointer data)
{
  BkStore *store = data;

  g_usleep (400 * 1000);
  g_assert_true (bk_store_commit (store, NULL));
  return NULL;
}

static void
test_second_process_waits (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (f->path, &error);
  GThread *thread;

  g_assert_no_error (error);
  g_assert_true (bk_store_begin (store, &error));
  g_assert_true (bk_store_exec (store, "INSERT INTO staff (name, created_at) VALUES ('Holder', 'x')",
                                &error));

  g_setenv ("BK_TEST_DB", f->path, TRUE);
  thread = g_thread_new ("release", release_later, store);
  g_test_trap_subprocess ("/store/second-process-waits/subprocess", 20 * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_thread_join (thread);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*saved*");

  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM children"), ==, 1);
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM staff"), ==, 1);
}

static void
test_second_process_child (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;

  if (!g_test_subprocess ())
    return;
  store = bk_store_open (g_getenv ("BK_TEST_DB"), &error);
  g_assert_no_error (error);
  add_child (store, "Waiter");
  g_print ("saved\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/store/create", test_create);
  ADD ("/store/migrate/from-empty", test_migrate_from_empty);
  ADD ("/store/migrate/upgrade", test_migrate_upgrade);
  ADD ("/store/migrate/failure-rolls-back", test_migrate_failure_rolls_back);
  ADD ("/store/reopen", test_reopen);
  ADD ("/store/refuse/too-new", test_too_new);
  ADD ("/store/refuse/corrupt", test_corrupt);
  ADD ("/store/refuse/not-ours", test_not_ours);
  ADD ("/store/foreign-keys", test_foreign_keys);
  ADD ("/store/backup-restore", test_backup_restore);
  ADD ("/store/second-process-waits", test_second_process_waits);
#undef ADD
  g_test_add_func ("/store/second-process-waits/subprocess", test_second_process_child);

  return g_test_run ();
}
