//! fazhi reads Chinese annual rule-of-law government reports (法治政府建设情况报告) and returns
//! their structure: title, issuers, recipients, year and 落款; the heading tree; which of the five
//! mandated parts are present; with every span pointing into the analyzed text.
//!
//! The work is a pipeline of small passes over plain data, each in its own module, grouped by
//! stage (a stage uses only the ones before it; `tests/layout.rs` checks there are no cycles):
//! - [`formats`]: a file's bytes → text.
//! - [`text`]: [`text::decode`] text files, [`text::normalize`] matching form, [`text::blocks`]
//!   lines → paragraphs, [`text::markers`] heading numbers, [`text::numerals`], [`text::dates`].
//! - [`structure`]: [`structure::outline`] headings, [`structure::meta`] metadata
//!   ([`structure::divisions`] the level of a place), [`structure::classify`] mandated parts.
//! - [`review`]: [`review::facts`] figures, [`review::indicators`] key figures,
//!   [`review::citations`] documents cited, [`review::lints`] problems to fix, [`review::score`].
//! - [`model`] the result (spans are [`span::Span`]); [`render`] turns it into Markdown;
//!   [`batch`] many reports at once.

pub mod batch;
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

pub use model::{Heading, Meta, Part, Report, SCHEMA_VERSION, Source};
pub use span::Span;
pub use structure::classify::MandatedPart;
pub use structure::divisions::OrgLevel;
pub use text::markers::MarkerStyle;

use review::{citations, facts, indicators, lints, score};
use structure::{classify, meta, outline};
use text::blocks;

/// Why a file could not be analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file holds no bytes but white space.
    Empty,
    /// A format fazhi does not read; what it looks like (`png`, `xlsx`, `binary`, …).
    Unknown(&'static str),
    /// Password-protected (Office encryption, an encrypted zip entry or PDF).
    Encrypted,
    /// Over a reader's limits (a zip bomb, too many entries, nesting too deep): which limit.
    TooLarge(&'static str),
    /// Damaged or truncated: what is broken, in Chinese and in English.
    Broken(String, String),
    /// A PDF without a text layer (a scan).
    ScannedPdf,
    /// A PDF that draws text in fonts that do not say which characters they are (no ToUnicode).
    UnmappedFonts,
    /// A readable file of this format that holds no text.
    NoText(&'static str),
    /// A .docx, .doc, PDF or OFD given to a build without the `readers` feature.
    NotBuiltIn,
    /// The file could not be read (CLI only).
    Io(String),
}

impl Error {
    /// The message for people, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            Error::Empty => "文件为空，没有可分析的文字".into(),
            Error::Unknown(kind) => format!("无法识别的文件格式（{}）", kind_zh(kind)),
            Error::Encrypted => "文件已加密，请先解除密码".into(),
            Error::TooLarge(what) => format!(
                "文件超出处理上限（{}），可能是压缩炸弹或已损坏，已拒绝",
                limit_zh(what)
            ),
            Error::Broken(zh, _) => format!("文件已损坏：{zh}"),
            Error::ScannedPdf => "该PDF没有可提取的文字（可能是扫描件）".into(),
            Error::UnmappedFonts => {
                "该PDF的字体没有文字映射，无法提取文字（请用原文件或重新导出的PDF）".into()
            }
            Error::NoText(format) => format!("文件中没有文字（{format}）"),
            Error::NotBuiltIn => "这个版本不含 Word/PDF/OFD 读取模块，请粘贴文字".into(),
            Error::Io(e) => format!("无法读取文件：{e}"),
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        match self {
            Error::Empty => "the file is empty".into(),
            Error::Unknown(kind) => format!("unrecognized file format ({kind})"),
            Error::Encrypted => "the file is encrypted; remove the password first".into(),
            Error::TooLarge(what) => {
                format!("over the limit ({what}): a zip bomb or a damaged file, refused")
            }
            Error::Broken(_, en) => format!("the file is damaged: {en}"),
            Error::ScannedPdf => "the PDF has no text to extract (a scan?)".into(),
            Error::UnmappedFonts => {
                "the PDF's fonts do not map their glyphs to text (no ToUnicode); use the original or a re-exported PDF".into()
            }
            Error::NoText(format) => format!("the file holds no text ({format})"),
            Error::NotBuiltIn => "this build has no Word/PDF/OFD readers; paste the text".into(),
            Error::Io(e) => format!("cannot read the file: {e}"),
        }
    }
}

fn kind_zh(kind: &str) -> &'static str {
    match kind {
        "png" | "jpeg" | "gif" => "图片",
        "rtf" => "RTF 文件",
        "xlsx" | "xls" => "Excel 表格",
        "pptx" | "ppt" => "PowerPoint 演示文稿",
        "odf" => "OpenDocument 文件",
        "zip" | "rar" | "7z" | "gzip" => "压缩包",
        "ole" => "不是 Word/WPS 文档的 OLE 文件",
        _ => "二进制数据",
    }
}

fn limit_zh(what: &str) -> &'static str {
    match what {
        "inflated" => "解压后大小",
        "entries" => "条目数量",
        "depth" => "嵌套层数",
        "text" => "文字量",
        "work" => "处理量",
        _ => "大小",
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}（{}）", self.message_zh(), self.message_en())
    }
}

impl std::error::Error for Error {}

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
