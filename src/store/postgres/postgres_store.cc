#include "store/postgres/postgres_store.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

#include "store/json_columns.h"
#include "store/listing_columns.h"
#include "store/postgres/locks.h"
#include "store/postgres/migrate.h"
#include "store/postgres/pool.h"
#include "store/postgres/query.h"
#include "store/sql/dialect.h"
#include "store/sql/postgres_conn.h"
#include "store/sql/sql_campaign_tx.h"
#include "store/sql/sql_deal_tx.h"
#include "store/sql/sql_news_tx.h"

namespace kc {

namespace {

using pg::Exec;
using pg::Int;
using pg::OptInt;
using pg::Params;
using pg::Scalar;
using pg::Text;
using pg::Touch;
using pg::Txn;
using pg::Where;

constexpr const char* kUserCols =
    "id, username, display_name, email, role, org_id, password_hash, disabled, created_at, "
    "requested_org_id, org_role";

User UserFrom(const pqxx::row& r) {
  User u;
  u.id = Int(r[0]);
  u.username = Text(r[1]);
  u.display_name = Text(r[2]);
  u.email = Text(r[3]);
  u.role = RoleFromName(Text(r[4])).value_or(Role::kMember);
  u.org_id = OptInt(r[5]);
  u.password_hash = Text(r[6]);
  u.disabled = Int(r[7]) != 0;
  u.created_at = Int(r[8]);
  u.requested_org_id = OptInt(r[9]);
  u.org_role = OrgRoleFromName(Text(r[10])).value_or(OrgRole::kMember);
  return u;
}

constexpr const char* kOrgCols =
    "id, name, type, region, country, credit_code, description, website, demo, created_at";

Org OrgFrom(const pqxx::row& r) {
  Org o;
  o.id = Int(r[0]);
  o.name = Text(r[1]);
  o.type = OrgTypeFromName(Text(r[2])).value_or(OrgType::kEnterprise);
  o.region = Text(r[3]);
  o.country = Text(r[4]);
  o.credit_code = Text(r[5]);
  o.description = Text(r[6]);
  o.website = Text(r[7]);
  o.demo = Int(r[8]) != 0;
  o.created_at = Int(r[9]);
  return o;
}

// The values of an org after its id, in kOrgCols order.
std::string OrgValues(Params& p, const Org& o) {
  return p.Ref(o.name) + "," + p.Ref(OrgTypeName(o.type)) + "," + p.Ref(o.region) + "," +
         p.Ref(o.country) + "," + p.Ref(o.credit_code) + "," + p.Ref(o.description) + "," +
         p.Ref(o.website) + "," + p.Ref(int64_t{o.demo}) + "," + p.Ref(o.created_at);
}

constexpr const char* kSubscriptionCols = "id, user_id, kind, query, listing_id, created_at";

Subscription SubscriptionFrom(const pqxx::row& r) {
  return Subscription{Int(r[0]), Int(r[1]), Text(r[2]), Text(r[3]), Int(r[4]), Int(r[5])};
}

// The same columns after id.
constexpr const char* kListingValueCols =
    "kind, org_id, owner_id, ref, title, body, keywords, category, discipline, region, "
    "status, reject_reason, visibility, contact, demo, created_at, updated_at, published_at, "
    "expires_at, budget_min, budget_max, deadline, cooperation_modes, maturity, patents, "
    "transfer_modes, price_min, price_max, inventors, rank, affiliation, disciplines";

Listing ListingFrom(const pqxx::row& r) {
  Listing l;
  l.id = Int(r[0]);
  l.kind = KindFromName(Text(r[1])).value_or(ListingKind::kDemand);
  l.org_id = Int(r[2]);
  l.owner_id = Int(r[3]);
  l.ref = Text(r[4]);
  l.title = Text(r[5]);
  l.body = Text(r[6]);
  l.keywords = SplitArray(Text(r[7]));
  l.category = Text(r[8]);
  l.discipline = Text(r[9]);
  l.region = Text(r[10]);
  l.status = StatusFromName(Text(r[11])).value_or(ListingStatus::kDraft);
  l.reject_reason = Text(r[12]);
  l.visibility = VisibilityFromName(Text(r[13])).value_or(Visibility::kPublic);
  l.contact = ContactFrom(Text(r[14]));
  l.demo = Int(r[15]) != 0;
  l.created_at = Int(r[16]);
  l.updated_at = Int(r[17]);
  l.published_at = Int(r[18]);
  l.expires_at = Int(r[19]);
  l.budget.min_cny = OptInt(r[20]);
  l.budget.max_cny = OptInt(r[21]);
  l.deadline = Text(r[22]);
  l.cooperation_modes = SplitArray(Text(r[23]));
  if (auto m = OptInt(r[24])) l.maturity = static_cast<int>(*m);
  l.patents = SplitArray(Text(r[25]));
  l.transfer_modes = SplitArray(Text(r[26]));
  l.price.min_cny = OptInt(r[27]);
  l.price.max_cny = OptInt(r[28]);
  l.inventors = SplitArray(Text(r[29]));
  l.rank = Text(r[30]);
  l.affiliation = Text(r[31]);
  l.disciplines = SplitArray(Text(r[32]));
  return l;
}

// The placeholders of every listing column after id, in kListingValueCols order.
std::vector<std::string> ListingValues(Params& p, const Listing& l) {
  return {p.Ref(KindName(l.kind)),
          p.Ref(l.org_id),
          p.Ref(l.owner_id),
          l.ref.empty() ? "NULL" : p.Ref(l.ref),
          p.Ref(l.title),
          p.Ref(l.body),
          p.Ref(JoinArray(l.keywords)),
          p.Ref(l.category),
          p.Ref(l.discipline),
          p.Ref(l.region),
          p.Ref(StatusName(l.status)),
          p.Ref(l.reject_reason),
          p.Ref(VisibilityName(l.visibility)),
          p.Ref(ContactJson(l.contact)),
          p.Ref(int64_t{l.demo}),
          p.Ref(l.created_at),
          p.Ref(l.updated_at),
          p.Ref(l.published_at),
          p.Ref(l.expires_at),
          p.Ref(l.budget.min_cny),
          p.Ref(l.budget.max_cny),
          p.Ref(l.deadline),
          p.Ref(JoinArray(l.cooperation_modes)),
          p.Ref(l.maturity ? std::optional<int64_t>(*l.maturity) : std::nullopt),
          p.Ref(JoinArray(l.patents)),
          p.Ref(JoinArray(l.transfer_modes)),
          p.Ref(l.price.min_cny),
          p.Ref(l.price.max_cny),
          p.Ref(JoinArray(l.inventors)),
          p.Ref(l.rank),
          p.Ref(l.affiliation),
          p.Ref(JoinArray(l.disciplines))};
}

std::string Joined(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? sep : "") + parts[i];
  return out;
}

class PostgresTx : public StoreTx {
 public:
  explicit PostgresTx(pqxx::dbtransaction& tx)
      : t_(tx), sql_(tx), deals_(sql_), news_(sql_), campaigns_(sql_) {}

