"""A small Language Server Protocol client over a server's stdin/stdout (JSON-RPC with Content-Length
headers), for driving flytecc-clangd in tests and benchmarks. Every wait has a deadline: a server that
stops answering fails the caller with LspError instead of hanging it."""
import json
import os
import queue
import subprocess
import threading
import time


class LspError(Exception):
    pass


def path_uri(path):
    return "file://" + os.path.abspath(path)


class LspClient:
    def __init__(self, argv, cwd=None, stderr=None, timeout=60.0):
        self.timeout = timeout
        self.proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=stderr if stderr is not None else subprocess.DEVNULL, cwd=cwd)
        self.messages = queue.Queue()
        self.next_id = 0
        self.pending = []  # messages read while waiting for something else
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # --- transport -----------------------------------------------------------------------------
    def _read(self):
        out = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self.messages.put(None)
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                if length is None:
                    continue
                body = out.read(length)
                self.messages.put((time.monotonic(), json.loads(body)))
        except (OSError, ValueError) as e:
            self.messages.put(("error", str(e)))

    def _send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        rid = self.next_id
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        _, msg = self.wait_for(lambda m: m.get("id") == rid and "method" not in m, "reply to " + method)
        if "error" in msg:
            raise LspError("%s failed: %s" % (method, msg["error"]))
        return msg.get("result")

    def wait_for(self, predicate, what, timeout=None):
        """Returns (arrival time, message) of the first message matching predicate."""
        for i, (t, m) in enumerate(self.pending):
            if predicate(m):
                del self.pending[i]
                return t, m
        deadline = time.monotonic() + (timeout or self.timeout)
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise LspError("timed out waiting for " + what)
            try:
                item = self.messages.get(timeout=left)
            except queue.Empty:
                raise LspError("timed out waiting for " + what)
            if item is None:
                raise LspError("server closed its output while waiting for %s (exit code %s)" %
                               (what, self.proc.poll()))
            if item[0] == "error":
                raise LspError("bad message from server: " + item[1])
            t, m = item
            if "method" in m and "id" in m:  # a request from the server: answer it plainly
                self._send({"jsonrpc": "2.0", "id": m["id"], "result": None})
                continue
            if predicate(m):
                return t, m
            self.pending.append((t, m))

    # --- the LSP conversation ------------------------------------------------------------------
    def initialize(self, root):
        caps = {
            "textDocument": {
                "publishDiagnostics": {"relatedInformation": True, "versionSupport": True},
                "codeAction": {"codeActionLiteralSupport": {
                    "codeActionKind": {"valueSet": ["", "quickfix", "refactor", "source"]}}},
                "synchronization": {"didSave": True},
            },
        }
        result = self.request("initialize", {"processId": os.getpid(), "rootUri": path_uri(root),
                                             "capabilities": caps})
        self.notify("initialized", {})
        return result

    def open(self, path, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": path_uri(path), "languageId": "cpp", "version": version, "text": text}})

    def change(self, path, text, version):
        self.notify("textDocument/didChange", {"textDocument": {"uri": path_uri(path), "version": version},
                                               "contentChanges": [{"text": text}]})

    def diagnostics(self, path, version, timeout=None):
        """(arrival time, diagnostics) of the publishDiagnostics for that version of the document."""
        uri = path_uri(path)
        t, m = self.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and
                             m["params"]["uri"] == uri and m["params"].get("version") == version,
                             "diagnostics of %s version %d" % (path, version), timeout)
        return t, m["params"]["diagnostics"]

    def code_actions(self, path, diagnostic):
        return self.request("textDocument/codeAction", {
            "textDocument": {"uri": path_uri(path)}, "range": diagnostic["range"],
            "context": {"diagnostics": [diagnostic]}})

    def shutdown(self):
        """shutdown + exit; returns the server's exit code (it must exit by itself)."""
        self.request("shutdown", None)
        self.notify("exit", None)
        try:
            return self.proc.wait(timeout=self.timeout)
        finally:
            self.close()

    def close(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def offset_of(text, line, character):
    """Offset in text of an LSP position (clangd's default position encoding is UTF-16; the texts
    here are ASCII)."""
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[:line]) + character


def apply_edits(text, edits):
    """Applies LSP TextEdits (non-overlapping) to text."""
    spans = sorted(((offset_of(text, e["range"]["start"]["line"], e["range"]["start"]["character"]),
                     offset_of(text, e["range"]["end"]["line"], e["range"]["end"]["character"]),
                     e["newText"]) for e in edits), reverse=True)
    for begin, end, new in spans:
        text = text[:begin] + new + text[end:]
    return text
