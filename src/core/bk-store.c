/* bk-store.c
 * The one owner of the SQLite database: open, migrate, back up, signal changes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening never overwrites what it does not understand: a file that is not a
 * database, another program's database, or one written by a newer Betrokken
 * is refused with an error a person can act on, and the file is left as it
 * was. Migrations come from data/migrations (bundled as a GResource), each
 * applied in one transaction together with its PRAGMA user_version.
 */
#define G_LOG_DOMAIN "bk-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-core-resources.h"
#include "bk-store-private.h"

/* "Bk" + 1: tells our files apart from other SQLite databases. */
#define BK_APPLICATION_ID 0x426b0001
#define MIGRATIONS_PATH "/nl/betrokken/Betrokken/migrations"
#define BUSY_TIMEOUT_MS 15000

struct _BkStore
{
  GObject     parent_instance;
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* const char *sql -> sqlite3_stmt * */
  int         schema_version;
};

G_DEFINE_TYPE (BkStore, bk_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (bk-store-error-quark, bk_store_error)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
bk_store_finalize (GObject *object)
{
  BkStore *self = BK_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (bk_store_parent_class)->finalize (object);
}

static void
bk_store_class_init (BkStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_store_finalize;

  /**
   * BkStore::changed:
   * @table: the table that changed, or "*" after a restore
   * @row_id: the row, or 0 when many rows changed
   *
   * Emitted after a write has been committed. The detail is the table name,
   * so a view can connect to "changed::children".
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
bk_store_init (BkStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            finalize_statement);
}

void
bk_store_set_error (BkStore     *self,
                    GError     **error,
                    const char  *doing)
{
  int rc = sqlite3_extended_errcode (self->db);
  const char *detail = sqlite3_errmsg (self->db);
  BkStoreError code = BK_STORE_ERROR_FAILED;
  const char *hint = NULL;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      code = BK_STORE_ERROR_CORRUPT;
      hint = _("The file is damaged or is not a Betrokken database. Restore a backup.");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = BK_STORE_ERROR_BUSY;
      hint = _("Another program is using the database. Close it and try again.");
      break;
    case SQLITE_FULL:
      hint = _("The disk is full. Free some space and try again.");
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      hint = _("The database cannot be written. Check that the folder is writable.");
      break;
    case SQLITE_CONSTRAINT:
      code = BK_STORE_ERROR_INVALID;
      hint = _("The data breaks a rule of the database.");
      break;
    default:
      break;
    }

  if (hint != NULL)
    g_set_error (error, BK_STORE_ERROR, code, "%s: %s (%s)", doing, hint, detail);
  else
    g_set_error (error, BK_STORE_ERROR, code, "%s: %s", doing, detail);
}

sqlite3 *
bk_store_get_db (BkStore *self)
{
  return self->db;
}

sqlite3_stmt *
bk_store_prepare (BkStore     *self,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT,
                          &stmt, NULL) != SQLITE_OK)
    {
      bk_store_set_error (self, error, _("Could not read the database"));
      return NULL;
    }

  /* Keyed by the statement's constant string, which outlives the store. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
bk_store_exec (BkStore     *self,
               const char  *sql,
               GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      bk_store_set_error (self, error, _("Could not write to the database"));
      return FALSE;
    }
  return TRUE;
}

gboolean
bk_store_begin (BkStore  *self,
                GError  **error)
{
  /* IMMEDIATE takes the write lock now, so a busy database waits here (up to
   * the busy timeout) instead of failing halfway through a write. */
  return bk_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
bk_store_commit (BkStore  *self,
                 GError  **error)
{
  if (!bk_store_exec (self, "COMMIT", error))
    {
      bk_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
bk_store_rollback (BkStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
bk_store_step_done (BkStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      bk_store_set_error (self, error, _("Could not save"));
      return FALSE;
    }
  return TRUE;
}

void
bk_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
bk_bind_id (sqlite3_stmt *stmt,
            int           index,
            gint64        id)
{
  if (id <= 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, id);
}

char *
bk_column_dup (sqlite3_stmt *stmt,
               int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static int
query_int (BkStore     *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      bk_store_set_error (self, error, _("Could not open the database"));
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *out = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* qsort hands over pointers to the array's elements, not the strings. */
static int
compare_names (const void *a,
               const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static const char * const *
builtin_migrations (void)
{
  static char **migrations;

  if (g_once_init_enter (&migrations))
    {
      g_auto (GStrv) names = g_resource_enumerate_children (bk_core_get_resource (),
                                                            MIGRATIONS_PATH, 0, NULL);
      GPtrArray *texts = g_ptr_array_new ();

      g_assert (names != NULL);
      /* Named 0001-initial.sql, 0002-...: string order is version order. */
      qsort (names, g_strv_length (names), sizeof (char *), compare_names);
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
          g_autoptr (GBytes) bytes = g_resource_lookup_data (bk_core_get_resource (),
                                                              path, 0, NULL);

          g_assert (bytes != NULL);
          g_ptr_array_add (texts, g_strndup (g_bytes_get_data (bytes, NULL),
                                             g_bytes_get_size (bytes)));
        }
      g_ptr_array_add (texts, NULL);
      g_once_init_leave (&migrations, (char **) g_ptr_array_free (texts, FALSE));
    }

  return (const char * const *) migrations;
}

int
bk_store_latest_version (void)
{
  return (int) g_strv_length ((char **) builtin_migrations ());
}

/* Is this file one we may write to: ours, or a fresh empty database? */
static gboolean
check_identity (BkStore             *self,
                const char * const  *migrations,
                GError             **error)
{
  int app_id = 0, version = 0, n_objects = 0;
  int latest = (int) g_strv_length ((char **) migrations);

  /* The first read of the header: a file that is no database fails here. */
  if (!query_int (self, "PRAGMA application_id", &app_id, error) ||
      !query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (app_id != BK_APPLICATION_ID && (version != 0 || n_objects != 0))
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_OURS,
                   _("“%s” is a database of another program, not of Betrokken. "
                     "Nothing was changed in it."), self->path);
      return FALSE;
    }

  if (version > latest)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_TOO_NEW,
                   _("This database was written by a newer version of Betrokken "
                     "(schema %d; this version knows up to %d). Update Betrokken "
                     "to open it. Nothing was changed in it."),
                   version, latest);
      return FALSE;
    }

  self->schema_version = version;
  return TRUE;
}

static gboolean
apply_migrations (BkStore             *self,
                  const char * const  *migrations,
                  GError             **error)
{
  int latest = (int) g_strv_length ((char **) migrations);

  for (int v = self->schema_version + 1; v <= latest; v++)
    {
      g_autofree char *pragmas = g_strdup_printf ("PRAGMA user_version = %d;"
                                                  "PRAGMA application_id = %d;",
                                                  v, BK_APPLICATION_ID);
      if (!bk_store_begin (self, error))
        return FALSE;

      if (sqlite3_exec (self->db, migrations[v - 1], NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_exec (self->db, pragmas, NULL, NULL, NULL) != SQLITE_OK)
        {
          g_autofree char *doing = g_strdup_printf (_("Could not update the database to version %d"), v);
          bk_store_set_error (self, error, doing);
          bk_store_rollback (self);
          return FALSE;
        }

      if (!bk_store_commit (self, error))
        return FALSE;
      self->schema_version = v;
    }

  return TRUE;
}

BkStore *
bk_store_open_with_migrations (const char         *path,
                               const char * const *migrations,
                               GError            **error)
{
  g_autoptr (BkStore) self = g_object_new (BK_TYPE_STORE, NULL);
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      if (self->db == NULL)
        g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED,
                     _("Could not open “%s”: out of memory"), path);
      else
        bk_store_set_error (self, error, _("Could not open the database"));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if (!check_identity (self, migrations, error))
    return NULL;

  /* WAL lets readers go on while one writes. FULL syncs the log at every
   * commit: a contact logged is on disk, even if the power goes next. */
  if (!bk_store_exec (self, "PRAGMA journal_mode = WAL;"
                            "PRAGMA synchronous = FULL;"
                            "PRAGMA foreign_keys = ON;"
                            "PRAGMA temp_store = MEMORY;", error))
    return NULL;

  if (!apply_migrations (self, migrations, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * bk_store_open:
 * @path: the database file; created when it does not exist
 * @error: set to a #BK_STORE_ERROR a person can act on
 *
 * Opens (or creates) a Betrokken database and brings its schema up to date.
 * A corrupt file, another program's database or a newer schema is refused
 * and left untouched.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
BkStore *
bk_store_open (const char  *path,
               GError     **error)
{
  return bk_store_open_with_migrations (path, builtin_migrations (), error);
}

const char *
bk_store_get_path (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), NULL);
  return self->path;
}

int
bk_store_get_schema_version (BkStore *self)
{
  g_return_val_if_fail (BK_IS_STORE (self), 0);
  return self->schema_version;
}

/**
 * bk_store_default_path:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/betrokken/betrokken.db`
 */
char *
bk_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "betrokken", "betrokken.db", NULL);
}

static gboolean
copy_database (sqlite3     *from,
               sqlite3     *to,
               GError     **error)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");
  int rc;

  if (backup == NULL)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (to));
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);

  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED, "%s",
                   sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

