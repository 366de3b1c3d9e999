// Pricing: the partial binds the currency, and the map call binds it again by name.
// EXPECT: 28 error flyte-bound-twice
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

using namespace flyte::literals;

namespace pricing {
FLYTE_TASK()
double convert(double amount, std::string currency, double rate) {
  return currency == "EUR" ? amount : amount * rate;
}

FLYTE_TASK()
double total(std::vector<double> amounts) {
  double s = 0;
  for (double a : amounts) s += a;
  return s;
}

FLYTE_WORKFLOW()
double invoice_total(std::vector<double> amounts = {12.5, 3.0, 99.99},
                     std::vector<std::string> currencies = {"USD", "USD", "GBP"}, double rate = 0.92) {
  auto to_eur = flyte::partial(convert, "currency"_a = std::string("USD"), "rate"_a = rate);
  auto converted = flyte::map_task(to_eur)("amount"_a = amounts,
                                           "currency"_a = currencies);  // <- mistake: bound by the partial too
  return total(converted);
}
}  // namespace pricing
