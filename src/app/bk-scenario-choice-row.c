/* bk-scenario-choice-row.c
 * One choice of a decision point in the scenario editor, as an expandable row.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collapsed, the row shows what the intern says, where it leads and
 * whether it is the best choice (a radio button in front: the rows of a
 * node share one group, so choosing one clears the others). Expanded, it
 * holds everything of the choice: text, next node, technique, feedback
 * and a score from -2 to 2 per competency. The row writes into the
 * BkChoice it was given (owned by the editor's scenario, which rebuilds
 * the rows whenever the choices or the node ids change) and emits
 * "edited" after each edit, "best-chosen" when the teacher marks it as
 * the best one (the editor then clears the others), "remove" when the
 * teacher deletes it.
 */
#define G_LOG_DOMAIN "bk-scenario-choice-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-id-combo.h"
#include "bk-scenario-choice-row.h"
#include "bk-text-row.h"

struct _BkScenarioChoiceRow
{
  AdwExpanderRow  parent_instance;

  BkChoice       *choice;          /* not owned */
  guint           position;
  gboolean        loading;
  GtkSpinButton  *scores[BK_N_COMPETENCIES];

  GtkCheckButton *best_check;
  BkTextRow      *text_row;
  AdwComboRow    *next_row;
  AdwComboRow    *technique_row;
  BkTextRow      *feedback_row;
  GtkGrid        *scores_grid;
};

G_DEFINE_FINAL_TYPE (BkScenarioChoiceRow, bk_scenario_choice_row, ADW_TYPE_EXPANDER_ROW)

enum { EDITED, BEST_CHOSEN, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The collapsed row: the first words of the text, then where it leads. */
static void
update_title (BkScenarioChoiceRow *self)
{
  BkChoice *c = self->choice;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *technique = bk_scenario_technique_label (c->technique);

  if (c->text[0] != '\0')
    title = g_strdup (c->text);
  else
    /* Translators: the title of a choice the teacher has not written yet */
    title = g_strdup_printf (_("Choice %u (no text yet)"), self->position + 1);
  if (c->next[0] == '\0')
    subtitle = g_strdup (_("Leads nowhere yet"));
  else if (technique != NULL)
    /* Translators: under a choice: where it leads, and its technique */
    subtitle = g_strdup_printf (_("Leads to “%s” · %s"), c->next, technique);
  else
    subtitle = g_strdup_printf (_("Leads to “%s”"), c->next);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
edited (BkScenarioChoiceRow *self)
{
  update_title (self);
  g_signal_emit (self, signals[EDITED], 0);
}

static void
text_changed_cb (BkScenarioChoiceRow *self)
{
  if (self->loading)
    return;
  g_free (self->choice->text);
  self->choice->text = bk_text_row_get_text (self->text_row);
  edited (self);
}

static void
feedback_changed_cb (BkScenarioChoiceRow *self)
{
  if (self->loading)
    return;
  g_free (self->choice->feedback);
  self->choice->feedback = bk_text_row_get_text (self->feedback_row);
  edited (self);
}

static void
next_changed_cb (BkScenarioChoiceRow *self)
{
  if (self->loading)
    return;
  g_free (self->choice->next);
  self->choice->next = g_strdup (bk_id_combo_get (self->next_row));
  edited (self);
}

static void
technique_changed_cb (BkScenarioChoiceRow *self)
{
  if (self->loading)
    return;
  g_free (self->choice->technique);
  self->choice->technique = g_strdup (bk_id_combo_get (self->technique_row));
  edited (self);
}

/* Only switching on writes: the button switched off by the group is
 * cleared by the editor on "best-chosen", so joining a group while loading
 * changes nothing. */
static void
best_toggled_cb (BkScenarioChoiceRow *self)
{
  if (self->loading || !gtk_check_button_get_active (self->best_check))
    return;
  self->choice->best = TRUE;
  update_title (self);
  g_signal_emit (self, signals[BEST_CHOSEN], 0);
}

static void
score_changed_cb (GtkSpinButton       *spin,
                  BkScenarioChoiceRow *self)
{
  int k = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "competency"));

  if (self->loading)
    return;
  self->choice->scores[k] = gtk_spin_button_get_value_as_int (spin);
  edited (self);
}

