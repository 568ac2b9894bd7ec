/* bk-reminders.c
 * What is due today: the rules that keep a coach's promises, in core.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The studies asked for things that are easy to promise and easy to forget:
 * call the family that did not confirm the start information, call the
 * parents who never come, hold the mid-term conversation, write the plain
 * summary of the last meeting, check in after the programme. Each rule below
 * turns the records into reminders; nothing here reads the clock or shows
 * anything. "Today" is the calendar day of @now in @now's own time zone, and
 * a stored moment (UTC) is compared by its day in that same zone, so a
 * conversation at 00:30 on the night the clocks go back is on the right day.
 *
 * AGREEMENT   "agreement:<id>": not done (done_on NULL) and due_on <= today.
 *             due_on is the agreement's; the child is the agreement's, else
 *             its conversation's.
 * FOLLOW_UP   "follow-up:<conversation>": a held conversation whose
 *             next_contact_on <= today, unless another conversation of the
 *             same child (not cancelled) was held or is planned on or after
 *             next_contact_on. due_on is next_contact_on.
 * START_INFO  "start-info:<family>:<cycle>": start information not confirmed
 *             and its deadline < today (the deadline day itself is still in
 *             time), for a cycle that has not ended (end_date NULL or
 *             >= today) and began at most a week ago (after that the
 *             family is there or not: the start information is moot), of
 *             a family not deleted. due_on is the deadline.
 * NOT_REACHED "not-reached:<parent>:<day of last two-way contact|never>":
 *             bk_reach_not_reached() with the rule's weeks, so a parent
 *             reached again and lapsing again gets a new key. due_on is that
 *             day + weeks, or today when never reached.
 * MID_TERM    "mid-term:<child>:<cycle>": a child with an open enrolment in a
 *             running cycle (kind 'cycle', start_date <= today <= end_date),
 *             when today lies within 7 days before or after the day of one of
 *             the cycle's 'parent-meeting' events or, when it has none, in the
 *             week of the meeting's session (session 6, or halfway in a cycle
 *             of fewer sessions: start + 35 .. start + 41 days), and the child
 *             has no 'mid-term' conversation (not cancelled) held or planned
 *             within the cycle (start_date .. end_date). due_on is the meeting
 *             day, or the session's day.
 * REPORT      "report:<child>:<cycle>:<number>": bk_report_due_children()
 *             (from a week before the report's day until it is final), for
 *             the cycle of the child's open enrolment. due_on is the report's
 *             day (bk_report_due_on()).
 * AFTER_CARE  "after-care:<child>:<cycle>": an enrolment that ended with
 *             outcome 'completed' (end = ended_on) or is still open in a cycle
 *             whose end_date < today (end = end_date), when
 *             end + weeks × 7 <= today < end + weeks × 7 + 28, and the child
 *             has no 'after-care' conversation (not cancelled) held or planned
 *             on or after the end day. due_on is end + weeks × 7.
 * SUMMARY     "summary:<earlier event>": an 'info-evening' or 'parent-meeting'
 *             on a day from today to today + days ahead, in a cycle with an
 *             earlier such event that has already started (before @now) and
 *             has no row in summaries. Several meetings ahead name the first.
 *             due_on is the day of that meeting.
 *
 * Deleted children (and deleted parents, families) give no reminders. The
 * state of a key lives in reminder_state: done for good, snoozed until a day
 * (listed again on that day), notified once.
 */
#define G_LOG_DOMAIN "bk-reminders"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-date.h"
#include "bk-reach.h"
#include "bk-reminders.h"
#include "bk-report.h"
#include "bk-store-private.h"

#define AGREEMENT_TITLE_CHARS 60
#define MID_TERM_MARGIN_DAYS 7       /* before and after the parent meeting */
#define AFTER_CARE_WINDOW_DAYS 28

#define PERSON_NAME(t) \
  t ".given_name || CASE WHEN " t ".family_name <> '' THEN ' ' || " t ".family_name ELSE '' END"

/* What one call of bk_reminders_due() works with. */
typedef struct
{
  BkStore               *store;
  const BkReminderRules *rules;
  GDateTime             *now;
  GTimeZone             *zone;      /* of @now: days are its days */
  char                  *today;     /* YYYY-MM-DD */
  GDate                  today_date;
  GPtrArray             *due;       /* of BkReminder */
} Due;

void
bk_reminder_free (BkReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->key);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder->due_on);
  g_free (reminder);
}

/**
 * bk_reminder_rules_init:
 *
 * Every rule on, with the numbers of a fresh Preferences.
 */
void
bk_reminder_rules_init (BkReminderRules *rules)
{
  g_return_if_fail (rules != NULL);

  rules->kinds = BK_REMINDER_ALL;
  rules->not_reached_weeks = 3;
  rules->after_care_weeks = 6;
  rules->summary_days_ahead = 7;
}

/* The rules in the order a coach works through them, and their names in
 * the "reminders-off" setting. */
