//! Lines → blocks: splits the text into lines, marks web-page chrome as noise, joins lines that a
//! PDF or web page broke inside a paragraph back into one block, and cuts a line that a page
//! flattened (`…报告如下: 一、坚持党的领导 (一)深入学习…`) into one block per heading.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::text::markers::{Marker, scan_marker};
use crate::text::normalize::{Fold, Norm, is_space};

/// Lines of web-page chrome and file residue, as they appear in saved pages (normalized text).
#[rustfmt::skip]
pub const NOISE_RULES: &[(&str, &str)] = &[
    (r"^作者:.*来源:",                                            "byline 作者: | 来源: | 时间: | 点击数:"),
    (r"^-?(来源|信息来源|文章来源|稿件来源|发布时间|发布日期|发布机构|发布单位|更新时间|日期|时间|点击数|点击量|点击率|浏览次数|阅读次数|访问量|责任编辑|编辑|字号|索引号|发文字号|文件编号|文号|主题分类|体裁分类|组配分类|服务对象分类|主题词|成文日期|生成日期|公开方式|公开时限|公开范围|公开形式|有效性|所属机构|信息类别|标题|文章标题|名称) ?:",
                                                                   "page metadata label (issue #9 class 1)"),
    (r"^[\[【] ?(索引号|发文字号|文号|主题分类|体裁分类|组配分类|发布机构|成文日期|发布日期|公开方式|标题|名称|有效性) ?[\]】]",
                                                                   "page metadata label in brackets: [ 成文日期 ] (class 1, 10)"),
    (r"(点击|浏览|阅读|访问)(数|量|率|次数) ?[:|]",         "visit counter after other chrome: 2022-03-07 点击数: | (class 1, 10)"),
    (r"(发布|更新|成文|印发)(时间|日期) ?[:\]】|]|(索引号|发文字号|文件编号|发布机构|主题分类|公开方式|公开时限) ?[:|]",
                                                                   "page metadata label after other chrome (class 1, 10)"),
    (r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2} ?[0-9]{1,2}:[0-9]{2}", "time stamp: 2024-03-28 09:18 (class 1, 10)"),
    (r"^(分享|分享到|字号) ?:?$",                              "share button or font switch label (class 9: never a recipient)"),
    (r"分享到",                                                   "share buttons"),
    (r"无障碍|简体 ?\|? ?繁体|长者模式|关怀版",                   "accessibility toolbar"),
    (r"字号 ?:? ?大 ?中 ?小|【字体|【 ?大 ?中 ?小 ?】",       "font size switch"),
    (r"打印本页|关闭窗口|打印此页|【打印】|【关闭】|\[打印\]|\[关闭\]|^收藏$", "print and close buttons"),
    (r"^[^ ]+\.(pdf|PDF|docx?|DOCX?|wps|ofd|xlsx?)$",                 "attachment file name"),
    (r"^(Baidu|map|百度地图)$",                                    "map widget residue"),
    (r"^[|•·\-—_=*#~]+$",                                          "layout residue"),
    (r"当前位置|所在位置|所在的位置|当前的位置|您的位置|当前所在",                                "breadcrumb (class 1)"),
    (r"^(首页|网站首页|主页) ?(>|»|→)|^[^。,;]*(>|»|→)[^。,;]*(>|»|→)[^。,;]*$", "breadcrumb with separators (class 1)"),
    (r"^今天是",                                                   "date widget"),
    (r"^[0-9]{4}$|^[0-9]{1,2}/[0-9]{1,2}$|^[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?$",         "date split over lines"),
    (r"^[0-9]{4}[-/年][0-9]{1,2}[-/月][0-9]{1,2}日? ?[0-9]{1,2}[:时]",          "timestamp with time of day"),
    (r"文章二维码|扫码|扫一扫",                                      "QR code widget"),
    (r"^关键词 ?:",                                               "keywords"),
    (r"^[^ ]*https?://[^ ]*$",                                         "link line"),
    (r"^[-—–]* ?[0-9]{1,3} ?[-—–]*$",                               "page number such as — 3 —"),
    (r"^第 ?[0-9]+ ?页|^共 ?[0-9]+ ?页",                              "page count"),
    (r"^(上一篇|下一篇|相关链接|相关文章|相关阅读)",                  "related links"),
];

