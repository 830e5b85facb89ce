"""Adversarial inputs: seconds per MB of every adapter on ~1 MB hostile texts.

``python bench/adversarial.py`` (``--quick`` for 100 KB inputs, ``--adapter NAME`` for one adapter).

Every adapter is forced (``filmscrape.extract(text, adapter=name)``) on:
- runs of one character or snippet the adapters look for (spaces, dots, "…", digits, “, ", "(as ", "[",
  "<", newlines) and one 1 MB line of prose;
- the labels it knows, each repeated 100,000 times on lines of their own and left without a value
  ("Average Rating:" with nothing after). Labels come from the adapter module's tables (every upper-case
  module constant that is a string, a collection of strings or a dict keyed by strings, DETECT_MARKERS
  included), the tables of the parse modules it uses and the seed pages' label lines.
A ``detect`` column times ``filmscrape.detect`` (every detector) on the generic inputs.

Each run happens in a forked child under a guard timeout, so a catastrophic regex shows as "timeout"
instead of hanging the bench. The goal is at most 1 s/MB for every adapter on every input. Results go to
bench/results/adversarial.json. ``tests/test_robustness.py`` imports the input builders from here.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT / "src"))

import filmscrape  # noqa: E402

logger = logging.getLogger("bench.adversarial")

SIZE = 1_000_000
"""Characters in each generic adversarial input."""
LABEL_REPEATS = 100_000
GOAL_SECONDS_PER_MB = 1.0
DETECT = "detect"

SEED_LABELS: tuple[str, ...] = (
    "Average Rating:", "Reviews Counted:", "Fresh:", "Rotten:", "Directed by", "Directed By:", "(as ",
    "Writing credits", "User Rating:", "(Source)", "Also Known As:", "Critic Reviews for", "Super Reviewer",
    "Cast", "Runtime:", "Release Date:", "Genre:", "Critics Consensus:", "TOMATOMETER", "Audience Score",
    " .... ", "Quotes", "Trivia", "Goofs", "Stars:", "Director:", "Writers:",
)  # fmt: skip
"""Label lines of the seed pages (shared/seeds): what the adapters were written against."""

PARSE_MODULES: dict[str, tuple[str, ...]] = {
    "blog": ("filmscrape.parse.prose", "filmscrape.parse.directors", "filmscrape.parse.titles"),
    "essay": ("filmscrape.parse.prose", "filmscrape.parse.directors", "filmscrape.parse.titles"),
}
"""Parse modules whose label tables an adapter reads through (their labels are its labels too)."""

RUN_SNIPPETS: dict[str, str] = {
    "spaces": " ",
    "dots": ".",
    "ellipsis": "…",
    "digits": "7",
    "open-curly-quotes": "“",
    "straight-quotes": '"',
    "as-parens": "(as ",
    "brackets": "[",
    "angles": "<",
    "newlines": "\n",
    "spaced-dots": " .... ",
    "open-parens": "(",
    "asterisks": "*",
    "capital-words": "Anna Berg ",
    "dashes-lines": "---\n",
    "colon-lines": "Title:\n",
}
"""Runs of one snippet, SIZE characters long: the characters adapters anchor on or scan across."""

PROSE_SENTENCE = (
    "Directed by Anna Berg, “The Glass Harbour” (1961) stars Pavel Orlik (as the keeper) and is rated "
    "8.9/10 from 21,203 votes; I think it is a masterpiece… Average Rating: 7/10 [see more] <b>ok</b> "
)


def one_line_prose(size: int = SIZE) -> str:
    """One line of ``size`` characters of label-laden prose, no newline at all."""
    return (PROSE_SENTENCE * (size // len(PROSE_SENTENCE) + 1))[:size]


def _strings_of(module: ModuleType) -> set[str]:
    """Every string in the module's upper-case constants (strings, collections, dict keys)."""
    found: set[str] = set()
    for name, value in vars(module).items():
        if not name.lstrip("_").isupper():
            continue
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, (tuple, list, set, frozenset, dict)):
            found.update(item for item in value if isinstance(item, str))
    return found


def known_labels(adapter_name: str, *, parse_modules: bool = True) -> list[str]:
    """The labels ``adapter_name`` knows: its module's tables and the seeds', and (``parse_modules``) the
    tables of the parse modules it reads through (word lists too: saying verbs, stop words...)."""
    adapter = filmscrape.adapters()[adapter_name]
    labels = _strings_of(importlib.import_module(type(adapter).__module__))
    for module_name in PARSE_MODULES.get(adapter_name, ()) if parse_modules else ():
        labels |= _strings_of(importlib.import_module(module_name))
    labels.update(SEED_LABELS)
    return sorted(label for label in labels if label.strip() and len(label) <= 200)


