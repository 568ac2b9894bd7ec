/* test-branch-map.c
 * The branch map lays a scenario out left to right, finds the node under a
 * click, shows the selected node, problems and endings, and keeps working
 * on a scenario broken halfway through editing.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>

#include "bk-branch-map.h"
#include "bk-test-util.h"

static const BkChartColour ink = { 0.2, 0.2, 0.2 };

typedef struct
{
  double x, y, w, h;
} Box;

static Box
bounds (BkScenario *s,
        const char *id)
{
  Box b;

  g_assert_true (bk_branch_map_node_bounds (s, id, &b.x, &b.y, &b.w, &b.h));
  return b;
}

static cairo_surface_t *
draw (BkScenario *s,
      const char *selected,
      GHashTable *problems)
{
  double w, h;
  cairo_surface_t *surface;
  cairo_t *cr;

  bk_branch_map_size (s, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w), (int) ceil (h));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  bk_branch_map_draw (s, selected, problems, cr, w, h, &ink);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
pixel (cairo_surface_t *surface,
       double           x,
       double           y,
       int             *r,
       int             *g,
       int             *b)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  guint32 px;

  g_assert_true (x >= 0 && y >= 0);
  g_assert_true (x < cairo_image_surface_get_width (surface) && y < cairo_image_surface_get_height (surface));
  px = *(guint32 *) (data + (int) y * cairo_image_surface_get_stride (surface) + (int) x * 4);
  *r = (px >> 16) & 0xff;
  *g = (px >> 8) & 0xff;
  *b = px & 0xff;
}

/* The accent blue of the selection and the best path. */
static gboolean
is_accent (cairo_surface_t *surface,
           double           x,
           double           y)
{
  int r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return b > r + 30 && b > g + 15;
}

static gboolean
is_red (cairo_surface_t *surface,
        double           x,
        double           y)
{
  int r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return r > 150 && g < 110 && b < 110;
}

/* Grey ink of a link that is not on the best path. */
static gboolean
is_grey (cairo_surface_t *surface,
         double           x,
         double           y)
{
  int r, g, b;

  pixel (surface, x, y, &r, &g, &b);
  return r < 215 && ABS (r - g) < 12 && ABS (g - b) < 12;
}

static gboolean
red_around (cairo_surface_t *surface,
            double           x,
            double           y)
{
  for (int dy = -2; dy <= 2; dy++)
    for (int dx = -2; dx <= 2; dx++)
      if (is_red (surface, x + dx, y + dy))
        return TRUE;
  return FALSE;
}

