// BaseTx written once over the SQL layer, for both databases: it runs in the transaction of the
// StoreTx that owns it, through that transaction's sql::Conn. A base's people and projects are
// each written in one statement, and a base's projects are read with their listings in one.
#pragma once

#include "store/base_tx.h"
#include "store/sql/conn.h"

namespace kc::sql {

class SqlBaseTx : public BaseTx {
 public:
  explicit SqlBaseTx(Conn& conn) : c_(conn) {}

  Result<int64_t> InsertBase(const OffshoreBase& base) override;
  Result<OffshoreBase> GetBase(int64_t id) override;
  Status UpdateBase(const OffshoreBase& base) override;
  Status DeleteBase(int64_t id) override;
  Result<Page<OffshoreBase>> ListBases(const BaseQuery& query) override;
  Result<std::vector<BaseCountryCount>> CountByCountry(
      const std::vector<BaseStatus>& statuses) override;

  Result<std::vector<BasePerson>> ListPeople(int64_t base_id) override;
  Status ReplacePeople(int64_t base_id, const std::vector<BasePerson>& people) override;
  Result<std::vector<BaseProjectView>> ListProjects(int64_t base_id) override;
  Status ReplaceProjects(int64_t base_id, const std::vector<BaseProject>& projects) override;

 private:
  Conn& c_;
};

}  // namespace kc::sql
