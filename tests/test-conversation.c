/* test-conversation.c
 * Parent conversations: planning, logging as held, agreements, self-checks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bk-contact.h"
#include "bk-conversation.h"
#include "bk-reach.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* now = Monday 23-11-2026 10:30 in Europe/Amsterdam (09:30Z). Zoë's
 * parents are Sandra and Mark (separated), Bram's mother is Fatima; both
 * children are in a running cycle. Sanne and Daan are teachers. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO staff (id, name, created_at) VALUES (1, 'Sanne Hoekstra', 'x'), (2, 'Daan Visser', 'x');"
    "INSERT INTO cycles (id, name, start_date, end_date, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-10-07', '2026-12-23', 'x');"
    "INSERT INTO children (id, given_name, family_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'de Vries', 'x', 'x'), (2, 'Bram', 'Jansen', 'x', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES"
    " (1, 1, '2026-10-07'), (2, 1, '2026-10-07');"
    "INSERT INTO parents (id, given_name, family_name, created_at) VALUES"
    " (1, 'Sandra', 'de Vries', 'x'), (2, 'Mark', 'Bakker', 'x'), (3, 'Fatima', 'Jansen', 'x');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES"
    " (1, 1, 'mother'), (2, 1, 'father'), (3, 2, 'mother');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

/* One text from a query, as another reader sees it; "" for no row. */
static char *
q_text (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_text (stmt, 0) != NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else
    value = g_strdup ("");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static GArray *
parents (gint64 a,
         gint64 b)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (a != 0)
    g_array_append_val (ids, a);
  if (b != 0)
    g_array_append_val (ids, b);
  return ids;
}

/* A conversation about Zoë with both her parents, led by Sanne. */
static BkConversationDraft
draft_for (const char *kind,
           gboolean    held,
           const char *day,
           const char *time,
           GArray     *parent_ids)
{
  BkConversationDraft d = { 0, };

  d.kind = kind;
  d.child_id = 1;
  d.staff_id = 1;
  d.held = held;
  d.day = day;
  d.time = time;
  d.parent_ids = parent_ids;
  return d;
}

/* The field of the first refusal, or NULL when there is none. */
static const char *
first_field (GPtrArray *errors)
{
  return errors->len ? ((BkFieldError *) errors->pdata[0])->field : NULL;
}

static gboolean
refuses (GPtrArray  *errors,
         const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    if (g_str_equal (((BkFieldError *) errors->pdata[i])->field, field))
      return TRUE;
  return FALSE;
}

/* Nothing of any conversation is in the database. */
static void
assert_nothing_written (Fixture *f)
{
  g_assert_cmpint (q (f, "SELECT count(*) FROM conversations"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM conversation_participants"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts"), ==, 0);
}

