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

#include <glib/gi18n-lib.h>

#include "bk-page.h"
#include "bk-preparation-pdf.h"

#define MARGIN      BK_PAGE_MARGIN
#define HEADER_TOP  24.0   /* the internal marker sits in the top margin */
#define NOTE_GAP    26.0   /* room for a line of handwriting */
#define NOTE_LINES  8
#define KEEP        BK_PAGE_KEEP

typedef struct
{
  const BkPreparation     *prep;
  const BkPreparationPlan *plan;
} Sheet;

/* The marker that this is internal, boxed so it cannot be missed, and
 * the child's name on the right. */
static void
draw_header (BkPage *page)
{
  const Sheet *sheet = page->data;
  const char *child_name = sheet->prep->child_name;
  g_autoptr (PangoLayout) marker = bk_page_layout (page, "Sans Bold 10", page->width - 2 * MARGIN,
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
  if (child_name == NULL || name_width <= 0)
    return;
  name = bk_page_layout (page, "Sans 9", name_width, child_name);
  pango_layout_set_alignment (name, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (name, PANGO_ELLIPSIZE_END);
  cairo_set_source_rgb (page->cr, 0.35, 0.35, 0.35);
  cairo_move_to (page->cr, page->width - MARGIN - name_width, HEADER_TOP + 1);
  pango_cairo_show_layout (page->cr, name);
}

/* A label and what the coach wrote under it, line breaks kept. */
static void
field (BkPage     *page,
       const char *label,
       const char *text)
{
  g_autofree char *trimmed = NULL;

  if (!bk_page_filled (text))
    return;
  trimmed = g_strstrip (g_strdup (text));
  if (!bk_page_room (page, 34))
    return;
  bk_page_put (page, "Sans Bold 11", 0, 0, NULL, label, 1);
  bk_page_put (page, "Sans 11", 0, 0, NULL, trimmed, 8);
}

static void
draw_plan (BkPage                  *page,
           const BkPreparationPlan *plan)
{
  if (plan == NULL
      || !(bk_page_filled (plan->purpose) || bk_page_filled (plan->agenda) || bk_page_filled (plan->questions) || bk_page_filled (plan->opener)))
    return;
  bk_page_heading (page, _("This conversation"), KEEP);
  field (page, _("Purpose of the conversation"), plan->purpose);
  field (page, _("Agenda"), plan->agenda);
  field (page, _("Questions"), plan->questions);
  field (page, _("Something positive to open with"), plan->opener);
}

/* Ruled lines for writing on during the conversation: as many as fit, up
 * to NOTE_LINES, and at least a few, on a next page if need be. */
static void
draw_notes (BkPage *page)
{
  bk_page_heading (page, _("Notes"), 3 * NOTE_GAP);
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
draw (cairo_t       *cr,
      double         width,
      double         height,
      gboolean       paginate,
      gconstpointer  data)
{
  const Sheet *sheet = data;
  const BkPreparation *prep = sheet->prep;
  const BkPreparationPlan *plan = sheet->plan;
  g_autofree char *title = g_strdup_printf (_("Preparing a conversation about %s"), prep->child_name);
  g_autoptr (GString) sub = g_string_new (NULL);
  const char * const *attitude = bk_preparation_attitude ();
  BkPage page;

  if (plan != NULL && bk_page_filled (plan->kind_label))
    g_string_append (sub, plan->kind_label);
  if (plan != NULL && bk_page_filled (plan->when))
    g_string_append_printf (sub, "%s%s", sub->len > 0 ? " · " : "", plan->when);

  bk_page_init (&page, cr, width, height, paginate, draw_header, sheet);
  bk_page_put (&page, "Sans Bold 20", 0, 0, NULL, title, sub->len > 0 ? 2 : 12);
  if (sub->len > 0)
    bk_page_put (&page, "Sans 11", 0.35, 0, NULL, sub->str, 12);

  draw_plan (&page, plan);

  for (guint i = 0; i < prep->parts->len; i++)
    {
      BkPreparationPart *part = g_ptr_array_index (prep->parts, i);

      bk_page_heading (&page, part->heading, KEEP);
      for (guint j = 0; j < part->lines->len; j++)
        bk_page_bullet (&page, g_ptr_array_index (part->lines, j));
    }

  bk_page_heading (&page, _("In the conversation"), KEEP);
  for (guint i = 0; attitude[i] != NULL; i++)
    bk_page_bullet (&page, attitude[i]);

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
  Sheet sheet = { prep, plan };

  g_return_if_fail (prep != NULL);
  g_return_if_fail (cr != NULL);

  draw (cr, width, height, FALSE, &sheet);
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
  Sheet sheet = { prep, plan };
  g_autofree char *title = NULL;

  g_return_val_if_fail (prep != NULL, FALSE);

  title = g_strdup_printf (_("Preparing a conversation about %s"), prep->child_name);
  return bk_page_write_pdf (path, title, draw, &sheet, error);
}
