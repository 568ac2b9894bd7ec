/* bk-demo.c
 * Invented families of a learning centre, for --demo and for benchmarks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every name is drawn from lists of common first names and surnames and
 * combined at random: no real person is meant. The shape follows the 2016
 * study (DOMAIN.md, "Figures from the studies"): about 20 children and 32
 * parents a cycle; two in three families miss the information evening (late
 * registration, a wrong e-mail address, no childcare); every family comes to
 * the mid-term parent meeting in week 6; five in nine look at the portal;
 * mothers are reached far more often than fathers. The same seed gives the
 * same database, so tests may count on it.
 */
#define G_LOG_DOMAIN "bk-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bk-date.h"
#include "bk-demo.h"
#include "bk-report.h"
#include "bk-store-private.h"

static const char * const child_names[] = {
  "Noah", "Emma", "Sem", "Julia", "Liam", "Mila", "Daan", "Tess", "Finn", "Saar",
  "Levi", "Nora", "Luuk", "Yara", "Bram", "Lotte", "Mohamed", "Fenna", "Adam", "Sara",
  "Milan", "Isa", "Ayoub", "Roos", "Thijs", "Noor", "Mees", "Zoë", "Ilias", "Jasmijn",
  "Gijs", "Lina", "Jesse", "Elif", "Ravi", "Fleur", "Kerem", "Anouk", "Timo", "Amira",
};
static const char * const mother_names[] = {
  "Sandra", "Fatima", "Linda", "Esther", "Naima", "Monique", "Ilse", "Yasmina",
  "Karin", "Petra", "Samira", "Marloes", "Anja", "Hatice", "Chantal", "Nicole",
  "Bianca", "Kim", "Ozlem", "Wendy", "Miriam", "Sharon", "Joyce", "Rachida",
};
static const char * const father_names[] = {
  "Mark", "Rachid", "Dennis", "Erik", "Hassan", "Patrick", "Sander", "Mustafa",
  "Jeroen", "Kevin", "Ahmed", "Bas", "Ronald", "Emre", "Martijn", "Rob",
  "Said", "Jeffrey", "Marco", "Ricardo", "Hakan", "Vincent", "Frank", "Orlando",
};
static const char * const surnames[] = {
  "de Vries", "Jansen", "Bakker", "El Amrani", "van Dijk", "Visser", "Smits",
  "Yilmaz", "Meijer", "de Groot", "Bos", "Mulder", "Kartosen", "van Leeuwen",
  "Hendriks", "Aydın", "Dekkers", "Peeters", "van den Heuvel", "Bouzid",
  "Verhoeven", "Koç", "Willems", "Martens", "Brouwers", "Ramdin", "van Gils",
  "Maas", "Ouali", "Schouten",
};
static const char * const staff_rows[][2] = {
  { "Sanne Hoekstra", "teacher" },
  { "Youssef Amezian", "teacher" },
  { "Marieke Dekkers", "teacher" },
  { "Joost Verbeek", "teacher" },
  { "Ingrid Smeets", "manager" },
  { "Lotte Brouwer", "intern" },
  { "Daan Kuipers", "intern" },
};
static const char * const door_notes[] = {
  "Kort bijgepraat bij het ophalen; stapje van vandaag verteld.",
  "Moeder vertelde dat het thuis beter gaat met huiswerk.",
  "Vader vroeg hoe het in de groep gaat; tip meegegeven.",
  "Compliment over de inzet van vandaag doorgegeven.",
  "Even gesproken over de ruzie op school deze week.",
  "Ouder had weinig tijd; afgesproken om te bellen.",
};
static const char * const observations[][2] = {
  { "avoiding",
    "Reageert niet op twee uitnodigingen per e-mail; belt niet terug na een voicemail." },
  { "quarrelling",
    "Ouders spraken bij het ophalen elkaar tegen over de afspraken rond het weekend." },
  { "perfectionist",
    "Vroeg bij de intake om het leerdoel ‘betere cijfers voor rekenen’ te maken." },
  { "overprotective",
    "Wil bij elke bijeenkomst blijven wachten in de gang tot het kind klaar is." },
};

/* What a coach notes after a session. */
static const char * const session_notes[][3] = {
  { "Werkte geconcentreerd aan het stapje", "Vraag het eerst aan je buurman", "Je bleef doorwerken" },
  { "Had moeite om te beginnen, daarna ging het goed", "Begin met de makkelijkste opdracht", "Je vroeg zelf om hulp" },
  { "Was onrustig na de pauze", "Neem even afstand als het te veel wordt", "Je kwam zelf terug in de groep" },
  { "Hielp een ander kind met de opdracht", "Vertel thuis wat je vandaag deed", "Je legde het goed uit" },
  { "Vertelde in de kring over het weekend", "Stel één vraag per les", "Je durfde iets te zeggen" },
};

