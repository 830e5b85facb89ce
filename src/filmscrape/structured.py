"""Structured data carried by HTML pages: JSON-LD, OpenGraph/meta tags, embedded application JSON.

Everything here is parsed, never executed. JSON-LD in the wild is often invalid: trailing commas,
comments, HTML-escaped text, several objects in one block, ``@graph`` wrappers. ``json_ld`` repairs what it
safely can and skips what it cannot.
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

logger = logging.getLogger(__name__)

_WRAPPERS = (("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>"))
"""Comment and CDATA wrappers around a script's JSON, stripped with string tests (no regex rescans)."""
_TRAILING_COMMA = re.compile(r",(\s*[}\]])")
_MAX_SCRIPT = 5_000_000  # larger scripts are not metadata
_MAX_REPAIR = 200_000
_decoder = json.JSONDecoder(strict=False)  # strict=False: raw newlines/tabs inside strings are common


def _strip_block_comments(text: str) -> str:
    """Drop ``/* ... */`` comments in one forward scan (an unclosed one ends the scan: linear time)."""
    if "/*" not in text:
        return text
    pieces: list[str] = []
    position = 0
    while (start := text.find("/*", position)) >= 0:
        end = text.find("*/", start + 2)
        if end < 0:
            break
        pieces.append(text[position:start])
        position = end + 2
    pieces.append(text[position:])
    return "".join(pieces)


def _strip_line_comments(text: str) -> str:
    """Drop ``// ...`` comments that stand on lines of their own (never inside strings: URLs have ``//``)."""
    if "//" not in text:
        return text
    return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith("//"))


def _repair(text: str) -> str:
    text = text.strip()
    for opening, closing in _WRAPPERS:
        if text.startswith(opening):
            text = text[len(opening) :].lstrip()
        if text.endswith(closing):
            text = text[: -len(closing)].rstrip()
    text = _strip_block_comments(text)
    text = _strip_line_comments(text)
    return _TRAILING_COMMA.sub(r"\1", text)


def _decode_all(text: str) -> list[Any]:
    """Every JSON value in ``text``: one, or several written one after another."""
    values: list[Any] = []
    index, end = 0, len(text)
    while index < end:
        while index < end and text[index] in " \t\r\n;,":
            index += 1
        if index >= end:
            break
        value, index = _decoder.raw_decode(text, index)
        values.append(value)
    return values


def parse_json_block(text: str) -> list[Any]:
    """The JSON values of one script block, repaired if it is invalid; [] when it cannot be read."""
    if len(text) > _MAX_SCRIPT:
        return []
    try:
        return _decode_all(text)
    except ValueError:
        pass
    if len(text) <= _MAX_REPAIR:  # repairs scan the text several times: metadata-sized blocks only
        candidates = [_repair(text)]
        if "&quot;" in text or "&#" in text:  # HTML-escaped JSON
            candidates.append(_repair(html.unescape(text)))
        for candidate in candidates:
            try:
                return _decode_all(candidate)
            except ValueError:
                continue
    logger.debug("unreadable JSON block skipped (%d chars)", len(text))
    return []


def _flatten(value: Any) -> Iterator[dict[str, Any]]:
    """Every object in a JSON-LD value: lists unpacked and ``@graph`` contents lifted to the top."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
                rest = {key: val for key, val in item.items() if key != "@graph"}
                if set(rest) - {"@context", "@id"}:
                    yield rest
            else:
                yield item


def json_ld(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page, in document order (``@graph`` flattened)."""
    objects: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json"]'):
        for value in parse_json_block(node.text(deep=True)):
            objects.extend(_flatten(value))
    return objects


def meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """``<meta property|name=... content=...>`` as a dict (first occurrence wins), keys lower-cased."""
    found: dict[str, str] = {}
    for node in tree.css("meta[content]"):
        attributes = node.attributes
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content")
        if key and content and key.lower() not in found:
            found[key.lower()] = content.strip()
    return found


def embedded_json(tree: LexborHTMLParser) -> dict[str, Any]:
    """Application JSON the page embeds, by script id: ``__NEXT_DATA__`` and other ``application/json``."""
    found: dict[str, Any] = {}
    for node in tree.css('script[type="application/json"], script#__NEXT_DATA__'):
        key = node.attributes.get("id") or node.attributes.get("data-target") or f"script{len(found)}"
        values = parse_json_block(node.text(deep=True))
        if values and key not in found:
            found[key] = values[0]
    return found


def types_of(item: dict[str, Any]) -> set[str]:
    """The schema.org types of a JSON-LD object (``@type`` may be a string or a list; prefixes dropped)."""
    declared = item.get("@type")
    names = declared if isinstance(declared, list) else [declared]
    return {name.rsplit("/", 1)[-1].rsplit(":", 1)[-1] for name in names if isinstance(name, str)}
