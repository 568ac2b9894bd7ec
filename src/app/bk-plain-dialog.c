/* bk-plain-dialog.c
 * A plain-language text for parents: a meeting's summary, or a letter.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two uses, one editor. A summary of an information evening or a parent
 * meeting goes to every parent of the cycle, also to those who were
 * absent (the 2016 study: six of nine parents missed the information
 * evening); it starts from a template, is kept in the store, and the
 * right-hand side says how it reaches each parent: e-mail (the addresses
 * to paste as Bcc), paper, or explained in person for parents who read
 * little Dutch; "Mark as Sent" records the day. A letter turns the open
 * agreements of a conversation into a few plain lines for the parent; it
 * is not kept, only saved as PDF or text, or printed.
 *
 * While the coach writes, the text is checked shortly after each change:
 * sentences over 15 words get a tinted background, jargon a wavy
 * underline, and each piece of advice is a row beside the text that
 * selects its words. Advice never blocks; an empty text or title does,
 * with a message, and nothing is written then. A summary that was changed
 * is kept when the window closes, like a report.
 */
#define G_LOG_DOMAIN "bk-plain-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-clock.h"
#include "bk-conversation.h"
#include "bk-date.h"
#include "bk-event.h"
#include "bk-form.h"
#include "bk-letter-pdf.h"
#include "bk-plain-dialog.h"
#include "bk-plain.h"
#include "bk-print.h"

#define CHECK_DELAY_MS 250

struct _BkPlainDialog
{
  AdwWindow       parent_instance;

  BkStore        *store;
  gboolean        letter;        /* a letter: not kept in the store */
  gint64          event_id;      /* the summary's event, as loaded; 0: none */
  gint64          summary_id;    /* 0: not saved yet */
  char           *sent_on;       /* YYYY-MM-DD, or NULL */
  GListStore     *events;
  GPtrArray      *recipients;    /* of BkPlainRecipient */
  GPtrArray      *advice;        /* of BkPlainFlag */
  guint           check_source;
  gboolean        changed;
  gboolean        loading;
  char           *problem;

  AdwWindowTitle *window_title;
  GtkWidget      *save_button;
  GtkLabel       *error_label;
  AdwComboRow    *event_row;
  AdwEntryRow    *title_row;
  GtkLabel       *hint_label;
  GtkTextView    *body_view;
  GtkLabel       *advice_label;
  GtkListBox     *flags_list;
  GtkWidget      *send_group;
  AdwActionRow   *email_row;
  GtkWidget      *copy_button;
  AdwActionRow   *paper_row;
  AdwActionRow   *help_row;
  AdwActionRow   *sent_row;
};

G_DEFINE_FINAL_TYPE (BkPlainDialog, bk_plain_dialog, ADW_TYPE_WINDOW)

static char *
body_text (BkPlainDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_problem (BkPlainDialog *self,
              const char    *message)
{
  g_free (self->problem);
  self->problem = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The byte range [start, end) of @text as buffer iterators. */
static void
iters_for (GtkTextBuffer *buffer,
           const char    *text,
           int            start,
           int            end,
           GtkTextIter   *from,
           GtkTextIter   *to)
{
  gtk_text_buffer_get_iter_at_offset (buffer, from, (int) g_utf8_pointer_to_offset (text, text + start));
  gtk_text_buffer_get_iter_at_offset (buffer, to, (int) g_utf8_pointer_to_offset (text, text + end));
}

static void
select_advice_cb (AdwActionRow  *row,
                  BkPlainDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *text = body_text (self);
  int start = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "start"));
  int end = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "end"));
  GtkTextIter from, to;

  if (end > (int) strlen (text))
    return;
  iters_for (buffer, text, start, end, &from, &to);
  gtk_text_buffer_select_range (buffer, &from, &to);
  gtk_text_view_scroll_to_iter (self->body_view, &from, 0.1, FALSE, 0, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

static GtkWidget *
advice_row (BkPlainDialog     *self,
            const BkPlainFlag *flag,
            const char        *text)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (flag->kind == BK_PLAIN_LONG_SENTENCE)
    {
      /* Translators: advice on a summary for parents */
      title = g_strdup_printf (_("Long sentence: %d words"), flag->words);
      subtitle = g_strndup (text + flag->start, flag->end - flag->start);
    }
  else
    {
      /* Translators: advice on a summary for parents; %s is a word like "IB'er" */
      title = g_strdup_printf (_("“%s” is a word from school or care"), flag->word);
      subtitle = flag->suggestion != NULL
        /* Translators: a plainer alternative for a word */
        ? g_strdup_printf (_("Say: %s"), flag->suggestion)
        : g_strdup (_("Say it in everyday words"));
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "start", GINT_TO_POINTER (flag->start));
  g_object_set_data (G_OBJECT (row), "end", GINT_TO_POINTER (flag->end));
  g_signal_connect (row, "activated", G_CALLBACK (select_advice_cb), self);
  return row;
}

