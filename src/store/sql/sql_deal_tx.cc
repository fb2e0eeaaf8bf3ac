#include "store/sql/sql_deal_tx.h"

#include <nlohmann/json.hpp>

#include "store/json_columns.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

// The deal's columns after id.
constexpr const char* kDealValueCols =
    "title, demand_id, achievement_id, call_id, buyer_org_id, seller_org_id, broker_org_id, "
    "stage, reason, reason_note, nda_passed, opened_by, created_at, updated_at, signed_at, "
    "registered_at, proposed_stage, proposed_by_org, proposed_by, proposed_at, peer_id, peer_ref, "
    "kind";
constexpr int kDealValues = 23;
const std::string kDealCols = std::string("id, ") + kDealValueCols;

Deal DealFrom(const Row& r) {
  Deal d;
  d.id = r.Int(0);
  d.title = r.Text(1);
  d.demand_id = r.OptInt(2);
  d.achievement_id = r.OptInt(3);
  d.call_id = r.OptInt(4);
  d.buyer_org_id = r.Int(5);
  d.seller_org_id = r.Int(6);
  d.broker_org_id = r.OptInt(7);
  d.stage = DealStageFromName(r.Text(8)).value_or(DealStage::kIntent);
  d.reason = DealReasonFromName(r.Text(9));
  d.reason_note = r.Text(10);
  d.nda_passed = r.Int(11) != 0;
  d.opened_by = r.Int(12);
  d.created_at = r.Int(13);
  d.updated_at = r.Int(14);
  d.signed_at = r.Int(15);
  d.registered_at = r.Int(16);
  d.proposed_stage = DealStageFromName(r.Text(17));
  d.proposed_by_org = r.OptInt(18);
  d.proposed_by = r.OptInt(19);
  d.proposed_at = r.Int(20);
  d.peer_id = r.OptInt(21);
  d.peer_ref = r.Text(22);
  d.kind = DealKindFromName(r.Text(23)).value_or(DealKind::kTechnology);
  return d;
}

// Binds the deal's columns after id, in kDealValueCols order.
void BindDeal(Stmt& s, const Deal& d) {
  s.Bind(d.title).Bind(d.demand_id).Bind(d.achievement_id).Bind(d.call_id);
  s.Bind(d.buyer_org_id).Bind(d.seller_org_id).Bind(d.broker_org_id);
  s.Bind(DealStageName(d.stage)).Bind(d.reason ? DealReasonName(*d.reason) : "");
  s.Bind(d.reason_note).Bind(int64_t{d.nda_passed}).Bind(d.opened_by);
  s.Bind(d.created_at).Bind(d.updated_at).Bind(d.signed_at).Bind(d.registered_at);
  s.Bind(d.proposed_stage ? DealStageName(*d.proposed_stage) : "");
  s.Bind(d.proposed_by_org).Bind(d.proposed_by).Bind(d.proposed_at);
  s.Bind(d.peer_id).Bind(d.peer_ref).Bind(DealKindName(d.kind));
}

constexpr const char* kAttachmentCols =
    "id, deal_id, uploader_id, file_name, content_type, size, stored_name, created_at";

DealAttachment AttachmentFrom(const Row& r) {
  return DealAttachment{r.Int(0),  r.Int(1), r.Int(2),  r.Text(3),
                        r.Text(4), r.Int(5), r.Text(6), r.Int(7)};
}

constexpr const char* kContractSelect =
    "SELECT deal_id, type, amount_cny, signed_on, registration_no, recorded_by, recorded_at "
    "FROM deal_contracts WHERE ";

Contract ContractFrom(const Row& r) {
  return Contract{r.Int(0),  ContractTypeFromName(r.Text(1)).value_or(ContractType::kDevelopment),
                  r.Int(2),  r.Text(3),
                  r.Text(4), r.Int(5),
                  r.Int(6)};
}

