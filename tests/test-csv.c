/* test-csv.c
 * CSV as Dutch Excel writes it: delimiters, quotes, encodings, limits.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-csv.h"
#include "bk-store.h"
#include "bk-test-util.h"

static BkCsvTable *
parse_ok (const char *text,
          gssize      len)
{
  g_autoptr (GError) error = NULL;
  BkCsvTable *table = bk_csv_parse (text, len < 0 ? strlen (text) : (gsize) len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static const char *
cell (BkCsvTable *table,
      guint       row,
      guint       col)
{
  char **fields = g_ptr_array_index (table->rows, row);
  return col < g_strv_length (fields) ? fields[col] : NULL;
}

static void
test_delimiters (void)
{
  g_autoptr (BkCsvTable) semi = parse_ok ("Voornaam;Achternaam\nZoë;de Vries\n", -1);
  g_autoptr (BkCsvTable) comma = parse_ok ("first,last\r\nSem,Bakker\r\n", -1);

  g_assert_cmpint (semi->delimiter, ==, ';');
  g_assert_cmpstr (semi->header[1], ==, "Achternaam");
  g_assert_cmpstr (cell (semi, 0, 1), ==, "de Vries");
  g_assert_cmpint (comma->delimiter, ==, ',');
  g_assert_cmpstr (cell (comma, 0, 1), ==, "Bakker");
  g_assert_cmpuint (comma->rows->len, ==, 1);
}

static void
test_quotes_and_lines (void)
{
  const char *text =
    "naam;notitie;plaats\r\n"
    "\r\n"
    "\"Jansen; Bram\";\"Zegt \"\"hoi\"\"\nen zwaait\";Eindhoven\r\n"
    "   \r\n"
    "Noor;;\n"
    "Mees;\"a,b\";Best";
  g_autoptr (BkCsvTable) t = parse_ok (text, -1);

  g_assert_cmpuint (t->rows->len, ==, 3);
  g_assert_cmpstr (cell (t, 0, 0), ==, "Jansen; Bram");
  g_assert_cmpstr (cell (t, 0, 1), ==, "Zegt \"hoi\"\nen zwaait");
  g_assert_cmpstr (cell (t, 0, 2), ==, "Eindhoven");
  g_assert_cmpstr (cell (t, 1, 1), ==, "");
  g_assert_cmpstr (cell (t, 2, 1), ==, "a,b");
  g_assert_cmpstr (cell (t, 2, 2), ==, "Best");
  /* Line numbers as a spreadsheet user counts them, despite the quoted
   * line break and the empty lines. */
  g_assert_cmpuint (g_array_index (t->lines, guint, 0), ==, 3);
  g_assert_cmpuint (g_array_index (t->lines, guint, 1), ==, 6);
  g_assert_cmpuint (g_array_index (t->lines, guint, 2), ==, 7);
}

static void
test_encodings (void)
{
  g_autoptr (BkCsvTable) bom = parse_ok ("\xEF\xBB\xBFnaam\nZo\xC3\xAB\n", -1);
  g_autoptr (BkCsvTable) cp1252 = parse_ok ("naam;plaats\nZo\xEB;'s-Hertogenbosch\nAyd\xFDn \x80;x\n", -1);

  g_assert_cmpstr (bom->header[0], ==, "naam");
  g_assert_cmpstr (cell (bom, 0, 0), ==, "Zoë");
  g_assert_false (bom->was_cp1252);
  g_assert_true (cp1252->was_cp1252);
  g_assert_cmpstr (cell (cp1252, 0, 0), ==, "Zoë");
  g_assert_cmpstr (cell (cp1252, 1, 0), ==, "Aydýn €");
}

static void
refused (const char *text,
         gsize       len,
         const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkCsvTable) t = bk_csv_parse (text, len, &error);

  g_assert_null (t);
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
}

static void
test_refusals (void)
{
  g_autoptr (GString) many = g_string_new ("naam\n");
  g_autofree char *long_field = NULL;
  g_autofree char *x = g_strnfill (BK_CSV_MAX_FIELD + 1, 'x');

  refused ("naam\nab\0cd\n", 11, "not a text file");
  refused ("naam\nZo\x81\x8D\n", 9, "unknown encoding");
  refused ("naam;notitie\nBram;\"nooit dicht\n", 31, "line 2 is never closed");
  refused ("\n\n  \n", 5, "empty");
  refused ("", 0, "empty");
  for (guint i = 0; i <= BK_CSV_MAX_ROWS; i++)
    g_string_append (many, "x\n");
  refused (many->str, many->len, "more than 20000 rows");
  long_field = g_strdup_printf ("naam\n%s\n", x);
  refused (long_field, strlen (long_field), "longer than 4000");
}

static void
test_write (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  const char *row1[] = { "Naam", "Notitie", "Telefoon", NULL };
  const char *row2[] = { "Jansen; Bram", "Zegt \"hoi\"", "+31612345678", NULL };
  const char *row3[] = { "=HYPERLINK(\"x\")", "", "gewoon", NULL };
  g_autoptr (BkCsvTable) back = NULL;

  bk_csv_append_row (out, row1);
  bk_csv_append_row (out, row2);
  bk_csv_append_row (out, row3);
  g_assert_cmpstr (out->str, ==,
                   "Naam;Notitie;Telefoon\r\n"
                   "\"Jansen; Bram\";\"Zegt \"\"hoi\"\"\";\"'+31612345678\"\r\n"
                   "\"'=HYPERLINK(\"\"x\"\")\";;gewoon\r\n");
  /* And it reads back, apostrophes and all. */
  back = parse_ok (out->str, -1);
  g_assert_cmpstr (cell (back, 0, 0), ==, "Jansen; Bram");
  g_assert_cmpstr (cell (back, 0, 2), ==, "'+31612345678");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/delimiters", test_delimiters);
  g_test_add_func ("/csv/quotes-and-lines", test_quotes_and_lines);
  g_test_add_func ("/csv/encodings", test_encodings);
  g_test_add_func ("/csv/refusals", test_refusals);
  g_test_add_func ("/csv/write", test_write);
  return g_test_run ();
}
