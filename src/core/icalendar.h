// iCalendar (RFC 5545) text: the calendar file of an event and the feed of upcoming events
// (docs/events.md). Pure: the caller gives every value, including the time stamp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kc {

// One VEVENT. Times are seconds since the epoch, written in UTC ("20260506T010000Z").
struct CalendarEvent {
  std::string uid;  // globally unique and stable, e.g. "event-17@kechuang.example.org"
  int64_t starts_at = 0;
  int64_t ends_at = 0;
  int64_t modified_at = 0;  // LAST-MODIFIED
  std::string summary;
  std::string description;
  std::string location;
  std::string url;         // empty: no URL property
  bool cancelled = false;  // STATUS:CANCELLED, else STATUS:CONFIRMED
};

// A whole VCALENDAR (PRODID, VERSION 2.0, METHOD PUBLISH, the calendar's name as X-WR-CALNAME)
// holding `events`, each stamped DTSTAMP `now`. Lines end in CRLF and are folded at 75 octets.
std::string WriteCalendar(std::string_view name, const std::vector<CalendarEvent>& events,
                          int64_t now);

// A TEXT value escaped (RFC 5545 §3.3.11): backslash, ';' and ',' get a backslash, a line
// break becomes "\n" (CR LF, CR or LF alike), other control characters are dropped.
std::string EscapeCalendarText(std::string_view text);

// A content line (without its line break) folded (§3.1): at most 75 octets per physical line,
// each continuation starting with one space, never inside a UTF-8 sequence; lines are joined
// with CRLF and the result ends with CRLF.
std::string FoldCalendarLine(std::string_view line);

// "20260506T010000Z".
std::string CalendarTime(int64_t epoch_seconds);

}  // namespace kc
