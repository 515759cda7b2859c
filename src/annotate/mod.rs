//! Stage 4, what goes back to the drafter: the findings as Word comments (批注) in the document
//! people edit, and the 审阅意见 sheet to print and sign. It reads the model and the reader's map
//! of paragraphs ([`ParagraphHint::source`]); it never re-analyzes the text.
//!
//! A .docx keeps every part byte for byte (entries copied as stored) except the main part, which
//! gains the comment marks, and the comments part, its relationship and content type; any other
//! input becomes a new .docx of the analyzed text, headings as Word headings (docs/review.md).

pub mod anchor;
pub mod notes;
pub mod sheet;
pub mod wordml;
pub mod zip_out;

use crate::error::Error;
#[cfg(feature = "readers")]
use crate::error::LIMITS;
use crate::formats::ParagraphHint;
#[cfg(feature = "readers")]
use crate::formats::{docx, zip::Archive};
use crate::model::Heading;
use crate::model::Report;
pub use notes::{Dismissal, Note};
use wordml::NewDocument;
#[cfg(feature = "readers")]
use wordml::{COMMENTS_REL, COMMENTS_TYPE, MAIN_NS};
#[cfg(feature = "readers")]
use zip_out::ZipOut;

/// ISO/IEC 29500 Strict's main namespace and relationship type, written back in kind.
#[cfg(feature = "readers")]
const STRICT_NS: &str = "http://purl.oclc.org/ooxml/wordprocessingml/main";
#[cfg(feature = "readers")]
const STRICT_COMMENTS_REL: &str =
    "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";

/// The report as a .docx with its findings as comments: the .docx it was read from when `bytes`
/// is one (`hints` from its reader), else a new document of the analyzed text.
pub fn commented(
    bytes: &[u8],
    hints: &[ParagraphHint],
    report: &Report,
    dismissed: &[Dismissal],
) -> Result<Vec<u8>, Error> {
    #[cfg(feature = "readers")]
    if report.source.format == "docx" && hints.iter().any(|h| h.source.is_some()) {
        return commented_docx(bytes, hints, report, dismissed);
    }
    let _ = (bytes, hints);
    Ok(new_docx(report, dismissed))
}

/// What a reviewer exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// 批注版: the document with the findings as Word comments.
    Commented,
    /// 审阅意见 as Markdown.
    SheetMarkdown,
    /// 审阅意见 as .docx.
    SheetDocx,
}

impl Export {
    /// What the exported file's name ends with, after the report's own name without its extension.
    pub fn suffix(self) -> &'static str {
        match self {
            Export::Commented => ".批注版.docx",
            Export::SheetMarkdown => ".审阅意见.md",
            Export::SheetDocx => ".审阅意见.docx",
        }
    }
}

/// An export: Markdown text or the bytes of a .docx.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exported {
    /// Markdown.
    Text(String),
    /// A .docx.
    Bytes(Vec<u8>),
}

/// An export of a report already analyzed (`bytes`: the file it came from, `hints` its reader's).
pub fn export(
    bytes: &[u8],
    hints: &[ParagraphHint],
    report: &Report,
    format: Export,
    dismissed: &[Dismissal],
) -> Result<Exported, Error> {
    Ok(match format {
        Export::Commented => Exported::Bytes(commented(bytes, hints, report, dismissed)?),
        Export::SheetMarkdown => Exported::Text(sheet::markdown(&sheet::sheet(report, dismissed))),
        Export::SheetDocx => Exported::Bytes(sheet::docx(&sheet::sheet(report, dismissed))),
    })
}

/// Each note's comment target: `(note, paragraph content range)`; notes whose paragraph has no
/// place in the part are folded into the summary (note 0), which falls back to the first
/// paragraph that has one.
fn place(
    notes: &mut [Note],
    hints: &[ParagraphHint],
    text: &str,
    part: &str,
    prefix: &str,
) -> Vec<(usize, std::ops::Range<usize>)> {
    // The runs around what a note is about, else its whole paragraph.
    let around = |n: &Note| {
        let at = n.at?;
        let h = &hints[anchor::paragraph_of(hints, at)?];
        let content = h.source.clone()?;
        let end = (at + n.len).min(h.span.end).min(text.len());
        let from = h.span.start + h.label_len;
        let quote = text.get(at.max(from)..end).unwrap_or("");
        anchor::runs_around(
            part,
            prefix,
            content.clone(),
            quote,
            at.saturating_sub(from),
        )
        .or(Some(content))
    };
    let mut placed = Vec::new();
    let mut homeless = Vec::new();
    for (i, n) in notes.iter().enumerate().skip(1) {
        match around(n) {
            Some(r) => placed.push((i, r)),
            None => homeless.extend(n.lines.iter().map(|l| format!("· {l}"))),
        }
    }
    let first = hints.iter().find_map(|h| h.source.clone());
    let summary_at = notes.first().and_then(around).or(first);
    if let Some(summary) = notes.first_mut() {
        summary.lines.extend(homeless);
        if let Some(r) = summary_at {
            placed.insert(0, (0, r));
        }
    }
    placed
}

