"""One cattrs converter for Page <-> dict <-> JSON, and the JSON Schema generated from the classes.

``python -m filmscrape --schema`` prints the JSON Schema; ``docs/schema.json`` is that output and a test
keeps it current.
"""

from __future__ import annotations

import json
import types
import typing
from typing import Any, Literal, Union

import attrs
from cattrs.preconf.json import make_converter

from filmscrape import schema
from filmscrape.schema import Page

converter = make_converter()
"""The one converter: attrs classes in schema order, spans as ``[start, end]`` lists."""


def _is_tuple_type(tp: Any) -> bool:
    return typing.get_origin(tp) is tuple


converter.register_unstructure_hook_func(_is_tuple_type, list)


def page_to_dict(page: Page, *, include_text: bool = False) -> dict[str, Any]:
    """Unstructure ``page`` into JSON-ready data; ``text`` (the whole input) only on request."""
    data: dict[str, Any] = converter.unstructure(page)
    if not include_text:
        del data["text"]
    return data


def page_to_json(page: Page, *, indent: int | None = 2, include_text: bool = False) -> str:
    """Serialise ``page`` as JSON: keys in schema order, non-ASCII kept as is."""
    return json.dumps(page_to_dict(page, include_text=include_text), ensure_ascii=False, indent=indent)


def page_from_dict(data: dict[str, Any]) -> Page:
    """Structure data made by :func:`page_to_dict` back into a :class:`Page`."""
    return converter.structure(data, Page)


def page_from_json(data: str | bytes) -> Page:
    """Parse JSON made by :func:`page_to_json` back into a :class:`Page`."""
    return page_from_dict(json.loads(data))


# --- JSON Schema -------------------------------------------------------------------------------------

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}


def _type_schema(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one annotation, adding attrs classes to ``defs`` as it meets them."""
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        return {"anyOf": [_type_schema(arg, defs) for arg in args]}
    if origin is Literal:
        return {"enum": list(args)}
    if origin is list:
        return {"type": "array", "items": _type_schema(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _type_schema(args[1], defs)}
    if origin is tuple:
        items = [_type_schema(arg, defs) for arg in args]
        return {"type": "array", "prefixItems": items, "minItems": len(items), "maxItems": len(items)}
    if attrs.has(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}  # placeholder first: breaks recursion
            defs[name] = _class_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    msg = f"no JSON Schema mapping for {tp!r}"
    raise TypeError(msg)


def _class_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(schema))
    properties = {field.name: _type_schema(hints[field.name], defs) for field in attrs.fields(cls)}
    required = [field.name for field in attrs.fields(cls)]
    return {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of ``Page`` as printed by the CLI (without ``text``)."""
    defs: dict[str, Any] = {}
    root = _class_schema(Page, defs)
    root["required"].remove("text")  # printed only on request
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://filmscrape.invalid/schema/v1/page.json",
        "title": "filmscrape Page",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def json_schema_text() -> str:
    """``json_schema()`` as the text stored in docs/schema.json."""
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
