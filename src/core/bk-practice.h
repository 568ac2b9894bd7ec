/* bk-practice.h
 * Practice runs kept in the store, with reflections and mentors' comments.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-run.h"
#include "bk-store.h"

G_BEGIN_DECLS

/* A run kept in the store. */
typedef struct
{
  gint64  id;
  gint64  staff_id;
  char   *scenario_id;
  char   *scenario_title;    /* from the library, or the id when it is gone */
  char   *started_at;        /* ISO 8601 UTC */
  char   *finished_at;       /* or NULL: left before an ending */
  char   *path;              /* JSON, as bk_run_path_to_json */
  int     scores[BK_N_COMPETENCIES];
  char   *reflection;        /* or NULL */
  guint   n_comments;
} BkPracticeRun;

typedef struct
{
  gint64  id;
  gint64  run_id;
  char   *author;            /* staff name, or NULL */
  char   *body;
  char   *created_at;
} BkPracticeComment;

#define BK_PRACTICE_REFLECTION_MAX 4000
#define BK_PRACTICE_COMMENT_MAX    4000

void       bk_practice_run_free     (BkPracticeRun     *r);
void       bk_practice_comment_free (BkPracticeComment *c);

/* Keeps a finished (or left) run of @staff_id. */
gboolean   bk_practice_save         (BkStore     *store,
                                     gint64       staff_id,
                                     BkRun       *run,
                                     GDateTime   *started,
                                     GDateTime   *now,
                                     gint64      *out_id,
                                     GError     **error);
gboolean   bk_practice_set_reflection (BkStore    *store,
                                     gint64       run_id,
                                     const char  *reflection,
                                     GError     **error);
/* Runs of @staff_id, oldest first; titles come from @library (BkScenario*). */
GPtrArray *bk_practice_runs         (BkStore     *store,
                                     gint64       staff_id,
                                     GPtrArray   *library,
                                     GError     **error);
gboolean   bk_practice_add_comment  (BkStore     *store,
                                     gint64       run_id,
                                     gint64       author_id,
                                     const char  *body,
                                     GDateTime   *now,
                                     gint64      *out_id,
                                     GError     **error);
GPtrArray *bk_practice_comments     (BkStore     *store,
                                     gint64       run_id,
                                     GError     **error);

G_END_DECLS
