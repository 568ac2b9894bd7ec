/* bk-bench.c
 * The benchmark: how fast Betrokken is with a large centre's database.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates (once, then reuses) an invented database of 10,000 children,
 * ~20,000 parents and ~1,000,000 contacts, and prints JSON: the time to
 * open it, to the main window's first frame, of a search keystroke in the
 * children list (the filter alone, and until the frame that shows it is
 * painted), and peak memory. Under Xvfb there is no GPU: GTK's GL renderer
 * runs on llvmpipe; GSK_RENDERER=cairo shows what the program itself costs.
 * Needs a display (xvfb-run). Speed is measured here, never in a test.
 *
 * Also: a group's session screen, the parents' summary PDF, and a child's
 * form and timeline with 100 session entries. BK_BENCH_DETAIL_ROUNDS=N
 * repeats that last one N times (for a profiler).
 *
 * usage: bk-bench [--database FILE] [--small] [--keep]
 */
#define G_LOG_DOMAIN "bk-bench"

#include "config.h"

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bk-child-editor.h"
#include "bk-child-timeline.h"
#include "bk-children-page.h"
#include "bk-clock.h"
#include "bk-contact.h"
#include "bk-demo.h"
#include "bk-import.h"
#include "bk-reach.h"
#include "bk-reminders.h"
#include "bk-session.h"
#include "bk-session-dialog.h"
#include "bk-summary-pdf.h"
#include "bk-store-private.h"
#include "bk-store.h"
#include "bk-window.h"

typedef struct
{
  GMainLoop *loop;
  gint64     painted_at;
} Frame;

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  frame->painted_at = g_get_monotonic_time ();
  g_main_loop_quit (frame->loop);
}

/* Runs the main loop until @widget's window has painted once more. */
static gint64
wait_for_paint (GtkWidget *widget)
{
  Frame frame = { g_main_loop_new (NULL, FALSE), 0 };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &frame);

  gtk_widget_queue_draw (widget);
  g_main_loop_run (frame.loop);
  g_signal_handler_disconnect (clock, id);
  g_main_loop_unref (frame.loop);
  return frame.painted_at;
}

static void
realize_cb (GtkWidget *widget,
            Frame     *frame)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (after_paint_cb), frame);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

/* A class list of @n families, two parents each, as Dutch Excel saves it. */
static GString *
class_list (guint n)
{
  GString *csv = g_string_new ("Voornaam kind;Achternaam kind;Geboortedatum;Groep;"
                               "Voornaam ouder;Achternaam ouder;Relatie;E-mail;Telefoon\r\n");

  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (csv, "Kind%u;Familie%u;%u-%u-2015;Groep %u;Moeder%u;Familie%u;moeder;"
                              "m%u@voorbeeld.nl;06-%08u\r\n",
                              i, i, 1 + i % 28, 1 + i % 12, i % 25, i, i, i, 10000000 + i);
      g_string_append_printf (csv, "Kind%u;Familie%u;%u-%u-2015;Groep %u;Vader%u;Familie%u;vader;;\r\n",
                              i, i, 1 + i % 28, 1 + i % 12, i % 25, i, i);
    }
  return csv;
}

