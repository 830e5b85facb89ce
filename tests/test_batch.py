"""The batch command line over files: output order, errors file, resume, Ctrl-C, progress, summary, and
the crawl pre-filter (archives are in test_warc.py, Parquet in test_parquet.py)."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from filmscrape import batch, prefilter
from filmscrape.cli import main
from filmscrape.output import JsonLinesWriter, read_json_lines, truncate_partial_line

from conftest import FIXTURES, fixture_pages, interrupt_batch_after

PAGES = [path for path in fixture_pages() if path.suffix == ".txt"]
SITE_URLS = {
    "imdb": "https://www.imdb.com/title/tt0052893/",
    "rottentomatoes": "https://www.rottentomatoes.com/m/hiroshima_mon_amour",
    "blog": "https://filmdiary.example/2019/05/hiroshima/",
    "essay": "https://essays.example/great-movie-hiroshima",
    "schemaorg": "https://cinema.example/films/42",
}
NOT_FILM = (
    "The council opens the winter timetable before the end of the month. Our bakery delivers fresh rye\n"
    "loaves for every household, and the river path lists three walking routes for a small fee.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def copy_pages(directory: Path, pages: list[Path]) -> list[Path]:
    """Copy fixture pages into ``directory`` under sortable names; return the copies in order."""
    directory.mkdir(parents=True, exist_ok=True)
    copies = []
    for number, page in enumerate(pages):
        copy = directory / f"{number:05d}-{page.parent.name}-{page.name}"
        copy.write_bytes(page.read_bytes())
        copies.append(copy)
    return copies


def test_directory_to_output_file_in_input_order(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """-o writes one JSON line per page in sorted input order; stdout stays empty; stderr gets a summary."""
    copies = copy_pages(tmp_path / "pages", PAGES)
    out = tmp_path / "out.jsonl"
    code, stdout, err = run(capsys, str(tmp_path / "pages"), "-o", str(out), "-j", "2")
    assert (code, stdout) == (0, "")
    assert [row["path"] for row in rows(out)] == [str(copy) for copy in copies]
    assert err.startswith(f"filmscrape: {len(PAGES)} pages seen, {len(PAGES)} film pages (")
    assert "imdb" in err and "0 errors" in err and "pages/s" in err


def test_two_workers_write_what_one_writes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The output of -j 2 is byte for byte the output of -j 1 (stable order, same pages)."""
    copy_pages(tmp_path / "pages", PAGES * 3)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.jsonl"
        code, _, _ = run(capsys, str(tmp_path / "pages"), "-o", str(out), "-j", jobs)
        assert code == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") == len(PAGES) * 3


def test_bad_inputs_go_to_the_errors_file_and_the_rest_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Missing, unreadable, binary inputs and an empty directory: each a line of the errors file, exit 1,
    every good page in the output."""
    good = copy_pages(tmp_path / "good", PAGES[:3])
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    unreadable = tmp_path / "locked.txt"
    unreadable.mkdir()  # reading a directory given as a file fails like an unreadable file
    empty = tmp_path / "empty"
    empty.mkdir()
    out = tmp_path / "out.jsonl"
    inputs = [
        str(tmp_path / "missing.txt"),
        str(good[0]),
        str(binary),
        str(good[1]),
        str(empty),
        str(good[2]),
    ]
    code, _, err = run(capsys, *inputs, str(unreadable), "-o", str(out))
    assert code == 1
    assert [row["path"] for row in rows(out)] == [str(page) for page in good]
    errors = rows(tmp_path / "out.errors.jsonl")
    assert [error["path"] for error in errors] == [inputs[0], str(binary), str(empty), str(unreadable)]
    assert "No such file" in str(errors[0]["error"]) and "not a text page" in str(errors[1]["error"])
    assert "no page files" in str(errors[2]["error"])
    assert all(set(error) == {"path", "record", "offset", "url", "error"} for error in errors)
    assert "4 errors (in " in err and "Traceback" not in err


def test_errors_go_to_stderr_without_an_output_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Without -o or --errors, each failed input is one stderr line, as for a single file."""
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, str(missing), str(PAGES[0]))
    assert code == 1
    assert len(out.splitlines()) == 1
    assert err.splitlines() == [f"filmscrape: error: {missing}: No such file or directory"]


