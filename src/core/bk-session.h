/* bk-session.h
 * What happened for a child in one session of its cycle.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_SESSION_HOW_MAX 1000
#define BK_SESSION_TIP_MAX 500

/* What a form holds; the strings are borrowed. */
typedef struct
{
  gint64      id;          /* 0: a new entry */
  gint64      child_id;
  gint64      cycle_id;
  int         session_no;
  const char *held_on;     /* as typed: 7-10-2026 or 2026-10-07 */
  gboolean    absent;
  gint64      step_id;     /* 0: no step */
  const char *how_worked;
  int         day_rating;  /* 0: not given; 1 (sad face) to 5 (happy face) */
  const char *tip;
  const char *top;
} BkSessionDraft;

/* An entry as stored. */
typedef struct
{
  gint64   id;
  gint64   child_id;
  gint64   cycle_id;
  int      session_no;
  char    *held_on;        /* YYYY-MM-DD */
  gboolean absent;
  gint64   step_id;
  char    *step_text;
  char    *how_worked;
  int      day_rating;
  char    *tip;
  char    *top;
  char    *staff_name;
} BkSessionEntry;

/* A cycle that has started, to enter its sessions. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *start_date;      /* YYYY-MM-DD */
  int     session_count;
  int     next_session;    /* the first session after the last entered */
} BkSessionCycle;

/* One child on a session's sheet: the entry so far, and the steps of the
 * child's goal in the cycle to choose from. */
typedef struct
{
  gint64          child_id;
  char           *name;
  BkSessionEntry *entry;   /* NULL: nothing entered yet */
  GArray         *step_ids;   /* of gint64 */
  GPtrArray      *step_texts; /* of char * */
} BkSessionRow;

void       bk_session_cycle_free      (BkSessionCycle       *cycle);
void       bk_session_row_free        (BkSessionRow         *row);
GPtrArray *bk_session_load_cycles     (BkStore              *store,
                                       GDateTime            *now,
                                       GError              **error);
GPtrArray *bk_session_load_sheet      (BkStore              *store,
                                       gint64                cycle_id,
                                       int                   session_no,
                                       GError              **error);
char      *bk_session_default_day     (const BkSessionCycle *cycle,
                                       int                   session_no,
                                       GDateTime            *now);

void       bk_session_entry_free      (BkSessionEntry       *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkSessionEntry, bk_session_entry_free)

GPtrArray *bk_session_validate        (BkStore              *store,
                                       const BkSessionDraft *draft,
                                       GDateTime            *now,
                                       GError              **error);
gboolean   bk_session_save            (BkStore              *store,
                                       const BkSessionDraft *draft,
                                       gint64                staff_id,
                                       GDateTime            *now,
                                       gint64               *out_id,
                                       GError              **error);
gboolean   bk_session_save_group      (BkStore              *store,
                                       const BkSessionDraft *drafts,
                                       guint                 n_drafts,
                                       gint64                staff_id,
                                       GDateTime            *now,
                                       guint                *out_refused,
                                       GError              **error);
GPtrArray *bk_session_load_for_child  (BkStore              *store,
                                       gint64                child_id,
                                       gint64                cycle_id,
                                       GError              **error);
GHashTable *bk_session_missing_children (BkStore          *store,
                                        GDateTime        *now,
                                        GError          **error);

G_END_DECLS
