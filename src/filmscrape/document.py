"""Document: the one input object adapters see.

It holds the decoded text with universal newlines (HTML input: its text rendering) and an index of lines
and blank-line-separated blocks with character offsets, so adapters produce spans without bookkeeping.
Every offset indexes ``Document.text``, which becomes ``Page.text``.
"""

from __future__ import annotations

import bisect
import codecs
import re
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from filmscrape import html as html_input
from filmscrape import structured
from filmscrape.errors import InputError
from filmscrape.schema import InputFormat, Span

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f\ufffd]")
"""Characters that do not occur in text pages (tab, newlines, form feed and escape aside)."""
_MAX_CONTROL_SHARE = 0.05


class Line(NamedTuple):
    """One line of the text: its content (no newline) and where it sits."""

    start: int
    end: int
    text: str


class Block(NamedTuple):
    """A run of non-blank lines; ``first``/``last`` index ``Document.lines``."""

    start: int
    end: int
    first: int
    last: int


def decode(data: bytes) -> str:
    """Decode page bytes: BOM, then UTF-8, then a declared charset, then cp1252. Binary raises InputError."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            msg = f"not a text page: looks like {what}"
            raise InputError(msg)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom) :].decode(encoding, errors="replace"))
    sample = data[:4096]
    if sample.count(b"\x00") > len(sample) // 4:
        text = _decode_bomless_utf16(data)
        if text is not None:
            return _checked(text)
        msg = "not a text page: binary data (NUL bytes)"
        raise InputError(msg)
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = html_input.declared_charset(data)
    if declared and declared.replace("-", "").replace("_", "") not in ("utf8",):
        try:
            return _checked(data.decode(declared))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: fall through to cp1252
    try:
        return _checked(data.decode("cp1252"))
    except UnicodeDecodeError:
        return _checked(data.decode("latin-1"))


def _decode_bomless_utf16(data: bytes) -> str | None:
    """UTF-16 text without a BOM has NULs in every other byte: even (BE) or odd (LE) positions."""
    sample = data[:4096]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > half * 0.9 and even_nuls < half * 0.1:
        return data.decode("utf-16-le", errors="replace")
    if even_nuls > half * 0.9 and odd_nuls < half * 0.1:
        return data.decode("utf-16-be", errors="replace")
    return None


def _checked(text: str) -> str:
    """Refuse decoded text that is mostly control characters: binary data that happened to decode."""
    sample = text[:8192]
    if sample and len(_CONTROL.findall(sample)) > len(sample) * _MAX_CONTROL_SHARE:
        msg = "not a text page: binary data (control characters)"
        raise InputError(msg)
    return text


def normalize_newlines(text: str) -> str:
    """Universal newlines: ``\\r\\n`` and lone ``\\r`` become ``\\n``."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


class Document:
    """Decoded page text plus a lazy line/block index; the HTML tree too when the input was HTML."""

    def __init__(
        self,
        text: str,
        *,
        input_format: InputFormat = "text",
        url: str | None = None,
        html: str | None = None,
        http_head: str | None = None,
    ) -> None:
        self.text = text
        self.input_format: InputFormat = input_format
        self.url = url
        self.html = html
        self.http_head = http_head
        self._head_lines: dict[int, list[Line]] = {}
        self.memo: dict[str, Any] = {}
        """Values parse helpers work out once per document (detectors ask for the same counts)."""

    @classmethod
    def from_source(cls, source: str | bytes, *, url: str | None = None) -> Document:
        """Build a Document from page text or bytes; HTML (also after a saved HTTP head) is rendered."""
        text = decode(source) if isinstance(source, bytes) else source
        text = normalize_newlines(text)
        head, body = html_input.split_http_head(text)
        if html_input.looks_like_html(body):
            tree = html_input.parse(body)
            doc = cls(html_input.render_text(tree), input_format="html", url=url, html=body, http_head=head)
            doc.__dict__["tree"] = tree
            return doc
        return cls(text, url=url, http_head=head)

    @cached_property
    def tree(self) -> LexborHTMLParser | None:
        """The parsed HTML (lexbor) for HTML input, else None."""
        return html_input.parse(self.html) if self.html is not None else None

    @cached_property
    def json_ld(self) -> list[dict[str, Any]]:
        """Every JSON-LD object of an HTML page (``@graph`` flattened, invalid JSON repaired); [] for text."""
        return structured.json_ld(self.tree) if self.tree is not None else []

    @cached_property
    def meta(self) -> dict[str, str]:
        """OpenGraph and other ``<meta>`` tags of an HTML page, keys lower-cased; {} for text."""
        return structured.meta_tags(self.tree) if self.tree is not None else {}

    @cached_property
    def embedded_json(self) -> dict[str, Any]:
        """Application JSON embedded in an HTML page by script id (``__NEXT_DATA__``, ...); {} for text."""
        return structured.embedded_json(self.tree) if self.tree is not None else {}

    @cached_property
    def lines(self) -> list[Line]:
        """Every line with its offsets (the text without its newline)."""
        lines: list[Line] = []
        start = 0
        for line in self.text.split("\n"):
            end = start + len(line)
            lines.append(Line(start, end, line))
            start = end + 1
        return lines

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    @cached_property
    def blocks(self) -> list[Block]:
        """Runs of non-blank lines, separated by one or more blank lines."""
        blocks: list[Block] = []
        first = -1
        for index, line in enumerate(self.lines):
            if line.text.strip():
                if first < 0:
                    first = index
            elif first >= 0:
                blocks.append(self._block(first, index - 1))
                first = -1
        if first >= 0:
            blocks.append(self._block(first, len(self.lines) - 1))
        return blocks

    def _block(self, first: int, last: int) -> Block:
        return Block(self.lines[first].start, self.lines[last].end, first, last)

    def line_index(self, offset: int) -> int:
        """The index in ``lines`` of the line holding ``offset``."""
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    def block_text(self, block: Block) -> str:
        """The text of ``block``, lines joined by newlines."""
        return self.text[block.start : block.end]

    def find(self, needle: str, start: int = 0, end: int | None = None) -> Span | None:
        """The span of the first ``needle`` in ``text[start:end]``, or None."""
        index = self.text.find(needle, start, len(self.text) if end is None else end)
        if index < 0:
            return None
        return (index, index + len(needle))

    def trimmed(self, start: int, end: int) -> Span:
        """``(start, end)`` narrowed to exclude surrounding whitespace."""
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return (start, end)

    def head(self, size: int = 4096) -> str:
        """The first ``size`` characters: what cheap detection checks look at first."""
        return self.text[:size]

    def head_lines(self, count: int) -> list[Line]:
        """The first ``count`` lines, as ``lines`` has them, without indexing the whole text.

        Detection looks at the head of every page with every detector: on a page of a million short
        lines, building the full index just for that cost a second. Remembered per ``count``.
        """
        if "lines" in self.__dict__:  # the full index is built already (cached_property keeps it there)
            return self.lines[:count]
        found = self._head_lines.get(count)
        if found is None:
            pieces = self.text.split("\n", count)  # at most count splits: C speed, bounded work
            if len(pieces) > count:
                pieces.pop()  # the unsplit rest of the text
            found = []
            start = 0
            for piece in pieces:
                end = start + len(piece)
                found.append(Line(start, end, piece))
                start = end + 1
            self._head_lines[count] = found
        return found
