"""Unit tests of filmscrape.parse.prose: ratings, credits, quotations, awards, citations, boilerplate."""

from __future__ import annotations

import pytest

from filmscrape.document import Document
from filmscrape.parse import prose


@pytest.mark.parametrize(
    ("line", "value", "scale"),
    [
        ("**4.5 out of 5**", 4.5, 5.0),
        ("4.5/5", 4.5, 5.0),
        ("Rating: 7/10", 7.0, 10.0),
        ("I give it 3/4 stars and no more.", 3.0, 4.0),
        ("★★★½", 3.5, None),
        ("★★★☆☆", 3.0, 5.0),
        ('<span><sl-rating value="2.5" readonly></sl-rating></span>', 2.5, 5.0),
    ],
)
def test_find_rating_reads_the_usual_formats(line: str, value: float, scale: float | None) -> None:
    """Fractions, "out of", stars (½, ☆) and Shoelace ratings give value and scale."""
    found = prose.find_rating(line)
    assert found is not None
    assert (value, scale) == (found.rating.value, found.rating.scale)


def test_find_rating_keeps_a_letter_grade_as_text() -> None:
    """ "Grade: B+" is a rating with text and no number."""
    found = prose.find_rating("Grade: B+")
    assert found is not None
    assert ("B+", None) == (found.rating.text, found.rating.value)


@pytest.mark.parametrize(
    "line",
    [
        "200,000 dead and 80,000 wounded in nine seconds, and the film knows what 24/7 means for them all.",
        "It opened on 9/11 in a city that had other things on its mind than a movie about trains.",
        "Very much worth the price of entry, at a little under £3/hr.",
    ],
)
def test_find_rating_ignores_fractions_in_running_text(line: str) -> None:
    """A bare fraction inside a sentence is not a rating."""
    assert prose.find_rating(line) is None


def test_find_credits_reads_roles_from_prose() -> None:
    """ "directed by", "screenplay by", "composed by" and "Character (Actor)" in prose become credits."""
    text = (
        "Moonfall is a 1971 drama film directed by Dutch film director Joris van Aalst with a screenplay "
        "by Hanne Vos. The captain (Piet Lamers) sails alone. The score was composed by Ada Kroon."
    )
    credits = [(c.name, c.role, c.character) for c in prose.find_credits(text)]
    assert [
        ("Joris van Aalst", "director", None),
        ("Hanne Vos", "writer", None),
        ("Ada Kroon", "composer", None),
        ("Piet Lamers", "cast", "The captain"),
    ] == credits


def test_find_credits_spans_cover_the_names() -> None:
    """Each credit's span holds its name (and a cast credit's span holds the character too)."""
    text = "Starring Mara Holt and Len Gibbs. He, the sailor (Tom Ferro), waits."
    for credit in prose.find_credits(text, offset=10):
        start, end = credit.span
        assert credit.name in text[start - 10 : end - 10]


def _units(text: str) -> tuple[Document, list[prose.Unit]]:
    doc = Document(text)
    return doc, prose.units(doc)[0]


def test_quotes_epigraph_dialogue_and_attributed_lines() -> None:
    """Leading quote: epigraph; quote then the film's title: dialogue; quote then a name: quotation."""
    doc, units = _units(
        "“Every bridge is a promise.”\n"
        "Moonfall is a 1971 drama film about a bridge and the people who wait beside it for years.\n"
        "“You never crossed it. Not once, not ever, in all those years.”\n"
        "Moonfall\n"
        "“The river decides what we remember, and we only pretend to choose.”\n"
        "Hanne Vos\n"
    )
    quotes, _ = prose.find_quotes(doc, units, film_title="Moonfall")
    assert [("epigraph", None), ("dialogue", None), ("quotation", "Hanne Vos")] == [
        (q.kind, q.speaker) for q in quotes
    ]
    for quote in quotes:
        assert quote.text.split()[0] in doc.text[quote.span[0] : quote.span[1]]


def test_scare_quotes_and_titles_are_not_quotations() -> None:
    """Short scare quotes (“false documentary”) and quoted titles (“Vertigo”) are left alone."""
    doc, units = _units(
        "Promoted as a “false documentary,” it resembles “Vertigo” more than “just another film” about war.\n"
    )
    quotes, _ = prose.find_quotes(doc, units)
    assert [] == quotes


def test_inline_quote_with_speaker_and_source() -> None:
    """ "In her memoir, Hanne Vos writes, “...”": speaker and attribution are read, the span covers both."""
    doc, units = _units("In her memoir, Hanne Vos writes, “Bridges are for leaving.” Nobody believed her.\n")
    quotes, _ = prose.find_quotes(doc, units)
    assert [("Bridges are for leaving.", "Hanne Vos", "memoir")] == [
        (q.text, q.speaker, q.attribution) for q in quotes
    ]
    assert doc.text[quotes[0].span[0] :].startswith("Hanne Vos writes")


def test_block_quote_after_an_introduction() -> None:
    """The paragraph after "In his book ..., Name ... claiming ...:" is a quotation by Name from the book."""
    doc, units = _units(
        "In his book on bridges, Karl Weiss ends his chapter by claiming that the film is a ghost story:\n"
        "Here is a love story told by the river itself, slowly and without pity.\n"
    )
    quotes, _ = prose.find_quotes(doc, units)
    assert [("quotation", "Karl Weiss", "book on bridges")] == [
        (q.kind, q.speaker, q.attribution) for q in quotes
    ]


def test_citations_are_facts_spanning_the_marker() -> None:
    """Every "(Source)" marker is a citation fact whose span is the marker."""
    doc = Document("One fact.(Source)\nAnother fact. (Source)\n")
    facts = prose.find_citations(doc)
    assert ["(Source)", "(Source)"] == [doc.text[f.span[0] : f.span[1]] for f in facts]


