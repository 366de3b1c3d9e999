// Fuzz target: the .pb / package reader behind `flytecc dump` (and `flytecc run PACKAGE.tgz`).
// The first byte picks how the rest is read: a package (.tgz) or a .pb of one of the five message types.
#include <cstddef>
#include <cstdint>
#include <llvm/Support/raw_ostream.h>

#include "flyteidl/Dump.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* names[] = {"p.tgz", "x_1.pb", "x_2.pb", "x_3.pb", "x.task.pb", "x.workflow.pb"};
  flytecc::idl::DumpOptions o;
  o.path = names[data[0] % 6];
  o.json = data[0] & 0x80;
  llvm::StringRef bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string text;
  llvm::raw_string_ostream out(text);
  llvm::consumeError(flytecc::idl::dumpBuffer(bytes, o, out));
  return 0;
}
