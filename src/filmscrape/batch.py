"""The batch runner: inputs become tasks, worker processes run them, results are written in input order.

- **Inputs** (:func:`expand_inputs`): files, directories (walked recursively in sorted order, optionally
  through a glob), standard input, and WARC/WET archives.
- **Tasks** (:func:`plan`): a few files at a time, or a byte range of an archive (see
  :mod:`filmscrape.warc`: each worker reads its own part of a splittable archive, so two workers read
  one archive about twice as fast as one). Resume state removes what is already done.
- **Workers** (:func:`run_task`, :func:`task_outcomes`): read, pre-filter, extract, serialise; they
  return only pages and errors (rejections are counted), so little crosses between processes.
- **Order and memory** (:func:`ordered_results`): at most a few tasks per worker are in flight and
  results are handed on in task order, so output order is stable and memory does not grow with the input.

The command line (:mod:`filmscrape.cli`) drives :class:`Run`; writers live in :mod:`filmscrape.output`.
"""

from __future__ import annotations

import collections
import contextlib
import fnmatch
import importlib
import itertools
import logging
import os
import re
import signal
import sys
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, TextIO

import attrs

from filmscrape.errors import InputError
from filmscrape.warc import is_archive

if TYPE_CHECKING:
    from filmscrape.schema import Page

logger = logging.getLogger(__name__)

STDIN = "-"
PAGE_SUFFIXES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml", ".md", ""})
"""Files a directory walk reads as pages (and files without a suffix, as crawlers save them)."""
MAX_FILES_PER_TASK = 32
MIN_RANGE_BYTES = 1 << 20
MAX_RANGE_BYTES = 16 << 20
TASKS_PER_WORKER = 8
"""An archive is cut into about this many byte ranges per worker (within the two limits above)."""
IN_FLIGHT_PER_WORKER = 3

PROSE_ADAPTERS = frozenset({"essay", "blog"})
PROSE_CONFIDENCE = 0.6
PROSE_FILM_WORDS = 3
_FILM_WORD = re.compile(r"\b(?:[Ff]ilm|[Mm]ovie|[Cc]inema)")

Payload = Literal["json", "jsonl", "summary", "row"]
Status = Literal["page", "error"]


@attrs.frozen
class Options:
    """What every task needs to know (picklable: it travels to the worker processes)."""

    adapter: str | None = None
    url: str | None = None
    """A detection hint for files (records carry their own URL)."""
    include_text: bool = False
    explain: bool = False
    prefilter_files: bool = False
    """Pre-filter files too (and drop those no adapter recognises), as for archive records."""
    prefilter_archives: bool = True
    """Pre-filter archive records; records no adapter recognises are never written."""
    payload: Payload = "jsonl"
    """What a page becomes: JSON (indented), a JSON line, a summary text, or a row dict (Parquet)."""


class InputItem(NamedTuple):
    """One input after expansion: a page file, an archive, standard input, or a problem to report."""

    path: str
    kind: Literal["file", "archive", "stdin", "problem"]
    size: int = 0
    problem: str | None = None


@attrs.frozen
class Task:
    """A unit of work for one worker: some files, one archive byte range, or one problem to report."""

    index: int
    files: tuple[str, ...] = ()
    data: bytes | None = None
    """Standard input's bytes (read by the main process), for the file ``-``."""
    archive: str | None = None
    start: int = 0
    end: int | None = None
    after: int = -1
    """Resume: skip the archive's records starting at or before this offset."""
    problem: tuple[str, str] | None = None
    weight: int = 0
    """Bytes this task covers (for the progress bar)."""


class Outcome(NamedTuple):
    """A page or an error, in input order."""

    status: Status
    path: str
    record_id: str | None = None
    offset: int | None = None
    url: str | None = None
    adapter: str | None = None
    payload: Any = None
    message: str | None = None
    explain: str | None = None


@attrs.define
class TaskResult:
    """What a worker sends back: pages and errors in order, and counts of what it saw."""

    index: int
    outcomes: list[Outcome] = attrs.Factory(list)
    seen: int = 0
    rejected: collections.Counter[str] = attrs.Factory(collections.Counter)
    weight: int = 0


# --- inputs ------------------------------------------------------------------------------------------


def read_path_list(stream: TextIO) -> list[str]:
    """Paths listed one a line (``--from-list``); blank lines and ``#`` comments are skipped."""
    paths = []
    for line in stream:
        item = line.strip()
        if item and not item.startswith("#"):
            paths.append(item)
    return paths


