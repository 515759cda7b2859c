//! The rule on the report's year: `year-mismatch` (in the lead-in and the part headings).

use std::ops::Range;

use crate::structure::classify::MandatedPart;
use crate::text::normalize::fold_width;

use super::rules::LEAD_IN_MAX_CHARS;
use super::sink::{Sink, first_heading_block};

/// Years written `2023年` in normalized text (not the ends of a range `2021-2025年`), with byte ranges.
fn years_in(s: &str) -> Vec<(i32, Range<usize>)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let four = &b[i..i + 4];
        let starts = (four.starts_with(b"19") || four.starts_with(b"20"))
            && four.iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit());
        if starts && s[i + 4..].starts_with('年') {
            let before = s[..i].chars().next_back();
            if !matches!(before, Some('-' | '~' | '至' | '—' | '－')) {
                let year = s[i..i + 4].parse().unwrap_or(0);
                out.push((year, i..i + 4 + '年'.len_utf8()));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    out
}

/// Words that make a year the plans' year when they follow it in the same phrase: a lead-in
/// may announce next year's plans with this year's work (`及2025年度工作思路总结如下`).
#[rustfmt::skip]
pub const PLAN_WORDS: &[&str] = &[
    "思路", "计划", "打算", "安排", "下一步", "要点", "目标", // 工作思路, 工作计划…
];

/// How far after a year (in chars) its plan word may stand.
const PLAN_WORD_MAX_CHARS: usize = 10;

/// Whether a plan word follows the year ending at `end` in its phrase (up to `及`, `和`, `、`,
/// another number or a clause end).
fn names_plans(s: &str, end: usize) -> bool {
    let phrase: String = s[end..]
        .chars()
        .take(PLAN_WORD_MAX_CHARS)
        .take_while(|c| !c.is_ascii_digit() && !",。;:!?及和与、".contains(*c))
        .collect();
    PLAN_WORDS.iter().any(|w| phrase.contains(w))
}

/// Whether the year ending at `end` begins a full date (`2019年12月3日`): a date says when,
/// not which year the report covers (a page's date widget, a meeting's day).
fn begins_date(s: &str, end: usize) -> bool {
    let rest = &s[end..];
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let m = digits(rest);
    (1..=2).contains(&m) && rest[m..].starts_with('月') && {
        let day = &rest[m + '月'.len_utf8()..];
        let d = digits(day);
        (1..=2).contains(&d) && day[d..].starts_with(['日', '号'])
    }
}

/// A year the lead-in writes.
struct YearSpot {
    block: usize,
    year: i32,
    /// Byte range in the block's normalized text.
    range: Range<usize>,
    /// Inside `现将……如下` (else the paragraph's first words).
    lead_in: bool,
    /// A plan word follows it ([`PLAN_WORDS`]).
    plans: bool,
}

pub(super) fn years(sink: &mut Sink<'_>) {
    let input = sink.input;
    let bs = &input.blocks.blocks;
    // The lead-in: the opening paragraph's first words and its 现将……如下, in the report's own
    // text (after the title, not page chrome, not a date).
    let first_head = first_heading_block(input);
    let title_end = input.meta.title_span.as_ref().map_or(0, |t| t.end);
    let mut spots: Vec<YearSpot> = Vec::new();
    for (bi, b) in bs.iter().enumerate().take(first_head) {
        if b.span.start < title_end {
            continue;
        }
        let s = &b.norm.text;
        let on_page = |r: &Range<usize>| {
            let raw = b.norm.raw_span(r.clone());
            sink.page
                .off_ranges
                .iter()
                .any(|o| raw.start < o.end && o.start < raw.end)
        };
        let mut add = |y: i32, r: Range<usize>, lead_in: bool| {
            if !on_page(&r) && !begins_date(s, r.end) {
                spots.push(YearSpot {
                    block: bi,
                    year: y,
                    plans: names_plans(s, r.end),
                    range: r,
                    lead_in,
                });
            }
        };
        if let Some((y, r)) = years_in(s).into_iter().find(|y| y.1.start == 0) {
            add(y, r, false);
        }
        if let Some(p) = s.find("现将").or_else(|| s.find("现就")) {
            let tail: String = s[p..].chars().take(LEAD_IN_MAX_CHARS).collect();
            if let Some(end) = tail.find("如下") {
                for (y, r) in years_in(&tail[..end]) {
                    add(y, r.start + p..r.end + p, true);
                }
            }
        }
    }
    // The report's year: its title's; without a title, the year its own 现将……如下 names (a
    // year found elsewhere may be a page header's: `天津市静海区人民政府 2019年12月3日星期二`).
    let title_year = input.meta.title.as_deref().and_then(|t| {
        let folded: String = t.chars().map(fold_width).collect();
        years_in(&folded).first().map(|y| y.0)
    });
    let lead_in_year = spots
        .iter()
        .find(|s| s.lead_in && !s.plans)
        .or_else(|| spots.iter().find(|s| s.lead_in))
        .map(|s| s.year);
    let Some(year) = title_year.or(lead_in_year).or(input.meta.year) else {
        return;
    };
    let report =
        |sink: &mut Sink<'_>, block: usize, r: Range<usize>, found: i32, want: i32, what: &str| {
            let raw = bs[block].norm.raw_span(r);
            let message = format!("{what}写的是{found}年，与报告年度{year}年不符");
            sink.push(
                "year-mismatch",
                Some(raw),
                message,
                Some(format!("{want}年")),
            );
        };
    for s in spots {
        // Next year's plans may be announced with this year's work.
        let plans_year = s.plans && s.year == year + 1;
        if s.year != year && !plans_year {
            report(sink, s.block, s.range, s.year, year, "开头");
        }
    }
    // Part headings: the year's parts speak of the report's year, the plans of the next.
    let mut carried: Vec<(usize, Vec<MandatedPart>)> = Vec::new();
    for p in input.parts {
        for &(hi, _) in &p.carriers {
            match carried.iter_mut().find(|c| c.0 == hi) {
                Some(c) => c.1.push(p.part),
                None => carried.push((hi, vec![p.part])),
            }
        }
    }
    for (hi, parts) in carried {
        // A heading carrying plans and another part names both years; leave it alone.
        let plans = parts.contains(&MandatedPart::Plans);
        if plans && parts.len() > 1 {
            continue;
        }
        let want = if plans { year + 1 } else { year };
        let h = &input.heads[hi];
        let s = &bs[h.block].norm.text;
        let Some(at) = s
            .find(h.title_norm.as_str())
            .filter(|_| !h.title_norm.is_empty())
        else {
            continue;
        };
        let ys = years_in(&h.title_norm);
        if !ys.is_empty() && !ys.iter().any(|y| y.0 == want) {
            let (y, r) = ys[0].clone();
            let what = if plans {
                "下一年度安排的标题"
            } else {
                "标题"
            };
            report(sink, h.block, r.start + at..r.end + at, y, want, what);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::review::lints::tests::{CLEAN, clean_with, fired};

    #[test]
    fn year_mismatch() {
        // The plans section names the report's own year.
        let text = clean_with("四、2024年度推进", "四、2023年度推进");
        assert_eq!(fired("year-mismatch", &text), vec!["2023年"]);
        // The lead-in names another year.
        let text = clean_with("现将2023年度法治", "现将2022年度法治");
        assert_eq!(fired("year-mismatch", &text), vec!["2022年"]);
        // A measures heading of last year.
        let text = clean_with("一、2023年度推进", "一、2022年度推进");
        assert_eq!(fired("year-mismatch", &text), vec!["2022年"]);
        // Plan ranges and earlier years in the body are no finding.
        assert_eq!(fired("year-mismatch", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn year_mismatch_counts_only_the_reports_own_text() {
        // No title; the page header's date widget is of another year (web001's site header).
        let untitled = CLEAN.split_once('\n').unwrap().1;
        let text = format!("天津市静海区人民政府 2019年12月3日星期二\n{untitled}");
        assert_eq!(fired("year-mismatch", &text), Vec::<String>::new());
        let text = format!("2019年12月3日 星期二\n{untitled}");
        assert_eq!(fired("year-mismatch", &text), Vec::<String>::new());
        // Without a title the lead-in names the year; an opening of another year is still found.
        let text = untitled.replacen("2023年，岗集镇", "2022年，岗集镇", 1);
        assert_eq!(fired("year-mismatch", &text), vec!["2022年"]);
    }

    #[test]
    fn year_mismatch_allows_next_years_plans_in_the_lead_in() {
        let lead_in = "现将2023年度法治政府建设情况报告如下";
        // The 2024 of a 2023 report is the plans' year.
        for plans in ["2024年度工作思路", "2024年工作计划", "2024年工作打算"] {
            let text = clean_with(
                lead_in,
                &format!("现将我镇2023年法治建设工作情况及{plans}总结如下"),
            );
            assert_eq!(
                fired("year-mismatch", &text),
                Vec::<String>::new(),
                "{plans}"
            );
        }
        // Two years ahead, or next year's work without a plan word: a slip.
        let text = clean_with(
            lead_in,
            "现将我镇2023年法治建设工作情况及2025年度工作思路总结如下",
        );
        assert_eq!(fired("year-mismatch", &text), vec!["2025年"]);
        let text = clean_with(lead_in, "现将2024年度法治政府建设情况报告如下");
        assert_eq!(fired("year-mismatch", &text), vec!["2024年"]);
    }
}
