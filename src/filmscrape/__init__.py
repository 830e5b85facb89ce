"""filmscrape: film web pages (text or HTML) into one typed schema of scores, credits, reviews, quotes."""

from __future__ import annotations

import logging

from filmscrape.adapters.base import Adapter
from filmscrape.api import detect, extract, extract_file
from filmscrape.document import Document
from filmscrape.errors import FilmscrapeError, InputError, UnknownAdapterError
from filmscrape.registry import DETECTION_THRESHOLD, adapters
from filmscrape.schema import SCHEMA_VERSION, Page

__version__ = "0.1.0"

__all__ = [
    "DETECTION_THRESHOLD",
    "SCHEMA_VERSION",
    "Adapter",
    "Document",
    "FilmscrapeError",
    "InputError",
    "Page",
    "UnknownAdapterError",
    "__version__",
    "adapters",
    "detect",
    "extract",
    "extract_file",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
