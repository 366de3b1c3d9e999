#include "flyteidl/Dump.h"

#include <google/protobuf/text_format.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <memory>

#include "flyteidl/Emit.h"
#include "flyteidl/Package.h"
#include "flyteidl/admin/launch_plan.pb.h"
#include "flyteidl/admin/task.pb.h"
#include "flyteidl/admin/workflow.pb.h"
#include "flyteidl/core/tasks.pb.h"
#include "flyteidl/core/workflow.pb.h"

namespace flytecc::idl {
namespace pb = google::protobuf;

// The message type a file name promises: package entries ({i}_{name}_{k}.pb) and compile outputs.
static std::string typeFromName(llvm::StringRef name) {
  if (name.ends_with("_1.pb")) return "flyteidl.admin.TaskSpec";
  if (name.ends_with("_2.pb")) return "flyteidl.admin.WorkflowSpec";
  if (name.ends_with("_3.pb")) return "flyteidl.admin.LaunchPlan";
  if (name.ends_with(".task.pb")) return "flyteidl.core.TaskTemplate";
  if (name.ends_with(".workflow.pb")) return "flyteidl.core.WorkflowTemplate";
  if (name.ends_with(".launchplan.pb")) return "flyteidl.admin.LaunchPlan";
  return "";
}

static std::unique_ptr<pb::Message> newMessage(const std::string& type) {
  if (type == "flyteidl.admin.TaskSpec") return std::make_unique<flyteidl::admin::TaskSpec>();
  if (type == "flyteidl.admin.WorkflowSpec") return std::make_unique<flyteidl::admin::WorkflowSpec>();
  if (type == "flyteidl.admin.LaunchPlan") return std::make_unique<flyteidl::admin::LaunchPlan>();
  if (type == "flyteidl.core.TaskTemplate") return std::make_unique<flyteidl::core::TaskTemplate>();
  if (type == "flyteidl.core.WorkflowTemplate") return std::make_unique<flyteidl::core::WorkflowTemplate>();
  return nullptr;
}

// Bytes that are not part of the schema anywhere in the message: a corrupt file, or another type.
static bool hasUnknownFields(const pb::Message& m) {
  const pb::Reflection* r = m.GetReflection();
  if (!r->GetUnknownFields(m).empty()) return true;
  std::vector<const pb::FieldDescriptor*> fields;
  r->ListFields(m, &fields);
  for (const auto* f : fields) {
    if (f->cpp_type() != pb::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (f->is_repeated()) {
      for (int i = 0; i < r->FieldSize(m, f); ++i)
        if (hasUnknownFields(r->GetRepeatedMessage(m, f, i))) return true;
    } else if (hasUnknownFields(r->GetMessage(m, f))) {
      return true;
    }
  }
  return false;
}

// One message as proto3 JSON or protobuf text.
static llvm::Expected<std::string> render(const std::string& name, const std::string& bytes,
                                          const std::string& forcedType, bool json) {
  std::string type = forcedType.empty() ? typeFromName(name) : forcedType;
  auto message = newMessage(type);
  if (!message) {
    return llvm::createStringError("'" + name + "': cannot tell its message type from the name; use --type=" +
                                   "flyteidl.admin.TaskSpec|flyteidl.admin.WorkflowSpec|flyteidl.admin.LaunchPlan|" +
                                   "flyteidl.core.TaskTemplate|flyteidl.core.WorkflowTemplate");
  }
  if (!message->ParseFromString(bytes) || hasUnknownFields(*message)) {
    return llvm::createStringError("'" + name + "' is not a valid " + type + " (corrupt or truncated)");
  }
  std::string text;
  if (json) {
    text = toJson(*message);
    if (text.empty()) return llvm::createStringError("'" + name + "': cannot convert to JSON");
    text += "\n";
  } else {
    pb::TextFormat::PrintToString(*message, &text);
  }
  return text;
}

static std::string jsonString(llvm::StringRef s) {
  std::string out;
  llvm::raw_string_ostream os(out);
  os << llvm::json::Value(s.str());
  return out;
}

llvm::Error dump(const DumpOptions& o, llvm::raw_ostream& out) {
  llvm::StringRef path = o.path;
  if (path.ends_with(".tgz") || path.ends_with(".tar.gz") || path.ends_with(".tar")) {
    auto files = readArchive(o.path);
    if (!files) return files.takeError();
    std::sort(files->begin(), files->end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    // JSON: one document, an array of {"name", "type", "message"} in entry order; text: a header per entry.
    std::string doc = o.json ? "[" : "";
    for (size_t i = 0; i < files->size(); ++i) {
      const auto& f = (*files)[i];
      auto text = render(f.name, f.bytes, "", o.json);
      if (!text) return text.takeError();
      if (o.json) {
        llvm::StringRef message = llvm::StringRef(*text).rtrim();
        doc += std::string(i ? "," : "") + "\n{\"name\": " + jsonString(f.name) + ", \"type\": " +
               jsonString(typeFromName(f.name)) + ",\n \"message\": " + message.str() + "}";
      } else {
        doc += "=== " + f.name + " (" + typeFromName(f.name) + ")\n" + *text;
      }
    }
    if (o.json) doc += "\n]\n";
    out << doc;
    return llvm::Error::success();
  }
  auto buffer = llvm::MemoryBuffer::getFile(o.path);
  if (!buffer) return llvm::createStringError("cannot read '" + o.path + "': " + buffer.getError().message());
  auto text = render(o.path, (*buffer)->getBuffer().str(), o.type, o.json);
  if (!text) return text.takeError();
  out << *text;
  return llvm::Error::success();
}

}  // namespace flytecc::idl
