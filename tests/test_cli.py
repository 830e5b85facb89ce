"""The command line, called in-process (plus one real subprocess for python -m and start-up)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from filmscrape.cli import main

from conftest import FIXTURES

SEEDS = sorted(FIXTURES.glob("*/hiroshima-mon-amour.txt"))
RT_SEED = FIXTURES / "rottentomatoes" / "hiroshima-mon-amour.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.parent.name)
def test_one_file_prints_one_json_document(capsys: pytest.CaptureFixture[str], seed: Path) -> None:
    """One file gives one indented JSON document with the right adapter and title, exit 0."""
    code, out, err = run(capsys, str(seed))
    data = json.loads(out)
    assert (code, err) == (0, "")
    assert data["source"]["adapter"] == seed.parent.name
    assert data["film"]["title"].lower().startswith("hiroshima mon amour")
    assert out.startswith('{\n  "schema_version": 1,')
    assert data["path"] == str(seed)


def test_several_files_give_json_lines(capsys: pytest.CaptureFixture[str]) -> None:
    """Several files give one compact JSON object per line, each with its path, in input order."""
    code, out, _ = run(capsys, *map(str, SEEDS))
    lines = out.splitlines()
    assert code == 0
    assert [json.loads(line)["path"] for line in lines] == [str(seed) for seed in SEEDS]


def test_directory_is_walked_recursively(capsys: pytest.CaptureFixture[str]) -> None:
    """A directory gives JSON Lines for every page file below it, not the expected JSON files."""
    code, out, _ = run(capsys, str(FIXTURES))
    paths = [json.loads(line)["path"] for line in out.splitlines()]
    assert code == 0
    assert all(not path.endswith(".json") for path in paths)
    assert set(map(str, SEEDS)) <= set(paths)


def test_failed_inputs_are_reported_and_the_rest_still_printed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Missing and binary files are one-line errors naming the file; good files still print; exit 1."""
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    missing = tmp_path / "missing.txt"
    code, out, err = run(capsys, str(missing), str(RT_SEED), str(binary))
    assert code == 1
    assert [json.loads(line)["source"]["adapter"] for line in out.splitlines()] == ["rottentomatoes"]
    errors = err.splitlines()
    assert len(errors) == 2
    assert str(missing) in errors[0] and "No such file" in errors[0]
    assert str(binary) in errors[1] and "not a text page" in errors[1]
    assert "Traceback" not in err


def test_empty_directory_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A directory without page files is reported, exit 1."""
    code, out, err = run(capsys, str(tmp_path))
    assert (code, out) == (1, "")
    assert "no page files" in err


def test_stdin_is_read_with_dash(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """- reads the page from standard input."""
    stdin = io.TextIOWrapper(io.BytesIO(RT_SEED.read_bytes()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "-")
    assert code == 0
    assert json.loads(out)["source"]["adapter"] == "rottentomatoes"


def test_closed_stdin_is_an_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A closed standard input is a one-line error, exit 1."""
    stdin = io.TextIOWrapper(io.BytesIO(b""))
    stdin.close()
    monkeypatch.setattr(sys, "stdin", stdin)
    code, _, err = run(capsys, "-")
    assert code == 1
    assert "standard input is closed" in err


def test_forced_adapter_and_unknown_adapter(capsys: pytest.CaptureFixture[str]) -> None:
    """--adapter forces one; an unknown name is a usage error (exit 2) listing the known ones."""
    code, out, _ = run(capsys, "--adapter", "blog", str(RT_SEED))
    assert (code, json.loads(out)["source"]["adapter"]) == (0, "blog")
    code, out, err = run(capsys, "--adapter", "nope", str(RT_SEED))
    assert (code, out) == (2, "")
    assert "unknown adapter 'nope'" in err and "imdb" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """No input, or an unknown option, is a usage error with exit 2 and no traceback."""
    code, _, err = run(capsys)
    assert code == 2 and "no input" in err
    code, _, err = run(capsys, "--no-such-option", str(RT_SEED))
    assert code == 2 and "unrecognized arguments" in err


def test_list_adapters(capsys: pytest.CaptureFixture[str]) -> None:
    """--list-adapters prints each adapter's name and description."""
    code, out, _ = run(capsys, "--list-adapters")
    assert code == 0
    assert [line.split("\t")[0] for line in out.splitlines()][:4] == [
        "rottentomatoes",
        "imdb",
        "blog",
        "essay",
    ]


def test_explain_prints_detection_scores_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """--explain prints every adapter's score on stderr, best first; stdout stays pure JSON."""
    code, out, err = run(capsys, "--explain", str(RT_SEED))
    assert code == 0
    json.loads(out)
    assert err.startswith(f"{RT_SEED}: detection: rottentomatoes 0.")


def test_summary_format(capsys: pytest.CaptureFixture[str]) -> None:
    """--format summary prints title, year, adapter and counts for a person to read."""
    code, out, _ = run(capsys, "--format", "summary", str(RT_SEED))
    assert code == 0
    first = out.splitlines()[0]
    assert "Hiroshima Mon Amour" in first and "(1959)" in first and "rottentomatoes" in first
    assert "reviews" in out


def test_jsonl_format_for_one_file_and_include_text(capsys: pytest.CaptureFixture[str]) -> None:
    """--format jsonl forces one line; --include-text adds the text that spans index."""
    code, out, _ = run(capsys, "--format", "jsonl", "--include-text", str(RT_SEED))
    assert code == 0 and out.count("\n") == 1
    assert json.loads(out)["text"] == RT_SEED.read_text(encoding="utf-8")


def test_schema_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--schema prints the JSON Schema; --version the version."""
    code, out, _ = run(capsys, "--schema")
    assert code == 0 and json.loads(out)["title"] == "filmscrape Page"
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("filmscrape ")


def test_python_dash_m_runs_in_a_real_process(tmp_path: Path) -> None:
    """python -m filmscrape works as a real process: UTF-8 out even under an ASCII locale, exit codes kept."""
    page = tmp_path / "page.txt"
    page.write_text("Amélie (2001)\n\nA short note.\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "filmscrape", "--adapter", "blog", str(page)],
        capture_output=True,
        check=False,
        env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C", "PATH": ""},
    )
    assert result.returncode == 0, result.stderr
    assert '"title": "Amélie"' in result.stdout.decode("utf-8")
    missing = subprocess.run(
        [sys.executable, "-m", "filmscrape", "/nonexistent/page.txt"], capture_output=True, check=False
    )
    assert missing.returncode == 1
    assert missing.stderr.decode().count("\n") == 1 and b"Traceback" not in missing.stderr
