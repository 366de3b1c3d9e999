"""Benchmark of the task executable (reported, never asserted): one trivial ArrayNode item on local storage.

    python3 bench/bench_task.py BUILD/examples/map_task_tasks/flytecc-task [--repeat N] [--items 10000]

Prints wall time (median and minimum of N) and peak RSS of one item, the in-process breakdown the executable reports
with FLYTECC_TASK_TIMINGS=1 (read, parse, decode, call, encode, write), process start (an empty `--list` run), and
the total for --items items run one after another.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from measure import pop_repeat, run  # noqa: E402


def varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(num, payload):  # length-delimited field
    return varint(num << 3 | 2) + varint(len(payload)) + payload


def int_literal(v):  # Literal{scalar{primitive{integer}}}
    return field(1, field(1, varint(1 << 3 | 0) + varint(v)))


def list_literal(items):  # Literal{collection{literals...}}
    return field(2, b"".join(field(1, int_literal(v)) for v in items))


def literal_map(entries):  # LiteralMap{literals: map<string, Literal>}
    return b"".join(field(1, field(1, k.encode()) + field(2, v)) for k, v in entries.items())


def main():
    args = sys.argv[1:]
    repeat = pop_repeat(args, 21)
    items = 10000
    if "--items" in args:
        i = args.index("--items")
        items = int(args[i + 1])
        del args[i:i + 2]
    exe = args[0]
    data = [10, 12, 11, 10, 13, 12, 100, 11, 12, 10]
    with tempfile.TemporaryDirectory() as work:
        inputs = os.path.join(work, "inputs.pb")
        with open(inputs, "wb") as f:
            f.write(literal_map({"data_point": list_literal(data)}))

        def cmd(i):
            out = os.path.join(work, "out", str(i))
            return [exe, "--inputs", inputs, "--output-prefix", out, "--raw-output-data-prefix", work + "/raw",
                    "--checkpoint-path", work + "/ck", "--prev-checkpoint", "",
                    "--task", "advanced_composition.map_task.detect_anomalies", "--map-bound-inputs", ""]

        os.environ["BATCH_JOB_ARRAY_INDEX_VAR_NAME"] = "FLYTE_K8S_ARRAY_INDEX"
        os.environ["FLYTE_K8S_ARRAY_INDEX"] = "6"
        walls, rss = [], []
        for i in range(repeat):
            w, r = run(cmd(i))
            walls.append(w)
            rss.append(r)
        start_walls, start_rss = [], []
        for _ in range(repeat):
            w, r = run([exe, "--list"])
            start_walls.append(w)
            start_rss.append(r)
        steps = {}
        env = dict(os.environ, FLYTECC_TASK_TIMINGS="1")
        for i in range(repeat):
            p = subprocess.run(cmd(10**6 + i), env=env, capture_output=True, text=True, check=True)
            line = [l for l in p.stderr.splitlines() if "timings" in l][0]
            parts = line.split("(us):")[1].split()
            for name, value in zip(parts[0::2], parts[1::2]):
                steps.setdefault(name, []).append(float(value))
        # The minimum too: on a loaded machine it is the steadier measure of the program's own cost.
        print(f"one item (median of {repeat}): wall {statistics.median(walls) * 1e3:.2f} ms "
              f"(min {min(walls) * 1e3:.2f}), peak RSS {statistics.median(rss) / 1024:.1f} MiB")
        print(f"process start (--list): wall {statistics.median(start_walls) * 1e3:.2f} ms "
              f"(min {min(start_walls) * 1e3:.2f}), peak RSS {statistics.median(start_rss) / 1024:.1f} MiB")
        print("in process (us): " + ", ".join(f"{k} {statistics.median(v):.1f}" for k, v in steps.items()))
        t0 = time.perf_counter()
        for i in range(items):
            subprocess.run(cmd(i % 100), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        total = time.perf_counter() - t0
        print(f"{items} items one after another: {total:.2f} s ({total / items * 1e3:.2f} ms per item)")
        with open(os.path.join(work, "out", "0", "outputs.pb"), "rb") as f:
            print(f"item 6 outputs.pb: {f.read().hex()} (o0 = true)")


if __name__ == "__main__":
    main()
