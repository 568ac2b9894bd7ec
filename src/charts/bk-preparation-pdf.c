/* bk-preparation-pdf.c
 * The coach's preparation sheet for a parent conversation, as an A4 PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Working material for the coach, never for parents: it may hold
 * observations, so every page says so at the top, boxed, with the child's
 * name beside it in case the pages come apart. Below: what the coach
 * planned for this conversation, what is known, the attitude to bring, and
 * ruled space for notes by hand. Text is drawn a line at a time, so a long
 * agenda goes on over as many pages as it needs; a heading is never left
 * alone at the foot of a page. Black on white, Cairo and Pango only, like
 * the parents' summary.
 */
#define G_LOG_DOMAIN "bk-preparation-pdf"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "bk-preparation-pdf.h"

#define A4_WIDTH    595.28
#define A4_HEIGHT   841.89
#define MARGIN      56.0
#define HEADER_TOP  24.0   /* the internal marker sits in the top margin */
#define BULLET_GAP  14.0
#define NOTE_GAP    26.0   /* room for a line of handwriting */
#define NOTE_LINES  8
#define KEEP        32.0   /* two lines of text: no heading alone at the foot */

typedef struct
{
  cairo_t    *cr;
  double      width;
  double      height;
  double      y;
  gboolean    paginate;  /* FALSE: one page (printing), the rest is cut off */
  gboolean    full;      /* one page only, and it is full */
  const char *child_name;
} Page;

