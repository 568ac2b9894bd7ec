/* test-trend-chart.c
 * The trend chart draws a line per competency at the share of the best
 * path each run reached, and says what to do with fewer than two runs.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-practice.h"
#include "bk-test-util.h"
#include "bk-trend-chart.h"

#define W 480
#define H 300

static const BkChartColour ink = { 0.2, 0.2, 0.2 };

static cairo_surface_t *
draw (const BkTrendPoint *points,
      guint               n)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  bk_trend_chart_draw (points, n, cr, W, H, &ink);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* How many pixels in the box have @c's colour (the middle of a line or a
 * dot is drawn in it exactly). */
static int
count_colour (cairo_surface_t     *surface,
              BkCompetency         c,
              int                  x0,
              int                  x1,
              int                  y0,
              int                  y1)
{
  const BkChartColour *colour = bk_competency_colour (c);
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface), n = 0;

  for (int y = MAX (y0, 0); y < MIN (y1, H); y++)
    for (int x = MAX (x0, 0); x < MIN (x1, W); x++)
      {
        guint32 px = *(guint32 *) (data + y * stride + x * 4);
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        n += ABS (r - colour->r * 255) < 14 && ABS (g - colour->g * 255) < 14 && ABS (b - colour->b * 255) < 14;
      }
  return n;
}

/* Dark ink: text. */
static int
count_ink (cairo_surface_t *surface,
           int              x0,
           int              x1,
           int              y0,
           int              y1)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface), n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 px = *(guint32 *) (data + y * stride + x * 4);
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        n += r < 130 && ABS (r - g) < 16 && ABS (g - b) < 16;
      }
  return n;
}

static void
test_colours (void)
{
  /* Eight colours far enough apart to tell the lines apart. */
  for (guint a = 0; a < BK_N_COMPETENCIES; a++)
    {
      const BkChartColour *x = bk_competency_colour (a);

      g_assert_nonnull (x);
      for (guint b = a + 1; b < BK_N_COMPETENCIES; b++)
        {
          const BkChartColour *y = bk_competency_colour (b);
          double d = ABS (x->r - y->r) + ABS (x->g - y->g) + ABS (x->b - y->b);

          g_assert_cmpfloat (d, >, 0.3);
        }
      /* Neither near white nor near black: visible on both styles. */
      g_assert_cmpfloat (0.3 * x->r + 0.59 * x->g + 0.11 * x->b, >, 0.25);
      g_assert_cmpfloat (0.3 * x->r + 0.59 * x->g + 0.11 * x->b, <, 0.75);
    }
}

static void
test_too_few (void)
{
  BkTrendPoint one = {
    { 4, 4, 4, 4, 4, 4, 4, 4 },
    { 4, 4, 4, 4, 4, 4, 4, 4 },
  };

  for (guint n = 0; n < 2; n++)
    {
      cairo_surface_t *surface = draw (&one, n);

      /* No line, no dot, no legend ... */
      for (guint c = 0; c < BK_N_COMPETENCIES; c++)
        g_assert_cmpint (count_colour (surface, c, 0, W, 0, H), ==, 0);
      /* ... but the message, in the middle. */
      g_assert_cmpint (count_ink (surface, W / 5, 4 * W / 5, H / 5, 3 * H / 5), >, 60);
      cairo_surface_destroy (surface);
    }
}

