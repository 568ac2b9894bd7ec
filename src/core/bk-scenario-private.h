/* bk-scenario-private.h
 * What the scenario readers and writers share inside core.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "bk-scenario.h"

G_BEGIN_DECLS

void bk_scenario_write_node (JsonBuilder *b,
                             BkNode      *n,
                             gboolean     links);

void bk_scenario_write_setting (JsonBuilder *b,
                                BkScenario  *s);

G_END_DECLS
