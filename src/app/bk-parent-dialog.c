/* bk-parent-dialog.c
 * Add a parent to a child, or change a parent's details.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new parent is always added from a child, so no parent is without one.
 * Editing keeps the parent's links to other children (siblings) and changes
 * only the relation to the child the dialog is about.
 */
#define G_LOG_DOMAIN "bk-parent-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bk-clock.h"
#include "bk-field-errors.h"
#include "bk-parent-dialog.h"

struct _BkParentDialog
{
  AdwWindow       parent_instance;

  BkStore        *store;
  GSettings      *settings;
  gint64          parent_id;    /* 0: a new parent */
  gint64          child_id;     /* the child the relation is about */
  GArray         *links;        /* the parent's other links, kept as they are */

  AdwWindowTitle *window_title;
  AdwComboRow    *relation_row;
  AdwEntryRow    *given_name_row;
  AdwActionRow   *given_name_error;
  AdwEntryRow    *family_name_row;
  AdwActionRow   *family_name_error;
  AdwEntryRow    *phone_row;
  AdwActionRow   *phone_error;
  AdwEntryRow    *email_row;
  AdwActionRow   *email_error;
  AdwComboRow    *channel_row;
  AdwActionRow   *channel_error;
  AdwEntryRow    *address_row;
  AdwActionRow   *address_error;
  AdwComboRow    *dutch_row;
  AdwEntryRow    *language_row;
  AdwActionRow   *language_error;
  AdwEntryRow    *availability_row;
  AdwActionRow   *availability_error;
  GtkLabel       *children_error;
  AdwPreferencesGroup *siblings_group;
  GtkListBox     *siblings_list;
};

G_DEFINE_FINAL_TYPE (BkParentDialog, bk_parent_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* In the order of the combo rows in the .ui; NULL is "no preference". */
static const char * const channel_ids[] = { NULL, "phone", "email", "whatsapp", "letter", "in-person" };
static const char * const dutch_ids[] = { NULL, "fluent", "basic", "little", "none" };

static guint
index_of (const char * const *ids,
          guint               n,
          const char         *id)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      return i;
  return 0;
}

static guint
field_widgets (BkParentDialog *self,
               BkFieldWidgets *fields)
{
  const BkFieldWidgets table[] = {
    { "given-name", GTK_WIDGET (self->given_name_row), GTK_WIDGET (self->given_name_error) },
    { "family-name", GTK_WIDGET (self->family_name_row), GTK_WIDGET (self->family_name_error) },
    { "phone", GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_error) },
    { "email", GTK_WIDGET (self->email_row), GTK_WIDGET (self->email_error) },
    { "channel", GTK_WIDGET (self->channel_row), GTK_WIDGET (self->channel_error) },
    { "address", GTK_WIDGET (self->address_row), GTK_WIDGET (self->address_error) },
    { "language", GTK_WIDGET (self->language_row), GTK_WIDGET (self->language_error) },
    { "availability", GTK_WIDGET (self->availability_row), GTK_WIDGET (self->availability_error) },
    { "children", GTK_WIDGET (self->relation_row), GTK_WIDGET (self->children_error) },
  };

  memcpy (fields, table, sizeof table);
  return G_N_ELEMENTS (table);
}

static BkCountry
country (BkParentDialog *self)
{
  g_autofree char *code = g_settings_get_string (self->settings, "phone-country");
  return g_str_equal (code, "be") ? BK_COUNTRY_BE : BK_COUNTRY_NL;
}

static char *
text_of (AdwEntryRow *row)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