def test_interrupted_run_leaves_valid_output_and_resume_completes_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C after some pages: exit 130, whole lines only; --resume writes the rest, no duplicates."""
    copies = copy_pages(tmp_path / "pages", PAGES)
    out = tmp_path / "out.jsonl"
    real_process = interrupt_batch_after(monkeypatch, 6)
    code, _, err = run(capsys, str(tmp_path / "pages"), "-o", str(out), "-j", "1")
    assert code == 130
    assert "--resume" in err
    assert [row["path"] for row in rows(out)] == [str(copy) for copy in copies[:5]]
    monkeypatch.setattr(batch, "process", real_process)
    code, _, err = run(capsys, str(tmp_path / "pages"), "-o", str(out), "--resume", "-j", "2")
    assert code == 0
    assert "resuming: 5 inputs done and 0 archives begun" in err
    assert [row["path"] for row in rows(out)] == [str(copy) for copy in copies]


def test_resume_cuts_a_half_written_line_and_skips_reported_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A run killed mid-line leaves half a line: --resume cuts it, redoes that input, and skips inputs
    already in the errors file."""
    copies = copy_pages(tmp_path / "pages", PAGES[:4])
    missing = tmp_path / "pages" / "99999-missing.txt"
    out = tmp_path / "out.jsonl"
    code, _, _ = run(capsys, *map(str, copies), str(missing), "-o", str(out))
    assert code == 1
    complete = out.read_bytes()
    lines = complete.splitlines(keepends=True)
    out.write_bytes(b"".join(lines[:2]) + lines[2][:40])  # killed while writing the third page
    code, _, _ = run(capsys, *map(str, copies), str(missing), "-o", str(out), "--resume")
    assert code == 0  # the missing file was reported by the first run
    assert out.read_bytes() == complete
    assert len(rows(tmp_path / "out.errors.jsonl")) == 1


