"""Rotten Tomatoes–style aggregator pages: film pages (Tomatometer, reviews, listings) and list pages.

The page is read from its text (for HTML input: the rendering ``Document.text``), one section at a time,
as non-blank rows with their offsets. Layouts seen from 2008 to 2025 differ in how they space and label
things; the tables below list the labels each section knows. Where a modern page keeps a value only in
its markup (the 2021+ score board, the 2022 critic quotes), a small HTML path reads it from the tree and
anchors the span on the rendered text of the same element.
"""

from __future__ import annotations

import json
import logging
import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from operator import itemgetter
from typing import NamedTuple

import attrs

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.parse.dates import day_month_parts, parse_date, parse_day_month, parse_numeric_date
from filmscrape.parse.dialogue import dialogue_quote
from filmscrape.parse.numbers import parse_int, parse_money, parse_runtime, printed_int
from filmscrape.parse.signals import marker_score, page_url
from filmscrape.parse.text import collapse, strip_truncation
from filmscrape.parse.titles import title_and_year
from filmscrape.schema import (
    AlternateTitle,
    Certificate,
    Credit,
    ItemScore,
    Listing,
    ListingItem,
    Page,
    QuoteLine,
    Rating,
    ReleaseDate,
    Review,
    ReviewCount,
    Score,
    ScoreKind,
    Span,
)

logger = logging.getLogger(__name__)

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
CERTAIN = 0.95  # the highest score the text alone can earn: only a rottentomatoes.com/m/ URL says more
_FILM_URL = re.compile(r"rottentomatoes\.com/m/")
_RT_URL = re.compile(r"(?:^|[/.])rottentomatoes\.com/")

# ---------------------------------------------------------------------------------------------------
# Label tables: what the page prints -> what it becomes.

# Rows that start the film's score block; the film header is the last title row before the first one.
SCORE_ANCHORS = ("TOMATOMETER", "tomatometer", "Tomatometer")
SCORE_ANCHOR_PREFIXES = ("Average Rating:", "Reviews Counted:", "Total Count:")
_REVIEWS_RATINGS_ROW = re.compile(r"^\d[\d,]* Reviews(?:\s|$)")  # 2021+: "282 Reviews 250,000+ Ratings"
SCORE_ANCHOR_NEEDLES = ("TOMATOMETER", "omatometer", *SCORE_ANCHOR_PREFIXES, " Reviews")  # one in each

# Score block rows.
SCORE_COUNT_LABELS: dict[str, bool] = {  # label -> whether it marks the audience group
    "Reviews Counted:": False,
    "Critic Reviews:": False,
    "Total Count:": False,
    "User Ratings:": True,
}
AUDIENCE_HEADINGS = frozenset({"AUDIENCE SCORE", "Audience Score", "audience"})
AUDIENCE_PERCENT_NOTES = {"liked it": True, "want to see": False}  # note under a percent -> keep it?
CONSENSUS_LABELS = ("Critics Consensus:", "Critics Consensus", "critics consensus")
CONSENSUS_DEBRIS = (" Read critic reviews", " Read critic review")
NO_CONSENSUS = frozenset({"No consensus yet.", "No consensus yet"})

# "Movie Info" rows: label -> field. Values stand after the label or on the next row.
INFO_LABELS: dict[str, str] = {
    "Rating:": "certificate",
    "Genre:": "genres",
    "Original Language:": "language",
    "Directed By:": "director",
    "Director:": "director",
    "Written By:": "writer",
    "Writer:": "writer",
    "Screenwriter:": "writer",
    "Story:": "writer",
    "Producer:": "producer",
    "Starring:": "cast",
    "In Theaters:": "release",
    "On DVD:": "release",
    "On Disc/Streaming:": "release",
    "Release Date (Theaters):": "release",
    "Release Date (Streaming):": "release",
    "Box Office:": "box_office",
    "Box Office (Gross USA):": "box_office",
    "Runtime:": "runtime",
    "Studio:": "distributor",
    "Production Co:": "company",
    "Aspect Ratio:": "aspect_ratio",
    "Synopsis:": "synopsis",
}
CREDIT_FIELDS: dict[str, str] = {  # INFO_LABELS fields that are credits -> Credit.role
    "director": "director",
    "writer": "writer",
    "producer": "producer",
    "cast": "cast",
    "company": "company",
}
# The 2014 layout prints the distributor as "Paramount Pictures - Official Site" (a link to its site),
# after the labelled rows; on the seed it follows the empty "Box Office:" label.
OFFICIAL_SITE_SUFFIX = " - Official Site"
NOT_A_CERTIFICATE = frozenset({"Unrated", "NR", "Not Rated"})
_MPAA_RUNTIME_ROW = re.compile(r"^(G|PG|PG-13|R|NC-17|NR|Unrated),\s+(\d.*)$")  # 2010: "R,  2 hr. 40 min."
_PARENTHESISED_NOTE = re.compile(r"^(?P<value>[^()]+)\((?P<note>[^()]*)\)$")  # value stripped after
# (?<!\s) before a leading \s+: a long run of spaces is tried from its start only, not from each space.
_RELEASE_KIND = re.compile(r"(?<!\s)\s+(wide|limited|original)$", re.I)
RELEASE_NOTES: dict[str, str] = {  # release labels -> ReleaseDate.note
    "In Theaters:": "In Theaters",
    "Release Date (Theaters):": "In Theaters",
    "On DVD:": "On DVD",
    "On Disc/Streaming:": "On Disc/Streaming",
    "Release Date (Streaming):": "Streaming",
}

# The 2021+ "Cast & Crew" list pairs a name with a job instead of a character.
CREW_JOBS: dict[str, str] = {
    "Director": "director",
    "Writer": "writer",
    "Screenwriter": "writer",
    "Producer": "producer",
    "Executive Producer": "producer",
    "Co-Producer": "producer",
    "Original Music": "composer",
    "Cinematographer": "cinematographer",
    "Film Editor": "editor",
    "Production Design": "production_designer",
    "Art Director": "art_director",
    "Set Decoration": "set_decorator",
    "Costume Designer": "costume_designer",
    "Casting": "casting",
}
CAST_HEADINGS = frozenset({"Cast", "Cast & Crew"})
CAST_END_ROWS = frozenset({"Show More Cast", "Show all Cast & Crew", "View All", "View All Cast"})
SECTION_END_PREFIXES = (
    "Critic Reviews for ",
    "Related News",
    "News & Interviews",
    "News & Features",
    "Audience Reviews for ",
)

# Critic reviews: the region, its filter rows, and the debris around each review's date row.
CRITIC_HEADING_PREFIXES = ("Critic Reviews for ", "Reviews for ")
AUDIENCE_HEADING_PREFIX = "Audience Reviews for "
CRITIC_END_ROWS = frozenset({"More Critic Reviews", "Latest News", "Discussion Forum"})
CRITIC_END_PREFIXES = ("View All Critic Reviews", "Audience Reviews for ", "Latest News for ")
CRITIC_FILTER_PREFIXES = (
    "All Critics (",
    "T-Meter Critics",
    "Top Critics",
    "RT Community",
    "My Critics",
    "My Friends",
    "DVD",
    "Text View",
    "Arrange By:",
)
_PAGE_RANGE = re.compile(r"^\d+ - \d+ \(sorted")  # 2008: "1 - 20 (sorted by date)"
TOP_CRITIC = "Top Critic"
REVIEW_PLACEHOLDERS = frozenset({"N/R", "Click to read the article"})
_REVIEW_DEBRIS = re.compile(  # the lookahead lets the regex engine skip to the alternatives' first characters
    r"(?=[FCR|\d])(?:Full Review(?:…|\.\.\.)?|Comments? \(\d+\)|(?<!\d)(?<!, )\d+ Comments?|Comments?"
    r"|Rating:\s*(?P<rating>\S+)|\|)"
)
_LONG_DATE = re.compile(r"^[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}$")
_SHORT_NUMERIC_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{2}(?:\d{2})?$")
MAX_DATE_ROW = 100  # longer rows are quotes, never a date row or a row of links
_GRADE = re.compile(r"^[A-F][+-]?$")
_SENTENCE_END = ".!?\"”'’…"
MAX_NAME_WORDS = 6
MAX_NAME_LENGTH = 60

