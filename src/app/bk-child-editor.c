/* bk-child-editor.c
 * The form for one child: shows it, checks it, saves it, deletes it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules live in core (bk_child_draft_validate); this widget only puts
 * each refusal under the field it is about and moves the focus there.
 * Nothing is written until every field is right, and then in one
 * transaction.
 */
#define G_LOG_DOMAIN "bk-child-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-date.h"

#include "bk-child-editor.h"
#include "bk-child-timeline.h"
#include "bk-conversation.h"
#include "bk-conversation-dialog.h"
#include "bk-clock.h"
#include "bk-field-errors.h"
#include "bk-goal.h"
#include "bk-handle.h"
#include "bk-lookup.h"
#include "bk-parent-dialog.h"
#include "bk-report.h"
#include "bk-print.h"
#include "bk-report-dialog.h"
#include "bk-session.h"
#include "bk-session-dialog.h"
#include "bk-session-row.h"
#include "bk-timeline.h"
#include "bk-summary-pdf.h"
#include "bk-window.h"

struct _BkChildEditor
{
  AdwBin        parent_instance;

  BkStore      *store;
  gint64        child_id;      /* 0 while a new child is being entered */
  char         *saved_name;
  gboolean      dirty;
  gboolean      loading;
  gboolean      show_back;
  gint64        saved_cycle_id;  /* the group as saved: a change asks why */

  GtkStack     *stack;
  GtkLabel     *title_label;
  AdwEntryRow  *given_name_row;
  AdwActionRow *given_name_error;
  AdwEntryRow  *family_name_row;
  AdwActionRow *family_name_error;
  AdwEntryRow  *birth_date_row;
  AdwActionRow *birth_date_error;
  AdwComboRow  *cycle_row;
  AdwComboRow  *coach_row;
  AdwComboRow  *leave_row;
  GtkStack     *view_stack;
  GtkStackSwitcher *view_switcher;
  BkChildTimeline *timeline;
  GtkButton    *close_goal_button;
  AdwPreferencesGroup *reports_group;
  GtkListBox   *reports_list;
  AdwPreferencesGroup *conversations_group;
  GtkListBox   *conversations_list;
  GtkTextView  *note_view;
  GtkLabel     *note_error;
  AdwPreferencesGroup *parents_group;
  GtkListBox   *parents_list;
  AdwPreferencesGroup *goal_group;
  AdwEntryRow  *goal_row;
  AdwActionRow *goal_error;
  AdwActionRow *chosen_row;
  GtkSwitch    *chosen_switch;
  AdwEntryRow  *wish_row;
  AdwActionRow *wish_error;
  GtkListBox   *steps_list;
  AdwPreferencesGroup *sessions_group;
  AdwPreferencesGroup *handles_group;
  GtkListBox   *handles_list;
  GtkListBox   *sessions_list;

  BkGoal       *goal;      /* the child's goal in its cycle; NULL: no cycle */

  /* Rows made once and refilled for each child: making rows is what costs
   * when a coach goes from child to child. */
  GtkWidget    *new_step_row;
  GtkWidget    *new_handle_rows[2];
  GtkWidget    *report_rows[BK_REPORT_COUNT];
  GtkWidget    *report_tags[BK_REPORT_COUNT];
  GtkWidget    *all_sessions_row;

  GListStore   *parents;
};

G_DEFINE_FINAL_TYPE (BkChildEditor, bk_child_editor, ADW_TYPE_BIN)

enum { PROP_0, PROP_SHOW_BACK, PROP_DIRTY, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { SAVED, DELETED, FAILED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
update_actions (BkChildEditor *self)
{
  gboolean editing = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.revert", editing && self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", editing && self->child_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.summary", editing && self->child_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.print-summary", editing && self->child_id != 0);
}

static void
set_dirty (BkChildEditor *self,
           gboolean       dirty)
{
  if (self->dirty == dirty)
    return;
  self->dirty = dirty;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static guint
field_widgets (BkChildEditor  *self,
               BkFieldWidgets *fields)
{
  const BkFieldWidgets table[] = {
    { "given-name", GTK_WIDGET (self->given_name_row), GTK_WIDGET (self->given_name_error) },
    { "family-name", GTK_WIDGET (self->family_name_row), GTK_WIDGET (self->family_name_error) },
    { "birth-date", GTK_WIDGET (self->birth_date_row), GTK_WIDGET (self->birth_date_error) },
    { "note", GTK_WIDGET (self->note_view), GTK_WIDGET (self->note_error) },
    { "goal", GTK_WIDGET (self->goal_row), GTK_WIDGET (self->goal_error) },
    { "parent-wish", GTK_WIDGET (self->wish_row), GTK_WIDGET (self->wish_error) },
  };

  memcpy (fields, table, sizeof table);
  return G_N_ELEMENTS (table);
}

static void
clear_errors (BkChildEditor *self)
{
  BkFieldWidgets fields[6];
  bk_field_errors_clear (fields, field_widgets (self, fields));
}

static GtkWidget *
create_parent_row (gpointer item,
                   gpointer user_data)
{
  BkParent *parent = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("document-edit-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_parent_get_display_name (parent));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bk_parent_get_subtitle (parent));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* The parents of the child shown; a child that is not saved has none yet. */
static void
load_parents (BkChildEditor *self)
{
  g_autoptr (GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->parents_group), self->child_id != 0);
  g_clear_object (&self->parents);
  if (self->child_id == 0 || self->store == NULL)
    return;
  self->parents = bk_parent_load_for_child (self->store, self->child_id, &error);
  if (self->parents == NULL)
    {
      g_warning ("Could not load the parents: %s", error->message);
      return;
    }
  gtk_list_box_bind_model (self->parents_list, G_LIST_MODEL (self->parents),
                           create_parent_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->parents_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->parents)) > 0);
}

static gint64 selected_id (AdwComboRow *row);
static void load_goal (BkChildEditor *self);
static void fill_reports (BkChildEditor *self);

static void
show_problem (BkChildEditor *self,
              const char    *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_WINDOW);

