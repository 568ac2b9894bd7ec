/* bk-scenario-editor-actions.c
 * What the scenario editor's buttons and menu do: save, import, export, preview, add and delete nodes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Saving never waits for a finished scenario: a teacher saves work in
 * progress, and the library simply leaves a scenario with problems out of
 * the practice room (the toast says so). Only an id that cannot be a file
 * name, or one that another of the teacher's scenarios already uses,
 * stops the save; then nothing is written. Import replaces what is in the
 * window only when the file is a scenario at all; a scenario with
 * problems is opened with its problems listed.
 */
#define G_LOG_DOMAIN "bk-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-practice-player.h"
#include "bk-scenario-editor-private.h"
#include "bk-twee.h"

/* Save */

static gboolean
in_user_dir (BkScenarioEditor *self,
             const char       *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr (GFile) a = g_file_new_for_path (dir);
  g_autoptr (GFile) b = g_file_new_for_path (self->user_dir);

  return g_file_equal (a, b);
}

static void
saved_toast (BkScenarioEditor *self,
             guint             n_problems)
{
  g_autoptr (BkScenario) builtin = bk_scenario_builtin (self->scenario->id);
  g_autofree char *message = NULL;

  if (n_problems > 0)
    /* Translators: after saving a scenario that still has problems */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved. Fix the problem before interns can practise it.",
                                            "Saved. Fix the %u problems before interns can practise it.", n_problems),
                               n_problems);
  else if (builtin != NULL)
    message = g_strdup (_("Saved. Interns now practise your version instead of the built-in one."));
  else
    message = g_strdup (_("Saved. Interns can practise it now."));
  _bk_scenario_editor_toast (self, message);
}

/**
 * bk_scenario_editor_save:
 *
 * Writes the scenario to the teacher's folder as "<id>.json" (atomically),
 * also while it has problems. Refuses, writing nothing, when the id cannot
 * be a file name or another of the teacher's scenarios has it; the
 * Scenario page then says why. A scenario whose id was changed leaves its
 * old file: it is renamed, not copied.
 *
 * Returns: %TRUE when saved
 */
gboolean
bk_scenario_editor_save (BkScenarioEditor *self,
                         GError          **error)
{
  g_autofree char *file = NULL;
  g_autofree char *target = NULL;
  guint n_problems;

  g_return_val_if_fail (BK_IS_SCENARIO_EDITOR (self), FALSE);

  n_problems = bk_scenario_editor_get_n_problems (self);
  if (!_bk_scenario_editor_check_id (self, error))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "settings");
      return FALSE;
    }
  file = g_strconcat (self->scenario->id, ".json", NULL);
  target = g_build_filename (self->user_dir, file, NULL);
  if (g_strcmp0 (target, self->saved_path) != 0 && g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message =
        /* Translators: %s is a scenario id */
        g_strdup_printf (_("Another of your scenarios already has the id “%s”. Choose another id."), self->scenario->id);

      _bk_scenario_editor_show_id_error (self, message);
      adw_view_stack_set_visible_child_name (self->view_stack, "settings");
      g_set_error_literal (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID, message);
      return FALSE;
    }
  if (!bk_scenario_write_file (self->scenario, target, error))
    return FALSE;
  if (self->saved_path != NULL && !g_str_equal (self->saved_path, target) && in_user_dir (self, self->saved_path))
    g_unlink (self->saved_path);
  g_free (self->saved_path);
  self->saved_path = g_strdup (target);
  g_free (self->scenario->path);
  self->scenario->path = g_steal_pointer (&target);
  self->dirty = FALSE;
  _bk_scenario_editor_update_title (self);
  saved_toast (self, n_problems);
  _bk_scenario_editor_emit_saved (self);
  return TRUE;
}

static void
show_error (BkScenarioEditor *self,
            const char       *heading,
            const char       *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (widget);
  g_autoptr (GError) error = NULL;

  if (!bk_scenario_editor_save (self, &error) && !g_error_matches (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID))
    show_error (self, _("The scenario could not be saved"), error->message);
}

/* Import and export */

static gboolean
looks_like_twee (GFile      *file,
                 const char *text)
{
  g_autofree char *name = g_file_get_basename (file);

  if (g_str_has_suffix (name, ".json"))
    return FALSE;
  if (g_str_has_suffix (name, ".twee") || g_str_has_suffix (name, ".tw"))
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;
  return *text != '{';
}

/**
 * bk_scenario_editor_import:
 * @file: a scenario as JSON, or a Twee 3 story (by its name: .twee, .tw;
 *   otherwise by its first character)
 *
 * Replaces the scenario in the window with the one in @file, with what
 * the reader found wrong (and on which line) in the problems list. When
 * @file is not a scenario at all, nothing changes and @error says why.
 * The imported scenario is new to the editor: saving it never replaces
 * the file the window was opened with.
 */
