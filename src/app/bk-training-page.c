/* bk-training-page.c
 * The practice room: pick a scenario, read the brief, hold the conversation,
 * read the debrief; your growth over time; a mentor's view of the interns.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The library is the built-in scenarios plus the teachers' own
 * (bk_scenario_library). A run is kept in the store when it ends, or when
 * the intern stops after at least one step, for the staff member chosen in
 * Preferences; with nobody chosen, practice still works but is not kept.
 * A teacher is every intern's mentor here, as on the Conversations page.
 */
#define G_LOG_DOMAIN "bk-training-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-clock.h"
#include "bk-current-staff.h"
#include "bk-debrief.h"
#include "bk-lookup.h"
#include "bk-observation.h"
#include "bk-practice-player.h"
#include "bk-scenario-editor.h"
#include "bk-training-page.h"
#include "bk-trend-chart.h"
#include "bk-window.h"

struct _BkTrainingPage
{
  AdwBin             parent_instance;

  GtkStack          *stack;
  GtkWidget         *who_label;
  GtkWidget         *new_button;
  GtkDropDown       *competency_filter;
  GtkDropDown       *type_filter;
  GtkListBox        *scenario_list;
  GtkWidget         *no_match_label;
  GtkSwitch         *feedback_switch;
  GtkWidget         *growth_group;
  GtkDrawingArea    *trend;
  GtkListBox        *runs_list;
  GtkWidget         *mentor_group;
  GtkDropDown       *intern_dropdown;
  GtkDrawingArea    *intern_trend;
  GtkListBox        *intern_runs_list;
  GtkLabel          *brief_title;
  GtkLabel          *brief_summary;
  GtkListBox        *persona_list;
  GtkLabel          *brief_context;
  GtkLabel          *brief_objectives;
  GtkWidget         *start_button;
  GtkLabel          *play_title;
  BkPracticePlayer  *player;
  GtkLabel          *debrief_title;
  BkDebrief         *debrief;

  GSettings         *settings;
  BkStore           *store;
  GPtrArray         *library;        /* BkScenario */
  BkScenario        *chosen;
  GDateTime         *started;
  GArray            *my_points;      /* BkTrendPoint */
  GArray            *intern_points;
  GListStore        *interns;        /* BkLookup of staff with role intern */
  GPtrArray         *my_runs;        /* BkPracticeRun */
  GPtrArray         *intern_runs;
  char              *user_dir;
  gboolean           stale;          /* load when next shown */
};

G_DEFINE_FINAL_TYPE (BkTrainingPage, bk_training_page, ADW_TYPE_BIN)

static void
toast (BkTrainingPage *self,
       const char     *text)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), BK_TYPE_WINDOW);

  if (window != NULL)
    bk_window_add_toast (BK_WINDOW (window), adw_toast_new (text));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static BkScenario *
find_scenario (BkTrainingPage *self,
               const char     *id)
{
  for (guint i = 0; self->library != NULL && i < self->library->len; i++)
    if (g_str_equal (((BkScenario *) g_ptr_array_index (self->library, i))->id, id))
      return g_ptr_array_index (self->library, i);
  return NULL;
}

static gboolean
is_intern (BkTrainingPage *self)
{
  return self->store != NULL && bk_current_staff_is_intern (self->store);
}

/* The library */

static gboolean
scenario_filter (GtkListBoxRow *row,
                 gpointer       data)
{
  BkTrainingPage *self = data;
  BkScenario *s = g_object_get_data (G_OBJECT (row), "scenario");
  guint competency = gtk_drop_down_get_selected (self->competency_filter);
  guint type = gtk_drop_down_get_selected (self->type_filter);

  if (competency != GTK_INVALID_LIST_POSITION && competency > 0
      && !(s->competencies & (1u << (competency - 1))))
    return FALSE;
  if (type != GTK_INVALID_LIST_POSITION && type > 0
      && g_strcmp0 (s->parent_type, bk_observation_types ()[type - 1]) != 0)
    return FALSE;
  return TRUE;
}

