//! Lints: the problems a reviewer would send back — a mandated part missing, numbering gaps and
//! mixed styles, skipped levels, inconsistent years, repeated sentences, template placeholders,
//! unbalanced brackets, half-width punctuation, dates not in GB/T 9704 form, missing formal
//! elements. Rules live in one table; each finding names its rule.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::review::citations::{Citation, recognize, superseded, title_marks};
use crate::review::facts::Figure;
use crate::span::Span;
use crate::structure::classify::{MandatedPart, PartCarriers};
use crate::structure::meta::{MetaFacts, find_closing};
use crate::structure::outline::OutlineHeading;
use crate::text::blocks::{Blocks, LineKind};
use crate::text::dates::iso_date;
use crate::text::markers::MarkerStyle;
use crate::text::normalize::{fold_width, is_han, is_space};
use crate::text::numerals;

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
const DUPLICATE_MIN_CHARS: usize = 15;
/// More paragraphs than this with half-width punctuation get one finding for the whole text.
const HALFWIDTH_PER_PARAGRAPH_MAX: usize = 3;
/// A lead-in's `现将` and `如下` lie this close (in chars).
const LEAD_IN_MAX_CHARS: usize = 80;

/// What of the text is the page's, not the report's.
struct Page {
    /// Per line: chrome (a noise line, or page metadata before the first heading).
    off: Vec<bool>,
    /// Raw ranges of those lines: no finding may point into them.
    off_ranges: Vec<Range<usize>>,
    /// Whether the text was saved from a web page: chrome lines, or a title line shown twice
    /// before the first heading (the page's title, then the document's).
    web: bool,
}

/// The block index of the first heading: what comes before it is the preamble (title, 主送,
/// lead-in, and on a web copy the page's header); without headings, the first three blocks.
fn first_heading_block(input: &Input<'_>) -> usize {
    let n = input.blocks.blocks.len();
    input.heads.first().map_or(n.min(3), |h| h.block.min(n))
}

/// Whether a normalized block is a title-like line: no sentence in it ends.
fn is_title_like(s: &str) -> bool {
    !s.contains(['。', '!', '?', ';']) && !s.ends_with(':')
}

fn page(input: &Input<'_>) -> Page {
    let lines = &input.blocks.lines;
    let off: Vec<bool> = lines
        .iter()
        .map(|l| matches!(l.kind, LineKind::Noise(_)))
        .collect();
    let bs = &input.blocks.blocks;
    let preamble = &bs[..first_heading_block(input)];
    let title_twice = preamble.iter().enumerate().any(|(k, b)| {
        is_title_like(&b.norm.text) && preamble[..k].iter().any(|p| p.norm.text == b.norm.text)
    });
    let mut off_ranges: Vec<Range<usize>> = lines
        .iter()
        .zip(&off)
        .filter(|(_, o)| **o)
        .map(|(l, _)| l.span.clone())
        .collect();
    // Chrome glued to the title line (`…情况报告 (2024-02-26)`) is the page's too.
    if let Some(t) = &input.meta.title_span {
        for l in lines
            .iter()
            .filter(|l| l.span.start < t.end && t.start < l.span.end)
        {
            off_ranges.push(l.span.start..t.start.max(l.span.start));
            off_ranges.push(t.end.min(l.span.end)..l.span.end);
        }
        off_ranges.retain(|r| !r.is_empty());
        off_ranges.sort_by_key(|r| r.start);
    }
    Page {
        web: title_twice || off.iter().any(|o| *o),
        off,
        off_ranges,
    }
}

struct Sink<'a> {
    input: &'a Input<'a>,
    page: Page,
    out: Vec<Finding>,
}

impl Sink<'_> {
    fn push(
        &mut self,
        rule: &str,
        range: Option<Range<usize>>,
        message: String,
        suggestion: Option<String>,
    ) {
        let severity = severity_of(rule);
        self.push_as(rule, severity, range, message, suggestion);
    }

    fn push_as(
        &mut self,
        rule: &str,
        severity: Severity,
        range: Option<Range<usize>>,
        message: String,
        suggestion: Option<String>,
    ) {
        self.out.push(Finding {
            rule: rule.to_string(),
            severity,
            message,
            span: None,
            suggestion,
            range,
        });
    }

    /// The raw text of a range, for messages.
    fn raw(&self, r: &Range<usize>) -> &str {
        self.input.text.get(r.clone()).unwrap_or("")
    }
}

fn severity_of(rule: &str) -> Severity {
    RULES
        .iter()
        .find(|(id, _, _)| *id == rule)
        .map_or(Info, |(_, s, _)| *s)
}

fn rule_index(rule: &str) -> usize {
    RULES
        .iter()
        .position(|(id, _, _)| *id == rule)
        .unwrap_or(RULES.len())
}

/// Runs every rule over the report; findings in document order (report-wide ones first).
pub fn lint(input: &Input<'_>) -> Vec<Finding> {
    let mut sink = Sink {
        input,
        page: page(input),
        out: Vec::new(),
    };
    missing_parts(&mut sink);
    formal_elements(&mut sink);
    numbering(&mut sink);
    levels(&mut sink);
    years(&mut sink);
    lead_in(&mut sink);
    duplicates(&mut sink);
    placeholders(&mut sink);
    brackets(&mut sink);
    citations(&mut sink);
    halfwidth(&mut sink);
    dates(&mut sink);
    // The guarantee: page chrome is no part of the report, so nothing is found in it, whatever
    // a rule looked at.
    let mut out = on_the_report(sink.out, &sink.page.off_ranges);
    out.sort_by_key(|f| {
        (
            f.range.is_some(),
            f.range.as_ref().map_or(0, |r| r.start),
            rule_index(&f.rule),
        )
    });
    out
}

/// The findings that do not point into page chrome (report-wide ones always stay).
fn on_the_report(findings: Vec<Finding>, off: &[Range<usize>]) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| {
            f.range.as_ref().is_none_or(|r| {
                !off.iter()
                    .any(|o| r.start < o.end && o.start < r.end.max(r.start + 1))
            })
        })
        .collect()
}

// ---------------------------------------------------------------- parts and formal elements

/// The heading to write for a missing part, as the regulation words it.
fn part_heading(p: MandatedPart) -> &'static str {
    match p {
        MandatedPart::Measures => "上一年度推进法治政府建设的主要举措和成效",
        MandatedPart::Shortcomings => "上一年度推进法治政府建设存在的不足和原因",
        MandatedPart::FirstResponsible => {
            "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
        }
        MandatedPart::Plans => "下一年度推进法治政府建设的主要安排",
        MandatedPart::Other => "其他需要报告的情况",
    }
}

fn missing_parts(sink: &mut Sink<'_>) {
    // 其他需要报告的情况 is written only when there is something to report.
    for p in sink.input.parts {
        if p.part != MandatedPart::Other && p.carriers.is_empty() {
            let message = format!(
                "缺少“{}”部分：《法治政府建设与责任落实督察工作规定》要求年度报告写明此项",
                p.part.label()
            );
            sink.push(
                "missing-part",
                None,
                message,
                Some(part_heading(p.part).into()),
            );
        }
    }
}

