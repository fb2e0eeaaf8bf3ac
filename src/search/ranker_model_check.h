// The checks a ranking model file passes before XGBoost reads it (docs/ranking.md, "Model
// file"). XGBoost 1.7 trusts the indices in a model: a parent or child index outside its tree,
// a short tree_info, or two trees with one id — one flipped digit on disk — make it read
// outside memory while loading or predicting. A model that passes is one XGBoost loads and
// predicts with inside its trees.
#pragma once

#include <cstddef>
#include <string_view>

#include "core/status.h"

namespace kc::search {

// Checks an XGBoost model in JSON text (as XGBoosterSaveModelToBuffer writes it with
// {"format":"json"}): nested at most 16 deep; one output (num_class 0, num_target 1); at least
// one feature; booster "gbtree" with as many trees as gbtree_model_param and tree_info say,
// each of output group 0, the i-th with id i; in each tree, every per-node array has the
// tree's node count, every node but the root has a parent inside the tree, and every node
// reached from the root is a leaf (both children -1) or a numerical split on a feature below
// the model's feature count whose two children are nodes of that tree not reached before (no
// categorical splits). Returns the model's feature count, or kInvalid ("bad_ranker_model")
// with the first fault found, worded for a person ("tree 3: node 7's left child 912 is
// outside the tree's 15 nodes").
Result<size_t> CheckRankerModel(std::string_view model_json);

}  // namespace kc::search
