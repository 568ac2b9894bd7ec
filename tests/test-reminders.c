/* test-reminders.c
 * What is due today: each rule on both sides of its boundary, and snooze, done, notified.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-reminders.h"
#include "bk-test-util.h"

/* Tests never read the clock: days are made here, in Europe/Amsterdam. */
static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");

  g_assert_nonnull (tz);
  return g_date_time_new (tz, year, month, day, hour, minute, 0);
}

static GPtrArray *
due_of (BkTestDb  *f,
        GDateTime *now,
        guint      kinds)
{
  g_autoptr (GError) error = NULL;
  BkReminderRules rules;
  GPtrArray *due;

  bk_reminder_rules_init (&rules);
  rules.kinds = kinds;
  due = bk_reminders_due (f->store, &rules, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (due);
  return due;
}

/* The keys in order, separated by spaces. */
static char *
keys_of (GPtrArray *due)
{
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < due->len; i++)
    {
      const BkReminder *r = g_ptr_array_index (due, i);

      g_string_append_printf (keys, "%s%s", i > 0 ? " " : "", r->key);
    }
  return g_string_free (keys, FALSE);
}

static char *
due_keys (BkTestDb  *f,
          GDateTime *now,
          guint      kinds)
{
  g_autoptr (GPtrArray) due = due_of (f, now, kinds);

  return keys_of (due);
}

static void
assert_keys (BkTestDb   *f,
             GDateTime  *now,
             guint       kinds,
             const char *expected)
{
  g_autofree char *keys = due_keys (f, now, kinds);

  g_assert_cmpstr (keys, ==, expected);
}

static void
assert_keys_at (BkTestDb   *f,
                int         year,
                int         month,
                int         day,
                guint       kinds,
                const char *expected)
{
  g_autoptr (GDateTime) now = local (year, month, day, 10, 30);

  assert_keys (f, now, kinds, expected);
}

static const BkReminder *
find (GPtrArray  *due,
      const char *key)
{
  for (guint i = 0; i < due->len; i++)
    {
      const BkReminder *r = g_ptr_array_index (due, i);

      if (g_strcmp0 (r->key, key) == 0)
        return r;
    }
  return NULL;
}

static void
close_db (BkTestDb *f)
{
  bk_test_db_close (f, NULL);
}

static void
exec (BkTestDb   *f,
      const char *sql)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_store_exec (f->store, sql, &error));
  g_assert_no_error (error);
}

#define CHILDREN \
  "INSERT INTO children (id, given_name, family_name, created_at, updated_at) VALUES" \
  " (1, 'Zoë', 'de Vries', 'x', 'x'), (2, 'Bram', 'Bakker', 'x', 'x'), (3, 'Noor', 'Jansen', 'x', 'x')," \
  " (4, 'Daan', 'Visser', 'x', 'x'), (5, 'Lotte', 'Smit', 'x', 'x'), (6, 'Sem', 'Mulder', 'x', 'x')," \
  " (7, 'Fenna', 'Bos', 'x', 'x'), (8, 'Milan', 'Peters', 'x', 'x');"

/* Defaults and labels */

static void
test_rules_defaults (void)
{
  BkReminderRules rules = { 0, };
  g_autoptr (GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);

  bk_reminder_rules_init (&rules);
  g_assert_cmpuint (rules.kinds, ==, BK_REMINDER_ALL);
  g_assert_cmpint (rules.not_reached_weeks, ==, 3);
  g_assert_cmpint (rules.after_care_weeks, ==, 6);
  g_assert_cmpint (rules.summary_days_ahead, ==, 7);

  g_assert_cmpstr (bk_reminder_kind_label (BK_REMINDER_AGREEMENT), ==, "Agreements");
  g_assert_cmpstr (bk_reminder_kind_label (BK_REMINDER_FOLLOW_UP), ==, "Follow-ups");
  g_assert_cmpstr (bk_reminder_kind_label (BK_REMINDER_START_INFO), ==, "Start information");
  g_assert_cmpstr (bk_reminder_kind_label (BK_REMINDER_NOT_REACHED), ==, "Not reached");
  g_assert_cmpstr (bk_reminder_kind_label (BK_REMINDER_MID_TERM), ==, "Mid-term conversations");
  g_assert_cmpstr (bk_reminder_kind_label (BK_REMINDER_REPORT), ==, "Development reports");
  g_assert_cmpstr (bk_reminder_kind_label (BK_REMINDER_AFTER_CARE), ==, "After-care");
  g_assert_cmpstr (bk_reminder_kind_label (BK_REMINDER_SUMMARY), ==, "Summaries for parents");
  for (guint bit = 1; bit < BK_REMINDER_ALL; bit <<= 1)
    g_assert_true (g_hash_table_add (labels, (gpointer) bk_reminder_kind_label (bit)));
}

/* Agreements */

#define AGREEMENTS_SEED CHILDREN \
  "INSERT INTO conversations (id, kind, child_id, status, held_at, created_at) VALUES" \
  " (1, 'informal', 2, 'held', '2026-11-02T14:00:00Z', 'x');" \
  "INSERT INTO agreements (id, conversation_id, child_id, text, owner, due_on, done_on, created_at) VALUES" \
  " (1, NULL, 1, 'Elke avond samen tien minuten lezen', 'Moeder', '2026-11-23', NULL, 'x')," \
  " (2, NULL, 1, 'Het briefje van school tekenen', 'Vader', '2026-11-24', NULL, 'x')," \
  " (3, NULL, 1, 'De huisarts bellen', 'Moeder', '2026-11-20', '2026-11-21', 'x')," \
  " (4, 1, NULL, 'Samen met Zoë een weekschema maken waarop zij dagelijks aangeeft wanneer zij huiswerk maakt'," \
  "  'Sanne (coach)', '2026-11-22', NULL, 'x');"

