"""Unit tests of filmscrape.parse.text: whitespace, debris, truncation and Markdown cleaning."""

from __future__ import annotations

import pytest

from filmscrape.parse.text import (
    clean_paragraphs,
    collapse,
    none_if_empty,
    strip_debris,
    strip_markdown,
    strip_truncation,
)


def test_collapse_and_paragraphs() -> None:
    """Whitespace runs collapse; runs of lines become paragraphs joined by a blank line."""
    assert "a b" == collapse("  a \t\u00a0 b ")
    assert "one two\n\nthree" == clean_paragraphs(["one", "two", "", "  ", "three"])


def test_truncation_and_debris() -> None:
    """A trailing "… More" is dropped and flagged; UI link texts are removed."""
    assert ("A fine film", True) == strip_truncation("A fine film… More")
    assert ("More", False) == strip_truncation("More")
    assert "Great. Loved it." == strip_debris("Great. Full Review… Loved it.")
    assert none_if_empty("   ") is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## [_Glass Orchard_](https://example.org/x)", "Glass Orchard"),
        ("**4 out of 5**", "4 out of 5"),
        ("![](../img/a.jpg)", ""),
        ("<!-- excerpt -->", ""),
        ("*  [Hackers][Hackers IMDB]: Good grief.", "Hackers: Good grief."),
        ("a snake_case_name stays", "a snake_case_name stays"),
        ("see [Oppenheimer](https://en.wikipedia.org/wiki/Oppenheimer_(film)) now", "see Oppenheimer now"),
    ],
)
def test_strip_markdown(line: str, expected: str) -> None:
    """Links keep their text; images, tags, heading and emphasis marks go; words with _ stay."""
    assert expected == strip_markdown(line)
