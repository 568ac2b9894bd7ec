/* bk-id-combo.h
 * Fills an AdwComboRow or GtkDropDown with labelled ids and reads the chosen id back.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void        bk_id_combo_set (gpointer             combo,
                             const char * const  *ids,
                             const char * const  *labels,
                             const char          *current,
                             const char          *none_label,
                             const char          *unknown_format);
const char *bk_id_combo_get (gpointer             combo);
gboolean    bk_id_combo_select (gpointer          combo,
                                const char       *id);

G_END_DECLS