/* Due on its day and after, not the day before; a done one never. The
 * child comes from the conversation when the agreement has none. */
static void
test_agreement (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  const BkReminder *r;

  bk_test_db_open (&f, AGREEMENTS_SEED);
  due = due_of (&f, f.now, BK_REMINDER_ALL);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "agreement:4 agreement:1");
  }

  r = find (due, "agreement:4");
  g_assert_cmpint (r->kind, ==, BK_REMINDER_AGREEMENT);
  g_assert_cmpstr (r->title, ==, "Agreement due: Samen met Zoë een weekschema maken waarop zij dagelijks…");
  g_assert_cmpstr (r->body, ==, "Sanne (coach) · Bram Bakker · due 22-11-2026");
  g_assert_cmpstr (r->due_on, ==, "2026-11-22");
  g_assert_cmpint (r->child_id, ==, 2);
  g_assert_cmpint (r->record_id, ==, 4);
  g_assert_false (r->notified);

  r = find (due, "agreement:1");
  g_assert_cmpstr (r->title, ==, "Agreement due: Elke avond samen tien minuten lezen");
  g_assert_cmpint (r->child_id, ==, 1);

  assert_keys_at (&f, 2026, 11, 24, BK_REMINDER_AGREEMENT, "agreement:4 agreement:1 agreement:2");
  assert_keys_at (&f, 2026, 11, 21, BK_REMINDER_AGREEMENT, "");
  close_db (&f);
}

/* Follow-ups */

/* Zoë's next contact is today; Bram's tomorrow. Noor's parents have a
 * conversation planned after her next contact day; Daan's last one was
 * before it; Lotte's later one was cancelled. A planned conversation is
 * not followed up. */
static void
test_follow_up (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  const BkReminder *r;

  bk_test_db_open (&f, CHILDREN
    "INSERT INTO conversations (id, kind, child_id, status, planned_at, held_at, next_contact_on, created_at) VALUES"
    " (1, 'informal', 1, 'held', NULL, '2026-11-09T14:00:00Z', '2026-11-23', 'x'),"
    " (2, 'phone', 2, 'held', NULL, '2026-11-09T14:00:00Z', '2026-11-24', 'x'),"
    " (3, 'phone', 3, 'held', NULL, '2026-11-02T14:00:00Z', '2026-11-16', 'x'),"
    " (4, 'informal', 3, 'planned', '2026-11-30T14:00:00Z', NULL, NULL, 'x'),"
    " (5, 'phone', 4, 'held', NULL, '2026-11-02T14:00:00Z', '2026-11-16', 'x'),"
    " (6, 'informal', 4, 'held', '2026-11-10T14:00:00Z', '2026-11-10T14:00:00Z', NULL, 'x'),"
    " (7, 'phone', 5, 'held', NULL, '2026-11-02T14:00:00Z', '2026-11-16', 'x'),"
    " (8, 'informal', 5, 'cancelled', '2026-11-20T14:00:00Z', NULL, NULL, 'x'),"
    " (9, 'informal', 6, 'planned', '2026-11-02T14:00:00Z', NULL, '2026-11-20', 'x');");

  due = due_of (&f, f.now, BK_REMINDER_ALL);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "follow-up:5 follow-up:7 follow-up:1");
  }
  r = find (due, "follow-up:1");
  g_assert_cmpint (r->kind, ==, BK_REMINDER_FOLLOW_UP);
  g_assert_cmpstr (r->title, ==, "Follow up with the parents of Zoë de Vries");
  g_assert_cmpstr (r->due_on, ==, "2026-11-23");
  g_assert_cmpint (r->child_id, ==, 1);
  g_assert_cmpint (r->record_id, ==, 1);

  assert_keys_at (&f, 2026, 11, 22, BK_REMINDER_FOLLOW_UP, "follow-up:5 follow-up:7");
  assert_keys_at (&f, 2026, 11, 24, BK_REMINDER_FOLLOW_UP, "follow-up:5 follow-up:7 follow-up:1 follow-up:2");

  /* A conversation planned on the next contact day itself follows up. */
  exec (&f, "INSERT INTO conversations (kind, child_id, status, planned_at, created_at) VALUES"
            " ('phone', 1, 'planned', '2026-11-23T08:00:00Z', 'x');");
  assert_keys (&f, f.now, BK_REMINDER_FOLLOW_UP, "follow-up:5 follow-up:7");
  close_db (&f);
}

/* Start information */

/* The Jansens' deadline was yesterday, the Bakkers' is today. The Vissers
 * confirmed; the Smits' cycle ended yesterday; the Mulders were deleted. */
