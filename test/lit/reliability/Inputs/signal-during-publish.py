# Starts `flytecc compile ... -o OUT_DIR` and sends SIGNAL as soon as the first output file (not a .flytecc-*.tmp)
# appears in OUT_DIR, i.e. while the staged files are being renamed into place. Prints, per run, whether the
# signal landed and how many outputs and temporaries were left; the test wants all outputs or none, and no
# temporary. A few runs, since the command may finish first.
#   signal-during-publish.py SIGNAL EXPECTED_OUTPUTS OUT_DIR COMMAND...
import os
import signal
import subprocess
import sys
import time

sig, expected, outdir, cmd = getattr(signal, sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4:]
landed = 0
for attempt in range(5):
    for name in os.listdir(outdir):
        os.remove(os.path.join(outdir, name))
    # As from an interactive shell: lit's children start with SIGINT ignored, which a program keeps ignoring.
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    sent = False
    while p.poll() is None:
        if any(not n.startswith(".") for n in os.listdir(outdir)):
            p.send_signal(sig)
            sent = True
            break
        time.sleep(0.0002)
    p.wait()
    names = os.listdir(outdir)
    outputs = sum(1 for n in names if not n.startswith("."))
    temps = sum(1 for n in names if n.startswith("."))
    killed = sent and p.returncode == -sig
    landed += killed
    verdict = "all" if outputs == expected else "none" if outputs == 0 else f"PARTIAL {outputs} of {expected}"
    print(f"{'killed' if killed else 'finished'}: outputs {verdict}, temporaries {temps}")
print(f"signals landed: {'yes' if landed else 'no'}")
