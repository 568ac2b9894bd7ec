/* bk-timeline.c
 * One child's history, newest first: sessions, steps reached, goals,
 * reports, handles for home and contacts with the parents.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A teacher who follows twenty children opens one and scrolls back through
 * everything that happened to it, in every cycle it was in. The whole
 * history is one query: each kind of moment is a branch of a UNION ALL
 * with the same columns, so a child with hundreds of moments loads in one
 * pass. Moments of one day keep a fixed order: by kind (sessions first),
 * then the newest row first, and the end of a goal or placement above its
 * beginning. Contacts count when they name the child or were with
 * one of its parents; a contact whose every parent is deleted is hidden
 * with them.
 */
#define G_LOG_DOMAIN "bk-timeline"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-contact.h"
#include "bk-store-private.h"
#include "bk-timeline.h"

/* The report body shown in the timeline is cut to about this many characters. */
#define EXCERPT_CHARS 200

/* Every branch gives the same columns:
 *   0 kind (a BkTimelineKind bit)   1 row id   2 day
 *   3 seq: 1 for the closing of a goal or placement, else 0
 *   4 variant: absent flag, goal status, handle kind, enrolment outcome, tone
 *   5 number: session or report number; 1 when a handle is shared
 *   6 name: the cycle's name
 *   7..10 texts: their meaning depends on the kind
 * ?1 is the child, ?2 the kinds wanted. */
static const char timeline_sql[] =
  "SELECT 1, e.id, e.held_on, 0, e.absent, e.session_no, c.name, s.text, e.how_worked, e.tip, e.top"
  "  FROM session_entries e JOIN cycles c ON c.id = e.cycle_id"
  "  LEFT JOIN goal_steps s ON s.id = e.step_id"
  " WHERE (?2 & 1) <> 0 AND e.child_id = ?1"
  " UNION ALL "
  "SELECT 2, s.id, s.reached_on, 0, NULL, s.position, NULL, s.text, NULL, NULL, NULL"
  "  FROM goals g JOIN goal_steps s ON s.goal_id = g.id"
  " WHERE (?2 & 2) <> 0 AND g.child_id = ?1 AND s.reached_on IS NOT NULL"
  " UNION ALL "
  "SELECT 4, g.id, g.created_on, 0, NULL, 0, NULL, g.text, NULL, NULL, NULL"
  "  FROM goals g WHERE (?2 & 4) <> 0 AND g.child_id = ?1"
  " UNION ALL "
  "SELECT 4, g.id, g.closed_on, 1, g.status, 0, NULL, g.text, g.outcome_note, NULL, NULL"
  "  FROM goals g WHERE (?2 & 4) <> 0 AND g.child_id = ?1 AND g.closed_on IS NOT NULL"
  " UNION ALL "
  "SELECT 8, r.id, r.written_on, 0, r.status, r.number, NULL, r.body, NULL, NULL, NULL"
  "  FROM reports r WHERE (?2 & 8) <> 0 AND r.child_id = ?1"
  " UNION ALL "
  "SELECT 16, h.id, h.created_on, 0, h.kind, h.shared_on IS NOT NULL, NULL, h.text, NULL, NULL, NULL"
  "  FROM home_handles h WHERE (?2 & 16) <> 0 AND h.child_id = ?1"
  " UNION ALL "
  "SELECT 32, k.id, coalesce (date (k.occurred_at, 'localtime'), substr (k.occurred_at, 1, 10)),"
  "       0, k.tone, 0, k.kind, k.note, NULL, NULL, NULL"
  "  FROM contacts k"
  " WHERE (?2 & 32) <> 0"
  "   AND k.id IN (SELECT id FROM contacts WHERE child_id = ?1"
  "                UNION SELECT cp.contact_id FROM parent_children pc"
  "                  JOIN parents p ON p.id = pc.parent_id AND p.deleted_at IS NULL"
  "                  JOIN contact_parents cp ON cp.parent_id = pc.parent_id"
  "                 WHERE pc.child_id = ?1)"
  "   AND (NOT EXISTS (SELECT 1 FROM contact_parents x WHERE x.contact_id = k.id)"
  "        OR EXISTS (SELECT 1 FROM contact_parents x JOIN parents p ON p.id = x.parent_id"
  "                   WHERE x.contact_id = k.id AND p.deleted_at IS NULL))"
  " UNION ALL "
  "SELECT 64, n.id, n.started_on, 0, NULL, 0, c.name, NULL, NULL, NULL, NULL"
  "  FROM enrolments n JOIN cycles c ON c.id = n.cycle_id"
  " WHERE (?2 & 64) <> 0 AND n.child_id = ?1"
  " UNION ALL "
  "SELECT 64, n.id, n.ended_on, 1, n.outcome, 0, c.name, NULL, NULL, NULL, NULL"
  "  FROM enrolments n JOIN cycles c ON c.id = n.cycle_id"
  " WHERE (?2 & 64) <> 0 AND n.child_id = ?1 AND n.ended_on IS NOT NULL"
  " ORDER BY 3 DESC, 1, 2 DESC, 4 DESC";

