//! Citations: the documents a report cites by title (`《…》`, nested `〈〉`), their kind (law,
//! regulation, party rule, plan, local document), and near misses of the field's well-known titles
//! (`《法治中国建设规（2020-2025年）》` lost the 划 of 规划).

use std::ops::Range;

use serde::Serialize;

use crate::span::Span;
use crate::text::blocks::Blocks;
use crate::text::normalize::{display, is_space};

/// What kind of document a title names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CitationKind {
    /// A law (`…法`).
    Law,
    /// An administrative or local regulation (`…条例`, `…规定`, `…办法`).
    Regulation,
    /// A party rule (`中国共产党…`, `党政主要负责人…规定`).
    PartyRule,
    /// A plan or outline (`…纲要`, `…规划`, `…方案`).
    Plan,
    /// A local document (`…通知`, `…意见`, `…实施方案` of a place).
    LocalDocument,
    /// Anything else (a book, a newspaper, an event).
    Other,
}

/// A document cited by title.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    /// The title inside the 书名号, as written (spaces from line wraps dropped, width kept).
    pub title: String,
    /// What kind of document it is.
    pub kind: CitationKind,
    /// The well-known title it is, when it is one of the field's (exactly or nearly).
    pub known: Option<String>,
    /// Whether it differs from the well-known title it nearly is (a typo to fix).
    pub near_miss: bool,
    /// Where it is, 书名号 included.
    pub span: Span,
    /// Byte range in the analyzed text.
    #[serde(skip)]
    pub range: Range<usize>,
}

use CitationKind::*;

/// Title endings and the kind they name, longest first (`…实施办法` before `…法`). Plans and
/// decisions of a place (`重庆市…实施方案`) are local documents; see [`kind_of`].
#[rustfmt::skip]
pub const SUFFIX_KINDS: &[(&str, CitationKind)] = &[
    ("实施方案", Plan),
    ("实施细则", Regulation),
    ("办法",     Regulation),
    ("细则",     Regulation),
    ("条例",     Regulation),
    ("规定",     Regulation),
    ("规则",     Regulation),
    ("纲要",     Plan),
    ("规划",     Plan),
    ("方案",     Plan),
    ("计划",     Plan),
    ("通知",     LocalDocument),
    ("意见",     LocalDocument),
    ("决定",     LocalDocument),
    ("措施",     LocalDocument),
    ("法典",     Law),
    ("法",       Law),
];

/// The field's well-known titles, as officially written, with their kind. Laws are listed
/// without the `中华人民共和国` prefix, which matching ignores. Twins that differ by one character
/// (`村民委员会组织法` / `居民委员会组织法`) are left out, so that a near miss is a typo.
#[rustfmt::skip]
pub const KNOWN_TITLES: &[(&str, CitationKind)] = &[
    ("法治政府建设实施纲要（2021—2025年）", Plan),
    ("法治政府建设实施纲要（2015—2020年）", Plan),
    ("法治中国建设规划（2020－2025年）", Plan),
    ("法治社会建设实施纲要（2020－2025年）", Plan),
    ("全面推进依法行政实施纲要", Plan),
    ("党政主要负责人履行推进法治建设第一责任人职责规定", PartyRule),
    ("法治政府建设与责任落实督察工作规定", PartyRule),
    // Issued by 中共中央 and 国务院 (2022): a party rule, though it reads like a regulation.
    ("信访工作条例", PartyRule),
    ("中国共产党纪律处分条例", PartyRule),
    ("关于加强法治乡村建设的意见", Other),
    ("优化营商环境条例", Regulation),
    ("重大行政决策程序暂行条例", Regulation),
    ("政府信息公开条例", Regulation),
    ("规章制定程序条例", Regulation),
    ("法规规章备案条例", Regulation),
    ("保障农民工工资支付条例", Regulation),
    ("行政复议法实施条例", Regulation),
    ("中华人民共和国宪法", Law),
    ("中华人民共和国民法典", Law),
    ("中华人民共和国行政复议法", Law),
    ("中华人民共和国行政诉讼法", Law),
    ("中华人民共和国行政处罚法", Law),
    ("中华人民共和国行政许可法", Law),
    ("中华人民共和国行政强制法", Law),
    ("中华人民共和国国家赔偿法", Law),
    ("中华人民共和国立法法", Law),
    ("中华人民共和国人民调解法", Law),
    ("中华人民共和国法律援助法", Law),
    ("中华人民共和国国家安全法", Law),
    ("中华人民共和国反电信网络诈骗法", Law),
    ("中华人民共和国反有组织犯罪法", Law),
    ("中华人民共和国安全生产法", Law),
    ("中华人民共和国社区矫正法", Law),
    ("中华人民共和国禁毒法", Law),
    ("中华人民共和国未成年人保护法", Law),
    ("中华人民共和国治安管理处罚法", Law),
];

