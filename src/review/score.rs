//! Score: a transparent 0–100 scorecard (docs/rubric.md) — complete parts, 内容翔实 (figures per
//! 1,000 characters of the measures part), problems with causes, concrete plans, formal elements,
//! findings to fix — each item with its points and the reason, so a reviewer can disagree with one
//! and see why.
//!
//! Every threshold is a constant below, in the rubric's order; docs/rubric.md explains the same
//! table in words. Change a number here and the rubric changes with it.

use std::ops::Range;

use serde::Serialize;

use crate::review::lints::{Finding, Input, Severity};
use crate::structure::classify::MandatedPart;

/// One line of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreItem {
    /// Stable id (`parts`, `substance`, `causes`, `plans`, `formal`, `findings`).
    pub id: String,
    /// Its name for people.
    pub label: String,
    /// Points given.
    pub points: f64,
    /// Points possible.
    pub max: f64,
    /// Why, in Chinese: what was counted and how it maps to points.
    pub why: String,
}

/// The scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    /// Sum of the items' points, 0–100.
    pub total: f64,
    /// The items, in the rubric's order.
    pub items: Vec<ScoreItem>,
}

// ---- The rubric (docs/rubric.md) ------------------------------------------------------------

/// 五项内容: points for each of the five parts the 督察工作规定 asks for (40 in all). 其他需要报告的
/// 情况 weighs least: a report with nothing else to report may fairly leave it out.
pub const PART_POINTS: &[(MandatedPart, f64)] = &[
    (MandatedPart::Measures, 9.0),
    (MandatedPart::Shortcomings, 9.0),
    (MandatedPart::FirstResponsible, 9.0),
    (MandatedPart::Plans, 9.0),
    (MandatedPart::Other, 4.0),
];

/// 内容翔实: figures per 1,000 characters of the measures part → points; the first row reached
/// counts. Achievements backed by numbers, not adjectives (evaluators' 内容翔实).
pub const SUBSTANCE: &[(f64, f64)] = &[(3.0, 20.0), (2.0, 15.0), (1.0, 10.0), (0.5, 5.0)];
/// 内容翔实: points possible.
pub const SUBSTANCE_MAX: f64 = 20.0;

/// 问题有原因: words that state a cause, looked for in the body of the shortcomings part.
pub const CAUSE_WORDS: &[&str] = &[
    "原因",
    "由于",
    "导致",
    "主要是",
    "因为",
    "源于",
    "归因",
    "究其",
    "根源",
];
/// 问题有原因: points when the shortcomings part states a cause.
pub const CAUSE_POINTS: f64 = 6.0;
/// 问题有原因: characters of the shortcomings part → points (a one-line 不足 is 泛泛而谈).
pub const SHORTCOMINGS_LENGTH: &[(f64, f64)] = &[(200.0, 4.0), (100.0, 2.0)];
/// 问题有原因: points possible.
pub const CAUSES_MAX: f64 = CAUSE_POINTS + 4.0;

/// 安排具体: items of the plans part (sub-headings and `一是`/`①` items) → points.
pub const PLAN_ITEMS: &[(f64, f64)] = &[(3.0, 5.0), (1.0, 2.0)];
/// 安排具体: points when the plans part names the next year by number (`2024年` in a 2023 report;
/// `下一步` names no year).
pub const NEXT_YEAR_POINTS: f64 = 3.0;
/// 安排具体: characters of the plans part → points.
pub const PLANS_LENGTH: &[(f64, f64)] = &[(200.0, 2.0)];
/// 安排具体: points possible.
pub const PLANS_MAX: f64 = 5.0 + NEXT_YEAR_POINTS + 2.0;

/// 公文要素: points for each of title, 主送, 落款, 成文日期 and the year covered (5 × 2 = 10).
pub const FORMAL_POINTS: f64 = 2.0;

/// 待改问题: points to start from; each finding takes its severity's deduction, down to 0.
pub const FINDINGS_MAX: f64 = 10.0;
/// 待改问题: deduction per error finding.
pub const ERROR_DEDUCTION: f64 = 3.0;
/// 待改问题: deduction per warning finding (info findings cost nothing).
pub const WARNING_DEDUCTION: f64 = 1.0;
/// 待改问题: rules not deducted here because another item already counts them.
pub const COUNTED_ELSEWHERE: &[&str] = &["missing-part"];