def test_awards_split_joined_clauses() -> None:
    """ "X earned an Oscar nomination as well as the Y Prize" gives two award facts."""
    text = "The film earned an Oscar nomination as well as the Golden Shell Prize at the 1972 festival. Rain."
    facts = prose.find_awards(text)
    assert ["The film earned an Oscar nomination", "the Golden Shell Prize at the 1972 festival."] == [
        f.text for f in facts
    ]


def test_units_cut_out_advertisement_markers() -> None:
    """Inline "Advertisement" markers split a crawler line and are reported as boilerplate spans."""
    doc = Document("First part of the text. Advertisement Second part of the text.")
    units, ads = prose.units(doc)
    assert ["First part of the text.", "Second part of the text."] == [u.text for u in units]
    assert ["Advertisement"] == [doc.text[a:b] for a, b in ads]


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Follow me below on Instagram.", True), ("Share this:", True), ("Copyright ©2031 Someone.", True),
     ("The film is a quiet triumph.", False)],
)  # fmt: skip
def test_is_boilerplate(line: str, expected: bool) -> None:
    """Share/follow/copyright lines are boilerplate; prose is not."""
    assert expected == prose.is_boilerplate(line)


def test_quoted_title_prefers_the_full_title() -> None:
    """A short form (“Glass”) counts toward the full quoted title (“Winter Glass”)."""
    doc = Document("“Winter Glass” is cold. “Glass” is also long. Nobody liked “Glass” in “Summer Wood”.")
    found = prose.quoted_title(doc)
    assert found is not None
    assert "Winter Glass" == found.value


def test_glued_title_from_a_crawler_dump() -> None:
    """Titles glued to their neighbours ("sawThe Long Pierhas") are read when repeated."""
    doc = Document("I sawThe Long Pierlast week.The Long Pieris slow, butThe Long Pierhas heart.")
    found = prose.quoted_title(doc)
    assert found is not None
    assert "The Long Pier" == found.value


def test_verdict_phrases() -> None:
    """Plain statements give a verdict; "not worth watching" is negative; both ways is mixed."""
    assert "positive" == prose.find_verdict("I think this one is worth watching at least once.")
    assert "negative" == prose.find_verdict("Honestly, it is not worth watching.")
    assert "mixed" == prose.find_verdict("I loved the start, but the rest was disappointing.")
    assert prose.find_verdict("The film is about a bridge.") is None


def test_front_matter_fields_and_span() -> None:
    """YAML front matter gives its span and unquoted scalar fields with spans."""
    doc = Document("---\ntitle: 'A _Film_'\ndate: 2030-01-02\n---\n\nBody.\n")
    found = prose.front_matter(doc)
    assert found is not None
    span, fields = found
    assert (0, doc.text.index("---\n\nBody") + 3) == span
    assert "A _Film_" == doc.text[fields["title"].span[0] : fields["title"].span[1]]


def test_glued_titles_after_a_comparison_do_not_count() -> None:
    """ "fromSalt Road", "wowed bySalt Road": another film the review compares; the review's own counts."""
    doc = Document(
        "Ada Roos moved away fromSalt Road. I was not wowed bySalt Roadthe way friends were. "
        "I likedLow Tidemore, butLow Tideis uneven."
    )
    found = prose.quoted_title(doc)
    assert found is not None and "Low Tide" == found.value


def test_one_glued_title_the_last_of_the_first_paragraph() -> None:
    """A crawler dump naming each film once: the last glued title of the opening paragraph that is not a
    reference ("screenwriter ofBell Tower" is one), at a line start too ("Moorviewis the latest...")."""
    doc = Document("The story is slow.\n\nHe wrote the script ofBell Tower, and now we haveMoorview. Fine.\n")
    found = prose.quoted_title(doc)
    assert found is not None and "Moorview" == found.value
    doc = Document("A man and a boy.\n\nMoorviewis the latest in a long line of dramas.\n")
    found = prose.quoted_title(doc)
    assert found is not None and "Moorview" == found.value
    assert prose.quoted_title(Document("Thomas went home. Nobody liked it.")) is None


def test_one_glued_title_is_never_inside_a_capitalised_word() -> None:
    """ "MakingLowTide.net" is a site's name, not an italic title glued to its neighbours."""
    doc = Document("According to fan site MakingLowTide.net, a new cut is coming.\n")
    assert prose.quoted_title(doc) is None


def test_lines_of_marks_are_not_units() -> None:
    """ "* * *", "---", a lone quote mark: no words, no unit; a rating line of stars stays."""
    _doc, units = _units('First line.\n* * *\n---\n"\n★★★\nLast line.\n')
    assert ["First line.", "★★★", "Last line."] == [unit.text for unit in units]


def test_sections_are_cut_from_the_body_as_it_was_joined() -> None:
    """Each section's text is exactly the join of its paragraphs; empty paragraphs are left out of both."""
    paragraphs = ["Intro.", "Heading A", "One.", "", "Two.", "Heading B", "Three."]
    spans = [(i * 10, i * 10 + 5) for i in range(len(paragraphs))]
    body, places = prose.joined_with_places(paragraphs)
    assert body == prose.join_paragraphs(paragraphs)
    assert [body[p[0] : p[1]] if p else None for p in places] == [t or None for t in paragraphs]
    sections = prose.sections_of(body, places, spans, {1: "A", 5: "B"})
    assert [(s.heading, s.text, s.span) for s in sections] == [
        ("A", prose.join_paragraphs(paragraphs[2:5]), (10, 45)),
        ("B", "Three.", (50, 65)),
    ]
    assert prose.sections_of(body, places, spans, {6: "C"}) == []  # nothing after the last heading
