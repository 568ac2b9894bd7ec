/* bk-import-dialog.c
 * Check a class list before anything is written, then import it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows what the file would add, every problem by line and column, which
 * file column is taken for what (changeable), and the first rows. Import
 * stays off while there is a problem; it writes all rows or none.
 */
#define G_LOG_DOMAIN "bk-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-import-dialog.h"

#define MAX_PROBLEMS_SHOWN 200
#define PREVIEW_ROWS 8

struct _BkImportDialog
{
  AdwWindow            parent_instance;

  BkImport            *import;
  AdwComboRow         *column_rows[BK_IMPORT_N_COLUMNS];
  gboolean             mapping;

  AdwWindowTitle      *window_title;
  GtkLabel            *summary_label;
  AdwPreferencesGroup *problems_group;
  GtkListBox          *problems_list;
  AdwPreferencesGroup *columns_group;
  GtkListBox          *preview_list;
  GtkButton           *import_button;
};

G_DEFINE_FINAL_TYPE (BkImportDialog, bk_import_dialog, ADW_TYPE_WINDOW)

enum { IMPORTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
    }
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
refresh (BkImportDialog *self)
{
  GPtrArray *problems = bk_import_get_problems (self->import);
  guint n_rows = bk_import_get_n_rows (self->import);
  g_autofree char *summary = NULL;

  if (problems->len == 0)
    {
      g_autofree char *what = bk_import_describe (self->import);
      /* Translators: "Ready to import: 23 children, 35 parents" */
      summary = g_strdup_printf (_("Ready to import: %s."), what);
    }
  else
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u problem to solve before importing.",
                                            "%u problems to solve before importing.", problems->len),
                               problems->len);
  gtk_label_set_text (self->summary_label, summary);

  clear_list (self->problems_list);
  for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_SHOWN; i++)
    {
      BkImportProblem *p = g_ptr_array_index (problems, i);
      /* Translators: "Line 3 · E-mail" */
      g_autofree char *where = g_strdup_printf (_("Line %u · %s"), p->line, p->column);
      gtk_list_box_append (self->problems_list, text_row (where, p->message));
    }
  if (problems->len > MAX_PROBLEMS_SHOWN)
    {
      g_autofree char *more = g_strdup_printf (_("And %u more"), problems->len - MAX_PROBLEMS_SHOWN);
      gtk_list_box_append (self->problems_list, text_row (more, NULL));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_group), problems->len > 0);

  clear_list (self->preview_list);
  for (guint r = 0; r < n_rows && r < PREVIEW_ROWS; r++)
    {
      g_autofree char *row = bk_import_row_summary (self->import, r);
      g_autofree char *line = g_strdup_printf (_("Line %u"), bk_import_get_row_line (self->import, r));
      gtk_list_box_append (self->preview_list, text_row (row, line));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.commit", problems->len == 0);
}

static void
column_selected_cb (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    BkImportDialog *self)
{
  BkImportColumn column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));
  int file_column = (int) adw_combo_row_get_selected (row) - 1;
  g_autoptr (GError) error = NULL;

  if (self->mapping)
    return;
  if (!bk_import_set_mapping (self->import, column, file_column, &error))
    {
      /* Put the row back as it was, and say why. */
      self->mapping = TRUE;
      adw_combo_row_set_selected (row, bk_import_get_mapping (self->import, column) + 1);
      self->mapping = FALSE;
      gtk_label_set_text (self->summary_label, error->message);
      return;
    }
  refresh (self);
}

static void
build_column_rows (BkImportDialog *self)
{
  const char * const *headings = bk_import_get_headings (self->import);
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("(none)"));
  for (guint i = 0; headings[i] != NULL; i++)
    gtk_string_list_append (choices, headings[i]);

  self->mapping = TRUE;
  for (guint c = 0; c < BK_IMPORT_N_COLUMNS; c++)
    {
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), bk_import_column_label (c));
      adw_combo_row_set_model (row, G_LIST_MODEL (choices));
      adw_combo_row_set_selected (row, bk_import_get_mapping (self->import, c) + 1);
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (c));
      g_signal_connect (row, "notify::selected", G_CALLBACK (column_selected_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      self->column_rows[c] = row;
    }
  self->mapping = FALSE;
}

/**
 * bk_import_dialog_commit:
 *
 * Returns: %TRUE when everything was imported (and the dialog closed)
 */
gboolean
bk_import_dialog_commit (BkImportDialog *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *what = bk_import_describe (self->import);

  if (!bk_import_commit (self->import, &error))
    {
      gtk_label_set_text (self->summary_label, error->message);
      return FALSE;
    }
  g_signal_emit (self, signals[IMPORTED], 0, what);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
commit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  bk_import_dialog_commit (BK_IMPORT_DIALOG (widget));
}

static void
bk_import_dialog_dispose (GObject *object)
{
  BkImportDialog *self = BK_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_IMPORT_DIALOG);
  g_clear_pointer (&self->import, bk_import_free);
  G_OBJECT_CLASS (bk_import_dialog_parent_class)->dispose (object);
}

static void
bk_import_dialog_class_init (BkImportDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_import_dialog_dispose;

  /**
   * BkImportDialog::imported:
   * @what: what was imported, for a toast
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, BkImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, BkImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, BkImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, BkImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, BkImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, BkImportDialog, import_button);

  gtk_widget_class_install_action (widget_class, "import.commit", NULL, commit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_import_dialog_init (BkImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * bk_import_dialog_new:
 * @import: (transfer full): a prepared import
 * @file_name: shown as the subtitle
 */
BkImportDialog *
bk_import_dialog_new (GtkWindow  *parent,
                      BkImport   *import,
                      const char *file_name)
{
  BkImportDialog *self = g_object_new (BK_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->import = import;
  adw_window_title_set_subtitle (self->window_title, file_name);
  build_column_rows (self);
  refresh (self);
  return self;
}

/* For tests and the window: the combo row for @column. */
AdwComboRow *
bk_import_dialog_get_column_row (BkImportDialog *self,
                                 BkImportColumn  column)
{
  return self->column_rows[column];
}