def test_from_list_and_glob(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--from-list - reads paths from stdin (comments and blanks skipped); --glob filters directory walks."""
    listing = f"# pages\n{PAGES[0]}\n\n{FIXTURES / 'schemaorg'}\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(listing))
    code, out, _ = run(capsys, "--from-list", "-", "--glob", "*.html")
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert code == 0
    assert paths == [str(PAGES[0]), str(FIXTURES / "schemaorg" / "movie-jsonld.html")]


def test_prefilter_on_files_drops_pages_that_are_not_film(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--prefilter on files drops a non-film page (counted as rejected), keeps film pages."""
    notice = tmp_path / "notice.txt"
    notice.write_text(NOT_FILM, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, str(notice), str(PAGES[0]), "--prefilter", "-o", str(out))
    assert code == 0
    assert [row["path"] for row in rows(out)] == [str(PAGES[0])]
    assert "1 rejected (1 by the pre-filter, 0 by detection)" in err


def test_progress_bar_on_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With stderr a terminal and -o, a tqdm bar is drawn on stderr; --no-progress turns it off."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for flag, expected in (("--no-progress", False), (None, True)):
        terminal = Terminal()
        monkeypatch.setattr(sys, "stderr", terminal)
        argv = [str(PAGES[0]), str(PAGES[1]), "-o", str(tmp_path / "out.jsonl"), "-j", "1"]
        assert main([*argv, flag] if flag else argv) == 0
        assert ("pages, " in terminal.getvalue() and "\r" in terminal.getvalue()) is expected
    capsys.readouterr()


def test_usage_errors_of_the_batch_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--resume and --format parquet need -o; --jobs cannot be negative: exit 2."""
    for argv in (["--resume"], ["--format", "parquet"], ["-j", "-1"]):
        code, _, err = run(capsys, str(PAGES[0]), *argv)
        assert code == 2, argv
        assert "error" in err


def test_json_lines_writer_keeps_whole_lines(tmp_path: Path) -> None:
    """A partial last line is cut when appending; a closed writer leaves only whole lines."""
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"a": 1}\n{"b": 2}\n{"c"')
    truncate_partial_line(path)
    assert path.read_bytes() == b'{"a": 1}\n{"b": 2}\n'
    writer = JsonLinesWriter(path, append=True)
    writer.write({"d": "é"})
    writer.close()
    assert list(read_json_lines(path)) == [{"a": 1}, {"b": 2}, {"d": "é"}]


def test_every_fixture_page_passes_the_prefilter() -> None:
    """The pre-filter lets every fixture page through, with no URL and with a URL like its site's."""
    rejected = []
    for page in fixture_pages():
        data = page.read_bytes()
        for url in (None, SITE_URLS[page.parent.name]):
            if not prefilter.verdict(data, url).accept:
                rejected.append((page.name, url))
    assert rejected == []


def test_prefilter_rejects_pages_that_are_not_film() -> None:
    """Text without film words, near misses, non-film URLs of film sites: rejected, each for its reason."""
    url = "https://council.example/notices/12"
    assert prefilter.verdict(NOT_FILM.encode(), url) == (False, "no-film-words")
    near_miss = NOT_FILM + "Wrap the dough in cling film and let it rest.\n"
    assert prefilter.verdict(near_miss.encode(), url) == (False, "few-film-words")
    assert prefilter.verdict(near_miss, url) == (False, "few-film-words")  # str works the same
    review = NOT_FILM + "Customers review every kettle we sell.\n"
    assert prefilter.verdict(review.encode(), url) == (False, "no-film-words")
    assert prefilter.verdict(b"anything", "https://www.imdb.com/name/nm0000001/") == (False, "other-url")
    assert prefilter.verdict(b"a film", "https://cdn.example/poster.jpg?w=300") == (False, "not-a-page")
    assert prefilter.verdict(b"", "https://m.imdb.com/title/tt0052893/reviews") == (True, "film-url")


def test_prefilter_accepts_film_vocabulary_and_film_urls() -> None:
    """A page saying film with a second family of film words passes; a film URL needs only the gate."""
    url = "https://news.example/arts/2024/item"
    assert prefilter.verdict(b"The film opens in May; its director spoke to us.", url).accept
    assert not prefilter.verdict(b"A thin film of oil on the pond.", url).accept
    assert prefilter.verdict(b"A thin film of oil on the pond.", "https://x.example/film/oil").accept
    text = b"Our review: the rest of this review may contain spoilers."
    assert prefilter.verdict(text, None).accept


def test_ctrl_c_on_a_real_process_group(tmp_path: Path) -> None:
    """SIGINT to the whole process group (what Ctrl-C does) during a -j 2 run: the command exits 130 at once
    (no hang), the output parses, and --resume completes it without duplicates."""
    pages = PAGES * 40
    copies = copy_pages(tmp_path / "pages", pages)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "filmscrape", str(tmp_path / "pages"), "-o", str(out), "-j", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if out.exists() and out.stat().st_size > 0:
            break
        time.sleep(0.01)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode in (130, 0), err  # 0 only if the run ended before the signal
    assert "Traceback" not in err
    written = [row["path"] for row in rows(out)]
    assert written == [str(copy) for copy in copies[: len(written)]]
    assert main([str(tmp_path / "pages"), "-o", str(out), "--resume", "-j", "2"]) == 0
    assert [row["path"] for row in rows(out)] == [str(copy) for copy in copies]


def test_prefilter_gives_the_same_verdicts_without_memmem(monkeypatch: pytest.MonkeyPatch) -> None:
    """The gate's C-library search and Python's own agree: every fixture and near miss, same verdict."""
    samples = [(page.read_bytes(), SITE_URLS[page.parent.name]) for page in fixture_pages()]
    samples += [(NOT_FILM.encode(), None), (b"A thin film of oil.", "https://x.example/"), (b"", None)]
    samples += [(b"x" * 100_000 + b"movie", None), (b"ilm", "https://x.example/film/")]
    fast = [prefilter.verdict(data, url) for data, url in samples]
    assert prefilter.contains(b"a film", b"ilm") and not prefilter.contains(b"a fil", b"ilm")
    monkeypatch.setattr(prefilter, "contains", prefilter._contains_in)
    assert [prefilter.verdict(data, url) for data, url in samples] == fast


def test_a_dying_worker_ends_the_run_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker process that dies (a crash in a C extension) ends the run with one error line, exit 1, no
    traceback, and the pages written before it in a valid output."""
    copy_pages(tmp_path / "pages", PAGES[:12])
    monkeypatch.setattr(batch, "run_task", _die_on_third_task)
    out = tmp_path / "out.jsonl"
    code, _, err = run(capsys, str(tmp_path / "pages"), "-o", str(out), "-j", "2")
    assert code == 1
    assert "internal error: BrokenProcessPool" in err and "Traceback" not in err
    assert all(isinstance(row, dict) for row in rows(out))


def _die_on_third_task(task: batch.Task, options: batch.Options) -> batch.TaskResult:
    if task.index == 2:
        os._exit(1)
    return batch.TaskResult(task.index, weight=task.weight)
