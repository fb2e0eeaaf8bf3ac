// Who may see and maintain the action plans (三年行动计划): the one place these rules live
// (docs/architecture.md, "Permissions: one policy per domain"; docs/action-plans.md).
#pragma once

#include "core/action_plan.h"
#include "service/actor.h"

namespace kc {

// True when the actor writes plans: creates, edits, publishes and deletes plans, their
// categories, tasks and milestones, and imports tasks. Platform admins only: a plan is the
// programme's, not an organisation's.
bool CanManagePlans(const Actor& actor);

// True when the actor may see the plan: a published plan is public; a draft is seen by platform
// admins only (everyone else is told it does not exist).
bool CanSeePlan(const Actor& actor, const ActionPlan& plan);

// True when the actor reports on `task` of a plan they may see: files and withdraws progress
// reports, marks milestones done and open again, and sets the task's status. Platform admins,
// and the org admins of the task's owner organisation. A plain member of that organisation, a
// member whose request to join is pending and another organisation's admin do not: a report is
// the organisation's account to the programme, given by those who answer for it.
bool CanReportOnTask(const Actor& actor, const PlanTask& task);

}  // namespace kc
