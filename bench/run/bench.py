#!/usr/bin/env python3
"""flytecc run on a map over a trivial task (bench/run/trivial.cpp): wall time and peak RSS of a plain C++ loop, the
executor in process (executor_bench), `flytecc run` with persistent workers and with a process per item.

The SRC rows run from the sources (their front-end parse included), --isolation=none loading the tasks as a
library. usage: bench/run/bench.py [--items N] [--process-items M]   (FLYTECC_BUILD_DIR: the build, default ./build)
"""
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from measure import run  # noqa: E402

root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
build = os.environ.get("FLYTECC_BUILD_DIR", os.path.join(root, "build"))
flytecc = os.path.join(build, "tools", "flytecc")
bench = os.path.join(build, "test", "executor", "executor_bench")
src = os.path.join(root, "bench", "run", "trivial.cpp")
flags = ["--", "-std=c++20", "-I" + os.path.join(root, "sdk", "include")]


def arg(name, default):
    return int(sys.argv[sys.argv.index(name) + 1]) if name in sys.argv else default


def main():
    n = arg("--items", 100000)
    m = arg("--process-items", 2000)
    tmp = tempfile.mkdtemp(prefix="flytecc-bench-run-")
    env = dict(os.environ, XDG_CACHE_HOME=tmp)
    pb = os.path.join(tmp, "pb")
    subprocess.run([flytecc, "compile", src, "-o", pb] + flags, check=True, capture_output=True)
    subprocess.run([flytecc, "run", src, "--input", "n=1", "--no-cache", "--quiet"] + flags, check=True, env=env,
                   capture_output=True)
    subprocess.run([flytecc, "run", src, "--input", "n=1", "--no-cache", "--quiet", "--isolation=none"] + flags,
                   check=True, env=env, capture_output=True)
    exe = glob.glob(os.path.join(tmp, "flytecc", "tasks", "*", "flytecc-task"))[0]
    os.environ["XDG_CACHE_HOME"] = tmp

    def flyterun(items, isolation):
        return [flytecc, "run", pb, "--task-executable", exe, "--input", f"n={items}", "--no-cache", "--quiet",
                f"--isolation={isolation}"]

    rows = []
    loop_wall, loop_rss = run([bench, "loop", str(n)])
    rows.append(("plain C++ loop", n, loop_wall, loop_rss))
    rows.append(("executor in process", n) + run([bench, "inprocess", str(n), pb]))
    rows.append(("flytecc run --isolation=worker", n) + run(flyterun(n, "worker")))
    # From sources (the front end parses them: a fixed cost of about a second); the library is built already.
    from_sources = [flytecc, "run", src, "--input", f"n={n}", "--no-cache", "--quiet"]
    rows.append(("flytecc run SRC --isolation=none", n) + run(from_sources + ["--isolation=none"] + flags))
    rows.append(("flytecc run SRC --isolation=worker", n) + run(from_sources + ["--isolation=worker"] + flags))
    small_loop = run([bench, "loop", str(m)])[0]
    rows.append(("flytecc run --isolation=worker", m) + run(flyterun(m, "worker")))
    rows.append(("flytecc run --isolation=process", m) + run(flyterun(m, "process")))
    print(f"{'mode':34} {'items':>7} {'wall s':>8} {'peak RSS MiB':>13} {'overhead/item':>14}")
    for name, items, wall, rss in rows:
        base = loop_wall if items == n else small_loop
        per = (wall - base) / items * 1e6
        print(f"{name:34} {items:7d} {wall:8.2f} {rss / 1024:13.1f} {per:11.1f} us")
    subprocess.run(["rm", "-rf", tmp])


main()
