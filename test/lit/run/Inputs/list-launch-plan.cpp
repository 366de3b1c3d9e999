// A launch plan whose default and fixed inputs are lists: constexpr arrays and a std::array, named by their
// variables (a launch plan is a constant; it cannot hold a temporary list). kGrid's second row is shorter than
// its declared size: C++ fills it with 0.0, and so does the launch plan's literal.
#include <flyte/flyte.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

FLYTE_TASK()
std::string describe(std::vector<std::int64_t> xs, std::vector<std::string> names,
                     std::vector<std::vector<double>> grid) {
  std::int64_t sum = 0;
  for (auto x : xs) sum += x;
  std::string out = "sum " + std::to_string(sum) + " names";
  for (const auto& n : names) out += " " + n;
  double cells = 0;
  for (const auto& row : grid)
    for (double c : row) cells += c;
  return out + " rows " + std::to_string(grid.size()) + " cells " + std::to_string(int(cells));
}

FLYTE_WORKFLOW()
std::string list_wf(std::vector<std::int64_t> xs, std::vector<std::string> names = {"default"},
                    std::vector<std::vector<double>> grid = {}) {
  return describe(xs, names, grid);
}

inline constexpr std::int64_t kSizes[] = {1, 2, 3};
inline constexpr std::array<const char*, 2> kNames{"ab", "cde"};
inline constexpr double kGrid[2][3] = {{1.0, 2.0, 3.0}, {4.0}};

FLYTE_LAUNCH_PLAN(sized, list_wf, .name = "sized", .default_inputs = {{"names", kNames}, {"grid", kGrid}},
                  .fixed_inputs = {{"xs", kSizes}});

#ifdef PLAIN_MAIN
#include <iostream>
using namespace flyte::literals;
int main() {
  flyte::detail::register_param_names(reinterpret_cast<const void*>(&list_wf), {"xs", "names", "grid"});
  std::cout << sized() << "\n";
  std::cout << sized("names"_a = std::vector<std::string>{"given"}) << "\n";
}
#endif