static NOISE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    NOISE_RULES
        .iter()
        .map(|(p, _)| Regex::new(p).expect("noise rule"))
        .collect()
});

/// All noise rules in one regex: one scan per line; the rule itself is looked up only on a match.
static ANY_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    let all: Vec<String> = NOISE_RULES
        .iter()
        .map(|(p, _)| format!("(?:{p})"))
        .collect();
    Regex::new(&all.join("|")).expect("noise rules")
});

/// The noise rule a normalized line matches, if any.
pub fn noise_rule(norm: &str) -> Option<&'static str> {
    if norm.len() > MAX_NOISE_BYTES || !ANY_NOISE.is_match(norm) {
        return None;
    }
    NOISE
        .iter()
        .zip(NOISE_RULES)
        .find(|(re, _)| re.is_match(norm))
        .map(|(_, (_, why))| *why)
}

/// Chrome lines are short; a longer line is report text (the rules rely on this bound).
const MAX_NOISE_BYTES: usize = 240;

/// Bullets that pages put before metadata and paragraphs; they are layout, not text.
const BULLETS: &[char] = &['•', '●', '▪', '■', '◆', '◇', '○', '·'];

/// A line of the analyzed text.
#[derive(Debug, Clone)]
pub struct Line {
    /// Raw byte range without the line terminator.
    pub span: Range<usize>,
    /// Normalized content (matching form), mapped back into the raw text.
    pub norm: Norm,
    /// What the line is.
    pub kind: LineKind,
}

/// What a line is, before paragraphs are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// Nothing but white space (or residue).
    Blank,
    /// Web-page chrome or file residue (the rule's description).
    Noise(&'static str),
    /// Report text.
    Text,
}

/// A paragraph: one or more text lines joined where a PDF or a page broke them.
#[derive(Debug, Clone)]
pub struct Block {
    /// Raw byte range from the first content char of the first line to the end of the last line.
    pub span: Range<usize>,
    /// Normalized paragraph text.
    pub norm: Norm,
    /// Indices into [`Blocks::lines`] of the joined lines (a flattened line cut into several
    /// blocks is listed by each of them).
    pub lines: Vec<usize>,
    /// The heading marker at the paragraph start, if any.
    pub marker: Option<Marker>,
}

/// The text cut into lines and paragraphs.
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    /// Every line, in order.
    pub lines: Vec<Line>,
    /// Every paragraph of report text, in order (noise and blank lines excluded).
    pub blocks: Vec<Block>,
}

/// A line this long (in chars) without end punctuation was cut by a page width, not by the author.
const WRAP_MIN_CHARS: usize = 28;
/// A paragraph broken by a page break has at most this many blank lines inside it.
const MAX_BLANKS_IN_PARAGRAPH: usize = 2;

fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(start..i);
                start = i + 1;
            }
            b'\r' => {
                out.push(start..i);
                if bytes.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    if start < bytes.len() {
        out.push(start..bytes.len());
    }
    out
}

/// Where a line's content starts: after indentation and layout bullets.
fn content_start(raw: &str) -> usize {
    let mut i = 0;
    for (j, c) in raw.char_indices() {
        if is_space(c) || BULLETS.contains(&c) {
            i = j + c.len_utf8();
        } else {
            break;
        }
    }
    i
}

fn ends_sentence(s: &str) -> bool {
    let mut rev = s.chars().rev();
    match rev.next() {
        Some('。' | '!' | '?' | ';' | ':' | '…' | '！' | '？') => true,
        Some('”' | '"' | '’' | ')' | '」' | '』') => {
            matches!(rev.next(), Some('。' | '!' | '?' | '！' | '？'))
        }
        _ => false,
    }
}

fn looks_like_title_line(s: &str) -> bool {
    ["报告", "情况", "总结", "汇报"]
        .iter()
        .any(|w| s.ends_with(w))
}

/// A line that ends a paragraph whatever its length: a heading without run-in text, a title.
fn may_continue(norm: &Norm, marker: Option<Marker>) -> bool {
    let s = &norm.text;
    // A line ending in a table border is a cell, never a line the page width broke.
    if ends_sentence(s)
        || looks_like_title_line(s)
        || s.ends_with('|')
        || norm.chars() < WRAP_MIN_CHARS
    {
        return false;
    }
    // A heading line continues only when its run-in body has begun ("（一）强化领导。镇党委…").
    match marker {
        Some(m) => s[m.len..].contains('。'),
        None => true,
    }
}

