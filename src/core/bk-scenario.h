/* bk-scenario.h
 * Role-play scenarios: the format of data/scenarios/README.md in memory,
 * reading and writing JSON, checking with JSON paths and lines, the library.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BK_SCENARIO_FORMAT   "betrokken-scenario"
#define BK_SCENARIO_VERSION  1
#define BK_SCENARIO_MAX_SIZE (1024 * 1024)   /* bytes; a larger file is refused */
#define BK_SCENARIO_MAX_RUBRIC 8             /* items in an open turn's rubric */

/* The competencies, in the order of the radar chart. */
typedef enum {
  BK_COMPETENCY_GENUINENESS,
  BK_COMPETENCY_RESPECT,
  BK_COMPETENCY_LISTENING,
  BK_COMPETENCY_SUMMARISING,
  BK_COMPETENCY_ASKING_FURTHER,
  BK_COMPETENCY_TRANSPARENCY,
  BK_COMPETENCY_EQUAL_PARTNER,
  BK_COMPETENCY_PLAIN_LANGUAGE,
  BK_N_COMPETENCIES
} BkCompetency;

const char *bk_competency_id         (BkCompetency c);     /* "asking-further" */
const char *bk_competency_label      (BkCompetency c);     /* translated, "Asking further" */
int         bk_competency_from_id    (const char  *id);    /* -1: unknown */

const char * const *bk_scenario_techniques      (void);    /* ids, NULL-terminated */
const char         *bk_scenario_technique_label (const char *id);  /* translated or NULL */
const char * const *bk_scenario_channels        (void);
const char         *bk_scenario_channel_label   (const char *id);
const char * const *bk_scenario_dutch_levels    (void);
const char         *bk_scenario_dutch_level_label (const char *id);
/* Parent types are bk_observation_types () / bk_observation_type_label (). */

typedef enum {
  BK_NODE_CHOICES,
  BK_NODE_OPEN,
  BK_NODE_ENDING,
} BkNodeKind;

typedef enum {
  BK_ENDING_GOOD,
  BK_ENDING_MIXED,
  BK_ENDING_POOR,
} BkEndingKind;

const char *bk_ending_kind_id    (BkEndingKind kind);      /* "good" */
const char *bk_ending_kind_label (BkEndingKind kind);      /* translated */

typedef struct
{
  char     *text;
  char     *next;
  gboolean  best;
  char     *technique;
  char     *feedback;
  int       scores[BK_N_COMPETENCIES];   /* -2 .. 2 */
} BkChoice;

typedef struct
{
  char *text;
  int   competency;                      /* a BkCompetency, or -1 when unknown */
} BkRubricItem;

typedef struct
{
  char        *id;
  char        *line;                     /* "" is a silence */
  char        *direction;                /* or NULL */
  char        *narration;                /* or NULL */
  BkNodeKind   kind;
  GPtrArray   *choices;                  /* BkChoice: BK_NODE_CHOICES */
  char        *prompt;                   /* BK_NODE_OPEN */
  GPtrArray   *rubric;                   /* BkRubricItem: BK_NODE_OPEN */
  char        *open_next;                /* BK_NODE_OPEN */
  BkEndingKind ending_kind;              /* BK_NODE_ENDING */
  char        *ending_title;
  char        *ending_text;
} BkNode;

/* A scenario; fields are public so that the editor can change them. After
 * adding, removing or renaming nodes call bk_scenario_reindex (). */
typedef struct
{
  int          version;
  char        *id;
  char        *title;
  char        *summary;
  char        *persona_name;
  char        *persona_role;
  char        *persona_situation;
  char        *parent_type;
  char        *dutch_level;
  char        *context;
  char        *channel;
  GPtrArray   *objectives;               /* char* */
  guint        competencies;             /* bit mask: 1 << BkCompetency */
  char        *start;
  GPtrArray   *nodes;                    /* BkNode, in the author's order */
  gboolean     builtin;
  char        *path;                     /* the file it was read from, or NULL */
  /* private */
  GHashTable  *index;                    /* id -> BkNode */
  int          ref_count;
} BkScenario;

