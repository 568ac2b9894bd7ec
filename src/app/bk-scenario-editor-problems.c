/* bk-scenario-editor-problems.c
 * The scenario editor's problems list and map: what keeps interns from practising it, and where.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A problem carries a JSON path ("$.nodes[4].choices[1].next") or, from
 * the Twee reader, a passage name; the list says it in the words of the
 * form ("Node “begin” › Choice 2 › Leads to") and a click goes there.
 * The map is src/charts/bk-branch-map drawn at its natural size in a
 * scrolled window: the selected node highlighted, nodes with problems
 * outlined, a click selects.
 */
#define G_LOG_DOMAIN "bk-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bk-branch-map.h"
#include "bk-scenario-editor-private.h"

/* Paths in plain words */

typedef struct { const char *key; const char *words; } Words;

static const Words scenario_words[] = {
  { "format", N_("File format") },
  { "version", N_("Format version") },
  { "id", N_("Id") },
  { "title", N_("Title") },
  { "summary", N_("Summary") },
  { "context", N_("What the intern knows beforehand") },
  { "channel", N_("How it takes place") },
  { "objectives", N_("Learning objectives") },
  { "competencies", N_("Competencies") },
  { "start", N_("Where the conversation starts") },
  { "nodes", N_("Nodes") },
  { "name", N_("Name") },
  { "role", N_("Role") },
  { "situation", N_("Situation") },
  { "parent_type", N_("Parent type") },
  { "dutch_level", N_("How much Dutch") },
};

static const Words node_words[] = {
  { "id", N_("Id") },
  { "line", N_("What the parent says") },
  { "narration", N_("Narration") },
  { "direction", N_("Stage direction") },
  { "text", N_("Text") },
  { "next", N_("Leads to") },
  { "best", N_("Best choice") },
  { "technique", N_("Technique") },
  { "feedback", N_("Feedback") },
  { "scores", N_("Scores") },
  { "prompt", N_("Prompt") },
  { "rubric", N_("Rubric") },
  { "competency", N_("Competency") },
  { "kind", N_("How it ended") },
  { "title", N_("Title") },
};

static const char *
words_for (const Words *table,
           gsize        n,
           const char  *key)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (table[i].key, key))
      return _(table[i].words);
  return key;
}

/* "choices[2]" -> "choices", 2; "open" -> "open", -1 */
static char *
split_index (const char *token,
             int        *index)
{
  const char *bracket = strchr (token, '[');

  *index = bracket != NULL ? atoi (bracket + 1) : -1;
  return bracket != NULL ? g_strndup (token, bracket - token) : g_strdup (token);
}

static BkNode *
node_of_path (BkScenario *s,
              const char *path)
{
  const char *open, *close;

  if (g_str_has_prefix (path, "$.nodes["))
    {
      guint i = (guint) strtoul (path + strlen ("$.nodes["), NULL, 10);
      return i < s->nodes->len ? g_ptr_array_index (s->nodes, i) : NULL;
    }
  /* The Twee reader names a passage: passage “name” */
  open = strstr (path, "“");
  close = g_strrstr (path, "”");
  if (open != NULL && close != NULL && close > open)
    {
      g_autofree char *id = g_strndup (open + strlen ("“"), close - open - strlen ("“"));
      return bk_scenario_find_node (s, id);
    }
  return NULL;
}

/* "$.nodes[4].choices[1].next" -> "Node “begin” › Choice 2 › Leads to" */
static char *
describe_path (BkScenario *s,
               const char *path)
{
  g_auto (GStrv) tokens = NULL;
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  gboolean in_node = FALSE;

  if (!g_str_has_prefix (path, "$."))
    return g_strdup (path);
  tokens = g_strsplit (path + 2, ".", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      int index;
      g_autofree char *key = split_index (tokens[i], &index);

      if (i == 0 && g_str_equal (key, "nodes") && index >= 0)
        {
          BkNode *node = (guint) index < s->nodes->len ? g_ptr_array_index (s->nodes, index) : NULL;

          in_node = TRUE;
          if (node != NULL && node->id[0] != '\0')
            g_ptr_array_add (parts, g_strdup_printf (_("Node “%s”"), node->id));
          else
            g_ptr_array_add (parts, g_strdup_printf (_("Node %d"), index + 1));
        }
      else if (i == 0 && g_str_equal (key, "persona"))
        g_ptr_array_add (parts, g_strdup (_("The parent")));
      else if (in_node && g_str_equal (key, "choices") && index >= 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Choice %d"), index + 1));
      else if (in_node && g_str_equal (key, "open"))
        g_ptr_array_add (parts, g_strdup (_("Open turn")));
      else if (in_node && g_str_equal (key, "ending"))
        g_ptr_array_add (parts, g_strdup (_("Ending")));
      else if (in_node && g_str_equal (key, "rubric") && index >= 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Rubric item %d"), index + 1));
      else if (in_node && i > 0 && g_str_equal (tokens[i - 1], "scores") && bk_competency_from_id (key) >= 0)
        {
          g_free (g_ptr_array_steal_index (parts, parts->len - 1));
          g_ptr_array_add (parts, g_strdup_printf (_("Score for %s"),
                                                   bk_competency_label (bk_competency_from_id (key))));
        }
      else if (in_node)
        g_ptr_array_add (parts, g_strdup (words_for (node_words, G_N_ELEMENTS (node_words), key)));
      else if (index >= 0)
        /* Translators: "Learning objectives 2" */
        g_ptr_array_add (parts, g_strdup_printf (_("%s %d"),
                                                 words_for (scenario_words, G_N_ELEMENTS (scenario_words), key),
                                                 index + 1));
      else
        g_ptr_array_add (parts, g_strdup (words_for (scenario_words, G_N_ELEMENTS (scenario_words), key)));
    }
  /* "Scenario" is the name of the page these are on. */
  if (!in_node && parts->len > 0)
    g_ptr_array_insert (parts, 0, g_strdup (_("Scenario")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" › ", (char **) parts->pdata);
}

/* The map */

static void
map_draw (GtkDrawingArea *area,
          cairo_t        *cr,
          int             width,
          int             height,
          gpointer        data)
{
  BkScenarioEditor *self = data;
  GdkRGBA colour;
  BkChartColour ink;

  if (self->scenario == NULL || self->scenario->nodes->len == 0)
    return;
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &colour);
  ink = (BkChartColour) { colour.red, colour.green, colour.blue };
  bk_branch_map_draw (self->scenario, self->node != NULL ? self->node->id : NULL, self->problem_ids,
                      cr, width, height, &ink);
}

static void
update_map (BkScenarioEditor *self)
{
  double width = 0, height = 0;

  if (self->scenario->nodes->len > 0)
    bk_branch_map_size (self->scenario, &width, &height);
  gtk_drawing_area_set_content_width (self->map_area, (int) ceil (width));
  gtk_drawing_area_set_content_height (self->map_area, (int) ceil (height));
  gtk_widget_queue_draw (GTK_WIDGET (self->map_area));
}

/* Scrolls the map so that the selected node's box is in view. */
void
_bk_scenario_editor_map_show_node (BkScenarioEditor *self)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->map_scroller);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->map_scroller);
  double x, y, w, hh;

  if (self->node == NULL || !bk_branch_map_node_bounds (self->scenario, self->node->id, &x, &y, &w, &hh))
    return;
  if (x < gtk_adjustment_get_value (h) || x + w > gtk_adjustment_get_value (h) + gtk_adjustment_get_page_size (h))
    gtk_adjustment_clamp_page (h, MAX (0, x - 24), x + w + 24);
  if (y < gtk_adjustment_get_value (v) || y + hh > gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v))
    gtk_adjustment_clamp_page (v, MAX (0, y - 12), y + hh + 12);
}