static void
test_lines (void)
{
  /* Genuineness climbs from 0 % to 100 %, respect falls from 100 % to 0 %;
   * listening is not scored in either scenario; summarising scores more
   * than the best path (a scenario changed since) and stays at 100 %. */
  BkTrendPoint points[2] = {
    { { 0, 4, 1, 5, 0, 0, 0, 0 }, { 4, 4, 0, 2, 0, 0, 0, 0 } },
    { { 6, 0, 3, 5, 0, 0, 0, 0 }, { 6, 3, 0, 2, 0, 0, 0, 0 } },
  };
  cairo_surface_t *surface = draw (points, 2);
  /* The plot's top (100 %) is near the top; 0 % lies above the run
   * numbers and the one row of legend, in the bottom band. */
  int top0 = 0, top1 = H / 5, low0 = 2 * H / 3, low1 = 6 * H / 7;
  int left0 = 0, left1 = W / 4, right0 = 3 * W / 4, right1 = W;

  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_GENUINENESS, left0, left1, low0, low1), >, 10);
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_GENUINENESS, right0, right1, top0, top1), >, 10);
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_GENUINENESS, left0, left1, top0, top1), ==, 0);
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_GENUINENESS, right0, right1, low0, low1), ==, 0);

  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_RESPECT, left0, left1, top0, top1), >, 10);
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_RESPECT, right0, right1, low0, low1), >, 10);
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_RESPECT, left0, left1, low0, low1), ==, 0);

  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_SUMMARISING, left0, left1, top0, top1), >, 10);
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_SUMMARISING, right0, right1, top0, top1), >, 10);
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_SUMMARISING, 0, W, top1, low1), ==, 0);

  /* Not scored: neither a line nor a legend entry. */
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_LISTENING, 0, W, 0, H), ==, 0);
  g_assert_cmpint (count_colour (surface, BK_COMPETENCY_PLAIN_LANGUAGE, 0, W, 0, H), ==, 0);
  /* The legend, below the plot, names the three that are drawn. */
  for (guint c = 0; c < BK_N_COMPETENCIES; c++)
    if (c == BK_COMPETENCY_GENUINENESS || c == BK_COMPETENCY_RESPECT || c == BK_COMPETENCY_SUMMARISING)
      g_assert_cmpint (count_colour (surface, c, 0, W, low1, H), >, 10);
  /* No message once there is a trend: no text in the middle of the plot
   * but for where the lines cross. */
  g_assert_cmpint (count_ink (surface, W / 5, 4 * W / 5, H / 5, H / 3), <, 10);
  cairo_surface_destroy (surface);
}

static void
test_from_runs (void)
{
  g_autoptr (BkScenario) s = bk_scenario_new ();
  g_autoptr (GPtrArray) library = g_ptr_array_new ();
  g_autoptr (GPtrArray) runs = g_ptr_array_new ();
  g_autoptr (GArray) points = NULL;
  BkNode *start = bk_node_new ("begin", BK_NODE_CHOICES);
  BkNode *end = bk_node_new ("einde", BK_NODE_ENDING);
  BkChoice *good = bk_choice_new ("Goedemiddag.", "einde");
  BkChoice *poor = bk_choice_new ("Zo.", "einde");
  BkPracticeRun finished = { 1, 1, "oefening", "Oefening", "2026-11-01T10:00:00Z", "2026-11-01T10:20:00Z", "[]", { 1, 0, 0, 0, 0, 0, 0, 2 }, NULL, 0 };
  BkPracticeRun left = finished, gone = finished;

  g_free (s->id);
  s->id = g_strdup ("oefening");
  g_free (s->start);
  s->start = g_strdup ("begin");
  good->best = TRUE;
  good->scores[BK_COMPETENCY_RESPECT] = 2;
  good->scores[BK_COMPETENCY_PLAIN_LANGUAGE] = 1;
  poor->scores[BK_COMPETENCY_RESPECT] = -1;
  g_ptr_array_add (start->choices, good);
  g_ptr_array_add (start->choices, poor);
  g_ptr_array_add (s->nodes, start);
  g_ptr_array_add (s->nodes, end);
  bk_scenario_reindex (s);
  g_ptr_array_add (library, s);

  left.finished_at = NULL;          /* left halfway */
  gone.scenario_id = "verwijderd";  /* its scenario is no longer there */
  g_ptr_array_add (runs, &finished);
  g_ptr_array_add (runs, &left);
  g_ptr_array_add (runs, &gone);
  points = bk_trend_points_from_runs (runs, library);
  g_assert_cmpuint (points->len, ==, 1);
  g_assert_cmpint (g_array_index (points, BkTrendPoint, 0).scores[BK_COMPETENCY_PLAIN_LANGUAGE], ==, 2);
  g_assert_cmpint (g_array_index (points, BkTrendPoint, 0).best[BK_COMPETENCY_RESPECT], ==, 2);
  g_assert_cmpint (g_array_index (points, BkTrendPoint, 0).best[BK_COMPETENCY_PLAIN_LANGUAGE], ==, 1);
  g_assert_cmpint (g_array_index (points, BkTrendPoint, 0).best[BK_COMPETENCY_LISTENING], ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/trend-chart/colours", test_colours);
  g_test_add_func ("/trend-chart/too-few", test_too_few);
  g_test_add_func ("/trend-chart/lines", test_lines);
  g_test_add_func ("/trend-chart/from-runs", test_from_runs);
  return g_test_run ();
}
