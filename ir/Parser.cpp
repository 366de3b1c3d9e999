#include "ir/Parser.h"

#include <llvm/Support/JSON.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <optional>
#include <string>
#include <vector>

namespace flytecc::ir {
namespace {

struct Token {
  enum class Kind { Punct, Word, String, End };
  Kind kind = Kind::End;
  std::string text;  // the punctuation ("(", "->", ...), the word, or the unquoted string
  unsigned line = 1, column = 1;
};

bool wordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '+' || c == '-'; }

class Parser {
 public:
  Parser(llvm::StringRef text, llvm::StringRef name) : text_(text), name_(name) {}

  llvm::Expected<Module> run() {
    if (!lex()) return takeError();
    Module m;
    while (peek().kind != Token::Kind::End) {
      const Token& t = peek();
      if (isWord("task")) {
        if (auto task = parseTask()) m.tasks.push_back(std::move(*task));
      } else if (isWord("map_task")) {
        if (auto map = parseMapTask()) m.mapTasks.push_back(std::move(*map));
      } else if (isWord("workflow")) {
        if (auto wf = parseWorkflow()) m.workflows.push_back(std::move(*wf));
      } else {
        fail(t, "expected 'task', 'map_task' or 'workflow', found '" + t.text + "'");
      }
      if (error_) return takeError();
    }
    return m;
  }

