"""Shared by the benchmark scripts: run a command, return its wall time and peak RSS."""
import os
import time
import subprocess


def pop_repeat(args, default=5):
    """Removes `--repeat N` from args; returns N."""
    if "--repeat" not in args:
        return default
    i = args.index("--repeat")
    n = int(args[i + 1])
    del args[i:i + 2]
    return n


def run(cmd, ok_codes=(0,)):
    """(wall seconds, peak RSS in KiB) of one run of cmd."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok_codes:
        raise SystemExit(f"command failed: {' '.join(cmd)}")
    return wall, usage.ru_maxrss
