/* bk-conversation.c
 * Parent conversations: planned, prepared, held and followed up.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A conversation is planned for a day (and perhaps a time) and prepared
 * with a purpose, an agenda, questions and a positive opener; the
 * preparation proposes open questions, because the parent is an equal
 * partner with expertise on their own child: listen, summarise, ask
 * further. A planned conversation may lie in the past (it is overdue, not
 * wrong); one logged as held may not lie in the future, not even later
 * today. Times are typed in the time zone of "now" and stored in UTC; a
 * day without a time means noon, or now when a conversation held today has
 * no time and noon has not come yet. The next contact, if any, and every
 * agreement's due date lie on or after the conversation's day. An
 * agreement says who does what by when: with anything filled in it needs
 * all three; an entirely blank row is a row the form had spare, ignored.
 *
 * Saving writes the conversation, its participants (the parents, an
 * interpreter, the staff member) and its open agreements in one
 * transaction. On a change the open agreements are replaced by the form's
 * (an unchanged one keeps its row, so a reminder about it keeps its
 * state); done agreements stay as they were. A held conversation is
 * two-way contact with the parents who took part, so it also logs one
 * contact, which the reach lists count. The schema has no column that
 * links the two: the contact of a conversation is the contact with the
 * same child, moment (occurred_at = held_at, to the second) and kind
 * (phone, home-visit or conversation). Saving again updates that contact
 * rather than logging a second; un-holding the conversation (back to
 * planned) removes it.
 *
 * After a held conversation the staff member may score themselves on the
 * basic attitude (genuineness, respect, listening) and on listening-
 * summarising-asking further and transparency, 1 to 5 each; one self-check
 * per conversation, and a trend per staff member over time.
 */
#define G_LOG_DOMAIN "bk-conversation"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "bk-contact.h"
#include "bk-conversation.h"
#include "bk-date.h"
#include "bk-store-private.h"
#include "bk-write-private.h"

static const struct { const char *id; const char *label; } kind_labels[] = {
  { "intake", N_("Intake") },
  { "informal", N_("Informal talk") },
  { "mid-term", N_("Mid-term conversation") },
  { "phone", N_("Phone call") },
  { "home-visit", N_("Home visit") },
  { "closing", N_("Closing conversation") },
  { "after-care", N_("After-care call") },
};

static const char * const kind_ids[] = {
  "intake", "informal", "mid-term", "phone", "home-visit", "closing", "after-care", NULL
};

/* Open questions: they invite the parent's own knowledge of the child
 * instead of the "knowing stance"; "what works at home?" first. */
static const char * const open_questions[] = {
  N_("What works at home?"),
  N_("What does your child tell you about the sessions?"),
  N_("What would you like us to know about your child?"),
  N_("How would you like us to keep you informed?"),
  N_("What do you hope your child learns here?"),
};

const char *
bk_conversation_kind_label (const char *kind)
{
  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kind_labels); i++)
    if (g_str_equal (kind_labels[i].id, kind))
      return _(kind_labels[i].label);
  return NULL;
}

/**
 * bk_conversation_kinds:
 *
 * Returns: (transfer none) (array zero-terminated=1): the kinds as stored,
 *   in the order a form offers them
 */
const char * const *
bk_conversation_kinds (void)
{
  return kind_ids;
}

/**
 * bk_conversation_open_questions:
 *
 * Returns: (transfer none) (array zero-terminated=1): translated open
 *   questions the preparation proposes
 */
const char * const *
bk_conversation_open_questions (void)
{
  static const char *translated[G_N_ELEMENTS (open_questions) + 1];

  /* Filled on each call, so a change of language shows. */
  for (guint i = 0; i < G_N_ELEMENTS (open_questions); i++)
    translated[i] = _(open_questions[i]);
  translated[G_N_ELEMENTS (open_questions)] = NULL;
  return translated;
}

static void
agreement_free (BkAgreement *agreement)
{
  g_free (agreement->text);
  g_free (agreement->owner);
  g_free (agreement->due_on);
  g_free (agreement->done_on);
  g_free (agreement);
}

void
bk_conversation_free (BkConversation *conversation)
{
  if (conversation == NULL)
    return;
  g_free (conversation->kind);
  g_free (conversation->child_name);
  g_free (conversation->status);
  g_free (conversation->planned_at);
  g_free (conversation->held_at);
  g_free (conversation->purpose);
  g_free (conversation->agenda);
  g_free (conversation->questions);
  g_free (conversation->positive_opener);
  g_free (conversation->notes);
  g_free (conversation->next_contact_on);
  g_free (conversation->participants);
  g_free (conversation->staff_name);
  g_free (conversation->interpreter);
  g_clear_pointer (&conversation->parent_ids, g_array_unref);
  g_clear_pointer (&conversation->agreements, g_ptr_array_unref);
  g_free (conversation);
}

/* Validation --------------------------------------------------------------- */

/* "15:30" or "9:05": hours 0-23, two-digit minutes 0-59. */
static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  g_autofree char *t = g_strstrip (g_strdup (text));
  const char *colon = strchr (t, ':');
  gsize hour_len;

  if (colon == NULL)
    return FALSE;
  hour_len = colon - t;
  if (hour_len < 1 || hour_len > 2 || strlen (colon + 1) != 2)
    return FALSE;
  for (const char *p = t; *p != '\0'; p++)
    if (p != colon && !g_ascii_isdigit (*p))
      return FALSE;
  *hour = atoi (t);
  *minute = atoi (colon + 1);
  return *hour <= 23 && *minute <= 59;
}

