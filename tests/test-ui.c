/* test-ui.c
 * The real program under Xvfb: sections, creating a child, refusals, undo, errors.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test runs the real BkApplication on its own database file and drives
 * it through its actions and template children, as a user's clicks would,
 * then checks what the user would see and what the database holds.
 */
#include <adwaita.h>

#include "bk-application.h"
#include "bk-attendance-dialog.h"
#include "bk-child-editor.h"
#include "bk-child-timeline.h"
#include "bk-conversation-dialog.h"
#include "bk-today-page.h"
#include "bk-training-page.h"
#include "bk-practice-player.h"
#include "bk-debrief.h"
#include "bk-radar-chart.h"
#include "bk-report-dialog.h"
#include "bk-children-page-private.h"
#include "bk-parent-detail.h"
#include "bk-parent-dialog.h"
#include "bk-parents-page.h"
#include "bk-session-dialog.h"
#include "bk-session-row.h"
#include "bk-clock.h"
#include "bk-cycle-dialog.h"
#include "bk-import-dialog.h"
#include "bk-store-private.h"
#include "bk-test-util.h"
#include "bk-window.h"

typedef void (*UiTest) (BkWindow *window, gpointer data);

typedef struct
{
  char   *dir;
  char   *path;
  UiTest  test;
  gboolean ran;
} Run;

static void
flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms milliseconds (search delay, animations). */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
run_test_idle (gpointer data)
{
  Run *run = data;
  GApplication *app = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (BK_IS_WINDOW (window));
  flush ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  run->test (BK_WINDOW (window), run);
  run->ran = TRUE;
  /* A test may have closed the window itself. */
  if (window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (window), (gpointer *) &window);
      gtk_window_close (window);
    }
  return G_SOURCE_REMOVE;
}

static void
activate_cb (GApplication *app,
             Run          *run)
{
  g_idle_add (run_test_idle, run);
}

static void
seed_database (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkStore) store = bk_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (bk_store_exec (store,
    "INSERT INTO staff (id, name, role, created_at) VALUES"
    " (1, 'Sanne Hoekstra', 'teacher', 'x'), (2, 'Joost Verbeek', 'teacher', 'x'),"
    " (3, 'Lotte Brouwer', 'intern', 'x');"
    "INSERT INTO cycles (id, name, start_date, created_at) VALUES"
    " (1, 'Traject najaar 2026', '2026-10-07', 'x');"
    "INSERT INTO children (id, given_name, family_name, created_at, updated_at) VALUES"
    " (1, 'Zoë', 'de Vries', 'x', 'x'), (2, 'Bram', 'Jansen', 'x', 'x'),"
    " (3, 'Noor', 'El Amrani', 'x', 'x');"
    "INSERT INTO enrolments (child_id, cycle_id, coach_id, started_on) VALUES"
    " (1, 1, 1, '2026-10-07'), (2, 1, 2, '2026-10-07');"
    "INSERT INTO parents (id, given_name, family_name, phone, preferred_channel, created_at) VALUES"
    " (1, 'Sandra', 'de Vries', '+31612345678', 'phone', 'x'), (2, 'Mark', 'Bakker', NULL, NULL, 'x'),"
    " (3, 'Fatima', 'Jansen', NULL, NULL, 'x');"
    "INSERT INTO parent_children (parent_id, child_id, relation) VALUES"
    " (1, 1, 'mother'), (2, 1, 'father'), (3, 2, 'mother');"
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (1, 1, 'parent-meeting', 'Ouderbijeenkomst', '2026-11-11T14:30:00Z', 'x');",
    &error));
  g_assert_no_error (error);
}

static void
run_app (UiTest test)
{
  g_autoptr (BkApplication) app = bk_application_new ();
  Run run = { bk_test_tmpdir (), NULL, test, FALSE };
  char *argv[4] = { (char *) "betrokken", (char *) "--database", NULL, NULL };

  run.path = g_build_filename (run.dir, "betrokken.db", NULL);
  seed_database (run.path);
  /* No notification server on the test's bus: test-notify checks those. */
  {
    g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
    g_settings_set_boolean (settings, "notifications", FALSE);
  }
  argv[2] = run.path;

  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (run.ran);

  bk_test_rmdir (run.dir);
  g_free (run.dir);
  g_free (run.path);
}

static gpointer
child_of (gpointer     widget,
          GType        type,
          const char  *name)
{
  gpointer child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);
  g_assert_nonnull (child);
  return child;
}

static BkChildrenPage *
children_page (BkWindow *window)
{
  return child_of (window, BK_TYPE_WINDOW, "children_page");
}

static BkChildEditor *
editor_of (BkWindow *window)
{
  return child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "editor");
}

static GListModel *
shown_children (BkWindow *window)
{
  return child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "filter_model");
}

static void
type_into (BkChildEditor *editor,
           const char    *row,
           const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (editor, BK_TYPE_CHILD_EDITOR, row)), text);
}

static gint64
count_children (Run *run)
{
  return bk_test_query_int (run->path, "SELECT count(*) FROM children");
}

/* Tests ---------------------------------------------------------------- */

static void
sections_test (BkWindow *window,
               gpointer  data)
{
  const char *sections[] = { "parents", "conversations", "training", "overview", "children" };

  g_assert_cmpstr (bk_window_get_section (window), ==, "children");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      flush ();
      g_assert_cmpstr (bk_window_get_section (window), ==, sections[i]);
    }

  /* The keyboard shortcuts window is there, and Alt+2 is bound to Parents. */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  {
    g_auto (GStrv) accels = gtk_application_get_accels_for_action (
      gtk_window_get_application (GTK_WINDOW (window)), "win.section::parents");
    g_assert_cmpstr (accels[0], ==, "<Alt>2");
  }
}

static void
list_test (BkWindow *window,
           gpointer  data)
{
  GListModel *shown = shown_children (window);
  GtkLabel *count = child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "count_label");
  GtkEditable *search = child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "search_entry");

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "3 children");
  {
    g_autoptr (BkChild) first = g_list_model_get_item (shown, 0);
    g_assert_cmpstr (bk_child_get_display_name (first), ==, "Bram Jansen");
    g_assert_cmpstr (bk_child_get_subtitle (first), ==, "Traject najaar 2026 · Joost Verbeek");
  }

  /* Search by an accent-free spelling, then by coach. */
  gtk_editable_set_text (search, "zoe");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "1 of 3 children");
  gtk_editable_set_text (search, "hoekstra");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_editable_set_text (search, "nobody like this");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (
                     child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "list_stack")),
                   ==, "no-results");
  gtk_editable_set_text (search, "");
  spin (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
}

static void
create_test (BkWindow *window,
             gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  GListModel *shown = shown_children (window);
  AdwComboRow *cycle_row = child_of (editor, BK_TYPE_CHILD_EDITOR, "cycle_row");
  AdwComboRow *coach_row = child_of (editor, BK_TYPE_CHILD_EDITOR, "coach_row");
  GtkSingleSelection *selection = child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "selection");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (children_page (window)), "children.new", NULL));
  flush ();
  g_assert_cmpstr (gtk_label_get_text (child_of (editor, BK_TYPE_CHILD_EDITOR, "title_label")),
                   ==, "New Child");

  type_into (editor, "given_name_row", "Ilias");
  type_into (editor, "family_name_row", "Bouzid");
  type_into (editor, "birth_date_row", "14-2-2016");
  adw_combo_row_set_selected (cycle_row, 1);   /* 0 is "No group" */
  adw_combo_row_set_selected (coach_row, 1);
  g_assert_true (bk_child_editor_is_dirty (editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  flush ();

  g_assert_false (bk_child_editor_is_dirty (editor));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  g_assert_cmpint (count_children (run), ==, 4);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM children c JOIN enrolments e"
                                                 " ON e.child_id = c.id WHERE c.given_name = 'Ilias'"
                                                 " AND c.birth_date = '2016-02-14' AND e.cycle_id = 1"),
                   ==, 1);
  {
    /* The new child is selected in the list and named in the form's title. */
    BkChild *selected = gtk_single_selection_get_selected_item (selection);
    g_assert_nonnull (selected);
    g_assert_cmpstr (bk_child_get_display_name (selected), ==, "Ilias Bouzid");
    g_assert_cmpstr (gtk_label_get_text (child_of (editor, BK_TYPE_CHILD_EDITOR, "title_label")),
                     ==, "Ilias Bouzid");
  }

  /* Editing it and choosing another child saves the edit on the way. */
  type_into (editor, "family_name_row", "Bouzid-Amrani");
  gtk_single_selection_set_selected (selection, 0);
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM children"
                                                 " WHERE family_name = 'Bouzid-Amrani'"), ==, 1);
}

static void
refuse_test (BkWindow *window,
             gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  GtkWidget *given_error = child_of (editor, BK_TYPE_CHILD_EDITOR, "given_name_error");
  GtkWidget *birth_error = child_of (editor, BK_TYPE_CHILD_EDITOR, "birth_date_error");
  GtkWidget *birth_row = child_of (editor, BK_TYPE_CHILD_EDITOR, "birth_date_row");
  g_autofree char *long_name = g_strnfill (81, 'x');

  gtk_widget_activate_action (GTK_WIDGET (children_page (window)), "children.new", NULL);
  flush ();
  type_into (editor, "birth_date_row", "1-1-2030");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  flush ();

  g_assert_true (gtk_widget_get_visible (given_error));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (given_error)),
                   ==, "Fill in the child’s first name.");
  g_assert_true (gtk_widget_get_visible (birth_error));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (birth_error)),
                   ==, "The date of birth lies in the future.");
  g_assert_true (gtk_widget_has_css_class (birth_row, "error"));
  g_assert_cmpint (count_children (run), ==, 3);

  /* An over-long name gets its own message; the date message goes. */
  type_into (editor, "given_name_row", long_name);
  type_into (editor, "birth_date_row", "");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  flush ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (given_error)),
                   ==, "This name is too long: at most 80 characters, now 81.");
  g_assert_false (gtk_widget_get_visible (birth_error));
  g_assert_cmpint (count_children (run), ==, 3);

  /* Choosing another child does not throw the unsaved form away. */
  gtk_single_selection_set_selected (child_of (children_page (window), BK_TYPE_CHILDREN_PAGE,
                                               "selection"), 0);
  flush ();
  g_assert_true (bk_child_editor_is_dirty (editor));
  g_assert_cmpint (bk_child_editor_get_child_id (editor), ==, 0);

  /* Undoing the changes lets the window close without a question. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.revert", NULL);
  flush ();
  g_assert_false (bk_child_editor_is_dirty (editor));
}

static void
delete_undo_test (BkWindow *window,
                  gpointer  data)
{
  Run *run = data;
  BkChildrenPage *page = children_page (window);
  BkChildEditor *editor = editor_of (window);
  GListModel *shown = shown_children (window);
  GtkSingleSelection *selection = child_of (page, BK_TYPE_CHILDREN_PAGE, "selection");
  AdwToast *toast;

  gtk_single_selection_set_selected (selection, 0);   /* Bram Jansen */
  flush ();
  g_assert_cmpint (bk_child_editor_get_child_id (editor), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL));
  flush ();

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  toast = bk_children_page_get_undo_toast (page);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "“Bram Jansen” deleted");

  /* Undo brings Bram back, with his group. The toast's animations run
   * their course first, as they do before a person can click: libadwaita
   * 1.2 crashes when a toast is dismissed halfway through showing. */
  spin (600);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  spin (600);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 3);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM enrolments WHERE child_id = 2"), ==, 1);

  /* Deleted for good once the toast goes without undo. */
  gtk_single_selection_set_selected (selection, 0);
  flush ();
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.delete", NULL);
  flush ();
  toast = bk_children_page_get_undo_toast (page);
  spin (600);
  adw_toast_dismiss (toast);
  spin (600);
  g_assert_cmpint (count_children (run), ==, 2);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM enrolments WHERE child_id = 2"), ==, 0);
}