static void
filter_changed_cb (BkTrainingPage *self)
{
  guint shown = 0;

  if (self->store == NULL)
    return;
  gtk_list_box_invalidate_filter (self->scenario_list);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->scenario_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    shown += scenario_filter (GTK_LIST_BOX_ROW (row), self);
  gtk_widget_set_visible (self->no_match_label, shown == 0 && self->library != NULL && self->library->len > 0);
}

static void edit_scenario (BkTrainingPage *self, BkScenario *s);

static void
edit_clicked_cb (GtkButton      *button,
                 BkTrainingPage *self)
{
  edit_scenario (self, g_object_get_data (G_OBJECT (button), "scenario"));
}

static GtkWidget *
scenario_row (BkTrainingPage *self,
              BkScenario     *s)
{
  GtkWidget *row = adw_action_row_new ();
  const char *type = bk_observation_type_label (s->parent_type);
  const char *channel = bk_scenario_channel_label (s->channel);
  g_autofree char *tags = g_strdup_printf ("%s · %s", channel != NULL ? channel : "", type != NULL ? type : "");
  GtkWidget *tag = gtk_label_new (tags);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), s->summary);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (tag, "dim-label");
  gtk_widget_add_css_class (tag, "caption");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
  if (!is_intern (self))
    {
      GtkWidget *edit = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (edit, "flat");
      gtk_widget_set_tooltip_text (edit, _("Edit this scenario"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Edit this scenario"), -1);
      g_object_set_data (G_OBJECT (edit), "scenario", s);
      g_signal_connect (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "scenario", s);
  return row;
}

static void
load_library (BkTrainingPage *self)
{
  g_autoptr (GPtrArray) problems = NULL;

  g_clear_pointer (&self->library, g_ptr_array_unref);
  self->library = bk_scenario_library (self->user_dir, &problems);
  clear_list (self->scenario_list);
  for (guint i = 0; i < self->library->len; i++)
    gtk_list_box_append (self->scenario_list, scenario_row (self, g_ptr_array_index (self->library, i)));
  for (guint i = 0; i < problems->len; i++)
    g_message ("Scenario left out: %s", (char *) g_ptr_array_index (problems, i));
  filter_changed_cb (self);
}

/* Growth */

static void
draw_points (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  GArray *points = *(GArray **) data;
  GdkRGBA fg;
  BkChartColour ink;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  ink = (BkChartColour) { fg.red, fg.green, fg.blue };
  bk_trend_chart_draw (points != NULL ? (BkTrendPoint *) (void *) points->data : NULL,
                       points != NULL ? points->len : 0, cr, width, height, &ink);
}

/* "23 November 2026 · A good ending · 6 of 9 best choices" */
static GtkWidget *
run_row (BkTrainingPage *self,
         BkPracticeRun  *r)
{
  GtkWidget *row = adw_action_row_new ();
  BkScenario *s = find_scenario (self, r->scenario_id);
  g_autoptr (BkRun) run = s != NULL ? bk_run_new_from_json (s, r->path, 0, NULL) : NULL;
  g_autoptr (GDateTime) when = g_date_time_new_from_iso8601 (r->started_at, NULL);
  g_autoptr (GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
  g_autofree char *date = local != NULL ? g_date_time_format (local, "%e %B %Y") : g_strdup (r->started_at);
  g_autofree char *how = NULL;
  g_autofree char *subtitle = NULL;

  if (run == NULL)
    how = g_strdup (_("The scenario has changed since then"));
  else if (!bk_run_is_finished (run))
    how = g_strdup (_("Stopped before the end"));
  else
    how = g_strdup_printf (_("%s · %u of %u best choices"), bk_ending_kind_label (bk_run_get_node (run)->ending_kind),
                           bk_run_get_n_best (run), bk_run_get_n_steps (run));
  subtitle = g_strdup_printf ("%s · %s", g_strstrip (date), how);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->scenario_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (r->n_comments > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("chat-message-new-symbolic");
      g_autofree char *tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u comment from a mentor",
                                                           "%u comments from a mentor", r->n_comments),
                                              r->n_comments);
      gtk_widget_set_tooltip_text (icon, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), run != NULL);
  g_object_set_data (G_OBJECT (row), "run", r);
  return row;
}

/* Newest first in the list; the chart reads them oldest first. */
static void
fill_runs (BkTrainingPage *self,
           gint64          staff_id,
           GPtrArray     **runs,
           GArray        **points,
           GtkListBox     *list,
           GtkDrawingArea *chart)
{
  g_clear_pointer (runs, g_ptr_array_unref);
  g_clear_pointer (points, g_array_unref);
  clear_list (list);
  if (staff_id > 0)
    *runs = bk_practice_runs (self->store, staff_id, self->library, NULL);
  if (*runs != NULL)
    {
      *points = bk_trend_points_from_runs (*runs, self->library);
      for (guint i = (*runs)->len; i > 0; i--)
        gtk_list_box_append (list, run_row (self, g_ptr_array_index (*runs, i - 1)));
    }
  gtk_widget_set_visible (GTK_WIDGET (list), *runs != NULL && (*runs)->len > 0);
  gtk_widget_queue_draw (GTK_WIDGET (chart));
}

static void
load_growth (BkTrainingPage *self)
{
  gint64 me = bk_current_staff_id (self->store);

  gtk_widget_set_visible (self->who_label, me == 0);
  gtk_widget_set_visible (self->growth_group, me != 0);
  fill_runs (self, me, &self->my_runs, &self->my_points, self->runs_list, self->trend);
}

static gint64
chosen_intern (BkTrainingPage *self)
{
  guint i = gtk_drop_down_get_selected (self->intern_dropdown);
  g_autoptr (GObject) person = NULL;

  if (self->interns == NULL || i == GTK_INVALID_LIST_POSITION)
    return 0;
  person = g_list_model_get_item (G_LIST_MODEL (self->interns), i);
  return person != NULL ? bk_lookup_get_id (BK_LOOKUP (person)) : 0;
}

static void
intern_changed_cb (BkTrainingPage *self)
{
  if (self->store != NULL)
    fill_runs (self, chosen_intern (self), &self->intern_runs, &self->intern_points,
               self->intern_runs_list, self->intern_trend);
}

static void
load_interns (BkTrainingPage *self)
{
  g_autoptr (GListStore) staff = bk_lookup_staff (self->store, NULL);
  gint64 me = bk_current_staff_id (self->store);

  g_clear_object (&self->interns);
  self->interns = g_list_store_new (BK_TYPE_LOOKUP);
  for (guint i = 0; staff != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (staff)); i++)
    {
      g_autoptr (BkLookup) person = g_list_model_get_item (G_LIST_MODEL (staff), i);
      g_autofree char *role = bk_lookup_staff_role (self->store, bk_lookup_get_id (person));

      if (g_strcmp0 (role, "intern") == 0 && bk_lookup_get_id (person) != me)
        g_list_store_append (self->interns, person);
    }
  gtk_drop_down_set_model (self->intern_dropdown, G_LIST_MODEL (self->interns));
  gtk_widget_set_visible (self->mentor_group,
                          !is_intern (self) && g_list_model_get_n_items (G_LIST_MODEL (self->interns)) > 0);
  intern_changed_cb (self);
}

