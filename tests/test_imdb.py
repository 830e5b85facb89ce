"""The IMDb adapter: the seed's traps, layout details, and an evaluation on the real-page corpus."""

from __future__ import annotations

from typing import NamedTuple

import pytest

import filmscrape
from filmscrape.schema import Page

from conftest import FIXTURES, corpus_files, requires_corpus

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


@pytest.mark.parametrize(
    ("fixture", "votes"),
    [("title-2022.txt", (40, 5)), ("title-2024.html", (24, 3))],
)
def test_2022_layout_reviews_keep_helpful_and_not_helpful_votes(fixture: str, votes: tuple[int, int]) -> None:
    """ "helpful • 24" and the bare "3" on the row after: both counts, no total made up from them."""
    page = filmscrape.extract((FIXTURES / "imdb" / fixture).read_text(encoding="utf-8"))
    [review] = [review for review in page.reviews if review.helpful_yes is not None]
    assert votes == (review.helpful_yes, review.helpful_no)
    assert review.helpful_total is None


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


def _moved(lines: list[str], needle: str, before: str) -> list[str]:
    """``lines`` with the line holding ``needle`` moved just above the line holding ``before``."""
    line = next(line for line in lines if needle in line)
    rest = [other for other in lines if other is not line]
    at = next(index for index, other in enumerate(rest) if before in other)
    return [*rest[:at], line, *rest[at:]]


def test_2024_cast_character_printed_before_its_name_is_not_cited_backwards() -> None:
    """A shuffled 2024 page: a cast item above "Top cast", the "Stars" list below the cast. The name is found
    in the Stars list, its character and remarks only above it: the span runs forward, without them."""
    lines = (FIXTURES / "imdb" / "title-2024.html").read_text(encoding="utf-8").split("\n")
    lines = _moved(lines, 'href="/name/nm5">Lula Penn</a><div', "<h3>Top cast")
    lines = _moved(lines, "<span>Stars</span>", '<section data-testid="Storyline">')
    page = extract("\n".join(lines))
    cast = [credit for credit in page.credits if credit.role == "cast"]
    assert cast
    for credit in cast:
        start, end = credit.span
        assert 0 <= start <= end <= len(page.text)
        shown = page.text[start:end]
        assert credit.name in shown
        assert credit.character is None or credit.character in shown


def test_fact_closed_by_a_link_row_ends_at_its_text() -> None:
    """An item whose last row is only a link ("See all ... »"): the fact's span ends with its own text."""
    text = "Some Film (1970)\n\nDid You Know?\nTrivia:\nThe warehouse was real.\nSee all 12 trivia items »\n"
    page = extract(text)
    [fact] = page.facts
    assert ("trivia", "The warehouse was real.") == (fact.kind, fact.text)
    assert "The warehouse was real." == page.text[fact.span[0] : fact.span[1]]


def test_synopsis_page_cut_after_its_spoiler_notice_never_fails() -> None:
    """A synopsis subpage whose text ends on the spoiler notice: no synopsis, no failure."""
    page = extract("Synopsis for\nSee plot summary for non-spoiler summarized description.\n")
    assert page.film.synopsis is None
    assert [] == [warning for warning in page.warnings if "failed:" in warning]


def test_trailing_link_after_a_long_run_of_spaces_is_cut() -> None:
    """A link more than 120 characters after the value, spaces between: cut as before, no rescans."""
    from filmscrape.adapters import imdb

    assert "A value" == imdb._strip_links("A value" + " " * 150 + "See more »")
    assert "A value" == imdb._strip_links("A value |" + " " * 10 + "more", more_links=True)
    assert "Title" == imdb._strip_links("Title" + " " * 100_000 + "»")


def test_every_recommendations_heading_is_followed_in_linear_time() -> None:
    """100,000 bare "Recommendations" headings, then one title: each row is read once, the title found."""
    import time

    text = "Recommendations\n" * 100_000 + "Other Film (1999)\n"
    start = time.perf_counter()
    page = extract(text)
    assert time.perf_counter() - start < 5.0
    assert ["Other Film"] == page.film.related_films


