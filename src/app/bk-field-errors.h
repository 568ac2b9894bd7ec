/* bk-field-errors.h
 * Showing a form's refusals under the fields they are about.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A field of a form: its core name, the widget typed in, and the widget
 * that shows its refusal (an AdwPreferencesRow or a GtkLabel, hidden). */
typedef struct
{
  const char *field;
  GtkWidget  *input;
  GtkWidget  *message;
} BkFieldWidgets;

void bk_field_errors_clear (const BkFieldWidgets *fields,
                            guint                 n_fields);
void bk_field_errors_show  (const BkFieldWidgets *fields,
                            guint                 n_fields,
                            GPtrArray            *errors);

G_END_DECLS
