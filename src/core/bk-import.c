/* bk-import.c
 * Importing children and parents from a spreadsheet: check all, then write all.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row is one child and, optionally, one of its parents; a child with two
 * parents is on two rows (same first name, family name and date of birth).
 * Columns are found by their headings, in Dutch or English, and can be
 * mapped by hand. Every row is checked with the same rules as the forms,
 * and every refusal names its line and column. Nothing is written until
 * bk_import_commit(), and then everything in one transaction or nothing.
 * A child already in the database (same names and date of birth) is not
 * added again, nor a parent it already has, so importing a file twice is
 * harmless. A group that does not exist yet is made.
 */
#define G_LOG_DOMAIN "bk-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bk-child.h"
#include "bk-date.h"
#include "bk-import.h"
#include "bk-lookup.h"
#include "bk-parent.h"
#include "bk-store-private.h"
#include "bk-write-private.h"

struct _BkImport
{
  BkStore    *store;
  BkCsvTable *table;
  BkCountry   country;
  GDateTime  *now;
  int         map[BK_IMPORT_N_COLUMNS];   /* file column, or -1 */
  GPtrArray  *problems;                   /* of BkImportProblem */
  GPtrArray  *new_groups;                 /* names */
  guint       n_children;
  guint       n_parents;
};

/* Headings a column is known by, normalised (lower case, words only). */
static const char * const headings[BK_IMPORT_N_COLUMNS][10] = {
  [BK_IMPORT_CHILD_GIVEN] = { "voornaam kind", "voornaam", "kind voornaam", "roepnaam",
                              "voornaam leerling", "first name", "child first name", "given name", NULL },
  [BK_IMPORT_CHILD_FAMILY] = { "achternaam kind", "achternaam", "kind achternaam", "familienaam",
                               "achternaam leerling", "last name", "family name", "surname", NULL },
  [BK_IMPORT_BIRTH_DATE] = { "geboortedatum", "geb datum", "geboren", "date of birth", "birth date",
                             "birthdate", NULL },
  [BK_IMPORT_GROUP] = { "groep", "traject", "leefgroep", "klas", "group", "cycle", NULL },
  [BK_IMPORT_PARENT_GIVEN] = { "voornaam ouder", "ouder voornaam", "voornaam verzorger",
                               "parent first name", "parent given name", NULL },
  [BK_IMPORT_PARENT_FAMILY] = { "achternaam ouder", "ouder achternaam", "achternaam verzorger",
                                "parent last name", "parent family name", NULL },
  [BK_IMPORT_RELATION] = { "relatie", "rol", "relatie tot kind", "ouder verzorger", "relation", NULL },
  [BK_IMPORT_EMAIL] = { "e mail", "email", "e mailadres", "emailadres", "mail", "e mail ouder", NULL },
  [BK_IMPORT_PHONE] = { "telefoon", "telefoonnummer", "tel", "mobiel", "gsm", "phone", "telefoon ouder", NULL },
  [BK_IMPORT_ADDRESS] = { "adres", "address", NULL },
  [BK_IMPORT_LANGUAGE] = { "taal", "thuistaal", "language", NULL },
};

static const char * const column_labels[BK_IMPORT_N_COLUMNS] = {
  N_("Child’s first name"), N_("Child’s family name"), N_("Date of birth"), N_("Group"),
  N_("Parent’s first name"), N_("Parent’s family name"), N_("Relation"), N_("E-mail"),
  N_("Phone"), N_("Address"), N_("Language at home"),
};

/* How relations are written in class lists. */
static const struct { const char *word; const char *relation; } relation_words[] = {
  { "moeder", "mother" }, { "mother", "mother" }, { "mama", "mother" }, { "mam", "mother" },
  { "vader", "father" }, { "father", "father" }, { "papa", "father" }, { "pap", "father" },
  { "stiefmoeder", "step-parent" }, { "stiefvader", "step-parent" }, { "stiefouder", "step-parent" },
  { "step-parent", "step-parent" }, { "pleegmoeder", "foster-parent" }, { "pleegvader", "foster-parent" },
  { "pleegouder", "foster-parent" }, { "foster parent", "foster-parent" }, { "oma", "grandparent" },
  { "opa", "grandparent" }, { "grootouder", "grandparent" }, { "grandparent", "grandparent" },
  { "voogd", "guardian" }, { "guardian", "guardian" }, { "anders", "other" }, { "verzorger", "other" },
  { "other", "other" },
};

