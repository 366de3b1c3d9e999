#include "executor/Cache.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <sqlite3.h>
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "executor/Literals.h"

namespace flytecc::executor {

CacheKey makeCacheKey(const std::string& task, const std::string& version, const flyteidl::core::TypedInterface& iface,
                      const std::string& extra, const flyteidl::core::LiteralMap& inputs) {
  return {task, version, sha256Hex(serializeDeterministic(iface) + '\0' + extra),
          sha256Hex(serializeDeterministic(inputs))};
}

std::string defaultCachePath() {
  llvm::SmallString<256> p;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    p = xdg;
  } else {
    const char* home = std::getenv("HOME");
    p = home && *home ? home : ".";
    llvm::sys::path::append(p, ".cache");
  }
  llvm::sys::path::append(p, "flytecc", "cache.sqlite");
  return std::string(p);
}

static constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS results ("
    "  task TEXT NOT NULL, version TEXT NOT NULL, interface TEXT NOT NULL, inputs TEXT NOT NULL,"
    "  outputs BLOB NOT NULL, created INTEGER NOT NULL,"
    "  PRIMARY KEY (task, version, interface, inputs))";

namespace {
// SQLite returns SQLITE_BUSY without calling the busy handler where waiting could deadlock: a connection that
// holds a read snapshot and wants to write (switching the journal to WAL on a fresh file, CREATE TABLE IF NOT
// EXISTS after another connection created it). Such a statement succeeds when run again, so `step` is repeated
// (the caller resets what it needs) with a growing pause until the same deadline the busy handler has.
constexpr auto kBusyDeadline = std::chrono::seconds(30);

template <typename Step>
int retryWhileBusy(Step step) {
  auto deadline = std::chrono::steady_clock::now() + kBusyDeadline;
  auto pause = std::chrono::milliseconds(1);
  for (;;) {
    int rc = step();
    int primary = rc & 0xff;
    if ((primary != SQLITE_BUSY && primary != SQLITE_LOCKED) || std::chrono::steady_clock::now() >= deadline)
      return rc;
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, std::chrono::milliseconds(100));
  }
}

// sqlite3_exec with the retry; the error text, or empty.
std::string execRetrying(sqlite3* db, const char* sql) {
  char* err = nullptr;
  int rc = retryWhileBusy([&] {
    sqlite3_free(err);
    err = nullptr;
    return sqlite3_exec(db, sql, nullptr, nullptr, &err);
  });
  if (rc == SQLITE_OK) return "";
  std::string msg = err ? err : sqlite3_errmsg(db);
  sqlite3_free(err);
  return msg;
}
}  // namespace

Cache::Cache(const std::string& path) : path_(path) {
  llvm::StringRef dir = llvm::sys::path::parent_path(path);
  if (auto ec = llvm::sys::fs::create_directories(dir.empty() ? "." : dir)) {
    fail("cannot create its directory: " + ec.message());
    return;
  }
  if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    fail(db_ ? sqlite3_errmsg(db_) : "out of memory");
    return;
  }
  sqlite3_busy_timeout(db_, 30000);
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", kSchema}) {
    if (std::string msg = execRetrying(db_, sql); !msg.empty()) {
      fail(msg);
      return;
    }
  }
}

Cache::~Cache() {
  if (db_) sqlite3_close_v2(db_);
}

std::string Cache::problem() const {
  std::lock_guard lock(mu_);
  return problem_;
}

void Cache::fail(const std::string& what) {
  if (problem_.empty()) problem_ = path_ + ": " + what + " (the cache is bypassed)";
  if (db_) sqlite3_close_v2(db_);
  db_ = nullptr;
}

namespace {
struct Stmt {
  sqlite3_stmt* s = nullptr;
  ~Stmt() { sqlite3_finalize(s); }
};
}  // namespace

std::optional<flyteidl::core::LiteralMap> Cache::lookup(const CacheKey& key) {
  std::lock_guard lock(mu_);
  if (!db_) return std::nullopt;
  Stmt st;
  if (sqlite3_prepare_v2(db_,
                         "SELECT outputs FROM results WHERE task=?1 AND version=?2 AND interface=?3 AND inputs=?4", -1,
                         &st.s, nullptr) != SQLITE_OK) {
    fail(sqlite3_errmsg(db_));
    return std::nullopt;
  }
  const std::string* parts[] = {&key.task, &key.version, &key.interface, &key.inputs};
  for (int i = 0; i < 4; ++i) sqlite3_bind_text(st.s, i + 1, parts[i]->data(), int(parts[i]->size()), SQLITE_STATIC);
  int rc = retryWhileBusy([&] {
    sqlite3_reset(st.s);
    return sqlite3_step(st.s);
  });
  if (rc == SQLITE_DONE) return std::nullopt;
  if (rc != SQLITE_ROW) {
    fail(sqlite3_errmsg(db_));
    return std::nullopt;
  }
  flyteidl::core::LiteralMap out;
  const void* blob = sqlite3_column_blob(st.s, 0);
  int n = sqlite3_column_bytes(st.s, 0);
  if (!out.ParseFromArray(blob, n)) return std::nullopt;  // a damaged entry is a miss; the store replaces it
  return out;
}

void Cache::store(const CacheKey& key, const flyteidl::core::LiteralMap& outputs) {
  std::lock_guard lock(mu_);
  if (!db_) return;
  Stmt st;
  if (sqlite3_prepare_v2(db_,
                         "INSERT OR REPLACE INTO results (task, version, interface, inputs, outputs, created) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                         -1, &st.s, nullptr) != SQLITE_OK) {
    fail(sqlite3_errmsg(db_));
    return;
  }
  const std::string* parts[] = {&key.task, &key.version, &key.interface, &key.inputs};
  for (int i = 0; i < 4; ++i) sqlite3_bind_text(st.s, i + 1, parts[i]->data(), int(parts[i]->size()), SQLITE_STATIC);
  std::string bytes = serializeDeterministic(outputs);
  sqlite3_bind_blob(st.s, 5, bytes.data(), int(bytes.size()), SQLITE_STATIC);
  sqlite3_bind_int64(st.s, 6, static_cast<sqlite3_int64>(std::time(nullptr)));
  int rc = retryWhileBusy([&] {
    sqlite3_reset(st.s);
    return sqlite3_step(st.s);
  });
  if (rc != SQLITE_DONE) fail(sqlite3_errmsg(db_));
}

std::vector<CacheEntry> Cache::list() {
  std::lock_guard lock(mu_);
  std::vector<CacheEntry> out;
  if (!db_) return out;
  Stmt st;
  if (sqlite3_prepare_v2(db_, "SELECT task, version, created, length(outputs) FROM results ORDER BY task, version, created",
                         -1, &st.s, nullptr) != SQLITE_OK) {
    fail(sqlite3_errmsg(db_));
    return out;
  }
  int rc;
  while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
    CacheEntry e;
    e.task = reinterpret_cast<const char*>(sqlite3_column_text(st.s, 0));
    e.version = reinterpret_cast<const char*>(sqlite3_column_text(st.s, 1));
    e.created = sqlite3_column_int64(st.s, 2);
    e.bytes = static_cast<size_t>(sqlite3_column_int64(st.s, 3));
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) fail(sqlite3_errmsg(db_));
  return out;
}

std::optional<int64_t> Cache::clear() {
  std::lock_guard lock(mu_);
  if (!db_) return std::nullopt;
  if (std::string msg = execRetrying(db_, "DELETE FROM results"); !msg.empty()) {
    fail(msg);
    return std::nullopt;
  }
  return sqlite3_changes64(db_);
}

}  // namespace flytecc::executor
