/* bk-child-timeline.h
 * Everything that happened with one child, newest first, filterable.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_CHILD_TIMELINE (bk_child_timeline_get_type ())
G_DECLARE_FINAL_TYPE (BkChildTimeline, bk_child_timeline, BK, CHILD_TIMELINE, AdwBin)

void  bk_child_timeline_set_store   (BkChildTimeline *self,
                                     BkStore         *store);
void  bk_child_timeline_show_child  (BkChildTimeline *self,
                                     gint64           child_id);
guint bk_child_timeline_get_n_items (BkChildTimeline *self);
void  bk_child_timeline_set_kinds   (BkChildTimeline *self,
                                     guint            kinds);

G_END_DECLS