fn formal_elements(sink: &mut Sink<'_>) {
    let input = sink.input;
    let m = input.meta;
    // Text saved from a web page often lost its 落款 to the page layout: worth a look only.
    let web_page = sink.page.web;
    if m.recipients.is_empty() {
        sink.push(
            "missing-recipient",
            None,
            "未写主送机关（如“中共××县委、××县人民政府：”）；报送上级的报告应写明主送".into(),
            None,
        );
    }
    let missing = match (m.signed_by.is_some(), m.date.is_some()) {
        (true, true) => return,
        (false, false) => "发文机关署名和成文日期",
        (false, true) => "发文机关署名",
        (true, false) => "成文日期",
    };
    let severity = if web_page { Info } else { Warning };
    sink.push_as(
        "missing-signature",
        severity,
        None,
        format!("落款不全：缺少{missing}（GB/T 9704：正文之后署发文机关名称，并写成文日期）"),
        None,
    );
}

// ---------------------------------------------------------------- numbering and levels

/// The marker of a style and number as GB/T 9704 writes it.
fn marker_for(style: MarkerStyle, n: u32) -> String {
    match style {
        MarkerStyle::Part => format!("第{}部分", numerals::chinese(n)),
        MarkerStyle::ChineseComma => format!("{}、", numerals::chinese(n)),
        MarkerStyle::ChineseParen => format!("（{}）", numerals::chinese(n)),
        MarkerStyle::ArabicDot => format!("{n}."),
        MarkerStyle::ArabicComma => format!("{n}、"),
        MarkerStyle::ArabicParen => format!("（{n}）"),
    }
}

/// Sibling groups: headings under the same parent at the same level, in document order.
fn sibling_groups(heads: &[OutlineHeading]) -> Vec<Vec<usize>> {
    let mut groups: HashMap<(Option<usize>, u8), Vec<usize>> = HashMap::new();
    let mut order = Vec::new();
    for (i, h) in heads.iter().enumerate() {
        if h.style == MarkerStyle::Part {
            continue;
        }
        let key = (h.parent, h.level);
        let g = groups.entry(key).or_default();
        if g.is_empty() {
            order.push(key);
        }
        g.push(i);
    }
    order
        .into_iter()
        .filter_map(|k| groups.remove(&k))
        .collect()
}

fn numbering(sink: &mut Sink<'_>) {
    let heads = sink.input.heads;
    for g in sibling_groups(heads) {
        // Mixed styles: the style most siblings use is the one meant (seed 004's lone `1、`).
        let mut counts: Vec<(MarkerStyle, usize)> = Vec::new();
        for &i in &g {
            match counts.iter_mut().find(|(s, _)| *s == heads[i].written) {
                Some(c) => c.1 += 1,
                None => counts.push((heads[i].written, 1)),
            }
        }
        let (major, _) = counts
            .iter()
            .copied()
            .max_by_key(|&(s, n)| {
                (
                    n,
                    std::cmp::Reverse(g.iter().position(|&i| heads[i].written == s)),
                )
            })
            .unwrap_or((MarkerStyle::ChineseComma, 0));
        let others: Vec<String> = g
            .iter()
            .filter(|&&i| heads[i].written == major)
            .take(3)
            .map(|&i| marker_text(sink, i))
            .collect();
        let mixed = counts.len() > 1;
        for &i in &g {
            let h = &heads[i];
            if h.written != major {
                let message = format!(
                    "标题编号“{}”与同级标题“{}”的样式不一致",
                    marker_text(sink, i),
                    others.join("")
                );
                sink.push(
                    "numbering-mixed",
                    Some(h.marker.clone()),
                    message,
                    Some(marker_for(major, h.ordinal)),
                );
            }
        }
        // Gaps and repeats, whatever the style (a `1、` standing for 一、 still counts as one).
        let mut prev: Option<u32> = None;
        for &i in &g {
            let h = &heads[i];
            let expected = prev.map_or(1, |p| p + 1);
            let style = major;
            if prev == Some(h.ordinal) {
                let message = format!("标题编号“{}”重复", marker_text(sink, i));
                sink.push(
                    "numbering-repeat",
                    Some(h.marker.clone()),
                    message,
                    Some(marker_for(style, expected)),
                );
            } else if h.ordinal > expected {
                let message = format!(
                    "标题编号不连续：“{}”之前缺少“{}”",
                    marker_text(sink, i),
                    marker_for(style, expected)
                );
                sink.push(
                    "numbering-gap",
                    Some(h.marker.clone()),
                    message,
                    Some(marker_for(style, expected)),
                );
            }
            prev = Some(h.ordinal);
        }
        // `1、` throughout a group: GB/T 9704 writes the third level `1.`; one finding per group.
        if !mixed
            && major == MarkerStyle::ArabicComma
            && heads[g[0]].style == MarkerStyle::ArabicComma
        {
            let h = &heads[g[0]];
            sink.push(
                "arabic-comma",
                Some(h.marker.clone()),
                "阿拉伯数字序号后应用下脚点“1.”，不用顿号“1、”（GB/T 9704）".into(),
                Some(marker_for(MarkerStyle::ArabicDot, h.ordinal)),
            );
        }
    }
    for (i, h) in heads.iter().enumerate() {
        let m = marker_text(sink, i);
        let wrong = match h.written {
            MarkerStyle::ChineseParen | MarkerStyle::ArabicParen => {
                m.ends_with(['、', '.', '．', ',', '，'])
            }
            MarkerStyle::ChineseComma => !m.ends_with('、'),
            _ => false,
        };
        if wrong {
            let fixed = marker_for(h.written, h.ordinal);
            let message = if h.written == MarkerStyle::ChineseComma {
                format!("一级标题序号“{m}”应写作“{fixed}”")
            } else {
                format!("括号序号“{m}”后不再加标点")
            };
            sink.push(
                "marker-punctuation",
                Some(h.marker.clone()),
                message,
                Some(fixed),
            );
        }
    }
}

fn marker_text(sink: &Sink<'_>, i: usize) -> String {
    sink.raw(&sink.input.heads[i].marker)
        .chars()
        .filter(|c| !is_space(*c))
        .collect()
}

