/* test-validate.c
 * E-mail addresses and Dutch and Belgian phone numbers, as parents give them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-store.h"
#include "bk-validate.h"
#include "bk-test-util.h"

static void
test_email (void)
{
  struct { const char *in, *out; } good[] = {
    { "sandra.jansen@voorbeeld.nl", "sandra.jansen@voorbeeld.nl" },
    { "  Y.Bouzid@Example.BE ", "Y.Bouzid@example.be" },
    { "ouder+school@mail.voorbeeld.nl", "ouder+school@mail.voorbeeld.nl" },
    { "", "" },
  };
  struct { const char *in, *needle; } bad[] = {
    { "sandra.jansen", "exactly one @" },
    { "sandra@@voorbeeld.nl", "exactly one @" },
    { "sandra@voorbeeld", "after the @" },
    { "sandra@voorbeeld.n1", "after the @" },
    { "sandra@-voorbeeld.nl", "after the @" },
    { "@voorbeeld.nl", "before the @" },
    { "san..dra@voorbeeld.nl", "before the @" },
    { "sandra jansen@voorbeeld.nl", "space" },
    { "a@b.nl; c@d.nl", "one address only" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = bk_validate_email (good[i].in, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = bk_validate_email (bad[i].in, &error);
      g_test_message ("%s: %s", bad[i].in, error ? error->message : "(accepted)");
      g_assert_null (out);
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].needle));
      g_assert_nonnull (strstr (error->message, bad[i].in));
    }
}

static void
test_phone (void)
{
  struct { const char *in; BkCountry country; const char *out; } good[] = {
    { "06-12345678", BK_COUNTRY_NL, "+31612345678" },
    { "06 1234 5678", BK_COUNTRY_NL, "+31612345678" },
    { "(06) 12.34.56.78", BK_COUNTRY_NL, "+31612345678" },
    { "+31 6 12345678", BK_COUNTRY_NL, "+31612345678" },
    { "0031612345678", BK_COUNTRY_BE, "+31612345678" },
    { "040-1234567", BK_COUNTRY_NL, "+31401234567" },
    { "0470 12 34 56", BK_COUNTRY_BE, "+32470123456" },
    { "03 123 45 67", BK_COUNTRY_BE, "+3231234567" },
    { "+32 470 12 34 56", BK_COUNTRY_NL, "+32470123456" },
    { "+212 612 345678", BK_COUNTRY_NL, "+212612345678" },
    { "", BK_COUNTRY_NL, "" },
  };
  struct { const char *in; BkCountry country; const char *needle; } bad[] = {
    { "06-1234567", BK_COUNTRY_NL, "Dutch" },
    { "06-123456789", BK_COUNTRY_NL, "Dutch" },
    { "0470 12 34", BK_COUNTRY_BE, "Belgian" },
    { "06-1234567a", BK_COUNTRY_NL, "only digits" },
    { "612345678", BK_COUNTRY_NL, "begin with 0" },
    { "+1 23", BK_COUNTRY_NL, "number of digits" },
    { "06 12345678 / 06 87654321", BK_COUNTRY_NL, "Dutch" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = bk_validate_phone (good[i].in, good[i].country, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, good[i].out);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *out = bk_validate_phone (bad[i].in, bad[i].country, &error);
      g_test_message ("%s: %s", bad[i].in, error ? error->message : "(accepted)");
      g_assert_null (out);
      g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, bad[i].needle));
    }
}

static void
test_format_phone (void)
{
  struct { const char *in, *out; } cases[] = {
    { "+31612345678", "06 12345678" },
    { "+31401234567", "0401234567" },
    { "+32470123456", "0470 12 34 56" },
    { "+212612345678", "+212612345678" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = bk_format_phone (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/validate/email", test_email);
  g_test_add_func ("/validate/phone", test_phone);
  g_test_add_func ("/validate/format-phone", test_format_phone);
  return g_test_run ();
}