static const struct { BkReminderKind kind; const char *name; } kinds[] = {
  { BK_REMINDER_AGREEMENT, "agreement" },
  { BK_REMINDER_FOLLOW_UP, "follow-up" },
  { BK_REMINDER_START_INFO, "start-info" },
  { BK_REMINDER_NOT_REACHED, "not-reached" },
  { BK_REMINDER_MID_TERM, "mid-term" },
  { BK_REMINDER_REPORT, "report" },
  { BK_REMINDER_SUMMARY, "summary" },
  { BK_REMINDER_AFTER_CARE, "after-care" },
};

/**
 * bk_reminder_kind_nth:
 * @i: 0 to BK_REMINDER_N_KINDS - 1
 *
 * Returns: the @i-th rule, in the order a coach works through them
 */
BkReminderKind
bk_reminder_kind_nth (guint i)
{
  g_return_val_if_fail (i < G_N_ELEMENTS (kinds), BK_REMINDER_AGREEMENT);
  return kinds[i].kind;
}

/**
 * bk_reminder_kind_name:
 *
 * Returns: the rule's name as the "reminders-off" setting lists it
 */
const char *
bk_reminder_kind_name (BkReminderKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].name;
  return "";
}

/**
 * bk_reminder_kind_label:
 *
 * Returns: (transfer none): the heading of a group of reminders, translated
 */
const char *
bk_reminder_kind_label (BkReminderKind kind)
{
  switch (kind)
    {
    case BK_REMINDER_AGREEMENT:
      return _("Agreements");
    case BK_REMINDER_FOLLOW_UP:
      return _("Follow-ups");
    case BK_REMINDER_START_INFO:
      return _("Start information");
    case BK_REMINDER_NOT_REACHED:
      return _("Not reached");
    case BK_REMINDER_MID_TERM:
      return _("Mid-term conversations");
    case BK_REMINDER_REPORT:
      return _("Development reports");
    case BK_REMINDER_AFTER_CARE:
      return _("After-care");
    case BK_REMINDER_SUMMARY:
      return _("Summaries for parents");
    case BK_REMINDER_ALL:
    default:
      return "";
    }
}

/* Days and moments */

static char *
day_add (const GDate *day,
         int          days)
{
  GDate d = *day;

  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return bk_date_to_iso (&d);
}

static char *
iso_add (const char *iso,
         int         days)
{
  GDate day;

  if (!bk_date_from_iso (iso, &day))
    return NULL;
  return day_add (&day, days);
}

/* The day of a stored moment in @zone, or NULL when it is not one. */
static char *
local_day (const char *stamp,
           GTimeZone  *zone)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;

  if (stamp == NULL || *stamp == '\0')
    return NULL;
  utc = g_date_time_new_from_iso8601 (stamp, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_timezone (utc, zone);
  return bk_date_iso_from_datetime (local);
}

/* The stored moment at which @day (plus @days) begins in @zone. */
static char *
day_start_stamp (const GDate *day,
                 int          days,
                 GTimeZone   *zone)
{
  GDate d = *day;
  g_autoptr (GDateTime) start = NULL;

  g_date_add_days (&d, (guint) MAX (days, 0));
  start = g_date_time_new (zone, g_date_get_year (&d), g_date_get_month (&d),
                           g_date_get_day (&d), 0, 0, 0);
  return bk_timestamp (start);
}

/* Whether one of the stored moments in @stamps (separated by commas) falls on
 * a day from @first to @last (NULL: no end) in @zone. */
static gboolean
any_on_days (const char *stamps,
             const char *first,
             const char *last,
             GTimeZone  *zone)
{
  g_auto (GStrv) parts = NULL;

  if (stamps == NULL)
    return FALSE;
  parts = g_strsplit (stamps, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *day = local_day (parts[i], zone);

      if (day != NULL && strcmp (day, first) >= 0 && (last == NULL || strcmp (day, last) <= 0))
        return TRUE;
    }
  return FALSE;
}

/* @text cut at a word to about @max characters, with an ellipsis. */
static char *
shorten (const char *text,
         glong       max)
{
  const char *end;
  const char *cut = NULL;

  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  end = g_utf8_offset_to_pointer (text, max);
  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (g_unichar_isspace (g_utf8_get_char (p)) && p > text)
      cut = p;
  if (cut == NULL)
    cut = end;
  while (cut > text && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (cut))))
    cut = g_utf8_prev_char (cut);
  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

/* Adds a reminder; takes @key, @title and @body. */
static BkReminder *
add (Due            *due,
     BkReminderKind  kind,
     char           *key,
     char           *title,
     char           *body,
     const char     *due_on)
{
  BkReminder *reminder = g_new0 (BkReminder, 1);

  reminder->kind = kind;
  reminder->key = key;
  reminder->title = title;
  reminder->body = body;
  reminder->due_on = g_strdup (due_on != NULL ? due_on : due->today);  /* a damaged date sorts as today */
  g_ptr_array_add (due->due, reminder);
  return reminder;
}

static gboolean
read_failed (Due     *due,
             int      rc,
             GError **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  bk_store_set_error (due->store, error, _("Could not read the reminders"));
  return TRUE;
}

/* "[1,2,3]": ids for json_each (). */
static char *
json_ids (GArray *ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            g_array_index (ids, gint64, i));
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