/// Titles repealed from a year on, and what replaced them (old, new, the first year without it).
#[rustfmt::skip]
pub const SUPERSEDED_TITLES: &[(&str, &str, i32)] = &[
    ("信访条例",     "信访工作条例", 2022),
    ("民法通则",     "中华人民共和国民法典", 2021),
    ("民法总则",     "中华人民共和国民法典", 2021),
    ("合同法",       "中华人民共和国民法典", 2021),
    ("物权法",       "中华人民共和国民法典", 2021),
    ("担保法",       "中华人民共和国民法典", 2021),
    ("婚姻法",       "中华人民共和国民法典", 2021),
    ("继承法",       "中华人民共和国民法典", 2021),
    ("收养法",       "中华人民共和国民法典", 2021),
    ("侵权责任法",   "中华人民共和国民法典", 2021),
];

/// Titles this short (in chars, folded) are never near misses: `行政复议法` and `行政诉讼法` differ by two.
const NEAR_MISS_MIN_CHARS: usize = 6;
/// From this length on, two edits still make a near miss; below it, one.
const TWO_EDITS_MIN_CHARS: usize = 10;
/// Longer titles are not compared (keeps the edit distance cheap).
const NEAR_MISS_MAX_CHARS: usize = 60;

/// The matching key of a title: width folded, dashes and `至` as `-`, spaces, the
/// `中华人民共和国` prefix and the `年` of a year range dropped (`（2021-2025）` = `（2021—2025年）`).
pub fn fold_title(title: &str) -> String {
    let mut s: String = title
        .chars()
        .filter(|c| !is_space(*c))
        .map(|c| match crate::text::normalize::fold_width(c) {
            '—' | '–' | '‐' | '‑' | '―' | '~' | '〜' | '～' => '-',
            '〈' | '<' | '《' => '<',
            '〉' | '>' | '》' => '>',
            c => c,
        })
        .collect();
    if let Some(rest) = s.strip_prefix("中华人民共和国") {
        s = rest.to_string();
    }
    s.replace("年)", ")").replace("-至", "-")
}

/// The title without a trailing bracket (`（2021-2025年）`, `（试行）`), folded.
fn bare(folded: &str) -> &str {
    match folded.strip_suffix(')').and_then(|s| s.rfind('(')) {
        Some(i) if i > 0 => &folded[..i],
        _ => folded,
    }
}

/// True when a title begins with a place name (`重庆市…`, `垫江县…`): its plans are local.
fn starts_with_place(folded: &str) -> bool {
    folded
        .char_indices()
        .take(8)
        .skip(1)
        .any(|(_, c)| matches!(c, '省' | '市' | '县' | '区' | '镇' | '乡' | '旗' | '州'))
        && !folded.starts_with("关于")
}

/// The kind of a title from its words: party rules by their issuer, else by the suffix table.
pub fn kind_of(folded: &str) -> CitationKind {
    if folded.starts_with("中国共产党")
        || folded.contains("党内")
        || (folded.starts_with("党政主要负责人") && folded.ends_with("规定"))
    {
        return PartyRule;
    }
    let b = bare(folded);
    match SUFFIX_KINDS.iter().find(|(suffix, _)| b.ends_with(suffix)) {
        Some((_, Plan)) if starts_with_place(b) => LocalDocument,
        Some((_, LocalDocument)) if !starts_with_place(b) => Other,
        Some((_, kind)) => *kind,
        None => Other,
    }
}

struct Known {
    title: &'static str,
    kind: CitationKind,
    key: String,
    chars: Vec<char>,
}

fn known_table() -> &'static [Known] {
    static TABLE: std::sync::LazyLock<Vec<Known>> = std::sync::LazyLock::new(|| {
        KNOWN_TITLES
            .iter()
            .map(|(title, kind)| {
                let key = fold_title(title);
                Known {
                    title,
                    kind: *kind,
                    chars: key.chars().collect(),
                    key,
                }
            })
            .collect()
    });
    &TABLE
}

