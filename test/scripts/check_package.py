#!/usr/bin/env python3
"""Reads a registration package the way flytectl would, with an independent decoder.

Every file is decoded by `protoc --decode` with the official .proto files, then checked:
file names and numbering ({index}_{name}_{k}.pb, index zero-padded to ceil(log10(N)) digits), the
message type each suffix promises, that every referenced entity was registered earlier, what
flyteadmin requires of tasks, that node bindings type-check under Flyte's rules, and that launch-plan
defaults have the types of their variables.
Usage: check_package.py PROTOC PROTO_ROOT PACKAGE.tgz
"""
import ast
import math
import re
import subprocess
import sys
import tarfile

KINDS = {"1": ("flyteidl.admin.TaskSpec", "flyteidl/admin/task.proto"),
         "2": ("flyteidl.admin.WorkflowSpec", "flyteidl/admin/workflow.proto"),
         "3": ("flyteidl.admin.LaunchPlan", "flyteidl/admin/launch_plan.proto")}


def parse_text(text):
    """Protobuf text format -> {field: [values]}; messages are dicts, scalars strings/ints."""
    root, stack = {}, []
    cur = root
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line == "}":
            cur = stack.pop()
            continue
        if line.endswith("{"):
            name = line[:-1].strip()
            child = {}
            cur.setdefault(name, []).append(child)
            stack.append(cur)
            cur = child
            continue
        name, _, value = line.partition(":")
        value = value.strip()
        if value.startswith('"'):
            value = ast.literal_eval("b" + value).decode("utf-8")
        cur.setdefault(name.strip(), []).append(value)
    return root


def one(msg, *path, default=None):
    for p in path:
        if not isinstance(msg, dict) or p not in msg:
            return default
        msg = msg[p][0]
    return msg


def type_str(t):
    if t is None:
        return "?"
    if "simple" in t:
        return t["simple"][0]
    if "collection_type" in t:
        return "[" + type_str(t["collection_type"][0]) + "]"
    if "map_value_type" in t:
        return "{" + type_str(t["map_value_type"][0]) + "}"
    if "union_type" in t:
        return "union<" + ",".join(type_str(v) for v in t["union_type"][0].get("variants", [])) + ">"
    if "blob" in t:
        return "blob"
    return "?"


def castable(up, down):
    """flytepropeller's AreTypesCastable, for the types flytecc emits."""
    if "union_type" in down:
        variants = down["union_type"][0].get("variants", [])
        if "union_type" in up:
            return all(castable(v, down) for v in up["union_type"][0].get("variants", []))
        return sum(1 for v in variants if castable(up, v)) == 1
    if "simple" in up and "simple" in down:
        return up["simple"][0] == down["simple"][0]
    if "collection_type" in up and "collection_type" in down:
        inner = up["collection_type"][0]
        return inner.get("simple", [""])[0] == "NONE" or castable(inner, down["collection_type"][0])
    if "map_value_type" in up and "map_value_type" in down:
        return castable(up["map_value_type"][0], down["map_value_type"][0])
    if "blob" in up and "blob" in down:
        return one(up, "blob", "dimensionality", default="SINGLE") == one(down, "blob", "dimensionality", default="SINGLE")
    return False


def literal_fits(lit, t):
    if "union_type" in t:
        if "scalar" in lit and "union" in lit["scalar"][0]:
            return literal_fits(lit["scalar"][0]["union"][0]["value"][0], one(lit, "scalar", "union", "type"))
        return any(literal_fits(lit, v) for v in t["union_type"][0].get("variants", []))
    if "collection" in lit:
        items = lit["collection"][0].get("literals", [])
        return "collection_type" in t and all(literal_fits(i, t["collection_type"][0]) for i in items)
    if "map" in lit:
        entries = lit["map"][0].get("literals", [])
        return "map_value_type" in t and all(literal_fits(e["value"][0], t["map_value_type"][0]) for e in entries)
    prim = one(lit, "scalar", "primitive")
    simple = t.get("simple", [None])[0]
    if prim is not None:
        want = {"integer": "INTEGER", "float_value": "FLOAT", "string_value": "STRING", "boolean": "BOOLEAN",
                "datetime": "DATETIME", "duration": "DURATION"}
        return any(want.get(k) == simple for k in prim)
    if one(lit, "scalar", "none_type") is not None:
        return simple == "NONE"
    return False


def variables(iface, side):
    out = {}
    for entry in one(iface, side, default={}).get("variables", []):
        out[entry["key"][0]] = one(entry, "value", "type")
    return out


