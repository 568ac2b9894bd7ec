/* bk-branch-map.h
 * A map of a scenario's branches for the authoring screen: nodes left to right, links between.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "bk-scenario.h"
#include "bk-self-check-chart.h"

G_BEGIN_DECLS

void        bk_branch_map_size        (BkScenario          *s,
                                       double              *width,
                                       double              *height);

void        bk_branch_map_draw        (BkScenario          *s,
                                       const char          *selected_id,
                                       GHashTable          *problem_ids,
                                       cairo_t             *cr,
                                       double               width,
                                       double               height,
                                       const BkChartColour *ink);

const char *bk_branch_map_node_at     (BkScenario          *s,
                                       double               x,
                                       double               y);

gboolean    bk_branch_map_node_bounds (BkScenario          *s,
                                       const char          *id,
                                       double              *x,
                                       double              *y,
                                       double              *width,
                                       double              *height);

G_END_DECLS
