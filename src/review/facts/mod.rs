//! Facts: every quantity the report states — counts with their unit (件, 次, 人次, 万元…),
//! percentages, Chinese numerals, approximations (`余`, `超过`), ranges, zero said in words
//! (`无被申请行政复议案件`) — each with the subject it counts and a span. Not figures: years,
//! dates, ordinals, plan ranges (`2021-2025年`), document numbers (`〔2023〕5号`), `八五普法`.
//!
//! A number is a figure only when a unit of [`UNITS`] follows it: that one rule keeps years
//! (`2023年`), dates (`12月20日`), times (`9:00`), phone numbers and document numbers (`5号`) out.
//! The tables [`EXCLUDED_BEFORE`], [`EXCLUDED_AFTER`] and [`EXCLUDED_PHRASES`] take out what
//! has a unit but is not a quantity (`第3条`, `十五次党代会`, `三项制度`). Scanning runs on each
//! paragraph's normalized text (`，` already `,`, `％` already `%`) and maps back to raw bytes.

use std::ops::Range;

use serde::Serialize;

use crate::span::Span;
use crate::text::blocks::Blocks;
use crate::text::markers::chinese_number;
use crate::text::normalize::display;

/// How exact a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Approx {
    /// Stated exactly (`42件`).
    Exact,
    /// At least the value (`30余次`, `超过20场次`, `2万多份`, `以上`, `不少于`).
    AtLeast,
    /// At most the value (`不超过`, `以内`).
    AtMost,
    /// About the value (`约`, `近`, `左右`).
    About,
    /// A range (`2-3名`): `lower` and `upper` are set.
    Range,
}

/// A quantity stated in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The number (for a range, its lower end; 0 for zero said in words).
    pub value: f64,
    /// The unit as written (`件`, `次`, `人次`, `%`, `万元`…).
    pub unit: String,
    /// How exact it is.
    pub approx: Approx,
    /// Lower bound, where one is known.
    pub lower: Option<f64>,
    /// Upper bound, where one is known.
    pub upper: Option<f64>,
    /// What it counts: the phrase before it in its clause (`调解成功`, `法律咨询服务`).
    pub subject: String,
    /// The figure as written (`2万多份`, `95.45%`, `无被申请行政复议案件`).
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Byte range in the analyzed text (the model turns it into `span`).
    #[serde(skip)]
    pub range: Range<usize>,
}

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
const MULTIPLIERS: &[(&str, f64)] = &[("万", 1e4), ("千", 1e3), ("亿", 1e8)];

/// Separators of a range between two numbers (`2-3名`, `2至3名`).
const RANGE_SEPARATORS: &[&str] = &["-", "~", "—", "–", "至", "到"];

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
const ORDINAL_LIST: char = '、';

/// A bare `一` before a unit is an article (`一名干部`, `一次告知`, `每月召开一次…`) unless the
/// count closes its clause (`设置法治文化小广场一个，`).
const BARE_ONE: &str = "一";

/// Where a clause ends for the subject of a figure (normalized text: `，` is `,`).
const SUBJECT_DELIMITERS: &[char] = &[',', '。', ';', ':', '、', '!', '?', '\n'];

/// Where a clause ends for zero said in words (a list with `、` stays one clause).
const CLAUSE_DELIMITERS: &[char] = &[',', '。', ';', ':', '!', '?', '\n'];

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

/// Negations that state a zero count, with whether the counted thing must follow at once; the
/// subject is what follows the cue (the passive `被` stays in it).
#[rustfmt::skip]
pub const ZERO_CUES: &[(&str, bool, &str)] = &[
    ("无被",       false, "无被申请行政复议案件产生"),
    ("未被",       false, "未被作为被告参与行政诉讼案件"),
    ("未发生过",   false, "今年未发生过吸毒人员肇事肇祸案件"),
    ("未发生",     false, "全镇未发生因部门执法…引起的闹访、群访事件"),
    ("无发生",     false, "全年无发生精神障碍患者肇事肇祸案事件"),
    ("没有发生",   false, "没有发生重大安全事故"),
    ("未出现",     false, "未出现行政败诉案件"),
    ("未有",       false, "2023年度未有制定规范性文件"),
    ("零",         true,  "零投诉, 零上访"),
    ("无",         true,  "无违约, 无上访"),
];

/// Things a zero statement counts, with the unit its figure takes; one must follow the cue.
#[rustfmt::skip]
pub const COUNTED: &[(&str, &str)] = &[
    ("规范性文件", "件"),
    ("行政复议",   "件"),
    ("行政诉讼",   "件"),
    ("案事件",     "件"),
    ("案件",       "件"),
    ("事件",       "件"),
    ("事故",       "起"),
    ("投诉",       "件"),
    ("上访",       "次"),
    ("信访",       "次"),
    ("违约",       "件"),
    ("纠纷",       "件"),
];

