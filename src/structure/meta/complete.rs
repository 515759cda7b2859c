//! Completing the issuers' names (after they are read): an office written without its place
//! (`区司法局`) takes the place the text names; a place written without its body (`静海区`) is its
//! people's government, unless the report is a department's; the division the name lies in is
//! looked up, so that a batch never takes two bodies of one short name for one.
//!
//! The rules, each from real reports:
//!
//! | written | text | completed | from |
//! | --- | --- | --- | --- |
//! | `区司法局` (落款) | `铜梁区司法局坚持…` | `铜梁区司法局` | where `铜梁区司法局` is written |
//! | `县人民政府` | `《潼关县…》`, `潼关县` named most | `潼关县人民政府` | where `潼关县` is first written |
//! | `静海区` (title) | `静海区政府` or nothing | `静海区人民政府` | the mention, else `rule` |
//! | `白沙路街道` | — | `白沙路街道办事处` | `rule` |
//! | `遂宁市` | `我局`, `全市司法行政系统` | `遂宁市司法局` | `body` |
//! | `淄博市` | `依法治市办` and no 法治政府 in the title | `淄博市` (left) | — |

use std::sync::LazyLock;

use regex::Regex;

use crate::structure::divisions::{self, DivisionLevel};
use crate::text::blocks::{Blocks, LineKind};
use crate::text::normalize::{Fold, Norm, display, is_han};

use super::patterns::{Tally, re, tally};

/// The units a name of a place ends with, longest first (`自治区` before `区`).
const UNITS: &[&str] = &[
    "自治区",
    "自治州",
    "自治县",
    "街道",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "州",
    "盟",
    "镇",
    "乡",
];

/// Endings of the names of bodies that a place comes before (`司法局`, `人民政府`, `党工委`).
const BODY_ENDINGS: &[&str] = &[
    "人民政府",
    "政府",
    "办事处",
    "委员会",
    "党委",
    "党工委",
    "管委会",
    "局",
    "厅",
    "委",
    "办公室",
    "办",
    "中心",
    "署",
    "院",
    "所",
    "支队",
    "大队",
];

/// A department speaking of itself: `我局`, `局党组`, `本厅`, `委机关`.
static DEPARTMENT_SELF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:我|本)(?:局|厅|委)(?:[^员会]|$)|(?:^|[,。;:、])(?:局|厅|委)(?:党组|党委|机关|领导班子)")
});

/// A department named by the system it leads (`全市司法行政系统`) and the body's name: the
/// county's or city's bureau, the province's department (`司法厅`).
const SYSTEMS: &[(&str, &str, &str)] = &[
    ("司法行政", "司法局", "司法厅"),
    ("公安", "公安局", "公安厅"),
    ("生态环境", "生态环境局", "生态环境厅"),
    ("自然资源", "自然资源局", "自然资源厅"),
    ("交通运输", "交通运输局", "交通运输厅"),
    ("市场监管", "市场监督管理局", "市场监督管理局"),
    (
        "人力资源和社会保障",
        "人力资源和社会保障局",
        "人力资源和社会保障厅",
    ),
    ("教育", "教育局", "教育厅"),
    ("民政", "民政局", "民政厅"),
    ("财政", "财政局", "财政厅"),
    ("审计", "审计局", "审计厅"),
    ("卫生健康", "卫生健康委员会", "卫生健康委员会"),
    ("应急管理", "应急管理局", "应急管理厅"),
    ("水利", "水利局", "水利厅"),
    ("农业农村", "农业农村局", "农业农村厅"),
    ("住房和城乡建设", "住房和城乡建设局", "住房和城乡建设厅"),
    ("文化和旅游", "文化和旅游局", "文化和旅游厅"),
    ("商务", "商务局", "商务厅"),
];

/// The issuers completed, and where the missing part was read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Completed {
    /// The issuers, each with its place and body.
    pub issuers: Vec<String>,
    /// The names as written, when any was completed (else empty).
    pub as_written: Vec<String>,
    /// Where the missing part was read: `title`, `page` (a 来源 label), `document` (a cited
    /// title), `signature`, `body`, or `rule` (a place's report is its government's).
    pub from: Option<&'static str>,
    /// GB/T 2260 code of the division the first issuer belongs to, when the table says which.
    pub division: Option<u32>,
}

