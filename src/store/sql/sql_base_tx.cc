#include "store/sql/sql_base_tx.h"

#include "store/json_columns.h"
#include "store/sql/dialect.h"
#include "store/sql/statements.h"

namespace kc::sql {

namespace {

constexpr const char* kBaseCols =
    "id, name, name_en, country, city, org_id, host_name, fields, services, description, "
    "contact, website, established, status, created_by, created_at, updated_at";

// The base in kBaseCols order.
OffshoreBase BaseFrom(const Row& r) {
  OffshoreBase b;
  b.id = r.Int(0);
  b.name = r.Text(1);
  b.name_en = r.Text(2);
  b.country = r.Text(3);
  b.city = r.Text(4);
  if (!r.IsNull(5)) b.org_id = r.Int(5);
  b.host_name = r.Text(6);
  b.fields = SplitArray(r.Text(7));
  b.services = SplitArray(r.Text(8));
  b.description = r.Text(9);
  b.contact = ContactFrom(r.Text(10));
  b.website = r.Text(11);
  b.established = r.Text(12);
  b.status = BaseStatusFromName(r.Text(13)).value_or(BaseStatus::kDraft);
  b.created_by = r.Int(14);
  b.created_at = r.Int(15);
  b.updated_at = r.Int(16);
  return b;
}

// Binds the base's columns after id, in kBaseCols order.
void BindBase(Stmt& s, const OffshoreBase& b) {
  s.Bind(b.name).Bind(b.name_en).Bind(b.country).Bind(b.city);
  s.Bind(b.org_id).Bind(b.host_name).Bind(JoinArray(b.fields)).Bind(JoinArray(b.services));
  s.Bind(b.description).Bind(ContactJson(b.contact)).Bind(b.website).Bind(b.established);
  s.Bind(BaseStatusName(b.status)).Bind(b.created_by).Bind(b.created_at).Bind(b.updated_at);
}

std::vector<std::string> StatusNames(const std::vector<BaseStatus>& statuses) {
  std::vector<std::string> out;
  for (BaseStatus s : statuses) out.emplace_back(BaseStatusName(s));
  return out;
}

}  // namespace

Result<int64_t> SqlBaseTx::InsertBase(const OffshoreBase& b) {
  return Scalar(c_,
                "INSERT INTO offshore_bases (name, name_en, country, city, org_id, host_name, "
                "fields, services, description, contact, website, established, status, "
                "created_by, created_at, updated_at) VALUES (" +
                    Marks(16) + ") RETURNING id",
                [&](Stmt& s) { BindBase(s, b); });
}

Result<OffshoreBase> SqlBaseTx::GetBase(int64_t id) {
  return One(c_, BaseFrom, "base",
             std::string("SELECT ") + kBaseCols + " FROM offshore_bases WHERE id = ?", id);
}

Status SqlBaseTx::UpdateBase(const OffshoreBase& b) {
  return Touch(
      c_, "base",
      "UPDATE offshore_bases SET name=?, name_en=?, country=?, city=?, org_id=?, "
      "host_name=?, fields=?, services=?, description=?, contact=?, website=?, "
      "established=?, status=?, created_by=?, created_at=?, updated_at=? WHERE id=?",
      [&](Stmt& s) { BindBase(s, b); }, b.id);
}

Status SqlBaseTx::DeleteBase(int64_t id) {
  // Explicitly, not through ON DELETE CASCADE alone: SQLite honours it only with foreign keys
  // on, which a restored or hand-opened database may not have.
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM offshore_base_people WHERE base_id = ?", id));
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM offshore_base_projects WHERE base_id = ?", id));
  return Touch(c_, "base", "DELETE FROM offshore_bases WHERE id = ?", id);
}

Result<Page<OffshoreBase>> SqlBaseTx::ListBases(const BaseQuery& q) {
  Where w;
  if (!q.statuses.empty()) {
    w.And(c_.dialect().InTexts("status"), c_.dialect().TextList(StatusNames(q.statuses)));
  }
  if (q.or_org_id) w.And("(status <> 'draft' OR org_id = ?)", *q.or_org_id);
  if (!q.country.empty()) w.And("country = ?", q.country);
  if (!q.field.empty()) w.And("fields LIKE ? ESCAPE '\\'", "%\"" + LikeEscape(q.field) + "\"%");
  if (q.org_id) w.And("org_id = ?", *q.org_id);
  if (!q.text.empty()) {
    const std::string like = "%" + LikeEscape(q.text) + "%";
    w.And(
        "(name LIKE ? ESCAPE '\\' OR name_en LIKE ? ESCAPE '\\' OR city LIKE ? ESCAPE '\\' OR "
        "host_name LIKE ? ESCAPE '\\')",
        like, like, like, like);
  }
  const std::string order = std::string(" ORDER BY country, city") +
                            std::string(c_.dialect().ByteOrder()) + ", name" +
                            std::string(c_.dialect().ByteOrder()) + ", id";
  return ReadPage(
      c_, BaseFrom, "SELECT COUNT(*) FROM offshore_bases" + w.sql(), w,
      kBaseCols + std::string(" FROM offshore_bases") + w.sql() + order + " LIMIT ? OFFSET ?", w,
      q.limit, q.offset);
}

Result<std::vector<BaseCountryCount>> SqlBaseTx::CountByCountry(
    const std::vector<BaseStatus>& statuses) {
  return All(
      c_,
      [](const Row& r) {
        return BaseCountryCount{r.Text(0), r.Int(1)};
      },
      "SELECT country, COUNT(*) FROM offshore_bases WHERE " + c_.dialect().InTexts("status") +
          " GROUP BY country ORDER BY COUNT(*) DESC, country" +
          std::string(c_.dialect().ByteOrder()),
      c_.dialect().TextList(StatusNames(statuses)));
}

Result<std::vector<BasePerson>> SqlBaseTx::ListPeople(int64_t base_id) {
  return All(
      c_,
      [](const Row& r) {
        return BasePerson{r.Int(0), r.Int(1), r.Text(2), r.Text(3), static_cast<int>(r.Int(4))};
      },
      "SELECT id, base_id, name, role, position FROM offshore_base_people WHERE base_id = ? "
      "ORDER BY position, id",
      base_id);
}

Status SqlBaseTx::ReplacePeople(int64_t base_id, const std::vector<BasePerson>& people) {
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM offshore_base_people WHERE base_id = ?", base_id));
  if (people.empty()) return Status::Ok();
  using T = Dialect::Type;
  JsonRows values;
  for (const auto& p : people) values.Row().Text(p.name).Text(p.role);
  return Exec(c_,
              "INSERT INTO offshore_base_people (base_id, name, role, position) SELECT CAST(? AS "
              "BIGINT), r.name, r.role, r.position FROM " +
                  c_.dialect().Rows({{"name", T::kText}, {"role", T::kText}}) +
                  " r ORDER BY r.position",
              base_id, values.str());
}

Result<std::vector<BaseProjectView>> SqlBaseTx::ListProjects(int64_t base_id) {
  return All(
      c_,
      [](const Row& r) {
        BaseProjectView v;
        v.project = BaseProject{r.Int(0), r.Int(1), r.Text(2), static_cast<int>(r.Int(3))};
        v.listing.id = r.Int(1);
        v.listing.kind = KindFromName(r.Text(4)).value_or(ListingKind::kDemand);
        v.listing.org_id = r.Int(5);
        v.listing.title = r.Text(6);
        v.listing.status = StatusFromName(r.Text(7)).value_or(ListingStatus::kDraft);
        v.listing.visibility = VisibilityFromName(r.Text(8)).value_or(Visibility::kPublic);
        v.listing.category = r.Text(9);
        return v;
      },
      "SELECT p.base_id, p.listing_id, p.note, p.position, l.kind, l.org_id, l.title, l.status, "
      "l.visibility, l.category FROM offshore_base_projects p JOIN listings l ON l.id = "
      "p.listing_id WHERE p.base_id = ? ORDER BY p.position, p.listing_id",
      base_id);
}

Status SqlBaseTx::ReplaceProjects(int64_t base_id, const std::vector<BaseProject>& projects) {
  KC_RETURN_IF_ERROR(Exec(c_, "DELETE FROM offshore_base_projects WHERE base_id = ?", base_id));
  if (projects.empty()) return Status::Ok();
  using T = Dialect::Type;
  JsonRows values;
  for (const auto& p : projects) values.Row().Int(p.listing_id).Text(p.note);
  return Exec(c_,
              "INSERT INTO offshore_base_projects (base_id, listing_id, note, position) SELECT "
              "CAST(? AS BIGINT), r.listing_id, r.note, r.position FROM " +
                  c_.dialect().Rows({{"listing_id", T::kInt}, {"note", T::kText}}) +
                  " r ORDER BY r.position",
              base_id, values.str());
}

}  // namespace kc::sql
