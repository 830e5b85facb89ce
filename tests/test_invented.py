"""Nothing invented: every score value and count, review count, date, credit name and listing title in the
output can be read inside the span it cites (numbers as printed: "21,203" for 21203), unless the record says
it was computed (``derived``) or read from the page's markup (``origin: "markup"``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import filmscrape

from conftest import FIXTURES, corpus_files, fixture_pages, requires_corpus
from invented import invented

CORPUS_PAGES = [path for path in corpus_files() if path.suffix in (".html", ".txt")]


def key(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", fixture_pages(), ids=key)
def test_fixture_values_are_read_inside_their_spans(path: Path) -> None:
    """Fixture outputs cite spans that hold their values."""
    assert [] == list(invented(filmscrape.extract(path.read_bytes())))


@requires_corpus
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=key)
def test_corpus_values_are_read_inside_their_spans(path: Path) -> None:
    """Corpus outputs (every folder, every layout) cite spans that hold their values."""
    assert [] == list(invented(filmscrape.extract(path.read_bytes())))


def test_the_check_catches_an_invented_value() -> None:
    """The checker itself fails a count, a date or a name that its span does not hold."""
    page = filmscrape.extract((FIXTURES / "imdb" / "hiroshima-mon-amour.txt").read_bytes())
    assert [] == list(invented(page))
    page.scores[0].count = 99999
    page.reviews[0].date = "2011-05-11"
    page.credits[0].name = "Somebody Else"
    problems = " ".join(invented(page))
    assert "99999" in problems and "2011-05-11" in problems and "Somebody Else" in problems


def test_markup_origin_is_exempt_but_marked() -> None:
    """A score read from markup is not checked against its anchor, and it says so in the output."""
    page = filmscrape.extract((FIXTURES / "rottentomatoes" / "film-2022-scoreboard.html").read_bytes())
    assert page.scores and all(score.origin == "markup" for score in page.scores)
    assert [] == list(invented(page))
