"""The "nothing invented" check: every value an output cites can be read inside the span it cites."""

from __future__ import annotations

import re
from collections.abc import Iterator

from filmscrape.schema import Page, Span

_SEPARATORS = (",", ".", " ", "\u00a0", "\u202f", "")


def number_forms(value: float) -> list[str]:
    """The ways a number may be printed: 21203 -> "21,203", "21.203", "21 203", "21203"; 9.3 -> "9.3", "9,3";
    a rounded count -> "150K", "3M" (pages print 150K for 150,000: the contract reads it as 150000)."""
    forms: list[str] = []
    if value == int(value):
        whole = int(value)
        forms.extend(f"{whole:,}".replace(",", separator) for separator in _SEPARATORS)
        for suffix, size in (("K", 1_000), ("M", 1_000_000), ("B", 1_000_000_000)):
            if whole >= size and whole % (size // 10) == 0:
                forms.append(f"{whole / size:g}{suffix}")
        forms.append(f"{whole}.0")
    else:
        forms.extend((f"{value:g}", f"{value:g}".replace(".", ",")))
    return forms


def _has_number(value: float, printed: str) -> bool:
    return any(
        re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", printed) for form in number_forms(value)
    )


def _date_printed(date: str, printed: str) -> bool:
    """Whether an ISO date (or ``--MM-DD``) can be read in ``printed``: its day, and its year in full or as
    two digits in a numeric date ("08/02/08")."""
    parts = date.lstrip("-").split("-")
    if date.startswith("--"):
        day = parts[1] if len(parts) > 1 else None
        year = None
    else:
        year = parts[0]
        day = parts[2] if len(parts) == 3 else None
    if day is not None and not re.search(rf"(?<!\d)0?{int(day)}(?!\d)", printed):
        return False
    if year is None or year in printed:
        return True
    return re.search(rf"\d{{1,2}}[/.-]\d{{1,2}}[/.-]{year[2:]}(?!\d)", printed) is not None


def _cut(page: Page, span: Span) -> str:
    return page.text[span[0] : span[1]]


def invented(page: Page) -> Iterator[str]:
    """Every value in ``page`` that is not readable inside its span, described."""
    for index, score in enumerate(page.scores):
        if score.origin == "markup":
            continue  # read from markup the text never prints: the span cites its printed anchor
        printed = _cut(page, score.span)
        for name in ("value", "count", "positive", "negative"):
            value = getattr(score, name)
            if value is None or (name == "value" and score.derived):
                continue
            if not _has_number(value, printed):
                yield f"scores[{index}].{name}={value} not in {printed[:80]!r}"
    for index, tally in enumerate(page.review_counts):
        if not _has_number(tally.count, _cut(page, tally.span)):
            yield f"review_counts[{index}].count={tally.count} not in its span"
    for index, credit in enumerate(page.credits):
        printed = _cut(page, credit.span)
        if credit.name not in printed and (credit.credited_as or "\0") not in printed:
            yield f"credits[{index}].name={credit.name!r} not in {printed[:80]!r}"
    for index, review in enumerate(page.reviews):
        if (
            review.date is not None
            and review.origin == "text"
            and not _date_printed(review.date, _cut(page, review.span))
        ):
            yield f"reviews[{index}].date={review.date} not in its span"
        for name in ("helpful_yes", "helpful_total", "helpful_no"):
            votes = getattr(review, name)
            if (
                votes is not None
                and review.origin == "text"
                and not _has_number(votes, _cut(page, review.span))
            ):
                yield f"reviews[{index}].{name}={votes} not in its span"
    for index, release in enumerate(page.film.release_dates):
        if release.date is not None:
            printed = _cut(page, release.span)
            if not _date_printed(release.date, printed):
                yield f"release_dates[{index}].date={release.date} not in {printed[:80]!r}"
    for listing in page.listings:
        for index, item in enumerate(listing.items):
            printed = _cut(page, item.span)
            if item.title not in printed:
                yield f"listing item {index} title={item.title!r} not in {printed[:80]!r}"
            for score in (item.score, item.audience_score):
                if score is not None and score.value is not None and not _has_number(score.value, printed):
                    yield f"listing item {item.title!r} {score.kind} score={score.value} not in its span"
    title_span = page.film.field_spans.get("title")
    if (
        page.film.title is not None
        and title_span is not None
        and page.film.title not in _cut(page, title_span)
    ):
        yield f"film.title={page.film.title!r} not in {_cut(page, title_span)[:80]!r}"