MANY_VALUES = {
    "facts": "Did You Know?\n" + "".join(f"Trivia:\nfact {i}\nSee more »\n" for i in range(20_000)),
    "certificates": "Certification:\n" + " | ".join(f"R{i}:x" for i in range(30_000)) + "\n",
    "certificate rows": "".join(f"R{i}:x | S{i}:y\n" for i in range(30_000)),
    "countries": "Country:\n" + " | ".join(f"c{i}" for i in range(30_000)) + "\n",
    "release dates": "".join(f"Release Date:\n{i % 28 + 1} May 2000 (R{i})\n" for i in range(20_000)),
    "2022+ details": "IMDb RATING\n"
    + "".join(f"Release date\nJune {i % 28 + 1}, 2021 (R{i})\nLanguage\nL{i}\n" for i in range(10_000)),
}


@pytest.mark.parametrize("name", sorted(MANY_VALUES))
def test_many_distinct_values_are_read_in_linear_time(name: str) -> None:
    """Tens of thousands of distinct facts, certificates, countries or dates: each "seen already?" check
    is a set lookup, not a scan of the values read so far (which took 10 s to minutes here)."""
    import time

    start = time.perf_counter()
    page = extract(MANY_VALUES[name])
    assert time.perf_counter() - start < 5.0
    assert [] == [warning for warning in page.warnings if "failed:" in warning]
    film = page.film
    assert 10_000 <= max(
        len(page.facts), len(film.certificates), len(film.countries), len(film.release_dates)
    )


# --- the real-page corpus -------------------------------------------------------------------------------


class CorpusPage(NamedTuple):
    """What a corpus page shows, read by hand from its rendering, and floors for the records found there."""

    title: str
    year: int
    users: tuple[float, int] | None  # (average, votes) of the users' rating
    metascore: int | None
    directors: list[str]
    cast: list[str]  # the first billed cast members with a character, in page order
    floors: dict[str, int]  # at least this many records of each kind: what the adapter reaches today


def at_least(**floors: int) -> dict[str, int]:
    """Floors per record kind: credits, departments, facts, quotes, reviews, certificates, akas."""
    return floors


