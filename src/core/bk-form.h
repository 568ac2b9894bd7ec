/* bk-form.h
 * What every form's validation shares: refusals per field, blank text,
 * and the folded keys that search matches words against.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One refusal: which field, and what to tell the user. */
typedef struct
{
  const char *field;    /* e.g. "given-name"; a static string */
  char       *message;
} BkFieldError;

void       bk_field_error_free  (BkFieldError *error);
GPtrArray *bk_form_errors_new   (void);
void       bk_form_refuse       (GPtrArray  *errors,
                                 const char *field,
                                 char       *message);
gboolean   bk_form_is_blank     (const char *text);
char      *bk_form_strip        (const char *text);
gboolean   bk_form_check_text   (GPtrArray  *errors,
                                 const char *field,
                                 const char *value,
                                 int         max_chars);

char      *bk_search_key        (const char *text);
char      *bk_search_fold_query (const char *query);
gboolean   bk_search_matches    (const char *key,
                                 const char *folded_query);

G_END_DECLS
