/* bk-plain.h
 * Plain-language summaries of information evenings and parent meetings.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-conversation.h"
#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_PLAIN_TITLE_MAX      200
#define BK_PLAIN_BODY_MAX       20000
#define BK_PLAIN_SENTENCE_WORDS 15   /* more than this is a long sentence */

typedef enum {
  BK_PLAIN_LONG_SENTENCE,
  BK_PLAIN_JARGON,
} BkPlainFlagKind;

/* Advice on a text; it never blocks saving. */
typedef struct
{
  BkPlainFlagKind  kind;
  int              start;       /* byte offsets in the text: [start, end) */
  int              end;
  int              words;       /* for long sentences */
  char            *word;        /* for jargon, as found in the text */
  const char      *suggestion;  /* plain alternative, translated, or NULL */
} BkPlainFlag;

void       bk_plain_flag_free (BkPlainFlag *flag);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkPlainFlag, bk_plain_flag_free)

GPtrArray *bk_plain_check     (const char  *text);

/* What the editor holds; all borrowed. id 0 is a new summary. */
typedef struct
{
  gint64      id;
  gint64      cycle_id;   /* ignored by save: taken from the event */
  gint64      event_id;
  const char *title;
  const char *body;
} BkPlainDraft;

typedef struct
{
  gint64  id;
  gint64  cycle_id;
  gint64  event_id;     /* 0 when the event was deleted */
  char   *event_title;  /* NULL when the event was deleted */
  char   *title;
  char   *body;
  char   *written_on;   /* YYYY-MM-DD */
  char   *sent_on;      /* YYYY-MM-DD, or NULL: not sent yet */
} BkPlainSummary;

void       bk_plain_summary_free   (BkPlainSummary *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkPlainSummary, bk_plain_summary_free)

/* A parent of the cycle the summary goes to, present at the event or not. */
typedef struct
{
  gint64    parent_id;
  char     *name;
  char     *children;     /* "Zoë, Daan" */
  char     *email;        /* or NULL */
  gboolean  on_paper;     /* no e-mail, or a letter is what works */
  gboolean  plain_help;   /* reads little or no Dutch: explain it, or have it translated */
  gboolean  present;
} BkPlainRecipient;

void       bk_plain_recipient_free (BkPlainRecipient *r);

GPtrArray *bk_plain_recipients     (BkStore               *store,
                                    gint64                 event_id,
                                    GError               **error);
GPtrArray *bk_plain_validate       (const BkPlainDraft    *draft);
gboolean   bk_plain_save           (BkStore               *store,
                                    const BkPlainDraft    *draft,
                                    GDateTime             *now,
                                    gint64                *out_id,
                                    GError               **error);
gboolean   bk_plain_mark_sent      (BkStore               *store,
                                    gint64                 summary_id,
                                    GDateTime             *now,
                                    GError               **error);
BkPlainSummary *bk_plain_load_for_event (BkStore          *store,
                                    gint64                 event_id,
                                    GError               **error);
GPtrArray *bk_plain_load_for_cycle (BkStore               *store,
                                    gint64                 cycle_id,
                                    GError               **error);
gboolean   bk_plain_write_text     (const BkPlainSummary  *s,
                                    const char            *path,
                                    GError               **error);
char      *bk_plain_template_for   (const char            *event_title);
char      *bk_plain_letter_title   (const BkConversation  *c);
char      *bk_plain_letter_for     (const BkConversation  *c,
                                    GTimeZone             *tz);

G_END_DECLS
