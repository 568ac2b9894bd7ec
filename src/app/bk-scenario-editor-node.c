/* bk-scenario-editor-node.c
 * The scenario editor's form for one node: its id, kind, the parent's turn, and its choices, open turn or ending.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The form writes each edit straight into the node. Renaming waits for
 * Enter (or the apply button), because links follow the new id and a
 * half-typed id should not be what they follow. Changing the kind keeps
 * what was written for the other kinds in memory (only the chosen kind
 * is saved), so switching back and forth loses nothing while editing.
 */
#define G_LOG_DOMAIN "bk-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-id-combo.h"
#include "bk-scenario-choice-row.h"
#include "bk-scenario-editor-private.h"
#include "bk-scenario-rubric-row.h"

#define MAX_CHOICES 5

static const char * const ending_ids[] = { "good", "mixed", "poor", NULL };

/**
 * _bk_scenario_editor_node_ids:
 *
 * Returns: (transfer container): the ids of the nodes, %NULL-terminated
 */
const char **
_bk_scenario_editor_node_ids (BkScenarioEditor *self)
{
  GPtrArray *nodes = self->scenario->nodes;
  const char **ids = g_new0 (const char *, nodes->len + 1);

  for (guint i = 0; i < nodes->len; i++)
    ids[i] = ((BkNode *) g_ptr_array_index (nodes, i))->id;
  return ids;
}

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

/* Choices */

static void load_choices (BkScenarioEditor *self);

static void
row_edited_cb (BkScenarioEditor *self)
{
  _bk_scenario_editor_changed (self);
}

/* Radio-like: the row switched on is the best; the others are not. */
static void
choice_best_cb (BkScenarioChoiceRow *row,
                BkScenarioEditor    *self)
{
  BkChoice *best = bk_scenario_choice_row_get_choice (row);

  for (guint i = 0; i < self->node->choices->len; i++)
    {
      BkChoice *c = g_ptr_array_index (self->node->choices, i);

      c->best = c == best;
    }
  _bk_scenario_editor_changed (self);
}

static void
choice_remove_cb (BkScenarioChoiceRow *row,
                  BkScenarioEditor    *self)
{
  BkChoice *c = bk_scenario_choice_row_get_choice (row);

  g_ptr_array_remove (self->node->choices, c);
  load_choices (self);
  _bk_scenario_editor_changed (self);
}

static void
load_choices (BkScenarioEditor *self)
{
  g_autofree const char **ids = _bk_scenario_editor_node_ids (self);
  BkScenarioChoiceRow *first = NULL;

  clear_rows (self->choices_group, self->choice_rows);
  if (self->node == NULL || self->node->kind != BK_NODE_CHOICES)
    return;
  for (guint i = 0; i < self->node->choices->len; i++)
    {
      GtkWidget *row = bk_scenario_choice_row_new (g_ptr_array_index (self->node->choices, i), i, ids);

      g_signal_connect_swapped (row, "edited", G_CALLBACK (row_edited_cb), self);
      g_signal_connect (row, "best-chosen", G_CALLBACK (choice_best_cb), self);
      g_signal_connect (row, "remove", G_CALLBACK (choice_remove_cb), self);
      if (first == NULL)
        first = BK_SCENARIO_CHOICE_ROW (row);
      else
        bk_scenario_choice_row_set_group (BK_SCENARIO_CHOICE_ROW (row), first);
      adw_preferences_group_add (self->choices_group, row);
      g_ptr_array_add (self->choice_rows, row);
    }
  _bk_scenario_editor_update_actions (self);
}

/**
 * _bk_scenario_editor_expand_choice:
 *
 * Opens the row of the edited node's choice at @position, to show where a
 * problem is.
 */
void
_bk_scenario_editor_expand_choice (BkScenarioEditor *self,
                                   guint             position)
{
  if (position >= self->choice_rows->len)
    return;
  adw_expander_row_set_expanded (g_ptr_array_index (self->choice_rows, position), TRUE);
  gtk_widget_grab_focus (g_ptr_array_index (self->choice_rows, position));
}

static void
add_choice_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (widget);

  if (self->node == NULL || self->node->kind != BK_NODE_CHOICES || self->node->choices->len >= MAX_CHOICES)
    return;
  g_ptr_array_add (self->node->choices, bk_choice_new ("", ""));
  load_choices (self);
  _bk_scenario_editor_expand_choice (self, self->node->choices->len - 1);
  _bk_scenario_editor_changed (self);
}

/* The rubric of an open turn */

static void load_rubric (BkScenarioEditor *self);

static void
rubric_remove_cb (BkScenarioRubricRow *row,
                  BkScenarioEditor    *self)
{
  g_ptr_array_remove (self->node->rubric, bk_scenario_rubric_row_get_item (row));
  load_rubric (self);
  _bk_scenario_editor_changed (self);
}