static gboolean
agreement_is_blank (const BkAgreementDraft *a)
{
  return bk_form_is_blank (a->text) && bk_form_is_blank (a->owner) && bk_form_is_blank (a->due_on);
}

/* "agreement-2-owner": interned, since a BkFieldError keeps its field
 * without owning it. */
static const char *
agreement_field (guint       n,
                 const char *part)
{
  g_autofree char *key = g_strdup_printf ("agreement-%u-%s", n, part);
  return g_intern_string (key);
}

static void
check_agreement (GPtrArray              *errors,
                 const BkAgreementDraft *a,
                 guint                   n,
                 const GDate            *day)
{
  const char *due_field = agreement_field (n, "due");
  GDate due;

  if (bk_form_is_blank (a->text))
    bk_form_refuse (errors, agreement_field (n, "text"), g_strdup (_("What is agreed? Write it down.")));
  else
    bk_form_check_text (errors, agreement_field (n, "text"), a->text, BK_AGREEMENT_TEXT_MAX);
  if (bk_form_is_blank (a->owner))
    bk_form_refuse (errors, agreement_field (n, "owner"), g_strdup (_("Who does this? Write a name.")));
  else
    bk_form_check_text (errors, agreement_field (n, "owner"), a->owner, BK_CONVERSATION_NAME_MAX);
  if (bk_form_is_blank (a->due_on))
    bk_form_refuse (errors, due_field, g_strdup (_("By when? Write a date.")));
  else if (!bk_date_parse (a->due_on, &due))
    bk_form_refuse (errors, due_field, g_strdup (_("Write the date as day-month-year, for example 7-12-2026.")));
  else if (day != NULL && g_date_compare (&due, day) < 0)
    bk_form_refuse (errors, due_field,
                    g_strdup (_("This date lies before the conversation: an agreement is due on the day or after it.")));
}

/**
 * bk_conversation_validate:
 * @now: today and the time zone the day and time are typed in
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals for
 *   the fields "kind", "child", "day", "time", "parents", "purpose",
 *   "agenda", "questions", "opener", "notes", "interpreter",
 *   "next-contact" and "agreement-N-text", "agreement-N-owner",
 *   "agreement-N-due" (N counts the draft's agreements from 1)
 */
GPtrArray *
bk_conversation_validate (const BkConversationDraft *draft,
                          GDateTime                 *now)
{
  g_autoptr (GPtrArray) errors = bk_form_errors_new ();
  gboolean have_day = FALSE;
  int hour = -1, minute = -1;
  GDate day, today, next;

  if (bk_conversation_kind_label (draft->kind) == NULL)
    bk_form_refuse (errors, "kind", g_strdup (_("Choose what kind of conversation this is.")));
  if (draft->child_id <= 0)
    bk_form_refuse (errors, "child", g_strdup (_("Choose the child this conversation is about.")));

  bk_date_from_datetime (now, &today);
  if (bk_form_is_blank (draft->day))
    bk_form_refuse (errors, "day", g_strdup (_("Fill in the day of the conversation.")));
  else if (!bk_date_parse (draft->day, &day))
    bk_form_refuse (errors, "day", g_strdup (_("Write the day as day-month-year, for example 7-12-2026.")));
  else
    have_day = TRUE;
  if (!bk_form_is_blank (draft->time) && !parse_time (draft->time, &hour, &minute))
    bk_form_refuse (errors, "time", g_strdup (_("Write the time as hours:minutes, for example 15:30.")));

  /* Planned in the past is only overdue; held in the future is a mistake. */
  if (draft->held && have_day)
    {
      int now_minutes = g_date_time_get_hour (now) * 60 + g_date_time_get_minute (now);

      if (g_date_compare (&day, &today) > 0)
        bk_form_refuse (errors, "day",
                        g_strdup (_("A conversation in the future cannot have been held: plan it instead.")));
      else if (g_date_compare (&day, &today) == 0 && hour >= 0 && hour * 60 + minute > now_minutes)
        bk_form_refuse (errors, "time",
                        g_strdup (_("A conversation in the future cannot have been held: plan it instead.")));
    }
  /* The contact a held conversation logs counts for its parents. */
  if (draft->held && (draft->parent_ids == NULL || draft->parent_ids->len == 0))
    bk_form_refuse (errors, "parents", g_strdup (_("Choose the parents who took part.")));

  bk_form_check_text (errors, "purpose", draft->purpose, BK_CONVERSATION_PURPOSE_MAX);
  bk_form_check_text (errors, "agenda", draft->agenda, BK_CONVERSATION_TEXT_MAX);
  bk_form_check_text (errors, "questions", draft->questions, BK_CONVERSATION_TEXT_MAX);
  bk_form_check_text (errors, "opener", draft->positive_opener, BK_CONVERSATION_OPENER_MAX);
  bk_form_check_text (errors, "notes", draft->notes, BK_CONVERSATION_NOTES_MAX);
  bk_form_check_text (errors, "interpreter", draft->interpreter, BK_CONVERSATION_NAME_MAX);

  if (!bk_form_is_blank (draft->next_contact_on))
    {
      if (!bk_date_parse (draft->next_contact_on, &next))
        bk_form_refuse (errors, "next-contact",
                        g_strdup (_("Write the date as day-month-year, for example 7-12-2026.")));
      else if (have_day && g_date_compare (&next, &day) < 0)
        bk_form_refuse (errors, "next-contact",
                        g_strdup (_("The next contact cannot lie before this conversation.")));
    }

  for (guint i = 0; i < draft->n_agreements; i++)
    if (!agreement_is_blank (&draft->agreements[i]))
      check_agreement (errors, &draft->agreements[i], i + 1, have_day ? &day : NULL);

  return g_steal_pointer (&errors);
}

