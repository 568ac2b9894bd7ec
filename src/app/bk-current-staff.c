/* bk-current-staff.c
 * Who uses Betrokken here: the staff member contacts are logged by.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Chosen in Preferences and kept in GSettings (staff-id). The id belongs to
 * one database, so it is checked against the open one: an id that is not
 * there (another database, a removed colleague) counts as nobody.
 */
#define G_LOG_DOMAIN "bk-current-staff"

#include "config.h"

#include <gio/gio.h>

#include "bk-current-staff.h"
#include "bk-lookup.h"

static char *
current_role (BkStore *store,
              gint64  *out_id)
{
  g_autoptr (GSettings) settings = g_settings_new (BASE_ID);
  gint64 id = g_settings_get_int64 (settings, "staff-id");
  char *role = id > 0 ? bk_lookup_staff_role (store, id) : NULL;

  *out_id = role != NULL ? id : 0;
  return role;
}

/* Returns: the staff member using Betrokken, or 0 for nobody */
gint64
bk_current_staff_id (BkStore *store)
{
  gint64 id;
  g_autofree char *role = current_role (store, &id);

  return id;
}

/* Interns practise; parent-type observations are not theirs to see. */
gboolean
bk_current_staff_is_intern (BkStore *store)
{
  gint64 id;
  g_autofree char *role = current_role (store, &id);

  return g_strcmp0 (role, "intern") == 0;
}