static void
test_start_info (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  const BkReminder *r;

  bk_test_db_open (&f,
    "INSERT INTO cycles (id, name, start_date, end_date, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-11-25', '2027-02-10', 'x'),"
    " (2, 'Traject zomer 2026', '2026-08-31', '2026-11-22', 'x');"
    "INSERT INTO families (id, name, created_at, deleted_at) VALUES"
    " (1, 'Familie Jansen', 'x', NULL), (2, 'Familie Bakker', 'x', NULL), (3, 'Familie Visser', 'x', NULL),"
    " (4, 'Smit', 'x', NULL), (5, 'Mulder', 'x', 'x');"
    "INSERT INTO parents (id, family_id, given_name, family_name, created_at, deleted_at) VALUES"
    " (1, 1, 'Fatima', 'Jansen', 'x', 'x'), (2, 1, 'Ahmed', 'Jansen', 'x', NULL),"
    " (3, 2, 'Mark', 'Bakker', 'x', NULL);"
    "INSERT INTO start_info (family_id, cycle_id, sent_on, deadline, confirmed_on) VALUES"
    " (1, 1, '2026-11-15', '2026-11-22', NULL), (2, 1, '2026-11-16', '2026-11-23', NULL),"
    " (3, 1, '2026-11-15', '2026-11-22', '2026-11-20'), (4, 2, '2026-11-15', '2026-11-22', NULL),"
    " (5, 1, '2026-11-15', '2026-11-22', NULL);");

  due = due_of (&f, f.now, BK_REMINDER_ALL);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "start-info:1:1");
  }
  r = find (due, "start-info:1:1");
  g_assert_cmpint (r->kind, ==, BK_REMINDER_START_INFO);
  g_assert_cmpstr (r->title, ==, "Call Familie Jansen: start information not confirmed");
  g_assert_cmpstr (r->body, ==, "Traject najaar 2026: sent 15-11-2026, not confirmed by 22-11-2026");
  g_assert_cmpstr (r->due_on, ==, "2026-11-22");
  g_assert_cmpint (r->parent_id, ==, 2);

  assert_keys_at (&f, 2026, 11, 22, BK_REMINDER_START_INFO, "");
  assert_keys_at (&f, 2026, 11, 24, BK_REMINDER_START_INFO, "start-info:1:1 start-info:2:1");
  /* A week into the cycle it is still worth a call; after that it is moot. */
  assert_keys_at (&f, 2026, 12, 2, BK_REMINDER_START_INFO, "start-info:1:1 start-info:2:1");
  assert_keys_at (&f, 2026, 12, 3, BK_REMINDER_START_INFO, "");
  close_db (&f);
}

/* Not reached */

/* Zoë is in a running cycle. Her mother Sandra was last reached both ways
 * on 1 October; her father Mark on 20 November; Kees only gets e-mails;
 * Eva was reached three weeks ago, an hour and a half after this time of
 * day; Fatima was deleted. Bram, also in the cycle, is being deleted, and
 * Noor is in no cycle. */
static void
test_not_reached (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GDateTime) noon = local (2026, 11, 23, 12, 30);
  g_autoptr (GDateTime) later = local (2026, 12, 15, 10, 30);
  g_autoptr (GError) error = NULL;
  const BkReminder *r;

  bk_test_db_open (&f, CHILDREN
    "UPDATE children SET deleted_at = 'x' WHERE id = 2;"
    "INSERT INTO cycles (id, name, start_date, end_date, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-10-07', '2026-12-23', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (1, 1, '2026-10-07'), (2, 1, '2026-10-07');"
    "INSERT INTO parents (id, given_name, family_name, created_at, deleted_at) VALUES"
    " (1, 'Sandra', 'de Vries', 'x', NULL), (2, 'Mark', 'de Vries', 'x', NULL), (3, 'Fatima', 'Jansen', 'x', 'x'),"
    " (4, 'Ahmed', 'Bakker', 'x', NULL), (5, 'Nadia', 'Jansen', 'x', NULL), (6, 'Kees', 'de Vries', 'x', NULL),"
    " (7, 'Eva', 'de Vries', 'x', NULL);"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES"
    " (1, 1, 'mother'), (2, 1, 'father'), (3, 1, 'other'), (4, 2, 'father'), (5, 3, 'mother'),"
    " (6, 1, 'step-parent'), (7, 1, 'grandparent');"
    "INSERT INTO contacts (id, occurred_at, kind, child_id, direction, form, depth) VALUES"
    " (1, '2026-10-01T10:00:00Z', 'phone', 1, 'two-way', 'communicating', 2),"
    " (2, '2026-11-20T10:00:00Z', 'phone', 1, 'two-way', 'communicating', 2),"
    " (3, '2026-11-20T10:00:00Z', 'email', 1, 'to-parent', 'communicating', 1),"
    " (4, '2026-11-02T11:00:00Z', 'door-talk', 1, 'two-way', 'communicating', 2);"
    "INSERT INTO contact_parents (contact_id, parent_id) VALUES (1, 1), (2, 2), (3, 6), (4, 7);");

  due = due_of (&f, f.now, BK_REMINDER_NOT_REACHED);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "not-reached:1:2026-10-01 not-reached:6:never");
  }
  r = find (due, "not-reached:1:2026-10-01");
  g_assert_cmpint (r->kind, ==, BK_REMINDER_NOT_REACHED);
  g_assert_cmpstr (r->title, ==, "Call Sandra de Vries");
  g_assert_cmpstr (r->body, ==, "Last two-way contact 7 weeks ago");
  g_assert_cmpstr (r->due_on, ==, "2026-10-22");
  g_assert_cmpint (r->parent_id, ==, 1);
  g_assert_cmpint (r->child_id, ==, 1);
  r = find (due, "not-reached:6:never");
  g_assert_cmpstr (r->due_on, ==, "2026-11-23");
  g_assert_cmpstr (r->body, ==, "Never reached in a two-way contact");

  /* Three weeks after Eva's contact, to the hour. */
  assert_keys (&f, noon, BK_REMINDER_NOT_REACHED,
               "not-reached:1:2026-10-01 not-reached:6:never not-reached:7:2026-11-02");

  /* Done with the old lapse; Sandra is reached again this morning. */
  g_assert_true (bk_reminder_done (f.store, "not-reached:1:2026-10-01", f.now, &error));
  g_assert_no_error (error);
  exec (&f, "INSERT INTO contacts (id, occurred_at, kind, child_id, direction, form, depth) VALUES"
            " (5, '2026-11-23T08:00:00Z', 'phone', 1, 'two-way', 'communicating', 2);"
            "INSERT INTO contact_parents (contact_id, parent_id) VALUES (5, 1);");
  assert_keys (&f, f.now, BK_REMINDER_NOT_REACHED, "not-reached:6:never");

  /* Three weeks later she lapses again: a new key, not the one marked done. */
  g_clear_pointer (&due, g_ptr_array_unref);
  due = due_of (&f, later, BK_REMINDER_NOT_REACHED);
  g_assert_nonnull (find (due, "not-reached:1:2026-11-23"));
  g_assert_null (find (due, "not-reached:1:2026-10-01"));
  g_assert_nonnull (find (due, "not-reached:2:2026-11-20"));
  g_assert_null (find (due, "not-reached:3:never"));
  g_assert_null (find (due, "not-reached:4:never"));
  g_assert_null (find (due, "not-reached:5:never"));
  g_assert_cmpstr (find (due, "not-reached:1:2026-11-23")->due_on, ==, "2026-12-14");
  close_db (&f);
}

