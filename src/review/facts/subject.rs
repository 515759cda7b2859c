//! The subject of a figure: the phrase it counts, trimmed of words that time or frame the count.

use std::ops::Range;

use super::found::SUBJECT_DELIMITERS;

/// Words stripped from the start of a subject, repeatedly: they time or frame the count, they
/// are not what it counts (`2023年共提供法律咨询服务` → `法律咨询服务`). Leading years
/// (`2023年`, `2023年度`, `2023年以来`) go too.
#[rustfmt::skip]
pub const SUBJECT_LEADING_NOISE: &[&str] = &[
    "截至目前", "今年以来", "一年来", "全年", "目前", "全镇", "全县", "全区", "各村",
    "共计", "累计", "共有", "共", "其中", "先后", "已", "并", "还",
    "开展", "提供", "组织", "举办", "建立", "发放", "各类",
];

/// Words stripped from the end of a subject (`调处成功率达` → `调处成功率`).
#[rustfmt::skip]
pub const SUBJECT_TRAILING_NOISE: &[&str] = &[
    "达到", "达", "为", "了", "和", "与", "共计", "累计", "共", "有", "约",
];

/// Words that start like noise but are content (`共青团` is not `共` + `青团`).
const SUBJECT_KEEP: &[&str] = &["共青团", "共同", "共享", "共建", "共治"];

/// Words that, right after a figure, comment on it rather than name what it counts.
#[rustfmt::skip]
pub const AFTER_NOT_SUBJECT: &[&str] = &[
    "并", "已", "均", "全部", "其中", "同比", "较", "比", "占", "的", "等",
];

/// The subject of a figure at `at` whose clause begins at `from` (the next figure begins at
/// `next`): the noun right after a classifier when the clause goes on (`12个村委会实现…` →
/// `村委会实现…`, `选出2-3名调解员` → `调解员`); else the phrase before it, trimmed of noise
/// words; when nothing is left there either, the phrase after it.
pub(super) fn subject(s: &str, from: usize, at: &Range<usize>, next: usize) -> Range<usize> {
    let next = next.clamp(at.end, s.len());
    let end = s[at.end..next]
        .find(SUBJECT_DELIMITERS)
        .map_or(next, |k| at.end + k);
    // After the figure the verb is content (`组织班子成员…`): only the end is trimmed.
    let after = trim(s, at.end..end, false);
    let after_is_noun = !AFTER_NOT_SUBJECT.iter().any(|w| s[at.end..].starts_with(w));
    if after.start < after.end && after_is_noun {
        return after;
    }
    let before = trim(s, from.min(at.start)..at.start, true);
    if before.start < before.end || !after_is_noun {
        return before;
    }
    after
}

/// A year at the start of `s` (`2023年`, `2023年度`, `2023年以来`, `2023以来`): its bytes.
fn leading_year(s: &str) -> usize {
    let d = s.bytes().take_while(u8::is_ascii_digit).count();
    if d != 4 {
        return 0;
    }
    let mut n = d;
    for w in ["年", "度", "以来"] {
        if s[n..].starts_with(w) {
            n += w.len();
        }
    }
    if n == d { 0 } else { n }
}

fn trim(s: &str, mut r: Range<usize>, leading: bool) -> Range<usize> {
    while leading && r.start < r.end {
        let t = &s[r.clone()];
        let t = t.trim_start_matches(' ');
        let lead = r.end - r.start - t.len();
        if lead > 0 {
            r.start += lead;
            continue;
        }
        if SUBJECT_KEEP.iter().any(|k| t.starts_with(k)) {
            break;
        }
        let y = leading_year(t);
        if y > 0 {
            r.start += y;
            continue;
        }
        match SUBJECT_LEADING_NOISE.iter().find(|w| t.starts_with(*w)) {
            Some(w) => r.start += w.len(),
            None => break,
        }
    }
    loop {
        let t = &s[r.clone()];
        let t = t.trim_end_matches(' ');
        let tail = r.end - r.start - t.len();
        if tail > 0 {
            r.end -= tail;
            continue;
        }
        match SUBJECT_TRAILING_NOISE.iter().find(|w| t.ends_with(*w)) {
            Some(w) => r.end -= w.len(),
            None => break,
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::facts::tests::{f, figs, one};

    use crate::review::facts::Approx::*;

    #[test]
    fn subject_noise_words_and_years_are_trimmed() {
        assert_eq!(
            one("积极开展法律咨询服务，2023年共提供法律咨询服务120余次，推动镇、村依法治理。"),
            f("120余次", 120.0, "次", AtLeast, "法律咨询服务")
        );
        assert_eq!(
            one("全镇建立人民调解委员会46个，"),
            f("46个", 46.0, "个", Exact, "人民调解委员会")
        );
        assert_eq!(
            one("共青团组织活动3次。").4,
            "共青团组织活动",
            "共青团 is no 共"
        );
    }

    #[test]
    fn subject_noise_tables() {
        for w in SUBJECT_LEADING_NOISE {
            let line = format!("{w}调解成功42件。");
            assert_eq!(one(&line).4, "调解成功", "{line}");
        }
        for w in SUBJECT_TRAILING_NOISE {
            let line = format!("调解成功{w}42件。");
            assert_eq!(one(&line).4, "调解成功", "{line}");
        }
        for w in SUBJECT_KEEP {
            let line = format!("{w}调解成功42件。");
            assert_eq!(one(&line).4, format!("{w}调解成功"), "{line}");
        }
        // Rejected: a framing word inside the subject stays.
        assert_eq!(
            one("人民调解共开展调解成功42件。").4,
            "人民调解共开展调解成功"
        );
    }

    #[test]
    fn subject_after_the_figure_when_nothing_precedes() {
        assert_eq!(
            one("2次组织班子成员开展谈心谈话，了解思想动态。"),
            f("2次", 2.0, "次", Exact, "组织班子成员开展谈心谈话")
        );
    }

    #[test]
    fn noun_after_a_classifier_is_the_subject() {
        assert_eq!(
            one("辖区内12个村委会实现驻村法律顾问全覆盖,").4,
            "村委会实现驻村法律顾问全覆盖"
        );
        assert_eq!(one("小组长中选出2-3名调解员,").4, "调解员");
        assert_eq!(
            figs("计划对我镇44个村和2个社区全覆盖")
                .into_iter()
                .map(|x| x.4)
                .collect::<Vec<_>>(),
            vec!["村", "社区全覆盖"]
        );
    }

    #[test]
    fn after_not_subject_table() {
        for w in AFTER_NOT_SUBJECT {
            let line = format!("受理案件15件{w}办结。");
            assert_eq!(one(&line).4, "受理案件", "{line}");
        }
    }

    #[test]
    fn enumeration_comma_ends_a_subject() {
        assert_eq!(
            figs("其中现场调处5件、引导至相关职能部门2件。"),
            vec![
                f("5件", 5.0, "件", Exact, "现场调处"),
                f("2件", 2.0, "件", Exact, "引导至相关职能部门"),
            ]
        );
    }
}
