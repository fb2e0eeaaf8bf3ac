// The words of the pages the server writes for readers without JavaScript: the language a
// request asks for, and the app's own texts (web/src/i18n/, built into messages.json beside
// index.html), so a field is named on the server exactly as the app names it.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/message.h"

namespace kc::api {

// "zh-CN" or "en", chosen as the app chooses (web/src/i18n/index.js): the language the reader
// picked in the app (the kc-lang cookie, the server's copy of its choice), then ?lang=, then
// the first of Accept-Language's languages (by weight) that is Chinese or English; zh-CN
// otherwise.
std::string PageLanguage(const http::Request& req);

class PageText {
 public:
  // No texts: every lookup gives its key.
  PageText() = default;

  // Reads {"zh-CN":{…},"en":{…}} (the app's message trees). Malformed text gives no texts.
  static PageText FromJson(std::string_view messages_json);

  // The message at `key` ("form.category") in `language`, else in zh-CN (the app's fallback),
  // else the key itself; each "{name}" is replaced by its value in `params`. Plain text: the
  // caller escapes it. Thread-safe (const).
  std::string Get(std::string_view language, std::string_view key,
                  const std::vector<std::pair<std::string, std::string>>& params = {}) const;

 private:
  std::map<std::string, std::string, std::less<>> messages_;  // "zh-CN:form.category" → text
};

}  // namespace kc::api
