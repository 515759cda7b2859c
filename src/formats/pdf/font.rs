//! PDF fonts: shown bytes → character codes → Unicode text and advance widths (ToUnicode CMaps,
//! simple-font encodings with /Differences, CID widths).

use std::cell::RefCell;
use std::collections::HashMap;

use super::objects::{Doc, Lexer, Token};
use super::value::{Dict, Obj};
use crate::error::Error;
use crate::error::LIMITS;

/// A font as far as text extraction needs it.
#[derive(Debug, Default)]
pub struct Font {
    /// Codes are two bytes (Type0 fonts) unless the ToUnicode codespace says otherwise.
    two_byte: bool,
    /// Writing is vertical (Identity-V).
    pub vertical: bool,
    /// Codes are Unicode themselves (UniGB-UCS2-H and kin, without ToUnicode).
    codes_are_unicode: bool,
    /// Codes are a legacy CJK encoding's bytes (GBK-EUC-H and kin, without ToUnicode).
    legacy: Option<Legacy>,
    /// Legacy codes already decoded (the browser's decoder is costly to call per glyph).
    decoded: RefCell<HashMap<u32, String>>,
    to_unicode: CMap,
    /// Simple fonts: the character of each code from /Encoding.
    encoding: Option<Box<[Option<char>; 256]>>,
    /// Widths in thousandths of an em: (first code, last code, width).
    widths: Vec<(u32, u32, f32)>,
    /// Width of a code that has none.
    default_width: Option<f32>,
    /// Type3 fonts scale glyph space by their /FontMatrix.
    scale: f32,
}

/// One shown character code.
pub struct Glyph {
    /// The code as shown.
    pub code: u32,
    /// Bytes the code took (word spacing applies to the one-byte code 32 only).
    pub len: u8,
    /// The text it stands for (may be empty, or several characters for a ligature).
    pub text: String,
    /// Advance in thousandths of an em.
    pub width: f32,
}

impl Font {
    /// Reads a font dictionary.
    pub fn load(doc: &Doc<'_>, dict: &Dict) -> Result<Font, Error> {
        let subtype = doc.get_in(dict, "Subtype")?;
        let mut font = Font {
            scale: 1.0,
            ..Font::default()
        };
        if let Obj::Stream(d, raw) = doc.get_in(dict, "ToUnicode")?
            && let Some(data) = doc.decode(&d, &raw)?
        {
            font.to_unicode = CMap::parse(&data)?;
        }
        if subtype.name() == Some(b"Type0") {
            font.two_byte = true;
            if let Obj::Name(enc) = doc.get_in(dict, "Encoding")? {
                font.vertical = enc.ends_with(b"-V");
                font.codes_are_unicode = enc.starts_with(b"Uni")
                    && (enc.windows(4).any(|w| w == b"UCS2")
                        || enc.windows(5).any(|w| w == b"UTF16"));
                font.legacy = Legacy::of_cmap(&enc);
            }
            let descendant = match doc.get_in(dict, "DescendantFonts")? {
                Obj::Array(a) => a.first().map(|d| doc.resolve(d)).transpose()?,
                _ => None,
            };
            if let Some(Obj::Dict(cid)) = descendant {
                font.default_width = Some(doc.get_in(&cid, "DW")?.num().unwrap_or(1000.0) as f32);
                if let Obj::Array(w) = doc.get_in(&cid, "W")? {
                    font.widths = cid_widths(doc, &w)?;
                }
            }
        } else {
            if subtype.name() == Some(b"Type3")
                && let Obj::Array(m) = doc.get_in(dict, "FontMatrix")?
            {
                font.scale = m.first().and_then(Obj::num).unwrap_or(0.001) as f32 * 1000.0;
            }
            let first = doc.get_in(dict, "FirstChar")?.num().unwrap_or(0.0).max(0.0) as u32;
            if let Obj::Array(w) = doc.get_in(dict, "Widths")? {
                for (i, v) in w.iter().take(256).enumerate() {
                    let v = doc.resolve(v)?.num().unwrap_or(0.0) as f32;
                    let c = first + i as u32;
                    font.widths.push((c, c, v));
                }
            }
            if let Obj::Dict(fd) = doc.get_in(dict, "FontDescriptor")? {
                font.default_width = doc.get_in(&fd, "MissingWidth")?.num().map(|w| w as f32);
            }
            font.encoding = Some(simple_encoding(doc, dict)?);
        }
        Ok(font)
    }

