/* bk-background.c
 * Running without a window: starting at login, for the reminders.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Start at login" writes an XDG autostart entry that runs
 * `betrokken --background`: no window, only the reminders. Switching it off
 * removes the entry. (Inside Flatpak the Background portal would be asked
 * instead; the manifest grants no host filesystem, so this writes in the
 * sandbox's own config folder there and has no effect.)
 */
#define G_LOG_DOMAIN "bk-background"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "bk-background.h"

/* ~/.config/autostart/nl.betrokken.Betrokken.desktop */
char *
bk_background_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

gboolean
bk_background_set_autostart (gboolean   enabled,
                             GError   **error)
{
  g_autofree char *path = bk_background_autostart_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       _("Could not switch off starting at login: %s"), g_strerror (errno));
          return FALSE;
        }
      return TRUE;
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Could not switch on starting at login: %s"), g_strerror (errno));
      return FALSE;
    }
  contents = g_strdup_printf ("[Desktop Entry]\n"
                              "Type=Application\n"
                              "Name=%s\n"
                              "Comment=%s\n"
                              "Exec=betrokken --background\n"
                              "Icon=" APP_ID "\n"
                              "NoDisplay=true\n"
                              "X-GNOME-Autostart-enabled=true\n",
                              _("Betrokken"), _("Reminders for parent conversations"));
  return g_file_set_contents (path, contents, -1, error);
}
