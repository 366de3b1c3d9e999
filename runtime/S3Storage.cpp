// s3:// storage (placeholder until the libcurl client lands).
#include "runtime/StorageImpl.h"

namespace flytecc::runtime::detail {

Result<std::unique_ptr<Storage>> makeS3Storage(const StorageOptions&) {
  return error(StorageError::Kind::Invalid, "s3://", "s3:// is not supported yet");
}

}  // namespace flytecc::runtime::detail