/* Saving ------------------------------------------------------------------- */

/* When it takes place, in the zone of @now; @draft is valid. */
static GDateTime *
conversation_moment (const BkConversationDraft *draft,
                     GDateTime                 *now)
{
  GTimeZone *zone = g_date_time_get_timezone (now);
  int hour = 12, minute = 0;
  GDateTime *moment;
  GDate day;

  bk_date_parse (draft->day, &day);
  if (!bk_form_is_blank (draft->time))
    parse_time (draft->time, &hour, &minute);
  moment = g_date_time_new (zone, g_date_get_year (&day), g_date_get_month (&day),
                            g_date_get_day (&day), hour, minute, 0);

  /* Held today without a time: noon may not have come yet. */
  if (draft->held && bk_form_is_blank (draft->time) && g_date_time_compare (moment, now) > 0)
    {
      g_date_time_unref (moment);
      moment = g_date_time_new (zone, g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                g_date_time_get_minute (now), 0);
    }
  return moment;
}

/* The contact kind a held conversation logs. */
static const char *
contact_kind_for (const char *kind)
{
  if (g_strcmp0 (kind, "phone") == 0 || g_strcmp0 (kind, "home-visit") == 0)
    return kind;
  return "conversation";
}

static gboolean
has_parent (GArray *ids,
            guint   before,
            gint64  id)
{
  for (guint i = 0; i < before; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Runs @sql, a write with the ids ?1 and, if it has one, ?2. */
static gboolean
run_with_ids (BkStore     *store,
              const char  *sql,
              gint64       a,
              gint64       b,
              GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int64 (stmt, 2, b);
  return bk_store_step_done (store, stmt, error);
}

/* Whether @sql with the ids ?1 and, if it has one, ?2 yields a row. */
static gboolean
row_exists (BkStore     *store,
            const char  *sql,
            gint64       a,
            gint64       b,
            gboolean    *found,
            GError     **error)
{
  gint64 value;

  if (!bk_store_query_int (store, sql, a, b, 0, 0, &value, error))
    return FALSE;
  *found = value != -1;
  return TRUE;
}

/* What a save changed, for the ::changed signals after the commit. */
typedef struct
{
  gint64   id;
  gint64   old_child_id;
  gboolean agreements_changed;
  gint64   contact_id;
} SaveResult;

/* The conversation as it was before this save. */
typedef struct
{
  char   *status;
  char   *held_at;
  char   *kind;
  gint64  child_id;
} OldRow;

static void
old_row_clear (OldRow *old)
{
  g_clear_pointer (&old->status, g_free);
  g_clear_pointer (&old->held_at, g_free);
  g_clear_pointer (&old->kind, g_free);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OldRow, old_row_clear)

static gboolean
read_old_row (BkStore  *store,
              gint64    id,
              OldRow   *old,
              GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT status, held_at, kind, child_id FROM conversations WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      old->status = bk_column_dup (stmt, 0);
      old->held_at = bk_column_dup (stmt, 1);
      old->kind = bk_column_dup (stmt, 2);
      old->child_id = sqlite3_column_int64 (stmt, 3);
      return TRUE;
    }
  if (rc == SQLITE_DONE)
    g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                         _("This conversation no longer exists."));
  else
    bk_store_set_error (store, error, _("Could not read the conversations"));
  return FALSE;
}

