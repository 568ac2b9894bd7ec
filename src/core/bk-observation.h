/* bk-observation.h
 * Parent-type observations: dated, by whom, what was seen, with advice.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* An observation older than this steps back: shown only on request. */
#define BK_OBSERVATION_RECENT_MONTHS 12

#define BK_TYPE_OBSERVATION (bk_observation_get_type ())
G_DECLARE_FINAL_TYPE (BkObservation, bk_observation, BK, OBSERVATION, GObject)

typedef struct
{
  gint64      parent_id;
  const char *type;          /* "avoiding", ... see bk_observation_types() */
  char       *behaviour;     /* what was seen; required */
  char       *observed_on;   /* as typed, day-month-year; empty: today */
  gint64      staff_id;      /* 0: not known */
  gint64      replaces_id;   /* a revision of this observation; 0: new */
} BkObservationDraft;

const char * const *bk_observation_types        (void);
const char         *bk_observation_type_label   (const char *type);
const char         *bk_observation_type_advice  (const char *type);

gint64      bk_observation_get_id          (BkObservation *self);
const char *bk_observation_get_type_name   (BkObservation *self);
const char *bk_observation_get_behaviour   (BkObservation *self);
const char *bk_observation_get_observed_on (BkObservation *self);
const char *bk_observation_get_subtitle    (BkObservation *self);
gboolean    bk_observation_is_old          (BkObservation *self);
gboolean    bk_observation_is_current      (BkObservation *self);

BkObservationDraft *bk_observation_draft_new  (gint64              parent_id,
                                               const char         *type);
void                bk_observation_draft_free (BkObservationDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkObservationDraft, bk_observation_draft_free)

GPtrArray  *bk_observation_draft_validate  (const BkObservationDraft *draft,
                                            GDateTime                *now);
gboolean    bk_observation_save            (BkStore                  *store,
                                            const BkObservationDraft *draft,
                                            GDateTime                *now,
                                            gint64                   *out_id,
                                            GError                  **error);
gboolean    bk_observation_retract         (BkStore     *store,
                                            gint64       id,
                                            const char  *why,
                                            GDateTime   *now,
                                            GError     **error);
GListStore *bk_observation_load_for_parent (BkStore     *store,
                                            gint64       parent_id,
                                            GDateTime   *now,
                                            gboolean     with_history,
                                            GError     **error);

G_END_DECLS
