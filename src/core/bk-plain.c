/* bk-plain.c
 * Plain-language summaries of information evenings and parent meetings.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After an information evening or a parent meeting, a plain summary goes
 * to all parents of the cycle, also to those who were absent. The 2016
 * study found that parents missed information, and that the texts they
 * did get were too formal. So the editor gives advice while the coach
 * writes: sentences of at most BK_PLAIN_SENTENCE_WORDS words, and no
 * jargon (each term comes with a plain alternative). The advice never
 * blocks saving; only an empty or too long text, or no event, does.
 *
 * A sentence ends at '.', '!', '?' or '…' followed by a space or the end
 * (closing quotes and brackets may come between), and at every line
 * break, so a heading is a sentence of its own. Words are runs of letters
 * and digits; a hyphen or apostrophe inside a word ("sociaal-emotioneel",
 * "IB'er"), or a point, comma or colon inside a number ("19.30"), does not
 * split it. Jargon matches whole words, ignoring case, and simple plurals
 * (-en, -s, -'s, and -n after an e); never part of a longer word.
 */
#define G_LOG_DOMAIN "bk-plain"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bk-date.h"
#include "bk-plain.h"
#include "bk-store-private.h"

typedef struct
{
  int start;
  int end;
} Span;

/* Dutch terms from school and youth care that parents may not know. The
 * terms are Dutch, lower case, NFC; several words are separated by one
 * space; the first form is the one people look up. */
typedef struct
{
  const char *forms[4];
  const char *suggestion;
} Jargon;

static const Jargon jargon[] = {
  { { "handelingsplan", "handelingsplannen" }, N_("a plan for your child") },
  { { "opp" }, N_("a plan for your child") },
  { { "ontwikkelingsperspectiefplan", "ontwikkelingsperspectiefplannen" }, N_("a plan for your child") },
  { { "ontwikkelingsperspectief" }, N_("what we expect your child to reach") },
  { { "groepsplan", "groepsplannen" }, N_("the plan for the group") },
  { { "sociaal-emotioneel", "sociaal-emotionele" }, N_("how your child feels and gets on with others") },
  { { "competentie" }, N_("what your child can do") },
  { { "evaluatie" }, N_("a look back") },
  { { "evalueren" }, N_("look back together") },
  { { "interventie" }, N_("an approach") },
  { { "faciliteren" }, N_("make possible") },
  { { "cognitief", "cognitieve" }, N_("with thinking and learning") },
  { { "signaleren" }, N_("see") },
  { { "zorgplicht" }, N_("the duty of the school to find a good place for your child") },
  { { "leerlijn" }, N_("the steps in which your child learns") },
  { { "doelgroep" }, N_("the children it is for") },
  { { "implementeren" }, N_("start using") },
  { { "participatie" }, N_("taking part") },
  { { "ouderbetrokkenheid" }, N_("parents taking part") },
  { { "intake" }, N_("a first talk to get to know each other") },
  { { "gedragsproblematiek" }, N_("trouble with behaviour") },
  { { "motorisch", "motorische" }, N_("with moving") },
  { { "differentiëren" }, N_("adapt to each child") },
  { { "remediëren" }, N_("give extra help") },
  { { "executieve functies", "executieve functie" }, N_("planning, starting and keeping going") },
  { { "metacognitie" }, N_("thinking about how you learn") },
  { { "ib'er" }, N_("the care coordinator at school") },
  { { "intern begeleider", "interne begeleider", "interne begeleiders" }, N_("the care coordinator at school") },
  { { "zorgstructuur" }, N_("how the school arranges extra help") },
  { { "passend onderwijs" }, N_("school that fits your child") },
  { { "arrangement" }, N_("extra help that fits your child") },
  { { "psycho-educatie" }, N_("an explanation of what is going on") },
  { { "hulpverleningstraject", "zorgtraject" }, N_("the help your child gets") },
  { { "casusoverleg" }, N_("a meeting about your child") },
  { { "multidisciplinair", "multidisciplinaire" }, N_("with people from different jobs") },
  { { "indicatie" }, N_("a decision that your child can get help") },
  { { "diagnostiek" }, N_("tests to understand your child") },
  { { "leerrendement" }, N_("how much your child learns") },
  { { "zelfregulatie" }, N_("keeping control of yourself") },
  { { "zelfredzaamheid" }, N_("managing on your own") },
  { { "handelingsgericht", "handelingsgerichte" }, N_("aimed at what helps") },
  { { "didactisch", "didactische" }, N_("about teaching") },
  { { "pedagogisch", "pedagogische" }, N_("about raising children") },
  { { "ambulant begeleider", "ambulante begeleider", "ambulante begeleiders" },
    N_("a coach who visits the school") },
  { { "stimuleren" }, N_("encourage") },
  { { "monitoren" }, N_("keep an eye on") },
  { { "reflecteren" }, N_("look back on") },
  { { "empowerment" }, N_("making stronger") },
};

