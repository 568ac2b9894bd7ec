/* bk-preferences-window.c
 * The preferences: a few settings, each bound to its GSettings key.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bk-preferences-window"

#include "config.h"

#include "bk-preferences-window.h"

struct _BkPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;
  GSettings            *settings;
  GtkSpinButton        *not_reached_spin;
  GtkSpinButton        *session_count_spin;
  GtkSpinButton        *retention_spin;
};

G_DEFINE_FINAL_TYPE (BkPreferencesWindow, bk_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
bk_preferences_window_dispose (GObject *object)
{
  BkPreferencesWindow *self = BK_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bk_preferences_window_parent_class)->dispose (object);
}

static void
bk_preferences_window_class_init (BkPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, not_reached_spin);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, session_count_spin);
  gtk_widget_class_bind_template_child (widget_class, BkPreferencesWindow, retention_spin);
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
}

BkPreferencesWindow *
bk_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (BK_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