/* The child exists, and every parent is one of its parents. */
static gboolean
check_links (BkStore                   *store,
             const BkConversationDraft *draft,
             GError                   **error)
{
  guint n_parents = draft->parent_ids ? draft->parent_ids->len : 0;
  gboolean found;

  if (!row_exists (store, "SELECT 1 FROM children WHERE id = ?1 AND deleted_at IS NULL",
                   draft->child_id, 0, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This child no longer exists."));
      return FALSE;
    }
  for (guint i = 0; i < n_parents; i++)
    {
      if (!row_exists (store, "SELECT 1 FROM parent_children WHERE parent_id = ?1 AND child_id = ?2",
                       g_array_index (draft->parent_ids, gint64, i), draft->child_id, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                               _("One of the chosen parents is not a parent of this child."));
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
write_row (BkStore                   *store,
           const BkConversationDraft *draft,
           const char                *at,
           GDateTime                 *now,
           gint64                    *id,
           GError                   **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *purpose = bk_form_strip (draft->purpose);
  g_autofree char *agenda = bk_form_strip (draft->agenda);
  g_autofree char *questions = bk_form_strip (draft->questions);
  g_autofree char *opener = bk_form_strip (draft->positive_opener);
  g_autofree char *notes = bk_form_strip (draft->notes);
  g_autofree char *next_iso = NULL;
  g_autofree char *created = bk_timestamp (now);
  GDate next;

  if (bk_date_parse (draft->next_contact_on, &next))
    next_iso = bk_date_to_iso (&next);

  /* Held keeps the moment it was planned for, if it was. */
  if (draft->id == 0)
    stmt = bk_store_prepare (store,
      "INSERT INTO conversations (kind, child_id, staff_id, status, planned_at, held_at, purpose,"
      " agenda, questions, positive_opener, notes, next_contact_on, created_at)"
      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)", error);
  else
    stmt = bk_store_prepare (store,
      "UPDATE conversations SET kind = ?1, child_id = ?2, staff_id = ?3, status = ?4,"
      " planned_at = coalesce (?5, planned_at), held_at = ?6, purpose = ?7, agenda = ?8,"
      " questions = ?9, positive_opener = ?10, notes = ?11, next_contact_on = ?12"
      " WHERE id = ?13", error);
  if (stmt == NULL)
    return FALSE;
  bk_bind_text (stmt, 1, draft->kind);
  bk_bind_id (stmt, 2, draft->child_id);
  bk_bind_id (stmt, 3, draft->staff_id);
  bk_bind_text (stmt, 4, draft->held ? "held" : "planned");
  bk_bind_text (stmt, 5, draft->held ? NULL : at);
  bk_bind_text (stmt, 6, draft->held ? at : NULL);
  bk_bind_text (stmt, 7, purpose);
  bk_bind_text (stmt, 8, agenda);
  bk_bind_text (stmt, 9, questions);
  bk_bind_text (stmt, 10, opener);
  bk_bind_text (stmt, 11, notes);
  bk_bind_text (stmt, 12, next_iso);
  if (draft->id == 0)
    bk_bind_text (stmt, 13, created);
  else
    sqlite3_bind_int64 (stmt, 13, draft->id);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  *id = draft->id != 0 ? draft->id : sqlite3_last_insert_rowid (bk_store_get_db (store));
  return TRUE;
}

static gboolean
insert_participant (BkStore     *store,
                    gint64       conversation_id,
                    const char  *role,
                    gint64       parent_id,
                    gint64       staff_id,
                    const char  *name,
                    GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "INSERT INTO conversation_participants (conversation_id, role, parent_id, staff_id, name)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  bk_bind_text (stmt, 2, role);
  bk_bind_id (stmt, 3, parent_id);
  bk_bind_id (stmt, 4, staff_id);
  bk_bind_text (stmt, 5, name);
  return bk_store_step_done (store, stmt, error);
}

static gboolean
write_participants (BkStore                   *store,
                    const BkConversationDraft *draft,
                    gint64                     id,
                    GError                   **error)
{
  g_autofree char *interpreter = bk_form_strip (draft->interpreter);
  guint n_parents = draft->parent_ids ? draft->parent_ids->len : 0;

  if (!run_with_ids (store, "DELETE FROM conversation_participants WHERE conversation_id = ?1",
                     id, 0, error))
    return FALSE;
  for (guint i = 0; i < n_parents; i++)
    {
      gint64 parent_id = g_array_index (draft->parent_ids, gint64, i);

      if (!has_parent (draft->parent_ids, i, parent_id) &&
          !insert_participant (store, id, "parent", parent_id, 0, NULL, error))
        return FALSE;
    }
  if (interpreter != NULL && !insert_participant (store, id, "interpreter", 0, 0, interpreter, error))
    return FALSE;
  if (draft->staff_id != 0 && !insert_participant (store, id, "staff", 0, draft->staff_id, NULL, error))
    return FALSE;
  return TRUE;
}

/* An agreement as stored: trimmed, its date ISO. */
typedef struct
{
  char     *text;
  char     *owner;
  char     *due_on;
  gboolean  stored;   /* an identical open row exists already */
} AgreementRow;

static void
agreement_row_clear (gpointer data)
{
  AgreementRow *row = data;

  g_free (row->text);
  g_free (row->owner);
  g_free (row->due_on);
}

static GArray *
agreement_rows (const BkConversationDraft *draft)
{
  GArray *rows = g_array_new (FALSE, TRUE, sizeof (AgreementRow));

  g_array_set_clear_func (rows, agreement_row_clear);
  for (guint i = 0; i < draft->n_agreements; i++)
    {
      const BkAgreementDraft *a = &draft->agreements[i];
      AgreementRow row = { 0, };
      GDate due;

      if (agreement_is_blank (a))
        continue;
      bk_date_parse (a->due_on, &due);
      row.text = bk_form_strip (a->text);
      row.owner = bk_form_strip (a->owner);
      row.due_on = bk_date_to_iso (&due);
      g_array_append_val (rows, row);
    }
  return rows;
}

/* Marks the row identical to this stored one; FALSE when there is none. */
static gboolean
match_stored (GArray     *rows,
              const char *text,
              const char *owner,
              const char *due_on)
{
  for (guint i = 0; i < rows->len; i++)
    {
      AgreementRow *row = &g_array_index (rows, AgreementRow, i);

      if (!row->stored && g_strcmp0 (row->text, text) == 0 &&
          g_strcmp0 (row->owner, owner) == 0 && g_strcmp0 (row->due_on, due_on) == 0)
        {
          row->stored = TRUE;
          return TRUE;
        }
    }
  return FALSE;
}

/* The open agreements that are no longer in @rows; marks those that are. */
static gboolean
stale_agreements (BkStore  *store,
                  gint64    id,
                  GArray   *rows,
                  GArray   *stale,
                  GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT id, text, owner, due_on FROM agreements"
    " WHERE conversation_id = ?1 AND done_on IS NULL ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!match_stored (rows, (const char *) sqlite3_column_text (stmt, 1),
                       (const char *) sqlite3_column_text (stmt, 2),
                       (const char *) sqlite3_column_text (stmt, 3)))
      {
        gint64 stale_id = sqlite3_column_int64 (stmt, 0);
        g_array_append_val (stale, stale_id);
      }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the agreements"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_agreements (BkStore                   *store,
                  const BkConversationDraft *draft,
                  gint64                     id,
                  GDateTime                 *now,
                  gboolean                  *changed,
                  GError                   **error)
{
  g_autoptr (GArray) rows = agreement_rows (draft);
  g_autoptr (GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *created = bk_timestamp (now);

  if (draft->id != 0 && !stale_agreements (store, id, rows, stale, error))
    return FALSE;
  for (guint i = 0; i < stale->len; i++)
    {
      if (!run_with_ids (store, "DELETE FROM agreements WHERE id = ?1",
                         g_array_index (stale, gint64, i), 0, error))
        return FALSE;
      *changed = TRUE;
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const AgreementRow *row = &g_array_index (rows, AgreementRow, i);
      g_autoptr (sqlite3_stmt) stmt = NULL;

      if (row->stored)
        continue;
      stmt = bk_store_prepare (store,
        "INSERT INTO agreements (conversation_id, child_id, text, owner, due_on, created_at)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      bk_bind_id (stmt, 2, draft->child_id);
      bk_bind_text (stmt, 3, row->text);
      bk_bind_text (stmt, 4, row->owner);
      bk_bind_text (stmt, 5, row->due_on);
      bk_bind_text (stmt, 6, created);
      if (!bk_store_step_done (store, stmt, error))
        return FALSE;
      *changed = TRUE;
    }
  return TRUE;
}

/* The contact a held conversation logged: see the top of this file. */
static gboolean
find_logged_contact (BkStore     *store,
                     gint64       child_id,
                     const char  *at,
                     const char  *kind,
                     gint64      *out,
                     GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT id FROM contacts WHERE child_id = ?1 AND occurred_at = ?2 AND kind = ?3"
    " ORDER BY id LIMIT 1", error);
  int rc;

  *out = 0;
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, child_id);
  bk_bind_text (stmt, 2, at);
  bk_bind_text (stmt, 3, kind);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the contacts"));
      return FALSE;
    }
  return TRUE;
}

/* Brings the logged contact in line with the conversation: its moment,
 * kind, staff member and parents. The tone and note were the contact's. */
static gboolean
update_contact (BkStore              *store,
                gint64                contact_id,
                const BkContactDraft *contact,
                const char           *at,
                GError              **error)
{
  {
    g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
      "UPDATE contacts SET occurred_at = ?2, kind = ?3, child_id = ?4, staff_id = ?5,"
      " direction = ?6, form = ?7, depth = ?8 WHERE id = ?1", error);
    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_int64 (stmt, 1, contact_id);
    bk_bind_text (stmt, 2, at);
    bk_bind_text (stmt, 3, contact->kind);
    bk_bind_id (stmt, 4, contact->child_id);
    bk_bind_id (stmt, 5, contact->staff_id);
    bk_bind_text (stmt, 6, contact->direction);
    bk_bind_text (stmt, 7, contact->form);
    sqlite3_bind_int (stmt, 8, contact->depth);
    if (!bk_store_step_done (store, stmt, error))
      return FALSE;
  }
  if (!run_with_ids (store, "DELETE FROM contact_parents WHERE contact_id = ?1", contact_id, 0, error))
    return FALSE;
  for (guint i = 0; i < contact->parent_ids->len; i++)
    if (!run_with_ids (store, "INSERT OR IGNORE INTO contact_parents (contact_id, parent_id) VALUES (?1, ?2)",
                       contact_id, g_array_index (contact->parent_ids, gint64, i), error))
      return FALSE;
  return TRUE;
}

