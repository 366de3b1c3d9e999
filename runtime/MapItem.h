// The ArrayNode item rule (docs/task-contract.md): item `index` sees element `index` of every input that is not
// bound, and the bound inputs whole. Header-only, so that the one rule serves the runtime (running an item,
// TaskCall::input) and the local executor (keying an item's cache entry by the inputs the item sees).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "flyteidl/core/literals.pb.h"

namespace flytecc::runtime::mapitem {

// The literal item `index` sees for an input holding `whole`; nullptr when a mapped input is not a list or has no
// element `index`.
inline const flyteidl::core::Literal* select(const flyteidl::core::Literal& whole, bool bound, std::int64_t index) {
  if (bound) return &whole;
  if (!whole.has_collection() || index < 0 || index >= whole.collection().literals_size()) return nullptr;
  return &whole.collection().literals(static_cast<int>(index));
}

inline bool isBound(const std::vector<std::string>& bound, const std::string& name) {
  return std::find(bound.begin(), bound.end(), name) != bound.end();
}

// Every input as item `index` sees it (inputs a mapped list lacks are left out).
inline flyteidl::core::LiteralMap itemInputs(const flyteidl::core::LiteralMap& all, const std::vector<std::string>& bound,
                                             std::int64_t index) {
  flyteidl::core::LiteralMap out;
  for (const auto& [name, whole] : all.literals())
    if (const auto* l = select(whole, isBound(bound, name), index)) (*out.mutable_literals())[name] = *l;
  return out;
}

}  // namespace flytecc::runtime::mapitem
