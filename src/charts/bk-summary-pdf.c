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

#include <glib/gi18n-lib.h>

#include "bk-page.h"
#include "bk-summary-pdf.h"

static void
heading (BkPage     *page,
         const char *text)
{
  bk_page_heading (page, text, BK_PAGE_KEEP);
}

static void
bullets (BkPage    *page,
         GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    bk_page_bullet (page, g_ptr_array_index (items, i));
}

/**
 * bk_summary_draw:
 * @data: the BkSummary
 *
 * A BkPageDrawFunc: the summary on as many pages as it needs when
 * @paginate, else on one page (printing).
 */
void
bk_summary_draw (cairo_t       *cr,
                 double         width,
                 double         height,
                 gboolean       paginate,
                 gconstpointer  data)
{
  const BkSummary *summary = data;
  BkPage page;
  g_autofree char *title = g_strdup_printf (_("How %s is doing"), summary->child_name);
  g_autofree char *sub = summary->cycle_name
    ? g_strdup_printf (_("%s · made on %s"), summary->cycle_name, summary->made_on)
    : g_strdup_printf (_("Made on %s"), summary->made_on);

  bk_page_init (&page, cr, width, height, paginate, NULL, NULL);
  bk_page_put (&page, "Sans Bold 20", 0, 0, NULL, title, 2);
  bk_page_put (&page, "Sans 10", 0.35, 0, NULL, sub, 12);

  heading (&page, _("The learning goal"));
  if (summary->goal != NULL)
    {
      g_autofree char *chose = g_strdup_printf (_("%s chose this goal with the coach:"), summary->child_name);
      g_autofree char *quoted = g_strdup_printf ("“%s”", summary->goal);

      bk_page_paragraph (&page, chose);
      bk_page_put (&page, "Sans Italic 12", 0, 0, NULL, quoted, 4);
    }
  else
    bk_page_paragraph (&page, _("The goal is not chosen yet. The child chooses it with the coach in the first sessions."));

  if (summary->goal != NULL)
    {
      heading (&page, _("Steps reached"));
      if (summary->reached->len > 0)
        bullets (&page, summary->reached);
      else
        bk_page_paragraph (&page, _("No step reached yet. That is what the sessions are for."));
      if (summary->next_step != NULL)
        {
          g_autofree char *next = g_strdup_printf (_("The next step: %s."), summary->next_step);
          bk_page_paragraph (&page, next);
        }
    }

  if (summary->entered > 0)
    {
      g_autofree char *sessions =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s was at %d of the %d session so far.",
                                      "%s was at %d of the %d sessions so far.", summary->entered),
                         summary->child_name, summary->attended, summary->entered);
      heading (&page, _("Sessions"));
      bk_page_paragraph (&page, sessions);
    }

  if (summary->tip != NULL || summary->top != NULL)
    {
      heading (&page, _("Tip and top from the coach"));
      if (summary->top != NULL)
        {
          g_autofree char *top = g_strdup_printf (_("Top: %s"), summary->top);
          bk_page_paragraph (&page, top);
        }
      if (summary->tip != NULL)
        {
          g_autofree char *tip = g_strdup_printf (_("Tip: %s"), summary->tip);
          bk_page_paragraph (&page, tip);
        }
    }

  if (summary->handles->len > 0)
    {
      heading (&page, _("What helps at home"));
      bullets (&page, summary->handles);
    }

  page.y += 16;
  bk_page_put (&page, "Sans 9", 0.35, 0, NULL,
               _("Questions or something to tell us? Talk to the coach at pick-up, or call the centre."), 0);
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
  g_return_val_if_fail (summary != NULL, FALSE);

  return bk_page_write_pdf (path, NULL, bk_summary_draw, summary, error);
}
