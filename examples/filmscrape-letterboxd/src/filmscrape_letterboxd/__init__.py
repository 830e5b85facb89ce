"""An example filmscrape adapter for Letterboxd-style review pages (plain text)."""

from __future__ import annotations

import re

from filmscrape import Adapter, Document, Page
from filmscrape.parse.titles import title_and_year
from filmscrape.schema import Rating, Review, Score

# Labels of the page and how much each says about it being a Letterboxd review.
DETECT_MARKERS = {"Letterboxd": 0.4, "Review by ": 0.3, "Watched ": 0.1, "Liked by": 0.1}
_REVIEW_BY = re.compile(r"^Review by (?P<author>[^\n★½]+?)\s*(?P<stars>[★½]+)?\s*$", re.M)
_STARS_SCALE = 5


class LetterboxdAdapter(Adapter):
    """Letterboxd-style member reviews: film, author, star rating, review text."""

    name = "letterboxd"
    description = "Example plugin: Letterboxd-style member reviews (film, author, stars, text)"

    def detect(self, doc: Document) -> float:
        head = doc.head(2000)
        return sum(weight for marker, weight in DETECT_MARKERS.items() if marker in head)

    def extract(self, doc: Document) -> Page:
        page = self.new_page(doc)
        for line in doc.lines[:20]:
            found = title_and_year(line.text)
            if found is not None:
                page.film.title, page.film.year, (start, end) = found
                page.film.field_spans["title"] = (line.start + start, line.start + end)
                break
        match = _REVIEW_BY.search(doc.text)
        if match is None:
            page.warnings.append("no 'Review by' line found")
            return page
        stars = match.group("stars") or ""
        rating = None
        if stars:
            value = stars.count("★") + 0.5 * stars.count("½")
            rating = Rating(value=value, scale=_STARS_SCALE, text=stars)
            page.scores.append(
                Score(
                    kind="reviewer",
                    metric="average",
                    value=value,
                    scale=_STARS_SCALE,
                    span=match.span("stars"),
                )
            )
        body_start = match.end()
        body = doc.text[body_start:].strip()
        start, end = doc.trimmed(match.start(), len(doc.text))
        page.reviews.append(
            Review(
                kind="user",
                author=match.group("author").strip(),
                rating=rating,
                text=body or None,
                span=(start, end),
            )
        )
        return page
