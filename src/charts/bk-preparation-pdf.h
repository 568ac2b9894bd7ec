/* bk-preparation-pdf.h
 * The coach's preparation sheet for a parent conversation, as an A4 PDF.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "bk-preparation.h"

G_BEGIN_DECLS

/* What the coach wrote for this conversation; every field may be %NULL or
 * empty, and is then left out. Strings are borrowed. */
typedef struct
{
  const char *kind_label;   /* "Mid-term conversation", translated */
  const char *when;         /* "25-11-2026 15:00", as the user reads it */
  const char *purpose;
  const char *agenda;       /* may hold several lines */
  const char *questions;    /* may hold several lines */
  const char *opener;
} BkPreparationPlan;

void     bk_preparation_draw      (const BkPreparation     *prep,
                                   const BkPreparationPlan *plan,
                                   cairo_t                 *cr,
                                   double                   width,
                                   double                   height);
gboolean bk_preparation_write_pdf (const BkPreparation     *prep,
                                   const BkPreparationPlan *plan,
                                   const char              *path,
                                   GError                 **error);

G_END_DECLS
