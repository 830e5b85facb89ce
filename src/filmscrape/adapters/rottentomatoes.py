"""Rotten Tomatoes–style aggregator pages: film pages (Tomatometer, reviews, listings) and list pages."""

from __future__ import annotations

import re

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.parse.signals import marker_score, page_url
from filmscrape.parse.titles import title_and_year
from filmscrape.schema import Page

# Strings that only an aggregator page prints, with how much each says.
DETECT_MARKERS: dict[str, float] = {
    "Tomatometer": 0.25,
    "TOMATOMETER": 0.25,
    "Reviews Counted:": 0.3,
    "Critics Consensus": 0.25,
    "Critic Reviews for": 0.2,
    "Audience Reviews for": 0.2,
    "Top Critics": 0.1,
    "Super Reviewer": 0.1,
    "No Score Yet": 0.1,
    "Certified Fresh": 0.1,
    "AUDIENCE SCORE": 0.15,
    "Audience Score": 0.15,
    "Fresh:": 0.1,
    "Rotten:": 0.1,
}
_SITE_TITLE = re.compile(r"[-|] Rotten Tomatoes\s*$", re.M)
_FILM_URL = re.compile(r"rottentomatoes\.com/m/")
_RT_URL = re.compile(r"(?:^|[/.])rottentomatoes\.com/")


class RottenTomatoesAdapter(Adapter):
    """Rotten Tomatoes movie pages and list/browse pages."""

    name = "rottentomatoes"
    description = "Rotten Tomatoes-style aggregator pages: Tomatometer, audience score, reviews, listings"

    def detect(self, doc: Document) -> float:
        url = page_url(doc)
        if url:
            if _FILM_URL.search(url):
                return 0.97
            if _RT_URL.search(url):
                return 0.9  # list, browse and editorial pages: listings
        head = doc.head(400)
        score = marker_score(doc.text, DETECT_MARKERS)
        if _SITE_TITLE.search(head):
            score += 0.6
        if url:
            score *= 0.3  # the page says it lives on another site
        return min(score, 0.95)

    def extract(self, doc: Document) -> Page:
        page = self.new_page(doc)
        _read_title(doc, page)
        return page


def _read_title(doc: Document, page: Page) -> None:
    """The film header ``Title (Alternate Title) (1959)``: the last such line before the score block."""
    end = doc.text.find("Average Rating:")
    search_end = end if end >= 0 else len(doc.text)
    best = None
    for line in doc.lines:
        if line.start > search_end:
            break
        found = title_and_year(line.text)
        if found is not None:
            best = (line, found)
    if best is None:
        return
    line, (title, year, (start, end_)) = best
    page.film.title = title
    page.film.year = year
    page.film.field_spans["title"] = (line.start + start, line.start + end_)
