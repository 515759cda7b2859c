//! Layout: positioned pieces of text from a page description (PDF, OFD) → lines → paragraphs.
//!
//! PDF and OFD store where each piece of text is drawn, not which paragraph it belongs to. This
//! pass puts pieces into lines by their baseline, drops page numbers and pieces drawn twice (fake
//! bold), and joins lines into paragraphs unless the geometry says a new one starts: a first-line
//! indent, a short previous line, a wider gap, another font size, or a heading marker. Between CJK
//! characters it never puts a space; a PDF's line break inside a word is not a space either.

use super::extracted::TextBuilder;
use crate::text::markers::{scan_items, scan_marker};
use crate::text::normalize::{Fold, Norm};

/// A piece of text drawn at one position.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Page number, from 0.
    pub page: usize,
    /// Left edge, in page units (points for PDF, millimetres for OFD).
    pub x: f32,
    /// Baseline, growing downward from the top of the page (PDF readers flip their y).
    pub y: f32,
    /// Font size (the height of a line of this text), in the same units.
    pub size: f32,
    /// Advance width of the whole run, in the same units.
    pub width: f32,
    /// The text drawn.
    pub text: String,
}

/// A visual line: runs on one baseline, left to right.
#[derive(Debug, Clone)]
struct Line {
    page: usize,
    y: f32,
    left: f32,
    right: f32,
    size: f32,
    text: String,
}

/// Baselines closer than this share a line (times the font size).
const SAME_LINE: f32 = 0.45;
/// A run drawn again this close to the same text is a fake-bold copy (times the font size).
const DUPLICATE: f32 = 0.3;
/// A gap between runs this wide becomes a space even between CJK text (times the font size).
const WIDE_GAP: f32 = 1.2;
/// A gap this wide between Latin letters or digits is a space (times the font size).
const WORD_GAP: f32 = 0.2;
/// A line starting this far right of the text's left edge is indented (times the font size).
const INDENT: f32 = 1.2;
/// A line starting this far right of the left edge is centred or right-aligned (times the size).
const ALIGNED: f32 = 4.0;
/// A line ending this far left of the right edge ends its paragraph (times the font size).
const SHORT: f32 = 1.5;
/// Lines further apart than this times the usual line pitch are in different paragraphs.
const GAP: f32 = 1.25;

/// Lays out runs as paragraphs into `out`.
pub fn reflow(runs: Vec<Run>, out: &mut TextBuilder) {
    let lines = drop_page_numbers(drop_running_heads(lines_of(attach_spaces(runs))));
    if lines.is_empty() {
        return;
    }
    let left = common_left(&lines);
    let right = usual_right(&lines, left);
    let pitch = usual_pitch(&lines);
    let mut para = String::new();
    let mut prev: Option<&Line> = None;
    for line in &lines {
        let new = match prev {
            None => true,
            Some(p) => starts_paragraph(p, line, left, right, pitch, is_bare_heading(&para)),
        };
        if new && prev.is_some() {
            out.paragraph("", &para, None);
            para.clear();
        } else if !new && needs_space(&para, &line.text) {
            para.push(' ');
        }
        para.push_str(&line.text);
        prev = Some(line);
    }
    out.paragraph("", &para, None);
}

/// Whether `line` begins a new paragraph after `prev`.
fn starts_paragraph(
    prev: &Line,
    line: &Line,
    left: f32,
    right: f32,
    pitch: f32,
    after_heading: bool,
) -> bool {
    let size = line.size.max(f32::EPSILON);
    let prev_full = prev.right >= right - SHORT * prev.size;
    // A line ends short when the next line's first word would have fitted after it.
    let room = right - prev.right;
    let prev_short = room > SHORT.max(first_word_ems(&line.text) + 0.3) * prev.size;
    let other_size = (line.size - prev.size).abs() > 0.15 * size;
    // Larger type has taller lines: a title's line pitch is no paragraph gap.
    let far = line.page == prev.page && line.y - prev.y > GAP * pitch.max(1.4 * size);
    // A centred or right-aligned line (a title, a signature, a date) is never continued below.
    let prev_aligned = prev.left > left + ALIGNED * prev.size;
    let marker = scan_marker(&norm_head(&line.text)).is_some()
        || (after_heading && begins_with_item(&line.text));
    // A centred line under a full one of the same size continues it (a title wrapped in two).
    let centred =
        (line.left - left - (right - line.right)).abs() < size && prev.left <= left + INDENT * size;
    let indented = line.left > left + INDENT * size && !(centred && prev_full);
    indented || prev_short || other_size || far || marker || prev_aligned
}