/// What a name lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lack {
    /// A unit and a body without the place's name: `区司法局`, `省人民政府`.
    Place { unit: &'static str, body_at: usize },
    /// A place without its body: `静海区`, `下洋镇`, `北京市`.
    Body,
}

/// What a name (matching form) lacks, if anything.
fn lack(n: &str) -> Option<Lack> {
    let n = n.strip_prefix("中共").unwrap_or(n);
    if starts_with_place(n) {
        return is_place(n).then_some(Lack::Body);
    }
    for &unit in UNITS {
        if let Some(body) = n.strip_prefix(unit)
            && !body.is_empty()
            && BODY_ENDINGS.iter().any(|e| body.ends_with(e))
            && body.chars().all(is_han)
        {
            return Some(Lack::Place {
                unit,
                body_at: n.len() - body.len(),
            });
        }
    }
    (is_place(n) || is_unlisted_place(n)).then_some(Lack::Body)
}

/// A place the table lacks (renamed since: 興仁縣 is 兴仁市 now): 2–8 Han characters ending
/// in a unit, not a self-reference (`全县`).
fn is_unlisted_place(n: &str) -> bool {
    let chars = n.chars().count();
    (3..=8).contains(&chars)
        && n.chars().all(is_han)
        && UNITS.iter().any(|u| n.ends_with(u))
        && !n.starts_with(['我', '本', '全', '各', '该'])
}

/// Whether a name written alone (`区司法局`, `县人民政府`) leaves its place unknown: the batch
/// never takes two such reports for one body's.
pub fn lacks_place(name: &str) -> bool {
    let n = Norm::new(name, 0, Fold::Matching).text;
    matches!(lack(&n), Some(Lack::Place { .. }))
}

/// The name begins with a division of the table (`市中区司法局` is 市中区's, not a 市's).
fn starts_with_place(n: &str) -> bool {
    divisions::scan(n)
        .first()
        .is_some_and(|f| f.span.start == 0 && !f.short)
        || town_name_len(n).is_some()
}

/// Byte length of a town's name at the start of `n` (`下洋镇…` → 9): 2–4 Han characters and
/// 镇, 乡 or 街道, the first not a word that starts phrases.
fn town_name_len(n: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = n.char_indices().take(7).collect();
    for unit in ["街道", "镇", "乡"] {
        for k in (1..=4).rev() {
            let Some(&(at, _)) = chars.get(k) else {
                continue;
            };
            if n[at..].starts_with(unit)
                && chars[..k].iter().all(|(_, c)| is_han(*c))
                && !n[..at].contains(['我', '本', '全', '各', '该', '乡', '镇', '城'])
            {
                return Some(at + unit.len());
            }
        }
    }
    None
}

/// A name that is a place and nothing else: a division or a chain of them (`天津市静海区`),
/// ending in a town (`重庆市开州区紫水乡`), or a town (`下洋镇`, `白沙路街道`).
fn is_place(n: &str) -> bool {
    if BODY_ENDINGS
        .iter()
        .any(|e| n.ends_with(e) && !n.ends_with("街道"))
    {
        return false;
    }
    let mut at = 0;
    for f in divisions::scan(n) {
        if f.span.start != at {
            break;
        }
        at = f.span.end;
    }
    if at == n.len() {
        return true;
    }
    town_name_len(&n[at..]).is_some_and(|len| at + len == n.len())
}

/// One line of the text, as the completer reads it.
struct Source<'a> {
    norm: &'a Norm,
    kind: &'static str,
}

