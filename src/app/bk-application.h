/* bk-application.h
 * The application: options, the open database, app-wide actions.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_APPLICATION (bk_application_get_type ())
G_DECLARE_FINAL_TYPE (BkApplication, bk_application, BK, APPLICATION, AdwApplication)

BkApplication *bk_application_new       (void);
BkStore       *bk_application_get_store (BkApplication *self);
gboolean       bk_application_is_demo   (BkApplication *self);

G_END_DECLS
