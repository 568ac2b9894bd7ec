/* bk-radar-chart.h
 * A practice run's competency scores beside the best path's, on eight axes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "bk-scenario.h"
#include "bk-self-check-chart.h"

G_BEGIN_DECLS

void  bk_radar_chart_draw     (const int           *scores,
                               const int           *best,
                               cairo_t             *cr,
                               double               width,
                               double               height,
                               const BkChartColour *ink);

char *bk_radar_chart_describe (const int           *scores,
                               const int           *best);

G_END_DECLS