#[cfg(feature = "readers")]
/// The .docx `bytes` with comments added; every other entry copied as stored.
fn commented_docx(
    bytes: &[u8],
    hints: &[ParagraphHint],
    report: &Report,
    dismissed: &[Dismissal],
) -> Result<Vec<u8>, Error> {
    let archive = Archive::new(bytes, &LIMITS)?;
    let main = docx::main_part(&archive);
    let main_bytes = archive.read(&main)?.unwrap_or_default();
    let part = docx::xml_text(&main, &main_bytes)?;
    let (ns, rel_type) = if part.contains(STRICT_NS) && !part.contains(MAIN_NS) {
        (STRICT_NS, STRICT_COMMENTS_REL)
    } else {
        (MAIN_NS, COMMENTS_REL)
    };
    let prefix = anchor::prefix_of(&part, ns).unwrap_or_else(|| "w".into());

    let existing = docx::related_part(&archive, &main, "/comments");
    let existing_part = match &existing {
        Some(name) => match archive.read(name)? {
            Some(b) => Some(docx::xml_text(name, &b)?.into_owned()),
            None => None,
        },
        None => None,
    };
    let first_id =
        1 + anchor::max_id(&part).max(existing_part.as_deref().map_or(0, anchor::max_id));

    let mut notes = notes::notes(report, dismissed);
    let placed = place(&mut notes, hints, &report.text, &part, &prefix);
    let ids: Vec<(u32, &Note)> = placed
        .iter()
        .enumerate()
        .map(|(k, (i, _))| (first_id + k as u32, &notes[*i]))
        .collect();
    let targets: Vec<(u32, std::ops::Range<usize>)> = placed
        .iter()
        .enumerate()
        .map(|(k, (_, r))| (first_id + k as u32, r.clone()))
        .collect();
    let marked = utf8_declaration(anchor::mark(&part, &prefix, &targets));

    // The replaced and the new parts, by name.
    let mut replaced: Vec<(String, Vec<u8>)> = vec![(main.clone(), marked.into_bytes())];
    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    match (existing.filter(|_| existing_part.is_some()), existing_part) {
        (Some(name), Some(old)) => {
            let p = anchor::prefix_of(&old, ns).unwrap_or_else(|| "w".into());
            let close = format!("</{}>", wordml::qname(&p, "comments"));
            let ours = wordml::comment_elements(&p, &ids);
            let merged = match old.rfind(&close) {
                Some(at) => format!("{}{ours}{}", &old[..at], &old[at..]),
                None => old,
            };
            replaced.push((name, utf8_declaration(merged).into_bytes()));
        }
        _ => {
            let dir = main.rsplit_once('/').map_or("", |(d, _)| d);
            let file = if archive.has(&join(dir, "comments.xml")) {
                "fazhi-comments.xml"
            } else {
                "comments.xml"
            };
            let name = join(dir, file);
            let mut part = wordml::comments_part(&ids);
            if ns == STRICT_NS {
                part = part.replace(MAIN_NS, STRICT_NS);
            }
            added.push((name.clone(), part.into_bytes()));

            let rels_name = docx::rels_part(&main);
            let mut rel_id = "rIdFazhiComments".to_string();
            let rels = match archive.read(&rels_name)? {
                Some(b) => docx::xml_text(&rels_name, &b)?.into_owned(),
                None => String::new(),
            };
            while rels.contains(&format!("\"{rel_id}\"")) {
                rel_id.push('1');
            }
            let rel = format!(r#"<Relationship Id="{rel_id}" Type="{rel_type}" Target="{file}"/>"#);
            match rels.rfind("</Relationships>") {
                Some(at) => replaced.push((
                    rels_name,
                    utf8_declaration(format!("{}{rel}{}", &rels[..at], &rels[at..])).into_bytes(),
                )),
                None => added.push((
                    rels_name,
                    format!(
                        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel}</Relationships>"#
                    )
                    .into_bytes(),
                )),
            }
            let types_name = "[Content_Types].xml";
            if let Some(b) = archive.read(types_name)? {
                let types = docx::xml_text(types_name, &b)?.into_owned();
                let over =
                    format!(r#"<Override PartName="/{name}" ContentType="{COMMENTS_TYPE}"/>"#);
                if let Some(at) = types.rfind("</Types>") {
                    replaced.push((
                        types_name.into(),
                        utf8_declaration(format!("{}{over}{}", &types[..at], &types[at..]))
                            .into_bytes(),
                    ));
                }
            }
        }
    }

    let mut z = ZipOut::new();
    for e in archive.stored()? {
        match replaced.iter().find(|(n, _)| n == e.name) {
            Some((name, data)) => z.add(name, data),
            None => z.copy(&e),
        }
    }
    for (name, data) in &added {
        z.add(name, data);
    }
    Ok(z.finish())
}

#[cfg(feature = "readers")]
fn join(dir: &str, file: &str) -> String {
    if dir.is_empty() {
        file.to_string()
    } else {
        format!("{dir}/{file}")
    }
}

#[cfg(feature = "readers")]
/// A part rewritten as UTF-8 says so in its declaration (it may have been UTF-16).
fn utf8_declaration(part: String) -> String {
    if !part.starts_with("<?xml") {
        return part;
    }
    let end = part.find("?>").unwrap_or(0);
    let decl = &part[..end];
    match decl.to_ascii_lowercase().find("utf-16") {
        Some(at) => format!("{}UTF-8{}", &part[..at], &part[at + "utf-16".len()..]),
        None => part,
    }
}

/// Each paragraph's Word style in a new document: the title lines `Title`, headings by level.
fn styles_of_lines(report: &Report, lines: &[std::ops::Range<usize>]) -> Vec<Option<String>> {
    let mut styles = vec![None; lines.len()];
    let line_of = |byte: usize| lines.partition_point(|l| l.start <= byte).checked_sub(1);
    if let Some(t) = report.meta.title_span {
        let (a, b) = (
            notes::byte_of(&report.text, t.0),
            notes::byte_of(&report.text, t.1),
        );
        for (i, l) in lines.iter().enumerate() {
            if l.start < b.max(a + 1) && l.end >= a && !l.is_empty() {
                styles[i] = Some("Title".to_string());
            }
        }
    }
    fn walk(hs: &[Heading], out: &mut Vec<(u32, u8)>) {
        for h in hs {
            out.push((h.span.0, h.level));
            walk(&h.children, out);
        }
    }
    let mut heads = Vec::new();
    walk(&report.outline, &mut heads);
    // Outline spans are UTF-16; one pass converts them all.
    heads.sort_unstable();
    let mut k = 0;
    let mut units = 0u32;
    for (byte, c) in report.text.char_indices() {
        while k < heads.len() && heads[k].0 <= units {
            if let Some(i) = line_of(byte) {
                styles[i] = Some(format!("Heading{}", heads[k].1.clamp(1, 4)));
            }
            k += 1;
        }
        units += c.len_utf16() as u32;
    }
    styles
}

/// A new .docx of the analyzed text, one paragraph per line, headings as Word headings, with the
/// comments.
pub fn new_docx(report: &Report, dismissed: &[Dismissal]) -> Vec<u8> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in report.text.split('\n') {
        lines.push(start..start + line.len());
        start += line.len() + 1;
    }
    let styles = styles_of_lines(report, &lines);
    let mut doc = NewDocument::new();
    for (l, style) in lines.iter().zip(&styles) {
        doc.paragraph(
            style.as_deref(),
            report.text[l.clone()].trim_end_matches('\r'),
            false,
        );
    }
    let (part, ranges) = doc.finish();
    let hints: Vec<ParagraphHint> = lines
        .iter()
        .zip(ranges)
        .map(|(l, r)| ParagraphHint {
            span: l.clone(),
            source: Some(r),
            ..Default::default()
        })
        .collect();
    let mut notes = notes::notes(report, dismissed);
    let placed = place(&mut notes, &hints, &report.text, &part, "w");
    let ids: Vec<(u32, &Note)> = placed
        .iter()
        .enumerate()
        .map(|(k, (i, _))| (k as u32 + 1, &notes[*i]))
        .collect();
    let targets: Vec<(u32, std::ops::Range<usize>)> = placed
        .iter()
        .enumerate()
        .map(|(k, (_, r))| (k as u32 + 1, r.clone()))
        .collect();
    let marked = anchor::mark(&part, "w", &targets);
    wordml::package(&marked, Some(&wordml::comments_part(&ids)))
}