/// Finds the figures of the report's text blocks, in document order.
pub fn figures(text: &str, blocks: &Blocks) -> Vec<Figure> {
    let mut out = Vec::new();
    for b in &blocks.blocks {
        let found = scan(&b.norm.text);
        for f in found {
            let range = b.norm.raw_span(f.at.clone());
            let subject = f
                .subject
                .as_ref()
                .filter(|r| r.start < r.end)
                .map(|r| display(text.get(b.norm.raw_span(r.clone())).unwrap_or("")))
                .unwrap_or_default();
            out.push(Figure {
                value: f.value,
                unit: f.unit.to_string(),
                approx: f.approx,
                lower: f.lower,
                upper: f.upper,
                subject,
                text: text.get(range.clone()).unwrap_or("").to_string(),
                span: Span::default(),
                range,
            });
        }
    }
    out
}

/// A figure found in one normalized paragraph, all ranges in normalized bytes.
#[derive(Debug, Clone, PartialEq)]
struct Found {
    value: f64,
    unit: &'static str,
    approx: Approx,
    lower: Option<f64>,
    upper: Option<f64>,
    at: Range<usize>,
    subject: Option<Range<usize>>,
}

/// All figures of one normalized paragraph, in order.
fn scan(s: &str) -> Vec<Found> {
    let mut found = numbers(s);
    let zeros = zeros(s, &found);
    if !zeros.is_empty() {
        found.extend(zeros);
        found.sort_by_key(|f| f.at.start);
    }
    found
}

fn longest<'a>(rest: &str, words: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    words
        .filter(|w| rest.starts_with(*w))
        .max_by_key(|w| w.len())
}

fn unit_at(rest: &str) -> Option<&'static str> {
    longest(rest, UNITS.iter().map(|(u, _)| *u))
}

fn qualifier_at(rest: &str, place: Place) -> Option<(&'static str, Approx)> {
    QUALIFIERS
        .iter()
        .filter(|(q, p, _)| *p == place && rest.starts_with(q))
        .max_by_key(|(q, _, _)| q.len())
        .map(|(q, _, a)| (*q, *a))
}

