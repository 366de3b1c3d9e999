#!/usr/bin/env python3
"""flytecc never disagrees with the C++ compilers: every test input flytecc accepts compiles with g++ and clang++.

Walks every .cpp under the given directories (the lit tests with their Inputs/, the clean corpus). Each file is
tried without macros and once with each -D macro its RUN lines pass (-DBAD, -DAG, ...), the way the tests use it.
For each variant: `flytecc check`, then `-fsyntax-only` with both compilers, all with the same flags (the SDK, the
file's folder and its Inputs/ on the include path). A variant that flytecc accepts must compile with both; put the
other way round, what a compiler rejects (an SDK static_assert, a designator g++ refuses) flytecc rejects too.

  agree_with_compilers.py --flytecc F --gxx G --clangxx C --sdk DIR [--jobs N] DIR_OR_FILE...

Prints one line per disagreement and a summary; exit status 1 on any disagreement or when nothing was accepted.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

MACRO = re.compile(r"(?<![\w-])-D([A-Za-z_][A-Za-z_0-9]*(?:=[^\s]*)?)")


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


def check(args, path, defines):
    d = os.path.dirname(path)
    flags = ["-std=c++20", "-I" + args.sdk, "-I" + d, "-I" + os.path.join(d, "Inputs")] + defines
    rc, out = run([args.flytecc, "check", path, "--"] + flags)
    accepted = rc == 0
    problems = []
    if not accepted:  # rejected by flytecc: nothing to agree with (flytecc adds Flyte's rules to C++'s)
        return accepted, problems
    for name, cxx in (("g++", args.gxx), ("clang++", args.clangxx)):
        crc, cout = run([cxx, "-fsyntax-only"] + flags + [path])
        if crc != 0:
            first = next((l for l in cout.splitlines() if "error" in l), cout.strip()[:300])
            problems.append(f"DISAGREE {name}: flytecc accepts {path} {' '.join(defines)} but {name} rejects it: {first}")
    return accepted, problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--flytecc", required=True)
    ap.add_argument("--gxx", required=True)
    ap.add_argument("--clangxx", required=True)
    ap.add_argument("--sdk", required=True)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("paths", nargs="+")
    args = ap.parse_args()

    work = [(p, v) for p in inputs(args.paths) for v in variants(p)]
    accepted = 0
    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for ok, probs in pool.map(lambda w: check(args, *w), work):
            accepted += ok
            problems += probs
    for p in problems:
        print(p)
    print(f"{len(work)} variants of {len({p for p, _ in work})} files; flytecc accepts {accepted}; "
          f"{len(problems)} disagreements")
    return 1 if problems or accepted == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
