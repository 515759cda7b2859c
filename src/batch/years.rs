//! Year over year: the same issuer's reports of consecutive years side by side — the key
//! indicators, the text reused from last year, and last year's plans (下一年度主要安排) each
//! marked as followed up in this year's measures or not mentioned.
//!
//! A plan is followed up when a sentence of this year's measures carries most of the plan's
//! distinctive word pairs (Han bigrams that are not the vocabulary every report shares).

use std::sync::LazyLock;

use serde::Serialize;

use super::cell::number;
use super::reuse::{self, Doc, Passage};
use crate::model::{Heading, Report, Span};
use crate::structure::classify::MandatedPart;
use crate::text::normalize::{Fold, Norm, display, is_han};

/// A plan is followed up when a sentence holds at least this share of its distinctive bigrams.
const FOLLOW_UP_SHARE: f64 = 0.5;
/// At most this many plans are read from one report.
const MAX_PLANS: usize = 30;
/// A plan or sentence shorter than this (in Han characters) says too little to match.
const MIN_PLAN_HAN: usize = 4;

/// Word pairs every report uses: they say nothing about which plan a sentence follows up.
#[rustfmt::skip]
const COMMON_BIGRAMS: &[&str] = &[
    "法治", "治政", "政府", "建设", "推进", "进一", "一步", "加强", "强化", "全面", "深入", "工作",
    "持续", "不断", "提升", "完善", "健全", "落实", "切实", "扎实", "认真", "积极", "开展", "坚持",
    "依法", "行政", "全年", "我镇", "我县", "我区", "我局", "我市", "各项", "有关", "相关", "进行",
];

/// Two reports of one issuer, a year apart.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct YearOverYear {
    /// The issuer as the later report names it.
    pub issuer: String,
    /// File index of the earlier report.
    pub earlier: usize,
    /// File index of the later report.
    pub later: usize,
    /// Year of the earlier report.
    pub earlier_year: i32,
    /// Year of the later report.
    pub later_year: i32,
    /// Key indicators reported in either year.
    pub indicators: Vec<IndicatorPair>,
    /// Share of the later report's text found in the earlier one (0–1).
    pub reused_share: f64,
    /// The passages reused (a = earlier, b = later).
    pub reused: Vec<Passage>,
    /// Last year's plans and whether this year's measures follow them up.
    pub promises: Vec<Promise>,
}

/// One indicator in both years.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorPair {
    /// Stable id.
    pub id: String,
    /// Name for people.
    pub label: String,
    /// Value last year.
    pub earlier: Option<f64>,
    /// Value this year.
    pub later: Option<f64>,
}

/// A plan of the earlier report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Promise {
    /// The plan as written.
    pub plan: String,
    /// Where it is in the earlier report (UTF-16 span).
    pub span: Span,
    /// The sentence of this year's measures that follows it up, if any.
    pub evidence: Option<Evidence>,
}

/// Where a plan is followed up.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// UTF-16 span in the later report.
    pub span: Span,
    /// The sentence as written.
    pub text: String,
    /// Share of the plan's distinctive bigrams the sentence holds.
    pub score: f64,
}

/// Compares every pair of the same issuer's reports whose years are consecutive.
pub fn compare(
    reports: &[Option<&Report>],
    docs: &[Option<Doc>],
    issuers: &[Option<String>],
) -> Vec<YearOverYear> {
    let mut out = Vec::new();
    for (later, key) in issuers.iter().enumerate() {
        let (Some(key), Some(r_later)) = (key, reports[later]) else {
            continue;
        };
        let Some(year) = r_later.meta.year else {
            continue;
        };
        let earlier = issuers.iter().enumerate().find(|(i, k)| {
            k.as_ref() == Some(key) && reports[*i].is_some_and(|r| r.meta.year == Some(year - 1))
        });
        let Some((earlier, _)) = earlier else {
            continue;
        };
        let r_earlier = reports[earlier].expect("found above");
        let (Some(da), Some(db)) = (&docs[earlier], &docs[later]) else {
            continue;
        };
        let (mut reused, reused_share) = reuse::between(da, db, earlier, later);
        for p in &mut reused {
            p.a.text = da.passage(r_earlier, p.a.span);
            p.b.text = db.passage(r_later, p.b.span);
            p.text = display(&p.a.text);
        }
        out.push(YearOverYear {
            issuer: r_later.meta.issuers.first().cloned().unwrap_or_default(),
            earlier,
            later,
            earlier_year: year - 1,
            later_year: year,
            indicators: indicator_pairs(r_earlier, r_later),
            reused_share,
            reused,
            promises: promises(r_earlier, r_later),
        });
    }
    out
}

