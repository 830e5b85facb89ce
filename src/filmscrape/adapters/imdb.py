"""IMDb-style database title pages: every layout from the 2009 "combined" view to the 2025 page.

The page text is read as rows (non-blank lines). The layouts seen in the wild, each pinned by a fixture
in ``fixtures/imdb/``:

- **combined** (2009-2015, also crawler dumps of it such as the seed): ``Label:`` on one row, its value on
  the next ("User Rating:" / "8.0/10 21,203 votes »"), crew by department ("Produced by" /
  "Anatole Dauman .... producer"), "Did You Know?" items closed by "See more »" (or "more" in 2009).
  Crawler dumps lose some labels: those values are recognised by their shape.
- **2010-2014 main page**: a header row "136 min - Action | Sci-Fi - 31 March 1999 (USA)",
  "Users: 7.0/10 (130,397 votes)" or "Ratings: 8.7/10 from 767,227 users Metascore: 73/100", cast as
  "Name ..." / "Character" row pairs, facts under "Trivia" / "Goofs" / "Quotes" / "Connections".
- **2019-2020** (also served in Hungarian): "9,3/10" / "2 111 190" rows, "80" / "Metascore",
  header "R | 1h 49min | Drama, Fantasy | 25 October 2019 (Canada)".
- **2022-2025** (Next.js): values are read from the HTML tree (``data-testid`` sections) and located in
  the text rendering for their spans; nothing that the rendering does not show is emitted.
- **subpages**: full credits, user reviews, critic reviews (Metacritic), synopsis.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
from collections.abc import Callable, Hashable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.parse.dates import parse_date
from filmscrape.parse.dialogue import dialogue_quote
from filmscrape.parse.names import (
    is_cast_note,
    role_for_department,
    split_character,
    split_name_list,
    split_remarks,
)
from filmscrape.parse.numbers import printed_int
from filmscrape.parse.signals import marker_score, page_url
from filmscrape.parse.titles import title_and_year
from filmscrape.schema import (
    AlternateTitle,
    Award,
    Certificate,
    Credit,
    Fact,
    FactKind,
    Page,
    QuoteLine,
    Rating,
    ReleaseDate,
    Review,
    ReviewCount,
    Score,
    Span,
)

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

logger = logging.getLogger(__name__)
_T = TypeVar("_T")

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
# No pattern here may split a run of spaces between two quantifiers in every possible way (quadratic on a long
# run; tests/test_robustness.py sweeps them). Python 3.10 has no possessive quantifiers, so the patterns are
# written so that only one split can match: "(TV Movie 1999)"'s words start with a letter, not a space.
_SITE_TITLE = re.compile(r"\(\s*(?:[A-Za-z][A-Za-z ]*\s)?\d{4}[^)]*\)(?: - [^\n]*)? - IMDb\s*$", re.M)
_TITLE_URL = re.compile(r"imdb\.com/title/tt\d+")
_IMDB_URL = re.compile(r"(?:^|[/.])imdb\.com/")
_BREADCRUMB_PREFIX = "IMDb > "

# --- Labels: a row holding exactly this text announces the value on the next row(s). -----------------

# Overview credits near the top of the page ("Director:" / "John McTiernan"); 2022+ without the colon.
OVERVIEW_CREDIT_LABELS: dict[str, str] = {
    "Director:": "director",
    "Directors:": "director",
    "Writer:": "writer",
    "Writers:": "writer",
    "Writer (WGA):": "writer",
    "Writers (WGA):": "writer",
    "Creator:": "writer",
    "Creators:": "writer",
    "Star:": "cast",
    "Stars:": "cast",
}
RELEASE_DATE_LABELS = ("Release Date:", "Release date")
GENRE_LABELS = ("Genre:", "Genres:", "Genres")
COUNTRY_LABELS = ("Country:", "Countries:", "Country of origin", "Countries of origin")
LANGUAGE_LABELS = ("Language:", "Languages:", "Language", "Languages")
RUNTIME_LABELS = ("Runtime:", "Runtime")
ASPECT_RATIO_LABELS = ("Aspect Ratio:", "Aspect ratio")
TAGLINE_LABELS = ("Tagline:", "Taglines:", "Taglines")
PLOT_LABELS = ("Plot:",)
AKA_LABELS = ("Also Known As:", "Also known as")
CERTIFICATE_LABELS = ("Certification:", "Certificate:", "Certificate")
MPAA_LABELS = ("MPAA:", "Motion Picture Rating (MPAA)")
GROSS_LABELS = ("Gross:", "Gross USA:", "Gross US & Canada", "Cumulative Worldwide Gross:", "Gross worldwide")
# "Did You Know?" items: the label row, then the item, closed by "See more »" (2022+: by the next label).
FACT_LABELS: dict[str, FactKind] = {
    "Trivia:": "trivia",
    "Trivia": "trivia",
    "Goofs:": "goof",
    "Goofs": "goof",
    "Movie Connections:": "connection",
    "Connections": "connection",
    "Crazy Credits:": "crazy_credit",
    "Crazy Credits": "crazy_credit",
    "Crazy credits": "crazy_credit",
    "Alternate Versions:": "alternate_version",
    "Alternate Versions": "alternate_version",
    "Alternate versions": "alternate_version",
    "Soundtrack:": "soundtrack",
    "Soundtracks": "soundtrack",
}
QUOTE_LABELS = ("Quotes:", "Quotes")
DID_YOU_KNOW_HEADINGS = ("Did You Know?", "Fun Stuff", "Fun Facts", "Did you know")
# Rows that end a "Did You Know?" section.
DID_YOU_KNOW_END = frozenset(
    {
        "FAQ",
        "Frequently Asked Questions",
        "User Reviews",
        "User Comments",
        "Message Boards",
        "Recommendations",
        "Quick Links:",
        "This FAQ is empty. Add the first question.",
        "Top picks",
        "Details",
        "Related Links",
        "Share this page:",
    }
)
ITEM_END = frozenset({"See more »", "more", "See more"})
# Goof categories printed as the item's prefix ("Continuity: After they leave ...").
GOOF_CATEGORY = re.compile(r"^(?P<category>[A-Z][A-Za-z/,()' -]{2,60}?):\s")

# The site's genre vocabulary: an unlabelled header field is a genre list only when made of these.
IMDB_GENRES = frozenset(
    {
        "Action", "Adult", "Adventure", "Animation", "Biography", "Comedy", "Crime", "Documentary", "Drama",
        "Family", "Fantasy", "Film-Noir", "Game-Show", "History", "Horror", "Music", "Musical", "Mystery",
        "News", "Reality-TV", "Romance", "Sci-Fi", "Short", "Sport", "Talk-Show", "Thriller", "War",
        "Western",
    }
)  # fmt: skip

# 2022+ labels (no colon) -> the data-testid of the same item in the HTML, whose reader handles the value.
MODERN_DETAIL_LABELS: dict[str, str] = {
    "Release date": "title-details-releasedate",
    "Country of origin": "title-details-origin",
    "Countries of origin": "title-details-origin",
    "Language": "title-details-languages",
    "Languages": "title-details-languages",
    "Also known as": "title-details-akas",
    "Production company": "title-details-companies",
    "Production companies": "title-details-companies",
    "Runtime": "title-techspec_runtime",
    "Aspect ratio": "title-techspec_aspectratio",
    "Gross US & Canada": "title-boxoffice-grossdomestic",
    "Taglines": "storyline-taglines",
    "Certificate": "storyline-certificate",
    "Genres": "storyline-genres",
}
MODERN_CREDIT_LABELS: dict[str, str] = {
    "Director": "director",
    "Directors": "director",
    "Writer": "writer",
    "Writers": "writer",
    "Creator": "writer",
    "Creators": "writer",
    "Star": "cast",
    "Stars": "cast",
}
# Other 2022+ labels and headings that end a value list.
MODERN_STOP = frozenset(
    {
        "Official site", "Official sites", "Filming locations", "Color", "Sound mix", "Budget",
        "Opening weekend US & Canada", "Gross worldwide", "Related news", "Tech specs", "Technical specs",
        "Box office", "Details", "Contribute to this page", "Top credits", "IMDb RATING", "All cast & crew",
        "Storyline", "Did you know", "Parents guide", "Plot summary", "Add synopsis",
    }
)  # fmt: skip

# Department headings of a crew list that the role table does not hold (company lists of "combined").
COMPANY_HEADINGS = ("Production Companies", "Distributors")
CREDIT_LIST_END = frozenset(
    {
        "more",
        "See more »",
        "See full cast »",
        "Full cast and crew »",
        "See full cast and crew »",
        "Crew verified as complete",
        "Create a character page for:",
        "Additional Details",
        "See also",
        "Create a character page for: ?",
        "Special Effects",
        "Other Companies",
        "All cast & crew",
        "Storyline",
        "Edit",
    }
)
CAST_SUBHEADINGS = (
    "Cast overview, first billed only:",
    "(Cast overview, first billed only)",
    "Cast overview:",
    "Complete credited cast:",
    "(Credited cast)",
    "Credited cast:",
    "Series Cast summary:",
    "Series cast summary:",
)
REST_OF_CAST = ("rest of cast listed alphabetically:", "Rest of cast listed alphabetically:")
# Writing and directing credits put the job in parentheses: "Jeb Stuart (screenplay)".
JOB_REMARK_ROLES = frozenset({"writer", "director"})
STATUS_REMARKS = frozenset({"uncredited", "as", "unconfirmed", "credit only", "voice"})

# --- Values -----------------------------------------------------------------------------------------

# A trailing link, searched in a slice of the row's end (see _strip_links): the link itself, to the end
# of the row. The search tries only positions where a link can begin ("S", "F", "A", "f", "R", "(",
# "»"); _link_start then takes in the spaces and the one "|" before it. An optional "»" between two runs
# of spaces is "(?:\s*»)?\s*$", not "\s*»?\s*$" (which splits the run every way).
_TRAILING_LINK = re.compile(
    r"(?:See more(?: \(Spoiler Alert!\)| [a-z][^»\n]{0,30}?)?(?:\s*»)?"
    r"|See (?:all|full) [^»\n]{1,40}?\s*»|See why on IMDbPro\.?|See full cast (?:and|&) crew(?:\s*»)?"
    r"|Full summary\s*»|Full synopsis\s*»|Add synopsis\s*»|full summary|full synopsis|Read all|\(more\)"
    r"|»)\s*$"
)
_LINK_MARKERS = ("»", "See ", "ull s", "Read all", "(more)")  # what every _TRAILING_LINK match contains
_TRAILING_MORE = re.compile(r"(?<!\s)(?:\s*\|)?\s+more$")  # the 2009 layout's "more" links
_VOTES = re.compile(r"^(?P<value>\d{1,2}(?:[.,]\d)?)/10\s+(?P<count>\d[\d,.\u00a0 ]*?)\s+votes")
_USERS_2010 = re.compile(r"^Users:\s*(?P<value>\d{1,2}(?:[.,]\d)?)/10\s*\((?P<count>\d[\d,.]*) votes\)")
_RATINGS_2011 = re.compile(
    r"^Ratings:\s*(?P<value>\d{1,2}(?:[.,]\d)?)/10\s+from\s+(?P<count>\d[\d,.\u00a0 ]*?)\s+users"
)
_METASCORE_INLINE = re.compile(r"Metascore:\s*(?P<value>\d{1,3})/100")
_METACRITIC_COUNT = re.compile(r"(?<![\d,])(?P<count>\d[\d,]*)\s+from\s+Metacritic\.com")
RECOMMENDATION_ROWS = 120  # rows read after a recommendations heading
_METACRITIC_BASED_ON = re.compile(r"Based on (?P<count>\d[\d,]*) critic reviews?")
_RATING_ONLY = re.compile(r"^(?P<value>\d{1,2}(?:[.,]\d)?)/10$")
_COUNT_ONLY = re.compile(r"^\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})*$")
_ABBREVIATED_COUNT = re.compile(r"^(?P<number>\d{1,3}(?:\.\d)?)(?P<suffix>[KM]?)$")
_NEXT_METASCORE = re.compile(r"^(?P<value>\d{1,3})\s?Metascore$")
_SCORE_ONLY = re.compile(r"^\d{1,3}$")
# A lazy value followed by spaces: the value never ends inside a run of spaces (the shorter value before the
# run matches too), so only ends after a non-space are tried (or after a first character that is a space).
_DATE_REGION = re.compile(
    r"^(?P<date>[^()]+?)(?:(?<!\s)|(?<=^\s))\s*\((?P<region>[^()]+)\)(?:\s*\((?P<note>[^()]+)\))?"
)
_RUNTIME_MIN = re.compile(r"(?<![\d:])(?P<minutes>\d{1,4})\s?min\b")
_RUNTIME_HM = re.compile(
    r"^(?:(?P<hours>\d{1,2})\s?(?:h|hours?)\b)?\s*(?:(?P<minutes>\d{1,3})\s?(?:min|minutes?|m)\b)?$"
)
_ASPECT = re.compile(r"^\d{1,2}(?:\.\d{1,3})?\s?:\s?1\b")
_CERT_PART = re.compile(r"^(?P<region>[A-Z][^:|()\[\]]{1,40}):(?P<rest>\S[^|]{0,80})$")
_PARENS = re.compile(r"\(([^()]*)\)")
_MPAA = re.compile(r"^Rated (?P<rating>[A-Z][A-Z0-9-]{0,6})\b")
_AKA_QUOTED = re.compile(r'^"(?P<title>[^"]+)"\s+-\s+(?P<regions>.+)$')
_AKA_REGION = re.compile(
    r"^(?P<title>.+?)(?:(?<!\s)|(?<=^\s))\s+\((?P<region>[^()]+)\)(?P<notes>(?:\s*\([^()]*\))*)$"
)
# The title may end with a space before a closing quote, never inside a run of spaces; after "»" it starts
# after the spaces (a title made of some of them would only be blank).
_ORIGINAL_TITLE = re.compile(r'(?:^|»\s*(?!\s))"?(?P<title>[^"»]+?)(?!(?<=\s)\s)"?\s*\(original title\)$')
_ORIGINAL_TITLE_NEXT = re.compile(r"^Original title: (?P<title>.+)$")
_AWARDS = re.compile(
    r"^(?:(?:Won|Nominated for) (?:\d+ )?[A-Z][\w' -]{1,40}?\.?(?:\s+|$))?"
    r"(?:(?:Another )?\d+ wins?(?: & \d+ nominations?)?|(?:Another )?\d+ nominations?)?(?: total)?\.?$"
)
_SPEAKER_LINE = re.compile(
    r"^(?P<speaker>[^:\[\]\n]{1,60}?):\s*(?:\[(?P<direction>[^\]]+)\]\s*)?(?P<text>.*)$"
)


_TOTAL_REVIEWS = re.compile(r"See more \((?P<count>\d[\d,]{0,12}) total\)")
_REVIEW_COUNTS = re.compile(
    r"Reviews: {1,4}(?P<user_part>(?P<user>\d[\d,]{0,12}) {1,4}user) {1,4}\| {1,4}"
    r"(?P<critic_part>(?P<critic>\d[\d,]{0,12}) {1,4}critic)"
    r"(?: {1,4}\| {1,4}(?P<meta_part>(?P<meta>\d[\d,]{0,12}) {1,4}from {1,4}(?P<source>Metacritic\.com)))?"
)
_DIRECTION_LINE = re.compile(r"^\[(?P<direction>[^\]]+)\]$")
_HELPFUL_OLD = re.compile(
    r"^(?P<yes>\d[\d,]*) out of (?P<total>\d[\d,]*) people found the following (?:review|comment) useful"
)
_HELPFUL_2010 = re.compile(
    r"^(?P<yes>\d[\d,. ]*) of (?P<total>\d[\d,. ]*) people found this review helpful\."
)
_TITLE_DATE = re.compile(r"^(?P<title>.+), (?P<date>\d{1,2} [A-Z][a-z]+ \d{4})$")
_DATE_ROW = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$")
_DATE_BY = re.compile(
    r"^(?P<date>\d{1,2} [A-Z][a-z]+ \d{4}) \| by (?P<author>.+?)(?:\s+\((?P<location>[^()]+)\))?\s*–"
)
_NEXT_DATE = re.compile(r"^[A-Z][a-z]{2} \d{1,2}, \d{4}$")
_NEXT_HELPFUL = re.compile(r"^helpful\s*•\s*(?P<yes>\d[\d,.]*[KM]?)$")
_NEXT_COUNT_ROW = re.compile(r"^\d[\d,.]*[KM]?$")  # the "not helpful" votes on the row after
_WIDE_GAP = re.compile(r"\s{2,}")
_RECOMMENDED_TITLE = re.compile(
    r"^(?P<title>.+?) \((?:[A-Za-z ]+ )?(?:18|19|20)\d{2}(?:[–-]\s*(?:\d{4})?\s*)?\)$"
)
_NEXT_SCORE_ROW = re.compile(r"^\d{1,2}(?:\.\d)?$")
_OVERVIEW_WRITER = re.compile(
    r"^(?P<name>[^()]{2,60}?)\s+\((?P<job>writer|screenplay|novel|story|play|written by)\)$"
)
_EPISODES = re.compile(r"^\d+ episodes?")
_HERO_CERTIFICATE = re.compile(r"^(?:[A-Z][A-Za-z0-9+/-]{0,7}|\d{1,2}[A-Z+]{0,2})$")
_HEADER_RUNTIME = re.compile(r"(?:^|\s)(?P<runtime>\d{1,4} min|\d{1,2}h(?: \d{1,2}min)?|\d{1,3}min)(?:\s|$)")


_ODD_SPACES = ("\u00a0", "\u202f", "\u2009", "\t")


class Row(NamedTuple):
    """A non-blank line of the text, stripped, with the offsets of what is left.

    Odd spaces (no-break, thin) become plain spaces: same length, so offsets still hold.
    """

    start: int
    end: int
    text: str


def _rows(doc: Document) -> list[Row]:
    text = doc.text
    for space in _ODD_SPACES:
        if space in text:
            text = text.replace(space, " ")  # same length, so offsets stay the same
    lines = text.split("\n")
    del text  # a replaced copy is as large as the page: not kept while the rows are built
    rows: list[Row] = []
    append = rows.append
    new_row = tuple.__new__  # Row(...) without the NamedTuple's Python-level __new__: pages have hundreds
    start = 0
    for raw in lines:
        stripped = raw.strip()
        if stripped:
            at = start if stripped is raw else start + raw.index(stripped[0])  # `is`: nothing stripped
            append(new_row(Row, (at, at + len(stripped), stripped)))
        start += len(raw) + 1
    return rows


def _strip_links(text: str, *, more_links: bool = False) -> str:
    """``"16 May 1960 (USA) See more »"`` -> ``"16 May 1960 (USA)"``; a row that is only a link gives ""."""
    end = len(text)
    tail = text[-120:]
    if not more_links and not any(marker in tail for marker in _LINK_MARKERS):
        return text  # the common case: no link words at the end, no regex run
    for _ in range(4):  # a value ends with at most a few links; hostile rows must not loop for long
        # Slices, not search(pos): the patterns' look-behind must not see past the window's start.
        window = max(0, end - 120)
        piece = text[window:end]
        link = _TRAILING_LINK.search(piece)
        if link is not None:
            end = window + _link_start(piece, link.start())
        elif more_links and (more := _TRAILING_MORE.search(text[max(0, end - 20) : end])) is not None:
            end = max(0, end - 20) + more.start()
        else:
            break
        while end and text[end - 1].isspace():
            end -= 1
    return text[:end]


def _link_start(piece: str, at: int) -> int:
    """Where a link found at ``at`` begins with what leads up to it: the spaces, one "|", the spaces."""
    while at and piece[at - 1].isspace():
        at -= 1
    if at and piece[at - 1] == "|":
        at -= 1
        while at and piece[at - 1].isspace():
            at -= 1
    return at


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _number(text: str) -> int | None:
    digits = "".join(char for char in text if char.isdigit())
    return int(digits) if digits else None


def _decimal(text: str) -> float:
    return float(text.replace(",", "."))


def _abbreviated(text: str) -> int | None:
    """``"150K"`` -> 150000, ``"3M"`` -> 3000000, ``"2,111"`` -> 2111: the count as printed."""
    match = _ABBREVIATED_COUNT.match(text)
    if match is None:
        return _number(text) if _COUNT_ONLY.match(text) else None
    multiplier = {"": 1, "K": 1_000, "M": 1_000_000}[match["suffix"]]
    if not match["suffix"] and "." in match["number"]:
        return None
    return round(float(match["number"]) * multiplier)


def _iso_date(text: str) -> str | None:
    text = text.strip()
    if len(text) == 4 and text.isdigit():
        return text
    return parse_date(text, fallback=False)


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
        _Reader(doc, page).read()
        return page


class _Credit(NamedTuple):
    credit: Credit
    overview: bool  # from the short "Director:" / "Stars:" lists, which the full lists repeat


class _Reader:
    """Reads one page: each ``_read_*`` method handles one part of the layouts."""

    def __init__(self, doc: Document, page: Page) -> None:
        self.doc = doc
        self.page = page
        self.text = doc.text
        self.rows = _rows(doc)
        self.where: dict[str, list[int]] = {}
        for index, row in enumerate(self.rows):
            if len(row.text) <= 60:
                self.where.setdefault(row.text, []).append(index)
        self.more_links = "more" in self.where  # the 2009 layout closes items with a bare "more"
        self.tree: LexborHTMLParser | None = doc.tree if doc.input_format == "html" else None
        self.next_layout = self.tree is not None and 'data-testid="hero' in (doc.html or "")
        # 2022+ labels have no colon ("Release date"); older pages use such words only as links.
        self.modern = self.next_layout or (self.tree is None and "IMDb RATING" in self.where)
        self.combined = "User Rating:" in self.where
        self.credits: list[_Credit] = []
        self.claimed: set[int] = set()  # rows already read as a value, so shape-based readers skip them
        self.indexes: dict[str, tuple[int, set[Hashable]]] = {}

    # --- helpers ---------------------------------------------------------------------------------

    def known(self, name: str, items: Sequence[_T], key: Callable[[_T], Hashable]) -> set[Hashable]:
        """The keys of ``items``, a list of the page that only grows: "already there?" in constant time.

        Items added since the last call are indexed first, whoever added them (a scan of the list for each
        new item made pages with many values quadratic).
        """
        indexed, keys = self.indexes.get(name, (0, set()))
        if len(items) > indexed:
            keys.update(map(key, items[indexed:]))
        self.indexes[name] = (len(items), keys)
        return keys

    def usable(self, label: str) -> bool:
        """Labels end with a colon before 2022 ("Runtime:"); a bare "Runtime" there is only a link."""
        return label.endswith((":", ")", "?")) or self.modern

    def first(self, *labels: str) -> int | None:
        """The index of the first row that is exactly one of ``labels``."""
        found = [self.where[label][0] for label in labels if label in self.where and self.usable(label)]
        return min(found) if found else None

    def find_row(self, *texts: str) -> int | None:
        """The index of the first row that is exactly one of ``texts`` (any wording, not only labels)."""
        found = [self.where[text][0] for text in texts if text in self.where]
        return min(found) if found else None

    def all(self, *labels: str) -> list[int]:
        """Every row that is exactly one of ``labels`` (colon-less labels only on 2022+ pages)."""
        return sorted(index for label in labels if self.usable(label) for index in self.where.get(label, ()))

    def row(self, index: int) -> Row | None:
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def value(self, index: int) -> tuple[str, Span] | None:
        """Row ``index`` without its trailing links, with the span of what is left."""
        row = self.row(index)
        if row is None:
            return None
        text = _strip_links(row.text, more_links=self.more_links)
        if not text:
            return None
        return text, (row.start, row.start + len(text))

    def label_value(self, *labels: str) -> tuple[int, str, Span] | None:
        """The value row after the first of ``labels`` (skipped when it is itself a label)."""
        for index in self.all(*labels):
            found = self.value(index + 1)
            if found is not None and not self.is_label(index + 1):
                return index + 1, found[0], found[1]
        return None

    def is_label(self, index: int) -> bool:
        row = self.row(index)
        if row is None:
            return True
        text = row.text
        return (
            text in FACT_LABELS
            or text in QUOTE_LABELS
            or text in OVERVIEW_CREDIT_LABELS
            or (text.endswith(":") and len(text) < 40)
        )

    def sub_span(self, row: Row, part: str, offset: int = 0) -> Span:
        index = row.text.find(part, offset)
        if index < 0:
            return (row.start, row.end)
        return (row.start + index, row.start + index + len(part))

    def locate(self, value: str, cursor: int = 0) -> Span | None:
        """Where ``value`` is printed in the text at or after ``cursor`` (else anywhere), or None."""
        if not value:
            return None
        index = self.text.find(value, cursor)
        if index < 0:
            index = self.text.find(value)
        if index < 0:
            return None
        return (index, index + len(value))

    def locate_near(self, value: str, cursor: int, within: int) -> Span | None:
        """Where ``value`` is printed starting at ``cursor`` or at most ``within`` characters after it.

        Never before ``cursor``: a span from an earlier anchor to this one's end always runs forward.
        """
        if not value:
            return None
        index = self.text.find(value, cursor, cursor + within + len(value))
        if index < 0:
            return None
        return (index, index + len(value))

    def locate_row(self, text: str, cursor: int = 0) -> Span | None:
        """Where a row that is exactly ``text`` stands, at or after ``cursor``."""
        needle = "\n" + text + "\n"
        index = self.text.find(needle, max(0, cursor - 1))
        if index < 0:
            return None
        return (index + 1, index + 1 + len(text))

    # --- the page --------------------------------------------------------------------------------

    def _read_review_counts(self) -> None:
        """ "See more (99 total)" under the featured review; "Reviews: 880 user | 238 critic | 29 from
        Metacritic.com" on the 2014 page."""
        text, counts = self.text, self.page.review_counts
        if "total)" in text and (match := _TOTAL_REVIEWS.search(text)):
            counts.append(ReviewCount(kind="user", count=printed_int(match["count"]), span=match.span()))
        if "Reviews:" in text and (match := _REVIEW_COUNTS.search(text)):
            counts.append(
                ReviewCount(kind="user", count=printed_int(match["user"]), span=match.span("user_part"))
            )
            counts.append(
                ReviewCount(kind="critic", count=printed_int(match["critic"]), span=match.span("critic_part"))
            )
            if match["meta"]:
                counts.append(
                    ReviewCount(
                        kind="critic",
                        count=printed_int(match["meta"]),
                        source=match["source"],
                        span=match.span("meta_part"),
                    )
                )

    def read(self) -> None:
        if not self.rows:
            self.page.warnings.append("empty page")
            return
        self._read_title()
        self._read_original_title()
        self._read_user_rating()
        self._read_metascore()
        self._read_review_counts()
        if self.next_layout and self.tree is not None:
            self._read_next_layout(self.tree)  # the details come from the tree there
        elif self.modern:
            self._read_modern_text()  # a crawler's text of a 2022+ page: labels without colons
        else:
            self._read_header_row()
            self._read_release_dates()
            self._read_listed_fields()
            self._read_runtime()
            self._read_aspect_ratio()
            self._read_certificates()
            self._read_alternate_titles()
            self._read_box_office()
            self._read_plot()
            self._read_tagline()
            self._read_overview_credits()
            self._read_credit_lists()
            self._read_user_reviews()
            self._read_synopsis_page()
            if self.tree is not None:
                self._read_critic_reviews(self.tree)
        self._read_awards()
        self._read_did_you_know()
        self._read_recommendations()
        self._finish_credits()

    # --- film ------------------------------------------------------------------------------------

    def _read_title(self) -> None:
        """The first ``Title (YYYY)`` row, after an ``IMDb > `` breadcrumb when there is one."""
        film = self.page.film
        for row in self.rows[:250]:
            text = row.text
            offset = len(_BREADCRUMB_PREFIX) if text.startswith(_BREADCRUMB_PREFIX) else 0
            found = title_and_year(text[offset:])
            if found is None:
                continue
            title, year, (start, end) = found
            film.title = title
            film.year = year
            film.field_spans["title"] = (row.start + offset + start, row.start + offset + end)
            year_at = text.find(str(year), offset + end)
            if year_at >= 0:
                film.field_spans["year"] = (row.start + year_at, row.start + year_at + 4)
            return

    def _read_original_title(self) -> None:
        """``Hiroshima mon amour (original title)`` under the title (2022+: ``Original title: ...``)."""
        aka = self.first(*AKA_LABELS)
        for index, row in enumerate(self.rows[:400]):
            if aka is not None and index > aka:
                return
            text = row.text
            match = None
            if text.endswith("(original title)"):
                match = _ORIGINAL_TITLE.search(text)
            elif text.startswith("Original title: "):
                match = _ORIGINAL_TITLE_NEXT.match(text)
            if match is None:
                continue
            title = _collapse(match["title"])
            if title:
                self.page.film.original_title = title
                self.page.film.field_spans["original_title"] = (
                    row.start + match.start("title"),
                    row.start + match.end("title"),
                )
                return

    def _add_score(self, score: Score) -> None:
        if not any(existing.kind == score.kind for existing in self.page.scores):
            self.page.scores.append(score)

    def _read_user_rating(self) -> None:
        """The site's users' average: "User Rating:" (combined), "Users:" (2010), "Ratings:" (2011-2014),
        "9,3/10" over "2 111 190" (2019), "IMDb RATING" (2022+). Never the recommendations' ratings."""
        if "/10" not in self.text:
            return  # every layout prints the average as "N/10"
        for index in self.all("User Rating:"):
            for offset in range(1, 5):
                row = self.row(index + offset)
                if row is None:
                    break
                match = _VOTES.match(row.text)
                if match:
                    self._users_score(row, match, "User Rating", index)
                    return
        for row in self.rows:
            text = row.text
            if text.startswith("Users:"):
                match = _USERS_2010.match(text)
                if match:
                    self._users_score(row, match, "Users", None)
                    return
            elif text.startswith("Ratings:"):
                match = _RATINGS_2011.match(text)
                if match:
                    self._users_score(row, match, "Ratings", None)
                    return
        label_rows = self.all("IMDb RATING")
        candidates = [index + 1 for index in label_rows] or range(len(self.rows) - 1)
        for index in candidates:
            row = self.row(index)
            following = self.row(index + 1)
            if row is None or following is None or "/10" not in row.text:
                continue
            match = _RATING_ONLY.match(row.text)
            count = _abbreviated(following.text) if match else None
            if match is None or count is None:
                continue
            value = _decimal(match["value"])
            self._add_score(
                Score(
                    kind="users",
                    metric="average",
                    value=value,
                    scale=10,
                    count=count,
                    label="IMDb RATING" if label_rows else None,
                    span=(row.start, following.end),
                )
            )
            return

    def _users_score(self, row: Row, match: re.Match[str], label: str, label_index: int | None) -> None:
        start = self.rows[label_index].start if label_index is not None else row.start + match.start("value")
        self._add_score(
            Score(
                kind="users",
                metric="average",
                value=_decimal(match["value"]),
                scale=10,
                count=_number(match["count"]),
                label=label,
                span=(start, row.start + match.end()),
            )
        )

    def _read_metascore(self) -> None:
        """ "Metascore: 73/100" with "35 from Metacritic.com" (2011-2014); "80" / "Metascore" (2019,
        critic reviews page); "75Metascore" (2022+)."""
        if "Metascore" not in self.text:
            return
        for index, row in enumerate(self.rows):
            text = row.text
            if "Metascore" not in text:
                continue
            match = _METASCORE_INLINE.search(text)
            if match:
                start, end = row.start + match.start(), row.start + match.end()
                count = None
                following = self.row(index + 1)
                counted = _METACRITIC_COUNT.search(following.text) if following is not None else None
                if following is not None and counted:
                    count = _number(counted["count"])
                    end = following.start + counted.end()
                self._metascore(int(match["value"]), count, (start, end))
                return
            match = _NEXT_METASCORE.match(text)
            if match and text != "Metascore":
                self._metascore(int(match["value"]), None, (row.start, row.end))
                return
            previous = self.row(index - 1)
            if text == "Metascore" and previous is not None and _SCORE_ONLY.match(previous.text):
                end = row.end
                count = None
                following = self.row(index + 1)
                counted = _METACRITIC_BASED_ON.search(following.text) if following is not None else None
                if following is not None and counted:
                    count = _number(counted["count"])
                    end = following.start + counted.end()
                self._metascore(int(previous.text), count, (previous.start, end))
                return

    def _metascore(self, value: int, count: int | None, span: Span) -> None:
        if value <= 100:
            self._add_score(
                Score(
                    kind="metascore",
                    metric="average",
                    value=value,
                    scale=100,
                    count=count,
                    label="Metascore",
                    span=span,
                )
            )

    def _header_row(self) -> int | None:
        """The row under the title in 2010+ layouts: runtime, genres and release date in one line."""
        title_span = self.page.film.field_spans.get("title")
        start = 0
        if title_span is not None:
            start = next((i for i, row in enumerate(self.rows) if row.end >= title_span[1]), 0)
        for index in range(start + 1, min(start + 40, len(self.rows))):
            text = self.rows[index].text
            if len(text) > 160 or ("|" not in text and " - " not in text):
                continue
            if _HEADER_RUNTIME.search(text) or (
                " - " in text and _DATE_REGION.search(text.rsplit(" - ", 1)[-1].strip())
            ):
                return index
        return None

    def _read_header_row(self) -> None:
        """ "136 min - Action | Adventure - 31 March 1999 (USA)" (2010-2014) or
        "R | 1h 49min | Drama, Fantasy | 25 October 2019 (Canada)" (2019-2020)."""
        if self.first("User Rating:") is not None:
            return  # the combined layout has labelled rows instead
        index = self._header_row()
        if index is None:
            return
        row = self.rows[index]
        text = row.text
        two_level = " - " in text  # 2010-2014: " - " between fields, "|" between genres
        parts = re.split(r"\s+-\s+", text) if two_level else text.split("|")
        cursor = 0
        for raw_part in parts:
            part = raw_part.strip()
            at = text.find(part, cursor)
            cursor = at + len(part)
            span = (row.start + at, row.start + at + len(part))
            if not part:
                continue
            if self.page.film.runtime_minutes is None and (minutes := _runtime_minutes(part)) is not None:
                self.page.film.runtime_minutes = minutes
                self.page.film.field_spans["runtime_minutes"] = span
            elif _DATE_REGION.match(part):
                self._add_release_date(part, span)
            else:
                separator = "|" if two_level else ","
                if all(genre.strip() in IMDB_GENRES for genre in part.split(separator)):
                    self._add_genres(part, separator, span[0])

    def _add_genres(self, text: str, separator: str, start: int) -> None:
        offset = 0
        for raw in text.split(separator):
            genre = raw.strip()
            at = text.find(genre, offset) if genre else -1
            offset = at + len(genre) if at >= 0 else offset
            if not genre or not genre[0].isupper() or len(genre) > 30 or "»" in genre:
                continue
            if genre not in self.known("genres", self.page.film.genres, str):
                self.page.film.genres.append(genre)
                self.page.film.field_spans.setdefault("genres", (start + at, start + at + len(genre)))

    def _add_release_date(self, text: str, span: Span) -> None:
        match = _DATE_REGION.match(text)
        if match:
            date_text = match["date"].strip()
            region: str | None = match["region"].strip()
            note = match["note"].strip() if match["note"] else None
        else:
            date_text, region, note = text.strip(), None, None
        date = _iso_date(date_text)
        if date is None:
            return
        dates = self.page.film.release_dates
        if (date, region) in self.known("release_dates", dates, lambda known: (known.date, known.region)):
            return
        dates.append(ReleaseDate(date=date, date_text=date_text, region=region, note=note, span=span))

    def _read_release_dates(self) -> None:
        for index in self.all(*RELEASE_DATE_LABELS):
            found = self.value(index + 1)
            if found is not None and not self.is_label(index + 1):
                self._add_release_date(found[0], found[1])
                self.claimed.add(index + 1)

    def _read_listed_fields(self) -> None:
        """Genres, countries and languages: "Action | Thriller" on the row after the label."""
        for labels, target in (
            (GENRE_LABELS, "genres"),
            (COUNTRY_LABELS, "countries"),
            (LANGUAGE_LABELS, "languages"),
        ):
            for index in self.all(*labels):
                if self.is_label(index + 1):
                    continue
                found = self.value(index + 1)
                if found is None:
                    continue
                text, span = found
                values: list[str] = getattr(self.page.film, target)
                if (
                    "|" in text
                    or index + 2 >= len(self.rows)
                    or self.is_label(index + 2)
                    or not self.next_layout
                ):
                    self._add_listed(values, target, text, span[0])
                self.claimed.add(index + 1)

    def _add_listed(self, values: list[str], target: str, text: str, start: int) -> None:
        """The items of ``text``, "Action | Thriller", new to ``values``; the first one's span is kept."""
        spans = self.page.film.field_spans
        for raw in text.split("|"):
            item = raw.strip()
            if not item or len(item) > 40 or item.startswith(("See ", "more")):
                continue
            if item in self.known(target, values, str):
                continue
            values.append(item)
            if target not in spans:
                at = text.find(item)
                spans[target] = (start + at, start + at + len(item))

    def _read_runtime(self) -> None:
        """ "Runtime:" / "131 min" (also a lone "90 min" row where the label was lost)."""
        if self.page.film.runtime_minutes is not None:
            return
        found = self.label_value(*RUNTIME_LABELS)
        if found is not None:
            index, text, _span = found
            match = _RUNTIME_MIN.search(text)
            minutes = int(match["minutes"]) if match else _runtime_minutes(text.split("|")[0].strip())
            if minutes is not None:
                row = self.rows[index]
                part = match.group() if match else text.split("|")[0].strip()
                self.page.film.runtime_minutes = minutes
                self.page.film.field_spans["runtime_minutes"] = self.sub_span(row, part)
                return
        for row in self.rows:
            if row.text.endswith(" min") and len(row.text) <= 8:
                minutes = _runtime_minutes(row.text)
                if minutes is not None:
                    self.page.film.runtime_minutes = minutes
                    self.page.film.field_spans["runtime_minutes"] = (row.start, row.end)
                    return

    def _read_aspect_ratio(self) -> None:
        found = self.label_value(*ASPECT_RATIO_LABELS)
        if found is None:
            return
        _index, text, span = found
        match = _ASPECT.match(text)
        if match:
            self.page.film.aspect_ratio = match.group()
            self.page.film.field_spans["aspect_ratio"] = (span[0], span[0] + match.end())

    def _read_certificates(self) -> None:
        """ "Certification:" / "UK:12 (re-rating) (2011) | USA:Not Rated | ...", a row of that shape
        wherever its label was lost, "Certificate:" / "16", and the MPAA's "Rated R for ..."."""
        for index in self.all(*CERTIFICATE_LABELS):
            found = self.value(index + 1)
            if found is None or self.is_label(index + 1):
                continue
            text, span = found
            self.claimed.add(index + 1)
            if ":" in text:
                self._add_certificates(self.rows[index + 1], text)
            elif len(text) <= 12:
                self._add_certificate(Certificate(rating=text, span=span))
        for index, row in enumerate(self.rows):
            if index in self.claimed or row.text.count("|") < 1 or ":" not in row.text:
                continue
            parts = [part.strip() for part in _strip_links(row.text).split("|")]
            if all(_CERT_PART.match(part) for part in parts if part):
                self._add_certificates(row, row.text)
                self.claimed.add(index)
        for index in self.all(*MPAA_LABELS):
            found = self.value(index + 1)
            if found is None:
                continue
            text, span = found
            match = _MPAA.match(text)
            if match:
                note = "MPAA: " + text.rstrip("| ").strip()
                self._add_certificate(
                    Certificate(rating=match["rating"], note=note, span=(self.rows[index].start, span[1]))
                )

    def _add_certificates(self, row: Row, text: str) -> None:
        cursor = 0
        for raw in _strip_links(text).split("|"):
            part = raw.strip()
            if not part:
                continue
            at = row.text.find(part, cursor)
            cursor = at + len(part)
            match = _CERT_PART.match(part)
            if match is None:
                continue
            rest = match["rest"].strip()
            paren = rest.find(" (")
            rating, remarks = (rest, "") if paren < 0 else (rest[:paren], rest[paren:])
            if rating.startswith("(") and rating.endswith(")"):
                rating = rating[1:-1]  # "Portugal:(Banned) (original rating)"
            if not rating:
                continue
            self._add_certificate(
                Certificate(
                    region=match["region"].strip(),
                    rating=rating,
                    note=_certificate_note(remarks),
                    span=(row.start + at, row.start + at + len(part)),
                )
            )

    def _add_certificate(self, certificate: Certificate) -> None:
        certificates = self.page.film.certificates
        key = (certificate.region, certificate.rating, certificate.note)
        if key in self.known(
            "certificates", certificates, lambda known: (known.region, known.rating, known.note)
        ):
            return
        certificates.append(certificate)

    def _read_alternate_titles(self) -> None:
        """ "Also Known As:" rows: ``"Title" - Region (note), Region`` (combined), ``Title (Region)
        (note)`` (2009), or the title alone (2010+)."""
        for index in self.all(*AKA_LABELS):
            for offset in range(1, 60):
                row = self.row(index + offset)
                if row is None or row.text in ITEM_END or self.is_label(index + offset):
                    break
                text = _strip_links(row.text, more_links=self.more_links)
                if not text or len(text) > 300:
                    break
                self._add_alternate_title(row, text)
                if text != row.text:
                    break  # "Troya See more »": the link closes the list
            if self.page.film.alternate_titles:
                return

    def _add_alternate_title(self, row: Row, text: str) -> None:
        span = (row.start, row.start + len(text))
        titles = self.page.film.alternate_titles
        match = _AKA_QUOTED.match(text)
        if match:
            for region, notes in _regions_with_notes(match["regions"]):
                titles.append(AlternateTitle(title=match["title"], region=region, note=notes, span=span))
            return
        match = _AKA_REGION.match(text)
        if match:
            notes = "; ".join(note.strip() for note in _PARENS.findall(match["notes"]) if note.strip())
            titles.append(
                AlternateTitle(title=match["title"], region=match["region"], note=notes or None, span=span)
            )
            return
        titles.append(AlternateTitle(title=_collapse(text), span=span))

    def _read_box_office(self) -> None:
        found = self.label_value(*GROSS_LABELS)
        if found is None:
            return
        _index, text, span = found
        match = re.match(r"^\$(\d[\d,]*)", text)
        if match:
            self.page.film.box_office = _number(match.group(1))
            self.page.film.field_spans["box_office"] = (span[0], span[0] + match.end())

    def _set_synopsis(self, text: str, span: Span) -> None:
        truncated = False
        for marker in ("... See full summary »", "... See full summary", "... more", "... Read all", "..."):
            if text.endswith(marker):
                text = text[: -len(marker)].rstrip()
                truncated = True
                break
        if not text or text in ("Add a Plot", "Add a Plot »"):
            return
        self.page.film.synopsis = _collapse(text)
        self.page.film.synopsis_truncated = truncated
        self.page.film.field_spans["synopsis"] = (span[0], span[0] + len(text))

    def _read_plot(self) -> None:
        """ "Plot:" / the summary row (combined; the seed lost the label: its plot row ends with
        "Full summary »"), or the row above "Director:" (2010-2020; the "Storyline" is longer)."""
        found = self.label_value(*PLOT_LABELS)
        if found is not None:
            index, text, span = found
            self.claimed.add(index)
            self._set_synopsis(text, span)
            return
        if self.combined:
            for index, row in enumerate(self.rows):
                if "ull summary" in row.text or row.text.endswith("full synopsis"):
                    self.claimed.add(index)
                    self._set_synopsis(
                        _strip_links(row.text, more_links=self.more_links), (row.start, row.end)
                    )
                    return
            return
        if self.next_layout:
            return
        director = self.first("Director:", "Directors:", "Creator:", "Creators:")
        if director is not None and director > 0:
            row = self.rows[director - 1]
            if len(row.text) > 40 and not row.text.endswith(":") and "IMDbPro" not in row.text:
                self._set_synopsis(_strip_links(row.text), (row.start, row.end))

    def _read_tagline(self) -> None:
        """ "Tagline:" / the row; without the label (the seed) the row just above the plot row."""
        found = self.label_value(*TAGLINE_LABELS)
        if found is not None:
            _index, text, span = found
            self.page.film.tagline = text
            self.page.film.field_spans["tagline"] = span
            return
        synopsis = self.page.film.field_spans.get("synopsis")
        if synopsis is None or self.first(*PLOT_LABELS) is not None or not self.combined:
            return
        index = next((i for i, row in enumerate(self.rows) if row.start == synopsis[0]), None)
        if index is None or index < 2:
            return
        above = index - 1
        row = self.rows[above]
        if self.is_label(above) or self.is_label(above - 1) or above in self.claimed:
            return  # a labelled value, not a tagline whose label was lost
        if len(row.text) > 200 or row.text.endswith("»") or _AWARDS.match(row.text):
            return
        self.page.film.tagline = row.text
        self.page.film.field_spans["tagline"] = (row.start, row.end)

    def _read_awards(self) -> None:
        """ "Nominated for Oscar. Another 6 wins & 5 nominations" wherever it stands (labelled or not)."""
        film = self.page.film
        for index, row in enumerate(self.rows):
            text = row.text
            if len(text) > 200 or not ("win" in text or "ominat" in text or text.startswith("Won ")):
                continue
            stripped = _strip_links(text, more_links=self.more_links)
            at = 0
            if "|" in stripped:  # "Top 250 #124 | Won 4 Oscars. Another 64 wins & 95 nominations"
                at = stripped.rfind("|") + 1
            award = stripped[at:].strip()
            if not award or not _AWARDS.match(award):
                continue
            start = row.start + text.find(award, at)
            film.awards.append(Award(text=_collapse(award), span=(start, start + len(award))))
            following = self.row(index + 1)
            if following is not None and following.text != award and _AWARDS.match(following.text):
                continue  # 2022+: "Nominated for 7 Oscars" / "21 wins & 42 nominations total"
            if film.awards:
                return

    # --- credits ---------------------------------------------------------------------------------

    def _add_credit(self, credit: Credit, *, overview: bool) -> None:
        self.credits.append(_Credit(credit, overview))

    def _read_overview_credits(self) -> None:
        """ "Director:" / "Writers (WGA):" / "Stars:" lists near the top, one name per row or comma-separated.
        The seed lost the "Writer:" label: its "Marguerite Duras (writer)" row is recognised by shape."""
        for label, role in OVERVIEW_CREDIT_LABELS.items():
            for index in self.where.get(label, ()):
                department = label.rstrip(":")
                for offset in range(1, 12):
                    row = self.row(index + offset)
                    if row is None or self.is_label(index + offset) or row.text in ITEM_END:
                        break
                    if row.text.startswith(("(more)", "See more", "See full cast")):
                        break
                    self._overview_row(row, role, department)
                    if not self.combined or "»" in row.text or "See full" in row.text:
                        break  # 2010+: one row, names separated by commas
        rating = self.first("User Rating:")
        release = self.first(*RELEASE_DATE_LABELS)
        if (
            rating is not None
            and release is not None
            and not any(c.credit.role == "writer" for c in self.credits)
        ):
            for index in range(rating + 1, release):
                row = self.rows[index]
                match = _OVERVIEW_WRITER.match(row.text)
                if match:
                    self._add_credit(
                        Credit(
                            name=match["name"], role="writer", job=match["job"], span=(row.start, row.end)
                        ),
                        overview=True,
                    )

    def _overview_row(self, row: Row, role: str, department: str) -> None:
        text = _strip_links(row.text)
        for suffix in ("...", "&", " and"):
            text = text.removesuffix(suffix).rstrip()
        text = re.sub(r",?\s*\d+ more credits?$", "", text)
        for name_text, at in split_name_list(text):
            name, credited_as, notes = split_remarks(name_text)
            if not name or len(name) > 60 or name.startswith(("See ", "more")):
                continue
            job = None
            if role in JOB_REMARK_ROLES and notes and notes[0] not in STATUS_REMARKS:
                job = notes.pop(0)
            self._add_credit(
                Credit(
                    name=name,
                    role=role,
                    department=department,
                    job=job,
                    credited_as=credited_as,
                    notes=notes,
                    span=(row.start + at, row.start + at + len(name_text)),
                ),
                overview=True,
            )

    def _department(self, text: str) -> tuple[str, str] | None:
        """A crew-list heading row -> (department as printed, role); None for any other row."""
        if len(text) > 70 or text.endswith(":") or not text[0].isupper():
            return None
        return _department_heading(text)

    def _read_credit_lists(self) -> None:
        """Crew by department ("Makeup Department" / "Alexandre Marcus .... key makeup artist (as A. Marcus)")
        and the cast ("Bruce Willis ... Officer John McClane", or name and character on two rows)."""
        index = 0
        count = len(self.rows)
        while index < count:
            found = self._department(self.rows[index].text)
            if found is None:
                index += 1
                continue
            department, role = found
            index = self._read_credit_list(index + 1, department, role)

    def _read_credit_list(self, index: int, department: str, role: str) -> int:
        count = len(self.rows)
        while index < count:
            row = self.rows[index]
            text = row.text
            if text.startswith("Production Companies"):
                return index  # the company lists follow the crew
            if text in CREDIT_LIST_END or text.startswith("Create a character page"):
                return index + 1
            if self._department(text) is not None or (
                text.endswith(":") and text not in REST_OF_CAST and text not in CAST_SUBHEADINGS
            ):
                return index
            if (
                (text.startswith("(") and text.endswith(")"))
                or text in CAST_SUBHEADINGS
                or text in REST_OF_CAST
            ):
                index += 1
                continue
            if role == "cast":
                consumed = self._cast_entry(index, department)
            else:
                consumed = self._crew_entry(row, department, role)
            if consumed == 0:
                return index
            index += consumed
        return index

    def _crew_entry(self, row: Row, department: str, role: str) -> int:
        text = row.text
        if len(text) > 250 or not (text[0].isalnum() or text[0] in "'\"") or text.endswith(("»", ":")):
            return 0
        name_part, rest = _split_entry(text)
        for suffix in (" &", " and", "&"):
            rest = rest.removesuffix(suffix).rstrip()
        job_text, credited_as, notes = split_remarks(rest) if rest else ("", None, [])
        name, name_as, name_notes = split_remarks(name_part)
        if not name or len(name) > 80:
            return 0
        notes = [*name_notes, *(note for note in notes if note not in name_notes)]
        job = job_text or None
        if job is None and role in JOB_REMARK_ROLES and notes and notes[0] not in STATUS_REMARKS:
            job = notes.pop(0)
        if role == "company":
            name = _collapse(name_part.split("(")[0]) if "(" in name_part else name
        self._add_credit(
            Credit(
                name=name,
                role=role,
                department=department,
                job=job,
                credited_as=credited_as or name_as,
                notes=notes,
                span=(row.start, row.end),
            ),
            overview=False,
        )
        if role == "company" and department == "Distributors" and self.page.film.distributor is None:
            self.page.film.distributor = name
            self.page.film.field_spans["distributor"] = (row.start, row.start + len(name))
        return 1

    def _cast_entry(self, index: int, department: str) -> int:
        row = self.rows[index]
        text = row.text
        if "..." not in text or len(text) > 250:
            return 0
        name_part, character_text = _split_entry(text)
        name, name_as, _notes = split_remarks(name_part)
        if not name or len(name) > 80:
            return 0
        end_row = row
        consumed = 1
        if not character_text:  # "Keanu Reeves     ..." / "Neo"
            following = self.row(index + 1)
            if (
                following is not None
                and not self.is_label(index + 1)
                and "..." not in following.text
                and following.text not in CREDIT_LIST_END
                and self._department(following.text) is None
            ):
                character_text = following.text
                end_row = following
                consumed = 2
        character, credited_as, notes = (
            split_character(character_text) if character_text else (None, None, [])
        )
        self._add_credit(
            Credit(
                name=name,
                role="cast",
                department=department,
                character=character,
                credited_as=credited_as or name_as,
                notes=notes,
                span=(row.start, end_row.end),
            ),
            overview=False,
        )
        return consumed

    def _finish_credits(self) -> None:
        """One credit per person and role: the full lists win over the overview lists that repeat them."""
        listed = {(c.credit.name.casefold(), c.credit.role) for c in self.credits if not c.overview}
        seen: set[tuple[str, str, str | None, str | None, str | None]] = set()
        kept: list[Credit] = []
        for entry in self.credits:
            credit = entry.credit
            if entry.overview and (credit.name.casefold(), credit.role) in listed:
                continue
            key = (credit.name.casefold(), credit.role, credit.job, credit.character, credit.department)
            if entry.overview:
                key = (credit.name.casefold(), credit.role, None, None, None)
            if key in seen:
                continue
            seen.add(key)
            kept.append(credit)
        kept.sort(key=lambda credit: credit.span[0])
        self.page.credits = kept

    # --- did you know: trivia, goofs, quotes, connections ----------------------------------------

    def _read_did_you_know(self) -> None:
        """Items after "Did You Know?" (or "Fun Stuff" / "Fun Facts"): each under its label and closed by
        "See more »"; where a crawler lost the labels, an item is a quote by its "Speaker:" rows, a goof
        by its category prefix, and otherwise trivia."""
        for start in sorted(i for heading in DID_YOU_KNOW_HEADINGS for i in self.where.get(heading, ())):
            following = self.row(start + 1)
            if following is not None and following.text[:1].isupper():  # not the "triviagoofs..." links
                self._read_items(start + 1)

    def _read_items(self, index: int) -> None:
        count = len(self.rows)
        unlabelled_trivia_taken = False
        items = 0
        while index < count:
            row = self.rows[index]
            if row.text in DID_YOU_KNOW_END or row.text.startswith(("User reviews", "FAQ")):
                return
            if row.text == "Edit":
                index += 1
                continue
            label = row.text if (row.text in FACT_LABELS or row.text in QUOTE_LABELS) else None
            first = index + 1 if label else index
            last, closed, next_index = self._item_rows(first, 40 if label else 8)
            if last < first:
                if label is None or items == 0:
                    return  # labels one after another: the page's links, not its items
                index = next_index
                continue
            if not closed and not (self.modern and label is not None):
                return
            if label is None and not self.combined:
                return  # only crawler dumps of the combined view lose their labels
            items += 1
            kind = FACT_LABELS.get(label) if label else None
            if label in QUOTE_LABELS or (label is None and self._is_dialogue(first, last)):
                self._add_dialogue(first, last)
            elif kind is not None:
                self._add_fact(kind, first, last)
            elif label is None:
                if not self.rows[first].text[:1].isupper():
                    return
                if GOOF_CATEGORY.match(self.rows[first].text):
                    self._add_fact("goof", first, last)
                elif not unlabelled_trivia_taken:
                    self._add_fact("trivia", first, last)
                    unlabelled_trivia_taken = True
            index = next_index

    def _item_rows(self, first: int, limit: int) -> tuple[int, bool, int]:
        """(last row of the item, whether a "See more" closed it, where the next item starts)."""
        index = first
        count = len(self.rows)
        while index < count and index - first < limit:
            text = self.rows[index].text
            if text in ITEM_END:
                return index - 1, True, index + 1
            if (
                text in FACT_LABELS
                or text in QUOTE_LABELS
                or text in DID_YOU_KNOW_END
                or text in DID_YOU_KNOW_HEADINGS  # another section: read from its own heading
                or text.startswith("User reviews")
            ):
                return index - 1, False, index
            if _strip_links(text, more_links=self.more_links) != text:
                return index, True, index + 1
            index += 1
        return index - 1, False, index

    def _item_text(self, first: int, last: int, joiner: str) -> tuple[str, Span]:
        stripped = [
            (i, _strip_links(self.rows[i].text, more_links=self.more_links)) for i in range(first, last + 1)
        ]
        kept = [(i, part) for i, part in stripped if part]
        start = self.rows[first].start
        # The end of the last row that kept some text (a row that was only a link adds nothing).
        end = self.rows[kept[-1][0]].start + len(kept[-1][1]) if kept else self.rows[last].end
        return joiner.join(_collapse(part) for _i, part in kept), (start, end)

    def _add_fact(self, kind: FactKind, first: int, last: int) -> None:
        text, span = self._item_text(first, last, "\n" if kind == "soundtrack" else " ")
        if not text:
            return
        category = None
        if kind == "goof":
            match = GOOF_CATEGORY.match(text)
            if match:
                category = match["category"]
        if (kind, text) in self.known("facts", self.page.facts, lambda fact: (fact.kind, fact.text)):
            return
        self.page.facts.append(Fact(kind=kind, text=text, category=category, span=span))

    def _is_dialogue(self, first: int, last: int) -> bool:
        speakers = 0
        for index in range(first, last + 1):
            text = _strip_links(self.rows[index].text, more_links=self.more_links)
            if _DIRECTION_LINE.match(text):
                continue
            match = _SPEAKER_LINE.match(text)
            if match is None or (GOOF_CATEGORY.match(text) and not match["direction"] and index == first):
                return False
            speakers += 1
        return speakers > 0

    def _add_dialogue(self, first: int, last: int) -> None:
        """``Lui:[First lines] You saw nothing ...`` / ``Elle:I saw everything.`` -> one dialogue quote."""
        lines: list[QuoteLine] = []
        pending: str | None = None
        end = self.rows[first].end
        for index in range(first, last + 1):
            text = _strip_links(self.rows[index].text, more_links=self.more_links)
            if not text:
                continue
            direction = _DIRECTION_LINE.match(text)
            if direction:
                if direction["direction"] not in ("...", "…"):  # "[...]" marks a cut, not a direction
                    said = direction["direction"].strip()
                    pending = f"{pending}; {said}" if pending else said
                continue
            match = _SPEAKER_LINE.match(text)
            if match is None:
                break
            spoken = match["text"].strip()
            line_direction = match["direction"].strip() if match["direction"] else pending
            if not spoken:
                spoken = f"[{match['direction']}]" if match["direction"] else ""
                line_direction = pending
            pending = None
            if spoken:
                lines.append(
                    QuoteLine(
                        speaker=match["speaker"].strip(), direction=line_direction, text=_collapse(spoken)
                    )
                )
                end = self.rows[index].start + len(text)
        if not lines:
            return
        self.page.quotes.append(dialogue_quote(lines, (self.rows[first].start, end)))

    # --- reviews ---------------------------------------------------------------------------------

    def _read_user_reviews(self) -> None:
        """Featured and listed user reviews in the 2009-2020 layouts (2022+: see ``_read_next_layout``)."""
        index = 0
        count = len(self.rows)
        while index < count:
            text = self.rows[index].text
            if "people found" in text:
                match = _HELPFUL_OLD.match(text)
                if match:
                    index = self._old_review(index, match)
                    continue
            elif " | by " in text and _DATE_BY.match(text) and index > 0:
                index = self._review_2010(index)
                continue
            index += 1

    def _review_body(self, first: int, stop: Callable[[str], bool]) -> tuple[int, list[int]]:
        body: list[int] = []
        index = first
        while index < len(self.rows) and len(body) < 200:
            text = self.rows[index].text
            if stop(text):
                break
            body.append(index)
            index += 1
        return index, body

    def _old_review(self, index: int, helpful: re.Match[str]) -> int:
        """ "15 out of 18 people found the following review useful." / "Title, 10 May 2011" /
        "Author: name from place" / paragraphs / "Was the above review useful to you?"."""
        first = index
        title: str | None = None
        date: str | None = None
        author: str | None = None
        location: str | None = None
        index += 1
        for _ in range(4):
            row = self.row(index)
            if row is None:
                break
            text = row.text
            if text.startswith("Author:"):
                author, location = _author_from(text[len("Author:") :])
            elif _DATE_ROW.match(text):
                date = _iso_date(text)
            elif title is None:
                match = _TITLE_DATE.match(text)
                if match:
                    title, date = match["title"], _iso_date(match["date"])
                else:
                    title = text
            else:
                break
            index += 1
        end, body = self._review_body(index, lambda text: text.startswith("Was the above"))
        if not body:
            return end + 1
        paragraphs = [_collapse(self.rows[i].text) for i in body]
        self.page.reviews.append(
            Review(
                kind="user",
                text="\n\n".join(paragraphs),
                title=title,
                author=author,
                author_location=location,
                date=date,
                helpful_yes=_number(helpful["yes"]),
                helpful_total=_number(helpful["total"]),
                span=(self.rows[first].start, self.rows[body[-1]].end),
            )
        )
        return end + 1

    def _review_2010(self, index: int) -> int:
        """Title / "19 May 2004 | by rainman-33 (Texas, USA) – See all my reviews" / paragraphs /
        "221 of 413 people found this review helpful."."""
        match = _DATE_BY.match(self.rows[index].text)
        if match is None:
            return index + 1
        title_row = self.rows[index - 1]
        end, body = self._review_body(
            index + 1,
            lambda text: _HELPFUL_2010.match(text) is not None or text.startswith("Review this title"),
        )
        if not body:
            return end
        helpful_row = self.row(end)
        helpful = _HELPFUL_2010.match(helpful_row.text) if helpful_row is not None else None
        last = body[-1]
        span_end = self.rows[last].end
        if helpful_row is not None and helpful:
            span_end = helpful_row.start + helpful.end()
        self.page.reviews.append(
            Review(
                kind="user",
                text="\n\n".join(_collapse(self.rows[i].text) for i in body),
                title=title_row.text,
                author=match["author"].strip(),
                author_location=match["location"],
                date=_iso_date(match["date"]),
                helpful_yes=_number(helpful["yes"]) if helpful else None,
                helpful_total=_number(helpful["total"]) if helpful else None,
                span=(title_row.start, span_end),
            )
        )
        return end + 1

    def _read_critic_reviews(self, tree: LexborHTMLParser) -> None:
        """The Metacritic critic reviews subpage: score, publication, critic and excerpt per row."""
        rows = tree.css('tr[itemprop="reviews"]')
        cursor = 0
        for node in rows:
            score = _node_text(node.css_first('[itemprop="ratingValue"]'))
            publisher = _node_text(node.css_first('[itemprop="publisher"] [itemprop="name"]'))
            author = _node_text(node.css_first('[itemprop="author"] [itemprop="name"]'))
            summary = _node_text(node.css_first('[itemprop="reviewbody"]'))
            score_span = self.locate_row(score, cursor) if score else None
            start = score_span[0] if score_span else cursor
            pieces = [piece for piece in (publisher, author, summary) if piece]
            spans = []
            at = start
            for piece in pieces:
                found = self.locate(piece, at)
                if found is None or found[0] < at:
                    break
                spans.append(found)
                at = found[1]
            if len(spans) != len(pieces) or not summary:
                continue
            cursor = at
            rating = Rating(value=float(score), scale=100) if score and score.isdigit() else None
            self.page.reviews.append(
                Review(
                    kind="critic",
                    text=summary,
                    author=author or None,
                    publication=publisher or None,
                    rating=rating,
                    span=(start, at),
                )
            )

    def _read_recommendations(self) -> None:
        """Titles the page recommends: names on one row split by wide gaps (combined; a crawler dump that
        ran them together with single spaces cannot be split honestly), or ``Title (YYYY)`` rows."""
        related = self.page.film.related_films
        index = self.find_row("If you enjoyed this title, our database also recommends:")
        if index is not None:
            row = self.row(index + 1)
            if row is not None and set(row.text) <= {"-", " "}:
                row = self.row(index + 2)
            if row is not None and _WIDE_GAP.search(row.text):
                related.extend(part.strip() for part in _WIDE_GAP.split(row.text) if part.strip())
            return
        for heading in (
            "Recommendations",
            "People who liked this also liked...",
            "More Like This",
            "More like this",
        ):
            read_to = 0  # rows before this one were read, finding nothing, after an earlier such heading
            for start in self.where.get(heading, ()):
                if heading == "More like this":
                    self._next_recommended_rows(start + 1)
                else:
                    read_to = self._recommended_rows(start + 1, read_to)
                if related:
                    return

    def _recommended_rows(self, index: int, read_to: int) -> int:
        """``Title (YYYY)`` rows in the RECOMMENDATION_ROWS rows from ``index``; returns where reading ended.

        Rows before ``read_to`` were read after an earlier heading without a title nor a stop among them:
        reading resumes there, so 100,000 headings in a row cost each row one read, not 120.
        """
        related = self.page.film.related_films
        end = min(index + RECOMMENDATION_ROWS, len(self.rows))
        for at in range(max(index, read_to), end):
            text = self.rows[at].text
            match = _RECOMMENDED_TITLE.match(text)
            if match:
                if match["title"] not in related:
                    related.append(match["title"])
            elif text.startswith(("See more recommendations", "Edit", "Cast")) or text == "Message Boards":
                return at  # a later heading before this row stops here too
        return max(end, read_to)

    def _next_recommended_rows(self, index: int) -> None:
        """2022+: score rows ("6.8"), each followed by the title it scores."""
        related = self.page.film.related_films
        for offset in range(RECOMMENDATION_ROWS):
            row = self.row(index + offset)
            if row is None:
                return
            text = row.text
            previous = self.row(index + offset - 1)
            if (
                previous is not None
                and offset > 0
                and _NEXT_SCORE_ROW.match(previous.text)
                and not _NEXT_SCORE_ROW.match(text)
            ):
                related.append(text)
            elif not _NEXT_SCORE_ROW.match(text):
                return

    def _read_synopsis_page(self) -> None:
        """The synopsis subpage: the paragraphs between the spoiler notice and "Page last updated by"."""
        start = self.find_row(
            "Visit our Synopsis Help to learn more",
            "See plot summary for non-spoiler summarized description.",
        )
        if start is None or (
            "Synopsis for" not in self.where and not any("> Synopsis" in r.text for r in self.rows[:200])
        ):
            return
        following = self.row(start + 1)
        if following is not None and following.text == "Visit our Synopsis Help to learn more":
            start += 1
        _end, body = self._review_body(
            start + 1, lambda text: text.startswith(("Page last updated by", "Report a problem"))
        )
        if not body:
            return
        film = self.page.film
        film.synopsis = "\n\n".join(_collapse(self.rows[i].text) for i in body)
        film.synopsis_truncated = False
        film.field_spans["synopsis"] = (self.rows[body[0]].start, self.rows[body[-1]].end)

    # --- 2022+ as text (a crawler's dump): label rows without colons, values on the rows below ----

    def _read_modern_text(self) -> None:
        """Details ("Release date" / "June 4, 2021 (United States)") and the principal credits
        ("Directors" / one name per row) of a 2022+ page given as text."""
        details = self.find_row("Details")
        for index, row in enumerate(self.rows):
            key = MODERN_DETAIL_LABELS.get(row.text)
            if key is None or (details is not None and index < details and not key.startswith("storyline")):
                continue
            for value_index in self._modern_values(index):
                value_row = self.rows[value_index]
                self._next_value(key, value_row.text, (value_row.start, value_row.end), row.text)
        for index, row in enumerate(self.rows):
            role = MODERN_CREDIT_LABELS.get(row.text)
            if role is None:
                continue
            for value_index in self._modern_values(index):
                value_row = self.rows[value_index]
                name = value_row.text
                if len(name) > 50 or any(char.isdigit() for char in name):
                    break
                job = "creator" if row.text.startswith("Creator") else None
                credit = Credit(
                    name=name, role=role, department=row.text, job=job, span=(value_row.start, value_row.end)
                )
                self._add_credit(credit, overview=True)

        self._modern_text_plot()
        self._modern_text_cast()
        self._modern_text_review()

    def _modern_text_cast(self) -> None:
        """ "Top cast" rows: a name, its character ("Sterling Archeras Sterling Archer…" is the character
        printed twice), then optional "(voice)", "(as ...)", "…" and "127 episodes" rows."""
        heading = next((i for i, row in enumerate(self.rows) if row.text.startswith("Top cast")), None)
        if heading is None:
            return
        index = heading + 1
        count = len(self.rows)
        while index < count and self.rows[index].text == "Edit":
            index += 1
        while index + 1 < count:
            name_row = self.rows[index]
            name = name_row.text
            if (
                name in MODERN_CREDIT_LABELS
                or name in MODERN_STOP
                or len(name) > 60
                or name.startswith("See ")
            ):
                return
            character_row = self.rows[index + 1]
            character = _undoubled_character(character_row.text)
            end = character_row.end
            notes: list[str] = []
            credited_as = None
            index += 2
            while index < count:
                text = self.rows[index].text
                if text.startswith("(") and text.endswith(")"):
                    inner = text[1:-1].strip()
                    if inner.startswith("as "):
                        credited_as = inner[3:].strip() or None
                    else:
                        notes.append(inner)
                elif text != "…" and not _EPISODES.match(text):
                    break
                end = self.rows[index].end
                index += 1
            credit = Credit(
                name=name,
                role="cast",
                department="Top cast",
                character=character,
                credited_as=credited_as,
                notes=notes,
                span=(name_row.start, end),
            )
            self._add_credit(credit, overview=False)

    def _modern_text_plot(self) -> None:
        """The plot above the first credit label; the page prints it up to three times (short, medium,
        long) on one row: the longest copy is kept."""
        labels = [i for i, row in enumerate(self.rows) if row.text in MODERN_CREDIT_LABELS]
        if not labels or labels[0] == 0:
            return
        row = self.rows[labels[0] - 1]
        text = row.text
        if len(text) < 40 or "IMDb" in text:
            return
        probe = text[:30]
        starts = [0]
        while (found := text.find(probe, starts[-1] + 1)) > 0:
            starts.append(found)
        starts.append(len(text))
        begin, end = max(itertools.pairwise(starts), key=lambda pair: pair[1] - pair[0])
        copy = _strip_links(text[begin:end].rstrip())
        self._set_synopsis(copy, (row.start + begin, row.start + begin + len(copy)))

    def _modern_text_review(self) -> None:
        """ "Featured review" / "9/10" / title / paragraphs / "helpful•86" / "18" / author / "Nov 7, 2004"."""
        heading = self.find_row("Featured review", "Top review")
        if heading is None:
            return
        first = heading + 1
        rating = None
        match = _RATING_ONLY.match(self.rows[first].text) if first < len(self.rows) else None
        if match:
            rating = Rating(value=_decimal(match["value"]), scale=10)
            first += 1
        date_index = next(
            (
                i
                for i in range(first + 2, min(first + 80, len(self.rows)))
                if _NEXT_DATE.match(self.rows[i].text)
            ),
            None,
        )
        if date_index is None:
            return
        author_index = date_index - 1
        body_end = author_index
        helpful_yes = helpful_no = None
        for index in range(first + 1, author_index):
            helpful = _NEXT_HELPFUL.match(self.rows[index].text)
            if helpful:
                helpful_yes = _abbreviated(helpful["yes"])
                if index + 1 < author_index:
                    helpful_no = self._not_helpful(index + 1)
                body_end = index
                break
        body = list(range(first + 1, body_end))
        if not body:
            return
        self.page.reviews.append(
            Review(
                kind="user",
                text="\n\n".join(_collapse(self.rows[i].text) for i in body),
                title=self.rows[first].text,
                author=self.rows[author_index].text,
                date=parse_date(self.rows[date_index].text, fallback=False),
                rating=rating,
                helpful_yes=helpful_yes,
                helpful_no=helpful_no,
                span=(self.rows[heading].start, self.rows[date_index].end),
            )
        )

    def _not_helpful(self, index: int) -> int | None:
        """The bare count after a 2022+ "helpful • 24" row: the review's "not helpful" votes."""
        row = self.row(index)
        return _abbreviated(row.text) if row is not None and _NEXT_COUNT_ROW.match(row.text) else None

    def _modern_values(self, label_index: int) -> list[int]:
        """The rows under a 2022+ label, up to the next label or a link row."""
        found: list[int] = []
        for index in range(label_index + 1, min(label_index + 12, len(self.rows))):
            text = self.rows[index].text
            if text in MODERN_DETAIL_LABELS or text in MODERN_CREDIT_LABELS or text in MODERN_STOP:
                break
            if text.startswith(("See ", "Edit", "IMDb", "Production, box office")):
                break
            found.append(index)
        return found

    # --- 2022+ (Next.js): values from the HTML tree, spans from the rendering --------------------

    def _read_next_layout(self, tree: LexborHTMLParser) -> None:
        self._next_hero(tree)
        self._next_metadata(tree)
        self._next_principal_credits(tree)
        self._next_cast(tree)
        self._next_genres(tree)
        self._next_plot(tree)
        self._next_review(tree)

    def _next_hero(self, tree: LexborHTMLParser) -> None:
        """The row of facts under the title: year, certificate ("14A", "TV-MA"), runtime ("2h 22m")."""
        items = tree.css('[data-testid="hero-title-block__metadata"] > li')
        title = tree.css_first('[data-testid="hero__pageTitle"], [data-testid="hero-title-block__title"]')
        title_span = self.locate_row(_node_text(title)) if title is not None else None
        if title_span is None:
            return
        if not items:
            sibling = title.next if title is not None else None
            while sibling is not None and sibling.tag == "-text":
                sibling = sibling.next
            if sibling is None or sibling.tag != "ul":
                return
            items = sibling.css("li")
        cursor = title_span[1]
        for item in items:
            value = _dedoubled(_node_text(item))
            span = self.locate_row(value, cursor) if value else None
            if span is None or span[0] - cursor > 200:
                continue
            cursor = span[1]
            if _HERO_CERTIFICATE.match(value) and not value.isdigit():
                self._add_certificate(Certificate(rating=value, span=span))
            elif self.page.film.runtime_minutes is None and (minutes := _runtime_minutes(value)):
                self.page.film.runtime_minutes = minutes
                self.page.film.field_spans["runtime_minutes"] = span

    def _metadata_items(self, tree: LexborHTMLParser, testid: str) -> Iterator[tuple[str, list[str]]]:
        """(label, values) of each ``data-testid`` item: "Release date" / ["September 17, 2009 (...)"]."""
        for node in tree.css(f'[data-testid="{testid}"]'):
            label_node = node.child
            while label_node is not None and label_node.tag == "-text":
                label_node = label_node.next
            label = _node_text(label_node)
            values = [_node_text(item) for item in node.css("ul li") if item.mem_id != node.mem_id]
            if not values:  # "Runtime" / "2 hours 22 minutes": no list, just text
                whole = _node_text(node)
                values = [whole[len(label) :].strip() if whole.startswith(label) else whole]
            yield label, [value for value in values if value]

    def _next_metadata(self, tree: LexborHTMLParser) -> None:
        """The "Details", "Box office", "Tech specs" and "Storyline" items, each located in the text."""
        cursor = 0
        for testid in (
            "title-details-releasedate",
            "title-details-origin",
            "title-details-languages",
            "title-details-akas",
            "title-techspec_runtime",
            "title-techspec_aspectratio",
            "title-boxoffice-grossdomestic",
            "storyline-taglines",
            "storyline-certificate",
            "storyline-genres",
            "title-details-companies",
        ):
            for label, values in self._metadata_items(tree, testid):
                label_span = self.locate_row(label, cursor) if label else None
                at = label_span[1] if label_span else cursor
                for value in values:
                    span = self.locate(value, at)
                    if span is None:
                        continue
                    at = span[1]
                    self._next_value(testid, value, span, label)

    def _next_value(self, testid: str, value: str, span: Span, label: str) -> None:
        film = self.page.film
        if testid == "title-details-releasedate":
            self._add_release_date(value, span)
        elif testid in ("title-details-origin", "title-details-languages"):
            target = "countries" if testid.endswith("origin") else "languages"
            values: list[str] = getattr(film, target)
            if value not in self.known(target, values, str):
                values.append(value)
                film.field_spans.setdefault(target, span)
        elif testid == "title-details-akas":
            if value not in self.known("alternate_titles", film.alternate_titles, lambda aka: aka.title):
                film.alternate_titles.append(AlternateTitle(title=value, span=span))
        elif testid == "title-techspec_runtime" and film.runtime_minutes is None:
            minutes = _runtime_minutes(value)
            if minutes is not None:
                film.runtime_minutes = minutes
                film.field_spans["runtime_minutes"] = span
        elif testid == "title-techspec_aspectratio" and film.aspect_ratio is None and _ASPECT.match(value):
            film.aspect_ratio = value
            film.field_spans["aspect_ratio"] = span
        elif testid == "title-boxoffice-grossdomestic" and film.box_office is None and value.startswith("$"):
            film.box_office = _number(value)
            film.field_spans["box_office"] = span
        elif testid == "storyline-taglines" and film.tagline is None:
            film.tagline = value
            film.field_spans["tagline"] = span
        elif testid == "storyline-certificate":
            self._add_certificate(Certificate(rating=value, span=span))
        elif (
            testid == "storyline-genres"
            and len(value) <= 30
            and value not in self.known("genres", film.genres, str)
        ):
            film.genres.append(value)
            film.field_spans.setdefault("genres", span)
        elif testid == "title-details-companies":
            credit = Credit(name=value, role="company", department=label or None, span=span)
            self._add_credit(credit, overview=False)

    def _next_principal_credits(self, tree: LexborHTMLParser) -> None:
        cursor = 0
        for label, names in self._metadata_items(tree, "title-pc-principal-credit"):
            role = role_for_department(label)
            label_span = self.locate_row(label, cursor)
            if role is None or label_span is None:
                continue
            at = label_span[1]
            for raw in names:
                name, credited_as, notes = split_remarks(raw)
                span = self.locate(raw, at)
                if span is None or not name:
                    continue
                at = span[1]
                job = "creator" if label.startswith("Creator") else None
                self._add_credit(
                    Credit(
                        name=name,
                        role=role,
                        department=label,
                        job=job,
                        credited_as=credited_as,
                        notes=notes,
                        span=span,
                    ),
                    overview=True,
                )
            cursor = at

    def _next_cast(self, tree: LexborHTMLParser) -> None:
        cursor = 0
        heading = self.locate_row("Top cast", 0) or self.locate("Top cast")
        if heading is not None:
            cursor = heading[1]
        for item in tree.css('[data-testid="title-cast-item"]'):
            name = _node_text(item.css_first('[data-testid="title-cast-item__actor"]'))
            span = self.locate(name, cursor) if name else None
            if span is None:
                continue
            end = span[1]
            character = None
            notes: list[str] = []
            credited_as = None
            link = item.css_first('[data-testid="cast-item-characters-link"]')
            if link is not None:
                first_span = link.css_first("span")
                character = _node_text(first_span) or _node_text(link)
                found = self.locate_near(character, end, 39) if character else None
                if found is not None:
                    end = found[1]
                else:
                    character = None
            for remark_node in item.css('[data-testid="cast-item-characters-list"] li > span'):
                remark = _node_text(remark_node)
                if not (remark.startswith("(") and remark.endswith(")")):
                    continue
                found = self.locate_near(remark, end, 40)
                if found is None:
                    continue
                end = found[1]
                inner = remark[1:-1].strip()
                if inner.startswith("as "):
                    credited_as = inner[3:].strip() or None
                elif is_cast_note(inner) or inner:
                    notes.append(inner)
            cursor = end
            self._add_credit(
                Credit(
                    name=name,
                    role="cast",
                    department="Top cast",
                    character=character,
                    credited_as=credited_as,
                    notes=notes,
                    span=(span[0], end),
                ),
                overview=False,
            )

    def _next_genres(self, tree: LexborHTMLParser) -> None:
        chips = tree.css('[data-testid="genres"] a, [data-testid="genres"] .ipc-chip__text')
        if not chips:
            chips = tree.css('[data-testid="interests"] a .ipc-chip__text, [data-testid="interests"] a')
        official = set(_json_ld_genres(tree))
        title_span = self.page.film.field_spans.get("title")
        cursor = title_span[1] if title_span else 0
        for chip in chips:
            genre = _node_text(chip)
            if not genre or (official and genre not in official):
                continue
            if genre in self.known("genres", self.page.film.genres, str):
                continue
            span = self.locate(genre, cursor)
            if span is None:
                continue
            cursor = span[1]
            self.page.film.genres.append(genre)
            self.page.film.field_spans.setdefault("genres", span)

    def _next_plot(self, tree: LexborHTMLParser) -> None:
        if self.page.film.synopsis is not None:
            return
        for testid in ("plot-xl", "plot-l", "plot-xs_to_m"):
            plot = _node_text(tree.css_first(f'[data-testid="{testid}"]'))
            span = self.locate(plot) if plot else None
            if span is not None:
                self._set_synopsis(plot, span)
                return

    def _next_review(self, tree: LexborHTMLParser) -> None:
        """The featured user review: rating, title, text, helpful votes, author and date."""
        section = tree.css_first('[data-testid="UserReviews"]')
        if section is None:
            return
        title = _node_text(section.css_first('[data-testid="review-summary"]'))
        author = _node_text(section.css_first('[data-testid="author-link"]'))
        heading = self.locate_row("Featured review") or self.locate_row("Top review")
        if not title or heading is None:
            return
        title_span = self.locate_row(title, heading[1]) or self.locate(title, heading[1])
        if title_span is None:
            return
        first = next((i for i, row in enumerate(self.rows) if row.start >= title_span[1]), None)
        if first is None:
            return
        rating: Rating | None = None
        previous = self.rows[first - 2] if first >= 2 else None
        if previous is not None and previous.start >= heading[1]:
            match = _RATING_ONLY.match(previous.text)
            if match:
                rating = Rating(value=_decimal(match["value"]), scale=10)
        body: list[int] = []
        helpful_yes = helpful_no = None
        index = first
        while index < len(self.rows) and index - first < 100:
            text = self.rows[index].text
            helpful = _NEXT_HELPFUL.match(text)
            if helpful:
                helpful_yes = _abbreviated(helpful["yes"])
                helpful_no = self._not_helpful(index + 1)
                index += 2  # the next row counts the "not helpful" votes
                break
            if author and text == author:
                break
            body.append(index)
            index += 1
        if not body:
            return
        date = None
        end = self.rows[body[-1]].end
        for offset in range(3):
            row = self.row(index + offset)
            if row is None:
                break
            if author and row.text == author:
                end = row.end
                following = self.row(index + offset + 1)
                if following is not None and _NEXT_DATE.match(following.text):
                    date = parse_date(following.text, fallback=False)
                    end = following.end
                break
        self.page.reviews.append(
            Review(
                kind="user",
                text="\n\n".join(_collapse(self.rows[i].text) for i in body),
                title=title,
                author=author or None,
                date=date,
                rating=rating,
                helpful_yes=helpful_yes,
                helpful_no=helpful_no,
                # From the heading to the last row read, whichever order a mangled page printed them in.
                span=(min(heading[0], self.rows[body[0]].start), max(end, heading[1])),
            )
        )


