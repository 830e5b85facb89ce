"""The director as prose names them: parse.directors (invented sentences, no corpus text)."""

from __future__ import annotations

import pytest

from filmscrape.parse.directors import find_director, possessive_title


def _director(text: str, title: str | None = None) -> tuple[str, str] | None:
    credit = find_director(text, 0, len(text), title)
    if credit is None:
        return None
    start, end = credit.span
    printed = text[start:end]
    assert credit.name in printed or credit.credited_as == printed  # never invented
    return credit.name, printed


@pytest.mark.parametrize(
    ("text", "title", "name"),
    [
        ("The film was directed by Ilse Brandt, who also wrote it.", None, "Ilse Brandt"),
        ("It was adapted and directed byTomas Reyne, and it shows.", None, "Tomas Reyne"),
        ("The director, Hugo Marsh, and the writers all won prizes.", None, "Hugo Marsh"),
        ("In the end it is Oona Fell, a director who never explains, who wins.", None, "Oona Fell"),
        ("And so Kasimir Doyle’s film begins with a funeral.", None, "Kasimir Doyle"),
        ("Ludo Fairbanks's ultra-loud, ultra-long “Salt Road” is here.", "Salt Road", "Ludo Fairbanks"),
        ("This is a Nell Ashdown film through and through; Ashdown never blinks.", None, "Nell Ashdown"),
        ("Mira Ostrand seems to be done with thrillers. Her new film is a comedy.", None, "Mira Ostrand"),
    ],
)
def test_phrasings_that_name_the_director(text: str, title: str | None, name: str) -> None:
    """Each phrasing in the table names the director on its own."""
    found = _director(text, title)
    assert found is not None and found[0] == name


def test_a_surname_is_given_in_full_where_the_page_prints_the_full_name() -> None:
    """ "Directed by Vantongeren" with "Ida Vantongeren" elsewhere: the credit cites the full name."""
    text = "Ida Vantongeren came to the set every day. Directed by Vantongeren in a hurry, it shows."
    assert ("Ida Vantongeren", "Ida Vantongeren") == _director(text)


def test_a_relative_is_not_the_full_name() -> None:
    """ "the director's daughter Lia Okafor": the surname stays alone when nobody else carries it."""
    text = (
        "Okafor's debut \"Red Tide\" was loud. Okafor cuts fast. The cast includes the director's daughter "
        "Lia Okafor as the sister. Okafor never explains. Okafor lets it breathe."
    )
    assert ("Okafor", "Okafor") == _director(text)


def test_a_name_glued_by_the_crawler_is_given_with_its_printed_form() -> None:
    """ "MarenHolt’ film": the name is split, and the span holds the glued form (credited_as)."""
    credit = find_director("To call it, as many do, MarenHolt’ film about the sea is fair.")
    assert credit is not None
    assert ("Maren Holt", "MarenHolt") == (credit.name, credit.credited_as)


def test_explicit_statements_beat_frequent_names() -> None:
    """A character named all the time does not outweigh "The director, X,"."""
    text = "Rick's bar is busy. Rick's friend sings. Rick waits. Rick drinks. Rick's film career? " * 3
    text += "The director, Hanne Vos, keeps it moving."
    found = _director(text)
    assert found is not None and found[0] == "Hanne Vos"


def test_no_director_when_nobody_stands_out() -> None:
    """A passing mention is not a credit; a word of the title is never the director."""
    assert _director("I saw it with Tom Ferro on a rainy day. Tom Ferro liked it.") is None
    assert _director("Kane's empire. Kane's film. Kane's movie. Kane made it.", "Citizen Kane") is None


def test_a_name_film_said_once_is_a_comparison() -> None:
    """ "What is this, a Rex Calloway movie?" about another film: a style, not this film's director."""
    assert _director("A dove flies by and the villain misses. What is this, a Rex Calloway movie?") is None


def test_the_title_after_the_possessive() -> None:
    """ "Hugo Marsh's “The Quiet Pier” (2001)": the quoted title the director's possessive names."""
    text = 'It became Hugo Marsh\'s "The Quiet Pier" (2001), after years of work.'
    found = possessive_title(text, 0, len(text), "Marsh")
    assert found is not None
    title, (start, end) = found
    assert ("The Quiet Pier", "The Quiet Pier") == (title, text[start:end])


def test_a_filmmaker_in_passing_or_an_actors_career_is_no_director() -> None:
    """ "her son, filmmaker Teo Marsh" and "Ilse Brandt’s career": nobody is said to direct this film."""
    text = (
        "Ilse Brandt sings at the end. Ilse Brandt’s career began on stage; Brandt’s son, filmmaker Teo "
        "Marsh, helped. Brandt wrote it in a day. Brandt laughed. Brandt won."
    )
    assert _director(text) is None
