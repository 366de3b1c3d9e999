#!/usr/bin/env python3
"""Compares flytecc's JSON output with flytekit's for the same workflows, field by field.

Only the differences that docs/flytekit-parity.md lists are normalized away; anything else fails.
Usage: compare_flytekit.py GOLDEN_DIR OUR_JSON_DIR [--except NAME,...]
--except names golden entities (without the module prefix is not enough: the full entity name) that have no C++
twin yet; the test that passes it says why. They are listed as "skip", never compared.
"""
import json
import os
import re
import sys


def normalize_task(t):
    t = json.loads(json.dumps(t))
    # 1. The task type: flytekit's python-task vs our container task (same k8s pod plugin).
    t.pop("type", None)
    # 2. Runtime metadata names the SDK that wrote the task.
    t.get("metadata", {}).pop("runtime", None)
    # 3. Container image and command line: each SDK runs its own task entry point.
    t.get("container", {}).pop("image", None)
    t.get("container", {}).pop("args", None)
    return t


def same(a, b, path, errors):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                errors.append(f"{path}.{k}: missing in flytecc output (flytekit: {json.dumps(b[k])})")
            elif k not in b:
                errors.append(f"{path}.{k}: not in flytekit output (flytecc: {json.dumps(a[k])})")
            else:
                same(a[k], b[k], f"{path}.{k}", errors)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            errors.append(f"{path}: {len(a)} items vs flytekit's {len(b)}")
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{path}[{i}]", errors)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if abs(float(a) - float(b)) > 1e-6 * max(1.0, abs(float(b))):
            errors.append(f"{path}: {a} vs flytekit's {b}")
    elif a != b:
        errors.append(f"{path}: {json.dumps(a)} vs flytekit's {json.dumps(b)}")


def main():
    args = sys.argv[1:]
    skip = set()
    if "--except" in args:
        i = args.index("--except")
        skip = set(filter(None, args[i + 1].split(",")))
        del args[i : i + 2]
    golden_dir, ours_dir = args[0], args[1]
    compared = 0
    failures = 0
    seen = set()
    for fname in sorted(os.listdir(golden_dir)):
        m = re.match(r"^\d+_(.+)_([123])\.json$", fname)
        if not m:
            continue
        name, kind = m.group(1), m.group(2)
        if (name, kind) in seen:  # flytekit writes a map task once per map_task() call
            continue
        seen.add((name, kind))
        if name in skip:
            print(f"skip {fname}")
            continue
        golden = json.load(open(os.path.join(golden_dir, fname)))
        suffix = {"1": "task", "2": "workflow", "3": "launchplan"}[kind]
        ours_path = os.path.join(ours_dir, f"{name}.{suffix}.json")
        if not os.path.exists(ours_path):
            print(f"FAIL {fname}: flytecc wrote no {os.path.basename(ours_path)}")
            failures += 1
            continue
        ours = json.load(open(ours_path))
        errors = []
        if kind == "1":
            same(normalize_task(ours), normalize_task(golden["template"]), "template", errors)
        elif kind == "2":
            same(ours, golden["template"], "template", errors)
        else:
            same(ours, golden, "launchplan", errors)
        compared += 1
        if errors:
            failures += 1
            print(f"FAIL {fname}:")
            for e in errors:
                print("   ", e)
        else:
            print(f"ok   {fname}")
    print(f"{compared - failures} passed, {failures} failed")
    return 1 if failures or compared == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
