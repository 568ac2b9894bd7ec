/* bk-scenario-editor-settings.c
 * The scenario editor's Scenario page: what the practice room shows, the parent, the conversation, the file.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Like the node form, the page writes each edit straight into the
 * scenario. The id is also the file name, so a wrong one is said at once
 * below the id, and Save refuses it (nothing is written); the other
 * rules are in the problems list like everything else.
 */
#define G_LOG_DOMAIN "bk-scenario-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-id-combo.h"
#include "bk-observation.h"
#include "bk-scenario-editor-private.h"

/* A closed list of ids with their translated labels, for a combo. */
static void
fill_combo (AdwComboRow        *row,
            const char * const *ids,
            const char *      (*label) (const char *id),
            const char         *current)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; ids[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) label (ids[i]));
  g_ptr_array_add (labels, NULL);
  /* Translators: %s is a value from an imported file that Betrokken does not know */
  bk_id_combo_set (row, ids, (const char * const *) labels->pdata, current, _("Not chosen yet"), _("“%s”: unknown"));
}

/* Why @id cannot be a file name, or NULL when it can. */
static const char *
id_problem (const char *id)
{
  if (id[0] == '\0')
    return _("Give the scenario an id: it is the name of its file.");
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return _("The id can only have lower-case letters (a–z), digits and “-”, as in “angry-father-phone”.");
  return NULL;
}

/**
 * _bk_scenario_editor_show_id_error:
 * @message: (nullable): what is wrong with the id; %NULL: nothing
 */
void
_bk_scenario_editor_show_id_error (BkScenarioEditor *self,
                                   const char       *message)
{
  gtk_label_set_text (self->id_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->id_error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->id_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->id_row), "error");
}

/**
 * _bk_scenario_editor_check_id:
 *
 * Whether the scenario's id can be its file name; if not, says why below
 * the id and in @error.
 */
gboolean
_bk_scenario_editor_check_id (BkScenarioEditor *self,
                              GError          **error)
{
  const char *problem = id_problem (self->scenario->id);

  _bk_scenario_editor_show_id_error (self, problem);
  if (problem != NULL)
    {
      g_set_error_literal (error, BK_SCENARIO_ERROR, BK_SCENARIO_ERROR_INVALID, problem);
      return FALSE;
    }
  return TRUE;
}

/**
 * _bk_scenario_editor_settings_widget:
 * @path: a problem's JSON path
 *
 * Returns: (transfer none) (nullable): the field of the Scenario page
 *   for @path, or %NULL when it is not on this page
 */
GtkWidget *
_bk_scenario_editor_settings_widget (BkScenarioEditor *self,
                                     const char       *path)
{
  const struct { const char *path; gpointer widget; } fields[] = {
    { "$.id", self->id_row },
    { "$.title", self->title_row },
    { "$.summary", self->summary_row },
    { "$.persona.name", self->name_row },
    { "$.persona.role", self->role_row },
    { "$.persona.situation", self->situation_row },
    { "$.persona.parent_type", self->parent_type_row },
    { "$.persona.dutch_level", self->dutch_level_row },
    { "$.persona", self->name_row },
    { "$.context", self->context_row },
    { "$.channel", self->channel_row },
    { "$.objectives", self->objectives_row },
    { "$.competencies", self->competency_checks[0] },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_has_prefix (path, fields[i].path))
      return fields[i].widget;
  return NULL;
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = g_strdup (text);
}

static void
settings_edited_cb (BkScenarioEditor *self)
{
  BkScenario *s = self->scenario;
  g_autofree char *objectives = NULL;
  g_auto (GStrv) lines = NULL;

  if (self->loading)
    return;
  set_text (&s->title, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_free (s->summary);
  s->summary = bk_text_row_get_text (self->summary_row);
  set_text (&s->id, gtk_editable_get_text (GTK_EDITABLE (self->id_row)));
  set_text (&s->persona_name, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  set_text (&s->persona_role, gtk_editable_get_text (GTK_EDITABLE (self->role_row)));
  g_free (s->persona_situation);
  s->persona_situation = bk_text_row_get_text (self->situation_row);
  set_text (&s->parent_type, bk_id_combo_get (self->parent_type_row));
  set_text (&s->dutch_level, bk_id_combo_get (self->dutch_level_row));
  set_text (&s->channel, bk_id_combo_get (self->channel_row));
  g_free (s->context);
  s->context = bk_text_row_get_text (self->context_row);

  objectives = bk_text_row_get_text (self->objectives_row);
  lines = g_strsplit (objectives, "\n", -1);
  g_ptr_array_set_size (s->objectives, 0);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      g_ptr_array_add (s->objectives, g_strdup (lines[i]));

  s->competencies = 0;
  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    if (gtk_check_button_get_active (self->competency_checks[k]))
      s->competencies |= 1u << k;

  _bk_scenario_editor_show_id_error (self, id_problem (s->id));
  _bk_scenario_editor_update_title (self);
  _bk_scenario_editor_changed (self);
}

/**
 * _bk_scenario_editor_load_settings:
 *
 * Shows the scenario's settings on the Scenario page.
 */
void
_bk_scenario_editor_load_settings (BkScenarioEditor *self)
{
  BkScenario *s = self->scenario;
  g_autofree char *objectives = NULL;

  g_ptr_array_add (s->objectives, NULL);
  objectives = g_strjoinv ("\n", (char **) s->objectives->pdata);
  g_ptr_array_set_size (s->objectives, s->objectives->len - 1);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), s->title);
  bk_text_row_set_text (self->summary_row, s->summary);
  bk_text_row_set_text (self->objectives_row, objectives);
  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    gtk_check_button_set_active (self->competency_checks[k], (s->competencies & (1u << k)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), s->persona_name);
  gtk_editable_set_text (GTK_EDITABLE (self->role_row), s->persona_role);
  bk_text_row_set_text (self->situation_row, s->persona_situation);
  fill_combo (self->parent_type_row, bk_observation_types (), bk_observation_type_label, s->parent_type);
  fill_combo (self->dutch_level_row, bk_scenario_dutch_levels (), bk_scenario_dutch_level_label, s->dutch_level);
  fill_combo (self->channel_row, bk_scenario_channels (), bk_scenario_channel_label, s->channel);
  bk_text_row_set_text (self->context_row, s->context);
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), s->id);
  self->loading = FALSE;
  _bk_scenario_editor_show_id_error (self, id_problem (s->id));
}

void
_bk_scenario_editor_class_init_settings (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, settings_edited_cb);
}

/* One check button per competency, two columns: the list is the core's. */
void
_bk_scenario_editor_init_settings (BkScenarioEditor *self)
{
  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (bk_competency_label (k));

      g_signal_connect_swapped (check, "toggled", G_CALLBACK (settings_edited_cb), self);
      gtk_grid_attach (self->competencies_grid, check, k % 2, k / 2, 1, 1);
      self->competency_checks[k] = GTK_CHECK_BUTTON (check);
    }
}
