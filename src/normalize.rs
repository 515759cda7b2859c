//! Normalize: turns a slice of the report into its matching form and keeps a map back to the raw text.
//!
//! The analyzer never rewrites the user's text. Matching happens on a normalized copy in which
//! full-width ASCII is folded to half-width (`（一）` = `(一)`), every kind of space (NBSP, U+3000,
//! tabs) is one space, spaces next to CJK characters are dropped (PDF wraps: `宣传贯 彻`), and Word's
//! `[bookmark: …]` residue is skipped. Every normalized byte remembers the raw char it came from,
//! so a match in the normalized text maps back to an exact raw span.

use std::ops::Range;

/// Word export residue such as `[bookmark: _GoBack]`; skipped wherever it appears.
const BOOKMARK_OPEN: &str = "[bookmark:";

/// A normalized copy of a raw slice with, for each normalized byte, the raw char it came from.
#[derive(Debug, Clone, Default)]
pub struct Norm {
    /// The normalized text.
    pub text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
}

/// How much to fold: matching folds character width; display keeps what the author wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Width folded to half-width ASCII: for scanners and rules.
    Matching,
    /// Width kept: for text shown to people (heading titles, meta values).
    Display,
}

/// True for Han characters and CJK/full-width punctuation: the characters next to which a space is noise.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x2018..=0x201F | 0x2014 | 0x2026
        | 0x00B7 | 0x2022 | 0x25CB..=0x25CF | 0x2460..=0x24FF)
}

/// True for Han characters (CJK unified ideographs, extension A, compatibility ideographs).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

/// True for the white space the analyzer treats as one space (NBSP, U+3000, tabs, zero-width).
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{a0}' | '\u{3000}' | '\u{200b}' | '\u{feff}' | '\u{2002}'..='\u{200a}'
        )
}

/// Folds full-width ASCII forms (U+FF01–FF5E) to ASCII, as NFKC would.
pub fn fold_width(c: char) -> char {
    match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    }
}

impl Norm {
    /// Normalizes `raw`, which starts at byte `base` of the analyzed text.
    pub fn new(raw: &str, base: usize, fold: Fold) -> Norm {
        let mut n = Norm {
            text: String::with_capacity(raw.len()),
            starts: Vec::with_capacity(raw.len()),
            ends: Vec::with_capacity(raw.len()),
        };
        n.push_raw(raw, base, fold);
        n
    }

    /// Appends the normalization of `raw` (at byte `base`) to this one; used to join wrapped lines.
    pub fn push_raw(&mut self, raw: &str, base: usize, fold: Fold) {
        let mut pending_space: Option<(usize, usize)> = None;
        let mut i = 0;
        while i < raw.len() {
            let rest = &raw[i..];
            if rest.starts_with(BOOKMARK_OPEN)
                && let Some(close) = rest.find(']')
            {
                i += close + 1;
                continue;
            }
            let c = rest.chars().next().unwrap_or(' ');
            let w = c.len_utf8();
            if is_space(c) {
                if pending_space.is_none() {
                    pending_space = Some((base + i, base + i + w));
                } else if let Some((s, _)) = pending_space {
                    pending_space = Some((s, base + i + w));
                }
                i += w;
                continue;
            }
            let out = if fold == Fold::Matching {
                fold_width(c)
            } else {
                c
            };
            if let Some((s, e)) = pending_space.take() {
                // Keep a space only between two non-CJK characters ("Baidu map", "2023 12").
                let prev = self.text.chars().next_back();
                if prev.is_some_and(|p| !is_cjk(p)) && !is_cjk(out) {
                    self.push_char(' ', s, e);
                }
            }
            self.push_char(out, base + i, base + i + w);
            i += w;
        }
    }

    fn push_char(&mut self, c: char, start: usize, end: usize) {
        for _ in 0..c.len_utf8() {
            self.starts.push(start as u32);
            self.ends.push(end as u32);
        }
        self.text.push(c);
    }

    /// The raw byte range of the normalized byte range `r` (empty ranges map to a point).
    pub fn raw_span(&self, r: Range<usize>) -> Range<usize> {
        if self.starts.is_empty() {
            return 0..0;
        }
        let a = r.start.min(self.starts.len() - 1);
        if r.end <= r.start {
            let p = if r.start >= self.starts.len() {
                self.ends[self.ends.len() - 1]
            } else {
                self.starts[a]
            };
            return p as usize..p as usize;
        }
        let b = (r.end - 1).min(self.ends.len() - 1);
        self.starts[a] as usize..self.ends[b] as usize
    }

    /// The raw byte range of the whole normalized text.
    pub fn full_raw_span(&self) -> Range<usize> {
        self.raw_span(0..self.text.len())
    }

    /// The number of chars in the normalized text.
    pub fn chars(&self) -> usize {
        self.text.chars().count()
    }
}

/// Display form of a raw slice: spaces folded as for matching, width kept, residue dropped.
pub fn display(raw: &str) -> String {
    Norm::new(raw, 0, Fold::Display).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_parens_fold_to_ascii() {
        assert_eq!(
            Norm::new("（一）强化领导：", 0, Fold::Matching).text,
            "(一)强化领导:"
        );
    }

    #[test]
    fn pdf_wrap_spaces_between_han_are_dropped() {
        assert_eq!(
            Norm::new("深入学习宣传贯 彻习近平", 0, Fold::Matching).text,
            "深入学习宣传贯彻习近平"
        );
        assert_eq!(
            Norm::new("2023 年以来", 0, Fold::Matching).text,
            "2023年以来"
        );
        assert_eq!(
            Norm::new("四\u{a0}、多措并举", 0, Fold::Matching).text,
            "四、多措并举"
        );
    }

    #[test]
    fn spaces_between_latin_words_survive() {
        assert_eq!(
            Norm::new("  Baidu\u{3000} map ", 0, Fold::Matching).text,
            "Baidu map"
        );
    }

    #[test]
    fn bookmark_residue_is_skipped_and_spans_map_back() {
        let raw = "[bookmark: _Hlk100928905]（三）注重统筹部署";
        let n = Norm::new(raw, 10, Fold::Matching);
        assert_eq!(n.text, "(三)注重统筹部署");
        let span = n.raw_span(0..n.text.find('注').unwrap());
        assert_eq!(&raw[span.start - 10..span.end - 10], "（三）");
    }

    #[test]
    fn display_keeps_width() {
        assert_eq!(display(" （一）强化 领导，"), "（一）强化领导，");
    }
}
