-- 0001-initial.sql
-- The whole domain of DOMAIN.md, first version. Never edit once landed: fix
-- forward with 0002. Dates are 'YYYY-MM-DD', times ISO 8601 UTC text.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Staff: teachers, interns, managers. An intern sees training only.
CREATE TABLE staff (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  role        TEXT NOT NULL DEFAULT 'teacher'
              CHECK (role IN ('teacher', 'intern', 'manager')),
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL
) STRICT;

-- A cycle (traject of N weekly sessions, learning centre) or a living group
-- (leefgroep, boarding school) for one school year.
CREATE TABLE cycles (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL DEFAULT 'cycle' CHECK (kind IN ('cycle', 'living-group')),
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  start_date     TEXT NOT NULL,
  end_date       TEXT,
  session_count  INTEGER NOT NULL DEFAULT 11 CHECK (session_count BETWEEN 1 AND 52),
  school_year    TEXT,
  created_at     TEXT NOT NULL
) STRICT;

-- Fixed involvement moments and activities of a cycle: start e-mail,
-- information evening, mid-term parent meeting, diploma ceremony, open day...
CREATE TABLE events (
  id          INTEGER PRIMARY KEY,
  cycle_id    INTEGER REFERENCES cycles (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('start-email', 'info-evening',
                'parent-meeting', 'diploma', 'activity', 'open-day', 'other')),
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  starts_at   TEXT NOT NULL,
  session_no  INTEGER,
  created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX events_cycle ON events (cycle_id, starts_at);

-- A family: the children and the adults around them. Separated parents
-- stay in one family (each with their own address on their parent row).
CREATE TABLE families (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  separated   INTEGER NOT NULL DEFAULT 0 CHECK (separated IN (0, 1)),
  note        TEXT CHECK (note IS NULL OR length(note) <= 2000),
  created_at  TEXT NOT NULL,
  deleted_at  TEXT
) STRICT;

CREATE TABLE children (
  id           INTEGER PRIMARY KEY,
  family_id    INTEGER REFERENCES families (id) ON DELETE CASCADE,
  given_name   TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 80),
  family_name  TEXT NOT NULL DEFAULT '' CHECK (length(family_name) <= 80),
  birth_date   TEXT,
  note         TEXT CHECK (note IS NULL OR length(note) <= 2000),
  left_on      TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  -- set while an undo toast is showing; purged for real afterwards
  deleted_at   TEXT
) STRICT;
CREATE INDEX children_family ON children (family_id);
-- The children list is read in this order at every start.
CREATE INDEX children_by_name ON children (given_name COLLATE NOCASE,
  family_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;

-- A child's placement in a cycle or group, with its coach. A child can move
-- or repeat: then the old enrolment ends and a new one starts.
CREATE TABLE enrolments (
  id          INTEGER PRIMARY KEY,
  child_id    INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
  cycle_id    INTEGER NOT NULL REFERENCES cycles (id) ON DELETE RESTRICT,
  coach_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  started_on  TEXT NOT NULL,
  ended_on    TEXT,
  outcome     TEXT CHECK (outcome IS NULL OR outcome IN
                ('completed', 'moved', 'repeating', 'left'))
) STRICT;
CREATE UNIQUE INDEX enrolments_one_open ON enrolments (child_id) WHERE ended_on IS NULL;
CREATE INDEX enrolments_cycle ON enrolments (cycle_id);

-- The learning goal, chosen by the child with its coach. A parent's wish is
-- kept apart and never silently becomes the goal.
CREATE TABLE goals (
  id                  INTEGER PRIMARY KEY,
  child_id            INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
  cycle_id            INTEGER NOT NULL REFERENCES cycles (id) ON DELETE RESTRICT,
  text                TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  chosen_with_child   INTEGER NOT NULL DEFAULT 1 CHECK (chosen_with_child IN (0, 1)),
  parent_wish         TEXT CHECK (parent_wish IS NULL OR length(parent_wish) <= 500),
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN
                        ('active', 'reached', 'partly-reached', 'not-reached', 'stopped')),
  outcome_note        TEXT CHECK (outcome_note IS NULL OR length(outcome_note) <= 2000),
  created_on          TEXT NOT NULL,
  closed_on           TEXT
) STRICT;
CREATE UNIQUE INDEX goals_one_active ON goals (child_id, cycle_id) WHERE status = 'active';

