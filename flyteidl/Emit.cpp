#include "flyteidl/Emit.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>
#include <google/protobuf/util/type_resolver_util.h>
#include <memory>

#include "ir/Printer.h"

namespace flytecc::idl {

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

static llvm::Expected<support::OutputFile> encode(const std::string& stem, const google::protobuf::Message& m,
                                                  EmitKind kind) {
  if (kind == EmitKind::Json) {
    std::string json = toJson(m);
    if (json.empty()) return llvm::createStringError("cannot convert " + stem + " to JSON");  // a bug
    return support::OutputFile{stem + ".json", json};
  }
  return support::OutputFile{stem + ".pb", serializeDeterministic(m)};
}

llvm::Expected<std::vector<support::OutputFile>> emitModule(const ir::Module& module, EmitKind kind,
                                                            const LoweringOptions& options) {
  std::vector<support::OutputFile> files;
  llvm::Error error = llvm::Error::success();
  auto add = [&](llvm::Expected<support::OutputFile> f) {
    if (!f) error = llvm::joinErrors(std::move(error), f.takeError());
    else files.push_back(std::move(*f));
  };
  for (const auto& t : module.tasks) {
    if (kind == EmitKind::Ir) files.push_back({t.name + ".task.ir", ir::print(t)});
    else if (!t.reference)  // a reference is registered elsewhere: nodes name it
      add(encode(t.name + ".task", lowerTask(t, options), kind));
  }
  for (const auto& mt : module.mapTasks) {
    if (kind == EmitKind::Ir) files.push_back({mt.name + ".task.ir", ir::print(mt)});
    else if (hasTemplate(mt, module))  // a map over a launch plan or a reference task: the ArrayNode names it
      add(encode(mt.name + ".task", lowerMapTask(mt, module, options), kind));
  }
  for (const auto& w : module.workflows) {
    if (kind == EmitKind::Ir) {
      files.push_back({w.name + ".workflow.ir", ir::print(w)});
      continue;
    }
    add(encode(w.name + ".workflow", lowerWorkflow(w, module), kind));
    add(encode(w.name + ".launchplan", lowerLaunchPlan(w), kind));
  }
  for (const auto& lp : module.launchPlans) {
    if (kind == EmitKind::Ir) {
      files.push_back({lp.name + ".launchplan.ir", ir::print(lp)});
      continue;
    }
    if (const ir::Workflow* w = lp.reference ? nullptr : module.findWorkflow(lp.workflow))
      add(encode(lp.name + ".launchplan", lowerLaunchPlan(lp, *w), kind));
  }
  if (error) return error;
  return files;
}

}  // namespace flytecc::idl
