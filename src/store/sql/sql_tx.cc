#include "store/sql/sql_tx.h"

#include "store/json_columns.h"
#include "store/listing_columns.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kUserCols =
    "id, username, display_name, email, role, org_id, password_hash, disabled, created_at, "
    "requested_org_id, org_role";

User UserFrom(const Row& r) {
  User u;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.display_name = r.Text(2);
  u.email = r.Text(3);
  u.role = RoleFromName(r.Text(4)).value_or(Role::kMember);
  u.org_id = r.OptInt(5);
  u.password_hash = r.Text(6);
  u.disabled = r.Int(7) != 0;
  u.created_at = r.Int(8);
  u.requested_org_id = r.OptInt(9);
  u.org_role = OrgRoleFromName(r.Text(10)).value_or(OrgRole::kMember);
  return u;
}

// The organisation's columns after id.
constexpr const char* kOrgValueCols =
    "name, type, region, country, credit_code, description, website, demo, created_at, "
    "shared_to_network, peer_id";
const std::string kOrgCols = std::string("id, ") + kOrgValueCols;

Org OrgFrom(const Row& r) {
  Org o;
  o.id = r.Int(0);
  o.name = r.Text(1);
  o.type = OrgTypeFromName(r.Text(2)).value_or(OrgType::kEnterprise);
  o.region = r.Text(3);
  o.country = r.Text(4);
  o.credit_code = r.Text(5);
  o.description = r.Text(6);
  o.website = r.Text(7);
  o.demo = r.Int(8) != 0;
  o.created_at = r.Int(9);
  o.shared_to_network = r.Int(10) != 0;
  o.peer_id = r.OptInt(11).value_or(0);
  return o;
}

// Binds the organisation's columns after id, in kOrgValueCols order.
void BindOrg(Stmt& s, const Org& o) {
  s.Bind(o.name).Bind(OrgTypeName(o.type)).Bind(o.region).Bind(o.country);
  s.Bind(o.credit_code).Bind(o.description).Bind(o.website);
  s.Bind(int64_t{o.demo}).Bind(o.created_at).Bind(int64_t{o.shared_to_network});
  s.Bind(o.peer_id ? std::optional<int64_t>(o.peer_id) : std::nullopt);
}

// The listing's columns after id: kListingCols without its leading "id, ".
const std::string kListingValueCols = std::string(kListingCols).substr(4);
constexpr int kListingValues = 42;

Listing ListingFrom(const Row& r) {
  Listing l;
  l.id = r.Int(0);
  l.kind = KindFromName(r.Text(1)).value_or(ListingKind::kDemand);
  l.org_id = r.Int(2);
  l.owner_id = r.Int(3);
  l.ref = r.Text(4);
  l.title = r.Text(5);
  l.body = r.Text(6);
  l.keywords = SplitArray(r.Text(7));
  l.category = r.Text(8);
  l.discipline = r.Text(9);
  l.region = r.Text(10);
  l.status = StatusFromName(r.Text(11)).value_or(ListingStatus::kDraft);
  l.reject_reason = r.Text(12);
  l.visibility = VisibilityFromName(r.Text(13)).value_or(Visibility::kPublic);
  l.contact = ContactFrom(r.Text(14));
  l.demo = r.Int(15) != 0;
  l.created_at = r.Int(16);
  l.updated_at = r.Int(17);
  l.published_at = r.Int(18);
  l.expires_at = r.Int(19);
  l.budget.min_cny = r.OptInt(20);
  l.budget.max_cny = r.OptInt(21);
  l.deadline = r.Text(22);
  l.cooperation_modes = SplitArray(r.Text(23));
  if (auto m = r.OptInt(24)) l.maturity = static_cast<int>(*m);
  l.patents = SplitArray(r.Text(25));
  l.transfer_modes = SplitArray(r.Text(26));
  l.price.min_cny = r.OptInt(27);
  l.price.max_cny = r.OptInt(28);
  l.inventors = SplitArray(r.Text(29));
  l.rank = r.Text(30);
  l.affiliation = r.Text(31);
  l.disciplines = SplitArray(r.Text(32));
  l.shared = r.Int(33) != 0;
  l.origin_peer_id = r.OptInt(34).value_or(0);
  l.origin_id = r.Text(35);
  l.origin_url = r.Text(36);
  l.origin_org_name = r.Text(37);
  l.person_name = r.Text(38);
  l.talent_type = r.Text(39);
  l.languages = SplitArray(r.Text(40));
  l.talent_modes = SplitArray(r.Text(41));
  l.country = r.Text(42);
  return l;
}

