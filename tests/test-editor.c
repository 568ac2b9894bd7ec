/* test-editor.c
 * The scenario editor under Xvfb: live problems, renaming, saving, import and export.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test opens the real editor window on a built-in scenario (or a new
 * one) with a temporary folder as the teacher's scenarios folder, works
 * it through its widgets and actions as a teacher's clicks would, waits
 * out the check that follows edits, and looks at what the teacher would
 * see: the problems list, the warning icons, the form, the files.
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "bk-branch-map.h"
#include "bk-id-combo.h"
#include "bk-scenario-choice-row.h"
#include "bk-scenario-editor.h"
#include "bk-test-util.h"
#include "bk-text-row.h"
#include "bk-twee.h"

#define SCENARIO "vermijdende-vader"

typedef struct
{
  char             *dir;
  BkScenarioEditor *editor;
} Fixture;

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms milliseconds. */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The check runs shortly after the last edit, as the teacher types. */
static void
wait_for_check (void)
{
  spin (450);
}

static gpointer
child (BkScenarioEditor *editor,
       const char       *name)
{
  gpointer widget = gtk_widget_get_template_child (GTK_WIDGET (editor), BK_TYPE_SCENARIO_EDITOR, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  g_autoptr (BkScenario) s = data != NULL ? bk_scenario_builtin (data) : NULL;

  f->dir = bk_test_tmpdir ();
  f->editor = bk_scenario_editor_new (NULL, s, f->dir);
  gtk_window_present (GTK_WINDOW (f->editor));
  flush ();
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  gpointer editor = f->editor;

  /* A test that closed the editor itself has checked that it went. */
  if (editor != NULL)
    {
      g_object_add_weak_pointer (editor, &editor);
      gtk_window_destroy (GTK_WINDOW (f->editor));
      flush ();
      g_assert_null (editor);
    }
  bk_test_rmdir (f->dir);
  g_free (f->dir);
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    find_all (c, type, out);
}

/* The node list's row of @id. */
static GtkListBoxRow *
node_row (Fixture    *f,
          const char *id)
{
  GtkListBox *list = child (f->editor, "node_list");

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        return NULL;
      if (g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), id) == 0)
        return row;
    }
}

static gboolean
row_has_problem_icon (Fixture    *f,
                      const char *id)
{
  GtkListBoxRow *row = node_row (f, id);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (g_object_get_data (G_OBJECT (row), "problem-icon"));
}

/* A click on the node's row in the list. */
static void
click_node (Fixture    *f,
            const char *id)
{
  GtkListBoxRow *row = node_row (f, id);

  g_assert_nonnull (row);
  gtk_list_box_select_row (child (f->editor, "node_list"), row);
  flush ();
  g_assert_cmpstr (gtk_editable_get_text (child (f->editor, "node_id_row")), ==, id);
}

/* The row of choice @i of the node in the form. */
static BkScenarioChoiceRow *
choice_row (Fixture *f,
            guint    i)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new ();

  find_all (child (f->editor, "choices_group"), BK_TYPE_SCENARIO_CHOICE_ROW, rows);
  g_assert_cmpuint (i, <, rows->len);
  return g_ptr_array_index (rows, i);
}

static gpointer
choice_child (BkScenarioChoiceRow *row,
              const char          *name)
{
  gpointer widget = gtk_widget_get_template_child (GTK_WIDGET (row), BK_TYPE_SCENARIO_CHOICE_ROW, name);

  g_assert_nonnull (widget);
  return widget;
}

/* Picks @id in the "Leads to" list of choice @i, as a click would. */
static void
choose_next (Fixture    *f,
             guint       i,
             const char *id)
{
  BkScenarioChoiceRow *row = choice_row (f, i);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  g_assert_true (bk_id_combo_select (choice_child (row, "next_row"), id));
}

