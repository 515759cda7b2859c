//! Facts: every quantity the report states — counts with their unit (件, 次, 人次, 万元…),
//! percentages, Chinese numerals, approximations (`余`, `超过`), ranges, zero said in words
//! (`无被申请行政复议案件`) — each with the subject it counts and a span. Not figures: years,
//! dates, ordinals, plan ranges (`2021-2025年`), document numbers (`〔2023〕5号`), `八五普法`.
//!
//! A number is a figure only when a unit of [`UNITS`] follows it: that one rule keeps years
//! (`2023年`), dates (`12月20日`), times (`9:00`), phone numbers and document numbers (`5号`) out.
//! The tables [`EXCLUDED_BEFORE`], [`EXCLUDED_AFTER`] and [`EXCLUDED_PHRASES`] take out what
//! has a unit but is not a quantity (`第3条`, `十五次党代会`, `三项制度`). Scanning runs on each
//! paragraph's normalized text (`，` already `,`, `％` already `%`) and maps back to raw bytes.
//!
//! Here: the figure ([`Figure`]), the driver ([`figures`]) that scans each paragraph, and
//! [`clause_around`]. The parts, one file each: `found` (what the scanners return), `units` (the tables above, with the qualifiers),
//! `numbers` (the scanner), `subject` (what a figure counts), `zeros` (zero said in words).

use std::ops::Range;

use serde::Serialize;

use crate::span::Span;
use crate::text::blocks::Blocks;
use crate::text::normalize::display;

mod found;
mod numbers;
mod subject;
mod units;
mod zeros;

pub use found::Approx;
use found::Found;
pub use subject::{AFTER_NOT_SUBJECT, SUBJECT_LEADING_NOISE, SUBJECT_TRAILING_NOISE};
pub use units::{EXCLUDED_AFTER, EXCLUDED_BEFORE, EXCLUDED_PHRASES, Place, QUALIFIERS, UNITS};
pub use zeros::{COUNTED, ZERO_CUES};

/// A quantity stated in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The number (for a range, its lower end; 0 for zero said in words).
    pub value: f64,
    /// The unit as written (`件`, `次`, `人次`, `%`, `万元`…).
    pub unit: String,
    /// How exact it is.
    pub approx: Approx,
    /// Lower bound, where one is known.
    pub lower: Option<f64>,
    /// Upper bound, where one is known.
    pub upper: Option<f64>,
    /// What it counts: the phrase before it in its clause (`调解成功`, `法律咨询服务`).
    pub subject: String,
    /// The figure as written (`2万多份`, `95.45%`, `无被申请行政复议案件`).
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Byte range in the analyzed text (the model turns it into `span`).
    #[serde(skip)]
    pub range: Range<usize>,
}

/// Finds the figures of the report's text blocks, in document order.
pub fn figures(text: &str, blocks: &Blocks) -> Vec<Figure> {
    let mut out = Vec::new();
    for b in &blocks.blocks {
        let found = scan(&b.norm.text);
        for f in found {
            let range = b.norm.raw_span(f.at.clone());
            let subject = f
                .subject
                .as_ref()
                .filter(|r| r.start < r.end)
                .map(|r| display(text.get(b.norm.raw_span(r.clone())).unwrap_or("")))
                .unwrap_or_default();
            out.push(Figure {
                value: f.value,
                unit: f.unit.to_string(),
                approx: f.approx,
                lower: f.lower,
                upper: f.upper,
                subject,
                text: text.get(range.clone()).unwrap_or("").to_string(),
                span: Span::default(),
                range,
            });
        }
    }
    out
}

/// All figures of one normalized paragraph, in order.
fn scan(s: &str) -> Vec<Found> {
    let mut found = numbers::numbers(s);
    let zeros = zeros::zeros(s, &found);
    if !zeros.is_empty() {
        found.extend(zeros);
        found.sort_by_key(|f| f.at.start);
    }
    found
}