/* The rules */

static gboolean
add_agreements (Due     *due,
                GError **error)
{
  static const char sql[] =
    "SELECT a.id, a.text, a.owner, a.due_on, coalesce (a.child_id, cv.child_id), " PERSON_NAME ("ch")
    "  FROM agreements a LEFT JOIN conversations cv ON cv.id = a.conversation_id"
    "  LEFT JOIN children ch ON ch.id = coalesce (a.child_id, cv.child_id)"
    " WHERE a.done_on IS NULL AND a.due_on <= ?1 AND ch.deleted_at IS NULL";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (due->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, due->today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *due_on = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *text = shorten ((const char *) sqlite3_column_text (stmt, 1), AGREEMENT_TITLE_CHARS);
      g_autofree char *day = bk_date_format_user (due_on);
      BkReminder *r;

      r = add (due, BK_REMINDER_AGREEMENT,
               g_strdup_printf ("agreement:%" G_GINT64_FORMAT, id),
               /* Translators: a reminder; %s is what was agreed */
               g_strdup_printf (_("Agreement due: %s"), text),
               sqlite3_column_type (stmt, 5) != SQLITE_NULL
               /* Translators: who does it · for which child · by when: "Moeder · Zoë de Vries · due 7-12-2026" */
               ? g_strdup_printf (_("%s · %s · due %s"), (const char *) sqlite3_column_text (stmt, 2),
                                  (const char *) sqlite3_column_text (stmt, 5), day)
               /* Translators: who does it · by when, e.g. "Moeder · due 7-12-2026" */
               : g_strdup_printf (_("%s · due %s"), (const char *) sqlite3_column_text (stmt, 2), day),
               due_on);
      r->record_id = id;
      r->child_id = sqlite3_column_int64 (stmt, 4);
    }
  return !read_failed (due, rc, error);
}

static gboolean
add_follow_ups (Due     *due,
                GError **error)
{
  /* The latest moment of any other conversation of the child: the follow-up
   * happened when its day is on or after the next contact day. */
  static const char sql[] =
    "SELECT cv.id, cv.child_id, " PERSON_NAME ("ch") ", cv.next_contact_on, cv.held_at,"
    "       (SELECT max (max (ifnull (o.held_at, ''), ifnull (o.planned_at, '')))"
    "          FROM conversations o"
    "         WHERE o.child_id = cv.child_id AND o.id <> cv.id AND o.status <> 'cancelled')"
    "  FROM conversations cv LEFT JOIN children ch ON ch.id = cv.child_id"
    " WHERE cv.status = 'held' AND cv.next_contact_on <= ?1 AND ch.deleted_at IS NULL";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (due->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, due->today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 2);
      const char *next = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *held = local_day ((const char *) sqlite3_column_text (stmt, 4), due->zone);
      g_autofree char *later = local_day ((const char *) sqlite3_column_text (stmt, 5), due->zone);
      g_autofree char *held_user = bk_date_format_user (held);
      char *title;
      BkReminder *r;

      if (later != NULL && strcmp (later, next) >= 0)
        continue;
      if (name != NULL)
        /* Translators: a reminder; %s is a child's name */
        title = g_strdup_printf (_("Follow up with the parents of %s"), name);
      else
        title = g_strdup (_("Follow up a parent conversation"));
      r = add (due, BK_REMINDER_FOLLOW_UP, g_strdup_printf ("follow-up:%" G_GINT64_FORMAT, id), title,
               held != NULL ? g_strdup_printf (_("After the conversation of %s"), held_user) : NULL,
               next);
      r->record_id = id;
      r->child_id = sqlite3_column_int64 (stmt, 1);
    }
  return !read_failed (due, rc, error);
}

