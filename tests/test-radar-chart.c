/* test-radar-chart.c
 * The radar chart fills the run's scores, outlines the best path dashed,
 * keeps its labels inside the area and says in words what it shows.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "bk-radar-chart.h"
#include "bk-test-util.h"

#define W 400
#define H 340

static const BkChartColour ink = { 0.2, 0.2, 0.2 };

static cairo_surface_t *
draw_sized (const int *scores,
            const int *best,
            int        width,
            int        height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  bk_radar_chart_draw (scores, best, cr, width, height, &ink);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static cairo_surface_t *
draw (const int *scores,
      const int *best)
{
  return draw_sized (scores, best, W, H);
}

static void
pixel (cairo_surface_t *surface,
       int              x,
       int              y,
       int             *r,
       int             *g,
       int             *b)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  guint32 px;

  g_assert_true (x >= 0 && y >= 0);
  g_assert_true (x < cairo_image_surface_get_width (surface) && y < cairo_image_surface_get_height (surface));
  px = *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
  *r = (px >> 16) & 0xff;
  *g = (px >> 8) & 0xff;
  *b = px & 0xff;
}

/* The run's polygon: the accent blue, translucent or not. */
static gboolean
is_fill (cairo_surface_t *surface,
         double           x,
         double           y)
{
  int r, g, b;

  pixel (surface, (int) x, (int) y, &r, &g, &b);
  return b > r + 40 && b > g + 25 && g > r;
}

/* The best path's outline, nearly full-strength grey ink, somewhere on the
 * normal (@nx, @ny) through @x, @y. */
static gboolean
dark_across (cairo_surface_t *surface,
             double           x,
             double           y,
             double           nx,
             double           ny)
{
  for (double s = -3; s <= 3; s += 0.5)
    {
      int r, g, b;

      pixel (surface, (int) (x + s * nx), (int) (y + s * ny), &r, &g, &b);
      if (r < 140 && ABS (r - g) < 20 && ABS (g - b) < 20)
        return TRUE;
    }
  return FALSE;
}

/* The length of the run of fill along a row or column through @x, @y that
 * contains that point; @start gets where it begins. */
static int
fill_run (cairo_surface_t *surface,
          int              x,
          int              y,
          gboolean         vertical,
          int             *start)
{
  int dx = vertical ? 0 : 1, dy = vertical ? 1 : 0, a = 0, b = 0;

  g_assert_true (is_fill (surface, x, y));
  while (x - (a + 1) * dx >= 0 && y - (a + 1) * dy >= 0 && is_fill (surface, x - (a + 1) * dx, y - (a + 1) * dy))
    a++;
  while (x + (b + 1) * dx < cairo_image_surface_get_width (surface) &&
         y + (b + 1) * dy < cairo_image_surface_get_height (surface) &&
         is_fill (surface, x + (b + 1) * dx, y + (b + 1) * dy))
    b++;
  *start = vertical ? y - a : x - a;
  return a + b + 1;
}

/* Finds the centre and radius from a run that fills every axis to the top
 * of the scale: the octagon's height down the middle column, less the
 * axis-end dot above (radius 3.5; below, the dot is not blue) and the
 * stroke below (1). */
static void
measure_sized (int     width,
               int     height,
               double *cy,
               double *radius)
{
  const int all[BK_N_COMPETENCIES] = { 4, 4, 4, 4, 4, 4, 4, 4 };
  cairo_surface_t *surface = draw_sized (all, NULL, width, height);
  int top, left, y = 0, down, across;

  while (y < height && !is_fill (surface, width / 2, y))
    y++;
  down = fill_run (surface, width / 2, y + 8, TRUE, &top);
  *radius = (down - 4.5) / 2;
  *cy = top + 3.5 + *radius;
  /* Centred across: the run across, away from the dots, is symmetric. */
  across = fill_run (surface, width / 2, *cy - 10, FALSE, &left);
  cairo_surface_destroy (surface);
  g_test_message ("%dx%d: centre %g,%g, radius %g", width, height, left + across / 2.0, *cy, *radius);
  g_assert_cmpfloat (fabs (left + across / 2.0 - width / 2.0), <, 1.5);
  /* The chart uses the room it has: a radius of at least a quarter of the
   * smaller side, the centre in the upper half (a legend is below). */
  g_assert_cmpfloat (*radius, >, MIN (width, height) * 0.25);
  g_assert_cmpfloat (*cy, <, height / 2.0 + 2);
}

static void
measure (double *cy,
         double *radius)
{
  measure_sized (W, H, cy, radius);
}