  /* The page shows it as a toast; without one, the log gets it. */
  if (g_signal_has_handler_pending (self, g_signal_lookup ("failed", BK_TYPE_CHILD_EDITOR), 0, FALSE))
    g_signal_emit_by_name (self, "failed", message);
  else if (window == NULL)
    g_message ("%s", message);
}

static void
step_toggled_cb (GtkCheckButton *check,
                 BkChildEditor  *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  gint64 step_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "step-id"));

  if (self->loading)
    return;
  if (!bk_goal_set_reached (self->store, step_id, gtk_check_button_get_active (check), now, &error))
    show_problem (self, error->message);
  load_goal (self);
}

static void
new_step_apply_cb (AdwEntryRow   *row,
                   BkChildEditor *self)
{
  g_autoptr (GError) error = NULL;

  if (self->goal == NULL || self->goal->id == 0)
    {
      show_problem (self, _("Save the goal first; then add its steps."));
      return;
    }
  if (!bk_goal_add_step (self->store, self->goal->id, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_problem (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  load_goal (self);
}

/* Removes the rows of @list that stand before @stop (all: %NULL). */
static void
remove_rows_before (GtkListBox *list,
                    GtkWidget  *stop)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL && child != stop)
    gtk_list_box_remove (list, child);
}

static void
clear_steps (BkChildEditor *self)
{
  remove_rows_before (self->steps_list, self->new_step_row);
}

/* The steps, each ticked off when reached, above the row to add one. */
static void
fill_steps (BkChildEditor *self)
{
  clear_steps (self);
  for (guint i = 0; i < self->goal->steps->len; i++)
    {
      BkStep *step = g_ptr_array_index (self->goal->steps, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *when = bk_date_format_user (step->reached_on);
      g_autofree char *subtitle = step->reached_on ? g_strdup_printf (_("Reached on %s"), when) : NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), step->text);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), step->reached_on != NULL);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, step->text, -1);
      g_object_set_data (G_OBJECT (check), "step-id", GSIZE_TO_POINTER ((gsize) step->id));
      g_signal_connect (check, "toggled", G_CALLBACK (step_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_insert (self->steps_list, row, (int) i);
    }
}

static void fill_handles (BkChildEditor *self);

static void
handle_shared_cb (GtkCheckButton *check,
                  BkChildEditor  *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "handle-id"));

  if (!bk_handle_set_shared (self->store, id, gtk_check_button_get_active (check), now, &error))
    show_problem (self, error->message);
  fill_handles (self);
}

static void
new_handle_apply_cb (AdwEntryRow   *row,
                     BkChildEditor *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  const char *kind = g_object_get_data (G_OBJECT (row), "kind");

  if (!bk_handle_add (self->store, self->child_id, kind, gtk_editable_get_text (GTK_EDITABLE (row)),
                      now, NULL, &error))
    {
      show_problem (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  fill_handles (self);
}

static GtkWidget *
new_handle_row (BkChildEditor *self,
                const char    *kind,
                const char    *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "kind", (gpointer) kind);
  g_signal_connect (row, "apply", G_CALLBACK (new_handle_apply_cb), self);
  return row;
}

/* The handles, newest first, each ticked when shared with the parents;
 * then a row to add a handle and one to add a home assignment. */
static void
fill_handles (BkChildEditor *self)
{
  g_autoptr (GPtrArray) handles = NULL;

  remove_rows_before (self->handles_list, self->new_handle_rows[0]);
  gtk_widget_set_visible (GTK_WIDGET (self->handles_group), self->child_id != 0 && self->store != NULL);
  if (self->child_id == 0 || self->store == NULL)
    return;
  handles = bk_handle_load_for_child (self->store, self->child_id, NULL);
  for (guint i = 0; handles != NULL && i < handles->len; i++)
    {
      BkHandle *h = g_ptr_array_index (handles, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new_with_label (_("Shared"));
      g_autofree char *made = bk_date_format_user (h->created_on);
      g_autofree char *shared = bk_date_format_user (h->shared_on);
      g_autofree char *subtitle = NULL;
      const char *kind = g_str_equal (h->kind, "assignment") ? _("Home assignment") : _("Handle");

      if (h->shared_on != NULL)
        /* Translators: "Handle · 12-11-2026 · shared with the parents on 14-11-2026" */
        subtitle = g_strdup_printf (_("%s · %s · shared with the parents on %s"), kind, made, shared);
      else
        subtitle = g_strdup_printf (_("%s · %s · not shared yet"), kind, made);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), h->text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), h->shared_on != NULL);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (check), "handle-id", GSIZE_TO_POINTER ((gsize) h->id));
      g_signal_connect (check, "toggled", G_CALLBACK (handle_shared_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_insert (self->handles_list, row, (int) i);
    }
}

