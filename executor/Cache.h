// The local result cache: outputs of tasks and map items with `cache = true`, keyed like Flyte's data catalog
// (task name, cache version, interface, hash of the input literals), in one SQLite database file.
//
// Contract: safe to share between threads and between processes (WAL journal, busy timeout, and statements that
// SQLite refuses as busy without waiting are repeated until the same 30 s deadline). A cache that
// cannot be opened, or turns out corrupt, disables itself and says why (`problem()`); lookups then miss and
// stores do nothing: a run never fails because of its cache.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "flyteidl/core/interface.pb.h"
#include "flyteidl/core/literals.pb.h"

struct sqlite3;

namespace flytecc::executor {

struct CacheKey {
  std::string task;       // entity name
  std::string version;    // discovery_version
  std::string interface;  // SHA-256 of the deterministic TypedInterface (plus what selects a map item)
  std::string inputs;     // SHA-256 of the deterministic input LiteralMap
};

CacheKey makeCacheKey(const std::string& task, const std::string& version,
                      const flyteidl::core::TypedInterface& iface, const std::string& extra,
                      const flyteidl::core::LiteralMap& inputs);

struct CacheEntry {
  std::string task, version;
  int64_t created = 0;  // unix seconds
  size_t bytes = 0;
};

class Cache {
 public:
  // Opens (creating it and its directory) the database at `path`.
  explicit Cache(const std::string& path);
  ~Cache();
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;

  const std::string& path() const { return path_; }
  // Empty while the cache works; else why it was bypassed.
  std::string problem() const;

  std::optional<flyteidl::core::LiteralMap> lookup(const CacheKey& key);
  void store(const CacheKey& key, const flyteidl::core::LiteralMap& outputs);

  std::vector<CacheEntry> list();
  // Removes every entry; the number removed, or nullopt when the cache is unusable.
  std::optional<int64_t> clear();

 private:
  void fail(const std::string& what);
  std::string path_;
  sqlite3* db_ = nullptr;
  mutable std::mutex mu_;
  std::string problem_;
};

// $XDG_CACHE_HOME/flytecc/cache.sqlite, else ~/.cache/flytecc/cache.sqlite.
std::string defaultCachePath();

}  // namespace flytecc::executor
