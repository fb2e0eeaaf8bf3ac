// The action plans' pages (三年行动计划, docs/action-plans.md) as the server writes them for
// readers without JavaScript and for search engines (docs/pages.md): the list of published
// plans, a plan's progress dashboard (the app's charts as tables) with its tasks, and a task
// with its milestones and progress reports. The app's PlansView.vue, PlanView.vue and
// PlanTaskView.vue show the same with ECharts and in the viewer's time zone; these pages write
// calendar days as they are and times in Asia/Shanghai with the zone named.
#pragma once

#include <string_view>
#include <vector>

#include "api/page_html.h"
#include "core/action_plan.h"
#include "service/action_plans.h"

namespace kc::api {

// The published plans, each a link with its years; schema.org ItemList JSON-LD.
PageContent PlansPage(const std::vector<ActionPlan>& plans, const PageText& text,
                      std::string_view language, std::string_view base_url);

// A plan's page: title, years, description, the day the figures were derived on, the totals,
// a table of tasks per category and shown status, a table of milestones due and done per
// month, then each category's tasks as links with their code, owner and shown status.
PageContent PlanPage(const PlanDetail& detail, const PlanDashboard& dashboard, const PageText& text,
                     std::string_view language, std::string_view base_url);

// A task's page: plan and category (links), code and title, owner, shown status, description,
// milestones (due day, done or overdue) and the progress reports, newest first, with their
// evidence as links (http(s) only).
PageContent PlanTaskPage(const TaskDetail& detail, const PageText& text, std::string_view language,
                         std::string_view base_url);

}  // namespace kc::api