/**
 * bk_store_backup_to:
 * @dest_path: where the copy goes; replaced only once the copy is complete
 *
 * Copies the live database with SQLite's online backup API into a file
 * beside @dest_path, then renames it into place, so a failed backup never
 * leaves a half-written file under the backup's name.
 */
gboolean
bk_store_backup_to (BkStore     *self,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *tmp_path = g_strconcat (dest_path, ".partial", NULL);
  g_autoptr (GError) local_error = NULL;
  sqlite3 *dest = NULL;
  gboolean ok;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);

  g_unlink (tmp_path);
  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED,
                   _("Could not create the backup “%s”: %s"), dest_path,
                   dest ? sqlite3_errmsg (dest) : "");
      sqlite3_close (dest);
      return FALSE;
    }

  ok = copy_database (self->db, dest, &local_error);
  /* A backup is one file: no -wal beside it. */
  if (ok)
    sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  sqlite3_close (dest);

  if (ok && g_rename (tmp_path, dest_path) != 0)
    {
      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "%s", g_strerror (errno));
      ok = FALSE;
    }

  if (!ok)
    {
      g_unlink (tmp_path);
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), dest_path,
                   local_error->message);
    }
  return ok;
}

/**
 * bk_store_restore_from:
 * @src_path: a backup made by bk_store_backup_to()
 *
 * Replaces the open database's content with the backup's, after checking
 * that the backup is a Betrokken database this version can read. Older
 * backups are migrated. Emits #BkStore::changed with table "*".
 */
