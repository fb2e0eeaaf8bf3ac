#include "net/http_signature.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace kc::net {
namespace {

constexpr int64_t kMaxSkewSeconds = 300;      // §3.3 step 5: created and Date within ± this
constexpr int64_t kMaxLifetimeSeconds = 300;  // §3.1: expires − created at most this
constexpr size_t kMinNonce = 16, kMaxNonce = 64;
constexpr size_t kMaxKeyId = 128;
constexpr size_t kMaxIntegerDigits = 15;  // RFC 8941 sf-integer

// The covered components of §3.1, serialized as the inner list of Signature-Input.
constexpr std::string_view kRequestCovered = R"(("@method" "@target-uri" "content-digest" "date"))";
constexpr std::string_view kResponseCovered =
    R"(("@status" "content-digest" "date" "@method";req "@target-uri";req))";

constexpr const char* kDayNames[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr const char* kMonthNames[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

Status Missing(std::string message) {
  return Status::Error(ErrorKind::kUnauthorized, "signature_missing", std::move(message));
}
Status Malformed(std::string message) {
  return Status::Error(ErrorKind::kBadInput, "signature_malformed", std::move(message));
}
Status Refused(std::string code, std::string message) {
  return Status::Error(ErrorKind::kUnauthorized, std::move(code), std::move(message));
}

void InitSodium() {
  // Idempotent and thread-safe; failure leaves randombytes unusable, which we cannot recover.
  if (sodium_init() < 0) std::abort();
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

// Hinnant's days_from_civil / civil_from_days (proleptic Gregorian, days since 1970-01-01).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = static_cast<int64_t>(yoe) + era * 400 + (*m <= 2);
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

int WeekdayOf(int64_t days) { return static_cast<int>(((days % 7) + 7 + 4) % 7); }  // 0 = Sun

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned DaysInMonth(int64_t y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsNonceChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c) || c == '_' || c == '-';
}

bool IsKeyIdChar(char c) { return IsNonceChar(c) || c == '.' || c == ':'; }

std::string_view TrimOws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The parameters of a §3.1 signature (alg is always ed25519).
struct SignatureParams {
  int64_t created = 0;
  int64_t expires = 0;
  std::string nonce;
  std::string keyid;
};

// The value of the "@signature-params" line and of the `kc` member of Signature-Input.
std::string ParamsValue(std::string_view covered, const SignatureParams& p) {
  std::string out(covered);
  out += ";created=" + std::to_string(p.created) + ";expires=" + std::to_string(p.expires) +
         ";nonce=\"" + p.nonce + "\";keyid=\"" + p.keyid + "\";alg=\"ed25519\"";
  return out;
}

// RFC 9421 §2.5: the component lines (each ending in LF), then the "@signature-params" line
// without a trailing LF.
std::string SignatureBase(std::string_view component_lines, std::string_view params_value) {
  std::string base(component_lines);
  base += "\"@signature-params\": ";
  base += params_value;
  return base;
}

std::string RequestLines(std::string_view method, std::string_view target_uri,
                         std::string_view content_digest, std::string_view date) {
  std::string out;
  out.append("\"@method\": ").append(method).append("\n");
  out.append("\"@target-uri\": ").append(target_uri).append("\n");
  out.append("\"content-digest\": ").append(content_digest).append("\n");
  out.append("\"date\": ").append(date).append("\n");
  return out;
}

std::string ResponseLines(int status, std::string_view content_digest, std::string_view date,
                          std::string_view request_method, std::string_view request_target_uri) {
  std::string out;
  out.append("\"@status\": ").append(std::to_string(status)).append("\n");
  out.append("\"content-digest\": ").append(content_digest).append("\n");
  out.append("\"date\": ").append(date).append("\n");
  out.append("\"@method\";req: ").append(request_method).append("\n");
  out.append("\"@target-uri\";req: ").append(request_target_uri).append("\n");
  return out;
}

// A strict left-to-right reader of one header value.
class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool Literal(std::string_view lit) {
    if (s_.substr(0, lit.size()) != lit) return false;
    s_.remove_prefix(lit.size());
    return true;
  }
  // A non-negative sf-integer without leading zeros (so that it serializes back the same).
  bool Integer(int64_t* out) {
    size_t n = 0;
    while (n < s_.size() && IsDigit(s_[n])) ++n;
    if (n == 0 || n > kMaxIntegerDigits || (n > 1 && s_[0] == '0')) return false;
    int64_t v = 0;
    for (size_t i = 0; i < n; ++i) v = v * 10 + (s_[i] - '0');
    *out = v;
    s_.remove_prefix(n);
    return true;
  }
  // A quoted string of `min`..`max` characters, each accepted by `allowed` (no escapes).
  bool Quoted(bool (*allowed)(char), size_t min, size_t max, std::string* out) {
    if (!Literal("\"")) return false;
    size_t n = 0;
    while (n < s_.size() && allowed(s_[n])) ++n;
    if (n < min || n > max || n >= s_.size() || s_[n] != '"') return false;
    out->assign(s_.substr(0, n));
    s_.remove_prefix(n + 1);
    return true;
  }
  // Up to (not including) the next `c`, which is consumed; false when there is none.
  bool Until(char c, std::string_view* out) {
    size_t at = s_.find(c);
    if (at == std::string_view::npos) return false;
    *out = s_.substr(0, at);
    s_.remove_prefix(at + 1);
    return true;
  }
  bool AtEnd() const { return s_.empty(); }

 private:
  std::string_view s_;
};

// Step 2: Signature-Input must be exactly `kc=<covered>;created=…;expires=…;nonce="…";
// keyid="…";alg="ed25519"` and nothing else (no other label, parameter or order).
Result<SignatureParams> ParseSignatureInput(std::string_view value, std::string_view covered) {
  Reader r(TrimOws(value));
  SignatureParams p;
  if (!r.Literal("kc=")) return Malformed("Signature-Input must have the one label kc");
  if (!r.Literal(covered))
    return Malformed("Signature-Input must cover exactly " + std::string(covered));
  if (!r.Literal(";created=") || !r.Integer(&p.created) || !r.Literal(";expires=") ||
      !r.Integer(&p.expires))
    return Malformed("Signature-Input needs created then expires, as integers");
  if (!r.Literal(";nonce=") || !r.Quoted(IsNonceChar, kMinNonce, kMaxNonce, &p.nonce))
    return Malformed("Signature-Input needs a nonce of 16 to 64 characters [A-Za-z0-9_-]");
  if (!r.Literal(";keyid=") || !r.Quoted(IsKeyIdChar, 1, kMaxKeyId, &p.keyid))
    return Malformed("Signature-Input needs a keyid (the sender's node id)");
  if (!r.Literal(";alg=\"ed25519\"")) return Malformed("Signature-Input needs alg=\"ed25519\"");
  if (!r.AtEnd())
    return Malformed("Signature-Input has more than the one signature kc and its parameters");
  return p;
}

// Step 2: Signature must be exactly `kc=:BASE64:` holding 64 bytes.
Result<std::string> ParseSignature(std::string_view value) {
  Reader r(TrimOws(value));
  std::string_view b64;
  if (!r.Literal("kc=:") || !r.Until(':', &b64) || !r.AtEnd())
    return Malformed("Signature must be kc=:BASE64:");
  std::string sig(crypto_sign_BYTES, '\0');
  size_t len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(sig.data()), sig.size(), b64.data(),
                        b64.size(), nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != b64.data() + b64.size() || len != crypto_sign_BYTES)
    return Malformed("Signature must hold 64 bytes in base64");
  return sig;
}

// Step 5.
Status CheckTime(const SignatureParams& p, std::string_view date, int64_t now) {
  if (p.created > now + kMaxSkewSeconds || p.created < now - kMaxSkewSeconds)
    return Refused("signature_expired", "created is more than 300 s from the receiver's clock");
  if (p.created > p.expires || p.expires - p.created > kMaxLifetimeSeconds)
    return Refused("signature_expired", "expires must be created + 300 at most");
  if (p.expires < now) return Refused("signature_expired", "the signature has expired");
  std::optional<int64_t> sent = ParseHttpDate(date);
  if (!sent) return Refused("signature_expired", "Date is absent or not an IMF-fixdate");
  if (*sent > now + kMaxSkewSeconds || *sent < now - kMaxSkewSeconds)
    return Refused("signature_expired", "Date is more than 300 s from the receiver's clock");
  return Status::Ok();
}

// A value that would break the base's one-line-per-component form cannot have been signed.
bool FitsOnALine(std::string_view value) {
  for (char c : value)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;
  return true;
}

SignatureHeaders Sign(const NodeKey& key, std::string_view covered, std::string content_digest,
                      std::string date, std::string_view component_lines, int64_t now,
                      std::string_view nonce) {
  SignatureParams p{now, now + kMaxLifetimeSeconds, std::string(nonce), key.NodeId()};
  std::string params = ParamsValue(covered, p);
  std::string sig = key.Sign(SignatureBase(component_lines, params));
  std::string b64(sodium_base64_ENCODED_LEN(crypto_sign_BYTES, sodium_base64_VARIANT_ORIGINAL),
                  '\0');
  sodium_bin2base64(b64.data(), b64.size(), Bytes(sig), sig.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(b64.find('\0'));
  return SignatureHeaders{std::move(content_digest), std::move(date), "kc=" + params,
                          "kc=:" + b64 + ":"};
}

// Steps 2–6 for either kind of message; `component_lines` were built from the message and
// `headers` as received.
Result<VerifiedSignature> Verify(std::string_view covered, std::string_view component_lines,
                                 bool components_fit, std::string_view body,
                                 const SignatureHeaders& headers, const PublicKeyLookup& key_of,
                                 int64_t now) {
  if (headers.signature_input.empty() || headers.signature.empty())
    return Missing("the message has no Signature-Input and Signature");
  auto params = ParseSignatureInput(headers.signature_input, covered);
  KC_RETURN_IF_ERROR(params);
  auto sig = ParseSignature(headers.signature);
  KC_RETURN_IF_ERROR(sig);

  std::optional<std::array<uint8_t, NodeKey::kPublicKeyBytes>> public_key =
      key_of ? key_of(params->keyid) : std::nullopt;
  if (!public_key) return Refused("unknown_key", "keyid " + params->keyid + " is not a known peer");

  if (headers.content_digest != ContentDigest(body))
    return Refused("digest_mismatch", "Content-Digest is not the sha-256 of the body");

  KC_RETURN_IF_ERROR(CheckTime(*params, headers.date, now));

  std::string base = SignatureBase(component_lines, ParamsValue(covered, *params));
  if (!components_fit ||
      crypto_sign_verify_detached(Bytes(*sig), Bytes(base), base.size(), public_key->data()) != 0)
    return Refused("signature_invalid",
                   "the signature does not verify with the key of " + params->keyid);
  return VerifiedSignature{params->keyid, params->nonce, params->created, params->expires};
}

}  // namespace

std::string ContentDigest(std::string_view body) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, Bytes(body), body.size());
  char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(b64, sizeof b64, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
  return std::string("sha-256=:") + b64 + ":";
}

