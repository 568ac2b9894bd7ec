/* bk-parents-page.h
 * The Parents section: all parents, or those not reached, beside one parent.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_PARENTS_PAGE (bk_parents_page_get_type ())
G_DECLARE_FINAL_TYPE (BkParentsPage, bk_parents_page, BK, PARENTS_PAGE, AdwBin)

void bk_parents_page_set_store (BkParentsPage *self,
                                BkStore       *store);

gboolean bk_parents_page_show_parent (BkParentsPage *self,
                                      gint64         parent_id);

G_END_DECLS