// Binds the listing's columns after id, in kListingCols order. No reference is NULL, which the
// unique (org, kind, reference) key lets repeat.
void BindListing(Stmt& s, const Listing& l) {
  s.Bind(KindName(l.kind)).Bind(l.org_id).Bind(l.owner_id);
  if (l.ref.empty()) {
    s.BindNull();
  } else {
    s.Bind(l.ref);
  }
  s.Bind(l.title).Bind(l.body).Bind(JoinArray(l.keywords)).Bind(l.category);
  s.Bind(l.discipline).Bind(l.region).Bind(StatusName(l.status));
  s.Bind(l.reject_reason).Bind(VisibilityName(l.visibility));
  s.Bind(ContactJson(l.contact)).Bind(int64_t{l.demo}).Bind(l.created_at);
  s.Bind(l.updated_at).Bind(l.published_at).Bind(l.expires_at);
  s.Bind(l.budget.min_cny).Bind(l.budget.max_cny).Bind(l.deadline);
  s.Bind(JoinArray(l.cooperation_modes));
  s.Bind(l.maturity ? std::optional<int64_t>(*l.maturity) : std::nullopt);
  s.Bind(JoinArray(l.patents)).Bind(JoinArray(l.transfer_modes));
  s.Bind(l.price.min_cny).Bind(l.price.max_cny).Bind(JoinArray(l.inventors));
  s.Bind(l.rank).Bind(l.affiliation).Bind(JoinArray(l.disciplines));
  s.Bind(int64_t{l.shared});
  s.Bind(l.origin_peer_id ? std::optional<int64_t>(l.origin_peer_id) : std::nullopt);
  s.Bind(l.origin_id).Bind(l.origin_url).Bind(l.origin_org_name);
  s.Bind(l.person_name).Bind(l.talent_type).Bind(JoinArray(l.languages));
  s.Bind(JoinArray(l.talent_modes)).Bind(l.country);
}

constexpr const char* kSubscriptionCols = "id, user_id, kind, query, listing_id, created_at";

Subscription SubscriptionFrom(const Row& r) {
  return Subscription{r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5)};
}

Notification NotificationFrom(const Row& r) {
  return Notification{r.Int(0), r.Int(1), r.Text(2), r.Int(3),  r.Int(4),  r.Text(5), r.Text(6),
                      r.Int(7), r.Int(8), r.Text(9), r.Int(10), r.Int(11), r.Text(12)};
}

AuditEntry AuditFrom(const Row& r) {
  return AuditEntry{r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Int(4), r.Text(5), r.Text(6)};
}

Change ChangeFrom(const Row& r) {
  return Change{r.Int(0), r.Text(1), r.Int(2), r.Text(3), r.Int(4)};
}

std::string TextFrom(const Row& r) { return r.Text(0); }
int64_t IdFrom(const Row& r) { return r.Int(0); }

// A LIKE pattern (with ESCAPE '\') matching `text` anywhere, taken literally.
std::string Contains(std::string_view text) { return "%" + LikeEscape(text) + "%"; }
// A LIKE pattern matching values that start with `prefix`, taken literally.
std::string StartsWith(std::string_view prefix) { return LikeEscape(prefix) + "%"; }

// One page of `table` in id order with its total, filtered by `w`.
template <typename F>
auto PageById(Conn& c, F from, const std::string& cols, const std::string& table, const Where& w,
              int64_t offset, int64_t limit) {
  return ReadPage(c, from, "SELECT COUNT(*) FROM " + table + w.sql(), w,
                  cols + " FROM " + table + w.sql() + " ORDER BY id LIMIT ? OFFSET ?", w, limit,
                  offset);
}

}  // namespace

Result<int64_t> SqlTx::InsertUser(const User& u) {
  return Scalar(c_,
                "INSERT INTO users (username, display_name, email, role, org_id, password_hash, "
                "disabled, created_at, requested_org_id, org_role) VALUES (?,?,?,?,?,?,?,?,?,?) "
                "RETURNING id",
                u.username, u.display_name, u.email, RoleName(u.role), u.org_id, u.password_hash,
                u.disabled, u.created_at, u.requested_org_id, OrgRoleName(u.org_role));
}