static PangoLayout *
text_layout (Page       *page,
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

/* The marker that this is internal, boxed so it cannot be missed, and
 * the child's name on the right. */
static void
draw_header (Page *page)
{
  g_autoptr (PangoLayout) marker = text_layout (page, "Sans Bold 10", page->width - 2 * MARGIN,
                                                _("Internal — not for parents"));
  g_autoptr (PangoLayout) name = NULL;
  PangoRectangle logical;
  double name_width;

  pango_layout_get_pixel_extents (marker, NULL, &logical);
  cairo_set_source_rgb (page->cr, 0, 0, 0);
  cairo_set_line_width (page->cr, 1.0);
  cairo_rectangle (page->cr, MARGIN - 5, HEADER_TOP - 3, logical.width + 10, logical.height + 6);
  cairo_stroke (page->cr);
  cairo_move_to (page->cr, MARGIN, HEADER_TOP);
  pango_cairo_show_layout (page->cr, marker);

  name_width = page->width - 2 * MARGIN - logical.width - 24;
  if (page->child_name == NULL || name_width <= 0)
    return;
  name = text_layout (page, "Sans 9", name_width, page->child_name);
  pango_layout_set_alignment (name, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (page->cr, 0.35, 0.35, 0.35);
  cairo_move_to (page->cr, page->width - MARGIN - name_width, HEADER_TOP + 1);
  pango_cairo_show_layout (page->cr, name);
}

static void
new_page (Page *page)
{
  cairo_show_page (page->cr);
  draw_header (page);
  page->y = MARGIN;
}

/* Whether @needed points fit from here; when paginating, a page that has
 * no room left is ended first. At the top of a page anything goes. */
static gboolean
room (Page   *page,
      double  needed)
{
  if (page->full)
    return FALSE;
  if (page->y <= MARGIN || page->y + needed <= page->height - MARGIN)
    return TRUE;
  if (!page->paginate)
    {
      page->full = TRUE;
      return FALSE;
    }
  new_page (page);
  return TRUE;
}

/* Draws @text in @font from @indent, wrapped to the page, a line at a time
 * so that it may go on over several pages; @bullet (or %NULL) goes before
 * its first line. Moves down by its height plus @after. */
static void
put (Page       *page,
     const char *font,
     double      grey,
     double      indent,
     const char *bullet,
     const char *text,
     double      after)
{
  double left = MARGIN + indent;
  g_autoptr (PangoLayout) layout = text_layout (page, font, page->width - MARGIN - left, text);
  g_autoptr (PangoLayout) mark = bullet ? text_layout (page, font, BULLET_GAP, bullet) : NULL;
  g_autoptr (PangoLayoutIter) iter = pango_layout_get_iter (layout);
  gboolean first = TRUE;

  do
    {
      PangoRectangle logical;
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = logical.height / (double) PANGO_SCALE;
      baseline = (pango_layout_iter_get_baseline (iter) - logical.y) / (double) PANGO_SCALE;
      if (!room (page, height))
        return;
      cairo_set_source_rgb (page->cr, grey, grey, grey);
      cairo_move_to (page->cr, left + logical.x / (double) PANGO_SCALE, page->y + baseline);
      pango_cairo_show_layout_line (page->cr, pango_layout_iter_get_line_readonly (iter));
      if (first && mark != NULL)
        {
          cairo_move_to (page->cr, MARGIN, page->y + baseline);
          pango_cairo_show_layout_line (page->cr, pango_layout_get_line_readonly (mark, 0));
        }
      first = FALSE;
      page->y += height;
    }
  while (pango_layout_iter_next_line (iter));
  page->y += after;
}

/* A section heading, kept with the first @keep points of what follows. */
static void
heading (Page       *page,
         const char *text,
         double      keep)
{
  if (page->y > MARGIN)
    page->y += 12;
  if (!room (page, 22 + keep))
    return;
  put (page, "Sans Bold 13", 0, 0, NULL, text, 4);
}

static void
bullet (Page       *page,
        const char *text)
{
  put (page, "Sans 11", 0, BULLET_GAP, "•", text, 3);
}

static gboolean
filled (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return TRUE;
  return FALSE;
}

/* A label and what the coach wrote under it, line breaks kept. */
static void
field (Page       *page,
       const char *label,
       const char *text)
{
  g_autofree char *trimmed = NULL;

  if (!filled (text))
    return;
  trimmed = g_strstrip (g_strdup (text));
  if (!room (page, 34))
    return;
  put (page, "Sans Bold 11", 0, 0, NULL, label, 1);
  put (page, "Sans 11", 0, 0, NULL, trimmed, 8);
}

static void
draw_plan (Page                    *page,
           const BkPreparationPlan *plan)
{
  if (plan == NULL
      || !(filled (plan->purpose) || filled (plan->agenda) || filled (plan->questions) || filled (plan->opener)))
    return;
  heading (page, _("This conversation"), KEEP);
  field (page, _("Purpose of the conversation"), plan->purpose);
  field (page, _("Agenda"), plan->agenda);
  field (page, _("Questions"), plan->questions);
  field (page, _("Something positive to open with"), plan->opener);
}

/* Ruled lines for writing on during the conversation: as many as fit, up
 * to NOTE_LINES, and at least a few, on a next page if need be. */
static void
draw_notes (Page *page)
{
  heading (page, _("Notes"), 3 * NOTE_GAP);
  if (page->full)
    return;
  cairo_set_source_rgb (page->cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (page->cr, 0.5);
  for (int i = 0; i < NOTE_LINES && page->y + NOTE_GAP <= page->height - MARGIN; i++)
    {
      page->y += NOTE_GAP;
      cairo_move_to (page->cr, MARGIN, page->y);
      cairo_line_to (page->cr, page->width - MARGIN, page->y);
      cairo_stroke (page->cr);
    }
}

static void
draw (const BkPreparation     *prep,
      const BkPreparationPlan *plan,
      cairo_t                 *cr,
      double                   width,
      double                   height,
      gboolean                 paginate)
{
  Page page = { cr, width, height, MARGIN, paginate, FALSE, prep->child_name };
  g_autofree char *title = g_strdup_printf (_("Preparing a conversation about %s"), prep->child_name);
  g_autoptr (GString) sub = g_string_new (NULL);
  const char * const *attitude = bk_preparation_attitude ();

  if (plan != NULL && filled (plan->kind_label))
    g_string_append (sub, plan->kind_label);
  if (plan != NULL && filled (plan->when))
    g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", plan->when);

  draw_header (&page);
  put (&page, "Sans Bold 20", 0, 0, NULL, title, sub->len > 0 ? 2 : 12);
  if (sub->len > 0)
    put (&page, "Sans 11", 0.35, 0, NULL, sub->str, 12);

  draw_plan (&page, plan);

  for (guint i = 0; i < prep->parts->len; i++)
    {
      BkPreparationPart *part = g_ptr_array_index (prep->parts, i);

      heading (&page, part->heading, KEEP);
      for (guint j = 0; j < part->lines->len; j++)
        bullet (&page, g_ptr_array_index (part->lines, j));
    }

  heading (&page, _("In the conversation"), KEEP);
  for (guint i = 0; attitude[i] != NULL; i++)
    bullet (&page, attitude[i]);

  draw_notes (&page);
}

/**
 * bk_preparation_draw:
 * @plan: (nullable): what the coach wrote for this conversation
 * @width: @height: the page size in points
 *
 * Draws the preparation sheet on one page, as for printing; what does not
 * fit is left off.
 */
void
bk_preparation_draw (const BkPreparation     *prep,
                     const BkPreparationPlan *plan,
                     cairo_t                 *cr,
                     double                   width,
                     double                   height)
{
  g_return_if_fail (prep != NULL);
  g_return_if_fail (cr != NULL);

  draw (prep, plan, cr, width, height, FALSE);
}

/**
 * bk_preparation_write_pdf:
 * @plan: (nullable): what the coach wrote for this conversation
 *
 * Writes the preparation sheet as an A4 PDF at @path, on as many pages as
 * it needs, through a temporary file in the same folder, so a failed write
 * leaves no half file.
 */
gboolean
bk_preparation_write_pdf (const BkPreparation     *prep,
                          const BkPreparationPlan *plan,
                          const char              *path,
                          GError                 **error)
{
  g_autofree char *partial = NULL;
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (prep != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  partial = g_strconcat (path, ".partial", NULL);
  title = g_strdup_printf (_("Preparing a conversation about %s"), prep->child_name);
  surface = cairo_pdf_surface_create (partial, A4_WIDTH, A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Betrokken");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cr = cairo_create (surface);
  draw (prep, plan, cr, A4_WIDTH, A4_HEIGHT, TRUE);
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
