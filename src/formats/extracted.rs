//! What every reader returns: the text, one line per paragraph, with hints per paragraph
//! ([`Extracted`], laid out by [`TextBuilder`]), and which [`Format`] it was read from.

use serde::Serialize;

use crate::error::Error;

/// The file formats fazhi reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (UTF-8, UTF-16, GB18030).
    Text,
    /// Word 2007+ (Office Open XML).
    Docx,
    /// Word 97–2003 binary.
    Doc,
    /// Kingsoft WPS Writer binary.
    Wps,
    /// A saved web page.
    Html,
    /// PDF with a text layer.
    Pdf,
    /// OFD (GB/T 33190).
    Ofd,
}

impl Format {
    /// The name used in the model's `source.format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Docx => "docx",
            Format::Doc => "doc",
            Format::Wps => "wps",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Ofd => "ofd",
        }
    }
}

/// What a reader found in a file: the text and, for structured formats, one hint per paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// The text: paragraphs separated by `\n`.
    pub text: String,
    /// The format read.
    pub format: Format,
    /// The text encoding, for text and web pages.
    pub encoding: Option<&'static str>,
    /// One hint per paragraph, in order (empty for plain text).
    pub paragraphs: Vec<ParagraphHint>,
}

/// What the file says about one paragraph beyond its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParagraphHint {
    /// Byte range of the paragraph in [`Extracted::text`] (label included, `\n` excluded).
    pub span: std::ops::Range<usize>,
    /// Outline level 1–9 from a heading style or an outline level (Word, HTML `<h1>`…).
    pub outline_level: Option<u8>,
    /// Bytes at the paragraph's start that automatic numbering generated (`一、`), 0 if none.
    pub label_len: usize,
    /// Where the paragraph's content lies in the file's main part (.docx: the bytes of
    /// `document.xml` after `<w:p …>` and its `<w:pPr>`, up to `</w:p>`), so that comments can be
    /// written back around it; None for other formats and for an empty `<w:p/>`.
    pub source: Option<std::ops::Range<usize>>,
}

/// Builds an [`Extracted`] paragraph by paragraph, so that every reader lays text out alike.
#[derive(Debug, Default)]
pub struct TextBuilder {
    text: String,
    paragraphs: Vec<ParagraphHint>,
}

impl TextBuilder {
    /// An empty text.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a paragraph: `label` is the number Word draws before it (empty if none), `body` its
    /// text (may hold `\n` for line breaks inside the paragraph).
    pub fn paragraph(&mut self, label: &str, body: &str, outline_level: Option<u8>) {
        self.paragraph_from(label, body, outline_level, None);
    }

    /// Adds a paragraph read from `source` in the file's main part (see [`ParagraphHint::source`]).
    pub fn paragraph_from(
        &mut self,
        label: &str,
        body: &str,
        outline_level: Option<u8>,
        source: Option<std::ops::Range<usize>>,
    ) {
        if !self.paragraphs.is_empty() {
            self.text.push('\n');
        }
        let start = self.text.len();
        self.text.push_str(label);
        self.text.push_str(body);
        self.paragraphs.push(ParagraphHint {
            span: start..self.text.len(),
            outline_level,
            label_len: label.len(),
            source,
        });
    }

    /// Bytes written so far (to enforce [`Limits::max_text`](crate::error::Limits::max_text)).
    pub fn len(&self) -> usize {
        self.text.len()
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// The finished text; a file whose paragraphs hold no visible character is [`Error::NoText`].
    pub fn finish(self, format: Format) -> Result<Extracted, Error> {
        if self.text.chars().all(|c| c.is_whitespace()) {
            return Err(Error::NoText(format.name()));
        }
        Ok(Extracted {
            text: self.text,
            format,
            encoding: None,
            paragraphs: self.paragraphs,
        })
    }
}
