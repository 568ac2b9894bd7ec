/* bk-summary-pdf.c
 * The parents' progress summary as an A4 PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Short headings and plain sentences, large enough to read on paper, in
 * black on white so it prints on any printer. Text that does not fit goes
 * on to a next page. Drawn with Cairo and Pango only, so the same drawing
 * serves the PDF, printing and tests.
 */
#define G_LOG_DOMAIN "bk-summary-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "bk-summary-pdf.h"

#define A4_WIDTH  595.28
#define A4_HEIGHT 841.89
#define MARGIN    56.0

typedef struct
{
  cairo_t *cr;
  double   width;
  double   height;
  double   y;
  gboolean paginate;  /* FALSE: one page (printing), the rest is cut off */
} Page;

/* Draws @text in @font, wrapped to the page, on a new page when it does
 * not fit; moves down by its height plus @after. */
static void
put (Page       *page,
     const char *font,
     double      grey,
     const char *text,
     double      after)
{
  g_autoptr (PangoLayout) layout = pango_cairo_create_layout (page->cr);
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (font);
  int w, h;

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) ((page->width - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &w, &h);
  if (page->paginate && page->y + h / (double) PANGO_SCALE > page->height - MARGIN && page->y > MARGIN)
    {
      cairo_show_page (page->cr);
      page->y = MARGIN;
    }
  cairo_set_source_rgb (page->cr, grey, grey, grey);
  cairo_move_to (page->cr, MARGIN, page->y);
  pango_cairo_show_layout (page->cr, layout);
  page->y += h / (double) PANGO_SCALE + after;
}

static void
heading (Page       *page,
         const char *text)
{
  page->y += 10;
  put (page, "Sans Bold 13", 0, text, 4);
}

static void
paragraph (Page       *page,
           const char *text)
{
  put (page, "Sans 11", 0, text, 4);
}

static void
bullets (Page      *page,
         GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *line = g_strdup_printf ("•  %s", (const char *) g_ptr_array_index (items, i));
      put (page, "Sans 11", 0, line, 2);
    }
}

static void
draw (const BkSummary *summary,
      cairo_t         *cr,
      double           width,
      double           height,
      gboolean         paginate)
{
  Page page = { cr, width, height, MARGIN, paginate };
  g_autofree char *title = g_strdup_printf (_("How %s is doing"), summary->child_name);
  g_autofree char *sub = summary->cycle_name
    ? g_strdup_printf (_("%s · made on %s"), summary->cycle_name, summary->made_on)
    : g_strdup_printf (_("Made on %s"), summary->made_on);

  put (&page, "Sans Bold 20", 0, title, 2);
  put (&page, "Sans 10", 0.35, sub, 12);

  heading (&page, _("The learning goal"));
  if (summary->goal != NULL)
    {
      g_autofree char *chose = g_strdup_printf (_("%s chose this goal with the coach:"), summary->child_name);
      g_autofree char *quoted = g_strdup_printf ("“%s”", summary->goal);

      paragraph (&page, chose);
      put (&page, "Sans Italic 12", 0, quoted, 4);
    }
  else
    paragraph (&page, _("The goal is not chosen yet. The child chooses it with the coach in the first sessions."));

  if (summary->goal != NULL)
    {
      heading (&page, _("Steps reached"));
      if (summary->reached->len > 0)
        bullets (&page, summary->reached);
      else
        paragraph (&page, _("No step reached yet. That is what the sessions are for."));
      if (summary->next_step != NULL)
        {
          g_autofree char *next = g_strdup_printf (_("The next step: %s."), summary->next_step);
          paragraph (&page, next);
        }
    }

  if (summary->entered > 0)
    {
      g_autofree char *sessions =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s was at %d of the %d session so far.",
                                      "%s was at %d of the %d sessions so far.", summary->entered),
                         summary->child_name, summary->attended, summary->entered);
      heading (&page, _("Sessions"));
      paragraph (&page, sessions);
    }

  if (summary->tip != NULL || summary->top != NULL)
    {
      heading (&page, _("Tip and top from the coach"));
      if (summary->top != NULL)
        {
          g_autofree char *top = g_strdup_printf (_("Top: %s"), summary->top);
          paragraph (&page, top);
        }
      if (summary->tip != NULL)
        {
          g_autofree char *tip = g_strdup_printf (_("Tip: %s"), summary->tip);
          paragraph (&page, tip);
        }
    }

  if (summary->handles->len > 0)
    {
      heading (&page, _("What helps at home"));
      bullets (&page, summary->handles);
    }

  page.y += 16;
  put (&page, "Sans 9", 0.35,
       _("Questions or something to tell us? Talk to the coach at pick-up, or call the centre."), 0);
}

/**
 * bk_summary_draw:
 * @width: @height: the page size in points
 *
 * Draws the summary on one page, as for printing.
 */
void
bk_summary_draw (const BkSummary *summary,
                 cairo_t         *cr,
                 double           width,
                 double           height)
{
  draw (summary, cr, width, height, FALSE);
}

/**
 * bk_summary_write_pdf:
 *
 * Writes the summary as an A4 PDF at @path, through a temporary file in
 * the same folder, so a failed write leaves no half file.
 */
gboolean
bk_summary_write_pdf (const BkSummary *summary,
                      const char      *path,
                      GError         **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (partial, A4_WIDTH, A4_HEIGHT);
  cairo_status_t status;
  cairo_t *cr;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Betrokken");
  cr = cairo_create (surface);
  draw (summary, cr, A4_WIDTH, A4_HEIGHT, TRUE);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS || g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (path);

      g_remove (partial);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   _("Could not write %s: %s"), shown,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status) : g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