const char *
bk_import_column_label (BkImportColumn column)
{
  return _(column_labels[column]);
}

static void
problem_free (BkImportProblem *p)
{
  g_free (p->column);
  g_free (p->message);
  g_free (p);
}

void
bk_import_free (BkImport *import)
{
  if (import == NULL)
    return;
  g_clear_object (&import->store);
  bk_csv_table_free (import->table);
  g_clear_pointer (&import->now, g_date_time_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_clear_pointer (&import->new_groups, g_ptr_array_unref);
  g_free (import);
}

/* "E-mail adres (ouder)" -> "e mail adres ouder" */
static char *
normalise_heading (const char *heading)
{
  g_autofree char *lower = g_utf8_strdown (heading, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = lower; *c; c++)
    {
      if (g_ascii_isalnum (*c) || (guchar) *c >= 0x80)
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          g_string_append_c (out, *c);
          space = FALSE;
        }
      else
        space = TRUE;
    }
  return g_string_free (out, FALSE);
}

static void
auto_map (BkImport *import)
{
  for (guint col = 0; col < BK_IMPORT_N_COLUMNS; col++)
    {
      import->map[col] = -1;
      for (guint i = 0; import->table->header[i] != NULL && import->map[col] < 0; i++)
        {
          g_autofree char *h = normalise_heading (import->table->header[i]);
          for (guint k = 0; headings[col][k] != NULL; k++)
            if (g_str_equal (h, headings[col][k]))
              import->map[col] = (int) i;
        }
    }
}

/* A field of a row, trimmed; Excel's text apostrophe dropped. */
static char *
field (BkImport       *import,
       char          **row,
       BkImportColumn  column)
{
  int i = import->map[column];
  const char *value;

  if (i < 0 || (guint) i >= g_strv_length (row))
    return g_strdup ("");
  value = row[i];
  if (value[0] == '\'')
    value++;
  return g_strstrip (g_strdup (value));
}

static void
add_problem (BkImport       *import,
             guint           line,
             BkImportColumn  column,
             const char     *message)
{
  BkImportProblem *p = g_new0 (BkImportProblem, 1);
  int i = import->map[column];

  p->line = line;
  p->column = g_strdup (i >= 0 ? import->table->header[i] : _(column_labels[column]));
  p->message = g_strdup (message);
  g_ptr_array_add (import->problems, p);
}

static const char *
parse_relation (const char *text)
{
  g_autofree char *word = normalise_heading (text);

  for (guint i = 0; i < G_N_ELEMENTS (relation_words); i++)
    if (g_str_equal (word, relation_words[i].word))
      return relation_words[i].relation;
  return NULL;
}

static BkImportColumn
child_column (const char *field_name)
{
  if (g_str_equal (field_name, "family-name"))
    return BK_IMPORT_CHILD_FAMILY;
  if (g_str_equal (field_name, "birth-date"))
    return BK_IMPORT_BIRTH_DATE;
  return BK_IMPORT_CHILD_GIVEN;
}

