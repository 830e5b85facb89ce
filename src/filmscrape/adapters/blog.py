"""Personal film blogs: one post about one film, in the author's own voice."""

from __future__ import annotations

import re

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.parse.signals import marker_score, prose_share
from filmscrape.parse.titles import title_and_year
from filmscrape.schema import Page

# What a blog post carries around its text, with how much each says.
DETECT_MARKERS: dict[str, float] = {
    "Review of ": 0.15,
    "my name is": 0.1,
    "Follow me": 0.15,
    "Leave a comment": 0.15,
    "Leave a Reply": 0.15,
    "Posted by": 0.15,
    "Posted on": 0.15,
    "Share this:": 0.15,
    "Like this:": 0.1,
    "Previous post": 0.1,
    "Next post": 0.1,
    "\nNext\n": 0.05,
    "directed by": 0.1,
    " I ": 0.05,
    " my ": 0.05,
    "I’m": 0.05,
    "I'm": 0.05,
}
_FRONT_MATTER = re.compile(r"\A---\n(?:[^\n]*\n){0,30}?title:", re.M)
_FRONT_TITLE = re.compile(r"^title:\s*[\"']?(?P<title>[^\n\"']+)", re.M)
HEADER_LINES = 12


class BlogAdapter(Adapter):
    """A blog post reviewing a film."""

    name = "blog"
    description = "Personal film-blog posts: the film, the author, the body without boilerplate, the verdict"

    def detect(self, doc: Document) -> float:
        text = doc.text
        score = marker_score(text, DETECT_MARKERS)
        if _FRONT_MATTER.match(text):
            score += 0.3
        if any(title_and_year(line.text) for line in doc.lines[:HEADER_LINES]):
            score += 0.2
        score *= prose_share(doc)
        return min(score, 0.9)

    def extract(self, doc: Document) -> Page:
        page = self.new_page(doc)
        _read_title(doc, page)
        return page


def _read_title(doc: Document, page: Page) -> None:
    """Title and year from front matter or the post's headline ``Title (YYYY)``."""
    for line in doc.lines[:HEADER_LINES]:
        found = title_and_year(line.text)
        if found is not None:
            title, year, (start, end) = found
            page.film.title = title
            page.film.year = year
            page.film.field_spans["title"] = (line.start + start, line.start + end)
            return
    match = _FRONT_TITLE.search(doc.head(3000)) if doc.text.startswith("---") else None
    if match:
        start, end = doc.trimmed(*match.span("title"))
        page.film.title = doc.text[start:end]
        page.film.field_spans["title"] = (start, end)
