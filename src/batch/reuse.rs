//! Reuse: passages of at least [`MIN_PASSAGE_CHARS`] characters that reports of two different
//! issuers share (照搬照抄), found through an index of fingerprints, never by comparing every
//! pair of texts.
//!
//! Each report becomes its word characters in matching form (Han, letters, digits: punctuation,
//! spaces and widths do not hide a copy; traditional folds to simplified). Every [`GRAM`]-char
//! window is hashed and winnowed ([`WINDOW`]): two texts sharing any run of
//! `GRAM + WINDOW - 1` = 30 characters share a fingerprint. Fingerprints that many issuers share
//! are boilerplate (the statutory part titles, quotations of the 规定) and seed nothing; each
//! remaining shared fingerprint is extended character by character into the longest common run.

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::model::{Report, Span};
use crate::text::normalize::{fold_matching, is_han};

/// A copied passage is at least this long (in word characters, after normalization).
pub const MIN_PASSAGE_CHARS: usize = 30;
/// Characters hashed together.
const GRAM: usize = 20;
/// Winnowing window: any shared run of `GRAM + WINDOW - 1` characters shares a fingerprint.
const WINDOW: usize = MIN_PASSAGE_CHARS - GRAM + 1;
/// A fingerprint found in at least this share of the batch's issuers is boilerplate …
const BOILERPLATE_SHARE: f64 = 0.3;
/// … and in at least this many issuers (two or three reports sharing a passage is a copy).
const BOILERPLATE_MIN_ISSUERS: usize = 3;

/// The language of the central documents every report quotes: the five statutory part titles
/// and the political formulas. However few reports of a batch share them, a passage made of
/// them is no copy, so they are masked before comparing (word characters, matching form).
#[rustfmt::skip]
pub const STOCK_PHRASES: &[&str] = &[
    // The five parts, as 《法治政府建设与责任落实督察工作规定》 words them.
    "上一年度推进法治政府建设的主要举措和成效", "上一年度推进法治政府建设存在的不足和原因",
    "党政主要负责人履行推进法治建设第一责任人职责加强法治政府建设的有关情况",
    "下一年度推进法治政府建设的主要安排", "其他需要报告的情况",
    "法治政府建设与责任落实督察工作规定", "党政主要负责人履行推进法治建设第一责任人职责规定",
    // Formulas of the central documents.
    "习近平新时代中国特色社会主义思想", "习近平法治思想", "习近平总书记关于全面依法治国的重要论述",
    "法治政府建设实施纲要", "法治中国建设规划", "法治社会建设实施纲要",
    "职能科学权责法定执法严明公开公正智能高效廉洁诚信人民满意的法治政府",
    "职能科学权责法定执法严明公开公正廉洁高效守法诚信的法治政府",
    "增强四个意识坚定四个自信做到两个维护", "两个确立", "两个维护", "四个意识", "四个自信",
    "党的二十大", "党的十九大", "二十届二中三中全会精神", "十九届历次全会精神",
    "中共中央国务院", "党中央国务院", "严格规范公正文明执法", "科学民主依法决策",
    "重要工作亲自部署重大问题亲自过问重点环节亲自协调重要任务亲自督办",
    // The lead-in and closing formulas of a report (GB/T 9704's 报告).
    "现将有关情况报告如下", "现将有关工作情况报告如下", "现将具体情况报告如下", "现将工作情况报告如下",
    "报告如下", "汇报如下", "总结如下", "特此报告",
];

/// Stands for a masked character: equal to nothing, not even itself.
const MASK: char = '\u{FFFF}';

/// A report's word characters in matching form, each with where it is in the report's text.
#[derive(Debug, Clone)]
pub struct Doc {
    chars: Vec<char>,
    /// Byte range in the report's text of each kept character.
    at: Vec<(u32, u32)>,
    /// UTF-16 offset of each kept character and of its end.
    u16: Vec<(u32, u32)>,
}