def expand_inputs(items: Sequence[str], *, glob: str | None = None) -> Iterator[InputItem]:
    """Each input as an :class:`InputItem`; directories expand to their pages and archives, sorted."""
    for item in items:
        if item == STDIN:
            yield InputItem(item, "stdin")
            continue
        path = Path(item)
        if not path.is_dir():  # missing or unreadable files fail when read, with the reason
            yield InputItem(item, "archive" if is_archive(item) else "file", _size(path))
            continue
        found = False
        for file_path in _walk(path, glob):
            found = True
            name = os.fspath(file_path)
            yield InputItem(name, "archive" if is_archive(name) else "file", _size(file_path))
        if not found:
            yield InputItem(item, "problem", problem="no page files in this directory")


def _walk(root: Path, glob: str | None) -> Iterator[Path]:
    for directory, dirs, files in os.walk(root):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            file_path = Path(directory, name)
            if glob is not None:
                relative = file_path.relative_to(root).as_posix()
                if fnmatch.fnmatch(name, glob) or fnmatch.fnmatch(relative, glob):
                    yield file_path
            elif name.endswith(".expected.json"):
                continue
            elif file_path.suffix.lower() in PAGE_SUFFIXES or is_archive(name):
                yield file_path


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


# --- resume ------------------------------------------------------------------------------------------


@attrs.define
class Done:
    """What an earlier run already wrote: files (and archives) done, and how far each archive got."""

    paths: set[str] = attrs.Factory(set)
    archive_after: dict[str, int] = attrs.Factory(dict)

    def add(self, path: object, offset: object) -> None:
        """Note one output row or error line."""
        if not isinstance(path, str):
            return
        if isinstance(offset, int):
            self.archive_after[path] = max(offset, self.archive_after.get(path, -1))
        else:
            self.paths.add(path)

    def __bool__(self) -> bool:
        return bool(self.paths or self.archive_after)


def load_done(output: Path | None, output_format: str, errors: Path | None) -> Done:
    """The resume state from an earlier run's output and errors file (missing files: nothing done).

    Output is written in input order, so every record of an archive up to the last one written (or
    reported) was handled; records after it are read again (pages there were not written yet).
    """
    from filmscrape.output import read_json_lines, read_parquet_keys

    done = Done()
    if output is not None and output.exists():
        rows = read_parquet_keys(output) if output_format == "parquet" else read_json_lines(output)
        for row in rows:
            done.add(row.get("path"), row.get("warc_record_offset"))
    if errors is not None and errors.exists():
        for row in read_json_lines(errors):
            done.add(row.get("path"), row.get("offset"))
    return done


# --- planning ----------------------------------------------------------------------------------------


