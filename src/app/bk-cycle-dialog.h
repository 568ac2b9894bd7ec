/* bk-cycle-dialog.h
 * A new cycle (with its fixed moments) or living group.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_CYCLE_DIALOG (bk_cycle_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkCycleDialog, bk_cycle_dialog, BK, CYCLE_DIALOG, AdwWindow)

BkCycleDialog *bk_cycle_dialog_new  (GtkWindow     *parent,
                                     BkStore       *store);
gboolean       bk_cycle_dialog_save (BkCycleDialog *self);

G_END_DECLS
