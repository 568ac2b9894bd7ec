/* bk-notifier.h
 * Delivers due reminders as desktop notifications, each only once.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "bk-reminders.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_NOTIFIER (bk_notifier_get_type ())
G_DECLARE_FINAL_TYPE (BkNotifier, bk_notifier, BK, NOTIFIER, GObject)

BkNotifier *bk_notifier_new     (BkStore               *store);
guint       bk_notifier_deliver (BkNotifier            *self,
                                 const BkReminderRules *rules,
                                 GDateTime             *now,
                                 GError               **error);

void        bk_reminder_rules_from_settings (BkReminderRules *rules,
                                             GSettings       *settings);

G_END_DECLS
