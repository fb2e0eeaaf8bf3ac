// Events as iCalendar (RFC 5545): the file of one event and the feed of upcoming events, for
// calendar applications (docs/events.md).
#pragma once

#include <string>
#include <vector>

#include "core/event.h"

namespace kc {

struct CalendarInfo {
  std::string base_url;  // "https://example.org", no trailing slash; links and UIDs use it
  std::string name;      // the calendar's name
  int64_t now = 0;       // DTSTAMP
};

// A VCALENDAR of `events`: each a VEVENT with UID "event-{id}@{host of base_url}", its times in
// UTC, the title as SUMMARY, the description (and the online link) as DESCRIPTION, the venue
// (or, online only, the link) as LOCATION, base_url + "/events/{id}" as URL, and STATUS
// CANCELLED for a cancelled event.
std::string EventCalendar(const std::vector<Event>& events, const CalendarInfo& info);

}  // namespace kc
