// Messages and documents inside a deal.
#include <array>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/atomic_file.h"
#include "core/utf8.h"
#include "service/audit.h"
#include "service/crypto.h"
#include "service/deal_notices.h"
#include "service/deals.h"
#include "service/listing_validation.h"

namespace kc {

namespace {

// An allowed document type: its extension, its content type and the bytes it starts with.
struct FileType {
  std::string_view extension;
  std::string_view content_type;
  std::string_view magic;  // empty: no check (plain text)
};

constexpr std::string_view kZip = "PK\x03\x04";
constexpr std::string_view kOle = "\xD0\xCF\x11\xE0";  // the old Office formats

constexpr std::array<FileType, 11> kFileTypes = {{
    {"pdf", "application/pdf", "%PDF"},
    {"doc", "application/msword", kOle},
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", kZip},
    {"xls", "application/vnd.ms-excel", kOle},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", kZip},
    {"ppt", "application/vnd.ms-powerpoint", kOle},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation", kZip},
    {"png", "image/png", "\x89PNG"},
    {"jpg", "image/jpeg", "\xFF\xD8\xFF"},
    {"txt", "text/plain; charset=utf-8", ""},
    {"zip", "application/zip", kZip},
}};

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// The allowed type of `file_name` whose bytes look like it, or nothing.
const FileType* TypeOf(const std::string& file_name, const std::string& bytes) {
  auto dot = file_name.rfind('.');
  if (dot == std::string::npos) return nullptr;
  std::string ext = Lower(file_name.substr(dot + 1));
  if (ext == "jpeg") ext = "jpg";
  for (const auto& t : kFileTypes) {
    if (t.extension != ext) continue;
    if (!t.magic.empty() && bytes.compare(0, t.magic.size(), t.magic) != 0) return nullptr;
    if (t.magic.empty() && !IsValidUtf8(bytes)) return nullptr;  // text must be UTF-8
    return &t;
  }
  return nullptr;
}

// The last path component of an uploaded name, without control characters.
std::string CleanFileName(const std::string& name) {
  std::string base =
      name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  std::string out;
  for (char c : base) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) out += c;
  }
  return out;
}

}  // namespace

Result<DealMessage> Deals::PostMessage(const Actor& actor, int64_t deal_id,
                                       const std::string& text) {
  if (!actor.signed_in()) return Unauthorized();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Invalid("text", "required", "a message needs text");
  }
  if (Utf8Length(text) > kMaxMessage) {
    return Invalid("text", "too_long",
                   "a message is at most " + std::to_string(kMaxMessage) + " characters");
  }
  DealMessage m{0, deal_id, actor.user->id, actor.user->display_name, text, clock_.Now()};
  if (actor.relayed) m.author_label = actor.user->display_name;
  KC_RETURN_IF_ERROR(store_.Write([&](StoreTx& tx) -> Status {
    auto d = PartyDeal(tx, actor, deal_id);
    if (!d.ok()) return d.status();
    auto id = tx.deals().InsertMessage(m);
    if (!id.ok()) return id.status();
    m.id = *id;
    KC_RETURN_IF_ERROR(tx.AppendAudit(AuditOf(m.created_at, actor.id(), "deal", deal_id, "message",
                                              {{"message_id", m.id}, {"text", text}})));
    KC_RETURN_IF_ERROR(Relay(tx, actor, *d, {DealChange::Kind::kMessage, text}));
    return NotifyDealParties(tx, *d, actor.id(), "deal_message", Utf8Prefix(text, 100),
                             m.created_at)
        .status();
  }));
  return m;
}

Result<std::vector<DealMessage>> Deals::Messages(const Actor& actor, int64_t deal_id) {
  if (!actor.signed_in()) return Unauthorized();
  Result<std::vector<DealMessage>> out = std::vector<DealMessage>{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(PartyDeal(tx, actor, deal_id));
    out = tx.deals().ListMessages(deal_id);
    return out.status();
  }));
  return out;
}

