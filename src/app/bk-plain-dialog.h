/* bk-plain-dialog.h
 * A plain-language text for parents: a meeting's summary, or a letter.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_PLAIN_DIALOG (bk_plain_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkPlainDialog, bk_plain_dialog, BK, PLAIN_DIALOG, AdwWindow)

BkPlainDialog *bk_plain_dialog_new_summary  (GtkWindow     *parent,
                                             BkStore       *store,
                                             gint64         event_id);
BkPlainDialog *bk_plain_dialog_new_letter   (GtkWindow     *parent,
                                             BkStore       *store,
                                             gint64         conversation_id);
void           bk_plain_dialog_set_text     (BkPlainDialog *self,
                                             const char    *title,
                                             const char    *body);
gboolean       bk_plain_dialog_save         (BkPlainDialog *self);
gboolean       bk_plain_dialog_write_pdf    (BkPlainDialog *self,
                                             const char    *path);
gboolean       bk_plain_dialog_write_text   (BkPlainDialog *self,
                                             const char    *path);
gboolean       bk_plain_dialog_print        (BkPlainDialog *self,
                                             const char    *export_path);
gboolean       bk_plain_dialog_mark_sent    (BkPlainDialog *self);
char          *bk_plain_dialog_copy_addresses (BkPlainDialog *self);
guint          bk_plain_dialog_get_n_advice (BkPlainDialog *self);
const char    *bk_plain_dialog_get_problem  (BkPlainDialog *self);

G_END_DECLS
