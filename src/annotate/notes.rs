//! What each comment says: a summary on the title (score, missing parts, findings by
//! severity) and one per finding (its message and suggestion), the dismissed findings left out.

use serde::Deserialize;

use crate::model::Report;
use crate::render::severity_zh;
use crate::review::lints::{Finding, Severity};

/// The author every comment is signed with.
pub const AUTHOR: &str = "法治报告审阅";

/// A finding the reviewer set aside before exporting, and why.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Dismissal {
    /// The finding's rule (`numbering-gap`, …).
    pub rule: String,
    /// The UTF-16 start of its span (None for a finding about the whole report).
    pub start: Option<u32>,
    /// Its message, when given: tells apart findings of one rule about the whole report (two
    /// missing parts are two `missing-part` findings without a span).
    #[serde(default)]
    pub message: Option<String>,
    /// Why it was set aside (kept for the reviewer; not exported).
    #[serde(default)]
    pub reason: String,
}

impl Dismissal {
    /// Whether this dismissal is of that finding.
    pub fn covers(&self, f: &Finding) -> bool {
        self.rule == f.rule
            && self.start == f.span.map(|s| s.0)
            && self.message.as_ref().is_none_or(|m| *m == f.message)
    }
}

/// The findings a reviewer kept, in the report's order.
pub fn kept<'r>(report: &'r Report, dismissed: &[Dismissal]) -> Vec<&'r Finding> {
    report
        .findings
        .iter()
        .filter(|f| !dismissed.iter().any(|d| d.covers(f)))
        .collect()
}

/// One comment: where it belongs (a byte offset into the analyzed text; None for the whole
/// report) and its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Byte offset into `Report::text` of what it is about.
    pub at: Option<usize>,
    /// Its length in bytes (the finding's span, the title; 0 when unknown).
    pub len: usize,
    /// The comment's paragraphs.
    pub lines: Vec<String>,
}

/// The byte offset of a UTF-16 offset into `text`.
pub fn byte_of(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (i, c) in text.char_indices() {
        if units >= utf16 {
            return i;
        }
        units += c.len_utf16() as u32;
    }
    text.len()
}

/// How many findings of each severity: (errors, warnings, infos).
pub fn by_severity(findings: &[&Finding]) -> (usize, usize, usize) {
    let n = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    (n(Severity::Error), n(Severity::Warning), n(Severity::Info))
}

/// The summary's first line: score, missing parts, findings by severity.
pub fn summary_line(report: &Report, findings: &[&Finding]) -> String {
    let score = report.score.as_ref().map_or("未评分".to_string(), |s| {
        format!("得分 {}/100", number(s.total))
    });
    let missing: Vec<&str> = report
        .parts
        .iter()
        .filter(|p| !p.present)
        .map(|p| p.label.as_str())
        .collect();
    let parts = if missing.is_empty() {
        "五项内容齐全".to_string()
    } else {
        format!("缺少{}项：{}", missing.len(), missing.join("、"))
    };
    let (e, w, i) = by_severity(findings);
    format!(
        "审阅摘要：{score}；{parts}；问题 {} 条（错误 {e}、警告 {w}、提示 {i}）。",
        findings.len()
    )
}

