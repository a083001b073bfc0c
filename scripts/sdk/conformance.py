#!/usr/bin/env python3
"""Check rendered request bodies against the providers' official SDK request types.

    python3 scripts/sdk/conformance.py CORPUS.jsonl [--catalogue CATALOGUE.json]
    python3 scripts/sdk/conformance.py --self-test

Each corpus line is {"case", "target", "model", "body"}. A body passes only if the SDK type accepts
it with no unknown key at any depth, no coerced type and no missing required key. The SDKs'
TypedDicts ignore unknown keys and the SDKs coerce "100" to 100, which would hide exactly the bugs
this looks for, so every validator here is strict and forbids extras. Prints one line per failure
and `N passed, M failed`; exits 1 on any failure or an empty corpus.
"""
import argparse
import ast
import copy
import datetime
import enum
import json
import re
import sys
import warnings
from typing import Dict, List, Optional, get_args

import botocore.session
import botocore.validate
from anthropic._data.deprecated_models import DEPRECATED_MODELS
from anthropic.types.message_create_params import MessageCreateParamsNonStreaming
from anthropic.types.model_param import ModelParam
from google.genai import types as gtypes
from openai.types.chat.completion_create_params import CompletionCreateParamsNonStreaming
from openai.types.responses.response_create_params import ResponseCreateParamsNonStreaming
from openai.types.shared import chat_model as openai_chat_model
from openai.types.shared.responses_model import ResponsesModel
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError
from typing_extensions import Literal, TypedDict


def _make_iterables_eager() -> None:
    """pydantic validates `Iterable[X]` lazily (a generator checked only when consumed), and the
    SDKs type `messages`, content lists and tools as Iterable: without this, a bad key inside a
    message passes validation. Worse, `Union[str, Iterable[Block]]` then takes a string as an
    iterable of characters. Validating them as lists (in the schemas built below) is eager and
    lets unions pick their member knowing the whole value. This is a pydantic internal, hence
    pydantic is pinned in requirements.txt; if it moves, stop rather than validate wrongly."""
    from pydantic._internal import _generate_schema as gs
    from pydantic_core import core_schema
    if not hasattr(gs.GenerateSchema, "_iterable_schema"):
        sys.exit("conformance.py: this pydantic has no GenerateSchema._iterable_schema; "
                 "use the version pinned in scripts/sdk/requirements.txt")
    gs.GenerateSchema._iterable_schema = lambda self, tp: core_schema.list_schema(
        self.generate_schema(self._get_first_arg_or_any(tp)))


_make_iterables_eager()

# ---------------------------------------------------------------- pydantic helpers

def _is_tag(part) -> bool:
    """pydantic puts union member names (`UserMessageParam`, `list[...]`, `str`) into error
    locations; they are not keys of the body."""
    return isinstance(part, str) and bool(re.search(r"^[A-Z]\w*$|[\[\]]|^(str|int|float|bool|none)$", part))


def _key(path, key) -> str:
    return f"{path}.{key}" if path else str(key)


def _path(loc, prefix="") -> str:
    out = prefix
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not _is_tag(part):
            out = _key(out, part)
    return out or "(body)"


def _prune(errors) -> list:
    """A union failure lists every member's errors, under a location part naming the member. At
    each union keep only the member that came closest (fewest errors, then the deepest), with
    the member names taken out of the locations, recursively."""
    plain, unions = [], {}
    for e in errors:
        i = next((k for k, part in enumerate(e["loc"]) if _is_tag(part)), None)
        if i is None:
            plain.append(e)
        else:
            members = unions.setdefault(tuple(e["loc"][:i]), {})
            members.setdefault(e["loc"][i], []).append(dict(e, loc=e["loc"][:i] + e["loc"][i + 1:]))
    for members in unions.values():
        pruned = [_prune(errs) for errs in members.values()]
        best = min(pruned, key=lambda errs: (len(errs), -max(len(e["loc"]) for e in errs)))
        # No member matched its discriminator: name all the values that would have.
        lone = [errs[0] for errs in pruned if len(errs) == 1]
        lits = list(dict.fromkeys(e["ctx"]["expected"] for e in lone
                                  if e["type"] == "literal_error" and e["loc"] == best[0]["loc"]))
        if len(best) == 1 and best[0]["type"] == "literal_error" and len(lits) > 1:
            best = [dict(best[0], msg="Input should be one of " + ", ".join(lits))]
        plain += best
    return plain


