//! What makes a number a figure: the units after it, qualifiers, multipliers, and exclusions.

use super::found::Approx;

/// Units a number may carry, as written after it (normalized: `％` is `%`); the longest match wins.
#[rustfmt::skip]
pub const UNITS: &[(&str, &str)] = &[
    ("个工作日", "working days: 办理时限压缩至3个工作日"),
    ("个百分点", "percentage points"),
    ("个月",     "months"),
    ("人次",     "attendances: 惠及15000人次"),
    ("场次",     "sessions: 超过20场次"),
    ("户次",     "household visits"),
    ("件次",     "case counts"),
    ("万元",     "ten thousand yuan (kept as the unit, not multiplied)"),
    ("亿元",     "hundred million yuan"),
    ("小时",     "hours"),
    ("%",        "percent: 95.45%, 100％"),
    ("件",       "cases, documents: 调解成功42件"),
    ("次",       "times: 讲座2次"),
    ("场",       "events: 三场"),
    ("份",       "copies: 宣传资料8000余份"),
    ("个",       "general classifier: 人民调解委员会46个"),
    ("名",       "persons: 调解员237名"),
    ("人",       "persons"),
    ("户",       "households"),
    ("项",       "items"),
    ("条",       "items, banners"),
    ("期",       "issues, training rounds"),
    ("篇",       "articles"),
    ("家",       "firms"),
    ("村",       "villages"),
    ("元",       "yuan"),
    ("天",       "days"),
    ("起",       "incidents, cases"),
    ("宗",       "cases"),
    ("批",       "batches"),
    ("册",       "booklets"),
    ("张",       "sheets"),
    ("幅",       "banners"),
];

/// Where a qualifier stands relative to the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// Before the number (`超过20场次`).
    Before,
    /// Between the number and its unit (`30余次`, `2万多份`).
    Between,
    /// After the unit (`100人以上`).
    After,
}

/// Words that make a figure approximate; the longest match wins (`不超过` over `超过`).
#[rustfmt::skip]
pub const QUALIFIERS: &[(&str, Place, Approx)] = &[
    ("超过",   Place::Before,  Approx::AtLeast), // 超过20场次
    ("逾",     Place::Before,  Approx::AtLeast), // 逾百人 style, with digits: 逾500人
    ("不少于", Place::Before,  Approx::AtLeast), // 不少于4次
    ("不低于", Place::Before,  Approx::AtLeast), // 不低于90%
    ("不超过", Place::Before,  Approx::AtMost),  // 不超过5个工作日
    ("不到",   Place::Before,  Approx::AtMost),  // 不到10件
    ("大约",   Place::Before,  Approx::About),   // 大约300人
    ("约",     Place::Before,  Approx::About),   // 约300人
    ("近",     Place::Before,  Approx::About),   // 近百场 style, with digits: 近30次
    ("余",     Place::Between, Approx::AtLeast), // 30余次
    ("多",     Place::Between, Approx::AtLeast), // 2万多份
    ("以上",   Place::After,   Approx::AtLeast), // 100人以上
    ("左右",   Place::After,   Approx::About),   // 50人左右
    ("以内",   Place::After,   Approx::AtMost),  // 3个工作日以内
    ("以下",   Place::After,   Approx::AtMost),  // 5人以下
];

/// Multipliers between a number and its unit (`2万多份` = 20000 份); `万元` stays a unit.
pub(super) const MULTIPLIERS: &[(&str, f64)] = &[("万", 1e4), ("千", 1e3), ("亿", 1e8)];

/// Separators of a range between two numbers (`2-3名`, `2至3名`).
pub(super) const RANGE_SEPARATORS: &[&str] = &["-", "~", "—", "–", "至", "到"];

/// What right before a number makes it no quantity (checked on the normalized text).
#[rustfmt::skip]
pub const EXCLUDED_BEFORE: &[(&str, &str)] = &[
    ("第", "ordinal: 第3条, 第一次"),
    ("数", "indefinite: 数十次"),
    ("几", "indefinite: 几十次"),
    ("每", "frequency, not a count: 每3个月"),
    ("〕", "document number: 〔2023〕5号"),
    ("]",  "document number: [2023]5号"),
    ("-",  "part of a date, phone number or plan range: 2023-12-21, 0759-1234567"),
    ("/",  "part of a date: 2021/03/29"),
    (":",  "part of a time: 9:00"),
    (".",  "part of a date or version: 2023.12.20"),
];