/// Every line of the text with the kind of place it is: `title`, `page`, `signature`, `body`.
fn sources<'a>(
    blocks: &'a Blocks,
    title: Option<&std::ops::Range<usize>>,
    signers: &[usize],
) -> Vec<Source<'a>> {
    let signer_lines: Vec<usize> = signers
        .iter()
        .filter_map(|&b| blocks.blocks.get(b))
        .flat_map(|b| b.lines.iter().copied())
        .collect();
    blocks
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.kind != LineKind::Blank)
        .map(|(i, l)| {
            let kind = if title.is_some_and(|t| t.start < l.span.end && l.span.start < t.end) {
                "title"
            } else if matches!(l.kind, LineKind::Noise(_)) {
                "page"
            } else if signer_lines.contains(&i) {
                "signature"
            } else {
                "body"
            };
            Source {
                norm: &l.norm,
                kind,
            }
        })
        .collect()
}

/// Where a mention at `at` of a line is: inside `《…》` it is a cited document's title.
fn kind_at(s: &Source, at: usize) -> &'static str {
    let before = &s.norm.text[..at];
    match (before.rfind('《'), before.rfind('》')) {
        (Some(open), close) if close.is_none_or(|c| c < open) => "document",
        _ => s.kind,
    }
}

/// Completes the issuers. `raw_text` is the analyzed text; `title` the title's raw span;
/// `signers` the blocks of the 落款's bodies.
pub(super) fn complete(
    raw_text: &str,
    blocks: &Blocks,
    title: Option<&std::ops::Range<usize>>,
    signers: &[usize],
    issuers: Vec<String>,
) -> Completed {
    let lines = sources(blocks, title, signers);
    let mut out = Completed::default();
    let mut changed = false;
    for written in &issuers {
        let n = Norm::new(written, 0, Fold::Matching).text;
        let done = match lack(&n) {
            Some(Lack::Place { unit, body_at }) => {
                let lead = n.len() - n.strip_prefix("中共").unwrap_or(&n).len();
                complete_place(raw_text, &lines, unit, &n[lead + body_at..]).map(|(name, from)| {
                    let party = if lead > 0 { "中共" } else { "" };
                    (format!("{party}{name}"), from)
                })
            }
            Some(Lack::Body) => complete_body(written, &n, raw_text, &lines, blocks),
            None => None,
        };
        match done {
            Some((name, from)) => {
                changed = true;
                out.from.get_or_insert(from);
                out.issuers.push(name);
            }
            None => out.issuers.push(written.clone()),
        }
    }
    if changed {
        out.as_written = issuers;
    }
    out.division = out
        .issuers
        .first()
        .and_then(|i| division_of(&Norm::new(i, 0, Fold::Matching).text, &lines));
    out
}

