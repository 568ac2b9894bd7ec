/* bk-session-dialog.h
 * A whole group's entries after a session, by keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_SESSION_DIALOG (bk_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkSessionDialog, bk_session_dialog, BK, SESSION_DIALOG, AdwWindow)

BkSessionDialog *bk_session_dialog_new  (GtkWindow       *parent,
                                         BkStore         *store);
gboolean         bk_session_dialog_save (BkSessionDialog *self);

const char      *bk_face_icon_name      (int              rating);

G_END_DECLS
