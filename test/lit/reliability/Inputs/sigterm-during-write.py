# Starts a command (`flytecc package ...`) and sends it SIGTERM as soon as its temporary archive
# (.flytecc-*.tmp) appears in OUT_DIR, i.e. while the archive is being written (the test's source makes the
# write last a while: megabytes of incompressible default input to gzip). Retries a few times if the
# command finished before the file was seen; prints how many runs were killed mid-write (the test wants 1).
#   sigterm-during-write.py OUT_DIR COMMAND...
import os
import signal
import subprocess
import sys
import time

outdir, cmd = sys.argv[1], sys.argv[2:]
killed = 0
for attempt in range(5):
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    seen = None
    while seen is None and p.poll() is None:
        seen = next((n for n in os.listdir(outdir) if n.startswith(".flytecc-") and n.endswith(".tmp")), None)
        if seen is None:
            time.sleep(0.0005)
    if seen is not None and p.poll() is None:
        p.send_signal(signal.SIGTERM)
    err = p.communicate()[1].decode(errors="replace")
    if seen is not None and p.returncode == -signal.SIGTERM:
        killed += 1
        break
    print(f"attempt {attempt}: temporary file {'seen' if seen else 'not seen'}, exit {p.returncode}: {err[-300:]}",
          file=sys.stderr)
print(f"killed while writing: {killed}")