gboolean
bk_scenario_editor_import (BkScenarioEditor *self,
                           GFile            *file,
                           GError          **error)
{
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *message = NULL;
  BkScenario *s;
  gsize length;

  g_return_val_if_fail (BK_IS_SCENARIO_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > BK_SCENARIO_MAX_SIZE)
    {
      g_set_error (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_TOO_LARGE,
                   _("The file is larger than %d kB: too large for a scenario."), BK_SCENARIO_MAX_SIZE / 1024);
      return FALSE;
    }
  if (!g_file_load_contents (file, NULL, &text, &length, NULL, error))
    return FALSE;
  s = looks_like_twee (file, text) ? bk_twee_read (text, length, &problems, error)
                                   : bk_scenario_read (text, length, &problems, error);
  if (s == NULL)
    return FALSE;

  s->builtin = FALSE;
  g_clear_pointer (&s->path, g_free);
  g_clear_pointer (&self->saved_path, g_free);
  _bk_scenario_editor_set_scenario (self, s, g_steal_pointer (&problems));
  self->dirty = TRUE;
  _bk_scenario_editor_update_title (self);
  if (self->problems->len == 0)
    message = g_strdup_printf (_("Imported “%s”. Save it to add it to your scenarios."), s->title);
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported “%s”, with %u problem to fix.",
                                            "Imported “%s”, with %u problems to fix.", self->problems->len),
                               s->title, self->problems->len);
  _bk_scenario_editor_toast (self, message);
  return TRUE;
}

/**
 * bk_scenario_editor_export:
 * @twee: %TRUE for a Twee 3 story, %FALSE for the scenario's JSON
 *
 * Writes the scenario as it is now to @file, problems and all.
 */
gboolean
bk_scenario_editor_export (BkScenarioEditor *self,
                           GFile            *file,
                           gboolean          twee,
                           GError          **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BK_IS_SCENARIO_EDITOR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = twee ? bk_twee_write (self->scenario) : bk_scenario_to_json (self->scenario);
  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

typedef enum { IMPORT_JSON, IMPORT_TWEE, EXPORT_JSON, EXPORT_TWEE } FileJob;

static void
file_response_cb (GtkNativeDialog  *chooser,
                  int               response,
                  BkScenarioEditor *self)
{
  FileJob job = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "job"));
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;
  if (job == IMPORT_JSON || job == IMPORT_TWEE)
    {
      if (!bk_scenario_editor_import (self, file, &error))
        show_error (self, _("This file is not a scenario"), error->message);
    }
  else if (!bk_scenario_editor_export (self, file, job == EXPORT_TWEE, &error))
    show_error (self, _("The scenario could not be exported"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Exported to “%s”."), name);

      _bk_scenario_editor_toast (self, message);
    }
}

