"""Personal film blogs: one post about one film, in the author's own voice.

Layouts read (all as text; HTML pages are read from their text rendering, the HTML tree only says where
the post's own content starts and ends):

- a headline ``Title (YYYY)``, then ``Review of Title / Original title, directed by Name``;
- Markdown sources with YAML front matter (``title:``, ``date:``, ``author:``), the film's title in
  ``_italics_`` inside the post title ("TIFF 2010: _Confessions_");
- crawler dumps of WordPress posts (a lede ending "The rest of this review may contain spoilers.",
  a "You can read the rest of the review here:" footer), "By Name" bylines;
- WordPress HTML pages (``.entry-content``), share buttons, related posts and comment forms dropped.

The author's self-introduction before the review proper ("If you're new here ... my name is Ashley")
and the social/next-post footer are boilerplate: they are left out of ``Article.body`` and their spans
listed in ``Article.boilerplate_spans``.

Multi-post pages (a front page listing several posts, a "Halloween binge" post reviewing four films,
a "films I watched" log) give ONE Page with one ``Review`` (kind ``blog``) per post or film, each with
its own title and rating; ``film`` stays empty because the page is not about one film, and
``Article`` holds the page's title and the posts' text, one section per post.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.parse import prose
from filmscrape.parse.dates import parse_date
from filmscrape.parse.directors import find_director, possessive_title
from filmscrape.parse.prose import Field, Unit, strip_markdown
from filmscrape.parse.signals import marker_score
from filmscrape.parse.text import collapse
from filmscrape.parse.titles import film_directed_by, title_and_year, without_site_suffix
from filmscrape.schema import AlternateTitle, Article, Page, Review, Score, Section, Span

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
    "The rest of this review may contain spoilers": 0.5,
    "You can read the rest of the review": 0.4,
    "Readers Write In": 0.3,
    "wordpress": 0.2,
    "WordPress": 0.2,
    " out of 5": 0.15,
    "<sl-rating": 0.3,
    "\nBy ": 0.05,
}
# DETECT_MARKERS by a substring their group shares: absent, none of the group is looked for (each look
# is a scan of the whole page).
GATES: tuple[str, ...] = ("Leave a ", "Posted ", "rest of th", " this:", "Next")


def _gated(markers: dict[str, float]) -> dict[str, dict[str, float]]:
    """``markers`` grouped by the first gate each holds ("" for none)."""
    groups: dict[str, dict[str, float]] = {}
    for marker, weight in markers.items():
        gate = next((gate for gate in GATES if gate in marker), "")
        groups.setdefault(gate, {})[marker] = weight
    return groups


MARKER_GATES = _gated(DETECT_MARKERS)
FRONT_MATTER_MARKERS: tuple[str, ...] = ("\ntitle:", "\ndate:", "\ntags:", "\nauthor:")
HEADER_UNITS = 4
HEAD_CHARS = 3000  # "the film Title directed by ..." is looked for in the post's opening only
# Openings of an author's self-introduction before the review proper.
INTRO_MARKERS: tuple[str, ...] = (
    "If you’re new here", "If you're new here", "my name is", "My name is", "welcome to my", "Welcome to my",
    "this blog", "my blog",
)  # fmt: skip
# ... and the sentence that hands over to the review.
INTRO_ENDS: tuple[str, ...] = (
    "get into the review",
    "on to the review",
    "onto the review",
    "this introduction",
)
MAX_LOGLINE = 200
SPOILER_LEDE = "The rest of this review may contain spoilers."
# Footer openings: everything from here to the end of the post is the site's.
FOOTER_STARTS: tuple[str, ...] = (
    "Follow me", "You can read the rest of the review", "Share this", "Like this", "Sharen mit", "Bewerten",
    "Gefällt mir", "Ähnliche Beiträge", "Related", "Leave a Reply", "Leave a comment", "Next", "Previous",
)  # fmt: skip
MAX_FOOTER_LINE = 200
VERDICT_HEADINGS: tuple[str, ...] = (
    "Overall Thoughts", "Final Thoughts", "Verdict", "Conclusion", "The Verdict", "Bottom Line", "Overall",
)  # fmt: skip
# HTML: where a WordPress-style post keeps its own text, and what inside it is the site's.
CONTENT_SELECTORS: tuple[str, ...] = (
    ".entry-content",
    "[itemprop=articleBody]",
    ".post-content",
    ".post-body",
)
CONTENT_FOOTER_SELECTORS: tuple[str, ...] = ("#jp-post-flair", ".sharedaddy", ".jp-relatedposts")

_FRONT_TITLE_PREFIX = re.compile(
    r"^(?:[A-Z]{2,10} \d{4}:\s*|Review:\s*|Film recommendation,\s*|Movie review:\s*)"
)
_ITALIC_TITLE = re.compile(r"(?<![\w*])[_*](?P<title>[^_*\n]{1,150})[_*](?![\w*])")
_REVIEW_OF = re.compile(
    r"^Review of (?P<titles>[^,\n]{1,300}?)(?:, directed by (?P<director>[^,.\n]{2,80}))?\s*$"
)
_SELF_NAME = re.compile(r"\b[Mm]y name is (?P<name>[A-Z][\w’'-]{1,30}(?: [A-Z][\w’'-]{1,30})?)")
_BYLINE = re.compile(
    r"^(?:By|Posted by|Written by) (?P<name>[A-Z][\w.’'-]{0,30}(?: [A-Z][\w.’'-]{0,30}){0,3})$"
)
_POSTED_ON = re.compile(r"^(?:Posted on|Published on|Published) (?P<date>[^\n]{6,40})$")
_MD_LINK_DEFINITION = re.compile(r"^\[[^\]\n]{1,200}\]:\s*\S+$")
_POST_TITLE_COUNT = re.compile(r"^(?P<title>.{3,300}?)(?<!\s)\s+-\s+\d{1,5}$")
_BULLET_FILM = re.compile(
    r"^[*+-]\s+\[(?P<title>[^\]\n]{1,200})\]"
    r"(?:\((?:[^()\n]|\([^()\n]{0,100}\)){0,500}\)|\[[^\]\n]{0,200}\])?:\s+(?P<text>\S.*)$"
)
# "* Netflix's House of Cards (not technically a film): I loved it.": a film bullet without a link.
_BULLET_PLAIN = re.compile(
    r"^[*+-]\s+(?P<title>[A-Z][^\[\]():\n]{0,80}?)(?:\s\([^()\n]{1,100}\))?:\s+(?P<text>\S.*)$"
)
_GLUED_TITLE = re.compile(
    r"(?<=[a-z.,])(?P<title>[A-Z][a-z]+(?:[A-Z][a-z]+){0,3})(?P<tail>is|has|was|and|in)\b"
)
MIN_MULTI_POSTS = 2
MIN_FRONT_PAGE_POSTS = 3
PERSONAL_POST_WORDS = 2000
FIRST_PERSON_BLOG = 20.0  # first-person words per 1,000: personal posts run 20-40, critics' essays under 15


class BlogAdapter(Adapter):
    """A blog post reviewing a film."""

    name = "blog"
    description = "Personal film-blog posts: the film, the author, the body without boilerplate, the verdict"

    def detect(self, doc: Document) -> float:
        text = doc.text
        score = sum(
            marker_score(text, markers) for gate, markers in MARKER_GATES.items() if not gate or gate in text
        )
        if text.startswith("---") and sum(marker in text[:3000] for marker in FRONT_MATTER_MARKERS) >= 2:
            score += 0.5
        if any(title_and_year(line.text) for line in doc.head_lines(12)):
            score += 0.2
        tree = doc.tree
        if tree is not None:
            if any(tree.css_first(selector) is not None for selector in CONTENT_SELECTORS):
                score += 0.5
            if len(tree.css(".hentry, .featured_post")) >= MIN_FRONT_PAGE_POSTS:
                score += 0.5  # a WordPress front page listing posts
        counts = prose.text_counts(doc)
        density = counts.first_person
        if density >= FIRST_PERSON_BLOG:
            score += 0.35
            if tree is None and counts.spaces < PERSONAL_POST_WORDS:
                score += 0.2  # a short personal text: a post, not a critic's long essay
        elif density >= FIRST_PERSON_BLOG / 2:
            score += 0.1
        if text.count("Advertisement") >= 2:
            score -= 0.3  # a magazine's review dump, not a personal post
        return min(score, 0.85)

    def extract(self, doc: Document) -> Page:
        return BlogReader(doc).read()


class BlogReader:
    """Reads one blog page into a Page: header, body, boilerplate, rating, verdict, credits, reviews."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.page = Page(text=doc.text)
        self.boilerplate: list[Span] = []
        self.article = Article()
        self.headline: Field | None = None

    def read(self) -> Page:
        doc, page = self.doc, self.page
        start, end = self._content_region()
        all_units, ads = prose.units(doc, start, end)
        self.boilerplate.extend(ads)
        units = self._drop_header(all_units)
        posts = self._front_page_posts(units)
        if posts:
            return self._finish_multi(posts, units)
        films = self._film_sections(units)
        if films:
            return self._finish_multi(films, units)
        body = self._drop_intro(units)
        body, clean = self._drop_footer(body)
        if not page.film.title:
            self._title_from_text(body)
        self._logline(body)
        quotes, attributions = prose.find_quotes(doc, body, film_title=page.film.title)
        page.quotes.extend(quotes)
        headings = prose.headings(body, attributions)
        self.article.body, places = prose.joined_with_places(prose.paragraphs(body, clean))
        self.article.sections = prose.sections_of(
            self.article.body,
            places,
            [(unit.start, unit.end) for unit in body],
            {index: strip_markdown(body[index].text) for index in headings},
        )
        self._rating(body)
        self._verdict(body)
        self._credits(all_units[: len(all_units) - len(units)] + body)
        if body:
            self.article.span = (body[0].start, body[-1].end)
        self.article.boilerplate_spans = sorted(set(self.boilerplate))
        page.article = self.article
        if self.article.body:
            page.reviews.append(
                Review(
                    kind="blog",
                    text=self.article.body,
                    title=self.article.title,
                    author=self.article.author,
                    date=self.article.date,
                    rating=self._review_rating,
                    span=self._review_span(),
                )
            )
        else:
            page.warnings.append("no post text found")
        return page

    # -- where the post is --------------------------------------------------------------------------------

    def _content_region(self) -> tuple[int, int | None]:
        """The whole text, after front matter; for HTML, the span of the post's own content element."""
        doc = self.doc
        front = prose.front_matter(doc)
        start = 0
        if front is not None:
            span, fields = front
            self.boilerplate.append(span)
            start = span[1]
            self._read_front_matter(fields)
        if doc.tree is None:
            return start, None
        region = self._html_region()
        if region is None:
            return start, None
        self.boilerplate.extend(
            span for span in ((0, region[0]), (region[1], len(doc.text))) if span[0] < span[1]
        )
        self._html_header(region[0])
        return region

    def _html_region(self) -> tuple[int, int] | None:
        doc = self.doc
        tree = doc.tree
        if tree is None:
            return None
        node = next((hit for sel in CONTENT_SELECTORS if (hit := tree.css_first(sel)) is not None), None)
        if node is None:
            return None
        pieces = [collapse(piece) for piece in node.text(deep=True, separator="\n").split("\n")]
        pieces = [piece for piece in pieces if len(piece) >= 3]
        if not pieces:
            return None
        first = doc.find(pieces[0])
        if first is None:
            return None
        footer_start: int | None = None
        for selector in CONTENT_FOOTER_SELECTORS:
            footer = node.css_first(selector)
            footer_text = (
                collapse(footer.text(deep=True, separator="\n").strip().split("\n")[0]) if footer else ""
            )
            found = doc.find(footer_text, first[0]) if footer_text else None
            if found is not None:
                footer_start = found[0] if footer_start is None else min(footer_start, found[0])
        last = first
        for piece in pieces[1:]:
            found = doc.find(piece, last[1])
            if found is not None and (footer_start is None or found[0] < footer_start):
                last = found
        return first[0], max(last[1], first[1])

    def _review_span(self) -> Span:
        """The post as a review: its body plus the header lines its date and author were read from."""
        start, end = self.article.span
        for key in ("date", "author"):
            field_span = self.article.field_spans.get(key)
            if field_span is not None:
                start, end = min(start, field_span[0]), max(end, field_span[1])
        return (start, end)

    def _html_header(self, content_start: int) -> None:
        """Post title and date printed above the content (``h1.entry-title``, a date line)."""
        doc, tree = self.doc, self.doc.tree
        if tree is None:
            return
        title_node = tree.css_first(".entry-title") or tree.css_first("h1")
        if title_node is not None:
            title = collapse(title_node.text(deep=True))
            found = doc.find(title, 0, content_start) if title else None
            if found is not None and self.article.title is None:
                self.article.title = title
                self.article.field_spans["title"] = found
        for line in doc.lines[doc.line_index(max(0, content_start - 2000)) : doc.line_index(content_start)]:
            clean = collapse(line.text)
            if clean and len(clean) <= 40 and any(ch.isdigit() for ch in clean):
                date = parse_date(clean.split("·")[0].replace(".", " "), fallback=False)
                if date and self.article.date is None:
                    self.article.date = date
                    self.article.field_spans["date"] = doc.trimmed(line.start, line.end)

    def _read_front_matter(self, fields: dict[str, Field]) -> None:
        article, film = self.article, self.page.film
        if "title" in fields:
            title = fields["title"]
            article.title = strip_markdown(title.value)
            italic = _ITALIC_TITLE.search(title.value)
            if italic:
                start = title.span[0] + italic.start("title")
                film.title = italic["title"].strip()
                film.field_spans["title"] = (start, start + len(italic["title"]))
            else:
                prefix = _FRONT_TITLE_PREFIX.match(title.value)
                if prefix:
                    name = title.value[prefix.end() :].strip()
                    film.title = name
                    film.field_spans["title"] = (title.span[1] - len(name), title.span[1])
        if "author" in fields:
            article.author = fields["author"].value
            article.field_spans["author"] = fields["author"].span
        if "date" in fields:
            article.date = parse_date(fields["date"].value[:10], fallback=False)
            if article.date is not None:
                article.field_spans["date"] = fields["date"].span

    def _drop_header(self, units: list[Unit]) -> list[Unit]:
        """Headline ``Title (YYYY)``, a URL line, "Review of ..." and "By Name" lines lead the post."""
        page, film = self.page, self.page.film
        index = 0
        header = prose.url_header(self.doc, units)
        if header is not None:
            count, line, year = header
            self._set_title(line, year)
            self.boilerplate.append((units[1].start, units[1].end))
            index = count
        while index < min(len(units), HEADER_UNITS):
            unit = units[index]
            found = title_and_year(unit.text) if index == 0 and film.title is None else None
            if found is not None and len(unit.text) < 200:
                self._set_title(Field(unit.text, (unit.start, unit.end)), found[1])
                index += 1
                continue
            review_of = _REVIEW_OF.match(unit.text)
            if review_of is not None:
                self._review_of(unit, review_of)
                index += 1
                continue
            byline = _BYLINE.match(unit.text)
            if byline is not None:
                self.article.author = byline["name"]
                self.article.field_spans["author"] = (unit.start, unit.end)
                index += 1
                continue
            posted = _POSTED_ON.match(unit.text)
            if posted is not None and (date := parse_date(posted["date"], fallback=False)):
                self.article.date = date
                self.article.field_spans["date"] = (unit.start, unit.end)
                index += 1
                continue
            break
        del page
        return units[index:]

    def _set_title(self, line: Field, year: int | None) -> None:
        """``Hiroshima mon amour (1958)``: the headline is the article's title, its head the film's."""
        film = self.page.film
        self.article.title = line.value
        found = title_and_year(line.value)
        name = found[0] if found else line.value
        name, alternates = prose.split_alternates(without_site_suffix(name))
        film.title = name
        film.year = year
        offset = line.span[0] + (found[2][0] if found else 0)
        film.field_spans["title"] = (offset, offset + len(name))
        if year is not None:
            year_at = line.value.rfind(str(year))
            film.field_spans["year"] = (line.span[0] + year_at, line.span[0] + year_at + 4)
        for alternate in alternates:
            at = line.value.find(alternate)
            span = (line.span[0] + at, line.span[0] + at + len(alternate))
            film.alternate_titles.append(AlternateTitle(title=alternate, span=span))

    def _review_of(self, unit: Unit, match: re.Match[str]) -> None:
        """``Review of Hiroshima mon Amour / 二十四時間の情事, directed by Alain Resnais``."""
        film = self.page.film
        known = {film.title.lower()} if film.title else set()
        position = unit.start + match.start("titles")
        for part in match["titles"].split(" / "):
            name = part.strip()
            at = self.doc.text.find(name, position, unit.end)
            position = at + len(name)
            if not name or name.lower() in known:
                continue
            if film.title is None:
                film.title = name
                film.field_spans["title"] = (at, at + len(name))
            else:
                film.alternate_titles.append(AlternateTitle(title=name, span=(at, at + len(name))))
            known.add(name.lower())

    # -- the post's parts ---------------------------------------------------------------------------------

    def _drop_intro(self, units: list[Unit]) -> list[Unit]:
        """The author's self-introduction: from an intro marker in the first units to the hand-over."""
        first = next(
            (i for i, unit in enumerate(units[:3]) if any(marker in unit.text for marker in INTRO_MARKERS)),
            None,
        )
        if first is None:
            return units
        for unit in units[first:]:
            match = _SELF_NAME.search(unit.text)
            if match and self.article.author is None:
                self.article.author = match["name"]
                break
        limit = max(first + 1, len(units) * 2 // 5)
        end: int | None = None
        for index in range(first, min(limit, len(units))):
            if any(marker in units[index].text for marker in INTRO_ENDS):
                end = index
                break
            if index > first and _is_logline(units[index].text):
                end = index - 1
                break
        if end is None:
            return units
        self.boilerplate.append((units[first].start, units[end].end))
        return units[:first] + units[end + 1 :]

    def _drop_footer(self, units: list[Unit]) -> tuple[list[Unit], list[str]]:
        """From the first footer line in the last part of the post, everything is the site's.

        Returns the units kept and their text without Markdown."""
        kept: list[Unit] = []
        kept_clean: list[str] = []
        cutoff = len(units) // 2
        memo: dict[str, tuple[str, bool, bool]] = {}  # short lines repeat: each is judged once
        for index, unit in enumerate(units):
            text = unit.text
            known = memo.get(text)
            if known is None:
                clean = strip_markdown(text)
                footer_like = len(clean) < MAX_FOOTER_LINE and clean.startswith(FOOTER_STARTS)
                link_definition = text[0] == "[" and _MD_LINK_DEFINITION.match(text) is not None
                known = (clean, footer_like, link_definition or prose.is_boilerplate(text, clean))
                if len(text) <= prose.MEMO_LINE:
                    memo[text] = known
            clean, footer_like, dropped = known
            if footer_like and index >= cutoff:
                self.boilerplate.append((unit.start, units[-1].end))
                break
            if dropped:
                self.boilerplate.append((unit.start, unit.end))
                continue
            kept.append(unit)
            kept_clean.append(clean)
        return kept, kept_clean

    def _logline(self, body: list[Unit]) -> None:
        """The one-line summary opening the review, or the lede before "The rest of this review..."."""
        if not body:
            return
        first = body[0]
        if first.text.endswith(SPOILER_LEDE):
            lede = first.text[: -len(SPOILER_LEDE)].strip()
            if lede:
                self.article.logline = collapse(lede)
            return
        for unit in body[:2]:
            if _is_logline(unit.text) and unit is not body[-1]:
                self.article.logline = collapse(unit.text)
                return

    _review_rating = None

    def _rating(self, body: list[Unit]) -> None:
        # What find_rating needs first, tested in one comprehension: no call for the other lines.
        candidates = [
            unit
            for unit in body
            if "/" in unit.text
            or ":" in unit.text
            or "★" in unit.text
            or "out of" in unit.text
            or "<sl-rating" in unit.text
        ]
        for unit in candidates:
            found = prose.find_rating(unit.text, unit.start)
            if found is None:
                continue
            rating = found.rating
            self._review_rating = rating
            if rating.value is not None:
                label = collapse(strip_markdown(self.doc.text[found.span[0] : found.span[1]]))
                self.page.scores.append(
                    Score(
                        kind="reviewer",
                        metric="average",
                        value=rating.value,
                        scale=rating.scale,
                        label=label or None,
                        span=found.span,
                    )
                )
            return

    def _verdict(self, body: list[Unit]) -> None:
        section = next(
            (s for s in self.article.sections if s.heading and s.heading.startswith(VERDICT_HEADINGS)), None
        )
        text = section.text if section is not None else " ".join(unit.text for unit in body[-2:])
        self.article.verdict = prose.find_verdict(text)

    def _credits(self, units: list[Unit]) -> None:
        seen: set[tuple[str, str]] = {(c.name, c.role) for c in self.page.credits}
        for unit in prose.credit_units(units):
            for credit in prose.find_credits(unit.text, unit.start):
                if (credit.name, credit.role) not in seen:
                    seen.add((credit.name, credit.role))
                    self.page.credits.append(credit)
        if units and not any(credit.role == "director" for credit in self.page.credits):
            found = find_director(self.doc.text, units[0].start, units[-1].end, self.page.film.title)
            if found is not None:
                self.page.credits.insert(0, found)
                film = self.page.film
                if film.title is None:  # "Steven Spielberg's “A. I. Artificial Intelligence”"
                    titled = possessive_title(
                        self.doc.text, units[0].start, units[-1].end, found.name.split()[-1]
                    )
                    if titled is not None:
                        film.title, film.field_spans["title"] = titled

    def _title_from_text(self, body: list[Unit]) -> None:
        """No headline: the title the post keeps quoting, or the crawler-glued italic title."""
        film = self.page.film
        if body:
            stated = film_directed_by(
                self.doc.text, body[0].start, min(body[-1].end, body[0].start + HEAD_CHARS)
            )
            if stated is not None:
                film.title, film.field_spans["title"] = stated
                return
            quoted = prose.quoted_title(self.doc, body[0].start, body[-1].end)
            if quoted is not None:
                film.title = quoted.value
                film.field_spans["title"] = quoted.span
                return

    # -- multi-post pages ----------------------------------------------------------------------------------

    def _front_page_posts(self, units: list[Unit]) -> list[tuple[Unit, list[Unit]]]:
        """A front page: pairs of a date line and a "Post title - 12" line (the number counts comments)."""
        posts: list[tuple[Unit, list[Unit]]] = []
        # The comment count ends the title line: the lines ending in a digit are picked first, no call each.
        counted = [index for index in range(1, len(units)) if units[index].text[-1] in "0123456789"]
        for index in counted:
            date_line, title_line = units[index - 1], units[index]
            if len(date_line.text) > 30:
                continue
            if parse_date(date_line.text, fallback=False):
                match = _POST_TITLE_COUNT.match(title_line.text)
                if match:
                    title_unit = Unit(
                        title_line.start, title_line.start + len(match["title"]), match["title"]
                    )
                    posts.append((title_unit, [date_line]))
        return posts if len(posts) >= 3 else []

    def _film_sections(self, units: list[Unit]) -> list[tuple[Unit, list[Unit]]]:
        """One post on several films: "## Title" sections rated each, or "* [Title](url): text" bullets."""
        films: list[tuple[Unit, list[Unit]]] = []
        marked = [(i, unit) for i, unit in enumerate(units) if unit.text[0] in "#*+-"]  # one pass for both
        headings = [i for i, unit in marked if unit.text.startswith("## ")]
        if len(headings) >= MIN_MULTI_POSTS:
            rated = 0
            for number, index in enumerate(headings):
                stop = headings[number + 1] if number + 1 < len(headings) else len(units)
                section = [u for u in units[index + 1 : stop] if not _MD_LINK_DEFINITION.match(u.text)]
                rated += any(prose.find_rating(u.text) for u in section)
                films.append((_clean_unit(self.doc, units[index]), section))
            if rated >= MIN_MULTI_POSTS:
                return films
            films = []
        linked = 0
        for _, unit in marked:
            if unit.text[0] == "#":
                continue
            match = _BULLET_FILM.match(unit.text) or _BULLET_PLAIN.match(unit.text)
            if match:
                linked += match.re is _BULLET_FILM
                title_start = unit.start + match.start("title")
                text_start = unit.start + match.start("text")
                films.append(
                    (
                        Unit(title_start, title_start + len(match["title"]), match["title"]),
                        [Unit(text_start, unit.end, match["text"])],
                    )
                )
        # Unlinked "* Title (note): text" bullets count only in a list of linked ones.
        return films if linked >= MIN_FRONT_PAGE_POSTS else []

    def _finish_multi(self, posts: list[tuple[Unit, list[Unit]]], units: list[Unit]) -> Page:
        page, article = self.page, self.article
        page.film.title = None
        page.film.year = None
        page.film.field_spans.pop("title", None)
        sections: list[Section] = []
        for title_unit, content in posts:
            title = strip_markdown(title_unit.text)
            date = None
            date_span: Span | None = None
            rating = None
            kept: list[Unit] = []
            for unit in content:
                found = prose.find_rating(unit.text, unit.start)
                if found is not None and rating is None and len(strip_markdown(unit.text)) <= 40:
                    rating = found.rating
                    if found.rating.value is not None:
                        page.scores.append(
                            Score(
                                kind="reviewer",
                                metric="average",
                                value=found.rating.value,
                                scale=found.rating.scale,
                                label=title,
                                span=found.span,
                            )
                        )
                    continue
                if len(unit.text) <= 30 and (parsed := parse_date(unit.text, fallback=False)):
                    date, date_span = parsed, (unit.start, unit.end)
                    continue
                if prose.is_boilerplate(unit.text):
                    self.boilerplate.append((unit.start, unit.end))
                    continue
                kept.append(unit)
            text = _body_text(kept) or None
            end = kept[-1].end if kept else title_unit.end
            start = title_unit.start
            if date_span is not None:
                start, end = min(start, date_span[0]), max(end, date_span[1])
            page.reviews.append(
                Review(
                    kind="blog",
                    text=text,
                    title=title,
                    author=article.author,
                    date=date,
                    rating=rating,
                    span=(start, end),
                )
            )
            sections.append(Section(heading=title, text=text or title, span=(title_unit.start, end)))
        article.sections = sections
        first_post = posts[0][0].start
        intro = [u for u in units if u.end <= first_post and not prose.is_boilerplate(u.text)]
        parts = [_body_text(intro)] if intro else []
        parts.extend(f"{s.heading}\n\n{s.text}" if s.text != s.heading else s.heading or "" for s in sections)
        article.body = "\n\n".join(part for part in parts if part) or None
        article.span = (min(u.start for u in units), max(u.end for u in units)) if units else (0, 0)
        article.boilerplate_spans = sorted(set(self.boilerplate))
        page.article = article
        return page


def _is_logline(text: str) -> bool:
    """One short sentence: "A French actress and a Japanese architect spend a passionate, poetic day..."."""
    clean = collapse(text)
    if not 20 <= len(clean) <= MAX_LOGLINE or not clean.endswith("."):
        return False
    return clean.count(". ") == 0 and "?" not in clean and not clean.startswith(("“", '"'))


def _clean_unit(doc: Document, unit: Unit) -> Unit:
    return Unit(unit.start, unit.end, strip_markdown(unit.text))


def _body_text(units: Sequence[Unit]) -> str:
    """Paragraphs joined by a blank line, Markdown and citation markers removed."""
    return prose.join_paragraphs(prose.paragraphs(units))
