/* test-ics.c
 * The staff calendar file: strict RFC 5545 and nothing private in it.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bk-ics.h"
#include "bk-store-private.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* Every character TEXT must escape, and a line break. */
#define PURPOSE "Reading, maths; home\\school, step 2\nand then the diploma"
#define AGENDA "1. What works at home?\n2. The next goal"

/* now = Monday 23-11-2026 10:30 in Europe/Amsterdam (09:30Z). Zoë (1) has
 * a mid-term conversation on Wednesday with both parents and an
 * interpreter; Bram (2) a home visit next week. Left out: one held this
 * morning, one planned last Friday (overdue), a cancelled one and one
 * without a moment. Whatever is marked SECRET must not leave. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO staff (id, name, created_at) VALUES (1, 'Sanne Hoekstra', 'x');"
    "INSERT INTO children (id, given_name, family_name, note, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'de Vries', 'CHILD-NOTE-SECRET', 'x', 'x'), (2, 'Bram', 'Jansen', NULL, 'x', 'x');"
    "INSERT INTO parents (id, given_name, family_name, phone, created_at) VALUES"
    " (1, 'Sandra', 'de Vries', '0612345678', 'x'), (2, 'Mark', 'Bakker', NULL, 'x'),"
    " (3, 'Fatima', 'Jansen', NULL, 'x');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES"
    " (1, 1, 'mother'), (2, 1, 'father'), (3, 2, 'mother');"
    "INSERT INTO conversations (id, kind, child_id, staff_id, status, planned_at, held_at,"
    " purpose, agenda, questions, positive_opener, notes, created_at) VALUES"
    " (1, 'mid-term', 1, 1, 'planned', '2026-11-25T14:30:00Z', NULL, '" PURPOSE "', '" AGENDA "',"
    "  'QUESTIONS-SECRET', 'OPENER-SECRET', 'NOTES-SECRET', 'x'),"
    " (2, 'home-visit', 2, 1, 'planned', '2026-12-02T08:00:00Z', NULL, NULL, NULL,"
    "  NULL, NULL, 'NOTES-SECRET of the home visit', 'x'),"
    " (3, 'informal', 1, 1, 'held', '2026-11-23T08:00:00Z', '2026-11-23T08:00:00Z',"
    "  'HELD-CONVERSATION', NULL, NULL, NULL, NULL, 'x'),"
    " (4, 'phone', 2, 1, 'planned', '2026-11-20T10:00:00Z', NULL, 'PAST-CONVERSATION',"
    "  NULL, NULL, NULL, NULL, 'x'),"
    " (5, 'closing', 1, 1, 'cancelled', '2026-12-09T10:00:00Z', NULL, 'CANCELLED-CONVERSATION',"
    "  NULL, NULL, NULL, NULL, 'x'),"
    " (6, 'intake', 2, 1, 'planned', NULL, NULL, 'UNDATED-CONVERSATION', NULL, NULL, NULL, NULL, 'x');"
    "INSERT INTO conversation_participants (conversation_id, role, parent_id, staff_id, name) VALUES"
    " (1, 'parent', 1, NULL, NULL), (1, 'parent', 2, NULL, NULL),"
    " (1, 'interpreter', NULL, NULL, 'Ayşe Yılmaz'), (1, 'staff', NULL, 1, NULL);"
    "INSERT INTO agreements (conversation_id, child_id, text, owner, due_on, created_at) VALUES"
    " (1, 1, 'AGREEMENT-SECRET', 'Moeder', '2026-12-01', 'x');"
    "INSERT INTO observations (parent_id, type, behaviour, observed_on, created_at) VALUES"
    " (1, 'avoiding', 'OBSERVATION-SECRET', '2026-11-02', 'x');");
}

static void
empty_setup (Fixture       *f,
             gconstpointer  data)
{
  bk_test_db_open (f, NULL);
}

#define fixture_teardown bk_test_db_close

/* A strict reader ----------------------------------------------------------- */

typedef struct
{
  char *name;
  char *value;
} Property;

static void
property_free (Property *p)
{
  g_free (p->name);
  g_free (p->value);
  g_free (p);
}