// The challenge's columns after id.
constexpr const char* kChallengeValueCols =
    "demand_id, org_id, title, description, reward_cny, deadline, criteria, phase, "
    "winner_proposal_id, deal_id, created_by, created_at, announced_at";
constexpr int kChallengeValues = 13;
const std::string kChallengeCols = std::string("id, ") + kChallengeValueCols;

Challenge ChallengeFrom(const Row& r) {
  Challenge c;
  c.id = r.Int(0);
  c.demand_id = r.Int(1);
  c.org_id = r.Int(2);
  c.title = r.Text(3);
  c.description = r.Text(4);
  c.reward_cny = r.Int(5);
  c.deadline = r.Text(6);
  c.criteria = ChallengeCriteriaFrom(r.Text(7));
  c.phase = ChallengePhaseFromName(r.Text(8)).value_or(ChallengePhase::kOpen);
  c.winner_proposal_id = r.OptInt(9);
  c.deal_id = r.OptInt(10);
  c.created_by = r.Int(11);
  c.created_at = r.Int(12);
  c.announced_at = r.Int(13);
  return c;
}

// Binds the challenge's columns after id, in kChallengeValueCols order.
void BindChallenge(Stmt& s, const Challenge& c) {
  s.Bind(c.demand_id).Bind(c.org_id).Bind(c.title).Bind(c.description);
  s.Bind(c.reward_cny).Bind(c.deadline).Bind(ChallengeCriteriaJson(c.criteria));
  s.Bind(ChallengePhaseName(c.phase)).Bind(c.winner_proposal_id).Bind(c.deal_id);
  s.Bind(c.created_by).Bind(c.created_at).Bind(c.announced_at);
}

// Proposals with their organisation's name and the judges' mean score and count, looked up per
// proposal through the scores' key.
constexpr const char* kProposalSelect =
    "SELECT p.id, p.call_id, p.org_id, p.author_id, p.summary, p.achievement_id, p.created_at, "
    "COALESCE(o.name, ''), COALESCE((SELECT AVG(total) FROM proposal_scores WHERE proposal_id = "
    "p.id), 0), (SELECT COUNT(*) FROM proposal_scores WHERE proposal_id = p.id) FROM proposals p "
    "LEFT JOIN orgs o ON o.id = p.org_id";

Proposal ProposalFrom(const Row& r) {
  Proposal p;
  p.id = r.Int(0);
  p.call_id = r.Int(1);
  p.org_id = r.Int(2);
  p.author_id = r.Int(3);
  p.summary = r.Text(4);
  p.achievement_id = r.OptInt(5);
  p.created_at = r.Int(6);
  p.org_name = r.Text(7);
  p.score = r.Double(8);
  p.judges_scored = static_cast<int>(r.Int(9));
  return p;
}

int64_t IdFrom(const Row& r) { return r.Int(0); }

AuditEntry AuditFrom(const Row& r) {
  return AuditEntry{r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Int(4), r.Text(5), r.Text(6)};
}

}  // namespace

Result<int64_t> SqlDealTx::InsertDeal(const Deal& d) {
  return Scalar(c_,
                std::string("INSERT INTO deals (") + kDealValueCols + ") VALUES (" +
                    Marks(kDealValues) + ") RETURNING id",
                [&](Stmt& s) { BindDeal(s, d); });
}

Result<Deal> SqlDealTx::GetDeal(int64_t id) {
  return One(c_, DealFrom, "deal", "SELECT " + kDealCols + " FROM deals WHERE id = ?", id);
}

Status SqlDealTx::UpdateDeal(const Deal& d) {
  return Touch(
      c_, "deal",
      std::string("UPDATE deals SET (") + kDealValueCols + ") = (" + Marks(kDealValues) +
          ") WHERE id = ?",
      [&](Stmt& s) { BindDeal(s, d); }, d.id);
}

