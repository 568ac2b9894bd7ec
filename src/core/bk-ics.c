/* bk-ics.c
 * Planned parent conversations as an iCalendar file for the staff calendar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file leaves the program: it is imported into a calendar that may be
 * synchronised, shared with colleagues or read on a phone. So it says no
 * more than a staff calendar needs to put the conversation in the diary:
 * when, what kind, about which child, its purpose, agenda and who takes
 * part. Notes, questions, the positive opener, agreements, self-checks and
 * observations stay in Betrokken.
 *
 * The text follows RFC 5545 strictly, since calendar programs differ in
 * how forgiving they are: CRLF after every line, lines folded at 75
 * octets without splitting a UTF-8 character, TEXT values escaped, times
 * in UTC. Each event's UID is made from the conversation's id, so
 * importing the file again updates the events instead of doubling them.
 */
#define G_LOG_DOMAIN "bk-ics"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bk-conversation.h"
#include "bk-form.h"
#include "bk-ics.h"

/* Octets in a content line, not counting its CRLF (RFC 5545 3.1). */
#define LINE_MAX_OCTETS 75

/**
 * bk_ics_escape_text:
 * @text: UTF-8 text; invalid sequences are replaced
 *
 * Escapes @text as an RFC 5545 TEXT value: a backslash, semicolon and
 * comma get a backslash before them, and a line break (CRLF, LF or a lone
 * CR) becomes "\n". Other control characters but the tab are dropped,
 * since TEXT may not hold them.
 *
 * Returns: (transfer full): the escaped text
 */
char *
bk_ics_escape_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr (GString) out = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid) + 16);
  for (const char *p = valid; *p != '\0'; p++)
    switch (*p)
      {
      case '\\':
        g_string_append (out, "\\\\");
        break;
      case ';':
        g_string_append (out, "\\;");
        break;
      case ',':
        g_string_append (out, "\\,");
        break;
      case '\r':
        if (p[1] == '\n')
          p++;
        G_GNUC_FALLTHROUGH;
      case '\n':
        g_string_append (out, "\\n");
        break;
      default:
        if (((guchar) *p >= 0x20 && *p != 0x7f) || *p == '\t')
          g_string_append_c (out, *p);
        break;
      }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Appends @line (valid UTF-8) as a content line: folded into physical
 * lines of at most 75 octets, each continuation starting with a space
 * that counts towards those 75, and cut only between characters. */
static void
append_line (GString    *out,
             const char *line)
{
  gsize len = strlen (line);
  gsize start = 0;
  gsize room = LINE_MAX_OCTETS;

  while (len - start > room)
    {
      gsize cut = start + room;

      /* Back up to the first octet of the character at the cut. */
      while ((line[cut] & 0xc0) == 0x80)
        cut--;
      g_string_append_len (out, line + start, cut - start);
      g_string_append (out, "\r\n ");
      start = cut;
      room = LINE_MAX_OCTETS - 1;
    }
  g_string_append (out, line + start);
  g_string_append (out, "\r\n");
}

static void
append_property (GString    *out,
                 const char *name,
                 const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  append_line (out, line);
}

static void
append_text_property (GString    *out,
                      const char *name,
                      const char *text)
{
  g_autofree char *escaped = bk_ics_escape_text (text);

  append_property (out, name, escaped);
}

