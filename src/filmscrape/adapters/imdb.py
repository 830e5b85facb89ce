"""IMDb-style database title pages: every layout from the 2009 "combined" view to the 2025 page."""

from __future__ import annotations

import re

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.parse.signals import marker_score, page_url
from filmscrape.parse.titles import title_and_year
from filmscrape.schema import Page

# Labels of a title page, with how much each says.
DETECT_MARKERS: dict[str, float] = {
    "IMDb": 0.1,
    "User Rating:": 0.15,
    "Writing credits": 0.2,
    "Also Known As:": 0.2,
    "Aspect Ratio:": 0.1,
    "Sound Mix:": 0.1,
    "Movie Connections": 0.15,
    "full cast and crew": 0.1,
    "Full Cast & Crew": 0.1,
    "(original title)": 0.1,
    "people found the following review useful": 0.15,
    "Did You Know?": 0.05,
    "Release Date:": 0.05,
    "IMDbPro": 0.1,
}
# Pages of the same site that are not a single title: charts, people, searches, lists.
NOT_TITLE_MARKERS: dict[str, float] = {
    "Top 250 movies\n": 0.3,
    "IMDb Charts": 0.4,
    "Known For": 0.3,
    "Filmography": 0.3,
    "Most popular movies": 0.3,
    "Upcoming releases": 0.3,
    "Sorted by": 0.2,
}
_BREADCRUMB = re.compile(r"^IMDb > [^\n]+\(\d{4}\)", re.M)
_SITE_TITLE = re.compile(r"\(\s*(?:[A-Za-z ]+\s)?\d{4}[^)]*\)(?: - [^\n]*)? - IMDb\s*$", re.M)
_TITLE_URL = re.compile(r"imdb\.com/title/tt\d+")
_IMDB_URL = re.compile(r"(?:^|[/.])imdb\.com/")
_BREADCRUMB_PREFIX = "IMDb > "


class ImdbAdapter(Adapter):
    """IMDb title pages and their subpages (full credits, reviews, synopsis)."""

    name = "imdb"
    description = "IMDb-style title pages: credits, user rating, AKAs, certificates, quotes, trivia, reviews"

    def detect(self, doc: Document) -> float:
        url = page_url(doc)
        if url:
            if _TITLE_URL.search(url):
                return 0.97
            if _IMDB_URL.search(url):
                return 0.0  # charts, people, searches: not a film page
        head = doc.head(600)
        score = marker_score(doc.text, DETECT_MARKERS) - marker_score(head, NOT_TITLE_MARKERS)
        if _BREADCRUMB.search(head) or _SITE_TITLE.search(head):
            score += 0.6
        if url:
            score *= 0.3  # the page says it lives on another site
        return min(max(score, 0.0), 0.95)

    def extract(self, doc: Document) -> Page:
        page = self.new_page(doc)
        _read_title(doc, page)
        return page


def _read_title(doc: Document, page: Page) -> None:
    """The first ``Title (YYYY)`` line, after an ``IMDb > `` breadcrumb when there is one."""
    for line in doc.lines[:200]:
        text = line.text
        offset = 0
        if text.startswith(_BREADCRUMB_PREFIX):
            offset = len(_BREADCRUMB_PREFIX)
        found = title_and_year(text[offset:])
        if found is None:
            continue
        title, year, (start, end) = found
        page.film.title = title
        page.film.year = year
        page.film.field_spans["title"] = (line.start + offset + start, line.start + offset + end)
        return
