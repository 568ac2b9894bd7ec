/* bk-text-row.c
 * A boxed-list row for a few lines of text: a small title above a wrapping text view.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * AdwEntryRow holds one line; a parent's line, feedback or a debrief
 * paragraph runs to several sentences, which a teacher should see whole
 * while writing. The title is the row's AdwPreferencesRow:title, so the
 * row reads like the entry rows beside it. "notify::text" follows every
 * change of the text.
 */
#define G_LOG_DOMAIN "bk-text-row"

#include "config.h"

#include "bk-text-row.h"

struct _BkTextRow
{
  AdwPreferencesRow parent_instance;

  GtkLabel    *title_label;
  GtkTextView *view;
};

G_DEFINE_FINAL_TYPE (BkTextRow, bk_text_row, ADW_TYPE_PREFERENCES_ROW)

enum { PROP_0, PROP_TEXT, N_PROPS };
static GParamSpec *props[N_PROPS];

static void
buffer_changed_cb (BkTextRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), props[PROP_TEXT]);
}

char *
bk_text_row_get_text (BkTextRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (BK_IS_TEXT_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
bk_text_row_set_text (BkTextRow  *self,
                      const char *text)
{
  g_return_if_fail (BK_IS_TEXT_ROW (self));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->view), text != NULL ? text : "", -1);
}

GtkTextView *
bk_text_row_get_view (BkTextRow *self)
{
  g_return_val_if_fail (BK_IS_TEXT_ROW (self), NULL);

  return self->view;
}

GtkWidget *
bk_text_row_new (void)
{
  return g_object_new (BK_TYPE_TEXT_ROW, NULL);
}

static void
bk_text_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  BkTextRow *self = BK_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_take_string (value, bk_text_row_get_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_text_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  BkTextRow *self = BK_TEXT_ROW (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      bk_text_row_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bk_text_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_TEXT_ROW);
  G_OBJECT_CLASS (bk_text_row_parent_class)->dispose (object);
}

static void
bk_text_row_class_init (BkTextRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bk_text_row_dispose;
  object_class->get_property = bk_text_row_get_property;
  object_class->set_property = bk_text_row_set_property;

  props[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, "",
                                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, props);

  gtk_widget_class_set_template_from_resource (widget_class, "/nl/betrokken/Betrokken/ui/bk-text-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BkTextRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, BkTextRow, view);
}

static void
bk_text_row_init (BkTextRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->view), "changed",
                            G_CALLBACK (buffer_changed_cb), self);
}