/* The problems list as the teacher reads it: "message | where" per row. */
static char *
problems_text (Fixture *f)
{
  GtkListBox *list = child (f->editor, "problems_list");
  g_autoptr (GString) text = g_string_new (NULL);

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      g_string_append_printf (text, "%s | %s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                              adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static guint
n_problem_rows (Fixture *f)
{
  GtkListBox *list = child (f->editor, "problems_list");
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static char *
scenario_json (Fixture *f)
{
  return bk_scenario_to_json (bk_scenario_editor_get_scenario (f->editor));
}

static BkChoice *
choice_of (Fixture    *f,
           const char *node,
           guint       i)
{
  BkNode *n = bk_scenario_find_node (bk_scenario_editor_get_scenario (f->editor), node);

  g_assert_nonnull (n);
  return g_ptr_array_index (n->choices, i);
}

static guint
n_files (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Tests ---------------------------------------------------------------- */

static void
builtin_test (Fixture       *f,
              gconstpointer  data)
{
  BkScenario *s = bk_scenario_editor_get_scenario (f->editor);
  g_autoptr (BkScenario) original = bk_scenario_builtin (SCENARIO);
  g_autofree char *a = bk_scenario_to_json (original);
  g_autofree char *b = bk_scenario_to_json (s);

  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
  g_assert_cmpuint (n_problem_rows (f), ==, 0);
  g_assert_cmpstr (gtk_label_get_text (child (f->editor, "problems_title")), ==, "No problems");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "De vader die nooit komt");
  /* The editor works on a copy: the same scenario, another object. */
  g_assert_true (s != original);
  g_assert_cmpstr (a, ==, b);
  /* It opens at the start, every node listed, none with a warning. */
  g_assert_cmpstr (gtk_editable_get_text (child (f->editor, "node_id_row")), ==, "begin");
  g_assert_cmpstr (gtk_editable_get_text (child (f->editor, "title_row")), ==, "De vader die nooit komt");
  for (guint i = 0; i < s->nodes->len; i++)
    {
      BkNode *n = g_ptr_array_index (s->nodes, i);

      g_assert_nonnull (node_row (f, n->id));
      g_assert_false (row_has_problem_icon (f, n->id));
    }
  g_assert_true (gtk_switch_get_active (child (f->editor, "start_switch")));
}

/* Deleting the node a choice leads to leaves a dangling link: the problem
 * names where it is, the node with the link gets the warning icon; a new
 * target chosen in the list clears it. */
static void
missing_node_test (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *after = NULL;

  click_node (f, "eind-goed");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.delete-node", NULL);
  wait_for_check ();
  g_assert_null (node_row (f, "eind-goed"));

  text = problems_text (f);
  g_assert_cmpuint (n_problem_rows (f), ==, 1);
  g_assert_nonnull (strstr (text, "There is no node “eind-goed”."));
  g_assert_nonnull (strstr (text, "Node “handvat” › Choice 1 › Leads to"));
  g_assert_cmpstr (gtk_label_get_text (child (f->editor, "problems_title")), ==, "1 problem");
  g_assert_true (row_has_problem_icon (f, "handvat"));
  g_assert_false (row_has_problem_icon (f, "begin"));

  /* Clicking the problem opens the node. */
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (child (f->editor, "problems_list"), 0), "activate");
  flush ();
  g_assert_cmpstr (gtk_editable_get_text (child (f->editor, "node_id_row")), ==, "handvat");
  g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (choice_row (f, 0))));

  choose_next (f, 0, "eind-mail");
  wait_for_check ();
  g_assert_cmpstr (choice_of (f, "handvat", 0)->next, ==, "eind-mail");
  g_assert_cmpuint (n_problem_rows (f), ==, 0);
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
  g_assert_false (row_has_problem_icon (f, "handvat"));
  after = problems_text (f);
  g_assert_cmpstr (after, ==, "");
}

/* Undo puts a deleted node back where it was, and its links work again. */
static void
undo_delete_test (Fixture       *f,
                  gconstpointer  data)
{
  BkScenario *s = bk_scenario_editor_get_scenario (f->editor);
  guint n = s->nodes->len;

  click_node (f, "portaal");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.delete-node", NULL);
  wait_for_check ();
  g_assert_cmpuint (s->nodes->len, ==, n - 1);
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 1);
  g_assert_true (row_has_problem_icon (f, "hoe-gaat-het"));

  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.undo-delete", NULL);
  wait_for_check ();
  g_assert_cmpuint (s->nodes->len, ==, n);
  g_assert_cmpstr (((BkNode *) g_ptr_array_index (s->nodes, 5))->id, ==, "portaal");
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
  g_assert_false (row_has_problem_icon (f, "hoe-gaat-het"));
}

