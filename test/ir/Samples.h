// Small modules the unit tests share: a flytekit-like task with three inputs, its map task, a workflow.
#pragma once

#include <string>
#include <vector>

#include "ir/Module.h"
#include "ir/Rules.h"

namespace flytecc::ir::samples {

inline Task multiInputTask() {
  Task t;
  t.name = "advanced_composition.map_task.multi_input_task";
  t.interface.inputs = {{"quantity", Type::of(Simple::Integer), {}},
                        {"price", Type::of(Simple::Float), {}},
                        {"shipping", Type::of(Simple::Float), {}}};
  t.interface.outputs = {{"o0", Type::of(Simple::Float), {}}};
  return t;
}

inline MapTask mapOf(const Task& t, std::vector<std::string> bound) {
  MapTask m;
  m.task = t.name;
  m.boundInputs = std::move(bound);
  m.metadata = t.metadata;
  m.interface = mapTaskInterface(t.interface, m.boundInputs, mapItemsMayFail(m.minSuccessRatio, m.minSuccesses));
  m.name = mapTaskName(t, m);
  return m;
}

// A module with one task, its map task over `quantity`, and a workflow mapping it.
inline Module sample() {
  Module mod;
  mod.tasks.push_back(multiInputTask());
  mod.mapTasks.push_back(mapOf(mod.tasks[0], {"price", "shipping"}));
  Workflow w;
  w.name = "pkg.wf";
  w.interface.inputs = {{"qs", Type::list(Type::of(Simple::Integer)), Literal::list({Literal::ofInt(1)})},
                        {"p", Type::of(Simple::Float), Literal::ofFloat(6)}};
  w.interface.outputs = {{"o0", Type::list(Type::of(Simple::Float)), {}}};
  Node n;
  n.id = "n0";
  n.kind = Node::Kind::Array;
  n.target = mod.mapTasks[0].name;
  n.displayName = n.target;
  n.inputs = {{"price", BindingValue::promise("", "p")},
              {"quantity", BindingValue::promise("", "qs")},
              {"shipping", BindingValue::constant(Literal::ofFloat(7))}};
  w.nodes.push_back(n);
  w.outputs = {{"o0", BindingValue::promise("n0", "o0")}};
  mod.workflows.push_back(w);
  return mod;
}

}  // namespace flytecc::ir::samples
