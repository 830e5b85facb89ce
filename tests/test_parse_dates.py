"""parse.dates: printed dates to ISO 8601, including year-less and all-numeric forms."""

from __future__ import annotations

import pytest

from filmscrape.parse.dates import day_month_parts, parse_date, parse_day_month, parse_numeric_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("October 16, 2014", "2014-10-16"),
        ("Jun 24, 2003", "2003-06-24"),
        ("May 01, 2016", "2016-05-01"),
        ("16 May 1960", "1960-05-16"),
        ("2014-10-16", "2014-10-16"),
        ("Oct 24", "--10-24"),
        ("Feb 30, 2001", None),
        ("no date here", None),
    ],
)
def test_parse_date_fast_path(text: str, expected: str | None) -> None:
    """The pattern fast path: full dates to ISO, "Oct 24" to "--10-24", impossible dates to None."""
    assert expected == parse_date(text, fallback=False)


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("08/02/08", False, "2008-08-02"),
        ("12/08/97", False, "1997-12-08"),
        ("05/20/2003", False, "2003-05-20"),
        ("20/05/03", True, "2003-05-20"),
        ("13/20/08", False, None),
        ("Comment", False, None),
    ],
)
def test_parse_numeric_date(text: str, day_first: bool, expected: str | None) -> None:
    """All-numeric dates: month first unless told, two-digit years pivot at 70, invalid gives None."""
    assert expected == parse_numeric_date(text, day_first=day_first)


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("14/11", True, "--11-14"),
        ("11/14", False, "--11-14"),
        ("14/11", False, None),
        ("01/12", True, "--12-01"),
    ],
)
def test_parse_day_month(text: str, day_first: bool, expected: str | None) -> None:
    """Year-less numeric dates in the order given; a month above 12 gives None."""
    assert expected == parse_day_month(text, day_first=day_first)


def test_day_month_parts_ignores_full_dates() -> None:
    """ "14/11" gives its two numbers in printed order; a date with a year is not a year-less one."""
    assert ((14, 11), None) == (day_month_parts("Opening 14/11"), day_month_parts("08/02/08"))
