"""The public API: extract(), detect(), extract_file(); never raising on text; InputError on binary."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import filmscrape
from filmscrape import InputError, UnknownAdapterError
from filmscrape.schema import Page

from conftest import FIXTURES
from strategies import page_like_text

SEED = FIXTURES / "imdb" / "hiroshima-mon-amour.txt"


@given(st.text())
def test_extract_never_raises_on_any_str(text: str) -> None:
    """Any str gives a Page (unrecognised pages get adapter None and a warning)."""
    page = filmscrape.extract(text)
    assert isinstance(page, Page)
    assert page.source.adapter is not None or page.warnings


@given(page_like_text)
def test_extract_never_raises_on_label_soup(text: str) -> None:
    """Text built from the labels adapters look for never makes extract raise, with any adapter forced."""
    for name in filmscrape.adapters():
        assert isinstance(filmscrape.extract(text, adapter=name), Page)


@given(st.binary(max_size=2000))
def test_bytes_give_a_page_or_input_error(data: bytes) -> None:
    """Any bytes give a Page or raise InputError, nothing else."""
    try:
        page = filmscrape.extract(data)
    except InputError:
        return
    assert isinstance(page, Page)


@given(page_like_text)
def test_detection_scores_stay_in_unit_interval(text: str) -> None:
    """Every detection score lies in [0, 1] and the ranking is sorted best first."""
    ranking = filmscrape.detect(text)
    scores = [score for _, score in ranking]
    assert all(0.0 <= score <= 1.0 for score in scores)
    assert scores == sorted(scores, reverse=True)


def test_unrecognised_page_has_no_adapter_and_a_warning() -> None:
    """A page no adapter claims gives source.adapter None and says why."""
    page = filmscrape.extract("shopping list: eggs, milk")
    assert page.source.adapter is None
    assert any("no adapter recognised" in warning for warning in page.warnings)


def test_forced_adapter_is_used() -> None:
    """adapter= forces an adapter even when detection would choose another."""
    page = filmscrape.extract(SEED.read_text(encoding="utf-8"), adapter="blog")
    assert page.source.adapter == "blog"


def test_unknown_adapter_raises_with_known_names() -> None:
    """An unknown adapter name raises UnknownAdapterError (an InputError) listing the known names."""
    with pytest.raises(UnknownAdapterError, match="rottentomatoes"):
        filmscrape.extract("text", adapter="nope")
    assert issubclass(UnknownAdapterError, InputError)


def test_text_and_bytes_give_the_same_page() -> None:
    """Bytes are decoded to the same text, so the same Page comes out."""
    data = SEED.read_bytes()
    assert filmscrape.extract(data) == filmscrape.extract(data.decode("utf-8"))


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: text.encode("utf-16-le"),
        lambda text: text.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "crlf"],
)
def test_encodings_and_newlines_decode_to_the_same_text(encode: object) -> None:
    """BOMs, UTF-16 and CRLF decode to the same text, so spans mean the same thing."""
    text = SEED.read_text(encoding="utf-8")
    page = filmscrape.extract(encode(text))  # type: ignore[operator]
    assert (page.text, page.film.title) == (text, "Hiroshima Mon Amour")


def test_cp1252_fallback() -> None:
    """Bytes that are not UTF-8 decode as cp1252 (curly quotes, accented names)."""
    page = filmscrape.extract("Éliane “Marcus”".encode("cp1252"))
    assert page.text == "Éliane “Marcus”"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n" + bytes(200), b"\x1f\x8b\x08\x00" + bytes(100), bytes(range(256)) * 4],
    ids=["png", "gzip", "binary"],
)
def test_binary_input_raises_input_error(data: bytes) -> None:
    """Binary bytes raise InputError with a message that says it is not a text page."""
    with pytest.raises(InputError, match="not a text page"):
        filmscrape.extract(data)


def test_extract_file_sets_path_and_reports_missing_files(tmp_path: Path) -> None:
    """extract_file records the path; a missing file raises InputError naming it."""
    page = filmscrape.extract_file(SEED)
    assert (page.path, page.source.adapter) == (str(SEED), "imdb")
    with pytest.raises(InputError, match=r"missing\.txt"):
        filmscrape.extract_file(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        filmscrape.extract_file(tmp_path)


def test_url_hint_reaches_detection() -> None:
    """A URL hint is kept on the page and can decide detection on its own for HTML pages."""
    page = filmscrape.extract("<html><body><p>Nothing here</p></body></html>", url="https://example.org/x")
    assert page.source.url == "https://example.org/x"
    assert page.source.input_format == "html"


def test_empty_strings_never_reach_the_output() -> None:
    """Optional text an adapter left empty becomes null, and empty list entries are dropped."""
    page = filmscrape.extract((FIXTURES / "rottentomatoes" / "hiroshima-mon-amour.txt").read_bytes())
    date_only = [review for review in page.reviews if review.date == "2006-12-04"]
    assert [None] == [review.text for review in date_only]

    def strings(data: object) -> list[str]:
        if isinstance(data, dict):
            return [
                s for key, value in data.items() if key != "text" or value is not None for s in strings(value)
            ]
        if isinstance(data, list):
            return [s for item in data for s in strings(item)]
        return [data] if isinstance(data, str) else []

    for path in sorted(FIXTURES.glob("*/*.txt")):
        assert "" not in strings(filmscrape.extract(path.read_bytes()).to_dict()), path
