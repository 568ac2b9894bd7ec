/* bk-csv.h
 * Reading and writing CSV as Dutch Excel writes and reads it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BK_CSV_MAX_BYTES (16 * 1024 * 1024)
#define BK_CSV_MAX_ROWS  20000
#define BK_CSV_MAX_FIELD 4000

typedef struct
{
  char      **header;     /* the first row, trimmed */
  GPtrArray  *rows;       /* of GStrv, as long as the header or shorter */
  GArray     *lines;      /* guint: the line each row starts on, 1-based */
  char        delimiter;  /* ';' or ',' */
  gboolean    was_cp1252; /* converted from Windows-1252 */
} BkCsvTable;

BkCsvTable *bk_csv_parse          (const char  *data,
                                   gsize        length,
                                   GError     **error);
void        bk_csv_table_free     (BkCsvTable  *table);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkCsvTable, bk_csv_table_free)

void        bk_csv_append_row     (GString            *out,
                                   const char * const *fields);

G_END_DECLS
