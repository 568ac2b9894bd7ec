/* bk-form.c
 * What every form's validation shares: refusals per field, blank text,
 * and the folded keys that search matches words against.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bk-form"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-form.h"

void
bk_field_error_free (BkFieldError *error)
{
  g_free (error->message);
  g_free (error);
}

GPtrArray *
bk_form_errors_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) bk_field_error_free);
}

/* Adds a refusal for @field; takes @message. */
void
bk_form_refuse (GPtrArray  *errors,
                const char *field,
                char       *message)
{
  BkFieldError *e = g_new0 (BkFieldError, 1);

  e->field = field;
  e->message = message;
  g_ptr_array_add (errors, e);
}

gboolean
bk_form_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* What is stored for a text field: trimmed, or %NULL when blank. */
char *
bk_form_strip (const char *text)
{
  return bk_form_is_blank (text) ? NULL : g_strstrip (g_strdup (text));
}

/**
 * bk_form_check_text:
 *
 * Refuses text that is not valid UTF-8 or longer than @max_chars.
 *
 * Returns: %TRUE when @value passed
 */
gboolean
bk_form_check_text (GPtrArray  *errors,
                    const char *field,
                    const char *value,
                    int         max_chars)
{
  glong len;

  if (value == NULL)
    return TRUE;
  if (!g_utf8_validate (value, -1, NULL))
    {
      bk_form_refuse (errors, field, g_strdup (_("This text contains characters that are not text.")));
      return FALSE;
    }
  len = g_utf8_strlen (value, -1);
  if (len > max_chars)
    {
      bk_form_refuse (errors, field,
                      g_strdup_printf (_("This text is too long: at most %d characters, now %ld."),
                                       max_chars, len));
      return FALSE;
    }
  return TRUE;
}

/**
 * bk_search_key:
 *
 * Returns: (transfer full): " word word ...": @text's words folded to lower
 *   case, with their ASCII spellings too ("zoë" and "zoe"), for
 *   bk_search_matches()
 */
char *
bk_search_key (const char *text)
{
  g_auto (GStrv) alternates = NULL;
  g_auto (GStrv) tokens = NULL;
  GString *key = g_string_new (NULL);

  if (text == NULL || *text == '\0')
    return g_string_free (key, FALSE);
  tokens = g_str_tokenize_and_fold (text, NULL, &alternates);
  for (guint i = 0; tokens[i] != NULL; i++)
    g_string_append (g_string_append_c (key, ' '), tokens[i]);
  for (guint i = 0; alternates[i] != NULL; i++)
    g_string_append (g_string_append_c (key, ' '), alternates[i]);
  return g_string_free (key, FALSE);
}

/* What the user typed, folded the same way (without alternates). */
char *
bk_search_fold_query (const char *query)
{
  g_auto (GStrv) tokens = g_str_tokenize_and_fold (query ? query : "", NULL, NULL);
  GString *folded = g_string_new (NULL);

  for (guint i = 0; tokens[i] != NULL; i++)
    g_string_append (g_string_append_c (folded, ' '), tokens[i]);
  return g_string_free (folded, FALSE);
}

/**
 * bk_search_matches:
 *
 * Every word of the query must start a word of the key ("zoe" finds Zoë,
 * "de v" finds De Vries). An empty query matches.
 */
gboolean
bk_search_matches (const char *key,
                   const char *folded_query)
{
  const char *word = folded_query;
  char needle[256];

  /* Each word keeps its leading space, so it only matches at a word start. */
  while (word != NULL && *word == ' ')
    {
      const char *end = strchr (word + 1, ' ');
      gsize len = end ? (gsize) (end - word) : strlen (word);

      len = MIN (len, sizeof needle - 1);
      memcpy (needle, word, len);
      needle[len] = '\0';
      if (strstr (key, needle) == NULL)
        return FALSE;
      word = end;
    }
  return TRUE;
}