    /// Splits shown bytes into glyphs.
    pub fn glyphs(&self, bytes: &[u8]) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let len = self.code_len(&bytes[i..]);
            let end = (i + len).min(bytes.len());
            let code = bytes[i..end]
                .iter()
                .fold(0u32, |a, &b| (a << 8) | u32::from(b));
            let text = self.text_of(code, end - i);
            let width = self.width_of(code, &text);
            out.push(Glyph {
                code,
                len: (end - i) as u8,
                text,
                width,
            });
            i = end;
        }
        out
    }

    fn code_len(&self, rest: &[u8]) -> usize {
        if let Some(n) = self.to_unicode.code_len(rest) {
            return n;
        }
        if let Some(l) = self.legacy {
            return l.code_len(rest);
        }
        if self.two_byte { 2 } else { 1 }
    }

    fn text_of(&self, code: u32, len: usize) -> String {
        if let Some(t) = self.to_unicode.lookup(code, len) {
            return t;
        }
        if self.codes_are_unicode {
            return char::from_u32(code).map(String::from).unwrap_or_default();
        }
        if let Some(l) = self.legacy {
            return self
                .decoded
                .borrow_mut()
                .entry(code)
                .or_insert_with(|| {
                    let bytes = &code.to_be_bytes()[4 - len.min(4)..];
                    let t = crate::text::decode::decode_with(bytes, l.name());
                    if t.contains('\u{FFFD}') {
                        String::new()
                    } else {
                        t
                    }
                })
                .clone();
        }
        if let Some(enc) = &self.encoding
            && let Some(Some(c)) = enc.get(code as usize)
        {
            return c.to_string();
        }
        String::new()
    }

    fn width_of(&self, code: u32, text: &str) -> f32 {
        // Through a predefined CMap, /W is keyed by CIDs we cannot compute: guess from the text.
        let by_cid = !(self.codes_are_unicode || self.legacy.is_some());
        let w = self
            .widths
            .iter()
            .filter(|_| by_cid)
            .find(|&&(lo, hi, _)| lo <= code && code <= hi)
            .map(|&(_, _, w)| w)
            .or(self.default_width.filter(|&w| w > 0.0 && by_cid))
            .unwrap_or_else(|| {
                // No metrics (a standard font): CJK is square, Latin about half as wide.
                if text.chars().next().is_some_and(is_wide) {
                    1000.0
                } else {
                    500.0
                }
            });
        w * self.scale
    }
}

/// Whether a character is drawn a full em wide (CJK, full-width forms).
pub fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0x20000..=0x3FFFF)
}

/// A legacy CJK encoding a predefined CMap draws its codes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Legacy {
    /// GB-EUC, GBpc-EUC, GBK-EUC, GBKp-EUC, GBK2K (all within GB18030).
    Gb,
    /// B5pc, ETen-B5, ETenms-B5, HKscs-B5.
    Big5,
    /// 90ms-RKSJ, 90pv-RKSJ, 83pv-RKSJ, 90msp-RKSJ.
    ShiftJis,
    /// EUC-H/EUC-V (Japanese).
    EucJp,
    /// KSC-EUC, KSCpc-EUC, KSCms-UHC.
    EucKr,
}

impl Legacy {
    /// The encoding of a predefined CMap's codes, from its name.
    fn of_cmap(name: &[u8]) -> Option<Legacy> {
        let has = |s: &[u8]| name.windows(s.len()).any(|w| w == s);
        if name.starts_with(b"GB") && (has(b"EUC") || name.starts_with(b"GBK")) {
            Some(Legacy::Gb)
        } else if has(b"B5") {
            Some(Legacy::Big5)
        } else if has(b"RKSJ") {
            Some(Legacy::ShiftJis)
        } else if name.starts_with(b"KSC") {
            Some(Legacy::EucKr)
        } else if name.starts_with(b"EUC-") {
            Some(Legacy::EucJp)
        } else {
            None
        }
    }

