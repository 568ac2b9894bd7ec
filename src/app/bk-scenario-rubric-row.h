/* bk-scenario-rubric-row.h
 * One rubric item of an open turn in the scenario editor: its text and its competency.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-scenario.h"

G_BEGIN_DECLS

#define BK_TYPE_SCENARIO_RUBRIC_ROW (bk_scenario_rubric_row_get_type ())
G_DECLARE_FINAL_TYPE (BkScenarioRubricRow, bk_scenario_rubric_row, BK, SCENARIO_RUBRIC_ROW, AdwEntryRow)

GtkWidget    *bk_scenario_rubric_row_new      (BkRubricItem        *item,
                                               guint                position);
BkRubricItem *bk_scenario_rubric_row_get_item (BkScenarioRubricRow *self);

G_END_DECLS
