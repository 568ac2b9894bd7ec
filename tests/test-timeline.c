/* test-timeline.c
 * A child's history: everything of every cycle, newest first, filtered by kind.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-timeline.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* Zoë did the spring cycle, reached her goal and repeats the programme in
 * the autumn cycle, where she works on a new goal (two of three steps
 * reached). Sandra and Mark are her parents, Kees her grandfather is being
 * deleted; Fatima is Bram's mother. Bram is in Zoë's autumn cycle and has
 * a history of his own. Today is 23-11-2026. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO cycles (id, name, start_date, session_count, created_at) VALUES"
    " (1, 'Traject voorjaar 2026', '2026-03-04', 11, 'x'),"
    " (2, 'Traject najaar 2026', '2026-10-07', 11, 'x');"
    "INSERT INTO children (id, given_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'x', 'x'), (2, 'Bram', 'x', 'x'), (3, 'Noor', 'x', 'x');"
    "INSERT INTO enrolments (id, child_id, cycle_id, started_on, ended_on, outcome) VALUES"
    " (11, 1, 1, '2026-03-04', '2026-06-24', 'repeating'),"
    " (12, 1, 2, '2026-10-07', NULL, NULL),"
    " (13, 2, 2, '2026-10-07', NULL, NULL);"
    "INSERT INTO goals (id, child_id, cycle_id, text, status, outcome_note, created_on, closed_on) VALUES"
    " (1, 1, 1, 'Ik maak mijn werk af', 'reached', 'Lukte vanaf week 8 zonder hulp', '2026-03-04', '2026-06-24'),"
    " (2, 1, 2, 'Ik vraag hulp als ik vastloop', 'active', NULL, '2026-10-07', NULL),"
    " (3, 2, 2, 'Ik blijf rustig als ik boos word', 'active', NULL, '2026-10-07', NULL);"
    "INSERT INTO goal_steps (id, goal_id, position, text, status, reached_on) VALUES"
    " (1, 2, 1, 'Mijn hand opsteken', 'reached', '2026-10-21'),"
    " (2, 2, 2, 'Eerst zelf twee minuten proberen', 'reached', '2026-11-18'),"
    " (3, 2, 3, 'Hulp vragen aan een klasgenoot', 'working', NULL),"
    " (4, 3, 1, 'Even weglopen in plaats van schreeuwen', 'reached', '2026-10-21');"
    "INSERT INTO session_entries (id, child_id, cycle_id, session_no, held_on, absent, step_id,"
    "                             how_worked, tip, top) VALUES"
    " (1, 1, 1, 1, '2026-03-04', 0, NULL, 'Werkte rustig door', 'Begin met de makkelijkste som', NULL),"
    " (2, 1, 2, 1, '2026-10-07', 1, NULL, NULL, NULL, NULL),"
    " (3, 1, 2, 3, '2026-10-21', 0, 1, 'Stak twee keer haar hand op',"
    "  'Vraag het eerst aan je buurvrouw', 'Je bleef doorwerken'),"
    " (4, 1, 2, 7, '2026-11-18', 0, 2, 'Vroeg na twee minuten hulp', '  ', ''),"
    " (5, 2, 2, 1, '2026-10-07', 0, NULL, 'Bleef rustig', NULL, NULL);"
    "INSERT INTO reports (id, child_id, cycle_id, number, body, status, written_on) VALUES"
    " (1, 1, 1, 3, 'Zoë heeft dit traject haar doel gehaald. Ze maakt haar werk nu af zonder"
    " dat iemand naast haar zit.\n\nIn het begin gaf ze snel op als een som niet lukte; vanaf"
    " week acht begon ze eerst met de makkelijkste som en werkte ze rustig door tot het einde"
    " van de les. Thuis zien haar ouders hetzelfde.', 'final', '2026-06-20'),"
    " (2, 1, 2, 1, 'Zoë is goed gestart.', 'draft', '2026-11-20'),"
    " (3, 2, 2, 1, 'Bram is goed gestart.', 'draft', '2026-11-20');"
    "INSERT INTO home_handles (id, child_id, kind, text, created_on, shared_on) VALUES"
    " (1, 1, 'handle', 'Geef haar eerst even tijd om te beginnen', '2026-11-04', '2026-11-05'),"
    " (2, 1, 'assignment', 'Samen de agenda voor volgende week invullen', '2026-11-04', NULL),"
    " (3, 2, 'handle', 'Laat hem even alleen als hij boos is', '2026-11-04', NULL);"
    "INSERT INTO parents (id, given_name, created_at, deleted_at) VALUES"
    " (1, 'Sandra', 'x', NULL), (2, 'Mark', 'x', NULL), (3, 'Fatima', 'x', NULL),"
    " (4, 'Kees', 'x', '2026-11-23T09:00:00Z');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES"
    " (1, 1, 'mother'), (2, 1, 'father'), (3, 2, 'mother'), (4, 1, 'grandparent');"
    "INSERT INTO contacts (id, occurred_at, kind, child_id, direction, form, depth, tone, note) VALUES"
    " (1, '2026-11-10T11:00:00Z', 'phone', 1, 'two-way', 'communicating', 2, 'positive',"
    "  'Zoë vertelde thuis over haar stapje'),"
    " (2, '2026-11-10T12:00:00Z', 'door-talk', NULL, 'two-way', 'communicating', 2, 'concern',"
    "  'Slecht geslapen'),"
    " (3, '2026-11-12T11:00:00Z', 'email', NULL, 'to-parent', 'communicating', 1, 'neutral', NULL),"
    " (4, '2026-11-13T11:00:00Z', 'phone', NULL, 'two-way', 'communicating', 2, 'neutral', NULL),"
    " (5, '2026-11-14T11:00:00Z', 'home-visit', NULL, 'two-way', 'parenting', 3, 'neutral', NULL),"
    " (6, '2026-11-15T11:00:00Z', 'whatsapp', 1, 'two-way', 'communicating', 2, 'neutral', NULL);"
    /* 1 about Zoë with Sandra, 2 with Mark, 3 with Bram's mother, 4 with
     * both of Zoë's parents, 5 and 6 with the deleted grandfather only. */
    "INSERT INTO contact_parents (contact_id, parent_id) VALUES"
    " (1, 1), (2, 2), (3, 3), (4, 1), (4, 2), (5, 4), (6, 4);");
}

