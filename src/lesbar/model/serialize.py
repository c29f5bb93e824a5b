"""Lossless JSON serialisation of the document model (``lesbar inspect --json``).

The JSON is a public interface, like pandoc's: every node is an object with a ``"t"`` tag naming its
class and one key per field. Bytes (image data) are ``{"base64": "..."}``. ``from_json(to_json(doc))``
gives an equal document.
"""

from __future__ import annotations

import base64
import dataclasses
import json
from typing import Any

from lesbar.model import nodes

FORMAT_VERSION = 1

_CLASSES: dict[str, type] = {
    name: obj
    for name, obj in vars(nodes).items()
    if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == nodes.__name__
}


def to_data(value: Any) -> Any:
    """Turn a model value into JSON-compatible data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {"t": type(value).__name__}
        for f in dataclasses.fields(value):
            data[f.name] = to_data(getattr(value, f.name))
        return data
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, (list, tuple)):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    return value


def from_data(data: Any) -> Any:
    """Rebuild model values from :func:`to_data` output."""
    if isinstance(data, list):
        return [from_data(v) for v in data]
    if isinstance(data, dict):
        if set(data) == {"base64"}:
            return base64.b64decode(data["base64"])
        tag = data.get("t")
        if tag is None:
            return {k: from_data(v) for k, v in data.items()}
        cls = _CLASSES.get(tag)
        if cls is None:
            raise ValueError(f"unknown node type {tag!r} in document JSON")
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: from_data(v) for k, v in data.items() if k != "t" and k in names}
        return cls(**kwargs)
    return data


def to_json(doc: nodes.Document, indent: int | None = 2) -> str:
    payload = {"lesbar-document": FORMAT_VERSION, "document": to_data(doc)}
    return json.dumps(payload, ensure_ascii=False, indent=indent)


def from_json(text: str) -> nodes.Document:
    payload = json.loads(text)
    if not isinstance(payload, dict) or "document" not in payload:
        raise ValueError("not a lesbar document JSON (no 'document' key)")
    doc = from_data(payload["document"])
    if not isinstance(doc, nodes.Document):
        raise ValueError("document JSON does not hold a Document")
    return doc
