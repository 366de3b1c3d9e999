#include "executor/Cache.h"

#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <sqlite3.h>
#include <cstdlib>
#include <ctime>

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
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
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
  int rc = sqlite3_step(st.s);
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
  if (sqlite3_step(st.s) != SQLITE_DONE) fail(sqlite3_errmsg(db_));
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
  char* err = nullptr;
  if (sqlite3_exec(db_, "DELETE FROM results", nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    fail(msg);
    return std::nullopt;
  }
  return sqlite3_changes64(db_);
}

}  // namespace flytecc::executor
