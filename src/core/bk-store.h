/* bk-store.h
 * The one owner of the SQLite database: open, migrate, back up, signal changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_STORE_ERROR (bk_store_error_quark ())

typedef enum {
  BK_STORE_ERROR_FAILED,
  BK_STORE_ERROR_CORRUPT,   /* not a database, or a damaged one */
  BK_STORE_ERROR_TOO_NEW,   /* written by a newer version of Betrokken */
  BK_STORE_ERROR_NOT_OURS,  /* another program's SQLite database */
  BK_STORE_ERROR_BUSY,      /* another program holds the file too long */
  BK_STORE_ERROR_INVALID,   /* input refused by a rule; nothing written */
  BK_STORE_ERROR_NOT_FOUND,
} BkStoreError;

#define BK_TYPE_STORE (bk_store_get_type ())
G_DECLARE_FINAL_TYPE (BkStore, bk_store, BK, STORE, GObject)

GQuark       bk_store_error_quark         (void);
BkStore     *bk_store_open                (const char  *path,
                                           GError     **error);
const char  *bk_store_get_path            (BkStore     *self);
int          bk_store_get_schema_version  (BkStore     *self);
int          bk_store_latest_version      (void);
char        *bk_store_default_path        (void);
gboolean     bk_store_backup_to           (BkStore     *self,
                                           const char  *dest_path,
                                           GError     **error);
gboolean     bk_store_restore_from        (BkStore     *self,
                                           const char  *src_path,
                                           GError     **error);
void         bk_store_emit_changed        (BkStore     *self,
                                           const char  *table,
                                           gint64       row_id);

G_END_DECLS