gboolean
bk_store_restore_from (BkStore     *self,
                       const char  *src_path,
                       GError     **error)
{
  g_autoptr (BkStore) source = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (BK_IS_STORE (self), FALSE);

  if (!g_file_test (src_path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                   _("The backup “%s” does not exist."), src_path);
      return FALSE;
    }

  /* Opening checks identity and version and migrates an older backup, so
   * the live database only ever receives a current schema. */
  source = bk_store_open (src_path, error);
  if (source == NULL)
    return FALSE;

  g_hash_table_remove_all (self->statements);
  if (!copy_database (source->db, self->db, &local_error))
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED,
                   _("Could not restore the backup: %s"), local_error->message);
      return FALSE;
    }

  query_int (self, "PRAGMA user_version", &self->schema_version, NULL);
  bk_store_emit_changed (self, "*", 0);
  return TRUE;
}

/**
 * bk_store_emit_changed:
 *
 * Tells views that @table changed; call after the transaction committed.
 */
void
bk_store_emit_changed (BkStore    *self,
                       const char *table,
                       gint64      row_id)
{
  g_return_if_fail (BK_IS_STORE (self));
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table, row_id);
}

/**
 * bk_store_refuse:
 * @problems: (element-type BkFieldError): a form's refusals
 *
 * Returns: %TRUE, with @error set to BK_STORE_ERROR_INVALID and the first
 *   refusal's message, when there is a refusal; so a save that finds one
 *   writes nothing and says why
 */
gboolean
bk_store_refuse (GPtrArray  *problems,
                 GError    **error)
{
  BkFieldError *first;

  if (problems->len == 0)
    return FALSE;
  first = g_ptr_array_index (problems, 0);
  g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID, first->message);
  return TRUE;
}

/**
 * bk_store_query_int:
 * @sql: a query with up to four id parameters (?1 to ?4)
 * @out: (out): the first column of the first row; -1 when there is no row
 *
 * Returns: %FALSE with @error on a database error
 */
gboolean
bk_store_query_int (BkStore     *self,
                    const char  *sql,
                    gint64       a,
                    gint64       b,
                    gint64       c,
                    gint64       d,
                    gint64      *out,
                    GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (self, sql, error);
  const gint64 ids[] = { a, b, c, d };
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (int i = 0; i < sqlite3_bind_parameter_count (stmt) && i < 4; i++)
    sqlite3_bind_int64 (stmt, i + 1, ids[i]);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    *out = -1;
  else
    {
      bk_store_set_error (self, error, _("Could not read the database"));
      return FALSE;
    }
  return TRUE;
}
