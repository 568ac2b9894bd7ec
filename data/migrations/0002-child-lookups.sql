-- 0002-child-lookups.sql
-- Looking things up by child: the children list shows each child's latest
-- goal in its cycle (active or closed) and searches its text, and the
-- child's timeline reads its handles and placements.
-- SPDX-License-Identifier: GPL-3.0-or-later
CREATE INDEX goals_child ON goals (child_id, cycle_id, id);
CREATE INDEX home_handles_child ON home_handles (child_id);
CREATE INDEX enrolments_child ON enrolments (child_id, started_on);
