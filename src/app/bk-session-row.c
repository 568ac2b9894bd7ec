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
#include <string.h>

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

/**
 * bk_estimate_lines:
 *
 * How many lines @text takes at about 90 characters a line, at most @max:
 * the height to give a GtkInscription. Rows with an inscription instead of
 * a wrapping label lay out without shaping their text at every width a
 * list asks about; that made the child's form and timeline several times
 * quicker to show.
 */
guint
bk_estimate_lines (const char *text,
                   guint       max)
{
  guint lines = 0;

  if (text == NULL || *text == '\0')
    return 0;
  for (const char *line = text; line != NULL; )
    {
      const char *end = strchr (line, '\n');
      glong chars = g_utf8_strlen (line, end ? end - line : -1);

      lines += MAX (1, (chars + 89) / 90);
      line = end ? end + 1 : NULL;
    }
  return MIN (lines, max);
}

/* A row like an AdwActionRow: the title, beneath it what happened (an
 * inscription, see bk_estimate_lines()), the face in front. Rows are
 * filled by bk_session_row_set_entry(), so a list can reuse them. */
GtkWidget *
bk_session_row_new (const BkSessionEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *face = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_inscription_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "title");
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (detail), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_yalign (GTK_INSCRIPTION (detail), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (detail), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "subtitle");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), detail);
  gtk_box_append (GTK_BOX (box), face);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "header");
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  g_object_set_data (G_OBJECT (row), "face", face);
  g_object_set_data (G_OBJECT (row), "title", title);
  g_object_set_data (G_OBJECT (row), "detail", detail);
  bk_session_row_set_entry (row, entry);
  return row;
}

void
bk_session_row_set_entry (GtkWidget            *row,
                          const BkSessionEntry *e)
{
  GtkWidget *face = g_object_get_data (G_OBJECT (row), "face");
  g_autofree char *day = bk_date_format_user (e->held_on);
  /* Translators: "Session 7 · 18-11-2026" */
  g_autofree char *title = g_strdup_printf (_("Session %d · %s"), e->session_no, day);
  g_autofree char *label = g_strdup_printf (_("The child’s day: %d of 5"), e->day_rating);
  g_autoptr (GString) subtitle = g_string_new (NULL);

  if (e->absent)
    g_string_append (subtitle, _("Absent"));
  else
    {
      add_line (subtitle, e->how_worked, "%s", e->how_worked);
      add_line (subtitle, e->step_text, _("Step: %s"), e->step_text);
      add_line (subtitle, e->tip, _("Tip: %s"), e->tip);
      add_line (subtitle, e->top, _("Top: %s"), e->top);
    }
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "title"), title);
  gtk_inscription_set_text (g_object_get_data (G_OBJECT (row), "detail"), subtitle->str);
  gtk_inscription_set_min_lines (g_object_get_data (G_OBJECT (row), "detail"),
                                 bk_estimate_lines (subtitle->str, 8));
  gtk_widget_set_visible (face, bk_face_icon_name (e->day_rating) != NULL);
  gtk_image_set_from_icon_name (GTK_IMAGE (face), bk_face_icon_name (e->day_rating));
  gtk_accessible_update_property (GTK_ACCESSIBLE (face), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (face, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

/* What the row shows, for tests. */
const char *
bk_session_row_get_title (GtkWidget *row)
{
  return gtk_label_get_text (g_object_get_data (G_OBJECT (row), "title"));
}

const char *
bk_session_row_get_detail (GtkWidget *row)
{
  return gtk_inscription_get_text (g_object_get_data (G_OBJECT (row), "detail"));
}
