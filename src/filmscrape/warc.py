"""WARC and WET archives: records read through FastWARC (the extra ``warc``), split into byte ranges.

A record becomes an :class:`ArchiveRecord`: the page bytes (a WET record's text, a WARC response's HTTP
body, a resource's block), the URL the crawler fetched and the record id. FastWARC is imported only when
an archive is read; without it :func:`require_fastwarc` raises an InputError naming the extra.

Archives compressed record by record (every gzip member one record, as Common Crawl writes them) and
uncompressed archives are *splittable*: :func:`read_range` reads the records that start inside a byte
range, finding the first record boundary on its own, so worker processes can share one archive without
reading it twice. An archive that is one gzip stream is read as a whole.
"""

from __future__ import annotations

import gzip
import importlib
import re
import uuid
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from filmscrape.errors import InputError, require_module

ARCHIVE_SUFFIXES = (".warc", ".warc.gz", ".wet", ".wet.gz")
"""File names a batch reads as archives (``.warc.wet.gz``, Common Crawl's WET naming, included)."""

WARC_EXTRA_HINT = "pip install 'filmscrape[warc]'"
MAX_RECORD_BYTES = 64 << 20
"""Records larger than this (64 MiB) are skipped (FastWARC does not read them): no page is that big."""
TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
"""HTTP content types worth reading; images, scripts, PDFs and the like are skipped as not pages."""

_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_MAGIC = b"WARC/1."
_SYNC_WINDOW = 1 << 16
_HEADER_LIMIT = 32 << 10
_CONTENT_LENGTH = re.compile(rb"\r\nContent-Length:[ \t]*(\d{1,12})[ \t]*\r\n", re.IGNORECASE)
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]{1,40})", re.IGNORECASE)
_PAGE_RECORD_TYPES = frozenset({"response", "resource", "conversion"})


class ArchiveRecord(NamedTuple):
    """One page read from an archive."""

    archive: str
    """The archive's path as the caller gave it."""
    offset: int
    """Where the record starts in the archive file (its gzip member for ``.gz``): a stable, increasing key.
    In an archive gzipped as one stream records have no positions of their own: the key then counts on
    from the last known position."""
    record_id: str | None
    """``WARC-Record-ID``, e.g. ``<urn:uuid:...>``."""
    url: str | None
    """``WARC-Target-URI``: the address the page was fetched from."""
    content_type: str | None
    """The page's media type (HTTP ``Content-Type`` for responses, the record's for WET text)."""
    data: bytes
    """The page: WET text, the HTTP body of a response (transfer and content encodings undone)."""
    error: str | None = None
    """Why the record could not be read (truncated, unsupported encoding); ``data`` is then empty."""


def is_archive(path: str | Path) -> bool:
    """Whether ``path`` names a WARC or WET archive by its suffix."""
    return str(path).lower().endswith(ARCHIVE_SUFFIXES)


def require_fastwarc() -> Any:
    """The ``fastwarc.warc`` module; InputError naming the ``warc`` extra when it is not installed."""
    msg = f"reading WARC/WET archives needs FastWARC, in the extra 'warc': {WARC_EXTRA_HINT}"
    return require_module("fastwarc.warc", msg)


def is_splittable(path: str | Path) -> bool:
    """Whether the archive can be read in byte ranges: uncompressed, or one gzip member per record."""
    with Path(path).open("rb") as stream:
        head = stream.read(_SYNC_WINDOW)
        if not head.startswith(_GZIP_MAGIC):
            return head.startswith(_WARC_MAGIC)
        stream.seek(0)
        return _member_holds_one_record(stream)


