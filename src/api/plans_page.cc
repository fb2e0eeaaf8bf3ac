#include "api/plans_page.h"

#include <string>

#include "core/markup_escape.h"
#include "core/utf8.h"

namespace kc::api {

namespace {

using nlohmann::json;

std::string TitleOf(const ActionPlan& p, std::string_view lang) {
  return lang == "en" && !p.title_en.empty() ? p.title_en : p.title;
}

std::string TitleOf(const PlanCategory& c, std::string_view lang) {
  return lang == "en" && !c.title_en.empty() ? c.title_en : c.title;
}

std::string PlanPath(int64_t id) { return "/plans/" + std::to_string(id); }

std::string TaskPath(const PlanTask& t) {
  return PlanPath(t.plan_id) + "/tasks/" + std::to_string(t.id);
}

std::string Years(const ActionPlan& p, const PageText& text, std::string_view lang) {
  return text.Get(lang, "plans.period",
                  {{"start", std::to_string(p.start_year)}, {"end", std::to_string(p.end_year)}});
}

std::string StatusName(TaskStatus s, const PageText& text, std::string_view lang) {
  return text.Get(lang, "taskStatus." + std::string(TaskStatusName(s)));
}

// Paragraphs of a text, one per line.
std::string Paragraphs(const std::string& text) {
  std::string h;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string para = text.substr(start, nl == std::string::npos ? nl : nl - start);
    if (para.find_first_not_of(" \r\t") != std::string::npos) {
      h += "<p>" + EscapeMarkup(para) + "</p>\n";
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return h;
}

// The table of tasks per category and shown status, with a total row.
std::string StatusTable(const PlanDashboard& d, const PageText& text, std::string_view lang) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  std::string h = "<h2>" + EscapeMarkup(t("plans.byCategory")) +
                  "</h2>\n<div class=\"kc-scroll\"><table><thead><tr><th>" +
                  EscapeMarkup(t("plans.category")) + "</th>";
  for (auto s : kTaskStatuses) {
    h += "<th>" + EscapeMarkup(text.Get(lang, "taskStatus." + std::string(s))) + "</th>";
  }
  h += "<th>" + EscapeMarkup(t("plans.total")) + "</th></tr></thead><tbody>\n";
  auto row = [&](const std::string& name, const std::array<int64_t, 5>& counts, int64_t total) {
    std::string r = "<tr><td>" + EscapeMarkup(name) + "</td>";
    for (int64_t n : counts) r += "<td>" + std::to_string(n) + "</td>";
    return r + "<td>" + std::to_string(total) + "</td></tr>\n";
  };
  for (const auto& c : d.categories) h += row(TitleOf(c.category, lang), c.by_status, c.total);
  h += row(t("plans.total"), d.by_status, d.tasks);
  return h + "</tbody></table></div>\n";
}

// The table of milestones due and done per month.
std::string MonthTable(const PlanDashboard& d, const PageText& text, std::string_view lang) {
  if (d.months.empty()) return "";
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  std::string h = "<h2>" + EscapeMarkup(t("plans.byMonth")) +
                  "</h2>\n<div class=\"kc-scroll\"><table><thead><tr><th>" +
                  EscapeMarkup(t("plans.month")) + "</th><th>" +
                  EscapeMarkup(t("plans.milestonesDue")) + "</th><th>" +
                  EscapeMarkup(t("plans.milestonesDone")) + "</th></tr></thead><tbody>\n";
  for (const auto& m : d.months) {
    h += "<tr><td>" + EscapeMarkup(m.month) + "</td><td>" + std::to_string(m.due) + "</td><td>" +
         std::to_string(m.done) + "</td></tr>\n";
  }
  return h + "</tbody></table></div>\n";
}

std::string MilestoneLine(const PlanMilestone& m, const std::string& today, const PageText& text,
                          std::string_view lang) {
  std::string h = "<li>" + EscapeMarkup(m.title) + " <span class=\"kc-meta\"><time datetime=\"" +
                  EscapeMarkup(m.due_date) + "\">" +
                  EscapeMarkup(text.Get(lang, "plans.due", {{"date", m.due_date}})) +
                  "</time></span>";
  if (m.done_at) {
    h += " · <time datetime=\"" + ShanghaiIso(m.done_at) + "\">" +
         EscapeMarkup(text.Get(lang, "plans.doneOn", {{"date", ShanghaiDate(m.done_at)}})) +
         "</time>";
  } else if (IsOverdue(m, today)) {
    h += " · <strong>" + EscapeMarkup(text.Get(lang, "plans.overdue")) + "</strong>";
  }
  return h + "</li>\n";
}

}  // namespace

PageContent PlansPage(const std::vector<ActionPlan>& plans, const PageText& text,
                      std::string_view lang, std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  PageContent c;
  c.title = t("plans.title");
  c.path = "/plans";
  c.description = t("plans.intro");
  std::string h =
      "<h1>" + EscapeMarkup(c.title) + "</h1>\n<p>" + EscapeMarkup(t("plans.intro")) + "</p>\n";
  json elements = json::array();
  if (plans.empty()) {
    h += "<p>" + EscapeMarkup(t("plans.empty")) + "</p>\n";
  } else {
    h += "<ul>\n";
    for (const auto& p : plans) {
      h += "<li>" + Link(PlanPath(p.id), TitleOf(p, lang)) + " <span class=\"kc-meta\">" +
           EscapeMarkup(Years(p, text, lang)) + "</span></li>\n";
      elements.push_back({{"@type", "ListItem"},
                          {"position", static_cast<int64_t>(elements.size()) + 1},
                          {"url", std::string(base_url) + PlanPath(p.id)},
                          {"name", TitleOf(p, lang)}});
    }
    h += "</ul>\n";
  }
  c.body_html = std::move(h);
  c.json_ld = {{"@context", "https://schema.org"},
               {"@type", "ItemList"},
               {"name", c.title},
               {"url", std::string(base_url) + c.path},
               {"numberOfItems", static_cast<int64_t>(plans.size())},
               {"itemListElement", elements}};
  return c;
}

PageContent PlanPage(const PlanDetail& detail, const PlanDashboard& d, const PageText& text,
                     std::string_view lang, std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  const ActionPlan& p = detail.plan;
  PageContent c;
  c.title = TitleOf(p, lang);
  c.path = PlanPath(p.id);
  c.description = c.title + " · " + Years(p, text, lang);
  std::string h = "<p class=\"kc-meta\">" + Link("/plans", t("plans.title")) + "</p>\n<h1>" +
                  EscapeMarkup(c.title) + "</h1>\n<p class=\"kc-meta\">" +
                  EscapeMarkup(Years(p, text, lang));
  if (lang != "en" && !p.title_en.empty()) h += " · " + EscapeMarkup(p.title_en);
  h += "</p>\n" + Paragraphs(p.description);
  h += "<h2>" + EscapeMarkup(t("plans.dashboard")) + "</h2>\n<p class=\"kc-meta\">" +
       EscapeMarkup(text.Get(lang, "plans.asOf", {{"date", d.today}})) + "</p>\n<dl>\n";
  h += FieldRow(t("plans.tasksTotal"), std::to_string(d.tasks));
  h += FieldRow(t("plans.milestonesTotal"), std::to_string(d.milestones));
  h += FieldRow(t("plans.milestonesDoneTotal"), std::to_string(d.milestones_done));
  h += FieldRow(t("plans.milestonesOverdue"), std::to_string(d.milestones_overdue));
  h += "</dl>\n" + StatusTable(d, text, lang) + MonthTable(d, text, lang);
  h += "<h2>" + EscapeMarkup(t("plans.tasks")) + "</h2>\n";
  if (detail.tasks.empty()) h += "<p>" + EscapeMarkup(t("plans.noTasks")) + "</p>\n";
  for (const auto& category : detail.categories) {
    std::string items;
    for (const auto& v : detail.tasks) {
      if (v.task.category_id != category.id) continue;
      std::string meta = StatusName(v.shown, text, lang);
      meta += " · " + (v.owner_org_name.empty() ? t("plans.noOwner") : v.owner_org_name);
      items += "<li>" + EscapeMarkup(v.task.code) + " " + Link(TaskPath(v.task), v.task.title) +
               "<br><span class=\"kc-meta\">" + EscapeMarkup(meta) + "</span></li>\n";
    }
    if (items.empty()) continue;
    h += "<h3>" + EscapeMarkup(TitleOf(category, lang)) + "</h3>\n<ul>\n" + items + "</ul>\n";
  }
  c.body_html = std::move(h);
  json ld = {{"@context", "https://schema.org"},
             {"@type", "CreativeWork"},
             {"name", p.title},
             {"url", std::string(base_url) + c.path},
             {"temporalCoverage", std::to_string(p.start_year) + "/" + std::to_string(p.end_year)}};
  if (!p.title_en.empty()) ld["alternateName"] = p.title_en;
  if (!p.description.empty()) ld["description"] = Utf8Prefix(p.description, 300);
  c.json_ld = ld;
  return c;
}

PageContent PlanTaskPage(const TaskDetail& detail, const PageText& text, std::string_view lang,
                         std::string_view base_url) {
  auto t = [&](std::string_view key) { return text.Get(lang, key); };
  const PlanTask& task = detail.task.task;
  PageContent c;
  c.title = task.code + " " + task.title;
  c.path = TaskPath(task);
  c.description = c.title + " · " + TitleOf(detail.plan, lang);
  std::string h = "<p class=\"kc-meta\">" + Link("/plans", t("plans.title")) + " › " +
                  Link(PlanPath(detail.plan.id), TitleOf(detail.plan, lang)) + "</p>\n<h1>" +
                  EscapeMarkup(c.title) + "</h1>\n<dl>\n";
  h += FieldRow(t("plans.category"), TitleOf(detail.category, lang));
  h += FieldRow(t("plans.owner"), detail.task.owner_org_name.empty() ? t("plans.noOwner")
                                                                     : detail.task.owner_org_name);
  h += FieldRow(t("plans.status"), StatusName(detail.task.shown, text, lang));
  if (task.updated_at > 0) {
    h += "<dt>" + EscapeMarkup(t("plans.updated")) + "</dt><dd><time datetime=\"" +
         ShanghaiIso(task.updated_at) + "\">" + EscapeMarkup(ShanghaiTime(task.updated_at)) +
         "</time></dd>\n";
  }
  h += "</dl>\n" + Paragraphs(task.description);
  h += "<h2>" + EscapeMarkup(t("plans.milestones")) + "</h2>\n";
  if (detail.task.milestones.empty()) {
    h += "<p>" + EscapeMarkup(t("plans.noMilestones")) + "</p>\n";
  } else {
    h += "<ul>\n";
    for (const auto& m : detail.task.milestones) {
      h += MilestoneLine(m, detail.today, text, lang);
    }
    h += "</ul>\n";
  }
  h += "<h2>" + EscapeMarkup(t("plans.reports")) + "</h2>\n";
  if (detail.reports.empty()) {
    h += "<p>" + EscapeMarkup(t("plans.noReports")) + "</p>\n";
  }
  for (size_t i = 0; i < detail.reports.size(); ++i) {
    const ProgressReport& r = detail.reports[i];
    h += "<section><h3><time datetime=\"" + EscapeMarkup(r.report_date) + "\">" +
         EscapeMarkup(r.report_date) + "</time></h3>\n";
    if (i < detail.author_names.size() && !detail.author_names[i].empty()) {
      h += "<p class=\"kc-meta\">" +
           EscapeMarkup(text.Get(lang, "plans.by", {{"name", detail.author_names[i]}})) + "</p>\n";
    }
    h += Paragraphs(r.text);
    std::string links;
    for (const auto& url : r.evidence) {
      if (!IsWebAddress(url)) continue;
      links += "<li><a href=\"" + EscapeMarkup(url) + "\" rel=\"noopener external nofollow\">" +
               EscapeMarkup(url) + "</a></li>\n";
    }
    if (!links.empty()) {
      h += "<p>" + EscapeMarkup(t("plans.evidence")) + "</p>\n<ul>\n" + links + "</ul>\n";
    }
    h += "</section>\n";
  }
  c.body_html = std::move(h);
  c.json_ld = {{"@context", "https://schema.org"},
               {"@type", "CreativeWork"},
               {"name", c.title},
               {"url", std::string(base_url) + c.path},
               {"isPartOf",
                {{"@type", "CreativeWork"},
                 {"name", detail.plan.title},
                 {"url", std::string(base_url) + PlanPath(detail.plan.id)}}}};
  return c;
}

}  // namespace kc::api
