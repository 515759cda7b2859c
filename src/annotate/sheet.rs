//! The 审阅意见 sheet: issuer, year, the five parts ✔/✘, each kept finding with its place
//! (section heading and a quote), the scorecard, and lines to sign — as Markdown or .docx.

use super::notes::{self, Dismissal, by_severity, kept, number};
use super::wordml::{self, NewDocument};
use crate::model::{Heading, Report};
use crate::render::severity_zh;

/// One finding on the sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// 错误 / 警告 / 提示.
    pub severity: &'static str,
    /// The headings it lies under (`一、… › （二）…`), or 全文.
    pub place: String,
    /// The text it is about, on one line, shortened.
    pub quote: String,
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub suggestion: String,
}

/// One scorecard item: name, points, points possible, why.
pub type ScoreLine = (String, f64, f64, String);

/// Everything the sheet shows, gathered once for either form.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// The report's title or file name.
    pub title: String,
    /// 发文机关.
    pub issuers: String,
    /// 年度.
    pub year: String,
    /// 成文日期.
    pub date: String,
    /// The summary line of the comments (score, missing parts, counts).
    pub summary: String,
    /// The five parts and whether each is present.
    pub parts: Vec<(String, bool)>,
    /// The kept findings, in the report's order.
    pub rows: Vec<Row>,
    /// Findings by severity: (errors, warnings, infos).
    pub counts: (usize, usize, usize),
    /// How many findings the reviewer set aside.
    pub dismissed: usize,
    /// The scorecard: total and its items.
    pub score: Option<(f64, Vec<ScoreLine>)>,
}

/// The most a quote shows, in characters.
const QUOTE_CHARS: usize = 30;

/// The headings above a UTF-16 offset, outermost first.
fn place_of(outline: &[Heading], at: u32) -> String {
    let mut path = Vec::new();
    let mut level = outline;
    while let Some(h) = level.iter().rev().find(|h| h.span.0 <= at) {
        let title: String = format!("{}{}", h.marker, h.title)
            .chars()
            .take(20)
            .collect();
        path.push(title);
        level = &h.children;
    }
    if path.is_empty() {
        "全文".into()
    } else {
        path.join(" › ")
    }
}

fn quote(text: &str, range: &std::ops::Range<usize>) -> String {
    let s = text.get(range.clone()).unwrap_or("");
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() > QUOTE_CHARS {
        format!("{}…", one.chars().take(QUOTE_CHARS).collect::<String>())
    } else {
        one
    }
}

/// The sheet of a report, without the dismissed findings.
pub fn sheet(report: &Report, dismissed: &[Dismissal]) -> Sheet {
    let findings = kept(report, dismissed);
    let m = &report.meta;
    let rows = findings
        .iter()
        .map(|f| Row {
            severity: severity_zh(f.severity).1,
            place: f
                .span
                .map_or("全文".into(), |s| place_of(&report.outline, s.0)),
            quote: f
                .range
                .as_ref()
                .map_or(String::new(), |r| quote(&report.text, r)),
            message: f.message.clone(),
            suggestion: f.suggestion.clone().unwrap_or_default(),
        })
        .collect();
    Sheet {
        title: m
            .title
            .clone()
            .unwrap_or_else(|| report.source.name.clone()),
        issuers: if m.issuers.is_empty() {
            "—".into()
        } else {
            m.issuers.join("、")
        },
        year: m.year.map_or("—".into(), |y| format!("{y} 年度")),
        date: m.date.clone().unwrap_or_else(|| "—".into()),
        summary: notes::summary_line(report, &findings),
        parts: report
            .parts
            .iter()
            .map(|p| (p.label.clone(), p.present))
            .collect(),
        counts: by_severity(&findings),
        dismissed: report.findings.len() - findings.len(),
        rows,
        score: report.score.as_ref().map(|s| {
            (
                s.total,
                s.items
                    .iter()
                    .map(|i| (i.label.clone(), i.points, i.max, i.why.clone()))
                    .collect(),
            )
        }),
    }
}

/// Text safe inside a Markdown table cell.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn mark(present: bool) -> &'static str {
    if present { "✔" } else { "✘" }
}

/// The sheet as Markdown.
pub fn markdown(s: &Sheet) -> String {
    let mut out = format!("# 审阅意见\n\n**{}**\n\n", cell(&s.title));
    out += "| 发文机关 | 年度 | 成文日期 |\n| --- | --- | --- |\n";
    out += &format!(
        "| {} | {} | {} |\n\n{}\n\n",
        cell(&s.issuers),
        cell(&s.year),
        cell(&s.date),
        s.summary
    );
    out += "## 五项法定内容\n\n| 内容 | 情况 |\n| --- | --- |\n";
    for (label, present) in &s.parts {
        out += &format!("| {} | {} |\n", cell(label), mark(*present));
    }
    let (e, w, i) = s.counts;
    out += &format!(
        "\n## 问题（{} 条：错误 {e}、警告 {w}、提示 {i}）\n\n",
        s.rows.len()
    );
    if s.rows.is_empty() {
        out += "未发现问题。\n";
    } else {
        out += "| # | 级别 | 位置 | 原文 | 问题 | 建议 |\n| --- | --- | --- | --- | --- | --- |\n";
        for (k, r) in s.rows.iter().enumerate() {
            out += &format!(
                "| {} | {} | {} | {} | {} | {} |\n",
                k + 1,
                r.severity,
                cell(&r.place),
                cell(&r.quote),
                cell(&r.message),
                cell(&r.suggestion)
            );
        }
    }
    if s.dismissed > 0 {
        out += &format!("\n另有 {} 条已由审阅人排除。\n", s.dismissed);
    }
    if let Some((total, items)) = &s.score {
        out += &format!(
            "\n## 评分：{} / 100\n\n| 项目 | 得分 | 说明 |\n| --- | --- | --- |\n",
            number(*total)
        );
        for (label, points, max, why) in items {
            out += &format!(
                "| {} | {} / {} | {} |\n",
                cell(label),
                number(*points),
                number(*max),
                cell(why)
            );
        }
    }
    out += "\n审阅人：__________　　审阅日期：__________　　签字：__________\n";
    out
}