typedef struct
{
  GPtrArray *physical;  /* of char *: the lines as written, without CRLF */
  GPtrArray *logical;   /* of char *: after unfolding */
  GPtrArray *calendar;  /* of Property: those of the VCALENDAR itself */
  GPtrArray *events;    /* of GPtrArray of Property, one per VEVENT */
} Calendar;

static void
calendar_free (Calendar *cal)
{
  g_ptr_array_unref (cal->physical);
  g_ptr_array_unref (cal->logical);
  g_ptr_array_unref (cal->calendar);
  g_ptr_array_unref (cal->events);
  g_free (cal);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Calendar, calendar_free)

/* The one value of @name in @props, or NULL; fails when it is there twice. */
static const char *
prop (GPtrArray  *props,
      const char *name)
{
  const char *found = NULL;

  for (guint i = 0; i < props->len; i++)
    {
      Property *p = props->pdata[i];

      if (g_str_equal (p->name, name))
        {
          g_assert_null (found);
          found = p->value;
        }
    }
  return found;
}

/* A TEXT value back to its text; fails on an unknown escape or a bare
 * comma or semicolon, which a strict reader takes for a list. */
static char *
unescape (const char *value)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_assert_nonnull (value);
  for (const char *p = value; *p != '\0'; p++)
    {
      g_assert_true (*p != ';' && *p != ',');
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      if (*p == '\\' || *p == ';' || *p == ',')
        g_string_append_c (out, *p);
      else if (*p == 'n' || *p == 'N')
        g_string_append_c (out, '\n');
      else
        g_error ("Unknown escape “\\%c” in “%s”", *p, value);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Splits @text at CRLF, checking each physical line, and unfolds. */
static void
read_lines (Calendar   *cal,
            const char *text)
{
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) current = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  n = g_strv_length (lines) - 1;   /* the last is the "" after the final CRLF */
  g_assert_cmpstr (lines[n], ==, "");
  for (guint i = 0; i < n; i++)
    {
      const char *line = lines[i];
      gsize len = strlen (line);

      g_ptr_array_add (cal->physical, g_strdup (line));
      g_assert_cmpuint (len, >, 0);
      g_assert_cmpuint (len, <=, 75);
      g_assert_null (strchr (line, '\r'));
      g_assert_null (strchr (line, '\n'));
      g_assert_true (g_utf8_validate (line, -1, NULL));
      /* Folded only where needed: a line a continuation follows is full
       * but for the octets of one character that did not fit. */
      if (i + 1 < n && lines[i + 1][0] == ' ')
        g_assert_cmpuint (len, >=, 72);
      if (line[0] == ' ' || line[0] == '\t')
        {
          g_assert_nonnull (current);
          g_string_append (current, line + 1);
          continue;
        }
      if (current != NULL)
        g_ptr_array_add (cal->logical, g_string_free (g_steal_pointer (&current), FALSE));
      current = g_string_new (line);
    }
  g_assert_nonnull (current);
  g_ptr_array_add (cal->logical, g_string_free (g_steal_pointer (&current), FALSE));
}

static void
check_event (GPtrArray *event)
{
  const char *required[] = { "UID", "DTSTAMP", "DTSTART", "SUMMARY" };
  const char *stamps[] = { "DTSTAMP", "DTSTART" };

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (prop (event, required[i]));
  for (guint i = 0; i < G_N_ELEMENTS (stamps); i++)
    g_assert_true (g_regex_match_simple ("^[0-9]{8}T[0-9]{6}Z$", prop (event, stamps[i]), 0, 0));
}

