#!/usr/bin/env python3
"""Every fix-it flytecc offers is applied and the result compiled.

For every .cpp under the given directories, without macros and with each -D macro its RUN lines pass: a copy
goes through `flytecc check --export-fixes`; when the YAML has replacements (flytecc's fix-its, did-you-mean
ones included, and the compiler's own), clang-apply-replacements applies them to the copy, and then
  * flytecc check on the fixed copy reports fewer diagnostics of each fixed check, by the number fixed (a fixed
    diagnostic does not come back);
  * the fixed copy compiles with g++ and clang++ (-fsyntax-only) whenever the original did, and whenever
    flytecc accepts the fixed copy (a fix never breaks the build, and a fixed file flytecc passes is valid C++).

  apply_fixits.py --flytecc F --apply CAR --gxx G --clangxx C --sdk DIR [--jobs N] DIR_OR_FILE...

Prints one line per failure and a summary; exit status 1 on any failure or when no input had a fix-it.
"""
import argparse
import collections
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from agree_with_compilers import inputs, variants  # noqa: E402

CHECK = re.compile(r"^\S+:\d+:\d+: (?:error|warning): .*\[([\w-]+)(?:,[^\]]*)?\]$")


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    return p.returncode, p.stdout


def fixed_checks(yaml_text):
    """How many diagnostics of each check carry replacements (the exported YAML, read line by line)."""
    counts = collections.Counter()
    name = None
    replacements = 0
    for line in yaml_text.splitlines() + ["  - DiagnosticName: END"]:
        s = line.strip()
        if s.startswith("- DiagnosticName:") or s.startswith("DiagnosticName:"):
            if name and replacements:
                counts[name] += 1
            name = s.split(":", 1)[1].strip().strip("'\"")
            replacements = 0
        elif s.startswith("- FilePath:"):  # an entry of Replacements (the message's own FilePath has no dash)
            replacements += 1
    return counts


def diag_counts(output):
    counts = collections.Counter()
    for line in output.splitlines():
        m = CHECK.match(line.strip())
        if m:
            counts[m.group(1)] += 1
        elif re.match(r"^\S+:\d+:\d+: error: ", line.strip()):
            counts["clang-diagnostic"] += 1  # the compiler's own errors carry no [check]
    return counts


def one(args, path, defines):
    d = os.path.dirname(path)
    flags = ["-std=c++20", "-I" + args.sdk, "-I" + d, "-I" + os.path.join(d, "Inputs")] + defines
    tmp = tempfile.mkdtemp(prefix="fixits-")
    try:
        src = os.path.join(tmp, os.path.basename(path))
        shutil.copyfile(path, src)
        yaml = os.path.join(tmp, "fixes.yaml")
        _, before = run([args.flytecc, "check", src, "--export-fixes=" + yaml, "--"] + flags)
        if not os.path.exists(yaml):
            return None, []
        with open(yaml, encoding="utf-8") as f:
            fixed = fixed_checks(f.read())
        if not fixed:
            return None, []
        label = f"{path} {' '.join(defines)}".strip()
        problems = []
        rc, out = run([args.apply, tmp])
        if rc != 0:
            return label, [f"FAIL {label}: clang-apply-replacements failed: {out.strip()[:300]}"]
        with open(src, encoding="utf-8") as f, open(path, encoding="utf-8") as g:
            if f.read() == g.read():
                return label, [f"FAIL {label}: the fixes changed nothing"]
        os.remove(yaml)
        rc, after = run([args.flytecc, "check", src, "--"] + flags)
        was, now = diag_counts(before), diag_counts(after)
        for check, n in fixed.items():
            if now[check] > was[check] - n:
                problems.append(f"FAIL {label}: {n} fix(es) of {check} applied, but {now[check]} of {was[check]} "
                                f"remain:\n{after.strip()[:600]}")
        for name, cxx in (("g++", args.gxx), ("clang++", args.clangxx)):
            orc, _ = run([cxx, "-fsyntax-only"] + flags + [path])
            frc, fout = run([cxx, "-fsyntax-only"] + flags + [src])
            if frc != 0 and (orc == 0 or rc == 0):
                first = next((l for l in fout.splitlines() if "error" in l), fout.strip()[:300])
                problems.append(f"FAIL {label}: the fixed file does not compile with {name}: {first}")
        return label, problems
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    for opt in ("--flytecc", "--apply", "--gxx", "--clangxx", "--sdk"):
        ap.add_argument(opt, required=True)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()

    work = [(p, v) for p in inputs(args.paths) for v in variants(p)]
    fixed = []
    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for label, probs in pool.map(lambda w: one(args, *w), work):
            if label:
                fixed.append(label)
            problems += probs
    for label in sorted(fixed):
        print("FIXED", label)
    for p in problems:
        print(p)
    print(f"{len(work)} variants; {len(fixed)} with fix-its, applied and compiled; {len(problems)} failures")
    return 1 if problems or not fixed else 0


if __name__ == "__main__":
    sys.exit(main())