Result<User> SqlTx::GetUser(int64_t id) {
  return One(c_, UserFrom, "user", std::string("SELECT ") + kUserCols + " FROM users WHERE id = ?",
             id);
}

Result<std::vector<User>> SqlTx::GetUsers(const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<User>{};
  return All(c_, UserFrom,
             std::string("SELECT ") + kUserCols + " FROM users WHERE " + c_.dialect().InIds("id"),
             c_.dialect().IdList(ids));
}

Result<User> SqlTx::FindUserByName(std::string_view username) {
  return One(c_, UserFrom, "user",
             std::string("SELECT ") + kUserCols + " FROM users WHERE username = ?", username);
}

Status SqlTx::UpdateUser(const User& u) {
  return Touch(c_, "user",
               "UPDATE users SET display_name=?, email=?, role=?, org_id=?, password_hash=?, "
               "disabled=?, requested_org_id=?, org_role=? WHERE id=?",
               u.display_name, u.email, RoleName(u.role), u.org_id, u.password_hash, u.disabled,
               u.requested_org_id, OrgRoleName(u.org_role), u.id);
}

Result<Page<User>> SqlTx::ListUsers(const UserQuery& q) {
  Where w;
  if (q.org_id) w.And("org_id = ?", *q.org_id);
  if (q.requested_org_id) w.And("requested_org_id = ?", *q.requested_org_id);
  if (!q.role.empty()) w.And("role = ?", q.role);
  if (!q.org_role.empty()) w.And("org_role = ?", q.org_role);
  if (!q.text.empty()) {
    const std::string pattern = Contains(q.text);
    w.And("(username LIKE ? ESCAPE '\\' OR display_name LIKE ? ESCAPE '\\')", pattern, pattern);
  }
  return PageById(c_, UserFrom, kUserCols, "users", w, q.offset, q.limit);
}

Result<int64_t> SqlTx::CountUsers() { return Scalar(c_, "SELECT COUNT(*) FROM users"); }

Status SqlTx::InsertSession(const Session& x) {
  return Exec(c_,
              "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) "
              "VALUES (?,?,?,?,?)",
              x.token_hash, x.user_id, x.csrf_token, x.created_at, x.expires_at);
}

Result<Session> SqlTx::GetSession(std::string_view token_hash) {
  return One(
      c_,
      [](const Row& r) {
        return Session{r.Text(0), r.Int(1), r.Text(2), r.Int(3), r.Int(4)};
      },
      "session",
      "SELECT token_hash, user_id, csrf_token, created_at, expires_at FROM sessions WHERE "
      "token_hash = ?",
      token_hash);
}

Status SqlTx::DeleteSession(std::string_view token_hash) {
  return Exec(c_, "DELETE FROM sessions WHERE token_hash = ?", token_hash);
}

Status SqlTx::DeleteSessionsOfUser(int64_t user_id) {
  return Exec(c_, "DELETE FROM sessions WHERE user_id = ?", user_id);
}

Status SqlTx::RecordAttempt(const Attempt& a) {
  return Exec(c_, "INSERT INTO throttle_attempts (action, client, username, at) VALUES (?,?,?,?)",
              a.action, a.client, a.username, a.at);
}

Result<AttemptCount> SqlTx::CountAttempts(std::string_view action, std::string_view client,
                                          std::optional<std::string_view> username, int64_t since) {
  const std::string sql =
      "SELECT COUNT(*), COALESCE(MIN(at), 0), COALESCE(MAX(at), 0) FROM throttle_attempts WHERE "
      "action = ? AND client = ? AND at >= ?";
  auto from = [](const Row& r) { return AttemptCount{r.Int(0), r.Int(1), r.Int(2)}; };
  auto found = username
                   ? First(c_, from, sql + " AND username = ?", action, client, since, *username)
                   : First(c_, from, sql, action, client, since);
  if (!found.ok()) return found.status();
  return found->value_or(AttemptCount{});
}

