/* bk-training-page.h
 * The practice room: scenarios, brief, conversation, debrief, growth.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_TRAINING_PAGE (bk_training_page_get_type ())
G_DECLARE_FINAL_TYPE (BkTrainingPage, bk_training_page, BK, TRAINING_PAGE, AdwBin)

void     bk_training_page_set_store     (BkTrainingPage *self,
                                         BkStore        *store);
void     bk_training_page_set_user_dir  (BkTrainingPage *self,
                                         const char     *dir);
gboolean bk_training_page_open_scenario (BkTrainingPage *self,
                                         const char     *id);

G_END_DECLS
