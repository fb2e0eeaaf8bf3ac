// The preload links of a page's code, from a Vite manifest.
#include "api/page_assets.h"

#include <gtest/gtest.h>

namespace kc::api {
namespace {

// The shape Vite writes: the entry, a lazily loaded view that imports the entry and two shared
// chunks (one importing the other), with CSS on the view and on a shared chunk.
constexpr const char* kManifest = R"({
  "index.html": {"file": "assets/index-1.js", "isEntry": true, "css": ["assets/index-1.css"]},
  "src/views/SearchView.vue": {"file": "assets/SearchView-2.js", "isDynamicEntry": true,
    "imports": ["index.html", "_el-pagination-3.js"], "css": ["assets/SearchView-2.css"]},
  "_el-pagination-3.js": {"file": "assets/el-pagination-3.js", "imports": ["_el-popper-4.js"],
    "css": ["assets/el-pagination-3.css"]},
  "_el-popper-4.js": {"file": "assets/el-popper-4.js", "imports": ["index.html"],
    "css": ["assets/SearchView-2.css"]},
  "src/views/Bad.vue": {"file": "assets/x\"><script>.js"}
})";

TEST(PageAssetsTest, LinksAViewAndEveryChunkItImportsButNotTheEntry) {
  PageAssets assets = PageAssets::FromManifest(kManifest);
  EXPECT_EQ(assets.PreloadLinks("src/views/SearchView.vue"),
            "<link rel=\"modulepreload\" crossorigin href=\"/assets/SearchView-2.js\">\n"
            "<link rel=\"modulepreload\" crossorigin href=\"/assets/el-pagination-3.js\">\n"
            "<link rel=\"modulepreload\" crossorigin href=\"/assets/el-popper-4.js\">\n"
            "<link rel=\"stylesheet\" crossorigin href=\"/assets/SearchView-2.css\">\n"
            "<link rel=\"stylesheet\" crossorigin href=\"/assets/el-pagination-3.css\">\n");
}

TEST(PageAssetsTest, UnknownSourceOrMalformedManifestGivesNoLinks) {
  PageAssets assets = PageAssets::FromManifest(kManifest);
  EXPECT_EQ(assets.PreloadLinks("src/views/Missing.vue"), "");
  EXPECT_EQ(PageAssets::FromManifest("{not json").PreloadLinks("src/views/SearchView.vue"), "");
  EXPECT_EQ(PageAssets::FromManifest("").PreloadLinks("index.html"), "");
  EXPECT_EQ(PageAssets().PreloadLinks("src/views/SearchView.vue"), "");
}

TEST(PageAssetsTest, AFileNameThatCouldLeaveTheAttributeIsNotLinked) {
  PageAssets assets = PageAssets::FromManifest(kManifest);
  EXPECT_EQ(assets.PreloadLinks("src/views/Bad.vue"), "");
}

}  // namespace
}  // namespace kc::api