static gint64
save_ok (Fixture                   *f,
         const BkConversationDraft *d)
{
  g_autoptr (GError) error = NULL;
  gint64 id = 0;

  g_assert_true (bk_conversation_save (f->store, d, f->now, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_kinds (Fixture       *f,
            gconstpointer  data)
{
  const char * const *kinds = bk_conversation_kinds ();
  const char * const *questions = bk_conversation_open_questions ();

  g_assert_cmpuint (g_strv_length ((char **) kinds), ==, 7);
  for (guint i = 0; kinds[i] != NULL; i++)
    g_assert_nonnull (bk_conversation_kind_label (kinds[i]));
  g_assert_cmpstr (bk_conversation_kind_label ("mid-term"), ==, "Mid-term conversation");
  g_assert_cmpstr (bk_conversation_kind_label ("after-care"), ==, "After-care call");
  g_assert_null (bk_conversation_kind_label ("interrogation"));
  g_assert_null (bk_conversation_kind_label (NULL));

  g_assert_cmpuint (g_strv_length ((char **) questions), ==, 5);
  g_assert_cmpstr (questions[0], ==, "What works at home?");
  for (guint i = 0; questions[i] != NULL; i++)
    g_assert_true (g_str_has_suffix (questions[i], "?"));
}

static void
test_save_planned (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) ids = parents (1, 2);
  g_autoptr (BkConversation) c = NULL;
  BkConversationDraft d = draft_for ("mid-term", FALSE, "25-11-2026", "15:30", ids);
  gint64 id;

  d.purpose = "  Halverwege: hoe gaat het met Zoë's leerdoel?  ";
  d.positive_opener = "Zoë stelde vorige week zelf een vraag in de groep.";
  d.interpreter = " Ayşe Demir ";
  d.next_contact_on = "2026-12-09";
  /* A parent chosen twice takes part once. */
  g_array_append_val (ids, (gint64) { 1 });
  id = save_ok (f, &d);

  c = bk_conversation_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (c->id, ==, id);
  g_assert_cmpstr (c->kind, ==, "mid-term");
  g_assert_cmpstr (c->status, ==, "planned");
  /* 15:30 in Amsterdam in November (CET, +1) is 14:30 UTC. */
  g_assert_cmpstr (c->planned_at, ==, "2026-11-25T14:30:00Z");
  g_assert_null (c->held_at);
  g_assert_cmpstr (c->child_name, ==, "Zoë de Vries");
  g_assert_cmpstr (c->staff_name, ==, "Sanne Hoekstra");
  g_assert_cmpint (c->staff_id, ==, 1);
  g_assert_cmpstr (c->participants, ==, "Sandra de Vries, Mark Bakker, interpreter: Ayşe Demir");
  g_assert_cmpstr (c->interpreter, ==, "Ayşe Demir");
  g_assert_cmpuint (c->parent_ids->len, ==, 2);
  g_assert_cmpint (g_array_index (c->parent_ids, gint64, 1), ==, 2);
  g_assert_cmpstr (c->purpose, ==, "Halverwege: hoe gaat het met Zoë's leerdoel?");
  g_assert_cmpstr (c->next_contact_on, ==, "2026-12-09");
  g_assert_null (c->notes);

  /* Two parents, the interpreter and the staff member take part. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM conversation_participants WHERE role = 'parent'"), ==, 2);
  g_assert_cmpint (q (f, "SELECT count(*) FROM conversation_participants"
                         " WHERE role = 'interpreter' AND name = 'Ayşe Demir'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM conversation_participants"
                         " WHERE role = 'staff' AND staff_id = 1"), ==, 1);
  /* Planned is not contact yet. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts"), ==, 0);
}

static void
test_dst (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 0);
  /* The clocks go back in the night to Sunday 25-10-2026. */
  BkConversationDraft after = draft_for ("informal", FALSE, "25-10-2026", "15:30", ids);
  BkConversationDraft before = draft_for ("informal", FALSE, "24-10-2026", "15:30", ids);
  BkConversationDraft noon = draft_for ("informal", FALSE, "26-11-2026", "", ids);
  g_autoptr (BkConversation) a = NULL;
  g_autoptr (BkConversation) b = NULL;
  g_autoptr (BkConversation) n = NULL;

  a = bk_conversation_load (f->store, save_ok (f, &after), NULL);
  b = bk_conversation_load (f->store, save_ok (f, &before), NULL);
  n = bk_conversation_load (f->store, save_ok (f, &noon), NULL);
  g_assert_cmpstr (a->planned_at, ==, "2026-10-25T14:30:00Z");
  g_assert_cmpstr (b->planned_at, ==, "2026-10-24T13:30:00Z");
  /* No time: noon, so it stays on its day. */
  g_assert_cmpstr (n->planned_at, ==, "2026-11-26T11:00:00Z");
}

static void
test_held_in_future_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 2);
  struct { const char *day; const char *time; const char *field; } cases[] = {
    { "24-11-2026", "", "day" },          /* tomorrow */
    { "24-11-2026", "09:00", "day" },
    { "23-11-2026", "16:00", "time" },    /* today, later than 10:30 */
    { "23-11-2026", "10:31", "time" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BkConversationDraft d = draft_for ("mid-term", TRUE, cases[i].day, cases[i].time, ids);
      g_autoptr (GPtrArray) errors = bk_conversation_validate (&d, f->now);
      g_autoptr (GError) error = NULL;

      g_test_message ("case %u", i);
      g_assert_cmpstr (first_field (errors), ==, cases[i].field);
      g_assert_false (bk_conversation_save (f->store, &d, f->now, NULL, &error));
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==,
                       "A conversation in the future cannot have been held: plan it instead.");
    }
  assert_nothing_written (f);

  /* Held now, held earlier today and planned in the past are all fine. */
  {
    BkConversationDraft now = draft_for ("informal", TRUE, "23-11-2026", "10:30", ids);
    BkConversationDraft morning = draft_for ("informal", TRUE, "2026-11-23", "8:05", ids);
    BkConversationDraft overdue = draft_for ("mid-term", FALSE, "2-11-2026", "15:30", ids);
    BkConversationDraft tomorrow = draft_for ("mid-term", FALSE, "24-11-2026", "", ids);
    const BkConversationDraft *fine[] = { &now, &morning, &overdue, &tomorrow };

    for (guint i = 0; i < G_N_ELEMENTS (fine); i++)
      {
        g_autoptr (GPtrArray) errors = bk_conversation_validate (fine[i], f->now);
        g_assert_cmpuint (errors->len, ==, 0);
      }
  }
}

