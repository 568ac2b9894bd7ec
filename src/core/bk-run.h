/* bk-run.h
 * Playing a scenario: the runner's state machine.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-scenario.h"

G_BEGIN_DECLS

/* One step taken: at @node_id the intern chose @choice (the author's index)
 * or, at an open turn, wrote @answer and ticked @rubric (bit i: item i). */
typedef struct
{
  char    *node_id;
  int      choice;       /* -1 at an open turn */
  char    *answer;       /* open turn; may be "" */
  guint    rubric;
} BkStep;

typedef struct _BkRun BkRun;

/* Starts at the scenario's start. @seed shuffles the choices (the same seed
 * gives the same order); the scenario must have no problems. */
BkRun            *bk_run_new            (BkScenario *scenario,
                                         guint32     seed);
void              bk_run_free           (BkRun      *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkRun, bk_run_free)

BkScenario       *bk_run_get_scenario   (BkRun      *run);
BkNode           *bk_run_get_node       (BkRun      *run);   /* where the run is now */
gboolean          bk_run_is_finished    (BkRun      *run);   /* at an ending */

/* The choices of the current node in the order shown: the author's index of
 * the choice shown at @position. */
guint             bk_run_get_n_shown    (BkRun      *run);
guint             bk_run_get_shown      (BkRun      *run,
                                         guint       position);
/* Takes the choice shown at @position; returns it (for its feedback), or NULL
 * when the run is not at a decision or @position is out of range. */
const BkChoice   *bk_run_choose         (BkRun      *run,
                                         guint       position);
/* Answers the current open turn; @rubric has bit i set for each ticked item. */
gboolean          bk_run_answer         (BkRun      *run,
                                         const char *answer,
                                         guint       rubric);

guint             bk_run_get_n_steps    (BkRun      *run);
const BkStep     *bk_run_get_step       (BkRun      *run,
                                         guint       i);
/* Goes back to before step @i: steps from @i on are forgotten, the run is at
 * that step's node again and the choices are shuffled anew. */
gboolean          bk_run_replay_from    (BkRun      *run,
                                         guint       i);
/* The sum of the steps' scores, rubric items adding 1 each. */
void              bk_run_get_scores     (BkRun      *run,
                                         int         scores[BK_N_COMPETENCIES]);
/* How many steps took the best choice (open turns count when every rubric
 * item is ticked), out of bk_run_get_n_steps (). */
guint             bk_run_get_n_best     (BkRun      *run);

/* The steps as JSON ([{"node":..,"choice":..}|{"node":..,"answer":..,"rubric":..}])
 * and back; from_json fails when a step does not fit the scenario. */
char             *bk_run_path_to_json   (BkRun      *run);
BkRun            *bk_run_new_from_json  (BkScenario *scenario,
                                         const char *path_json,
                                         guint32     seed,
                                         GError    **error);

G_END_DECLS