Result<DealAttachment> Deals::Attach(const Actor& actor, int64_t deal_id,
                                     const std::string& file_name, const std::string& bytes) {
  if (!actor.signed_in()) return Unauthorized();
  // Parties first: a stranger learns nothing about the limits of a deal that is not theirs.
  KC_RETURN_IF_ERROR(
      store_.Read([&](StoreTx& tx) { return PartyDeal(tx, actor, deal_id).status(); }));
  if (static_cast<int64_t>(bytes.size()) > kMaxAttachmentBytes) {
    return Status::Error(
        ErrorKind::kTooLarge, "attachment_too_large",
        "an attachment is at most " + std::to_string(kMaxAttachmentBytes) + " bytes");
  }
  if (bytes.empty()) return Invalid("file", "empty_file", "the file is empty");
  DealAttachment a;
  a.file_name = CleanFileName(file_name);
  if (a.file_name.empty() || !IsValidUtf8(a.file_name) || Utf8Length(a.file_name) > 200) {
    return Invalid("name", "invalid_name", "name the file (at most 200 characters)");
  }
  const FileType* type = TypeOf(a.file_name, bytes);
  if (!type) {
    return Invalid("file", "unsupported_type",
                   "attach pdf, doc, docx, xls, xlsx, ppt, pptx, png, jpg, txt or zip files whose "
                   "content matches their extension");
  }
  a.deal_id = deal_id;
  a.uploader_id = actor.user->id;
  a.content_type = type->content_type;
  a.size = static_cast<int64_t>(bytes.size());
  a.stored_name = RandomHex(16);
  a.created_at = clock_.Now();
  std::error_code ec;
  std::filesystem::create_directories(attachments_dir_, ec);
  if (ec) return FileError("create", attachments_dir_, ec.value());
  const std::filesystem::path path = std::filesystem::path(attachments_dir_) / a.stored_name;
  // Whole or not at all: a full disk leaves no empty or cut-short file behind.
  KC_RETURN_IF_ERROR(WriteFileAtomically(path.string(), bytes));
  Status s = store_.Write([&](StoreTx& tx) -> Status {
    auto d = PartyDeal(tx, actor, deal_id);
    if (!d.ok()) return d.status();
    auto id = tx.deals().InsertAttachment(a);
    if (!id.ok()) return id.status();
    a.id = *id;
    KC_RETURN_IF_ERROR(tx.AppendAudit(
        AuditOf(a.created_at, actor.id(), "deal", deal_id, "document",
                {{"attachment_id", a.id}, {"file_name", a.file_name}, {"size", a.size}})));
    return NotifyDealParties(tx, *d, actor.id(), "deal_document", a.file_name, a.created_at)
        .status();
  });
  if (!s.ok()) {
    std::filesystem::remove(path, ec);
    return s;
  }
  return a;
}

Result<std::vector<DealAttachment>> Deals::Attachments(const Actor& actor, int64_t deal_id) {
  if (!actor.signed_in()) return Unauthorized();
  Result<std::vector<DealAttachment>> out = std::vector<DealAttachment>{};
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(PartyDeal(tx, actor, deal_id));
    out = tx.deals().ListAttachments(deal_id);
    return out.status();
  }));
  return out;
}

Result<std::pair<DealAttachment, std::string>> Deals::Download(const Actor& actor, int64_t deal_id,
                                                               int64_t attachment_id) {
  if (!actor.signed_in()) return Unauthorized();
  DealAttachment a;
  KC_RETURN_IF_ERROR(store_.Read([&](StoreTx& tx) -> Status {
    KC_RETURN_IF_ERROR(PartyDeal(tx, actor, deal_id));
    auto got = tx.deals().GetAttachment(attachment_id);
    if (!got.ok()) return got.status();
    if (got->deal_id != deal_id) return NotFound("attachment");
    a = *got;
    return Status::Ok();
  }));
  std::ifstream in(std::filesystem::path(attachments_dir_) / a.stored_name, std::ios::binary);
  if (!in) return Internal("attachment file missing: " + a.stored_name);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return std::make_pair(a, bytes.str());
}

}  // namespace kc
