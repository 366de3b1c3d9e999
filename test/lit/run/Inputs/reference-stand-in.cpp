// The reference entities of compile/Inputs/parity/reference.cpp, with a local stand-in for the reference task: a
// definition of its declared function, which `flytecc run` runs in place of the registered task (never packaged).
#include "../../compile/Inputs/parity/reference.cpp"

#include <cctype>

namespace features::reference {
std::string normalize(std::string text) {
  for (auto& c : text) c = char(std::tolower(static_cast<unsigned char>(c)));
  return text;
}
}  // namespace features::reference
