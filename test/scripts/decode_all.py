#!/usr/bin/env python3
"""Decodes every .pb flytecc wrote with `protoc --decode` and the official .proto files.

protoc's decoder shares no code with flytecc's generated C++; a file that does not decode
cleanly as its declared message type (by file suffix) fails the run.
Usage: decode_all.py PROTOC PROTO_ROOT DIR
"""
import os
import subprocess
import sys

TYPES = {
    ".task.pb": ("flyteidl.core.TaskTemplate", "flyteidl/core/tasks.proto"),
    ".workflow.pb": ("flyteidl.core.WorkflowTemplate", "flyteidl/core/workflow.proto"),
    ".launchplan.pb": ("flyteidl.admin.LaunchPlan", "flyteidl/admin/launch_plan.proto"),
}


def main():
    protoc, root, directory = sys.argv[1:4]
    count = 0
    for name in sorted(os.listdir(directory)):
        suffix = next((s for s in TYPES if name.endswith(s)), None)
        if suffix is None:
            print(f"unexpected file {name}")
            return 1
        message, proto = TYPES[suffix]
        with open(os.path.join(directory, name), "rb") as f:
            data = f.read()
        r = subprocess.run([protoc, f"-I{root}", f"--decode={message}", proto], input=data, capture_output=True)
        if r.returncode != 0 or not r.stdout:
            print(f"FAIL {name}: {r.stderr.decode()}")
            return 1
        print(f"=== {name} ({message})")
        print(r.stdout.decode())
        count += 1
    print(f"decoded {count} files")
    return 0 if count else 1


if __name__ == "__main__":
    sys.exit(main())
