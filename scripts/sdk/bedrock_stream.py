#!/usr/bin/env python3
"""Writes Tests/ProviderFixtures/bedrock/stream.bin from stream.json: Bedrock's ConverseStream
answer in AWS's binary event-stream framing (prelude with lengths and CRC32, `:event-type`,
`:content-type` and `:message-type` string headers, a JSON payload, a message CRC32).

    python3 scripts/sdk/bedrock_stream.py

scripts/sdk/replies.py reads the result back with botocore's own event-stream parser, which checks
the framing and both checksums, so the bytes the Swift fake serves are bytes boto3 accepts."""
import json
import os
import struct
import zlib

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Tests", "ProviderFixtures", "bedrock")


def header(name, value):
    name, value = name.encode(), value.encode()
    return struct.pack(">B", len(name)) + name + struct.pack(">BH", 7, len(value)) + value


def message(event):
    kind = "exception" if "exception" in event else "event"
    headers = header(":event-type" if kind == "event" else ":exception-type", event.get("event") or event["exception"])
    headers += header(":content-type", "application/json") + header(":message-type", kind)
    payload = json.dumps(event["payload"], separators=(",", ":")).encode()
    total = 12 + len(headers) + len(payload) + 4
    prelude = struct.pack(">II", total, len(headers))
    body = prelude + struct.pack(">I", zlib.crc32(prelude)) + headers + payload
    return body + struct.pack(">I", zlib.crc32(body))


def main():
    with open(os.path.join(HERE, "stream.json"), encoding="utf-8") as handle:
        events = json.load(handle)
    with open(os.path.join(HERE, "stream.bin"), "wb") as handle:
        handle.write(b"".join(message(event) for event in events))


if __name__ == "__main__":
    main()