void
bk_plain_flag_free (BkPlainFlag *flag)
{
  if (flag == NULL)
    return;
  g_free (flag->word);
  g_free (flag);
}

void
bk_plain_summary_free (BkPlainSummary *s)
{
  if (s == NULL)
    return;
  g_free (s->event_title);
  g_free (s->title);
  g_free (s->body);
  g_free (s->written_on);
  g_free (s->sent_on);
  g_free (s);
}

/* Words. */

static gboolean
is_word_char (gunichar c)
{
  /* Marks keep a decomposed "e" + diaeresis in one word. */
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_joiner (gunichar c)
{
  return c == '-' || c == '\'' || c == 0x2019 || c == 0x2010 || c == 0x2011;
}

static gboolean
is_number_joiner (gunichar c)
{
  return c == '.' || c == ',' || c == ':';
}

/* The words of text[from, to), as byte spans. */
static GArray *
find_words (const char *text,
            int         from,
            int         to)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (Span));
  const char *p = text + from;
  const char *end = text + to;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      gunichar prev = c;
      Span w;

      if (!g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      w.start = p - text;
      p = g_utf8_next_char (p);
      while (p < end)
        {
          gunichar d = g_utf8_get_char (p);
          const char *q = g_utf8_next_char (p);
          gunichar e;

          if (is_word_char (d))
            {
              prev = d;
              p = q;
              continue;
            }
          if (q >= end)
            break;
          e = g_utf8_get_char (q);
          if ((is_joiner (d) && g_unichar_isalnum (e))
              || (is_number_joiner (d) && g_unichar_isdigit (prev) && g_unichar_isdigit (e)))
            {
              prev = d;
              p = q;
              continue;
            }
          break;
        }
      w.end = p - text;
      g_array_append_val (words, w);
    }
  return words;
}

/* Sentences. */

static gboolean
is_terminator (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

static gboolean
is_closer (gunichar c)
{
  return c == ')' || c == '"' || c == '\'' || c == 0x2019 || c == 0x201D || c == 0xBB;
}

static void
check_sentence (GPtrArray  *flags,
                const char *text,
                int         start,
                int         end)
{
  g_autoptr (GArray) words = NULL;

  while (start < end && g_ascii_isspace (text[start]))
    start++;
  while (end > start && g_ascii_isspace (text[end - 1]))
    end--;
  if (start == end)
    return;
  words = find_words (text, start, end);
  if (words->len > BK_PLAIN_SENTENCE_WORDS)
    {
      BkPlainFlag *flag = g_new0 (BkPlainFlag, 1);

      flag->kind = BK_PLAIN_LONG_SENTENCE;
      flag->start = start;
      flag->end = end;
      flag->words = words->len;
      g_ptr_array_add (flags, flag);
    }
}

static void
check_sentences (GPtrArray  *flags,
                 const char *text)
{
  const char *p = text;
  int start = 0;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == '\n' || c == '\r')
        {
          check_sentence (flags, text, start, p - text);
          start = next - text;
        }
      else if (is_terminator (c))
        {
          while (*next != '\0' && is_terminator (g_utf8_get_char (next)))
            next = g_utf8_next_char (next);
          while (*next != '\0' && is_closer (g_utf8_get_char (next)))
            next = g_utf8_next_char (next);
          if (*next == '\0' || g_unichar_isspace (g_utf8_get_char (next)))
            {
              check_sentence (flags, text, start, next - text);
              start = next - text;
            }
        }
      p = next;
    }
  check_sentence (flags, text, start, p - text);
}