/* Reads @text as a strict reader would; fails at the first fault. */
static Calendar *
read_strict (const char *text)
{
  g_autoptr (Calendar) cal = g_new0 (Calendar, 1);
  g_autoptr (GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *event = NULL;
  gboolean done = FALSE;

  cal->physical = g_ptr_array_new_with_free_func (g_free);
  cal->logical = g_ptr_array_new_with_free_func (g_free);
  cal->calendar = g_ptr_array_new_with_free_func ((GDestroyNotify) property_free);
  cal->events = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  read_lines (cal, text);

  for (guint i = 0; i < cal->logical->len; i++)
    {
      const char *line = cal->logical->pdata[i];
      const char *colon = strchr (line, ':');
      g_autofree char *name = NULL;
      Property *p;

      g_assert_false (done);   /* nothing after END:VCALENDAR */
      g_assert_nonnull (colon);
      name = g_strndup (line, colon - line);
      g_assert_true (g_regex_match_simple ("^[A-Z][A-Z0-9-]*$", name, 0, 0));
      if (g_str_equal (name, "BEGIN"))
        {
          if (stack->len == 0)
            g_assert_cmpstr (colon + 1, ==, "VCALENDAR");
          else
            {
              g_assert_cmpuint (stack->len, ==, 1);
              g_assert_cmpstr (colon + 1, ==, "VEVENT");
              event = g_ptr_array_new_with_free_func ((GDestroyNotify) property_free);
              g_ptr_array_add (cal->events, event);
            }
          g_ptr_array_add (stack, g_strdup (colon + 1));
          continue;
        }
      if (g_str_equal (name, "END"))
        {
          g_assert_cmpuint (stack->len, >, 0);
          g_assert_cmpstr (colon + 1, ==, stack->pdata[stack->len - 1]);
          if (event != NULL)
            check_event (event);
          event = NULL;
          g_ptr_array_remove_index (stack, stack->len - 1);
          done = stack->len == 0;
          continue;
        }
      g_assert_cmpuint (stack->len, >, 0);
      p = g_new0 (Property, 1);
      p->name = g_steal_pointer (&name);
      p->value = g_strdup (colon + 1);
      g_ptr_array_add (event != NULL ? event : cal->calendar, p);
    }
  g_assert_true (done);
  g_assert_cmpstr (prop (cal->calendar, "VERSION"), ==, "2.0");
  g_assert_nonnull (prop (cal->calendar, "PRODID"));
  return g_steal_pointer (&cal);
}

static char *
export (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  char *text = bk_ics_planned_conversations (f->store, f->now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* The logical lines as one text, so a marker a fold cut is still found. */
static char *
unfolded (Calendar *cal)
{
  g_autoptr (GString) all = g_string_new (NULL);

  for (guint i = 0; i < cal->logical->len; i++)
    g_string_append_printf (all, "%s\n", (char *) cal->logical->pdata[i]);
  return g_string_free (g_steal_pointer (&all), FALSE);
}

/* Tests --------------------------------------------------------------------- */

static void
assert_escapes (const char *text,
                const char *expected)
{
  g_autofree char *escaped = bk_ics_escape_text (text);

  g_assert_cmpstr (escaped, ==, expected);
}

static void
test_escape (void)
{
  assert_escapes ("", "");
  assert_escapes ("Zoë 🙂 ş", "Zoë 🙂 ş");
  assert_escapes ("a\\b;c,d", "a\\\\b\\;c\\,d");
  assert_escapes ("one\ntwo\r\nthree\rfour", "one\\ntwo\\nthree\\nfour");
  assert_escapes ("\\n", "\\\\n");   /* a typed backslash-n stays that */
  assert_escapes ("tab\tbell\a", "tab\tbell");
}

static void
test_empty (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *text = export (f);
  g_autoptr (Calendar) cal = read_strict (text);
  g_autofree char *name = unescape (prop (cal->calendar, "X-WR-CALNAME"));

  g_assert_cmpuint (cal->events->len, ==, 0);
  g_assert_cmpstr (name, ==, "Parent conversations");
  g_assert_cmpstr (text, ==,
                   "BEGIN:VCALENDAR\r\n"
                   "VERSION:2.0\r\n"
                   "PRODID:-//Betrokken//Betrokken//NL\r\n"
                   "CALSCALE:GREGORIAN\r\n"
                   "METHOD:PUBLISH\r\n"
                   "X-WR-CALNAME:Parent conversations\r\n"
                   "END:VCALENDAR\r\n");
}

static void
test_events (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = export (f);
  g_autoptr (Calendar) cal = read_strict (text);
  GPtrArray *zoe, *bram;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  g_autofree char *home_visit = NULL;

  g_assert_cmpstr (prop (cal->calendar, "CALSCALE"), ==, "GREGORIAN");
  g_assert_cmpstr (prop (cal->calendar, "METHOD"), ==, "PUBLISH");
  g_assert_cmpuint (cal->events->len, ==, 2);

  /* The soonest first. */
  zoe = cal->events->pdata[0];
  g_assert_cmpstr (prop (zoe, "UID"), ==, "conversation-1@betrokken.nl");
  g_assert_cmpstr (prop (zoe, "DTSTAMP"), ==, "20261123T093000Z");
  g_assert_cmpstr (prop (zoe, "DTSTART"), ==, "20261125T143000Z");
  g_assert_cmpstr (prop (zoe, "DURATION"), ==, "PT45M");
  g_assert_cmpstr (prop (zoe, "STATUS"), ==, "CONFIRMED");
  summary = unescape (prop (zoe, "SUMMARY"));
  g_assert_cmpstr (summary, ==, "Mid-term conversation: Zoë de Vries");
  description = unescape (prop (zoe, "DESCRIPTION"));
  g_assert_cmpstr (description, ==,
                   "Purpose: " PURPOSE "\n"
                   "Agenda: " AGENDA "\n"
                   "Participants: Sandra de Vries, Mark Bakker, interpreter: Ayşe Yılmaz");

  /* A home visit takes an hour; with nothing to describe, no description. */
  bram = cal->events->pdata[1];
  g_assert_cmpstr (prop (bram, "UID"), ==, "conversation-2@betrokken.nl");
  g_assert_cmpstr (prop (bram, "DTSTART"), ==, "20261202T080000Z");
  g_assert_cmpstr (prop (bram, "DURATION"), ==, "PT1H");
  home_visit = unescape (prop (bram, "SUMMARY"));
  g_assert_cmpstr (home_visit, ==, "Home visit: Bram Jansen");
  g_assert_null (prop (bram, "DESCRIPTION"));
}

/* Only what a staff calendar needs leaves the program. */
static void
test_nothing_private (Fixture       *f,
                      gconstpointer  data)
{
  const char *allowed[] = { "UID", "DTSTAMP", "DTSTART", "DURATION", "SUMMARY",
                            "DESCRIPTION", "STATUS", NULL };
  g_autofree char *text = export (f);
  g_autoptr (Calendar) cal = read_strict (text);
  g_autofree char *all = unfolded (cal);

  g_assert_cmpuint (cal->events->len, >, 0);
  for (guint i = 0; i < cal->events->len; i++)
    {
      GPtrArray *event = cal->events->pdata[i];

      for (guint j = 0; j < event->len; j++)
        g_assert_true (g_strv_contains (allowed, ((Property *) event->pdata[j])->name));
    }
  g_assert_null (strstr (all, "SECRET"));
  g_assert_null (strstr (all, "0612345678"));
}

/* Held, overdue, cancelled and undated conversations are not in it. */
static void
test_only_planned (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *text = export (f);
  g_autoptr (Calendar) cal = read_strict (text);
  g_autofree char *all = unfolded (cal);
  const char *left_out[] = { "HELD-CONVERSATION", "PAST-CONVERSATION",
                             "CANCELLED-CONVERSATION", "UNDATED-CONVERSATION" };

  g_assert_cmpuint (cal->events->len, ==, 2);
  for (guint i = 0; i < cal->events->len; i++)
    {
      const char *uid = prop (cal->events->pdata[i], "UID");

      g_assert_true (g_str_equal (uid, "conversation-1@betrokken.nl") ||
                     g_str_equal (uid, "conversation-2@betrokken.nl"));
    }
  for (guint i = 0; i < G_N_ELEMENTS (left_out); i++)
    g_assert_null (strstr (all, left_out[i]));
}

/* A long agenda of two- and four-octet characters folds between
 * characters, and unfolds to what was written. */
static void
test_fold_utf8 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GString) agenda = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  g_autoptr (Calendar) cal = NULL;
  g_autofree char *description = NULL;
  g_autofree char *expected = NULL;
  guint backed_up = 0;

  /* "DESCRIPTION:Agenda: " is 20 octets: after 13 emoji the 14th does
   * not fit, so the first fold must back up over a character. */
  for (guint i = 0; i < 30; i++)
    g_string_append (agenda, "🙂");
  for (guint i = 0; i < 40; i++)
    g_string_append (agenda, "ë");
  g_string_append (agenda, ", ");
  for (guint i = 0; i < 40; i++)
    g_string_append (agenda, "ş");
  g_string_append (agenda, "; Ayşe en Zoë 👨‍👩‍👧 lezen samen\\thuis");
  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO children (id, given_name, family_name, created_at, updated_at)"
    " VALUES (1, 'Zoë', 'de Vries', 'x', 'x');", &error));
  g_assert_no_error (error);
  stmt = bk_store_prepare (f->store,
    "INSERT INTO conversations (id, kind, child_id, status, planned_at, agenda, created_at)"
    " VALUES (1, 'intake', 1, 'planned', '2026-11-24T09:00:00Z', ?1, 'x')", &error);
  g_assert_no_error (error);
  bk_bind_text (stmt, 1, agenda->str);
  g_assert_true (bk_store_step_done (f->store, stmt, &error));
  g_assert_no_error (error);

  text = export (f);
  cal = read_strict (text);   /* checks g_utf8_validate on every physical line */
  g_assert_cmpuint (cal->events->len, ==, 1);
  description = unescape (prop (cal->events->pdata[0], "DESCRIPTION"));
  expected = g_strconcat ("Agenda: ", agenda->str, NULL);
  g_assert_cmpstr (description, ==, expected);

  /* The case was there: some folds fell inside a character. */
  for (guint i = 0; i + 1 < cal->physical->len; i++)
    if (((char *) cal->physical->pdata[i + 1])[0] == ' ' &&
        strlen (cal->physical->pdata[i]) < 75)
      backed_up++;
  g_assert_cmpuint (backed_up, >, 0);
}

