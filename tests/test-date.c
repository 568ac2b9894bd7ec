/* test-date.c
 * Dates as people type them (day-month-year) and as the database stores them.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "bk-date.h"
#include "bk-test-util.h"

static void
test_parse (void)
{
  struct { const char *text; const char *iso; } good[] = {
    { "7-3-2015", "2015-03-07" },
    { "07/03/2015", "2015-03-07" },
    { " 7.3.2015 ", "2015-03-07" },
    { "2015-03-07", "2015-03-07" },
    { "29-2-2016", "2016-02-29" },
    { "31-12-1999", "1999-12-31" },
  };
  const char *bad[] = { "", "gisteren", "31-2-2016", "29-2-2015", "7-3-15", "7-3/2015",
                        "7-13-2015", "2015-3", "0-1-2015", "7-3-2015x", "1-1-1800", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      GDate date;
      g_autofree char *iso = NULL;

      g_assert_true (bk_date_parse (good[i].text, &date));
      iso = bk_date_to_iso (&date);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }
  for (guint i = 0; bad[i] != NULL; i++)
    {
      GDate date;
      g_test_message ("bad: %s", bad[i]);
      g_assert_false (bk_date_parse (bad[i], &date));
    }
  g_assert_false (bk_date_parse (NULL, NULL));
}

static void
test_iso_and_user (void)
{
  GDate date;
  g_autofree char *user = bk_date_format_user ("2015-03-07");
  g_autofree char *none = bk_date_format_user (NULL);
  g_autofree char *junk = bk_date_format_user ("2015-03-07T10:00");

  g_assert_cmpstr (user, ==, "7-3-2015");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (junk, ==, "");
  g_assert_true (bk_date_from_iso ("2016-02-29", &date));
  g_assert_false (bk_date_from_iso ("2015-02-29", &date));
}

static void
test_timestamp_is_utc (void)
{
  /* 10:30 in Amsterdam in November is 09:30 UTC; in July it is 08:30. */
  g_autoptr (GDateTime) now = bk_test_now ();
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr (GDateTime) summer = g_date_time_new (tz, 2026, 7, 1, 10, 30, 0);
  g_autofree char *winter_stamp = bk_timestamp (now);
  g_autofree char *summer_stamp = bk_timestamp (summer);
  GDate today;

  g_assert_cmpstr (winter_stamp, ==, "2026-11-23T09:30:00Z");
  g_assert_cmpstr (summer_stamp, ==, "2026-07-01T08:30:00Z");
  bk_date_from_datetime (now, &today);
  g_assert_cmpint (g_date_get_day (&today), ==, 23);
}

static void
test_moment (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr (GDateTime) with_time = bk_date_parse_moment (" 22-11-2026 18:05 ", tz);
  g_autoptr (GDateTime) noon = bk_date_parse_moment ("22-11-2026", tz);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *bad[] = { "", "gisteren", "22-11-2026 25:00", "22-11-2026 18", "22-11-2026 18:05x",
                        "31-11-2026 10:00", NULL };

  a = bk_timestamp (with_time);
  b = bk_timestamp (noon);
  g_assert_cmpstr (a, ==, "2026-11-22T17:05:00Z");
  g_assert_cmpstr (b, ==, "2026-11-22T11:00:00Z");
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr (GDateTime) m = bk_date_parse_moment (bad[i], tz);
      g_test_message ("bad: %s", bad[i]);
      g_assert_null (m);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/iso-and-user", test_iso_and_user);
  g_test_add_func ("/date/timestamp-is-utc", test_timestamp_is_utc);
  g_test_add_func ("/date/moment", test_moment);
  return g_test_run ();
}