static void
load_rubric (BkScenarioEditor *self)
{
  clear_rows (self->rubric_group, self->rubric_rows);
  if (self->node == NULL || self->node->kind != BK_NODE_OPEN)
    return;
  for (guint i = 0; i < self->node->rubric->len; i++)
    {
      GtkWidget *row = bk_scenario_rubric_row_new (g_ptr_array_index (self->node->rubric, i), i);

      g_signal_connect_swapped (row, "edited", G_CALLBACK (row_edited_cb), self);
      g_signal_connect (row, "remove", G_CALLBACK (rubric_remove_cb), self);
      adw_preferences_group_add (self->rubric_group, row);
      g_ptr_array_add (self->rubric_rows, row);
    }
}

static void
add_rubric_item_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (widget);

  if (self->node == NULL || self->node->kind != BK_NODE_OPEN)
    return;
  g_ptr_array_add (self->node->rubric, bk_rubric_item_new ("", -1));
  load_rubric (self);
  gtk_widget_grab_focus (g_ptr_array_index (self->rubric_rows, self->rubric_rows->len - 1));
  _bk_scenario_editor_changed (self);
}

/* The node */

/* Optional texts are left out of the file when blank. */
static char *
text_or_null (BkTextRow *row)
{
  g_autofree char *text = bk_text_row_get_text (row);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  return stripped[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
node_edited_cb (BkScenarioEditor *self)
{
  BkNode *n = self->node;
  const char *kind = bk_id_combo_get (self->ending_kind_row);

  if (self->loading || n == NULL)
    return;
  g_free (n->narration);
  n->narration = text_or_null (self->narration_row);
  g_free (n->line);
  n->line = bk_text_row_get_text (self->line_row);
  g_free (n->direction);
  n->direction = text_or_null (self->direction_row);
  g_free (n->prompt);
  n->prompt = bk_text_row_get_text (self->prompt_row);
  g_free (n->open_next);
  n->open_next = g_strdup (bk_id_combo_get (self->open_next_row));
  for (guint i = 0; ending_ids[i] != NULL; i++)
    if (g_str_equal (kind, ending_ids[i]))
      n->ending_kind = (BkEndingKind) i;
  g_free (n->ending_title);
  n->ending_title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->ending_title_row)));
  g_free (n->ending_text);
  n->ending_text = bk_text_row_get_text (self->ending_text_row);
  _bk_scenario_editor_changed (self);
}

/* A new kind starts with what it needs, so the form is not empty. */
static void
kind_changed_cb (BkScenarioEditor *self)
{
  BkNode *n = self->node;
  BkNodeKind kind = (BkNodeKind) adw_combo_row_get_selected (self->kind_row);

  if (self->loading || n == NULL || kind == n->kind || kind > BK_NODE_ENDING)
    return;
  n->kind = kind;
  if (kind == BK_NODE_CHOICES && n->choices->len == 0)
    {
      g_ptr_array_add (n->choices, bk_choice_new ("", ""));
      g_ptr_array_add (n->choices, bk_choice_new ("", ""));
    }
  else if (kind == BK_NODE_OPEN && n->rubric->len == 0)
    g_ptr_array_add (n->rubric, bk_rubric_item_new ("", -1));
  _bk_scenario_editor_load_node (self);
  _bk_scenario_editor_changed (self);
}

