/* bk-current-staff.h
 * Who uses Betrokken here: the staff member contacts are logged by.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

gint64   bk_current_staff_id        (BkStore *store);
gboolean bk_current_staff_is_intern (BkStore *store);

G_END_DECLS
