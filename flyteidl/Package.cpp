#include "flyteidl/Package.h"

#include <archive.h>
#include <archive_entry.h>
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <unistd.h>
#include <fmt/format.h>
#include <functional>
#include <google/protobuf/descriptor.h>
#include <google/protobuf/reflection.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/SourceMgr.h>
#include <llvm/Support/YAMLParser.h>
#include <llvm/Support/YAMLTraits.h>
#include <map>
#include <memory>
#include <set>

#include "flyteidl/Emit.h"
#include "support/Files.h"
#include "support/Limits.h"
#include "flyteidl/admin/task.pb.h"
#include "flyteidl/admin/workflow.pb.h"

namespace flytecc::idl {
namespace pb = google::protobuf;

// ---- flytecc.yaml ---------------------------------------------------------------------------------

struct ConfigFile {
  std::optional<std::string> image, project, domain, version;
  std::map<std::string, std::string> taskImages;
};

}  // namespace flytecc::idl

namespace llvm::yaml {
template <>
struct CustomMappingTraits<std::map<std::string, std::string>> {
  static void inputOne(IO& io, StringRef key, std::map<std::string, std::string>& m) {
    io.mapRequired(key.str().c_str(), m[key.str()]);
  }
  static void output(IO& io, std::map<std::string, std::string>& m) {
    for (auto& [k, v] : m) io.mapRequired(k.c_str(), v);
  }
};

template <>
struct MappingTraits<flytecc::idl::ConfigFile> {
  static void mapping(IO& io, flytecc::idl::ConfigFile& c) {
    io.mapOptional("image", c.image);
    io.mapOptional("project", c.project);
    io.mapOptional("domain", c.domain);
    io.mapOptional("version", c.version);
    io.mapOptional("task_images", c.taskImages);
  }
};
}  // namespace llvm::yaml

