//! Findings and citations of the five seed reports, written out by hand: every finding a careful
//! reviewer would make, and no other (a new false positive fails here).

mod common;

use common::{check_invariants, seed};
use fazhi::review::lints::Severity::{self, *};

/// (rule, severity, the text the finding points at — "" for a report-wide one).
fn findings(n: usize) -> Vec<(String, Severity, String)> {
    let r = seed(n);
    check_invariants(&r);
    r.findings
        .iter()
        .map(|f| {
            let at = f.span.map_or(String::new(), |s| r.slice(s));
            (f.rule.clone(), f.severity, at)
        })
        .collect()
}

fn rows(v: &[(&str, Severity, &str)]) -> Vec<(String, Severity, String)> {
    v.iter()
        .map(|(r, s, t)| (r.to_string(), *s, t.to_string()))
        .collect()
}

#[test]
fn seed_000_lacks_its_signature() {
    // Addressed to 中共博爱县委、博爱县人民政府 but ends with the plans: no 落款, no date.
    assert_eq!(
        findings(0),
        rows(&[
            ("missing-signature", Warning, ""),
            ("halfwidth-punctuation", Info, ","),
        ])
    );
}

#[test]
fn seed_001_lacks_the_first_responsible_part_and_repeats_its_lead_in() {
    assert_eq!(
        findings(1),
        rows(&[
            ("missing-part", Error, ""),
            ("missing-signature", Warning, ""),
            (
                "repeated-lead-in",
                Warning,
                "现将我镇2022年法治政府建设工作有关情况报告如下："
            ),
            ("title-in-quotes", Info, "“民法典”"),
            ("title-in-quotes", Info, "“宪法”"),
            ("halfwidth-punctuation", Info, ","),
        ])
    );
    let r = seed(1);
    let part = r
        .findings
        .iter()
        .find(|f| f.rule == "missing-part")
        .unwrap();
    assert!(part.message.contains("第一责任人"), "{}", part.message);
}

#[test]
fn seed_002_lacks_the_first_responsible_part_and_misquotes_the_plan() {
    assert_eq!(
        findings(2),
        rows(&[
            ("missing-part", Error, ""),
            ("missing-recipient", Info, ""),
            ("missing-signature", Warning, ""),
            (
                "citation-near-miss",
                Warning,
                "《法治中国建设规（2020-2025年）》"
            ),
        ])
    );
    let r = seed(2);
    let near = r
        .findings
        .iter()
        .find(|f| f.rule == "citation-near-miss")
        .unwrap();
    assert_eq!(
        near.suggestion.as_deref(),
        Some("《法治中国建设规划（2020－2025年）》")
    );
}

#[test]
fn seed_003_web_page_uses_half_width_punctuation_throughout() {
    // Saved from a web page: one summary for 19 paragraphs of half-width commas, not 145 findings.
    let f = findings(3);
    assert_eq!(
        f,
        rows(&[
            ("missing-recipient", Info, ""),
            ("halfwidth-punctuation", Info, ","),
        ])
    );
    let r = seed(3);
    assert!(r.findings[1].message.starts_with("全文"));
}

#[test]
fn seed_004_numbers_its_first_part_1_and_cites_a_repealed_regulation() {
    assert_eq!(
        findings(4),
        rows(&[
            ("missing-recipient", Info, ""),
            ("missing-signature", Warning, ""),
            ("numbering-mixed", Warning, "1、"),
            ("halfwidth-punctuation", Info, ","),
            ("citation-superseded", Warning, "《信访条例》"),
        ])
    );
    let r = seed(4);
    let mixed = r
        .findings
        .iter()
        .find(|f| f.rule == "numbering-mixed")
        .unwrap();
    assert_eq!(mixed.suggestion.as_deref(), Some("一、"));
}

/// (title, kind, known, near miss) of each citation.
fn citations(n: usize) -> Vec<(String, String, Option<String>, bool)> {
    seed(n)
        .citations
        .iter()
        .map(|c| {
            let kind = serde_json::to_value(c.kind)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string();
            (c.title.clone(), kind, c.known.clone(), c.near_miss)
        })
        .collect()
}

fn cite(
    title: &str,
    kind: &str,
    known: Option<&str>,
    near: bool,
) -> (String, String, Option<String>, bool) {
    (title.into(), kind.into(), known.map(String::from), near)
}

#[test]
fn citations_per_seed() {
    assert_eq!(
        citations(0),
        vec![cite(
            "博爱县社会矛盾纠纷大调处专项工作方案",
            "localDocument",
            None,
            false
        )]
    );
    assert_eq!(
        citations(1),
        vec![
            cite("信访工作条例", "partyRule", Some("信访工作条例"), false),
            cite(
                "中华人民共和国宪法",
                "law",
                Some("中华人民共和国宪法"),
                false
            ),
            cite("民法典", "law", Some("中华人民共和国民法典"), false),
        ]
    );
    assert_eq!(
        citations(2),
        vec![
            cite(
                "法治中国建设规（2020-2025年）",
                "plan",
                Some("法治中国建设规划（2020－2025年）"),
                true
            ),
            cite(
                "法治政府建设实施纲要（2021-2025年）",
                "plan",
                Some("法治政府建设实施纲要（2021—2025年）"),
                false
            ),
            cite(
                "法治社会建设实施纲要（2020-2025年）",
                "plan",
                Some("法治社会建设实施纲要（2020－2025年）"),
                false
            ),
            cite(
                "重庆市法治政府建设实施方案（2021-2025）",
                "localDocument",
                None,
                false
            ),
            cite(
                "垫江县贯彻落实〈重庆市法治政府建设实施方案（2021-2025年）〉的具体措施及任务分工方案",
                "localDocument",
                None,
                false
            ),
            cite(
                "优化营商环境条例",
                "regulation",
                Some("优化营商环境条例"),
                false
            ),
            cite("重庆市优化营商环境条例", "regulation", None, false),
            cite("重庆市重大决策程序规定", "regulation", None, false),
        ]
    );
    assert_eq!(
        citations(3),
        vec![
            cite(
                "党政主要负责人履行推进法治建设第一责任人职责规定",
                "partyRule",
                Some("党政主要负责人履行推进法治建设第一责任人职责规定"),
                false
            ),
            cite("社区矫正法", "law", Some("中华人民共和国社区矫正法"), false),
            cite("社区矫正实施办法", "regulation", None, false),
            cite("监护人责任书", "other", None, false),
            cite(
                "中华人民共和国禁毒法",
                "law",
                Some("中华人民共和国禁毒法"),
                false
            ),
        ]
    );
    assert_eq!(
        citations(4),
        vec![
            cite(
                "中华人民共和国宪法",
                "law",
                Some("中华人民共和国宪法"),
                false
            ),
            cite(
                "中华人民共和国民法典",
                "law",
                Some("中华人民共和国民法典"),
                false
            ),
            cite("农民工权益保障法", "law", None, false),
            cite("信访条例", "regulation", None, false),
            cite("青海省信访条例", "regulation", None, false),
            cite(
                "中国共产党纪律处分条例",
                "partyRule",
                Some("中国共产党纪律处分条例"),
                false
            ),
        ]
    );
}