static void
update_start (BkScenarioEditor *self)
{
  gboolean start = self->node != NULL && g_strcmp0 (self->node->id, self->scenario->start) == 0;

  gtk_switch_set_active (self->start_switch, start);
  /* The start moves by making another node the start, never to nowhere. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_switch), !start);
  adw_action_row_set_subtitle (self->start_row, start ? _("Interns begin the conversation with this node.")
                                                      : _("Switch on to begin the conversation here instead."));
}

static void
start_toggled_cb (BkScenarioEditor *self)
{
  if (self->loading || self->node == NULL || !gtk_switch_get_active (self->start_switch))
    return;
  g_free (self->scenario->start);
  self->scenario->start = g_strdup (self->node->id);
  self->loading = TRUE;
  update_start (self);
  self->loading = FALSE;
  _bk_scenario_editor_changed (self);
}

/* Points every link to @from at @to; returns how many there were. */
static guint
rename_links (BkScenario *s,
              const char *from,
              const char *to)
{
  guint n = 0;

  for (guint i = 0; i < s->nodes->len; i++)
    {
      BkNode *node = g_ptr_array_index (s->nodes, i);

      for (guint j = 0; j < node->choices->len; j++)
        {
          BkChoice *c = g_ptr_array_index (node->choices, j);

          if (g_str_equal (c->next, from))
            {
              g_free (c->next);
              c->next = g_strdup (to);
              n++;
            }
        }
      if (g_str_equal (node->open_next, from))
        {
          g_free (node->open_next);
          node->open_next = g_strdup (to);
          n += node->kind == BK_NODE_OPEN;
        }
    }
  if (g_strcmp0 (s->start, from) == 0)
    {
      g_free (s->start);
      s->start = g_strdup (to);
    }
  return n;
}

static void
node_id_apply_cb (BkScenarioEditor *self)
{
  BkNode *n = self->node;
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->node_id_row))));
  g_autofree char *old = NULL;
  g_autofree char *message = NULL;
  guint links;

  if (n == NULL || g_str_equal (id, n->id))
    return;
  if (id[0] == '\0' || bk_scenario_find_node (self->scenario, id) != NULL)
    {
      message = id[0] == '\0' ? g_strdup (_("A node needs an id; it keeps the old one."))
        /* Translators: %s is a node id */
                              : g_strdup_printf (_("There is already a node “%s”. Choose another id."), id);
      _bk_scenario_editor_toast (self, message);
      gtk_editable_set_text (GTK_EDITABLE (self->node_id_row), n->id);
      return;
    }
  old = g_steal_pointer (&n->id);
  links = rename_links (self->scenario, old, id);
  n->id = g_steal_pointer (&id);
  _bk_scenario_editor_nodes_changed (self, n);
  if (links == 0)
    message = g_strdup_printf (_("Renamed “%s” to “%s”."), old, n->id);
  else
    /* Translators: after renaming a node; the links to it were changed along */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Renamed “%s” to “%s”; %u link now leads to the new id.",
                                            "Renamed “%s” to “%s”; %u links now lead to the new id.", links),
                               old, n->id, links);
  _bk_scenario_editor_toast (self, message);
}

/**
 * _bk_scenario_editor_load_node:
 *
 * Shows the node being edited in the form, or that there is none.
 */
void
_bk_scenario_editor_load_node (BkScenarioEditor *self)
{
  BkNode *n = self->node;
  g_autofree const char **ids = _bk_scenario_editor_node_ids (self);
  const char *labels[4];

  if (n == NULL)
    {
      gtk_stack_set_visible_child_name (self->node_stack, "empty");
      clear_rows (self->choices_group, self->choice_rows);
      clear_rows (self->rubric_group, self->rubric_rows);
      _bk_scenario_editor_update_actions (self);
      return;
    }
  for (guint i = 0; i < 3; i++)
    labels[i] = bk_ending_kind_label ((BkEndingKind) i);
  labels[3] = NULL;

  gtk_stack_set_visible_child_name (self->node_stack, "node");
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->node_id_row), n->id);
  adw_combo_row_set_selected (self->kind_row, n->kind);
  update_start (self);
  bk_text_row_set_text (self->narration_row, n->narration);
  bk_text_row_set_text (self->line_row, n->line);
  bk_text_row_set_text (self->direction_row, n->direction);
  gtk_widget_set_visible (GTK_WIDGET (self->choices_group), n->kind == BK_NODE_CHOICES);
  gtk_widget_set_visible (GTK_WIDGET (self->open_group), n->kind == BK_NODE_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->rubric_group), n->kind == BK_NODE_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->ending_group), n->kind == BK_NODE_ENDING);
  bk_text_row_set_text (self->prompt_row, n->prompt);
  /* Translators: in the list of nodes an open turn can lead to; %s is a node id */
  bk_id_combo_set (self->open_next_row, ids, NULL, n->open_next, _("Not chosen yet"), _("“%s”: no such node"));
  bk_id_combo_set (self->ending_kind_row, ending_ids, labels, bk_ending_kind_id (n->ending_kind), "", "%s");
  gtk_editable_set_text (GTK_EDITABLE (self->ending_title_row), n->ending_title);
  bk_text_row_set_text (self->ending_text_row, n->ending_text);
  self->loading = FALSE;
  load_choices (self);
  load_rubric (self);
  _bk_scenario_editor_update_actions (self);
}

void
_bk_scenario_editor_class_init_node (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, node_edited_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_id_apply_cb);
  gtk_widget_class_install_action (widget_class, "editor.add-choice", NULL, add_choice_action);
  gtk_widget_class_install_action (widget_class, "editor.add-rubric-item", NULL, add_rubric_item_action);
}

void
_bk_scenario_editor_init_node (BkScenarioEditor *self)
{
  const char *kinds[] = { _("Decision point: choices"), _("Open turn: the intern writes"), _("Ending"), NULL };
  g_autoptr (GtkStringList) model = gtk_string_list_new (kinds);

  self->loading = TRUE;
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (model));
  self->loading = FALSE;
}
