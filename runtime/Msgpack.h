// msgpack for dataclass values in the task runtime, through msgpack-cxx (Debian's libmsgpack-cxx-dev), kept out of
// the headers task mains compile. Writes what flytekit 1.16 writes (msgpack-cxx's packer gives ints their smallest
// form; floats are always written as float64) and reads any msgpack document into a small tree. The compiler's side
// (launch-plan defaults, `flytecc run`) is flyteidl/Dataclass.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace google::protobuf {
class Struct;
}

namespace flytecc::runtime {

class MsgpackWriter {
 public:
  MsgpackWriter();
  ~MsgpackWriter();
  void nil();
  void boolean(bool v);
  void integer(std::int64_t v);
  void real(double v);  // always float64, as Python floats are
  void string(std::string_view v);
  void array(std::uint32_t size);  // followed by `size` values
  void map(std::uint32_t size);    // followed by `size` key, value pairs
  std::string bytes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct MsgpackEntry;

struct MsgpackValue {
  enum class Kind { Nil, Boolean, Integer, Float, String, Array, Map };
  Kind kind = Kind::Nil;
  bool boolean = false;
  std::int64_t integer = 0;
  double real = 0;
  std::string string;
  std::vector<MsgpackValue> items;                            // Array
  std::vector<MsgpackEntry> entries;  // Map with string keys, in the document's order

  const MsgpackValue* find(std::string_view key) const;
};

// Not std::pair<std::string, MsgpackValue>: clang++ with libstdc++ cannot instantiate that pair inside the
// definition of the type it holds (is_implicitly_default_constructible of an incomplete MsgpackValue).
struct MsgpackEntry {
  std::string key;
  MsgpackValue value;
};

// One msgpack document; throws ConversionError (runtime/Literals.h) for anything else (trailing bytes, a map key
// that is not a string, an integer beyond int64, more than 64 levels).
MsgpackValue parseMsgpack(std::string_view bytes);

// The older dataclass form, `Literal.scalar.generic` (a protobuf Struct; its numbers are doubles).
MsgpackValue fromProtobufStruct(const google::protobuf::Struct& s);

}  // namespace flytecc::runtime