static BkImportColumn
parent_column (const char *field_name)
{
  static const struct { const char *field; BkImportColumn column; } table[] = {
    { "given-name", BK_IMPORT_PARENT_GIVEN }, { "family-name", BK_IMPORT_PARENT_FAMILY },
    { "email", BK_IMPORT_EMAIL }, { "phone", BK_IMPORT_PHONE }, { "address", BK_IMPORT_ADDRESS },
    { "children", BK_IMPORT_RELATION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    if (g_str_equal (field_name, table[i].field))
      return table[i].column;
  return BK_IMPORT_PARENT_GIVEN;
}

/* Fills @child (and @parent, if the row has one) from row @r. */
static void
read_row (BkImport       *import,
          guint           r,
          BkChildDraft   *child,
          BkParentDraft **parent,
          char          **group)
{
  char **row = g_ptr_array_index (import->table->rows, r);
  g_autofree char *relation = field (import, row, BK_IMPORT_RELATION);
  gboolean has_parent = FALSE;

  child->given_name = field (import, row, BK_IMPORT_CHILD_GIVEN);
  child->family_name = field (import, row, BK_IMPORT_CHILD_FAMILY);
  child->birth_date = field (import, row, BK_IMPORT_BIRTH_DATE);
  *group = field (import, row, BK_IMPORT_GROUP);

  for (guint col = BK_IMPORT_PARENT_GIVEN; col < BK_IMPORT_N_COLUMNS; col++)
    {
      g_autofree char *value = field (import, row, col);
      has_parent = has_parent || *value != '\0';
    }
  *parent = NULL;
  if (!has_parent)
    return;

  *parent = bk_parent_draft_new ();
  (*parent)->given_name = field (import, row, BK_IMPORT_PARENT_GIVEN);
  (*parent)->family_name = field (import, row, BK_IMPORT_PARENT_FAMILY);
  (*parent)->email = field (import, row, BK_IMPORT_EMAIL);
  (*parent)->phone = field (import, row, BK_IMPORT_PHONE);
  (*parent)->address = field (import, row, BK_IMPORT_ADDRESS);
  (*parent)->language = field (import, row, BK_IMPORT_LANGUAGE);
  /* The child gets its id when written; 0 stands in for it meanwhile. */
  bk_parent_draft_link (*parent, 0, *relation ? parse_relation (relation) : NULL);
}

static void
check (BkImport *import)
{
  g_autoptr (GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GListStore) known = bk_lookup_cycles (import->store, NULL);

  /* Group names as the database compares them (NOCASE), to look up per row. */
  for (guint i = 1; known != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (known)); i++)
    {
      g_autoptr (BkLookup) g = g_list_model_get_item (G_LIST_MODEL (known), i);
      g_hash_table_add (groups, g_ascii_strdown (bk_lookup_get_name (g), -1));
    }

  g_ptr_array_set_size (import->problems, 0);
  g_ptr_array_set_size (import->new_groups, 0);
  import->n_parents = 0;

  for (guint r = 0; r < import->table->rows->len; r++)
    {
      guint line = g_array_index (import->table->lines, guint, r);
      g_autoptr (BkChildDraft) child = bk_child_draft_new ();
      g_autoptr (BkParentDraft) parent = NULL;
      g_autoptr (GPtrArray) child_errors = NULL;
      g_autofree char *group = NULL;

      read_row (import, r, child, &parent, &group);
      child_errors = bk_child_draft_validate (child, import->now);
      for (guint i = 0; i < child_errors->len; i++)
        {
          BkFieldError *e = g_ptr_array_index (child_errors, i);
          add_problem (import, line, child_column (e->field), e->message);
        }
      g_hash_table_add (children, g_strdup_printf ("%s\x1f%s\x1f%s", child->given_name,
                                                   child->family_name, child->birth_date));

      if (g_utf8_strlen (group, -1) > 120)
        add_problem (import, line, BK_IMPORT_GROUP, _("This group name is too long: at most 120 characters."));
      else if (*group != '\0')
        {
          char *key = g_ascii_strdown (group, -1);

          if (g_hash_table_add (groups, key))
            g_ptr_array_add (import->new_groups, g_strdup (group));
        }

      if (parent != NULL)
        {
          g_autoptr (GPtrArray) parent_errors = bk_parent_draft_validate (parent, import->country);
          BkParentLink *link = &g_array_index (parent->links, BkParentLink, 0);

          if (link->relation == NULL)
            {
              g_autofree char *relation = field (import, g_ptr_array_index (import->table->rows, r),
                                                 BK_IMPORT_RELATION);
              g_autofree char *message = *relation == '\0'
                ? g_strdup (_("Fill in how the parent is related to the child: moeder, vader, voogd, oma…"))
                : g_strdup_printf (_("“%s” is not a relation Betrokken knows: use moeder, vader, "
                                     "stiefouder, pleegouder, grootouder, voogd or anders."), relation);
              add_problem (import, line, BK_IMPORT_RELATION, message);
            }
          for (guint i = 0; i < parent_errors->len; i++)
            {
              BkFieldError *e = g_ptr_array_index (parent_errors, i);
              if (link->relation == NULL && g_str_equal (e->field, "children"))
                continue;   /* said above, in words about the relation */
              add_problem (import, line, parent_column (e->field), e->message);
            }
          import->n_parents++;
        }
    }
  import->n_children = g_hash_table_size (children);
}

/**
 * bk_import_prepare:
 * @data: the file's bytes
 * @country: where phone numbers without a country code are
 * @now: today, for the dates of birth
 *
 * Reads and checks the file; writes nothing. A file that cannot be read,
 * or has no column for the child's first name, is an error; rows that
 * break a rule are problems (bk_import_get_problems()).
 *
 * Returns: (transfer full): the import, or %NULL with BK_STORE_ERROR_INVALID
 */
BkImport *
bk_import_prepare (BkStore     *store,
                   const char  *data,
                   gsize        length,
                   BkCountry    country,
                   GDateTime   *now,
                   GError     **error)
{
  g_autoptr (BkImport) import = g_new0 (BkImport, 1);

  import->table = bk_csv_parse (data, length, error);
  if (import->table == NULL)
    return NULL;
  import->store = g_object_ref (store);
  import->country = country;
  import->now = g_date_time_ref (now);
  import->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  import->new_groups = g_ptr_array_new_with_free_func (g_free);
  auto_map (import);

  if (import->map[BK_IMPORT_CHILD_GIVEN] < 0)
    {
      g_autofree char *found = g_strjoinv ("; ", import->table->header);
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                   _("The file has no column for the child’s first name. Give it a heading like "
                     "“Voornaam kind”, or choose the column by hand. Headings found: %s"), found);
      return NULL;
    }
  check (import);
  return g_steal_pointer (&import);
}

