// PlanTx written once over the SQL layer, for both databases: it runs in the transaction of the
// StoreTx that owns it, through that transaction's sql::Conn.
#pragma once

#include "store/plan_tx.h"
#include "store/sql/conn.h"

namespace kc::sql {

class SqlPlanTx : public PlanTx {
 public:
  explicit SqlPlanTx(Conn& conn) : c_(conn) {}

  Result<int64_t> InsertPlan(const ActionPlan& plan) override;
  Result<ActionPlan> GetPlan(int64_t id) override;
  Status UpdatePlan(const ActionPlan& plan) override;
  Status DeletePlan(int64_t id) override;
  Result<std::vector<ActionPlan>> ListPlans(const std::vector<PlanStatus>& statuses) override;

  Result<int64_t> InsertCategory(const PlanCategory& category) override;
  Result<PlanCategory> GetCategory(int64_t id) override;
  Status UpdateCategory(const PlanCategory& category) override;
  Status DeleteCategory(int64_t id) override;
  Result<std::vector<PlanCategory>> ListCategories(int64_t plan_id) override;

  Result<int64_t> InsertTask(const PlanTask& task) override;
  Result<PlanTask> GetTask(int64_t id) override;
  Status UpdateTask(const PlanTask& task) override;
  Status DeleteTask(int64_t id) override;
  Result<std::vector<PlanTask>> ListTasks(const TaskQuery& query) override;
  Result<int64_t> CountTasks(int64_t category_id) override;

  Result<int64_t> InsertMilestone(const PlanMilestone& milestone) override;
  Result<PlanMilestone> GetMilestone(int64_t id) override;
  Status UpdateMilestone(const PlanMilestone& milestone) override;
  Status DeleteMilestone(int64_t id) override;
  Result<std::vector<PlanMilestone>> ListMilestones(int64_t task_id) override;
  Result<std::vector<PlanMilestone>> ListPlanMilestones(int64_t plan_id) override;

  Result<int64_t> InsertReport(const ProgressReport& report) override;
  Result<ProgressReport> GetReport(int64_t id) override;
  Status DeleteReport(int64_t id) override;
  Result<std::vector<ProgressReport>> ListReports(int64_t task_id) override;

  Result<std::vector<OverdueMilestone>> ListOverdue(const std::string& today,
                                                    int64_t limit) override;
  Result<bool> RecordNotice(int64_t milestone_id, int64_t user_id, int64_t at) override;

 private:
  Conn& c_;
};

}  // namespace kc::sql