static void
remove_clicked_cb (BkScenarioChoiceRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* A label and a -2..2 spin button per competency, two to a line; the
 * competencies are the core's list, so the grid is made here. */
static void
fill_scores (BkScenarioChoiceRow *self)
{
  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    {
      GtkWidget *label = gtk_label_new (bk_competency_label (k));
      GtkWidget *spin = gtk_spin_button_new_with_range (-2, 2, 1);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_halign (spin, GTK_ALIGN_END);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      g_object_set_data (G_OBJECT (spin), "competency", GINT_TO_POINTER (k));
      g_signal_connect (spin, "value-changed", G_CALLBACK (score_changed_cb), self);
      gtk_grid_attach (self->scores_grid, label, (k % 2) * 2, k / 2, 1, 1);
      gtk_grid_attach (self->scores_grid, spin, (k % 2) * 2 + 1, k / 2, 1, 1);
      self->scores[k] = GTK_SPIN_BUTTON (spin);
    }
}

static void
load (BkScenarioChoiceRow *self,
      const char * const  *node_ids)
{
  const char * const *techniques = bk_scenario_techniques ();
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  BkChoice *c = self->choice;

  for (guint i = 0; techniques[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) bk_scenario_technique_label (techniques[i]));
  g_ptr_array_add (labels, NULL);

  self->loading = TRUE;
  bk_text_row_set_text (self->text_row, c->text);
  bk_text_row_set_text (self->feedback_row, c->feedback);
  /* Translators: in the list of nodes a choice can lead to; %s is a node id */
  bk_id_combo_set (self->next_row, node_ids, NULL, c->next, _("Not chosen yet"), _("“%s”: no such node"));
  bk_id_combo_set (self->technique_row, techniques, (const char * const *) labels->pdata, c->technique,
                   /* Translators: %s is a technique id from an imported file */
                   _("Not chosen yet"), _("“%s”: not a known technique"));
  gtk_check_button_set_active (self->best_check, c->best);
  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    gtk_spin_button_set_value (self->scores[k], c->scores[k]);
  self->loading = FALSE;
  update_title (self);
}

/**
 * bk_scenario_choice_row_new:
 * @choice: (transfer none): the choice to edit; must outlive the row
 * @position: its place among the node's choices, from 0
 * @node_ids: the ids the choice can lead to
 */
GtkWidget *
bk_scenario_choice_row_new (BkChoice           *choice,
                            guint               position,
                            const char * const *node_ids)
{
  BkScenarioChoiceRow *self = g_object_new (BK_TYPE_SCENARIO_CHOICE_ROW, NULL);
  g_autofree char *best = g_strdup_printf (_("Choice %u is the best one"), position + 1);

  self->choice = choice;
  self->position = position;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->best_check), GTK_ACCESSIBLE_PROPERTY_LABEL, best, -1);
  load (self, node_ids);
  return GTK_WIDGET (self);
}

BkChoice *
bk_scenario_choice_row_get_choice (BkScenarioChoiceRow *self)
{
  g_return_val_if_fail (BK_IS_SCENARIO_CHOICE_ROW (self), NULL);

  return self->choice;
}

/**
 * bk_scenario_choice_row_set_group:
 * @first: the node's first choice row
 *
 * Makes the best buttons of the node's rows one radio group.
 */
void
bk_scenario_choice_row_set_group (BkScenarioChoiceRow *self,
                                  BkScenarioChoiceRow *first)
{
  g_return_if_fail (BK_IS_SCENARIO_CHOICE_ROW (self));
  g_return_if_fail (BK_IS_SCENARIO_CHOICE_ROW (first));

  self->loading = TRUE;
  gtk_check_button_set_group (self->best_check, first->best_check);
  /* Joining a group may have switched this button off. */
  gtk_check_button_set_active (self->best_check, self->choice->best);
  self->loading = FALSE;
}

static void
bk_scenario_choice_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_SCENARIO_CHOICE_ROW);
  G_OBJECT_CLASS (bk_scenario_choice_row_parent_class)->dispose (object);
}

static void
bk_scenario_choice_row_class_init (BkScenarioChoiceRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_scenario_choice_row_dispose;

  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[BEST_CHOSEN] = g_signal_new ("best-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (BK_TYPE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-scenario-choice-row.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BkScenarioChoiceRow, name)
  BIND (best_check);
  BIND (text_row);
  BIND (next_row);
  BIND (technique_row);
  BIND (feedback_row);
  BIND (scores_grid);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, feedback_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, technique_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, best_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
bk_scenario_choice_row_init (BkScenarioChoiceRow *self)
{
  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_scores (self);
  self->loading = FALSE;
}
