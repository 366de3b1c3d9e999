#include "ir/Verifier.h"

#include <cctype>

#include "ir/Printer.h"

#include "ir/Rules.h"

#include <fmt/format.h>
#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace flytecc::ir {
namespace {

class Verifier {
 public:
  explicit Verifier(const Module& m) : m_(m) {}

  std::vector<VerifierError> run() {
    checkNamesUnique();
    for (const auto& t : m_.tasks) {
      checkInterface(t.interface, t.name, t.loc);
      if (!t.chain.empty()) checkChain(t);
      if (t.reference) checkReference(*t.reference, t.name, t.loc);
    }
    for (const auto& mt : m_.mapTasks) checkMapTask(mt);
    for (const auto& w : m_.workflows) checkWorkflow(w);
    for (const auto& lp : m_.launchPlans) checkLaunchPlan(lp);
    checkNoCycles();
    return std::move(errors_);
  }

 private:
  template <class... A>
  void error(const SourceLoc& loc, fmt::format_string<A...> f, A&&... args) {
    errors_.push_back({loc, fmt::format(f, std::forward<A>(args)...)});
  }

  void checkNamesUnique() {
    std::map<std::string, SourceLoc> seen;
    auto add = [&](const std::string& name, const SourceLoc& loc) {
      if (name.empty()) return error(loc, "entity has an empty name");
      if (!isValidEntityName(name)) return error(loc, "'{}' is not a valid entity name", name);
      auto [it, fresh] = seen.emplace(name, loc);
      if (!fresh) error(loc, "entity name '{}' is already used at {}", name, it->second.str());
    };
    for (const auto& t : m_.tasks) add(t.name, t.loc);
    // One map task per map call: calls with the same options give identical map tasks under one name, which
    // the dedupe pass (passes/Dedupe.cpp) merges. Only a different entity under a used name is an error.
    std::map<std::string, std::string> mapTexts;
    for (const auto& mt : m_.mapTasks) {
      auto [it, fresh] = mapTexts.emplace(mt.name, print(mt));
      if (!fresh && it->second == print(mt)) continue;
      add(mt.name, mt.loc);
    }
    for (const auto& w : m_.workflows) add(w.name, w.loc);
    // Launch plans have their own namespace (a workflow's default launch plan shares its name).
    std::set<std::string> lps;
    for (const auto& lp : m_.launchPlans) {
      if (!isValidEntityName(lp.name)) error(lp.loc, "'{}' is not a valid launch plan name", lp.name);
      if (!lps.insert(lp.name).second) error(lp.loc, "launch plan name '{}' is used twice", lp.name);
      if (!lp.reference && m_.findWorkflow(lp.name))
        error(lp.loc, "launch plan '{}' has the name of a workflow's default launch plan", lp.name);
    }
  }

  void checkReference(const EntityRef& r, const std::string& owner, const SourceLoc& loc) {
    if (r.project.empty() || r.domain.empty() || r.name.empty() || r.version.empty())
      error(loc, "reference '{}' needs a project, a domain, a name and a version ({})", owner, r.str());
  }

  void checkLaunchPlan(const LaunchPlan& lp) {
    checkInterface(lp.interface, lp.name, lp.loc);
    if (lp.reference) return checkReference(*lp.reference, lp.name, lp.loc);
    const Workflow* wf = m_.findWorkflow(lp.workflow);
    if (!wf) return error(lp.loc, "launch plan '{}' launches '{}', which none of the inputs defines", lp.name, lp.workflow);
    for (const auto& problem : launchPlanProblems(*wf, lp)) error(lp.loc, "launch plan '{}': {}", lp.name, problem.message);
    Interface want = launchPlanInterface(*wf, lp);
    bool same = want.inputs.size() == lp.interface.inputs.size() && want.outputs.size() == lp.interface.outputs.size();
    for (size_t i = 0; same && i < want.inputs.size(); ++i)
      same = want.inputs[i].name == lp.interface.inputs[i].name && want.inputs[i].type == lp.interface.inputs[i].type;
    for (size_t i = 0; same && i < want.outputs.size(); ++i) same = want.outputs[i].type == lp.interface.outputs[i].type;
    if (!same) error(lp.loc, "launch plan '{}' does not declare the interface of '{}' without its fixed inputs", lp.name, wf->name);
  }

  // A struct type has a name, and fields with distinct, non-empty names (recursively).
  void checkType(const Type& t, const std::string& what, const SourceLoc& loc) {
    if (t.kind == Type::Kind::Struct) {
      if (t.name.empty()) error(loc, "{}: a struct type needs a name", what);
      if (t.values.size() != t.children.size() || t.fieldDefaults.size() != t.values.size())
        return error(loc, "{}: struct {} has mismatched field lists", what, t.name);
      std::set<std::string> fields;
      for (const auto& f : t.values)
        if (f.empty() || !fields.insert(f).second) error(loc, "{}: struct {} has an empty or repeated field '{}'", what, t.name, f);
    }
    for (const auto& c : t.children) checkType(c, what, loc);
  }

