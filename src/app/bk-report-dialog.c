/* bk-report-dialog.c
 * Writing a development report beside the sessions it covers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editor starts from the template's prompts; beside it stand the
 * child's goal with its steps and every session entry of the report's
 * period, so the coach writes from what was recorded, not from memory.
 * The rules are in core (bk-report.c). Closing the window with unsaved
 * text saves it as a draft; if that is refused the window stays open with
 * the reason, so nothing typed is lost. A final report is read-only until
 * it is reopened.
 */
#define G_LOG_DOMAIN "bk-report-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-clock.h"
#include "bk-current-staff.h"
#include "bk-date.h"
#include "bk-goal.h"
#include "bk-report.h"
#include "bk-report-dialog.h"
#include "bk-session.h"
#include "bk-session-row.h"

struct _BkReportDialog
{
  AdwWindow       parent_instance;

  BkStore        *store;
  gint64          child_id;
  char           *child_name;
  int             number;
  BkReport       *report;
  gboolean        changed;
  guint           n_entries;

  AdwWindowTitle *window_title;
  GtkButton      *final_button;
  GtkButton      *draft_button;
  GtkButton      *reopen_button;
  GtkLabel       *error_label;
  GtkTextView    *body_view;
  GtkLabel       *words_label;
  GtkLabel       *goal_label;
  GtkLabel       *since_label;
  GtkListBox     *entries_list;
  GtkLabel       *no_entries_label;
};

G_DEFINE_FINAL_TYPE (BkReportDialog, bk_report_dialog, ADW_TYPE_WINDOW)

