"""fazhi.analyze / analyze_text / read: the model of docs/model.md, spans in code points."""

import pathlib

import fazhi
import pytest

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures"
SEED = FIXTURES / "seeds" / "000_0ac10b74a13066d8.txt"


def headings(outline):
    for h in outline:
        yield h
        yield from headings(h["children"])


def test_the_model_of_a_seed():
    r = fazhi.analyze(SEED)
    assert r["schemaVersion"] == fazhi.SCHEMA_VERSION == 1
    assert r["source"] == {"name": str(SEED), "format": "text", "encoding": "UTF-8", "chars": len(r["text"])}
    assert r["meta"]["issuers"] == ["磨头镇人民政府"]
    assert r["meta"]["year"] == 2023
    assert r["meta"]["level"] == "town"
    assert [p["part"] for p in r["parts"]] == ["measures", "shortcomings", "firstResponsible", "plans", "other"]
    assert [p["present"] for p in r["parts"]] == [True, True, True, True, False]
    assert 0 <= r["score"]["total"] <= 100
    assert {f["severity"] for f in r["findings"]} <= {"error", "warning", "info"}


@pytest.mark.parametrize("seed", sorted((FIXTURES / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_every_span_slices_the_text_in_code_points(seed):
    r = fazhi.analyze(seed)
    text = r["text"]
    for h in headings(r["outline"]):
        a, b = h["span"]
        assert text[a:b].startswith(h["marker"]), (h["marker"], text[a:b])
        assert h["bodySpan"][0] >= b
    for f in r["figures"]:
        a, b = f["span"]
        assert text[a:b] == f["text"]
    for c in r["citations"]:
        a, b = c["span"]
        assert text[a] == "《" and text[b - 1] == "》"
    if r["meta"]["titleSpan"]:
        a, b = r["meta"]["titleSpan"]
        assert r["meta"]["title"][:2] in text[a:b]


def test_a_character_outside_the_basic_plane_counts_once():
    # 𠀀 is two UTF-16 units (the JSON model's spans) but one Python character.
    text = "𠀀𠀁甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n"
    r = fazhi.analyze_text(text, name="草稿")
    assert r["source"]["name"] == "草稿"
    a, b = r["outline"][0]["span"]
    assert text[a:b].startswith("一、主要举措和成效")
    fig = r["figures"][0]
    assert text[fig["span"][0]:fig["span"][1]] == "12件"
    assert r["indicators"][0]["id"] == "reconsiderationCases"
    assert r["indicators"][0]["value"] == 12


FORMATS = ["docx", "autonum.docx", "doc", "autonum.doc", "pdf", "autonum.pdf", "html", "ofd"]


@pytest.mark.parametrize("seed", sorted((FIXTURES / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_every_fixture_format_reads_as_its_seed(seed):
    base = fazhi.analyze(seed)
    variants = [FIXTURES / "formats" / f"{seed.stem}.{f}" for f in FORMATS]
    variants += [FIXTURES / f"{seed.stem}.gbk.txt", FIXTURES / f"{seed.stem}.utf16.txt"]
    for path in variants:
        r = fazhi.analyze(path)
        assert r["meta"]["title"] == base["meta"]["title"], path.name
        assert r["meta"]["year"] == base["meta"]["year"], path.name
        assert [p["present"] for p in r["parts"]] == [p["present"] for p in base["parts"]], path.name
    assert fazhi.analyze(variants[0])["source"]["format"] == "docx"
    assert fazhi.analyze(variants[-2])["source"]["encoding"] == "GB18030"


def test_bytes_bytearray_memoryview_and_pathlike_give_one_report():
    path = FIXTURES / "formats" / "001_4cda7b45264484a7.docx"
    data = path.read_bytes()
    by_path = fazhi.analyze(path)
    for source in (data, bytearray(data), memoryview(data), str(path)):
        r = fazhi.analyze(source, name="x.docx")
        assert r["source"]["name"] == "x.docx"
        assert r["text"] == by_path["text"]
        assert r["outline"] == by_path["outline"]
    assert fazhi.analyze(data)["source"]["name"] == "<bytes>"


def test_read_gives_text_format_and_encoding():
    r = fazhi.read(FIXTURES / "000_0ac10b74a13066d8.utf16.txt")
    assert r["format"] == "text"
    assert r["encoding"] in ("UTF-16LE", "UTF-16BE")
    assert r["text"] == fazhi.read(SEED)["text"]
    assert fazhi.read((FIXTURES / "formats" / "000_0ac10b74a13066d8.pdf").read_bytes())["format"] == "pdf"


def test_version_and_columns():
    assert fazhi.__version__.count(".") == 2
    cols = fazhi.columns()
    assert list(cols)[:5] == ["file", "issuer", "level", "year", "date"]
    assert cols["measures"] == "主要举措和成效"
    assert cols["reconsiderationCases"] == "行政复议案件"
