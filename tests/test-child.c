/* test-child.c
 * Children: validation, saving, moving group, delete with undo, search, live list.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-child.h"
#include "bk-child-list.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, "INSERT INTO staff (id, name, role, created_at) VALUES"
    " (1, 'Sanne Hoekstra', 'teacher', 'x'), (2, 'Joost Verbeek', 'teacher', 'x'),"
    " (3, 'Lotte Brouwer', 'intern', 'x');"
    "INSERT INTO cycles (id, name, start_date, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-10-07', 'x'), (2, 'Leefgroep Kadetten', '2026-09-01', 'x');");
}

#define fixture_teardown bk_test_db_close

static BkChildDraft *
draft (const char *given,
       const char *family,
       const char *birth)
{
  BkChildDraft *d = bk_child_draft_new ();

  d->given_name = g_strdup (given);
  d->family_name = g_strdup (family);
  d->birth_date = g_strdup (birth);
  return d;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static const char *
first_message_for (GPtrArray  *errors,
                   const char *field)
{
  for (guint i = 0; i < errors->len; i++)
    {
      BkFieldError *e = g_ptr_array_index (errors, i);
      if (g_str_equal (e->field, field))
        return e->message;
    }
  return NULL;
}

static void
test_save_and_load (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkChildDraft) d = draft ("  Zoë ", "de Vries", "7-3-2016");
  g_autoptr (BkChild) child = NULL;
  gint64 id = 0;

  d->cycle_id = 1;
  d->coach_id = 1;
  d->note = g_strdup ("Houdt van tekenen");
  g_assert_true (bk_child_save (f->store, d, f->now, &id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  child = bk_child_load (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_child_get_display_name (child), ==, "Zoë de Vries");
  g_assert_cmpstr (bk_child_get_birth_date (child), ==, "2016-03-07");
  g_assert_cmpstr (bk_child_get_cycle_name (child), ==, "Traject najaar 2026");
  g_assert_cmpstr (bk_child_get_coach_name (child), ==, "Sanne Hoekstra");
  g_assert_cmpstr (bk_child_get_note (child), ==, "Houdt van tekenen");
  g_assert_cmpstr (bk_child_get_subtitle (child), ==, "Traject najaar 2026 · Sanne Hoekstra");

  /* The form gets the date back the way people type it. */
  {
    g_autoptr (BkChildDraft) back = bk_child_draft_from_child (child);
    g_assert_cmpstr (back->birth_date, ==, "7-3-2016");
  }
}

