/* bk-scenario-rubric-row.c
 * One rubric item of an open turn in the scenario editor: its text and its competency.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The intern ticks the items their own answer did; each tick adds 1 to
 * the item's competency. The row writes into the BkRubricItem it was
 * given (owned by the editor's scenario) and emits "edited" after each
 * edit and "remove" when the teacher deletes the item.
 */
#define G_LOG_DOMAIN "bk-scenario-rubric-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-id-combo.h"
#include "bk-scenario-rubric-row.h"

struct _BkScenarioRubricRow
{
  AdwEntryRow   parent_instance;

  BkRubricItem *item;          /* not owned */
  gboolean      loading;

  GtkDropDown  *competency_dropdown;
};

G_DEFINE_FINAL_TYPE (BkScenarioRubricRow, bk_scenario_rubric_row, ADW_TYPE_ENTRY_ROW)

enum { EDITED, REMOVE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
text_changed_cb (BkScenarioRubricRow *self)
{
  if (self->loading)
    return;
  g_free (self->item->text);
  self->item->text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self)));
  g_signal_emit (self, signals[EDITED], 0);
}

static void
competency_changed_cb (BkScenarioRubricRow *self)
{
  if (self->loading)
    return;
  self->item->competency = bk_competency_from_id (bk_id_combo_get (self->competency_dropdown));
  g_signal_emit (self, signals[EDITED], 0);
}

static void
remove_clicked_cb (BkScenarioRubricRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/**
 * bk_scenario_rubric_row_new:
 * @item: (transfer none): the item to edit; must outlive the row
 * @position: its place in the rubric, from 0
 */
GtkWidget *
bk_scenario_rubric_row_new (BkRubricItem *item,
                            guint         position)
{
  BkScenarioRubricRow *self = g_object_new (BK_TYPE_SCENARIO_RUBRIC_ROW, NULL);
  const char *ids[BK_N_COMPETENCIES + 1] = { NULL };
  const char *labels[BK_N_COMPETENCIES + 1] = { NULL };
  /* Translators: the title of an item of an open turn's rubric */
  g_autofree char *title = g_strdup_printf (_("Item %u: what a good answer does"), position + 1);

  for (int k = 0; k < BK_N_COMPETENCIES; k++)
    {
      ids[k] = bk_competency_id (k);
      labels[k] = bk_competency_label (k);
    }
  self->item = item;
  self->loading = TRUE;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_editable_set_text (GTK_EDITABLE (self), item->text);
  bk_id_combo_set (self->competency_dropdown, ids, labels,
                   item->competency >= 0 && item->competency < BK_N_COMPETENCIES ? ids[item->competency] : "",
                   _("Competency…"), "%s");
  self->loading = FALSE;
  return GTK_WIDGET (self);
}

BkRubricItem *
bk_scenario_rubric_row_get_item (BkScenarioRubricRow *self)
{
  g_return_val_if_fail (BK_IS_SCENARIO_RUBRIC_ROW (self), NULL);

  return self->item;
}

static void
bk_scenario_rubric_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_SCENARIO_RUBRIC_ROW);
  G_OBJECT_CLASS (bk_scenario_rubric_row_parent_class)->dispose (object);
}

static void
bk_scenario_rubric_row_class_init (BkScenarioRubricRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_scenario_rubric_row_dispose;

  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-scenario-rubric-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkScenarioRubricRow, competency_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, competency_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
bk_scenario_rubric_row_init (BkScenarioRubricRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
