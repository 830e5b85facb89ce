"""filmscrape benchmarks: ``python bench/run.py`` (add ``--quick`` for a short run).

Per adapter, on its seed page and on all its fixtures (single core, one process):
- detect: ranking every adapter on a ready Document;
- adapter: Document + that adapter's extract alone (no detection);
- extract: the whole public path, ``filmscrape.extract(text)`` (Document, detection, extraction);
- floor: one pass of one compiled regular expression over the same text, measured in the same run,
  the least any extractor pays to read the text. ``x floor`` is extract time over floor time.
Then the CLI's start-up: ``python -m filmscrape <seed>`` wall time, beside ``python -c pass``.
With ../shared/corpus present, HTML pages too: render + detect + extract per page.

Machines are noisy: every figure is the best of several repeats, and the floor is measured alongside.
Results are also written to bench/results/latest.json.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
RESULTS = ROOT / "bench" / "results"
SEED_NAME = "hiroshima-mon-amour.txt"
FLOOR_PATTERN = re.compile(r"\d+")
"""The cheapest useful pass: find every number. Any extractor reads the text at least this once."""

sys.path.insert(0, str(ROOT / "src"))

import filmscrape  # noqa: E402
from filmscrape.document import Document  # noqa: E402
from filmscrape.registry import rank  # noqa: E402


def best_rate(work: Callable[[], object], items: int, *, min_seconds: float, repeats: int) -> float:
    """Items per second of ``work`` (which handles ``items`` items), best of ``repeats`` timed runs."""
    rates = []
    for _ in range(repeats):
        loops = 0
        start = time.perf_counter()
        elapsed = 0.0
        while elapsed < min_seconds:
            work()
            loops += 1
            elapsed = time.perf_counter() - start
        rates.append(loops * items / elapsed)
    return max(rates)


def bench_adapter(name: str, texts: list[str], *, min_seconds: float, repeats: int) -> dict[str, float]:
    """detect, extract and regex-floor throughput on one adapter's fixtures."""
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    docs = [Document.from_source(text) for text in texts]
    pages = len(texts)

    def detect_all() -> None:
        for doc in docs:
            for cached in ("lines", "_line_starts", "blocks"):
                doc.__dict__.pop(cached, None)  # each page starts cold, as in a real run
            rank(doc)

    def extract_all() -> None:
        for text in texts:
            filmscrape.extract(text)

    adapter = filmscrape.adapters()[name]

    def adapter_all() -> None:
        for text in texts:
            adapter.extract(Document.from_source(text))

    def floor_all() -> None:
        for text in texts:
            FLOOR_PATTERN.findall(text)

    detect = best_rate(detect_all, pages, min_seconds=min_seconds, repeats=repeats)
    extract = best_rate(extract_all, pages, min_seconds=min_seconds, repeats=repeats)
    adapter_only = best_rate(adapter_all, pages, min_seconds=min_seconds, repeats=repeats)
    floor = best_rate(floor_all, pages, min_seconds=min_seconds, repeats=repeats)
    mb_per_page = megabytes / pages
    return {
        "pages": pages,
        "detect_pages_s": detect,
        "extract_pages_s": extract,
        "extract_mb_s": extract * mb_per_page,
        "adapter_pages_s": adapter_only,
        "floor_pages_s": floor,
        "floor_mb_s": floor * mb_per_page,
        "x_floor": floor / extract,
    }