/// A score as written: no trailing `.0`.
pub fn number(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// A finding's comment text: severity and message, then the suggestion.
pub fn finding_lines(f: &Finding) -> Vec<String> {
    let (_, label) = severity_zh(f.severity);
    let mut lines = vec![format!("【{label}】{}", f.message)];
    if let Some(s) = &f.suggestion {
        lines.push(format!("建议：{s}"));
    }
    lines
}

/// The comments of a report: the summary first (on the title), then one per kept finding that
/// has a place; findings about the whole report go into the summary.
pub fn notes(report: &Report, dismissed: &[Dismissal]) -> Vec<Note> {
    let findings = kept(report, dismissed);
    let mut summary = vec![summary_line(report, &findings)];
    let mut out = Vec::new();
    for f in &findings {
        match &f.range {
            Some(r) => out.push(Note {
                at: Some(r.start),
                len: r.len(),
                lines: finding_lines(f),
            }),
            None => summary.extend(finding_lines(f).into_iter().map(|l| format!("· {l}"))),
        }
    }
    let set_aside = report.findings.len() - findings.len();
    if set_aside > 0 {
        summary.push(format!("另有 {set_aside} 条已由审阅人排除。"));
    }
    let title = report
        .meta
        .title_span
        .map(|s| byte_of(&report.text, s.0)..byte_of(&report.text, s.1));
    out.insert(
        0,
        Note {
            at: title.as_ref().map(|t| t.start),
            len: title.map_or(0, |t| t.len()),
            lines: summary,
        },
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "关于2023年度法治政府建设情况的报告\n一、2023年主要举措和成效\n（一）加强领导\n（三）完善制度\n二、存在的不足和原因\n三、2024年工作安排\n";

    #[test]
    fn the_summary_counts_findings_and_names_missing_parts() {
        let r = crate::analyze(REPORT, "t.txt");
        let n = notes(&r, &[]);
        let first = &n[0].lines[0];
        assert!(first.starts_with("审阅摘要：得分 "), "{first}");
        assert!(first.contains("第一责任人"), "part 3 is missing: {first}");
        assert!(
            first.contains(&format!("问题 {} 条", r.findings.len())),
            "{first}"
        );
        assert_eq!(n[0].at, Some(0), "on the title");
    }

    #[test]
    fn each_placed_finding_is_a_note_at_its_start_and_dismissed_ones_are_not() {
        let r = crate::analyze(REPORT, "t.txt");
        let gap = r
            .findings
            .iter()
            .find(|f| f.rule == "numbering-gap")
            .expect("（一） then （三）");
        let at = gap.range.as_ref().unwrap().start;
        assert!(REPORT[at..].starts_with("（三）"), "{}", &REPORT[at..]);
        let n = notes(&r, &[]);
        assert!(
            n.iter()
                .any(|x| x.at == Some(at) && x.lines[0].contains(&gap.message))
        );
        let d = Dismissal {
            rule: gap.rule.clone(),
            start: gap.span.map(|s| s.0),
            message: None,
            reason: "原文如此".into(),
        };
        let n2 = notes(&r, &[d]);
        assert!(!n2.iter().any(|x| x.at == Some(at)));
        assert_eq!(n2.len(), n.len() - 1);
        assert!(n2[0].lines.iter().any(|l| l == "另有 1 条已由审阅人排除。"));
    }

    #[test]
    fn a_message_tells_apart_report_wide_findings_of_one_rule() {
        let r = crate::analyze(
            "关于2026年度法治政府建设情况的报告\n一、主要举措和成效\n推进依法行政。\n",
            "t.txt",
        );
        let missing: Vec<&Finding> = r
            .findings
            .iter()
            .filter(|f| f.rule == "missing-part")
            .collect();
        assert!(missing.len() >= 2, "{:?}", r.findings);
        let of = |f: &Finding, message: Option<String>| Dismissal {
            rule: f.rule.clone(),
            start: None,
            message,
            reason: String::new(),
        };
        // With its message, only that one; without, every report-wide finding of the rule.
        let one = of(missing[0], Some(missing[0].message.clone()));
        assert!(one.covers(missing[0]) && !one.covers(missing[1]));
        let all = of(missing[0], None);
        assert!(missing.iter().all(|f| all.covers(f)));
    }

    #[test]
    fn utf16_offsets_map_to_bytes() {
        let t = "a𠀀法b";
        assert_eq!(byte_of(t, 0), 0);
        assert_eq!(byte_of(t, 1), 1);
        assert_eq!(byte_of(t, 3), 5);
        assert_eq!(byte_of(t, 4), 8);
        assert_eq!(byte_of(t, 99), t.len());
    }
}
