/* main.c
 * Starts Betrokken.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "bk-application.h"

/* Run from the build tree (make run, screenshots), use the schema and the
 * translations built there, so nothing has to be installed first. */
static const char *
locale_dir (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *schemas = g_build_filename (BUILD_ROOT, "data", "gschemas.compiled", NULL);

  if (exe == NULL || !g_str_has_prefix (exe, BUILD_ROOT G_DIR_SEPARATOR_S))
    return LOCALEDIR;
  if (g_file_test (schemas, G_FILE_TEST_EXISTS))
    g_setenv ("GSETTINGS_SCHEMA_DIR", BUILD_ROOT G_DIR_SEPARATOR_S "data", FALSE);
  return BUILD_ROOT G_DIR_SEPARATOR_S "po";
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (BkApplication) app = NULL;

  /* A demo is throw-away: its settings too, so it cannot change the real
   * ones (who you are, window size). */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--demo"))
      g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = bk_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
