"""Any HTML page with a schema.org Movie (or TVSeries) in its JSON-LD, when no site adapter claims it.

Its detection score is deliberately low (0.55) so that every site adapter wins on its own pages. Values
come from the JSON-LD but are only reported where the page also prints them: each record's span points at
the printed value in the page's text rendering. Values the page does not show are left out, and a warning
counts them, so nothing is reported that a reader of the page could not see.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.parse.text import collapse
from filmscrape.schema import Credit, Page, Score, Span
from filmscrape.structured import types_of

FILM_TYPES = frozenset({"Movie", "Film", "TVSeries", "TVMovie", "TVEpisode", "CreativeWorkSeason"})
DETECT_SCORE = 0.55
# JSON-LD person properties -> the contract's roles.
PERSON_ROLES: dict[str, str] = {
    "director": "director",
    "creator": "writer",
    "author": "writer",
    "actor": "cast",
    "actors": "cast",
    "producer": "producer",
    "musicBy": "composer",
    "productionCompany": "company",
}
_DURATION = re.compile(r"^P(?:T)?(?:(?P<hours>\d+)H)?(?:(?P<minutes>\d+)M)?", re.I)
_YEAR = re.compile(r"(?:18|19|20)\d{2}")
_NEAR = 300  # a rating count printed further than this from the rating is not the same figure


def film_object(doc: Document) -> dict[str, Any] | None:
    """The first JSON-LD object of a film type, or None."""
    for item in doc.json_ld:
        if types_of(item) & FILM_TYPES:
            return item
    return None


def _names(value: Any) -> Iterator[str]:
    """Names from a JSON-LD value that may be a string, an object with ``name``, or a list of either."""
    items = value if isinstance(value, list) else [value]
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, str) and collapse(name):
            yield collapse(name)


def _number_text(value: float) -> list[str]:
    """How a number may be printed, most specific first: 21203 -> "21,203"; 8.0 -> "8.0", "8"."""
    if value != int(value):
        return [f"{value:g}"]
    whole = int(value)
    return list(dict.fromkeys((f"{whole:,}", f"{whole}.0", str(whole))))


class SchemaOrgAdapter(Adapter):
    """Generic reader of schema.org Movie/TVSeries JSON-LD."""

    name = "schemaorg"
    description = "Generic: a schema.org Movie in the page's JSON-LD, where no site adapter claims the page"

    def detect(self, doc: Document) -> float:
        if doc.tree is None or "ld+json" not in (doc.html or ""):
            return 0.0
        return DETECT_SCORE if film_object(doc) is not None else 0.0

    def extract(self, doc: Document) -> Page:
        page = self.new_page(doc)
        item = film_object(doc)
        if item is None:
            page.warnings.append("no schema.org Movie in the page's JSON-LD")
            return page
        hidden: list[str] = []
        locate = _Locator(doc)
        _read_film(item, page, locate, hidden)
        _read_credits(item, page, locate, hidden)
        _read_rating(item, page, locate, hidden)
        if hidden:
            page.warnings.append(
                f"{len(hidden)} structured-data value(s) not printed on the page were left out: "
                + ", ".join(sorted(set(hidden)))
            )
        return page


class _Locator:
    """Finds where a value is printed in the text rendering, searching forward from the title."""

    def __init__(self, doc: Document) -> None:
        self.text = doc.text

    def find(self, *forms: str, start: int = 0) -> Span | None:
        for form in forms:
            if not form:
                continue
            index = self.text.find(form, start)
            if index < 0 and start:
                index = self.text.find(form)
            if index >= 0:
                return (index, index + len(form))
        return None


def _read_film(item: dict[str, Any], page: Page, locate: _Locator, hidden: list[str]) -> None:
    film = page.film
    for name in _names(item.get("name")):
        span = locate.find(name)
        if span is None:
            hidden.append("name")
            break
        film.title = name
        film.field_spans["title"] = span
        break
    for key in ("datePublished", "dateCreated", "startDate"):
        value = item.get(key)
        match = _YEAR.search(value) if isinstance(value, str) else None
        if match:
            span = locate.find(f"({match.group()}", match.group())
            if span is None:
                hidden.append(key)
                continue
            start = span[0] + 1 if page.text[span[0]] == "(" else span[0]
            film.year = int(match.group())
            film.field_spans["year"] = (start, start + 4)
            break
    genres = item.get("genre")
    for genre in genres if isinstance(genres, list) else [genres]:
        if isinstance(genre, str) and genre.strip():
            if locate.find(genre.strip()) is None:
                hidden.append("genre")
            else:
                film.genres.append(genre.strip())
    description = item.get("description")
    if isinstance(description, str) and collapse(description):
        text = collapse(description)
        span = locate.find(text)
        if span is None:
            hidden.append("description")
        else:
            film.synopsis = text
            film.field_spans["synopsis"] = span
    duration = item.get("duration")
    match = _DURATION.match(duration) if isinstance(duration, str) else None
    if match and (match.group("hours") or match.group("minutes")):
        minutes = int(match.group("hours") or 0) * 60 + int(match.group("minutes") or 0)
        hours, rest = divmod(minutes, 60)
        span = locate.find(f"{hours}h {rest}m", f"{minutes} min", f"{hours}h{rest:02d}min")
        if span is None:
            hidden.append("duration")
        else:
            film.runtime_minutes = minutes
            film.field_spans["runtime_minutes"] = span


def _read_credits(item: dict[str, Any], page: Page, locate: _Locator, hidden: list[str]) -> None:
    seen: set[tuple[str, str]] = set()
    for key, role in PERSON_ROLES.items():
        for name in _names(item.get(key)):
            if (name, role) in seen:
                continue
            span = locate.find(name)
            if span is None:
                hidden.append(key)
                continue
            seen.add((name, role))
            page.credits.append(Credit(name=name, role=role, department=key, span=span))


def _read_rating(item: dict[str, Any], page: Page, locate: _Locator, hidden: list[str]) -> None:
    rating = item.get("aggregateRating")
    if not isinstance(rating, dict):
        return
    try:
        value = float(rating["ratingValue"])
    except (KeyError, TypeError, ValueError):
        return
    best = rating.get("bestRating", 10 if value > 5 else 5)
    count = rating.get("ratingCount") or rating.get("reviewCount")
    value_span = locate.find(*_number_text(value))
    if value_span is None:
        hidden.append("aggregateRating")
        return
    score = Score(kind="users", metric="average", value=value, span=value_span, label="aggregateRating")
    try:
        score.scale = float(best)
    except (TypeError, ValueError):
        score.scale = None
    try:
        count_value = int(count) if count is not None else None
    except (TypeError, ValueError):
        count_value = None
    if count_value is not None:
        count_span = locate.find(*_number_text(count_value), start=value_span[0])
        if count_span is not None and abs(count_span[0] - value_span[0]) <= _NEAR:
            score.count = count_value
            score.span = (min(value_span[0], count_span[0]), max(value_span[1], count_span[1]))
        else:
            hidden.append("ratingCount")
    page.scores.append(score)
