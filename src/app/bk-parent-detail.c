/* bk-parent-detail.c
 * One parent: log a contact in two clicks, their details, what happened before.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Logging is kind first (what happened), then tone (how it went): the tone
 * click saves, dated now, with the kind's usual direction, form and depth.
 * A teacher at the door at 18:00 has no time for a form.
 */
#define G_LOG_DOMAIN "bk-parent-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-clock.h"
#include "bk-contact.h"
#include "bk-current-staff.h"
#include "bk-date.h"
#include "bk-observation.h"
#include "bk-parent-dialog.h"
#include "bk-start-info.h"
#include "bk-parent-detail.h"
#include "bk-validate.h"

#define HISTORY_LIMIT 50

/* In the order of the drop-downs in the .ui. */
static const char * const directions[] = { "to-parent", "from-parent", "two-way" };
static const char * const forms[] = { "parenting", "communicating", "volunteering",
                                      "learning-at-home", "decision-making", "community" };

static guint
index_in (const char * const *ids,
          guint               n,
          const char         *id)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

struct _BkParentDetail
{
  AdwBin        parent_instance;

  BkStore      *store;
  BkParent     *parent;
  char         *kind;           /* chosen, waiting for a tone; NULL if none */
  gboolean      show_back;

  GtkStack     *stack;
  GtkLabel     *name_label;
  GtkLabel     *relation_label;
  GtkRevealer  *tone_revealer;
  GtkLabel     *tone_question;
  GtkEntry     *note_entry;
  GtkLabel     *log_error;
  AdwActionRow *phone_row;
  AdwActionRow *email_row;
  AdwActionRow *channel_row;
  AdwActionRow *dutch_row;
  AdwActionRow *availability_row;
  AdwActionRow *address_row;
  AdwPreferencesGroup *history_group;
  GtkListBox   *contacts_list;
  GtkRevealer  *observation_revealer;
  GtkDropDown  *type_dropdown;
  GtkLabel     *advice_label;
  GtkEntry     *behaviour_entry;
  GtkEntry     *observed_entry;
  GtkLabel     *observation_error;
  GtkListBox   *observations_list;
  GtkCheckButton *history_check;
  AdwPreferencesGroup *observations_group;
  AdwPreferencesGroup *start_group;
  AdwActionRow *start_row;
  GtkExpander  *details_expander;
  GtkEntry     *moment_entry;
  GtkDropDown  *direction_dropdown;
  GtkDropDown  *form_dropdown;
  GtkDropDown  *depth_dropdown;
  GtkBox       *others_box;

  GListStore   *observations;
  gint64        replaces_id;    /* the observation being revised; 0: a new one */
};

G_DEFINE_FINAL_TYPE (BkParentDetail, bk_parent_detail, ADW_TYPE_BIN)

enum { PROP_0, PROP_SHOW_BACK, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { LOGGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The value is the row's title, what it is the subtitle (set in the .ui):
 * the number is what the eye looks for. Rows without a value hide. */
static void
show_value (AdwActionRow *row,
            const char   *value)
{
  gboolean present = value != NULL && *value != '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), present ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), present);
}

static GtkWidget *
create_contact_row (gpointer item,
                    gpointer user_data)
{
  BkContact *contact = item;
  const char *note = bk_contact_get_note (contact);
  const char *tone = bk_contact_get_tone (contact);
  g_autofree char *subtitle = note ? g_strdup_printf ("%s\n%s", bk_contact_get_subtitle (contact), note)
                                   : g_strdup (bk_contact_get_subtitle (contact));
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_contact_get_title (contact));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (g_strcmp0 (tone, "positive") == 0 || g_strcmp0 (tone, "concern") == 0)
    gtk_widget_add_css_class (row, g_str_equal (tone, "positive") ? "tone-positive" : "tone-concern");
  return row;
}

static void
load_history (BkParentDetail *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) contacts = NULL;
  guint n;

