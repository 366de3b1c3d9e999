#include "shop.hpp"

namespace shop {
FLYTE_WORKFLOW()
double prices(std::vector<int> quantities = {1, 2, 3}) { return total(flyte::map_task(price)(quantities)); }
}  // namespace shop