/// The normalized first characters of a line, enough to find a marker.
fn norm_head(line: &str) -> String {
    let head: String = line.trim_start().chars().take(8).collect();
    Norm::new(&head, 0, Fold::Matching).text
}

/// Whether a paragraph so far is a heading without run-in text (`（一）坚持思想武装…`): its last
/// line can fill the measure, and the body after it starts at the margin with `一是`.
fn is_bare_heading(para: &str) -> bool {
    scan_marker(&norm_head(para)).is_some() && !para.contains(['。', '；', ';'])
}

/// Whether a line begins with an item marker (`一是`, `第一，`, `①`).
fn begins_with_item(line: &str) -> bool {
    scan_items(&norm_head(line))
        .first()
        .is_some_and(|m| m.range.start == 0)
}

/// How wide, in ems, the start of a line is that could not have been broken off: a run of Latin
/// letters or digits, opening brackets with what follows them, and the punctuation that may not
/// begin a line (so a line breaker moved the character before it down too).
fn first_word_ems(s: &str) -> f32 {
    const OPENING: &str = "《〈（(“‘「『【[";
    const CLOSING: &str = "，。、；：！？）》〉”’」』】,.;:!?)]";
    let mut ems = 0.0;
    let mut chars = s.chars().peekable();
    for c in chars.by_ref() {
        if OPENING.contains(c) {
            ems += 1.0;
        } else if c.is_ascii_alphanumeric() || "%.-/".contains(c) {
            ems += 0.55;
        } else {
            ems += 1.0;
            break;
        }
    }
    if chars.peek().is_some_and(|n| CLOSING.contains(*n)) {
        ems += 1.0;
    }
    ems
}

/// Appends each run of white space only (a PDF from LibreOffice draws `四`, a no-break space and
/// `、` as three runs) to the run it follows on the line, so that the space survives layout.
fn attach_spaces(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::with_capacity(runs.len());
    for r in runs {
        if r.text.trim().is_empty()
            && let Some(prev) = out.last_mut()
            && prev.page == r.page
            && (prev.y - r.y).abs() < 0.1 * r.size
            && (prev.x + prev.width - r.x).abs() < 0.25 * r.size
            && !prev.text.trim().is_empty()
        {
            prev.text.push_str(&r.text);
            prev.width += r.width;
            continue;
        }
        out.push(r);
    }
    out
}

/// Groups runs into lines, page by page, top to bottom, each left to right.
fn lines_of(mut runs: Vec<Run>) -> Vec<Line> {
    // Geometry that overflowed (a CTM of 1e30, zero widths times it) places nothing: a run is
    // kept only where all its numbers are finite, and floats are ordered totally (a NaN slipping
    // through must not break the sort).
    runs.retain(|r| {
        !r.text.trim().is_empty()
            && [r.x, r.y, r.size, r.width, r.x + r.width]
                .iter()
                .all(|v| v.is_finite())
    });
    runs.sort_by(|a, b| a.page.cmp(&b.page).then(a.y.total_cmp(&b.y)));
    let mut lines = Vec::new();
    let mut group: Vec<Run> = Vec::new();
    for r in runs {
        if let Some(first) = group.first()
            && (first.page != r.page || r.y - first.y > SAME_LINE * first.size.max(r.size))
        {
            lines.push(line_of(std::mem::take(&mut group)));
        }
        group.push(r);
    }
    if !group.is_empty() {
        lines.push(line_of(group));
    }
    lines
}

/// Joins one line's runs left to right.
fn line_of(mut runs: Vec<Run>) -> Line {
    runs.sort_by(|a, b| a.x.total_cmp(&b.x));
    let size = runs.iter().map(|r| r.size).fold(0.0, f32::max);
    let mut text = String::new();
    let mut end: Option<f32> = None;
    let mut last: Option<&Run> = None;
    for r in &runs {
        if let Some(l) = last
            && l.text == r.text
            && (r.x - l.x).abs() < DUPLICATE * size
        {
            continue;
        }
        if let Some(e) = end {
            let gap = r.x - e;
            if gap > WIDE_GAP * size || (gap > WORD_GAP * size && needs_space(&text, &r.text)) {
                text.push(' ');
            }
        }
        text.push_str(&r.text);
        end = Some(end.map_or(r.x + r.width, |e: f32| e.max(r.x + r.width)));
        last = Some(r);
    }
    Line {
        page: runs.first().map_or(0, |r| r.page),
        y: runs.first().map_or(0.0, |r| r.y),
        left: runs.first().map_or(0.0, |r| r.x),
        right: end.unwrap_or(0.0),
        size,
        text,
    }
}

