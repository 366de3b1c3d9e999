#include "ir/Printer.h"

#include <fmt/format.h>

namespace flytecc::ir {

// Strings are written as literals are (escaped), so that the parser reads them back.
static std::string quoted(const std::string& s) { return Literal::ofString(s).str(); }

static std::string vars(const std::vector<Variable>& vs) {
  std::string out;
  for (size_t i = 0; i < vs.size(); ++i) {
    out += fmt::format("{}{}: {}", i ? ", " : "", vs[i].name, vs[i].type.str());
    if (vs[i].defaultValue) out += " = " + vs[i].defaultValue->str();
  }
  return out;
}

static std::string signature(const Interface& iface) {
  return fmt::format("({}) -> ({})", vars(iface.inputs), vars(iface.outputs));
}

static std::string resources(const char* label, const Resources& r) {
  if (r.empty()) return "";
  std::string out = fmt::format(" {}={{", label);
  const char* sep = "";
  auto add = [&](const char* k, const std::string& v) {
    if (v.empty()) return;
    out += fmt::format("{}{}={}", sep, k, v);
    sep = " ";
  };
  add("cpu", r.cpu);
  add("mem", r.mem);
  add("gpu", r.gpu);
  add("ephemeral_storage", r.ephemeralStorage);
  return out + "}";
}

static std::string metadata(const Metadata& m) {
  std::string out;
  if (m.cache) out += " cache=" + quoted(m.cacheVersion);
  if (m.cacheSerialize) out += " cache_serialize";
  if (m.retries) out += fmt::format(" retries={}", m.retries);
  if (m.timeoutSeconds) out += fmt::format(" timeout={}s", m.timeoutSeconds);
  if (m.interruptible) out += " interruptible";
  return out;
}

std::string print(const Task& t) {
  std::string attrs = metadata(t.metadata) + resources("requests", t.requests) + resources("limits", t.limits);
  if (!t.image.empty()) attrs += " image=" + quoted(t.image);
  if (!t.secrets.empty()) {
    attrs += " secrets=[";
    for (size_t i = 0; i < t.secrets.size(); ++i) {
      const Secret& s = t.secrets[i];
      attrs += fmt::format("{}{{group={} key={}", i ? ", " : "", quoted(s.group), quoted(s.key));
      if (s.mount == Secret::Mount::EnvVar) attrs += " mount=env_var";
      if (s.mount == Secret::Mount::File) attrs += " mount=file";
      if (!s.envVar.empty()) attrs += " env_var=" + quoted(s.envVar);
      attrs += "}";
    }
    attrs += "]";
  }
  if (!t.environment.empty()) {
    attrs += " env={";
    for (size_t i = 0; i < t.environment.size(); ++i)
      attrs += fmt::format("{}{}={}", i ? " " : "", quoted(t.environment[i].key), quoted(t.environment[i].value));
    attrs += "}";
  }
  if (!t.chain.empty()) {
    attrs += " chain=[";
    for (size_t i = 0; i < t.chain.size(); ++i) {
      attrs += fmt::format("{}@{}", i ? ", " : "", t.chain[i].task);
      if (t.chain[i].feeds.empty()) continue;
      attrs += "(";
      for (size_t k = 0; k < t.chain[i].feeds.size(); ++k) {
        const ChainFeed& f = t.chain[i].feeds[k];
        attrs += fmt::format("{}{}={}.{}", k ? ", " : "", f.input, f.fromPrevious ? "out" : "in", f.source);
      }
      attrs += ")";
    }
    attrs += "]";
  }
  if (t.reference) attrs += " reference=" + quoted(t.reference->str());
  if (t.standIn) attrs += " stand_in";
  return fmt::format("task @{}{}{}\n", t.name, signature(t.interface), attrs.empty() ? "" : " {" + attrs + " }");
}

std::string print(const MapTask& m) {
  std::string attrs = fmt::format(" {}=@{}", m.overLaunchPlan ? "launch_plan" : "task", m.task);
  if (!m.then.empty()) {
    attrs += " then=[";
    for (size_t i = 0; i < m.then.size(); ++i) attrs += fmt::format("{}@{}({})", i ? ", " : "", m.then[i].task, m.then[i].input);
    attrs += "]";
  }
  if (!m.boundInputs.empty()) {
    attrs += " bound=[";
    for (size_t i = 0; i < m.boundInputs.size(); ++i) attrs += (i ? ", " : "") + m.boundInputs[i];
    attrs += "]";
  }
  if (m.concurrency) attrs += fmt::format(" concurrency={}", *m.concurrency);
  if (m.minSuccessRatio) attrs += " min_success_ratio=" + Literal::ofFloat(*m.minSuccessRatio).str();
  if (m.minSuccesses) attrs += fmt::format(" min_successes={}", *m.minSuccesses);
  attrs += metadata(m.metadata);
  return fmt::format("map_task @{}{} {{{} }}\n", m.name, signature(m.interface), attrs);
}

static const char* kindName(Node::Kind k) {
  switch (k) {
    case Node::Kind::Task: return "task";
    case Node::Kind::Array: return "array";
    case Node::Kind::Workflow: return "workflow";
    case Node::Kind::LaunchPlan: return "launchplan";
  }
  return "?";
}

std::string print(const Workflow& w) {
  std::string out =
      fmt::format("workflow @{}{}{} {{\n", w.name, signature(w.interface), w.fuseTasks ? " fuse_tasks" : "");
  for (const auto& n : w.nodes) {
    std::string args;
    for (size_t i = 0; i < n.inputs.size(); ++i)
      args += fmt::format("{}{} = {}", i ? ", " : "", n.inputs[i].var, n.inputs[i].value.str());
    std::string extra;
    if (!n.upstream.empty()) {
      extra += " after=[";
      for (size_t i = 0; i < n.upstream.size(); ++i) extra += (i ? ", " : "") + n.upstream[i];
      extra += "]";
    }
    extra += resources("requests", n.overrideRequests) + resources("limits", n.overrideLimits);
    if (!n.overrideImage.empty()) extra += " image=" + quoted(n.overrideImage);
    if (n.displayName != defaultNodeName(n.kind, n.target)) extra += " name=" + quoted(n.displayName);
    const NodeOverrides& m = n.overrideMetadata;
    if (m.retries) extra += fmt::format(" retries={}", *m.retries);
    if (m.timeoutSeconds) extra += fmt::format(" timeout={}s", *m.timeoutSeconds);
    if (m.interruptible) extra += fmt::format(" interruptible={}", *m.interruptible);
    if (m.cache) extra += *m.cache ? " cache=" + quoted(m.cacheVersion) : std::string(" cache=false");
    if (m.cacheSerialize) extra += " cache_serialize=true";
    if (!n.overrideAccelerator.empty()) extra += " accelerator=" + quoted(n.overrideAccelerator);
    if (!n.overrideSharedMemory.empty()) extra += " shared_memory=" + quoted(n.overrideSharedMemory);
    if (n.fuse) extra += " fuse=true";
    out += fmt::format("  {} = {} @{}({}){}\n", n.id, kindName(n.kind), n.target, args,
                       extra.empty() ? "" : " {" + extra + " }");
  }
  for (const auto& o : w.outputs) out += fmt::format("  return {} = {}\n", o.var, o.value.str());
  return out + "}\n";
}

static std::string literals(const std::vector<NamedLiteral>& vs) {
  std::string out;
  for (size_t i = 0; i < vs.size(); ++i) out += fmt::format("{}{}={}", i ? " " : "", vs[i].name, vs[i].value.str());
  return out;
}

static std::string pairs(const std::vector<std::pair<std::string, std::string>>& kvs) {
  std::string out;
  for (size_t i = 0; i < kvs.size(); ++i) out += fmt::format("{}{}={}", i ? " " : "", quoted(kvs[i].first), quoted(kvs[i].second));
  return out;
}

std::string print(const LaunchPlan& lp) {
  std::string attrs;
  if (lp.reference) attrs += " reference=" + quoted(lp.reference->str());
  if (!lp.workflow.empty()) attrs += " workflow=@" + lp.workflow;
  if (!lp.defaults.empty()) attrs += " defaults={" + literals(lp.defaults) + "}";
  if (!lp.fixed.empty()) attrs += " fixed={" + literals(lp.fixed) + "}";
  const Schedule& s = lp.schedule;
  if (s.kind == Schedule::Kind::Cron) attrs += " cron=" + quoted(s.cron);
  static const char* units[] = {"minute", "hour", "day"};
  if (s.kind == Schedule::Kind::Rate) attrs += fmt::format(" rate={}{}", s.rateValue, units[int(s.rateUnit)]);
  if (!s.kickoffInput.empty()) attrs += " kickoff=" + s.kickoffInput;
  static const char* channels[] = {"email", "slack", "pagerduty"};
  for (const auto& n : lp.notifications) {
    attrs += fmt::format(" notify={}(", channels[int(n.channel)]);
    for (size_t i = 0; i < n.phases.size(); ++i) attrs += (i ? "," : "") + n.phases[i];
    attrs += ":";
    for (size_t i = 0; i < n.recipients.size(); ++i) attrs += (i ? "," : "") + quoted(n.recipients[i]);
    attrs += ")";
  }
  if (!lp.labels.empty()) attrs += " labels={" + pairs(lp.labels) + "}";
  if (!lp.annotations.empty()) attrs += " annotations={" + pairs(lp.annotations) + "}";
  return fmt::format("launch_plan @{}{} {{{} }}\n", lp.name, signature(lp.interface), attrs);
}

std::string print(const Module& m) {
  std::string out;
  for (const auto& t : m.tasks) out += print(t);
  for (const auto& mt : m.mapTasks) out += print(mt);
  for (const auto& w : m.workflows) out += print(w);
  for (const auto& lp : m.launchPlans) out += print(lp);
  return out;
}

}  // namespace flytecc::ir