static void
preferences_test (BkWindow *window,
                  gpointer  data)
{
  GApplication *app = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
  GtkWindow *prefs = NULL;
  g_autoptr (GList) windows = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  flush ();
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      prefs = l->data;
  g_assert_nonnull (prefs);

  g_settings_set_int (settings, "not-reached-weeks", 5);
  flush ();
  g_assert_cmpfloat (gtk_spin_button_get_value (GTK_SPIN_BUTTON (gtk_widget_get_template_child (
                       GTK_WIDGET (prefs), G_OBJECT_TYPE (prefs), "not_reached_spin"))), ==, 5);
  g_settings_reset (settings, "not-reached-weeks");

  /* Who you are: nobody, then the three staff members by name. */
  {
    AdwComboRow *staff = ADW_COMBO_ROW (gtk_widget_get_template_child (GTK_WIDGET (prefs), G_OBJECT_TYPE (prefs),
                                                                      "staff_row"));
    g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (staff)), ==, 4);
    adw_combo_row_set_selected (staff, 1);   /* Joost Verbeek (teacher) */
    g_assert_cmpint (g_settings_get_int64 (settings, "staff-id"), ==, 2);
    g_settings_reset (settings, "staff-id");
  }
  gtk_window_destroy (prefs);
}

static void
dialog_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    char            **chosen)
{
  *chosen = g_strdup (response);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Closing with changes that cannot be saved asks first; "keep" keeps the
 * window and the typing, "discard" closes and writes nothing. */
static void
close_unsaved_test (BkWindow *window,
                    gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  AdwMessageDialog *dialog;
  g_autofree char *chosen = NULL;

  gtk_widget_activate_action (GTK_WIDGET (children_page (window)), "children.new", NULL);
  flush ();
  type_into (editor, "family_name_row", "Zonder Voornaam");
  gtk_window_close (GTK_WINDOW (window));
  flush ();

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard Unsaved Changes?");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  adw_message_dialog_response (dialog, "keep");
  flush ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (bk_child_editor_is_dirty (editor));

  gtk_window_close (GTK_WINDOW (window));
  flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response_cb), &chosen);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  adw_message_dialog_response (dialog, "discard");
  spin (200);
  g_assert_cmpstr (chosen, ==, "discard");
  g_assert_null (window);   /* the program closed it */
  g_assert_cmpint (count_children (run), ==, 3);
}

static void
test_close_unsaved (void) { run_app (close_unsaved_test); }

static BkParentsPage *
parents_page (BkWindow *window)
{
  return child_of (window, BK_TYPE_WINDOW, "parents_page");
}

static void
open_parents (BkWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "parents"));
  flush ();
}

/* From a parent's page, a contact is logged in two clicks: kind, tone. */
static void
log_contact_test (BkWindow *window,
                  gpointer  data)
{
  Run *run = data;
  BkParentsPage *page;
  BkParentDetail *detail;
  GtkSingleSelection *selection;
  GtkListBox *history;

  {
    g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
    g_settings_set_int64 (settings, "staff-id", 2);   /* Joost logs */
  }
  open_parents (window);
  page = parents_page (window);
  detail = child_of (page, BK_TYPE_PARENTS_PAGE, "detail");
  selection = child_of (page, BK_TYPE_PARENTS_PAGE, "parents_selection");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (child_of (page, BK_TYPE_PARENTS_PAGE, "count_label")),
                   ==, "3 parents");

  gtk_single_selection_set_selected (selection, 2);   /* Sandra de Vries */
  flush ();
  g_assert_cmpstr (gtk_label_get_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "name_label")),
                   ==, "Sandra de Vries");
  g_assert_cmpstr (gtk_label_get_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "relation_label")),
                   ==, "Mother of Zoë de Vries");
  g_assert_cmpstr (adw_preferences_row_get_title (child_of (detail, BK_TYPE_PARENT_DETAIL, "phone_row")),
                   ==, "06 12345678");

  /* Click 1: what happened. Click 2: how it went. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "parent.choose-kind", "s", "phone"));
  flush ();
  g_assert_true (gtk_revealer_get_reveal_child (child_of (detail, BK_TYPE_PARENT_DETAIL, "tone_revealer")));
  gtk_editable_set_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "note_entry"), "Afgesproken: vrijdag bellen");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "parent.log-contact", "s", "positive"));
  flush ();

  g_assert_cmpint (bk_test_query_int (run->path,
    "SELECT count(*) FROM contacts c JOIN contact_parents cp ON cp.contact_id = c.id"
    " WHERE cp.parent_id = 1 AND c.kind = 'phone' AND c.tone = 'positive' AND c.direction = 'two-way'"
    " AND c.child_id = 1 AND c.note = 'Afgesproken: vrijdag bellen' AND c.staff_id = 2"
    " AND c.occurred_at = '2026-11-23T09:30:00Z'"), ==, 1);
  g_assert_false (gtk_revealer_get_reveal_child (child_of (detail, BK_TYPE_PARENT_DETAIL, "tone_revealer")));
  history = child_of (detail, BK_TYPE_PARENT_DETAIL, "contacts_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (history, 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (history, 0))),
                   ==, "Phone call");

  /* Without a kind chosen, a tone does nothing. */
  g_assert_false (bk_parent_detail_log (detail, "neutral"));

  /* An over-long note is refused under the buttons; nothing is written. */
  {
    g_autofree char *essay = g_strnfill (2001, 'x');
    GtkWidget *error = child_of (detail, BK_TYPE_PARENT_DETAIL, "log_error");

    gtk_widget_activate_action (GTK_WIDGET (detail), "parent.choose-kind", "s", "email");
    gtk_editable_set_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "note_entry"), essay);
    gtk_widget_activate_action (GTK_WIDGET (detail), "parent.log-contact", "s", "neutral");
    flush ();
    g_assert_true (gtk_widget_get_visible (error));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "at most 2000"));
    g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM contacts"), ==, 1);
  }
  /* Yesterday's call with both parents: date, direction, form and depth
   * under "Date and details"; a future or unreadable moment is refused. */
  {
    GtkWidget *error = child_of (detail, BK_TYPE_PARENT_DETAIL, "log_error");
    GtkBox *others = child_of (detail, BK_TYPE_PARENT_DETAIL, "others_box");
    GtkWidget *also_mark = gtk_widget_get_first_child (GTK_WIDGET (others));

    gtk_widget_activate_action (GTK_WIDGET (detail), "parent.choose-kind", "s", "phone");
    gtk_editable_set_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "note_entry"), "");
    gtk_editable_set_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "moment_entry"), "morgen");
    gtk_widget_activate_action (GTK_WIDGET (detail), "parent.log-contact", "s", "neutral");
    flush ();
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "is not a date and time"));
    gtk_editable_set_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "moment_entry"), "24-11-2026 10:00");
    gtk_widget_activate_action (GTK_WIDGET (detail), "parent.log-contact", "s", "neutral");
    flush ();
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error)), "future"));
    g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM contacts"), ==, 1);

    gtk_editable_set_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "moment_entry"), "22-11-2026 18:05");
    gtk_drop_down_set_selected (child_of (detail, BK_TYPE_PARENT_DETAIL, "direction_dropdown"), 1);
    gtk_drop_down_set_selected (child_of (detail, BK_TYPE_PARENT_DETAIL, "form_dropdown"), 3);
    gtk_drop_down_set_selected (child_of (detail, BK_TYPE_PARENT_DETAIL, "depth_dropdown"), 2);
    g_assert_cmpstr (gtk_check_button_get_label (GTK_CHECK_BUTTON (also_mark)), ==, "Also with Mark Bakker");
    gtk_check_button_set_active (GTK_CHECK_BUTTON (also_mark), TRUE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "parent.log-contact", "s", "concern"));
    flush ();
    g_assert_cmpint (bk_test_query_int (run->path,
      "SELECT count(*) FROM contacts WHERE occurred_at = '2026-11-22T17:05:00Z' AND direction = 'from-parent'"
      " AND form = 'learning-at-home' AND depth = 3 AND tone = 'concern'"
      " AND (SELECT count(*) FROM contact_parents cp WHERE cp.contact_id = contacts.id) = 2"), ==, 1);
  }
  {
    g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
    g_settings_reset (settings, "staff-id");
  }
}

static void
not_reached_test (BkWindow *window,
                  gpointer  data)
{
  BkParentsPage *page;
  BkParentDetail *detail;
  GtkSingleSelection *reach;
  GtkLabel *count;

  {
    g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
    g_settings_set_int (settings, "not-reached-weeks", 3);
  }
  open_parents (window);
  page = parents_page (window);
  detail = child_of (page, BK_TYPE_PARENTS_PAGE, "detail");
  reach = child_of (page, BK_TYPE_PARENTS_PAGE, "reach_selection");
  count = child_of (page, BK_TYPE_PARENTS_PAGE, "count_label");

  gtk_toggle_button_set_active (child_of (page, BK_TYPE_PARENTS_PAGE, "reach_button"), TRUE);
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reach)), ==, 3);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "3 parents without a two-way contact for 3 weeks or more");

  /* Choosing one opens the parent; a one-way e-mail leaves them on the list,
   * a talk at pick-up takes them off. */
  gtk_single_selection_set_selected (reach, 0);
  flush ();
  g_assert_nonnull (bk_parent_detail_get_parent (detail));
  gtk_widget_activate_action (GTK_WIDGET (detail), "parent.choose-kind", "s", "email");
  gtk_widget_activate_action (GTK_WIDGET (detail), "parent.log-contact", "s", "neutral");
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reach)), ==, 3);
  gtk_widget_activate_action (GTK_WIDGET (detail), "parent.choose-kind", "s", "door-talk");
  gtk_widget_activate_action (GTK_WIDGET (detail), "parent.log-contact", "s", "neutral");
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reach)), ==, 2);
  g_assert_cmpstr (gtk_label_get_text (count), ==, "2 parents without a two-way contact for 3 weeks or more");

  /* A longer window in Preferences takes effect at once. */
  {
    g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
    g_settings_set_int (settings, "not-reached-weeks", 5);
    flush ();
    g_assert_cmpstr (gtk_label_get_text (count), ==, "2 parents without a two-way contact for 5 weeks or more");
    g_settings_reset (settings, "not-reached-weeks");
  }
}

/* An observation needs the behaviour seen; retracting needs a reason and
 * keeps it in the history. */
