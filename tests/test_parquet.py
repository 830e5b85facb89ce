"""Parquet output: the fixed Arrow schema (as documented), rows equal to the JSON Lines rows, resume and
interruption leave a complete file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from filmscrape import batch
from filmscrape.cli import main
from filmscrape.output import arrow_schema, arrow_schema_text

from conftest import ROOT, fixture_pages, interrupt_batch_after

pa = pytest.importorskip("pyarrow", reason="pyarrow (the extra 'parquet') is not installed")
pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow (the extra 'parquet') is not installed")

PAGES = fixture_pages()


def plain(value: Any) -> Any:
    """A Parquet row as JSON data: maps (lists of pairs) back to objects."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        if value and all(isinstance(item, tuple) and len(item) == 2 for item in value):
            return {key: plain(item) for key, item in value}
        return [plain(item) for item in value]
    return value


def test_parquet_rows_are_the_json_lines_rows(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Every fixture page: the Parquet row holds what the JSON line holds (nested lists of structs, maps)."""
    jsonl, parquet = tmp_path / "out.jsonl", tmp_path / "out.parquet"
    assert main([*map(str, PAGES), "-o", str(jsonl)]) == 0
    assert main([*map(str, PAGES), "-o", str(parquet), "-j", "2"]) == 0
    capsys.readouterr()
    table = pq.read_table(parquet)
    assert table.schema.equals(arrow_schema())
    expected = [json.loads(line) for line in jsonl.read_text(encoding="utf-8").splitlines()]
    got = []
    for stored in table.to_pylist():
        row = plain(stored)
        for name in ("text", "warc_record_id", "warc_record_offset"):
            assert row.pop(name) is None
        row["film"]["field_spans"] = row["film"]["field_spans"] or {}
        if row["article"] is not None:
            row["article"]["field_spans"] = row["article"]["field_spans"] or {}
        got.append(row)
    assert got == expected
    assert pa.types.is_list(table.schema.field("credits").type)
    assert pa.types.is_struct(table.schema.field("credits").type.value_type)


def test_schema_is_fixed_and_documented(tmp_path: Path) -> None:
    """An output with no rows still has the full schema; docs/batch.md prints the schema as it is."""
    out = tmp_path / "empty.parquet"
    missing = tmp_path / "missing.txt"
    assert main([str(missing), "-o", str(out)]) == 1
    assert pq.read_table(out).schema.equals(arrow_schema())
    docs = (ROOT / "docs" / "batch.md").read_text(encoding="utf-8")
    assert f"```\n{arrow_schema_text()}```" in docs, "regenerate with: filmscrape --arrow-schema"


def test_parquet_resume_and_interruption(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C leaves a complete Parquet file of the pages so far; --resume adds the rest, no duplicates."""
    out = tmp_path / "out.parquet"
    real_process = interrupt_batch_after(monkeypatch, 4)
    assert main([*map(str, PAGES), "-o", str(out), "-j", "1"]) == 130
    assert pq.read_table(out).column("path").to_pylist() == [str(page) for page in PAGES[:3]]
    monkeypatch.setattr(batch, "process", real_process)
    assert main([*map(str, PAGES), "-o", str(out), "--resume", "-j", "2"]) == 0
    assert pq.read_table(out).column("path").to_pylist() == [str(page) for page in PAGES]
    assert not list(tmp_path.glob(".*.tmp"))
    capsys.readouterr()


def test_include_text_fills_the_text_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--include-text puts the page text in the text column."""
    out = tmp_path / "out.parquet"
    page = PAGES[0]
    assert main([str(page), "-o", str(out), "--include-text"]) == 0
    capsys.readouterr()
    assert pq.read_table(out).column("text").to_pylist() == [page.read_text(encoding="utf-8")]
