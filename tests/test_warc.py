"""WARC/WET archives: records with their URL and id, splitting into byte ranges, truncated archives, the
batch over an archive (workers, resume), and the error when FastWARC is missing. Archives are built here
from the fixtures plus invented filler text."""

from __future__ import annotations

import gzip
import itertools
import json
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from filmscrape import batch, warc
from filmscrape.cli import main
from filmscrape.errors import InputError

from conftest import FILM_PAGES, FIXTURES, film_url

_WORD_TEXT = (
    "council bakery river kettle market choir garden tram harbour battery fair member board shop village "
    "opens announces updates repairs collects describes delivers schedules measures welcomes improves "
    "timetable loaves tariff parking seedlings calendar bicycle socks water newsletter charger rota"
)
WORDS = _WORD_TEXT.split()


def needs_fastwarc() -> None:
    pytest.importorskip("fastwarc", reason="FastWARC (the extra 'warc') is not installed")


def filler(rng: random.Random, size: int, paragraph: int = 12) -> str:
    """Invented text that is not about films, ``paragraph`` words a paragraph."""
    words = [rng.choice(WORDS) for _ in range(size // 7)]
    lines = [" ".join(words[i : i + paragraph]).capitalize() + "." for i in range(0, len(words), paragraph)]
    return "\n\n".join(lines)


def record_id(number: int) -> str:
    return f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"


def wet_records(count: int, film_every: int, seed: int = 1) -> Iterator[tuple[bytes, str | None]]:
    """(raw record, expected adapter or None): a film page every ``film_every`` records."""
    rng = random.Random(seed)
    for number in range(count):
        if number % film_every == film_every // 2:
            page = FILM_PAGES[(number // film_every) % len(FILM_PAGES)]
            record = warc.wet_record(film_url(page, number), page.read_bytes(), record_id=record_id(number))
            yield record, page.parent.name
        else:
            text = filler(rng, rng.randint(200, 3000))
            yield warc.wet_record(f"https://site.example/{number}", text, record_id=record_id(number)), None


def build(path: Path, count: int = 300, film_every: int = 10) -> dict[str, str]:
    """Write a WET archive; return {record id: adapter} of its film pages."""
    expected = {}
    raw = []
    for number, (record, adapter) in enumerate(wet_records(count, film_every)):
        raw.append(record)
        if adapter is not None:
            expected[record_id(number)] = adapter
    warc.write_archive(path, raw)
    return expected


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", ["crawl.wet.gz", "crawl.warc"])
def test_every_film_page_found_and_the_rest_rejected(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str
) -> None:
    """Each film record comes out once, in order, with its record id, offset and URL; nothing else does."""
    needs_fastwarc()
    archive = tmp_path / name
    expected = build(archive)
    out = tmp_path / "out.jsonl"
    code, err = run(capsys, str(archive), "-o", str(out), "-j", "2")
    found = rows(out)
    assert code == 0
    assert [row["warc_record_id"] for row in found] == list(expected)
    assert [row["source"]["adapter"] for row in found] == list(expected.values())
    assert all(row["path"] == str(archive) for row in found)
    assert all(row["source"]["url"].startswith("https://") for row in found)
    offsets = [row["warc_record_offset"] for row in found]
    assert offsets == sorted(offsets)
    assert f"300 pages seen, {len(expected)} film pages" in err
    assert f"{300 - len(expected)} rejected" in err


def test_long_prose_naming_a_film_festival_once_is_not_a_film_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Long non-film prose that mentions a film festival director passes the pre-filter, may score as an
    essay, and is still rejected (by detection): only the film page is written."""
    needs_fastwarc()
    rng = random.Random(5)
    mention = "The film festival director thanked the volunteers; the review of the budget follows."
    records = []
    for number in range(6):
        paragraphs = filler(rng, 9000, paragraph=100).split("\n\n")  # long lines read as an essay
        paragraphs.insert(len(paragraphs) // 2, mention)
        records.append(warc.wet_record(f"https://news.example/{number}", "\n\n".join(paragraphs)))
    page = FIXTURES / "essay" / "hiroshima-mon-amour.txt"
    records.append(
        warc.wet_record("https://essays.example/great-movie-1", page.read_bytes(), record_id="<film>")
    )
    archive = tmp_path / "news.wet.gz"
    warc.write_archive(archive, records)
    out = tmp_path / "out.jsonl"
    code, err = run(capsys, str(archive), "-o", str(out))
    assert code == 0
    assert [row["warc_record_id"] for row in rows(out)] == ["<film>"]
    assert "6 rejected (0 by the pre-filter, 6 by detection)" in err


def test_records_read_through_ranges_are_each_read_once(tmp_path: Path) -> None:
    """Reading an archive in many small byte ranges yields every record exactly once, gz or not, even when
    a page quotes a WARC header line."""
    needs_fastwarc()
    quoting = "A page about archives.\r\n\r\nWARC/1.0\r\nWARC-Type: conversion\r\nContent-Length: 5\r\n\r\n"
    records = [warc.wet_record(f"https://a.example/{n}", quoting * (n % 3 + 1)) for n in range(40)]
    for name in ("split.wet.gz", "split.warc"):
        archive = tmp_path / name
        warc.write_archive(archive, records)
        assert warc.is_splittable(archive)
        whole = [(record.offset, record.url, record.data) for record in warc.read_range(str(archive))]
        size = archive.stat().st_size
        pieces = []
        for start in range(0, size, 700):
            end = start + 700 if start + 700 < size else None
            pieces.extend((r.offset, r.url, r.data) for r in warc.read_range(str(archive), start, end))
        assert len(whole) == 40
        assert pieces == whole


def test_one_gzip_stream_is_read_whole(tmp_path: Path) -> None:
    """An archive gzipped as one stream cannot be split: it is read as one range, all records kept."""
    needs_fastwarc()
    archive = tmp_path / "one-stream.warc.gz"
    archive.write_bytes(
        gzip.compress(b"".join(warc.wet_record(f"https://a.example/{n}", "x") for n in range(5)))
    )
    assert not warc.is_splittable(archive)
    assert batch.archive_ranges(str(archive), 50 << 20, jobs=2) == [(0, None)]
    assert len(list(warc.read_range(str(archive)))) == 5


def test_warc_responses_html_encodings_and_non_text(tmp_path: Path) -> None:
    """WARC response records: HTML read from gzip and chunked bodies; an image response is skipped."""
    needs_fastwarc()
    html = (FIXTURES / "schemaorg" / "movie-jsonld.html").read_bytes()
    gzipped = gzip.compress(html)
    chunked = b"".join(
        b"%x\r\n%s\r\n" % (len(html[i : i + 500]), html[i : i + 500]) for i in range(0, len(html), 500)
    )
    responses = [
        warc.response_record("https://cinema.example/a", html, record_id=record_id(1)),
        _http_record("https://cinema.example/b", b"Content-Encoding: gzip\r\n", gzipped, record_id(2)),
        _http_record(
            "https://cinema.example/c",
            b"Transfer-Encoding: chunked\r\n",
            chunked + b"0\r\n\r\n",
            record_id(3),
        ),
        warc.response_record("https://cinema.example/d.png", b"\x89PNG", content_type="image/png"),
    ]
    archive = tmp_path / "pages.warc.gz"
    warc.write_archive(archive, responses)
    records = list(warc.read_range(str(archive)))
    assert [record.data == html for record in records] == [True, True, True, False]
    assert not warc.is_text_type(records[3].content_type)
    out = tmp_path / "out.jsonl"
    assert main([str(archive), "-o", str(out), "--no-prefilter"]) == 0
    found = rows(out)
    assert [row["warc_record_id"] for row in found] == [record_id(1), record_id(2), record_id(3)]
    assert {row["source"]["adapter"] for row in found} == {"schemaorg"}
    assert {row["source"]["input_format"] for row in found} == {"html"}


def _http_record(url: str, headers: bytes, body: bytes, rid: str) -> bytes:
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + headers + b"\r\n" + body
    return warc._record("response", url, http, "application/http; msgtype=response", record_id=rid)


def test_truncated_archive_reports_the_cut_record_and_keeps_the_rest(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A truncated archive: the cut record is an error (with its offset), every whole film page is written,
    exit 1."""
    needs_fastwarc()
    archive = tmp_path / "cut.wet"
    expected = build(archive, count=30, film_every=3)
    data = archive.read_bytes()
    archive.write_bytes(data[: len(data) - 200])
    out = tmp_path / "out.jsonl"
    code, _ = run(capsys, str(archive), "-o", str(out))
    errors = rows(tmp_path / "out.errors.jsonl")
    assert code == 1
    assert len(errors) == 1 and "truncated record" in errors[0]["error"]
    assert errors[0]["record"] == record_id(29) and errors[0]["offset"] > 0
    assert [row["warc_record_id"] for row in rows(out)] == [key for key in expected if key != record_id(29)]


def test_mixed_batch_of_files_archives_and_bad_inputs(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Files, a good, a garbage and a missing archive together: all reported, all good pages kept."""
    needs_fastwarc()
    good = tmp_path / "good.wet.gz"
    expected = build(good, count=40, film_every=8)
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(gzip.compress(b"this is not a WARC file at all\n" * 20))
    out = tmp_path / "out.jsonl"
    page = FILM_PAGES[0]
    code, _ = run(capsys, str(page), str(garbage), str(good), str(tmp_path / "gone.wet.gz"), "-o", str(out))
    written = rows(out)
    errors = rows(tmp_path / "out.errors.jsonl")
    assert code == 1
    assert [row["path"] for row in written] == [str(page)] + [str(good)] * len(expected)
    assert [error["path"] for error in errors] == [str(garbage), str(tmp_path / "gone.wet.gz")]
    assert "not a readable WARC/WET archive" in errors[0]["error"]


def test_archive_resume_after_an_interrupted_run(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive run cut after some pages, then --resume with two workers: the same output as one full run,
    no duplicates."""
    needs_fastwarc()
    monkeypatch.setattr(batch, "MIN_RANGE_BYTES", 4096)  # several ranges even for a small archive
    archive = tmp_path / "crawl.wet.gz"
    build(archive, count=200, film_every=10)
    full = tmp_path / "full.jsonl"
    assert main([str(archive), "-o", str(full), "-j", "2"]) == 0
    out = tmp_path / "out.jsonl"
    lines = full.read_bytes().splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:7]) + lines[7][:100])  # killed while writing the eighth page
    code, err = run(capsys, str(archive), "-o", str(out), "--resume", "-j", "2")
    assert code == 0
    assert "resuming: 0 inputs done and 1 archives begun" in err
    assert out.read_bytes() == full.read_bytes()


def test_ranges_cover_the_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A splittable archive is cut into contiguous ranges from 0 to the end, TASKS_PER_WORKER per job."""
    needs_fastwarc()
    monkeypatch.setattr(batch, "MIN_RANGE_BYTES", 1024)
    archive = tmp_path / "crawl.wet.gz"
    build(archive, count=100, film_every=10)
    size = archive.stat().st_size
    ranges = batch.archive_ranges(str(archive), size, jobs=2)
    assert ranges[0][0] == 0 and ranges[-1][1] is None
    assert all(end == following for (_, end), (following, _) in itertools.pairwise(ranges))
    assert len(ranges) >= 2 * batch.TASKS_PER_WORKER - 1


def test_missing_fastwarc_names_the_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without FastWARC an archive is an error naming the extra 'warc'; files in the same run still work."""
    monkeypatch.setitem(sys.modules, "fastwarc", None)  # None in sys.modules: the import fails
    monkeypatch.setitem(sys.modules, "fastwarc.warc", None)
    with pytest.raises(InputError, match=r"extra 'warc'.*pip install 'filmscrape\[warc\]'"):
        warc.require_fastwarc()
    archive = tmp_path / "crawl.wet.gz"
    archive.write_bytes(b"")
    code, err = run(capsys, str(archive), str(FILM_PAGES[0]))
    assert code == 1
    assert f"filmscrape: error: {archive}: reading WARC/WET archives needs FastWARC" in err