/* What was entered for the child in its cycle's latest sessions, with the
 * face the child gave the day; the timeline has them all. Few rows keep
 * the form quick to lay out: each wrapped subtitle is measured again at
 * every width. */
#define RECENT_SESSIONS 5

static void
fill_sessions (BkChildEditor *self)
{
  g_autoptr (GPtrArray) entries = NULL;
  guint shown;

  if (self->goal != NULL)
    entries = bk_session_load_for_child (self->store, self->child_id, self->goal->cycle_id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_group), entries != NULL && entries->len > 0);
  shown = entries != NULL ? MIN (entries->len, RECENT_SESSIONS) : 0;
  /* The rows there are get the latest entries; missing ones are made. */
  for (guint i = 0; i < shown; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sessions_list, (int) i);

      if (row != NULL && GTK_WIDGET (row) != self->all_sessions_row)
        bk_session_row_set_entry (GTK_WIDGET (row), g_ptr_array_index (entries, i));
      else
        gtk_list_box_insert (self->sessions_list, bk_session_row_new (g_ptr_array_index (entries, i)), (int) i);
    }
  while (gtk_list_box_get_row_at_index (self->sessions_list, (int) shown) != NULL &&
         GTK_WIDGET (gtk_list_box_get_row_at_index (self->sessions_list, (int) shown)) != self->all_sessions_row)
    gtk_list_box_remove (self->sessions_list,
                         GTK_WIDGET (gtk_list_box_get_row_at_index (self->sessions_list, (int) shown)));
  gtk_widget_set_visible (self->all_sessions_row, entries != NULL && entries->len > RECENT_SESSIONS);
  if (entries != NULL && entries->len > RECENT_SESSIONS)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("All %u sessions in the timeline",
                                                          "All %u sessions in the timeline", entries->len),
                                                entries->len);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->all_sessions_row), title);
    }
}

static void
show_sessions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BkChildEditor *self = BK_CHILD_EDITOR (widget);

  bk_child_timeline_set_kinds (self->timeline, BK_TIMELINE_SESSION);
  bk_child_editor_show_timeline (self);
}

/* The child's parent conversations, newest first: kind, day, who, status. */
static void
fill_conversations (BkChildEditor *self)
{
  g_autoptr (GPtrArray) conversations = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conversations_list))) != NULL)
    gtk_list_box_remove (self->conversations_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->conversations_group), self->child_id != 0 && self->store != NULL);
  if (self->child_id == 0 || self->store == NULL)
    return;
  conversations = bk_conversation_load_for_child (self->store, self->child_id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->conversations_list), conversations != NULL && conversations->len > 0);
  for (guint i = 0; conversations != NULL && i < conversations->len; i++)
    {
      BkConversation *c = g_ptr_array_index (conversations, i);
      GtkWidget *row = adw_action_row_new ();
      const char *moment = c->held_at ? c->held_at : c->planned_at;
      g_autoptr (GDateTime) utc = moment ? g_date_time_new_from_iso8601 (moment, NULL) : NULL;
      g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local ? g_strdup_printf ("%d-%d-%d %02d:%02d", g_date_time_get_day_of_month (local),
                                                       g_date_time_get_month (local), g_date_time_get_year (local),
                                                       g_date_time_get_hour (local),
                                                       g_date_time_get_minute (local)) : g_strdup ("");
      g_autofree char *title = g_strdup_printf ("%s · %s", bk_conversation_kind_label (c->kind), when);
      const char *status = g_strcmp0 (c->status, "held") == 0 ? _("Held")
                           : g_strcmp0 (c->status, "cancelled") == 0 ? _("Cancelled") : _("Planned");
      g_autofree char *subtitle = c->participants && *c->participants
                                  ? g_strdup_printf ("%s · %s", status, c->participants) : g_strdup (status);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "conversation-id", GSIZE_TO_POINTER ((gsize) c->id));
      gtk_list_box_append (self->conversations_list, row);
    }
}

/**
 * bk_child_editor_open_conversation:
 * @conversation_id: 0 for a new conversation
 *
 * Returns: (transfer none) (nullable): the conversation window
 */
BkConversationDialog *
bk_child_editor_open_conversation (BkChildEditor *self,
                                   gint64         conversation_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  BkConversationDialog *dialog;

  if (self->child_id == 0 || (self->dirty && !bk_child_editor_save (self)))
    return NULL;
  dialog = bk_conversation_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                       self->child_id, conversation_id);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
new_conversation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  bk_child_editor_open_conversation (BK_CHILD_EDITOR (widget), 0);
}

static void
conversation_row_activated_cb (BkChildEditor *self,
                               GtkListBoxRow *row)
{
  bk_child_editor_open_conversation (self,
    (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "conversation-id")));
}

