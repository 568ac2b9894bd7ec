/* bk-session-dialog.c
 * A whole group's entries after a session, by keyboard.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One screen for the session just held: the cycle that started last, the
 * next session not yet entered and its day are chosen already. Each child
 * has a line; Tab goes through absent, step, how it went, the five faces,
 * tip and top, then on to the next child. Absent greys the rest out. A
 * child left empty gets no entry. Save writes every entry at once, or none
 * and shows under the child what was refused.
 */
#define G_LOG_DOMAIN "bk-session-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "bk-clock.h"
#include "bk-current-staff.h"
#include "bk-session.h"
#include "bk-session-dialog.h"

#define N_FACES 5

/* The widgets of one child's line. */
typedef struct
{
  gint64          child_id;
  gint64          entry_id;
  GArray         *step_ids;
  GtkCheckButton *absent;
  GtkDropDown    *step;
  GtkEntry       *how;
  GtkToggleButton *faces[N_FACES];
  GtkEntry       *tip;
  GtkEntry       *top;
  GtkLabel       *error;
} Line;

struct _BkSessionDialog
{
  AdwWindow    parent_instance;

  BkStore     *store;
  GPtrArray   *cycles;   /* of BkSessionCycle */
  GPtrArray   *lines;    /* of Line */
  gboolean     filling;
  gboolean     changed;        /* input on the sheet not saved yet */
  guint        shown_cycle;    /* what the sheet shows */
  int          shown_session;

  GtkStack    *stack;
  GtkDropDown *cycle_drop;
  GtkSpinButton *session_spin;
  GtkEntry    *day_entry;
  GtkLabel    *count_label;
  GtkLabel    *error_label;
  GtkGrid     *sheet_grid;
};

G_DEFINE_FINAL_TYPE (BkSessionDialog, bk_session_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

/**
 * bk_face_icon_name:
 * @rating: the child's rating of the day, 1 to 5
 *
 * Returns: (nullable): the face shown for it, %NULL for no rating
 */
const char *
bk_face_icon_name (int rating)
{
  static const char * const icons[N_FACES] = {
    "face-crying-symbolic", "face-sad-symbolic", "face-plain-symbolic",
    "face-smile-symbolic", "face-smile-big-symbolic",
  };

  return rating >= 1 && rating <= N_FACES ? icons[rating - 1] : NULL;
}

static void
line_free (Line *line)
{
  g_clear_pointer (&line->step_ids, g_array_unref);
  g_free (line);
}

static BkSessionCycle *
current_cycle (BkSessionDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->cycle_drop);

  if (self->cycles == NULL || i >= self->cycles->len)
    return NULL;
  return g_ptr_array_index (self->cycles, i);
}

static int
line_rating (Line *line)
{
  for (int i = 0; i < N_FACES; i++)
    if (gtk_toggle_button_get_active (line->faces[i]))
      return i + 1;
  return 0;
}

/* One face at a time; choosing the chosen face again takes it away. */
static void
face_toggled_cb (GtkToggleButton *button,
                 Line            *line)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  for (int i = 0; i < N_FACES; i++)
    if (line->faces[i] != button)
      gtk_toggle_button_set_active (line->faces[i], FALSE);
}

static void
absent_toggled_cb (GtkCheckButton *check,
                   Line           *line)
{
  gboolean present = !gtk_check_button_get_active (check);

  gtk_widget_set_sensitive (GTK_WIDGET (line->step), present);
  gtk_widget_set_sensitive (GTK_WIDGET (line->how), present);
  gtk_widget_set_sensitive (GTK_WIDGET (line->tip), present);
  gtk_widget_set_sensitive (GTK_WIDGET (line->top), present);
  for (int i = 0; i < N_FACES; i++)
    gtk_widget_set_sensitive (GTK_WIDGET (line->faces[i]), present);
}

