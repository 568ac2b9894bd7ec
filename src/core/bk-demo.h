/* bk-demo.h
 * Invented families of a learning centre, for --demo and for benchmarks.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

typedef struct
{
  guint n_cycles;               /* cycles of 11 weekly sessions */
  guint children_per_cycle;
  guint extra_contacts;         /* filler contacts per parent, for benchmarks */
  double two_parents;           /* share of families with both parents in view */
} BkDemoSize;

/* Two cycles of 20 children: what --demo shows (~32 parents a cycle). */
#define BK_DEMO_SIZE_DEMO  ((BkDemoSize) { 2, 20, 0, 0.68 })
/* 10,000 children, 20,000 parents, ~1,000,000 contacts. */
#define BK_DEMO_SIZE_BENCH ((BkDemoSize) { 500, 20, 45, 1.0 })

gboolean bk_demo_fill (BkStore          *store,
                       const BkDemoSize *size,
                       GDateTime        *now,
                       GError          **error);

G_END_DECLS