static void
test_held_today_without_time (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 0);
  BkConversationDraft d = draft_for ("informal", TRUE, "23-11-2026", NULL, ids);
  g_autoptr (BkConversation) c = bk_conversation_load (f->store, save_ok (f, &d), NULL);

  /* Noon has not come at 10:30: held now, never after now. */
  g_assert_cmpstr (c->held_at, ==, "2026-11-23T09:30:00Z");
}

static void
test_bad_fields (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 0);
  g_autoptr (GArray) none = parents (0, 0);
  g_autofree char *long_purpose = g_strnfill (BK_CONVERSATION_PURPOSE_MAX + 1, 'x');
  g_autofree char *long_notes = g_strnfill (BK_CONVERSATION_NOTES_MAX + 1, 'x');
  struct { const char *kind; gint64 child; const char *day; const char *time; GArray *ids;
           const char *purpose; const char *notes; const char *field; } cases[] = {
    { "interrogation", 1, "25-11-2026", "", ids, NULL, NULL, "kind" },
    { NULL, 1, "25-11-2026", "", ids, NULL, NULL, "kind" },
    { "intake", 0, "25-11-2026", "", ids, NULL, NULL, "child" },
    { "intake", 1, "", "", ids, NULL, NULL, "day" },
    { "intake", 1, "31-11-2026", "", ids, NULL, NULL, "day" },
    { "intake", 1, "25-11-2026", "24:00", ids, NULL, NULL, "time" },
    { "intake", 1, "25-11-2026", "15:60", ids, NULL, NULL, "time" },
    { "intake", 1, "25-11-2026", "15.30", ids, NULL, NULL, "time" },
    { "intake", 1, "25-11-2026", "15:3", ids, NULL, NULL, "time" },
    { "intake", 1, "25-11-2026", "", ids, long_purpose, NULL, "purpose" },
    { "intake", 1, "25-11-2026", "", ids, NULL, long_notes, "notes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BkConversationDraft d = draft_for (cases[i].kind, FALSE, cases[i].day, cases[i].time, cases[i].ids);
      g_autoptr (GPtrArray) errors = NULL;

      d.child_id = cases[i].child;
      d.purpose = cases[i].purpose;
      d.notes = cases[i].notes;
      errors = bk_conversation_validate (&d, f->now);
      g_test_message ("case %u", i);
      g_assert_cmpuint (errors->len, ==, 1);
      g_assert_cmpstr (first_field (errors), ==, cases[i].field);
    }

  /* Held with nobody: no contact could count; planned may choose later. */
  {
    BkConversationDraft held = draft_for ("phone", TRUE, "20-11-2026", "", none);
    BkConversationDraft planned = draft_for ("phone", FALSE, "30-11-2026", "", NULL);
    g_autoptr (GPtrArray) e1 = bk_conversation_validate (&held, f->now);
    g_autoptr (GPtrArray) e2 = bk_conversation_validate (&planned, f->now);

    g_assert_cmpstr (first_field (e1), ==, "parents");
    g_assert_cmpuint (e2->len, ==, 0);
  }
  assert_nothing_written (f);
}

static void
test_agreement_refused (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 2);
  BkAgreementDraft no_owner[] = {
    { "Zoë geeft zichzelf elke dag een compliment", "", "7-12-2026" },
  };
  BkAgreementDraft no_date[] = {
    { "Zoë geeft zichzelf elke dag een compliment", "Zoë", "7-12-2026" },
    { "Moeder belt na twee weken", "Sandra", "  " },
  };
  BkAgreementDraft early[] = {
    { "Moeder belt na twee weken", "Sandra", "19-11-2026" },
  };
  BkAgreementDraft no_text[] = {
    { NULL, "Sandra", "7-12-2026" },
  };
  struct { const BkAgreementDraft *agreements; guint n; const char *field; const char *message; } cases[] = {
    { no_owner, 1, "agreement-1-owner", "Who does this? Write a name." },
    { no_date, 2, "agreement-2-due", "By when? Write a date." },
    { early, 1, "agreement-1-due", NULL },
    { no_text, 1, "agreement-1-text", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BkConversationDraft d = draft_for ("mid-term", TRUE, "20-11-2026", "14:00", ids);
      g_autoptr (GPtrArray) errors = NULL;
      g_autoptr (GError) error = NULL;

      d.agreements = cases[i].agreements;
      d.n_agreements = cases[i].n;
      errors = bk_conversation_validate (&d, f->now);
      g_test_message ("case %u", i);
      g_assert_cmpuint (errors->len, ==, 1);
      g_assert_cmpstr (first_field (errors), ==, cases[i].field);
      g_assert_false (bk_conversation_save (f->store, &d, f->now, NULL, &error));
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      if (cases[i].message != NULL)
        g_assert_cmpstr (error->message, ==, cases[i].message);
    }
  /* Not even the held conversation's contact. */
  assert_nothing_written (f);
}

