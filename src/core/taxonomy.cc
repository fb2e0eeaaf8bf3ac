#include "core/taxonomy.h"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/resources.h"

namespace kc {
namespace {

using nlohmann::json;

Status Malformed(std::string message) {
  return Invalid("taxonomy", "malformed_taxonomy", std::move(message));
}

// Reads the string member `key` of `obj` into `out`; an absent member is an error unless
// `optional`.
Status ReadString(const json& obj, const char* key, bool optional, std::string& out) {
  auto it = obj.find(key);
  if (it == obj.end()) {
    return optional ? Status::Ok() : Malformed(std::string("missing \"") + key + "\"");
  }
  if (!it->is_string()) return Malformed(std::string("\"") + key + "\" is not a string");
  out = it->get<std::string>();
  if (out.empty()) return Malformed(std::string("\"") + key + "\" is empty");
  return Status::Ok();
}

Status ReadDiscipline(const json& obj, Discipline& out) {
  if (!obj.is_object()) return Malformed("a discipline is not an object");
  KC_RETURN_IF_ERROR(ReadString(obj, "code", /*optional=*/true, out.code));
  KC_RETURN_IF_ERROR(ReadString(obj, "name", /*optional=*/false, out.name));
  return ReadString(obj, "name_en", /*optional=*/false, out.name_en);
}

Status ReadCategory(const json& obj, Category& out) {
  if (!obj.is_object()) return Malformed("a category is not an object");
  KC_RETURN_IF_ERROR(ReadString(obj, "code", /*optional=*/false, out.code));
  KC_RETURN_IF_ERROR(ReadString(obj, "name", /*optional=*/false, out.name));
  KC_RETURN_IF_ERROR(ReadString(obj, "name_en", /*optional=*/false, out.name_en));
  auto it = obj.find("disciplines");
  if (it == obj.end() || !it->is_array()) {
    return Malformed("category " + out.name + " has no \"disciplines\" array");
  }
  for (const json& d : *it) {
    Discipline discipline;
    KC_RETURN_IF_ERROR(ReadDiscipline(d, discipline));
    out.disciplines.push_back(std::move(discipline));
  }
  return Status::Ok();
}

// Returns `s` in single quotes, for error messages.
std::string Quoted(std::string_view s) {
  std::string q = "'";
  q.append(s);
  q += '\'';
  return q;
}

// The key an English name is looked up by: ASCII lower case, surrounding spaces removed.
std::string EnglishKey(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  std::string key(s);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

// Adds `key` → `value` to `index`, failing when the key is already taken.
template <typename Map, typename Value>
Status AddKey(Map& index, const std::string& key, Value value) {
  if (!index.emplace(key, value).second) return Malformed("\"" + key + "\" occurs twice");
  return Status::Ok();
}

}  // namespace

const Taxonomy& Taxonomy::Get() {
  static const Taxonomy* const kTaxonomy = [] {
    std::optional<std::string_view> text = Resource("data/taxonomy.json");
    if (!text.has_value()) std::abort();  // data/taxonomy.json was not embedded
    Result<Taxonomy> parsed = Parse(*text);
    if (!parsed.ok()) std::abort();  // the embedded file is malformed
    return new Taxonomy(std::move(parsed).value());
  }();
  return *kTaxonomy;
}

Result<Taxonomy> Taxonomy::Parse(std::string_view text) {
  json root = json::parse(text, /*cb=*/nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Malformed("not valid JSON");
  if (!root.is_object() || !root.contains("categories") || !root["categories"].is_array()) {
    return Malformed("expected an object with a \"categories\" array");
  }
  Taxonomy taxonomy;
  for (const json& c : root["categories"]) {
    Category category;
    KC_RETURN_IF_ERROR(ReadCategory(c, category));
    taxonomy.categories_.push_back(std::move(category));
  }
  KC_RETURN_IF_ERROR(taxonomy.BuildIndexes());
  return taxonomy;
}

Status Taxonomy::BuildIndexes() {
  for (std::size_t i = 0; i < categories_.size(); ++i) {
    const Category& c = categories_[i];
    KC_RETURN_IF_ERROR(AddKey(category_keys_, c.name, i));
    KC_RETURN_IF_ERROR(AddKey(category_keys_, c.code, i));
    KC_RETURN_IF_ERROR(AddKey(category_keys_, EnglishKey(c.name_en), i));
    for (std::size_t j = 0; j < c.disciplines.size(); ++j) {
      const Discipline& d = c.disciplines[j];
      Position at{i, j};
      KC_RETURN_IF_ERROR(AddKey(disciplines_, d.name, at));
      KC_RETURN_IF_ERROR(AddKey(discipline_keys_, d.name, at));
      KC_RETURN_IF_ERROR(AddKey(discipline_keys_, EnglishKey(d.name_en), at));
      if (!d.code.empty()) KC_RETURN_IF_ERROR(AddKey(discipline_keys_, d.code, at));
    }
  }
  return Status::Ok();
}

bool Taxonomy::HasCategory(std::string_view name) const {
  auto it = category_keys_.find(name);
  return it != category_keys_.end() && categories_[it->second].name == name;
}

bool Taxonomy::HasDiscipline(std::string_view name) const { return disciplines_.contains(name); }

std::optional<std::string_view> Taxonomy::CategoryOf(std::string_view discipline) const {
  auto it = disciplines_.find(discipline);
  if (it == disciplines_.end()) return std::nullopt;
  return categories_[it->second.category].name;
}

Status Taxonomy::Validate(std::string_view category, std::string_view discipline) const {
  if (!category.empty() && !HasCategory(category)) {
    return Invalid("category", "unknown_category",
                   Quoted(category) + " is not a category of the catalogue");
  }
  if (discipline.empty()) return Status::Ok();
  std::optional<std::string_view> owner = CategoryOf(discipline);
  if (!owner.has_value()) {
    return Invalid("discipline", "unknown_discipline",
                   Quoted(discipline) + " is not a discipline of the catalogue");
  }
  if (!category.empty() && *owner != category) {
    return Invalid("discipline", "discipline_not_in_category",
                   Quoted(discipline) + " belongs to " + std::string(*owner) + ", not to " +
                       std::string(category));
  }
  return Status::Ok();
}

std::optional<std::string> Taxonomy::CanonicalCategory(std::string_view name_or_en) const {
  auto it = category_keys_.find(name_or_en);
  if (it == category_keys_.end()) it = category_keys_.find(EnglishKey(name_or_en));
  if (it == category_keys_.end()) return std::nullopt;
  return categories_[it->second].name;
}

std::optional<std::string> Taxonomy::CanonicalDiscipline(std::string_view name_or_en) const {
  auto it = discipline_keys_.find(name_or_en);
  if (it == discipline_keys_.end()) it = discipline_keys_.find(EnglishKey(name_or_en));
  if (it == discipline_keys_.end()) return std::nullopt;
  const Position& at = it->second;
  return categories_[at.category].disciplines[at.discipline].name;
}

}  // namespace kc
