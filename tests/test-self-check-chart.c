/* test-self-check-chart.c
 * The self-check chart draws a line per part where the scores are, and
 * nothing but the scale when there is nothing to show.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-self-check-chart.h"
#include "bk-test-util.h"

#define W 400
#define H 240

/* Whether any pixel in the row band around @y between @x0 and @x1 has
 * the colour of the first line (blue-ish: b high, r low). */
static gboolean
blue_near (cairo_surface_t *surface,
           int              x0,
           int              x1,
           int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  for (int yy = MAX (0, y - 6); yy < MIN (H, y + 6); yy++)
    for (int x = x0; x < x1; x++)
      {
        guint32 px = *(guint32 *) (data + yy * stride + x * 4);
        int r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;

        if (b > 180 && r < 90 && g > 100 && g < 160)
          return TRUE;
      }
  return FALSE;
}

static cairo_surface_t *
draw (GArray *points)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W, H);
  cairo_t *cr = cairo_create (surface);
  BkChartColour ink = { 0.2, 0.2, 0.2 };

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  bk_self_check_chart_draw (points, cr, W, H, &ink);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
test_lines (void)
{
  g_autoptr (GArray) points = g_array_new (FALSE, TRUE, sizeof (BkSelfCheckPoint));
  BkSelfCheckPoint low = { "2026-10-07", 1, 1, 1, 1, 1, 1, 1 };
  BkSelfCheckPoint high = { "2026-11-18", 1, 5, 5, 5, 5, 5, 5 };
  cairo_surface_t *surface;
  /* The plot runs from y = 12 (5) to y = 240 - 40 - 12 = 188 (1). */
  int y1 = 188, y5 = 12;

  g_array_append_val (points, low);
  g_array_append_val (points, high);
  surface = draw (points);
  /* "Genuine" (blue) starts at 1 on the left and ends at 5 on the right. */
  g_assert_true (blue_near (surface, 30, 60, y1));
  g_assert_false (blue_near (surface, 30, 60, y5));
  g_assert_true (blue_near (surface, W - 40, W - 20, y5));
  g_assert_false (blue_near (surface, W - 40, W - 20, y1));
  cairo_surface_destroy (surface);

  /* Nothing looked back on: the scale, no line. */
  g_array_set_size (points, 0);
  surface = draw (points);
  g_assert_false (blue_near (surface, 30, W - 20, (y1 + y5) / 2));
  g_assert_false (blue_near (surface, 30, W - 20, y1));
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/self-check-chart/lines", test_lines);
  return g_test_run ();
}
