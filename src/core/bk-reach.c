/* bk-reach.c
 * Who is not reached: parents without a two-way contact for some weeks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only families that are in care now count: parents of a child with an open
 * enrolment in a cycle that has not ended (a living group has no end). Each
 * parent counts on their own, so the second parent of a separated family
 * shows up when only the first is ever called. A one-way message (a
 * newsletter, an e-mail with no answer) is not reaching someone.
 *
 * Three more lists answer the studies' other questions: families where
 * only one of two (or more) parents is ever reached (mostly the mother),
 * parents who were invited to events and never came, and, per family, how
 * many contacts were positive and how many about a concern, worst first.
 */
#define G_LOG_DOMAIN "bk-reach"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-reach.h"
#include "bk-store-private.h"

struct _BkReach
{
  GObject  parent_instance;
  gint64   parent_id;
  char    *display_name;
  char    *subtitle;
  char    *last_two_way;   /* stored moment, or NULL: never */
  int      weeks;          /* since the last two-way contact; -1: never */
};

G_DEFINE_TYPE (BkReach, bk_reach, G_TYPE_OBJECT)

enum { PROP_0, PROP_DISPLAY_NAME, PROP_SUBTITLE, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
bk_reach_finalize (GObject *object)
{
  BkReach *self = BK_REACH (object);

  g_free (self->display_name);
  g_free (self->subtitle);
  g_free (self->last_two_way);
  G_OBJECT_CLASS (bk_reach_parent_class)->finalize (object);
}

static void
bk_reach_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  BkReach *self = BK_REACH (object);

