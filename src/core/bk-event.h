/* bk-event.h
 * Events of a cycle (information evening, parent meeting, ...) and who came.
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "bk-store.h"

G_BEGIN_DECLS

#define BK_TYPE_EVENT (bk_event_get_type ())
G_DECLARE_FINAL_TYPE (BkEvent, bk_event, BK, EVENT, GObject)

#define BK_TYPE_ATTENDEE (bk_attendee_get_type ())
G_DECLARE_FINAL_TYPE (BkAttendee, bk_attendee, BK, ATTENDEE, GObject)

gint64      bk_event_get_id          (BkEvent *self);
const char *bk_event_get_title       (BkEvent *self);
const char *bk_event_get_label       (BkEvent *self);
const char *bk_event_get_starts_at   (BkEvent *self);

gint64      bk_attendee_get_parent_id (BkAttendee *self);
const char *bk_attendee_get_name      (BkAttendee *self);
const char *bk_attendee_get_children  (BkAttendee *self);
gboolean    bk_attendee_get_present   (BkAttendee *self);
void        bk_attendee_set_present   (BkAttendee *self,
                                       gboolean    present);

GListStore *bk_event_load_held       (BkStore     *store,
                                      GDateTime   *now,
                                      GError     **error);
GListStore *bk_event_load_sheet      (BkStore     *store,
                                      gint64       event_id,
                                      GError     **error);
gboolean    bk_event_save_attendance (BkStore     *store,
                                      gint64       event_id,
                                      GListModel  *sheet,
                                      gint64       staff_id,
                                      GDateTime   *now,
                                      GError     **error);

G_END_DECLS
