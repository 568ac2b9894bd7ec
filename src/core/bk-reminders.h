/* bk-reminders.h
 * What is due today: the rules that keep a coach's promises, in core.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

typedef enum
{
  BK_REMINDER_AGREEMENT = 1 << 0,  /* an agreement (who does what by when) is due */
  BK_REMINDER_FOLLOW_UP = 1 << 1,  /* a held conversation's next contact day has come */
  BK_REMINDER_START_INFO = 1 << 2, /* start information unconfirmed past its deadline: call */
  BK_REMINDER_NOT_REACHED = 1 << 3,/* a parent without two-way contact for N weeks */
  BK_REMINDER_MID_TERM = 1 << 4,   /* the mid-term conversation of week 6 is due */
  BK_REMINDER_REPORT = 1 << 5,     /* a development report is due */
  BK_REMINDER_AFTER_CARE = 1 << 6, /* the after-care check-in N weeks after a cycle ended */
  BK_REMINDER_SUMMARY = 1 << 7,    /* a parent meeting soon, no plain summary of the last one */
  BK_REMINDER_ALL = 0xff
} BkReminderKind;

#define BK_REMINDER_N_KINDS 8

/* Which rules are on and their numbers (Preferences, GSettings). */
typedef struct
{
  guint kinds;               /* BkReminderKind bits that are on */
  int   not_reached_weeks;   /* default 3 */
  int   after_care_weeks;    /* default 6 */
  int   summary_days_ahead;  /* default 7: a meeting this close wants its summary */
} BkReminderRules;

/* One reminder. Its key is stable for what it is about, so snoozing,
 * marking done and "notified once" stick to it. */
typedef struct
{
  char          *key;        /* e.g. "report:12:3:2", "agreement:40" */
  BkReminderKind kind;
  char          *title;      /* one line, translated */
  char          *body;       /* a sentence or two, translated; may be NULL */
  char          *due_on;     /* YYYY-MM-DD */
  gint64         child_id;   /* what Open shows; 0: none */
  gint64         parent_id;  /* 0: none */
  gint64         record_id;  /* the agreement, conversation, event...; 0: none */
  gboolean       notified;   /* already delivered as a notification */
} BkReminder;

void        bk_reminder_free           (BkReminder            *reminder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkReminder, bk_reminder_free)

void        bk_reminder_rules_init     (BkReminderRules       *rules);
const char *bk_reminder_kind_label     (BkReminderKind         kind);
const char *bk_reminder_kind_name      (BkReminderKind         kind);
BkReminderKind bk_reminder_kind_nth    (guint                  i);
GPtrArray  *bk_reminders_due           (BkStore               *store,
                                        const BkReminderRules *rules,
                                        GDateTime             *now,
                                        GError               **error);
gboolean    bk_reminder_snooze         (BkStore               *store,
                                        const char            *key,
                                        GDateTime             *now,
                                        GError               **error);
gboolean    bk_reminder_done           (BkStore               *store,
                                        const char            *key,
                                        GDateTime             *now,
                                        GError               **error);
gboolean    bk_reminder_mark_notified  (BkStore               *store,
                                        const char            *key,
                                        GDateTime             *now,
                                        GError               **error);

G_END_DECLS
