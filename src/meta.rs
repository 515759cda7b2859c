//! Metadata: title, issuers, recipients, year, level, 落款 (signer and date) and closing phrase,
//! read from the preamble before the first heading, the closing after the last section, and —
//! when the head of the document says nothing — from the opening sentences of the body.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::blocks::{Block, Blocks};
use crate::markers::chinese_number;
use crate::normalize::{display, is_han};
use crate::outline::OutlineHeading;

/// Han characters, for regex classes (the regex build has no Unicode script tables).
const HAN: &str = r"\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}";

/// Endings of the names of bodies that issue or receive reports.
const ORG_SUFFIXES: &str = "人民政府|政府|委员会|党委|党工委|管委会|管理委员会|办事处|街道|镇|乡|局|厅|办公室|委|院|中心|署|办";

/// Administrative level of the issuing body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OrgLevel {
    /// 镇, 乡, 街道.
    Town,
    /// 县, 区, 旗, 县级市.
    County,
    /// 市 (prefecture level).
    City,
    /// 省, 自治区, 直辖市.
    Province,
    /// A department: 局, 厅, 委, 办 …
    Department,
    /// Not known.
    Unknown,
}

/// The closing of a report: `特此报告。`, the signing body and the date.
#[derive(Debug, Clone, Default)]
pub struct Closing {
    /// Index of the first block after the last section (closing phrase or 落款), or blocks.len().
    pub content_end: usize,
    /// Block of the closing phrase.
    pub phrase: Option<usize>,
    /// Blocks of the signing bodies.
    pub signers: Vec<usize>,
    /// Block of the date and its ISO form.
    pub date: Option<(usize, String)>,
}

/// Metadata read from the text (internal form; spans are raw byte ranges).
#[derive(Debug, Clone, Default)]
pub struct MetaFacts {
    /// The report title.
    pub title: Option<String>,
    /// Raw span of the title (over two lines when it is split).
    pub title_span: Option<Range<usize>>,
    /// Issuing bodies, full names as written.
    pub issuers: Vec<String>,
    /// Where the issuers were found: `title`, `head` or `body`.
    pub issuers_from: Option<&'static str>,
    /// Recipients from the 主送 line.
    pub recipients: Vec<String>,
    /// Raw span of the 主送 line.
    pub recipient_span: Option<Range<usize>>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// Level of the issuing body.
    pub level: Option<OrgLevel>,
    /// The signing body (joint signers joined with `、`).
    pub signed_by: Option<String>,
    /// The date in ISO form.
    pub date: Option<String>,
    /// The closing phrase as written.
    pub closing: Option<String>,
}

fn re(p: &str) -> Regex {
    Regex::new(&p.replace("HAN", HAN).replace("ORG_SUFFIXES", ORG_SUFFIXES)).expect("meta regex")
}

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^([0-9]{4}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日$|^([0-9]{4})[.\-/]([0-9]{1,2})[.\-/]([0-9]{1,2})$|^([〇○零一二三四五六七八九]{4})年([十一二三四五六七八九]{1,3})月([十一二三四五六七八九]{1,3})日$",
    )
});
static ORG_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(中共)?[HAN()]{2,40}(ORG_SUFFIXES)$"));
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"((?:19|20)[0-9]{2}|[二][〇○零][一二三四五六七八九〇○零]{2}) ?年"));
static BODY_ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:^|[,。;:、]|年|以来|下|来)((?:中共)?[HAN]{1,14}?(?:人民政府|政府|街道办事处|街道|镇|乡|县|区|旗|市|局|厅|委员会))(?:党委|党工委|政府|坚持|在|以|始终|认真|积极|深入|紧紧|全面|立足|围绕|按照|聚焦|牢固|不断|扎实|切实|持续|高度|严格|着力|大力|进一步|共|将|把|对|全力|紧扣|统筹|锚定|强化|加强|推进|狠抓|结合|根据|坚决|注重|突出|紧密|主动|着眼|聚力|一直|坚定|自觉|充分|不折不扣|以习近平|依法)",
    )
});
static SELF_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:我|本|全)(镇|乡|街道|区|县|旗|市|局|厅|委|办)|(?:^|[,。;:、]|年)(区|县|市|镇|乡)(?:人民)?政府",
    )
});