static void
test_validate (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *long_name = g_strnfill (BK_CHILD_NAME_MAX + 1, 'a');
  g_autofree char *long_note = g_strnfill (BK_CHILD_NOTE_MAX + 1, 'n');
  struct { const char *given, *family, *birth, *note, *field, *needle; } cases[] = {
    { "", NULL, NULL, NULL, "given-name", "first name" },
    { "   ", NULL, NULL, NULL, "given-name", "first name" },
    { long_name, NULL, NULL, NULL, "given-name", "81" },
    { "Sem", long_name, NULL, NULL, "family-name", "at most 80" },
    { "Sem\nSem", NULL, NULL, NULL, "given-name", "line breaks" },
    { "Sem", NULL, "24-11-2026", NULL, "birth-date", "future" },
    { "Sem", NULL, "31-2-2016", NULL, "birth-date", "not a date" },
    { "Sem", NULL, "gisteren", NULL, "birth-date", "not a date" },
    { "Sem", NULL, "1-1-1980", NULL, "birth-date", "46 years" },
    { "Sem", NULL, NULL, long_note, "note", "at most 2000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BkChildDraft) d = draft (cases[i].given, cases[i].family, cases[i].birth);
      g_autoptr (GPtrArray) errors = NULL;
      g_autoptr (GError) error = NULL;
      const char *message;

      d->note = g_strdup (cases[i].note);
      errors = bk_child_draft_validate (d, f->now);
      message = first_message_for (errors, cases[i].field);
      g_test_message ("case %u: %s", i, message ? message : "(none)");
      g_assert_nonnull (message);
      g_assert_nonnull (strstr (message, cases[i].needle));

      /* Saving refuses with the same message and writes nothing. */
      g_assert_false (bk_child_save (f->store, d, f->now, NULL, &error));
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      g_assert_cmpint (count (f, "SELECT count(*) FROM children"), ==, 0);
      g_assert_cmpint (count (f, "SELECT count(*) FROM enrolments"), ==, 0);
    }

  /* Today is a valid date of birth; so is ISO order. */
  {
    g_autoptr (BkChildDraft) d = draft ("Sem", NULL, "23-11-2026");
    g_autoptr (GPtrArray) errors = bk_child_draft_validate (d, f->now);
    g_assert_cmpuint (errors->len, ==, 0);
  }
  {
    g_autoptr (BkChildDraft) d = draft ("Sem", NULL, "2015-06-30");
    g_autoptr (GPtrArray) errors = bk_child_draft_validate (d, f->now);
    g_assert_cmpuint (errors->len, ==, 0);
  }
}

static void
test_move_group_keeps_history (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkChildDraft) d = draft ("Levi", "Jansen", NULL);
  gint64 id = 0;

  d->cycle_id = 1;
  d->coach_id = 1;
  g_assert_true (bk_child_save (f->store, d, f->now, &id, &error));

  /* Another coach in the same group: the enrolment is updated, not split. */
  d->id = id;
  d->coach_id = 2;
  g_assert_true (bk_child_save (f->store, d, f->now, NULL, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrolments"), ==, 1);
  g_assert_cmpint (count (f, "SELECT coach_id FROM enrolments"), ==, 2);

  /* Another group: the old enrolment ends as "moved", a new one starts. */
  d->cycle_id = 2;
  g_assert_true (bk_child_save (f->store, d, f->now, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrolments"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrolments WHERE outcome = 'moved'"
                             " AND ended_on = '2026-11-23' AND cycle_id = 1"), ==, 1);
  g_assert_cmpint (count (f, "SELECT cycle_id FROM enrolments WHERE ended_on IS NULL"), ==, 2);

  /* Back to the first cycle to do it again: the form says it repeats. */
  d->cycle_id = 1;
  d->leave_outcome = "repeating";
  g_assert_true (bk_child_save (f->store, d, f->now, NULL, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrolments WHERE outcome = 'repeating' AND cycle_id = 2"), ==, 1);
  d->leave_outcome = "graduated";
  d->cycle_id = 2;
  g_assert_false (bk_child_save (f->store, d, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count (f, "SELECT cycle_id FROM enrolments WHERE ended_on IS NULL"), ==, 1);
  d->leave_outcome = NULL;

  /* No group: the open enrolment ends. */
  d->cycle_id = 0;
  g_assert_true (bk_child_save (f->store, d, f->now, NULL, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM enrolments WHERE ended_on IS NULL"), ==, 0);
}

static void
test_save_failure_writes_nothing (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkChildDraft) d = draft ("Mees", NULL, NULL);

  /* The child row is fine, the enrolment is not (no such group): the
   * whole save is undone. */
  d->cycle_id = 99;
  g_assert_false (bk_child_save (f->store, d, f->now, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count (f, "SELECT count(*) FROM children"), ==, 0);

  /* Editing a child that was deleted meanwhile says so. */
  g_clear_error (&error);
  d->cycle_id = 0;
  d->id = 4242;
  g_assert_false (bk_child_save (f->store, d, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

static void
test_delete_undo_purge (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkChildDraft) d = draft ("Roos", NULL, NULL);
  g_autoptr (GListStore) all = NULL;
  gint64 id = 0;

  g_assert_true (bk_child_save (f->store, d, f->now, &id, &error));
  g_assert_true (bk_child_delete (f->store, id, f->now, &error));
  all = bk_child_load_all (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 0);
  g_assert_null (bk_child_load (f->store, id, NULL));

  g_assert_true (bk_child_undelete (f->store, id, &error));
  g_assert_no_error (error);
  g_clear_object (&all);
  all = bk_child_load_all (f->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (all)), ==, 1);

  /* Purging leaves children that are not deleted alone. */
  g_assert_true (bk_child_purge_deleted (f->store, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM children"), ==, 1);

  /* Purging one child that was brought back does nothing. */
  g_assert_true (bk_child_purge (f->store, id, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM children"), ==, 1);

  g_assert_true (bk_child_delete (f->store, id, f->now, &error));
  g_assert_false (bk_child_delete (f->store, id, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (bk_child_purge_deleted (f->store, &error));
  g_assert_cmpint (count (f, "SELECT count(*) FROM children"), ==, 0);
}

static gboolean
matches (BkChild    *child,
         const char *query)
{
  g_autofree char *folded = bk_search_fold_query (query);
  return bk_child_matches (child, folded);
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkChildDraft) d = draft ("Zoë", "de Vries", NULL);
  g_autoptr (BkChild) child = NULL;
  gint64 id = 0;

  d->cycle_id = 1;
  d->coach_id = 1;
  g_assert_true (bk_child_save (f->store, d, f->now, &id, &error));
  child = bk_child_load (f->store, id, &error);

  g_assert_true (matches (child, ""));
  g_assert_true (matches (child, "zoe"));
  g_assert_true (matches (child, "ZOË"));
  g_assert_true (matches (child, "de v"));
  g_assert_true (matches (child, "vries zo"));
  g_assert_true (matches (child, "najaar"));       /* group */
  g_assert_true (matches (child, "hoekstra"));     /* coach */
  g_assert_false (matches (child, "oë"));          /* not inside a word */
  g_assert_false (matches (child, "zoe jansen"));  /* every word must match */
  g_assert_false (matches (child, "verbeek"));
  g_assert_false (matches (child, "vastloop"));

  /* The goal's words are found too, once the child has one. */
  g_assert_cmpint (sqlite3_exec (bk_store_get_db (f->store),
                                 "INSERT INTO goals (child_id, cycle_id, text, created_on)"
                                 " VALUES (1, 1, 'Ik vraag hulp als ik vastloop', '2026-10-07')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&child);
  child = bk_child_load (f->store, id, &error);
  g_assert_true (matches (child, "vastloop"));
  g_assert_true (matches (child, "hulp zoe"));
  g_assert_cmpstr (bk_child_get_goal_status (child), ==, "active");
}

typedef struct { guint removed, added; } Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  changes->removed += removed;
  changes->added += added;
}

static void
test_list_follows_store (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkChildList) list = NULL;
  g_autoptr (BkChildDraft) bram = draft ("Bram", NULL, NULL);
  g_autoptr (BkChildDraft) anouk = draft ("Anouk", NULL, NULL);
  Changes changes = { 0 };
  gint64 id = 0;

  list = bk_child_list_new (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  g_assert_true (bk_child_save (f->store, bram, f->now, NULL, &error));
  g_assert_true (bk_child_save (f->store, anouk, f->now, &id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (changes.added, ==, 2);
  {
    /* Sorted by first name: Anouk before Bram. */
    g_autoptr (BkChild) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (bk_child_get_given_name (first), ==, "Anouk");
  }

  /* Renaming re-sorts. */
  anouk->id = id;
  g_free (anouk->given_name);
  anouk->given_name = g_strdup ("Wessel");
  g_assert_true (bk_child_save (f->store, anouk, f->now, NULL, &error));
  {
    g_autoptr (BkChild) last = g_list_model_get_item (G_LIST_MODEL (list), 1);
    g_assert_cmpstr (bk_child_get_given_name (last), ==, "Wessel");
  }

  g_assert_true (bk_child_delete (f->store, id, f->now, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_cmpuint (bk_child_list_find (list, id), ==, G_MAXUINT);
  g_assert_true (bk_child_undelete (f->store, id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (bk_child_list_find (list, id), ==, 1);

  g_signal_handlers_disconnect_by_data (list, &changes);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/child/save-and-load", test_save_and_load);
  ADD ("/child/validate", test_validate);
  ADD ("/child/move-group-keeps-history", test_move_group_keeps_history);
  ADD ("/child/save-failure-writes-nothing", test_save_failure_writes_nothing);
  ADD ("/child/delete-undo-purge", test_delete_undo_purge);
  ADD ("/child/search", test_search);
  ADD ("/child/list-follows-store", test_list_follows_store);
#undef ADD

  return g_test_run ();
}
