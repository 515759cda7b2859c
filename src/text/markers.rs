//! Markers: scanners for heading numbers (`一、` `（一）` `1.` `（1）` `第一部分`) and inline items
//! (`一是` `第一，` `①`), run on normalized text (full-width already folded to ASCII).

/// How a heading is numbered. The order is the GB/T 9704 ladder, used when the document's own
/// sequence does not decide a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MarkerStyle {
    /// `第一部分`: a part above the numbered headings.
    Part,
    /// `一、` — GB/T 9704 first level.
    ChineseComma,
    /// `（一）` — GB/T 9704 second level.
    ChineseParen,
    /// `1.` — GB/T 9704 third level.
    ArabicDot,
    /// `1、` — a common variant of `1.`.
    ArabicComma,
    /// `（1）` — GB/T 9704 fourth level.
    ArabicParen,
}

impl MarkerStyle {
    /// Rank on the GB/T 9704 ladder (smaller is higher); `1.` and `1、` share a rank.
    pub fn rank(self) -> u8 {
        match self {
            MarkerStyle::Part => 0,
            MarkerStyle::ChineseComma => 1,
            MarkerStyle::ChineseParen => 2,
            MarkerStyle::ArabicDot | MarkerStyle::ArabicComma => 3,
            MarkerStyle::ArabicParen => 4,
        }
    }
}

/// The heading markers fazhi knows, as the spec writes them (shape, style, where it comes from).
#[rustfmt::skip]
pub const HEADING_MARKERS: &[(&str, MarkerStyle, &str)] = &[
    ("第一部分", MarkerStyle::Part, "common in long reports"),
    (
        "一、",
        MarkerStyle::ChineseComma,
        "GB/T 9704-2012 §7.3.3 first level",
    ),
    (
        "（一）",
        MarkerStyle::ChineseParen,
        "GB/T 9704-2012 §7.3.3 second level",
    ),
    (
        "1.",
        MarkerStyle::ArabicDot,
        "GB/T 9704-2012 §7.3.3 third level",
    ),
    (
        "1、",
        MarkerStyle::ArabicComma,
        "variant of 1. seen in real reports",
    ),
    (
        "（1）",
        MarkerStyle::ArabicParen,
        "GB/T 9704-2012 §7.3.3 fourth level",
    ),
    ("一）", MarkerStyle::ChineseParen, "（一） that lost its opening paren (issue #9 class 8)"),
    ("（ 一 ）", MarkerStyle::ChineseParen, "spaces inside: normalize drops them next to Han (class 8)"),
    ("（ 1 ）", MarkerStyle::ArabicParen, "spaces inside, kept by normalize between ASCII (class 8)"),
    (
        "1）",
        MarkerStyle::ArabicParen,
        "list label below （1）; read as （1）, its sequence decides the level (class 8)",
    ),
    (
        "\u{f0b7}一、",
        MarkerStyle::ChineseComma,
        "a Word symbol-font bullet (private use char) left before the marker (class 8)",
    ),
    ("?一、", MarkerStyle::ChineseComma, "a char the converter could not encode (class 8)"),
    ("&nbsp;一、", MarkerStyle::ChineseComma, "HTML entity residue of a saved page (class 8)"),
];

/// A heading marker found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The numbering style.
    pub style: MarkerStyle,
    /// The number, `一` = 1, `二十一` = 21.
    pub ordinal: u32,
    /// Where the marker starts in normalized bytes: 0, or after converter residue (`?一、`).
    pub start: usize,
    /// End of the marker in normalized bytes from the line start (including `、`, `.` or the
    /// closing paren): the title follows.
    pub len: usize,
}

/// Largest ordinal taken as a heading number; larger numbers are years, amounts or codes.
const MAX_ORDINAL: u32 = 60;

