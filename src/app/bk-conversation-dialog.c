/* bk-conversation-dialog.c
 * Plan or log a parent conversation, with its preparation beside it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window for before and after: planned, it holds the purpose, agenda,
 * questions (with open questions to add) and an opener; switched to
 * "Already held", the notes, the agreements and the next contact. Beside
 * it stands what core gathered (bk-preparation): goal and steps, tip and
 * top, open agreements, last contacts, language and channel, the approach
 * per parent (not for interns), and the attitude reminders. The rules are
 * in core (bk-conversation): a refusal shows above the form and marks the
 * field, and nothing is written.
 */
#define G_LOG_DOMAIN "bk-conversation-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-clock.h"
#include "bk-conversation.h"
#include "bk-conversation-dialog.h"
#include "bk-current-staff.h"
#include "bk-date.h"
#include "bk-parent.h"
#include "bk-preparation.h"
#include "bk-preparation-pdf.h"
#include "bk-plain-dialog.h"
#include "bk-print.h"

typedef struct
{
  GtkWidget *box;
  GtkWidget *text;
  GtkWidget *owner;
  GtkWidget *due;
} AgreementRow;

struct _BkConversationDialog
{
  AdwWindow       parent_instance;

  BkStore        *store;
  gint64          child_id;
  gint64          conversation_id;
  GArray         *parent_ids;     /* of gint64, one per check */
  GPtrArray      *parent_checks;  /* of GtkCheckButton */
  GPtrArray      *agreements;     /* of AgreementRow */
  GtkWidget      *interpreter_row;
  GtkWidget      *marked;         /* the field marked refused */
  guint           n_parts;

  AdwWindowTitle *window_title;
  GtkLabel       *error_label;
  AdwComboRow    *kind_row;
  AdwEntryRow    *day_row;
  AdwEntryRow    *time_row;
  GtkSwitch      *held_switch;
  AdwPreferencesGroup *parents_group;
  AdwEntryRow    *purpose_row;
  AdwEntryRow    *opener_row;
  GtkTextView    *agenda_view;
  GtkTextView    *questions_view;
  GtkTextView    *notes_view;
  GtkBox         *agreements_box;
  AdwEntryRow    *next_contact_row;
  GtkBox         *preparation_box;
  AdwPreferencesGroup *self_check_group;
  GtkSpinButton  *scores[6];      /* score_0 … score_5 in the template */
  GtkWidget      *reflection_row;
};

/* The self-check's six parts, in the order of the form and the draft. */
static const char * const score_fields[6] = {
  "genuineness", "respect", "listening", "summarising", "asking-further", "transparency",
};

G_DEFINE_FINAL_TYPE (BkConversationDialog, bk_conversation_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean read_self_check (BkConversationDialog *self,
                                 BkSelfCheckDraft     *check);

static char *
view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_view_text (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static const char *
entry_text (gpointer editable)
{
  return gtk_editable_get_text (GTK_EDITABLE (editable));
}

static void
remove_agreement_cb (GtkButton            *button,
                     BkConversationDialog *self)
{
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (button));

  for (guint i = 0; i < self->agreements->len; i++)
    if (((AgreementRow *) g_ptr_array_index (self->agreements, i))->box == box)
      {
        g_ptr_array_remove_index (self->agreements, i);
        break;
      }
  gtk_box_remove (self->agreements_box, box);
}

static GtkWidget *
small_entry (const char *placeholder,
             const char *text,
             int         width)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  if (width > 0)
    gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  return entry;
}

/**
 * bk_conversation_dialog_add_agreement:
 *
 * Adds a row for an agreement: what, who, by when (each may be %NULL).
 */