/* The three reports of the child's cycle: due day and how far along. */
static void
fill_reports (BkChildEditor *self)
{
  g_autoptr (GPtrArray) reports = NULL;
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autofree char *today = bk_date_iso_from_datetime (now);

  if (self->child_id != 0 && self->store != NULL)
    reports = bk_report_load_for_child (self->store, self->child_id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reports_group), reports != NULL);
  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      BkReport *r = g_ptr_array_index (reports, i);
      GtkWidget *row = self->report_rows[MIN (i, BK_REPORT_COUNT - 1)];
      GtkWidget *tag = self->report_tags[MIN (i, BK_REPORT_COUNT - 1)];
      g_autofree char *title = g_strdup_printf (_("Development Report %d"), r->number);
      g_autofree char *due = bk_date_format_user (r->due_on);
      g_autofree char *written = bk_date_format_user (r->written_on);
      g_autofree char *subtitle = NULL;

      if (g_strcmp0 (r->status, "final") == 0)
        subtitle = g_strdup_printf (_("Final since %s"), written);
      else if (r->status != NULL)
        subtitle = g_strdup_printf (_("Due %s · draft of %s"), due, written);
      else
        subtitle = g_strdup_printf (_("Due %s · not started"), due);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_label_set_text (GTK_LABEL (tag), g_strcmp0 (today, r->due_on) > 0 ? _("Overdue") : _("Due"));
      gtk_widget_set_visible (tag, bk_report_is_due (r, now));
      g_object_set_data (G_OBJECT (row), "number", GINT_TO_POINTER (r->number));
    }
}

/* The rows that stay: the ones that add a step or a handle, the reports,
 * and the way to all sessions. */
static void
make_lasting_rows (BkChildEditor *self)
{
  self->new_step_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_step_row), _("Add a step (stapje)"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (self->new_step_row), TRUE);
  g_signal_connect (self->new_step_row, "apply", G_CALLBACK (new_step_apply_cb), self);
  gtk_list_box_append (self->steps_list, self->new_step_row);

  self->new_handle_rows[0] = new_handle_row (self, "handle", _("Add what works with this child"));
  self->new_handle_rows[1] = new_handle_row (self, "assignment", _("Add a home assignment"));
  gtk_list_box_append (self->handles_list, self->new_handle_rows[0]);
  gtk_list_box_append (self->handles_list, self->new_handle_rows[1]);

  for (guint i = 0; i < BK_REPORT_COUNT; i++)
    {
      self->report_rows[i] = adw_action_row_new ();
      self->report_tags[i] = gtk_label_new (NULL);
      gtk_widget_add_css_class (self->report_tags[i], "due-tag");
      gtk_widget_set_valign (self->report_tags[i], GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->report_rows[i]), self->report_tags[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (self->report_rows[i]),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->report_rows[i]), TRUE);
      gtk_list_box_append (self->reports_list, self->report_rows[i]);
    }

  self->all_sessions_row = adw_action_row_new ();
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->all_sessions_row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->all_sessions_row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->all_sessions_row), "editor.show-sessions");
  gtk_widget_set_visible (self->all_sessions_row, FALSE);
  gtk_list_box_append (self->sessions_list, self->all_sessions_row);
}

/**
 * bk_child_editor_open_report:
 * @number: 1, 2 or 3
 *
 * Opens the report editor for the child on the form (saving the form
 * first, so the report's context is what was saved).
 *
 * Returns: (transfer none) (nullable): the dialog
 */
BkReportDialog *
bk_child_editor_open_report (BkChildEditor *self,
                             int            number)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  BkReportDialog *dialog;

  if (self->dirty && !bk_child_editor_save (self))
    return NULL;
  dialog = bk_report_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 self->child_id, self->saved_name, number);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
report_row_activated_cb (BkChildEditor *self,
                         GtkListBoxRow *row)
{
  bk_child_editor_open_report (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "number")));
}

/* The outcome dialog: Close is offered only once the choice is complete
 * (a goal not reached needs a line on what happened). */
static void
update_close_response (AdwMessageDialog *dialog)
{
  GtkDropDown *outcome = g_object_get_data (G_OBJECT (dialog), "outcome");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "hint");
  static const char * const statuses[] = { "reached", "partly-reached", "not-reached", "stopped" };
  g_autoptr (GPtrArray) problems =
    bk_goal_validate_close (statuses[MIN (gtk_drop_down_get_selected (outcome), 3)],
                            gtk_editable_get_text (note));

  adw_message_dialog_set_response_enabled (dialog, "close", problems->len == 0);
  gtk_label_set_text (hint, problems->len > 0 ? ((BkFieldError *) g_ptr_array_index (problems, 0))->message : "");
  gtk_widget_set_visible (GTK_WIDGET (hint), problems->len > 0);
}

static void
close_goal_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        BkChildEditor    *self)
{
  static const char * const statuses[] = { "reached", "partly-reached", "not-reached", "stopped" };
  GtkDropDown *outcome = g_object_get_data (G_OBJECT (dialog), "outcome");
  GtkEditable *note = g_object_get_data (G_OBJECT (dialog), "note");
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "close") || self->goal == NULL || self->goal->id == 0)
    return;
  if (!bk_goal_close (self->store, self->goal->id, statuses[MIN (gtk_drop_down_get_selected (outcome), 3)],
                      gtk_editable_get_text (note), now, &error))
    {
      show_problem (self, error->message);
      return;
    }
  load_goal (self);
}

