/* bk-children-page-private.h
 * What tests may reach inside the Children section.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-children-page.h"

G_BEGIN_DECLS

AdwToast *bk_children_page_get_undo_toast (BkChildrenPage *self);

G_END_DECLS
