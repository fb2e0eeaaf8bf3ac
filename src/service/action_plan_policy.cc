#include "service/action_plan_policy.h"

namespace kc {

bool CanManagePlans(const Actor& actor) { return actor.is_admin(); }

bool CanSeePlan(const Actor& actor, const ActionPlan& plan) {
  return plan.status == PlanStatus::kPublished || CanManagePlans(actor);
}

bool CanReportOnTask(const Actor& actor, const PlanTask& task) {
  if (actor.is_admin()) return true;
  return task.owner_org_id && actor.manages_org(*task.owner_org_id);
}

}  // namespace kc