#[cfg(test)]
#[cfg(feature = "readers")]
mod tests {

    use super::*;
    use crate::formats::zip::tests::make_zip;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn p(text: &str) -> String {
        format!(r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
    }

    /// A small .docx with a picture-like binary part that must come through untouched.
    fn report_docx(extra_comments: Option<&str>) -> Vec<u8> {
        let body = [
            p("关于2023年度法治政府建设情况的报告"),
            p("一、2023年主要举措和成效"),
            p("（一）加强领导"),
            p("（三）完善制度"),
            p("二、存在的不足和原因"),
            p("三、2024年工作安排"),
        ]
        .concat();
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        );
        let types = r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;
        let rels_with = format!(
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="{COMMENTS_REL}" Target="comments.xml"/></Relationships>"#
        );
        let mut files: Vec<(&str, &[u8], bool)> = vec![
            ("[Content_Types].xml", types.as_bytes(), true),
            ("word/document.xml", doc.as_bytes(), true),
            (
                "word/media/image1.png",
                b"\x89PNG\r\n\x1a\n-not-text-",
                false,
            ),
        ];
        if let Some(c) = extra_comments {
            files.push(("word/_rels/document.xml.rels", rels_with.as_bytes(), true));
            files.push(("word/comments.xml", c.as_bytes(), true));
        }
        make_zip(&files)
    }

