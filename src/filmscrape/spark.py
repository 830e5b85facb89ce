"""Spark: film pages from many WARC/WET archives, in the manner of Common Crawl's cc-pyspark.

The input is a text file listing archives, one a line (local paths or ``file://`` URLs, reachable from
every executor). Each Spark partition of that list goes through :func:`process_partition`, a pure,
picklable function: it reads its archives with FastWARC, pre-filters and extracts exactly as the
command line does, and yields one row per film page. The rows make a DataFrame with the fixed schema
of the Parquet output (:func:`spark_schema`, the Arrow schema of :mod:`filmscrape.output`), written
as Parquet::

    python -m filmscrape.spark --master 'local[2]' archives.txt films.parquet --partitions 8

or, on a cluster, ``spark-submit`` with a two-line driver (docs/batch.md shows it) calling :func:`main`.

Records that cannot be read are logged (and counted in the executor logs), never fatal. pyspark is in
the extra ``spark`` (with FastWARC and pyarrow, which executors need too: install the extra on every
node, or ship a virtual environment as Spark's documentation tells).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any
from urllib.parse import unquote, urlparse

from filmscrape.batch import Options, Task, TaskResult, task_outcomes

logger = logging.getLogger(__name__)

SPARK_EXTRA_HINT = "pip install 'filmscrape[spark]'"


def process_partition(records: Iterable[str]) -> Iterator[dict[str, Any]]:
    """One row per film page of the archives named in ``records`` (lines of the input list).

    Blank lines and ``#`` comments are skipped. Rows have every column of :func:`spark_schema`
    (``text`` is null). Errors (an unreadable archive, a truncated record) are logged and skipped.
    """
    options = Options(payload="row")
    columns = _columns()
    conform = _conformer()
    for line in records:
        path = archive_path(line)
        if path is None:
            continue
        task = Task(0, archive=path)
        result = TaskResult(0)
        for outcome in task_outcomes(task, options, result):
            if outcome.status == "page":
                row: dict[str, Any] = dict.fromkeys(columns)
                row.update(outcome.payload)
                yield conform(row)
            else:
                where = f" {outcome.record_id}" if outcome.record_id else ""
                logger.warning("filmscrape: %s%s: %s", outcome.path, where, outcome.message)
        logger.info(
            "filmscrape: %s: %d records seen, %d rejected", path, result.seen, sum(result.rejected.values())
        )


def archive_path(line: str) -> str | None:
    """A local path from a line of the input list (``file://`` URLs decoded); None for blanks/comments."""
    item = line.strip()
    if not item or item.startswith("#"):
        return None
    if item.startswith("file:"):
        return unquote(urlparse(item).path)
    return item


def _columns() -> tuple[str, ...]:
    import attrs

    from filmscrape.output import ROW_EXTRAS
    from filmscrape.schema import Page

    return (*(field.name for field in attrs.fields(Page)), *(name for name, _ in ROW_EXTRAS))


def _conformer() -> Any:
    """A function making a row's numbers the schema's types (Spark takes no int where a double goes)."""
    from filmscrape.output import arrow_schema

    pa = importlib.import_module("pyarrow")
    schema = arrow_schema()
    struct = pa.struct(list(schema))

    def conform(value: Any, arrow_type: Any = struct) -> Any:
        if value is None:
            return None
        if pa.types.is_float64(arrow_type):
            return float(value)
        if pa.types.is_list(arrow_type):
            return [conform(item, arrow_type.value_type) for item in value]
        if pa.types.is_struct(arrow_type):
            return {field.name: conform(value.get(field.name), field.type) for field in arrow_type}
        if pa.types.is_map(arrow_type):
            return {key: conform(item, arrow_type.item_type) for key, item in value.items()}
        return value

    return conform


def spark_schema() -> Any:
    """The Spark ``StructType`` of a row: the Arrow schema of the Parquet output, type for type."""
    from filmscrape.output import arrow_schema

    types = importlib.import_module("pyspark.sql.types")
    pa = importlib.import_module("pyarrow")
    return types.StructType([_spark_field(field.name, field.type, types, pa) for field in arrow_schema()])


def _spark_field(name: str, arrow_type: Any, types: Any, pa: Any) -> Any:
    return types.StructField(name, _spark_type(arrow_type, types, pa), nullable=True)


def _spark_type(arrow_type: Any, types: Any, pa: Any) -> Any:
    if pa.types.is_string(arrow_type):
        return types.StringType()
    if pa.types.is_int64(arrow_type):
        return types.LongType()
    if pa.types.is_float64(arrow_type):
        return types.DoubleType()
    if pa.types.is_boolean(arrow_type):
        return types.BooleanType()
    if pa.types.is_list(arrow_type):
        return types.ArrayType(_spark_type(arrow_type.value_type, types, pa), containsNull=True)
    if pa.types.is_map(arrow_type):
        key = _spark_type(arrow_type.key_type, types, pa)
        return types.MapType(key, _spark_type(arrow_type.item_type, types, pa), valueContainsNull=True)
    if pa.types.is_struct(arrow_type):
        return types.StructType([_spark_field(field.name, field.type, types, pa) for field in arrow_type])
    msg = f"no Spark type for Arrow {arrow_type}"
    raise TypeError(msg)


def run(spark: Any, input_list: str, output: str, *, partitions: int | None = None) -> Any:
    """Read the archives listed in ``input_list``, write the film pages to ``output`` as Parquet
    (overwriting it), and return the DataFrame (it is read back from ``output``)."""
    lines = spark.sparkContext.textFile(input_list, minPartitions=partitions)
    rows = lines.mapPartitions(process_partition)
    frame = spark.createDataFrame(rows, schema=spark_schema())
    frame.write.mode("overwrite").parquet(output)
    return spark.read.parquet(output)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m filmscrape.spark [--master M] ARCHIVES.txt OUT.parquet [--partitions N]`` (or a driver)."""
    parser = argparse.ArgumentParser(
        prog="filmscrape.spark", description="Film pages from WARC/WET archives with Spark, as Parquet."
    )
    parser.add_argument("input_list", help="text file listing archives, one a line (paths or file:// URLs)")
    parser.add_argument("output", help="Parquet output directory (overwritten)")
    parser.add_argument(
        "--partitions", type=int, help="Spark partitions of the input list (default: Spark's)"
    )
    parser.add_argument("--master", help="Spark master when not run by spark-submit, e.g. 'local[2]'")
    args = parser.parse_args(argv)
    try:
        sql = importlib.import_module("pyspark.sql")
    except ImportError:
        logger.error("filmscrape.spark needs pyspark, in the extra 'spark': %s", SPARK_EXTRA_HINT)  # noqa: TRY400
        return 2
    builder = sql.SparkSession.builder.appName("filmscrape")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    # Through the imported module, so executors unpickle filmscrape.spark.process_partition by name
    # even when this file runs as __main__.
    module = importlib.import_module("filmscrape.spark")
    try:
        frame = module.run(spark, args.input_list, args.output, partitions=args.partitions)
        logger.warning("filmscrape: %d film pages written to %s", frame.count(), args.output)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    sys.exit(main())
