#!/usr/bin/env python3
"""Runs every workflow of a plain-C++ runner (flytecc compile --emit=runner) and the same workflow through
`flytecc run`, and checks that both give the same values. Prints `same <workflow>` per workflow, or the two values.

usage: compare-run.py RUNNER -- FLYTECC_RUN_COMMAND...   (the workflow is appended as --workflow NAME)
"""
import json
import re
import subprocess
import sys


def runner_value(text):
    # show(): vectors [a, b], maps {k: v}, tuples (a, b), empty optionals `none`, files file("p").
    text = re.sub(r"\bnone\b", "null", text)
    text = text.replace("(", "[").replace(")", "]")
    return json.loads(text)


def same(a, b):
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return float(a) == float(b)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def main():
    split = sys.argv.index("--")
    runner, command = sys.argv[1], sys.argv[split + 1:]
    names = subprocess.run([runner, "--list"], check=True, capture_output=True, text=True).stdout.split()
    status = 0
    for name in names:
        line = subprocess.run([runner, name], check=True, capture_output=True, text=True).stdout.strip()
        expected = runner_value(line.split(" -> ", 1)[1])
        r = subprocess.run(command + ["--workflow", name], capture_output=True, text=True)
        if r.returncode != 0:
            print(f"failed {name}: {r.stderr.strip()}")
            status = 1
            continue
        outputs = json.loads(r.stdout)
        got = outputs["o0"] if len(outputs) == 1 else [outputs[f"o{i}"] for i in range(len(outputs))]
        if same(expected, got):
            print(f"same {name}")
        else:
            print(f"differ {name}: runner {expected}, flytecc run {got}")
            status = 1
    return status


sys.exit(main())