/* The brief, the conversation, the debrief */

static void
add_persona_row (BkTrainingPage *self,
                 const char     *title,
                 const char     *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL ? value : "");
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (self->persona_list, row);
}

static void
show_brief (BkTrainingPage *self,
            BkScenario     *s)
{
  GString *objectives = g_string_new (NULL);
  g_autofree char *who = g_strdup_printf ("%s, %s", s->persona_name, s->persona_role);

  g_clear_pointer (&self->chosen, bk_scenario_unref);
  self->chosen = bk_scenario_ref (s);
  gtk_label_set_text (self->brief_title, s->title);
  gtk_label_set_text (self->brief_summary, s->summary);
  clear_list (self->persona_list);
  add_persona_row (self, _("Who"), who);
  add_persona_row (self, _("Situation"), s->persona_situation);
  /* Translators: the parent type is an observation by a colleague, not a verdict */
  add_persona_row (self, _("Noted by a colleague"), bk_observation_type_label (s->parent_type));
  add_persona_row (self, _("Dutch"), bk_scenario_dutch_level_label (s->dutch_level));
  add_persona_row (self, _("How you talk"), bk_scenario_channel_label (s->channel));
  gtk_label_set_text (self->brief_context, s->context);
  for (guint i = 0; i < s->objectives->len; i++)
    g_string_append_printf (objectives, "%s• %s", i > 0 ? "\n" : "", (char *) g_ptr_array_index (s->objectives, i));
  gtk_label_set_text (self->brief_objectives, objectives->str);
  g_string_free (objectives, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "brief");
  gtk_widget_grab_focus (self->start_button);
}

