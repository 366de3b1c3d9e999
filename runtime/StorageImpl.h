// Internals shared by the Storage implementations (not part of the runtime's interface).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/Storage.h"

namespace flytecc::runtime::detail {

// The lower-cased scheme of "scheme://...", or nullopt for a plain path.
std::optional<std::string> schemeOf(std::string_view uri);
StorageError error(StorageError::Kind kind, std::string_view uri, std::string_view cause);
StorageError errnoError(std::string_view uri, std::string_view what, int err);

std::unique_ptr<Storage> makeLocalStorage();
Result<std::unique_ptr<Storage>> makeS3Storage(const StorageOptions& options);

}  // namespace flytecc::runtime::detail
