/* bk-test-util.h
 * What every test needs: a temporary folder, a fixed "now", quick counts.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

/* Tests never read the clock: this is "now" unless a test says otherwise. */
static inline GDateTime *
bk_test_now (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  return g_date_time_new (tz ? tz : g_time_zone_new_utc (), 2026, 11, 23, 10, 30, 0);
}

static inline char *
bk_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("bk-test-XXXXXX", &error);
  g_assert_no_error (error);
  return dir;
}

static inline void
bk_test_rmdir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

/* The text of a PDF as pdftotext reads it, or NULL when pdftotext (in
 * poppler-utils) is missing; the caller skips then. */
static inline char *
bk_test_pdf_text (const char *path)
{
  char *out = NULL;
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* One integer from a query on a separate connection, as another reader sees it. */
static inline gint64
bk_test_query_int (const char *db_path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

/* A database for one test: a temporary folder, an open store, a fixed now. */
#include "bk-store-private.h"

typedef struct
{
  char      *dir;
  char      *path;
  BkStore   *store;
  GDateTime *now;
} BkTestDb;

/* Opens a fresh database and runs @seed_sql (may be %NULL) in it. */
static inline void
bk_test_db_open (BkTestDb   *db,
                 const char *seed_sql)
{
  g_autoptr (GError) error = NULL;

  db->dir = bk_test_tmpdir ();
  db->path = g_build_filename (db->dir, "betrokken.db", NULL);
  db->store = bk_store_open (db->path, &error);
  g_assert_no_error (error);
  db->now = bk_test_now ();
  if (seed_sql != NULL)
    g_assert_true (bk_store_exec (db->store, seed_sql, &error));
  g_assert_no_error (error);
}

/* For g_test_add(): checks the store is not leaked, removes the folder. */
static inline void
bk_test_db_close (BkTestDb      *db,
                  gconstpointer  data)
{
  g_assert_finalize_object (db->store);
  g_date_time_unref (db->now);
  bk_test_rmdir (db->dir);
  g_free (db->dir);
  g_free (db->path);
}