int
bk_import_get_mapping (BkImport       *import,
                       BkImportColumn  column)
{
  return import->map[column];
}

/**
 * bk_import_set_mapping:
 * @file_column: the file's column, or -1 for none
 *
 * Maps a column by hand and checks the rows again.
 */
gboolean
bk_import_set_mapping (BkImport       *import,
                       BkImportColumn  column,
                       int             file_column,
                       GError        **error)
{
  if (file_column >= (int) g_strv_length (import->table->header) ||
      (file_column < 0 && column == BK_IMPORT_CHILD_GIVEN))
    {
      g_set_error_literal (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                           _("The child’s first name needs a column."));
      return FALSE;
    }
  import->map[column] = file_column;
  check (import);
  return TRUE;
}

/* Returns: (transfer none) (element-type BkImportProblem): every refusal */
GPtrArray *
bk_import_get_problems (BkImport *import)
{
  return import->problems;
}

guint
bk_import_get_n_rows (BkImport *import)
{
  return import->table->rows->len;
}

/* The file's headings, in file order. */
const char * const *
bk_import_get_headings (BkImport *import)
{
  return (const char * const *) import->table->header;
}

guint
bk_import_get_row_line (BkImport *import,
                        guint     row)
{
  return g_array_index (import->table->lines, guint, row);
}

/**
 * bk_import_row_summary:
 *
 * Returns: (transfer full): what row @row will add, for a preview:
 *   "Zoë de Vries, 7-3-2016, Traject najaar 2026 · Sandra de Vries (moeder)"
 */
