// The offshore bases' part of a store transaction (海外人才离岸创新创业基地, docs/bases.md): the
// bases, the people at each and the projects (listings) each hosts. Reached through
// StoreTx::bases(); everything it does belongs to the enclosing transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/listing.h"
#include "core/offshore_base.h"
#include "core/status.h"
#include "store/records.h"

namespace kc {

// Filters of a base list; empty members do not filter. Ordered by country, then city, then
// name, then id.
struct BaseQuery {
  std::vector<BaseStatus> statuses;  // any of these
  // Bases that are published or closed, or of any status when run by this organisation: what
  // an org admin sees of the directory (used with an empty `statuses`).
  std::optional<int64_t> or_org_id;
  std::string country;  // ISO code
  std::string field;    // a taxonomy name among the base's fields
  std::optional<int64_t> org_id;
  std::string text;  // substring of the name, English name, city or host
  int64_t offset = 0;
  int64_t limit = 20;
};

// The number of bases in one country.
struct BaseCountryCount {
  std::string country;
  int64_t count = 0;
};

// A hosted project with what a list shows of its listing: id, kind, org_id, title, status,
// visibility and category (the other members of `listing` are left empty).
struct BaseProjectView {
  BaseProject project;
  Listing listing;
};

// Not thread-safe; belongs to its transaction like StoreTx. Lookups of a missing row return
// NotFound.
class BaseTx {
 public:
  virtual ~BaseTx() = default;

  virtual Result<int64_t> InsertBase(const OffshoreBase& base) = 0;
  virtual Result<OffshoreBase> GetBase(int64_t id) = 0;
  // Replaces every column of base `base.id`.
  virtual Status UpdateBase(const OffshoreBase& base) = 0;
  // Deletes the base with its people and projects.
  virtual Status DeleteBase(int64_t id) = 0;
  virtual Result<Page<OffshoreBase>> ListBases(const BaseQuery& query) = 0;
  // The bases of these statuses by country, most first (then by code).
  virtual Result<std::vector<BaseCountryCount>> CountByCountry(
      const std::vector<BaseStatus>& statuses) = 0;

  // The people of a base in display order (position, then id).
  virtual Result<std::vector<BasePerson>> ListPeople(int64_t base_id) = 0;
  // Replaces the people of a base with `people`, numbered in the order given.
  virtual Status ReplacePeople(int64_t base_id, const std::vector<BasePerson>& people) = 0;

  // The projects of a base in display order, with their listings (one query).
  virtual Result<std::vector<BaseProjectView>> ListProjects(int64_t base_id) = 0;
  // Replaces the projects of a base with `projects`, numbered in the order given. A listing
  // that does not exist fails with a foreign-key error from the database; the service checks
  // first.
  virtual Status ReplaceProjects(int64_t base_id, const std::vector<BaseProject>& projects) = 0;
};

}  // namespace kc
