"""filmscrape.spark: process_partition is pure and picklable and yields the batch's rows; a real Spark run
in local[2] mode over archives this test builds (skipped, with the reason, without pyspark or Java)."""

from __future__ import annotations

import json
import pickle
import shutil
import subprocess
from pathlib import Path

import pytest

from filmscrape.cli import main
from filmscrape.spark import archive_path, process_partition
from filmscrape.warc import wet_record, write_archive

from conftest import FILM_PAGES, film_url

pytest.importorskip("fastwarc", reason="FastWARC (the extra 'warc') is not installed")
pytest.importorskip("pyarrow", reason="pyarrow (the extras 'parquet'/'spark') is not installed")

FILLER = "The harbour office publishes the ferry prices for a small fee.\n\nThe choir meets on Fridays.\n"


def build(path: Path, pages: list[Path], first: int) -> None:
    """An archive with the given film pages among filler records."""
    records = []
    for number, page in enumerate(pages, start=first):
        records.append(wet_record(f"https://notices.example/{number}", FILLER * 5))
        records.append(
            wet_record(film_url(page, number), page.read_bytes(), record_id=f"<urn:uuid:film-{number}>")
        )
    write_archive(path, records)


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path]]:
    """Two archives (one gzipped, one not) and the list file naming them (one as a file:// URL)."""
    directory = tmp_path_factory.mktemp("spark")
    pages = FILM_PAGES
    first, second = directory / "a.wet.gz", directory / "b.warc.wet"
    build(first, pages[::2], 0)
    build(second, pages[1::2], 100)
    listing = directory / "archives.txt"
    listing.write_text(f"# two archives\n{first}\n\n{second.as_uri()}\n", encoding="utf-8")
    return listing, [first, second]


def test_process_partition_yields_the_batch_rows(archives: tuple[Path, list[Path]], tmp_path: Path) -> None:
    """process_partition survives pickling and yields, per listed archive, the rows the batch CLI writes."""
    listing, paths = archives
    function = pickle.loads(pickle.dumps(process_partition))
    rows = list(function(listing.read_text(encoding="utf-8").splitlines()))
    out = tmp_path / "batch.jsonl"
    assert main([*map(str, paths), "-o", str(out), "--no-progress"]) == 0
    expected = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["warc_record_id"] for row in rows] == [row["warc_record_id"] for row in expected]
    assert [row["source"] for row in rows] == [row["source"] for row in expected]
    assert all(row["text"] is None for row in rows)
    assert all(isinstance(score["scale"], float) for row in rows for score in row["scores"] if score["scale"])


def test_archive_path_reads_list_lines() -> None:
    """List lines: paths as given, file:// URLs decoded, blanks and comments skipped."""
    assert archive_path(" /data/a.warc.gz \n") == "/data/a.warc.gz"
    assert archive_path("file:///data/with%20space.wet.gz") == "/data/with space.wet.gz"
    assert archive_path("# comment") is None
    assert archive_path("   ") is None


def _java_reason() -> str | None:
    java = shutil.which("java")
    if java is None:
        return "Java is not installed (Spark needs a JVM: apt-get install openjdk-17-jre-headless)"
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return f"java -version failed: {result.stderr.strip()[:200]}"
    return None


def test_spark_local_run_writes_the_film_pages_as_parquet(
    archives: tuple[Path, list[Path]], tmp_path: Path
) -> None:
    """A real Spark job (local[2], two partitions): every film page of both archives in the Parquet output."""
    pytest.importorskip("pyspark", reason="pyspark (the extra 'spark') is not installed")
    reason = _java_reason()
    if reason is not None:
        pytest.skip(reason)
    from pyspark.sql import SparkSession

    from filmscrape.spark import run

    listing, paths = archives
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("filmscrape-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    try:
        frame = run(spark, str(listing), str(tmp_path / "films.parquet"), partitions=2)
        found = {
            (row["path"], row["warc_record_id"], row["adapter"])
            for row in frame.select("path", "warc_record_id", "source.adapter").collect()
        }
    finally:
        spark.stop()
    expected = set()
    for path in paths:
        for record in process_partition([str(path)]):
            expected.add((record["path"], record["warc_record_id"], record["source"]["adapter"]))
    assert len(expected) == len(FILM_PAGES)
    assert found == expected
