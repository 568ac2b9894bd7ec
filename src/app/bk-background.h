/* bk-background.h
 * Running without a window: starting at login, for the reminders.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *bk_background_autostart_path (void);
gboolean  bk_background_set_autostart  (gboolean   enabled,
                                        GError   **error);

G_END_DECLS