void
bk_conversation_dialog_add_agreement (BkConversationDialog *self,
                                      const char           *text,
                                      const char           *owner,
                                      const char           *due_on)
{
  AgreementRow *row = g_new0 (AgreementRow, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row->text = small_entry (_("What"), text, 0);
  row->owner = small_entry (_("Who"), owner, 10);
  row->due = small_entry (_("By, e.g. 7-12-2026"), due_on, 10);
  gtk_widget_set_hexpand (row->text, TRUE);
  gtk_widget_set_tooltip_text (remove, _("Remove this agreement"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this agreement"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_agreement_cb), self);
  gtk_box_append (GTK_BOX (row->box), row->text);
  gtk_box_append (GTK_BOX (row->box), row->owner);
  gtk_box_append (GTK_BOX (row->box), row->due);
  gtk_box_append (GTK_BOX (row->box), remove);
  gtk_box_append (self->agreements_box, row->box);
  g_ptr_array_add (self->agreements, row);
}

static void
add_agreement_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BkConversationDialog *self = BK_CONVERSATION_DIALOG (widget);

  bk_conversation_dialog_add_agreement (self, NULL, NULL, NULL);
  gtk_widget_grab_focus (((AgreementRow *) g_ptr_array_index (self->agreements, self->agreements->len - 1))->text);
}

/* The open questions the domain proposes, each on its own line. */
static void
add_questions_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  BkConversationDialog *self = BK_CONVERSATION_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->questions_view);
  const char * const *questions = bk_conversation_open_questions ();
  g_autofree char *have = view_text (self->questions_view);
  GtkTextIter end;

  for (guint i = 0; questions[i] != NULL; i++)
    {
      if (strstr (have, questions[i]) != NULL)
        continue;
      gtk_text_buffer_get_end_iter (buffer, &end);
      if (gtk_text_buffer_get_char_count (buffer) > 0 && gtk_text_iter_get_char (&end) != '\n')
        gtk_text_buffer_insert (buffer, &end, "\n", -1);
      gtk_text_buffer_get_end_iter (buffer, &end);
      gtk_text_buffer_insert (buffer, &end, questions[i], -1);
    }
}

/* Which widget a refused field is. */
static GtkWidget *
field_widget (BkConversationDialog *self,
              const char           *field)
{
  int n = 0;

  if (g_str_equal (field, "kind")) return GTK_WIDGET (self->kind_row);
  if (g_str_equal (field, "day")) return GTK_WIDGET (self->day_row);
  if (g_str_equal (field, "time")) return GTK_WIDGET (self->time_row);
  if (g_str_equal (field, "parents")) return GTK_WIDGET (self->parents_group);
  if (g_str_equal (field, "interpreter")) return self->interpreter_row;
  if (g_str_equal (field, "purpose")) return GTK_WIDGET (self->purpose_row);
  if (g_str_equal (field, "opener")) return GTK_WIDGET (self->opener_row);
  if (g_str_equal (field, "agenda")) return GTK_WIDGET (self->agenda_view);
  if (g_str_equal (field, "questions")) return GTK_WIDGET (self->questions_view);
  if (g_str_equal (field, "notes")) return GTK_WIDGET (self->notes_view);
  if (g_str_equal (field, "next-contact")) return GTK_WIDGET (self->next_contact_row);
  if (g_str_equal (field, "reflection")) return self->reflection_row;
  for (guint i = 0; i < G_N_ELEMENTS (score_fields); i++)
    if (g_str_equal (field, score_fields[i]))
      return GTK_WIDGET (self->scores[i]);
  if (sscanf (field, "agreement-%d-", &n) == 1 && n >= 1 && (guint) n <= self->agreements->len)
    {
      AgreementRow *row = g_ptr_array_index (self->agreements, n - 1);

      if (g_str_has_suffix (field, "-owner"))
        return row->owner;
      if (g_str_has_suffix (field, "-due"))
        return row->due;
      return row->text;
    }
  return NULL;
}

static void
show_problem (BkConversationDialog *self,
              const char           *field,
              const char           *message)
{
  if (self->marked != NULL)
    gtk_widget_remove_css_class (self->marked, "error");
  self->marked = field ? field_widget (self, field) : NULL;
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (self->marked != NULL)
    {
      gtk_widget_add_css_class (self->marked, "error");
      gtk_widget_grab_focus (self->marked);
    }
}

/**
 * bk_conversation_dialog_save:
 *
 * Returns: %TRUE when saved (and the window closed); otherwise the first
 *   refusal shows above the form, its field is marked, nothing is written
 */
