/* bk-cycle.h
 * Cycles (a programme of weekly sessions) and living groups, with their
 * fixed moments.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *kind;          /* "cycle" or "living-group" */
  char       *name;
  char       *start_date;    /* as typed */
  int         session_count; /* cycles: weekly sessions, diploma not counted */
  char       *school_year;   /* living groups: "2026-2027", optional */
} BkCycleDraft;

BkCycleDraft *bk_cycle_draft_new      (const char         *kind,
                                       int                 session_count);
void          bk_cycle_draft_free     (BkCycleDraft       *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkCycleDraft, bk_cycle_draft_free)

GPtrArray    *bk_cycle_draft_validate (const BkCycleDraft *draft);
gboolean      bk_cycle_save           (BkStore            *store,
                                       const BkCycleDraft *draft,
                                       GDateTime          *now,
                                       gint64             *out_id,
                                       GError            **error);

G_END_DECLS
