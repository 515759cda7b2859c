//! Every format a user drops gives the same report as the seed's text: for each seed, the .docx,
//! .doc, web page, PDF and OFD fixtures (and the auto-numbered .docx/.doc/.pdf, whose `一、` and
//! `（一）` exist only as Word numbering) must give the seed's meta and outline.

mod common;

use common::{SEEDS, check_invariants, fixture, outline_rows};
use fazhi::Report;

/// The meta fields a reader must not change, as one comparable row.
fn meta_row(r: &Report) -> String {
    let m = &r.meta;
    format!(
        "title={:?} issuers={:?} recipients={:?} year={:?} level={:?} signedBy={:?} date={:?} closing={:?}",
        m.title, m.issuers, m.recipients, m.year, m.level, m.signed_by, m.date, m.closing
    )
}

/// The seed's outline as an auto-numbered file draws it: Word's numbering draws exactly `一、` and
/// `（一）`, whatever the seed wrote. Seed 004 writes its first top heading `1、` among `二、三、四、`;
/// seed 003 writes `四\u{a0}、` and half-width `(一)`.
fn as_autonumbered(rows: Vec<(u8, String, String)>) -> Vec<(u8, String, String)> {
    rows.into_iter()
        .map(|(l, m, t)| {
            let drawn = if m == "1、" && l == 1 {
                "一、".into()
            } else {
                m.chars()
                    .filter(|c| !c.is_whitespace())
                    .map(|c| match c {
                        '(' => '（',
                        ')' => '）',
                        c => c,
                    })
                    .collect()
            };
            (l, drawn, t)
        })
        .collect()
}

fn same_as_seed(suffix: &str, format: &str) {
    let mut failures = Vec::new();
    for name in SEEDS {
        let want = fazhi::analyze_bytes(&fixture(&format!("seeds/{name}.txt")), name).unwrap();
        let file = format!("{name}.{suffix}");
        let path = if suffix.ends_with(".txt") {
            file.clone()
        } else {
            format!("formats/{file}")
        };
        let got = match fazhi::analyze_bytes(&fixture(&path), &file) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{file}: {e}"));
                continue;
            }
        };
        check_invariants(&got);
        assert_eq!(got.source.format, format, "{file}");
        if meta_row(&got) != meta_row(&want) {
            failures.push(format!(
                "{file} meta\n  got  {}\n  want {}",
                meta_row(&got),
                meta_row(&want)
            ));
        }
        let mut want_rows = outline_rows(&want);
        if suffix.starts_with("autonum") {
            want_rows = as_autonumbered(want_rows);
        }
        let got_rows = outline_rows(&got);
        if got_rows != want_rows {
            let diff: Vec<String> = (0..got_rows.len().max(want_rows.len()))
                .filter(|&i| got_rows.get(i) != want_rows.get(i))
                .take(4)
                .map(|i| {
                    format!(
                        "  #{i} got {:?}\n      want {:?}",
                        got_rows.get(i),
                        want_rows.get(i)
                    )
                })
                .collect();
            failures.push(format!(
                "{file} outline ({} vs {} headings)\n{}",
                got_rows.len(),
                want_rows.len(),
                diff.join("\n")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn gbk_and_utf16_text_read_like_the_seed() {
    same_as_seed("gbk.txt", "text");
    same_as_seed("utf16.txt", "text");
}

#[test]
fn docx_reads_like_the_seed() {
    same_as_seed("docx", "docx");
}

#[test]
fn autonumbered_docx_draws_its_numbers_like_word() {
    same_as_seed("autonum.docx", "docx");
}

#[test]
fn doc_reads_like_the_seed() {
    same_as_seed("doc", "doc");
}

#[test]
fn autonumbered_doc_draws_its_numbers_like_word() {
    same_as_seed("autonum.doc", "doc");
}

#[test]
fn saved_web_page_reads_like_the_seed() {
    same_as_seed("html", "html");
}

#[test]
fn pdf_reads_like_the_seed() {
    same_as_seed("pdf", "pdf");
}

#[test]
fn autonumbered_pdf_reads_like_the_seed() {
    same_as_seed("autonum.pdf", "pdf");
}

#[test]
fn ofd_reads_like_the_seed() {
    same_as_seed("ofd", "ofd");
}
