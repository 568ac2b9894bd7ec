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
#include "bk-parent-detail.h"
#include "bk-validate.h"

#define HISTORY_LIMIT 50

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

  draft = bk_contact_draft_new (now, self->kind, bk_parent_get_id (self->parent));
  draft->child_id = bk_parent_get_first_child_id (self->parent);
  draft->tone = tone;
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

  gtk_widget_class_install_action (widget_class, "parent.choose-kind", "s", choose_kind_action);
  gtk_widget_class_install_action (widget_class, "parent.log-contact", "s", log_contact_action);
}

static void
bk_parent_detail_init (BkParentDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "parent.log-contact", FALSE);
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
  gtk_stack_set_visible_child_name (self->stack, "parent");
}

BkParent *
bk_parent_detail_get_parent (BkParentDetail *self)
{
  g_return_val_if_fail (BK_IS_PARENT_DETAIL (self), NULL);
  return self->parent;
}
