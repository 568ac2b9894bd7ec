/* bk-child-list.h
 * A GListModel of the children that follows the store as it changes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_CHILD_LIST (bk_child_list_get_type ())
G_DECLARE_FINAL_TYPE (BkChildList, bk_child_list, BK, CHILD_LIST, GObject)

BkChildList *bk_child_list_new      (BkStore     *store,
                                     GError     **error);
guint        bk_child_list_find     (BkChildList *self,
                                     gint64       child_id);

G_END_DECLS
