/* bk-radar-chart.c
 * A practice run's competency scores beside the best path's, on eight axes.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scores can be negative (a choice may cost respect), so the value 0 is not
 * the centre but a ring drawn a little stronger: the lowest value of either
 * array sits on an inner ring a fifth of the way out and the highest on the
 * outer ring, so a negative score shows inside the zero ring. The scale is
 * linear and the same on every axis, so areas compare honestly. Labels are
 * measured first and the radius is whatever leaves them room, so the chart
 * fits small areas; a label too wide wraps, and the font shrinks if needed.
 */
#define G_LOG_DOMAIN "bk-radar-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bk-radar-chart.h"
#include "bk-trend-chart.h"

#define MARGIN    4.0
#define LABEL_GAP 7.0
#define MIN_FONT  7.0

static const BkChartColour accent = { 0.21, 0.52, 0.89 };

typedef struct
{
  double       cx, cy, r;
  double       font;
  PangoLayout *labels[BK_N_COMPETENCIES];
} Geometry;

static PangoLayout *
make_layout (cairo_t        *cr,
             const char     *text,
             double          size,
             double          max_width,
             PangoAlignment  align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_font_description_free (font);
  return layout;
}

/* Axis 0 points up; the others follow clockwise. */
static void
axis_direction (guint   i,
                double *dx,
                double *dy)
{
  double angle = -G_PI / 2 + i * 2 * G_PI / BK_N_COMPETENCIES;

  *dx = cos (angle);
  *dy = sin (angle);
}

/* Where a label box starts relative to its anchor point, as a share of its
 * size: beside the axis end on the left and right, centred at top and bottom. */
static double
anchor (double d)
{
  return fabs (d) < 0.3 ? -0.5 : d > 0 ? 0.0 : -1.0;
}

/* The largest radius + gap at which a box of @size, anchored by @d, stays
 * between MARGIN and @extent - MARGIN along one dimension. */
static double
room (double centre,
      double d,
      double size,
      double extent)
{
  double a = anchor (d);

  if (d > 1e-6)
    return (extent - MARGIN - size - a * size - centre) / d;
  if (d < -1e-6)
    return (MARGIN - a * size - centre) / d;
  return G_MAXDOUBLE;
}

/* Wrapped and aligned text starts @x into its layout box. */
static void
label_size_at (PangoLayout *layout,
               double      *x,
               double      *w,
               double      *h)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  if (x != NULL)
    *x = logical.x;
  *w = logical.width;
  *h = logical.height;
}

static void
label_size (PangoLayout *layout,
            double      *w,
            double      *h)
{
  label_size_at (layout, NULL, w, h);
}

static void
geometry_clear (Geometry *g)
{
  for (guint i = 0; i < BK_N_COMPETENCIES; i++)
    g_clear_object (&g->labels[i]);
}

/* Lays out the labels at @font and returns the radius they leave. */
static double
geometry_try (Geometry *g,
              cairo_t  *cr,
              double    width,
              double    height,
              double    font)
{
  double r = MIN (width, height) / 2 - MARGIN;

  geometry_clear (g);
  g->font = font;
  g->cx = width / 2;
  g->cy = height / 2;
  for (guint i = 0; i < BK_N_COMPETENCIES; i++)
    {
      double dx, dy, w, h;
      PangoAlignment align;

      axis_direction (i, &dx, &dy);
      align = anchor (dx) == 0.0 ? PANGO_ALIGN_LEFT : anchor (dx) < -0.75 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
      g->labels[i] = make_layout (cr, bk_competency_label (i), font, MAX (56, width * 0.24), align);
      label_size (g->labels[i], &w, &h);
      r = MIN (r, room (g->cx, dx, w, width) - LABEL_GAP);
      r = MIN (r, room (g->cy, dy, h, height) - LABEL_GAP);
    }
  return r;
}

static void
geometry_fit (Geometry *g,
              cairo_t  *cr,
              double    width,
              double    height)
{
  double font = CLAMP (MIN (width, height) / 26, 9, 13);

  g->r = geometry_try (g, cr, width, height, font);
  while (g->r < MIN (width, height) * 0.25 && font > MIN_FONT)
    {
      font -= 1;
      g->r = geometry_try (g, cr, width, height, font);
    }
  g->r = MAX (g->r, 1);
}

static void
scale_range (const int *scores,
             const int *best,
             int       *lo,
             int       *hi)
{
  *lo = 0;
  *hi = 1;
  for (guint i = 0; i < BK_N_COMPETENCIES; i++)
    {
      *lo = MIN (*lo, scores[i]);
      *hi = MAX (*hi, scores[i]);
      if (best != NULL)
        {
          *lo = MIN (*lo, best[i]);
          *hi = MAX (*hi, best[i]);
        }
    }
}

