//! Outline: finds the headings among the blocks, decides their levels from the document's own
//! numbering sequence, and records the inline items (`一是`, `第一，`, `①`) of each section.

use std::ops::Range;

use crate::text::blocks::Blocks;
use crate::text::markers::{ItemStyle, MarkerStyle, scan_items};
use crate::text::normalize::display;

/// A heading title longer than this (in chars) is cut at a clause: the rest is run-in body text.
const MAX_TITLE_CHARS: usize = 60;
/// In such a cut title, clauses are taken while the title stays this short (headings are short).
const RUN_IN_TITLE_CHARS: usize = 24;
/// A part heading and the first section under it have at most an intro this long (in chars)
/// between, one that announces them (`主要做了以下工作：`).
const MAX_INTRO_CHARS: usize = 80;
/// An unnumbered part heading is a short line; longer lines are body text.
const MAX_PART_HEADING_CHARS: usize = 30;

/// A heading found in the text, before it becomes part of the model's tree.
#[derive(Debug, Clone)]
pub struct OutlineHeading {
    /// Index of the block that holds the heading.
    pub block: usize,
    /// The style the heading is written in.
    pub written: MarkerStyle,
    /// The style it takes part in for levels (seed 004's `1、` among `二、三、` counts as `一、`).
    pub style: MarkerStyle,
    /// The number.
    pub ordinal: u32,
    /// 1 for top-level headings.
    pub level: u8,
    /// Raw span of the marker as written (empty for unnumbered part headings).
    pub marker: Range<usize>,
    /// Raw span of the whole heading: marker, title and its closing punctuation.
    pub span: Range<usize>,
    /// Display title: no marker, no trailing punctuation, spaces folded.
    pub title: String,
    /// The title in matching form (width folded), for classification.
    pub title_norm: String,
    /// Raw span of the section under the heading (to the next heading of the same or higher level).
    pub body: Range<usize>,
    /// Index of the parent heading.
    pub parent: Option<usize>,
    /// Inline items found directly in this section (not in sub-sections).
    pub items: Vec<OutlineItem>,
}

/// An inline item of a section.
#[derive(Debug, Clone)]
pub struct OutlineItem {
    /// The numbering style.
    pub style: ItemStyle,
    /// The number.
    pub ordinal: u32,
    /// Raw span of the item marker (`一是`, `第一，`, `①`).
    pub span: Range<usize>,
}

/// Finds the headings in `blocks[..content_end]` (the closing 特此报告 and 落款 are not sections).
pub fn outline(text: &str, blocks: &Blocks, content_end: usize) -> Vec<OutlineHeading> {
    let bs = &blocks.blocks[..content_end.min(blocks.blocks.len())];
    let mut heads: Vec<OutlineHeading> = Vec::new();
    for (bi, b) in bs.iter().enumerate() {
        let Some(m) = b.marker else { continue };
        let s = &b.norm.text;
        let rest_start = m.len + (s.len() - m.len - s[m.len..].trim_start().len());
        let (title_end, span_end) = title_end(s, rest_start);
        if title_end <= rest_start {
            continue;
        }
        // Converter residue before the marker (`?一、`) belongs to neither marker nor heading.
        let marker = b.norm.raw_span(m.start..m.len);
        let title_span = b.norm.raw_span(rest_start..title_end);
        let span = b.norm.raw_span(m.start..span_end);
        let title = clean_title(&display(&text[title_span.clone()]));
        heads.push(OutlineHeading {
            block: bi,
            written: m.style,
            style: m.style,
            ordinal: m.ordinal,
            level: 1,
            marker,
            span,
            title,
            title_norm: clean_title(&s[rest_start..title_end]),
            body: 0..0,
            parent: None,
            items: Vec::new(),
        });
    }
    repair_sequence(&mut heads);
    // A restart right under a heading of the same style makes that heading a part; a restart
    // under short unnumbered lines starts a new part; otherwise it is an inner list.
    if !repeated_first_heading_is_a_part(blocks, &mut heads)
        && !add_part_headings(text, blocks, bs.len(), &mut heads)
    {
        nest_restarted_runs(&mut heads);
    }
    assign_levels(&mut heads);
    let section_end = bs.last().map_or(0, |b| b.span.end);
    assign_bodies(text, blocks, section_end, &mut heads);
    assign_items(blocks, bs.len(), &mut heads);
    heads
}