#define fixture_teardown bk_test_db_close

static GPtrArray *
load (Fixture *f,
      gint64   child_id,
      guint    kinds)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *items = bk_timeline_load (f->store, child_id, kinds, &error);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  return items;
}

static BkTimelineItem *
item (GPtrArray *items,
      guint      index)
{
  g_assert_cmpuint (index, <, items->len);
  return g_ptr_array_index (items, index);
}

/* The item of @kind and @row_id; a goal or placement that ended has two,
 * the ending first: @older gives the beginning. */
static BkTimelineItem *
find (GPtrArray      *items,
      BkTimelineKind  kind,
      gint64          row_id,
      gboolean        older)
{
  gboolean seen = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      BkTimelineItem *it = g_ptr_array_index (items, i);

      if (it->kind != kind || it->row_id != row_id)
        continue;
      if (!older || seen)
        return it;
      seen = TRUE;
    }
  g_assert_not_reached ();
}

static guint
count_kind (GPtrArray      *items,
            BkTimelineKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    if (((BkTimelineItem *) g_ptr_array_index (items, i))->kind == kind)
      n++;
  return n;
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  /* Newest day first; within a day by kind, then the newest row first
   * (the placements' ids are higher than the rest, so that they would come
   * first if the kind were no part of the order). */
  static const struct { BkTimelineKind kind; gint64 row_id; const char *day; } expected[] = {
    { BK_TIMELINE_REPORT, 2, "2026-11-20" },
    { BK_TIMELINE_SESSION, 4, "2026-11-18" },
    { BK_TIMELINE_STEP, 2, "2026-11-18" },
    { BK_TIMELINE_CONTACT, 4, "2026-11-13" },
    { BK_TIMELINE_CONTACT, 2, "2026-11-10" },
    { BK_TIMELINE_CONTACT, 1, "2026-11-10" },
    { BK_TIMELINE_HANDLE, 2, "2026-11-04" },
    { BK_TIMELINE_HANDLE, 1, "2026-11-04" },
    { BK_TIMELINE_SESSION, 3, "2026-10-21" },
    { BK_TIMELINE_STEP, 1, "2026-10-21" },
    { BK_TIMELINE_SESSION, 2, "2026-10-07" },
    { BK_TIMELINE_GOAL, 2, "2026-10-07" },
    { BK_TIMELINE_GROUP, 12, "2026-10-07" },
    { BK_TIMELINE_GOAL, 1, "2026-06-24" },
    { BK_TIMELINE_GROUP, 11, "2026-06-24" },
    { BK_TIMELINE_REPORT, 1, "2026-06-20" },
    { BK_TIMELINE_SESSION, 1, "2026-03-04" },
    { BK_TIMELINE_GOAL, 1, "2026-03-04" },
    { BK_TIMELINE_GROUP, 11, "2026-03-04" },
  };
  g_autoptr (GPtrArray) items = load (f, 1, BK_TIMELINE_ALL);

  for (guint i = 0; i < MIN (items->len, G_N_ELEMENTS (expected)); i++)
    {
      BkTimelineItem *it = item (items, i);

      g_test_message ("item %u: kind %d, row %" G_GINT64_FORMAT ", %s: %s",
                      i, it->kind, it->row_id, it->day, it->title);
      g_assert_cmpint (it->kind, ==, expected[i].kind);
      g_assert_cmpint (it->row_id, ==, expected[i].row_id);
      g_assert_cmpstr (it->day, ==, expected[i].day);
      g_assert_nonnull (it->title);
      g_assert_true (g_str_has_suffix (it->icon_name, "-symbolic"));
    }
  g_assert_cmpuint (items->len, ==, G_N_ELEMENTS (expected));

  g_assert_cmpuint (count_kind (items, BK_TIMELINE_SESSION), ==, 4);
  g_assert_cmpuint (count_kind (items, BK_TIMELINE_STEP), ==, 2);
  g_assert_cmpuint (count_kind (items, BK_TIMELINE_GOAL), ==, 3);
  g_assert_cmpuint (count_kind (items, BK_TIMELINE_REPORT), ==, 2);
  g_assert_cmpuint (count_kind (items, BK_TIMELINE_HANDLE), ==, 2);
  g_assert_cmpuint (count_kind (items, BK_TIMELINE_CONTACT), ==, 3);
  g_assert_cmpuint (count_kind (items, BK_TIMELINE_GROUP), ==, 3);
}