static void
scenario_activated_cb (BkTrainingPage *self,
                       GtkListBoxRow  *row)
{
  show_brief (self, g_object_get_data (G_OBJECT (row), "scenario"));
}

static gboolean
feedback_now (BkTrainingPage *self)
{
  g_autofree char *timing = g_settings_get_string (self->settings, "feedback-timing");

  return !g_str_equal (timing, "at-end");
}

static void
play (BkTrainingPage *self,
      BkRun          *run)
{
  g_clear_pointer (&self->started, g_date_time_unref);
  self->started = bk_clock_now ();
  gtk_label_set_text (self->play_title, bk_run_get_scenario (run)->title);
  gtk_stack_set_visible_child_name (self->stack, "play");
  bk_practice_player_resume (self->player, run, feedback_now (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BkTrainingPage *self = BK_TRAINING_PAGE (widget);

  if (self->chosen != NULL)
    play (self, bk_run_new (self->chosen, g_random_int ()));
}

/* Keeps the run for the staff member using Betrokken; returns its id. */
static gint64
keep_run (BkTrainingPage *self,
          BkRun          *run)
{
  gint64 me = bk_current_staff_id (self->store);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  if (me == 0 || bk_run_get_n_steps (run) == 0)
    return 0;
  if (!bk_practice_save (self->store, me, run, self->started != NULL ? self->started : now, now, &id, &error))
    {
      toast (self, error->message);
      return 0;
    }
  return id;
}

static void
show_debrief (BkTrainingPage *self,
              BkRun          *run,
              gint64          run_id,
              const char     *reflection,
              gboolean        mentor)
{
  BkScenario *s = bk_run_get_scenario (run);
  g_autofree char *title = mentor ? g_strdup_printf (_("Debrief: %s"), s->title) : g_strdup (s->title);

  g_clear_pointer (&self->chosen, bk_scenario_unref);
  self->chosen = bk_scenario_ref (s);
  gtk_label_set_text (self->debrief_title, title);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->debrief_title)), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.again", !mentor);
  bk_debrief_show (self->debrief, self->store, run, run_id, reflection, mentor);
  gtk_stack_set_visible_child_name (self->stack, "debrief");
}

static void
player_finished_cb (BkTrainingPage *self)
{
  BkRun *finished = bk_practice_player_get_run (self->player);
  g_autofree char *path = bk_run_path_to_json (finished);
  BkRun *copy = bk_run_new_from_json (bk_run_get_scenario (finished), path, 0, NULL);
  gint64 id = keep_run (self, finished);

  show_debrief (self, copy, id, NULL, FALSE);
  load_growth (self);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BkTrainingPage *self = BK_TRAINING_PAGE (widget);
  BkRun *run = bk_practice_player_get_run (self->player);

  if (run != NULL && !bk_run_is_finished (run) && keep_run (self, run) > 0)
    toast (self, _("Stopped. The conversation so far is kept with your practice."));
  load_growth (self);
  gtk_stack_set_visible_child_name (self->stack, "library");
}

static void
replay_cb (BkTrainingPage *self,
           guint           step)
{
  BkRun *done = bk_debrief_get_run (self->debrief);
  g_autofree char *path = bk_run_path_to_json (done);
  BkRun *run = bk_run_new_from_json (bk_run_get_scenario (done), path, g_random_int (), NULL);

  if (run == NULL || !bk_run_replay_from (run, step))
    {
      g_clear_pointer (&run, bk_run_free);
      return;
    }
  play (self, run);
}