  DealTx& deals() override { return deals_; }
  NewsTx& news() override { return news_; }
  CampaignTx& campaigns() override { return campaigns_; }

  Result<int64_t> InsertUser(const User& u) override {
    Params p;
    std::string sql =
        "INSERT INTO users (username, display_name, email, role, org_id, password_hash, disabled, "
        "created_at, requested_org_id, org_role) VALUES (" +
        p.Ref(u.username) + "," + p.Ref(u.display_name) + "," + p.Ref(u.email) + "," +
        p.Ref(RoleName(u.role)) + "," + p.Ref(u.org_id) + "," + p.Ref(u.password_hash) + "," +
        p.Ref(int64_t{u.disabled}) + "," + p.Ref(u.created_at) + "," + p.Ref(u.requested_org_id) +
        "," + p.Ref(OrgRoleName(u.org_role)) + ") RETURNING id";
    return Scalar(t_, sql, p);
  }

  Result<User> GetUser(int64_t id) override {
    Params p;
    return OneUser(std::string("SELECT ") + kUserCols + " FROM users WHERE id = " + p.Ref(id), p);
  }

  Result<std::vector<User>> GetUsers(const std::vector<int64_t>& ids) override {
    std::vector<User> out;
    if (ids.empty()) return out;
    Params p;
    auto r = t_.Run(
        std::string("SELECT ") + kUserCols + " FROM users WHERE id = ANY(" + p.RefIds(ids) + ")",
        p);
    if (!r.ok()) return r.status();
    for (const auto& row : *r) out.push_back(UserFrom(row));
    return out;
  }

  Result<User> FindUserByName(std::string_view username) override {
    Params p;
    return OneUser(
        std::string("SELECT ") + kUserCols + " FROM users WHERE username = " + p.Ref(username), p);
  }

  Status UpdateUser(const User& u) override {
    Params p;
    std::string sql = "UPDATE users SET display_name=" + p.Ref(u.display_name) +
                      ", email=" + p.Ref(u.email) + ", role=" + p.Ref(RoleName(u.role)) +
                      ", org_id=" + p.Ref(u.org_id) + ", password_hash=" + p.Ref(u.password_hash) +
                      ", disabled=" + p.Ref(int64_t{u.disabled}) +
                      ", requested_org_id=" + p.Ref(u.requested_org_id) +
                      ", org_role=" + p.Ref(OrgRoleName(u.org_role)) + " WHERE id=" + p.Ref(u.id);
    return Touch(t_, sql, p, "user");
  }