fn indicator_pairs(a: &Report, b: &Report) -> Vec<IndicatorPair> {
    a.indicators
        .iter()
        .filter_map(|ia| {
            let ib = b.indicators.iter().find(|i| i.id == ia.id)?;
            (ia.value.is_some() || ib.value.is_some()).then(|| IndicatorPair {
                id: ia.id.clone(),
                label: ia.label.clone(),
                earlier: ia.value,
                later: ib.value,
            })
        })
        .collect()
}

/// The plans of a report: the sub-headings of its 下一年度主要安排 part, else its items
/// (`一是…`), else its sentences.
pub fn plans(r: &Report) -> Vec<(String, Span)> {
    let mut out = Vec::new();
    for h in r
        .outline
        .iter()
        .filter(|h| h.part == Some(MandatedPart::Plans))
    {
        if !h.children.is_empty() {
            out.extend(h.children.iter().map(|c| (heading_text(c), c.span)));
        } else if !h.items.is_empty() {
            for (k, it) in h.items.iter().enumerate() {
                let end = h.items.get(k + 1).map_or(h.body_span.1, |n| n.span.0);
                out.extend(first_sentence(r, Span(it.span.0, end)));
            }
        } else {
            out.extend(sentences(r, h.body_span));
        }
    }
    out.retain(|(t, _)| han_count(t) >= MIN_PLAN_HAN);
    out.truncate(MAX_PLANS);
    out
}

fn heading_text(h: &Heading) -> String {
    format!("{}{}", h.marker, h.title)
}

/// The sentences of a span of a report (split at 。；！？ and line ends), with their spans.
fn sentences(r: &Report, span: Span) -> Vec<(String, Span)> {
    let units: Vec<u16> = r.text.encode_utf16().collect();
    let end = (span.1 as usize).min(units.len());
    let mut out = Vec::new();
    let mut start = (span.0 as usize).min(end);
    for i in (span.0 as usize).min(end)..end {
        let c = units[i];
        let stop = matches!(c, 0x3002 | 0xFF1B | 0xFF01 | 0xFF1F | 0x3B | 0x0A | 0x0D);
        if stop || i + 1 == end {
            let e = if stop { i + 1 } else { end };
            let s = String::from_utf16_lossy(&units[start..e]);
            let text = display(s.trim());
            if !text.is_empty() {
                out.push((text, Span(start as u32, e as u32)));
            }
            start = e;
        }
    }
    out
}

fn first_sentence(r: &Report, span: Span) -> Option<(String, Span)> {
    sentences(r, span).into_iter().next()
}

fn han_count(s: &str) -> usize {
    s.chars().filter(|c| is_han(*c)).count()
}

/// Pairs of adjacent Han characters, each as `first << 32 | second`, sorted, each once.
type Bigrams = Vec<u64>;

/// A pair of chars as one number, ordered as the pairs are.
fn pair(a: char, b: char) -> u64 {
    (a as u64) << 32 | b as u64
}

/// [`COMMON_BIGRAMS`] as sorted pairs, looked up by binary search.
static COMMON_PAIRS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut v: Vec<u64> = COMMON_BIGRAMS
        .iter()
        .filter_map(|s| {
            let mut cs = s.chars();
            Some(pair(cs.next()?, cs.next()?))
        })
        .collect();
    v.sort_unstable();
    v
});

