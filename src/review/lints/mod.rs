//! Lints: the problems a reviewer would send back — a mandated part missing, numbering gaps and
//! mixed styles, skipped levels, inconsistent years, repeated sentences, template placeholders,
//! unbalanced brackets, half-width punctuation, dates not in GB/T 9704 form, missing formal
//! elements. Rules live in one table; each finding names its rule.
//!
//! Here: the table ([`RULES`]), the findings, and the driver ([`lint`]) that runs each group of
//! rules and drops what points into page chrome. The rules themselves, one file per group:
//! `parts` (missing parts, formal elements), `numbering` (numbers and levels), `years`,
//! `repeats` (text written twice), `placeholders` (placeholders and brackets), `citations`,
//! `punctuation` (punctuation and dates).

use std::ops::Range;

use serde::Serialize;

use crate::review::citations::Citation;
use crate::review::facts::Figure;
use crate::span::Span;
use crate::structure::classify::PartCarriers;
use crate::structure::meta::MetaFacts;
use crate::structure::outline::OutlineHeading;
use crate::text::blocks::{Blocks, LineKind};

mod citations;
mod numbering;
mod parts;
mod placeholders;
mod punctuation;
mod repeats;
mod years;

pub use years::PLAN_WORDS;

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
    parts::missing_parts(&mut sink);
    parts::formal_elements(&mut sink);
    numbering::numbering(&mut sink);
    numbering::levels(&mut sink);
    years::years(&mut sink);
    repeats::lead_in(&mut sink);
    repeats::duplicates(&mut sink);
    placeholders::placeholders(&mut sink);
    placeholders::brackets(&mut sink);
    citations::citations(&mut sink);
    punctuation::halfwidth(&mut sink);
    punctuation::dates(&mut sink);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::structure::meta::find_closing;

    /// A report that follows every rule: title, 主送, lead-in, the five parts, figures, 落款.
    pub(super) const CLEAN: &str = "长丰县岗集镇人民政府关于2023年度法治政府建设情况的报告
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

    pub(super) fn lint_text(text: &str) -> Vec<Finding> {
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
    pub(super) fn fired(rule: &str, text: &str) -> Vec<String> {
        lint_text(text)
            .into_iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.range.map_or(String::new(), |r| text[r].to_string()))
            .collect()
    }

    /// The clean report with one line replaced.
    pub(super) fn clean_with(from: &str, to: &str) -> String {
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
