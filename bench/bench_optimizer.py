#!/usr/bin/env python3
"""What the optimizer saves: entities, package bytes, ArrayNodes and pods at -O0, -O1 and -O2.

For the guide's examples (examples/map_task.cpp, compared with flytekit's package of the same workflows when
given), for a generated project of N map workflows with chained maps (bench/gen_project.py --chained; also with
MapOptions{.fuse = true} at -O1) and one of N workflows with chains of three task calls (--task-chains, without
and with FLYTE_WORKFLOW(.fuse_tasks = true)).
Usage: bench_optimizer.py FLYTECC [--flytekit-package FILE.tgz] [--workflows N] [--items 100]
"""
import argparse
import os
import re
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def package(flytecc, source, level, out, items):
    pkg = os.path.join(out, f"pkg-{level}.tgz")
    r = subprocess.run([flytecc, "package", source, f"-{level}", "--stats", f"--stats-list-length={items}", "-o",
                        pkg, "--image", "example.org/bench:1", "--", "-std=c++20",
                        f"-I{os.path.join(ROOT, 'sdk', 'include')}"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(r.stderr)
    stats = measure_package(flytecc, pkg, items)
    if level != "O0":  # the pass manager's own count (--stats) agrees with the package's
        total = [l for l in r.stderr.splitlines() if l.startswith("total ")][0]
        after = [int(m.group(1)) for m in re.finditer(r"-> (\d+)", total)]  # entities, nodes, arrays, bytes, pods
        assert (after[2], after[4]) == (stats["arrays"], stats["pods"]), (total, stats)
    return stats


def row(name, s):
    print(f"  {name:<22} {s['entities']:>9} {s['raw']:>12} {s['tgz']:>10} {s['arrays']:>12} {s['pods']:>10}")


def measure_package(flytecc, path, items):
    """Entities and bytes from the archive; ArrayNodes and pods from its workflows (flytecc dump, text format):
    a task node is a pod, an ArrayNode (which holds one task node) a pod per item."""
    with tarfile.open(path) as t:
        members = [m for m in t.getmembers() if m.isfile()]
        raw = sum(m.size for m in members)
    text = subprocess.run([flytecc, "dump", path, "--format=text"], capture_output=True, text=True,
                          check=True).stdout
    arrays = len(re.findall(r"^\s*array_node \{", text, re.M))
    tasks = len(re.findall(r"^\s*task_node \{", text, re.M))
    return {"entities": len(members), "tgz": os.path.getsize(path), "raw": raw, "arrays": arrays,
            "pods": tasks - arrays + items * arrays}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("flytecc")
    p.add_argument("--flytekit-package")
    p.add_argument("--workflows", type=int, default=1000)
    p.add_argument("--items", type=int, default=100)
    a = p.parse_args()
    header = f"  {'':<22} {'entities':>9} {'bytes':>12} {'tgz bytes':>10} {'ArrayNodes':>12} {'pods':>10}"
    with tempfile.TemporaryDirectory() as out:
        print(f"examples/map_task.cpp (pods for {a.items} items):")
        print(header)
        for level in ("O0", "O1", "O2"):
            row(f"flytecc -{level}", package(a.flytecc, os.path.join(ROOT, "examples", "map_task.cpp"), level, out,
                                               a.items))
        if a.flytekit_package:
            row("flytekit (pyflyte)", measure_package(a.flytecc, a.flytekit_package, a.items))
        gen = os.path.join(out, "chained.cpp")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_project.py"), "--chained",
                        str(a.workflows), gen], check=True)
        print(f"\ngen_project.py --chained {a.workflows} (pods for {a.items} items):")
        print(header)
        for level in ("O0", "O1", "O2"):
            row(f"flytecc -{level}", package(a.flytecc, gen, level, out, a.items))
        gen = os.path.join(out, "chained-fuse.cpp")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_project.py"), "--chained", "--fuse-maps",
                        str(a.workflows), gen], check=True)
        row("flytecc -O1 .fuse", package(a.flytecc, gen, "O1", out, a.items))

        print(f"\ngen_project.py --task-chains {a.workflows} (three task calls in a chain per workflow):")
        print(header)
        gen = os.path.join(out, "tasks.cpp")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_project.py"), "--task-chains",
                        str(a.workflows), gen], check=True)
        for level in ("O0", "O1", "O2"):
            row(f"flytecc -{level}", package(a.flytecc, gen, level, out, a.items))
        gen = os.path.join(out, "tasks-fuse.cpp")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gen_project.py"), "--task-chains",
                        "--fuse-tasks", str(a.workflows), gen], check=True)
        for level in ("O1", "O2"):
            row(f"flytecc -{level} .fuse_tasks", package(a.flytecc, gen, level, out, a.items))


if __name__ == "__main__":
    main()
