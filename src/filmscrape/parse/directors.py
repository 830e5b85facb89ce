"""The film's director as reviews and essays name them, read from a table of phrasings.

Prose rarely prints a credit line. It says "The director, Michael Curtiz,", "Mike Flanagan’s film",
"Quentin Tarantino's ultraviolent ... “The Hateful Eight”", "Directed by Kurosawa", "a Terrence Malick
film", or it just keeps coming back to the auteur ("Lanzmann intercuts two kinds of images").

Every phrasing in ``LEADS`` (the name follows) and ``TAILS`` (the name comes before) is evidence with a
weight; evidence is summed per surname, with a little more for each time the page says the surname.
The best surname wins when it reaches ``MIN_SCORE`` and no other surname ties it. The credit names the
person as the page prints them in full ("Akira Kurosawa" for "Directed by Kurosawa"); a surname alone
("Linklater") only when the page never prints the full name and says the surname again and again.
A relative ("the director's daughter Lorelei Linklater") is never taken for the full name. The span
always holds the name (a name glued by a crawler, "LauraPoitras", is given as ``credited_as``).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import NamedTuple

from filmscrape.schema import Credit, Span

UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŸŹŻŽ"
# "Orson", "O'Brien", "Żuławski", initials "F.W." (spaced ones, "D. W.", are words of their own: a word
# of initials that could also hold spaces made a name searched at the end of a text explode on "A. A. ...")
_WORD = rf"(?:[{UPPER}]\.(?:[{UPPER}]\.){{0,3}}|[{UPPER}][\w-]{{1,30}}(?:['’][{UPPER}][\w-]{{1,30}})?)"
_TOKEN = rf"(?:{_WORD}|(?:de|da|di|del|van|von|der|le|la|du)(?= [{UPPER}]))"
_PERSON = rf"{_WORD}(?: {_TOKEN}){{0,3}}"
PERSON_AT = re.compile(_PERSON)
# A name searched for at the end of a text starts a word, or follows a lower-case letter it was glued to
# by a crawler ("filmPaul"): not every letter of a long capitalised run is tried as a start.
_NAME_START = r"(?:(?<=[a-z])|(?<![\w-]))"
PERSON_BEFORE = re.compile(rf"{_NAME_START}{_PERSON}$")
CREDIT = 5.0  # "directed by": the page credits the name
EXPLICIT = 4.0  # evidence this strong says who directed; weaker evidence is only inference
REACH = 80  # a name before a phrasing is looked for this far back

# Phrasings the name follows: the name starts where the match ends (crawler text may glue it: "byPaul").
LEADS: tuple[tuple[re.Pattern[str], float], ...] = (
    (re.compile(r"[Dd]irected (?:and [a-z]+ )?by ?"), CREDIT),
    (re.compile(r"\b(?:film|movie|documentary|picture) by ?"), 4.0),
    (re.compile(r"\b[Dd]irector(?: and (?:co-)?(?:writer|screenwriter|producer))?,? (?=[^\W\d_])"), 4.0),
    (re.compile(r"\b[Ff]ilm-?maker,? (?=[^\W\d_])"), 2.0),  # a filmmaker, not said to be this film's
)
# Phrasings after the name: the name ends where the match starts.
_POSSESSIVE = r"(?:'s|’s|’|')"
FILM_NOUNS = ("film", "movie", "picture", "masterpiece", "debut", "documentary")
WORK_NOUNS = (
    "films", "movies", "camera", "direction", "filmmaking", "oeuvre", "shots", "images",
)  # fmt: skip
FILM_POSSESSIVE = 3.0  # "Mike Flanagan’s film": the film is this person's
# "a Terrence Malick film" is as often a comparison ("What is this, a John Woo movie?") as a credit: with
# the name said once it stays under MIN_SCORE (2.7 + 0.4), said twice it passes (2.7 + 0.8).
A_NAME_FILM = 2.7
# Verbs a filmmaker is the subject of: "Lanzmann intercuts", "Welles assembled his colleagues".
MAKING_VERBS = (
    "made", "makes", "directs", "shoots", "shot", "films", "filmed", "stages", "staged", "intercuts",
    "cuts", "frames", "assembled", "assembles", "creates", "created", "casts", "photographs", "edits",
)  # fmt: skip
# Phrasings after the name: the name ends where the match starts ("before": how it is found there).
_A_NAME_FILM = re.compile(rf"\b(?:[Aa]n?|[Tt]his|[Tt]hat|[Ee]very|[Aa]nother) (?P<name>{_PERSON})$")
_NAME_BEFORE = re.compile(rf"{_NAME_START}(?P<name>{_PERSON})$")
TAILS: tuple[tuple[re.Pattern[str], float, re.Pattern[str]], ...] = (
    (
        re.compile(r", (?:the|a|its|this film's) (?:[\w-]+ ){0,3}?(?:director|film-?maker)\b(?! of\b)"),
        5.0,
        _NAME_BEFORE,
    ),
    (re.compile(r" ?(?:is|was) (?:the|its) director\b(?! of\b)"), 5.0, _NAME_BEFORE),
    (
        re.compile(rf"{_POSSESSIVE} ?(?:[a-z][\w-]*,? ){{0,2}}?(?:{'|'.join(FILM_NOUNS)})\b"),
        FILM_POSSESSIVE,
        _NAME_BEFORE,
    ),
    (
        re.compile(rf"{_POSSESSIVE} ?(?:[a-z][\w-]*,? ){{0,2}}?(?:{'|'.join(WORK_NOUNS)})\b"),
        2.0,
        _NAME_BEFORE,
    ),
    (re.compile(rf" (?:{'|'.join(MAKING_VERBS)}) "), 1.5, _NAME_BEFORE),
    (re.compile(r" (?:film|movie)\b"), A_NAME_FILM, _A_NAME_FILM),  # "a Terrence Malick film"
)
# A sentence about the film that names no one refers to the one the sentence before opens with:
# "Celine Song seems to have wanted ... Her new film is ...", "Shahi Kabir is ... As director, we got ...".
_NEXT_SENTENCE = re.compile(
    r"[.!?] ?(?=(?:As (?:a )?director,|(?:His|Her) (?:[a-z]+ ){0,2}?(?:film|movie|debut)\b))"
)
NEXT_SENTENCE_WEIGHT = FILM_POSSESSIVE
# "Steven Spielberg's “A. I. Artificial Intelligence”": a possessive before a quoted title.
_POSSESSIVE_TITLE = re.compile(rf"{_POSSESSIVE} ?(?:[^\s“\"‘]+ ){{0,5}}?[“\"‘] ?(?=[{UPPER}0-9])")
TITLE_WEIGHT = 5.0  # ... when the quoted title is the page's own film (or its short form: “Nosferatu”)
MIN_SHORT_TITLE = 3
OTHER_TITLE_WEIGHT = 2.0  # ... another film by the same hand
MENTION_WEIGHT = 0.4
MAX_MENTIONS = 10
MIN_SCORE = FILM_POSSESSIVE + MENTION_WEIGHT  # one "X's film", the name said once
MIN_SURNAME_MENTIONS = 3  # a surname alone is given when the page says it this often,
# ... or when a credit phrasing ("directed by Bhimsingh") gives it so (CREDIT, above)

KIN_WORDS = (
    "daughter", "son", "wife", "husband", "brother", "sister", "father", "mother", "niece", "nephew",
    "uncle", "aunt", "grandson", "granddaughter", "partner",
)  # fmt: skip
_KIN_BEFORE = re.compile(rf"\b(?:{'|'.join(KIN_WORDS)}),? ?$")
# Crawler text glues a name to the next word: "Michael Powelland EmericPressburger", "Powellwas".
GLUE_TAILS = ("and", "as", "was", "is", "has", "had", "who", "the", "of", "in", "to", "with", "at", "for")
_INITIALS = re.compile(rf"(?<![\w.])[{UPPER}]\. ?[{UPPER}]\.")  # "D. W.", "F.W.": they open a name
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z])")
MIN_GLUED_PART = 4  # "LauraPoitras" splits, "McDonald" and "MacDonald" do not
_NOT_PEOPLE = frozenset(
    {
        "The", "A", "An", "In", "On", "At", "And", "But", "With", "For", "From", "This", "That", "These",
        "Those", "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "When", "If", "As", "So", "Yet",
        "Its", "Our", "My", "Your", "There", "Here", "What", "Why", "How", "Who", "Film", "Movie",
        "Hollywood", "God", "America", "Source", "Director", "Even", "All", "One", "After", "Before", "While",
        "Then", "Advertisement",
    }
)  # fmt: skip


class _Evidence(NamedTuple):
    name: str  # as matched: a full name or a surname
    span: Span
    weight: float


def _clean(name: str, start: int) -> tuple[str, int]:
    """Leading sentence words dropped ("When Quentin Tarantino" -> "Quentin Tarantino")."""
    words = name.split(" ")
    while len(words) > 1 and words[0] in _NOT_PEOPLE:
        start += len(words[0]) + 1
        words.pop(0)
    return " ".join(words), start


def _surname(name: str) -> str:
    last = name.rsplit(" ", maxsplit=1)[-1]
    parts = _GLUED.split(last)
    return parts[-1] if len(parts) == 2 and min(map(len, parts)) >= MIN_GLUED_PART else last


def _evidence(text: str, start: int, end: int, title: str | None) -> list[_Evidence]:
    found: list[_Evidence] = []

    def add(name: str, at: int, weight: float) -> None:
        name, at = _clean(name, at)
        if name.split(" ")[-1] not in _NOT_PEOPLE:
            found.append(_Evidence(name, (at, at + len(name)), weight))

    for pattern, weight in LEADS:
        for match in pattern.finditer(text, start, end):
            person = PERSON_AT.match(text, match.end(), end)
            if person is not None:
                add(person.group(), person.start(), weight)
    for pattern, weight, name_before in TAILS:
        for match in pattern.finditer(text, start, end):
            before = name_before.search(text, max(start, match.start() - REACH), match.start())
            if before is not None:
                add(before.group("name"), before.start("name"), weight)
    for match in _NEXT_SENTENCE.finditer(text, start, end):
        window_start = max(start, match.start() - 2 * REACH)
        previous = max(text.rfind(mark, window_start, match.start()) for mark in ".!?")
        opening = previous + 1 if previous >= 0 else window_start
        while opening < match.start() and text[opening] in " \n":
            opening += 1
        person = PERSON_AT.match(text, opening, match.start())
        if person is not None and " " in person.group():
            add(person.group(), person.start(), NEXT_SENTENCE_WEIGHT)
    folded_title = title.casefold() if title else None
    for match in _POSSESSIVE_TITLE.finditer(text, start, end):
        before = PERSON_BEFORE.search(text, max(start, match.start() - REACH), match.start())
        if before is None:
            continue
        quoted = text[match.end() : match.end() + 120].casefold()
        head = quoted.split("”")[0].split('"')[0]  # the quoted title, as far as the page closes it
        own = folded_title is not None and (
            quoted.startswith(folded_title)
            or (len(head) >= MIN_SHORT_TITLE and folded_title.startswith(head))
        )
        if own:
            add(before.group(), before.start(), TITLE_WEIGHT)
        elif text[match.end() - 1] != "‘" and text[match.end() - 2 : match.end()] != "‘ ":
            # Single quotes mark a line of dialogue as often as a title: only the film's own title counts.
            add(before.group(), before.start(), OTHER_TITLE_WEIGHT)
    return found


def _full_names(text: str, start: int, end: int, surname: str) -> list[tuple[str, Span, str | None]]:
    """Every full name ending in ``surname`` (a relative's excepted): (name, span, glued form or None)."""
    tails = "|".join(GLUE_TAILS)
    pattern = re.compile(
        rf"(?:{_WORD} (?:{_TOKEN} ){{0,2}}|(?P<glued>[{UPPER}][a-z]{{{MIN_GLUED_PART - 1},30}}))"
        rf"{re.escape(surname)}(?=[^\w-]|$|(?:{tails})\b)"
    )
    names: list[tuple[str, Span, str | None]] = []
    for match in pattern.finditer(text, start, end):
        at = match.start()
        if _KIN_BEFORE.search(text, max(start, at - 30), at):
            continue
        printed = match.group()
        if match.group("glued"):
            first = match.group("glued")
            names.append((f"{first} {surname}", match.span(), printed))
            continue
        first_word = printed.split(" ")[0]
        parts = _GLUED.split(first_word)
        if len(parts) > 1:  # "DearAgnes Varda": the name starts at its own capital
            at += len(first_word) - len(parts[-1])
            printed = printed[len(first_word) - len(parts[-1]) :]
        initials = _INITIALS.search(printed)
        if initials is not None and initials.start() > 0:  # "James Ageeabout D. W. Griffith": glued text
            at += initials.start()
            printed = printed[initials.start() :]
        name, at = _clean(printed, at)
        if " " in name and name.split(" ")[0] not in _NOT_PEOPLE:
            names.append((name, (at, at + len(name)), None))
    return names


def find_director(
    text: str, start: int = 0, end: int | None = None, title: str | None = None
) -> Credit | None:
    """The director the prose of ``text[start:end]`` names, or None when no one stands out.

    A page that says who directed (weight ``EXPLICIT`` or more: "directed by", "the director, X,", "X's
    “Title”") is believed over one that only keeps naming someone; among the people it says that of,
    the most often named wins.
    """
    stop = len(text) if end is None else end
    evidence = [
        item for item in _evidence(text, start, stop, title) if not title_word(_surname(item.name), title)
    ]
    explicit = {_surname(item.name) for item in evidence if item.weight >= EXPLICIT}
    if explicit:
        evidence = [item for item in evidence if _surname(item.name) in explicit]
    if not evidence:
        return None
    scores: dict[str, float] = {}
    for item in evidence:
        surname = _surname(item.name)
        scores[surname] = scores.get(surname, 0.0) + item.weight
    region = text[start:stop]
    mentions = {surname: region.count(surname) for surname in scores}
    for surname, count in mentions.items():
        scores[surname] += MENTION_WEIGHT * min(count, MAX_MENTIONS)
    ranked = sorted(scores.items(), key=lambda pair: -pair[1])[:2]
    best, score = ranked[0]
    if score < MIN_SCORE or (len(ranked) > 1 and ranked[1][1] >= score):
        return None
    said = [item for item in evidence if _surname(item.name) == best]
    full = _full_names(text, start, stop, best)
    if full:
        counts = Counter(name for name, _, _ in full)
        first_seen = {name: index for index, (name, _, _) in reversed(list(enumerate(full)))}
        stated = {item.name for item in said}
        name = min(counts, key=lambda n: (n not in stated, -counts[n], first_seen[n]))
        span, printed = next((s, p) for n, s, p in full if n == name)
        return Credit(name=name, role="director", span=span, credited_as=printed)
    strongest = max(said, key=lambda item: item.weight)
    if mentions[best] < MIN_SURNAME_MENTIONS and strongest.weight < CREDIT:
        return None
    at = text.find(best, strongest.span[0], strongest.span[1])
    return Credit(name=best, role="director", span=(at, at + len(best)))


def title_word(surname: str, title: str | None) -> bool:
    """A word of the film's title is not its director ("Kane" in "Citizen Kane")."""
    return title is not None and surname in title.split()


def possessive_title(text: str, start: int, end: int, surname: str) -> tuple[str, Span] | None:
    """The quoted title right after "Surname's" ("Steven Spielberg's “A. I. Artificial Intelligence”")."""
    for match in _POSSESSIVE_TITLE.finditer(text, start, end):
        if not text.endswith(surname, max(start, match.start() - len(surname)), match.start()):
            continue
        opener = text[match.end() - 1] if text[match.end() - 1] != " " else text[match.end() - 2]
        closer = {"“": "”", '"': '"', "‘": "’"}[opener]
        close = text.find(closer, match.end(), min(end, match.end() + 150))
        if close > match.end():
            title = text[match.end() : close].strip().rstrip(",.")
            at = text.find(title, match.end(), close)
            if title and at >= 0:
                return title, (at, at + len(title))
    return None