  if (self->parent == NULL)
    return;
  contacts = bk_contact_load_for_parent (self->store, bk_parent_get_id (self->parent),
                                         HISTORY_LIMIT, &error);
  if (contacts == NULL)
    {
      g_warning ("Could not load contacts: %s", error->message);
      return;
    }
  gtk_list_box_bind_model (self->contacts_list, G_LIST_MODEL (contacts),
                           create_contact_row, NULL, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (contacts));
  adw_preferences_group_set_description (self->history_group,
                                         n == 0 ? _("Nothing logged yet.")
                                         : n == HISTORY_LIMIT ? _("The 50 most recent, newest first.")
                                         : _("Newest first."));
  gtk_widget_set_visible (GTK_WIDGET (self->contacts_list), n > 0);
}

static void
close_quick_log (BkParentDetail *self)
{
  g_clear_pointer (&self->kind, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->moment_entry), "");
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->others_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    gtk_check_button_set_active (GTK_CHECK_BUTTON (c), FALSE);
  gtk_expander_set_expanded (self->details_expander, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->log_error), FALSE);
  gtk_revealer_set_reveal_child (self->tone_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parent.log-contact", FALSE);
}

static void
choose_kind_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  BkParentDetail *self = BK_PARENT_DETAIL (widget);
  const char *kind = g_variant_get_string (param, NULL);
  g_autofree char *question = NULL;

  if (bk_contact_kind_find (kind) == NULL || self->parent == NULL)
    return;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  /* Translators: "Phone call with Sandra de Vries: how did it go?" */
  question = g_strdup_printf (_("%s with %s: how did it go?"), bk_contact_kind_label (kind),
                              bk_parent_get_display_name (self->parent));
  gtk_label_set_text (self->tone_question, question);
  gtk_widget_set_visible (GTK_WIDGET (self->log_error), FALSE);
  {
    const BkContactKind *k = bk_contact_kind_find (kind);
    gtk_drop_down_set_selected (self->direction_dropdown,
                                index_in (directions, G_N_ELEMENTS (directions), k->direction));
    gtk_drop_down_set_selected (self->form_dropdown, index_in (forms, G_N_ELEMENTS (forms), k->form));
    gtk_drop_down_set_selected (self->depth_dropdown, (guint) k->depth - 1);
  }
  gtk_revealer_set_reveal_child (self->tone_revealer, TRUE);
  gtk_widget_action_set_enabled (widget, "parent.log-contact", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

/**
 * bk_parent_detail_log:
 * @tone: "positive", "neutral" or "concern"
 *
 * Logs the chosen kind of contact with this parent, now. A refusal is shown
 * under the buttons and nothing is written.
 *
 * Returns: %TRUE when logged
 */
gboolean
bk_parent_detail_log (BkParentDetail *self,
                      const char     *tone)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (BkContactDraft) draft = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *kind = NULL;

  g_return_val_if_fail (BK_IS_PARENT_DETAIL (self), FALSE);
  if (self->parent == NULL || self->kind == NULL)
    return FALSE;

  {
    const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->moment_entry));
    g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
    g_autoptr (GDateTime) when = *typed ? bk_date_parse_moment (typed, zone) : g_date_time_ref (now);

    if (when == NULL)
      {
        g_autofree char *message =
          g_strdup_printf (_("“%s” is not a date and time. Type day-month-year and a time, "
                             "like 22-11-2026 18:05, or leave it empty for now."), typed);
        gtk_label_set_text (self->log_error, message);
        gtk_widget_set_visible (GTK_WIDGET (self->log_error), TRUE);
        gtk_expander_set_expanded (self->details_expander, TRUE);
        return FALSE;
      }
    draft = bk_contact_draft_new (when, self->kind, bk_parent_get_id (self->parent));
  }
  draft->child_id = bk_parent_get_first_child_id (self->parent);
  draft->staff_id = bk_current_staff_id (self->store);
  draft->tone = tone;
  draft->direction = directions[MIN (gtk_drop_down_get_selected (self->direction_dropdown),
                                     G_N_ELEMENTS (directions) - 1)];
  draft->form = forms[MIN (gtk_drop_down_get_selected (self->form_dropdown), G_N_ELEMENTS (forms) - 1)];
  draft->depth = (int) gtk_drop_down_get_selected (self->depth_dropdown) + 1;
  for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (self->others_box)); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (c)))
      {
        gint64 other = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (c), "parent-id"));
        g_array_append_val (draft->parent_ids, other);
      }
  draft->note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_entry)));
  if (!bk_contact_save (self->store, draft, now, NULL, &error))
    {
      gtk_label_set_text (self->log_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->log_error), TRUE);
      return FALSE;
    }

  kind = g_steal_pointer (&self->kind);
  close_quick_log (self);
  load_history (self);
  g_signal_emit (self, signals[LOGGED], 0, bk_contact_kind_label (kind),
                 bk_parent_get_display_name (self->parent));
  return TRUE;
}

