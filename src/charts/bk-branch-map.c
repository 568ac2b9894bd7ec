/* bk-branch-map.c
 * A map of a scenario's branches for the authoring screen: nodes left to right, links between.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Columns are the longest distance from the start, so every link of a
 * finished scenario points to the right and endings gather at the end.
 * While a teacher edits, the scenario may break the rules: a loop's link
 * back is left out of the layering (found by a depth-first walk, so the
 * walk ends), nodes the start cannot reach stand in a last column, a link
 * to no node is a short red stub, and of two nodes with one id the first
 * counts, as in bk_scenario_reindex (). The map keeps its own id table, so
 * a stale index cannot mislead it.
 *
 * A link spanning several columns passes each column between in a lane of
 * its own (a waypoint, as in Sugiyama's method), so no link runs behind a
 * box; a loop's link back is dashed. Within a column nodes and lanes
 * follow the author's order, then one pass from left to right sorts each
 * column by the mean height of what links to it, which untangles most
 * crossings. The layout depends only on the
 * scenario, so drawing and bk_branch_map_node_at () agree; it sits at the
 * top left of the area at its natural size (bk_branch_map_size ()).
 */
#define G_LOG_DOMAIN "bk-branch-map"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>

#include "bk-branch-map.h"

#define NODE_W  120.0
#define NODE_H  30.0
#define COL_GAP 48.0
#define ROW_GAP 14.0
#define PAD     24.0
#define STUB    18.0
#define LANE    10.0

static const BkChartColour accent = { 0.21, 0.52, 0.89 };
static const BkChartColour problem_red = { 0.88, 0.11, 0.14 };
static const BkChartColour ending_colours[] = {
  { 0.15, 0.68, 0.38 },   /* good */
  { 0.90, 0.62, 0.04 },   /* mixed */
  { 0.88, 0.11, 0.14 },   /* poor */
};

/* A link spanning several columns passes each column between them in a
 * lane of its own (a waypoint), so it never runs behind a box. */
typedef struct
{
  guint from, to;
} Arc;

typedef struct
{
  guint first, n;           /* waypoints first .. first + n - 1, left to right */
} Chain;

typedef struct
{
  BkScenario *s;
  guint       n;            /* nodes; items from n on are waypoints */
  guint       n_items;
  GHashTable *by_id;        /* id -> index + 1, the first node with the id */
  int         start;        /* index, or -1 */
  int        *post;         /* depth-first finishing order, -1: unreachable */
  int        *best_link;    /* the link on the best path, or -1 */
  GArray     *layer;        /* int, per item */
  GArray     *arcs;         /* Arc: one per linked pair or step of a chain */
  GArray     *chains;       /* Chain */
  GHashTable *pairs;        /* u * n + v + 1 -> chain index + 1, or 0 when direct */
  double     *x, *y;        /* nodes: top left of the box; waypoints: column left, lane */
  guint       n_layers;
  double      width, height;
} Layout;

static BkNode *
node_of (const Layout *l,
         guint         i)
{
  return g_ptr_array_index (l->s->nodes, i);
}

static guint
n_links (const BkNode *node)
{
  if (node->kind == BK_NODE_CHOICES)
    return node->choices->len;
  return node->kind == BK_NODE_OPEN ? 1 : 0;
}

static const char *
link_next (const BkNode *node,
           guint         j)
{
  if (node->kind == BK_NODE_OPEN)
    return node->open_next;
  return ((BkChoice *) g_ptr_array_index (node->choices, j))->next;
}

/* The index of the node @j leads to, or -1 for a link to no node. */
static int
target (const Layout *l,
        guint         u,
        guint         j)
{
  const char *next = link_next (node_of (l, u), j);

  return next != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (l->by_id, next)) - 1 : -1;
}

/* Whether u → v counts for the layering: a link back (a loop) does not,
 * nor one from a node the start does not reach. */
static gboolean
forward (const Layout *l,
         guint         u,
         int           v)
{
  return v >= 0 && l->post[u] >= 0 && l->post[v] < l->post[u];
}

static int
layer_of (const Layout *l,
          guint         item)
{
  return g_array_index (l->layer, int, item);
}

