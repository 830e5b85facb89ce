"""Credits: department headings to normalised roles, and names with their "(as ...)" remarks."""

from __future__ import annotations

import re

# Page headings (lower-cased, without a trailing colon) -> the contract's role vocabulary.
DEPARTMENT_ROLES: dict[str, str] = {
    "directed by": "director",
    "director": "director",
    "directors": "director",
    "writing credits": "writer",
    "written by": "writer",
    "writer": "writer",
    "writers": "writer",
    "screenplay by": "writer",
    "creator": "writer",
    "creators": "writer",
    "created by": "writer",
    "produced by": "producer",
    "producer": "producer",
    "producers": "producer",
    "original music by": "composer",
    "music by": "composer",
    "music": "composer",
    "music department": "crew",
    "cinematography by": "cinematographer",
    "cinematography": "cinematographer",
    "film editing by": "editor",
    "editing by": "editor",
    "film editing": "editor",
    "editorial department": "editor",
    "production design by": "production_designer",
    "art direction by": "art_director",
    "set decoration by": "set_decorator",
    "costume design by": "costume_designer",
    "costume and wardrobe department": "crew",
    "makeup department": "makeup",
    "production management": "production_manager",
    "second unit director or assistant director": "assistant_director",
    "art department": "art_department",
    "sound department": "sound",
    "special effects by": "visual_effects",
    "visual effects by": "visual_effects",
    "animation department": "visual_effects",
    "stunts": "stunts",
    "camera and electrical department": "camera",
    "casting by": "casting",
    "casting department": "casting",
    "other crew": "crew",
    "additional crew": "crew",
    "location management": "crew",
    "script and continuity department": "crew",
    "transportation department": "crew",
    "thanks": "crew",
    "cast": "cast",
    "starring": "cast",
    "star": "cast",
    "stars": "cast",
    "production companies": "company",
    "production company": "company",
    "distributors": "company",
}

# Parenthesised remarks on a cast line that are notes about the credit, not part of the character.
CAST_NOTES: frozenset[str] = frozenset(
    {
        "uncredited", "voice", "archive footage", "also archive footage", "credit only", "scenes deleted",
        "unconfirmed", "rumored", "special edition", "singing voice", "voice and likeness", "as himself",
        "as herself", "motion capture", "segment", "english version", "re-release", "original version",
    }
)  # fmt: skip
_CAST_NOTE_PREFIXES = ("voice", "archive footage", "segment ", "scenes deleted", "credit only", "uncredited")

_REMARK = re.compile(r"\(([^()]*)\)")
_NAME_SEPARATORS = re.compile(r",\s*|\s+and\s+")


def role_for_department(heading: str) -> str | None:
    """The normalised role for a department heading ("Directed by", "Makeup Department:"), or None."""
    key = heading.strip().rstrip(":").strip().lower()
    return DEPARTMENT_ROLES.get(key)


def split_remarks(text: str) -> tuple[str, str | None, list[str]]:
    """``"Michio Takahashi (Japan) (as Takahashi Michio)"`` -> name, credited_as, other remarks."""
    if "(" not in text:
        return " ".join(text.split()), None, []
    credited_as: str | None = None
    notes: list[str] = []
    for raw in _REMARK.findall(text):
        remark = raw.strip()
        if remark.startswith("as "):
            credited_as = remark[3:].strip() or None
        elif remark and remark not in notes:
            notes.append(remark)
    name = _REMARK.sub(" ", text)
    return " ".join(name.split()), credited_as, notes


def is_cast_note(remark: str) -> bool:
    """True for a remark that qualifies a cast credit ("voice", "uncredited") rather than naming a part."""
    lowered = remark.strip().lower()
    return lowered in CAST_NOTES or lowered.startswith(_CAST_NOTE_PREFIXES)


def split_character(text: str) -> tuple[str | None, str | None, list[str]]:
    """``"Sgt. Al Powell (as Reginald Veljohnson) (uncredited)"`` -> character, credited_as, notes.

    Only "as ..." and known credit notes are taken out; other parentheses ("Red Two (Wedge)") stay in
    the character's name.
    """
    credited_as: str | None = None
    notes: list[str] = []

    def take(match: re.Match[str]) -> str:
        nonlocal credited_as
        remark = match.group(1).strip()
        if remark.startswith("as "):
            credited_as = remark[3:].strip() or None
            return " "
        if is_cast_note(remark):
            if remark not in notes:
                notes.append(remark)
            return " "
        return match.group(0)

    character = " ".join(_REMARK.sub(take, text).split())
    return character or None, credited_as, notes


def split_name_list(text: str) -> list[tuple[str, int]]:
    """``"Colin Firth, Geoffrey Rush and Helena Bonham Carter"`` -> each name with its offset in ``text``.

    Commas and " and " separate names; parentheses are kept whole ("Homer (poem), David Benioff").
    """
    pieces: list[tuple[int, int]] = []
    depth = 0
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and char in ", ":
            match = _NAME_SEPARATORS.match(text, index)
            if match is not None:
                pieces.append((start, index))
                start = index = match.end()
                continue
        index += 1
    pieces.append((start, len(text)))
    names: list[tuple[str, int]] = []
    for begin, end in pieces:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            names.append((stripped, begin + piece.index(stripped)))
    return names