/* Logs, updates or removes the contact of the conversation; @old is the
 * row before this save (status NULL for a new one). */
static gboolean
write_contact (BkStore                   *store,
               const BkConversationDraft *draft,
               const OldRow              *old,
               GDateTime                 *moment,
               const char                *at,
               gint64                    *out_contact,
               GError                   **error)
{
  g_autoptr (BkContactDraft) contact = NULL;
  gint64 contact_id = 0;

  if (g_strcmp0 (old->status, "held") == 0 && old->held_at != NULL &&
      !find_logged_contact (store, old->child_id, old->held_at, contact_kind_for (old->kind),
                            &contact_id, error))
    return FALSE;
  *out_contact = contact_id;
  if (!draft->held)
    return contact_id == 0 || run_with_ids (store, "DELETE FROM contacts WHERE id = ?1", contact_id, 0, error);

  if (contact_id == 0 &&
      !find_logged_contact (store, draft->child_id, at, contact_kind_for (draft->kind),
                            &contact_id, error))
    return FALSE;
  /* The kind's usual form and depth, as when it is logged by hand; but a
   * conversation always went both ways. */
  contact = bk_contact_draft_new (moment, contact_kind_for (draft->kind), 0);
  contact->direction = "two-way";
  contact->child_id = draft->child_id;
  contact->staff_id = draft->staff_id;
  for (guint i = 0; i < draft->parent_ids->len; i++)
    g_array_append_val (contact->parent_ids, g_array_index (draft->parent_ids, gint64, i));
  if (contact_id != 0)
    {
      *out_contact = contact_id;
      return update_contact (store, contact_id, contact, at, error);
    }
  return bk_contact_write (store, contact, out_contact, error);
}

