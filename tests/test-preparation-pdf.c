/* test-preparation-pdf.c
 * The coach's preparation sheet, read back from the PDF with pdftotext:
 * what it says, that every page says it is internal, and a safe write.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>

#include "bk-preparation-pdf.h"
#include "bk-test-seeds.h"
#include "bk-test-util.h"

typedef BkTestDb Fixture;

/* As in test-preparation.c: Zoë, of separated parents: her goal with a
 * step reached, a session with a tip and a top, an open and a done
 * agreement, a phone call with her mother, and an observation of her
 * father. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  bk_test_db_open (f, BK_TEST_SEED_PREPARATION);
}

#define fixture_teardown bk_test_db_close

#define MARKER "Internal — not for parents"

static const BkPreparationPlan plan = {
  .kind_label = "Mid-term conversation",
  .when = "25-11-2026 15:00",
  .purpose = "Samen kijken hoe het huiswerk thuis gaat",
  .agenda = "Terugblik op de afspraken\nHet leerdoel\nVolgende stappen\n",
  .questions = "Wat werkt er thuis?",
  .opener = "Zoë stak deze week drie keer haar hand op",
};

/* pdftotext breaks lines where the page does; join them again. */
static char *
flatten (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  return g_strjoinv (" ", lines);
}

/* The page count pdfinfo reports, or -1 when it is missing. */
static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *pages;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL))
    return -1;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (int) g_ascii_strtoll (pages + strlen ("Pages:"), NULL, 10);
}

/* Asserts no temporary file is left in @dir. */
static void
assert_no_partial (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".partial"));
}

/* Writes the preparation of @child_id to @name in the test folder and
 * returns its text, flattened unless @raw. NULL: pdftotext is missing. */
static char *
write_and_read (Fixture                 *f,
                gint64                   child_id,
                gboolean                 with_observations,
                const BkPreparationPlan *p,
                const char              *name,
                gboolean                 raw)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkPreparation) prep = bk_preparation_gather (f->store, child_id, with_observations, f->now, &error);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_true (bk_preparation_write_pdf (prep, p, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  assert_no_partial (f->dir);
  text = bk_test_pdf_text (path);
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  return raw ? g_steal_pointer (&text) : flatten (text);
}

static void
test_read_back (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *flat = write_and_read (f, 1, TRUE, &plan, "Voorbereiding Zoë.pdf", FALSE);

  if (flat == NULL)
    return;
  g_assert_nonnull (strstr (flat, "Preparing a conversation about Zoë de Vries"));
  g_assert_nonnull (strstr (flat, MARKER));
  g_assert_nonnull (strstr (flat, "Mid-term conversation · 25-11-2026 15:00"));
  /* What the coach wrote, each line of the agenda kept. */
  g_assert_nonnull (strstr (flat, "This conversation"));
  g_assert_nonnull (strstr (flat, "Samen kijken hoe het huiswerk thuis gaat"));
  g_assert_nonnull (strstr (flat, "Terugblik op de afspraken Het leerdoel Volgende stappen"));
  g_assert_nonnull (strstr (flat, "Wat werkt er thuis?"));
  g_assert_nonnull (strstr (flat, "Zoë stak deze week drie keer haar hand op"));
  /* A line of each part. */
  g_assert_nonnull (strstr (flat, "Learning Goal and Steps"));
  g_assert_nonnull (strstr (flat, "Goal: Ik vraag hulp als ik vastloop"));
  g_assert_nonnull (strstr (flat, "Tip: Vraag het eerst aan je buurman"));
  g_assert_nonnull (strstr (flat, "Moeder belt de juf over het huiswerk — Sandra, by 1-12-2026"));
  g_assert_null (strstr (flat, "Samen de agenda invullen"));   /* done, not open */
  g_assert_nonnull (strstr (flat, "Mark Bakker: no contact logged yet"));
  g_assert_nonnull (strstr (flat, "Pools"));
  g_assert_nonnull (strstr (flat, "Mark Bakker (Avoids contact): Invite personally"));
  g_assert_nonnull (strstr (flat, "other parent"));
  /* The attitude, and room for notes. */
  g_assert_nonnull (strstr (flat, "In the conversation"));
  g_assert_nonnull (strstr (flat, "Start with something that went well."));
  g_assert_nonnull (strstr (flat, "Notes"));
}

/* An intern's sheet has no approach from observations. */
static void
test_without_observations (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *flat = write_and_read (f, 1, FALSE, &plan, "Stagiair.pdf", FALSE);

  if (flat == NULL)
    return;
  g_assert_nonnull (strstr (flat, MARKER));
  g_assert_nonnull (strstr (flat, "Goal: Ik vraag hulp als ik vastloop"));
  g_assert_nonnull (strstr (flat, "Moeder belt de juf over het huiswerk"));
  g_assert_null (strstr (flat, "Invite personally"));
  g_assert_null (strstr (flat, "Avoids contact"));
}

/* Nothing planned and nothing known: still a sheet, with no empty
 * "This conversation" and no stray separator before the time. */
static void
test_nothing_planned (Fixture       *f,
                      gconstpointer  data)
{
  BkPreparationPlan blank = { .when = "25-11-2026 15:00", .purpose = "  \n", .agenda = "" };
  g_autofree char *flat = write_and_read (f, 2, TRUE, NULL, "Bram.pdf", FALSE);
  g_autofree char *flat_blank = write_and_read (f, 2, TRUE, &blank, "Bram leeg.pdf", FALSE);

  if (flat == NULL)
    return;
  for (guint i = 0; i < 2; i++)
    {
      const char *text = i == 0 ? flat : flat_blank;

      g_assert_nonnull (strstr (text, "Preparing a conversation about Bram Jansen"));
      g_assert_nonnull (strstr (text, MARKER));
      g_assert_null (strstr (text, "This conversation"));
      g_assert_null (strstr (text, "·"));
      g_assert_nonnull (strstr (text, "In the conversation"));
      g_assert_nonnull (strstr (text, "Notes"));
    }
  g_assert_nonnull (strstr (flat_blank, "25-11-2026 15:00"));
}

/* A very long agenda goes on over more pages, each marked internal. */
static void
test_long_agenda (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GString) agenda = g_string_new (NULL);
  BkPreparationPlan long_plan = plan;
  g_autofree char *raw = NULL;
  g_autofree char *path = g_build_filename (f->dir, "Lang.pdf", NULL);
  g_auto (GStrv) pages = NULL;
  guint n_pages;
  int reported;

  for (int i = 1; i <= 200; i++)
    g_string_append_printf (agenda, "Agendapunt %d\n", i);
  long_plan.agenda = agenda->str;
  raw = write_and_read (f, 1, TRUE, &long_plan, "Lang.pdf", TRUE);
  if (raw == NULL)
    return;

  /* pdftotext ends every page with a form feed. */
  pages = g_strsplit (raw, "\f", -1);
  n_pages = g_strv_length (pages) - 1;
  g_assert_cmpuint (n_pages, >, 1);
  reported = pdf_pages (path);
  if (reported >= 0)
    g_assert_cmpint (reported, ==, n_pages);
  for (guint i = 0; i < n_pages; i++)
    {
      g_test_message ("page %u", i + 1);
      g_assert_nonnull (strstr (pages[i], MARKER));
      g_assert_nonnull (strstr (pages[i], "Zoë de Vries"));
    }
  /* Nothing lost at the page breaks. */
  for (int i = 1; i <= 200; i++)
    {
      g_autofree char *item = g_strdup_printf ("Agendapunt %d\n", i);
      g_assert_nonnull (strstr (raw, item));
    }
  g_assert_nonnull (strstr (pages[n_pages - 1], "Notes"));
}