static gpointer
pair_key (const Layout *l,
          guint         u,
          guint         v)
{
  return GSIZE_TO_POINTER ((gsize) u * l->n + v + 1);
}

/* Depth-first from the start without recursion; a link u → v goes back
 * (closes a loop) exactly when v finishes after u. */
static guint
walk (Layout *l)
{
  g_autoptr (GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint) * 2);
  g_autofree guint8 *seen = g_new0 (guint8, MAX (l->n, 1));
  guint finished = 0;

  for (guint i = 0; i < l->n; i++)
    l->post[i] = -1;
  if (l->start < 0)
    return 0;
  g_array_append_vals (stack, (guint[2]) { l->start, 0 }, 1);
  seen[l->start] = TRUE;
  while (stack->len > 0)
    {
      guint *top = &g_array_index (stack, guint, 2 * (stack->len - 1));
      guint u = top[0];

      if (top[1] < n_links (node_of (l, u)))
        {
          int v = target (l, u, top[1]++);

          if (v >= 0 && !seen[v])
            {
              seen[v] = TRUE;
              g_array_append_vals (stack, (guint[2]) { v, 0 }, 1);
            }
        }
      else
        {
          l->post[u] = finished++;
          g_array_set_size (stack, stack->len - 1);
        }
    }
  return finished;
}

/* Columns: the longest distance from the start, in reverse finishing
 * order (a topological order once the loops' links are left out). */
static void
assign_layers (Layout *l,
               guint   n_reached)
{
  g_autofree guint *order = g_new (guint, MAX (n_reached, 1));
  int *layer;
  int last = -1;

  g_array_set_size (l->layer, l->n);
  layer = (int *) (void *) l->layer->data;
  for (guint i = 0; i < l->n; i++)
    {
      layer[i] = l->post[i] >= 0 ? 0 : -1;
      if (l->post[i] >= 0)
        order[n_reached - 1 - l->post[i]] = i;
    }
  for (guint k = 0; k < n_reached; k++)
    {
      guint u = order[k];

      for (guint j = 0; j < n_links (node_of (l, u)); j++)
        {
          int v = target (l, u, j);

          if (forward (l, u, v))
            layer[v] = MAX (layer[v], layer[u] + 1);
        }
      last = MAX (last, layer[u]);
    }
  l->n_layers = last + 1;
  for (guint i = 0; i < l->n; i++)
    if (layer[i] < 0)
      {
        layer[i] = last + 1;
        l->n_layers = last + 2;
      }
}

/* An arc per linked pair; a pair more than a column apart gets a chain of
 * waypoints, one per column between. */
static void
add_waypoints (Layout *l)
{
  for (guint u = 0; u < l->n; u++)
    for (guint j = 0; j < n_links (node_of (l, u)); j++)
      {
        int v = target (l, u, j);
        guint from = u;
        Chain chain;

        if (!forward (l, u, v) || g_hash_table_contains (l->pairs, pair_key (l, u, v)))
          continue;
        chain.first = l->layer->len;
        chain.n = layer_of (l, v) - layer_of (l, u) - 1;
        for (guint k = 0; k < chain.n; k++)
          {
            int layer = layer_of (l, u) + 1 + k;
            Arc arc = { from, l->layer->len };

            g_array_append_val (l->layer, layer);
            g_array_append_val (l->arcs, arc);
            from = arc.to;
          }
        g_array_append_val (l->arcs, ((Arc) { from, v }));
        if (chain.n > 0)
          g_array_append_val (l->chains, chain);
        g_hash_table_insert (l->pairs, pair_key (l, u, v),
                             GUINT_TO_POINTER (chain.n > 0 ? l->chains->len : 0));
      }
  l->n_items = l->layer->len;
}

typedef struct
{
  guint  item;
  double key;
} Slot;

static int
slot_compare (gconstpointer a,
              gconstpointer b)
{
  const Slot *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->item < y->item ? -1 : x->item > y->item;
}

static double
slot_height (const Layout *l,
             guint         item)
{
  return item < l->n ? NODE_H + ROW_GAP : LANE;
}

/* Stacks the items of column @k in the order of @column, centred on the
 * tallest column; @centre gets each item's middle. */
