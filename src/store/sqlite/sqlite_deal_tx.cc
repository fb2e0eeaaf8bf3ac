#include "store/sqlite/sqlite_deal_tx.h"

#include <nlohmann/json.hpp>

#include "store/json_columns.h"

namespace kc::sqlite {

namespace {

constexpr const char* kDealCols =
    "id, title, demand_id, achievement_id, call_id, buyer_org_id, seller_org_id, broker_org_id, "
    "stage, reason, reason_note, nda_passed, opened_by, created_at, updated_at, signed_at, "
    "registered_at, proposed_stage, proposed_by_org, proposed_by, proposed_at";

Deal DealFrom(const Stmt& s) {
  Deal d;
  d.id = s.Int(0);
  d.title = s.Text(1);
  d.demand_id = s.OptInt(2);
  d.achievement_id = s.OptInt(3);
  d.call_id = s.OptInt(4);
  d.buyer_org_id = s.Int(5);
  d.seller_org_id = s.Int(6);
  d.broker_org_id = s.OptInt(7);
  d.stage = DealStageFromName(s.Text(8)).value_or(DealStage::kIntent);
  d.reason = DealReasonFromName(s.Text(9));
  d.reason_note = s.Text(10);
  d.nda_passed = s.Int(11) != 0;
  d.opened_by = s.Int(12);
  d.created_at = s.Int(13);
  d.updated_at = s.Int(14);
  d.signed_at = s.Int(15);
  d.registered_at = s.Int(16);
  d.proposed_stage = DealStageFromName(s.Text(17));
  d.proposed_by_org = s.OptInt(18);
  d.proposed_by = s.OptInt(19);
  d.proposed_at = s.Int(20);
  return d;
}

// Binds every deal column after id, in kDealCols order, from index 1.
void BindDeal(Stmt& s, const Deal& d) {
  s.Bind(1, d.title).Bind(2, d.demand_id).Bind(3, d.achievement_id).Bind(4, d.call_id);
  s.Bind(5, d.buyer_org_id).Bind(6, d.seller_org_id).Bind(7, d.broker_org_id);
  s.Bind(8, DealStageName(d.stage));
  // An empty string_view has no data and would bind NULL.
  s.Bind(9, d.reason ? DealReasonName(*d.reason) : std::string_view(""));
  s.Bind(10, d.reason_note).Bind(11, int64_t{d.nda_passed}).Bind(12, d.opened_by);
  s.Bind(13, d.created_at).Bind(14, d.updated_at).Bind(15, d.signed_at);
  s.Bind(16, d.registered_at);
  s.Bind(17, d.proposed_stage ? DealStageName(*d.proposed_stage) : std::string_view(""));
  s.Bind(18, d.proposed_by_org).Bind(19, d.proposed_by).Bind(20, d.proposed_at);
}

constexpr const char* kAttachmentCols =
    "id, deal_id, uploader_id, file_name, content_type, size, stored_name, created_at";

DealAttachment AttachmentFrom(const Stmt& s) {
  return DealAttachment{s.Int(0),  s.Int(1), s.Int(2),  s.Text(3),
                        s.Text(4), s.Int(5), s.Text(6), s.Int(7)};
}

}  // namespace

Result<int64_t> SqliteDealTx::InsertDeal(const Deal& d) {
  auto s =
      P("INSERT INTO deals (title, demand_id, achievement_id, call_id, buyer_org_id, "
        "seller_org_id, broker_org_id, stage, reason, reason_note, nda_passed, opened_by, "
        "created_at, updated_at, signed_at, registered_at, proposed_stage, proposed_by_org, "
        "proposed_by, proposed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  BindDeal(**s, d);
  KC_RETURN_IF_ERROR((*s)->Run());
  return c_.LastInsertId();
}

Result<Deal> SqliteDealTx::GetDeal(int64_t id) {
  auto s = P(std::string("SELECT ") + kDealCols + " FROM deals WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, id);
  if ((*s)->Step()) return DealFrom(**s);
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("deal");
}

Status SqliteDealTx::UpdateDeal(const Deal& d) {
  auto s =
      P("UPDATE deals SET title=?, demand_id=?, achievement_id=?, call_id=?, buyer_org_id=?, "
        "seller_org_id=?, broker_org_id=?, stage=?, reason=?, reason_note=?, nda_passed=?, "
        "opened_by=?, created_at=?, updated_at=?, signed_at=?, registered_at=?, proposed_stage=?, "
        "proposed_by_org=?, proposed_by=?, proposed_at=? WHERE id=?");
  if (!s.ok()) return s.status();
  BindDeal(**s, d);
  (*s)->Bind(21, d.id);
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() ? Status::Ok() : NotFound("deal");
}

Result<Page<Deal>> SqliteDealTx::ListDeals(const DealQuery& q) {
  Page<Deal> page;
  if (!q.all && q.org_ids.empty()) return page;
  // One statement shape whatever the filters: unused filters compare with themselves.
  const std::string where =
      " WHERE (? = 1 OR buyer_org_id IN (SELECT value FROM json_each(?)) OR seller_org_id IN "
      "(SELECT value FROM json_each(?)) OR broker_org_id IN (SELECT value FROM json_each(?))) "
      "AND (? = 0 OR broker_org_id = ?) AND (? = '' OR stage = ?)";
  const std::string orgs = nlohmann::json(q.org_ids).dump();
  const std::string stage = q.stage ? std::string(DealStageName(*q.stage)) : std::string();
  auto bind = [&](Stmt& s) {
    s.Bind(1, int64_t{q.all}).Bind(2, orgs).Bind(3, orgs).Bind(4, orgs);
    s.Bind(5, q.broker_org_id.value_or(0)).Bind(6, q.broker_org_id.value_or(0));
    s.Bind(7, stage).Bind(8, stage);
  };
  {
    auto c = P("SELECT COUNT(*) FROM deals" + where);
    if (!c.ok()) return c.status();
    bind(**c);
    page.total = (*c)->Step() ? (*c)->Int(0) : 0;
    KC_RETURN_IF_ERROR((*c)->status());
  }
  auto s = P(std::string("SELECT ") + kDealCols + " FROM deals" + where +
             " ORDER BY id DESC LIMIT ? OFFSET ?");
  if (!s.ok()) return s.status();
  bind(**s);
  (*s)->Bind(9, q.limit).Bind(10, q.offset);
  while ((*s)->Step()) page.items.push_back(DealFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  return page;
}

Result<std::vector<int64_t>> SqliteDealTx::PartyUserIds(const Deal& d) {
  auto s = P("SELECT id FROM users WHERE disabled = 0 AND org_id IN (?, ?, ?) ORDER BY id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, d.buyer_org_id).Bind(2, d.seller_org_id).Bind(3, d.broker_org_id.value_or(0));
  std::vector<int64_t> out;
  while ((*s)->Step()) out.push_back((*s)->Int(0));
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<int64_t> SqliteDealTx::InsertMessage(const DealMessage& m) {
  auto s = P("INSERT INTO deal_messages (deal_id, author_id, text, created_at) VALUES (?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, m.deal_id).Bind(2, m.author_id).Bind(3, m.text).Bind(4, m.created_at);
  KC_RETURN_IF_ERROR((*s)->Run());
  return c_.LastInsertId();
}

Result<std::vector<DealMessage>> SqliteDealTx::ListMessages(int64_t deal_id) {
  auto s =
      P("SELECT m.id, m.deal_id, m.author_id, COALESCE(u.display_name, ''), m.text, "
        "m.created_at FROM deal_messages m LEFT JOIN users u ON u.id = m.author_id WHERE "
        "m.deal_id = ? ORDER BY m.id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, deal_id);
  std::vector<DealMessage> out;
  while ((*s)->Step()) {
    const Stmt& r = **s;
    out.push_back(DealMessage{r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.Int(5)});
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<int64_t> SqliteDealTx::InsertAttachment(const DealAttachment& a) {
  auto s =
      P("INSERT INTO deal_attachments (deal_id, uploader_id, file_name, content_type, size, "
        "stored_name, created_at) VALUES (?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, a.deal_id).Bind(2, a.uploader_id).Bind(3, a.file_name).Bind(4, a.content_type);
  (*s)->Bind(5, a.size).Bind(6, a.stored_name).Bind(7, a.created_at);
  KC_RETURN_IF_ERROR((*s)->Run());
  return c_.LastInsertId();
}

Result<DealAttachment> SqliteDealTx::GetAttachment(int64_t id) {
  auto s = P(std::string("SELECT ") + kAttachmentCols + " FROM deal_attachments WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, id);
  if ((*s)->Step()) return AttachmentFrom(**s);
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("attachment");
}

Result<std::vector<DealAttachment>> SqliteDealTx::ListAttachments(int64_t deal_id) {
  auto s = P(std::string("SELECT ") + kAttachmentCols +
             " FROM deal_attachments WHERE deal_id = ? ORDER BY id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, deal_id);
  std::vector<DealAttachment> out;
  while ((*s)->Step()) out.push_back(AttachmentFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Status SqliteDealTx::PutContract(const Contract& c) {
  auto s =
      P("INSERT INTO deal_contracts (deal_id, type, amount_cny, signed_on, registration_no, "
        "recorded_by, recorded_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT (deal_id) DO UPDATE SET "
        "type = excluded.type, amount_cny = excluded.amount_cny, signed_on = excluded.signed_on, "
        "registration_no = excluded.registration_no, recorded_by = excluded.recorded_by, "
        "recorded_at = excluded.recorded_at");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, c.deal_id).Bind(2, ContractTypeName(c.type)).Bind(3, c.amount_cny);
  (*s)->Bind(4, c.signed_on).Bind(5, c.registration_no).Bind(6, c.recorded_by);
  (*s)->Bind(7, c.recorded_at);
  return (*s)->Run();
}

Result<std::optional<Contract>> SqliteDealTx::GetContract(int64_t deal_id) {
  auto s =
      P("SELECT deal_id, type, amount_cny, signed_on, registration_no, recorded_by, recorded_at "
        "FROM deal_contracts WHERE deal_id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, deal_id);
  std::optional<Contract> out;
  if ((*s)->Step()) {
    const Stmt& r = **s;
    out = Contract{r.Int(0),  ContractTypeFromName(r.Text(1)).value_or(ContractType::kDevelopment),
                   r.Int(2),  r.Text(3),
                   r.Text(4), r.Int(5),
                   r.Int(6)};
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<std::vector<Contract>> SqliteDealTx::GetContracts(const std::vector<int64_t>& deal_ids) {
  std::vector<Contract> out;
  if (deal_ids.empty()) return out;
  auto s =
      P("SELECT deal_id, type, amount_cny, signed_on, registration_no, recorded_by, recorded_at "
        "FROM deal_contracts WHERE deal_id IN (SELECT value FROM json_each(?))");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, nlohmann::json(deal_ids).dump());
  while ((*s)->Step()) {
    const Stmt& r = **s;
    out.push_back(Contract{r.Int(0),
                           ContractTypeFromName(r.Text(1)).value_or(ContractType::kDevelopment),
                           r.Int(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6)});
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Status SqliteDealTx::PutConfidential(int64_t listing_id, const std::string& details, int64_t by,
                                     int64_t at) {
  auto s =
      P("INSERT INTO listing_confidential (listing_id, details, updated_by, updated_at) VALUES "
        "(?,?,?,?) ON CONFLICT (listing_id) DO UPDATE SET details = excluded.details, "
        "updated_by = excluded.updated_by, updated_at = excluded.updated_at");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, listing_id).Bind(2, details).Bind(3, by).Bind(4, at);
  return (*s)->Run();
}

Result<std::optional<std::string>> SqliteDealTx::GetConfidential(int64_t listing_id) {
  auto s = P("SELECT details FROM listing_confidential WHERE listing_id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, listing_id);
  std::optional<std::string> out;
  if ((*s)->Step()) out = (*s)->Text(0);
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<std::map<int64_t, std::string>> SqliteDealTx::GetConfidentials(
    const std::vector<int64_t>& listing_ids) {
  std::map<int64_t, std::string> out;
  if (listing_ids.empty()) return out;
  auto s =
      P("SELECT listing_id, details FROM listing_confidential WHERE listing_id IN (SELECT value "
        "FROM json_each(?))");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, nlohmann::json(listing_ids).dump());
  while ((*s)->Step()) out.emplace((*s)->Int(0), (*s)->Text(1));
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<std::vector<AuditEntry>> SqliteDealTx::AuditOfOrgDeals(int64_t org_id) {
  auto s =
      P("SELECT a.id, a.at, a.actor_id, a.entity, a.entity_id, a.action, a.detail FROM audit a "
        "JOIN deals d ON d.id = a.entity_id WHERE a.entity = 'deal' AND (d.buyer_org_id = ? OR "
        "d.seller_org_id = ? OR d.broker_org_id = ?) ORDER BY a.entity_id, a.id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, org_id).Bind(2, org_id).Bind(3, org_id);
  std::vector<AuditEntry> out;
  while ((*s)->Step()) {
    const Stmt& r = **s;
    out.push_back(
        AuditEntry{r.Int(0), r.Int(1), r.OptInt(2), r.Text(3), r.Int(4), r.Text(5), r.Text(6)});
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

}  // namespace kc::sqlite

namespace kc::sqlite {

namespace {

constexpr const char* kCallCols =
    "id, demand_id, org_id, title, description, reward_cny, deadline, criteria, phase, "
    "winner_proposal_id, deal_id, created_by, created_at, announced_at";

OpenCall CallFrom(const Stmt& s) {
  OpenCall c;
  c.id = s.Int(0);
  c.demand_id = s.Int(1);
  c.org_id = s.Int(2);
  c.title = s.Text(3);
  c.description = s.Text(4);
  c.reward_cny = s.Int(5);
  c.deadline = s.Text(6);
  c.criteria = CallCriteriaFrom(s.Text(7));
  c.phase = CallPhaseFromName(s.Text(8)).value_or(CallPhase::kOpen);
  c.winner_proposal_id = s.OptInt(9);
  c.deal_id = s.OptInt(10);
  c.created_by = s.Int(11);
  c.created_at = s.Int(12);
  c.announced_at = s.Int(13);
  return c;
}

void BindCall(Stmt& s, const OpenCall& c) {
  s.Bind(1, c.demand_id).Bind(2, c.org_id).Bind(3, c.title).Bind(4, c.description);
  s.Bind(5, c.reward_cny).Bind(6, c.deadline).Bind(7, CallCriteriaJson(c.criteria));
  s.Bind(8, CallPhaseName(c.phase)).Bind(9, c.winner_proposal_id).Bind(10, c.deal_id);
  s.Bind(11, c.created_by).Bind(12, c.created_at).Bind(13, c.announced_at);
}

constexpr const char* kProposalSelect =
    "SELECT p.id, p.call_id, p.org_id, p.author_id, p.summary, p.achievement_id, p.created_at, "
    "COALESCE(o.name, ''), COALESCE((SELECT AVG(total) FROM proposal_scores WHERE proposal_id = "
    "p.id), 0), (SELECT COUNT(*) FROM proposal_scores WHERE proposal_id = p.id) FROM proposals p "
    "LEFT JOIN orgs o ON o.id = p.org_id";

Proposal ProposalFrom(const Stmt& s) {
  Proposal p;
  p.id = s.Int(0);
  p.call_id = s.Int(1);
  p.org_id = s.Int(2);
  p.author_id = s.Int(3);
  p.summary = s.Text(4);
  p.achievement_id = s.OptInt(5);
  p.created_at = s.Int(6);
  p.org_name = s.Text(7);
  p.score = s.Double(8);
  p.judges_scored = static_cast<int>(s.Int(9));
  return p;
}

}  // namespace

Result<std::vector<BrokeredDeal>> SqliteDealTx::BrokeredDeals(int64_t org_id) {
  auto s = P(std::string("SELECT ") +
             "d.id, d.title, d.demand_id, d.achievement_id, d.call_id, d.buyer_org_id, "
             "d.seller_org_id, d.broker_org_id, d.stage, d.reason, d.reason_note, d.nda_passed, "
             "d.opened_by, d.created_at, d.updated_at, d.signed_at, d.registered_at, "
             "d.proposed_stage, d.proposed_by_org, d.proposed_by, d.proposed_at, "
             "COALESCE(c.amount_cny, 0), COALESCE(NULLIF(dl.discipline, ''), al.discipline, '') "
             "FROM deals d LEFT JOIN deal_contracts c ON c.deal_id = d.id LEFT JOIN listings dl "
             "ON dl.id = d.demand_id LEFT JOIN listings al ON al.id = d.achievement_id WHERE "
             "d.broker_org_id = ? ORDER BY d.id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, org_id);
  std::vector<BrokeredDeal> out;
  while ((*s)->Step()) out.push_back({DealFrom(**s), (*s)->Int(21), (*s)->Text(22)});
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<int64_t> SqliteDealTx::InsertCall(const OpenCall& c) {
  auto s =
      P("INSERT INTO calls (demand_id, org_id, title, description, reward_cny, deadline, "
        "criteria, phase, winner_proposal_id, deal_id, created_by, created_at, announced_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  BindCall(**s, c);
  KC_RETURN_IF_ERROR((*s)->Run());
  return c_.LastInsertId();
}

Result<OpenCall> SqliteDealTx::GetCall(int64_t id) {
  auto s = P(std::string("SELECT ") + kCallCols + " FROM calls WHERE id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, id);
  if ((*s)->Step()) return CallFrom(**s);
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("call");
}

Status SqliteDealTx::UpdateCall(const OpenCall& c) {
  auto s =
      P("UPDATE calls SET demand_id=?, org_id=?, title=?, description=?, reward_cny=?, "
        "deadline=?, criteria=?, phase=?, winner_proposal_id=?, deal_id=?, created_by=?, "
        "created_at=?, announced_at=? WHERE id=?");
  if (!s.ok()) return s.status();
  BindCall(**s, c);
  (*s)->Bind(14, c.id);
  KC_RETURN_IF_ERROR((*s)->Run());
  return (*s)->changes() ? Status::Ok() : NotFound("call");
}

Result<Page<OpenCall>> SqliteDealTx::ListCalls(int64_t offset, int64_t limit) {
  Page<OpenCall> page;
  {
    auto c = P("SELECT COUNT(*) FROM calls");
    if (!c.ok()) return c.status();
    page.total = (*c)->Step() ? (*c)->Int(0) : 0;
    KC_RETURN_IF_ERROR((*c)->status());
  }
  auto s = P(std::string("SELECT ") + kCallCols + " FROM calls ORDER BY id DESC LIMIT ? OFFSET ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, limit).Bind(2, offset);
  while ((*s)->Step()) page.items.push_back(CallFrom(**s));
  KC_RETURN_IF_ERROR((*s)->status());
  return page;
}

Status SqliteDealTx::AddJudge(int64_t call_id, int64_t user_id) {
  auto s = P("INSERT INTO call_judges (call_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, call_id).Bind(2, user_id);
  return (*s)->Run();
}

Result<std::vector<int64_t>> SqliteDealTx::ListJudges(int64_t call_id) {
  auto s = P("SELECT user_id FROM call_judges WHERE call_id = ? ORDER BY user_id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, call_id);
  std::vector<int64_t> out;
  while ((*s)->Step()) out.push_back((*s)->Int(0));
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<int64_t> SqliteDealTx::InsertProposal(const Proposal& p) {
  auto s =
      P("INSERT INTO proposals (call_id, org_id, author_id, summary, achievement_id, created_at) "
        "VALUES (?,?,?,?,?,?)");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, p.call_id).Bind(2, p.org_id).Bind(3, p.author_id).Bind(4, p.summary);
  (*s)->Bind(5, p.achievement_id).Bind(6, p.created_at);
  KC_RETURN_IF_ERROR((*s)->Run());
  return c_.LastInsertId();
}

Result<Proposal> SqliteDealTx::GetProposal(int64_t id) {
  auto s = P(std::string(kProposalSelect) + " WHERE p.id = ?");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, id);
  if ((*s)->Step()) {
    return ProposalFrom(**s);
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return NotFound("proposal");
}

Result<std::vector<Proposal>> SqliteDealTx::ListProposals(int64_t call_id) {
  auto s = P(std::string(kProposalSelect) + " WHERE p.call_id = ? ORDER BY p.id");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, call_id);
  std::vector<Proposal> out;
  while ((*s)->Step()) {
    out.push_back(ProposalFrom(**s));
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Status SqliteDealTx::PutScore(const ProposalScore& x) {
  auto s =
      P("INSERT INTO proposal_scores (proposal_id, judge_id, scores, total, scored_at) VALUES "
        "(?,?,?,?,?) ON CONFLICT (proposal_id, judge_id) DO UPDATE SET scores = excluded.scores, "
        "total = excluded.total, scored_at = excluded.scored_at");
  if (!s.ok()) return s.status();
  (*s)->Bind(1, x.proposal_id).Bind(2, x.judge_id).Bind(3, nlohmann::json(x.scores).dump());
  (*s)->BindDouble(4, x.total).Bind(5, x.scored_at);
  return (*s)->Run();
}

Status SqliteDealTx::RecordMatchViews(const std::vector<MatchView>& views) {
  // The cached statement, run per row: in-process, a row costs no round trip.
  for (const MatchView& v : views) {
    auto s =
        P("INSERT INTO match_views (listing_id, day, viewer, user_id, hits, at) VALUES "
          "(?,?,?,?,?,?) ON CONFLICT (listing_id, day, viewer) DO NOTHING");
    if (!s.ok()) return s.status();
    (*s)->Bind(1, v.listing_id).Bind(2, v.day).Bind(3, v.viewer).Bind(4, v.user_id);
    (*s)->Bind(5, v.hits).Bind(6, v.at);
    KC_RETURN_IF_ERROR((*s)->Run());
  }
  return Status::Ok();
}

Result<std::vector<CountRow>> SqliteDealTx::Counts(std::string_view sql) {
  auto s = P(sql);
  if (!s.ok()) return s.status();
  std::vector<CountRow> out;
  while ((*s)->Step()) out.push_back({(*s)->Text(0), (*s)->Int(1)});
  KC_RETURN_IF_ERROR((*s)->status());
  return out;
}

Result<PlatformStats> SqliteDealTx::Stats() {
  PlatformStats st;
  struct Query {
    std::vector<CountRow>* out;
    std::string sql;
  };
  auto listings = [](const char* kind, const char* key) {
    return std::string("SELECT ") + key + " AS k, COUNT(*) FROM listings WHERE kind = '" + kind +
           "' AND status = 'published' GROUP BY k ORDER BY k";
  };
  const char* month = "strftime('%Y-%m', published_at, 'unixepoch')";
  const char* province = "substr(region, 1, 2)";
  const std::string deal_listing =
      " FROM deals d LEFT JOIN listings dl ON dl.id = d.demand_id LEFT JOIN listings al ON "
      "al.id = d.achievement_id LEFT JOIN orgs b ON b.id = d.buyer_org_id";
  const std::vector<Query> queries = {
      {&st.demands_by_month, listings("demand", month)},
      {&st.achievements_by_month, listings("achievement", month)},
      {&st.demands_by_category, listings("demand", "category")},
      {&st.achievements_by_category, listings("achievement", "category")},
      {&st.demands_by_region, listings("demand", province)},
      {&st.achievements_by_region, listings("achievement", province)},
      {&st.deals_by_month,
       "SELECT strftime('%Y-%m', created_at, 'unixepoch') AS k, COUNT(*) FROM deals GROUP BY k "
       "ORDER BY k"},
      {&st.deals_by_category,
       "SELECT COALESCE(NULLIF(dl.category, ''), al.category, '') AS k, COUNT(*)" + deal_listing +
           " GROUP BY k ORDER BY k"},
      {&st.deals_by_region, "SELECT substr(COALESCE(b.region, ''), 1, 2) AS k, COUNT(*)" +
                                deal_listing + " GROUP BY k ORDER BY k"},
      {&st.declined_by_reason,
       "SELECT reason AS k, COUNT(*) FROM deals WHERE stage = 'declined' GROUP BY k ORDER BY k"},
  };
  for (const auto& q : queries) {
    auto rows = Counts(q.sql);
    if (!rows.ok()) return rows.status();
    *q.out = std::move(*rows);
  }
  auto s =
      P("SELECT (SELECT COUNT(*) FROM match_views), (SELECT COUNT(*) FROM deals), "
        "(SELECT COUNT(*) FROM deals WHERE signed_at > 0), (SELECT COUNT(*) FROM deals WHERE "
        "registered_at > 0)");
  if (!s.ok()) return s.status();
  if ((*s)->Step()) {
    st.matches_shown = (*s)->Int(0);
    st.deals_opened = (*s)->Int(1);
    st.deals_signed = (*s)->Int(2);
    st.deals_registered = (*s)->Int(3);
  }
  KC_RETURN_IF_ERROR((*s)->status());
  return st;
}

}  // namespace kc::sqlite