  void checkInterface(const Interface& iface, const std::string& owner, const SourceLoc& loc) {
    for (const auto& v : iface.inputs) checkType(v.type, fmt::format("input '{}' of '{}'", v.name, owner), loc);
    for (const auto& v : iface.outputs) checkType(v.type, fmt::format("output '{}' of '{}'", v.name, owner), loc);
    std::set<std::string> names;
    for (const auto& v : iface.inputs)
      if (!names.insert(v.name).second) error(loc, "'{}' declares input '{}' twice", owner, v.name);
    for (const auto& v : iface.inputs)
      if (v.defaultValue && !literalFits(*v.defaultValue, v.type))
        error(loc, "default value {} of input '{}' of '{}' is not a {}", v.defaultValue->str(), v.name, owner,
              v.type.str());
    // Outputs are o0..oN, or named outputs (hasNamedOutputs): distinct identifiers, none of them o0..oN.
    if (!hasNamedOutputs(iface.outputs)) return;
    std::set<std::string> outputs;
    for (size_t i = 0; i < iface.outputs.size(); ++i) {
      const std::string& n = iface.outputs[i].name;
      bool identifier = !n.empty() && !std::isdigit(static_cast<unsigned char>(n[0]));
      for (char c : n) identifier &= std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      bool positional = n.size() > 1 && n[0] == 'o' && n.find_first_not_of("0123456789", 1) == std::string::npos;
      if (!identifier || positional)
        error(loc, "output {} of '{}' is named '{}': outputs are o0..oN or named after fields (not o<N>)", i, owner, n);
      else if (!outputs.insert(n).second)
        error(loc, "'{}' declares output '{}' twice", owner, n);
    }
  }

  // A fused task chain (passes/TaskChainFusion.cpp): plain C++ tasks, the first reading the fused task's inputs of
  // its names, every further one fed each input from the previous task's outputs or the fused task's inputs, and
  // the fused task's outputs those of the last.
  void checkChain(const Task& t) {
    if (t.chain.size() < 2) return error(t.loc, "fused task '{}' has a chain of fewer than two tasks", t.name);
    const Interface* previous = nullptr;
    for (size_t i = 0; i < t.chain.size(); ++i) {
      const ChainStep& step = t.chain[i];
      const Task* task = m_.findTask(step.task);
      if (!task) return error(t.loc, "fused task '{}' runs task '{}', which none of the inputs defines", t.name, step.task);
      if (!task->chain.empty()) return error(t.loc, "fused task '{}' runs fused task '{}'", t.name, step.task);
      if (i == 0) {
        if (!step.feeds.empty()) error(t.loc, "fused task '{}': the first task of the chain takes no feeds", t.name);
        for (const auto& in : task->interface.inputs) {
          const Variable* v = t.interface.findInput(in.name);
          if (!v || !(v->type == in.type))
            error(t.loc, "fused task '{}' does not declare input '{}' of '{}' as {}", t.name, in.name, step.task,
                  in.type.str());
        }
      } else {
        std::set<std::string> fed;
        for (const auto& f : step.feeds) {
          const Variable* in = task->interface.findInput(f.input);
          if (!in) {
            error(t.loc, "fused task '{}' feeds unknown input '{}' of '{}'", t.name, f.input, step.task);
            continue;
          }
          if (!fed.insert(f.input).second) error(t.loc, "fused task '{}' feeds input '{}' of '{}' twice", t.name, f.input, step.task);
          const Variable* from = f.fromPrevious ? previous->findOutput(f.source) : t.interface.findInput(f.source);
          if (!from)
            error(t.loc, "fused task '{}' feeds '{}' of '{}' from unknown {} '{}'", t.name, f.input, step.task,
                  f.fromPrevious ? "output" : "input", f.source);
          else if (!isCastable(from->type, in->type))
            error(t.loc, "fused task '{}': {} cannot feed input '{}' ({}) of '{}'", t.name, from->type.str(), f.input,
                  in->type.str(), step.task);
        }
        for (const auto& in : task->interface.inputs)
          if (!fed.count(in.name) && !in.type.isOptional()) error(t.loc, "fused task '{}' does not feed input '{}' of '{}'", t.name, in.name, step.task);
      }
      previous = &task->interface;
    }
    if (previous->outputs.size() != t.interface.outputs.size())
      return error(t.loc, "fused task '{}' must have the outputs of '{}'", t.name, t.chain.back().task);
    for (size_t i = 0; i < previous->outputs.size(); ++i)
      if (!(previous->outputs[i].type == t.interface.outputs[i].type))
        error(t.loc, "fused task '{}' must have the outputs of '{}'", t.name, t.chain.back().task);
  }