gboolean
bk_conversation_dialog_save (BkConversationDialog *self)
{
  const char * const *kinds = bk_conversation_kinds ();
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) agreements = g_array_new (FALSE, TRUE, sizeof (BkAgreementDraft));
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *agenda = view_text (self->agenda_view);
  g_autofree char *questions = view_text (self->questions_view);
  g_autofree char *notes = view_text (self->notes_view);
  BkConversationDraft draft = { 0 };
  BkSelfCheckDraft check = { 0 };
  gboolean with_check;
  gint64 id = 0;

  for (guint i = 0; i < self->parent_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->parent_checks, i)))
      g_array_append_val (parents, g_array_index (self->parent_ids, gint64, i));
  for (guint i = 0; i < self->agreements->len; i++)
    {
      AgreementRow *row = g_ptr_array_index (self->agreements, i);
      BkAgreementDraft a = { entry_text (row->text), entry_text (row->owner), entry_text (row->due) };

      g_array_append_val (agreements, a);
    }
  draft.id = self->conversation_id;
  draft.kind = kinds[MIN (adw_combo_row_get_selected (self->kind_row), g_strv_length ((char **) kinds) - 1)];
  draft.child_id = self->child_id;
  draft.staff_id = bk_current_staff_id (self->store);
  draft.held = gtk_switch_get_active (self->held_switch);
  draft.day = entry_text (self->day_row);
  draft.time = entry_text (self->time_row);
  draft.purpose = entry_text (self->purpose_row);
  draft.agenda = agenda;
  draft.questions = questions;
  draft.positive_opener = entry_text (self->opener_row);
  draft.notes = notes;
  draft.next_contact_on = entry_text (self->next_contact_row);
  draft.parent_ids = parents;
  draft.interpreter = entry_text (self->interpreter_row);
  draft.agreements = (const BkAgreementDraft *) agreements->data;
  draft.n_agreements = agreements->len;

  problems = bk_conversation_validate (&draft, now);
  with_check = draft.held && read_self_check (self, &check);
  if (with_check)
    {
      g_autoptr (GPtrArray) check_problems = bk_self_check_validate (&check);
      g_ptr_array_extend_and_steal (problems, g_steal_pointer (&check_problems));
    }
  if (problems->len > 0)
    {
      BkFieldError *first = g_ptr_array_index (problems, 0);
      show_problem (self, first->field, first->message);
      return FALSE;
    }
  if (!bk_conversation_save (self->store, &draft, now, &id, &error))
    {
      show_problem (self, NULL, error->message);
      return FALSE;
    }
  /* The conversation is kept even if the self-check were refused now; the
   * window then stays with the reason, and saving again only adds it. */
  self->conversation_id = id;
  if (with_check && !bk_self_check_save (self->store, id, draft.staff_id, &check, now, &error))
    {
      show_problem (self, NULL, error->message);
      return FALSE;
    }
  show_problem (self, NULL, NULL);
  self->conversation_id = id;
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* The preparation with what the form says now; it owns its strings. */
typedef struct
{
  BkPreparation     *prep;
  BkPreparationPlan  plan;
  char              *when;
  char              *purpose;
  char              *agenda;
  char              *questions;
  char              *opener;
} Sheet;

static void
sheet_free (Sheet *sheet)
{
  g_clear_pointer (&sheet->prep, bk_preparation_free);
  g_free (sheet->when);
  g_free (sheet->purpose);
  g_free (sheet->agenda);
  g_free (sheet->questions);
  g_free (sheet->opener);
  g_free (sheet);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sheet, sheet_free)

/* Observations are left off for an intern. */
static Sheet *
gather_sheet (BkConversationDialog  *self,
              GError               **error)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (Sheet) sheet = g_new0 (Sheet, 1);
  const char * const *kinds = bk_conversation_kinds ();

  sheet->prep = bk_preparation_gather (self->store, self->child_id,
                                       !bk_current_staff_is_intern (self->store), now, error);
  if (sheet->prep == NULL)
    return NULL;
  sheet->when = g_strstrip (g_strdup_printf ("%s %s", entry_text (self->day_row), entry_text (self->time_row)));
  sheet->purpose = g_strdup (entry_text (self->purpose_row));
  sheet->agenda = view_text (self->agenda_view);
  sheet->questions = view_text (self->questions_view);
  sheet->opener = g_strdup (entry_text (self->opener_row));
  sheet->plan = (BkPreparationPlan) {
    bk_conversation_kind_label (kinds[MIN (adw_combo_row_get_selected (self->kind_row),
                                           g_strv_length ((char **) kinds) - 1)]),
    sheet->when, sheet->purpose, sheet->agenda, sheet->questions, sheet->opener,
  };
  return g_steal_pointer (&sheet);
}

/**
 * bk_conversation_dialog_write_preparation:
 *
 * Writes the preparation sheet (internal: it may hold observations, not
 * for an intern) with what the form says now, as an A4 PDF at @path.
 */