static gboolean
add_start_info (Due     *due,
                GError **error)
{
  /* As bk_start_info_unconfirmed(), which lists no ids to key on. */
  static const char sql[] =
    "SELECT s.family_id, s.cycle_id, f.name, cy.name, s.sent_on, s.deadline,"
    "       (SELECT min (p.id) FROM parents p WHERE p.family_id = f.id AND p.deleted_at IS NULL)"
    "  FROM start_info s JOIN families f ON f.id = s.family_id AND f.deleted_at IS NULL"
    "  JOIN cycles cy ON cy.id = s.cycle_id"
    " WHERE s.confirmed_on IS NULL AND s.deadline < ?1"
    "   AND (cy.end_date IS NULL OR cy.end_date >= ?1)"
    "   AND cy.start_date >= date (?1, '-7 days')";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (due->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, due->today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *cycle = (const char *) sqlite3_column_text (stmt, 3);
      const char *sent_on = (const char *) sqlite3_column_text (stmt, 4);
      const char *deadline = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *sent = bk_date_format_user (sent_on);
      g_autofree char *by = bk_date_format_user (deadline);
      char *body;
      BkReminder *r;

      if (sent_on != NULL)
        /* Translators: "Traject najaar 2026: sent 2-11-2026, not confirmed by 9-11-2026" */
        body = g_strdup_printf (_("%s: sent %s, not confirmed by %s"), cycle, sent, by);
      else
        /* Translators: "Traject najaar 2026: not confirmed by 9-11-2026" */
        body = g_strdup_printf (_("%s: not confirmed by %s"), cycle, by);
      r = add (due, BK_REMINDER_START_INFO,
               g_strdup_printf ("start-info:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                (gint64) sqlite3_column_int64 (stmt, 0), (gint64) sqlite3_column_int64 (stmt, 1)),
               /* Translators: a reminder; %s is the family as recorded ("Familie Bos") */
               g_strdup_printf (_("Call %s: start information not confirmed"),
                                (const char *) sqlite3_column_text (stmt, 2)),
               body, deadline);
      r->parent_id = sqlite3_column_int64 (stmt, 6);
    }
  return !read_failed (due, rc, error);
}

/* Fills in each not-reached parent's first child in care, for Open. */
static gboolean
set_first_children (Due        *due,
                    GHashTable *by_parent,
                    GError    **error)
{
  static const char sql[] =
    "SELECT pc.parent_id, min (pc.child_id)"
    "  FROM json_each (?1) j JOIN parent_children pc ON pc.parent_id = j.value"
    "  JOIN children c ON c.id = pc.child_id AND c.deleted_at IS NULL"
    "  JOIN enrolments e ON e.child_id = pc.child_id AND e.ended_on IS NULL"
    " GROUP BY pc.parent_id";
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *json = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  if (g_hash_table_size (by_parent) == 0)
    return TRUE;
  g_hash_table_iter_init (&iter, by_parent);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  json = json_ids (ids);
  stmt = bk_store_prepare (due->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 parent_id = sqlite3_column_int64 (stmt, 0);
      BkReminder *r = g_hash_table_lookup (by_parent, &parent_id);

      if (r != NULL)
        r->child_id = sqlite3_column_int64 (stmt, 1);
    }
  return !read_failed (due, rc, error);
}

static gboolean
add_not_reached (Due     *due,
                 GError **error)
{
  int weeks = MAX (due->rules->not_reached_weeks, 0);
  g_autoptr (GListStore) list = bk_reach_not_reached (due->store, due->now, (guint) weeks, error);
  g_autoptr (GHashTable) by_parent = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n;

  if (list == NULL)
    return FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkReach) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *last = local_day (bk_reach_get_last_two_way (item), due->zone);
      g_autofree char *subtitle = NULL;
      g_autofree char *due_on = last != NULL ? iso_add (last, 7 * weeks) : g_strdup (due->today);
      BkReminder *r;

      g_object_get (item, "subtitle", &subtitle, NULL);
      r = add (due, BK_REMINDER_NOT_REACHED,
               g_strdup_printf ("not-reached:%" G_GINT64_FORMAT ":%s",
                                bk_reach_get_parent_id (item), last != NULL ? last : "never"),
               /* Translators: a reminder; %s is a parent's name */
               g_strdup_printf (_("Call %s"), bk_reach_get_display_name (item)),
               g_steal_pointer (&subtitle), due_on);
      r->parent_id = bk_reach_get_parent_id (item);
      g_hash_table_insert (by_parent, &r->parent_id, r);
    }
  return set_first_children (due, by_parent, error);
}

/* A running cycle in its mid-term window today. */
typedef struct
{
  char *name;
  char *start_date;
  char *end_date;   /* NULL: open */
  char *due_on;
} MidTermCycle;

static void
mid_term_cycle_free (MidTermCycle *cycle)
{
  g_free (cycle->name);
  g_free (cycle->start_date);
  g_free (cycle->end_date);
  g_free (cycle->due_on);
  g_free (cycle);
}

/* The running cycles whose parent meeting (or its session) is near today:
 * cycle id → MidTermCycle. A few hundred cycles at most, so the window is
 * worked out here, in the time zone of now. */
