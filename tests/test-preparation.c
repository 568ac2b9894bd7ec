/* test-preparation.c
 * The preparation of a parent conversation gathers what is known, and
 * leaves the observations out for an intern.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-preparation.h"
#include "bk-test-seeds.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* Zoë, of separated parents: her goal with a step reached, a session with
 * a tip and a top, an open and a done agreement, a phone call with her
 * mother, and an observation of her father. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, BK_TEST_SEED_PREPARATION);
}

#define fixture_teardown bk_test_db_close

static const BkPreparationPart *
part (BkPreparation *prep,
      const char    *heading)
{
  for (guint i = 0; i < prep->parts->len; i++)
    {
      BkPreparationPart *p = g_ptr_array_index (prep->parts, i);
      if (g_str_equal (p->heading, heading))
        return p;
    }
  return NULL;
}

static gboolean
has_line (const BkPreparationPart *p,
          const char              *fragment)
{
  for (guint i = 0; p != NULL && i < p->lines->len; i++)
    if (strstr (g_ptr_array_index (p->lines, i), fragment) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_gather (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkPreparation) prep = bk_preparation_gather (f->store, 1, TRUE, f->now, &error);
  const BkPreparationPart *agreements;

  g_assert_no_error (error);
  g_assert_cmpstr (prep->child_name, ==, "Zoë de Vries");
  g_assert_true (has_line (part (prep, "Learning Goal and Steps"), "Goal: Ik vraag hulp als ik vastloop"));
  g_assert_true (has_line (part (prep, "Learning Goal and Steps"), "✓ Mijn hand opsteken (21-10-2026)"));
  g_assert_true (has_line (part (prep, "Learning Goal and Steps"), "○ Zelf naar de juf lopen"));
  g_assert_true (has_line (part (prep, "Latest Tip and Top"), "Tip: Vraag het eerst aan je buurman"));
  agreements = part (prep, "Open Agreements");
  g_assert_nonnull (agreements);
  g_assert_cmpuint (agreements->lines->len, ==, 1);   /* the done one is not open */
  g_assert_true (has_line (agreements, "Moeder belt de juf over het huiswerk — Sandra, by 1-12-2026"));
  g_assert_true (has_line (part (prep, "Last Contacts"), "Sandra de Vries"));
  g_assert_true (has_line (part (prep, "Last Contacts"), "Mark Bakker: no contact logged yet"));
  g_assert_true (has_line (part (prep, "Language and Channel"), "Pools"));
  g_assert_true (has_line (part (prep, "Approach"), "Mark Bakker (Avoids contact): Invite personally"));
  g_assert_true (has_line (part (prep, "Separated Parents"), "other parent"));
}

static void
test_intern_and_empty (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkPreparation) intern = bk_preparation_gather (f->store, 1, FALSE, f->now, &error);
  g_autoptr (BkPreparation) bram = bk_preparation_gather (f->store, 2, TRUE, f->now, &error);
  g_autoptr (BkPreparation) nobody = NULL;

  g_assert_null (part (intern, "Approach"));
  g_assert_nonnull (part (intern, "Open Agreements"));
  /* Bram has nothing recorded: no empty headings. */
  g_assert_cmpuint (bram->parts->len, ==, 0);
  nobody = bk_preparation_gather (f->store, 99, TRUE, f->now, &error);
  g_assert_null (nobody);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpuint (g_strv_length ((char **) bk_preparation_attitude ()), ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/preparation/gather", Fixture, NULL, fixture_setup, test_gather, fixture_teardown);
  g_test_add ("/preparation/intern-and-empty", Fixture, NULL, fixture_setup, test_intern_and_empty,
              fixture_teardown);
  return g_test_run ();
}