static void
stack_column (const Layout *l,
              GArray       *column,
              double        column_height,
              double        tallest,
              double       *centre)
{
  double y = PAD - ROW_GAP / 2 + (tallest - column_height) / 2;

  for (guint r = 0; r < column->len; r++)
    {
      guint item = g_array_index (column, Slot, r).item;

      centre[item] = y + slot_height (l, item) / 2;
      y += slot_height (l, item);
    }
}

/* Each column in the author's order first, then sorted by the mean height
 * of the items linking to it from the left (one barycentre pass). */
static void
assign_places (Layout *l)
{
  g_autofree double *centre = g_new0 (double, MAX (l->n_items, 1));
  g_autofree double *sum = g_new0 (double, MAX (l->n_items, 1));
  g_autofree guint *count = g_new0 (guint, MAX (l->n_items, 1));
  g_autofree double *column_height = g_new0 (double, MAX (l->n_layers, 1));
  g_autoptr (GArray) column = g_array_new (FALSE, FALSE, sizeof (Slot));
  double tallest = 0;

  for (guint i = 0; i < l->n_items; i++)
    column_height[layer_of (l, i)] += slot_height (l, i);
  for (guint k = 0; k < l->n_layers; k++)
    tallest = MAX (tallest, column_height[k]);

  for (guint k = 0; k < l->n_layers; k++)
    {
      g_array_set_size (column, 0);
      for (guint i = 0; i < l->n_items; i++)
        if (layer_of (l, i) == (int) k)
          g_array_append_val (column, ((Slot) { i, 0 }));
      stack_column (l, column, column_height[k], tallest, centre);
      for (guint r = 0; r < column->len; r++)
        {
          Slot *slot = &g_array_index (column, Slot, r);

          slot->key = count[slot->item] > 0 ? sum[slot->item] / count[slot->item] : centre[slot->item];
        }
      g_array_sort (column, slot_compare);
      stack_column (l, column, column_height[k], tallest, centre);
      for (guint a = 0; a < l->arcs->len; a++)
        {
          const Arc *arc = &g_array_index (l->arcs, Arc, a);

          if (layer_of (l, arc->from) == (int) k)
            {
              sum[arc->to] += centre[arc->from];
              count[arc->to]++;
            }
        }
    }

  l->x = g_new (double, MAX (l->n_items, 1));
  l->y = g_new (double, MAX (l->n_items, 1));
  for (guint i = 0; i < l->n_items; i++)
    {
      l->x[i] = PAD + layer_of (l, i) * (NODE_W + COL_GAP);
      l->y[i] = i < l->n ? centre[i] - NODE_H / 2 : centre[i];
    }
  l->width = 2 * PAD + MAX (l->n_layers, 1) * NODE_W + (MAX (l->n_layers, 1) - 1) * COL_GAP;
  l->height = 2 * PAD + MAX (tallest - ROW_GAP, NODE_H);
}

/* The best path, as bk_scenario_best_path () walks it (the best choice, or
 * a single one; an open turn's next), stopping at a node seen before. */
static void
assign_best (Layout *l)
{
  g_autofree guint8 *seen = g_new0 (guint8, MAX (l->n, 1));
  int u = l->start;

  for (guint i = 0; i < l->n; i++)
    l->best_link[i] = -1;
  while (u >= 0 && !seen[u])
    {
      BkNode *node = node_of (l, u);
      int j = -1;

      seen[u] = TRUE;
      if (node->kind == BK_NODE_OPEN)
        j = 0;
      for (guint c = 0; node->kind == BK_NODE_CHOICES && j < 0 && c < node->choices->len; c++)
        if (((BkChoice *) g_ptr_array_index (node->choices, c))->best || node->choices->len == 1)
          j = c;
      if (j < 0)
        break;
      l->best_link[u] = j;
      u = target (l, u, j);
    }
}

