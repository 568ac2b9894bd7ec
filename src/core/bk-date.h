/* bk-date.h
 * Dates as people type them and as the database stores them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  bk_date_parse         (const char *text,
                                 GDate      *out);
char     *bk_date_to_iso        (const GDate *date);
gboolean  bk_date_from_iso      (const char *iso,
                                 GDate      *out);
char     *bk_date_format_user   (const char *iso);
void      bk_date_from_datetime (GDateTime  *when,
                                 GDate      *out);
char     *bk_date_iso_from_datetime (GDateTime *when);
char     *bk_timestamp          (GDateTime  *when);
GDateTime *bk_date_parse_moment (const char *text,
                                 GTimeZone  *zone);

G_END_DECLS
