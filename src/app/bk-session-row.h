/* bk-session-row.h
 * One session entry as a list row: session and day, what happened, the face.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-session.h"

G_BEGIN_DECLS

GtkWidget *bk_session_row_new (const BkSessionEntry *entry);

G_END_DECLS
