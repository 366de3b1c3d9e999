// Text of literal types and literals for error messages (runtime/Literals.h).
#include "runtime/Literals.h"

namespace flytecc::runtime {

std::string describeType(const core::LiteralType& t) {
  switch (t.type_case()) {
    case core::LiteralType::kSimple:
      switch (t.simple()) {
        case core::NONE: return "none";
        case core::INTEGER: return "int";
        case core::FLOAT: return "float";
        case core::STRING: return "str";
        case core::BOOLEAN: return "bool";
        case core::DATETIME: return "datetime";
        case core::DURATION: return "duration";
        case core::BINARY: return "binary";
        case core::ERROR: return "error";
        case core::STRUCT: {  // a dataclass names itself in its schema's title
          auto title = t.metadata().fields().find("title");
          return title == t.metadata().fields().end() ? "struct" : "struct " + title->second.string_value();
        }
        default: return "simple type " + std::to_string(t.simple());
      }
    case core::LiteralType::kCollectionType: return "[" + describeType(t.collection_type()) + "]";
    case core::LiteralType::kMapValueType: return "{str: " + describeType(t.map_value_type()) + "}";
    case core::LiteralType::kBlob:
      return t.blob().dimensionality() == core::BlobType::MULTIPART ? "dir" : "file";
    case core::LiteralType::kUnionType: {
      const auto& v = t.union_type().variants();
      if (v.size() == 2 && v[1].has_simple() && v[1].simple() == core::NONE) return describeType(v[0]) + "?";
      std::string out = "union<";
      for (int i = 0; i < v.size(); ++i) out += (i ? ", " : "") + describeType(v[i]);
      return out + ">";
    }
    case core::LiteralType::kEnumType: return "enum";
    case core::LiteralType::kSchema: return "schema";
    case core::LiteralType::kStructuredDatasetType: return "structured dataset";
    default: return "unknown type";
  }
}

std::string describeLiteral(const core::Literal& l) {
  switch (l.value_case()) {
    case core::Literal::kScalar: {
      const auto& s = l.scalar();
      switch (s.value_case()) {
        case core::Scalar::kPrimitive:
          switch (s.primitive().value_case()) {
            case core::Primitive::kInteger: return "int (" + std::to_string(s.primitive().integer()) + ")";
            case core::Primitive::kFloatValue: return "float (" + std::to_string(s.primitive().float_value()) + ")";
            case core::Primitive::kStringValue: {
              std::string v = s.primitive().string_value();
              if (v.size() > 40) v = v.substr(0, 37) + "...";
              return "str (\"" + v + "\")";
            }
            case core::Primitive::kBoolean: return s.primitive().boolean() ? "bool (true)" : "bool (false)";
            case core::Primitive::kDatetime: return "datetime";
            case core::Primitive::kDuration: return "duration";
            default: return "an empty primitive";
          }
        case core::Scalar::kBlob:
          return (s.blob().metadata().type().dimensionality() == core::BlobType::MULTIPART ? "dir (" : "file (") +
                 s.blob().uri() + ")";
        case core::Scalar::kNoneType: return "none";
        case core::Scalar::kUnion:
          return "union value " + describeLiteral(s.union_().value()) + " tagged '" +
                 s.union_().type().structure().tag() + "'";
        case core::Scalar::kBinary: return "binary (tag '" + s.binary().tag() + "')";
        case core::Scalar::kGeneric: return "struct";
        case core::Scalar::kError: return "error";
        case core::Scalar::kSchema: return "schema";
        case core::Scalar::kStructuredDataset: return "structured dataset";
        default: return "an empty scalar";
      }
    }
    case core::Literal::kCollection: {
      const auto& items = l.collection().literals();
      if (items.empty()) return "an empty list";
      return "a list of " + std::to_string(items.size()) + " (first: " + describeLiteral(items[0]) + ")";
    }
    case core::Literal::kMap: return "a map of " + std::to_string(l.map().literals().size()) + " entries";
    case core::Literal::kOffloadedMetadata: return "an offloaded literal (" + l.offloaded_metadata().uri() + ")";
    default: return "an empty literal";
  }
}

void throwMismatch(const core::LiteralType& expected, const core::Literal& found) {
  throw ConversionError("", "expected " + describeType(expected) + ", got " + describeLiteral(found));
}

}  // namespace flytecc::runtime
