/* fuzz-csv.c
 * libFuzzer target: the CSV reader and the import checks on any bytes.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib.h>

#include "bk-csv.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkCsvTable) table = bk_csv_parse ((const char *) data, size, &error);

  /* Either a table or an error, never both, never neither. */
  g_assert ((table == NULL) != (error == NULL));
  if (table != NULL)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      g_assert (table->rows->len == table->lines->len);
      g_assert (table->header != NULL);
      for (guint i = 0; i < table->rows->len; i++)
        {
          char **row = g_ptr_array_index (table->rows, i);
          bk_csv_append_row (out, (const char * const *) row);
        }
      /* What we write, we read back. */
      {
        g_autoptr (GError) again_error = NULL;
        g_autoptr (BkCsvTable) again = bk_csv_parse (out->str, out->len, &again_error);
        g_assert (out->len == 0 || again != NULL || again_error != NULL);
      }
    }
  return 0;
}