  Result<Page<User>> ListUsers(const UserQuery& q) override {
    Params p;
    Where w(p);
    if (q.org_id) w.Add("org_id = " + p.Ref(*q.org_id));
    if (q.requested_org_id) w.Add("requested_org_id = " + p.Ref(*q.requested_org_id));
    if (!q.role.empty()) w.Add("role = " + p.Ref(q.role));
    if (!q.org_role.empty()) w.Add("org_role = " + p.Ref(q.org_role));
    if (!q.text.empty()) {
      std::string pat = p.Ref("%" + sql::LikeEscape(q.text) + "%");
      w.Add("(username LIKE " + pat + " OR display_name LIKE " + pat + ")");
    }
    Page<User> page;
    auto total = Scalar(t_, "SELECT COUNT(*) FROM users" + w.sql(), p);
    if (!total.ok()) return total.status();
    page.total = *total;
    auto r = t_.Run(std::string("SELECT ") + kUserCols + " FROM users" + w.sql() +
                        " ORDER BY id LIMIT " + p.Ref(q.limit) + " OFFSET " + p.Ref(q.offset),
                    p);
    if (!r.ok()) return r.status();
    for (const auto& row : *r) page.items.push_back(UserFrom(row));
    return page;
  }

  Result<int64_t> CountUsers() override { return Scalar(t_, "SELECT COUNT(*) FROM users", {}); }

  Status InsertSession(const Session& x) override {
    Params p;
    std::string sql =
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) VALUES (" +
        p.Ref(x.token_hash) + "," + p.Ref(x.user_id) + "," + p.Ref(x.csrf_token) + "," +
        p.Ref(x.created_at) + "," + p.Ref(x.expires_at) + ")";
    return Exec(t_, sql, p);
  }

  Result<Session> GetSession(std::string_view token_hash) override {
    Params p;
    auto r = t_.Run(
        "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE "
        "token_hash = " +
            p.Ref(token_hash),
        p);
    if (!r.ok()) return r.status();
    if (r->empty()) return NotFound("session");
    const auto& row = (*r)[0];
    return Session{Text(row[0]), Int(row[1]), Text(row[2]), Int(row[3]), Int(row[4])};
  }

  Status DeleteSession(std::string_view token_hash) override {
    Params p;
    return Exec(t_, "DELETE FROM sessions WHERE token_hash = " + p.Ref(token_hash), p);
  }

  Status DeleteSessionsOfUser(int64_t user_id) override {
    Params p;
    return Exec(t_, "DELETE FROM sessions WHERE user_id = " + p.Ref(user_id), p);
  }

  Status RecordAttempt(const Attempt& a) override {
    Params p;
    return Exec(t_,
                "INSERT INTO throttle_attempts (action, client, username, at) VALUES (" +
                    p.Ref(a.action) + "," + p.Ref(a.client) + "," + p.Ref(a.username) + "," +
                    p.Ref(a.at) + ")",
                p);
  }

  Result<AttemptCount> CountAttempts(std::string_view action, std::string_view client,
                                     std::optional<std::string_view> username,
                                     int64_t since) override {
    Params p;
    std::string sql =
        "SELECT COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM throttle_attempts "
        "WHERE action = " +
        p.Ref(action) + " AND client = " + p.Ref(client) + " AND at >= " + p.Ref(since);
    if (username) sql += " AND username = " + p.Ref(*username);
    auto r = t_.Run(sql, p);
    if (!r.ok()) return r.status();
    AttemptCount out;
    if (!r->empty()) out = AttemptCount{Int((*r)[0][0]), Int((*r)[0][1]), Int((*r)[0][2])};
    return out;
  }

  Status ClearAttempts(std::string_view action, std::string_view client,
                       std::string_view username) override {
    Params p;
    return Exec(t_,
                "DELETE FROM throttle_attempts WHERE action = " + p.Ref(action) +
                    " AND client = " + p.Ref(client) + " AND username = " + p.Ref(username),
                p);
  }

  Result<int64_t> PruneAttempts(int64_t before) override {
    Params p;
    auto r = t_.Run("DELETE FROM throttle_attempts WHERE at < " + p.Ref(before), p);
    if (!r.ok()) return r.status();
    return static_cast<int64_t>(r->affected_rows());
  }

  Result<int64_t> InsertOrg(const Org& o) override {
    Params p;
    std::string sql =
        "INSERT INTO orgs (name, type, region, country, credit_code, description, website, demo, "
        "created_at) VALUES (" +
        OrgValues(p, o) + ") RETURNING id";
    return Scalar(t_, sql, p);
  }

  Result<Org> GetOrg(int64_t id) override {
    Params p;
    auto r = t_.Run(std::string("SELECT ") + kOrgCols + " FROM orgs WHERE id = " + p.Ref(id), p);
    if (!r.ok()) return r.status();
    if (r->empty()) return NotFound("organisation");
    return OrgFrom((*r)[0]);
  }

  Result<std::vector<Org>> GetOrgs(const std::vector<int64_t>& ids) override {
    std::vector<Org> out;
    if (ids.empty()) return out;
    Params p;
    auto r = t_.Run(
        std::string("SELECT ") + kOrgCols + " FROM orgs WHERE id = ANY(" + p.RefIds(ids) + ")", p);
    if (!r.ok()) return r.status();
    for (const auto& row : *r) out.push_back(OrgFrom(row));
    return out;
  }

