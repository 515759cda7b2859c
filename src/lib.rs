//! fazhi reads Chinese annual rule-of-law government reports (法治政府建设情况报告) and returns
//! their structure: title, issuers, recipients, year and 落款; the heading tree; which of the five
//! mandated parts are present; with every span pointing into the analyzed text.
//!
//! The work is a pipeline of small passes over plain data, each in its own module:
//! [`decode`] bytes → text, [`normalize`] matching form, [`blocks`] lines → paragraphs,
//! [`outline`] headings, [`meta`] metadata, [`classify`] mandated parts, [`model`] the result;
//! [`render`] turns it into Markdown.

pub mod blocks;
pub mod classify;
pub mod decode;
pub mod markers;
pub mod meta;
pub mod model;
pub mod normalize;
pub mod outline;
pub mod render;

/// The wasm binding (wasm32 only): thin conversions, no logic.
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use classify::MandatedPart;
pub use markers::MarkerStyle;
pub use meta::OrgLevel;
pub use model::{Heading, Meta, Part, Report, SCHEMA_VERSION, Source, Span};

/// Why a file could not be analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The file holds no text at all.
    Empty,
    /// The bytes are not text; the kind of file recognized (`zip`, `ole`, `pdf`, …).
    NotText(&'static str),
    /// The file could not be read (CLI only).
    Io(String),
}

impl Error {
    /// The message for people, in Chinese.
    pub fn message_zh(&self) -> String {
        match self {
            Error::Empty => "文件为空，没有可分析的文字".into(),
            Error::NotText(kind) => {
                format!("不是文本文件（{}），当前版本只能分析纯文本", kind_zh(kind))
            }
            Error::Io(e) => format!("无法读取文件：{e}"),
        }
    }

    /// The message in English.
    pub fn message_en(&self) -> String {
        match self {
            Error::Empty => "the file is empty".into(),
            Error::NotText(kind) => {
                format!("not a text file ({kind}); this version reads plain text only")
            }
            Error::Io(e) => format!("cannot read the file: {e}"),
        }
    }
}

fn kind_zh(kind: &str) -> &'static str {
    match kind {
        "zip" => "看起来是 .docx/.ofd 等压缩格式",
        "ole" => "看起来是 .doc/.wps 文件",
        "pdf" => "PDF 文件",
        "png" | "jpeg" => "图片",
        "rtf" => "RTF 文件",
        _ => "二进制数据",
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

/// Analyzes a file's bytes: decodes them, then analyzes the text.
pub fn analyze_bytes(bytes: &[u8], name: &str) -> Result<Report, Error> {
    let d = decode::decode(bytes)?;
    let source = Source {
        name: name.into(),
        format: "text".into(),
        encoding: Some(d.encoding.into()),
        chars: 0,
    };
    Ok(run(d.text, source))
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
    model::build(model::Analysis {
        text,
        source,
        meta,
        heads: &heads,
        head_parts: &head_parts,
        parts: &parts,
        noise,
    })
}
