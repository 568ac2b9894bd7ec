/* bk-children-page.h
 * The Children section: a searchable list of children beside the form of one.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_CHILDREN_PAGE (bk_children_page_get_type ())
G_DECLARE_FINAL_TYPE (BkChildrenPage, bk_children_page, BK, CHILDREN_PAGE, AdwBin)

void     bk_children_page_set_store (BkChildrenPage *self,
                                     BkStore        *store);
gboolean bk_children_page_can_close (BkChildrenPage *self);

gboolean bk_children_page_show_child (BkChildrenPage *self,
                                      gint64          child_id);

G_END_DECLS
