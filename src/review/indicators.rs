//! Indicators: the key figures a reviewer looks for (行政复议, 行政诉讼 and 败诉, 出庭应诉率,
//! 法律顾问, 合法性审查, 规范性文件, 矛盾纠纷 排查/调处/调解成功/成功率, 普法 activities, 学法,
//! 法治讲座, 信访), each found among the figures by a rule table, or "not reported".
//!
//! A rule matches a figure when its unit is allowed and the figure's context — its subject and
//! the clause it stands in (between `，` `。` `；` `：`) — holds one cue of every cue group and
//! none of the excluded words. The first matching figure in document order reports the indicator.
//! A figure that states a rate — how often, not how many (`每两月1次`, `1次频次`) — reports none:
//! the count beside it does (`以每两月1次频次开展…法治学习5次` → 5).

use serde::Serialize;

use crate::review::facts::{Figure, clause_around};
use crate::span::Span;

/// A key indicator and what the report says of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    /// Stable id (`reconsiderationCases`, …).
    pub id: String,
    /// Its name for people (`行政复议案件`).
    pub label: String,
    /// Whether the report quantifies it.
    pub reported: bool,
    /// The value, when reported.
    pub value: Option<f64>,
    /// The unit, when reported.
    pub unit: Option<String>,
    /// Index into `figures` of the figure that reports it.
    pub figure: Option<usize>,
    /// Where the figure is.
    pub span: Option<Span>,
}

/// One row of the indicator table.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// Stable id.
    pub id: &'static str,
    /// Name for people.
    pub label: &'static str,
    /// Every group must have one word in the context.
    pub cues: &'static [&'static [&'static str]],
    /// No word of these may be in the context.
    pub not: &'static [&'static str],
    /// Units the figure may have.
    pub units: &'static [&'static str],
}

const CASES: &[&str] = &["件", "起", "宗", "个"];
const TIMES: &[&str] = &["次", "场", "场次", "期"];
const CORRECTED: &[&str] = &["纠错", "撤销", "变更", "确认违法", "纠正"];

/// Periods that, after `每` (with a number or `个` between or not: `每两月`, `每2个月`, `每季度`,
/// `每半年`), make the next figure of the clause a rate: how often, not how many. A figure later
/// in the clause, after that one, is a count again (`每两月1次…法治学习5次`).
#[rustfmt::skip]
pub const RATE_PERIODS: &[(&str, &str)] = &[
    ("月",   "以每两月1次频次开展, 每月1次"),
    ("季",   "每季度组织集中学法1次"),
    ("年",   "每年2次, 每半年1次"),
    ("周",   "每周1次"),
    ("星期", "每星期1次"),
    ("旬",   "每旬1次"),
    ("天",   "每天1次"),
    ("日",   "每日1次"),
];

/// What between `每` and its period leaves it a period: a number, `半`, `个` (`每2个月`, `每半年`).
const RATE_NUMBER: &str = "0123456789一二两三四五六七八九十半个";

/// Words right after a figure (or after its `的`) that make it a rate.
#[rustfmt::skip]
pub const RATE_AFTER: &[(&str, &str)] = &[
    ("频次", "以每两月1次频次开展"),
    ("频率", "按每月1次的频率开展"),
];

/// The key indicators, one row each, in the order a reviewer reads them.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    Rule { id: "reconsiderationCases", label: "行政复议案件",
           cues: &[&["行政复议"]], not: CORRECTED, units: CASES },
    Rule { id: "reconsiderationCorrected", label: "行政复议纠错",
           cues: &[&["行政复议"], CORRECTED], not: &[], units: &["件", "起", "%"] },
    Rule { id: "litigationCases", label: "行政诉讼案件",
           cues: &[&["行政诉讼", "行政应诉", "应诉案件"]], not: &["败诉", "出庭"], units: CASES },
    Rule { id: "litigationLost", label: "行政诉讼败诉",
           cues: &[&["败诉"]], not: &[], units: &["件", "起", "%"] },
    Rule { id: "appearanceRate", label: "行政机关负责人出庭应诉率",
           cues: &[&["出庭"]], not: &[], units: &["%"] },
    Rule { id: "legalAdvisers", label: "法律顾问",
           cues: &[&["法律顾问"]], not: &[], units: &["%", "个", "名", "人", "村", "家"] },
    Rule { id: "legalityReviews", label: "合法性审查",
           cues: &[&["合法性审查", "合法性审核", "法制审核", "法治审核"]], not: &[],
           units: &["件", "份", "项", "次", "个"] },
    Rule { id: "normativeDocumentsMade", label: "规范性文件制定",
           cues: &[&["规范性文件"]], not: &["备案"], units: &["件", "份", "个"] },
    Rule { id: "normativeDocumentsFiled", label: "规范性文件备案",
           cues: &[&["规范性文件"], &["备案"]], not: &[], units: &["件", "份", "个", "%"] },
    Rule { id: "disputesScreened", label: "矛盾纠纷排查",
           cues: &[&["排查"], &["纠纷", "矛盾"]], not: &[], units: &["次", "件", "起", "场次"] },
    Rule { id: "disputesHandled", label: "矛盾纠纷调处",
           cues: &[&["调处", "化解", "受理"], &["纠纷", "矛盾"]], not: &["成功", "率", "排查"],
           units: &["件", "起"] },
    Rule { id: "disputesResolved", label: "调解成功",
           cues: &[&["调解成功", "调处成功", "化解成功"]], not: &["率"], units: &["件", "起"] },
    Rule { id: "disputesSuccessRate", label: "调解成功率",
           cues: &[&["成功率", "化解率"]], not: &[], units: &["%"] },
    Rule { id: "publicityActivities", label: "普法·法治宣传活动",
           cues: &[&["普法", "宣传"]], not: &["资料", "讲座"], units: TIMES },
    Rule { id: "studySessions", label: "学法",
           cues: &[&["学法", "学习"], &["法"]], not: &["讲座"], units: &["次", "期", "场"] },
    Rule { id: "lectures", label: "法治讲座",
           cues: &[&["讲座"]], not: &[], units: TIMES },
    Rule { id: "petitions", label: "信访",
           cues: &[&["信访", "上访", "来访", "接访", "来信"]], not: &[], units: &["件", "次", "批", "人次", "起"] },
];

