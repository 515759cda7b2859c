//! The number scanner: each number of a paragraph (Arabic or Chinese) that a unit makes a figure.

use crate::review::facts::subject::subject;
use crate::review::facts::units::{
    BARE_ONE, EXCLUDED_AFTER, EXCLUDED_BEFORE, EXCLUDED_PHRASES, MULTIPLIERS, ORDINAL_LIST, Place,
    RANGE_SEPARATORS, longest, qualifier_at, qualifier_before, unit_at,
};
use crate::text::markers::chinese_number;

use super::found::{Approx, CLAUSE_DELIMITERS, Found, SUBJECT_DELIMITERS};

/// An Arabic number (`95.45`) at the start of `s`: value and bytes.
fn arabic(s: &str) -> Option<(f64, usize)> {
    let int = s.bytes().take_while(u8::is_ascii_digit).count();
    if int == 0 {
        return None;
    }
    let mut end = int;
    let b = s.as_bytes();
    if b.get(int) == Some(&b'.') {
        let frac = s[int + 1..].bytes().take_while(u8::is_ascii_digit).count();
        if frac > 0 {
            end = int + 1 + frac;
        }
    }
    s[..end].parse().ok().map(|v| (v, end))
}

/// A number at the start of `s`, Arabic or Chinese (一…九十九, 两): value, bytes, whether Chinese.
fn number(s: &str) -> Option<(f64, usize, bool)> {
    if let Some((v, n)) = arabic(s) {
        return Some((v, n, false));
    }
    chinese_number(s).map(|(v, n)| (v as f64, n, true))
}

fn is_clause_end(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| CLAUSE_DELIMITERS.contains(&c) || c == '、')
}

/// Whether a number may start with this character: an ASCII digit or a Chinese numeral.
fn starts_number(c: char) -> bool {
    const NUMERALS: [char; 13] = [
        '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十',
    ];
    c.is_ascii_digit() || NUMERALS.contains(&c)
}

/// The numeric figures of a normalized paragraph.
pub(super) fn numbers(s: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut clauses = Vec::new(); // where each figure's clause begins
    let mut clause_start = 0;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if SUBJECT_DELIMITERS.contains(&c) {
            clause_start = i + c.len_utf8();
        }
        // Most characters start no number (nor an excluded phrase, which all start with a
        // numeral): one cheap test instead of trying every rule at every character.
        if !starts_number(c) {
            i += c.len_utf8();
            continue;
        }
        if let Some(p) = longest(rest, EXCLUDED_PHRASES.iter().map(|(p, _)| *p)) {
            i += p.len();
            continue;
        }
        match figure_at(s, i) {
            Some(f) => {
                let prev_end = out.last().map_or(0, |p| p.at.end);
                clauses.push(clause_start.max(prev_end));
                i = f.at.end;
                out.push(f);
            }
            None => {
                // Skip the whole number so that its tail is not read as a number of its own.
                i += number(rest).map_or(c.len_utf8(), |(_, n, _)| n.max(1));
            }
        }
    }
    let starts: Vec<usize> = out.iter().map(|f| f.at.start).collect();
    for (k, f) in out.iter_mut().enumerate() {
        let next = starts.get(k + 1).copied().unwrap_or(s.len());
        f.subject = Some(subject(s, clauses[k], &f.at, next));
    }
    out
}

