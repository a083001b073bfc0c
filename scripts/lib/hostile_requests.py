"""Sends malformed and hostile HTTP requests to a running server over raw sockets.

Prints one line per request and exits non-zero when any answer is a 5xx or no answer at all
(a crash). Used by scripts/e2e.sh against the real binary.
"""
import socket
import sys

PORT = int(sys.argv[1])
# With a token the requests reach the handlers instead of stopping at authentication.
AUTH = (b"Authorization: Bearer " + sys.argv[2].encode() + b"\r\n") if len(sys.argv) > 2 else b""
BIG = 11 * 1024 * 1024

REQUESTS = {
    "unicode bytes in the path": b"GET /api/v1/prompts/\xc3\xbc\xf0\x9f\x98\x80 HTTP/1.1\r\nHost: x\r\n\r\n",
    "not HTTP at all": b"GARBAGE\r\n\r\n",
    "invalid percent-encoding": b"GET /api/v1/prompts?limit=%ff%fe HTTP/1.1\r\nHost: x\r\n\r\n",
    "negative limit": b"GET /api/v1/prompts?limit=-1 HTTP/1.1\r\nHost: x\r\n\r\n",
    "body shorter than Content-Length": b"POST /api/v1/prompts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"na",
    "truncated JSON": b"POST /api/v1/prompts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{\"name\":1",
    "wrong JSON types": b"POST /api/v1/prompts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 30\r\n\r\n{\"name\":[],\"title\":{},\"x\":1.5}",
    "10 MB declared body": b"POST /api/v1/prompts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % BIG,
}


def post(path, content_type, body):
    return b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s" % (
        path, content_type, len(body), body)


# Billion laughs: nine levels of anchors, each alias list ten deep (refused: no anchors in prompts).
LAUGHS = b"schema: promptlib/v1\nname: laughs\ntitle: L\nprompt:\n  goal: Hi\nmodel:\n  provider: openai\n  params:\n"
LAUGHS += b"    a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
for level in range(1, 9):
    LAUGHS += b"    a%d: &a%d [%s]\n" % (level, level, b", ".join([b"*a%d" % (level - 1)] * 10))
REQUESTS.update({
    "YAML billion laughs": post(b"/api/v1/prompts", b"application/yaml", LAUGHS),
    "YAML nested 5,000 deep": post(b"/api/v1/prompts", b"application/yaml",
                                   b"name: deep\ntitle: D\nprompt:\n  goal: " + b"[" * 5000 + b"]" * 5000 + b"\n"),
    "NUL in a JSON title": post(b"/api/v1/prompts", b"application/json", b'{"name":"n","title":"a\\u0000","prompt":{"goal":"g"}}'),
    "NUL in the query": b"GET /api/v1/prompts?q=a%00b HTTP/1.1\r\nHost: x\r\n\r\n",
    "doubled slashes": b"GET //api//v1/prompts/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\nHost: x\r\n\r\n",
    "ZIP64 size 2^64-1 import": post(b"/api/v1/imports?dry_run=true", b"application/zip",
                                     b"PK\x03\x04" + b"\x00" * 26 + b"PK\x05\x06" + b"\x00" * 4 + b"\xff\xff\xff\xff" + b"\xff" * 8 + b"\x00\x00"),
})


def send(raw, body_chunks=None):
    with socket.create_connection(("127.0.0.1", PORT), timeout=10) as conn:
        if AUTH and b"\r\n" in raw and not raw.startswith(b"GARBAGE"):
            line, rest = raw.split(b"\r\n", 1)
            raw = line + b"\r\n" + AUTH + rest
        conn.sendall(raw)
        for chunk in body_chunks or []:
            try:
                conn.sendall(chunk)
            except OSError:
                break  # the server answered early and closed: that is allowed
        try:
            conn.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        data = b""
        try:
            while len(data) < 65536:
                part = conn.recv(65536)
                if not part:
                    break
                data += part
        except (socket.timeout, ConnectionResetError):
            pass
    return data.split(b"\r\n", 1)[0].decode("latin-1")


def chunked_body():
    piece = b"a" * 65536
    for _ in range(BIG // len(piece)):
        yield b"%x\r\n%s\r\n" % (len(piece), piece)
    yield b"0\r\n\r\n"


failures = 0
cases = list(REQUESTS.items()) + [("10 MB chunked body", None)]
for name, raw in cases:
    if raw is None:
        raw = b"POST /api/v1/prompts HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        status_line = send(raw, chunked_body())
    else:
        status_line = send(raw)
    parts = status_line.split(" ")
    ok = len(parts) > 1 and parts[1].startswith("4")
    failures += 0 if ok else 1
    print(f"{'ok  ' if ok else 'FAIL'} {name}: {status_line or 'no answer'}")
sys.exit(1 if failures else 0)
