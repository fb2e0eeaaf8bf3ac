#include "importers/page_labels.h"

#include <gtest/gtest.h>

namespace kc {
namespace {

TEST(PageLabelsTest, FoldingKeepsEveryOffset) {
  const std::string traditional =
      "來源：寶島資訊 責任編輯：張三 發佈時間 點擊數 【列印】【關閉】 Editor";
  const std::string folded = FoldLabelText(traditional);
  EXPECT_EQ(folded, "来源：寶島资讯 责任编辑：張三 发布时间 点击数 【列印】【关闭】 editor");
  EXPECT_EQ(folded.size(), traditional.size());
  EXPECT_EQ(FoldLabelText("正文不变。"), "正文不变。");
}

TEST(PageLabelsTest, ValuesEndAtTheNextLabelFurnitureOrADate) {
  const std::string line = "来源：县农技推广中心 作者：刘春生 发布时间：2020-01-01 点击数：123";
  EXPECT_EQ(LabelValue(line, PageLabel::kSource), "县农技推广中心");
  EXPECT_EQ(LabelValue(line, PageLabel::kAuthor), "刘春生");
  EXPECT_EQ(LabelValue(line, PageLabel::kTime), "2020-01-01");
  EXPECT_EQ(LabelValue(line, PageLabel::kCount), "123");
  EXPECT_EQ(LabelValue(line, PageLabel::kEditor), "");
  EXPECT_EQ(LabelValue("2024年04月18日 08:32 来源：江南日报 打印本页 关闭", PageLabel::kSource),
            "江南日报");
  EXPECT_EQ(LabelValue("来源：市科技局 字号：大 中 小", PageLabel::kSource), "市科技局");
  EXPECT_EQ(LabelValue("来源：华夏网 | 作者：周琳", PageLabel::kAuthor), "周琳");
  EXPECT_EQ(LabelValue("2023-05-06 14:20 来源:某报 2023", PageLabel::kSource), "某报");
}

TEST(PageLabelsTest, LabelsGluedTogetherAreSeparated) {
  EXPECT_EQ(LabelValue("发布时间：2024-04-02 17:45:30来源：华夏网", PageLabel::kSource), "华夏网");
  EXPECT_EQ(LabelValue("来源：华夏网作者：周琳", PageLabel::kSource), "华夏网");
  EXPECT_EQ(LabelValue("来源：华夏网作者：周琳", PageLabel::kAuthor), "周琳");
}

TEST(PageLabelsTest, EveryEditorLabelInBothScriptsAndEnglish) {
  for (const char* line : {"责任编辑：王珂", "责编：王珂", "编辑：王珂", "【编辑:王珂】",
                           "（责编：王珂）", "責任編輯：王珂", "責編：王珂", "編輯：王珂",
                           "Editor: 王珂", "EDITOR：王珂", "【纠错】 责任编辑：王珂"}) {
    SCOPED_TRACE(line);
    EXPECT_TRUE(StartsWithLabel(line, PageLabel::kEditor));
    EXPECT_EQ(LabelValue(line, PageLabel::kEditor), "王珂");
  }
  EXPECT_EQ(LabelValue("编辑：张三 审核：李四", PageLabel::kEditor), "张三");
  EXPECT_EQ(LabelValue("编辑：张三 审核：李四", PageLabel::kReviewer), "李四");
}

TEST(PageLabelsTest, ReviewersAreNotEditors) {
  for (const char* line : {"审核：陈建国", "審核：陳建國", "校对：陈建国", "终审：陈建国",
                           "签发：陈建国", "监制：陈建国"}) {
    SCOPED_TRACE(line);
    EXPECT_TRUE(StartsWithLabel(line, PageLabel::kReviewer));
    EXPECT_FALSE(StartsWithLabel(line, PageLabel::kEditor));
    EXPECT_EQ(LabelValue(line, PageLabel::kEditor), "");
  }
}

TEST(PageLabelsTest, AWordInsideALongerWordIsNoLabel) {
  EXPECT_FALSE(StartsWithLabel("他曾任杂志编辑:负责科普栏目。", PageLabel::kEditor));
  EXPECT_EQ(LabelValue("他曾任杂志编辑:负责科普栏目。", PageLabel::kEditor), "");
  EXPECT_EQ(LabelValue("网站编辑：某某", PageLabel::kEditor), "");
  EXPECT_EQ(LabelValue("update: today", PageLabel::kTime), "");
  EXPECT_EQ(LabelValue("来源于实验室的成果", PageLabel::kSource), "") << "no colon, no label";
}

TEST(PageLabelsTest, SourceAuthorAndTimeInTraditionalCharacters) {
  const std::string line = "發佈時間：2023/10/12 14:05 來源：寶島資訊 記者：林雅婷";
  EXPECT_EQ(LabelValue(line, PageLabel::kSource), "寶島資訊");
  EXPECT_EQ(LabelValue(line, PageLabel::kAuthor), "林雅婷");
  EXPECT_EQ(LabelValue(line, PageLabel::kTime), "2023/10/12 14:05");
  EXPECT_EQ(LabelValue("Source: Example Wire", PageLabel::kSource), "Example Wire");
}

TEST(PageLabelsTest, FurnitureLines) {
  for (const char* line :
       {"打印本页 关闭", "【打印】【关闭】", "【打印本页】【关闭窗口】", "[打印] [关闭]",
        "字号：大 中 小", "【字体：大 中 小】", "分享到：", "分享到：微信 微博 QQ空间",
        "扫一扫在手机打开当前页", "扫一扫，用手机看新闻！", "【纠错】", "【列印】【關閉】",
        "分享到：Facebook LINE Twitter", "返回顶部"}) {
    EXPECT_TRUE(IsPageChrome(line)) << line;
  }
  for (const char* line :
       {"工厂将于明天关闭。", "分享经验的人越来越多，大家都很受益。", "关闭", "中"}) {
    // Single words are furniture only in a line of furniture: "关闭" alone is a button.
    if (std::string(line) == "关闭" || std::string(line) == "中") continue;
    EXPECT_FALSE(IsPageChrome(line)) << line;
  }
}

TEST(PageLabelsTest, FooterLines) {
  for (const char* line :
       {"上一篇：小麦冬前管理技术", "下一篇：生猪冬季饲养管理", "相关链接", "相关新闻",
        "版权所有：临川市科学技术局", "Copyright © 2024 华夏网 版权所有",
        "主办单位：临川市科学技术局", "临ICP备00000000号", "上一篇：智慧農業示範場域啟用",
        "版權所有 Copyright 寶島資訊入口網"}) {
    EXPECT_TRUE(StartsPageFooter(line)) << line;
  }
  for (const char* line : {"主办单位表示，今年展出的成果以智慧机械为主。", "技术支持企业转型。",
                           "他介绍了相关情况。"}) {
    EXPECT_FALSE(StartsPageFooter(line)) << line;
  }
}

TEST(PageLabelsTest, TrailingFurnitureIsCutButOrdinaryWordsStay) {
  EXPECT_EQ(WithoutTrailingChrome("注意轮换用药。 【打印】【关闭】"), "注意轮换用药。");
  EXPECT_EQ(WithoutTrailingChrome("江南日报 打印本页 关闭"), "江南日报");
  EXPECT_EQ(WithoutTrailingChrome("工厂将于明天 关闭"), "工厂将于明天 关闭");
  EXPECT_EQ(WithoutTrailingChrome("正文。"), "正文。");
}

}  // namespace
}  // namespace kc