/// What right after a number's unit makes it an ordinal, not a count.
#[rustfmt::skip]
pub const EXCLUDED_AFTER: &[(&str, &str)] = &[
    ("党代会",   "ordinal meeting: 县十五次党代会"),
    ("全委会",   "ordinal meeting: 四次全委会"),
    ("全会",     "ordinal meeting: 五次全会"),
    ("全体会议", "ordinal meeting"),
    ("代表大会", "ordinal meeting: 第十次代表大会"),
];

/// Names that contain a numeral and a unit-like character but count nothing.
#[rustfmt::skip]
pub const EXCLUDED_PHRASES: &[(&str, &str)] = &[
    ("八五",         "八五普法 / “八五”: the 8th five-year legal education plan"),
    ("七五",         "七五普法: the 7th plan"),
    ("十四五",       "the 14th five-year plan"),
    ("十五五",       "the 15th five-year plan"),
    ("二十大",       "the 20th party congress"),
    ("三项制度",     "行政执法三项制度, a name"),
    ("一件事一次办", "a service slogan"),
];

/// A numeral after `、` and another numeral is one of a list of ordinals (`三、四次全委会`).
pub(super) const ORDINAL_LIST: char = '、';

/// A bare `一` before a unit is an article (`一名干部`, `一次告知`, `每月召开一次…`) unless the
/// count closes its clause (`设置法治文化小广场一个，`).
pub(super) const BARE_ONE: &str = "一";

pub(super) fn longest<'a>(rest: &str, words: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    words
        .filter(|w| rest.starts_with(*w))
        .max_by_key(|w| w.len())
}

pub(super) fn unit_at(rest: &str) -> Option<&'static str> {
    longest(rest, UNITS.iter().map(|(u, _)| *u))
}

pub(super) fn qualifier_at(rest: &str, place: Place) -> Option<(&'static str, Approx)> {
    QUALIFIERS
        .iter()
        .filter(|(q, p, _)| *p == place && rest.starts_with(q))
        .max_by_key(|(q, _, _)| q.len())
        .map(|(q, _, a)| (*q, *a))
}