/**
 * bk_child_editor_close_goal:
 *
 * Asks how the goal went and closes it. For tests, returns the dialog.
 *
 * Returns: (transfer none) (nullable): the dialog
 */
AdwMessageDialog *
bk_child_editor_close_goal (BkChildEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char * const outcomes[] = { _("Reached"), _("Partly reached"), _("Not reached"), _("Stopped"), NULL };
  GtkWidget *box, *outcome, *note, *hint;
  AdwMessageDialog *dialog;

  if (self->goal == NULL || self->goal->id == 0)
    return NULL;
  /* A changed goal text is saved first: the outcome belongs to it. */
  if (self->dirty && !bk_child_editor_save (self))
    return NULL;
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Close the Learning Goal?"), NULL));
  adw_message_dialog_format_body (dialog, _("“%s”\nHow did it go? Afterwards the child can choose a new goal."),
                                  self->goal->text);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  outcome = gtk_drop_down_new_from_strings (outcomes);
  gtk_accessible_update_property (GTK_ACCESSIBLE (outcome), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome"), -1);
  note = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("What happened, for the next coach"));
  gtk_entry_set_max_length (GTK_ENTRY (note), BK_GOAL_OUTCOME_MAX + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Outcome note"), -1);
  hint = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), outcome);
  gtk_box_append (GTK_BOX (box), note);
  gtk_box_append (GTK_BOX (box), hint);
  adw_message_dialog_set_extra_child (dialog, box);
  g_object_set_data (G_OBJECT (dialog), "outcome", outcome);
  g_object_set_data (G_OBJECT (dialog), "note", note);
  g_object_set_data (G_OBJECT (dialog), "hint", hint);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "close", _("C_lose Goal"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "close", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_swapped (outcome, "notify::selected", G_CALLBACK (update_close_response), dialog);
  g_signal_connect_swapped (note, "changed", G_CALLBACK (update_close_response), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (close_goal_response_cb), self);
  update_close_response (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
close_goal_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  bk_child_editor_close_goal (BK_CHILD_EDITOR (widget));
}

/* The goal of the child in the cycle it is in now, without marking the
 * form changed. */
static void
load_goal (BkChildEditor *self)
{
  gboolean loading = self->loading;
  gboolean in_cycle;

  g_clear_pointer (&self->goal, bk_goal_free);
  gtk_widget_set_visible (GTK_WIDGET (self->goal_group), self->child_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sessions_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->handles_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reports_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->conversations_group), FALSE);
  if (self->child_id == 0 || self->store == NULL)
    return;
  self->goal = bk_goal_load_active (self->store, self->child_id, NULL);
  fill_sessions (self);
  fill_handles (self);
  fill_conversations (self);
  in_cycle = self->goal != NULL;

  self->loading = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->goal_row), in_cycle);
  gtk_widget_set_visible (GTK_WIDGET (self->chosen_row), in_cycle);
  gtk_widget_set_visible (GTK_WIDGET (self->wish_row), in_cycle);
  gtk_widget_set_visible (GTK_WIDGET (self->steps_list), in_cycle && self->goal->id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->close_goal_button), in_cycle && self->goal->id != 0);
  fill_reports (self);
  if (!in_cycle)
    adw_preferences_group_set_description (self->goal_group,
                                           _("Put the child in a group or cycle first: a learning goal belongs to a cycle."));
  else
    {
      g_autofree char *description =
        g_strdup_printf (_("In %s. The child chooses the goal with the coach; a parent’s wish is kept apart."),
                         self->goal->cycle_name);

      adw_preferences_group_set_description (self->goal_group, description);
      gtk_editable_set_text (GTK_EDITABLE (self->goal_row), self->goal->text ? self->goal->text : "");
      gtk_editable_set_text (GTK_EDITABLE (self->wish_row), self->goal->parent_wish ? self->goal->parent_wish : "");
      gtk_switch_set_active (self->chosen_switch, self->goal->chosen_with_child);
      if (self->goal->id != 0)
        fill_steps (self);
      else
        clear_steps (self);
    }
  self->loading = loading;
}

/* The groups and coaches to choose from; what the form shows stays chosen. */
static void
load_choices (BkChildEditor *self)
{
  g_autoptr (GListStore) cycles = bk_lookup_cycles (self->store, NULL);
  g_autoptr (GListStore) coaches = bk_lookup_coaches (self->store, NULL);
  gint64 cycle = selected_id (self->cycle_row);
  gint64 coach = selected_id (self->coach_row);
  gboolean loading = self->loading;

  self->loading = TRUE;
  adw_combo_row_set_model (self->cycle_row, G_LIST_MODEL (cycles));
  adw_combo_row_set_model (self->coach_row, G_LIST_MODEL (coaches));
  adw_combo_row_set_selected (self->cycle_row, bk_lookup_find (G_LIST_MODEL (cycles), cycle));
  adw_combo_row_set_selected (self->coach_row, bk_lookup_find (G_LIST_MODEL (coaches), coach));
  self->loading = loading;
}