/* RFC 5545 DATE-TIME in UTC: 20261125T143000Z. */
static char *
utc_stamp (GDateTime *when)
{
  g_autoptr (GDateTime) utc = g_date_time_to_utc (when);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static char *
summary_for (const BkConversation *c)
{
  const char *kind = bk_conversation_kind_label (c->kind);

  if (kind == NULL)
    kind = c->kind;
  if (bk_form_is_blank (c->child_name))
    return g_strdup (kind);
  /* Translators: the title of a conversation in the staff calendar: the
   * kind of conversation and the child's name, "Mid-term conversation:
   * Zoë de Vries" */
  return g_strdup_printf (C_("calendar event", "%s: %s"), kind, c->child_name);
}

/* Purpose, agenda and participants, one to a line; NULL when all are
 * blank. Nothing else of the conversation: see the comment on top. */
static char *
description_for (const BkConversation *c)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  if (!bk_form_is_blank (c->purpose))
    g_ptr_array_add (lines, g_strdup_printf (_("Purpose: %s"), c->purpose));
  if (!bk_form_is_blank (c->agenda))
    g_ptr_array_add (lines, g_strdup_printf (_("Agenda: %s"), c->agenda));
  if (!bk_form_is_blank (c->participants))
    g_ptr_array_add (lines, g_strdup_printf (_("Participants: %s"), c->participants));
  if (lines->len == 0)
    return NULL;
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static void
append_event (GString              *out,
              const BkConversation *c,
              GDateTime            *start,
              const char           *stamp)
{
  g_autofree char *uid = g_strdup_printf ("conversation-%" G_GINT64_FORMAT "@betrokken.nl", c->id);
  g_autofree char *dtstart = utc_stamp (start);
  g_autofree char *summary = summary_for (c);
  g_autofree char *description = description_for (c);

  append_line (out, "BEGIN:VEVENT");
  append_property (out, "UID", uid);
  append_property (out, "DTSTAMP", stamp);
  append_property (out, "DTSTART", dtstart);
  /* A home visit takes travel and a longer talk at the kitchen table. */
  append_property (out, "DURATION", g_strcmp0 (c->kind, "home-visit") == 0 ? "PT1H" : "PT45M");
  append_text_property (out, "SUMMARY", summary);
  if (description != NULL)
    append_text_property (out, "DESCRIPTION", description);
  append_property (out, "STATUS", "CONFIRMED");
  append_line (out, "END:VEVENT");
}

/**
 * bk_ics_planned_conversations:
 * @now: the moment of the export; conversations from the start of its
 *   day on are in the file
 *
 * The conversations planned from today on as an iCalendar (RFC 5545)
 * calendar, the soonest first. With none planned it is a calendar without
 * events.
 *
 * Returns: (transfer full) (nullable): the calendar text, or %NULL with
 *   @error set when the conversations could not be read
 */
char *
bk_ics_planned_conversations (BkStore    *store,
                              GDateTime  *now,
                              GError    **error)
{
  g_autoptr (GPtrArray) planned = NULL;
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GString) out = NULL;
  g_autofree char *stamp = NULL;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  planned = bk_conversation_load_planned (store, now, error);
  if (planned == NULL)
    return NULL;

  out = g_string_new (NULL);
  stamp = utc_stamp (now);
  append_line (out, "BEGIN:VCALENDAR");
  append_line (out, "VERSION:2.0");
  append_line (out, "PRODID:-//Betrokken//Betrokken//NL");
  append_line (out, "CALSCALE:GREGORIAN");
  append_line (out, "METHOD:PUBLISH");
  append_text_property (out, "X-WR-CALNAME", _("Parent conversations"));
  for (guint i = 0; i < planned->len; i++)
    {
      const BkConversation *c = planned->pdata[i];
      g_autoptr (GDateTime) start = NULL;

      if (c->planned_at != NULL)
        start = g_date_time_new_from_iso8601 (c->planned_at, utc);
      if (start == NULL)
        {
          g_debug ("Conversation %" G_GINT64_FORMAT " has no planned moment; left out", c->id);
          continue;
        }
      append_event (out, c, start, stamp);
    }
  append_line (out, "END:VCALENDAR");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * bk_ics_write_planned:
 *
 * Writes bk_ics_planned_conversations() to @path, through "@path.partial"
 * in the same folder and a rename, so a failed write never leaves half a
 * calendar where one is expected. Errors are in G_FILE_ERROR, or
 * BK_STORE_ERROR when the conversations could not be read.
 */
gboolean
bk_ics_write_planned (BkStore     *store,
                      GDateTime   *now,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *shown = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  text = bk_ics_planned_conversations (store, now, error);
  if (text == NULL)
    return FALSE;

  partial = g_strconcat (path, ".partial", NULL);
  shown = g_filename_display_name (path);
  if (!g_file_set_contents_full (partial, text, -1, G_FILE_SET_CONTENTS_DURABLE, 0666, &local))
    {
      g_remove (partial);
      g_set_error (error, G_FILE_ERROR, local->code, _("Could not write %s: %s"), shown, local->message);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_remove (partial);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