/// The figure whose number starts at byte `i` of `s`, if one does.
fn figure_at(s: &str, i: usize) -> Option<Found> {
    let (value, n, chinese) = number(&s[i..])?;
    let before = &s[..i];
    let mut back = before.chars().rev();
    let prev = back.next();
    if prev.is_some_and(|p| p.is_ascii_alphanumeric()) {
        return None; // inside a code or a longer number: G20, 5G
    }
    if EXCLUDED_BEFORE.iter().any(|(w, _)| before.ends_with(w)) {
        return None;
    }
    let is_numeral =
        |c: Option<char>| c.is_some_and(|c| chinese_number(c.encode_utf8(&mut [0; 4])).is_some());
    if chinese && is_numeral(prev) {
        return None; // the tail of a numeral read elsewhere
    }
    if chinese && prev == Some(ORDINAL_LIST) && is_numeral(back.next()) {
        return None;
    }
    let mut j = i + n;
    let mut approx = Approx::Exact;
    let (mut lower, mut upper) = (None, None);
    let mut value = value;
    // A range: 2-3名, 2至3名.
    if !chinese
        && let Some(sep) = longest(&s[j..], RANGE_SEPARATORS.iter().copied())
        && let Some((hi, m)) = arabic(&s[j + sep.len()..])
        && hi > value
    {
        j += sep.len() + m;
        approx = Approx::Range;
        lower = Some(value);
        upper = Some(hi);
    }
    if !s[j..].starts_with("万元")
        && !s[j..].starts_with("亿元")
        && let Some((m, k)) = MULTIPLIERS.iter().find(|(m, _)| s[j..].starts_with(m))
        && approx == Approx::Exact
    {
        value *= k;
        j += m.len();
    }
    if let Some((q, a)) = qualifier_at(&s[j..], Place::Between) {
        j += q.len();
        approx = approx_of(approx, a);
    }
    let unit = unit_at(&s[j..])?;
    j += unit.len();
    if let Some((q, a)) = qualifier_at(&s[j..], Place::After) {
        j += q.len();
        approx = approx_of(approx, a);
    }
    if EXCLUDED_AFTER.iter().any(|(w, _)| s[j..].starts_with(w)) {
        return None;
    }
    let mut start = i;
    if let Some((q, a)) = qualifier_before(before) {
        start -= q.len();
        approx = approx_of(approx, a);
    }
    if chinese
        && &s[i..i + n] == BARE_ONE
        && start == i
        && approx == Approx::Exact
        && !is_clause_end(&s[j..])
    {
        return None;
    }
    match approx {
        Approx::AtLeast => lower = Some(value),
        Approx::AtMost => upper = Some(value),
        _ => {}
    }
    Some(Found {
        value,
        unit,
        approx,
        lower,
        upper,
        at: start..j,
        subject: None,
    })
}

/// Combines two qualifiers of one figure: the first one that is not exact wins.
fn approx_of(current: Approx, new: Approx) -> Approx {
    if current == Approx::Exact {
        new
    } else {
        current
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::facts::tests::{f, none, one};
    use crate::review::facts::units::EXCLUDED_PHRASES;

    use Approx::*;

    #[test]
    fn every_excluded_phrase_starts_where_a_number_may_start() {
        // `numbers` skips characters that start no number before it looks for excluded phrases.
        for (p, _) in EXCLUDED_PHRASES {
            assert!(starts_number(p.chars().next().unwrap()), "{p}");
        }
        assert!(starts_number('两') && starts_number('7') && !starts_number('第'));
    }

    #[test]
    fn full_width_percent_and_digits() {
        // 、 ends the subject: 镇、村 leaves 村.
        assert_eq!(
            one("落实镇、村法律顾问覆盖率100％，"),
            f("100％", 100.0, "%", Exact, "村法律顾问覆盖率")
        );
        assert_eq!(one("调解成功４２件。").1, 42.0);
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(
            one("组织集中学法两次。"),
            f("两次", 2.0, "次", Exact, "集中学法")
        );
        assert_eq!(one("开展送法下乡十余次。").1, 10.0);
        assert_eq!(one("开展送法下乡十余次。").3, AtLeast);
        assert_eq!(one("举办法治讲座三场，").0, "三场");
        assert_eq!(one("开展宣传二十一次。").1, 21.0);
        assert_eq!(one("设置法治文化小广场一个,有效推进").0, "一个");
        // Rejected: bare 一 before a unit inside a clause is an article or an idiom.
        none("坚持一次告知、一窗受理");
        none("镇综治中心每月召开一次各村治安民调主任例会");
        none("培养了一批村级法律明白人");
        none("一人身兼多职");
    }

    #[test]
    fn years_dates_times_ordinals_are_not_figures() {
        none("2023年以来，我镇坚持以习近平新时代中国特色社会主义思想为指导");
        none("2023年12月20日");
        none("2023年3月30日，我镇组织领导班子");
        none("一是抓好领导班子学习。二是强化干部职工学习。");
        none("（一）强化领导，压实压紧工作责任。");
        none("1、上一年度推进法治政府建设的主要举措和成效");
        none("第一责任人职责");
        none("时间:2023-12-21");
    }
}
