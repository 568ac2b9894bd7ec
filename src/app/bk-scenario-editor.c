/* bk-scenario-editor.c
 * The window where a teacher writes a role-play scenario for interns to practise.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Left the nodes of the conversation, in the author's order; in the
 * middle the node being edited; right the problems that keep interns
 * from practising it; below a map of the branches. The Scenario page
 * holds what the practice room shows about it. The editor always works
 * on its own copy of the scenario: a built-in one edited here is saved
 * to the teacher's folder under the same id and replaces it there.
 *
 * Every edit writes straight into the copy; shortly after the last one
 * (CHECK_DELAY_MS) the rules of data/scenarios/README.md run again and
 * the problems list, the warning icons on the node rows and the map
 * follow. Problems of an imported file keep their line numbers until
 * the first edit. This file holds the window, the node list and the
 * timing of the checks; the problems list and the map, the node form,
 * the Scenario page and the actions (save, files, preview, adding and
 * deleting nodes) have files of their own.
 */
#define G_LOG_DOMAIN "bk-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-scenario-editor-private.h"

#define CHECK_DELAY_MS 300
#define ROW_CHARS      26

G_DEFINE_FINAL_TYPE (BkScenarioEditor, bk_scenario_editor, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Small things */

void
_bk_scenario_editor_toast (BkScenarioEditor *self,
                           const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_bk_scenario_editor_update_title (BkScenarioEditor *self)
{
  const char *title = self->scenario->title[0] != '\0' ? self->scenario->title : _("Untitled Scenario");

  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, self->dirty ? _("Not saved") : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

void
_bk_scenario_editor_update_actions (BkScenarioEditor *self)
{
  GtkWidget *w = GTK_WIDGET (self);
  BkNode *n = self->node;

  gtk_widget_action_set_enabled (w, "editor.delete-node", n != NULL);
  gtk_widget_action_set_enabled (w, "editor.add-choice", n != NULL && n->kind == BK_NODE_CHOICES
                                                         && n->choices->len < 5);
  gtk_widget_action_set_enabled (w, "editor.add-rubric-item", n != NULL && n->kind == BK_NODE_OPEN);
}

/**
 * _bk_scenario_editor_copy:
 *
 * A deep copy through the JSON form, so that the editor never changes a
 * scenario someone else holds (the library, a running practice).
 */
BkScenario *
_bk_scenario_editor_copy (BkScenario *scenario)
{
  g_autofree char *json = bk_scenario_to_json (scenario);
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GError) error = NULL;
  BkScenario *copy = bk_scenario_read (json, -1, &problems, &error);

  if (copy == NULL)
    {
      /* The writer and the reader are tested to round-trip. */
      g_critical ("Could not copy scenario %s: %s", scenario->id, error->message);
      return bk_scenario_ref (scenario);
    }
  copy->path = g_strdup (scenario->path);
  return copy;
}

/* The node list */

static const char *
kind_words (BkNode *node)
{
  switch (node->kind)
    {
    case BK_NODE_CHOICES:
      return node->choices->len == 1 ? _("Continue") : _("Decision point");
    case BK_NODE_OPEN:
      return _("Open turn");
    case BK_NODE_ENDING:
    default:
      return bk_ending_kind_label (node->ending_kind);
    }
}

/* "Start · Decision point", and below it the first words of the line,
 * as many as fit the narrow list on one line: "“Met Bouzidi. Wie is…”" */
static char *
node_subtitle (BkScenarioEditor *self,
               BkNode           *node)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_auto (GStrv) words = g_strsplit_set (node->line, " \n\t", -1);
  g_autoptr (GString) line = g_string_new (NULL);

  if (g_strcmp0 (node->id, self->scenario->start) == 0)
    g_string_append_printf (s, "%s · ", _("Start"));
  g_string_append (s, kind_words (node));
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (line->len > 0 && g_utf8_strlen (line->str, -1) + 1 + g_utf8_strlen (words[i], -1) > ROW_CHARS)
        {
          while (line->len > 0 && strchr (".,;:!?", line->str[line->len - 1]) != NULL)
            g_string_truncate (line, line->len - 1);
          g_string_append (line, "…");
          break;
        }
      g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", words[i]);
    }
  if (line->len > 0)
    g_string_append_printf (s, "\n“%s”", line->str);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
update_node_row (BkScenarioEditor *self,
                 GtkListBoxRow    *row,
                 BkNode           *node)
{
  GtkWidget *icon = g_object_get_data (G_OBJECT (row), "problem-icon");
  g_autofree char *subtitle = node_subtitle (self, node);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), node->id[0] != '\0' ? node->id : _("(no id)"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_visible (icon, g_hash_table_contains (self->problem_ids, node->id));
}

static GtkWidget *
node_row_new (BkScenarioEditor *self,
              BkNode           *node)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (icon, "error");
  gtk_widget_set_tooltip_text (icon, _("This node has problems"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("This node has problems"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "problem-icon", icon);
  update_node_row (self, GTK_LIST_BOX_ROW (row), node);
  return row;
}

void
_bk_scenario_editor_update_node_rows (BkScenarioEditor *self)
{
  for (guint i = 0; i < self->scenario->nodes->len; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->node_list, i);

      if (row != NULL)
        update_node_row (self, row, g_ptr_array_index (self->scenario->nodes, i));
    }
}

static void
select_row_of (BkScenarioEditor *self,
               BkNode           *node)
{
  guint i;

  if (node != NULL && g_ptr_array_find (self->scenario->nodes, node, &i))
    gtk_list_box_select_row (self->node_list, gtk_list_box_get_row_at_index (self->node_list, i));
  else
    gtk_list_box_select_row (self->node_list, gtk_list_box_get_row_at_index (self->node_list, 0));
}

/* Once the list is laid out, brings the selected row into view (after a
 * deletion or a click in the map it may be far down). */
static gboolean
scroll_to_selected_cb (gpointer data)
{
  BkScenarioEditor *self = data;
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->node_list);
  GtkWidget *scroller = gtk_widget_get_ancestor (GTK_WIDGET (self->node_list), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  self->scroll_source = 0;
  if (row != NULL && scroller != NULL
      && gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->node_list), &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                               bounds.origin.y, bounds.origin.y + bounds.size.height);
  _bk_scenario_editor_map_show_node (self);
  return G_SOURCE_REMOVE;
}

