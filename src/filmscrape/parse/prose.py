"""Reading film prose: paragraphs, boilerplate, headings, ratings, credits, quotations, awards, citations.

Shared by the ``blog`` and ``essay`` adapters. Everything works on ``Unit``s: the non-blank lines of the
page (a crawler dump puts one paragraph on a line), with inline "Advertisement" markers cut out of them.
Each helper returns values with spans into ``Document.text``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import NamedTuple

import attrs

from filmscrape.document import Document, Line
from filmscrape.parse import text as _text
from filmscrape.parse.dates import parse_date
from filmscrape.parse.text import collapse
from filmscrape.parse.titles import MAX_YEAR, MIN_YEAR, title_and_year
from filmscrape.schema import Credit, Fact, Quote, QuoteLine, Rating, Section, Span, Verdict


def strip_markdown(line: str) -> str:
    """``text.strip_markdown``, with its "plain prose: nothing to strip" test done by substring tests
    (seven C scans of a paragraph cost a seventh of its one-regex test; most lines are plain prose)."""
    if len(line) <= 2:
        return collapse(line)  # every Markdown construct takes three characters or more
    if not (
        line[:1].isdigit()
        or "<" in line
        or "[" in line
        or "*" in line
        or "_" in line
        or "#" in line
        or "- " in line
        or "+ " in line
    ):
        return collapse(line)
    return _text.strip_markdown(line)


Unit = Line
"""A paragraph-sized piece of the page: a non-blank line, or a part of one between ad markers.

The same (start, end, text) tuple as ``Document.lines``' entries, so that a whole line is its own unit
without a copy: on a page of short lines, a second object per line doubled the memory.
"""


# ---------------------------------------------------------------------------------------------------------
# Units and boilerplate

# (?<!\s): a whitespace run is entered at its start only (else each space of a long run rescans it).
_AD_MARKER = re.compile(r"(?<!\s)\s*(?<![A-Za-z])Advertisement(?![a-z])\s*")

# Whole lines that are the site talking, not the author (compared after Markdown/whitespace cleaning).
BOILERPLATE_LINES: frozenset[str] = frozenset(
    {
        "Advertisement", "Next", "Previous", "Next Post", "Previous Post", "Share this:", "Share",
        "Like this:", "Like", "Tweet", "Related", "Leave a comment", "Leave a Reply", "Reply",
        "Leave a Reply Cancel reply",
        "Comments", "Website", "Subscribe", "Subscribed", "Sign up", "Log in", "Loading...", "Loading…",
        "Email (Required)", "Name (Required)", "Loading Comments...", "Write a Comment...", "Post navigation",
        "Report this content", "View site in Reader", "Manage subscriptions", "Collapse this bar",
        "Search for:", "Menu", "Skip to content", "Read more", "Continue reading", "Older posts",
        "Newer posts",
    }
)  # fmt: skip
# Line beginnings that mark boilerplate: social links, sign-offs, copyright, cookie banners, navigation.
BOILERPLATE_PREFIXES: tuple[str, ...] = (
    "Follow me", "Follow us", "Copyright", "©", "You can read the rest of the review", "Read the rest of",
    "Share this", "Share on", "Posted in", "Tagged ", "Filed under", "This entry was posted", "Related posts",
    "We use cookies", "This site uses cookies", "This website uses cookies", "By continuing to use",
    "Privacy & Cookies", "Accept cookies", "Previous post", "Next post", "← ", "« ", "Like Loading",
    "Click to share", "Click to email", "Subscribe to", "Sign up for", "Join ", "Leave a comment",
    "Leave a Reply", "All rights reserved", "Powered by", "Blog at WordPress", "Create a free website",
)  # fmt: skip
BOILERPLATE_SUFFIXES: tuple[str, ...] = (" →", " »", "All rights reserved.", "All rights reserved")
MAX_BOILERPLATE_LINE = 400
MAX_PREFIXED_BOILERPLATE = 200  # a "Follow me ..." / "Copyright ..." line is shorter than this
MAX_SUFFIXED_BOILERPLATE = 120  # ... and an "Older posts »" one shorter than this
_COMMENT_COUNT = re.compile(r"^\d{1,5} (?:comments?|responses?|replies)$", re.I)


DECORATION = " \t*#-=_~•·.,;:!?…|/\\+()[]{}<>—–\"“”‘’'"
"""Characters a line of no words is made of: rules, stray marks and quote marks, never part of the text."""
MAX_RULE = 80


def units(doc: Document, start: int = 0, end: int | None = None) -> tuple[list[Unit], list[Span]]:
    """The page's paragraph units between ``start`` and ``end``, and the spans of ad markers cut out.

    The lines come from one ``str.split`` of the region, not from ``doc.lines``: a blank line costs an
    empty string (a page of a million newlines built a million line objects), no line is built twice, and
    no match object is made per line (a page of 100,000 one-letter lines).
    """
    text = doc.text
    stop = len(text) if end is None else end
    found: list[Unit] = []
    ads: list[Span] = []
    new_unit = tuple.__new__  # Unit(...) goes through a Python-level __new__: a line of "I " costs less
    append = found.append
    next_start = start
    for line_text in text[start:stop].split("\n"):
        line_start = next_start
        next_start += len(line_text) + 1
        stripped = line_text.strip()
        if not stripped:
            continue
        if len(stripped) <= MAX_RULE and not stripped.strip(DECORATION):
            continue  # "* * *", "---", "#": a rule or a stray mark, no words (nor any work for later steps)
        line_end = line_start + len(line_text)
        if "Advertisement" not in line_text:
            # The common case: a whole line, trimmed with str.strip (no character loop).
            if len(stripped) == len(line_text):
                append(new_unit(Unit, (line_start, line_end, line_text)))
            else:
                left = line_start + len(line_text) - len(line_text.lstrip())
                append(new_unit(Unit, (left, left + len(stripped), stripped)))
            continue
        cursor = line_start
        pieces: list[Span] = []
        for ad in _AD_MARKER.finditer(line_text):
            ads.append(doc.trimmed(line_start + ad.start(), line_start + ad.end()))
            pieces.append((cursor, line_start + ad.start()))
            cursor = line_start + ad.end()
        pieces.append((cursor, line_end))
        for piece_start, piece_end in pieces:
            left, right = doc.trimmed(piece_start, piece_end)
            if left < right:
                append(new_unit(Unit, (left, right, text[left:right])))
    return found, ads


class LineKind(NamedTuple):
    """A unit's text without Markdown and whether it is boilerplate."""

    clean: str
    boilerplate: bool