static GHashTable *
mid_term_cycles (Due     *due,
                 GError **error)
{
  static const char sql[] =
    "SELECT cy.id, cy.name, cy.start_date, cy.end_date,"
    "       date (cy.start_date, '+' || (7 * (CASE WHEN cy.session_count >= 6 THEN 6"
    "                                     ELSE (cy.session_count + 1) / 2 END - 1)) || ' days'),"
    "       (SELECT group_concat (ev.starts_at) FROM events ev"
    "         WHERE ev.cycle_id = cy.id AND ev.kind = 'parent-meeting')"
    "  FROM cycles cy"
    " WHERE cy.kind = 'cycle' AND cy.start_date <= ?1 AND (cy.end_date IS NULL OR cy.end_date >= ?1)";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (due->store, sql, error);
  g_autoptr (GHashTable) cycles = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  cycles = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                  (GDestroyNotify) mid_term_cycle_free);
  bk_bind_text (stmt, 1, due->today);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *session_day = (const char *) sqlite3_column_text (stmt, 4);
      const char *meetings = (const char *) sqlite3_column_text (stmt, 5);
      g_autofree char *due_on = NULL;
      gint64 id = sqlite3_column_int64 (stmt, 0);
      MidTermCycle *cycle;

      if (meetings != NULL)
        {
          g_auto (GStrv) parts = g_strsplit (meetings, ",", -1);

          for (guint i = 0; parts[i] != NULL && due_on == NULL; i++)
            {
              g_autofree char *day = local_day (parts[i], due->zone);
              g_autofree char *from = day ? iso_add (day, -MID_TERM_MARGIN_DAYS) : NULL;
              g_autofree char *to = day ? iso_add (day, MID_TERM_MARGIN_DAYS) : NULL;

              if (from != NULL && strcmp (from, due->today) <= 0 && strcmp (due->today, to) <= 0)
                due_on = g_steal_pointer (&day);
            }
        }
      else if (session_day != NULL)
        {
          g_autofree char *to = iso_add (session_day, 6);

          if (strcmp (session_day, due->today) <= 0 && strcmp (due->today, to) <= 0)
            due_on = g_strdup (session_day);
        }
      if (due_on == NULL)
        continue;
      cycle = g_new0 (MidTermCycle, 1);
      cycle->name = bk_column_dup (stmt, 1);
      cycle->start_date = bk_column_dup (stmt, 2);
      cycle->end_date = bk_column_dup (stmt, 3);
      cycle->due_on = g_steal_pointer (&due_on);
      g_hash_table_insert (cycles, g_memdup2 (&id, sizeof id), cycle);
    }
  if (read_failed (due, rc, error))
    return NULL;
  return g_steal_pointer (&cycles);
}

static gboolean
add_mid_terms (Due     *due,
               GError **error)
{
  static const char sql[] =
    "SELECT e.child_id, e.cycle_id, " PERSON_NAME ("ch") ","
    "       (SELECT group_concat (ifnull (cv.held_at, '') || ',' || ifnull (cv.planned_at, ''))"
    "          FROM conversations cv"
    "         WHERE cv.child_id = e.child_id AND cv.kind = 'mid-term' AND cv.status <> 'cancelled')"
    "  FROM json_each (?1) j JOIN enrolments e ON e.cycle_id = j.value AND e.ended_on IS NULL"
    "  JOIN children ch ON ch.id = e.child_id AND ch.deleted_at IS NULL";
  g_autoptr (GHashTable) cycles = mid_term_cycles (due, error);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) ids = NULL;
  g_autofree char *json = NULL;
  GHashTableIter iter;
  gpointer key;
  int rc;

  if (cycles == NULL)
    return FALSE;
  if (g_hash_table_size (cycles) == 0)
    return TRUE;
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_hash_table_iter_init (&iter, cycles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  json = json_ids (ids);
  stmt = bk_store_prepare (due->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 child_id = sqlite3_column_int64 (stmt, 0);
      gint64 cycle_id = sqlite3_column_int64 (stmt, 1);
      const MidTermCycle *cycle = g_hash_table_lookup (cycles, &cycle_id);
      g_autofree char *day = NULL;
      BkReminder *r;

      if (cycle == NULL ||
          any_on_days ((const char *) sqlite3_column_text (stmt, 3), cycle->start_date,
                       cycle->end_date, due->zone))
        continue;
      day = bk_date_format_user (cycle->due_on);
      r = add (due, BK_REMINDER_MID_TERM,
               g_strdup_printf ("mid-term:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, child_id, cycle_id),
               /* Translators: a reminder; %s is a child's name */
               g_strdup_printf (_("Plan the mid-term conversation with the parents of %s"),
                                (const char *) sqlite3_column_text (stmt, 2)),
               /* Translators: "Traject najaar 2026, halfway: 11-11-2026" */
               g_strdup_printf (_("%s, halfway: %s"), cycle->name, day),
               cycle->due_on);
      r->child_id = child_id;
    }
  return !read_failed (due, rc, error);
}

/* A report's day and line, the same for every child of its cycle. */
typedef struct
{
  char *due_on;
  char *body;
} ReportDay;

static void
report_day_free (ReportDay *day)
{
  g_free (day->due_on);
  g_free (day->body);
  g_free (day);
}

static const ReportDay *
report_day (GHashTable   *days,
            sqlite3_stmt *stmt,
            gint64        cycle_id,
            int           number)
{
  gint64 id = cycle_id * (BK_REPORT_COUNT + 1) + number;
  ReportDay *day = g_hash_table_lookup (days, &id);
  g_autofree char *user = NULL;

  if (day != NULL)
    return day;
  day = g_new0 (ReportDay, 1);
  day->due_on = bk_report_due_on ((const char *) sqlite3_column_text (stmt, 2),
                                  (const char *) sqlite3_column_text (stmt, 3),
                                  sqlite3_column_int (stmt, 4), number);
  user = bk_date_format_user (day->due_on);
  day->body = g_strdup_printf (_("%s · due %s"), (const char *) sqlite3_column_text (stmt, 5), user);
  g_hash_table_insert (days, g_memdup2 (&id, sizeof id), day);
  return day;
}

static gboolean
add_reports (Due     *due,
             GError **error)
{
  /* Every open enrolment, as bk_report_due_children() reads them: with
   * thousands due a scan beats looking each child up. CROSS JOIN keeps
   * SQLite from walking the children by name first. */
  static const char sql[] =
    "SELECT e.child_id, e.cycle_id, cy.kind, cy.start_date, cy.session_count, cy.name, "
    PERSON_NAME ("ch")
    "  FROM cycles cy CROSS JOIN enrolments e ON e.cycle_id = cy.id AND e.ended_on IS NULL"
    "  CROSS JOIN children ch ON ch.id = e.child_id AND ch.deleted_at IS NULL"
    " WHERE cy.end_date IS NULL OR cy.end_date >= ?1";
  g_autoptr (GHashTable) numbers = bk_report_due_children (due->store, due->now, error);
  g_autoptr (GHashTable) days = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  if (numbers == NULL)
    return FALSE;
  if (g_hash_table_size (numbers) == 0)
    return TRUE;
  stmt = bk_store_prepare (due->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  {
    /* The cycles bk_report_due_children() looks at: running, or ended in
     * the last four weeks; the table says which of their children. */
    g_autofree char *since = iso_add (due->today, -28);
    bk_bind_text (stmt, 1, since);
  }
  days = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) report_day_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 child_id = sqlite3_column_int64 (stmt, 0);
      gint64 cycle_id = sqlite3_column_int64 (stmt, 1);
      int number = GPOINTER_TO_INT (g_hash_table_lookup (numbers, &child_id));
      const ReportDay *day;
      BkReminder *r;

      if (number < 1 || number > BK_REPORT_COUNT)
        continue;
      day = report_day (days, stmt, cycle_id, number);
      if (day->due_on == NULL)
        continue;
      r = add (due, BK_REMINDER_REPORT,
               g_strdup_printf ("report:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%d",
                                child_id, cycle_id, number),
               /* Translators: a reminder: "Development report 2 for Zoë de Vries" */
               g_strdup_printf (_("Development report %d for %s"), number,
                                (const char *) sqlite3_column_text (stmt, 6)),
               g_strdup (day->body), day->due_on);
      r->child_id = child_id;
    }
  return !read_failed (due, rc, error);
}

