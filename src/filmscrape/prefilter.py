"""The crawl pre-filter: reject pages that are not about films before any adapter work.

A crawl holds film pages as a sliver of everything else, so most records must be turned away at the
cost of a few substring tests. :func:`verdict` decides in three steps, cheapest first:

1. **URL** (when the crawler recorded one): a film site's film page is taken at once (IMDb
   ``/title/tt...``, Rotten Tomatoes); the same sites' other pages (IMDb names, charts, searches) and
   addresses of non-pages (images, scripts, feeds) are rejected.
2. **Gate**: the raw bytes must contain ``ilm`` or ``ovie`` (film, Film, films, movie, Movie...): two
   substring searches over the record, through the C library's ``memmem`` where there is one (a few
   gigabytes per second; ``in``, about one, elsewhere). A page without either is rejected,
   which is nearly all of a crawl, unless its URL speaks of films (``/film/``, ``movie-review``,
   ``cinema``, ``review``) and the page says review. Without a URL (saved files), a page that says
   review and shows a mark of film reviews (spoilers, "directed by", starring, cinema, IMDb...), or
   names ``IMDb`` or the ``Tomatometer``, passes too (a saved IMDb credits page may say neither film
   nor movie).
3. **Vocabulary**, only for the few pages past the gate: a URL that speaks of films lets the page
   through; otherwise the page needs words from at least :data:`MIN_FAMILIES` families of film
   vocabulary (film, movie, review, director, cast, scene, cinema, screenplay, plot, genres, the
   film sites' names): "a thin film of oil" alone is not enough.

Everything is tested on bytes (str input is encoded once), never decoded or lower-cased. A false pass
only costs an adapter's detection, which then rejects the page; a false rejection loses a film page, so
the words err on the side of passing (a test pins down that every fixture page passes).
"""

from __future__ import annotations

import ctypes
import logging
import re
from collections.abc import Callable
from typing import Literal, NamedTuple

logger = logging.getLogger(__name__)

Reason = Literal["film-url", "other-url", "not-a-page", "no-film-words", "few-film-words", "film-words"]

MIN_FAMILIES = 2
"""Families of film vocabulary a page that says film or movie needs (film and movie count as two)."""