/// How much of a paragraph's start is searched for the issuer's name.
const OPENING_CHARS: usize = 160;

/// Words that occur in sentences but not in the names of bodies (`2023年工作方案区政府` is no name).
const NOT_IN_NAMES: &[&str] = &[
    "工作", "方案", "情况", "报告", "规划", "纲要", "要求", "精神", "思想",
];

/// Words that end like a place but are not names (`乡镇`, `城镇`).
const NOT_PLACES: &[&str] = &[
    "乡镇",
    "城镇",
    "村镇",
    "集镇",
    "各镇",
    "全镇",
    "本镇",
    "我镇",
    "城区",
    "辖区",
    "社区",
    "景区",
    "园区",
    "片区",
    "市区",
    "全区",
    "本区",
    "我区",
    "各区",
    "全县",
    "本县",
    "我县",
    "各县",
    "全市",
    "本市",
    "我市",
    "各市",
    "县市",
    "省市",
    "城市",
    "都市",
    "超市",
    "街道",
    "各街道",
    "全街道",
];

/// True for a date on a line of its own (the 成文日期 of the 落款).
pub fn is_date_line(s: &str) -> bool {
    s.len() <= 40 && DATE_LINE.is_match(s)
}

/// The ISO form of a date line (`2023年12月20日`, `2023.12.20`, `二〇二三年十二月二十日`).
pub fn iso_date(s: &str) -> Option<String> {
    let c = DATE_LINE.captures(s)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = if let Some(y) = num(1) {
        (y, num(2)?, num(3)?)
    } else if let Some(y) = num(4) {
        (y, num(5)?, num(6)?)
    } else {
        let y: String = c
            .get(7)?
            .as_str()
            .chars()
            .map(|ch| match ch {
                '〇' | '○' | '零' => '0',
                _ => char::from_digit(chinese_number(&ch.to_string()).map_or(0, |v| v.0), 10)
                    .unwrap_or('0'),
            })
            .collect();
        (
            y.parse().ok()?,
            chinese_number(c.get(8)?.as_str())?.0,
            chinese_number(c.get(9)?.as_str())?.0,
        )
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn is_org_line(s: &str) -> bool {
    s.split(' ').all(|p| ORG_LINE.is_match(p)) && s.chars().count() <= 60
}

/// Finds where the sections end: the closing phrase (`特此报告`) and the 落款 after it.
pub fn find_closing(blocks: &Blocks) -> Closing {
    let bs = &blocks.blocks;
    let n = bs.len();
    let mut c = Closing {
        content_end: n,
        ..Closing::default()
    };
    let phrase = bs.iter().rposition(|b| {
        let s = &b.norm.text;
        (s.starts_with("特此报告") || s.starts_with("特此汇报")) && s.chars().count() <= 8
    });
    let tail_start = match phrase {
        Some(p) => p + 1,
        // Without a closing phrase, only a date on the last lines marks a 落款.
        None => match bs.iter().rposition(|b| is_date_line(&b.norm.text)) {
            Some(d) if d + 2 >= n => d.saturating_sub(2),
            _ => return c,
        },
    };
    let mut first_tail = None;
    for (i, b) in bs.iter().enumerate().skip(tail_start).take(5) {
        let s = &b.norm.text;
        if let Some(iso) = iso_date(s) {
            c.date = Some((i, iso));
            first_tail.get_or_insert(i);
            break;
        } else if is_org_line(s) {
            c.signers.push(i);
            first_tail.get_or_insert(i);
        } else if phrase.is_none() {
            c.signers.clear();
            first_tail = None;
        }
    }
    c.phrase = phrase;
    c.content_end = phrase.or(first_tail).unwrap_or(n);
    c
}

/// Reads the metadata.
pub fn extract(
    text: &str,
    blocks: &Blocks,
    heads: &[OutlineHeading],
    closing: &Closing,
) -> MetaFacts {
    let bs = &blocks.blocks;
    let first_head = heads
        .first()
        .map_or(closing.content_end.min(bs.len()), |h| h.block);
    let preamble = &bs[..first_head];
    let mut m = MetaFacts::default();

    // Title: a short line naming the report; an issuer line above a `关于…` line joins it.
    let (title_at, title_end) = match find_title(preamble) {
        Some((a, b)) => (Some(a), b),
        None => (None, 0),
    };
    let mut head_issuers: Vec<String> = Vec::new();
    if let Some(t) = title_at {
        let mut span = preamble[t].span.start..preamble[title_end].span.end;
        let mut title: String = (t..=title_end)
            .map(|i| display(&text[preamble[i].span.clone()]))
            .collect();
        let mut above = Vec::new();
        let mut k = t;
        while k > 0 && is_org_line(&preamble[k - 1].norm.text) && above.len() < 3 {
            k -= 1;
            above.push(k);
        }
        above.reverse();
        if title.starts_with("关于") && above.len() == 1 {
            span.start = preamble[above[0]].span.start;
            title = format!(
                "{}{}",
                display(&text[preamble[above[0]].span.clone()]),
                title
            );
        }
        if title.starts_with("关于") || !above.is_empty() {
            for &a in &above {
                head_issuers.extend(split_joint(&text[preamble[a].span.clone()]));
            }
        }
        if head_issuers.is_empty() {
            head_issuers = issuers_in_title(&text[span.clone()]);
        }
        m.title = Some(title);
        m.title_span = Some(span);
    }

    // 主送: a short line ending in a colon, near the top.
    let after_title = title_at.map_or(0, |_| title_end + 1);
    for b in preamble.iter().skip(after_title).take(5) {
        let s = &b.norm.text;
        if s.contains('。') || b.norm.chars() > 80 {
            break; // the body has begun
        }
        if is_recipient_line(s) {
            let raw = display(&text[b.span.clone()]);
            let raw = raw.trim_end_matches([':', '：', ' ']);
            m.recipients = raw
                .split(['、', ',', '，'])
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .map(String::from)
                .collect();
            m.recipient_span = Some(b.span.clone());
            break;
        }
    }

    let intro: Vec<&Block> = preamble
        .iter()
        .enumerate()
        .filter(|(i, _)| {
            !title_at.is_some_and(|t| (t..=title_end).contains(i))
                && !is_recipient_line(&preamble[*i].norm.text)
        })
        .map(|(_, b)| b)
        .collect();

    // Issuers: head of the document, else the opening sentences of the body.
    if !head_issuers.is_empty() {
        m.issuers = head_issuers;
        m.issuers_from = Some("head");
    } else if let Some(org) = issuer_in_body(bs, &intro) {
        m.issuers = vec![org];
        m.issuers_from = Some("body");
    } else if let Some(org) = issuer_in_page_source(blocks) {
        m.issuers = vec![org];
        m.issuers_from = Some("page");
    }

    m.year = m
        .title
        .as_deref()
        .and_then(first_year)
        .or_else(|| intro.iter().find_map(|b| first_year(&b.norm.text)))
        .or_else(|| {
            heads
                .iter()
                .filter(|h| h.level == 1)
                .find_map(|h| first_year(&h.title_norm))
        });
    m.level = m
        .issuers
        .iter()
        .map(|i| org_level(i))
        .find(|l| *l != OrgLevel::Unknown)
        .or(Some(OrgLevel::Unknown));

    if let Some(p) = closing.phrase {
        m.closing = Some(display(&text[bs[p].span.clone()]));
    }
    if !closing.signers.is_empty() {
        let names: Vec<String> = closing
            .signers
            .iter()
            .flat_map(|&i| split_joint(&text[bs[i].span.clone()]))
            .collect();
        m.signed_by = Some(names.join("、"));
    }
    m.date = closing.date.as_ref().map(|(_, d)| d.clone());
    m
}

/// The title's first and last preamble block: one line, or two when a page or PDF broke it
/// (`…关于2023年度法治政府` / `建设情况的报告`).
fn find_title(preamble: &[Block]) -> Option<(usize, usize)> {
    for (i, b) in preamble.iter().enumerate() {
        let s = &b.norm.text;
        if is_title_line(s) {
            return Some((i, i));
        }
        if let Some(next) = preamble.get(i + 1) {
            let n = &next.norm.text;
            let short = |t: &str| !t.contains(['。', ',', ';', ':']) && t.chars().count() <= 40;
            let ends = ["报告", "情况", "总结"].iter().any(|w| n.ends_with(w));
            let head = !is_org_line(s) && !s.ends_with("报告") && !is_title_line(n);
            if short(s) && short(n) && ends && head && is_title_line(&format!("{s}{n}")) {
                return Some((i, i + 1));
            }
        }
    }
    None
}

/// The body named in a page's `来源：` chrome line — the last resort for the issuer.
fn issuer_in_page_source(blocks: &Blocks) -> Option<String> {
    static SOURCE: LazyLock<Regex> =
        LazyLock::new(|| re(r"来源 ?: ?((?:中共)?[HAN]{2,30}?(?:ORG_SUFFIXES))(?:$|[ |])"));
    blocks
        .lines
        .iter()
        .filter(|l| matches!(l.kind, crate::blocks::LineKind::Noise(_)))
        .find_map(|l| {
            SOURCE
                .captures(&l.norm.text)
                .map(|c| c[1].to_string())
                .filter(|o| !o.ends_with("司法局") || o.chars().count() > 3)
        })
}

fn is_title_line(s: &str) -> bool {
    let n = s.chars().count();
    (6..=80).contains(&n)
        && !s.contains(['。', ',', ';'])
        && !s.starts_with("现将")
        && (s.ends_with("报告") || s.ends_with("情况") || s.ends_with("总结") || s.contains("报告"))
        && ["法治", "依法行政", "法制"].iter().any(|w| s.contains(w))
}

fn is_recipient_line(s: &str) -> bool {
    let n = s.chars().count();
    s.ends_with(':')
        && (3..=60).contains(&n)
        && !s.contains('。')
        && !["如下", "报告", "现将", "情况"]
            .iter()
            .any(|w| s.contains(w))
}

/// Joint issuers written on one line are separated by spaces.
fn split_joint(raw: &str) -> Vec<String> {
    raw.split(crate::normalize::is_space)
        .map(display)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The issuer named at the head of a title: before `关于`, or before the year.
fn issuers_in_title(raw: &str) -> Vec<String> {
    static BEFORE_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"^(.*?)\s*(?:19|20)[0-9]{2}\s?年"));
    static AFTER_YEAR: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\s*(?:19|20)[0-9]{2}\s?年度?([HAN]{2,20}?)(?:法治|依法行政|法制)"));
    let prefix = if let Some(i) = raw.find("关于") {
        raw[..i].to_string()
    } else if let Some(c) = BEFORE_YEAR
        .captures(raw)
        .filter(|c| !c[1].trim().is_empty())
    {
        c[1].to_string()
    } else if let Some(c) = AFTER_YEAR.captures(raw) {
        c[1].to_string()
    } else {
        return Vec::new();
    };
    let parts = split_joint(&prefix);
    if !parts.is_empty() && parts.iter().all(|p| is_place_or_org(p)) {
        parts
    } else {
        Vec::new()
    }
}

fn is_place_or_org(s: &str) -> bool {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| re(r"^(中共)?[HAN()（）]{2,40}$"));
    PLACE.is_match(s)
        && (ORG_LINE.is_match(s)
            || ["镇", "乡", "区", "县", "市", "省", "旗", "街道"]
                .iter()
                .any(|w| s.ends_with(w)))
}

