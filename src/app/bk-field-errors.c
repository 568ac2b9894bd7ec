/* bk-field-errors.c
 * Showing a form's refusals under the fields they are about.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bk-field-errors"

#include "bk-field-errors.h"
#include "bk-form.h"

static void
set_message (GtkWidget  *message,
             const char *text)
{
  if (ADW_IS_PREFERENCES_ROW (message))
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message), text ? text : "");
  else
    gtk_label_set_text (GTK_LABEL (message), text ? text : "");
  gtk_widget_set_visible (message, text != NULL);
}

void
bk_field_errors_clear (const BkFieldWidgets *fields,
                       guint                 n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    {
      set_message (fields[i].message, NULL);
      gtk_widget_remove_css_class (fields[i].input, "error");
    }
}

/**
 * bk_field_errors_show:
 * @errors: (element-type BkFieldError): from a core validate function
 *
 * Clears old messages, puts each refusal under its field, marks the field,
 * and moves the focus to the first refused field. A refusal for a field
 * the form does not have goes under the last one.
 */
void
bk_field_errors_show (const BkFieldWidgets *fields,
                      guint                 n_fields,
                      GPtrArray            *errors)
{
  GtkWidget *first = NULL;

  bk_field_errors_clear (fields, n_fields);
  for (guint e = 0; e < errors->len; e++)
    {
      BkFieldError *error = g_ptr_array_index (errors, e);
      const BkFieldWidgets *where = &fields[n_fields - 1];

      for (guint i = 0; i < n_fields; i++)
        if (g_str_equal (fields[i].field, error->field))
          where = &fields[i];
      if (gtk_widget_get_visible (where->message))
        continue;   /* one message a field: the first */
      set_message (where->message, error->message);
      if (ADW_IS_ENTRY_ROW (where->input))
        gtk_widget_add_css_class (where->input, "error");
      if (first == NULL)
        first = where->input;
    }
  if (first != NULL)
    gtk_widget_grab_focus (first);
}
