/* bk-conversation-dialog.h
 * Plan or log a parent conversation, with its preparation beside it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

#include "bk-plain-dialog.h"

G_BEGIN_DECLS

#define BK_TYPE_CONVERSATION_DIALOG (bk_conversation_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BkConversationDialog, bk_conversation_dialog, BK, CONVERSATION_DIALOG, AdwWindow)

BkConversationDialog *bk_conversation_dialog_new         (GtkWindow            *parent,
                                                          BkStore              *store,
                                                          gint64                child_id,
                                                          gint64                conversation_id);
gboolean              bk_conversation_dialog_save        (BkConversationDialog *self);
void                  bk_conversation_dialog_add_agreement (BkConversationDialog *self,
                                                          const char           *text,
                                                          const char           *owner,
                                                          const char           *due_on);
const char           *bk_conversation_dialog_get_problem (BkConversationDialog *self);
gboolean              bk_conversation_dialog_write_preparation (BkConversationDialog *self,
                                                                const char           *path);
gboolean              bk_conversation_dialog_print_preparation (BkConversationDialog *self,
                                                                const char           *export_path);
BkPlainDialog        *bk_conversation_dialog_write_letter (BkConversationDialog *self);
guint                 bk_conversation_dialog_get_n_preparation_parts (BkConversationDialog *self);

G_END_DECLS
