/* bk-practice-player.h
 * Plays a role-play scenario as a conversation: the parent's lines as
 * bubbles, the intern's choices as buttons (keys 1-5), open turns with a
 * rubric, feedback at once or kept for the debrief.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-run.h"

G_BEGIN_DECLS

#define BK_TYPE_PRACTICE_PLAYER (bk_practice_player_get_type ())
G_DECLARE_FINAL_TYPE (BkPracticePlayer, bk_practice_player, BK, PRACTICE_PLAYER, AdwBin)

GtkWidget *bk_practice_player_new      (void);
/* Starts a new run of @scenario (which must have no problems). */
void       bk_practice_player_start    (BkPracticePlayer *self,
                                        BkScenario       *scenario,
                                        guint32           seed,
                                        gboolean          feedback_now);
/* Goes on with @run (taken over), e.g. after bk_run_replay_from (). */
void       bk_practice_player_resume   (BkPracticePlayer *self,
                                        BkRun            *run,
                                        gboolean          feedback_now);
BkRun     *bk_practice_player_get_run  (BkPracticePlayer *self);
/* What the keys and buttons do: takes the choice shown at @position (0-based). */
gboolean   bk_practice_player_choose   (BkPracticePlayer *self,
                                        guint             position);
/* At an open turn: the answer typed so far, and the rubric's check buttons. */
GtkTextBuffer *bk_practice_player_get_answer_buffer (BkPracticePlayer *self);
GtkWidget     *bk_practice_player_get_rubric_check  (BkPracticePlayer *self,
                                                     guint             i);

G_END_DECLS
