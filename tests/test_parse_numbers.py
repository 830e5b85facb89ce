"""parse.numbers: counts, money, ratings, percentages and running times as pages print them."""

from __future__ import annotations

import pytest

from filmscrape.parse.numbers import (
    parse_int,
    parse_money,
    parse_percent,
    parse_rating,
    parse_runtime,
    printed_int,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21,203 votes", 21203),
        ("User Ratings:  377,258", 377258),
        ("Reviews Counted: 22", 22),
        ("none", None),
    ],
)
def test_parse_int(text: str, expected: int | None) -> None:
    """The first whole number, thousands separators removed; None without digits."""
    assert expected == parse_int(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$23.7M", 23_700_000),
        ("$34M", 34_000_000),
        ("$1,234", 1234),
        ("$0.4M", 400_000),
        ("Official Site", None),
    ],
)
def test_parse_money(text: str, expected: int | None) -> None:
    """Money with K/M/B suffixes becomes a whole amount; text without an amount gives None."""
    assert expected == parse_money(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Average Rating: 8.9/10", (8.9, 10.0)), ("3 out of 5", (3.0, 5.0)), ("N/A", None), ("11/10", None)],
)
def test_parse_rating(text: str, expected: tuple[float, float] | None) -> None:
    """A value on a scale; "N/A" and values above their scale give None."""
    assert expected == parse_rating(text)


@pytest.mark.parametrize(
    ("text", "expected"), [("80%", 80), ("96 %", 96), ("140%", None), ("No Score Yet", None)]
)
def test_parse_percent(text: str, expected: int | None) -> None:
    """A percentage from 0 to 100; out of range or absent gives None."""
    assert expected == parse_percent(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 hr. 4 min.", 124),
        ("2 hrs 46 mins", 166),
        ("2h 32m", 152),
        ("57m", 57),
        ("142 minutes", 142),
        ("1h", 60),
        ("R,  2 hr. 40 min.", 160),
        ("Runtime:", None),
        ("Summer of '42 mix", None),
    ],
)
def test_parse_runtime(text: str, expected: int | None) -> None:
    """Running times in the forms RT printed from 2008 to 2025, in minutes; None without one."""
    assert expected == parse_runtime(text)


def test_printed_int_drops_separators() -> None:
    assert printed_int("1,102") == 1102
    assert printed_int("7") == 7