void
bk_timeline_item_free (BkTimelineItem *item)
{
  if (item == NULL)
    return;
  g_free (item->day);
  g_free (item->title);
  g_free (item->detail);
  g_free (item->icon_name);
  g_free (item);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* @text without the white space around it, or NULL when it is blank. */
static char *
stripped (const char *text)
{
  char *clean;

  if (text == NULL)
    return NULL;
  clean = g_strstrip (g_strdup (text));
  if (*clean == '\0')
    g_clear_pointer (&clean, g_free);
  return clean;
}

/* Appends @text as a line of its own, unless it is blank. */
static void
append_line (GString    *lines,
             const char *text)
{
  g_autofree char *clean = stripped (text);

  if (clean == NULL)
    return;
  if (lines->len > 0)
    g_string_append_c (lines, '\n');
  g_string_append (lines, clean);
}

static char *
lines_free (GString *lines)
{
  if (lines->len == 0)
    {
      g_string_free (lines, TRUE);
      return NULL;
    }
  return g_string_free (lines, FALSE);
}

/* The start of @body on one line: whitespace runs become one space, and
 * past EXCERPT_CHARS characters it is cut after a whole word, with "…". */
static char *
excerpt (const char *body)
{
  g_autoptr (GString) flat = g_string_new (NULL);
  g_autofree char *valid = NULL;
  const char *p;
  const char *limit;
  const char *cut;

  if (body == NULL)
    return NULL;
  valid = g_utf8_make_valid (body, -1);
  for (p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          if (flat->len > 0 && flat->str[flat->len - 1] != ' ')
            g_string_append_c (flat, ' ');
        }
      else
        g_string_append_unichar (flat, c);
    }
  while (flat->len > 0 && flat->str[flat->len - 1] == ' ')
    g_string_truncate (flat, flat->len - 1);
  if (flat->len == 0)
    return NULL;
  if (g_utf8_strlen (flat->str, -1) <= EXCERPT_CHARS)
    return g_string_free (g_steal_pointer (&flat), FALSE);

  /* Cut before the character past the limit, or after the last whole
   * word before it when that keeps more than half. */
  limit = g_utf8_offset_to_pointer (flat->str, EXCERPT_CHARS);
  cut = limit;
  if (*limit != ' ')
    {
      const char *space = NULL;

      for (p = flat->str; p < limit; p++)
        if (*p == ' ')
          space = p;
      if (space != NULL && g_utf8_pointer_to_offset (flat->str, space) > EXCERPT_CHARS / 2)
        cut = space;
    }
  /* No dangling comma or colon before the ellipsis. */
  while (cut > flat->str && strchr (" ,;:", cut[-1]) != NULL)
    cut--;
  g_string_truncate (flat, cut - flat->str);
  g_string_append (flat, "…");
  return g_string_free (g_steal_pointer (&flat), FALSE);
}