impl Doc {
    /// The comparable form of a report: its text without page chrome (noise lines), a
    /// boundary (a masked char) before every heading, so that no passage runs from one section
    /// into the next (a lead-in's `现将有关情况报告如下` into `一、…`), and the headings of the
    /// mandated parts masked: every report words them alike.
    pub fn of(r: &Report) -> Doc {
        let mut d = Doc {
            chars: Vec::with_capacity(r.text.len() / 3),
            at: Vec::with_capacity(r.text.len() / 3),
            u16: Vec::with_capacity(r.text.len() / 3),
        };
        let heads = r.headings();
        let mut starts: Vec<u32> = heads.iter().map(|h| h.span.0).collect();
        starts.sort_unstable();
        let mut starts = starts.into_iter().peekable();
        let mut parts: Vec<Span> = heads
            .iter()
            .filter(|h| h.part.is_some())
            .map(|h| h.span)
            .collect();
        parts.sort_unstable_by_key(|s| s.0);
        let mut parts = parts.into_iter().peekable();
        let mut noise = r.noise.iter().peekable();
        let (mut in_noise, mut in_part_heading) = (false, false);
        // The offset where the next noise line, heading or part heading begins or ends: the
        // three lists are looked at only there, not at every char.
        let mut next = 0u32;
        let mut u = 0u32;
        for (b, c) in r.text.char_indices() {
            let w = c.len_utf16() as u32;
            if u >= next {
                while noise.peek().is_some_and(|n| n.1 <= u) {
                    noise.next();
                }
                in_noise = noise.peek().is_some_and(|n| n.0 <= u && u < n.1);
                if starts.peek().is_some_and(|&s| s <= u) {
                    while starts.peek().is_some_and(|&s| s <= u) {
                        starts.next();
                    }
                    if d.chars.last().is_some_and(|&l| l != MASK) {
                        d.chars.push(MASK);
                        d.at.push((b as u32, b as u32));
                        d.u16.push((u, u));
                    }
                }
                while parts.peek().is_some_and(|p| p.1 <= u) {
                    parts.next();
                }
                in_part_heading = parts.peek().is_some_and(|p| p.0 <= u && u < p.1);
                // Past every list's end nothing changes again.
                let edge = |s: &Span, inside: bool| if inside { s.1 } else { s.0 };
                next = [
                    noise.peek().map(|n| edge(n, in_noise)),
                    starts.peek().copied(),
                    parts.peek().map(|p| edge(p, in_part_heading)),
                ]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(u32::MAX);
            }
            let f = fold_matching(c);
            if !in_noise && is_word(f) {
                d.chars.push(if in_part_heading { MASK } else { f });
                d.at.push((b as u32, (b + c.len_utf8()) as u32));
                d.u16.push((u, u + w));
            }
            u += w;
        }
        mask_stock_phrases(&mut d.chars);
        d
    }

    /// The number of word characters.
    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether the report has no word characters.
    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The byte range in the report's text of kept characters `r`.
    pub fn bytes(&self, r: &Range<usize>) -> Range<usize> {
        self.at[r.start].0 as usize..self.at[r.end - 1].1 as usize
    }

    /// The UTF-16 span in the report's text of kept characters `r`.
    pub fn span(&self, r: &Range<usize>) -> Span {
        Span(self.u16[r.start].0, self.u16[r.end - 1].1)
    }

    /// The passage of `text` (the report's text this was made of) a [`Doc::span`] covers: the
    /// report as written, spaces and line breaks kept, found without re-encoding the text.
    fn slice<'t>(&self, text: &'t str, span: Span) -> Option<&'t str> {
        // Kept characters are in text order: each end of the span is one's start or end.
        let i = self.u16.partition_point(|u| u.0 < span.0);
        let j = self.u16.partition_point(|u| u.1 < span.1);
        let (start, end) = (self.u16.get(i)?, self.u16.get(j)?);
        (start.0 == span.0 && end.1 == span.1)
            .then(|| text.get(self.at[i].0 as usize..self.at[j].1 as usize))
            .flatten()
    }

    /// The passage of `r` (the report this was made of) a span covers, as written: through
    /// [`Doc::slice`], or the report's own slicing for a span that is not one of this doc's.
    pub fn passage(&self, r: &Report, span: Span) -> String {
        self.slice(&r.text, span)
            .map_or_else(|| r.slice(span), str::to_string)
    }

    /// The characters, for comparing.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }
}

