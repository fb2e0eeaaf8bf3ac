// JSON of open calls (揭榜挂帅, served under /challenges): calls, proposals and judges' scores,
// read from and written to JSON. Each writer stands beside the OpenAPI schema of what it
// writes, and the routes document their requests and responses with these schemas, so the two
// change together; the response check (docs/api.md, "The document is checked") and
// tests/api/call_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/open_call.h"
#include "core/status.h"
#include "service/open_calls.h"

namespace kc::api {

// A call as its reader sees it (CallView: the proposals only for those who may see them, and
// what the reader may do).
nlohmann::json CallJson(const CallView& view);
nlohmann::json CallSchema();

// What turning a demand into a call takes, and reading it: demand_id, deadline and criteria
// required; a criterion is a name or {name, weight}; judges are usernames. 422 naming the field
// otherwise.
nlohmann::json CallInputSchema();
Result<NewCall> ReadCall(const nlohmann::json& body);

// A proposal with its proposing organisation and its mean score so far.
nlohmann::json ProposalJson(const Proposal& proposal);
nlohmann::json ProposalSchema();

// A judge's scores of a proposal, one number per criterion in the call's order; 422 naming
// "scores" otherwise.
Result<std::vector<double>> ReadJudgeScores(const nlohmann::json& body);

}  // namespace kc::api