static void
log_contact_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  bk_parent_detail_log (BK_PARENT_DETAIL (widget), g_variant_get_string (param, NULL));
}

/* Observations ------------------------------------------------------------ */

static const char *
selected_type (BkParentDetail *self)
{
  guint pos = gtk_drop_down_get_selected (self->type_dropdown);
  const char * const *types = bk_observation_types ();

  return pos < g_strv_length ((char **) types) ? types[pos] : NULL;
}

static void
type_selected_cb (BkParentDetail *self)
{
  const char *advice = bk_observation_type_advice (selected_type (self));
  g_autofree char *text = advice ? g_strdup_printf (_("What helps: %s"), advice) : NULL;

  gtk_label_set_text (self->advice_label, text ? text : "");
}

static GtkWidget *
create_observation_row (gpointer item,
                        gpointer user_data)
{
  BkObservation *o = item;
  const char *type = bk_observation_get_type_name (o);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", bk_observation_get_behaviour (o),
                                               bk_observation_get_subtitle (o));
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *advice = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_observation_type_label (type));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  if (!bk_observation_is_current (o) || bk_observation_is_old (o))
    gtk_widget_add_css_class (row, "dim-label");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (advice), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (advice), _("What helps"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (advice), bk_observation_type_advice (type));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (advice), 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), advice);

  if (bk_observation_is_current (o))
    {
      const struct { const char *label; const char *action; } buttons[] = {
        { N_("_Revise…"), "parent.revise-observation" },
        { N_("Re_tract…"), "parent.retract-observation" },
      };
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_widget_set_halign (box, GTK_ALIGN_END);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_end (box, 12);
      for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_(buttons[i].label));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), buttons[i].action);
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", bk_observation_get_id (o));
          gtk_box_append (GTK_BOX (box), button);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);
    }
  return row;
}

static void
load_observations (BkParentDetail *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  gboolean history = gtk_check_button_get_active (self->history_check);

  if (self->parent == NULL)
    return;
  g_clear_object (&self->observations);
  self->observations = bk_observation_load_for_parent (self->store, bk_parent_get_id (self->parent),
                                                       now, history, &error);
  if (self->observations == NULL)
    {
      g_warning ("Could not load observations: %s", error->message);
      self->observations = g_list_store_new (BK_TYPE_OBSERVATION);
    }
  gtk_list_box_bind_model (self->observations_list, G_LIST_MODEL (self->observations),
                           create_observation_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->observations_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->observations)) > 0);
}

static void
history_toggled_cb (BkParentDetail *self)
{
  load_observations (self);
}