static void
observation_test (BkWindow *window,
                  gpointer  data)
{
  Run *run = data;
  BkParentsPage *page;
  BkParentDetail *detail;
  GtkListBox *list;
  AdwMessageDialog *dialog;

  open_parents (window);
  page = parents_page (window);
  detail = child_of (page, BK_TYPE_PARENTS_PAGE, "detail");
  gtk_single_selection_set_selected (child_of (page, BK_TYPE_PARENTS_PAGE, "parents_selection"), 2);
  flush ();
  list = child_of (detail, BK_TYPE_PARENT_DETAIL, "observations_list");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "parent.add-observation", NULL));
  flush ();
  gtk_drop_down_set_selected (child_of (detail, BK_TYPE_PARENT_DETAIL, "type_dropdown"), 2);  /* avoiding */
  g_assert_nonnull (strstr (gtk_label_get_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "advice_label")),
                            "no jargon"));
  g_assert_false (bk_parent_detail_save_observation (detail));
  g_assert_nonnull (strstr (gtk_label_get_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "observation_error")),
                            "Describe the behaviour"));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM observations"), ==, 0);

  gtk_editable_set_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "behaviour_entry"),
                         "Kwam twee keer niet naar een afspraak, zonder af te bellen.");
  g_assert_true (bk_parent_detail_save_observation (detail));
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM observations WHERE parent_id = 1"
                                                 " AND type = 'avoiding' AND observed_on = '2026-11-23'"), ==, 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))),
                   ==, "Avoids contact");

  /* Retract: the dialog will not take an empty reason. */
  gtk_widget_activate_action (GTK_WIDGET (detail), "parent.retract-observation", "x", (gint64) 1);
  flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "retract"));
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog)), "Adres klopte niet");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "retract"));
  adw_message_dialog_response (dialog, "retract");
  spin (100);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM observations WHERE retracted_on"
                                                 " = '2026-11-23' AND retract_note = 'Adres klopte niet'"), ==, 1);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  /* On request it is there, with the reason. */
  gtk_check_button_set_active (child_of (detail, BK_TYPE_PARENT_DETAIL, "history_check"), TRUE);
  flush ();
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (list, 0))),
                            "Retracted on 23-11-2026: Adres klopte niet"));
}

static void
test_observation (void) { run_app (observation_test); }

/* An intern sees a parent's details and contacts, not the observations. */
static void
intern_test (BkWindow *window,
             gpointer  data)
{
  g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
  AdwViewStack *stack = child_of (window, BK_TYPE_WINDOW, "stack");
  BkParentsPage *page;
  BkParentDetail *detail;

  /* An intern sees the practice room only: no family data. */
  g_settings_set_int64 (settings, "staff-id", 3);   /* Lotte, intern */
  flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "training");
  g_assert_false (adw_view_switcher_title_get_view_switcher_enabled (child_of (window, BK_TYPE_WINDOW, "switcher_title")));
  g_assert_false (gtk_widget_get_visible (child_of (window, BK_TYPE_WINDOW, "switcher_bar")));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "parents");
  flush ();
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "training");
  {
    GList *before = gtk_window_list_toplevels ();
    GList *after;

    /* Export and import are off: no file chooser opens. */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
    flush ();
    after = gtk_window_list_toplevels ();
    g_assert_cmpuint (g_list_length (after), ==, g_list_length (before));
    g_list_free (before);
    g_list_free (after);
  }
  g_assert_false (bk_window_show_record (window, 1, 0));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "training");

  /* A teacher sees everything again, parent-type observations too. */
  g_settings_set_int64 (settings, "staff-id", 1);
  flush ();
  g_assert_true (adw_view_switcher_title_get_view_switcher_enabled (child_of (window, BK_TYPE_WINDOW, "switcher_title")));
  open_parents (window);
  page = parents_page (window);
  detail = child_of (page, BK_TYPE_PARENTS_PAGE, "detail");
  gtk_single_selection_set_selected (child_of (page, BK_TYPE_PARENTS_PAGE, "parents_selection"), 1);
  flush ();
  g_assert_true (gtk_widget_get_visible (child_of (detail, BK_TYPE_PARENT_DETAIL, "observations_group")));
  g_settings_reset (settings, "staff-id");
}

static void
test_intern (void) { run_app (intern_test); }

/* A mentor sees the intern's self-checks over time; the intern sees only
 * their own. */
static void
mentor_test (BkWindow *window,
             gpointer  data)
{
  Run *run = data;
  g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
  BkTodayPage *today = child_of (window, BK_TYPE_WINDOW, "today_page");
  const char *mentor = "Self-Checks of Lotte Brouwer (intern)";
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (run->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO conversations (id, kind, child_id, staff_id, status, held_at, created_at) VALUES"
    " (1, 'informal', 1, 3, 'held', '2026-11-16T14:00:00Z', 'x'),"
    " (2, 'phone', 2, 1, 'held', '2026-11-18T09:00:00Z', 'x');"
    "INSERT INTO self_checks (conversation_id, staff_id, genuineness, respect, listening, summarising,"
    " asking_further, transparency, created_at) VALUES (1, 3, 4, 4, 3, 2, 2, 3, 'x'), (2, 1, 4, 5, 4, 4, 3, 4, 'x');",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  g_settings_set_int64 (settings, "staff-id", 1);   /* Sanne, teacher and mentor */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "conversations");
  spin (100);
  {
    g_auto (GStrv) titles = bk_today_page_get_titles (today);

    g_assert_true (g_strv_contains ((const char * const *) titles, "Your Self-Checks"));
    g_assert_true (g_strv_contains ((const char * const *) titles, mentor));
  }

  /* Lotte herself practises in the training room; the conversations
   * with families are out of her reach. */
  g_settings_set_int64 (settings, "staff-id", 3);
  flush ();
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "conversations");
  flush ();
  g_assert_cmpstr (bk_window_get_section (window), ==, "training");
  g_settings_reset (settings, "staff-id");
}

static void
test_mentor (void) { run_app (mentor_test); }

/* With BK_SHOT_DIR set, saves what @widget shows as @name.png there: a
 * look at screens a test reaches that are hard to reach by hand. */
static void
maybe_shot (GtkWidget  *widget,
            const char *name)
{
  const char *dir = g_getenv ("BK_SHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int w, h;

  if (dir == NULL)
    return;
  spin (600);
  w = gtk_widget_get_width (widget);
  h = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  gdk_texture_save_to_png (texture, path);
}

/* How many times the simulated parent speaks in @player's transcript. */
static guint
parent_turns (BkPracticePlayer *player)
{
  GtkWidget *transcript = child_of (player, BK_TYPE_PRACTICE_PLAYER, "transcript");
  guint n = 0;

  for (GtkWidget *turn = gtk_widget_get_first_child (transcript); turn != NULL;
       turn = gtk_widget_get_next_sibling (turn))
    {
      GtkWidget *bubble = gtk_widget_get_first_child (turn);

      n += bubble != NULL && gtk_widget_has_css_class (bubble, "parent");
    }
  return n;
}

/* Presses @button as Enter or Space would: GtkButton shows the press for
 * a moment before it emits "clicked". */
static void
press (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  gtk_widget_activate (button);
  spin (300);
}

/* Plays @player's scenario to its end: the best choice at each decision
 * by its number key, or the choice at @wrong_at when the run is at that
 * step; open turns get an answer and every rubric item ticked. */
static void
play_to_end (BkPracticePlayer *player,
             guint             wrong_at)
{
  BkRun *run = bk_practice_player_get_run (player);
  GtkWidget *answers = child_of (player, BK_TYPE_PRACTICE_PLAYER, "answers");

  while (!bk_run_is_finished (run))
    {
      BkNode *node = bk_run_get_node (run);

      if (node->kind == BK_NODE_CHOICES)
        {
          guint pick = 0;
          GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (player)));

          /* The first choice has the keyboard focus, ready for Enter. */
          g_assert_true (GTK_IS_BUTTON (focus) || GTK_IS_BUTTON (gtk_widget_get_parent (focus)));
          for (guint p = 0; p < bk_run_get_n_shown (run); p++)
            {
              BkChoice *c = g_ptr_array_index (node->choices, bk_run_get_shown (run, p));
              gboolean take = bk_run_get_n_steps (run) == wrong_at ? !c->best : c->best;

              if (take || node->choices->len == 1)
                {
                  pick = p;
                  break;
                }
            }
          /* What the key "1" + pick does. */
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (player), "player.choose", "u", pick));
        }
      else
        {
          gtk_text_buffer_set_text (bk_practice_player_get_answer_buffer (player),
                                    "U werkt in ploegen en wilt Sami wel zien, hoor ik.", -1);
          press (gtk_widget_get_last_child (answers));   /* Rate My Answer */
          for (guint i = 0; bk_practice_player_get_rubric_check (player, i) != NULL; i++)
            gtk_check_button_set_active (GTK_CHECK_BUTTON (bk_practice_player_get_rubric_check (player, i)), TRUE);
          press (gtk_widget_get_last_child (answers));   /* Continue */
        }
      flush ();
    }
}

/* An intern plays a built-in scenario to its end by keyboard, reads the
 * debrief, reflects, replays from a step; the mentor reads it and comments. */
static void
training_test (BkWindow *window,
               gpointer  data)
{
  Run *run = data;
  g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");
  BkTrainingPage *page = child_of (window, BK_TYPE_WINDOW, "training_page");
  GtkStack *stack = child_of (page, BK_TYPE_TRAINING_PAGE, "stack");
  BkPracticePlayer *player = child_of (page, BK_TYPE_TRAINING_PAGE, "player");
  BkDebrief *debrief = child_of (page, BK_TYPE_TRAINING_PAGE, "debrief");
  g_autoptr (BkScenario) scenario = bk_scenario_builtin ("vermijdende-vader");
  g_autoptr (GPtrArray) best = bk_scenario_best_path (scenario);
  g_autofree char *user_dir = g_build_filename (run->dir, "scenarios", NULL);
  g_autofree char *expect = NULL;
  int scores[BK_N_COMPETENCIES];

  g_settings_set_string (settings, "feedback-timing", "immediate");
  g_settings_set_int64 (settings, "staff-id", 3);   /* Lotte, intern */
  bk_training_page_set_user_dir (page, user_dir);
  flush ();
  g_assert_cmpstr (bk_window_get_section (window), ==, "training");
  /* Interns practise; they do not write scenarios. */
  g_assert_false (gtk_widget_get_visible (child_of (page, BK_TYPE_TRAINING_PAGE, "new_button")));
  g_assert_false (gtk_widget_get_visible (child_of (page, BK_TYPE_TRAINING_PAGE, "mentor_group")));

  /* The filters: avoiding parents who train genuineness: the avoiding father. */
  gtk_drop_down_set_selected (child_of (page, BK_TYPE_TRAINING_PAGE, "type_filter"), 3);
  gtk_drop_down_set_selected (child_of (page, BK_TYPE_TRAINING_PAGE, "competency_filter"), 1 + BK_COMPETENCY_GENUINENESS);
  flush ();
  {
    GtkWidget *list = child_of (page, BK_TYPE_TRAINING_PAGE, "scenario_list");
    guint shown = 0;

    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
      if (gtk_widget_get_child_visible (row))
        {
          shown++;
          g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, scenario->title);
          g_signal_emit_by_name (list, "row-activated", row);
        }
    g_assert_cmpuint (shown, ==, 1);
  }
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "brief");
  press (child_of (page, BK_TYPE_TRAINING_PAGE, "start_button"));
  flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "play");
  play_to_end (player, G_MAXUINT);
  maybe_shot (GTK_WIDGET (window), "training-debrief");

  /* The debrief: a good ending, every choice the best, the best path's scores. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "debrief");
  bk_scenario_best_scores (scenario, scores);
  {
    g_autofree char *described = bk_radar_chart_describe (scores, scores);
    expect = g_strdup_printf ("You took the best choice %u times out of %u.\n\n%s",
                              best->len - 1, best->len - 1, described);
  }
  g_assert_cmpstr (bk_debrief_get_scores_text (debrief), ==, expect);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM practice_runs"
                                      " WHERE staff_id = 3 AND finished_at IS NOT NULL"
                                      " AND scenario_id = 'vermijdende-vader'"), ==, 1);

  /* A reflection is kept with the run. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child_of (debrief, BK_TYPE_DEBRIEF, "reflection_view")),
                            "Ik liet hem vertellen over zijn werk.", -1);
  gtk_widget_activate_action (GTK_WIDGET (debrief), "debrief.save-reflection", NULL);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM practice_runs"
                                      " WHERE reflection = 'Ik liet hem vertellen over zijn werk.'"), ==, 1);

  /* Replay from the third step, taking a worse choice there. */
  g_signal_emit_by_name (debrief, "replay", 2);
  flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "play");
  g_assert_cmpuint (bk_run_get_n_steps (bk_practice_player_get_run (player)), ==, 2);
  g_assert_cmpuint (parent_turns (player), ==, 3);   /* two steps, and where the replay starts */
  maybe_shot (GTK_WIDGET (window), "training-replay");
  play_to_end (player, 2);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "debrief");
  g_assert_true (g_str_has_prefix (bk_debrief_get_scores_text (debrief), "You took the best choice "));
  g_assert_false (g_str_equal (bk_debrief_get_scores_text (debrief), expect));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM practice_runs WHERE staff_id = 3"), ==, 2);

  /* The mentor reads Lotte's runs and comments; an empty comment is refused. */
  g_settings_set_int64 (settings, "staff-id", 1);
  flush ();
  g_assert_true (gtk_widget_get_visible (child_of (page, BK_TYPE_TRAINING_PAGE, "mentor_group")));
  {
    GtkWidget *list = child_of (page, BK_TYPE_TRAINING_PAGE, "intern_runs_list");
    GtkWidget *row = gtk_widget_get_first_child (list);
    GtkEntry *entry = child_of (debrief, BK_TYPE_DEBRIEF, "comment_entry");

    g_assert_nonnull (row);
    g_assert_nonnull (gtk_widget_get_next_sibling (row));
    g_signal_emit_by_name (list, "row-activated", gtk_widget_get_next_sibling (row));   /* the first run */
    flush ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "debrief");
    g_assert_false (gtk_text_view_get_editable (child_of (debrief, BK_TYPE_DEBRIEF, "reflection_view")));
    gtk_editable_set_text (GTK_EDITABLE (entry), "   ");
    gtk_widget_activate_action (GTK_WIDGET (debrief), "debrief.add-comment", NULL);
    g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM practice_comments"), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (entry), "Mooi dat je naar zijn werktijden vroeg.");
    gtk_widget_activate_action (GTK_WIDGET (debrief), "debrief.add-comment", NULL);
    g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM practice_comments c"
                                        " JOIN practice_runs r ON r.id = c.run_id"
                                        " WHERE c.staff_id = 1 AND r.reflection IS NOT NULL"), ==, 1);
  }
  g_settings_reset (settings, "staff-id");
  g_settings_reset (settings, "feedback-timing");
}