/* For printing: one page, the internal marker in the top margin, and
 * what does not fit is left off, not drawn past the bottom margin nor
 * on a page of its own. */
static void
test_draw_one_page (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkPreparation) prep = bk_preparation_gather (f->store, 1, TRUE, f->now, &error);
  g_autoptr (GString) agenda = g_string_new (NULL);
  g_autofree char *path = g_build_filename (f->dir, "Afdruk.pdf", NULL);
  g_autofree char *raw = NULL;
  g_auto (GStrv) pages = NULL;
  BkPreparationPlan long_plan = plan;
  cairo_surface_t *surface;
  cairo_t *cr;
  double x, y, w, h;

  g_assert_no_error (error);
  for (int i = 1; i <= 200; i++)
    g_string_append_printf (agenda, "Agendapunt %d\n", i);
  long_plan.agenda = agenda->str;

  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  bk_preparation_draw (prep, &long_plan, cr, 595.28, 841.89);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  cairo_surface_destroy (surface);
  g_assert_cmpfloat (y, <, 56.0);
  g_assert_cmpfloat (y + h, <=, 841.89 - 56.0 + 1.0);
  g_assert_cmpfloat (h, >, 600.0);   /* it did fill the page */

  /* As a print operation would: the caller ends the page. */
  surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cr = cairo_create (surface);
  bk_preparation_draw (prep, &long_plan, cr, 595.28, 841.89);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  raw = bk_test_pdf_text (path);
  if (raw == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  pages = g_strsplit (raw, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, 2);   /* one page, then its form feed */
  g_assert_nonnull (strstr (raw, MARKER));
  g_assert_nonnull (strstr (raw, "Agendapunt 1\n"));
  g_assert_null (strstr (raw, "Agendapunt 200\n"));
}

/* A folder that does not exist, or a folder in the way of the file: a
 * clear error, no file and no temporary file. */
static void
test_bad_path (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BkPreparation) prep = bk_preparation_gather (f->store, 1, TRUE, f->now, &error);
  g_autofree char *missing = g_build_filename (f->dir, "missing", "Zoë.pdf", NULL);
  g_autofree char *in_the_way = g_build_filename (f->dir, "Zoë.pdf", NULL);
  g_autofree char *inside = g_build_filename (in_the_way, "keep", NULL);

  g_assert_no_error (error);
  g_assert_false (bk_preparation_write_pdf (prep, &plan, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Zoë.pdf"));
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_cmpint (g_mkdir (in_the_way, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", 0, NULL));
  g_assert_false (bk_preparation_write_pdf (prep, &plan, in_the_way, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Zoë.pdf"));
  g_assert_true (g_file_test (in_the_way, G_FILE_TEST_IS_DIR));
  assert_no_partial (f->dir);
  g_unlink (inside);
  g_rmdir (in_the_way);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_setup, fn, fixture_teardown)
  ADD ("/preparation-pdf/read-back", test_read_back);
  ADD ("/preparation-pdf/without-observations", test_without_observations);
  ADD ("/preparation-pdf/nothing-planned", test_nothing_planned);
  ADD ("/preparation-pdf/long-agenda", test_long_agenda);
  ADD ("/preparation-pdf/draw-one-page", test_draw_one_page);
  ADD ("/preparation-pdf/bad-path", test_bad_path);
#undef ADD

  return g_test_run ();
}
