// JSON of open challenges (揭榜挂帅, served under /challenges): challenges, proposals and judges'
// scores, read from and written to JSON. Each writer stands beside the OpenAPI schema of what it
// writes, and the routes document their requests and responses with these schemas, so the two
// change together; the response check (docs/api.md, "The document is checked") and
// tests/api/call_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "core/challenge.h"
#include "core/status.h"
#include "service/challenges.h"

namespace kc::api {

// A challenge as its reader sees it (ChallengeView: the proposals only for those who may see them,
// and what the reader may do).
nlohmann::json ChallengeJson(const ChallengeView& view);
nlohmann::json ChallengeSchema();

// What turning a demand into a challenge takes, and reading it: demand_id, deadline and criteria
// required; a criterion is a name or {name, weight}; judges are usernames. 422 naming the field
// otherwise.
nlohmann::json ChallengeInputSchema();
Result<NewChallenge> ReadChallenge(const nlohmann::json& body);

// A proposal with its proposing organisation and its mean score so far.
nlohmann::json ProposalJson(const Proposal& proposal);
nlohmann::json ProposalSchema();

// A judge's scores of a proposal, one number per criterion in the challenge's order; 422 naming
// "scores" otherwise.
Result<std::vector<double>> ReadJudgeScores(const nlohmann::json& body);

}  // namespace kc::api