    fn review(bytes: &[u8]) -> (Report, Vec<u8>) {
        let e = crate::formats::read(bytes).unwrap();
        let hints = e.paragraphs.clone();
        let r = crate::analyze_read(e.text, "t.docx", e.format.name(), e.encoding);
        let out = commented(bytes, &hints, &r, &[]).unwrap();
        (r, out)
    }

    #[test]
    fn a_comment_covers_the_runs_of_its_finding_not_the_whole_paragraph() {
        let body = [
            p("关于2023年度法治政府建设情况的报告"),
            p("一、2023年主要举措和成效"),
            p("（一）加强领导"),
            r#"<w:p><w:pPr/><w:r><w:t>（三）</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>完善制度</w:t></w:r></w:p>"#.into(),
            p("二、存在的不足和原因"),
        ]
        .concat();
        let doc = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        );
        let input = make_zip(&[("word/document.xml", doc.as_bytes(), true)]);
        let (r, out) = review(&input);
        let gap = r
            .findings
            .iter()
            .find(|f| f.rule == "numbering-gap")
            .unwrap();
        let quote = &r.text[gap.range.clone().unwrap()];
        assert_eq!(quote, "（三）", "the finding is about the number");
        let a = Archive::new(&out, &LIMITS).unwrap();
        let doc = String::from_utf8(a.read("word/document.xml").unwrap().unwrap()).unwrap();
        let para = doc.split("<w:p>").find(|s| s.contains("完善制度")).unwrap();
        // Around the run （三）, before the bold run.
        let start = para.find("<w:commentRangeStart ").unwrap();
        let end = para.find("<w:commentRangeEnd ").unwrap();
        assert!(para[..start].ends_with("<w:pPr/>"), "{para}");
        assert_eq!(
            para[start..end].split("/>").nth(1).unwrap(),
            "<w:r><w:t>（三）</w:t></w:r>",
            "{para}"
        );
        assert!(
            para[end..].contains("</w:r><w:r><w:rPr><w:b/></w:rPr><w:t>完善制度"),
            "{para}"
        );
    }

    #[test]
    fn a_docx_gains_comments_and_keeps_everything_else() {
        let input = report_docx(None);
        let (r, out) = review(&input);
        let a = Archive::new(&out, &LIMITS).unwrap();
        assert_eq!(
            a.read("word/media/image1.png").unwrap().unwrap(),
            b"\x89PNG\r\n\x1a\n-not-text-"
        );
        let doc = String::from_utf8(a.read("word/document.xml").unwrap().unwrap()).unwrap();
        let comments = String::from_utf8(a.read("word/comments.xml").unwrap().unwrap()).unwrap();
        // The numbering gap's comment is on the paragraph （三）完善制度, after its properties.
        let gap = r
            .findings
            .iter()
            .find(|f| f.rule == "numbering-gap")
            .unwrap();
        let para = doc
            .split("<w:p>")
            .find(|s| s.contains("（三）完善制度"))
            .unwrap();
        assert!(
            para.starts_with(r#"<w:pPr><w:jc w:val="both"/></w:pPr><w:commentRangeStart w:id=""#),
            "{para}"
        );
        let id: String = para
            .split("commentRangeStart w:id=\"")
            .nth(1)
            .unwrap()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let comment = comments
            .split("<w:comment ")
            .find(|c| c.starts_with(&format!("w:id=\"{id}\"")))
            .unwrap();
        assert!(
            comment.contains(&escape_for_test(&gap.message)),
            "{comment}"
        );
        assert!(comment.contains(r#"w:author="法治报告审阅""#));
        // The summary is on the title.
        let title = doc
            .split("<w:p>")
            .find(|s| s.contains("关于2023年度"))
            .unwrap();
        assert!(title.contains("commentRangeStart"));
        assert!(comments.contains("审阅摘要：得分"));
        // Relationship and content type added; the text read back is the same.
        let rels =
            String::from_utf8(a.read("word/_rels/document.xml.rels").unwrap().unwrap()).unwrap();
        assert!(rels.contains(COMMENTS_REL) && rels.contains(r#"Target="comments.xml""#));
        let types = String::from_utf8(a.read("[Content_Types].xml").unwrap().unwrap()).unwrap();
        assert!(types.contains(r#"PartName="/word/comments.xml""#));
        let again = crate::analyze_bytes(&out, "t.docx").unwrap();
        assert_eq!(again.text, r.text);
        assert_eq!(again.findings, r.findings);
    }

    fn escape_for_test(s: &str) -> String {
        wordml::escape(s)
    }

    #[test]
    fn existing_comments_are_kept_and_ids_never_collide() {
        let old = format!(
            r#"<?xml version="1.0"?><w:comments {W}><w:comment w:id="41" w:author="张三"><w:p><w:r><w:t>原有批注</w:t></w:r></w:p></w:comment></w:comments>"#
        );
        let (_, out) = review(&report_docx(Some(&old)));
        let a = Archive::new(&out, &LIMITS).unwrap();
        let comments = String::from_utf8(a.read("word/comments.xml").unwrap().unwrap()).unwrap();
        assert!(comments.contains("原有批注"));
        assert!(
            comments.contains(r#"<w:comment w:id="42" w:author="法治报告审阅""#),
            "{comments}"
        );
        assert!(!a.has("word/fazhi-comments.xml"));
        let rels =
            String::from_utf8(a.read("word/_rels/document.xml.rels").unwrap().unwrap()).unwrap();
        assert_eq!(
            rels.matches("relationships/comments").count(),
            1,
            "no second relationship"
        );
    }

    #[test]
    fn other_input_becomes_a_new_docx_with_word_headings() {
        let text = "关于2023年度法治政府建设情况的报告\n一、2023年主要举措和成效\n（一）加强领导\n（三）完善制度\n二、存在的不足和原因\n";
        let r = crate::analyze(text, "t.txt");
        let out = commented(text.as_bytes(), &[], &r, &[]).unwrap();
        let again = crate::analyze_bytes(&out, "t.docx").unwrap();
        assert_eq!(again.text, text, "the same text, one paragraph per line");
        let a = Archive::new(&out, &LIMITS).unwrap();
        let doc = String::from_utf8(a.read("word/document.xml").unwrap().unwrap()).unwrap();
        assert!(doc.contains(r#"<w:pStyle w:val="Title"/>"#));
        let h1 = doc
            .split("<w:p>")
            .find(|s| s.contains("一、2023年"))
            .unwrap();
        assert!(h1.contains(r#"<w:pStyle w:val="Heading1"/>"#), "{h1}");
        let h2 = doc
            .split("<w:p>")
            .find(|s| s.contains("（三）完善制度"))
            .unwrap();
        assert!(
            h2.contains(r#"<w:pStyle w:val="Heading2"/>"#) && h2.contains("commentRangeStart"),
            "{h2}"
        );
        // The outline the new document's styles give is the report's own.
        assert_eq!(again.outline.len(), r.outline.len());
    }
}