  Result<std::optional<Org>> FindOrgByName(std::string_view name) override {
    Params p;
    auto r =
        t_.Run(std::string("SELECT ") + kOrgCols + " FROM orgs WHERE name = " + p.Ref(name), p);
    if (!r.ok()) return r.status();
    std::optional<Org> out;
    if (!r->empty()) out = OrgFrom((*r)[0]);
    return out;
  }

  Status UpdateOrg(const Org& o) override {
    Params p;
    std::string sql =
        "UPDATE orgs SET (name, type, region, country, credit_code, description, website, demo, "
        "created_at) = (" +
        OrgValues(p, o) + ") WHERE id = " + p.Ref(o.id);
    return Touch(t_, sql, p, "organisation");
  }

  Result<Page<Org>> ListOrgs(const OrgQuery& q) override {
    Params p;
    Where w(p);
    if (!q.type.empty()) w.Add("type = " + p.Ref(q.type));
    if (!q.region_prefix.empty())
      w.Add("region LIKE " + p.Ref(sql::LikeEscape(q.region_prefix) + "%"));
    if (!q.text.empty()) w.Add("name LIKE " + p.Ref("%" + sql::LikeEscape(q.text) + "%"));
    Page<Org> page;
    auto total = Scalar(t_, "SELECT COUNT(*) FROM orgs" + w.sql(), p);
    if (!total.ok()) return total.status();
    page.total = *total;
    auto r = t_.Run(std::string("SELECT ") + kOrgCols + " FROM orgs" + w.sql() +
                        " ORDER BY id LIMIT " + p.Ref(q.limit) + " OFFSET " + p.Ref(q.offset),
                    p);
    if (!r.ok()) return r.status();
    for (const auto& row : *r) page.items.push_back(OrgFrom(row));
    return page;
  }

  Result<int64_t> InsertListing(const Listing& l) override {
    Params p;
    std::string sql = std::string("INSERT INTO listings (") + kListingValueCols + ") VALUES (" +
                      Joined(ListingValues(p, l), ",") + ") RETURNING id";
    return Scalar(t_, sql, p);
  }

  Result<Listing> GetListing(int64_t id) override {
    Params p;
    auto r =
        t_.Run(std::string("SELECT ") + kListingCols + " FROM listings WHERE id = " + p.Ref(id), p);
    if (!r.ok()) return r.status();
    if (r->empty()) return NotFound("listing");
    return ListingFrom((*r)[0]);
  }

  Status UpdateListing(const Listing& l) override {
    Params p;
    std::string sql = std::string("UPDATE listings SET (") + kListingValueCols + ") = (" +
                      Joined(ListingValues(p, l), ",") + ") WHERE id = " + p.Ref(l.id);
    return Touch(t_, sql, p, "listing");
  }

  Status DeleteListing(int64_t id) override {
    Params p;
    return Touch(t_, "DELETE FROM listings WHERE id = " + p.Ref(id), p, "listing");
  }

  Result<Page<Listing>> ListListings(const ListingQuery& q) override {
    Params p;
    Where w(p);
    if (q.kind) w.Add("kind = " + p.Ref(KindName(*q.kind)));
    if (!q.statuses.empty()) {
      std::vector<std::string> names;
      for (auto st : q.statuses) names.emplace_back(StatusName(st));
      w.Add("status = ANY(" + p.RefTexts(names) + ")");
    }
    if (q.org_id) w.Add("org_id = " + p.Ref(*q.org_id));
    if (!q.category.empty()) w.Add("category = " + p.Ref(q.category));
    if (!q.discipline.empty()) w.Add("discipline = " + p.Ref(q.discipline));
    if (!q.region_prefix.empty())
      w.Add("region LIKE " + p.Ref(sql::LikeEscape(q.region_prefix) + "%"));
    if (!q.text.empty()) {
      std::string pat = p.Ref("%" + sql::LikeEscape(q.text) + "%");
      w.Add("(title LIKE " + pat + " OR keywords LIKE " + pat + ")");
    }
    if (q.id_from) w.Add("id >= " + p.Ref(*q.id_from));
    if (q.id_to) w.Add("id < " + p.Ref(*q.id_to));
    const bool by_kind_and_status_only =
        q.kind && q.statuses.size() == 1 && !q.org_id && q.category.empty() &&
        q.discipline.empty() && q.region_prefix.empty() && q.text.empty() && !q.id_from && !q.id_to;
    // The total and the page in one round trip; the trigger-kept counts answer the common public
    // list without a scan.
    std::string total_sql = !q.count_total ? std::string("-1")
                            : by_kind_and_status_only
                                ? "(SELECT COALESCE(SUM(n), 0) FROM listing_counts WHERE kind = " +
                                      p.Ref(KindName(*q.kind)) +
                                      " AND status = " + p.Ref(StatusName(q.statuses[0])) + ")"
                                : "(SELECT COUNT(*) FROM listings" + w.sql() + ")";
    const char* order = " ORDER BY id DESC";
    switch (q.sort) {
      case ListingSort::kNewest:
        order = " ORDER BY id DESC";
        break;
      case ListingSort::kOldest:
        order = " ORDER BY id ASC";
        break;
      case ListingSort::kUpdated:
        order = " ORDER BY updated_at DESC, id DESC";
        break;
      case ListingSort::kTitle:
        // Byte order, as SQLite sorts, whatever the database's locale.
        order = " ORDER BY title COLLATE \"C\" ASC, id ASC";
        break;
    }
    std::string page_sql = "SELECT " + (q.summary_only ? kListingSummaryCols : kListingCols) +
                           " FROM listings" + w.sql() + order + " LIMIT " + p.Ref(q.limit) +
                           " OFFSET " + p.Ref(q.offset);
    auto r = t_.Run("SELECT " + total_sql + "::bigint, pg.* FROM (SELECT 1) one LEFT JOIN (" +
                        page_sql + ") pg ON true",
                    p);
    if (!r.ok()) return r.status();
    Page<Listing> page;
    for (const auto& row : *r) {
      page.total = Int(row[0]);
      if (row[1].is_null()) continue;  // no listing on this page: only the total came back
      page.items.push_back(ListingFrom(pqxx::row(row.slice(1, row.size()))));
    }
    return page;
  }

