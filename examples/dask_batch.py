"""Analyze a corpus with Dask: one fazhi table record per report, written as Parquet.

    python examples/dask_batch.py INPUT OUT.parquet [--scheduler threads|processes|ADDRESS]

INPUT is a folder of reports (any format fazhi reads) or a Parquet file with the reports' bytes
in a column `content` and their names in `name`. fazhi releases the GIL while it analyzes, so
the threaded scheduler uses every core of one machine; on a cluster (`--scheduler tcp://…`)
each worker needs the fazhi wheel installed (docs/python.md).
"""

import argparse
import pathlib

import fazhi
import pandas as pd

TEXT = {"file", "issuer", "level", "date", "error"}
WHOLE = {"year", "errors", "warnings", "notes"}
FLAG = {"measures", "shortcomings", "firstResponsible", "plans", "other"}


def dtypes():
    """The columns' pandas types (nullable: a report that cannot be read has empty cells)."""
    def kind(c):
        return "string" if c in TEXT else "Int64" if c in WHOLE else "boolean" if c in FLAG else "Float64"

    return {c: kind(c) for c in fazhi.columns()}


def analyze_partition(part: pd.DataFrame) -> pd.DataFrame:
    rows = [fazhi.record(bytes(c), name=n) for n, c in zip(part["name"], part["content"])]
    return pd.DataFrame(rows, columns=list(fazhi.columns())).astype(dtypes())


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("input", help="a folder of reports, or a Parquet file with columns name, content")
    p.add_argument("output", help="the Parquet folder to write")
    p.add_argument("--scheduler", default="threads")
    p.add_argument("--partitions", type=int, default=8)
    a = p.parse_args(argv)
    import dask
    import dask.dataframe as dd

    src = pathlib.Path(a.input)
    if src.is_dir():
        paths = sorted(str(f) for f in src.rglob("*") if f.is_file() and not f.name.startswith("."))
        files = dd.from_pandas(pd.DataFrame({"name": paths}), npartitions=max(1, min(a.partitions, len(paths))))
        files = files.map_partitions(
            lambda part: part.assign(content=[pathlib.Path(n).read_bytes() for n in part["name"]]),
            meta={"name": "object", "content": "object"},
        )
    else:
        files = dd.read_parquet(a.input, columns=["name", "content"])
    meta = pd.DataFrame({c: pd.Series(dtype=t) for c, t in dtypes().items()})
    out = files.map_partitions(analyze_partition, meta=meta)
    if "://" in a.scheduler:
        from dask.distributed import Client

        with Client(a.scheduler):
            out.to_parquet(a.output, write_index=False)
    else:
        with dask.config.set(scheduler=a.scheduler):
            out.to_parquet(a.output, write_index=False)


if __name__ == "__main__":
    main()