static void
store_changed_cb (BkStore       *store,
                  const char    *table,
                  gint64         row_id,
                  BkChildEditor *self)
{
  if (g_str_equal (table, "parents") || g_str_equal (table, "*"))
    load_parents (self);
  if (g_str_equal (table, "cycles") || g_str_equal (table, "staff") || g_str_equal (table, "*"))
    load_choices (self);
  if (g_str_equal (table, "session_entries") && row_id == self->child_id && self->child_id != 0)
    fill_sessions (self);
  if ((g_str_equal (table, "reports") && row_id == self->child_id && self->child_id != 0) ||
      g_str_equal (table, "*"))
    fill_reports (self);
  if ((g_str_equal (table, "conversations") && row_id == self->child_id && self->child_id != 0) ||
      g_str_equal (table, "*"))
    fill_conversations (self);
}

static void
open_parent_dialog (BkChildEditor *self,
                    BkParent      *parent)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  BkParentDialog *dialog = bk_parent_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                 self->store, parent, self->child_id,
                                                 self->saved_name);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_parent_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  BkChildEditor *self = BK_CHILD_EDITOR (widget);

  if (self->child_id != 0)
    open_parent_dialog (self, NULL);
}

static void
parent_row_activated_cb (BkChildEditor *self,
                         GtkListBoxRow *row)
{
  g_autoptr (BkParent) parent = NULL;

  if (self->parents == NULL)
    return;
  parent = g_list_model_get_item (G_LIST_MODEL (self->parents), gtk_list_box_row_get_index (row));
  if (parent != NULL)
    open_parent_dialog (self, parent);
}

/* Leaving a group needs a reason: moved, repeats, completed or left. */
static void
update_leave_row (BkChildEditor *self)
{
  gboolean leaves = self->child_id != 0 && self->saved_cycle_id != 0 &&
                    selected_id (self->cycle_row) != self->saved_cycle_id;

  gtk_widget_set_visible (GTK_WIDGET (self->leave_row), leaves);
}

static void
field_changed_cb (BkChildEditor *self)
{
  update_leave_row (self);
  if (self->loading)
    return;
  set_dirty (self, TRUE);
}

static char *
note_text (BkChildEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static gint64
selected_id (AdwComboRow *row)
{
  BkLookup *item = adw_combo_row_get_selected_item (row);
  return item ? bk_lookup_get_id (item) : 0;
}

static BkChildDraft *
read_form (BkChildEditor *self)
{
  BkChildDraft *draft = bk_child_draft_new ();

  draft->id = self->child_id;
  draft->given_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->given_name_row)));
  draft->family_name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->family_name_row)));
  draft->birth_date = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->birth_date_row)));
  draft->note = note_text (self);
  draft->cycle_id = selected_id (self->cycle_row);
  draft->coach_id = selected_id (self->coach_row);
  if (gtk_widget_get_visible (GTK_WIDGET (self->leave_row)))
    {
      static const char * const outcomes[] = { "moved", "repeating", "completed", "left" };
      guint i = adw_combo_row_get_selected (self->leave_row);

      draft->leave_outcome = outcomes[MIN (i, G_N_ELEMENTS (outcomes) - 1)];
    }
  return draft;
}

static void
fill_form (BkChildEditor      *self,
           const BkChildDraft *draft,
           const char         *title)
{
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->given_name_row), draft->given_name ? draft->given_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->family_name_row), draft->family_name ? draft->family_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->birth_date_row), draft->birth_date ? draft->birth_date : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), draft->note ? draft->note : "", -1);
  if (adw_combo_row_get_model (self->cycle_row) != NULL)
    adw_combo_row_set_selected (self->cycle_row,
                                bk_lookup_find (adw_combo_row_get_model (self->cycle_row), draft->cycle_id));
  if (adw_combo_row_get_model (self->coach_row) != NULL)
    adw_combo_row_set_selected (self->coach_row,
                                bk_lookup_find (adw_combo_row_get_model (self->coach_row), draft->coach_id));
  self->saved_cycle_id = draft->id != 0 ? draft->cycle_id : 0;
  adw_combo_row_set_selected (self->leave_row, 0);
  update_leave_row (self);
  self->loading = FALSE;

  g_free (self->saved_name);
  self->saved_name = g_strdup (title);
  gtk_label_set_text (self->title_label, title);
  clear_errors (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  set_dirty (self, FALSE);
  update_actions (self);
  load_parents (self);
  load_goal (self);
  bk_child_timeline_show_child (self->timeline, self->child_id);
  /* A new child has no history yet. */
  gtk_widget_set_visible (GTK_WIDGET (self->view_switcher), self->child_id != 0);
  if (self->child_id == 0)
    gtk_stack_set_visible_child_name (self->view_stack, "details");
}

/**
 * bk_child_editor_save:
 *
 * Checks the form and saves it. Refusals appear under their fields and the
 * first refused field takes the focus; a store failure emits ::failed.
 *
 * Returns: %TRUE when the form is saved
 */
