/* bk-report-dialog.h
 * Writing a development report beside the sessions it covers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_REPORT_DIALOG (bk_report_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkReportDialog, bk_report_dialog, BK, REPORT_DIALOG, AdwWindow)

BkReportDialog *bk_report_dialog_new           (GtkWindow      *parent,
                                                BkStore        *store,
                                                gint64          child_id,
                                                const char     *child_name,
                                                int             number);
gboolean        bk_report_dialog_save          (BkReportDialog *self,
                                                gboolean        final);
GtkTextBuffer  *bk_report_dialog_get_buffer    (BkReportDialog *self);
const char     *bk_report_dialog_get_problem   (BkReportDialog *self);
guint           bk_report_dialog_get_n_entries (BkReportDialog *self);

G_END_DECLS
