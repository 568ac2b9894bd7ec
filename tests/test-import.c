/* test-import.c
 * Importing a class list: check everything, write all or nothing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-import.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, "INSERT INTO cycles (id, name, start_date, created_at) VALUES (1, 'Traject najaar 2026', '2026-10-07', 'x');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

/* As Dutch Excel saves it: semicolons, Windows-1252 (Zo\xEB = Zoë). */
static const char class_list[] =
  "Voornaam kind;Achternaam kind;Geboortedatum;Groep;Voornaam ouder;Achternaam ouder;Relatie;E-mail;Telefoon\r\n"
  "Zo\xEB;de Vries;7-3-2016;Traject najaar 2026;Sandra;de Vries;moeder;sandra@voorbeeld.nl;06-12345678\r\n"
  "Zo\xEB;de Vries;7-3-2016;Traject najaar 2026;Mark;Bakker;Vader;;'+31687654321\r\n"
  "Sem;Jansen;12-11-2015;Traject voorjaar 2027;;;;;\r\n";

static BkImport *
prepare (Fixture    *f,
         const char *text)
{
  g_autoptr (GError) error = NULL;
  BkImport *import = bk_import_prepare (f->store, text, strlen (text), BK_COUNTRY_NL, f->now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static void
test_class_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkImport) import = prepare (f, class_list);
  g_autofree char *summary = bk_import_describe (import);

  g_assert_cmpuint (bk_import_get_problems (import)->len, ==, 0);
  g_assert_cmpstr (summary, ==, "2 children, 2 parents; new group: Traject voorjaar 2027");
  /* Checked, not written. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM children"), ==, 0);

  g_assert_true (bk_import_commit (import, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM children"), ==, 2);
  g_assert_cmpint (q (f, "SELECT count(*) FROM children WHERE given_name = 'Zoë' AND birth_date = '2016-03-07'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM parents WHERE phone = '+31687654321'"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM parent_children pc JOIN children c ON c.id = pc.child_id"
                         " WHERE c.given_name = 'Zoë'"), ==, 2);
  /* Both parents in Zoë's family; Sem's new group was made. */
  g_assert_cmpint (q (f, "SELECT count(DISTINCT family_id) FROM parents"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM enrolments e JOIN cycles c ON c.id = e.cycle_id"
                         " WHERE c.name = 'Traject voorjaar 2027'"), ==, 1);

  /* The same file again adds nothing. */
  {
    g_autoptr (BkImport) again = prepare (f, class_list);
    g_assert_true (bk_import_commit (again, &error));
    g_assert_cmpint (q (f, "SELECT count(*) FROM children"), ==, 2);
    g_assert_cmpint (q (f, "SELECT count(*) FROM parents"), ==, 2);
    g_assert_cmpint (q (f, "SELECT count(*) FROM cycles"), ==, 2);
  }
}

static gboolean
has_problem (BkImport   *import,
             guint       line,
             const char *column,
             const char *needle)
{
  GPtrArray *problems = bk_import_get_problems (import);

  for (guint i = 0; i < problems->len; i++)
    {
      BkImportProblem *p = g_ptr_array_index (problems, i);
      if (p->line == line && g_str_equal (p->column, column) && strstr (p->message, needle))
        return TRUE;
    }
  return FALSE;
}

