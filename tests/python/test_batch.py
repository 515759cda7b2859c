"""fazhi.batch and fazhi.table: the CLI's batch, as Python data; pandas takes the table as is."""

import json
import os
import pathlib
import subprocess
from concurrent.futures import ThreadPoolExecutor

import fazhi
import pytest

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures"
SEEDS = sorted((FIXTURES / "seeds").glob("*.txt"))

# A report whose 40-character passage another town copies; 𠀀 before it in the copy shifts
# UTF-16 offsets but not Python's.
COPIED = "本镇坚持把矛盾纠纷排查化解作为基层治理的头等大事，组织网格员逐户走访登记台账，做到小事不出村大事不出镇。"
A = f"甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n{COPIED}\n二、存在的不足和原因\n人员不足。\n"
B = f"乙镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n𠀀𠀁{COPIED}\n二、存在的不足和原因\n经费不足。\n"


def test_the_batch_result_has_rows_reuse_and_years_in_code_points(tmp_path):
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    result = fazhi.batch([tmp_path])
    assert [r["issuer"] for r in result["rows"]] == ["甲镇人民政府", "乙镇人民政府"]
    texts = [A, B]

    def spanned(place):
        a, b = place["span"]
        return texts[place["file"]][a:b]

    copied = [p for p in result["reuse"] if COPIED[:10] in spanned(p["a"])]
    assert len(copied) == 1, result["reuse"]
    assert COPIED[:10] in spanned(copied[0]["b"])
    assert spanned(copied[0]["b"]).startswith(COPIED[:2])
    assert result["years"] == []


def test_every_record_has_every_column_in_order():
    rows = fazhi.table(SEEDS)
    assert len(rows) == len(SEEDS)
    assert all(list(r) == list(fazhi.columns()) for r in rows)


@pytest.mark.skipif(not os.environ.get("FAZHI_CLI"), reason="FAZHI_CLI (the CLI to compare with) not set")
def test_the_table_is_the_clis_csv_row_for_row():
    rows = fazhi.table(SEEDS)
    csv = subprocess.run(
        [os.environ["FAZHI_CLI"], "analyze", "--format", "csv", *map(str, SEEDS)],
        capture_output=True, check=True, text=True,
    ).stdout
    lines = csv.lstrip("\ufeff").splitlines()
    assert lines[0].split(",") == list(fazhi.columns().values())
    parts = ("measures", "shortcomings", "firstResponsible", "plans", "other")
    for r, line in zip(rows, lines[1:]):
        cells = line.split(",")
        assert cells[0] == r["file"] and cells[1] == (r["issuer"] or "")
        assert cells[5:10] == ["✔" if r[k] else "✘" for k in parts]
        assert cells[10] == ("" if r["score"] is None else f"{r['score']:g}")


def test_pandas_takes_the_table_as_it_is():
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(fazhi.table([FIXTURES / "seeds", FIXTURES / "formats"]))
    assert list(df.columns) == list(fazhi.columns())
    assert len(df) == 5 + len(list((FIXTURES / "formats").rglob("*.*")))
    # The encrypted PDFs are rows with their message, not missing rows; their cells are empty.
    failed = df[df["error"].notna()]
    assert len(failed) == len(list((FIXTURES / "formats" / "encrypted").glob("user-password*.pdf")))
    assert failed["score"].isna().all() and failed["measures"].isna().all()
    read = df[df["error"].isna()]
    assert read["year"].between(2018, 2030).all() and (read["year"] % 1 == 0).all()
    assert read["measures"].map(type).eq(bool).all()
    assert read["score"].between(0, 100).all()
    # Counts are whole (pandas keeps them as float beside the failed rows' NaN).
    assert (read["errors"] % 1 == 0).all() and read["errors"].ge(0).all()
    by_issuer = df.groupby("issuer")["score"].count()
    assert by_issuer["磨头镇人民政府"] >= 9
    shown = df.rename(columns=fazhi.columns())
    assert "发文机关" in shown.columns


def test_threads_give_the_same_results_as_one_after_another():
    files = SEEDS + sorted((FIXTURES / "formats").glob("*.*"))
    alone = [json.dumps(fazhi.analyze(f), ensure_ascii=False, sort_keys=True) for f in files]
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda f: json.dumps(fazhi.analyze(f), ensure_ascii=False, sort_keys=True), files * 3))
    assert threaded == alone * 3