namespace flytecc::idl {

static llvm::Error fail(const llvm::Twine& message) { return llvm::createStringError(message); }

// Where each key under task_images is written ("path:line:col"), for errors about the names.
static std::map<std::string, std::string> taskImageLocations(const std::string& path, llvm::MemoryBufferRef buffer) {
  std::map<std::string, std::string> out;
  llvm::SourceMgr sm;
  sm.setDiagHandler([](const llvm::SMDiagnostic&, void*) {}, nullptr);  // the parse before reported any problem
  llvm::yaml::Stream stream(buffer, sm);
  llvm::SmallString<64> storage;
  for (auto& doc : stream) {
    auto* root = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(doc.getRoot());
    if (!root) continue;
    for (auto& kv : *root) {
      auto* key = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(kv.getKey());
      if (!key || key->getValue(storage) != "task_images") continue;
      auto* images = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(kv.getValue());
      if (!images) continue;
      for (auto& entry : *images) {
        auto* name = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(entry.getKey());
        if (!name) continue;
        auto [line, column] = sm.getLineAndColumn(name->getSourceRange().Start);
        out[name->getValue(storage).str()] = path + ":" + std::to_string(line) + ":" + std::to_string(column);
      }
    }
  }
  return out;
}

llvm::Error checkTaskImages(const ir::Module& module, const PackageSettings& settings) {
  llvm::Error errors = llvm::Error::success();
  for (const auto& [name, image] : settings.taskImages) {
    if (module.findTask(name)) continue;
    auto where = settings.taskImageLocations.find(name);
    std::string text = (where == settings.taskImageLocations.end() ? "" : where->second + ": ") + "task_images: '" +
                       name + "' is not a task of this package";
    if (const ir::MapTask* mt = module.findMapTask(name)) {
      text += "; it is a map task, which runs the image of the task it maps: name '" + mt->task + "'";
    } else {
      std::string best;
      unsigned bestDistance = std::max<unsigned>(2, name.size() / 3) + 1;
      for (const auto& t : module.tasks) {
        unsigned d = llvm::StringRef(name).edit_distance(t.name, true, bestDistance);
        if (d < bestDistance) {
          bestDistance = d;
          best = t.name;
        }
      }
      if (!best.empty()) text += "; did you mean '" + best + "'?";
    }
    errors = llvm::joinErrors(std::move(errors), fail(text));
  }
  // A fused task chain (task-chain-fusion) runs every task of the chain in one container: one image for all.
  auto imageOf = [&](const std::string& task) {
    auto it = settings.taskImages.find(task);
    return it == settings.taskImages.end() ? std::string() : it->second;
  };
  for (const auto& t : module.tasks)
    for (const auto& step : t.chain)
      if (imageOf(step.task) != imageOf(t.chain.front().task))
        errors = llvm::joinErrors(
            std::move(errors),
            fail("task_images: tasks '" + t.chain.front().task + "' and '" + step.task + "' run in one pod (" +
                 t.name + ", FLYTE_WORKFLOW(.fuse_tasks = true)) but are given different images; give them one "
                 "image or drop .fuse_tasks"));
  for (const auto& mt : module.mapTasks)  // a fused map item (map-fusion) too
    for (const auto& step : mt.then)
      if (imageOf(step.task) != imageOf(mt.task))
        errors = llvm::joinErrors(std::move(errors),
                                  fail("task_images: tasks '" + mt.task + "' and '" + step.task + "' run in one pod (" +
                                       mt.name + ", map fusion) but are given different images; give them one image "
                                       "or compile without fusion (-O1)"));
  return errors;
}

// Walks the YAML before llvm::yaml::Input maps it (which would expand aliases and recurse without bound):
// refuses anchors and aliases, nesting deeper than the limit, and null values where a
// string is expected. The parser is lazy, so a deep document is never parsed past the limit.
static llvm::Error prescanConfig(llvm::yaml::Node* n, unsigned depth, llvm::StringRef key, llvm::SourceMgr& sm,
                                 const std::string& path, std::string& problem) {
  auto at = [&](llvm::yaml::Node* node, const llvm::Twine& message) {
    llvm::SMDiagnostic d = sm.GetMessage(node->getSourceRange().Start, llvm::SourceMgr::DK_Error, message);
    llvm::raw_string_ostream os(problem);
    d.print(nullptr, os, /*ShowColors=*/false);
    return fail("invalid config '" + path + "'");
  };
  const support::Limits& lim = support::limits();
  if (!n) return llvm::Error::success();
  if (depth > lim.configDepth)
    return at(n, "nested deeper than " + support::limitText("depth", lim.configDepth, "", "FLYTECC_MAX_CONFIG_DEPTH"));
  if (llvm::isa<llvm::yaml::AliasNode>(n) || !n->getAnchor().empty())
    return at(n, "YAML anchors and aliases are not allowed in flytecc.yaml; write the value out");
  if (auto* m = llvm::dyn_cast<llvm::yaml::MappingNode>(n)) {
    for (auto& kv : *m) {
      llvm::yaml::Node* k = kv.getKey();
      if (auto e = prescanConfig(k, depth + 1, "", sm, path, problem)) return e;
      llvm::SmallString<64> storage;
      llvm::StringRef name;
      if (auto* sk = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(k)) name = sk->getValue(storage);
      if (depth == 1 && !llvm::is_contained({"image", "project", "domain", "version", "task_images"}, name))
        return at(k ? k : n, "unknown key '" + name + "' (keys: image, project, domain, version, task_images)");
      llvm::yaml::Node* v = kv.getValue();
      bool stringValue = depth == 1 ? name != "task_images" : depth == 2 && key == "task_images";
      if (stringValue && v) {
        if (llvm::isa<llvm::yaml::NullNode>(v))
          return at(v, "'" + name + "' has no value (null); give a string, e.g. " + name + ": \"...\"");
        if (auto* sv = llvm::dyn_cast<llvm::yaml::ScalarNode>(v)) {
          llvm::SmallString<64> vs;
          llvm::StringRef text = sv->getValue(vs);
          if (sv->getRawValue() == "~" || (sv->getRawValue() == text && (text == "null" || text == "Null" || text == "NULL")))
            return at(v, "'" + name + "' is null; give a string (quote it, \"null\", if you mean that text)");
        }
      }
      if (auto e = prescanConfig(v, depth + 1, depth == 1 ? name : llvm::StringRef(), sm, path, problem)) return e;
    }
  } else if (auto* seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(n)) {
    for (auto& item : *seq)
      if (auto e = prescanConfig(&item, depth + 1, "", sm, path, problem)) return e;
  }
  return llvm::Error::success();
}

llvm::Expected<PackageSettings> readPackageConfig(const std::string& path) {
  const support::Limits& lim = support::limits();
  llvm::sys::fs::file_status st;
  if (auto ec = llvm::sys::fs::status(path, st)) return fail("cannot read config '" + path + "': " + ec.message());
  if (st.type() == llvm::sys::fs::file_type::directory_file)
    return fail("cannot read config '" + path + "': it is a directory; give the path of a flytecc.yaml file");
  if (st.type() == llvm::sys::fs::file_type::regular_file && st.getSize() > lim.configBytes)
    return fail("config '" + path + "' is over " +
                support::limitText("size", lim.configBytes, "bytes", "FLYTECC_MAX_CONFIG_BYTES"));
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(path, /*IsText=*/true);
  if (!buffer) return fail("cannot read config '" + path + "': " + buffer.getError().message());
  return parsePackageConfig((*buffer)->getBuffer(), path);
}

llvm::Expected<PackageSettings> parsePackageConfig(llvm::StringRef text, const std::string& path) {
  const support::Limits& lim = support::limits();
  auto buffer = llvm::MemoryBuffer::getMemBuffer(text, path, /*RequiresNullTerminator=*/false);
  if (text.size() > lim.configBytes)
    return fail("config '" + path + "' is over " +
                support::limitText("size", lim.configBytes, "bytes", "FLYTECC_MAX_CONFIG_BYTES"));
  {
    llvm::SourceMgr sm;
    sm.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBuffer(text, path, false), llvm::SMLoc());
    std::string problem;
    sm.setDiagHandler([](const llvm::SMDiagnostic& d, void* ctx) {
      llvm::raw_string_ostream os(*static_cast<std::string*>(ctx));
      d.print(nullptr, os, /*ShowColors=*/false);
    }, &problem);
    llvm::yaml::Stream stream(buffer->getMemBufferRef(), sm);
    std::string scanProblem;
    for (auto& doc : stream) {
      if (auto e = prescanConfig(doc.getRoot(), 1, "", sm, path, scanProblem)) {
        llvm::consumeError(std::move(e));
        while (!scanProblem.empty() && scanProblem.back() == '\n') scanProblem.pop_back();
        return fail("invalid config '" + path + "'\n" + scanProblem);
      }
      break;  // one document
    }
    if (stream.failed()) {
      while (!problem.empty() && problem.back() == '\n') problem.pop_back();
      return fail("invalid config '" + path + "' (not valid YAML)" + (problem.empty() ? "" : "\n" + problem));
    }
  }
  ConfigFile file;
  // llvm::yaml reports unknown keys and wrong shapes as "file:line:col: error: ..." through this handler.
  struct Problems {
    bool failed = false;
    std::string text;
  } problems;
  auto handler = [](const llvm::SMDiagnostic& d, void* ctx) {
    auto* p = static_cast<Problems*>(ctx);
    llvm::raw_string_ostream os(p->text);
    d.print(nullptr, os, /*ShowColors=*/false);
    p->failed = true;
  };
  llvm::yaml::Input in(buffer->getMemBufferRef(), nullptr, handler, &problems);
  in >> file;
  if (in.error() || problems.failed) {
    std::string text = problems.text;
    while (!text.empty() && text.back() == '\n') text.pop_back();
    return fail("invalid config '" + path + "' (keys: image, project, domain, version, task_images)" +
                (text.empty() ? "" : "\n" + text));
  }
  PackageSettings s;
  s.image = file.image.value_or("");
  s.project = file.project.value_or("");
  s.domain = file.domain.value_or("");
  s.version = file.version.value_or("");
  s.taskImages = file.taskImages;
  s.taskImageLocations = taskImageLocations(path, buffer->getMemBufferRef());
  return s;
}