Status SqlTx::ClearAttempts(std::string_view action, std::string_view client,
                            std::string_view username) {
  return Exec(c_, "DELETE FROM throttle_attempts WHERE action = ? AND client = ? AND username = ?",
              action, client, username);
}

Result<int64_t> SqlTx::PruneAttempts(int64_t before) {
  auto s = Query(c_, "DELETE FROM throttle_attempts WHERE at < ?", before);
  if (!s.ok()) return s.status();
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes();
}

Result<int64_t> SqlTx::InsertOrg(const Org& o) {
  return Scalar(c_,
                std::string("INSERT INTO orgs (") + kOrgValueCols + ") VALUES (" + Marks(11) +
                    ") RETURNING id",
                [&](Stmt& s) { BindOrg(s, o); });
}

Result<Org> SqlTx::GetOrg(int64_t id) {
  return One(c_, OrgFrom, "organisation", "SELECT " + kOrgCols + " FROM orgs WHERE id = ?", id);
}

Result<std::vector<Org>> SqlTx::GetOrgs(const std::vector<int64_t>& ids) {
  if (ids.empty()) return std::vector<Org>{};
  return All(c_, OrgFrom, "SELECT " + kOrgCols + " FROM orgs WHERE " + c_.dialect().InIds("id"),
             c_.dialect().IdList(ids));
}

Result<std::optional<Org>> SqlTx::FindOrgByName(std::string_view name) {
  return First(c_, OrgFrom, "SELECT " + kOrgCols + " FROM orgs WHERE name = ?", name);
}

Status SqlTx::UpdateOrg(const Org& o) {
  return Touch(
      c_, "organisation",
      std::string("UPDATE orgs SET (") + kOrgValueCols + ") = (" + Marks(11) + ") WHERE id = ?",
      [&](Stmt& s) { BindOrg(s, o); }, o.id);
}

Result<Page<Org>> SqlTx::ListOrgs(const OrgQuery& q) {
  Where w;
  if (!q.type.empty()) w.And("type = ?", q.type);
  if (!q.region_prefix.empty()) w.And("region LIKE ? ESCAPE '\\'", StartsWith(q.region_prefix));
  if (!q.text.empty()) w.And("name LIKE ? ESCAPE '\\'", Contains(q.text));
  return PageById(c_, OrgFrom, kOrgCols, "orgs", w, q.offset, q.limit);
}

Result<int64_t> SqlTx::InsertListing(const Listing& l) {
  return Scalar(c_,
                "INSERT INTO listings (" + kListingValueCols + ") VALUES (" +
                    Marks(kListingValues) + ") RETURNING id",
                [&](Stmt& s) { BindListing(s, l); });
}

Result<Listing> SqlTx::GetListing(int64_t id) {
  return One(c_, ListingFrom, "listing",
             std::string("SELECT ") + kListingCols + " FROM listings WHERE id = ?", id);
}

Status SqlTx::UpdateListing(const Listing& l) {
  return Touch(
      c_, "listing",
      "UPDATE listings SET (" + kListingValueCols + ") = (" + Marks(kListingValues) +
          ") WHERE id = ?",
      [&](Stmt& s) { BindListing(s, l); }, l.id);
}

Status SqlTx::DeleteListing(int64_t id) {
  return Touch(c_, "listing", "DELETE FROM listings WHERE id = ?", id);
}