/* Jargon. */

/* A word as the jargon list spells it: NFC, case folded, plain apostrophes
 * and hyphens. */
static char *
fold_word (const char *text,
           Span        span)
{
  g_autofree char *nfc = g_utf8_normalize (text + span.start, span.end - span.start,
                                           G_NORMALIZE_NFC);
  g_autofree char *folded = g_utf8_casefold (nfc, -1);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019)
        c = '\'';
      else if (c == 0x2010 || c == 0x2011)
        c = '-';
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_plural_ending (const char *rest,
                  const char *part,
                  gsize       len)
{
  return g_str_equal (rest, "en") || g_str_equal (rest, "s") || g_str_equal (rest, "'s")
         || (part[len - 1] == 'e' && g_str_equal (rest, "n"));
}

/* How many words from @i @form matches (its last word may be plural), or 0. */
static guint
match_form (const char *form,
            GPtrArray  *folded,
            guint       i)
{
  const char *part = form;
  guint n = 0;

  for (;;)
    {
      const char *space = strchr (part, ' ');
      gsize len = space != NULL ? (gsize) (space - part) : strlen (part);
      const char *word;

      if (i + n >= folded->len)
        return 0;
      word = g_ptr_array_index (folded, i + n);
      if (strncmp (word, part, len) != 0)
        return 0;
      if (word[len] != '\0' && (space != NULL || !is_plural_ending (word + len, part, len)))
        return 0;
      n++;
      if (space == NULL)
        return n;
      part = space + 1;
    }
}

static void
check_jargon (GPtrArray  *flags,
              const char *text)
{
  g_autoptr (GArray) words = find_words (text, 0, strlen (text));
  g_autoptr (GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < words->len; i++)
    g_ptr_array_add (folded, fold_word (text, g_array_index (words, Span, i)));

  for (guint i = 0; i < words->len;)
    {
      const Jargon *best = NULL;
      guint best_n = 0;
      BkPlainFlag *flag;
      int start, end;

      for (gsize j = 0; j < G_N_ELEMENTS (jargon); j++)
        for (gsize k = 0; k < G_N_ELEMENTS (jargon[j].forms) && jargon[j].forms[k] != NULL; k++)
          {
            guint n = match_form (jargon[j].forms[k], folded, i);

            if (n > best_n)
              {
                best = &jargon[j];
                best_n = n;
              }
          }
      if (best == NULL)
        {
          i++;
          continue;
        }
      start = g_array_index (words, Span, i).start;
      end = g_array_index (words, Span, i + best_n - 1).end;
      flag = g_new0 (BkPlainFlag, 1);
      flag->kind = BK_PLAIN_JARGON;
      flag->start = start;
      flag->end = end;
      flag->word = g_strndup (text + start, end - start);
      flag->suggestion = _(best->suggestion);
      g_ptr_array_add (flags, flag);
      i += best_n;
    }
}

