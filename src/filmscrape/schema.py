"""The output contract: attrs classes for everything an adapter returns.

Field names and their order are public API (see docs/schema.md). Absent values are ``None`` or ``[]``,
never ``""`` or a placeholder. Every extracted record carries ``span``: ``(start, end)`` character offsets
into ``Page.text``, so ``page.text[start:end]`` is where the value was read.
"""

from __future__ import annotations

from typing import Literal

import attrs

SCHEMA_VERSION = 1

Span = tuple[int, int]
"""``(start, end)`` offsets into ``Page.text``; ``(0, 0)`` only where nothing was read."""

NO_SPAN: Span = (0, 0)

InputFormat = Literal["text", "html"]
ScoreKind = Literal["critics", "top_critics", "audience", "users", "metascore", "reviewer"]
ScoreMetric = Literal["average", "percent_positive"]
ReviewKind = Literal["critic", "audience", "user", "blog", "essay"]
QuoteKind = Literal["dialogue", "tagline", "epigraph", "quotation"]
FactKind = Literal[
    "trivia",
    "goof",
    "connection",
    "alternate_version",
    "soundtrack",
    "crazy_credit",
    "citation",
    "award",
]
Verdict = Literal["positive", "mixed", "negative"]
Origin = Literal["text", "markup"]
"""Where a record's values were read: the page text its span cites, or the page's markup (embedded JSON,
element attributes) when the text rendering does not print them; then the span cites the nearest printed
anchor ("282 Reviews")."""

CREDIT_ROLES: tuple[str, ...] = (
    "director",
    "writer",
    "producer",
    "composer",
    "cinematographer",
    "editor",
    "production_designer",
    "art_director",
    "set_decorator",
    "costume_designer",
    "makeup",
    "production_manager",
    "assistant_director",
    "art_department",
    "sound",
    "visual_effects",
    "stunts",
    "camera",
    "casting",
    "crew",
    "cast",
    "company",
)
"""The normalised vocabulary of ``Credit.role``."""


@attrs.define(kw_only=True)
class Source:
    """Which adapter read the page, how sure detection was, and what the input was."""

    adapter: str | None = None
    confidence: float = 0.0
    input_format: InputFormat = "text"
    url: str | None = None


@attrs.define(kw_only=True)
class AlternateTitle:
    """Another title of the film ("Hiroshima, My Love"), with where and why it is used."""

    title: str
    region: str | None = None
    note: str | None = None
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class ReleaseDate:
    """A release date; ``date`` is ISO 8601 (``--MM-DD`` when the page gives no year)."""

    date: str | None = None
    date_text: str | None = None
    region: str | None = None
    note: str | None = None
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Certificate:
    """An age rating such as ``UK: 12 (re-rating) (2011)`` or the MPAA's ``R``."""

    region: str | None = None
    rating: str
    note: str | None = None
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Award:
    """An awards line or one award, as printed."""

    text: str
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Film:
    """Facts about the film itself. ``field_spans`` maps a scalar field's name to where it was read."""

    title: str | None = None
    year: int | None = None
    original_title: str | None = None
    alternate_titles: list[AlternateTitle] = attrs.Factory(list)
    genres: list[str] = attrs.Factory(list)
    runtime_minutes: int | None = None
    synopsis: str | None = None
    synopsis_truncated: bool = False
    tagline: str | None = None
    release_dates: list[ReleaseDate] = attrs.Factory(list)
    certificates: list[Certificate] = attrs.Factory(list)
    aspect_ratio: str | None = None
    box_office: int | None = None
    distributor: str | None = None
    consensus: str | None = None
    awards: list[Award] = attrs.Factory(list)
    related_films: list[str] = attrs.Factory(list)
    countries: list[str] = attrs.Factory(list)
    languages: list[str] = attrs.Factory(list)
    field_spans: dict[str, Span] = attrs.Factory(dict)


@attrs.define(kw_only=True)
class Score:
    """One score: an average on ``scale`` or a Tomatometer-style ``percent_positive``."""

    kind: ScoreKind
    metric: ScoreMetric
    value: float | None = None
    scale: float | None = None
    count: int | None = None
    positive: int | None = None
    negative: int | None = None
    derived: bool = False
    label: str | None = None
    origin: Origin = "text"
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Credit:
    """A person's (or company's) credit; ``role`` is normalised, ``department``/``job`` as printed."""

    name: str
    role: str
    department: str | None = None
    job: str | None = None
    character: str | None = None
    credited_as: str | None = None
    notes: list[str] = attrs.Factory(list)
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Rating:
    """A reviewer's own rating: ``value`` on ``scale`` (a letter grade keeps its ``text``)."""

    value: float | None = None
    scale: float | None = None
    text: str | None = None


