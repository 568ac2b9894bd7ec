/* test-contact.c
 * Logging contacts with parents, and who is not reached.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-contact.h"
#include "bk-reach.h"
#include "bk-start-info.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* now = 2026-11-23. A running cycle, a finished one, a living group.
 * Sandra and Mark (separated) are Zoë's parents; Fatima is Bram's mother
 * (finished cycle); Hassan is Noor's father (living group, no end). */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, "INSERT INTO staff (id, name, created_at) VALUES (1, 'Sanne Hoekstra', 'x');"
    "INSERT INTO cycles (id, kind, name, start_date, end_date, created_at) VALUES"
    " (1, 'cycle', 'Traject najaar 2026', '2026-10-07', '2026-12-23', 'x'),"
    " (2, 'cycle', 'Traject voorjaar 2026', '2026-03-04', '2026-05-20', 'x'),"
    " (3, 'living-group', 'Leefgroep Kadetten', '2026-09-01', NULL, 'x');"
    "INSERT INTO children (id, given_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'x', 'x'), (2, 'Bram', 'x', 'x'), (3, 'Noor', 'x', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES"
    " (1, 1, '2026-10-07'), (2, 2, '2026-03-04'), (3, 3, '2026-09-01');"
    "INSERT INTO parents (id, given_name, family_name, created_at) VALUES"
    " (1, 'Sandra', 'de Vries', 'x'), (2, 'Mark', 'Bakker', 'x'),"
    " (3, 'Fatima', 'Jansen', 'x'), (4, 'Hassan', 'El Amrani', 'x');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES"
    " (1, 1, 'mother'), (2, 1, 'father'), (3, 2, 'mother'), (4, 3, 'father');");
}

#define fixture_teardown bk_test_db_close

static void
log_contact (Fixture    *f,
             gint64      parent,
             const char *kind,
             int         days_ago)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) at = g_date_time_add_days (f->now, -days_ago);
  g_autoptr (BkContactDraft) d = bk_contact_draft_new (at, kind, parent);

  d->staff_id = 1;
  g_assert_true (bk_contact_save (f->store, d, f->now, NULL, &error));
  g_assert_no_error (error);
}

static void
test_kinds_carry_defaults (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr (BkContactDraft) door = bk_contact_draft_new (f->now, "door-talk", 1);
  g_autoptr (BkContactDraft) visit = bk_contact_draft_new (f->now, "home-visit", 1);
  g_autoptr (BkContactDraft) mail = bk_contact_draft_new (f->now, "email", 1);
  guint n;
  const BkContactKind *kinds = bk_contact_kinds (&n);

  g_assert_cmpstr (door->direction, ==, "two-way");
  g_assert_cmpint (door->depth, ==, 2);
  g_assert_cmpstr (visit->form, ==, "parenting");
  g_assert_cmpint (visit->depth, ==, 3);
  g_assert_cmpstr (mail->direction, ==, "to-parent");
  g_assert_cmpint (mail->depth, ==, 1);

  /* Every kind the schema knows has a label, and every default is valid. */
  g_assert_cmpuint (n, ==, 14);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkContactDraft) d = bk_contact_draft_new (f->now, kinds[i].kind, 1);
      g_autoptr (GPtrArray) errors = bk_contact_draft_validate (d, f->now);
      g_assert_nonnull (bk_contact_kind_label (kinds[i].kind));
      g_assert_cmpuint (errors->len, ==, 0);
    }
}

