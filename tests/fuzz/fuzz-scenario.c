/* fuzz-scenario.c
 * libFuzzer target: the JSON and Twee scenario readers, and all that is done with what they read.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "bk-scenario.h"
#include "bk-twee.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* A warning or critical from GLib, json-glib or us is a bug too: abort,
 * which libFuzzer reports with the input (G_DEBUG's trap it does not). */
static void
abort_handler (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        data)
{
  g_log_default_handler (domain, level, message, data);
  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
}

static GLogWriterOutput
abort_writer (GLogLevelFlags   level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         data)
{
  GLogWriterOutput out = g_log_writer_default (level, fields, n_fields, data);

  if (level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return out;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_default_handler (abort_handler, NULL);
  g_log_set_writer_func (abort_writer, NULL, NULL);
  return 0;
}

/* A node id with a line break cannot be a passage name; everything else
 * survives a trip through Twee exactly. */
static gboolean
ids_fit_twee (BkScenario *s)
{
  for (guint i = 0; i < s->nodes->len; i++)
    if (strchr (((BkNode *) g_ptr_array_index (s->nodes, i))->id, '\n') != NULL)
      return FALSE;
  return TRUE;
}

static void
assert_problems (GPtrArray *problems)
{
  g_assert_nonnull (problems);
  for (guint i = 0; i < problems->len; i++)
    {
      BkProblem *p = g_ptr_array_index (problems, i);
      g_autofree char *text = bk_problem_to_string (p);

      g_assert_nonnull (p->path);
      g_assert_nonnull (p->message);
      g_assert_cmpint (p->line, >=, 0);
    }
}

/* Either a scenario with problems or an error, never both, never neither;
 * what comes back is checked, walked and written, and what is written
 * reads again. */
static void
exercise (BkScenario *s,
          GPtrArray  *problems,
          GError     *error)
{
  g_autoptr (GPtrArray) rules = NULL;
  g_autoptr (GPtrArray) best = NULL;
  g_autoptr (GPtrArray) json_problems = NULL;
  g_autoptr (GPtrArray) twee_problems = NULL;
  g_autoptr (GError) json_error = NULL;
  g_autoptr (GError) twee_error = NULL;
  g_autoptr (BkScenario) from_json = NULL;
  g_autoptr (BkScenario) from_twee = NULL;
  g_autofree char *json = NULL;
  g_autofree char *twee = NULL;
  int scores[BK_N_COMPETENCIES];

  g_assert ((s == NULL) != (error == NULL));
  g_assert ((s == NULL) == (problems == NULL));
  if (s == NULL)
    return;
  assert_problems (problems);
  rules = bk_scenario_check (s);
  assert_problems (rules);
  best = bk_scenario_best_path (s);
  bk_scenario_best_scores (s, scores);

  json = bk_scenario_to_json (s);
  from_json = bk_scenario_read (json, -1, &json_problems, &json_error);
  g_assert_no_error (json_error);
  g_assert_nonnull (from_json);
  assert_problems (json_problems);
  {
    /* bk-scenario.h: "reading it back gives the same scenario" */
    g_autofree char *json_again = bk_scenario_to_json (from_json);
    g_assert_cmpstr (json_again, ==, json);
  }

  twee = bk_twee_write (s);
  from_twee = bk_twee_read (twee, -1, &twee_problems, &twee_error);
  g_assert_no_error (twee_error);
  g_assert_nonnull (from_twee);
  assert_problems (twee_problems);
  if (ids_fit_twee (s))
    {
      g_autofree char *json_again = bk_scenario_to_json (from_twee);
      g_assert_cmpstr (json_again, ==, json);
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) problems = NULL;
    g_autoptr (BkScenario) s = bk_scenario_read ((const char *) data, size, &problems, &error);

    exercise (s, problems, error);
  }
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) problems = NULL;
    g_autoptr (BkScenario) s = bk_twee_read ((const char *) data, size, &problems, &error);

    exercise (s, problems, error);
  }
  return 0;
}
