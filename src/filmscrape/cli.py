"""The command line: ``filmscrape PATH...`` / ``python -m filmscrape PATH...``. The only module that prints.

One file prints one JSON document; several inputs, directories and WARC/WET archives are a batch (see
:mod:`filmscrape.batch`): worker processes, output in input order to stdout or ``-o FILE`` (JSON Lines
or Parquet), an errors file, ``--resume``, a progress bar and a summary line.

Exit status: 0 every input read; 1 some inputs failed (the others are still written); 2 usage error;
130 interrupted (the output file stays valid; ``--resume`` finishes it).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from filmscrape.batch import STDIN, Payload, summarize

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
OUTPUT_FORMATS = ("json", "jsonl", "summary", "parquet")
_PAYLOADS: dict[str, Payload] = {"json": "json", "jsonl": "jsonl", "summary": "summary", "parquet": "row"}

__all__ = ["build_parser", "main", "summarize"]


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also read by the docs test: every option must be in docs/cli.md)."""
    parser = argparse.ArgumentParser(
        prog="filmscrape",
        description="Extract scores, credits, reviews and quotes from film pages (text or HTML), "
        "one file or a batch of files, directories and WARC/WET archives.",
        epilog="Exit status: 0 all inputs read, 1 some inputs failed, 2 usage error, 130 interrupted.",
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="PATH",
        help="page files, directories (recursive), WARC/WET archives (.warc[.gz], .wet[.gz]); - is stdin",
    )
    parser.add_argument("--adapter", metavar="NAME", help="use this adapter instead of detecting one")
    parser.add_argument(
        "--format",
        choices=OUTPUT_FORMATS,
        help="json (default for one file), jsonl (default for several), summary (human-readable), "
        "or parquet (default for -o FILE.parquet)",
    )
    parser.add_argument(
        "--url", help="the page's URL, a hint for detection (archive records carry their own)"
    )
    parser.add_argument("--explain", action="store_true", help="print detection scores to stderr")
    parser.add_argument("--include-text", action="store_true", help="include the page text spans index")
    batch = parser.add_argument_group("batch")
    batch.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (.jsonl, or .parquet) instead of stdout"
    )
    batch.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default: all cores; 1 runs in-process)"
    )
    batch.add_argument("--glob", metavar="PATTERN", help="in directories, read only files matching PATTERN")
    batch.add_argument(
        "--from-list", metavar="FILE", help="read input paths from FILE, one a line (- for stdin)"
    )
    batch.add_argument(
        "--errors",
        metavar="FILE",
        help="write per-input errors there as JSON Lines (default with -o: OUT.errors.jsonl)",
    )
    batch.add_argument(
        "--resume",
        action="store_true",
        help="keep the output and skip inputs already in it or in the errors file",
    )
    batch.add_argument(
        "--prefilter",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="reject non-film pages before extraction and drop pages no adapter recognises "
        "(default: on for archive records, off for files)",
    )
    batch.add_argument(
        "--no-progress", action="store_true", help="no progress bar (shown when stderr is a terminal)"
    )
    parser.add_argument("--list-adapters", action="store_true", help="list the adapters and exit")
    parser.add_argument("--schema", action="store_true", help="print the output JSON Schema and exit")
    parser.add_argument(
        "--arrow-schema", action="store_true", help="print the Parquet (Arrow) schema and exit"
    )
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
        return EXIT_INTERRUPTED


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
    if args.arrow_schema:
        return _arrow_schema()
    if args.list_adapters:
        return _list_adapters()
    inputs = list(args.inputs)
    if args.from_list is not None:
        inputs.extend(_path_list(args.from_list, stdin_taken=STDIN in inputs))
    if not inputs:
        msg = "no input: give one or more PATHs, a directory, an archive, or - for stdin (see --help)"
        raise UsageError(msg)
    if args.adapter is not None:
        from filmscrape.errors import UnknownAdapterError
        from filmscrape.registry import get_adapter

        try:
            get_adapter(args.adapter)
        except UnknownAdapterError as error:
            raise UsageError(str(error)) from None
    if args.jobs is not None and args.jobs < 0:
        msg = "--jobs must be 0 (all cores) or more"
        raise UsageError(msg)
    return _batch(args, inputs)