static void
node_row_selected_cb (BkScenarioEditor *self,
                      GtkListBoxRow    *row)
{
  int i = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (self->loading)
    return;
  self->node = i >= 0 && (guint) i < self->scenario->nodes->len ? g_ptr_array_index (self->scenario->nodes, i) : NULL;
  _bk_scenario_editor_load_node (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->node_scroller), 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->map_area));
  _bk_scenario_editor_map_show_node (self);
  if (self->scroll_source == 0)
    self->scroll_source = g_idle_add (scroll_to_selected_cb, self);
}

/**
 * _bk_scenario_editor_nodes_changed:
 * @select: (nullable): the node to edit next; %NULL keeps the one edited
 *
 * Nodes were added, removed or renamed: the list, the form's choices of
 * nodes, the map and the problems follow at once.
 */
void
_bk_scenario_editor_nodes_changed (BkScenarioEditor *self,
                                   BkNode           *select)
{
  GtkWidget *child;
  BkNode *keep = select != NULL ? select : self->node;

  bk_scenario_reindex (self->scenario);
  self->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->node_list))) != NULL)
    gtk_list_box_remove (self->node_list, child);
  for (guint i = 0; i < self->scenario->nodes->len; i++)
    gtk_list_box_append (self->node_list, node_row_new (self, g_ptr_array_index (self->scenario->nodes, i)));
  self->loading = FALSE;
  if (keep == NULL || !g_ptr_array_find (self->scenario->nodes, keep, NULL))
    keep = self->scenario->nodes->len > 0 ? g_ptr_array_index (self->scenario->nodes, 0) : NULL;
  self->node = NULL;
  if (keep != NULL)
    select_row_of (self, keep);
  else
    node_row_selected_cb (self, NULL);
  _bk_scenario_editor_changed (self);
  _bk_scenario_editor_check_now (self);
}

void
_bk_scenario_editor_check_now (BkScenarioEditor *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  _bk_scenario_editor_set_problems (self, bk_scenario_check (self->scenario));
}

static gboolean
check_timeout_cb (gpointer data)
{
  BkScenarioEditor *self = data;

  self->check_source = 0;
  _bk_scenario_editor_check_now (self);
  return G_SOURCE_REMOVE;
}

/**
 * _bk_scenario_editor_changed:
 *
 * Something in the scenario was edited: it is not saved any more, and
 * the rules run again shortly after the last edit.
 */
void
_bk_scenario_editor_changed (BkScenarioEditor *self)
{
  if (!self->dirty)
    {
      self->dirty = TRUE;
      _bk_scenario_editor_update_title (self);
    }
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
  _bk_scenario_editor_update_actions (self);
}

