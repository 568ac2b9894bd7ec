/* bk-validate.c
 * Checking and normalising contact details: e-mail addresses, phone numbers.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Phone numbers are stored in international form (+31612345678) so that a
 * number typed as 06-12345678, 0031 6 1234 5678 or (06) 1234 5678 is one
 * number. A number starting with one 0 belongs to the centre's country:
 * Dutch numbers have nine digits after the 0, Belgian eight (landline) or
 * nine (mobile, 04..).
 */
#define G_LOG_DOMAIN "bk-validate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-store.h"
#include "bk-validate.h"

/* Sets the refusal and returns %NULL, for "return refuse (...)". */
G_GNUC_PRINTF (2, 3)
static char *
refuse (GError     **error,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                                                format, args));
  va_end (args);
  return NULL;
}

static gboolean
valid_domain (const char *domain)
{
  g_auto (GStrv) labels = g_strsplit (domain, ".", -1);
  guint n = g_strv_length (labels);

  if (n < 2)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      gsize len = strlen (labels[i]);

      if (len == 0 || len > 63 || labels[i][0] == '-' || labels[i][len - 1] == '-')
        return FALSE;
      for (gsize j = 0; j < len; j++)
        if (!g_ascii_isalnum (labels[i][j]) && labels[i][j] != '-')
          return FALSE;
    }
  /* The last label is a top-level domain: letters only. */
  for (const char *c = labels[n - 1]; *c; c++)
    if (!g_ascii_isalpha (*c))
      return FALSE;
  return strlen (labels[n - 1]) >= 2;
}

/**
 * bk_validate_email:
 * @text: what was typed
 *
 * Returns: (transfer full) (nullable): the address, trimmed and with its
 *   domain in lower case; %NULL with BK_STORE_ERROR_INVALID when it cannot
 *   be an address. An empty @text gives an empty string: no address.
 */
char *
bk_validate_email (const char  *text,
                   GError     **error)
{
  g_autofree char *address = g_strstrip (g_strdup (text ? text : ""));
  const char *at;
  g_autofree char *local = NULL;
  g_autofree char *domain = NULL;

  if (*address == '\0')
    return g_steal_pointer (&address);
  if (strlen (address) > 254)
    return refuse (error, _("“%s” is too long for an e-mail address."), address);
  if (strpbrk (address, " \t\r\n,;<>()[]\\\"") != NULL)
    return refuse (error, _("“%s” is not an e-mail address: it contains a space or a sign that "
                            "does not belong in one. Give one address only."), address);

  at = strchr (address, '@');
  if (at == NULL || strchr (at + 1, '@') != NULL)
    return refuse (error, _("“%s” is not an e-mail address: it needs exactly one @."), address);

  local = g_strndup (address, at - address);
  domain = g_ascii_strdown (at + 1, -1);
  if (*local == '\0' || local[0] == '.' || g_str_has_suffix (local, ".") || strstr (local, ".."))
    return refuse (error, _("“%s” is not an e-mail address: check the part before the @."), address);
  if (!valid_domain (domain))
    return refuse (error, _("“%s” is not an e-mail address: check the part after the @, "
                            "for example name@example.nl."), address);

  return g_strconcat (local, "@", domain, NULL);
}

/**
 * bk_validate_phone:
 * @text: what was typed, in any usual notation
 * @country: where a number with a leading 0 is
 *
 * Returns: (transfer full) (nullable): the number as +CCNNNN; "" for an
 *   empty @text; %NULL with BK_STORE_ERROR_INVALID when it is no number
 */
char *
bk_validate_phone (const char  *text,
                   BkCountry    country,
                   GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  GString *digits = g_string_new (NULL);
  g_autofree char *number = NULL;
  gboolean international = FALSE;
  gsize len;

  for (const char *c = trimmed; *c; c++)
    {
      if (g_ascii_isdigit (*c))
        g_string_append_c (digits, *c);
      else if (*c == '+' && c == trimmed)
        international = TRUE;
      else if (strchr (" -./()", *c) == NULL)
        {
          g_string_free (digits, TRUE);
          return refuse (error, _("“%s” is not a phone number: use only digits, spaces, dashes "
                                  "and a + in front."), trimmed);
        }
    }
  number = g_string_free (digits, FALSE);
  if (*trimmed == '\0')
    return g_strdup ("");

  if (!international && g_str_has_prefix (number, "00"))
    {
      memmove (number, number + 2, strlen (number) - 1);
      international = TRUE;
    }
  else if (!international && number[0] == '0')
    {
      const char *code = country == BK_COUNTRY_BE ? "32" : "31";
      char *national = g_strconcat (code, number + 1, NULL);
      g_free (number);
      number = national;
      international = TRUE;
    }
  if (!international)
    return refuse (error, _("“%s” is not a phone number: begin with 0, or with + and the "
                            "country code."), trimmed);

  /* number is now the country code and the rest, digits only. */
  len = strlen (number);
  if (g_str_has_prefix (number, "31") && len != 11)
    return refuse (error, _("“%s” is not a Dutch phone number: it should have ten digits, "
                            "like 06 12345678 or 040 1234567."), trimmed);
  if (g_str_has_prefix (number, "32") && (len < 10 || len > 11))
    return refuse (error, _("“%s” is not a Belgian phone number: it should have nine or ten "
                            "digits, like 0470 12 34 56 or 03 123 45 67."), trimmed);
  if (len < 8 || len > 15 || number[0] == '0')
    return refuse (error, _("“%s” is not a phone number: check the number of digits."), trimmed);

  return g_strconcat ("+", number, NULL);
}

/**
 * bk_format_phone:
 * @e164: a number from bk_validate_phone()
 *
 * Returns: (transfer full): the number as people in its country write it
 *   (06 12345678, 0470 12 34 56), or @e164 itself for other countries
 */
char *
bk_format_phone (const char *e164)
{
  if (e164 == NULL)
    return g_strdup ("");
  if (g_str_has_prefix (e164, "+316") && strlen (e164) == 12)
    return g_strdup_printf ("06 %s", e164 + 4);
  if (g_str_has_prefix (e164, "+31") && strlen (e164) == 12)
    return g_strconcat ("0", e164 + 3, NULL);
  if (g_str_has_prefix (e164, "+324") && strlen (e164) == 12)
    return g_strdup_printf ("0%.3s %.2s %.2s %.2s", e164 + 3, e164 + 6, e164 + 8, e164 + 10);
  return g_strdup (e164);
}
