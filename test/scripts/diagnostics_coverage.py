#!/usr/bin/env python3
"""Fails when a check name in analysis/Diagnostics.def is not expected by any lit test, has no description in
analysis/CheckDocs.def (SARIF rules), or no "### NAME" section in docs/checks.md (the rules' helpUri).

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
    docs = open(os.path.join(root, "analysis", "CheckDocs.def")).read()
    described = set(re.findall(r'^FLYTE_CHECK_DOC\("([a-z0-9-]+)"', docs, re.M))
    sections = set(re.findall(r"^### ([a-z0-9-]+)$", open(os.path.join(root, "docs", "checks.md")).read(), re.M))
    for n in names:
        if n not in described:
            print(f"MISSING description of {n} in analysis/CheckDocs.def")
        if n not in sections:
            print(f"MISSING section '### {n}' in docs/checks.md")
        if n not in described or n not in sections:
            missing.append(n)
    for n in names:
        print(("MISSING " if n in missing else "covered ") + n)
    missing = list(dict.fromkeys(missing))
    print(f"{len(names) - len(missing)} passed, {len(missing)} failed")
    return 1 if missing or not names else 0


if __name__ == "__main__":
    sys.exit(main())
