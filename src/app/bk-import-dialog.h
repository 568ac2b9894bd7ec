/* bk-import-dialog.h
 * Check a class list before anything is written, then import it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-import.h"

G_BEGIN_DECLS

#define BK_TYPE_IMPORT_DIALOG (bk_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkImportDialog, bk_import_dialog, BK, IMPORT_DIALOG, AdwWindow)

BkImportDialog *bk_import_dialog_new            (GtkWindow      *parent,
                                                 BkImport       *import,
                                                 const char     *file_name);
gboolean        bk_import_dialog_commit         (BkImportDialog *self);
AdwComboRow    *bk_import_dialog_get_column_row (BkImportDialog *self,
                                                 BkImportColumn  column);

G_END_DECLS