gboolean
bk_conversation_dialog_write_preparation (BkConversationDialog *self,
                                          const char           *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (Sheet) sheet = gather_sheet (self, &error);

  if (sheet == NULL || !bk_preparation_write_pdf (sheet->prep, &sheet->plan, path, &error))
    {
      show_problem (self, NULL, error->message);
      return FALSE;
    }
  return TRUE;
}

static void
draw_sheet (cairo_t       *cr,
            double         width,
            double         height,
            gboolean       paginate,
            gconstpointer  data)
{
  const Sheet *sheet = data;

  bk_preparation_draw (sheet->prep, &sheet->plan, cr, width, height);
}

/**
 * bk_conversation_dialog_print_preparation:
 * @export_path: (nullable): %NULL to show the print dialog; a file to
 *   print to PDF without asking (for tests)
 *
 * Prints the preparation sheet on one A4 page.
 */
gboolean
bk_conversation_dialog_print_preparation (BkConversationDialog *self,
                                          const char           *export_path)
{
  g_autoptr (GError) error = NULL;
  Sheet *sheet = gather_sheet (self, &error);

  if (sheet == NULL
      || !bk_print_page (GTK_WINDOW (self), sheet->prep->child_name, draw_sheet, sheet,
                         (GDestroyNotify) sheet_free, export_path, &error))
    {
      show_problem (self, NULL, error->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * bk_conversation_dialog_write_letter:
 *
 * Saves the conversation (which closes the form) and opens a letter for
 * the parents with its open agreements.
 *
 * Returns: (transfer none) (nullable): the letter, shown; %NULL when the
 *   conversation could not be saved (the form says why)
 */
BkPlainDialog *
bk_conversation_dialog_write_letter (BkConversationDialog *self)
{
  g_autoptr (BkConversationDialog) keep = g_object_ref (self);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  BkPlainDialog *letter;

  if (!bk_conversation_dialog_save (self))
    return NULL;
  letter = bk_plain_dialog_new_letter (parent, self->store, self->conversation_id);
  gtk_window_present (GTK_WINDOW (letter));
  return letter;
}

static void
letter_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  bk_conversation_dialog_write_letter (BK_CONVERSATION_DIALOG (widget));
}

static void
print_preparation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  bk_conversation_dialog_print_preparation (BK_CONVERSATION_DIALOG (widget), NULL);
}

static void
sheet_response_cb (GtkNativeDialog      *chooser,
                   int                   response,
                   BkConversationDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path != NULL)
        bk_conversation_dialog_write_preparation (self, path);
    }
  g_object_unref (chooser);
}

static void
preparation_sheet_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  BkConversationDialog *self = BK_CONVERSATION_DIALOG (widget);
  GtkFileChooserNative *chooser =
    gtk_file_chooser_native_new (_("Save the Preparation Sheet"), GTK_WINDOW (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: file name of the preparation sheet, "Voorbereiding Zoë de Vries.pdf" */
  g_autofree char *name = g_strdup_printf (_("Preparation %s.pdf"),
                                           adw_window_title_get_subtitle (self->window_title));

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (sheet_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bk_conversation_dialog_save (BK_CONVERSATION_DIALOG (widget));
}

static GtkWidget *
wrapped_label (const char *text,
               const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

/* The preparation beside the form, and the attitude reminders under it. */
static void
fill_preparation (BkConversationDialog *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (BkPreparation) prep = bk_preparation_gather (self->store, self->child_id,
                                                          !bk_current_staff_is_intern (self->store), now, NULL);
  const char * const *attitude = bk_preparation_attitude ();
  GtkWidget *heading;

  self->n_parts = prep != NULL ? prep->parts->len : 0;
  for (guint i = 0; i < self->n_parts; i++)
    {
      BkPreparationPart *part = g_ptr_array_index (prep->parts, i);

      heading = wrapped_label (part->heading, "heading");
      gtk_widget_set_margin_top (heading, i > 0 ? 12 : 0);
      gtk_box_append (self->preparation_box, heading);
      for (guint j = 0; j < part->lines->len; j++)
        gtk_box_append (self->preparation_box, wrapped_label (g_ptr_array_index (part->lines, j), NULL));
    }
  if (self->n_parts == 0)
    gtk_box_append (self->preparation_box,
                    wrapped_label (_("Nothing recorded about this child yet: this conversation is a good start."),
                                   "dim-label"));
  heading = wrapped_label (_("In the Conversation"), "heading");
  gtk_widget_set_margin_top (heading, 18);
  gtk_box_append (self->preparation_box, heading);
  for (guint i = 0; attitude[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("• %s", attitude[i]);
      GtkWidget *label = wrapped_label (line, "dim-label");

      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (self->preparation_box, label);
    }
}

static void
fill_parents (BkConversationDialog *self,
              GArray               *chosen)
{
  g_autoptr (GListStore) parents = bk_parent_load_for_child (self->store, self->child_id, NULL);
  guint n = parents ? g_list_model_get_n_items (G_LIST_MODEL (parents)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkParent) parent = g_list_model_get_item (G_LIST_MODEL (parents), i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 id = bk_parent_get_id (parent);
      gboolean on = chosen == NULL;

      for (guint j = 0; chosen != NULL && j < chosen->len; j++)
        on = on || g_array_index (chosen, gint64, j) == id;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_parent_get_display_name (parent));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bk_parent_get_subtitle (parent));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), on);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->parents_group, row);
      g_array_append_val (self->parent_ids, id);
      g_ptr_array_add (self->parent_checks, check);
    }
  self->interpreter_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->interpreter_row), _("Interpreter (name)"));
  adw_preferences_group_add (self->parents_group, self->interpreter_row);
}

