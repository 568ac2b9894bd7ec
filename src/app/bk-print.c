/* bk-print.c
 * Printing one A4 page through GTK's print dialog, or to a PDF for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything Betrokken prints (the parents' progress summary, the coach's
 * preparation sheet, a letter to parents) is drawn by the charts layer on
 * a page of any size; here GtkPrintOperation hands it a page. What does
 * not fit on one page is left off; the PDF export has every page.
 */
#define G_LOG_DOMAIN "bk-print"

#include "config.h"

#include "bk-print.h"

typedef struct
{
  BkPageDrawFunc draw;
  gpointer       data;
  GDestroyNotify free_data;
} Job;

static void
job_free (Job *job)
{
  if (job->free_data != NULL)
    job->free_data (job->data);
  g_free (job);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  job->draw (gtk_print_context_get_cairo_context (context),
             gtk_print_context_get_width (context), gtk_print_context_get_height (context),
             FALSE, job->data);
}

/**
 * bk_print_page:
 * @parent: (nullable): the window the print dialog belongs to
 * @data: (transfer full): what @draw draws; freed with @free_data
 * @export_path: (nullable): %NULL to show the print dialog; a file to
 *   print to PDF without asking (for tests)
 *
 * Prints one A4 page. Cancelling the dialog is not an error.
 *
 * Returns: %FALSE with @error set when it could not be printed
 */
gboolean
bk_print_page (GtkWindow       *parent,
               const char      *job_name,
               BkPageDrawFunc   draw,
               gpointer         data,
               GDestroyNotify   free_data,
               const char      *export_path,
               GError         **error)
{
  g_autoptr (GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Job *job = g_new0 (Job, 1);

  *job = (Job) { draw, data, free_data };
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, job_name);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), job,
                         (GClosureNotify) (void (*) (void)) job_free, 0);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  return gtk_print_operation_run (operation,
                                  export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                              : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                  parent, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