/* What works with a child, and a small task for home. */
static const char * const handles[][2] = {
  { "Geef eerst even tijd om te beginnen; dan gaat het vanzelf",
    "Samen de agenda voor volgende week invullen" },
  { "Eén opdracht tegelijk geven werkt beter dan een lijstje",
    "Na het eten tien minuten samen lezen" },
  { "Complimenteer de inzet, niet alleen het resultaat",
    "Vertel aan tafel één ding dat goed ging vandaag" },
};

/* Goals the children chose, a parent's wish kept apart, and the steps. */
static const char * const goals[][5] = {
  { "Ik wil zelf mijn huiswerk plannen", "Betere cijfers voor rekenen",
    "Agenda elke maandag invullen", "Elke dag een half uur werken op een vaste plek",
    "Zelf een toets op tijd voorbereiden" },
  { "Ik wil rustig blijven als ik boos word", NULL,
    "Zeggen dat ik even weg wil in plaats van schreeuwen", "Drie keer per week stoppen en tellen",
    "Na een ruzie zelf het gesprek beginnen" },
  { "Ik wil iets durven zeggen in de klas", "Dat ze meer opkomt voor zichzelf",
    "Eén vraag per dag stellen aan de leerkracht", "In het kringgesprek iets vertellen",
    "Een spreekbeurt van drie minuten houden" },
  { "Ik wil op tijd op school komen", NULL,
    "Mijn tas de avond ervoor inpakken", "De wekker zelf zetten",
    "Twee weken lang elke dag op tijd" },
};

/* Development reports, in the template's plain words: what went well,
 * what was difficult, what helps at home, what comes next. */
static const char * const report_parts[][4] = {
  { "Hij begint steeds vaker zelf aan een opdracht. In de bijeenkomsten zagen we dat hij zijn agenda erbij pakt zonder dat we het vragen.",
    "Als een opdracht lang is, haakt hij af. Dan helpt het als we de opdracht samen in stukjes knippen.",
    "Vraag aan tafel wat hij vandaag als eerste gaat doen. Zo oefent hij thuis het plannen.",
    "Hij gaat oefenen met een toets voorbereiden: drie dagen van tevoren beginnen." },
  { "Ze zegt het vaker als ze boos wordt, in plaats van weg te lopen. Ze koos zelf een plek in het lokaal om even af te koelen.",
    "Na de pauze is het lastig. Dan heeft ze tijd nodig voordat ze weer kan werken.",
    "Geef haar na school eerst even rust voordat u vraagt hoe het ging.",
    "Ze gaat oefenen om na een ruzie zelf het gesprek te beginnen." },
  { "Hij durft meer. Hij stelde deze weken elke bijeenkomst minstens één vraag.",
    "In een grote groep praten vindt hij nog spannend. Hij kijkt dan eerst naar de begeleider.",
    "Laat hem thuis vertellen over zijn dag, en vraag door op wat hij zelf leuk vond.",
    "Hij gaat in het kringgesprek iets vertellen over zijn hobby." },
};

typedef struct
{
  BkStore    *store;
  GRand      *rand;
  GDateTime  *now;
  GDate       today;
  gint64      staff[G_N_ELEMENTS (staff_rows)];
  const char *stamp;
  guint       extra_contacts;
  double      two_parents;
} Demo;

static gboolean
chance (Demo   *demo,
        double  p)
{
  return g_rand_double (demo->rand) < p;
}

static const char *
pick (Demo               *demo,
      const char * const *list,
      gsize               n)
{
  return list[g_rand_int_range (demo->rand, 0, (int) n)];
}
#define PICK(demo, list) pick ((demo), (list), G_N_ELEMENTS (list))

/* Runs a cached INSERT. @format has one letter per parameter: 't' text
 * (NULL or "" binds NULL), 'i' an id (gint64; 0 binds NULL), 'n' a number
 * (gint64, bound as it is). */
