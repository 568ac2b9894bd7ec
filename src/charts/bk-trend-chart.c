/* bk-trend-chart.c
 * An intern's growth over practice runs: the share of the best path reached, per competency.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Totals of different scenarios do not compare (one scenario trains
 * listening with six decisions, another with two), so each run is drawn as
 * the share of what its scenario's best path scores, 0 to 100 %. A
 * competency the scenario does not score (best 0 or less) has no point in
 * that run; its line goes on to the next run that scores it. Runs are
 * equally spaced and numbered from 1, oldest first. Each competency has its
 * colour (the radar chart's axis ends use the same) and, for grey print and
 * colour blindness, every other line a dash.
 */
#define G_LOG_DOMAIN "bk-trend-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "bk-practice.h"
#include "bk-trend-chart.h"

#define MARGIN 8.0
#define X_PAD  8.0

/* Mid tones that read on a light and on a dark background. */
static const BkChartColour colours[BK_N_COMPETENCIES] = {
  { 0.21, 0.52, 0.89 },   /* genuineness: blue */
  { 0.15, 0.68, 0.38 },   /* respect: green */
  { 0.96, 0.47, 0.00 },   /* listening: orange */
  { 0.88, 0.11, 0.14 },   /* summarising: red */
  { 0.57, 0.33, 0.80 },   /* asking further: purple */
  { 0.66, 0.47, 0.30 },   /* transparency: brown */
  { 0.07, 0.60, 0.66 },   /* equal partnership: teal */
  { 0.87, 0.27, 0.62 },   /* plain language: pink */
};
static const double dashes[BK_N_COMPETENCIES] = { 0, 6, 0, 3, 0, 8, 0, 4 };

/**
 * bk_competency_colour:
 * @c: a competency
 *
 * The colour of @c's line in the trend chart and of its axis in the radar
 * chart, for legends elsewhere.
 *
 * Returns: (transfer none): a static colour
 */
const BkChartColour *
bk_competency_colour (BkCompetency c)
{
  g_return_val_if_fail (c < BK_N_COMPETENCIES, NULL);
  return &colours[c];
}

/**
 * bk_trend_points_from_runs:
 * @runs: BkPracticeRun*, oldest first, as bk_practice_runs () gives them
 * @library: BkScenario*, as bk_scenario_library () gives it
 *
 * The points to draw: one per finished run whose scenario is in @library.
 * A run left halfway would look like a setback, and a run of a scenario
 * that is gone has no best path to compare with; both are left out.
 *
 * Returns: (transfer full): a GArray of BkTrendPoint
 */
GArray *
bk_trend_points_from_runs (GPtrArray *runs,
                           GPtrArray *library)
{
  GArray *points = g_array_new (FALSE, TRUE, sizeof (BkTrendPoint));

  g_return_val_if_fail (runs != NULL && library != NULL, points);

  for (guint i = 0; i < runs->len; i++)
    {
      const BkPracticeRun *run = g_ptr_array_index (runs, i);
      BkTrendPoint p = { { 0 } };

      if (run->finished_at == NULL || run->scenario_id == NULL)
        continue;
      for (guint j = 0; j < library->len; j++)
        {
          BkScenario *s = g_ptr_array_index (library, j);

          if (g_strcmp0 (s->id, run->scenario_id) != 0)
            continue;
          memcpy (p.scores, run->scores, sizeof p.scores);
          bk_scenario_best_scores (s, p.best);
          g_array_append_val (points, p);
          break;
        }
    }
  return points;
}

static PangoLayout *
make_layout (cairo_t    *cr,
             const char *text,
             double      size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *w,
           double      *h)
{
  int iw, ih;

  pango_layout_get_pixel_size (layout, &iw, &ih);
  *w = iw;
  *h = ih;
}

/* Draws @text with its top left at @x, @y, or its right edge at @x when
 * @right_aligned; returns its width. */
static double
text_at (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      size,
         gboolean    right_aligned)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, text, size);
  double w, h;

  text_size (layout, &w, &h);
  cairo_move_to (cr, right_aligned ? x - w : x, y);
  pango_cairo_show_layout (cr, layout);
  return w;
}

static char *
percent_text (int v)
{
  /* TRANSLATORS: a percentage on the trend chart's scale */
  return g_strdup_printf (_("%d%%"), v);
}