/// The clause of the analyzed text around a byte range, for cue words near a figure.
pub fn clause_around(text: &str, r: &Range<usize>) -> Range<usize> {
    const MAX: usize = 240; // bytes each way: a clause is short; stay linear on odd input
    const ENDS: &[char] = &[
        '，', ',', '。', '；', ';', '：', ':', '！', '!', '？', '?', '\n',
    ];
    let mut a = r.start.min(text.len());
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let lo = a.saturating_sub(MAX);
    let start = text[..a]
        .char_indices()
        .rev()
        .take_while(|(k, _)| *k >= lo)
        .find(|(_, c)| ENDS.contains(c))
        .map_or(lo, |(k, c)| k + c.len_utf8());
    let mut b = r.end.clamp(a, text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let end = text[b..]
        .char_indices()
        .take_while(|(k, _)| *k <= MAX)
        .find(|(_, c)| ENDS.contains(c))
        .map_or((b + MAX).min(text.len()), |(k, _)| b + k);
    let mut start = start;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = end.max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text as written, value, unit, approx, subject) of each figure of one paragraph.
    pub(super) fn figs(line: &str) -> Vec<(String, f64, String, Approx, String)> {
        let b = crate::text::blocks::split(line);
        figures(line, &b)
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.approx, f.subject))
            .collect()
    }

    pub(super) fn one(line: &str) -> (String, f64, String, Approx, String) {
        let mut v = figs(line);
        assert_eq!(v.len(), 1, "one figure in {line}: {v:?}");
        v.remove(0)
    }

    pub(super) fn none(line: &str) {
        assert_eq!(figs(line), vec![], "no figure in {line}");
    }

    pub(super) fn f(
        text: &str,
        value: f64,
        unit: &str,
        approx: Approx,
        subject: &str,
    ) -> (String, f64, String, Approx, String) {
        (text.into(), value, unit.into(), approx, subject.into())
    }

    use Approx::*;

    #[test]
    fn counts_with_their_subject() {
        assert_eq!(
            figs(
                "截至目前，共开展各类矛盾纠纷排查500余次，调处矛盾纠纷44件，调解成功42件，调处成功率95.45%。"
            ),
            vec![
                f("500余次", 500.0, "次", AtLeast, "矛盾纠纷排查"),
                f("44件", 44.0, "件", Exact, "调处矛盾纠纷"),
                f("42件", 42.0, "件", Exact, "调解成功"),
                f("95.45%", 95.45, "%", Exact, "调处成功率"),
            ]
        );
    }

    #[test]
    fn spans_slice_the_raw_text_across_wrapped_lines() {
        let text = "营造了浓厚的法治宣传氛围。2023年以来驻村法律顾问提供法律咨询服务超过100人\n  次,开展法治讲座超过20场次;全镇各单位、各部门举办各类宣传警示教育活动超过60场次,发放宣\n传资料2万多份,惠及15000人次。";
        let b = crate::text::blocks::split(text);
        let v = figures(text, &b);
        let got: Vec<_> = v
            .iter()
            .map(|f| (&text[f.range.clone()], f.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("超过100人\n  次", "超过100人\n  次"),
                ("超过20场次", "超过20场次"),
                ("超过60场次", "超过60场次"),
                ("2万多份", "2万多份"),
                ("15000人次", "15000人次"),
            ]
        );
        assert_eq!(v[0].subject, "驻村法律顾问提供法律咨询服务");
        assert_eq!(v[3].subject, "宣传资料");
    }

    #[test]
    fn long_clauses_stay_linear() {
        // One clause of 100 000 chars: cues without end, figures without delimiters.
        for unit in ["无被", "1件", "一", "未被案件", "2-", "超过"] {
            let t = unit.repeat(100_000 / unit.chars().count());
            let b = crate::text::blocks::split(&t);
            let started = std::time::Instant::now();
            let _ = figures(&t, &b);
            assert!(started.elapsed().as_secs() < 5, "{unit}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "%",
            "1",
            "一",
            "第",
            "2-",
            "2至",
            "超过",
            "无",
            "零",
            "1.",
            "〔",
            "１２３４５６７８９０１２３４５６７８９０１２３件",
        ] {
            let b = crate::text::blocks::split(t);
            let _ = figures(t, &b);
        }
        let r = clause_around("调解成功42件", &(12..17));
        assert_eq!(&"调解成功42件"[r], "调解成功42件");
    }
}