  Result<std::vector<int64_t>> ListExpired(int64_t now, int64_t limit) override {
    Params p;
    auto r = t_.Run(
        "SELECT id FROM listings WHERE status = 'published' AND expires_at > 0 AND expires_at < " +
            p.Ref(now) + " ORDER BY id LIMIT " + p.Ref(limit),
        p);
    if (!r.ok()) return r.status();
    std::vector<int64_t> out;
    for (const auto& row : *r) out.push_back(Int(row[0]));
    return out;
  }

  Result<int64_t> AppendChange(const Change& ch) override {
    Params p;
    return Scalar(t_,
                  "INSERT INTO changes (entity, entity_id, op, at) VALUES (" + p.Ref(ch.entity) +
                      "," + p.Ref(ch.entity_id) + "," + p.Ref(ch.op) + "," + p.Ref(ch.at) +
                      ") RETURNING seq",
                  p);
  }

  Result<std::vector<Change>> ChangesAfter(int64_t seq, int64_t limit) override {
    Params p;
    auto r = t_.Run("SELECT seq, entity, entity_id, op, at FROM changes WHERE seq > " + p.Ref(seq) +
                        " ORDER BY seq LIMIT " + p.Ref(limit),
                    p);
    if (!r.ok()) return r.status();
    std::vector<Change> out;
    for (const auto& row : *r) {
      out.push_back(Change{Int(row[0]), Text(row[1]), Int(row[2]), Text(row[3]), Int(row[4])});
    }
    return out;
  }

  Result<int64_t> LastChangeSeq() override {
    return Scalar(t_, "SELECT COALESCE(MAX(seq), 0) FROM changes", {});
  }

  Result<int64_t> InsertSubscription(const Subscription& x) override {
    Params p;
    return Scalar(t_,
                  "INSERT INTO subscriptions (user_id, kind, query, listing_id, created_at) "
                  "VALUES (" +
                      p.Ref(x.user_id) + "," + p.Ref(x.kind) + "," + p.Ref(x.query) + "," +
                      p.Ref(x.listing_id ? std::optional<int64_t>(x.listing_id) : std::nullopt) +
                      "," + p.Ref(x.created_at) + ") RETURNING id",
                  p);
  }

  Result<std::vector<Subscription>> ListSubscriptions(int64_t user_id) override {
    Params p;
    return Subscriptions(std::string("SELECT ") + kSubscriptionCols +
                             " FROM subscriptions WHERE user_id = " + p.Ref(user_id) +
                             " ORDER BY id",
                         p);
  }

  Result<std::vector<Subscription>> SubscriptionsOfKind(std::string_view kind,
                                                        int64_t listing_id) override {
    Params p;
    std::string sql = std::string("SELECT ") + kSubscriptionCols +
                      " FROM subscriptions WHERE kind = " + p.Ref(kind);
    if (listing_id != 0) sql += " AND listing_id = " + p.Ref(listing_id);
    return Subscriptions(sql + " ORDER BY id", p);
  }

  Status DeleteSubscription(int64_t id, int64_t user_id) override {
    Params p;
    return Touch(
        t_,
        "DELETE FROM subscriptions WHERE id = " + p.Ref(id) + " AND user_id = " + p.Ref(user_id), p,
        "subscription");
  }

  Result<bool> InsertNotification(const Notification& n) override {
    Params p;
    auto r = t_.Run(
        "INSERT INTO notifications (user_id, kind, subscription_id, listing_id, title, message, "
        "created_at, deal_id, call_id, detail) VALUES (" +
            p.Ref(n.user_id) + "," + p.Ref(n.kind) + "," +
            // Deal and call notices have no subscription: NULL never collides in
            // notifications_once.
            p.Ref(n.subscription_id ? std::optional<int64_t>(n.subscription_id) : std::nullopt) +
            "," + p.Ref(n.listing_id) + "," + p.Ref(n.title) + "," + p.Ref(n.message) + "," +
            p.Ref(n.created_at) + "," + p.Ref(n.deal_id) + "," + p.Ref(n.call_id) + "," +
            p.Ref(n.detail) + ") ON CONFLICT (subscription_id, listing_id) DO NOTHING",
        p);
    if (!r.ok()) return r.status();
    return r->affected_rows() > 0;
  }