def _member_holds_one_record(stream: BinaryIO) -> bool:
    """The first gzip member decompresses to exactly one record and another member (or EOF) follows."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    while not inflater.eof:
        chunk = stream.read(_SYNC_WINDOW)
        if not chunk:
            return False
        out += inflater.decompress(chunk, MAX_RECORD_BYTES - len(out))
        if len(out) >= MAX_RECORD_BYTES:
            return False
    length = _block_end(bytes(out))
    if length is None or length != len(out):
        return False
    rest = inflater.unused_data or stream.read(len(_GZIP_MAGIC))
    return rest == b"" or rest.startswith(_GZIP_MAGIC)


def _block_end(data: bytes, start: int = 0) -> int | None:
    """The offset just past the record starting at ``start`` in uncompressed ``data`` (None: no record)."""
    if not data.startswith(_WARC_MAGIC, start):
        return None
    head_end = data.find(b"\r\n\r\n", start, start + _HEADER_LIMIT)
    if head_end < 0:
        return None
    match = _CONTENT_LENGTH.search(data, start, head_end + 2)
    if match is None:
        return None
    return head_end + 4 + int(match[1]) + 4  # the block, then the record's closing CRLF CRLF


def record_start(stream: BinaryIO, position: int, end: int) -> int | None:
    """The first record boundary at or after ``position`` and before ``end`` (None when there is none).

    For gzip, a boundary is a gzip member whose first bytes inflate to ``WARC/1.``; for uncompressed
    archives, ``WARC/1.`` at the start of a line whose header parses and whose Content-Length leads to
    the end of the file or to the next ``WARC/1.``.
    """
    if position == 0:
        return 0
    stream.seek(0)
    gzipped = stream.read(len(_GZIP_MAGIC)) == _GZIP_MAGIC
    magic = _GZIP_MAGIC if gzipped else b"\n" + _WARC_MAGIC
    skip = 0 if gzipped else 1
    probe = max(position - skip, 0)
    while probe < end:
        stream.seek(probe)
        window = stream.read(_SYNC_WINDOW + _HEADER_LIMIT)
        if not window:
            return None
        index = window.find(magic)
        while 0 <= index < _SYNC_WINDOW:
            candidate = probe + index + skip
            if candidate >= end:
                return None
            if candidate >= position and _is_boundary(stream, candidate, gzipped=gzipped):
                return candidate
            index = window.find(magic, index + 1)
        probe += _SYNC_WINDOW
    return None


def _is_boundary(stream: BinaryIO, offset: int, *, gzipped: bool) -> bool:
    stream.seek(offset)
    if gzipped:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            head = inflater.decompress(stream.read(4096), len(_WARC_MAGIC))
        except zlib.error:
            return False
        return head == _WARC_MAGIC
    data = stream.read(_HEADER_LIMIT)
    length = _block_end(data)
    if length is None:
        return False
    stream.seek(offset + length)
    following = stream.read(len(_WARC_MAGIC))
    return following in (b"", _WARC_MAGIC)


def read_range(path: str, start: int = 0, end: int | None = None) -> Iterator[ArchiveRecord]:
    """The page records of the archive at ``path`` that start in ``[start, end)`` (all by default).

    Non-page records (warcinfo, request, metadata, revisit) are skipped. InputError when the file cannot
    be opened or stops being an archive; a record cut short by the end of the file is yielded with
    ``error`` set and no data. Records larger than ``MAX_RECORD_BYTES`` are skipped.
    """
    warc = require_fastwarc()
    try:
        stream = Path(path).open("rb")  # noqa: SIM115  # closed in the finally below
    except OSError as error:
        msg = f"{path}: {error.strerror or error}"
        raise InputError(msg) from None
    try:
        limit = end if end is not None else Path(path).stat().st_size
        first = record_start(stream, start, limit) if start else 0
        if first is None:
            return
        stream.seek(first)
        types = warc.WarcRecordType.response | warc.WarcRecordType.resource | warc.WarcRecordType.conversion
        conversion = warc.WarcRecordType.conversion
        iterator = warc.ArchiveIterator(
            stream, record_types=types, parse_http=False, max_content_length=MAX_RECORD_BYTES
        )
        # Only the last record can be cut short (a cut in the middle breaks the next record's header or
        # gzip member), so the costly length check waits until a record turns out to be the last.
        last: tuple[Any, ArchiveRecord, int] | None = None
        previous = -1
        try:
            for record in iterator:
                offset = record.stream_pos
                if end is not None and offset >= end:
                    break
                if offset <= previous:  # one gzip stream: FastWARC gives no record positions inside it
                    offset = previous + 1
                previous = offset
                if last is not None:
                    yield last[1]
                block = record.reader.read()
                item = _page_record(path, offset, record, block, text=record.record_type == conversion)
                last = (record, item, len(block))
        except OSError as error:  # FastWARC: not a WARC header, broken gzip data
            if last is not None:
                yield last[1]
            msg = f"{path}: not a readable WARC/WET archive: {error}"
            raise InputError(msg) from None
        if last is not None:
            record, item, length = last
            declared = record.headers.get("Content-Length")
            if declared is None or not declared.strip().isdigit():
                item = item._replace(data=b"", error="truncated record: its header is cut short")
            elif length < int(declared):
                item = item._replace(
                    data=b"", error=f"truncated record: {length:,} of {int(declared):,} bytes"
                )
            yield item
    finally:
        stream.close()


def _page_record(path: str, offset: int, record: Any, block: bytes, *, text: bool) -> ArchiveRecord:
    record_id = record.record_id
    url = record.headers.get("WARC-Target-URI")
    if url is not None:
        url = url.strip().strip("<>") or None
    if text:  # a WET conversion record: the page's text
        return ArchiveRecord(path, offset, record_id, url, "text/plain", block)
    content_type = record.headers.get("Content-Type")
    if not content_type or not content_type.startswith("application/http"):
        return ArchiveRecord(path, offset, record_id, url, content_type, block)
    return _http_record(ArchiveRecord(path, offset, record_id, url, None, b""), block)


def _http_record(record: ArchiveRecord, block: bytes) -> ArchiveRecord:
    """The body of an HTTP response block, its chunked transfer and gzip/deflate/br encodings undone."""
    head_end = block.find(b"\r\n\r\n", 0, _HEADER_LIMIT)
    if head_end < 0:
        return record._replace(error="HTTP response without the end of its header")
    fields: dict[str, str] = {}
    for line in block[:head_end].decode("latin-1").split("\r\n")[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    content_type = fields.get("content-type") or None
    body = block[head_end + 4 :]
    try:
        if "chunked" in fields.get("transfer-encoding", "").lower():
            body = _dechunk(body)
        body = _decode_content(body, fields.get("content-encoding", "").lower())
    except (ValueError, zlib.error, OSError) as error:
        return record._replace(content_type=content_type, error=f"cannot decode the HTTP body: {error}")
    return record._replace(content_type=content_type, data=body)


def _dechunk(body: bytes) -> bytes:
    out = bytearray()
    position = 0
    while position < len(body):
        line_end = body.find(b"\r\n", position)
        if line_end < 0:
            break
        size = int(body[position:line_end].split(b";")[0].strip() or b"0", 16)
        if size == 0:
            break
        out += body[line_end + 2 : line_end + 2 + size]
        position = line_end + 2 + size + 2
    return bytes(out)


def _decode_content(body: bytes, encoding: str) -> bytes:
    if encoding in ("", "identity", "none"):
        return body
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, MAX_RECORD_BYTES)
    if encoding == "deflate":
        try:
            return zlib.decompressobj().decompress(body, MAX_RECORD_BYTES)
        except zlib.error:  # raw deflate without the zlib header, as some servers send
            return zlib.decompressobj(-zlib.MAX_WBITS).decompress(body, MAX_RECORD_BYTES)
    if encoding == "br":
        try:
            brotli = importlib.import_module("brotli")
        except ImportError:
            msg = "Content-Encoding br needs the brotli package"
            raise ValueError(msg) from None
        data: bytes = brotli.decompress(body)
        return data
    msg = f"unsupported Content-Encoding {encoding!r}"
    raise ValueError(msg)


def is_text_type(content_type: str | None) -> bool:
    """Whether a record's media type may hold a page (no type at all counts as maybe)."""
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media in TEXT_TYPES or media.startswith("text/")


