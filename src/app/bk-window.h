/* bk-window.h
 * The main window: the five sections, toasts, window-wide actions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-application.h"
#include "bk-store.h"

#include "bk-plain-dialog.h"

G_BEGIN_DECLS

#define BK_TYPE_WINDOW (bk_window_get_type ())
G_DECLARE_FINAL_TYPE (BkWindow, bk_window, BK, WINDOW, AdwApplicationWindow)

BkWindow   *bk_window_new          (BkApplication *app,
                                    BkStore       *store);
BkStore    *bk_window_get_store    (BkWindow      *self);
const char *bk_window_get_section  (BkWindow      *self);
void        bk_window_add_toast    (BkWindow      *self,
                                    AdwToast      *toast);
void        bk_window_import_file  (BkWindow      *self,
                                    GFile         *file);
gboolean    bk_window_export_to    (BkWindow      *self,
                                    GFile         *folder);

BkPlainDialog *bk_window_write_summary (BkWindow *self,
                                        gint64    event_id);
gboolean    bk_window_export_calendar (BkWindow   *self,
                                       GFile      *file);
gboolean    bk_window_show_record  (BkWindow      *self,
                                    gint64         child_id,
                                    gint64         parent_id);

G_END_DECLS
