// Protobuf's own log lines ("[libprotobuf ERROR] ... invalid UTF-8 data") on hostile input. Every parse that
// fails already becomes a located error of ours, so the programs that print (the flytecc driver, the task
// executable's main) install this handler: messages below FATAL are dropped, a FATAL one is printed with the
// program's prefix before protobuf aborts. Header-only; libraries never call it.
#pragma once

#include <google/protobuf/stubs/logging.h>

#include <cstdio>
#include <string>

namespace flytecc::idl {

inline void quietProtobufLog() {
  google::protobuf::SetLogHandler([](google::protobuf::LogLevel level, const char*, int, const std::string& message) {
    if (level >= google::protobuf::LOGLEVEL_FATAL) std::fprintf(stderr, "error: protobuf: %s\n", message.c_str());
  });
}

}  // namespace flytecc::idl
