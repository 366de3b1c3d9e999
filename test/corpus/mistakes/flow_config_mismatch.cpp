// A task declared (as in its header) with one config and defined with another: the retries and the cache
// version of the declaration are silently not the ones registered.
// EXPECT: 17 error flyte-config-mismatch
#include <flyte/flyte.hpp>

#include <vector>

// --- what tasks.hpp declares -------------------------------------------------------------------
FLYTE_TASK(.cache = true, .cache_version = "2", .retries = 3)
double train(std::vector<double> samples, int epochs);

FLYTE_WORKFLOW()
double training(std::vector<double> samples = {0.5, 1.5}, int epochs = 10) { return train(samples, epochs); }

// --- tasks.cpp ---------------------------------------------------------------------------------
// The definition was copied from an older version of the header.
FLYTE_TASK(.cache = true, .cache_version = "1", .retries = 3)
double train(std::vector<double> samples, int epochs) {
  double loss = 1.0;
  for (int e = 0; e < epochs; ++e)
    for (double s : samples) loss *= 0.9 + 0.01 * s;
  return loss;
}