/* A renamed node keeps its links: every choice that led to it follows. */
static void
rename_test (Fixture       *f,
             gconstpointer  data)
{
  BkScenario *s = bk_scenario_editor_get_scenario (f->editor);
  AdwEntryRow *id_row = child (f->editor, "node_id_row");

  click_node (f, "verdedigt");
  gtk_editable_set_text (GTK_EDITABLE (id_row), "in-de-verdediging");
  /* Typing alone renames nothing yet. */
  g_assert_nonnull (bk_scenario_find_node (s, "verdedigt"));
  g_signal_emit_by_name (id_row, "apply");
  wait_for_check ();

  g_assert_null (bk_scenario_find_node (s, "verdedigt"));
  g_assert_nonnull (bk_scenario_find_node (s, "in-de-verdediging"));
  g_assert_cmpstr (choice_of (f, "begin", 1)->next, ==, "in-de-verdediging");
  g_assert_cmpstr (choice_of (f, "schikt-even", 1)->next, ==, "in-de-verdediging");
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
  g_assert_nonnull (node_row (f, "in-de-verdediging"));
  g_assert_null (node_row (f, "verdedigt"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, "in-de-verdediging");

  /* The start follows too; the form of "begin" shows the new link. */
  click_node (f, "begin");
  gtk_editable_set_text (GTK_EDITABLE (id_row), "opening");
  g_signal_emit_by_name (id_row, "apply");
  wait_for_check ();
  g_assert_cmpstr (s->start, ==, "opening");
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (choice_row (f, 1))),
                            "“in-de-verdediging”"));

  /* An id another node has is refused: nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (id_row), "portaal");
  g_signal_emit_by_name (id_row, "apply");
  wait_for_check ();
  g_assert_nonnull (bk_scenario_find_node (s, "opening"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (id_row)), ==, "opening");
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
}

/* A new ending cannot be reached until a choice leads to it. */
static void
add_ending_test (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *text = NULL;
  g_autofree char *id = NULL;
  BkScenario *s = bk_scenario_editor_get_scenario (f->editor);
  guint n = s->nodes->len;

  click_node (f, "eind-slecht");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.add-node", "s", "ending");
  flush ();
  g_assert_cmpuint (s->nodes->len, ==, n + 1);
  id = g_strdup (gtk_editable_get_text (child (f->editor, "node_id_row")));
  g_assert_cmpstr (id, ==, "ending-1");
  g_assert_true (gtk_widget_get_visible (child (f->editor, "ending_group")));
  g_assert_false (gtk_widget_get_visible (child (f->editor, "choices_group")));

  gtk_editable_set_text (child (f->editor, "ending_title_row"), "Een onverwacht einde");
  bk_text_row_set_text (child (f->editor, "ending_text_row"), "De vader hangt op voor je klaar bent.");
  wait_for_check ();
  text = problems_text (f);
  g_assert_cmpuint (n_problem_rows (f), ==, 1);
  g_assert_nonnull (strstr (text, "Node “ending-1” cannot be reached from the start."));
  g_assert_true (row_has_problem_icon (f, "ending-1"));

  /* "was-dat-het" is reached in many ways: one choice can go elsewhere. */
  click_node (f, "verdedigt");
  choose_next (f, 1, "ending-1");
  wait_for_check ();
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
  g_assert_false (row_has_problem_icon (f, "ending-1"));
}

/* Ticking another choice as the best clears the one ticked before. */
static void
best_test (Fixture       *f,
           gconstpointer  data)
{
  GtkCheckButton *first, *second;

  click_node (f, "begin");
  first = choice_child (choice_row (f, 0), "best_check");
  second = choice_child (choice_row (f, 1), "best_check");
  g_assert_true (choice_of (f, "begin", 0)->best);
  g_assert_true (gtk_check_button_get_active (first));

  gtk_check_button_set_active (second, TRUE);
  wait_for_check ();
  g_assert_false (gtk_check_button_get_active (first));
  g_assert_false (choice_of (f, "begin", 0)->best);
  g_assert_true (choice_of (f, "begin", 1)->best);
  g_assert_false (choice_of (f, "begin", 2)->best);
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
}

