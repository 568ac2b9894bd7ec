/* bk-letter-pdf.h
 * A plain letter for parents as an A4 PDF: summaries and agreements.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *title;
  const char *subtitle;  /* "Leercentrum De Brug · 1-12-2026", or NULL */
  const char *body;      /* paragraphs separated by line breaks */
} BkLetter;

void     bk_letter_draw      (cairo_t        *cr,
                              double          width,
                              double          height,
                              gboolean        paginate,
                              gconstpointer   data);
gboolean bk_letter_write_pdf (const BkLetter *letter,
                              const char     *path,
                              GError        **error);

G_END_DECLS
