"""Credits helpers: department headings to roles, "(as ...)" remarks, character notes, name lists."""

from __future__ import annotations

import pytest

from filmscrape.parse.names import (
    is_cast_note,
    role_for_department,
    split_character,
    split_name_list,
    split_remarks,
)
from filmscrape.schema import CREDIT_ROLES


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Directed by", "director"),
        ("Writing credits", "writer"),
        ("Writing Credits", "writer"),
        ("Makeup Department", "makeup"),
        ("Second Unit Director or Assistant Director", "assistant_director"),
        ("Camera and Electrical Department", "camera"),
        ("Other crew", "crew"),
        ("Casting By", "casting"),
        ("Stars:", "cast"),
        ("Distributors", "company"),
    ],
)
def test_role_for_department_maps_page_headings(heading: str, role: str) -> None:
    """A department heading as printed (any case, trailing colon) gives its normalised role."""
    assert role == role_for_department(heading)


def test_role_for_department_unknown_heading_is_none() -> None:
    """A heading that is not a department gives None, not a guess."""
    assert role_for_department("Did You Know?") is None


def test_every_department_role_is_in_the_contract_vocabulary() -> None:
    """The table only produces roles the output contract lists."""
    from filmscrape.parse.names import DEPARTMENT_ROLES

    assert set(DEPARTMENT_ROLES.values()) <= set(CREDIT_ROLES)


def test_split_remarks_separates_credited_name_and_notes() -> None:
    """ "(as ...)" becomes credited_as; other parenthesised remarks become notes, in order."""
    assert ("Michio Takahashi", "Takahashi Michio", ["Japan"]) == split_remarks(
        "Michio Takahashi (Japan) (as Takahashi Michio)"
    )


def test_split_remarks_without_remarks() -> None:
    """A bare name comes back whitespace-collapsed with no credited name and no notes."""
    assert ("Alain Resnais", None, []) == split_remarks("  Alain   Resnais ")


def test_split_character_keeps_part_of_the_name_and_takes_notes() -> None:
    """Known credit notes and "as ..." leave the character; other parentheses stay in it."""
    assert ("Red Two (Wedge)", "Dennis Lawson", []) == split_character("Red Two (Wedge) (as Dennis Lawson)")
    vader = split_character("Darth Vader (voice) (uncredited)")
    assert ("Darth Vader", None, ["voice", "uncredited"]) == vader


def test_split_character_empty_is_none() -> None:
    """A character made only of notes has no character name."""
    assert (None, None, ["uncredited"]) == split_character("(uncredited)")


@pytest.mark.parametrize(
    ("remark", "expected"),
    [
        ("voice", True),
        ("uncredited", True),
        ("archive footage", True),
        ("Wedge", False),
        ("alias Zoya", False),
    ],
)
def test_is_cast_note(remark: str, expected: bool) -> None:
    """Notes about a cast credit are told apart from parts of the character's name."""
    assert expected == is_cast_note(remark)


def test_split_name_list_commas_and_and() -> None:
    """Commas and " and " separate names; each comes with its offset in the text."""
    text = "Colin Firth, Geoffrey Rush and Helena Bonham Carter"
    names = split_name_list(text)
    assert ["Colin Firth", "Geoffrey Rush", "Helena Bonham Carter"] == [name for name, _ in names]
    assert all(text[at : at + len(name)] == name for name, at in names)


def test_split_name_list_keeps_parentheses_whole() -> None:
    """A comma inside parentheses does not split a name."""
    assert [("Homer (poem, book)", 0), ("David Benioff (screenplay)", 20)] == split_name_list(
        "Homer (poem, book), David Benioff (screenplay)"
    )
