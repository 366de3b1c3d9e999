#!/usr/bin/env python3
"""Time, peak memory and archive size of `flytecc package` on a generated project.

Reference (from the issue, same kind of machine): `pyflyte package` on the Python twin of the
500-task / 500-map-workflow project takes 2.4 s and 121 MiB and writes 99.7 KB.
Usage: bench_package.py FLYTECC SDK_INCLUDE FILE [--repeat N]
"""
import os
import statistics
import subprocess
import sys
import tempfile

from measure import pop_repeat, run


def main():
    args = sys.argv[1:]
    repeat = pop_repeat(args)
    flytecc, sdk, source = args
    with tempfile.TemporaryDirectory() as out:
        pkg = os.path.join(out, "pkg.tgz")
        runs = [run([flytecc, "package", source, "-o", pkg, "--image", "example.org/bench:1", "--", "-std=c++20",
                     f"-I{sdk}"]) for _ in range(repeat)]
        walls, rss = [w for w, _ in runs], max(r for _, r in runs)
        size = os.path.getsize(pkg)
        entities = subprocess.run(["tar", "tzf", pkg], capture_output=True, text=True).stdout.count("\n")
    wall = statistics.median(walls)
    print(f"flytecc package: {wall:.2f} s (median of {repeat}), {rss / 1024:.0f} MiB peak, "
          f"{size / 1000:.1f} KB, {entities} entities")
    print(f"vs pyflyte package (2.4 s, 121 MiB, 99.7 KB): time x{wall / 2.4:.2f}, memory x{rss / 1024 / 121:.2f}, "
          f"bytes x{size / 1000 / 99.7:.2f}")


if __name__ == "__main__":
    main()
