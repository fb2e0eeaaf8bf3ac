// Helpers shared by the search tests: a temporary index directory and listings with real
// Chinese and English text.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "core/listing.h"

namespace kc::search::testing {

// A fresh directory under the system's temporary directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("kc-search-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string path() const { return path_.string(); }
  std::string Sub(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline Listing MakeListing(int64_t id, ListingKind kind, std::string title, std::string body,
                           std::vector<std::string> keywords = {}, std::string category = "",
                           std::string discipline = "", std::string region = "") {
  Listing l;
  l.id = id;
  l.kind = kind;
  l.org_id = 7;
  l.ref = "R-" + std::to_string(id);
  l.title = std::move(title);
  l.body = std::move(body);
  l.keywords = std::move(keywords);
  l.category = std::move(category);
  l.discipline = std::move(discipline);
  l.region = std::move(region);
  l.status = ListingStatus::kPublished;
  l.published_at = 1700000000;
  l.updated_at = 1700000000;
  return l;
}

// Five listings of different subjects, kinds, fields and regions.
inline std::vector<Listing> SampleListings() {
  std::vector<Listing> v;
  v.push_back(MakeListing(
      1, ListingKind::kAchievement, "基于卷积神经网络的工业缺陷视觉检测系统",
      "本成果利用卷积神经网络对生产线上的金属零件表面缺陷进行实时识别，检测准确率达到98%，"
      "已在汽车零部件企业试用。",
      {"神经网络", "缺陷检测", "机器视觉"}, "工学", "计算机科学与技术", "440305"));
  v.push_back(
      MakeListing(2, ListingKind::kAchievement, "高镍三元锂离子电池正极材料制备技术",
                  "采用共沉淀法制备高镍三元正极材料，提高了锂离子电池的能量密度和循环寿命。",
                  {"锂离子电池", "正极材料", "共沉淀"}, "工学", "材料科学与工程", "320100"));
  v.push_back(MakeListing(
      3, ListingKind::kDemand, "寻求污水处理厂污泥脱水干化技术",
      "我公司运营的污水处理厂每天产生大量含水污泥，需要低能耗的污泥脱水和干化设备及工艺。",
      {"污泥脱水", "干化", "污水处理"}, "工学", "环境科学与工程", "440106"));
  v.push_back(
      MakeListing(4, ListingKind::kDemand, "汽车零部件表面缺陷自动检测",
                  "希望引入基于深度学习的视觉检测方案，替代人工目检，识别零件表面划痕和裂纹。",
                  {"缺陷检测", "深度学习"}, "工学", "计算机科学与技术", "440300"));
  v.push_back(MakeListing(
      5, ListingKind::kAchievement, "Adaptive flight controller for small unmanned aircraft",
      "An adaptive controller that keeps small unmanned aircraft stable in gusty wind; flight "
      "tests show <5% overshoot & fast convergence.",
      {"flight control", "adaptive control"}, "工学", "航空宇航科学与技术", "110108"));
  return v;
}

}  // namespace kc::search::testing
