#include "core/region_code.h"

#include <iterator>
#include <string>
#include <utility>

namespace kc {
namespace {

struct Province {
  std::string_view code;
  std::string_view name;
  std::string_view name_en;
};

constexpr Province kProvinces[] = {
    {"11", "北京市", "Beijing"},
    {"12", "天津市", "Tianjin"},
    {"13", "河北省", "Hebei"},
    {"14", "山西省", "Shanxi"},
    {"15", "内蒙古自治区", "Inner Mongolia"},
    {"21", "辽宁省", "Liaoning"},
    {"22", "吉林省", "Jilin"},
    {"23", "黑龙江省", "Heilongjiang"},
    {"31", "上海市", "Shanghai"},
    {"32", "江苏省", "Jiangsu"},
    {"33", "浙江省", "Zhejiang"},
    {"34", "安徽省", "Anhui"},
    {"35", "福建省", "Fujian"},
    {"36", "江西省", "Jiangxi"},
    {"37", "山东省", "Shandong"},
    {"41", "河南省", "Henan"},
    {"42", "湖北省", "Hubei"},
    {"43", "湖南省", "Hunan"},
    {"44", "广东省", "Guangdong"},
    {"45", "广西壮族自治区", "Guangxi"},
    {"46", "海南省", "Hainan"},
    {"50", "重庆市", "Chongqing"},
    {"51", "四川省", "Sichuan"},
    {"52", "贵州省", "Guizhou"},
    {"53", "云南省", "Yunnan"},
    {"54", "西藏自治区", "Tibet"},
    {"61", "陕西省", "Shaanxi"},
    {"62", "甘肃省", "Gansu"},
    {"63", "青海省", "Qinghai"},
    {"64", "宁夏回族自治区", "Ningxia"},
    {"65", "新疆维吾尔自治区", "Xinjiang"},
    {"71", "台湾省", "Taiwan"},
    {"81", "香港特别行政区", "Hong Kong"},
    {"82", "澳门特别行政区", "Macao"},
};
static_assert(std::size(kProvinces) == 34);

// Returns `s` in single quotes, for error messages.
std::string Quoted(std::string_view s) {
  std::string q = "'";
  q.append(s);
  q += '\'';
  return q;
}

const Province* FindProvince(std::string_view code) {
  if (code.size() < 2) return nullptr;
  for (const Province& p : kProvinces) {
    if (p.code == code.substr(0, 2)) return &p;
  }
  return nullptr;
}

}  // namespace

Status ValidateRegionCode(std::string_view code, std::string_view field) {
  auto invalid = [field](std::string reason) {
    return Invalid(std::string(field), "invalid_region", std::move(reason));
  };
  if (code.size() != 6) {
    std::string reason = "a region code has 6 digits, this one has ";
    return invalid(reason.append(std::to_string(code.size())).append(" characters"));
  }
  for (char c : code) {
    if (c < '0' || c > '9') return invalid("a region code has only digits");
  }
  if (FindProvince(code) == nullptr) {
    return invalid(Quoted(code.substr(0, 2)) + " is not a province-level code");
  }
  return Status::Ok();
}

std::optional<std::string_view> ProvinceName(std::string_view code) {
  const Province* p = FindProvince(code);
  if (p == nullptr) return std::nullopt;
  return p->name;
}

std::string_view ProvinceNameEn(std::string_view code) {
  const Province* p = FindProvince(code);
  return p == nullptr ? std::string_view() : p->name_en;
}

}  // namespace kc