def run_inputs(size: int = SIZE) -> dict[str, str]:
    """The generic inputs: one long line of prose, runs of single snippets, HTML nesting and lists."""
    inputs = {"one-line": one_line_prose(size)}
    for name, snippet in RUN_SNIPPETS.items():
        inputs[name] = (snippet * (size // len(snippet) + 1))[:size]
    inputs["mixed-labels"] = _cycle_lines(known_labels_all(), size)
    inputs["brackets-link"] = "[" * (size - 4) + "](x)"  # a Markdown link's "](" makes every "[" a start
    inputs["html-nested"] = "<html><body>" + "<div>" * (size // 5)
    inputs["html-paragraphs"] = "<html><body>" + "<p>Average Rating: <b>7</b>" * (size // 27)
    inputs["html-inline-spaces"] = "<html><body><p>" + "<b> </b>" * (size // 8) + "x</p>"
    return inputs


def label_inputs(adapter_name: str, repeats: int = LABEL_REPEATS) -> dict[str, str]:
    """One input per known label: ``repeats`` lines holding only that label (no value after it)."""
    return {f"label {label!r}": label_text(label, repeats) for label in known_labels(adapter_name)}


def label_text(label: str, repeats: int = LABEL_REPEATS) -> str:
    """``repeats`` lines holding only ``label``: a label left without its value, over and over."""
    line = label if label.endswith("\n") else label + "\n"
    return line * repeats


def known_labels_all() -> list[str]:
    """The labels of every adapter together."""
    return sorted({label for name in filmscrape.adapters() for label in known_labels(name)})


def _cycle_lines(lines: Iterable[str], size: int) -> str:
    block = "\n".join(line.strip("\n") for line in lines) + "\n"
    return (block * (size // len(block) + 1))[:size]


# ---------------------------------------------------------------------------------------------------------
# Guarded timing


def _child(connection: Connection, work: Callable[[], str | None]) -> None:
    start = time.perf_counter()
    try:
        failure = work()
    except Exception as error:  # reported to the parent, which owns the verdict
        failure = f"{type(error).__name__}: {error}"
    connection.send((time.perf_counter() - start, failure))
    connection.close()


def guarded(work: Callable[[], str | None], timeout: float) -> tuple[float | None, str | None]:
    """Run ``work`` in a forked child: (seconds, failure message) or (None, "timeout ...") past ``timeout``.

    ``work`` returns None when all went well, else what went wrong. Forking keeps the inputs and the
    imported package shared; a regex stuck in C code cannot be interrupted any other way.
    """
    return guarded_many({"": work}, timeout, parallel=1)[""]


def guarded_many(
    works: dict[str, Callable[[], str | None]], timeout: float, *, parallel: int = 2
) -> dict[str, tuple[float | None, str | None]]:
    """``guarded`` for each work, ``parallel`` children at a time, each under its own ``timeout``."""
    context = multiprocessing.get_context("fork")
    pending = list(works.items())
    pending.reverse()  # popped from the end: first given, first run
    running: dict[Connection, tuple[str, BaseProcess, float]] = {}
    results: dict[str, tuple[float | None, str | None]] = {}
    while pending or running:
        while pending and len(running) < parallel:
            name, work = pending.pop()
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_child, args=(sender, work), daemon=True)
            process.start()
            sender.close()
            running[receiver] = (name, process, time.monotonic())
        deadline = min(started for _, _, started in running.values()) + timeout
        ready = wait(list(running), max(0.0, deadline - time.monotonic()))
        now = time.monotonic()
        for receiver in list(running):
            name, process, started = running[receiver]
            result: tuple[float | None, str | None]
            if receiver in ready:
                try:
                    seconds, failure = receiver.recv()
                    result = (float(seconds), failure)
                except EOFError:
                    process.join()
                    result = (None, f"child died (exit code {process.exitcode})")
            elif now - started >= timeout:
                result = (None, f"timeout after {timeout:g} s")
            else:
                continue
            if process.is_alive():
                process.kill()
            process.join()
            receiver.close()
            del running[receiver]
            results[name] = result
    return {name: results[name] for name in works}


def extraction_failure(text: str, adapter: str | None) -> str | None:
    """Extract ``text``; None when it went through, else the failure the Page reports."""
    page = filmscrape.extract(text, adapter=adapter)
    if not isinstance(page, filmscrape.Page):
        return f"extract returned {type(page).__name__}"
    for warning in page.warnings:
        if "failed:" in warning:
            return warning
    return None


def detection_failure(text: str) -> str | None:
    """Rank every adapter on ``text``; None when every score is in [0, 1]."""
    for name, score in filmscrape.detect(text):
        if not 0.0 <= score <= 1.0:
            return f"{name} scored {score}"
    return None


# ---------------------------------------------------------------------------------------------------------
# The bench


def measure(adapter: str, inputs: dict[str, str], timeout: float) -> dict[str, dict[str, float | str | None]]:
    """Seconds per MB of ``adapter`` (or ``detect``) on each input."""
    results: dict[str, dict[str, float | str | None]] = {}
    for input_name, text in inputs.items():
        megabytes = len(text.encode("utf-8")) / 1e6
        if adapter == DETECT:
            seconds, failure = guarded(lambda text=text: detection_failure(text), timeout)
        else:
            seconds, failure = guarded(lambda text=text: extraction_failure(text, adapter), timeout)
        per_mb = None if seconds is None else round(seconds / megabytes, 4)
        results[input_name] = {"megabytes": round(megabytes, 3), "s_per_mb": per_mb, "failure": failure}
        if failure or (per_mb is not None and per_mb > GOAL_SECONDS_PER_MB):
            logger.warning("%s on %s: %s s/MB %s", adapter, input_name, per_mb, failure or "")
    return results


def _cell(result: dict[str, float | str | None] | None) -> str:
    if result is None:
        return "-"
    if result["s_per_mb"] is None:
        return "TIMEOUT"
    mark = " !" if result["failure"] else ""
    return f"{result['s_per_mb']:.3f}{mark}"


def print_report(
    generic: dict[str, dict[str, dict[str, float | str | None]]],
    labels: dict[str, dict[str, dict[str, float | str | None]]],
    top: int,
) -> None:
    """Generic inputs as a table (adapters across), then each adapter's slowest labels."""
    columns = list(generic)
    rows = list(next(iter(generic.values()))) if generic else []
    width = max([len(row) for row in rows] + [10])
    lines = [
        "seconds per MB (! = failure, see JSON)",
        f"{'input':<{width}} " + " ".join(f"{c:>14}" for c in columns),
    ]
    for row in rows:
        lines.append(f"{row:<{width}} " + " ".join(f"{_cell(generic[c].get(row)):>14}" for c in columns))
    for adapter, results in labels.items():

        def key(item: tuple[str, dict[str, float | str | None]]) -> float:
            value = item[1]["s_per_mb"]
            return float("inf") if value is None else float(value)

        ranked = sorted(results.items(), key=key, reverse=True)
        worst = ranked[0][1]["s_per_mb"] if ranked else None
        lines.append(f"\n{adapter}: {len(results)} labels x {LABEL_REPEATS:,} lines, slowest {worst} s/MB")
        lines.extend(f"  {name:<60} {_cell(result):>10}" for name, result in ranked[:top])
    sys.stdout.write("\n".join(lines) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="100 KB inputs, 10,000 label lines")
    parser.add_argument("--adapter", action="append", help="only this adapter (repeatable)")
    parser.add_argument("--timeout", type=float, default=60.0, help="guard per input, seconds")
    parser.add_argument("--top", type=int, default=8, help="slowest labels shown per adapter")
    parser.add_argument("--no-labels", action="store_true", help="skip the per-label inputs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    size, repeats = (SIZE // 10, LABEL_REPEATS // 10) if args.quick else (SIZE, LABEL_REPEATS)
    names = args.adapter or list(filmscrape.adapters())
    inputs = run_inputs(size)
    generic = {name: measure(name, inputs, args.timeout) for name in names}
    generic[DETECT] = measure(DETECT, inputs, args.timeout)
    labels = (
        {}
        if args.no_labels
        else {name: measure(name, label_inputs(name, repeats), args.timeout) for name in names}
    )
    print_report(generic, labels, args.top)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "adversarial.json"
    payload = {
        "goal_s_per_mb": GOAL_SECONDS_PER_MB,
        "input_size": size,
        "label_repeats": repeats,
        "generic": generic,
        "labels": labels,
    }
    out.write_text(json.dumps(payload, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    logger.info("written %s", out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