/// Parses a Chinese numeral from 一 to 九十九 at the start of `s`; returns (value, bytes).
pub fn chinese_number(s: &str) -> Option<(u32, usize)> {
    fn digit(c: char) -> Option<u32> {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
            .or(match c {
                '〇' => Some(0),
                '两' => Some(2),
                _ => None,
            })
    }
    let mut chars = s.char_indices().peekable();
    let mut value = 0u32;
    let mut end = 0;
    let mut seen_ten = false;
    let mut current: Option<u32> = None;
    while let Some(&(i, c)) = chars.peek() {
        if c == '十' && !seen_ten {
            value = current.unwrap_or(1) * 10;
            current = None;
            seen_ten = true;
        } else if let Some(d) = digit(c) {
            if current.is_some() || (seen_ten && !value.is_multiple_of(10)) {
                break;
            }
            current = Some(d);
        } else {
            break;
        }
        end = i + c.len_utf8();
        chars.next();
    }
    let total = value + current.unwrap_or(0);
    (end > 0 && total > 0).then_some((total, end))
}

fn arabic_number(s: &str) -> Option<(u32, usize)> {
    let end = s.bytes().take_while(u8::is_ascii_digit).count();
    if end == 0 || end > 2 {
        return None;
    }
    s[..end].parse().ok().map(|v| (v, end))
}