static void
fill_session (BkTimelineItem *item,
              sqlite3_stmt   *stmt)
{
  int number = sqlite3_column_int (stmt, 5);
  const char *cycle = column_text (stmt, 6);
  g_autofree char *step = stripped (column_text (stmt, 7));
  g_autofree char *tip = stripped (column_text (stmt, 9));
  g_autofree char *top = stripped (column_text (stmt, 10));
  GString *lines;

  if (sqlite3_column_int (stmt, 4) != 0)
    {
      /* Translators: a session the child missed; %d is its number, %s the
       * cycle's name */
      item->title = g_strdup_printf (_("Session %d: absent · %s"), number, cycle);
      return;
    }
  /* Translators: %d is the session's number, %s the cycle's name */
  item->title = g_strdup_printf (_("Session %d · %s"), number, cycle);
  lines = g_string_new (NULL);
  if (step != NULL)
    {
      /* Translators: the step of the learning goal worked on in a session */
      g_autofree char *line = g_strdup_printf (_("Step: %s"), step);
      append_line (lines, line);
    }
  append_line (lines, column_text (stmt, 8));
  if (tip != NULL)
    {
      /* Translators: the tip the child got in a session */
      g_autofree char *line = g_strdup_printf (_("Tip: %s"), tip);
      append_line (lines, line);
    }
  if (top != NULL)
    {
      /* Translators: the top (what went well) the child got in a session */
      g_autofree char *line = g_strdup_printf (_("Top: %s"), top);
      append_line (lines, line);
    }
  item->detail = lines_free (lines);
}

static const char *
goal_closed_title (const char *status)
{
  if (g_strcmp0 (status, "reached") == 0)
    return _("Learning goal reached");
  if (g_strcmp0 (status, "partly-reached") == 0)
    return _("Learning goal partly reached");
  if (g_strcmp0 (status, "not-reached") == 0)
    return _("Learning goal not reached");
  if (g_strcmp0 (status, "stopped") == 0)
    return _("Learning goal stopped");
  return _("Learning goal closed");
}

static void
fill_goal (BkTimelineItem *item,
           sqlite3_stmt   *stmt)
{
  GString *lines = g_string_new (NULL);

  if (sqlite3_column_int (stmt, 3) == 0)
    item->title = g_strdup (_("Learning goal set"));
  else
    item->title = g_strdup (goal_closed_title (column_text (stmt, 4)));
  append_line (lines, column_text (stmt, 7));
  append_line (lines, column_text (stmt, 8));
  item->detail = lines_free (lines);
}

static void
fill_report (BkTimelineItem *item,
             sqlite3_stmt   *stmt)
{
  int number = sqlite3_column_int (stmt, 5);

  if (g_strcmp0 (column_text (stmt, 4), "final") == 0)
    /* Translators: %d is 1, 2 or 3: the development report's number in its cycle */
    item->title = g_strdup_printf (_("Development report %d"), number);
  else
    /* Translators: %d is 1, 2 or 3: the development report's number in its cycle */
    item->title = g_strdup_printf (_("Development report %d (draft)"), number);
  item->detail = excerpt (column_text (stmt, 7));
}

static void
fill_handle (BkTimelineItem *item,
             sqlite3_stmt   *stmt)
{
  gboolean assignment = g_strcmp0 (column_text (stmt, 4), "assignment") == 0;
  gboolean shared = sqlite3_column_int (stmt, 5) != 0;

  if (assignment)
    item->title = g_strdup (shared ? _("Home assignment · shared with the parents")
                                   : _("Home assignment"));
  else
    item->title = g_strdup (shared ? _("What works at home · shared with the parents")
                                   : _("What works at home"));
  item->detail = g_strdup (column_text (stmt, 7));
}

static void
fill_contact (BkTimelineItem *item,
              sqlite3_stmt   *stmt)
{
  const char *tone = column_text (stmt, 4);
  const char *kind = column_text (stmt, 6);
  const char *label = bk_contact_kind_label (kind);

  if (label == NULL)
    label = kind != NULL ? kind : "";
  if (g_strcmp0 (tone, "positive") == 0)
    /* Translators: %s is a kind of contact, "Phone call"; it went well */
    item->title = g_strdup_printf (_("%s · positive"), label);
  else if (g_strcmp0 (tone, "concern") == 0)
    /* Translators: %s is a kind of contact, "Phone call"; there was a worry */
    item->title = g_strdup_printf (_("%s · concern"), label);
  else
    item->title = g_strdup (label);
  item->detail = g_strdup (column_text (stmt, 7));
}