static void
test_blank_agreement_ignored (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 2);
  BkAgreementDraft agreements[] = {
    { "", "  ", NULL },
    { " Zoë geeft zichzelf elke dag een compliment ", " Zoë ", "7-12-2026" },
    { NULL, NULL, "" },
  };
  BkConversationDraft d = draft_for ("mid-term", FALSE, "25-11-2026", "15:30", ids);
  g_autoptr (BkConversation) c = NULL;
  g_autoptr (GPtrArray) errors = NULL;
  gint64 id;

  d.agreements = agreements;
  d.n_agreements = G_N_ELEMENTS (agreements);
  errors = bk_conversation_validate (&d, f->now);
  g_assert_cmpuint (errors->len, ==, 0);
  id = save_ok (f, &d);

  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements WHERE child_id = 1 AND due_on = '2026-12-07'"
                         " AND owner = 'Zoë' AND done_on IS NULL"), ==, 1);
  c = bk_conversation_load (f->store, id, NULL);
  g_assert_cmpuint (c->agreements->len, ==, 1);
  g_assert_cmpstr (((BkAgreement *) c->agreements->pdata[0])->text, ==,
                   "Zoë geeft zichzelf elke dag een compliment");
}

static char *
not_reached_names (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) list = bk_reach_not_reached (f->store, f->now, 3, &error);
  GString *names = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr (BkReach) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      if (names->len)
        g_string_append (names, ", ");
      g_string_append (names, bk_reach_get_display_name (item));
    }
  return g_string_free (names, FALSE);
}

static void
test_held_logs_contact (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 2);
  g_autofree char *before = not_reached_names (f);
  g_autofree char *after = NULL;
  g_autofree char *at = NULL;
  BkConversationDraft d = draft_for ("mid-term", TRUE, "20-11-2026", "14:00", ids);

  g_assert_cmpstr (before, ==, "Fatima Jansen, Mark Bakker, Sandra de Vries");
  d.id = save_ok (f, &d);

  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts WHERE kind = 'conversation'"
                         " AND direction = 'two-way' AND child_id = 1 AND staff_id = 1"
                         " AND occurred_at = '2026-11-20T13:00:00Z'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contact_parents"), ==, 2);
  /* Both parents now count as reached both ways. */
  after = not_reached_names (f);
  g_assert_cmpstr (after, ==, "Fatima Jansen");

  /* Saving it again (notes added) logs no second contact. */
  d.notes = "Moeder vertelde wat thuis werkt: vaste tijden.";
  save_ok (f, &d);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contact_parents"), ==, 2);
  g_assert_cmpint (q (f, "SELECT count(*) FROM conversations"), ==, 1);

  /* A corrected time moves the same contact; only Sandra took part after all. */
  {
    g_autoptr (GArray) sandra = parents (1, 0);
    d.time = "14:15";
    d.parent_ids = sandra;
    save_ok (f, &d);
  }
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts"), ==, 1);
  at = q_text (f, "SELECT occurred_at FROM contacts");
  g_assert_cmpstr (at, ==, "2026-11-20T13:15:00Z");
  g_assert_cmpint (q (f, "SELECT count(*) FROM contact_parents WHERE parent_id = 1"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contact_parents"), ==, 1);
  /* The participants are replaced too: Sandra and Sanne. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM conversation_participants"), ==, 2);
  {
    g_autoptr (BkConversation) c = bk_conversation_load (f->store, d.id, NULL);
    g_assert_cmpstr (c->participants, ==, "Sandra de Vries");
  }

  /* A phone call is logged as one, and back to planned it is no contact. */
  {
    g_autoptr (GArray) fatima = parents (3, 0);
    BkConversationDraft call = draft_for ("phone", TRUE, "23-11-2026", "09:00", fatima);

    call.child_id = 2;
    call.staff_id = 0;
    call.id = save_ok (f, &call);
    g_assert_cmpint (q (f, "SELECT count(*) FROM contacts WHERE kind = 'phone' AND child_id = 2"
                           " AND staff_id IS NULL AND direction = 'two-way'"), ==, 1);
    call.held = FALSE;
    call.day = "30-11-2026";
    save_ok (f, &call);
    g_assert_cmpint (q (f, "SELECT count(*) FROM contacts WHERE child_id = 2"), ==, 0);
    g_assert_cmpint (q (f, "SELECT count(*) FROM contacts"), ==, 1);
  }
}

/* A call logged by hand at the pick-up, then written up as a conversation. */
static void
test_held_adopts_logged_contact (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GTimeZone) zone = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr (GDateTime) at = g_date_time_new (zone, 2026, 11, 20, 14, 0, 0);
  g_autoptr (BkContactDraft) logged = bk_contact_draft_new (at, "phone", 1);
  g_autoptr (GArray) ids = parents (1, 2);
  BkConversationDraft d = draft_for ("phone", TRUE, "20-11-2026", "14:00", ids);

  logged->child_id = 1;
  logged->tone = "positive";
  g_assert_true (bk_contact_save (f->store, logged, f->now, NULL, &error));
  g_assert_no_error (error);
  save_ok (f, &d);

  /* Still one contact, now with both parents; its tone was its own. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contact_parents"), ==, 2);
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts WHERE tone = 'positive' AND staff_id = 1"), ==, 1);
}

static void
changed_cb (BkStore    *store,
            const char *table,
            gint64      row_id,
            GString    *log)
{
  g_string_append_printf (log, "%s:%" G_GINT64_FORMAT " ", table, row_id);
}

static void
test_changed_signals (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GString) log = g_string_new (NULL);
  g_autoptr (GArray) ids = parents (3, 0);
  BkAgreementDraft agreement[] = { { "Moeder belt na twee weken", "Fatima", "7-12-2026" } };
  BkConversationDraft d = draft_for ("intake", FALSE, "25-11-2026", "", ids);
  BkSelfCheckDraft check = { 4, 4, 4, 4, 4, 4, NULL };
  gulong handler = g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), log);
  g_autoptr (GError) error = NULL;
  gint64 contact_id;

  /* Views of Bram (child 2) hear about his conversation... */
  d.child_id = 2;
  d.id = save_ok (f, &d);
  g_assert_cmpstr (log->str, ==, "conversations:2 ");

  /* ...its agreements, and the contact it logs once held. */
  g_string_truncate (log, 0);
  d.held = TRUE;
  d.day = "20-11-2026";
  d.agreements = agreement;
  d.n_agreements = 1;
  save_ok (f, &d);
  contact_id = q (f, "SELECT id FROM contacts");
  {
    g_autofree char *expected = g_strdup_printf ("conversations:2 agreements:2 contacts:%" G_GINT64_FORMAT " ",
                                                 contact_id);
    g_assert_cmpstr (log->str, ==, expected);
  }

  /* A refusal writes nothing and says nothing. */
  g_string_truncate (log, 0);
  d.day = "";
  g_assert_false (bk_conversation_save (f->store, &d, f->now, NULL, &error));
  g_assert_cmpstr (log->str, ==, "");

  g_assert_true (bk_self_check_save (f->store, d.id, 1, &check, f->now, NULL));
  {
    g_autofree char *expected = g_strdup_printf ("self_checks:%" G_GINT64_FORMAT " ", d.id);
    g_assert_cmpstr (log->str, ==, expected);
  }
  g_signal_handler_disconnect (f->store, handler);
}