# Audience reviews.
AUDIENCE_END_ROWS = frozenset({"View All Audience Reviews", "See all Audience reviews", "Discussion Forum"})
SUPER_REVIEWER = "Super Reviewer"
TRUNCATION_ENDINGS = ("More", "more", "»", "summary")
AUDIENCE_DEBRIS = frozenset({"More", "½", "View All", "Verified"})

# Quotes.
QUOTE_END_ROWS = frozenset({"View All Quotes", "View All", "Discussion Forum", "News & Features"})
QUOTE_END_PREFIXES = ("View All Quotes", "Submit a Quote", "Discussion Forum", "Discuss ")
NO_QUOTES_PREFIX = "There are no"
SUBMITTED_BY = ("– Submitted by", "- Submitted by")
_ALL_CRITICS = re.compile(r"All Critics \((?P<count>\d[\d,]{0,9})\)")
_SPEAKER = re.compile(r"^(?P<speaker>[^:\[\]]{1,60}):(?:\s+(?P<text>\S.*))?$")
_DIRECTION = re.compile(r"^\[(?P<direction>[^\]]{1,120})\]\s*(?P<text>.*)$")

# Listings: "80% Fury $23.7M", "No Score Yet Ouija Oct 24", "1. 99% It Happened One Night (1934) 96",
# "81% 78% Heart Eyes Opened Feb 07, 2025", "Running Scared (1986) 61%"; 2018 browse tiles over
# three rows: "Title" / "84% 91%" / "Available Aug 14".
_ITEM_HEAD = re.compile(
    r"^(?:(?P<rank>\d{1,4})\.\s+)?(?P<score>\d{1,3}%|No Score Yet|--)(?P<gap>\s+)"
    r"(?:(?P<score2>\d{1,3}%|--)\s+)?(?P<rest>\S.*)$"
)
_ITEM_SCORE_LAST = re.compile(
    r"^(?P<title>\S.*?)(?<!\s)\s+\((?P<year>(?:18|19|20)\d{2})\)\s+(?P<score>\d{1,3}%|--)$"
)
_ITEM_GROSS = re.compile(r"(?<!\s)\s+(?P<gross>\$\d[\d,]*(?:\.\d+)?[KMB]?)$")
_ITEM_MONTH_DAY = re.compile(
    r"(?<!\s)\s+(?:(?:Opened|Opens|Re-released|Available|Opening)\s+)?"
    r"(?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}(?:, \d{4})?)$"
)
_ITEM_DATE_TAIL = re.compile(  # _ITEM_MONTH_DAY's date alone: a cheap test on the row's last characters
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2}(?:, \d{4})?$"
)
MAX_ITEM_DATE = 20  # "September 30, 2024" and the like: _ITEM_DATE_TAIL never matches more
_ITEM_DAY_MONTH = re.compile(r"(?<!\s)\s+(?P<date>\d{1,2}/\d{1,2})$")
_ITEM_NO_DATE = re.compile(r"(?<!\s)\s+[—–]$")
_ITEM_YEAR_COUNT = re.compile(r"(?<!\s)\s+\((?P<year>(?:18|19|20)\d{2})\)(?:\s+\d+)?$")  # ranked tables
_TILE_SCORES = re.compile(r"^(?P<score>\d{1,3}%)(?: (?P<score2>\d{1,3}%))?$")
_TILE_AVAILABLE = re.compile(r"^Available (?P<date>\S.*)$")
LISTING_BREAK_ROWS = frozenset({"View All", "Show More", "More", "More…", "View All Results", "See Details"})
LISTING_FILLER_ROWS = frozenset({"Watchlist", "Ad"})
NOT_HEADING_PREFIXES = ("Rank ", "Sorted by", "Reset Filters", "No results", "Sort ", "#", "Showing ")
MAX_FILLER_ROWS = 8
AUDIENCE_ONLY_GAP = 6  # 2025 tiles: a lone score that stands far from the title is the critics' one

_DIGIT = re.compile(r"\d")
_PERCENT_ROW = re.compile(r"^(\d{1,3})\s?%$")
_BARE_NUMBER_ROW = re.compile(r"^(\d{1,3})$")
_AVERAGE = re.compile(r"Average Rating:\s*(?:(?P<value>\d+(?:\.\d+)?)\s*/\s*(?P<scale>\d+)|N/A)")
_FRESH = re.compile(r"Fresh:\s*(\d[\d,]*)")
_ROTTEN = re.compile(r"Rotten:\s*(\d[\d,]*)")
_YEAR_ROW = re.compile(r"^(?P<year>(?:18|19|20)\d{2})(?:,|$)")
_YEAR_INFO_ROW = re.compile(r"^(?P<year>(?:18|19|20)\d{2}), ")
NOT_TITLES = frozenset({"Add Article", "View All", "More"})
_TRAILING_ALT_TITLE = re.compile(r"^(?P<title>.+?)(?<!\s)\s+\((?P<alt>[^()]+)\)$")


class Row(NamedTuple):
    """A non-blank line: its stripped text and the span of that text."""

    start: int
    end: int
    text: str
    line: int  # index into Document.lines


_new_row = tuple.__new__  # Row(...) without the NamedTuple's Python-level __new__: a page has hundreds


class ItemEntry(NamedTuple):
    """A listing item with the rows it was read from and its layout, for grouping into sections."""

    first: int
    last: int
    item: ListingItem
    kind: str
    two_scores: bool = False
    lone_gap: int = 0  # spaces after a single score: where the other score of a pair is missing


class ReviewDate(NamedTuple):
    """What the date row of a critic review holds besides its debris."""

    date: str | None
    rating: Rating | None


@attrs.define
class ScoreGroup:
    """The rows of one score (all critics, top critics or audience) while they are read."""

    first: Row
    last: Row
    percent: int | None = None
    percent_row: Row | None = None
    average: float | None = None
    scale: float | None = None
    average_seen: bool = False
    count: int | None = None
    fresh: int | None = None
    rotten: int | None = None
    fresh_rows: list[Row] = attrs.Factory(list)
    audience: bool = False
    liked: bool = False


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
        score = 0.6 if _SITE_TITLE.search(doc.head(400)) else 0.0
        score += marker_score(doc.text, DETECT_MARKERS, enough=None if url else CERTAIN - score)
        if url:
            score *= 0.3  # the page says it lives on another site
        return min(score, CERTAIN)

    def extract(self, doc: Document) -> Page:
        page = self.new_page(doc)
        reader = PageReader(doc, page)
        reader.read()
        _read_review_counts(doc, page)
        return page