static GtkWidget *
header (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static GtkEntry *
line_entry (const char *child,
            const char *what,
            const char *text,
            int         width)
{
  GtkWidget *entry = gtk_entry_new ();
  g_autofree char *label = g_strdup_printf ("%s: %s", child, what);

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), width);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return GTK_ENTRY (entry);
}

static void
input_changed_cb (BkSessionDialog *self)
{
  self->changed = TRUE;
}

static void
add_line (BkSessionDialog *self,
          BkSessionRow    *row,
          int              y)
{
  static const char *face_names[N_FACES] = {
    N_("A very bad day"), N_("A bad day"), N_("So-so"), N_("A good day"), N_("A very good day"),
  };
  Line *line = g_new0 (Line, 1);
  BkSessionEntry *e = row->entry;
  g_autoptr (GtkStringList) steps = gtk_string_list_new (NULL);
  GtkWidget *name = gtk_label_new (row->name);
  GtkWidget *faces = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *absent_label = g_strdup_printf (_("%s was absent"), row->name);
  guint chosen = 0;

  line->child_id = row->child_id;
  line->entry_id = e ? e->id : 0;
  line->step_ids = g_array_ref (row->step_ids);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (name), 16);
  gtk_grid_attach (self->sheet_grid, name, 0, y, 1, 1);

  line->absent = GTK_CHECK_BUTTON (gtk_check_button_new ());
  gtk_widget_set_halign (GTK_WIDGET (line->absent), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (line->absent), GTK_ACCESSIBLE_PROPERTY_LABEL, absent_label, -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (line->absent), absent_label);
  gtk_grid_attach (self->sheet_grid, GTK_WIDGET (line->absent), 1, y, 1, 1);

  gtk_string_list_append (steps, _("No step"));
  for (guint i = 0; i < row->step_texts->len; i++)
    {
      gtk_string_list_append (steps, g_ptr_array_index (row->step_texts, i));
      if (e != NULL && e->step_id == g_array_index (row->step_ids, gint64, i))
        chosen = i + 1;
    }
  line->step = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (steps)), NULL));
  gtk_drop_down_set_selected (line->step, chosen);
  gtk_widget_set_size_request (GTK_WIDGET (line->step), 180, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (line->step), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Step worked on"), -1);
  gtk_grid_attach (self->sheet_grid, GTK_WIDGET (line->step), 2, y, 1, 1);

  line->how = line_entry (row->name, _("How did it go?"), e ? e->how_worked : NULL, 24);
  gtk_widget_set_hexpand (GTK_WIDGET (line->how), TRUE);
  gtk_grid_attach (self->sheet_grid, GTK_WIDGET (line->how), 3, y, 1, 1);

  gtk_widget_add_css_class (faces, "linked");
  gtk_widget_add_css_class (faces, "face-rating");
  for (int i = 0; i < N_FACES; i++)
    {
      GtkWidget *face = gtk_toggle_button_new ();

      gtk_button_set_icon_name (GTK_BUTTON (face), bk_face_icon_name (i + 1));
      gtk_widget_set_tooltip_text (face, _(face_names[i]));
      gtk_accessible_update_property (GTK_ACCESSIBLE (face), GTK_ACCESSIBLE_PROPERTY_LABEL, _(face_names[i]), -1);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (face), e != NULL && e->day_rating == i + 1);
      line->faces[i] = GTK_TOGGLE_BUTTON (face);
      g_signal_connect (face, "toggled", G_CALLBACK (face_toggled_cb), line);
      gtk_box_append (GTK_BOX (faces), face);
    }
  gtk_grid_attach (self->sheet_grid, faces, 4, y, 1, 1);

  line->tip = line_entry (row->name, _("Tip"), e ? e->tip : NULL, 14);
  gtk_grid_attach (self->sheet_grid, GTK_WIDGET (line->tip), 5, y, 1, 1);
  line->top = line_entry (row->name, _("Top"), e ? e->top : NULL, 14);
  gtk_grid_attach (self->sheet_grid, GTK_WIDGET (line->top), 6, y, 1, 1);

  line->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (line->error, 0);
  gtk_label_set_wrap (line->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (line->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (line->error), FALSE);
  gtk_grid_attach (self->sheet_grid, GTK_WIDGET (line->error), 2, y + 1, 5, 1);

  g_signal_connect (line->absent, "toggled", G_CALLBACK (absent_toggled_cb), line);
  gtk_check_button_set_active (line->absent, e != NULL && e->absent);
  g_ptr_array_add (self->lines, line);

  /* Any input from here on is the user's, not yet saved. */
  g_signal_connect_swapped (line->absent, "toggled", G_CALLBACK (input_changed_cb), self);
  g_signal_connect_swapped (line->step, "notify::selected", G_CALLBACK (input_changed_cb), self);
  g_signal_connect_swapped (line->how, "changed", G_CALLBACK (input_changed_cb), self);
  g_signal_connect_swapped (line->tip, "changed", G_CALLBACK (input_changed_cb), self);
  g_signal_connect_swapped (line->top, "changed", G_CALLBACK (input_changed_cb), self);
  for (int i = 0; i < N_FACES; i++)
    g_signal_connect_swapped (line->faces[i], "toggled", G_CALLBACK (input_changed_cb), self);
}