/* Mid-term conversations */

/* Cycle 1 has its parent meeting on 11 November; cycle 2 has no meeting
 * planned, so session 6 (18 November) counts. Bram's mid-term conversation
 * is planned; Noor's was cancelled; Lotte's was in the spring. */
static void
test_mid_term (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GDateTime) day = local (2026, 11, 18, 10, 30);
  const BkReminder *r;

  bk_test_db_open (&f, CHILDREN
    "INSERT INTO cycles (id, name, start_date, end_date, session_count, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-10-07', '2026-12-23', 11, 'x'),"
    " (2, 'Traject winter 2026', '2026-10-14', '2026-12-30', 11, 'x');"
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (1, 1, 'parent-meeting', 'Ouderbijeenkomst (week 6)', '2026-11-11T14:30:00Z', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES"
    " (1, 1, '2026-10-07'), (2, 1, '2026-10-07'), (3, 1, '2026-10-07'), (4, 2, '2026-10-14'),"
    " (5, 1, '2026-10-07');"
    "INSERT INTO conversations (kind, child_id, status, planned_at, held_at, created_at) VALUES"
    " ('mid-term', 2, 'planned', '2026-11-12T14:00:00Z', NULL, 'x'),"
    " ('mid-term', 3, 'cancelled', '2026-11-12T14:00:00Z', NULL, 'x'),"
    " ('mid-term', 5, 'held', '2026-05-01T14:00:00Z', '2026-05-01T14:00:00Z', 'x');");

  due = due_of (&f, day, BK_REMINDER_MID_TERM);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "mid-term:1:1 mid-term:3:1 mid-term:5:1 mid-term:4:2");
  }
  r = find (due, "mid-term:1:1");
  g_assert_cmpint (r->kind, ==, BK_REMINDER_MID_TERM);
  g_assert_cmpstr (r->title, ==, "Plan the mid-term conversation with the parents of Zoë de Vries");
  g_assert_cmpstr (r->due_on, ==, "2026-11-11");
  g_assert_cmpint (r->child_id, ==, 1);
  g_assert_cmpstr (find (due, "mid-term:4:2")->due_on, ==, "2026-11-18");

  /* A week either side of the meeting; session 6's week. */
  assert_keys_at (&f, 2026, 11, 3, BK_REMINDER_MID_TERM, "");
  assert_keys_at (&f, 2026, 11, 4, BK_REMINDER_MID_TERM, "mid-term:1:1 mid-term:3:1 mid-term:5:1");
  assert_keys_at (&f, 2026, 11, 17, BK_REMINDER_MID_TERM, "mid-term:1:1 mid-term:3:1 mid-term:5:1");
  assert_keys_at (&f, 2026, 11, 19, BK_REMINDER_MID_TERM, "mid-term:4:2");
  assert_keys_at (&f, 2026, 11, 24, BK_REMINDER_MID_TERM, "mid-term:4:2");
  assert_keys_at (&f, 2026, 11, 25, BK_REMINDER_MID_TERM, "");
  close_db (&f);
}

/* Zoë moved from cycle 1 to cycle 2 (a day later in the week); Bram stayed
 * in cycle 1. Both cycles are near their parent meeting and have reports
 * due: Zoë gets those of cycle 2 only. */
static void
test_cycle_boundary (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;

  bk_test_db_open (&f, CHILDREN
    "INSERT INTO cycles (id, name, start_date, end_date, session_count, created_at) VALUES"
    " (1, 'Traject woensdag', '2026-10-07', '2026-12-23', 11, 'x'),"
    " (2, 'Traject donderdag', '2026-10-08', '2026-12-24', 11, 'x');"
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (1, 1, 'parent-meeting', 'Ouderbijeenkomst woensdag', '2026-11-25T14:30:00Z', 'x'),"
    " (2, 2, 'parent-meeting', 'Ouderbijeenkomst donderdag', '2026-11-26T14:30:00Z', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on, ended_on, outcome) VALUES"
    " (1, 1, '2026-10-07', '2026-10-20', 'moved'), (1, 2, '2026-10-21', NULL, NULL),"
    " (2, 1, '2026-10-07', NULL, NULL);"
    "INSERT INTO reports (child_id, cycle_id, number, body, status, written_on) VALUES"
    " (1, 2, 1, 'Zoë werkte goed door.', 'final', '2026-10-29');");

  due = due_of (&f, f.now, BK_REMINDER_MID_TERM | BK_REMINDER_REPORT);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "report:2:1:1 mid-term:2:1 mid-term:1:2 report:1:2:2");
  }
  g_assert_cmpstr (find (due, "report:1:2:2")->due_on, ==, "2026-11-26");
  g_assert_cmpstr (find (due, "report:2:1:1")->due_on, ==, "2026-10-28");
  close_db (&f);
}

/* Development reports */

/* Report 1 of Zoë's cycle is due on 30 November, Bram's on 1 December: a
 * report shows a week ahead. */
