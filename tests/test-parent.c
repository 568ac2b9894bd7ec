/* test-parent.c
 * Parents: contact details checked and normalised, linked to children, families.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-parent.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, "INSERT INTO children (id, given_name, family_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'de Vries', 'x', 'x'), (2, 'Noor', 'de Vries', 'x', 'x'),"
    " (3, 'Bram', 'Jansen', 'x', 'x');");
}

#define fixture_teardown bk_test_db_close

static BkParentDraft *
draft (const char *given,
       const char *family,
       const char *email,
       const char *phone)
{
  BkParentDraft *d = bk_parent_draft_new ();

  d->given_name = g_strdup (given);
  d->family_name = g_strdup (family);
  d->email = g_strdup (email);
  d->phone = g_strdup (phone);
  return d;
}

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static void
test_save_and_load (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkParentDraft) mother = draft ("Sandra", "de Vries", " Sandra@Voorbeeld.NL ", "06-12345678");
  g_autoptr (BkParentDraft) father = draft ("Mark", "Bakker", NULL, "0031 6 8765 4321");
  g_autoptr (BkParent) loaded = NULL;
  gint64 mother_id = 0, father_id = 0;

  mother->preferred_channel = g_strdup ("whatsapp");
  mother->dutch_level = g_strdup ("fluent");
  bk_parent_draft_link (mother, 1, "mother");
  bk_parent_draft_link (mother, 2, "mother");
  g_assert_true (bk_parent_save (f->store, mother, BK_COUNTRY_NL, f->now, &mother_id, &error));
  g_assert_no_error (error);

  loaded = bk_parent_load (f->store, mother_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bk_parent_get_display_name (loaded), ==, "Sandra de Vries");
  g_assert_cmpstr (bk_parent_get_email (loaded), ==, "Sandra@voorbeeld.nl");
  g_assert_cmpstr (bk_parent_get_phone (loaded), ==, "+31612345678");
  /* Siblings share their mother; the subtitle names both. */
  g_assert_cmpstr (bk_parent_get_subtitle (loaded), ==, "Mother of Noor de Vries, Zoë de Vries");

  /* Her first child had no family: one was made, named after the child. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM families WHERE name = 'Family de Vries'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT family_id FROM children WHERE id = 1"), ==,
                   bk_parent_get_family_id (loaded));

  /* A separated father of the same child joins that family, own details. */
  bk_parent_draft_link (father, 1, "father");
  father->address = g_strdup ("Lindenlaan 4, Eindhoven");
  g_assert_true (bk_parent_save (f->store, father, BK_COUNTRY_NL, f->now, &father_id, &error));
  g_assert_cmpint (q (f, "SELECT count(DISTINCT family_id) FROM parents"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM parents WHERE phone = '+31687654321'"), ==, 1);

  {
    g_autoptr (GListStore) of_zoe = bk_parent_load_for_child (f->store, 1, &error);
    g_autoptr (GListStore) of_noor = bk_parent_load_for_child (f->store, 2, &error);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_zoe)), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (of_noor)), ==, 1);
  }
}

