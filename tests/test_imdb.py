"""The IMDb adapter: the seed's traps, layout details, and an evaluation on the real-page corpus."""

from __future__ import annotations

import pytest

import filmscrape
from filmscrape.schema import Page

from conftest import FIXTURES

SEED = FIXTURES / "imdb" / "hiroshima-mon-amour.txt"


def extract(text: str) -> Page:
    return filmscrape.extract(text, adapter="imdb")


@pytest.fixture(scope="module")
def seed() -> Page:
    return filmscrape.extract(SEED.read_bytes())


def test_seed_crew_has_35_distinct_credits(seed: Page) -> None:
    """The seed's crew list gives 35 credits; Duras, printed at the top and under Writing credits, is one."""
    assert 35 == len(seed.credits)
    duras = [credit for credit in seed.credits if credit.name == "Marguerite Duras"]
    assert 1 == len(duras)
    assert ("writer", "Writing credits", "writer") == (duras[0].role, duras[0].department, duras[0].job)


def test_seed_user_rating_not_from_recommendation_strip(seed: Page) -> None:
    """Only "User Rating:" gives the users' score; the "IMDb User Rating:" rows of recommendations do not."""
    users = [score for score in seed.scores if score.kind == "users"]
    assert [(8.0, 10, 21203, "User Rating")] == [(s.value, s.scale, s.count, s.label) for s in users]
    assert seed.text[users[0].span[0] : users[0].span[1]].startswith("User Rating:")


def test_seed_certificates_recognised_after_sound_mix_label(seed: Page) -> None:
    """The certificate row that follows "Sound Mix:" (its own label lost) gives 19 certificates."""
    certificates = seed.film.certificates
    assert 19 == len(certificates)
    uk = [c for c in certificates if (c.region, c.rating) == ("UK", "12")]
    assert ["re-rating (2011)"] == [c.note for c in uk]
    assert "UK:12 (re-rating) (2011)" == seed.text[uk[0].span[0] : uk[0].span[1]]


def test_seed_recommendations_run_together_are_not_split(seed: Page) -> None:
    """Titles run together with single spaces cannot be split honestly: related_films stays empty."""
    assert [] == seed.film.related_films


def test_seed_dialogue_quote_lines(seed: Page) -> None:
    """ "Lui:[First lines] ..." / "Elle:..." is one dialogue quote of two lines with the stage direction."""
    [quote] = seed.quotes
    lines = [(line.speaker, line.direction) for line in quote.lines]
    assert [("Lui", "First lines"), ("Elle", None)] == lines
    assert "You saw nothing in Hiroshima. Nothing. / I saw everything. Everything." == quote.text


def test_seed_goof_keeps_category(seed: Page) -> None:
    """The goof keeps its text as printed and names its category."""
    [goof] = [fact for fact in seed.facts if fact.kind == "goof"]
    assert "Continuity" == goof.category
    assert goof.text.startswith("Continuity: After they leave the teahouse")
    assert "See more" not in goof.text


def test_seed_user_review(seed: Page) -> None:
    """The featured review: title, author, place, date, helpfulness and nine paragraphs."""
    [review] = seed.reviews
    assert ("The beginnings of the inland empire", "chaos-rampant", "Greece", "2011-05-10", 15, 18) == (
        review.title,
        review.author,
        review.author_location,
        review.date,
        review.helpful_yes,
        review.helpful_total,
    )
    assert review.text is not None
    assert 9 == len(review.text.split("\n\n"))


COMBINED_SNIPPET = """IMDb > Some Film (1970)

User Rating:
7.1/10   1,234 votes »
Director:
Ann Example
Writers (WGA):
Bo Writer (novel)
Cy Writer (screenplay) ...
(more)
Release Date:
3 March 1971 (USA) See more »
Genre:
Drama | War See more »
Plot:
A made-up story. Full summary » | Full synopsis »

Directed by
Ann Example
Writing credits
(WGA)
Bo Writer   (novel "A Book")
Cy Writer   (screenplay)
Cast
(in credits order)
Dee Actor  ...  The Hero (as D. Actor)
Eve Actor  ...  Stranger (uncredited)

Recommendations
If you enjoyed this title, our database also recommends:
First Film    Second Film    Third Film
IMDb User Rating:
"""


def test_overview_credits_give_way_to_full_lists() -> None:
    """A writer in the "Writers:" overview and in Writing credits is one credit, from the full list."""
    page = extract(COMBINED_SNIPPET)
    writers = [(c.name, c.department, c.job) for c in page.credits if c.role == "writer"]
    assert [
        ("Bo Writer", "Writing credits", 'novel "A Book"'),
        ("Cy Writer", "Writing credits", "screenplay"),
    ] == writers
    directors = [(c.name, c.department) for c in page.credits if c.role == "director"]
    assert [("Ann Example", "Directed by")] == directors


def test_cast_character_credited_as_and_notes() -> None:
    """Cast rows give the character, "(as ...)" as credited_as and "(uncredited)" as a note."""
    page = extract(COMBINED_SNIPPET)
    cast = [(c.name, c.character, c.credited_as, c.notes) for c in page.credits if c.role == "cast"]
    assert [
        ("Dee Actor", "The Hero", "D. Actor", []),
        ("Eve Actor", "Stranger", None, ["uncredited"]),
    ] == cast


def test_recommendations_split_on_wide_gaps() -> None:
    """Recommended titles separated by runs of spaces are split."""
    assert ["First Film", "Second Film", "Third Film"] == extract(COMBINED_SNIPPET).film.related_films


def test_labelled_fields_and_spans() -> None:
    """Labelled values are read without their links, and each span shows the value."""
    page = extract(COMBINED_SNIPPET)
    film = page.film
    assert ("Some Film", 1970, ["Drama", "War"], "A made-up story.") == (
        film.title,
        film.year,
        film.genres,
        film.synopsis,
    )
    [release] = film.release_dates
    assert ("1971-03-03", "USA") == (release.date, release.region)
    assert "3 March 1971 (USA)" == page.text[release.span[0] : release.span[1]]


def test_page_without_anything_never_raises() -> None:
    """An empty or unrelated text forced through the adapter gives an empty page, not an error."""
    assert [] == extract("").credits
    assert extract("nothing to see here\n").film.title is None


def test_hostile_long_line_is_fast() -> None:
    """A 1 MB single line with label-like debris is read in well under a second (no backtracking)."""
    import time

    text = "User Rating:\n" + ("See more » | UK:12 (a) " * 40_000) + "\nDid You Know?\n" + "x: [y] " * 50_000
    start = time.perf_counter()
    extract(text)
    assert time.perf_counter() - start < 2.0
