# Starts `flytecc run ARGS...`, waits until its item processes run, sends the signal, and checks that flytecc
# exits with 128 + signal, that no process of the run survives (pgrep -f on the test's directory and the task's
# unique name), and that the temporary run directory under TMPDIR is gone.
# Usage: interrupt.cpp.py FLYTECC TESTDIR INT|TERM FLYTECC-RUN-ARGS...
import os, signal, subprocess, sys, time

flytecc, testdir, signame, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
patterns = [os.path.join(testdir, "cache"), "sleep_long_x7q"]


def survivors():
    found = set()
    for p in patterns:
        r = subprocess.run(["pgrep", "-f", p], capture_output=True, text=True)
        found |= {int(x) for x in r.stdout.split()}
    found.discard(run.pid)
    found.discard(os.getpid())
    return found


run = subprocess.Popen([flytecc, "run"] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
deadline = time.time() + 120  # the front end parses the sources first
while not survivors():
    if time.time() > deadline or run.poll() is not None:
        sys.exit("FAIL: the items never started: " + (run.communicate()[1] if run.poll() is not None else "timeout"))
    time.sleep(0.05)
time.sleep(0.3)
sig = getattr(signal, "SIG" + signame)
run.send_signal(sig)
out, err = run.communicate(timeout=30)
if run.returncode != 128 + sig:
    sys.exit(f"FAIL: flytecc exited with {run.returncode}, not {128 + sig}: {err}")
if "interrupted" not in err:
    sys.exit(f"FAIL: no 'interrupted' message: {err}")
time.sleep(0.2)
left = survivors()
if left:
    subprocess.run(["kill", "-9"] + [str(p) for p in left])
    sys.exit(f"FAIL: processes survived: {left}")
runs = [d for d in os.listdir(os.path.join(testdir, "tmp")) if d.startswith(("flytecc-run", "flytecc-worker"))]
if runs:
    sys.exit(f"FAIL: run directories or worker logs left: {runs}")
print("ok: interrupted, nothing left")
