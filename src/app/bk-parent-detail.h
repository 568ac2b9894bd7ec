/* bk-parent-detail.h
 * One parent: log a contact in two clicks, their details, what happened before.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-parent.h"

G_BEGIN_DECLS

#define BK_TYPE_PARENT_DETAIL (bk_parent_detail_get_type ())
G_DECLARE_FINAL_TYPE (BkParentDetail, bk_parent_detail, BK, PARENT_DETAIL, AdwBin)

void      bk_parent_detail_set_store  (BkParentDetail *self,
                                       BkStore        *store);
void      bk_parent_detail_show       (BkParentDetail *self,
                                       BkParent       *parent);
BkParent *bk_parent_detail_get_parent (BkParentDetail *self);
gboolean  bk_parent_detail_log        (BkParentDetail *self,
                                       const char     *tone);
gboolean  bk_parent_detail_save_observation (BkParentDetail *self);

G_END_DECLS