def _describe(errors, prefix="") -> str:
    """One line for a ValidationError: the closest union members' errors, unknown keys first."""
    rank = {"extra_forbidden": 0, "missing": 1, "literal_error": 3}
    msgs = list(dict.fromkeys(
        f"{_path(e['loc'], prefix)}: {'unknown key' if e['type'] == 'extra_forbidden' else e['msg']}"
        for e in sorted(_prune(errors), key=lambda e: rank.get(e["type"], 2))))
    return "; ".join(msgs[:3]) + (f" (+{len(msgs) - 3} more)" if len(msgs) > 3 else "")


def _walk_output(value, path) -> List[str]:
    """Some SDK unions also admit the SDK's *response* models (e.g. anthropic's TextBlock), which
    are pydantic models with extra='allow': a block with an unknown key lands there instead of
    failing. Report their extras."""
    if isinstance(value, BaseModel):
        out = [f"{_key(path, k)}: unknown key" for k in (value.model_extra or {})]
        for name in type(value).model_fields:
            out += _walk_output(getattr(value, name), _key(path, name))
        return out
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _walk_output(v, _key(path, k))]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _walk_output(v, f"{path}[{i}]")]
    return []


def _typeddict_checker(typed_dict):
    """TypeAdapter refuses a config for a TypedDict itself, but a config given to a List[...] of it
    is inherited by every nested TypedDict that has none of its own: extra='forbid' at all depths.
    strict=True stops "100" passing as 100 and 1 as True."""
    adapter = TypeAdapter(List[typed_dict], config=ConfigDict(extra="forbid", strict=True))

    def check(body) -> List[str]:
        try:
            [value] = adapter.validate_json(json.dumps([body]))
        except ValidationError as e:
            return [_describe([dict(err, loc=err["loc"][1:]) for err in e.errors()])]
        return _walk_output(value, "")
    return check


def _blank_content(messages, key, field, is_text) -> List[str]:
    """Anthropic, Bedrock and Gemini reject empty or whitespace-only message text, which their
    types cannot express. `is_text(block)` says whether a content block carries only text."""
    out, _blank = [], lambda text: isinstance(text, str) and not text.strip()
    for i, msg in enumerate(messages if isinstance(messages, list) else []):
        content = msg.get(field) if isinstance(msg, dict) else None
        if _blank(content) or content == []:
            out.append(f"{key}[{i}].{field}: empty or whitespace-only")
        for j, block in enumerate(content if isinstance(content, list) else []):
            if isinstance(block, dict) and is_text(block) and _blank(block.get("text", "")):
                out.append(f"{key}[{i}].{field}[{j}].text: empty or whitespace-only")
    return out


# ---------------------------------------------------------------- targets

check_openai = _typeddict_checker(CompletionCreateParamsNonStreaming)
"""Chat Completions, and the OpenAI-compatible Llama body."""
check_openai_responses = _typeddict_checker(ResponseCreateParamsNonStreaming)
"""Responses API. `model` is optional in the SDK type (a stored prompt may name it): check_case
requires it by comparing with the corpus line."""
_anthropic = _typeddict_checker(MessageCreateParamsNonStreaming)


def check_anthropic(body) -> List[str]:
    """Messages API. This SDK's params have no temperature/top_p/top_k at all, so sending them
    fails here; structured output is `output_config.format`."""
    return _anthropic(body) + _blank_content(body.get("messages"), "messages", "content",
                                             lambda block: block.get("type") == "text")