-- Steps (stapjes) towards the goal, in order.
CREATE TABLE goal_steps (
  id          INTEGER PRIMARY KEY,
  goal_id     INTEGER NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
  status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'working', 'reached')),
  reached_on  TEXT,
  UNIQUE (goal_id, position)
) STRICT;

-- What happened for one child in one session. Absence is a row with
-- absent = 1, never an empty entry.
CREATE TABLE session_entries (
  id          INTEGER PRIMARY KEY,
  child_id    INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
  cycle_id    INTEGER NOT NULL REFERENCES cycles (id) ON DELETE RESTRICT,
  session_no  INTEGER NOT NULL CHECK (session_no >= 1),
  held_on     TEXT NOT NULL,
  absent      INTEGER NOT NULL DEFAULT 0 CHECK (absent IN (0, 1)),
  step_id     INTEGER REFERENCES goal_steps (id) ON DELETE SET NULL,
  how_worked  TEXT CHECK (how_worked IS NULL OR length(how_worked) <= 1000),
  day_rating  INTEGER CHECK (day_rating IS NULL OR day_rating BETWEEN 1 AND 5),
  tip         TEXT CHECK (tip IS NULL OR length(tip) <= 500),
  top         TEXT CHECK (top IS NULL OR length(top) <= 500),
  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  UNIQUE (child_id, cycle_id, session_no)
) STRICT;

-- Development reports (ontwikkelingsverslag), three per cycle.
CREATE TABLE reports (
  id          INTEGER PRIMARY KEY,
  child_id    INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
  cycle_id    INTEGER NOT NULL REFERENCES cycles (id) ON DELETE RESTRICT,
  number      INTEGER NOT NULL CHECK (number BETWEEN 1 AND 3),
  body        TEXT NOT NULL DEFAULT '' CHECK (length(body) <= 20000),
  status      TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  written_on  TEXT NOT NULL,
  UNIQUE (child_id, cycle_id, number)
) STRICT;

-- Handles for home (handvatten) and small home assignments.
CREATE TABLE home_handles (
  id          INTEGER PRIMARY KEY,
  child_id    INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL DEFAULT 'handle' CHECK (kind IN ('handle', 'assignment')),
  text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  created_on  TEXT NOT NULL,
  shared_on   TEXT
) STRICT;

-- Parents and guardians. Contact details are per parent so that separated
-- parents each keep their own.
CREATE TABLE parents (
  id                 INTEGER PRIMARY KEY,
  family_id          INTEGER REFERENCES families (id) ON DELETE CASCADE,
  given_name         TEXT NOT NULL CHECK (length(given_name) BETWEEN 1 AND 80),
  family_name        TEXT NOT NULL DEFAULT '' CHECK (length(family_name) <= 80),
  email              TEXT CHECK (email IS NULL OR length(email) <= 254),
  phone              TEXT CHECK (phone IS NULL OR length(phone) <= 20),
  address            TEXT CHECK (address IS NULL OR length(address) <= 300),
  preferred_channel  TEXT CHECK (preferred_channel IS NULL OR preferred_channel IN
                       ('phone', 'email', 'whatsapp', 'letter', 'in-person')),
  language           TEXT,
  dutch_level        TEXT CHECK (dutch_level IS NULL OR dutch_level IN
                       ('fluent', 'basic', 'little', 'none')),
  availability       TEXT CHECK (availability IS NULL OR length(availability) <= 300),
  created_at         TEXT NOT NULL,
  deleted_at         TEXT
) STRICT;
CREATE INDEX parents_family ON parents (family_id);
CREATE INDEX parents_by_name ON parents (given_name COLLATE NOCASE,
  family_name COLLATE NOCASE, id) WHERE deleted_at IS NULL;