/* The distance from the centre of value @v: @lo on the inner ring at a
 * fifth of the radius, @hi on the outer ring. */
static double
radius_of (const Geometry *g,
           int             lo,
           int             hi,
           double          v)
{
  double centre = lo - 0.25 * (hi - lo);

  return g->r * (v - centre) / (hi - centre);
}

static void
polygon (cairo_t        *cr,
         const Geometry *g,
         int             lo,
         int             hi,
         const int      *values)
{
  cairo_new_path (cr);
  for (guint i = 0; i < BK_N_COMPETENCIES; i++)
    {
      double dx, dy, r = radius_of (g, lo, hi, values[i]);

      axis_direction (i, &dx, &dy);
      cairo_line_to (cr, g->cx + r * dx, g->cy + r * dy);
    }
  cairo_close_path (cr);
}

static void
ring (cairo_t        *cr,
      const Geometry *g,
      double          r)
{
  cairo_new_path (cr);
  for (guint i = 0; i < BK_N_COMPETENCIES; i++)
    {
      double dx, dy;

      axis_direction (i, &dx, &dy);
      cairo_line_to (cr, g->cx + r * dx, g->cy + r * dy);
    }
  cairo_close_path (cr);
  cairo_stroke (cr);
}

static void
ring_label (cairo_t        *cr,
            const Geometry *g,
            double          r,
            int             value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);
  g_autoptr (PangoLayout) layout = make_layout (cr, text, MAX (g->font * 0.85, MIN_FONT), -1, PANGO_ALIGN_LEFT);
  double w, h;

  label_size (layout, &w, &h);
  cairo_move_to (cr, g->cx + 6, g->cy - r - h + 1);
  pango_cairo_show_layout (cr, layout);
}

/* The web: a faint ring per step of the scale, the zero ring stronger, the
 * axes, the competency's colour at each axis end, and the labels. */
static void
draw_web (cairo_t             *cr,
          const Geometry      *g,
          int                  lo,
          int                  hi,
          const BkChartColour *ink)
{
  int step = hi - lo <= 6 ? 1 : hi - lo <= 12 ? 2 : hi - lo <= 30 ? 5 : 10;

  cairo_set_line_width (cr, 1);
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.13);
  for (int v = (lo / step) * step; v < hi; v += step)
    if (v != 0)
      ring (cr, g, radius_of (g, lo, hi, v));
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.3);
  ring (cr, g, g->r);
  cairo_set_line_width (cr, 1.4);
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.5);
  ring (cr, g, radius_of (g, lo, hi, 0));

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < BK_N_COMPETENCIES; i++)
    {
      const BkChartColour *c = bk_competency_colour (i);
      double dx, dy, x, w, h;

      axis_direction (i, &dx, &dy);
      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.2);
      cairo_move_to (cr, g->cx, g->cy);
      cairo_line_to (cr, g->cx + g->r * dx, g->cy + g->r * dy);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, c->r, c->g, c->b);
      cairo_arc (cr, g->cx + g->r * dx, g->cy + g->r * dy, 3.5, 0, 2 * G_PI);
      cairo_fill (cr);

      label_size_at (g->labels[i], &x, &w, &h);
      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.9);
      cairo_move_to (cr,
                     g->cx + (g->r + LABEL_GAP) * dx + anchor (dx) * w - x,
                     g->cy + (g->r + LABEL_GAP) * dy + anchor (dy) * h);
      pango_cairo_show_layout (cr, g->labels[i]);
    }

  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.6);
  ring_label (cr, g, radius_of (g, lo, hi, 0), 0);
  ring_label (cr, g, g->r, hi);
  if (lo < 0)
    ring_label (cr, g, radius_of (g, lo, hi, lo), lo);
}

/* Beneath: what the fill and the dashed line are. Returns its height. */
static double
legend_height (cairo_t *cr,
               double   font)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, _("This run"), font, -1, PANGO_ALIGN_LEFT);
  double w, h;

  label_size (layout, &w, &h);
  return h + 6;
}