# 2022+ overview labels and navigation words that are also department names: read elsewhere.
_NOT_DEPARTMENTS = frozenset(
    {"Director", "Directors", "Writer", "Writers", "Stars", "Star", "Creator", "Creators", "Music"}
    | {"Cinematography", "Film Editing"}
)


@functools.lru_cache(maxsize=4096)
def _department_heading(text: str) -> tuple[str, str] | None:
    """ "Writing Credits (WGA)" -> ("Writing Credits", "writer"); "Cast (in credits order) ..." -> cast."""
    heading = text
    paren = heading.find("(")
    if paren > 0:
        heading = heading[:paren]
    heading = heading.removesuffix("verified as complete").strip()
    role = role_for_department(heading)
    if role is None or heading in _NOT_DEPARTMENTS:
        return None
    if role == "company" and heading not in COMPANY_HEADINGS:
        return None
    return heading, role


def _split_entry(text: str) -> tuple[str, str]:
    """ "Anatole Dauman .... producer" / "Bruce Willis  ...  Officer McClane" / "Marguerite Duras  writer"
    -> (name part, the rest); the rest is "" when there is no separator."""
    dots = text.find("...")
    if dots >= 0:
        return text[:dots].rstrip(), text[dots:].lstrip(".").strip()
    gap = text.find("  ")
    if gap >= 0:
        return text[:gap], text[gap:].strip()
    return text, ""


