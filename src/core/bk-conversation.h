/* bk-conversation.h
 * Parent conversations: planned, prepared, held and followed up.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_CONVERSATION_TEXT_MAX 4000     /* agenda, questions */
#define BK_CONVERSATION_PURPOSE_MAX 2000  /* as the schema allows */
#define BK_CONVERSATION_OPENER_MAX 1000   /* as the schema allows */
#define BK_CONVERSATION_NOTES_MAX 20000
#define BK_CONVERSATION_NAME_MAX 120      /* interpreter, agreement owner */
#define BK_AGREEMENT_TEXT_MAX 1000
#define BK_SELF_CHECK_REFLECTION_MAX 2000

/* An agreement as a form holds it; strings borrowed. */
typedef struct
{
  const char *text;
  const char *owner;      /* who does it: "Moeder", "Sanne (coach)" */
  const char *due_on;     /* as typed: 7-12-2026 or 2026-12-07 */
} BkAgreementDraft;

/* What the conversation form holds; strings borrowed. */
typedef struct
{
  gint64      id;              /* 0: new */
  const char *kind;            /* intake, informal, mid-term, phone, home-visit, closing, after-care */
  gint64      child_id;
  gint64      staff_id;        /* 0: none */
  gboolean    held;            /* FALSE: planned */
  const char *day;             /* as typed: 7-12-2026 */
  const char *time;            /* "15:30" or empty */
  const char *purpose;
  const char *agenda;
  const char *questions;
  const char *positive_opener;
  const char *notes;
  const char *next_contact_on; /* as typed, or empty */
  GArray     *parent_ids;      /* of gint64: the parents taking part; may be NULL */
  const char *interpreter;     /* name, or empty */
  const BkAgreementDraft *agreements;
  guint       n_agreements;
} BkConversationDraft;

/* A stored agreement. */
typedef struct
{
  gint64  id;
  char   *text;
  char   *owner;
  char   *due_on;           /* YYYY-MM-DD */
  char   *done_on;          /* YYYY-MM-DD, or NULL while open */
} BkAgreement;

/* A stored conversation, for lists, the preparation and the calendar. */
typedef struct
{
  gint64  id;
  char   *kind;
  gint64  child_id;
  char   *child_name;
  char   *status;           /* planned, held, cancelled */
  char   *planned_at;       /* ISO 8601 UTC, or NULL */
  char   *held_at;          /* ISO 8601 UTC, or NULL */
  char   *purpose;
  char   *agenda;
  char   *questions;
  char   *positive_opener;
  char   *notes;
  char   *next_contact_on;
  char   *participants;     /* "Sandra de Vries, Mark Bakker, interpreter: ..." */
  char   *staff_name;
  /* What the form needs to edit it again. */
  gint64     staff_id;      /* 0: none */
  char      *interpreter;   /* or NULL */
  GArray    *parent_ids;    /* of gint64, in the order they were chosen */
  GPtrArray *agreements;    /* of BkAgreement: open ones first, by due date */
} BkConversation;

/* The self-check after a conversation, 1-5 each. */
typedef struct
{
  int         genuineness, respect, listening, summarising, asking_further, transparency;
  const char *reflection;
} BkSelfCheckDraft;

/* One point of a staff member's self-check trend: the mean scores of the
 * self-checks of the conversations held on @day (local time). */
typedef struct
{
  char   day[11];          /* YYYY-MM-DD */
  guint  n_checks;
  double genuineness, respect, listening, summarising, asking_further, transparency;
} BkSelfCheckPoint;

void        bk_conversation_free           (BkConversation *conversation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkConversation, bk_conversation_free)

const char *bk_conversation_kind_label     (const char *kind);
const char * const *bk_conversation_kinds  (void);
const char * const *bk_conversation_open_questions (void);

GPtrArray  *bk_conversation_validate       (const BkConversationDraft *draft,
                                            GDateTime                 *now);
gboolean    bk_conversation_save           (BkStore                   *store,
                                            const BkConversationDraft *draft,
                                            GDateTime                 *now,
                                            gint64                    *out_id,
                                            GError                   **error);
BkConversation *bk_conversation_load       (BkStore                   *store,
                                            gint64                     id,
                                            GError                   **error);
GPtrArray  *bk_conversation_load_for_child (BkStore                   *store,
                                            gint64                     child_id,
                                            GError                   **error);
GPtrArray  *bk_conversation_load_planned   (BkStore                   *store,
                                            GDateTime                 *now,
                                            GError                   **error);
GPtrArray  *bk_self_check_validate         (const BkSelfCheckDraft    *check);
gboolean    bk_self_check_save             (BkStore                   *store,
                                            gint64                     conversation_id,
                                            gint64                     staff_id,
                                            const BkSelfCheckDraft    *check,
                                            GDateTime                 *now,
                                            GError                   **error);
GArray     *bk_self_check_trend            (BkStore                   *store,
                                            gint64                     staff_id,
                                            GError                   **error);

G_END_DECLS
