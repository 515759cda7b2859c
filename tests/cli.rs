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
