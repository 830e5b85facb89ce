"""Third-party adapters through the filmscrape.adapters entry-point group (the example package)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import filmscrape
from filmscrape import registry

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "filmscrape-letterboxd"

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    tomllib = pytest.importorskip("tomli")


def install_entry_points(site: Path, name: str, entry_points: dict[str, str]) -> None:
    """Lay out what pip leaves in site-packages for a distribution: a dist-info with its entry points."""
    dist_info = site / f"{name.replace('-', '_')}-0.1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n")
    lines = [f"{key} = {value}" for key, value in entry_points.items()]
    (dist_info / "entry_points.txt").write_text("[filmscrape.adapters]\n" + "\n".join(lines) + "\n")


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A fresh site directory on sys.path, with the registry cache cleared before and after."""
    site = tmp_path / "site"
    site.mkdir()
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.syspath_prepend(str(EXAMPLE / "src"))
    registry.adapters.cache_clear()
    yield site
    registry.adapters.cache_clear()


def test_example_package_declares_its_entry_point() -> None:
    """The example's pyproject registers its adapter in the filmscrape.adapters group."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert {"letterboxd": "filmscrape_letterboxd:LetterboxdAdapter"} == project["entry-points"][
        "filmscrape.adapters"
    ]


def test_example_plugin_is_found_detected_and_used(site: Path) -> None:
    """Installed through its entry point, the example adapter is listed, detected and extracts."""
    project = tomllib.loads((EXAMPLE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    install_entry_points(site, project["name"], project["entry-points"]["filmscrape.adapters"])
    assert "letterboxd" in filmscrape.adapters()
    page = filmscrape.extract((EXAMPLE / "example-review.txt").read_bytes())
    assert page.source.adapter == "letterboxd"
    assert (page.film.title, page.film.year) == ("The Lighthouse Keeper's Daughter", 2031)
    assert page.reviews[0].author == "marguerite_v"
    assert page.scores[0].value == 3.5
    start, end = page.scores[0].span
    assert page.text[start:end] == "★★★½"


def test_broken_and_clashing_plugins_are_skipped(site: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A plugin that fails to import, or reuses a built-in name, is skipped with a warning."""
    install_entry_points(
        site,
        "bad-plugins",
        {"missing": "no_such_module_xyz:Adapter", "clash": "filmscrape.adapters.blog:BlogAdapter"},
    )
    names = list(filmscrape.adapters())
    assert names[:4] == ["rottentomatoes", "imdb", "blog", "essay"]
    assert "missing" not in names
    messages = " ".join(record.getMessage() for record in caplog.records)
    assert "failed to load" in messages and "reuses the name 'blog'" in messages
