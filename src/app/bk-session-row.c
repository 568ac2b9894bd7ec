/* bk-session-row.c
 * One session entry as a list row: session and day, what happened, the face.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shown on the child's form and beside the report editor, so both say the
 * same in the same words.
 */
#define G_LOG_DOMAIN "bk-session-row"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-date.h"
#include "bk-session-dialog.h"
#include "bk-session-row.h"

/* Appends a line when @value is there; @format takes @value only. */
G_GNUC_PRINTF (3, 4) static void
add_line (GString    *text,
          const char *value,
          const char *format,
          ...)
{
  va_list args;

  if (value == NULL)
    return;
  if (text->len > 0)
    g_string_append_c (text, '\n');
  va_start (args, format);
  g_string_append_vprintf (text, format, args);
  va_end (args);
}

GtkWidget *
bk_session_row_new (const BkSessionEntry *e)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = bk_date_format_user (e->held_on);
  /* Translators: "Session 7 · 18-11-2026" */
  g_autofree char *title = g_strdup_printf (_("Session %d · %s"), e->session_no, day);
  g_autoptr (GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (e->absent)
    g_string_append (subtitle, _("Absent"));
  else
    {
      add_line (subtitle, e->how_worked, "%s", e->how_worked);
      add_line (subtitle, e->step_text, _("Step: %s"), e->step_text);
      add_line (subtitle, e->tip, _("Tip: %s"), e->tip);
      add_line (subtitle, e->top, _("Top: %s"), e->top);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  if (bk_face_icon_name (e->day_rating) != NULL)
    {
      GtkWidget *face = gtk_image_new_from_icon_name (bk_face_icon_name (e->day_rating));
      g_autofree char *label = g_strdup_printf (_("The child’s day: %d of 5"), e->day_rating);

      gtk_accessible_update_property (GTK_ACCESSIBLE (face), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_tooltip_text (face, label);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), face);
    }
  return row;
}