/// Whether two pieces of text joined need a space: only between Latin letters or digits.
fn needs_space(before: &str, after: &str) -> bool {
    let a = before.chars().next_back();
    let b = after.chars().next();
    matches!((a, b), (Some(a), Some(b)) if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric())
}

/// Drops running heads and feet: the first or last line of a page drawn at the same place on at
/// least half the pages (and on three or more), digits aside (`XX市人民政府 2023年第3期`, `内部资料
/// 第 3 页`). A page keeps at least one line: a document of one-line pages is all body.
fn drop_running_heads(lines: Vec<Line>) -> Vec<Line> {
    let pages = lines.last().map_or(0, |l| l.page + 1);
    if pages < 3 {
        return lines;
    }
    let n = lines.len();
    let edge = |i: usize| {
        let page = lines[i].page;
        i == 0 || i + 1 == n || lines[i - 1].page != page || lines[i + 1].page != page
    };
    let key = |l: &Line| {
        let text: String = l
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect();
        (text, (l.y / l.size.max(1e-3)).round() as i64)
    };
    // Per key: the pages it is on, and the last of them.
    let mut seen: std::collections::HashMap<(String, i64), (usize, usize)> = Default::default();
    for (i, l) in lines.iter().enumerate() {
        let e = seen.entry(key(l)).or_insert((0, usize::MAX));
        if edge(i) && e.1 != l.page {
            *e = (e.0 + 1, l.page);
        }
    }
    let min = 3.max(pages.div_ceil(2));
    let drop: Vec<bool> = (0..n)
        .map(|i| edge(i) && seen.get(&key(&lines[i])).is_some_and(|e| e.0 >= min))
        .collect();
    let mut kept_on_page = vec![false; pages];
    for (l, d) in lines.iter().zip(&drop) {
        kept_on_page[l.page] |= !d;
    }
    lines
        .into_iter()
        .zip(drop)
        .filter(|(l, d)| !d || !kept_on_page[l.page])
        .map(|(l, _)| l)
        .collect()
}

/// Drops page numbers (`— 3 —`, `- 3 -`, `3`, `第 3 页`, `第3页 共8页`): the first or last line of a
/// page that says nothing else.
fn drop_page_numbers(lines: Vec<Line>) -> Vec<Line> {
    let n = lines.len();
    let edge = |i: usize| {
        let page = lines[i].page;
        i == 0 || i + 1 == n || lines[i - 1].page != page || lines[i + 1].page != page
    };
    lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !(edge(*i) && is_page_number(&l.text)))
        .map(|(_, l)| l.clone())
        .collect()
}

fn is_page_number(s: &str) -> bool {
    let core: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !"-—–－·•".contains(*c))
        .collect();
    let digits = |t: &str| !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit());
    if digits(&core) {
        return true;
    }
    // 第3页, 第3页共8页, 共8页第3页
    let mut rest = core.as_str();
    let mut parts = 0;
    while !rest.is_empty() && parts < 2 {
        let (open, close) = if let Some(r) = rest.strip_prefix('第') {
            (r, '页')
        } else if let Some(r) = rest.strip_prefix('共') {
            (r, '页')
        } else {
            return false;
        };
        let Some(at) = open.find(close) else {
            return false;
        };
        if !digits(&open[..at]) {
            return false;
        }
        rest = &open[at + close.len_utf8()..];
        parts += 1;
    }
    parts > 0 && rest.is_empty()
}

/// The left edge of body text: the most common line start (rounded to half a font size).
fn common_left(lines: &[Line]) -> f32 {
    // Lines per left edge (in half-ems), counted in a map: one step per line, not a scan.
    let mut counts: std::collections::HashMap<i64, (usize, f32)> = std::collections::HashMap::new();
    for l in lines {
        let key = (l.left / (l.size.max(1e-3) * 0.5)).round() as i64;
        let c = counts.entry(key).or_insert((0, l.left));
        c.0 += 1;
        c.1 = c.1.min(l.left);
    }
    // Ties go to the leftmost: body lines start at the margin, indented first lines after it.
    counts
        .values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.total_cmp(&a.1)))
        .map_or(0.0, |c| c.1)
}

