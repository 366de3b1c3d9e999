"""A signature-checking front for s3rver: s3rver checks the access key id of SigV4 requests but not the signature.
This proxy recomputes every signed request's SigV4 signature with botocore (AWS's own signer), answers 403
SignatureDoesNotMatch when it differs, and otherwise forwards the request to s3rver unchanged (bodies streamed).

    python3 sigv4_proxy.py <s3rver port> [ACCESS_KEY=SECRET ...]

Listens on a free port on 127.0.0.1, prints {"port": N} when ready, exits when stdin closes or on SIGTERM.
Requests must use x-amz-content-sha256 (UNSIGNED-PAYLOAD or the body's hash, which is then not recomputed).
"""
import http.client
import http.server
import json
import signal
import sys
import threading

from botocore.auth import S3SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

UPSTREAM = int(sys.argv[1])
SECRETS = {"S3RVER": "S3RVER"}
for pair in sys.argv[2:]:
    k, _, v = pair.partition("=")
    SECRETS[k] = v
HOP = {"connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade", "proxy-connection"}


def expected_signature(method, path, headers, auth):
    fields = dict(p.strip().split("=", 1) for p in auth[len("AWS4-HMAC-SHA256 "):].split(","))
    key, date, region, service, _ = fields["Credential"].split("/")
    if key not in SECRETS:
        return None, fields["Signature"]  # unknown key: s3rver itself answers InvalidAccessKeyId
    signed = fields["SignedHeaders"].split(";")
    request = AWSRequest(method=method, url="http://" + headers["host"] + path,
                         headers={h: headers[h] for h in signed if h in headers})
    request.context["timestamp"] = headers["x-amz-date"]
    signer = S3SigV4Auth(Credentials(key, SECRETS[key]), service, region)
    canonical = signer.canonical_request(request)
    want = signer.signature(signer.string_to_sign(request, canonical), request)
    if want != fields["Signature"]:
        sys.stderr.write(f"sigv4_proxy: signature mismatch for {auth}; botocore's canonical request:\n{canonical}\n")
    return want, fields["Signature"]


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        headers = {k.lower(): v for k, v in self.headers.items()}
        length = int(headers.get("content-length", "0") or 0)
        auth = headers.get("authorization", "")
        if auth.startswith("AWS4-HMAC-SHA256 "):
            want, got = expected_signature(self.command, self.path, headers, auth)
            if want is not None and want != got:
                self.rfile.read(length)
                body = (b'<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code>'
                        b'<Message>The request signature we calculated does not match the signature you provided'
                        b' (checked by botocore).</Message></Error>')
                self.send_response(403)
                self.send_header("Content-Type", "application/xml")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        upstream = http.client.HTTPConnection("127.0.0.1", UPSTREAM, timeout=300)
        upstream.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        for k, v in self.headers.items():
            if k.lower() not in HOP and k.lower() != "expect":
                upstream.putheader(k, v)
        upstream.endheaders()
        remaining = length
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 1 << 20))
            if not chunk:
                break
            upstream.send(chunk)
            remaining -= len(chunk)
        resp = upstream.getresponse()
        self.send_response_only(resp.status, resp.reason)
        out_length = resp.getheader("content-length")
        body = None
        if out_length is None and self.command != "HEAD":
            body = resp.read()
            out_length = str(len(body))
        for k, v in resp.getheaders():
            if k.lower() not in HOP and k.lower() != "content-length":
                self.send_header(k, v)
        if out_length is not None:
            self.send_header("Content-Length", out_length)
        self.end_headers()
        if self.command != "HEAD":
            if body is not None:
                self.wfile.write(body)
            else:
                while True:
                    chunk = resp.read(1 << 20)
                    if not chunk:
                        break
                    self.wfile.write(chunk)
        upstream.close()

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = handle_any


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(json.dumps({"port": server.server_address[1]}), flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        sys.stdin.read()  # returns when the test closes our stdin (or dies)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
