#!/usr/bin/env python3
"""Fails when a check name in analysis/Diagnostics.def is not expected by any lit test.

Usage: diagnostics_coverage.py SRC_ROOT
"""
import os
import re
import sys


def main():
    root = sys.argv[1]
    text = open(os.path.join(root, "analysis", "Diagnostics.def")).read()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    names = list(dict.fromkeys(re.findall(r'FLYTE_DIAG\(\w+,\s*\w+,\s*"([a-z0-9-]+)"', text)))  # unique, in order
    tests = []
    for dirpath, _, files in os.walk(os.path.join(root, "test", "lit")):
        for f in files:
            tests.append(open(os.path.join(dirpath, f), errors="replace").read())
    corpus = "\n".join(tests)
    missing = [n for n in names if not re.search(r"CHECK[-A-Z]*:.*\[" + re.escape(n) + r"\]", corpus)]
    for n in names:
        print(("MISSING " if n in missing else "covered ") + n)
    print(f"{len(names) - len(missing)} passed, {len(missing)} failed")
    return 1 if missing or not names else 0


if __name__ == "__main__":
    sys.exit(main())