static void
open_observation_form (BkParentDetail *self,
                       BkObservation  *revising)
{
  const char * const *types = bk_observation_types ();
  guint type_pos = 0;

  self->replaces_id = revising ? bk_observation_get_id (revising) : 0;
  for (guint i = 0; revising && types[i] != NULL; i++)
    if (g_str_equal (types[i], bk_observation_get_type_name (revising)))
      type_pos = i;
  gtk_drop_down_set_selected (self->type_dropdown, type_pos);
  type_selected_cb (self);
  gtk_editable_set_text (GTK_EDITABLE (self->behaviour_entry),
                         revising ? bk_observation_get_behaviour (revising) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->observed_entry), "");
  gtk_widget_set_visible (GTK_WIDGET (self->observation_error), FALSE);
  gtk_revealer_set_reveal_child (self->observation_revealer, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->behaviour_entry));
}

static void
add_observation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  open_observation_form (BK_PARENT_DETAIL (widget), NULL);
}

static void
cancel_observation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  gtk_revealer_set_reveal_child (BK_PARENT_DETAIL (widget)->observation_revealer, FALSE);
}

static BkObservation *
find_observation (BkParentDetail *self,
                  gint64          id)
{
  guint n = self->observations ? g_list_model_get_n_items (G_LIST_MODEL (self->observations)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkObservation) o = g_list_model_get_item (G_LIST_MODEL (self->observations), i);
      if (bk_observation_get_id (o) == id)
        return o;
    }
  return NULL;
}

static void
revise_observation_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  BkParentDetail *self = BK_PARENT_DETAIL (widget);
  BkObservation *o = find_observation (self, g_variant_get_int64 (param));

  if (o != NULL)
    open_observation_form (self, o);
}

/**
 * bk_parent_detail_save_observation:
 *
 * Saves the observation form (a new one, or a revision). A refusal shows
 * under the form and writes nothing.
 *
 * Returns: %TRUE when saved
 */
gboolean
bk_parent_detail_save_observation (BkParentDetail *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (BkObservationDraft) draft = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BK_IS_PARENT_DETAIL (self), FALSE);
  if (self->parent == NULL)
    return FALSE;

  draft = bk_observation_draft_new (bk_parent_get_id (self->parent), selected_type (self));
  draft->behaviour = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->behaviour_entry)));
  draft->observed_on = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->observed_entry)));
  draft->replaces_id = self->replaces_id;
  draft->staff_id = bk_current_staff_id (self->store);
  if (!bk_observation_save (self->store, draft, now, NULL, &error))
    {
      gtk_label_set_text (self->observation_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->observation_error), TRUE);
      return FALSE;
    }
  gtk_revealer_set_reveal_child (self->observation_revealer, FALSE);
  self->replaces_id = 0;
  load_observations (self);
  return TRUE;
}

static void
save_observation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  bk_parent_detail_save_observation (BK_PARENT_DETAIL (widget));
}

typedef struct
{
  BkParentDetail *self;
  gint64          id;
  GtkEditable    *reason;
} Retraction;

static void
retraction_free (gpointer data)
{
  Retraction *r = data;

  g_object_unref (r->self);
  g_free (r);
}

static void
reason_changed_cb (GtkEditable      *reason,
                   AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "retract",
                                           !bk_form_is_blank (gtk_editable_get_text (reason)));
}

static void
retract_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     Retraction       *r)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "retract"))
    return;
  if (!bk_observation_retract (r->self->store, r->id, gtk_editable_get_text (r->reason), now, &error))
    g_warning ("Could not retract: %s", error->message);
  load_observations (r->self);
}