  Result<Page<Notification>> ListNotifications(int64_t user_id, bool unread_only, int64_t offset,
                                               int64_t limit) override {
    Params p;
    Where w(p);
    w.Add("user_id = " + p.Ref(user_id));
    if (unread_only) w.Add("read_at = 0");
    Page<Notification> page;
    auto total = Scalar(t_, "SELECT COUNT(*) FROM notifications" + w.sql(), p);
    if (!total.ok()) return total.status();
    page.total = *total;
    // The listing's kind comes along (empty once the listing is deleted), so a client can link
    // to its page.
    auto r = t_.Run(
        "SELECT n.id, n.user_id, n.kind, n.subscription_id, n.listing_id, n.title, n.message, "
        "n.created_at, n.read_at, COALESCE(l.kind, ''), n.deal_id, n.call_id, n.detail FROM "
        "(SELECT * FROM "
        "notifications" +
            w.sql() + " ORDER BY id DESC LIMIT " + p.Ref(limit) + " OFFSET " + p.Ref(offset) +
            ") n LEFT JOIN listings l ON l.id = n.listing_id ORDER BY n.id DESC",
        p);
    if (!r.ok()) return r.status();
    for (const auto& row : *r) {
      page.items.push_back(Notification{Int(row[0]), Int(row[1]), Text(row[2]), Int(row[3]),
                                        Int(row[4]), Text(row[5]), Text(row[6]), Int(row[7]),
                                        Int(row[8]), Text(row[9]), Int(row[10]), Int(row[11]),
                                        Text(row[12])});
    }
    return page;
  }

  Status MarkNotificationRead(int64_t id, int64_t user_id, int64_t at) override {
    Params p;
    return Touch(t_,
                 "UPDATE notifications SET read_at = CASE WHEN read_at = 0 THEN " + p.Ref(at) +
                     "::bigint ELSE read_at END WHERE id = " + p.Ref(id) +
                     " AND user_id = " + p.Ref(user_id),
                 p, "notification");
  }

  Status AppendAudit(const AuditEntry& e) override {
    Params p;
    return Exec(t_,
                "INSERT INTO audit (at, actor_id, entity, entity_id, action, detail) VALUES (" +
                    p.Ref(e.at) + "," + p.Ref(e.actor_id) + "," + p.Ref(e.entity) + "," +
                    p.Ref(e.entity_id) + "," + p.Ref(e.action) + "," +
                    p.Ref(e.detail.empty() ? std::string("{}") : e.detail) + ")",
                p);
  }

  Result<std::vector<AuditEntry>> ListAudit(std::string_view entity, int64_t id) override {
    Params p;
    auto r = t_.Run(
        "SELECT id, at, actor_id, entity, entity_id, action, detail FROM audit WHERE entity = " +
            p.Ref(entity) + " AND entity_id = " + p.Ref(id) + " ORDER BY id",
        p);
    if (!r.ok()) return r.status();
    std::vector<AuditEntry> out;
    for (const auto& row : *r) {
      out.push_back(AuditEntry{Int(row[0]), Int(row[1]), OptInt(row[2]), Text(row[3]), Int(row[4]),
                               Text(row[5]), Text(row[6])});
    }
    return out;
  }

  Result<std::optional<std::string>> GetMeta(std::string_view key) override {
    Params p;
    auto r = t_.Run("SELECT value FROM meta WHERE key = " + p.Ref(key), p);
    if (!r.ok()) return r.status();
    std::optional<std::string> out;
    if (!r->empty()) out = Text((*r)[0][0]);
    return out;
  }

  Status SetMeta(std::string_view key, std::string_view value) override {
    Params p;
    return Exec(t_,
                "INSERT INTO meta (key, value) VALUES (" + p.Ref(key) + "," + p.Ref(value) +
                    ") ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                p);
  }

  Status Nested(const std::function<Status(StoreTx&)>& fn) override {
    // Plain savepoints: libpqxx 6's subtransaction does not start before exec_params.
    KC_RETURN_IF_ERROR(t_.Run("SAVEPOINT nested"));
    Status s = fn(*this);
    if (s.ok()) return t_.Run("RELEASE SAVEPOINT nested").status();
    try {
      t_.current().exec("ROLLBACK TO SAVEPOINT nested; RELEASE SAVEPOINT nested");
    } catch (const std::exception& e) {
      return pg::ErrorFrom(e);
    }
    return s;
  }

 private:
  Result<User> OneUser(const std::string& sql, const Params& p) {
    auto r = t_.Run(sql, p);
    if (!r.ok()) return r.status();
    if (r->empty()) return NotFound("user");
    return UserFrom((*r)[0]);
  }

  Result<std::vector<Subscription>> Subscriptions(const std::string& sql, const Params& p) {
    auto r = t_.Run(sql, p);
    if (!r.ok()) return r.status();
    std::vector<Subscription> out;
    for (const auto& row : *r) out.push_back(SubscriptionFrom(row));
    return out;
  }

  Txn t_;
  sql::PostgresConn sql_;  // the same transaction, for the areas written over the SQL layer
  sql::SqlDealTx deals_;
  sql::SqlNewsTx news_;
  sql::SqlCampaignTx campaigns_;
};

// Wakes WaitForChanges when a NOTIFY on kc_changes arrives.
class ChangeReceiver : public pqxx::notification_receiver {
 public:
  explicit ChangeReceiver(pqxx::connection_base& conn)
      : pqxx::notification_receiver(conn, "kc_changes") {}
  void operator()(const std::string&, int) override { notified_ = true; }
  bool notified_ = false;
};

class PostgresStore : public Store {
 public:
  PostgresStore(std::string url, int connections, int version)
      : pool_(std::move(url), connections), version_(version) {}