static void
map_clicked_cb (GtkGestureClick  *gesture,
                int               n_press,
                double            x,
                double            y,
                BkScenarioEditor *self)
{
  const char *id = bk_branch_map_node_at (self->scenario, x, y);

  if (id != NULL)
    {
      g_autofree char *copy = g_strdup (id);
      bk_scenario_editor_select_node (self, copy);
    }
}

/* Problems */

static void
problem_activated_cb (BkScenarioEditor *self,
                      GtkListBoxRow    *row)
{
  BkProblem *p = g_object_get_data (G_OBJECT (row), "problem");
  BkNode *node = node_of_path (self->scenario, p->path);
  GtkWidget *field = _bk_scenario_editor_settings_widget (self, p->path);
  const char *choice = strstr (p->path, ".choices[");

  if (field != NULL)
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "settings");
      gtk_widget_grab_focus (field);
      return;
    }
  adw_view_stack_set_visible_child_name (self->view_stack, "conversation");
  if (node != NULL)
    {
      bk_scenario_editor_select_node (self, node->id);
      if (choice != NULL)
        _bk_scenario_editor_expand_choice (self, (guint) strtoul (choice + strlen (".choices["), NULL, 10));
    }
}

static GtkWidget *
problem_row_new (BkScenarioEditor *self,
                 BkProblem        *p)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *where = describe_path (self->scenario, p->path);
  g_autofree char *subtitle = p->line > 0
    /* Translators: where a problem is: "Node “begin” › Choice 2 › Leads to · line 88" */
    ? g_strdup_printf (_("%s · line %d"), where, p->line)
    : g_strdup (where);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), p->message);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, p->path);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "problem", p);
  return row;
}

/**
 * _bk_scenario_editor_set_problems:
 * @problems: (transfer full): BkProblem, as found
 *
 * Shows @problems: the list, the icons on the node rows, the map.
 */
void
_bk_scenario_editor_set_problems (BkScenarioEditor *self,
                                  GPtrArray        *problems)
{
  GtkWidget *child;
  g_autofree char *title = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = problems;

  g_hash_table_remove_all (self->problem_ids);
  for (guint i = 0; i < problems->len; i++)
    {
      BkProblem *p = g_ptr_array_index (problems, i);
      BkNode *node = node_of_path (self->scenario, p->path);

      if (node != NULL)
        g_hash_table_add (self->problem_ids, g_strdup (node->id));
      gtk_list_box_append (self->problems_list, problem_row_new (self, p));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), problems->len > 0);

  if (problems->len == 0)
    {
      gtk_label_set_text (self->problems_title, _("No problems"));
      gtk_label_set_text (self->problems_hint, _("Interns can practise this scenario once you save it."));
    }
  else
    {
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", problems->len),
                               problems->len);
      gtk_label_set_text (self->problems_title, title);
      gtk_label_set_text (self->problems_hint,
                          _("Interns cannot practise it until every problem is fixed. Save your work at any time; click a problem to go to it."));
    }
  _bk_scenario_editor_update_node_rows (self);
  update_map (self);
}

void
_bk_scenario_editor_class_init_problems (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, problem_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_clicked_cb);
}

void
_bk_scenario_editor_init_problems (BkScenarioEditor *self)
{
  gtk_drawing_area_set_draw_func (self->map_area, map_draw, self, NULL);
}