/* A goal set and given up on one day, a placement begun and ended on
 * another: the ending lies above the beginning. */
static void
test_same_day_closing (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;

  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO goals (id, child_id, cycle_id, text, status, outcome_note, created_on, closed_on) VALUES"
    " (9, 3, 2, 'Ik lees elke dag', 'stopped', NULL, '2026-10-14', '2026-10-14');"
    "INSERT INTO enrolments (id, child_id, cycle_id, started_on, ended_on, outcome) VALUES"
    " (9, 3, 1, '2026-03-11', '2026-03-11', 'moved');", &error));
  g_assert_no_error (error);

  items = load (f, 3, BK_TIMELINE_ALL);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpstr (item (items, 0)->title, ==, "Learning goal stopped");
  g_assert_cmpstr (item (items, 0)->detail, ==, "Ik lees elke dag");
  g_assert_cmpstr (item (items, 1)->title, ==, "Learning goal set");
  g_assert_cmpstr (item (items, 2)->title, ==, "Moved from Traject voorjaar 2026");
  g_assert_cmpstr (item (items, 3)->title, ==, "In group Traject voorjaar 2026");
  g_assert_cmpstr (item (items, 3)->day, ==, "2026-03-11");
}

static void
test_titles (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) items = load (f, 1, BK_TIMELINE_ALL);
  BkTimelineItem *it;

  it = find (items, BK_TIMELINE_SESSION, 2, FALSE);
  g_assert_cmpstr (it->title, ==, "Session 1: absent · Traject najaar 2026");
  g_assert_null (it->detail);
  g_assert_cmpstr (it->icon_name, ==, "x-office-calendar-symbolic");
  it = find (items, BK_TIMELINE_SESSION, 3, FALSE);
  g_assert_cmpstr (it->title, ==, "Session 3 · Traject najaar 2026");
  g_assert_cmpstr (it->detail, ==, "Step: Mijn hand opsteken\nStak twee keer haar hand op\n"
                                   "Tip: Vraag het eerst aan je buurvrouw\nTop: Je bleef doorwerken");
  /* Blank tip and top leave no empty "Tip:" line. */
  it = find (items, BK_TIMELINE_SESSION, 4, FALSE);
  g_assert_cmpstr (it->detail, ==, "Step: Eerst zelf twee minuten proberen\nVroeg na twee minuten hulp");
  it = find (items, BK_TIMELINE_SESSION, 1, FALSE);
  g_assert_cmpstr (it->title, ==, "Session 1 · Traject voorjaar 2026");
  g_assert_cmpstr (it->detail, ==, "Werkte rustig door\nTip: Begin met de makkelijkste som");

  it = find (items, BK_TIMELINE_STEP, 2, FALSE);
  g_assert_cmpstr (it->title, ==, "Step reached");
  g_assert_cmpstr (it->detail, ==, "Eerst zelf twee minuten proberen");

  it = find (items, BK_TIMELINE_GOAL, 1, FALSE);
  g_assert_cmpstr (it->title, ==, "Learning goal reached");
  g_assert_cmpstr (it->day, ==, "2026-06-24");
  g_assert_cmpstr (it->detail, ==, "Ik maak mijn werk af\nLukte vanaf week 8 zonder hulp");
  it = find (items, BK_TIMELINE_GOAL, 1, TRUE);
  g_assert_cmpstr (it->title, ==, "Learning goal set");
  g_assert_cmpstr (it->day, ==, "2026-03-04");
  g_assert_cmpstr (it->detail, ==, "Ik maak mijn werk af");

  it = find (items, BK_TIMELINE_REPORT, 2, FALSE);
  g_assert_cmpstr (it->title, ==, "Development report 1 (draft)");
  g_assert_cmpstr (it->detail, ==, "Zoë is goed gestart.");
  /* A long report is cut after a whole word, on one line. */
  it = find (items, BK_TIMELINE_REPORT, 1, FALSE);
  g_assert_cmpstr (it->title, ==, "Development report 3");
  g_assert_cmpstr (it->detail, ==, "Zoë heeft dit traject haar doel gehaald. Ze maakt haar werk"
                   " nu af zonder dat iemand naast haar zit. In het begin gaf ze snel op als een som"
                   " niet lukte; vanaf week acht begon ze eerst met de…");

  g_assert_cmpstr (find (items, BK_TIMELINE_HANDLE, 1, FALSE)->title, ==,
                   "What works at home · shared with the parents");
  it = find (items, BK_TIMELINE_HANDLE, 2, FALSE);
  g_assert_cmpstr (it->title, ==, "Home assignment");
  g_assert_cmpstr (it->detail, ==, "Samen de agenda voor volgende week invullen");

  it = find (items, BK_TIMELINE_CONTACT, 1, FALSE);
  g_assert_cmpstr (it->title, ==, "Phone call · positive");
  g_assert_cmpstr (it->detail, ==, "Zoë vertelde thuis over haar stapje");
  g_assert_cmpstr (find (items, BK_TIMELINE_CONTACT, 2, FALSE)->title, ==,
                   "Talk at drop-off or pick-up · concern");
  it = find (items, BK_TIMELINE_CONTACT, 4, FALSE);
  g_assert_cmpstr (it->title, ==, "Phone call");
  g_assert_null (it->detail);

  g_assert_cmpstr (find (items, BK_TIMELINE_GROUP, 11, FALSE)->title, ==,
                   "Repeats the cycle Traject voorjaar 2026");
  g_assert_cmpstr (find (items, BK_TIMELINE_GROUP, 11, TRUE)->title, ==,
                   "In group Traject voorjaar 2026");
  g_assert_cmpstr (find (items, BK_TIMELINE_GROUP, 12, FALSE)->title, ==,
                   "In group Traject najaar 2026");
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GPtrArray) some = load (f, 1, BK_TIMELINE_STEP | BK_TIMELINE_REPORT);
  g_autoptr (GPtrArray) contacts = load (f, 1, BK_TIMELINE_CONTACT);
  g_autoptr (GPtrArray) none = load (f, 1, 0);

  g_assert_cmpuint (some->len, ==, 4);
  g_assert_cmpint (item (some, 0)->kind, ==, BK_TIMELINE_REPORT);
  g_assert_cmpint (item (some, 0)->row_id, ==, 2);
  g_assert_cmpint (item (some, 1)->kind, ==, BK_TIMELINE_STEP);
  g_assert_cmpint (item (some, 1)->row_id, ==, 2);
  g_assert_cmpint (item (some, 2)->kind, ==, BK_TIMELINE_STEP);
  g_assert_cmpint (item (some, 2)->row_id, ==, 1);
  g_assert_cmpint (item (some, 3)->kind, ==, BK_TIMELINE_REPORT);
  g_assert_cmpint (item (some, 3)->row_id, ==, 1);

  g_assert_cmpuint (contacts->len, ==, 3);
  g_assert_cmpuint (count_kind (contacts, BK_TIMELINE_CONTACT), ==, 3);
  g_assert_cmpuint (none->len, ==, 0);
}