char *
bk_import_row_summary (BkImport *import,
                       guint     row)
{
  char **fields = g_ptr_array_index (import->table->rows, row);
  g_autofree char *given = field (import, fields, BK_IMPORT_CHILD_GIVEN);
  g_autofree char *family = field (import, fields, BK_IMPORT_CHILD_FAMILY);
  g_autofree char *birth = field (import, fields, BK_IMPORT_BIRTH_DATE);
  g_autofree char *group = field (import, fields, BK_IMPORT_GROUP);
  g_autofree char *parent_given = field (import, fields, BK_IMPORT_PARENT_GIVEN);
  g_autofree char *parent_family = field (import, fields, BK_IMPORT_PARENT_FAMILY);
  g_autofree char *relation = field (import, fields, BK_IMPORT_RELATION);
  GString *text = g_string_new (given);

  if (*family)
    g_string_append_printf (text, " %s", family);
  if (*birth)
    g_string_append_printf (text, ", %s", birth);
  if (*group)
    g_string_append_printf (text, ", %s", group);
  if (*parent_given || *parent_family)
    {
      g_string_append_printf (text, " · %s%s%s", parent_given, *parent_family ? " " : "", parent_family);
      if (*relation)
        g_string_append_printf (text, " (%s)", relation);
    }
  return g_string_free (text, FALSE);
}

/* "23 children and 35 parents; new group: Traject voorjaar 2027" */
char *
bk_import_describe (BkImport *import)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u child", "%u children", import->n_children),
                          import->n_children);
  g_string_append (text, ", ");
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u parent", "%u parents", import->n_parents),
                          import->n_parents);
  if (import->new_groups->len > 0)
    {
      g_string_append (text, "; ");
      g_string_append (text, g_dngettext (GETTEXT_PACKAGE, "new group:", "new groups:",
                                          import->new_groups->len));
      for (guint i = 0; i < import->new_groups->len; i++)
        g_string_append_printf (text, "%s %s", i ? "," : "", (char *) g_ptr_array_index (import->new_groups, i));
    }
  return g_string_free (text, FALSE);
}

/* Writing ------------------------------------------------------------------ */

static gint64
find_id (BkStore     *store,
         const char  *sql,
         const char  *a,
         const char  *b,
         const char  *c,
         GError     **error)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (store, sql, error);

  if (stmt == NULL)
    return -1;
  bk_bind_text (stmt, 1, a);
  bk_bind_text (stmt, 2, b);
  bk_bind_text (stmt, 3, c);
  return sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
}

static gint64
group_id (BkImport    *import,
          GHashTable  *made,
          const char  *name,
          GError     **error)
{
  gint64 id;

  if (*name == '\0')
    return 0;
  id = GPOINTER_TO_SIZE (g_hash_table_lookup (made, name));
  if (id != 0)
    return id;
  id = find_id (import->store, "SELECT id FROM cycles WHERE name = ?1 COLLATE NOCASE", name, NULL, NULL, error);
  if (id == 0)
    {
      g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (import->store,
        "INSERT INTO cycles (kind, name, start_date, created_at) VALUES ('cycle', ?1, ?2, ?3)", error);
      g_autofree char *stamp = bk_timestamp (import->now);
      g_autofree char *today = NULL;
      GDate date;

      if (stmt == NULL)
        return -1;
      bk_date_from_datetime (import->now, &date);
      today = bk_date_to_iso (&date);
      bk_bind_text (stmt, 1, name);
      bk_bind_text (stmt, 2, today);
      bk_bind_text (stmt, 3, stamp);
      if (!bk_store_step_done (import->store, stmt, error))
        return -1;
      id = sqlite3_last_insert_rowid (bk_store_get_db (import->store));
    }
  g_hash_table_insert (made, g_strdup (name), GSIZE_TO_POINTER ((gsize) id));
  return id;
}

