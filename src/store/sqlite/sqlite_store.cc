#include "store/sqlite/sqlite_store.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <nlohmann/json.hpp>
#include <vector>

#include "store/json_columns.h"
#include "store/listing_columns.h"
#include "store/sql/sql_campaign_tx.h"
#include "store/sql/sql_deal_tx.h"
#include "store/sql/sql_news_tx.h"
#include "store/sql/sqlite_conn.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrate.h"

namespace kc {

namespace {

using sqlite::Connection;
using sqlite::Stmt;

// Escapes % and _ for a LIKE pattern with ESCAPE '\'.
std::string LikeContains(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

// A LIKE pattern matching values that start with `prefix` taken literally.
std::string LikePrefix(std::string_view prefix) {
  std::string out;
  for (char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  out += '%';
  return out;
}

constexpr const char* kUserCols =
    "id, username, display_name, email, role, org_id, password_hash, disabled, created_at, "
    "requested_org_id, org_role";

User UserFrom(const Stmt& s) {
  User u;
  u.id = s.Int(0);
  u.username = s.Text(1);
  u.display_name = s.Text(2);
  u.email = s.Text(3);
  u.role = RoleFromName(s.Text(4)).value_or(Role::kMember);
  u.org_id = s.OptInt(5);
  u.password_hash = s.Text(6);
  u.disabled = s.Int(7) != 0;
  u.created_at = s.Int(8);
  u.requested_org_id = s.OptInt(9);
  u.org_role = OrgRoleFromName(s.Text(10)).value_or(OrgRole::kMember);
  return u;
}

constexpr const char* kOrgCols =
    "id, name, type, region, country, credit_code, description, website, demo, created_at";

Org OrgFrom(const Stmt& s) {
  Org o;
  o.id = s.Int(0);
  o.name = s.Text(1);
  o.type = OrgTypeFromName(s.Text(2)).value_or(OrgType::kEnterprise);
  o.region = s.Text(3);
  o.country = s.Text(4);
  o.credit_code = s.Text(5);
  o.description = s.Text(6);
  o.website = s.Text(7);
  o.demo = s.Int(8) != 0;
  o.created_at = s.Int(9);
  return o;
}

constexpr const char* kSubscriptionCols = "id, user_id, kind, query, listing_id, created_at";

Listing ListingFrom(const Stmt& s) {
  Listing l;
  l.id = s.Int(0);
  l.kind = KindFromName(s.Text(1)).value_or(ListingKind::kDemand);
  l.org_id = s.Int(2);
  l.owner_id = s.Int(3);
  l.ref = s.Text(4);
  l.title = s.Text(5);
  l.body = s.Text(6);
  l.keywords = SplitArray(s.Text(7));
  l.category = s.Text(8);
  l.discipline = s.Text(9);
  l.region = s.Text(10);
  l.status = StatusFromName(s.Text(11)).value_or(ListingStatus::kDraft);
  l.reject_reason = s.Text(12);
  l.visibility = VisibilityFromName(s.Text(13)).value_or(Visibility::kPublic);
  l.contact = ContactFrom(s.Text(14));
  l.demo = s.Int(15) != 0;
  l.created_at = s.Int(16);
  l.updated_at = s.Int(17);
  l.published_at = s.Int(18);
  l.expires_at = s.Int(19);
  l.budget.min_cny = s.OptInt(20);
  l.budget.max_cny = s.OptInt(21);
  l.deadline = s.Text(22);
  l.cooperation_modes = SplitArray(s.Text(23));
  if (auto m = s.OptInt(24)) l.maturity = static_cast<int>(*m);
  l.patents = SplitArray(s.Text(25));
  l.transfer_modes = SplitArray(s.Text(26));
  l.price.min_cny = s.OptInt(27);
  l.price.max_cny = s.OptInt(28);
  l.inventors = SplitArray(s.Text(29));
  l.rank = s.Text(30);
  l.affiliation = s.Text(31);
  l.disciplines = SplitArray(s.Text(32));
  return l;
}

// Binds every listing column after id, in kListingCols order, starting at index 1.
void BindListing(Stmt& s, const Listing& l) {
  s.Bind(1, KindName(l.kind)).Bind(2, l.org_id).Bind(3, l.owner_id);
  if (l.ref.empty()) {
    s.BindNull(4);
  } else {
    s.Bind(4, l.ref);
  }
  s.Bind(5, l.title).Bind(6, l.body).Bind(7, JoinArray(l.keywords)).Bind(8, l.category);
  s.Bind(9, l.discipline).Bind(10, l.region).Bind(11, StatusName(l.status));
  s.Bind(12, l.reject_reason).Bind(13, VisibilityName(l.visibility));
  s.Bind(14, ContactJson(l.contact)).Bind(15, int64_t{l.demo}).Bind(16, l.created_at);
  s.Bind(17, l.updated_at).Bind(18, l.published_at).Bind(19, l.expires_at);
  s.Bind(20, l.budget.min_cny).Bind(21, l.budget.max_cny).Bind(22, l.deadline);
  s.Bind(23, JoinArray(l.cooperation_modes));
  s.Bind(24, l.maturity ? std::optional<int64_t>(*l.maturity) : std::nullopt);
  s.Bind(25, JoinArray(l.patents)).Bind(26, JoinArray(l.transfer_modes));
  s.Bind(27, l.price.min_cny).Bind(28, l.price.max_cny).Bind(29, JoinArray(l.inventors));
  s.Bind(30, l.rank).Bind(31, l.affiliation).Bind(32, JoinArray(l.disciplines));
}

// A dynamic WHERE clause with its bound values, for list calls.
struct Where {
  std::string sql;
  std::vector<std::string> texts;
  std::vector<int64_t> ints;
  std::vector<bool> is_int;  // order of placeholders

  void Add(const std::string& clause) { sql += (sql.empty() ? " WHERE " : " AND ") + clause; }
  void AddText(const std::string& clause, std::string v) {
    Add(clause);
    texts.push_back(std::move(v));
    is_int.push_back(false);
  }
  void AddInt(const std::string& clause, int64_t v) {
    Add(clause);
    ints.push_back(v);
    is_int.push_back(true);
  }
  // Binds the values from index 1; returns the next free index.
  int BindTo(Stmt& s) const {
    size_t ti = 0, ii = 0;
    int i = 1;
    for (bool b : is_int) {
      if (b) {
        s.Bind(i++, ints[ii++]);
      } else {
        s.Bind(i++, texts[ti++]);
      }
    }
    return i;
  }
};

class SqliteTx : public StoreTx {
 public:
  explicit SqliteTx(Connection& conn)
      : c_(conn), sql_(conn), deals_(sql_), news_(sql_), campaigns_(sql_) {}

  DealTx& deals() override { return deals_; }
  NewsTx& news() override { return news_; }
  CampaignTx& campaigns() override { return campaigns_; }

  Result<std::unique_ptr<Stmt>> P(std::string_view sql) { return c_.Prepare(sql); }

  Result<int64_t> InsertUser(const User& u) override {
    auto s =
        P("INSERT INTO users (username, display_name, email, role, org_id, password_hash, "
          "disabled, created_at, requested_org_id, org_role) VALUES (?,?,?,?,?,?,?,?,?,?)");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, u.username).Bind(2, u.display_name).Bind(3, u.email);
    (*s)->Bind(4, RoleName(u.role)).Bind(5, u.org_id).Bind(6, u.password_hash);
    (*s)->Bind(7, int64_t{u.disabled}).Bind(8, u.created_at).Bind(9, u.requested_org_id);
    (*s)->Bind(10, OrgRoleName(u.org_role));
    KC_RETURN_IF_ERROR((*s)->Run());
    return c_.LastInsertId();
  }

  Result<User> GetUser(int64_t id) override {
    auto s = P(std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, id);
    if ((*s)->Step()) return UserFrom(**s);
    KC_RETURN_IF_ERROR((*s)->status());
    return NotFound("user");
  }

  Result<std::vector<User>> GetUsers(const std::vector<int64_t>& ids) override {
    std::vector<User> out;
    if (ids.empty()) return out;
    auto s = P(std::string("SELECT ") + kUserCols +
               " FROM users WHERE id IN (SELECT value FROM json_each(?))");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, nlohmann::json(ids).dump());
    while ((*s)->Step()) out.push_back(UserFrom(**s));
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Result<User> FindUserByName(std::string_view username) override {
    auto s = P(std::string("SELECT ") + kUserCols + " FROM users WHERE username = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, username);
    if ((*s)->Step()) return UserFrom(**s);
    KC_RETURN_IF_ERROR((*s)->status());
    return NotFound("user");
  }

  Status UpdateUser(const User& u) override {
    auto s =
        P("UPDATE users SET display_name=?, email=?, role=?, org_id=?, password_hash=?, "
          "disabled=?, requested_org_id=?, org_role=? WHERE id=?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, u.display_name).Bind(2, u.email).Bind(3, RoleName(u.role));
    (*s)->Bind(4, u.org_id).Bind(5, u.password_hash).Bind(6, int64_t{u.disabled});
    (*s)->Bind(7, u.requested_org_id).Bind(8, OrgRoleName(u.org_role)).Bind(9, u.id);
    KC_RETURN_IF_ERROR((*s)->Run());
    return (*s)->changes() ? Status::Ok() : NotFound("user");
  }

  Result<Page<User>> ListUsers(const UserQuery& q) override {
    Where w;
    if (q.org_id) w.AddInt("org_id = ?", *q.org_id);
    if (q.requested_org_id) w.AddInt("requested_org_id = ?", *q.requested_org_id);
    if (!q.role.empty()) w.AddText("role = ?", q.role);
    if (!q.org_role.empty()) w.AddText("org_role = ?", q.org_role);
    if (!q.text.empty()) {
      w.AddText("(username LIKE ? ESCAPE '\\'", LikeContains(q.text));
      w.sql += " OR display_name LIKE ? ESCAPE '\\')";
      w.texts.push_back(LikeContains(q.text));
      w.is_int.push_back(false);
    }
    Page<User> page;
    KC_RETURN_IF_ERROR(Count("users", w, &page.total));
    auto s = P(std::string("SELECT ") + kUserCols + " FROM users" + w.sql +
               " ORDER BY id LIMIT ? OFFSET ?");
    if (!s.ok()) return s.status();
    int i = w.BindTo(**s);
    (*s)->Bind(i, q.limit).Bind(i + 1, q.offset);
    while ((*s)->Step()) page.items.push_back(UserFrom(**s));
    KC_RETURN_IF_ERROR((*s)->status());
    return page;
  }

  Result<int64_t> CountUsers() override {
    int64_t n = 0;
    KC_RETURN_IF_ERROR(Count("users", Where{}, &n));
    return n;
  }

  Status InsertSession(const Session& x) override {
    auto s =
        P("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
          "VALUES (?,?,?,?,?)");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, x.token_hash).Bind(2, x.user_id).Bind(3, x.csrf_token);
    (*s)->Bind(4, x.created_at).Bind(5, x.expires_at);
    return (*s)->Run();
  }

  Result<Session> GetSession(std::string_view token_hash) override {
    auto s =
        P("SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE "
          "token_hash = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, token_hash);
    if ((*s)->Step()) {
      Session x;
      x.token_hash = (*s)->Text(0);
      x.user_id = (*s)->Int(1);
      x.csrf_token = (*s)->Text(2);
      x.created_at = (*s)->Int(3);
      x.expires_at = (*s)->Int(4);
      return x;
    }
    KC_RETURN_IF_ERROR((*s)->status());
    return NotFound("session");
  }

  Status DeleteSession(std::string_view token_hash) override {
    auto s = P("DELETE FROM sessions WHERE token_hash = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, token_hash);
    return (*s)->Run();
  }

  Status DeleteSessionsOfUser(int64_t user_id) override {
    auto s = P("DELETE FROM sessions WHERE user_id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, user_id);
    return (*s)->Run();
  }

  Status RecordAttempt(const Attempt& a) override {
    auto s = P("INSERT INTO throttle_attempts (action, client, username, at) VALUES (?,?,?,?)");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, a.action).Bind(2, a.client).Bind(3, a.username).Bind(4, a.at);
    return (*s)->Run();
  }

  Result<AttemptCount> CountAttempts(std::string_view action, std::string_view client,
                                     std::optional<std::string_view> username,
                                     int64_t since) override {
    auto s = P(std::string("SELECT COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM "
                           "throttle_attempts WHERE action = ? AND client = ? AND at >= ?") +
               (username ? " AND username = ?" : ""));
    if (!s.ok()) return s.status();
    (*s)->Bind(1, action).Bind(2, client).Bind(3, since);
    if (username) (*s)->Bind(4, *username);
    AttemptCount out;
    if ((*s)->Step()) out = AttemptCount{(*s)->Int(0), (*s)->Int(1), (*s)->Int(2)};
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Status ClearAttempts(std::string_view action, std::string_view client,
                       std::string_view username) override {
    auto s = P("DELETE FROM throttle_attempts WHERE action = ? AND client = ? AND username = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, action).Bind(2, client).Bind(3, username);
    return (*s)->Run();
  }

  Result<int64_t> PruneAttempts(int64_t before) override {
    auto s = P("DELETE FROM throttle_attempts WHERE at < ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, before);
    KC_RETURN_IF_ERROR((*s)->Run());
    return int64_t{(*s)->changes()};
  }

  Result<int64_t> InsertOrg(const Org& o) override {
    auto s =
        P("INSERT INTO orgs (name, type, region, country, credit_code, description, website, "
          "demo, created_at) VALUES (?,?,?,?,?,?,?,?,?)");
    if (!s.ok()) return s.status();
    BindOrg(**s, o);
    KC_RETURN_IF_ERROR((*s)->Run());
    return c_.LastInsertId();
  }

  Result<Org> GetOrg(int64_t id) override {
    auto s = P(std::string("SELECT ") + kOrgCols + " FROM orgs WHERE id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, id);
    if ((*s)->Step()) return OrgFrom(**s);
    KC_RETURN_IF_ERROR((*s)->status());
    return NotFound("organisation");
  }

  Result<std::vector<Org>> GetOrgs(const std::vector<int64_t>& ids) override {
    std::vector<Org> out;
    if (ids.empty()) return out;
    // One statement for the whole set: json_each turns a JSON array into rows.
    auto s = P(std::string("SELECT ") + kOrgCols +
               " FROM orgs WHERE id IN (SELECT value FROM json_each(?))");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, nlohmann::json(ids).dump());
    while ((*s)->Step()) out.push_back(OrgFrom(**s));
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Result<std::optional<Org>> FindOrgByName(std::string_view name) override {
    auto s = P(std::string("SELECT ") + kOrgCols + " FROM orgs WHERE name = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, name);
    std::optional<Org> out;
    if ((*s)->Step()) out = OrgFrom(**s);
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Status UpdateOrg(const Org& o) override {
    auto s =
        P("UPDATE orgs SET name=?, type=?, region=?, country=?, credit_code=?, description=?, "
          "website=?, demo=?, created_at=? WHERE id=?");
    if (!s.ok()) return s.status();
    BindOrg(**s, o);
    (*s)->Bind(10, o.id);
    KC_RETURN_IF_ERROR((*s)->Run());
    return (*s)->changes() ? Status::Ok() : NotFound("organisation");
  }

  Result<Page<Org>> ListOrgs(const OrgQuery& q) override {
    Where w;
    if (!q.type.empty()) w.AddText("type = ?", q.type);
    if (!q.region_prefix.empty())
      w.AddText("region LIKE ? ESCAPE '\\'", LikePrefix(q.region_prefix));
    if (!q.text.empty()) w.AddText("name LIKE ? ESCAPE '\\'", LikeContains(q.text));
    Page<Org> page;
    KC_RETURN_IF_ERROR(Count("orgs", w, &page.total));
    auto s = P(std::string("SELECT ") + kOrgCols + " FROM orgs" + w.sql +
               " ORDER BY id LIMIT ? OFFSET ?");
    if (!s.ok()) return s.status();
    int i = w.BindTo(**s);
    (*s)->Bind(i, q.limit).Bind(i + 1, q.offset);
    while ((*s)->Step()) page.items.push_back(OrgFrom(**s));
    KC_RETURN_IF_ERROR((*s)->status());
    return page;
  }

  Result<int64_t> InsertListing(const Listing& l) override {
    auto s =
        P("INSERT INTO listings (kind, org_id, owner_id, ref, title, body, keywords, category, "
          "discipline, region, status, reject_reason, visibility, contact, demo, created_at, "
          "updated_at, published_at, expires_at, budget_min, budget_max, deadline, "
          "cooperation_modes, maturity, patents, transfer_modes, price_min, price_max, inventors, "
          "rank, affiliation, disciplines) VALUES "
          "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    if (!s.ok()) return s.status();
    BindListing(**s, l);
    KC_RETURN_IF_ERROR((*s)->Run());
    return c_.LastInsertId();
  }

  Result<Listing> GetListing(int64_t id) override {
    auto s = P(std::string("SELECT ") + kListingCols + " FROM listings WHERE id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, id);
    if ((*s)->Step()) return ListingFrom(**s);
    KC_RETURN_IF_ERROR((*s)->status());
    return NotFound("listing");
  }

  Status UpdateListing(const Listing& l) override {
    auto s =
        P("UPDATE listings SET kind=?, org_id=?, owner_id=?, ref=?, title=?, body=?, keywords=?, "
          "category=?, discipline=?, region=?, status=?, reject_reason=?, visibility=?, contact=?, "
          "demo=?, created_at=?, updated_at=?, published_at=?, expires_at=?, budget_min=?, "
          "budget_max=?, deadline=?, cooperation_modes=?, maturity=?, patents=?, transfer_modes=?, "
          "price_min=?, price_max=?, inventors=?, rank=?, affiliation=?, disciplines=? WHERE id=?");
    if (!s.ok()) return s.status();
    BindListing(**s, l);
    (*s)->Bind(33, l.id);
    KC_RETURN_IF_ERROR((*s)->Run());
    return (*s)->changes() ? Status::Ok() : NotFound("listing");
  }

  Status DeleteListing(int64_t id) override {
    auto s = P("DELETE FROM listings WHERE id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, id);
    KC_RETURN_IF_ERROR((*s)->Run());
    return (*s)->changes() ? Status::Ok() : NotFound("listing");
  }

  Result<Page<Listing>> ListListings(const ListingQuery& q) override {
    Where w;
    if (q.kind) w.AddText("kind = ?", std::string(KindName(*q.kind)));
    if (q.statuses.size() == 1) {
      // An equality (not IN) lets the (kind, status) index give rows in id order, so a page
      // sorted by id stops after its rows instead of sorting every match.
      w.AddText("status = ?", std::string(StatusName(q.statuses[0])));
    } else if (!q.statuses.empty()) {
      std::vector<std::string> names;
      for (auto st : q.statuses) names.emplace_back(StatusName(st));
      w.AddText("status IN (SELECT value FROM json_each(?))", nlohmann::json(names).dump());
    }
    if (q.org_id) w.AddInt("org_id = ?", *q.org_id);
    if (!q.category.empty()) w.AddText("category = ?", q.category);
    if (!q.discipline.empty()) w.AddText("discipline = ?", q.discipline);
    if (!q.region_prefix.empty())
      w.AddText("region LIKE ? ESCAPE '\\'", LikePrefix(q.region_prefix));
    if (!q.text.empty()) {
      w.AddText("(title LIKE ? ESCAPE '\\'", LikeContains(q.text));
      w.sql += " OR keywords LIKE ? ESCAPE '\\')";
      w.texts.push_back(LikeContains(q.text));
      w.is_int.push_back(false);
    }
    if (q.id_from) w.AddInt("id >= ?", *q.id_from);
    if (q.id_to) w.AddInt("id < ?", *q.id_to);
    Page<Listing> page;
    const bool by_kind_and_status_only =
        q.kind && q.statuses.size() == 1 && !q.org_id && q.category.empty() &&
        q.discipline.empty() && q.region_prefix.empty() && q.text.empty() && !q.id_from && !q.id_to;
    if (!q.count_total) {
      page.total = -1;
    } else if (by_kind_and_status_only) {
      // The trigger-maintained counts answer the common public list without a scan.
      auto c = P("SELECT COALESCE(SUM(n), 0) FROM listing_counts WHERE kind = ? AND status = ?");
      if (!c.ok()) return c.status();
      (*c)->Bind(1, KindName(*q.kind)).Bind(2, StatusName(q.statuses[0]));
      page.total = (*c)->Step() ? (*c)->Int(0) : 0;
      KC_RETURN_IF_ERROR((*c)->status());
    } else {
      KC_RETURN_IF_ERROR(Count("listings", w, &page.total));
    }
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
        order = " ORDER BY title ASC, id ASC";
        break;
    }
    // An id range is read through the primary key: left to itself, SQLite reads every row of
    // the status through listings_expiry and sorts them, on every page of a walk.
    const char* from = q.id_from || q.id_to ? " FROM listings NOT INDEXED" : " FROM listings";
    auto s = P("SELECT " + (q.summary_only ? kListingSummaryCols : std::string(kListingCols)) +
               from + w.sql + order + " LIMIT ? OFFSET ?");
    if (!s.ok()) return s.status();
    int i = w.BindTo(**s);
    (*s)->Bind(i, q.limit).Bind(i + 1, q.offset);
    while ((*s)->Step()) page.items.push_back(ListingFrom(**s));
    KC_RETURN_IF_ERROR((*s)->status());
    return page;
  }

  Result<std::vector<int64_t>> ListExpired(int64_t now, int64_t limit) override {
    auto s =
        P("SELECT id FROM listings WHERE status = 'published' AND expires_at > 0 AND expires_at < "
          "? ORDER BY id LIMIT ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, now).Bind(2, limit);
    std::vector<int64_t> out;
    while ((*s)->Step()) out.push_back((*s)->Int(0));
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Result<int64_t> AppendChange(const Change& ch) override {
    auto s = P("INSERT INTO changes (entity, entity_id, op, at) VALUES (?,?,?,?)");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, ch.entity).Bind(2, ch.entity_id).Bind(3, ch.op).Bind(4, ch.at);
    KC_RETURN_IF_ERROR((*s)->Run());
    return c_.LastInsertId();
  }

  Result<std::vector<Change>> ChangesAfter(int64_t seq, int64_t limit) override {
    auto s =
        P("SELECT seq, entity, entity_id, op, at FROM changes WHERE seq > ? ORDER BY seq LIMIT ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, seq).Bind(2, limit);
    std::vector<Change> out;
    while ((*s)->Step()) {
      out.push_back(Change{(*s)->Int(0), (*s)->Text(1), (*s)->Int(2), (*s)->Text(3), (*s)->Int(4)});
    }
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Result<int64_t> LastChangeSeq() override {
    auto s = P("SELECT COALESCE(MAX(seq), 0) FROM changes");
    if (!s.ok()) return s.status();
    int64_t seq = (*s)->Step() ? (*s)->Int(0) : 0;
    KC_RETURN_IF_ERROR((*s)->status());
    return seq;
  }

  Result<int64_t> InsertSubscription(const Subscription& x) override {
    auto s =
        P("INSERT INTO subscriptions (user_id, kind, query, listing_id, created_at) VALUES "
          "(?,?,?,?,?)");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, x.user_id).Bind(2, x.kind).Bind(3, x.query);
    (*s)->Bind(4, x.listing_id ? std::optional<int64_t>(x.listing_id) : std::nullopt);
    (*s)->Bind(5, x.created_at);
    KC_RETURN_IF_ERROR((*s)->Run());
    return c_.LastInsertId();
  }

  Result<std::vector<Subscription>> ListSubscriptions(int64_t user_id) override {
    auto s = P(std::string("SELECT ") + kSubscriptionCols +
               " FROM subscriptions WHERE user_id = ? ORDER BY id");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, user_id);
    return Subscriptions(**s);
  }

  Result<std::vector<Subscription>> SubscriptionsOfKind(std::string_view kind,
                                                        int64_t listing_id) override {
    auto s = P(std::string("SELECT ") + kSubscriptionCols +
               " FROM subscriptions WHERE kind = ? AND (? = 0 OR listing_id = ?) ORDER BY id");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, kind).Bind(2, listing_id).Bind(3, listing_id);
    return Subscriptions(**s);
  }

  Status DeleteSubscription(int64_t id, int64_t user_id) override {
    auto s = P("DELETE FROM subscriptions WHERE id = ? AND user_id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, id).Bind(2, user_id);
    KC_RETURN_IF_ERROR((*s)->Run());
    return (*s)->changes() ? Status::Ok() : NotFound("subscription");
  }

  Result<bool> InsertNotification(const Notification& n) override {
    auto s =
        P("INSERT INTO notifications (user_id, kind, subscription_id, listing_id, title, message, "
          "created_at, deal_id, call_id, detail) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT "
          "(subscription_id, listing_id) DO NOTHING");
    if (!s.ok()) return s.status();
    // Deal and call notices have no subscription: NULL never collides in notifications_once.
    (*s)->Bind(1, n.user_id).Bind(2, n.kind);
    (*s)->Bind(3, n.subscription_id ? std::optional<int64_t>(n.subscription_id) : std::nullopt);
    (*s)->Bind(4, n.listing_id).Bind(5, n.title).Bind(6, n.message).Bind(7, n.created_at);
    (*s)->Bind(8, n.deal_id).Bind(9, n.call_id).Bind(10, n.detail);
    KC_RETURN_IF_ERROR((*s)->Run());
    return (*s)->changes() > 0;
  }

  Result<Page<Notification>> ListNotifications(int64_t user_id, bool unread_only, int64_t offset,
                                               int64_t limit) override {
    Where w;
    w.AddInt("user_id = ?", user_id);
    if (unread_only) w.Add("read_at = 0");
    Page<Notification> page;
    KC_RETURN_IF_ERROR(Count("notifications", w, &page.total));
    // The listing's kind comes along (empty once the listing is deleted), so a client can link
    // to its page.
    auto s =
        P("SELECT n.id, n.user_id, n.kind, n.subscription_id, n.listing_id, n.title, n.message, "
          "n.created_at, n.read_at, COALESCE(l.kind, ''), n.deal_id, n.call_id, n.detail FROM "
          "(SELECT * "
          "FROM notifications" +
          w.sql +
          " ORDER BY id DESC LIMIT ? OFFSET ?) n LEFT JOIN listings l ON l.id = n.listing_id "
          "ORDER BY n.id DESC");
    if (!s.ok()) return s.status();
    int i = w.BindTo(**s);
    (*s)->Bind(i, limit).Bind(i + 1, offset);
    while ((*s)->Step()) {
      const Stmt& r = **s;
      page.items.push_back(Notification{r.Int(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4),
                                        r.Text(5), r.Text(6), r.Int(7), r.Int(8), r.Text(9),
                                        r.Int(10), r.Int(11), r.Text(12)});
    }
    KC_RETURN_IF_ERROR((*s)->status());
    return page;
  }

  Status MarkNotificationRead(int64_t id, int64_t user_id, int64_t at) override {
    auto s =
        P("UPDATE notifications SET read_at = CASE WHEN read_at = 0 THEN ? ELSE read_at END "
          "WHERE id = ? AND user_id = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, at).Bind(2, id).Bind(3, user_id);
    KC_RETURN_IF_ERROR((*s)->Run());
    return (*s)->changes() ? Status::Ok() : NotFound("notification");
  }

  Status AppendAudit(const AuditEntry& e) override {
    auto s =
        P("INSERT INTO audit (at, actor_id, entity, entity_id, action, detail) VALUES "
          "(?,?,?,?,?,?)");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, e.at).Bind(2, e.actor_id).Bind(3, e.entity).Bind(4, e.entity_id);
    (*s)->Bind(5, e.action).Bind(6, e.detail.empty() ? std::string("{}") : e.detail);
    return (*s)->Run();
  }

  Result<std::vector<AuditEntry>> ListAudit(std::string_view entity, int64_t id) override {
    auto s =
        P("SELECT id, at, actor_id, entity, entity_id, action, detail FROM audit WHERE entity = ? "
          "AND entity_id = ? ORDER BY id");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, entity).Bind(2, id);
    std::vector<AuditEntry> out;
    while ((*s)->Step()) {
      out.push_back(AuditEntry{(*s)->Int(0), (*s)->Int(1), (*s)->OptInt(2), (*s)->Text(3),
                               (*s)->Int(4), (*s)->Text(5), (*s)->Text(6)});
    }
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Result<std::optional<std::string>> GetMeta(std::string_view key) override {
    auto s = P("SELECT value FROM meta WHERE key = ?");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, key);
    std::optional<std::string> out;
    if ((*s)->Step()) out = (*s)->Text(0);
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Status SetMeta(std::string_view key, std::string_view value) override {
    auto s =
        P("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
          "value=excluded.value");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, key).Bind(2, value);
    return (*s)->Run();
  }

  Status Nested(const std::function<Status(StoreTx&)>& fn) override {
    KC_RETURN_IF_ERROR(c_.Exec("SAVEPOINT nested"));
    Status s = fn(*this);
    if (s.ok()) return c_.Exec("RELEASE nested");
    (void)c_.Exec("ROLLBACK TO nested");
    (void)c_.Exec("RELEASE nested");
    return s;
  }

 private:
  void BindOrg(Stmt& s, const Org& o) {
    s.Bind(1, o.name).Bind(2, OrgTypeName(o.type)).Bind(3, o.region).Bind(4, o.country);
    s.Bind(5, o.credit_code).Bind(6, o.description).Bind(7, o.website);
    s.Bind(8, int64_t{o.demo}).Bind(9, o.created_at);
  }

  Result<std::vector<Subscription>> Subscriptions(Stmt& s) {
    std::vector<Subscription> out;
    while (s.Step()) {
      out.push_back(Subscription{s.Int(0), s.Int(1), s.Text(2), s.Text(3), s.OptInt(4).value_or(0),
                                 s.Int(5)});
    }
    KC_RETURN_IF_ERROR(s.status());
    return out;
  }

  Status Count(const std::string& table, const Where& w, int64_t* out) {
    auto s = P("SELECT COUNT(*) FROM " + table + w.sql);
    if (!s.ok()) return s.status();
    w.BindTo(**s);
    *out = (*s)->Step() ? (*s)->Int(0) : 0;
    return (*s)->status();
  }

  Connection& c_;
  sql::SqliteConn sql_;  // the same connection, for the areas written over the SQL layer
  sql::SqlDealTx deals_;
  sql::SqlNewsTx news_;
  sql::SqlCampaignTx campaigns_;
};

class SqliteStore : public Store {
 public:
  SqliteStore(std::unique_ptr<Connection> writer, std::vector<std::unique_ptr<Connection>> readers,
              int version)
      : writer_(std::move(writer)), readers_(std::move(readers)), version_(version) {}

  Status Read(const std::function<Status(StoreTx&)>& fn) override {
    std::unique_ptr<Connection> conn = TakeReader();
    // Prepared once per connection (every API read passes here), not parsed on each call.
    auto run = [&conn](std::string_view sql) -> Status {
      auto st = conn->Prepare(sql);
      return st.ok() ? (*st)->Run() : st.status();
    };
    Status s = run("BEGIN");
    if (s.ok()) {
      SqliteTx tx(*conn);
      s = fn(tx);
      Status end = run("COMMIT");
      if (s.ok()) s = end;
    }
    ReturnReader(std::move(conn));
    return s;
  }

  Status Write(const std::function<Status(StoreTx&)>& fn) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    KC_RETURN_IF_ERROR(writer_->Exec("BEGIN IMMEDIATE"));
    SqliteTx tx(*writer_);
    Status s = fn(tx);
    if (!s.ok()) {
      (void)writer_->Exec("ROLLBACK");
      return s;
    }
    Status c = writer_->Exec("COMMIT");
    if (!c.ok()) (void)writer_->Exec("ROLLBACK");
    return c;
  }

  int SchemaVersion() const override { return version_; }

  Status ExportTables(const std::function<Status(const TableRows&)>& sink) override {
    std::unique_ptr<Connection> conn = TakeReader();
    // A read transaction in WAL mode is a snapshot: writers go on while the tables are read.
    Status s = conn->Exec("BEGIN");
    if (s.ok()) {
      auto names = TableNames(*conn);
      s = names.status();
      for (size_t i = 0; s.ok() && i < names->size(); ++i) {
        TableRows t;
        t.name = (*names)[i];
        auto rows = conn->Prepare("SELECT * FROM \"" + t.name + "\"");
        s = rows.status();
        if (!s.ok()) break;
        for (int c = 0; c < (*rows)->ColumnCount(); ++c)
          t.columns.push_back((*rows)->ColumnName(c));
        while ((*rows)->Step()) {
          std::vector<std::optional<std::string>> row;
          for (int c = 0; c < (*rows)->ColumnCount(); ++c) {
            row.push_back((*rows)->IsNull(c) ? std::nullopt
                                             : std::optional<std::string>((*rows)->Text(c)));
          }
          t.rows.push_back(std::move(row));
        }
        s = (*rows)->status();
        if (s.ok()) s = sink(t);
      }
      (void)conn->Exec("COMMIT");
    }
    ReturnReader(std::move(conn));
    return s;
  }

  Status ImportTables(const std::vector<TableRows>& tables) override {
    std::lock_guard<std::mutex> lock(write_mu_);
    KC_RETURN_IF_ERROR(writer_->Exec("BEGIN IMMEDIATE"));
    Status s = LoadTables(tables);
    if (s.ok()) s = writer_->Exec("COMMIT");
    if (!s.ok()) (void)writer_->Exec("ROLLBACK");
    return s;
  }

 private:
  // The tables of the schema in creation order (parents first), without schema_version.
  static Result<std::vector<std::string>> TableNames(Connection& conn) {
    auto s = conn.Prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND "
        "name <> 'schema_version' ORDER BY rowid");
    if (!s.ok()) return s.status();
    std::vector<std::string> out;
    while ((*s)->Step()) out.push_back((*s)->Text(0));
    KC_RETURN_IF_ERROR((*s)->status());
    return out;
  }

  Status LoadTables(const std::vector<TableRows>& tables) {
    auto names = TableNames(*writer_);
    if (!names.ok()) return names.status();
    for (const auto& name : *names) {
      if (std::find(kSeededTables.begin(), kSeededTables.end(), name) != kSeededTables.end()) {
        continue;
      }
      auto any = writer_->Prepare("SELECT EXISTS (SELECT 1 FROM \"" + name + "\")");
      if (!any.ok()) return any.status();
      bool has_rows = (*any)->Step() && (*any)->Int(0) != 0;
      KC_RETURN_IF_ERROR((*any)->status());
      if (has_rows) {
        return Conflict("not_empty", "the database already holds data (table " + name +
                                         "); restore into an empty one");
      }
    }
    for (const auto& t : tables) {
      if (std::find(names->begin(), names->end(), t.name) == names->end()) {
        return BadInput("unknown_table", "the backup has a table this schema lacks: " + t.name);
      }
      // Tables kept by triggers (listing counts) were filled while their parents loaded; the
      // backup's own rows replace that.
      KC_RETURN_IF_ERROR(writer_->Exec("DELETE FROM \"" + t.name + "\""));
      std::string cols, marks;
      for (size_t c = 0; c < t.columns.size(); ++c) {
        cols += (c ? ", \"" : "\"") + t.columns[c] + "\"";
        marks += c ? ",?" : "?";
      }
      const std::string sql =
          "INSERT INTO \"" + t.name + "\" (" + cols + ") VALUES (" + marks + ")";
      for (const auto& row : t.rows) {
        auto ins = writer_->Prepare(sql);  // cached; each use is reset at its end
        if (!ins.ok()) return ins.status();
        if (row.size() != t.columns.size()) {
          return BadInput("bad_backup", "a row of " + t.name + " has the wrong number of values");
        }
        for (size_t c = 0; c < row.size(); ++c) {
          if (row[c]) {
            // Integer columns take integers (their affinity converts the text).
            (*ins)->Bind(static_cast<int>(c + 1), *row[c]);
          } else {
            (*ins)->BindNull(static_cast<int>(c + 1));
          }
        }
        KC_RETURN_IF_ERROR((*ins)->Run());
      }
    }
    return Status::Ok();
  }

  std::unique_ptr<Connection> TakeReader() {
    std::unique_lock<std::mutex> lock(read_mu_);
    read_cv_.wait(lock, [&] { return !readers_.empty(); });
    auto conn = std::move(readers_.back());
    readers_.pop_back();
    return conn;
  }
  void ReturnReader(std::unique_ptr<Connection> conn) {
    {
      std::lock_guard<std::mutex> lock(read_mu_);
      readers_.push_back(std::move(conn));
    }
    read_cv_.notify_one();
  }

  std::mutex write_mu_;
  std::unique_ptr<Connection> writer_;
  std::mutex read_mu_;
  std::condition_variable read_cv_;
  std::vector<std::unique_ptr<Connection>> readers_;
  int version_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, int readers) {
  auto writer = Connection::Open(path);
  if (!writer.ok()) return writer.status();
  auto version = sqlite::Migrate(**writer);
  if (!version.ok()) return version.status();
  std::vector<std::unique_ptr<Connection>> pool;
  for (int i = 0; i < std::max(1, readers); ++i) {
    auto r = Connection::Open(path);
    if (!r.ok()) return r.status();
    pool.push_back(std::move(*r));
  }
  return std::unique_ptr<Store>(new SqliteStore(std::move(*writer), std::move(pool), *version));
}

}  // namespace kc