static gboolean
add_after_care (Due     *due,
                GError **error)
{
  /* ?2 .. ?3: the ends for which today is in the after-care window. */
  static const char sql[] =
    "SELECT e.child_id, e.cycle_id, cy.name, " PERSON_NAME ("ch") ","
    "       coalesce (e.ended_on, cy.end_date),"
    "       (SELECT max (max (ifnull (cv.held_at, ''), ifnull (cv.planned_at, '')))"
    "          FROM conversations cv"
    "         WHERE cv.child_id = e.child_id AND cv.kind = 'after-care' AND cv.status <> 'cancelled')"
    "  FROM enrolments e JOIN cycles cy ON cy.id = e.cycle_id"
    "  JOIN children ch ON ch.id = e.child_id AND ch.deleted_at IS NULL"
    " WHERE ((e.ended_on IS NOT NULL AND e.outcome = 'completed')"
    "        OR (e.ended_on IS NULL AND cy.end_date < ?1))"
    "   AND coalesce (e.ended_on, cy.end_date) BETWEEN ?2 AND ?3";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (due->store, sql, error);
  int wait = 7 * MAX (due->rules->after_care_weeks, 0);
  g_autofree char *first_end = day_add (&due->today_date, -(wait + AFTER_CARE_WINDOW_DAYS - 1));
  g_autofree char *last_end = day_add (&due->today_date, -wait);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, due->today);
  bk_bind_text (stmt, 2, first_end);
  bk_bind_text (stmt, 3, last_end);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 child_id = sqlite3_column_int64 (stmt, 0);
      const char *end = (const char *) sqlite3_column_text (stmt, 4);
      g_autofree char *latest = local_day ((const char *) sqlite3_column_text (stmt, 5), due->zone);
      g_autofree char *end_user = NULL;
      g_autofree char *due_on = NULL;
      BkReminder *r;

      if (latest != NULL && strcmp (latest, end) >= 0)
        continue;
      end_user = bk_date_format_user (end);
      due_on = iso_add (end, wait);
      r = add (due, BK_REMINDER_AFTER_CARE,
               g_strdup_printf ("after-care:%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                child_id, (gint64) sqlite3_column_int64 (stmt, 1)),
               /* Translators: a reminder; %s is a child's name */
               g_strdup_printf (_("After-care: ask how %s is doing"), (const char *) sqlite3_column_text (stmt, 3)),
               /* Translators: "Traject najaar 2026 ended on 16-12-2026. Does what helped still help?" */
               g_strdup_printf (_("%s ended on %s. Does what helped still help?"),
                                (const char *) sqlite3_column_text (stmt, 2), end_user),
               due_on);
      r->child_id = child_id;
    }
  return !read_failed (due, rc, error);
}