-- Which adult stands in which relation to which child (siblings share parents).
CREATE TABLE parent_children (
  parent_id  INTEGER NOT NULL REFERENCES parents (id) ON DELETE CASCADE,
  child_id   INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
  relation   TEXT NOT NULL CHECK (relation IN ('mother', 'father', 'step-parent',
               'foster-parent', 'grandparent', 'guardian', 'other')),
  PRIMARY KEY (parent_id, child_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX parent_children_child ON parent_children (child_id);

-- Start information per family and cycle: sent, confirmed, by when.
CREATE TABLE start_info (
  family_id     INTEGER NOT NULL REFERENCES families (id) ON DELETE CASCADE,
  cycle_id      INTEGER NOT NULL REFERENCES cycles (id) ON DELETE CASCADE,
  sent_on       TEXT,
  confirmed_on  TEXT,
  deadline      TEXT,
  PRIMARY KEY (family_id, cycle_id)
) STRICT;

-- Every touchpoint with parents. depth: 1 one-way, 2 two-way, 3 together.
CREATE TABLE contacts (
  id          INTEGER PRIMARY KEY,
  occurred_at TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('info-evening', 'parent-meeting',
                'door-talk', 'phone', 'email', 'whatsapp', 'home-visit',
                'portal-visit', 'home-assignment', 'volunteering', 'activity',
                'conversation', 'letter', 'other')),
  child_id    INTEGER REFERENCES children (id) ON DELETE CASCADE,
  event_id    INTEGER REFERENCES events (id) ON DELETE SET NULL,
  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  direction   TEXT NOT NULL CHECK (direction IN ('to-parent', 'from-parent', 'two-way')),
  form        TEXT NOT NULL CHECK (form IN ('parenting', 'communicating',
                'volunteering', 'learning-at-home', 'decision-making', 'community')),
  depth       INTEGER NOT NULL CHECK (depth BETWEEN 1 AND 3),
  tone        TEXT NOT NULL DEFAULT 'neutral' CHECK (tone IN ('positive', 'neutral', 'concern')),
  note        TEXT CHECK (note IS NULL OR length(note) <= 2000)
) STRICT;
CREATE INDEX contacts_time ON contacts (occurred_at);
CREATE INDEX contacts_child ON contacts (child_id);

CREATE TABLE contact_parents (
  contact_id  INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  parent_id   INTEGER NOT NULL REFERENCES parents (id) ON DELETE CASCADE,
  PRIMARY KEY (contact_id, parent_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_parents_parent ON contact_parents (parent_id, contact_id);

-- Who was invited to an event and whether they came.
CREATE TABLE attendance (
  event_id   INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  parent_id  INTEGER NOT NULL REFERENCES parents (id) ON DELETE CASCADE,
  present    INTEGER NOT NULL CHECK (present IN (0, 1)),
  reason     TEXT CHECK (reason IS NULL OR length(reason) <= 300),
  PRIMARY KEY (event_id, parent_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_parent ON attendance (parent_id);

-- Parent-type observations (Wolf 2006): dated, by a named staff member, with
-- the behaviour seen. Internal working material, never on parent letters.
-- A revision points at the observation it replaces; retraction keeps history.
CREATE TABLE observations (
  id            INTEGER PRIMARY KEY,
  parent_id     INTEGER NOT NULL REFERENCES parents (id) ON DELETE CASCADE,
  type          TEXT NOT NULL CHECK (type IN ('non-cooperating', 'overprotective',
                  'avoiding', 'neglecting', 'perfectionist', 'dissatisfied',
                  'quarrelling')),
  behaviour     TEXT NOT NULL CHECK (length(behaviour) BETWEEN 1 AND 2000),
  observed_on   TEXT NOT NULL,
  staff_id      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  replaces_id   INTEGER REFERENCES observations (id) ON DELETE SET NULL,
  retracted_on  TEXT,
  retract_note  TEXT CHECK (retract_note IS NULL OR length(retract_note) <= 1000),
  created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX observations_parent ON observations (parent_id);

-- Parent conversations: prepared, held, followed up.
CREATE TABLE conversations (
  id               INTEGER PRIMARY KEY,
  kind             TEXT NOT NULL CHECK (kind IN ('intake', 'informal', 'mid-term',
                     'phone', 'home-visit', 'closing', 'after-care')),
  child_id         INTEGER REFERENCES children (id) ON DELETE CASCADE,
  staff_id         INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  status           TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  planned_at       TEXT,
  held_at          TEXT,
  purpose          TEXT CHECK (purpose IS NULL OR length(purpose) <= 2000),
  agenda           TEXT CHECK (agenda IS NULL OR length(agenda) <= 4000),
  questions        TEXT CHECK (questions IS NULL OR length(questions) <= 4000),
  positive_opener  TEXT CHECK (positive_opener IS NULL OR length(positive_opener) <= 1000),
  notes            TEXT CHECK (notes IS NULL OR length(notes) <= 20000),
  next_contact_on  TEXT,
  created_at       TEXT NOT NULL
) STRICT;
CREATE INDEX conversations_child ON conversations (child_id);

CREATE TABLE conversation_participants (
  id               INTEGER PRIMARY KEY,
  conversation_id  INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,
  role             TEXT NOT NULL CHECK (role IN ('parent', 'staff', 'interpreter', 'other')),
  parent_id        INTEGER REFERENCES parents (id) ON DELETE CASCADE,
  staff_id         INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  name             TEXT CHECK (name IS NULL OR length(name) <= 120)
) STRICT;

-- Agreements: who does what by when.
CREATE TABLE agreements (
  id               INTEGER PRIMARY KEY,
  conversation_id  INTEGER REFERENCES conversations (id) ON DELETE CASCADE,
  child_id         INTEGER REFERENCES children (id) ON DELETE CASCADE,
  text             TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
  owner            TEXT NOT NULL CHECK (length(owner) BETWEEN 1 AND 120),
  due_on           TEXT NOT NULL,
  done_on          TEXT,
  created_at       TEXT NOT NULL
) STRICT;

-- A staff member's self-check after a conversation (1-5 each).
CREATE TABLE self_checks (
  conversation_id  INTEGER PRIMARY KEY REFERENCES conversations (id) ON DELETE CASCADE,
  staff_id         INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  genuineness      INTEGER NOT NULL CHECK (genuineness BETWEEN 1 AND 5),
  respect          INTEGER NOT NULL CHECK (respect BETWEEN 1 AND 5),
  listening        INTEGER NOT NULL CHECK (listening BETWEEN 1 AND 5),
  summarising      INTEGER NOT NULL CHECK (summarising BETWEEN 1 AND 5),
  asking_further   INTEGER NOT NULL CHECK (asking_further BETWEEN 1 AND 5),
  transparency     INTEGER NOT NULL CHECK (transparency BETWEEN 1 AND 5),
  reflection       TEXT CHECK (reflection IS NULL OR length(reflection) <= 2000),
  created_at       TEXT NOT NULL
) STRICT;

-- Plain-language summaries of information evenings and parent meetings.
CREATE TABLE summaries (
  id          INTEGER PRIMARY KEY,
  event_id    INTEGER REFERENCES events (id) ON DELETE SET NULL,
  cycle_id    INTEGER REFERENCES cycles (id) ON DELETE CASCADE,
  title       TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
  written_on  TEXT NOT NULL,
  sent_on     TEXT
) STRICT;

-- Role-play practice runs of interns, and their mentors' comments.
CREATE TABLE practice_runs (
  id                INTEGER PRIMARY KEY,
  staff_id          INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  scenario_id       TEXT NOT NULL,
  scenario_version  INTEGER NOT NULL DEFAULT 1,
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  path              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(path)),
  scores            TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(scores)),
  reflection        TEXT CHECK (reflection IS NULL OR length(reflection) <= 4000)
) STRICT;
CREATE INDEX practice_runs_staff ON practice_runs (staff_id, started_at);

CREATE TABLE practice_comments (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES practice_runs (id) ON DELETE CASCADE,
  staff_id    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  body        TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at  TEXT NOT NULL
) STRICT;

-- Reminder state: what was snoozed, done or already notified, by rule key.
CREATE TABLE reminder_state (
  key            TEXT PRIMARY KEY,
  snoozed_until  TEXT,
  done_at        TEXT,
  notified_at    TEXT
) STRICT, WITHOUT ROWID;
