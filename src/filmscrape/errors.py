"""The few exceptions filmscrape raises. Extraction itself never raises on text."""

from __future__ import annotations

import importlib
from types import ModuleType


class FilmscrapeError(Exception):
    """Base class of every error filmscrape raises on purpose."""


class InputError(FilmscrapeError, ValueError):
    """The input is not text filmscrape can read: binary data, an unreadable path, no such file."""


class UnknownAdapterError(InputError, LookupError):
    """An adapter name that is neither built in nor installed as a plugin."""


def require_module(name: str, message: str) -> ModuleType:
    """The module ``name`` of an optional extra; InputError with ``message`` (which names the extra and its
    install command) when it is not installed."""
    try:
        return importlib.import_module(name)
    except ImportError:
        raise InputError(message) from None
