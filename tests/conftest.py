"""Shared test set-up: fixture-pair collection, the --update-fixtures flag, the corpus location."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = Path(os.environ.get("FILMSCRAPE_CORPUS", ROOT.parent / "shared" / "corpus"))
PAGE_SUFFIXES = (".txt", ".html")

# CI runs many more examples than a quick local run.
settings.register_profile("ci", max_examples=2000, deadline=None)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


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
