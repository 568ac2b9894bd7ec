/* bk-preparation.c
 * What a coach wants to know before a parent conversation, gathered.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A preparation page brings together what is known, so the coach walks in
 * with it instead of looking it up: the child's goal and steps, the latest
 * tip and top, open agreements, the last contacts with their tone, the
 * approach that suits each parent (from observations, Wolf 2006: left out
 * for interns), language and channel needs, and for separated parents
 * whether the other parent is informed. Each part is only there when it
 * has something to say. Nothing here is for parents: it may hold
 * observations.
 */
#define G_LOG_DOMAIN "bk-preparation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-contact.h"
#include "bk-conversation.h"
#include "bk-date.h"
#include "bk-goal.h"
#include "bk-observation.h"
#include "bk-parent.h"
#include "bk-preparation.h"
#include "bk-session.h"
#include "bk-store-private.h"

#define LAST_CONTACTS 3

static void
part_free (BkPreparationPart *part)
{
  g_free (part->heading);
  g_ptr_array_unref (part->lines);
  g_free (part);
}

void
bk_preparation_free (BkPreparation *preparation)
{
  if (preparation == NULL)
    return;
  g_free (preparation->child_name);
  g_clear_pointer (&preparation->parts, g_ptr_array_unref);
  g_free (preparation);
}

/* Adds @lines under @heading, unless there are none. Takes @lines. */
static void
add_part (BkPreparation *prep,
          const char    *heading,
          GPtrArray     *lines)
{
  BkPreparationPart *part;

  if (lines->len == 0)
    {
      g_ptr_array_unref (lines);
      return;
    }
  part = g_new0 (BkPreparationPart, 1);
  part->heading = g_strdup (heading);
  part->lines = lines;
  g_ptr_array_add (prep->parts, part);
}

static GPtrArray *
lines_new (void)
{
  return g_ptr_array_new_with_free_func (g_free);
}

static void
gather_goal (BkPreparation *prep,
             BkStore       *store)
{
  g_autoptr (BkGoal) goal = bk_goal_load_active (store, prep->child_id, NULL);
  GPtrArray *lines = lines_new ();

  if (goal != NULL && goal->text != NULL)
    {
      g_ptr_array_add (lines, g_strdup_printf (_("Goal: %s"), goal->text));
      for (guint i = 0; i < goal->steps->len; i++)
        {
          BkStep *step = g_ptr_array_index (goal->steps, i);
          g_autofree char *when = bk_date_format_user (step->reached_on);

          if (step->reached_on != NULL)
            g_ptr_array_add (lines, g_strdup_printf (_("✓ %s (%s)"), step->text, when));
          else
            g_ptr_array_add (lines, g_strdup_printf (_("○ %s"), step->text));
        }
    }
  add_part (prep, _("Learning Goal and Steps"), lines);

  if (goal != NULL)
    {
      g_autoptr (GPtrArray) entries = bk_session_load_for_child (store, prep->child_id, goal->cycle_id, NULL);
      GPtrArray *tip_top = lines_new ();

      for (guint i = 0; entries != NULL && i < entries->len; i++)
        {
          BkSessionEntry *e = g_ptr_array_index (entries, i);

          if (e->absent || (e->tip == NULL && e->top == NULL))
            continue;
          if (e->tip != NULL)
            g_ptr_array_add (tip_top, g_strdup_printf (_("Tip: %s"), e->tip));
          if (e->top != NULL)
            g_ptr_array_add (tip_top, g_strdup_printf (_("Top: %s"), e->top));
          break;
        }
      add_part (prep, _("Latest Tip and Top"), tip_top);
    }
}

static void
gather_agreements (BkPreparation *prep,
                   BkStore       *store)
{
  g_autoptr (GPtrArray) conversations = bk_conversation_load_for_child (store, prep->child_id, NULL);
  GPtrArray *lines = lines_new ();

  for (guint i = 0; conversations != NULL && i < conversations->len; i++)
    {
      BkConversation *c = g_ptr_array_index (conversations, i);

      for (guint j = 0; c->agreements != NULL && j < c->agreements->len; j++)
        {
          BkAgreement *a = g_ptr_array_index (c->agreements, j);
          g_autofree char *due = bk_date_format_user (a->due_on);

          if (a->done_on == NULL)
            /* Translators: an open agreement: "Moeder belt de juf — Sandra, by 1-12-2026" */
            g_ptr_array_add (lines, g_strdup_printf (_("%s — %s, by %s"), a->text, a->owner, due));
        }
    }
  add_part (prep, _("Open Agreements"), lines);
}

