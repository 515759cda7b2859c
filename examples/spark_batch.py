"""Analyze a corpus on Spark: one fazhi table record per report, written as Parquet.

    python examples/spark_batch.py INPUT OUT.parquet [--master local[2]]

INPUT is a folder of reports (any format fazhi reads; read recursively with Spark's binaryFile
source) or a Parquet file with the reports' bytes in a column `content` and their names in
`name`. Each executor needs the fazhi wheel installed (docs/python.md); the analysis itself runs
in fazhi's Rust core, one report per call, the GIL released.
"""

import argparse
import os
import sys

import fazhi

# The table's columns (fazhi.columns()) by type; every indicator column is a double.
TEXT = {"file", "issuer", "level", "date", "error"}
WHOLE = {"year", "errors", "warnings", "notes"}
FLAG = {"measures", "shortcomings", "firstResponsible", "plans", "other"}


def schema():
    from pyspark.sql import types as T

    def kind(c):
        if c in TEXT:
            return T.StringType()
        if c in WHOLE:
            return T.LongType()
        if c in FLAG:
            return T.BooleanType()
        return T.DoubleType()

    return T.StructType([T.StructField(c, kind(c), True) for c in fazhi.columns()])


def records(rows):
    """(name, bytes) pairs → fazhi records, as Spark rows in the schema's column order."""
    cols = list(fazhi.columns())
    for name, content in rows:
        r = fazhi.record(bytes(content), name=name)
        yield tuple(r[c] for c in cols)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input", help="a folder of reports, or a Parquet file with columns name, content")
    p.add_argument("output", help="the Parquet folder to write")
    p.add_argument("--master", default=os.environ.get("SPARK_MASTER", "local[2]"))
    a = p.parse_args(argv)
    # Local mode: the workers run this interpreter, the one fazhi is installed in.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master(a.master).appName("fazhi").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if os.path.isdir(a.input):
            files = (
                spark.read.format("binaryFile")
                .option("recursiveFileLookup", "true")
                .option("pathGlobFilter", "[!.]*")
                .load(a.input)
                .selectExpr("path AS name", "content")
            )
        else:
            files = spark.read.parquet(a.input).select("name", "content")
        out = files.rdd.map(tuple).mapPartitions(records)
        spark.createDataFrame(out, schema()).write.mode("overwrite").parquet(a.output)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