static void
layout_init (Layout     *l,
             BkScenario *s)
{
  l->s = s;
  l->n = s->nodes->len;
  l->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < l->n; i++)
    {
      const char *id = node_of (l, i)->id;

      if (id != NULL && !g_hash_table_contains (l->by_id, id))
        g_hash_table_insert (l->by_id, (gpointer) id, GUINT_TO_POINTER (i + 1));
    }
  l->start = s->start != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (l->by_id, s->start)) - 1 : -1;
  l->post = g_new (int, MAX (l->n, 1));
  l->best_link = g_new (int, MAX (l->n, 1));
  l->layer = g_array_new (FALSE, FALSE, sizeof (int));
  l->arcs = g_array_new (FALSE, FALSE, sizeof (Arc));
  l->chains = g_array_new (FALSE, FALSE, sizeof (Chain));
  l->pairs = g_hash_table_new (NULL, NULL);
  assign_layers (l, walk (l));
  add_waypoints (l);
  assign_places (l);
  assign_best (l);
}

static void
layout_clear (Layout *l)
{
  g_clear_pointer (&l->by_id, g_hash_table_unref);
  g_clear_pointer (&l->pairs, g_hash_table_unref);
  g_clear_pointer (&l->post, g_free);
  g_clear_pointer (&l->best_link, g_free);
  g_clear_pointer (&l->layer, g_array_unref);
  g_clear_pointer (&l->arcs, g_array_unref);
  g_clear_pointer (&l->chains, g_array_unref);
  g_clear_pointer (&l->x, g_free);
  g_clear_pointer (&l->y, g_free);
}

/**
 * bk_branch_map_size:
 * @s: a scenario
 *
 * The natural size of the map: the area bk_branch_map_draw () fills.
 */
void
bk_branch_map_size (BkScenario *s,
                    double     *width,
                    double     *height)
{
  Layout l = { 0 };

  g_return_if_fail (s != NULL);

  layout_init (&l, s);
  if (width != NULL)
    *width = l.width;
  if (height != NULL)
    *height = l.height;
  layout_clear (&l);
}

/**
 * bk_branch_map_node_at:
 * @s: a scenario
 *
 * The node whose box is at @x, @y of the map as bk_branch_map_draw () draws
 * it, for clicks.
 *
 * Returns: (transfer none) (nullable): the node's id, owned by @s
 */
const char *
bk_branch_map_node_at (BkScenario *s,
                       double      x,
                       double      y)
{
  Layout l = { 0 };
  const char *id = NULL;

  g_return_val_if_fail (s != NULL, NULL);

  layout_init (&l, s);
  for (guint i = 0; i < l.n && id == NULL; i++)
    if (x >= l.x[i] && x <= l.x[i] + NODE_W && y >= l.y[i] && y <= l.y[i] + NODE_H)
      id = node_of (&l, i)->id;
  layout_clear (&l);
  return id;
}

/**
 * bk_branch_map_node_bounds:
 * @s: a scenario
 * @id: a node id
 *
 * Where the box of the (first) node with @id is, to scroll it into view.
 *
 * Returns: %FALSE when no node has @id
 */
gboolean
bk_branch_map_node_bounds (BkScenario *s,
                           const char *id,
                           double     *x,
                           double     *y,
                           double     *width,
                           double     *height)
{
  Layout l = { 0 };
  int i;

  g_return_val_if_fail (s != NULL, FALSE);

  layout_init (&l, s);
  i = id != NULL ? GPOINTER_TO_INT (g_hash_table_lookup (l.by_id, id)) - 1 : -1;
  if (i >= 0)
    {
      if (x != NULL)
        *x = l.x[i];
      if (y != NULL)
        *y = l.y[i];
      if (width != NULL)
        *width = NODE_W;
      if (height != NULL)
        *height = NODE_H;
    }
  layout_clear (&l);
  return i >= 0;
}

