"""The essay adapter on its seed and on a hand-made "Great Movies" page."""

from __future__ import annotations

import filmscrape
from filmscrape.schema import Page

from conftest import FIXTURES


def extract(name: str) -> Page:
    return filmscrape.extract((FIXTURES / "essay" / name).read_bytes())


def test_seed_film_and_credits_from_prose() -> None:
    """Title/year from the first sentence; director, writer, cast with characters, composer from prose."""
    page = extract("hiroshima-mon-amour.txt")
    assert ("Hiroshima mon amour", 1959) == (page.film.title, page.film.year)
    assert [
        ("Alain Resnais", "director", None),
        ("Marguerite Duras", "writer", None),
        ("Eiji Okada", "cast", "He, the architect"),
        ("Emmanuelle Riva", "cast", "She, a French film actress"),
        ("Giovanni Fusco", "composer", None),
    ] == [(c.name, c.role, c.character) for c in page.credits]


def test_seed_quotes() -> None:
    """Epigraph, the spoken passage (dialogue), Duras twice, Monaco's block quotation; no scare quotes."""
    page = extract("hiroshima-mon-amour.txt")
    found = [(q.kind, q.speaker, q.text[:20]) for q in page.quotes]
    assert [
        ("epigraph", None, "And then, one day, m"),
        ("dialogue", None, "Listen to me. I know"),
        ("quotation", "Marguerite Duras", "Impossible to talk a"),
        ("quotation", "Marguerite Duras", "What she tells the J"),
        ("quotation", "James Monaco", "Here is an ‘impossib"),
    ] == found
    assert "book on Resnais" == page.quotes[-1].attribution
    assert not any("false documentary" in q.text or q.text == "Vertigo" for q in page.quotes)


def test_seed_facts_sections_and_review() -> None:
    """11 citation markers spanning "(Source)", four awards, four headed sections, one essay review."""
    page = extract("hiroshima-mon-amour.txt")
    citations = [f for f in page.facts if f.kind == "citation"]
    assert 11 == len(citations)
    assert {"(Source)"} == {page.text[f.span[0] : f.span[1]] for f in citations}
    awards = [f.text for f in page.facts if f.kind == "award"]
    assert 4 == len(awards)
    assert any("Oscar" in a for a in awards) and any("Fipresci" in a for a in awards)
    assert any("Grand Prix" in a for a in awards) and any("Positif" in a for a in awards)
    assert page.article is not None
    assert ["Witness art", "Film’S Reception", "Musical Score", "Film reference"] == [
        s.heading for s in page.article.sections
    ]
    assert ["essay"] == [review.kind for review in page.reviews]
    assert "(Source)" not in (page.article.body or "")


def test_great_movies_header() -> None:
    """A "Title (Original) (YYYY)" line plus URL: title, alternate title, year; the URL is boilerplate."""
    page = extract("great-movies-header.txt")
    assert ("The Salt Road", 1961) == (page.film.title, page.film.year)
    assert ["Il sentiero del sale"] == [alt.title for alt in page.film.alternate_titles]
    assert page.article is not None and page.article.body is not None
    assert "http://" not in page.article.body and "Advertisement" not in page.article.body
    assert ("Benedetto Arlani", "director") == (page.credits[0].name, page.credits[0].role)


def test_never_crashes_on_odd_text() -> None:
    """Empty, quote-only and huge single-line inputs give a Page without raising."""
    for text in ("", "“", "“a”\nB C\n", "Advertisement " * 100_000, '"' * 50_000):
        page = filmscrape.extract(text, adapter="essay")
        assert "essay" == page.source.adapter
