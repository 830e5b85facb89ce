"""The few exceptions filmscrape raises. Extraction itself never raises on text."""

from __future__ import annotations


class FilmscrapeError(Exception):
    """Base class of every error filmscrape raises on purpose."""


class InputError(FilmscrapeError, ValueError):
    """The input is not text filmscrape can read: binary data, an unreadable path, no such file."""


class UnknownAdapterError(InputError, LookupError):
    """An adapter name that is neither built in nor installed as a plugin."""