class GeminiRequest(BaseModel):
    """The REST body of generateContent. The SDK has no type for this wire envelope (its
    GenerateContentConfig is the SDK-side merge of several of these fields), so the envelope is
    declared here and every field in it is the SDK's own type."""
    model_config = ConfigDict(extra="forbid")
    contents: List[gtypes.Content]
    system_instruction: Optional[gtypes.Content] = Field(None, alias="systemInstruction")
    generation_config: Optional[gtypes.GenerationConfig] = Field(None, alias="generationConfig")
    tools: Optional[List[gtypes.Tool]] = None
    tool_config: Optional[gtypes.ToolConfig] = Field(None, alias="toolConfig")
    safety_settings: Optional[List[gtypes.SafetySetting]] = Field(None, alias="safetySettings")
    cached_content: Optional[str] = Field(None, alias="cachedContent")
    labels: Optional[Dict[str, str]] = None


def _gemini_enums(obj, raw, path) -> List[str]:
    """google-genai enums are case-insensitive and take unknown values with only a warning. The SDK
    would then send the canonical spelling; a REST body rendered without it gets no such help."""
    if isinstance(obj, BaseModel) and isinstance(raw, dict):
        return [p for name, f in type(obj).model_fields.items() if (f.alias or name) in raw
                for p in _gemini_enums(getattr(obj, name), raw[f.alias or name], _key(path, f.alias or name))]
    if isinstance(obj, list) and isinstance(raw, list):
        return [p for i, (o, r) in enumerate(zip(obj, raw)) for p in _gemini_enums(o, r, f"{path}[{i}]")]
    if isinstance(obj, dict) and isinstance(raw, dict):
        return [p for k in raw if k in obj for p in _gemini_enums(obj[k], raw[k], _key(path, k))]
    if isinstance(obj, enum.Enum) and obj.name not in type(obj).__members__:
        return [f"{path}: {raw!r} is not a {type(obj).__name__} value"]
    if isinstance(obj, enum.Enum) and obj.value != raw:
        return [f"{path}: {raw!r} is not the enum value {obj.value!r}"]
    return []


