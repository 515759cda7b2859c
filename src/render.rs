//! Render: the model as Markdown for a person (CLI `--format md`, the page's Markdown export).

use crate::review::citations::CitationKind;
use crate::review::lints::Severity;
use crate::{Heading, Report, Span};

/// A readable summary for a person: meta, scorecard, parts, indicators, findings, citations,
/// outline.
pub fn markdown(r: &Report) -> String {
    let m = &r.meta;
    let none = "—".to_string();
    let mut s = format!("# {}\n\n", m.title.as_deref().unwrap_or(&r.source.name));
    s += &format!(
        "- 文件 / file: {} ({})\n",
        r.source.name,
        r.source.encoding.as_deref().unwrap_or("text")
    );
    s += &format!(
        "- 发文机关 / issuers: {}\n",
        if m.issuers.is_empty() {
            none.clone()
        } else {
            m.issuers.join("；")
        }
    );
    s += &format!(
        "- 主送 / recipients: {}\n",
        if m.recipients.is_empty() {
            none.clone()
        } else {
            m.recipients.join("、")
        }
    );
    s += &format!(
        "- 年度 / year: {}\n",
        m.year.map_or(none.clone(), |y| y.to_string())
    );
    s += &format!(
        "- 层级 / level: {}\n",
        serde_json::to_value(m.level)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    );
    s += &format!(
        "- 落款 / signed: {} {}\n\n",
        m.signed_by.as_deref().unwrap_or("—"),
        m.date.as_deref().unwrap_or("")
    );
    s += &scorecard(r);
    s += "## 五项法定内容 / mandated parts\n\n";
    for p in &r.parts {
        let mark = if p.present { "✔" } else { "✘" };
        let where_: Vec<String> = p.headings.iter().map(|h| h.title.clone()).collect();
        s += &format!(
            "- {mark} {}{}\n",
            p.label,
            if where_.is_empty() {
                String::new()
            } else {
                format!(" — {}", where_.join("；"))
            }
        );
    }
    s.push('\n');
    let units: Vec<u16> = r.text.encode_utf16().collect();
    s += &indicators(r);
    s += &findings(r, &units);
    s += &citations(r);
    s += "## 提纲 / outline\n\n";
    fn walk(hs: &[Heading], s: &mut String) {
        for h in hs {
            *s += &format!(
                "{}- {}{}\n",
                "  ".repeat(h.level as usize - 1),
                h.marker,
                h.title
            );
            walk(&h.children, s);
        }
    }
    walk(&r.outline, &mut s);
    s.push('\n');
    s
}

/// The scorecard as a table: each item's points, its maximum and why.
fn scorecard(r: &Report) -> String {
    let Some(card) = &r.score else {
        return String::new();
    };
    let mut s = format!(
        "## 评分 / score: {} / 100\n\n| 项目 | 得分 | 说明 |\n| --- | --- | --- |\n",
        num(card.total)
    );
    for i in &card.items {
        s += &format!(
            "| {} | {} / {} | {} |\n",
            cell(&i.label),
            num(i.points),
            num(i.max),
            cell(&i.why)
        );
    }
    s += "\n评分规则见 docs/rubric.md。\n\n";
    s
}

/// The key indicators: each with its value and unit, or 未报告; and how many figures in all.
fn indicators(r: &Report) -> String {
    let mut s = format!(
        "## 关键指标 / key indicators\n\n全文共识别数字 {} 个 / {} figures.\n\n",
        r.figures.len(),
        r.figures.len()
    );
    if r.indicators.is_empty() {
        return s;
    }
    s += "| 指标 | 数值 | 原文 |\n| --- | --- | --- |\n";
    for i in &r.indicators {
        let figure = i.figure.and_then(|f| r.figures.get(f));
        let value = match (i.reported, i.value) {
            (true, Some(v)) => format!("{}{}", num(v), i.unit.as_deref().unwrap_or("")),
            (true, None) => "已报告".into(),
            (false, _) => "未报告".into(),
        };
        let quoted = figure.map_or(String::new(), |f| {
            format!("{}{}", f.subject, f.text).trim().to_string()
        });
        s += &format!("| {} | {} | {} |\n", cell(&i.label), value, cell(&quoted));
    }
    s.push('\n');
    s
}

/// The findings: severity, message, the text it points at, and the suggestion.
fn findings(r: &Report, units: &[u16]) -> String {
    let mut s = format!("## 问题清单 / findings: {}\n\n", r.findings.len());
    if r.findings.is_empty() {
        s += "未发现问题。\n\n";
        return s;
    }
    for f in &r.findings {
        let (icon, name) = severity_zh(f.severity);
        s += &format!("- {icon} {name}：{}", f.message);
        if let Some(span) = f.span {
            let quoted = slice(units, span);
            if !quoted.trim().is_empty() {
                s += &format!("（原文：“{}”）", one_line(&quoted));
            }
        }
        if let Some(sug) = &f.suggestion {
            s += &format!(" → 建议：{sug}");
        }
        s += &format!(" `{}`\n", f.rule);
    }
    s.push('\n');
    s
}

/// The documents cited, near misses of well-known titles flagged.
fn citations(r: &Report) -> String {
    if r.citations.is_empty() {
        return String::new();
    }
    let mut s = format!("## 引用文件 / citations: {}\n\n", r.citations.len());
    for c in &r.citations {
        s += &format!("- 《{}》（{}）", c.title, kind_zh(c.kind));
        if let (true, Some(k)) = (c.near_miss, &c.known) {
            s += &format!(" ⚠ 疑为《{k}》");
        }
        s.push('\n');
    }
    s.push('\n');
    s
}

