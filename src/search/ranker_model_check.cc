#include "search/ranker_model_check.h"

#include <charconv>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace kc::search {
namespace {

using nlohmann::json;

// XGBoost parses JSON recursively; its own models nest 7 deep.
constexpr int kMaxDepth = 16;

Status Bad(const std::string& why) { return Invalid("ranker_model", "bad_ranker_model", why); }

// The member `key` of `object`, or null when `object` is no object or lacks it.
const json& Member(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

// XGBoost writes its counts as JSON strings ("num_feature":"5"); a number is taken too.
bool CountOf(const json& value, int64_t* out) {
  if (value.is_number_integer()) {
    *out = value.get<int64_t>();
    return *out >= 0;
  }
  if (!value.is_string()) return false;
  const std::string& s = value.get_ref<const std::string&>();
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size() && *out >= 0;
}

// The array `key` of `tree`, which must have `nodes` entries, as integers (non-integers fail).
Result<std::vector<int64_t>> IntegerArray(const json& tree, const char* key, int64_t nodes,
                                          const std::string& where) {
  const json& array = Member(tree, key);
  if (!array.is_array()) return Bad(where + ": no array " + key);
  if (static_cast<int64_t>(array.size()) != nodes) {
    return Bad(where + ": " + key + " has " + std::to_string(array.size()) + " entries for " +
               std::to_string(nodes) + " nodes");
  }
  std::vector<int64_t> out;
  out.reserve(array.size());
  for (const json& v : array) {
    if (!v.is_number_integer()) return Bad(where + ": " + key + " holds a non-integer");
    out.push_back(v.get<int64_t>());
  }
  return out;
}

// The per-node arrays whose entries XGBoost only counts here (it checks their types itself).
Status CheckLength(const json& tree, const char* key, int64_t nodes, const std::string& where) {
  const json& array = Member(tree, key);
  if (!array.is_array() || static_cast<int64_t>(array.size()) != nodes) {
    return Bad(where + ": " + key + " does not have one entry per node");
  }
  return Status::Ok();
}

Status CheckTree(const json& tree, size_t index, int64_t feature_count) {
  const std::string where = "tree " + std::to_string(index);
  if (!tree.is_object()) return Bad(where + " is not an object");
  const json& id = Member(tree, "id");
  if (!id.is_number_integer() || id.get<int64_t>() != static_cast<int64_t>(index)) {
    return Bad(where + " does not have the id " + std::to_string(index));
  }
  int64_t nodes = 0;
  if (!CountOf(Member(Member(tree, "tree_param"), "num_nodes"), &nodes) || nodes < 1) {
    return Bad(where + ": no node count");
  }
  for (const char* key :
       {"split_conditions", "default_left", "loss_changes", "sum_hessian", "base_weights"}) {
    KC_RETURN_IF_ERROR(CheckLength(tree, key, nodes, where));
  }
  Result<std::vector<int64_t>> left = IntegerArray(tree, "left_children", nodes, where);
  KC_RETURN_IF_ERROR(left);
  Result<std::vector<int64_t>> right = IntegerArray(tree, "right_children", nodes, where);
  KC_RETURN_IF_ERROR(right);
  Result<std::vector<int64_t>> parent = IntegerArray(tree, "parents", nodes, where);
  KC_RETURN_IF_ERROR(parent);
  Result<std::vector<int64_t>> feature = IntegerArray(tree, "split_indices", nodes, where);
  KC_RETURN_IF_ERROR(feature);
  // Older models have no split_type: all splits numerical then.
  if (!Member(tree, "split_type").is_null()) {
    Result<std::vector<int64_t>> type = IntegerArray(tree, "split_type", nodes, where);
    KC_RETURN_IF_ERROR(type);
    for (int64_t t : *type) {
      if (t != 0) return Bad(where + " has a categorical split, which the ranker does not use");
    }
  }
  const json& categorical = Member(tree, "categories_nodes");
  if (!categorical.is_null() && !(categorical.is_array() && categorical.empty())) {
    return Bad(where + " has categorical splits, which the ranker does not use");
  }
  // XGBoost follows every node's parent while loading, the root's excepted.
  for (int64_t n = 1; n < nodes; ++n) {
    if ((*parent)[n] < 0 || (*parent)[n] >= nodes) {
      return Bad(where + ": node " + std::to_string(n) + "'s parent " +
                 std::to_string((*parent)[n]) + " is outside the tree's " + std::to_string(nodes) +
                 " nodes");
    }
  }

  // A walk from the root: each node is reached once at most, so every path ends at a leaf.
  std::vector<bool> reached(nodes, false);
  std::vector<int64_t> pending = {0};
  reached[0] = true;
  while (!pending.empty()) {
    const int64_t n = pending.back();
    pending.pop_back();
    const std::string node = where + ": node " + std::to_string(n);
    const int64_t l = (*left)[n], r = (*right)[n];
    if (l == -1 && r == -1) continue;  // a leaf
    if ((*feature)[n] < 0 || (*feature)[n] >= feature_count) {
      return Bad(node + " splits on feature " + std::to_string((*feature)[n]) + " of " +
                 std::to_string(feature_count));
    }
    for (auto [side, child] : {std::pair{"left", l}, std::pair{"right", r}}) {
      if (child < 0 || child >= nodes) {
        return Bad(node + "'s " + side + " child " + std::to_string(child) +
                   " is outside the tree's " + std::to_string(nodes) + " nodes");
      }
      if (reached[child]) {
        return Bad(node + "'s " + side + " child " + std::to_string(child) + " is reached twice");
      }
      reached[child] = true;
      pending.push_back(child);
    }
  }
  return Status::Ok();
}

// gbtree_model_param, tree_info and the trees agree; each tree is sound.
Status CheckTrees(const json& model, int64_t feature_count) {
  const json& trees = Member(model, "trees");
  if (!trees.is_array()) return Bad("no trees");
  if (trees.empty()) return Bad("it has no trees (trained for 0 rounds?)");
  int64_t declared = 0;
  if (!CountOf(Member(Member(model, "gbtree_model_param"), "num_trees"), &declared) ||
      declared != static_cast<int64_t>(trees.size())) {
    return Bad("it has " + std::to_string(trees.size()) +
               " trees, not the number its gbtree_model_param says");
  }
  const json& info = Member(model, "tree_info");
  if (!info.is_array() || info.size() != trees.size()) {
    return Bad("its tree_info does not have one entry per tree");
  }
  for (const json& group : info) {
    if (group != 0) return Bad("a tree is of an output other than the first (tree_info)");
  }
  for (size_t i = 0; i < trees.size(); ++i) {
    KC_RETURN_IF_ERROR(CheckTree(trees[i], i, feature_count));
  }
  return Status::Ok();
}

}  // namespace

Result<size_t> CheckRankerModel(std::string_view model_json) {
  bool too_deep = false;
  const json::parser_callback_t depth = [&too_deep](int d, json::parse_event_t, json&) {
    if (d > kMaxDepth) too_deep = true;
    return !too_deep;
  };
  const json model = json::parse(model_json, depth, /*allow_exceptions=*/false);
  if (too_deep) return Bad("it is nested deeper than an XGBoost model");
  if (model.is_discarded() || !model.is_object()) return Bad("it is not a JSON object");
  const json& learner = Member(model, "learner");
  if (!learner.is_object()) return Bad("no learner");

  const json& param = Member(learner, "learner_model_param");
  int64_t feature_count = 0, classes = 0, targets = 1;
  if (!CountOf(Member(param, "num_feature"), &feature_count)) return Bad("no feature count");
  if (feature_count < 1) return Bad("it has no features");
  const json& num_class = Member(param, "num_class");
  const json& num_target = Member(param, "num_target");  // since XGBoost 1.6
  if ((!num_class.is_null() && (!CountOf(num_class, &classes) || classes != 0)) ||
      (!num_target.is_null() && (!CountOf(num_target, &targets) || targets != 1))) {
    return Bad("it has more than one output per row (classes or targets)");
  }

  const json& booster = Member(learner, "gradient_booster");
  const json& name = Member(booster, "name");
  if (name != "gbtree") {
    return Bad("its booster is " + (name.is_string() ? name.get<std::string>() : "unnamed") +
               ", not gbtree");
  }
  KC_RETURN_IF_ERROR(CheckTrees(Member(booster, "model"), feature_count));
  return static_cast<size_t>(feature_count);
}

}  // namespace kc::search
