#include "api/event_page.h"

#include "core/markup_escape.h"
#include "core/utf8.h"

namespace kc::api {

namespace {

using nlohmann::json;

bool IsWebLink(const std::string& url) {
  return url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
}

// "2026-05-06 09:00 – 17:00 (UTC+08:00)" within a day, else both times whole.
std::string TimeSpan(const Event& e) {
  const std::string start = ShanghaiTime(e.starts_at);
  const std::string end = ShanghaiTime(e.ends_at);
  if (ShanghaiDate(e.starts_at) == ShanghaiDate(e.ends_at) && start.size() > 16) {
    return start.substr(0, 16) + " – " + end.substr(11);
  }
  return start + " – " + end;
}

std::string ListingPath(const Listing& l) {
  return std::string("/") + std::string(KindPlural(l.kind)) + "/" + std::to_string(l.id);
}

}  // namespace

PageContent EventPage(const EventView& v, const PageText& text, std::string_view lang,
                      std::string_view base_url, int64_t now) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  const Event& e = v.event;
  PageContent page;
  page.title = e.title;
  page.path = "/events/" + std::to_string(e.id);
  page.description = Utf8Prefix(e.description.empty() ? e.title : e.description, 160);

  const bool online = !e.online_url.empty() && IsWebLink(e.online_url);
  const bool offline = !e.venue.empty();
  json location = json::array();
  if (offline) location.push_back({{"@type", "Place"}, {"name", e.venue}});
  if (online) location.push_back({{"@type", "VirtualLocation"}, {"url", e.online_url}});
  page.json_ld = {
      {"@context", "https://schema.org"},
      {"@type", "Event"},
      {"name", e.title},
      {"startDate", ShanghaiIso(e.starts_at)},
      {"endDate", ShanghaiIso(e.ends_at)},
      {"eventStatus", e.status == EventStatus::kCancelled ? "https://schema.org/EventCancelled"
                                                          : "https://schema.org/EventScheduled"},
      {"eventAttendanceMode", offline && online ? "https://schema.org/MixedEventAttendanceMode"
                              : online          ? "https://schema.org/OnlineEventAttendanceMode"
                                                : "https://schema.org/OfflineEventAttendanceMode"},
      {"location", location.size() == 1 ? location[0] : location},
      {"organizer",
       {{"@type", "Organization"},
        {"name", v.org_name},
        {"url", std::string(base_url) + "/orgs/" + std::to_string(e.org_id)}}},
      {"description", page.description},
      {"url", std::string(base_url) + page.path}};
  if (e.capacity > 0) page.json_ld["maximumAttendeeCapacity"] = e.capacity;

  std::string h = "<p class=\"kc-meta\">" + Link("/", t("nav.home")) + " › " +
                  Link("/events", t("events.title")) + "</p>\n<article><h1>" +
                  EscapeMarkup(e.title) + "</h1>\n";
  if (e.status == EventStatus::kCancelled) {
    h += "<p><strong>" + EscapeMarkup(t("events.cancelledNotice")) + "</strong></p>\n";
  }
  h += "<dl>";
  h += FieldRow(t("events.kindLabel"), t("events.kind." + std::string(EventKindName(e.kind))));
  h += "<dt>" + EscapeMarkup(t("events.time")) + "</dt><dd><time datetime=\"" +
       EscapeMarkup(ShanghaiIso(e.starts_at)) + "\">" + EscapeMarkup(TimeSpan(e)) + "</time></dd>";
  h += FieldRow(t("events.venue"), e.venue);
  if (!e.online_url.empty()) {
    h += "<dt>" + EscapeMarkup(t("events.online")) + "</dt><dd>" +
         (online ? Link(e.online_url, e.online_url) : EscapeMarkup(e.online_url)) + "</dd>";
  }
  h += "<dt>" + EscapeMarkup(t("events.organiser")) + "</dt><dd>" +
       Link("/orgs/" + std::to_string(e.org_id), v.org_name) + "</dd>";
  h += FieldRow(t("events.capacity"), e.capacity == 0
                                          ? t("events.unlimited")
                                          : text.Get(lang, "events.seats",
                                                     {{"taken", std::to_string(v.counts.confirmed)},
                                                      {"capacity", std::to_string(e.capacity)}}));
  if (now >= e.ends_at) {
    h += FieldRow(t("events.dealsOpened"), std::to_string(v.deals_opened));
  }
  h += "</dl>\n";
  size_t from = 0;
  while (from <= e.description.size() && !e.description.empty()) {
    size_t to = e.description.find('\n', from);
    if (to == std::string::npos) to = e.description.size();
    if (to > from) h += "<p>" + EscapeMarkup(e.description.substr(from, to - from)) + "</p>\n";
    from = to + 1;
  }
  if (!v.listings.empty()) {
    h += "<h2>" + EscapeMarkup(t("events.presented")) + "</h2>\n<ul>\n";
    for (const Listing& l : v.listings) {
      h += "<li>" + EscapeMarkup(t("kind." + std::string(KindName(l.kind)))) + " · " +
           Link(ListingPath(l), l.title) + "</li>\n";
    }
    h += "</ul>\n";
  }
  h += "<p>" +
       Link("/api/v1/events/" + std::to_string(e.id) + "/calendar.ics", t("events.addToCalendar"));
  if (e.status == EventStatus::kPublished && now < e.ends_at) {
    h += " · " + EscapeMarkup(t("events.registerInApp"));
  }
  h += "</p>\n</article>\n";
  page.body_html = std::move(h);
  return page;
}

PageContent EventListPage(const std::vector<Event>& events, int64_t total, int64_t page_no,
                          int64_t size, bool upcoming, std::string_view q, const PageText& text,
                          std::string_view lang) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  PageContent page;
  page.title = t("events.title");
  const ListParams params = {{"past", upcoming ? "" : "1"}, {"q", std::string(q)}};
  page.path = ListAddress("/events", params, page_no);
  const std::string other =
      upcoming
          ? Link(ListAddress("/events", {{"past", "1"}, {"q", std::string(q)}}), t("events.all"))
          : Link(ListAddress("/events", {{"q", std::string(q)}}), t("events.upcoming"));
  std::string h = "<h1>" + EscapeMarkup(page.title) + "</h1>\n<p class=\"kc-meta\">" + other +
                  " · " + Link("/api/v1/events/feed.ics", t("events.feed")) + "</p>\n" +
                  SearchForm("/events", params, t("events.searchPlaceholder"), t("search.button"));
  if (events.empty()) {
    h += "<p>" + EscapeMarkup(t("events.empty")) + "</p>\n";
  } else {
    h += "<ul>\n";
    for (const Event& e : events) {
      h += "<li>" + Link("/events/" + std::to_string(e.id), e.title) + " <span class=\"kc-meta\">" +
           EscapeMarkup(t("events.kind." + std::string(EventKindName(e.kind)))) + " · " +
           EscapeMarkup(TimeSpan(e)) + " · " +
           EscapeMarkup(e.venue.empty() ? t("events.onlineOnly") : e.venue) +
           (e.status == EventStatus::kCancelled ? " · " + EscapeMarkup(t("events.status.cancelled"))
                                                : std::string()) +
           "</span></li>\n";
    }
    h += "</ul>\n";
  }
  h += PageLinks(total, size, page_no, text, lang,
                 [&](int64_t p) { return ListAddress("/events", params, p); });
  page.body_html = std::move(h);
  return page;
}

}  // namespace kc::api
