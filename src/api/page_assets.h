// The code and styles each page of the built front end needs, read from Vite's manifest
// (build/web/.vite/manifest.json), so that a page's HTML can name them: the browser then fetches
// them with the app's entry script instead of after it has run.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kc::api {

class PageAssets {
 public:
  // No assets: PreloadLinks gives "".
  PageAssets() = default;

  // Reads a Vite manifest (the JSON text). Malformed text gives no assets: pages then load their
  // code as the app asks for it, only later.
  static PageAssets FromManifest(std::string_view manifest_json);

  // For the chunk built from `source` (a path as the manifest names it, e.g.
  // "src/views/SearchView.vue"): a <link rel="modulepreload"> for it and for every chunk it
  // imports, directly or not, except the entry (already in the page), then a
  // <link rel="stylesheet"> for each of their CSS files. "" when the manifest has no `source`.
  // Thread-safe (const).
  std::string PreloadLinks(std::string_view source) const;

 private:
  struct Chunk {
    std::string file;  // "assets/SearchView-1234.js"
    bool entry = false;
    std::vector<std::string> imports;  // manifest keys
    std::vector<std::string> css;      // files
  };
  std::map<std::string, Chunk, std::less<>> chunks_;  // by manifest key
};

}  // namespace kc::api