static void
test_training (void) { run_app (training_test); }

static BkAttendanceDialog *
find_attendance_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (BK_IS_ATTENDANCE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* A meeting's attendance: everyone present, untick who did not come, save. */
static void
attendance_test (BkWindow *window,
                 gpointer  data)
{
  Run *run = data;
  BkAttendanceDialog *dialog;
  GtkLabel *count;
  GtkListBox *sheet;

  open_parents (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (parents_page (window)), "parents.attendance", NULL));
  flush ();
  dialog = find_attendance_dialog ();
  g_assert_nonnull (dialog);
  count = child_of (dialog, BK_TYPE_ATTENDANCE_DIALOG, "count_label");
  sheet = child_of (dialog, BK_TYPE_ATTENDANCE_DIALOG, "sheet_list");
  g_assert_cmpstr (gtk_label_get_text (count), ==, "0 of 3 parents present");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "attendance.all-present", NULL);
  flush ();
  g_assert_cmpstr (gtk_label_get_text (count), ==, "3 of 3 parents present");
  {
    /* The first row is Bram's mother: she did not come. */
    AdwActionRow *fatima = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (sheet, 0));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (fatima)), ==, "Fatima Jansen");
    gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (fatima)), FALSE);
  }
  g_assert_cmpstr (gtk_label_get_text (count), ==, "2 of 3 parents present");

  g_assert_true (bk_attendance_dialog_save (dialog));
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM attendance WHERE event_id = 1"
                                                 " AND present = 1"), ==, 2);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM contact_parents cp"
                                                 " JOIN contacts c ON c.id = cp.contact_id WHERE c.event_id = 1"), ==, 2);

  /* Who came is reached; Fatima is the one left on the list. */
  {
    BkParentsPage *page = parents_page (window);
    GtkSingleSelection *reach = child_of (page, BK_TYPE_PARENTS_PAGE, "reach_selection");
    g_autoptr (GSettings) settings = g_settings_new ("nl.betrokken.Betrokken");

    g_settings_set_int (settings, "not-reached-weeks", 3);
    flush ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reach)), ==, 1);

    /* And she is the one who never came to an event. */
    gtk_toggle_button_set_active (child_of (page, BK_TYPE_PARENTS_PAGE, "reach_button"), TRUE);
    gtk_drop_down_set_selected (child_of (page, BK_TYPE_PARENTS_PAGE, "reach_kind"), 2);
    flush ();
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reach)), ==, 1);
    g_assert_cmpstr (gtk_label_get_text (child_of (page, BK_TYPE_PARENTS_PAGE, "count_label")),
                     ==, "1 parent who never came to an event");
  }
}

static void
test_attendance (void) { run_app (attendance_test); }

static void
start_info_test (BkWindow *window,
                 gpointer  data)
{
  Run *run = data;
  BkParentsPage *page;
  BkParentDetail *detail;
  AdwPreferencesRow *row;

  g_assert_true (bk_store_exec (bk_window_get_store (window),
    "INSERT INTO families (id, name, created_at) VALUES (1, 'Familie de Vries', 'x');"
    "UPDATE parents SET family_id = 1 WHERE id IN (1, 2);", NULL));
  open_parents (window);
  page = parents_page (window);
  detail = child_of (page, BK_TYPE_PARENTS_PAGE, "detail");
  gtk_single_selection_set_selected (child_of (page, BK_TYPE_PARENTS_PAGE, "parents_selection"), 2);
  flush ();
  row = child_of (detail, BK_TYPE_PARENT_DETAIL, "start_row");
  g_assert_true (gtk_widget_get_visible (child_of (detail, BK_TYPE_PARENT_DETAIL, "start_group")));
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==, "Not sent yet for Traject najaar 2026.");

  gtk_widget_activate_action (GTK_WIDGET (detail), "parent.start-sent", NULL);
  flush ();
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==, "Sent on 23-11-2026; to confirm by 30-11-2026.");
  gtk_widget_activate_action (GTK_WIDGET (detail), "parent.start-confirmed", NULL);
  flush ();
  g_assert_cmpstr (adw_preferences_row_get_title (row), ==, "Sent on 23-11-2026, read and confirmed on 23-11-2026.");
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM start_info WHERE family_id = 1"
                                                 " AND confirmed_on = '2026-11-23'"), ==, 1);

  /* Fatima's family is not known: no start information to show. */
  gtk_single_selection_set_selected (child_of (page, BK_TYPE_PARENTS_PAGE, "parents_selection"), 0);
  flush ();
  g_assert_false (gtk_widget_get_visible (child_of (detail, BK_TYPE_PARENT_DETAIL, "start_group")));
}

static void
test_start_info (void) { run_app (start_info_test); }

static BkCycleDialog *
find_cycle_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (BK_IS_CYCLE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* A new cycle from the main menu; the child's form can choose it at once. */
static void
new_cycle_test (BkWindow *window,
                gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  AdwComboRow *groups = child_of (editor, BK_TYPE_CHILD_EDITOR, "cycle_row");
  BkCycleDialog *dialog;
  guint before;

  gtk_single_selection_set_selected (child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "selection"), 0);
  flush ();
  before = g_list_model_get_n_items (adw_combo_row_get_model (groups));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-cycle", NULL));
  flush ();
  dialog = find_cycle_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child_of (dialog, BK_TYPE_CYCLE_DIALOG, "sessions_spin")), ==, 11);
  gtk_editable_set_text (child_of (dialog, BK_TYPE_CYCLE_DIALOG, "start_row"), "30-2-2027");
  g_assert_false (bk_cycle_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (child_of (dialog, BK_TYPE_CYCLE_DIALOG, "name_error")));
  g_assert_true (gtk_widget_get_visible (child_of (dialog, BK_TYPE_CYCLE_DIALOG, "start_error")));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM cycles"), ==, 1);

  gtk_editable_set_text (child_of (dialog, BK_TYPE_CYCLE_DIALOG, "name_row"), "Traject voorjaar 2027");
  gtk_editable_set_text (child_of (dialog, BK_TYPE_CYCLE_DIALOG, "start_row"), "3-3-2027");
  g_assert_true (bk_cycle_dialog_save (dialog));
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM events e JOIN cycles c ON c.id = e.cycle_id"
                                                 " WHERE c.name = 'Traject voorjaar 2027'"), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (groups)), ==, before + 1);
  /* The child's own group is still the one shown. */
  g_assert_false (bk_child_editor_is_dirty (editor));
}

static void
test_new_cycle (void) { run_app (new_cycle_test); }

/* The child's goal is written with the child; steps are added and ticked off
 * in the form; a child in no cycle is told why it has no goal. */