/// One side of a shared passage: which file, and where in its text.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    /// Index of the file in the batch.
    pub file: usize,
    /// UTF-16 span in that report's `text`.
    pub span: Span,
    /// The passage exactly as this report writes it (its span's slice: spaces, NBSP and line
    /// breaks kept), so a reader sees both sides as written.
    pub text: String,
}

/// A passage found in two reports.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Passage {
    /// Where it is in the first report (the earlier file of the batch).
    pub a: Place,
    /// Where it is in the second.
    pub b: Place,
    /// Its length in word characters.
    pub chars: usize,
    /// The passage as the first report writes it.
    pub text: String,
}

/// What [`find`] found.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The passages, by first file, then position.
    pub passages: Vec<Passage>,
    /// Per file: the share of its word characters found in another issuer's report.
    pub shares: Vec<f64>,
}

/// Whether `c` is a word character (Han, a letter, a digit), what a passage is measured in.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // CJK and general punctuation (`。、“”《》…`) answered without the Unicode tables.
    is_han(c)
        || !matches!(c as u32, 0x2000..=0x206F | 0x3000..=0x3004 | 0x3008..=0x3020)
            && c.is_alphanumeric()
}

/// Masks every occurrence of a [`STOCK_PHRASES`] entry.
fn mask_stock_phrases(chars: &mut [char]) {
    // Sorted by first char: each char looks up its phrases in `FirstChars`, not all of them.
    type Phrases = (Vec<Vec<char>>, crate::text::FirstChars);
    static PHRASES: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
        let mut v: Vec<Vec<char>> = STOCK_PHRASES.iter().map(|p| p.chars().collect()).collect();
        v.sort_unstable();
        let firsts = crate::text::FirstChars::new(v.iter().map(|p| p[0]));
        (v, firsts)
    });
    let (phrases, firsts) = &*PHRASES;
    let mut i = 0;
    while i < chars.len() {
        let hit = phrases[firsts.run(chars[i])]
            .iter()
            // The second char first: the first ones (`中`, `法`, `报`) are common words' too.
            .filter(|p| chars.get(i + 1) == p.get(1) && chars[i..].starts_with(p))
            .map(Vec::len)
            .max();
        match hit {
            Some(n) => {
                chars[i..i + n].iter_mut().for_each(|c| *c = MASK);
                i += n;
            }
            None => i += 1,
        }
    }
}