static gboolean
write_row (BkImport    *import,
           guint        r,
           GHashTable  *groups,
           GHashTable  *children,
           GError     **error)
{
  g_autoptr (BkChildDraft) child = bk_child_draft_new ();
  g_autoptr (BkParentDraft) parent = NULL;
  g_autofree char *group = NULL;
  g_autofree char *key = NULL;
  g_autofree char *birth = NULL;
  gint64 child_id;
  GDate date;

  read_row (import, r, child, &parent, &group);
  if (bk_date_parse (child->birth_date, &date))
    birth = bk_date_to_iso (&date);
  key = g_strdup_printf ("%s\x1f%s\x1f%s", child->given_name, child->family_name, child->birth_date);
  child_id = GPOINTER_TO_SIZE (g_hash_table_lookup (children, key));

  if (child_id == 0 && birth != NULL)
    child_id = find_id (import->store,
                        /* NOCASE, as the index children_by_name */
                        "SELECT id FROM children WHERE given_name = ?1 COLLATE NOCASE"
                        " AND family_name = ?2 COLLATE NOCASE AND birth_date = ?3"
                        " AND deleted_at IS NULL",
                        child->given_name, child->family_name, birth, error);
  if (child_id < 0)
    return FALSE;
  if (child_id == 0)
    {
      child->cycle_id = group_id (import, groups, group, error);
      if (child->cycle_id < 0 || !bk_child_write (import->store, child, import->now, &child_id, error))
        return FALSE;
    }
  g_hash_table_insert (children, g_steal_pointer (&key), GSIZE_TO_POINTER ((gsize) child_id));

  if (parent != NULL)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, child_id);
      gint64 known = find_id (import->store,
                              "SELECT p.id FROM parents p JOIN parent_children pc ON pc.parent_id = p.id"
                              " WHERE p.given_name = ?1 AND p.family_name = ?2 AND pc.child_id = ?3"
                              " AND p.deleted_at IS NULL",
                              parent->given_name, parent->family_name, id_text, error);
      gint64 parent_id;

      if (known < 0)
        return FALSE;
      g_array_index (parent->links, BkParentLink, 0).child_id = child_id;
      if (known != 0)
        return TRUE;

      /* The same person on a brother's or sister's row: same names and the
       * same e-mail address or phone number. One record, linked to both. */
      {
        g_autofree char *email = bk_validate_email (parent->email, NULL);
        g_autofree char *phone = bk_validate_phone (parent->phone, import->country, NULL);
        gint64 same = 0;

        if (email && *email)
          same = find_id (import->store,
                          "SELECT id FROM parents WHERE given_name = ?1 COLLATE NOCASE"
                          " AND family_name = ?2 COLLATE NOCASE"
                          " AND deleted_at IS NULL AND email = ?3 LIMIT 1",
                          parent->given_name, parent->family_name, email, error);
        if (same == 0 && phone && *phone)
          same = find_id (import->store,
                          "SELECT id FROM parents WHERE given_name = ?1 COLLATE NOCASE"
                          " AND family_name = ?2 COLLATE NOCASE"
                          " AND deleted_at IS NULL AND phone = ?3 LIMIT 1",
                          parent->given_name, parent->family_name, phone, error);
        if (same < 0)
          return FALSE;
        if (same > 0)
          return bk_parent_write_link (import->store, same, child_id,
                                       g_array_index (parent->links, BkParentLink, 0).relation, error);
      }
      if (!bk_parent_write (import->store, parent, import->country, import->now, &parent_id, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * bk_import_commit:
 *
 * Writes every row in one transaction. Refused while there are problems;
 * when the database refuses a row, nothing is written and the error names
 * the line.
 */
gboolean
bk_import_commit (BkImport  *import,
                  GError   **error)
{
  g_autoptr (GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (import->problems->len > 0)
    {
      g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Nothing was imported: %u problem in the file must be solved first.",
                                "Nothing was imported: %u problems in the file must be solved first.",
                                import->problems->len),
                   import->problems->len);
      return FALSE;
    }
  if (!bk_store_begin (import->store, error))
    return FALSE;
  for (guint r = 0; r < import->table->rows->len; r++)
    {
      g_autoptr (GError) local = NULL;

      if (!write_row (import, r, groups, children, &local))
        {
          bk_store_rollback (import->store);
          g_set_error (error, BK_STORE_ERROR, BK_STORE_ERROR_INVALID,
                       _("Nothing was imported: line %u could not be saved: %s"),
                       g_array_index (import->table->lines, guint, r), local->message);
          return FALSE;
        }
    }
  if (!bk_store_commit (import->store, error))
    return FALSE;
  bk_store_emit_changed (import->store, "*", 0);
  return TRUE;
}
