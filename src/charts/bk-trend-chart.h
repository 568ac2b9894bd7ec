/* bk-trend-chart.h
 * An intern's growth over practice runs: the share of the best path reached, per competency.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "bk-practice.h"
#include "bk-self-check-chart.h"

G_BEGIN_DECLS

/* One run: what it scored and what its scenario's best path scores. */
typedef struct
{
  int scores[BK_N_COMPETENCIES];
  int best[BK_N_COMPETENCIES];
} BkTrendPoint;

const BkChartColour *bk_competency_colour    (BkCompetency         c);

GArray              *bk_trend_points_from_runs (GPtrArray          *runs,
                                                GPtrArray          *library);

void                 bk_trend_chart_draw     (const BkTrendPoint  *points,
                                              guint                n_points,
                                              cairo_t             *cr,
                                              double               width,
                                              double               height,
                                              const BkChartColour *ink);

G_END_DECLS
