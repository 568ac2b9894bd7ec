/* bk-notifier.c
 * Delivers due reminders as desktop notifications, each only once.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are in core (bk_reminders_due); this sends what is due and not
 * yet notified through libnotify, with three actions: Open (the record),
 * Snooze a day, Done. A reminder is marked notified once the notification
 * server took it, so it never comes twice, also not after a restart. The
 * notifications are kept until closed: their actions need them alive.
 * "open" is a signal: the application decides how to show the record.
 */
#define G_LOG_DOMAIN "bk-notifier"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "bk-clock.h"
#include "bk-current-staff.h"
#include "bk-notifier.h"

struct _BkNotifier
{
  GObject     parent_instance;
  BkStore    *store;
  GHashTable *shown;   /* key → NotifyNotification, until closed */
};

G_DEFINE_FINAL_TYPE (BkNotifier, bk_notifier, G_TYPE_OBJECT)

enum { OPEN, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
closed_cb (NotifyNotification *notification,
           BkNotifier         *self)
{
  const char *key = g_object_get_data (G_OBJECT (notification), "key");

  if (key != NULL)
    g_hash_table_remove (self->shown, key);
}

static void
action_cb (NotifyNotification *notification,
           char               *action,
           gpointer            user_data)
{
  BkNotifier *self = BK_NOTIFIER (user_data);
  const char *key = g_object_get_data (G_OBJECT (notification), "key");
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;

  if (g_str_equal (action, "done"))
    ok = bk_reminder_done (self->store, key, now, &error);
  else if (g_str_equal (action, "snooze"))
    ok = bk_reminder_snooze (self->store, key, now, &error);
  else if (g_str_equal (action, "open") || g_str_equal (action, "default"))
    g_signal_emit (self, signals[OPEN], 0,
                   (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (notification), "child-id")),
                   (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (notification), "parent-id")));
  if (!ok)
    g_warning ("Could not record the reminder “%s”: %s", key, error->message);
}

static NotifyNotification *
make_notification (BkNotifier       *self,
                   const BkReminder *reminder)
{
  NotifyNotification *n = notify_notification_new (reminder->title, reminder->body,
                                                    "nl.betrokken.Betrokken");

  notify_notification_set_app_name (n, _("Betrokken"));
  notify_notification_set_hint (n, "desktop-entry", g_variant_new_string ("nl.betrokken.Betrokken"));
  notify_notification_set_category (n, "x-betrokken.reminder");
  g_object_set_data_full (G_OBJECT (n), "key", g_strdup (reminder->key), g_free);
  g_object_set_data (G_OBJECT (n), "child-id", GSIZE_TO_POINTER ((gsize) reminder->child_id));
  g_object_set_data (G_OBJECT (n), "parent-id", GSIZE_TO_POINTER ((gsize) reminder->parent_id));
  if (reminder->child_id != 0 || reminder->parent_id != 0)
    notify_notification_add_action (n, "open", _("Open"), action_cb, self, NULL);
  notify_notification_add_action (n, "snooze", _("Snooze a Day"), action_cb, self, NULL);
  notify_notification_add_action (n, "done", _("Done"), action_cb, self, NULL);
  g_signal_connect (n, "closed", G_CALLBACK (closed_cb), self);
  return n;
}

/* More new reminders than this come as one notification. */
#define MAX_SINGLE 3

static guint
deliver_grouped (BkNotifier  *self,
                 GPtrArray   *fresh,
                 GDateTime   *now,
                 GError     **error)
{
  g_autofree char *summary = g_strdup_printf (ngettext ("%u reminder for today", "%u reminders for today",
                                                        fresh->len), fresh->len);
  g_autoptr (GString) body = g_string_new (NULL);
  NotifyNotification *n;

  for (guint i = 0; i < MIN (fresh->len, MAX_SINGLE); i++)
    g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", ((BkReminder *) g_ptr_array_index (fresh, i))->title);
  if (fresh->len > MAX_SINGLE)
    g_string_append (body, "\n…");
  n = notify_notification_new (summary, body->str, "nl.betrokken.Betrokken");
  notify_notification_set_app_name (n, _("Betrokken"));
  notify_notification_set_hint (n, "desktop-entry", g_variant_new_string ("nl.betrokken.Betrokken"));
  g_object_set_data_full (G_OBJECT (n), "key", g_strdup ("today"), g_free);
  notify_notification_add_action (n, "open", _("Open"), action_cb, self, NULL);
  g_signal_connect (n, "closed", G_CALLBACK (closed_cb), self);
  if (!notify_notification_show (n, error))
    {
      g_object_unref (n);
      return 0;
    }
  g_hash_table_replace (self->shown, g_strdup ("today"), n);
  for (guint i = 0; i < fresh->len; i++)
    if (!bk_reminder_mark_notified (self->store, ((BkReminder *) g_ptr_array_index (fresh, i))->key, now, error))
      return 0;
  return fresh->len;
}

