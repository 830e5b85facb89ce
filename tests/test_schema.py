"""The output contract: JSON round trip, key order, the generated JSON Schema."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from hypothesis import given

import filmscrape
from filmscrape.schema import Page, Score
from filmscrape.serialize import json_schema, json_schema_text

from conftest import ROOT, fixture_pages
from strategies import pages

SCHEMA_FILE = ROOT / "docs" / "schema.json"


@given(pages)
def test_page_json_round_trip_is_identity(page: Page) -> None:
    """Any Page -> JSON -> Page gives back an equal Page (text included when asked for)."""
    assert page == Page.from_json(page.to_json(include_text=True))


def test_text_is_left_out_unless_asked_for() -> None:
    """Page.text (the whole input) is not printed by default, only with include_text."""
    page = Page(text="the page")
    assert "text" not in json.loads(page.to_json())
    assert json.loads(page.to_json(include_text=True))["text"] == "the page"


def test_keys_follow_schema_order() -> None:
    """JSON keys come in the contract's order, not alphabetically."""
    keys = list(json.loads(Page().to_json()))
    assert keys[:4] == ["schema_version", "source", "film", "scores"]
    score_keys = list(Page(scores=[Score(kind="users", metric="average")]).to_dict()["scores"][0])  # type: ignore[index]
    assert score_keys[:4] == ["kind", "metric", "value", "scale"]


def test_spans_are_json_lists() -> None:
    """Spans serialise as [start, end] lists, also inside to_dict()."""
    data = Page(scores=[Score(kind="users", metric="average", span=(3, 9))]).to_dict()
    assert [3, 9] == data["scores"][0]["span"]  # type: ignore[index]


def test_non_ascii_is_not_escaped() -> None:
    """JSON output keeps non-ASCII characters as they are (UTF-8, unescaped)."""
    page = Page()
    page.film.title = "二十四時間の情事"
    assert "二十四時間の情事" in page.to_json()


def test_docs_schema_json_is_current() -> None:
    """docs/schema.json equals the schema generated from the classes (regenerate: see docs/schema.md)."""
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "docs/schema.json is stale: run  python -m filmscrape --schema > docs/schema.json"
    )


def test_fixture_outputs_validate_against_the_schema() -> None:
    """Every fixture's output is valid under the generated JSON Schema."""
    validator = jsonschema.Draft202012Validator(json_schema())
    for path in fixture_pages():
        data = filmscrape.extract(Path(path).read_bytes()).to_dict()
        errors = [error.message for error in validator.iter_errors(data)]
        assert errors == [], path


def test_schema_rejects_wrong_values() -> None:
    """The schema is strict: unknown keys and wrong vocabularies are errors."""
    validator = jsonschema.Draft202012Validator(json_schema())
    data = Page().to_dict()
    data["unexpected"] = 1
    assert not validator.is_valid(data)
    data = Page(scores=[Score(kind="users", metric="average")]).to_dict()
    data["scores"][0]["kind"] = "astrology"  # type: ignore[index]
    assert not validator.is_valid(data)
