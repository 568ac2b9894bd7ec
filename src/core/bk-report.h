/* bk-report.h
 * Development reports (ontwikkelingsverslagen): three per cycle.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_REPORT_BODY_MAX 20000
#define BK_REPORT_COUNT 3

/* One of the three reports of the child's current cycle, written or not. */
typedef struct
{
  gint64  id;           /* 0: not started yet */
  gint64  child_id;
  gint64  cycle_id;
  int     number;       /* 1, 2 or 3 */
  char   *due_on;       /* YYYY-MM-DD */
  char   *since;        /* YYYY-MM-DD: entries from this day belong to it */
  char   *status;       /* NULL (not started), "draft" or "final" */
  char   *body;         /* NULL when not started */
  char   *written_on;   /* YYYY-MM-DD of the last save, or NULL */
  char   *staff_name;   /* who saved it last, or NULL */
} BkReport;

void        bk_report_free            (BkReport    *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkReport, bk_report_free)

const char *bk_report_template        (void);
char       *bk_report_due_on          (const char  *kind,
                                       const char  *start_date,
                                       int          session_count,
                                       int          number);
gboolean    bk_report_is_due          (const BkReport *report,
                                       GDateTime   *now);
GPtrArray  *bk_report_load_for_child  (BkStore     *store,
                                       gint64       child_id,
                                       GError     **error);
GPtrArray  *bk_report_validate        (const char  *body,
                                       gboolean     final);
gboolean    bk_report_save            (BkStore     *store,
                                       gint64       child_id,
                                       int          number,
                                       const char  *body,
                                       gboolean     final,
                                       gint64       staff_id,
                                       GDateTime   *now,
                                       GError     **error);
gboolean    bk_report_reopen          (BkStore     *store,
                                       gint64       report_id,
                                       GError     **error);
GPtrArray  *bk_report_entries_since   (BkStore     *store,
                                       const BkReport *report,
                                       GError     **error);
GHashTable *bk_report_due_children    (BkStore     *store,
                                       GDateTime   *now,
                                       GError     **error);

G_END_DECLS
