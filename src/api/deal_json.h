// JSON of technology transactions (技术交易): deals, their contracts, messages and documents,
// read from and written to JSON. Each writer stands beside the OpenAPI schema of what it
// writes, and the routes document their requests and responses with these schemas, so the two
// change together; the response check (docs/api.md, "The document is checked") and
// tests/api/deal_json_test.cc compare them.
#pragma once

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "service/deals.h"

namespace kc::api {

// A deal as its parties see it: stage, parties, reason, contract, the achievement's confidential
// details once visible ("confidential": {"exists", "visible", "details"?}) and, when Get filled
// it in, the history.
nlohmann::json DealJson(const DealView& view);
nlohmann::json ContractJson(const Contract& contract);

nlohmann::json DealSchema();

// What opening a deal takes, and reading it (every field optional; the service says what a
// deal needs).
nlohmann::json OpenDealInputSchema();
Result<OpenDealRequest> ReadOpenDeal(const nlohmann::json& body);

// What recording a contract takes, and reading it: type (development, transfer, license,
// consulting or service), amount_cny, signed_on and registration_no, all required; 422 naming
// the field otherwise.
nlohmann::json ContractInputSchema();
Result<Contract> ReadContract(const nlohmann::json& body);

// A message to a deal's parties.
nlohmann::json MessageJson(const DealMessage& message);
nlohmann::json MessageSchema();

// A document of a deal, with the URL it downloads from.
nlohmann::json AttachmentJson(const DealAttachment& attachment);
nlohmann::json AttachmentSchema();

}  // namespace kc::api
