/* bk-scenario-choice-row.h
 * One choice of a decision point in the scenario editor, as an expandable row.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-scenario.h"

G_BEGIN_DECLS

#define BK_TYPE_SCENARIO_CHOICE_ROW (bk_scenario_choice_row_get_type ())
G_DECLARE_FINAL_TYPE (BkScenarioChoiceRow, bk_scenario_choice_row, BK, SCENARIO_CHOICE_ROW, AdwExpanderRow)

GtkWidget *bk_scenario_choice_row_new        (BkChoice            *choice,
                                              guint                position,
                                              const char * const  *node_ids);
BkChoice  *bk_scenario_choice_row_get_choice (BkScenarioChoiceRow *self);
void       bk_scenario_choice_row_set_group  (BkScenarioChoiceRow *self,
                                              BkScenarioChoiceRow *first);

G_END_DECLS