fn starts_new_paragraph(s: &str) -> bool {
    scan_marker(s).is_some() || s.starts_with("特此") || crate::text::dates::is_date_line(s)
}

/// The last ordinal seen per marker style, in document order: what an inline marker must continue.
#[derive(Default)]
struct Sequence([u32; 6]);

impl Sequence {
    fn see(&mut self, m: Marker) {
        self.0[m.style as usize] = m.ordinal;
    }

    /// Ordinal 1 of a style, or the next ordinal of a style already seen.
    fn continues(&self, m: Marker) -> bool {
        m.ordinal == 1 || self.0[m.style as usize] + 1 == m.ordinal
    }
}

/// Chars that can start a heading marker; everything else is skipped without a look.
fn may_start_marker(c: char) -> bool {
    matches!(
        c,
        '(' | '第' | '0'
            ..='9' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Where a flattened line holds further headings: (normalized offset, marker) of each.
///
/// A page saved as one line keeps its paragraph breaks only as spaces, so a heading starts where
/// white space separates a marker that continues the document's sequence from a finished
/// sentence (`。` `:` `;` `!` `?`) or from a heading title (`一、坚持党的领导 (一)深入…`). A marker
/// glued to the text before it stays body text: `根据《条例》(一)项`, `第(二)款`, an inline list
/// `问题:(一)…;(二)…`.
fn inline_headings(
    text: &str,
    norm: &Norm,
    first: Option<Marker>,
    seq: &mut Sequence,
) -> Vec<(usize, Marker)> {
    let s = norm.text.as_str();
    let mut cuts = Vec::new();
    // The marker that starts the current piece, while its title has not ended yet.
    let mut title_open = first.map(|m| m.len);
    let mut prev: Option<(usize, char)> = None; // last non-space char
    for (i, c) in s.char_indices() {
        if c == ' ' {
            continue;
        }
        if matches!(c, '。' | ':') {
            title_open = None;
        }
        let Some((p, pc)) = prev.replace((i, c)) else {
            continue;
        };
        // Most chars are neither after a sentence end nor in an open title: one match each.
        if !(matches!(pc, '。' | ':' | ';' | '!' | '?' | '”' | '"') || title_open.is_some())
            || !may_start_marker(c)
        {
            continue;
        }
        let after_sentence = matches!(pc, '。' | ':' | ';' | '!' | '?')
            || (matches!(pc, '”' | '"') && s[..p].ends_with(['。', '!', '?']));
        if !after_sentence && title_open.is_none_or(|t| p < t) {
            continue;
        }
        // The break between the two must be white space in the raw text (kept in the matching
        // form only between ASCII chars).
        let gap = norm.raw_span(p..i).end..norm.raw_span(i..i + c.len_utf8()).start;
        let spaced = s[p..i].contains(' ')
            || (!gap.is_empty() && text[gap].chars().all(crate::text::normalize::is_space));
        if !spaced {
            continue;
        }
        let Some(m) = scan_marker(&s[i..]).filter(|m| m.start == 0 && seq.continues(*m)) else {
            continue;
        };
        seq.see(m);
        cuts.push((i, m));
        title_open = Some(i + m.len);
    }
    cuts
}

/// One block's worth of a line: its normalized text, raw span and marker.
struct Piece {
    norm: Norm,
    span: Range<usize>,
    marker: Option<Marker>,
}

/// A line as the blocks it holds: itself, or one piece per heading a flattened page ran into it.
fn pieces(text: &str, line: &Line, seq: &mut Sequence) -> Vec<Piece> {
    let marker = scan_marker(&line.norm.text);
    if let Some(m) = marker {
        seq.see(m);
    }
    let start = line.norm.full_raw_span().start;
    let cuts = inline_headings(text, &line.norm, marker, seq);
    if cuts.is_empty() {
        return vec![Piece {
            norm: line.norm.clone(),
            span: start..line.span.end,
            marker,
        }];
    }
    let s = &line.norm.text;
    let bounds = std::iter::once((0, marker)).chain(cuts.into_iter().map(|(i, m)| (i, Some(m))));
    let ends = bounds.clone().skip(1).map(|(i, _)| i).chain([s.len()]);
    bounds
        .zip(ends)
        .map(|((a, marker), b)| {
            let b = a + s[a..b].trim_end().len();
            let span = line.norm.raw_span(a..b);
            Piece {
                norm: Norm::new(&text[span.clone()], span.start, Fold::Matching),
                span,
                marker,
            }
        })
        .collect()
}

/// Cuts `text` into lines and paragraphs.
pub fn split(text: &str) -> Blocks {
    let ranges = line_ranges(text);
    let mut lines = Vec::with_capacity(ranges.len());
    for r in ranges {
        let raw = &text[r.clone()];
        let off = content_start(raw);
        let norm = Norm::new(&raw[off..], r.start + off, Fold::Matching);
        let kind = if norm.text.is_empty() {
            LineKind::Blank
        } else if let Some(why) =
            noise_rule(&norm.text).filter(|_| scan_marker(&norm.text).is_none())
        {
            LineKind::Noise(why)
        } else {
            LineKind::Text
        };
        lines.push(Line {
            span: r,
            norm,
            kind,
        });
    }

    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false; // whether the last block may take the next text line
    let mut blanks = 0;
    let mut seq = Sequence::default();
    for (i, line) in lines.iter().enumerate() {
        match line.kind {
            LineKind::Blank => {
                blanks += 1;
                continue;
            }
            LineKind::Noise(_) => continue,
            LineKind::Text => {}
        }
        let joins =
            open && blanks <= MAX_BLANKS_IN_PARAGRAPH && !starts_new_paragraph(&line.norm.text);
        blanks = 0;
        for (k, piece) in pieces(text, line, &mut seq).into_iter().enumerate() {
            if joins && k == 0 {
                let b = blocks.last_mut().expect("open block");
                if piece.norm.text.starts_with('(') {
                    b.norm
                        .push_raw(&text[piece.span.clone()], piece.span.start, Fold::Matching);
                } else {
                    b.norm.append(&piece.norm);
                }
                b.span.end = piece.span.end;
                b.lines.push(i);
                open = may_continue(&piece.norm, None);
            } else {
                open = may_continue(&piece.norm, piece.marker);
                blocks.push(Block {
                    span: piece.span,
                    norm: piece.norm,
                    lines: vec![i],
                    marker: piece.marker,
                });
            }
        }
    }
    // Trailing white space is not part of a block.
    for b in &mut blocks {
        let end = b.norm.full_raw_span().end;
        b.span.end = end.max(b.span.start);
    }
    Blocks { lines, blocks }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(b: &Blocks) -> Vec<&str> {
        b.blocks.iter().map(|b| b.norm.text.as_str()).collect()
    }

    #[test]
    fn each_noise_rule_has_a_real_line() {
        let real = [
            "作者: | 来源:港门镇人民政府 | 时间:2023-12-21 点击数:- 分享到:",
            "文章来源:司法局 更新时间:2021/03/29 11:30:01",
            "分享到：",
            "无障碍 简体| 繁体",
            "字号：大 中 小",
            "打印本页 关闭窗口",
            "遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告.pdf",
            "Baidu",
            "|",
            "您所在的位置:政务公开 > 工作报告",
            " 首页→ 网站公告",
            "今天是:2019年10月31日 星期三 农历十月初七",
            "03/30",
            "2023年03月30日 09时24分",
            "手机扫码看新闻",
            "关键词: 环境治理 环境保护 危废治理",
            "一图读懂:https://sfj.gz.gov.cn/xxgk/post_9502349.html",
            "— 3 —",
            "文件编号: | 发布机构: | 湖州市交通运输局 |",
            "公开方式: | 主动公开 | 公开时限: | 长期公开 |",
            "[ 成文日期 ] 2026-01-22",
            "【发布机构】某某县人民政府",
            "-标题: 某县2025年法治政府建设年度报告",
            "2022-03-07 点击数: | |||||||",
            "某某县人民政府 发布时间:2024-03-28",
            "信息来源:某县 2024-03-28 09:18",
            "分享:",
            "第 2 页 共 5 页",
            "上一篇：关于印发…的通知",
            "首页 > 政务公开 > 法治政府建设",
        ];
        let rejected = [
            "2023年12月20日",
            "推进“互联网+政务服务”建设,A>B",
            "一、主要成效",
            "来源于群众的意见建议",
            "遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告",
            "2022年,县人民政府坚持以习近平新时代中国特色社会主义思想为指导。",
            "名称相同的事项合并办理",
            "全年网站访问量达到12万人次。",
            "资金来源于县财政专项拨款，全年发布信息120条。",
            "中共长丰县委、长丰县人民政府：",
            "2024年1月10日",
        ];
        for line in real {
            let n = Norm::new(line, 0, Fold::Matching);
            assert!(noise_rule(&n.text).is_some(), "should be noise: {line}");
        }
        for line in rejected {
            let n = Norm::new(line, 0, Fold::Matching);
            assert_eq!(noise_rule(&n.text), None, "should be text: {line}");
        }
    }

    #[test]
    fn paragraph_broken_by_a_blank_line_is_joined() {
        let text = "  一、加强依法行政学习\n\n  我镇始终坚持以习近平新时代中国特色社会主义思想为指导，建设的重要讲话、重要\n\n指示精神。\n\n  二、加强领导干部学习培训\n";
        let b = split(text);
        assert_eq!(
            texts(&b),
            vec![
                "一、加强依法行政学习",
                "我镇始终坚持以习近平新时代中国特色社会主义思想为指导,建设的重要讲话、重要指示精神。",
                "二、加强领导干部学习培训"
            ]
        );
        assert_eq!(
            &text[b.blocks[1].span.clone()],
            "我镇始终坚持以习近平新时代中国特色社会主义思想为指导，建设的重要讲话、重要\n\n指示精神。"
        );
    }

    #[test]
    fn short_lines_and_headings_are_not_joined() {
        let b = split(
            "关于2023年度法治政府建设情况的报告\n中共博爱县委、博爱县人民政府：\n一、主要成效\n2022年，县人民政府坚持\n",
        );
        assert_eq!(b.blocks.len(), 4);
    }

    #[test]
    fn crlf_and_cr_line_ends() {
        let b = split("一、成效\r\n二、问题\r三、打算");
        assert_eq!(texts(&b), vec!["一、成效", "二、问题", "三、打算"]);
    }

    #[test]
    fn a_flattened_page_is_cut_at_each_heading() {
        let text = "现将有关情况报告如下: 一、坚持党的领导,统筹法治政府向纵深推进 (一)深入学习贯彻习近平法治思想。坚持以习近平新时代中国特色社会主义思想为指导。 (二)认真统筹谋划法治建设领域各项工作。 1.严格落实生态环保地方法规";
        let b = split(text);
        assert_eq!(
            texts(&b),
            vec![
                "现将有关情况报告如下:",
                "一、坚持党的领导,统筹法治政府向纵深推进",
                "(一)深入学习贯彻习近平法治思想。坚持以习近平新时代中国特色社会主义思想为指导。",
                "(二)认真统筹谋划法治建设领域各项工作。",
                "1.严格落实生态环保地方法规",
            ]
        );
        for block in &b.blocks {
            assert_eq!(text[block.span.clone()], block.norm.text, "span is exact");
        }
        let ordinals: Vec<_> = b
            .blocks
            .iter()
            .map(|b| b.marker.map(|m| m.ordinal))
            .collect();
        assert_eq!(ordinals, vec![None, Some(1), Some(1), Some(2), Some(1)]);
    }

    #[test]
    fn markers_inside_sentences_stay_body_text() {
        let lines = [
            // glued to the clause before it: a citation, an article, an inline list
            "根据《条例》(一)项规定,按照第(二)款执行。",
            "印发《关于加强法治建设的通知》 (三)项任务全部完成。",
            "存在的问题:(一)执法不够规范;(二)普法不够深入。",
            // after a space but not after a finished sentence
            "全年完成 2.5万件,覆盖 一、二级网格",
            // after a sentence, but out of sequence: (三) before any (一) or (二)
            "全面完成年度任务。 (三)类问题全部整改",
        ];
        for line in lines {
            assert_eq!(split(line).blocks.len(), 1, "{line}");
        }
    }
}