impl Rule {
    /// Whether a figure, with its context (subject and clause), reports this indicator.
    pub fn matches(&self, unit: &str, context: &str) -> bool {
        self.units.contains(&unit)
            && self
                .cues
                .iter()
                .all(|group| group.iter().any(|w| context.contains(w)))
            && !self.not.iter().any(|w| context.contains(w))
    }
}

/// Whether `s` holds `每` and a period of [`RATE_PERIODS`] (`每两月`, `每季度`).
fn names_a_period(s: &str) -> bool {
    s.match_indices('每').any(|(i, _)| {
        let rest = s[i + '每'.len_utf8()..].trim_start_matches(|c| RATE_NUMBER.contains(c));
        RATE_PERIODS.iter().any(|(p, _)| rest.starts_with(p))
    })
}

/// Whether figure `k` states a rate: [`RATE_AFTER`] right after it, or `每` and a period before
/// it in its clause with no other figure between.
fn is_rate(text: &str, figures: &[Figure], k: usize) -> bool {
    let f = &figures[k];
    let after = text.get(f.range.end..).unwrap_or("");
    let after = after.strip_prefix('的').unwrap_or(after);
    if RATE_AFTER.iter().any(|(w, _)| after.starts_with(w)) {
        return true;
    }
    let clause = clause_around(text, &f.range);
    let from = k
        .checked_sub(1)
        .map(|j| figures[j].range.end)
        .filter(|&e| e > clause.start && e <= f.range.start)
        .unwrap_or(clause.start);
    names_a_period(text.get(from..f.range.start).unwrap_or(""))
}