static void
fill_group (BkTimelineItem *item,
            sqlite3_stmt   *stmt)
{
  const char *outcome = column_text (stmt, 4);
  const char *cycle = column_text (stmt, 6);

  if (sqlite3_column_int (stmt, 3) == 0)
    /* Translators: the child started in a group or cycle; %s is its name */
    item->title = g_strdup_printf (_("In group %s"), cycle);
  else if (g_strcmp0 (outcome, "completed") == 0)
    /* Translators: %s is the name of a cycle or living group */
    item->title = g_strdup_printf (_("Completed %s"), cycle);
  else if (g_strcmp0 (outcome, "moved") == 0)
    /* Translators: moved to another group; %s is the one left */
    item->title = g_strdup_printf (_("Moved from %s"), cycle);
  else if (g_strcmp0 (outcome, "repeating") == 0)
    /* Translators: left the cycle to do it again; %s is its name */
    item->title = g_strdup_printf (_("Repeats the cycle %s"), cycle);
  else if (g_strcmp0 (outcome, "left") == 0)
    /* Translators: %s is the name of a cycle or living group */
    item->title = g_strdup_printf (_("Left %s"), cycle);
  else
    /* Translators: the placement ended without an outcome; %s is its name */
    item->title = g_strdup_printf (_("No longer in %s"), cycle);
}

static BkTimelineItem *
item_from_row (sqlite3_stmt *stmt)
{
  BkTimelineItem *item = g_new0 (BkTimelineItem, 1);

  item->kind = sqlite3_column_int (stmt, 0);
  item->row_id = sqlite3_column_int64 (stmt, 1);
  item->day = bk_column_dup (stmt, 2);
  switch (item->kind)
    {
    case BK_TIMELINE_SESSION:
      fill_session (item, stmt);
      item->icon_name = g_strdup ("x-office-calendar-symbolic");
      break;
    case BK_TIMELINE_STEP:
      item->title = g_strdup (_("Step reached"));
      item->detail = bk_column_dup (stmt, 7);
      item->icon_name = g_strdup ("emblem-ok-symbolic");
      break;
    case BK_TIMELINE_GOAL:
      fill_goal (item, stmt);
      item->icon_name = g_strdup ("find-location-symbolic");
      break;
    case BK_TIMELINE_REPORT:
      fill_report (item, stmt);
      item->icon_name = g_strdup ("text-x-generic-symbolic");
      break;
    case BK_TIMELINE_HANDLE:
      fill_handle (item, stmt);
      item->icon_name = g_strdup ("user-home-symbolic");
      break;
    case BK_TIMELINE_CONTACT:
      fill_contact (item, stmt);
      item->icon_name = g_strdup ("mail-send-receive-symbolic");
      break;
    case BK_TIMELINE_GROUP:
      fill_group (item, stmt);
      item->icon_name = g_strdup ("system-users-symbolic");
      break;
    case BK_TIMELINE_ALL:
    default:
      g_assert_not_reached ();
    }
  return item;
}

/**
 * bk_timeline_load:
 * @child_id: the child; an unknown one has no history
 * @kinds: the BkTimelineKind bits wanted, or %BK_TIMELINE_ALL
 *
 * Returns: (transfer full) (element-type BkTimelineItem): the child's
 *   moments in all its cycles, the newest day first; %NULL with @error
 *   when the database could not be read
 */
GPtrArray *
bk_timeline_load (BkStore  *store,
                  gint64    child_id,
                  guint     kinds,
                  GError  **error)
{
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (BK_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stmt = bk_store_prepare (store, timeline_sql, error);
  if (stmt == NULL)
    return NULL;
  items = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_timeline_item_free);
  sqlite3_bind_int64 (stmt, 1, child_id);
  sqlite3_bind_int64 (stmt, 2, kinds & BK_TIMELINE_ALL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the child’s history"));
      return NULL;
    }
  return g_steal_pointer (&items);
}