  ~PostgresStore() override {
    receiver_.reset();
    listener_.reset();
  }

  Status Read(const std::function<Status(StoreTx&)>& fn) override {
    auto lease = pool_.Take();
    if (!lease.ok()) return lease.status();
    Status s;
    try {
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(lease->conn());
      PostgresTx store_tx(tx);
      s = fn(store_tx);
      if (s.ok()) {
        tx.commit();
      } else {
        tx.abort();
      }
    } catch (const std::exception& e) {
      s = pg::ErrorFrom(e);
    }
    if (!s.ok() && s.kind() == ErrorKind::kUnavailable) lease->Discard();
    return s;
  }

  Status Write(const std::function<Status(StoreTx&)>& fn) override {
    // One writer per process at a time (the rest wait here, not holding a connection), and one
    // across all processes (the advisory lock).
    std::lock_guard<std::mutex> lock(write_mu_);
    auto lease = pool_.Take();
    if (!lease.ok()) return lease.status();
    Status s;
    try {
      pqxx::work tx(lease->conn());
      tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(pg::kWriteLock) + ")");
      PostgresTx store_tx(tx);
      s = fn(store_tx);
      if (s.ok()) {
        tx.commit();
      } else {
        tx.abort();
      }
    } catch (const std::exception& e) {
      s = pg::ErrorFrom(e);
    }
    if (!s.ok() && s.kind() == ErrorKind::kUnavailable) lease->Discard();
    return s;
  }

  int SchemaVersion() const override { return version_; }

  Status ExportTables(const std::function<Status(const TableRows&)>& sink) override {
    auto lease = pool_.Take();
    if (!lease.ok()) return lease.status();
    Status s;
    try {
      // One REPEATABLE READ snapshot for every table; writers on every node go on meanwhile.
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(lease->conn());
      auto names = TableNames(tx);
      for (size_t i = 0; s.ok() && i < names.size(); ++i) {
        pqxx::result r = tx.exec("SELECT * FROM " + tx.quote_name(names[i]));
        TableRows t;
        t.name = names[i];
        for (pqxx::row::size_type c = 0; c < r.columns(); ++c)
          t.columns.push_back(r.column_name(c));
        t.rows.reserve(r.size());
        for (const auto& row : r) {
          std::vector<std::optional<std::string>> values;
          for (const auto& f : row) {
            values.push_back(f.is_null() ? std::nullopt : std::optional<std::string>(Text(f)));
          }
          t.rows.push_back(std::move(values));
        }
        s = sink(t);
      }
      tx.commit();
    } catch (const std::exception& e) {
      s = pg::ErrorFrom(e);
    }
    if (!s.ok() && s.kind() == ErrorKind::kUnavailable) lease->Discard();
    return s;
  }

  Status ImportTables(const std::vector<TableRows>& tables) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    auto lease = pool_.Take();
    if (!lease.ok()) return lease.status();
    Status s;
    try {
      pqxx::work tx(lease->conn());
      tx.exec("SELECT pg_advisory_xact_lock(" + std::to_string(pg::kWriteLock) + ")");
      s = LoadTables(tx, tables);
      if (s.ok()) {
        tx.commit();
      } else {
        tx.abort();
      }
    } catch (const std::exception& e) {
      s = pg::ErrorFrom(e);
    }
    return s;
  }

  bool WaitForChanges(std::chrono::milliseconds timeout) override {
    std::lock_guard<std::mutex> lock(listen_mu_);
    try {
      if (!listener_ || !listener_->is_open()) {
        receiver_.reset();
        listener_.reset();
        auto conn = pg::Connect(pool_.url());
        if (!conn.ok()) {
          std::this_thread::sleep_for(timeout);
          return true;
        }
        listener_ = std::move(*conn);
        receiver_ = std::make_unique<ChangeReceiver>(*listener_);
        return true;  // changes may have been missed while not listening
      }
      receiver_->notified_ = false;
      auto us = std::chrono::duration_cast<std::chrono::microseconds>(timeout).count();
      listener_->await_notification(static_cast<long>(us / 1000000),
                                    static_cast<long>(us % 1000000));
    } catch (const std::exception& e) {
      spdlog::warn("listening for changes failed: {}", e.what());
      receiver_.reset();
      listener_.reset();
    }
    return true;
  }