/* The row ids of @items, newest first, as "7 5 2". */
static char *
row_ids (GPtrArray *items)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? " " : "", item (items, i)->row_id);
  return g_string_free (ids, FALSE);
}

/* Contacts count when they name the child or were with one of its
 * parents; each once, and never another family's only. */
static void
test_contacts (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) zoe = NULL;
  g_autoptr (GPtrArray) bram = NULL;
  g_autoptr (GPtrArray) restored = NULL;
  g_autofree char *zoe_ids = NULL;
  g_autofree char *bram_ids = NULL;
  g_autofree char *restored_ids = NULL;

  /* 8: the grandfather (deleted) and Bram's mother; 9: about Zoë, with
   * Bram's mother, who brought her home. */
  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO contacts (id, occurred_at, kind, child_id, direction, form, depth, note) VALUES"
    " (8, '2026-11-19T11:00:00Z', 'activity', NULL, 'two-way', 'community', 3, NULL),"
    " (9, '2026-11-21T11:00:00Z', 'door-talk', 1, 'two-way', 'communicating', 2, 'Fatima haalde Zoë op');"
    "INSERT INTO contact_parents (contact_id, parent_id) VALUES (8, 4), (8, 3), (9, 3);", &error));
  g_assert_no_error (error);

  /* Not 3 (Bram's mother only), nor 5, 6 and 8 through the grandfather
   * alone; 1 and 4 once each, though named twice. */
  zoe = load (f, 1, BK_TIMELINE_CONTACT);
  zoe_ids = row_ids (zoe);
  g_assert_cmpstr (zoe_ids, ==, "9 4 2 1");
  g_assert_cmpstr (item (zoe, 0)->title, ==, "Talk at drop-off or pick-up");
  g_assert_cmpstr (item (zoe, 0)->detail, ==, "Fatima haalde Zoë op");

  bram = load (f, 2, BK_TIMELINE_CONTACT);
  bram_ids = row_ids (bram);
  g_assert_cmpstr (bram_ids, ==, "9 8 3");
  g_assert_cmpstr (item (bram, 2)->title, ==, "E-mail");
  g_assert_cmpstr (item (bram, 2)->day, ==, "2026-11-12");

  /* The grandfather's deletion is undone: his contacts are back. */
  g_assert_true (bk_store_exec (f->store, "UPDATE parents SET deleted_at = NULL WHERE id = 4", &error));
  g_assert_no_error (error);
  restored = load (f, 1, BK_TIMELINE_CONTACT);
  restored_ids = row_ids (restored);
  g_assert_cmpstr (restored_ids, ==, "9 8 6 5 4 2 1");
  g_assert_cmpstr (item (restored, 3)->title, ==, "Home visit");
}

