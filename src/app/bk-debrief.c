/* bk-debrief.c
 * After a practice conversation: how it ended, the competency scores as a
 * radar beside the best path's, each step beside the best choice with its
 * feedback and "Replay from here", the intern's reflection and the mentor's
 * comments.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The intern writes the reflection; a mentor (a teacher looking at an
 * intern's run) reads it and adds comments. Both are kept with the run in
 * the store (bk-run.h). The step rows depend on the script, so they are
 * built here; the frame is bk-debrief.ui.
 */
#define G_LOG_DOMAIN "bk-debrief"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-clock.h"
#include "bk-current-staff.h"
#include "bk-debrief.h"
#include "bk-radar-chart.h"

struct _BkDebrief
{
  AdwBin          parent_instance;

  GtkLabel       *kind_label;
  GtkLabel       *title_label;
  GtkLabel       *text_label;
  GtkDrawingArea *radar;
  GtkLabel       *scores_label;
  GtkListBox     *path_list;
  GtkWidget      *reflection_group;
  GtkTextView    *reflection_view;
  GtkWidget      *reflection_button;
  GtkWidget      *comments_group;
  GtkListBox     *comments_list;
  GtkWidget      *comment_box;
  GtkEntry       *comment_entry;

  BkStore        *store;
  BkRun          *run;
  gint64          run_id;
  gboolean        mentor;
  int             scores[BK_N_COMPETENCIES];
  int             best[BK_N_COMPETENCIES];
};

G_DEFINE_FINAL_TYPE (BkDebrief, bk_debrief, ADW_TYPE_BIN)

enum { SIGNAL_REPLAY, SIGNAL_MESSAGE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
draw_radar (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  BkDebrief *self = data;
  GdkRGBA fg;
  BkChartColour ink;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ink = (BkChartColour) { fg.red, fg.green, fg.blue };
  bk_radar_chart_draw (self->scores, self->best, cr, width, height, &ink);
}

static void
replay_clicked_cb (GtkButton *button,
                   BkDebrief *self)
{
  g_signal_emit (self, signals[SIGNAL_REPLAY], 0,
                 GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "step")));
}

static BkChoice *
best_choice (BkNode *node)
{
  for (guint j = 0; j < node->choices->len; j++)
    if (((BkChoice *) g_ptr_array_index (node->choices, j))->best)
      return g_ptr_array_index (node->choices, j);
  return NULL;
}

static GtkWidget *
detail_row (const char *title,
            const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  return row;
}

/* A step: what the intern said, whether it was the best choice; open, the
 * feedback and the best choice with its feedback. */
static GtkWidget *
step_row (BkDebrief    *self,
          guint         i,
          const BkStep *step)
{
  BkNode *node = bk_scenario_find_node (bk_run_get_scenario (self->run), step->node_id);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (step->choice >= 0)
    {
      BkChoice *mine = g_ptr_array_index (node->choices, step->choice);
      BkChoice *best = best_choice (node);
      const char *technique = bk_scenario_technique_label (mine->technique);

      title = g_strdup (mine->text);
      if (node->choices->len < 2)
        subtitle = g_strdup (_("Go on"));
      else if (mine->best)
        /* Translators: in the debrief; %s is a technique, "Respect" */
        subtitle = g_strdup_printf (_("✓ The best choice · %s"), technique != NULL ? technique : "");
      else
        subtitle = g_strdup_printf (_("Another choice was better · %s"), technique != NULL ? technique : "");
      if (node->choices->len >= 2)
        {
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("Feedback"), mine->feedback));
          if (!mine->best && best != NULL)
            {
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("The best choice"), best->text));
              adw_expander_row_add_row (ADW_EXPANDER_ROW (row), detail_row (_("Why"), best->feedback));
            }
        }
    }
  else
    {
      guint ticked = 0;

      for (guint k = 0; k < node->rubric->len; k++)
        ticked += (step->rubric >> k) & 1;
      title = g_strdup (*step->answer != '\0' ? step->answer : _("(you wrote no answer)"));
      subtitle = g_strdup_printf (_("Your own words: %u of %u points of the rubric"), ticked, node->rubric->len);
      for (guint k = 0; k < node->rubric->len; k++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                  detail_row ((step->rubric >> k) & 1 ? _("✓ Ticked") : _("Not ticked"),
                                              ((BkRubricItem *) g_ptr_array_index (node->rubric, k))->text));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (button, _("Replay from here"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Replay from here"), -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_visible (button, !self->mentor);
  g_object_set_data (G_OBJECT (button), "step", GUINT_TO_POINTER (i));
  g_signal_connect (button, "clicked", G_CALLBACK (replay_clicked_cb), self);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), button);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
load_comments (BkDebrief *self)
{
  g_autoptr (GPtrArray) comments = NULL;

  clear_list (self->comments_list);
  if (self->run_id > 0)
    comments = bk_practice_comments (self->store, self->run_id, NULL);
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      BkPracticeComment *c = g_ptr_array_index (comments, i);
      g_autofree char *who = g_strdup_printf ("%s · %.10s", c->author != NULL ? c->author : _("A colleague"),
                                              c->created_at);
      GtkWidget *row = detail_row (who, c->body);

      gtk_list_box_append (self->comments_list, row);
    }
  /* An intern sees the group only when there is something in it. */
  gtk_widget_set_visible (self->comments_group, self->run_id > 0 && (self->mentor || (comments != NULL && comments->len > 0)));
  gtk_widget_set_visible (GTK_WIDGET (self->comments_list), comments != NULL && comments->len > 0);
}

