"""A model provider on a local port for the browser tests and screenshots: OpenAI's Responses and
Chat Completions APIs, answering with the fixtures the Swift tests use (Tests/ProviderFixtures,
which scripts/sdk/replies.py checks against the official SDK), streamed when asked, or with
whatever a test scripts."""

import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURES = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "ProviderFixtures"))


def fixture(name):
    with open(os.path.join(FIXTURES, name), encoding="utf-8") as handle:
        return handle.read()


def responses_reply(text):
    """A Responses answer whose output text is `text`."""
    reply = json.loads(fixture("openai-responses/reply.json"))
    reply["output"][0]["content"][0]["text"] = text
    return (200, {"Content-Type": "application/json"}, json.dumps(reply))


class FakeProvider:
    def __init__(self):
        self.script = []
        self.received = []
        self.lock = threading.Lock()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
                with provider.lock:
                    provider.received.append({"path": self.path, "body": body})
                    scripted = provider.script.pop(0) if provider.script else None
                status, headers, payload = scripted or provider.default(self.path, body)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                if isinstance(payload, list):
                    # A stream: parts sent one by one, as a model writes.
                    self.send_header("Transfer-Encoding", "chunked")
                    self.end_headers()
                    for part in payload:
                        data = part.encode()
                        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                        self.wfile.flush()
                    self.wfile.write(b"0\r\n\r\n")
                    return
                data = payload.encode()
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @staticmethod
    def default(path, body):
        api = "openai-chat" if path.endswith("/chat/completions") else "openai-responses"
        if '"stream":true' in body.replace(" ", ""):
            events = [event + "\n\n" for event in fixture(f"{api}/stream.sse").split("\n\n") if event.strip()]
            return (200, {"Content-Type": "text/event-stream"}, events)
        return (200, {"Content-Type": "application/json"}, fixture(f"{api}/reply.json"))

    def answer(self, *answers):
        """The next requests get these answers, in order; then the default ones again."""
        with self.lock:
            self.script = list(answers)

    def outage(self, count=10):
        self.answer(*[(503, {"Content-Type": "application/json"}, json.dumps({"error": {"message": "The engine is currently overloaded, please try again later"}}))] * count)

    def stop(self):
        self.server.shutdown()
