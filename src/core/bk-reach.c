/* bk-reach.c
 * Who is not reached: parents without a two-way contact for some weeks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only families that are in care now count: parents of a child with an open
 * enrolment in a cycle that has not ended (a living group has no end). Each
 * parent counts on their own, so the second parent of a separated family
 * shows up when only the first is ever called. A one-way message (a
 * newsletter, an e-mail with no answer) is not reaching someone.
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
    "WITH active (parent_id) AS ("
    "  SELECT DISTINCT pc.parent_id FROM parent_children pc"
    "    JOIN children c ON c.id = pc.child_id AND c.deleted_at IS NULL"
    "    JOIN enrolments e ON e.child_id = pc.child_id AND e.ended_on IS NULL"
    "    JOIN cycles cy ON cy.id = e.cycle_id"
    "   WHERE cy.end_date IS NULL OR cy.end_date >= ?1),"
    " last (parent_id, at) AS ("
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
  GDate date;
  int rc;

  if (stmt == NULL)
    return NULL;
  bk_date_from_datetime (now, &date);
  today = bk_date_to_iso (&date);
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
