//! The `fazhi` command as a user runs it: formats, several files, unreadable files, stdin.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

fn fazhi(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_fazhi"))
        .args(args)
        .output()
        .expect("run fazhi")
}

fn seed_path(n: usize) -> String {
    format!(
        "{}/tests/fixtures/seeds/{}.txt",
        env!("CARGO_MANIFEST_DIR"),
        common::SEEDS[n]
    )
}

#[test]
fn jsonl_prints_one_object_per_file_in_order() {
    let out = fazhi(&["analyze", "--format", "jsonl", &seed_path(3), &seed_path(1)]);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["meta"]["date"], "2023-12-20");
    assert_eq!(
        lines[1]["meta"]["recipients"][0],
        "汉中市南郑区依法治区委员会办公室"
    );
    assert_eq!(lines[0]["schemaVersion"], 1);
    assert_eq!(
        lines[0]["outline"][0]["bodySpan"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn a_missing_file_is_named_the_others_still_print_and_exit_is_1() {
    let out = fazhi(&[
        "analyze",
        "--format",
        "jsonl",
        &seed_path(0),
        "no/such/report.txt",
        &seed_path(4),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no/such/report.txt: 无法读取文件"), "{err}");
    assert!(
        err.contains("no/such/report.txt: cannot read the file"),
        "{err}"
    );
}

#[test]
fn a_binary_or_empty_file_gets_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("fazhi-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("报告.docx");
    std::fs::write(&docx, b"PK\x03\x04\x14\x00rest-of-zip").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, b"").unwrap();
    let out = fazhi(&["analyze", docx.to_str().unwrap(), empty.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("报告.docx: 文件已损坏"), "{err}");
    assert!(err.contains("报告.docx: the file is damaged"), "{err}");
    assert!(err.contains("empty.txt: 文件为空"), "{err}");
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn json_of_one_file_is_one_object_and_of_several_an_array() {
    let one: serde_json::Value =
        serde_json::from_slice(&fazhi(&["analyze", &seed_path(2)]).stdout).unwrap();
    assert!(one.is_object());
    let two: serde_json::Value = serde_json::from_slice(
        &fazhi(&["analyze", "--format", "json", &seed_path(2), &seed_path(0)]).stdout,
    )
    .unwrap();
    assert_eq!(two.as_array().map(Vec::len), Some(2));
}

#[test]
fn markdown_is_readable_outline_with_parts() {
    let out = fazhi(&["analyze", "--format", "md", &seed_path(4)]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# 2024年法治政府建设情况报告\n"), "{md}");
    assert!(md.contains("- ✘ 其他需要报告的情况"), "{md}");
    assert!(
        md.contains(
            "- 1、上一年度推进法治政府建设的主要举措和成效\n  - （一）强化领导，压实压紧工作责任\n"
        ),
        "{md}"
    );
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_fazhi"))
        .args(["analyze", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("关于2023年度法治政府建设情况的报告\n一、主要成效\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["outline"][0]["title"], "主要成效");
    assert_eq!(v["meta"]["year"], 2023);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(fazhi(&[]).status.code(), Some(2));
    assert_eq!(
        fazhi(&["analyze", "--format", "xml", "x.txt"])
            .status
            .code(),
        Some(2)
    );
}

/// A folder for one test, removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let d = std::env::temp_dir().join(format!("fazhi-cli-{name}-{}", std::process::id()));
        std::fs::remove_dir_all(&d).ok();
        std::fs::create_dir_all(&d).unwrap();
        TempDir(d)
    }

    fn path(&self, rel: &str) -> String {
        self.0.join(rel).to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}

/// A paragraph of seed 000 (磨头镇), copied into another town's report inside the zip.
const COPIED: &str = "在组织学法活动的同时，全镇也大力开展普法教育宣传活动。今年以来，以“八五”普法规划为指导，围绕法治政府建设";

/// The batch folder: the five seeds, a .docx in a sub-folder, a hidden file, a damaged .docx, and
/// a zip (one entry named in GBK, one report copying a paragraph of seed 000).
fn batch_folder(dir: &TempDir) -> String {
    let root = dir.path("reports");
    std::fs::create_dir_all(format!("{root}/sub")).unwrap();
    for s in common::SEEDS {
        std::fs::write(
            format!("{root}/{s}.txt"),
            common::fixture(&format!("seeds/{s}.txt")),
        )
        .unwrap();
    }
    std::fs::write(
        format!("{root}/sub/002.docx"),
        common::fixture(&format!("formats/{}.docx", common::SEEDS[2])),
    )
    .unwrap();
    std::fs::write(format!("{root}/.hidden.txt"), "不读").unwrap();
    std::fs::write(
        format!("{root}/sub/损坏.docx"),
        b"PK\x03\x04\x14\x00rest-of-zip",
    )
    .unwrap();
    let copy = format!(
        "某某乡人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n{COPIED}，取得实效。\n二、存在的不足和原因\n宣传形式单一。\n"
    );
    // "乙乡报告.txt" in GBK.
    let gbk_name: &[u8] = b"\xd2\xd2\xcf\xe7\xb1\xa8\xb8\xe6.txt";
    let zip = common::zip::make_zip_raw(&[
        (b"towns/", b"", false),
        (b"towns/copy.txt", copy.as_bytes(), true),
        (
            gbk_name,
            &common::fixture("003_118af91b63010f52.gbk.txt"),
            true,
        ),
    ]);
    std::fs::write(format!("{root}/sub/towns.zip"), zip).unwrap();
    root
}

/// A CSV as cells (quotes, doubled quotes, CRLF), BOM removed.
fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let s = s.strip_prefix('\u{feff}').unwrap_or(s);
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let mut quoted = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

#[test]
fn batch_reads_a_folder_recursively_with_zips_and_failures() {
    let dir = TempDir::new("batch-json");
    let root = batch_folder(&dir);
    let out = fazhi(&["batch", "--format", "json", &root]);
    assert_eq!(out.status.code(), Some(1), "a file failed");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<String> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["file"]
                .as_str()
                .unwrap()
                .strip_prefix(&root)
                .unwrap()
                .to_string()
        })
        .collect();
    let mut want: Vec<String> = common::SEEDS.iter().map(|s| format!("/{s}.txt")).collect();
    want.extend(
        [
            "/sub/002.docx",
            "/sub/towns.zip/towns/copy.txt",
            "/sub/towns.zip/乙乡报告.txt",
            "/sub/损坏.docx",
        ]
        .map(String::from),
    );
    assert_eq!(files, want);
    let rows = v["rows"].as_array().unwrap();
    assert!(rows[8]["error"].as_str().unwrap().starts_with("文件已损坏"));
    assert!(rows[8]["issuer"].is_null());
    assert_eq!(rows[6]["issuer"], "某某乡人民政府");
    assert_eq!(
        rows[7]["issuer"], rows[3]["issuer"],
        "the GBK entry is seed 003"
    );
    // The copied paragraph: seed 000 ↔ the zip's entry, both spans.
    let reuse = v["reuse"].as_array().unwrap();
    let copy = reuse
        .iter()
        .find(|p| p["a"]["file"] == 0 && p["b"]["file"] == 6)
        .unwrap_or_else(|| panic!("{reuse:?}"));
    assert!(copy["chars"].as_u64().unwrap() >= 30);
    assert!(copy["text"].as_str().unwrap().contains("普法教育宣传活动"));
    assert_eq!(copy["b"]["span"].as_array().unwrap().len(), 2);
    assert!(rows[6]["reusedShare"].as_f64().unwrap() > 0.3);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("损坏.docx: 文件已损坏"), "{err}");
    assert!(err.contains("损坏.docx: the file is damaged"), "{err}");
    assert!(!err.contains("hidden"), "{err}");
}

#[test]
fn batch_csv_and_xlsx_hold_the_same_cells() {
    let dir = TempDir::new("batch-csv");
    let root = batch_folder(&dir);
    let out = fazhi(&["batch", "--format", "csv", &root]);
    assert_eq!(out.status.code(), Some(1));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("\u{feff}文件,发文机关,层级,年度,成文日期,主要举措和成效,"),
        "{csv}"
    );
    let cells = parse_csv(&csv);
    assert_eq!(cells.len(), 10, "the header and nine files");
    assert!(cells.iter().all(|r| r.len() == cells[0].len()));
    assert!(cells[9].last().unwrap().starts_with("文件已损坏"));

    let xlsx = dir.path("batch.xlsx");
    let out = fazhi(&["batch", "--format", "xlsx", "-o", &xlsx, &root]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(&xlsx).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["批量审阅", "五项内容", "照搬照抄", "逐年对照"]
    );
    let sheet = book.worksheet_range("批量审阅").unwrap();
    let percent = cells[0].iter().position(|h| h == "照搬比例").unwrap();
    let got: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| {
            r.iter()
                .enumerate()
                .map(|(c, d)| match d {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) if c == percent => format!("{:.0}%", f * 100.0),
                    Data::Float(f) => fazhi::batch::number(*f),
                    other => panic!("unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect();
    assert_eq!(got, cells);
    let copies = book.worksheet_range("照搬照抄").unwrap();
    assert!(copies.height() >= 2, "the header and the copied passage");
}

#[test]
fn analyze_csv_has_the_batch_columns() {
    let dir = TempDir::new("analyze-csv");
    let root = batch_folder(&dir);
    let bad = format!("{root}/sub/损坏.docx");
    let out = fazhi(&[
        "analyze",
        "--format",
        "csv",
        &seed_path(0),
        &bad,
        &seed_path(4),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let cells = parse_csv(&String::from_utf8(out.stdout).unwrap());
    let batch = parse_csv(
        &String::from_utf8(fazhi(&["batch", "-f", "csv", &seed_path(0)]).stdout).unwrap(),
    );
    assert_eq!(cells[0], batch[0]);
    assert_eq!(cells.len(), 4);
    assert_eq!(cells[1][1], "磨头镇人民政府");
    assert!(cells[2].last().unwrap().starts_with("文件已损坏"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("损坏.docx: 文件已损坏") && err.contains("the file is damaged"));
}

#[test]
fn batch_names_a_missing_path_or_an_empty_folder_and_exits_2() {
    let dir = TempDir::new("batch-missing");
    let empty = dir.path("空");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(dir.path("空/.hidden"), "x").unwrap();
    let out = fazhi(&["batch", &empty, "no/such/folder"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("空: 文件夹中没有文件"), "{err}");
    assert!(err.contains("空: the folder holds no files"), "{err}");
    assert!(
        err.contains("no/such/folder: 找不到该文件或文件夹"),
        "{err}"
    );
    assert!(
        err.contains("no/such/folder: no such file or folder"),
        "{err}"
    );
    assert_eq!(fazhi(&["batch"]).status.code(), Some(2));
    assert_eq!(
        fazhi(&["batch", "-f", "jsonl", &seed_path(0)])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn batch_markdown_is_the_default_and_o_writes_a_file() {
    let dir = TempDir::new("batch-md");
    let out = fazhi(&["batch", &seed_path(0), &seed_path(1)]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# 批量审阅（2 份）"), "{md}");
    let file = dir.path("out.md");
    let out = fazhi(&["batch", "-o", &file, &seed_path(0), &seed_path(1)]);
    assert!(out.status.success() && out.stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), md);
}

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn review_writes_the_docx_with_comments_and_the_text_reads_back_the_same() {
    let dir = std::env::temp_dir().join(format!("fazhi-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let src = fixture("002_cde1628b69510f98.autonum.docx");
    let out = dir.join("批注版.docx");
    let run = fazhi(&["review", "-o", out.to_str().unwrap(), &src]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let before = fazhi::analyze_bytes(&std::fs::read(&src).unwrap(), "a.docx").unwrap();
    let bytes = std::fs::read(&out).unwrap();
    let after = fazhi::analyze_bytes(&bytes, "a.docx").unwrap();
    assert_eq!(after.text, before.text, "comments add no text");
    assert_eq!(after.findings, before.findings);
    // One comment per placed finding and the summary, each marked in the document.
    let archive = fazhi::formats::zip::Archive::new(&bytes, &fazhi::formats::LIMITS).unwrap();
    let comments = String::from_utf8(archive.read("word/comments.xml").unwrap().unwrap()).unwrap();
    let doc = String::from_utf8(archive.read("word/document.xml").unwrap().unwrap()).unwrap();
    let n = comments.matches("<w:comment ").count();
    assert_eq!(
        n,
        before.findings.iter().filter(|f| f.span.is_some()).count() + 1
    );
    assert_eq!(doc.matches("<w:commentRangeStart ").count(), n);
    assert_eq!(doc.matches("<w:commentReference ").count(), n);

    // The sheet, as Markdown on stdout.
    let md = fazhi(&["review", "--format", "md", &src]);
    assert!(md.status.success());
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.starts_with("# 审阅意见\n"), "{md}");
    assert!(md.contains("## 五项法定内容"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn review_of_an_unreadable_file_names_it_in_both_languages() {
    let src = fixture("encrypted/user-password.pdf");
    let run = fazhi(&["review", "--format", "md", &src]);
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(
        err.contains("user-password.pdf: ") && err.contains("密码"),
        "{err}"
    );
    assert!(err.contains("password"), "{err}");
    assert!(run.stdout.is_empty());
    // No file is a usage error.
    let none = fazhi(&["review", "--format", "md"]);
    assert_eq!(none.status.code(), Some(2));
}

#[test]
fn review_of_several_files_is_one_zip_listing_the_unreadable_ones() {
    let dir = std::env::temp_dir().join(format!("fazhi-review-zip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docx = fixture("002_cde1628b69510f98.autonum.docx");
    let pdf = fixture("encrypted/user-password.pdf");
    let out = dir.join("全部.zip");
    let run = fazhi(&["review", "-o", out.to_str().unwrap(), &docx, &pdf, &docx]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let zip = std::fs::read(&out).unwrap();
    let archive = fazhi::formats::zip::Archive::new(&zip, &fazhi::formats::LIMITS).unwrap();
    let mut names: Vec<&str> = archive.names().collect();
    names.sort();
    assert_eq!(
        names,
        [
            "002_cde1628b69510f98.autonum (2).批注版.docx",
            "002_cde1628b69510f98.autonum.批注版.docx",
            "无法导出.txt"
        ]
    );
    // Each entry is the file `fazhi review` writes for it alone.
    let alone = fazhi(&[
        "review",
        "-o",
        dir.join("一份.docx").to_str().unwrap(),
        &docx,
    ]);
    assert!(alone.status.success());
    let entry = archive
        .read("002_cde1628b69510f98.autonum.批注版.docx")
        .unwrap()
        .unwrap();
    assert_eq!(entry, std::fs::read(dir.join("一份.docx")).unwrap());
    let failed = String::from_utf8(archive.read("无法导出.txt").unwrap().unwrap()).unwrap();
    assert!(failed.starts_with("user-password.pdf："), "{failed}");
    assert!(
        failed.contains("密码") && failed.contains("password"),
        "{failed}"
    );
    std::fs::remove_dir_all(&dir).ok();
}