/* Checks the text now: marks in the text, a row per piece of advice. */
static void
check_now (BkPlainDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  g_autofree char *text = body_text (self);
  GtkTextIter start, end;
  GtkWidget *child;

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_pointer (&self->advice, g_ptr_array_unref);
  self->advice = bk_plain_check (text);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "long", &start, &end);
  gtk_text_buffer_remove_tag_by_name (buffer, "jargon", &start, &end);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flags_list))) != NULL)
    gtk_list_box_remove (self->flags_list, child);

  for (guint i = 0; i < self->advice->len; i++)
    {
      BkPlainFlag *flag = g_ptr_array_index (self->advice, i);
      GtkTextIter from, to;

      iters_for (buffer, text, flag->start, flag->end, &from, &to);
      gtk_text_buffer_apply_tag_by_name (buffer, flag->kind == BK_PLAIN_LONG_SENTENCE ? "long" : "jargon",
                                         &from, &to);
      gtk_list_box_append (self->flags_list, advice_row (self, flag, text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->flags_list), self->advice->len > 0);
  if (self->advice->len == 0)
    gtk_label_set_text (self->advice_label, _("Short sentences and everyday words: parents can read this."));
  else
    {
      g_autofree char *count =
        /* Translators: above the list of advice on a text for parents */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u place where the text can be plainer. Advice only: it can be saved as it is.",
                                      "%u places where the text can be plainer. Advice only: it can be saved as it is.",
                                      self->advice->len), self->advice->len);
      gtk_label_set_text (self->advice_label, count);
    }
}

static gboolean
check_timeout_cb (gpointer data)
{
  BkPlainDialog *self = data;

  self->check_source = 0;
  check_now (self);
  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (BkPlainDialog *self)
{
  if (self->loading)
    return;
  self->changed = TRUE;
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

/**
 * bk_plain_dialog_set_text:
 * @body: (nullable): the text; %NULL keeps it
 *
 * Puts @title and @body in the form, as a coach would type them.
 */
void
bk_plain_dialog_set_text (BkPlainDialog *self,
                          const char    *title,
                          const char    *body)
{
  g_return_if_fail (BK_IS_PLAIN_DIALOG (self));

  if (title != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->title_row), title);
  if (body != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), body, -1);
}

static void
load_text (BkPlainDialog *self,
           const char    *title,
           const char    *body)
{
  self->loading = TRUE;
  bk_plain_dialog_set_text (self, title != NULL ? title : "", body != NULL ? body : "");
  self->loading = FALSE;
  self->changed = FALSE;
  check_now (self);
}

/* A list of names, "Amal Bakker, Mark Bakker", or @none. */
static char *
names_where (GPtrArray  *recipients,
             gsize       offset,
             const char *none)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; recipients != NULL && i < recipients->len; i++)
    {
      BkPlainRecipient *r = g_ptr_array_index (recipients, i);

      if (!G_STRUCT_MEMBER (gboolean, r, offset))
        continue;
      g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", r->name);
    }
  return g_strdup (names->len > 0 ? names->str : none);
}

static void
update_sent (BkPlainDialog *self)
{
  g_autofree char *shown = self->sent_on ? bk_date_format_user (self->sent_on) : NULL;
  g_autofree char *title = shown != NULL
    /* Translators: "Sent on 20-11-2026" */
    ? g_strdup_printf (_("Sent on %s"), shown)
    : g_strdup (_("Not sent yet"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->sent_row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->sent_row),
                               shown != NULL ? _("Changed since? Send it again and mark it once more.")
                                             : _("Mark it when it went out to every parent."));
}