def _read_review_counts(doc: Document, page: Page) -> None:
    """The review tabs' counts: "All Critics (26) | Top Critics (6) | ..." (2008-2014 layouts)."""
    if "All Critics (" not in doc.text:
        return
    match = _ALL_CRITICS.search(doc.text)
    if match is not None:
        count = printed_int(match["count"])
        page.review_counts.append(ReviewCount(kind="critic", count=count, span=match.span()))


class PageReader:
    """Reads one page section by section; each ``_read_*`` method fills one part of the Page."""

    def __init__(self, doc: Document, page: Page) -> None:
        self.doc = doc
        self.page = page
        self.rows = _rows(doc)
        self.header: int | None = None  # index in rows of the film's title row
        self.film_end = 0  # rows [header, film_end) are the film's own sections

    def read(self) -> None:
        rows = self.rows
        anchor = self._score_anchor()
        self.header = _find_header(rows, anchor)
        if self.header is not None:
            self._read_header(self.header)
            critic_start = self._find_containing("Reviews for ", self.header, _is_critic_heading)
            audience_start = self._find_containing(AUDIENCE_HEADING_PREFIX, self.header, _is_audience_heading)
            quotes_start = self._find_containing(" Quotes", self.header, self._is_quotes_heading)
            body_end = min(
                i for i in (critic_start, audience_start, quotes_start, len(rows)) if i is not None
            )
            self._read_scores(self.header + 1, body_end)
            self._read_consensus(self.header + 1, body_end)
            self._read_info(self.header + 1, body_end)
            self._read_cast(self.header + 1, body_end)
            self.film_end = body_end
            if critic_start is not None:
                self.film_end = max(self.film_end, self._read_critic_reviews(critic_start))
            if audience_start is not None:
                self.film_end = max(self.film_end, self._read_audience_reviews(audience_start))
            if quotes_start is not None:
                self.film_end = max(self.film_end, self._read_quotes(quotes_start))
            self._read_html_extras()
        self._read_listings()

    # -- film header ------------------------------------------------------------------------------

    def _read_header(self, index: int) -> None:
        """``Title (Alternate Title) (1959)``, or a title row over ``1994`` / ``2006, Crime, 2h 32m``."""
        film = self.page.film
        row = self.rows[index]
        found = title_and_year(row.text)
        if found is not None:
            title, year, (start, end) = found
            title_span = (row.start + start, row.start + end)
            year_at = row.text.rfind(str(year))
            year_span = (row.start + year_at, row.start + year_at + 4)
        else:
            title = row.text
            title_span = (row.start, row.end)
            year_row = self.rows[index + 1]
            year_match = _YEAR_ROW.match(year_row.text)
            if year_match is None:
                return
            year = int(year_match["year"])
            year_span = (year_row.start, year_row.start + 4)
        alternate = _TRAILING_ALT_TITLE.match(title)
        if alternate is not None and not alternate["alt"].isdigit():
            alt_start = title_span[0] + alternate.start("alt")
            alt_text = alternate["alt"].strip()
            film.alternate_titles.append(
                AlternateTitle(title=alt_text, span=(alt_start, alt_start + len(alt_text)))
            )
            title = alternate["title"].strip()
            title_span = (title_span[0], title_span[0] + len(title))
        film.title = title
        film.year = year
        film.field_spans["title"] = title_span
        film.field_spans["year"] = year_span

    def _score_anchor(self) -> int | None:
        """The first row of the score block: "Tomatometer", "Average Rating:", "282 Reviews", ..."""
        found = [
            index
            for needle in SCORE_ANCHOR_NEEDLES
            if (index := self._find_containing(needle, 0, _is_score_anchor)) is not None
        ]
        return min(found, default=None)

    def _find_containing(self, needle: str, start: int, test: Callable[[str], bool]) -> int | None:
        """The index of the first row from ``start`` on that passes ``test``, looking only at rows that
        contain ``needle`` (found by ``str.find`` over the text: no Python test for every row)."""
        rows = self.rows
        if start >= len(rows):
            return None
        text = self.doc.text
        at = text.find(needle, rows[start].start)
        while at >= 0:
            index = bisect_right(rows, at, lo=start, key=_row_start) - 1
            if test(rows[index].text):
                return index
            at = text.find(needle, at + 1)
        return None

    def _is_quotes_heading(self, text: str) -> bool:
        title = self.page.film.title
        return bool(title) and text.endswith(" Quotes") and text.startswith(title or "")

    # -- scores -----------------------------------------------------------------------------------

    def _read_scores(self, start: int, end: int) -> None:
        """The Tomatometer block: all critics, top critics and audience, in that order on every layout."""
        groups = _score_groups(self.rows[start:end])
        critic_kinds: list[ScoreKind] = ["critics", "top_critics"]
        for group in groups:
            if group.audience:
                self.page.scores.extend(_audience_scores(group))
            elif critic_kinds:
                self.page.scores.extend(_critic_scores(group, critic_kinds.pop(0)))

    def _read_consensus(self, start: int, end: int) -> None:
        """``Critics Consensus: ...`` on the row, or under a ``Critics Consensus`` heading row."""
        rows = self.rows
        for index in range(start, end):
            text = rows[index].text
            if not text.startswith(CONSENSUS_LABELS):
                continue
            row = rows[index]
            if text.startswith("Critics Consensus:") and len(text) > len("Critics Consensus:"):
                value_start = row.start + len("Critics Consensus:")
                span = self.doc.trimmed(value_start, row.end)
            elif text in CONSENSUS_LABELS[1:] and index + 1 < end:
                span = (rows[index + 1].start, rows[index + 1].end)
            else:
                continue
            value = self.doc.text[span[0] : span[1]]
            for debris in CONSENSUS_DEBRIS:
                if value.endswith(debris):
                    value = value[: -len(debris)]
                    span = (span[0], span[0] + len(value))
            value = collapse(value)
            if value and value not in NO_CONSENSUS:
                self.page.film.consensus = value
                self.page.film.field_spans["consensus"] = span
            return  # the first consensus is the film's (the top critics' block repeats it)

    # -- movie info -------------------------------------------------------------------------------

    def _read_info(self, start: int, end: int) -> None:
        """Synopsis, genres, rating, credits, dates, runtime, box office and distributor."""
        rows = self.rows
        info_at = _find_row(rows, start, lambda t: t == "Movie Info", end)
        if info_at is not None and info_at + 1 < end:
            self._read_unlabelled_info(info_at + 1, end)
        index = start
        while index < end:
            row = rows[index]
            label = _info_label(row.text)
            if label is None:
                if row.text.endswith(OFFICIAL_SITE_SUFFIX) and self.page.film.distributor is None:
                    self._set_distributor(row.start, row.end - len(OFFICIAL_SITE_SUFFIX))
                index += 1
                continue
            value_span: Span | None = None
            rest_start = row.start + len(label)
            if rest_start < row.end:
                value_span = self.doc.trimmed(rest_start, row.end)
                index += 1
            elif index + 1 < end and _info_label(rows[index + 1].text) is None:
                value_span = (rows[index + 1].start, rows[index + 1].end)
                index += 2
            else:
                index += 1
            if value_span is not None and value_span[0] < value_span[1]:
                self._set_info(INFO_LABELS[label], label, value_span)

    def _read_unlabelled_info(self, index: int, end: int) -> None:
        """After "Movie Info": the synopsis, then (2010) "R, 2 hr. 40 min." and (seed, 2010) the genres."""
        rows = self.rows
        first = rows[index]
        if _info_label(first.text) is None and len(first.text) > MAX_NAME_LENGTH:
            self._set_info("synopsis", "", (first.start, first.end))
            index += 1
        while index < end and _info_label(rows[index].text) is None:
            row = rows[index]
            mpaa = _MPAA_RUNTIME_ROW.match(row.text)
            if mpaa is not None:
                self._set_info("certificate", "", (row.start, row.start + len(mpaa.group(1))))
                self._set_info("runtime", "", (row.start + mpaa.start(2), row.end))
            elif _looks_like_genres(row.text) and not self.page.film.genres:
                self._set_info("genres", "", (row.start, row.end))
            else:
                break
            index += 1

    def _set_info(self, field: str, label: str, span: Span) -> None:
        film = self.page.film
        value = collapse(self.doc.text[span[0] : span[1]])
        if not value:
            return
        if field == "synopsis":
            if film.synopsis is None:
                text, truncated = _strip_truncation(value)
                if text.endswith("[More]"):
                    text, truncated = text[: -len("[More]")].rstrip(), True
                film.synopsis = text or None
                film.synopsis_truncated = truncated
                film.field_spans["synopsis"] = span
        elif field == "genres":
            if not film.genres:
                film.genres = [part for part in (collapse(p) for p in value.split(",")) if part]
        elif field == "language":
            film.languages = [part for part in (collapse(p) for p in value.split(",")) if part]
        elif field == "certificate":
            self._set_certificate(value, span)
        elif field in CREDIT_FIELDS:
            self._add_name_credits(value, span, CREDIT_FIELDS[field], label.rstrip(":") or None)
        elif field == "release":
            self._add_release(value, span, RELEASE_NOTES.get(label, label.rstrip(":")))
        elif field == "runtime":
            minutes = parse_runtime(value)
            if minutes and film.runtime_minutes is None:
                film.runtime_minutes = minutes
                film.field_spans["runtime_minutes"] = span
        elif field == "box_office":
            amount = parse_money(value) if "$" in value else None
            if amount is not None:
                film.box_office = amount
                film.field_spans["box_office"] = span
            elif value.endswith(OFFICIAL_SITE_SUFFIX.strip()) and film.distributor is None:
                # The Box Office value was a link and is gone; this row is the studio's own line.
                self._set_distributor(span[0], span[1] - len(OFFICIAL_SITE_SUFFIX))
        elif field == "distributor":
            if film.distributor is None:
                self._set_distributor(span[0], span[1])
        elif field == "aspect_ratio":
            film.aspect_ratio = value
            film.field_spans["aspect_ratio"] = span

    def _set_distributor(self, start: int, end: int) -> None:
        start, end = self.doc.trimmed(start, end)
        value = collapse(self.doc.text[start:end])
        if value:
            self.page.film.distributor = value
            self.page.film.field_spans["distributor"] = (start, end)

    def _set_certificate(self, value: str, span: Span) -> None:
        """``R (for violence)`` -> rating "R", note "for violence"; the region of an MPAA rating is USA."""
        note: str | None = None
        match = _PARENTHESISED_NOTE.match(value)
        if match is not None:
            value, note = match["value"].strip(), collapse(match["note"]) or None
        value = value.rstrip(",").strip()
        if not value or value in NOT_A_CERTIFICATE or self.page.film.certificates:
            return
        self.page.film.certificates.append(Certificate(region="USA", rating=value, note=note, span=span))

    def _add_release(self, value: str, span: Span, label: str) -> None:
        """``Jul 25, 1997 Wide`` under "In Theaters:" -> 1997-07-25, note "In Theaters (wide)"."""
        note = label
        kind = _RELEASE_KIND.search(value)
        if kind is not None:
            value = value[: kind.start()]
            note = f"{label} ({kind.group(1).lower()})"
        iso = parse_date(value, fallback=False)
        if iso is None:
            return
        self.page.film.release_dates.append(ReleaseDate(date=iso, date_text=value, note=note, span=span))

    def _add_name_credits(self, value: str, span: Span, role: str, department: str | None) -> None:
        """``Oliver Blackburn  ,  Olly Blackburn`` -> one credit each, spanning its own name."""
        text = self.doc.text
        position = span[0]
        for part in value.split(","):
            name = collapse(part)
            if not name or len(name) > MAX_NAME_LENGTH:
                continue
            at = text.find(name, position, span[1])
            name_span = (at, at + len(name)) if at >= 0 else span
            position = name_span[1] if at >= 0 else position
            self._add_credit(Credit(name=name, role=role, department=department, span=name_span))

    def _add_credit(self, credit: Credit) -> None:
        for known in self.page.credits:
            if known.name == credit.name and known.role == credit.role:
                if known.character is None and credit.character is not None:
                    known.character = credit.character
                return
        self.page.credits.append(credit)

    # -- cast -------------------------------------------------------------------------------------

    def _read_cast(self, start: int, end: int) -> None:
        """``Name`` / ``as Character`` pairs (2014, 2019), plain pairs (2010), name/job pairs (2021+)."""
        rows = self.rows
        heading = _find_row(rows, start, lambda t: t in CAST_HEADINGS, end)
        if heading is None:
            return
        stop = heading + 1
        while stop < end and not _ends_cast(rows[stop].text):
            stop += 1
        region = rows[heading + 1 : stop]
        with_as = any(row.text.startswith("as ") for row in region)
        index = 0
        while index < len(region):
            row = region[index]
            following = region[index + 1] if index + 1 < len(region) else None
            if with_as:
                character = None
                last = row
                if following is not None and following.text.startswith("as "):
                    character = collapse(following.text[3:]) or None
                    last = following
                    index += 1
                self._add_credit(
                    Credit(name=row.text, role="cast", character=character, span=(row.start, last.end))
                )
            elif following is not None:
                job_role = CREW_JOBS.get(following.text)
                span = (row.start, following.end)
                if job_role is not None:
                    credit = Credit(name=row.text, role=job_role, job=following.text, span=span)
                else:
                    credit = Credit(name=row.text, role="cast", character=following.text, span=span)
                self._add_credit(credit)
                index += 1
            else:
                self._add_credit(Credit(name=row.text, role="cast", span=(row.start, row.end)))
            index += 1

    # -- critic reviews ---------------------------------------------------------------------------

    def _read_critic_reviews(self, heading: int) -> int:
        """Quote, date row (with "Full Review…", "Rating: 3/4"), then critic, publication, "Top Critic".

        Returns the index of the row after the region.
        """
        rows = self.rows
        start = heading + 1
        while start < len(rows) and _is_critic_filter(rows[start].text):
            start += 1
        anchors: list[tuple[int, ReviewDate]] = []
        debris: set[int] = set()
        end = start
        while end < len(rows):
            text = rows[end].text
            if anchors and _ends_critic_region(text):
                break
            if not anchors and text.startswith(("Audience Reviews for ", "There are no critic reviews")):
                break
            if len(text) <= MAX_DATE_ROW:
                rest, rating_text = _without_debris(text)
                if not rest:
                    debris.add(end)  # a row of links only: "Full Review | Comment" (2008)
                elif (parsed := _review_date(rest, rating_text)) is not None:
                    anchors.append((end, parsed))
            end += 1
        if not anchors:
            return end
        prints_top_critic = any(rows[i].text == TOP_CRITIC for i in range(start, end))
        compact = any(
            rows[i + 1].line == rows[i].line + 1 for i, _ in anchors if i + 1 < end
        )  # text dumps keep a review's rows together, separated from the next by a blank line
        bounds = [start, *(i for i, _ in anchors), end]
        text_rows = self._gap_rows(bounds[0], bounds[1], debris)
        texts = text_rows[-1:] if text_rows else []  # before the first review: filters, then its quote
        for number, (anchor, parsed) in enumerate(anchors):
            gap = self._gap_rows(anchor + 1, bounds[number + 2], debris)
            tail = _review_tail(gap, rows[anchor], compact)
            next_texts = gap[len(tail) :]
            self.page.reviews.append(
                self._critic_review(texts, rows[anchor], parsed, tail, prints_top_critic)
            )
            texts = next_texts
        return end

    def _gap_rows(self, start: int, end: int, debris: set[int]) -> list[Row]:
        return [self.rows[i] for i in range(start, end) if i not in debris]

    def _critic_review(
        self, texts: list[Row], anchor: Row, parsed: ReviewDate, tail: list[Row], prints_top_critic: bool
    ) -> Review:
        names = [row for row in tail if row.text != TOP_CRITIC]
        critic = names[0].text if len(names) >= 2 else None
        publication = names[-1].text if names else None
        kept = [row for row in texts if row.text not in REVIEW_PLACEHOLDERS]
        text = "\n\n".join(row.text for row in kept) or None
        first = texts[0] if texts else anchor
        last = tail[-1] if tail else anchor
        top_critic: bool | None = None
        if prints_top_critic:
            top_critic = any(row.text == TOP_CRITIC for row in tail)
        return Review(
            kind="critic",
            text=text,
            author=critic,
            publication=publication,
            date=parsed.date,
            top_critic=top_critic,
            rating=parsed.rating,
            span=(first.start, last.end),
        )

    # -- audience reviews -------------------------------------------------------------------------

    def _read_audience_reviews(self, heading: int) -> int:
        """Reviews end at their author's "Super Reviewer" badge; text and date come before it."""
        rows = self.rows
        end = heading + 1
        while end < len(rows):
            text = rows[end].text
            if text in AUDIENCE_END_ROWS or self._is_quotes_heading(text) or _is_critic_heading(text):
                break
            end += 1
        segment: list[Row] = []
        for index in range(heading + 1, end):
            row = rows[index]
            if row.text == SUPER_REVIEWER or row.text.endswith(" " + SUPER_REVIEWER):
                review = _audience_review(segment, row)
                if review is not None:
                    self.page.reviews.append(review)
                segment = []
            elif row.text not in AUDIENCE_DEBRIS:
                segment.append(row)
        return end

    # -- quotes -----------------------------------------------------------------------------------

    def _read_quotes(self, heading: int) -> int:
        """Dialogue: ``Speaker:`` rows with their lines, closed by "– Submitted by" (or one per row)."""
        rows = self.rows
        start = heading + 1
        if start < len(rows) and rows[start].text == "View All":  # 2010 puts the link under the heading
            start += 1
        end = start
        while end < len(rows):
            text = rows[end].text
            if text in QUOTE_END_ROWS or text.startswith(QUOTE_END_PREFIXES):
                break
            end += 1
        region = [row for row in rows[start:end] if not row.text.startswith(NO_QUOTES_PREFIX)]
        if any(row.text.startswith(SUBMITTED_BY) for row in region):
            group: list[Row] = []
            for row in region:
                if row.text.startswith(SUBMITTED_BY):
                    self._add_quote(group)
                    group = []
                else:
                    group.append(row)
            return end
        for row in region:  # 2019+: one "Speaker:  line" per row, up to the first row that is not one
            match = _SPEAKER.match(row.text)
            if match is None or not match["text"]:
                break
            self._add_quote([row])
        return end

    def _add_quote(self, group: list[Row]) -> None:
        lines: list[QuoteLine] = []
        speaker: str | None = None
        for row in group:
            match = _SPEAKER.match(row.text)
            if match is not None and len(match["speaker"].split()) <= MAX_NAME_WORDS:
                speaker = match["speaker"].strip()
                if match["text"]:
                    lines.append(_quote_line(speaker, match["text"]))
                    speaker = None
            else:
                lines.append(_quote_line(speaker, row.text))
                speaker = None
        if not lines:
            return
        self.page.quotes.append(dialogue_quote(lines, (group[0].start, group[-1].end)))

    # -- HTML-only values -------------------------------------------------------------------------

    def _read_html_extras(self) -> None:
        """The 2021+ score board and the 2022 critic quotes live in markup, not in the rendered text."""
        tree = self.doc.tree
        if tree is None:
            return
        if not self.page.scores:
            node = tree.css_first("script#score-details-json")
            if node is not None:
                self._read_score_details(node.text(deep=True))
        if not any(review.kind == "critic" for review in self.page.reviews):
            self._read_review_bubbles()

    def _read_score_details(self, raw: str) -> None:
        try:
            data = json.loads(raw)
        except ValueError:
            self.page.warnings.append("score details JSON could not be read")
            return
        modal = data.get("modal") if isinstance(data, dict) else None
        if not isinstance(modal, dict):
            return
        counts_row = _find_row(self.rows, self.header or 0, lambda t: bool(_REVIEWS_RATINGS_ROW.match(t)))
        anchor = self.rows[counts_row] if counts_row is not None else self.rows[self.header or 0]
        critics_span = _prefix_span(anchor, " Reviews")
        audience_span = _suffix_span(anchor, " Ratings")
        critic_keys: tuple[tuple[str, ScoreKind], ...] = (
            ("tomatometerScoreAll", "critics"),
            ("tomatometerScoreTop", "top_critics"),
        )
        for key, kind in critic_keys:
            self.page.scores.extend(_json_scores(modal.get(key), kind, 10, critics_span))
        self.page.scores.extend(_json_scores(modal.get("audienceScoreAll"), "audience", 5, audience_span))

    def _read_review_bubbles(self) -> None:
        """2022: ``<critic-review-bubble reviewquote=.. createdate=.. istopcritic=.. originalscore=..>``."""
        tree = self.doc.tree
        if tree is None:
            return
        bubbles = tree.css("critic-review-bubble")
        if not bubbles:
            return
        position = 0
        text = self.doc.text
        for bubble in bubbles:
            attributes = bubble.attributes
            critic_node = bubble.css_first('[slot="critic-link"]')
            source_node = bubble.css_first('[slot="publication-link"]')
            critic = collapse(critic_node.text(deep=True)) if critic_node is not None else ""
            publication = collapse(source_node.text(deep=True)) if source_node is not None else ""
            found = text.find("Full Review", position)
            if found < 0:
                break
            span_end = found + len("Full Review")
            for name in (critic, publication):
                # Near the link only: a name missing from the text must not send every bubble to the end.
                at = text.find(name, span_end, span_end + 2 * MAX_NAME_LENGTH + len(name)) if name else -1
                if at >= 0 and at - span_end < 2 * MAX_NAME_LENGTH:
                    span_end = at + len(name)
            position = span_end
            quote = collapse(attributes.get("reviewquote") or "")
            self.page.reviews.append(
                Review(
                    kind="critic",
                    text=quote or None,
                    author=critic or None,
                    publication=publication or None,
                    date=parse_date(attributes.get("createdate") or "", fallback=False),
                    top_critic=attributes.get("istopcritic") == "true",
                    rating=_original_score(attributes.get("originalscore") or ""),
                    origin="markup",
                    span=(found, span_end),
                )
            )

    # -- listings ---------------------------------------------------------------------------------

    def _read_listings(self) -> None:
        """Runs of scored items outside the film's own sections; the heading row before each run names it."""
        rows = self.rows
        skip_from = self.header if self.header is not None else len(rows)
        found = [entry for entry in _listing_items(rows) if not skip_from <= entry.first < self.film_end]
        _resolve_day_month([entry.item for entry in found])
        page_title = _page_title(rows) if self.header is None else None
        run: list[ItemEntry] = []
        for entry in found:
            if run and not self._continues(run[-1], entry):
                self._add_listing(run, page_title)
                run = []
            run.append(entry)
        if run:
            self._add_listing(run, page_title)

    def _continues(self, previous: ItemEntry, entry: ItemEntry) -> bool:
        if previous.kind != entry.kind or entry.first - previous.last - 1 > MAX_FILLER_ROWS:
            return False
        if entry.first == previous.last + 1:
            return True
        return not any(_breaks_listing(self.rows[i].text) for i in range(previous.last + 1, entry.first))

    def _add_listing(self, run: list[ItemEntry], page_title: str | None) -> None:
        first = run[0].first
        section: str | None = None
        if first > 0 and _is_heading(self.rows[first - 1].text):
            section = self.rows[first - 1].text
        elif page_title is not None:
            section = page_title
        if any(entry.two_scores for entry in run):
            _mark_audience_only(run)
        start = self.rows[first].start
        end = self.rows[run[-1].last].end
        items = [entry.item for entry in run]
        self.page.listings.append(Listing(section=section, items=items, span=(start, end)))