/// Edit distance (insertions, deletions, substitutions) between two char slices.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Looks a title up among the well-known ones: `(known title, kind, near miss)`.
pub fn recognize(title: &str) -> Option<(&'static str, CitationKind, bool)> {
    let key = fold_title(title);
    let table = known_table();
    // Exact, or the title without its year range (`《法治社会建设实施纲要》`).
    if let Some(k) = table
        .iter()
        .find(|k| k.key == key || (bare(&k.key) == key && bare(&k.key) != k.key))
    {
        return Some((k.title, k.kind, false));
    }
    let chars: Vec<char> = key.chars().collect();
    if chars.len() < NEAR_MISS_MIN_CHARS || chars.len() > NEAR_MISS_MAX_CHARS {
        return None;
    }
    let mut best: Option<(&Known, usize)> = None;
    for k in table {
        let n = k.chars.len().min(chars.len());
        let allowed = if n >= TWO_EDITS_MIN_CHARS { 2 } else { 1 };
        // A longer title holding a known one is another document (`重庆市优化营商环境条例`).
        if n < NEAR_MISS_MIN_CHARS
            || k.chars.len().abs_diff(chars.len()) > allowed
            || key.contains(k.key.as_str())
            || k.key.contains(key.as_str())
        {
            continue;
        }
        // Each char of the title that the known one lacks costs an edit: most titles are told
        // apart by that count alone, without the distance table.
        if chars.iter().filter(|c| !k.chars.contains(c)).count() > allowed {
            continue;
        }
        let d = edit_distance(&chars, &k.chars);
        if d <= allowed && best.is_none_or(|(_, bd)| d < bd) {
            best = Some((k, d));
        }
    }
    best.map(|(k, _)| (k.title, k.kind, true))
}

/// The replacement of a title repealed by `year`, and the year it went: `(new title, year)`.
pub fn superseded(title: &str, year: i32) -> Option<(&'static str, i32)> {
    let key = fold_title(title);
    SUPERSEDED_TITLES
        .iter()
        .find(|(old, _, from)| key == *old && year >= *from)
        .map(|(_, new, from)| (*new, *from))
}

/// The 书名号 pairs of a normalized paragraph: byte ranges of `《…》` (outermost only), and the
/// positions of the marks left unpaired (an opening without its closing, a stray closing).
pub fn title_marks(s: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mut open: Vec<usize> = Vec::new();
    let mut pairs: Vec<Range<usize>> = Vec::new();
    let mut stray = Vec::new();
    for (i, c) in s.char_indices() {
        match c {
            '《' => open.push(i),
            '》' => match open.pop() {
                Some(o) => pairs.push(o..i + c.len_utf8()),
                None => stray.push(i..i + c.len_utf8()),
            },
            _ => {}
        }
    }
    stray.extend(open.into_iter().map(|o| o..o + '《'.len_utf8()));
    stray.sort_by_key(|r| r.start);
    // Pairs close inner-first; keep those no other pair contains (nesting is proper, so sorting
    // by start and skipping what the last kept pair covers is enough).
    pairs.sort_by_key(|r| r.start);
    let mut outer: Vec<Range<usize>> = Vec::new();
    for p in pairs {
        if outer.last().is_none_or(|o| p.start >= o.end) {
            outer.push(p);
        }
    }
    (outer, stray)
}

