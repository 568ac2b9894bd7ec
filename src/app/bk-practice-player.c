/* bk-practice-player.c
 * Plays a role-play scenario as a conversation.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The transcript grows downwards: narration, the parent's line in a bubble
 * with the stage direction under it, then what the intern said on the right,
 * with the feedback under it when the setting says "at once". Below the
 * transcript is what the intern can say now: the choices as buttons (in the
 * run's shuffled order, numbered, so keys 1-5 choose), or an open turn: write
 * an answer, then tick what it does on the rubric. The bubbles depend on the
 * script, so they are built here; the frame is bk-practice-player.ui.
 */
#define G_LOG_DOMAIN "bk-practice-player"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-practice-player.h"

struct _BkPracticePlayer
{
  AdwBin             parent_instance;

  GtkScrolledWindow *scroller;
  GtkBox            *transcript;
  GtkBox            *answers;

  BkRun             *run;
  gboolean           feedback_now;
  GtkTextBuffer     *answer_buffer;
  GPtrArray         *rubric_checks;   /* GtkCheckButton, at the rating step */
  char              *answer;          /* kept between writing and rating */
};

G_DEFINE_FINAL_TYPE (BkPracticePlayer, bk_practice_player, ADW_TYPE_BIN)

enum { SIGNAL_FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void show_current (BkPracticePlayer *self);

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static gboolean
scroll_to_end_cb (gpointer data)
{
  BkPracticePlayer *self = data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);

  gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

static void
scroll_to_end (BkPracticePlayer *self)
{
  /* After the new bubbles have their size. */
  g_timeout_add (50, scroll_to_end_cb, g_object_ref (self));
}

/* The transcript */

static void
add_parent_turn (BkPracticePlayer *self,
                 BkNode           *node)
{
  BkScenario *s = bk_run_get_scenario (self->run);
  GtkWidget *box, *bubble;

  if (node->narration != NULL && *node->narration != '\0')
    {
      GtkWidget *narration = text_label (node->narration, "dim-label");

      gtk_label_set_xalign (GTK_LABEL (narration), 0.5);
      gtk_label_set_justify (GTK_LABEL (narration), GTK_JUSTIFY_CENTER);
      gtk_widget_add_css_class (narration, "caption");
      gtk_box_append (self->transcript, narration);
    }
  if (node->kind == BK_NODE_ENDING)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_halign (box, GTK_ALIGN_START);
  gtk_widget_set_margin_end (box, 64);
  bubble = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_add_css_class (bubble, "bubble");
  gtk_widget_add_css_class (bubble, "parent");
  gtk_box_append (GTK_BOX (bubble), text_label (s->persona_name, "heading"));
  gtk_box_append (GTK_BOX (bubble),
                  text_label (*node->line != '\0' ? node->line
                              /* Translators: a parent's line with no words */
                              : _("(says nothing)"), NULL));
  gtk_box_append (GTK_BOX (box), bubble);
  if (node->direction != NULL && *node->direction != '\0')
    {
      g_autofree char *markup = g_markup_printf_escaped ("<i>%s</i>", node->direction);
      GtkWidget *direction = text_label (NULL, "dim-label");

      gtk_label_set_markup (GTK_LABEL (direction), markup);
      gtk_widget_add_css_class (direction, "caption");
      gtk_widget_set_margin_start (direction, 14);
      gtk_box_append (GTK_BOX (box), direction);
    }
  gtk_box_append (self->transcript, box);
}

static void
add_feedback (BkPracticePlayer *self,
              const char       *heading,
              const char       *text,
              gboolean          best)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);

  gtk_widget_add_css_class (box, "practice-feedback");
  if (!best)
    gtk_widget_add_css_class (box, "off-best");
  gtk_widget_set_margin_start (box, 64);
  gtk_box_append (GTK_BOX (box), text_label (heading, "heading"));
  if (text != NULL)
    gtk_box_append (GTK_BOX (box), text_label (text, NULL));
  gtk_box_append (self->transcript, box);
}

