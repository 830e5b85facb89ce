"""Nothing invented: every score value and count, date, credit name and listing title in the output can
be read inside the span it cites (numbers as printed: "21,203" for 21203), unless flagged ``derived``.

KNOWN_GAPS pins the pages where this does not hold yet, with how many values and why; a page may only
improve (a count above its pin, or any value on another page, fails).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import filmscrape
from invented import invented

from conftest import CORPUS, corpus_files, fixture_pages, requires_corpus

# page -> (values not readable in their span, why). Lower these as the adapters improve.
KNOWN_GAPS: dict[str, tuple[int, str]] = {
    "rt/1922_2017_rt_2021.html": (24, "scores read from embedded JSON; the rendering never prints them"),
    "rt/host_2020_rt_2021.html": (14, "scores read from embedded JSON; the rendering never prints them"),
    "rt/the_departed_2006_rt_2021.html": (24, "scores read from embedded JSON"),
    "rt/happy_gilmore_1996_rt_2022.html": (36, "scores and quotes read from element attributes"),
    "rottentomatoes/film-2022-scoreboard.html": (23, "scores and quotes read from element attributes"),
    "rt/shawshank_redemption_1994_rt_2019.html": (4, "audience review dates printed after the review span"),
    "rt/shawshank_redemption_1994_rt_2020.html": (4, "audience review dates printed after the review span"),
    "rottentomatoes/film-2019-consensus.txt": (1, "audience review date printed after the review span"),
}

PAGES = [*fixture_pages(), *(p for p in corpus_files() if p.suffix in (".html", ".txt"))]


def key(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("path", fixture_pages(), ids=key)
def test_fixture_values_are_read_inside_their_spans(path: Path) -> None:
    """Fixture outputs cite spans that hold their values."""
    found = list(invented(filmscrape.extract(path.read_bytes())))
    allowed, why = KNOWN_GAPS.get(key(path), (0, ""))
    assert len(found) <= allowed, "\n".join(found[:20]) + (f"\n(known gap: {why})" if why else "")


@requires_corpus
@pytest.mark.parametrize("path", [p for p in PAGES if CORPUS in p.parents], ids=key)
def test_corpus_values_are_read_inside_their_spans(path: Path) -> None:
    """Corpus outputs cite spans that hold their values (known gaps pinned, may only shrink)."""
    found = list(invented(filmscrape.extract(path.read_bytes())))
    allowed, why = KNOWN_GAPS.get(key(path), (0, ""))
    assert len(found) <= allowed, "\n".join(found[:20]) + (f"\n(known gap: {why})" if why else "")


def test_the_check_catches_an_invented_value() -> None:
    """The checker itself fails a value its span does not hold."""
    page = filmscrape.extract(
        (Path(__file__).parent.parent / "fixtures/imdb/hiroshima-mon-amour.txt").read_bytes()
    )
    assert list(invented(page)) == []
    page.scores[0].count = 99999
    assert any("99999" in problem for problem in invented(page))