static BkParentDraft *
read_form (BkParentDialog *self)
{
  BkParentDraft *draft = bk_parent_draft_new ();
  const char * const *relations = bk_parent_relations ();
  guint relation = adw_combo_row_get_selected (self->relation_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);
  guint dutch = adw_combo_row_get_selected (self->dutch_row);

  draft->id = self->parent_id;
  draft->given_name = text_of (self->given_name_row);
  draft->family_name = text_of (self->family_name_row);
  draft->phone = text_of (self->phone_row);
  draft->email = text_of (self->email_row);
  draft->address = text_of (self->address_row);
  draft->language = text_of (self->language_row);
  draft->availability = text_of (self->availability_row);
  draft->preferred_channel = g_strdup (channel < G_N_ELEMENTS (channel_ids) ? channel_ids[channel] : NULL);
  draft->dutch_level = g_strdup (dutch < G_N_ELEMENTS (dutch_ids) ? dutch_ids[dutch] : NULL);

  /* This child first, with the chosen relation; the other links as they were. */
  if (self->child_id != 0)
    bk_parent_draft_link (draft, self->child_id,
                          relation < g_strv_length ((char **) relations) ? relations[relation] : "other");
  for (guint i = 0; self->links != NULL && i < self->links->len; i++)
    {
      BkParentLink *link = &g_array_index (self->links, BkParentLink, i);
      if (link->child_id != self->child_id)
        bk_parent_draft_link (draft, link->child_id, link->relation);
    }
  return draft;
}

/**
 * bk_parent_dialog_save:
 *
 * Checks and saves the form. Refusals appear under their fields and
 * nothing is written; on success the dialog emits ::saved and closes.
 *
 * Returns: %TRUE when saved
 */
gboolean
bk_parent_dialog_save (BkParentDialog *self)
{
  g_autoptr (BkParentDraft) draft = read_form (self);
  g_autoptr (GPtrArray) problems = bk_parent_draft_validate (draft, country (self));
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  BkFieldWidgets fields[9];
  guint n_fields = field_widgets (self, fields);
  gint64 id = 0;

  bk_field_errors_show (fields, n_fields, problems);
  if (problems->len > 0)
    return FALSE;
  if (!bk_parent_save (self->store, draft, country (self), now, &id, &error))
    {
      g_autoptr (GPtrArray) failure = bk_form_errors_new ();
      bk_form_refuse (failure, "children", g_strdup (error->message));
      bk_field_errors_show (fields, n_fields, failure);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bk_parent_dialog_save (BK_PARENT_DIALOG (widget));
}

/**
 * bk_parent_dialog_link:
 * @parent_id: a parent already known through a brother or sister
 *
 * Links that parent to this child with the chosen relation, instead of
 * adding a second record of the same person.
 */
gboolean
bk_parent_dialog_link (BkParentDialog *self,
                       gint64          parent_id)
{
  const char * const *relations = bk_parent_relations ();
  guint relation = adw_combo_row_get_selected (self->relation_row);
  g_autoptr (GError) error = NULL;

  if (!bk_parent_link_child (self->store, parent_id, self->child_id,
                             relation < g_strv_length ((char **) relations) ? relations[relation] : "other",
                             &error))
    {
      gtk_label_set_text (self->children_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->children_error), TRUE);
      return FALSE;
    }
  g_signal_emit (self, signals[SAVED], 0, parent_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bk_parent_dialog_link (BK_PARENT_DIALOG (widget), g_variant_get_int64 (param));
}

static GtkWidget *
create_sibling_row (gpointer item,
                    gpointer user_data)
{
  BkParent *parent = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Same Parent"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_parent_get_display_name (parent));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), bk_parent_get_subtitle (parent));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "dialog.link");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", bk_parent_get_id (parent));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
bk_parent_dialog_dispose (GObject *object)
{
  BkParentDialog *self = BK_PARENT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PARENT_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->links, g_array_unref);
  G_OBJECT_CLASS (bk_parent_dialog_parent_class)->dispose (object);
}

