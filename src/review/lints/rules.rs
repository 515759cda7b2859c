//! The lint table: each rule's id, severity and what it checks, the finding a rule reports, and
//! what the rules look at.

use std::ops::Range;

use serde::Serialize;

use crate::review::citations::Citation;
use crate::review::facts::Figure;
use crate::span::Span;
use crate::structure::classify::PartCarriers;
use crate::structure::meta::MetaFacts;
use crate::structure::outline::OutlineHeading;
use crate::text::blocks::Blocks;

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

use Severity::*;

/// The rules: id, severity, what it checks. Report-wide rules come first in the output.
#[rustfmt::skip]
pub const RULES: &[(&str, Severity, &str)] = &[
    ("missing-part",          Error,   "a part the 督察工作规定 requires (举措和成效, 不足和原因, 第一责任人职责, 下一年度安排) has no heading"),
    ("missing-recipient",     Info,    "no 主送 line (a report goes to the next level's 党委和政府; published copies often drop it)"),
    ("missing-signature",     Warning, "no 落款: signing body or 成文日期 missing (Info on a web copy: chrome, page metadata, the title shown twice)"),
    ("numbering-gap",         Warning, "sibling headings skip a number (一、二、四、) or do not start at one"),
    ("numbering-repeat",      Warning, "sibling headings repeat a number (（二）（二）)"),
    ("numbering-mixed",       Warning, "sibling headings numbered in different styles (1、 among 二、三、; 1、 beside 1.)"),
    ("marker-punctuation",    Warning, "punctuation after a marker that takes none (（一）、) or the wrong one (一.)"),
    ("arabic-comma",          Info,    "third-level headings numbered 1、 instead of GB/T 9704's 1."),
    ("level-skipped",         Warning, "a heading two levels below its parent (一、 → （1）), or 1. under 一、 where other sections use （一）; （一） with no 一、 above"),
    ("year-mismatch",         Warning, "a year in the lead-in or a part heading that is not the report's year (or, for the plans, the next one; 2025年度工作思路 in a 2024 lead-in)"),
    ("repeated-lead-in",      Warning, "the lead-in 现将……报告如下 written twice"),
    ("duplicate-sentence",    Warning, "a sentence of 15 characters or more written twice (a title line before the first heading is none)"),
    ("placeholder",           Error,   "template text left in: XX镇, ×××, **次, *区, 某某镇, 〇〇, ___"),
    ("unbalanced-bracket",    Warning, "a paragraph's （）, “” or 《》 without its partner"),
    ("citation-near-miss",    Warning, "a cited title one or two characters off a well-known one"),
    ("citation-superseded",   Warning, "a cited title repealed before the report's year (《信访条例》 → 《信访工作条例》)"),
    ("title-in-quotes",       Info,    "a well-known law or regulation named in quotes (“民法典”) instead of 书名号"),
    ("halfwidth-punctuation", Info,    "half-width , ; : ( ) ? ! between Chinese characters (one finding per paragraph, or one for the text)"),
    ("date-format",           Warning, "成文日期 not in GB/T 9704 form (二〇二三年十二月二十日, 2023.12.20, 2023年12月05日)"),
    ("body-date-format",      Info,    "a date in the body written 2023.12.20, 2023-12-20 or with a zero-padded 05月"),
];

/// A sentence this long (in chars) written twice is a copy-paste slip, not a formula.
pub(super) const DUPLICATE_MIN_CHARS: usize = 15;
/// More paragraphs than this with half-width punctuation get one finding for the whole text.
pub(super) const HALFWIDTH_PER_PARAGRAPH_MAX: usize = 3;
/// A lead-in's `现将` and `如下` lie this close (in chars).
pub(super) const LEAD_IN_MAX_CHARS: usize = 80;

/// The severity the table gives a rule.
pub(super) fn severity_of(rule: &str) -> Severity {
    RULES
        .iter()
        .find(|(id, _, _)| *id == rule)
        .map_or(Info, |(_, s, _)| *s)
}

/// The rule's place in the table, for the order of findings.
pub(super) fn rule_index(rule: &str) -> usize {
    RULES
        .iter()
        .position(|(id, _, _)| *id == rule)
        .unwrap_or(RULES.len())
}