// ---- entities -------------------------------------------------------------------------------------

// Every flyteidl.core.Identifier inside `m` gets the registration coordinates (or flytectl's
// placeholders), including those of ArrayNode sub-nodes and launch-plan references.
static void fillIdentifiers(pb::Message* m, const PackageSettings& s) {
  const pb::Descriptor* d = m->GetDescriptor();
  const pb::Reflection* r = m->GetReflection();
  if (d->full_name() == "flyteidl.core.Identifier") {
    auto* id = static_cast<flyteidl::core::Identifier*>(m);
    if (!id->version().empty()) return;  // a reference entity's own identifier
    id->set_project(s.project.empty() ? "{{ registration.project }}" : s.project);
    id->set_domain(s.domain.empty() ? "{{ registration.domain }}" : s.domain);
    id->set_version(s.version.empty() ? "{{ registration.version }}" : s.version);
    return;
  }
  std::vector<const pb::FieldDescriptor*> fields;
  r->ListFields(*m, &fields);
  for (const pb::FieldDescriptor* f : fields) {
    if (f->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_map()) continue;  // maps of literals and variables hold no identifiers we emit
    if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(*m, f); ++i) fillIdentifiers(r->MutableRepeatedMessage(m, f, i), s);
    } else {
      fillIdentifiers(r->MutableMessage(m, f), s);
    }
  }
}

