/* bk-self-check-chart.c
 * A staff member's self-checks over time: six lines on a 1-5 scale.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One point per day with self-checks (their mean), equally spaced left to
 * right; a line per part of the conversation craft (genuine, respect,
 * listening, summarising, asking further, transparency), each with its own
 * colour and dash so it reads in grey print too, and a legend beneath. A
 * single day shows as dots. @ink is the text colour of the widget, so the
 * chart follows light and dark styles.
 */
#define G_LOG_DOMAIN "bk-self-check-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "bk-date.h"
#include "bk-self-check-chart.h"

#define LEGEND_HEIGHT 40.0
#define MARGIN 24.0

static const struct { double r, g, b; double dash; } lines[6] = {
  { 0.21, 0.52, 0.89, 0 }, { 0.18, 0.76, 0.49, 6 }, { 0.96, 0.47, 0.0, 0 },
  { 0.75, 0.11, 0.16, 3 }, { 0.57, 0.25, 0.67, 0 }, { 0.52, 0.37, 0.26, 8 },
};

static double
score (const BkSelfCheckPoint *p,
       guint                   part)
{
  const double v[6] = { p->genuineness, p->respect, p->listening,
                        p->summarising, p->asking_further, p->transparency };
  return v[part];
}

static void
text_at (cairo_t    *cr,
         const char *text,
         double      x,
         double      y,
         double      size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (font);
  g_object_unref (layout);
}

void
bk_self_check_chart_draw (GArray              *points,
                          cairo_t             *cr,
                          double               width,
                          double               height,
                          const BkChartColour *ink)
{
  const char *names[6] = {
    _("Genuine"), _("Respect"), _("Listening"), _("Summarising"), _("Asking further"), _("Transparency"),
  };
  double left = MARGIN + 8, right = width - MARGIN, top = MARGIN / 2, bottom = height - LEGEND_HEIGHT - MARGIN / 2;
  guint n = points != NULL ? points->len : 0;

  /* The scale: a faint line for each of 1 to 5. */
  cairo_set_line_width (cr, 1);
  for (int v = 1; v <= 5; v++)
    {
      double y = bottom - (v - 1) * (bottom - top) / 4.0;
      char label[2] = { (char) ('0' + v), 0 };

      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.15);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, right, y);
      cairo_stroke (cr);
      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.6);
      text_at (cr, label, MARGIN - 10, y - 7, 11);
    }
  if (n > 0)
    {
      g_autofree char *first = bk_date_format_user (g_array_index (points, BkSelfCheckPoint, 0).day);
      g_autofree char *last = bk_date_format_user (g_array_index (points, BkSelfCheckPoint, n - 1).day);

      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.6);
      text_at (cr, first, left, bottom + 4, 10);
      if (n > 1)
        text_at (cr, last, right - 60, bottom + 4, 10);
    }

  for (guint part = 0; part < 6; part++)
    {
      double dashes[1] = { lines[part].dash };

      cairo_set_source_rgb (cr, lines[part].r, lines[part].g, lines[part].b);
      cairo_set_line_width (cr, 2.5);
      cairo_set_dash (cr, dashes, lines[part].dash > 0 ? 1 : 0, 0);
      for (guint i = 0; i < n; i++)
        {
          const BkSelfCheckPoint *p = &g_array_index (points, BkSelfCheckPoint, i);
          double x = n > 1 ? left + i * (right - left) / (n - 1) : (left + right) / 2;
          /* Parts are nudged apart a little so equal scores stay visible. */
          double y = bottom - (score (p, part) - 1) * (bottom - top) / 4.0 + (part - 2.5) * 1.5;

          if (i == 0)
            cairo_move_to (cr, x, y);
          else
            cairo_line_to (cr, x, y);
        }
      if (n > 1)
        cairo_stroke (cr);
      cairo_new_path (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      for (guint i = 0; i < n; i++)
        {
          const BkSelfCheckPoint *p = &g_array_index (points, BkSelfCheckPoint, i);
          double x = n > 1 ? left + i * (right - left) / (n - 1) : (left + right) / 2;
          double y = bottom - (score (p, part) - 1) * (bottom - top) / 4.0 + (part - 2.5) * 1.5;

          cairo_arc (cr, x, y, 3, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      /* The legend: three a row, two rows. */
      {
        double lx = MARGIN + (part % 3) * (width - 2 * MARGIN) / 3;
        double ly = height - LEGEND_HEIGHT + 4 + (part / 3) * 18;

        cairo_set_source_rgb (cr, lines[part].r, lines[part].g, lines[part].b);
        cairo_rectangle (cr, lx, ly + 5, 14, 4);
        cairo_fill (cr);
        cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.85);
        text_at (cr, names[part], lx + 20, ly, 11);
      }
    }
}