static void
add_my_turn (BkPracticePlayer *self,
             const BkStep     *step)
{
  BkNode *node = bk_scenario_find_node (bk_run_get_scenario (self->run), step->node_id);
  GtkWidget *bubble = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *said;

  if (step->choice >= 0)
    said = ((BkChoice *) g_ptr_array_index (node->choices, step->choice))->text;
  else
    said = *step->answer != '\0' ? step->answer : _("(you wrote no answer)");
  gtk_widget_add_css_class (bubble, "bubble");
  gtk_widget_add_css_class (bubble, "mine");
  gtk_widget_set_halign (bubble, GTK_ALIGN_END);
  gtk_widget_set_margin_start (bubble, 64);
  gtk_box_append (GTK_BOX (bubble), text_label (_("You"), "heading"));
  gtk_box_append (GTK_BOX (bubble), text_label (said, NULL));
  gtk_box_append (self->transcript, bubble);

  if (!self->feedback_now)
    return;
  if (step->choice >= 0 && node->choices->len >= 2)
    {
      BkChoice *c = g_ptr_array_index (node->choices, step->choice);
      const char *technique = bk_scenario_technique_label (c->technique);

      add_feedback (self, technique != NULL ? technique : c->technique, c->feedback, c->best);
    }
  else if (step->choice < 0)
    {
      guint ticked = 0;
      g_autofree char *heading = NULL;

      for (guint i = 0; i < node->rubric->len; i++)
        ticked += (step->rubric >> i) & 1;
      /* Translators: after an open answer, "2 of 3 points of the rubric" */
      heading = g_strdup_printf (_("%u of %u points of the rubric"), ticked, node->rubric->len);
      add_feedback (self, heading, NULL, ticked == node->rubric->len);
    }
}

static void
add_ending (BkPracticePlayer *self,
            BkNode           *node)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *kind = text_label (bk_ending_kind_label (node->ending_kind), "caption-heading");
  GtkWidget *title = text_label (node->ending_title, "title-3");
  GtkWidget *text = text_label (node->ending_text, NULL);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_margin_top (card, 12);
  gtk_widget_add_css_class (kind, node->ending_kind == BK_ENDING_GOOD ? "success"
                                  : node->ending_kind == BK_ENDING_POOR ? "error" : "warning");
  gtk_widget_set_margin_top (kind, 12);
  gtk_widget_set_margin_bottom (text, 14);
  for (GtkWidget *w = kind; w != NULL; w = w == kind ? title : w == title ? text : NULL)
    {
      gtk_widget_set_margin_start (w, 18);
      gtk_widget_set_margin_end (w, 18);
      gtk_box_append (GTK_BOX (card), w);
    }
  gtk_box_append (self->transcript, card);
}

/* The whole transcript of the run so far, e.g. after a replay. */
static void
rebuild_transcript (BkPracticePlayer *self)
{
  BkScenario *s = bk_run_get_scenario (self->run);

  clear_box (self->transcript);
  for (guint i = 0; i < bk_run_get_n_steps (self->run); i++)
    {
      const BkStep *step = bk_run_get_step (self->run, i);

      add_parent_turn (self, bk_scenario_find_node (s, step->node_id));
      add_my_turn (self, step);
    }
  /* After a step, show_current () adds where the run is now. */
  if (bk_run_get_n_steps (self->run) == 0)
    add_parent_turn (self, bk_run_get_node (self->run));
}

/* What the intern can say */

static void
choice_clicked_cb (GtkButton        *button,
                   BkPracticePlayer *self)
{
  bk_practice_player_choose (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "position")));
}