def charset(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of a media type, if any."""
    if not content_type:
        return None
    match = _CHARSET.search(content_type)
    return match[1] if match else None


# --- writing (tests, benchmarks, and anyone who needs a small archive) --------------------------------


def wet_record(
    url: str, text: str | bytes, *, record_id: str | None = None, date: str | None = None
) -> bytes:
    """One WET ``conversion`` record (uncompressed): headers, the text, the closing CRLF CRLF."""
    body = text.encode("utf-8") if isinstance(text, str) else text
    return _record("conversion", url, body, "text/plain", record_id=record_id, date=date)


def response_record(
    url: str,
    html: str | bytes,
    *,
    record_id: str | None = None,
    content_type: str = "text/html; charset=utf-8",
) -> bytes:
    """One WARC ``response`` record (uncompressed) holding an HTTP 200 response with ``html``."""
    body = html.encode("utf-8") if isinstance(html, str) else html
    http = f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    return _record("response", url, http + body, "application/http; msgtype=response", record_id=record_id)


def _record(
    kind: str, url: str, block: bytes, content_type: str, *, record_id: str | None, date: str | None = None
) -> bytes:
    header = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Target-URI: {url}\r\n"
        f"WARC-Date: {date or '2024-01-01T00:00:00Z'}\r\n"
        f"WARC-Record-ID: {record_id or f'<urn:uuid:{uuid.uuid4()}>'}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    )
    return header.encode("utf-8") + block + b"\r\n\r\n"


def gzip_member(record: bytes, level: int = 6) -> bytes:
    """``record`` as one gzip member: concatenated members make a splittable ``.warc.gz``."""
    return gzip.compress(record, compresslevel=level, mtime=0)


def write_archive(path: str | Path, records: Iterable[bytes], *, level: int = 6) -> int:
    """Write raw records (from :func:`wet_record`, :func:`response_record`) to ``path``; a ``.gz`` name
    gets one gzip member per record (splittable, as Common Crawl writes). Returns the record count."""
    target = Path(path)
    compress = target.name.lower().endswith(".gz")
    count = 0
    with target.open("wb") as stream:
        for record in records:
            stream.write(gzip_member(record, level) if compress else record)
            count += 1
    return count