static void describe(flyteidl::admin::DescriptionEntity* d) {
  d->mutable_long_description()->set_format(flyteidl::admin::DESCRIPTION_FORMAT_RST);
}

std::vector<PackageFile> buildPackage(const ir::Module& module, const PackageSettings& settings,
                                      const std::string& sdkVersion) {
  struct Entity {
    std::string name;
    int kind;  // 1 task, 2 workflow, 3 launch plan
    std::string bytes;
  };
  std::vector<Entity> entities;
  std::set<std::string> done;  // "k:name"
  LoweringOptions lowering{settings.image, sdkVersion};

  auto addTask = [&](const ir::Task& t) {
    if (t.reference || !done.insert("1:" + t.name).second) return;  // references are registered already
    ir::Task task = t;
    // A fused task chain runs its first task's image (checkTaskImages: every task of the chain has it).
    const std::string& imageKey = t.chain.empty() ? t.name : t.chain.front().task;
    if (auto it = settings.taskImages.find(imageKey); it != settings.taskImages.end()) task.image = it->second;
    flyteidl::admin::TaskSpec spec;
    *spec.mutable_template_() = lowerTask(task, lowering);
    describe(spec.mutable_description());
    fillIdentifiers(&spec, settings);
    entities.push_back({t.name, 1, serializeDeterministic(spec)});
  };
  auto addMapTask = [&](const ir::MapTask& mt) {
    if (const ir::Task* t = module.findTask(mt.task); t && !mt.overLaunchPlan) addTask(*t);
    if (!hasTemplate(mt, module) || !done.insert("1:" + mt.name).second) return;
    LoweringOptions o = lowering;  // the map task runs the mapped task's image
    if (const ir::Task* t = module.findTask(mt.task))
      if (auto it = settings.taskImages.find(t->name); it != settings.taskImages.end()) o.image = it->second;
    flyteidl::admin::TaskSpec spec;
    *spec.mutable_template_() = lowerMapTask(mt, module, o);
    fillIdentifiers(&spec, settings);
    entities.push_back({mt.name, 1, serializeDeterministic(spec)});
  };
  std::function<void(const ir::Workflow&)> addWorkflow;
  // A named launch plan follows its workflow (a launch plan called by a workflow precedes that workflow).
  std::function<void(const ir::LaunchPlan&)> addLaunchPlan = [&](const ir::LaunchPlan& lp) {
    if (lp.reference || done.count("3:" + lp.name)) return;
    const ir::Workflow* w = module.findWorkflow(lp.workflow);
    if (!w) return;
    addWorkflow(*w);
    if (!done.insert("3:" + lp.name).second) return;
    flyteidl::admin::LaunchPlan spec = lowerLaunchPlan(lp, *w);
    fillIdentifiers(&spec, settings);
    entities.push_back({lp.name, 3, serializeDeterministic(spec)});
  };
  addWorkflow = [&](const ir::Workflow& w) {
    if (done.count("2:" + w.name) || !done.insert("busy:" + w.name).second) return;  // (the verifier rejects cycles)
    // Dependencies first: flytectl registers files in name order.
    std::vector<const ir::Workflow*> subs;
    for (const auto& n : w.nodes) {
      if (n.kind == ir::Node::Kind::Task) {
        if (const ir::Task* t = module.findTask(n.target)) addTask(*t);
      } else if (n.kind == ir::Node::Kind::Array) {
        if (const ir::MapTask* mt = module.findMapTask(n.target)) {
          addMapTask(*mt);
          if (const ir::LaunchPlan* lp = mt->overLaunchPlan ? module.findLaunchPlan(mt->task) : nullptr)
            addLaunchPlan(*lp);
        }
      } else if (n.kind == ir::Node::Kind::LaunchPlan) {
        if (const ir::LaunchPlan* lp = module.findLaunchPlan(n.target)) addLaunchPlan(*lp);
      } else if (const ir::Workflow* sub = module.findWorkflow(n.target)) {
        addWorkflow(*sub);
        subs.push_back(sub);
      }
    }
    done.insert("2:" + w.name);
    flyteidl::admin::WorkflowSpec spec;
    *spec.mutable_template_() = lowerWorkflow(w, module);
    // Sub-workflows travel with their parent, transitively, once each.
    std::set<std::string> included;
    std::function<void(const ir::Workflow&)> include = [&](const ir::Workflow& sw) {
      if (!included.insert(sw.name).second) return;
      *spec.add_sub_workflows() = lowerWorkflow(sw, module);
      for (const auto& n : sw.nodes)
        if (n.kind == ir::Node::Kind::Workflow)
          if (const ir::Workflow* inner = module.findWorkflow(n.target)) include(*inner);
    };
    for (const ir::Workflow* sub : subs) include(*sub);
    describe(spec.mutable_description());
    fillIdentifiers(&spec, settings);
    entities.push_back({w.name, 2, serializeDeterministic(spec)});
    flyteidl::admin::LaunchPlan lp = lowerLaunchPlan(w);
    fillIdentifiers(&lp, settings);
    entities.push_back({w.name, 3, serializeDeterministic(lp)});
  };

  // Tasks and workflows in source order, each preceded by what it references.
  std::vector<std::pair<const ir::SourceLoc*, std::function<void()>>> order;
  for (const auto& t : module.tasks) order.push_back({&t.loc, [&, p = &t] { addTask(*p); }});
  for (const auto& w : module.workflows) order.push_back({&w.loc, [&, p = &w] { addWorkflow(*p); }});
  for (const auto& lp : module.launchPlans) order.push_back({&lp.loc, [&, p = &lp] { addLaunchPlan(*p); }});
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first->file, a.first->line, a.first->column) <
           std::tie(b.first->file, b.first->line, b.first->column);
  });
  for (auto& [loc, add] : order) add();
  for (const auto& mt : module.mapTasks) addMapTask(mt);  // any not reached from a workflow

  // {index}_{name}_{k}.pb, the index zero-padded to ceil(log10(N)) digits (N = 1 gives "0").
  size_t n = entities.size();
  int width = n <= 1 ? 1 : static_cast<int>(std::ceil(std::log10(static_cast<double>(n))));
  std::vector<PackageFile> files;
  for (size_t i = 0; i < n; ++i)
    files.push_back({fmt::format("{:0{}}_{}_{}.pb", i, width, entities[i].name, entities[i].kind),
                     std::move(entities[i].bytes)});
  return files;
}

