/* bk-store-private.h
 * What sibling core modules need of BkStore: cached statements, transactions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>
#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* A statement from the cache, reset and unbound again when it goes out of
 * scope: g_autoptr (sqlite3_stmt) never finalizes it, the store does. */
static inline void
bk_stmt_reset (sqlite3_stmt *stmt)
{
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, bk_stmt_reset)

/* The parents of the children of event ?1's cycle, each once per child,
 * with their attendance row as `a` (NULL: not recorded), for the event's
 * sheet and the summary's recipients. Group by p.id. */
#define BK_SQL_EVENT_PARENTS \
  "  FROM events ev" \
  "  JOIN enrolments en ON en.cycle_id = ev.cycle_id" \
  "  JOIN children c ON c.id = en.child_id AND c.deleted_at IS NULL" \
  "  JOIN parent_children pc ON pc.child_id = c.id" \
  "  JOIN parents p ON p.id = pc.parent_id AND p.deleted_at IS NULL" \
  "  LEFT JOIN attendance a ON a.event_id = ev.id AND a.parent_id = p.id" \
  " WHERE ev.id = ?1"

sqlite3_stmt *bk_store_prepare   (BkStore     *self,
                                  const char  *sql,
                                  GError     **error);
gboolean      bk_store_exec      (BkStore     *self,
                                  const char  *sql,
                                  GError     **error);
gboolean      bk_store_begin     (BkStore     *self,
                                  GError     **error);
gboolean      bk_store_commit    (BkStore     *self,
                                  GError     **error);
void          bk_store_rollback  (BkStore     *self);
gboolean      bk_store_step_done (BkStore      *self,
                                  sqlite3_stmt *stmt,
                                  GError      **error);
void          bk_store_set_error (BkStore     *self,
                                  GError     **error,
                                  const char  *doing);
sqlite3      *bk_store_get_db    (BkStore     *self);
gboolean      bk_store_refuse    (GPtrArray   *problems,
                                  GError     **error);
gboolean      bk_store_query_int (BkStore     *self,
                                  const char  *sql,
                                  gint64       a,
                                  gint64       b,
                                  gint64       c,
                                  gint64       d,
                                  gint64      *out,
                                  GError     **error);

/* Bind helpers: NULL or 0 ids bind SQL NULL. */
void          bk_bind_text       (sqlite3_stmt *stmt,
                                  int           index,
                                  const char   *text);
void          bk_bind_id         (sqlite3_stmt *stmt,
                                  int           index,
                                  gint64        id);
char         *bk_column_dup      (sqlite3_stmt *stmt,
                                  int           column);

/* For tests: open with these migrations instead of the built-in ones. */
BkStore      *bk_store_open_with_migrations (const char         *path,
                                             const char * const *migrations,
                                             GError            **error);

G_END_DECLS
