/* test-plain.c
 * Plain summaries for parents: advice on long sentences and jargon, saving, sending, writing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "bk-plain.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f,
    "INSERT INTO cycles (id, name, start_date, created_at) VALUES (1, 'Najaar', '2026-09-01', 'x');"
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (10, 1, 'info-evening', 'Informatieavond', '2026-09-10T17:30:00Z', 'x'),"
    " (11, 1, 'parent-meeting', 'Ouderbijeenkomst', '2026-11-19T18:00:00Z', 'x');");
}

#define fixture_teardown bk_test_db_close

static gint64
q (Fixture    *f,
   const char *sql)
{
  return bk_test_query_int (f->path, sql);
}

static guint
count_kind (GPtrArray       *flags,
            BkPlainFlagKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < flags->len; i++)
    if (((BkPlainFlag *) g_ptr_array_index (flags, i))->kind == kind)
      n++;
  return n;
}

static void
test_long_sentence (void)
{
  /* 15 words, then 16 words. */
  const char *fifteen = "We hebben samen gegeten en daarna hebben de kinderen een kort toneelstuk voor u gespeeld.";
  const char *sixteen = "We hebben samen gegeten en daarna hebben de kinderen een heel kort toneelstuk voor u gespeeld.";
  g_autofree char *text = g_strconcat ("Welkom!  ", fifteen, " ", sixteen, "\nTot ziens.", NULL);
  g_autoptr (GPtrArray) flags = bk_plain_check (text);
  g_autoptr (GPtrArray) alone = bk_plain_check (fifteen);
  BkPlainFlag *flag;

  g_assert_cmpuint (alone->len, ==, 0);
  g_assert_cmpuint (flags->len, ==, 1);
  flag = g_ptr_array_index (flags, 0);
  g_assert_cmpint (flag->kind, ==, BK_PLAIN_LONG_SENTENCE);
  g_assert_cmpint (flag->words, ==, 16);
  /* Exactly the sentence: from its first letter through its full stop. */
  g_assert_cmpint (flag->start, ==, (int) (strstr (text, sixteen) - text));
  g_assert_cmpint (flag->end, ==, flag->start + (int) strlen (sixteen));
  g_assert_null (flag->word);
}

static void
test_lines_are_sentences (void)
{
  /* Sixteen words over a heading and a line without a full stop: two
   * sentences, so no flag; on one line they are one sentence. */
  g_autoptr (GPtrArray) split = bk_plain_check ("Wat we deden\nWe hebben samen gegeten en daarna speelden de kinderen een heel kort toneelstuk");
  g_autoptr (GPtrArray) joined = bk_plain_check ("Wat we deden we hebben samen gegeten en daarna speelden de kinderen een heel kort toneelstuk");
  /* A hyphenated word, a time and "IB'er" count once each: 18 runs of
   * letters, but 15 words; one word more makes 16, not 19. */
  g_autoptr (GPtrArray) joiners = bk_plain_check ("Om 19.30 uur vertelde de IB'er over sociaal-emotionele groei en over wat u kunt doen");
  g_autoptr (GPtrArray) more = bk_plain_check ("Om 19.30 uur vertelde de IB'er over sociaal-emotionele groei en over wat u thuis kunt doen");

  g_assert_cmpuint (count_kind (split, BK_PLAIN_LONG_SENTENCE), ==, 0);
  g_assert_cmpuint (count_kind (joined, BK_PLAIN_LONG_SENTENCE), ==, 1);
  g_assert_cmpint (((BkPlainFlag *) g_ptr_array_index (joined, 0))->words, ==, 16);
  g_assert_cmpuint (count_kind (joiners, BK_PLAIN_LONG_SENTENCE), ==, 0);
  g_assert_cmpuint (count_kind (joiners, BK_PLAIN_JARGON), ==, 2);
  g_assert_cmpuint (count_kind (more, BK_PLAIN_LONG_SENTENCE), ==, 1);
  g_assert_cmpint (((BkPlainFlag *) g_ptr_array_index (more, 0))->words, ==, 16);
}