// ---- archives -------------------------------------------------------------------------------------

llvm::Error writeArchive(const std::string& path, const std::vector<PackageFile>& unsorted) {
  std::vector<const PackageFile*> files;
  for (const auto& f : unsorted) files.push_back(&f);
  std::sort(files.begin(), files.end(), [](auto* a, auto* b) { return a->name < b->name; });

  std::string dir = support::parentDir(path);
  if (!llvm::sys::fs::is_directory(dir))
    return fail("cannot write '" + path + "': directory '" + dir + "' does not exist");
  if (auto error = support::checkOutputPath(path, {})) return error;
  int fd = -1;
  llvm::SmallString<256> tmp;
  if (auto ec = support::createTempIn(dir, fd, tmp)) return fail("cannot write '" + path + "': " + ec.message());
  std::unique_ptr<archive, decltype(&archive_write_free)> a(archive_write_new(), archive_write_free);
  auto failArchive = [&](const char* what) {
    std::string reason = archive_error_string(a.get()) ? archive_error_string(a.get()) : "unknown error";
    a.reset();
    ::close(fd);
    support::removeTemp(tmp);
    return fail("cannot write '" + path + "': " + what + ": " + reason);
  };
  if (archive_write_add_filter_gzip(a.get()) != ARCHIVE_OK) return failArchive("gzip");
  if (archive_write_set_options(a.get(), "gzip:!timestamp") != ARCHIVE_OK) return failArchive("gzip options");
  if (archive_write_set_format_pax_restricted(a.get()) != ARCHIVE_OK) return failArchive("tar format");
  if (archive_write_open_fd(a.get(), fd) != ARCHIVE_OK) return failArchive("open");
  for (const PackageFile* f : files) {
    std::unique_ptr<archive_entry, decltype(&archive_entry_free)> e(archive_entry_new(), archive_entry_free);
    archive_entry_set_pathname(e.get(), f->name.c_str());
    archive_entry_set_size(e.get(), static_cast<la_int64_t>(f->bytes.size()));
    archive_entry_set_filetype(e.get(), AE_IFREG);
    archive_entry_set_perm(e.get(), 0644);
    archive_entry_set_mtime(e.get(), 0, 0);
    archive_entry_set_uid(e.get(), 0);
    archive_entry_set_gid(e.get(), 0);
    if (archive_write_header(a.get(), e.get()) != ARCHIVE_OK) return failArchive("entry header");
    if (archive_write_data(a.get(), f->bytes.data(), f->bytes.size()) < 0) return failArchive("entry data");
  }
  if (archive_write_close(a.get()) != ARCHIVE_OK) return failArchive("close");
  a.reset();
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    support::removeTemp(tmp);
    return fail("cannot write '" + path + "': " + std::strerror(errno));
  }
  if (auto ec = support::publishTemp(tmp, path)) {
    support::removeTemp(tmp);
    return fail("cannot write '" + path + "': " + ec.message());
  }
  return llvm::Error::success();
}

