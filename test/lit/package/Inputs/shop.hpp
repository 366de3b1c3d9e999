// Declarations shared by tasks.cpp and workflows.cpp.
#pragma once
#include <flyte/flyte.hpp>

namespace shop {
FLYTE_TASK(.retries = 2)
double price(int quantity);
FLYTE_TASK()
double total(std::vector<double> prices);
}  // namespace shop
