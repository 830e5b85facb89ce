"""Titles as pages print them: parse.titles (invented lines)."""

from __future__ import annotations

from filmscrape.parse.titles import film_directed_by, title_and_year, without_site_suffix


def test_title_and_year() -> None:
    assert ("Low Tide", 1961, (0, 8)) == title_and_year("Low Tide (1961)")


def test_film_directed_by_reads_glued_text() -> None:
    """ "The 1961 filmLowTidedirected by Ada Roos": the title between "film" and "directed by"."""
    text = "The 1961 filmLowTidedirected by Ada Roos is a weepie."
    found = film_directed_by(text)
    assert found is not None
    title, (start, end) = found
    assert ("LowTide", "LowTide") == (title, text[start:end])
    assert film_directed_by("It was directed by Ada Roos.") is None


def test_site_suffix_is_cut() -> None:
    """ "Title · Site", "Title | Blog", "Title – Name": the title alone."""
    assert "Low Tide" == without_site_suffix("Low Tide · Ada Roos")
    assert "Low Tide" == without_site_suffix("Low Tide | My Film Blog")
    assert "Low Tide" == without_site_suffix("Low Tide")
