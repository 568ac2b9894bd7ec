/* bk-scenario-editor-private.h
 * What the files of the scenario editor share: the struct and their hooks into each other.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-scenario-editor.h"
#include "bk-text-row.h"

G_BEGIN_DECLS

struct _BkScenarioEditor
{
  AdwWindow             parent_instance;

  BkScenario           *scenario;
  char                 *user_dir;
  char                 *saved_path;     /* the file in user_dir it is saved as, or NULL */
  GPtrArray            *problems;       /* BkProblem, as shown */
  GHashTable           *problem_ids;    /* ids of nodes with problems (owned keys) */
  BkNode               *node;           /* the node being edited, or NULL */
  GPtrArray            *choice_rows;    /* BkScenarioChoiceRow shown for node */
  GPtrArray            *rubric_rows;    /* BkScenarioRubricRow shown for node */
  BkNode               *deleted;        /* the last deleted node, for undo */
  guint                 deleted_at;
  guint                 check_source;
  guint                 scroll_source;
  gboolean              loading;
  gboolean              dirty;
  GtkCheckButton       *competency_checks[BK_N_COMPETENCIES];

  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *view_stack;
  GtkListBox           *node_list;
  GtkStack             *node_stack;
  GtkScrolledWindow    *node_scroller;
  AdwEntryRow          *node_id_row;
  AdwComboRow          *kind_row;
  AdwActionRow         *start_row;
  GtkSwitch            *start_switch;
  BkTextRow            *narration_row;
  BkTextRow            *line_row;
  BkTextRow            *direction_row;
  AdwPreferencesGroup  *choices_group;
  AdwPreferencesGroup  *open_group;
  BkTextRow            *prompt_row;
  AdwComboRow          *open_next_row;
  AdwPreferencesGroup  *rubric_group;
  AdwPreferencesGroup  *ending_group;
  AdwComboRow          *ending_kind_row;
  AdwEntryRow          *ending_title_row;
  BkTextRow            *ending_text_row;
  GtkLabel             *problems_title;
  GtkLabel             *problems_hint;
  GtkListBox           *problems_list;
  GtkScrolledWindow    *map_scroller;
  GtkDrawingArea       *map_area;
  AdwPreferencesPage   *settings_page;
  AdwEntryRow          *title_row;
  BkTextRow            *summary_row;
  BkTextRow            *objectives_row;
  GtkGrid              *competencies_grid;
  AdwEntryRow          *name_row;
  AdwEntryRow          *role_row;
  BkTextRow            *situation_row;
  AdwComboRow          *parent_type_row;
  AdwComboRow          *dutch_level_row;
  AdwComboRow          *channel_row;
  BkTextRow            *context_row;
  AdwEntryRow          *id_row;
  GtkLabel             *id_error_label;
};

/* bk-scenario-editor.c */
void        _bk_scenario_editor_changed           (BkScenarioEditor *self);
void        _bk_scenario_editor_nodes_changed     (BkScenarioEditor *self,
                                                   BkNode           *select);
void        _bk_scenario_editor_check_now         (BkScenarioEditor *self);
void        _bk_scenario_editor_toast             (BkScenarioEditor *self,
                                                   const char       *title);
void        _bk_scenario_editor_update_actions    (BkScenarioEditor *self);
void        _bk_scenario_editor_update_title      (BkScenarioEditor *self);
void        _bk_scenario_editor_set_scenario      (BkScenarioEditor *self,
                                                   BkScenario       *scenario,
                                                   GPtrArray        *problems);
BkScenario *_bk_scenario_editor_copy              (BkScenario       *scenario);
void        _bk_scenario_editor_emit_saved        (BkScenarioEditor *self);
void        _bk_scenario_editor_update_node_rows  (BkScenarioEditor *self);

/* bk-scenario-editor-problems.c: the problems list and the map */
void        _bk_scenario_editor_class_init_problems (GtkWidgetClass *widget_class);
void        _bk_scenario_editor_init_problems     (BkScenarioEditor *self);
void        _bk_scenario_editor_set_problems      (BkScenarioEditor *self,
                                                   GPtrArray        *problems);
void        _bk_scenario_editor_map_show_node     (BkScenarioEditor *self);

/* bk-scenario-editor-node.c: the node being edited */
void        _bk_scenario_editor_class_init_node   (GtkWidgetClass   *widget_class);
void        _bk_scenario_editor_init_node         (BkScenarioEditor *self);
void        _bk_scenario_editor_load_node         (BkScenarioEditor *self);
void        _bk_scenario_editor_expand_choice     (BkScenarioEditor *self,
                                                   guint             position);
const char **_bk_scenario_editor_node_ids         (BkScenarioEditor *self);

/* bk-scenario-editor-settings.c: the Scenario page */
void        _bk_scenario_editor_class_init_settings (GtkWidgetClass *widget_class);
void        _bk_scenario_editor_init_settings     (BkScenarioEditor *self);
void        _bk_scenario_editor_load_settings     (BkScenarioEditor *self);
gboolean    _bk_scenario_editor_check_id          (BkScenarioEditor *self,
                                                   GError          **error);
void        _bk_scenario_editor_show_id_error     (BkScenarioEditor *self,
                                                   const char       *message);
GtkWidget  *_bk_scenario_editor_settings_widget   (BkScenarioEditor *self,
                                                   const char       *path);

/* bk-scenario-editor-actions.c: saving, files, preview, adding and deleting nodes */
void        _bk_scenario_editor_class_init_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
