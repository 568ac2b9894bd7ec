/* bk-session-row.h
 * One session entry as a list row: session and day, what happened, the face.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-session.h"

G_BEGIN_DECLS

GtkWidget *bk_session_row_new (const BkSessionEntry *entry);
void       bk_session_row_set_entry (GtkWidget      *row,
                                     const BkSessionEntry *entry);
const char *bk_session_row_get_title  (GtkWidget *row);
const char *bk_session_row_get_detail (GtkWidget *row);
guint      bk_estimate_lines  (const char           *text,
                               guint                 max);

G_END_DECLS