static void
test_report (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  const BkReminder *r;

  bk_test_db_open (&f, CHILDREN
    "INSERT INTO cycles (id, name, start_date, end_date, session_count, created_at) VALUES"
    " (1, 'Traject A', '2026-11-09', '2027-01-25', 11, 'x'),"
    " (2, 'Traject B', '2026-11-10', '2027-01-26', 11, 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (1, 1, '2026-11-09'), (2, 2, '2026-11-10');");

  due = due_of (&f, f.now, BK_REMINDER_REPORT);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "report:1:1:1");
  }
  r = find (due, "report:1:1:1");
  g_assert_cmpint (r->kind, ==, BK_REMINDER_REPORT);
  g_assert_cmpstr (r->title, ==, "Development report 1 for Zoë de Vries");
  g_assert_cmpstr (r->body, ==, "Traject A · due 30-11-2026");
  g_assert_cmpstr (r->due_on, ==, "2026-11-30");
  g_assert_cmpint (r->child_id, ==, 1);

  assert_keys_at (&f, 2026, 11, 24, BK_REMINDER_REPORT, "report:1:1:1 report:2:2:1");
  close_db (&f);
}

/* After-care */

/* Six weeks after the end, for four weeks: today (23 November) the ends
 * from 15 September to 12 October count. */
#define AFTER_CARE_SEED CHILDREN \
  "INSERT INTO cycles (id, name, start_date, end_date, created_at) VALUES" \
  " (1, 'Traject zomer 2026', '2026-06-01', '2026-08-17', 'x')," \
  " (2, 'Traject herfst 2026', '2026-07-20', '2026-10-05', 'x');" \
  "INSERT INTO enrolments (child_id, cycle_id, started_on, ended_on, outcome) VALUES" \
  " (1, 1, '2026-06-01', '2026-10-12', 'completed'), (2, 1, '2026-06-01', '2026-10-13', 'completed')," \
  " (3, 1, '2026-06-01', '2026-09-15', 'completed'), (4, 1, '2026-06-01', '2026-09-14', 'completed')," \
  " (5, 1, '2026-06-01', '2026-10-01', 'moved'), (6, 2, '2026-07-20', NULL, NULL)," \
  " (7, 1, '2026-06-01', '2026-10-01', 'completed'), (8, 1, '2026-06-01', '2026-10-01', 'completed');" \
  "INSERT INTO conversations (kind, child_id, status, held_at, created_at) VALUES" \
  " ('after-care', 7, 'held', '2026-11-10T14:00:00Z', 'x')," \
  " ('after-care', 8, 'held', '2026-09-20T14:00:00Z', 'x');"

static void
test_after_care (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  BkReminderRules rules;
  const BkReminder *r;

  bk_test_db_open (&f, AFTER_CARE_SEED);
  due = due_of (&f, f.now, BK_REMINDER_AFTER_CARE);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "after-care:3:1 after-care:8:1 after-care:6:2 after-care:1:1");
  }
  r = find (due, "after-care:1:1");
  g_assert_cmpint (r->kind, ==, BK_REMINDER_AFTER_CARE);
  g_assert_cmpstr (r->title, ==, "After-care: ask how Zoë de Vries is doing");
  g_assert_cmpstr (r->due_on, ==, "2026-11-23");
  g_assert_cmpint (r->child_id, ==, 1);
  g_assert_cmpstr (find (due, "after-care:6:2")->due_on, ==, "2026-11-16");

  /* Eight weeks instead of six: the ends from 1 to 28 September. */
  bk_reminder_rules_init (&rules);
  rules.kinds = BK_REMINDER_AFTER_CARE;
  rules.after_care_weeks = 8;
  g_clear_pointer (&due, g_ptr_array_unref);
  due = bk_reminders_due (f.store, &rules, f.now, &error);
  g_assert_no_error (error);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "after-care:4:1 after-care:3:1");
  }
  close_db (&f);
}

/* Summaries */

/* Cycle 1 meets in 7 days, cycle 2 in 8; both had an information evening
 * without a summary. Cycle 3's evening has its summary. Cycle 4's evening
 * is tonight, not past yet. */
static void
test_summary (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  g_autoptr (GError) error = NULL;
  BkReminderRules rules;
  const BkReminder *r;

  bk_test_db_open (&f,
    "INSERT INTO cycles (id, name, start_date, end_date, created_at) VALUES"
    " (1, 'A', '2026-10-07', '2026-12-23', 'x'), (2, 'B', '2026-10-07', '2026-12-23', 'x'),"
    " (3, 'C', '2026-10-07', '2026-12-23', 'x'), (4, 'D', '2026-11-30', '2027-02-15', 'x');"
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (1, 1, 'info-evening', 'Informatieavond', '2026-09-30T17:30:00Z', 'x'),"
    " (2, 1, 'parent-meeting', 'Ouderbijeenkomst (week 6)', '2026-11-30T14:30:00Z', 'x'),"
    " (3, 2, 'info-evening', 'Informatieavond', '2026-09-30T17:30:00Z', 'x'),"
    " (4, 2, 'parent-meeting', 'Ouderbijeenkomst (week 6)', '2026-12-01T14:30:00Z', 'x'),"
    " (5, 3, 'info-evening', 'Informatieavond', '2026-09-30T17:30:00Z', 'x'),"
    " (6, 3, 'parent-meeting', 'Ouderbijeenkomst (week 6)', '2026-11-25T14:30:00Z', 'x'),"
    " (7, 4, 'info-evening', 'Informatieavond', '2026-11-23T18:30:00Z', 'x'),"
    " (8, 4, 'parent-meeting', 'Ouderbijeenkomst (week 6)', '2026-11-26T14:30:00Z', 'x'),"
    " (9, 1, 'diploma', 'Diploma-uitreiking', '2026-11-24T14:30:00Z', 'x');"
    "INSERT INTO summaries (event_id, cycle_id, title, body, written_on) VALUES"
    " (5, 3, 'Informatieavond', 'Wat we vertelden.', '2026-10-01');");

  due = due_of (&f, f.now, BK_REMINDER_ALL);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "summary:1");
  }
  r = find (due, "summary:1");
  g_assert_cmpint (r->kind, ==, BK_REMINDER_SUMMARY);
  g_assert_cmpstr (r->title, ==, "Write the plain-language summary of Informatieavond before Ouderbijeenkomst (week 6)");
  g_assert_cmpstr (r->body, ==, "Ouderbijeenkomst (week 6) on 30-11-2026");
  g_assert_cmpstr (r->due_on, ==, "2026-11-30");
  g_assert_cmpint (r->record_id, ==, 1);

  bk_reminder_rules_init (&rules);
  rules.summary_days_ahead = 8;
  g_clear_pointer (&due, g_ptr_array_unref);
  due = bk_reminders_due (f.store, &rules, f.now, &error);
  g_assert_no_error (error);
  {
    g_autofree char *keys = keys_of (due);
    g_assert_cmpstr (keys, ==, "summary:1 summary:3");
  }

  /* Once the evening is over, cycle 4's meeting wants its summary too. */
  {
    g_autoptr (GDateTime) tomorrow = local (2026, 11, 24, 9, 0);
    assert_keys (&f, tomorrow, BK_REMINDER_SUMMARY, "summary:7 summary:1 summary:3");
  }
  close_db (&f);
}

