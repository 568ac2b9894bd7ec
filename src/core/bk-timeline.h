/* bk-timeline.h
 * One child's history, newest first: sessions, steps reached, goals,
 * reports, handles for home and contacts with the parents.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

typedef enum
{
  BK_TIMELINE_SESSION = 1 << 0,
  BK_TIMELINE_STEP    = 1 << 1,
  BK_TIMELINE_GOAL    = 1 << 2,
  BK_TIMELINE_REPORT  = 1 << 3,
  BK_TIMELINE_HANDLE  = 1 << 4,
  BK_TIMELINE_CONTACT = 1 << 5,
  BK_TIMELINE_GROUP   = 1 << 6,
  BK_TIMELINE_ALL     = 0x7f
} BkTimelineKind;

/* One moment in the child's history. */
typedef struct
{
  BkTimelineKind  kind;
  gint64          row_id;   /* id in the kind's own table */
  char           *day;      /* YYYY-MM-DD */
  char           *title;    /* one line, translated: "Session 4", "Step reached" */
  char           *detail;   /* the text itself, may be NULL */
  char           *icon_name;/* a symbolic icon for the kind */
} BkTimelineItem;

void       bk_timeline_item_free (BkTimelineItem *item);
GPtrArray *bk_timeline_load      (BkStore        *store,
                                  gint64          child_id,
                                  guint           kinds,
                                  GError        **error);

G_END_DECLS