/// Converter residue that stands before a marker and is no part of it: private-use chars (Word
/// symbol-font bullets), U+FFFD and `?` or `` ` `` for chars a converter could not encode.
fn is_residue(c: char) -> bool {
    matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{fffd}' | '?' | '`')
}

/// HTML entities that a page store left as text instead of the space they stand for.
const ENTITY_RESIDUE: &[&str] = &["&nbsp;", "&ensp;", "&emsp;", "&#160;", "&#12288;"];

/// At most this many residue units before a marker; more is a line of garbage, not a heading.
const MAX_RESIDUE: usize = 4;

/// Bytes of converter residue (and the space after it) at the start of `s`.
fn residue_len(s: &str) -> usize {
    let mut i = 0;
    for _ in 0..MAX_RESIDUE {
        let rest = &s[i..];
        if let Some(c) = rest.chars().next().filter(|&c| is_residue(c)) {
            i += c.len_utf8();
        } else if let Some(e) = ENTITY_RESIDUE.iter().find(|e| rest.starts_with(**e)) {
            i += e.len();
        } else {
            break;
        }
    }
    if i > 0 && s[i..].starts_with(' ') {
        i += 1;
    }
    i
}

/// Scans a heading marker at the start of a normalized line.
///
/// Rejects look-alikes: `1.5亿元` (a decimal), `2023.12` (a date), `（2021-2025年）` (a range),
/// `一是` (an inline item), and markers with nothing after them. Converter residue before the
/// marker (`?一、`, `&nbsp;一、`) is skipped: [`Marker::start`] says where the marker begins.
pub fn scan_marker(s: &str) -> Option<Marker> {
    let start = residue_len(s);
    let mut m = scan_marker_shape(&s[start..])?;
    m.start = start;
    m.len += start;
    let rest = s[m.len..].trim_start();
    let first = rest.chars().next()?;
    if m.ordinal == 0 || m.ordinal > MAX_ORDINAL {
        return None;
    }
    // `1.5亿元`, `3.15`: a digit right after `1.` makes a decimal, not a heading.
    if m.style == MarkerStyle::ArabicDot && first.is_ascii_digit() {
        return None;
    }
    // `1.` followed by `%`, `亿`, `万` etc. is a number, not a heading.
    if matches!(m.style, MarkerStyle::ArabicDot)
        && matches!(first, '%' | '亿' | '万' | '元' | '倍' | '-')
    {
        return None;
    }
    // `1)` without its opening paren is a label only before words: `3)、`, `2)3`, `a)` are not.
    let bare_close = s[..m.len].ends_with(')') && !s[m.start..].starts_with('(');
    if bare_close && (first.is_ascii() || first == '、') {
        return None;
    }
    Some(m)
}

fn scan_marker_shape(s: &str) -> Option<Marker> {
    let marker = |style, ordinal, len| {
        Some(Marker {
            style,
            ordinal,
            start: 0,
            len,
        })
    };
    if let Some(rest) = s.strip_prefix('第') {
        let (n, l) = chinese_number(rest)?;
        let after = &rest[l..];
        return if after.starts_with("部分") {
            marker(MarkerStyle::Part, n, '第'.len_utf8() + l + "部分".len())
        } else {
            None
        };
    }
    if let Some(rest) = s.strip_prefix('(') {
        // `( 1 )`: normalize keeps a space between ASCII chars (it drops the one next to `一`).
        let pad = usize::from(rest.starts_with(' '));
        let inner = &rest[pad..];
        let (n, l, style) = match chinese_number(inner) {
            Some((n, l)) => (n, l, MarkerStyle::ChineseParen),
            None => {
                let (n, l) = arabic_number(inner)?;
                (n, l, MarkerStyle::ArabicParen)
            }
        };
        let close_pad = usize::from(inner[l..].starts_with(" )"));
        let close = pad + l + close_pad;
        return if rest[close..].starts_with(')') {
            // `（一）、` mixes two styles; the stray `、` belongs to the marker, not the title.
            let after = &rest[close + 1..];
            let stray = match after.chars().next() {
                Some(c @ ('、' | '.')) => c.len_utf8(),
                _ => 0,
            };
            marker(style, n, 1 + close + 1 + stray)
        } else {
            None
        };
    }
    if let Some((n, l)) = chinese_number(s) {
        let after = &s[l..];
        return if after.starts_with('、') {
            marker(MarkerStyle::ChineseComma, n, l + '、'.len_utf8())
        } else if after.starts_with('.') && !after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            marker(MarkerStyle::ChineseComma, n, l + 1)
        } else if after.starts_with(')') {
            // `一）`: the opening paren was lost (a converter, or a typist).
            marker(MarkerStyle::ChineseParen, n, l + 1)
        } else {
            None
        };
    }
    let (n, l) = arabic_number(s)?;
    let after = &s[l..];
    if after.starts_with('、') {
        marker(MarkerStyle::ArabicComma, n, l + '、'.len_utf8())
    } else if after.starts_with('.') {
        marker(MarkerStyle::ArabicDot, n, l + 1)
    } else if after.starts_with(')') {
        marker(MarkerStyle::ArabicParen, n, l + 1)
    } else {
        None
    }
}

/// How an inline item of a section is numbered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ItemStyle {
    /// `一是`, `二是` …
    Shi,
    /// `第一，`, `第二，` …
    Di,
    /// `①`, `②` …
    Circled,
}

/// An inline item found in normalized text: style, ordinal and byte range of its marker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemMarker {
    /// The numbering style.
    pub style: ItemStyle,
    /// The number.
    pub ordinal: u32,
    /// Normalized byte range of the marker.
    pub range: std::ops::Range<usize>,
}

/// True where an inline item may start: text start or after clause punctuation.
fn item_boundary(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => matches!(
            c,
            '。' | ';' | ':' | ',' | '!' | '?' | '、' | ')' | ' ' | '”' | '"'
        ),
    }
}

/// Finds inline items (`一是`, `第一，`, `①`) in a normalized paragraph.
pub fn scan_items(s: &str) -> Vec<ItemMarker> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if ('\u{2460}'..='\u{2473}').contains(&c) {
            let ordinal = c as u32 - 0x2460 + 1;
            out.push(ItemMarker {
                style: ItemStyle::Circled,
                ordinal,
                range: i..i + c.len_utf8(),
            });
        } else if item_boundary(prev) {
            let rest = &s[i..];
            if let Some(after) = rest.strip_prefix('第') {
                if let Some((n, l)) = chinese_number(after)
                    && after[l..].starts_with([',', '、'])
                {
                    let end = i + '第'.len_utf8() + l + 1;
                    out.push(ItemMarker {
                        style: ItemStyle::Di,
                        ordinal: n,
                        range: i..end,
                    });
                }
            } else if let Some((n, l)) = chinese_number(rest)
                && rest[l..].starts_with('是')
                && n <= MAX_ORDINAL
            {
                let end = i + l + '是'.len_utf8();
                out.push(ItemMarker {
                    style: ItemStyle::Shi,
                    ordinal: n,
                    range: i..end,
                });
            }
        }
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use MarkerStyle::*;

    fn scan(line: &str) -> Option<(MarkerStyle, u32)> {
        let n = crate::text::normalize::Norm::new(line, 0, crate::text::normalize::Fold::Matching);
        scan_marker(&n.text).map(|m| (m.style, m.ordinal))
    }

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("十"), Some((10, 3)));
        assert_eq!(chinese_number("十二、"), Some((12, 6)));
        assert_eq!(chinese_number("二十、"), Some((20, 6)));
        assert_eq!(chinese_number("二十一、"), Some((21, 9)));
        assert_eq!(chinese_number("四、"), Some((4, 3)));
        assert_eq!(chinese_number("零"), None);
    }

    /// Each rule: a real line it accepts, and look-alikes it rejects.
    #[test]
    fn heading_marker_table() {
        let accepted = [
            ("一、全面开展法治政府建设年度重点工作", ChineseComma, 1),
            ("一、2023年法治政府建设工作开展情况", ChineseComma, 1),
            ("四 、多措并举,强力推进各项工作任务", ChineseComma, 4),
            ("二十一、其他需要报告的情况", ChineseComma, 21),
            ("（一）强化领导，压实压紧工作责任。镇党委…", ChineseParen, 1),
            ("(二)加强政务公开标准化、规范化建设。", ChineseParen, 2),
            ("1.深入学习宣传贯彻习近平法治思想。", ArabicDot, 1),
            ("3．发挥法治政府建设引领和推动作用。", ArabicDot, 3),
            (
                "1、 上一年度推进法治政府建设的主要举措和成效。",
                ArabicComma,
                1,
            ),
            ("（2）严格规范公正文明执法", ArabicParen, 2),
            ("（三）、加强队伍建设", ChineseParen, 3),
            ("第二部分 存在的不足", Part, 2),
            ("一）坚持党的领导，推进基层法治建设", ChineseParen, 1),
            ("（ 二 ）严格规范公正文明执法", ChineseParen, 2),
            ("（ 3 ）推进政务公开", ArabicParen, 3),
            ("( 1)健全依法决策机制", ArabicParen, 1),
            ("2）加强行政复议工作。", ArabicParen, 2),
            ("\u{f0b7}二、存在的问题和不足", ChineseComma, 2),
            ("?三、下一步工作打算", ChineseComma, 3),
            ("&nbsp;&nbsp;一、主要举措和成效", ChineseComma, 1),
            ("` (一)强化组织领导", ChineseParen, 1),
        ];
        for (line, style, ordinal) in accepted {
            assert_eq!(scan(line), Some((style, ordinal)), "{line}");
        }
        let rejected = [
            "1.5亿元用于法治建设",
            "2023.12.20",
            "2023年12月20日",
            "（2021-2025年）",
            "一是开展学法活动。",
            "第一，加强领导",
            "全镇（一）类问题",
            "一、",
            "12.5%的案件",
            "第一责任人职责",
            "一)",
            "3)、4)项",
            "2)3",
            "1)a级景区",
            "?? 全年办理案件",
            "?????一、五个问号是乱码行",
            "A一、字母不是残留",
        ];
        for line in rejected {
            assert_eq!(scan(line), None, "{line}");
        }
    }

    #[test]
    fn the_marker_table_agrees_with_the_scanner() {
        for (example, style, _) in HEADING_MARKERS {
            let line = format!("{example}加强组织领导");
            assert_eq!(scan(&line).map(|m| m.0), Some(*style), "{example}");
        }
    }

    #[test]
    fn residue_before_a_marker_is_not_part_of_it() {
        let m = scan_marker("&nbsp; 二、存在的问题").expect("marker");
        assert_eq!((m.start, m.len), ("&nbsp; ".len(), "&nbsp; 二、".len()));
    }

    #[test]
    fn inline_items() {
        let s = "一是专业机构和人员配备不足。二是普法宣传有待加强;第三,加强督导。①统一是基础";
        let items: Vec<_> = scan_items(s)
            .into_iter()
            .map(|i| (i.style, i.ordinal))
            .collect();
        assert_eq!(
            items,
            vec![
                (ItemStyle::Shi, 1),
                (ItemStyle::Shi, 2),
                (ItemStyle::Di, 3),
                (ItemStyle::Circled, 1)
            ]
        );
    }

    #[test]
    fn shi_inside_a_word_is_not_an_item() {
        assert!(scan_items("坚持统一是原则").is_empty());
    }
}
