"""Numbers as pages print them: counts with separators, money with suffixes, ratings on a scale."""

from __future__ import annotations

import re

_INT = re.compile(r"\d{1,3}(?:[,.\u00a0 ]\d{3})+(?!\d)|\d+")
_MONEY = re.compile(r"([$€£])\s?(\d[\d,]*(?:\.\d+)?)\s?([KMB]|[mb]illion|thousand)?", re.I)
# (?<!\d): a number is read from its first digit only (else a long digit run is rescanned from each digit).
_RATING = re.compile(r"(?<!\d)(\d+(?:\.\d+)?)\s*(?:/|out of)\s*(\d+(?:\.\d+)?)")
_PERCENT = re.compile(r"(\d{1,3})\s?%")
_MULTIPLIERS = {"k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000}
_MULTIPLIERS |= {"b": 1_000_000_000, "billion": 1_000_000_000}


def parse_int(text: str) -> int | None:
    """The first whole number in ``text``: ``"21,203 votes"`` -> 21203; None when there is none."""
    match = _INT.search(text)
    if match is None:
        return None
    return int(re.sub(r"\D", "", match.group()))


def printed_int(text: str) -> int:
    """A count a pattern has already matched, as printed with its separators: ``"1,102"`` -> 1102."""
    return int(text.replace(",", ""))


def parse_money(text: str) -> int | None:
    """An amount of money: ``"$23.7M"`` -> 23700000, ``"$1,234"`` -> 1234; None when there is none."""
    match = _MONEY.search(text)
    if match is None:
        return None
    amount = float(match.group(2).replace(",", ""))
    suffix = (match.group(3) or "").lower()
    return round(amount * _MULTIPLIERS.get(suffix, 1))


def parse_rating(text: str) -> tuple[float, float] | None:
    """A rating on a scale: ``"8.9/10"`` -> (8.9, 10.0), ``"3 out of 5"`` -> (3.0, 5.0)."""
    match = _RATING.search(text)
    if match is None:
        return None
    value, scale = float(match.group(1)), float(match.group(2))
    if scale <= 0 or value > scale:
        return None
    return value, scale


def parse_percent(text: str) -> int | None:
    """A percentage from 0 to 100: ``"80%"`` -> 80; None when there is none or it is out of range."""
    match = _PERCENT.search(text)
    if match is None:
        return None
    value = int(match.group(1))
    return value if value <= 100 else None


_RUNTIME_HOURS = re.compile(
    r"(?<!\d)(\d{1,2})\s?(?:hours?|hrs?|h)\.?(?![a-z])(?:\s*(\d{1,2})\s?(?:minutes?|mins?|m)\.?(?![a-z]))?"
)
_RUNTIME_MINUTES = re.compile(r"(?<!\d)(\d{1,3})\s?(?:minutes?|mins?|m)\.?(?![a-z])")


def parse_runtime(text: str) -> int | None:
    """A running time in minutes: ``"2 hr. 4 min."`` -> 124, ``"2h 32m"`` -> 152, ``"142 minutes"`` -> 142."""
    match = _RUNTIME_HOURS.search(text)
    if match is not None:
        return int(match.group(1)) * 60 + int(match.group(2) or 0)
    match = _RUNTIME_MINUTES.search(text)
    if match is not None:
        return int(match.group(1))
    return None
