"""Long-form film essays: encyclopedic or critical prose about one film, with quotations and sources."""

from __future__ import annotations

import re

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.parse.signals import marker_score, prose_share
from filmscrape.parse.titles import MAX_YEAR, MIN_YEAR
from filmscrape.schema import Page

DETECT_MARKERS: dict[str, float] = {
    "(Source)": 0.35,
    "Great Movies": 0.3,
    "rogerebert.com": 0.3,
    "Roger Ebert": 0.2,
    "Advertisement": 0.1,
    "“": 0.1,
    " film ": 0.05,
    "screenplay": 0.05,
    "cinema": 0.05,
}
# "Hiroshima mon amour is a 1959 French New Wave romantic drama film"
_DEFINITION = re.compile(r"(?P<title>[A-Z][^.\n]{0,120}?) is an? (?P<year>\d{4}) [^.\n]{0,200}?\bfilm\b")
_LONG_PARAGRAPH = 400


class EssayAdapter(Adapter):
    """A long-form essay about one film."""

    name = "essay"
    description = "Long-form film essays: the film, credits from prose, quotations, sections, citations"

    def detect(self, doc: Document) -> float:
        text = doc.text
        score = marker_score(text, DETECT_MARKERS)
        long_lines = sum(1 for line in doc.lines[:400] if len(line.text) >= _LONG_PARAGRAPH)
        score += min(long_lines, 5) * 0.05
        if _DEFINITION.search(doc.head(5000)):
            score += 0.2
        score *= prose_share(doc)
        return min(score, 0.9)

    def extract(self, doc: Document) -> Page:
        page = self.new_page(doc)
        match = _DEFINITION.search(doc.text)
        if match and MIN_YEAR <= int(match.group("year")) <= MAX_YEAR:
            page.film.title = match.group("title").strip()
            page.film.year = int(match.group("year"))
            page.film.field_spans["title"] = doc.trimmed(*match.span("title"))
        return page
