"""examples/spark_batch.py (PySpark, local mode) and examples/dask_batch.py write Parquet that
pandas reads back as fazhi.table's records."""

import pathlib
import subprocess
import sys

import fazhi
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"


def by_name(rows):
    return {pathlib.Path(str(r["file"]).removeprefix("file:")).name: r for r in rows}


def check_against_table(df, folder):
    want = by_name(fazhi.table([folder]))
    got = by_name(df.to_dict("records"))
    assert set(got) == set(want)
    assert list(df.columns) == list(fazhi.columns())
    for name, w in want.items():
        g = got[name]
        for col in ("issuer", "year", "measures", "plans", "score", "errors", "error"):
            if w[col] is None:
                assert g[col] is None or g[col] != g[col] or str(g[col]) == "<NA>", (name, col, g[col])
            else:
                assert g[col] == w[col], (name, col, g[col], w[col])


def test_spark_writes_parquet_pandas_reads_back(tmp_path):
    pytest.importorskip("pyspark")
    pd = pytest.importorskip("pandas")
    folder = FIXTURES / "formats"
    out = tmp_path / "reports.parquet"
    subprocess.run([sys.executable, str(ROOT / "examples" / "spark_batch.py"), str(folder), str(out)], check=True)
    check_against_table(pd.read_parquet(out), folder)


def test_spark_reads_a_parquet_column_of_bytes(tmp_path):
    pytest.importorskip("pyspark")
    pd = pytest.importorskip("pandas")
    seeds = sorted((FIXTURES / "seeds").glob("*.txt"))
    src = tmp_path / "bytes.parquet"
    pd.DataFrame({"name": [s.name for s in seeds], "content": [s.read_bytes() for s in seeds]}).to_parquet(src)
    out = tmp_path / "reports.parquet"
    subprocess.run([sys.executable, str(ROOT / "examples" / "spark_batch.py"), str(src), str(out)], check=True)
    df = pd.read_parquet(out)
    assert sorted(df["file"]) == sorted(s.name for s in seeds)
    assert (df["issuer"] == "磨头镇人民政府").sum() == 1


def test_dask_writes_parquet_pandas_reads_back(tmp_path):
    pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    folder = FIXTURES / "formats"
    out = tmp_path / "reports.parquet"
    subprocess.run([sys.executable, str(ROOT / "examples" / "dask_batch.py"), str(folder), str(out)], check=True)
    df = pd.read_parquet(out).astype(object).where(lambda d: d.notna(), None)
    check_against_table(df, folder)