/// The distinctive Han bigrams of a text, in matching form.
fn bigrams(s: &str) -> Bigrams {
    let han: Vec<char> = Norm::new(s, 0, Fold::Matching)
        .text
        .chars()
        .filter(|c| is_han(*c))
        .collect();
    let mut out: Vec<u64> = han
        .windows(2)
        .map(|w| pair(w[0], w[1]))
        .filter(|p| COMMON_PAIRS.binary_search(p).is_err())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How many pairs two sorted sets share.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// The sentences of the later report's measures (and first-responsible part) that carry out the
/// earlier report's plans.
fn promises(earlier: &Report, later: &Report) -> Vec<Promise> {
    let measures: Vec<(String, Span, Bigrams)> = later
        .outline
        .iter()
        .filter(|h| {
            matches!(
                h.part,
                Some(MandatedPart::Measures | MandatedPart::FirstResponsible)
            )
        })
        .flat_map(|h| {
            let mut s = sentences(later, h.body_span);
            s.insert(0, (heading_text(h), h.span));
            s
        })
        .map(|(t, span)| {
            let b = bigrams(&t);
            (t, span, b)
        })
        .collect();
    plans(earlier)
        .into_iter()
        .map(|(plan, span)| {
            let want = bigrams(&plan);
            let best = measures
                .iter()
                .filter(|_| !want.is_empty())
                .map(|(t, s, have)| {
                    let hit = shared(&want, have) as f64 / want.len() as f64;
                    (hit, t, s)
                })
                .max_by(|a, b| a.0.total_cmp(&b.0));
            let evidence = best
                .filter(|(hit, _, _)| *hit >= FOLLOW_UP_SHARE)
                .map(|(hit, t, s)| Evidence {
                    span: *s,
                    text: t.clone(),
                    score: (hit * 100.0).round() / 100.0,
                });
            Promise {
                plan,
                span,
                evidence,
            }
        })
        .collect()
}

/// A label for an indicator pair (`行政复议案件 12 → 9`).
pub fn pair_label(p: &IndicatorPair) -> String {
    let v = |x: Option<f64>| x.map_or("未报告".to_string(), number);
    format!("{} {} → {}", p.label, v(p.earlier), v(p.later))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Batch;

    const Y2022: &str = "某某镇人民政府关于2022年度法治政府建设情况的报告\n\
        一、2022年主要举措和成效\n\
        全年办理行政复议案件12件。\n\
        二、存在的不足和原因\n\
        学法用法不够深入。\n\
        三、2023年工作安排\n\
        (一)全面推行行政执法“三项制度”,实现执法全过程记录全覆盖\n\
        (二)建成镇级法治文化公园一座\n\
        (三)开展“八五”普法中期评估\n";

    const Y2023: &str = "某某镇人民政府关于2023年度法治政府建设情况的报告\n\
        一、2023年主要举措和成效\n\
        严格执行行政执法“三项制度”,执法全过程记录实现全覆盖,全年办理行政复议案件9件。\n\
        完成“八五”普法中期评估,形成评估报告。\n\
        二、存在的不足和原因\n\
        队伍力量薄弱。\n\
        三、2024年工作安排\n\
        (一)深化依法行政\n";

    fn batch() -> Batch {
        let mut b = Batch::new();
        b.add_report("2022.txt", crate::analyze(Y2022, "2022.txt"));
        b.add_report("2023.txt", crate::analyze(Y2023, "2023.txt"));
        b
    }

    #[test]
    fn plans_are_the_sub_headings_of_the_plans_part() {
        let r = crate::analyze(Y2022, "2022.txt");
        let p: Vec<String> = plans(&r).into_iter().map(|p| p.0).collect();
        assert_eq!(p.len(), 3);
        assert!(p[1].contains("法治文化公园"));
    }

    #[test]
    fn last_years_plans_followed_up_or_not_mentioned() {
        let res = batch().result();
        assert_eq!(res.years.len(), 1);
        let y = &res.years[0];
        assert_eq!(
            (y.earlier, y.later, y.earlier_year, y.later_year),
            (0, 1, 2022, 2023)
        );
        let followed: Vec<(bool, &str)> = y
            .promises
            .iter()
            .map(|p| (p.evidence.is_some(), p.plan.as_str()))
            .collect();
        assert!(followed[0].0, "三项制度 is carried out: {followed:?}");
        assert!(
            !followed[1].0,
            "the 法治文化公园 is not mentioned: {followed:?}"
        );
        assert!(followed[2].0, "the 八五 evaluation is done: {followed:?}");
        let ev = y.promises[0].evidence.as_ref().unwrap();
        let later = crate::analyze(Y2023, "2023.txt");
        assert_eq!(later.slice(ev.span), ev.text);
        let pair = y
            .indicators
            .iter()
            .find(|i| i.id == "reconsiderationCases")
            .unwrap();
        assert_eq!((pair.earlier, pair.later), (Some(12.0), Some(9.0)));
    }

    #[test]
    fn reports_two_years_apart_or_of_two_issuers_are_not_compared() {
        let mut b = Batch::new();
        b.add_report("2022.txt", crate::analyze(Y2022, "a"));
        b.add_report(
            "2024.txt",
            crate::analyze(&Y2023.replace("2023", "2024"), "b"),
        );
        assert!(b.result().years.is_empty());
        let mut b = Batch::new();
        b.add_report("a.txt", crate::analyze(Y2022, "a"));
        b.add_report(
            "b.txt",
            crate::analyze(&Y2023.replace("某某镇", "另一镇"), "b"),
        );
        assert!(b.result().years.is_empty());
    }

    /// A 区司法局's report: the title names no place; the body may.
    fn district_bureau(year: i32, place: &str) -> String {
        format!(
            "区司法局关于{year}年度法治政府建设情况的报告\n\
             {year}年,{place}司法局坚持以习近平法治思想为指导,全年办理行政复议案件12件。\n\
             一、{year}年主要举措和成效\n全年办理行政复议案件12件。\n\
             二、存在的不足和原因\n学法用法不够深入。\n\
             三、{next}年工作安排\n(一)开展“八五”普法中期评估\n",
            next = year + 1
        )
    }

    #[test]
    fn two_districts_bureaus_are_two_bodies() {
        let pairs = |a: &str, b: &str| {
            let mut batch = Batch::new();
            batch.add_report("a.txt", crate::analyze(&district_bureau(2022, a), "a"));
            batch.add_report("b.txt", crate::analyze(&district_bureau(2023, b), "b"));
            batch
                .result()
                .years
                .iter()
                .map(|y| y.issuer.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(pairs("铜梁区", "铜梁区"), ["铜梁区司法局"]);
        assert!(pairs("铜梁区", "璧山区").is_empty());
        // Neither names its district: `区司法局` is no one body, so no pair.
        assert!(pairs("区", "区").is_empty());
    }

    #[test]
    fn common_bigrams_are_pairs_of_han_and_are_never_distinctive() {
        for b in COMMON_BIGRAMS {
            assert!(b.chars().count() == 2 && b.chars().all(is_han), "{b}");
        }
        // 法治 and 政府 are everyone's; 复议 and 案件 are this plan's.
        let p = bigrams("法治政府复议案件");
        assert!(!p.contains(&pair('法', '治')) && !p.contains(&pair('政', '府')));
        assert!(p.contains(&pair('复', '议')) && p.contains(&pair('案', '件')));
    }

    #[test]
    fn shared_pairs_are_counted_once_as_a_set_intersection_would() {
        let a = bigrams("复议案件办理复议案件调解纠纷");
        let b = bigrams("办理复议案件和信访事项");
        let sa: std::collections::HashSet<u64> = a.iter().copied().collect();
        let sb: std::collections::HashSet<u64> = b.iter().copied().collect();
        assert_eq!(shared(&a, &b), sa.intersection(&sb).count());
        assert!(shared(&a, &b) >= 3 && shared(&a, &[]) == 0);
    }
}