std::string HttpDate(int64_t unix_seconds) {
  const int64_t days = FloorDiv(unix_seconds, 86400);
  const int64_t secs = unix_seconds - days * 86400;
  int64_t y = 0;
  unsigned m = 0, d = 0;
  CivilFromDays(days, &y, &m, &d);
  char out[64];
  std::snprintf(out, sizeof out, "%s, %02u %s %04lld %02d:%02d:%02d GMT",
                kDayNames[WeekdayOf(days)], d, kMonthNames[m - 1], static_cast<long long>(y),
                static_cast<int>(secs / 3600), static_cast<int>(secs / 60 % 60),
                static_cast<int>(secs % 60));
  return out;
}

std::optional<int64_t> ParseHttpDate(std::string_view s) {
  // "Sun, 06 Dec 2026 12:00:00 GMT"
  //  0123456789012345678901234567 8
  if (s.size() != 29 || s.substr(3, 2) != ", " || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' ||
      s[19] != ':' || s[22] != ':' || s.substr(25) != " GMT")
    return std::nullopt;
  auto number = [&](size_t at, size_t n, int64_t* out) {
    int64_t v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (!IsDigit(s[i])) return false;
      v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return true;
  };
  int64_t day = 0, year = 0, hour = 0, minute = 0, second = 0;
  if (!number(5, 2, &day) || !number(12, 4, &year) || !number(17, 2, &hour) ||
      !number(20, 2, &minute) || !number(23, 2, &second))
    return std::nullopt;
  unsigned month = 0;
  for (unsigned i = 0; i < 12; ++i)
    if (s.substr(8, 3) == kMonthNames[i]) month = i + 1;
  if (month == 0 || day < 1 || day > DaysInMonth(year, month) || hour > 23 || minute > 59 ||
      second > 59)
    return std::nullopt;
  const int64_t days = DaysFromCivil(year, month, static_cast<unsigned>(day));
  if (s.substr(0, 3) != kDayNames[WeekdayOf(days)]) return std::nullopt;
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

std::string NewNonce() {
  InitSodium();
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

SignatureHeaders SignRequest(const NodeKey& key, std::string_view method,
                             std::string_view target_uri, std::string_view body, int64_t now,
                             std::string_view nonce) {
  std::string digest = ContentDigest(body);
  std::string date = HttpDate(now);
  std::string lines = RequestLines(method, target_uri, digest, date);
  return Sign(key, kRequestCovered, std::move(digest), std::move(date), lines, now, nonce);
}

SignatureHeaders SignResponse(const NodeKey& key, int status, std::string_view body,
                              std::string_view request_method, std::string_view request_target_uri,
                              int64_t now, std::string_view nonce) {
  std::string digest = ContentDigest(body);
  std::string date = HttpDate(now);
  std::string lines = ResponseLines(status, digest, date, request_method, request_target_uri);
  return Sign(key, kResponseCovered, std::move(digest), std::move(date), lines, now, nonce);
}

Result<VerifiedSignature> VerifyRequest(std::string_view method, std::string_view target_uri,
                                        std::string_view body, const SignatureHeaders& headers,
                                        const PublicKeyLookup& key_of, int64_t now) {
  InitSodium();
  bool fit = FitsOnALine(method) && FitsOnALine(target_uri);
  return Verify(kRequestCovered,
                RequestLines(method, target_uri, headers.content_digest, headers.date), fit, body,
                headers, key_of, now);
}

Result<VerifiedSignature> VerifyResponse(int status, std::string_view body,
                                         const SignatureHeaders& headers,
                                         std::string_view request_method,
                                         std::string_view request_target_uri,
                                         const PublicKeyLookup& key_of, int64_t now) {
  InitSodium();
  bool fit = status >= 100 && status <= 999 && FitsOnALine(request_method) &&
             FitsOnALine(request_target_uri);
  return Verify(kResponseCovered,
                ResponseLines(status, headers.content_digest, headers.date, request_method,
                              request_target_uri),
                fit, body, headers, key_of, now);
}

}  // namespace kc::net