  bool LeadsBackgroundJobs() override {
    std::lock_guard<std::mutex> lock(jobs_mu_);
    try {
      if (jobs_conn_ && leading_) {
        pqxx::nontransaction(*jobs_conn_).exec("SELECT 1");  // still connected: still leading
        return true;
      }
      if (!jobs_conn_ || !jobs_conn_->is_open()) {
        auto conn = pg::Connect(pool_.url());
        if (!conn.ok()) return false;
        jobs_conn_ = std::move(*conn);
      }
      // A session-level lock: held until this node stops or loses its connection.
      leading_ = pqxx::nontransaction(*jobs_conn_)
                     .exec1("SELECT pg_try_advisory_lock(" + std::to_string(pg::kJobsLock) + ")")[0]
                     .as<bool>();
      return leading_;
    } catch (const std::exception& e) {
      jobs_conn_.reset();
      leading_ = false;
      return false;
    }
  }

 private:
  // The tables of the schema in creation order (parents first), without schema_version.
  static std::vector<std::string> TableNames(pqxx::dbtransaction& tx) {
    std::vector<std::string> out;
    for (const auto& row :
         tx.exec("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                 "WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> "
                 "'schema_version' ORDER BY c.oid")) {
      out.push_back(Text(row[0]));
    }
    return out;
  }

  static Status LoadTables(pqxx::dbtransaction& tx, const std::vector<TableRows>& tables) {
    auto names = TableNames(tx);
    for (const auto& name : names) {
      if (std::find(kSeededTables.begin(), kSeededTables.end(), name) != kSeededTables.end()) {
        continue;
      }
      if (tx.exec1("SELECT EXISTS (SELECT 1 FROM " + tx.quote_name(name) + ")")[0].as<bool>()) {
        return Conflict("not_empty", "the database already holds data (table " + name +
                                         "); restore into an empty one");
      }
    }
    for (const auto& t : tables) {
      if (std::find(names.begin(), names.end(), t.name) == names.end()) {
        return BadInput("unknown_table", "the backup has a table this schema lacks: " + t.name);
      }
      // Tables kept by triggers (listing counts) were filled while their parents loaded; the
      // backup's own rows replace that.
      tx.exec("DELETE FROM " + tx.quote_name(t.name));
      std::string cols;
      for (size_t c = 0; c < t.columns.size(); ++c)
        cols += (c ? ", " : "") + tx.quote_name(t.columns[c]);
      // Many rows per statement: a round trip per row would dominate a large restore.
      const size_t per_statement =
          std::max<size_t>(1, 30000 / std::max<size_t>(1, t.columns.size()));
      for (size_t begin = 0; begin < t.rows.size(); begin += per_statement) {
        Params p;
        std::string values;
        for (size_t i = begin; i < std::min(t.rows.size(), begin + per_statement); ++i) {
          const auto& row = t.rows[i];
          if (row.size() != t.columns.size()) {
            return BadInput("bad_backup", "a row of " + t.name + " has the wrong number of values");
          }
          values += (i == begin ? "(" : ",(");
          for (size_t c = 0; c < row.size(); ++c) {
            values += (c ? "," : "") + (row[c] ? p.Ref(*row[c]) : std::string("NULL"));
          }
          values += ")";
        }
        auto r = pg::Run(
            tx, "INSERT INTO " + tx.quote_name(t.name) + " (" + cols + ") VALUES " + values, p);
        if (!r.ok()) return r.status();
      }
      // New ids continue after the loaded ones.
      for (const char* serial : {"id", "seq"}) {
        if (std::find(t.columns.begin(), t.columns.end(), serial) == t.columns.end()) continue;
        tx.exec("SELECT setval(pg_get_serial_sequence(" + tx.quote(t.name) + ", " +
                tx.quote(serial) + "), COALESCE(MAX(" + tx.quote_name(serial) +
                "), 0) + 1, false) FROM " + tx.quote_name(t.name) +
                " WHERE pg_get_serial_sequence(" + tx.quote(t.name) + ", " + tx.quote(serial) +
                ") IS NOT NULL");
      }
    }
    return Status::Ok();
  }

  pg::Pool pool_;
  int version_;
  std::mutex write_mu_;
  std::mutex listen_mu_;
  std::unique_ptr<pqxx::connection> listener_;
  std::unique_ptr<ChangeReceiver> receiver_;
  std::mutex jobs_mu_;
  std::unique_ptr<pqxx::connection> jobs_conn_;
  bool leading_ = false;
};

}  // namespace

bool IsPostgresUrl(std::string_view db) {
  return db.starts_with("postgres://") || db.starts_with("postgresql://");
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& url, int connections) {
  auto conn = pg::Connect(url);
  if (!conn.ok()) return conn.status();
  auto version = pg::Migrate(**conn);
  if (!version.ok()) return version.status();
  return std::unique_ptr<Store>(new PostgresStore(url, connections, *version));
}

}  // namespace kc