static void
clear_grid (BkSessionDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sheet_grid))) != NULL)
    gtk_grid_remove (self->sheet_grid, child);
  g_ptr_array_set_size (self->lines, 0);
}

static void
show_error (GtkLabel   *label,
            const char *message)
{
  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
load_sheet (BkSessionDialog *self)
{
  BkSessionCycle *cycle = current_cycle (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *count = NULL;
  guint entered = 0;
  int session;

  clear_grid (self);
  show_error (self->error_label, NULL);
  if (cycle == NULL)
    return;
  session = gtk_spin_button_get_value_as_int (self->session_spin);
  self->changed = FALSE;
  self->shown_cycle = gtk_drop_down_get_selected (self->cycle_drop);
  self->shown_session = session;
  rows = bk_session_load_sheet (self->store, cycle->id, session, &error);
  if (rows == NULL)
    {
      show_error (self->error_label, error->message);
      return;
    }

  gtk_grid_attach (self->sheet_grid, header (_("Child")), 0, 0, 1, 1);
  gtk_grid_attach (self->sheet_grid, header (_("Absent")), 1, 0, 1, 1);
  gtk_grid_attach (self->sheet_grid, header (_("Step")), 2, 0, 1, 1);
  gtk_grid_attach (self->sheet_grid, header (_("How did it go?")), 3, 0, 1, 1);
  gtk_grid_attach (self->sheet_grid, header (_("The child’s day")), 4, 0, 1, 1);
  gtk_grid_attach (self->sheet_grid, header (_("Tip")), 5, 0, 1, 1);
  gtk_grid_attach (self->sheet_grid, header (_("Top")), 6, 0, 1, 1);
  for (guint i = 0; i < rows->len; i++)
    {
      BkSessionRow *row = g_ptr_array_index (rows, i);

      entered += row->entry != NULL;
      add_line (self, row, 1 + 2 * (int) i);
    }
  /* Translators: "3 of 20 children entered" */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u child entered",
                                        "%u of %u children entered", rows->len),
                           entered, rows->len);
  gtk_label_set_text (self->count_label, count);
}

static void
set_default_day (BkSessionDialog *self)
{
  BkSessionCycle *cycle = current_cycle (self);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autofree char *day = NULL;

  if (cycle == NULL)
    return;
  day = bk_session_default_day (cycle, gtk_spin_button_get_value_as_int (self->session_spin), now);
  gtk_editable_set_text (GTK_EDITABLE (self->day_entry), day);
}

/* Another cycle or session would load another sheet: what was typed on
 * this one is not thrown away, the choice goes back. */