def check_gemini(body) -> List[str]:
    """generateContent REST body. extra='forbid' is the SDK models' own config; by_name=False
    insists on the camelCase wire names (the models would also take snake_case); strict stops
    coercion. Gemini roles are only user and model (the SDK types role as any string)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "X is not a valid Type": reported by _gemini_enums
        try:
            req = GeminiRequest.model_validate_json(json.dumps(body), strict=True, by_alias=True,
                                                    by_name=False)
        except ValidationError as e:
            return [_describe(e.errors())]
    problems = _gemini_enums(req, body, "")
    problems += [f"contents[{i}].role: {c.get('role')!r} is not user or model"
                 for i, c in enumerate(body["contents"]) if c.get("role") not in ("user", "model")]
    return problems + _blank_content(body["contents"], "contents", "parts",
                                     lambda part: set(part) <= {"text", "thought", "thoughtSignature"})


_CONVERSE = botocore.session.get_session().get_service_model("bedrock-runtime") \
    .operation_model("Converse").input_shape


def _bedrock_walk(shape, value, path) -> List[str]:
    """botocore's ParamValidator checks keys, types, required members and minimums, but not enums
    (it passes any role), and it takes true as a number (bool is an int in Python)."""
    if shape.type_name == "structure" and isinstance(value, dict):
        return [p for k, v in value.items() if k in shape.members
                for p in _bedrock_walk(shape.members[k], v, _key(path, k))]
    if shape.type_name == "list" and isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _bedrock_walk(shape.member, v, f"{path}[{i}]")]
    if shape.type_name == "map" and isinstance(value, dict):
        return [p for k, v in value.items() for p in _bedrock_walk(shape.value, v, _key(path, k))]
    if shape.type_name == "string" and shape.enum and value not in shape.enum:
        return [f"{path}: {value!r} is not one of {shape.enum}"]
    if shape.type_name in ("integer", "long", "float", "double") and isinstance(value, bool):
        return [f"{path}: boolean where a number is expected"]
    return []


def check_bedrock(body, model) -> List[str]:
    """Converse input minus modelId (it goes in the URL), put back from the corpus line here."""
    if "modelId" in body:
        return ["modelId: belongs in the URL, not the body"]
    params = dict(body, modelId=model or "model")
    report = botocore.validate.ParamValidator().validate(params, _CONVERSE)
    problems = report.generate_report().splitlines() if report.has_errors() else []
    return problems + _bedrock_walk(_CONVERSE, params, "") + _blank_content(
        body.get("messages"), "messages", "content", lambda block: "text" in block)


CHECKS = {"openai": lambda b, m: check_openai(b), "llama": lambda b, m: check_openai(b),
          "openai_responses": lambda b, m: check_openai_responses(b),
          "anthropic": lambda b, m: check_anthropic(b), "gemini": lambda b, m: check_gemini(b),
          "bedrock": check_bedrock}


def check_case(rec) -> List[str]:
    """Problems with one corpus record (an empty list: it conforms)."""
    target, body, model = rec.get("target"), rec.get("body"), rec.get("model")
    if target not in CHECKS:
        return [f"unknown target {target!r}"]
    if not isinstance(body, dict):
        return ["body is not a JSON object"]
    problems = []
    if target not in ("gemini", "bedrock") and model and body.get("model") != model:
        problems.append(f"model: body has {body.get('model')!r}, the case says {model!r}")
    return problems + CHECKS[target](body, model)


# ---------------------------------------------------------------- catalogue


CatalogueEntry = TypedDict("CatalogueEntry", {
    "provider": Literal["openai", "anthropic", "gemini", "bedrock", "llama"], "model": str,
    "family": str, "reasoning": bool, "context_window": Optional[int],
    "deprecated_on": Optional[str], "default": bool})
_check_entry = _typeddict_checker(CatalogueEntry)


def _literals(tp) -> set:
    """Every string Literal value inside a (possibly nested) Union alias."""
    args = get_args(tp)
    if args and all(isinstance(a, str) for a in args):
        return set(args)
    return set().union(*(_literals(a) for a in args)) if args else set()


def openai_deprecations() -> Dict[str, Optional[str]]:
    """model -> shutdown date (None: 'Not a supported model ID'), from the "Deprecated values:"
    docstring after ChatModel in chat_model.py, which exists only in the source."""
    tree = ast.parse(open(openai_chat_model.__file__, encoding="utf-8").read())
    doc = ""
    for node, nxt in zip(tree.body, tree.body[1:]):
        if getattr(getattr(node, "target", None), "id", None) == "ChatModel" and \
                isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant):
            doc = nxt.value.value
    out = {}
    for item in re.split(r"\n- ", doc)[1:]:  # - "a", "b": Announced shutdown date: 2027-01-14.
        names, _, reason = item.partition('":')
        date = re.search(r"shutdown\s+date:\s*(\d{4}-\d{2}-\d{2})", reason)
        for name in re.findall(r'"([^"]+)"', names + '"'):
            out[name] = date.group(1) if date else None
    return out


def anthropic_deprecations() -> Dict[str, str]:
    """model -> end-of-life date, from DEPRECATED_MODELS ("November 30th, 2026")."""
    return {m: datetime.datetime.strptime(re.sub(r"(\d)(st|nd|rd|th)", r"\1", d), "%B %d, %Y")
            .date().isoformat() for m, d in DEPRECATED_MODELS.items()}


def check_catalogue(entries) -> List[tuple]:
    """[(name, provider, problems)] for each catalogue entry."""
    deprecated = {"openai": openai_deprecations(), "anthropic": anthropic_deprecations()}
    known = {"openai": _literals(ResponsesModel), "anthropic": _literals(ModelParam)}
    results = []
    for e in entries if isinstance(entries, list) else [entries]:
        problems = _check_entry(e)
        if problems:
            results.append((f"catalogue:{json.dumps(e)[:60]}", "catalogue", problems))
            continue
        provider, model, on = e["provider"], e["model"], e["deprecated_on"]
        if on is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", on):
            problems.append(f"deprecated_on {on!r} is not YYYY-MM-DD")
        if provider in known and model not in known[provider]:
            problems.append(f"{model!r} is not in the {provider} SDK's model literals")
        table = deprecated.get(provider, {})
        if model in table and table[model] is None:
            problems.append(f"the {provider} SDK lists {model!r} as not a supported model ID")
        elif provider in deprecated and table.get(model) != on:
            problems.append(f"deprecated_on is {on!r}, the {provider} SDK says {table.get(model)!r}")
        if e["default"] and (model in table or on is not None):
            problems.append(f"default model {model!r} is deprecated")
        results.append((f"catalogue:{provider}/{model}", provider, problems))
    return results


# ---------------------------------------------------------------- self-test

_SCHEMA = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"],
           "additionalProperties": False}
GOOD = {  # the example bodies of the brief, each the shape a renderer produces
    "openai": {
        "model": "gpt-5.5", "max_completion_tokens": 100,
        "messages": [{"role": "system", "content": "x"}, {"role": "user", "content": "y"}],
        "response_format": {"type": "json_schema",
                            "json_schema": {"name": "n", "strict": True, "schema": _SCHEMA}}},
    "openai_responses": {
        "model": "gpt-5.5", "instructions": "s", "max_output_tokens": 100,
        "input": [{"role": "user", "content": [{"type": "input_text", "text": "hi"}]}],
        "text": {"format": {"type": "json_schema", "name": "n", "strict": True, "schema": _SCHEMA}},
        "reasoning": {"effort": "low"}},
    "anthropic": {
        "model": "claude-sonnet-5-5", "max_tokens": 1024, "system": "s",
        "messages": [{"role": "user", "content": "hi"}],
        "output_config": {"format": {"type": "json_schema", "schema": _SCHEMA}}},
    "gemini": {
        "contents": [{"role": "user", "parts": [{"text": "hi"}]}],
        "systemInstruction": {"parts": [{"text": "s"}]},
        "generationConfig": {
            "temperature": 0.5, "maxOutputTokens": 100, "responseMimeType": "application/json",
            "responseSchema": {"type": "OBJECT", "properties": {"a": {"type": "STRING"}},
                               "required": ["a"], "propertyOrdering": ["a"]}}},
    "bedrock": {
        "messages": [{"role": "user", "content": [{"text": "hi"}]}], "system": [{"text": "s"}],
        "inferenceConfig": {"maxTokens": 100, "temperature": 0.5}},
}
GOOD["llama"] = dict(GOOD["openai"], model="Llama-4-Maverick-17B-128E-Instruct-FP8")
DEL = object()
BROKEN = [  # (targets, what, path, value): each sets (or with DEL removes) one key of GOOD[target]
    ("*", "unknown top-level key", ["bogus"], 1),
    ("openai llama", "unknown key in a message", ["messages", 1, "bogus"], 1),
    ("openai llama", "unknown key in response_format", ["response_format", "json_schema", "x"], 1),
    ("openai llama", "wrong type", ["max_completion_tokens"], "100"),
    ("openai llama", "missing required key", ["messages"], DEL),
    ("openai_responses", "unknown key in a message", ["input", 0, "bogus"], 1),
    ("openai_responses", "unknown key in a content part", ["input", 0, "content", 0, "x"], 1),
    ("openai_responses", "wrong type", ["max_output_tokens"], "100"),
    ("openai_responses", "missing required key", ["text", "format", "name"], DEL),
    ("anthropic", "unknown key in a message", ["messages", 0, "bogus"], 1),
    ("anthropic", "unknown key in a text block",
     ["messages", 0, "content"], [{"type": "text", "text": "x", "bogus": 1}]),
    ("anthropic", "wrong type", ["max_tokens"], "1024"),
    ("anthropic", "missing required key", ["max_tokens"], DEL),
    ("anthropic", "temperature (not in this SDK)", ["temperature"], 0.5),
    ("anthropic", "whitespace-only content", ["messages", 0, "content"], "  \n"),
    ("gemini", "unknown key in a message", ["contents", 0, "bogus"], 1),
    ("gemini", "unknown key in responseSchema", ["generationConfig", "responseSchema", "x"], 1),
    ("gemini", "wrong type", ["generationConfig", "maxOutputTokens"], "100"),
    ("gemini", "missing required key", ["contents"], DEL),
    ("gemini", "snake_case key", ["generationConfig", "max_output_tokens"], 100),
    ("gemini", "unknown enum value", ["generationConfig", "responseSchema", "type"], "WIDGET"),
    ("gemini", "lower-case enum value", ["generationConfig", "responseSchema", "type"], "object"),
    ("gemini", "role assistant", ["contents", 0, "role"], "assistant"),
    ("gemini", "whitespace-only content", ["contents", 0, "parts", 0, "text"], " "),
    ("bedrock", "unknown key in a message", ["messages", 0, "bogus"], 1),
    ("bedrock", "unknown key in a content block", ["messages", 0, "content", 0, "x"], 1),
    ("bedrock", "wrong type", ["inferenceConfig", "maxTokens"], "100"),
    ("bedrock", "missing required key", ["messages", 0, "role"], DEL),
    ("bedrock", "role outside the enum", ["messages", 0, "role"], "narrator"),
    ("bedrock", "modelId in the body", ["modelId"], "m"),
    ("bedrock", "whitespace-only content", ["messages", 0, "content", 0, "text"], ""),
]
_ENTRY = {"provider": "openai", "model": "gpt-5.5", "family": "gpt-5", "reasoning": True,
          "context_window": 400000, "deprecated_on": None, "default": True}
GOOD_CATALOGUE = [
    _ENTRY, dict(_ENTRY, model="gpt-4o", deprecated_on="2027-01-14", default=False),
    dict(_ENTRY, provider="anthropic", model="claude-sonnet-4-5", deprecated_on="2026-11-30",
         default=False),
    dict(_ENTRY, provider="gemini", model="gemini-3-pro", context_window=None)]
BAD_CATALOGUE = {
    "default model deprecated in the SDK": dict(GOOD_CATALOGUE[2], default=True),
    "wrong deprecation date": dict(GOOD_CATALOGUE[1], deprecated_on="2027-01-15"),
    "deprecated_on missing": dict(GOOD_CATALOGUE[1], deprecated_on=None),
    "deprecated_on on a current model": dict(_ENTRY, default=False, deprecated_on="2030-01-01"),
    "model unknown to the SDK": dict(_ENTRY, model="gpt-9-imaginary"),
    "unsupported model id": dict(_ENTRY, model="gpt-5.1-mini", default=False),
    "unknown key": dict(GOOD_CATALOGUE[3], bogus=1)}


def self_test() -> tuple:
    """Each validator must accept its good body and reject every broken one."""
    counts = [0, 0]

    def expect(name, problems, should_fail):
        ok = bool(problems) == should_fail
        counts[not ok] += 1
        verdict = ("rejected: " + "; ".join(problems)) if problems else "accepted"
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {verdict}"[:240])

    for target, good in GOOD.items():
        rec = {"case": "good", "target": target, "model": good.get("model", "m"), "body": good}
        expect(f"{target} good body", check_case(rec), False)
        for targets, what, path, value in BROKEN:
            if targets == "*" or target in targets.split():
                body = copy.deepcopy(good)
                *head, last = path
                parent = body
                for p in head:
                    parent = parent[p]
                parent.pop(last) if value is DEL else parent.__setitem__(last, value)
                expect(f"{target} {what}", check_case(dict(rec, body=body)), True)
    for name, _, problems in check_catalogue(GOOD_CATALOGUE):
        expect(f"{name} good entry", problems, False)
    for name, entry in BAD_CATALOGUE.items():
        expect(f"catalogue {name}", check_catalogue([entry])[0][2], True)
    expect("parameters the SDKs have", check_parameters({"anthropic": ["stop_sequences"], "gemini": ["topK"]})[0][2], False)
    expect("parameters: anthropic top_k (gone from the SDK)", check_parameters({"anthropic": ["top_k"]})[0][2], True)
    expect("parameters: gemini snake_case", check_parameters({"gemini": ["top_k"]})[0][2], True)
    return tuple(counts)


# ---------------------------------------------------------------- provider parameters

def sdk_parameters() -> Dict[str, set]:
    """The request keys each API takes, as its SDK defines them (camelCase for Gemini's config)."""
    from typing import get_type_hints
    return {
        "openai": set(get_type_hints(CompletionCreateParamsNonStreaming)),
        "openai_responses": set(get_type_hints(ResponseCreateParamsNonStreaming)),
        "anthropic": set(get_type_hints(MessageCreateParamsNonStreaming)),
        "gemini": {f.alias or name for name, f in gtypes.GenerationConfig.model_fields.items()},
    }


def check_parameters(lists) -> List[tuple]:
    """Each parameter PromptLib passes through must be one the SDK's request type has: the lists
    in ProviderParameters were copied from the SDKs, and this keeps them honest."""
    known = sdk_parameters()
    results = []
    for target, names in sorted(lists.items()):
        if target not in known:
            results.append((f"parameters:{target}", target, [f"no SDK request type to check {target} against"]))
            continue
        unknown = sorted(set(names) - known[target])
        results.append((f"parameters:{target}", target, [f"{n} is not a parameter of the SDK's request type" for n in unknown]))
    return results


# ---------------------------------------------------------------- main


def run_corpus(path, catalogue, parameters=None) -> tuple:
    """(passed, failed, lines) over the corpus and the catalogue, printing each failure."""
    with open(path, encoding="utf-8") as f:
        lines = [(n, line) for n, line in enumerate(f, 1) if line.strip()]
    results = []
    for n, line in lines:
        rec = None
        try:
            rec = json.loads(line)
            problems = check_case(rec) if isinstance(rec, dict) else ["not a JSON object"]
        except json.JSONDecodeError as e:
            problems = [f"invalid JSON: {e}"]
        rec = rec if isinstance(rec, dict) else {}
        results.append((rec.get("case", f"line {n}"), rec.get("target"), problems))
    if catalogue:
        with open(catalogue, encoding="utf-8") as f:
            results += check_catalogue(json.load(f))
    if parameters:
        with open(parameters, encoding="utf-8") as f:
            results += check_parameters(json.load(f))
    for name, target, problems in results:
        if problems:
            print(f"FAIL {name} [{target}]: {'; '.join(problems)}")
    failed = sum(1 for *_, problems in results if problems)
    return len(results) - failed, failed, len(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", help="JSON lines of {case, target, model, body}")
    ap.add_argument("--catalogue", help="JSON array of model catalogue entries")
    ap.add_argument("--parameters", help="JSON object: target -> the provider parameters PromptLib passes through")
    ap.add_argument("--self-test", action="store_true", help="check the validators themselves")
    args = ap.parse_args()
    if args.self_test:
        passed, failed = self_test()
        print(f"{passed} passed, {failed} failed")
        return 1 if failed else 0
    if not args.corpus:
        ap.error("a corpus is required (or --self-test)")
    passed, failed, lines = run_corpus(args.corpus, args.catalogue, args.parameters)
    if not lines:
        print(f"FAIL {args.corpus}: the corpus is empty")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not lines else 0


if __name__ == "__main__":
    sys.exit(main())
