// Records the API tests' responses for the conformance check (tests/api/check_responses.py),
// which validates each JSON body against the API document.
#pragma once

#include <map>
#include <string>

namespace kc::testing {

// Appends one response, as a JSON line, to "<dir>/<pid>.jsonl" when the environment variable
// KC_API_RESPONSES names a directory `dir` (CTest sets it for the API suites); does nothing
// otherwise. The line holds the request's method and target, the status, the content type and
// encoding, the running test's name, and the body when the response is JSON (not compressed).
// Never fails a test: a response that cannot be written is left out. Safe from several threads
// (each line is one write to a file opened for appending).
void RecordResponse(const std::string& method, const std::string& target, int status,
                    const std::multimap<std::string, std::string>& headers,
                    const std::string& body);

}  // namespace kc::testing