/**
 * _bk_scenario_editor_set_scenario:
 * @scenario: (transfer full): what to edit
 * @problems: (transfer full) (nullable): what the reader found, with
 *   lines; %NULL checks it now
 */
void
_bk_scenario_editor_set_scenario (BkScenarioEditor *self,
                                  BkScenario       *scenario,
                                  GPtrArray        *problems)
{
  BkNode *start;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_pointer (&self->deleted, bk_node_free);
  g_clear_pointer (&self->scenario, bk_scenario_unref);
  self->scenario = scenario;
  bk_scenario_reindex (scenario);
  self->node = NULL;
  _bk_scenario_editor_load_settings (self);
  start = bk_scenario_find_node (scenario, scenario->start);
  _bk_scenario_editor_nodes_changed (self, start);
  if (problems != NULL)
    _bk_scenario_editor_set_problems (self, problems);
  _bk_scenario_editor_update_title (self);
}

/* A new scenario: one decision point with two choices, each leading to
 * an ending, so that the teacher sees the shape and the problems list has
 * something to say. */
static BkScenario *
skeleton (const char *user_dir)
{
  BkScenario *s = bk_scenario_new ();
  /* Translators: node ids of a new scenario: lower-case letters, digits and "-" only */
  BkNode *start = bk_node_new (C_("node id", "start"), BK_NODE_CHOICES);
  BkNode *good = bk_node_new (C_("node id", "good-ending"), BK_NODE_ENDING);
  BkNode *poor = bk_node_new (C_("node id", "poor-ending"), BK_NODE_ENDING);
  /* Translators: the id of a new scenario: lower-case letters, digits and "-" only */
  const char *base = C_("scenario id", "new-scenario");

  for (guint n = 1; ; n++)
    {
      g_autofree char *id = n == 1 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
      g_autofree char *file = g_strconcat (id, ".json", NULL);
      g_autofree char *path = g_build_filename (user_dir, file, NULL);
      g_autoptr (BkScenario) builtin = bk_scenario_builtin (id);

      if (!g_file_test (path, G_FILE_TEST_EXISTS) && builtin == NULL)
        {
          g_free (s->id);
          s->id = g_steal_pointer (&id);
          break;
        }
    }
  g_free (s->title);
  s->title = g_strdup (_("New scenario"));
  g_ptr_array_add (start->choices, bk_choice_new ("", good->id));
  g_ptr_array_add (start->choices, bk_choice_new ("", poor->id));
  good->ending_kind = BK_ENDING_GOOD;
  poor->ending_kind = BK_ENDING_POOR;
  g_free (s->start);
  s->start = g_strdup (start->id);
  g_ptr_array_add (s->nodes, start);
  g_ptr_array_add (s->nodes, good);
  g_ptr_array_add (s->nodes, poor);
  bk_scenario_reindex (s);
  return s;
}

/* Public API */

/**
 * bk_scenario_editor_get_scenario:
 *
 * Returns: (transfer none): the scenario as edited so far
 */
BkScenario *
bk_scenario_editor_get_scenario (BkScenarioEditor *self)
{
  g_return_val_if_fail (BK_IS_SCENARIO_EDITOR (self), NULL);

  return self->scenario;
}

/**
 * bk_scenario_editor_get_n_problems:
 *
 * Runs a pending check now, and returns the number of problems listed.
 */
guint
bk_scenario_editor_get_n_problems (BkScenarioEditor *self)
{
  g_return_val_if_fail (BK_IS_SCENARIO_EDITOR (self), 0);

  if (self->check_source != 0)
    _bk_scenario_editor_check_now (self);
  return self->problems->len;
}

/**
 * bk_scenario_editor_select_node:
 *
 * Shows the node with @id in the form, its row and its box selected.
 */
void
bk_scenario_editor_select_node (BkScenarioEditor *self,
                                const char       *id)
{
  BkNode *node;

  g_return_if_fail (BK_IS_SCENARIO_EDITOR (self));

  node = bk_scenario_find_node (self->scenario, id);
  if (node != NULL && node != self->node)
    select_row_of (self, node);
}

