/* bk-letter-pdf.c
 * A plain letter for parents as an A4 PDF: summaries and agreements.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the coach wrote, as it was written: the title large, then the text
 * line by line. A short line of its own without an end mark that is
 * followed by text ("What comes next") is a heading and is set in bold,
 * so a summary written from the template reads as sections. Nothing
 * internal ever goes on it; it is for parents.
 */
#define G_LOG_DOMAIN "bk-letter-pdf"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-letter-pdf.h"
#include "bk-page.h"

#define HEADING_WORDS 6

static gboolean
is_heading (const char *line,
            const char *next)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (line));
  size_t len = strlen (trimmed);
  int words = 0;
  gboolean in_word = FALSE;

  if (len == 0 || next == NULL || !bk_page_filled (next) || strchr (".!?:;,…)", trimmed[len - 1]) != NULL)
    return FALSE;
  for (const char *p = trimmed; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        words++;
      in_word = !space;
    }
  return words <= HEADING_WORDS;
}

/**
 * bk_letter_draw:
 * @data: the BkLetter
 *
 * A BkPageDrawFunc: the letter on as many pages as it needs when
 * @paginate, else on one page (printing), what does not fit left off.
 */
void
bk_letter_draw (cairo_t       *cr,
                double         width,
                double         height,
                gboolean       paginate,
                gconstpointer  data)
{
  const BkLetter *letter = data;
  g_auto (GStrv) lines = g_strsplit (letter->body != NULL ? letter->body : "", "\n", -1);
  BkPage page;

  bk_page_init (&page, cr, width, height, paginate, NULL, NULL);
  bk_page_put (&page, "Sans Bold 20", 0, 0, NULL, letter->title, bk_page_filled (letter->subtitle) ? 2 : 16);
  if (bk_page_filled (letter->subtitle))
    bk_page_put (&page, "Sans 10", 0.35, 0, NULL, letter->subtitle, 16);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0')
        page.y += 8;
      else if (is_heading (line, lines[i + 1]))
        bk_page_put (&page, "Sans Bold 12", 0, 0, NULL, line, 2);
      else if (g_str_has_prefix (line, "- ") || g_str_has_prefix (line, "• "))
        bk_page_bullet (&page, g_strchug (line + strlen (g_str_has_prefix (line, "- ") ? "-" : "•")));
      else
        bk_page_put (&page, "Sans 12", 0, 0, NULL, line, 2);
    }
}

/**
 * bk_letter_write_pdf:
 *
 * Writes the letter as an A4 PDF at @path, on as many pages as it needs,
 * through a temporary file, so a failed write leaves no half file.
 */
gboolean
bk_letter_write_pdf (const BkLetter *letter,
                     const char     *path,
                     GError        **error)
{
  g_return_val_if_fail (letter != NULL, FALSE);

  return bk_page_write_pdf (path, letter->title, bk_letter_draw, letter, error);
}
