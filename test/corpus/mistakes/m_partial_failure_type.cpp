// Web scraping: up to 20% of the pages may fail, but the result is consumed as a plain list of strings.
// EXPECT: 24 error flyte-map-partial-failure-type
#include <flyte/flyte.hpp>

#include <string>
#include <vector>

namespace scrape {
FLYTE_TASK(.retries = 3, .timeout = std::chrono::seconds(30), .interruptible = true)
std::string fetch_page(std::string url) {
  if (url.empty()) throw flyte::Error("empty url");
  return "<html>" + url + "</html>";
}

FLYTE_TASK()
int total_bytes(std::vector<std::string> pages) {
  int n = 0;
  for (const auto& p : pages) n += static_cast<int>(p.size());
  return n;
}

FLYTE_WORKFLOW()
std::vector<std::string> crawl(std::vector<std::string> urls = {"https://a.example", "https://b.example"}) {
  return flyte::map_task(fetch_page, {.concurrency = 4, .min_success_ratio = 0.8})(urls);  // <- mistake
}
}  // namespace scrape
