/* bk-date.c
 * Dates as people type them and as the database stores them.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Staff type Dutch dates (day-month-year: 7-3-2015, 07/03/2015, 7.3.2015);
 * the database keeps ISO 8601 (2015-03-07). Nothing here reads the clock.
 */
#define G_LOG_DOMAIN "bk-date"

#include <stdio.h>
#include <string.h>

#include "bk-date.h"

static gboolean
set_dmy (GDate *out,
         int    day,
         int    month,
         int    year)
{
  if (year < 1900 || year > 2999 || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

/**
 * bk_date_parse:
 * @text: "d-m-yyyy" (also with / or .) or "yyyy-mm-dd"
 * @out: the date, when it is one
 *
 * Returns: %TRUE when @text is a real calendar date
 */
gboolean
bk_date_parse (const char *text,
               GDate      *out)
{
  int a = 0, b = 0, c = 0, used = 0;
  char s1 = 0, s2 = 0;
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return FALSE;
  trimmed = g_strstrip (g_strdup (text));

  if (sscanf (trimmed, "%d%c%d%c%d%n", &a, &s1, &b, &s2, &c, &used) != 5 ||
      trimmed[used] != '\0' || s1 != s2 || strchr ("-/.", s1) == NULL)
    return FALSE;

  /* A four-digit first part is ISO order; otherwise day first, as in Dutch. */
  if (a >= 1000 && s1 == '-')
    return set_dmy (out, c, b, a);
  if (c < 1000)
    return FALSE;
  return set_dmy (out, a, b, c);
}

char *
bk_date_to_iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

gboolean
bk_date_from_iso (const char *iso,
                  GDate      *out)
{
  int y, m, d, used = 0;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 ||
      used != 10 || iso[used] != '\0')
    return FALSE;
  return set_dmy (out, d, m, y);
}

/**
 * bk_date_format_user:
 * @iso: a stored date, or %NULL
 *
 * Returns: (transfer full): "7-3-2015" style, or "" when @iso is not a date
 */
char *
bk_date_format_user (const char *iso)
{
  GDate date;

  if (!bk_date_from_iso (iso, &date))
    return g_strdup ("");
  return g_strdup_printf ("%d-%d-%04d", g_date_get_day (&date),
                          g_date_get_month (&date), g_date_get_year (&date));
}

/* The calendar date of @when in its own time zone. */
void
bk_date_from_datetime (GDateTime *when,
                       GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (when),
                  g_date_time_get_month (when), g_date_time_get_year (when));
}

/* The local day of @when as stored: YYYY-MM-DD. */
char *
bk_date_iso_from_datetime (GDateTime *when)
{
  GDate date;

  bk_date_from_datetime (when, &date);
  return bk_date_to_iso (&date);
}

/* @when as stored: ISO 8601 in UTC, to the second. */
char *
bk_timestamp (GDateTime *when)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (when);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * bk_date_parse_moment:
 * @text: "7-3-2026" or "7-3-2026 15:30" (also with / or .)
 * @zone: the time zone the moment is typed in
 *
 * A date without a time is taken at noon, so it stays on its day in any
 * time zone.
 *
 * Returns: (transfer full) (nullable): the moment, or %NULL if @text is
 *   not one
 */
GDateTime *
bk_date_parse_moment (const char *text,
                      GTimeZone  *zone)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *space = strchr (copy, ' ');
  int hour = 12, minute = 0, used = 0;
  GDate date;

  if (space != NULL)
    {
      *space = '\0';
      if (sscanf (g_strstrip (space + 1), "%d:%d%n", &hour, &minute, &used) != 2 ||
          (space + 1)[used] != '\0' || hour < 0 || hour > 23 || minute < 0 || minute > 59)
        return NULL;
    }
  if (!bk_date_parse (copy, &date))
    return NULL;
  return g_date_time_new (zone, g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date), hour, minute, 0);
}