/* The clocks go back */

/* 25 October 2026: summer time ends at 03:00. At 00:30 it is still 24
 * October in UTC, at 23:30 already 25 October in both; 00:30 on the 26th is
 * 25 October in UTC. Days are local days throughout. */
static void
test_time_zone_change (void)
{
  BkTestDb f;
  g_autoptr (GDateTime) early = local (2026, 10, 25, 0, 30);
  g_autoptr (GDateTime) late = local (2026, 10, 25, 23, 30);
  g_autoptr (GDateTime) next = local (2026, 10, 26, 0, 30);
  g_autoptr (GError) error = NULL;

  bk_test_db_open (&f, CHILDREN
    "INSERT INTO agreements (id, child_id, text, owner, due_on, created_at) VALUES"
    " (1, 1, 'Samen lezen', 'Moeder', '2026-10-25', 'x'), (2, 1, 'Briefje tekenen', 'Vader', '2026-10-26', 'x');"
    /* Bram's follow-up is planned at 00:45 local on the 25th (22:45 UTC on
     * the 24th): followed up. Noor's at 23:45 local on the 24th: not. */
    "INSERT INTO conversations (id, kind, child_id, status, planned_at, held_at, next_contact_on, created_at) VALUES"
    " (1, 'phone', 2, 'held', NULL, '2026-10-11T12:00:00Z', '2026-10-25', 'x'),"
    " (2, 'informal', 2, 'planned', '2026-10-24T22:45:00Z', NULL, NULL, 'x'),"
    " (3, 'phone', 3, 'held', NULL, '2026-10-11T12:00:00Z', '2026-10-25', 'x'),"
    " (4, 'informal', 3, 'planned', '2026-10-24T21:45:00Z', NULL, NULL, 'x');");

  assert_keys (&f, early, BK_REMINDER_AGREEMENT, "agreement:1");
  assert_keys (&f, early, BK_REMINDER_FOLLOW_UP, "follow-up:3");
  assert_keys (&f, late, BK_REMINDER_AGREEMENT, "agreement:1");

  /* Snoozed just after midnight: gone all day, back the next local day. */
  g_assert_true (bk_reminder_snooze (f.store, "agreement:1", early, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT snoozed_until = '2026-10-26' FROM reminder_state"
                                              " WHERE key = 'agreement:1'"), ==, 1);
  assert_keys (&f, late, BK_REMINDER_AGREEMENT, "");
  assert_keys (&f, next, BK_REMINDER_AGREEMENT, "agreement:1 agreement:2");
  close_db (&f);
}

/* Snooze, done, notified */

static void
changed_cb (BkStore    *store,
            const char *table,
            gint64      row_id,
            GString    *log)
{
  g_string_append_printf (log, "%s:%" G_GINT64_FORMAT " ", table, row_id);
}

static void
test_snooze (void)
{
  BkTestDb f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GDateTime) evening = local (2026, 11, 23, 23, 59);
  g_autoptr (GDateTime) tomorrow = local (2026, 11, 24, 8, 0);

  bk_test_db_open (&f, AGREEMENTS_SEED);
  g_signal_connect (f.store, "changed", G_CALLBACK (changed_cb), log);
  g_assert_true (bk_reminder_snooze (f.store, "agreement:1", f.now, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "reminder_state:0 ");

  assert_keys (&f, f.now, BK_REMINDER_AGREEMENT, "agreement:4");
  assert_keys (&f, evening, BK_REMINDER_AGREEMENT, "agreement:4");
  assert_keys (&f, tomorrow, BK_REMINDER_AGREEMENT, "agreement:4 agreement:1 agreement:2");
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT count (*) FROM agreements WHERE done_on IS NULL"), ==, 3);

  /* Snoozed again tomorrow: until the day after. */
  g_assert_true (bk_reminder_snooze (f.store, "agreement:1", tomorrow, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT snoozed_until = '2026-11-25' FROM reminder_state"
                                              " WHERE key = 'agreement:1'"), ==, 1);
  assert_keys (&f, tomorrow, BK_REMINDER_AGREEMENT, "agreement:4 agreement:2");
  g_signal_handlers_disconnect_by_data (f.store, log);
  close_db (&f);
}

