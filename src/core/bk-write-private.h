/* bk-write-private.h
 * Writing a child or a parent inside a transaction someone else holds.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For the importer: it validates every row first and then writes them all
 * in one transaction, all or nothing. These do not validate, begin, commit
 * or emit ::changed; the caller does.
 */
#pragma once

#include "bk-child.h"
#include "bk-contact.h"
#include "bk-parent.h"

G_BEGIN_DECLS

gboolean bk_child_write  (BkStore             *store,
                          const BkChildDraft  *draft,
                          GDateTime           *now,
                          gint64              *out_id,
                          GError             **error);
gboolean bk_parent_write (BkStore             *store,
                          const BkParentDraft *draft,
                          BkCountry            country,
                          GDateTime           *now,
                          gint64              *out_id,
                          GError             **error);

gboolean bk_parent_write_link (BkStore     *store,
                               gint64       parent_id,
                               gint64       child_id,
                               const char  *relation,
                               GError     **error);
gboolean bk_contact_write (BkStore              *store,
                           const BkContactDraft *draft,
                           gint64               *out_id,
                           GError              **error);

G_END_DECLS