/// The division a completed name lies in: its last division, told apart by those before it
/// and, when the name alone leaves it open (朝阳区), by the places the text names.
fn division_of(n: &str, lines: &[Source]) -> Option<u32> {
    let n = n.strip_prefix("中共").unwrap_or(n);
    let found: Vec<divisions::Found> = divisions::scan(n)
        .into_iter()
        .filter(|f| !f.short)
        .collect();
    let Some(last) = found.last() else {
        // A town's name holds no division: the county the head of the text names most.
        let town = n.contains('镇') || n.contains('乡') || n.contains("街道");
        return town.then(|| head_county(lines)).flatten();
    };
    let mut context: Vec<&str> = found[..found.len() - 1]
        .iter()
        .map(|f| &n[f.span.clone()])
        .collect();
    if let [d] = last.divisions.as_slice() {
        return Some(d.code);
    }
    if let Some(d) = divisions::resolve(&n[last.span.clone()], &context) {
        return Some(d.code);
    }
    let named: Vec<String> = lines
        .iter()
        .take(40)
        .flat_map(|s| {
            divisions::scan(&s.norm.text)
                .into_iter()
                .map(|f| s.norm.text[f.span].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    context.extend(named.iter().map(String::as_str));
    divisions::resolve(&n[last.span.clone()], &context).map(|d| d.code)
}

/// The county-level division the first lines name most, when one is named most.
fn head_county(lines: &[Source]) -> Option<u32> {
    let mut counts: Tally<u32, usize> = Vec::new();
    for s in lines.iter().take(40) {
        for f in divisions::scan(&s.norm.text) {
            if let [d] = f.divisions.as_slice()
                && d.level == DivisionLevel::County
            {
                *tally(&mut counts, d.code, || 0) += 1;
            }
        }
    }
    let mut ranked: Vec<(usize, u32)> = counts.into_iter().map(|(c, n)| (n, c)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(n, code), rest @ ..] if rest.first().is_none_or(|(m, _)| m < n) => Some(*code),
        _ => None,
    }
}

/// `区` + `司法局` → the place of that unit the text writes before the same body
/// (`铜梁区司法局`), else the one it names most (`named_place`); shown as first written.
fn complete_place(
    raw_text: &str,
    lines: &[Source],
    unit: &'static str,
    body: &str,
) -> Option<(String, &'static str)> {
    // Per place (matching form): mentions before the body, first raw span, first source.
    let mut counts: Tally<String, (usize, std::ops::Range<usize>, &'static str)> = Vec::new();
    let bodies: Vec<String> = match body {
        "人民政府" => vec!["人民政府".into(), "政府".into()],
        b => vec![b.to_string()],
    };
    for s in lines {
        let t = &s.norm.text;
        for b in &bodies {
            let whole = format!("{unit}{b}");
            for (at, _) in t.match_indices(&whole) {
                if let Some(start) = place_before(t, at, unit) {
                    let place = &t[start..at + unit.len()];
                    let e = tally(&mut counts, place.to_string(), || {
                        (
                            0,
                            s.norm.raw_span(start..at + unit.len()),
                            kind_at(s, start),
                        )
                    });
                    e.0 += 1;
                }
            }
        }
    }
    let context = places_named(lines);
    let best = counts.into_iter().max_by(|a, b| {
        fits(&a.0, &context)
            .cmp(&fits(&b.0, &context))
            .then(a.1.0.cmp(&b.1.0))
            .then(b.1.1.start.cmp(&a.1.1.start))
    });
    if let Some((_, (_, raw, from))) = best {
        return Some((format!("{}{body}", display(&raw_text[raw])), from));
    }
    // The place named alone: the division of that unit the text names most.
    let (place, raw) = most_named_division(lines, unit, &context)?;
    let from = raw
        .and_then(|(i, at)| lines.get(i).map(|s| kind_at(s, at)))
        .unwrap_or("body");
    let shown = match raw {
        Some((i, at)) => {
            let s = &lines[i];
            display(&raw_text[s.norm.raw_span(at..at + place.len())])
        }
        None => place,
    };
    Some((format!("{shown}{body}"), from))
}

/// Start of the place's name that ends with `unit` at `at` of `t`: the shortest run of Han
/// characters before it that makes a division of the table (`年铜梁区` → `铜梁区`), or for a
/// town 2–4 characters that do not begin a phrase.
fn place_before(t: &str, at: usize, unit: &str) -> Option<usize> {
    let before: Vec<(usize, char)> = t[..at]
        .char_indices()
        .rev()
        .take(10)
        .take_while(|(_, c)| is_han(*c))
        .collect();
    let town = matches!(unit, "镇" | "乡" | "街道");
    let mut found = None;
    for k in 1..=before.len() {
        let start = before[k - 1].0;
        let name = &t[start..at + unit.len()];
        if town {
            if (2..=4).contains(&k) && town_name_len(name) == Some(name.len()) {
                found = Some(start);
            }
        } else if !divisions::named(name).is_empty() {
            return Some(start);
        }
    }
    found
}

/// Divisions of a province's or city's level the head of the text names (the title, the page's
/// labels, the first paragraphs): a county must lie in one of them when any is named.
fn places_named(lines: &[Source]) -> Vec<u32> {
    lines
        .iter()
        .take(30)
        .flat_map(|s| divisions::scan(&s.norm.text))
        .filter_map(|f| match f.divisions.as_slice() {
            [d] if d.level != DivisionLevel::County => Some(d.code),
            _ => None,
        })
        .collect()
}

/// Whether a place lies in a division the text names (true when it names none of a level above).
fn fits(place: &str, context: &[u32]) -> bool {
    let ds = divisions::named(place);
    if context.is_empty() || ds.is_empty() {
        return true;
    }
    ds.iter().any(|d| lies_in(d, context))
}

/// Whether a division is one of `context` or lies in one.
fn lies_in(d: &divisions::Division, context: &[u32]) -> bool {
    divisions::chain(d)
        .iter()
        .any(|up| context.contains(&up.code))
}

/// Of the divisions ending in `unit` the text names, the one named most (among those lying in
/// a named province or city); with the line and offset of its first full mention.
fn most_named_division(
    lines: &[Source],
    unit: &str,
    context: &[u32],
) -> Option<(String, Option<(usize, usize)>)> {
    let matches_unit = |d: &divisions::Division| match unit {
        "省" => d.level == DivisionLevel::Province && d.name.ends_with('省'),
        "自治区" => d.level == DivisionLevel::Province && d.name.ends_with("自治区"),
        "市" => d.name.ends_with('市'),
        _ => d.level == DivisionLevel::County && d.name.ends_with(unit),
    };
    type Named = (usize, &'static divisions::Division, Option<(usize, usize)>);
    let mut counts: Tally<u32, Named> = Vec::new();
    for (i, s) in lines.iter().enumerate() {
        for f in divisions::scan(&s.norm.text) {
            // A name of several divisions (鼓楼区) counts for the one lying in a named place.
            let ds: Vec<&&divisions::Division> = f
                .divisions
                .iter()
                .filter(|d| matches_unit(d))
                .filter(|d| f.divisions.len() == 1 || lies_in(d, context))
                .collect();
            if let [d] = ds.as_slice() {
                let e = tally(&mut counts, d.code, || (0, d, None));
                e.0 += 1;
                if !f.short && e.2.is_none() {
                    e.2 = Some((i, f.span.start));
                }
            }
        }
    }
    let best = counts.into_iter().map(|(_, v)| v).max_by(|a, b| {
        (context.is_empty() || lies_in(a.1, context))
            .cmp(&(context.is_empty() || lies_in(b.1, context)))
            .then(a.0.cmp(&b.0))
            .then(b.1.code.cmp(&a.1.code))
    })?;
    Some((best.1.name.to_string(), best.2))
}

/// A place's report is its people's government's (`静海区` → `静海区人民政府`, a 街道's its
/// 办事处), unless it is a department's (`我局`: the department the text names) or the
/// 依法治 office's (no 法治政府 in the title or the opening, and `依法治市办` in the text: left as
/// written).
fn complete_body(
    written: &str,
    n: &str,
    raw_text: &str,
    lines: &[Source],
    blocks: &Blocks,
) -> Option<(String, &'static str)> {
    let opening: Vec<&str> = blocks
        .blocks
        .iter()
        .take(12)
        .map(|b| b.norm.text.as_str())
        .collect();
    if opening.iter().any(|s| DEPARTMENT_SELF.is_match(s)) {
        return department_of(written, n, raw_text, lines, &opening);
    }
    let of_government = |s: &str| s.contains("法治政府") || s.contains("依法行政");
    let titled_government = lines
        .iter()
        .filter(|s| s.kind == "title")
        .any(|s| of_government(&s.norm.text))
        || opening.iter().any(|s| of_government(s));
    static RULE_OF_LAW_OFFICE: LazyLock<Regex> =
        LazyLock::new(|| re(r"依法治(?:省|市|区|县|旗|州|镇|乡)(?:办|委员会办公室|委员会)"));
    if !titled_government
        && lines
            .iter()
            .any(|s| RULE_OF_LAW_OFFICE.is_match(&s.norm.text))
    {
        return None;
    }
    // The text may write the government's name itself (`现将下洋镇人民政府…`, `密云区政府`).
    for s in lines {
        for body in ["人民政府", "政府", "办事处"] {
            let whole = format!("{n}{body}");
            if let Some(at) = s.norm.text.find(&whole) {
                return Some((government_of(written, n), kind_at(s, at)));
            }
        }
    }
    Some((government_of(written, n), "rule"))
}

/// The government of a place as written: `静海区人民政府`, `白沙路街道办事处`, `小龍門鄉人民政府`.
fn government_of(written: &str, n: &str) -> String {
    let traditional = written != n;
    if n.ends_with("街道") {
        let office = if traditional {
            "辦事處"
        } else {
            "办事处"
        };
        format!("{written}{office}")
    } else {
        format!("{written}人民政府")
    }
}

/// The department a place's report is, when it says `我局`: the place + a body the text writes
/// (`遂宁市司法局`), else the body of the system it names (`全市司法行政系统` → 司法局).
fn department_of(
    written: &str,
    n: &str,
    raw_text: &str,
    lines: &[Source],
    opening: &[&str],
) -> Option<(String, &'static str)> {
    static NAMED: LazyLock<Regex> = LazyLock::new(|| re(r"^[HAN]{1,12}?(?:局|厅|委员会)"));
    let mut counts: Tally<String, (usize, std::ops::Range<usize>, &'static str)> = Vec::new();
    for s in lines {
        for (at, _) in s.norm.text.match_indices(n) {
            let rest = &s.norm.text[at + n.len()..];
            if let Some(m) = NAMED.find(rest)
                && !super::issuers::NOT_IN_NAMES
                    .iter()
                    .any(|w| m.as_str().contains(w))
            {
                let end = at + n.len() + m.end();
                let e = tally(&mut counts, s.norm.text[at..end].to_string(), || {
                    (0, s.norm.raw_span(at..end), kind_at(s, at))
                });
                e.0 += 1;
            }
        }
    }
    if let Some((_, (_, raw, from))) = counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.start.cmp(&a.1.1.start)))
    {
        return Some((display(&raw_text[raw]), from));
    }
    let province = divisions::lookup(n)
        .first()
        .is_some_and(|d| d.level == DivisionLevel::Province);
    SYSTEMS.iter().find_map(|(system, local, provincial)| {
        let says = |s: &&str| {
            ["系统", "机关", "战线"]
                .iter()
                .any(|w| s.contains(&format!("{system}{w}")))
        };
        opening.iter().any(says).then(|| {
            let body = if province { provincial } else { local };
            (format!("{written}{body}"), "body")
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn completed(text: &str, issuers: &[&str]) -> Completed {
        let blocks = crate::text::blocks::split(text);
        let title = blocks.lines.first().map(|l| l.span.clone());
        complete(
            text,
            &blocks,
            title.as_ref(),
            &[],
            issuers.iter().map(|s| s.to_string()).collect(),
        )
    }

    #[test]
    fn what_a_name_lacks() {
        assert_eq!(
            lack("区司法局"),
            Some(Lack::Place {
                unit: "区",
                body_at: 3
            })
        );
        assert!(matches!(
            lack("市市场监管局"),
            Some(Lack::Place { unit: "市", .. })
        ));
        assert!(matches!(
            lack("省人民政府"),
            Some(Lack::Place { unit: "省", .. })
        ));
        assert_eq!(lack("静海区"), Some(Lack::Body));
        assert_eq!(lack("天津市静海区"), Some(Lack::Body));
        assert_eq!(lack("下洋镇"), Some(Lack::Body));
        assert_eq!(lack("白沙路街道"), Some(Lack::Body));
        // Whole names lack nothing; 市中区 is a district, not a 市's office.
        assert_eq!(lack("铜梁区司法局"), None);
        assert_eq!(lack("市中区司法局"), None);
        assert_eq!(lack("静海区人民政府"), None);
        assert_eq!(lack("鼓楼街道办事处"), None);
        assert_eq!(lack("自然资源部"), None);
    }

    #[test]
    fn an_office_takes_the_place_written_before_its_body() {
        let c = completed(
            "2023年法治政府建设年度报告\n2023年,铜梁区司法局坚持以习近平法治思想为指导。\n区司法局\n",
            &["区司法局"],
        );
        assert_eq!(c.issuers, ["铜梁区司法局"]);
        assert_eq!(c.as_written, ["区司法局"]);
        assert_eq!(c.from, Some("body"));
        assert_eq!(c.division, Some(500151));
        // Nothing names the place: the office stays as written, and says so.
        let c = completed(
            "2023年法治政府建设年度报告\n2023年,区司法局坚持以习近平法治思想为指导。\n",
            &["区司法局"],
        );
        assert_eq!(c.issuers, ["区司法局"]);
        assert!(c.as_written.is_empty());
        assert!(lacks_place("区司法局"));
    }

    #[test]
    fn an_office_takes_the_place_a_cited_document_names() {
        let c = completed(
            "县人民政府关于2022年法治政府建设情况的报告\n按照《潼关县法治政府建设实施方案》要求,县政府坚持依法行政。\n",
            &["县人民政府"],
        );
        assert_eq!(c.issuers, ["潼关县人民政府"]);
        assert_eq!(c.from, Some("document"));
    }

    #[test]
    fn a_county_lies_in_the_city_the_text_names() {
        // 鼓楼区 is in 南京, 福州, 徐州 and 开封: the title's city says which; the other
        // district named more often lies elsewhere and is not taken.
        let c = completed(
            "福州市鼓楼区2023年法治政府建设情况报告\n区政府坚持依法行政。学习借鉴江宁区、江宁区经验。\n",
            &["区人民政府"],
        );
        assert_eq!(c.issuers, ["鼓楼区人民政府"]);
        assert_eq!(c.division, Some(350102));
    }

    #[test]
    fn a_place_is_its_government() {
        let c = completed(
            "静海区2023年度法治政府建设情况报告\n2023年,静海区坚持依法行政。\n",
            &["静海区"],
        );
        assert_eq!(c.issuers, ["静海区人民政府"]);
        assert_eq!(c.from, Some("rule"));
        assert_eq!(c.division, Some(120118));
        let c = completed(
            "2019年法治政府建设报告\n2019年,密云区政府深入学习贯彻党的十九大精神。\n",
            &["密云区"],
        );
        assert_eq!(c.issuers, ["密云区人民政府"]);
        assert_eq!(c.from, Some("body"));
        assert_eq!(
            completed("興仁縣2020年法治政府建設情況報告\n", &["興仁縣"]).issuers,
            ["興仁縣人民政府"]
        );
        assert_eq!(
            completed("白沙路街道2021年法治政府建设工作报告\n", &["白沙路街道"]).issuers,
            ["白沙路街道办事处"]
        );
        // Guided by the 依法治区办, the town still reports on its government.
        let c = completed(
            " 2024年法治政府建设情况报告\n2024年,多巴镇在区委区政府的领导下、在区全面依法治区委员会办公室的指导下,坚持依法行政。\n",
            &["多巴镇"],
        );
        assert_eq!(c.issuers, ["多巴镇人民政府"]);
        // The 依法治市办's report of a place's rule of law is no government's.
        let c = completed(
            "淄博市2022年法治建设情况报告\n市委依法治市办统筹推进法治淄博建设。\n",
            &["淄博市"],
        );
        assert_eq!(c.issuers, ["淄博市"]);
        assert_eq!(c.from, None);
    }

    #[test]
    fn a_place_that_says_wo_ju_is_a_department() {
        let c = completed(
            "2022年法治政府建设报告\n2022年,全市司法行政系统在市委、市政府的正确领导下推进法治政府建设。我局始终把法治政府建设作为主体工程。\n",
            &["遂宁市"],
        );
        assert_eq!(c.issuers, ["遂宁市司法局"]);
        let c = completed(
            "2022年法治政府建设报告\n我局坚持依法行政,遂宁市交通运输局党组高度重视。\n",
            &["遂宁市"],
        );
        assert_eq!(c.issuers, ["遂宁市交通运输局"]);
        // A department that names neither its body nor its system: the place stays.
        let c = completed("2022年法治政府建设报告\n我局坚持依法行政。\n", &["遂宁市"]);
        assert_eq!(c.issuers, ["遂宁市"]);
    }
}
