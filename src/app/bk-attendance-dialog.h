/* bk-attendance-dialog.h
 * Tick who came to an event, all at once.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_ATTENDANCE_DIALOG (bk_attendance_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkAttendanceDialog, bk_attendance_dialog, BK, ATTENDANCE_DIALOG, AdwWindow)

BkAttendanceDialog *bk_attendance_dialog_new  (GtkWindow          *parent,
                                               BkStore            *store);
gboolean            bk_attendance_dialog_save (BkAttendanceDialog *self);

G_END_DECLS