/* What teachers type is text, never markup: "&" and "<" show as typed. */
static void
plain_text_test (Fixture       *f,
                 gconstpointer  data)
{
  BkScenarioChoiceRow *row;

  click_node (f, "begin");
  row = choice_row (f, 0);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  bk_text_row_set_text (choice_child (row, "text_row"), "Sami & u <samen>?");
  bk_text_row_set_text (child (f->editor, "line_row"), "Tja. <stilte> & dan?");
  wait_for_check ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Sami & u <samen>?");
  g_assert_cmpstr (choice_of (f, "begin", 0)->text, ==, "Sami & u <samen>?");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (node_row (f, "begin"))),
                            "“Tja. <stilte> & dan?”"));
}

/* Closing with unsaved changes asks first; "Discard" closes. */
static void
close_test (Fixture       *f,
            gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;
  gpointer editor = f->editor;

  /* Unchanged, it would close at once; changed, it stays and asks. */
  gtk_editable_set_text (child (f->editor, "title_row"), "Nog niet bewaard");
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (child (f->editor, "switcher_title")), ==, "Not saved");
  gtk_window_close (GTK_WINDOW (f->editor));
  flush ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_window_get_transient_for (w) == GTK_WINDOW (f->editor))
        dialog = ADW_MESSAGE_DIALOG (w);
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->editor)));

  g_object_add_weak_pointer (editor, &editor);
  adw_message_dialog_response (dialog, "discard");
  flush ();
  g_assert_null (editor);
  g_assert_cmpuint (n_files (f->dir), ==, 0);
  f->editor = NULL;
}

/* A click on a box of the map edits that node. */
static void
map_click_test (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *area = child (f->editor, "map_area");
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (area);
  g_autoptr (GtkEventController) click = NULL;
  double x, y, w, h;

  for (guint i = 0; click == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (c))
        click = g_steal_pointer (&c);
    }
  g_assert_nonnull (click);
  g_assert_true (bk_branch_map_node_bounds (bk_scenario_editor_get_scenario (f->editor), "rooster",
                                            &x, &y, &w, &h));
  g_signal_emit_by_name (click, "released", 1, x + w / 2, y + h / 2);
  flush ();
  g_assert_cmpstr (gtk_editable_get_text (child (f->editor, "node_id_row")), ==, "rooster");
  g_assert_true (gtk_list_box_get_selected_row (child (f->editor, "node_list")) == node_row (f, "rooster"));
}

static void
saved_cb (BkScenarioEditor *editor,
          gpointer          scenario,
          gpointer          data)
{
  *(gpointer *) data = scenario;
}

/* Saving a changed built-in writes the teacher's copy under the same id,
 * which the library then offers instead of the built-in one. */
static void
save_test (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, SCENARIO ".json", NULL);
  g_autoptr (GPtrArray) builtins = bk_scenario_library (NULL, NULL);
  g_autoptr (GPtrArray) library = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  gpointer saved = NULL;
  BkScenario *found = NULL;

  g_signal_connect (f->editor, "saved", G_CALLBACK (saved_cb), &saved);
  gtk_editable_set_text (child (f->editor, "title_row"), "De vader die nooit kwam");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "De vader die nooit kwam");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  flush ();

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (saved == bk_scenario_editor_get_scenario (f->editor));
  g_assert_cmpstr (adw_view_switcher_title_get_subtitle (child (f->editor, "switcher_title")), ==, "");
  library = bk_scenario_library (f->dir, &problems);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (library->len, ==, builtins->len);
  for (guint i = 0; i < library->len; i++)
    {
      BkScenario *s = g_ptr_array_index (library, i);

      if (g_str_equal (s->id, SCENARIO))
        found = s;
    }
  g_assert_nonnull (found);
  g_assert_cmpstr (found->title, ==, "De vader die nooit kwam");
  g_assert_false (found->builtin);
}

/* Work in progress is saved too, but the practice room leaves it out. */
static void
save_with_problems_test (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, SCENARIO ".json", NULL);
  g_autoptr (GPtrArray) library = NULL;
  g_autoptr (GPtrArray) problems = NULL;

  gtk_editable_set_text (child (f->editor, "title_row"), "Half af");
  click_node (f, "eind-goed");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.delete-node", NULL);
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  flush ();

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  library = bk_scenario_library (f->dir, &problems);
  g_assert_cmpuint (problems->len, ==, 1);
  for (guint i = 0; i < library->len; i++)
    {
      BkScenario *s = g_ptr_array_index (library, i);

      if (g_str_equal (s->id, SCENARIO))
        {
          g_assert_true (s->builtin);
          g_assert_cmpstr (s->title, ==, "De vader die nooit komt");
        }
    }
}

