/* bk-child.h
 * A child in the centre: who it is, its group and coach; saving and deleting.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* Field limits, shared by the form and the database's CHECKs. */
#define BK_CHILD_NAME_MAX 80
#define BK_CHILD_NOTE_MAX 2000

#define BK_TYPE_CHILD (bk_child_get_type ())
G_DECLARE_FINAL_TYPE (BkChild, bk_child, BK, CHILD, GObject)

/* What the form edits; id 0 means a new child, 0 for cycle/coach means none. */
typedef struct
{
  gint64  id;
  char   *given_name;
  char   *family_name;
  char   *birth_date;   /* as typed: "7-3-2015" or "2015-03-07", or empty */
  char   *note;
  gint64  cycle_id;
  gint64  coach_id;
  /* When the cycle changes, why the old enrolment ends: "moved" (also
   * NULL), "repeating", "completed" or "left". */
  const char *leave_outcome;
} BkChildDraft;


gint64        bk_child_get_id          (BkChild *self);
const char   *bk_child_get_given_name  (BkChild *self);
const char   *bk_child_get_family_name (BkChild *self);
const char   *bk_child_get_display_name(BkChild *self);
const char   *bk_child_get_birth_date  (BkChild *self);
const char   *bk_child_get_note        (BkChild *self);
gint64        bk_child_get_cycle_id    (BkChild *self);
const char   *bk_child_get_cycle_name  (BkChild *self);
gint64        bk_child_get_coach_id    (BkChild *self);
const char   *bk_child_get_coach_name  (BkChild *self);
const char   *bk_child_get_subtitle    (BkChild *self);
const char   *bk_child_get_goal_text   (BkChild *self);
const char   *bk_child_get_goal_status (BkChild *self);
gboolean      bk_child_matches         (BkChild    *self,
                                        const char *folded_query);

BkChildDraft *bk_child_draft_new       (void);
BkChildDraft *bk_child_draft_from_child(BkChild      *child);
void          bk_child_draft_free      (BkChildDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkChildDraft, bk_child_draft_free)

GPtrArray    *bk_child_draft_validate  (const BkChildDraft *draft,
                                        GDateTime          *now);

BkChild      *bk_child_load            (BkStore      *store,
                                        gint64        id,
                                        GError      **error);
GListStore   *bk_child_load_all        (BkStore      *store,
                                        GError      **error);
gboolean      bk_child_save            (BkStore            *store,
                                        const BkChildDraft *draft,
                                        GDateTime          *now,
                                        gint64             *out_id,
                                        GError            **error);
gboolean      bk_child_delete          (BkStore      *store,
                                        gint64        id,
                                        GDateTime    *now,
                                        GError      **error);
gboolean      bk_child_undelete        (BkStore      *store,
                                        gint64        id,
                                        GError      **error);
gboolean      bk_child_purge           (BkStore      *store,
                                        gint64        id,
                                        GError      **error);
gboolean      bk_child_purge_deleted   (BkStore      *store,
                                        GError      **error);
int           bk_child_compare         (gconstpointer a,
                                        gconstpointer b,
                                        gpointer      user_data);

G_END_DECLS