gboolean
bk_child_editor_save (BkChildEditor *self)
{
  g_autoptr (BkChildDraft) draft = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autoptr (BkChild) saved = NULL;
  g_autofree char *goal_text = NULL;
  g_autofree char *wish_text = NULL;
  gboolean save_goal;
  gint64 id = 0;

  g_return_val_if_fail (BK_IS_CHILD_EDITOR (self), FALSE);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form"))
    return TRUE;
  if (!self->dirty && self->child_id != 0)
    return TRUE;

  draft = read_form (self);
  problems = bk_child_draft_validate (draft, now);
  goal_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->goal_row)));
  wish_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->wish_row)));
  /* A goal is saved with the child when there is one to save. */
  save_goal = self->goal != NULL && (self->goal->id != 0 || *goal_text != '\0' || *wish_text != '\0');
  if (save_goal)
    {
      g_autoptr (GPtrArray) goal_problems = bk_goal_validate (goal_text, wish_text);
      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&goal_problems));
    }
  {
    BkFieldWidgets fields[6];
    bk_field_errors_show (fields, field_widgets (self, fields), problems);
  }
  if (problems->len > 0)
    return FALSE;

  if (!bk_child_save (self->store, draft, now, &id, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }
  if (save_goal && !bk_goal_save (self->store, id, goal_text, gtk_switch_get_active (self->chosen_switch),
                                  wish_text, now, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }

  self->child_id = id;
  saved = bk_child_load (self->store, id, NULL);
  {
    g_autoptr (BkChildDraft) fresh = saved ? bk_child_draft_from_child (saved) : NULL;
    if (fresh != NULL)
      fill_form (self, fresh, bk_child_get_display_name (saved));
  }
  set_dirty (self, FALSE);
  g_signal_emit (self, signals[SAVED], 0, id);
  return TRUE;
}

/**
 * bk_child_editor_leave:
 *
 * Before the form shows something else: saves changes, if there are any.
 * An untouched new form is simply left.
 *
 * Returns: %FALSE when there are changes that cannot be saved
 */
gboolean
bk_child_editor_leave (BkChildEditor *self)
{
  g_return_val_if_fail (BK_IS_CHILD_EDITOR (self), FALSE);

  if (!self->dirty)
    return TRUE;
  return bk_child_editor_save (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bk_child_editor_save (BK_CHILD_EDITOR (widget));
}

/* Puts back what was saved (or empties a new form). */
void
bk_child_editor_discard (BkChildEditor *self)
{
  g_autoptr (BkChild) child = NULL;

  if (self->child_id == 0)
    {
      bk_child_editor_edit (self, NULL);
      return;
    }
  child = bk_child_load (self->store, self->child_id, NULL);
  bk_child_editor_edit (self, child);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  bk_child_editor_discard (BK_CHILD_EDITOR (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BkChildEditor *self = BK_CHILD_EDITOR (widget);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup (self->saved_name);
  gint64 id = self->child_id;

  if (id == 0)
    return;
  if (!bk_child_delete (self->store, id, now, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  bk_child_editor_clear (self);
  g_signal_emit (self, signals[DELETED], 0, id, name);
}

static void
bk_child_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BkChildEditor *self = BK_CHILD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      g_value_set_boolean (value, self->show_back);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_child_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BkChildEditor *self = BK_CHILD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      if (self->show_back != g_value_get_boolean (value))
        {
          self->show_back = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/**
 * bk_child_editor_write_summary:
 * @path: where the PDF goes
 *
 * Writes the parents' progress summary of the child shown, as saved.
 * Returns: %TRUE when written; otherwise ::failed says why
 */
gboolean
bk_child_editor_write_summary (BkChildEditor *self,
                               const char    *path)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autoptr (BkSummary) summary = NULL;
  GtkWidget *window;

  g_return_val_if_fail (BK_IS_CHILD_EDITOR (self), FALSE);

  summary = bk_summary_load (self->store, self->child_id, now, &error);
  if (summary == NULL || !bk_summary_write_pdf (summary, path, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }
  window = gtk_widget_get_ancestor (GTK_WIDGET (self), BK_TYPE_WINDOW);
  if (window != NULL)
    {
      g_autofree char *name = g_filename_display_basename (path);
      /* Translators: "Voortgang Zoë de Vries.pdf saved" */
      bk_window_add_toast (BK_WINDOW (window), adw_toast_new_format (_("%s saved"), name));
    }
  return TRUE;
}

/**
 * bk_child_editor_print_summary:
 * @export_path: (nullable): %NULL to show the print dialog; a file to
 *   print to PDF without asking (for tests)
 *
 * Prints the parents' summary of the child shown, on one A4 page.
 * Returns: %FALSE when it could not be printed; ::failed says why
 */
gboolean
bk_child_editor_print_summary (BkChildEditor *self,
                               const char    *export_path)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  BkSummary *summary;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_return_val_if_fail (BK_IS_CHILD_EDITOR (self), FALSE);

  summary = bk_summary_load (self->store, self->child_id, now, &error);
  if (summary == NULL
      || !bk_print_page (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, summary->child_name,
                         bk_summary_draw, summary, (GDestroyNotify) bk_summary_free, export_path, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
print_summary_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BkChildEditor *self = BK_CHILD_EDITOR (widget);

  if (self->dirty && !bk_child_editor_save (self))
    return;
  bk_child_editor_print_summary (self, NULL);
}

static void
summary_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     BkChildEditor   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        bk_child_editor_write_summary (self, path);
    }
  g_object_unref (chooser);
}

static void
summary_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  BkChildEditor *self = BK_CHILD_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  /* Unsaved changes are not in it: save them first. */
  if (self->dirty && !bk_child_editor_save (self))
    return;
  chooser = gtk_file_chooser_native_new (_("Save the Summary for Parents"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name of the summary, "Voortgang Zoë de Vries.pdf" */
  name = g_strdup_printf (_("Progress %s.pdf"), self->saved_name ? self->saved_name : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (summary_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
bk_child_editor_dispose (GObject *object)
{
  BkChildEditor *self = BK_CHILD_EDITOR (object);

  /* AdwBin keeps a pointer to its child: drop the child through it before
   * the template goes, or AdwBin unparents a freed widget later. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CHILD_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->parents);
  g_clear_pointer (&self->goal, bk_goal_free);
  g_clear_pointer (&self->saved_name, g_free);

  G_OBJECT_CLASS (bk_child_editor_parent_class)->dispose (object);
}

static void
bk_child_editor_class_init (BkChildEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bk_child_editor_get_property;
  object_class->set_property = bk_child_editor_set_property;
  object_class->dispose = bk_child_editor_dispose;

  properties[PROP_SHOW_BACK] =
    g_param_spec_boolean ("show-back", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkChildEditor::saved:
   * @id: the child that was saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * BkChildEditor::deleted:
   * @id: the child that was deleted (it can still be brought back)
   * @name: its name, for the undo toast
   */
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /**
   * BkChildEditor::failed:
   * @message: why the database refused, for the user
   */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BK_TYPE_LOOKUP);
  g_type_ensure (BK_TYPE_CHILD_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-child-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, given_name_error);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, family_name_error);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, birth_date_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, birth_date_error);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, cycle_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, coach_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, note_error);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, parents_group);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, parents_list);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, goal_group);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, goal_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, goal_error);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, chosen_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, chosen_switch);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, wish_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, wish_error);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, steps_list);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, sessions_group);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, sessions_list);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, handles_group);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, handles_list);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, leave_row);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, view_switcher);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, timeline);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, close_goal_button);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, reports_group);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, reports_list);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, conversations_group);
  gtk_widget_class_bind_template_child (widget_class, BkChildEditor, conversations_list);
  gtk_widget_class_bind_template_callback (widget_class, conversation_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, report_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, parent_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.add-parent", NULL, add_parent_action);
  gtk_widget_class_install_action (widget_class, "editor.summary", NULL, summary_action);
  gtk_widget_class_install_action (widget_class, "editor.print-summary", NULL, print_summary_action);
  gtk_widget_class_install_action (widget_class, "editor.close-goal", NULL, close_goal_action);
  gtk_widget_class_install_action (widget_class, "editor.new-conversation", NULL, new_conversation_action);
  gtk_widget_class_install_action (widget_class, "editor.show-sessions", NULL, show_sessions_action);

  /* Key bindings, not application accels: these actions live on this
   * widget, and only a binding finds them from the focused field. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, "editor.delete", NULL);
}

static void
bk_child_editor_init (BkChildEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  make_lasting_rows (self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (field_changed_cb), self);
  update_actions (self);
}

/**
 * bk_child_editor_set_store:
 *
 * Gives the editor its database and loads the groups and coaches to choose.
 */
void
bk_child_editor_set_store (BkChildEditor *self,
                           BkStore       *store)
{
  g_return_if_fail (BK_IS_CHILD_EDITOR (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  bk_child_timeline_set_store (self->timeline, store);
  load_choices (self);
}

/**
 * bk_child_editor_edit:
 * @child: (nullable): the child to show, or %NULL for a new, empty form
 */
void
bk_child_editor_edit (BkChildEditor *self,
                      BkChild       *child)
{
  g_autoptr (BkChildDraft) draft = NULL;

  g_return_if_fail (BK_IS_CHILD_EDITOR (self));

  if (child != NULL)
    {
      draft = bk_child_draft_from_child (child);
      self->child_id = bk_child_get_id (child);
      fill_form (self, draft, bk_child_get_display_name (child));
    }
  else
    {
      draft = bk_child_draft_new ();
      self->child_id = 0;
      fill_form (self, draft, _("New Child"));
      gtk_widget_grab_focus (GTK_WIDGET (self->given_name_row));
    }
}

/* Shows "choose a child" and forgets the form. */
void
bk_child_editor_clear (BkChildEditor *self)
{
  g_return_if_fail (BK_IS_CHILD_EDITOR (self));

  self->child_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "none");
  set_dirty (self, FALSE);
  update_actions (self);
}

gint64
bk_child_editor_get_child_id (BkChildEditor *self)
{
  g_return_val_if_fail (BK_IS_CHILD_EDITOR (self), 0);
  return self->child_id;
}

gboolean
bk_child_editor_is_dirty (BkChildEditor *self)
{
  g_return_val_if_fail (BK_IS_CHILD_EDITOR (self), FALSE);
  return self->dirty;
}

/* The name as last saved, or "New Child". */
const char *
bk_child_editor_get_title (BkChildEditor *self)
{
  g_return_val_if_fail (BK_IS_CHILD_EDITOR (self), NULL);
  return self->saved_name;
}

/* Shows the child's timeline instead of the form's fields. */
void
bk_child_editor_show_timeline (BkChildEditor *self)
{
  gtk_stack_set_visible_child_name (self->view_stack, "timeline");
}
