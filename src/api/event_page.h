// Event (对接会、路演与年会) pages as the server writes them for readers without JavaScript and
// for search engines (docs/pages.md, docs/events.md).
#pragma once

#include <cstdint>
#include <vector>

#include "api/page_html.h"
#include "core/event.h"
#include "service/events.h"

namespace kc::api {

// A published or cancelled event's page: kind, title, the time in Asia/Shanghai with the zone
// named, venue and online link (http(s) only), organiser (a link), seats, the description, the
// presented listings as links, a link to its calendar file, and — once the event is over at
// `now` — the deals opened from its listings; schema.org Event JSON-LD (eventStatus,
// eventAttendanceMode, location, organizer, maximumAttendeeCapacity).
PageContent EventPage(const EventView& view, const PageText& text, std::string_view language,
                      std::string_view base_url, int64_t now);

// A page of events, each a link with its time and place: those whose title or venue has the
// words `q` ("" for all), of the events not yet over (`upcoming`) or of all, latest first. With
// a search box, page links and a link to the other list that keep both, and the calendar feed.
PageContent EventListPage(const std::vector<Event>& events, int64_t total, int64_t page,
                          int64_t size, bool upcoming, std::string_view q, const PageText& text,
                          std::string_view language);

}  // namespace kc::api
