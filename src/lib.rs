//! fazhi reads Chinese annual rule-of-law government reports (法治政府建设情况报告) and returns
//! their structure: title, issuers, recipients, year and 落款; the heading tree; which of the five
//! mandated parts are present; with every span pointing into the analyzed text.
//!
//! The work is a pipeline of small passes over plain data, each in its own module, grouped by
//! stage (a stage uses only the ones before it; `tests/layout.rs` checks there are no cycles):
//! - [`error`]: why a file is refused and the readers' [`error::LIMITS`] (imports nothing).
//! - [`formats`]: a file's bytes → text.
//! - [`text`]: [`text::decode`] text files, [`text::normalize`] matching form, [`text::blocks`]
//!   lines → paragraphs, [`text::markers`] heading numbers, [`text::numerals`], [`text::dates`].
//! - [`structure`]: [`structure::outline`] headings, [`structure::meta`] metadata
//!   ([`structure::divisions`] the level of a place), [`structure::classify`] mandated parts.
//! - [`review`]: [`review::facts`] figures, [`review::indicators`] key figures,
//!   [`review::citations`] documents cited, [`review::lints`] problems to fix, [`review::score`].
//! - [`model`] the result (spans are [`span::Span`]); [`render`] turns it into Markdown;
//!   [`batch`] many reports at once; [`annotate`] the findings back to the drafter (Word
//!   comments, the 审阅意见 sheet).

pub mod annotate;
pub mod batch;
pub mod error;
pub mod formats;
pub mod model;
pub mod render;
pub mod review;
pub mod span;
pub mod structure;
pub mod text;

/// The wasm binding (wasm32 only): thin conversions, no logic.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The Python binding (feature `python`): thin conversions, no logic.
#[cfg(all(feature = "python", not(target_arch = "wasm32")))]
pub mod python;

pub use error::Error;
pub use model::{Heading, Meta, Part, Report, SCHEMA_VERSION, Source};
pub use span::Span;
pub use structure::classify::MandatedPart;
pub use structure::divisions::OrgLevel;
pub use text::markers::MarkerStyle;

use review::{citations, facts, indicators, lints, score};
use structure::{classify, meta, outline};
use text::blocks;

/// Analyzes text (pasted or already decoded); `name` labels the source.
pub fn analyze(text: &str, name: &str) -> Report {
    run(
        text.to_string(),
        Source {
            name: name.into(),
            format: "text".into(),
            encoding: None,
            chars: 0,
        },
    )
}

/// Analyzes a file's bytes: reads them in whatever format they are (text, .docx, .doc, .wps,
/// web page, PDF, OFD), then analyzes the text.
pub fn analyze_bytes(bytes: &[u8], name: &str) -> Result<Report, Error> {
    let e = formats::read(bytes)?;
    Ok(analyze_read(e.text, name, e.format.name(), e.encoding))
}

/// Reads and analyzes a file, then exports its review ([`annotate::Export`]): the 批注版 (the
/// .docx itself with comments added, or for any other format a new .docx of the analyzed text)
/// or the 审阅意见 sheet; the dismissed findings left out.
pub fn review(
    bytes: &[u8],
    name: &str,
    format: annotate::Export,
    dismissed: &[annotate::Dismissal],
) -> Result<annotate::Exported, Error> {
    let e = formats::read(bytes)?;
    let hints = e.paragraphs;
    let report = analyze_read(e.text, name, e.format.name(), e.encoding);
    annotate::export(bytes, &hints, &report, format, dismissed)
}

/// The review of a text (pasted, or edited after it was read): the 批注版 is a new .docx.
pub fn review_text(
    text: &str,
    name: &str,
    format: annotate::Export,
    dismissed: &[annotate::Dismissal],
) -> annotate::Exported {
    let report = analyze(text, name);
    match annotate::export(&[], &[], &report, format, dismissed) {
        Ok(x) => x,
        // Without a source .docx nothing is read, so nothing fails; a new document regardless.
        Err(_) => annotate::Exported::Bytes(annotate::new_docx(&report, dismissed)),
    }
}

