#!/usr/bin/env python3
"""Runs one front door on a mistake of test/corpus/mistakes/ and compares its findings with the file's
`// EXPECT: LINE LEVEL CHECK` lines: exactly those findings (warnings and errors; notes are free), each at its
source line, one per root cause.

usage: check_mistake.py FILE -- COMMAND... (the command's diagnostics are read from stdout and stderr)"""
import re
import subprocess
import sys


def main():
    sep = sys.argv.index("--")
    path = sys.argv[1]
    cmd = sys.argv[sep + 1:]
    expected = []
    with open(path) as f:
        for line in f:
            m = re.match(r"\s*//\s*EXPECT:\s*(\d+)\s+(error|warning)\s+(\S+)", line)
            if m:
                expected.append((int(m.group(1)), m.group(2), m.group(3)))
    if not expected:
        print(f"{path}: no EXPECT line")
        return 1
    run = subprocess.run(cmd, capture_output=True, text=True)
    out = run.stdout + run.stderr
    name = path.rsplit("/", 1)[-1]
    found = []
    for line in out.splitlines():
        m = re.match(r".*?([^/\s]+):(\d+):\d+: (error|warning): .*\[(.+?)(?:,-warnings-as-errors)?\]$", line)
        if m and m.group(1) == name:
            found.append((int(m.group(2)), m.group(3), m.group(4)))
        elif re.search(r": (error|warning): ", line) and "warnings generated" not in line:
            found.append((0, "other", line.strip()))
    # clang-tidy reports errors promoted from warnings as 'error'; compare check names and lines strictly,
    # levels only for flytecc's own front doors.
    def key(x, strict):
        return (x[0], x[1], x[2]) if strict else (x[0], x[2])
    strict = "--tidy" not in sys.argv[2:sep]
    if sorted(key(x, strict) for x in found) != sorted(key(x, strict) for x in expected):
        print(f"{path}: expected {expected}\nfound {found}\n--- output\n{out}")
        return 1
    if strict and any(x[1] == "error" for x in expected) == (run.returncode == 0):
        print(f"{path}: exit code {run.returncode} does not match the expected findings\n{out}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