/// Rolling hashes of every [`GRAM`]-char window (a window holding a masked char hashes to 0,
/// which fingerprints skip).
fn hashes(chars: &[char]) -> Vec<u64> {
    const B: u64 = 1_000_003;
    if chars.len() < GRAM {
        return Vec::new();
    }
    let top = (0..GRAM - 1).fold(1u64, |p, _| p.wrapping_mul(B));
    let mut h = 0u64;
    let mut out = Vec::with_capacity(chars.len() - GRAM + 1);
    for (i, &c) in chars.iter().enumerate() {
        if i >= GRAM {
            h = h.wrapping_sub((chars[i - GRAM] as u64).wrapping_mul(top));
        }
        h = h.wrapping_mul(B).wrapping_add(c as u64);
        if i + 1 >= GRAM {
            out.push(h.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        }
    }
    // Windows over a masked char are never shared: hash them to 0.
    let mut last_mask: Option<usize> = None;
    for (i, c) in chars.iter().enumerate() {
        if *c == MASK {
            last_mask = Some(i);
        }
        if i + 1 >= GRAM && last_mask.is_some_and(|m| m + GRAM > i) {
            out[i + 1 - GRAM] = 0;
        }
    }
    out
}

/// Winnowing: the smallest hash of every window of [`WINDOW`] hashes (rightmost on ties), once.
fn fingerprints(chars: &[char]) -> Vec<(u64, u32)> {
    let hs = hashes(chars);
    let mut out: Vec<(u64, u32)> = Vec::new();
    if hs.is_empty() {
        return out;
    }
    let w = WINDOW.min(hs.len());
    // The window's rightmost minimum, found again by a scan of its `w` hashes only when it
    // leaves the window (a deque of candidates costs more than that on windows of 11).
    let mut m = 0;
    for i in 0..hs.len() {
        if hs[i] <= hs[m] {
            m = i;
        } else if m + w <= i {
            m = i + 1 - w;
            for j in m + 1..=i {
                if hs[j] <= hs[m] {
                    m = j;
                }
            }
        }
        if i + 1 >= w && hs[m] != 0 && out.last().is_none_or(|&(_, p)| p as usize != m) {
            out.push((hs[m], m as u32));
        }
    }
    out
}

/// Sorts fingerprints into the order `sort_unstable` gives (the tuples are distinct, so there is
/// one), bucketed first by their hash's top bits: hashes are spread evenly (multiplied by the
/// golden ratio), so a bucket holds a handful and sorts alone, in cache.
fn sort_prints(v: &mut Vec<(u64, u32, u32)>) {
    let n = v.len();
    if n < 1 << 12 {
        v.sort_unstable();
        return;
    }
    // About eight per bucket.
    let bits = (usize::BITS - n.leading_zeros() - 3).min(20);
    let shift = 64 - bits;
    let bucket = |x: &(u64, u32, u32)| (x.0 >> shift) as usize;
    let mut start = vec![0usize; (1 << bits) + 1];
    for x in v.iter() {
        start[bucket(x) + 1] += 1;
    }
    for b in 1..start.len() {
        start[b] += start[b - 1];
    }
    let mut next = start.clone();
    let mut out = vec![(0, 0, 0); n];
    for x in v.iter() {
        let b = bucket(x);
        out[next[b]] = *x;
        next[b] += 1;
    }
    for b in start.windows(2) {
        out[b[0]..b[1]].sort_unstable();
    }
    *v = out;
}

/// The longest common run through `a[i]` = `b[j]`: (start in a, start in b, length).
fn extend(a: &[char], b: &[char], i: usize, j: usize) -> (usize, usize, usize) {
    let same = |x: char, y: char| x == y && x != MASK;
    let (mut s, mut t) = (i, j);
    if !same(a[s], b[t]) {
        return (s, t, 0);
    }
    while s > 0 && t > 0 && same(a[s - 1], b[t - 1]) {
        s -= 1;
        t -= 1;
    }
    let mut n = 0;
    while s + n < a.len() && t + n < b.len() && same(a[s + n], b[t + n]) {
        n += 1;
    }
    (s, t, n)
}

/// Finds the passages that reports of different issuers share. `docs[i]` is None for a file
/// that could not be read; `issuers[i]` is the key of file `i`'s issuer.
pub fn find(docs: &[Option<Doc>], issuers: &[Option<String>]) -> Found {
    let n_issuers = {
        let mut v: Vec<&String> = issuers.iter().flatten().collect();
        v.sort();
        v.dedup();
        v.len()
    };
    let limit = BOILERPLATE_MIN_ISSUERS.max((BOILERPLATE_SHARE * n_issuers as f64).ceil() as usize);
    let per_doc = super::cores::map_on_cores(docs, |d| d.as_ref().map(|d| fingerprints(&d.chars)));
    let mut prints: Vec<(u64, u32, u32)> =
        Vec::with_capacity(per_doc.iter().flatten().map(Vec::len).sum());
    for (d, fs) in per_doc.into_iter().enumerate() {
        prints.extend(fs.into_iter().flatten().map(|(h, p)| (h, d as u32, p)));
    }
    sort_prints(&mut prints);
    // Seeds: (file a, file b, position in a, position in b) of fingerprints two issuers share.
    let mut seeds: Vec<(u32, u32, u32, u32)> = Vec::new();
    for group in prints.chunk_by(|x, y| x.0 == y.0) {
        if group.len() < 2 {
            continue;
        }
        let mut who: Vec<&String> = group
            .iter()
            .filter_map(|g| issuers[g.1 as usize].as_ref())
            .collect();
        who.sort();
        who.dedup();
        if who.len() < 2 || who.len() >= limit {
            continue;
        }
        // Each report is paired with the first report (in batch order) that shares the
        // fingerprint under another issuer, not with every other one: a template copied by k
        // issuers gives k − 1 passages, not k²/2.
        let issuer = |g: &(u64, u32, u32)| &issuers[g.1 as usize];
        let first = &group[0];
        let other = group.iter().find(|g| issuer(g) != issuer(first));
        for y in &group[1..] {
            let x = if issuer(y) != issuer(first) {
                first
            } else {
                match other {
                    Some(o) if o.1 != y.1 => o,
                    _ => continue,
                }
            };
            let (a, b) = if x.1 < y.1 { (x, y) } else { (y, x) };
            seeds.push((a.1, b.1, a.2, b.2));
        }
    }
    seeds.sort_unstable();
    let mut found = Found {
        passages: Vec::new(),
        shares: vec![0.0; docs.len()],
    };
    let mut covered: Vec<Vec<Range<usize>>> = vec![Vec::new(); docs.len()];
    let mut last: Option<(u32, u32, usize, usize, usize)> = None; // files, run in a, diagonal
    for (fa, fb, pa, pb) in seeds {
        let (Some(a), Some(b)) = (&docs[fa as usize], &docs[fb as usize]) else {
            continue;
        };
        let (pa, pb) = (pa as usize, pb as usize);
        let diag = pb.wrapping_sub(pa);
        if let Some((la, lb, s, e, d)) = last
            && la == fa
            && lb == fb
            && d == diag
            && (s..e).contains(&pa)
        {
            continue; // inside the run already found
        }
        let (s, t, n) = extend(&a.chars, &b.chars, pa, pb);
        last = Some((fa, fb, s, s + n, diag));
        if n < MIN_PASSAGE_CHARS {
            continue;
        }
        let (ra, rb) = (s..s + n, t..t + n);
        covered[fa as usize].push(ra.clone());
        covered[fb as usize].push(rb.clone());
        found.passages.push(Passage {
            a: Place {
                file: fa as usize,
                span: a.span(&ra),
                text: String::new(),
            },
            b: Place {
                file: fb as usize,
                span: b.span(&rb),
                text: String::new(),
            },
            chars: n,
            text: String::new(),
        });
    }
    for (i, ranges) in covered.iter_mut().enumerate() {
        if let Some(d) = &docs[i]
            && !d.is_empty()
        {
            found.shares[i] = union_len(ranges) as f64 / d.len() as f64;
        }
    }
    found
}

/// The passages two reports share, whoever issued them (for the same issuer's two years), and
/// the share of `b`'s word characters found in `a`.
pub fn between(a: &Doc, b: &Doc, fa: usize, fb: usize) -> (Vec<Passage>, f64) {
    let mut index: HashMap<u64, Vec<u32>> = HashMap::new();
    for (h, p) in fingerprints(&a.chars) {
        index.entry(h).or_default().push(p);
    }
    let mut runs: Vec<(usize, usize, usize)> = Vec::new();
    for (h, pb) in fingerprints(&b.chars) {
        let Some(list) = index.get(&h) else { continue };
        for &pa in list {
            let (pa, pb) = (pa as usize, pb as usize);
            if runs.iter().any(|&(s, t, n)| {
                (s..s + n).contains(&pa) && pb.wrapping_sub(pa) == t.wrapping_sub(s)
            }) {
                continue;
            }
            let run = extend(&a.chars, &b.chars, pa, pb);
            if run.2 >= MIN_PASSAGE_CHARS {
                runs.push(run);
            }
        }
    }
    runs.sort_unstable();
    runs.dedup();
    let mut in_b: Vec<Range<usize>> = runs.iter().map(|&(_, t, n)| t..t + n).collect();
    let share = if b.is_empty() {
        0.0
    } else {
        union_len(&mut in_b) as f64 / b.len() as f64
    };
    let passages = runs
        .into_iter()
        .map(|(s, t, n)| Passage {
            a: Place {
                file: fa,
                span: a.span(&(s..s + n)),
                text: String::new(),
            },
            b: Place {
                file: fb,
                span: b.span(&(t..t + n)),
                text: String::new(),
            },
            chars: n,
            text: String::new(),
        })
        .collect();
    (passages, share)
}

fn union_len(ranges: &mut [Range<usize>]) -> usize {
    ranges.sort_by_key(|r| r.start);
    let mut total = 0;
    let mut end = 0;
    for r in ranges.iter() {
        let s = r.start.max(end);
        if r.end > s {
            total += r.end - s;
        }
        end = end.max(r.end);
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        Doc::of(&crate::analyze(text, "t"))
    }

    const COPIED: &str = "坚持把法治政府建设纳入全镇经济社会发展总体规划同部署同推进同督促同考核同奖惩确保各项任务落到实处";

    #[test]
    fn winnowing_finds_every_shared_run_of_thirty() {
        let a: Vec<char> = format!("甲乙丙丁{COPIED}戊己").chars().collect();
        let b: Vec<char> = format!("子丑寅{COPIED}卯").chars().collect();
        let fa: std::collections::HashSet<u64> =
            fingerprints(&a).into_iter().map(|x| x.0).collect();
        assert!(fingerprints(&b).iter().any(|x| fa.contains(&x.0)));
    }

    #[test]
    fn a_word_char_is_han_a_letter_or_a_digit() {
        assert!(is_word('法') && is_word('a') && is_word('7') && is_word('〇') && is_word('々'));
        assert!(
            !is_word('。') && !is_word('“') && !is_word('《') && !is_word(',') && !is_word(' ')
        );
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_word(c), is_han(c) || c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn bucketed_sort_orders_fingerprints_as_a_full_sort() {
        // Real fingerprints of many docs (repeated hashes from shared text, every bucket size),
        // plus a run of one hash that fills one bucket.
        let text: Vec<char> = (0..40_000u32)
            .map(|i| char::from_u32(0x4E00 + (i * 7919 + i / 97) % 300).unwrap())
            .collect();
        let mut v: Vec<(u64, u32, u32)> = Vec::new();
        for d in 0..8u32 {
            let part = &text[(d as usize * 3_000)..(d as usize * 3_000 + 10_000)];
            v.extend(fingerprints(part).into_iter().map(|(h, p)| (h, 7 - d, p)));
        }
        let h = v[0].0;
        v.extend((0..500).map(|p| (h, 9, p)));
        assert!(v.len() > 1 << 12, "{}", v.len());
        let mut want = v.clone();
        want.sort_unstable();
        sort_prints(&mut v);
        assert_eq!(v, want);
    }

    #[test]
    fn fingerprints_are_each_windows_rightmost_minimum() {
        // Against the definition, one window at a time: a text of few distinct chars, with
        // masks (windows over a mask all hash to 0: ties).
        let chars: Vec<char> = (0..2_000u32)
            .map(|i| match (i * 7919) % 13 {
                0 if i % 3 == 0 => MASK,
                k => char::from_u32(0x4E00 + k % 4).unwrap(),
            })
            .collect();
        let hs = hashes(&chars);
        let mut want: Vec<(u64, u32)> = Vec::new();
        for win in 0..=hs.len() - WINDOW {
            let m = (win..win + WINDOW).rev().min_by_key(|&j| hs[j]).unwrap();
            if hs[m] != 0 && want.last().is_none_or(|&(_, p)| p as usize != m) {
                want.push((hs[m], m as u32));
            }
        }
        assert!(want.len() > 100);
        assert_eq!(fingerprints(&chars), want);
    }

    #[test]
    fn a_passage_copied_between_issuers_is_found_with_both_spans() {
        let a = format!("一、主要成效\n我镇{COPIED}。全年办理案件12件。\n");
        let b = format!("一、主要举措\n今年以来,我乡{COPIED}。\n");
        let docs = vec![Some(doc(&a)), Some(doc(&b))];
        let issuers = vec![Some("甲镇".to_string()), Some("乙乡".to_string())];
        let f = find(&docs, &issuers);
        assert_eq!(f.passages.len(), 1);
        let p = &f.passages[0];
        assert!(p.chars >= COPIED.chars().count());
        let ra = crate::analyze(&a, "a");
        assert!(ra.slice(p.a.span).contains(&COPIED[..30]));
        let rb = crate::analyze(&b, "b");
        assert!(rb.slice(p.b.span).contains(&COPIED[..30]));
        assert!(f.shares[0] > 0.5 && f.shares[1] > 0.5);
    }

    #[test]
    fn the_same_issuer_or_a_short_passage_is_no_copy() {
        let a = format!("我镇{COPIED}。\n");
        let same = vec![Some(doc(&a)), Some(doc(&a))];
        let one = vec![Some("甲镇".to_string()), Some("甲镇".to_string())];
        assert!(find(&same, &one).passages.is_empty());
        // 29 characters shared: under the minimum.
        let short: String = COPIED.chars().take(29).collect();
        let docs = vec![
            Some(doc(&format!("甲{short}乙。\n"))),
            Some(doc(&format!("丙{short}丁。\n"))),
        ];
        let two = vec![Some("甲镇".to_string()), Some("乙乡".to_string())];
        assert!(find(&docs, &two).passages.is_empty());
    }

    #[test]
    fn boilerplate_every_report_carries_is_not_a_copy() {
        // The same quotation of the 规定 in five reports of five issuers.
        let quote = "根据法治政府建设与责任落实督察工作规定第二十五条要求县级以上地方各级政府每年第一季度报告上一年度法治政府建设情况";
        let docs: Vec<Option<Doc>> = (0..5)
            .map(|i| {
                Some(doc(&format!(
                    "{}镇{quote}。本镇第{i}项特色工作。\n",
                    ["甲", "乙", "丙", "丁", "戊"][i]
                )))
            })
            .collect();
        let issuers: Vec<Option<String>> = (0..5).map(|i| Some(format!("镇{i}"))).collect();
        assert!(find(&docs, &issuers).passages.is_empty());
        // The same quotation shared by two reports of a batch of ten is a copy.
        let mut docs2 = docs[..2].to_vec();
        docs2.extend((0..8).map(|i| Some(doc(&format!("其他报告{i}的文字完全不同。\n")))));
        let issuers2: Vec<Option<String>> = (0..10).map(|i| Some(format!("镇{i}"))).collect();
        assert_eq!(find(&docs2, &issuers2).passages.len(), 1);
    }

    #[test]
    fn stock_phrases_of_the_central_documents_are_no_copy() {
        // Two reports open with the same formulas and the statutory part title, nothing else shared.
        let a = "2023年,甲镇坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神和习近平法治思想。\n三、党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况\n";
        let b = "2023年,乙乡坚持以习近平新时代中国特色社会主义思想为指导,深入学习贯彻党的二十大精神和习近平法治思想。\n三、党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况\n";
        let docs = vec![Some(doc(a)), Some(doc(b))];
        let issuers = vec![Some("甲镇".to_string()), Some("乙乡".to_string())];
        assert!(find(&docs, &issuers).passages.is_empty());
        // The same two reports sharing a sentence of their own: that is found.
        let a2 = format!("{a}{COPIED}。\n");
        let b2 = format!("{b}{COPIED}。\n");
        let docs = vec![Some(doc(&a2)), Some(doc(&b2))];
        assert_eq!(find(&docs, &issuers).passages.len(), 1);
    }

    #[test]
    fn a_passage_copied_by_many_issuers_is_listed_once_per_copy() {
        // One template copied by four towns of a batch of twenty: three passages, not six.
        let mut docs: Vec<Option<Doc>> = (0..4)
            .map(|i| Some(doc(&format!("第{i}镇:{COPIED}。\n"))))
            .collect();
        docs.extend((0..16).map(|i| Some(doc(&format!("其他报告{i}的文字完全不同。\n")))));
        let issuers: Vec<Option<String>> = (0..20).map(|i| Some(format!("镇{i}"))).collect();
        let f = find(&docs, &issuers);
        assert_eq!(f.passages.len(), 3);
        assert!(f.passages.iter().all(|p| p.a.file == 0));
        assert!(f.shares[..4].iter().all(|s| *s > 0.5));
    }

    #[test]
    fn punctuation_width_and_traditional_characters_do_not_hide_a_copy() {
        let a = format!("我镇{COPIED}。\n");
        let b = "我鄉堅持把法治政府建設納入全鎮經濟社會發展總體規劃，同部署、同推進、同督促、同考核、同獎懲，確保各項任務落到實處。\n";
        let docs = vec![Some(doc(&a)), Some(doc(b))];
        let issuers = vec![Some("甲镇".to_string()), Some("乙乡".to_string())];
        assert_eq!(find(&docs, &issuers).passages.len(), 1);
    }

    #[test]
    fn a_lead_in_joined_to_a_part_heading_is_the_formula_not_a_copy() {
        // The two formula passages #21 saw reported over 115 real reports: a lead-in across a
        // paragraph break into the statutory heading. Here each pair shares only that.
        let pairs = [
            (
                "甲县人民政府关于2022年度法治政府建设情况的报告\n市人民政府：\n按照要求，现将我县2022年度法治政府建设情况报告如下:\n一、党政主要负责人履行推进法治建设第一责任人职责情况\n县长带头学法。\n二、存在的不足和原因\n人员不足。\n",
                "乙区人民政府关于2022年度法治政府建设情况的报告\n按照市委依法治市办的通知，现将有关情况报告如下:\n一、党政主要负责人履行推进法治建设第一责任人职责情况\n区长主持会议三次。\n二、存在的不足和原因\n经费不足。\n",
            ),
            (
                "丙镇2019年法治政府建设情况报告\n根据县里安排，现将有关情况报告如下。\n一、2019年法治政府建设基本情况\n(一)加强组织领导\n镇党委书记专题研究。\n",
                "丁乡2019年法治政府建设情况报告\n为全面总结，现将有关情况报告如下。\n一、2019年法治政府建设基本情况\n(一)健全制度机制\n乡里制定规则。\n",
            ),
        ];
        for (a, b) in pairs {
            let docs = vec![Some(doc(a)), Some(doc(b))];
            let issuers = vec![Some("甲".to_string()), Some("乙".to_string())];
            let f = find(&docs, &issuers);
            assert!(f.passages.is_empty(), "{:?}", f.passages);
        }
    }

    #[test]
    fn a_copied_sentence_of_forty_characters_is_reported_with_both_sides_as_written() {
        let copied = "全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度确保严格规范公正文明执法工作落到实处";
        assert!(copied.chars().count() >= 40);
        // The copy has a no-break space and a line-wrap space inside: the raw text keeps them.
        let spaced = copied
            .replacen("执法全过程", "执法\u{a0}全过程", 1)
            .replacen("重大执法决定", "重大执法 决定", 1);
        let a = format!(
            "甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n我镇{copied}。\n"
        );
        let b = format!(
            "乙乡人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n我乡{spaced}。\n"
        );
        let mut batch = crate::batch::Batch::new();
        batch.add_report("a.txt", crate::analyze(&a, "a.txt"));
        batch.add_report("b.txt", crate::analyze(&b, "b.txt"));
        let result = batch.result();
        assert_eq!(result.reuse.len(), 1, "{:?}", result.reuse);
        let p = &result.reuse[0];
        assert!(p.a.text.contains("行政执法公示制度"), "{}", p.a.text);
        assert!(p.b.text.contains("执法\u{a0}全过程"), "{}", p.b.text);
        assert!(p.b.text.contains("重大执法 决定"), "{}", p.b.text);
        assert_eq!(p.a.text, crate::analyze(&a, "a").slice(p.a.span));
        assert_eq!(p.b.text, crate::analyze(&b, "b").slice(p.b.span));
    }

    #[test]
    fn a_doc_slices_every_span_it_gives_as_the_report_does() {
        // Astral chars (UTF-16 pairs), a no-break space, headings (masked boundaries) and
        // punctuation between kept chars.
        let text = "𠮷溪镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n我镇\u{a0}全面推行𠀋“三项制度”。\n二、存在的不足和原因\n执法 队伍（1）不足。\n";
        let r = crate::analyze(text, "t");
        let d = Doc::of(&r);
        for i in 0..d.len() {
            for j in i + 1..=d.len() {
                let span = d.span(&(i..j));
                assert_eq!(
                    d.slice(&r.text, span),
                    Some(r.slice(span).as_str()),
                    "{i}..{j}"
                );
            }
        }
        // A span no kept char starts at is none of the doc's.
        let inside = Span(1, 3);
        assert_eq!(d.slice(&r.text, inside), None);
    }
}
