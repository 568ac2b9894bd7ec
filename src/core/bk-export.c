/* bk-export.c
 * Writing parents and contacts to CSV files a spreadsheet opens.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ouders.csv / parents.csv and contacten.csv / contacts.csv (the names
 * follow the language), semicolons, UTF-8 with a byte order mark so Dutch
 * Excel shows accents right. Parent-type observations are internal working
 * notes and are not part of this export.
 */
#define G_LOG_DOMAIN "bk-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "bk-contact.h"
#include "bk-csv.h"
#include "bk-export.h"
#include "bk-parent.h"
#include "bk-store-private.h"

static const char *
text_or_empty (sqlite3_stmt *stmt,
               int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

static gboolean
write_file (const char  *folder,
            const char  *name,
            GString     *content,
            GError     **error)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr (GError) local = NULL;

  if (!g_file_set_contents (path, content->str, content->len, &local))
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED,
                   _("Could not write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
export_parents (BkStore     *store,
                GString     *out,
                GError     **error)
{
  g_autoptr (GListStore) parents = bk_parent_load_all (store, error);
  const char *header[] = { _("First name"), _("Family name"), _("Relation and children"),
                           _("Phone"), _("E-mail"), _("Prefers"), _("Address"),
                           _("Dutch"), _("Language at home"), _("When they can come"), NULL };

  if (parents == NULL)
    return FALSE;
  bk_csv_append_row (out, header);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (parents)); i++)
    {
      g_autoptr (BkParent) p = g_list_model_get_item (G_LIST_MODEL (parents), i);
      const char *channel = bk_parent_channel_label (bk_parent_get_channel (p));
      const char *dutch = bk_parent_dutch_level_label (bk_parent_get_dutch_level (p));
      const char *row[] = {
        bk_parent_get_given_name (p), bk_parent_get_family_name (p), bk_parent_get_subtitle (p),
        bk_parent_get_phone (p) ? bk_parent_get_phone (p) : "",
        bk_parent_get_email (p) ? bk_parent_get_email (p) : "",
        channel ? channel : "", bk_parent_get_address (p) ? bk_parent_get_address (p) : "",
        dutch ? dutch : "", bk_parent_get_language (p) ? bk_parent_get_language (p) : "",
        bk_parent_get_availability (p) ? bk_parent_get_availability (p) : "", NULL
      };
      bk_csv_append_row (out, row);
    }
  return TRUE;
}

static gboolean
export_contacts (BkStore  *store,
                 GString  *out,
                 GError  **error)
{
  static const char sql[] =
    "SELECT c.occurred_at, c.kind,"
    "       (SELECT group_concat (p.given_name || ' ' || p.family_name, ', ')"
    "          FROM contact_parents cp JOIN parents p ON p.id = cp.parent_id"
    "         WHERE cp.contact_id = c.id),"
    "       ch.given_name || ' ' || ch.family_name, s.name, c.direction, c.form, c.depth,"
    "       c.tone, c.note"
    "  FROM contacts c LEFT JOIN children ch ON ch.id = c.child_id"
    "  LEFT JOIN staff s ON s.id = c.staff_id"
    " ORDER BY c.occurred_at, c.id";
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);
  const char *header[] = { _("When (UTC)"), _("Kind"), _("Parents"), _("Child"), _("Staff"),
                           _("Direction"), _("Form of involvement"), _("Depth"), _("Tone"),
                           _("Note"), NULL };
  int rc;

  if (stmt == NULL)
    return FALSE;
  bk_csv_append_row (out, header);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = bk_contact_kind_label (text_or_empty (stmt, 1));
      g_autofree char *depth = g_strdup_printf ("%d", sqlite3_column_int (stmt, 7));
      const char *row[] = {
        text_or_empty (stmt, 0), kind ? kind : text_or_empty (stmt, 1), text_or_empty (stmt, 2),
        text_or_empty (stmt, 3), text_or_empty (stmt, 4),
        bk_contact_direction_label (text_or_empty (stmt, 5)) ?: "",
        bk_contact_form_label (text_or_empty (stmt, 6)) ?: "", depth,
        bk_contact_tone_label (text_or_empty (stmt, 8)) ?: "", text_or_empty (stmt, 9), NULL
      };
      bk_csv_append_row (out, row);
    }
  if (rc != SQLITE_DONE)
    {
      bk_store_set_error (store, error, _("Could not read the contacts"));
      return FALSE;
    }
  return TRUE;
}

/**
 * bk_export_to_folder:
 * @folder: made when it does not exist
 *
 * Writes the parents and the contacts as two CSV files in @folder.
 */
gboolean
bk_export_to_folder (BkStore     *store,
                     const char  *folder,
                     GError     **error)
{
  g_autoptr (GString) parents = g_string_new ("\xEF\xBB\xBF");
  g_autoptr (GString) contacts = g_string_new ("\xEF\xBB\xBF");

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_FAILED,
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (errno));
      return FALSE;
    }
  return export_parents (store, parents, error) &&
         export_contacts (store, contacts, error) &&
         /* Translators: file names of the export */
         write_file (folder, _("parents.csv"), parents, error) &&
         write_file (folder, _("contacts.csv"), contacts, error);
}