  switch (prop_id)
    {
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_reach_class_init (BkReachClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bk_reach_finalize;
  object_class->get_property = bk_reach_get_property;
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] = g_param_spec_string ("subtitle", NULL, NULL, NULL,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
bk_reach_init (BkReach *self)
{
}

gint64 bk_reach_get_parent_id (BkReach *self) { return self->parent_id; }
const char *bk_reach_get_display_name (BkReach *self) { return self->display_name; }
const char *bk_reach_get_last_two_way (BkReach *self) { return self->last_two_way; }
int bk_reach_get_weeks (BkReach *self) { return self->weeks; }

/* The parents in care now: of a child with an open enrolment in a cycle
 * that has not ended (a living group has no end). ?1 is today. */
/* From the cycles still running (a few) to their children and parents:
 * in that order (CROSS JOIN), not through every parent. */
#define ACTIVE_PARENTS \
  "active (parent_id) AS (" \
  "  SELECT DISTINCT pc.parent_id FROM cycles cy" \
  "    CROSS JOIN enrolments e ON e.cycle_id = cy.id AND e.ended_on IS NULL" \
  "    CROSS JOIN parent_children pc ON pc.child_id = e.child_id" \
  "    JOIN children c ON c.id = pc.child_id AND c.deleted_at IS NULL" \
  "   WHERE cy.end_date IS NULL OR cy.end_date >= ?1)"

/**
 * bk_reach_new:
 * @subtitle: (transfer full): the line under the name
 *
 * An item for lists of people to reach (used by other modules too).
 */
BkReach *
bk_reach_new (gint64      parent_id,
              const char *name,
              char       *subtitle)
{
  BkReach *item = g_object_new (BK_TYPE_REACH, NULL);

  item->parent_id = parent_id;
  item->display_name = g_strdup (name);
  item->subtitle = subtitle;
  item->weeks = -1;
  return item;
}

/* Runs @sql (columns: parent id, name, then @describe's) with ?1 = today. */
static GListStore *
query_list (BkStore     *store,
            const char  *sql,
            GDateTime   *now,
            char      *(*describe) (sqlite3_stmt *stmt),
            GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  g_autofree char *today = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  today = bk_date_iso_from_datetime (now);
  bk_bind_text (stmt, 1, today);
  list = g_list_store_new (BK_TYPE_REACH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (BkReach) item = bk_reach_new (sqlite3_column_int64 (stmt, 0),
                                            (const char *) sqlite3_column_text (stmt, 1),
                                            describe (stmt));
      g_list_store_append (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the contacts"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

static char *
describe_one_parent (sqlite3_stmt *stmt)
{
  /* Translators: under the parent who is not reached: who in the family is */
  return g_strdup_printf (_("Only %s is reached"), (const char *) sqlite3_column_text (stmt, 2));
}

/**
 * bk_reach_one_parent_only:
 *
 * Returns: (transfer full) (element-type BkReach): per family in care with
 *   two or more parents of whom only one was ever reached both ways: the
 *   parent who was not (to call), with who was
 */
GListStore *
bk_reach_one_parent_only (BkStore    *store,
                          GDateTime  *now,
                          GError    **error)
{
  static const char sql[] =
    "WITH " ACTIVE_PARENTS ","
    " reached (parent_id, yes) AS ("
    "  SELECT a.parent_id, EXISTS (SELECT 1 FROM contact_parents cp JOIN contacts c ON c.id = cp.contact_id"
    "                               WHERE cp.parent_id = a.parent_id AND c.direction = 'two-way')"
    "    FROM active a),"
    " named (parent_id, family_id, name, yes) AS ("
    "  SELECT p.id, p.family_id,"
    "         p.given_name || CASE WHEN p.family_name <> '' THEN ' ' || p.family_name ELSE '' END, r.yes"
    "    FROM reached r JOIN parents p ON p.id = r.parent_id AND p.deleted_at IS NULL"
    "   WHERE p.family_id IS NOT NULL)"
    " SELECT n.parent_id, n.name, (SELECT y.name FROM named y WHERE y.family_id = n.family_id AND y.yes)"
    "   FROM named n"
    "  WHERE NOT n.yes"
    "    AND (SELECT count (*) FROM named y WHERE y.family_id = n.family_id AND y.yes) = 1"
    "  ORDER BY n.name COLLATE NOCASE";

  return query_list (store, sql, now, describe_one_parent, error);
}

static char *
describe_never_attends (sqlite3_stmt *stmt)
{
  int invited = sqlite3_column_int (stmt, 2);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Invited to %d event, came to none",
                                       "Invited to %d events, came to none", invited), invited);
}

/**
 * bk_reach_never_attend:
 *
 * Returns: (transfer full) (element-type BkReach): parents in care now who
 *   were expected at one or more events and came to none
 */
GListStore *
bk_reach_never_attend (BkStore    *store,
                       GDateTime  *now,
                       GError    **error)
{
  static const char sql[] =
    "WITH " ACTIVE_PARENTS
    " SELECT p.id, p.given_name || CASE WHEN p.family_name <> '' THEN ' ' || p.family_name ELSE '' END,"
    "        count (*)"
    "   FROM active a JOIN parents p ON p.id = a.parent_id AND p.deleted_at IS NULL"
    "   JOIN attendance at ON at.parent_id = p.id"
    "  GROUP BY p.id HAVING max (at.present) = 0"
    "  ORDER BY count (*) DESC, p.given_name COLLATE NOCASE";

  return query_list (store, sql, now, describe_never_attends, error);
}

static char *
describe_tone (sqlite3_stmt *stmt)
{
  int positive = sqlite3_column_int (stmt, 2);
  int concern = sqlite3_column_int (stmt, 3);
  g_autofree char *pos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d positive contact",
                                                       "%d positive contacts", positive), positive);

  /* Translators: "2 positive contacts, 5 about a concern" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %d about a concern",
                                       "%s, %d about a concern", concern), pos, concern);
}

/**
 * bk_reach_tone_balance:
 *
 * Returns: (transfer full) (element-type BkReach): per family in care now,
 *   its positive and concern contacts, the families with the fewest
 *   positive contacts per concern first; the item opens its first parent
 */
GListStore *
bk_reach_tone_balance (BkStore    *store,
                       GDateTime  *now,
                       GError    **error)
{
  static const char sql[] =
    "WITH " ACTIVE_PARENTS ","
    " tones (family_id, parent_id, tone, contact_id) AS ("
    "  SELECT DISTINCT p.family_id, p.id, c.tone, c.id FROM active a"
    "    JOIN parents p ON p.id = a.parent_id AND p.deleted_at IS NULL AND p.family_id IS NOT NULL"
    "    JOIN contact_parents cp ON cp.parent_id = p.id JOIN contacts c ON c.id = cp.contact_id)"
    " SELECT min (t.parent_id), f.name,"
    "        count (DISTINCT CASE WHEN t.tone = 'positive' THEN t.contact_id END) AS pos,"
    "        count (DISTINCT CASE WHEN t.tone = 'concern' THEN t.contact_id END) AS con"
    "   FROM tones t JOIN families f ON f.id = t.family_id"
    "  GROUP BY t.family_id"
    "  ORDER BY (pos + 1.0) / (con + 1.0), con DESC, f.name COLLATE NOCASE";

  return query_list (store, sql, now, describe_tone, error);
}

/**
 * bk_reach_not_reached:
 * @now: today
 * @weeks: a parent whose last two-way contact is older than this counts
 *
 * Returns: (transfer full) (element-type BkReach): the parents in care now
 *   not reached both ways for @weeks weeks; the never reached first, then
 *   the longest not reached
 */
GListStore *
bk_reach_not_reached (BkStore    *store,
                      GDateTime  *now,
                      guint       weeks,
                      GError    **error)
{
  static const char sql[] =
    "WITH " ACTIVE_PARENTS ","
    " last (parent_id, at) AS MATERIALIZED ("
    "  SELECT a.parent_id,"
    "         (SELECT max (c.occurred_at) FROM contact_parents cp"
    "            JOIN contacts c ON c.id = cp.contact_id"
    "           WHERE cp.parent_id = a.parent_id AND c.direction = 'two-way')"
    "    FROM active a)"
    " SELECT p.id, p.given_name || CASE WHEN p.family_name <> '' THEN ' ' || p.family_name ELSE '' END,"
    "        l.at"
    "   FROM last l JOIN parents p ON p.id = l.parent_id AND p.deleted_at IS NULL"
    "  WHERE l.at IS NULL OR l.at < ?2"
    "  ORDER BY l.at IS NOT NULL, l.at, p.given_name COLLATE NOCASE";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  g_autoptr (GListStore) list = NULL;
  g_autoptr (GDateTime) cutoff = g_date_time_add_weeks (now, -(int) weeks);
  g_autofree char *cutoff_stamp = bk_timestamp (cutoff);
  g_autofree char *today = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  today = bk_date_iso_from_datetime (now);
  bk_bind_text (stmt, 1, today);
  bk_bind_text (stmt, 2, cutoff_stamp);

  list = g_list_store_new (BK_TYPE_REACH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (BkReach) item = g_object_new (BK_TYPE_REACH, NULL);
      g_autoptr (GDateTime) last = NULL;

      item->parent_id = sqlite3_column_int64 (stmt, 0);
      item->display_name = bk_column_dup (stmt, 1);
      item->last_two_way = bk_column_dup (stmt, 2);
      last = item->last_two_way ? g_date_time_new_from_iso8601 (item->last_two_way, NULL) : NULL;
      item->weeks = last ? (int) (g_date_time_difference (now, last) / (7 * G_TIME_SPAN_DAY)) : -1;
      if (item->weeks < 0)
        item->subtitle = g_strdup (_("Never reached in a two-way contact"));
      else
        item->subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "Last two-way contact %d week ago",
                                                       "Last two-way contact %d weeks ago",
                                                       item->weeks),
                                          item->weeks);
      g_list_store_append (list, item);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the contacts"));
      return NULL;
    }
  return g_steal_pointer (&list);
}