pub(super) fn qualifier_before(before: &str) -> Option<(&'static str, Approx)> {
    QUALIFIERS
        .iter()
        .filter(|(q, p, _)| *p == Place::Before && before.ends_with(q))
        .max_by_key(|(q, _, _)| q.len())
        .map(|(q, _, a)| (*q, *a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::facts::figures;
    use crate::review::facts::tests::{f, none, one};

    use Approx::*;

    #[test]
    fn units_table_longest_match() {
        // Each row of UNITS has a real line it accepts.
        for (unit, _) in UNITS {
            let line = format!("办理事项12{unit}。");
            let (_, v, u, _, _) = one(&line);
            assert_eq!((v, u.as_str()), (12.0, *unit), "{line}");
        }
        assert_eq!(one("惠及15000人次。").2, "人次");
        assert_eq!(one("开展法治讲座超过20场次;").2, "场次");
        // Rejected: a number followed by no unit.
        none("持续推进“3.15”消费者权益日宣传。");
    }

    #[test]
    fn qualifiers_table() {
        let cases = [
            ("开展法治讲座超过20场次;", "超过20场次", AtLeast),
            ("受益群众逾500人。", "逾500人", AtLeast),
            ("组织学法不少于4次。", "不少于4次", AtLeast),
            ("群众满意率不低于90%。", "不低于90%", AtLeast),
            ("办理时限不超过5个工作日。", "不超过5个工作日", AtMost),
            ("受理投诉不到10件。", "不到10件", AtMost),
            ("参加群众大约300人。", "大约300人", About),
            ("参加群众约300人。", "约300人", About),
            ("开展宣传近30次。", "近30次", About),
            ("开展法治主题活动30余次。", "30余次", AtLeast),
            ("发放宣传资料2万多份,", "2万多份", AtLeast),
            ("培训干部100人以上。", "100人以上", AtLeast),
            ("参会50人左右。", "50人左右", About),
            ("办结时间3个工作日以内。", "3个工作日以内", AtMost),
            ("每组5人以下。", "5人以下", AtMost),
        ];
        for (line, text, approx) in cases {
            let (t, _, _, a, _) = one(line);
            assert_eq!((t.as_str(), a), (text, approx), "{line}");
        }
        // Rejected: a qualifier word away from a number is no qualifier.
        assert_eq!(one("近年来调解成功42件。").3, Exact);
        assert_eq!(QUALIFIERS.len(), cases.len());
    }

    #[test]
    fn bounds_follow_the_qualifier() {
        let b = crate::text::blocks::split("开展法治讲座超过20场次，办理时限不超过5个工作日。");
        let v = figures("开展法治讲座超过20场次，办理时限不超过5个工作日。", &b);
        assert_eq!((v[0].lower, v[0].upper), (Some(20.0), None));
        assert_eq!((v[1].lower, v[1].upper), (None, Some(5.0)));
    }

    #[test]
    fn large_numbers_multiply() {
        assert_eq!(
            one("发放宣传资料2万多份,"),
            f("2万多份", 20000.0, "份", AtLeast, "宣传资料")
        );
        assert_eq!(one("惠及1.5万人次。").1, 15000.0);
        assert_eq!(one("印制3千余册。").1, 3000.0);
        // 万元 is a unit, not a multiplier.
        assert_eq!(
            one("投入经费5万元。"),
            f("5万元", 5.0, "万元", Exact, "投入经费")
        );
        assert_eq!(one("总投资1.2亿元。").2, "亿元");
    }

    #[test]
    fn ranges() {
        let b = crate::text::blocks::split("从小组长中选出2-3名调解员，");
        let v = figures("从小组长中选出2-3名调解员，", &b);
        assert_eq!(v.len(), 1);
        assert_eq!(
            (v[0].text.as_str(), v[0].approx, v[0].lower, v[0].upper),
            ("2-3名", Range, Some(2.0), Some(3.0))
        );
        assert_eq!(one("每村选出2至3名调解员，").0, "2至3名");
        assert_eq!(one("每村选出2~3名调解员，").3, Range);
        // Rejected: a plan range carries no unit.
        none("贯彻《法治政府建设实施纲要（2021-2025年）》");
        none("贯彻《法治政府建设实施纲要（2021—2025年）》");
    }

    #[test]
    fn excluded_before_table() {
        for (line, why) in [
            ("依据第3条规定。", "第"),
            ("开展数十次宣传。", "数"),
            ("开展几十次宣传。", "几"),
            ("每3个月召开会议。", "每"),
            ("印发〔2023〕5号文件", "〕"),
            ("印发[2023]5号文件", "]"),
            ("咨询电话0759-1234567", "-"),
            ("更新时间2021/03/29", "/"),
            ("上午9:00开始", ":"),
            ("2023.12.20印发", "."),
        ] {
            none(line);
            assert!(EXCLUDED_BEFORE.iter().any(|(w, _)| *w == why));
        }
        // Accepted: the same numbers with a unit and nothing before them.
        assert_eq!(one("依据3条规定。").0, "3条");
        assert_eq!(one("开展十次宣传。").0, "十次");
        assert_eq!(one("召开会议3个月。").0, "3个月");
    }

    #[test]
    fn excluded_after_table() {
        none("学习贯彻县十五次党代会精神");
        none("市委六届一、二、三、四次全委会精神");
        none("党的二十届二中全会和五次全会精神");
        none("召开第十次代表大会");
        none("召开两次全体会议");
        none("县委十五届一、二、三、四次、五次全委会精神");
        // Accepted: a meeting count.
        assert_eq!(one("召开党委会5次。").0, "5次");
    }

    #[test]
    fn excluded_phrases_table() {
        for (phrase, _) in EXCLUDED_PHRASES {
            none(&format!("深入推进“{phrase}”，开展工作"));
        }
        none("按照“八五”普法工作要求");
        none("建立行政执法三项制度");
        none("深入学习贯彻党的二十大精神");
        // Accepted: 三项 that counts.
        assert_eq!(one("修订制度三项。").0, "三项");
    }
}
