// The headers every response carries, whatever answered it (API, static files, the pages
// written by the server, errors): a Content-Security-Policy for the web app, no framing, a
// referrer policy, no content sniffing, and HSTS when the platform is served over HTTPS.
// docs/security.md says why each is what it is.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kc::http {

// Scripts only from the platform's own files (the app's scripts are files; the pages' inline
// <script type="application/json"> and JSON-LD blocks are data, never run, so the policy does
// not concern them). Inline styles are allowed: the pages the server writes carry one <style>
// element and the app's components set style attributes. Images may come from anywhere (news
// articles show pictures of their source); nothing may frame a page.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src * data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

// One year, for this host only (a platform shares its domain with sites it does not control).
inline constexpr std::string_view kStrictTransportSecurity = "max-age=31536000";

// The headers, in order. `https`: the platform is reached over HTTPS (--secure-cookies), which
// adds Strict-Transport-Security. Made once (every response carries them).
const std::vector<std::pair<std::string_view, std::string_view>>& SecurityHeaders(bool https);

}  // namespace kc::http