/* Who it goes to and how, from the parents of the event's cycle. */
static void
update_recipients (BkPlainDialog *self,
                   gint64         event_id)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *help = NULL;
  g_autofree char *description = NULL;
  g_autofree char *by_mail = NULL;
  guint absent = 0, n_mail = 0;

  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  self->recipients = bk_plain_recipients (self->store, event_id, &error);
  if (self->recipients == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  for (guint i = 0; i < self->recipients->len; i++)
    {
      BkPlainRecipient *r = g_ptr_array_index (self->recipients, i);

      absent += !r->present;
      n_mail += r->email != NULL && !r->on_paper;
    }
  description =
    /* Translators: "For all 32 parents of the cycle, also the 6 who were not there." */
    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "For all %u parent of the cycle, also the %u who were not there.",
                                  "For all %u parents of the cycle, also the %u who were not there.",
                                  self->recipients->len), self->recipients->len, absent);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->send_group), description);
  by_mail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u address", "%u addresses", n_mail), n_mail);
  adw_action_row_set_subtitle (self->email_row, by_mail);
  gtk_widget_set_sensitive (self->copy_button, n_mail > 0);
  paper = names_where (self->recipients, G_STRUCT_OFFSET (BkPlainRecipient, on_paper), _("Nobody"));
  adw_action_row_set_subtitle (self->paper_row, paper);
  help = names_where (self->recipients, G_STRUCT_OFFSET (BkPlainRecipient, plain_help), _("Nobody"));
  adw_action_row_set_subtitle (self->help_row, help);
}

/* The chosen event's summary if there is one, else the template. */
static void
load_event (BkPlainDialog *self)
{
  BkEvent *event = adw_combo_row_get_selected_item (self->event_row);
  g_autoptr (GError) error = NULL;
  g_autoptr (BkPlainSummary) summary = NULL;

  if (event == NULL)
    return;
  self->event_id = bk_event_get_id (event);
  summary = bk_plain_load_for_event (self->store, bk_event_get_id (event), &error);
  if (error != NULL)
    {
      show_problem (self, error->message);
      return;
    }
  show_problem (self, NULL);
  g_clear_pointer (&self->sent_on, g_free);
  if (summary != NULL)
    {
      self->summary_id = summary->id;
      self->sent_on = g_strdup (summary->sent_on);
      load_text (self, summary->title, summary->body);
    }
  else
    {
      g_autofree char *body = bk_plain_template_for (bk_event_get_title (event));

      self->summary_id = 0;
      load_text (self, bk_event_get_title (event), body);
    }
  update_sent (self);
  update_recipients (self, bk_event_get_id (event));
}

/* What was written for the event chosen before is kept first; an empty
 * text has nothing to keep. */
static void
event_selected_cb (BkPlainDialog *self)
{
  if (self->loading)
    return;
  if (self->changed)
    bk_plain_dialog_save (self);
  load_event (self);
}

/* Whether the form can be written out; says why not. A letter has no
 * event and is not kept, so only its text counts. */
static gboolean
validate (BkPlainDialog *self)
{
  g_autofree char *body = body_text (self);
  BkPlainDraft draft = { self->summary_id, 0, self->event_id,
                         gtk_editable_get_text (GTK_EDITABLE (self->title_row)), body };
  g_autoptr (GPtrArray) problems = NULL;

  if (self->letter)
    {
      if (bk_form_is_blank (draft.body))
        show_problem (self, _("Write the letter before you save it."));
      else if (bk_form_is_blank (draft.title))
        show_problem (self, _("Give the letter a short title."));
      else
        {
          show_problem (self, NULL);
          return TRUE;
        }
      return FALSE;
    }
  problems = bk_plain_validate (&draft);
  if (problems->len > 0)
    {
      show_problem (self, ((BkFieldError *) g_ptr_array_index (problems, 0))->message);
      return FALSE;
    }
  show_problem (self, NULL);
  return TRUE;
}