// Whether an entry name is a plain relative path: not empty, not absolute, no "." or ".." components.
static bool isPlainRelative(llvm::StringRef name) {
  if (name.empty() || name.starts_with("/")) return false;
  llvm::SmallVector<llvm::StringRef, 8> parts;
  name.split(parts, '/');
  for (auto p : parts)
    if (p.empty() || p == "." || p == "..") return false;
  return true;
}

static const char* entryKind(archive_entry* e) {
  if (archive_entry_hardlink(e)) return "a hard link";
  switch (archive_entry_filetype(e)) {
    case AE_IFDIR: return "a directory";
    case AE_IFLNK: return "a symbolic link";
    case AE_IFCHR: return "a character device";
    case AE_IFBLK: return "a block device";
    case AE_IFIFO: return "a FIFO";
    case AE_IFSOCK: return "a socket";
    default: return "not a regular file";
  }
}

using ArchivePtr = std::unique_ptr<archive, decltype(&archive_read_free)>;

static llvm::Error readEntries(archive* a, const std::string& path, uint64_t compressedSize,
                               llvm::function_ref<llvm::Error(PackageFile&&)> fn) {
  const support::Limits& lim = support::limits();
  auto reason = [&] { return std::string(archive_error_string(a) ? archive_error_string(a) : "unknown error"); };
  uint64_t entries = 0, total = 0;
  archive_entry* e = nullptr;
  int rc;
  while ((rc = archive_read_next_header(a, &e)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
    const char* rawName = archive_entry_pathname(e);
    std::string name = rawName ? rawName : "";
    if (++entries > lim.archiveEntries)
      return fail("'" + path + "' has more entries than " +
                  support::limitText("entry count", lim.archiveEntries, "", "FLYTECC_MAX_ARCHIVE_ENTRIES"));
    if (archive_entry_hardlink(e) || archive_entry_filetype(e) != AE_IFREG)
      return fail("'" + path + "': entry '" + name + "' is " + entryKind(e) +
                  "; a package holds only regular files (is this a flytecc package?)");
    if (!isPlainRelative(name))
      return fail("'" + path + "': entry '" + name +
                  "' is not a plain relative file name (absolute, empty, or with '.' or '..' components)");
    la_int64_t declared = archive_entry_size_is_set(e) ? archive_entry_size(e) : 0;
    if (declared < 0 || static_cast<uint64_t>(declared) > lim.entryBytes)
      return fail("'" + path + "': entry '" + name + "' (" + llvm::Twine(declared) + " bytes) is over " +
                  support::limitText("entry size", lim.entryBytes, "bytes", "FLYTECC_MAX_ENTRY_BYTES"));
    PackageFile f{name, ""};
    char chunk[1 << 16];
    for (;;) {
      la_ssize_t n = archive_read_data(a, chunk, sizeof chunk);
      if (n < 0) return fail("'" + path + "': entry '" + name + "' is truncated or corrupt: " + reason());
      if (n == 0) break;
      f.bytes.append(chunk, static_cast<size_t>(n));
      total += static_cast<uint64_t>(n);
      if (f.bytes.size() > lim.entryBytes)
        return fail("'" + path + "': entry '" + name + "' is over " +
                    support::limitText("entry size", lim.entryBytes, "bytes", "FLYTECC_MAX_ENTRY_BYTES"));
      if (total > lim.archiveBytes)
        return fail("'" + path + "' holds more than " +
                    support::limitText("uncompressed size", lim.archiveBytes, "bytes", "FLYTECC_MAX_ARCHIVE_BYTES"));
      uint64_t raw = compressedSize ? compressedSize : 1;
      if (total > (1u << 20) && total / raw > lim.compressionRatio)
        return fail("'" + path + "' expands more than " +
                    support::limitText("compression ratio", lim.compressionRatio, ": 1", "FLYTECC_MAX_COMPRESSION_RATIO") +
                    " (a compression bomb?)");
    }
    if (static_cast<uint64_t>(declared) != f.bytes.size())
      return fail("'" + path + "': entry '" + name + "' is truncated or corrupt (" + llvm::Twine(f.bytes.size()) +
                  " of " + llvm::Twine(declared) + " bytes)");
    if (auto error = fn(std::move(f))) return error;
  }
  if (rc != ARCHIVE_EOF) return fail("'" + path + "' is not a readable tar archive: " + reason());
  return llvm::Error::success();
}

static ArchivePtr newReader() {
  ArchivePtr a(archive_read_new(), archive_read_free);
  archive_read_support_filter_gzip(a.get());
  archive_read_support_filter_none(a.get());
  archive_read_support_format_tar(a.get());
  return a;
}

llvm::Error forEachArchiveEntry(const std::string& path, llvm::function_ref<llvm::Error(PackageFile&&)> fn) {
  llvm::sys::fs::file_status st;
  if (auto ec = llvm::sys::fs::status(path, st)) return fail("cannot read archive '" + path + "': " + ec.message());
  if (st.type() != llvm::sys::fs::file_type::regular_file)
    return fail("cannot read archive '" + path + "': not a regular file");
  ArchivePtr a = newReader();
  if (archive_read_open_filename(a.get(), path.c_str(), 1 << 16) != ARCHIVE_OK)
    return fail("cannot read archive '" + path + "': " +
                (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unknown error"));
  return readEntries(a.get(), path, st.getSize(), fn);
}

llvm::Error forEachArchiveEntryInMemory(llvm::StringRef bytes, const std::string& name,
                                        llvm::function_ref<llvm::Error(PackageFile&&)> fn) {
  ArchivePtr a = newReader();
  if (archive_read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK)
    return fail("cannot read archive '" + name + "': " +
                (archive_error_string(a.get()) ? archive_error_string(a.get()) : "unknown error"));
  return readEntries(a.get(), name, bytes.size(), fn);
}

llvm::Expected<std::vector<PackageFile>> readArchive(const std::string& path) {
  std::vector<PackageFile> files;
  if (auto error = forEachArchiveEntry(path, [&](PackageFile&& f) {
        files.push_back(std::move(f));
        return llvm::Error::success();
      }))
    return error;
  return files;
}

}  // namespace flytecc::idl