def bench_html(*, min_seconds: float, repeats: int) -> dict[str, float] | None:
    """render + detect + extract over the RT and IMDb HTML pages of the corpus, if it is there."""
    paths = sorted([*CORPUS.glob("rt/*.html"), *CORPUS.glob("imdb/*.html")])
    if not paths:
        return None
    blobs = [path.read_bytes() for path in paths]
    megabytes = sum(map(len, blobs)) / 1e6

    def extract_all() -> None:
        for blob in blobs:
            filmscrape.extract(blob)

    def floor_all() -> None:
        for blob in blobs:
            FLOOR_PATTERN.findall(blob.decode("utf-8", "replace"))

    rate = best_rate(extract_all, len(blobs), min_seconds=min_seconds, repeats=repeats)
    floor = best_rate(floor_all, len(blobs), min_seconds=min_seconds, repeats=repeats)
    result = {
        "pages": len(blobs),
        "extract_pages_s": rate,
        "extract_mb_s": rate * megabytes / len(blobs),
        "floor_pages_s": floor,
        "x_floor": floor / rate,
    }
    try:
        import trafilatura
    except ImportError:
        return result  # pip install -e '.[bench]' to compare

    def trafilatura_all() -> None:
        for blob in blobs:
            trafilatura.extract(blob)

    result["trafilatura_pages_s"] = best_rate(trafilatura_all, len(blobs), min_seconds=min_seconds, repeats=1)
    result["speedup_vs_trafilatura"] = rate / result["trafilatura_pages_s"]
    return result


def startup_seconds(argv: list[str], runs: int) -> float:
    """Median wall time of a fresh process running ``argv``."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter timings (noisier)")
    args = parser.parse_args()
    min_seconds, repeats = (0.2, 2) if args.quick else (1.0, 3)

    results: dict[str, object] = {"python": sys.version.split()[0], "adapters": {}}
    print(f"filmscrape {filmscrape.__version__} on Python {results['python']}, single core\n")
    header = (
        f"{'adapter / pages':<22}{'pages':>6}{'detect p/s':>12}{'adapter p/s':>13}{'extract p/s':>13}"
        f"{'MB/s':>8}"
        f"{'floor p/s':>12}{'floor MB/s':>12}{'x floor':>9}"
    )
    print(header)
    for folder in sorted(path for path in FIXTURES.iterdir() if path.is_dir()):
        seed = folder / SEED_NAME
        cases = {
            "seed": [seed] if seed.exists() else [],
            "all": sorted([*folder.glob("*.txt"), *folder.glob("*.html")]),
        }
        for label, paths in cases.items():
            if not paths:
                continue
            texts = [Document.from_source(path.read_bytes()).text if path.suffix == ".html"
                     else path.read_text(encoding="utf-8") for path in paths]  # fmt: skip
            row = bench_adapter(folder.name, texts, min_seconds=min_seconds, repeats=repeats)
            results["adapters"][f"{folder.name}/{label}"] = row  # type: ignore[index]
            print(
                f"{folder.name + ' ' + label:<22}{row['pages']:>6.0f}{row['detect_pages_s']:>12,.0f}"
                f"{row['adapter_pages_s']:>13,.0f}{row['extract_pages_s']:>13,.0f}{row['extract_mb_s']:>8.1f}{row['floor_pages_s']:>12,.0f}"
                f"{row['floor_mb_s']:>12.1f}{row['x_floor']:>9.1f}"
            )

    html = bench_html(min_seconds=min_seconds, repeats=repeats)
    if html is not None:
        results["html_corpus"] = html
        print(
            f"\nHTML corpus (RT + IMDb, {html['pages']:.0f} pages, render+detect+extract): "
            f"{html['extract_pages_s']:,.0f} pages/s, {html['extract_mb_s']:.1f} MB/s "
            f"(regex floor {html['floor_pages_s']:,.0f} pages/s, x floor {html['x_floor']:.1f})"
        )
        if "trafilatura_pages_s" in html:
            print(
                f"trafilatura.extract on the same pages: {html['trafilatura_pages_s']:,.1f} pages/s; "
                f"filmscrape is {html['speedup_vs_trafilatura']:.1f}x faster"
            )
        else:
            print("(trafilatura not installed: pip install -e '.[bench]' to compare)")

    seed = str(FIXTURES / "imdb" / "hiroshima-mon-amour.txt")
    runs = 3 if args.quick else 7
    cli = startup_seconds([sys.executable, "-m", "filmscrape", seed], runs)
    bare = startup_seconds([sys.executable, "-c", "pass"], runs)
    results["cli_startup_s"] = cli
    results["python_startup_s"] = bare
    print(f"\nCLI start-up, one seed file: {cli:.3f} s (bare python: {bare:.3f} s; budget 0.3 s)")

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
