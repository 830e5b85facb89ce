"""Batch output: rows, JSON Lines and Parquet writers, and the fixed Arrow schema.

A row is a Page as :func:`filmscrape.serialize.page_to_dict` makes it, plus, for a page read from a
WARC/WET archive, ``warc_record_id`` and ``warc_record_offset`` (where the record starts in the archive
file). ``path`` is the file or the archive; ``source.url`` is the record's ``WARC-Target-URI``.

The Arrow schema is derived from the schema classes, so it is the same for every file whatever the
data (never inferred from rows): structs for records, lists of structs for scores, credits, reviews,
quotes and the rest, ``list<int64>`` for spans, ``map<string, list<int64>>`` for ``field_spans``.
docs/batch.md prints it (``filmscrape --arrow-schema`` prints it too) and a test keeps them equal.

pyarrow (the extra ``parquet``) is imported only when a Parquet file is written or the schema asked for.
"""

from __future__ import annotations

import importlib
import json
import os
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, Union

import attrs

from filmscrape import schema
from filmscrape.errors import require_module
from filmscrape.schema import Page

PARQUET_EXTRA_HINT = "pip install 'filmscrape[parquet]'"
ROW_EXTRAS: tuple[tuple[str, type], ...] = (("warc_record_id", str), ("warc_record_offset", int))
"""Columns after the Page's own: set for pages read from archives, null for files."""
ROWS_PER_GROUP = 2000
"""Rows a Parquet writer buffers before it writes them out as one row group."""


def page_row(
    page: Page,
    *,
    include_text: bool = False,
    record_id: str | None = None,
    record_offset: int | None = None,
) -> dict[str, Any]:
    """``page`` as one output row (JSON-ready): the Page's fields, then the archive record's id and offset
    when it came from an archive."""
    from filmscrape.serialize import page_to_dict

    row = page_to_dict(page, include_text=include_text)
    if record_id is not None or record_offset is not None:
        row["warc_record_id"] = record_id
        row["warc_record_offset"] = record_offset
    return row


def row_json(row: dict[str, Any], *, indent: int | None = None) -> str:
    """One row as JSON text: UTF-8 kept, keys in schema order, no trailing newline."""
    return json.dumps(row, ensure_ascii=False, indent=indent)


# --- Arrow schema --------------------------------------------------------------------------------------


def require_pyarrow() -> Any:
    """The ``pyarrow`` module; InputError naming the ``parquet`` extra when it is not installed."""
    return require_module(
        "pyarrow", f"Parquet output needs pyarrow, in the extra 'parquet': {PARQUET_EXTRA_HINT}"
    )


def arrow_schema() -> Any:
    """The fixed Arrow schema of a row (a ``pyarrow.Schema``; every field nullable)."""
    pa = require_pyarrow()
    fields = [pa.field(name, arrow_type) for name, arrow_type in _class_fields(Page, pa)]
    fields.extend(pa.field(name, _arrow_type(tp, pa)) for name, tp in ROW_EXTRAS)
    return pa.schema(fields)


def _class_fields(cls: type, pa: Any) -> list[tuple[str, Any]]:
    hints = typing.get_type_hints(cls, vars(schema))
    return [(field.name, _arrow_type(hints[field.name], pa)) for field in attrs.fields(cls)]


def _arrow_type(tp: Any, pa: Any) -> Any:
    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if tp in scalars:
        return scalars[tp]
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (Union, types.UnionType):
        kept = [arg for arg in args if arg is not type(None)]
        if len(kept) == 1:
            return _arrow_type(kept[0], pa)
    elif origin is Literal:
        if all(isinstance(arg, str) for arg in args):
            return pa.string()
    elif origin is list:
        return pa.list_(_arrow_type(args[0], pa))
    elif origin is tuple:
        if len(set(args)) == 1:  # a span: (start, end)
            return pa.list_(_arrow_type(args[0], pa))
    elif origin is dict:
        return pa.map_(_arrow_type(args[0], pa), _arrow_type(args[1], pa))
    elif attrs.has(tp):
        return pa.struct([pa.field(name, arrow_type) for name, arrow_type in _class_fields(tp, pa)])
    msg = f"no Arrow type for {tp!r}"
    raise TypeError(msg)


def arrow_schema_text() -> str:
    """The Arrow schema as docs/batch.md prints it: one field a line, nested fields indented."""
    lines: list[str] = []
    for field in arrow_schema():
        _render_field(field.name, field.type, 0, lines)
    return "\n".join(lines) + "\n"


def _render_field(name: str, arrow_type: Any, depth: int, lines: list[str]) -> None:
    pa = require_pyarrow()
    inner = arrow_type
    wrappers = []
    while pa.types.is_list(inner):
        wrappers.append("list")
        inner = inner.value_type
    if pa.types.is_struct(inner):
        shown = "struct"
    elif pa.types.is_map(inner):
        shown = f"map<{inner.key_type}, {_short(inner.item_type, pa)}>"
    else:
        shown = str(inner)
    for wrapper in reversed(wrappers):
        shown = f"{wrapper}<{shown}>"
    lines.append(f"{'  ' * depth}{name}: {shown}")
    if pa.types.is_struct(inner):
        for child in inner:
            _render_field(child.name, child.type, depth + 1, lines)


