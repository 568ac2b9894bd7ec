/* bk-summary.h
 * What the parents' progress summary says, in plain sentences.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

typedef struct
{
  char      *child_name;
  char      *cycle_name;   /* NULL: in no cycle */
  char      *made_on;      /* "23-11-2026" */
  char      *goal;         /* NULL: no goal yet */
  GPtrArray *reached;      /* of char *: "Mijn hand opsteken (14-10-2026)" */
  char      *next_step;    /* NULL: none left */
  int        attended;     /* sessions the child was at */
  int        entered;      /* sessions entered for the child */
  char      *tip;          /* the latest, or NULL */
  char      *top;
  GPtrArray *handles;      /* of char *: shared with the parents only */
} BkSummary;

void       bk_summary_free (BkSummary   *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkSummary, bk_summary_free)

BkSummary *bk_summary_load (BkStore     *store,
                            gint64       child_id,
                            GDateTime   *now,
                            GError     **error);

G_END_DECLS
