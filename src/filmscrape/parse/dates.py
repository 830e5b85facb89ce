"""Dates as pages print them, to ISO 8601. A fast path of patterns first; dateparser only as a fallback."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_MDY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})")
_DMY = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})")
_MD = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?!\d)")
_MY = re.compile(_MONTH + r",?\s+(?P<year>\d{4})")
_DIGIT = re.compile(r"\d")
_MAX_FALLBACK_LENGTH = 40  # dateparser is slow and permissive: only short, date-like strings


def _iso(year: int | None, month: int, day: int | None) -> str | None:
    try:
        if year is None:
            date(2000, month, day or 1)  # a leap year: validates --02-29
            return f"--{month:02d}-{day:02d}" if day else None
        if day is None:
            date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower())


def parse_date(text: str, *, fallback: bool = True) -> str | None:
    """An ISO date from ``text`` ("October 16, 2014", "16 May 1960", "2014-10-16"; "Oct 24" -> "--10-24").

    Returns None when nothing date-like is found. ``dateparser`` is tried last, only on short strings.
    Short texts are memoised: pages repeat the same few dates ("Oct 24") dozens of times.
    """
    if len(text) <= _CACHED_LENGTH:
        return _parse_date_cached(text, fallback)
    return _parse_date(text, fallback)


_CACHED_LENGTH = 48


@lru_cache(maxsize=4096)
def _parse_date_cached(text: str, fallback: bool) -> str | None:
    return _parse_date(text, fallback)


def _parse_date(text: str, fallback: bool) -> str | None:
    text = text.strip()
    if not text or _DIGIT.search(text) is None:
        return None  # every pattern, and the fallback, needs a digit: one search instead of five
    match = _ISO.search(text)
    if match:
        return _iso(int(match["year"]), int(match["month"]), int(match["day"]))
    for pattern in (_MDY, _DMY):
        match = pattern.search(text)
        if match and (month := _month(match["month"])):
            return _iso(int(match["year"]), month, int(match["day"]))
    match = _MY.search(text)
    if match and (month := _month(match["month"])):
        return _iso(int(match["year"]), month, None)
    match = _MD.search(text)
    if match and (month := _month(match["month"])):
        return _iso(None, month, int(match["day"]))
    if fallback and len(text) <= _MAX_FALLBACK_LENGTH:
        return _parse_with_dateparser(text)
    return None


def _parse_with_dateparser(text: str) -> str | None:
    import dateparser  # heavy: imported only when the fast path fails

    try:
        parsed = dateparser.parse(
            text, settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]}
        )
    except Exception:  # dateparser raises assorted errors on odd input
        return None
    return parsed.date().isoformat() if parsed else None


_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?!\d)")
_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
_TWO_DIGIT_PIVOT = 70  # "08" is 2008, "97" is 1997: pages of the film web are all after 1970


def parse_numeric_date(text: str, *, day_first: bool = False) -> str | None:
    """An ISO date from an all-numeric date: ``"08/02/08"`` -> "2008-08-02" (month first unless told).

    Two-digit years below 70 are 20xx, the others 19xx. None when nothing valid is found.
    """
    match = _NUMERIC_DATE.search(text)
    if match is None:
        return None
    first, second, year_text = int(match.group(1)), int(match.group(2)), match.group(3)
    year = int(year_text)
    if len(year_text) == 2:
        year += 2000 if year < _TWO_DIGIT_PIVOT else 1900
    month, day = (second, first) if day_first else (first, second)
    if not 1 <= month <= 12:
        return None
    return _iso(year, month, day)


def day_month_parts(text: str) -> tuple[int, int] | None:
    """The two numbers of a year-less numeric date such as ``"14/11"``, in printed order, or None."""
    match = _DAY_MONTH.search(text)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2))


def parse_day_month(text: str, *, day_first: bool) -> str | None:
    """A year-less numeric date to ISO: ``"14/11"`` (day first) -> ``"--11-14"``; None when invalid."""
    parts = day_month_parts(text)
    if parts is None:
        return None
    day, month = parts if day_first else (parts[1], parts[0])
    if not 1 <= month <= 12:
        return None
    return _iso(None, month, day)