static void
retract_observation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  BkParentDetail *self = BK_PARENT_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;
  Retraction *r = g_new0 (Retraction, 1);
  GtkWidget *reason = gtk_entry_new ();

  r->self = g_object_ref (self);
  r->id = g_variant_get_int64 (param);
  r->reason = GTK_EDITABLE (reason);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Retract This Observation?"),
                                                       _("It disappears from the parent’s page, but stays "
                                                         "in the history with your reason.")));
  gtk_entry_set_placeholder_text (GTK_ENTRY (reason), _("Why do you take it back?"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reason), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reason for retracting"), -1);
  adw_message_dialog_set_extra_child (dialog, reason);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "retract", _("_Retract"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "retract", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_enabled (dialog, "retract", FALSE);
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (reason, "changed", G_CALLBACK (reason_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (retract_response_cb), r,
                         (GClosureNotify) (void (*) (void)) retraction_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The family's start information for the child's cycle now, if any. */
static void
load_start_info (BkParentDetail *self)
{
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (BkStartInfo) info = bk_start_info_for_parent (self->store, bk_parent_get_id (self->parent), NULL);
  g_autofree char *text = info ? bk_start_info_describe (info, now) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->start_group), info != NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row), text ? text : "");
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  BkParentDetail *self = BK_PARENT_DETAIL (widget);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStartInfo) info = NULL;
  gboolean ok;

  if (self->parent == NULL)
    return;
  info = bk_start_info_for_parent (self->store, bk_parent_get_id (self->parent), NULL);
  if (info == NULL)
    return;
  if (g_str_equal (action_name, "parent.start-sent"))
    ok = bk_start_info_mark_sent (self->store, info->family_id, info->cycle_id, now, &error);
  else
    ok = bk_start_info_mark_confirmed (self->store, info->family_id, info->cycle_id, now, &error);
  if (!ok)
    g_warning ("Could not save the start information: %s", error->message);
  load_start_info (self);
}

/* "Also with ..." for the other parents of the same child. */
static void
load_other_parents (BkParentDetail *self)
{
  g_autoptr (GListStore) parents = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->others_box))) != NULL)
    gtk_box_remove (self->others_box, child);
  parents = bk_parent_load_for_child (self->store, bk_parent_get_first_child_id (self->parent), NULL);
  for (guint i = 0; parents != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (parents)); i++)
    {
      g_autoptr (BkParent) other = g_list_model_get_item (G_LIST_MODEL (parents), i);
      g_autofree char *label = NULL;
      GtkWidget *check;

      if (bk_parent_get_id (other) == bk_parent_get_id (self->parent))
        continue;
      /* Translators: a check box in the contact details: "Also with Mark Bakker" */
      label = g_strdup_printf (_("Also with %s"), bk_parent_get_display_name (other));
      check = gtk_check_button_new_with_label (label);
      g_object_set_data (G_OBJECT (check), "parent-id", GSIZE_TO_POINTER ((gsize) bk_parent_get_id (other)));
      gtk_box_append (self->others_box, check);
    }
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  BkParentDetail *self = BK_PARENT_DETAIL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr (BkChild) child = NULL;
  BkParentDialog *dialog;

  if (self->parent == NULL)
    return;
  child = bk_child_load (self->store, bk_parent_get_first_child_id (self->parent), NULL);
  dialog = bk_parent_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store,
                                 self->parent, child ? bk_child_get_id (child) : 0,
                                 child ? bk_child_get_display_name (child) : "");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bk_parent_detail_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_SHOW_BACK:
      g_value_set_boolean (value, BK_PARENT_DETAIL (object)->show_back);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_parent_detail_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BkParentDetail *self = BK_PARENT_DETAIL (object);

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

static void
bk_parent_detail_dispose (GObject *object)
{
  BkParentDetail *self = BK_PARENT_DETAIL (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PARENT_DETAIL);
  g_clear_object (&self->store);
  g_clear_object (&self->parent);
  g_clear_object (&self->observations);
  g_clear_pointer (&self->kind, g_free);

  G_OBJECT_CLASS (bk_parent_detail_parent_class)->dispose (object);
}