static int
compare_flags (gconstpointer a,
               gconstpointer b)
{
  const BkPlainFlag *x = *(const BkPlainFlag * const *) a;
  const BkPlainFlag *y = *(const BkPlainFlag * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind == BK_PLAIN_LONG_SENTENCE ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

/**
 * bk_plain_check:
 *
 * Advice for a summary: sentences longer than BK_PLAIN_SENTENCE_WORDS
 * words, and jargon with a plain alternative. Text that is not valid
 * UTF-8 gets no advice (validation refuses it).
 *
 * Returns: (transfer full) (element-type BkPlainFlag): the flags in text
 *   order; a long sentence comes before the jargon in it
 */
GPtrArray *
bk_plain_check (const char *text)
{
  GPtrArray *flags = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_plain_flag_free);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return flags;
  check_sentences (flags, text);
  check_jargon (flags, text);
  g_ptr_array_sort (flags, compare_flags);
  return flags;
}

/* The store. */

/**
 * bk_plain_validate:
 *
 * Returns: (transfer full) (element-type BkFieldError): the refusals for
 *   the fields "title", "body" and "event". Whether the event still
 *   exists is checked by bk_plain_save().
 */
GPtrArray *
bk_plain_validate (const BkPlainDraft *draft)
{
  GPtrArray *errors = bk_form_errors_new ();

  if (bk_form_is_blank (draft->title))
    bk_form_refuse (errors, "title", g_strdup (_("Give the summary a short title.")));
  else
    bk_form_check_text (errors, "title", draft->title, BK_PLAIN_TITLE_MAX);
  if (bk_form_is_blank (draft->body))
    bk_form_refuse (errors, "body", g_strdup (_("Write the summary before you save it.")));
  else
    bk_form_check_text (errors, "body", draft->body, BK_PLAIN_BODY_MAX);
  if (draft->event_id <= 0)
    bk_form_refuse (errors, "event", g_strdup (_("Choose the evening or meeting it is about.")));
  return errors;
}

static gboolean
lookup_event_cycle (BkStore     *store,
                    gint64       event_id,
                    gint64      *cycle_id,
                    GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT coalesce (cycle_id, 0) FROM events WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, event_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This evening or meeting no longer exists. Choose another one."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      bk_store_set_error (store, error, _("Could not save the summary"));
      return FALSE;
    }
  *cycle_id = sqlite3_column_int64 (stmt, 0);
  return bk_store_step_done (store, stmt, error);
}

