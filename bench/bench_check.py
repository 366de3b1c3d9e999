#!/usr/bin/env python3
"""Wall time and peak memory of `flytecc check` against `clang++-22 -fsyntax-only` on the same file.

Runs each command REPEAT times (default 5) and reports the median wall time and the largest peak RSS,
and the ratios flytecc / clang. The goal: at most 1.10 for both.
Usage: bench_check.py FLYTECC SDK_INCLUDE CLANGXX FILE... [--repeat N]
"""
import os
import statistics
import sys

from measure import pop_repeat, run


def measure(cmd, repeat):
    runs = [run(cmd, ok_codes=(0, 1)) for _ in range(repeat)]  # 1: findings reported
    return statistics.median(w for w, _ in runs), max(r for _, r in runs)


def main():
    args = sys.argv[1:]
    repeat = pop_repeat(args)
    flytecc, sdk, clangxx, files = args[0], args[1], args[2], args[3:]
    flags = ["-std=c++20", f"-I{sdk}"]
    print(f"{'file':40} {'clang s':>8} {'flytecc s':>9} {'time x':>7} {'clang MiB':>9} {'flytecc MiB':>11} {'mem x':>6}")
    for f in files:
        c_wall, c_rss = measure([clangxx, "-fsyntax-only", *flags, f], repeat)
        f_wall, f_rss = measure([flytecc, "check", f, "--", *flags], repeat)
        print(f"{os.path.basename(f):40} {c_wall:8.3f} {f_wall:9.3f} {f_wall / c_wall:7.2f} "
              f"{c_rss / 1024:9.1f} {f_rss / 1024:11.1f} {f_rss / c_rss:6.2f}")


if __name__ == "__main__":
    main()