// ---- Scoring ----------------------------------------------------------------------------------

/// Scores the report by the rubric; None for a text with nothing in it.
pub fn score(input: &Input<'_>, findings: &[Finding]) -> Option<Scorecard> {
    if input.text.trim().is_empty() {
        return None;
    }
    let items = vec![
        parts(input),
        substance(input),
        causes(input),
        plans(input),
        formal(input),
        findings_item(findings),
    ];
    // Points are whole or half numbers, so the sum is exact.
    let total = items.iter().map(|i| i.points).sum();
    Some(Scorecard { total, items })
}

fn item(id: &str, label: &str, points: f64, max: f64, why: String) -> ScoreItem {
    ScoreItem {
        id: id.into(),
        label: label.into(),
        points: points.clamp(0.0, max),
        max,
        why,
    }
}

/// Points of the first row of a step table whose threshold `value` reaches.
fn steps(value: f64, table: &[(f64, f64)]) -> f64 {
    table
        .iter()
        .find(|(at, _)| value >= *at)
        .map_or(0.0, |(_, p)| *p)
}

/// The rows of a step table as `≥ 3 得 20 分，≥ 2 得 15 分`, for the reason shown.
fn table_zh(table: &[(f64, f64)]) -> String {
    table
        .iter()
        .map(|(at, p)| format!("≥ {} 得 {} 分", num(*at), num(*p)))
        .collect::<Vec<_>>()
        .join("，")
}

/// A number without a needless `.0`.
fn num(x: f64) -> String {
    crate::text::numerals::decimal(x, 6)
}

