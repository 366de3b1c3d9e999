// Every ordinary spelling of a string constant bound in a workflow.
#include <flyte/flyte.hpp>

#include <string>
#include <string_view>

using namespace std::string_literals;
using namespace std::string_view_literals;

constexpr const char* kGreeting = "hello";
constexpr std::string_view kPunctuation = "!";

FLYTE_TASK()
std::string join(std::string a, std::string b) { return a + " " + b; }

FLYTE_WORKFLOW()
std::string greetings(std::string name = "world") {
  auto a = join("hello", name);
  auto b = join(std::string("hello"), std::string{"there"});
  auto c = join("hi"s, std::string("you"sv));
  auto d = join(kGreeting, std::string(kPunctuation));
  auto e = join(std::string("abcdef", 3), std::string());
  auto f = join(a, b);
  auto g = join(c, d);
  auto h = join(f, g);
  return join(h, e);
}
