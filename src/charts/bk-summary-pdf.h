/* bk-summary-pdf.h
 * The parents' progress summary as an A4 PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "bk-summary.h"

G_BEGIN_DECLS

void     bk_summary_draw      (cairo_t         *cr,
                               double           width,
                               double           height,
                               gboolean         paginate,
                               gconstpointer    data);
gboolean bk_summary_write_pdf (const BkSummary *summary,
                               const char      *path,
                               GError         **error);

G_END_DECLS