static void
test_utf8_words (void)
{
  /* Sixteen words with ë, é and a decomposed e + diaeresis: each counts
   * once, and the offsets stay on character boundaries. */
  const char *text = "Zoë en René zijn naar de ideeën van Noë\xcc\x88l geweest en ze vonden het café leuk.";
  g_autoptr (GPtrArray) flags = bk_plain_check (text);
  BkPlainFlag *flag;

  g_assert_cmpuint (flags->len, ==, 1);
  flag = g_ptr_array_index (flags, 0);
  g_assert_cmpint (flag->words, ==, 16);
  g_assert_cmpint (flag->start, ==, 0);
  g_assert_cmpint (flag->end, ==, (int) strlen (text));
}

static void
test_jargon (void)
{
  const char *text = "In het Handelingsplan staat de evaluatie. De interventies werken.\n"
                     "Handelingsplanning en herevaluatie zijn geen jargon. De IB\xe2\x80\x99""ers helpen bij "
                     "executieve functies en Differentiëren.";
  g_autoptr (GPtrArray) flags = bk_plain_check (text);
  const char *expect[] = { "Handelingsplan", "evaluatie", "interventies", "IB\xe2\x80\x99""ers",
                           "executieve functies", "Differentiëren" };
  const char *suggest[] = { "a plan for your child", "a look back", "an approach",
                            "the care coordinator at school", "planning, starting and keeping going",
                            "adapt to each child" };

  g_assert_cmpuint (flags->len, ==, G_N_ELEMENTS (expect));
  for (guint i = 0; i < flags->len; i++)
    {
      BkPlainFlag *flag = g_ptr_array_index (flags, i);

      g_assert_cmpint (flag->kind, ==, BK_PLAIN_JARGON);
      g_assert_cmpstr (flag->word, ==, expect[i]);
      g_assert_cmpint (flag->end - flag->start, ==, (int) strlen (expect[i]));
      g_assert_cmpint (memcmp (text + flag->start, expect[i], strlen (expect[i])), ==, 0);
      g_assert_cmpstr (flag->suggestion, ==, suggest[i]);
    }
}

static void
test_text_order (void)
{
  g_autoptr (GPtrArray) flags = bk_plain_check (
    "De intake was fijn. Tijdens de evaluatie bespraken we met alle ouders en kinderen samen "
    "uitgebreid wat er goed ging en wat er beter kon.");
  BkPlainFlag *a, *b, *c;

  g_assert_cmpuint (flags->len, ==, 3);
  a = g_ptr_array_index (flags, 0);
  b = g_ptr_array_index (flags, 1);
  c = g_ptr_array_index (flags, 2);
  g_assert_cmpstr (a->word, ==, "intake");
  g_assert_cmpint (b->kind, ==, BK_PLAIN_LONG_SENTENCE);
  g_assert_cmpint (c->kind, ==, BK_PLAIN_JARGON);
  g_assert_cmpstr (c->word, ==, "evaluatie");
  g_assert_cmpint (a->start, <, b->start);
  g_assert_cmpint (b->start, <, c->start);
  g_assert_cmpint (c->end, <=, b->end);
}

