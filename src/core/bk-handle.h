/* bk-handle.h
 * Handles for home (handvatten): what works with a child, and small home
 * assignments, marked when shared with the parents.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_HANDLE_TEXT_MAX 500

typedef struct
{
  gint64  id;
  char   *kind;        /* "handle" or "assignment" */
  char   *text;
  char   *created_on;  /* YYYY-MM-DD */
  char   *shared_on;   /* YYYY-MM-DD, or NULL: not shared yet */
} BkHandle;

void       bk_handle_free           (BkHandle    *handle);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkHandle, bk_handle_free)

GPtrArray *bk_handle_validate       (const char  *kind,
                                     const char  *text);
gboolean   bk_handle_add            (BkStore     *store,
                                     gint64       child_id,
                                     const char  *kind,
                                     const char  *text,
                                     GDateTime   *now,
                                     gint64      *out_id,
                                     GError     **error);
gboolean   bk_handle_set_shared     (BkStore     *store,
                                     gint64       handle_id,
                                     gboolean     shared,
                                     GDateTime   *now,
                                     GError     **error);
GPtrArray *bk_handle_load_for_child (BkStore     *store,
                                     gint64       child_id,
                                     GError     **error);

G_END_DECLS
