/* bk-child-editor.h
 * The form for one child: shows it, checks it, saves it, deletes it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-child.h"
#include "bk-conversation-dialog.h"
#include "bk-report-dialog.h"

G_BEGIN_DECLS

#define BK_TYPE_CHILD_EDITOR (bk_child_editor_get_type ())
G_DECLARE_FINAL_TYPE (BkChildEditor, bk_child_editor, BK, CHILD_EDITOR, AdwBin)

void        bk_child_editor_set_store    (BkChildEditor *self,
                                          BkStore       *store);
void        bk_child_editor_edit         (BkChildEditor *self,
                                          BkChild       *child);
void        bk_child_editor_clear        (BkChildEditor *self);
gboolean    bk_child_editor_save         (BkChildEditor *self);
gboolean    bk_child_editor_leave        (BkChildEditor *self);
void        bk_child_editor_discard      (BkChildEditor *self);
gint64      bk_child_editor_get_child_id (BkChildEditor *self);
gboolean    bk_child_editor_is_dirty     (BkChildEditor *self);
const char *bk_child_editor_get_title    (BkChildEditor *self);
gboolean    bk_child_editor_write_summary (BkChildEditor *self,
                                          const char    *path);
gboolean    bk_child_editor_print_summary (BkChildEditor *self,
                                          const char    *export_path);
BkReportDialog   *bk_child_editor_open_report (BkChildEditor *self,
                                               int            number);
AdwMessageDialog *bk_child_editor_close_goal  (BkChildEditor *self);
BkConversationDialog *bk_child_editor_open_conversation (BkChildEditor *self,
                                                         gint64         conversation_id);
void        bk_child_editor_show_timeline (BkChildEditor *self);

G_END_DECLS