static void
bk_scenario_editor_dispose (GObject *object)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (object);

  /* The widgets go after this, and tell about it (a list row unselected):
   * nothing of that is an edit. */
  self->loading = TRUE;
  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_handle_id (&self->scroll_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_SCENARIO_EDITOR);
  g_clear_pointer (&self->choice_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rubric_rows, g_ptr_array_unref);
  g_clear_pointer (&self->deleted, bk_node_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->problem_ids, g_hash_table_unref);
  g_clear_pointer (&self->scenario, bk_scenario_unref);
  g_clear_pointer (&self->user_dir, g_free);
  g_clear_pointer (&self->saved_path, g_free);
  G_OBJECT_CLASS (bk_scenario_editor_parent_class)->dispose (object);
}

static void
bk_scenario_editor_class_init (BkScenarioEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_scenario_editor_dispose;

  /**
   * BkScenarioEditor::saved:
   * @scenario: (type gpointer): the BkScenario just saved, owned by the editor
   *
   * The scenario was written to the teacher's folder.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  g_type_ensure (BK_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/betrokken/Betrokken/ui/bk-scenario-editor.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BkScenarioEditor, name)
  BIND (toast_overlay);
  BIND (switcher_title);
  BIND (view_stack);
  BIND (node_list);
  BIND (node_stack);
  BIND (node_scroller);
  BIND (node_id_row);
  BIND (kind_row);
  BIND (start_row);
  BIND (start_switch);
  BIND (narration_row);
  BIND (line_row);
  BIND (direction_row);
  BIND (choices_group);
  BIND (open_group);
  BIND (prompt_row);
  BIND (open_next_row);
  BIND (rubric_group);
  BIND (ending_group);
  BIND (ending_kind_row);
  BIND (ending_title_row);
  BIND (ending_text_row);
  BIND (problems_title);
  BIND (problems_hint);
  BIND (problems_list);
  BIND (map_scroller);
  BIND (map_area);
  BIND (settings_page);
  BIND (title_row);
  BIND (summary_row);
  BIND (objectives_row);
  BIND (competencies_grid);
  BIND (name_row);
  BIND (role_row);
  BIND (situation_row);
  BIND (parent_type_row);
  BIND (dutch_level_row);
  BIND (channel_row);
  BIND (context_row);
  BIND (id_row);
  BIND (id_error_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, node_row_selected_cb);
  _bk_scenario_editor_class_init_problems (widget_class);
  _bk_scenario_editor_class_init_node (widget_class);
  _bk_scenario_editor_class_init_settings (widget_class);
  _bk_scenario_editor_class_init_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
bk_scenario_editor_init (BkScenarioEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->problem_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_problem_free);
  self->choice_rows = g_ptr_array_new ();
  self->rubric_rows = g_ptr_array_new ();
  _bk_scenario_editor_init_problems (self);
  _bk_scenario_editor_init_node (self);
  _bk_scenario_editor_init_settings (self);
}

/**
 * bk_scenario_editor_new:
 * @parent: (nullable): the window it belongs to
 * @scenario: (nullable): the scenario to edit, which is not changed (the
 *   editor works on a copy); %NULL starts a new one
 * @user_dir: the teacher's scenarios folder, where Save writes
 *
 * Returns: (transfer none): the editor window, not yet shown
 */
BkScenarioEditor *
bk_scenario_editor_new (GtkWindow  *parent,
                        BkScenario *scenario,
                        const char *user_dir)
{
  BkScenarioEditor *self = g_object_new (BK_TYPE_SCENARIO_EDITOR, "transient-for", parent, NULL);
  g_autofree char *user_path = NULL;

  g_return_val_if_fail (user_dir != NULL, self);

  self->user_dir = g_strdup (user_dir);
  if (scenario == NULL)
    {
      _bk_scenario_editor_set_scenario (self, skeleton (user_dir), NULL);
      /* Nothing of the teacher's to lose yet, but a new scenario is not on disk. */
      self->dirty = TRUE;
    }
  else
    {
      g_autofree char *file = g_strconcat (scenario->id, ".json", NULL);

      user_path = g_build_filename (user_dir, file, NULL);
      /* A built-in one is saved as the teacher's copy under its id; a
       * teacher's own is saved where it was read from. */
      if (scenario->builtin)
        self->saved_path = g_steal_pointer (&user_path);
      else if (scenario->path != NULL)
        self->saved_path = g_strdup (scenario->path);
      _bk_scenario_editor_set_scenario (self, _bk_scenario_editor_copy (scenario), NULL);
      self->dirty = FALSE;
    }
  _bk_scenario_editor_update_title (self);
  return self;
}

void
_bk_scenario_editor_emit_saved (BkScenarioEditor *self)
{
  g_signal_emit (self, signals[SAVED], 0, self->scenario);
}