static void
goal_test (BkWindow *window,
           gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  GtkSingleSelection *selection = child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "selection");
  GtkWidget *goal_row = child_of (editor, BK_TYPE_CHILD_EDITOR, "goal_row");
  GtkWidget *goal_error = child_of (editor, BK_TYPE_CHILD_EDITOR, "goal_error");
  GtkListBox *steps = child_of (editor, BK_TYPE_CHILD_EDITOR, "steps_list");
  AdwPreferencesGroup *group = child_of (editor, BK_TYPE_CHILD_EDITOR, "goal_group");
  g_autofree char *too_long = g_strnfill (501, 'x');
  GtkWidget *add;
  GtkWidget *first;
  GtkWidget *check;

  /* Noor is in no group or cycle. */
  gtk_single_selection_set_selected (selection, 1);
  flush ();
  g_assert_false (gtk_widget_get_visible (goal_row));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "group or cycle first"));

  /* Bram is: a goal too long is refused and nothing is written. */
  gtk_single_selection_set_selected (selection, 0);
  flush ();
  g_assert_true (gtk_widget_get_visible (goal_row));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (steps)));
  type_into (editor, "goal_row", too_long);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  flush ();
  g_assert_true (gtk_widget_get_visible (goal_error));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM goals"), ==, 0);

  type_into (editor, "goal_row", "Ik wil zelf mijn huiswerk plannen");
  type_into (editor, "wish_row", "Meer rust in huis");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  flush ();
  g_assert_false (gtk_widget_get_visible (goal_error));
  g_assert_false (bk_child_editor_is_dirty (editor));
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM goals WHERE child_id = 2 AND cycle_id = 1"
                                      " AND text = 'Ik wil zelf mijn huiswerk plannen'"
                                      " AND parent_wish = 'Meer rust in huis' AND chosen_with_child = 1"), ==, 1);

  /* Now the steps show, with a row to add one. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (steps)));
  add = GTK_WIDGET (gtk_list_box_get_row_at_index (steps, 0));
  g_assert_true (ADW_IS_ENTRY_ROW (add));
  gtk_editable_set_text (GTK_EDITABLE (add), "Agenda elke maandag invullen");
  g_signal_emit_by_name (add, "apply");
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM goal_steps"), ==, 1);
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (steps, 0));
  g_assert_true (ADW_IS_ACTION_ROW (first));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "Agenda elke maandag invullen");

  /* Ticking it off records the day; the form stays as it was. */
  check = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (first));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM goal_steps WHERE reached_on IS NOT NULL"), ==, 1);
  first = GTK_WIDGET (gtk_list_box_get_row_at_index (steps, 0));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), "Reached on"));
  g_assert_false (bk_child_editor_is_dirty (editor));

  /* A handle for home: added, then ticked when shared with the parents. */
  {
    GtkListBox *handles = child_of (editor, BK_TYPE_CHILD_EDITOR, "handles_list");
    GtkWidget *add_handle = GTK_WIDGET (gtk_list_box_get_row_at_index (handles, 0));
    GtkWidget *handle;

    g_assert_true (ADW_IS_ENTRY_ROW (add_handle));
    gtk_editable_set_text (GTK_EDITABLE (add_handle), " ");
    g_signal_emit_by_name (add_handle, "apply");
    flush ();
    g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM home_handles"), ==, 0);
    gtk_editable_set_text (GTK_EDITABLE (add_handle), "Eén opdracht tegelijk werkt beter");
    g_signal_emit_by_name (add_handle, "apply");
    flush ();
    handle = GTK_WIDGET (gtk_list_box_get_row_at_index (handles, 0));
    g_assert_true (ADW_IS_ACTION_ROW (handle));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (handle)), "not shared yet"));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (handle))), TRUE);
    flush ();
    g_assert_cmpint (bk_test_query_int (run->path,
                                        "SELECT count(*) FROM home_handles WHERE child_id = 2 AND kind = 'handle'"
                                        " AND shared_on IS NOT NULL"), ==, 1);
    handle = GTK_WIDGET (gtk_list_box_get_row_at_index (handles, 0));
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (handle)), "shared with the parents on"));
    g_assert_false (bk_child_editor_is_dirty (editor));
  }

  /* The summary for the parents: a PDF with the goal and the shared handle,
   * without the parent's wish. */
  {
    g_autofree char *pdf = g_build_filename (run->dir, "Voortgang Bram Jansen.pdf", NULL);
    g_autofree char *text = NULL;

    g_assert_true (bk_child_editor_write_summary (editor, pdf));
    text = bk_test_pdf_text (pdf);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Ik wil zelf mijn huiswerk plannen"));
    g_assert_nonnull (strstr (text, "Eén opdracht tegelijk werkt beter"));
    g_assert_null (strstr (text, "Meer rust in huis"));
  }

  /* Printed (to a PDF file instead of a printer): the same page. */
  {
    g_autofree char *printed = g_build_filename (run->dir, "printed.pdf", NULL);
    g_autofree char *text = NULL;

    g_assert_true (bk_child_editor_print_summary (editor, printed));
    text = bk_test_pdf_text (printed);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "How Bram Jansen is doing"));
    g_assert_nonnull (strstr (text, "Ik wil zelf mijn huiswerk plannen"));
  }
}

static void
test_goal (void) { run_app (goal_test); }

/* Runs @sql on the program's own store and tells the views, as a save would. */
static void
exec_in_app (BkWindow   *window,
             const char *sql,
             const char *table)
{
  g_autoptr (GError) error = NULL;
  BkStore *store = bk_window_get_store (window);

  g_assert_true (bk_store_exec (store, sql, &error));
  g_assert_no_error (error);
  bk_store_emit_changed (store, table, 0);
  flush ();
}

/* A development report is written beside the sessions it covers: the
 * template's prompts alone cannot be made final, closing keeps a draft,
 * and a final report says so on the child's form. */
static void
report_test (BkWindow *window,
             gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  GtkSingleSelection *selection = child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "selection");
  GtkListBox *reports = child_of (editor, BK_TYPE_CHILD_EDITOR, "reports_list");
  BkReportDialog *dialog;
  GtkWidget *row;
  g_autofree char *text = NULL;
  GtkTextIter start, end;

  exec_in_app (window,
    "INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, absent, how_worked) VALUES"
    " (1, 1, 1, '2026-10-07', 0, 'Begon meteen'), (1, 1, 2, '2026-10-14', 1, NULL),"
    " (1, 1, 3, '2026-10-21', 0, 'Vroeg zelf om hulp'), (1, 1, 4, '2026-10-28', 0, 'Werkte rustig door'),"
    " (1, 1, 5, '2026-11-04', 0, 'Na de pauze onrustig')", "session_entries");

  /* Zoë: three reports; the first was due on 28-10 (session 4 of 11). */
  gtk_single_selection_set_selected (selection, 2);
  flush ();
  g_assert_cmpstr (bk_child_editor_get_title (editor), ==, "Zoë de Vries");
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (reports, 0));
  g_assert_nonnull (row);
  g_assert_nonnull (gtk_list_box_get_row_at_index (reports, 2));
  g_assert_null (gtk_list_box_get_row_at_index (reports, 3));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Development Report 1");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Due 28-10-2026 · not started");

  /* Beside the editor: sessions 1 to 4, not session 5 (that is report 2's). */
  dialog = bk_child_editor_open_report (editor, 1);
  g_assert_nonnull (dialog);
  flush ();
  g_assert_cmpuint (bk_report_dialog_get_n_entries (dialog), ==, 4);
  gtk_text_buffer_get_bounds (bk_report_dialog_get_buffer (dialog), &start, &end);
  text = gtk_text_buffer_get_text (bk_report_dialog_get_buffer (dialog), &start, &end, FALSE);
  g_assert_true (g_str_has_prefix (text, "The learning goal"));

  /* The bare prompts are not a report. */
  g_assert_false (bk_report_dialog_save (dialog, TRUE));
  g_assert_nonnull (strstr (bk_report_dialog_get_problem (dialog), "Write under the prompts"));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM reports"), ==, 0);

  /* Typing, then closing the window: kept as a draft. */
  gtk_text_buffer_insert (bk_report_dialog_get_buffer (dialog), &end,
                          "Zoë vraagt steeds vaker zelf om hulp.\n", -1);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  spin (100);
  g_assert_null (dialog);
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM reports WHERE child_id = 1 AND number = 1"
                                      " AND status = 'draft' AND body LIKE '%zelf om hulp.'"
                                      " AND written_on = '2026-11-23'"), ==, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (reports, 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Due 28-10-2026 · draft of 23-11-2026");

  /* Opened again it holds the draft; made final, the form says so. */
  dialog = bk_child_editor_open_report (editor, 1);
  g_clear_pointer (&text, g_free);
  gtk_text_buffer_get_bounds (bk_report_dialog_get_buffer (dialog), &start, &end);
  text = gtk_text_buffer_get_text (bk_report_dialog_get_buffer (dialog), &start, &end, FALSE);
  g_assert_nonnull (strstr (text, "Zoë vraagt steeds vaker zelf om hulp."));
  g_assert_true (bk_report_dialog_save (dialog, TRUE));
  gtk_window_destroy (GTK_WINDOW (dialog));
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM reports WHERE status = 'final'"), ==, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (reports, 0));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Final since 23-11-2026");

  /* Report 2 half written when the program is closed: kept as a draft. */
  dialog = bk_child_editor_open_report (editor, 2);
  gtk_text_buffer_get_end_iter (bk_report_dialog_get_buffer (dialog), &end);
  gtk_text_buffer_insert (bk_report_dialog_get_buffer (dialog), &end, "Na de pauze", -1);
  gtk_window_close (GTK_WINDOW (window));
  spin (100);
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM reports WHERE number = 2 AND status = 'draft'"
                                      " AND body LIKE '%Na de pauze'"), ==, 1);
}

static void
test_report (void) { run_app (report_test); }

/* Search by the goal's words; the filters narrow the list and "Show
 * Everyone" undoes them; the timeline shows what happened; closing the
 * goal needs an outcome; a child who repeats says so in its history. */
static void
filters_timeline_test (BkWindow *window,
                       gpointer  data)
{
  Run *run = data;
  BkChildrenPage *page = children_page (window);
  BkChildEditor *editor = editor_of (window);
  GtkSingleSelection *selection = child_of (page, BK_TYPE_CHILDREN_PAGE, "selection");
  GtkDropDown *cycle_filter = child_of (page, BK_TYPE_CHILDREN_PAGE, "cycle_filter");
  GtkDropDown *goal_filter = child_of (page, BK_TYPE_CHILDREN_PAGE, "goal_filter");
  GtkCheckButton *missing = child_of (page, BK_TYPE_CHILDREN_PAGE, "missing_check");
  GtkCheckButton *report_due = child_of (page, BK_TYPE_CHILDREN_PAGE, "report_check");
  GtkEditable *search = child_of (page, BK_TYPE_CHILDREN_PAGE, "search_entry");
  BkChildTimeline *timeline = child_of (editor, BK_TYPE_CHILD_EDITOR, "timeline");
  GtkDropDown *kind_filter = child_of (timeline, BK_TYPE_CHILD_TIMELINE, "kind_filter");
  AdwMessageDialog *dialog;

  /* Bram (first in the list) gets a goal through the form. */
  gtk_single_selection_set_selected (selection, 0);
  flush ();
  type_into (editor, "goal_row", "Ik wil rustig blijven als ik boos word");
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  flush ();

  gtk_editable_set_text (search, "boos");
  spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 1);
  gtk_editable_set_text (search, "");
  spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 3);

  /* Zoë has an entry for session 7 (18-11), Bram has none. */
  exec_in_app (window,
    "INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, absent) VALUES"
    " (1, 1, 7, '2026-11-18', 1)", "session_entries");
  gtk_check_button_set_active (missing, TRUE);
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 1);
  g_assert_cmpstr (bk_child_get_given_name (g_list_model_get_item (shown_children (window), 0)), ==, "Bram");
  g_object_unref (g_list_model_get_item (shown_children (window), 0));
  gtk_check_button_set_active (missing, FALSE);

  /* Report 1 was due on 28-10 for both children in the cycle, report 2 is
   * due on 25-11; Zoë's are both final. */
  gtk_check_button_set_active (report_due, TRUE);
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 2);
  exec_in_app (window,
    "INSERT INTO reports (child_id, cycle_id, number, body, status, written_on) VALUES"
    " (1, 1, 1, 'Verslag', 'final', '2026-10-28'), (1, 1, 2, 'Verslag', 'final', '2026-11-23')", "reports");
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 1);
  gtk_check_button_set_active (report_due, FALSE);

  gtk_drop_down_set_selected (goal_filter, 1);   /* no goal yet: Zoë, Noor */
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 2);
  gtk_drop_down_set_selected (goal_filter, 2);   /* working on it: Bram */
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 1);
  gtk_drop_down_set_selected (goal_filter, 0);
  gtk_drop_down_set_selected (cycle_filter, 1);  /* "No group": Noor */
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (page), "children.clear-filters", NULL);
  flush ();
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (cycle_filter), ==, 0);

  /* Bram's timeline: joined the group, the goal set. */
  gtk_single_selection_set_selected (selection, 0);
  flush ();
  bk_child_editor_show_timeline (editor);
  flush ();
  g_assert_cmpuint (bk_child_timeline_get_n_items (timeline), ==, 2);

  /* Closing the goal: "stopped" needs a line; "reached" does not. */
  dialog = bk_child_editor_close_goal (editor);
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "close"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog))), 3);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "close"));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_first_child (adw_message_dialog_get_extra_child (dialog))), 0);
  adw_message_dialog_response (dialog, "close");
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM goals WHERE child_id = 2 AND status = 'reached'"
                                      " AND closed_on = '2026-11-23'"), ==, 1);
  g_assert_cmpuint (bk_child_timeline_get_n_items (timeline), ==, 3);
  gtk_drop_down_set_selected (kind_filter, 2);   /* goal and steps */
  flush ();
  g_assert_cmpuint (bk_child_timeline_get_n_items (timeline), ==, 2);
  gtk_drop_down_set_selected (kind_filter, 0);

  /* Bram repeats: into a new cycle, the old one ends as "repeating". */
  exec_in_app (window,
    "INSERT INTO cycles (id, name, start_date, created_at) VALUES (2, 'Traject winter 2027', '2027-01-13', 'x')",
    "cycles");
  {
    AdwComboRow *cycle_row = child_of (editor, BK_TYPE_CHILD_EDITOR, "cycle_row");
    AdwComboRow *leave_row = child_of (editor, BK_TYPE_CHILD_EDITOR, "leave_row");

    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (leave_row)));
    adw_combo_row_set_selected (cycle_row, 1);   /* newest first, after "No group" */
    flush ();
    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (leave_row)));
    adw_combo_row_set_selected (leave_row, 1);
    gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
    flush ();
    g_assert_cmpint (bk_test_query_int (run->path,
                                        "SELECT count(*) FROM enrolments WHERE child_id = 2 AND cycle_id = 1"
                                        " AND outcome = 'repeating'"), ==, 1);
    g_assert_cmpint (bk_test_query_int (run->path,
                                        "SELECT cycle_id FROM enrolments WHERE child_id = 2 AND ended_on IS NULL"), ==, 2);
    g_assert_false (gtk_widget_get_visible (GTK_WIDGET (leave_row)));
  }
  gtk_single_selection_set_selected (selection, 0);
  flush ();
  bk_child_editor_show_timeline (editor);
  gtk_drop_down_set_selected (kind_filter, 6);   /* group changes */
  flush ();
  g_assert_cmpuint (bk_child_timeline_get_n_items (timeline), ==, 3);
}