static void
choose_file (BkScenarioEditor *self,
             FileJob           job)
{
  gboolean save = job == EXPORT_JSON || job == EXPORT_TWEE;
  gboolean twee = job == IMPORT_TWEE || job == EXPORT_TWEE;
  const char *titles[] = { N_("Import a Scenario (JSON)"), N_("Import a Twine Story (Twee)"),
                           N_("Export the Scenario as JSON"), N_("Export the Scenario as Twee") };
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_(titles[job]), GTK_WINDOW (self),
                                 save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                 save ? _("_Export") : _("_Import"), _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, twee ? _("Twee stories") : _("Scenarios (JSON)"));
  gtk_file_filter_add_pattern (filter, twee ? "*.twee" : "*.json");
  if (twee)
    gtk_file_filter_add_pattern (filter, "*.tw");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (save)
    {
      g_autofree char *name = g_strconcat (self->scenario->id[0] != '\0' ? self->scenario->id : "scenario",
                                           twee ? ".twee" : ".json", NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "job", GINT_TO_POINTER (job));
  g_signal_connect (chooser, "response", G_CALLBACK (file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  const char *names[] = { "editor.import-json", "editor.import-twee", "editor.export-json", "editor.export-twee" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (action_name, names[i]))
      choose_file (BK_SCENARIO_EDITOR (widget), (FileJob) i);
}

/* Preview */

static void
preview_finished_cb (AdwWindowTitle *title)
{
  adw_window_title_set_subtitle (title, _("The end. Close this window to go on editing."));
}

/* The preview plays a copy, so that editing on while it plays changes
 * nothing under the player's feet. */
static void
preview_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (widget);
  guint n = bk_scenario_editor_get_n_problems (self);
  g_autoptr (BkScenario) copy = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *window, *box, *header, *title, *player;

  if (n > 0)
    {
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fix the problem first: only a scenario without problems can be played.",
                                      "Fix the %u problems first: only a scenario without problems can be played.", n), n);
      _bk_scenario_editor_toast (self, message);
      return;
    }
  copy = _bk_scenario_editor_copy (self->scenario);
  /* Translators: the title of the window that plays a scenario being written */
  heading = g_strdup_printf (_("Preview: %s"), copy->title);
  window = adw_window_new ();
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 680);
  gtk_window_set_title (GTK_WINDOW (window), heading);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (heading, _("As an intern sees it, with feedback after each choice"));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  player = bk_practice_player_new ();
  gtk_widget_set_vexpand (player, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), player);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_signal_connect_swapped (player, "finished", G_CALLBACK (preview_finished_cb), title);
  bk_practice_player_start (BK_PRACTICE_PLAYER (player), copy, g_random_int (), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* Adding and deleting nodes */

static char *
unique_node_id (BkScenario *s,
                const char *base)
{
  for (guint n = 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("%s-%u", base, n);

      if (bk_scenario_find_node (s, id) == NULL)
        return g_steal_pointer (&id);
    }
}

static void
add_node_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (widget);
  const char *kind = g_variant_get_string (param, NULL);
  BkNodeKind k = g_str_equal (kind, "open") ? BK_NODE_OPEN
               : g_str_equal (kind, "ending") ? BK_NODE_ENDING : BK_NODE_CHOICES;
  /* Translators: ids of new nodes, followed by -1, -2 …: lower-case letters, digits and "-" only */
  const char *bases[] = { C_("node id", "decision"), C_("node id", "open-turn"), C_("node id", "ending") };
  g_autofree char *id = unique_node_id (self->scenario, bases[k]);
  BkNode *node = bk_node_new (id, k);
  guint at = self->scenario->nodes->len;

  if (k == BK_NODE_CHOICES)
    {
      g_ptr_array_add (node->choices, bk_choice_new ("", ""));
      g_ptr_array_add (node->choices, bk_choice_new ("", ""));
    }
  else if (k == BK_NODE_OPEN)
    g_ptr_array_add (node->rubric, bk_rubric_item_new ("", -1));
  if (self->node != NULL && g_ptr_array_find (self->scenario->nodes, self->node, &at))
    at++;
  g_ptr_array_insert (self->scenario->nodes, at, node);
  _bk_scenario_editor_nodes_changed (self, node);
  gtk_widget_grab_focus (GTK_WIDGET (self->line_row));
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (widget);
  BkNode *node = g_steal_pointer (&self->deleted);

  if (node == NULL)
    return;
  g_ptr_array_insert (self->scenario->nodes, MIN (self->deleted_at, self->scenario->nodes->len), node);
  _bk_scenario_editor_nodes_changed (self, node);
}

/* Links to the deleted node stay and show as problems: the teacher
 * decides where they lead now, or undoes. */
static void
delete_node_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (widget);
  BkNode *next = NULL;
  AdwToast *toast;
  guint at;

  if (self->node == NULL || !g_ptr_array_find (self->scenario->nodes, self->node, &at))
    return;
  g_clear_pointer (&self->deleted, bk_node_free);
  self->deleted = g_ptr_array_steal_index (self->scenario->nodes, at);
  self->deleted_at = at;
  self->node = NULL;
  if (self->scenario->nodes->len > 0)
    next = g_ptr_array_index (self->scenario->nodes, MIN (at, self->scenario->nodes->len - 1));
  _bk_scenario_editor_nodes_changed (self, next);

  /* Translators: %s is a node id */
  toast = adw_toast_new_format (_("Node “%s” deleted"), self->deleted->id);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_action_name (toast, "editor.undo-delete");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Closing with unsaved changes */

/* After the dialog has finished its response: it is transient for the
 * editor and goes with it. */
static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
close_later (BkScenarioEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_cb, g_object_ref (self), g_object_unref);
}

static void
close_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   BkScenarioEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (g_str_equal (response, "discard"))
    close_later (self);
  else if (g_str_equal (response, "save"))
    {
      if (bk_scenario_editor_save (self, &error))
        close_later (self);
      else if (!g_error_matches (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID))
        show_error (self, _("The scenario could not be saved"), error->message);
    }
}

static gboolean
bk_scenario_editor_close_request (GtkWindow *window)
{
  BkScenarioEditor *self = BK_SCENARIO_EDITOR (window);
  AdwMessageDialog *dialog;

  if (!self->dirty)
    return GTK_WINDOW_CLASS (g_type_class_peek (ADW_TYPE_WINDOW))->close_request (window);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save the Scenario?"),
                                                       _("Your changes are lost if you close without saving. A scenario with problems can be saved too.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "discard", _("_Discard"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
_bk_scenario_editor_class_init_actions (GtkWidgetClass *widget_class)
{
  GTK_WINDOW_CLASS (widget_class)->close_request = bk_scenario_editor_close_request;

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.import-json", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "editor.import-twee", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "editor.export-json", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "editor.export-twee", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "editor.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "editor.add-node", "s", add_node_action);
  gtk_widget_class_install_action (widget_class, "editor.delete-node", NULL, delete_node_action);
  gtk_widget_class_install_action (widget_class, "editor.undo-delete", NULL, undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
}
