/* bk-preferences-window.c
 * The preferences: a few settings, each bound to its GSettings key.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bk-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-lookup.h"
#include "bk-preferences-window.h"
#include "bk-reminders.h"
#include "bk-window.h"

struct _BkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  GSettings            *settings;
  GtkSpinButton        *not_reached_spin;
  GtkSpinButton        *session_count_spin;
  GtkSpinButton        *retention_spin;
  AdwComboRow          *country_row;
  AdwComboRow          *staff_row;
  GtkSwitch            *notifications_switch;
  GtkSwitch            *background_switch;
  GtkSwitch            *autostart_switch;
  AdwPreferencesGroup  *rules_group;
  GtkSpinButton        *after_care_spin;
  GtkSpinButton        *summary_spin;
};

G_DEFINE_FINAL_TYPE (BkPreferencesWindow, bk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row's position and the key's value: 0 is "nl", 1 is "be". */
static gboolean
country_get_mapping (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "be") ? 1 : 0);
  return TRUE;
}

static GVariant *
country_set_mapping (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "be" : "nl");
}

static void
bk_preferences_window_dispose (GObject *object)
{
  BkPreferencesWindow *self = BK_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bk_preferences_window_parent_class)->dispose (object);
}

static void
staff_selected_cb (BkPreferencesWindow *self)
{
  BkLookup *staff = adw_combo_row_get_selected_item (self->staff_row);

  if (staff != NULL)
    g_settings_set_int64 (self->settings, "staff-id", bk_lookup_get_id (staff));
}

/* The staff of the open database to choose from, the current one selected. */
static void
load_staff (BkPreferencesWindow *self,
            BkStore             *store)
{
  g_autoptr (GListStore) staff = bk_lookup_staff (store, NULL);

  if (staff == NULL)
    return;
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (staff));
  adw_combo_row_set_selected (self->staff_row,
                              bk_lookup_find (G_LIST_MODEL (staff),
                                              g_settings_get_int64 (self->settings, "staff-id")));
  g_signal_connect_swapped (self->staff_row, "notify::selected", G_CALLBACK (staff_selected_cb), self);
}

static void
bk_preferences_window_class_init (BkPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_preferences_window_dispose;

  g_type_ensure (BK_TYPE_LOOKUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, not_reached_spin);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, session_count_spin);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, country_row);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, autostart_switch);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, rules_group);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, after_care_spin);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, summary_spin);
}

/* One switch a reminder rule; "reminders-off" lists the rules switched off. */
static void
rule_toggled_cb (GtkSwitch           *toggle,
                 GParamSpec          *pspec,
                 BkPreferencesWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (toggle), "rule");
  g_auto (GStrv) off = g_settings_get_strv (self->settings, "reminders-off");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) fresh = NULL;

  for (guint i = 0; off[i] != NULL; i++)
    if (!g_str_equal (off[i], name))
      g_strv_builder_add (builder, off[i]);
  if (!gtk_switch_get_active (toggle))
    g_strv_builder_add (builder, name);
  fresh = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "reminders-off", (const char * const *) fresh);
}

static void
add_rule_rows (BkPreferencesWindow *self)
{
  g_auto (GStrv) off = g_settings_get_strv (self->settings, "reminders-off");
  /* The rules, by kind; their names in the setting come from core. */
  const struct { BkReminderKind kind; const char *title; } rules[] = {
    { BK_REMINDER_AGREEMENT, N_("Agreements on their day") },
    { BK_REMINDER_FOLLOW_UP, N_("Follow-up after a conversation") },
    { BK_REMINDER_START_INFO, N_("Families that did not confirm the start information") },
    { BK_REMINDER_NOT_REACHED, N_("Parents not reached for weeks") },
    { BK_REMINDER_MID_TERM, N_("The mid-term conversation in week 6") },
    { BK_REMINDER_REPORT, N_("Development reports") },
    { BK_REMINDER_SUMMARY, N_("A summary for parents before the next meeting") },
    { BK_REMINDER_AFTER_CARE, N_("The after-care call") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *toggle = gtk_switch_new ();
      const char *name = bk_reminder_kind_name (rules[i].kind);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(rules[i].title));
      gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (toggle), !g_strv_contains ((const char * const *) off, name));
      gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, _(rules[i].title), -1);
      g_object_set_data (G_OBJECT (toggle), "rule", (gpointer) name);
      g_signal_connect (toggle, "notify::active", G_CALLBACK (rule_toggled_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
      adw_preferences_group_add (self->rules_group, row);
    }
}

static void
bk_preferences_window_init (BkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (BASE_ID);
  g_settings_bind (self->settings, "not-reached-weeks", self->not_reached_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-session-count", self->session_count_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "retention-years", self->retention_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "phone-country", self->country_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, country_get_mapping, country_set_mapping,
                                NULL, NULL);
  g_settings_bind (self->settings, "notifications", self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "run-in-background", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "autostart", self->autostart_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "after-care-weeks", self->after_care_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "summary-days-ahead", self->summary_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  add_rule_rows (self);
}

BkPreferencesWindow *
bk_preferences_window_new (GtkWindow *parent)
{
  BkPreferencesWindow *self = g_object_new (BK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  if (BK_IS_WINDOW (parent))
    load_staff (self, bk_window_get_store (BK_WINDOW (parent)));
  return self;
}
