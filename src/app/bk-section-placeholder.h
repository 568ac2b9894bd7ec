/* bk-section-placeholder.h
 * An honest empty state for a section that a later version fills.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BK_TYPE_SECTION_PLACEHOLDER (bk_section_placeholder_get_type ())
G_DECLARE_FINAL_TYPE (BkSectionPlaceholder, bk_section_placeholder, BK, SECTION_PLACEHOLDER, AdwBin)

G_END_DECLS