/* The share of the best path reached, or -1 when @c has no point here. */
static double
share (const BkTrendPoint *p,
       guint               c)
{
  if (p->best[c] <= 0)
    return -1;
  return CLAMP (100.0 * p->scores[c] / p->best[c], 0, 100);
}

typedef struct
{
  double left, right, top, bottom;
  double font;
  guint  n;
} Plot;

static double
plot_x (const Plot *plot,
        guint       i)
{
  if (plot->n < 2)
    return (plot->left + plot->right) / 2;
  return plot->left + X_PAD + i * (plot->right - plot->left - 2 * X_PAD) / (plot->n - 1);
}

/* Equal shares stay visible: each competency's line is nudged a little. */
static double
plot_y (const Plot *plot,
        double      value,
        guint       c)
{
  return plot->bottom - value / 100 * (plot->bottom - plot->top) + (c - 3.5) * 1.2;
}

static void
draw_scale (cairo_t             *cr,
            const Plot          *plot,
            const BkChartColour *ink)
{
  cairo_set_line_width (cr, 1);
  for (int v = 0; v <= 100; v += 25)
    {
      g_autofree char *label = percent_text (v);
      double y = plot->bottom - v / 100.0 * (plot->bottom - plot->top);

      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, v == 0 ? 0.4 : 0.13);
      cairo_move_to (cr, plot->left, round (y) + 0.5);
      cairo_line_to (cr, plot->right, round (y) + 0.5);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.6);
      text_at (cr, label, plot->left - 6, y - plot->font * 0.65, plot->font * 0.9, TRUE);
    }
}

/* Run numbers under the axis, thinned out so they never touch. */
static void
draw_run_numbers (cairo_t             *cr,
                  const Plot          *plot,
                  const BkChartColour *ink)
{
  g_autofree char *widest = g_strdup_printf ("%u", plot->n);
  g_autoptr (PangoLayout) layout = make_layout (cr, widest, plot->font * 0.9);
  double w, h, room = plot->right - plot->left - 2 * X_PAD;
  guint every;

  text_size (layout, &w, &h);
  every = MAX (1, (guint) ceil ((w + 12) * (plot->n - 1) / MAX (room, 1)));
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.6);
  for (guint i = 0; i < plot->n; i++)
    {
      g_autofree char *label = NULL;
      g_autoptr (PangoLayout) number = NULL;
      double nw, nh;

      if (i != plot->n - 1 && (i % every != 0 || plot->n - 1 - i < every))
        continue;
      label = g_strdup_printf ("%u", i + 1);
      number = make_layout (cr, label, plot->font * 0.9);
      text_size (number, &nw, &nh);
      cairo_move_to (cr, plot_x (plot, i) - nw / 2, plot->bottom + 4);
      pango_cairo_show_layout (cr, number);
    }
}