static void
message_cb (BkTrainingPage *self,
            const char     *text)
{
  toast (self, text);
  load_growth (self);
}

static void
open_run (BkTrainingPage *self,
          GtkListBoxRow  *row,
          gboolean        mentor)
{
  BkPracticeRun *r = g_object_get_data (G_OBJECT (row), "run");
  BkScenario *s = find_scenario (self, r->scenario_id);
  BkRun *run = s != NULL ? bk_run_new_from_json (s, r->path, 0, NULL) : NULL;

  if (run != NULL)
    show_debrief (self, run, r->id, r->reflection, mentor);
}

static void
run_activated_cb (BkTrainingPage *self,
                  GtkListBoxRow  *row)
{
  open_run (self, row, FALSE);
}

static void
intern_run_activated_cb (BkTrainingPage *self,
                         GtkListBoxRow  *row)
{
  open_run (self, row, TRUE);
}

static void
again_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  BkTrainingPage *self = BK_TRAINING_PAGE (widget);

  if (self->chosen != NULL)
    play (self, bk_run_new (self->chosen, g_random_int ()));
}

static void
library_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  BkTrainingPage *self = BK_TRAINING_PAGE (widget);

  intern_changed_cb (self);
  gtk_stack_set_visible_child_name (self->stack, "library");
}

/* Authoring */

static void
editor_saved_cb (BkScenarioEditor *editor,
                 gpointer          scenario,
                 BkTrainingPage   *self)
{
  load_library (self);
}

static void
edit_scenario (BkTrainingPage *self,
               BkScenario     *s)
{
  BkScenarioEditor *editor;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (is_intern (self))
    return;
  editor = bk_scenario_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, s, self->user_dir);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_scenario_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  edit_scenario (BK_TRAINING_PAGE (widget), NULL);
}

/* Who uses Betrokken decides what is shown: an intern cannot edit and has
 * no mentor's view. */