Result<Page<Deal>> SqlDealTx::ListDeals(const DealQuery& q) {
  if (!q.all && q.org_ids.empty()) return Page<Deal>{};
  const Dialect& d = c_.dialect();
  Where w;
  if (!q.all) {
    const std::string orgs = d.IdList(q.org_ids);
    w.And("(" + d.InIds("buyer_org_id") + " OR " + d.InIds("seller_org_id") + " OR " +
              d.InIds("broker_org_id") + ")",
          orgs, orgs, orgs);
  }
  if (q.broker_org_id) w.And("broker_org_id = ?", *q.broker_org_id);
  if (q.stage) w.And("stage = ?", DealStageName(*q.stage));
  return ReadPage(c_, DealFrom, "SELECT COUNT(*) FROM deals" + w.sql(), w,
                  kDealCols + " FROM deals" + w.sql() + " ORDER BY id DESC LIMIT ? OFFSET ?", w,
                  q.limit, q.offset);
}

Result<std::vector<int64_t>> SqlDealTx::PartyUserIds(const Deal& d) {
  std::vector<int64_t> orgs = {d.buyer_org_id, d.seller_org_id};
  if (d.broker_org_id) orgs.push_back(*d.broker_org_id);
  return All(c_, IdFrom,
             "SELECT id FROM users WHERE disabled = 0 AND " + c_.dialect().InIds("org_id") +
                 " ORDER BY id",
             c_.dialect().IdList(orgs));
}

Result<int64_t> SqlDealTx::InsertMessage(const DealMessage& m) {
  return Scalar(c_,
                "INSERT INTO deal_messages (deal_id, author_id, text, created_at, author_label) "
                "VALUES (?,?,?,?,?) RETURNING id",
                m.deal_id, m.author_id, m.text, m.created_at, m.author_label);
}

Result<std::vector<DealMessage>> SqlDealTx::ListMessages(int64_t deal_id) {
  return All(
      c_,
      [](const Row& r) {
        return DealMessage{r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5), r.Text(6)};
      },
      "SELECT m.id, m.deal_id, m.author_id, COALESCE(NULLIF(m.author_label, ''), u.display_name, "
      "''), m.text, m.created_at, m.author_label "
      "FROM deal_messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.deal_id = ? ORDER "
      "BY m.id",
      deal_id);
}

Result<int64_t> SqlDealTx::InsertAttachment(const DealAttachment& a) {
  return Scalar(c_,
                "INSERT INTO deal_attachments (deal_id, uploader_id, file_name, content_type, "
                "size, stored_name, created_at) VALUES (?,?,?,?,?,?,?) RETURNING id",
                a.deal_id, a.uploader_id, a.file_name, a.content_type, a.size, a.stored_name,
                a.created_at);
}

Result<DealAttachment> SqlDealTx::GetAttachment(int64_t id) {
  return One(c_, AttachmentFrom, "attachment",
             std::string("SELECT ") + kAttachmentCols + " FROM deal_attachments WHERE id = ?", id);
}

Result<std::vector<DealAttachment>> SqlDealTx::ListAttachments(int64_t deal_id) {
  return All(c_, AttachmentFrom,
             std::string("SELECT ") + kAttachmentCols +
                 " FROM deal_attachments WHERE deal_id = ? ORDER BY id",
             deal_id);
}

Status SqlDealTx::PutContract(const Contract& c) {
  return Exec(c_,
              "INSERT INTO deal_contracts (deal_id, type, amount_cny, signed_on, registration_no, "
              "recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (deal_id) DO UPDATE "
              "SET type = excluded.type, amount_cny = excluded.amount_cny, signed_on = "
              "excluded.signed_on, registration_no = excluded.registration_no, recorded_by = "
              "excluded.recorded_by, recorded_at = excluded.recorded_at",
              c.deal_id, ContractTypeName(c.type), c.amount_cny, c.signed_on, c.registration_no,
              c.recorded_by, c.recorded_at);
}