static gint64
insert (Demo        *demo,
        GError     **error,
        const char  *sql,
        const char  *format,
        ...)
{
  g_autoptr (sqlite3_stmt) stmt = bk_store_prepare (demo->store, sql, error);
  va_list args;

  if (stmt == NULL)
    return 0;
  va_start (args, format);
  for (int i = 0; format[i] != '\0'; i++)
    {
      if (format[i] == 't')
        {
          const char *text = va_arg (args, const char *);
          bk_bind_text (stmt, i + 1, text && *text ? text : NULL);
        }
      else if (format[i] == 'i')
        bk_bind_id (stmt, i + 1, va_arg (args, gint64));
      else
        sqlite3_bind_int64 (stmt, i + 1, va_arg (args, gint64));
    }
  va_end (args);
  if (!bk_store_step_done (demo->store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (bk_store_get_db (demo->store));
}

static GDate
shift (const GDate *base,
       int          days)
{
  GDate d = *base;

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return d;
}

static char *
iso_days (const GDate *base,
          int          days)
{
  GDate d = shift (base, days);
  return bk_date_to_iso (&d);
}

/* A moment on @base + @days at @hour:@minute in now's time zone, as stored. */
static char *
stamp_at (Demo        *demo,
          const GDate *base,
          int          days,
          int          hour,
          int          minute)
{
  GDate d = shift (base, days);
  g_autoptr (GDateTime) local = NULL;

  local = g_date_time_new (g_date_time_get_timezone (demo->now),
                           g_date_get_year (&d), g_date_get_month (&d),
                           g_date_get_day (&d), hour, minute, 0);
  return bk_timestamp (local);
}

static gboolean
is_past (Demo        *demo,
         const GDate *base,
         int          days)
{
  GDate d = shift (base, days);
  return g_date_compare (&d, &demo->today) < 0;
}

typedef struct
{
  gint64 id;
  gint64 mother;   /* 0 when not in view */
  gint64 father;
  gint64 child;    /* the first child, for contacts */
  gint64 coach;
  gboolean wrong_email;
  gboolean at_info_evening;
  gboolean looks_at_portal;
  gboolean gets_handles;
} Family;

static gint64
contact (Demo        *demo,
         const char  *at,
         const char  *kind,
         gint64       child,
         gint64       event,
         gint64       staff,
         const char  *direction,
         const char  *form,
         gint64       depth,
         const char  *tone,
         const char  *note,
         gint64       parent_a,
         gint64       parent_b,
         GError     **error)
{
  gint64 id = insert (demo, error,
                      "INSERT INTO contacts (occurred_at, kind, child_id, event_id, staff_id,"
                      " direction, form, depth, tone, note)"
                      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                      "ttiiittntt", at, kind, child, event, staff, direction, form,
                      depth, tone, note);
  const char *link = "INSERT INTO contact_parents (contact_id, parent_id) VALUES (?1, ?2)";

  if (id == 0)
    return 0;
  if (parent_a && !insert (demo, error, link, "ii", id, parent_a))
    return 0;
  if (parent_b && !insert (demo, error, link, "ii", id, parent_b))
    return 0;
  return id;
}

static gint64
reached_parent (Demo   *demo,
                Family *f,
                double  mother_share)
{
  if (f->mother && (!f->father || chance (demo, mother_share)))
    return f->mother;
  return f->father;
}

static gboolean
add_parent (Demo        *demo,
            Family      *f,
            const char  *given,
            const char  *family_name,
            const char  *relation,
            gboolean     own_address,
            gint64      *out,
            GError     **error)
{
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;
  g_autofree char *lower = g_ascii_strdown (given, -1);
  const char *channels[] = { "phone", "email", "whatsapp", "in-person" };
  const char *levels[] = { "fluent", "fluent", "fluent", "basic", "little" };
  const char *level = PICK (demo, levels);

  email = g_strdup_printf ("%s.%u@voorbeeld.nl", lower, g_rand_int_range (demo->rand, 100, 999));
  phone = g_strdup_printf ("+316%08u", g_rand_int_range (demo->rand, 10000000, 99999999));
  if (own_address)
    address = g_strdup_printf ("%s %d, Eindhoven",
                               chance (demo, 0.5) ? "Lindenlaan" : "Kastanjestraat",
                               g_rand_int_range (demo->rand, 1, 180));

  *out = insert (demo, error,
                 "INSERT INTO parents (family_id, given_name, family_name, email, phone,"
                 " address, preferred_channel, language, dutch_level, availability, created_at)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                 "ittttttttt" "t", f->id, given, family_name, email, phone, address,
                 PICK (demo, channels), g_str_equal (level, "fluent") ? "nl" : "ar",
                 level, chance (demo, 0.4) ? "Werkt overdag; kan niet om 15:30" : "",
                 demo->stamp);
  if (*out == 0)
    return FALSE;
  return insert (demo, error,
                 "INSERT INTO parent_children (parent_id, child_id, relation) VALUES (?1, ?2, ?3)",
                 "iit", *out, f->child, relation) != 0 || TRUE;
}

/* One family with one child in @cycle; two in three have two parents in view. */
static gboolean
add_family (Demo        *demo,
            Family      *f,
            gint64       cycle,
            const GDate *start,
            GError     **error)
{
  const char *surname = PICK (demo, surnames);
  g_autofree char *family_name = g_strdup_printf ("Familie %s", surname);
  g_autofree char *birth = iso_days (start, -g_rand_int_range (demo->rand, 9 * 365, 12 * 365));
  g_autofree char *started = bk_date_to_iso (start);
  gboolean two = chance (demo, demo->two_parents);
  gboolean separated = two && chance (demo, 0.25);

  f->id = insert (demo, error,
                  "INSERT INTO families (name, separated, created_at) VALUES (?1, ?2, ?3)",
                  "tnt", family_name, (gint64) separated, demo->stamp);
  if (f->id == 0)
    return FALSE;
  f->child = insert (demo, error,
                     "INSERT INTO children (family_id, given_name, family_name, birth_date,"
                     " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                     "ittt" "t", f->id, PICK (demo, child_names), surname, birth, demo->stamp);
  if (f->child == 0)
    return FALSE;
  f->coach = demo->staff[g_rand_int_range (demo->rand, 0, 4)];
  if (!insert (demo, error,
               "INSERT INTO enrolments (child_id, cycle_id, coach_id, started_on) VALUES (?1, ?2, ?3, ?4)",
               "iiit", f->child, cycle, f->coach, started))
    return FALSE;

  if (two || chance (demo, 0.85))
    if (!add_parent (demo, f, PICK (demo, mother_names), surname, "mother", TRUE, &f->mother, error))
      return FALSE;
  if (two || f->mother == 0)
    if (!add_parent (demo, f, PICK (demo, father_names), separated ? PICK (demo, surnames) : surname,
                     "father", separated || f->mother == 0, &f->father, error))
      return FALSE;

  f->wrong_email = chance (demo, 2.0 / 9);
  f->at_info_evening = !f->wrong_email && chance (demo, 3.0 / 7);
  f->looks_at_portal = chance (demo, 5.0 / 9);
  f->gets_handles = chance (demo, 4.0 / 9);
  return TRUE;
}

static gint64
add_event (Demo        *demo,
           gint64       cycle,
           const char  *kind,
           const char  *title,
           const char  *at,
           gint64       session,
           GError     **error)
{
  return insert (demo, error,
                 "INSERT INTO events (cycle_id, kind, title, starts_at, session_no, created_at)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                 "itttit", cycle, kind, title, at, session, demo->stamp);
}

static gboolean
attend (Demo        *demo,
        gint64       event,
        gint64       parent,
        gboolean     present,
        const char  *reason,
        GError     **error)
{
  if (parent == 0)
    return TRUE;
  return insert (demo, error,
                 "INSERT INTO attendance (event_id, parent_id, present, reason) VALUES (?1, ?2, ?3, ?4)",
                 "iint", event, parent, (gint64) present, reason) != 0;
}

/* Before the start: the e-mail with the invitation, and the information evening. */
static gboolean
add_start (Demo        *demo,
           gint64       cycle,
           Family      *fams,
           guint        n,
           const GDate *start,
           GError     **error)
{
  g_autofree char *sent = iso_days (start, -21);
  g_autofree char *deadline = iso_days (start, -10);
  g_autofree char *mail_at = stamp_at (demo, start, -21, 9, 0);
  g_autofree char *evening_at = stamp_at (demo, start, -7, 19, 30);
  const char *absent_reasons[] = { "Laat aangemeld", "Laat aangemeld", "Laat aangemeld",
                                   "Geen oppas", "Werkt 's avonds" };
  gint64 evening = add_event (demo, cycle, "info-evening", "Informatieavond", evening_at, 0, error);

  if (evening == 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      Family *f = &fams[i];
      g_autofree char *confirmed = f->wrong_email || chance (demo, 0.15) ? NULL
                                   : iso_days (start, -g_rand_int_range (demo->rand, 12, 21));

      if (!insert (demo, error,
                   "INSERT INTO start_info (family_id, cycle_id, sent_on, confirmed_on, deadline)"
                   " VALUES (?1, ?2, ?3, ?4, ?5)",
                   "iittt", f->id, cycle, sent, confirmed, deadline))
        return FALSE;
      if (!contact (demo, mail_at, "email", f->child, 0, f->coach, "to-parent", "communicating", 1,
                    "neutral", f->wrong_email ? "Startmail onbestelbaar: e-mailadres klopt niet" :
                    "Startmail met uitnodiging informatieavond", f->mother, f->father, error))
        return FALSE;

      if (f->at_info_evening)
        {
          gint64 first = reached_parent (demo, f, 0.8);
          gint64 second = first != f->father && chance (demo, 0.5) ? f->father : 0;
          if (!attend (demo, evening, first, TRUE, NULL, error) ||
              (second && !attend (demo, evening, second, TRUE, NULL, error)))
            return FALSE;
        }
      else
        {
          const char *why = f->wrong_email ? "Uitnodiging niet ontvangen (verkeerd e-mailadres)"
                                           : PICK (demo, absent_reasons);
          if (!attend (demo, evening, f->mother, FALSE, why, error) ||
              !attend (demo, evening, f->father, FALSE, why, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* The mid-term meeting (week 6) and the diploma ceremony, with attendance. */
static gboolean
add_meeting (Demo        *demo,
             gint64       cycle,
             Family      *fams,
             guint        n,
             const GDate *start,
             const char  *kind,
             gint64       session,
             double       father_share,
             GError     **error)
{
  int day = (int) (session - 1) * 7;
  g_autofree char *at = stamp_at (demo, start, day, 15, 30);
  g_autofree char *contact_at = stamp_at (demo, start, day, 16, 45);
  gboolean diploma = g_str_equal (kind, "diploma");
  gint64 event = add_event (demo, cycle, kind,
                            diploma ? "Diploma-uitreiking" : "Ouderbijeenkomst (week 6)",
                            at, session, error);

  if (event == 0)
    return FALSE;
  if (!is_past (demo, start, day))
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      Family *f = &fams[i];
      gboolean mother_comes = f->mother != 0 && chance (demo, diploma ? 0.95 : 1.0);
      gboolean father_comes = f->father != 0 && (f->mother == 0 || chance (demo, father_share));

      if (!attend (demo, event, f->mother, mother_comes, NULL, error) ||
          !attend (demo, event, f->father, father_comes, NULL, error))
        return FALSE;
      if ((mother_comes || father_comes) &&
          !contact (demo, contact_at, diploma ? "activity" : "parent-meeting", f->child, event,
                    f->coach, "two-way", diploma ? "community" : "learning-at-home", 3,
                    "positive", diploma ? "Diploma-uitreiking; gastenboek getekend"
                                        : "Presentatie en spel met het kind",
                    mother_comes ? f->mother : 0, father_comes ? f->father : 0, error))
        return FALSE;
    }
  return TRUE;
}

/* Weekly touchpoints: door talks at 15:30/18:00, calls, the portal, home tasks. */
static gboolean
add_weekly (Demo        *demo,
            Family      *f,
            const GDate *start,
            guint        sessions,
            GError     **error)
{
  const char *tones[] = { "positive", "positive", "positive", "neutral", "neutral", "concern" };

  for (guint s = 1; s <= sessions; s++)
    {
      int day = (int) (s - 1) * 7;

      if (!is_past (demo, start, day))
        break;
      if (chance (demo, 0.35))
        {
          g_autofree char *at = stamp_at (demo, start, day, chance (demo, 0.5) ? 15 : 18,
                                          g_rand_int_range (demo->rand, 30, 45));
          if (!contact (demo, at, "door-talk", f->child, 0, f->coach, "two-way", "communicating",
                        2, PICK (demo, tones), PICK (demo, door_notes),
                        reached_parent (demo, f, 0.8), 0, error))
            return FALSE;
        }
      if (chance (demo, 0.12))
        {
          g_autofree char *at = stamp_at (demo, start, day + 1, 10, 0);
          if (!contact (demo, at, "phone", f->child, 0, f->coach,
                        chance (demo, 0.7) ? "two-way" : "to-parent", "communicating", 2,
                        PICK (demo, tones), "Telefonisch contact over de voortgang",
                        reached_parent (demo, f, 0.75), 0, error))
            return FALSE;
        }
      if (f->looks_at_portal && (s == 2 || chance (demo, 0.25)))
        {
          g_autofree char *at = stamp_at (demo, start, day + 2, 21, 0);
          if (!contact (demo, at, "portal-visit", f->child, 0, 0, "from-parent", "communicating",
                        1, "neutral", "Ouderportaal bekeken", reached_parent (demo, f, 0.7), 0, error))
            return FALSE;
        }
      if (f->gets_handles && s % 2 == 0 && chance (demo, 0.5))
        {
          g_autofree char *at = stamp_at (demo, start, day + 3, 19, 0);
          if (!contact (demo, at, "home-assignment", f->child, 0, f->coach, "from-parent",
                        "learning-at-home", 2, "positive",
                        "Thuisopdracht gedaan: elke dag een compliment aan zichzelf",
                        reached_parent (demo, f, 0.8), 0, error))
            return FALSE;
        }
    }
  return TRUE;
}

/* Benchmarks only: more contacts per parent, spread over the cycle. */
static gboolean
add_filler (Demo        *demo,
            Family      *f,
            const GDate *start,
            GError     **error)
{
  const char *kinds[] = { "phone", "email", "whatsapp", "door-talk" };
  const char *directions[] = { "to-parent", "from-parent", "two-way" };
  gint64 parents[2] = { f->mother, f->father };

  for (int p = 0; p < 2; p++)
    for (guint i = 0; parents[p] && i < demo->extra_contacts; i++)
      {
        g_autofree char *at = stamp_at (demo, start, g_rand_int_range (demo->rand, -20, 80), 12, 0);
        if (!contact (demo, at, PICK (demo, kinds), f->child, 0, f->coach,
                      PICK (demo, directions), "communicating", 2, "neutral", NULL,
                      parents[p], 0, error))
          return FALSE;
      }
  return TRUE;
}

static gboolean
add_observations (Demo    *demo,
                  Family  *fams,
                  guint    n,
                  GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (observations) && i * 4 < n; i++)
    {
      Family *f = &fams[i * 4 + 1 < n ? i * 4 + 1 : 0];
      g_autofree char *on = iso_days (&demo->today, -g_rand_int_range (demo->rand, 3, 40));
      gint64 parent = f->mother ? f->mother : f->father;

      if (!insert (demo, error,
                   "INSERT INTO observations (parent_id, type, behaviour, observed_on, staff_id, created_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                   "ittti" "t", parent, observations[i][0], observations[i][1], on, f->coach,
                   demo->stamp))
        return FALSE;
    }
  return TRUE;
}

/* Two in three children have a goal; the steps already behind them are
 * ticked off a week apart from the start of the cycle. Draws nothing from
 * the random sequence, so the rest of the demo stays as it was. */
static gboolean
add_goals (Demo         *demo,
           Family       *fams,
           guint         n,
           const GDate  *start,
           GError      **error)
{
  for (guint i = 0; i < n; i++)
    {
      const char * const *g = goals[i % G_N_ELEMENTS (goals)];
      gint64 goal;

      if (i % 3 == 0)
        {
          g_autofree char *made = iso_days (start, 21);
          g_autofree char *shared = iso_days (start, 22);

          if (!insert (demo, error,
                       "INSERT INTO home_handles (child_id, kind, text, created_on, shared_on)"
                       " VALUES (?1, 'handle', ?2, ?3, ?4), (?1, 'assignment', ?5, ?3, NULL)",
                       "itttt", fams[i].child, handles[i % G_N_ELEMENTS (handles)][0], made, shared,
                       handles[i % G_N_ELEMENTS (handles)][1]))
            return FALSE;
        }
      if (i % 3 == 2)
        continue;
      goal = insert (demo, error,
                     "INSERT INTO goals (child_id, cycle_id, text, chosen_with_child, parent_wish, created_on)"
                     " SELECT ?1, cycle_id, ?2, 1, ?3, started_on FROM enrolments WHERE child_id = ?1",
                     "itt", fams[i].child, g[0], g[1]);
      if (goal == 0)
        return FALSE;
      for (int k = 0; k < 3; k++)
        {
          GDate day = *start;
          g_autofree char *on = NULL;

          g_date_add_days (&day, 14 * (k + 1) + i % 5);
          if (g_date_compare (&day, &demo->today) <= 0 && (i + (guint) k) % 4 != 3)
            on = bk_date_to_iso (&day);
          if (!insert (demo, error,
                       "INSERT INTO goal_steps (goal_id, position, text, status, reached_on)"
                       " VALUES (?1, ?2, ?3, CASE WHEN ?4 IS NULL THEN 'planned' ELSE 'reached' END, ?4)",
                       "intt", goal, (gint64) (k + 1), g[k + 2], on))
            return FALSE;
        }
    }
  return TRUE;
}

/* The reports that are due by today: most are final, some still a draft
 * the week after. In a finished cycle, the goal is closed with its
 * outcome. Draws nothing at random. */
static gboolean
add_reports (Demo         *demo,
             Family       *fams,
             guint         n,
             const GDate  *start,
             GError      **error)
{
  g_autofree char *start_iso = bk_date_to_iso (start);
  g_autofree char *today = bk_date_to_iso (&demo->today);

  for (guint i = 0; i < n; i++)
    {
      const char * const *g = goals[i % G_N_ELEMENTS (goals)];
      const char * const *part = report_parts[i % G_N_ELEMENTS (report_parts)];
      g_autofree char *last_due = NULL;
      int written = 0;

      if (i % 3 == 2)
        continue;   /* no goal yet, no report yet */
      for (int number = 1; number <= 3; number++)
        {
          g_autofree char *due = bk_report_due_on ("cycle", start_iso, 11, number);
          g_autofree char *body = NULL;
          gboolean draft = (i + (guint) number) % 5 == 0;

          if (g_strcmp0 (due, today) > 0)
            break;
          body = g_strdup_printf ("Het leerdoel\n%s\n\nWat ging goed\n%s\n\nWat was moeilijk\n%s\n\n"
                                  "Wat helpt thuis\n%s\n\nVolgende stappen\n%s\n",
                                  g[0], part[0], part[1], part[2], part[3]);
          if (!insert (demo, error,
                       "INSERT INTO reports (child_id, cycle_id, number, body, status, staff_id, written_on)"
                       " SELECT ?1, cycle_id, ?2, ?3, ?4, coach_id, ?5 FROM enrolments WHERE child_id = ?1",
                       "intt" "t", fams[i].child, (gint64) number, body, draft ? "draft" : "final", due))
            return FALSE;
          g_free (last_due);
          last_due = g_steal_pointer (&due);
          written = number;
        }
      /* The cycle is over: the goal is closed with how it went. */
      if (written == 3 && g_strcmp0 (last_due, today) < 0 &&
          !insert (demo, error,
                   "UPDATE goals SET status = ?2, closed_on = ?3,"
                   " outcome_note = CASE WHEN ?2 = 'reached' THEN NULL ELSE ?4 END"
                   " WHERE child_id = ?1 AND status = 'active'",
                   "ittt", fams[i].child, i % 4 == 1 ? "partly-reached" : "reached", last_due,
                   "De eerste twee stapjes lukten; het laatste oefent het kind thuis verder."))
        return FALSE;
    }
  return TRUE;
}

/* The first coach held a conversation with every third family of the two
 * latest cycles, a week apart, looked back on each (scores that grow over
 * the weeks), and agreed one thing with the mother. Draws nothing at
 * random. */
static gboolean
add_conversations (Demo        *demo,
                   Family      *fams,
                   guint        n,
                   const GDate *start,
                   gboolean     latest,
                   GError     **error)
{
  g_autofree char *today = bk_date_to_iso (&demo->today);

  for (guint i = 0, k = 0; i < n; i += 3, k++)
    {
      g_autofree char *day = iso_days (start, 7 * (int) (1 + k % 8));
      g_autofree char *held_at = g_strconcat (day, "T14:30:00Z", NULL);
      g_autofree char *due = iso_days (start, 7 * (int) (2 + k % 8));
      gint64 conversation;
      /* A coach grows: higher in the latest cycle, and week by week. */
      gint64 base = 2 + (latest ? 1 : 0) + (gint64) (k % 8) / 4;

      if (g_strcmp0 (day, today) > 0)
        continue;
      conversation = insert (demo, error,
        "INSERT INTO conversations (kind, child_id, staff_id, status, held_at, purpose, notes, created_at)"
        " VALUES ('informal', ?1, ?2, 'held', ?3, 'Kennismaken en horen wat thuis werkt',"
        "  'Moeder vertelt dat haar kind thuis het best werkt na het eten.', ?4)",
        "iitt", fams[i].child, demo->staff[0], held_at, demo->stamp);
      if (conversation == 0 ||
          (fams[i].mother != 0 &&
           !insert (demo, error,
                    "INSERT INTO conversation_participants (conversation_id, role, parent_id) VALUES (?1, 'parent', ?2)",
                    "ii", conversation, fams[i].mother)) ||
          !insert (demo, error,
                   "INSERT INTO agreements (conversation_id, child_id, text, owner, due_on, created_at)"
                   " VALUES (?1, ?2, 'Samen de agenda voor volgende week invullen', 'Moeder', ?3, ?4)",
                   "iitt", conversation, fams[i].child, due, demo->stamp) ||
          /* Kept, except the latest: those are due about now. */
          !insert (demo, error,
                   "UPDATE agreements SET done_on = due_on WHERE conversation_id = ?1 AND due_on < date (?2, '-3 days')",
                   "it", conversation, today) ||
          !insert (demo, error,
                   "INSERT INTO self_checks (conversation_id, staff_id, genuineness, respect, listening,"
                   " summarising, asking_further, transparency, reflection, created_at)"
                   " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'Ik liet de moeder meer aan het woord.', ?9)",
                   "iinnnnnnt", conversation, demo->staff[0], MIN (5, base + 1), MIN (5, base + 2), base,
                   base, MIN (5, base + (gint64) (k % 2)), MIN (5, base + 1), held_at))
        return FALSE;
    }
  return TRUE;
}

/* Every session held so far has an entry for each child: now and then
 * absent, otherwise how it went, the child's face for the day (mostly
 * good), a tip and a top. Like the goals, draws nothing at random. */
static gboolean
add_sessions (Demo         *demo,
              Family       *fams,
              guint         n,
              gint64        cycle,
              const GDate  *start,
              int           session_count,
              GError      **error)
{
  for (int s = 1; s <= session_count; s++)
    {
      GDate day = *start;
      g_autofree char *held = NULL;

      g_date_add_days (&day, 7 * (guint) (s - 1));
      if (g_date_compare (&day, &demo->today) > 0)
        break;
      held = bk_date_to_iso (&day);
      for (guint i = 0; i < n; i++)
        {
          const char * const *note = session_notes[(i + (guint) s) % G_N_ELEMENTS (session_notes)];
          gboolean absent = (i * 7 + (guint) s * 3) % 11 == 0;

          if (insert (demo, error,
                      "INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, absent, step_id,"
                      " how_worked, day_rating, tip, top, staff_id)"
                      " VALUES (?1, ?2, ?3, ?4, ?5,"
                      "  (SELECT st.id FROM goal_steps st JOIN goals g ON g.id = st.goal_id"
                      "   WHERE g.child_id = ?1 AND st.position = 1 + (?3 - 1) / 4 AND ?5 = 0),"
                      "  ?6, ?7, ?8, ?9, ?10)",
                      "iintn" "titti", fams[i].child, cycle, (gint64) s, held, (gint64) absent,
                      absent ? NULL : note[0], absent ? (gint64) 0 : (gint64) (2 + (i + (guint) s) % 4),
                      absent ? NULL : note[1], absent ? NULL : note[2], fams[i].coach) == 0)
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_cycle (Demo             *demo,
           guint             index,
           const BkDemoSize *size,
           GError          **error)
{
  g_autofree Family *fams = g_new0 (Family, size->children_per_cycle);
  g_autofree char *name = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *end_iso = NULL;
  GDate start = demo->today;
  int weeks_back = 7 + 13 * (int) (index % 20);
  gint64 cycle;

  /* Sessions fall on Wednesdays; cycle 0 is in its 8th week now. */
  g_date_subtract_days (&start, weeks_back * 7);
  while (g_date_get_weekday (&start) != G_DATE_WEDNESDAY)
    g_date_subtract_days (&start, 1);
  start_iso = bk_date_to_iso (&start);
  end_iso = iso_days (&start, 77);
  if (index < 20)
    name = g_strdup_printf ("Traject %s %d",
                            g_date_get_month (&start) >= 8 ? "najaar" :
                            g_date_get_month (&start) >= 4 ? "voorjaar" : "winter",
                            g_date_get_year (&start));
  else
    name = g_strdup_printf ("Traject %u", index + 1);

  cycle = insert (demo, error,
                  "INSERT INTO cycles (kind, name, start_date, end_date, session_count, created_at)"
                  " VALUES ('cycle', ?1, ?2, ?3, 11, ?4)",
                  "tttt", name, start_iso, end_iso, demo->stamp);
  if (cycle == 0)
    return FALSE;

  for (guint i = 0; i < size->children_per_cycle; i++)
    if (!add_family (demo, &fams[i], cycle, &start, error))
      return FALSE;

  if (!add_start (demo, cycle, fams, size->children_per_cycle, &start, error) ||
      !add_meeting (demo, cycle, fams, size->children_per_cycle, &start, "parent-meeting", 6, 0.55, error) ||
      !add_meeting (demo, cycle, fams, size->children_per_cycle, &start, "diploma", 12, 0.6, error) ||
      !add_observations (demo, fams, size->children_per_cycle, error) ||
      !add_goals (demo, fams, size->children_per_cycle, &start, error) ||
      !add_sessions (demo, fams, size->children_per_cycle, cycle, &start, 11, error) ||
      !add_reports (demo, fams, size->children_per_cycle, &start, error) ||
      (index < 2 && !add_conversations (demo, fams, size->children_per_cycle, &start, index == 0, error)))
    return FALSE;

  for (guint i = 0; i < size->children_per_cycle; i++)
    if (!add_weekly (demo, &fams[i], &start, 11, error) ||
        !add_filler (demo, &fams[i], &start, error))
      return FALSE;
  return TRUE;
}

/**
 * bk_demo_fill:
 * @size: how many cycles, children and extra contacts
 * @now: today for the demo: cycles are placed relative to it
 *
 * Fills an empty store with invented staff, cycles, families, contacts and
 * attendance, in one transaction.
 */
gboolean
bk_demo_fill (BkStore          *store,
              const BkDemoSize *size,
              GDateTime        *now,
              GError          **error)
{
  g_autofree char *stamp = bk_timestamp (now);
  Demo demo = { store, g_rand_new_with_seed (2016), now };
  gboolean ok = TRUE;

  demo.stamp = stamp;
  demo.extra_contacts = size->extra_contacts;
  demo.two_parents = size->two_parents;
  bk_date_from_datetime (now, &demo.today);

  if (!bk_store_begin (store, error))
    {
      g_rand_free (demo.rand);
      return FALSE;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (staff_rows); i++)
    {
      demo.staff[i] = insert (&demo, error,
                              "INSERT INTO staff (name, role, created_at) VALUES (?1, ?2, ?3)",
                              "ttt", staff_rows[i][0], staff_rows[i][1], stamp);
      ok = demo.staff[i] != 0;
    }
  for (guint c = 0; ok && c < size->n_cycles; c++)
    ok = add_cycle (&demo, c, size, error);

  g_rand_free (demo.rand);
  if (!ok || !bk_store_commit (store, error))
    {
      bk_store_rollback (store);
      return FALSE;
    }
  bk_store_emit_changed (store, "*", 0);
  return TRUE;
}