static void
test_problems_named_by_line_and_column (Fixture       *f,
                                        gconstpointer  data)
{
  const char *text =
    "Voornaam kind;Achternaam kind;Geboortedatum;Voornaam ouder;Relatie;E-mail;Telefoon\n"
    "Zoë;de Vries;7-3-2016;Sandra;moeder;sandra@;06-12345678\n"
    "Bram;Jansen;1-1-2030;Fatima;moeder;;06-123\n"
    ";Bakker;;Mark;;;\n"
    "\"Noor\nvan Dam\";El Amrani;3-3-2015;Hassan;buurman;;\n";
  g_autoptr (BkImport) import = prepare (f, text);
  g_autoptr (GError) error = NULL;

  g_assert_true (has_problem (import, 2, "E-mail", "after the @"));
  g_assert_true (has_problem (import, 3, "Geboortedatum", "future"));
  g_assert_true (has_problem (import, 3, "Telefoon", "Dutch phone number"));
  g_assert_true (has_problem (import, 4, "Voornaam kind", "first name"));
  g_assert_true (has_problem (import, 4, "Relatie", "Fill in how the parent is related"));
  g_assert_true (has_problem (import, 5, "Relatie", "“buurman” is not a relation"));
  g_assert_true (has_problem (import, 5, "Voornaam kind", "line breaks"));

  g_assert_false (bk_import_commit (import, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Nothing was imported"));
  g_assert_cmpint (q (f, "SELECT count(*) FROM children"), ==, 0);
  g_assert_cmpint (q (f, "SELECT count(*) FROM parents"), ==, 0);
}

static void
test_columns (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *odd = "Naam leerling,Familie\r\nSem,Jansen\r\nMees,Bos\r\n";
  g_autoptr (BkImport) none = bk_import_prepare (f->store, odd, strlen (odd), BK_COUNTRY_NL, f->now, &error);

  /* No heading for the child's first name: say which were found. */
  g_assert_null (none);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Naam leerling; Familie"));
  g_clear_error (&error);

  /* Mapped by hand, it imports. */
  {
    const char *mapped = "Voornaam,Naam leerling\r\nx,Sem\r\ny,Mees\r\n";
    g_autoptr (BkImport) import = prepare (f, mapped);
    g_assert_cmpint (bk_import_get_mapping (import, BK_IMPORT_CHILD_GIVEN), ==, 0);
    g_assert_true (bk_import_set_mapping (import, BK_IMPORT_CHILD_GIVEN, 1, &error));
    g_assert_false (bk_import_set_mapping (import, BK_IMPORT_CHILD_GIVEN, 7, &error));
    g_clear_error (&error);
    g_assert_true (bk_import_commit (import, &error));
    g_assert_cmpint (q (f, "SELECT count(*) FROM children WHERE given_name IN ('Sem', 'Mees')"), ==, 2);
  }
}

static void
test_siblings_share_parents (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  const char *text =
    "Voornaam kind;Achternaam kind;Geboortedatum;Voornaam ouder;Achternaam ouder;Relatie;Telefoon\n"
    "Noor;El Amrani;3-3-2015;Fatima;El Amrani;moeder;06-11112222\n"
    "Ilias;El Amrani;8-8-2017;Fatima;El Amrani;moeder;06 1111 2222\n"
    "Ilias;El Amrani;8-8-2017;Fatima;El Amrani;moeder;\n";
  g_autoptr (BkImport) import = prepare (f, text);

  g_assert_true (bk_import_commit (import, &error));
  g_assert_no_error (error);
  /* One Fatima, mother of both; both children in her family. */
  g_assert_cmpint (q (f, "SELECT count(*) FROM parents"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM parent_children"), ==, 2);
  g_assert_cmpint (q (f, "SELECT count(DISTINCT family_id) FROM children"), ==, 1);
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GString) big = g_string_new ("Voornaam kind\n");
  g_autoptr (GError) error = NULL;
  g_autoptr (BkImport) import = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (big, "Sem\n");
  import = bk_import_prepare (f->store, big->str, big->len, BK_COUNTRY_NL, f->now, &error);
  g_assert_null (import);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_cmpint (q (f, "SELECT count(*) FROM children"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/import/class-list", test_class_list);
  ADD ("/import/problems-named-by-line-and-column", test_problems_named_by_line_and_column);
  ADD ("/import/columns", test_columns);
  ADD ("/import/siblings-share-parents", test_siblings_share_parents);
  ADD ("/import/too-large", test_too_large);
#undef ADD

  return g_test_run ();
}
