#include "service/demo.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/action_plan.h"
#include "core/event.h"
#include "core/json_lines.h"
#include "core/resources.h"
#include "core/shanghai_day.h"
#include "service/listing_json.h"
#include "service/listings.h"
#include "service/orgs.h"

namespace kc {

namespace {

constexpr const char* kMetaKey = "demo_loaded";

Result<std::map<std::string, int64_t>> LoadOrgs(StoreTx& tx, int64_t now) {
  std::map<std::string, int64_t> ids;
  auto text = Resource("data/demo/orgs.jsonl");
  if (!text) return Internal("data/demo/orgs.jsonl is not embedded");
  for (const auto& line : SplitJsonLines(*text)) {
    auto j = nlohmann::json::parse(line.text);
    Org org;
    org.name = j.value("name", "");
    org.type = OrgTypeFromName(j.value("type", "")).value_or(OrgType::kEnterprise);
    org.region = j.value("region", "");
    org.country = j.value("country", "CN");
    org.credit_code = j.value("credit_code", "");
    org.description = j.value("description", "");
    org.website = j.value("website", "");
    org.demo = true;
    auto created = Orgs::CreateIn(tx, org, std::nullopt, now);
    if (!created.ok()) {
      return Internal("demo organisation on line " + std::to_string(line.line) + ": " +
                      created.status().message());
    }
    ids[j.value("key", "")] = created->id;
  }
  return ids;
}

// Loads the listings of `kind`, noting each one's id under its ref in `refs`.
Result<int> LoadListings(StoreTx& tx, const Actor& owner, ListingKind kind,
                         const std::map<std::string, int64_t>& orgs, int64_t now,
                         std::map<std::string, int64_t>* refs) {
  std::string path = "data/demo/" + std::string(KindPlural(kind)) + ".jsonl";
  auto text = Resource(path);
  if (!text) return Internal(path + " is not embedded");
  int n = 0;
  for (const auto& line : SplitJsonLines(*text)) {
    auto j = nlohmann::json::parse(line.text);
    auto org = orgs.find(j.value("org", ""));
    j.erase("org");
    auto listing = ListingFromJson(j, kind, JsonMode::kStrict);
    Status s = listing.status();
    if (s.ok() && org == orgs.end()) s = Invalid("org", "unknown_org", "unknown org key");
    if (s.ok()) {
      listing->org_id = org->second;
      listing->demo = true;
      auto created = Listings::CreateIn(tx, owner, std::move(*listing), true, now);
      s = created.status();
      if (s.ok()) (*refs)[created->ref] = created->id;
    }
    if (!s.ok()) {
      return Internal(path + " line " + std::to_string(line.line) + ": " + s.message() +
                      (s.field().empty() ? "" : " (" + s.field() + ")"));
    }
    ++n;
  }
  return n;
}

// The start of the event of `line`: "start" ("HH:MM", Shanghai time) on the day `in_days`
// after today's date in Shanghai, so that the demo always has upcoming events.
int64_t StartOf(const nlohmann::json& j, int64_t now) {
  constexpr int64_t kShanghai = 8 * 3600;
  const int64_t local = now + kShanghai;
  const std::string hhmm = j.value("start", "09:00");
  const int64_t minutes = std::stoi(hhmm.substr(0, 2)) * 60 + std::stoi(hhmm.substr(3, 2));
  return local - local % 86400 + j.value("in_days", 0) * int64_t{86400} + minutes * 60 - kShanghai;
}

Status LoadEvents(StoreTx& tx, const Actor& owner, const std::map<std::string, int64_t>& orgs,
                  const std::map<std::string, int64_t>& refs, int64_t now) {
  auto text = Resource("data/demo/events.jsonl");
  if (!text) return Internal("data/demo/events.jsonl is not embedded");
  for (const auto& line : SplitJsonLines(*text)) {
    auto j = nlohmann::json::parse(line.text);
    Event e;
    auto org = orgs.find(j.value("org", ""));
    e.kind = EventKindFromName(j.value("kind", "")).value_or(EventKind::kMatchmaking);
    e.title = j.value("title", "");
    e.description = j.value("description", "");
    e.starts_at = StartOf(j, now);
    e.ends_at = e.starts_at + j.value("hours", 1) * int64_t{3600};
    e.venue = j.value("venue", "");
    e.online_url = j.value("online_url", "");
    e.capacity = j.value("capacity", 0);
    e.status = EventStatus::kPublished;
    e.demo = true;
    e.created_by = *owner.id();
    e.created_at = e.updated_at = now;
    Status s = org == orgs.end() ? Invalid("org", "unknown_org", "unknown org key") : Status::Ok();
    for (const auto& ref : j.value("presents", std::vector<std::string>{})) {
      auto id = refs.find(ref);
      if (id == refs.end()) s = Invalid("presents", "unknown_listing", "unknown ref " + ref);
      if (s.ok()) e.listing_ids.push_back(id->second);
    }
    if (s.ok()) {
      e.org_id = org->second;
      s = ValidateEvent(e);
    }
    if (s.ok()) s = tx.events().InsertEvent(e).status();
    if (!s.ok()) {
      return Internal("data/demo/events.jsonl line " + std::to_string(line.line) + ": " +
                      s.message());
    }
  }
  return Status::Ok();
}

// The action plan of data/demo/plans.json, published, running from last year (Shanghai) for
// its "years"; its milestones and reports are dated "in_days" from today, so that the demo
// always has milestones done, coming and overdue.
Status LoadPlan(StoreTx& tx, const Actor& owner, const std::map<std::string, int64_t>& orgs,
                int64_t now) {
  auto text = Resource("data/demo/plans.json");
  if (!text) return Internal("data/demo/plans.json is not embedded");
  const auto j = nlohmann::json::parse(*text);
  auto day = [now](const nlohmann::json& item) {
    return now + item.value("in_days", int64_t{0}) * 86400;
  };
  auto fail = [](const std::string& what, const Status& s) {
    return Internal("data/demo/plans.json, " + what + ": " + s.message());
  };
  ActionPlan plan;
  plan.title = j.value("title", "");
  plan.title_en = j.value("title_en", "");
  plan.description = j.value("description", "");
  plan.start_year = ShanghaiYear(now) + j.value("first_year_offset", 0);
  plan.end_year = plan.start_year + j.value("years", 3) - 1;
  plan.status = PlanStatus::kPublished;
  plan.created_by = *owner.id();
  plan.created_at = plan.updated_at = now;
  if (Status s = ValidateActionPlan(plan); !s.ok()) return fail("the plan", s);
  auto plan_id = tx.plans().InsertPlan(plan);
  if (!plan_id.ok()) return plan_id.status();
  int position = 0;
  for (const auto& c : j.value("categories", nlohmann::json::array())) {
    PlanCategory category{0, *plan_id, c.value("title", ""), c.value("title_en", ""), ++position};
    if (Status s = ValidatePlanCategory(category); !s.ok()) return fail(category.title, s);
    auto category_id = tx.plans().InsertCategory(category);
    if (!category_id.ok()) return category_id.status();
    for (const auto& t : c.value("tasks", nlohmann::json::array())) {
      PlanTask task;
      task.plan_id = *plan_id;
      task.category_id = *category_id;
      task.code = t.value("code", "");
      task.title = t.value("title", "");
      task.description = t.value("description", "");
      if (auto org = orgs.find(t.value("owner", "")); org != orgs.end()) {
        task.owner_org_id = org->second;
      }
      task.status = TaskStatusFromName(t.value("status", "")).value_or(TaskStatus::kNotStarted);
      task.created_at = task.updated_at = now;
      if (Status s = ValidatePlanTask(task); !s.ok()) return fail(task.code, s);
      auto task_id = tx.plans().InsertTask(task);
      if (!task_id.ok()) return task_id.status();
      for (const auto& m : t.value("milestones", nlohmann::json::array())) {
        PlanMilestone milestone;
        milestone.task_id = *task_id;
        milestone.title = m.value("title", "");
        milestone.due_date = ShanghaiDay(day(m));
        if (m.value("done", false)) {
          milestone.done_at = std::min(day(m), now);
          milestone.done_by = owner.id();
        }
        if (Status s = ValidatePlanMilestone(milestone); !s.ok()) return fail(task.code, s);
        KC_RETURN_IF_ERROR(tx.plans().InsertMilestone(milestone).status());
      }
      for (const auto& r : t.value("reports", nlohmann::json::array())) {
        ProgressReport report;
        report.task_id = *task_id;
        report.report_date = ShanghaiDay(day(r));
        report.text = r.value("text", "");
        report.evidence = r.value("evidence", std::vector<std::string>{});
        report.author_id = *owner.id();
        report.created_at = std::min(day(r), now);
        if (Status s = ValidateProgressReport(report); !s.ok()) return fail(task.code, s);
        KC_RETURN_IF_ERROR(tx.plans().InsertReport(report).status());
      }
    }
  }
  return Status::Ok();
}

}  // namespace

Result<int> LoadDemo(Store& store, const Clock& clock, int64_t owner_id) {
  int total = 0;
  KC_RETURN_IF_ERROR(store.Write([&](StoreTx& tx) -> Status {
    auto done = tx.GetMeta(kMetaKey);
    if (!done.ok()) return done.status();
    if (done->has_value()) return Status::Ok();
    auto owner = tx.GetUser(owner_id);
    if (!owner.ok()) return owner.status();
    Actor actor = Actor::Of(*owner);
    const int64_t now = clock.Now();
    auto orgs = LoadOrgs(tx, now);
    if (!orgs.ok()) return orgs.status();
    std::map<std::string, int64_t> refs;
    for (auto kind : {ListingKind::kDemand, ListingKind::kAchievement, ListingKind::kExpert}) {
      auto n = LoadListings(tx, actor, kind, *orgs, now, &refs);
      if (!n.ok()) return n.status();
      total += *n;
    }
    KC_RETURN_IF_ERROR(LoadEvents(tx, actor, *orgs, refs, now));
    KC_RETURN_IF_ERROR(LoadPlan(tx, actor, *orgs, now));
    return tx.SetMeta(kMetaKey, std::to_string(now));
  }));
  return total;
}

}  // namespace kc