Result<std::optional<Contract>> SqlDealTx::GetContract(int64_t deal_id) {
  return First(c_, ContractFrom, std::string(kContractSelect) + "deal_id = ?", deal_id);
}

Result<std::vector<Contract>> SqlDealTx::GetContracts(const std::vector<int64_t>& deal_ids) {
  if (deal_ids.empty()) return std::vector<Contract>{};
  return All(c_, ContractFrom, kContractSelect + c_.dialect().InIds("deal_id"),
             c_.dialect().IdList(deal_ids));
}

Status SqlDealTx::PutConfidential(int64_t listing_id, const std::string& details, int64_t by,
                                  int64_t at) {
  return Exec(c_,
              "INSERT INTO listing_confidential (listing_id, details, updated_by, updated_at) "
              "VALUES (?,?,?,?) ON CONFLICT (listing_id) DO UPDATE SET details = "
              "excluded.details, updated_by = excluded.updated_by, updated_at = "
              "excluded.updated_at",
              listing_id, details, by, at);
}

Result<std::optional<std::string>> SqlDealTx::GetConfidential(int64_t listing_id) {
  return First(
      c_, [](const Row& r) { return r.Text(0); },
      "SELECT details FROM listing_confidential WHERE listing_id = ?", listing_id);
}

Result<std::map<int64_t, std::string>> SqlDealTx::GetConfidentials(
    const std::vector<int64_t>& listing_ids) {
  std::map<int64_t, std::string> out;
  if (listing_ids.empty()) return out;
  auto rows = All(
      c_, [](const Row& r) { return std::pair(r.Int(0), r.Text(1)); },
      "SELECT listing_id, details FROM listing_confidential WHERE " +
          c_.dialect().InIds("listing_id"),
      c_.dialect().IdList(listing_ids));
  if (!rows.ok()) return rows.status();
  out.insert(rows->begin(), rows->end());
  return out;
}

Result<std::vector<AuditEntry>> SqlDealTx::AuditOfOrgDeals(int64_t org_id) {
  return All(c_, AuditFrom,
             "SELECT a.id, a.at, a.actor_id, a.entity, a.entity_id, a.action, a.detail FROM "
             "audit a JOIN deals d ON d.id = a.entity_id WHERE a.entity = 'deal' AND "
             "(d.buyer_org_id = ? OR d.seller_org_id = ? OR d.broker_org_id = ?) ORDER BY "
             "a.entity_id, a.id",
             org_id, org_id, org_id);
}

Result<std::vector<BrokeredDeal>> SqlDealTx::BrokeredDeals(int64_t org_id) {
  return All(
      c_,
      [](const Row& r) {
        return BrokeredDeal{DealFrom(r), r.Int(24), r.Text(25)};
      },
      "SELECT d.id, d.title, d.demand_id, d.achievement_id, d.call_id, d.buyer_org_id, "
      "d.seller_org_id, d.broker_org_id, d.stage, d.reason, d.reason_note, d.nda_passed, "
      "d.opened_by, d.created_at, d.updated_at, d.signed_at, d.registered_at, "
      "d.proposed_stage, d.proposed_by_org, d.proposed_by, d.proposed_at, d.peer_id, d.peer_ref, "
      "d.kind, COALESCE(c.amount_cny, 0), COALESCE(NULLIF(dl.discipline, ''), al.discipline, '') "
      "FROM deals d LEFT JOIN deal_contracts c ON c.deal_id = d.id LEFT JOIN listings dl "
      "ON dl.id = d.demand_id LEFT JOIN listings al ON al.id = d.achievement_id WHERE "
      "d.broker_org_id = ? ORDER BY d.id",
      org_id);
}

Result<int64_t> SqlDealTx::InsertChallenge(const Challenge& c) {
  return Scalar(c_,
                std::string("INSERT INTO calls (") + kChallengeValueCols + ") VALUES (" +
                    Marks(kChallengeValues) + ") RETURNING id",
                [&](Stmt& s) { BindChallenge(s, c); });
}