static char *
read_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  return contents;
}

static void
test_write (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "gesprekken.ics", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing", "gesprekken.ics", NULL);
  g_autofree char *missing_partial = g_strconcat (missing, ".partial", NULL);
  g_autofree char *text = export (f);
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (bk_ics_write_planned (f->store, f->now, path, &error));
  g_assert_no_error (error);
  written = read_text (path);
  g_assert_cmpstr (written, ==, text);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* Exporting again replaces the file. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_true (bk_ics_write_planned (f->store, f->now, path, &error));
  g_assert_no_error (error);
  again = read_text (path);
  g_assert_cmpstr (again, ==, text);
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* A folder that is not there: an error and no file. */
  g_assert_false (bk_ics_write_planned (f->store, f->now, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing_partial, G_FILE_TEST_EXISTS));
}

/* A real calendar library reads it too, where one is installed. */
static void
test_python_icalendar (Fixture       *f,
                       gconstpointer  data)
{
  /* Debian's python3 (python3-icalendar), not another one first on PATH. */
  const char *python = g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE) ? "/usr/bin/python3" : "python3";
  const char *probe[] = { python, "-c", "import icalendar", NULL };
  const char *script =
    "import sys, icalendar\n"
    "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
    "events = cal.walk('VEVENT')\n"
    "print(len(events))\n"
    "print(str(events[0]['SUMMARY']))\n"
    "print(str(events[0]['DESCRIPTION']).count('\\n'))\n";
  g_autofree char *path = g_build_filename (f->dir, "gesprekken.ics", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "PYTHONIOENCODING", "utf-8", TRUE);
  g_autoptr (GError) error = NULL;
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL))
    {
      g_test_message ("python3 with the icalendar module is not available: skipped");
      g_test_skip ("python3 with the icalendar module is not available");
      return;
    }

  g_assert_true (bk_ics_write_planned (f->store, f->now, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { python, "-c", script, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("icalendar could not read the file: %s", err);
  /* Two events; the description's three lines came through as lines
   * (the purpose has one line break of its own, the agenda one). */
  g_assert_cmpstr (out, ==, "2\nMid-term conversation: Zoë de Vries\n4\n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ics/escape", test_escape);
#define ADD(path, setup, fn) g_test_add (path, Fixture, NULL, setup, fn, fixture_teardown)
  ADD ("/ics/empty", empty_setup, test_empty);
  ADD ("/ics/events", fixture_setup, test_events);
  ADD ("/ics/nothing-private", fixture_setup, test_nothing_private);
  ADD ("/ics/only-planned", fixture_setup, test_only_planned);
  ADD ("/ics/fold-utf8", empty_setup, test_fold_utf8);
  ADD ("/ics/write", fixture_setup, test_write);
  ADD ("/ics/python-icalendar", fixture_setup, test_python_icalendar);
#undef ADD

  return g_test_run ();
}