MEMO_LINE = 80  # short lines repeat on a page (labels, rules, sign-offs): their kind is worked out once


def line_kinds() -> Callable[[str], LineKind]:
    """A per-page ``text -> LineKind`` function remembering the short lines it has seen."""
    memo: dict[str, LineKind] = {}

    def kind(text: str) -> LineKind:
        known = memo.get(text)
        if known is None:
            clean = strip_markdown(text)
            known = LineKind(clean, is_boilerplate(text, clean))
            if len(text) <= MEMO_LINE:
                memo[text] = known
        return known

    return kind


def is_boilerplate(line: str, clean: str | None = None) -> bool:
    """True for a line the site prints around every post (share buttons, copyright, navigation...).

    ``clean`` is ``strip_markdown(line)`` when the caller has it already.
    """
    if len(line) > MAX_BOILERPLATE_LINE:
        return False  # boilerplate lines are short; paragraphs are not
    if clean is None:
        clean = strip_markdown(line)
    if not clean:
        return True
    if len(clean) >= MAX_PREFIXED_BOILERPLATE:
        return False  # longer than any whole boilerplate line and than a prefixed or suffixed one
    if clean in BOILERPLATE_LINES or _COMMENT_COUNT.match(clean):
        return True
    if clean.startswith(BOILERPLATE_PREFIXES):
        return True
    return clean.endswith(BOILERPLATE_SUFFIXES) and len(clean) < MAX_SUFFIXED_BOILERPLATE


FIRST_PERSON: tuple[str, ...] = (
    " I ",
    " my ",
    " me ",
    " me.",
    " me,",
    "I’m",
    "I'm",
    "I’ve",
    "I've",
    "My ",
    "\nI ",
)


# FIRST_PERSON by a substring a group shares ("" for none): a group is counted only where its gate is found.
_FIRST_PERSON_GATES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("", (" I ", " my ", "My ", "\nI ")),
    (" me", (" me ", " me.", " me,")),
    ("I’", ("I’m", "I’ve")),
    ("I'", ("I'm", "I've")),
)
assert sorted(m for _, group in _FIRST_PERSON_GATES for m in group) == sorted(FIRST_PERSON)


class TextCounts(NamedTuple):
    """Plain counts both prose detectors ask for, taken once per document."""

    spaces: int
    newlines: int
    first_person: float  # first_person_density of the text


def text_counts(doc: Document) -> TextCounts:
    """Spaces, newlines and first-person density of ``doc.text``, memoised on the document."""
    found: TextCounts | None = doc.memo.get("prose_counts")
    if found is None:
        text = doc.text
        spaces, newlines = text.count(" "), text.count("\n")
        words = spaces + newlines + 1 if len(text) <= FIRST_PERSON_SAMPLE else None  # the sample's own
        found = TextCounts(spaces, newlines, first_person_density(text, words=words))
        doc.memo["prose_counts"] = found
    return found


FIRST_PERSON_SAMPLE = 100_000


def first_person_density(text: str, sample: int = FIRST_PERSON_SAMPLE, *, words: int | None = None) -> float:
    """First-person words per 1,000 words in the first ``sample`` characters (plain counts: cheap; the
    markers sharing a gate ("I’" for "I’m" and "I’ve") are counted only where the gate is found).
    ``words``: the sample's word count (spaces + newlines + 1) when the caller has it already."""
    head = text[:sample]
    if words is None:
        words = head.count(" ") + head.count("\n") + 1
    found = 0
    for gate, markers in _FIRST_PERSON_GATES:
        if not gate or gate in head:
            found += sum(head.count(marker) for marker in markers)
    return 1000.0 * found / words


# ---------------------------------------------------------------------------------------------------------
# Front matter and title headers

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FRONT_FIELD = re.compile(r"^(?P<key>[A-Za-z_][\w-]{0,40}):[ \t]*(?P<value>[^\n]*)$", re.M)
_URL_LINE = re.compile(r"^https?://\S+$")


class Field(NamedTuple):
    """A value read from the page with its span."""

    value: str
    span: Span


def front_matter(doc: Document) -> tuple[Span, dict[str, Field]] | None:
    """YAML front matter (``---`` ... ``---``) at the top: its span and its scalar fields."""
    text = doc.text
    if not text.startswith("---"):
        return None
    first_newline = text.find("\n")
    if first_newline < 0 or text[:first_newline].strip() != "---":
        return None
    end = _FRONT_MATTER_END.search(text, first_newline + 1, min(len(text), 20_000))
    if end is None:
        return None
    fields: dict[str, Field] = {}
    for match in _FRONT_FIELD.finditer(text, first_newline + 1, end.start()):
        value_start, value_end = doc.trimmed(*match.span("value"))
        quoted = text[value_start] in "'\"" and text[value_end - 1] == text[value_start]
        if value_end - value_start >= 2 and quoted:
            value_start, value_end = value_start + 1, value_end - 1
        if value_start < value_end:
            field = Field(text[value_start:value_end], (value_start, value_end))
            fields.setdefault(match.group("key").lower(), field)
    return (0, end.end()), fields


def url_header(doc: Document, units_: Sequence[Unit]) -> tuple[int, Field, int | None] | None:
    """A "Great Movies" style header: a ``Title (YYYY)`` line followed by the page's URL line.

    Returns the number of header units, the title line and the year (None when the line has none).
    """
    if len(units_) < 2 or not _URL_LINE.match(units_[1].text) or len(units_[0].text) > 300:
        return None
    first = units_[0]
    found = title_and_year(first.text)
    year = found[1] if found else None
    return 2, Field(first.text, (first.start, first.end)), year


_TRAILING_PAREN = re.compile(r"(?<!\s)\s*\(([^()\n]{1,150})\)\s*$")


def split_alternates(title: str) -> tuple[str, list[str]]:
    """``"Tokyo Story (Tôkyô monogatari)"`` -> ``("Tokyo Story", ["Tôkyô monogatari"])``."""
    alternates: list[str] = []
    while True:
        match = _TRAILING_PAREN.search(title)
        if match is None or match.start() == 0:
            break
        alternates.insert(0, match.group(1).strip())
        title = title[: match.start()]
    return title.strip(), alternates