Result<Challenge> SqlDealTx::GetChallenge(int64_t id) {
  return One(c_, ChallengeFrom, "challenge",
             "SELECT " + kChallengeCols + " FROM calls WHERE id = ?", id);
}

Status SqlDealTx::UpdateChallenge(const Challenge& c) {
  return Touch(
      c_, "challenge",
      std::string("UPDATE calls SET (") + kChallengeValueCols + ") = (" + Marks(kChallengeValues) +
          ") WHERE id = ?",
      [&](Stmt& s) { BindChallenge(s, c); }, c.id);
}

Result<Page<Challenge>> SqlDealTx::ListChallenges(int64_t offset, int64_t limit) {
  return ReadPage(c_, ChallengeFrom, "SELECT COUNT(*) FROM calls", Where(),
                  kChallengeCols + " FROM calls ORDER BY id DESC LIMIT ? OFFSET ?", limit, offset);
}

Status SqlDealTx::AddJudge(int64_t call_id, int64_t user_id) {
  return Exec(c_, "INSERT INTO call_judges (call_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
              call_id, user_id);
}

Result<std::vector<int64_t>> SqlDealTx::ListJudges(int64_t call_id) {
  return All(c_, IdFrom, "SELECT user_id FROM call_judges WHERE call_id = ? ORDER BY user_id",
             call_id);
}

Result<int64_t> SqlDealTx::InsertProposal(const Proposal& p) {
  return InsertUnique(c_,
                      Conflict("duplicate", "a record with this org_id already exists", "org_id"),
                      "INSERT INTO proposals (call_id, org_id, author_id, summary, achievement_id, "
                      "created_at) VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING RETURNING id",
                      p.call_id, p.org_id, p.author_id, p.summary, p.achievement_id, p.created_at);
}

Result<Proposal> SqlDealTx::GetProposal(int64_t id) {
  return One(c_, ProposalFrom, "proposal", std::string(kProposalSelect) + " WHERE p.id = ?", id);
}

Result<std::vector<Proposal>> SqlDealTx::ListProposals(int64_t call_id) {
  return All(c_, ProposalFrom, std::string(kProposalSelect) + " WHERE p.call_id = ? ORDER BY p.id",
             call_id);
}

Status SqlDealTx::PutScore(const ProposalScore& x) {
  return Exec(c_,
              "INSERT INTO proposal_scores (proposal_id, judge_id, scores, total, scored_at) "
              "VALUES (?,?,?,?,?) ON CONFLICT (proposal_id, judge_id) DO UPDATE SET scores = "
              "excluded.scores, total = excluded.total, scored_at = excluded.scored_at",
              x.proposal_id, x.judge_id, nlohmann::json(x.scores).dump(), x.total, x.scored_at);
}

Status SqlDealTx::RecordMatchViews(const std::vector<MatchView>& views) {
  if (views.empty()) return Status::Ok();
  // One statement for the batch. The first of a listing, day and viewer wins, also within the
  // batch (DO NOTHING skips a row that an earlier one of the statement inserted).
  using T = Dialect::Type;
  JsonRows rows;
  for (const MatchView& v : views) {
    rows.Row().Int(v.listing_id).Text(v.day).Text(v.viewer).OptInt(v.user_id).Int(v.hits);
    rows.Int(v.at);
  }
  return Exec(c_,
              "INSERT INTO match_views (listing_id, day, viewer, user_id, hits, at) SELECT "
              "v.listing_id, v.day, v.viewer, v.user_id, v.hits, v.at FROM " +
                  c_.dialect().Rows({{"listing_id", T::kInt},
                                     {"day", T::kText},
                                     {"viewer", T::kText},
                                     {"user_id", T::kInt},
                                     {"hits", T::kInt},
                                     {"at", T::kInt}}) +
                  " v WHERE 1 = 1 ORDER BY v.position ON CONFLICT (listing_id, day, viewer) DO "
                  "NOTHING",
              rows.str());
}