/// The issuer named in the body: `磨头镇人民政府以…`, `多巴镇在…`; a bare `区政府` or `我街道`
/// is completed with the place named most often (`铜梁区`).
fn issuer_in_body(all: &[Block], intro: &[&Block]) -> Option<String> {
    // The issuer names itself in the opening sentences: read the start of the first paragraphs.
    fn opening(b: &Block) -> &str {
        let s = b.norm.text.as_str();
        &s[..s
            .char_indices()
            .nth(OPENING_CHARS)
            .map_or(s.len(), |(i, _)| i)]
    }
    let sources: Vec<&str> = intro
        .iter()
        .map(|b| opening(b))
        .chain(all.iter().take(12).map(opening))
        .collect();
    for s in &sources {
        for c in BODY_ORG.captures_iter(s) {
            let org = &c[1];
            if has_function_word(org)
                || is_self_reference(org)
                || is_too_short(org)
                || NOT_IN_NAMES.iter().any(|w| org.contains(w))
            {
                continue;
            }
            let bare = matches!(
                org,
                "区政府"
                    | "县政府"
                    | "市政府"
                    | "区人民政府"
                    | "县人民政府"
                    | "市人民政府"
                    | "镇政府"
                    | "镇人民政府"
                    | "乡政府"
                    | "乡人民政府"
            );
            if bare {
                let unit = &org[..org.char_indices().nth(1).map_or(org.len(), |(i, _)| i)];
                if let Some(place) = most_named_place(all, unit) {
                    return Some(format!("{place}人民政府"));
                }
            }
            if !NOT_PLACES.contains(&org) {
                return Some(org.to_string());
            }
        }
    }
    // Only a self-reference (`我街道`, `区政府`): the most named place of that kind.
    for s in &sources {
        if let Some(c) = SELF_REF.captures(s) {
            let unit = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
            if matches!(unit, "镇" | "乡" | "街道" | "区" | "县" | "旗" | "市") {
                return most_named_place(all, unit);
            }
        }
    }
    None
}