static void
rounded_box (cairo_t *cr,
             double   x,
             double   y,
             double   w,
             double   h,
             double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Where link @j leaves node @u: spread over the box's right side. */
static double
port_y (const Layout *l,
        guint         u,
        guint         j)
{
  return l->y[u] + NODE_H * (j + 1) / (n_links (node_of (l, u)) + 1);
}

/* A curve leaving (x1, y1) and arriving at (x2, y2), both horizontally. */
static void
curve (cairo_t *cr,
       double   x1,
       double   y1,
       double   x2,
       double   y2)
{
  double dx = MAX (fabs (x2 - x1) / 2, 30);

  cairo_curve_to (cr, x1 + dx, y1, x2 - dx, y2, x2, y2);
}

static void
draw_link (cairo_t      *cr,
           const Layout *l,
           guint         u,
           guint         j)
{
  int v = target (l, u, j);
  double x1 = l->x[u] + NODE_W, y1 = port_y (l, u, j);
  double x2, y2, loop_dash[] = { 5, 4 };

  if (v < 0)
    {
      /* A link to no node: a short red stub with a bar at its end. */
      cairo_set_source_rgb (cr, problem_red.r, problem_red.g, problem_red.b);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, x1, y1);
      cairo_line_to (cr, x1 + STUB, y1);
      cairo_move_to (cr, x1 + STUB, y1 - 5);
      cairo_line_to (cr, x1 + STUB, y1 + 5);
      cairo_stroke (cr);
      return;
    }
  x2 = l->x[v];
  y2 = l->y[v] + NODE_H / 2;
  cairo_move_to (cr, x1, y1);
  if (forward (l, u, v))
    {
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (l->pairs, pair_key (l, u, v)));

      if (c > 0)
        {
          const Chain *chain = &g_array_index (l->chains, Chain, c - 1);

          for (guint k = chain->first; k < chain->first + chain->n; k++)
            {
              curve (cr, x1, y1, l->x[k], l->y[k]);
              x1 = l->x[k] + NODE_W;
              y1 = l->y[k];
              cairo_line_to (cr, x1, y1);
            }
        }
    }
  else if (l->post[u] >= 0)
    cairo_set_dash (cr, loop_dash, 2, 0);   /* a link back: a loop */
  curve (cr, x1, y1, x2 - 6, y2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, x2, y2);
  cairo_line_to (cr, x2 - 7, y2 - 4);
  cairo_line_to (cr, x2 - 7, y2 + 4);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_links (cairo_t             *cr,
            const Layout        *l,
            gboolean             best,
            const BkChartColour *ink)
{
  for (guint u = 0; u < l->n; u++)
    for (guint j = 0; j < n_links (node_of (l, u)); j++)
      {
        if ((l->best_link[u] == (int) j) != best)
          continue;
        if (best)
          {
            cairo_set_source_rgb (cr, accent.r, accent.g, accent.b);
            cairo_set_line_width (cr, 3);
          }
        else
          {
            cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.4);
            cairo_set_line_width (cr, 1.3);
          }
        draw_link (cr, l, u, j);
      }
}

/* The boxes are cards: opaque, so links passing behind stay behind. The
 * background is not known, only the ink; dark ink means a light style. */
static void
card_colour (const BkChartColour *ink,
             BkChartColour       *card)
{
  gboolean light = 0.3 * ink->r + 0.59 * ink->g + 0.11 * ink->b < 0.5;

  card->r = card->g = light ? 1.0 : 0.19;
  card->b = light ? 1.0 : 0.2;
}