static void
test_save_and_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) at = g_date_time_add_hours (f->now, -2);
  g_autoptr (BkContactDraft) d = bk_contact_draft_new (at, "phone", 1);
  g_autoptr (GListStore) of_sandra = NULL;
  g_autoptr (GListStore) of_mark = NULL;
  gint64 id = 0;

  /* One call with both parents on the line. */
  g_array_append_val (d->parent_ids, (gint64) { 2 });
  d->tone = "positive";
  d->staff_id = 1;
  d->child_id = 1;
  d->note = g_strdup ("  Zoë vertelde trots over haar stapje.  ");
  g_assert_true (bk_contact_save (f->store, d, f->now, &id, &error));
  g_assert_no_error (error);
  log_contact (f, 1, "email", 3);

  of_sandra = bk_contact_load_for_parent (f->store, 1, 50, &error);
  of_mark = bk_contact_load_for_parent (f->store, 2, 50, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_sandra)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_mark)), ==, 1);
  {
    /* Newest first; the note trimmed; staff and tone in the subtitle. */
    g_autoptr (BkContact) newest = g_list_model_get_item (G_LIST_MODEL (of_sandra), 0);
    g_assert_cmpint (bk_contact_get_id (newest), ==, id);
    g_assert_cmpstr (bk_contact_get_title (newest), ==, "Phone call");
    g_assert_cmpstr (bk_contact_get_note (newest), ==, "Zoë vertelde trots over haar stapje.");
    g_assert_nonnull (strstr (bk_contact_get_subtitle (newest), "Sanne Hoekstra"));
    g_assert_nonnull (strstr (bk_contact_get_subtitle (newest), "Positive"));
  }
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM contact_parents"), ==, 3);
}

static void
test_refuse (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GDateTime) tomorrow = g_date_time_add_days (f->now, 1);
  g_autofree char *long_note = g_strnfill (2001, 'x');
  struct { GDateTime *at; const char *kind; gint64 parent; const char *tone; const char *note; const char *needle; } cases[] = {
    { tomorrow, "phone", 1, "neutral", NULL, "future" },
    { NULL, "phone", 1, "neutral", NULL, "when the contact" },
    { f->now, "phone", 0, "neutral", NULL, "at least one parent" },
    { f->now, "carrier-pigeon", 1, "neutral", NULL, "what kind" },
    { f->now, "phone", 1, "furious", NULL, "how the contact went" },
    { f->now, "phone", 1, "neutral", long_note, "at most 2000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BkContactDraft) d = bk_contact_draft_new (cases[i].at, cases[i].kind, cases[i].parent);
      g_autoptr (GError) error = NULL;

      d->tone = cases[i].tone;
      d->note = g_strdup (cases[i].note);
      g_assert_false (bk_contact_save (f->store, d, f->now, NULL, &error));
      g_test_message ("case %u: %s", i, error->message);
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
  /* A parent that does not exist: the database refuses, nothing half-written. */
  {
    g_autoptr (BkContactDraft) d = bk_contact_draft_new (f->now, "phone", 1);
    g_autoptr (GError) error = NULL;
    g_array_append_val (d->parent_ids, (gint64) { 4242 });
    g_assert_false (bk_contact_save (f->store, d, f->now, NULL, &error));
    g_assert_nonnull (error);
  }
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM contacts"), ==, 0);
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM contact_parents"), ==, 0);
}

static char *
names_of (GListModel *list)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (BkReach) r = g_list_model_get_item (list, i);
      g_string_append_printf (names, "%s%s", i ? ", " : "", bk_reach_get_display_name (r));
    }
  return g_string_free (names, FALSE);
}

