/* bk-self-check-chart.h
 * A staff member's self-checks over time: six lines on a 1-5 scale.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "bk-conversation.h"

G_BEGIN_DECLS

/* The colour of each line, as the legend shows it: r, g, b in 0..1. */
typedef struct
{
  double r, g, b;
} BkChartColour;

void bk_self_check_chart_draw (GArray              *points,
                               cairo_t             *cr,
                               double               width,
                               double               height,
                               const BkChartColour *ink);

G_END_DECLS