/// Names of places and bodies do not contain these particles (`形成在镇` is a phrase).
fn has_function_word(s: &str) -> bool {
    s.contains(['在', '的', '是', '了', '对', '把', '将', '被', '由', '向'])
}

/// A one-character name before a bare unit (`在区党工委` → `在区`) is a word, not a place;
/// `县人民政府` stays (the place is completed later).
fn is_too_short(org: &str) -> bool {
    let bare = ["镇", "乡", "区", "县", "旗", "市", "局", "厅"];
    org.chars().count() <= 2 && bare.iter().any(|u| org.ends_with(u))
}

/// `我街道`, `全县`, `本局`: the report speaking of itself, not a name.
fn is_self_reference(org: &str) -> bool {
    let rest = org.trim_start_matches(['我', '本', '全', '各', '该']);
    rest.len() < org.len()
        && matches!(
            rest,
            "镇" | "乡"
                | "街道"
                | "区"
                | "县"
                | "旗"
                | "市"
                | "局"
                | "厅"
                | "委"
                | "办"
                | "镇政府"
                | "区政府"
                | "县政府"
                | "市政府"
        )
}

fn most_named_place(all: &[Block], unit: &str) -> Option<String> {
    // Every 2–4 Han characters before the unit are a candidate name; the real name is the one
    // written most often, and of equally frequent ones the longest (白沙路街道, not 沙路街道).
    const LEAD: &[char] = &[
        '在', '对', '为', '和', '与', '及', '的', '是', '了', '将', '把', '推', '进', '全', '我',
        '本', '各', '该', '结', '合', '于',
    ];
    let mut counts: HashMap<String, usize> = HashMap::new();
    for b in all {
        let s = &b.norm.text;
        for (at, _) in s.match_indices(unit) {
            let before: Vec<char> = s[..at]
                .chars()
                .rev()
                .take(4)
                .take_while(|c| is_han(*c))
                .collect();
            for n in 2..=before.len() {
                let head: String = before[..n].iter().rev().collect();
                if head.starts_with(LEAD) || has_function_word(&head) {
                    continue;
                }
                let name = format!("{head}{unit}");
                if !NOT_PLACES.contains(&name.as_str()) {
                    *counts.entry(name).or_default() += 1;
                }
            }
        }
    }
    let (best, n) = counts.into_iter().max_by(|a, b| {
        a.1.cmp(&b.1)
            .then(a.0.len().cmp(&b.0.len()))
            .then(b.0.cmp(&a.0))
    })?;
    (n >= 2).then_some(best)
}

