"""Cheap detection signals: weighted marker strings and the address a page says it has."""

from __future__ import annotations

from collections.abc import Mapping

from filmscrape.document import Document

_URL_SELECTORS = (
    ('link[rel="canonical"]', "href"),
    ('meta[property="og:url"]', "content"),
    ('link[rel="alternate"][hreflang="x-default"]', "href"),
)


def marker_score(text: str, markers: Mapping[str, float], enough: float | None = None) -> float:
    """The sum of the weights of the markers found in ``text`` (plain ``in`` tests: no regex cost).

    With ``enough``, the sum stops growing once it reaches that value: a detector that caps its score
    need not scan the whole text for every remaining marker.
    """
    if enough is None:
        return sum(weight for marker, weight in markers.items() if marker in text)
    score = 0.0
    for marker, weight in markers.items():
        if marker in text:
            score += weight
            if score >= enough:
                break
    return score


def page_url(doc: Document) -> str | None:
    """The URL an HTML page gives itself (canonical link, og:url), else the caller's hint."""
    tree = doc.tree
    if tree is not None:
        for selector, attribute in _URL_SELECTORS:
            node = tree.css_first(selector)
            value = node.attributes.get(attribute) if node is not None else None
            if value:
                return value.strip()
    return doc.url


def prose_share(doc: Document, sample_lines: int = 400) -> float:
    """The share of the text (by characters, first lines) that stands in lines long enough to be prose."""
    total = prose = 0
    for line in doc.head_lines(sample_lines):
        length = len(line.text)
        total += length
        if length >= 120:
            prose += length
    return prose / total if total else 0.0