    /// The encoding's label for [`crate::text::decode::decode_with`].
    fn name(self) -> &'static str {
        match self {
            Legacy::Gb => "GB18030",
            Legacy::Big5 => "Big5",
            Legacy::ShiftJis => "Shift_JIS",
            Legacy::EucJp => "EUC-JP",
            Legacy::EucKr => "EUC-KR",
        }
    }

    /// The length of the code at the start of `rest`, from its lead byte.
    fn code_len(self, rest: &[u8]) -> usize {
        let lead = rest.first().copied().unwrap_or(0);
        match self {
            Legacy::Gb if (0x81..=0xFE).contains(&lead) => {
                if rest.get(1).is_some_and(u8::is_ascii_digit) {
                    4
                } else {
                    2
                }
            }
            Legacy::Big5 | Legacy::EucKr if (0x81..=0xFE).contains(&lead) => 2,
            Legacy::ShiftJis if matches!(lead, 0x81..=0x9F | 0xE0..=0xFC) => 2,
            Legacy::EucJp if lead == 0x8F => 3,
            Legacy::EucJp if lead == 0x8E || (0xA1..=0xFE).contains(&lead) => 2,
            _ => 1,
        }
    }
}

fn cid_widths(doc: &Doc<'_>, w: &[Obj]) -> Result<Vec<(u32, u32, f32)>, Error> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() && out.len() < LIMITS.max_entries {
        let Some(first) = doc.resolve(&w[i])?.num() else {
            break;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).map(|o| doc.resolve(o)).transpose()? {
            Some(Obj::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    let c = first.saturating_add(k as u32);
                    out.push((c, c, v.num().unwrap_or(0.0) as f32));
                }
                i += 2;
            }
            Some(Obj::Num(last)) => {
                let width = w.get(i + 2).and_then(Obj::num).unwrap_or(0.0) as f32;
                out.push((first, last.max(0.0) as u32, width));
                i += 3;
            }
            _ => break,
        }
    }
    Ok(out)
}

/// A ToUnicode CMap: codespace ranges and code → text mappings.
#[derive(Debug, Default)]
pub struct CMap {
    /// (byte length, low, high) of each codespace range.
    codespace: Vec<(usize, u32, u32)>,
    /// Single codes (bfchar), keyed by (length, code).
    chars: HashMap<(usize, u32), String>,
    /// Ranges (bfrange): length, low, high and the UTF-16 of the low code's text (the last unit
    /// counts up), or one text per code. Sorted by (length, low) once parsed, so that a glyph
    /// is looked up by binary search: a scan of 100,000 ranges per glyph made 2M glyphs take
    /// minutes (#12.8).
    ranges: Vec<(usize, u32, u32, RangeDst)>,
}

/// Ranges overlapping one code are looked at this many at most (they are rare; a hostile map
/// nesting thousands must not make each lookup a scan again).
const MAX_OVERLAP: usize = 64;
/// Codespace ranges kept (the spec's blocks hold at most 100; fonts declare a handful).
const MAX_CODESPACE: usize = 1024;

#[derive(Debug)]
enum RangeDst {
    Start(Vec<u16>),
    List(Vec<String>),
}