static void
show_choices (BkPracticePlayer *self,
              BkNode           *node)
{
  GtkWidget *first = NULL;
  GtkWidget *hint = text_label (_("What do you say? Choose with the mouse or the keys 1 to 5."), "dim-label");

  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (self->answers, hint);
  for (guint p = 0; p < bk_run_get_n_shown (self->run); p++)
    {
      BkChoice *c = g_ptr_array_index (node->choices, bk_run_get_shown (self->run, p));
      g_autofree char *text = g_strdup_printf ("%u.  %s", p + 1, c->text);
      GtkWidget *button = gtk_button_new ();
      GtkWidget *label = text_label (text, NULL);

      gtk_button_set_child (GTK_BUTTON (button), label);
      gtk_widget_add_css_class (button, "practice-choice");
      g_object_set_data (G_OBJECT (button), "position", GUINT_TO_POINTER (p));
      g_signal_connect (button, "clicked", G_CALLBACK (choice_clicked_cb), self);
      gtk_box_append (self->answers, button);
      if (first == NULL)
        first = button;
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
}

static void
continue_clicked_cb (GtkButton        *button,
                     BkPracticePlayer *self)
{
  guint rubric = 0;

  for (guint i = 0; i < self->rubric_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->rubric_checks, i)))
      rubric |= 1u << i;
  if (!bk_run_answer (self->run, self->answer != NULL ? self->answer : "", rubric))
    return;
  add_my_turn (self, bk_run_get_step (self->run, bk_run_get_n_steps (self->run) - 1));
  g_clear_pointer (&self->answer, g_free);
  show_current (self);
}

static void
show_rubric (BkPracticePlayer *self,
             BkNode           *node)
{
  GtkWidget *button;

  clear_box (self->answers);
  g_ptr_array_set_size (self->rubric_checks, 0);
  gtk_box_append (self->answers, text_label (_("Read your answer again. What does it do? Tick honestly: this is for you."),
                                             "heading"));
  gtk_box_append (self->answers, text_label (self->answer != NULL && *self->answer != '\0'
                                             ? self->answer : _("(you wrote no answer)"), "dim-label"));
  for (guint i = 0; i < node->rubric->len; i++)
    {
      BkRubricItem *item = g_ptr_array_index (node->rubric, i);
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = text_label (item->text, NULL);

      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_box_append (self->answers, check);
      g_ptr_array_add (self->rubric_checks, check);
    }
  button = gtk_button_new_with_mnemonic (_("_Continue"));
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (continue_clicked_cb), self);
  gtk_box_append (self->answers, button);
  gtk_widget_grab_focus (g_ptr_array_index (self->rubric_checks, 0));
}

static void
rate_clicked_cb (GtkButton        *button,
                 BkPracticePlayer *self)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (self->answer_buffer, &start, &end);
  g_free (self->answer);
  self->answer = g_strstrip (gtk_text_buffer_get_text (self->answer_buffer, &start, &end, FALSE));
  show_rubric (self, bk_run_get_node (self->run));
}

static void
show_open (BkPracticePlayer *self,
           BkNode           *node)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new_with_buffer (self->answer_buffer);
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Rate My Answer"));

  gtk_text_buffer_set_text (self->answer_buffer, "", -1);
  gtk_box_append (self->answers, text_label (node->prompt, "heading"));
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, node->prompt, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (self->answers, frame);
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  g_signal_connect (button, "clicked", G_CALLBACK (rate_clicked_cb), self);
  gtk_box_append (self->answers, button);
  gtk_widget_grab_focus (view);
}

static void
show_current (BkPracticePlayer *self)
{
  BkNode *node = bk_run_get_node (self->run);

  clear_box (self->answers);
  g_ptr_array_set_size (self->rubric_checks, 0);
  if (bk_run_get_n_steps (self->run) > 0)
    add_parent_turn (self, node);
  if (bk_run_is_finished (self->run))
    {
      add_ending (self, node);
      gtk_widget_set_visible (GTK_WIDGET (self->answers), FALSE);
      scroll_to_end (self);
      g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->answers), TRUE);
  if (node->kind == BK_NODE_OPEN)
    show_open (self, node);
  else
    show_choices (self, node);
  scroll_to_end (self);
}

