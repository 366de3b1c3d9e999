#!/usr/bin/env python3
"""Runs the corpora of test/corpus/ through flytecc's front doors and the C++ compilers, file by file, on a
small pool of worker threads (each run is its own process: one file per run, since whole-program checks such as
flyte-duplicate-name and flyte-invalid-graph must not see the other programs of a corpus).

usage: corpus.py MODE [--jobs N] --flytecc F --clang-tidy T --plugin P --gxx G --clangxx C --sdk DIR --tmp DIR FILES...

MODE
  clean-check  `check -Werror` and `compile` report no diagnostic at all.
  clean-tidy   the clang-tidy plugin reports no flyte-* finding.
  cxx          g++ and clang++ accept the file (for the inputs other tests expect flytecc to accept).
  mistakes     each file's `// EXPECT: LINE LEVEL CHECK` lines are exactly the findings (warnings and errors; notes
               are free) of `check`, `compile` (which then writes nothing when there is an error) and clang-tidy,
               each at its source line (`// EXPECT: 12 error flyte-invalid-graph (not in clang-tidy: ...)` for
               a whole-program finding the plugin cannot see); g++ and clang++ accept the file (the SDK lets the
               mistake through).
Prints one block per failing run and a summary; exits 1 when a run failed."""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys

EXPECT = re.compile(r"\s*//\s*EXPECT:\s*(\d+)\s+(error|warning)\s+(\S+)(.*)")
FINDING = re.compile(r".*?([^/\s]+):(\d+):\d+: (error|warning): .*\[(.+?)(?:,-warnings-as-errors)?\]$")


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def expected_findings(path, tidy):
    """The EXPECT lines; `(not in clang-tidy: why)` after one leaves it out for the plugin, which sees one file at a
    time (whole-program checks)."""
    with open(path) as f:
        lines = [m for m in map(EXPECT.match, f) if m]
    return [(int(m.group(1)), m.group(2), m.group(3)) for m in lines
            if not (tidy and "not in clang-tidy" in m.group(4))]


def findings(path, out):
    """The warnings and errors of `out` (clang's format), as (line, level, check); other files' findings and
    messages without a check name count as (0, 'other', text)."""
    name = os.path.basename(path)
    found = []
    for line in out.splitlines():
        m = FINDING.match(line)
        if m and m.group(1) == name:
            found.append((int(m.group(2)), m.group(3), m.group(4)))
        elif re.search(r": (error|warning): ", line) and "warnings generated" not in line:
            found.append((0, "other", line.strip()))
    return found


def compare(path, rc, out, tidy):
    """None when the findings are exactly the file's EXPECT lines, else what differs."""
    if not expected_findings(path, False):
        return "no EXPECT line"
    expected = expected_findings(path, tidy)
    found = findings(path, out)
    # clang-tidy reports errors promoted from warnings as 'error'; compare check names and lines strictly,
    # levels only for flytecc's own front doors.
    key = (lambda x: (x[0], x[2])) if tidy else (lambda x: x)
    if sorted(map(key, found)) != sorted(map(key, expected)):
        return f"expected {expected}\nfound    {found}"
    if not tidy and any(x[1] == "error" for x in expected) == (rc == 0):
        return f"exit code {rc} does not match the expected findings"
    return None


class Corpus:
    def __init__(self, a):
        self.a = a
        self.flags = ["--", "-std=c++20", "-I" + a.sdk]

    def tidy(self, f, *extra):
        return [self.a.clang_tidy, "--load=" + self.a.plugin, "-checks=-*,flyte-*", *extra, f, *self.flags]

    def cxx(self, f):
        """g++ and clang++ accept the file as plain C++20."""
        for cc in (self.a.gxx, self.a.clangxx):
            rc, out = run([cc, "-std=c++20", "-fsyntax-only", "-I" + self.a.sdk, f])
            if rc != 0:
                return f"{os.path.basename(cc)} rejects it\n{out}"
        return None

    def out_dir(self, f, door):
        return os.path.join(self.a.tmp, os.path.basename(f) + "." + door)

    # --- clean: no diagnostic anywhere ---
    def clean_check(self, f):
        rc, out = run([self.a.flytecc, "check", "-Werror", f, *self.flags])
        return f"exit code {rc}\n{out}" if rc != 0 or out else None

    def clean_compile(self, f):
        pkg = self.out_dir(f, "pkg")
        rc, out = run([self.a.flytecc, "compile", f, "-o", pkg, *self.flags])
        shutil.rmtree(pkg, ignore_errors=True)
        if rc != 0 or re.search(r"warning:|error:", out):
            return f"exit code {rc}\n{out}"
        return None

    def clean_tidy(self, f):
        rc, out = run(self.tidy(f, "--warnings-as-errors=flyte-*"))
        return f"exit code {rc}\n{out}" if rc != 0 or "flyte-" in out else None

    # --- mistakes: exactly the expected finding ---
    def mistake_check(self, f):
        rc, out = run([self.a.flytecc, "check", f, *self.flags])
        diff = compare(f, rc, out, tidy=False)
        return f"{diff}\n--- output\n{out}" if diff else None

    def mistake_compile(self, f):
        pkg = self.out_dir(f, "pkg")
        shutil.rmtree(pkg, ignore_errors=True)
        rc, out = run([self.a.flytecc, "compile", f, "-o", pkg, *self.flags])
        diff = compare(f, rc, out, tidy=False)
        wrote = os.path.exists(pkg)
        shutil.rmtree(pkg, ignore_errors=True)
        if not diff and rc != 0 and wrote:
            diff = f"compile failed but wrote {pkg}"
        return f"{diff}\n--- output\n{out}" if diff else None

    def mistake_tidy(self, f):
        rc, out = run(self.tidy(f))
        diff = compare(f, rc, out, tidy=True)
        return f"{diff}\n--- output\n{out}" if diff else None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["clean-check", "clean-tidy", "cxx", "mistakes"])
    p.add_argument("--jobs", type=int, default=2)
    for opt in ("flytecc", "clang-tidy", "plugin", "gxx", "clangxx", "sdk", "tmp"):
        p.add_argument("--" + opt, required=True)
    p.add_argument("files", nargs="+")
    a = p.parse_args()
    os.makedirs(a.tmp, exist_ok=True)
    c = Corpus(a)
    doors = {
        "clean-check": [c.clean_check, c.clean_compile],
        "clean-tidy": [c.clean_tidy],
        "cxx": [c.cxx],
        "mistakes": [c.mistake_check, c.mistake_compile, c.mistake_tidy, c.cxx],
    }[a.mode]
    jobs = [(door, f) for f in a.files for door in doors]
    failures = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        def attempt(job):
            try:
                return job[0](job[1])
            except OSError as e:  # a tool that cannot be started is a failed run, not a traceback
                return f"cannot run: {e}"

        results = pool.map(attempt, jobs)
        for (door, f), problem in zip(jobs, results):
            if problem:
                failures += 1
                print(f"FAIL {door.__name__} {f}\n{problem}\n")
    print(f"{a.mode}: {len(a.files)} files, {len(jobs)} runs, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
