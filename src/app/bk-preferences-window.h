/* bk-preferences-window.h
 * The preferences: a few settings, each bound to its GSettings key.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_PREFERENCES_WINDOW (bk_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (BkPreferencesWindow, bk_preferences_window, BK, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

BkPreferencesWindow *bk_preferences_window_new (GtkWindow *parent);

G_END_DECLS