static void
draw_line (cairo_t            *cr,
           const Plot         *plot,
           const BkTrendPoint *points,
           guint               c)
{
  const BkChartColour *colour = &colours[c];
  double dash[1] = { dashes[c] };
  gboolean started = FALSE;

  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
  cairo_set_line_width (cr, 2.5);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dash, dashes[c] > 0 ? 1 : 0, 0);
  cairo_new_path (cr);
  for (guint i = 0; i < plot->n; i++)
    {
      double v = share (&points[i], c);

      if (v < 0)
        continue;
      if (started)
        cairo_line_to (cr, plot_x (plot, i), plot_y (plot, v, c));
      else
        cairo_move_to (cr, plot_x (plot, i), plot_y (plot, v, c));
      started = TRUE;
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  for (guint i = 0; i < plot->n; i++)
    {
      double v = share (&points[i], c);

      if (v < 0)
        continue;
      cairo_arc (cr, plot_x (plot, i), plot_y (plot, v, c), 3.2, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

typedef struct
{
  guint  shown[BK_N_COMPETENCIES];
  guint  n_shown;
  guint  columns;
  double item_width, row_height;
} Legend;

/* Only competencies with a point are listed: columns as wide as the
 * widest label, as many as fit. */
static double
legend_layout (Legend             *legend,
               cairo_t            *cr,
               const BkTrendPoint *points,
               guint               n,
               double              width,
               double              font)
{
  double widest = 0, h = font * 1.3;

  legend->n_shown = 0;
  for (guint c = 0; c < BK_N_COMPETENCIES; c++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < n && !any; i++)
        any = share (&points[i], c) >= 0;
      if (any)
        {
          g_autoptr (PangoLayout) layout = make_layout (cr, bk_competency_label (c), font);
          double w;

          legend->shown[legend->n_shown++] = c;
          text_size (layout, &w, &h);
          widest = MAX (widest, w);
        }
    }
  if (legend->n_shown == 0)
    return 0;
  legend->item_width = 26 + widest + 14;
  legend->row_height = h + 3;
  legend->columns = CLAMP ((guint) ((width - 2 * MARGIN) / legend->item_width), 1, legend->n_shown);
  return ((legend->n_shown + legend->columns - 1) / legend->columns) * legend->row_height + 8;
}

static void
draw_legend (cairo_t             *cr,
             const Legend        *legend,
             double               width,
             double               y,
             double               font,
             const BkChartColour *ink)
{
  double x0 = (width - legend->columns * legend->item_width + 14) / 2;

  for (guint k = 0; k < legend->n_shown; k++)
    {
      guint c = legend->shown[k];
      double dash[1] = { dashes[c] };
      double x = x0 + (k % legend->columns) * legend->item_width;
      double ly = y + (k / legend->columns) * legend->row_height;

      cairo_set_source_rgb (cr, colours[c].r, colours[c].g, colours[c].b);
      cairo_set_line_width (cr, 2.5);
      cairo_set_dash (cr, dash, dashes[c] > 0 ? 1 : 0, 0);
      cairo_move_to (cr, x, ly + legend->row_height / 2 - 1);
      cairo_line_to (cr, x + 20, ly + legend->row_height / 2 - 1);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.9);
      text_at (cr, bk_competency_label (c), x + 26, ly, font, FALSE);
    }
}

static void
draw_message (cairo_t             *cr,
              const Plot          *plot,
              const BkChartColour *ink)
{
  g_autoptr (PangoLayout) layout = make_layout (cr, _("Practise two scenarios to see a trend."), plot->font * 1.1);
  double w, h, band = (plot->bottom - plot->top) / 4;
  double middle = (plot->top + plot->bottom) / 2;

  pango_layout_set_width (layout, (int) (MAX (plot->right - plot->left - 20, 40) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  text_size (layout, &w, &h);
  /* Between the 50 % and 75 % lines, not struck through by one. */
  if (h < band - 4)
    middle -= band / 2;
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.75);
  cairo_move_to (cr, plot->left + 10, middle - h / 2);
  pango_cairo_show_layout (cr, layout);
}

/**
 * bk_trend_chart_draw:
 * @points: (array length=n_points): one per run, oldest first
 * @ink: the text colour of the widget, so the chart follows light and dark
 *
 * Draws, per competency, the share of the best path each run reached, 0 to
 * 100 %, with a legend of the competencies drawn. With fewer than two runs
 * it draws the scale and says what to do.
 */
void
bk_trend_chart_draw (const BkTrendPoint  *points,
                     guint                n_points,
                     cairo_t             *cr,
                     double               width,
                     double               height,
                     const BkChartColour *ink)
{
  Plot plot = { 0 };
  Legend legend = { { 0 } };
  double legend_height = 0, label_w;

  g_return_if_fail (points != NULL || n_points == 0);
  g_return_if_fail (cr != NULL && ink != NULL);

  cairo_save (cr);
  plot.n = n_points;
  plot.font = CLAMP (MIN (width, height) / 24, 9, 12);
  {
    g_autofree char *widest = percent_text (100);
    g_autoptr (PangoLayout) layout = make_layout (cr, widest, plot.font * 0.9);
    double h;

    text_size (layout, &label_w, &h);
  }
  if (n_points >= 2)
    legend_height = legend_layout (&legend, cr, points, n_points, width, plot.font);
  plot.left = MARGIN + label_w + 6;
  plot.right = width - MARGIN;
  plot.top = MARGIN + plot.font / 2;
  plot.bottom = height - MARGIN - legend_height - (n_points >= 2 ? plot.font * 1.5 : 0);

  draw_scale (cr, &plot, ink);
  if (n_points < 2)
    {
      draw_message (cr, &plot, ink);
      cairo_restore (cr);
      return;
    }
  draw_run_numbers (cr, &plot, ink);
  for (guint k = 0; k < legend.n_shown; k++)
    draw_line (cr, &plot, points, legend.shown[k]);
  if (legend.n_shown > 0)
    draw_legend (cr, &legend, width, height - MARGIN - legend_height + 8, plot.font, ink);
  cairo_restore (cr);
}
