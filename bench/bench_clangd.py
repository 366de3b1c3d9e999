#!/usr/bin/env python3
"""Editor latency of flytecc-clangd: time from didChange (an edit inside a workflow body) to the
publishDiagnostics of that version, once the first parse has built the preamble, against a cold
`clang++ -fsyntax-only` of the same file. Numbers are printed, never asserted.

Usage: bench_clangd.py FLYTECC_CLANGD SDK_INCLUDE CLANGXX FILE... [--reps N] [--sync]

Each file runs three ways: flytecc-clangd with the flyte-* checks (the default for these files),
the same binary with --clang-tidy=false (clangd alone), and clang++ -fsyntax-only. clangd waits
(debounces) before rebuilding after an edit, adapting to its last rebuild time; --sync runs clangd
without worker threads or debounce, which leaves the rebuild itself.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "lsp"))
from lsp_client import LspClient  # noqa: E402


def workflow_body_line(text):
    """Index of a line inside the last FLYTE_WORKFLOW's body (its first statement)."""
    lines = text.split("\n")
    starts = [i for i, l in enumerate(lines) if l.strip().startswith("FLYTE_WORKFLOW(")]
    if not starts:
        raise SystemExit("no FLYTE_WORKFLOW in the file")
    i = starts[-1]
    while not lines[i].rstrip().endswith("{"):
        i += 1
    return i + 1


def edited(text, k):
    lines = text.split("\n")
    at = workflow_body_line(text)
    lines.insert(at, "  // edit %d" % k)
    return "\n".join(lines)


def clangd_latency(clangd, extra, work, path, text, reps):
    client = LspClient([clangd, "--background-index=false", "--log=error"] + extra, cwd=work, timeout=600)
    try:
        client.initialize(work)
        t0 = time.monotonic()
        client.open(path, text, 1)
        t, diags = client.diagnostics(path, 1)
        first = t - t0
        flyte = sum(1 for d in diags if str(d.get("code", "")).startswith("flyte-"))
        times = []
        for k in range(reps):
            version = k + 2
            t0 = time.monotonic()
            client.change(path, edited(text, k), version)
            t, _ = client.diagnostics(path, version)
            times.append(t - t0)
        client.shutdown()
    finally:
        client.close()
    return first, times, flyte, len(diags)


def cold_parse(clangxx, sdk, path, reps):
    times = []
    for _ in range(reps):
        t0 = time.monotonic()
        subprocess.run([clangxx, "-std=c++20", "-I" + sdk, "-fsyntax-only", path], check=True)
        times.append(time.monotonic() - t0)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("clangd")
    ap.add_argument("sdk")
    ap.add_argument("clangxx")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--sync", action="store_true", help="clangd --sync: no debounce, no worker threads")
    args = ap.parse_args()
    sdk = os.path.abspath(args.sdk)
    args.clangd = os.path.abspath(args.clangd)
    extra = ["--sync"] if args.sync else []
    print("%-22s %12s %14s %14s %14s %8s" % ("file", "first parse", "edit (flyte)", "edit (no tidy)",
                                              "clang++ cold", "ratio"))
    for f in args.files:
        work = tempfile.mkdtemp(prefix="bench_clangd_")
        try:
            path = os.path.join(work, os.path.basename(f))
            shutil.copy(f, path)
            with open(os.path.join(work, "compile_flags.txt"), "w") as out:
                out.write("-std=c++20\n-I%s\n" % sdk)
            text = open(path).read()
            first, flyte_times, nflyte, ndiags = clangd_latency(args.clangd, extra, work, path, text, args.reps)
            _, plain_times, _, _ = clangd_latency(args.clangd, extra + ["--clang-tidy=false"], work, path, text,
                                                  args.reps)
            cold = statistics.median(cold_parse(args.clangxx, sdk, path, args.reps))
            edit = statistics.median(flyte_times)
            print("%-22s %11.3fs %13.3fs %13.3fs %13.3fs %7.0f%%   (%d flyte-* of %d diagnostics)" % (
                os.path.basename(f), first, edit, statistics.median(plain_times), cold, 100 * edit / cold,
                nflyte, ndiags))
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