static gboolean
keep_typed_input (BkSessionDialog *self)
{
  if (!self->changed)
    return FALSE;
  self->filling = TRUE;
  gtk_drop_down_set_selected (self->cycle_drop, self->shown_cycle);
  gtk_spin_button_set_value (self->session_spin, self->shown_session);
  self->filling = FALSE;
  show_error (self->error_label, _("Save what is filled in first, or cancel; then choose another session."));
  return TRUE;
}

static void
session_changed_cb (BkSessionDialog *self)
{
  if (self->filling || keep_typed_input (self))
    return;
  set_default_day (self);
  load_sheet (self);
}

static void
cycle_changed_cb (BkSessionDialog *self)
{
  BkSessionCycle *cycle = current_cycle (self);

  if (cycle == NULL || self->filling || keep_typed_input (self))
    return;
  self->filling = TRUE;
  gtk_spin_button_set_range (self->session_spin, 1, cycle->session_count);
  gtk_spin_button_set_value (self->session_spin, cycle->next_session);
  self->filling = FALSE;
  set_default_day (self);
  load_sheet (self);
}

static gboolean
line_is_empty (Line *line)
{
  return !gtk_check_button_get_active (line->absent) &&
         gtk_drop_down_get_selected (line->step) == 0 && line_rating (line) == 0 &&
         *gtk_editable_get_text (GTK_EDITABLE (line->how)) == '\0' &&
         *gtk_editable_get_text (GTK_EDITABLE (line->tip)) == '\0' &&
         *gtk_editable_get_text (GTK_EDITABLE (line->top)) == '\0';
}

/**
 * bk_session_dialog_save:
 *
 * Writes the entries of every child filled in (or marked absent), all at
 * once. Returns: %TRUE when saved (and the dialog closed)
 */
gboolean
bk_session_dialog_save (BkSessionDialog *self)
{
  BkSessionCycle *cycle = current_cycle (self);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) drafts = g_array_new (FALSE, TRUE, sizeof (BkSessionDraft));
  g_autoptr (GArray) which = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *message = NULL;
  /* The session whose sheet is shown; text still being typed in the spin
   * button would load another sheet and is not taken. */
  int session = gtk_spin_button_get_value_as_int (self->session_spin);
  guint refused = 0, absent = 0;

  if (cycle == NULL)
    return FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->day_entry), "error");
  for (guint i = 0; i < self->lines->len; i++)
    {
      Line *line = g_ptr_array_index (self->lines, i);
      BkSessionDraft d = { 0 };
      guint step = gtk_drop_down_get_selected (line->step);

      show_error (line->error, NULL);
      /* An entry made before is kept unless changed; an untouched child gets none. */
      if (line_is_empty (line) && line->entry_id == 0)
        continue;
      d.id = line->entry_id;
      d.child_id = line->child_id;
      d.cycle_id = cycle->id;
      d.session_no = session;
      d.held_on = gtk_editable_get_text (GTK_EDITABLE (self->day_entry));
      d.absent = gtk_check_button_get_active (line->absent);
      if (!d.absent)
        {
          d.step_id = step > 0 && step <= line->step_ids->len ? g_array_index (line->step_ids, gint64, step - 1) : 0;
          d.how_worked = gtk_editable_get_text (GTK_EDITABLE (line->how));
          d.day_rating = line_rating (line);
          d.tip = gtk_editable_get_text (GTK_EDITABLE (line->tip));
          d.top = gtk_editable_get_text (GTK_EDITABLE (line->top));
        }
      absent += d.absent;
      g_array_append_val (drafts, d);
      g_array_append_val (which, i);
    }
  if (drafts->len == 0)
    {
      show_error (self->error_label, _("Nothing to save: fill in a child, or mark who was absent."));
      return FALSE;
    }
  /* The day is the whole group's: a problem with it is shown at the day,
   * not under the first child. */
  {
    g_autoptr (GPtrArray) problems = bk_session_validate (self->store, &g_array_index (drafts, BkSessionDraft, 0),
                                                          now, NULL);

    for (guint i = 0; problems != NULL && i < problems->len; i++)
      {
        BkFieldError *problem = g_ptr_array_index (problems, i);

        if (g_str_equal (problem->field, "held-on"))
          {
            show_error (self->error_label, problem->message);
            gtk_widget_add_css_class (GTK_WIDGET (self->day_entry), "error");
            gtk_widget_grab_focus (GTK_WIDGET (self->day_entry));
            return FALSE;
          }
      }
  }
  if (!bk_session_save_group (self->store, (BkSessionDraft *) drafts->data, drafts->len,
                              bk_current_staff_id (self->store), now, &refused, &error))
    {
      if (error->code == BK_STORE_ERROR_INVALID && refused < which->len)
        {
          Line *line = g_ptr_array_index (self->lines, g_array_index (which, guint, refused));

          show_error (line->error, error->message);
          show_error (self->error_label, _("Nothing was saved: solve the problem under the child first."));
          gtk_widget_grab_focus (GTK_WIDGET (line->how));
        }
      else
        show_error (self->error_label, error->message);
      return FALSE;
    }
  /* Translators: "Session 7 saved: 18 entries, 2 absent" */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Session %d saved: %u entry, %u absent",
                                          "Session %d saved: %u entries, %u absent", drafts->len - absent),
                             session, drafts->len - absent, absent);
  g_signal_emit (self, signals[SAVED], 0, message);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  bk_session_dialog_save (BK_SESSION_DIALOG (widget));
}

