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


def title_and_year(line: str) -> tuple[str, int, Span] | None:
    """Title, year and the title's span within ``line`` for a ``Title (YYYY)`` line, else None."""
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
