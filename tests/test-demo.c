/* test-demo.c
 * The demo database: invented families in the proportions of the 2016 study.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-demo.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef struct
{
  char    *dir;
  char    *path;
  BkStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = bk_test_now ();
  BkDemoSize size = BK_DEMO_SIZE_DEMO;

  f->dir = bk_test_tmpdir ();
  f->path = g_build_filename (f->dir, "demo.db", NULL);
  f->store = bk_store_open (f->path, &error);
  g_assert_no_error (error);
  bk_demo_fill (f->store, &size, now, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  bk_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static void
test_size (Fixture       *f,
           gconstpointer  data)
{
  gint64 parents = q (f, "SELECT count(*) FROM parents");

  g_assert_cmpint (q (f, "SELECT count(*) FROM cycles"), ==, 2);
  g_assert_cmpint (q (f, "SELECT count(*) FROM children"), ==, 40);
  /* "typically 32 parents for 18-20 children" */
  g_test_message ("parents: %" G_GINT64_FORMAT, parents);
  g_assert_cmpint (parents, >=, 2 * 27);
  g_assert_cmpint (parents, <=, 2 * 37);
  /* Every child has an open enrolment with a coach, every parent a child. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM enrolments WHERE ended_on IS NULL"
                         " AND coach_id IS NOT NULL"), ==, 40);
  g_assert_cmpint (q (f, "SELECT count(*) FROM parents p WHERE NOT EXISTS"
                         " (SELECT 1 FROM parent_children pc WHERE pc.parent_id = p.id)"), ==, 0);
}

static void
test_proportions (Fixture       *f,
                  gconstpointer  data)
{
  gint64 families = q (f, "SELECT count(*) FROM families");
  gint64 missed = q (f, "SELECT count(DISTINCT p.family_id) FROM attendance a"
                        " JOIN events e ON e.id = a.event_id JOIN parents p ON p.id = a.parent_id"
                        " WHERE e.kind = 'info-evening' AND p.family_id NOT IN"
                        " (SELECT p2.family_id FROM attendance a2 JOIN parents p2 ON p2.id = a2.parent_id"
                        "  JOIN events e2 ON e2.id = a2.event_id"
                        "  WHERE e2.kind = 'info-evening' AND a2.present = 1)");
  gint64 at_meeting = q (f, "SELECT count(DISTINCT p.family_id) FROM attendance a"
                            " JOIN events e ON e.id = a.event_id JOIN parents p ON p.id = a.parent_id"
                            " WHERE e.kind = 'parent-meeting' AND a.present = 1");
  gint64 portal = q (f, "SELECT count(DISTINCT c.child_id) FROM contacts c WHERE kind = 'portal-visit'");
  gint64 mothers = q (f, "SELECT count(*) FROM contact_parents cp JOIN contacts c ON c.id = cp.contact_id"
                         " JOIN parent_children r ON r.parent_id = cp.parent_id"
                         " WHERE r.relation = 'mother' AND c.kind = 'door-talk'");
  gint64 fathers = q (f, "SELECT count(*) FROM contact_parents cp JOIN contacts c ON c.id = cp.contact_id"
                         " JOIN parent_children r ON r.parent_id = cp.parent_id"
                         " WHERE r.relation = 'father' AND c.kind = 'door-talk'");

  g_test_message ("families %" G_GINT64_FORMAT ", missed info evening %" G_GINT64_FORMAT
                  ", at meeting %" G_GINT64_FORMAT ", portal %" G_GINT64_FORMAT
                  ", door talks mothers %" G_GINT64_FORMAT " fathers %" G_GINT64_FORMAT,
                  families, missed, at_meeting, portal, mothers, fathers);

  /* 6 of 9 missed the information evening. */
  g_assert_cmpfloat ((double) missed / families, >=, 0.5);
  g_assert_cmpfloat ((double) missed / families, <=, 0.8);
  /* 9 of 9 came to the mid-term meeting (both cycles are past week 6). */
  g_assert_cmpint (at_meeting, ==, families);
  /* 5 of 9 looked at the portal. */
  g_assert_cmpfloat ((double) portal / families, >=, 0.35);
  g_assert_cmpfloat ((double) portal / families, <=, 0.75);
  /* Mothers are reached far more than fathers. */
  g_assert_cmpint (mothers, >, 2 * fathers);
}

static void
test_nothing_in_the_future (Fixture       *f,
                            gconstpointer  data)
{
  /* now = 2026-11-23 10:30 Amsterdam = 09:30Z */
  g_assert_cmpint (q (f, "SELECT count(*) FROM contacts WHERE occurred_at > '2026-11-23T09:30:00Z'"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM attendance a JOIN events e ON e.id = a.event_id"
                         " WHERE e.starts_at > '2026-11-23T09:30:00Z'"), ==, 0);
  /* The running cycle is in week 8: its diploma ceremony is planned, not held. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM events WHERE kind = 'diploma'"
                         " AND starts_at > '2026-11-23'"), ==, 1);
  /* Sessions held so far are entered: eight in the running cycle, for each
   * of its 20 children; an absent child has nothing else in the entry. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries WHERE held_on > '2026-11-23'"), ==, 0);
  g_assert_cmpint (q (f, "SELECT max(session_no) FROM session_entries e JOIN cycles c ON c.id = e.cycle_id"
                         " WHERE c.start_date = (SELECT max(start_date) FROM cycles)"), ==, 8);
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries WHERE absent = 1"
                         " AND (day_rating IS NOT NULL OR how_worked IS NOT NULL OR step_id IS NOT NULL)"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM session_entries WHERE absent = 1"), >, 0);
}

static void
test_deterministic (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) now = bk_test_now ();
  g_autofree char *other = g_build_filename (f->dir, "again.db", NULL);
  g_autoptr (BkStore) store = bk_store_open (other, &error);
  BkDemoSize size = BK_DEMO_SIZE_DEMO;
  const char *sql = "SELECT sum(length(note) + id) FROM contacts";

  g_assert_true (bk_demo_fill (store, &size, now, &error));
  g_assert_cmpint (bk_test_query_int (other, sql), ==, q (f, sql));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/demo/size", test_size);
  ADD ("/demo/proportions", test_proportions);
  ADD ("/demo/nothing-in-the-future", test_nothing_in_the_future);
  ADD ("/demo/deterministic", test_deterministic);
#undef ADD

  return g_test_run ();
}