static void
save_reflection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  BkDebrief *self = BK_DEBRIEF (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->reflection_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (self->run_id <= 0)
    g_signal_emit (self, signals[SIGNAL_MESSAGE], 0,
                   _("This run is not kept: choose who you are in Preferences first."));
  else if (!bk_practice_set_reflection (self->store, self->run_id, text, &error))
    g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
  else
    g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, _("Reflection saved"));
}

static void
add_comment_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  BkDebrief *self = BK_DEBRIEF (widget);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  if (!bk_practice_add_comment (self->store, self->run_id, bk_current_staff_id (self->store),
                                gtk_editable_get_text (GTK_EDITABLE (self->comment_entry)), now, NULL, &error))
    {
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
  load_comments (self);
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, _("Comment added"));
}

static void
comment_activate_cb (BkDebrief *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "debrief.add-comment", NULL);
}

static void
bk_debrief_dispose (GObject *object)
{
  BkDebrief *self = BK_DEBRIEF (object);

  g_clear_pointer (&self->run, bk_run_free);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_DEBRIEF);
  G_OBJECT_CLASS (bk_debrief_parent_class)->dispose (object);
}

static void
bk_debrief_class_init (BkDebriefClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_debrief_dispose;

  /* BkDebrief::replay: the intern wants to go back to before step @i. */
  signals[SIGNAL_REPLAY] = g_signal_new ("replay", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* BkDebrief::message: something to tell the user in a toast. */
  signals[SIGNAL_MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/betrokken/Betrokken/ui/bk-debrief.ui");
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, kind_label);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, title_label);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, text_label);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, radar);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, scores_label);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, path_list);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, reflection_group);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, reflection_view);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, reflection_button);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, comments_group);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, comments_list);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, comment_box);
  gtk_widget_class_bind_template_child (widget_class, BkDebrief, comment_entry);
  gtk_widget_class_bind_template_callback (widget_class, comment_activate_cb);

  gtk_widget_class_install_action (widget_class, "debrief.save-reflection", NULL, save_reflection_action);
  gtk_widget_class_install_action (widget_class, "debrief.add-comment", NULL, add_comment_action);
}

static void
bk_debrief_init (BkDebrief *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->radar, draw_radar, self, NULL);
}

/**
 * bk_debrief_show:
 * @run: (transfer full): a finished run
 * @run_id: the run as kept in the store, or 0 when it is not kept
 * @reflection: (nullable): what the intern wrote before
 * @mentor: a teacher reads an intern's run: comments, no replay
 */
void
bk_debrief_show (BkDebrief  *self,
                 BkStore    *store,
                 BkRun      *run,
                 gint64      run_id,
                 const char *reflection,
                 gboolean    mentor)
{
  BkScenario *s = bk_run_get_scenario (run);
  BkNode *end = bk_run_get_node (run);
  g_autofree char *described = NULL;
  g_autofree char *steps = NULL;

  g_set_object (&self->store, store);
  g_clear_pointer (&self->run, bk_run_free);
  self->run = run;
  self->run_id = run_id;
  self->mentor = mentor;

  if (bk_run_is_finished (run))
    {
      gtk_label_set_text (self->kind_label, bk_ending_kind_label (end->ending_kind));
      gtk_label_set_text (self->title_label, end->ending_title);
      gtk_label_set_text (self->text_label, end->ending_text);
    }
  else
    {
      gtk_label_set_text (self->kind_label, _("Not finished"));
      gtk_label_set_text (self->title_label, s->title);
      gtk_label_set_text (self->text_label, _("This conversation was left before it ended."));
    }
  for (guint i = 0; i < 3; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->kind_label), (const char *[]) { "success", "warning", "error" }[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->kind_label),
                            !bk_run_is_finished (run) ? "warning"
                            : end->ending_kind == BK_ENDING_GOOD ? "success"
                            : end->ending_kind == BK_ENDING_POOR ? "error" : "warning");

  bk_run_get_scores (run, self->scores);
  bk_scenario_best_scores (s, self->best);
  described = bk_radar_chart_describe (self->scores, self->best);
  /* Translators: "You took the best choice 6 times out of 9." then the scores */
  steps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "You took the best choice %u time out of %u.",
                                        "You took the best choice %u times out of %u.", bk_run_get_n_best (run)),
                           bk_run_get_n_best (run), bk_run_get_n_steps (run));
  {
    g_autofree char *text = g_strconcat (steps, "\n\n", described, NULL);
    gtk_label_set_text (self->scores_label, text);
  }
  gtk_widget_queue_draw (GTK_WIDGET (self->radar));

  clear_list (self->path_list);
  for (guint i = 0; i < bk_run_get_n_steps (run); i++)
    gtk_list_box_append (self->path_list, step_row (self, i, bk_run_get_step (run, i)));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->reflection_view),
                            reflection != NULL ? reflection : "", -1);
  gtk_text_view_set_editable (self->reflection_view, !mentor);
  gtk_widget_set_visible (self->reflection_button, !mentor);
  gtk_widget_set_visible (self->reflection_group, !mentor || (reflection != NULL && *reflection != '\0'));
  gtk_widget_set_visible (self->comment_box, mentor);
  load_comments (self);
}

BkRun *
bk_debrief_get_run (BkDebrief *self)
{
  g_return_val_if_fail (BK_IS_DEBRIEF (self), NULL);
  return self->run;
}

const char *
bk_debrief_get_scores_text (BkDebrief *self)
{
  g_return_val_if_fail (BK_IS_DEBRIEF (self), NULL);
  return gtk_label_get_text (self->scores_label);
}
