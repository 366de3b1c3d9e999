#include "frontend/CompileDatabase.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>

#include "support/Limits.h"

namespace flytecc::frontend {

static llvm::Error fail(const llvm::Twine& message) { return llvm::createStringError(message); }

llvm::Error checkCompileCommands(llvm::StringRef json, llvm::StringRef path) {
  const support::Limits& lim = support::limits();
  const char* regenerate = "; regenerate it (e.g. cmake -DCMAKE_EXPORT_COMPILE_COMMANDS=ON) or pass the flags after --";
  if (json.size() > lim.compileDatabaseBytes)
    return fail("'" + path + "' is over " +
                support::limitText("size", lim.compileDatabaseBytes, "bytes", "FLYTECC_MAX_COMPILE_DATABASE_BYTES"));
  auto value = llvm::json::parse(json);
  if (!value) {
    std::string reason = llvm::toString(value.takeError());
    return fail("'" + path + "' is not valid JSON (" + reason + ")" + regenerate);
  }
  const llvm::json::Array* entries = value->getAsArray();
  if (!entries) return fail("'" + path + "' is not a JSON array of compile commands" + regenerate);
  size_t index = 0;
  for (const llvm::json::Value& v : *entries) {
    std::string where = "'" + path.str() + "': entry " + std::to_string(index++);
    const llvm::json::Object* o = v.getAsObject();
    if (!o) return fail(where + " is not an object" + regenerate);
    auto dir = o->getString("directory");
    auto file = o->getString("file");
    if (!dir) return fail(where + " has no \"directory\" string" + regenerate);
    if (!file) return fail(where + " has no \"file\" string" + regenerate);
    where += " ('" + file->str() + "')";
    const llvm::json::Value* command = o->get("command");
    const llvm::json::Value* arguments = o->get("arguments");
    if (command && !command->getAsString()) return fail(where + ": \"command\" is not a string" + regenerate);
    if (arguments) {
      const llvm::json::Array* args = arguments->getAsArray();
      if (!args || args->empty()) return fail(where + ": \"arguments\" is not a non-empty array" + regenerate);
      for (const auto& a : *args)
        if (!a.getAsString()) return fail(where + ": \"arguments\" holds a value that is not a string" + regenerate);
    }
    if (!command && !arguments) return fail(where + " has neither \"command\" nor \"arguments\"" + regenerate);
    if (dir->empty() || dir->contains('\0')) return fail(where + ": \"directory\" is empty" + regenerate);
    if (!llvm::sys::path::is_absolute(*dir))
      return fail(where + ": \"directory\" '" + *dir + "' is not an absolute path" + regenerate);
    if (!llvm::sys::fs::is_directory(*dir))
      return fail(where + ": its directory '" + *dir + "' does not exist (was the build moved or deleted?)" +
                  regenerate);
  }
  return llvm::Error::success();
}

llvm::Error checkCompileCommandsIn(llvm::StringRef buildDir) {
  llvm::SmallString<256> json(buildDir);
  llvm::sys::path::append(json, "compile_commands.json");
  llvm::sys::fs::file_status st;
  if (llvm::sys::fs::status(json, st) || !llvm::sys::fs::exists(st)) return llvm::Error::success();
  if (st.type() != llvm::sys::fs::file_type::regular_file)
    return fail("'" + json + "' is not a regular file");
  const support::Limits& lim = support::limits();
  if (st.getSize() > lim.compileDatabaseBytes)
    return fail("'" + json + "' is over " +
                support::limitText("size", lim.compileDatabaseBytes, "bytes", "FLYTECC_MAX_COMPILE_DATABASE_BYTES"));
  auto buffer = llvm::MemoryBuffer::getFile(json, /*IsText=*/true);
  if (!buffer) return fail("cannot read '" + json + "': " + buffer.getError().message());
  return checkCompileCommands((*buffer)->getBuffer(), json);
}

}  // namespace flytecc::frontend