BkScenario   *bk_scenario_new        (void);
BkScenario   *bk_scenario_ref        (BkScenario *s);
void          bk_scenario_unref      (BkScenario *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BkScenario, bk_scenario_unref)

BkNode       *bk_node_new            (const char *id, BkNodeKind kind);
void          bk_node_free           (BkNode     *node);
BkChoice     *bk_choice_new          (const char *text, const char *next);
void          bk_choice_free         (BkChoice   *choice);
BkRubricItem *bk_rubric_item_new     (const char *text, int competency);
void          bk_rubric_item_free    (BkRubricItem *item);

void          bk_scenario_reindex    (BkScenario *s);
BkNode       *bk_scenario_find_node  (BkScenario *s, const char *id);
guint         bk_scenario_n_decisions (BkScenario *s);   /* nodes with 2+ choices */
guint         bk_scenario_n_endings   (BkScenario *s);

/* A problem found when reading or checking: where, and what, translated. */
typedef struct
{
  char *path;      /* "$.nodes[4].choices[1].next" */
  int   line;      /* 1-based line in the source, or 0 when not known */
  char *message;   /* "no node “verdedigd”" */
} BkProblem;

void       bk_problem_free     (BkProblem *p);
char      *bk_problem_to_string (const BkProblem *p);  /* "$.x (line 3): message" */

/* Reads a scenario. Returns NULL with @error (BK_SCENARIO_ERROR) when the
 * text is not JSON, too large, not a scenario or of a newer version.
 * Otherwise returns the scenario and in @problems (never NULL on return)
 * everything bk_scenario_check () and the reader found, with lines; the
 * scenario may be played only when there are none. */
BkScenario *bk_scenario_read        (const char  *text,
                                     gssize       length,
                                     GPtrArray  **problems,
                                     GError     **error);
BkScenario *bk_scenario_read_file   (const char  *path,
                                     GPtrArray  **problems,
                                     GError     **error);
/* The rules of README.md on what is in memory (live validation): problems
 * with paths and line 0. */
GPtrArray  *bk_scenario_check       (BkScenario  *s);
/* Pretty JSON, format 1; reading it back gives the same scenario. */
char       *bk_scenario_to_json     (BkScenario  *s);
/* Writes to @path atomically (a failed write leaves the old file). */
gboolean    bk_scenario_write_file  (BkScenario  *s,
                                     const char  *path,
                                     GError     **error);

/* The ids of the nodes along the best choices from start (open turns go on
 * to their next), ending with an ending. */
GPtrArray  *bk_scenario_best_path   (BkScenario  *s);
/* What the best path scores: best choices, every rubric item ticked. */
void        bk_scenario_best_scores (BkScenario  *s,
                                     int          scores[BK_N_COMPETENCIES]);

#define BK_SCENARIO_ERROR (bk_scenario_error_quark ())
GQuark bk_scenario_error_quark (void);

typedef enum {
  BK_SCENARIO_ERROR_SYNTAX,     /* not JSON; the message has the line */
  BK_SCENARIO_ERROR_TOO_LARGE,
  BK_SCENARIO_ERROR_NOT_SCENARIO,
  BK_SCENARIO_ERROR_VERSION,
  BK_SCENARIO_ERROR_INVALID,    /* used by the library and the Twee reader */
} BkScenarioError;

/* The library: built-in scenarios (GResource) and the user's folder
 * (@user_dir, usually bk_scenario_user_dir ()). A user scenario with the id
 * of a built-in one replaces it. Broken user files are left out and
 * described in @problems (char*, "file.json: $.x (line 3): ..."), if given.
 * Returns BkScenario*, sorted by title. */
GPtrArray  *bk_scenario_library     (const char  *user_dir,
                                     GPtrArray  **problems);
char       *bk_scenario_user_dir    (void);
/* The built-in scenario with @id, or NULL. */
BkScenario *bk_scenario_builtin     (const char  *id);

G_END_DECLS