def main():
    protoc, root, path = sys.argv[1:4]
    problems, checked = [], 0
    with tarfile.open(path) as tar:
        members = tar.getmembers()
        names = [m.name for m in members]
        n = len(names)
        width = 1 if n <= 1 else math.ceil(math.log10(n))
        registered = {"1": {}, "2": {}, "3": {}}  # kind -> name -> index
        references = set()  # reference entities the nodes name (not in the package)
        interfaces = {}  # task/workflow name -> template interface
        entries = []
        for m in members:
            if not m.isfile():
                problems.append(f"{m.name}: not a regular file (flytectl refuses the archive)")
                continue
            match = re.fullmatch(r"(\d+)_(.+)_([123])\.pb", m.name)
            if not match:
                problems.append(f"{m.name}: not named {{index}}_{{name}}_{{k}}.pb")
                continue
            index, name, kind = match.groups()
            if len(index) != width:
                problems.append(f"{m.name}: index not zero-padded to {width} digits")
            data = tar.extractfile(m).read()
            message, proto = KINDS[kind]
            r = subprocess.run([protoc, f"-I{root}", f"--decode={message}", proto], input=data, capture_output=True)
            if r.returncode != 0:
                problems.append(f"{m.name}: does not decode as {message}: {r.stderr.decode().strip()}")
                continue
            entries.append((int(index), name, kind, parse_text(r.stdout.decode()), m.name))
        if sorted(e[0] for e in entries) != list(range(len(entries))):
            problems.append("indices are not 0..N-1, each once")

    for index, name, kind, msg, where in sorted(entries, key=lambda e: e[0]):
        checked += 1
        if kind in ("1", "2"):
            tmpl = one(msg, "template", default={})
            rtype = one(tmpl, "id", "resource_type")
            if rtype != {"1": "TASK", "2": "WORKFLOW"}[kind] or one(tmpl, "id", "name") != name:
                problems.append(f"{where}: template id is {rtype} {one(tmpl, 'id', 'name')}")
            interfaces[name] = one(tmpl, "interface", default={})
        if kind == "1":
            if not one(tmpl, "type"):
                problems.append(f"{where}: task type is empty")
            if one(tmpl, "metadata") is None or one(tmpl, "interface") is None:
                problems.append(f"{where}: task metadata or interface missing")
            if not one(tmpl, "container", "image"):
                problems.append(f"{where}: container without image")
        if kind == "2":
            wf_inputs = variables(interfaces[name], "inputs")
            node_targets = {}
            for node in tmpl.get("nodes", []):
                sub = one(node, "array_node", "node", default=node)
                ref = one(sub, "task_node", "reference_id") or one(sub, "workflow_node", "sub_workflow_ref") or \
                    one(sub, "workflow_node", "launchplan_ref") or {}
                target = one(ref, "name")
                ref_kind = "3" if one(sub, "workflow_node", "launchplan_ref") is not None else \
                    "2" if one(sub, "workflow_node") is not None else "1"
                version = one(ref, "version", default="")
                if target not in registered[ref_kind] and version and "{{" not in version:
                    # A reference entity: registered elsewhere under its own project, domain and version.
                    references.add(f"{one(ref, 'project')}/{one(ref, 'domain')}/{target}:{version}")
                    continue
                if target not in registered[ref_kind]:
                    problems.append(f"{where}: node {one(node, 'id')} references {target}, not registered before it")
                    continue
                if one(node, "array_node") is not None and ref_kind == "1" and target in registered["1"] and \
                        not target.endswith("-arraynode"):
                    problems.append(f"{where}: node {one(node, 'id')} maps {target}, which is no map task")
                if ref_kind == "3":
                    if one(node, "array_node") is None:
                        node_targets[one(node, "id")] = target
                    continue  # launch plans: bindings checked against lp_inputs below
                node_targets[one(node, "id")] = target
                target_inputs = variables(interfaces.get(target, {}), "inputs")
                bindings = node.get("inputs", [])
                bound = [one(b, "var") for b in bindings]
                for var in target_inputs:
                    if var not in bound:
                        problems.append(f"{where}: Parameter not bound [{var}] on node {one(node, 'id')}")
                for b in bindings:
                    var = one(b, "var")
                    want = target_inputs.get(var)
                    promise = one(b, "binding", "promise")
                    if want is None:
                        problems.append(f"{where}: Variable [{var}] not found on node [{one(node, 'id')}].")
                    elif promise is not None:
                        src = one(promise, "node_id", default="")
                        have = wf_inputs.get(one(promise, "var")) if not src else \
                            variables(interfaces.get(node_targets.get(src), {}), "outputs").get(one(promise, "var"))
                        if have is None or not castable(have, want):
                            problems.append(f"{where}: {var}: {type_str(have)} cannot be bound to {type_str(want)}")
        if kind == "3":
            wf = one(msg, "spec", "workflow_id", "name")
            if one(msg, "id", "resource_type") != "LAUNCH_PLAN" or one(msg, "id", "name") != name:
                problems.append(f"{where}: launch plan id is wrong")
            if wf not in registered["2"]:
                problems.append(f"{where}: launch plan of {wf}, which is not registered before it")
            wf_inputs = variables(interfaces.get(wf, {}), "inputs")
            interfaces[name] = interfaces.get(wf, {})  # a launch-plan node's outputs are its workflow's
            fixed = one(msg, "spec", "fixed_inputs", default={})
            fixed = fixed.get("literals", []) if isinstance(fixed, dict) else []
            for f in fixed:
                fname = one(f, "key")
                if fname not in wf_inputs:
                    problems.append(f"{where}: fixed input {fname} is not an input of {wf}")
                elif not literal_fits(one(f, "value"), wf_inputs[fname]):
                    problems.append(f"{where}: fixed input {fname} is not a {type_str(wf_inputs[fname])}")
                elif any(one(p, "key") == fname for p in one(msg, "spec", "default_inputs", default={}).get("parameters", [])):
                    problems.append(f"{where}: {fname} is both fixed and a parameter")
            for p in one(msg, "spec", "default_inputs", default={}).get("parameters", []):
                pname = one(p, "key")
                ptype = one(p, "value", "var", "type")
                default = one(p, "value", "default")
                if ptype != wf_inputs.get(pname):
                    problems.append(f"{where}: parameter {pname} does not match the workflow's input")
                if default is not None and not literal_fits(default, ptype):
                    problems.append(f"{where}: default of {pname} is not a {type_str(ptype)}")
                if default is None and one(p, "value", "required") != "true":
                    problems.append(f"{where}: {pname} has neither a default nor required")
        registered[kind][name] = index

    for p in problems:
        print("FAIL", p)
    failed_files = {p.split(":")[0] for p in problems}
    for r in sorted(references):
        print("reference", r)
    print(f"{checked} entities; {checked - len(failed_files & {e[4] for e in entries})} passed, {len(problems)} failed")
    return 1 if problems or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