/// Finds the cited titles of the report, in document order.
pub fn citations(text: &str, blocks: &Blocks) -> Vec<Citation> {
    let mut out = Vec::new();
    for b in &blocks.blocks {
        let s = &b.norm.text;
        if !s.contains('《') {
            continue;
        }
        let (pairs, _) = title_marks(s);
        for p in pairs {
            let inner = p.start + '《'.len_utf8()..p.end - '》'.len_utf8();
            if inner.is_empty() {
                continue;
            }
            let raw_inner = b.norm.raw_span(inner.clone());
            let title = display(&text[raw_inner]);
            if title.is_empty() {
                continue;
            }
            let folded = fold_title(&s[inner]);
            let (kind, known, near_miss) = match recognize(&title) {
                Some((k, kind, near)) => (kind, Some(k.to_string()), near),
                None => (kind_of(&folded), None, false),
            };
            out.push(Citation {
                title,
                kind,
                known,
                near_miss,
                span: Span(0, 0),
                range: b.norm.raw_span(p),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(text: &str) -> Vec<Citation> {
        citations(text, &crate::text::blocks::split(text))
    }

    /// Each suffix row: a real title it names, and its kind.
    #[test]
    fn suffix_table() {
        let cases = [
            ("社区矫正实施办法", Regulation),
            ("农民工权益保障法", Law),
            ("青海省信访条例", Regulation),
            ("重庆市重大决策程序规定", Regulation),
            ("重庆市法治政府建设实施方案（2021-2025）", LocalDocument),
            (
                "垫江县贯彻落实〈重庆市法治政府建设实施方案（2021-2025年）〉的具体措施及任务分工方案",
                LocalDocument,
            ),
            ("“八五”普法规划", Plan),
            ("博爱县社会矛盾纠纷大调处专项工作方案", LocalDocument),
            ("中国共产党纪律处分条例", PartyRule),
            ("关于新形势下党内政治生活的若干准则", PartyRule),
            ("监护人责任书", Other),
            ("关于印发法治建设工作要点的通知", Other),
            ("某县关于加强行政执法工作的意见", LocalDocument),
        ];
        for (title, kind) in cases {
            assert_eq!(kind_of(&fold_title(title)), kind, "{title}");
        }
    }

    #[test]
    fn known_titles_match_across_widths_dashes_and_the_state_prefix() {
        for (written, known) in [
            (
                "法治政府建设实施纲要（2021-2025年）",
                "法治政府建设实施纲要（2021—2025年）",
            ),
            (
                "法治政府建设实施纲要(2021－2025)",
                "法治政府建设实施纲要（2021—2025年）",
            ),
            (
                "法治社会建设实施纲要",
                "法治社会建设实施纲要（2020－2025年）",
            ),
            ("中华人民共和国宪法", "中华人民共和国宪法"),
            ("宪法", "中华人民共和国宪法"),
            ("民法典", "中华人民共和国民法典"),
            (
                "党政主要负责 人履行推进法治建设第一责任人职责规定",
                "党政主要负责人履行推进法治建设第一责任人职责规定",
            ),
        ] {
            assert_eq!(
                recognize(written).map(|r| (r.0, r.2)),
                Some((known, false)),
                "{written}"
            );
        }
    }

    #[test]
    fn a_lost_character_is_a_near_miss() {
        // Seed 002: 规划 lost its 划.
        assert_eq!(
            recognize("法治中国建设规（2020-2025年）"),
            Some(("法治中国建设规划（2020－2025年）", Plan, true))
        );
        assert_eq!(
            recognize("法治政府建设与责任落实督查工作规定").map(|r| r.2),
            Some(true)
        );
    }

    #[test]
    fn other_documents_are_not_near_misses() {
        for title in [
            "重庆市优化营商环境条例",
            "重庆市法治政府建设实施方案（2021-2025）",
            "重庆市重大决策程序规定",
            "农民工权益保障法",
            "行政诉讼法",
            "信访条例",
            "法治政府建设实施纲要（2015-2020年）解读",
        ] {
            assert_eq!(recognize(title).filter(|r| r.2), None, "{title}");
        }
    }

    #[test]
    fn superseded_titles_count_from_their_year() {
        assert!(superseded("信访条例", 2024).is_some());
        assert!(superseded("信访条例", 2021).is_none());
        assert!(superseded("青海省信访条例", 2024).is_none());
        assert!(superseded("合同法", 2023).is_some());
    }

    #[test]
    fn titles_in_order_with_nesting_and_spans() {
        let text = "贯彻落实《法治中国建设规（2020-2025年）》《法治政府建设实施纲要（2021-2025年）》，严格执行《垫江县贯彻落实〈重庆市法治政府建设实施方案（2021-2025年）〉的具体措施》。";
        let cs = cite(text);
        let titles: Vec<&str> = cs.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            titles,
            vec![
                "法治中国建设规（2020-2025年）",
                "法治政府建设实施纲要（2021-2025年）",
                "垫江县贯彻落实〈重庆市法治政府建设实施方案（2021-2025年）〉的具体措施"
            ]
        );
        assert!(cs[0].near_miss);
        assert!(!cs[1].near_miss && cs[1].known.is_some());
        for c in &cs {
            let raw = &text[c.range.clone()];
            assert!(raw.starts_with('《') && raw.ends_with('》') && raw.contains(&c.title));
        }
    }

    #[test]
    fn nested_book_marks_and_unbalanced_ones() {
        // 《 inside 《 (instead of 〈): one title; an opening never closed: no title.
        let cs = cite("印发《关于印发《XX方案》的通知》。学习《宪法");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].title, "关于印发《XX方案》的通知");
        assert!(cite("学习《宪法，遵守法律。").is_empty());
        // The closed title inside an unclosed one still counts.
        let cs = cite("学习《关于《民法典》的解读");
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].title, "民法典");
    }

    #[test]
    fn a_title_broken_by_a_wrap_keeps_its_span() {
        let text =
            "贯彻《党政主要负责\u{a0}人履行推进法治建设第一责任人职责规定》,坚持主要领导亲自抓。";
        let cs = cite(text);
        assert_eq!(
            cs[0].title,
            "党政主要负责人履行推进法治建设第一责任人职责规定"
        );
        assert_eq!(cs[0].kind, PartyRule);
        assert!(text[cs[0].range.clone()].ends_with('》'));
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in ["《", "》", "《》", "《 》", "《\n》", "a《é》b《"] {
            let _ = cite(t);
        }
    }
}
