/* bk-twee.h
 * Role-play scenarios to and from Twee 3, the text format of Twine.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-scenario.h"

G_BEGIN_DECLS

/* The scenario as a Twee 3 story; reading it back with bk_twee_read () gives
 * the same scenario. */
char       *bk_twee_write (BkScenario  *s);

/* Reads a Twee 3 story, written by bk_twee_write () or by hand in Twine.
 * Returns NULL with @error (BK_SCENARIO_ERROR) when @text is not Twee at all
 * (no passages, not UTF-8), is too large or is of a newer format version.
 * Otherwise returns the scenario and in @problems (BkProblem*, never NULL on
 * return) what the reader and bk_scenario_check () found; a problem's path
 * names the passage (passage “begin”), its line is the line in @text. */
BkScenario *bk_twee_read  (const char  *text,
                           gssize       length,
                           GPtrArray  **problems,
                           GError     **error);

G_END_DECLS
