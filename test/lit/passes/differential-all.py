#!/usr/bin/env python3
"""The passes change no result: every workflow of the given sources gives the same outputs under `flytecc run` when
compiled at -O0, -O1 and -O2 (byte for byte: the output JSON on success; the exit status and the error text on
failure, failing items and partial success included; only the id of a failed node may differ, as a fused node
keeps the id of the last node it replaces).

Each source is compiled once per level (`flytecc compile -O<n>`); its task executable is built once (the first
`flytecc run` of the source builds it under a private cache directory, and every level's run reuses it: the task
executable does not depend on the level). Sources run two at a time. Every workflow runs with its defaults (one
that needs inputs fails the same way at every level and is counted as such), and once more for each
`%flytecc run %s ... --workflow NAME --input ...` line of the source's own lit test (its inputs given).

usage: differential-all.py FLYTECC WORKDIR -- SOURCE... [-- COMPILER FLAGS...]
Prints one line per workflow (`same SOURCE WORKFLOW: ok|failed|needs inputs` or `DIFFER ...`) and a summary; the
exit status is 1 when any workflow differs or a source compiles at one level and not at another.
"""
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys


def run(cmd, env=None):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=600)
    return p.returncode, p.stdout, p.stderr


def normalize(err, workdir):
    text = err.decode(errors="replace").replace(workdir, "WORKDIR")
    text = re.sub(r"/tmp/[^\s'\"]*", "TMP", text)
    # A fused node keeps the id of the last node it replaces: a failure in an earlier task of the chain names it.
    text = re.sub(r"\bnode n[0-9]+\b", "node N", text)
    return text


def inputs_from_run_lines(src):
    """(workflow, [--input NAME=JSON, ...]) for every `%flytecc run %s --workflow ...` line of a lit test."""
    cases = []
    with open(src, errors="replace") as f:
        for line in f:
            for run_cmd in re.findall(r"%flytecc run %s (.*?)(?:\||&|;|$)", line):
                wf = re.search(r"--workflow\s+(\S+)", run_cmd)
                if not wf:
                    continue
                inputs = []
                for quoted, bare in re.findall(r"--input\s+(?:'([^']*)'|(\S+))", run_cmd):
                    inputs += ["--input", quoted or bare]
                if (wf.group(1), inputs) not in cases:
                    cases.append((wf.group(1), inputs))
    return cases


def one_source(flytecc, workdir, src, flags):
    stem = os.path.splitext(os.path.basename(src))[0]
    base = os.path.join(workdir, os.path.basename(os.path.dirname(src)) + "-" + stem)
    shutil.rmtree(base, ignore_errors=True)
    os.makedirs(base)
    env = dict(os.environ, XDG_CACHE_HOME=os.path.join(base, "cache"), COUNT_DIR=os.path.join(base, "counts"))
    os.makedirs(env["COUNT_DIR"])
    lines, problems = [], 0
    compiled = []
    for level in (0, 1, 2):
        out = os.path.join(base, "O%d" % level)
        rc, _, err = run([flytecc, "compile", src, "-O%d" % level, "--verify-each", "-o", out, "--"] + flags, env)
        compiled.append(rc == 0)
        if rc != 0 and level == 0:
            return ["skip %s: does not compile: %s" % (src, err.decode(errors="replace").strip()[:200])], 0
    if not all(compiled):
        return ["DIFFER %s: compiles at -O0 but not at every level (%s)" % (src, compiled)], 1
    workflows = sorted(os.path.basename(p)[: -len(".workflow.pb")]
                       for p in glob.glob(os.path.join(base, "O0", "*.workflow.pb")))
    if not workflows:
        return ["skip %s: no workflows" % src], 0
    # The task executable: built by a run from the sources, then found in the private cache.
    run([flytecc, "run", src, "--workflow", workflows[0], "-O0", "--no-cache", "--quiet", "--"] + flags, env)
    exes = glob.glob(os.path.join(base, "cache", "flytecc", "tasks", "*", "flytecc-task"))
    if len(exes) != 1:
        return ["DIFFER %s: expected one task executable, found %d" % (src, len(exes))], 1
    for wf, inputs in [(w, []) for w in workflows] + [c for c in inputs_from_run_lines(src) if c[1]]:
        results = []
        for level in (0, 1, 2):
            rc, out, err = run([flytecc, "run", os.path.join(base, "O%d" % level), "--workflow", wf,
                                "--task-executable", exes[0], "--no-cache", "--quiet"] + inputs, env)
            results.append((rc, out, normalize(err, base) if rc else ""))
        name = "%s %s%s" % (os.path.relpath(src), wf, "".join(" " + i for i in inputs[1::2]))
        if results[0] == results[1] == results[2]:
            rc, _, err = results[0]
            what = "ok" if rc == 0 else "needs inputs" if "no value for input" in err or "needs input" in err \
                else "failed"
            lines.append("same %s: %s" % (name, what))
        else:
            problems += 1
            lines.append("DIFFER %s: %s" % (name, [(r[0], r[1][:300], r[2][:300]) for r in results]))
    return lines, problems


def main(argv):
    if len(argv) < 4 or argv[3] != "--":
        sys.exit(__doc__)
    flytecc, workdir = argv[1], os.path.abspath(argv[2])
    rest = argv[4:]
    flags = []
    if "--" in rest:
        flags = rest[rest.index("--") + 1:]
        rest = rest[: rest.index("--")]
    os.makedirs(workdir, exist_ok=True)
    problems = 0
    counts = {}
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for lines, bad in pool.map(lambda s: one_source(flytecc, workdir, s, flags), rest):
            problems += bad
            for line in lines:
                print(line)
                key = line.split(":")[-1].strip() if line.startswith("same") else line.split(" ")[0]
                counts[key] = counts.get(key, 0) + 1
    print("summary: " + ", ".join("%s %d" % kv for kv in sorted(counts.items())))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
