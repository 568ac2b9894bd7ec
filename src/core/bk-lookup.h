/* bk-lookup.h
 * Short lists to choose from in forms: groups/cycles and staff, by id and name.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_LOOKUP (bk_lookup_get_type ())
G_DECLARE_FINAL_TYPE (BkLookup, bk_lookup, BK, LOOKUP, GObject)

gint64      bk_lookup_get_id     (BkLookup *self);
const char *bk_lookup_get_name   (BkLookup *self);
guint       bk_lookup_find       (GListModel *model,
                                  gint64      id);

GListStore *bk_lookup_cycles     (BkStore  *store,
                                  GError  **error);
GListStore *bk_lookup_coaches    (BkStore  *store,
                                  GError  **error);
GListStore *bk_lookup_staff      (BkStore  *store,
                                  GError  **error);
char       *bk_lookup_staff_role (BkStore  *store,
                                  gint64    staff_id);

G_END_DECLS
