// flyte-partial-list: a list bound by flyte::partial and then mapped, wherever the list comes from.
// RUN: %not %flytecc check %s -- -std=c++20 -I%sdk -DBAD 2>&1 | %FileCheck %s
// RUN: %flytecc check %s -- -std=c++20 -I%sdk 2>&1 | %FileCheck --allow-empty --check-prefix=GOOD %s
// GOOD-NOT: [flyte-
#include <flyte/flyte.hpp>
using namespace flyte::literals;

FLYTE_TASK()
int pick(int index, std::vector<int> table) { return table[static_cast<size_t>(index) % table.size()]; }

FLYTE_TASK()
std::vector<int> make_table() { return {7, 8, 9}; }

#ifdef BAD
FLYTE_WORKFLOW()
std::vector<int> from_literal(std::vector<int> idx = {0, 1}) {
  return flyte::map_task(flyte::partial(pick, "table"_a = std::vector<int>{1, 2}))(idx);
  // CHECK: partial-list.cpp:[[@LINE-1]]:47: error: flyte::partial binds the list [int] to 'table', and the partial is then mapped: {{.*}} and a list literal here would be split {{.*}} [flyte-partial-list]
  // CHECK: partial-list.cpp:[[@LINE-2]]:10: note: the partial is mapped here
  // CHECK: note: either map over it as another list ("table"_a = ... in the map call), or make 'table' an input of the task that is not mapped
}

FLYTE_WORKFLOW()
std::vector<int> from_input(std::vector<int> idx = {0, 1}, std::vector<int> table = {4, 5}) {
  auto part = flyte::partial(pick, "table"_a = table);
  // CHECK: partial-list.cpp:[[@LINE-1]]:36: error: {{.*}} and the workflow input 'table' here would be split {{.*}} [flyte-partial-list]
  return flyte::map_task(part)(idx);
}

FLYTE_WORKFLOW()
std::vector<int> from_task_output(std::vector<int> idx = {0, 1}) {
  auto table = make_table();
  return flyte::map_task(flyte::partial(pick, "table"_a = table))(idx);
  // CHECK: partial-list.cpp:[[@LINE-1]]:47: error: {{.*}} and the output of 'make_table' here would be split {{.*}} [flyte-partial-list]
}
#endif

// Not mapped: a list passed whole to an ordinary call is fine; so is mapping it as a list of lists.
FLYTE_WORKFLOW()
int whole(std::vector<int> table = {4, 5}) { return pick(0, table); }
