//! Lints: the problems a reviewer would send back — a mandated part missing, numbering gaps and
//! mixed styles, skipped levels, inconsistent years, repeated sentences, template placeholders,
//! unbalanced brackets, half-width punctuation, dates not in GB/T 9704 form, missing formal
//! elements. Rules live in one table; each finding names its rule.
//!
//! Here: the driver ([`lint`]) that runs each group of
//! rules and drops what points into page chrome; `rules` holds the table and the finding, `sink` what
//! every rule looks at (the page chrome, the preamble). The rules themselves, one file per group:
//! `parts` (missing parts, formal elements), `numbering` (numbers and levels), `years`,
//! `repeats` (text written twice), `placeholders` (placeholders and brackets), `citations`,
//! `punctuation` (punctuation and dates).

mod citations;
mod numbering;
mod parts;
mod placeholders;
mod punctuation;
mod repeats;
mod rules;
mod sink;
mod years;

pub use rules::{Finding, Input, RULES, Severity};
pub use years::PLAN_WORDS;

use rules::rule_index;
use sink::Sink;

/// Runs every rule over the report; findings in document order (report-wide ones first).
pub fn lint(input: &Input<'_>) -> Vec<Finding> {
    let mut sink = Sink::new(input);
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
    let mut out = sink.finish();
    out.sort_by_key(|f| {
        (
            f.range.is_some(),
            f.range.as_ref().map_or(0, |r| r.start),
            rule_index(&f.rule),
        )
    });
    out
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
        with_input(text, lint)
    }

    /// Runs `f` on the analysis of `text` up to the lints.
    fn with_input<R>(text: &str, f: impl FnOnce(&Input<'_>) -> R) -> R {
        let blocks = crate::text::blocks::split(text);
        let closing = find_closing(&blocks);
        let heads = crate::structure::outline::outline(text, &blocks, closing.content_end);
        let meta = crate::structure::meta::extract(text, &blocks, &heads, &closing);
        let (_, parts) = crate::structure::classify::classify(&heads, meta.year);
        let citations = crate::review::citations::citations(text, &blocks);
        f(&Input {
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
        let line_end = text.find('\n').unwrap();
        let kept = with_input(&text, |input| {
            let mut sink = Sink::new(input);
            for r in [3..6, line_end + 1..line_end + 4] {
                sink.push("body-date-format", Some(r), String::new(), None);
            }
            sink.finish()
        });
        let ranges: Vec<_> = kept.into_iter().map(|f| f.range).collect();
        assert_eq!(ranges, vec![Some(line_end + 1..line_end + 4)]);
    }

    #[test]
    fn a_rule_lists_at_most_its_maximum_and_counts_the_rest() {
        // 130 sections all numbered （二）: the first 100 repeats listed, then how many more.
        let sections = "（二）强化组织领导。\n".repeat(131);
        let text = clean_with("（二）规范行政执法。", &sections);
        let f: Vec<Finding> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "numbering-repeat")
            .collect();
        assert_eq!(f.len(), sink::FINDINGS_PER_RULE_MAX + 1);
        assert_eq!(
            f[0].range, None,
            "the count comes first, with the report-wide findings"
        );
        assert_eq!(
            f[0].message,
            "同类问题另有 30 处，未逐条列出（每类最多列出 100 处）"
        );
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[1..].iter().all(|f| f.range.is_some()));
        // At the maximum, nothing is counted.
        let sections = "（二）强化组织领导。\n".repeat(101);
        let text = clean_with("（二）规范行政执法。", &sections);
        let n = fired("numbering-repeat", &text);
        assert_eq!(n.len(), 100);
        assert!(n.iter().all(|s| !s.is_empty()));
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
