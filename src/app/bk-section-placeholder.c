/* bk-section-placeholder.c
 * An honest empty state for a section that a later version fills.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bk-section-placeholder"

#include "bk-section-placeholder.h"

struct _BkSectionPlaceholder
{
  AdwBin  parent_instance;
  char   *icon_name;
  char   *title;
  char   *description;
};

G_DEFINE_FINAL_TYPE (BkSectionPlaceholder, bk_section_placeholder, ADW_TYPE_BIN)

enum { PROP_0, PROP_ICON_NAME, PROP_TITLE, PROP_DESCRIPTION, N_PROPS };
static GParamSpec *properties[N_PROPS];

static char **
field (BkSectionPlaceholder *self,
       guint                 prop_id)
{
  switch (prop_id)
    {
    case PROP_ICON_NAME: return &self->icon_name;
    case PROP_TITLE: return &self->title;
    default: return &self->description;
    }
}

static void
bk_section_placeholder_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  g_value_set_string (value, *field (BK_SECTION_PLACEHOLDER (object), prop_id));
}

static void
bk_section_placeholder_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  char **slot = field (BK_SECTION_PLACEHOLDER (object), prop_id);

  if (g_strcmp0 (*slot, g_value_get_string (value)) != 0)
    {
      g_free (*slot);
      *slot = g_value_dup_string (value);
      g_object_notify_by_pspec (object, pspec);
    }
}

static void
bk_section_placeholder_finalize (GObject *object)
{
  BkSectionPlaceholder *self = BK_SECTION_PLACEHOLDER (object);

  g_free (self->icon_name);
  g_free (self->title);
  g_free (self->description);
  G_OBJECT_CLASS (bk_section_placeholder_parent_class)->finalize (object);
}

static void
bk_section_placeholder_dispose (GObject *object)
{
  /* AdwBin keeps a pointer to its child: drop the child through it before
   * the template goes, or AdwBin unparents a freed widget later. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), BK_TYPE_SECTION_PLACEHOLDER);
  G_OBJECT_CLASS (bk_section_placeholder_parent_class)->dispose (object);
}

static void
bk_section_placeholder_class_init (BkSectionPlaceholderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = bk_section_placeholder_get_property;
  object_class->set_property = bk_section_placeholder_set_property;
  object_class->dispose = bk_section_placeholder_dispose;
  object_class->finalize = bk_section_placeholder_finalize;

  properties[PROP_ICON_NAME] = g_param_spec_string ("icon-name", NULL, NULL, NULL,
                                                    G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                    G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, NULL,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                      G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/nl/betrokken/Betrokken/ui/bk-section-placeholder.ui");
}

static void
bk_section_placeholder_init (BkSectionPlaceholder *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