Result<Page<Listing>> SqlTx::ListListings(const ListingQuery& q) {
  const Dialect& d = c_.dialect();
  Where w;
  if (q.kind) w.And("kind = ?", KindName(*q.kind));
  if (q.statuses.size() == 1) {
    // An equality (not a list) lets the (kind, status) index give rows in id order, so a page
    // sorted by id stops after its rows instead of sorting every match.
    w.And("status = ?", StatusName(q.statuses[0]));
  } else if (!q.statuses.empty()) {
    std::vector<std::string> names;
    for (auto st : q.statuses) names.emplace_back(StatusName(st));
    w.And(d.InTexts("status"), d.TextList(names));
  }
  if (q.org_id) w.And("org_id = ?", *q.org_id);
  if (!q.category.empty()) w.And("category = ?", q.category);
  if (!q.discipline.empty()) w.And("discipline = ?", q.discipline);
  if (!q.region_prefix.empty()) w.And("region LIKE ? ESCAPE '\\'", StartsWith(q.region_prefix));
  if (!q.text.empty()) {
    const std::string pattern = Contains(q.text);
    w.And("(title LIKE ? ESCAPE '\\' OR keywords LIKE ? ESCAPE '\\')", pattern, pattern);
  }
  if (q.id_from) w.And("id >= ?", *q.id_from);
  if (q.id_to) w.And("id < ?", *q.id_to);
  if (q.ids) w.And(d.InIds("id"), d.IdList(*q.ids));
  const bool by_kind_and_status_only =
      q.kind && q.statuses.size() == 1 && !q.org_id && q.category.empty() && q.discipline.empty() &&
      q.region_prefix.empty() && q.text.empty() && !q.id_from && !q.id_to;
  // The trigger-kept counts answer the common public list without a scan.
  const std::string total =
      !q.count_total ? "SELECT -1"
      : by_kind_and_status_only
          ? "SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM listing_counts WHERE kind = ? AND "
            "status = ?"
          : "SELECT COUNT(*) FROM listings" + w.sql();
  auto bind_total = [&](Stmt& s) {
    if (!q.count_total) return;
    if (by_kind_and_status_only) {
      s.Bind(KindName(*q.kind)).Bind(StatusName(q.statuses[0]));
    } else {
      w.BindTo(s);
    }
  };
  std::string order = " ORDER BY id DESC";
  switch (q.sort) {
    case ListingSort::kNewest:
      break;
    case ListingSort::kOldest:
      order = " ORDER BY id ASC";
      break;
    case ListingSort::kUpdated:
      order = " ORDER BY updated_at DESC, id DESC";
      break;
    case ListingSort::kTitle:
      order = " ORDER BY title" + std::string(d.ByteOrder()) + " ASC, id ASC";
      break;
  }
  // An id range is read through the primary key: left to itself, SQLite reads every row of the
  // status through listings_expiry and sorts them, on every page of a walk.
  const std::string from = "listings" + std::string(q.id_from || q.id_to ? d.PrimaryKeyOnly() : "");
  return ReadPage(c_, ListingFrom, total, bind_total,
                  (q.summary_only ? kListingSummaryCols : kListingCols) + " FROM " + from +
                      w.sql() + order + " LIMIT ? OFFSET ?",
                  w, q.limit, q.offset);
}

Result<std::vector<int64_t>> SqlTx::ListExpired(int64_t now, int64_t limit) {
  return All(c_, IdFrom,
             "SELECT id FROM listings WHERE status = 'published' AND expires_at > 0 AND "
             "expires_at < ? ORDER BY id LIMIT ?",
             now, limit);
}

Result<int64_t> SqlTx::AppendChange(const Change& ch) {
  return Scalar(c_,
                "INSERT INTO changes (entity, entity_id, op, at) VALUES (?,?,?,?) RETURNING seq",
                ch.entity, ch.entity_id, ch.op, ch.at);
}

Result<std::vector<Change>> SqlTx::ChangesAfter(int64_t seq, int64_t limit) {
  return All(
      c_, ChangeFrom,
      "SELECT seq, entity, entity_id, op, at FROM changes WHERE seq > ? ORDER BY seq LIMIT ?", seq,
      limit);
}

Result<int64_t> SqlTx::LastChangeSeq() {
  return Scalar(c_, "SELECT COALESCE(MAX(seq), 0) FROM changes");
}

Result<int64_t> SqlTx::InsertSubscription(const Subscription& x) {
  return Scalar(c_,
                "INSERT INTO subscriptions (user_id, kind, query, listing_id, created_at) VALUES "
                "(?,?,?,?,?) RETURNING id",
                x.user_id, x.kind, x.query,
                x.listing_id ? std::optional<int64_t>(x.listing_id) : std::nullopt, x.created_at);
}

Result<std::vector<Subscription>> SqlTx::ListSubscriptions(int64_t user_id) {
  return All(c_, SubscriptionFrom,
             std::string("SELECT ") + kSubscriptionCols +
                 " FROM subscriptions WHERE user_id = ? ORDER BY id",
             user_id);
}

