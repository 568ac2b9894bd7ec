/* bk-validate.h
 * Checking and normalising contact details: e-mail addresses, phone numbers.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a phone number without a country code is assumed to be. */
typedef enum {
  BK_COUNTRY_NL,
  BK_COUNTRY_BE,
} BkCountry;

char *bk_validate_email (const char  *text,
                         GError     **error);
char *bk_validate_phone (const char  *text,
                         BkCountry    country,
                         GError     **error);
char *bk_format_phone   (const char  *e164);

G_END_DECLS