static void
test_held_keeps_planned_moment (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 2);
  BkConversationDraft d = draft_for ("mid-term", FALSE, "20-11-2026", "15:30", ids);
  g_autoptr (BkConversation) c = NULL;

  d.id = save_ok (f, &d);
  d.held = TRUE;
  d.time = "15:45";
  save_ok (f, &d);
  c = bk_conversation_load (f->store, d.id, NULL);
  g_assert_cmpstr (c->status, ==, "held");
  g_assert_cmpstr (c->planned_at, ==, "2026-11-20T14:30:00Z");
  g_assert_cmpstr (c->held_at, ==, "2026-11-20T14:45:00Z");
}

static void
test_update_agreements (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 2);
  BkAgreementDraft first[] = {
    { "Zoë geeft zichzelf elke dag een compliment", "Zoë", "7-12-2026" },
    { "Moeder belt na twee weken", "Sandra", "4-12-2026" },
    { "Coach stuurt een handvat voor thuis", "Sanne (coach)", "27-11-2026" },
  };
  BkAgreementDraft second[] = {
    { "Zoë geeft zichzelf elke dag een compliment", "Zoë", "7-12-2026" },
    { "Vader komt naar de diplomering", "Mark", "23-12-2026" },
  };
  BkConversationDraft d = draft_for ("mid-term", TRUE, "20-11-2026", "14:00", ids);
  g_autoptr (BkConversation) c = NULL;
  gint64 kept_id;

  d.agreements = first;
  d.n_agreements = G_N_ELEMENTS (first);
  d.id = save_ok (f, &d);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements"), ==, 3);
  kept_id = q (f, "SELECT id FROM agreements WHERE owner = 'Zoë'");
  g_assert_true (bk_store_exec (f->store, "UPDATE agreements SET done_on = '2026-11-22'"
                                " WHERE owner = 'Sanne (coach)'", NULL));

  /* The form shows the open ones; Sandra's call is dropped, Mark's added. */
  d.agreements = second;
  d.n_agreements = G_N_ELEMENTS (second);
  save_ok (f, &d);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements"), ==, 3);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements WHERE owner = 'Sanne (coach)'"
                         " AND done_on = '2026-11-22'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements WHERE owner = 'Sandra'"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements WHERE owner = 'Mark' AND done_on IS NULL"), ==, 1);
  /* The unchanged one keeps its row, and with it any reminder state. */
  g_assert_cmpint (q (f, "SELECT id FROM agreements WHERE owner = 'Zoë'"), ==, kept_id);

  c = bk_conversation_load (f->store, d.id, NULL);
  g_assert_cmpuint (c->agreements->len, ==, 3);
  /* Open ones first, by due date; the done one last. */
  g_assert_cmpstr (((BkAgreement *) c->agreements->pdata[0])->owner, ==, "Zoë");
  g_assert_cmpstr (((BkAgreement *) c->agreements->pdata[1])->owner, ==, "Mark");
  g_assert_cmpstr (((BkAgreement *) c->agreements->pdata[2])->done_on, ==, "2026-11-22");

  /* No agreements in the form: the open ones go, the done one stays. */
  d.agreements = NULL;
  d.n_agreements = 0;
  save_ok (f, &d);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM agreements WHERE done_on IS NOT NULL"), ==, 1);
}

