/* bk-id-combo.c
 * Fills an AdwComboRow or GtkDropDown with labelled ids and reads the chosen id back.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scenario editor chooses from closed lists (techniques, channels,
 * node ids) whose stored values are ids and whose shown values are labels.
 * A value that is empty or not in the list, as an imported file or a
 * deleted node leaves it, must still show and must survive until the
 * teacher picks another: it gets an item of its own at the top. Both
 * widgets have "model" and "selected", so one helper serves both.
 */
#define G_LOG_DOMAIN "bk-id-combo"

#include "config.h"

#include "bk-id-combo.h"

#define VALUES_KEY "bk-id-combo-values"

/**
 * bk_id_combo_set:
 * @combo: an AdwComboRow or a GtkDropDown
 * @ids: the values to choose from, %NULL-terminated
 * @labels: (nullable): what to show for each of @ids; %NULL shows the ids
 * @current: (nullable): the value chosen now
 * @none_label: shown for an empty @current
 * @unknown_format: shown for a @current not in @ids, with one %s for it
 *
 * Replaces the items of @combo and selects @current.
 */
void
bk_id_combo_set (gpointer            combo,
                 const char * const *ids,
                 const char * const *labels,
                 const char         *current,
                 const char         *none_label,
                 const char         *unknown_format)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr (GStrvBuilder) values = g_strv_builder_new ();
  guint selected = 0;
  guint n = 0;

  if (current == NULL || *current == '\0')
    {
      gtk_string_list_append (model, none_label);
      g_strv_builder_add (values, "");
      n++;
    }
  else if (!g_strv_contains (ids, current))
    {
      g_auto (GStrv) parts = g_strsplit (unknown_format, "%s", 2);
      /* Not printf: the format is a translation, and only fills in %s. */
      g_autofree char *label = parts[0] != NULL && parts[1] != NULL
                               ? g_strconcat (parts[0], current, parts[1], NULL) : g_strdup (current);

      gtk_string_list_append (model, label);
      g_strv_builder_add (values, current);
      n++;
    }
  for (guint i = 0; ids[i] != NULL; i++, n++)
    {
      gtk_string_list_append (model, labels != NULL ? labels[i] : ids[i]);
      g_strv_builder_add (values, ids[i]);
      if (g_strcmp0 (ids[i], current) == 0)
        selected = n;
    }
  g_object_set_data_full (G_OBJECT (combo), VALUES_KEY, g_strv_builder_end (values), (GDestroyNotify) g_strfreev);
  g_object_set (combo, "model", model, "selected", selected, NULL);
}

/**
 * bk_id_combo_get:
 *
 * Returns: (transfer none): the id of the chosen item, "" for none
 */
const char *
bk_id_combo_get (gpointer combo)
{
  char **values = g_object_get_data (G_OBJECT (combo), VALUES_KEY);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_object_get (combo, "selected", &selected, NULL);
  if (values == NULL || selected >= g_strv_length (values))
    return "";
  return values[selected];
}

/**
 * bk_id_combo_select:
 *
 * Chooses the item of @id, as a click on it would.
 *
 * Returns: %FALSE when @combo has no item for @id
 */
gboolean
bk_id_combo_select (gpointer    combo,
                    const char *id)
{
  char **values = g_object_get_data (G_OBJECT (combo), VALUES_KEY);

  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    if (g_str_equal (values[i], id))
      {
        g_object_set (combo, "selected", i, NULL);
        return TRUE;
      }
  return FALSE;
}