gboolean
bk_practice_player_choose (BkPracticePlayer *self,
                           guint             position)
{
  g_return_val_if_fail (BK_IS_PRACTICE_PLAYER (self), FALSE);

  if (self->run == NULL || bk_run_choose (self->run, position) == NULL)
    return FALSE;
  add_my_turn (self, bk_run_get_step (self->run, bk_run_get_n_steps (self->run) - 1));
  show_current (self);
  return TRUE;
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  bk_practice_player_choose (BK_PRACTICE_PLAYER (widget), g_variant_get_uint32 (parameter));
}

static void
bk_practice_player_dispose (GObject *object)
{
  BkPracticePlayer *self = BK_PRACTICE_PLAYER (object);

  g_clear_pointer (&self->run, bk_run_free);
  g_clear_pointer (&self->rubric_checks, g_ptr_array_unref);
  g_clear_object (&self->answer_buffer);
  g_clear_pointer (&self->answer, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PRACTICE_PLAYER);
  G_OBJECT_CLASS (bk_practice_player_parent_class)->dispose (object);
}

static void
bk_practice_player_class_init (BkPracticePlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_practice_player_dispose;

  /**
   * BkPracticePlayer::finished:
   *
   * The run reached an ending; the debrief can follow.
   */
  signals[SIGNAL_FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/betrokken/Betrokken/ui/bk-practice-player.ui");
  gtk_widget_class_bind_template_child (widget_class, BkPracticePlayer, scroller);
  gtk_widget_class_bind_template_child (widget_class, BkPracticePlayer, transcript);
  gtk_widget_class_bind_template_child (widget_class, BkPracticePlayer, answers);

  gtk_widget_class_install_action (widget_class, "player.choose", "u", choose_action);
  for (guint i = 0; i < 5; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, 0, "player.choose", "u", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, 0, "player.choose", "u", i);
    }
}

static void
bk_practice_player_init (BkPracticePlayer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->answer_buffer = gtk_text_buffer_new (NULL);
  self->rubric_checks = g_ptr_array_new ();
}

GtkWidget *
bk_practice_player_new (void)
{
  return g_object_new (BK_TYPE_PRACTICE_PLAYER, NULL);
}

void
bk_practice_player_resume (BkPracticePlayer *self,
                           BkRun            *run,
                           gboolean          feedback_now)
{
  g_return_if_fail (BK_IS_PRACTICE_PLAYER (self));
  g_return_if_fail (run != NULL);

  g_clear_pointer (&self->run, bk_run_free);
  g_clear_pointer (&self->answer, g_free);
  self->run = run;
  self->feedback_now = feedback_now;
  rebuild_transcript (self);
  show_current (self);
}

void
bk_practice_player_start (BkPracticePlayer *self,
                          BkScenario       *scenario,
                          guint32           seed,
                          gboolean          feedback_now)
{
  bk_practice_player_resume (self, bk_run_new (scenario, seed), feedback_now);
}

BkRun *
bk_practice_player_get_run (BkPracticePlayer *self)
{
  g_return_val_if_fail (BK_IS_PRACTICE_PLAYER (self), NULL);
  return self->run;
}

GtkTextBuffer *
bk_practice_player_get_answer_buffer (BkPracticePlayer *self)
{
  g_return_val_if_fail (BK_IS_PRACTICE_PLAYER (self), NULL);
  return self->answer_buffer;
}

GtkWidget *
bk_practice_player_get_rubric_check (BkPracticePlayer *self,
                                     guint             i)
{
  g_return_val_if_fail (BK_IS_PRACTICE_PLAYER (self), NULL);
  return i < self->rubric_checks->len ? g_ptr_array_index (self->rubric_checks, i) : NULL;
}
