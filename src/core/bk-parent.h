/* bk-parent.h
 * A parent or guardian: contact details, how to reach them, their children.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-child.h"
#include "bk-store.h"
#include "bk-validate.h"

G_BEGIN_DECLS

#define BK_TYPE_PARENT (bk_parent_get_type ())
G_DECLARE_FINAL_TYPE (BkParent, bk_parent, BK, PARENT, GObject)

/* One link of a draft: this parent is @relation of child @child_id. */
typedef struct
{
  gint64      child_id;
  const char *relation;   /* "mother", "father", ... (static strings) */
} BkParentLink;

typedef struct
{
  gint64  id;             /* 0: a new parent */
  char   *given_name;
  char   *family_name;
  char   *email;          /* as typed */
  char   *phone;          /* as typed */
  char   *address;
  char   *preferred_channel;  /* NULL, "phone", "email", "whatsapp", "letter", "in-person" */
  char   *language;
  char   *dutch_level;    /* NULL, "fluent", "basic", "little", "none" */
  char   *availability;
  GArray *links;          /* of BkParentLink; at least one */
} BkParentDraft;

gint64      bk_parent_get_id             (BkParent *self);
gint64      bk_parent_get_family_id      (BkParent *self);
const char *bk_parent_get_display_name   (BkParent *self);
const char *bk_parent_get_subtitle       (BkParent *self);
const char *bk_parent_get_email          (BkParent *self);
const char *bk_parent_get_phone          (BkParent *self);
const char *bk_parent_get_address        (BkParent *self);
const char *bk_parent_get_channel        (BkParent *self);
const char *bk_parent_get_language       (BkParent *self);
const char *bk_parent_get_dutch_level    (BkParent *self);
const char *bk_parent_get_availability   (BkParent *self);
gint64      bk_parent_get_first_child_id (BkParent *self);
gboolean    bk_parent_matches            (BkParent   *self,
                                          const char *folded_query);

const char *bk_parent_get_given_name     (BkParent *self);
const char *bk_parent_get_family_name    (BkParent *self);

const char * const *bk_parent_relations  (void);
const char *bk_parent_relation_label     (const char *relation);
const char *bk_parent_channel_label      (const char *channel);
const char *bk_parent_dutch_level_label  (const char *level);

BkParentDraft *bk_parent_draft_new        (void);
void           bk_parent_draft_free       (BkParentDraft *draft);
void           bk_parent_draft_link       (BkParentDraft *draft,
                                           gint64         child_id,
                                           const char    *relation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkParentDraft, bk_parent_draft_free)

GPtrArray  *bk_parent_draft_validate     (const BkParentDraft *draft,
                                          BkCountry            country);
gboolean    bk_parent_save               (BkStore             *store,
                                          const BkParentDraft *draft,
                                          BkCountry            country,
                                          GDateTime           *now,
                                          gint64              *out_id,
                                          GError             **error);
BkParent   *bk_parent_load               (BkStore  *store,
                                          gint64    id,
                                          GError  **error);
GListStore *bk_parent_load_all           (BkStore  *store,
                                          GError  **error);
GArray     *bk_parent_load_links         (BkStore  *store,
                                          gint64    parent_id,
                                          GError  **error);
gboolean    bk_parent_link_child         (BkStore     *store,
                                          gint64       parent_id,
                                          gint64       child_id,
                                          const char  *relation,
                                          GError     **error);
GListStore *bk_parent_load_sibling_parents (BkStore  *store,
                                            gint64    child_id,
                                            GError  **error);
GListStore *bk_parent_load_for_child     (BkStore  *store,
                                          gint64    child_id,
                                          GError  **error);

G_END_DECLS