fn levels(sink: &mut Sink<'_>) {
    let heads = sink.input.heads;
    let uses = |s: MarkerStyle| heads.iter().any(|h| h.style == s);
    // GB/T 9704 lets a two-level document go 一、 → 1.; where （一） is used elsewhere, it is skipped.
    let two_level = !uses(MarkerStyle::ChineseParen);
    let top_rank = heads
        .iter()
        .filter(|h| h.level == 1)
        .map(|h| h.style.rank())
        .min();
    for (i, h) in heads.iter().enumerate() {
        if h.style == MarkerStyle::Part {
            continue;
        }
        match h.parent.map(|p| &heads[p]) {
            Some(p) if p.style != MarkerStyle::Part => {
                let skip = h.style.rank().saturating_sub(p.style.rank());
                let allowed = two_level
                    && p.style == MarkerStyle::ChineseComma
                    && matches!(h.style, MarkerStyle::ArabicDot | MarkerStyle::ArabicComma);
                // One finding per run of such children: the first.
                let first =
                    i == 0 || heads[i - 1].parent != h.parent || heads[i - 1].style != h.style;
                if skip > 1 && !allowed && first {
                    let between = match p.style.rank() {
                        1 => "（一）",
                        2 => "1.",
                        _ => "（1）",
                    };
                    let message = format!(
                        "“{}”直接位于“{}”之下，跳过了“{between}”一级",
                        marker_text(sink, i),
                        marker_text(sink, h.parent.unwrap_or(i)),
                    );
                    sink.push("level-skipped", Some(h.marker.clone()), message, None);
                }
            }
            None if top_rank.is_some_and(|t| h.style.rank() > t) => {
                let first = i == 0 || heads[i - 1].level != 1 || heads[i - 1].style != h.style;
                if first {
                    let message = format!(
                        "“{}”一级的标题之上没有“一、”一级的标题",
                        marker_text(sink, i)
                    );
                    sink.push("level-skipped", Some(h.marker.clone()), message, None);
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------- years

/// Years written `2023年` in normalized text (not the ends of a range `2021-2025年`), with byte ranges.
fn years_in(s: &str) -> Vec<(i32, Range<usize>)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let four = &b[i..i + 4];
        let starts = (four.starts_with(b"19") || four.starts_with(b"20"))
            && four.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit());
        if starts && s[i + 4..].starts_with('年') {
            let before = s[..i].chars().next_back();
            if !matches!(before, Some('-' | '~' | '至' | '—' | '－')) {
                let year = s[i..i + 4].parse().unwrap_or(0);
                out.push((year, i..i + 4 + '年'.len_utf8()));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// Words that make a year the plans' year when they follow it in the same phrase: a lead-in
/// may announce next year's plans with this year's work (`及2025年度工作思路总结如下`).
#[rustfmt::skip]
pub const PLAN_WORDS: &[&str] = &[
    "思路", "计划", "打算", "安排", "下一步", "要点", "目标", // 工作思路, 工作计划…
];

/// How far after a year (in chars) its plan word may stand.
const PLAN_WORD_MAX_CHARS: usize = 10;

/// Whether a plan word follows the year ending at `end` in its phrase (up to `及`, `和`, `、`,
/// another number or a clause end).
fn names_plans(s: &str, end: usize) -> bool {
    let phrase: String = s[end..]
        .chars()
        .take(PLAN_WORD_MAX_CHARS)
        .take_while(|c| !c.is_ascii_digit() && !",。;:!?及和与、".contains(*c))
        .collect();
    PLAN_WORDS.iter().any(|w| phrase.contains(w))
}

/// Whether the year ending at `end` begins a full date (`2019年12月3日`): a date says when,
/// not which year the report covers (a page's date widget, a meeting's day).
fn begins_date(s: &str, end: usize) -> bool {
    let rest = &s[end..];
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let m = digits(rest);
    (1..=2).contains(&m) && rest[m..].starts_with('月') && {
        let day = &rest[m + '月'.len_utf8()..];
        let d = digits(day);
        (1..=2).contains(&d) && day[d..].starts_with(['日', '号'])
    }
}

/// A year the lead-in writes.
struct YearSpot {
    block: usize,
    year: i32,
    /// Byte range in the block's normalized text.
    range: Range<usize>,
    /// Inside `现将……如下` (else the paragraph's first words).
    lead_in: bool,
    /// A plan word follows it ([`PLAN_WORDS`]).
    plans: bool,
}

fn years(sink: &mut Sink<'_>) {
    let input = sink.input;
    let bs = &input.blocks.blocks;
    // The lead-in: the opening paragraph's first words and its 现将……如下, in the report's own
    // text (after the title, not page chrome, not a date).
    let first_head = first_heading_block(input);
    let title_end = input.meta.title_span.as_ref().map_or(0, |t| t.end);
    let mut spots: Vec<YearSpot> = Vec::new();
    for (bi, b) in bs.iter().enumerate().take(first_head) {
        if b.span.start < title_end {
            continue;
        }
        let s = &b.norm.text;
        let on_page = |r: &Range<usize>| {
            let raw = b.norm.raw_span(r.clone());
            sink.page
                .off_ranges
                .iter()
                .any(|o| raw.start < o.end && o.start < raw.end)
        };
        let mut add = |y: i32, r: Range<usize>, lead_in: bool| {
            if !on_page(&r) && !begins_date(s, r.end) {
                spots.push(YearSpot {
                    block: bi,
                    year: y,
                    plans: names_plans(s, r.end),
                    range: r,
                    lead_in,
                });
            }
        };
        if let Some((y, r)) = years_in(s).into_iter().find(|y| y.1.start == 0) {
            add(y, r, false);
        }
        if let Some(p) = s.find("现将").or_else(|| s.find("现就")) {
            let tail: String = s[p..].chars().take(LEAD_IN_MAX_CHARS).collect();
            if let Some(end) = tail.find("如下") {
                for (y, r) in years_in(&tail[..end]) {
                    add(y, r.start + p..r.end + p, true);
                }
            }
        }
    }
    // The report's year: its title's; without a title, the year its own 现将……如下 names (a
    // year found elsewhere may be a page header's: `天津市静海区人民政府 2019年12月3日星期二`).
    let title_year = input.meta.title.as_deref().and_then(|t| {
        let folded: String = t.chars().map(fold_width).collect();
        years_in(&folded).first().map(|y| y.0)
    });
    let lead_in_year = spots
        .iter()
        .find(|s| s.lead_in && !s.plans)
        .or_else(|| spots.iter().find(|s| s.lead_in))
        .map(|s| s.year);
    let Some(year) = title_year.or(lead_in_year).or(input.meta.year) else {
        return;
    };
    let report =
        |sink: &mut Sink<'_>, block: usize, r: Range<usize>, found: i32, want: i32, what: &str| {
            let raw = bs[block].norm.raw_span(r);
            let message = format!("{what}写的是{found}年，与报告年度{year}年不符");
            sink.push(
                "year-mismatch",
                Some(raw),
                message,
                Some(format!("{want}年")),
            );
        };
    for s in spots {
        // Next year's plans may be announced with this year's work.
        let plans_year = s.plans && s.year == year + 1;
        if s.year != year && !plans_year {
            report(sink, s.block, s.range, s.year, year, "开头");
        }
    }
    // Part headings: the year's parts speak of the report's year, the plans of the next.
    let mut carried: Vec<(usize, Vec<MandatedPart>)> = Vec::new();
    for p in input.parts {
        for &(hi, _) in &p.carriers {
            match carried.iter_mut().find(|c| c.0 == hi) {
                Some(c) => c.1.push(p.part),
                None => carried.push((hi, vec![p.part])),
            }
        }
    }
    for (hi, parts) in carried {
        // A heading carrying plans and another part names both years; leave it alone.
        let plans = parts.contains(&MandatedPart::Plans);
        if plans && parts.len() > 1 {
            continue;
        }
        let want = if plans { year + 1 } else { year };
        let h = &input.heads[hi];
        let s = &bs[h.block].norm.text;
        let Some(at) = s
            .find(h.title_norm.as_str())
            .filter(|_| !h.title_norm.is_empty())
        else {
            continue;
        };
        let ys = years_in(&h.title_norm);
        if !ys.is_empty() && !ys.iter().any(|y| y.0 == want) {
            let (y, r) = ys[0].clone();
            let what = if plans {
                "下一年度安排的标题"
            } else {
                "标题"
            };
            report(sink, h.block, r.start + at..r.end + at, y, want, what);
        }
    }
}

// ---------------------------------------------------------------- repeated text

fn lead_in(sink: &mut Sink<'_>) {
    let input = sink.input;
    let bs = &input.blocks.blocks;
    let first_head = input.heads.first().map_or(bs.len().min(3), |h| h.block);
    let mut seen = 0;
    for b in &bs[..first_head.min(bs.len())] {
        let s = &b.norm.text;
        let mut from = 0;
        while let Some(p) = s[from..].find("现将").or_else(|| s[from..].find("现就")) {
            let at = from + p;
            let tail_end = s[at..]
                .char_indices()
                .nth(LEAD_IN_MAX_CHARS)
                .map_or(s.len(), |(i, _)| at + i);
            let Some(end) = s[at..tail_end].find("如下") else {
                break;
            };
            let mut end = at + end + "如下".len();
            if let Some(c) = s[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, ':' | '。' | ','))
            {
                end += c.len_utf8();
            }
            seen += 1;
            if seen > 1 {
                let raw = b.norm.raw_span(at..end);
                let message = format!("开头的引语重复：“{}”", sink.raw(&raw));
                sink.push(
                    "repeated-lead-in",
                    Some(raw),
                    message,
                    Some("删去重复的一句".into()),
                );
            }
            from = end;
        }
    }
}

/// Sentences of a normalized paragraph: byte ranges ending after `。！？；：`.
fn sentences(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '。' | '!' | '?' | ';' | ':') {
            out.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

fn duplicates(sink: &mut Sink<'_>) {
    let input = sink.input;
    let heading_blocks: std::collections::HashSet<usize> =
        input.heads.iter().map(|h| h.block).collect();
    let preamble = first_heading_block(input);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (bi, b) in input.blocks.blocks.iter().enumerate() {
        let s = &b.norm.text;
        // A title line before the first heading is no sentence of the report: a web page shows
        // its own title, then the document's (静海区2023年度法治政府建设情况报告 twice).
        if bi < preamble && is_title_like(s) {
            continue;
        }
        for (k, r) in sentences(s).into_iter().enumerate() {
            // A heading's own title is not a sentence of the body.
            if k == 0 && heading_blocks.contains(&bi) {
                continue;
            }
            let body = s[r.clone()].trim_end_matches(['。', '!', '?', ';', ':', ',']);
            if body.chars().count() < DUPLICATE_MIN_CHARS {
                continue;
            }
            match seen.get(body) {
                Some(_) => {
                    let raw = b.norm.raw_span(r.start..r.start + body.len());
                    let excerpt: String = body.chars().take(20).collect();
                    let message = format!("句子与前文重复：“{excerpt}……”");
                    sink.push(
                        "duplicate-sentence",
                        Some(raw),
                        message,
                        Some("删去重复的句子".into()),
                    );
                }
                None => {
                    seen.insert(body, bi);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- placeholders and brackets

/// Template placeholders in a normalized paragraph: byte ranges.
fn placeholder_spots(s: &str) -> Vec<Range<usize>> {
    // Most paragraphs hold no character a placeholder is made of: skip them without collecting.
    if !s
        .chars()
        .any(|c| matches!(c, 'X' | 'x' | '×' | '*' | '〇' | '○' | '_' | '某'))
    {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let run_of = |pred: &dyn Fn(char) -> bool| {
            let mut e = k;
            while e < chars.len() && pred(chars[e].1) {
                e += 1;
            }
            e
        };
        let e = match c {
            'X' | 'x' => run_of(&|c| matches!(c, 'X' | 'x')),
            '×' | '*' => run_of(&|x| x == c),
            '〇' | '○' => run_of(&|c| matches!(c, '〇' | '○')),
            '_' => run_of(&|c| c == '_'),
            '某' => run_of(&|c| c == '某'),
            _ => k + 1,
        };
        let len = e - k;
        let prev = k.checked_sub(1).and_then(at);
        let next = at(e);
        let han = |c: Option<char>| c.is_some_and(is_han);
        let numeral = |c: Option<char>| c.is_some_and(|c| "〇○零一二三四五六七八九十".contains(c));
        let hit = match c {
            // `XX镇`, `20XX年`: never inside a Latin word.
            'X' | 'x' => {
                len >= 2
                    && !prev.is_some_and(|p| p.is_ascii_alphabetic())
                    && !next.is_some_and(|n| n.is_ascii_alphabetic())
                    && (han(prev) || han(next) || prev.is_some_and(|p| p.is_ascii_digit()))
            }
            // `×××`, `×区`; `3×4` is a product.
            '×' => {
                !prev.is_some_and(|p| p.is_ascii_digit())
                    && !next.is_some_and(|n| n.is_ascii_digit())
                    && (len >= 2 || han(next))
            }
            '*' => han(prev) || han(next),
            // `〇〇镇`; `二〇〇〇年` is a year.
            '〇' | '○' => len >= 2 && !numeral(prev) && !numeral(next) && han(next),
            '_' => len >= 2 && (han(prev) || han(next)),
            // `某某镇`, `某某年`; `王某某` is a name made anonymous, as case reports do.
            '某' => {
                len == 2
                    && next.is_some_and(|n| "镇乡县区市省村街局委办年月日单位部门".contains(n))
                    && !prev.is_some_and(|p| is_han(p) && !"在对由向于的和与及至从是为".contains(p))
            }
            _ => false,
        };
        if hit {
            let end = chars.get(e).map_or(s.len(), |c| c.0);
            out.push(chars[k].0..end);
        }
        k = e.max(k + 1);
    }
    out
}

fn placeholders(sink: &mut Sink<'_>) {
    for b in &sink.input.blocks.blocks {
        for r in placeholder_spots(&b.norm.text) {
            let raw = b.norm.raw_span(r);
            let message = format!("疑似未替换的模板占位符“{}”", sink.raw(&raw));
            sink.push("placeholder", Some(raw), message, None);
        }
    }
}

/// A `)` that closes a list number (`1)`, `a)`, `一)`) right after a clause boundary.
fn list_close(s: &str, at: usize) -> bool {
    let before: Vec<char> = s[..at].chars().rev().take(3).collect();
    let Some(&n) = before.first() else {
        return false;
    };
    let numberish = n.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(n);
    let boundary = before.get(1).is_none_or(|c| {
        matches!(c, '。' | ';' | ':' | ',' | '、' | ' ')
            || (n.is_ascii_digit()
                && c.is_ascii_digit()
                && before.get(2).is_none_or(|c| !c.is_ascii_digit()))
    });
    numberish && boundary
}

fn brackets(sink: &mut Sink<'_>) {
    for b in &sink.input.blocks.blocks {
        let s = &b.norm.text;
        let mut found: Vec<(Range<usize>, &str)> = Vec::new();
        for (open, close, name) in [('(', ')', "括号"), ('“', '”', "引号")] {
            let mut stack: Vec<usize> = Vec::new();
            let mut stray = None;
            for (i, c) in s.char_indices() {
                if c == open {
                    stack.push(i);
                } else if c == close
                    && stack.pop().is_none()
                    && stray.is_none()
                    && !(close == ')' && list_close(s, i))
                {
                    stray = Some(i..i + c.len_utf8());
                }
            }
            if let Some(r) = stack.first().map(|&o| o..o + open.len_utf8()).or(stray) {
                found.push((r, name));
            }
        }
        if let Some(r) = title_marks(s).1.into_iter().next() {
            found.push((r, "书名号"));
        }
        for (r, name) in found {
            let raw = b.norm.raw_span(r);
            let mark = sink.raw(&raw).to_string();
            let message = format!("本段{name}不配对：“{mark}”没有对应的另一半");
            sink.push("unbalanced-bracket", Some(raw), message, None);
        }
    }
}

// ---------------------------------------------------------------- citations

fn citations(sink: &mut Sink<'_>) {
    let input = sink.input;
    for c in input.citations {
        if c.near_miss
            && let Some(k) = &c.known
        {
            let message = format!("《{}》疑为《{k}》之误", c.title);
            sink.push(
                "citation-near-miss",
                Some(c.range.clone()),
                message,
                Some(format!("《{k}》")),
            );
        }
        if let Some(year) = input.meta.year
            && let Some((new, from)) = superseded(&c.title, year)
        {
            let message = format!("《{}》已于{from}年废止，现行为《{new}》", c.title);
            sink.push(
                "citation-superseded",
                Some(c.range.clone()),
                message,
                Some(format!("《{new}》")),
            );
        }
    }
    // Law titles in quotes: “民法典” for 《民法典》.
    for b in &input.blocks.blocks {
        let s = &b.norm.text;
        let mut from = 0;
        while let Some(p) = s[from..].find('“') {
            let open = from + p;
            let inner_start = open + '“'.len_utf8();
            let Some(q) = s[inner_start..].find(['”', '“']) else {
                break;
            };
            let close = inner_start + q;
            from = close;
            if !s[close..].starts_with('”') {
                continue;
            }
            let inner = &s[inner_start..close];
            if let Some((_, kind, false)) = recognize(inner)
                && kind != crate::review::citations::CitationKind::Other
            {
                let raw = b.norm.raw_span(open..close + '”'.len_utf8());
                let message = format!("法规名称应使用书名号：{}", sink.raw(&raw));
                let written = sink.raw(&b.norm.raw_span(inner_start..close)).to_string();
                sink.push(
                    "title-in-quotes",
                    Some(raw),
                    message,
                    Some(format!("《{written}》")),
                );
            }
        }
    }
}

// ---------------------------------------------------------------- punctuation and dates

/// Half-width punctuation between Chinese characters in a raw line: byte offsets in the line.
fn halfwidth_spots(raw: &str) -> Vec<Range<usize>> {
    // Most lines hold no half-width mark at all: skip them without collecting.
    if !raw
        .bytes()
        .any(|b| matches!(b, b',' | b';' | b':' | b'(' | b')' | b'?' | b'!'))
    {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = raw.char_indices().filter(|(_, c)| !is_space(*c)).collect();
    let mut out = Vec::new();
    for k in 0..chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, ',' | ';' | ':' | '(' | ')' | '?' | '!') {
            continue;
        }
        let before = k.checked_sub(1).map(|j| chars[j].1);
        let after = chars.get(k + 1).map(|x| x.1);
        let left = before.is_some_and(|b| is_han(b) || "”》）」".contains(b));
        let right = after.is_some_and(|a| is_han(a) || "“《（「".contains(a));
        if left && right {
            out.push(i..i + 1);
        }
    }
    out
}

fn halfwidth(sink: &mut Sink<'_>) {
    let input = sink.input;
    let mut per_block: Vec<(Range<usize>, usize, String)> = Vec::new();
    for b in &input.blocks.blocks {
        let mut first = None;
        let mut n = 0;
        let mut marks = String::new();
        for &li in b.lines.iter().filter(|&&li| !sink.page.off[li]) {
            // A flattened page's line holds several blocks: each counts only its own part.
            let line = &input.blocks.lines[li];
            let span = line.span.start.max(b.span.start)..line.span.end.min(b.span.end);
            let raw = &input.text[span.clone()];
            for r in halfwidth_spots(raw) {
                let c = &raw[r.clone()];
                if !marks.contains(c) {
                    marks.push_str(c);
                }
                first.get_or_insert(span.start + r.start..span.start + r.end);
                n += 1;
            }
        }
        if let Some(r) = first {
            per_block.push((r, n, marks));
        }
    }
    if per_block.len() > HALFWIDTH_PER_PARAGRAPH_MAX {
        let total: usize = per_block.iter().map(|p| p.1).sum();
        let message = format!(
            "全文{}段共{total}处在中文之间使用了半角标点，应改用全角（，；：（）？！）",
            per_block.len()
        );
        sink.push(
            "halfwidth-punctuation",
            Some(per_block[0].0.clone()),
            message,
            None,
        );
        return;
    }
    for (r, n, marks) in per_block {
        let message = format!("本段有{n}处半角标点“{marks}”夹在中文之间，应改用全角");
        let c = sink.raw(&r).chars().next().unwrap_or(',');
        sink.push(
            "halfwidth-punctuation",
            Some(r),
            message,
            Some(full_width(c).to_string()),
        );
    }
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        c => c,
    }
}

/// `2023年12月20日` from ISO `2023-12-20`.
fn gb_date(iso: &str) -> Option<String> {
    let mut it = iso.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    Some(format!("{y}年{m}月{d}日"))
}

/// Dates in the body not in GB/T 9704 form: `2023.12.20`, `2023-12-20`, `2023/12/20`, `05月`, `05日`.
fn body_date_spots(s: &str) -> Vec<(Range<usize>, String)> {
    let b = s.as_bytes();
    let digits = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let n = digits(i);
        let (start, end) = (i, i + n);
        i = end;
        // 2023.12.20 / 2023-12-20 / 2023/12/20
        if n == 4 && (s[start..].starts_with("19") || s[start..].starts_with("20")) && end < b.len()
        {
            let sep = b[end];
            if matches!(sep, b'.' | b'-' | b'/') {
                let m = digits(end + 1);
                if (1..=2).contains(&m) && b.get(end + 1 + m) == Some(&sep) {
                    let d = digits(end + 2 + m);
                    let stop = end + 2 + m + d;
                    if (1..=2).contains(&d) {
                        let iso = format!(
                            "{}-{}-{}",
                            &s[start..end],
                            &s[end + 1..end + 1 + m],
                            &s[end + 2 + m..stop]
                        );
                        if let Some(g) = gb_date(&iso) {
                            out.push((start..stop, g));
                        }
                        i = stop;
                        continue;
                    }
                }
            }
        }
        // 05月, 05日: zero-padded month or day.
        if n == 2 && b[start] == b'0' && b[start + 1] != b'0' {
            let rest = &s[end..];
            if let Some(unit) = ["月", "日"].into_iter().find(|u| rest.starts_with(u)) {
                let fixed = format!("{}{unit}", (b[start + 1] - b'0'));
                out.push((start..end + unit.len(), fixed));
            }
        }
    }
    out
}

fn dates(sink: &mut Sink<'_>) {
    let input = sink.input;
    let closing = find_closing(input.blocks);
    let date_block = closing.date.as_ref().map(|(bi, _)| *bi);
    if let Some((bi, iso)) = &closing.date {
        let b = &input.blocks.blocks[*bi];
        let s = &b.norm.text;
        let good = gb_date(iso).is_some_and(|g| g == *s);
        if !good && iso_date(s).is_some() {
            let raw = b.norm.full_raw_span();
            let message = format!(
                "成文日期“{}”应使用阿拉伯数字、年月日齐全且不编虚位（GB/T 9704）",
                sink.raw(&raw)
            );
            sink.push("date-format", Some(raw), message, gb_date(iso));
        }
    }
    for (bi, b) in input.blocks.blocks.iter().enumerate() {
        if Some(bi) == date_block {
            continue;
        }
        for (r, fixed) in body_date_spots(&b.norm.text) {
            let raw = b.norm.raw_span(r);
            let message = format!("日期“{}”不合公文写法", sink.raw(&raw));
            sink.push("body-date-format", Some(raw), message, Some(fixed));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A report that follows every rule: title, 主送, lead-in, the five parts, figures, 落款.
    const CLEAN: &str = "长丰县岗集镇人民政府关于2023年度法治政府建设情况的报告
中共长丰县委、长丰县人民政府：
2023年，岗集镇在县委、县政府的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，认真落实《法治政府建设实施纲要（2021—2025年）》。现将2023年度法治政府建设情况报告如下：
一、2023年度推进法治政府建设的主要举措和成效
（一）强化组织领导。镇党委、政府召开专题会议4次，研究部署法治政府建设工作。
（二）规范行政执法。全年办理行政处罚案件12件，无被申请行政复议案件，镇、村两级法律顾问覆盖率100%。
（三）深化普法宣传。开展“八五”普法宣传活动36场次，发放宣传资料5000余份。
二、2023年度推进法治政府建设存在的不足和原因
一是基层执法人员法律素养有待提高；二是普法宣传形式较为单一。主要原因是培训机会较少，经费保障不足。
三、党政主要负责人履行推进法治建设第一责任人职责情况
镇党委书记、镇长严格履行第一责任人职责，全年主持召开法治建设专题会议3次，带头学习《中华人民共和国行政处罚法》。
四、2024年度推进法治政府建设的主要安排
（一）加强干部学法用法，每季度组织集中学法1次。
（二）完善重大行政决策程序，落实合法性审查制度。
五、其他需要报告的情况
无。
特此报告。
长丰县岗集镇人民政府
2024年1月10日
";

    fn lint_text(text: &str) -> Vec<Finding> {
        let blocks = crate::text::blocks::split(text);
        let closing = find_closing(&blocks);
        let heads = crate::structure::outline::outline(text, &blocks, closing.content_end);
        let meta = crate::structure::meta::extract(text, &blocks, &heads, &closing);
        let (_, parts) = crate::structure::classify::classify(&heads, meta.year);
        let citations = crate::review::citations::citations(text, &blocks);
        lint(&Input {
            text,
            blocks: &blocks,
            heads: &heads,
            meta: &meta,
            parts: &parts,
            figures: &[],
            citations: &citations,
        })
    }

    /// The text each finding of `rule` points at ("" for report-wide ones).
    fn fired(rule: &str, text: &str) -> Vec<String> {
        lint_text(text)
            .into_iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.range.map_or(String::new(), |r| text[r].to_string()))
            .collect()
    }

    /// The clean report with one line replaced.
    fn clean_with(from: &str, to: &str) -> String {
        assert!(CLEAN.contains(from), "{from}");
        CLEAN.replacen(from, to, 1)
    }

    #[test]
    fn a_clean_report_has_no_finding() {
        assert_eq!(lint_text(CLEAN), vec![]);
    }

    #[test]
    fn every_rule_is_in_the_table_once() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.0).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
    }

    #[test]
    fn missing_part() {
        let text = clean_with(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n",
            "三、加强党的领导\n",
        );
        let f: Vec<_> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "missing-part")
            .collect();
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("第一责任人"), "{}", f[0].message);
        assert_eq!(f[0].severity, Error);
        // 其他需要报告的情况 is optional: dropping it is no finding.
        let text = clean_with("五、其他需要报告的情况\n无。\n", "");
        assert_eq!(fired("missing-part", &text), Vec::<String>::new());
    }

    #[test]
    fn missing_recipient_and_signature() {
        let text = clean_with("中共长丰县委、长丰县人民政府：\n", "");
        assert_eq!(fired("missing-recipient", &text), vec![""]);
        let text = clean_with("特此报告。\n长丰县岗集镇人民政府\n2024年1月10日\n", "");
        let f: Vec<_> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "missing-signature")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Warning);
        // Saved from a web page: the page lost the 落款, not the author.
        let web = format!("首页 > 政务公开 > 法治政府\n{text}");
        let f: Vec<_> = lint_text(&web)
            .into_iter()
            .filter(|f| f.rule == "missing-signature")
            .collect();
        assert_eq!(f[0].severity, Info);
        // Only the date missing.
        let text = clean_with("2024年1月10日\n", "");
        let f: Vec<_> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "missing-signature")
            .collect();
        assert!(f[0].message.contains("成文日期") && !f[0].message.contains("署名"));
    }

    /// The findings of one rule.
    fn of_rule(rule: &str, text: &str) -> Vec<Finding> {
        lint_text(text)
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    #[test]
    fn missing_signature_on_a_web_copy_is_info() {
        let unsigned = clean_with("特此报告。\n长丰县岗集镇人民政府\n2024年1月10日\n", "");
        // Page metadata the noise rules may not know (web049: traditional characters).
        let web = format!("發布時間:2025-04-11 16:33 信息來源:辰溪縣小龍門鄉\n{unsigned}");
        assert_eq!(of_rule("missing-signature", &web)[0].severity, Info);
        // The page's title, then the document's (web001, web023).
        let title = CLEAN.lines().next().unwrap();
        let web = format!("{title}\n{unsigned}");
        assert_eq!(of_rule("missing-signature", &web)[0].severity, Info);
        // A text with no sign of a page: the author's 落款 is missing.
        assert_eq!(of_rule("missing-signature", &unsigned)[0].severity, Warning);
    }

    #[test]
    fn nothing_is_found_in_page_chrome() {
        // Metadata blocks above the title (web056, web049, web034, and `[ 成文日期 ]` before a
        // title): their dates are the page's, not the report's.
        for chrome in [
            "[ 成文日期 ] 2026-01-22",
            "索引号: | 002564301/2025-00062 | 成文日期: | 2025-01-27 |",
            "发布时间:2023-02-10 15:34:38",
            "来源:留下街道 点击率:",
            "發布時間:2025-04-11 16:33 信息來源:辰溪縣小龍門鄉",
            "2022-03-07 点击数: | ||||||||||||||||||||||||",
        ] {
            let text = format!("{chrome}\n{CLEAN}");
            assert_eq!(lint_text(&text), vec![], "{chrome}");
        }
        // A publication date glued to the title line is the page's, outside the title.
        let body = CLEAN.split_once('\n').unwrap().1;
        let text = format!("某某县2023年法治政府建设情况报告 (2024-02-26)\n{body}");
        assert_eq!(fired("body-date-format", &text), Vec::<String>::new());
        // The same date in the report's own text is found.
        let text = clean_with("无。", "2023-12-20召开会议。");
        assert_eq!(fired("body-date-format", &text), vec!["2023-12-20"]);
        // The guarantee, whatever a rule looks at: a finding inside a chrome line is dropped.
        let text = format!("来源:留下街道 点击率:\n{CLEAN}");
        let blocks = crate::text::blocks::split(&text);
        let off: Vec<Range<usize>> = blocks
            .lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::Noise(_)))
            .map(|l| l.span.clone())
            .collect();
        assert_eq!(off, vec![0..text.find('\n').unwrap()]);
        let at = |range: Range<usize>| Finding {
            rule: "body-date-format".into(),
            severity: Info,
            message: String::new(),
            span: None,
            suggestion: None,
            range: Some(range),
        };
        let kept = on_the_report(vec![at(3..6), at(off[0].end + 1..off[0].end + 4)], &off);
        assert_eq!(kept, vec![at(off[0].end + 1..off[0].end + 4)]);
    }

    #[test]
    fn numbering_gap_and_repeat() {
        let text = clean_with("（三）深化普法宣传", "（四）深化普法宣传");
        assert_eq!(fired("numbering-gap", &text), vec!["（四）"]);
        let text = clean_with("（三）深化普法宣传", "（二）深化普法宣传");
        assert_eq!(fired("numbering-repeat", &text), vec!["（二）"]);
        assert_eq!(fired("numbering-gap", &text), Vec::<String>::new());
    }

    #[test]
    fn numbering_mixed() {
        // Seed 004: `1、` where 一、 belongs, among 二、三、四、.
        let text = clean_with("一、2023年度推进", "1、 2023年度推进");
        assert_eq!(fired("numbering-mixed", &text), vec!["1、"]);
        let f = lint_text(&text);
        let f = f.iter().find(|f| f.rule == "numbering-mixed").unwrap();
        assert_eq!(f.suggestion.as_deref(), Some("一、"));
        // 1. beside 1、 under the same heading.
        let text = clean_with(
            "（一）加强干部学法用法，每季度组织集中学法1次。\n（二）完善重大行政决策程序，落实合法性审查制度。\n",
            "1.加强干部学法用法，每季度组织集中学法1次。\n2.完善重大行政决策程序，落实合法性审查制度。\n3、健全行政执法监督。\n",
        );
        assert_eq!(fired("numbering-mixed", &text), vec!["3、"]);
        // One style throughout: no finding.
        assert_eq!(fired("numbering-mixed", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn marker_punctuation() {
        let text = clean_with("（二）规范行政执法", "（二）、规范行政执法");
        assert_eq!(fired("marker-punctuation", &text), vec!["（二）、"]);
        let text = clean_with("五、其他需要", "五.其他需要");
        assert_eq!(fired("marker-punctuation", &text), vec!["五."]);
        assert_eq!(fired("marker-punctuation", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn arabic_comma() {
        let list = "（一）加强干部学法用法，每季度组织集中学法1次。\n";
        let text = clean_with(
            list,
            &format!("{list}1、组织专题讲座。\n2、开展旁听庭审。\n"),
        );
        assert_eq!(fired("arabic-comma", &text), vec!["1、"]);
        let text = clean_with(list, &format!("{list}1.组织专题讲座。\n2.开展旁听庭审。\n"));
        assert_eq!(fired("arabic-comma", &text), Vec::<String>::new());
    }

    #[test]
    fn level_skipped() {
        // 一、 → （1）: two levels down.
        let text = clean_with("（一）强化组织领导", "（1）强化组织领导");
        assert!(fired("level-skipped", &text).contains(&"（1）".to_string()));
        // 一、 → 1. where the other sections use （一）.
        let text = clean_with(
            "（一）加强干部学法用法，每季度组织集中学法1次。\n（二）完善",
            "1.加强干部学法用法，每季度组织集中学法1次。\n2.完善",
        );
        assert_eq!(fired("level-skipped", &text), vec!["1."]);
        // A two-level document may go 一、 → 1. (GB/T 9704).
        let two = "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n1.强化组织领导。召开专题会议4次。\n2.规范行政执法。\n二、存在的不足和原因\n1.法律素养有待提高。\n";
        assert_eq!(fired("level-skipped", two), Vec::<String>::new());
        // （一） before any 一、.
        let text = clean_with(
            "一、2023年度推进",
            "（一）总体情况\n全镇法治政府建设稳步推进。\n一、2023年度推进",
        );
        assert_eq!(fired("level-skipped", &text), vec!["（一）"]);
    }

    #[test]
    fn year_mismatch() {
        // The plans section names the report's own year.
        let text = clean_with("四、2024年度推进", "四、2023年度推进");
        assert_eq!(fired("year-mismatch", &text), vec!["2023年"]);
        // The lead-in names another year.
        let text = clean_with("现将2023年度法治", "现将2022年度法治");
        assert_eq!(fired("year-mismatch", &text), vec!["2022年"]);
        // A measures heading of last year.
        let text = clean_with("一、2023年度推进", "一、2022年度推进");
        assert_eq!(fired("year-mismatch", &text), vec!["2022年"]);
        // Plan ranges and earlier years in the body are no finding.
        assert_eq!(fired("year-mismatch", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn year_mismatch_counts_only_the_reports_own_text() {
        // No title; the page header's date widget is of another year (web001's site header).
        let untitled = CLEAN.split_once('\n').unwrap().1;
        let text = format!("天津市静海区人民政府 2019年12月3日星期二\n{untitled}");
        assert_eq!(fired("year-mismatch", &text), Vec::<String>::new());
        let text = format!("2019年12月3日 星期二\n{untitled}");
        assert_eq!(fired("year-mismatch", &text), Vec::<String>::new());
        // Without a title the lead-in names the year; an opening of another year is still found.
        let text = untitled.replacen("2023年，岗集镇", "2022年，岗集镇", 1);
        assert_eq!(fired("year-mismatch", &text), vec!["2022年"]);
    }

    #[test]
    fn year_mismatch_allows_next_years_plans_in_the_lead_in() {
        let lead_in = "现将2023年度法治政府建设情况报告如下";
        // The 2024 of a 2023 report is the plans' year.
        for plans in ["2024年度工作思路", "2024年工作计划", "2024年工作打算"] {
            let text = clean_with(
                lead_in,
                &format!("现将我镇2023年法治建设工作情况及{plans}总结如下"),
            );
            assert_eq!(
                fired("year-mismatch", &text),
                Vec::<String>::new(),
                "{plans}"
            );
        }
        // Two years ahead, or next year's work without a plan word: a slip.
        let text = clean_with(
            lead_in,
            "现将我镇2023年法治建设工作情况及2025年度工作思路总结如下",
        );
        assert_eq!(fired("year-mismatch", &text), vec!["2025年"]);
        let text = clean_with(lead_in, "现将2024年度法治政府建设情况报告如下");
        assert_eq!(fired("year-mismatch", &text), vec!["2024年"]);
    }

    #[test]
    fn repeated_lead_in() {
        // Seed 001.
        let text = clean_with(
            "现将2023年度法治政府建设情况报告如下：",
            "现将有关情况报告如下：现将我镇2023年法治政府建设工作有关情况报告如下：",
        );
        assert_eq!(
            fired("repeated-lead-in", &text),
            vec!["现将我镇2023年法治政府建设工作有关情况报告如下："]
        );
        assert_eq!(fired("repeated-lead-in", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn duplicate_sentence() {
        let s = "镇党委书记、镇长严格履行第一责任人职责";
        let text = clean_with(
            "无。\n",
            &format!(
                "{s}，全年主持召开法治建设专题会议3次，带头学习《中华人民共和国行政处罚法》。\n"
            ),
        );
        assert_eq!(fired("duplicate-sentence", &text).len(), 1);
        // Short formulas repeat legitimately.
        let text = clean_with("无。\n", "强化组织领导。\n");
        assert_eq!(fired("duplicate-sentence", &text), Vec::<String>::new());
    }

    #[test]
    fn duplicate_sentence_skips_a_title_shown_twice() {
        // web001: the page's title, its metadata, then the document's title.
        let page = "静海区2023年度法治政府建设情况报告\n来源:静海区人民政府办公室 发布时间:2024-03-28 09:18\n";
        let text = format!("{page}{CLEAN}").replacen(
            "长丰县岗集镇人民政府关于2023年度法治政府建设情况的报告",
            "静海区2023年度法治政府建设情况报告",
            1,
        );
        assert_eq!(fired("duplicate-sentence", &text), Vec::<String>::new());
        // A lead-in sentence written twice before the first heading is a slip.
        let s = "岗集镇在县委、县政府的坚强领导下深入学习贯彻习近平法治思想。";
        let text = clean_with(
            "中共长丰县委、长丰县人民政府：\n",
            &format!("中共长丰县委、长丰县人民政府：\n{s}\n{s}\n"),
        );
        assert_eq!(fired("duplicate-sentence", &text).len(), 1);
    }

    #[test]
    fn placeholder() {
        for (line, spot) in [
            ("XX镇人民政府召开专题会议", "XX"),
            ("于20XX年完成", "XX"),
            ("负责人×××同志", "×××"),
            ("开展普法活动**次", "**"),
            ("*区司法局指导", "*"),
            ("某某镇法治工作", "某某"),
            ("〇〇村委会", "〇〇"),
            ("共开展___场", "___"),
        ] {
            let text = clean_with("无。", line);
            assert_eq!(fired("placeholder", &text), vec![spot], "{line}");
        }
        for line in [
            "二〇〇〇年以来",
            "配备X光安检机",
            "调解当事人王某某与李某的纠纷",
            "面积3×4米",
            "Windows XP 系统",
            "某村村民",
        ] {
            let text = clean_with("无。", line);
            assert_eq!(fired("placeholder", &text), Vec::<String>::new(), "{line}");
        }
    }

    #[test]
    fn unbalanced_bracket() {
        let text = clean_with("无。", "完善村（居民自治章程。");
        assert_eq!(fired("unbalanced-bracket", &text), vec!["（"]);
        let text = clean_with("无。", "开展“法律明白人培训。");
        assert_eq!(fired("unbalanced-bracket", &text), vec!["“"]);
        let text = clean_with("无。", "学习《宪法，遵守法律。");
        assert_eq!(fired("unbalanced-bracket", &text), vec!["《"]);
        // Numbered lists close with a lone `)`.
        let text = clean_with("无。", "重点有:1)学法;2)普法。");
        assert_eq!(fired("unbalanced-bracket", &text), Vec::<String>::new());
    }

    #[test]
    fn citation_near_miss_and_superseded() {
        let text = clean_with(
            "《法治政府建设实施纲要（2021—2025年）》",
            "《法治中国建设规（2020-2025年）》",
        );
        assert_eq!(
            fired("citation-near-miss", &text),
            vec!["《法治中国建设规（2020-2025年）》"]
        );
        let text = clean_with("《中华人民共和国行政处罚法》", "国务院《信访条例》");
        assert_eq!(fired("citation-superseded", &text), vec!["《信访条例》"]);
        let text = clean_with("《中华人民共和国行政处罚法》", "《青海省信访条例》");
        assert_eq!(fired("citation-superseded", &text), Vec::<String>::new());
    }

    #[test]
    fn title_in_quotes() {
        let text = clean_with("无。", "深入学习“民法典”、“宪法”等法律法规。");
        assert_eq!(fired("title-in-quotes", &text), vec!["“民法典”", "“宪法”"]);
        let text = clean_with("无。", "开展“宪法宣传周”活动。");
        assert_eq!(fired("title-in-quotes", &text), Vec::<String>::new());
    }

    #[test]
    fn halfwidth_punctuation() {
        let text = clean_with("无。", "围绕法治政府建设,扎实开展法治宣传;成效明显。");
        let f: Vec<_> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "halfwidth-punctuation")
            .collect();
        assert_eq!(f.len(), 1, "one finding per paragraph");
        assert!(f[0].message.contains('2'));
        // Between figures or Latin text: not Chinese body text.
        let text = clean_with("无。", "完成率为95.5%,同比增长2,000元/人,APP:浙里办。");
        assert_eq!(fired("halfwidth-punctuation", &text), Vec::<String>::new());
        // Many paragraphs: one finding for the whole text.
        let lines: Vec<String> = CLEAN.lines().map(|l| l.replace('，', ",")).collect();
        let f: Vec<_> = lint_text(&(lines.join("\n") + "\n"))
            .into_iter()
            .filter(|f| f.rule == "halfwidth-punctuation")
            .collect();
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("全文"));
    }

    #[test]
    fn date_format() {
        for (date, want) in [
            ("二〇二四年一月十日", "2024年1月10日"),
            ("2024.1.10", "2024年1月10日"),
            ("2024-01-10", "2024年1月10日"),
            ("2024年01月10日", "2024年1月10日"),
        ] {
            let text = clean_with("2024年1月10日", date);
            let f: Vec<_> = lint_text(&text)
                .into_iter()
                .filter(|f| f.rule == "date-format")
                .collect();
            assert_eq!(f.len(), 1, "{date}");
            assert_eq!(f[0].suggestion.as_deref(), Some(want));
        }
        assert_eq!(fired("date-format", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn body_date_format() {
        let text = clean_with("无。", "2023.12.20召开会议，2023年05月完成整改。");
        assert_eq!(fired("body-date-format", &text), vec!["2023.12.20", "05月"]);
        let text = clean_with(
            "无。",
            "开展“3.15”消费者权益日、“6.26”国际禁毒日活动，2021-2025年规划。",
        );
        assert_eq!(fired("body-date-format", &text), Vec::<String>::new());
    }

    #[test]
    fn findings_come_report_wide_first_then_by_position() {
        let text = clean_with("中共长丰县委、长丰县人民政府：\n", "")
            .replacen("（三）深化", "（四）深化", 1)
            .replace("无。", "XX镇");
        let f = lint_text(&text);
        assert!(f[0].range.is_none());
        let starts: Vec<usize> = f
            .iter()
            .filter_map(|f| f.range.as_ref().map(|r| r.start))
            .collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in [
            "",
            "《",
            "）",
            "“",
            "20XX",
            "1、\n1、\n",
            "（一）\n（一）\n（三）",
            "2023.1",
            "05",
            "某某",
        ] {
            let _ = lint_text(t);
        }
    }
}