/* A stored moment (UTC) as the form shows it: local day and time. */
static void
split_moment (const char  *iso,
              char       **day,
              char       **time)
{
  g_autoptr (GDateTime) utc = iso ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  *day = local ? g_strdup_printf ("%d-%d-%d", g_date_time_get_day_of_month (local),
                                  g_date_time_get_month (local), g_date_time_get_year (local)) : NULL;
  *time = local ? g_date_time_format (local, "%H:%M") : NULL;
}

static void
fill_form (BkConversationDialog *self,
           BkConversation       *c)
{
  const char * const *kinds = bk_conversation_kinds ();
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  g_autofree char *next = bk_date_format_user (c->next_contact_on);

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_strcmp0 (kinds[i], c->kind) == 0)
      adw_combo_row_set_selected (self->kind_row, i);
  split_moment (c->held_at ? c->held_at : c->planned_at, &day, &time);
  gtk_editable_set_text (GTK_EDITABLE (self->day_row), day ? day : "");
  gtk_editable_set_text (GTK_EDITABLE (self->time_row), time ? time : "");
  gtk_switch_set_active (self->held_switch, g_strcmp0 (c->status, "held") == 0);
  gtk_editable_set_text (GTK_EDITABLE (self->purpose_row), c->purpose ? c->purpose : "");
  gtk_editable_set_text (GTK_EDITABLE (self->opener_row), c->positive_opener ? c->positive_opener : "");
  gtk_editable_set_text (GTK_EDITABLE (self->interpreter_row), c->interpreter ? c->interpreter : "");
  gtk_editable_set_text (GTK_EDITABLE (self->next_contact_row), next ? next : "");
  set_view_text (self->agenda_view, c->agenda);
  set_view_text (self->questions_view, c->questions);
  set_view_text (self->notes_view, c->notes);
  for (guint i = 0; c->agreements != NULL && i < c->agreements->len; i++)
    {
      BkAgreement *a = g_ptr_array_index (c->agreements, i);
      g_autofree char *due = bk_date_format_user (a->due_on);

      if (a->done_on == NULL)
        bk_conversation_dialog_add_agreement (self, a->text, a->owner, due);
    }
}

/* The self-check as the form has it; FALSE when nothing was given. */
static gboolean
read_self_check (BkConversationDialog *self,
                 BkSelfCheckDraft     *check)
{
  int v[6];
  gboolean any = FALSE;

  for (guint i = 0; i < 6; i++)
    {
      v[i] = gtk_spin_button_get_value_as_int (self->scores[i]);
      any = any || v[i] != 0;
    }
  check->genuineness = v[0];
  check->respect = v[1];
  check->listening = v[2];
  check->summarising = v[3];
  check->asking_further = v[4];
  check->transparency = v[5];
  check->reflection = gtk_editable_get_text (GTK_EDITABLE (self->reflection_row));
  return any || *check->reflection != '\0';
}

static void
agreement_row_free (AgreementRow *row)
{
  g_free (row);
}

static void
bk_conversation_dialog_dispose (GObject *object)
{
  BkConversationDialog *self = BK_CONVERSATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_CONVERSATION_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->parent_ids, g_array_unref);
  g_clear_pointer (&self->parent_checks, g_ptr_array_unref);
  g_clear_pointer (&self->agreements, g_ptr_array_unref);
  G_OBJECT_CLASS (bk_conversation_dialog_parent_class)->dispose (object);
}