/* An id that cannot be a file name stops the save, and says so where the
 * id is; nothing is written. */
static void
invalid_id_test (Fixture       *f,
                 gconstpointer  data)
{
  const char *ids[] = { "Vader Nooit!", "", "vader_nooit" };
  GtkLabel *error = child (f->editor, "id_error_label");
  g_autoptr (GError) save_error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      adw_view_stack_set_visible_child_name (child (f->editor, "view_stack"), "conversation");
      gtk_editable_set_text (child (f->editor, "id_row"), ids[i]);
      gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
      flush ();
      g_assert_cmpuint (n_files (f->dir), ==, 0);
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error)));
      g_assert_nonnull (strstr (gtk_label_get_text (error), ids[i][0] == '\0' ? "Give the scenario an id" : "lower-case"));
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (child (f->editor, "view_stack")), ==, "settings");
    }
  g_assert_false (bk_scenario_editor_save (f->editor, &save_error));
  g_assert_error (save_error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID);

  /* A good id clears the message and saves. */
  gtk_editable_set_text (child (f->editor, "id_row"), "vader-nooit");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error)));
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  flush ();
  g_assert_cmpuint (n_files (f->dir), ==, 1);
  {
    g_autofree char *path = g_build_filename (f->dir, "vader-nooit.json", NULL);
    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }
}

/* Another of the teacher's scenarios is never overwritten. */
static void
taken_id_test (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *other = g_build_filename (f->dir, "ander-scenario.json", NULL);
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (other, "{}", -1, NULL));
  gtk_editable_set_text (child (f->editor, "id_row"), "ander-scenario");
  gtk_widget_activate_action (GTK_WIDGET (f->editor), "editor.save", NULL);
  flush ();
  g_assert_true (g_file_get_contents (other, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "{}");
  g_assert_cmpuint (n_files (f->dir), ==, 1);
  g_assert_nonnull (strstr (gtk_label_get_text (child (f->editor, "id_error_label")), "already has the id"));
}

static GFile *
write_file (Fixture    *f,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

/* A file that is not a scenario changes nothing. */
static void
import_broken_test (Fixture       *f,
                    gconstpointer  data)
{
  const char *texts[] = { "{ \"format\": \"betrokken-scenario\", \"version\": 1, \"nodes\": [ ",
                          "{ \"format\": \"iets-anders\" }", "[1, 2, 3]" };
  g_autofree char *before = scenario_json (f);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GFile) file = write_file (f, "kapot.json", texts[i]);
      g_autoptr (GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (bk_scenario_editor_import (f->editor, file, &error));
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      flush ();
      after = scenario_json (f);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
      g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, "De vader die nooit komt");
    }
}

/* A scenario with problems opens with them listed, lines included. */
static void
import_problems_test (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (BkScenario) s = bk_scenario_builtin ("boze-vader-telefoon");
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  BkChoice *c = g_ptr_array_index (((BkNode *) g_ptr_array_index (s->nodes, 0))->choices, 0);

  g_free (c->next);
  c->next = g_strdup ("bestaat-niet");
  json = bk_scenario_to_json (s);
  file = write_file (f, "geleend.json", json);
  g_assert_true (bk_scenario_editor_import (f->editor, file, &error));
  g_assert_no_error (error);
  flush ();

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (f->editor)), ==, s->title);
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), >=, 1);
  text = problems_text (f);
  g_assert_nonnull (strstr (text, "There is no node “bestaat-niet”."));
  g_assert_nonnull (strstr (text, "· line "));
  g_assert_true (row_has_problem_icon (f, ((BkNode *) g_ptr_array_index (s->nodes, 0))->id));
}

