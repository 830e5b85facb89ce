"""The adapter registry: built-ins plus plugins from the ``filmscrape.adapters`` entry-point group.

Every detector runs wrapped: an exception counts as 0.0 and the value is clamped to [0, 1], so one
broken plugin can never break detection (the pygments ``make_analysator`` contract).
"""

from __future__ import annotations

import logging
import math
from functools import cache
from importlib import import_module
from importlib.metadata import entry_points

from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.errors import UnknownAdapterError

logger = logging.getLogger(__name__)

DETECTION_THRESHOLD = 0.5
"""An adapter must score at least this for ``extract`` to choose it on its own."""

CERTAIN = 0.95
"""When choosing an adapter, a score at least this high is taken at once: later detectors do not run."""

ENTRY_POINT_GROUP = "filmscrape.adapters"

BUILTIN_ADAPTERS: tuple[tuple[str, str], ...] = (
    ("filmscrape.adapters.rottentomatoes", "RottenTomatoesAdapter"),
    ("filmscrape.adapters.imdb", "ImdbAdapter"),
    ("filmscrape.adapters.blog", "BlogAdapter"),
    ("filmscrape.adapters.essay", "EssayAdapter"),
    ("filmscrape.adapters.schemaorg", "SchemaOrgAdapter"),  # generic: scores low so site adapters win
)


def _instantiate(obj: object, origin: str) -> Adapter | None:
    """An Adapter instance from a class or instance a plugin exported, or None (logged) if unusable."""
    try:
        adapter = obj() if isinstance(obj, type) else obj
    except Exception:
        logger.warning("adapter plugin %s could not be created", origin, exc_info=True)
        return None
    name = getattr(adapter, "name", None)
    if not isinstance(name, str) or not name or not callable(getattr(adapter, "detect", None)):
        logger.warning("adapter plugin %s has no name or no detect(); ignored", origin)
        return None
    if not callable(getattr(adapter, "extract", None)):
        logger.warning("adapter plugin %s has no extract(); ignored", origin)
        return None
    return adapter  # type: ignore[return-value]  # duck-typed plugins are accepted


@cache
def adapters() -> dict[str, Adapter]:
    """All adapters by name, built-ins first, then plugins (loaded once; a built-in name wins)."""
    found: dict[str, Adapter] = {}
    for module_name, class_name in BUILTIN_ADAPTERS:
        adapter_class = getattr(import_module(module_name), class_name)
        adapter = adapter_class()
        found[adapter.name] = adapter
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry_point.load()
        except Exception:
            logger.warning("adapter plugin %s failed to load", entry_point.value, exc_info=True)
            continue
        plugin = _instantiate(loaded, entry_point.value)
        if plugin is None:
            continue
        if plugin.name in found:
            logger.warning("adapter plugin %s reuses the name %r; ignored", entry_point.value, plugin.name)
            continue
        found[plugin.name] = plugin
    return found


def get_adapter(name: str) -> Adapter:
    """The adapter registered as ``name``; UnknownAdapterError lists the known names otherwise."""
    known = adapters()
    try:
        return known[name]
    except KeyError:
        msg = f"unknown adapter {name!r} (known: {', '.join(known)})"
        raise UnknownAdapterError(msg) from None


def safe_detect(adapter: Adapter, doc: Document) -> float:
    """``adapter.detect(doc)`` clamped to [0, 1]; an exception or a non-number counts as 0.0."""
    try:
        value = float(adapter.detect(doc))
    except Exception:
        logger.debug("detector of %s failed", getattr(adapter, "name", adapter), exc_info=True)
        return 0.0
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, value))


def rank(doc: Document) -> list[tuple[str, float]]:
    """Every adapter's detection score for ``doc``, best first (ties keep registration order)."""
    scores = [(name, safe_detect(adapter, doc)) for name, adapter in adapters().items()]
    return sorted(scores, key=lambda pair: -pair[1])


def choose(doc: Document) -> tuple[str, float]:
    """The best adapter's name and score (``("", 0.0)`` with no adapters); stops early at ``CERTAIN``."""
    best_name, best_score = "", 0.0
    for name, adapter in adapters().items():
        score = safe_detect(adapter, doc)
        if score > best_score:
            best_name, best_score = name, score
        if score >= CERTAIN:
            break
    return best_name, best_score
