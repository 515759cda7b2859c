"""Bad input raises fazhi.ReadError naming the file, in Chinese and English; never a crash."""

import pathlib

import fazhi
import pytest

FIXTURES = pathlib.Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def test_a_damaged_docx_names_the_file():
    with pytest.raises(fazhi.ReadError) as e:
        fazhi.analyze(b"PK\x03\x04" + b"\0" * 40, name="甲镇.docx")
    assert e.value.file == "甲镇.docx"
    assert "文件已损坏" in e.value.zh
    assert "damaged" in e.value.en
    assert str(e.value).startswith("甲镇.docx: 文件已损坏")


def test_an_encrypted_pdf():
    path = FIXTURES / "formats" / "encrypted" / "user-password.pdf"
    with pytest.raises(fazhi.ReadError) as e:
        fazhi.analyze(path)
    assert e.value.file == str(path)
    assert "加密" in e.value.zh and "encrypted" in e.value.en


def test_a_missing_file(tmp_path):
    missing = tmp_path / "无此文件.docx"
    with pytest.raises(fazhi.ReadError) as e:
        fazhi.read(missing)
    assert e.value.file == str(missing)
    assert "无法读取文件" in e.value.zh


def test_a_binary_that_is_no_report():
    with pytest.raises(fazhi.ReadError) as e:
        fazhi.analyze(bytes(range(256)) * 64, name="x.bin")
    assert e.value.file == "x.bin"


def test_a_batch_with_a_missing_path_raises_before_any_work(tmp_path):
    with pytest.raises(fazhi.ReadError) as e:
        fazhi.table([FIXTURES / "seeds", tmp_path / "缺"])
    assert e.value.file == str(tmp_path / "缺")
    assert "找不到该文件或文件夹" in e.value.zh


def test_a_file_a_batch_cannot_read_is_a_row_with_its_message(tmp_path):
    (tmp_path / "坏.docx").write_bytes(b"PK\x03\x04broken")
    (tmp_path / "好.txt").write_bytes((FIXTURES / "seeds" / "000_0ac10b74a13066d8.txt").read_bytes())
    rows = fazhi.table([tmp_path])
    assert [pathlib.Path(r["file"]).name for r in rows] == ["坏.docx", "好.txt"]
    assert "文件已损坏" in rows[0]["error"]
    assert rows[0]["measures"] is None and rows[0]["score"] is None
    assert rows[1]["error"] is None and rows[1]["measures"] is True


def test_a_wrong_argument_type_is_a_type_error():
    with pytest.raises(TypeError):
        fazhi.analyze(12)