/// The right edge of body text: most lines reach it; a few overshoot it with hanging punctuation.
fn usual_right(lines: &[Line], left: f32) -> f32 {
    let mut r: Vec<f32> = lines
        .iter()
        .filter(|l| l.left <= left + INDENT * l.size)
        .map(|l| l.right)
        .collect();
    if r.is_empty() {
        return lines.iter().map(|l| l.right).fold(0.0, f32::max);
    }
    r.sort_by(f32::total_cmp);
    r[(r.len() * 9 / 10).min(r.len() - 1)]
}

/// The usual distance between baselines of consecutive lines on a page (the median).
fn usual_pitch(lines: &[Line]) -> f32 {
    let mut d: Vec<f32> = lines
        .windows(2)
        .filter(|w| w[0].page == w[1].page && w[1].y > w[0].y)
        .map(|w| w[1].y - w[0].y)
        .collect();
    if d.is_empty() {
        return lines.first().map_or(1.0, |l| l.size * 1.5);
    }
    d.sort_by(f32::total_cmp);
    d[d.len() / 2]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::Format;

    /// A run of CJK text, one em per character, on a 16-pt grid.
    fn run(page: usize, x: f32, line: usize, text: &str) -> Run {
        Run {
            page,
            x,
            y: 100.0 + line as f32 * 28.0,
            size: 16.0,
            width: text.chars().count() as f32 * 16.0,
            text: text.into(),
        }
    }

    fn paragraphs(runs: Vec<Run>) -> Vec<String> {
        let mut b = TextBuilder::new();
        reflow(runs, &mut b);
        b.finish(Format::Pdf)
            .map(|e| e.text.lines().map(String::from).collect())
            .unwrap_or_default()
    }

    #[test]
    fn overflowed_geometry_places_nothing_and_panics_nowhere() {
        // #12.1: zero /Widths times an overflowed text matrix, an OFD CTM of 1e30.
        let mut runs: Vec<Run> = (0..50)
            .map(|i| run(0, L, i, "一二三四五六七八九十"))
            .collect();
        for (k, bad) in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY]
            .into_iter()
            .enumerate()
        {
            let mut r = run(0, L, 60 + k, "坏");
            r.width = bad;
            runs.push(r.clone());
            r.width = 16.0;
            r.x = bad;
            runs.push(r.clone());
            r.x = L;
            r.size = bad;
            runs.push(r);
        }
        let p = paragraphs(runs.clone());
        assert!(p.iter().all(|l| !l.contains('坏')), "{p:?}");
        assert!(!p.is_empty());
        // Huge but finite numbers are placed somewhere, without a panic.
        for big in [f32::MAX, -f32::MAX] {
            let mut r = run(0, big, 70, "大");
            r.width = f32::MAX;
            runs.push(r);
        }
        assert!(paragraphs(runs).iter().any(|l| l.contains('大')));
    }

    #[test]
    fn many_lines_take_linear_time() {
        // #12.10: the common left edge was found by a linear search per line.
        let runs: Vec<Run> = (0..200_000)
            .map(|i| {
                run(
                    i / 40,
                    L + (i % 500) as f32 * 7.0,
                    i % 40,
                    "一二三四五六七八九十",
                )
            })
            .collect();
        let t = std::time::Instant::now();
        let lines = lines_of(runs);
        assert!(common_left(&lines) >= L);
        eprintln!("200,000 lines: {:?}", t.elapsed());
    }

    /// Left margin 90 pt, 20 characters a line (right edge 410).
    const L: f32 = 90.0;

    #[test]
    fn wrapped_lines_join_without_spaces_and_an_indent_starts_a_paragraph() {
        let runs = vec![
            run(
                0,
                L + 32.0,
                0,
                "今年以来，我镇深入学习贯彻习近平法治思想，全",
            ),
            run(0, L, 1, "面推进法治政府建设工作，取得了明显成效，现将有关"),
            run(0, L, 2, "情况报告如下。"),
            run(0, L + 32.0, 3, "一、主要举措"),
        ];
        assert_eq!(
            paragraphs(runs),
            [
                "今年以来，我镇深入学习贯彻习近平法治思想，全面推进法治政府建设工作，取得了明显成效，现将有关情况报告如下。",
                "一、主要举措"
            ]
        );
    }

    #[test]
    fn a_heading_marker_starts_a_paragraph_even_without_indent() {
        let runs = vec![
            run(0, L, 0, "加强组织领导，健全工作机制，压实各方责任，确保"),
            run(0, L, 1, "（二）推进依法行政，完善决策机制，提升执法水平"),
        ];
        assert_eq!(paragraphs(runs).len(), 2);
    }

    #[test]
    fn an_item_marker_after_a_full_heading_line_starts_a_paragraph() {
        let runs = vec![
            run(
                0,
                L + 32.0,
                0,
                "（一）坚持思想武装，强化法治思维和依法履职能力",
            ), // full
            run(0, L, 1, "一是抓好领导班子学习。镇党委中心组理论学习专题安"),
            run(0, L, 2, "排了4次习近平法治思想内容学习。"),
        ];
        assert_eq!(paragraphs(runs).len(), 2);
        assert!(begins_with_item("第一，加强领导"));
        assert!(!begins_with_item("统一思想，加强领导"));
    }

    #[test]
    fn an_item_marker_inside_a_paragraph_does_not_split_it() {
        let runs = vec![
            run(
                0,
                L,
                0,
                "二、存在的不足。在总结工作的同时，也看到问题和不足：",
            ),
            run(
                0,
                L,
                1,
                "一是专业人员配备不足，对法律知识掌握有所欠缺，不能",
            ),
            run(0, L, 2, "满足工作需要。"),
        ];
        assert_eq!(paragraphs(runs).len(), 1);
    }

    #[test]
    fn a_short_line_ends_its_paragraph() {
        let runs = vec![
            run(0, L, 0, "加强组织领导，健全工作机制，压实各方责任，确保"),
            run(0, L, 1, "落实到位。"),
            run(0, L, 2, "镇党委书记认真履行推进法治建设第一责任人职责，"),
        ];
        assert_eq!(paragraphs(runs).len(), 2);
    }

    #[test]
    fn runs_of_one_line_are_ordered_by_x_and_latin_words_get_a_space() {
        let at = |x: f32, text: &str, width: f32| Run {
            width,
            ..run(0, x, 0, text)
        };
        let runs = vec![
            at(L + 35.0, "年度", 32.0), // 3 pt after "2023": no space before CJK
            at(L, "2023", 32.0),
            at(L + 100.0, "PDF", 24.0),  // a wide gap: a space
            at(L + 129.0, "text", 32.0), // 5 pt between Latin words: a space
        ];
        assert_eq!(paragraphs(runs), ["2023年度 PDF text"]);
    }

    #[test]
    fn page_numbers_at_the_foot_or_head_of_a_page_are_dropped() {
        let runs = vec![
            run(0, L, 0, "加强组织领导，健全工作机制，压实各方责任，确保"),
            run(0, L + 150.0, 25, "— 3 —"),
            run(1, L + 150.0, 0, "- 4 -"),
            run(1, L, 1, "落实到位。"),
        ];
        assert_eq!(
            paragraphs(runs),
            ["加强组织领导，健全工作机制，压实各方责任，确保落实到位。"]
        );
        assert!(is_page_number("第 3 页 共 8 页"));
        assert!(is_page_number("12"));
        assert!(!is_page_number("2023年"));
        assert!(!is_page_number("第三部分"));
    }

    #[test]
    fn running_heads_and_feet_repeated_on_most_pages_are_dropped() {
        let mut runs = Vec::new();
        for page in 0..4 {
            runs.push(run(page, L, 0, "某某县人民政府办公室文件"));
            let body = [
                "加强组织领导，",
                "健全工作机制，",
                "压实各方责任，",
                "确保落实到位。",
            ];
            runs.push(run(page, L + 32.0, 2, body[page]));
            runs.push(run(
                page,
                L + 100.0,
                25,
                &format!("内部资料 第{}页", page + 1),
            ));
        }
        // The same words in the body, elsewhere on the page, stay; so do one-line pages.
        runs.push(run(3, L, 5, "某某县人民政府办公室文件"));
        runs.push(run(3, L, 6, "（本页无正文）"));
        let text = paragraphs(runs).concat();
        assert_eq!(
            text.matches("某某县人民政府办公室文件").count(),
            1,
            "{text}"
        );
        assert!(!text.contains("内部资料"), "{text}");
        assert!(
            text.contains("加强组织领导，健全工作机制，压实各方责任，确保落实到位。"),
            "{text}"
        );
    }

    #[test]
    fn pages_of_one_repeated_line_keep_it() {
        let runs = (0..3).map(|p| run(p, L, 0, "附件：统计表")).collect();
        assert_eq!(paragraphs(runs).concat().matches("附件").count(), 3);
    }

    #[test]
    fn a_number_inside_the_page_is_kept() {
        let runs = vec![
            run(0, L, 0, "调解成功案件数"),
            run(0, L, 1, "42"),
            run(0, L, 2, "件。"),
        ];
        assert!(paragraphs(runs).concat().contains("42"));
    }

    #[test]
    fn fake_bold_copies_are_dropped() {
        let mut copy = run(0, L + 32.0, 0, "一、主要举措");
        copy.x += 0.5;
        let runs = vec![run(0, L + 32.0, 0, "一、主要举措"), copy];
        assert_eq!(paragraphs(runs), ["一、主要举措"]);
    }

    #[test]
    fn a_bigger_font_is_its_own_paragraph() {
        let mut title = run(0, L + 40.0, 0, "关于2023年度法治政府建设情况的报告");
        title.size = 22.0;
        let runs = vec![title, run(0, L, 1, "县委、县政府：")];
        assert_eq!(paragraphs(runs).len(), 2);
    }

    #[test]
    fn a_title_wrapped_in_two_centred_lines_is_one_paragraph() {
        let big = |x: f32, width: f32, line: usize, text: &str| Run {
            size: 22.0,
            y: 100.0 + line as f32 * 36.0,
            width,
            ..run(0, x, 0, text)
        };
        let runs = vec![
            big(L, 384.0, 0, "遂溪县港门镇人民政府关于2023年度法治政"), // full: 90 → 474
            big(L + 104.0, 176.0, 1, "府建设情况的报告"),               // centred: 194 → 370
            run(0, L, 3, "县委、县政府："),
            run(0, L, 4, "今年以来，我镇深入学习贯彻习近平法治思想，全面推"),
            run(0, L, 5, "进法治政府建设，取得了明显成效。"),
        ];
        assert_eq!(
            paragraphs(runs)[0],
            "遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告"
        );
    }

    #[test]
    fn a_right_aligned_date_is_not_continued_by_the_next_line() {
        let runs = vec![
            run(0, L, 0, "今年以来，我镇深入学习贯彻习近平法治思想，全面推"),
            run(0, L + 224.0, 1, "2023年12月20日"),
            run(0, L, 2, "附件：法治政府建设情况统计表"),
        ];
        assert_eq!(paragraphs(runs).len(), 3);
    }

    #[test]
    fn a_line_that_ends_early_because_the_next_word_did_not_fit_is_continued() {
        // The next line starts with "2021-2025年）" (7 ems with the bracket that may not begin a
        // line) which did not fit in the 6 ems of room.
        let runs = vec![
            run(0, L, 0, "深入贯彻落实《法治政府建设实施纲要（"), // 18 ems: 6 ems of room
            Run {
                width: 384.0, // full: 24 ems
                ..run(0, L, 1, "2021-2025年）》，结合本镇实际，全面推进依法")
            },
            run(0, L, 2, "行政，进一步提高了依法决策、依法行政、依法管理水"), // full: 24 ems
        ];
        assert_eq!(paragraphs(runs).len(), 1);
        assert!(first_word_ems("2021-2025年）》") > 5.0);
        assert_eq!(first_word_ems("一、主要举措"), 2.0); // 、 may not begin a line
    }

    #[test]
    fn a_space_drawn_alone_joins_the_run_before_it() {
        let run = |x: f32, text: &str| Run {
            page: 0,
            x,
            y: 100.0,
            size: 16.0,
            width: 16.0 * text.chars().count() as f32,
            text: text.into(),
        };
        // Leading indentation stays its own run (layout drops it); a space after text is kept.
        let runs = attach_spaces(vec![
            run(64.0, "  "),
            run(96.0, "四"),
            run(112.0, "\u{a0}"),
            run(128.0, "、"),
        ]);
        let texts: Vec<&str> = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(texts, ["  ", "四\u{a0}", "、"]);
        assert_eq!(runs[1].width, 32.0);
    }

    #[test]
    fn nothing_in_nothing_out() {
        assert!(paragraphs(Vec::new()).is_empty());
        let nan = Run {
            x: f32::NAN,
            ..run(0, L, 0, "x")
        };
        assert!(paragraphs(vec![nan]).is_empty());
    }
}
