"""Rotten Tomatoes adapter: layout details on small inline pages, and the real-page corpus evaluation."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

import pytest

import filmscrape
from filmscrape.schema import Page
from filmscrape.serialize import page_to_dict

from conftest import corpus_files, requires_corpus

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "rottentomatoes" / "hiroshima-mon-amour.txt"


def rt_page(text: str) -> Page:
    """Extract ``text`` with the Rotten Tomatoes adapter forced."""
    return filmscrape.extract(text, adapter="rottentomatoes")


def test_seed_scores_never_come_from_the_listings() -> None:
    """The seed's only Tomatometer percentages are derived from Fresh/Rotten, not read off a listing."""
    page = filmscrape.extract(SEED.read_bytes())
    percents = [(s.kind, s.value, s.derived) for s in page.scores if s.metric == "percent_positive"]
    assert [("critics", 100, True), ("top_critics", 100, True)] == percents


def test_seed_box_office_link_is_the_distributor_not_money() -> None:
    """ "Rialto Pictures - Official Site" under an empty "Box Office:" gives a distributor, no box office."""
    page = filmscrape.extract(SEED.read_bytes())
    assert (None, "Rialto Pictures") == (page.film.box_office, page.film.distributor)


def test_critic_counts_line_is_not_a_review() -> None:
    """ "All Critics (26) | Top Critics (6) | ..." is skipped; the quote after it is the first review."""
    page = filmscrape.extract(SEED.read_bytes())
    first = page.reviews[0]
    assert first.text is not None
    assert first.text.startswith("That rare movie")


def test_audience_author_printed_twice_counts_once() -> None:
    """An audience author printed on two rows becomes the author once, not part of the text."""
    page = filmscrape.extract(SEED.read_bytes())
    review = next(r for r in page.reviews if r.author == "Aditya Gokhale")
    assert review.text is not None
    assert not review.text.endswith("Aditya Gokhale")
    assert ["Super Reviewer"] == review.badges


def test_want_to_see_percentage_is_not_an_audience_score() -> None:
    """A percentage over "want to see" (unreleased film) is not a liked-it score."""
    text = (
        "Moth Hour - Rotten Tomatoes\n\nMoth Hour  (2031)\n\nTOMATOMETER\n\nAUDIENCE SCORE\n\n100%\n\n"
        "want to see\n\nAverage Rating: 2.5/5\n\nUser Ratings:  12\n"
    )
    page = rt_page(text)
    assert [("audience", "average", 2.5)] == [(s.kind, s.metric, s.value) for s in page.scores]


def test_day_month_dates_are_resolved_per_page() -> None:
    """ "14/11" proves day-first order, so "05/12" on the same page is 5 December."""
    text = "Opening\n\n77%     Tin Orchard  14/11\n\n50%     Small Hours  05/12\n"
    page = rt_page(text)
    assert ["--11-14", "--12-05"] == [item.date for item in page.listings[0].items]


def test_ambiguous_day_month_dates_keep_only_their_text() -> None:
    """With no number above 12 the order is unknown: ``date`` stays null, ``date_text`` is kept."""
    page = rt_page("Opening\n\n77%     Tin Orchard  05/12\n")
    item = page.listings[0].items[0]
    assert (None, "05/12") == (item.date, item.date_text)


def test_no_score_yet_item_has_no_score() -> None:
    """ "No Score Yet" is a placeholder: the item's score is null."""
    page = rt_page("Coming Soon\n\nNo Score Yet Pillow Fort Oct 24\n\n80% Mudlark Oct 31\n")
    items = page.listings[0].items
    assert [("Pillow Fort", None), ("Mudlark", 80)] == [
        (item.title, item.score.value if item.score else None) for item in items
    ]


def test_review_rating_letter_grade_is_text() -> None:
    """ "Rating: B+" on a review's date row becomes a text rating; "Rating: 3/4" a value on a scale."""
    text = (
        "Critic Reviews for Moth Hour\n\nLovely.\n\nSep 22, 2015 | Rating: 3/4 | Full Review…\n\n"
        "Ann Vale\n\nThe Courier\n\nDreary.\n\nMar 16, 2011 | Rating: B+ | Full Review…\n\nPip Reviews\n"
    )
    film = "Moth Hour - Rotten Tomatoes\n\nMoth Hour  (2031)\n\nTOMATOMETER\n\n50%\n\n" + text
    page = rt_page(film)
    ratings = [(r.rating.value, r.rating.scale, r.rating.text) if r.rating else None for r in page.reviews]
    assert [(3.0, 4.0, None), (None, None, "B+")] == ratings


# -- corpus evaluation ---------------------------------------------------------------------------------


class Expect(NamedTuple):
    """What a real page must give; review and listing counts are floors pinned at what is achieved."""

    title: str | None
    year: int | None
    critics_percent: int | None
    audience_percent: int | None
    critic_reviews: int
    audience_reviews: int
    listing_items: int
    quotes: int