def _batch(args: argparse.Namespace, inputs: list[str]) -> int:
    from filmscrape.batch import Options, Run, default_jobs, expand_inputs, load_done, plan
    from filmscrape.warc import is_archive

    output = Path(args.output) if args.output else None
    single = (
        len(inputs) == 1
        and args.from_list is None
        and (inputs[0] == STDIN or not (Path(inputs[0]).is_dir() or is_archive(inputs[0])))
    )
    output_format = args.format or _default_format(output, single=single)
    if output_format == "parquet" and output is None:
        msg = "--format parquet needs -o FILE"
        raise UsageError(msg)
    if args.resume and (output is None or output_format not in ("jsonl", "parquet")):
        msg = "--resume needs -o FILE in jsonl or parquet format"
        raise UsageError(msg)
    errors = Path(args.errors) if args.errors else _default_errors(output)
    if errors is not None and output is not None and errors.resolve() == output.resolve():
        msg = "the errors file must not be the output file"
        raise UsageError(msg)
    jobs = args.jobs or default_jobs()
    options = Options(
        adapter=args.adapter,
        url=args.url,
        include_text=args.include_text,
        explain=args.explain,
        prefilter_files=args.prefilter is True,
        prefilter_archives=args.prefilter is not False,
        payload=_PAYLOADS[output_format],
    )
    items = list(expand_inputs(inputs, glob=args.glob))
    done = load_done(output, output_format, errors) if args.resume else None
    if not args.resume and errors is not None and errors.exists():
        errors.unlink()  # the last run's errors file for this output: it would mislead
    tasks = list(plan(items, jobs=jobs, done=done, read_stdin=_read_stdin))
    writer = _writer(output, output_format, resume=args.resume)
    progress = (
        not args.no_progress
        and sys.stderr.isatty()
        and (output is not None or not sys.stdout.isatty())
        and any(task.weight for task in tasks)
    )
    run = Run(writer, options, jobs, errors_path=errors, errors_append=args.resume, progress=progress)
    show_summary = output is not None or (sys.stderr.isatty() and len(items) > 1)
    if done:
        where = f"{output} or {errors}" if errors is not None else f"{output}"
        counts = f"{len(done.paths):,} inputs done and {len(done.archive_after):,} archives begun"
        _error(f"resuming: {counts} in {where}", prefix="filmscrape: ")
    try:
        stats = run.execute(tasks)
    except KeyboardInterrupt:
        if output is None:
            raise
        _error(run.stats.line(errors_file=_name(errors)), prefix="")
        _error(
            f"interrupted: {output} holds every page written so far; --resume finishes the run",
            prefix="filmscrape: ",
        )
        return EXIT_INTERRUPTED
    except Exception as error:  # a worker process died (BrokenProcessPool) or a bug: no traceback
        _error(f"internal error: {type(error).__name__}: {error}")
        if output is not None:
            _error(run.stats.line(errors_file=_name(errors)), prefix="")
            _error(f"stopped: {output} holds every page written so far", prefix="filmscrape: ")
        return EXIT_FAILED
    if show_summary:
        _error(stats.line(errors_file=_name(errors)), prefix="")
    return EXIT_FAILED if stats.errors else EXIT_OK


def _default_format(output: Path | None, *, single: bool) -> str:
    if output is not None:
        return "parquet" if output.suffix.lower() == ".parquet" else "jsonl"
    return "json" if single else "jsonl"


def _default_errors(output: Path | None) -> Path | None:
    if output is None:
        return None
    return output.with_name(output.name.removesuffix(output.suffix) + ".errors.jsonl")


def _name(path: Path | None) -> str | None:
    return os.fspath(path) if path is not None else None


def _path_list(source: str, *, stdin_taken: bool) -> list[str]:
    from filmscrape.batch import read_path_list

    if source == STDIN:
        if stdin_taken:
            msg = "--from-list - and the input - both want standard input"
            raise UsageError(msg)
        if sys.stdin is None or sys.stdin.closed:
            msg = "--from-list -: standard input is closed"
            raise UsageError(msg)
        return read_path_list(sys.stdin)
    try:
        with Path(source).open(encoding="utf-8", errors="surrogateescape") as stream:
            return read_path_list(stream)
    except OSError as error:
        msg = f"--from-list {source}: {error.strerror or error}"
        raise UsageError(msg) from None


class _StdoutWriter:
    """Pages to standard output, each payload followed by a newline (a summary brings its own)."""

    def write(self, payload: Any) -> None:
        text = str(payload)
        _write(sys.stdout, text if text.endswith("\n") else text + "\n")

    def close(self) -> None:
        sys.stdout.flush()


class _TextFileWriter:
    """Pages to a file, line by line (see JsonLinesWriter: whole lines only, even when interrupted)."""

    def __init__(self, path: Path, *, append: bool) -> None:
        from filmscrape.output import JsonLinesWriter

        self.lines = JsonLinesWriter(path, append=append)

    def write(self, payload: Any) -> None:
        text = str(payload)
        self.lines.write_text(text if text.endswith("\n") else text + "\n")

    def close(self) -> None:
        self.lines.close()


def _writer(output: Path | None, output_format: str, *, resume: bool) -> Any:
    if output is None:
        return _StdoutWriter()
    if output_format == "parquet":
        from filmscrape.errors import InputError
        from filmscrape.output import ParquetWriter

        try:
            return ParquetWriter(output, keep_existing=resume)
        except InputError as error:
            raise UsageError(str(error)) from None
    try:
        return _TextFileWriter(output, append=resume)
    except OSError as error:
        msg = f"-o {output}: {error.strerror or error}"
        raise UsageError(msg) from None


def _arrow_schema() -> int:
    from filmscrape.errors import InputError
    from filmscrape.output import arrow_schema_text

    try:
        _write(sys.stdout, arrow_schema_text())
    except InputError as error:
        raise UsageError(str(error)) from None
    return EXIT_OK


def _list_adapters() -> int:
    from filmscrape.registry import adapters

    for name, adapter in adapters().items():
        _write(sys.stdout, f"{name}\t{adapter.description}\n")
    return EXIT_OK


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


def _write(stream: TextIO, text: str) -> None:
    stream.write(text)


def _error(message: str, *, prefix: str = "filmscrape: error: ") -> None:
    sys.stderr.write(f"{prefix}{message}\n")


def _silence_stdout() -> None:
    """After a closed pipe (``| head``), point stdout at devnull so interpreter exit stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