# "Hiroshima mon amour is a 1959 French New Wave romantic drama film"
DEFINITION = re.compile(  # the title starts a word: a run of capitals is not tried at every letter
    r"(?<![^\W\d_])(?P<title>[A-Z][^.\n]{0,120}?) (?:is|was) an? (?P<year>1[89]\d\d|20\d\d) "
    r"[^.\n]{0,200}?\b(?:film|movie)\b"
)
# Title-like text in double quotes: “Vertigo” / "The Birth of a Nation"
_QUOTED_TITLE = re.compile(
    r"[“\"](?P<title>[A-Z0-9][^“”\"\n]{0,80}?)[,.]?[”\"]|‘(?P<single>[A-Z0-9][^‘’\n]{0,80}?)[,.]?’(?!\w)"
)
_SMALL_WORDS = frozenset(
    "a an and the of in on at to for from with by or as is de la le du des et".split()  # noqa: SIM905
)


def _title_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 9 or text.endswith(("?", "!")):
        return False
    return all(word[0].isupper() or word[0].isdigit() or word.lower() in _SMALL_WORDS for word in words)


# Crawler dumps glue an italicised title to its neighbours: "ButThe Life of Chuckis", "likedMaterialistsmore".
_GLUED_START = re.compile(r"(?<=[a-z.,:;])(?=[A-Z])|^(?=[A-Z][\w’'-]{2,40}?(?:is|was|has) [a-z])", re.M)
_GLUED_TAILS = sorted(
    (
        "is", "has", "was", "and", "more", "in", "the", "as", "to", "that", "with", "at", "for", "on", "of",
        "but", "or", "are", "were", "does", "did", "had", "directed", "feels", "seems", "becomes",
    ),
    key=len,
    reverse=True,
)  # fmt: skip
_GLUED_TAIL = re.compile(rf"(?<=[a-z])(?:{'|'.join(_GLUED_TAILS)})$")  # longest first: "has" before "as"
# A title opening a line shows its glue at the end only ("Maamanis the latest..."): one of these, then a word.
_LINE_START_TAILS = ("is", "was", "has")
_GLUED_TOKEN = re.compile(r"[A-Z][\w’'-]{0,40}|(?:of|the|and|a|an|in|on|to|de|la)(?= [A-Z])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A title right after one of these words is another film the review compares ("afterNayakan", "fromPast
# Lives", "wowed byPast Lives"): it does not count towards the review's own title.
REFERENCE_WORDS = ("after", "from", "of", "by", "than", "like", "unlike", "since", "before")
_REFERENCE_BEFORE = re.compile(rf"(?<![a-z])(?:{'|'.join(REFERENCE_WORDS)}) ?$")


class _Glued(NamedTuple):
    title: str
    at: int
    reference: bool
    camel: bool  # glued inside a capitalised word ("MakingStarWars.net"): an identifier, not an italic


def _glued_titles(text: str, start: int, stop: int) -> Iterable[_Glued]:
    """Titles glued to the words around them, with their offsets and whether they are a reference."""
    for match in _GLUED_START.finditer(text, start, stop):
        position = match.start()
        line_start = position == 0 or text[position - 1] == "\n"
        words: list[str] = []
        for _ in range(8):
            token = _GLUED_TOKEN.match(text, position)
            if token is None:
                break
            words.append(token.group())
            position = token.end()
            if position >= len(text) or text[position] != " ":
                break
            position += 1
        while words and not words[-1][0].isupper():
            words.pop()
        if not words:
            continue
        last = words[-1]
        glue = _GLUED_TAIL.search(last)
        tail = glue.group() if glue is not None and glue.start() > 2 else None
        if tail is not None:
            words[-1] = last[: -len(tail)]
        if line_start:
            after = match.start() + len(" ".join(words)) + (len(tail) if tail else 0)
            if (
                tail not in _LINE_START_TAILS
                or not text.startswith(" ", after)
                or not text[after + 1 : after + 2].islower()
            ):
                continue
        title = " ".join(words).rstrip("’'")
        if title not in _STOP_WORDS and len(title) > 2:
            at = match.start()
            reference = _REFERENCE_BEFORE.search(text, max(start, at - 12), at) is not None
            word_start = at
            while word_start > 0 and text[word_start - 1].isalpha():
                word_start -= 1
            yield _Glued(title, at, reference, word_start < at and text[word_start].isupper())


def quoted_title(doc: Document, start: int = 0, end: int | None = None) -> Field | None:
    """The film title a review keeps naming: the most frequent title-like quote (“Vertigo”, ‘Thug Life’),
    or in a crawler dump the title glued to its neighbours; a short form ("Vice") counts for the full one
    ("Inherent Vice"), a glued form ("The Beaches ofAgnes") for the spaced one. None unless some title comes
    twice, except in a crawler dump: there the last glued title of the first paragraph naming one that is
    not a reference to another film ("As director, he gave usThe Quarry, and now we haveLowland")."""
    text = doc.text
    stop = len(text) if end is None else end
    counts: Counter[str] = Counter()
    first: dict[str, Span] = {}
    if "“" in text or '"' in text or "‘" in text:
        for match in _QUOTED_TITLE.finditer(text, start, stop):
            group = "title" if match.group("title") is not None else "single"
            title = match.group(group).strip().rstrip(",.")
            if not _title_like(_CAMEL.sub(" ", title)) or title.replace(" ", "").isdigit():
                continue
            counts[title] += 1
            first.setdefault(title, (match.start(group), match.start(group) + len(title)))
    glued: list[_Glued] = []
    if not counts:
        for found in _glued_titles(text, start, stop):
            if _title_like(found.title):
                glued.append(found)
                counts[found.title] += 0 if found.reference else 1
                first.setdefault(found.title, (found.at, found.at + len(found.title)))
    if not counts:
        return None
    squashed = {title: title.replace(" ", "").casefold() for title in counts}
    spaced = {title: f" {title.casefold()} " for title in counts}
    scores: Counter[str] = Counter()
    for title, count in counts.items():
        scores[title] += count
        for other in counts:  # "Wolf" is said for "The Wolf of Wall Street"; "The Beaches ofAgnes" is glued
            if other == title:
                continue
            shorter = spaced[title].rstrip(". ") + " " in spaced[other]
            glued_form = squashed[other] == squashed[title] and other.count(" ") > title.count(" ")
            if shorter or glued_form:
                scores[other] += count
    best = min(scores, key=lambda title: (-scores[title], first[title][0]))
    if scores[best] >= 2:
        return Field(best, first[best])
    if glued:
        line_end = text.find("\n", glued[0].at)
        in_first = [g for g in glued if (line_end < 0 or g.at < line_end) and not g.reference and not g.camel]
        if in_first:
            own = in_first[-1]
            return Field(own.title, (own.at, own.at + len(own.title)))
    return None


def definition_title(doc: Document, limit: int = 5000) -> tuple[Field, Field] | None:
    """Title and year from an encyclopedic first sentence: "X is a 1959 French ... film"."""
    match = DEFINITION.search(doc.text, 0, min(len(doc.text), limit))
    if match is None:
        return None
    year = int(match.group("year"))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    start, end = doc.trimmed(*match.span("title"))
    return Field(doc.text[start:end], (start, end)), Field(match.group("year"), match.span("year"))


# ---------------------------------------------------------------------------------------------------------
# Headings

MAX_HEADING = 60
MIN_HEADED_PARAGRAPH = 80  # a heading stands before a paragraph at least this long
MAX_HEADING_SOURCE = 200  # a line this long without links or tags cannot clean down to MAX_HEADING
_SENTENCE_END = (".", "!", "?", ":", ";", ",", "”", '"', "…", ")", "’")


def is_heading(unit: Unit, following: Unit | None) -> bool:
    """A short title-like line before a paragraph: "Overall Thoughts", "## Musical Score"."""
    text = unit.text
    if text.startswith("#"):
        return bool(strip_markdown(text))
    if following is None or len(following.text) < MIN_HEADED_PARAGRAPH:
        return False  # checked first: it is the cheapest test
    if len(text) > MAX_HEADING_SOURCE and "<" not in text and "](" not in text and "][" not in text:
        return False  # only links and tags shrink a line by much: a long line of prose is no heading
    clean = strip_markdown(text)
    if not clean or len(clean) > MAX_HEADING or len(clean.split()) > 7:
        return False
    if clean.endswith(_SENTENCE_END) or clean[0] in "“\"‘'(*[" or not clean[0].isupper():
        return False
    return not (is_boilerplate(clean) or parse_date(clean, fallback=False) or find_rating(clean))


def headings(units_: Sequence[Unit], skip: set[int]) -> set[int]:
    """Indexes of the units that are headings (``is_heading``), those in ``skip`` left out.

    Only a "#" line or a line before a paragraph can be one: the rest are passed over without a call."""
    last = len(units_) - 1
    return {
        index
        for index, unit in enumerate(units_)
        if (unit.text[0] == "#" or (index < last and len(units_[index + 1].text) >= MIN_HEADED_PARAGRAPH))
        and index not in skip
        and is_heading(unit, units_[index + 1] if index < last else None)
    }


# ---------------------------------------------------------------------------------------------------------
# Ratings

# "4.5 out of 5", "3/4 stars", "7/10" (only where the context says it is a rating)
_RATING_NUMBER = re.compile(
    r"(?P<value>\d{1,3}(?:\.\d{1,2})?)\s?(?:/|out of)\s?(?P<scale>\d{1,3})(?P<stars>\s?stars?)?(?![\d/])"
)
_STARS = re.compile(r"(?P<full>★{1,10})(?P<half>½)?(?P<empty>☆{0,10})")
_GRADE = re.compile(
    r"\b(?:Grade|GRADE|Rating|RATING|Score|SCORE|Verdict|VERDICT):\s?(?P<grade>[A-F][+-]?)(?![\w])"
)
_RATING_LABEL = re.compile(r"\b(?:Rating|RATING|Score|SCORE|Grade|GRADE|My rating|Verdict|VERDICT):\s?$")
_SL_RATING = re.compile(r"<sl-rating\b[^>\n]{0,200}?\bvalue=\"(?P<value>\d{1,2}(?:\.\d)?)\"")
RATING_SCALES = frozenset({4, 5, 10, 100})
SHORT_RATING_LINE = 40
RATING_LABEL_REACH = 20  # "My rating: " ends at most this many characters before the number


class RatingMatch(NamedTuple):
    """A reviewer's rating as printed: the rating, its span and the text it was read from."""

    rating: Rating
    span: Span


def find_rating(line: str, offset: int = 0) -> RatingMatch | None:
    """A reviewer's rating in one line: "**4.5 out of 5**", "★★★½", "3/4 stars", "Grade: B+".

    A bare fraction counts only on a short line of its own, after a "Rating:" label, or with "stars":
    "200,000 dead and 80,000 wounded" and "24/7" never do.
    """
    if "<sl-rating" in line:
        match = _SL_RATING.search(line)
        if match:
            # Shoelace's <sl-rating> has max=5 unless the page sets another.
            return RatingMatch(Rating(value=float(match["value"]), scale=5.0), _span(match, offset))
    if "★" in line:
        match = _STARS.search(line)
        if match:
            value = len(match["full"]) + (0.5 if match["half"] else 0.0)
            scale = float(len(match["full"]) + len(match["empty"])) + (1.0 if match["half"] else 0.0)
            rating = Rating(value=value, scale=scale if match["empty"] else None, text=match.group())
            return RatingMatch(rating, _span(match, offset))
    if ":" in line:
        match = _GRADE.search(line)
        if match:
            start = offset + match.start("grade")
            return RatingMatch(Rating(text=match["grade"]), (start, start + len(match["grade"])))
    if "/" not in line and "out of" not in line:
        return None
    short = len(strip_markdown(line)) <= SHORT_RATING_LINE
    for match in _RATING_NUMBER.finditer(line):
        value, scale = float(match["value"]), int(match["scale"])
        if scale not in RATING_SCALES or value > scale:
            continue
        # The label stands right before the number: searching the whole line head for every fraction
        # of a long line would be quadratic.
        labelled = bool(_RATING_LABEL.search(line, max(0, match.start() - RATING_LABEL_REACH), match.start()))
        if short or labelled or match["stars"]:
            return RatingMatch(Rating(value=value, scale=float(scale)), _span(match, offset))
    return None


def _span(match: re.Match[str], offset: int) -> Span:
    return (offset + match.start(), offset + match.end())


# ---------------------------------------------------------------------------------------------------------
# Verdicts

VERDICT_PHRASES: dict[str, Verdict] = {
    "worth watching": "positive",
    "worth seeing": "positive",
    "worth a watch": "positive",
    "go watch": "positive",
    "must-see": "positive",
    "must see": "positive",
    "highly recommend": "positive",
    "strongly recommend": "positive",
    "i recommend": "positive",
    "i loved": "positive",
    "i enjoyed": "positive",
    "so shocked at how much i enjoyed": "positive",
    "a masterpiece": "positive",
    "NOT-WORTH": "negative",  # "not worth", marked so it does not also read as "worth watching"
    "skip it": "negative",
    "skip this": "negative",
    "waste of time": "negative",
    "i hated": "negative",
    "i didn't like": "negative",
    "i don't like": "negative",
    "i did not like": "negative",
    "disappointing": "negative",
    "underwhelming": "negative",
}


def find_verdict(text: str) -> Verdict | None:
    """The author's plainly stated verdict in ``text`` (their conclusion), or None; both ways is "mixed"."""
    lowered = text.lower().replace("’", "'")
    if "not worth" in lowered:  # "not worth watching" must not also read as "worth watching"
        lowered = lowered.replace("not worth", "NOT-WORTH")
    found = {verdict for phrase, verdict in VERDICT_PHRASES.items() if phrase in lowered}
    if len(found) > 1:
        return "mixed"
    return next(iter(found), None)


# ---------------------------------------------------------------------------------------------------------
# Credits from prose

_NAME_WORD = r"(?:[A-Z]\.|[A-Z][\w’'-]{0,30})"
_NAME_TOKEN = rf"(?:{_NAME_WORD}|(?:de|da|di|del|van|von|der|le|la|du)(?= [A-Z]))"
_NAME = rf"{_NAME_WORD}(?: {_NAME_TOKEN}){{1,4}}"
# Phrases that introduce a credit in running text -> the contract's role.
CREDIT_PHRASES: dict[str, str] = {
    "directed by": "director",
    "Directed by": "director",
    "Director:": "director",
    "screenplay by": "writer",
    "Screenplay by": "writer",
    "written by": "writer",
    "Written by": "writer",
    "script by": "writer",
    "composed by": "composer",
    "music by": "composer",
    "Music by": "composer",
    "score by": "composer",
    "cinematography by": "cinematographer",
    "photographed by": "cinematographer",
    "edited by": "editor",
    "produced by": "producer",
    "Produced by": "producer",
    "starring": "cast",
    "Starring": "cast",
    "Stars:": "cast",
    "Cast:": "cast",
}
_CREDIT_PHRASE = re.compile(
    "(?P<phrase>" + "|".join(re.escape(phrase) for phrase in CREDIT_PHRASES) + r")\s+"
    r"(?P<lead>(?:(?:[A-Z][a-z]{2,20} )?(?:[a-z][\w-]{0,20} ){0,4}?"
    r"(?:director|filmmaker|film-maker|composer|writer|screenwriter|novelist|author|cinematographer) )?)"
    rf"(?P<name>{_NAME})"
)
_NAME_LIST = re.compile(rf"(?P<name>{_NAME})(?P<sep>,\s|\s(?:and|&)\s|,\sand\s)?")
# "He, the architect (Eiji Okada)" / "Scottie (James Stewart)": a character with the actor in brackets.
_CAST_PAREN = re.compile(rf"\((?P<actor>{_NAME})\)")
_NOT_NAMES = frozenset({"Source", "The End", "New Wave", "New York", "Los Angeles", "United States"})
_STOP_WORDS = frozenset(
    {
        "The", "A", "An", "In", "On", "At", "And", "But", "With", "For", "From", "This", "That", "These",
        "Those", "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "When", "If", "As",
    }
)  # fmt: skip


def _clean_name(name: str) -> str:
    name = name.rstrip(".,’'")
    if name.endswith(("’s", "'s")):
        name = name[:-2]
    words = name.split()
    while words and words[-1] in _STOP_WORDS:
        words.pop()
    return " ".join(words)


def find_credits(text: str, offset: int = 0) -> list[Credit]:
    """Credits the prose names: "directed by Alain Resnais", "score ... composed by Giovanni Fusco",
    "starring A, B and C", and cast as "Character (Actor Name)"."""
    credits: list[Credit] = []
    if len(text) < MIN_CREDIT_TEXT:
        return credits  # "Cast: A B" is the shortest credit
    if "by" in text or "tarring" in text or ":" in text:
        for match in _credit_phrases(text):
            role = CREDIT_PHRASES[match["phrase"]]
            names = [(match["name"], match.start("name"))]
            if role == "cast":
                names = list(_name_list(text, match.start("name")))
            for raw, start in names:
                name = _clean_name(raw)
                if len(name.split()) < 2 or name in _NOT_NAMES:
                    continue
                credits.append(
                    Credit(
                        name=name,
                        role=role,
                        job=match["phrase"].rstrip(":").strip() if role != "cast" else None,
                        span=(offset + start, offset + start + len(name)),
                    )
                )
    if "(" in text:
        credits.extend(_cast_in_brackets(text, offset))
    return credits


MIN_CREDIT_TEXT = 9


def credit_units(units_: Sequence[Unit]) -> list[Unit]:
    """The units ``find_credits`` can find something in (the test it starts with, without the calls)."""
    return [
        unit
        for unit in units_
        if len(unit.text) >= MIN_CREDIT_TEXT
        and ("by" in unit.text or "tarring" in unit.text or ":" in unit.text or "(" in unit.text)
    ]


_BY_WORDS = frozenset(phrase[:-3] for phrase in CREDIT_PHRASES if phrase.endswith(" by"))
_OTHER_PHRASES = tuple(phrase for phrase in CREDIT_PHRASES if not phrase.endswith(" by"))


def _credit_phrases(text: str) -> Iterable[re.Match[str]]:
    """``_CREDIT_PHRASE`` matches in ``text``. Most phrases end in " by": the pattern is tried only where
    the word before a " by" is one of theirs (a scan of every letter of a paragraph cost ten times more)."""
    if any(phrase in text for phrase in _OTHER_PHRASES):
        yield from _CREDIT_PHRASE.finditer(text)  # "Starring", "Cast:": the full scan
        return
    position = text.find(" by")
    while position >= 0:
        start = position
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        if text[start:position] in _BY_WORDS:
            match = _CREDIT_PHRASE.match(text, start)
            if match is not None:
                yield match
                position = max(position, match.end() - 3)
        position = text.find(" by", position + 3)


def _name_list(text: str, start: int) -> Iterable[tuple[str, int]]:
    """Names in "A, B and C" from ``start`` on."""
    position = start
    for _ in range(12):
        match = _NAME_LIST.match(text, position)
        if match is None:
            return
        yield match["name"], match.start("name")
        if not match["sep"]:
            return
        position = match.end()


def _cast_in_brackets(text: str, offset: int) -> Iterable[Credit]:
    for match in _CAST_PAREN.finditer(text):
        actor = _clean_name(match["actor"])
        if len(actor.split()) < 2 or actor in _NOT_NAMES or any(char.isdigit() for char in actor):
            continue
        character, char_start = _character_before(text, match.start())
        if character is None:
            continue
        credits_span = (offset + char_start, offset + match.end())
        yield Credit(name=actor, role="cast", character=character, span=credits_span)


_CLAUSE_START = re.compile(r"(?:^|[.!?;:]\s|\s[–—-]\s|\()\s*(?=[^.!?;:(]{1,80}$)")
# Words separated by a space: with the separator optional, "AAAA..." splits into words in exponentially
# many ways (11 s for 300 capitals).
_CAPITAL_RUN = re.compile(r"[A-Z][\w’'.-]{0,30}(?:,? [A-Z][\w’'.-]{0,30}){0,3}$")


def _character_before(text: str, paren: int) -> tuple[str | None, int]:
    """The character a bracketed actor plays: the short clause before it ("He, the architect"),
    else the capitalised words right before the bracket ("Scottie")."""
    window_start = max(0, paren - 80)
    window = text[window_start:paren].rstrip()
    clause = _CLAUSE_START.search(window)
    if clause is not None:
        candidate = window[clause.end() :].strip()
        words = candidate.split()
        described = "," in candidate or (len(words) <= 3 and all(word.islower() for word in words[1:]))
        if 1 <= len(words) <= 5 and candidate[0].isupper() and described:
            start = window_start + window.find(candidate, clause.end())
            return candidate, start
    run = _CAPITAL_RUN.search(window)
    if run is None:
        return None, 0
    candidate = run.group().strip().rstrip(",")
    if not candidate or candidate in _STOP_WORDS or candidate.split()[0] in _STOP_WORDS:
        return None, 0
    return candidate, window_start + run.start()


# ---------------------------------------------------------------------------------------------------------
# Quotations

SAYING_VERBS = (
    "said", "says", "say", "wrote", "writes", "write", "told", "tells", "asked", "asks", "noted", "notes",
    "observed", "observes", "claimed", "claims", "claiming", "declared", "declares", "recalled", "recalls",
    "explained", "explains", "added", "adds", "put it", "puts it", "remarked", "remarks", "insisted",
    "argued", "argues", "admitted", "admits", "replied", "replies", "quipped", "screams", "screamed",
    "shouted", "shouts", "cries", "cried", "whispers", "whispered", "exclaims", "exclaimed",
)  # fmt: skip
SAYING_REACH = 80  # the saying verb stands within this many characters before the quotation
MAX_LEAD = 2000  # the sentence leading to an inline quote is looked for this far back at most
_SAYING_VERB = re.compile(rf"\b(?:{'|'.join(SAYING_VERBS)})\b")
_IN_SOURCE = re.compile(r"^\s*In (?:his|her|their|its|the) (?P<source>[^,]{3,120}),")
_CURLY_QUOTE = re.compile(r"“(?P<text>[^“”]{1,3000})”")
_STRAIGHT_QUOTE = re.compile(r"(?<![\w])\"(?P<text>[^\"\n]{1,3000})\"")
MIN_QUOTE_WORDS = 4
_SPEAKER_LINE = re.compile(rf"^(?:[-–—]\s?)?(?P<name>{_NAME})$")
_INTRO_ENDS = re.compile(r":\s*(?:\(Source\)\s*)?$")  # one \s* when "(Source)" is absent: no backtracking


def _words(text: str) -> int:
    return len(text.split())


def _is_whole_quote(text: str) -> bool:
    return (text.startswith("“") and text.endswith("”")) or (
        text.startswith('"') and text.endswith('"') and text.count('"') == 2
    )


def find_quotes(
    doc: Document,
    units_: Sequence[Unit],
    *,
    film_title: str | None = None,
    epigraph_first: bool = True,
    block_quotes: bool = True,
) -> tuple[list[Quote], set[int]]:
    """Every real quotation in the units, and the indexes of units that are attribution lines.

    - a whole unit in quotes at the head of the text is an ``epigraph``;
    - a whole quoted unit (it may run over several lines) followed by a name line is a ``quotation``
      by that person; followed by the film's title, ``dialogue`` from the film;
    - a unit after an introduction ending in ":" ("... by claiming that ...:") is a block ``quotation``;
    - inline quotes count when they have four words or more, or when a speaker introduces them;
      scare quotes (“false documentary”) and quoted titles (“Vertigo”) do not.
    """
    text = doc.text
    quotes: list[Quote] = []
    consumed: set[int] = set()
    # Units with no quotation and no introduction to one (the common case) are passed over in one go.
    candidates = [
        index
        for index, unit in enumerate(units_)
        if len(unit.text) >= 2 and (":" in unit.text or "“" in unit.text or '"' in unit.text)
    ]
    next_free = 0  # units before it were read as part of a quotation
    for index in candidates:
        if index < next_free:
            continue
        unit = units_[index]
        if unit.text.startswith("“") or (unit.text.startswith('"') and unit.text.count('"') == 1):
            closing = _closing_unit(units_, index)
            if closing is not None:
                quote, used = _whole_quote(
                    doc, units_, index, closing, film_title=film_title, epigraph_first=epigraph_first
                )
                if quote is not None:
                    quotes.append(quote)
                    consumed.update(range(index, used + 1))
                    next_free = used + 1
                    continue
        if unit.text.startswith(("“", '"')) and _is_whole_quote(unit.text):
            quote, used = _whole_quote(
                doc, units_, index, index, film_title=film_title, epigraph_first=epigraph_first
            )
            if quote is not None:
                quotes.append(quote)
                consumed.update(range(index, used + 1))
                next_free = used + 1
                continue
        if block_quotes and index + 1 < len(units_) and ":" in unit.text and _INTRO_ENDS.search(unit.text):
            block = _block_quote(units_, index)
            if block is not None:
                quotes.extend(_inline_quotes(text, unit))
                quotes.append(block)
                consumed.add(index + 1)
                next_free = index + 2
                continue
        if "“" in unit.text or '"' in unit.text:
            quotes.extend(_inline_quotes(text, unit))
    return quotes, consumed


def _closing_unit(units_: Sequence[Unit], index: int, limit: int = 6) -> int | None:
    """The index of the unit whose end closes the quotation opened at the start of ``units_[index]``."""
    opener = units_[index].text[0]
    closer = "”" if opener == "“" else '"'
    for position in range(index, min(len(units_), index + limit)):
        unit_text = units_[position].text
        body = unit_text[1:] if position == index else unit_text
        if opener == "“" and "“" in body:
            return None  # another quotation opens: this one was not a block
        if unit_text.endswith(closer) and (position > index or len(unit_text) > 1):
            if position == index and body.count(closer) != 1:
                return None
            return position
        if closer in body:
            return None
    return None


def _whole_quote(
    doc: Document,
    units_: Sequence[Unit],
    first: int,
    last: int,
    *,
    film_title: str | None,
    epigraph_first: bool,
) -> tuple[Quote | None, int]:
    start, end = units_[first].start + 1, units_[last].end - 1
    quote_text = collapse(doc.text[start:end].replace("\n", " "))
    if not quote_text:
        return None, last
    following = units_[last + 1] if last + 1 < len(units_) else None
    if following is not None:
        speaker_line = following.text.strip()
        if film_title and collapse(speaker_line).lower() == film_title.lower():
            line = QuoteLine(text=quote_text)
            return Quote(
                kind="dialogue", text=quote_text, lines=[line], span=(start - 1, following.end)
            ), last + 1
        match = _SPEAKER_LINE.match(speaker_line)
        if match and len(speaker_line) <= 60 and _words(speaker_line) <= 5:
            return Quote(
                kind="quotation", text=quote_text, speaker=match["name"], span=(start - 1, following.end)
            ), last + 1
    if first == 0 and epigraph_first:
        return Quote(kind="epigraph", text=quote_text, span=(start - 1, end + 1)), last
    if _words(quote_text) < MIN_QUOTE_WORDS:
        return None, last
    return Quote(kind="quotation", text=quote_text, span=(start - 1, end + 1)), last


def _block_quote(units_: Sequence[Unit], index: int) -> Quote | None:
    """The unit after "In his book on Resnais, James Monaco ... by claiming that ...:" as a quotation."""
    intro, block = units_[index], units_[index + 1]
    intro_text = _INTRO_ENDS.sub("", intro.text)
    saying = _SAYING_VERB.search(intro_text)
    if saying is None or _words(block.text) < MIN_QUOTE_WORDS or block.text.startswith(("“", '"')):
        return None
    speaker = _speaker_in(intro_text)
    source = _IN_SOURCE.match(intro_text)
    attribution = source["source"].strip() if source else None
    if speaker is None and attribution is None:
        return None
    return Quote(
        kind="quotation",
        text=collapse(block.text),
        speaker=speaker,
        attribution=attribution,
        span=(block.start, block.end),
    )


_SPEAKER_NAME = re.compile(rf"(?P<name>{_NAME})")


SPEAKER_REACH = 300  # the speaker and the saying verb stand in the last this many characters of the lead


def _speaker_in(intro: str) -> str | None:
    """The last full name before the saying verb in an introduction (its last ``SPEAKER_REACH``
    characters: the verb pattern tries every position, and a lead may run to 2,000 characters)."""
    if len(intro) > SPEAKER_REACH:
        cut = intro.find(" ", len(intro) - SPEAKER_REACH)
        intro = intro[cut + 1 :] if cut >= 0 else intro[-SPEAKER_REACH:]
    verb = _SAYING_VERB.search(intro)
    head = intro[: verb.start()] if verb else intro
    names = [_clean_name(match["name"]) for match in _SPEAKER_NAME.finditer(head)]
    names = [name for name in names if len(name.split()) >= 2 and name.split()[0] not in _STOP_WORDS]
    return names[-1] if names else None


def _inline_quotes(text: str, unit: Unit) -> list[Quote]:
    """Quotations inside a paragraph: four words or more, or introduced by a speaker."""
    unit_text = unit.text
    found: list[Quote] = []
    patterns = []
    if "“" in unit_text:
        patterns.append(_CURLY_QUOTE)
    if unit_text.count('"') >= 2:
        patterns.append(_STRAIGHT_QUOTE)
    for pattern in patterns:
        for match in pattern.finditer(unit_text):
            quote_text = collapse(match["text"]).strip()
            if not quote_text:
                continue
            # The sentence before the quote, looked for within MAX_LEAD characters only: a long line
            # without a full stop would otherwise be searched back to its start for every quote.
            lead_limit = max(0, match.start() - MAX_LEAD)
            ends = [unit_text.rfind(mark, lead_limit, match.start()) for mark in (". ", "? ", "! ")]
            sentence_start = max(ends) + 2 if max(ends) >= 0 else lead_limit
            lead = unit_text[sentence_start : match.start()]
            speaker = None
            span_start = unit.start + match.start()
            if lead and _SAYING_VERB.search(lead, max(0, len(lead) - SAYING_REACH)):
                speaker = _speaker_in(lead)
                if speaker is not None:
                    span_start = unit.start + sentence_start + lead.find(speaker.split()[0])
            if speaker is None and (_words(quote_text) < MIN_QUOTE_WORDS or _title_like(quote_text)):
                continue
            source = _IN_SOURCE.match(lead) if lead else None
            found.append(
                Quote(
                    kind="quotation",
                    text=quote_text,
                    speaker=speaker,
                    attribution=source["source"].strip() if source and speaker else None,
                    span=(span_start, unit.start + match.end()),
                )
            )
    found.sort(key=lambda quote: quote.span)
    return found


# ---------------------------------------------------------------------------------------------------------
# Citations and awards

CITATION_MARKERS: tuple[str, ...] = ("(Source)", "[citation needed]")


def find_citations(doc: Document, start: int = 0, end: int | None = None) -> list[Fact]:
    """Every "(Source)"-style reference marker as a ``citation`` fact, its span on the marker."""
    text = doc.text
    stop = len(text) if end is None else end
    facts: list[Fact] = []
    for marker in CITATION_MARKERS:
        if marker not in text:
            continue
        position = text.find(marker, start, stop)
        while position >= 0:
            facts.append(Fact(kind="citation", text=marker, span=(position, position + len(marker))))
            position = text.find(marker, position + len(marker), stop)
    facts.sort(key=lambda fact: fact.span)
    return facts


AWARD_WORDS: tuple[str, ...] = (
    "Oscar", "Academy Award", "Palme d", "Golden Globe", "Golden Bear", "Golden Lion", "BAFTA", "Prize",
    "Prix", "prize", "award", "Award", "top 10", "top ten", "Top 10",
)  # fmt: skip
AWARD_VERBS: tuple[str, ...] = (
    "won", "wins", "earned", "earns", "received", "receives", "awarded", "nominated", "nomination",
    "voted", "named", "honoured", "honored",
)  # fmt: skip
# Substrings every award word holds ("ward": award, Award, Academy Award): hits are supersets ("toward"),
# checked again by find_awards.
AWARD_NEEDLES: tuple[str, ...] = (
    "ward", "rize", "Prix", "Oscar", "Palme d", "Golden", "BAFTA", "op 10", "op ten",
)  # fmt: skip
_AWARD_WORD = re.compile("|".join(re.escape(word) for word in AWARD_WORDS))
_AWARD_VERB = re.compile("|".join(re.escape(verb) for verb in AWARD_VERBS))  # substrings, as before
# A sentence ends at . ! ? before a capital, but not after an initial ("the U.S. government").
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])(?<!\b[A-Z]\.)\s+(?=[A-Z“\"])")
_CLAUSE_SPLIT = re.compile(r",? as well as |; ")


def sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence in ``text``."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for match in _SENTENCE_BREAK.finditer(text):
        spans.append((cursor, match.start()))
        cursor = match.end()
    if cursor < len(text):
        spans.append((cursor, len(text)))
    return spans


def award_units(doc: Document, units_: Sequence[Unit]) -> list[Unit]:
    """The units that hold an award word, from one scan of their stretch of the page (most hold none)."""
    if not units_:
        return []
    text, start, end = doc.text, units_[0].start, units_[-1].end
    hits: list[int] = []
    for needle in AWARD_NEEDLES:  # a few substring scans: C speed, where the word pattern tries each letter
        position = text.find(needle, start, end)
        while position >= 0:
            hits.append(position)
            position = text.find(needle, position + 1, end)
    hits.sort()
    found: list[Unit] = []
    position = 0
    for hit in hits:
        while position < len(units_) and units_[position].end <= hit:
            position += 1
        if position == len(units_):
            break
        unit = units_[position]
        if unit.start <= hit and (not found or found[-1] is not unit):
            found.append(unit)
    return found


def award_facts(doc: Document, units_: Sequence[Unit]) -> list[Fact]:
    """``find_awards`` over the units holding an award word; a short line said again is read once."""
    facts: list[Fact] = []
    memo: dict[str, list[Fact]] = {}
    for unit in award_units(doc, units_):
        known = memo.get(unit.text)
        if known is None:
            known = find_awards(unit.text)
            if len(unit.text) <= MEMO_LINE:
                memo[unit.text] = known
        facts.extend(
            attrs.evolve(fact, span=(unit.start + fact.span[0], unit.start + fact.span[1])) for fact in known
        )
    return facts


def find_awards(text: str, offset: int = 0) -> list[Fact]:
    """Sentences (or clauses of them) saying the film won or was nominated for an award."""
    hits = [match.start() for match in _AWARD_WORD.finditer(text)]
    if not hits:
        return []
    facts: list[Fact] = []
    for sentence_start, sentence_end in sentences(text):
        # An award word inside the sentence (the hits are sorted: the first at or after its start).
        first_hit = bisect_left(hits, sentence_start)
        if first_hit == len(hits) or hits[first_hit] >= sentence_end:
            continue
        body = text[sentence_start:sentence_end]
        if _AWARD_VERB.search(body) is None:
            continue
        pieces: list[list[int]] = []
        cursor = 0
        for split in _CLAUSE_SPLIT.finditer(body):
            pieces.append([cursor, split.start()])
            cursor = split.end()
        pieces.append([cursor, len(body)])
        merged: list[list[int]] = []
        for bounds in pieces:  # a clause without an award belongs to the one before it
            if merged and not any(word in body[bounds[0] : bounds[1]] for word in AWARD_WORDS):
                merged[-1][1] = bounds[1]
            else:
                merged.append(bounds)
        for piece_start, piece_end in merged:
            piece = body[piece_start:piece_end]
            for marker in CITATION_MARKERS:
                if marker in piece:
                    piece = piece[: piece.index(marker)]
            left = piece_start + len(piece) - len(piece.lstrip())
            right = piece_start + len(piece.rstrip())
            clean = collapse(body[left:right])
            if clean:
                start = offset + sentence_start
                facts.append(Fact(kind="award", text=clean, span=(start + left, start + right)))
    return facts


def strip_citations(text: str) -> str:
    """``text`` without "(Source)"-style markers (body text reads without them), whitespace collapsed."""
    found = False
    for marker in CITATION_MARKERS:
        if marker in text:
            text = text.replace(marker, " ")
            found = True
    return collapse(text) if found else text.strip()


def paragraphs(units_: Sequence[Unit], clean: Sequence[str] | None = None) -> list[str]:
    """Each unit as body text: Markdown and citation markers removed (computed once per unit: the body
    and every section are joined from this list). ``clean``: the units' ``strip_markdown`` texts, when the
    caller has them already."""
    if clean is None:
        clean = [strip_markdown(unit.text) for unit in units_]
    return [_without_citations(text) if "(" in text or "[" in text else text for text in clean]


def _without_citations(clean: str) -> str:
    """``strip_citations`` of a collapsed text: its only runs of spaces are those a marker leaves, undone
    with ``str.replace`` instead of ``collapse``'s regex pass."""
    found = False
    for marker in CITATION_MARKERS:
        if marker in clean:
            clean = clean.replace(marker, " ")
            found = True
    if not found:
        return clean
    while "  " in clean:
        clean = clean.replace("  ", " ")
    return clean.strip()


PARAGRAPH_BREAK = "\n\n"


def join_paragraphs(texts: Iterable[str]) -> str:
    """Paragraphs joined by a blank line, empty ones left out."""
    return PARAGRAPH_BREAK.join(text for text in texts if text)


def joined_with_places(paragraphs: Sequence[str]) -> tuple[str, list[Span | None]]:
    """``join_paragraphs(paragraphs)`` and where each paragraph stands in it (None: empty, left out)."""
    places: list[Span | None] = []
    at = -len(PARAGRAPH_BREAK)
    for text in paragraphs:
        if text:
            at += len(PARAGRAPH_BREAK)
            places.append((at, at + len(text)))
            at += len(text)
        else:
            places.append(None)
    return join_paragraphs(paragraphs), places


def sections_of(
    body: str, places: Sequence[Span | None], spans: Sequence[Span], headings: Mapping[int, str]
) -> list[Section]:
    """Under each heading its section: the paragraphs after it up to the next heading, cut from ``body``
    (``places``: as ``joined_with_places`` gives them) rather than joined again, so that a caller can let
    its paragraphs go first. ``spans``: where each paragraph's unit stands in the page; ``headings``: the
    index of each heading unit -> the heading's text."""
    sections: list[Section] = []
    ordered = sorted(headings)
    for number, index in enumerate(ordered):
        stop = ordered[number + 1] if number + 1 < len(ordered) else len(spans)
        inside = [place for place in places[index + 1 : stop] if place is not None]
        if inside:
            text = body[inside[0][0] : inside[-1][1]]
            sections.append(
                Section(heading=headings[index], text=text, span=(spans[index][0], spans[stop - 1][1]))
            )
    return sections