  void checkMapTask(const MapTask& mt) {
    if (mt.overLaunchPlan && !m_.findLaunchPlan(mt.task))
      return error(mt.loc, "map task '{}' maps launch plan '{}', which none of the inputs defines", mt.name, mt.task);
    if (!mt.overLaunchPlan && !m_.findTask(mt.task))
      return error(mt.loc, "map task '{}' maps task '{}', which none of the inputs defines", mt.name, mt.task);
    if (mt.minSuccessRatio && !isValidMinSuccessRatio(*mt.minSuccessRatio))
      error(mt.loc, "map task '{}': min_success_ratio {} is outside (0, 1]", mt.name, *mt.minSuccessRatio);
    if (conflictingSuccessCriteria(mt.minSuccessRatio, mt.minSuccesses))
      error(mt.loc, "map task '{}': min_successes and min_success_ratio are mutually exclusive", mt.name);
    std::string why;
    auto item = mapItemInterface(m_, mt, &why);  // the mapped task's interface, or a fused chain's
    if (!item) return error(mt.loc, "map task '{}': {}", mt.name, why);
    if (item->outputs.size() > 1)
      error(mt.loc, "map task '{}': only tasks with a single output can be mapped ('{}' has {})", mt.name, mt.task,
            item->outputs.size());
    bool mapsSomething = false;
    for (const auto& b : mt.boundInputs)
      if (!item->findInput(b)) error(mt.loc, "map task '{}' binds unknown input '{}'", mt.name, b);
    if (mt.interface.inputs.size() != item->inputs.size())
      error(mt.loc, "map task '{}' does not declare the inputs of '{}'", mt.name, mt.task);
    Interface expected = mapTaskInterface(*item, mt.boundInputs, mapItemsMayFail(mt.minSuccessRatio, mt.minSuccesses));
    for (const auto& want : expected.inputs) {
      const Variable* listed = mt.interface.findInput(want.name);
      if (!listed) continue;
      mapsSomething |= !mt.isBound(want.name);
      if (!(listed->type == want.type))
        error(mt.loc, "map task '{}': input '{}' is {} but must be {}", mt.name, want.name, listed->type.str(),
              want.type.str());
    }
    if (!mapsSomething) error(mt.loc, "map task '{}' has no input array to map over", mt.name);
    for (const auto& want : expected.outputs) {
      const Variable* listed = mt.interface.findOutput(want.name);
      if (!listed || !(listed->type == want.type))
        error(mt.loc, "map task '{}': output '{}' must be {}", mt.name, want.name, want.type.str());
    }
  }