static void
test_refuse (Fixture       *f,
             gconstpointer  data)
{
  struct { const char *given, *email, *phone, *channel; gboolean link; const char *field, *needle; } cases[] = {
    { "Sandra", NULL, NULL, NULL, FALSE, "children", "at least one child" },
    { "", NULL, NULL, NULL, TRUE, "given-name", "first name" },
    { "Sandra", "sandra@", NULL, NULL, TRUE, "email", "after the @" },
    { "Sandra", NULL, "06-123", NULL, TRUE, "phone", "Dutch phone number" },
    { "Sandra", NULL, NULL, "email", TRUE, "channel", "no e-mail address" },
    { "Sandra", "s@voorbeeld.nl", NULL, "whatsapp", TRUE, "channel", "no phone number" },
    { "Sandra", NULL, NULL, "pigeon", TRUE, "channel", "Choose how" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (BkParentDraft) d = draft (cases[i].given, NULL, cases[i].email, cases[i].phone);
      g_autoptr (GPtrArray) errors = NULL;
      g_autoptr (GError) error = NULL;
      gboolean found = FALSE;

      d->preferred_channel = g_strdup (cases[i].channel);
      if (cases[i].link)
        bk_parent_draft_link (d, 3, "mother");
      errors = bk_parent_draft_validate (d, BK_COUNTRY_NL);
      for (guint j = 0; j < errors->len; j++)
        {
          BkFieldError *e = g_ptr_array_index (errors, j);
          g_test_message ("case %u: %s: %s", i, e->field, e->message);
          if (g_str_equal (e->field, cases[i].field) && strstr (e->message, cases[i].needle))
            found = TRUE;
        }
      g_assert_true (found);
      g_assert_false (bk_parent_save (f->store, d, BK_COUNTRY_NL, f->now, NULL, &error));
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      g_assert_cmpint (q (f, "SELECT count(*) FROM parents"), ==, 0);
      g_assert_cmpint (q (f, "SELECT count(*) FROM families"), ==, 0);
    }
}

static void
test_relink_and_search (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkParentDraft) d = draft ("Fatima", "El Amrani", NULL, "0470 12 34 56");
  g_autoptr (BkParent) p = NULL;
  g_autofree char *by_child = bk_search_fold_query ("bram");
  g_autofree char *by_name = bk_search_fold_query ("el am");
  g_autofree char *other = bk_search_fold_query ("zoe");
  gint64 id = 0;

  bk_parent_draft_link (d, 3, "guardian");
  g_assert_true (bk_parent_save (f->store, d, BK_COUNTRY_BE, f->now, &id, &error));
  p = bk_parent_load (f->store, id, &error);
  g_assert_cmpstr (bk_parent_get_phone (p), ==, "+32470123456");
  g_assert_cmpstr (bk_parent_get_subtitle (p), ==, "Guardian of Bram Jansen");
  g_assert_true (bk_parent_matches (p, by_child));
  g_assert_true (bk_parent_matches (p, by_name));
  g_assert_false (bk_parent_matches (p, other));

  /* Relinking replaces the links; a child that was deleted meanwhile makes
   * the save fail as a whole. */
  d->id = id;
  g_array_set_size (d->links, 0);
  bk_parent_draft_link (d, 1, "step-parent");
  g_assert_true (bk_parent_save (f->store, d, BK_COUNTRY_BE, f->now, NULL, &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM parent_children WHERE parent_id = 1"), ==, 1);
  g_assert_cmpint (q (f, "SELECT child_id FROM parent_children WHERE parent_id = 1"), ==, 1);

  g_array_set_size (d->links, 0);
  bk_parent_draft_link (d, 99, "mother");
  g_assert_false (bk_parent_save (f->store, d, BK_COUNTRY_BE, f->now, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpint (q (f, "SELECT child_id FROM parent_children WHERE parent_id = 1"), ==, 1);
}

static void
test_link_sibling (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkParentDraft) d = draft ("Sandra", "de Vries", NULL, NULL);
  g_autoptr (GListStore) candidates = NULL;
  gint64 id = 0;

  bk_parent_draft_link (d, 1, "mother");
  g_assert_true (bk_parent_save (f->store, d, BK_COUNTRY_NL, f->now, &id, &error));

  /* Noor de Vries: Zoë's mother is offered, Bram Jansen's parents are not. */
  candidates = bk_parent_load_sibling_parents (f->store, 2, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (candidates)), ==, 1);
  g_assert_false (bk_parent_link_child (f->store, id, 2, "aunt", &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (bk_parent_link_child (f->store, id, 2, "mother", &error));
  g_assert_cmpint (q (f, "SELECT count(*) FROM parents"), ==, 1);
  g_assert_cmpint (q (f, "SELECT family_id FROM children WHERE id = 2"), ==,
                   q (f, "SELECT family_id FROM children WHERE id = 1"));
  g_clear_object (&candidates);
  candidates = bk_parent_load_sibling_parents (f->store, 2, &error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (candidates)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/parent/save-and-load", test_save_and_load);
  ADD ("/parent/refuse-bad-input", test_refuse);
  ADD ("/parent/relink-and-search", test_relink_and_search);
  ADD ("/parent/link-sibling", test_link_sibling);
#undef ADD

  return g_test_run ();
}