static void
staff_changed_cb (BkTrainingPage *self)
{
  if (self->store == NULL)
    return;
  /* The library is read when the page is first shown, not at start-up. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  gtk_widget_set_visible (self->new_button, !is_intern (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.new-scenario", !is_intern (self));
  load_library (self);
  load_growth (self);
  load_interns (self);
  gtk_stack_set_visible_child_name (self->stack, "library");
}

static gboolean
feedback_get_mapping (GValue   *value,
                      GVariant *variant,
                      gpointer  data)
{
  g_value_set_boolean (value, !g_str_equal (g_variant_get_string (variant, NULL), "at-end"));
  return TRUE;
}

static GVariant *
feedback_set_mapping (const GValue       *value,
                      const GVariantType *type,
                      gpointer            data)
{
  return g_variant_new_string (g_value_get_boolean (value) ? "immediate" : "at-end");
}

static void
bk_training_page_map (GtkWidget *widget)
{
  BkTrainingPage *self = BK_TRAINING_PAGE (widget);

  GTK_WIDGET_CLASS (bk_training_page_parent_class)->map (widget);
  if (self->stale)
    staff_changed_cb (self);
}

static void
bk_training_page_dispose (GObject *object)
{
  BkTrainingPage *self = BK_TRAINING_PAGE (object);

  /* First, so that the drop-downs' notify::selected on the way out finds
   * nothing to fill. */
  g_clear_object (&self->store);
  /* The stack is both the bin's child and a template child: let go of it
   * once, here, before the template lets go of its children. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_TRAINING_PAGE);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->library, g_ptr_array_unref);
  g_clear_pointer (&self->chosen, bk_scenario_unref);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->my_points, g_array_unref);
  g_clear_pointer (&self->intern_points, g_array_unref);
  g_clear_object (&self->interns);
  g_clear_pointer (&self->my_runs, g_ptr_array_unref);
  g_clear_pointer (&self->intern_runs, g_ptr_array_unref);
  g_clear_pointer (&self->user_dir, g_free);
  G_OBJECT_CLASS (bk_training_page_parent_class)->dispose (object);
}

static void
bk_training_page_class_init (BkTrainingPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_training_page_dispose;
  widget_class->map = bk_training_page_map;

  g_type_ensure (BK_TYPE_PRACTICE_PLAYER);
  g_type_ensure (BK_TYPE_DEBRIEF);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/betrokken/Betrokken/ui/bk-training-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, BkTrainingPage, name)
  CHILD (stack);
  CHILD (who_label);
  CHILD (new_button);
  CHILD (competency_filter);
  CHILD (type_filter);
  CHILD (scenario_list);
  CHILD (no_match_label);
  CHILD (feedback_switch);
  CHILD (growth_group);
  CHILD (trend);
  CHILD (runs_list);
  CHILD (mentor_group);
  CHILD (intern_dropdown);
  CHILD (intern_trend);
  CHILD (intern_runs_list);
  CHILD (brief_title);
  CHILD (brief_summary);
  CHILD (persona_list);
  CHILD (brief_context);
  CHILD (brief_objectives);
  CHILD (start_button);
  CHILD (play_title);
  CHILD (player);
  CHILD (debrief_title);
  CHILD (debrief);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scenario_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, run_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, intern_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, intern_run_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, player_finished_cb);
  gtk_widget_class_bind_template_callback (widget_class, replay_cb);
  gtk_widget_class_bind_template_callback (widget_class, message_cb);

  gtk_widget_class_install_action (widget_class, "training.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "training.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "training.again", NULL, again_action);
  gtk_widget_class_install_action (widget_class, "training.library", NULL, library_action);
  gtk_widget_class_install_action (widget_class, "training.new-scenario", NULL, new_scenario_action);
}

static GListModel *
filter_model (const char *all,
              guint       n,
              const char *(*label) (guint i))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, label (i));
  return G_LIST_MODEL (list);
}

static const char *
competency_label (guint i)
{
  return bk_competency_label (i);
}

static const char *
type_label (guint i)
{
  return bk_observation_type_label (bk_observation_types ()[i]);
}

static void
bk_training_page_init (BkTrainingPage *self)
{
  g_autoptr (GtkExpression) name = gtk_property_expression_new (BK_TYPE_LOOKUP, NULL, "name");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (BASE_ID);
  self->user_dir = bk_scenario_user_dir ();
  gtk_drop_down_set_model (self->competency_filter,
                           filter_model (_("All competencies"), BK_N_COMPETENCIES, competency_label));
  gtk_drop_down_set_model (self->type_filter,
                           filter_model (_("All parent types"), g_strv_length ((GStrv) bk_observation_types ()),
                                         type_label));
  gtk_drop_down_set_expression (self->intern_dropdown, name);
  gtk_list_box_set_filter_func (self->scenario_list, scenario_filter, self, NULL);
  gtk_drawing_area_set_draw_func (self->trend, draw_points, &self->my_points, NULL);
  gtk_drawing_area_set_draw_func (self->intern_trend, draw_points, &self->intern_points, NULL);
  g_settings_bind_with_mapping (self->settings, "feedback-timing", self->feedback_switch, "active",
                                G_SETTINGS_BIND_DEFAULT, feedback_get_mapping, feedback_set_mapping, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::staff-id", G_CALLBACK (staff_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
bk_training_page_set_store (BkTrainingPage *self,
                            BkStore        *store)
{
  g_return_if_fail (BK_IS_TRAINING_PAGE (self));

  g_set_object (&self->store, store);
  staff_changed_cb (self);
}

/* For tests: where teachers' scenarios are kept. */
void
bk_training_page_set_user_dir (BkTrainingPage *self,
                               const char     *dir)
{
  g_return_if_fail (BK_IS_TRAINING_PAGE (self));

  g_free (self->user_dir);
  self->user_dir = g_strdup (dir);
  if (self->store != NULL && !self->stale)
    load_library (self);
}

gboolean
bk_training_page_open_scenario (BkTrainingPage *self,
                                const char     *id)
{
  BkScenario *s;

  if (self->stale)
    staff_changed_cb (self);
  s = find_scenario (self, id);
  if (s != NULL)
    show_brief (self, s);
  return s != NULL;
}