static void
bk_session_dialog_dispose (GObject *object)
{
  BkSessionDialog *self = BK_SESSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BK_TYPE_SESSION_DIALOG);
  g_clear_object (&self->store);
  g_clear_pointer (&self->cycles, g_ptr_array_unref);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  G_OBJECT_CLASS (bk_session_dialog_parent_class)->dispose (object);
}

static void
bk_session_dialog_class_init (BkSessionDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = bk_session_dialog_dispose;

  /**
   * BkSessionDialog::saved:
   * @message: what was saved, for a toast
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-session-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BkSessionDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, BkSessionDialog, cycle_drop);
  gtk_widget_class_bind_template_child (widget_class, BkSessionDialog, session_spin);
  gtk_widget_class_bind_template_child (widget_class, BkSessionDialog, day_entry);
  gtk_widget_class_bind_template_child (widget_class, BkSessionDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, BkSessionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, BkSessionDialog, sheet_grid);
  gtk_widget_class_bind_template_callback (widget_class, cycle_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, session_changed_cb);

  gtk_widget_class_install_action (widget_class, "session.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "session.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bk_session_dialog_init (BkSessionDialog *self)
{
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

BkSessionDialog *
bk_session_dialog_new (GtkWindow *parent,
                       BkStore   *store)
{
  BkSessionDialog *self = g_object_new (BK_TYPE_SESSION_DIALOG, "transient-for", parent, NULL);
  g_autoptr (GDateTime) now = bk_clock_now ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  gboolean any;

  self->store = g_object_ref (store);
  self->cycles = bk_session_load_cycles (store, now, &error);
  any = self->cycles != NULL && self->cycles->len > 0;
  gtk_stack_set_visible_child_name (self->stack, any ? "sheet" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "session.save", any);
  if (!any)
    return self;
  for (guint i = 0; i < self->cycles->len; i++)
    gtk_string_list_append (names, ((BkSessionCycle *) g_ptr_array_index (self->cycles, i))->name);
  self->filling = TRUE;
  gtk_drop_down_set_model (self->cycle_drop, G_LIST_MODEL (names));
  self->filling = FALSE;
  cycle_changed_cb (self);
  /* Straight to the first child's "how did it go". */
  if (self->lines->len > 0)
    gtk_widget_grab_focus (GTK_WIDGET (((Line *) g_ptr_array_index (self->lines, 0))->how));
  return self;
}
