/* bk-today-page.h
 * What is due today: reminders grouped by rule, with Open, Snooze and Done.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_TODAY_PAGE (bk_today_page_get_type ())
G_DECLARE_FINAL_TYPE (BkTodayPage, bk_today_page, BK, TODAY_PAGE, AdwBin)

void  bk_today_page_set_store   (BkTodayPage *self,
                                 BkStore     *store);
guint bk_today_page_get_n_due   (BkTodayPage *self);
GStrv bk_today_page_get_titles  (BkTodayPage *self);
gboolean bk_today_page_mark_done (BkTodayPage *self,
                                  const char  *title);

G_END_DECLS