static void
bk_parent_dialog_class_init (BkParentDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_parent_dialog_dispose;

  /**
   * BkParentDialog::saved:
   * @id: the parent that was saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-parent-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, BkParentDialog, name)
  BIND (window_title);
  BIND (relation_row);
  BIND (given_name_row);
  BIND (given_name_error);
  BIND (family_name_row);
  BIND (family_name_error);
  BIND (phone_row);
  BIND (phone_error);
  BIND (email_row);
  BIND (email_error);
  BIND (channel_row);
  BIND (channel_error);
  BIND (address_row);
  BIND (address_error);
  BIND (dutch_row);
  BIND (language_row);
  BIND (language_error);
  BIND (availability_row);
  BIND (availability_error);
  BIND (children_error);
  BIND (siblings_group);
  BIND (siblings_list);
#undef BIND

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.link", "x", link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_parent_dialog_init (BkParentDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (BASE_ID);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

/**
 * bk_parent_dialog_new:
 * @parent_window: the window it belongs to
 * @parent: (nullable): the parent to change, or %NULL for a new one
 * @child_id: the child the (new) parent belongs to
 * @child_name: that child's name, for the title and the relation
 */
BkParentDialog *
bk_parent_dialog_new (GtkWindow  *parent_window,
                      BkStore    *store,
                      BkParent   *parent,
                      gint64      child_id,
                      const char *child_name)
{
  BkParentDialog *self = g_object_new (BK_TYPE_PARENT_DIALOG, "transient-for", parent_window, NULL);
  g_autofree char *relation_title = g_strdup_printf (_("Relation to %s"), child_name);
  const char * const *relations = bk_parent_relations ();

  self->store = g_object_ref (store);
  self->child_id = child_id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->relation_row), relation_title);
  adw_window_title_set_subtitle (self->window_title, child_name);

  /* The row itself can take the focus too; grabbing it this way gives the
   * focus to its text, so typing goes into the first name. */
  gtk_widget_grab_focus (GTK_WIDGET (self->given_name_row));

  if (parent == NULL)
    {
      g_autoptr (GListStore) siblings = bk_parent_load_sibling_parents (store, child_id, NULL);

      adw_window_title_set_title (self->window_title, _("New Parent"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Parent"));
      if (siblings != NULL && g_list_model_get_n_items (G_LIST_MODEL (siblings)) > 0)
        {
          gtk_list_box_bind_model (self->siblings_list, G_LIST_MODEL (siblings),
                                   create_sibling_row, NULL, NULL);
          gtk_widget_set_visible (GTK_WIDGET (self->siblings_group), TRUE);
        }
      return self;
    }

  adw_window_title_set_title (self->window_title, bk_parent_get_display_name (parent));
  gtk_window_set_title (GTK_WINDOW (self), bk_parent_get_display_name (parent));
  self->parent_id = bk_parent_get_id (parent);
  self->links = bk_parent_load_links (store, self->parent_id, NULL);
  for (guint i = 0; self->links != NULL && i < self->links->len; i++)
    {
      BkParentLink *link = &g_array_index (self->links, BkParentLink, i);
      if (link->child_id == child_id)
        adw_combo_row_set_selected (self->relation_row,
                                    index_of (relations, g_strv_length ((char **) relations), link->relation));
    }
  set_entry (self->given_name_row, bk_parent_get_given_name (parent));
  set_entry (self->family_name_row, bk_parent_get_family_name (parent));
  {
    g_autofree char *phone = bk_format_phone (bk_parent_get_phone (parent));
    set_entry (self->phone_row, phone);
  }
  set_entry (self->email_row, bk_parent_get_email (parent));
  set_entry (self->address_row, bk_parent_get_address (parent));
  set_entry (self->language_row, bk_parent_get_language (parent));
  set_entry (self->availability_row, bk_parent_get_availability (parent));
  adw_combo_row_set_selected (self->channel_row,
                              index_of (channel_ids, G_N_ELEMENTS (channel_ids), bk_parent_get_channel (parent)));
  adw_combo_row_set_selected (self->dutch_row,
                              index_of (dutch_ids, G_N_ELEMENTS (dutch_ids), bk_parent_get_dutch_level (parent)));
  return self;
}