static gboolean
write_summary (BkStore             *store,
               const BkPlainDraft  *draft,
               GDateTime           *now,
               gint64              *id,
               GError             **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *title = bk_form_strip (draft->title);
  g_autofree char *body = bk_form_strip (draft->body);
  g_autofree char *today = bk_date_iso_from_datetime (now);
  gint64 cycle_id = 0;

  if (!lookup_event_cycle (store, draft->event_id, &cycle_id, error))
    return FALSE;
  /* An edit keeps sent_on: the day it went out stays true. */
  if (draft->id == 0)
    stmt = bk_store_prepare (store,
      "INSERT INTO summaries (event_id, cycle_id, title, body, written_on)"
      " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  else
    stmt = bk_store_prepare (store,
      "UPDATE summaries SET event_id = ?1, cycle_id = ?2, title = ?3, body = ?4, written_on = ?5"
      " WHERE id = ?6", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, draft->event_id);
  bk_bind_id (stmt, 2, cycle_id);
  bk_bind_text (stmt, 3, title);
  bk_bind_text (stmt, 4, body);
  bk_bind_text (stmt, 5, today);
  if (draft->id != 0)
    sqlite3_bind_int64 (stmt, 6, draft->id);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  if (draft->id != 0 && sqlite3_changes (bk_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This summary no longer exists."));
      return FALSE;
    }
  *id = draft->id != 0 ? draft->id : sqlite3_last_insert_rowid (bk_store_get_db (store));
  return TRUE;
}

/**
 * bk_plain_save:
 * @draft: id 0 adds a summary, another id replaces that one
 * @out_id: (out) (optional)
 *
 * Saves the summary in one transaction, dated the local day of @now. The
 * cycle is the event's. Jargon and long sentences do not stop it. A
 * refusal is BK_STORE_ERROR_INVALID; an event or summary that no longer
 * exists is BK_STORE_ERROR_NOT_FOUND. Nothing is marked sent.
 */
gboolean
bk_plain_save (BkStore             *store,
               const BkPlainDraft  *draft,
               GDateTime           *now,
               gint64              *out_id,
               GError             **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  gint64 id = 0;

  g_return_val_if_fail (draft != NULL, FALSE);

  problems = bk_plain_validate (draft);
  if (bk_store_refuse (problems, error))
    return FALSE;
  if (!bk_store_begin (store, error))
    return FALSE;
  if (!write_summary (store, draft, now, &id, error) || !bk_store_commit (store, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  if (out_id != NULL)
    *out_id = id;
  bk_store_emit_changed (store, "summaries", draft->event_id);
  return TRUE;
}

/**
 * bk_plain_mark_sent:
 *
 * Records that the summary went to the parents today (the local day of
 * @now).
 */
gboolean
bk_plain_mark_sent (BkStore     *store,
                    gint64       summary_id,
                    GDateTime   *now,
                    GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "UPDATE summaries SET sent_on = ?2 WHERE id = ?1 RETURNING coalesce (event_id, 0)", error);
  g_autofree char *today = bk_date_iso_from_datetime (now);
  gint64 event_id;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, summary_id);
  bk_bind_text (stmt, 2, today);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND,
                           _("This summary no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      bk_store_set_error (store, error, _("Could not save the summary"));
      return FALSE;
    }
  event_id = sqlite3_column_int64 (stmt, 0);
  if (!bk_store_step_done (store, stmt, error))
    return FALSE;
  bk_store_emit_changed (store, "summaries", event_id);
  return TRUE;
}

void
bk_plain_recipient_free (BkPlainRecipient *r)
{
  g_free (r->name);
  g_free (r->children);
  g_free (r->email);
  g_free (r);
}

/**
 * bk_plain_recipients:
 *
 * Everyone a summary of @event_id goes to: every parent of a child of the
 * event's cycle, those who were absent first (they need it most), then
 * by name. Each says whether an e-mail reaches them, or paper (no
 * address, or a letter is what they prefer), and whether they read little
 * or no Dutch.
 *
 * Returns: (transfer full) (element-type BkPlainRecipient): the parents,
 *   or %NULL on error
 */
GPtrArray *
bk_plain_recipients (BkStore  *store,
                     gint64    event_id,
                     GError  **error)
{
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_plain_recipient_free);
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store,
    "SELECT p.id, p.given_name || CASE WHEN p.family_name <> '' THEN ' ' || p.family_name ELSE '' END,"
    "       group_concat (c.given_name, ', '), nullif (trim (p.email), ''),"
    "       p.preferred_channel IS 'letter', p.dutch_level IN ('little', 'none'),"
    "       coalesce (max (a.present), 0)"
    BK_SQL_EVENT_PARENTS
    " GROUP BY p.id"
    " ORDER BY coalesce (max (a.present), 0), p.given_name COLLATE NOCASE, p.family_name COLLATE NOCASE, p.id",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, event_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkPlainRecipient *r = g_new0 (BkPlainRecipient, 1);

      r->parent_id = sqlite3_column_int64 (stmt, 0);
      r->name = bk_column_dup (stmt, 1);
      r->children = bk_column_dup (stmt, 2);
      r->email = bk_column_dup (stmt, 3);
      r->on_paper = r->email == NULL || sqlite3_column_int (stmt, 4);
      r->plain_help = sqlite3_column_int (stmt, 5);
      r->present = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (list, r);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the parents of the cycle"));
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* The summaries where the column named in @sql (one of the two below:
 * the store caches statements by their constant text) is @id. */
#define SUMMARIES_WHERE(column) \
  "SELECT s.id, s.cycle_id, coalesce (s.event_id, 0), e.title, s.title, s.body," \
  " s.written_on, s.sent_on" \
  " FROM summaries s LEFT JOIN events e ON e.id = s.event_id" \
  " WHERE " column " = ?1 ORDER BY s.written_on DESC, s.id DESC"

static GPtrArray *
load_summaries (BkStore     *store,
                const char  *sql,
                gint64       id,
                GError     **error)
{
  g_autoptr (GPtrArray) summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) bk_plain_summary_free);
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BkPlainSummary *s = g_new0 (BkPlainSummary, 1);

      s->id = sqlite3_column_int64 (stmt, 0);
      s->cycle_id = sqlite3_column_int64 (stmt, 1);
      s->event_id = sqlite3_column_int64 (stmt, 2);
      s->event_title = bk_column_dup (stmt, 3);
      s->title = bk_column_dup (stmt, 4);
      s->body = bk_column_dup (stmt, 5);
      s->written_on = bk_column_dup (stmt, 6);
      s->sent_on = bk_column_dup (stmt, 7);
      g_ptr_array_add (summaries, s);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the summaries"));
      return NULL;
    }
  return g_steal_pointer (&summaries);
}