static gboolean
write_conversation (BkStore                   *store,
                    const BkConversationDraft *draft,
                    GDateTime                 *now,
                    SaveResult                *result,
                    GError                   **error)
{
  g_autoptr (GDateTime) moment = conversation_moment (draft, now);
  g_autofree char *at = bk_timestamp (moment);
  g_auto (OldRow) old = { NULL, };

  if (draft->id != 0 && !read_old_row (store, draft->id, &old, error))
    return FALSE;
  result->old_child_id = old.child_id;
  return check_links (store, draft, error) &&
         write_row (store, draft, at, now, &result->id, error) &&
         write_participants (store, draft, result->id, error) &&
         write_agreements (store, draft, result->id, now, &result->agreements_changed, error) &&
         write_contact (store, draft, &old, moment, at, &result->contact_id, error);
}

/**
 * bk_conversation_save:
 * @now: today, and the time zone the day and time are typed in
 * @out_id: (out) (optional): the conversation's id
 *
 * Writes the conversation with its participants and agreements, and for a
 * held one its contact, in one transaction. A refusal is
 * BK_STORE_ERROR_INVALID with the first problem's message, and nothing is
 * written. Emits ::changed for "conversations" and, when they changed,
 * "agreements" (both with the child's id) and "contacts" (the contact's).
 */
gboolean
bk_conversation_save (BkStore                   *store,
                      const BkConversationDraft *draft,
                      GDateTime                 *now,
                      gint64                    *out_id,
                      GError                   **error)
{
  g_autoptr (GPtrArray) problems = bk_conversation_validate (draft, now);
  SaveResult result = { 0, };

  if (bk_store_refuse (problems, error))
    return FALSE;
  if (!bk_store_begin (store, error))
    return FALSE;
  if (!write_conversation (store, draft, now, &result, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  if (!bk_store_commit (store, error))
    return FALSE;

  if (out_id != NULL)
    *out_id = result.id;
  bk_store_emit_changed (store, "conversations", draft->child_id);
  if (result.old_child_id != 0 && result.old_child_id != draft->child_id)
    bk_store_emit_changed (store, "conversations", result.old_child_id);
  if (result.agreements_changed)
    bk_store_emit_changed (store, "agreements", draft->child_id);
  if (result.contact_id != 0)
    bk_store_emit_changed (store, "contacts", result.contact_id);
  return TRUE;
}

/* Loading ------------------------------------------------------------------ */

#define CONVERSATION_SELECT \
  "SELECT c.id, c.kind, c.child_id, ch.given_name, ch.family_name, c.status, c.planned_at," \
  " c.held_at, c.purpose, c.agenda, c.questions, c.positive_opener, c.notes," \
  " c.next_contact_on, c.staff_id, s.name" \
  " FROM conversations c LEFT JOIN children ch ON ch.id = c.child_id" \
  " LEFT JOIN staff s ON s.id = c.staff_id"

/* "Zoë de Vries", or the given name alone. */
static char *
full_name (sqlite3_stmt *stmt,
           int           given_column)
{
  const char *given = (const char *) sqlite3_column_text (stmt, given_column);
  const char *family = (const char *) sqlite3_column_text (stmt, given_column + 1);

  if (given == NULL)
    return NULL;
  if (family == NULL || *family == '\0')
    return g_strdup (given);
  return g_strconcat (given, " ", family, NULL);
}

static BkConversation *
read_conversation (sqlite3_stmt *stmt)
{
  BkConversation *c = g_new0 (BkConversation, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->kind = bk_column_dup (stmt, 1);
  c->child_id = sqlite3_column_int64 (stmt, 2);
  c->child_name = full_name (stmt, 3);
  c->status = bk_column_dup (stmt, 5);
  c->planned_at = bk_column_dup (stmt, 6);
  c->held_at = bk_column_dup (stmt, 7);
  c->purpose = bk_column_dup (stmt, 8);
  c->agenda = bk_column_dup (stmt, 9);
  c->questions = bk_column_dup (stmt, 10);
  c->positive_opener = bk_column_dup (stmt, 11);
  c->notes = bk_column_dup (stmt, 12);
  c->next_contact_on = bk_column_dup (stmt, 13);
  c->staff_id = sqlite3_column_int64 (stmt, 14);
  c->staff_name = bk_column_dup (stmt, 15);
  c->parent_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  c->agreements = g_ptr_array_new_with_free_func ((GDestroyNotify) agreement_free);
  return c;
}

static gboolean
load_participants (BkStore         *store,
                   BkConversation  *c,
                   GError         **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT p.role, p.parent_id, pa.given_name, pa.family_name, p.name"
    " FROM conversation_participants p LEFT JOIN parents pa ON pa.id = p.parent_id"
    " WHERE p.conversation_id = ?1 ORDER BY p.id", error);
  g_autoptr (GString) names = g_string_new (NULL);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *role = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 4);
      g_autofree char *shown = NULL;

      if (g_strcmp0 (role, "parent") == 0)
        {
          gint64 parent_id = sqlite3_column_int64 (stmt, 1);

          g_array_append_val (c->parent_ids, parent_id);
          shown = full_name (stmt, 2);
        }
      else if (g_strcmp0 (role, "interpreter") == 0 && name != NULL)
        {
          g_free (c->interpreter);
          c->interpreter = g_strdup (name);
          /* Translators: a participant of a parent conversation; %s is a name */
          shown = g_strdup_printf (_("interpreter: %s"), name);
        }
      else if (g_strcmp0 (role, "other") == 0)
        shown = g_strdup (name);
      /* The staff member is staff_name, not a participant in the list. */
      if (shown == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, shown);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the conversations"));
      return FALSE;
    }
  c->participants = g_string_free (g_steal_pointer (&names), FALSE);
  return TRUE;
}