static void
test_done (void)
{
  BkTestDb f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GDateTime) later = local (2026, 12, 1, 10, 30);

  bk_test_db_open (&f, AGREEMENTS_SEED
    "INSERT INTO conversations (id, kind, child_id, status, held_at, next_contact_on, created_at) VALUES"
    " (2, 'phone', 3, 'held', '2026-11-09T14:00:00Z', '2026-11-20', 'x');");
  g_signal_connect (f.store, "changed", G_CALLBACK (changed_cb), log);

  g_assert_true (bk_reminder_done (f.store, "agreement:1", f.now, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "reminder_state:0 agreements:1 ");
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT done_on = '2026-11-23' FROM agreements WHERE id = 1"), ==, 1);
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT done_at = '2026-11-23T09:30:00Z' FROM reminder_state"
                                              " WHERE key = 'agreement:1'"), ==, 1);
  assert_keys (&f, f.now, BK_REMINDER_AGREEMENT, "agreement:4");
  assert_keys (&f, later, BK_REMINDER_AGREEMENT, "agreement:4 agreement:2");

  /* A follow-up is done for good; its conversation keeps its next contact. */
  assert_keys (&f, f.now, BK_REMINDER_FOLLOW_UP, "follow-up:2");
  g_string_truncate (log, 0);
  g_assert_true (bk_reminder_done (f.store, "follow-up:2", f.now, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (log->str, ==, "reminder_state:0 ");
  assert_keys (&f, later, BK_REMINDER_FOLLOW_UP, "");
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT next_contact_on = '2026-11-20' FROM conversations"
                                              " WHERE id = 2"), ==, 1);

  /* A key no rule makes (yet) is simply recorded. */
  g_assert_true (bk_reminder_done (f.store, "something:else", f.now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT count (*) FROM reminder_state"
                                              " WHERE key = 'something:else' AND done_at IS NOT NULL"), ==, 1);
  g_assert_true (bk_reminder_snooze (f.store, "agreement:99", f.now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT count (*) FROM reminder_state"), ==, 4);
  g_signal_handlers_disconnect_by_data (f.store, log);
  close_db (&f);
}

static void
test_notified (void)
{
  BkTestDb f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) due = NULL;

  bk_test_db_open (&f, AGREEMENTS_SEED);
  g_assert_true (bk_reminder_mark_notified (f.store, "agreement:1", f.now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bk_test_query_int (f.path, "SELECT notified_at = '2026-11-23T09:30:00Z' FROM reminder_state"
                                              " WHERE key = 'agreement:1'"), ==, 1);
  due = due_of (&f, f.now, BK_REMINDER_AGREEMENT);
  g_assert_cmpuint (due->len, ==, 2);
  g_assert_true (find (due, "agreement:1")->notified);
  g_assert_false (find (due, "agreement:4")->notified);

  /* Snoozing keeps it notified. */
  g_assert_true (bk_reminder_snooze (f.store, "agreement:1", f.now, &error));
  g_assert_no_error (error);
  g_clear_pointer (&due, g_ptr_array_unref);
  {
    g_autoptr (GDateTime) tomorrow = local (2026, 11, 24, 8, 0);
    due = due_of (&f, tomorrow, BK_REMINDER_AGREEMENT);
  }
  g_assert_true (find (due, "agreement:1")->notified);
  close_db (&f);
}

/* Rules switched off, and the order */

static void
test_rules_off (void)
{
  BkTestDb f;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) defaults = NULL;
  g_autofree char *all_keys = NULL;
  g_autofree char *default_keys = NULL;
  BkReminderRules rules;

  bk_test_db_open (&f, AGREEMENTS_SEED
    "INSERT INTO conversations (id, kind, child_id, status, held_at, next_contact_on, created_at) VALUES"
    " (2, 'phone', 3, 'held', '2026-11-09T14:00:00Z', '2026-11-20', 'x');"
    "INSERT INTO cycles (id, name, start_date, end_date, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-11-18', '2027-02-03', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (4, 1, '2026-11-18');"
    "INSERT INTO parents (id, given_name, created_at) VALUES (1, 'Sandra', 'x');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES (1, 4, 'mother');"
    "INSERT INTO contacts (id, occurred_at, kind, child_id, direction, form, depth) VALUES"
    " (1, '2026-10-01T10:00:00Z', 'phone', 4, 'two-way', 'communicating', 2);"
    "INSERT INTO contact_parents (contact_id, parent_id) VALUES (1, 1);");

  all = due_of (&f, f.now, BK_REMINDER_ALL);
  all_keys = keys_of (all);
  g_assert_cmpstr (all_keys, ==, "not-reached:1:2026-10-01 follow-up:2 agreement:4 agreement:1");
  defaults = bk_reminders_due (f.store, NULL, f.now, &error);
  g_assert_no_error (error);
  default_keys = keys_of (defaults);
  g_assert_cmpstr (default_keys, ==, all_keys);

  assert_keys (&f, f.now, BK_REMINDER_ALL & ~BK_REMINDER_AGREEMENT, "not-reached:1:2026-10-01 follow-up:2");
  assert_keys (&f, f.now, BK_REMINDER_ALL & ~(BK_REMINDER_NOT_REACHED | BK_REMINDER_FOLLOW_UP),
               "agreement:4 agreement:1");
  assert_keys (&f, f.now, 0, "");

  /* Not reached for eight weeks: the contact of 1 October is seven weeks old. */
  bk_reminder_rules_init (&rules);
  rules.not_reached_weeks = 8;
  g_clear_pointer (&all, g_ptr_array_unref);
  all = bk_reminders_due (f.store, &rules, f.now, &error);
  g_assert_no_error (error);
  g_assert_null (find (all, "not-reached:1:2026-10-01"));
  g_assert_nonnull (find (all, "follow-up:2"));
  close_db (&f);
}