/**
 * bk_plain_load_for_cycle:
 *
 * Returns: (transfer full) (element-type BkPlainSummary): the cycle's
 *   summaries, the newest first, or %NULL on error
 */
GPtrArray *
bk_plain_load_for_cycle (BkStore  *store,
                         gint64    cycle_id,
                         GError  **error)
{
  return load_summaries (store, SUMMARIES_WHERE ("s.cycle_id"), cycle_id, error);
}

/**
 * bk_plain_load_for_event:
 *
 * The summary of @event_id (the latest written, should there be more).
 *
 * Returns: (transfer full) (nullable): the summary; %NULL without @error
 *   set when there is none yet
 */
BkPlainSummary *
bk_plain_load_for_event (BkStore  *store,
                         gint64    event_id,
                         GError  **error)
{
  g_autoptr (GPtrArray) list = load_summaries (store, SUMMARIES_WHERE ("s.event_id"), event_id, error);

  if (list == NULL || list->len == 0)
    return NULL;
  return g_ptr_array_steal_index (list, 0);
}

/**
 * bk_plain_write_text:
 *
 * Writes the summary as UTF-8 text, the title, a blank line and the body,
 * for an e-mail or a letter. It goes through "@path.partial" and a rename,
 * so a failed write never leaves half a letter. Errors are in G_FILE_ERROR.
 */
