"""Text cleaning: whitespace, UI debris, truncation markers and light Markdown."""

from __future__ import annotations

import re

_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b]+")
TRUNCATION_MARKERS = ("See full summary", "Read more", "See more", "More", "more")
"""Link texts that end a cut-short text ("… More", "See more »"); longest first."""
_ELLIPSES = ("…", "...")
UI_DEBRIS = ("Full Review…", "Full Review...", "See more »", "See more", "Full summary »", "Add synopsis »")

# Markdown inline syntax, each pattern bounded (no nested quantifiers: inputs may be 1 MB lines).
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)")
_MD_LINK = re.compile(
    r"\[([^\[\]\n]{1,500})\](?:\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)|\[[^\]\n]{0,200}\])"
)
_MD_EMPHASIS = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)([^*_\n]{1,500}?)(?<=\S)\1(?![\w*])")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,40}(?:\s[^<>\n]{0,500})?/?>|<!--[^\n]{0,500}?-->")
_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MARKDOWN_MARK = re.compile(r"[<\[*_#]|[-+] ")
"""Any of the marks strip_markdown removes: one regex scan instead of seven substring scans."""
_MD_BULLET = re.compile(r"^(?:[*+-]|\d{1,3}\.)\s+")


def collapse(text: str) -> str:
    """Whitespace runs inside a line become one space; the ends are stripped."""
    if (
        "  " not in text
        and "\t" not in text
        and "\u00a0" not in text
        and "\u2009" not in text
        and "\u200b" not in text
    ):
        return text.strip()  # the common case: nothing to collapse, no regex pass
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
    """Drop a trailing "… More" style marker; the flag says whether one was there.

    String tests from the end, no regex: whitespace runs of any length cost one pass.
    """
    rest = text.rstrip()
    if rest.endswith("»"):
        rest = rest[:-1].rstrip()
    marker = next((marker for marker in TRUNCATION_MARKERS if rest.endswith(marker)), None)
    if marker is None:
        return text, False
    before = rest[: -len(marker)]
    if before and not (before[-1].isspace() or before.endswith(_ELLIPSES)):
        return text, False  # "Evermore": a word that merely ends in "more"
    before = before.rstrip()
    for ellipsis in _ELLIPSES:
        if before.endswith(ellipsis):
            before = before[: -len(ellipsis)].rstrip()
            break
    if not before:
        return text, False  # nothing but the marker: not a truncated text
    return before, True


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


def strip_markdown(line: str) -> str:
    """One line of Markdown as plain text: links keep their text, images, tags and emphasis marks go.

    ``"## [_Longlegs_](https://x)"`` -> ``"Longlegs"``; ``"**4 out of 5**"`` -> ``"4 out of 5"``.
    """
    if not line[:1].isdigit() and _MARKDOWN_MARK.search(line) is None:
        return collapse(line)  # plain prose: nothing to strip
    if "<" in line and ">" in line:
        line = _HTML_TAG.sub(" ", line)
    if "](" in line or "][" in line:
        line = _MD_IMAGE.sub(" ", line)
        line = _MD_LINK.sub(r"\1", line)
    line = _MD_HEADING.sub("", line.lstrip())
    line = _MD_BULLET.sub("", line)
    if "*" in line or "_" in line:
        for _ in range(2):  # "**_Title_**": the outer pair first, then the inner one
            line = _MD_EMPHASIS.sub(r"\2", line)
    return collapse(line)