/* Median and maximum of sorted samples, as {"median", "max", "samples"}. */
static void
add_spread (JsonBuilder *json,
            const char  *name,
            GArray      *sorted)
{
  json_builder_set_member_name (json, name);
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "median");
  json_builder_add_double_value (json, g_array_index (sorted, double, sorted->len / 2));
  json_builder_set_member_name (json, "max");
  json_builder_add_double_value (json, g_array_index (sorted, double, sorted->len - 1));
  json_builder_set_member_name (json, "samples");
  json_builder_add_int_value (json, sorted->len);
  json_builder_end_object (json);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_local (2026, 11, 23, 10, 30, 0);
  g_autoptr (JsonBuilder) json = json_builder_new ();
  g_autoptr (JsonGenerator) generator = json_generator_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  gboolean small = FALSE, keep = FALSE;
  BkDemoSize size = BK_DEMO_SIZE_BENCH;
  double generate_ms = 0, open_ms, first_frame_ms;
  const char *typed = "emma k";
  GArray *keystrokes = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *filters = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *quick_adds = g_array_new (FALSE, FALSE, sizeof (double));
  double not_reached_ms = G_MAXDOUBLE;
  double import_ms = 0;
  double session_sheet_ms = 0, session_save_ms = 0, summary_pdf_ms = G_MAXDOUBLE;
  guint session_rows = 0;
  double detail_ms = G_MAXDOUBLE, timeline_ms = G_MAXDOUBLE;
  g_autoptr (GArray) reminder_runs = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_reminders = 0;
  guint timeline_items = 0;
  guint n_not_reached = 0;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database to use or create", "FILE" },
    { "small", 0, 0, G_OPTION_ARG_NONE, &small, "Use the demo size (a smoke run)", NULL },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep a generated database", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- benchmark Betrokken");
  GtkWindow *window;
  GtkEditable *search;
  struct rusage usage;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (small)
    size = BK_DEMO_SIZE_DEMO;
  if (path == NULL)
    {
      path = g_build_filename (g_get_tmp_dir (), small ? "bk-bench-small.db" : "bk-bench.db", NULL);
      keep = keep || !small;
    }
  bk_clock_set_fixed (now);

  /* 1. The database: generated once, reused by later runs. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr (BkStore) fresh = bk_store_open (path, &error);

      if (fresh == NULL || !bk_demo_fill (fresh, &size, now, &error))
        {
          g_printerr ("Could not generate %s: %s\n", path, error->message);
          return 1;
        }
      generate_ms = ms_since (start);
    }

  /* 2. Opening it, as the program does at start. */
  {
    gint64 start = g_get_monotonic_time ();
    store = bk_store_open (path, &error);
    open_ms = ms_since (start);
    if (store == NULL)
      {
        g_printerr ("Could not open %s: %s\n", path, error->message);
        return 1;
      }
  }

  /* 3. Importing 10,000 families (20,000 rows) into an empty database:
   *    checking every row, then writing them all in one transaction. */
  if (!small)
    {
      g_autofree char *import_path = g_strconcat (path, ".import.db", NULL);
      g_autofree char *import_wal = g_strconcat (import_path, "-wal", NULL);
      g_autofree char *import_shm = g_strconcat (import_path, "-shm", NULL);
      g_autoptr (GString) csv = class_list (10000);
      gint64 start;

      g_remove (import_path);
      {
        g_autoptr (BkStore) target = bk_store_open (import_path, &error);
        g_autoptr (BkImport) import = NULL;

        start = g_get_monotonic_time ();
        import = target ? bk_import_prepare (target, csv->str, csv->len, BK_COUNTRY_NL, now, &error) : NULL;
        if (import == NULL || bk_import_get_problems (import)->len > 0 || !bk_import_commit (import, &error))
          {
            g_printerr ("Could not import the class list: %s\n", error ? error->message : "problems");
            return 1;
          }
        import_ms = ms_since (start);
      }
      g_remove (import_path);
      g_remove (import_wal);
      g_remove (import_shm);
    }

  /* 4. Who is not reached (three weeks), over all contacts; and logging
   *    one contact as the quick-add does. */
  {
    g_autoptr (GListStore) reach = NULL;
    g_autoptr (BkContactDraft) draft = NULL;
    gint64 start;

    for (guint i = 0; i < 5; i++)
      {
        g_clear_object (&reach);
        start = g_get_monotonic_time ();
        reach = bk_reach_not_reached (store, now, 3, &error);
        not_reached_ms = MIN (not_reached_ms, ms_since (start));
      }
    n_not_reached = reach ? g_list_model_get_n_items (G_LIST_MODEL (reach)) : 0;

    for (guint i = 0; i < 20; i++)
      {
        double ms;

        g_clear_pointer (&draft, bk_contact_draft_free);
        draft = bk_contact_draft_new (now, "door-talk", 1 + i);
        start = g_get_monotonic_time ();
        if (!bk_contact_save (store, draft, now, NULL, &error))
          {
            g_printerr ("Could not log a contact: %s\n", error->message);
            return 1;
          }
        ms = ms_since (start);
        g_array_append_val (quick_adds, ms);
      }
    g_array_sort (quick_adds, compare_doubles);
  }

  /* 4b. What is due today over the whole database: every reminder rule. */
  for (guint i = 0; i < 7; i++)
    {
      g_autoptr (GPtrArray) due = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      due = bk_reminders_due (store, NULL, now, &error);
      ms = ms_since (start);
      if (due == NULL)
        {
          g_printerr ("Could not read the reminders: %s\n", error->message);
          return 1;
        }
      n_reminders = due->len;
      g_array_append_val (reminder_runs, ms);
    }
  g_array_sort (reminder_runs, compare_doubles);

  /* 5. From creating the main window to its first painted frame: this
   *    includes loading every child into the list. */
  if (!gtk_init_check ())
    {
      g_printerr ("bk-bench needs a display: run it under xvfb-run\n");
      return 77;
    }
  adw_init ();
  {
    Frame frame = { g_main_loop_new (NULL, FALSE), 0 };
    gint64 start = g_get_monotonic_time ();

    window = GTK_WINDOW (bk_window_new (NULL, store));
    g_signal_connect (window, "realize", G_CALLBACK (realize_cb), &frame);
    gtk_window_present (window);
    g_main_loop_run (frame.loop);
    first_frame_ms = (frame.painted_at - start) / 1000.0;
    /* Later frames are waited for by wait_for_paint(): this handler would
     * quit a loop that no longer exists. */
    g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (GTK_WIDGET (window)),
                                          after_paint_cb, &frame);
    g_main_loop_unref (frame.loop);
  }

  /* 6. Search keystrokes: the filter over every child, and the frame that
   *    shows the result. */
  {
    GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW,
                                                                 "children_page"));
    search = GTK_EDITABLE (gtk_widget_get_template_child (page, BK_TYPE_CHILDREN_PAGE, "search_entry"));
  }
  /* Typed as a person types: one character in, then backspace to empty.
   * The entry emits search-changed itself after a pause (or at once when
   * it becomes empty); the bench emits it right away instead of waiting. */
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < 2 * strlen (typed); i++)
      {
        gint64 start = g_get_monotonic_time ();
        gboolean typing = i < strlen (typed);
        int len = (int) strlen (gtk_editable_get_text (search));
        double ms;

        if (typing)
          gtk_editable_insert_text (search, typed + i, 1, &len);
        else
          gtk_editable_delete_text (search, len - 1, len);
        if (*gtk_editable_get_text (search) != '\0')
          g_signal_emit_by_name (search, "search-changed");
        ms = ms_since (start);
        g_array_append_val (filters, ms);
        if (g_getenv ("BK_BENCH_VERBOSE")) g_printerr ("%u: \"%s\" %.1f\n", round, gtk_editable_get_text (search), ms);
        ms = (wait_for_paint (GTK_WIDGET (window)) - start) / 1000.0;
        g_array_append_val (keystrokes, ms);
      }
  g_array_sort (keystrokes, compare_doubles);
  g_array_sort (filters, compare_doubles);

  /* 7. A group's session: the entry screen for the cycle that started
   *    last, from opening to its first painted frame, and saving an entry
   *    for every child in one transaction (removed again afterwards). */
  {
    Frame frame = { g_main_loop_new (NULL, FALSE), 0 };
    g_autoptr (GPtrArray) cycles = bk_session_load_cycles (store, now, &error);
    g_autoptr (GPtrArray) sheet = NULL;
    g_autoptr (GArray) drafts = g_array_new (FALSE, TRUE, sizeof (BkSessionDraft));
    BkSessionCycle *cycle;
    GtkWindow *dialog;
    gint64 start = g_get_monotonic_time ();

    dialog = GTK_WINDOW (bk_session_dialog_new (window, store));
    g_signal_connect (dialog, "realize", G_CALLBACK (realize_cb), &frame);
    gtk_window_present (dialog);
    g_main_loop_run (frame.loop);
    session_sheet_ms = (frame.painted_at - start) / 1000.0;
    g_main_loop_unref (frame.loop);
    gtk_window_destroy (dialog);

    cycle = cycles && cycles->len > 0 ? g_ptr_array_index (cycles, 0) : NULL;
    sheet = cycle ? bk_session_load_sheet (store, cycle->id, cycle->session_count, &error) : NULL;
    for (guint i = 0; sheet != NULL && i < sheet->len; i++)
      {
        BkSessionRow *row = g_ptr_array_index (sheet, i);
        BkSessionDraft d = { 0, row->child_id, cycle->id, cycle->session_count, "23-11-2026",
                             i % 7 == 3, 0, i % 7 == 3 ? NULL : "Werkte rustig aan het stapje",
                             i % 7 == 3 ? 0 : 4, NULL, NULL };
        g_array_append_val (drafts, d);
      }
    session_rows = drafts->len;
    if (session_rows > 0)
      {
        start = g_get_monotonic_time ();
        if (!bk_session_save_group (store, (BkSessionDraft *) drafts->data, drafts->len, 0, now, NULL, &error))
          {
            g_printerr ("Could not save a session: %s\n", error->message);
            return 1;
          }
        session_save_ms = ms_since (start);
        bk_store_exec (store, "DELETE FROM session_entries WHERE held_on = '2026-11-23'", NULL);
      }

    /* 8. The parents' summary of a child with a goal, sessions and
     *    handles: gathered and written as PDF (best of 5). */
    if (sheet != NULL && sheet->len > 0)
      {
        g_autofree char *pdf = g_strconcat (path, ".summary.pdf", NULL);

        for (guint i = 0; i < 5; i++)
          {
            g_autoptr (BkSummary) summary = NULL;

            start = g_get_monotonic_time ();
            summary = bk_summary_load (store, ((BkSessionRow *) g_ptr_array_index (sheet, 0))->child_id,
                                       now, &error);
            if (summary == NULL || !bk_summary_write_pdf (summary, pdf, &error))
              {
                g_printerr ("Could not write the summary: %s\n", error->message);
                return 1;
              }
            summary_pdf_ms = MIN (summary_pdf_ms, ms_since (start));
          }
        g_remove (pdf);
      }
  }

  /* 9. A child's detail with 100 session entries (52 in a cycle it
   *    repeats, 48 in the one it is in now), a goal with steps and three
   *    reports: the form to its first frame, and the timeline tab to its
   *    frame (best of 5). The child and its cycles go again afterwards. */
  {
    GtkWidget *page = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), BK_TYPE_WINDOW,
                                                                 "children_page"));
    BkChildEditor *editor = BK_CHILD_EDITOR (gtk_widget_get_template_child (page, BK_TYPE_CHILDREN_PAGE,
                                                                            "editor"));
    BkChildTimeline *timeline = BK_CHILD_TIMELINE (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                  BK_TYPE_CHILD_EDITOR,
                                                                                  "timeline"));
    g_autoptr (BkChild) child = NULL;
    g_autoptr (BkChild) other = NULL;

    if (!bk_store_exec (store,
          "INSERT INTO cycles (id, name, start_date, session_count, created_at) VALUES"
          " (900001, 'Bench A', '2025-09-03', 52, 'x'), (900002, 'Bench B', '2025-12-31', 52, 'x');"
          "INSERT INTO children (id, given_name, family_name, created_at, updated_at)"
          " VALUES (900001, 'Bench', 'Honderd', 'x', 'x');"
          "INSERT INTO enrolments (child_id, cycle_id, started_on, ended_on, outcome) VALUES"
          " (900001, 900001, '2025-09-03', '2025-12-30', 'repeating');"
          "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (900001, 900002, '2025-12-31');"
          "INSERT INTO goals (id, child_id, cycle_id, text, created_on)"
          " VALUES (900001, 900001, 900002, 'Ik wil zelf mijn huiswerk plannen', '2025-12-31');"
          "INSERT INTO goal_steps (goal_id, position, text, status, reached_on) VALUES"
          " (900001, 1, 'Agenda invullen', 'reached', '2026-01-14'), (900001, 2, 'Vaste plek', 'planned', NULL);"
          "INSERT INTO reports (child_id, cycle_id, number, body, status, written_on) VALUES"
          " (900001, 900002, 1, 'Het leerdoel', 'final', '2026-05-06');"
          "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)"
          " INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, absent, how_worked,"
          "   day_rating, tip, top)"
          " SELECT 900001, CASE WHEN i <= 52 THEN 900001 ELSE 900002 END, CASE WHEN i <= 52 THEN i ELSE i - 52 END,"
          "   date ('2025-09-03', '+' || (7 * (i - 1)) || ' days'), i % 9 = 0, 'Werkte rustig aan het stapje',"
          "   1 + i % 5, 'Vraag het eerst aan je buurman', 'Je bleef doorwerken' FROM n;", &error))
      {
        g_printerr ("Could not add the child with 100 entries: %s\n", error->message);
        return 1;
      }
    child = bk_child_load (store, 900001, &error);
    other = bk_child_load (store, 1, NULL);
    guint rounds = g_getenv ("BK_BENCH_DETAIL_ROUNDS") ? (guint) atoi (g_getenv ("BK_BENCH_DETAIL_ROUNDS")) : 5;

    for (guint i = 0; child != NULL && other != NULL && i < rounds; i++)
      {
        gint64 start;

        /* From another child's form, as a coach goes down the list. */
        bk_child_editor_edit (editor, other);
        wait_for_paint (GTK_WIDGET (window));
        start = g_get_monotonic_time ();
        bk_child_editor_edit (editor, child);
        detail_ms = MIN (detail_ms, (wait_for_paint (GTK_WIDGET (window)) - start) / 1000.0);
        start = g_get_monotonic_time ();
        bk_child_editor_show_timeline (editor);
        timeline_ms = MIN (timeline_ms, (wait_for_paint (GTK_WIDGET (window)) - start) / 1000.0);
        timeline_items = bk_child_timeline_get_n_items (timeline);
        gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (editor),
                                                                                   BK_TYPE_CHILD_EDITOR,
                                                                                   "view_stack")), "details");
      }
    bk_child_editor_clear (editor);
    bk_store_exec (store, "DELETE FROM children WHERE id = 900001; DELETE FROM cycles WHERE id >= 900001", NULL);
  }

  getrusage (RUSAGE_SELF, &usage);

  json_builder_begin_object (json);
  json_builder_set_member_name (json, "database");
  json_builder_add_string_value (json, path);
  json_builder_set_member_name (json, "size");
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "children");
  json_builder_add_int_value (json, size.n_cycles * size.children_per_cycle);
  json_builder_set_member_name (json, "cycles");
  json_builder_add_int_value (json, size.n_cycles);
  json_builder_end_object (json);
  json_builder_set_member_name (json, "generate_ms");
  json_builder_add_double_value (json, generate_ms);
  json_builder_set_member_name (json, "open_ms");
  json_builder_add_double_value (json, open_ms);
  json_builder_set_member_name (json, "first_frame_ms");
  json_builder_add_double_value (json, first_frame_ms);
  json_builder_set_member_name (json, "renderer");
  json_builder_add_string_value (json, g_getenv ("GSK_RENDERER") ? g_getenv ("GSK_RENDERER") : "default");
  json_builder_set_member_name (json, "import_10000_families_ms");
  json_builder_add_double_value (json, import_ms);
  json_builder_set_member_name (json, "not_reached_ms");
  json_builder_add_double_value (json, not_reached_ms);
  json_builder_set_member_name (json, "not_reached_parents");
  json_builder_add_int_value (json, n_not_reached);
  add_spread (json, "quick_add_commit_ms", quick_adds);
  add_spread (json, "search_filter_ms", filters);
  add_spread (json, "search_keystroke_to_paint_ms", keystrokes);
  json_builder_set_member_name (json, "session_children");
  json_builder_add_int_value (json, session_rows);
  json_builder_set_member_name (json, "session_sheet_to_paint_ms");
  json_builder_add_double_value (json, session_sheet_ms);
  json_builder_set_member_name (json, "session_sheet_per_child_ms");
  json_builder_add_double_value (json, session_rows ? session_sheet_ms / session_rows : 0);
  json_builder_set_member_name (json, "session_save_group_ms");
  json_builder_add_double_value (json, session_save_ms);
  json_builder_set_member_name (json, "summary_pdf_ms");
  json_builder_add_double_value (json, summary_pdf_ms);
  add_spread (json, "reminders_due_ms", reminder_runs);
  json_builder_set_member_name (json, "reminders_due_count");
  json_builder_add_int_value (json, n_reminders);
  json_builder_set_member_name (json, "child_detail_100_entries_ms");
  json_builder_add_double_value (json, detail_ms);
  json_builder_set_member_name (json, "child_timeline_ms");
  json_builder_add_double_value (json, timeline_ms);
  json_builder_set_member_name (json, "child_timeline_items");
  json_builder_add_int_value (json, timeline_items);
  json_builder_set_member_name (json, "peak_rss_mib");
  json_builder_add_double_value (json, usage.ru_maxrss / 1024.0);
  json_builder_set_member_name (json, "targets_ms");
  json_builder_begin_object (json);
  json_builder_set_member_name (json, "first_frame");
  json_builder_add_int_value (json, 400);
  json_builder_set_member_name (json, "search_keystroke");
  json_builder_add_int_value (json, 16);
  json_builder_set_member_name (json, "not_reached");
  json_builder_add_int_value (json, 100);
  json_builder_set_member_name (json, "quick_add_commit");
  json_builder_add_int_value (json, 10);
  json_builder_set_member_name (json, "import_10000_families");
  json_builder_add_int_value (json, 2000);
  json_builder_set_member_name (json, "session_sheet_per_child");
  json_builder_add_int_value (json, 16);
  json_builder_set_member_name (json, "summary_pdf");
  json_builder_add_int_value (json, 200);
  json_builder_set_member_name (json, "child_detail_100_entries");
  json_builder_add_int_value (json, 50);
  json_builder_set_member_name (json, "reminders_due");
  json_builder_add_int_value (json, 50);
  json_builder_end_object (json);
  json_builder_end_object (json);

  root = json_builder_get_root (json);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  out = json_generator_to_data (generator, NULL);
  g_print ("%s\n", out);

  gtk_window_destroy (window);
  g_array_unref (keystrokes);
  g_array_unref (filters);
  g_array_unref (quick_adds);
  g_clear_object (&store);
  if (!keep)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);
      g_remove (path);
      g_remove (wal);
      g_remove (shm);
    }
  return 0;
}