static gboolean
load_agreements (BkStore         *store,
                 BkConversation  *c,
                 GError         **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT id, text, owner, due_on, done_on FROM agreements WHERE conversation_id = ?1"
    " ORDER BY done_on IS NOT NULL, due_on, id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, c->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkAgreement *a = g_new0 (BkAgreement, 1);

      a->id = sqlite3_column_int64 (stmt, 0);
      a->text = bk_column_dup (stmt, 1);
      a->owner = bk_column_dup (stmt, 2);
      a->due_on = bk_column_dup (stmt, 3);
      a->done_on = bk_column_dup (stmt, 4);
      g_ptr_array_add (c->agreements, a);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the agreements"));
      return FALSE;
    }
  return TRUE;
}

/* Every conversation @stmt (bound, fresh) yields, with its details. */
static GPtrArray *
load_list (BkStore       *store,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_conversation_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_conversation (stmt));
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the conversations"));
      return NULL;
    }
  for (guint i = 0; i < list->len; i++)
    if (!load_participants (store, list->pdata[i], error) ||
        !load_agreements (store, list->pdata[i], error))
      return NULL;
  return g_steal_pointer (&list);
}

/**
 * bk_conversation_load:
 *
 * Returns: (transfer full) (nullable): the conversation, or %NULL with
 *   BK_STORE_ERROR_NOT_FOUND when it is not there
 */
BkConversation *
bk_conversation_load (BkStore  *store,
                      gint64    id,
                      GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    CONVERSATION_SELECT " WHERE c.id = ?1", error);
  g_autoptr (GPtrArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = load_list (store, stmt, error);
  if (list == NULL)
    return NULL;
  if (list->len == 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This conversation no longer exists."));
      return NULL;
    }
  return g_ptr_array_steal_index (list, 0);
}

/**
 * bk_conversation_load_for_child:
 *
 * Returns: (transfer full) (element-type BkConversation): the child's
 *   conversations, the latest (held or planned) first
 */
GPtrArray *
bk_conversation_load_for_child (BkStore  *store,
                                gint64    child_id,
                                GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    CONVERSATION_SELECT " WHERE c.child_id = ?1"
    " ORDER BY coalesce (c.held_at, c.planned_at) DESC, c.id DESC", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, child_id);
  return load_list (store, stmt, error);
}

/**
 * bk_conversation_load_planned:
 * @now: from the start of its day, in its time zone
 *
 * For the calendar: what is planned from today on, the soonest first.
 * Overdue ones (planned before today) and those of a child being deleted
 * are left out.
 *
 * Returns: (transfer full) (element-type BkConversation): the conversations
 */
GPtrArray *
bk_conversation_load_planned (BkStore    *store,
                              GDateTime  *now,
                              GError    **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    CONVERSATION_SELECT " WHERE c.status = 'planned' AND c.planned_at >= ?1"
    " AND ch.deleted_at IS NULL ORDER BY c.planned_at, c.id", error);
  g_autoptr (GDateTime) midnight = g_date_time_new (g_date_time_get_timezone (now),
                                                    g_date_time_get_year (now),
                                                    g_date_time_get_month (now),
                                                    g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autofree char *from = bk_timestamp (midnight);

  if (stmt == NULL)
    return NULL;
  bk_bind_text (stmt, 1, from);
  return load_list (store, stmt, error);
}

/* Self-checks -------------------------------------------------------------- */

/**
 * bk_self_check_validate:
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals for
 *   "genuineness", "respect", "listening", "summarising",
 *   "asking-further", "transparency" and "reflection"
 */
