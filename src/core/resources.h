// Files compiled into the binary (data/ and SQL migrations), by their path in the repository.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace kc {

// Returns the content of an embedded file such as "data/taxonomy.json", or nullopt.
std::optional<std::string_view> Resource(std::string_view path);

// Returns the paths of the embedded files that start with `prefix`, sorted.
std::vector<std::string_view> ResourcesUnder(std::string_view prefix);

}  // namespace kc