/// Looks up every indicator of the rule table among the figures.
pub fn indicators(text: &str, figures: &[Figure]) -> Vec<Indicator> {
    // A rate reports no indicator: it has no context to match.
    let contexts: Vec<Option<String>> = (0..figures.len())
        .map(|k| {
            let f = &figures[k];
            let clause = text.get(clause_around(text, &f.range)).unwrap_or("");
            (!is_rate(text, figures, k)).then(|| format!("{} {}", f.subject, clause))
        })
        .collect();
    RULES
        .iter()
        .map(|rule| {
            let hit = figures
                .iter()
                .zip(&contexts)
                .position(|(f, c)| c.as_ref().is_some_and(|c| rule.matches(&f.unit, c)));
            let fig = hit.map(|k| &figures[k]);
            Indicator {
                id: rule.id.into(),
                label: rule.label.into(),
                reported: hit.is_some(),
                value: fig.map(|f| f.value),
                unit: fig.map(|f| f.unit.clone()),
                figure: hit,
                span: None,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The indicators a paragraph reports, as (id, value, unit).
    fn reported(text: &str) -> Vec<(&'static str, f64, String)> {
        let blocks = crate::text::blocks::split(text);
        let figures = crate::review::facts::figures(text, &blocks);
        indicators(text, &figures)
            .into_iter()
            .zip(RULES)
            .filter(|(i, _)| i.reported)
            .map(|(i, r)| (r.id, i.value.unwrap(), i.unit.unwrap()))
            .collect()
    }

    fn has(text: &str, id: &str) -> Option<(f64, String)> {
        reported(text)
            .into_iter()
            .find(|(i, _, _)| *i == id)
            .map(|(_, v, u)| (v, u))
    }

    fn yes(text: &str, id: &str, value: f64, unit: &str) {
        assert_eq!(
            has(text, id),
            Some((value, unit.to_string())),
            "{id} in {text}"
        );
    }

    fn no(text: &str, id: &str) {
        assert_eq!(has(text, id), None, "{id} should not be in {text}");
    }

    #[test]
    fn every_rule_has_a_line_it_accepts_and_one_it_rejects() {
        #[rustfmt::skip]
        let cases: &[(&str, &str, f64, &str, &str)] = &[
            ("reconsiderationCases", "全年办理行政复议案件3件。", 3.0, "件",
             "全年行政复议纠错1件。"),
            ("reconsiderationCorrected", "全年行政复议纠错1件。", 1.0, "件",
             "全年办理行政复议案件3件。"),
            ("litigationCases", "全年行政诉讼案件2件。", 2.0, "件",
             "行政诉讼败诉1件。"),
            ("litigationLost", "行政诉讼败诉1件。", 1.0, "件",
             "全年行政诉讼案件2件。"),
            ("appearanceRate", "行政机关负责人出庭应诉率100%。", 100.0, "%",
             "行政机关负责人出庭应诉5次。"),
            ("legalAdvisers", "落实镇、村法律顾问覆盖率100％，", 100.0, "%",
             "驻村法律顾问提供法律咨询服务超过100人次。"),
            ("legalityReviews", "开展合法性审查12件。", 12.0, "件",
             "开展合法性审查业务培训2场。"),
            ("normativeDocumentsMade", "制定规范性文件2件。", 2.0, "件",
             "报送规范性文件备案2件。"),
            ("normativeDocumentsFiled", "报送规范性文件备案2件。", 2.0, "件",
             "制定规范性文件2件。"),
            ("disputesScreened", "共开展各类矛盾纠纷排查500余次，", 500.0, "次",
             "调处矛盾纠纷44件，"),
            ("disputesHandled", "调处矛盾纠纷44件，", 44.0, "件",
             "全年排查矛盾纠纷245件，"),
            ("disputesResolved", "调解成功42件，", 42.0, "件",
             "调处成功率95.45%。"),
            ("disputesSuccessRate", "调处成功率95.45%。", 95.45, "%",
             "调解成功42件，"),
            ("publicityActivities", "全年累计开展法治宣传活动10余场次，", 10.0, "场次",
             "发放宣传资料8000余份，"),
            ("studySessions", "组织集中学法两次。", 2.0, "次",
             "开展专题法治讲座2次，"),
            ("lectures", "开展专题法治讲座2次，", 2.0, "次",
             "组织集中学法两次。"),
            ("petitions", "现场接访7件，", 7.0, "件",
             "其中现场调处5件、"),
        ];
        assert_eq!(cases.len(), RULES.len());
        for (id, accept, value, unit, reject) in cases {
            yes(accept, id, *value, unit);
            no(reject, id);
        }
    }

    #[test]
    fn zero_in_words_reports_an_indicator() {
        yes(
            "2023年，坪山镇政府无被申请行政复议案件产生。",
            "reconsiderationCases",
            0.0,
            "件",
        );
        yes(
            "2023年，坪山镇政府未被作为被告参与行政诉讼案件。",
            "litigationCases",
            0.0,
            "件",
        );
        yes(
            "我镇2023年度未有制定规范性文件,",
            "normativeDocumentsMade",
            0.0,
            "件",
        );
    }

    #[test]
    fn the_first_matching_figure_reports() {
        let text = "开展法治宣传活动10余场次，设点宣传10余次。";
        let blocks = crate::text::blocks::split(text);
        let figures = crate::review::facts::figures(text, &blocks);
        let all = indicators(text, &figures);
        let p = all.iter().find(|i| i.id == "publicityActivities").unwrap();
        assert_eq!((p.figure, p.unit.as_deref()), (Some(0), Some("场次")));
        let l = all.iter().find(|i| i.id == "lectures").unwrap();
        assert_eq!((l.reported, l.figure, l.value), (false, None, None));
    }

    #[test]
    fn a_rate_is_no_count() {
        // How often, then how many: the indicator takes the count.
        yes(
            "以每两月1次频次开展党组理论学习中心组法治学习5次，",
            "studySessions",
            5.0,
            "次",
        );
        yes(
            "每季度组织集中学法1次，全年共组织集中学法4次。",
            "studySessions",
            4.0,
            "次",
        );
        // A rate alone reports nothing; a count alone still does.
        no("每季度组织集中学法1次。", "studySessions");
        no("按照每月1次的频率开展普法宣传。", "publicityActivities");
        yes("全年组织集中学法12次。", "studySessions", 12.0, "次");
        yes(
            "每个村开展普法宣传活动2场次，",
            "publicityActivities",
            2.0,
            "场次",
        );
    }

    #[test]
    fn ids_are_unique() {
        for (k, r) in RULES.iter().enumerate() {
            assert!(RULES[..k].iter().all(|o| o.id != r.id), "{}", r.id);
        }
    }
}