/* For each parent: the last contacts, language and channel, approach. */
static void
gather_parents (BkPreparation *prep,
                BkStore       *store,
                gboolean       with_observations,
                GDateTime     *now)
{
  g_autoptr (GListStore) parents = bk_parent_load_for_child (store, prep->child_id, NULL);
  guint n = parents ? g_list_model_get_n_items (G_LIST_MODEL (parents)) : 0;
  GPtrArray *contacts = lines_new ();
  GPtrArray *needs = lines_new ();
  GPtrArray *approach = lines_new ();
  GPtrArray *informed = lines_new ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (BkParent) parent = g_list_model_get_item (G_LIST_MODEL (parents), i);
      const char *name = bk_parent_get_display_name (parent);
      g_autoptr (GListStore) logged = bk_contact_load_for_parent (store, bk_parent_get_id (parent),
                                                                  LAST_CONTACTS, NULL);
      guint n_logged = logged ? g_list_model_get_n_items (G_LIST_MODEL (logged)) : 0;
      g_autoptr (GString) need = g_string_new (NULL);

      for (guint j = 0; j < n_logged; j++)
        {
          g_autoptr (BkContact) contact = g_list_model_get_item (G_LIST_MODEL (logged), j);

          /* Translators: "Sandra de Vries: Phone call, positive (12-11-2026 10:15)" */
          g_ptr_array_add (contacts, g_strdup_printf (_("%s: %s (%s)"), name, bk_contact_get_title (contact),
                                                      bk_contact_get_subtitle (contact)));
        }
      if (n_logged == 0)
        g_ptr_array_add (contacts, g_strdup_printf (_("%s: no contact logged yet"), name));

      if (bk_parent_get_dutch_level (parent) != NULL)
        g_string_append (need, bk_parent_dutch_level_label (bk_parent_get_dutch_level (parent)));
      if (bk_parent_get_language (parent) != NULL)
        g_string_append_printf (need, "%s%s", need->len ? ", " : "", bk_parent_get_language (parent));
      if (bk_parent_get_channel (parent) != NULL)
        g_string_append_printf (need, "%s%s", need->len ? ", " : "",
                                bk_parent_channel_label (bk_parent_get_channel (parent)));
      if (bk_parent_get_availability (parent) != NULL)
        g_string_append_printf (need, "%s%s", need->len ? ", " : "", bk_parent_get_availability (parent));
      if (need->len > 0)
        g_ptr_array_add (needs, g_strdup_printf ("%s: %s", name, need->str));

      if (with_observations)
        {
          g_autoptr (GListStore) seen = bk_observation_load_for_parent (store, bk_parent_get_id (parent),
                                                                        now, FALSE, NULL);
          g_autoptr (GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);

          for (guint j = 0; seen != NULL && j < g_list_model_get_n_items (G_LIST_MODEL (seen)); j++)
            {
              g_autoptr (BkObservation) o = g_list_model_get_item (G_LIST_MODEL (seen), j);
              const char *type = bk_observation_get_type_name (o);

              if (!g_hash_table_add (types, (gpointer) type))
                continue;
              /* Translators: "Sandra de Vries (avoiding): Make the first contact small..." */
              g_ptr_array_add (approach, g_strdup_printf (_("%s (%s): %s"), name, bk_observation_type_label (type),
                                                          bk_observation_type_advice (type)));
            }
        }
    }
  /* Separated parents: both are told, each on their own. */
  {
    g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
      "SELECT f.separated FROM children c JOIN families f ON f.id = c.family_id WHERE c.id = ?1", NULL);

    if (stmt != NULL)
      {
        sqlite3_bind_int64 (stmt, 1, prep->child_id);
        if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1)
          g_ptr_array_add (informed, g_strdup (n > 1
            ? _("The parents are separated. Is the other parent invited too, or told what was agreed?")
            : _("The parents are separated and only one is known here. Ask about the other parent.")));
      }
  }
  add_part (prep, _("Last Contacts"), contacts);
  add_part (prep, _("Language and Channel"), needs);
  add_part (prep, _("Approach"), approach);
  add_part (prep, _("Separated Parents"), informed);
}

/**
 * bk_preparation_gather:
 * @with_observations: %FALSE for an intern: no approach from observations
 *
 * Returns: (transfer full): the preparation for a conversation about
 *   @child_id, or %NULL with BK_STORE_ERROR_NOT_FOUND
 */
BkPreparation *
bk_preparation_gather (BkStore    *store,
                       gint64      child_id,
                       gboolean    with_observations,
                       GDateTime  *now,
                       GError    **error)
{
  g_autoptr (BkPreparation) prep = g_new0 (BkPreparation, 1);
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT trim (given_name || ' ' || family_name) FROM children WHERE id = ?1 AND deleted_at IS NULL", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND, _("This child no longer exists."));
      return NULL;
    }
  prep->child_id = child_id;
  prep->child_name = bk_column_dup (stmt, 0);
  prep->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  bk_stmt_reset (stmt);
  gather_goal (prep, store);
  gather_agreements (prep, store);
  gather_parents (prep, store, with_observations, now);
  return g_steal_pointer (&prep);
}

/**
 * bk_preparation_attitude:
 *
 * Returns: the attitude reminders of conversation craft, short, translated
 */
const char * const *
bk_preparation_attitude (void)
{
  static const char *translated[7];

  if (translated[0] == NULL)
    {
      translated[0] = _("Be genuine: say what you see and what you mean.");
      translated[1] = _("Respect: the parent knows their child best.");
      translated[2] = _("Listen, summarise, then ask further.");
      translated[3] = _("Be open about what you write down and why.");
      translated[4] = _("The parent is an equal partner: decide together.");
      translated[5] = _("Start with something that went well.");
    }
  return translated;
}
