/* test-observation.c
 * Parent-type observations: behaviour required, revise, retract, step back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-observation.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, "INSERT INTO staff (id, name, created_at) VALUES (1, 'Sanne Hoekstra', 'x');"
    "INSERT INTO parents (id, given_name, created_at) VALUES (1, 'Sandra', 'x'), (2, 'Mark', 'x');");
}

#define fixture_teardown bk_test_db_close

static gint64
observe (Fixture    *f,
         const char *type,
         const char *behaviour,
         const char *on,
         gint64      replaces)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkObservationDraft) d = bk_observation_draft_new (1, type);
  gint64 id = 0;

  d->behaviour = g_strdup (behaviour);
  d->observed_on = g_strdup (on);
  d->staff_id = 1;
  d->replaces_id = replaces;
  g_assert_true (bk_observation_save (f->store, d, f->now, &id, &error));
  g_assert_no_error (error);
  return id;
}

static guint
count_shown (Fixture  *f,
             gboolean  with_history)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GListStore) list = bk_observation_load_for_parent (f->store, 1, f->now, with_history, &error);
  g_assert_no_error (error);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_types_have_advice (Fixture       *f,
                        gconstpointer  data)
{
  const char * const *types = bk_observation_types ();

  g_assert_cmpuint (g_strv_length ((char **) types), ==, 7);
  for (guint i = 0; types[i] != NULL; i++)
    {
      g_assert_nonnull (bk_observation_type_label (types[i]));
      g_assert_cmpuint (strlen (bk_observation_type_advice (types[i])), >, 60);
    }
  g_assert_nonnull (strstr (bk_observation_type_advice ("perfectionist"), "own goal comes first"));
  g_assert_nonnull (strstr (bk_observation_type_advice ("avoiding"), "no jargon"));
}

static void
test_behaviour_required (Fixture       *f,
                         gconstpointer  data)
{
  struct { const char *type, *behaviour, *on, *needle; } cases[] = {
    { "avoiding", "", NULL, "Describe the behaviour" },
    { "avoiding", "   ", NULL, "Describe the behaviour" },
    { "lazy", "Kwam niet", NULL, "Choose what you observed" },
    { "avoiding", "Kwam niet", "24-11-2026", "future" },
    { "avoiding", "Kwam niet", "morgen", "not a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BkObservationDraft) d = bk_observation_draft_new (1, cases[i].type);
      g_autoptr (GError) error = NULL;

      d->behaviour = g_strdup (cases[i].behaviour);
      d->observed_on = g_strdup (cases[i].on);
      g_assert_false (bk_observation_save (f->store, d, f->now, NULL, &error));
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
  g_assert_cmpint (bk_test_query_int (f->path, "SELECT count(*) FROM observations"), ==, 0);
}

static void
test_revise_and_retract (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  gint64 first, revised;

  first = observe (f, "avoiding", "Reageerde niet op twee uitnodigingen.", "2-11-2026", 0);
  g_assert_cmpuint (count_shown (f, FALSE), ==, 1);

  /* A revision replaces it on screen; the first version stays in history. */
  revised = observe (f, "avoiding", "Reageerde niet op twee uitnodigingen; werkt in ploegen.", "", first);
  g_assert_cmpuint (count_shown (f, FALSE), ==, 1);
  g_assert_cmpuint (count_shown (f, TRUE), ==, 2);
  {
    g_autoptr (GListStore) list = bk_observation_load_for_parent (f->store, 1, f->now, FALSE, &error);
    g_autoptr (BkObservation) o = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpint (bk_observation_get_id (o), ==, revised);
    g_assert_cmpstr (bk_observation_get_observed_on (o), ==, "2026-11-23");
    g_assert_cmpstr (bk_observation_get_subtitle (o), ==, "23-11-2026 · Sanne Hoekstra");
  }

  /* The old version cannot be revised again: no forks in the history. */
  {
    g_autoptr (BkObservationDraft) d = bk_observation_draft_new (1, "avoiding");
    d->behaviour = g_strdup ("Nog een versie");
    d->replaces_id = first;
    g_assert_false (bk_observation_save (f->store, d, f->now, NULL, &error));
    g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Retracting needs a reason and keeps it. */
  g_assert_false (bk_observation_retract (f->store, revised, "  ", f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (bk_observation_retract (f->store, revised, "Misverstand: adres klopte niet", f->now, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_shown (f, FALSE), ==, 0);
  g_assert_cmpuint (count_shown (f, TRUE), ==, 2);
  {
    g_autoptr (GListStore) list = bk_observation_load_for_parent (f->store, 1, f->now, TRUE, &error);
    g_autoptr (BkObservation) o = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_false (bk_observation_is_current (o));
    g_assert_cmpstr (bk_observation_get_subtitle (o), ==, "Retracted on 23-11-2026: Misverstand: adres klopte niet");
  }
  g_assert_false (bk_observation_retract (f->store, revised, "Nogmaals", f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
}

static void
test_old_steps_back (Fixture       *f,
                     gconstpointer  data)
{
  observe (f, "dissatisfied", "Klaagde bij het ophalen over de groepsindeling.", "1-10-2025", 0);
  observe (f, "overprotective", "Bleef de hele bijeenkomst in de gang wachten.", "24-11-2025", 0);

  /* Older than a year (23-11-2025) steps back; the rest is shown. */
  g_assert_cmpuint (count_shown (f, FALSE), ==, 1);
  g_assert_cmpuint (count_shown (f, TRUE), ==, 2);
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GListStore) all = bk_observation_load_for_parent (f->store, 1, f->now, TRUE, &error);
    g_autoptr (BkObservation) old = g_list_model_get_item (G_LIST_MODEL (all), 1);
    g_assert_true (bk_observation_is_old (old));
    g_assert_cmpstr (bk_observation_get_type_name (old), ==, "dissatisfied");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/observation/types-have-advice", test_types_have_advice);
  ADD ("/observation/behaviour-required", test_behaviour_required);
  ADD ("/observation/revise-and-retract", test_revise_and_retract);
  ADD ("/observation/old-steps-back", test_old_steps_back);
#undef ADD

  return g_test_run ();
}
