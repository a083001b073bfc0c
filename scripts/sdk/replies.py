#!/usr/bin/env python3
"""Check the provider answers the Swift tests' fake servers send against the official SDKs.

    python3 scripts/sdk/replies.py Tests/ProviderFixtures

The fake providers in Tests/PromptLibServerTests/Providers answer with the files of
Tests/ProviderFixtures: whole replies, streamed events and error bodies. A fake that speaks a
wire format the real provider does not would prove nothing, so each file is read here with the
type the provider's own SDK reads it with (openai, anthropic, google-genai; botocore's service
model for Bedrock). Prints one line per file and `N passed, M failed`; exits 1 on any failure.
"""
import json
import pathlib
import sys

import botocore.eventstream
import botocore.session
from anthropic.types import Message, RawMessageStreamEvent
from anthropic.types.shared import ErrorResponse as AnthropicError
from google.genai import types as gtypes
from openai.types.chat import ChatCompletion, ChatCompletionChunk
from openai.types.responses import Response, ResponseStreamEvent
from openai.types.shared import ErrorObject
from pydantic import BaseModel, TypeAdapter


def sse_events(text):
    """The `data` of each event of a Server-Sent Events file."""
    events, data = [], []
    for line in text.splitlines() + [""]:
        if line == "":
            if data:
                events.append("\n".join(data))
            data = []
        elif line.startswith("data:"):
            data.append(line[5:].lstrip(" ") if line.startswith("data: ") else line[5:])
    return events


def strict(model_type, value):
    """Validate, then insist no model along the way kept an extra key: the SDKs' response models
    accept unknown keys (for forward compatibility), which would let a fake invent a field."""
    model = TypeAdapter(model_type).validate_python(value)
    extras = _extras(model)
    if extras:
        raise ValueError(f"keys the SDK does not know: {extras}")
    return model


def _extras(node, path="$"):
    if isinstance(node, BaseModel):
        found = [f"{path}.{key}" for key in (node.__pydantic_extra__ or {})]
        for name in type(node).model_fields:
            found += _extras(getattr(node, name), f"{path}.{name}")
        return found
    if isinstance(node, (list, tuple)):
        return [e for index, item in enumerate(node) for e in _extras(item, f"{path}[{index}]")]
    if isinstance(node, dict):
        return [e for key, item in node.items() for e in _extras(item, f"{path}.{key}")]
    return []


def bedrock_output(value, shape=None, path="$"):
    """Walks a Converse answer against botocore's output shape: known members, right types."""
    if shape is None:
        model = botocore.session.get_session().get_service_model("bedrock-runtime")
        shape = model.operation_model("Converse").output_shape
    kind = shape.type_name
    if kind == "structure":
        if not isinstance(value, dict):
            raise ValueError(f"{path} must be an object")
        for key in shape.required_members:
            if key not in value:
                raise ValueError(f"{path}.{key} is required")
        for key, item in value.items():
            if key not in shape.members:
                raise ValueError(f"{path}.{key} is not a Converse output member")
            bedrock_output(item, shape.members[key], f"{path}.{key}")
    elif kind == "list":
        for index, item in enumerate(value):
            bedrock_output(item, shape.member, f"{path}[{index}]")
    elif kind == "string" and not isinstance(value, str):
        raise ValueError(f"{path} must be a string")
    elif kind in ("integer", "long") and not (isinstance(value, int) and not isinstance(value, bool)):
        raise ValueError(f"{path} must be an integer")


def bedrock_stream(root):
    """The binary ConverseStream fixture, parsed by botocore's event-stream parser (framing and
    checksums), each event checked against the ConverseStream output shape, and equal to the JSON
    it was written from."""
    model = botocore.session.get_session().get_service_model("bedrock-runtime")
    shapes = model.operation_model("ConverseStream").output_shape.members["stream"].members
    parser = botocore.eventstream.EventStreamBuffer()
    parser.add_data((root / "bedrock" / "stream.bin").read_bytes())
    events = [(m.headers[":event-type"], json.loads(m.payload)) for m in parser]
    for name, payload in events:
        if name not in shapes:
            raise ValueError(f"{name} is not a ConverseStream event")
        bedrock_output(payload, shapes[name], f"$.{name}")
    written = [(e["event"], e["payload"]) for e in json.loads((root / "bedrock" / "stream.json").read_text())]
    if events != written:
        raise ValueError("stream.bin is not stream.json: run scripts/sdk/bedrock_stream.py")


def gemini_reply(value):
    return gtypes.GenerateContentResponse.model_validate(value)


CHECKS = {
    "openai-chat/reply.json": lambda v: strict(ChatCompletion, v),
    "openai-chat/stream.sse": lambda e: [strict(ChatCompletionChunk, json.loads(x)) for x in e if x != "[DONE]"],
    "openai-chat/error-429.json": lambda v: strict(ErrorObject, v["error"]),
    "openai-chat/error-401.json": lambda v: strict(ErrorObject, v["error"]),
    "openai-responses/reply.json": lambda v: strict(Response, v),
    "openai-responses/stream.sse": lambda e: [strict(ResponseStreamEvent, json.loads(x)) for x in e],
    "anthropic/reply.json": lambda v: strict(Message, v),
    "anthropic/stream.sse": lambda e: [strict(RawMessageStreamEvent, json.loads(x)) for x in e if json.loads(x)["type"] != "ping"],
    "anthropic/error-429.json": lambda v: strict(AnthropicError, v),
    "anthropic/error-401.json": lambda v: strict(AnthropicError, v),
    "gemini/reply.json": gemini_reply,
    "gemini/stream.sse": lambda e: [gemini_reply(json.loads(x)) for x in e],
    "gemini/error-429.json": lambda v: v["error"]["code"] == 429 and isinstance(v["error"]["message"], str) or (_ for _ in ()).throw(ValueError("bad error")),
    "gemini/error-400.json": lambda v: isinstance(v["error"]["message"], str) or (_ for _ in ()).throw(ValueError("bad error")),
    "bedrock/reply.json": bedrock_output,
    "bedrock/error-429.json": lambda v: isinstance(v["message"], str) or (_ for _ in ()).throw(ValueError("bad error")),
    "bedrock/error-403.json": lambda v: isinstance(v["message"], str) or (_ for _ in ()).throw(ValueError("bad error")),
}


def main():
    root = pathlib.Path(sys.argv[1])
    found = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    passed = failed = 0
    for name in found:
        if name in ("bedrock/stream.bin", "bedrock/stream.json"):
            continue
        check = CHECKS.get(name)
        if check is None:
            print(f"FAIL {name}: no SDK check for this file")
            failed += 1
            continue
        text = (root / name).read_text(encoding="utf-8")
        try:
            check(sse_events(text) if name.endswith(".sse") else json.loads(text))
            passed += 1
        except Exception as error:  # noqa: BLE001 - every failure is reported the same way
            print(f"FAIL {name}: " + " | ".join(str(error).splitlines()[:4]))
            failed += 1
    try:
        bedrock_stream(root)
        passed += 1
    except Exception as error:  # noqa: BLE001
        print("FAIL bedrock/stream.bin: " + " | ".join(str(error).splitlines()[:4]))
        failed += 1
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed or not passed else 0)


if __name__ == "__main__":
    main()
