"""Golden tests: every fixtures/<adapter>/<case>.txt|.html against its <case>.expected.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import filmscrape
from filmscrape.serialize import page_to_dict

from conftest import FIXTURES, fixture_pages

CASES = fixture_pages()


def expected_path(page_path: Path) -> Path:
    return page_path.with_name(page_path.stem + ".expected.json")


def actual_output(page_path: Path) -> dict[str, Any]:
    """What the CLI prints for this fixture, minus the path (fixtures are path-independent)."""
    page = filmscrape.extract(page_path.read_bytes())
    return page_to_dict(page)


def differences(expected: Any, actual: Any, where: str = "") -> list[str]:
    """Every differing field path, so one wrong field does not hide the others."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        found: list[str] = []
        for key in dict.fromkeys([*expected, *actual]):
            if key not in actual:
                found.append(f"{where}.{key}: missing from output")
            elif key not in expected:
                found.append(f"{where}.{key}: not in expected ({actual[key]!r:.80})")
            else:
                found.extend(differences(expected[key], actual[key], f"{where}.{key}"))
        return found
    if isinstance(expected, list) and isinstance(actual, list):
        found = [f"{where}: {len(expected)} items expected, {len(actual)} found"]
        if len(expected) == len(actual):
            found = []
        for index, (left, right) in enumerate(zip(expected, actual, strict=False)):
            found.extend(differences(left, right, f"{where}[{index}]"))
        return found
    if expected != actual:
        return [f"{where}: expected {expected!r:.120}, got {actual!r:.120}"]
    return []


@pytest.mark.parametrize("page_path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_fixture_output_matches_expected(page_path: Path, update_fixtures: bool) -> None:
    """The extraction of each fixture page equals its reviewed .expected.json, field by field."""
    actual = actual_output(page_path)
    target = expected_path(page_path)
    if update_fixtures:
        target.write_text(json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    if not target.exists():
        pytest.fail(f"{target.name} missing; create it with: pytest tests/test_fixtures.py --update-fixtures")
    expected = json.loads(target.read_text(encoding="utf-8"))
    found = differences(expected, actual)
    command = f"pytest tests/test_fixtures.py --update-fixtures -k '{page_path.parent.name}/{page_path.stem}'"
    assert not found, (
        f"{len(found)} field(s) differ from {target.relative_to(FIXTURES.parent)}:\n  "
        + "\n  ".join(found[:40])
        + f"\nIf the change is intended, regenerate with:\n  {command}\n"
        + "and review the diff before committing."
    )


def test_every_fixture_has_expected_output() -> None:
    """No fixture page without its expected JSON, and no expected JSON without its page."""
    pages = {expected_path(path) for path in CASES}
    expected_files = set(FIXTURES.glob("*/*.expected.json"))
    assert sorted(pages - expected_files) == []
    assert sorted(expected_files - pages) == []


@pytest.mark.parametrize("page_path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_fixture_is_detected_as_its_folder_adapter(page_path: Path) -> None:
    """Each fixture is detected as the adapter its folder names, at or above the threshold."""
    ranking = filmscrape.detect(page_path.read_bytes())
    name, score = ranking[0]
    assert (page_path.parent.name, True) == (name, score >= filmscrape.DETECTION_THRESHOLD), ranking


@pytest.mark.parametrize("page_path", CASES, ids=[f"{p.parent.name}/{p.stem}" for p in CASES])
def test_fixture_spans_index_the_text(page_path: Path) -> None:
    """Every span in the output lies inside Page.text and is not empty."""
    page = filmscrape.extract(page_path.read_bytes())
    data = page_to_dict(page)
    bad = [
        f"{where}: {span}" for where, span in iter_spans(data) if not 0 <= span[0] < span[1] <= len(page.text)
    ]
    assert bad == []


def iter_spans(data: Any, where: str = "") -> list[tuple[str, list[int]]]:
    """(path, span) for every ``span``/``field_spans``/``boilerplate_spans`` value in the output."""
    found: list[tuple[str, list[int]]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "span":
                found.append((f"{where}.span", value))
            elif key == "field_spans":
                found.extend((f"{where}.field_spans.{name}", span) for name, span in value.items())
            elif key == "boilerplate_spans":
                found.extend((f"{where}.boilerplate_spans[{i}]", span) for i, span in enumerate(value))
            else:
                found.extend(iter_spans(value, f"{where}.{key}"))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found.extend(iter_spans(item, f"{where}[{index}]"))
    return found
