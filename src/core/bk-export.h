/* bk-export.h
 * Writing parents and contacts to CSV files a spreadsheet opens.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

gboolean bk_export_to_folder (BkStore     *store,
                              const char  *folder,
                              GError     **error);

G_END_DECLS