CORPUS_EXPECTATIONS: dict[str, Expect] = {
    "1922_2017_rt_2021.html": Expect("1922", 2017, 91, 57, 12, 4, 67, 0),
    "air_force_one_1997_rt_2014.html": Expect("Air Force One", 1997, 79, 66, 16, 4, 110, 5),
    "browse_certified_fresh_streaming_rt_2018.html": Expect(None, None, None, None, 0, 0, 579, 0),
    "browse_top_grossing_in_theaters_rt_2025.html": Expect(None, None, None, None, 0, 0, 28, 0),
    "editorial_140_essential_action_movies_rt_2023.html": Expect(None, None, None, None, 0, 0, 140, 0),
    "happy_gilmore_1996_rt_2022.html": Expect("Happy Gilmore", 1996, 61, 85, 12, 4, 6, 0),
    "host_2020_rt_2021.html": Expect("Host", 2020, 100, 73, 12, 0, 67, 0),  # no audience reviews printed
    "iron_man_2008_rt_2014.html": Expect("Iron Man", 2008, 93, 91, 24, 4, 119, 6),
    "kristy_2014_rt_2014.html": Expect("Kristy", 2014, None, None, 0, 0, 119, 0),  # no reviews yet
    "list_top100_classics_rt_2021.html": Expect(None, None, None, None, 0, 0, 142, 0),
    "list_top100_horror_rt_2021.html": Expect(None, None, None, None, 0, 0, 142, 0),
    "nightcrawler_2014_rt_2014.html": Expect("Nightcrawler", 2014, 94, 90, 19, 4, 119, 0),
    "pulp_fiction_1994_rt_2008.html": Expect(
        "Pulp Fiction", 1994, 96, None, 20, 0, 0, 0
    ),  # no audience score yet
    "pulp_fiction_1994_rt_2010.html": Expect("Pulp Fiction", 1994, 95, 95, 19, 2, 10, 5),
    "shawshank_redemption_1994_rt_2019.html": Expect("The Shawshank Redemption", 1994, 91, 98, 12, 4, 74, 5),
    "shawshank_redemption_1994_rt_2020.html": Expect("The Shawshank Redemption", 1994, 90, 98, 12, 4, 53, 5),
    "the_avengers_2012_rt_2014.html": Expect("Marvel's The Avengers", 2012, 92, 91, 26, 4, 119, 6),
    "the_departed_2006_rt_2021.html": Expect("The Departed", 2006, 90, 94, 12, 4, 67, 8),
    "waist_deep_2006_rt_2008.html": Expect("Waist Deep", 2006, 26, None, 20, 0, 0, 0),
    "waist_deep_2006_rt_2010.html": Expect("Waist Deep", 2006, 27, 74, 22, 2, 10, 0),
}
RT_PAGES = corpus_files("rt")


def all_spans(data: Any, where: str = "") -> list[tuple[str, list[int]]]:
    """(path, span) for every span in the output: record spans and film.field_spans."""
    found: list[tuple[str, list[int]]] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "span":
                found.append((where, value))
            elif key == "field_spans":
                found.extend((f"{where}.{name}", span) for name, span in value.items())
            else:
                found.extend(all_spans(value, f"{where}.{key}"))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            found.extend(all_spans(item, f"{where}[{index}]"))
    return found


def percent(page: Page, kind: str) -> float | None:
    """The page's percent_positive score of ``kind``, or None."""
    return next((s.value for s in page.scores if s.kind == kind and s.metric == "percent_positive"), None)


@requires_corpus
def test_every_corpus_page_has_expectations() -> None:
    """Each page in corpus/rt is pinned below, and each pinned page is in the corpus."""
    assert sorted(CORPUS_EXPECTATIONS) == sorted(path.name for path in RT_PAGES)


@requires_corpus
@pytest.mark.parametrize("path", RT_PAGES, ids=[path.name for path in RT_PAGES])
def test_corpus_page(path: Path) -> None:
    """A real page yields its title, year, scores, visible reviews, quotes and listings (floors pinned)."""
    expect = CORPUS_EXPECTATIONS[path.name]
    page = filmscrape.extract(path.read_bytes())
    critic_reviews = sum(review.kind == "critic" for review in page.reviews)
    audience_reviews = sum(review.kind == "audience" for review in page.reviews)
    listing_items = sum(len(listing.items) for listing in page.listings)
    assert "rottentomatoes" == page.source.adapter
    assert (expect.title, expect.year) == (page.film.title, page.film.year)
    assert (expect.critics_percent, expect.audience_percent) == (
        percent(page, "critics"),
        percent(page, "audience"),
    )
    assert critic_reviews >= expect.critic_reviews
    assert audience_reviews >= expect.audience_reviews
    assert listing_items >= expect.listing_items
    assert len(page.quotes) >= expect.quotes
    assert [] == page.warnings


@requires_corpus
@pytest.mark.parametrize("path", RT_PAGES, ids=[path.name for path in RT_PAGES])
def test_corpus_spans_index_the_rendering(path: Path) -> None:
    """Every span read from a real page is non-empty and lies inside Page.text."""
    page = filmscrape.extract(path.read_bytes())
    bad = [
        (where, span)
        for where, span in all_spans(page_to_dict(page))
        if not 0 <= span[0] < span[1] <= len(page.text)
    ]
    assert [] == bad