/* A contact's day is the day where the school is: half past midnight in
 * Amsterdam is still the evening before in UTC. */
static void
test_contact_local_day (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;

  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO contacts (id, occurred_at, kind, child_id, direction, form, depth) VALUES"
    " (7, '2026-11-16T23:30:00Z', 'whatsapp', 1, 'from-parent', 'communicating', 1);"
    "INSERT INTO contact_parents (contact_id, parent_id) VALUES (7, 1);", &error));
  g_assert_no_error (error);
  items = load (f, 1, BK_TIMELINE_CONTACT);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpint (item (items, 0)->row_id, ==, 7);
  g_assert_cmpstr (item (items, 0)->day, ==, "2026-11-17");
  g_assert_cmpstr (item (items, 0)->title, ==, "WhatsApp");
}

static void
test_other_child (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) bram = load (f, 2, BK_TIMELINE_ALL);
  g_autoptr (GPtrArray) nobody = NULL;

  /* Only his own: a session, a goal, a step, a report, a handle, a
   * contact and his placement. */
  g_assert_cmpuint (bram->len, ==, 7);
  g_assert_cmpint (find (bram, BK_TIMELINE_SESSION, 5, FALSE)->kind, ==, BK_TIMELINE_SESSION);
  g_assert_cmpint (find (bram, BK_TIMELINE_STEP, 4, FALSE)->kind, ==, BK_TIMELINE_STEP);
  g_assert_cmpint (find (bram, BK_TIMELINE_GOAL, 3, FALSE)->kind, ==, BK_TIMELINE_GOAL);
  g_assert_cmpint (find (bram, BK_TIMELINE_REPORT, 3, FALSE)->kind, ==, BK_TIMELINE_REPORT);
  g_assert_cmpint (find (bram, BK_TIMELINE_HANDLE, 3, FALSE)->kind, ==, BK_TIMELINE_HANDLE);
  g_assert_cmpint (find (bram, BK_TIMELINE_CONTACT, 3, FALSE)->kind, ==, BK_TIMELINE_CONTACT);
  g_assert_cmpint (find (bram, BK_TIMELINE_GROUP, 13, FALSE)->kind, ==, BK_TIMELINE_GROUP);

  /* A child that does not exist has no history, and that is no error. */
  nobody = bk_timeline_load (f->store, 999, BK_TIMELINE_ALL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (nobody);
  g_assert_cmpuint (nobody->len, ==, 0);
}

