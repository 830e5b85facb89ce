"""Shared test set-up: fixture-pair collection, the --update-fixtures flag, the corpus location."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from filmscrape import batch

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = Path(os.environ.get("FILMSCRAPE_CORPUS", ROOT.parent / "shared" / "corpus"))
PAGE_SUFFIXES = (".txt", ".html")

# CI runs many more examples than a quick local run.
settings.register_profile("ci", max_examples=2000, deadline=None)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


# Archive tests: the text fixtures as crawled film pages, each under a URL like its site's.
SITE_URLS = {
    "imdb": "https://www.imdb.com/title/tt{n:07d}/",
    "rottentomatoes": "https://www.rottentomatoes.com/m/film_{n}",
    "blog": "https://filmdiary.example/{n}/a-review/",
    "essay": "https://essays.example/great-movie-{n}",
}
FILM_PAGES = sorted(path for path in FIXTURES.glob("*/*.txt") if path.parent.name in SITE_URLS)


def film_url(page: Path, number: int) -> str:
    """The URL a crawler would have recorded for fixture ``page`` as record ``number``."""
    if page.name.startswith("list-"):
        return f"https://www.rottentomatoes.com/browse/list_{number}/"
    return SITE_URLS[page.parent.name].format(n=number)


def interrupt_batch_after(monkeypatch: pytest.MonkeyPatch, calls: int) -> Callable[..., object]:
    """Make the batch's per-page work raise KeyboardInterrupt (Ctrl-C) on its ``calls``-th page; returns the
    real function, to be put back with ``monkeypatch.setattr(batch, "process", ...)``."""
    real_process = batch.process
    count = 0

    def interrupted(*args: object, **kwargs: object) -> object:
        nonlocal count
        count += 1
        if count == calls:
            raise KeyboardInterrupt
        return real_process(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch, "process", interrupted)
    return real_process


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-fixtures",
        action="store_true",
        default=False,
        help="rewrite fixtures/**/<case>.expected.json from the current output (review the diff!)",
    )


def fixture_pages() -> list[Path]:
    """Every fixture page: fixtures/<adapter>/<case>.txt|.html."""
    return sorted(path for path in FIXTURES.glob("*/*") if path.suffix in PAGE_SUFFIXES and path.is_file())


def corpus_files(*folders: str) -> list[Path]:
    """Pages of ../shared/corpus in the given folders (all when none given); [] when it is absent."""
    if not CORPUS.is_dir():
        return []
    names = folders or tuple(sorted(p.name for p in CORPUS.iterdir() if p.is_dir()))
    return sorted(path for name in names for path in (CORPUS / name).glob("*") if path.is_file())


requires_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not found at {CORPUS}")


@pytest.fixture
def update_fixtures(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-fixtures"))
