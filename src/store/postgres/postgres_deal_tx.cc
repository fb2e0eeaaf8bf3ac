#include "store/postgres/postgres_deal_tx.h"

#include <map>
#include <nlohmann/json.hpp>

#include "store/json_columns.h"

namespace kc::pg {

namespace {

constexpr const char* kDealCols =
    "id, title, demand_id, achievement_id, call_id, buyer_org_id, seller_org_id, broker_org_id, "
    "stage, reason, reason_note, nda_passed, opened_by, created_at, updated_at, signed_at, "
    "registered_at, proposed_stage, proposed_by_org, proposed_by, proposed_at";
// The same columns after id.
constexpr const char* kDealValueCols =
    "title, demand_id, achievement_id, call_id, buyer_org_id, seller_org_id, broker_org_id, "
    "stage, reason, reason_note, nda_passed, opened_by, created_at, updated_at, signed_at, "
    "registered_at, proposed_stage, proposed_by_org, proposed_by, proposed_at";

Deal DealFrom(const pqxx::row& r) {
  Deal d;
  d.id = Int(r[0]);
  d.title = Text(r[1]);
  d.demand_id = OptInt(r[2]);
  d.achievement_id = OptInt(r[3]);
  d.call_id = OptInt(r[4]);
  d.buyer_org_id = Int(r[5]);
  d.seller_org_id = Int(r[6]);
  d.broker_org_id = OptInt(r[7]);
  d.stage = DealStageFromName(Text(r[8])).value_or(DealStage::kIntent);
  d.reason = DealReasonFromName(Text(r[9]));
  d.reason_note = Text(r[10]);
  d.nda_passed = Int(r[11]) != 0;
  d.opened_by = Int(r[12]);
  d.created_at = Int(r[13]);
  d.updated_at = Int(r[14]);
  d.signed_at = Int(r[15]);
  d.registered_at = Int(r[16]);
  d.proposed_stage = DealStageFromName(Text(r[17]));
  d.proposed_by_org = OptInt(r[18]);
  d.proposed_by = OptInt(r[19]);
  d.proposed_at = Int(r[20]);
  return d;
}

// The placeholders of every deal column after id, in kDealValueCols order.
std::string DealValues(Params& p, const Deal& d) {
  return p.Ref(d.title) + "," + p.Ref(d.demand_id) + "," + p.Ref(d.achievement_id) + "," +
         p.Ref(d.call_id) + "," + p.Ref(d.buyer_org_id) + "," + p.Ref(d.seller_org_id) + "," +
         p.Ref(d.broker_org_id) + "," + p.Ref(DealStageName(d.stage)) + "," +
         p.Ref(d.reason ? DealReasonName(*d.reason) : std::string_view("")) + "," +
         p.Ref(d.reason_note) + "," + p.Ref(int64_t{d.nda_passed}) + "," + p.Ref(d.opened_by) +
         "," + p.Ref(d.created_at) + "," + p.Ref(d.updated_at) + "," + p.Ref(d.signed_at) + "," +
         p.Ref(d.registered_at) + "," +
         p.Ref(d.proposed_stage ? DealStageName(*d.proposed_stage) : std::string_view("")) + "," +
         p.Ref(d.proposed_by_org) + "," + p.Ref(d.proposed_by) + "," + p.Ref(d.proposed_at);
}

constexpr const char* kAttachmentCols =
    "id, deal_id, uploader_id, file_name, content_type, size, stored_name, created_at";

DealAttachment AttachmentFrom(const pqxx::row& r) {
  return DealAttachment{Int(r[0]),  Int(r[1]), Int(r[2]),  Text(r[3]),
                        Text(r[4]), Int(r[5]), Text(r[6]), Int(r[7])};
}

constexpr const char* kCallCols =
    "id, demand_id, org_id, title, description, reward_cny, deadline, criteria, phase, "
    "winner_proposal_id, deal_id, created_by, created_at, announced_at";
// The same columns after id.
constexpr const char* kCallValueCols =
    "demand_id, org_id, title, description, reward_cny, deadline, criteria, phase, "
    "winner_proposal_id, deal_id, created_by, created_at, announced_at";

OpenCall CallFrom(const pqxx::row& r) {
  OpenCall c;
  c.id = Int(r[0]);
  c.demand_id = Int(r[1]);
  c.org_id = Int(r[2]);
  c.title = Text(r[3]);
  c.description = Text(r[4]);
  c.reward_cny = Int(r[5]);
  c.deadline = Text(r[6]);
  c.criteria = CallCriteriaFrom(Text(r[7]));
  c.phase = CallPhaseFromName(Text(r[8])).value_or(CallPhase::kOpen);
  c.winner_proposal_id = OptInt(r[9]);
  c.deal_id = OptInt(r[10]);
  c.created_by = Int(r[11]);
  c.created_at = Int(r[12]);
  c.announced_at = Int(r[13]);
  return c;
}

// The placeholders of every call column after id, in kCallValueCols order.
std::string CallValues(Params& p, const OpenCall& c) {
  return p.Ref(c.demand_id) + "," + p.Ref(c.org_id) + "," + p.Ref(c.title) + "," +
         p.Ref(c.description) + "," + p.Ref(c.reward_cny) + "," + p.Ref(c.deadline) + "," +
         p.Ref(CallCriteriaJson(c.criteria)) + "," + p.Ref(CallPhaseName(c.phase)) + "," +
         p.Ref(c.winner_proposal_id) + "," + p.Ref(c.deal_id) + "," + p.Ref(c.created_by) + "," +
         p.Ref(c.created_at) + "," + p.Ref(c.announced_at);
}

// Proposals with their organisation's name and the judges' mean score and count, aggregated
// once for the whole list.
constexpr const char* kProposalSelect =
    "SELECT p.id, p.call_id, p.org_id, p.author_id, p.summary, p.achievement_id, p.created_at, "
    "COALESCE(o.name, ''), COALESCE(s.mean, 0), COALESCE(s.n, 0) FROM proposals p LEFT JOIN "
    "orgs o ON o.id = p.org_id LEFT JOIN (SELECT proposal_id, AVG(total) AS mean, COUNT(*) AS n "
    "FROM proposal_scores GROUP BY proposal_id) s ON s.proposal_id = p.id";

Proposal ProposalFrom(const pqxx::row& r) {
  Proposal p;
  p.id = Int(r[0]);
  p.call_id = Int(r[1]);
  p.org_id = Int(r[2]);
  p.author_id = Int(r[3]);
  p.summary = Text(r[4]);
  p.achievement_id = OptInt(r[5]);
  p.created_at = Int(r[6]);
  p.org_name = Text(r[7]);
  p.score = Double(r[8]);
  p.judges_scored = static_cast<int>(Int(r[9]));
  return p;
}

}  // namespace

Result<int64_t> PostgresDealTx::InsertDeal(const Deal& d) {
  Params p;
  return Scalar(t_,
                std::string("INSERT INTO deals (") + kDealValueCols + ") VALUES (" +
                    DealValues(p, d) + ") RETURNING id",
                p);
}

Result<Deal> PostgresDealTx::GetDeal(int64_t id) {
  Params p;
  auto r = t_.Run(std::string("SELECT ") + kDealCols + " FROM deals WHERE id = " + p.Ref(id), p);
  if (!r.ok()) return r.status();
  if (r->empty()) return NotFound("deal");
  return DealFrom((*r)[0]);
}

Status PostgresDealTx::UpdateDeal(const Deal& d) {
  Params p;
  return Touch(t_,
               std::string("UPDATE deals SET (") + kDealValueCols + ") = (" + DealValues(p, d) +
                   ") WHERE id = " + p.Ref(d.id),
               p, "deal");
}

Result<Page<Deal>> PostgresDealTx::ListDeals(const DealQuery& q) {
  Page<Deal> page;
  if (!q.all && q.org_ids.empty()) return page;
  Params p;
  Where w(p);
  if (!q.all) {
    std::string orgs = p.RefIds(q.org_ids);
    w.Add("(buyer_org_id = ANY(" + orgs + ") OR seller_org_id = ANY(" + orgs +
          ") OR broker_org_id = ANY(" + orgs + "))");
  }
  if (q.broker_org_id) w.Add("broker_org_id = " + p.Ref(*q.broker_org_id));
  if (q.stage) w.Add("stage = " + p.Ref(DealStageName(*q.stage)));
  // The total and the page in one round trip.
  auto r = t_.Run("SELECT (SELECT COUNT(*) FROM deals" + w.sql() + "), d.* FROM (SELECT 1) one " +
                      "LEFT JOIN (SELECT " + kDealCols + " FROM deals" + w.sql() +
                      " ORDER BY id DESC LIMIT " + p.Ref(q.limit) + " OFFSET " + p.Ref(q.offset) +
                      ") d ON true",
                  p);
  if (!r.ok()) return r.status();
  for (const auto& row : *r) {
    page.total = Int(row[0]);
    if (row[1].is_null()) continue;  // an empty page: only the total came back
    page.items.push_back(DealFrom(pqxx::row(row.slice(1, row.size()))));
  }
  return page;
}

Result<std::vector<int64_t>> PostgresDealTx::PartyUserIds(const Deal& d) {
  Params p;
  std::vector<int64_t> orgs = {d.buyer_org_id, d.seller_org_id};
  if (d.broker_org_id) orgs.push_back(*d.broker_org_id);
  auto r = t_.Run("SELECT id FROM users WHERE disabled = 0 AND org_id = ANY(" + p.RefIds(orgs) +
                      ") ORDER BY id",
                  p);
  if (!r.ok()) return r.status();
  std::vector<int64_t> out;
  for (const auto& row : *r) out.push_back(Int(row[0]));
  return out;
}

Result<int64_t> PostgresDealTx::InsertMessage(const DealMessage& m) {
  Params p;
  return Scalar(t_,
                "INSERT INTO deal_messages (deal_id, author_id, text, created_at) VALUES (" +
                    p.Ref(m.deal_id) + "," + p.Ref(m.author_id) + "," + p.Ref(m.text) + "," +
                    p.Ref(m.created_at) + ") RETURNING id",
                p);
}

Result<std::vector<DealMessage>> PostgresDealTx::ListMessages(int64_t deal_id) {
  Params p;
  auto r = t_.Run(
      "SELECT m.id, m.deal_id, m.author_id, COALESCE(u.display_name, ''), m.text, m.created_at "
      "FROM deal_messages m LEFT JOIN users u ON u.id = m.author_id WHERE m.deal_id = " +
          p.Ref(deal_id) + " ORDER BY m.id",
      p);
  if (!r.ok()) return r.status();
  std::vector<DealMessage> out;
  for (const auto& row : *r) {
    out.push_back(DealMessage{Int(row[0]), Int(row[1]), Int(row[2]), Text(row[3]), Text(row[4]),
                              Int(row[5])});
  }
  return out;
}

Result<int64_t> PostgresDealTx::InsertAttachment(const DealAttachment& a) {
  Params p;
  return Scalar(t_,
                "INSERT INTO deal_attachments (deal_id, uploader_id, file_name, content_type, "
                "size, stored_name, created_at) VALUES (" +
                    p.Ref(a.deal_id) + "," + p.Ref(a.uploader_id) + "," + p.Ref(a.file_name) + "," +
                    p.Ref(a.content_type) + "," + p.Ref(a.size) + "," + p.Ref(a.stored_name) + "," +
                    p.Ref(a.created_at) + ") RETURNING id",
                p);
}

Result<DealAttachment> PostgresDealTx::GetAttachment(int64_t id) {
  Params p;
  auto r = t_.Run(
      std::string("SELECT ") + kAttachmentCols + " FROM deal_attachments WHERE id = " + p.Ref(id),
      p);
  if (!r.ok()) return r.status();
  if (r->empty()) return NotFound("attachment");
  return AttachmentFrom((*r)[0]);
}

Result<std::vector<DealAttachment>> PostgresDealTx::ListAttachments(int64_t deal_id) {
  Params p;
  auto r = t_.Run(std::string("SELECT ") + kAttachmentCols +
                      " FROM deal_attachments WHERE deal_id = " + p.Ref(deal_id) + " ORDER BY id",
                  p);
  if (!r.ok()) return r.status();
  std::vector<DealAttachment> out;
  for (const auto& row : *r) out.push_back(AttachmentFrom(row));
  return out;
}

Status PostgresDealTx::PutContract(const Contract& c) {
  Params p;
  return Exec(t_,
              "INSERT INTO deal_contracts (deal_id, type, amount_cny, signed_on, registration_no, "
              "recorded_by, recorded_at) VALUES (" +
                  p.Ref(c.deal_id) + "," + p.Ref(ContractTypeName(c.type)) + "," +
                  p.Ref(c.amount_cny) + "," + p.Ref(c.signed_on) + "," + p.Ref(c.registration_no) +
                  "," + p.Ref(c.recorded_by) + "," + p.Ref(c.recorded_at) +
                  ") ON CONFLICT (deal_id) DO UPDATE SET type = excluded.type, amount_cny = "
                  "excluded.amount_cny, signed_on = excluded.signed_on, registration_no = "
                  "excluded.registration_no, recorded_by = excluded.recorded_by, recorded_at = "
                  "excluded.recorded_at",
              p);
}

Result<std::optional<Contract>> PostgresDealTx::GetContract(int64_t deal_id) {
  Params p;
  auto r = t_.Run(
      "SELECT deal_id, type, amount_cny, signed_on, registration_no, recorded_by, recorded_at "
      "FROM deal_contracts WHERE deal_id = " +
          p.Ref(deal_id),
      p);
  if (!r.ok()) return r.status();
  std::optional<Contract> out;
  if (!r->empty()) {
    const auto& row = (*r)[0];
    out = Contract{
        Int(row[0]),  ContractTypeFromName(Text(row[1])).value_or(ContractType::kDevelopment),
        Int(row[2]),  Text(row[3]),
        Text(row[4]), Int(row[5]),
        Int(row[6])};
  }
  return out;
}

Result<std::vector<Contract>> PostgresDealTx::GetContracts(const std::vector<int64_t>& deal_ids) {
  std::vector<Contract> out;
  if (deal_ids.empty()) return out;
  Params p;
  auto r = t_.Run(
      "SELECT deal_id, type, amount_cny, signed_on, registration_no, recorded_by, recorded_at "
      "FROM deal_contracts WHERE deal_id = ANY(" +
          p.RefIds(deal_ids) + ")",
      p);
  if (!r.ok()) return r.status();
  for (const auto& row : *r) {
    out.push_back(Contract{Int(row[0]),
                           ContractTypeFromName(Text(row[1])).value_or(ContractType::kDevelopment),
                           Int(row[2]), Text(row[3]), Text(row[4]), Int(row[5]), Int(row[6])});
  }
  return out;
}

Status PostgresDealTx::PutConfidential(int64_t listing_id, const std::string& details, int64_t by,
                                       int64_t at) {
  Params p;
  return Exec(t_,
              "INSERT INTO listing_confidential (listing_id, details, updated_by, updated_at) "
              "VALUES (" +
                  p.Ref(listing_id) + "," + p.Ref(details) + "," + p.Ref(by) + "," + p.Ref(at) +
                  ") ON CONFLICT (listing_id) DO UPDATE SET details = excluded.details, "
                  "updated_by = excluded.updated_by, updated_at = excluded.updated_at",
              p);
}

Result<std::optional<std::string>> PostgresDealTx::GetConfidential(int64_t listing_id) {
  Params p;
  auto r =
      t_.Run("SELECT details FROM listing_confidential WHERE listing_id = " + p.Ref(listing_id), p);
  if (!r.ok()) return r.status();
  std::optional<std::string> out;
  if (!r->empty()) out = Text((*r)[0][0]);
  return out;
}

Result<std::map<int64_t, std::string>> PostgresDealTx::GetConfidentials(
    const std::vector<int64_t>& listing_ids) {
  std::map<int64_t, std::string> out;
  if (listing_ids.empty()) return out;
  Params p;
  auto r = t_.Run("SELECT listing_id, details FROM listing_confidential WHERE listing_id = ANY(" +
                      p.RefIds(listing_ids) + ")",
                  p);
  if (!r.ok()) return r.status();
  for (const auto& row : *r) out.emplace(Int(row[0]), Text(row[1]));
  return out;
}

Result<std::vector<AuditEntry>> PostgresDealTx::AuditOfOrgDeals(int64_t org_id) {
  Params p;
  std::string org = p.Ref(org_id);
  auto r = t_.Run(
      "SELECT a.id, a.at, a.actor_id, a.entity, a.entity_id, a.action, a.detail FROM audit a "
      "JOIN deals d ON d.id = a.entity_id WHERE a.entity = 'deal' AND (d.buyer_org_id = " +
          org + " OR d.seller_org_id = " + org + " OR d.broker_org_id = " + org +
          ") ORDER BY a.entity_id, a.id",
      p);
  if (!r.ok()) return r.status();
  std::vector<AuditEntry> out;
  for (const auto& row : *r) {
    out.push_back(AuditEntry{Int(row[0]), Int(row[1]), OptInt(row[2]), Text(row[3]), Int(row[4]),
                             Text(row[5]), Text(row[6])});
  }
  return out;
}

Result<std::vector<BrokeredDeal>> PostgresDealTx::BrokeredDeals(int64_t org_id) {
  Params p;
  auto r = t_.Run(
      "SELECT d.id, d.title, d.demand_id, d.achievement_id, d.call_id, d.buyer_org_id, "
      "d.seller_org_id, d.broker_org_id, d.stage, d.reason, d.reason_note, d.nda_passed, "
      "d.opened_by, d.created_at, d.updated_at, d.signed_at, d.registered_at, "
      "d.proposed_stage, d.proposed_by_org, d.proposed_by, d.proposed_at, "
      "COALESCE(c.amount_cny, 0), COALESCE(NULLIF(dl.discipline, ''), al.discipline, '') "
      "FROM deals d LEFT JOIN deal_contracts c ON c.deal_id = d.id LEFT JOIN listings dl "
      "ON dl.id = d.demand_id LEFT JOIN listings al ON al.id = d.achievement_id WHERE "
      "d.broker_org_id = " +
          p.Ref(org_id) + " ORDER BY d.id",
      p);
  if (!r.ok()) return r.status();
  std::vector<BrokeredDeal> out;
  for (const auto& row : *r) out.push_back({DealFrom(row), Int(row[21]), Text(row[22])});
  return out;
}

Result<int64_t> PostgresDealTx::InsertCall(const OpenCall& c) {
  Params p;
  return Scalar(t_,
                std::string("INSERT INTO calls (") + kCallValueCols + ") VALUES (" +
                    CallValues(p, c) + ") RETURNING id",
                p);
}

Result<OpenCall> PostgresDealTx::GetCall(int64_t id) {
  Params p;
  auto r = t_.Run(std::string("SELECT ") + kCallCols + " FROM calls WHERE id = " + p.Ref(id), p);
  if (!r.ok()) return r.status();
  if (r->empty()) return NotFound("call");
  return CallFrom((*r)[0]);
}

Status PostgresDealTx::UpdateCall(const OpenCall& c) {
  Params p;
  return Touch(t_,
               std::string("UPDATE calls SET (") + kCallValueCols + ") = (" + CallValues(p, c) +
                   ") WHERE id = " + p.Ref(c.id),
               p, "call");
}

Result<Page<OpenCall>> PostgresDealTx::ListCalls(int64_t offset, int64_t limit) {
  Params p;
  auto r = t_.Run(std::string("SELECT (SELECT COUNT(*) FROM calls), c.* FROM (SELECT 1) one ") +
                      "LEFT JOIN (SELECT " + kCallCols + " FROM calls ORDER BY id DESC LIMIT " +
                      p.Ref(limit) + " OFFSET " + p.Ref(offset) + ") c ON true",
                  p);
  if (!r.ok()) return r.status();
  Page<OpenCall> page;
  for (const auto& row : *r) {
    page.total = Int(row[0]);
    if (row[1].is_null()) continue;
    page.items.push_back(CallFrom(pqxx::row(row.slice(1, row.size()))));
  }
  return page;
}

Status PostgresDealTx::AddJudge(int64_t call_id, int64_t user_id) {
  Params p;
  return Exec(t_,
              "INSERT INTO call_judges (call_id, user_id) VALUES (" + p.Ref(call_id) + "," +
                  p.Ref(user_id) + ") ON CONFLICT DO NOTHING",
              p);
}

Result<std::vector<int64_t>> PostgresDealTx::ListJudges(int64_t call_id) {
  Params p;
  auto r = t_.Run(
      "SELECT user_id FROM call_judges WHERE call_id = " + p.Ref(call_id) + " ORDER BY user_id", p);
  if (!r.ok()) return r.status();
  std::vector<int64_t> out;
  for (const auto& row : *r) out.push_back(Int(row[0]));
  return out;
}

Result<int64_t> PostgresDealTx::InsertProposal(const Proposal& x) {
  Params p;
  return InsertUnique(t_,
                      "INSERT INTO proposals (call_id, org_id, author_id, summary, achievement_id, "
                      "created_at) VALUES (" +
                          p.Ref(x.call_id) + "," + p.Ref(x.org_id) + "," + p.Ref(x.author_id) +
                          "," + p.Ref(x.summary) + "," + p.Ref(x.achievement_id) + "," +
                          p.Ref(x.created_at) + ") ON CONFLICT DO NOTHING RETURNING id",
                      p,
                      Conflict("duplicate", "a record with this org_id already exists", "org_id"));
}

Result<std::vector<Proposal>> PostgresDealTx::Proposals(const std::string& where, const Params& p) {
  auto r = t_.Run(std::string(kProposalSelect) + where + " ORDER BY p.id", p);
  if (!r.ok()) return r.status();
  std::vector<Proposal> out;
  for (const auto& row : *r) out.push_back(ProposalFrom(row));
  return out;
}

Result<Proposal> PostgresDealTx::GetProposal(int64_t id) {
  Params p;
  std::string where = " WHERE p.id = " + p.Ref(id);
  auto found = Proposals(where, p);
  if (!found.ok()) return found.status();
  if (found->empty()) return NotFound("proposal");
  return std::move(found->front());
}

Result<std::vector<Proposal>> PostgresDealTx::ListProposals(int64_t call_id) {
  Params p;
  std::string where = " WHERE p.call_id = " + p.Ref(call_id);
  return Proposals(where, p);
}

Status PostgresDealTx::PutScore(const ProposalScore& x) {
  Params p;
  return Exec(t_,
              "INSERT INTO proposal_scores (proposal_id, judge_id, scores, total, scored_at) "
              "VALUES (" +
                  p.Ref(x.proposal_id) + "," + p.Ref(x.judge_id) + "," +
                  p.Ref(nlohmann::json(x.scores).dump()) + "," + p.RefDouble(x.total) + "," +
                  p.Ref(x.scored_at) +
                  ") ON CONFLICT (proposal_id, judge_id) DO UPDATE SET scores = "
                  "excluded.scores, total = excluded.total, scored_at = excluded.scored_at",
              p);
}

Status PostgresDealTx::RecordMatchViews(const std::vector<MatchView>& views) {
  if (views.empty()) return Status::Ok();
  // One statement for all rows: six arrays unnested side by side (a visitor's user id is 0
  // in its array, NULL in the table). The first of a listing, day and viewer wins, also within
  // the batch (DO NOTHING skips a row that an earlier one of the statement inserted).
  std::vector<int64_t> listings, users, hits, at;
  std::vector<std::string> days, viewers;
  for (const MatchView& v : views) {
    listings.push_back(v.listing_id);
    days.push_back(v.day);
    viewers.push_back(v.viewer);
    users.push_back(v.user_id.value_or(0));
    hits.push_back(v.hits);
    at.push_back(v.at);
  }
  Params p;
  return Exec(t_,
              "INSERT INTO match_views (listing_id, day, viewer, user_id, hits, at) SELECT l, d, "
              "w, NULLIF(u, 0), h, a FROM unnest(" +
                  p.RefIds(listings) + ", " + p.RefTexts(days) + ", " + p.RefTexts(viewers) + ", " +
                  p.RefIds(users) + ", " + p.RefIds(hits) + ", " + p.RefIds(at) +
                  ") WITH ORDINALITY AS v(l, d, w, u, h, a, n) ORDER BY n ON CONFLICT "
                  "(listing_id, day, viewer) DO NOTHING",
              p);
}

Result<PlatformStats> PostgresDealTx::Stats() {
  PlatformStats st;
  // Every figure in one statement: rows of (figure, key, count), keys in byte order as SQLite
  // sorts them.
  auto listings = [](const char* figure, const char* kind, const char* key) {
    return std::string("SELECT '") + figure + "', " + key +
           ", COUNT(*) FROM listings WHERE kind = '" + kind +
           "' AND status = 'published' GROUP BY 2";
  };
  const char* month = "to_char(to_timestamp(published_at) AT TIME ZONE 'UTC', 'YYYY-MM')";
  const char* province = "substr(region, 1, 2)";
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
      "SELECT 'deals_by_month', to_char(to_timestamp(created_at) AT TIME ZONE 'UTC', 'YYYY-MM'), "
      "COUNT(*) FROM deals GROUP BY 2",
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
  auto r = t_.Run("SELECT * FROM (" + sql + ") f (figure, k, n) ORDER BY figure, k COLLATE \"C\"");
  if (!r.ok()) return r.status();
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
  for (const auto& row : *r) {
    std::string figure = Text(row[0]);
    if (figure == "funnel") {
      *funnel.at(Text(row[1])) = Int(row[2]);
    } else {
      lists.at(figure)->push_back({Text(row[1]), Int(row[2])});
    }
  }
  return st;
}

}  // namespace kc::pg
