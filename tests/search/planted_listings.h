// Listings for the re-ranker's tests, made by the test: subjects whose title query the first
// stage ranks below a decoy, and that a trained re-ranker puts first.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "core/listing.h"
#include "search/fixture.h"
#include "search/rank_training_data.h"

namespace kc::search::testing {

inline const char* const kPlantedWords[] = {"材料", "电池", "算法", "模型", "网络", "控制", "系统", "检测",
                              "图像", "信号", "数据", "结构", "工艺", "设备", "能源", "环境",
                              "土壤", "水质", "蛋白", "基因", "细胞", "药物", "温度", "压力",
                              "电机", "光学", "激光", "芯片", "桥梁", "隧道", "农业", "作物",
                              "肥料", "病虫", "塑料", "纤维", "涂层", "焊接", "轴承", "齿轮"};
inline const char* const kPlantedFiller[] = {"本项目", "研究", "提出", "一种", "新的", "方法", "通过", "实验",
                               "验证",   "结果", "表明", "显著", "提高", "效率", "降低", "成本"};

// Listings made by the test: listing 2i (a subject) has a title of three words, those words as
// keywords, and a body that says the three in a row once, after an opening of filler;
// listing 2i + 1 (its decoy) says the first two and the last two twice each, never all three
// in a row. Indexed without title and keywords, the subject's title query finds both, the
// decoy with the higher BM25 weight; the subject is the one it must rank first.
inline std::vector<Listing> PlantedListings(size_t subjects, uint32_t seed) {
  std::mt19937 rng(seed);
  auto word = [&] { return std::string(kPlantedWords[rng() % std::size(kPlantedWords)]); };
  auto filler = [&](size_t n) {
    std::string s;
    for (size_t i = 0; i < n; ++i) s += kPlantedFiller[rng() % std::size(kPlantedFiller)];
    return s;
  };
  std::vector<Listing> listings;
  for (size_t i = 0; i < subjects; ++i) {
    std::vector<std::string> title;
    while (title.size() < 3) {
      std::string w = word();
      if (std::find(title.begin(), title.end(), w) == title.end()) title.push_back(w);
    }
    const std::string joined = title[0] + title[1] + title[2];
    const int64_t id = static_cast<int64_t>(2 * i + 1);
    listings.push_back(MakeListing(id, ListingKind::kAchievement, joined,
                                   filler(8) + "。" + filler(2) + joined + "的" + filler(3) + "。",
                                   title));
    std::string decoy = filler(8) + "。";
    for (int round = 0; round < 2; ++round) {
      decoy += filler(2) + title[0] + title[1] + "，" + filler(2) + title[1] + title[2] + "。";
    }
    listings.push_back(
        MakeListing(id + 1, ListingKind::kAchievement, word() + word() + filler(1), decoy));
  }
  return listings;
}

// A model trained by TrainRankerOnListings on PlantedListings(60, 7), in a scratch index at
// work_dir; empty (with a test failure) when training fails.
inline std::string PlantedModel(const std::string& work_dir) {
  auto model = TrainRankerOnListings(PlantedListings(60, 7), work_dir, nullptr, {},
                                     {.rounds = 30, .max_depth = 4, .eta = 0.3});
  EXPECT_TRUE(model.ok()) << model.status().message();
  return model.ok() ? *model : "";
}

}  // namespace kc::search::testing
