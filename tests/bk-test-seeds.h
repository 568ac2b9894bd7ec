/* bk-test-seeds.h
 * Seeds shared by more than one test.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Zoë, of separated parents: her goal with a step reached, a session with
 * a tip and a top, an open and a done agreement, a phone call with her
 * mother, and an observation of her father. Bram has nothing recorded. */
#define BK_TEST_SEED_PREPARATION \
  "INSERT INTO staff (id, name, role, created_at) VALUES (1, 'Sanne Hoekstra', 'teacher', 'x');" \
  "INSERT INTO families (id, name, separated, created_at) VALUES (1, 'Familie de Vries', 1, 'x');" \
  "INSERT INTO cycles (id, name, start_date, created_at) VALUES (1, 'Traject najaar 2026', '2026-10-07', 'x');" \
  "INSERT INTO children (id, family_id, given_name, family_name, created_at, updated_at) VALUES" \
  " (1, 1, 'Zoë', 'de Vries', 'x', 'x'), (2, NULL, 'Bram', 'Jansen', 'x', 'x');" \
  "INSERT INTO enrolments (child_id, cycle_id, started_on) VALUES (1, 1, '2026-10-07');" \
  "INSERT INTO goals (id, child_id, cycle_id, text, created_on) VALUES (1, 1, 1, 'Ik vraag hulp als ik vastloop', '2026-10-07');" \
  "INSERT INTO goal_steps (goal_id, position, text, status, reached_on) VALUES" \
  " (1, 1, 'Mijn hand opsteken', 'reached', '2026-10-21'), (1, 2, 'Zelf naar de juf lopen', 'planned', NULL);" \
  "INSERT INTO session_entries (child_id, cycle_id, session_no, held_on, how_worked, tip, top) VALUES" \
  " (1, 1, 7, '2026-11-18', 'Rustig', 'Vraag het eerst aan je buurman', 'Je bleef doorwerken');" \
  "INSERT INTO parents (id, family_id, given_name, family_name, preferred_channel, language, dutch_level, created_at) VALUES" \
  " (1, 1, 'Sandra', 'de Vries', 'whatsapp', NULL, NULL, 'x'), (2, 1, 'Mark', 'Bakker', NULL, 'Pools', 'basic', 'x');" \
  "INSERT INTO parent_children (parent_id, child_id, relation) VALUES (1, 1, 'mother'), (2, 1, 'father');" \
  "INSERT INTO contacts (id, occurred_at, kind, child_id, direction, form, depth, tone) VALUES" \
  " (1, '2026-11-12T09:15:00Z', 'phone', 1, 'two-way', 'communicating', 2, 'positive');" \
  "INSERT INTO contact_parents (contact_id, parent_id) VALUES (1, 1);" \
  "INSERT INTO conversations (id, kind, child_id, status, held_at, created_at) VALUES" \
  " (1, 'mid-term', 1, 'held', '2026-11-11T14:00:00Z', 'x');" \
  "INSERT INTO agreements (conversation_id, child_id, text, owner, due_on, done_on, created_at) VALUES" \
  " (1, 1, 'Moeder belt de juf over het huiswerk', 'Sandra', '2026-12-01', NULL, 'x')," \
  " (1, 1, 'Samen de agenda invullen', 'Zoë', '2026-11-15', '2026-11-15', 'x');" \
  "INSERT INTO observations (parent_id, type, behaviour, observed_on, staff_id, created_at) VALUES" \
  " (2, 'avoiding', 'Reageert niet op twee uitnodigingen', '2026-11-02', 1, 'x');"
