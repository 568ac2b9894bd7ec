/* bk-ics.h
 * Planned parent conversations as an iCalendar file for the staff calendar.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

char     *bk_ics_planned_conversations (BkStore     *store,
                                        GDateTime   *now,
                                        GError     **error);
gboolean  bk_ics_write_planned         (BkStore     *store,
                                        GDateTime   *now,
                                        const char  *path,
                                        GError     **error);
char     *bk_ics_escape_text           (const char  *text);

G_END_DECLS