/// The sheet as a .docx: the same content, tables as Word tables.
pub fn docx(s: &Sheet) -> Vec<u8> {
    let mut d = NewDocument::new();
    d.paragraph(Some("Title"), "审阅意见", false);
    d.paragraph(None, &s.title, true);
    d.table(&[
        vec!["发文机关".into(), "年度".into(), "成文日期".into()],
        vec![s.issuers.clone(), s.year.clone(), s.date.clone()],
    ]);
    d.paragraph(None, &s.summary, false);
    d.paragraph(Some("Heading1"), "五项法定内容", false);
    let mut parts = vec![vec!["内容".to_string(), "情况".to_string()]];
    parts.extend(
        s.parts
            .iter()
            .map(|(l, p)| vec![l.clone(), mark(*p).to_string()]),
    );
    d.table(&parts);
    let (e, w, i) = s.counts;
    d.paragraph(
        Some("Heading1"),
        &format!("问题（{} 条：错误 {e}、警告 {w}、提示 {i}）", s.rows.len()),
        false,
    );
    if s.rows.is_empty() {
        d.paragraph(None, "未发现问题。", false);
    } else {
        let mut rows = vec![
            ["#", "级别", "位置", "原文", "问题", "建议"]
                .map(String::from)
                .to_vec(),
        ];
        rows.extend(s.rows.iter().enumerate().map(|(k, r)| {
            vec![
                (k + 1).to_string(),
                r.severity.to_string(),
                r.place.clone(),
                r.quote.clone(),
                r.message.clone(),
                r.suggestion.clone(),
            ]
        }));
        d.table(&rows);
    }
    if s.dismissed > 0 {
        d.paragraph(
            None,
            &format!("另有 {} 条已由审阅人排除。", s.dismissed),
            false,
        );
    }
    if let Some((total, items)) = &s.score {
        d.paragraph(
            Some("Heading1"),
            &format!("评分：{} / 100", number(*total)),
            false,
        );
        let mut rows = vec![vec!["项目".to_string(), "得分".into(), "说明".into()]];
        rows.extend(items.iter().map(|(l, p, m, why)| {
            vec![
                l.clone(),
                format!("{} / {}", number(*p), number(*m)),
                why.clone(),
            ]
        }));
        d.table(&rows);
    }
    d.paragraph(None, "", false);
    d.paragraph(
        None,
        "审阅人：__________　　审阅日期：__________　　签字：__________",
        false,
    );
    let (part, _) = d.finish();
    wordml::package(&part, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "关于2023年度法治政府建设情况的报告\n一、2023年主要举措和成效\n（一）加强领导\n（三）完善制度\n二、存在的不足和原因\n三、2024年工作安排\n";

    #[test]
    fn each_finding_has_its_place_and_quote() {
        let r = crate::analyze(REPORT, "t.txt");
        let s = sheet(&r, &[]);
        let gap = s
            .rows
            .iter()
            .find(|row| row.message.contains("（三）") || row.quote.starts_with("（三）"))
            .expect("the numbering gap");
        assert_eq!(gap.place, "一、2023年主要举措和成效 › （三）完善制度");
        assert!(s.parts.iter().any(|(l, p)| l.contains("第一责任人") && !p));
    }

    #[test]
    fn the_markdown_sheet_has_the_parts_findings_score_and_signature() {
        let r = crate::analyze(REPORT, "t.txt");
        let md = markdown(&sheet(&r, &[]));
        assert!(md.starts_with("# 审阅意见\n"));
        assert!(md.contains("| 存在的不足和原因 | ✔ |"), "{md}");
        assert!(md.contains("✘ |"));
        assert!(md.contains(&format!("## 问题（{} 条", r.findings.len())));
        assert!(md.contains("## 评分："));
        assert!(md.contains("审阅人："));
    }

    #[test]
    fn the_docx_sheet_reads_back_as_the_same_content() {
        let r = crate::analyze(REPORT, "t.txt");
        let s = sheet(&r, &[]);
        let text = crate::formats::read(&docx(&s)).unwrap().text;
        assert!(text.starts_with("审阅意见\n关于2023年度法治政府建设情况的报告\n发文机关\n"));
        for row in &s.rows {
            assert!(text.contains(&row.message), "{}", row.message);
        }
        assert!(text.contains("审阅人："));
    }
}
