// Deterministic protobuf encoding: the one definition the compiler (flyteidl/), the task runtime (runtime/) and
// the local executor (executor/) share. Header-only and protobuf-only, so the runtime can use it without LLVM.
// Map entries come out sorted, so the same message always gives the same bytes (cache keys, byte-identical
// packages).
#pragma once

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/message.h>
#include <string>

namespace flytecc::idl {

inline std::string serializeDeterministic(const google::protobuf::Message& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return out;
}

}  // namespace flytecc::idl