/// One file of a batch review: its name (a path inside a folder or .zip may hold `/`), its
/// bytes, and the findings set aside in it.
#[derive(Debug, Clone)]
pub struct ReviewFile {
    /// The file name.
    pub name: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// The findings the reviewer set aside.
    pub dismissed: Vec<annotate::Dismissal>,
}

/// Every file's review in one .zip (the batch's 全部导出): `<name without extension><suffix>` per
/// file ([`annotate::Export::suffix`]; a repeated name gets ` (2)`), and, when some could not be
/// read, `无法导出.txt` naming each with its reason (Chinese and English). Never fails: a file
/// that cannot be read is a line of that list, not the end of the batch.
pub fn review_zip(files: &[ReviewFile], format: annotate::Export) -> Vec<u8> {
    let mut zip = annotate::zip_out::ZipOut::new();
    let mut used = std::collections::HashSet::new();
    let mut failed = String::new();
    for f in files {
        match review(&f.bytes, &f.name, format, &f.dismissed) {
            Ok(out) => {
                let stem = match f.name.rfind('.') {
                    Some(dot) if dot > f.name.rfind('/').map_or(0, |s| s + 1) => &f.name[..dot],
                    _ => &f.name,
                };
                let mut name = format!("{stem}{}", format.suffix());
                let mut n = 2;
                while !used.insert(name.clone()) {
                    name = format!("{stem} ({n}){}", format.suffix());
                    n += 1;
                }
                match out {
                    annotate::Exported::Bytes(b) => zip.add(&name, &b),
                    annotate::Exported::Text(t) => zip.add(&name, t.as_bytes()),
                }
            }
            Err(e) => {
                use std::fmt::Write;
                let _ = writeln!(
                    failed,
                    "{}：{}（{}）",
                    f.name,
                    e.message_zh(),
                    e.message_en()
                );
            }
        }
    }
    if !failed.is_empty() {
        zip.add("无法导出.txt", failed.as_bytes());
    }
    zip.finish()
}

/// Analyzes the text a reader extracted ([`formats::read`]), with the format and encoding it
/// gave: the same report as [`analyze_bytes`] on the file. The page reads a .docx in one wasm
/// module (the readers) and analyzes the text in another (its first).
pub fn analyze_read(text: String, name: &str, format: &str, encoding: Option<&str>) -> Report {
    let source = Source {
        name: name.into(),
        format: format.into(),
        encoding: encoding.map(String::from),
        chars: 0,
    };
    run(text, source)
}

fn run(text: String, mut source: Source) -> Report {
    source.chars = text.chars().count();
    let blocks = blocks::split(&text);
    let closing = meta::find_closing(&blocks);
    let heads = outline::outline(&text, &blocks, closing.content_end);
    let meta = meta::extract(&text, &blocks, &heads, &closing);
    let (head_parts, parts) = classify::classify(&heads, meta.year);
    let noise = blocks
        .lines
        .iter()
        .filter(|l| matches!(l.kind, blocks::LineKind::Noise(_)))
        .map(|l| l.norm.full_raw_span())
        .collect();
    let figures = facts::figures(&text, &blocks);
    let indicators = indicators::indicators(&text, &figures);
    let citations = citations::citations(&text, &blocks);
    let lint_input = lints::Input {
        text: &text,
        blocks: &blocks,
        heads: &heads,
        meta: &meta,
        parts: &parts,
        figures: &figures,
        citations: &citations,
    };
    let findings = lints::lint(&lint_input);
    let score = score::score(&lint_input, &findings);
    model::build(model::Analysis {
        text,
        source,
        meta,
        heads: &heads,
        head_parts: &head_parts,
        parts: &parts,
        noise,
        figures,
        indicators,
        citations,
        findings,
        score,
    })
}