# fmt: off
CORPUS_PAGES: dict[str, CorpusPage] = {
    "apocalypse_now_1979_imdb_main_2014.html": CorpusPage(
        "Apocalypse Now", 1979, (8.6, 307893), 90,
        ["Francis Ford Coppola"], ["Marlon Brando", "Martin Sheen", "Robert Duvall"],
        at_least(credits=18, departments=3, facts=5, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "archer_tv_2009_imdb_2022layout.html": CorpusPage(
        "Archer", 2009, (8.7, 150000), None,
        [], ["H. Jon Benjamin", "Judy Greer", "Amber Nash"],
        at_least(credits=22, departments=3, facts=3, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "couple_of_white_chicks_2007_imdb_2009.html": CorpusPage(
        "A Couple of White Chicks at the Hairdresser", 2007, (8.2, 5), None,
        ["Roxanne Messina Captor"], ["Shelley Long", "Deborah Theaker", "Harry Shearer"],
        at_least(credits=13, departments=3),
    ),
    "crociati_2001_tvmovie_imdb_main_2014.html": CorpusPage(
        "Crociati", 2001, (5.6, 418), None,
        ["Dominique Othenin-Girard"], ["Alessandro Gassman", "Johannes Brandrup", "Thure Riefenstein"],
        at_least(credits=15, departments=3, facts=1, reviews=1, certificates=1, akas=1),
    ),
    "dark_knight_2008_imdb_combined_2014.html": CorpusPage(
        "The Dark Knight", 2008, (9.0, 1114655), None,
        ["Christopher Nolan"], ["Christian Bale", "Heath Ledger", "Aaron Eckhart"],
        at_least(credits=1633, departments=31, facts=4, quotes=1, reviews=1, certificates=38, akas=35),
    ),
    "die_hard_1988_imdb_combined_2014.html": CorpusPage(
        "Die Hard", 1988, (8.3, 420900), None,
        ["John McTiernan"], ["Bruce Willis", "Bonnie Bedelia", "Reginald VelJohnson"],
        at_least(credits=418, departments=30, facts=4, quotes=1, reviews=1, certificates=39, akas=38),
    ),
    "die_hard_1988_imdb_criticreviews_2015.html": CorpusPage(
        "Die Hard", 1988, None, 70,
        [], [],
        at_least(reviews=11),
    ),
    "die_hard_1988_imdb_synopsis_2014.html": CorpusPage(
        "Die Hard", 1988, None, None,
        [], [],
        at_least(),
    ),
    "die_hard_1988_imdb_userreviews_2017.html": CorpusPage(
        "Die Hard", 1988, None, None,
        [], [],
        at_least(reviews=10),
    ),
    "district_9_2009_imdb_main_2014.html": CorpusPage(
        "District 9", 2009, (8.0, 387253), 81,
        ["Neill Blomkamp"], ["Sharlto Copley", "Jason Cope", "Nathalie Boltt"],
        at_least(credits=19, departments=4, facts=5, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "enthralled_2014_imdb_main_2014.html": CorpusPage(
        "Enthralled", 2014, (6.4, 20), None,
        ["Chip Tsao"], [],
        at_least(credits=4, departments=2),
    ),
    "gandhi_1982_imdb_combined_2014.html": CorpusPage(
        "Gandhi", 1982, (8.1, 118213), None,
        ["Richard Attenborough"], ["Ben Kingsley", "Candice Bergen", "Edward Fox"],
        at_least(credits=341, departments=30, facts=4, quotes=1, reviews=1, certificates=24, akas=18),
    ),
    "gaslight_1944_imdb_combined_2014.html": CorpusPage(
        "Gaslight", 1944, (7.9, 13090), None,
        ["George Cukor"], ["Charles Boyer", "Ingrid Bergman", "Joseph Cotten"],
        at_least(credits=105, departments=24, facts=4, quotes=1, reviews=1, certificates=10, akas=20),
    ),
    "i_killed_my_lesbian_wife_1993_imdb_main_2014.html": CorpusPage(
        "I Killed My Lesbian Wife, Hung Her on a Meathook, and Now I Have a Three Picture Deal at Disney",
        1993, (4.6, 438), None,
        ["Ben Affleck"], ["Jay Lacopo", "Karla Montana", "Johanna McCloy"],
        at_least(credits=14, departments=3, facts=2, reviews=1),
    ),
    "kannethirey_thondrinal_1998_imdb_main_2014.html": CorpusPage(
        "Kannethirey Thondrinal", 1998, (6.9, 51), None,
        ["Ravichandran"], [],
        at_least(credits=5, departments=3, facts=1),
    ),
    "kings_speech_2010_imdb_2011layout_hu.html": CorpusPage(
        "A király beszéde", 2010, (8.3, 122460), 88,
        ["Tom Hooper"], ["Colin Firth", "Helena Bonham Carter", "Derek Jacobi"],
        at_least(credits=17, departments=3, facts=4, quotes=1, certificates=1, akas=1),
    ),
    "matrix_revolutions_2003_imdb_combined_2014.html": CorpusPage(
        "The Matrix Revolutions", 2003, (6.7, 282109), None,
        ["Andy Wachowski", "Lana Wachowski"], ["Mary Alice", "Tanveer K. Atwal", "Helmut Bakaitis"],
        at_least(credits=1300, departments=30, facts=4, quotes=1, reviews=1, certificates=36, akas=23),
    ),
    "nausicaa_1984_imdb_main_2014.html": CorpusPage(
        "Nausicaä of the Valley of the Wind", 1984, (8.0, 53031), None,
        ["Hayao Miyazaki"], ["Sumi Shimamoto", "Mahito Tsujimura", "Hisako Kyôda"],
        at_least(credits=17, departments=3, facts=4, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "pulp_fiction_1994_imdb_combined_2010.html": CorpusPage(
        "Pulp Fiction", 1994, (8.9, 396749), None,
        ["Quentin Tarantino"], ["John Travolta", "Samuel L. Jackson", "Tim Roth"],
        at_least(credits=18, departments=3, facts=4, quotes=1, reviews=1, certificates=41),
    ),
    "pulp_fiction_1994_imdb_combined_2014.html": CorpusPage(
        "Pulp Fiction", 1994, (9.0, 885447), None,
        ["Quentin Tarantino"], ["Tim Roth", "Amanda Plummer", "Laura Lovelace"],
        at_least(credits=365, departments=29, facts=4, quotes=1, reviews=1, certificates=42, akas=34),
    ),
    "shawshank_1994_imdb_2019layout_hu.html": CorpusPage(
        "A remény rabjai", 1994, (9.3, 2111190), 80,
        ["Frank Darabont"], ["Tim Robbins", "Morgan Freeman", "Bob Gunton"],
        at_least(credits=18, departments=3, facts=6, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "shawshank_1994_imdb_2025layout.html": CorpusPage(
        "The Shawshank Redemption", 1994, (9.3, 3000000), 82,
        ["Frank Darabont"], ["Tim Robbins", "Morgan Freeman", "Bob Gunton"],
        at_least(credits=22, departments=4, facts=6, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "shawshank_1994_imdb_combined_2009.html": CorpusPage(
        "The Shawshank Redemption", 1994, (9.2, 428329), None,
        ["Frank Darabont"], ["Tim Robbins", "Morgan Freeman", "Bob Gunton"],
        at_least(credits=18, departments=3, facts=4, quotes=1, reviews=1, certificates=31, akas=1),
    ),
    "shawshank_1994_imdb_combined_2014.html": CorpusPage(
        "The Shawshank Redemption", 1994, (9.3, 1145629), None,
        ["Frank Darabont"], ["Tim Robbins", "Morgan Freeman", "Bob Gunton"],
        at_least(credits=365, departments=30, facts=4, quotes=1, reviews=1, certificates=37, akas=44),
    ),
    "shawshank_1994_imdb_criticreviews_2020_hu.html": CorpusPage(
        "A remény rabjai", 1994, None, 80,
        [], [],
        at_least(reviews=10),
    ),
    "shawshank_1994_imdb_filming_production_2025.html": CorpusPage(
        "The Shawshank Redemption", 1994, None, None,
        [], [],
        at_least(),
    ),
    "shrek_2_2004_imdb_2024layout.html": CorpusPage(
        "Shrek 2", 2004, (7.3, 513000), 75,
        ["Andrew Adamson", "Kelly Asbury", "Conrad Vernon"], ["Mike Myers", "Eddie Murphy", "Cameron Diaz"],
        at_least(credits=27, departments=4, facts=6, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "star_trek_first_contact_1996_imdb_combined_2014.html": CorpusPage(
        "Star Trek: First Contact", 1996, (7.6, 81712), None,
        ["Jonathan Frakes"], ["Patrick Stewart", "Jonathan Frakes", "Brent Spiner"],
        at_least(credits=570, departments=30, facts=4, quotes=1, reviews=1, certificates=21, akas=25),
    ),
    "star_wars_1977_imdb_fullcredits_2022.html": CorpusPage(
        "Star Wars", 1977, None, None,
        ["George Lucas"], ["Mark Hamill", "Harrison Ford", "Carrie Fisher"],
        at_least(credits=668, departments=30),
    ),
    "the_lighthouse_2019_imdb_2020layout_hu.html": CorpusPage(
        "A világítótorony", 2019, (7.8, 51188), 83,
        ["Robert Eggers"], ["Robert Pattinson", "Willem Dafoe", "Valeriia Karaman"],
        at_least(credits=6, departments=3, facts=3, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "the_matrix_1999_imdb_2009.html": CorpusPage(
        "The Matrix", 1999, (8.7, 345090), None,
        ["Andy Wachowski", "Larry Wachowski"], ["Keanu Reeves", "Laurence Fishburne", "Carrie-Anne Moss"],
        at_least(credits=19, departments=3, facts=4, quotes=1, reviews=1, certificates=39),
    ),
    "the_matrix_1999_imdb_fullcredits_2014.html": CorpusPage(
        "The Matrix", 1999, None, None,
        ["Andy Wachowski", "Lana Wachowski"], ["Keanu Reeves", "Laurence Fishburne", "Carrie-Anne Moss"],
        at_least(credits=579, departments=28),
    ),
    "the_matrix_1999_imdb_main_2014.html": CorpusPage(
        "The Matrix", 1999, (8.7, 767227), 73,
        ["Andy Wachowski", "Lana Wachowski"], ["Keanu Reeves", "Laurence Fishburne", "Carrie-Anne Moss"],
        at_least(credits=19, departments=3, facts=5, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "troy_2004_imdb_2010layout.html": CorpusPage(
        "Troy", 2004, (7.0, 130397), None,
        ["Wolfgang Petersen"], ["Julian Glover", "Brian Cox", "Nathan Jones"],
        at_least(credits=18, departments=3, facts=4, quotes=1, reviews=1, certificates=1, akas=1),
    ),
    "up_is_down_1969_imdb_combined_2014.html": CorpusPage(
        "Up Is Down", 1969, (6.8, 20), None,
        ["Millie Goldsholl"], ["Hans Conried"],
        at_least(credits=11, departments=9, reviews=1),
    ),
    "waar_2013_imdb_combined_2014.html": CorpusPage(
        "Waar", 2013, (9.2, 21284), None,
        ["Bilal Lashari"], ["Shaan", "Hamza Abbasi", "Shamoon Abbasi"],
        at_least(credits=73, departments=22, facts=3, quotes=1, reviews=1, certificates=1, akas=2),
    ),
    "waar_2013_imdb_fullcredits_2014.html": CorpusPage(
        "Waar", 2013, None, None,
        ["Bilal Lashari"], ["Shaan", "Hamza Abbasi", "Shamoon Abbasi"],
        at_least(credits=68, departments=20),
    ),
}
# fmt: on

CORPUS = {path.name: path for path in corpus_files("imdb")}


def _counts(page: Page) -> dict[str, int]:
    return {
        "credits": len(page.credits),
        "departments": len({credit.department for credit in page.credits}),
        "facts": len(page.facts),
        "quotes": len(page.quotes),
        "reviews": len(page.reviews),
        "certificates": len(page.film.certificates),
        "akas": len(page.film.alternate_titles),
    }


@requires_corpus
def test_every_corpus_page_is_in_the_table() -> None:
    """Each IMDb page of the corpus has its expectations pinned here (a new page must be added)."""
    assert sorted(CORPUS) == sorted(CORPUS_PAGES)


@requires_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_PAGES))
def test_corpus_page(name: str) -> None:
    """Title, year, users' rating and votes, metascore, directors and top-billed cast as the page shows
    them, and no fewer records of each kind than the pinned floors."""
    if name not in CORPUS:
        pytest.skip(f"{name} not in the corpus")
    expected = CORPUS_PAGES[name]
    page = filmscrape.extract(CORPUS[name].read_bytes())
    assert "imdb" == page.source.adapter
    users = [(s.value, s.count) for s in page.scores if s.kind == "users"]
    metascore = [s.value for s in page.scores if s.kind == "metascore"]
    actual = CorpusPage(
        page.film.title or "",
        page.film.year or 0,
        users[0] if users else None,
        int(metascore[0]) if metascore and metascore[0] is not None else None,
        [c.name for c in page.credits if c.role == "director"],
        [c.name for c in page.credits if c.role == "cast" and c.character][: len(expected.cast)],
        {},
    )
    assert expected._replace(floors={}) == actual
    counts = _counts(page)
    below = {kind: (counts[kind], floor) for kind, floor in expected.floors.items() if counts[kind] < floor}
    assert {} == below


@requires_corpus
@pytest.mark.parametrize("name", sorted(CORPUS_PAGES))
def test_corpus_spans_show_their_values(name: str) -> None:
    """Every span lies in the text; a credit's span shows its name, a score's span shows its value."""
    if name not in CORPUS:
        pytest.skip(f"{name} not in the corpus")
    page = filmscrape.extract(CORPUS[name].read_bytes())
    text = page.text
    records = [*page.scores, *page.credits, *page.reviews, *page.quotes, *page.facts]
    records += [*page.film.alternate_titles, *page.film.release_dates, *page.film.certificates]
    spans = [record.span for record in records] + list(page.film.field_spans.values())
    assert [] == [span for span in spans if not 0 <= span[0] < span[1] <= len(text)]
    for credit in page.credits:
        assert credit.name.split()[0] in text[credit.span[0] : credit.span[1]], credit
    for score in page.scores:
        shown = text[score.span[0] : score.span[1]].replace(",", ".")
        assert f"{score.value:g}" in shown or f"{score.value:.1f}" in shown, score


@requires_corpus
def test_corpus_other_imdb_pages_are_not_title_pages() -> None:
    """Charts, person pages and searches of the same site are not read as film pages."""
    others = [path for path in corpus_files("other") if "imdb" in path.name]
    for path in others:
        assert "imdb" != filmscrape.extract(path.read_bytes()).source.adapter, path.name