Result<PlatformStats> SqlDealTx::Stats() {
  PlatformStats st;
  // Every figure in one statement: rows of (figure, key, count), keys in byte order.
  const Dialect& d = c_.dialect();
  auto listings = [](const char* figure, const char* kind, const std::string& key) {
    return std::string("SELECT '") + figure + "' AS figure, " + key +
           " AS k, COUNT(*) AS n FROM listings WHERE kind = '" + kind +
           "' AND status = 'published' GROUP BY 2";
  };
  const std::string month = d.UtcMonth("published_at");
  const std::string province = "substr(region, 1, 2)";
  const std::string deal_listing =
      " FROM deals d LEFT JOIN listings dl ON dl.id = d.demand_id LEFT JOIN listings al ON "
      "al.id = d.achievement_id LEFT JOIN orgs b ON b.id = d.buyer_org_id GROUP BY 2";
  const std::vector<std::string> parts = {
      listings("demands_by_month", "demand", month),
      listings("achievements_by_month", "achievement", month),
      listings("demands_by_category", "demand", "category"),
      listings("achievements_by_category", "achievement", "category"),
      listings("demands_by_region", "demand", province),
      listings("achievements_by_region", "achievement", province),
      "SELECT 'deals_by_month', " + d.UtcMonth("created_at") + ", COUNT(*) FROM deals GROUP BY 2",
      "SELECT 'deals_by_category', COALESCE(NULLIF(dl.category, ''), al.category, ''), COUNT(*)" +
          deal_listing,
      "SELECT 'deals_by_region', substr(COALESCE(b.region, ''), 1, 2), COUNT(*)" + deal_listing,
      "SELECT 'declined_by_reason', reason, COUNT(*) FROM deals WHERE stage = 'declined' GROUP "
      "BY 2",
      "SELECT 'funnel', 'matches_shown', COUNT(*) FROM match_views",
      "SELECT 'funnel', 'deals_opened', COUNT(*) FROM deals",
      "SELECT 'funnel', 'deals_signed', COUNT(*) FROM deals WHERE signed_at > 0",
      "SELECT 'funnel', 'deals_registered', COUNT(*) FROM deals WHERE registered_at > 0",
  };
  std::string sql;
  for (const auto& part : parts) sql += (sql.empty() ? "" : " UNION ALL ") + part;
  const std::map<std::string, std::vector<CountRow>*> lists = {
      {"demands_by_month", &st.demands_by_month},
      {"achievements_by_month", &st.achievements_by_month},
      {"deals_by_month", &st.deals_by_month},
      {"demands_by_category", &st.demands_by_category},
      {"achievements_by_category", &st.achievements_by_category},
      {"deals_by_category", &st.deals_by_category},
      {"demands_by_region", &st.demands_by_region},
      {"achievements_by_region", &st.achievements_by_region},
      {"deals_by_region", &st.deals_by_region},
      {"declined_by_reason", &st.declined_by_reason},
  };
  const std::map<std::string, int64_t*> funnel = {
      {"matches_shown", &st.matches_shown},
      {"deals_opened", &st.deals_opened},
      {"deals_signed", &st.deals_signed},
      {"deals_registered", &st.deals_registered},
  };
  auto s = c_.Prepare("SELECT figure, k, n FROM (" + sql + ") f ORDER BY figure, k" +
                      std::string(d.ByteOrder()));
  if (!s.ok()) return s.status();
  while ((*s)->Step()) {
    const std::string figure = (*s)->Text(0);
    if (figure == "funnel") {
      *funnel.at((*s)->Text(1)) = (*s)->Int(2);
    } else {
      lists.at(figure)->push_back({(*s)->Text(1), (*s)->Int(2)});
    }
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return st;
}

}  // namespace kc::sql