  // The type a binding value produces inside workflow `w`, given the nodes declared so far.
  std::optional<Type> typeOf(const BindingValue& b, const Workflow& w, const std::map<std::string, const Node*>& nodes,
                             const SourceLoc& loc) {
    switch (b.kind) {
      case BindingValue::Kind::Literal: return std::nullopt;  // checked with literalFits
      case BindingValue::Kind::Collection: return std::nullopt;
      case BindingValue::Kind::Promise: {
        if (b.nodeId.empty()) {
          if (auto* v = w.interface.findInput(b.var)) return v->type;
          error(loc, "workflow '{}' has no input '{}'", w.name, b.var);
          return std::nullopt;
        }
        auto it = nodes.find(b.nodeId);
        if (it == nodes.end()) {
          error(loc, "binding refers to node '{}', which is not defined before its use", b.nodeId);
          return std::nullopt;
        }
        const Interface* iface = m_.targetInterface(it->second->kind, it->second->target);
        if (!iface) return std::nullopt;
        if (auto* v = iface->findOutput(b.var)) return v->type;
        error(loc, "Variable [{}] not found on node [{}].", b.var, b.nodeId);
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  void checkBinding(const BindingValue& value, const Type& want, const std::string& what, const Workflow& w,
                    const std::map<std::string, const Node*>& nodes, const SourceLoc& loc) {
    switch (value.kind) {
      case BindingValue::Kind::Literal:
        if (!literalFits(value.literal, want))
          error(loc, "{}: the value {} is not a {}", what, value.literal.str(), want.str());
        return;
      case BindingValue::Kind::Collection: {
        const Type* target = &want;
        if (want.kind == Type::Kind::Union)
          for (const auto& v : want.children)
            if (v.kind == Type::Kind::Collection) target = &v;
        if (target->kind != Type::Kind::Collection) return error(loc, "{}: a list cannot bind {}", what, want.str());
        for (const auto& item : value.items) checkBinding(item, target->element(), what, w, nodes, loc);
        return;
      }
      case BindingValue::Kind::Promise:
        if (auto t = typeOf(value, w, nodes, loc); t && !isCastable(*t, want))
          error(loc, "{}: type mismatch: {} cannot be bound to {}", what, t->str(), want.str());
        return;
    }
  }

  void checkWorkflow(const Workflow& w) {
    checkInterface(w.interface, w.name, w.loc);
    std::map<std::string, const Node*> nodes;
    for (const auto& n : w.nodes) {
      if (n.id == "start-node" || n.id == "end-node") error(n.loc, "node id '{}' is reserved", n.id);
      if (nodes.count(n.id)) error(n.loc, "node id '{}' is used twice in '{}'", n.id, w.name);
      const Interface* iface = m_.targetInterface(n.kind, n.target);
      if (!iface) {
        static const char* const kinds[] = {"task", "map task", "workflow", "launch plan"};  // Node::Kind order
        error(n.loc, "workflow '{}' calls {} '{}' (node {}), which none of the inputs defines; give the file that "
                     "defines it too",
              w.name, kinds[static_cast<int>(n.kind)], n.target, n.id);
        nodes[n.id] = &n;
        continue;
      }

      std::set<std::string> bound;
      for (const auto& b : n.inputs) {
        const Variable* in = iface->findInput(b.var);
        if (!in) {
          error(n.loc, "Variable [{}] not found on node [{}].", b.var, n.id);
          continue;
        }
        if (!bound.insert(b.var).second) error(n.loc, "Input [{}] is bound more than once.", b.var);
        checkBinding(b.value, in->type, fmt::format("input '{}' of node '{}'", b.var, n.id), w, nodes, n.loc);
      }
      for (const auto& in : iface->inputs)  // a launch plan's defaults fill what its node leaves unbound
        if (!bound.count(in.name) && !in.type.isOptional() && !(n.kind == Node::Kind::LaunchPlan && in.defaultValue))
          error(n.loc, "Parameter not bound [{}].", in.name);
      for (const auto& up : n.upstream)
        if (!nodes.count(up)) error(n.loc, "node '{}' depends on '{}', which does not precede it", n.id, up);
      nodes[n.id] = &n;
    }
    std::set<std::string> outs;
    for (const auto& o : w.outputs) {
      if (outs.count(o.var)) error(w.loc, "output '{}' of workflow '{}' is bound more than once", o.var, w.name);
      const Variable* v = w.interface.findOutput(o.var);
      if (!v) {
        error(w.loc, "workflow '{}' binds unknown output '{}'", w.name, o.var);
        continue;
      }
      outs.insert(o.var);
      checkBinding(o.value, v->type, fmt::format("output '{}' of workflow '{}'", o.var, w.name), w, nodes, w.loc);
    }
    for (const auto& v : w.interface.outputs)
      if (!outs.count(v.name)) error(w.loc, "output '{}' of workflow '{}' is not bound", v.name, w.name);
  }

  // Workflows calling workflows must not loop (Flyte rejects cycles; packaging would never end).
  void checkNoCycles() {
    enum class Mark { White, Grey, Black };
    std::map<std::string, Mark> mark;
    std::function<bool(const Workflow&)> visit = [&](const Workflow& w) {
      mark[w.name] = Mark::Grey;
      for (const auto& n : w.nodes) {
        std::string target = n.target;
        if (n.kind == Node::Kind::LaunchPlan || n.kind == Node::Kind::Array) {
          const MapTask* mt = n.kind == Node::Kind::Array ? m_.findMapTask(n.target) : nullptr;
          if (n.kind == Node::Kind::Array && (!mt || !mt->overLaunchPlan)) continue;
          const LaunchPlan* lp = m_.findLaunchPlan(mt ? mt->task : n.target);
          if (!lp || lp->reference) continue;
          target = lp->workflow;
        } else if (n.kind != Node::Kind::Workflow) {
          continue;
        }
        const Workflow* callee = m_.findWorkflow(target);
        if (!callee) continue;
        Mark m = mark[callee->name];
        if (m == Mark::Grey) {
          error(n.loc, "workflow '{}' calls '{}', which calls it back: workflows cannot recurse", w.name, callee->name);
          return false;
        }
        if (m == Mark::White && !visit(*callee)) return false;
      }
      mark[w.name] = Mark::Black;
      return true;
    };
    for (const auto& w : m_.workflows)
      if (mark[w.name] == Mark::White && !visit(w)) return;
  }

  const Module& m_;
  std::vector<VerifierError> errors_;
};

}  // namespace

std::vector<VerifierError> verify(const Module& module) { return Verifier(module).run(); }

}  // namespace flytecc::ir