static void
test_filters_timeline (void) { run_app (filters_timeline_test); }

/* A parent conversation, logged from the child's form: the preparation
 * stands beside it, an agreement without an owner is refused and nothing
 * written; saved, it is on the form and its agreement is due today under
 * Conversations, where Done finishes it. */
static void
conversation_test (BkWindow *window,
                   gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  GtkSingleSelection *selection = child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "selection");
  BkConversationDialog *dialog;
  BkTodayPage *today = child_of (window, BK_TYPE_WINDOW, "today_page");
  GtkListBox *conversations = child_of (editor, BK_TYPE_CHILD_EDITOR, "conversations_list");
  BkPlainDialog *letter;
  GtkWidget *row;

  gtk_single_selection_set_selected (selection, 2);   /* Zoë, with two parents */
  flush ();
  dialog = bk_child_editor_open_conversation (editor, 0);
  g_assert_nonnull (dialog);
  flush ();
  /* Her parents are known: the preparation has their contacts and channel. */
  g_assert_cmpuint (bk_conversation_dialog_get_n_preparation_parts (dialog), >=, 1);

  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, BK_TYPE_CONVERSATION_DIALOG, "day_row")), "20-11-2026");
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, BK_TYPE_CONVERSATION_DIALOG, "time_row")), "15:30");
  gtk_switch_set_active (child_of (dialog, BK_TYPE_CONVERSATION_DIALOG, "held_switch"), TRUE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child_of (dialog, BK_TYPE_CONVERSATION_DIALOG, "notes_view")),
                            "Moeder vertelt dat Zoë thuis vaker zelf begint.", -1);
  bk_conversation_dialog_add_agreement (dialog, "Moeder belt de juf over het huiswerk", "", "23-11-2026");
  g_assert_false (bk_conversation_dialog_save (dialog));
  g_assert_nonnull (strstr (bk_conversation_dialog_get_problem (dialog), "Who does this"));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM conversations"), ==, 0);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM agreements"), ==, 0);

  /* With the owner it is saved: the conversation, its agreement, and one
   * two-way contact with the parents. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "conversation.add-agreement", NULL);
  {
    GtkBox *box = child_of (dialog, BK_TYPE_CONVERSATION_DIALOG, "agreements_box");
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (box));
    GtkWidget *owner = gtk_widget_get_next_sibling (gtk_widget_get_first_child (first));

    gtk_editable_set_text (GTK_EDITABLE (owner), "Sandra de Vries");
  }
  /* The preparation sheet: internal, with what the form says now. */
  {
    g_autofree char *pdf = g_build_filename (run->dir, "Voorbereiding.pdf", NULL);
    g_autofree char *text = NULL;

    gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, BK_TYPE_CONVERSATION_DIALOG, "purpose_row")),
                           "Samen kijken wat thuis helpt");
    g_assert_true (bk_conversation_dialog_write_preparation (dialog, pdf));
    text = bk_test_pdf_text (pdf);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Internal — not for parents"));
    g_assert_nonnull (strstr (text, "Zoë de Vries"));
    g_assert_nonnull (strstr (text, "Samen kijken wat thuis helpt"));
  }
  /* Printed (to a file instead of a printer): the same sheet on one page. */
  {
    g_autofree char *printed = g_build_filename (run->dir, "Voorbereiding geprint.pdf", NULL);
    g_autofree char *text = NULL;

    g_assert_true (bk_conversation_dialog_print_preparation (dialog, printed));
    text = bk_test_pdf_text (printed);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Internal — not for parents"));
    g_assert_nonnull (strstr (text, "Samen kijken wat thuis helpt"));
  }

  /* Looking back: a self-check half filled in is refused... */
  {
    AdwPreferencesGroup *group = child_of (dialog, BK_TYPE_CONVERSATION_DIALOG, "self_check_group");
    GtkWidget *spins[6];

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
    for (guint i = 0; i < 6; i++)
      {
        g_autofree char *id = g_strdup_printf ("score_%u", i);
        spins[i] = child_of (dialog, BK_TYPE_CONVERSATION_DIALOG, id);
      }
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[0]), 4);
    g_assert_false (bk_conversation_dialog_save (dialog));
    g_assert_nonnull (strstr (bk_conversation_dialog_get_problem (dialog), "from 1 to 5"));
    g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM conversations"), ==, 0);
    /* ...and complete, saved with the conversation. */
    for (guint i = 0; i < 6; i++)
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spins[i]), 3 + i % 3);
  }
  /* Saved, and its agreement becomes a letter for the parents: plain
   * words, nothing internal; an emptied letter is refused. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  letter = bk_conversation_dialog_write_letter (dialog);
  g_assert_nonnull (letter);
  spin (100);
  g_assert_null (dialog);
  {
    g_autofree char *pdf = g_build_filename (run->dir, "Afspraken Zoë.pdf", NULL);
    g_autofree char *text = NULL;

    g_assert_cmpuint (bk_plain_dialog_get_n_advice (letter), ==, 0);
    g_assert_true (bk_plain_dialog_write_pdf (letter, pdf));
    text = bk_test_pdf_text (pdf);
    g_assert_nonnull (text);
    g_strdelimit (text, "\n", ' ');   /* pdftotext breaks lines where the page does */
    g_assert_nonnull (strstr (text, "What we agreed about Zoë de Vries"));
    g_assert_nonnull (strstr (text, "Moeder belt de juf over het huiswerk. Who: Sandra de Vries. Ready by: 23-11-2026."));
    g_assert_null (strstr (text, "Internal"));
    g_assert_null (strstr (text, "vaker zelf begint"));   /* the notes stay the coach's */

    bk_plain_dialog_set_text (letter, NULL, "   ");
    g_clear_pointer (&pdf, g_free);
    pdf = g_build_filename (run->dir, "Leeg.pdf", NULL);
    g_assert_false (bk_plain_dialog_write_pdf (letter, pdf));
    g_assert_nonnull (strstr (bk_plain_dialog_get_problem (letter), "Write the letter"));
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    gtk_window_destroy (GTK_WINDOW (letter));
  }
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM self_checks WHERE genuineness = 3 AND respect = 4"
                                      " AND listening = 5 AND transparency = 5"), ==, 1);
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM conversations WHERE child_id = 1 AND status = 'held'"
                                      " AND held_at = '2026-11-20T14:30:00Z'"), ==, 1);
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM agreements WHERE owner = 'Sandra de Vries'"
                                      " AND due_on = '2026-11-23' AND done_on IS NULL"), ==, 1);
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM contacts WHERE child_id = 1 AND direction = 'two-way'"), ==, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (conversations, 0));
  g_assert_nonnull (row);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Informal talk"));

  /* The calendar export writes a valid (here empty: nothing planned) file. */
  {
    g_autofree char *ics = g_build_filename (run->dir, "gesprekken.ics", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (ics);
    g_autofree char *contents = NULL;

    g_assert_true (bk_window_export_calendar (window, file));
    g_assert_true (g_file_get_contents (ics, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
    g_assert_null (strstr (contents, "BEGIN:VEVENT"));
  }

  /* Under Conversations: the agreement is due today. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "conversations");
  spin (100);
  g_assert_cmpuint (bk_today_page_get_n_due (today), >=, 1);
  g_assert_true (bk_today_page_mark_done (today, "Agreement due: Moeder belt de juf over het huiswerk"));
  spin (100);
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM agreements WHERE done_on = '2026-11-23'"), ==, 1);
}

static void
test_conversation (void) { run_app (conversation_test); }

/* The plain summary of the parent meeting: the template, advice while
 * writing, refused without text, kept, and for every parent of the cycle
 * (e-mail for Sandra who came; paper for the others, who did not). */
static void
plain_summary_test (BkWindow *window,
                    gpointer  data)
{
  Run *run = data;
  BkPlainDialog *dialog;
  const char *body = "We bespraken het handelingsplan van elk kind.\n"
                     "Daarna hebben de kinderen zelf verteld wat ze in de afgelopen weken op het leercentrum "
                     "allemaal hebben geleerd en geoefend.";
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (run->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "UPDATE parents SET email = 'sandra@voorbeeld.nl', preferred_channel = 'email' WHERE id = 1;"
    "INSERT INTO attendance (event_id, parent_id, present) VALUES (1, 1, 1), (1, 3, 0);",
    NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  dialog = bk_window_write_summary (window, 0);
  flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (dialog, BK_TYPE_PLAIN_DIALOG, "title_row"))),
                   ==, "Ouderbijeenkomst");
  /* The template follows its own advice. */
  g_assert_cmpuint (bk_plain_dialog_get_n_advice (dialog), ==, 0);
  g_assert_nonnull (strstr (adw_preferences_group_get_description (child_of (dialog, BK_TYPE_PLAIN_DIALOG,
                                                                                "send_group")),
                            "For all 3 parents of the cycle, also the 2 who were not there."));
  g_assert_cmpstr (adw_action_row_get_subtitle (child_of (dialog, BK_TYPE_PLAIN_DIALOG, "paper_row")),
                   ==, "Fatima Jansen, Mark Bakker");

  /* No text: a clear message, nothing kept. */
  bk_plain_dialog_set_text (dialog, NULL, "");
  g_assert_false (bk_plain_dialog_save (dialog));
  g_assert_nonnull (strstr (bk_plain_dialog_get_problem (dialog), "Write the summary"));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM summaries"), ==, 0);

  /* Jargon and a long sentence: advice, which does not stop saving. */
  bk_plain_dialog_set_text (dialog, NULL, body);
  g_assert_cmpuint (bk_plain_dialog_get_n_advice (dialog), ==, 2);
  g_assert_true (bk_plain_dialog_save (dialog));
  g_assert_null (bk_plain_dialog_get_problem (dialog));
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM summaries WHERE event_id = 1 AND sent_on IS NULL"), ==, 1);

  /* Out as PDF, text and print; the addresses for Bcc; marked sent. */
  {
    g_autofree char *pdf = g_build_filename (run->dir, "Ouderbijeenkomst.pdf", NULL);
    g_autofree char *txt = g_build_filename (run->dir, "Ouderbijeenkomst.txt", NULL);
    g_autofree char *printed = g_build_filename (run->dir, "Ouderbijeenkomst geprint.pdf", NULL);
    g_autofree char *text = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *addresses = NULL;

    g_assert_true (bk_plain_dialog_write_pdf (dialog, pdf));
    text = bk_test_pdf_text (pdf);
    g_assert_nonnull (text);
    g_assert_nonnull (strstr (text, "Ouderbijeenkomst"));
    g_assert_nonnull (strstr (text, "We bespraken het handelingsplan van elk kind."));
    g_clear_pointer (&text, g_free);
    g_assert_true (bk_plain_dialog_print (dialog, printed));
    text = bk_test_pdf_text (printed);
    g_assert_nonnull (strstr (text, "We bespraken het handelingsplan van elk kind."));
    g_assert_true (bk_plain_dialog_write_text (dialog, txt));
    g_assert_true (g_file_get_contents (txt, &contents, NULL, NULL));
    g_assert_true (g_str_has_prefix (contents, "Ouderbijeenkomst\n\nWe bespraken"));
    addresses = bk_plain_dialog_copy_addresses (dialog);
    g_assert_cmpstr (addresses, ==, "sandra@voorbeeld.nl");
  }
  g_assert_true (bk_plain_dialog_mark_sent (dialog));
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM summaries WHERE sent_on = '2026-11-23'"), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (child_of (dialog, BK_TYPE_PLAIN_DIALOG, "sent_row")),
                   ==, "Sent on 23-11-2026");
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Opened again: the same summary, not the template. */
  dialog = bk_window_write_summary (window, 1);
  flush ();
  g_assert_cmpuint (bk_plain_dialog_get_n_advice (dialog), ==, 2);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Writing for the information evening, then choosing the meeting: what
   * was written stays with the evening. */
  g_assert_cmpint (sqlite3_open (run->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
    "INSERT INTO events (id, cycle_id, kind, title, starts_at, created_at) VALUES"
    " (2, 1, 'info-evening', 'Informatieavond', '2026-10-08T17:30:00Z', 'x');", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  dialog = bk_window_write_summary (window, 2);
  flush ();
  bk_plain_dialog_set_text (dialog, NULL, "We vertelden over het leercentrum.");
  adw_combo_row_set_selected (child_of (dialog, BK_TYPE_PLAIN_DIALOG, "event_row"), 0);   /* the meeting */
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM summaries WHERE event_id = 2"
                                                 " AND body = 'We vertelden over het leercentrum.'"), ==, 1);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM summaries WHERE event_id = 1"
                                                 " AND body LIKE 'We bespraken%'"), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_plain_summary (void) { run_app (plain_summary_test); }

