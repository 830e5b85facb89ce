"""Detection: the registry's safety wrapper, plugins, and the corpus pages that must not be mistaken."""

from __future__ import annotations

from pathlib import Path

import pytest

import filmscrape
from filmscrape import registry
from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.schema import Page

from conftest import corpus_files, requires_corpus

SITE_ADAPTERS = ("rottentomatoes", "imdb")


class _Broken(Adapter):
    name = "broken"

    def detect(self, doc: Document) -> float:
        raise RuntimeError("boom")


class _Loud(Adapter):
    name = "loud"

    def detect(self, doc: Document) -> float:
        return 7.5


class _NotANumber(Adapter):
    name = "nan"

    def detect(self, doc: Document) -> float:
        return float("nan")


@pytest.mark.parametrize(("adapter", "expected"), [(_Broken(), 0.0), (_Loud(), 1.0), (_NotANumber(), 0.0)])
def test_safe_detect_wraps_every_detector(adapter: Adapter, expected: float) -> None:
    """An exception or NaN counts as 0.0 and values are clamped to [0, 1]."""
    assert expected == registry.safe_detect(adapter, Document("text"))


def test_builtin_adapters_are_registered_in_order() -> None:
    """The four built-ins are registered under their contract names."""
    assert list(filmscrape.adapters())[:4] == ["rottentomatoes", "imdb", "blog", "essay"]


def test_a_broken_plugin_does_not_break_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    """A plugin whose detect and extract both raise leaves extract() working and says what failed."""

    class Exploding(_Broken):
        def extract(self, doc: Document) -> Page:
            raise RuntimeError("kaboom")

    table = dict(filmscrape.adapters())
    table["broken"] = Exploding()
    monkeypatch.setattr(registry, "adapters", lambda: table)
    page = filmscrape.extract("anything", adapter="broken")
    assert page.source.adapter == "broken"
    assert any("kaboom" in warning for warning in page.warnings)


@requires_corpus
@pytest.mark.parametrize("path", corpus_files("other"), ids=lambda p: p.name)
def test_other_pages_are_not_taken_for_site_film_pages(path: Path) -> None:
    """Charts, person pages, news and other review sites are not detected as RT or IMDb film pages."""
    name, score = filmscrape.detect(path.read_bytes())[0]
    assert not (name in SITE_ADAPTERS and score >= filmscrape.DETECTION_THRESHOLD), (name, score)


@requires_corpus
@pytest.mark.parametrize("path", corpus_files("rt", "imdb"), ids=lambda p: p.name)
def test_site_pages_are_detected_as_their_folder(path: Path) -> None:
    """Every RT and IMDb corpus page is detected as its folder's adapter."""
    expected = {"rt": "rottentomatoes", "imdb": "imdb"}[path.parent.name]
    name, score = filmscrape.detect(path.read_bytes())[0]
    assert (expected, True) == (name, score >= filmscrape.DETECTION_THRESHOLD)
