/* bk-debrief.h
 * After a practice conversation: ending, radar of the scores, path beside
 * the best path with replay, reflection and the mentor's comments.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-practice.h"

G_BEGIN_DECLS

#define BK_TYPE_DEBRIEF (bk_debrief_get_type ())
G_DECLARE_FINAL_TYPE (BkDebrief, bk_debrief, BK, DEBRIEF, AdwBin)

void        bk_debrief_show            (BkDebrief  *self,
                                        BkStore    *store,
                                        BkRun      *run,
                                        gint64      run_id,
                                        const char *reflection,
                                        gboolean    mentor);
BkRun      *bk_debrief_get_run         (BkDebrief  *self);
const char *bk_debrief_get_scores_text (BkDebrief  *self);

G_END_DECLS