static BkSessionDialog *
find_session_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (BK_IS_SESSION_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* Whether the keyboard focus is in @widget (an entry's text counts). */
static gboolean
has_focus_in (GtkWindow *window,
              GtkWidget *widget)
{
  GtkWidget *focus = gtk_window_get_focus (window);

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A group's session by keyboard: Tab leads from one child to the next,
 * a refusal writes nothing, then both children are saved at once. */
static void
session_test (BkWindow *window,
              gpointer  data)
{
  Run *run = data;
  BkSessionDialog *dialog;
  GtkGrid *grid;
  GtkWidget *bram_how, *zoe_how, *bram_tip, *bram_error;
  g_autofree char *long_tip = g_strnfill (501, 'x');
  guint tabs = 0;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.enter-session", NULL));
  flush ();
  dialog = find_session_dialog ();
  g_assert_nonnull (dialog);
  grid = child_of (dialog, BK_TYPE_SESSION_DIALOG, "sheet_grid");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child_of (dialog, BK_TYPE_SESSION_DIALOG, "session_spin")), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (child_of (dialog, BK_TYPE_SESSION_DIALOG, "day_entry")), ==, "7-10-2026");
  g_assert_cmpstr (gtk_label_get_text (child_of (dialog, BK_TYPE_SESSION_DIALOG, "count_label")), ==,
                   "0 of 2 children entered");

  /* Bram first (by first name), then Zoë; the cursor starts in Bram's line. */
  bram_how = gtk_grid_get_child_at (grid, 3, 1);
  zoe_how = gtk_grid_get_child_at (grid, 3, 3);
  bram_tip = gtk_grid_get_child_at (grid, 5, 1);
  bram_error = gtk_grid_get_child_at (grid, 2, 2);
  g_assert_true (GTK_IS_ENTRY (bram_how) && GTK_IS_ENTRY (zoe_how));
  g_assert_true (has_focus_in (GTK_WINDOW (dialog), bram_how));
  while (!has_focus_in (GTK_WINDOW (dialog), zoe_how) && tabs < 20)
    {
      g_assert_true (gtk_widget_child_focus (GTK_WIDGET (dialog), GTK_DIR_TAB_FORWARD));
      tabs++;
    }
  /* The faces, tip, top, then Zoë's absent and step: the next line in 10 tabs. */
  g_assert_cmpuint (tabs, <=, 10);

  gtk_editable_set_text (GTK_EDITABLE (bram_how), "Werkte geconcentreerd aan zijn stapje");
  /* Choosing another session now would throw the typing away: it is refused. */
  gtk_spin_button_set_value (child_of (dialog, BK_TYPE_SESSION_DIALOG, "session_spin"), 2);
  flush ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child_of (dialog, BK_TYPE_SESSION_DIALOG, "session_spin")), ==, 1);
  g_assert_true (gtk_grid_get_child_at (grid, 3, 1) == bram_how);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (bram_how)), ==, "Werkte geconcentreerd aan zijn stapje");
  g_assert_true (gtk_widget_get_visible (child_of (dialog, BK_TYPE_SESSION_DIALOG, "error_label")));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (
    gtk_widget_get_last_child (gtk_grid_get_child_at (grid, 4, 1))), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (bram_tip), long_tip);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_grid_get_child_at (grid, 1, 3)), TRUE);
  g_assert_false (gtk_widget_get_sensitive (zoe_how));

  /* A day before the cycle began is the whole group's problem: shown at
   * the day, nothing written. */
  gtk_editable_set_text (child_of (dialog, BK_TYPE_SESSION_DIALOG, "day_entry"), "1-10-2026");
  g_assert_false (bk_session_dialog_save (dialog));
  g_assert_false (gtk_widget_get_visible (bram_error));
  g_assert_nonnull (strstr (gtk_label_get_text (child_of (dialog, BK_TYPE_SESSION_DIALOG, "error_label")),
                            "cannot be held before it"));
  g_assert_true (gtk_widget_has_css_class (child_of (dialog, BK_TYPE_SESSION_DIALOG, "day_entry"), "error"));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM session_entries"), ==, 0);
  gtk_editable_set_text (child_of (dialog, BK_TYPE_SESSION_DIALOG, "day_entry"), "7-10-2026");

  g_assert_false (bk_session_dialog_save (dialog));
  g_assert_true (gtk_widget_get_visible (bram_error));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (bram_error)), "at most 500"));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM session_entries"), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (bram_tip), "Vraag eerst je buurman");
  g_assert_true (bk_session_dialog_save (dialog));
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM session_entries WHERE child_id = 2 AND session_no = 1"
                                      " AND day_rating = 5 AND absent = 0 AND held_on = '2026-10-07'"
                                      " AND tip = 'Vraag eerst je buurman'"), ==, 1);
  g_assert_cmpint (bk_test_query_int (run->path,
                                      "SELECT count(*) FROM session_entries WHERE child_id = 1 AND absent = 1"
                                      " AND how_worked IS NULL"), ==, 1);

  /* Bram's form lists the session, with what was noted. */
  gtk_single_selection_set_selected (child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "selection"), 0);
  flush ();
  {
    BkChildEditor *editor = editor_of (window);
    GtkListBox *sessions = child_of (editor, BK_TYPE_CHILD_EDITOR, "sessions_list");
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (sessions, 0);

    g_assert_true (gtk_widget_get_visible (child_of (editor, BK_TYPE_CHILD_EDITOR, "sessions_group")));
    GtkListBoxRow *second = gtk_list_box_get_row_at_index (sessions, 1);

    g_assert_nonnull (first);
    /* One session; the row to all sessions in the timeline stays hidden. */
    g_assert_true (second == NULL || !gtk_widget_get_visible (GTK_WIDGET (second)));
    g_assert_cmpstr (bk_session_row_get_title (GTK_WIDGET (first)), ==, "Session 1 · 7-10-2026");
    g_assert_nonnull (strstr (bk_session_row_get_detail (GTK_WIDGET (first)), "Tip: Vraag eerst je buurman"));
  }

  /* Next time the next session is suggested; session 1 shows what was saved. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.enter-session", NULL));
  flush ();
  dialog = find_session_dialog ();
  grid = child_of (dialog, BK_TYPE_SESSION_DIALOG, "sheet_grid");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child_of (dialog, BK_TYPE_SESSION_DIALOG, "session_spin")), ==, 2);
  gtk_spin_button_set_value (child_of (dialog, BK_TYPE_SESSION_DIALOG, "session_spin"), 1);
  flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_grid_get_child_at (grid, 3, 1))), ==,
                   "Werkte geconcentreerd aan zijn stapje");
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (gtk_grid_get_child_at (grid, 1, 3))));
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
test_session (void) { run_app (session_test); }

static BkParentDialog *
find_parent_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (BK_IS_PARENT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
type_into_dialog (BkParentDialog *dialog,
                  const char     *row,
                  const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, BK_TYPE_PARENT_DIALOG, row)), text);
}

/* A parent is added from the child's form; a bad phone number is refused
 * under its field first. Then the parent is changed from their own page. */
static void
add_and_edit_parent_test (BkWindow *window,
                          gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  GtkSingleSelection *selection = child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "selection");
  GtkListBox *parents;
  BkParentDialog *dialog;
  GtkWidget *phone_error;

  gtk_single_selection_set_selected (selection, 0);   /* Bram Jansen: Fatima is his mother */
  flush ();
  parents = child_of (editor, BK_TYPE_CHILD_EDITOR, "parents_list");
  g_assert_nonnull (gtk_list_box_get_row_at_index (parents, 0));
  g_assert_null (gtk_list_box_get_row_at_index (parents, 1));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-parent", NULL));
  flush ();
  dialog = find_parent_dialog ();
  g_assert_nonnull (dialog);
  /* Typing goes straight into the first name (not onto a button whose
   * mnemonic a letter would trigger). */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));
    g_assert_nonnull (focus);
    g_assert_true (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, child_of (dialog, BK_TYPE_PARENT_DIALOG, "given_name_row")));
  }
  adw_combo_row_set_selected (child_of (dialog, BK_TYPE_PARENT_DIALOG, "relation_row"), 1);  /* father */
  type_into_dialog (dialog, "given_name_row", "Hassan");
  type_into_dialog (dialog, "family_name_row", "Jansen");
  type_into_dialog (dialog, "phone_row", "06-1234");
  type_into_dialog (dialog, "availability_row", "Werkt overdag; kan na 18:00");
  g_assert_false (bk_parent_dialog_save (dialog));
  phone_error = child_of (dialog, BK_TYPE_PARENT_DIALOG, "phone_error");
  g_assert_true (gtk_widget_get_visible (phone_error));
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (phone_error)),
                            "Dutch phone number"));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM parents"), ==, 3);

  type_into_dialog (dialog, "phone_row", "06-87654321");
  g_assert_true (bk_parent_dialog_save (dialog));
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path,
    "SELECT count(*) FROM parents p JOIN parent_children pc ON pc.parent_id = p.id"
    " WHERE p.given_name = 'Hassan' AND p.phone = '+31687654321' AND pc.child_id = 2"
    " AND pc.relation = 'father' AND p.availability = 'Werkt overdag; kan na 18:00'"), ==, 1);
  g_assert_nonnull (gtk_list_box_get_row_at_index (parents, 1));

  /* Edit from the parent's page: the relation and links stay. */
  open_parents (window);
  {
    BkParentsPage *page = parents_page (window);
    BkParentDetail *detail = child_of (page, BK_TYPE_PARENTS_PAGE, "detail");
    GtkSingleSelection *all = child_of (page, BK_TYPE_PARENTS_PAGE, "parents_selection");

    gtk_single_selection_set_selected (all, 1);   /* Hassan Jansen */
    flush ();
    g_assert_cmpstr (gtk_label_get_text (child_of (detail, BK_TYPE_PARENT_DETAIL, "name_label")),
                     ==, "Hassan Jansen");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail), "parent.edit", NULL));
    flush ();
    dialog = find_parent_dialog ();
    g_assert_nonnull (dialog);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (dialog, BK_TYPE_PARENT_DIALOG, "phone_row"))),
                     ==, "06 87654321");
    type_into_dialog (dialog, "email_row", "h.jansen@voorbeeld.nl");
    g_assert_true (bk_parent_dialog_save (dialog));
    flush ();
    g_assert_cmpint (bk_test_query_int (run->path,
      "SELECT count(*) FROM parents p JOIN parent_children pc ON pc.parent_id = p.id"
      " WHERE p.email = 'h.jansen@voorbeeld.nl' AND pc.relation = 'father'"), ==, 1);
    g_assert_cmpstr (adw_preferences_row_get_title (child_of (detail, BK_TYPE_PARENT_DETAIL, "email_row")),
                     ==, "h.jansen@voorbeeld.nl");
  }
}

