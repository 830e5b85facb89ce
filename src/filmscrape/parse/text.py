"""Text cleaning: whitespace, UI debris and truncation markers."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")
_TRUNCATION = re.compile(r"\s*(?:…|\.\.\.)?\s*(?:More|more|See more|Read more|See full summary)\s*»?\s*$")
UI_DEBRIS = ("Full Review…", "Full Review...", "See more »", "See more", "Full summary »", "Add synopsis »")


def collapse(text: str) -> str:
    """Whitespace runs inside a line become one space; the ends are stripped."""
    return _SPACES.sub(" ", text).strip()


def clean_paragraphs(lines: list[str]) -> str:
    """Lines into paragraphs: runs of non-blank lines become one paragraph each, joined by a blank line."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        stripped = collapse(line)
        if stripped:
            current.append(stripped)
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    return "\n\n".join(paragraphs)


def strip_truncation(text: str) -> tuple[str, bool]:
    """Drop a trailing "… More" style marker; the flag says whether one was there."""
    match = _TRUNCATION.search(text)
    if match is None or match.start() == 0:
        return text, False
    return text[: match.start()].rstrip(), True


def strip_debris(text: str) -> str:
    """Remove link texts of the page's UI ("Full Review…", "See more »") wherever they stand."""
    for debris in UI_DEBRIS:
        if debris in text:
            text = text.replace(debris, " ")
    return collapse(text)


def none_if_empty(text: str | None) -> str | None:
    """``None`` for empty or whitespace-only text: the contract never holds an empty string."""
    if text is None:
        return None
    text = collapse(text)
    return text or None
