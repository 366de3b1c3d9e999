#!/usr/bin/env python3
"""Wall time and peak memory of `flytecc check` against `clang++-22 -fsyntax-only` on the same file.

Runs each command REPEAT times (default 5) and reports the median wall time and the largest peak RSS,
and the ratios flytecc / clang. The goal: at most 1.10 for both.
Usage: bench_check.py FLYTECC SDK_INCLUDE CLANGXX FILE... [--repeat N]
"""
import os
import statistics
import subprocess
import sys
import time


def measure(cmd, repeat):
    walls, rss = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - start)
        rss = max(rss, usage.ru_maxrss)  # KiB on Linux
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            raise SystemExit(f"command failed: {' '.join(cmd)}")
    return statistics.median(walls), rss


def main():
    args = sys.argv[1:]
    repeat = 5
    if "--repeat" in args:
        i = args.index("--repeat")
        repeat = int(args[i + 1])
        del args[i:i + 2]
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