_FILM_SITE = re.compile(
    r"^(?:https?://)?(?:[\w-]+\.)*(?:imdb\.com/(?:[a-z]{2}/)?title/tt\d|rottentomatoes\.com/)", re.ASCII
)
_OTHER_FILM_SITE_PAGE = re.compile(r"^(?:https?://)?(?:[\w-]+\.)*imdb\.com(?:[:/]|$)", re.ASCII)
_NOT_A_PAGE = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|json|pdf|zip|gz|mp[34]|m4[av]|woff2?|ttf|rss|atom)(?:[?#]|$)",
    re.ASCII,
)
_FILM_URL_WORDS = ("film", "movie", "cinema", "review", "critic")

_FILM, _MOVIE, _REVIEW = b"ilm", b"ovie", b"eview"
_SITE_GATE = (b"IMDb", b"Tomatometer", b"TOMATOMETER")
_REVIEW_MARKS = (
    b"spoiler",
    b"Spoiler",
    b"irected by",
    b"irected By",
    b"tarring",
    b"IMDb",
    b"Tomatometer",
    b"cinema",
    b"Cinema",
    b"creenplay",
)
"""What a page that says review but neither film nor movie needs (a critic's excerpt page, say)."""
_FAMILIES: tuple[tuple[bytes, ...], ...] = (
    (b"irector", b"irected"),
    (b" cast", b"Cast", b"tarring", b" actor", b"Actor", b"actress"),
    (b"scene",),
    (b"cinema", b"Cinema"),
    (b"creenplay", b"critic", b"Critic"),
    (b"IMDb", b"omatometer", b"TOMATOMETER", b"Oscar", b"trailer", b"sequel"),
    (b"comedy", b"drama", b"thriller", b"horror"),
)
"""Film vocabulary beyond film, movie and review; a family counts once however many of its words appear."""


def _contains_in(data: bytes, needle: bytes) -> bool:
    return needle in data


def _libc_memmem() -> Callable[[bytes, bytes], bool] | None:
    """``needle in data`` through the C library's ``memmem`` (two to three times Python's own search on
    short needles), or None where there is none (Windows) or it misbehaves."""
    try:
        function = ctypes.CDLL(None).memmem
    except (OSError, AttributeError, TypeError):
        return None
    function.restype = ctypes.c_void_p
    function.argtypes = (ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t)

    def memmem(data: bytes, needle: bytes) -> bool:
        return function(data, len(data), needle, len(needle)) is not None  # bytes pass without a copy

    try:
        works = memmem(b"a film.", b"ilm") and not memmem(b"a fil", b"ilm") and not memmem(b"", b"ilm")
    except (ctypes.ArgumentError, OSError):
        works = False
    if not works:
        logger.debug("memmem from the C library misbehaves: the pre-filter uses Python's search")
        return None
    return memmem


contains: Callable[[bytes, bytes], bool] = _libc_memmem() or _contains_in
"""The gate's substring test over a whole page: libc ``memmem`` when there is one, else ``in``."""


class Verdict(NamedTuple):
    """Whether a page goes on to the adapters, and which step decided."""

    accept: bool
    reason: Reason


_FILM_URL = Verdict(accept=True, reason="film-url")
_OTHER_URL = Verdict(accept=False, reason="other-url")
_NOT_PAGE = Verdict(accept=False, reason="not-a-page")
_NO_WORDS = Verdict(accept=False, reason="no-film-words")
_FEW_WORDS = Verdict(accept=False, reason="few-film-words")
_WORDS = Verdict(accept=True, reason="film-words")


def url_verdict(url: str | None) -> Verdict | None:
    """The decision the URL alone makes, or None when the content must decide."""
    if not url:
        return None
    if "imdb" in url or "rottentomatoes" in url:
        if _FILM_SITE.search(url):
            return _FILM_URL
        if _OTHER_FILM_SITE_PAGE.search(url):
            return _OTHER_URL
    if "." in url.rpartition("/")[2] and _NOT_A_PAGE.search(url):
        return _NOT_PAGE
    return None


def film_url(url: str | None) -> bool:
    """Whether a URL speaks of films (``/film/``, ``movie-review``, ``cinema``...)."""
    if not url:
        return False
    lowered = url.lower()
    return any(word in lowered for word in _FILM_URL_WORDS)


def verdict(data: bytes | str, url: str | None = None) -> Verdict:
    """Whether ``data`` (a page's raw bytes or its text) may be a film page; see the module's steps."""
    decided = url_verdict(url)
    if decided is not None:
        return decided
    if isinstance(data, str):
        data = data.encode("utf-8", "replace")
    film = contains(data, _FILM)
    movie = not film and contains(data, _MOVIE)  # each test is a pass over the page: none asked twice
    if not (film or movie):
        if url is not None:
            return _WORDS if film_url(url) and _REVIEW in data else _NO_WORDS
        if _REVIEW in data:
            return _WORDS if any(mark in data for mark in _REVIEW_MARKS) else _FEW_WORDS
        return _WORDS if any(word in data for word in _SITE_GATE) else _NO_WORDS
    if film_url(url):
        return _WORDS
    found = 1 + (film and _MOVIE in data) + (_REVIEW in data)
    for family in _FAMILIES:
        if found >= MIN_FAMILIES:
            break
        if any(word in data for word in family):
            found += 1
    return _WORDS if found >= MIN_FAMILIES else _FEW_WORDS


def accept(data: bytes | str, url: str | None = None) -> bool:
    """Shorthand for ``verdict(data, url).accept``."""
    return verdict(data, url).accept