/* Export as Twee and import it again: the same scenario. */
static void
twee_round_trip_test (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "verhaal.twee", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *twee = NULL;
  g_autoptr (BkScenarioEditor) other = NULL;

  gtk_editable_set_text (child (f->editor, "title_row"), "Via Twine");
  before = scenario_json (f);
  g_assert_true (bk_scenario_editor_export (f->editor, file, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &twee, NULL, NULL));
  g_assert_nonnull (strstr (twee, ":: begin"));

  other = g_object_ref_sink (bk_scenario_editor_new (NULL, NULL, f->dir));
  g_assert_true (bk_scenario_editor_import (other, file, &error));
  g_assert_no_error (error);
  after = bk_scenario_to_json (bk_scenario_editor_get_scenario (other));
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (other), ==, 0);
  gtk_window_destroy (GTK_WINDOW (other));
}

static void
export_json_test (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "uit.json", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (BkScenario) back = NULL;

  g_assert_true (bk_scenario_editor_export (f->editor, file, FALSE, &error));
  back = bk_scenario_read_file (path, &problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpstr (back->title, ==, "De vader die nooit komt");
}

/* A new scenario starts as a small skeleton whose problems say what to
 * write. */
static void
new_test (Fixture       *f,
          gconstpointer  data)
{
  BkScenario *s = bk_scenario_editor_get_scenario (f->editor);
  BkNode *start = bk_scenario_find_node (s, s->start);
  g_autofree char *text = problems_text (f);

  g_assert_cmpuint (s->nodes->len, ==, 3);
  g_assert_nonnull (start);
  g_assert_cmpuint (start->choices->len, ==, 2);
  g_assert_cmpuint (bk_scenario_n_endings (s), ==, 2);
  g_assert_cmpstr (s->id, ==, "new-scenario");
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), >, 0);
  /* The endings are reachable: nothing about links, only what to write. */
  g_assert_null (strstr (text, "cannot be reached"));
  g_assert_null (strstr (text, "There is no node"));
  g_assert_nonnull (strstr (text, "Choose one of the seven parent types. | Scenario › The parent › Parent type"));
  g_assert_true (row_has_problem_icon (f, s->start));
}

/* Changing a node's kind shows the form of that kind, with a start. */
static void
kind_test (Fixture       *f,
           gconstpointer  data)
{
  BkNode *n;

  click_node (f, "belofte");
  adw_combo_row_set_selected (child (f->editor, "kind_row"), BK_NODE_OPEN);
  flush ();
  n = bk_scenario_find_node (bk_scenario_editor_get_scenario (f->editor), "belofte");
  g_assert_cmpint (n->kind, ==, BK_NODE_OPEN);
  g_assert_true (gtk_widget_get_visible (child (f->editor, "open_group")));
  g_assert_false (gtk_widget_get_visible (child (f->editor, "choices_group")));
  g_assert_cmpuint (n->rubric->len, ==, 1);
  wait_for_check ();
  g_assert_true (row_has_problem_icon (f, "belofte"));

  /* Back again: the choices written before are still there. */
  adw_combo_row_set_selected (child (f->editor, "kind_row"), BK_NODE_CHOICES);
  wait_for_check ();
  g_assert_cmpuint (n->choices->len, ==, 2);
  g_assert_cmpuint (bk_scenario_editor_get_n_problems (f->editor), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

#define ADD(path, data, fn) g_test_add ("/editor/" path, Fixture, data, setup, fn, teardown)
  ADD ("builtin", SCENARIO, builtin_test);
  ADD ("missing-node", SCENARIO, missing_node_test);
  ADD ("undo-delete", SCENARIO, undo_delete_test);
  ADD ("rename", SCENARIO, rename_test);
  ADD ("add-ending", SCENARIO, add_ending_test);
  ADD ("best", SCENARIO, best_test);
  ADD ("kind", SCENARIO, kind_test);
  ADD ("map-click", SCENARIO, map_click_test);
  ADD ("plain-text", SCENARIO, plain_text_test);
  ADD ("close", SCENARIO, close_test);
  ADD ("save", SCENARIO, save_test);
  ADD ("save-with-problems", SCENARIO, save_with_problems_test);
  ADD ("invalid-id", SCENARIO, invalid_id_test);
  ADD ("taken-id", SCENARIO, taken_id_test);
  ADD ("import-broken", SCENARIO, import_broken_test);
  ADD ("import-problems", SCENARIO, import_problems_test);
  ADD ("export-json", SCENARIO, export_json_test);
  ADD ("twee-round-trip", SCENARIO, twee_round_trip_test);
  ADD ("new", NULL, new_test);
#undef ADD
  return g_test_run ();
}
