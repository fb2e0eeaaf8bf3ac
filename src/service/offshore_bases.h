// 海外人才离岸创新创业基地: the directory of offshore innovation bases, the people at each and the
// projects each hosts (docs/bases.md). Platform admins and the org admins of the organisation
// that runs a base maintain it; published and closed bases are public (the rules:
// offshore_base_policy.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/offshore_base.h"
#include "service/actor.h"
#include "service/importer.h"
#include "store/store.h"

namespace kc {

// At most this many people and projects per base.
inline constexpr size_t kMaxBasePeople = 50;
inline constexpr size_t kMaxBaseProjects = 50;
// At most this many rows in one import.
inline constexpr size_t kMaxImportRows = 1000;

// A base with its people and the projects this caller may see.
struct OffshoreBaseDetail {
  OffshoreBase base;
  std::vector<BasePerson> people;
  std::vector<BaseProjectView> projects;
};

// Filters of a base list as a caller asks for them; empty members do not filter.
struct BaseListFilter {
  std::optional<BaseStatus> status;
  std::string country;
  std::string field;
  std::optional<int64_t> org_id;
  std::string text;
  int64_t offset = 0;
  int64_t limit = 20;
};

class OffshoreBases {
 public:
  OffshoreBases(Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // Adds a base (status as given, draft by default). 401 for a visitor; 403 unless
  // CanCreateBase for its org_id; 422 for a bad field, "unknown_org" (org_id) for an
  // organisation that does not exist.
  Result<OffshoreBase> Create(const Actor& actor, OffshoreBase base);
  // Replaces the editable fields of base `base.id` (everything but id, created_by and
  // created_at), its status included. 404 for a base the caller may not see; 403 unless
  // CanMaintainBase, or when the org_id changes and the caller may not reassign it; 422 as
  // Create.
  Result<OffshoreBase> Update(const Actor& actor, OffshoreBase base);
  // Deletes the base with its people and projects; errors as Update.
  Status Delete(const Actor& actor, int64_t id);

  // A base with its people and the projects whose listings the caller may read; 404 for a base
  // the caller may not see.
  Result<OffshoreBaseDetail> Get(const Actor& actor, int64_t id);
  // Bases, by country, city and name. A caller who may not see drafts never gets one, whatever
  // `filter.status` says.
  Result<Page<OffshoreBase>> List(const Actor& actor, const BaseListFilter& filter);
  // The public bases (published and closed) by country, most first.
  Result<std::vector<BaseCountryCount>> CountByCountry();

  // Replaces the people of a base (at most kMaxBasePeople: 422 "too_many_people"); 422 naming
  // "people[i].name" or "people[i].role" for a bad one. Errors otherwise as Update.
  Result<std::vector<BasePerson>> SetPeople(const Actor& actor, int64_t id,
                                            std::vector<BasePerson> people);
  // Replaces the projects of a base (at most kMaxBaseProjects: 422 "too_many_projects";
  // a listing named twice is kept once). Each listing must exist and be readable by the caller
  // (422 "unknown_project", field "projects[i].listing_id"). Returns the projects as Get shows
  // them to the caller. Errors otherwise as Update.
  Result<std::vector<BaseProjectView>> SetProjects(const Actor& actor, int64_t id,
                                                   std::vector<BaseProject> projects);

  // Imports bases from CSV (offshore_base_import.cc; columns in docs/bases.md): UTF-8 with or
  // without BOM, UTF-16 with BOM, or GB18030; a header row of field names (or their Chinese
  // names); list cells (fields, services, people as "name:role") split as listing imports split
  // them. Platform admins, and org admins for their own organisation (a row without org_id is
  // theirs). Each row is created as Create would (with its people), in one transaction, a bad
  // row reported with its line number while the others are imported. The whole file fails
  // only when it cannot be decoded (400), has no header (400 "empty_file", "bad_header") or has
  // more than kMaxImportRows rows (400 "too_many_rows").
  Result<ImportReport> Import(const Actor& actor, std::string_view bytes);

 private:
  // Create and SetPeople inside a transaction (used by Import for each row).
  Result<OffshoreBase> CreateIn(StoreTx& tx, const Actor& actor, OffshoreBase base);
  Result<std::vector<BasePerson>> SetPeopleIn(StoreTx& tx, const Actor& actor, int64_t id,
                                              std::vector<BasePerson> people);
  // Checks the base's fields and organisation in `tx` (normalising them).
  Status Check(StoreTx& tx, OffshoreBase& base);
  // Loads base `id` for maintenance: NotFound unless the caller may see it, Forbidden unless
  // the caller maintains it.
  Result<OffshoreBase> LoadForMaintenance(StoreTx& tx, const Actor& actor, int64_t id);

  Store& store_;
  const Clock& clock_;
};

}  // namespace kc
