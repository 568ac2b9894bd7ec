/* bk-print.h
 * Printing one A4 page through GTK's print dialog, or to a PDF for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "bk-page.h"

G_BEGIN_DECLS

gboolean bk_print_page (GtkWindow       *parent,
                        const char      *job_name,
                        BkPageDrawFunc   draw,
                        gpointer         data,
                        GDestroyNotify   free_data,
                        const char      *export_path,
                        GError         **error);

G_END_DECLS