static void
bk_parent_detail_class_init (BkParentDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bk_parent_detail_get_property;
  object_class->set_property = bk_parent_detail_set_property;
  object_class->dispose = bk_parent_detail_dispose;

  properties[PROP_SHOW_BACK] =
    g_param_spec_boolean ("show-back", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BkParentDetail::logged:
   * @what: the kind of contact, as shown ("Phone call")
   * @who: the parent's name
   */
  signals[LOGGED] = g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-parent-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, relation_label);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, tone_revealer);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, tone_question);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, note_entry);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, log_error);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, phone_row);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, email_row);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, channel_row);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, dutch_row);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, availability_row);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, address_row);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, history_group);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, contacts_list);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, observation_revealer);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, advice_label);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, behaviour_entry);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, observed_entry);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, observation_error);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, observations_list);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, history_check);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, observations_group);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, start_group);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, start_row);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, details_expander);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, moment_entry);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, direction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, form_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, depth_dropdown);
  gtk_widget_class_bind_template_child (widget_class, BkParentDetail, others_box);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, history_toggled_cb);

  gtk_widget_class_install_action (widget_class, "parent.choose-kind", "s", choose_kind_action);
  gtk_widget_class_install_action (widget_class, "parent.log-contact", "s", log_contact_action);
  gtk_widget_class_install_action (widget_class, "parent.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "parent.start-sent", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "parent.start-confirmed", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "parent.add-observation", NULL, add_observation_action);
  gtk_widget_class_install_action (widget_class, "parent.cancel-observation", NULL, cancel_observation_action);
  gtk_widget_class_install_action (widget_class, "parent.save-observation", NULL, save_observation_action);
  gtk_widget_class_install_action (widget_class, "parent.revise-observation", "x", revise_observation_action);
  gtk_widget_class_install_action (widget_class, "parent.retract-observation", "x", retract_observation_action);
}

static void
bk_parent_detail_init (BkParentDetail *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const char * const *types = bk_observation_types ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parent.log-contact", FALSE);
  for (guint i = 0; types[i] != NULL; i++)
    gtk_string_list_append (labels, bk_observation_type_label (types[i]));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (labels));
  type_selected_cb (self);
}

void
bk_parent_detail_set_store (BkParentDetail *self,
                            BkStore        *store)
{
  g_return_if_fail (BK_IS_PARENT_DETAIL (self));
  g_set_object (&self->store, store);
}

/**
 * bk_parent_detail_show:
 * @parent: (nullable): the parent to show; %NULL shows "choose a parent"
 */
void
bk_parent_detail_show (BkParentDetail *self,
                       BkParent       *parent)
{
  g_autofree char *phone = NULL;

  g_return_if_fail (BK_IS_PARENT_DETAIL (self));

  close_quick_log (self);
  gtk_revealer_set_reveal_child (self->observation_revealer, FALSE);
  g_set_object (&self->parent, parent);
  if (parent == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  gtk_label_set_text (self->name_label, bk_parent_get_display_name (parent));
  gtk_label_set_text (self->relation_label, bk_parent_get_subtitle (parent));
  phone = bk_format_phone (bk_parent_get_phone (parent));
  show_value (self->phone_row, phone);
  show_value (self->email_row, bk_parent_get_email (parent));
  show_value (self->channel_row, bk_parent_channel_label (bk_parent_get_channel (parent)));
  show_value (self->dutch_row, bk_parent_dutch_level_label (bk_parent_get_dutch_level (parent)));
  show_value (self->availability_row, bk_parent_get_availability (parent));
  show_value (self->address_row, bk_parent_get_address (parent));
  load_history (self);
  load_start_info (self);
  load_other_parents (self);
  /* Observations are internal working notes of the staff, not for interns:
   * hidden, and their actions off, so no shortcut reaches them either. */
  {
    gboolean intern = bk_current_staff_is_intern (self->store);
    const char *actions[] = { "parent.add-observation", "parent.save-observation",
                              "parent.revise-observation", "parent.retract-observation" };

    gtk_widget_set_visible (GTK_WIDGET (self->observations_group), !intern);
    for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !intern);
  }
  if (gtk_widget_get_visible (GTK_WIDGET (self->observations_group)))
    load_observations (self);
  gtk_stack_set_visible_child_name (self->stack, "parent");
}

BkParent *
bk_parent_detail_get_parent (BkParentDetail *self)
{
  g_return_val_if_fail (BK_IS_PARENT_DETAIL (self), NULL);
  return self->parent;
}
