"""The command line: ``filmscrape FILE...`` / ``python -m filmscrape FILE...``. The only module that prints.

Exit status: 0 every input read; 1 some inputs failed (the others are still printed); 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from filmscrape.schema import Page

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PAGE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".md", ""})
"""Files a directory walk reads: page text and HTML (and files without a suffix, as crawlers save them)."""
STDIN = "-"


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also read by the docs test: every option must be in docs/cli.md)."""
    parser = argparse.ArgumentParser(
        prog="filmscrape",
        description="Extract scores, credits, reviews and quotes from film pages (text or HTML).",
        epilog="Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error.",
    )
    parser.add_argument(
        "inputs", nargs="*", metavar="FILE", help="page files or directories (recursive); - reads stdin"
    )
    parser.add_argument("--adapter", metavar="NAME", help="use this adapter instead of detecting one")
    parser.add_argument(
        "--format",
        choices=("json", "jsonl", "summary"),
        help="json (default for one file), jsonl (default for several), or a short human-readable summary",
    )
    parser.add_argument("--url", help="the page's URL, a hint for detection")
    parser.add_argument("--explain", action="store_true", help="print detection scores to stderr")
    parser.add_argument("--include-text", action="store_true", help="include the page text spans index")
    parser.add_argument("--list-adapters", action="store_true", help="list the adapters and exit")
    parser.add_argument("--schema", action="store_true", help="print the output JSON Schema and exit")
    parser.add_argument("--version", action="store_true", help="print the version and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed its one-line usage error
        return EXIT_OK if exit_.code == 0 else EXIT_USAGE
    try:
        return _run(args)
    except UsageError as error:
        _error(str(error))
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except KeyboardInterrupt:
        _error("interrupted")
        return 130


def _run(args: argparse.Namespace) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    if args.version:
        from filmscrape import __version__

        _write(sys.stdout, f"filmscrape {__version__}\n")
        return EXIT_OK
    if args.schema:
        from filmscrape.serialize import json_schema_text

        _write(sys.stdout, json_schema_text())
        return EXIT_OK
    if args.list_adapters:
        return _list_adapters()
    if not args.inputs:
        msg = "no input: give one or more FILEs, a directory, or - for stdin (see --help)"
        raise UsageError(msg)
    if args.adapter is not None:
        from filmscrape.errors import UnknownAdapterError
        from filmscrape.registry import get_adapter

        try:
            get_adapter(args.adapter)
        except UnknownAdapterError as error:
            raise UsageError(str(error)) from None
    single = len(args.inputs) == 1 and (args.inputs[0] == STDIN or not Path(args.inputs[0]).is_dir())
    output_format = args.format or ("json" if single else "jsonl")
    failures = 0
    for label, page_or_error in _pages(args):
        if isinstance(page_or_error, str):
            failures += 1
            _error(f"{label}: {page_or_error}")
            continue
        _emit(page_or_error, output_format, include_text=args.include_text)
    sys.stdout.flush()
    return EXIT_FAILED if failures else EXIT_OK


def _list_adapters() -> int:
    from filmscrape.registry import adapters

    for name, adapter in adapters().items():
        _write(sys.stdout, f"{name}\t{adapter.description}\n")
    return EXIT_OK


def _input_paths(inputs: Sequence[str]) -> Iterator[tuple[str, str | None]]:
    """Each input as (label, error or None); directories expand to their page files, sorted."""
    for item in inputs:
        if item == STDIN:
            yield item, None
            continue
        path = Path(item)
        if not path.is_dir():
            yield item, None  # missing or unreadable files fail when read, with the reason
            continue
        found = False
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(name for name in dirs if not name.startswith("."))
            for name in sorted(files):
                file_path = Path(root, name)
                if name.startswith(".") or name.endswith(".expected.json"):
                    continue
                if file_path.suffix.lower() in PAGE_SUFFIXES:
                    found = True
                    yield os.fspath(file_path), None
        if not found:
            yield item, "no page files in this directory"


def _pages(args: argparse.Namespace) -> Iterator[tuple[str, Page | str]]:
    """(label, Page) for every input read, (label, error message) for every input that failed."""
    from filmscrape.api import detect, extract, load_document, read_source
    from filmscrape.errors import InputError

    for label, problem in _input_paths(args.inputs):
        if problem is not None:
            yield label, problem
            continue
        try:
            data = _read_stdin() if label == STDIN else read_source(label)
            doc = load_document(data, url=args.url)
            if args.explain:
                scores = ", ".join(f"{name} {score:.2f}" for name, score in detect(doc))
                _error(f"{label}: detection: {scores or 'no adapters'}", prefix="")
            page = extract(doc, adapter=args.adapter)
            page.path = label
        except InputError as error:
            yield label, str(error).removeprefix(f"{label}: ")
            continue
        except Exception as error:  # never a traceback: report and go on with the next input
            yield label, f"internal error: {type(error).__name__}: {error}"
            continue
        yield label, page


def _read_stdin() -> bytes:
    from filmscrape.errors import InputError

    stream = sys.stdin
    if stream is None or stream.closed:
        msg = "standard input is closed"
        raise InputError(msg)
    try:
        return stream.buffer.read()
    except (OSError, ValueError) as error:
        msg = f"cannot read standard input: {error}"
        raise InputError(msg) from None


def _emit(page: Page, output_format: str, *, include_text: bool) -> None:
    if output_format == "summary":
        _write(sys.stdout, summarize(page))
        return
    from filmscrape.serialize import page_to_dict

    data = page_to_dict(page, include_text=include_text)
    indent = 2 if output_format == "json" else None
    _write(sys.stdout, json.dumps(data, ensure_ascii=False, indent=indent) + "\n")


def summarize(page: Page) -> str:
    """A short human-readable view: title, year, adapter, counts and the main scores."""
    film = page.film
    title = film.title or "(no title)"
    year = f" ({film.year})" if film.year else ""
    adapter = page.source.adapter or "no adapter"
    lines = [f"{page.path or '-'}: {title}{year} [{adapter}, {page.source.confidence:.2f}]"]
    for score in page.scores:
        value = "n/a" if score.value is None else f"{score.value:g}"
        scale = "%" if score.metric == "percent_positive" else f"/{score.scale:g}" if score.scale else ""
        count = f" from {score.count:,}" if score.count is not None else ""
        lines.append(f"  {score.kind} {score.metric}: {value}{scale}{count}")
    counts = (
        f"  credits {len(page.credits)}, reviews {len(page.reviews)}, quotes {len(page.quotes)}, "
        f"listings {len(page.listings)}, facts {len(page.facts)}"
    )
    lines.append(counts)
    lines.extend(f"  warning: {warning}" for warning in page.warnings)
    return "\n".join(lines) + "\n"


def _write(stream: TextIO, text: str) -> None:
    stream.write(text)


def _error(message: str, *, prefix: str = "filmscrape: error: ") -> None:
    sys.stderr.write(f"{prefix}{message}\n")


def _silence_stdout() -> None:
    """After a closed pipe (``| head``), point stdout at devnull so interpreter exit stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