/// Icon and Chinese name of a severity.
pub fn severity_zh(s: Severity) -> (&'static str, &'static str) {
    match s {
        Severity::Error => ("⛔", "错误"),
        Severity::Warning => ("⚠", "警告"),
        Severity::Info => ("ℹ", "提示"),
    }
}

fn kind_zh(k: CitationKind) -> &'static str {
    match k {
        CitationKind::Law => "法律",
        CitationKind::Regulation => "法规规章",
        CitationKind::PartyRule => "党内法规",
        CitationKind::Plan => "规划纲要",
        CitationKind::LocalDocument => "地方文件",
        CitationKind::Other => "其他",
    }
}

/// A number without a needless `.0`.
fn num(x: f64) -> String {
    crate::text::numerals::decimal(x, 6)
}

fn slice(units: &[u16], s: Span) -> String {
    let end = (s.1 as usize).min(units.len());
    String::from_utf16_lossy(&units[(s.0 as usize).min(end)..end])
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text safe inside a Markdown table cell.
fn cell(s: &str) -> String {
    one_line(s).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::citations::Citation;
    use crate::review::facts::{Approx, Figure};
    use crate::review::indicators::Indicator;
    use crate::review::lints::Finding;
    use crate::review::score::{ScoreItem, Scorecard};

    const TEXT: &str = "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年调解成功42件，学习《法治中国建设规（2020-2025年）》。\n二、XX镇存在的不足\n";

    /// The span of the first `needle` in TEXT, in UTF-16 units.
    fn span_of(needle: &str) -> Span {
        let b = TEXT.find(needle).unwrap();
        let start = TEXT[..b].encode_utf16().count() as u32;
        Span(start, start + needle.encode_utf16().count() as u32)
    }

    /// A report of TEXT with hand-made figures, indicators, citations, findings and score.
    fn report() -> Report {
        let mut r = crate::analyze(TEXT, "t.txt");
        r.figures = vec![Figure {
            value: 42.0,
            unit: "件".into(),
            approx: Approx::Exact,
            lower: None,
            upper: None,
            subject: "调解成功".into(),
            text: "42件".into(),
            span: span_of("42件"),
            range: 0..0,
        }];
        let ind = |id: &str, label: &str, figure: Option<usize>| Indicator {
            id: id.into(),
            label: label.into(),
            reported: figure.is_some(),
            value: figure.map(|_| 42.0),
            unit: figure.map(|_| "件".into()),
            figure,
            span: figure.map(|_| span_of("42件")),
        };
        r.indicators = vec![
            ind("mediationSuccess", "调解成功", Some(0)),
            ind("reconsiderationCases", "行政复议案件", None),
        ];
        r.citations = vec![Citation {
            title: "法治中国建设规（2020-2025年）".into(),
            kind: CitationKind::Plan,
            known: Some("法治中国建设规划（2020－2025年）".into()),
            near_miss: true,
            span: span_of("《法治中国建设规（2020-2025年）》"),
            range: 0..0,
        }];
        r.findings = vec![
            Finding {
                rule: "placeholder".into(),
                severity: Severity::Error,
                message: "模板占位符未替换".into(),
                span: Some(span_of("XX镇")),
                suggestion: Some("写明镇名".into()),
                range: None,
            },
            Finding {
                rule: "missing-part".into(),
                severity: Severity::Warning,
                message: "缺少“其他需要报告的情况”".into(),
                span: None,
                suggestion: None,
                range: None,
            },
        ];
        r.score = Some(Scorecard {
            total: 71.5,
            items: vec![ScoreItem {
                id: "substance".into(),
                label: "内容翔实".into(),
                points: 10.0,
                max: 20.0,
                why: "措施部分每千字 1.2 个数字 | 含竖线".into(),
            }],
        });
        r
    }

    #[test]
    fn the_scorecard_is_a_table_of_points_and_reasons() {
        let md = markdown(&report());
        assert!(md.contains("## 评分 / score: 71.5 / 100"), "{md}");
        assert!(
            md.contains("| 内容翔实 | 10 / 20 | 措施部分每千字 1.2 个数字 \\| 含竖线 |"),
            "{md}"
        );
    }

    #[test]
    fn indicators_show_their_value_or_not_reported() {
        let md = markdown(&report());
        assert!(md.contains("全文共识别数字 1 个"), "{md}");
        assert!(md.contains("| 调解成功 | 42件 | 调解成功42件 |"), "{md}");
        assert!(md.contains("| 行政复议案件 | 未报告 |  |"), "{md}");
    }

    #[test]
    fn findings_quote_their_text_and_suggestion() {
        let md = markdown(&report());
        assert!(md.contains("## 问题清单 / findings: 2"), "{md}");
        assert!(
            md.contains(
                "- ⛔ 错误：模板占位符未替换（原文：“XX镇”） → 建议：写明镇名 `placeholder`"
            ),
            "{md}"
        );
        // A report-wide finding has no text to quote.
        assert!(
            md.contains("- ⚠ 警告：缺少“其他需要报告的情况” `missing-part`"),
            "{md}"
        );
    }

    #[test]
    fn a_near_miss_citation_names_the_title_meant() {
        let md = markdown(&report());
        assert!(
            md.contains("- 《法治中国建设规（2020-2025年）》（规划纲要） ⚠ 疑为《法治中国建设规划（2020－2025年）》"),
            "{md}"
        );
    }

    #[test]
    fn without_data_the_sections_say_so_or_stay_out() {
        let mut r = report();
        r.findings.clear();
        r.citations.clear();
        r.score = None;
        let md = markdown(&r);
        assert!(md.contains("未发现问题。"), "{md}");
        assert!(!md.contains("## 引用文件"), "{md}");
        assert!(!md.contains("## 评分"), "{md}");
    }
}