static void
test_fill (void)
{
  /* Genuineness (up) at the top of the scale, asking further (down) the
   * lowest: -2 of a scale from -2 to 6, so 0 is on a ring at 0.4 of the
   * radius and -2 inside it, at 0.2. */
  const int scores[BK_N_COMPETENCIES] = { 6, 2, 2, 2, -2, 2, 2, 2 };
  const int best[BK_N_COMPETENCIES] = { 6, 6, 6, 6, 6, 6, 6, 6 };
  cairo_surface_t *surface;
  double cy, r;

  measure (&cy, &r);
  surface = draw (scores, best);
  g_assert_true (is_fill (surface, W / 2, cy - 0.7 * r));
  g_assert_true (is_fill (surface, W / 2, cy - 0.95 * r));
  g_assert_false (is_fill (surface, W / 2, cy + 0.7 * r));
  /* The negative score: filled from the centre to inside the zero ring. */
  g_assert_true (is_fill (surface, W / 2, cy + 0.1 * r));
  g_assert_false (is_fill (surface, W / 2, cy + 0.3 * r));
  /* Listening (right) at 2: 0.6 of the radius. */
  g_assert_true (is_fill (surface, W / 2 + 0.5 * r, cy));
  g_assert_false (is_fill (surface, W / 2 + 0.72 * r, cy));
  cairo_surface_destroy (surface);

  /* Small and large areas keep a usable radius too. */
  measure_sized (320, 280, &cy, &r);
  measure_sized (800, 640, &cy, &r);
}

/* Along the outer edge from genuineness (up) to respect (upper right),
 * how many samples find the outline and how many a gap. */
static void
sample_edge (cairo_surface_t *surface,
             double           cy,
             double           r,
             int             *ink_seen,
             int             *gaps)
{
  double x0 = W / 2.0, y0 = cy - r;
  double x1 = W / 2.0 + r * cos (G_PI / 4), y1 = cy - r * sin (G_PI / 4);
  double len = hypot (x1 - x0, y1 - y0), nx = (y1 - y0) / len, ny = -(x1 - x0) / len;

  *ink_seen = *gaps = 0;
  for (double t = 0.15; t <= 0.85; t += 0.02)
    {
      if (dark_across (surface, x0 + t * (x1 - x0), y0 + t * (y1 - y0), nx, ny))
        (*ink_seen)++;
      else
        (*gaps)++;
    }
}

static void
test_best_dashed (void)
{
  const int scores[BK_N_COMPETENCIES] = { 0 };
  const int best[BK_N_COMPETENCIES] = { 6, 6, 6, 6, 6, 6, 6, 6 };
  cairo_surface_t *surface;
  double cy, r;
  int ink_seen, gaps;

  measure (&cy, &r);
  surface = draw (scores, best);
  sample_edge (surface, cy, r, &ink_seen, &gaps);
  g_assert_cmpint (ink_seen, >=, 5);
  g_assert_cmpint (gaps, >=, 5);
  /* No run to speak of: nothing filled half way out. */
  g_assert_false (is_fill (surface, W / 2, cy - 0.5 * r));
  cairo_surface_destroy (surface);

  /* Without a best path there is no outline. */
  surface = draw (scores, NULL);
  sample_edge (surface, cy, r, &ink_seen, &gaps);
  g_assert_cmpint (ink_seen, ==, 0);
  cairo_surface_destroy (surface);
}

/* Everything drawn, labels included, stays inside the area, small or
 * large, and sits in its middle. */
static void
test_fits (void)
{
  const int scores[BK_N_COMPETENCIES] = { 3, -2, 5, 1, 4, 0, 2, -1 };
  const int best[BK_N_COMPETENCIES] = { 4, 5, 6, 3, 4, 2, 5, 3 };
  const double sizes[][2] = { { 320, 280 }, { 220, 200 }, { 900, 300 }, { 300, 700 }, { 800, 640 } };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      double x, y, w, h;

      bk_radar_chart_draw (scores, best, cr, sizes[i][0], sizes[i][1], &ink);
      cairo_destroy (cr);
      cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
      g_test_message ("%gx%g: ink from %g,%g to %g,%g", sizes[i][0], sizes[i][1], x, y, x + w, y + h);
      g_assert_cmpfloat (x, >=, 0);
      g_assert_cmpfloat (y, >=, 0);
      g_assert_cmpfloat (x + w, <=, sizes[i][0]);
      g_assert_cmpfloat (y + h, <=, sizes[i][1]);
      /* ... in the middle, also in a tall area. */
      g_assert_cmpfloat (fabs (y - (sizes[i][1] - y - h)), <, 14);
      cairo_surface_destroy (surface);
    }
}

static void
test_describe (void)
{
  const int scores[BK_N_COMPETENCIES] = { 3, -1, 0, 0, 2, 0, 0, 1 };
  const int best[BK_N_COMPETENCIES] = { 4, 5, 0, 0, 2, 0, 0, 0 };
  const int none[BK_N_COMPETENCIES] = { 0 };
  g_autofree char *text = bk_radar_chart_describe (scores, best);
  g_autofree char *empty = bk_radar_chart_describe (none, none);

  g_assert_cmpstr (text, ==, "Genuineness 3 of 4, Respect -1 of 5, Asking further 2 of 2, Plain language 1 of 0");
  g_assert_cmpstr (empty, ==, "No competency scored in this run or on the best path");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/radar-chart/fill", test_fill);
  g_test_add_func ("/radar-chart/best-dashed", test_best_dashed);
  g_test_add_func ("/radar-chart/fits", test_fits);
  g_test_add_func ("/radar-chart/describe", test_describe);
  return g_test_run ();
}