static void
bk_conversation_dialog_class_init (BkConversationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_conversation_dialog_dispose;

  /**
   * BkConversationDialog::saved:
   * @id: the conversation saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-conversation-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BkConversationDialog, name)
  BIND (window_title);
  BIND (error_label);
  BIND (kind_row);
  BIND (day_row);
  BIND (time_row);
  BIND (held_switch);
  BIND (parents_group);
  BIND (purpose_row);
  BIND (opener_row);
  BIND (agenda_view);
  BIND (questions_view);
  BIND (notes_view);
  BIND (agreements_box);
  BIND (next_contact_row);
  BIND (preparation_box);
  BIND (self_check_group);
  BIND (reflection_row);
  gtk_widget_class_bind_template_child_full (widget_class, "score_0", FALSE, G_STRUCT_OFFSET (BkConversationDialog, scores[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_1", FALSE, G_STRUCT_OFFSET (BkConversationDialog, scores[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_2", FALSE, G_STRUCT_OFFSET (BkConversationDialog, scores[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_3", FALSE, G_STRUCT_OFFSET (BkConversationDialog, scores[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_4", FALSE, G_STRUCT_OFFSET (BkConversationDialog, scores[4]));
  gtk_widget_class_bind_template_child_full (widget_class, "score_5", FALSE, G_STRUCT_OFFSET (BkConversationDialog, scores[5]));
#undef BIND

  gtk_widget_class_install_action (widget_class, "conversation.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "conversation.add-agreement", NULL, add_agreement_action);
  gtk_widget_class_install_action (widget_class, "conversation.add-questions", NULL, add_questions_action);
  gtk_widget_class_install_action (widget_class, "conversation.preparation-sheet", NULL, preparation_sheet_action);
  gtk_widget_class_install_action (widget_class, "conversation.print-preparation", NULL, print_preparation_action);
  gtk_widget_class_install_action (widget_class, "conversation.letter", NULL, letter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "conversation.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_conversation_dialog_init (BkConversationDialog *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->parent_checks = g_ptr_array_new ();
  self->agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) agreement_row_free);
  for (const char * const *k = bk_conversation_kinds (); *k != NULL; k++)
    gtk_string_list_append (kinds, bk_conversation_kind_label (*k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * bk_conversation_dialog_new:
 * @conversation_id: the conversation to change, or 0 for a new one
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
BkConversationDialog *
bk_conversation_dialog_new (GtkWindow *parent,
                            BkStore   *store,
                            gint64     child_id,
                            gint64     conversation_id)
{
  BkConversationDialog *self = g_object_new (BK_TYPE_CONVERSATION_DIALOG, "transient-for", parent, NULL);
  g_autoptr (BkConversation) existing = NULL;
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (BkPreparation) names = NULL;

  self->store = g_object_ref (store);
  self->child_id = child_id;
  self->conversation_id = conversation_id;
  if (conversation_id != 0)
    existing = bk_conversation_load (store, conversation_id, NULL);
  fill_parents (self, existing ? existing->parent_ids : NULL);
  if (existing != NULL)
    fill_form (self, existing);
  else
    {
      g_autofree char *today = g_strdup_printf ("%d-%d-%d", g_date_time_get_day_of_month (now),
                                                g_date_time_get_month (now), g_date_time_get_year (now));
      const char * const *kinds = bk_conversation_kinds ();

      gtk_editable_set_text (GTK_EDITABLE (self->day_row), today);
      for (guint i = 0; kinds[i] != NULL; i++)
        if (g_str_equal (kinds[i], "informal"))
          adw_combo_row_set_selected (self->kind_row, i);
    }
  fill_preparation (self);
  names = bk_preparation_gather (store, child_id, FALSE, now, NULL);
  adw_window_title_set_title (self->window_title,
                              existing ? _("Parent Conversation") : _("New Parent Conversation"));
  adw_window_title_set_subtitle (self->window_title, names ? names->child_name : "");
  return self;
}

/* For tests: the refusal above the form, or NULL. */
const char *
bk_conversation_dialog_get_problem (BkConversationDialog *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_text (self->error_label) : NULL;
}

guint
bk_conversation_dialog_get_n_preparation_parts (BkConversationDialog *self)
{
  return self->n_parts;
}
