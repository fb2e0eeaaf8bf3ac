#include "core/icalendar.h"

#include <ctime>

namespace kc {

namespace {

constexpr size_t kLineOctets = 75;

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

std::string EscapeCalendarText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      continue;  // control characters are not allowed in TEXT
    } else {
      out += c;
    }
  }
  return out;
}

std::string FoldCalendarLine(std::string_view line) {
  std::string out;
  size_t limit = kLineOctets;  // the first line has 75 octets; the others 74 after their space
  while (line.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && IsContinuation(static_cast<unsigned char>(line[cut]))) --cut;
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = kLineOctets - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string CalendarTime(int64_t epoch_seconds) {
  std::time_t t = static_cast<std::time_t>(epoch_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[20];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

std::string WriteCalendar(std::string_view name, const std::vector<CalendarEvent>& events,
                          int64_t now) {
  std::string out;
  auto line = [&out](std::string_view text) { out += FoldCalendarLine(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//Kechuang//Events//ZH");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + EscapeCalendarText(name));
  const std::string stamp = CalendarTime(now);
  for (const CalendarEvent& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + EscapeCalendarText(e.uid));
    line("DTSTAMP:" + stamp);
    line("DTSTART:" + CalendarTime(e.starts_at));
    line("DTEND:" + CalendarTime(e.ends_at > e.starts_at ? e.ends_at : e.starts_at + 60));
    if (e.modified_at > 0) line("LAST-MODIFIED:" + CalendarTime(e.modified_at));
    line("SUMMARY:" + EscapeCalendarText(e.summary));
    if (!e.description.empty()) line("DESCRIPTION:" + EscapeCalendarText(e.description));
    if (!e.location.empty()) line("LOCATION:" + EscapeCalendarText(e.location));
    if (!e.url.empty()) line("URL:" + e.url);
    line(e.cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace kc
