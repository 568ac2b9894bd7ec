/* bk-clock.c
 * The one place the program reads the clock; tests fix it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Core rules never call this: they take `now` as a parameter. The app asks
 * here once per user action and passes the answer down, so a UI test that
 * fixes the clock sees the same dates a teacher would on that day.
 */
#define G_LOG_DOMAIN "bk-clock"

#include "bk-clock.h"

static GDateTime *fixed_now;

/**
 * bk_clock_now:
 *
 * Returns: (transfer full): the fixed time if a test set one, else local now
 */
GDateTime *
bk_clock_now (void)
{
  if (fixed_now != NULL)
    return g_date_time_ref (fixed_now);
  return g_date_time_new_now_local ();
}

/**
 * bk_clock_set_fixed:
 * @now: (nullable): the time to report from now on; %NULL for the real clock
 */
void
bk_clock_set_fixed (GDateTime *now)
{
  g_clear_pointer (&fixed_now, g_date_time_unref);
  if (now != NULL)
    fixed_now = g_date_time_ref (now);
}
