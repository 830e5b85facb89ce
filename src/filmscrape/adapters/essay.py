"""Long-form film essays: encyclopedic or critical prose about one film, with quotations and sources.

Layouts read (crawler text):

- encyclopedic essays: an epigraph in curly quotes, "X is a 1959 French ... film directed by ... with a
  screenplay by ...", headed sections, "(Source)" citation markers, quotations attributed in the
  sentence before or on the line after, a block quotation after "... by claiming that ...:";
- "Great Movies" essays: a ``Title (YYYY)`` line and the page's URL line, then the essay;
- review dumps with no header at all, "Advertisement" markers inline and words run together where
  links were stripped: the title is the one the essay keeps quoting (“Vertigo”).

Credits come from the prose ("directed by", "screenplay by", "composed by", "Character (Actor)"),
awards from sentences saying the film won or was nominated, ``(Source)`` markers become ``citation``
facts. The page itself is one ``Review`` of kind ``essay``.
"""

from __future__ import annotations

import re

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document, Line
from filmscrape.parse import prose
from filmscrape.parse.directors import find_director, possessive_title
from filmscrape.parse.prose import Field, Unit
from filmscrape.parse.signals import marker_score, prose_share
from filmscrape.parse.text import collapse
from filmscrape.parse.titles import film_directed_by
from filmscrape.schema import AlternateTitle, Article, Page, Review, Span

DETECT_MARKERS: dict[str, float] = {
    "(Source)": 0.35,
    "Great Movies": 0.3,
    "rogerebert.com": 0.4,
    "great-movie-": 0.3,
    "Roger Ebert": 0.2,
    "Advertisement": 0.25,
    "Readers Write In": 0.1,
    "“": 0.1,
    " film ": 0.05,
    "screenplay": 0.05,
    "cinema": 0.05,
    "director": 0.05,
    "masterpiece": 0.05,
}
_BYLINE = re.compile(r"^By (?P<name>[A-Z][\w.’'-]{0,30}(?: [A-Z][\w.’'-]{0,30}){0,3})$")
_LONG_PARAGRAPH = 400
ESSAY_WORDS = 1000
FIRST_PERSON_ESSAY = 15.0  # first-person words per 1,000 words: critics' essays stay under it
HEAD_CHARS = 3000  # "the film Title directed by ..." is looked for in the essay's opening only
_TRAILING_YEAR = re.compile(r"(?<!\s)\s*\((?:1[89]|20)\d\d\)\s*$")


class EssayAdapter(Adapter):
    """A long-form essay about one film."""

    name = "essay"
    description = "Long-form film essays: the film, credits from prose, quotations, sections, citations"

    def detect(self, doc: Document) -> float:
        text = doc.text
        score = marker_score(text, DETECT_MARKERS)
        head = doc.head_lines(400)
        long_lines = sum(1 for line in head if len(line.text) >= _LONG_PARAGRAPH)
        score += min(long_lines, 5) * 0.05
        head_text = doc.head(5000)
        if _DEFINITION_VERB.search(head_text) and prose.DEFINITION.search(head_text):
            score += 0.2  # the verb test first: DEFINITION tries every capital letter as a title start
        if len(head) > 1 and prose.url_header(doc, _first_units(head)):
            score += 0.3
        if text.count("Advertisement") >= 2:
            score += 0.3  # a magazine's review dump: ad slots between the paragraphs
        counts = prose.text_counts(doc)
        words = counts.spaces + counts.newlines
        density = counts.first_person
        if words >= ESSAY_WORDS and density < FIRST_PERSON_ESSAY:
            score += 0.25
        if density >= FIRST_PERSON_ESSAY * 4 / 3:
            score -= 0.2  # a personal post
        if doc.tree is not None:
            score *= 0.3  # essays are read from text dumps; HTML pages are blog posts or other sites
        return min(score * max(prose_share(doc), 0.6), 0.8)

    def extract(self, doc: Document) -> Page:
        return EssayReader(doc).read()


_DEFINITION_VERB = re.compile(r" (?:is|was) an? (?:1[89]|20)\d\d ")
"""What prose.DEFINITION needs after its title: found in one cheap scan, or DEFINITION cannot match."""


def _first_units(head: list[Line]) -> list[Unit]:
    return [line for line in head[:4] if line.text.strip()]