def _short(arrow_type: Any, pa: Any) -> str:
    if pa.types.is_list(arrow_type):
        return f"list<{_short(arrow_type.value_type, pa)}>"
    return str(arrow_type)


# --- writers -------------------------------------------------------------------------------------------


class JsonLinesWriter:
    """Appends one line per row and flushes it: an interrupted run leaves only whole lines.

    Each line goes to the file in one unbuffered write; :meth:`close` cuts the file back to the last
    whole line if a write was cut short (Ctrl-C during a write), so the file always parses.
    """

    def __init__(self, path: str | os.PathLike[str], *, append: bool = False) -> None:
        self.path = Path(path)
        if append:
            truncate_partial_line(self.path)
        self._file = self.path.open("ab" if append else "wb", buffering=0)
        self._good = self._file.tell()

    def write_text(self, text: str) -> None:
        """Write ``text`` (one or more whole lines, each ending in a newline)."""
        data = memoryview(text.encode("utf-8"))
        while data:
            written = self._file.write(data)
            data = data[written or 0 :]
        self._good = self._file.tell()

    def write(self, row: dict[str, Any]) -> None:
        """Write one row as a JSON line."""
        self.write_text(row_json(row) + "\n")

    def close(self) -> None:
        """Close the file, first cutting off a line a failed write left half-written."""
        if self._file.closed:
            return
        try:
            if self._file.tell() != self._good:
                self._file.truncate(self._good)
        finally:
            self._file.close()


def truncate_partial_line(path: Path) -> None:
    """Cut ``path`` back to its last newline (a run killed mid-write can leave half a line)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    with path.open("r+b") as stream:
        position = size
        while position > 0:
            step = min(position, 1 << 16)
            stream.seek(position - step)
            chunk = stream.read(step)
            newline = chunk.rfind(b"\n")
            if newline >= 0:
                cut = position - step + newline + 1
                if cut != size:
                    stream.truncate(cut)
                return
            position -= step
        stream.truncate(0)


def read_json_lines(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """The rows of a JSON Lines file (a line that does not parse, such as a cut-off last one, is skipped)."""
    with Path(path).open("rb") as stream:
        for line in stream:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError:
                continue
            if isinstance(row, dict):
                yield row


class ParquetWriter:
    """Writes rows to ``path`` through a temporary file renamed into place by :meth:`close`.

    Rows are buffered and written ``ROWS_PER_GROUP`` at a time as row groups; an interrupted run that
    still reaches :meth:`close` (Ctrl-C does) leaves a complete file with every row written so far. With
    ``keep_existing`` the rows already in ``path`` are copied first, row group by row group (resume).
    """

    def __init__(self, path: str | os.PathLike[str], *, keep_existing: bool = False) -> None:
        self.pa = require_pyarrow()
        self.pq = importlib.import_module("pyarrow.parquet")
        self.path = Path(path)
        self.schema = arrow_schema()
        self._temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        self._writer = self.pq.ParquetWriter(self._temp, self.schema, compression="zstd")
        self._rows: list[dict[str, Any]] = []
        self._closed = False
        if keep_existing and self.path.exists():
            existing = self.pq.ParquetFile(self.path)
            for index in range(existing.num_row_groups):
                table = existing.read_row_group(index)
                self._writer.write_table(table.select(self.schema.names).cast(self.schema))

    def write(self, row: dict[str, Any]) -> None:
        """Buffer one row; a full buffer becomes a row group."""
        self._rows.append(row)
        if len(self._rows) >= ROWS_PER_GROUP:
            self.flush()

    def flush(self) -> None:
        """Write the buffered rows as one row group."""
        if self._rows:
            batch = self.pa.RecordBatch.from_pylist(self._rows, schema=self.schema)
            self._writer.write_batch(batch)
            self._rows = []

    def close(self) -> None:
        """Write what is buffered, finish the file and rename it into place."""
        if self._closed:
            return
        self._closed = True
        try:
            self.flush()
        finally:
            self._writer.close()
            self._temp.replace(self.path)

    def discard(self) -> None:
        """Give up: remove the temporary file and leave ``path`` as it was."""
        if not self._closed:
            self._closed = True
            self._writer.close()
            self._temp.unlink(missing_ok=True)


def read_parquet_keys(path: str | os.PathLike[str]) -> Iterator[dict[str, Any]]:
    """``path``, ``warc_record_id`` and ``warc_record_offset`` of every row of a Parquet output."""
    pq = importlib.import_module("pyarrow.parquet")
    parquet = pq.ParquetFile(path)
    columns = ["path", "warc_record_id", "warc_record_offset"]
    for batch in parquet.iter_batches(columns=columns):
        yield from batch.to_pylist()
