"""The few functions users call: extract(), detect(), extract_file()."""

from __future__ import annotations

import logging
import os
import typing
from collections.abc import Callable, Iterable
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import Any, NamedTuple

import attrs

from filmscrape import schema
from filmscrape.adapters.base import Adapter
from filmscrape.document import Document
from filmscrape.errors import InputError
from filmscrape.registry import DETECTION_THRESHOLD, choose, get_adapter, rank
from filmscrape.schema import Page, Source

logger = logging.getLogger(__name__)


def load_document(source: str | bytes | Document, *, url: str | None = None) -> Document:
    """A Document from text, bytes (decoded; InputError when binary) or an existing Document."""
    if isinstance(source, Document):
        return source
    return Document.from_source(source, url=url)


def detect(source: str | bytes | Document, *, url: str | None = None) -> list[tuple[str, float]]:
    """Every adapter's confidence that ``source`` is its kind of page, best first."""
    return rank(load_document(source, url=url))


def extract(source: str | bytes | Document, *, adapter: str | None = None, url: str | None = None) -> Page:
    """Read a film page into a :class:`Page`.

    ``source`` is the page's text or HTML (``str``), or raw bytes, which are decoded (UTF-8, BOMs,
    declared charset, cp1252) and raise :class:`~filmscrape.errors.InputError` when they are not text.
    ``adapter`` forces an adapter by name (UnknownAdapterError for a name that is not registered);
    otherwise the best detection score wins if it reaches ``DETECTION_THRESHOLD`` (0.5). ``url`` is an
    optional hint for detection. On ``str`` input this never raises: an unrecognised page gives a Page
    with ``source.adapter`` None and a warning.
    """
    chosen = get_adapter(adapter) if adapter is not None else None
    doc = load_document(source, url=url)
    try:
        return _extract_document(doc, chosen)
    except Exception as error:  # the never-raise promise: report, don't crash
        logger.exception("extraction failed")
        page = Page(source=Source(input_format=doc.input_format, url=doc.url), text=doc.text)
        page.warnings.append(f"extraction failed: {type(error).__name__}: {error}")
        return page


def _extract_document(doc: Document, chosen: Adapter | None) -> Page:
    """Run ``chosen`` (or the best-detected adapter) on ``doc`` and stamp the Page's source."""
    if chosen is not None:
        adapter, confidence = chosen, 1.0
    else:
        best_name, confidence = choose(doc)
        if confidence < DETECTION_THRESHOLD:
            page = Page(source=Source(input_format=doc.input_format, url=doc.url), text=doc.text)
            page.source.confidence = round(confidence, 4)
            page.warnings.append(
                f"no adapter recognised this page (best: {best_name or 'none'} at {confidence:.2f}, "
                f"threshold {DETECTION_THRESHOLD})"
            )
            return page
        adapter = get_adapter(best_name)
    try:
        page = adapter.extract(doc)
    except Exception as error:
        logger.exception("adapter %s failed", adapter.name)
        page = Page()
        page.warnings.append(f"adapter {adapter.name} failed: {type(error).__name__}: {error}")
    page.source = Source(
        adapter=adapter.name, confidence=round(confidence, 4), input_format=doc.input_format, url=doc.url
    )
    page.text = doc.text
    drop_empty_strings(page)
    return page


def drop_empty_strings(page: Page) -> None:
    """Enforce the contract on any adapter's output: an empty optional string is None, and empty strings
    are dropped from lists of strings (absent is null or [], never "")."""
    pending: list[Iterable[Any]] = [(page,)]
    while pending:
        plan_class: type | None = None
        for item in pending.pop():  # a list of records: one class, one plan (looked up again on a change)
            if item.__class__ is not plan_class:
                plan_class = item.__class__
                plan = _cleaning_plan(plan_class)
            if plan.optional is not None and "" in plan.optional(item):  # one C-level read of the fields
                for name in plan.optional_names:
                    if getattr(item, name) == "":
                        setattr(item, name, None)
            if plan.string_lists is not None:
                for values in plan.string_lists(item):
                    if "" in values:
                        values[:] = [value for value in values if value != ""]
            if plan.records is not None:
                pending.append([value for value in plan.records(item) if value is not None])
            if plan.record_lists is not None:
                pending.extend(plan.record_lists(item))


class _CleaningPlan(NamedTuple):
    """Getters returning a tuple of one schema class's fields of each sort (None: it has none)."""

    optional_names: tuple[str, ...]
    optional: Callable[[Any], tuple[Any, ...]] | None
    string_lists: Callable[[Any], tuple[list[str], ...]] | None
    records: Callable[[Any], tuple[Any, ...]] | None
    record_lists: Callable[[Any], tuple[list[Any], ...]] | None


def _tuple_getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]] | None:
    if not names:
        return None
    if len(names) == 1:
        get = attrgetter(names[0])
        return lambda item: (get(item),)
    return attrgetter(*names)


@cache
def _cleaning_plan(cls: type) -> _CleaningPlan:
    optional, string_lists, records, record_lists = _field_plan(cls)
    return _CleaningPlan(
        optional,
        _tuple_getter(optional),
        _tuple_getter(string_lists),
        _tuple_getter(records),
        _tuple_getter(record_lists),
    )


@cache
def _field_plan(cls: type) -> tuple[tuple[str, ...], ...]:
    """For a schema class: its optional str fields, list[str] fields, and the record fields and
    list-of-record fields whose classes have strings to check (an ItemScore has none: never visited)."""
    hints = typing.get_type_hints(cls, vars(schema))
    plan: tuple[list[str], list[str], list[str], list[str]] = ([], [], [], [])
    for field in attrs.fields(cls):
        hint = hints[field.name]
        args = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner = args[0] if len(args) == 1 else hint
        if typing.get_origin(hint) is list:
            if attrs.has(args[0]):
                if any(_field_plan(args[0])):
                    plan[3].append(field.name)
            else:
                plan[1].append(field.name)
        elif inner is str and field.default is None:
            plan[0].append(field.name)
        elif attrs.has(inner) and any(_field_plan(inner)):
            plan[2].append(field.name)
    return tuple(tuple(names) for names in plan)


def read_source(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path``; InputError naming the file when it cannot be read."""
    file_path = Path(path)
    try:
        return file_path.read_bytes()
    except IsADirectoryError:
        msg = f"{file_path}: is a directory"
        raise InputError(msg) from None
    except OSError as error:
        msg = f"{file_path}: {error.strerror or error}"
        raise InputError(msg) from None


def extract_file(path: str | os.PathLike[str], *, adapter: str | None = None, url: str | None = None) -> Page:
    """Read the page saved at ``path``; InputError when it is unreadable or not text."""
    data = read_source(path)
    try:
        doc = load_document(data, url=url)
    except InputError as error:
        msg = f"{path}: {error}"
        raise InputError(msg) from None
    del data  # the decoded text is all extraction needs: free the input's bytes (50 MB for a 50 MB page)
    page = extract(doc, adapter=adapter)
    page.path = os.fspath(path)
    return page
