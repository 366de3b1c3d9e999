#include "flyteidl/Lowering.h"

#include <algorithm>

#include "flyteidl/Dataclass.h"
#include "flyteidl/TaskContract.h"
#include "flyteidl/UnionTags.h"
#include "ir/Rules.h"

namespace flytecc::idl {
using namespace flytecc::ir;
namespace core = ::flyteidl::core;

static void lowerSimple(Simple s, core::LiteralType* out) {
  switch (s) {
    case Simple::None: out->set_simple(core::NONE); return;
    case Simple::Integer: out->set_simple(core::INTEGER); return;
    case Simple::Float: out->set_simple(core::FLOAT); return;
    case Simple::String: out->set_simple(core::STRING); return;
    case Simple::Boolean: out->set_simple(core::BOOLEAN); return;
    case Simple::Datetime: out->set_simple(core::DATETIME); return;
    case Simple::Duration: out->set_simple(core::DURATION); return;
  }
}

// flytekit tags union variants with its transformers' names; the backend matches variants by tag.
static std::string unionTag(const Type& t) {
  using namespace flytecc::uniontag;
  switch (t.kind) {
    case Type::Kind::Collection: return std::string(kList);
    case Type::Kind::Map: return std::string(kMap);
    case Type::Kind::Blob: return std::string(t.multipart ? kDirectory : kFile);
    case Type::Kind::Union: return t.str();
    case Type::Kind::Enum: return std::string(kEnum);
    case Type::Kind::Struct: return std::string(kDataclass);
    case Type::Kind::Simple: break;
  }
  switch (t.simple) {
    case Simple::None: return std::string(kNone);
    case Simple::Integer: return std::string(kInteger);
    case Simple::Float: return std::string(kFloat);
    case Simple::String: return std::string(kString);
    case Simple::Boolean: return std::string(kBoolean);
    case Simple::Datetime: return std::string(kDatetime);
    case Simple::Duration: return std::string(kDuration);
  }
  return t.str();
}

core::LiteralType lowerType(const Type& t) {
  core::LiteralType out;
  switch (t.kind) {
    case Type::Kind::Simple: lowerSimple(t.simple, &out); break;
    case Type::Kind::Collection: *out.mutable_collection_type() = lowerType(t.element()); break;
    case Type::Kind::Map: *out.mutable_map_value_type() = lowerType(t.element()); break;
    case Type::Kind::Blob:
      out.mutable_blob()->set_dimensionality(t.multipart ? core::BlobType::MULTIPART : core::BlobType::SINGLE);
      break;
    case Type::Kind::Enum:
      for (const auto& v : t.values) out.mutable_enum_type()->add_values(v);
      break;
    case Type::Kind::Union:
      for (const auto& v : t.children) {
        auto* variant = out.mutable_union_type()->add_variants();
        *variant = lowerType(v);
        variant->mutable_structure()->clear_dataclass_type();  // a dataclass variant has only its tag
        variant->mutable_structure()->set_tag(unionTag(v));
      }
      break;
    case Type::Kind::Struct: {  // flytekit's dataclass: STRUCT, mashumaro's schema, msgpack, the fields' types
      out.set_simple(core::STRUCT);
      *out.mutable_metadata() = dataclassSchema(t);
      auto& annotation = *out.mutable_annotation()->mutable_annotations()->mutable_fields();
      annotation["cache-key-metadata"].mutable_struct_value()->mutable_fields()->insert(
          {"serialization-format", [] {
             google::protobuf::Value v;
             v.set_string_value(std::string(kMsgpackTag));
             return v;
           }()});
      auto& fields = *out.mutable_structure()->mutable_dataclass_type();
      for (size_t i = 0; i < t.values.size(); ++i) fields[t.values[i]] = lowerType(t.children[i]);
      break;
    }
  }
  return out;
}

core::Literal lowerLiteral(const Literal& v, const Type& type) {
  core::Literal out;
  if (type.kind == Type::Kind::Union) {
    for (const auto& variant : type.children) {
      if (!literalFits(v, variant)) continue;
      auto* u = out.mutable_scalar()->mutable_union_();
      *u->mutable_value() = lowerLiteral(v, variant);
      *u->mutable_type() = lowerType(variant);
      u->mutable_type()->mutable_structure()->clear_dataclass_type();
      u->mutable_type()->mutable_structure()->set_tag(unionTag(variant));
      return out;
    }
  }
  auto prim = [&] { return out.mutable_scalar()->mutable_primitive(); };
  switch (v.kind) {
    case Literal::Kind::Integer: prim()->set_integer(v.integer); break;
    case Literal::Kind::Float: prim()->set_float_value(v.real); break;
    case Literal::Kind::String: prim()->set_string_value(v.string); break;
    case Literal::Kind::Boolean: prim()->set_boolean(v.boolean); break;
    case Literal::Kind::Duration:
      prim()->mutable_duration()->set_seconds(v.integer / 1000000000);
      prim()->mutable_duration()->set_nanos(static_cast<int>(v.integer % 1000000000));
      break;
    case Literal::Kind::None: out.mutable_scalar()->mutable_none_type(); break;
    case Literal::Kind::Datetime: {  // google.protobuf.Timestamp: nanos are never negative
      std::int64_t s = v.integer / 1000000000, n = v.integer % 1000000000;
      if (n < 0) {
        --s;
        n += 1000000000;
      }
      prim()->mutable_datetime()->set_seconds(s);
      prim()->mutable_datetime()->set_nanos(static_cast<int>(n));
      break;
    }
    case Literal::Kind::Blob: {  // as flytekit writes a FlyteFile / FlyteDirectory: no format, the URI
      auto* b = out.mutable_scalar()->mutable_blob();
      b->mutable_metadata()->mutable_type()->set_dimensionality(v.boolean ? core::BlobType::MULTIPART
                                                                          : core::BlobType::SINGLE);
      b->set_uri(v.string);
      break;
    }
    case Literal::Kind::Collection: {
      auto* c = out.mutable_collection();
      const Type item = type.kind == Type::Kind::Collection ? type.element() : Type::of(Simple::None);
      for (const auto& i : v.items) *c->add_literals() = lowerLiteral(i, item);
      break;
    }
    case Literal::Kind::Map: {
      auto* m = out.mutable_map()->mutable_literals();
      const Type item = type.kind == Type::Kind::Map ? type.element() : Type::of(Simple::None);
      for (const auto& [k, i] : v.entries) (*m)[k] = lowerLiteral(i, item);
      break;
    }
    case Literal::Kind::Struct: {
      auto* b = out.mutable_scalar()->mutable_binary();
      b->set_value(packStruct(v, type));
      b->set_tag(std::string(kMsgpackTag));
      break;
    }
  }
  return out;
}

static core::VariableMap lowerVars(const std::vector<Variable>& vars) {
  core::VariableMap out;
  for (const auto& v : vars) {
    core::Variable& var = (*out.mutable_variables())[v.name];
    *var.mutable_type() = lowerType(v.type);
    var.set_description(v.name);
  }
  return out;
}

static core::TypedInterface lowerInterface(const Interface& iface) {
  core::TypedInterface out;
  *out.mutable_inputs() = lowerVars(iface.inputs);
  *out.mutable_outputs() = lowerVars(iface.outputs);
  return out;
}

static core::Identifier identifier(core::ResourceType type, const std::string& name) {
  core::Identifier id;
  id.set_resource_type(type);
  id.set_name(name);
  return id;
}

// A reference's own identifier, or a local entity's (project, domain and version filled in by packaging).
static core::Identifier identifier(core::ResourceType type, const std::string& name,
                                   const std::optional<EntityRef>& reference) {
  if (!reference) return identifier(type, name);
  core::Identifier id = identifier(type, reference->name);
  id.set_project(reference->project);
  id.set_domain(reference->domain);
  id.set_version(reference->version);
  return id;
}

static void lowerMetadata(const Metadata& m, const LoweringOptions& o, core::TaskMetadata* out) {
  auto* rt = out->mutable_runtime();
  rt->set_type(core::RuntimeMetadata::FLYTE_SDK);
  rt->set_version(o.sdkVersion);
  rt->set_flavor("cpp");
  out->mutable_retries()->set_retries(m.retries);
  out->set_discoverable(m.cache);
  if (m.cache) out->set_discovery_version(m.cacheVersion);
  out->set_cache_serializable(m.cacheSerialize);
  if (m.timeoutSeconds > 0) out->mutable_timeout()->set_seconds(m.timeoutSeconds);
  if (m.interruptible) out->set_interruptible(true);
  out->mutable_generates_deck()->set_value(false);
  out->mutable_metadata();
}

static void lowerResources(const Resources& r, google::protobuf::RepeatedPtrField<core::Resources::ResourceEntry>* out) {
  auto add = [&](core::Resources::ResourceName name, const std::string& value) {
    if (value.empty()) return;
    auto* e = out->Add();
    e->set_name(name);
    e->set_value(value);
  };
  // flytekit's order.
  add(core::Resources::CPU, r.cpu);
  add(core::Resources::MEMORY, r.mem);
  add(core::Resources::GPU, r.gpu);
  add(core::Resources::EPHEMERAL_STORAGE, r.ephemeralStorage);
}

// Flyte fills these placeholders at run time (docs/task-contract.md).
static void runtimeArgs(core::Container* c) {
  using namespace contract;
  for (std::string_view a : {kInputsArg, kInputTemplate, kOutputPrefixArg, kOutputPrefixTemplate,
                             kRawOutputDataPrefixArg, kRawOutputDataPrefixTemplate, kCheckpointPathArg,
                             kCheckpointOutputPrefixTemplate, kPrevCheckpointArg, kPrevCheckpointPrefixTemplate})
    c->add_args(std::string(a));
}

static core::TaskTemplate containerTask(const std::string& name, const Interface& iface, const Metadata& md,
                                        const Task& runs, const LoweringOptions& o) {
  core::TaskTemplate t;
  *t.mutable_id() = identifier(core::TASK, name);
  t.set_type("container");
  lowerMetadata(md, o, t.mutable_metadata());
  *t.mutable_interface() = lowerInterface(iface);
  auto* c = t.mutable_container();
  c->set_image(runs.image.empty() ? o.image : runs.image);
  c->add_args(o.taskExecutable);
  runtimeArgs(c);
  auto* res = c->mutable_resources();
  lowerResources(runs.requests, res->mutable_requests());
  lowerResources(runs.limits, res->mutable_limits());
  for (const auto& e : runs.environment) {
    auto* kv = c->add_env();
    kv->set_key(e.key);
    kv->set_value(e.value);
  }
  for (const auto& s : runs.secrets) {
    auto* out = t.mutable_security_context()->add_secrets();
    out->set_group(s.group);
    out->set_key(s.key);
    if (s.mount == Secret::Mount::EnvVar) out->set_mount_requirement(core::Secret::ENV_VAR);
    if (s.mount == Secret::Mount::File) out->set_mount_requirement(core::Secret::FILE);
    if (!s.envVar.empty()) out->set_env_var(s.envVar);
  }
  return t;
}

core::TaskTemplate lowerTask(const Task& task, const LoweringOptions& o) {
  core::TaskTemplate t = containerTask(task.name, task.interface, task.metadata, task, o);
  auto* c = t.mutable_container();
  c->add_args(std::string(contract::kTaskArg));
  if (task.chain.empty()) {
    c->add_args(task.name);
    return t;
  }
  // A fused task chain (passes/TaskChainFusion.cpp): the first task, then each further one with its feeds.
  c->add_args(task.chain.front().task);
  for (size_t i = 1; i < task.chain.size(); ++i) {
    std::string value = task.chain[i].task + contract::kChainSeparator;
    for (size_t k = 0; k < task.chain[i].feeds.size(); ++k) {
      const ChainFeed& f = task.chain[i].feeds[k];
      if (k) value += contract::kChainFeedSeparator;
      value += f.input + contract::kChainFeedAssign +
               std::string(f.fromPrevious ? contract::kChainFromOutput : contract::kChainFromInput) + f.source;
    }
    c->add_args(std::string(contract::kChainArg));
    c->add_args(value);
  }
  return t;
}

bool hasTemplate(const MapTask& map, const Module& module) {
  if (map.overLaunchPlan) return false;
  const Task* t = module.findTask(map.task);
  return !(t && t->reference);
}

core::TaskTemplate lowerMapTask(const MapTask& map, const Module& module, const LoweringOptions& o) {
  const Task* task = module.findTask(map.task);
  Task runs = task ? *task : Task{};
  // A fused map item runs every task of the chain in one container: it asks for the larger of each resource.
  for (const auto& step : map.then)
    if (const Task* next = module.findTask(step.task)) {
      if (auto r = largerResources(runs.requests, next->requests)) runs.requests = *r;
      if (auto l = largerResources(runs.limits, next->limits)) runs.limits = *l;
    }
  core::TaskTemplate t = containerTask(map.name, map.interface, map.metadata, runs, o);
  t.set_task_type_version(1);
  auto* c = t.mutable_container();
  c->add_args(std::string(contract::kTaskArg));
  c->add_args(map.task);
  // Each item reads element FLYTE_K8S_ARRAY_INDEX of every input that is not bound.
  std::string bound;
  for (const auto& b : map.boundInputs) bound += (bound.empty() ? "" : ",") + b;
  c->add_args(std::string(contract::kMapBoundInputsArg));
  c->add_args(bound);
  for (const auto& step : map.then) {
    c->add_args(std::string(contract::kThenArg));
    c->add_args(step.task + contract::kThenSeparator + step.input);
  }
  return t;
}

static void lowerBindingValue(const BindingValue& b, const Type* type, core::BindingData* out) {
  switch (b.kind) {
    case BindingValue::Kind::Literal:
      *out->mutable_scalar() = lowerLiteral(b.literal, type ? *type : Type::of(Simple::None)).scalar();
      if (b.literal.kind == Literal::Kind::Collection || b.literal.kind == Literal::Kind::Map) {
        // Lists and maps of constants are bound item by item, as flytekit does.
        out->Clear();
        if (b.literal.kind == Literal::Kind::Collection) {
          const Type* item = type && type->kind == Type::Kind::Collection ? &type->element() : nullptr;
          for (const auto& i : b.literal.items)
            lowerBindingValue(BindingValue::constant(i), item, out->mutable_collection()->add_bindings());
        } else {
          const Type* item = type && type->kind == Type::Kind::Map ? &type->element() : nullptr;
          for (const auto& [k, i] : b.literal.entries)
            lowerBindingValue(BindingValue::constant(i), item, &(*out->mutable_map()->mutable_bindings())[k]);
        }
      }
      return;
    case BindingValue::Kind::Promise:
      out->mutable_promise()->set_node_id(b.nodeId);
      out->mutable_promise()->set_var(b.var);
      return;
    case BindingValue::Kind::Collection: {
      const Type* item = type && type->kind == Type::Kind::Collection ? &type->element() : nullptr;
      for (const auto& i : b.items) lowerBindingValue(i, item, out->mutable_collection()->add_bindings());
      return;
    }
  }
}

static void lowerBindings(const std::vector<Binding>& bindings, const Interface* iface,
                          google::protobuf::RepeatedPtrField<core::Binding>* out) {
  for (const auto& b : bindings) {
    auto* o = out->Add();
    o->set_var(b.var);
    const Variable* v = iface ? iface->findInput(b.var) : nullptr;
    if (!v && iface) v = iface->findOutput(b.var);
    lowerBindingValue(b.value, v ? &v->type : nullptr, o->mutable_binding());
  }
}

// flytekit's node metadata: the target's retries, timeout and interruptible (a task's, or a map task's on the
// ArrayNode's sub-node), `interruptible: false` on sub-workflow nodes, then the node's overrides.
static void lowerNodeMetadata(const std::string& name, const Metadata* base, bool workflowNode,
                              const NodeOverrides& o, core::NodeMetadata* out) {
  out->set_name(name);
  std::int64_t timeout = o.timeoutSeconds.value_or(base ? base->timeoutSeconds : 0);
  if (timeout > 0) out->mutable_timeout()->set_seconds(timeout);
  std::uint32_t retries = o.retries.value_or(base ? base->retries : 0);
  out->mutable_retries();
  if (retries) out->mutable_retries()->set_retries(retries);
  if (o.interruptible)
    out->set_interruptible(*o.interruptible);
  else if (base && base->interruptible)
    out->set_interruptible(true);
  else if (workflowNode)
    out->set_interruptible(false);
  if (o.cache) {
    out->set_cacheable(*o.cache);
    if (*o.cache && !o.cacheVersion.empty()) out->set_cache_version(o.cacheVersion);
    if (o.cacheSerialize) out->set_cache_serializable(true);
  }
}

core::WorkflowTemplate lowerWorkflow(const Workflow& w, const Module& module) {
  core::WorkflowTemplate t;
  *t.mutable_id() = identifier(core::WORKFLOW, w.name);
  t.mutable_metadata();
  *t.mutable_interface() = lowerInterface(w.interface);
  for (const auto& n : w.nodes) {
    const Interface* iface = module.targetInterface(n.kind, n.target);
    core::Node* node = t.add_nodes();
    node->set_id(n.id);
    const Task* task = n.kind == Node::Kind::Task ? module.findTask(n.target) : nullptr;
    if (n.kind == Node::Kind::Array)  // the overrides belong to the sub-node
      lowerNodeMetadata(n.target, nullptr, false, {}, node->mutable_metadata());
    else {
      // flytekit writes `interruptible: false` on sub-workflow and launch-plan nodes, not on reference ones.
      const LaunchPlan* lp = n.kind == Node::Kind::LaunchPlan ? module.findLaunchPlan(n.target) : nullptr;
      bool workflowNode = n.kind == Node::Kind::Workflow || (lp && !lp->reference);
      lowerNodeMetadata(n.displayName, task ? &task->metadata : nullptr, workflowNode, n.overrideMetadata,
                        node->mutable_metadata());
    }
    lowerBindings(n.inputs, iface, node->mutable_inputs());
    for (const auto& up : n.upstream) node->add_upstream_node_ids(up);
    auto overrides = [&](core::TaskNodeOverrides* o) {
      lowerResources(n.overrideRequests, o->mutable_resources()->mutable_requests());
      lowerResources(n.overrideLimits, o->mutable_resources()->mutable_limits());
      if (n.overrideRequests.empty() && n.overrideLimits.empty()) o->clear_resources();
      if (!n.overrideImage.empty()) o->set_container_image(n.overrideImage);
      if (!n.overrideAccelerator.empty())
        o->mutable_extended_resources()->mutable_gpu_accelerator()->set_device(n.overrideAccelerator);
      if (!n.overrideSharedMemory.empty()) {  // flytekit's SharedMemory defaults
        auto* shm = o->mutable_extended_resources()->mutable_shared_memory();
        shm->set_mount_path("/dev/shm");
        shm->set_mount_name("flyte-shared-memory");
        shm->set_size_limit(n.overrideSharedMemory);
      }
    };
    switch (n.kind) {
      case Node::Kind::Task: {
        auto* tn = node->mutable_task_node();
        *tn->mutable_reference_id() = identifier(core::TASK, n.target, task ? task->reference : std::nullopt);
        if (!task || !task->reference) overrides(tn->mutable_overrides());  // flytekit: none on references
        break;
      }
      case Node::Kind::Workflow:
        *node->mutable_workflow_node()->mutable_sub_workflow_ref() = identifier(core::WORKFLOW, n.target);
        break;
      case Node::Kind::LaunchPlan: {
        const LaunchPlan* lp = module.findLaunchPlan(n.target);
        *node->mutable_workflow_node()->mutable_launchplan_ref() =
            identifier(core::LAUNCH_PLAN, n.target, lp ? lp->reference : std::nullopt);
        break;
      }
      case Node::Kind::Array: {
        const MapTask* map = module.findMapTask(n.target);
        const Task* mappedTask = map && !map->overLaunchPlan ? module.findTask(map->task) : nullptr;
        if (map && (map->overLaunchPlan || (mappedTask && mappedTask->reference))) {
          // flytekit 1.16's ArrayNode over a launch plan or a reference task: no map-task template; the sub-node,
          // named after the entity, runs it once per item.
          node->mutable_metadata()->set_name(map->task);
          auto* an = node->mutable_array_node();
          core::Node* sub = an->mutable_node();
          sub->set_id(dnsify(map->task));
          lowerNodeMetadata(map->task, nullptr, false, n.overrideMetadata, sub->mutable_metadata());
          lowerBindings(n.inputs, iface, sub->mutable_inputs());
          if (map->overLaunchPlan) {
            const LaunchPlan* lp = module.findLaunchPlan(map->task);
            *sub->mutable_workflow_node()->mutable_launchplan_ref() =
                identifier(core::LAUNCH_PLAN, map->task, lp ? lp->reference : std::nullopt);
            an->set_execution_mode(core::ArrayNode::FULL_STATE);
          } else {
            *sub->mutable_task_node()->mutable_reference_id() = identifier(core::TASK, map->task, mappedTask->reference);
            an->set_data_mode(core::ArrayNode::INDIVIDUAL_INPUT_FILES);
          }
          if (map->concurrency) an->set_parallelism(*map->concurrency);
          if (map->minSuccesses)
            an->set_min_successes(*map->minSuccesses);
          else
            an->set_min_success_ratio(static_cast<float>(map->minSuccessRatio.value_or(1.0)));
          an->mutable_is_original_sub_node_interface()->set_value(true);
          break;
        }
        auto* an = node->mutable_array_node();
        // The sub-node runs the map task once per item, with the parent's bindings.
        core::Node* sub = an->mutable_node();
        sub->set_id(n.target);
        lowerNodeMetadata(n.displayName, map ? &map->metadata : nullptr, false, n.overrideMetadata,
                          sub->mutable_metadata());
        lowerBindings(n.inputs, iface, sub->mutable_inputs());
        auto* tn = sub->mutable_task_node();
        *tn->mutable_reference_id() = identifier(core::TASK, n.target);
        overrides(tn->mutable_overrides());
        if (map) {
          if (map->concurrency) an->set_parallelism(*map->concurrency);
          if (map->minSuccesses)
            an->set_min_successes(*map->minSuccesses);
          else
            an->set_min_success_ratio(static_cast<float>(map->minSuccessRatio.value_or(1.0)));
          for (const auto& b : map->boundInputs) an->add_bound_inputs(b);
        }
        an->set_execution_mode(core::ArrayNode::MINIMAL_STATE);
        an->mutable_is_original_sub_node_interface()->set_value(false);
        an->set_data_mode(core::ArrayNode::SINGLE_INPUT_FILE);
        break;
      }
    }
  }
  lowerBindings(w.outputs, &w.interface, t.mutable_outputs());
  t.mutable_metadata_defaults();
  return t;
}

flyteidl::admin::LaunchPlan lowerLaunchPlan(const Workflow& w) {
  LaunchPlan named;
  named.name = w.name;
  named.workflow = w.name;
  named.interface = w.interface;
  return lowerLaunchPlan(named, w);
}

static void lowerSchedule(const Schedule& s, flyteidl::admin::Schedule* out) {
  if (!s.kickoffInput.empty()) out->set_kickoff_time_input_arg(s.kickoffInput);
  if (s.kind == Schedule::Kind::Cron) out->mutable_cron_schedule()->set_schedule(s.cron);
  if (s.kind == Schedule::Kind::Rate) {
    out->mutable_rate()->set_value(s.rateValue);
    out->mutable_rate()->set_unit(s.rateUnit == Schedule::Unit::Day    ? flyteidl::admin::DAY
                                  : s.rateUnit == Schedule::Unit::Hour ? flyteidl::admin::HOUR
                                                                       : flyteidl::admin::MINUTE);
  }
}

static void lowerNotification(const Notification& n, flyteidl::admin::Notification* out) {
  for (const auto& phase : n.phases) {
    core::WorkflowExecution::Phase p;
    if (core::WorkflowExecution::Phase_Parse(phase, &p)) out->add_phases(p);
  }
  google::protobuf::RepeatedPtrField<std::string>* recipients =
      n.channel == Notification::Channel::Email ? out->mutable_email()->mutable_recipients_email()
      : n.channel == Notification::Channel::Slack ? out->mutable_slack()->mutable_recipients_email()
                                                  : out->mutable_pager_duty()->mutable_recipients_email();
  for (const auto& r : n.recipients) *recipients->Add() = r;
}

flyteidl::admin::LaunchPlan lowerLaunchPlan(const LaunchPlan& named, const Workflow& w) {
  flyteidl::admin::LaunchPlan lp;
  *lp.mutable_id() = identifier(core::LAUNCH_PLAN, named.name);
  auto* spec = lp.mutable_spec();
  *spec->mutable_workflow_id() = identifier(core::WORKFLOW, w.name);
  auto* em = spec->mutable_entity_metadata();
  if (named.schedule.kind != Schedule::Kind::None) lowerSchedule(named.schedule, em->mutable_schedule());
  for (const auto& n : named.notifications) lowerNotification(n, em->add_notifications());
  auto* params = spec->mutable_default_inputs()->mutable_parameters();
  for (const auto& v : launchPlanInterface(w, named).inputs) {
    core::Parameter& p = (*params)[v.name];
    *p.mutable_var()->mutable_type() = lowerType(v.type);
    p.mutable_var()->set_description(v.name);
    if (v.defaultValue && v.defaultValue->kind == Literal::Kind::None)
      p.mutable_default_()->mutable_scalar()->mutable_none_type();  // flytekit: a bare none, not a union
    else if (v.defaultValue)
      *p.mutable_default_() = lowerLiteral(*v.defaultValue, v.type);
    else
      p.set_required(true);
  }
  auto* fixed = spec->mutable_fixed_inputs()->mutable_literals();
  for (const auto& f : named.fixed)
    if (const Variable* in = w.interface.findInput(f.name)) (*fixed)[f.name] = lowerLiteral(f.value, in->type);
  auto* labels = spec->mutable_labels()->mutable_values();
  for (const auto& [k, v] : named.labels) (*labels)[k] = v;
  auto* annotations = spec->mutable_annotations()->mutable_values();
  for (const auto& [k, v] : named.annotations) (*annotations)[k] = v;
  spec->mutable_raw_output_data_config();
  lp.mutable_closure()->mutable_expected_inputs();
  lp.mutable_closure()->mutable_expected_outputs();
  return lp;
}

}  // namespace flytecc::idl