static gboolean
overlap (Box a,
         Box b)
{
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Every node has a box inside the natural size, no two boxes overlap, and
 * a click at a box's middle finds its node. */
static void
check_layout (BkScenario *s)
{
  double w, h;

  bk_branch_map_size (s, &w, &h);
  for (guint i = 0; i < s->nodes->len; i++)
    {
      BkNode *node = g_ptr_array_index (s->nodes, i);
      Box b;

      if (bk_scenario_find_node (s, node->id) != node)
        continue;   /* a second node with a taken id: no bounds of its own */
      b = bounds (s, node->id);
      g_assert_cmpfloat (b.x, >=, 0);
      g_assert_cmpfloat (b.y, >=, 0);
      g_assert_cmpfloat (b.x + b.w, <=, w);
      g_assert_cmpfloat (b.y + b.h, <=, h);
      g_assert_cmpstr (bk_branch_map_node_at (s, b.x + b.w / 2, b.y + b.h / 2), ==, node->id);
      g_assert_cmpstr (bk_branch_map_node_at (s, b.x + 2, b.y + 2), ==, node->id);
      for (guint j = 0; j < i; j++)
        {
          BkNode *other = g_ptr_array_index (s->nodes, j);

          if (bk_scenario_find_node (s, other->id) == other)
            g_assert_false (overlap (b, bounds (s, other->id)));
        }
    }
  g_assert_null (bk_branch_map_node_at (s, 1, 1));
  g_assert_null (bk_branch_map_node_at (s, w - 1, h - 1));
}

static void
test_builtin (void)
{
  g_autoptr (BkScenario) s = bk_scenario_builtin ("ruziende-ouders");
  g_autoptr (GPtrArray) best = NULL;
  double w, h, w2, h2, x = -1;

  g_assert_nonnull (s);
  check_layout (s);

  /* The best path runs left to right, as does every link. */
  best = bk_scenario_best_path (s);
  g_assert_cmpuint (best->len, >, 5);
  for (guint i = 0; i < best->len; i++)
    {
      Box b = bounds (s, g_ptr_array_index (best, i));

      g_assert_cmpfloat (b.x, >, x);
      x = b.x;
    }
  for (guint i = 0; i < s->nodes->len; i++)
    {
      BkNode *node = g_ptr_array_index (s->nodes, i);

      for (guint j = 0; node->kind == BK_NODE_CHOICES && j < node->choices->len; j++)
        g_assert_cmpfloat (bounds (s, node->id).x, <, bounds (s, ((BkChoice *) g_ptr_array_index (node->choices, j))->next).x);
    }

  /* The same scenario, the same map. */
  bk_branch_map_size (s, &w, &h);
  bk_branch_map_size (s, &w2, &h2);
  g_assert_cmpfloat (w, ==, w2);
  g_assert_cmpfloat (h, ==, h2);
  g_assert_cmpfloat (h, <, 400);
}

static void
test_draw (void)
{
  g_autoptr (BkScenario) s = bk_scenario_builtin ("ruziende-ouders");
  g_autoptr (GHashTable) problems = g_hash_table_new (g_str_hash, g_str_equal);
  cairo_surface_t *surface;
  Box selected, plain, problem, good, mixed, poor, from, to;
  int r, g, b, accent = 0, grey = 0;

  g_assert_nonnull (s);
  g_hash_table_add (problems, "kil");
  surface = draw (s, "adem", problems);
  selected = bounds (s, "adem");
  plain = bounds (s, "verslag");
  problem = bounds (s, "kil");

  /* The selected node is tinted with the accent; another node is not. */
  g_assert_true (is_accent (surface, selected.x + 4, selected.y + selected.h / 2));
  g_assert_false (is_accent (surface, plain.x + 4, plain.y + plain.h / 2));

  /* The problem node has a red outline around it; another node has not. */
  g_assert_true (red_around (surface, problem.x + problem.w / 2, problem.y - 4));
  g_assert_true (red_around (surface, problem.x + problem.w / 2, problem.y + problem.h + 4));
  g_assert_false (red_around (surface, plain.x + plain.w / 2, plain.y - 4));
  g_assert_false (red_around (surface, plain.x + plain.w / 2, plain.y + plain.h + 4));

  /* Endings by kind: green, amber, red. */
  good = bounds (s, "eind-goed");
  mixed = bounds (s, "eind-apart");
  poor = bounds (s, "eind-slecht");
  pixel (surface, good.x + 10, good.y + good.h / 2, &r, &g, &b);
  g_assert_cmpint (g, >, r + 30);
  pixel (surface, mixed.x + 10, mixed.y + mixed.h / 2, &r, &g, &b);
  g_assert_cmpint (r, >, b + 60);
  g_assert_cmpint (g, >, b + 30);
  pixel (surface, poor.x + 10, poor.y + poor.h / 2, &r, &g, &b);
  g_assert_cmpint (r, >, g + 50);
  /* A node with choices is a plain card. */
  pixel (surface, plain.x + 4, plain.y + plain.h / 2, &r, &g, &b);
  g_assert_cmpint (MIN (r, MIN (g, b)), >, 240);

  /* Between the last decision and the endings: the best link in the
   * accent, the others grey. */
  from = bounds (s, "uitreiking");
  to = bounds (s, "eind-goed");
  for (double y = 0; y < cairo_image_surface_get_height (surface); y++)
    {
      accent += is_accent (surface, (from.x + from.w + to.x) / 2, y);
      grey += is_grey (surface, (from.x + from.w + to.x) / 2, y);
    }
  g_assert_cmpint (accent, >=, 3);
  g_assert_cmpint (grey, >=, 2);
  cairo_surface_destroy (surface);

  /* Nothing selected, no problems: no accent in the node, no red outline. */
  surface = draw (s, NULL, NULL);
  g_assert_false (is_accent (surface, selected.x + 4, selected.y + selected.h / 2));
  g_assert_false (red_around (surface, problem.x + problem.w / 2, problem.y - 4));
  cairo_surface_destroy (surface);
}

static BkNode *
add_node (BkScenario *s,
          const char *id,
          BkNodeKind  kind)
{
  BkNode *node = bk_node_new (id, kind);

  g_ptr_array_add (s->nodes, node);
  return node;
}

static BkChoice *
add_choice (BkNode     *node,
            const char *next,
            gboolean    best)
{
  BkChoice *choice = bk_choice_new ("…", next);

  choice->best = best;
  g_ptr_array_add (node->choices, choice);
  return choice;
}

/* A scenario a teacher is halfway through: a loop back to the start, a
 * node linking to itself, a link to no node, two nodes nothing leads to,
 * and a second node with a taken id. */
static BkScenario *
broken_scenario (void)
{
  BkScenario *s = bk_scenario_new ();
  BkNode *a = add_node (s, "a", BK_NODE_CHOICES);
  BkNode *b = add_node (s, "b", BK_NODE_CHOICES);
  BkNode *c = add_node (s, "c", BK_NODE_CHOICES);
  BkNode *open = add_node (s, "open", BK_NODE_OPEN);
  BkNode *lonely = add_node (s, "lonely", BK_NODE_CHOICES);
  BkNode *lonely_open = add_node (s, "lonely-open", BK_NODE_OPEN);
  BkNode *twin = add_node (s, "b", BK_NODE_CHOICES);

  add_node (s, "end", BK_NODE_ENDING);
  g_free (s->start);
  s->start = g_strdup ("a");
  add_choice (a, "b", TRUE);
  add_choice (a, "nowhere", FALSE);
  add_choice (b, "c", TRUE);
  add_choice (b, "open", FALSE);
  add_choice (c, "a", TRUE);
  add_choice (c, "c", FALSE);
  add_choice (c, "end", FALSE);
  g_free (open->open_next);
  open->open_next = g_strdup ("end");
  add_choice (lonely, "end", TRUE);
  g_free (lonely_open->open_next);
  lonely_open->open_next = g_strdup ("lonely");
  add_choice (twin, "end", TRUE);
  bk_scenario_reindex (s);
  return s;
}

static void
test_broken (void)
{
  g_autoptr (BkScenario) s = broken_scenario ();
  cairo_surface_t *surface;
  Box a, b, c, end, lonely, lonely_open, open;
  gboolean red = FALSE;

  /* The loop back does not push the start to the right. */
  a = bounds (s, "a");
  b = bounds (s, "b");
  c = bounds (s, "c");
  open = bounds (s, "open");
  end = bounds (s, "end");
  g_assert_cmpfloat (a.x, <, b.x);
  g_assert_cmpfloat (b.x, <, c.x);
  g_assert_cmpfloat (c.x, ==, open.x);
  g_assert_cmpfloat (c.x, <, end.x);
  /* What nothing leads to stands in a last column, together. */
  lonely = bounds (s, "lonely");
  lonely_open = bounds (s, "lonely-open");
  g_assert_cmpfloat (lonely.x, >, end.x);
  g_assert_cmpfloat (lonely.x, ==, lonely_open.x);
  g_assert_false (bk_branch_map_node_bounds (s, "nowhere", NULL, NULL, NULL, NULL));
  /* The twin "b" has a box of its own in the last column too. */
  {
    g_autoptr (GPtrArray) hits = g_ptr_array_new ();
    double w, h;

    bk_branch_map_size (s, &w, &h);
    for (double y = 0; y < h; y++)
      {
        const char *id = bk_branch_map_node_at (s, lonely.x + lonely.w / 2, y);

        if (id != NULL && !g_ptr_array_find (hits, id, NULL))
          g_ptr_array_add (hits, (gpointer) id);
      }
    g_assert_cmpuint (hits->len, ==, 3);
    g_assert_true (g_ptr_array_find_with_equal_func (hits, "b", g_str_equal, NULL));
    g_assert_false (g_ptr_array_find (hits, bk_scenario_find_node (s, "b")->id, NULL));
  }
  check_layout (s);

  /* The link to no node is a red stub right of "a"; "b" has none. */
  surface = draw (s, "c", NULL);
  for (double x = a.x + a.w + 2; x < a.x + a.w + 20; x++)
    for (double y = a.y; y < a.y + a.h; y++)
      red |= is_red (surface, x, y);
  g_assert_true (red);
  red = FALSE;
  for (double x = b.x + b.w + 2; x < b.x + b.w + 20; x++)
    for (double y = b.y; y < b.y + b.h; y++)
      red |= is_red (surface, x, y);
  g_assert_false (red);
  g_assert_true (is_accent (surface, c.x + 4, c.y + c.h / 2));
  cairo_surface_destroy (surface);

  /* A start that names no node: everything in one column, still drawn. */
  g_free (s->start);
  s->start = g_strdup ("gone");
  g_assert_cmpfloat (bounds (s, "a").x, ==, bounds (s, "end").x);
  check_layout (s);
  surface = draw (s, NULL, NULL);
  cairo_surface_destroy (surface);
}

/* Two nodes written in the order that would cross their links: the map
 * puts each beside the node that leads to it. */
static void
test_uncrossed (void)
{
  g_autoptr (BkScenario) s = bk_scenario_new ();
  BkNode *start = add_node (s, "start", BK_NODE_CHOICES);
  BkNode *up = add_node (s, "boven", BK_NODE_CHOICES);
  BkNode *down = add_node (s, "onder", BK_NODE_CHOICES);

  add_node (s, "na-onder", BK_NODE_ENDING);
  add_node (s, "na-boven", BK_NODE_ENDING);
  g_free (s->start);
  s->start = g_strdup ("start");
  add_choice (start, "boven", TRUE);
  add_choice (start, "onder", FALSE);
  add_choice (up, "na-boven", TRUE);
  add_choice (down, "na-onder", TRUE);
  bk_scenario_reindex (s);

  g_assert_cmpfloat (bounds (s, "boven").y, <, bounds (s, "onder").y);
  g_assert_cmpfloat (bounds (s, "na-boven").y, <, bounds (s, "na-onder").y);
  check_layout (s);
}

static void
test_empty (void)
{
  g_autoptr (BkScenario) s = bk_scenario_new ();
  cairo_surface_t *surface;
  double w, h;

  bk_branch_map_size (s, &w, &h);
  g_assert_cmpfloat (w, >, 0);
  g_assert_cmpfloat (h, >, 0);
  g_assert_null (bk_branch_map_node_at (s, w / 2, h / 2));
  surface = draw (s, NULL, NULL);
  cairo_surface_destroy (surface);
}

/* Sixty-one nodes: a start, fourteen rounds of four, each leading on to
 * three of the next round, and four endings. The map stays a size one can scroll. */
static void
test_large (void)
{
  g_autoptr (BkScenario) s = bk_scenario_new ();
  BkNode *begin = add_node (s, "begin", BK_NODE_CHOICES);
  double w, h;

  for (int k = 0; k < 4; k++)
    {
      g_autofree char *next = g_strdup_printf ("ronde-0-%c", 'a' + k);

      add_choice (begin, next, k == 0);
    }
  for (int round = 0; round < 15; round++)
    for (int k = 0; k < 4; k++)
      {
        g_autofree char *id = g_strdup_printf ("ronde-%d-%c", round, 'a' + k);
        BkNode *node = add_node (s, id, round == 14 ? BK_NODE_ENDING : BK_NODE_CHOICES);

        node->ending_kind = k % 3;
        for (int j = 0; round < 14 && j < 3; j++)
          {
            g_autofree char *next = g_strdup_printf ("ronde-%d-%c", round + 1, 'a' + (k + j * 3) % 4);

            add_choice (node, next, j == 0);
          }
      }
  g_free (s->start);
  s->start = g_strdup ("begin");
  bk_scenario_reindex (s);
  g_assert_cmpuint (s->nodes->len, ==, 61);
  check_layout (s);
  bk_branch_map_size (s, &w, &h);
  g_test_message ("61 nodes: %g x %g", w, h);
  g_assert_cmpfloat (w, <, 3000);
  g_assert_cmpfloat (h, <, 800);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/branch-map/builtin", test_builtin);
  g_test_add_func ("/branch-map/draw", test_draw);
  g_test_add_func ("/branch-map/broken", test_broken);
  g_test_add_func ("/branch-map/uncrossed", test_uncrossed);
  g_test_add_func ("/branch-map/empty", test_empty);
  g_test_add_func ("/branch-map/large", test_large);
  return g_test_run ();
}
