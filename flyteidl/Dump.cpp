#include "flyteidl/Dump.h"

#include <google/protobuf/text_format.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/JSON.h>
#include <llvm/Support/MemoryBuffer.h>
#include <memory>

#include "flyteidl/Emit.h"
#include "flyteidl/Package.h"
#include "support/Limits.h"
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
  if (bytes.empty())
    return llvm::createStringError("'" + name + "' is empty; a flyteidl .pb file holds at least the entity's id");
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

static bool isArchiveName(llvm::StringRef path) {
  return path.ends_with(".tgz") || path.ends_with(".tar.gz") || path.ends_with(".tar");
}

static llvm::Error tooBig(const std::string& path) {
  const support::Limits& lim = support::limits();
  return llvm::createStringError("'" + path + "' is over " +
                                 support::limitText("size", lim.pbBytes, "bytes", "FLYTECC_MAX_PB_BYTES"));
}

// Streams a package's entries (one in memory at a time, in archive order: flytecc writes them sorted). JSON: one
// document, an array of {"name", "type", "message"}; text: a "=== NAME (TYPE)" line before each entry.
template <class ForEach>
static llvm::Error dumpEntries(ForEach forEach, const DumpOptions& o, llvm::raw_ostream& out) {
  size_t count = 0;
  if (o.json) out << "[";
  auto error = forEach([&](PackageFile&& f) -> llvm::Error {
    auto text = render(f.name, f.bytes, "", o.json);
    if (!text) return text.takeError();
    if (o.json)
      out << (count ? "," : "") << "\n{\"name\": " << jsonString(f.name) << ", \"type\": " << jsonString(typeFromName(f.name))
          << ",\n \"message\": " << llvm::StringRef(*text).rtrim() << "}";
    else
      out << "=== " << f.name << " (" << typeFromName(f.name) << ")\n" << *text;
    ++count;
    return llvm::Error::success();
  });
  if (error) return error;
  if (o.json) out << "\n]\n";
  return llvm::Error::success();
}

static llvm::Error dumpOne(const std::string& name, const std::string& bytes, const DumpOptions& o,
                           llvm::raw_ostream& out) {
  auto text = render(name, bytes, o.type, o.json);
  if (!text) return text.takeError();
  out << *text;
  return llvm::Error::success();
}

llvm::Error dumpBuffer(llvm::StringRef bytes, const DumpOptions& o, llvm::raw_ostream& out) {
  if (isArchiveName(o.path))
    return dumpEntries([&](auto each) { return forEachArchiveEntryInMemory(bytes, o.path, each); }, o, out);
  if (bytes.size() > support::limits().pbBytes) return tooBig(o.path);
  return dumpOne(o.path, bytes.str(), o, out);
}

llvm::Error dump(const DumpOptions& o, llvm::raw_ostream& out) {
  llvm::sys::fs::file_status st;
  if (auto ec = llvm::sys::fs::status(o.path, st)) return llvm::createStringError("cannot read '" + o.path + "': " + ec.message());
  if (st.type() == llvm::sys::fs::file_type::directory_file)
    return llvm::createStringError("cannot read '" + o.path + "': it is a directory; give a .pb file or a package (.tgz)");
  if (isArchiveName(o.path))
    return dumpEntries([&](auto each) { return forEachArchiveEntry(o.path, each); }, o, out);
  if (st.type() == llvm::sys::fs::file_type::regular_file && st.getSize() > support::limits().pbBytes) return tooBig(o.path);
  auto buffer = llvm::MemoryBuffer::getFileOrSTDIN(o.path, /*IsText=*/false, /*RequiresNullTerminator=*/false);
  if (!buffer) return llvm::createStringError("cannot read '" + o.path + "': " + buffer.getError().message());
  if ((*buffer)->getBufferSize() > support::limits().pbBytes) return tooBig(o.path);
  return dumpOne(o.path, (*buffer)->getBuffer().str(), o, out);
}

}  // namespace flytecc::idl
