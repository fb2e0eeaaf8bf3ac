#include "service/backup.h"

#include <sodium.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/atomic_file.h"

namespace kc {

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr int kFormat = 1;

std::string Base64(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::optional<std::string> FromBase64(const std::string& text) {
  std::string out(text.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

// Table, column and file path parts are plain names: nothing in a backup may reach outside
// the schema or the attachments directory.
bool IsPlainName(const std::string& s) {
  if (s.empty() || s.size() > 128) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

bool IsSafeRelativePath(const std::string& p) {
  if (p.empty() || p.front() == '/') return false;
  for (const auto& part : fs::path(p)) {
    if (part == ".." || part == "." || part.empty()) return false;
  }
  return true;
}

Status Damaged(const std::string& why) {
  return BadInput("bad_backup", "the backup file is damaged or not a backup: " + why);
}

}  // namespace

Result<BackupSummary> WriteBackup(Store& store, const std::string& data_dir,
                                  const std::string& path, int64_t now) {
  const std::string tmp = path + ".tmp";
  std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
  if (!out) return BadInput("bad_path", "cannot write " + tmp);
  BackupSummary sum;
  out << json{{"kechuang_backup", kFormat},
              {"schema_version", store.SchemaVersion()},
              {"created_at", now}}
             .dump()
      << '\n';
  Status s = store.ExportTables([&](const TableRows& t) {
    out << json{{"table", t.name}, {"columns", t.columns}}.dump() << '\n';
    for (const auto& row : t.rows) {
      json values = json::array();
      for (const auto& v : row) values.push_back(v ? json(*v) : json(nullptr));
      out << json{{"row", values}}.dump() << '\n';
    }
    ++sum.tables;
    sum.rows += static_cast<int64_t>(t.rows.size());
    return out ? Status::Ok() : Internal("cannot write " + tmp);
  });
  if (s.ok()) {
    const fs::path dir = fs::path(data_dir) / "attachments";
    std::error_code ec;
    if (fs::is_directory(dir, ec)) {
      for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        out << json{{"file", fs::relative(entry.path(), dir).string()}, {"base64", Base64(bytes)}}
                   .dump()
            << '\n';
        ++sum.files;
      }
      if (ec) s = Internal("cannot read " + dir.string() + ": " + ec.message());
    }
  }
  if (s.ok()) {
    out << json{{"end", {{"tables", sum.tables}, {"rows", sum.rows}, {"files", sum.files}}}}.dump()
        << '\n';
    out.flush();
    if (!out) s = Internal("cannot write " + tmp);
  }
  out.close();
  std::error_code ec;
  if (s.ok()) fs::rename(tmp, path, ec);
  if (!s.ok() || ec) {
    fs::remove(tmp, ec);
    return s.ok() ? Internal("cannot write " + path) : s;
  }
  return sum;
}

Result<BackupSummary> RestoreBackup(Store& store, const std::string& data_dir,
                                    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return BadInput("bad_path", "cannot read " + path);
  std::string line;
  if (!std::getline(in, line)) return Damaged("empty");
  json header = json::parse(line, nullptr, false);
  if (!header.is_object() || header.value("kechuang_backup", 0) != kFormat) {
    return Damaged("no backup header");
  }
  const int version = header.value("schema_version", 0);
  if (version != store.SchemaVersion()) {
    return BadInput("schema_mismatch", "the backup has schema version " + std::to_string(version) +
                                           " and this binary " +
                                           std::to_string(store.SchemaVersion()) +
                                           ": restore with the binary that made it, then upgrade");
  }
  std::vector<TableRows> tables;
  std::vector<std::pair<std::string, std::string>> files;
  BackupSummary sum;
  bool ended = false;
  while (std::getline(in, line)) {
    json j = json::parse(line, nullptr, false);
    if (!j.is_object() || ended) return Damaged("unexpected line");
    if (j.contains("table")) {
      TableRows t;
      if (!j["table"].is_string() || !j["columns"].is_array()) return Damaged("bad table line");
      t.name = j["table"].get<std::string>();
      if (!IsPlainName(t.name)) return Damaged("bad table name");
      for (const auto& c : j["columns"]) {
        if (!c.is_string() || !IsPlainName(c.get<std::string>())) return Damaged("bad column");
        t.columns.push_back(c.get<std::string>());
      }
      tables.push_back(std::move(t));
    } else if (j.contains("row")) {
      if (tables.empty() || !j["row"].is_array()) return Damaged("row outside a table");
      std::vector<std::optional<std::string>> row;
      for (const auto& v : j["row"]) {
        if (v.is_null()) {
          row.emplace_back();
        } else if (v.is_string()) {
          row.emplace_back(v.get<std::string>());
        } else {
          return Damaged("bad value");
        }
      }
      if (row.size() != tables.back().columns.size()) return Damaged("bad row width");
      tables.back().rows.push_back(std::move(row));
    } else if (j.contains("file")) {
      if (!j["file"].is_string() || !j["base64"].is_string()) return Damaged("bad file line");
      std::string rel = j["file"].get<std::string>();
      if (!IsSafeRelativePath(rel)) return Damaged("bad file path");
      auto bytes = FromBase64(j["base64"].get<std::string>());
      if (!bytes) return Damaged("bad file content");
      files.emplace_back(rel, std::move(*bytes));
    } else if (j.contains("end")) {
      ended = true;
    } else {
      return Damaged("unknown line");
    }
  }
  if (!ended) return Damaged("truncated (no end line)");
  KC_RETURN_IF_ERROR(store.ImportTables(tables));
  for (const auto& t : tables) sum.rows += static_cast<int64_t>(t.rows.size());
  sum.tables = static_cast<int64_t>(tables.size());
  const fs::path dir = fs::path(data_dir) / "attachments";
  for (const auto& [rel, bytes] : files) {
    std::error_code ec;
    fs::create_directories((dir / rel).parent_path(), ec);
    if (ec) return FileError("create", (dir / rel).parent_path().string(), ec.value());
    KC_RETURN_IF_ERROR(WriteFileAtomically((dir / rel).string(), bytes));
    ++sum.files;
  }
  return sum;
}

}  // namespace kc
