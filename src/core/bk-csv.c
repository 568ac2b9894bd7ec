/* bk-csv.c
 * Reading and writing CSV as Dutch Excel writes and reads it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Dutch Excel saves "CSV" with semicolons (the comma is the decimal sign),
 * in Windows-1252 unless "CSV UTF-8" is chosen, which adds a byte order
 * mark. Other programs use commas. So: a BOM is dropped; text that is not
 * valid UTF-8 is read as Windows-1252 (and refused if it is not that
 * either); the delimiter is whichever of ; and , the header line has more
 * of outside quotes. Quoted fields follow RFC 4180: "" is a quote, and a
 * quoted field may hold the delimiter and line breaks. Empty lines are
 * skipped. Limits keep a wrong file (a photo, a full export of something
 * else) from eating the machine.
 */
#define G_LOG_DOMAIN "bk-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-csv.h"
#include "bk-store.h"

void
bk_csv_table_free (BkCsvTable *table)
{
  if (table == NULL)
    return;
  g_strfreev (table->header);
  g_clear_pointer (&table->rows, g_ptr_array_unref);
  g_clear_pointer (&table->lines, g_array_unref);
  g_free (table);
}

static char
detect_delimiter (const char *text)
{
  guint semicolons = 0, commas = 0;
  gboolean quoted = FALSE;

  for (const char *c = text; *c != '\0' && (quoted || (*c != '\n' && *c != '\r')); c++)
    {
      if (*c == '"')
        quoted = !quoted;
      else if (!quoted && *c == ';')
        semicolons++;
      else if (!quoted && *c == ',')
        commas++;
    }
  return commas > semicolons ? ',' : ';';
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID, message);
  return FALSE;
}

/* Decodes to UTF-8 without BOM and NULs; NULL with @error if impossible. */
static char *
decode (const char  *data,
        gsize        length,
        gboolean    *was_cp1252,
        GError     **error)
{
  *was_cp1252 = FALSE;
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, length -= 3;
  if (memchr (data, '\0', length) != NULL)
    {
      refuse (error, _("This file is not a text file. Save the spreadsheet as CSV and try again."));
      return NULL;
    }
  if (g_utf8_validate_len (data, length, NULL))
    return g_strndup (data, length);

  {
    g_autoptr (GError) local = NULL;
    char *converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, &local);

    if (converted == NULL)
      {
        refuse (error, _("The text in this file is in an unknown encoding. In Excel, choose "
                         "“Save as” and “CSV UTF-8”."));
        return NULL;
      }
    *was_cp1252 = TRUE;
    return converted;
  }
}

static gboolean
row_is_empty (GPtrArray *fields)
{
  for (guint i = 0; i < fields->len; i++)
    {
      const char *f = g_ptr_array_index (fields, i);
      for (; *f; f++)
        if (!g_ascii_isspace (*f))
          return FALSE;
    }
  return TRUE;
}

/**
 * bk_csv_parse:
 *
 * Returns: (transfer full): the table, or %NULL with BK_STORE_ERROR_INVALID
 *   and a message that says what to do: not text, unknown encoding, too
 *   large, a quote that is never closed, no header
 */
BkCsvTable *
bk_csv_parse (const char  *data,
              gsize        length,
              GError     **error)
{
  g_autoptr (BkCsvTable) table = g_new0 (BkCsvTable, 1);
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) fields = NULL;
  g_autoptr (GString) field = g_string_new (NULL);
  gboolean quoted = FALSE, was_quoted = FALSE;
  guint line = 1, row_line = 1;
  const char *c;

  if (length > BK_CSV_MAX_BYTES)
    {
      refuse (error, _("This file is too large for a class list (more than 16 MB)."));
      return NULL;
    }
  text = decode (data, length, &table->was_cp1252, error);
  if (text == NULL)
    return NULL;

  table->delimiter = detect_delimiter (text);
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  table->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  fields = g_ptr_array_new_with_free_func (g_free);

  for (c = text; ; c++)
    {
      gboolean end_of_text = *c == '\0';
      gboolean end_of_row = end_of_text || (!quoted && (*c == '\n' || *c == '\r'));

      if (!end_of_row && quoted)
        {
          if (*c == '"' && c[1] == '"')
            g_string_append_c (field, '"'), c++;
          else if (*c == '"')
            quoted = FALSE;
          else
            {
              if (*c == '\n')
                line++;
              g_string_append_c (field, *c);
            }
        }
      else if (!end_of_row && *c == '"' && field->len == 0 && !was_quoted)
        quoted = was_quoted = TRUE;
      else if (!end_of_row && *c == table->delimiter)
        {
          g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
          field = g_string_new (NULL);
          was_quoted = FALSE;
        }
      else if (!end_of_row)
        g_string_append_c (field, *c);

      if (field->len > BK_CSV_MAX_FIELD)
        {
          g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                       _("Line %u has a field longer than %d characters: is this the right file?"),
                       row_line, BK_CSV_MAX_FIELD);
          return NULL;
        }
      if (!end_of_row)
        continue;

      g_ptr_array_add (fields, g_string_free (g_steal_pointer (&field), FALSE));
      field = g_string_new (NULL);
      was_quoted = FALSE;
      if (!row_is_empty (fields))
        {
          g_ptr_array_add (fields, NULL);
          if (table->header == NULL)
            {
              table->header = (char **) g_ptr_array_steal (fields, NULL);
              for (guint i = 0; table->header[i] != NULL; i++)
                g_strstrip (table->header[i]);
            }
          else
            {
              if (table->rows->len >= BK_CSV_MAX_ROWS)
                {
                  g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                               _("This file has more than %d rows. Import a class list at a "
                                 "time, or split the file."), BK_CSV_MAX_ROWS);
                  return NULL;
                }
              g_ptr_array_add (table->rows, g_ptr_array_steal (fields, NULL));
              g_array_append_val (table->lines, row_line);
            }
        }
      g_ptr_array_set_size (fields, 0);

      if (end_of_text)
        break;
      /* \r\n is one line end. */
      if (*c == '\r' && c[1] == '\n')
        c++;
      line++;
      row_line = line;
    }

  if (quoted)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                   _("A quote opened on line %u is never closed."), row_line);
      return NULL;
    }
  if (table->header == NULL)
    {
      refuse (error, _("This file is empty."));
      return NULL;
    }
  return g_steal_pointer (&table);
}

/* Appends one row, separated by semicolons and quoted where needed, with
 * CRLF, as Dutch Excel reads it. A field that starts with = + - @ gets a
 * leading apostrophe, so a spreadsheet does not run it as a formula. */
void
bk_csv_append_row (GString            *out,
                   const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *f = fields[i];
      gboolean formula = strchr ("=+-@", f[0]) != NULL && f[0] != '\0';
      gboolean quote = formula || strpbrk (f, ";,\"\r\n") != NULL;

      if (i > 0)
        g_string_append_c (out, ';');
      if (quote)
        g_string_append_c (out, '"');
      if (formula)
        g_string_append_c (out, '\'');
      for (const char *c = f; *c; c++)
        {
          if (*c == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *c);
        }
      if (quote)
        g_string_append_c (out, '"');
    }
  g_string_append (out, "\r\n");
}