/**
 * bk_notifier_deliver:
 * @rules: (nullable): which rules are on; %NULL: all, with their defaults
 *
 * Shows every due reminder that was not notified before.
 *
 * Returns: how many were shown; 0 with @error when the reminders could not
 *   be read or the notification server refused
 */
guint
bk_notifier_deliver (BkNotifier            *self,
                     const BkReminderRules *rules,
                     GDateTime             *now,
                     GError               **error)
{
  g_autoptr (GPtrArray) due = NULL;
  guint shown = 0;

  /* Reminders name children and parents: not for an intern. */
  if (bk_current_staff_is_intern (self->store))
    return 0;
  due = bk_reminders_due (self->store, rules, now, error);
  if (due == NULL)
    return 0;
  if (!notify_is_initted () && !notify_init (_("Betrokken")))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Desktop notifications are not available."));
      return 0;
    }
  /* Many at once (the first start of the day): one notification that
   * opens the list, not a pile of them. */
  {
    g_autoptr (GPtrArray) fresh = g_ptr_array_new ();

    for (guint i = 0; i < due->len; i++)
      {
        BkReminder *reminder = g_ptr_array_index (due, i);

        if (!reminder->notified && !g_hash_table_contains (self->shown, reminder->key))
          g_ptr_array_add (fresh, reminder);
      }
    if (fresh->len > MAX_SINGLE)
      return deliver_grouped (self, fresh, now, error);
  }
  for (guint i = 0; i < due->len; i++)
    {
      BkReminder *reminder = g_ptr_array_index (due, i);
      NotifyNotification *n;

      if (reminder->notified || g_hash_table_contains (self->shown, reminder->key))
        continue;
      n = make_notification (self, reminder);
      if (!notify_notification_show (n, error))
        {
          g_object_unref (n);
          return shown;
        }
      /* libnotify 0.8 has no autoptr; the table owns it until it closes. */
      g_hash_table_insert (self->shown, g_strdup (reminder->key), n);
      if (!bk_reminder_mark_notified (self->store, reminder->key, now, error))
        return shown;
      shown++;
    }
  return shown;
}

static void
bk_notifier_dispose (GObject *object)
{
  BkNotifier *self = BK_NOTIFIER (object);

  if (self->shown != NULL)
    {
      GHashTableIter iter;
      gpointer n;

      g_hash_table_iter_init (&iter, self->shown);
      while (g_hash_table_iter_next (&iter, NULL, &n))
        g_signal_handlers_disconnect_by_data (n, self);
    }
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (bk_notifier_parent_class)->dispose (object);
}

static void
bk_notifier_class_init (BkNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = bk_notifier_dispose;

  /**
   * BkNotifier::open:
   * @child_id: the child the reminder is about, or 0
   * @parent_id: the parent it is about, or 0
   */
  signals[OPEN] = g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
bk_notifier_init (BkNotifier *self)
{
  self->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

BkNotifier *
bk_notifier_new (BkStore *store)
{
  BkNotifier *self = g_object_new (BK_TYPE_NOTIFIER, NULL);

  self->store = g_object_ref (store);
  return self;
}

/* The rules as Preferences set them. */
void
bk_reminder_rules_from_settings (BkReminderRules *rules,
                                 GSettings       *settings)
{
  g_auto (GStrv) off = g_settings_get_strv (settings, "reminders-off");

  bk_reminder_rules_init (rules);
  for (guint i = 0; i < BK_REMINDER_N_KINDS; i++)
    if (g_strv_contains ((const char * const *) off, bk_reminder_kind_name (bk_reminder_kind_nth (i))))
      rules->kinds &= ~(guint) bk_reminder_kind_nth (i);
  rules->not_reached_weeks = g_settings_get_int (settings, "not-reached-weeks");
  rules->after_care_weeks = g_settings_get_int (settings, "after-care-weeks");
  rules->summary_days_ahead = g_settings_get_int (settings, "summary-days-ahead");
}
