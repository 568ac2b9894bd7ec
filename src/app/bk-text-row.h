/* bk-text-row.h
 * A boxed-list row for a few lines of text: a small title above a wrapping text view.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_TEXT_ROW (bk_text_row_get_type ())
G_DECLARE_FINAL_TYPE (BkTextRow, bk_text_row, BK, TEXT_ROW, AdwPreferencesRow)

GtkWidget  *bk_text_row_new      (void);
/* Returns: (transfer full): the text */
char       *bk_text_row_get_text (BkTextRow  *self);
void        bk_text_row_set_text (BkTextRow  *self,
                                  const char *text);
GtkTextView *bk_text_row_get_view (BkTextRow *self);

G_END_DECLS