def _undoubled_character(text: str) -> str | None:
    """ "Sterling Archeras Sterling Archer…" -> "Sterling Archer" (2022: the name, then "as" and the name)."""
    text = text.removesuffix("…").strip()
    half = text.find("as ")
    while half > 0:
        if text[:half] == text[half + 3 :]:
            return text[:half]
        half = text.find("as ", half + 1)
    return text or None


def _dedoubled(text: str) -> str:
    """``"TV-MATV-MA"`` -> ``"TV-MA"``: the 2022 hero prints some values twice (wide and narrow)."""
    half = len(text) // 2
    if len(text) % 2 == 0 and half and text[:half] == text[half:]:
        return text[:half]
    return text


def _runtime_minutes(text: str) -> int | None:
    """ "131 min", "2h 22min", "2h 22m", "22 minutes", "2 hours 22 minutes", "1 hour" -> minutes."""
    text = text.strip()
    match = _RUNTIME_HM.match(text)
    if match is None or not (match["hours"] or match["minutes"]):
        return None
    minutes = int(match["hours"] or 0) * 60 + int(match["minutes"] or 0)
    return minutes or None


def _certificate_note(remarks: str) -> str | None:
    """``" (re-rating) (2011)"`` -> ``"re-rating (2011)"``: the first remark unwrapped, the rest kept."""
    remarks = _collapse(remarks)
    if remarks.startswith("(") and ")" in remarks:
        close = remarks.index(")")
        remarks = (remarks[1:close] + remarks[close + 1 :]).strip()
    return remarks or None


