// 学科分类: the Chinese discipline catalogue — 13 categories (学科门类, e.g. 工学) and their
// first-level disciplines (一级学科, e.g. 计算机科学与技术), as listings are classified.
// The data is data/taxonomy.json, embedded in the binary. Besides the standard disciplines it
// holds the combined names the CSL corpus uses ("化学/化学工程与技术"), which carry no code.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace kc {

// 一级学科: a first-level discipline. `code` is its 4-digit catalogue code ("0812"), or empty
// when the discipline has none (a combined or category-level name).
struct Discipline {
  std::string code;
  std::string name;     // Chinese, unique across the taxonomy
  std::string name_en;  // English, unique across the disciplines
};

// 学科门类: a category of the catalogue, with its 2-digit code ("08"), e.g. 工学.
struct Category {
  std::string code;
  std::string name;
  std::string name_en;
  std::vector<Discipline> disciplines;
};

// The catalogue, immutable once built; safe to use from several threads.
class Taxonomy {
 public:
  // Returns the taxonomy parsed once from the embedded data/taxonomy.json; thread-safe.
  // Aborts if the embedded file is missing or malformed (a build error, caught by tests).
  static const Taxonomy& Get();

  // Parses a taxonomy from JSON shaped {"categories":[{"code","name","name_en",
  // "disciplines":[{"code"?,"name","name_en"}]}]}. Returns Invalid("taxonomy", code, message)
  // when it is not that shape or a name, English name or code occurs twice.
  static Result<Taxonomy> Parse(std::string_view json);

  // Returns the categories in catalogue order.
  const std::vector<Category>& categories() const { return categories_; }

  // Returns whether `name` is the Chinese name of a category ("工学").
  bool HasCategory(std::string_view name) const;

  // Returns whether `name` is the Chinese name of a discipline ("计算机科学与技术").
  bool HasDiscipline(std::string_view name) const;

  // Returns the Chinese name of the category that holds the discipline named `discipline`, or
  // nullopt when there is no such discipline. The view lives as long as the taxonomy.
  std::optional<std::string_view> CategoryOf(std::string_view discipline) const;

  // Checks a listing's classification; each argument is a Chinese name or empty (not given).
  // Returns Invalid("category", "unknown_category", …) for an unknown category,
  // Invalid("discipline", "unknown_discipline", …) for an unknown discipline and
  // Invalid("discipline", "discipline_not_in_category", …) when both are given and the
  // discipline belongs to another category.
  Status Validate(std::string_view category, std::string_view discipline) const;

  // Returns the Chinese name of the category given by its Chinese name, its code ("08") or its
  // English name (ASCII case-insensitive, surrounding spaces ignored); nullopt if none matches.
  std::optional<std::string> CanonicalCategory(std::string_view name_or_en) const;

  // As CanonicalCategory, for disciplines ("0812", "computer science and technology").
  std::optional<std::string> CanonicalDiscipline(std::string_view name_or_en) const;

 private:
  using Index = std::map<std::string, std::size_t, std::less<>>;
  struct Position {
    std::size_t category;
    std::size_t discipline;
  };

  Status BuildIndexes();

  std::vector<Category> categories_;
  Index category_keys_;  // Chinese name, code and lower-cased English name → category
  std::map<std::string, Position, std::less<>> discipline_keys_;  // same keys → discipline
  std::map<std::string, Position, std::less<>> disciplines_;      // Chinese name → discipline
};

}  // namespace kc
