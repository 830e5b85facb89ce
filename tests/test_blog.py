"""The blog adapter on its seed and on hand-made variants (front matter, ratings, multi-post pages)."""

from __future__ import annotations

import filmscrape
from filmscrape.schema import Page

from conftest import FIXTURES


def extract(name: str) -> Page:
    return filmscrape.extract((FIXTURES / "blog" / name).read_bytes())


def test_seed_film_author_logline_and_verdict() -> None:
    """The seed gives the film as the blog states it (1958), the Japanese title, director, author, logline."""
    page = extract("hiroshima-mon-amour.txt")
    assert page.article is not None
    assert ("Hiroshima mon amour", 1958) == (page.film.title, page.film.year)
    assert ["二十四時間の情事"] == [alt.title for alt in page.film.alternate_titles]
    assert [("Alain Resnais", "director")] == [(c.name, c.role) for c in page.credits]
    assert ("Hiroshima mon amour (1958)", "Ashley", "positive") == (
        page.article.title,
        page.article.author,
        page.article.verdict,
    )
    assert "A French actress and a Japanese architect spend a passionate, poetic day together." == (
        page.article.logline
    )


def test_seed_body_drops_preamble_and_footer() -> None:
    """The self-introduction and the social/next-post footer are boilerplate, not body."""
    page = extract("hiroshima-mon-amour.txt")
    assert page.article is not None and page.article.body is not None
    body = page.article.body
    assert body.startswith("A French actress")
    assert "my name is Ashley" not in body and "Follow me" not in body and "Korean Books" not in body
    assert body.endswith("at least once in your lifetime!")
    assert ["Overall Thoughts"] == [section.heading for section in page.article.sections]
    spans = [page.text[a:b] for a, b in page.article.boilerplate_spans]
    assert any("my name is Ashley" in span for span in spans) and any("Follow me" in span for span in spans)
    assert [("blog", body)] == [(review.kind, review.text) for review in page.reviews]


def test_front_matter_title_date_author_and_rating() -> None:
    """Front matter gives title (the italic part), date and author; "**3.5 out of 5**" is the rating."""
    page = extract("front-matter-rating.txt")
    assert page.article is not None
    assert "The Lantern Keepers" == page.film.title
    assert ("wren", "2031-09-14") == (page.article.author, page.article.date)
    assert [("reviewer", 3.5, 5.0)] == [(s.kind, s.value, s.scale) for s in page.scores]
    assert page.reviews[0].rating is not None and 3.5 == page.reviews[0].rating.value
    assert "[lantern]" not in (page.article.body or "")


def test_multi_post_page_gives_one_review_per_film() -> None:
    """A post reviewing several films: one Page, one rated Review per film, no single film."""
    page = extract("multi-post-binge.txt")
    assert page.film.title is None
    assert [("Paper Harbour", 4.0), ("Glass Orchard", 2.0)] == [
        (review.title, review.rating.value if review.rating else None) for review in page.reviews
    ]
    assert page.article is not None
    assert ["Paper Harbour", "Glass Orchard"] == [section.heading for section in page.article.sections]


def test_never_crashes_on_odd_text() -> None:
    """Empty, header-only and huge single-line inputs give a Page without raising."""
    for text in ("", "---\ntitle: x\n---\n", "Title (2001)\n", "I " * 200_000):
        page = filmscrape.extract(text, adapter="blog")
        assert "blog" == page.source.adapter