static char *
body_text (BkReportDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (BkReportDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
count_words (BkReportDialog *self)
{
  g_autofree char *text = body_text (self);
  g_auto (GStrv) words = g_regex_split_simple ("\\s+", g_strstrip (text), 0, 0);
  guint n = *text == '\0' ? 0 : g_strv_length (words);
  g_autofree char *label = g_strdup_printf (ngettext ("%u word", "%u words", n), n);

  gtk_label_set_text (self->words_label, label);
}

static void
body_changed_cb (BkReportDialog *self)
{
  self->changed = TRUE;
  count_words (self);
}

/* The title, the buttons and the editor's state for a draft or final. */
static void
show_state (BkReportDialog *self)
{
  gboolean final = g_strcmp0 (self->report->status, "final") == 0;
  g_autofree char *title = g_strdup_printf (_("Development Report %d"), self->number);
  g_autofree char *due = bk_date_format_user (self->report->due_on);
  g_autofree char *written = bk_date_format_user (self->report->written_on);
  g_autofree char *subtitle = NULL;

  if (final)
    /* Translators: "Zoë de Vries · final since 2-12-2026" */
    subtitle = g_strdup_printf (_("%s · final since %s"), self->child_name, written);
  else if (self->report->written_on != NULL)
    /* Translators: "Zoë de Vries · due 2-12-2026 · draft of 30-11-2026" */
    subtitle = g_strdup_printf (_("%s · due %s · draft of %s"), self->child_name, due, written);
  else
    subtitle = g_strdup_printf (_("%s · due %s"), self->child_name, due);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_text_view_set_editable (self->body_view, !final);
  gtk_text_view_set_cursor_visible (self->body_view, !final);
  gtk_widget_set_visible (GTK_WIDGET (self->final_button), !final);
  gtk_widget_set_visible (GTK_WIDGET (self->draft_button), !final);
  gtk_widget_set_visible (GTK_WIDGET (self->reopen_button), final);
}

/* The goal and steps, and the sessions of the report's period. */
static void
fill_context (BkReportDialog *self)
{
  g_autoptr (BkGoal) goal = bk_goal_load_active (self->store, self->child_id, NULL);
  g_autoptr (GPtrArray) entries = bk_report_entries_since (self->store, self->report, NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *since = bk_date_format_user (self->report->since);
  g_autofree char *until = bk_date_format_user (self->report->due_on);
  g_autofree char *heading = NULL;

  if (goal != NULL && goal->text != NULL)
    {
      g_string_append_printf (text, _("Goal: %s"), goal->text);
      for (guint i = 0; i < goal->steps->len; i++)
        {
          BkStep *step = g_ptr_array_index (goal->steps, i);
          g_autofree char *when = bk_date_format_user (step->reached_on);

          g_string_append (text, "\n");
          if (step->reached_on != NULL)
            /* Translators: a step of the goal, and the day it was reached */
            g_string_append_printf (text, _("✓ %s (%s)"), step->text, when);
          else
            g_string_append_printf (text, _("○ %s"), step->text);
        }
    }
  else
    g_string_append (text, _("No learning goal written yet."));
  gtk_label_set_text (self->goal_label, text->str);

  /* Translators: "Sessions from 7-10-2026 to 28-10-2026" */
  heading = g_strdup_printf (_("Sessions from %s to %s"), since, until);
  gtk_label_set_text (self->since_label, heading);
  self->n_entries = entries != NULL ? entries->len : 0;
  for (guint i = 0; i < self->n_entries; i++)
    gtk_list_box_append (self->entries_list, bk_session_row_new (g_ptr_array_index (entries, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->entries_list), self->n_entries > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_entries_label), self->n_entries == 0);
}

static void
reload (BkReportDialog *self)
{
  g_autoptr (GPtrArray) reports = bk_report_load_for_child (self->store, self->child_id, NULL);

  if (reports == NULL || self->number < 1 || self->number > (int) reports->len)
    return;
  g_clear_pointer (&self->report, bk_report_free);
  self->report = g_ptr_array_steal_index (reports, self->number - 1);
}

/**
 * bk_report_dialog_save:
 * @final: make it final (refused while nothing is written under the prompts)
 *
 * Returns: %TRUE when saved; otherwise the reason shows above the editor
 *   and nothing is written
 */
gboolean
bk_report_dialog_save (BkReportDialog *self,
                       gboolean        final)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autofree char *body = body_text (self);

  if (!bk_report_save (self->store, self->child_id, self->number, body, final,
                       bk_current_staff_id (self->store), now, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  show_error (self, NULL);
  self->changed = FALSE;
  reload (self);
  show_state (self);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  if (bk_report_dialog_save (BK_REPORT_DIALOG (widget), FALSE))
    gtk_window_close (GTK_WINDOW (widget));
}

static void
finalise_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  if (bk_report_dialog_save (BK_REPORT_DIALOG (widget), TRUE))
    gtk_window_close (GTK_WINDOW (widget));
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  BkReportDialog *self = BK_REPORT_DIALOG (widget);
  g_autoptr (GError) error = NULL;

  if (!bk_report_reopen (self->store, self->report->id, &error))
    {
      show_error (self, error->message);
      return;
    }
  reload (self);
  show_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* Unsaved text is kept as a draft; if it cannot be, the window stays. */
static gboolean
bk_report_dialog_close_request (GtkWindow *window)
{
  BkReportDialog *self = BK_REPORT_DIALOG (window);

  if (self->changed && !bk_report_dialog_save (self, FALSE))
    return TRUE;
  return GTK_WINDOW_CLASS (bk_report_dialog_parent_class)->close_request (window);
}

/* The main window closing (the program ending) keeps the text too; if it
 * cannot be kept, the window stays and the report says why. */
static gboolean
parent_close_request_cb (GtkWindow      *parent,
                         BkReportDialog *self)
{
  if (self->changed && !bk_report_dialog_save (self, FALSE))
    {
      gtk_window_present (GTK_WINDOW (self));
      return TRUE;
    }
  return FALSE;
}

static void
bk_report_dialog_dispose (GObject *object)
{
  BkReportDialog *self = BK_REPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_REPORT_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->child_name, g_free);
  g_clear_pointer (&self->report, bk_report_free);
  G_OBJECT_CLASS (bk_report_dialog_parent_class)->dispose (object);
}

static void
bk_report_dialog_class_init (BkReportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_report_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bk_report_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-report-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BkReportDialog, name)
  BIND (window_title);
  BIND (final_button);
  BIND (draft_button);
  BIND (reopen_button);
  BIND (error_label);
  BIND (body_view);
  BIND (words_label);
  BIND (goal_label);
  BIND (since_label);
  BIND (entries_list);
  BIND (no_entries_label);
#undef BIND

  gtk_widget_class_install_action (widget_class, "report.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "report.finalise", NULL, finalise_action);
  gtk_widget_class_install_action (widget_class, "report.reopen", NULL, reopen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "report.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_report_dialog_init (BkReportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bk_report_dialog_new:
 * @number: 1, 2 or 3
 *
 * Returns: (transfer none): the dialog, or %NULL when the child is in no
 *   cycle (the form offers no reports then)
 */
BkReportDialog *
bk_report_dialog_new (GtkWindow  *parent,
                      BkStore    *store,
                      gint64      child_id,
                      const char *child_name,
                      int         number)
{
  BkReportDialog *self = g_object_new (BK_TYPE_REPORT_DIALOG, "transient-for", parent, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);

  self->store = g_object_ref (store);
  self->child_id = child_id;
  self->child_name = g_strdup (child_name);
  self->number = number;
  reload (self);
  if (self->report == NULL)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  gtk_text_buffer_set_text (buffer, self->report->body && *self->report->body ? self->report->body : bk_report_template (), -1);
  count_words (self);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (body_changed_cb), self);
  if (parent != NULL)
    g_signal_connect_object (parent, "close-request", G_CALLBACK (parent_close_request_cb), self, 0);
  show_state (self);
  fill_context (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
  return self;
}

GtkTextBuffer *
bk_report_dialog_get_buffer (BkReportDialog *self)
{
  return gtk_text_view_get_buffer (self->body_view);
}

/* For tests: the refusal shown above the editor, or NULL. */
const char *
bk_report_dialog_get_problem (BkReportDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

guint
bk_report_dialog_get_n_entries (BkReportDialog *self)
{
  return self->n_entries;
}
