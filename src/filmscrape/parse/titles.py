"""Film titles with their year, as page headers print them: ``Hiroshima Mon Amour (1959)``."""

from __future__ import annotations

import re

from filmscrape.schema import Span

# "Title (1959)", "Title (TV Movie 2001)", "Archer (TV Series 2009– )", "Title (2015/I)".
# No "\s*" between the title and "(": the title takes the spaces (stripped after), else a line of spaces
# is scanned to its end for each of the 300 title lengths.
TITLE_YEAR = re.compile(
    r"^(?P<title>[^\n]{1,300}?)\((?:[A-Za-z][A-Za-z ]{0,20}\s)?(?P<year>(?:18|19|20)\d{2})"
    r"(?:/[IVX]+)?(?:\s*[–-]\s*(?:\d{4})?\s*)?\)",
    re.M,
)
MIN_YEAR, MAX_YEAR = 1870, 2100
MAX_TITLE = 300  # the title before "(" is at most this long (TITLE_YEAR's {1,300})


def title_and_year(line: str) -> tuple[str, int, Span] | None:
    """Title, year and the title's span within ``line`` for a ``Title (YYYY)`` line, else None."""
    if "(" not in line[: MAX_TITLE + 1]:
        return None  # the pattern would try every title length up to MAX_TITLE first
    match = TITLE_YEAR.match(line)
    if match is None:
        return None
    raw = match.group("title")
    title = raw.strip()
    year = int(match.group("year"))
    if not title or not MIN_YEAR <= year <= MAX_YEAR:
        return None
    start = match.start("title") + len(raw) - len(raw.lstrip())
    return title, year, (start, start + len(title))


# "The 1961 film PasaMalar directed by Bhimsingh" (crawler text may glue it: "filmPasaMalardirected by").
_FILM_DIRECTED_BY = re.compile(
    r"\b(?:film|movie) ?(?P<title>[A-Z][^\n,.;:“”\"()]{0,80}?) ?,? ?directed by ?[A-Z]"
)
# What a site prints after a post's title: "The Garden · Derek Jarman", "Title | Blog", "Title – Site".
SITE_SEPARATORS: tuple[str, ...] = (" · ", " | ", " – ", " — ")


def film_directed_by(text: str, start: int = 0, end: int | None = None) -> tuple[str, Span] | None:
    """The title in "the film Title directed by Name", with its span in ``text``."""
    match = _FILM_DIRECTED_BY.search(text, start, len(text) if end is None else end)
    if match is None:
        return None
    title = match.group("title").strip()
    return title, (match.start("title"), match.start("title") + len(title))


def without_site_suffix(title: str) -> str:
    """``title`` cut at the first site separator ("The Garden · Derek Jarman" -> "The Garden")."""
    cut = min((at for sep in SITE_SEPARATORS if (at := title.find(sep)) > 0), default=len(title))
    return title[:cut].rstrip()