/* By due day, then by rule, then by key (as text). */
static void
test_order (void)
{
  BkTestDb f;

  bk_test_db_open (&f, CHILDREN
    "INSERT INTO agreements (id, child_id, text, owner, due_on, created_at) VALUES"
    " (1, 1, 'a', 'Moeder', '2026-11-20', 'x'), (2, 1, 'b', 'Moeder', '2026-11-22', 'x'),"
    " (9, 1, 'c', 'Moeder', '2026-11-20', 'x'), (10, 1, 'd', 'Moeder', '2026-11-20', 'x'),"
    " (11, 1, 'e', 'Moeder', '2026-11-19', 'x');"
    "INSERT INTO conversations (id, kind, child_id, status, held_at, next_contact_on, created_at) VALUES"
    " (1, 'phone', 2, 'held', '2026-11-09T14:00:00Z', '2026-11-20', 'x');"
    "INSERT INTO cycles (id, name, start_date, end_date, created_at) VALUES"
    " (1, 'Traject zomer 2026', '2026-06-01', '2026-08-17', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on, ended_on, outcome) VALUES"
    " (4, 1, '2026-06-01', '2026-10-09', 'completed');");
  /* "after-care" sorts before "agreement" as text, not as a rule. */
  assert_keys (&f, f.now, BK_REMINDER_ALL,
               "agreement:11 agreement:1 agreement:10 agreement:9 follow-up:1 after-care:4:1 agreement:2");
  close_db (&f);
}

/* Deleted children and parents */

/* Zoë, with a reminder of every kind about her, and Sem, who completed a
 * cycle, are being deleted; so is the mother of Noor, who just started in a
 * living group. Then they come back. */
static void
test_deleted (void)
{
  BkTestDb f;
  g_autoptr (GPtrArray) due = NULL;
  guint kinds = 0;

  bk_test_db_open (&f, CHILDREN
    "INSERT INTO cycles (id, kind, name, start_date, end_date, session_count, created_at) VALUES"
    " (1, 'cycle', 'Traject najaar 2026', '2026-10-07', '2026-12-23', 11, 'x'),"
    " (2, 'cycle', 'Traject zomer 2026', '2026-06-01', '2026-08-17', 11, 'x'),"
    " (3, 'living-group', 'Leefgroep De Linde', '2026-11-20', NULL, 1, 'x');"
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (1, 1, 'parent-meeting', 'Ouderbijeenkomst (week 6)', '2026-11-25T14:30:00Z', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on, ended_on, outcome) VALUES"
    " (1, 1, '2026-10-07', NULL, NULL), (6, 2, '2026-06-01', '2026-10-12', 'completed'),"
    " (3, 3, '2026-11-20', NULL, NULL);"
    "INSERT INTO conversations (id, kind, child_id, status, held_at, next_contact_on, created_at) VALUES"
    " (1, 'phone', 1, 'held', '2026-11-09T14:00:00Z', '2026-11-20', 'x');"
    "INSERT INTO agreements (id, conversation_id, child_id, text, owner, due_on, created_at) VALUES"
    " (1, NULL, 1, 'Samen lezen', 'Moeder', '2026-11-20', 'x'), (2, 1, NULL, 'Bellen', 'Vader', '2026-11-20', 'x');"
    "INSERT INTO parents (id, given_name, created_at, deleted_at) VALUES (1, 'Nadia', 'x', 'x');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES (1, 3, 'mother');"
    "UPDATE children SET deleted_at = '2026-11-23T09:00:00Z' WHERE id IN (1, 6);");

  assert_keys (&f, f.now, BK_REMINDER_ALL, "");

  exec (&f, "UPDATE children SET deleted_at = NULL; UPDATE parents SET deleted_at = NULL;");
  due = due_of (&f, f.now, BK_REMINDER_ALL);
  for (guint i = 0; i < due->len; i++)
    kinds |= ((const BkReminder *) g_ptr_array_index (due, i))->kind;
  g_assert_cmpuint (kinds, ==, BK_REMINDER_AGREEMENT | BK_REMINDER_FOLLOW_UP | BK_REMINDER_NOT_REACHED |
                               BK_REMINDER_MID_TERM | BK_REMINDER_REPORT | BK_REMINDER_AFTER_CARE);
  g_assert_nonnull (find (due, "agreement:1"));
  g_assert_nonnull (find (due, "agreement:2"));
  g_assert_nonnull (find (due, "follow-up:1"));
  g_assert_nonnull (find (due, "mid-term:1:1"));
  g_assert_nonnull (find (due, "report:1:1:1"));
  g_assert_nonnull (find (due, "after-care:6:2"));
  g_assert_nonnull (find (due, "not-reached:1:never"));
  close_db (&f);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reminders/rules/defaults", test_rules_defaults);
  g_test_add_func ("/reminders/agreement/due", test_agreement);
  g_test_add_func ("/reminders/follow-up/due", test_follow_up);
  g_test_add_func ("/reminders/start-info/deadline", test_start_info);
  g_test_add_func ("/reminders/not-reached/key-per-lapse", test_not_reached);
  g_test_add_func ("/reminders/mid-term/window", test_mid_term);
  g_test_add_func ("/reminders/mid-term/cycle-boundary", test_cycle_boundary);
  g_test_add_func ("/reminders/report/week-ahead", test_report);
  g_test_add_func ("/reminders/after-care/window", test_after_care);
  g_test_add_func ("/reminders/summary/before-meeting", test_summary);
  g_test_add_func ("/reminders/days/time-zone-change", test_time_zone_change);
  g_test_add_func ("/reminders/state/snooze", test_snooze);
  g_test_add_func ("/reminders/state/done", test_done);
  g_test_add_func ("/reminders/state/notified", test_notified);
  g_test_add_func ("/reminders/rules/switched-off", test_rules_off);
  g_test_add_func ("/reminders/order", test_order);
  g_test_add_func ("/reminders/deleted", test_deleted);

  return g_test_run ();
}