static gboolean
add_summaries (Due     *due,
               GError **error)
{
  /* ?1 .. ?2: the moments of the days today .. today + N; ?3: now. */
  static const char sql[] =
    "SELECT u.title, u.starts_at, p.id, p.title"
    "  FROM events u JOIN events p ON p.cycle_id = u.cycle_id AND p.id <> u.id"
    "   AND p.kind IN ('info-evening', 'parent-meeting')"
    "   AND p.starts_at < u.starts_at AND p.starts_at < ?3"
    " WHERE u.kind IN ('info-evening', 'parent-meeting')"
    "   AND u.starts_at >= ?1 AND u.starts_at < ?2"
    "   AND NOT EXISTS (SELECT 1 FROM summaries s WHERE s.event_id = p.id)"
    " ORDER BY u.starts_at, u.id, p.starts_at, p.id";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (due->store, sql, error);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  int ahead = MAX (due->rules->summary_days_ahead, 0);
  g_autofree char *from = day_start_stamp (&due->today_date, 0, due->zone);
  g_autofree char *to = day_start_stamp (&due->today_date, ahead + 1, due->zone);
  g_autofree char *now = bk_timestamp (due->now);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, from);
  bk_bind_text (stmt, 2, to);
  bk_bind_text (stmt, 3, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *meeting = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *day = local_day ((const char *) sqlite3_column_text (stmt, 1), due->zone);
      g_autofree char *day_user = bk_date_format_user (day);
      gint64 earlier = sqlite3_column_int64 (stmt, 2);
      BkReminder *r;

      /* Only the first meeting ahead names an earlier event. */
      if (day == NULL || g_hash_table_contains (seen, &earlier))
        continue;
      r = add (due, BK_REMINDER_SUMMARY,
               g_strdup_printf ("summary:%" G_GINT64_FORMAT, earlier),
               /* Translators: a reminder: "Write the plain-language summary of
                * Information evening before Parent meeting (week 6)" */
               g_strdup_printf (_("Write the plain-language summary of %s before %s"),
                                (const char *) sqlite3_column_text (stmt, 3), meeting),
               /* Translators: "Parent meeting (week 6) on 4-11-2026" */
               g_strdup_printf (_("%s on %s"), meeting, day_user),
               day);
      r->record_id = earlier;
      g_hash_table_add (seen, &r->record_id);
    }
  return !read_failed (due, rc, error);
}

/* Done, snoozed and notified, by key */

static gboolean
apply_state (Due     *due,
             GError **error)
{
  static const char sql[] =
    "SELECT j.value, s.snoozed_until, s.done_at, s.notified_at"
    "  FROM json_each (?1) j JOIN reminder_state s ON s.key = j.value";
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) drop = g_hash_table_new (NULL, NULL);
  GString *keys;
  g_autofree char *json = NULL;
  int rc;

  if (due->due->len == 0)
    return TRUE;
  /* Keys are made here of ids, days and fixed words: nothing to escape. */
  keys = g_string_new ("[");
  for (guint i = 0; i < due->due->len; i++)
    {
      BkReminder *r = g_ptr_array_index (due->due, i);

      g_string_append (keys, i > 0 ? ",\"" : "\"");
      g_string_append (keys, r->key);
      g_string_append_c (keys, '"');
      g_hash_table_insert (by_key, r->key, r);
    }
  g_string_append_c (keys, ']');
  json = g_string_free (keys, FALSE);

  stmt = bk_store_prepare (due->store, sql, error);
  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, json);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkReminder *r = g_hash_table_lookup (by_key, sqlite3_column_text (stmt, 0));
      const char *snoozed_until = (const char *) sqlite3_column_text (stmt, 1);

      if (r == NULL)
        continue;
      r->notified = sqlite3_column_type (stmt, 3) != SQLITE_NULL;
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL ||
          (snoozed_until != NULL && strcmp (snoozed_until, due->today) > 0))
        g_hash_table_add (drop, r);
    }
  if (read_failed (due, rc, error))
    return FALSE;
  /* Sorted afterwards: the order need not be kept. */
  for (guint i = due->due->len; i > 0; i--)
    if (g_hash_table_contains (drop, g_ptr_array_index (due->due, i - 1)))
      g_ptr_array_remove_index_fast (due->due, i - 1);
  return TRUE;
}

static int
compare_reminders (gconstpointer a,
                   gconstpointer b)
{
  const BkReminder *x = *(BkReminder * const *) a;
  const BkReminder *y = *(BkReminder * const *) b;
  int c = strcmp (x->due_on, y->due_on);

  if (c != 0)
    return c;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return strcmp (x->key, y->key);
}

/**
 * bk_reminders_due:
 * @rules: (nullable): which rules are on; %NULL: bk_reminder_rules_init()
 * @now: the moment; its day in its own time zone is today
 *
 * Runs the rules (see the top of bk-reminders.c) and leaves out what was
 * done, or snoozed until after today.
 *
 * Returns: (transfer full) (element-type BkReminder): the reminders due,
 *   by due_on, then kind, then key; %NULL with @error when the database
 *   could not be read
 */