/* A child with a long history loads whole, in order. */
static void
test_many (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) sessions = NULL;

  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO enrolments (id, child_id, cycle_id, started_on) VALUES (20, 3, 2, '2026-01-01');"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150)"
    " INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, how_worked)"
    " SELECT 3, 2, i, date ('2026-01-01', '+' || i || ' days'), 'Werkte door ' || i FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)"
    " INSERT INTO home_handles (child_id, kind, text, created_on)"
    " SELECT 3, 'assignment', 'Opdracht ' || i, date ('2026-01-01', '+' || (i * 5) || ' days') FROM n;",
    &error));
  g_assert_no_error (error);

  items = load (f, 3, BK_TIMELINE_ALL);
  g_assert_cmpuint (items->len, ==, 150 + 30 + 1);
  g_assert_cmpstr (item (items, 0)->day, ==, "2026-05-31");
  g_assert_cmpstr (item (items, 0)->title, ==, "Session 150 · Traject najaar 2026");
  g_assert_cmpstr (item (items, items->len - 1)->title, ==, "In group Traject najaar 2026");
  for (guint i = 1; i < items->len; i++)
    g_assert_cmpstr (item (items, i - 1)->day, >=, item (items, i)->day);

  sessions = load (f, 3, BK_TIMELINE_SESSION);
  g_assert_cmpuint (sessions->len, ==, 150);
}

int
main (int   argc,
      char *argv[])
{
  /* The local day of a contact depends on the time zone: fix it. */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/timeline/order", test_order);
  ADD ("/timeline/same-day-closing", test_same_day_closing);
  ADD ("/timeline/titles", test_titles);
  ADD ("/timeline/filter", test_filter);
  ADD ("/timeline/contacts", test_contacts);
  ADD ("/timeline/contact-local-day", test_contact_local_day);
  ADD ("/timeline/other-child", test_other_child);
  ADD ("/timeline/many", test_many);
#undef ADD

  return g_test_run ();
}
