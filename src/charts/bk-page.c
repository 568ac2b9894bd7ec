/* bk-page.c
 * Text on A4 pages with Cairo and Pango, for the PDFs and printing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A document is drawn top to bottom on a BkPage: headings, paragraphs and
 * bullets, a line at a time, so long text goes on over as many pages as it
 * needs, and a heading is never left alone at the foot of a page. When
 * printing through GTK each page is drawn on its own and the page does not
 * paginate: what does not fit is cut off. The same drawing serves the
 * PDFs, printing and the tests. Black on white, so any printer will do.
 */
#define G_LOG_DOMAIN "bk-page"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-page.h"

/**
 * bk_page_init:
 * @header: (nullable): drawn on top of every page, the first one now
 */
void
bk_page_init (BkPage           *page,
              cairo_t          *cr,
              double            width,
              double            height,
              gboolean          paginate,
              BkPageHeaderFunc  header,
              gconstpointer     data)
{
  *page = (BkPage) { cr, width, height, BK_PAGE_MARGIN, paginate, FALSE, header, data };
  if (header != NULL)
    header (page);
}

/**
 * bk_page_layout:
 *
 * Returns: (transfer full): @text in @font, wrapped at @width points
 */
PangoLayout *
bk_page_layout (BkPage     *page,
                const char *font,
                double      width,
                const char *text)
{
  PangoLayout *layout = pango_cairo_create_layout (page->cr);
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
new_page (BkPage *page)
{
  cairo_show_page (page->cr);
  page->y = BK_PAGE_MARGIN;
  if (page->header != NULL)
    page->header (page);
}

/**
 * bk_page_room:
 *
 * Whether @needed points fit from here; when paginating, a page that has
 * no room left is ended first. At the top of a page anything goes.
 */
gboolean
bk_page_room (BkPage *page,
              double  needed)
{
  if (page->full)
    return FALSE;
  if (page->y <= BK_PAGE_MARGIN || page->y + needed <= page->height - BK_PAGE_MARGIN)
    return TRUE;
  if (!page->paginate)
    {
      page->full = TRUE;
      return FALSE;
    }
  new_page (page);
  return TRUE;
}

/**
 * bk_page_put:
 * @bullet: (nullable): drawn before the first line
 *
 * Draws @text in @font from @indent, wrapped to the page, a line at a time
 * so that it may go on over several pages. Moves down by its height plus
 * @after.
 */
void
bk_page_put (BkPage     *page,
             const char *font,
             double      grey,
             double      indent,
             const char *bullet,
             const char *text,
             double      after)
{
  double left = BK_PAGE_MARGIN + indent;
  g_autoptr (PangoLayout) layout = bk_page_layout (page, font, page->width - BK_PAGE_MARGIN - left, text);
  g_autoptr (PangoLayout) mark = bullet ? bk_page_layout (page, font, BK_PAGE_BULLET_GAP, bullet) : NULL;
  g_autoptr (PangoLayoutIter) iter = pango_layout_get_iter (layout);
  gboolean first = TRUE;

  do
    {
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = logical.height / (double) PANGO_SCALE;
      baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      if (!bk_page_room (page, height))
        return;
      cairo_set_source_rgb (page->cr, grey, grey, grey);
      cairo_move_to (page->cr, left + logical.x / (double) PANGO_SCALE, page->y + baseline);
      pango_cairo_show_layout_line (page->cr, pango_layout_iter_get_line_readonly (iter));
      if (first && mark != NULL)
        {
          cairo_move_to (page->cr, BK_PAGE_MARGIN, page->y + baseline);
          pango_cairo_show_layout_line (page->cr, pango_layout_get_line_readonly (mark, 0));
        }
      first = FALSE;
      page->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  page->y += after;
}

/**
 * bk_page_heading:
 *
 * A section heading, kept with the first @keep points of what follows.
 */
void
bk_page_heading (BkPage     *page,
                 const char *text,
                 double      keep)
{
  if (page->y > BK_PAGE_MARGIN)
    page->y += 12;
  if (!bk_page_room (page, 22 + keep))
    return;
  bk_page_put (page, "Sans Bold 13", 0, 0, NULL, text, 4);
}

void
bk_page_bullet (BkPage     *page,
                const char *text)
{
  bk_page_put (page, "Sans 11", 0, BK_PAGE_BULLET_GAP, "•", text, 3);
}

void
bk_page_paragraph (BkPage     *page,
                   const char *text)
{
  bk_page_put (page, "Sans 11", 0, 0, NULL, text, 4);
}

/**
 * bk_page_filled:
 *
 * Returns: whether @text holds more than white space
 */
gboolean
bk_page_filled (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

/**
 * bk_page_write_pdf:
 * @title: (nullable): the document title in the PDF's metadata
 *
 * Writes what @draw draws as an A4 PDF at @path, on as many pages as it
 * needs, through a temporary file in the same folder, so a failed write
 * leaves no half file. Errors are in G_FILE_ERROR.
 */
gboolean
bk_page_write_pdf (const char      *path,
                   const char      *title,
                   BkPageDrawFunc   draw,
                   gconstpointer    data,
                   GError         **error)
{
  g_autofree char *partial = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (draw != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  partial = g_strconcat (path, ".partial", NULL);
  surface = cairo_pdf_surface_create (partial, BK_PAGE_A4_WIDTH, BK_PAGE_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Betrokken");
  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  draw (cr, BK_PAGE_A4_WIDTH, BK_PAGE_A4_HEIGHT, TRUE, data);
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