static void
test_not_reached (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) before = NULL;
  g_autoptr (GListStore) after = NULL;
  g_autofree char *before_names = NULL;
  g_autofree char *after_names = NULL;

  /* Nobody was reached: everyone in care now, not Fatima (finished cycle). */
  before = bk_reach_not_reached (f->store, f->now, 3, &error);
  g_assert_no_error (error);
  before_names = names_of (G_LIST_MODEL (before));
  g_assert_cmpstr (before_names, ==, "Hassan El Amrani, Mark Bakker, Sandra de Vries");

  log_contact (f, 1, "door-talk", 2);     /* Sandra: two-way, recent */
  log_contact (f, 2, "email", 1);         /* Mark: one-way only: not reached */
  log_contact (f, 4, "phone", 30);        /* Hassan: two-way, but 4 weeks ago */
  log_contact (f, 3, "phone", 100);       /* Fatima: not in care now */

  after = bk_reach_not_reached (f->store, f->now, 3, &error);
  after_names = names_of (G_LIST_MODEL (after));
  g_assert_cmpstr (after_names, ==, "Mark Bakker, Hassan El Amrani");
  {
    g_autoptr (BkReach) mark = g_list_model_get_item (G_LIST_MODEL (after), 0);
    g_autoptr (BkReach) hassan = g_list_model_get_item (G_LIST_MODEL (after), 1);
    g_assert_cmpint (bk_reach_get_weeks (mark), ==, -1);
    g_assert_cmpint (bk_reach_get_weeks (hassan), ==, 4);
  }

  /* With a longer window Hassan counts as reached. */
  {
    g_autoptr (GListStore) six = bk_reach_not_reached (f->store, f->now, 6, &error);
    g_autofree char *names = names_of (G_LIST_MODEL (six));
    g_assert_cmpstr (names, ==, "Mark Bakker");
  }
}

static void
log_toned (Fixture    *f,
           gint64      parent,
           const char *kind,
           const char *tone)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) at = g_date_time_add_days (f->now, -1);
  g_autoptr (BkContactDraft) d = bk_contact_draft_new (at, kind, parent);

  d->tone = tone;
  g_assert_true (bk_contact_save (f->store, d, f->now, NULL, &error));
}

static void
test_other_lists (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO families (id, name, created_at) VALUES (1, 'Familie de Vries', 'x'), (2, 'Familie El Amrani', 'x');"
    "UPDATE parents SET family_id = 1 WHERE id IN (1, 2);"
    "UPDATE parents SET family_id = 2 WHERE id = 4;"
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (1, 1, 'info-evening', 'Informatieavond', '2026-09-30T17:30:00Z', 'x'),"
    " (2, 1, 'parent-meeting', 'Ouderbijeenkomst', '2026-11-11T14:30:00Z', 'x');"
    "INSERT INTO attendance (event_id, parent_id, present) VALUES"
    " (1, 1, 1), (1, 2, 0), (2, 1, 1), (2, 2, 0), (2, 4, 1);", &error));
  g_assert_no_error (error);

  /* Only Sandra is ever reached in the de Vries family: Mark is the one to call. */
  log_toned (f, 1, "phone", "positive");
  log_toned (f, 1, "door-talk", "concern");
  log_toned (f, 1, "email", "concern");
  log_toned (f, 4, "phone", "positive");
  log_toned (f, 4, "door-talk", "positive");
  {
    g_autoptr (GListStore) one = bk_reach_one_parent_only (f->store, f->now, &error);
    g_autoptr (BkReach) mark = NULL;
    g_autofree char *subtitle = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (one)), ==, 1);
    mark = g_list_model_get_item (G_LIST_MODEL (one), 0);
    g_assert_cmpint (bk_reach_get_parent_id (mark), ==, 2);
    g_object_get (mark, "subtitle", &subtitle, NULL);
    g_assert_cmpstr (subtitle, ==, "Only Sandra de Vries is reached");
  }

  /* Mark was expected twice and came to neither; the others came. */
  {
    g_autoptr (GListStore) never = bk_reach_never_attend (f->store, f->now, &error);
    g_autoptr (BkReach) mark = NULL;
    g_autofree char *subtitle = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (never)), ==, 1);
    mark = g_list_model_get_item (G_LIST_MODEL (never), 0);
    g_assert_cmpstr (bk_reach_get_display_name (mark), ==, "Mark Bakker");
    g_object_get (mark, "subtitle", &subtitle, NULL);
    g_assert_cmpstr (subtitle, ==, "Invited to 2 events, came to none");
  }

  /* The de Vries family has more concern than positive contacts: first. */
  {
    g_autoptr (GListStore) tone = bk_reach_tone_balance (f->store, f->now, &error);
    g_autoptr (BkReach) first = NULL;
    g_autofree char *subtitle = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tone)), ==, 2);
    first = g_list_model_get_item (G_LIST_MODEL (tone), 0);
    g_assert_cmpstr (bk_reach_get_display_name (first), ==, "Familie de Vries");
    g_object_get (first, "subtitle", &subtitle, NULL);
    g_assert_cmpstr (subtitle, ==, "1 positive contact, 2 about a concern");
  }
}