/// The first year written in `s` that is not part of a range (`2021-2025年`) or a number (`〔2023〕`).
/// Years inside a cited title (`《…2023年工作要点》`) count only when no other year is written.
fn first_year(s: &str) -> Option<i32> {
    let mut cited = None;
    for c in YEAR.captures_iter(s) {
        let Some(m) = c.get(1) else { continue };
        let before = s[..m.start()].chars().next_back();
        if matches!(
            before,
            Some('-' | '—' | '–' | '~' | '至' | '－' | '〔' | '[' | '(')
        ) {
            continue;
        }
        let Some(year) = year_value(m.as_str()) else {
            continue;
        };
        let open = s[..m.start()].matches('《').count() > s[..m.start()].matches('》').count();
        if !open {
            return Some(year);
        }
        cited.get_or_insert(year);
    }
    cited
}

/// `2023` or `二〇二三` as a number.
fn year_value(s: &str) -> Option<i32> {
    if let Ok(y) = s.parse() {
        return Some(y);
    }
    let digits: String = s
        .chars()
        .map(|c| match c {
            '〇' | '○' | '零' => Some('0'),
            _ => chinese_number(&c.to_string()).and_then(|(v, _)| char::from_digit(v, 10)),
        })
        .collect::<Option<String>>()?;
    digits.parse().ok()
}