fn qualifier_before(before: &str) -> Option<(&'static str, Approx)> {
    QUALIFIERS
        .iter()
        .filter(|(q, p, _)| *p == Place::Before && before.ends_with(q))
        .max_by_key(|(q, _, _)| q.len())
        .map(|(q, _, a)| (*q, *a))
}

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
fn numbers(s: &str) -> Vec<Found> {
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

/// Words that, right after a figure, comment on it rather than name what it counts.
#[rustfmt::skip]
pub const AFTER_NOT_SUBJECT: &[&str] = &[
    "并", "已", "均", "全部", "其中", "同比", "较", "比", "占", "的", "等",
];

/// The subject of a figure at `at` whose clause begins at `from` (the next figure begins at
/// `next`): the noun right after a classifier when the clause goes on (`12个村委会实现…` →
/// `村委会实现…`, `选出2-3名调解员` → `调解员`); else the phrase before it, trimmed of noise
/// words; when nothing is left there either, the phrase after it.
fn subject(s: &str, from: usize, at: &Range<usize>, next: usize) -> Range<usize> {
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

/// Zero said in words, one per clause, in clauses that state no number.
fn zeros(s: &str, numbers: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, c) in s.char_indices().chain(std::iter::once((s.len(), '\n'))) {
        if !CLAUSE_DELIMITERS.contains(&c) {
            continue;
        }
        let clause = start..k;
        start = k + c.len_utf8();
        let first = numbers.partition_point(|f| f.at.end <= clause.start);
        if numbers.get(first).is_some_and(|f| f.at.start < clause.end) {
            continue;
        }
        if let Some(z) = zero_in(s, clause) {
            out.push(z);
        }
    }
    out
}

/// Bytes at the end of a zero cue that belong to the subject (the passive `被`).
fn kept(cue: &str) -> usize {
    if cue.ends_with('被') {
        '被'.len_utf8()
    } else {
        0
    }
}

/// The first zero statement in the clause `r` of `s`.
fn zero_in(s: &str, r: Range<usize>) -> Option<Found> {
    let clause = &s[r.clone()];
    if !clause.contains(['无', '未', '没', '零']) {
        return None; // no cue can start here
    }
    // Where each counted word last occurs (start, end): one pass per word, so a long clause
    // full of cues stays linear.
    let last: Vec<Option<(usize, usize)>> = COUNTED
        .iter()
        .map(|(w, _)| clause.rfind(w).map(|p| (p, p + w.len())))
        .collect();
    for (i, _) in clause.char_indices() {
        let rest = &clause[i..];
        let Some((cue, adjacent, _)) = ZERO_CUES
            .iter()
            .filter(|(c, _, _)| rest.starts_with(c))
            .max_by_key(|(c, _, _)| c.len())
        else {
            continue;
        };
        let from = i + cue.len();
        // The counted thing that ends last is the head of the phrase (`…行政诉讼案件` → 案件).
        let head = COUNTED
            .iter()
            .zip(&last)
            .filter_map(|((w, unit), at)| {
                if *adjacent {
                    clause[from..]
                        .starts_with(w)
                        .then_some((from + w.len(), *unit))
                } else {
                    at.filter(|(p, _)| *p >= from).map(|(_, e)| (e, *unit))
                }
            })
            .max_by_key(|(end, _)| *end);
        let Some((end, unit)) = head else {
            continue;
        };
        let at = r.start + i..r.start + end;
        return Some(Found {
            value: 0.0,
            unit,
            approx: Approx::Exact,
            lower: None,
            upper: None,
            subject: Some(r.start + from - kept(cue)..at.end),
            at,
        });
    }
    None
}

/// The clause of the analyzed text around a byte range, for cue words near a figure.
pub fn clause_around(text: &str, r: &Range<usize>) -> Range<usize> {
    const MAX: usize = 240; // bytes each way: a clause is short; stay linear on odd input
    const ENDS: &[char] = &[
        '，', ',', '。', '；', ';', '：', ':', '！', '!', '？', '?', '\n',
    ];
    let mut a = r.start.min(text.len());
    while !text.is_char_boundary(a) {
        a -= 1;
    }
    let lo = a.saturating_sub(MAX);
    let start = text[..a]
        .char_indices()
        .rev()
        .take_while(|(k, _)| *k >= lo)
        .find(|(_, c)| ENDS.contains(c))
        .map_or(lo, |(k, c)| k + c.len_utf8());
    let mut b = r.end.clamp(a, text.len());
    while !text.is_char_boundary(b) {
        b += 1;
    }
    let end = text[b..]
        .char_indices()
        .take_while(|(k, _)| *k <= MAX)
        .find(|(_, c)| ENDS.contains(c))
        .map_or((b + MAX).min(text.len()), |(k, _)| b + k);
    let mut start = start;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = end.max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_excluded_phrase_starts_where_a_number_may_start() {
        // `numbers` skips characters that start no number before it looks for excluded phrases.
        for (p, _) in EXCLUDED_PHRASES {
            assert!(starts_number(p.chars().next().unwrap()), "{p}");
        }
        assert!(starts_number('两') && starts_number('7') && !starts_number('第'));
    }

    /// (text as written, value, unit, approx, subject) of each figure of one paragraph.
    fn figs(line: &str) -> Vec<(String, f64, String, Approx, String)> {
        let b = crate::text::blocks::split(line);
        figures(line, &b)
            .into_iter()
            .map(|f| (f.text, f.value, f.unit, f.approx, f.subject))
            .collect()
    }

    fn one(line: &str) -> (String, f64, String, Approx, String) {
        let mut v = figs(line);
        assert_eq!(v.len(), 1, "one figure in {line}: {v:?}");
        v.remove(0)
    }

    fn none(line: &str) {
        assert_eq!(figs(line), vec![], "no figure in {line}");
    }

    fn f(
        text: &str,
        value: f64,
        unit: &str,
        approx: Approx,
        subject: &str,
    ) -> (String, f64, String, Approx, String) {
        (text.into(), value, unit.into(), approx, subject.into())
    }

    use Approx::*;

    #[test]
    fn counts_with_their_subject() {
        assert_eq!(
            figs(
                "截至目前，共开展各类矛盾纠纷排查500余次，调处矛盾纠纷44件，调解成功42件，调处成功率95.45%。"
            ),
            vec![
                f("500余次", 500.0, "次", AtLeast, "矛盾纠纷排查"),
                f("44件", 44.0, "件", Exact, "调处矛盾纠纷"),
                f("42件", 42.0, "件", Exact, "调解成功"),
                f("95.45%", 95.45, "%", Exact, "调处成功率"),
            ]
        );
    }

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
    fn full_width_percent_and_digits() {
        // 、 ends the subject: 镇、村 leaves 村.
        assert_eq!(
            one("落实镇、村法律顾问覆盖率100％，"),
            f("100％", 100.0, "%", Exact, "村法律顾问覆盖率")
        );
        assert_eq!(one("调解成功４２件。").1, 42.0);
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

    #[test]
    fn zero_cues_table() {
        let cases = [
            (
                "2023年，坪山镇政府无被申请行政复议案件产生。",
                "无被申请行政复议案件",
                "被申请行政复议案件",
            ),
            (
                "2023年，坪山镇政府未被作为被告参与行政诉讼案件。",
                "未被作为被告参与行政诉讼案件",
                "被作为被告参与行政诉讼案件",
            ),
            (
                "今年未发生过吸毒人员肇事肇祸案件。",
                "未发生过吸毒人员肇事肇祸案件",
                "吸毒人员肇事肇祸案件",
            ),
            (
                "近年来，全镇未发生因部门执法、集中行动而引起的闹访、群访事件。",
                "未发生因部门执法、集中行动而引起的闹访、群访事件",
                "因部门执法、集中行动而引起的闹访、群访事件",
            ),
            (
                "全镇全年无发生精神障碍患者肇事肇祸案事件;",
                "无发生精神障碍患者肇事肇祸案事件",
                "精神障碍患者肇事肇祸案事件",
            ),
            (
                "全年没有发生重大安全事故。",
                "没有发生重大安全事故",
                "重大安全事故",
            ),
            (
                "全年未出现行政败诉案件。",
                "未出现行政败诉案件",
                "行政败诉案件",
            ),
            (
                "我镇2023年度未有制定规范性文件,",
                "未有制定规范性文件",
                "制定规范性文件",
            ),
            ("实现零投诉。", "零投诉", "投诉"),
            ("一年来无违约现象发生。", "无违约", "违约"),
        ];
        for (line, text, subject) in cases {
            let (t, v, _, a, s) = one(line);
            assert_eq!(
                (t.as_str(), v, a, s.as_str()),
                (text, 0.0, Exact, subject),
                "{line}"
            );
        }
        assert_eq!(ZERO_CUES.len(), cases.len());
        // Rejected: negations that count nothing.
        none("没有相关渠道也未能主动了解学习相关业务知识。");
        none("对守法者无事不扰,建设法治化营商环境");
        none("实现零距离服务群众。");
        none("无论案件大小都依法办理。");
        // A clause with a number states no zero.
        assert_eq!(one("未结案件3件。").0, "3件");
    }

    #[test]
    fn counted_table_sets_the_unit() {
        for (word, unit) in COUNTED {
            let line = format!("全年零{word}。");
            let (_, v, u, _, _) = one(&line);
            assert_eq!((v, u.as_str()), (0.0, *unit), "{line}");
        }
        none("全年零发案。");
    }

    #[test]
    fn spans_slice_the_raw_text_across_wrapped_lines() {
        let text = "营造了浓厚的法治宣传氛围。2023年以来驻村法律顾问提供法律咨询服务超过100人\n  次,开展法治讲座超过20场次;全镇各单位、各部门举办各类宣传警示教育活动超过60场次,发放宣\n传资料2万多份,惠及15000人次。";
        let b = crate::text::blocks::split(text);
        let v = figures(text, &b);
        let got: Vec<_> = v
            .iter()
            .map(|f| (&text[f.range.clone()], f.text.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("超过100人\n  次", "超过100人\n  次"),
                ("超过20场次", "超过20场次"),
                ("超过60场次", "超过60场次"),
                ("2万多份", "2万多份"),
                ("15000人次", "15000人次"),
            ]
        );
        assert_eq!(v[0].subject, "驻村法律顾问提供法律咨询服务");
        assert_eq!(v[3].subject, "宣传资料");
    }

    #[test]
    fn long_clauses_stay_linear() {
        // One clause of 100 000 chars: cues without end, figures without delimiters.
        for unit in ["无被", "1件", "一", "未被案件", "2-", "超过"] {
            let t = unit.repeat(100_000 / unit.chars().count());
            let b = crate::text::blocks::split(&t);
            let started = std::time::Instant::now();
            let _ = figures(&t, &b);
            assert!(started.elapsed().as_secs() < 5, "{unit}");
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "%",
            "1",
            "一",
            "第",
            "2-",
            "2至",
            "超过",
            "无",
            "零",
            "1.",
            "〔",
            "１２３４５６７８９０１２３４５６７８９０１２３件",
        ] {
            let b = crate::text::blocks::split(t);
            let _ = figures(t, &b);
        }
        let r = clause_around("调解成功42件", &(12..17));
        assert_eq!(&"调解成功42件"[r], "调解成功42件");
    }
}