GPtrArray *
bk_reminders_due (BkStore                *store,
                  const BkReminderRules  *rules,
                  GDateTime              *now,
                  GError                **error)
{
  static const struct
  {
    BkReminderKind kind;
    gboolean     (*run) (Due *due, GError **error);
  } rule_runs[] = {
    { BK_REMINDER_AGREEMENT, add_agreements },
    { BK_REMINDER_FOLLOW_UP, add_follow_ups },
    { BK_REMINDER_START_INFO, add_start_info },
    { BK_REMINDER_NOT_REACHED, add_not_reached },
    { BK_REMINDER_MID_TERM, add_mid_terms },
    { BK_REMINDER_REPORT, add_reports },
    { BK_REMINDER_AFTER_CARE, add_after_care },
    { BK_REMINDER_SUMMARY, add_summaries },
  };
  g_autoptr (GPtrArray) list = NULL;
  BkReminderRules defaults;
  g_autofree char *today = NULL;
  Due due;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (rules == NULL)
    {
      bk_reminder_rules_init (&defaults);
      rules = &defaults;
    }
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_reminder_free);
  today = bk_date_iso_from_datetime (now);
  due = (Due) { .store = store, .rules = rules, .now = now, .zone = g_date_time_get_timezone (now),
                .today = today, .due = list };
  bk_date_from_datetime (now, &due.today_date);

  for (guint i = 0; i < G_N_ELEMENTS (rule_runs); i++)
    if ((rules->kinds & rule_runs[i].kind) && !rule_runs[i].run (&due, error))
      return NULL;
  if (!apply_state (&due, error))
    return NULL;
  g_ptr_array_sort (list, compare_reminders);
  return g_steal_pointer (&list);
}

/* Recording what the coach did */

/* Runs @sql, an upsert of one column of the state of @key, with @value. */
static gboolean
set_state (BkStore     *store,
           const char  *sql,
           const char  *key,
           const char  *value,
           GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, key);
  bk_bind_text (stmt, 2, value);
  return bk_store_step_done (store, stmt, error);
}

/**
 * bk_reminder_snooze:
 *
 * Leaves the reminder out for the rest of today (the day of @now); it is
 * due again tomorrow if its rule still says so.
 */
gboolean
bk_reminder_snooze (BkStore     *store,
                    const char  *key,
                    GDateTime   *now,
                    GError     **error)
{
  static const char sql[] =
    "INSERT INTO reminder_state (key, snoozed_until) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET snoozed_until = excluded.snoozed_until";
  g_autofree char *tomorrow = NULL;
  GDate today;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && now != NULL, FALSE);

  bk_date_from_datetime (now, &today);
  tomorrow = day_add (&today, 1);
  if (!set_state (store, sql, key, tomorrow, error))
    return FALSE;
  bk_store_emit_changed (store, "reminder_state", 0);
  return TRUE;
}

/* "agreement:40" → 40; 0 for any other key. */
static gint64
agreement_id (const char *key)
{
  guint64 id = 0;

  if (!g_str_has_prefix (key, "agreement:") ||
      !g_ascii_string_to_unsigned (key + strlen ("agreement:"), 10, 1, G_MAXINT64, &id, NULL))
    return 0;
  return (gint64) id;
}

/**
 * bk_reminder_done:
 *
 * Leaves the reminder out for good. An agreement's reminder also marks the
 * agreement done today, in the same transaction.
 */
gboolean
bk_reminder_done (BkStore     *store,
                  const char  *key,
                  GDateTime   *now,
                  GError     **error)
{
  static const char sql[] =
    "INSERT INTO reminder_state (key, done_at) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET done_at = excluded.done_at";
  static const char agreement_sql[] =
    "UPDATE agreements SET done_on = ?2 WHERE id = ?1 AND done_on IS NULL";
  g_autofree char *stamp = NULL;
  g_autofree char *today = NULL;
  gint64 agreement;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && now != NULL, FALSE);

  stamp = bk_timestamp (now);
  today = bk_date_iso_from_datetime (now);
  agreement = agreement_id (key);
  if (!bk_store_begin (store, error))
    return FALSE;
  if (!set_state (store, sql, key, stamp, error))
    goto fail;
  if (agreement != 0)
    {
      g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, agreement_sql, error);

      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, agreement);
      bk_bind_text (stmt, 2, today);
      if (!bk_store_step_done (store, stmt, error))
        goto fail;
    }
  if (!bk_store_commit (store, error))
    goto fail;

  bk_store_emit_changed (store, "reminder_state", 0);
  if (agreement != 0)
    bk_store_emit_changed (store, "agreements", agreement);
  return TRUE;

fail:
  bk_store_rollback (store);
  return FALSE;
}

/**
 * bk_reminder_mark_notified:
 *
 * Records that the reminder was shown as a notification; it stays due.
 */
gboolean
bk_reminder_mark_notified (BkStore     *store,
                           const char  *key,
                           GDateTime   *now,
                           GError     **error)
{
  static const char sql[] =
    "INSERT INTO reminder_state (key, notified_at) VALUES (?1, ?2)"
    " ON CONFLICT (key) DO UPDATE SET notified_at = excluded.notified_at";
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (BK_IS_STORE (store), FALSE);
  g_return_val_if_fail (key != NULL && now != NULL, FALSE);

  stamp = bk_timestamp (now);
  if (!set_state (store, sql, key, stamp, error))
    return FALSE;
  bk_store_emit_changed (store, "reminder_state", 0);
  return TRUE;
}