/**
 * bk_plain_dialog_save:
 *
 * Keeps the summary in the store (a letter is not kept: it only checks
 * it). Nothing is written when it is refused; the message says why.
 *
 * Returns: %TRUE when saved
 */
gboolean
bk_plain_dialog_save (BkPlainDialog *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autofree char *body = NULL;
  BkPlainDraft draft;

  g_return_val_if_fail (BK_IS_PLAIN_DIALOG (self), FALSE);

  if (!validate (self))
    return FALSE;
  if (self->letter)
    return TRUE;
  body = body_text (self);
  draft = (BkPlainDraft) { self->summary_id, 0, self->event_id,
                           gtk_editable_get_text (GTK_EDITABLE (self->title_row)), body };
  if (!bk_plain_save (self->store, &draft, now, &self->summary_id, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  self->changed = FALSE;
  return TRUE;
}

static BkLetter *
current_letter (BkPlainDialog *self,
                char         **title,
                char         **body)
{
  BkLetter *letter = g_new0 (BkLetter, 1);

  *title = bk_form_strip (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  *body = body_text (self);
  letter->title = *title;
  letter->body = *body;
  return letter;
}

/**
 * bk_plain_dialog_write_pdf:
 *
 * Saves a summary first; then writes the text as an A4 PDF at @path.
 */
gboolean
bk_plain_dialog_write_pdf (BkPlainDialog *self,
                           const char    *path)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree BkLetter *letter = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BK_IS_PLAIN_DIALOG (self), FALSE);

  if (!bk_plain_dialog_save (self))
    return FALSE;
  letter = current_letter (self, &title, &body);
  if (!bk_letter_write_pdf (letter, path, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * bk_plain_dialog_write_text:
 *
 * Saves a summary first; then writes the title and the text as UTF-8 at
 * @path, to paste in an e-mail.
 */
gboolean
bk_plain_dialog_write_text (BkPlainDialog *self,
                            const char    *path)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autoptr (GError) error = NULL;
  BkPlainSummary s = { 0 };

  g_return_val_if_fail (BK_IS_PLAIN_DIALOG (self), FALSE);

  if (!bk_plain_dialog_save (self))
    return FALSE;
  title = bk_form_strip (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  body = body_text (self);
  s.title = title;
  s.body = body;
  if (!bk_plain_write_text (&s, path, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
letter_free (BkLetter *letter)
{
  g_free ((char *) letter->title);
  g_free ((char *) letter->body);
  g_free (letter);
}

/**
 * bk_plain_dialog_print:
 * @export_path: (nullable): %NULL to show the print dialog; a file to
 *   print to PDF without asking (for tests)
 */
gboolean
bk_plain_dialog_print (BkPlainDialog *self,
                       const char    *export_path)
{
  char *title = NULL;
  char *body = NULL;
  BkLetter *letter;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BK_IS_PLAIN_DIALOG (self), FALSE);

  if (!bk_plain_dialog_save (self))
    return FALSE;
  letter = current_letter (self, &title, &body);
  if (!bk_print_page (GTK_WINDOW (self), title, bk_letter_draw, letter, (GDestroyNotify) letter_free,
                      export_path, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * bk_plain_dialog_mark_sent:
 *
 * Saves the summary and records that it went to the parents today.
 */
gboolean
bk_plain_dialog_mark_sent (BkPlainDialog *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BK_IS_PLAIN_DIALOG (self), FALSE);

  if (self->letter || !bk_plain_dialog_save (self))
    return FALSE;
  if (!bk_plain_mark_sent (self->store, self->summary_id, now, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  g_free (self->sent_on);
  self->sent_on = bk_date_iso_from_datetime (now);
  update_sent (self);
  return TRUE;
}

/**
 * bk_plain_dialog_copy_addresses:
 *
 * Puts the e-mail addresses of the parents who get it by e-mail on the
 * clipboard, to paste as Bcc.
 *
 * Returns: (transfer full): what was copied
 */
char *
bk_plain_dialog_copy_addresses (BkPlainDialog *self)
{
  g_autoptr (GString) addresses = g_string_new (NULL);
  g_autofree char *done = NULL;
  guint n = 0;

  g_return_val_if_fail (BK_IS_PLAIN_DIALOG (self), NULL);

  for (guint i = 0; self->recipients != NULL && i < self->recipients->len; i++)
    {
      BkPlainRecipient *r = g_ptr_array_index (self->recipients, i);

      if (r->email == NULL || r->on_paper)
        continue;
      g_string_append_printf (addresses, "%s%s", addresses->len > 0 ? ", " : "", r->email);
      n++;
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), addresses->str);
  /* Translators: after copying the e-mail addresses */
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u address copied: paste it as Bcc",
                                       "%u addresses copied: paste them as Bcc", n), n);
  adw_action_row_set_subtitle (self->email_row, done);
  return g_string_free (g_steal_pointer (&addresses), FALSE);
}

/**
 * bk_plain_dialog_get_n_advice:
 *
 * Checks the text now, and returns the number of places where it can be
 * plainer.
 */
guint
bk_plain_dialog_get_n_advice (BkPlainDialog *self)
{
  g_return_val_if_fail (BK_IS_PLAIN_DIALOG (self), 0);

  check_now (self);
  return self->advice->len;
}

/**
 * bk_plain_dialog_get_problem:
 *
 * Returns: (nullable): why the last save or export was refused
 */
const char *
bk_plain_dialog_get_problem (BkPlainDialog *self)
{
  g_return_val_if_fail (BK_IS_PLAIN_DIALOG (self), NULL);

  return self->problem;
}

static void
file_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  BkPlainDialog   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;
      gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "pdf"));

      if (path != NULL)
        pdf ? bk_plain_dialog_write_pdf (self, path) : bk_plain_dialog_write_text (self, path);
    }
  g_object_unref (chooser);
}

static void
choose_file (BkPlainDialog *self,
             gboolean       pdf)
{
  GtkFileChooserNative *chooser;
  g_autofree char *title = NULL;
  g_autofree char *name = NULL;

  if (!validate (self))
    return;
  chooser = gtk_file_chooser_native_new (pdf ? _("Save as PDF") : _("Save as Text"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  title = bk_form_strip (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_strdelimit (title, "/\\:", '-');
  name = g_strconcat (title, pdf ? ".pdf" : ".txt", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (chooser, "response", G_CALLBACK (file_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
pdf_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  choose_file (BK_PLAIN_DIALOG (widget), TRUE);
}

static void
text_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  choose_file (BK_PLAIN_DIALOG (widget), FALSE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  bk_plain_dialog_print (BK_PLAIN_DIALOG (widget), NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BkPlainDialog *self = BK_PLAIN_DIALOG (widget);

  if (bk_plain_dialog_save (self) && !self->letter)
    gtk_window_close (GTK_WINDOW (self));
}

static void
mark_sent_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  bk_plain_dialog_mark_sent (BK_PLAIN_DIALOG (widget));
}

static void
copy_addresses_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  g_free (bk_plain_dialog_copy_addresses (BK_PLAIN_DIALOG (widget)));
}

/* A changed summary is kept on closing; if it cannot be (no text), the
 * window stays and says why. An emptied new summary has nothing to keep. */
static gboolean
bk_plain_dialog_close_request (GtkWindow *window)
{
  BkPlainDialog *self = BK_PLAIN_DIALOG (window);

  if (self->changed && !self->letter && !bk_plain_dialog_save (self))
    {
      g_autofree char *body = body_text (self);

      if (self->summary_id != 0 || !bk_form_is_blank (body))
        return TRUE;
    }
  return GTK_WINDOW_CLASS (bk_plain_dialog_parent_class)->close_request (window);
}

static void
bk_plain_dialog_dispose (GObject *object)
{
  BkPlainDialog *self = BK_PLAIN_DIALOG (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PLAIN_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->events);
  g_clear_pointer (&self->recipients, g_ptr_array_unref);
  g_clear_pointer (&self->advice, g_ptr_array_unref);
  g_clear_pointer (&self->sent_on, g_free);
  g_clear_pointer (&self->problem, g_free);
  G_OBJECT_CLASS (bk_plain_dialog_parent_class)->dispose (object);
}

static void
bk_plain_dialog_class_init (BkPlainDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_plain_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = bk_plain_dialog_close_request;

  g_type_ensure (BK_TYPE_EVENT);
  gtk_widget_class_set_template_from_resource (widget_class, "/nl/betrokken/Betrokken/ui/bk-plain-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BkPlainDialog, name)
  BIND (window_title);
  BIND (save_button);
  BIND (error_label);
  BIND (event_row);
  BIND (title_row);
  BIND (hint_label);
  BIND (body_view);
  BIND (advice_label);
  BIND (flags_list);
  BIND (send_group);
  BIND (email_row);
  BIND (copy_button);
  BIND (paper_row);
  BIND (help_row);
  BIND (sent_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, event_selected_cb);
  gtk_widget_class_install_action (widget_class, "plain.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "plain.pdf", NULL, pdf_action);
  gtk_widget_class_install_action (widget_class, "plain.text", NULL, text_action);
  gtk_widget_class_install_action (widget_class, "plain.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "plain.mark-sent", NULL, mark_sent_action);
  gtk_widget_class_install_action (widget_class, "plain.copy-addresses", NULL, copy_addresses_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "plain.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_plain_dialog_init (BkPlainDialog *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_create_tag (buffer, "long", "background-rgba", &(GdkRGBA) { 0.96, 0.76, 0.07, 0.3 }, NULL);
  gtk_text_buffer_create_tag (buffer, "jargon", "underline", PANGO_UNDERLINE_ERROR,
                              "underline-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 1.0 }, NULL);
  g_signal_connect_swapped (buffer, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (text_changed_cb), self);
}

/**
 * bk_plain_dialog_new_summary:
 * @event_id: the evening or meeting; 0 for the latest that took place
 *
 * The summary of an evening or meeting: the one written before, or the
 * template.
 */
BkPlainDialog *
bk_plain_dialog_new_summary (GtkWindow *parent,
                             BkStore   *store,
                             gint64     event_id)
{
  BkPlainDialog *self = g_object_new (BK_TYPE_PLAIN_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  guint n, chosen = 0;

  self->store = g_object_ref (store);
  adw_window_title_set_title (self->window_title, _("Summary for Parents"));
  self->events = bk_event_load_held (store, now, &error);
  n = self->events != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->events)) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);

      if (bk_event_get_id (event) == event_id)
        chosen = i;
    }
  if (n == 0)
    {
      show_problem (self, error != NULL ? error->message
                                        : _("No evening or meeting has taken place yet. Write its summary afterwards."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->body_view), FALSE);
      gtk_widget_set_visible (self->send_group, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "plain.save", FALSE);
      return self;
    }
  self->loading = TRUE;
  adw_combo_row_set_model (self->event_row, G_LIST_MODEL (self->events));
  adw_combo_row_set_selected (self->event_row, chosen);
  self->loading = FALSE;
  load_event (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->body_view));
  return self;
}

/**
 * bk_plain_dialog_new_letter:
 *
 * A letter for the parents with the open agreements of a conversation,
 * to edit, save as PDF or text, or print.
 */
BkPlainDialog *
bk_plain_dialog_new_letter (GtkWindow *parent,
                            BkStore   *store,
                            gint64     conversation_id)
{
  BkPlainDialog *self = g_object_new (BK_TYPE_PLAIN_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BkConversation) c = bk_conversation_load (store, conversation_id, &error);
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();

  self->store = g_object_ref (store);
  self->letter = TRUE;
  gtk_window_set_title (GTK_WINDOW (self), _("Letter for the Parents"));
  adw_window_title_set_title (self->window_title, _("Letter for the Parents"));
  gtk_widget_set_visible (GTK_WIDGET (self->event_row), FALSE);
  gtk_widget_set_visible (self->send_group, FALSE);
  gtk_widget_set_visible (self->save_button, FALSE);
  gtk_label_set_text (self->hint_label,
                      _("What was agreed, in plain words for the parents. Check it, change what you like, then save it as a PDF or text, or print it. The letter is not kept in Betrokken."));
  if (c == NULL)
    {
      show_problem (self, error->message);
      return self;
    }
  {
    g_autofree char *title = bk_plain_letter_title (c);
    g_autofree char *body = bk_plain_letter_for (c, tz);

    adw_window_title_set_subtitle (self->window_title, c->child_name);
    load_text (self, title, body);
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->body_view));
  }
  return self;
}
