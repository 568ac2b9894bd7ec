/* bk-reach.h
 * Who is not reached: parents without a two-way contact for some weeks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_REACH (bk_reach_get_type ())
G_DECLARE_FINAL_TYPE (BkReach, bk_reach, BK, REACH, GObject)

BkReach    *bk_reach_new              (gint64      parent_id,
                                       const char *name,
                                       char       *subtitle);
gint64      bk_reach_get_parent_id    (BkReach *self);
const char *bk_reach_get_display_name (BkReach *self);
const char *bk_reach_get_last_two_way (BkReach *self);
int         bk_reach_get_weeks        (BkReach *self);

GListStore *bk_reach_not_reached      (BkStore    *store,
                                       GDateTime  *now,
                                       guint       weeks,
                                       GError    **error);
GListStore *bk_reach_one_parent_only  (BkStore    *store,
                                       GDateTime  *now,
                                       GError    **error);
GListStore *bk_reach_never_attend     (BkStore    *store,
                                       GDateTime  *now,
                                       GError    **error);
GListStore *bk_reach_tone_balance     (BkStore    *store,
                                       GDateTime  *now,
                                       GError    **error);

G_END_DECLS
