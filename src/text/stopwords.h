// Stop words and weak terms of Chinese and English technical text.
#pragma once

#include <string_view>

namespace kc::text {

// True for a function word that carries no subject matter and is dropped from the terms of a
// text: Chinese particles, prepositions, conjunctions, pronouns and auxiliary verbs (的 了 和
// 与 及 在 对 是 等 为 中 进行 本文 …) and English ones (the a of and to in is …). Expects a
// normalised token (lower case, simplified). Thread-safe.
bool IsStopWord(std::string_view token);

// True for a word that is meaningful but so frequent in scientific abstracts and technical
// demands that it says little about a text's subject: 研究 方法 基于 分析 提出 结果 应用 问题 …,
// English method study analysis result based proposed … Such words are kept as terms (a query
// may need them) and given low weight when key terms are chosen. Thread-safe.
bool IsWeakTerm(std::string_view token);

}  // namespace kc::text