/// The byte ranges of a part's sections (bodies of the headings that carry it), merged.
fn part_ranges(input: &Input<'_>, part: MandatedPart) -> Vec<Range<usize>> {
    let mut rs: Vec<Range<usize>> = input
        .parts
        .iter()
        .filter(|p| p.part == part)
        .flat_map(|p| p.carriers.iter().map(|(i, _)| input.heads[*i].body.clone()))
        .collect();
    rs.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::new();
    for r in rs {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Whether `at` lies in one of `rs` (sorted and disjoint, as [`part_ranges`] gives them): a
/// binary search, so that many headings against many ranges stay linear (#12.2).
fn in_ranges(rs: &[Range<usize>], at: usize) -> bool {
    let k = rs.partition_point(|r| r.end <= at);
    rs.get(k).is_some_and(|r| r.contains(&at))
}

/// Characters that are not white space, the way people count 字.
fn chars(text: &str, rs: &[Range<usize>]) -> usize {
    rs.iter()
        .map(|r| {
            text[r.clone()]
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum()
}

fn parts(input: &Input<'_>) -> ScoreItem {
    let weight = |part: MandatedPart| {
        PART_POINTS
            .iter()
            .find(|(p, _)| *p == part)
            .map_or(0.0, |(_, w)| *w)
    };
    let max: f64 = PART_POINTS.iter().map(|(_, w)| w).sum();
    let missing: Vec<MandatedPart> = input
        .parts
        .iter()
        .filter(|p| p.carriers.is_empty())
        .map(|p| p.part)
        .collect();
    let lost: f64 = missing.iter().map(|&p| weight(p)).sum();
    let why = if missing.is_empty() {
        "五项法定内容齐全".to_string()
    } else {
        format!(
            "缺{}",
            missing
                .iter()
                .map(|&p| format!("“{}”（{} 分）", p.label(), num(weight(p))))
                .collect::<Vec<_>>()
                .join("、")
        )
    };
    let weights = PART_POINTS
        .iter()
        .map(|(_, w)| num(*w))
        .collect::<Vec<_>>()
        .join("、");
    item(
        "parts",
        "五项法定内容",
        max - lost,
        max,
        format!("{why}；五项依次 {weights} 分"),
    )
}

fn substance(input: &Input<'_>) -> ScoreItem {
    let mut rs = part_ranges(input, MandatedPart::Measures);
    let mut scope = "措施部分";
    if rs.is_empty() {
        // A report without headings is still read: its whole text stands for the measures.
        rs.push(0..input.text.len());
        scope = "全文（未识别出举措和成效部分）";
    }
    let n_chars = chars(input.text, &rs);
    let n_figures = input
        .figures
        .iter()
        .filter(|f| in_ranges(&rs, f.range.start))
        .count();
    let density = if n_chars == 0 {
        0.0
    } else {
        n_figures as f64 * 1000.0 / n_chars as f64
    };
    // Shown to one decimal, and scored on that same number, so the reason never contradicts it.
    let tenths = (density * 10.0).round() as u64;
    let shown = tenths as f64 / 10.0;
    let why = format!(
        "{scope} {n_chars} 字、{n_figures} 个数字，每千字 {}.{} 个（{}）",
        tenths / 10,
        tenths % 10,
        table_zh(SUBSTANCE)
    );
    item(
        "substance",
        "内容翔实",
        steps(shown, SUBSTANCE),
        SUBSTANCE_MAX,
        why,
    )
}

fn causes(input: &Input<'_>) -> ScoreItem {
    let rs = part_ranges(input, MandatedPart::Shortcomings);
    if rs.is_empty() {
        return item(
            "causes",
            "问题有原因",
            0.0,
            CAUSES_MAX,
            "未找到“存在的不足和原因”部分".into(),
        );
    }
    let body: String = rs.iter().map(|r| &input.text[r.clone()]).collect();
    let cause = CAUSE_WORDS.iter().find(|w| body.contains(*w));
    let n = chars(input.text, &rs);
    let cause_points = if cause.is_some() { CAUSE_POINTS } else { 0.0 };
    let length_points = steps(n as f64, SHORTCOMINGS_LENGTH);
    let said = match cause {
        Some(w) => format!("分析了原因（“{w}”，{} 分）", num(CAUSE_POINTS)),
        None => format!(
            "未见原因分析（如“原因”“由于”“导致”“主要是”，{} 分）",
            num(CAUSE_POINTS)
        ),
    };
    let why = format!(
        "不足部分{said}；共 {n} 字（{}）",
        table_zh(SHORTCOMINGS_LENGTH)
    );
    item(
        "causes",
        "问题有原因",
        cause_points + length_points,
        CAUSES_MAX,
        why,
    )
}

fn plans(input: &Input<'_>) -> ScoreItem {
    let carriers: Vec<usize> = input
        .parts
        .iter()
        .filter(|p| p.part == MandatedPart::Plans)
        .flat_map(|p| p.carriers.iter().map(|(i, _)| *i))
        .collect();
    if carriers.is_empty() {
        return item(
            "plans",
            "安排具体",
            0.0,
            PLANS_MAX,
            "未找到“下一年度主要安排”部分".into(),
        );
    }
    let rs = part_ranges(input, MandatedPart::Plans);
    // Items: the sub-headings inside the part, and the inline items of the part and of those.
    let inside = |j: usize| in_ranges(&rs, input.heads[j].span.start);
    let mut carrier = vec![false; input.heads.len()];
    for &i in &carriers {
        carrier[i] = true;
    }
    let sub = (0..input.heads.len()).filter(|&j| inside(j)).count();
    let inline: usize = (0..input.heads.len())
        .filter(|&j| carrier[j] || inside(j))
        .map(|j| input.heads[j].items.len())
        .sum();
    let n_items = sub + inline;
    // The next year may be named in the heading (`2024年工作打算`) or the text under it.
    let mut said: String = carriers
        .iter()
        .map(|&i| input.heads[i].title.as_str())
        .collect();
    said.extend(rs.iter().map(|r| &input.text[r.clone()]));
    let next = input
        .meta
        .year
        .map(|y| format!("{}年", y + 1))
        .filter(|w| said.contains(w.as_str()));
    let n = chars(input.text, &rs);
    let points = steps(n_items as f64, PLAN_ITEMS)
        + if next.is_some() {
            NEXT_YEAR_POINTS
        } else {
            0.0
        }
        + steps(n as f64, PLANS_LENGTH);
    let year = match &next {
        Some(w) => format!("写明了下一年度（“{w}”，{} 分）", num(NEXT_YEAR_POINTS)),
        None if input.meta.year.is_none() => {
            format!(
                "未识别报告年度，无从核对下一年度（{} 分）",
                num(NEXT_YEAR_POINTS)
            )
        }
        None => format!("未写明下一年度的年份（{} 分）", num(NEXT_YEAR_POINTS)),
    };
    let why = format!(
        "安排部分 {n_items} 条（{}）；{year}；共 {n} 字（{}）",
        table_zh(PLAN_ITEMS),
        table_zh(PLANS_LENGTH)
    );
    item("plans", "安排具体", points, PLANS_MAX, why)
}

fn formal(input: &Input<'_>) -> ScoreItem {
    let m = input.meta;
    let elements = [
        ("标题", m.title.is_some()),
        ("主送机关", !m.recipients.is_empty()),
        ("落款", m.signed_by.is_some()),
        ("成文日期", m.date.is_some()),
        ("年度", m.year.is_some()),
    ];
    let max = FORMAL_POINTS * elements.len() as f64;
    let have = elements.iter().filter(|(_, ok)| *ok).count();
    let missing: Vec<&str> = elements
        .iter()
        .filter(|(_, ok)| !ok)
        .map(|(name, _)| *name)
        .collect();
    let why = if missing.is_empty() {
        format!(
            "标题、主送机关、落款、成文日期、年度齐全（每项 {} 分）",
            num(FORMAL_POINTS)
        )
    } else {
        format!("缺{}（每项 {} 分）", missing.join("、"), num(FORMAL_POINTS))
    };
    item("formal", "公文要素", have as f64 * FORMAL_POINTS, max, why)
}

fn findings_item(findings: &[Finding]) -> ScoreItem {
    let counted = |s: Severity| {
        findings
            .iter()
            .filter(|f| f.severity == s && !COUNTED_ELSEWHERE.contains(&f.rule.as_str()))
            .count()
    };
    let (errors, warnings) = (counted(Severity::Error), counted(Severity::Warning));
    let points =
        FINDINGS_MAX - errors as f64 * ERROR_DEDUCTION - warnings as f64 * WARNING_DEDUCTION;
    let why = format!(
        "{errors} 个错误（每个扣 {} 分）、{warnings} 个警告（每个扣 {} 分），扣完为止；缺少法定内容已在第一项计分，此处不重复扣分",
        num(ERROR_DEDUCTION),
        num(WARNING_DEDUCTION)
    );
    item("findings", "待改问题", points, FINDINGS_MAX, why)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::facts::{Approx, Figure};
    use crate::span::Span;
    use crate::structure::classify::{self, PartCarriers};
    use crate::structure::meta::{self, MetaFacts};
    use crate::structure::outline::{self, OutlineHeading};
    use crate::text::blocks::{self, Blocks};

    /// What the pipeline has before scoring, built from a text; figures are placed by hand
    /// (each `mark` is a figure as written, found in the text in order).
    struct Parsed {
        text: String,
        blocks: Blocks,
        heads: Vec<OutlineHeading>,
        meta: MetaFacts,
        parts: Vec<PartCarriers>,
        figures: Vec<Figure>,
    }

    fn parse(text: &str, marks: &[&str]) -> Parsed {
        let blocks = blocks::split(text);
        let closing = meta::find_closing(&blocks);
        let heads = outline::outline(text, &blocks, closing.content_end);
        let meta = meta::extract(text, &blocks, &heads, &closing);
        let (_, parts) = classify::classify(&heads, meta.year);
        let mut from = 0;
        let figures = marks
            .iter()
            .map(|m| {
                let start = from + text[from..].find(m).expect("figure in text");
                from = start + m.len();
                Figure {
                    value: 1.0,
                    unit: "件".into(),
                    approx: Approx::Exact,
                    lower: None,
                    upper: None,
                    subject: String::new(),
                    text: m.to_string(),
                    span: Span::default(),
                    range: start..start + m.len(),
                }
            })
            .collect();
        Parsed {
            text: text.into(),
            blocks,
            heads,
            meta,
            parts,
            figures,
        }
    }

    impl Parsed {
        fn card(&self, findings: &[Finding]) -> Scorecard {
            let input = Input {
                text: &self.text,
                blocks: &self.blocks,
                heads: &self.heads,
                meta: &self.meta,
                parts: &self.parts,
                figures: &self.figures,
                citations: &[],
            };
            score(&input, findings).expect("a scorecard")
        }

        fn item(&self, id: &str) -> ScoreItem {
            let card = self.card(&[]);
            card.items.into_iter().find(|i| i.id == id).expect(id)
        }
    }

    /// `n` sentences of filler of about 20 characters each, for sections of a given length.
    fn filler(n: usize) -> String {
        "持续推进依法行政工作，不断提升工作水平。".repeat(n)
    }

    /// A complete report, every item at full marks.
    fn full_report() -> String {
        format!(
            "关于2023年度法治政府建设情况的报告\n\
             县委、县人民政府：\n\
             现将我镇2023年度法治政府建设情况报告如下。\n\
             一、2023年度推进法治政府建设的主要举措和成效\n\
             全年调解成功42件，开展普法活动12场，法律咨询服务300人次，办理复议案件3件。{}\n\
             二、存在的不足和原因\n\
             一是执法队伍力量薄弱，二是宣传形式单一。究其原因，主要是基层法治人才不足。{}\n\
             三、党政主要负责人履行推进法治建设第一责任人职责情况\n\
             镇党委书记认真履行第一责任人职责。\n\
             四、2024年度推进法治政府建设的主要安排\n\
             一是加强学法用法，二是规范执法行为，三是强化矛盾纠纷化解。{}\n\
             五、其他需要报告的情况\n\
             无。\n\
             特此报告。\n\
             某某镇人民政府\n\
             2024年1月10日\n",
            filler(50),
            filler(10),
            filler(10)
        )
    }

    fn full() -> Parsed {
        parse(&full_report(), &["42件", "12场", "300人次", "3件"])
    }

    #[test]
    fn a_complete_report_gets_every_point() {
        let card = full().card(&[]);
        for i in &card.items {
            assert_eq!(i.points, i.max, "{}: {}", i.id, i.why);
        }
        assert_eq!(card.total, 100.0);
        let max: f64 = card.items.iter().map(|i| i.max).sum();
        assert_eq!(max, 100.0, "the rubric adds up to 100");
    }

    #[test]
    fn parts_lose_their_weight_when_missing() {
        assert_eq!(full().item("parts").points, 40.0);
        let text = full_report().replace(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "三、加强党的领导",
        );
        let item = parse(&text, &[]).item("parts");
        assert_eq!(item.points, 31.0);
        assert!(
            item.why.contains("党政主要负责人履行第一责任人职责情况"),
            "{}",
            item.why
        );
        // 其他需要报告的情况 weighs least.
        let text = full_report().replace("五、其他需要报告的情况\n无。\n", "");
        assert_eq!(parse(&text, &[]).item("parts").points, 36.0);
    }

    #[test]
    fn substance_follows_figures_per_thousand_characters() {
        // About 1,060 characters of measures: 4 figures ≈ 3.8 per 1,000 → full marks.
        let item = full().item("substance");
        assert_eq!(item.points, 20.0, "{}", item.why);
        assert!(item.why.contains("4 个数字"), "{}", item.why);
        // Two figures ≈ 1.9 per 1,000 → the ≥ 1 row.
        let item = parse(&full_report(), &["42件", "12场"]).item("substance");
        assert_eq!(item.points, 10.0, "{}", item.why);
        // None at all.
        assert_eq!(parse(&full_report(), &[]).item("substance").points, 0.0);
        // A figure outside the measures part does not count for it.
        let plans_only = parse(&full_report(), &["2024年1月10日"]).item("substance");
        assert!(plans_only.why.contains("0 个数字"), "{}", plans_only.why);
    }

    #[test]
    fn steps_take_the_first_row_reached() {
        assert_eq!(steps(3.0, SUBSTANCE), 20.0);
        assert_eq!(steps(2.9, SUBSTANCE), 15.0);
        assert_eq!(steps(0.4, SUBSTANCE), 0.0);
        assert_eq!(table_zh(PLANS_LENGTH), "≥ 200 得 2 分");
    }

    #[test]
    fn causes_want_a_cause_and_some_length() {
        assert_eq!(full().item("causes").points, CAUSES_MAX);
        // The same problems, no cause: the cause points go.
        let text = full_report().replace("究其原因，主要是基层法治人才不足。", "");
        let item = parse(&text, &[]).item("causes");
        assert_eq!(item.points, CAUSES_MAX - CAUSE_POINTS, "{}", item.why);
        assert!(item.why.contains("未见原因分析"), "{}", item.why);
        // A one-line shortcomings part: a cause but no length.
        let short = full_report().replace(&filler(10), "");
        let item = parse(&short, &[]).item("causes");
        assert_eq!(item.points, CAUSE_POINTS, "{}", item.why);
        // The 原因 of the heading (`存在的不足和原因`) is not a cause stated.
        let text = full_report()
            .replace("究其原因，主要是基层法治人才不足。", "")
            .replace("二、存在的不足和原因", "二、存在的不足和原因分析");
        assert!(
            parse(&text, &[])
                .item("causes")
                .why
                .contains("未见原因分析")
        );
    }

    #[test]
    fn plans_want_items_the_next_year_and_length() {
        assert_eq!(full().item("plans").points, PLANS_MAX);
        // No year named, no items, short: nothing but the section itself.
        let text = full_report()
            .replace(
                "四、2024年度推进法治政府建设的主要安排",
                "四、下一步工作打算",
            )
            .replace(
                &format!(
                    "一是加强学法用法，二是规范执法行为，三是强化矛盾纠纷化解。{}",
                    filler(10)
                ),
                "继续做好各项工作。",
            );
        let item = parse(&text, &[]).item("plans");
        assert_eq!(item.points, 0.0, "{}", item.why);
        assert!(item.why.contains("未写明下一年度"), "{}", item.why);
        // The year named in the text under a plain heading counts too.
        let text = text.replace("继续做好各项工作。", "2024年继续做好各项工作。");
        assert_eq!(parse(&text, &[]).item("plans").points, NEXT_YEAR_POINTS);
    }

    #[test]
    fn formal_elements_two_points_each() {
        assert_eq!(full().item("formal").points, 10.0);
        let text = full_report().replace("县委、县人民政府：\n", "");
        let item = parse(&text, &[]).item("formal");
        assert_eq!(item.points, 8.0, "{}", item.why);
        assert!(item.why.contains("主送机关"), "{}", item.why);
    }

    fn finding(rule: &str, severity: Severity) -> Finding {
        Finding {
            rule: rule.into(),
            severity,
            message: String::new(),
            span: None,
            suggestion: None,
            range: None,
        }
    }

    #[test]
    fn findings_deduct_by_severity_but_not_what_parts_counted() {
        let p = full();
        let of = |fs: &[Finding]| {
            let card = p.card(fs);
            card.items.into_iter().find(|i| i.id == "findings").unwrap()
        };
        assert_eq!(of(&[]).points, FINDINGS_MAX);
        let item = of(&[
            finding("placeholder", Severity::Error),
            finding("numbering-gap", Severity::Warning),
            finding("half-width-punctuation", Severity::Info),
            finding("missing-part", Severity::Error),
        ]);
        assert_eq!(
            item.points,
            FINDINGS_MAX - ERROR_DEDUCTION - WARNING_DEDUCTION
        );
        assert!(item.why.starts_with("1 个错误"), "{}", item.why);
        // Never below zero.
        let many = vec![finding("placeholder", Severity::Error); 9];
        assert_eq!(of(&many).points, 0.0);
    }

    #[test]
    fn the_total_is_the_sum_and_empty_text_has_no_card() {
        let text = full_report().replace("县委、县人民政府：\n", "");
        let card = parse(&text, &["42件"]).card(&[finding("x", Severity::Warning)]);
        let sum: f64 = card.items.iter().map(|i| i.points).sum();
        assert_eq!(card.total, sum);
        assert!(card.total < 100.0);
        let empty = parse("  \n", &[]);
        let input = Input {
            text: &empty.text,
            blocks: &empty.blocks,
            heads: &empty.heads,
            meta: &empty.meta,
            parts: &empty.parts,
            figures: &[],
            citations: &[],
        };
        assert_eq!(score(&input, &[]), None);
    }

    #[test]
    fn a_report_without_headings_is_measured_over_its_whole_text() {
        let text = format!("全年调解成功42件。{}", filler(5));
        let item = parse(&text, &["42件"]).item("substance");
        assert!(item.why.starts_with("全文"), "{}", item.why);
        assert_eq!(item.points, 20.0, "{}", item.why);
    }
}