static void
draw_legend (cairo_t             *cr,
             double               width,
             double               y,
             double               font,
             gboolean             with_best,
             const BkChartColour *ink)
{
  g_autoptr (PangoLayout) run = make_layout (cr, _("This run"), font, -1, PANGO_ALIGN_LEFT);
  g_autoptr (PangoLayout) best = make_layout (cr, _("Best path"), font, -1, PANGO_ALIGN_LEFT);
  double dashes[] = { 4, 3 };
  double rw, bw, h, x;

  label_size (run, &rw, &h);
  label_size (best, &bw, &h);
  x = (width - (22 + rw + (with_best ? 20 + 26 + bw : 0))) / 2;

  cairo_rectangle (cr, x, y + h / 2 - 5, 16, 10);
  cairo_set_source_rgba (cr, accent.r, accent.g, accent.b, 0.35);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, accent.r, accent.g, accent.b);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.9);
  cairo_move_to (cr, x + 22, y);
  pango_cairo_show_layout (cr, run);
  if (!with_best)
    return;

  x += 22 + rw + 20;
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.75);
  cairo_set_dash (cr, dashes, 2, 0);
  cairo_move_to (cr, x, y + h / 2);
  cairo_line_to (cr, x + 20, y + h / 2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.9);
  cairo_move_to (cr, x + 26, y);
  pango_cairo_show_layout (cr, best);
}

/**
 * bk_radar_chart_draw:
 * @scores: BK_N_COMPETENCIES totals of the run
 * @best: (nullable): BK_N_COMPETENCIES totals of the best path, drawn dashed
 * @ink: the text colour of the widget, so the chart follows light and dark
 *
 * Draws the run's scores as a filled polygon over the best path's outline,
 * with a legend beneath, inside @width × @height.
 */
void
bk_radar_chart_draw (const int           *scores,
                     const int           *best,
                     cairo_t             *cr,
                     double               width,
                     double               height,
                     const BkChartColour *ink)
{
  Geometry g = { 0 };
  double font = CLAMP (MIN (width, height) / 26, 9, 13);
  double legend = legend_height (cr, font * 0.95);
  double dashes[] = { 5, 4 };
  double label_w, label_h, top_h, legend_y;
  int lo, hi;

  g_return_if_fail (scores != NULL);
  g_return_if_fail (cr != NULL && ink != NULL);

  cairo_save (cr);
  scale_range (scores, best, &lo, &hi);
  geometry_fit (&g, cr, width, height - legend);
  /* The legend goes right under the lowest label; in a tall area the
   * chart and legend move down together to the middle. */
  label_size (g.labels[0], &label_w, &top_h);
  label_size (g.labels[BK_N_COMPETENCIES / 2], &label_w, &label_h);
  legend_y = g.cy + g.r + LABEL_GAP + label_h + 8;
  if (legend_y < height - legend + 3)
    g.cy += (height - (g.cy - g.r - LABEL_GAP - top_h) - (legend_y + legend)) / 2;
  legend_y = MIN (height - legend + 3, g.cy + g.r + LABEL_GAP + label_h + 8);
  draw_web (cr, &g, lo, hi, ink);

  polygon (cr, &g, lo, hi, scores);
  cairo_set_source_rgba (cr, accent.r, accent.g, accent.b, 0.35);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, accent.r, accent.g, accent.b);
  cairo_set_line_width (cr, 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  for (guint i = 0; i < BK_N_COMPETENCIES; i++)
    {
      double dx, dy, r = radius_of (&g, lo, hi, scores[i]);

      axis_direction (i, &dx, &dy);
      cairo_arc (cr, g.cx + r * dx, g.cy + r * dy, 3, 0, 2 * G_PI);
      cairo_fill (cr);
    }

  if (best != NULL)
    {
      polygon (cr, &g, lo, hi, best);
      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.75);
      cairo_set_line_width (cr, 1.6);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  draw_legend (cr, width, legend_y, font * 0.95, best != NULL, ink);
  geometry_clear (&g);
  cairo_restore (cr);
}

/**
 * bk_radar_chart_describe:
 * @scores: BK_N_COMPETENCIES totals of the run
 * @best: BK_N_COMPETENCIES totals of the best path
 *
 * Says in words what the chart shows, for screen readers: each competency
 * the run or the best path scored, as "Respect 3 of 4".
 *
 * Returns: (transfer full): translated text
 */
char *
bk_radar_chart_describe (const int *scores,
                         const int *best)
{
  g_autoptr (GString) text = g_string_new (NULL);

  g_return_val_if_fail (scores != NULL && best != NULL, NULL);

  for (guint i = 0; i < BK_N_COMPETENCIES; i++)
    {
      if (scores[i] == 0 && best[i] == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, C_("list separator", ", "));
      /* TRANSLATORS: a competency, what the run scored, what the best path scores */
      g_string_append_printf (text, C_("radar chart", "%s %d of %d"),
                              bk_competency_label (i), scores[i], best[i]);
    }
  if (text->len == 0)
    g_string_append (text, _("No competency scored in this run or on the best path"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