/// Level of a body from its name: its place's level from the table of divisions (宜兴市 county,
/// 北京市 province), a department's name is a department (see `divisions::level_of_body`).
pub fn org_level(name: &str) -> OrgLevel {
    crate::divisions::level_of_body(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_written_form() {
        assert_eq!(iso_date("2023年12月20日").as_deref(), Some("2023-12-20"));
        assert_eq!(iso_date("2024年1月5日").as_deref(), Some("2024-01-05"));
        assert_eq!(iso_date("2023.12.5").as_deref(), Some("2023-12-05"));
        assert_eq!(
            iso_date("二〇二三年十二月二十日").as_deref(),
            Some("2023-12-20")
        );
        assert_eq!(iso_date("2023年13月20日"), None);
        assert_eq!(iso_date("2023年12月20日召开会议"), None);
    }

    #[test]
    fn levels_from_names() {
        assert_eq!(org_level("汉中市南郑区法镇人民政府"), OrgLevel::Town);
        assert_eq!(org_level("中共垫江县坪山镇委员会"), OrgLevel::Town);
        assert_eq!(org_level("白沙路街道"), OrgLevel::Town);
        assert_eq!(org_level("静海区"), OrgLevel::County);
        assert_eq!(org_level("岳阳县人民政府"), OrgLevel::County);
        assert_eq!(org_level("石家庄市人民政府"), OrgLevel::City);
        assert_eq!(org_level("四川省人民政府"), OrgLevel::Province);
        assert_eq!(org_level("吉林省生态环境厅"), OrgLevel::Department);
        assert_eq!(org_level("陵川县教育局"), OrgLevel::Department);
    }

    #[test]
    fn years_skip_ranges_and_document_numbers() {
        assert_eq!(
            first_year("贯彻《纲要（2021-2025年）》,2023年以来"),
            Some(2023)
        );
        assert_eq!(
            first_year("厅字〔2019〕28号,现将2022年工作报告如下"),
            Some(2022)
        );
    }

    #[test]
    fn issuer_at_the_head_of_a_title() {
        assert_eq!(
            issuers_in_title("武汉市司法局关于2023年度法治政府建设情况的报告"),
            vec!["武汉市司法局"]
        );
        assert_eq!(
            issuers_in_title("陵川县教育局 2025年法治政府建设年度报告"),
            vec!["陵川县教育局"]
        );
        assert_eq!(
            issuers_in_title("2020年静海区法治政府建设情况报告"),
            vec!["静海区"]
        );
        assert_eq!(
            issuers_in_title("中共淮北市烈山区委 烈山区人民政府关于2024年法治政府建设情况的报告"),
            vec!["中共淮北市烈山区委", "烈山区人民政府"]
        );
        assert!(issuers_in_title("关于2023年度法治政府建设情况的报告").is_empty());
    }
}
