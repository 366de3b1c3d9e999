// Enums: a C++ enum is Flyte's EnumType; defaults are enumerators, enums flow between tasks and through maps.
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

namespace tiers {
enum class Tier { free, pro, enterprise };
enum Region { eu, us, apac };  // an unscoped enum too

FLYTE_TASK()
Tier classify(double monthly_spend) {
  return monthly_spend > 1000 ? Tier::enterprise : monthly_spend > 50 ? Tier::pro : Tier::free;
}

FLYTE_TASK()
double discount(Tier tier, Region region = eu) {
  double base = tier == Tier::enterprise ? 0.2 : tier == Tier::pro ? 0.1 : 0.0;
  return region == apac ? base + 0.05 : base;
}

FLYTE_TASK()
std::string label(Tier tier = Tier::pro) {
  const char* names[] = {"free", "pro", "enterprise"};
  return names[static_cast<int>(tier)];
}

FLYTE_WORKFLOW()
std::vector<double> discounts(std::vector<double> spends = {10.0, 120.0, 5000.0}, Region region = us) {
  auto tiers = flyte::map_task(classify)(spends);
  return flyte::map_task(flyte::partial(discount, "region"_a = region))("tier"_a = tiers);
}

FLYTE_WORKFLOW()
std::string default_label() { return label(); }

FLYTE_WORKFLOW()
std::string enterprise_label(Tier tier = Tier::enterprise) { return label(tier); }
}  // namespace tiers