static void
draw_node (cairo_t             *cr,
           const Layout        *l,
           guint                i,
           PangoLayout         *text,
           gboolean             selected,
           gboolean             problem,
           const BkChartColour *ink)
{
  const BkNode *node = node_of (l, i);
  double x = l->x[i], y = l->y[i];
  double radius = node->kind == BK_NODE_ENDING ? NODE_H / 2 : 6;
  double dash[] = { 4, 3 };
  BkChartColour card;
  int tw, th;

  card_colour (ink, &card);
  rounded_box (cr, x, y, NODE_W, NODE_H, radius);
  cairo_set_source_rgb (cr, card.r, card.g, card.b);
  cairo_fill_preserve (cr);
  if (node->kind == BK_NODE_ENDING)
    {
      const BkChartColour *c = &ending_colours[CLAMP ((int) node->ending_kind, 0, 2)];

      cairo_set_source_rgba (cr, c->r, c->g, c->b, 0.3);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, c->r, c->g, c->b);
      cairo_set_line_width (cr, 1.5);
    }
  else
    {
      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.5);
      cairo_set_line_width (cr, 1);
      if (node->kind == BK_NODE_OPEN)
        cairo_set_dash (cr, dash, 2, 0);
    }
  if (selected)
    {
      cairo_set_source_rgba (cr, accent.r, accent.g, accent.b, 0.3);
      cairo_fill_preserve (cr);
      cairo_set_source_rgb (cr, accent.r, accent.g, accent.b);
      cairo_set_line_width (cr, 2.5);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  if (problem)
    {
      rounded_box (cr, x - 4, y - 4, NODE_W + 8, NODE_H + 8, radius + 4);
      cairo_set_source_rgb (cr, problem_red.r, problem_red.g, problem_red.b);
      cairo_set_line_width (cr, 2);
      cairo_stroke (cr);
    }

  /* An open turn: lines of text to write, at the right. */
  if (node->kind == BK_NODE_OPEN)
    {
      cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.6);
      cairo_set_line_width (cr, 1.5);
      for (int k = -1; k <= 1; k++)
        {
          cairo_move_to (cr, x + NODE_W - 15, y + NODE_H / 2 + k * 4 + 0.5);
          cairo_line_to (cr, x + NODE_W - (k == 1 ? 10 : 7), y + NODE_H / 2 + k * 4 + 0.5);
        }
      cairo_stroke (cr);
    }

  pango_layout_set_text (text, node->id != NULL ? node->id : "", -1);
  pango_layout_get_pixel_size (text, &tw, &th);
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.9);
  cairo_move_to (cr, x + 8, y + (NODE_H - th) / 2);
  pango_cairo_show_layout (cr, text);
}

/* The start: an arrow into the first node from the left. */
static void
draw_start (cairo_t             *cr,
            const Layout        *l,
            const BkChartColour *ink)
{
  double x, y;

  if (l->start < 0)
    return;
  x = l->x[l->start];
  y = l->y[l->start] + NODE_H / 2;
  cairo_set_source_rgba (cr, ink->r, ink->g, ink->b, 0.7);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x - PAD + 6, y);
  cairo_line_to (cr, x - 6, y);
  cairo_stroke (cr);
  cairo_move_to (cr, x - 1, y);
  cairo_line_to (cr, x - 8, y - 4.5);
  cairo_line_to (cr, x - 8, y + 4.5);
  cairo_close_path (cr);
  cairo_fill (cr);
}

/**
 * bk_branch_map_draw:
 * @s: a scenario, possibly broken while it is edited
 * @selected_id: (nullable): the node to highlight
 * @problem_ids: (nullable): node ids (keys) to outline in red
 * @ink: the text colour of the widget, so the map follows light and dark
 *
 * Draws the map at its natural size (bk_branch_map_size ()) from the top
 * left; @width and @height only bound the drawing.
 */
void
bk_branch_map_draw (BkScenario          *s,
                    const char          *selected_id,
                    GHashTable          *problem_ids,
                    cairo_t             *cr,
                    double               width,
                    double               height,
                    const BkChartColour *ink)
{
  Layout l = { 0 };
  PangoLayout *text;
  PangoFontDescription *font;

  g_return_if_fail (s != NULL);
  g_return_if_fail (cr != NULL && ink != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  layout_init (&l, s);

  draw_links (cr, &l, FALSE, ink);
  draw_links (cr, &l, TRUE, ink);

  text = pango_cairo_create_layout (cr);
  font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (font, 11 * PANGO_SCALE);
  pango_layout_set_font_description (text, font);
  pango_layout_set_width (text, (int) ((NODE_W - 16 - 6) * PANGO_SCALE));
  pango_layout_set_ellipsize (text, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (text, PANGO_ALIGN_CENTER);
  for (guint i = 0; i < l.n; i++)
    {
      const char *id = node_of (&l, i)->id;

      draw_node (cr, &l, i, text,
                 selected_id != NULL && g_strcmp0 (id, selected_id) == 0,
                 problem_ids != NULL && id != NULL && g_hash_table_contains (problem_ids, id),
                 ink);
    }
  pango_font_description_free (font);
  g_object_unref (text);

  draw_start (cr, &l, ink);
  layout_clear (&l);
  cairo_restore (cr);
}
