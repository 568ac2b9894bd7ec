/* bk-start-info.h
 * Did every family get the start information, and confirm reading it?
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_START_INFO_DAYS 7   /* to confirm, after sending */

typedef struct
{
  gint64  family_id;
  gint64  cycle_id;
  char   *cycle_name;
  char   *sent_on;        /* YYYY-MM-DD or NULL */
  char   *deadline;
  char   *confirmed_on;
} BkStartInfo;

void        bk_start_info_free        (BkStartInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkStartInfo, bk_start_info_free)

BkStartInfo *bk_start_info_for_parent (BkStore     *store,
                                       gint64       parent_id,
                                       GError     **error);
char        *bk_start_info_describe   (const BkStartInfo *info,
                                       GDateTime         *now);
gboolean     bk_start_info_mark_sent  (BkStore     *store,
                                       gint64       family_id,
                                       gint64       cycle_id,
                                       GDateTime   *now,
                                       GError     **error);
gboolean     bk_start_info_mark_confirmed (BkStore   *store,
                                           gint64     family_id,
                                           gint64     cycle_id,
                                           GDateTime *now,
                                           GError   **error);
GListStore  *bk_start_info_unconfirmed (BkStore    *store,
                                        GDateTime  *now,
                                        GError    **error);

G_END_DECLS