def plan(
    items: Iterable[InputItem],
    *,
    jobs: int,
    done: Done | None = None,
    read_stdin: Callable[[], bytes] | None = None,
) -> Iterator[Task]:
    """Tasks in input order; an input that cannot be read at all (an empty directory, closed standard
    input, an archive without FastWARC) becomes a task that reports the problem in its place.

    Files go a few at a time (about ``TASKS_PER_WORKER`` tasks per worker, at most
    ``MAX_FILES_PER_TASK`` files each); an archive becomes its byte ranges (:func:`archive_ranges`).
    """
    todo = [item for item in items if done is None or item.path not in done.paths]
    files = sum(item.kind == "file" for item in todo)
    per_task = min(max(-(-files // (jobs * TASKS_PER_WORKER)), 1), MAX_FILES_PER_TASK)
    index = 0
    batch: list[InputItem] = []
    for item in todo:
        if item.kind == "file":
            batch.append(item)
            if len(batch) < per_task:
                continue
        if batch:
            paths = tuple(entry.path for entry in batch)
            yield Task(index, files=paths, weight=sum(entry.size for entry in batch))
            index += 1
            batch = []
        if item.kind == "file":
            continue
        if item.kind == "problem":
            yield Task(index, problem=(item.path, item.problem or "cannot be read"))
        elif item.kind == "stdin":
            try:
                data = read_stdin() if read_stdin is not None else b""
            except InputError as error:
                yield Task(index, problem=(item.path, str(error)))
            else:
                yield Task(index, files=(STDIN,), data=data, weight=len(data))
        else:
            after = done.archive_after.get(item.path, -1) if done is not None else -1
            try:
                ranges = archive_ranges(item.path, item.size, jobs)
            except InputError as error:
                yield Task(index, problem=(item.path, _reason(error, item.path)))
                index += 1
                continue
            for start, end in ranges:
                if end is not None and end <= after:
                    continue
                weight = (end if end is not None else item.size) - start
                yield Task(index, archive=item.path, start=start, end=end, after=after, weight=weight)
                index += 1
            continue
        index += 1
    if batch:
        yield Task(
            index, files=tuple(entry.path for entry in batch), weight=sum(entry.size for entry in batch)
        )


def archive_ranges(path: str, size: int, jobs: int) -> list[tuple[int, int | None]]:
    """The byte ranges an archive is read in: many for a splittable archive, else the whole file."""
    from filmscrape.warc import is_splittable, require_fastwarc

    require_fastwarc()
    try:
        splittable = is_splittable(path)
    except OSError as error:
        msg = f"{path}: {error.strerror or error}"
        raise InputError(msg) from None
    if not splittable or size <= MIN_RANGE_BYTES:
        return [(0, None)]
    step = min(max(size // (jobs * TASKS_PER_WORKER), MIN_RANGE_BYTES), MAX_RANGE_BYTES)
    starts = list(range(0, size, step))
    return [(start, start + step if start + step < size else None) for start in starts]


# --- the work itself (runs in the worker processes) --------------------------------------------------


def run_task(task: Task, options: Options) -> TaskResult:
    """Run one task to the end (the function worker processes call)."""
    result = TaskResult(task.index, weight=task.weight)
    for outcome in task_outcomes(task, options, result):
        result.outcomes.append(outcome)
    return result


def task_outcomes(task: Task, options: Options, result: TaskResult) -> Iterator[Outcome]:
    """The pages and errors of one task, in order; counts go to ``result`` as they happen."""
    if task.problem is not None:
        result.seen += 1
        path, message = task.problem
        yield Outcome("error", path, message=message)
    elif task.archive is not None:
        yield from _archive_outcomes(task, options, result)
    else:
        for path in task.files:
            result.seen += 1
            try:
                if task.data is not None:
                    data = task.data
                else:
                    from filmscrape.api import read_source

                    data = read_source(path)
            except InputError as error:
                yield Outcome("error", path, message=_reason(error, path))
                continue
            outcome = process(data, path, options, url=options.url, prefilter=options.prefilter_files)
            if isinstance(outcome, str):
                result.rejected[outcome] += 1
            else:
                yield outcome


def _archive_outcomes(task: Task, options: Options, result: TaskResult) -> Iterator[Outcome]:
    from filmscrape.warc import is_text_type, read_range

    path = task.archive
    assert path is not None
    records = read_range(path, task.start, task.end)
    try:
        for record in records:
            if record.offset <= task.after:
                continue
            result.seen += 1
            if record.error is not None:
                yield Outcome(
                    "error", path, record.record_id, record.offset, record.url, message=record.error
                )
                continue
            if not is_text_type(record.content_type):
                result.rejected["not-text"] += 1
                continue
            outcome = process(
                record.data,
                path,
                options,
                url=record.url,
                prefilter=options.prefilter_archives,
                film_only=True,
                record_id=record.record_id,
                offset=record.offset,
            )
            if isinstance(outcome, str):
                result.rejected[outcome] += 1
            else:
                yield outcome
    except InputError as error:
        where = f" (bytes {task.start:,}-{task.end:,})" if task.end is not None else ""
        yield Outcome("error", path, offset=task.start or None, message=_reason(error, path) + where)


def process(
    data: bytes,
    path: str,
    options: Options,
    *,
    url: str | None,
    prefilter: bool,
    film_only: bool = False,
    record_id: str | None = None,
    offset: int | None = None,
) -> Outcome | str:
    """One page: an Outcome (a page or an error), or the reason it was rejected (a str)."""
    from filmscrape.api import detect, extract, load_document

    if prefilter:
        from filmscrape.prefilter import verdict

        decided = verdict(data, url)
        if not decided.accept:
            return f"pre-filter: {decided.reason}"
    try:
        doc = load_document(data, url=url)
        explain = None
        if options.explain:
            scores = ", ".join(f"{name} {score:.2f}" for name, score in detect(doc))
            explain = f"{_label(path, record_id)}: detection: {scores or 'no adapters'}"
        page = extract(doc, adapter=options.adapter)
        page.path = path
        if (prefilter or film_only) and not (options.adapter or film_page(page)):
            return "detection"
        payload = _payload(page, options, record_id, offset)
    except InputError as error:
        return Outcome("error", path, record_id, offset, url, message=_reason(error, path))
    except Exception as error:  # never a traceback: report and go on with the next input
        logger.debug("internal error on %s", path, exc_info=True)
        message = f"internal error: {type(error).__name__}: {error}"
        return Outcome("error", path, record_id, offset, url, message=message)
    adapter = page.source.adapter
    return Outcome("page", path, record_id, offset, url, adapter, payload, explain=explain)


def film_page(page: Page) -> bool:
    """Whether a crawled page counts as a film page: an adapter recognised it, and when that adapter
    recognises a kind of writing rather than a site (essay, blog), it was sure (``PROSE_CONFIDENCE``) or
    the page speaks of films at least ``PROSE_FILM_WORDS`` times. Long prose that names a film festival
    once scores as an essay; a crawl has plenty of it."""
    adapter = page.source.adapter
    if adapter is None:
        return False
    if adapter not in PROSE_ADAPTERS or page.source.confidence >= PROSE_CONFIDENCE:
        return True
    mentions = _FILM_WORD.finditer(page.text)
    return sum(1 for _ in itertools.islice(mentions, PROSE_FILM_WORDS)) >= PROSE_FILM_WORDS


def _payload(page: Page, options: Options, record_id: str | None, offset: int | None) -> Any:
    if options.payload == "summary":
        return summarize(page)
    from filmscrape.output import page_row, row_json

    row = page_row(page, include_text=options.include_text, record_id=record_id, record_offset=offset)
    if options.payload == "row":
        return row
    return row_json(row, indent=2 if options.payload == "json" else None)


def _reason(error: InputError, path: str) -> str:
    return str(error).removeprefix(f"{path}: ")


def _label(path: str, record_id: str | None) -> str:
    return f"{path} {record_id}" if record_id else path


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


# --- running tasks in order --------------------------------------------------------------------------


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_init() -> None:
    """Workers leave Ctrl-C to the main process (which stops them) and load the adapters once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from filmscrape.registry import adapters

    adapters()


def ordered_results(
    tasks: Iterable[Task], options: Options, *, jobs: int
) -> Generator[TaskResult | tuple[Task, Iterator[Outcome], TaskResult], None, None]:
    """Each task's result in task order.

    With one job (or one task) tasks run here, streamed: a ``(task, outcomes, result)`` triple whose
    outcomes are produced as they are read. Otherwise worker processes run them; at most
    ``IN_FLIGHT_PER_WORKER`` tasks per worker are queued, so memory stays flat however long the input.
    """
    task_list = tasks if isinstance(tasks, list) else list(tasks)
    if jobs <= 1 or len(task_list) <= 1:
        for task in task_list:
            result = TaskResult(task.index, weight=task.weight)
            yield task, task_outcomes(task, options, result), result
        return
    window = jobs * IN_FLIGHT_PER_WORKER
    from filmscrape.registry import adapters

    adapters()  # loaded once here: forked workers inherit them instead of each importing them again
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    pending: collections.deque[Future[TaskResult]] = collections.deque()
    remaining = iter(task_list)
    finished = False
    try:
        for task in remaining:
            pending.append(executor.submit(run_task, task, options))
            if len(pending) >= window:
                break
        while pending:
            result = pending.popleft().result()
            following = next(remaining, None)
            if following is not None:
                pending.append(executor.submit(run_task, following, options))
            yield result
        finished = True
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            _wind_down(executor, pending)


def _wind_down(executor: ProcessPoolExecutor, pending: collections.deque[Future[TaskResult]]) -> None:
    """After Ctrl-C or a closed pipe: drop the queued tasks and let the running ones end (workers ignore
    SIGINT; a task is small), so every process exits cleanly. A second Ctrl-C stops the workers at once."""
    for future in pending:
        future.cancel()
    try:
        executor.shutdown(wait=True, cancel_futures=True)
    except KeyboardInterrupt:
        _stop_workers(executor)
        raise


def _stop_workers(executor: ProcessPoolExecutor) -> None:
    """Terminate this executor's workers (the processes it started) and let the interpreter exit without
    waiting for the queue that fed them."""
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.terminate()
    call_queue = getattr(executor, "_call_queue", None)
    if call_queue is not None:
        with contextlib.suppress(Exception):
            call_queue.cancel_join_thread()
    executor.shutdown(wait=False, cancel_futures=True)


# --- the run: output, errors file, progress, summary -------------------------------------------------


class Writer:
    """What a Run writes pages to (the CLI's stdout writer, JSON Lines, Parquet)."""

    def write(self, payload: Any) -> None:
        """Write one page's payload."""
        raise NotImplementedError

    def close(self) -> None:
        """Finish the output (it stays valid if this is called after an interruption)."""


@attrs.define
class Stats:
    """Counts for the summary line."""

    seen: int = 0
    written: int = 0
    film: collections.Counter[str] = attrs.Factory(collections.Counter)
    unrecognised: int = 0
    rejected: collections.Counter[str] = attrs.Factory(collections.Counter)
    errors: int = 0
    started: float = attrs.Factory(time.perf_counter)

    def line(self, *, errors_file: str | None = None) -> str:
        """``filmscrape: 10,000 pages seen, 101 film pages (imdb 40, ...), 9,899 rejected (...), ...``"""
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        film = sum(self.film.values())
        by_adapter = ", ".join(f"{name} {count:,}" for name, count in self.film.most_common())
        parts = [f"{self.seen:,} pages seen", f"{film:,} film pages" + (f" ({by_adapter})" if film else "")]
        if self.unrecognised:
            parts.append(f"{self.unrecognised:,} not recognised (written)")
        rejected = sum(self.rejected.values())
        if rejected:
            prefiltered = sum(n for reason, n in self.rejected.items() if reason.startswith("pre-filter"))
            detail = f"{prefiltered:,} by the pre-filter, {self.rejected['detection']:,} by detection"
            if self.rejected["not-text"]:
                detail += f", {self.rejected['not-text']:,} not text"
            parts.append(f"{rejected:,} rejected ({detail})")
        errors = f"{self.errors:,} error" + ("" if self.errors == 1 else "s")
        if self.errors and errors_file:
            errors += f" (in {errors_file})"
        parts.append(errors)
        parts.append(f"{elapsed:.1f} s, {self.seen / elapsed:,.0f} pages/s")
        return "filmscrape: " + ", ".join(parts)


@attrs.define
class Run:
    """One batch run: feeds ordered results to the writer, the errors file (or stderr) and the progress."""

    writer: Writer
    options: Options
    jobs: int
    errors_path: Path | None = None
    errors_append: bool = False
    progress: bool = False
    stats: Stats = attrs.Factory(Stats)
    _errors_file: Any = None
    _bar: Any = None

    def execute(self, tasks: list[Task]) -> Stats:
        """Run every task; return the counts. KeyboardInterrupt propagates after outputs are closed."""
        if self.progress:
            try:
                tqdm = importlib.import_module("tqdm").tqdm
            except ImportError:  # a dependency, but an install without dependencies only loses the bar
                logger.debug("tqdm is not installed: no progress bar")
            else:
                total = sum(task.weight for task in tasks)
                self._bar = tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, leave=False)
        results = ordered_results(tasks, self.options, jobs=self.jobs)
        try:
            for item in results:
                if isinstance(item, TaskResult):
                    for outcome in item.outcomes:
                        self._outcome(outcome)
                    self._finish(item)
                else:
                    _, outcomes, result = item
                    for outcome in outcomes:
                        self._outcome(outcome)
                    self._finish(result)
        finally:
            results.close()  # stops the workers now (Ctrl-C, a closed pipe), not at garbage collection
            if self._bar is not None:
                self._bar.close()
            try:
                self.writer.close()
            finally:
                if self._errors_file is not None:
                    self._errors_file.close()
        return self.stats

    def _finish(self, result: TaskResult) -> None:
        self.stats.seen += result.seen
        self.stats.rejected.update(result.rejected)
        if self._bar is not None:
            self._bar.update(result.weight)
            film = sum(self.stats.film.values())
            self._bar.set_postfix_str(
                f"{self.stats.seen:,} pages, {film:,} film, {self.stats.errors:,} errors"
            )

    def _outcome(self, outcome: Outcome) -> None:
        if outcome.explain is not None:
            self._stderr(outcome.explain)
        if outcome.status == "error":
            self.stats.errors += 1
            self._error(outcome)
            return
        self.writer.write(outcome.payload)
        self.stats.written += 1
        if outcome.adapter is None:
            self.stats.unrecognised += 1
        else:
            self.stats.film[outcome.adapter] += 1

    def _error(self, outcome: Outcome) -> None:
        if self.errors_path is None:
            label = _label(outcome.path, outcome.record_id)
            self._stderr(f"filmscrape: error: {label}: {outcome.message}")
            return
        if self._errors_file is None:
            from filmscrape.output import JsonLinesWriter

            self._errors_file = JsonLinesWriter(self.errors_path, append=self.errors_append)
        row = {
            "path": outcome.path,
            "record": outcome.record_id,
            "offset": outcome.offset,
            "url": outcome.url,
            "error": outcome.message,
        }
        self._errors_file.write(row)

    def _stderr(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)
        else:
            sys.stderr.write(line + "\n")