# ---------------------------------------------------------------------------------------------------
# Rows and regions


def _rows(doc: Document) -> list[Row]:
    """Every non-blank line, stripped, with the span of its text (one pass over the text)."""
    rows: list[Row] = []
    append = rows.append
    offset = 0
    for number, raw in enumerate(doc.text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = offset if stripped is raw else offset + raw.index(stripped[0])  # `is`: nothing stripped
            append(_new_row(Row, (start, start + len(stripped), stripped, number)))
        offset += len(raw) + 1
    return rows


_row_start = itemgetter(0)


def _find_row(rows: Sequence[Row], start: int, test: object, end: int | None = None) -> int | None:
    """The index of the first row in ``rows[start:end]`` whose text passes ``test``."""
    assert callable(test)
    for index in range(start, len(rows) if end is None else min(end, len(rows))):
        if test(rows[index].text):
            return index
    return None


def _is_score_anchor(text: str) -> bool:
    return (
        text in SCORE_ANCHORS
        or text.startswith(SCORE_ANCHOR_PREFIXES)
        or bool(_REVIEWS_RATINGS_ROW.match(text))
    )


def _find_header(rows: Sequence[Row], anchor: int | None) -> int | None:
    """The last ``Title (YYYY)`` row before the score block, else the last row followed by a year row."""
    if anchor is None:
        return None
    low = max(0, anchor - 40)
    for index in range(anchor - 1, low - 1, -1):
        text = rows[index].text
        found = title_and_year(text)
        if found is not None and text.rstrip().endswith(")") and not text[0].isdigit():
            return index
    for pattern in (_YEAR_INFO_ROW, _YEAR_ROW):  # "2017, Horror, 1h 42m" first: a title may be "1922"
        for index in range(anchor - 1, low - 1, -1):
            text = rows[index].text
            if index + 1 >= len(rows) or text in NOT_TITLES or not pattern.match(rows[index + 1].text):
                continue
            if pattern is _YEAR_INFO_ROW or not _YEAR_ROW.match(text):
                return index
    return None


def _page_title(rows: Sequence[Row]) -> str | None:
    """A list page's own name: its first row, "Top 100 Classics Movies - Rotten Tomatoes", sans the site."""
    if not rows:
        return None
    match = _SITE_TITLE.search(rows[0].text)
    if match is None:
        return None
    return collapse(rows[0].text[: match.start()]) or None


def _is_critic_heading(text: str) -> bool:
    return text.startswith(CRITIC_HEADING_PREFIXES)


def _is_audience_heading(text: str) -> bool:
    return text.startswith(AUDIENCE_HEADING_PREFIX)


def _is_critic_filter(text: str) -> bool:
    return text.startswith(CRITIC_FILTER_PREFIXES) or bool(_PAGE_RANGE.match(text)) or text == "|"


def _ends_critic_region(text: str) -> bool:
    return text in CRITIC_END_ROWS or text.startswith(CRITIC_END_PREFIXES) or bool(_PAGE_RANGE.match(text))


def _ends_cast(text: str) -> bool:
    return text in CAST_END_ROWS or text.startswith(SECTION_END_PREFIXES)


def _info_label(text: str) -> str | None:
    """The INFO_LABELS label ``text`` starts with, or None (a cheap colon check first)."""
    colon = text.find(":")
    if colon < 0:
        return None
    label = text[: colon + 1]
    return label if label in INFO_LABELS else None


def _looks_like_genres(text: str) -> bool:
    """``Drama , Romance``: short comma-separated capitalised words, no digits."""
    if len(text) > 120 or any(char.isdigit() for char in text):
        return False
    parts = [collapse(part) for part in text.split(",")]
    return all(part and part[0].isupper() and len(part.split()) <= 5 for part in parts)


def _name_like(text: str) -> bool:
    """A critic's or publication's name: short, few words, not a sentence."""
    return (
        len(text) <= MAX_NAME_LENGTH
        and len(text.split()) <= MAX_NAME_WORDS
        and text[-1] not in _SENTENCE_END
        and (not text[0].islower() or " " not in text)  # "eFilmCritic.com"
    )


# ---------------------------------------------------------------------------------------------------
# Scores


def _score_groups(rows: Sequence[Row]) -> list[ScoreGroup]:
    """Split the score block into groups: a new group starts where a value repeats."""
    groups: list[ScoreGroup] = []
    current: ScoreGroup | None = None
    audience_next = False

    def start_group(row: Row) -> ScoreGroup:
        nonlocal audience_next
        group = ScoreGroup(first=row, last=row, audience=audience_next)
        audience_next = False
        groups.append(group)
        return group

    for position, row in enumerate(rows):
        text = row.text
        following = rows[position + 1].text if position + 1 < len(rows) else ""
        percent = _PERCENT_ROW.match(text)
        if percent is None and following.startswith(("Average Rating:", "liked it", "want to see")):
            percent = _BARE_NUMBER_ROW.match(text)  # 2010 prints "95" without the sign
        if percent is not None:
            if (
                current is None
                or current.percent is not None
                or current.count is not None
                or current.average_seen
            ):
                current = start_group(row)
            current.percent = int(percent.group(1))
            current.percent_row = row
            current.last = row
        elif text.startswith("Average Rating:"):
            if current is None or current.average_seen:
                current = start_group(row)
            average = _AVERAGE.search(text)
            current.average_seen = True
            if average is not None and average["value"] is not None:
                current.average, current.scale = float(average["value"]), float(average["scale"])
                if current.scale == 5:
                    current.audience = True
            current.last = row
        elif (label := _count_label(text)) is not None:
            if current is None or current.count is not None:
                current = start_group(row)
            current.count = parse_int(text[len(label) :])
            current.audience = current.audience or SCORE_COUNT_LABELS[label]
            current.last = row
        elif "Fresh:" in text or "Rotten:" in text:
            if current is None:
                current = start_group(row)
            fresh, rotten = _FRESH.search(text), _ROTTEN.search(text)
            if fresh is not None:
                current.fresh = parse_int(fresh.group(1))
            if rotten is not None:
                current.rotten = parse_int(rotten.group(1))
            current.fresh_rows.append(row)
            current.last = row
        elif text in AUDIENCE_HEADINGS:
            if (
                current is not None
                and current.percent is not None
                and current.count is None
                and not current.average_seen
            ):
                current.audience = True  # 2019: "98%" then "Audience Score"
            else:
                audience_next = True
        elif text in AUDIENCE_PERCENT_NOTES and current is not None:
            current.audience = True
            if AUDIENCE_PERCENT_NOTES[text]:
                current.liked = True
            else:
                current.percent, current.percent_row = None, None  # "want to see" is not a score
    return groups


def _count_label(text: str) -> str | None:
    for label in SCORE_COUNT_LABELS:
        if text.startswith(label):
            return label
    return None


def _critic_scores(group: ScoreGroup, kind: ScoreKind) -> Iterator[Score]:
    span = (group.first.start, group.last.end)
    if group.average_seen:
        yield Score(
            kind=kind,
            metric="average",
            value=group.average,
            scale=group.scale,
            count=group.count,
            positive=group.fresh,
            negative=group.rotten,
            label="Average Rating",
            origin="markup",
            span=span,
        )
    if group.percent is not None:
        yield Score(
            kind=kind,
            metric="percent_positive",
            value=group.percent,
            scale=100,
            count=group.count,
            positive=group.fresh,
            negative=group.rotten,
            label="Tomatometer",
            span=span,
        )
    elif group.fresh is not None and group.rotten is not None and group.fresh + group.rotten > 0:
        rows = group.fresh_rows
        yield Score(
            kind=kind,
            metric="percent_positive",
            value=round(100 * group.fresh / (group.fresh + group.rotten)),
            scale=100,
            count=group.count,
            positive=group.fresh,
            negative=group.rotten,
            derived=True,
            label="Tomatometer",
            span=(rows[0].start, rows[-1].end),
        )


def _audience_scores(group: ScoreGroup) -> Iterator[Score]:
    span = (group.first.start, group.last.end)
    if group.average_seen:
        yield Score(
            kind="audience",
            metric="average",
            value=group.average,
            scale=group.scale,
            count=group.count,
            label="Average Rating",
            origin="markup",
            span=span,
        )
    if group.percent is not None:
        yield Score(
            kind="audience",
            metric="percent_positive",
            value=group.percent,
            scale=100,
            count=group.count,
            label="liked it" if group.liked else "Audience Score",
            span=span,
        )


def _json_number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return value
    if isinstance(value, str):
        try:
            return float(value.replace(",", ""))
        except ValueError:
            return None
    return None


def _json_int(value: object) -> int | None:
    number = _json_number(value)
    return int(number) if number is not None else None


def _json_scores(data: object, kind: ScoreKind, scale: int, span: Span) -> Iterator[Score]:
    """One score-details entry (``{"score": "90", "averageRating": "8.30", ...}``) as Score records."""
    if not isinstance(data, dict):
        return
    count = _json_int(data.get("ratingCount"))
    positive = _json_int(data.get("likedCount"))
    negative = _json_int(data.get("notLikedCount"))
    average = _json_number(data.get("averageRating"))
    if average is not None:
        yield Score(
            kind=kind,
            metric="average",
            value=average,
            scale=float(scale),
            count=count,
            positive=positive if kind != "audience" else None,
            negative=negative if kind != "audience" else None,
            label="Average Rating",
            origin="markup",
            span=span,
        )
    percent = _json_int(data.get("score"))
    if percent is not None:
        yield Score(
            kind=kind,
            metric="percent_positive",
            value=percent,
            scale=100,
            count=count,
            positive=positive,
            negative=negative,
            label="Audience Score" if kind == "audience" else "Tomatometer",
            origin="markup",
            span=span,
        )


def _prefix_span(row: Row, marker: str) -> Span:
    """The span of ``row`` up to and including ``marker`` ("282 Reviews"), else the whole row."""
    at = row.text.find(marker)
    return (row.start, row.start + at + len(marker)) if at > 0 else (row.start, row.end)


def _suffix_span(row: Row, marker: str) -> Span:
    """The span of the word before ``marker`` through it ("250,000+ Ratings"), else the whole row."""
    at = row.text.find(marker)
    if at <= 0:
        return (row.start, row.end)
    begin = row.text.rfind(" ", 0, at) + 1
    return (row.start + begin, row.start + at + len(marker))


# ---------------------------------------------------------------------------------------------------
# Reviews and quotes


def _without_debris(text: str) -> tuple[str, str | None]:
    """A review row without its links ("Full Review…", "Comments (2)", "|"), collapsed, and the text
    of its "Rating: 3/4" if any. One pass: every critic-region row goes through it."""
    if "|" not in text and "Full Review" not in text and "Comment" not in text and "Rating:" not in text:
        return collapse(text), None  # none of _REVIEW_DEBRIS's alternatives can match
    pieces: list[str] = []
    rating_text: str | None = None
    last = 0
    for match in _REVIEW_DEBRIS.finditer(text):
        pieces.append(text[last : match.start()])
        last = match.end()
        if match["rating"]:
            rating_text = match["rating"]
    if not pieces:
        return collapse(text), None
    pieces.append(text[last:])
    return collapse(" ".join(pieces)), rating_text


def _review_date(rest: str, rating_text: str | None) -> ReviewDate | None:
    """The date row of a critic review once its debris is removed (``rest``), else None."""
    if rest[0].isdigit():
        if not _SHORT_NUMERIC_DATE.match(rest):
            return None
        date = parse_numeric_date(rest)
    elif rest[-1].isdigit() and _LONG_DATE.match(rest):
        date = parse_date(rest, fallback=False)
    else:
        return None
    return ReviewDate(date, _original_score(rating_text or ""))


def _original_score(text: str) -> Rating | None:
    """``3/4`` -> value 3 on scale 4; ``B+`` -> text "B+"; other text is kept as text."""
    text = text.strip()
    if not text:
        return None
    if "/" in text:
        value, _, scale = text.partition("/")
        try:
            value_number, scale_number = float(value), float(scale)
        except ValueError:
            return Rating(text=text)
        if scale_number > 0 and 0 <= value_number <= scale_number:
            return Rating(value=value_number, scale=scale_number)
        return Rating(text=text)
    if _GRADE.match(text):
        return Rating(text=text)
    return Rating(text=text)


def _review_tail(gap: list[Row], anchor: Row, compact: bool) -> list[Row]:
    """The critic/publication/"Top Critic" rows that follow a review's date row."""
    tail: list[Row] = []
    previous_line = anchor.line
    for row in gap:
        if compact and row.line != previous_line + 1:
            break
        if row.text == TOP_CRITIC:
            tail.append(row)
            break
        if len(tail) >= 2 or not _name_like(row.text):
            break
        tail.append(row)
        previous_line = row.line
    return tail


def _audience_review(segment: list[Row], badge: Row) -> Review | None:
    """One audience review: optional date, text rows, author (printed once or twice), badge."""
    author: str | None = None
    end_row = badge
    if badge.text != SUPER_REVIEWER:
        author = collapse(badge.text[: -len(SUPER_REVIEWER)]) or None
    elif segment:
        author = segment.pop().text
        if segment and segment[-1].text == author:
            segment.pop()
    start = segment[0].start if segment else badge.start  # the span keeps a leading date row
    date: str | None = None
    if segment and _LONG_DATE.match(segment[0].text.replace(" 0", " ")):
        date = parse_date(segment[0].text, fallback=False)
        segment = segment[1:]
    if segment and _LONG_DATE.match(segment[-1].text):
        date = date or parse_date(segment[-1].text, fallback=False)
        segment = segment[:-1]
    if not segment and author is None:
        return None
    text = "\n\n".join(row.text for row in segment) or None
    truncated = False
    if text is not None:
        text, truncated = _strip_truncation(text)
    return Review(
        kind="audience",
        text=text or None,
        author=author,
        date=date,
        truncated=truncated,
        badges=[SUPER_REVIEWER],
        span=(start, end_row.end),
    )


def _strip_truncation(text: str) -> tuple[str, bool]:
    """``strip_truncation`` on the tail only: its pattern is slow to search through long texts."""
    if not text.endswith(TRUNCATION_ENDINGS):
        return text, False
    cut = max(0, len(text) - 40)
    tail, truncated = strip_truncation(text[cut:])
    return (text[:cut] + tail).rstrip(), truncated


def _quote_line(speaker: str | None, text: str) -> QuoteLine:
    text = collapse(text)
    direction: str | None = None
    match = _DIRECTION.match(text)
    if match is not None and match["text"]:
        direction, text = match["direction"].strip(), match["text"].strip()
    return QuoteLine(speaker=speaker, direction=direction, text=text)


# ---------------------------------------------------------------------------------------------------
# Listings


def _listing_items(rows: Sequence[Row]) -> Iterator[ItemEntry]:
    """Every listing item row (or 2018 three-row tile) with its layout kind."""
    for index, row in enumerate(rows):
        text = row.text
        if len(text) > 250:
            continue
        first_char = text[0]
        if first_char.isdigit() or text.startswith(("No Score Yet", "--")):
            entry = _item_from_row(row, index)
            if entry is not None:
                yield entry
                continue
            tile = _TILE_SCORES.match(text) if first_char.isdigit() else None
            if tile is not None and index > 0 and index + 1 < len(rows):
                available = _TILE_AVAILABLE.match(rows[index + 1].text)
                if available is not None:
                    yield ItemEntry(
                        index - 1, index + 1, _tile_item(rows[index - 1], row, rows[index + 1]), "tile"
                    )
                    continue
        if text.endswith("%") and "(" in text:
            item = _score_last_item(row)
            if item is not None:
                yield ItemEntry(index, index, item, "score-last")


def _percent_score(text: str | None, kind: ScoreKind = "critics") -> ItemScore | None:
    if not text or not text.endswith("%"):
        return None
    return ItemScore(kind=kind, metric="percent_positive", value=int(text[:-1]), scale=100)


def _item_from_row(row: Row, index: int) -> ItemEntry | None:
    """``[rank.] score [score] title [date | gross | (year) count]`` on one row."""
    match = _ITEM_HEAD.match(row.text)
    if match is None:
        return None
    rank, score_text, gap, score2, rest = match.groups()
    date = date_text = gross_text = None
    gross: int | None = None
    last = rest[-1]
    money = _ITEM_GROSS.search(rest) if "$" in rest and (last.isdigit() or last in "KMB") else None
    if money is not None:
        gross_text = money["gross"]
        gross = parse_money(gross_text)
        rest = rest[: money.start()]
    else:
        when = (
            _ITEM_MONTH_DAY.search(rest)
            if last.isdigit() and _ITEM_DATE_TAIL.search(rest, max(0, len(rest) - MAX_ITEM_DATE))
            else None
        )
        if when is not None:
            date_text = when["date"]
            date = parse_date(date_text, fallback=False)
            rest = rest[: when.start()]
        elif "/" in rest and (numeric := _ITEM_DAY_MONTH.search(rest)) is not None:
            date_text = numeric["date"]  # day or month first: settled per page afterwards
            rest = rest[: numeric.start()]
        elif last in "—–" and (dash := _ITEM_NO_DATE.search(rest)) is not None:
            rest = rest[: dash.start()]
    if rank and "(" in rest:
        year = _ITEM_YEAR_COUNT.search(rest)
        if year is not None:
            date = date_text = year["year"]
            rest = rest[: year.start()]
    title = collapse(rest)
    if not title or title.isdigit() or (title[-1] == "%" and _TILE_SCORES.match(title)):
        return None
    score = _percent_score(score_text)
    item = ListingItem(
        title=title,
        score=score,
        audience_score=_percent_score(score2, "audience"),
        date=date,
        date_text=date_text,
        gross=gross,
        gross_text=gross_text,
        span=(row.start, row.end),
    )
    two_scores = score2 is not None
    lone_gap = 0 if two_scores or score is None else len(gap)
    return _new_row(ItemEntry, (index, index, item, "ranked" if rank else "scored", two_scores, lone_gap))


def _score_last_item(row: Row) -> ListingItem | None:
    """The editorial layout: ``Running Scared   (1986)     61%``."""
    match = _ITEM_SCORE_LAST.match(row.text)
    if match is None:
        return None
    return ListingItem(
        title=collapse(match["title"]),
        score=_percent_score(match["score"]),
        date=match["year"],
        date_text=match["year"],
        span=(row.start, row.end),
    )


def _tile_item(title_row: Row, score_row: Row, available_row: Row) -> ListingItem:
    """A 2018 browse tile: title, "84% 91%" (critics, audience), "Available Aug 14"."""
    match = _TILE_SCORES.match(score_row.text)
    available = _TILE_AVAILABLE.match(available_row.text)
    date_text = available["date"] if available is not None else None
    return ListingItem(
        title=title_row.text,
        score=_percent_score(match["score"]) if match is not None else None,
        audience_score=_percent_score(match["score2"], "audience") if match is not None else None,
        date=parse_date(date_text, fallback=False) if date_text else None,
        date_text=date_text,
        span=(title_row.start, available_row.end),
    )


def _resolve_day_month(items: list[ListingItem]) -> None:
    """Year-less numeric dates ("14/11"): day first if any first number exceeds 12, month first if
    any second one does; otherwise the order is unknown and only ``date_text`` is kept."""
    numeric = [item for item in items if item.date is None and item.date_text and "/" in item.date_text]
    parts = [day_month_parts(item.date_text or "") for item in numeric]
    day_first: bool | None = None
    if any(part is not None and part[0] > 12 for part in parts):
        day_first = True
    elif any(part is not None and part[1] > 12 for part in parts):
        day_first = False
    if day_first is None:
        return
    for item in numeric:
        item.date = parse_day_month(item.date_text or "", day_first=day_first)


def _mark_audience_only(run: list[ItemEntry]) -> None:
    """In a run of critics/audience score pairs, a lone score close to its title is the audience's
    (the critics' blank leaves a wide gap before it; the audience's blank leaves one after)."""
    for entry in run:
        score = entry.item.score
        if not entry.two_scores and score is not None and entry.lone_gap < AUDIENCE_ONLY_GAP:
            entry.item.score = ItemScore(
                kind="audience", metric=score.metric, value=score.value, scale=score.scale
            )


def _breaks_listing(text: str) -> bool:
    """A row between two items that ends the run: a heading or a "View All"-style link."""
    if text in LISTING_FILLER_ROWS:
        return False
    return text in LISTING_BREAK_ROWS or _is_heading(text)


def _is_heading(text: str) -> bool:
    """A short label-like row ("Top Box Office"), not a sentence, filter, table header or count."""
    return (
        len(text) <= MAX_NAME_LENGTH
        and ":" not in text
        and "  " not in text
        and "|" not in text
        and text not in LISTING_BREAK_ROWS
        and text not in LISTING_FILLER_ROWS
        and not text.startswith(NOT_HEADING_PREFIXES)
        and text[-1] not in ".!?"
        and not text[0].isdigit()
    )