@attrs.define(kw_only=True)
class Review:
    """A critic, audience or user review, or the page itself when it is a blog post or an essay."""

    kind: ReviewKind
    text: str | None = None
    title: str | None = None
    author: str | None = None
    author_location: str | None = None
    publication: str | None = None
    date: str | None = None
    top_critic: bool | None = None
    rating: Rating | None = None
    helpful_yes: int | None = None
    helpful_total: int | None = None
    helpful_no: int | None = None
    truncated: bool = False
    badges: list[str] = attrs.Factory(list)
    origin: Origin = "text"
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class ReviewCount:
    """How many reviews of a kind the site says it holds ("See more (99 total)", "238 critic")."""

    kind: ReviewKind
    count: int
    source: str | None = None
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class QuoteLine:
    """One speaker's line inside a dialogue quote; ``direction`` is a stage direction like "First lines"."""

    speaker: str | None = None
    direction: str | None = None
    text: str


@attrs.define(kw_only=True)
class Quote:
    """Dialogue from the film, a tagline, an epigraph, or a quotation from a named or unnamed person."""

    kind: QuoteKind
    text: str
    speaker: str | None = None
    attribution: str | None = None
    lines: list[QuoteLine] = attrs.Factory(list)
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class ItemScore:
    """The score printed next to a listing item (e.g. ``80%`` Tomatometer)."""

    kind: ScoreKind
    metric: ScoreMetric
    value: float | None = None
    scale: float | None = None


@attrs.define(kw_only=True)
class ListingItem:
    """One film or show in a listing: title, score, date and gross as printed.

    ``score`` is the item's first score (the critics' where the page prints both); ``audience_score`` is
    the audience's where the page prints it beside the critics' ("84% 91%").
    """

    title: str
    score: ItemScore | None = None
    audience_score: ItemScore | None = None
    date: str | None = None
    date_text: str | None = None
    gross: int | None = None
    gross_text: str | None = None
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Listing:
    """A section listing other films ("Top Box Office"); ``section`` is None when its heading was lost."""

    section: str | None = None
    items: list[ListingItem] = attrs.Factory(list)
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Fact:
    """A trivia item, goof, connection, citation marker, award and the like."""

    kind: FactKind
    text: str
    category: str | None = None
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Section:
    """A headed section of an article's body."""

    heading: str | None = None
    text: str
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Article:
    """The main text of a blog post or essay, without the site's boilerplate; ``field_spans`` as on Film."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    logline: str | None = None
    body: str | None = None
    sections: list[Section] = attrs.Factory(list)
    boilerplate_spans: list[Span] = attrs.Factory(list)
    verdict: Verdict | None = None
    field_spans: dict[str, Span] = attrs.Factory(dict)
    span: Span = NO_SPAN


@attrs.define(kw_only=True)
class Page:
    """Everything filmscrape read from one page. ``text`` is the decoded input that spans index."""

    schema_version: int = SCHEMA_VERSION
    source: Source = attrs.Factory(Source)
    film: Film = attrs.Factory(Film)
    scores: list[Score] = attrs.Factory(list)
    credits: list[Credit] = attrs.Factory(list)
    reviews: list[Review] = attrs.Factory(list)
    review_counts: list[ReviewCount] = attrs.Factory(list)
    quotes: list[Quote] = attrs.Factory(list)
    listings: list[Listing] = attrs.Factory(list)
    facts: list[Fact] = attrs.Factory(list)
    article: Article | None = None
    warnings: list[str] = attrs.Factory(list)
    path: str | None = None
    text: str = attrs.field(default="", repr=False)

    def to_dict(self, *, include_text: bool = False) -> dict[str, object]:
        """This page as plain JSON-ready data (``text`` only when asked for)."""
        from filmscrape.serialize import page_to_dict

        return page_to_dict(self, include_text=include_text)

    def to_json(self, *, indent: int | None = 2, include_text: bool = False) -> str:
        """This page as JSON: UTF-8 unescaped, keys in schema order."""
        from filmscrape.serialize import page_to_json

        return page_to_json(self, indent=indent, include_text=include_text)

    @classmethod
    def from_json(cls, data: str | bytes) -> Page:
        """Read a page back from the JSON that ``to_json`` wrote."""
        from filmscrape.serialize import page_from_json

        return page_from_json(data)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Page:
        """Read a page back from the data that ``to_dict`` made."""
        from filmscrape.serialize import page_from_dict

        return page_from_dict(data)