static void
test_next_contact (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 0);
  BkConversationDraft d = draft_for ("informal", FALSE, "25-11-2026", "15:30", ids);
  g_autoptr (GError) error = NULL;

  d.next_contact_on = "24-11-2026";
  {
    g_autoptr (GPtrArray) errors = bk_conversation_validate (&d, f->now);
    g_assert_cmpstr (first_field (errors), ==, "next-contact");
  }
  g_assert_false (bk_conversation_save (f->store, &d, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  assert_nothing_written (f);

  d.next_contact_on = "next week";
  {
    g_autoptr (GPtrArray) errors = bk_conversation_validate (&d, f->now);
    g_assert_cmpstr (first_field (errors), ==, "next-contact");
  }
  /* The same day is allowed; so is none. */
  d.next_contact_on = "2026-11-25";
  {
    g_autoptr (GPtrArray) errors = bk_conversation_validate (&d, f->now);
    g_assert_cmpuint (errors->len, ==, 0);
  }
  d.next_contact_on = " ";
  {
    g_autoptr (GPtrArray) errors = bk_conversation_validate (&d, f->now);
    g_assert_cmpuint (errors->len, ==, 0);
  }
}

static void
test_links_checked (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GArray) fatima = parents (3, 0);
  g_autoptr (GArray) ids = parents (1, 0);
  BkConversationDraft wrong_parent = draft_for ("intake", FALSE, "25-11-2026", "", fatima);
  BkConversationDraft gone = draft_for ("intake", FALSE, "25-11-2026", "", ids);
  g_autoptr (GError) e1 = NULL;
  g_autoptr (GError) e2 = NULL;
  g_autoptr (GError) e3 = NULL;
  g_autoptr (BkConversation) none = NULL;

  /* Fatima is Bram's mother, not Zoë's. */
  g_assert_false (bk_conversation_save (f->store, &wrong_parent, f->now, NULL, &e1));
  g_assert_error (e1, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  gone.id = 4242;
  g_assert_false (bk_conversation_save (f->store, &gone, f->now, NULL, &e2));
  g_assert_error (e2, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  assert_nothing_written (f);

  {
    g_autoptr (GError) e4 = NULL;
    BkConversationDraft no_child = draft_for ("intake", FALSE, "25-11-2026", "", NULL);

    no_child.child_id = 99;
    g_assert_false (bk_conversation_save (f->store, &no_child, f->now, NULL, &e4));
    g_assert_error (e4, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  }
  assert_nothing_written (f);

  none = bk_conversation_load (f->store, 4242, &e3);
  g_assert_null (none);
  g_assert_error (e3, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

static void
test_load_planned (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 2);
  g_autoptr (GArray) fatima = parents (3, 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) planned = NULL;
  g_autoptr (GPtrArray) zoe = NULL;
  BkConversationDraft later = draft_for ("closing", FALSE, "16-12-2026", "15:30", ids);
  BkConversationDraft soon = draft_for ("mid-term", FALSE, "25-11-2026", "18:00", ids);
  /* 00:30 local is still 22-11 in UTC: today starts at local midnight. */
  BkConversationDraft this_morning = draft_for ("informal", FALSE, "23-11-2026", "00:30", fatima);
  BkConversationDraft yesterday = draft_for ("phone", FALSE, "22-11-2026", "23:30", ids);
  BkConversationDraft held = draft_for ("intake", TRUE, "23-11-2026", "09:00", ids);
  gint64 later_id, soon_id, morning_id, yesterday_id, held_id;

  this_morning.child_id = 2;
  later_id = save_ok (f, &later);
  yesterday_id = save_ok (f, &yesterday);
  soon_id = save_ok (f, &soon);
  held_id = save_ok (f, &held);
  morning_id = save_ok (f, &this_morning);

  /* From the start of today (local), soonest first; not held, not overdue. */
  planned = bk_conversation_load_planned (f->store, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (planned->len, ==, 3);
  g_assert_cmpint (((BkConversation *) planned->pdata[0])->id, ==, morning_id);
  g_assert_cmpint (((BkConversation *) planned->pdata[1])->id, ==, soon_id);
  g_assert_cmpint (((BkConversation *) planned->pdata[2])->id, ==, later_id);
  g_assert_cmpstr (((BkConversation *) planned->pdata[0])->child_name, ==, "Bram Jansen");
  g_assert_cmpstr (((BkConversation *) planned->pdata[0])->participants, ==, "Fatima Jansen");

  /* A child being deleted (its undo toast showing) is off the calendar. */
  g_assert_true (bk_store_exec (f->store, "UPDATE children SET deleted_at = 'x' WHERE id = 2", NULL));
  {
    g_autoptr (GPtrArray) without_bram = bk_conversation_load_planned (f->store, f->now, &error);
    g_assert_cmpuint (without_bram->len, ==, 2);
  }

  /* The child's list: the latest first, held or planned. */
  zoe = bk_conversation_load_for_child (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (zoe->len, ==, 4);
  g_assert_cmpint (((BkConversation *) zoe->pdata[0])->id, ==, later_id);
  g_assert_cmpint (((BkConversation *) zoe->pdata[1])->id, ==, soon_id);
  g_assert_cmpint (((BkConversation *) zoe->pdata[2])->id, ==, held_id);
  g_assert_cmpint (((BkConversation *) zoe->pdata[3])->id, ==, yesterday_id);
}

static gint64
held_on (Fixture    *f,
         const char *day,
         const char *time,
         gint64      staff_id)
{
  g_autoptr (GArray) ids = parents (1, 0);
  BkConversationDraft d = draft_for ("informal", TRUE, day, time, ids);

  d.staff_id = staff_id;
  return save_ok (f, &d);
}

static void
check_ok (Fixture *f,
          gint64   conversation_id,
          gint64   staff_id,
          int      score)
{
  g_autoptr (GError) error = NULL;
  BkSelfCheckDraft check = { score, score, score, score, score, score, NULL };

  g_assert_true (bk_self_check_save (f->store, conversation_id, staff_id, &check, f->now, &error));
  g_assert_no_error (error);
}

static void
test_self_check_refused (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GArray) ids = parents (1, 0);
  BkConversationDraft d = draft_for ("intake", FALSE, "20-11-2026", "", ids);
  BkSelfCheckDraft fine = { 4, 5, 3, 2, 3, 4, "Ik vroeg te weinig door." };
  gint64 planned_id = save_ok (f, &d);
  gint64 held_id = held_on (f, "21-11-2026", "10:00", 1);
  g_autofree char *long_reflection = g_strnfill (BK_SELF_CHECK_REFLECTION_MAX + 1, 'x');

  {
    g_autoptr (GError) error = NULL;
    g_assert_false (bk_self_check_save (f->store, planned_id, 1, &fine, f->now, &error));
    g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
    g_assert_cmpstr (error->message, ==, "Log the conversation as held first.");
  }
  {
    g_autoptr (GError) error = NULL;
    g_assert_false (bk_self_check_save (f->store, 4242, 1, &fine, f->now, &error));
    g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  }

  /* Each score 1 to 5; zero is "not filled in". */
  {
    BkSelfCheckDraft zero = fine, six = fine, last = fine, wordy = fine;
    g_autoptr (GPtrArray) e_zero = NULL;
    g_autoptr (GPtrArray) e_six = NULL;
    g_autoptr (GPtrArray) e_last = NULL;
    g_autoptr (GPtrArray) e_wordy = NULL;
    g_autoptr (GError) error = NULL;

    zero.genuineness = 0;
    six.listening = 6;
    last.transparency = -1;
    wordy.reflection = long_reflection;
    e_zero = bk_self_check_validate (&zero);
    e_six = bk_self_check_validate (&six);
    e_last = bk_self_check_validate (&last);
    e_wordy = bk_self_check_validate (&wordy);
    g_assert_cmpstr (first_field (e_zero), ==, "genuineness");
    g_assert_cmpstr (first_field (e_six), ==, "listening");
    g_assert_cmpstr (first_field (e_last), ==, "transparency");
    g_assert_cmpstr (first_field (e_wordy), ==, "reflection");
    g_assert_cmpuint (e_six->len, ==, 1);
    g_assert_false (refuses (e_six, "respect"));
    g_assert_false (bk_self_check_save (f->store, held_id, 1, &six, f->now, &error));
    g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  }
  g_assert_cmpint (q (f, "SELECT count(*) FROM self_checks"), ==, 0);

  /* One per conversation: a second save replaces the first. */
  {
    g_autoptr (GPtrArray) errors = bk_self_check_validate (&fine);
    g_assert_cmpuint (errors->len, ==, 0);
  }
  check_ok (f, held_id, 1, 2);
  check_ok (f, held_id, 1, 4);
  g_assert_cmpint (q (f, "SELECT count(*) FROM self_checks"), ==, 1);
  g_assert_cmpint (q (f, "SELECT respect FROM self_checks"), ==, 4);
}

static void
test_self_check_trend (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) trend = NULL;
  g_autoptr (GArray) daan = NULL;
  /* Saved out of date order on purpose. */
  gint64 late = held_on (f, "20-11-2026", "15:00", 1);
  gint64 early = held_on (f, "2-11-2026", "15:00", 1);
  gint64 middle_a = held_on (f, "10-11-2026", "10:00", 1);
  gint64 middle_b = held_on (f, "10-11-2026", "14:00", 1);
  gint64 other = held_on (f, "5-11-2026", "15:00", 2);
  const BkSelfCheckPoint *p;

  check_ok (f, late, 1, 5);
  check_ok (f, early, 1, 2);
  check_ok (f, middle_a, 1, 3);
  check_ok (f, middle_b, 1, 4);
  check_ok (f, other, 2, 1);

  trend = bk_self_check_trend (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trend->len, ==, 3);
  p = &g_array_index (trend, BkSelfCheckPoint, 0);
  g_assert_cmpstr (p->day, ==, "2026-11-02");
  g_assert_cmpuint (p->n_checks, ==, 1);
  g_assert_cmpfloat (p->genuineness, ==, 2.0);
  /* Two conversations on one day: one point, their mean. */
  p = &g_array_index (trend, BkSelfCheckPoint, 1);
  g_assert_cmpstr (p->day, ==, "2026-11-10");
  g_assert_cmpuint (p->n_checks, ==, 2);
  g_assert_cmpfloat (p->asking_further, ==, 3.5);
  g_assert_cmpfloat (p->transparency, ==, 3.5);
  p = &g_array_index (trend, BkSelfCheckPoint, 2);
  g_assert_cmpstr (p->day, ==, "2026-11-20");
  g_assert_cmpfloat (p->summarising, ==, 5.0);

  /* Another staff member's checks are theirs alone. */
  daan = bk_self_check_trend (f->store, 2, &error);
  g_assert_cmpuint (daan->len, ==, 1);
  g_assert_cmpfloat (g_array_index (daan, BkSelfCheckPoint, 0).respect, ==, 1.0);
}

int
main (int   argc,
      char *argv[])
{
  /* The trend groups by local day: make the local zone the fixture's. */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/conversation/kinds", test_kinds);
  ADD ("/conversation/save/planned", test_save_planned);
  ADD ("/conversation/save/dst", test_dst);
  ADD ("/conversation/save/held-keeps-planned-moment", test_held_keeps_planned_moment);
  ADD ("/conversation/save/held-today-without-time", test_held_today_without_time);
  ADD ("/conversation/refuse/held-in-future", test_held_in_future_refused);
  ADD ("/conversation/refuse/bad-fields", test_bad_fields);
  ADD ("/conversation/refuse/agreement", test_agreement_refused);
  ADD ("/conversation/refuse/next-contact", test_next_contact);
  ADD ("/conversation/refuse/links", test_links_checked);
  ADD ("/conversation/agreements/blank-ignored", test_blank_agreement_ignored);
  ADD ("/conversation/agreements/update", test_update_agreements);
  ADD ("/conversation/contact/held-logs-one", test_held_logs_contact);
  ADD ("/conversation/contact/adopts-logged", test_held_adopts_logged_contact);
  ADD ("/conversation/save/changed-signals", test_changed_signals);
  ADD ("/conversation/load/planned-and-child", test_load_planned);
  ADD ("/conversation/self-check/refused", test_self_check_refused);
  ADD ("/conversation/self-check/trend", test_self_check_trend);
#undef ADD

  return g_test_run ();
}