static void
test_start_info (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) ten_days_ago = g_date_time_add_days (f->now, -10);
  g_autoptr (BkStartInfo) before = NULL;
  g_autoptr (BkStartInfo) after = NULL;

  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO families (id, name, created_at) VALUES (1, 'Familie de Vries', 'x');"
    "UPDATE parents SET family_id = 1 WHERE id IN (1, 2);", &error));

  before = bk_start_info_for_parent (f->store, 2, &error);
  g_assert_nonnull (before);
  g_assert_cmpint (before->cycle_id, ==, 1);
  {
    g_autofree char *text = bk_start_info_describe (before, f->now);
    g_assert_cmpstr (text, ==, "Not sent yet for Traject najaar 2026.");
  }

  /* Sent ten days ago, a week to confirm: overdue now, so listed. */
  g_assert_true (bk_start_info_mark_sent (f->store, 1, 1, ten_days_ago, &error));
  after = bk_start_info_for_parent (f->store, 1, &error);
  g_assert_cmpstr (after->deadline, ==, "2026-11-20");
  {
    g_autofree char *text = bk_start_info_describe (after, f->now);
    g_autoptr (GListStore) late = bk_start_info_unconfirmed (f->store, f->now, &error);
    g_autoptr (BkReach) family = NULL;
    g_autofree char *subtitle = NULL;

    g_assert_cmpstr (text, ==, "Sent on 13-11-2026; not confirmed, the deadline was 20-11-2026: call them.");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (late)), ==, 1);
    family = g_list_model_get_item (G_LIST_MODEL (late), 0);
    g_assert_cmpstr (bk_reach_get_display_name (family), ==, "Familie de Vries");
    g_assert_cmpint (bk_reach_get_parent_id (family), ==, 1);
    g_object_get (family, "subtitle", &subtitle, NULL);
    g_assert_cmpstr (subtitle, ==, "Traject najaar 2026: sent 13-11-2026, not confirmed by 20-11-2026");
  }

  /* Confirmed: off the list; sending again keeps the deadline. */
  g_assert_true (bk_start_info_mark_confirmed (f->store, 1, 1, f->now, &error));
  {
    g_autoptr (GListStore) late = bk_start_info_unconfirmed (f->store, f->now, &error);
    g_autoptr (BkStartInfo) done = bk_start_info_for_parent (f->store, 1, &error);
    g_autofree char *text = bk_start_info_describe (done, f->now);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (late)), ==, 0);
    g_assert_cmpstr (text, ==, "Sent on 13-11-2026, read and confirmed on 23-11-2026.");
  }
  g_assert_true (bk_start_info_mark_sent (f->store, 1, 1, f->now, &error));
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM start_info WHERE deadline = '2026-11-20'"), ==, 1);

  /* A parent whose child is in no cycle has none. */
  g_assert_null (bk_start_info_for_parent (f->store, 3, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/contact/kinds-carry-defaults", test_kinds_carry_defaults);
  ADD ("/contact/save-and-list", test_save_and_list);
  ADD ("/contact/refuse-bad-input", test_refuse);
  ADD ("/reach/not-reached", test_not_reached);
  ADD ("/reach/one-parent-never-attend-tone", test_other_lists);
  ADD ("/reach/start-info", test_start_info);
#undef ADD

  return g_test_run ();
}
