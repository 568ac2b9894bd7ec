/* bk-clock.h
 * The one place the program reads the clock; tests fix it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *bk_clock_now       (void);
void       bk_clock_set_fixed (GDateTime *now);

G_END_DECLS
