#!/usr/bin/env python3
"""flytecc never disagrees with the C++ compilers: every test input flytecc accepts compiles with g++ and clang++.

Walks every .cpp under the given directories (the lit tests with their Inputs/, the clean corpus). Each file is
tried without macros and once with each -D macro its RUN lines pass (-DBAD, -DAG, ...), the way the tests use it.
For each variant: `flytecc check`, then `-fsyntax-only` with both compilers, all with the same flags (the SDK, the
file's folder and its Inputs/ on the include path). A variant that flytecc accepts must compile with both; put the
other way round, what a compiler rejects (an SDK static_assert, a designator g++ refuses) flytecc rejects too.

With --apply CLANG_APPLY_REPLACEMENTS, every fix-it is applied and the result compiled: the check runs on a copy
with --export-fixes, and when the YAML has replacements (flytecc's fix-its, did-you-mean ones included, and the
compiler's own such as reordering designators) they are applied to the copy, and then
  * flytecc check on the fixed copy reports fewer diagnostics of each fixed check, by the number fixed;
  * the fixed copy compiles with g++ and clang++ whenever the original did, and whenever flytecc accepts the fixed
    copy (a fix never breaks the build; a fixed file flytecc passes is valid C++, by the rule above).

  agree_with_compilers.py --flytecc F --gxx G --clangxx C --sdk DIR [--apply CAR] [--jobs N] DIR_OR_FILE...

Prints one line per disagreement or failed fix (FIXED lines name the inputs whose fixes were applied) and a summary;
exit status 1 on any failure, or when nothing was accepted (or, with --apply, nothing had a fix-it).
"""
import argparse
import concurrent.futures
import os
import collections
import re
import shutil
import subprocess
import sys
import tempfile

MACRO = re.compile(r"(?<![\w-])-D([A-Za-z_][A-Za-z_0-9]*(?:=[^\s]*)?)")
CHECK = re.compile(r"^\S+:\d+:\d+: (?:error|warning): .*\[([\w-]+)\]$")
CLANG_ERROR = re.compile(r"^\S+:\d+:\d+: error: ")


def inputs(paths):
    for p in paths:
        if os.path.isfile(p):
            yield os.path.abspath(p)
            continue
        for root, dirs, files in os.walk(p):
            dirs.sort()
            for f in sorted(files):
                if f.endswith(".cpp"):
                    yield os.path.abspath(os.path.join(root, f))


def variants(path):
    """No macros, then each -D macro the file's RUN lines pass (one at a time, as the tests do)."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    macros = []
    for line in text.splitlines():
        if "RUN:" not in line:
            continue
        for m in MACRO.findall(line):
            if m not in macros and not m.startswith("FLYTECC"):
                macros.append(m)
    return [[]] + [["-D" + m] for m in macros]


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    return p.returncode, p.stdout


def fixed_checks(yaml_text):
    """How many diagnostics of each check carry replacements in an exported fixes YAML."""
    counts = collections.Counter()
    name, replacements = None, 0
    for line in yaml_text.splitlines() + ["- DiagnosticName: END"]:
        s = line.strip()
        if s.startswith("- DiagnosticName:"):
            if name and replacements:
                counts[name] += 1
            name, replacements = s.split(":", 1)[1].strip().strip("'\""), 0
        elif s.startswith("- FilePath:"):  # an entry of Replacements (the message's own FilePath has no dash)
            replacements += 1
    return counts


def diag_counts(output):
    counts = collections.Counter()
    for line in output.splitlines():
        m = CHECK.match(line.strip())
        if m:
            counts[m.group(1)] += 1
        elif CLANG_ERROR.match(line.strip()):
            counts["clang-diagnostic"] += 1  # the compiler's own errors carry no [check]
    return counts


def compiles(args, flags, path):
    out = {}
    for name, cxx in (("g++", args.gxx), ("clang++", args.clangxx)):
        rc, text = run([cxx, "-fsyntax-only"] + flags + [path])
        out[name] = (rc == 0, next((l for l in text.splitlines() if "error" in l), text.strip()[:300]))
    return out


def check(args, path, defines):
    """(accepted, fixed label or None, problems) for one variant of one input."""
    d = os.path.dirname(path)
    flags = ["-std=c++20", "-I" + args.sdk, "-I" + d, "-I" + os.path.join(d, "Inputs")] + defines
    label = f"{path} {' '.join(defines)}".strip()
    tmp = tempfile.mkdtemp(prefix="flytecc-agree-")
    try:
        src = os.path.join(tmp, os.path.basename(path))  # a copy: the fixes are applied to it
        shutil.copyfile(path, src)
        yaml = os.path.join(tmp, "fixes.yaml")
        cmd = [args.flytecc, "check", src] + (["--export-fixes=" + yaml] if args.apply else []) + ["--"] + flags
        rc, before = run(cmd)
        accepted = rc == 0
        problems = []
        original = None
        if accepted:  # what flytecc accepts, both compilers compile (flytecc adds Flyte's rules to C++'s)
            original = compiles(args, flags, path)
            for name, (ok, first) in original.items():
                if not ok:
                    problems.append(f"DISAGREE {name}: flytecc accepts {label} but {name} rejects it: {first}")
        fixed = {}
        if args.apply and os.path.exists(yaml):
            with open(yaml, encoding="utf-8") as f:
                fixed = fixed_checks(f.read())
        if not fixed:
            return accepted, None, problems
        arc, aout = run([args.apply, tmp])
        os.remove(yaml)  # applied: the directory holds only the fixed source
        if arc != 0:
            return accepted, label, problems + [f"FAIL {label}: clang-apply-replacements: {aout.strip()[:300]}"]
        with open(src, encoding="utf-8") as f, open(path, encoding="utf-8") as g:
            if f.read() == g.read():
                return accepted, label, problems + [f"FAIL {label}: the fixes changed nothing"]
        frc, after = run([args.flytecc, "check", src, "--"] + flags)
        was, now = diag_counts(before), diag_counts(after)
        for name, n in fixed.items():
            if now[name] > was[name] - n:
                problems.append(f"FAIL {label}: {n} fix(es) of {name} applied, but {now[name]} of {was[name]} "
                                f"remain:\n{after.strip()[:600]}")
        original = original or compiles(args, flags, path)
        for name, (ok, first) in compiles(args, flags, src).items():
            if not ok and (original[name][0] or frc == 0):
                problems.append(f"FAIL {label}: the fixed file does not compile with {name}: {first}")
        return accepted, label, problems
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flytecc", required=True)
    ap.add_argument("--gxx", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--sdk", required=True)
    ap.add_argument("--apply", help="clang-apply-replacements: also apply and compile every fix-it")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()

    work = [(p, v) for p in inputs(args.paths) for v in variants(p)]
    accepted = 0
    fixed = []
    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for ok, label, probs in pool.map(lambda w: check(args, *w), work):
            accepted += ok
            fixed += [label] if label else []
            problems += probs
    for label in sorted(fixed):
        print("FIXED", label)
    for p in problems:
        print(p)
    print(f"{len(work)} variants of {len({p for p, _ in work})} files; flytecc accepts {accepted}; "
          f"{len(problems)} disagreements")
    if args.apply:
        print(f"{len(fixed)} variants with fix-its, applied, checked and compiled")
    return 1 if problems or accepted == 0 or (args.apply and not fixed) else 0


if __name__ == "__main__":
    sys.exit(main())
