/* bk-contact.h
 * Every touchpoint with parents: what kind, with whom, which way, how it went.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-form.h"
#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_CONTACT (bk_contact_get_type ())
G_DECLARE_FINAL_TYPE (BkContact, bk_contact, BK, CONTACT, GObject)

/* A kind of contact with what it usually is; the quick-add uses these. */
typedef struct
{
  const char *kind;        /* "door-talk", "phone", ... as stored */
  const char *label;       /* untranslated; use bk_contact_kind_label() */
  const char *icon_name;
  const char *direction;   /* "to-parent", "from-parent", "two-way" */
  const char *form;        /* Epstein: "parenting", "communicating", ... */
  int         depth;       /* 1 one-way, 2 two-way, 3 together */
} BkContactKind;

typedef struct
{
  GDateTime  *occurred_at;
  const char *kind;
  GArray     *parent_ids;  /* gint64; at least one */
  gint64      child_id;    /* 0: none */
  gint64      staff_id;    /* 0: none */
  const char *direction;
  const char *form;
  int         depth;
  const char *tone;        /* "positive", "neutral", "concern" */
  char       *note;
} BkContactDraft;

const BkContactKind *bk_contact_kinds        (guint      *n_kinds);
const BkContactKind *bk_contact_kind_find    (const char *kind);
const char          *bk_contact_kind_label   (const char *kind);
const char          *bk_contact_tone_label   (const char *tone);
const char          *bk_contact_direction_label (const char *direction);
const char          *bk_contact_form_label   (const char *form);

gint64      bk_contact_get_id          (BkContact *self);
const char *bk_contact_get_kind        (BkContact *self);
const char *bk_contact_get_tone        (BkContact *self);
const char *bk_contact_get_direction   (BkContact *self);
const char *bk_contact_get_occurred_at (BkContact *self);
const char *bk_contact_get_note        (BkContact *self);
const char *bk_contact_get_title       (BkContact *self);
const char *bk_contact_get_subtitle    (BkContact *self);

BkContactDraft *bk_contact_draft_new      (GDateTime      *occurred_at,
                                           const char     *kind,
                                           gint64          parent_id);
void            bk_contact_draft_free     (BkContactDraft *draft);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkContactDraft, bk_contact_draft_free)

GPtrArray  *bk_contact_draft_validate  (const BkContactDraft *draft,
                                        GDateTime            *now);
gboolean    bk_contact_save            (BkStore              *store,
                                        const BkContactDraft *draft,
                                        GDateTime            *now,
                                        gint64               *out_id,
                                        GError              **error);
GListStore *bk_contact_load_for_parent (BkStore  *store,
                                        gint64    parent_id,
                                        guint     limit,
                                        GError  **error);

G_END_DECLS
