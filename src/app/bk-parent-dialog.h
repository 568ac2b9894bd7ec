/* bk-parent-dialog.h
 * Add a parent to a child, or change a parent's details.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-parent.h"

G_BEGIN_DECLS

#define BK_TYPE_PARENT_DIALOG (bk_parent_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkParentDialog, bk_parent_dialog, BK, PARENT_DIALOG, AdwWindow)

BkParentDialog *bk_parent_dialog_new  (GtkWindow      *parent_window,
                                       BkStore        *store,
                                       BkParent       *parent,
                                       gint64          child_id,
                                       const char     *child_name);
gboolean        bk_parent_dialog_save (BkParentDialog *self);
gboolean        bk_parent_dialog_link (BkParentDialog *self,
                                       gint64          parent_id);

G_END_DECLS