static void
test_add_and_edit_parent (void) { run_app (add_and_edit_parent_test); }

/* Sem is Zoë de Vries' brother: his form offers her parents to link,
 * instead of typing Sandra in a second time. */
static void
sibling_test (BkWindow *window,
              gpointer  data)
{
  Run *run = data;
  BkChildEditor *editor = editor_of (window);
  BkParentDialog *dialog;
  guint sem;

  g_assert_true (bk_store_exec (bk_window_get_store (window),
    "INSERT INTO children (id, given_name, family_name, created_at, updated_at)"
    " VALUES (4, 'Sem', 'de Vries', 'x', 'x')", NULL));
  bk_store_emit_changed (bk_window_get_store (window), "children", 4);
  flush ();
  sem = 2;   /* Bram, Noor, Sem, Zoë */
  gtk_single_selection_set_selected (child_of (children_page (window), BK_TYPE_CHILDREN_PAGE, "selection"), sem);
  flush ();
  g_assert_cmpint (bk_child_editor_get_child_id (editor), ==, 4);

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-parent", NULL);
  flush ();
  dialog = find_parent_dialog ();
  g_assert_true (gtk_widget_get_visible (child_of (dialog, BK_TYPE_PARENT_DIALOG, "siblings_group")));
  g_assert_nonnull (gtk_list_box_get_row_at_index (child_of (dialog, BK_TYPE_PARENT_DIALOG, "siblings_list"), 1));
  g_assert_true (bk_parent_dialog_link (dialog, 1));   /* Sandra, mother (the first relation) */
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM parents"), ==, 3);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM parent_children"
                                                 " WHERE parent_id = 1 AND child_id = 4 AND relation = 'mother'"), ==, 1);
  g_assert_nonnull (gtk_list_box_get_row_at_index (child_of (editor, BK_TYPE_CHILD_EDITOR, "parents_list"), 0));
}

static void
test_sibling (void) { run_app (sibling_test); }

static BkImportDialog *
find_import_dialog (void)
{
  g_autoptr (GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (BK_IS_IMPORT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* A class list goes through the preview: problems first (Import stays
 * off), a column chosen by hand, then everything at once. */
static void
import_test (BkWindow *window,
             gpointer  data)
{
  Run *run = data;
  g_autofree char *path = g_build_filename (run->dir, "klas.csv", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  const char *csv =
    "Leerling;Achternaam kind;Geboortedatum;Voornaam ouder;Relatie;Telefoon\r\n"
    "Mees;Bos;4-4-2016;Wendy;moeder;06-11112222\r\n"
    "Lina;Ouali;9-9-2015;Said;vader;06-333\r\n";
  BkImportDialog *dialog;
  GtkListBox *problems;
  GtkLabel *summary;

  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  bk_window_import_file (window, file);
  flush ();

  /* "Leerling" is no known heading: say so, and let the user choose. */
  dialog = find_import_dialog ();
  g_assert_null (dialog);
  {
    AdwMessageDialog *message = find_message_dialog ();
    g_assert_nonnull (message);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "Headings found: Leerling"));
    adw_message_dialog_response (message, "close");
    flush ();
  }

  csv = "Voornaam kind;Leerling;Achternaam kind;Geboortedatum;Voornaam ouder;Relatie;Telefoon\r\n"
        ";Mees;Bos;4-4-2016;Wendy;moeder;06-11112222\r\n"
        ";Lina;Ouali;9-9-2015;Said;vader;06-333\r\n";
  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  bk_window_import_file (window, file);
  flush ();
  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  problems = child_of (dialog, BK_TYPE_IMPORT_DIALOG, "problems_list");
  summary = child_of (dialog, BK_TYPE_IMPORT_DIALOG, "summary_label");
  g_assert_cmpstr (gtk_label_get_text (summary), ==, "3 problems to solve before importing.");
  /* Import is off, and committing anyway refuses and writes nothing. */
  g_assert_false (gtk_widget_get_sensitive (child_of (dialog, BK_TYPE_IMPORT_DIALOG, "import_button")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.commit", NULL);
  flush ();
  g_assert_true (find_import_dialog () == dialog);
  g_assert_false (bk_import_dialog_commit (dialog));
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM children"), ==, 3);

  /* The first names are in "Leerling": choose that column. */
  adw_combo_row_set_selected (bk_import_dialog_get_column_row (dialog, BK_IMPORT_CHILD_GIVEN), 2);
  flush ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (problems, 0))),
                   ==, "Line 3 · Telefoon");
  g_assert_null (gtk_list_box_get_row_at_index (problems, 1));

  /* Fix the file, open it again: ready, then imported. */
  csv = "Leerling;Achternaam kind;Geboortedatum;Voornaam ouder;Relatie;Telefoon;Voornaam kind\r\n"
        "Mees;Bos;4-4-2016;Wendy;moeder;06-11112222;Mees\r\n"
        "Lina;Ouali;9-9-2015;Said;vader;06-33334444;Lina\r\n";
  gtk_window_close (GTK_WINDOW (dialog));
  flush ();
  g_assert_true (g_file_set_contents (path, csv, -1, NULL));
  bk_window_import_file (window, file);
  flush ();
  dialog = find_import_dialog ();
  summary = child_of (dialog, BK_TYPE_IMPORT_DIALOG, "summary_label");
  g_assert_cmpstr (gtk_label_get_text (summary), ==, "Ready to import: 2 children, 2 parents.");
  g_assert_true (gtk_widget_get_sensitive (child_of (dialog, BK_TYPE_IMPORT_DIALOG, "import_button")));
  g_assert_true (bk_import_dialog_commit (dialog));
  flush ();
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM children"), ==, 5);
  g_assert_cmpint (bk_test_query_int (run->path, "SELECT count(*) FROM parents WHERE phone = '+31633334444'"), ==, 1);
  /* The children list shows them at once. */
  g_assert_cmpuint (g_list_model_get_n_items (shown_children (window)), ==, 5);
}

static void
test_import (void) { run_app (import_test); }

static void
test_log_contact (void) { run_app (log_contact_test); }
static void
test_not_reached (void) { run_app (not_reached_test); }

static void
test_sections (void) { run_app (sections_test); }
static void
test_list (void) { run_app (list_test); }
static void
test_create (void) { run_app (create_test); }
static void
test_refuse (void) { run_app (refuse_test); }
static void
test_delete_undo (void) { run_app (delete_undo_test); }
static void
test_preferences (void) { run_app (preferences_test); }

/* A damaged file: a dialog that says so, no window, and the file as it was. */
static gboolean
find_dialog_idle (gpointer data)
{
  GApplication *app = g_application_get_default ();
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));
  gboolean *seen = data;

  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (windows->data));
  g_assert_cmpstr (adw_message_dialog_get_heading (windows->data), ==, "The database cannot be opened");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (windows->data), "damaged"));
  *seen = TRUE;
  adw_message_dialog_response (windows->data, "close");
  return G_SOURCE_REMOVE;
}

static void
corrupt_activate_cb (GApplication *app,
                     gboolean     *seen)
{
  g_idle_add (find_dialog_idle, seen);
}

static void
test_open_error (void)
{
  g_autoptr (BkApplication) app = bk_application_new ();
  g_autofree char *dir = bk_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autofree char *after = NULL;
  char *argv[] = { (char *) "betrokken", (char *) "--database", path, NULL };
  const char *garbage = "This is a shopping list, not a database. Milk, bread, apples.";
  gboolean seen = FALSE;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  g_signal_connect_after (app, "activate", G_CALLBACK (corrupt_activate_cb), &seen);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  g_assert_true (seen);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, garbage);
  bk_test_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GDateTime) now = NULL;

  /* The staff's time zone: typed moments and shown times are local. */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  now = bk_test_now ();
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  bk_clock_set_fixed (now);

  g_test_add_func ("/ui/window/sections", test_sections);
  g_test_add_func ("/ui/children/list-and-search", test_list);
  g_test_add_func ("/ui/children/create", test_create);
  g_test_add_func ("/ui/children/refuse-bad-input", test_refuse);
  g_test_add_func ("/ui/children/delete-and-undo", test_delete_undo);
  g_test_add_func ("/ui/children/close-with-unsaved-changes", test_close_unsaved);
  g_test_add_func ("/ui/parents/log-contact-in-two-clicks", test_log_contact);
  g_test_add_func ("/ui/parents/not-reached", test_not_reached);
  g_test_add_func ("/ui/parents/observation", test_observation);
  g_test_add_func ("/ui/parents/intern-sees-no-observations", test_intern);
  g_test_add_func ("/ui/parents/add-and-edit", test_add_and_edit_parent);
  g_test_add_func ("/ui/parents/sibling-shares-parent", test_sibling);
  g_test_add_func ("/ui/parents/attendance-sheet", test_attendance);
  g_test_add_func ("/ui/parents/start-information", test_start_info);
  g_test_add_func ("/ui/new-group-or-cycle", test_new_cycle);
  g_test_add_func ("/ui/children/learning-goal-and-steps", test_goal);
  g_test_add_func ("/ui/children/session-for-the-group-by-keyboard", test_session);
  g_test_add_func ("/ui/children/report-beside-its-sessions", test_report);
  g_test_add_func ("/ui/children/filters-timeline-close-goal-repeat", test_filters_timeline);
  g_test_add_func ("/ui/conversations/log-one-and-finish-its-agreement", test_conversation);
  g_test_add_func ("/ui/conversations/summary-for-all-parents", test_plain_summary);
  g_test_add_func ("/ui/conversations/mentor-sees-intern-self-checks", test_mentor);
  g_test_add_func ("/ui/training/play-debrief-replay-comment", test_training);
  g_test_add_func ("/ui/import-through-preview", test_import);
  g_test_add_func ("/ui/preferences", test_preferences);
  g_test_add_func ("/ui/open-error", test_open_error);

  return g_test_run ();
}
