#include "service/event_calendar.h"

#include "core/icalendar.h"

namespace kc {

namespace {

// "example.org:8080" of "https://example.org:8080/…".
std::string HostOf(const std::string& base_url) {
  std::string host = base_url;
  if (auto scheme = host.find("://"); scheme != std::string::npos) host.erase(0, scheme + 3);
  if (auto path = host.find('/'); path != std::string::npos) host.erase(path);
  return host.empty() ? "localhost" : host;
}

}  // namespace

std::string EventCalendar(const std::vector<Event>& events, const CalendarInfo& info) {
  const std::string host = HostOf(info.base_url);
  std::vector<CalendarEvent> out;
  out.reserve(events.size());
  for (const Event& e : events) {
    CalendarEvent c;
    c.uid = "event-" + std::to_string(e.id) + "@" + host;
    c.starts_at = e.starts_at;
    c.ends_at = e.ends_at;
    c.modified_at = e.updated_at;
    c.summary = e.title;
    c.description = e.description;
    if (!e.online_url.empty()) {
      c.description += (c.description.empty() ? "" : "\n\n") + e.online_url;
    }
    c.location = e.venue.empty() ? e.online_url : e.venue;
    c.url = info.base_url + "/events/" + std::to_string(e.id);
    c.cancelled = e.status == EventStatus::kCancelled;
    out.push_back(std::move(c));
  }
  return WriteCalendar(info.name, out, info.now);
}

}  // namespace kc