gboolean
bk_plain_write_text (const BkPlainSummary  *s,
                     const char            *path,
                     GError               **error)
{
  g_autofree char *text = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *shown = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (s != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = g_strconcat (s->title != NULL ? s->title : "", "\n\n",
                      s->body != NULL ? s->body : "", "\n", NULL);
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

/**
 * bk_plain_template_for:
 * @event_title: (nullable): the evening or meeting
 *
 * A starting text in plain words: a heading per part, each with a short
 * prompt in brackets that the coach replaces. It passes bk_plain_check()
 * itself.
 *
 * Returns: (transfer full): the text
 */
char *
bk_plain_template_for (const char *event_title)
{
  GString *text = g_string_new (NULL);
  g_autofree char *what = bk_form_strip (event_title);

  if (what != NULL)
    /* TRANSLATORS: %s is the name of the information evening or parent meeting */
    g_string_append_printf (text, _("This is a short summary of %s."), what);
  else
    g_string_append (text, _("This is a short summary of our meeting."));
  g_string_append_c (text, ' ');
  g_string_append (text, _("We send it to all parents, also to those who could not come."));
  g_string_append (text, "\n\n");
  g_string_append_printf (text, "%s\n%s\n\n", _("What we did"),
                          _("(Write in a few short sentences what we did together.)"));
  g_string_append_printf (text, "%s\n%s\n\n", _("What your child learned"),
                          _("(Write what the children learned or practised.)"));
  g_string_append_printf (text, "%s\n%s\n\n", _("What comes next"),
                          _("(Write what your child will do in the coming weeks.)"));
  g_string_append_printf (text, "%s\n%s\n\n", _("What you can do at home"),
                          _("(Write one or two small things to do together at home.)"));
  g_string_append_printf (text, "%s\n%s\n\n", _("When we meet next"),
                          _("(Write the day, the time and the place.)"));
  g_string_append (text, _("Do you have a question? Call us or send us an e-mail."));
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

/**
 * bk_plain_letter_title:
 *
 * Returns: (transfer full): the title of the letter about @c's agreements
 */
char *
bk_plain_letter_title (const BkConversation *c)
{
  g_return_val_if_fail (c != NULL, NULL);

  /* Translators: title of a letter to parents; %s is the child's name */
  return g_strdup_printf (_("What we agreed about %s"), c->child_name);
}

/**
 * bk_plain_letter_for:
 * @tz: the zone the day of the conversation is told in
 *
 * A short letter for the parents with what was agreed in @c: who does
 * what by when, in plain words, and when we speak again. Only the
 * agreements that are still open go in; a done one needs no letter. The
 * notes of the conversation never go in: they are the coach's. The coach
 * edits the text before it goes out, with the same advice as a summary.
 *
 * Returns: (transfer full): the text
 */
char *
bk_plain_letter_for (const BkConversation *c,
                     GTimeZone            *tz)
{
  GString *text = g_string_new (NULL);
  const char *at = c->held_at != NULL ? c->held_at : c->planned_at;
  g_autoptr (GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr (GDateTime) local = utc != NULL ? g_date_time_to_timezone (utc, tz) : NULL;
  g_autofree char *day = local != NULL ? g_date_time_format (local, "%-d-%-m-%Y") : NULL;
  guint open = 0;

  g_return_val_if_fail (c != NULL, NULL);

  g_string_append (text, _("Dear parents,"));
  g_string_append (text, "\n\n");
  if (day != NULL)
    /* Translators: first line of a letter; "On 25-11-2026 we talked about Zoë." */
    g_string_append_printf (text, _("On %s we talked about %s."), day, c->child_name);
  else
    g_string_append_printf (text, _("We talked about %s."), c->child_name);
  g_string_append_c (text, ' ');
  g_string_append (text, _("Thank you for the conversation."));
  g_string_append (text, "\n\n");

  g_string_append_printf (text, "%s\n", _("What we agreed"));
  for (guint i = 0; c->agreements != NULL && i < c->agreements->len; i++)
    {
      BkAgreement *a = g_ptr_array_index (c->agreements, i);
      g_autofree char *due = NULL;
      g_autofree char *what = NULL;

      if (a->done_on != NULL)
        continue;
      open++;
      due = bk_date_format_user (a->due_on);
      what = g_strstrip (g_strdup (a->text));
      if (g_str_has_suffix (what, "."))
        what[strlen (what) - 1] = '\0';
      /* Translators: one agreement in a letter: "- Read ten minutes a day. Who: Mother. Ready by: 7-12-2026." */
      g_string_append_printf (text, _("- %s. Who: %s. Ready by: %s."), what, a->owner, due);
      g_string_append_c (text, '\n');
    }
  if (open == 0)
    g_string_append_printf (text, "%s\n", _("(Write what we agreed.)"));
  g_string_append_c (text, '\n');

  g_string_append_printf (text, "%s\n", _("When we speak again"));
  if (c->next_contact_on != NULL)
    {
      g_autofree char *next = bk_date_format_user (c->next_contact_on);

      /* Translators: %s is a day, "7-12-2026" */
      g_string_append_printf (text, _("We will call you or see you on %s."), next);
    }
  else
    g_string_append (text, _("(Write when we will speak again.)"));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Do you have a question? Call us or send us an e-mail."));
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}