impl CMap {
    /// Parses a CMap program (only the parts that map codes to Unicode).
    pub fn parse(data: &[u8]) -> Result<CMap, Error> {
        let mut cmap = CMap::default();
        let mut lx = Lexer::new(data, 0);
        let mut operands: Vec<Obj> = Vec::new();
        let mut section: &[u8] = b"";
        let mut steps = 0usize;
        while let Some(tok) = lx.token(0)? {
            steps += 1;
            if steps > 4 * LIMITS.max_entries {
                return Err(Error::TooLarge("entries"));
            }
            match tok {
                Token::Obj(o) => {
                    if operands.len() < 4096 {
                        operands.push(o);
                    }
                }
                Token::Keyword(k) => {
                    match k.as_slice() {
                        b"begincodespacerange" => section = b"cs",
                        b"beginbfchar" => section = b"char",
                        b"beginbfrange" => section = b"range",
                        b"endcodespacerange" => {
                            for p in operands.chunks_exact(2) {
                                if let (Obj::Str(lo), Obj::Str(hi)) = (&p[0], &p[1])
                                    && cmap.codespace.len() < MAX_CODESPACE
                                {
                                    cmap.codespace.push((lo.len(), be(lo), be(hi)));
                                }
                            }
                            section = b"";
                        }
                        b"endbfchar" if section == b"char" => {
                            for p in operands.chunks_exact(2) {
                                if let (Obj::Str(src), dst) = (&p[0], &p[1]) {
                                    cmap.chars.insert((src.len(), be(src)), dst_text(dst));
                                }
                            }
                            section = b"";
                        }
                        b"endbfrange" if section == b"range" => {
                            for p in operands.chunks_exact(3) {
                                let (Obj::Str(lo), Obj::Str(hi)) = (&p[0], &p[1]) else {
                                    continue;
                                };
                                let (l, h) = (be(lo), be(hi));
                                if h < l || h - l > 0xFFFF {
                                    continue;
                                }
                                let dst = match &p[2] {
                                    Obj::Str(s) => RangeDst::Start(utf16_units(s)),
                                    Obj::Array(a) => {
                                        RangeDst::List(a.iter().map(dst_text).collect())
                                    }
                                    _ => continue,
                                };
                                cmap.ranges.push((lo.len(), l, h, dst));
                            }
                            section = b"";
                        }
                        _ => {}
                    }
                    operands.clear();
                    if cmap.chars.len() + cmap.ranges.len() > LIMITS.max_entries {
                        return Err(Error::TooLarge("entries"));
                    }
                }
            }
        }
        // Stable: of ranges starting at the same code, the first in the file is found first
        // (lookup walks down from the last range starting at or below the code).
        let mut ranges: Vec<_> = cmap.ranges.into_iter().enumerate().collect();
        ranges.sort_by_key(|(i, r)| (r.0, r.1, std::cmp::Reverse(*i)));
        cmap.ranges = ranges.into_iter().map(|(_, r)| r).collect();
        Ok(cmap)
    }

    /// The length of the code at the start of `rest`, from the codespace ranges.
    fn code_len(&self, rest: &[u8]) -> Option<usize> {
        if self.codespace.is_empty() {
            return None;
        }
        for n in 1..=4.min(rest.len()) {
            let v = be(&rest[..n]);
            if self
                .codespace
                .iter()
                .any(|&(len, lo, hi)| len == n && lo <= v && v <= hi)
            {
                return Some(n);
            }
        }
        None
    }

    /// The text of `code` (of `len` bytes), if the CMap maps it.
    pub fn lookup(&self, code: u32, len: usize) -> Option<String> {
        if let Some(t) = self.chars.get(&(len, code)) {
            return Some(t.clone());
        }
        let end = self.ranges.partition_point(|r| (r.0, r.1) <= (len, code));
        for (l, lo, hi, dst) in self.ranges[..end].iter().rev().take(MAX_OVERLAP) {
            if *l != len {
                break;
            }
            if code > *hi {
                continue; // an earlier range may still reach over this code
            }
            let k = (code - lo) as usize;
            return match dst {
                RangeDst::Start(units) => {
                    let mut units = units.clone();
                    if let Some(last) = units.last_mut() {
                        *last = last.wrapping_add(k as u16);
                    }
                    Some(String::from_utf16_lossy(&units))
                }
                RangeDst::List(list) => list.get(k).cloned(),
            };
        }
        None
    }
}

fn be(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |a, &b| (a << 8) | u32::from(b))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
        .collect()
}

/// A bfchar/bfrange destination: UTF-16BE (surrogates and ligatures included), or a glyph name.
fn dst_text(dst: &Obj) -> String {
    match dst {
        Obj::Str(s) => String::from_utf16_lossy(&utf16_units(s)),
        Obj::Name(n) => glyph_char(n).map(String::from).unwrap_or_default(),
        _ => String::new(),
    }
}