def _regions_with_notes(text: str) -> list[tuple[str | None, str | None]]:
    """``"France (original title), Canada (French title)"`` -> [("France", "original title"), ...]."""
    parts: list[tuple[str | None, str | None]] = []
    for piece, _at in split_name_list(text.replace(" and ", " & ")):
        region = piece.split("(", 1)[0].strip() or None
        notes = "; ".join(note.strip() for note in _PARENS.findall(piece) if note.strip())
        parts.append((region, notes or None))
    return parts or [(None, None)]


def _author_from(text: str) -> tuple[str | None, str | None]:
    """``" chaos-rampant from Greece"`` -> ("chaos-rampant", "Greece")."""
    author, _, location = text.strip().partition(" from ")
    return (_collapse(author) or None, _collapse(location) or None)


def _node_text(node: LexborNode | None) -> str:
    if node is None:
        return ""
    return _collapse(node.text(deep=True))


def _json_ld_genres(tree: LexborHTMLParser) -> list[str]:
    """The ``genre`` list of the page's JSON-LD (read with json.loads, never evaluated)."""
    import json

    for script in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(script.text(deep=True))
        except ValueError:
            continue
        if isinstance(data, dict):
            genre = data.get("genre")
            if isinstance(genre, str):
                return [genre]
            if isinstance(genre, list):
                return [item for item in genre if isinstance(item, str)]
    return []
