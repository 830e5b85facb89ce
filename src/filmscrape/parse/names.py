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
    "produced by": "producer",
    "producer": "producer",
    "producers": "producer",
    "original music by": "composer",
    "music by": "composer",
    "music": "composer",
    "cinematography by": "cinematographer",
    "cinematography": "cinematographer",
    "film editing by": "editor",
    "editing by": "editor",
    "film editing": "editor",
    "production design by": "production_designer",
    "art direction by": "art_director",
    "set decoration by": "set_decorator",
    "costume design by": "costume_designer",
    "makeup department": "makeup",
    "production management": "production_manager",
    "second unit director or assistant director": "assistant_director",
    "art department": "art_department",
    "sound department": "sound",
    "special effects by": "visual_effects",
    "visual effects by": "visual_effects",
    "stunts": "stunts",
    "camera and electrical department": "camera",
    "casting by": "casting",
    "casting department": "casting",
    "other crew": "crew",
    "cast": "cast",
    "starring": "cast",
    "stars": "cast",
    "production companies": "company",
    "distributors": "company",
}

_REMARK = re.compile(r"\(([^()]*)\)")


def role_for_department(heading: str) -> str | None:
    """The normalised role for a department heading ("Directed by", "Makeup Department:"), or None."""
    key = heading.strip().rstrip(":").strip().lower()
    return DEPARTMENT_ROLES.get(key)


def split_remarks(text: str) -> tuple[str, str | None, list[str]]:
    """``"Michio Takahashi (Japan) (as Takahashi Michio)"`` -> name, credited_as, other remarks."""
    credited_as: str | None = None
    notes: list[str] = []
    for raw in _REMARK.findall(text):
        remark = raw.strip()
        if remark.startswith("as "):
            credited_as = remark[3:].strip() or None
        elif remark:
            notes.append(remark)
    name = _REMARK.sub(" ", text)
    return " ".join(name.split()), credited_as, notes