/// Where the title ends in a normalized heading line: (title end, span end incl. punctuation).
fn title_end(s: &str, start: usize) -> (usize, usize) {
    let rest = &s[start..];
    let stop = rest
        .find(['。', ':'])
        .map(|i| (i, i + rest[i..].chars().next().map_or(0, char::len_utf8)));
    let (mut end, mut span_end) = stop.unwrap_or((rest.len(), rest.len()));
    if rest[..end].chars().count() > MAX_TITLE_CHARS {
        // A paragraph with no full stop in sight: the title is its first clauses.
        let mut cut = 0;
        for (i, c) in rest[..end].char_indices() {
            if matches!(c, ',' | ';') && i > 0 {
                if cut > 0 && rest[..i].chars().count() > RUN_IN_TITLE_CHARS {
                    break;
                }
                cut = i;
            }
        }
        let limit = rest
            .char_indices()
            .nth(MAX_TITLE_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        end = if cut > 0 && cut <= limit { cut } else { limit };
        span_end = end;
    }
    (start + end, start + span_end)
}

/// Drops trailing punctuation a title should not end with (GB/T 9704: none after a heading).
fn clean_title(s: &str) -> String {
    s.trim_end_matches(['。', '，', ',', '；', ';', '：', ':', '、', '.', ' '])
        .to_string()
}

/// Reads levels from the sequence: a lone `1、` that stands where `一、` belongs (seed 004:
/// `1、` … `二、三、四、`) takes the Chinese style, as the author meant.
fn repair_sequence(heads: &mut [OutlineHeading]) {
    let top: Vec<usize> = (0..heads.len())
        .filter(|&i| heads[i].style == MarkerStyle::ChineseComma)
        .collect();
    // Headings per style in each gap between two top headings (gap g lies before top[g]).
    let gap_of = |i: usize| top.partition_point(|&t| t < i);
    let mut per_gap: Vec<[usize; 2]> = vec![[0, 0]; top.len() + 1];
    let slot = |s: MarkerStyle| match s {
        MarkerStyle::ArabicComma => Some(0),
        MarkerStyle::ArabicDot => Some(1),
        _ => None,
    };
    for (i, h) in heads.iter().enumerate() {
        if let Some(k) = slot(h.style) {
            per_gap[gap_of(i)][k] += 1;
        }
    }
    for i in 0..heads.len() {
        let Some(k) = slot(heads[i].style) else {
            continue;
        };
        let g = gap_of(i);
        let Some(&next) = top.get(g) else { continue };
        let prev = g.checked_sub(1).map(|p| top[p]);
        let ordinal = heads[i].ordinal;
        let fits = match prev {
            Some(p) => heads[p].ordinal + 1 == ordinal,
            None => ordinal == 1,
        } && heads[next].ordinal == ordinal + 1;
        if fits && per_gap[g][k] == 1 {
            heads[i].style = MarkerStyle::ChineseComma;
        }
    }
}

/// A list numbered `一、二、` inside a section (`三、存在的问题` / `一、…二、…` / `四、下一步打算`)
/// belongs under that section: the outer numbering resumes after it where it stopped.
fn nest_restarted_runs(heads: &mut [OutlineHeading]) {
    let top: Vec<usize> = (0..heads.len())
        .filter(|&i| heads[i].style == MarkerStyle::ChineseComma)
        .collect();
    let mut k = 1;
    while k < top.len() {
        let before = heads[top[k - 1]].ordinal;
        if heads[top[k]].ordinal != 1 || before < 2 {
            k += 1;
            continue;
        }
        // The run 一、二、… ends where the outer count resumes (before + 1) and goes on without a
        // repeat; the shortest such run wins ("二、问题 / 一、 / 二、 / 三、打算 / 四、").
        let ord = |t: usize| heads[top[t]].ordinal;
        let mut end = k;
        let mut found = None;
        loop {
            let resumes = end + 1 < top.len() && ord(end + 1) == before + 1;
            let then_ok = end + 2 >= top.len() || ord(end + 2) == before + 2 || ord(end + 2) == 1;
            if resumes && then_ok {
                found = Some(end);
                break;
            }
            if end + 1 < top.len() && ord(end + 1) == ord(end) + 1 {
                end += 1;
            } else {
                break;
            }
        }
        match found {
            Some(end) => {
                for t in k..=end {
                    heads[top[t]].style = MarkerStyle::ChineseParen;
                }
                k = end + 1;
            }
            None => k += 1,
        }
    }
}

/// `一、2022年法治政府建设主要措施` right followed by `一、强化领导责任…` `二、…`: the author numbered
/// the parts and their sections alike, so the first `一、` is a part and the run under it its
/// sections. The outer count resumes where the inner one drops (`二、存在的不足`), and each
/// resumed heading is a part too. Only for the top style, and only when the heading is a bare
/// title followed by the restart with at most a short intro ending in `：` between (two `一、` a
/// paragraph apart are a restart, for `add_part_headings` and `nest_restarted_runs` to read).
fn repeated_first_heading_is_a_part(blocks: &Blocks, heads: &mut [OutlineHeading]) -> bool {
    let Some(top) = heads.iter().map(|h| h.style).min_by_key(|s| s.rank()) else {
        return false;
    };
    if top == MarkerStyle::Part {
        return false;
    }
    let Some(first) = heads.iter().position(|h| h.style == top) else {
        return false;
    };
    let (outer, inner) = (&heads[first], heads.get(first + 1));
    let Some(inner) = inner.filter(|h| h.style == top && h.ordinal == 1) else {
        return false;
    };
    let bare = outer.span.end >= blocks.blocks[outer.block].span.end;
    let between = &blocks.blocks[outer.block + 1..inner.block];
    let short_intro = match between {
        [] => true,
        [b] => b.norm.chars() <= MAX_INTRO_CHARS && b.norm.text.ends_with(':'),
        _ => false,
    };
    if outer.ordinal != 1 || !bare || !short_intro {
        return false;
    }
    heads[first].style = MarkerStyle::Part;
    let (mut part, mut section) = (1, 0);
    for h in heads[first + 1..].iter_mut().filter(|h| h.style == top) {
        if h.ordinal == section + 1 {
            section += 1;
        } else if h.ordinal == part + 1 {
            h.style = MarkerStyle::Part;
            part += 1;
            section = 0;
        } else {
            break;
        }
    }
    true
}

/// When the top-level numbering restarts at 1, the short unnumbered lines right before each
/// restart are part headings above them (`上一年度主要举措和成效` / `一、…二、…` / `存在的不足` / `一、…`).
fn add_part_headings(
    text: &str,
    blocks: &Blocks,
    content: usize,
    heads: &mut Vec<OutlineHeading>,
) -> bool {
    let Some(top) = heads.iter().map(|h| h.style).min_by_key(|s| s.rank()) else {
        return false;
    };
    if top == MarkerStyle::Part {
        return false;
    }
    let mut seen_top = false;
    let mut restarts = Vec::new();
    for (i, h) in heads.iter().enumerate().filter(|(_, h)| h.style == top) {
        if seen_top && h.ordinal == 1 {
            restarts.push(i);
        }
        seen_top = true;
    }
    if restarts.is_empty() {
        return false;
    }
    let first = heads.iter().position(|h| h.style == top).unwrap_or(0);
    let head_blocks: std::collections::HashSet<usize> = heads.iter().map(|h| h.block).collect();
    let mut parts = Vec::new();
    for &i in std::iter::once(&first).chain(&restarts) {
        let bi = heads[i].block;
        let Some(pb) = bi.checked_sub(1) else {
            continue;
        };
        if pb >= content || head_blocks.contains(&pb) {
            continue;
        }
        let b = &blocks.blocks[pb];
        let s = &b.norm.text;
        let short = b.norm.chars() <= MAX_PART_HEADING_CHARS;
        if short && !s.contains(['。', ',', ';']) && !s.ends_with("报告") && !s.ends_with(':') {
            parts.push(pb);
        } else if i != first {
            return false; // every restart needs its part heading, or none is read as one
        }
    }
    if parts.len() < restarts.len() {
        return false;
    }
    let mut merged = Vec::with_capacity(heads.len() + parts.len());
    let mut rest = std::mem::take(heads).into_iter().peekable();
    for (n, pb) in parts.into_iter().enumerate() {
        while let Some(h) = rest.next_if(|h| h.block < pb) {
            merged.push(h);
        }
        let b = &blocks.blocks[pb];
        let span = b.norm.full_raw_span();
        merged.push(OutlineHeading {
            block: pb,
            written: MarkerStyle::Part,
            style: MarkerStyle::Part,
            ordinal: n as u32 + 1,
            level: 1,
            marker: span.start..span.start,
            span: span.clone(),
            title: clean_title(&display(&text[span])),
            title_norm: clean_title(&b.norm.text),
            body: 0..0,
            parent: None,
            items: Vec::new(),
        });
    }
    merged.extend(rest);
    *heads = merged;
    true
}

/// Levels from nesting: a style already open is a sibling; a new style nests under the open one,
/// unless the ladder ranks it higher than open styles (then those close).
fn assign_levels(heads: &mut [OutlineHeading]) {
    let mut stack: Vec<(MarkerStyle, usize)> = Vec::new();
    for (i, h) in heads.iter_mut().enumerate() {
        let style = h.style;
        if let Some(pos) = stack.iter().position(|(s, _)| *s == style) {
            stack.truncate(pos);
        } else {
            while stack.last().is_some_and(|(s, _)| s.rank() >= style.rank()) {
                stack.pop();
            }
        }
        h.parent = stack.last().map(|(_, p)| *p);
        h.level = stack.len() as u8 + 1;
        stack.push((style, i));
    }
}

fn assign_bodies(text: &str, blocks: &Blocks, section_end: usize, heads: &mut [OutlineHeading]) {
    // The next heading at the same or a higher level, found for all headings in one pass.
    let mut next: Vec<Option<usize>> = vec![None; heads.len()];
    let mut open: Vec<usize> = Vec::new();
    for i in 0..heads.len() {
        while open
            .last()
            .is_some_and(|&o| heads[o].level >= heads[i].level)
        {
            next[open.pop().expect("non-empty")] = Some(heads[i].block);
        }
        open.push(i);
    }
    for (h, next) in heads.iter_mut().zip(next) {
        let end = match next {
            Some(nb) => blocks.blocks[..nb]
                .last()
                .map_or(h.span.end, |b| b.span.end)
                .max(h.span.end),
            None => section_end.max(h.span.end),
        };
        let mut start = h.span.end;
        while let Some(c) = text[start..end.max(start)].chars().next() {
            if !crate::text::normalize::is_space(c) {
                break;
            }
            start += c.len_utf8();
        }
        h.body = start..end;
    }
}

fn assign_items(blocks: &Blocks, content: usize, heads: &mut [OutlineHeading]) {
    let mut owner: Option<usize> = None;
    let mut next_head = 0;
    for (bi, b) in blocks.blocks[..content].iter().enumerate() {
        while next_head < heads.len() && heads[next_head].block == bi {
            owner = Some(next_head);
            next_head += 1;
        }
        let Some(h) = owner else { continue };
        for it in scan_items(&b.norm.text) {
            let span = b.norm.raw_span(it.range);
            heads[h].items.push(OutlineItem {
                style: it.style,
                ordinal: it.ordinal,
                span,
            });
        }
    }
}
