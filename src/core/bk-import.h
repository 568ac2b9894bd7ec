/* bk-import.h
 * Importing children and parents from a spreadsheet: check all, then write all.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-csv.h"
#include "bk-store.h"
#include "bk-validate.h"

G_BEGIN_DECLS

typedef enum {
  BK_IMPORT_CHILD_GIVEN,
  BK_IMPORT_CHILD_FAMILY,
  BK_IMPORT_BIRTH_DATE,
  BK_IMPORT_GROUP,
  BK_IMPORT_PARENT_GIVEN,
  BK_IMPORT_PARENT_FAMILY,
  BK_IMPORT_RELATION,
  BK_IMPORT_EMAIL,
  BK_IMPORT_PHONE,
  BK_IMPORT_ADDRESS,
  BK_IMPORT_LANGUAGE,
  BK_IMPORT_N_COLUMNS
} BkImportColumn;

/* One refusal: which line of the file, which column, what is wrong. */
typedef struct
{
  guint  line;
  char  *column;     /* the column's heading as in the file */
  char  *message;
} BkImportProblem;

typedef struct _BkImport BkImport;

BkImport   *bk_import_prepare       (BkStore      *store,
                                     const char   *data,
                                     gsize         length,
                                     BkCountry     country,
                                     GDateTime    *now,
                                     GError      **error);
void        bk_import_free          (BkImport     *import);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkImport, bk_import_free)

const char *bk_import_column_label  (BkImportColumn column);
int         bk_import_get_mapping   (BkImport     *import,
                                     BkImportColumn column);
gboolean    bk_import_set_mapping   (BkImport     *import,
                                     BkImportColumn column,
                                     int           file_column,
                                     GError      **error);
GPtrArray  *bk_import_get_problems  (BkImport     *import);
char       *bk_import_describe      (BkImport     *import);
guint       bk_import_get_n_rows    (BkImport     *import);
const char * const *bk_import_get_headings (BkImport *import);
guint       bk_import_get_row_line  (BkImport     *import,
                                     guint         row);
char       *bk_import_row_summary   (BkImport     *import,
                                     guint         row);
gboolean    bk_import_commit        (BkImport     *import,
                                     GError      **error);

G_END_DECLS
