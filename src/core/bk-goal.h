/* bk-goal.h
 * A child's learning goal in its cycle, and the steps (stapjes) towards it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_GOAL_TEXT_MAX 500
#define BK_STEP_TEXT_MAX 300
#define BK_GOAL_OUTCOME_MAX 2000

typedef struct
{
  gint64  id;
  int     position;
  char   *text;
  char   *reached_on;   /* YYYY-MM-DD, or NULL */
} BkStep;

typedef struct
{
  gint64     id;             /* 0: no goal yet */
  gint64     child_id;
  gint64     cycle_id;
  char      *cycle_name;
  char      *cycle_start;
  char      *text;
  gboolean   chosen_with_child;
  char      *parent_wish;
  GPtrArray *steps;          /* of BkStep, in order */
} BkGoal;

void      bk_goal_free          (BkGoal      *goal);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkGoal, bk_goal_free)

BkGoal   *bk_goal_load_active   (BkStore     *store,
                                 gint64       child_id,
                                 GError     **error);
GPtrArray *bk_goal_validate     (const char  *text,
                                 const char  *parent_wish);
gboolean  bk_goal_save          (BkStore     *store,
                                 gint64       child_id,
                                 const char  *text,
                                 gboolean     chosen_with_child,
                                 const char  *parent_wish,
                                 GDateTime   *now,
                                 GError     **error);
gboolean  bk_goal_add_step      (BkStore     *store,
                                 gint64       goal_id,
                                 const char  *text,
                                 GError     **error);
gboolean  bk_goal_set_reached   (BkStore     *store,
                                 gint64       step_id,
                                 gboolean     reached,
                                 GDateTime   *now,
                                 GError     **error);
GPtrArray *bk_goal_validate_close (const char  *status,
                                  const char  *outcome_note);
gboolean  bk_goal_close         (BkStore     *store,
                                 gint64       goal_id,
                                 const char  *status,
                                 const char  *outcome_note,
                                 GDateTime   *now,
                                 GError     **error);

G_END_DECLS