class EssayReader:
    """Reads one essay page into a Page."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.page = Page(text=doc.text)
        self.article = Article()
        self.boilerplate: list[Span] = []

    def read(self) -> Page:
        doc, page, article = self.doc, self.page, self.article
        units, ads = prose.units(doc)
        self.boilerplate.extend(ads)
        units = self._header(units)
        body: list[Unit] = []
        clean: list[str] = []  # the body units without Markdown, computed once
        kind = prose.line_kinds()
        for unit in units:
            text, boilerplate = kind(unit.text)
            if boilerplate:
                self.boilerplate.append((unit.start, unit.end))
            else:
                body.append(unit)
                clean.append(text)
        if page.film.title is None:
            self._title_from_text(body)
        quotes, attributions = prose.find_quotes(doc, body, film_title=page.film.title)
        page.quotes.extend(quotes)
        headings = prose.headings(body, attributions)
        self._credits(body)
        page.facts.extend(prose.award_facts(doc, body))
        page.facts.extend(prose.find_citations(doc))
        page.facts.sort(key=lambda fact: fact.span)
        cleaned = prose.paragraphs(body, clean)
        if body:
            article.span = (body[0].start, body[-1].end)
        spans = [(unit.start, unit.end) for unit in body]
        titles = {index: collapse(cleaned[index]) for index in headings}
        # The body is joined once and each section cut from it, the units and the cleaned texts let go on
        # the way: a huge page never holds them, the body and the sections (each as long as it) at once.
        del units, body, clean
        text, places = prose.joined_with_places(cleaned)
        del cleaned
        article.body = text or None
        article.sections = prose.sections_of(text, places, spans, titles)
        article.boilerplate_spans = sorted(set(self.boilerplate))
        page.article = article
        if article.body:
            page.reviews.append(
                Review(
                    kind="essay",
                    text=article.body,
                    title=article.title,
                    author=article.author,
                    date=article.date,
                    span=article.span,
                )
            )
        else:
            page.warnings.append("no essay text found")
        return page

    def _header(self, units: list[Unit]) -> list[Unit]:
        """A "Great Movies" title line + URL line, a "By Name" byline, an encyclopedic first sentence."""
        film = self.page.film
        index = 0
        header = prose.url_header(self.doc, units)
        if header is not None:
            count, line, year = header
            self.article.title = line.value
            self._set_title(line, year)
            self.boilerplate.append((units[1].start, units[1].end))
            index = count
        if index < len(units):
            byline = _BYLINE.match(units[index].text)
            if byline is not None:
                self.article.author = byline["name"]
                index += 1
        if film.title is None:
            found = prose.definition_title(self.doc)
            if found is not None:
                title, year_field = found
                film.title = title.value
                film.year = int(year_field.value)
                film.field_spans["title"] = title.span
                film.field_spans["year"] = year_field.span
        return units[index:]

    def _set_title(self, line: Field, year: int | None) -> None:
        film = self.page.film
        name = _TRAILING_YEAR.sub("", line.value) if year is not None else line.value
        name, alternates = prose.split_alternates(name)
        film.title = name
        film.year = year
        film.field_spans["title"] = (line.span[0], line.span[0] + len(name))
        if year is not None:
            at = line.value.rfind(str(year))
            film.field_spans["year"] = (line.span[0] + at, line.span[0] + at + 4)
        for alternate in alternates:
            at = line.value.find(alternate)
            span = (line.span[0] + at, line.span[0] + at + len(alternate))
            film.alternate_titles.append(AlternateTitle(title=alternate, span=span))

    def _title_from_text(self, body: list[Unit]) -> None:
        """No header: "the film Title directed by ...", else the title the essay keeps quoting."""
        if not body:
            return
        film = self.page.film
        stated = film_directed_by(self.doc.text, body[0].start, min(body[-1].end, body[0].start + HEAD_CHARS))
        if stated is not None:
            film.title, film.field_spans["title"] = stated
            return
        found = prose.quoted_title(self.doc, body[0].start, body[-1].end)
        if found is not None:
            film.title = found.value
            film.field_spans["title"] = found.span

    def _credits(self, body: list[Unit]) -> None:
        page = self.page
        seen: set[tuple[str, str]] = set()
        for unit in prose.credit_units(body):
            for credit in prose.find_credits(unit.text, unit.start):
                if (credit.name, credit.role) not in seen:
                    seen.add((credit.name, credit.role))
                    page.credits.append(credit)
        if body and not any(credit.role == "director" for credit in page.credits):
            found = find_director(self.doc.text, body[0].start, body[-1].end, page.film.title)
            if found is not None:
                page.credits.insert(0, found)
                if page.film.title is None:  # "Steven Spielberg's “A. I. Artificial Intelligence”"
                    titled = possessive_title(
                        self.doc.text, body[0].start, body[-1].end, found.name.split()[-1]
                    )
                    if titled is not None:
                        page.film.title, page.film.field_spans["title"] = titled