Result<std::vector<Subscription>> SqlTx::SubscriptionsOfKind(std::string_view kind,
                                                             int64_t listing_id) {
  const std::string sql =
      std::string("SELECT ") + kSubscriptionCols + " FROM subscriptions WHERE kind = ?";
  if (listing_id == 0) return All(c_, SubscriptionFrom, sql + " ORDER BY id", kind);
  return All(c_, SubscriptionFrom, sql + " AND listing_id = ? ORDER BY id", kind, listing_id);
}

Status SqlTx::DeleteSubscription(int64_t id, int64_t user_id) {
  return Touch(c_, "subscription", "DELETE FROM subscriptions WHERE id = ? AND user_id = ?", id,
               user_id);
}

Result<bool> SqlTx::InsertNotification(const Notification& n) {
  // Deal and challenge notices have no subscription: NULL never collides in notifications_once.
  auto s = Query(c_,
                 "INSERT INTO notifications (user_id, kind, subscription_id, listing_id, title, "
                 "message, created_at, deal_id, call_id, detail) VALUES (?,?,?,?,?,?,?,?,?,?) ON "
                 "CONFLICT (subscription_id, listing_id) DO NOTHING",
                 n.user_id, n.kind,
                 n.subscription_id ? std::optional<int64_t>(n.subscription_id) : std::nullopt,
                 n.listing_id, n.title, n.message, n.created_at, n.deal_id, n.call_id, n.detail);
  if (!s.ok()) return s.status();
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() > 0;
}

Result<Page<Notification>> SqlTx::ListNotifications(int64_t user_id, bool unread_only,
                                                    int64_t offset, int64_t limit) {
  Where w;
  w.And("user_id = ?", user_id);
  if (unread_only) w.And("read_at = 0");
  // The listing's kind comes along (empty once the listing is deleted), so a client can link to
  // its page.
  return ReadPage(c_, NotificationFrom, "SELECT COUNT(*) FROM notifications" + w.sql(), w,
                  "n.id, n.user_id, n.kind, n.subscription_id, n.listing_id, n.title, n.message, "
                  "n.created_at, n.read_at, COALESCE(l.kind, ''), n.deal_id, n.call_id, n.detail "
                  "FROM (SELECT * FROM notifications" +
                      w.sql() +
                      " ORDER BY id DESC LIMIT ? OFFSET ?) n LEFT JOIN listings l ON l.id = "
                      "n.listing_id ORDER BY n.id DESC",
                  w, limit, offset);
}

Status SqlTx::MarkNotificationRead(int64_t id, int64_t user_id, int64_t at) {
  return Touch(c_, "notification",
               "UPDATE notifications SET read_at = CASE WHEN read_at = 0 THEN CAST(? AS BIGINT) "
               "ELSE read_at END WHERE id = ? AND user_id = ?",
               at, id, user_id);
}

Status SqlTx::AppendAudit(const AuditEntry& e) {
  return Exec(c_,
              "INSERT INTO audit (at, actor_id, entity, entity_id, action, detail) VALUES "
              "(?,?,?,?,?,?)",
              e.at, e.actor_id, e.entity, e.entity_id, e.action,
              e.detail.empty() ? std::string("{}") : e.detail);
}

Result<std::vector<AuditEntry>> SqlTx::ListAudit(std::string_view entity, int64_t id) {
  return All(c_, AuditFrom,
             "SELECT id, at, actor_id, entity, entity_id, action, detail FROM audit WHERE "
             "entity = ? AND entity_id = ? ORDER BY id",
             entity, id);
}

Result<std::optional<std::string>> SqlTx::GetMeta(std::string_view key) {
  return First(c_, TextFrom, "SELECT value FROM meta WHERE key = ?", key);
}

Status SqlTx::SetMeta(std::string_view key, std::string_view value) {
  return Exec(c_,
              "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
              "excluded.value",
              key, value);
}

Status SqlTx::Nested(const std::function<Status(StoreTx&)>& fn) {
  KC_RETURN_IF_ERROR(c_.Exec("SAVEPOINT nested"));
  Status s = fn(*this);
  if (s.ok()) return c_.Exec("RELEASE SAVEPOINT nested");
  KC_RETURN_IF_ERROR(c_.Exec("ROLLBACK TO SAVEPOINT nested"));
  KC_RETURN_IF_ERROR(c_.Exec("RELEASE SAVEPOINT nested"));
  return s;
}

}  // namespace kc::sql
