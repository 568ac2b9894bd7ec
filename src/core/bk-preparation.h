/* bk-preparation.h
 * What a coach wants to know before a parent conversation, gathered.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

/* One part of the preparation: a heading and its lines. */
typedef struct
{
  char      *heading;
  GPtrArray *lines;     /* of char *; never empty */
} BkPreparationPart;

/* The parts, in the order of the preparation page. Internal working
 * material: it may hold observations, so it is never sent to parents. */
typedef struct
{
  gint64     child_id;
  char      *child_name;
  GPtrArray *parts;     /* of BkPreparationPart */
} BkPreparation;

void           bk_preparation_free       (BkPreparation *preparation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkPreparation, bk_preparation_free)

BkPreparation *bk_preparation_gather     (BkStore       *store,
                                          gint64         child_id,
                                          gboolean       with_observations,
                                          GDateTime     *now,
                                          GError       **error);
const char * const *bk_preparation_attitude (void);

G_END_DECLS