 private:
  // ---- lexing --------------------------------------------------------------------------------------
  bool lex() {
    unsigned line = 1, column = 1;
    size_t i = 0;
    auto advance = [&](size_t n) {
      for (size_t k = 0; k < n && i < text_.size(); ++k, ++i) {
        if (text_[i] == '\n') {
          ++line;
          column = 1;
        } else {
          ++column;
        }
      }
    };
    while (i < text_.size()) {
      char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        advance(1);
        continue;
      }
      if (c == '/' && i + 1 < text_.size() && text_[i + 1] == '/') {  // comment to the end of the line
        while (i < text_.size() && text_[i] != '\n') advance(1);
        continue;
      }
      Token t;
      t.line = line;
      t.column = column;
      if (c == '-' && i + 1 < text_.size() && text_[i + 1] == '>') {
        t.kind = Token::Kind::Punct;
        t.text = "->";
        advance(2);
      } else if (llvm::StringRef("()[]{},:=?<>@$").contains(c)) {
        t.kind = Token::Kind::Punct;
        t.text = std::string(1, c);
        advance(1);
      } else if (c == '"') {
        t.kind = Token::Kind::String;
        advance(1);
        bool closed = false;
        while (i < text_.size()) {
          char s = text_[i];
          if (s == '"') {
            closed = true;
            advance(1);
            break;
          }
          if (s == '\n') break;
          if (s == '\\' && i + 1 < text_.size()) {
            char e = text_[i + 1];
            if (e != '"' && e != '\\' && e != 'n') return fail(line, column, "unknown escape '\\" + std::string(1, e) + "'");
            t.text += e == 'n' ? '\n' : e;
            advance(2);
            continue;
          }
          t.text += s;
          advance(1);
        }
        if (!closed) return fail(t.line, t.column, "unterminated string");
      } else if (wordChar(c)) {
        t.kind = Token::Kind::Word;
        while (i < text_.size() && wordChar(text_[i]) && !(text_[i] == '-' && i + 1 < text_.size() && text_[i + 1] == '>')) {
          t.text += text_[i];
          advance(1);
        }
      } else {
        return fail(line, column, "unexpected character '" + std::string(1, c) + "'");
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.line = line;
    end.column = column;
    end.text = "end of input";
    tokens_.push_back(end);
    return true;
  }

  // ---- tokens --------------------------------------------------------------------------------------
  const Token& peek(size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  bool isPunct(llvm::StringRef p, size_t ahead = 0) const {
    return peek(ahead).kind == Token::Kind::Punct && peek(ahead).text == p;
  }
  bool isWord(llvm::StringRef w) const { return peek().kind == Token::Kind::Word && peek().text == w; }
  const Token& next() {
    const Token& t = peek();
    if (pos_ < tokens_.size() - 1) ++pos_;
    return t;
  }
  bool accept(llvm::StringRef p) {
    if (!isPunct(p)) return false;
    next();
    return true;
  }
  bool expect(llvm::StringRef p) {
    if (accept(p)) return true;
    return fail(peek(), "expected '" + p.str() + "', found '" + peek().text + "'");
  }
  std::optional<std::string> word(llvm::StringRef what) {
    if (peek().kind != Token::Kind::Word) return fail(peek(), "expected " + what.str() + ", found '" + peek().text + "'"),
                                                std::nullopt;
    return next().text;
  }
  std::optional<std::string> quoted(llvm::StringRef what) {
    if (peek().kind != Token::Kind::String)
      return fail(peek(), "expected " + what.str() + " (a quoted string), found '" + peek().text + "'"), std::nullopt;
    return next().text;
  }
  std::optional<std::string> entityName() {
    if (!expect("@")) return std::nullopt;
    return word("a name");
  }
  template <class Int>
  std::optional<Int> integer(const Token& at, llvm::StringRef text, llvm::StringRef what) {
    Int v{};
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size())
      return fail(at, "expected " + what.str() + ", found '" + text.str() + "'"), std::nullopt;
    return v;
  }

  // ---- errors --------------------------------------------------------------------------------------
  bool fail(unsigned line, unsigned column, const std::string& message) {
    if (!error_) error_ = fmt::format("{}:{}:{}: {}", name_.str(), line, column, message);
    return false;
  }
  bool fail(const Token& at, const std::string& message) { return fail(at.line, at.column, message); }
  llvm::Error takeError() { return llvm::createStringError(*error_); }

  // ---- types and literals --------------------------------------------------------------------------
  std::optional<Type> parseType() {
    std::optional<Type> t;
    const Token& at = peek();
    if (accept("[")) {
      auto element = parseType();
      if (!element || !expect("]")) return std::nullopt;
      t = Type::list(*element);
    } else if (accept("{")) {
      auto key = word("'str'");
      if (!key) return std::nullopt;
      if (*key != "str") return fail(at, "map keys are str, not '" + *key + "'"), std::nullopt;
      if (!expect(":")) return std::nullopt;
      auto value = parseType();
      if (!value || !expect("}")) return std::nullopt;
      t = Type::map(*value);
    } else {
      auto w = word("a type");
      if (!w) return std::nullopt;
      static const std::pair<const char*, Simple> simple[] = {
          {"int", Simple::Integer},    {"float", Simple::Float},       {"str", Simple::String}, {"bool", Simple::Boolean},
          {"datetime", Simple::Datetime}, {"duration", Simple::Duration}, {"none", Simple::None}};
      for (const auto& [n, s] : simple)
        if (*w == n) t = Type::of(s);
      if (*w == "file") t = Type::file();
      if (*w == "dir") t = Type::directory();
      if (*w == "enum") {
        std::vector<std::string> values;
        if (!expect("<")) return std::nullopt;
        do {
          auto v = word("an enumerator");
          if (!v) return std::nullopt;
          values.push_back(*v);
        } while (accept(","));
        if (!expect(">")) return std::nullopt;
        t = Type::enumeration(std::move(values));
      }
      if (*w == "struct") {  // struct Name{field: T, field: T = <JSON default>, field: T = default}
        auto name = word("a struct name");
        if (!name || !expect("{")) return std::nullopt;
        std::vector<std::string> names, defaults;
        std::vector<Type> types;
        if (!accept("}")) {
          do {
            auto f = word("a field name");
            if (!f || !expect(":")) return std::nullopt;
            auto ft = parseType();
            if (!ft) return std::nullopt;
            std::string def;
            if (accept("=")) {
              const Token& d = next();
              if (d.kind == Token::Kind::String) {
                std::string q;
                llvm::raw_string_ostream os(q);
                os << llvm::json::Value(d.text);
                def = q;
              } else if (d.kind == Token::Kind::Word) {
                def = d.text;
                if (def != Type::kNoSchemaDefault && !llvm::json::parse(def))
                  return fail(d, "expected a JSON default or 'default', found '" + def + "'"), std::nullopt;
              } else {
                return fail(d, "expected a default, found '" + d.text + "'"), std::nullopt;
              }
            }
            names.push_back(*f);
            types.push_back(*ft);
            defaults.push_back(def);
          } while (accept(","));
          if (!expect("}")) return std::nullopt;
        }
        t = Type::structure(*name, std::move(names), std::move(types), std::move(defaults));
      }
      if (*w == "union") {
        Type u;
        u.kind = Type::Kind::Union;
        if (!expect("<")) return std::nullopt;
        do {
          auto v = parseType();
          if (!v) return std::nullopt;
          u.children.push_back(*v);
        } while (accept(","));
        if (!expect(">")) return std::nullopt;
        t = u;
      }
      if (!t) return fail(at, "unknown type '" + *w + "'"), std::nullopt;
    }
    while (accept("?")) t = Type::optional(*t);
    return t;
  }

  std::optional<Literal> literalFromWord(const Token& at) {
    llvm::StringRef w = at.text;
    if (w == "true" || w == "false") return Literal::ofBool(w == "true");
    if (w == "none") return Literal::none();
    if (w.consume_back("ns")) {
      auto v = integer<std::int64_t>(at, w, "a duration in nanoseconds");
      if (!v) return std::nullopt;
      return Literal::ofDuration(*v);
    }
    if (w.find_first_of(".eEn") != llvm::StringRef::npos || w.ends_with("inf")) {  // 6.5, 1e+20, inf, nan
      std::string s = w.str();
      char* end = nullptr;
      double d = std::strtod(s.c_str(), &end);
      if (end != s.c_str() + s.size()) return fail(at, "expected a value, found '" + s + "'"), std::nullopt;
      return Literal::ofFloat(d);
    }
    auto v = integer<std::int64_t>(at, w, "a value");
    if (!v) return std::nullopt;
    return Literal::ofInt(*v);
  }

  std::optional<Literal> parseLiteral() {
    const Token& at = peek();
    if (at.kind == Token::Kind::String) return Literal::ofString(next().text);
    if (accept("[")) {
      std::vector<Literal> items;
      if (!accept("]")) {
        do {
          auto item = parseLiteral();
          if (!item) return std::nullopt;
          items.push_back(std::move(*item));
        } while (accept(","));
        if (!expect("]")) return std::nullopt;
      }
      return Literal::list(std::move(items));
    }
    if (accept("{")) {
      std::vector<std::pair<std::string, Literal>> entries;
      if (peek().kind == Token::Kind::Word && llvm::StringRef(peek().text).starts_with(".")) {  // {.x = 1.0, ...}
        do {
          const Token& f = next();
          if (f.kind != Token::Kind::Word || f.text.size() < 2 || f.text[0] != '.')
            return fail(f, "expected a field (.name), found '" + f.text + "'"), std::nullopt;
          if (!expect("=")) return std::nullopt;
          auto value = parseLiteral();
          if (!value) return std::nullopt;
          entries.emplace_back(f.text.substr(1), std::move(*value));
        } while (accept(","));
        if (!expect("}")) return std::nullopt;
        return Literal::structure(std::move(entries));
      }
      if (!accept("}")) {
        do {
          auto key = quoted("a map key");
          if (!key || !expect(":")) return std::nullopt;
          auto value = parseLiteral();
          if (!value) return std::nullopt;
          entries.emplace_back(std::move(*key), std::move(*value));
        } while (accept(","));
        if (!expect("}")) return std::nullopt;
      }
      Literal m;
      m.kind = Literal::Kind::Map;
      m.entries = std::move(entries);  // as written (the printer writes them sorted)
      return m;
    }
    if (at.kind != Token::Kind::Word) return fail(at, "expected a value, found '" + at.text + "'"), std::nullopt;
    const Token word = next();
    // file("s3://..."), dir("s3://..."), datetime("2024-01-01T00:00:00Z")
    if ((word.text == "file" || word.text == "dir" || word.text == "datetime") && accept("(")) {
      const Token& textAt = peek();
      auto text = quoted(word.text == "datetime" ? "an RFC 3339 time" : "a URI");
      if (!text || !expect(")")) return std::nullopt;
      if (word.text != "datetime") return Literal::ofBlob(*text, word.text == "dir");
      auto ns = parseDatetime(*text);
      if (!ns) return fail(textAt, "expected an RFC 3339 time such as \"2024-01-01T00:00:00Z\""), std::nullopt;
      return Literal::ofDatetime(*ns);
    }
    return literalFromWord(word);
  }

  // $input, n0.o0, [values...] or a constant.
  std::optional<BindingValue> parseBindingValue() {
    if (accept("$")) {
      auto var = word("a workflow input name");
      if (!var) return std::nullopt;
      return BindingValue::promise("", *var);
    }
    const Token& at = peek();
    if (at.kind == Token::Kind::Word && std::isalpha(static_cast<unsigned char>(at.text[0])) &&
        at.text.find('.') != std::string::npos) {
      next();
      auto dot = at.text.find('.');
      return BindingValue::promise(at.text.substr(0, dot), at.text.substr(dot + 1));
    }
    if (accept("[")) {
      std::vector<BindingValue> items;
      if (!accept("]")) {
        do {
          auto item = parseBindingValue();
          if (!item) return std::nullopt;
          items.push_back(std::move(*item));
        } while (accept(","));
        if (!expect("]")) return std::nullopt;
      }
      // A list of constants is a literal list; one with a promise is assembled item by item.
      bool constant = std::all_of(items.begin(), items.end(),
                                  [](const BindingValue& b) { return b.kind == BindingValue::Kind::Literal; });
      if (!constant) return BindingValue::collection(std::move(items));
      std::vector<Literal> literals;
      for (auto& b : items) literals.push_back(std::move(b.literal));
      return BindingValue::constant(Literal::list(std::move(literals)));
    }
    auto lit = parseLiteral();
    if (!lit) return std::nullopt;
    return BindingValue::constant(std::move(*lit));
  }

  // ---- entities ------------------------------------------------------------------------------------
  bool parseVariables(std::vector<Variable>& out, bool defaults) {
    if (!expect("(")) return false;
    if (accept(")")) return true;
    do {
      auto name = word("a variable name");
      if (!name || !expect(":")) return false;
      auto type = parseType();
      if (!type) return false;
      Variable v{*name, *type, std::nullopt};
      if (defaults && accept("=")) {
        auto value = parseLiteral();
        if (!value) return false;
        v.defaultValue = std::move(*value);
      }
      out.push_back(std::move(v));
    } while (accept(","));
    return expect(")");
  }

  bool parseSignature(Interface& iface) {
    return parseVariables(iface.inputs, true) && expect("->") && parseVariables(iface.outputs, false);
  }

  // requests={cpu=1 mem=2Gi}
  bool parseResources(Resources& r) {
    if (!expect("{")) return false;
    while (!accept("}")) {
      const Token& at = peek();
      auto key = word("a resource name");
      if (!key || !expect("=")) return false;
      auto value = word("a quantity");
      if (!value) return false;
      if (*key == "cpu") r.cpu = *value;
      else if (*key == "mem") r.mem = *value;
      else if (*key == "gpu") r.gpu = *value;
      else if (*key == "ephemeral_storage") r.ephemeralStorage = *value;
      else return fail(at, "unknown resource '" + *key + "'");
    }
    return true;
  }

  // secrets=[{group="db" key="password" mount=env_var env_var="X"}, ...]
  bool parseSecrets(std::vector<Secret>& out) {
    if (!expect("[")) return false;
    if (accept("]")) return true;
    do {
      if (!expect("{")) return false;
      Secret s;
      while (!accept("}")) {
        const Token& at = peek();
        auto key = word("a secret attribute");
        if (!key || !expect("=")) return false;
        if (*key == "mount") {
          const Token& mt = peek();
          auto m = word("env_var or file");
          if (!m) return false;
          if (*m == "env_var") s.mount = Secret::Mount::EnvVar;
          else if (*m == "file") s.mount = Secret::Mount::File;
          else return fail(mt, "expected env_var or file, found '" + *m + "'");
          continue;
        }
        auto v = quoted("a string");
        if (!v) return false;
        if (*key == "group") s.group = *v;
        else if (*key == "key") s.key = *v;
        else if (*key == "env_var") s.envVar = *v;
        else return fail(at, "unknown secret attribute '" + *key + "'");
      }
      out.push_back(std::move(s));
    } while (accept(","));
    return expect("]");
  }

  // One metadata attribute (cache="v", cache_serialize, retries=N, timeout=Ns, interruptible); false
  // with no error when `key` is none of them.
  bool parseMetadata(const Token& at, const std::string& key, Metadata& m, bool& handled) {
    handled = true;
    if (key == "cache_serialize") return m.cacheSerialize = true;
    if (key == "interruptible") return m.interruptible = true;
    if (key == "cache") {
      if (!expect("=")) return false;
      auto v = quoted("a cache version");
      if (!v) return false;
      m.cache = true;
      m.cacheVersion = *v;
      return true;
    }
    if (key == "retries" || key == "timeout") {
      if (!expect("=")) return false;
      const Token& vt = peek();
      auto v = word("a number");
      if (!v) return false;
      llvm::StringRef text = *v;
      if (key == "timeout" && !text.consume_back("s")) return fail(vt, "expected a timeout in seconds (90s)");
      if (key == "retries") {
        auto n = integer<std::uint32_t>(vt, text, "a number of retries");
        if (!n) return false;
        m.retries = *n;
      } else {
        auto n = integer<std::int64_t>(vt, text, "a number of seconds");
        if (!n) return false;
        m.timeoutSeconds = *n;
      }
      return true;
    }
    handled = false;
    return false;
  }

  SourceLoc here() const { return {name_.str(), peek().line, peek().column}; }

  std::optional<Task> parseTask() {
    Task t;
    t.loc = here();
    next();  // task
    auto name = entityName();
    if (!name) return std::nullopt;
    t.name = *name;
    if (!parseSignature(t.interface)) return std::nullopt;
    if (accept("{")) {
      while (!accept("}")) {
        const Token& at = peek();
        auto key = word("an attribute");
        if (!key) return std::nullopt;
        bool handled = false;
        if (parseMetadata(at, *key, t.metadata, handled)) continue;
        if (handled || error_) return std::nullopt;
        if (*key == "requests" || *key == "limits") {
          if (!expect("=") || !parseResources(*key == "requests" ? t.requests : t.limits)) return std::nullopt;
        } else if (*key == "image") {
          if (!expect("=")) return std::nullopt;
          auto v = quoted("an image");
          if (!v) return std::nullopt;
          t.image = *v;
        } else if (*key == "secrets") {
          if (!expect("=") || !parseSecrets(t.secrets)) return std::nullopt;
        } else if (*key == "env") {
          if (!expect("=") || !expect("{")) return std::nullopt;
          while (!accept("}")) {
            auto k = quoted("an environment variable name");
            if (!k || !expect("=")) return std::nullopt;
            auto v = quoted("a value");
            if (!v) return std::nullopt;
            t.environment.push_back({*k, *v});
          }
        } else if (*key == "reference") {
          // project/domain/name:version, as the printer writes EntityRef::str().
          if (!expect("=")) return std::nullopt;
          const Token& st = peek();
          auto v = quoted("a reference");
          if (!v) return std::nullopt;
          llvm::StringRef text = *v;
          auto [project, rest] = text.split('/');
          auto [domain, nameVersion] = rest.split('/');
          auto [refName, version] = nameVersion.rsplit(':');
          if (project.empty() || domain.empty() || refName.empty() || version.empty() ||
              !nameVersion.contains(':'))
            return fail(st, "expected a reference as \"project/domain/name:version\""), std::nullopt;
          t.reference = EntityRef{project.str(), domain.str(), refName.str(), version.str()};
        } else if (*key == "stand_in") {
          t.standIn = true;
        } else if (*key == "chain") {
          if (!expect("=") || !expect("[")) return std::nullopt;
          do {
            ChainStep step;
            auto task = entityName();
            if (!task) return std::nullopt;
            step.task = *task;
            if (accept("(")) {
              do {
                auto input = word("an input name");
                if (!input || !expect("=")) return std::nullopt;
                const Token& st = peek();
                auto source = word("out.NAME or in.NAME");
                if (!source) return std::nullopt;
                llvm::StringRef text = *source;
                ChainFeed f;
                f.input = *input;
                if (text.consume_front("out.")) f.fromPrevious = true;
                else if (!text.consume_front("in.")) return fail(st, "expected out.NAME or in.NAME"), std::nullopt;
                f.source = text.str();
                step.feeds.push_back(std::move(f));
              } while (accept(","));
              if (!expect(")")) return std::nullopt;
            }
            t.chain.push_back(std::move(step));
          } while (accept(","));
          if (!expect("]")) return std::nullopt;
        } else {
          return fail(at, "unknown task attribute '" + *key + "'"), std::nullopt;
        }
      }
    }
    return t;
  }

  std::optional<MapTask> parseMapTask() {
    MapTask m;
    m.loc = here();
    next();  // map_task
    auto name = entityName();
    if (!name) return std::nullopt;
    m.name = *name;
    if (!parseSignature(m.interface) || !expect("{")) return std::nullopt;
    while (!accept("}")) {
      const Token& at = peek();
      auto key = word("an attribute");
      if (!key) return std::nullopt;
      bool handled = false;
      if (parseMetadata(at, *key, m.metadata, handled)) continue;
      if (handled || error_) return std::nullopt;
      if (!expect("=")) return std::nullopt;
      if (*key == "task") {
        auto task = entityName();
        if (!task) return std::nullopt;
        m.task = *task;
      } else if (*key == "then") {
        if (!expect("[")) return std::nullopt;
        if (!accept("]")) {
          do {
            auto task = entityName();
            if (!task || !expect("(")) return std::nullopt;
            auto input = word("an input name");
            if (!input || !expect(")")) return std::nullopt;
            m.then.push_back({*task, *input});
          } while (accept(","));
          if (!expect("]")) return std::nullopt;
        }
      } else if (*key == "bound") {
        if (!expect("[")) return std::nullopt;
        if (!accept("]")) {
          do {
            auto input = word("an input name");
            if (!input) return std::nullopt;
            m.boundInputs.push_back(*input);
          } while (accept(","));
          if (!expect("]")) return std::nullopt;
        }
      } else if (*key == "concurrency" || *key == "min_successes") {
        const Token& vt = peek();
        auto v = word("a number");
        if (!v) return std::nullopt;
        auto n = integer<std::uint32_t>(vt, *v, "a number");
        if (!n) return std::nullopt;
        (*key == "concurrency" ? m.concurrency : m.minSuccesses) = *n;
      } else if (*key == "min_success_ratio") {
        const Token& vt = peek();
        if (!word("a ratio")) return std::nullopt;
        auto lit = literalFromWord(vt);
        if (!lit) return std::nullopt;
        if (lit->kind != Literal::Kind::Float) return fail(vt, "expected a ratio such as 0.5"), std::nullopt;
        m.minSuccessRatio = lit->real;
      } else {
        return fail(at, "unknown map_task attribute '" + *key + "'"), std::nullopt;
      }
    }
    if (m.task.empty()) return fail(peek(), "map_task @" + m.name + " names no task=@..."), std::nullopt;
    return m;
  }

  std::optional<Workflow> parseWorkflow() {
    Workflow w;
    w.loc = here();
    next();  // workflow
    auto name = entityName();
    if (!name) return std::nullopt;
    w.name = *name;
    if (!parseSignature(w.interface)) return std::nullopt;
    if (isWord("fuse_tasks")) {
      next();
      w.fuseTasks = true;
    }
    if (!expect("{")) return std::nullopt;
    while (!accept("}")) {
      if (isWord("return")) {
        next();
        auto var = word("an output name");
        if (!var || !expect("=")) return std::nullopt;
        auto value = parseBindingValue();
        if (!value) return std::nullopt;
        w.outputs.push_back({*var, std::move(*value)});
        continue;
      }
      Node n;
      n.loc = here();
      auto id = word("a node id or 'return'");
      if (!id || !expect("=")) return std::nullopt;
      n.id = *id;
      const Token& kt = peek();
      auto kind = word("'task', 'array', 'workflow' or 'launchplan'");
      if (!kind) return std::nullopt;
      if (*kind == "task") n.kind = Node::Kind::Task;
      else if (*kind == "array") n.kind = Node::Kind::Array;
      else if (*kind == "workflow") n.kind = Node::Kind::Workflow;
      else if (*kind == "launchplan") n.kind = Node::Kind::LaunchPlan;
      else return fail(kt, "expected 'task', 'array', 'workflow' or 'launchplan', found '" + *kind + "'"), std::nullopt;
      auto target = entityName();
      if (!target || !expect("(")) return std::nullopt;
      n.target = *target;
      n.displayName = defaultNodeName(n.kind, n.target);
      if (!accept(")")) {
        do {
          auto var = word("an input name");
          if (!var || !expect("=")) return std::nullopt;
          auto value = parseBindingValue();
          if (!value) return std::nullopt;
          n.inputs.push_back({*var, std::move(*value)});
        } while (accept(","));
        if (!expect(")")) return std::nullopt;
      }
      if (accept("{")) {
        while (!accept("}")) {
          const Token& at = peek();
          auto key = word("a node attribute");
          if (!key || !expect("=")) return std::nullopt;
          if (*key == "after") {
            if (!expect("[")) return std::nullopt;
            if (!accept("]")) {
              do {
                auto up = word("a node id");
                if (!up) return std::nullopt;
                n.upstream.push_back(*up);
              } while (accept(","));
              if (!expect("]")) return std::nullopt;
            }
          } else if (*key == "requests" || *key == "limits") {
            if (!parseResources(*key == "requests" ? n.overrideRequests : n.overrideLimits)) return std::nullopt;
          } else if (*key == "image") {
            auto v = quoted("an image");
            if (!v) return std::nullopt;
            n.overrideImage = *v;
          } else if (*key == "accelerator" || *key == "shared_memory") {
            auto v = quoted(*key == "accelerator" ? "an accelerator" : "a size");
            if (!v) return std::nullopt;
            (*key == "accelerator" ? n.overrideAccelerator : n.overrideSharedMemory) = *v;
          } else if (*key == "name") {
            auto v = quoted("a node name");
            if (!v) return std::nullopt;
            n.displayName = *v;
          } else if (*key == "cache" && isWord("false")) {
            next();
            n.overrideMetadata.cache = false;
          } else if (*key == "cache") {
            auto v = quoted("a cache version");
            if (!v) return std::nullopt;
            n.overrideMetadata.cache = true;
            n.overrideMetadata.cacheVersion = *v;
          } else if (*key == "interruptible" || *key == "cache_serialize" || *key == "fuse") {
            const Token& vt = peek();
            auto v = word("true or false");
            if (!v) return std::nullopt;
            if (*v != "true" && *v != "false") return fail(vt, "expected true or false"), std::nullopt;
            if (*key == "interruptible") n.overrideMetadata.interruptible = *v == "true";
            else if (*key == "fuse") n.fuse = *v == "true";
            else n.overrideMetadata.cacheSerialize = *v == "true";
          } else if (*key == "retries") {
            const Token& vt = peek();
            auto v = word("a number");
            if (!v) return std::nullopt;
            auto r = integer<std::uint32_t>(vt, *v, "a number of retries");
            if (!r) return std::nullopt;
            n.overrideMetadata.retries = *r;
          } else if (*key == "timeout") {
            const Token& vt = peek();
            auto v = word("a number");
            if (!v) return std::nullopt;
            llvm::StringRef text = *v;
            if (!text.consume_back("s")) return fail(vt, "expected a timeout in seconds (90s)"), std::nullopt;
            auto t = integer<std::int64_t>(vt, text, "a number of seconds");
            if (!t) return std::nullopt;
            n.overrideMetadata.timeoutSeconds = *t;
          } else {
            return fail(at, "unknown node attribute '" + *key + "'"), std::nullopt;
          }
        }
      }
      w.nodes.push_back(std::move(n));
    }
    return w;
  }

  llvm::StringRef text_, name_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  std::optional<std::string> error_;
};

}  // namespace

llvm::Expected<Module> parseModule(llvm::StringRef text, llvm::StringRef bufferName) {
  return Parser(text, bufferName).run();
}

}  // namespace flytecc::ir