GPtrArray *
bk_self_check_validate (const BkSelfCheckDraft *check)
{
  GPtrArray *errors = bk_form_errors_new ();
  const struct { const char *field; int score; } scores[] = {
    { "genuineness", check->genuineness },
    { "respect", check->respect },
    { "listening", check->listening },
    { "summarising", check->summarising },
    { "asking-further", check->asking_further },
    { "transparency", check->transparency },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    if (scores[i].score < 1 || scores[i].score > 5)
      bk_form_refuse (errors, scores[i].field, g_strdup (_("Give a score from 1 to 5.")));
  bk_form_check_text (errors, "reflection", check->reflection, BK_SELF_CHECK_REFLECTION_MAX);
  return errors;
}

/* The conversation is there and was held; inside the transaction. */
static gboolean
check_held (BkStore  *store,
            gint64    conversation_id,
            GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT status FROM conversations WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This conversation no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      bk_store_set_error (store, error, _("Could not read the conversations"));
      return FALSE;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "held") != 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("Log the conversation as held first."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_self_check (BkStore                *store,
                  gint64                  conversation_id,
                  gint64                  staff_id,
                  const BkSelfCheckDraft *check,
                  GDateTime              *now,
                  GError                **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "INSERT INTO self_checks (conversation_id, staff_id, genuineness, respect, listening,"
    " summarising, asking_further, transparency, reflection, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
    " ON CONFLICT (conversation_id) DO UPDATE SET staff_id = excluded.staff_id,"
    " genuineness = excluded.genuineness, respect = excluded.respect,"
    " listening = excluded.listening, summarising = excluded.summarising,"
    " asking_further = excluded.asking_further, transparency = excluded.transparency,"
    " reflection = excluded.reflection", error);
  g_autofree char *reflection = bk_form_strip (check->reflection);
  g_autofree char *created = bk_timestamp (now);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conversation_id);
  bk_bind_id (stmt, 2, staff_id);
  sqlite3_bind_int (stmt, 3, check->genuineness);
  sqlite3_bind_int (stmt, 4, check->respect);
  sqlite3_bind_int (stmt, 5, check->listening);
  sqlite3_bind_int (stmt, 6, check->summarising);
  sqlite3_bind_int (stmt, 7, check->asking_further);
  sqlite3_bind_int (stmt, 8, check->transparency);
  bk_bind_text (stmt, 9, reflection);
  bk_bind_text (stmt, 10, created);
  return bk_store_step_done (store, stmt, error);
}

/**
 * bk_self_check_save:
 * @staff_id: whose self-check it is, or 0
 *
 * Writes the self-check of a held conversation, replacing an earlier one.
 * A refusal is BK_STORE_ERROR_INVALID (also for a conversation that was
 * not held) and writes nothing. Emits ::changed for "self_checks" with the
 * conversation's id.
 */
gboolean
bk_self_check_save (BkStore                *store,
                    gint64                  conversation_id,
                    gint64                  staff_id,
                    const BkSelfCheckDraft *check,
                    GDateTime              *now,
                    GError                **error)
{
  g_autoptr (GPtrArray) problems = bk_self_check_validate (check);

  if (bk_store_refuse (problems, error))
    return FALSE;
  if (!bk_store_begin (store, error))
    return FALSE;
  if (!check_held (store, conversation_id, error) ||
      !write_self_check (store, conversation_id, staff_id, check, now, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  if (!bk_store_commit (store, error))
    return FALSE;
  bk_store_emit_changed (store, "self_checks", conversation_id);
  return TRUE;
}

/* The local day of a stored moment, into @day. */
static void
local_day (const char *stored,
           GTimeZone  *zone,
           char        day[11])
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (stored, NULL);
  g_autoptr (GDateTime) local = utc ? g_date_time_to_timezone (utc, zone) : NULL;
  g_autofree char *iso = local ? bk_date_iso_from_datetime (local) : NULL;

  g_strlcpy (day, iso ? iso : "", 11);
}

/**
 * bk_self_check_trend:
 *
 * One point per day on which @staff_id held conversations they checked
 * themselves on (the day in the local time zone), with the mean scores of
 * that day.
 *
 * Returns: (transfer full) (element-type BkSelfCheckPoint): the points in
 *   date order; free with g_array_unref()
 */
GArray *
bk_self_check_trend (BkStore  *store,
                     gint64    staff_id,
                     GError  **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT c.held_at, s.genuineness, s.respect, s.listening, s.summarising,"
    " s.asking_further, s.transparency"
    " FROM self_checks s JOIN conversations c ON c.id = s.conversation_id"
    " WHERE s.staff_id = ?1 AND c.held_at IS NOT NULL ORDER BY c.held_at, c.id", error);
  g_autoptr (GArray) points = g_array_new (FALSE, TRUE, sizeof (BkSelfCheckPoint));
  g_autoptr (GTimeZone) zone = g_time_zone_new_local ();
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkSelfCheckPoint *p = points->len ? &g_array_index (points, BkSelfCheckPoint, points->len - 1) : NULL;
      char day[11];

      local_day ((const char *) sqlite3_column_text (stmt, 0), zone, day);
      if (p == NULL || strcmp (p->day, day) != 0)
        {
          g_array_set_size (points, points->len + 1);
          p = &g_array_index (points, BkSelfCheckPoint, points->len - 1);
          memcpy (p->day, day, sizeof day);
        }
      /* Sums for now; divided into means below. */
      p->n_checks++;
      p->genuineness += sqlite3_column_int (stmt, 1);
      p->respect += sqlite3_column_int (stmt, 2);
      p->listening += sqlite3_column_int (stmt, 3);
      p->summarising += sqlite3_column_int (stmt, 4);
      p->asking_further += sqlite3_column_int (stmt, 5);
      p->transparency += sqlite3_column_int (stmt, 6);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the self-checks"));
      return NULL;
    }
  for (guint i = 0; i < points->len; i++)
    {
      BkSelfCheckPoint *p = &g_array_index (points, BkSelfCheckPoint, i);

      p->genuineness /= p->n_checks;
      p->respect /= p->n_checks;
      p->listening /= p->n_checks;
      p->summarising /= p->n_checks;
      p->asking_further /= p->n_checks;
      p->transparency /= p->n_checks;
    }
  return g_steal_pointer (&points);
}
