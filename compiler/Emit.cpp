#include "compiler/Emit.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver_util.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <memory>

#include "ir/Printer.h"

namespace flytecc::compiler {

std::string serializeDeterministic(const google::protobuf::Message& message) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    message.SerializeToCodedStream(&coded);
  }
  return out;
}

std::string toJson(const google::protobuf::Message& message) {
  static std::unique_ptr<google::protobuf::util::TypeResolver> resolver(
      google::protobuf::util::NewTypeResolverForDescriptorPool("type.googleapis.com",
                                                               google::protobuf::DescriptorPool::generated_pool()));
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  std::string out;
  auto status = google::protobuf::util::BinaryToJsonString(
      resolver.get(), "type.googleapis.com/" + message.GetDescriptor()->full_name(), serializeDeterministic(message),
      &out, options);
  if (!status.ok()) return "";
  return out;
}

static OutputFile encode(const std::string& stem, const google::protobuf::Message& m, EmitKind kind) {
  if (kind == EmitKind::Json) return {stem + ".json", toJson(m)};
  return {stem + ".pb", serializeDeterministic(m)};
}

std::vector<OutputFile> emitModule(const ir::Module& module, EmitKind kind, const ir::LoweringOptions& options) {
  std::vector<OutputFile> files;
  for (const auto& t : module.tasks) {
    if (kind == EmitKind::Ir) files.push_back({t.name + ".task.ir", ir::print(t)});
    else files.push_back(encode(t.name + ".task", ir::lowerTask(t, options), kind));
  }
  for (const auto& mt : module.mapTasks) {
    if (kind == EmitKind::Ir) files.push_back({mt.name + ".task.ir", ir::print(mt)});
    else files.push_back(encode(mt.name + ".task", ir::lowerMapTask(mt, module, options), kind));
  }
  for (const auto& w : module.workflows) {
    if (kind == EmitKind::Ir) {
      files.push_back({w.name + ".workflow.ir", ir::print(w)});
      continue;
    }
    files.push_back(encode(w.name + ".workflow", ir::lowerWorkflow(w, module), kind));
    files.push_back(encode(w.name + ".launchplan", ir::lowerLaunchPlan(w), kind));
  }
  return files;
}

bool writeAll(const std::string& dir, const std::vector<OutputFile>& files, llvm::raw_ostream& errs) {
  if (auto ec = llvm::sys::fs::create_directories(dir)) {
    errs << "flytecc: error: cannot create output directory '" << dir << "': " << ec.message() << "\n";
    return false;
  }
  std::vector<std::pair<std::string, std::string>> staged;  // temp -> final
  auto cleanup = [&] {
    for (const auto& [tmp, final] : staged) llvm::sys::fs::remove(tmp);
  };
  for (const auto& f : files) {
    llvm::SmallString<256> final(dir);
    llvm::sys::path::append(final, f.name);
    llvm::SmallString<256> model(dir);
    llvm::sys::path::append(model, ".flytecc-%%%%%%%%.tmp");
    int fd = -1;
    llvm::SmallString<256> tmp;
    if (auto ec = llvm::sys::fs::createUniqueFile(model, fd, tmp)) {
      errs << "flytecc: error: cannot write to '" << dir << "': " << ec.message() << "\n";
      cleanup();
      return false;
    }
    staged.emplace_back(std::string(tmp), std::string(final));
    llvm::raw_fd_ostream out(fd, /*shouldClose=*/true);
    out << f.contents;
    out.close();
    if (out.has_error()) {
      errs << "flytecc: error: cannot write '" << tmp << "': " << out.error().message() << "\n";
      out.clear_error();
      cleanup();
      return false;
    }
  }
  for (const auto& [tmp, final] : staged) {
    if (auto ec = llvm::sys::fs::rename(tmp, final)) {
      errs << "flytecc: error: cannot rename '" << tmp << "' to '" << final << "': " << ec.message() << "\n";
      cleanup();
      return false;
    }
  }
  return true;
}

}  // namespace flytecc::compiler
