/* bk-page.h
 * Text on A4 pages with Cairo and Pango, for the PDFs and printing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define BK_PAGE_A4_WIDTH   595.28
#define BK_PAGE_A4_HEIGHT  841.89
#define BK_PAGE_MARGIN     56.0
#define BK_PAGE_BULLET_GAP 14.0
#define BK_PAGE_KEEP       32.0   /* two lines of text: no heading alone at the foot */

typedef struct _BkPage BkPage;

/* Draws what goes on top of every page (the first one included). */
typedef void (*BkPageHeaderFunc) (BkPage *page);

struct _BkPage
{
  cairo_t         *cr;
  double           width;
  double           height;
  double           y;
  gboolean         paginate;  /* FALSE: one page (printing), the rest is cut off */
  gboolean         full;      /* one page only, and it is full */
  BkPageHeaderFunc header;
  gconstpointer    data;      /* for the header */
};

/* Draws a whole document of @data: on as many pages as it needs when
 * @paginate, else on one page. */
typedef void (*BkPageDrawFunc) (cairo_t       *cr,
                                double         width,
                                double         height,
                                gboolean       paginate,
                                gconstpointer  data);

void         bk_page_init      (BkPage           *page,
                                cairo_t          *cr,
                                double            width,
                                double            height,
                                gboolean          paginate,
                                BkPageHeaderFunc  header,
                                gconstpointer     data);
PangoLayout *bk_page_layout    (BkPage           *page,
                                const char       *font,
                                double            width,
                                const char       *text);
gboolean     bk_page_room      (BkPage           *page,
                                double            needed);
void         bk_page_put       (BkPage           *page,
                                const char       *font,
                                double            grey,
                                double            indent,
                                const char       *bullet,
                                const char       *text,
                                double            after);
void         bk_page_heading   (BkPage           *page,
                                const char       *text,
                                double            keep);
void         bk_page_bullet    (BkPage           *page,
                                const char       *text);
void         bk_page_paragraph (BkPage           *page,
                                const char       *text);
gboolean     bk_page_filled    (const char       *text);
gboolean     bk_page_write_pdf (const char       *path,
                                const char       *title,
                                BkPageDrawFunc    draw,
                                gconstpointer     data,
                                GError          **error);

G_END_DECLS
