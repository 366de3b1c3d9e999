#include "executor/Program.h"

#include "flyteidl/Package.h"

#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <memory>

#include "flyteidl/admin/task.pb.h"
#include "flyteidl/admin/workflow.pb.h"

namespace flytecc::executor {

template <class M>
static const typename M::mapped_type* find(const M& m, const std::string& name) {
  auto it = m.find(name);
  return it == m.end() ? nullptr : &it->second;
}
const flyteidl::core::TaskTemplate* Program::findTask(const std::string& n) const { return find(tasks, n); }
const flyteidl::core::WorkflowTemplate* Program::findWorkflow(const std::string& n) const {
  return find(workflows, n);
}
const flyteidl::admin::LaunchPlan* Program::findLaunchPlan(const std::string& n) const {
  return find(launchPlans, n);
}

static llvm::Error bad(const std::string& what) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", what.c_str());
}

template <class M>
static llvm::Error parse(M& m, const std::string& bytes, const std::string& name) {
  if (!m.ParseFromString(bytes)) return bad("'" + name + "' is not a valid " + m.GetTypeName() + " (corrupt or truncated)");
  return llvm::Error::success();
}

// Adds one file by its name; files of other kinds are ignored.
static llvm::Error addFile(Program& p, llvm::StringRef name, const std::string& bytes) {
  using namespace flyteidl;
  if (name.ends_with(".task.pb")) {
    core::TaskTemplate t;
    if (auto e = parse(t, bytes, name.str())) return e;
    p.tasks[t.id().name()] = std::move(t);
  } else if (name.ends_with(".workflow.pb")) {
    core::WorkflowTemplate w;
    if (auto e = parse(w, bytes, name.str())) return e;
    p.workflows[w.id().name()] = std::move(w);
  } else if (name.ends_with(".launchplan.pb") || name.ends_with("_3.pb")) {
    admin::LaunchPlan lp;
    if (auto e = parse(lp, bytes, name.str())) return e;
    p.launchPlans[lp.id().name()] = std::move(lp);
  } else if (name.ends_with("_1.pb")) {
    admin::TaskSpec spec;
    if (auto e = parse(spec, bytes, name.str())) return e;
    p.tasks[spec.template_().id().name()] = spec.template_();
  } else if (name.ends_with("_2.pb")) {
    admin::WorkflowSpec spec;
    if (auto e = parse(spec, bytes, name.str())) return e;
    p.workflows[spec.template_().id().name()] = spec.template_();
    for (const auto& sub : spec.sub_workflows()) p.workflows[sub.id().name()] = sub;
  }
  return llvm::Error::success();
}

static llvm::Error finish(const Program& p, const std::string& path) {
  if (p.workflows.empty()) return bad("'" + path + "' holds no workflow");
  return llvm::Error::success();
}

llvm::Expected<Program> loadDirectory(const std::string& dir) {
  Program p;
  std::error_code ec;
  std::vector<std::string> names;
  for (llvm::sys::fs::directory_iterator it(dir, ec), end; it != end && !ec; it.increment(ec))
    names.push_back(it->path());
  if (ec) return bad("cannot read directory '" + dir + "': " + ec.message());
  std::sort(names.begin(), names.end());
  for (const auto& path : names) {
    llvm::StringRef name = llvm::sys::path::filename(path);
    if (!name.ends_with(".task.pb") && !name.ends_with(".workflow.pb") && !name.ends_with(".launchplan.pb")) continue;
    auto buf = llvm::MemoryBuffer::getFile(path);
    if (!buf) return bad("cannot read '" + path + "': " + buf.getError().message());
    if (auto e = addFile(p, name, (*buf)->getBuffer().str())) return e;
  }
  if (auto e = finish(p, dir)) return e;
  return p;
}

llvm::Expected<Program> loadPackage(const std::string& path) {
  // The one archive reader (flyteidl/Package.h): streamed, plain relative regular files only, bounded.
  Program p;
  if (auto err = idl::forEachArchiveEntry(path, [&](idl::PackageFile&& f) {
        return addFile(p, llvm::sys::path::filename(f.name), f.bytes);
      }))
    return err;
  if (auto err = finish(p, path)) return err;
  return p;
}

llvm::Expected<Program> loadProgram(const std::string& path) {
  if (llvm::sys::fs::is_directory(path)) return loadDirectory(path);
  if (!llvm::sys::fs::exists(path)) return bad("'" + path + "' does not exist");
  return loadPackage(path);
}

}  // namespace flytecc::executor
