/* bk-scenario-editor.h
 * The window where a teacher writes a role-play scenario for interns to practise.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-scenario.h"

G_BEGIN_DECLS

#define BK_TYPE_SCENARIO_EDITOR (bk_scenario_editor_get_type ())
G_DECLARE_FINAL_TYPE (BkScenarioEditor, bk_scenario_editor, BK, SCENARIO_EDITOR, AdwWindow)

BkScenarioEditor *bk_scenario_editor_new             (GtkWindow        *parent,
                                                      BkScenario       *scenario,
                                                      const char       *user_dir);
gboolean          bk_scenario_editor_save            (BkScenarioEditor *self,
                                                      GError          **error);
gboolean          bk_scenario_editor_import          (BkScenarioEditor *self,
                                                      GFile            *file,
                                                      GError          **error);
gboolean          bk_scenario_editor_export          (BkScenarioEditor *self,
                                                      GFile            *file,
                                                      gboolean          twee,
                                                      GError          **error);
BkScenario       *bk_scenario_editor_get_scenario    (BkScenarioEditor *self);
guint             bk_scenario_editor_get_n_problems  (BkScenarioEditor *self);
void              bk_scenario_editor_select_node     (BkScenarioEditor *self,
                                                      const char       *id);

G_END_DECLS
