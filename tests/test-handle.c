/* test-handle.c
 * Handles for home: dated, refused when empty, marked when shared.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-handle.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO children (id, given_name, created_at, updated_at) VALUES (1, 'Zoë', 'x', 'x');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static void
test_add_and_share (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) handles = NULL;
  BkHandle *newest;
  gint64 first = 0, second = 0;

  g_assert_true (bk_handle_add (f->store, 1, "handle", " Geef haar eerst even tijd om te beginnen ",
                                f->now, &first, &error));
  g_assert_no_error (error);
  g_assert_true (bk_handle_add (f->store, 1, "assignment", "Samen de agenda voor volgende week invullen",
                                f->now, &second, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM home_handles WHERE created_on = '2026-11-23' AND shared_on IS NULL"), ==, 2);

  g_assert_true (bk_handle_set_shared (f->store, first, TRUE, f->now, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM home_handles WHERE shared_on = '2026-11-23'"), ==, 1);

  handles = bk_handle_load_for_child (f->store, 1, &error);
  g_assert_cmpuint (handles->len, ==, 2);
  newest = g_ptr_array_index (handles, 0);
  g_assert_cmpstr (newest->kind, ==, "assignment");
  g_assert_null (newest->shared_on);
  newest = g_ptr_array_index (handles, 1);
  g_assert_cmpstr (newest->text, ==, "Geef haar eerst even tijd om te beginnen");
  g_assert_cmpstr (newest->shared_on, ==, "2026-11-23");

  /* Taken back: not shared after all. */
  g_assert_true (bk_handle_set_shared (f->store, first, FALSE, f->now, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM home_handles WHERE shared_on IS NOT NULL"), ==, 0);
  g_assert_false (bk_handle_set_shared (f->store, 999, TRUE, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *long_text = g_strnfill (BK_HANDLE_TEXT_MAX + 1, 'x');

  g_assert_false (bk_handle_add (f->store, 1, "handle", "  ", f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "what works"));
  g_clear_error (&error);
  g_assert_false (bk_handle_add (f->store, 1, "assignment", long_text, f->now, NULL, &error));
  g_assert_nonnull (strstr (error->message, "at most 500"));
  g_clear_error (&error);
  g_assert_false (bk_handle_add (f->store, 1, "wish", "Iets", f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_cmpint (q (f, "SELECT count(*) FROM home_handles"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/handle/add-and-share", test_add_and_share);
  ADD ("/handle/refusals", test_refusals);
#undef ADD

  return g_test_run ();
}