static void
test_refusals (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = NULL;
  g_autofree char *long_body = g_strnfill (BK_PLAIN_BODY_MAX + 1, 'x');
  BkPlainDraft draft = { .event_id = 10, .title = "Informatieavond", .body = "  \n " };

  g_assert_false (bk_plain_save (f->store, &draft, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Write the summary before you save it."));
  g_clear_error (&error);

  draft.body = long_body;
  g_assert_false (bk_plain_save (f->store, &draft, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_clear_error (&error);

  draft.body = "We hebben gepraat over het handelingsplan.";
  draft.event_id = 0;
  problems = bk_plain_validate (&draft);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpstr (((BkFieldError *) g_ptr_array_index (problems, 0))->field, ==, "event");
  g_assert_false (bk_plain_save (f->store, &draft, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Choose the evening or meeting"));
  g_clear_error (&error);

  /* An event that does not exist (any more). */
  draft.event_id = 99;
  g_assert_false (bk_plain_save (f->store, &draft, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (q (f, "SELECT count(*) FROM summaries"), ==, 0);
}

static void
test_save_load_update (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GDateTime) earlier = g_date_time_add_days (f->now, -60);
  BkPlainDraft draft = { .event_id = 11, .title = " Ouderbijeenkomst ",
                         .body = "We keken samen naar de doelen. Het handelingsplan staat op de website." };
  BkPlainDraft old = { .event_id = 10, .title = "Informatieavond", .body = "Welkom bij de training." };
  BkPlainSummary *s;
  gint64 id = 0, old_id = 0;

  /* Jargon is advice: it does not stop saving. */
  g_assert_true (bk_plain_save (f->store, &draft, f->now, &id, &error));
  g_assert_no_error (error);
  /* Saved later but written earlier: it comes second. */
  g_assert_true (bk_plain_save (f->store, &old, earlier, &old_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (old_id, >, id);

  list = bk_plain_load_for_cycle (f->store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpint (s->id, ==, id);
  g_assert_cmpint (s->cycle_id, ==, 1);
  g_assert_cmpint (s->event_id, ==, 11);
  g_assert_cmpstr (s->event_title, ==, "Ouderbijeenkomst");
  g_assert_cmpstr (s->title, ==, "Ouderbijeenkomst");
  g_assert_cmpstr (s->written_on, ==, "2026-11-23");
  g_assert_null (s->sent_on);
  s = g_ptr_array_index (list, 1);
  g_assert_cmpint (s->id, ==, old_id);
  g_assert_cmpstr (s->written_on, ==, "2026-09-24");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* By its event, as the editor opens it; none yet is not an error. */
  {
    g_autoptr (BkPlainSummary) by_event = bk_plain_load_for_event (f->store, 10, &error);
    g_autoptr (BkPlainSummary) none = bk_plain_load_for_event (f->store, 999, &error);

    g_assert_no_error (error);
    g_assert_nonnull (by_event);
    g_assert_cmpint (by_event->id, ==, old_id);
    g_assert_cmpstr (by_event->body, ==, "Welkom bij de training.");
    g_assert_null (none);
  }

  /* An edit replaces the row. */
  draft.id = id;
  draft.body = "We keken samen naar de doelen. Het plan voor uw kind staat op de website.";
  g_assert_true (bk_plain_save (f->store, &draft, f->now, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (q (f, "SELECT count(*) FROM summaries WHERE event_id = 11"), ==, 1);
  g_assert_cmpint (q (f, "SELECT count(*) FROM summaries"), ==, 2);
  list = bk_plain_load_for_cycle (f->store, 1, &error);
  s = g_ptr_array_index (list, 0);
  g_assert_nonnull (strstr (s->body, "plan voor uw kind"));

  /* Updating one that was deleted. */
  draft.id = 999;
  g_assert_false (bk_plain_save (f->store, &draft, f->now, NULL, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (q (f, "SELECT count(*) FROM summaries"), ==, 2);
}

static void
changed_cb (BkStore    *store,
            const char *table,
            gint64      row_id,
            gpointer    user_data)
{
  gint64 *seen = user_data;

  if (g_strcmp0 (table, "summaries") == 0)
    *seen = row_id;
}

static void
test_mark_sent (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  BkPlainDraft draft = { .event_id = 10, .title = "Informatieavond", .body = "Welkom bij de training." };
  gint64 id = 0, seen = -1;

  g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), &seen);
  g_assert_true (bk_plain_save (f->store, &draft, f->now, &id, &error));
  g_assert_cmpint (seen, ==, 10);
  g_assert_cmpint (q (f, "SELECT count(*) FROM summaries WHERE sent_on IS NULL"), ==, 1);

  seen = -1;
  g_assert_true (bk_plain_mark_sent (f->store, id, f->now, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seen, ==, 10);
  g_assert_cmpint (q (f, "SELECT count(*) FROM summaries WHERE sent_on = '2026-11-23'"), ==, 1);

  g_assert_false (bk_plain_mark_sent (f->store, 999, f->now, &error));
  g_assert_error (error, BK_STORE_ERROR, BK_STORE_ERROR_NOT_FOUND);
  g_signal_handlers_disconnect_by_data (f->store, &seen);
}

static void
test_write_text (void)
{
  g_autofree char *dir = bk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "samenvatting.txt", NULL);
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  BkPlainSummary s = { .title = "Informatieavond", .body = "Zoë en René deden mee.\n\nTot ziens!" };

  g_assert_true (bk_plain_write_text (&s, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "Informatieavond\n\nZoë en René deden mee.\n\nTot ziens!\n");
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));

  /* A folder that does not exist: an error, and no file. */
  g_clear_pointer (&path, g_free);
  path = g_build_filename (dir, "nergens", "samenvatting.txt", NULL);
  g_assert_false (bk_plain_write_text (&s, path, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  bk_test_rmdir (dir);
}

static void
test_template (void)
{
  g_autofree char *text = bk_plain_template_for ("Ouderavond 19 november");
  g_autofree char *plain = bk_plain_template_for (NULL);
  g_autoptr (GPtrArray) flags = bk_plain_check (text);

  g_assert_nonnull (strstr (text, "Ouderavond 19 november"));
  g_assert_nonnull (strstr (text, "could not come"));
  g_assert_nonnull (strstr (text, "What you can do at home"));
  g_assert_nonnull (strstr (text, "When we meet next"));
  /* It follows its own advice. */
  g_assert_cmpuint (flags->len, ==, 0);
  g_assert_null (strstr (plain, "(null)"));
  g_assert_nonnull (strstr (plain, "our meeting"));
}

/* Everyone of the cycle gets the summary: the absent first, then by name;
 * paper for those without e-mail or who prefer a letter; a flag for those
 * who read little Dutch. A child who left, or a parent removed, is not
 * written to. */
static void
test_recipients (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = NULL;
  BkPlainRecipient *r;

  g_assert_true (bk_store_exec (f->store,
    "INSERT INTO children (id, given_name, family_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'de Vries', 'x', 'x'), (2, 'Daan', 'Bakker', 'x', 'x'), (3, 'Mila', 'Kok', 'x', 'x');"
    "UPDATE children SET deleted_at = 'x' WHERE id = 3;"
    "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (1, 1, '2026-09-01'), (2, 1, '2026-09-01'),"
    " (3, 1, '2026-09-01');"
    "INSERT INTO parents (id, given_name, family_name, email, preferred_channel, dutch_level, created_at) VALUES"
    " (1, 'Sandra', 'de Vries', 'sandra@example.org', 'email', 'fluent', 'x'),"
    " (2, 'Mark', 'Bakker', NULL, NULL, NULL, 'x'),"
    " (3, 'Amal', 'Bakker', 'amal@example.org', NULL, 'little', 'x'),"
    " (4, 'Els', 'Kok', 'els@example.org', NULL, NULL, 'x'),"
    " (5, 'Ruud', 'de Vries', '  ', 'letter', NULL, 'x'),"
    " (6, 'Oud', 'Ouder', 'oud@example.org', NULL, NULL, 'x');"
    "UPDATE parents SET deleted_at = 'x' WHERE id = 6;"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES (1, 1, 'mother'), (2, 2, 'father'),"
    " (3, 2, 'mother'), (4, 3, 'mother'), (5, 1, 'father'), (6, 1, 'other');"
    "INSERT INTO attendance (event_id, parent_id, present) VALUES (11, 1, 1), (11, 2, 0);", &error));
  g_assert_no_error (error);

  list = bk_plain_recipients (f->store, 11, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  /* Absent (or not recorded) first: Amal, Mark, Ruud; then Sandra. */
  r = g_ptr_array_index (list, 0);
  g_assert_cmpstr (r->name, ==, "Amal Bakker");
  g_assert_cmpstr (r->children, ==, "Daan");
  g_assert_cmpstr (r->email, ==, "amal@example.org");
  g_assert_false (r->on_paper);
  g_assert_true (r->plain_help);
  g_assert_false (r->present);
  r = g_ptr_array_index (list, 1);
  g_assert_cmpstr (r->name, ==, "Mark Bakker");
  g_assert_null (r->email);
  g_assert_true (r->on_paper);
  g_assert_false (r->plain_help);
  r = g_ptr_array_index (list, 2);
  g_assert_cmpstr (r->name, ==, "Ruud de Vries");
  g_assert_null (r->email);
  g_assert_true (r->on_paper);
  r = g_ptr_array_index (list, 3);
  g_assert_cmpstr (r->name, ==, "Sandra de Vries");
  g_assert_true (r->present);
  g_assert_false (r->on_paper);

  /* An event nobody is enrolled for: an empty list, not an error. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = bk_plain_recipients (f->store, 999, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* The agreements of a conversation as a letter: the open ones only, with
 * who and by when, the day told in local time, and the next contact. */
static void
test_letter (void)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Europe/Amsterdam");
  g_autoptr (GPtrArray) agreements = g_ptr_array_new ();
  BkAgreement open = { 1, "Zoë leest elke dag tien minuten voor.", "Moeder", "2026-12-07", NULL };
  BkAgreement done = { 2, "Het leesboek mee naar huis", "Sanne (coach)", "2026-11-30", "2026-11-28" };
  /* 23:30 UTC on 24 November is already 25 November in Amsterdam. */
  BkConversation c = { .child_name = "Zoë de Vries", .held_at = "2026-11-24T23:30:00Z",
                       .next_contact_on = "2026-12-14", .agreements = agreements };
  g_autofree char *title = bk_plain_letter_title (&c);
  g_autofree char *text = NULL;
  g_autofree char *empty = NULL;
  g_autoptr (GPtrArray) flags = NULL;

  g_ptr_array_add (agreements, &open);
  g_ptr_array_add (agreements, &done);
  text = bk_plain_letter_for (&c, tz);
  g_assert_cmpstr (title, ==, "What we agreed about Zoë de Vries");
  g_assert_nonnull (strstr (text, "On 25-11-2026 we talked about Zoë de Vries."));
  g_assert_nonnull (strstr (text, "- Zoë leest elke dag tien minuten voor. Who: Moeder. Ready by: 7-12-2026.\n"));
  g_assert_null (strstr (text, "leesboek"));
  g_assert_nonnull (strstr (text, "14-12-2026"));
  flags = bk_plain_check (text);
  g_assert_cmpuint (flags->len, ==, 0);

  /* Nothing open and no next contact: prompts for the coach, not blanks. */
  g_ptr_array_remove_index (agreements, 0);
  c.next_contact_on = NULL;
  c.held_at = NULL;
  empty = bk_plain_letter_for (&c, tz);
  g_assert_nonnull (strstr (empty, "We talked about Zoë de Vries."));
  g_assert_nonnull (strstr (empty, "(Write what we agreed.)"));
  g_assert_nonnull (strstr (empty, "(Write when we will speak again.)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plain/check/long-sentence", test_long_sentence);
  g_test_add_func ("/plain/check/lines-and-joiners", test_lines_are_sentences);
  g_test_add_func ("/plain/check/utf8-words", test_utf8_words);
  g_test_add_func ("/plain/check/jargon", test_jargon);
  g_test_add_func ("/plain/check/text-order", test_text_order);
  g_test_add ("/plain/save/refusals", Fixture, NULL, fixture_setup, test_refusals, fixture_teardown);
  g_test_add ("/plain/save/load-update", Fixture, NULL, fixture_setup, test_save_load_update, fixture_teardown);
  g_test_add ("/plain/save/mark-sent", Fixture, NULL, fixture_setup, test_mark_sent, fixture_teardown);
  g_test_add_func ("/plain/write-text", test_write_text);
  g_test_add_func ("/plain/template", test_template);
  g_test_add_func ("/plain/letter", test_letter);
  g_test_add ("/plain/recipients", Fixture, NULL, fixture_setup, test_recipients, fixture_teardown);

  return g_test_run ();
}