/// A simple font's code → character table: base encoding, then /Differences.
fn simple_encoding(doc: &Doc<'_>, font: &Dict) -> Result<Box<[Option<char>; 256]>, Error> {
    let (base, differences) = match doc.get_in(font, "Encoding")? {
        Obj::Name(n) => (Some(n), None),
        Obj::Dict(d) => (
            doc.get_in(&d, "BaseEncoding")?.name().map(<[u8]>::to_vec),
            Some(doc.get_in(&d, "Differences")?),
        ),
        _ => (None, None),
    };
    let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
    for (code, slot) in table.iter_mut().enumerate() {
        *slot = base_char(base.as_deref(), code as u8);
    }
    if let Some(Obj::Array(diffs)) = differences {
        let mut code = 0usize;
        for d in diffs.iter().take(LIMITS.max_entries) {
            match d {
                Obj::Num(n) => code = n.max(0.0) as usize,
                Obj::Name(name) => {
                    if let Some(slot) = table.get_mut(code) {
                        *slot = glyph_char(name);
                    }
                    code += 1;
                }
                _ => {}
            }
        }
    }
    Ok(table)
}

/// WinAnsi 0x80–0x9F (the rest of WinAnsi is Latin-1).
const WIN_ANSI_80: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

fn base_char(base: Option<&[u8]>, code: u8) -> Option<char> {
    match code {
        0..=0x1F => None,
        0x20..=0x7E => Some(match (base, code) {
            // StandardEncoding's curly quotes, the only ASCII-range differences.
            (Some(b"StandardEncoding"), b'\'') => '\u{2019}',
            (Some(b"StandardEncoding"), b'`') => '\u{2018}',
            _ => code as char,
        }),
        0x80..=0x9F => match WIN_ANSI_80[usize::from(code - 0x80)] {
            0 => None,
            u => char::from_u32(u32::from(u)),
        },
        _ => Some(char::from(code)),
    }
}

/// The character a glyph name stands for: `uniXXXX`, `uXXXX`, single letters and digits'
/// names, and the few punctuation names text fonts use.
pub fn glyph_char(name: &[u8]) -> Option<char> {
    let s = std::str::from_utf8(name).ok()?;
    let hex = |h: &str| u32::from_str_radix(h, 16).ok().and_then(char::from_u32);
    if let Some(h) = s.strip_prefix("uni").filter(|h| h.len() >= 4) {
        return hex(&h[..4]);
    }
    if let Some(h) = s.strip_prefix('u').filter(|h| (4..=6).contains(&h.len())) {
        return hex(h);
    }
    if s.len() == 1 && s.as_bytes()[0].is_ascii_alphabetic() {
        return s.chars().next();
    }
    const NAMES: &[(&str, char)] = &[
        ("space", ' '),
        ("exclam", '!'),
        ("quotedbl", '"'),
        ("numbersign", '#'),
        ("dollar", '$'),
        ("percent", '%'),
        ("ampersand", '&'),
        ("quotesingle", '\''),
        ("parenleft", '('),
        ("parenright", ')'),
        ("asterisk", '*'),
        ("plus", '+'),
        ("comma", ','),
        ("hyphen", '-'),
        ("period", '.'),
        ("slash", '/'),
        ("zero", '0'),
        ("one", '1'),
        ("two", '2'),
        ("three", '3'),
        ("four", '4'),
        ("five", '5'),
        ("six", '6'),
        ("seven", '7'),
        ("eight", '8'),
        ("nine", '9'),
        ("colon", ':'),
        ("semicolon", ';'),
        ("less", '<'),
        ("equal", '='),
        ("greater", '>'),
        ("question", '?'),
        ("at", '@'),
        ("bracketleft", '['),
        ("backslash", '\\'),
        ("bracketright", ']'),
        ("underscore", '_'),
        ("braceleft", '{'),
        ("bar", '|'),
        ("braceright", '}'),
        ("asciitilde", '~'),
        ("quoteleft", '\u{2018}'),
        ("quoteright", '\u{2019}'),
        ("quotedblleft", '\u{201C}'),
        ("quotedblright", '\u{201D}'),
        ("endash", '\u{2013}'),
        ("emdash", '\u{2014}'),
        ("bullet", '\u{2022}'),
        ("ellipsis", '\u{2026}'),
        ("periodcentered", '\u{00B7}'),
        ("nbspace", '\u{00A0}'),
        ("fi", '\u{FB01}'),
        ("fl", '\u{FB02}'),
    ];
    NAMES.iter().find(|(n, _)| *n == s).map(|&(_, c)| c)
}
