//! Read .doc and .wps: Word 97–2003 and Kingsoft WPS Writer binaries → the main document's text,
//! one line per paragraph, with the numbers Word's list numbering draws (`一、`, `（一）`).
//!
//! The path through the file (MS-DOC): the OLE container ([`super::cfb`]) → the `WordDocument`
//! stream's FIB → the piece table (CLX) in the `1Table`/`0Table` stream → the characters of the
//! main document. Per paragraph, the PAPX (bin table → FKP pages) and its style (STSH) give the
//! list (LFO → LSTF → LVL) and level, and the outline level. Numbering tables that are damaged
//! cost only the labels, never the text. Word 6 and Word 95 files give their text only: one
//! stream, a FIB of fixed offsets, text in the document's code page (GBK or Big5 when Chinese).

use super::cfb::{Compound, u16_at, u32_at};
use super::{Extracted, Format, LIMITS, TextBuilder};
use crate::Error;

/// Reads a Word 97–2003 or WPS file (any OLE compound file is sent here).
pub fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    let ole = Compound::new(bytes, &LIMITS)?;
    // An encrypted .docx is an OLE file holding the encrypted package.
    if ole.has("EncryptionInfo") || ole.has("EncryptedPackage") {
        return Err(Error::Encrypted);
    }
    let Some(word) = ole.read("WordDocument")? else {
        let kind = other_kind(&ole);
        if kind == "ole" && ole.directory_damaged {
            return Err(broken(
                "的目录已损坏（找不到 WordDocument 流）",
                "the OLE directory is damaged (no WordDocument stream found)",
            ));
        }
        return Err(Error::Unknown(kind));
    };
    let format = if is_wps(&ole)? {
        Format::Wps
    } else {
        Format::Doc
    };
    if let Some(old) = OldFib::parse(&word)? {
        return read_old(&word, &old, format);
    }
    let fib = Fib::parse(&word)?;
    if fib.encrypted {
        return Err(Error::Encrypted);
    }
    let table_name = if fib.table_1 { "1Table" } else { "0Table" };
    let table = ole.read(table_name)?.ok_or_else(|| {
        broken(
            &format!("缺少 {table_name} 流"),
            &format!("the {table_name} stream is missing"),
        )
    })?;
    let pieces = pieces(fib.range(&table, Fib::CLX))?;
    // Paragraph properties and lists only add labels and levels: when damaged, they are left out.
    let styles = Styles::parse(fib.range(&table, Fib::STSH));
    let runs = para_runs(&word, fib.range(&table, Fib::BTE_PAPX));
    let lists = Lists::parse(&table, &fib);
    let mut doc = Document {
        builder: TextBuilder::new(),
        styles,
        runs,
        numbering: Numbering::new(lists),
    };
    doc.walk(&word, &pieces, fib.ccp_text)?;
    doc.builder.finish(format)
}

fn broken(zh: &str, en: &str) -> Error {
    Error::Broken(format!("Word 文档{zh}"), format!("Word document: {en}"))
}

fn truncated() -> Error {
    broken(
        "的正文超出 WordDocument 流（文件被截断）",
        "the text lies past the end of WordDocument (truncated?)",
    )
}

/// What an OLE file without a `WordDocument` stream is, for the error message.
fn other_kind(ole: &Compound<'_>) -> &'static str {
    if ole.has("Workbook") || ole.has("Book") {
        "xls"
    } else if ole.has("PowerPoint Document") {
        "ppt"
    } else {
        "ole"
    }
}

/// Whether Kingsoft WPS wrote the file: its own streams, or its marks in the property sets.
fn is_wps(ole: &Compound<'_>) -> Result<bool, Error> {
    if ole.has("WpsCustomData") || ole.has("KSOProductBuildVer") {
        return Ok(true);
    }
    const MARKS: &[&str] = &["KSOProductBuildVer", "WPS Office", "Kingsoft"];
    for name in ["\u{5}DocumentSummaryInformation", "\u{5}SummaryInformation"] {
        // A damaged property set only loses the hint.
        let Ok(Some(props)) = ole.read(name) else {
            continue;
        };
        for mark in MARKS {
            let utf16: Vec<u8> = mark.encode_utf16().flat_map(u16::to_le_bytes).collect();
            if super::find(&props, mark.as_bytes()).is_some()
                || super::find(&props, &utf16).is_some()
            {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

/// The parts of the File Information Block that locate the text and its properties.
#[derive(Debug)]
struct Fib {
    encrypted: bool,
    table_1: bool,
    ccp_text: usize,
    /// fc/lcb pairs (offset and size in the table stream), by index in FibRgFcLcb97.
    fc_lcb: Vec<(usize, usize)>,
}

impl Fib {
    const STSH: usize = 1;
    const BTE_PAPX: usize = 13;
    const CLX: usize = 33;
    const PLF_LST: usize = 73;
    const PLF_LFO: usize = 74;

    fn parse(word: &[u8]) -> Result<Self, Error> {
        let damaged = || broken("的文件信息块（FIB）已损坏", "the FIB is damaged");
        if u16_at(word, 0) != Some(0xA5EC) {
            return Err(broken(
                "的文件信息块（FIB）标识无效",
                "the FIB has no Word signature",
            ));
        }
        let n_fib = u16_at(word, 2).ok_or_else(damaged)?;
        let flags = u16_at(word, 0x0A).ok_or_else(damaged)?;
        let encrypted = flags & 0x0100 != 0;
        if encrypted {
            // The rest of the FIB may be unreadable; the answer is already known.
            return Ok(Fib {
                encrypted,
                table_1: false,
                ccp_text: 0,
                fc_lcb: Vec::new(),
            });
        }
        if n_fib < 0x00C1 {
            return Err(broken(
                "是 Word 6/95 或更早的格式，暂不支持",
                "Word 6/95 or older is not supported",
            ));
        }
        // FibBase (32 bytes), then csw u16s, cslw u32s and cbRgFcLcb fc/lcb pairs.
        let csw = u16_at(word, 32).ok_or_else(damaged)? as usize;
        let lw_at = 34 + 2 * csw;
        let cslw = u16_at(word, lw_at).ok_or_else(damaged)? as usize;
        let ccp_text = u32_at(word, lw_at + 2 + 4 * 3)
            .filter(|_| cslw > 3)
            .ok_or_else(damaged)? as usize;
        let fc_at = lw_at + 2 + 4 * cslw;
        let pairs = u16_at(word, fc_at).ok_or_else(damaged)? as usize;
        let fc_lcb: Vec<(usize, usize)> = (0..pairs)
            .map_while(|i| {
                let at = fc_at + 2 + 8 * i;
                Some((u32_at(word, at)? as usize, u32_at(word, at + 4)? as usize))
            })
            .collect();
        if fc_lcb.len() <= Self::CLX {
            return Err(damaged());
        }
        Ok(Fib {
            encrypted,
            table_1: flags & 0x0200 != 0,
            ccp_text,
            fc_lcb,
        })
    }

    /// The bytes of structure `index` in the table stream (empty when absent or out of range).
    fn range<'t>(&self, table: &'t [u8], index: usize) -> &'t [u8] {
        self.fc_lcb
            .get(index)
            .and_then(|&(fc, lcb)| table.get(fc..fc.checked_add(lcb)?))
            .unwrap_or(&[])
    }
}

/// The FIB of Word 6 and Word 95 (nFib 101–105): everything is in WordDocument, at fixed
/// offsets, and the text is 8-bit in the document's code page — or UTF-16 in the Far East
/// editions of Word 95, which say so with their own signature.
#[derive(Debug)]
struct OldFib {
    /// Fast-saved: the text is found through a piece table.
    complex: bool,
    /// Two bytes per character (UTF-16LE) rather than one.
    unicode: bool,
    fc_min: usize,
    ccp_text: usize,
    clx: (usize, usize),
    /// The code page of 8-bit text, as [`crate::text::decode::decode_with`] names it (None: cp1252).
    encoding: Option<&'static str>,
}

impl OldFib {
    /// A FIB with Word 6/95's signature (0xA5DC, or 0xA699 in the Far East editions); `None`
    /// for any other.
    fn parse(word: &[u8]) -> Result<Option<Self>, Error> {
        let ident = u16_at(word, 0).unwrap_or(0);
        if ident != 0xA5DC && ident != 0xA699 {
            return Ok(None);
        }
        let damaged = || broken("的文件信息块（FIB）已损坏", "the FIB is damaged");
        let flags = u16_at(word, 0x0A).ok_or_else(damaged)?;
        if flags & 0x0100 != 0 {
            return Err(Error::Encrypted);
        }
        let at = |offset| u32_at(word, offset).map(|v| v as usize).ok_or_else(damaged);
        let lid = u16_at(word, 0x06).unwrap_or(0);
        Ok(Some(OldFib {
            complex: flags & 0x0004 != 0,
            unicode: ident == 0xA699,
            fc_min: at(0x18)?,
            ccp_text: at(0x34)?,
            clx: (at(0x160)?, at(0x164)?),
            encoding: Self::encoding(lid, Self::font_charsets(word)),
        }))
    }

    /// The character sets of the fonts in the font table (STTBF of FFN at fcSttbfffn).
    fn font_charsets(word: &[u8]) -> Vec<u8> {
        let (Some(fc), Some(lcb)) = (u32_at(word, 0xD0), u32_at(word, 0xD4)) else {
            return Vec::new();
        };
        let table = word
            .get(fc as usize..(fc as usize).saturating_add(lcb as usize))
            .unwrap_or(&[]);
        // cbSttbfffn, then FFNs: cbFfn (the size after this byte), ffid, wWeight, chs, ….
        let mut charsets = Vec::new();
        let mut at = 2;
        while let Some(&cb) = table.get(at) {
            if let Some(&chs) = table.get(at + 4) {
                charsets.push(chs);
            }
            at += 1 + cb as usize;
        }
        charsets
    }

    /// The code page of 8-bit text: from the language when it is Chinese, else from the first
    /// Chinese font (a Chinese edition of Word saves with an English lid).
    fn encoding(lid: u16, charsets: Vec<u8>) -> Option<&'static str> {
        match lid {
            0x0804 | 0x1004 => return Some("GB18030"),
            0x0404 | 0x0C04 | 0x1404 => return Some("Big5"),
            _ => {}
        }
        charsets.into_iter().find_map(|chs| match chs {
            134 => Some("GB18030"),
            136 => Some("Big5"),
            _ => None,
        })
    }
}

/// Reads a Word 6/95 file: its text only (its paragraph and list properties are in formats
/// not read here, so there are no numbering labels or outline levels).
fn read_old(word: &[u8], fib: &OldFib, format: Format) -> Result<Extracted, Error> {
    let pieces = if fib.complex {
        let (fc, lcb) = fib.clx;
        let clx = word.get(fc..fc.saturating_add(lcb)).unwrap_or(&[]);
        pieces(clx)?
    } else {
        vec![Piece {
            cp: 0,
            cp_end: fib.ccp_text,
            fc: fib.fc_min,
            compressed: false,
        }]
    };
    // The main text, bytes as stored: 8-bit text is decoded only once it is whole, since a
    // double-byte character may straddle two pieces.
    let width = if fib.unicode { 2 } else { 1 };
    let ccp_text = fib.ccp_text.min(word.len());
    let mut bytes = Vec::new();
    let mut done = 0;
    for piece in &pieces {
        let end = piece.cp_end.min(ccp_text);
        let start = piece.cp.max(done);
        done = done.max(end);
        if start >= end {
            continue;
        }
        // Word 6 has no compressed flag: its fc is a plain byte offset, never above 1 GB.
        if piece.compressed {
            return Err(truncated());
        }
        let fc = piece.fc;
        let range = (start - piece.cp)
            .checked_mul(width)
            .and_then(|a| Some(fc.checked_add(a)?..fc.checked_add((end - piece.cp) * width)?));
        let stored = range.and_then(|r| word.get(r)).ok_or_else(truncated)?;
        bytes.extend_from_slice(stored);
    }
    let text: Vec<u16> = if fib.unicode {
        bytes
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect()
    } else {
        match fib.encoding {
            Some(encoding) => crate::text::decode::decode_with(&bytes, encoding)
                .encode_utf16()
                .collect(),
            None => bytes.iter().map(|&b| cp1252(b)).collect(),
        }
    };
    let mut doc = Document {
        builder: TextBuilder::new(),
        styles: Styles::default(),
        runs: Vec::new(),
        numbering: Numbering::new(Lists::default()),
    };
    doc.lay_out(text.into_iter().map(|unit| Some((usize::MAX, unit))))?;
    doc.builder.finish(format)
}

/// One piece of the main text: characters [cp, cp_end) stored at `fc` in WordDocument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    cp: usize,
    cp_end: usize,
    /// Byte offset of the first character in the WordDocument stream.
    fc: usize,
    /// One byte per character (cp1252) rather than two (UTF-16LE).
    compressed: bool,
}

/// The piece table from the CLX: Prc entries (property modifiers) are skipped, the Pcdt read.
fn pieces(clx: &[u8]) -> Result<Vec<Piece>, Error> {
    let damaged = || {
        broken(
            "的文本块表（CLX）已损坏",
            "the piece table (CLX) is damaged",
        )
    };
    let mut at = 0;
    // Each Prc is at least 3 bytes, so this loop ends within the CLX.
    while clx.get(at) == Some(&0x01) {
        let cb = u16_at(clx, at + 1).ok_or_else(damaged)? as i16;
        at += 3 + usize::try_from(cb).map_err(|_| damaged())?;
    }
    if clx.get(at) != Some(&0x02) {
        return Err(damaged());
    }
    let lcb = u32_at(clx, at + 1).ok_or_else(damaged)? as usize;
    let plc = clx.get(at + 5..at + 5 + lcb).ok_or_else(damaged)?;
    if lcb < 4 || !(lcb - 4).is_multiple_of(12) {
        return Err(damaged());
    }
    let n = (lcb - 4) / 12;
    if n > LIMITS.max_entries {
        return Err(Error::TooLarge("entries"));
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let cp = u32_at(plc, 4 * i).ok_or_else(damaged)? as usize;
        let cp_end = u32_at(plc, 4 * i + 4).ok_or_else(damaged)? as usize;
        let fc = u32_at(plc, 4 * (n + 1) + 8 * i + 2).ok_or_else(damaged)?;
        let compressed = fc & 0x4000_0000 != 0;
        let fc = (fc & 0x3FFF_FFFF) as usize;
        out.push(Piece {
            cp,
            cp_end: cp_end.max(cp),
            fc: if compressed { fc / 2 } else { fc },
            compressed,
        });
    }
    Ok(out)
}

/// The MS-DOC exceptions for compressed text: bytes 0x80–0x9F that are not Latin-1.
fn cp1252(b: u8) -> u16 {
    const HIGH: [u16; 32] = [
        0x80, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
        0x0152, 0x8D, 0x8E, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x9E, 0x0178,
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as u16,
    }
}

/// Paragraph properties that matter here, from a PAPX or a paragraph style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ParaProps {
    istd: u16,
    /// 1-based index into the LFO list; 0 = explicitly not numbered.
    ilfo: Option<u16>,
    ilvl: Option<u8>,
    /// Outline level 0–8 (9 = body text).
    outline: Option<u8>,
}

impl ParaProps {
    /// Applies a grpprl (a list of sprms) on top of these properties.
    fn apply(&mut self, grpprl: &[u8]) {
        let mut at = 0;
        while let Some(sprm) = u16_at(grpprl, at) {
            let operand = at + 2;
            let len = match sprm >> 13 {
                0 | 1 => 1,
                2 | 4 | 5 => 2,
                3 => 4,
                7 => 3,
                _ if sprm == 0xD608 => {
                    // sprmTDefTable: a u16 size that counts one byte too many.
                    (u16_at(grpprl, operand).unwrap_or(0) as usize + 1).max(2)
                }
                _ => 1 + grpprl.get(operand).copied().unwrap_or(0) as usize,
            };
            let Some(value) = grpprl.get(operand..operand + len) else {
                return;
            };
            match sprm {
                0x4600 => self.istd = u16_at(value, 0).unwrap_or(self.istd),
                0x260A => self.ilvl = Some(value[0]),
                0x460B => self.ilfo = u16_at(value, 0),
                0x2640 => self.outline = Some(value[0]),
                _ => {}
            }
            at = operand + len;
        }
    }
}

/// The paragraph properties of a range of file offsets [fc, fc_end) in WordDocument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ParaRun {
    fc: usize,
    fc_end: usize,
    props: ParaProps,
}

/// Every PAPX run, from the bin table's FKP pages, in file order; empty when damaged.
fn para_runs(word: &[u8], bte: &[u8]) -> Vec<ParaRun> {
    if bte.len() < 4 {
        return Vec::new();
    }
    let n = (bte.len() - 4) / 8;
    let mut runs = Vec::new();
    for i in 0..n.min(LIMITS.max_entries) {
        let Some(pn) = u32_at(bte, 4 * (n + 1) + 4 * i) else {
            break;
        };
        let at = (pn & 0x003F_FFFF) as usize * 512;
        let Some(page) = word.get(at..at + 512) else {
            continue;
        };
        let crun = page[511] as usize;
        for r in 0..crun {
            let (Some(fc), Some(fc_end)) = (u32_at(page, 4 * r), u32_at(page, 4 * r + 4)) else {
                break;
            };
            let b_offset = page.get(4 * (crun + 1) + 13 * r).copied().unwrap_or(0) as usize * 2;
            let mut props = ParaProps::default();
            if b_offset != 0 {
                let cb = page.get(b_offset).copied().unwrap_or(0) as usize;
                let (start, len) = if cb != 0 {
                    (b_offset + 1, 2 * cb - 1)
                } else {
                    let cb2 = page.get(b_offset + 1).copied().unwrap_or(0) as usize;
                    (b_offset + 2, 2 * cb2)
                };
                if let Some(papx) = page.get(start..(start + len).min(511)) {
                    props.istd = u16_at(papx, 0).unwrap_or(0);
                    props.apply(papx.get(2..).unwrap_or(&[]));
                }
            }
            runs.push(ParaRun {
                fc: fc as usize,
                fc_end: fc_end as usize,
                props,
            });
        }
    }
    // The bin table lists FKPs in file order, so the runs come sorted; in a damaged file the
    // search below may miss a run, and the check of its range keeps a wrong one from being used.
    runs
}

/// The paragraph styles of the stylesheet (STSH): each one's built-in identifier, base style
/// and paragraph properties.
#[derive(Debug, Default)]
struct Styles {
    /// Per istd: (sti, istdBase, the style's own paragraph properties).
    styles: Vec<Option<(u16, u16, ParaProps)>>,
}

impl Styles {
    fn parse(stsh: &[u8]) -> Self {
        let mut styles = Vec::new();
        let (Some(cb_stshi), Some(cstd), Some(cb_base)) =
            (u16_at(stsh, 0), u16_at(stsh, 2), u16_at(stsh, 4))
        else {
            return Styles { styles };
        };
        let mut at = 2 + cb_stshi as usize;
        for _ in 0..(cstd as usize).min(LIMITS.max_entries) {
            let Some(cb) = u16_at(stsh, at) else {
                break;
            };
            let std = stsh.get(at + 2..at + 2 + cb as usize).unwrap_or(&[]);
            at += 2 + cb as usize;
            styles.push(Self::parse_std(std, cb_base as usize));
        }
        Styles { styles }
    }

    /// One STD: Stdf, name, then for a paragraph style the UpxPapx (istd + grpprl).
    fn parse_std(std: &[u8], cb_base: usize) -> Option<(u16, u16, ParaProps)> {
        let sti = u16_at(std, 0)? & 0x0FFF;
        let word2 = u16_at(std, 2)?;
        let (stk, base) = (word2 & 0x000F, word2 >> 4);
        let mut props = ParaProps::default();
        if stk == 1 {
            let name_len = u16_at(std, cb_base)? as usize;
            let upx_at = cb_base + 2 + 2 * name_len + 2;
            let cb_upx = u16_at(std, upx_at).unwrap_or(0) as usize;
            if let Some(upx) = std.get(upx_at + 2..upx_at + 2 + cb_upx) {
                props.apply(upx.get(2..).unwrap_or(&[]));
            }
        }
        Some((sti, base, props))
    }

    /// The properties a paragraph of style `istd` has: its style's, over the base styles'.
    /// Also returns the style's built-in identifier (1–9 are Heading 1–9).
    fn resolve(&self, istd: u16) -> (Option<u16>, ParaProps) {
        let mut chain = Vec::new();
        let mut at = istd;
        // A base chain is short; the bound keeps a looping one finite.
        while chain.len() < 16 {
            let Some(Some((sti, base, props))) = self.styles.get(at as usize) else {
                break;
            };
            chain.push((*sti, *props));
            if *base == 0x0FFF {
                break;
            }
            at = *base;
        }
        let mut merged = ParaProps::default();
        for (_, p) in chain.iter().rev() {
            merged.ilfo = p.ilfo.or(merged.ilfo);
            merged.ilvl = p.ilvl.or(merged.ilvl);
            merged.outline = p.outline.or(merged.outline);
        }
        (chain.first().map(|c| c.0), merged)
    }
}

/// One list level (LVL): how its number is drawn and when it restarts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Level {
    start: u32,
    nfc: u8,
    /// fLegal: numbers of other levels drawn as decimal.
    legal: bool,
    /// fNoRestart: restarts only after levels above `restart_limit`.
    no_restart: bool,
    restart_limit: u8,
    /// The number text: chars 0–8 stand for the counters of levels 1–9.
    text: Vec<u16>,
    /// What follows the number: 0 tab, 1 space, 2 nothing.
    follow: u8,
}

impl Level {
    /// Reads one LVL at `at`; returns it and the offset after it.
    fn parse(b: &[u8], at: usize) -> Option<(Level, usize)> {
        let lvlf = b.get(at..at + 28)?;
        let flags = lvlf[5];
        let (cb_chpx, cb_papx) = (lvlf[24] as usize, lvlf[25] as usize);
        let xst_at = at + 28 + cb_papx + cb_chpx;
        let cch = u16_at(b, xst_at)? as usize;
        let text = (0..cch)
            .map(|i| u16_at(b, xst_at + 2 + 2 * i))
            .collect::<Option<Vec<u16>>>()?;
        let level = Level {
            start: u32_at(lvlf, 0)?,
            nfc: lvlf[4],
            legal: flags & 0x04 != 0,
            no_restart: flags & 0x08 != 0,
            restart_limit: lvlf[26],
            text,
            follow: lvlf[15],
        };
        Some((level, xst_at + 2 + 2 * cch))
    }
}

/// A list override (LFO): which list, and per level a start-at override or a replacement level.
#[derive(Debug, Clone, Default)]
struct Override {
    list: Option<usize>,
    starts: Vec<(u8, u32)>,
    levels: Vec<(u8, Level)>,
}

/// The document's lists (PlfLst) and list overrides (PlfLfo).
#[derive(Debug, Default)]
struct Lists {
    /// Per list: its identifier and its levels (1 for a simple list, else 9).
    lists: Vec<(u32, Vec<Level>)>,
    overrides: Vec<Override>,
}

impl Lists {
    /// Reads both tables; anything damaged is left out.
    fn parse(table: &[u8], fib: &Fib) -> Self {
        let mut lists = Vec::new();
        let fc_lst = fib.fc_lcb.get(Fib::PLF_LST).map_or(0, |p| p.0);
        if !fib.range(table, Fib::PLF_LST).is_empty() {
            let count = u16_at(table, fc_lst).unwrap_or(0) as usize;
            // The LVLs of all lists follow the LSTF array, in list order.
            let mut lvl_at = fc_lst + 2 + 28 * count;
            for i in 0..count.min(LIMITS.max_entries) {
                let lstf = fc_lst + 2 + 28 * i;
                let (Some(lsid), Some(&flags)) = (u32_at(table, lstf), table.get(lstf + 26)) else {
                    break;
                };
                let n = if flags & 1 != 0 { 1 } else { 9 };
                let mut levels = Vec::with_capacity(n);
                for _ in 0..n {
                    let Some((level, next)) = Level::parse(table, lvl_at) else {
                        break;
                    };
                    levels.push(level);
                    lvl_at = next;
                }
                lists.push((lsid, levels));
            }
        }
        let mut overrides = Vec::new();
        let lfo = fib.range(table, Fib::PLF_LFO);
        let count = (u32_at(lfo, 0).unwrap_or(0) as usize).min(LIMITS.max_entries);
        let mut data_at = 4 + 16 * count;
        for i in 0..count {
            let Some(lsid) = u32_at(lfo, 4 + 16 * i) else {
                break;
            };
            let list = lists.iter().position(|(id, _)| *id == lsid);
            let mut o = Override {
                list,
                ..Override::default()
            };
            // LFOData: cp, then the level overrides, each with a whole LVL when it formats.
            let n_levels = lfo.get(4 + 16 * i + 12).copied().unwrap_or(0);
            if n_levels > 0 && data_at != usize::MAX {
                data_at += 4;
                for _ in 0..n_levels {
                    let (Some(start), Some(flags)) =
                        (u32_at(lfo, data_at), u32_at(lfo, data_at + 4))
                    else {
                        data_at = usize::MAX;
                        break;
                    };
                    data_at += 8;
                    let ilvl = (flags & 0x0F) as u8;
                    if flags & 0x10 != 0 {
                        o.starts.push((ilvl, start));
                    }
                    if flags & 0x20 != 0 {
                        let Some((level, next)) = Level::parse(lfo, data_at) else {
                            data_at = usize::MAX;
                            break;
                        };
                        o.levels.push((ilvl, level));
                        data_at = next;
                    }
                }
            } else if data_at != usize::MAX {
                data_at += 4;
            }
            overrides.push(o);
        }
        Lists { lists, overrides }
    }
}

/// The counters of every list as the document is read, and the labels they draw.
#[derive(Debug)]
struct Numbering {
    lists: Lists,
    /// Per list, per level: the last number drawn (None: not drawn since its last restart).
    counters: Vec<[Option<u32>; 9]>,
    /// Per LFO: whether its start-at overrides were applied.
    overrides_used: Vec<bool>,
}

impl Numbering {
    fn new(lists: Lists) -> Self {
        Numbering {
            counters: vec![[None; 9]; lists.lists.len()],
            overrides_used: vec![false; lists.overrides.len()],
            lists,
        }
    }

    /// The level `ilvl` of list `list` as LFO `ilfo` draws it.
    fn level(&self, ilfo: usize, list: usize, ilvl: usize) -> Option<&Level> {
        let o = self.lists.overrides.get(ilfo)?;
        o.levels
            .iter()
            .find(|(l, _)| *l as usize == ilvl)
            .map(|(_, level)| level)
            .or_else(|| self.lists.lists.get(list)?.1.get(ilvl))
    }

    /// Counts a paragraph of LFO `ilfo` (1-based) at level `ilvl` and returns its label.
    fn label(&mut self, ilfo: u16, ilvl: u8) -> String {
        let (ilfo, ilvl) = (ilfo as usize, (ilvl as usize).min(8));
        let Some(lfo) = ilfo.checked_sub(1) else {
            return String::new();
        };
        let Some(list) = self.lists.overrides.get(lfo).and_then(|o| o.list) else {
            return String::new();
        };
        let Some(level) = self.level(lfo, list, ilvl).cloned() else {
            return String::new();
        };
        if !std::mem::replace(&mut self.overrides_used[lfo], true) {
            // A start-at override restarts its level there. A level above the paragraph's is
            // drawn as a parent without being counted, so it shows the start itself and counts
            // on from it (a heading `2.99` in a list restarted at 2 and 99).
            for &(l, start) in &self.lists.overrides[lfo].starts {
                if let Some(c) = self.counters[list].get_mut(l as usize) {
                    *c = if (l as usize) < ilvl {
                        Some(start)
                    } else {
                        start.checked_sub(1)
                    };
                }
            }
        }
        let counters = &mut self.counters[list];
        if level.nfc != 255 {
            counters[ilvl] = Some(counters[ilvl].map_or(level.start, |n| n.saturating_add(1)));
        }
        // Deeper levels restart after this one, unless they say they restart only higher up.
        for deeper in ilvl + 1..9 {
            let restarts = match self.lists.lists[list].1.get(deeper) {
                Some(l) if l.no_restart => ilvl < l.restart_limit as usize,
                _ => true,
            };
            if restarts {
                self.counters[list][deeper] = None;
            }
        }
        let mut label = String::new();
        for &unit in &level.text {
            if unit < 9 {
                let l = unit as usize;
                let Some(of) = self.level(lfo, list, l) else {
                    continue;
                };
                let n = self.counters[list][l].unwrap_or(of.start);
                let nfc = if level.legal && l != ilvl { 0 } else { of.nfc };
                label.push_str(&format_number(n, nfc));
            } else if (0xE000..=0xF8FF).contains(&unit) {
                // Symbol-font bullets live in the private use area.
                label.push('•');
            } else {
                label.extend(char::decode_utf16([unit]).map(|c| c.unwrap_or('\u{FFFD}')));
            }
        }
        if !label.is_empty() {
            match level.follow {
                0 => label.push('\t'),
                1 => label.push(' '),
                _ => {}
            }
        }
        label
    }
}

/// A number drawn in a list number format (nfc, MS-DOC 2.9.158 / ECMA-376 ST_NumberFormat).
fn format_number(n: u32, nfc: u8) -> String {
    use crate::text::numerals::{
        self, DIGITS, DIGITS_ONE_BY_ONE, LEGAL_DIGITS, LEGAL_UNITS, UNITS,
    };
    use crate::text::numerals::{LEGAL_DIGITS_TRADITIONAL, LEGAL_UNITS_TRADITIONAL};
    const FULLSTOP: [char; 20] = [
        '⒈', '⒉', '⒊', '⒋', '⒌', '⒍', '⒎', '⒏', '⒐', '⒑', '⒒', '⒓', '⒔', '⒕', '⒖', '⒗', '⒘', '⒙',
        '⒚', '⒛',
    ];
    const PAREN: [char; 20] = [
        '⑴', '⑵', '⑶', '⑷', '⑸', '⑹', '⑺', '⑻', '⑼', '⑽', '⑾', '⑿', '⒀', '⒁', '⒂', '⒃', '⒄', '⒅',
        '⒆', '⒇',
    ];
    const IDEOGRAPH_CIRCLED: [char; 10] =
        ['㈠', '㈡', '㈢', '㈣', '㈤', '㈥', '㈦', '㈧', '㈨', '㈩'];
    // Counting formats write 0 as their 零.
    let counting = |digits: &[char; 10], units: &[char; 4], short_ten: bool| {
        numerals::counting(n, digits, units, short_ten)
            .or_else(|| (n == 0).then(|| digits[0].to_string()))
    };
    let drawn = match nfc {
        0 | 5 => None,
        1 => numerals::roman(n),
        2 => numerals::roman(n).map(|r| r.to_ascii_lowercase()),
        3 => numerals::letters(n).map(|l| l.to_ascii_uppercase()),
        4 => numerals::letters(n),
        14 | 19 => Some(numerals::full_width(n)),
        18 | 28 => numerals::nth(&numerals::CIRCLED, n),
        22 => Some(format!("{n:02}")),
        23 => Some("•".into()),
        26 => numerals::nth(&FULLSTOP, n),
        27 => numerals::nth(&PAREN, n),
        29 => numerals::nth(&IDEOGRAPH_CIRCLED, n),
        30 => numerals::nth(&numerals::HEAVENLY_STEMS, n),
        31 => numerals::nth(&numerals::EARTHLY_BRANCHES, n),
        10 | 33 | 35 | 37 | 39 => counting(&DIGITS, &UNITS, true),
        34 => counting(&LEGAL_DIGITS_TRADITIONAL, &LEGAL_UNITS_TRADITIONAL, false),
        11 | 38 => counting(&LEGAL_DIGITS, &LEGAL_UNITS, false),
        36 | 40 => Some(numerals::digit_by_digit(n, &DIGITS_ONE_BY_ONE)),
        255 => Some(String::new()),
        _ => None,
    };
    drawn.unwrap_or_else(|| n.to_string())
}

/// The walk through the main text, paragraph by paragraph.
struct Document {
    builder: TextBuilder,
    styles: Styles,
    runs: Vec<ParaRun>,
    numbering: Numbering,
}

impl Document {
    /// Reads the first `ccp_text` characters through the pieces and lays out the paragraphs.
    fn walk(&mut self, word: &[u8], pieces: &[Piece], ccp_text: usize) -> Result<(), Error> {
        // Every character takes at least one byte of WordDocument, and each is read once even
        // when hostile pieces overlap: the walk is bounded by the stream's size.
        let ccp_text = ccp_text.min(word.len());
        let mut done = 0;
        let units = pieces.iter().flat_map(move |piece| {
            let end = piece.cp_end.min(ccp_text);
            let start = piece.cp.max(done);
            done = done.max(end);
            (start.saturating_sub(piece.cp)..end.saturating_sub(piece.cp)).map(move |i| {
                // Checked: on wasm32 a hostile fc near 4 GB must not wrap around.
                let width = if piece.compressed { 1 } else { 2 };
                let fc = i.checked_mul(width).and_then(|d| piece.fc.checked_add(d))?;
                let unit = if piece.compressed {
                    word.get(fc).map(|&b| cp1252(b))
                } else {
                    u16_at(word, fc)
                };
                Some((fc, unit?))
            })
        });
        self.lay_out(units)
    }

    /// Lays out the characters of the main text (each with its offset in WordDocument, to find
    /// its paragraph's properties): paragraphs, cells, line breaks, fields.
    fn lay_out(&mut self, units: impl Iterator<Item = Option<(usize, u16)>>) -> Result<(), Error> {
        let mut body: Vec<u16> = Vec::new();
        // Open fields, innermost last: true while in the instruction (before the separator).
        let mut fields: Vec<bool> = Vec::new();
        let mut deep_fields = 0usize;
        for unit in units {
            let Some((fc, unit)) = unit else {
                return Err(truncated());
            };
            let in_instruction = fields.iter().any(|&f| f);
            match unit {
                0x13 => {
                    if fields.len() < LIMITS.max_depth {
                        fields.push(true);
                    } else {
                        deep_fields += 1;
                    }
                }
                0x14 => {
                    if deep_fields == 0
                        && let Some(f) = fields.last_mut()
                    {
                        *f = false;
                    }
                }
                0x15 => {
                    if deep_fields > 0 {
                        deep_fields -= 1;
                    } else {
                        fields.pop();
                    }
                }
                0x0D | 0x07 => {
                    self.end_paragraph(&mut body, fc)?;
                    // An instruction never spans paragraphs: a broken field must not
                    // swallow the rest of the document.
                    fields.iter_mut().for_each(|f| *f = false);
                }
                0x0C => {
                    if !body.is_empty() {
                        self.end_paragraph(&mut body, fc)?;
                    }
                }
                _ if in_instruction || deep_fields > 0 => {}
                0x0B => body.push(u16::from(b'\n')),
                0x09 => body.push(0x09),
                0x1E => body.push(u16::from(b'-')),
                0x00..=0x1F => {}
                _ => body.push(unit),
            }
        }
        if !body.is_empty() {
            self.end_paragraph(&mut body, usize::MAX)?;
        }
        Ok(())
    }

    /// Ends the paragraph whose mark is at `fc`: finds its properties, counts its number.
    fn end_paragraph(&mut self, body: &mut Vec<u16>, fc: usize) -> Result<(), Error> {
        let text = String::from_utf16_lossy(body);
        body.clear();
        let papx = self
            .runs
            .partition_point(|r| r.fc <= fc)
            .checked_sub(1)
            .and_then(|i| self.runs.get(i))
            .filter(|r| fc < r.fc_end)
            .map(|r| r.props)
            .unwrap_or_default();
        let (sti, style) = self.styles.resolve(papx.istd);
        let ilfo = papx.ilfo.or(style.ilfo).unwrap_or(0);
        let ilvl = papx.ilvl.or(style.ilvl).unwrap_or(0);
        let label = if ilfo != 0 && ilfo < 0xF000 {
            self.numbering.label(ilfo, ilvl)
        } else {
            String::new()
        };
        // Heading 1–9 have istd and sti 1–9; an explicit outline level comes first.
        let heading = sti.unwrap_or(papx.istd);
        let outline_level = papx
            .outline
            .or(style.outline)
            .filter(|&l| l < 9)
            .map(|l| l + 1)
            .or_else(|| (1..=9).contains(&heading).then_some(heading as u8));
        if self.builder.len() + label.len() + text.len() > LIMITS.max_text {
            return Err(Error::TooLarge("text"));
        }
        self.builder.paragraph(&label, &text, outline_level);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::cfb::tests::make_ole;
    use super::*;

    const TEXT_AT: usize = 1024;
    const FIB_TABLE_1: u16 = 0x0200;

    /// A small Word file built field by field, as Word 97 lays it out.
    #[derive(Default)]
    struct WordFile {
        /// Paragraphs: text (without its mark), istd, grpprl of its PAPX.
        paras: Vec<(Vec<u16>, u16, Vec<u8>)>,
        /// Characters instead of `paras`, marks included, all in one PAPX run without properties.
        raw: Option<Vec<u16>>,
        compressed: bool,
        flags: u16,
        n_fib: Option<u16>,
        ccp_text: Option<usize>,
        /// A whole CLX and the bytes stored at TEXT_AT instead of the generated ones.
        clx: Option<(Vec<u8>, Vec<u8>)>,
        stsh: Vec<u8>,
        /// PlfLst (cLst + LSTFs), then the LVLs that follow it.
        lists: (Vec<u8>, Vec<u8>),
        lfo: Vec<u8>,
        streams: Vec<(&'static str, Vec<u8>)>,
    }

    fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    impl WordFile {
        fn paragraphs(texts: &[&str]) -> Self {
            WordFile {
                paras: texts.iter().map(|t| (units(t), 0, Vec::new())).collect(),
                ..Self::default()
            }
        }

        fn raw(text: &str) -> Self {
            WordFile {
                raw: Some(units(text)),
                ..Self::default()
            }
        }

        /// The WordDocument and 1Table streams.
        fn streams(&self) -> (Vec<u8>, Vec<u8>) {
            let mut chars = Vec::new();
            let mut runs = Vec::new(); // (first char, end char, istd, grpprl)
            if let Some(raw) = &self.raw {
                chars = raw.clone();
                runs.push((0, chars.len(), 0, Vec::new()));
            }
            for (text, istd, grpprl) in &self.paras {
                let start = chars.len();
                chars.extend(text);
                chars.push(0x0D);
                runs.push((start, chars.len(), *istd, grpprl.clone()));
            }
            let width = if self.compressed { 1 } else { 2 };
            let text: Vec<u8> = if self.compressed {
                chars.iter().map(|&c| c as u8).collect()
            } else {
                chars.iter().flat_map(|c| c.to_le_bytes()).collect()
            };
            let (clx, text) = self.clx.clone().unwrap_or_else(|| {
                let fc = if self.compressed {
                    (TEXT_AT as u32 * 2) | 0x4000_0000
                } else {
                    TEXT_AT as u32
                };
                let mut plc = Vec::new();
                plc.extend(0u32.to_le_bytes());
                plc.extend((chars.len() as u32).to_le_bytes());
                plc.extend([0, 0]);
                plc.extend(fc.to_le_bytes());
                plc.extend([0, 0]);
                let mut clx = vec![0x02];
                clx.extend((plc.len() as u32).to_le_bytes());
                clx.extend(plc);
                (clx, text)
            });

            // WordDocument: FIB, the text at TEXT_AT, one PAPX FKP page after it.
            let mut word = vec![0u8; TEXT_AT];
            word[0..2].copy_from_slice(&0xA5ECu16.to_le_bytes());
            word[2..4].copy_from_slice(&self.n_fib.unwrap_or(0x00C1).to_le_bytes());
            word[0x0A..0x0C].copy_from_slice(&(self.flags | FIB_TABLE_1).to_le_bytes());
            word[32..34].copy_from_slice(&14u16.to_le_bytes());
            word[62..64].copy_from_slice(&22u16.to_le_bytes());
            let ccp = self.ccp_text.unwrap_or(chars.len()) as u32;
            word[76..80].copy_from_slice(&ccp.to_le_bytes());
            word[152..154].copy_from_slice(&93u16.to_le_bytes());
            word.extend(&text);
            word.resize(word.len().div_ceil(512) * 512, 0);
            let pn = word.len() / 512;
            let mut page = vec![0u8; 512];
            let crun = runs.len();
            let mut data_at = (4 * (crun + 1) + 13 * crun).next_multiple_of(2);
            for (r, (start, end, istd, grpprl)) in runs.iter().enumerate() {
                let fc = |c: usize| ((TEXT_AT + width * c) as u32).to_le_bytes();
                page[4 * r..4 * r + 4].copy_from_slice(&fc(*start));
                page[4 * r + 4..4 * r + 8].copy_from_slice(&fc(*end));
                page[4 * (crun + 1) + 13 * r] = (data_at / 2) as u8;
                let mut papx = istd.to_le_bytes().to_vec();
                papx.extend(grpprl);
                papx.resize(papx.len().next_multiple_of(2), 0);
                page[data_at] = 0;
                page[data_at + 1] = (papx.len() / 2) as u8;
                page[data_at + 2..data_at + 2 + papx.len()].copy_from_slice(&papx);
                data_at += 2 + papx.len();
            }
            page[511] = crun as u8;
            word.extend(page);

            // 1Table: STSH, CLX, PlcBtePapx, PlfLst + LVLs, PlfLfo; fc/lcb pairs in the FIB.
            let mut table = Vec::new();
            let mut place = |word: &mut Vec<u8>, index: usize, bytes: &[u8], extra: &[u8]| {
                let at = 154 + 8 * index;
                word[at..at + 4].copy_from_slice(&(table.len() as u32).to_le_bytes());
                word[at + 4..at + 8].copy_from_slice(&(bytes.len() as u32).to_le_bytes());
                table.extend(bytes);
                table.extend(extra);
            };
            place(&mut word, Fib::STSH, &self.stsh, &[]);
            place(&mut word, Fib::CLX, &clx, &[]);
            let mut bte = Vec::new();
            bte.extend((TEXT_AT as u32).to_le_bytes());
            bte.extend(((TEXT_AT + width * chars.len()) as u32).to_le_bytes());
            bte.extend((pn as u32).to_le_bytes());
            place(&mut word, Fib::BTE_PAPX, &bte, &[]);
            place(&mut word, Fib::PLF_LST, &self.lists.0, &self.lists.1);
            place(&mut word, Fib::PLF_LFO, &self.lfo, &[]);
            (word, table)
        }

        fn bytes(&self) -> Vec<u8> {
            let (word, table) = self.streams();
            let mut streams: Vec<(&str, &[u8])> = vec![("WordDocument", &word), ("1Table", &table)];
            streams.extend(self.streams.iter().map(|(n, d)| (*n, d.as_slice())));
            make_ole(&streams)
        }

        fn read(&self) -> Result<Extracted, Error> {
            read(&self.bytes())
        }

        fn text(&self) -> String {
            self.read().unwrap().text
        }
    }

    /// A grpprl setting the list (sprmPIlfo) and level (sprmPIlvl).
    fn numbered(ilfo: u16, ilvl: u8) -> Vec<u8> {
        let mut g = vec![0x0A, 0x26, ilvl, 0x0B, 0x46];
        g.extend(ilfo.to_le_bytes());
        g
    }

    /// One LVL: start, number format, flags, number text (chars 0–8 are placeholders), follow.
    fn lvl(start: u32, nfc: u8, flags: u8, restart_limit: u8, text: &str, follow: u8) -> Vec<u8> {
        let mut v = start.to_le_bytes().to_vec();
        v.extend([nfc, flags]);
        v.extend([0; 9]); // rgbxchNums
        v.push(follow);
        v.extend([0; 8]);
        v.extend([0, 0, restart_limit, 0]); // cbGrpprlChpx, cbGrpprlPapx, ilvlRestartLim, grfhic
        let t = units(text);
        v.extend((t.len() as u16).to_le_bytes());
        v.extend(t.iter().flat_map(|u| u.to_le_bytes()));
        v
    }

    /// PlfLst and the LVLs after it, for lists of 9 levels (`levels` first, then plain decimal).
    fn lists(lists: &[(u32, Vec<Vec<u8>>)]) -> (Vec<u8>, Vec<u8>) {
        let mut lst = (lists.len() as u16).to_le_bytes().to_vec();
        let mut lvls = Vec::new();
        for (lsid, levels) in lists {
            lst.extend(lsid.to_le_bytes());
            lst.extend(lsid.to_le_bytes()); // tplc
            lst.extend([0xFF, 0x0F].repeat(9));
            lst.extend([0, 0]);
            for i in 0..9 {
                match levels.get(i) {
                    Some(l) => lvls.extend(l),
                    None => lvls.extend(lvl(1, 0, 0, 0, &format!("{}.", char::from(i as u8)), 0)),
                }
            }
        }
        (lst, lvls)
    }

    /// PlfLfo: per LFO its list and level overrides (ilvl, start-at).
    fn lfos(lfos: &[(u32, Vec<(u8, u32)>)]) -> Vec<u8> {
        let mut v = (lfos.len() as u32).to_le_bytes().to_vec();
        for (lsid, overrides) in lfos {
            v.extend(lsid.to_le_bytes());
            v.extend([0; 8]);
            v.extend([overrides.len() as u8, 0, 0, 0]);
        }
        for (_, overrides) in lfos {
            v.extend(0u32.to_le_bytes());
            for (ilvl, start) in overrides {
                v.extend(start.to_le_bytes());
                v.extend((u32::from(*ilvl) | 0x10).to_le_bytes());
            }
        }
        v
    }

    /// The list of the autonum fixtures: `%1、` and `（%2）` in Chinese counting, no follow.
    fn chinese_headings() -> WordFile {
        WordFile {
            lists: lists(&[(
                7,
                vec![
                    lvl(1, 35, 0, 0, "\u{0}、", 2),
                    lvl(1, 35, 0, 0, "（\u{1}）", 2),
                ],
            )]),
            lfo: lfos(&[(7, vec![])]),
            ..WordFile::default()
        }
    }

    fn para(text: &str, istd: u16, grpprl: Vec<u8>) -> (Vec<u16>, u16, Vec<u8>) {
        (units(text), istd, grpprl)
    }

    #[test]
    fn reads_one_line_per_paragraph() {
        let e = WordFile::paragraphs(&["关于2023年度法治政府建设情况的报告", "", "一、主要举措"])
            .read()
            .unwrap();
        assert_eq!(e.format, Format::Doc);
        assert_eq!(e.text, "关于2023年度法治政府建设情况的报告\n\n一、主要举措");
        assert_eq!(e.paragraphs.len(), 3);
    }

    #[test]
    fn special_characters_become_what_a_reader_sees() {
        let cases = [
            ("a\tb\r", "a\tb"),              // tab kept
            ("a\u{b}b\r", "a\nb"),           // line break inside the paragraph
            ("a\u{7}b\u{7}\u{7}", "a\nb\n"), // cell and row ends end paragraphs
            ("a\u{c}b\r", "a\nb"),           // page break ends the paragraph
            ("\u{c}b\r", "b"),               // … but makes no empty one
            ("a\u{1e}b\r", "a-b"),           // non-breaking hyphen
            ("a\u{1f}b\r", "ab"),            // optional hyphen
            ("a\u{1}\u{8}b\r", "ab"),        // picture and drawn object
            ("a\u{2}\u{5}b\r", "ab"),        // other control characters
        ];
        for (raw, want) in cases {
            assert_eq!(WordFile::raw(raw).text(), want, "{raw:?}");
        }
    }

    #[test]
    fn fields_keep_their_result_and_drop_their_instruction() {
        let raw = "见\u{13} HYPERLINK \"x\" \u{14}第\u{13} PAGE \u{14}3\u{15}页\u{15}。\r";
        assert_eq!(WordFile::raw(raw).text(), "见第3页。");
        // A field without a result shows nothing of itself.
        assert_eq!(WordFile::raw("a\u{13} TC x \u{15}b\r").text(), "ab");
    }

    #[test]
    fn a_broken_field_does_not_swallow_the_next_paragraphs() {
        let raw = "a\u{13} never separated\rsecond\r";
        assert_eq!(WordFile::raw(raw).text(), "a\nsecond");
    }

    #[test]
    fn compressed_text_is_cp1252_with_the_word_exceptions() {
        let mut f = WordFile::raw("\u{93}ok\u{94} caf\u{e9} \u{80}\r");
        f.compressed = true;
        assert_eq!(f.text(), "\u{201C}ok\u{201D} café \u{80}");
        assert_eq!(cp1252(0x85), 0x2026);
        assert_eq!(cp1252(0x41), 0x41);
    }

    #[test]
    fn pieces_are_read_in_character_order_each_in_its_encoding() {
        // Stored: "world\r" compressed at TEXT_AT, "hello " in UTF-16 after it.
        let mut stored = b"world\r".to_vec();
        stored.extend("hello ".encode_utf16().flat_map(u16::to_le_bytes));
        let mut plc = Vec::new();
        for cp in [0u32, 6, 12] {
            plc.extend(cp.to_le_bytes());
        }
        plc.extend([0, 0]);
        plc.extend((TEXT_AT as u32 + 6).to_le_bytes());
        plc.extend([0, 0, 0, 0]);
        plc.extend(((TEXT_AT as u32 * 2) | 0x4000_0000).to_le_bytes());
        plc.extend([0, 0]);
        let mut clx = vec![0x01, 3, 0, 0x08, 0x26, 0]; // a Prc with a 3-byte grpprl, skipped
        clx.push(0x02);
        clx.extend((plc.len() as u32).to_le_bytes());
        clx.extend(plc);
        let f = WordFile {
            clx: Some((clx, stored)),
            ccp_text: Some(12),
            ..WordFile::default()
        };
        assert_eq!(f.text(), "hello world");
    }

    #[test]
    fn overlapping_pieces_are_read_once() {
        // cps 0, 3, 1, 4: the third piece claims 1..4 again, so only its last character is new.
        let mut plc = Vec::new();
        for cp in [0u32, 3, 1, 4] {
            plc.extend(cp.to_le_bytes());
        }
        for _ in 0..3 {
            plc.extend([0, 0]);
            plc.extend((TEXT_AT as u32).to_le_bytes());
            plc.extend([0, 0]);
        }
        let mut clx = vec![0x02];
        clx.extend((plc.len() as u32).to_le_bytes());
        clx.extend(plc);
        let f = WordFile {
            clx: Some((
                clx,
                units("ab\r").iter().flat_map(|u| u.to_le_bytes()).collect(),
            )),
            ccp_text: Some(4),
            ..WordFile::default()
        };
        assert_eq!(f.text(), "ab\n");
    }

    #[test]
    fn only_the_main_document_is_read() {
        // What follows ccpText (footnotes, headers, text boxes) is left out.
        let mut f = WordFile::paragraphs(&["正文", "脚注"]);
        f.ccp_text = Some(3);
        assert_eq!(f.text(), "正文");
    }

    #[test]
    fn a_document_without_text_is_no_text() {
        assert_eq!(
            WordFile::paragraphs(&["", " "]).read(),
            Err(Error::NoText("doc"))
        );
        assert_eq!(WordFile::raw("").read(), Err(Error::NoText("doc")));
    }

    #[test]
    fn encrypted_files_are_refused_as_encrypted() {
        let mut f = WordFile::paragraphs(&["secret"]);
        f.flags = 0x0100;
        assert_eq!(f.read(), Err(Error::Encrypted));
        let docx = make_ole(&[("EncryptionInfo", b"\x04\x00"), ("EncryptedPackage", b"..")]);
        assert_eq!(read(&docx), Err(Error::Encrypted));
    }

    #[test]
    fn a_damaged_directory_is_broken_not_another_kind_of_file() {
        // #12.13: a damaged OLE directory said "不是 Word/WPS 文档".
        let good = make_ole(&[("WordDocument", &[0u8; 8192]), ("1Table", &[0u8; 8192])]);
        let sector = 1usize << u16::from_le_bytes([good[30], good[31]]);
        let dir = sector * (1 + u32::from_le_bytes(good[48..52].try_into().unwrap()) as usize);
        // The root's child points past the directory…
        let mut far = good.clone();
        far[dir + 76..dir + 80].copy_from_slice(&0x00FF_FFF0u32.to_le_bytes());
        // …or the Word stream's entry is of no known type.
        let mut odd = good.clone();
        let word = (1..4)
            .map(|i| dir + 128 * i)
            .find(|&at| good[at..at + 2] == *b"W\0")
            .unwrap();
        odd[word + 66] = 9;
        for bytes in [far, odd] {
            let r = read(&bytes);
            assert!(
                matches!(r, Err(Error::Broken(ref zh, _)) if zh.contains("目录")),
                "{r:?}"
            );
        }
    }

    #[test]
    fn ole_files_that_are_not_word_are_named() {
        let cases = [
            ("Workbook", "xls"),
            ("Book", "xls"),
            ("PowerPoint Document", "ppt"),
            ("Contents", "ole"),
        ];
        for (stream, kind) in cases {
            let bytes = make_ole(&[(stream, b"data")]);
            assert_eq!(read(&bytes), Err(Error::Unknown(kind)), "{stream}");
        }
    }

    #[test]
    fn truncated_and_garbage_files_are_errors_not_panics() {
        let bytes =
            WordFile::paragraphs(&["一、主要举措，全面推进依法行政，建设法治政府。"; 20]).bytes();
        let whole = read(&bytes).unwrap();
        for cut in (0..bytes.len()).step_by(509) {
            // Either refused, or nothing that mattered was cut (the padding of the last sector).
            match read(&bytes[..cut]) {
                Ok(e) => assert_eq!(e, whole, "cut at {cut}"),
                Err(e) => assert!(matches!(e, Error::Broken(..)), "cut at {cut}: {e}"),
            }
        }
        assert!(read(&bytes[..bytes.len() / 2]).is_err());
        let mut garbage = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
        let mut x = 12345u32;
        garbage.extend((0..8192).map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        }));
        assert!(read(&garbage).is_err());
        // Damage inside the streams: every byte of the FIB and tables set to 0xFF in turn.
        let (word, table) = WordFile::paragraphs(&["一、主要举措"]).streams();
        for at in (0..word.len()).step_by(7) {
            let mut w = word.clone();
            w[at] = 0xFF;
            let _ = read(&make_ole(&[("WordDocument", &w), ("1Table", &table)]));
        }
        for at in 0..table.len() {
            let mut t = table.clone();
            t[at] = 0xFF;
            let _ = read(&make_ole(&[("WordDocument", &word), ("1Table", &t)]));
        }
    }

    #[test]
    fn text_past_the_end_of_the_stream_is_broken() {
        let mut f = WordFile::paragraphs(&["abc"]);
        f.ccp_text = Some(100_000);
        let mut clx = vec![0x02];
        let mut plc = Vec::new();
        plc.extend(0u32.to_le_bytes());
        plc.extend(100_000u32.to_le_bytes());
        plc.extend([0, 0]);
        plc.extend((TEXT_AT as u32).to_le_bytes());
        plc.extend([0, 0]);
        clx.extend((plc.len() as u32).to_le_bytes());
        clx.extend(plc);
        f.clx = Some((clx, b"a\0".to_vec()));
        assert!(matches!(f.read(), Err(Error::Broken(..))));
    }

    #[test]
    fn word_95_and_a_missing_table_stream_are_broken() {
        let mut f = WordFile::paragraphs(&["abc"]);
        f.n_fib = Some(0x0065);
        assert!(matches!(f.read(), Err(Error::Broken(..))));
        let (word, _) = WordFile::paragraphs(&["abc"]).streams();
        let r = read(&make_ole(&[("WordDocument", &word)]));
        assert!(matches!(r, Err(Error::Broken(zh, _)) if zh.contains("1Table")));
        let r = read(&make_ole(&[("WordDocument", b"\xEC\xA5")]));
        assert!(matches!(r, Err(Error::Broken(..))));
    }

    /// A Word 6/95 WordDocument stream: the FIB's fixed fields, a font table with `charset`,
    /// and `text` (8-bit, or UTF-16 with the Far East signature) at fcMin, or through `clx`.
    fn word6(ident: u16, lid: u16, charset: u8, text: &[u8], clx: Option<&[u8]>) -> Vec<u8> {
        let mut w = vec![0u8; 0x200];
        let put =
            |w: &mut Vec<u8>, at: usize, v: u32| w[at..at + 4].copy_from_slice(&v.to_le_bytes());
        w[0..2].copy_from_slice(&ident.to_le_bytes());
        w[2..4].copy_from_slice(&0x65u16.to_le_bytes());
        w[6..8].copy_from_slice(&lid.to_le_bytes());
        let width = if ident == 0xA699 { 2 } else { 1 };
        put(&mut w, 0x18, 0x200);
        put(&mut w, 0x1C, 0x200 + text.len() as u32);
        put(&mut w, 0x34, (text.len() / width) as u32);
        w.extend(text);
        // The font table: cbSttbfffn, one FFN (cbFfn, ffid, wWeight, chs, ixchSzAlt, "F\0").
        let fonts = [9u8, 0, 0, 0, 0x90, 1, charset, 0, b'F', 0];
        let at = w.len() as u32;
        put(&mut w, 0xD0, at);
        put(&mut w, 0xD4, fonts.len() as u32);
        w.extend(fonts);
        if let Some(clx) = clx {
            w[0x0A] |= 0x04; // fComplex
            let at = w.len() as u32;
            put(&mut w, 0x160, at);
            put(&mut w, 0x164, clx.len() as u32);
            w.extend(clx);
        }
        w
    }

    fn read_word6(word: &[u8]) -> Result<Extracted, Error> {
        read(&make_ole(&[("WordDocument", word)]))
    }

    #[test]
    fn word_6_and_95_files_are_read_as_text() {
        let w = word6(
            0xA5DC,
            0x0409,
            0,
            b"Caf\xE9\r\x13 DATE \x141997\x15\x07",
            None,
        );
        let e = read_word6(&w).unwrap();
        assert_eq!((e.text.as_str(), e.format), ("Café\n1997", Format::Doc));
        // A Chinese edition saves GBK text with an English lid; its fonts say GB2312 (134).
        let gbk = b"\xB7\xA8\xD6\xCE\xD5\xFE\xB8\xAE\r\xB1\xA8\xB8\xE6\r";
        assert_eq!(
            read_word6(&word6(0xA5DC, 0x0409, 134, gbk, None))
                .unwrap()
                .text,
            "法治政府\n报告"
        );
        // Far East Word 95 writes UTF-16.
        let utf16: Vec<u8> = "法治\r报告"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            read_word6(&word6(0xA699, 0x0409, 136, &utf16, None))
                .unwrap()
                .text,
            "法治\n报告"
        );
        let mut encrypted = word6(0xA5DC, 0x0409, 0, b"a\r", None);
        encrypted[0x0B] |= 0x01; // fEncrypted: 0x0100 of the flags at 0x0A
        assert_eq!(read_word6(&encrypted), Err(Error::Encrypted));
    }

    #[test]
    fn a_fast_saved_word_6_file_is_read_through_its_pieces_in_cp_order() {
        // Text stored "world\rhello " at fcMin; the pieces put "hello " first. A double-byte
        // character split across two pieces is decoded whole.
        let text = b"world\rhello \xB7\xA8";
        let fc_min = 0x200u32;
        let mut plc = Vec::new();
        for cp in [0u32, 6, 7, 8, 14] {
            plc.extend(cp.to_le_bytes());
        }
        for fc in [fc_min + 6, fc_min + 12, fc_min + 13, fc_min] {
            plc.extend([0, 0]);
            plc.extend(fc.to_le_bytes());
            plc.extend([0, 0]);
        }
        let mut clx = vec![0x02];
        clx.extend((plc.len() as u32).to_le_bytes());
        clx.extend(plc);
        let w = word6(0xA5DC, 0x0804, 0, text, Some(&clx));
        assert_eq!(read_word6(&w).unwrap().text, "hello 法world");
    }

    #[test]
    fn wps_files_are_recognized_by_their_kingsoft_marks() {
        let mut f = WordFile::paragraphs(&["报告"]);
        f.streams = vec![("WpsCustomData", vec![1, 2, 3])];
        assert_eq!(f.read().unwrap().format, Format::Wps);
        let name = "KSOProductBuildVer";
        let mut props = vec![0u8; 48];
        props.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        f.streams = vec![("\u{5}DocumentSummaryInformation", props)];
        assert_eq!(f.read().unwrap().format, Format::Wps);
        f.streams = vec![("\u{5}DocumentSummaryInformation", vec![0; 48])];
        assert_eq!(f.read().unwrap().format, Format::Doc);
    }

    #[test]
    fn list_numbering_draws_chinese_headings_that_restart_under_each_top_heading() {
        let mut f = chinese_headings();
        f.paras = vec![
            para("主要举措", 1, numbered(1, 0)),
            para("加强领导", 2, numbered(1, 1)),
            para("正文", 0, vec![]),
            para("完善制度", 2, numbered(1, 1)),
            para("存在问题", 1, numbered(1, 0)),
            para("短板", 2, numbered(1, 1)),
        ];
        assert_eq!(
            f.text(),
            "一、主要举措\n（一）加强领导\n正文\n（二）完善制度\n二、存在问题\n（一）短板"
        );
        let e = f.read().unwrap();
        assert_eq!(e.paragraphs[0].label_len, "一、".len());
        assert_eq!(e.paragraphs[2].label_len, 0);
    }

    #[test]
    fn numbering_can_come_from_the_paragraph_style() {
        // Style 1 (Heading 1) carries the list; its paragraphs say nothing but their style.
        let mut stsh = 18u16.to_le_bytes().to_vec();
        let mut stshi = vec![0u8; 18];
        stshi[0..2].copy_from_slice(&2u16.to_le_bytes());
        stshi[2..4].copy_from_slice(&10u16.to_le_bytes());
        stsh.extend(stshi);
        for (sti, grpprl) in [(0u16, vec![]), (1, numbered(1, 0))] {
            let mut std = sti.to_le_bytes().to_vec();
            std.extend((1u16 | (0x0FFF << 4)).to_le_bytes()); // paragraph style, no base
            std.extend([2, 0, 0, 0, 0, 0]);
            std.extend([1, 0, b'N', 0, 0, 0]); // name "N"
            std.extend(((2 + grpprl.len()) as u16).to_le_bytes());
            std.extend(sti.to_le_bytes());
            std.extend(&grpprl);
            std.resize(std.len().next_multiple_of(2), 0);
            std.extend([0, 0]); // the character UPX
            stsh.extend((std.len() as u16).to_le_bytes());
            stsh.extend(std);
        }
        let mut f = chinese_headings();
        f.stsh = stsh;
        f.paras = vec![
            para("甲", 1, vec![]),
            para("乙", 0, vec![]),
            para("丙", 1, vec![]),
        ];
        let e = f.read().unwrap();
        assert_eq!(e.text, "一、甲\n乙\n二、丙");
        assert_eq!(e.paragraphs[0].outline_level, Some(1));
        // A paragraph's own ilfo 0 takes the style's numbering away.
        f.paras[2].2 = numbered(0, 0);
        assert_eq!(f.text(), "一、甲\n乙\n丙");
    }

    #[test]
    fn outline_levels_come_from_the_outline_sprm_or_the_heading_style() {
        let f = WordFile {
            paras: vec![
                para("a", 0, vec![0x40, 0x26, 2]), // sprmPOutLvl 2 → level 3
                para("b", 2, vec![]),              // istd 2: Heading 2
                para("c", 0, vec![0x40, 0x26, 9]), // body text
                para("d", 0, vec![]),
            ],
            ..WordFile::default()
        };
        let levels: Vec<_> = f
            .read()
            .unwrap()
            .paragraphs
            .iter()
            .map(|p| p.outline_level)
            .collect();
        assert_eq!(levels, [Some(3), Some(2), None, None]);
    }

    #[test]
    fn list_overrides_restart_a_list_at_their_own_start() {
        let mut f = WordFile {
            lists: lists(&[(5, vec![lvl(1, 0, 0, 0, "\u{0}.", 1)])]),
            lfo: lfos(&[(5, vec![]), (5, vec![(0, 10)])]),
            ..WordFile::default()
        };
        f.paras = vec![
            para("a", 0, numbered(1, 0)),
            para("b", 0, numbered(1, 0)),
            para("c", 0, numbered(2, 0)),
            para("d", 0, numbered(1, 0)),
        ];
        // Both LFOs count one list; the second starts it again at 10. A follow of 1 is a space.
        assert_eq!(f.text(), "1. a\n2. b\n10. c\n11. d");
    }

    #[test]
    fn a_start_override_of_a_parent_level_shows_as_the_parent_number() {
        // Word's own Bug52311.doc: a heading list restarted by an LFO at 2 (level 1) and 99
        // (level 2), first used at level 2: Word draws 2.99, then 2.100, then 3 at level 1.
        let mut f = WordFile {
            lists: lists(&[(
                1,
                vec![
                    lvl(1, 0, 0, 0, "\u{0}", 2),
                    lvl(1, 0, 0, 0, "\u{0}.\u{1}", 2),
                ],
            )]),
            lfo: lfos(&[(1, vec![]), (1, vec![(0, 2), (1, 99)])]),
            ..WordFile::default()
        };
        f.paras = vec![
            para("a", 0, numbered(1, 0)),
            para("b", 0, numbered(2, 1)),
            para("c", 0, numbered(2, 1)),
            para("d", 0, numbered(1, 0)),
        ];
        assert_eq!(f.text(), "1a\n2.99b\n2.100c\n3d");
    }

    #[test]
    fn a_level_marked_no_restart_keeps_counting_under_new_parents() {
        let f = |flags: u8, limit: u8| {
            let mut f = WordFile {
                lists: lists(&[(
                    1,
                    vec![
                        lvl(1, 0, 0, 0, "\u{0}", 2),
                        lvl(1, 0, 0, 0, "\u{0}.\u{1}", 2),
                        lvl(1, 0, flags, limit, "\u{0}.\u{1}.\u{2}", 2),
                    ],
                )]),
                lfo: lfos(&[(1, vec![])]),
                ..WordFile::default()
            };
            f.paras = [(0, "a"), (2, "b"), (1, "c"), (2, "d"), (0, "e"), (2, "f")]
                .iter()
                .map(|&(l, t)| para(t, 0, numbered(1, l)))
                .collect();
            f.text()
        };
        assert_eq!(f(0, 0), "1a\n1.1.1b\n1.1c\n1.1.1d\n2e\n2.1.1f");
        // fNoRestart with ilvlRestartLim 1: only level 0 restarts it.
        assert_eq!(f(0x08, 1), "1a\n1.1.1b\n1.1c\n1.1.2d\n2e\n2.1.1f");
    }

    #[test]
    fn legal_numbering_draws_every_level_in_decimal() {
        let mut f = WordFile {
            lists: lists(&[(
                1,
                vec![
                    lvl(1, 35, 0, 0, "\u{0}、", 2),
                    lvl(1, 0, 0x04, 0, "\u{0}.\u{1}", 1),
                ],
            )]),
            lfo: lfos(&[(1, vec![])]),
            ..WordFile::default()
        };
        f.paras = vec![
            para("a", 0, numbered(1, 0)),
            para("b", 0, numbered(1, 0)),
            para("c", 0, numbered(1, 1)),
        ];
        assert_eq!(f.text(), "一、a\n二、b\n2.1 c");
    }

    #[test]
    fn bullets_draw_a_bullet_and_a_tab() {
        let mut f = WordFile {
            lists: lists(&[(1, vec![lvl(1, 23, 0, 0, "\u{F0B7}", 0)])]),
            lfo: lfos(&[(1, vec![])]),
            ..WordFile::default()
        };
        f.paras = vec![para("要点", 0, numbered(1, 0))];
        assert_eq!(f.text(), "•\t要点");
    }

    #[test]
    fn damaged_list_tables_cost_the_labels_not_the_text() {
        let mut f = chinese_headings();
        f.paras = vec![para("主要举措", 1, numbered(1, 0)), para("b", 0, vec![])];
        f.lists.0.truncate(1); // the list count cut short
        assert_eq!(f.text(), "主要举措\nb");
        let mut f = chinese_headings();
        f.paras = vec![para("主要举措", 1, numbered(9, 0))]; // no such LFO
        assert_eq!(f.text(), "主要举措");
        f.lfo = vec![0xFF; 3];
        assert_eq!(f.text(), "主要举措");
    }

    #[test]
    fn number_formats_draw_as_word_draws_them() {
        let table: &[(u8, u32, &str)] = &[
            (0, 12, "12"),
            (1, 14, "XIV"),
            (2, 9, "ix"),
            (3, 28, "BB"),
            (4, 3, "c"),
            (5, 2, "2"),
            (14, 7, "７"),
            (19, 12, "１２"),
            (18, 3, "③"),
            (18, 21, "21"),
            (22, 7, "07"),
            (23, 5, "•"),
            (26, 2, "⒉"),
            (27, 2, "⑵"),
            (28, 20, "⑳"),
            (29, 4, "㈣"),
            (30, 3, "丙"),
            (31, 2, "丑"),
            (10, 4, "四"),
            (33, 11, "十一"),
            (35, 20, "二十"),
            (37, 3, "三"),
            (39, 105, "一百零五"),
            (34, 12, "壹拾貳"),
            (38, 12, "壹拾贰"),
            (11, 3, "叁"),
            (36, 105, "一〇五"),
            (40, 20, "二〇"),
            (255, 3, ""),
            (99, 4, "4"),
        ];
        for &(nfc, n, want) in table {
            assert_eq!(format_number(n, nfc), want, "nfc {nfc}, {n}");
        }
    }

    #[test]
    fn chinese_counting_drops_the_one_of_ten_and_writes_zeros_once() {
        let c = |n| format_number(n, 35);
        assert_eq!(c(10), "十");
        assert_eq!(c(19), "十九");
        assert_eq!(c(21), "二十一");
        assert_eq!(c(110), "一百一十");
        assert_eq!(c(1005), "一千零五");
        assert_eq!(c(20_000), "二万");
        assert_eq!(c(0), "零");
    }

    #[test]
    fn the_libreoffice_fixture_numbers_its_headings_and_gives_their_levels() {
        let bytes =
            include_bytes!("../../../tests/fixtures/formats/000_0ac10b74a13066d8.autonum.doc");
        let e = read(bytes).unwrap();
        let heading = |p: &crate::formats::ParagraphHint| {
            (
                p.outline_level,
                e.text[p.span.start..p.span.start + p.label_len].to_string(),
            )
        };
        let numbered: Vec<_> = e.paragraphs.iter().filter(|p| p.label_len > 0).collect();
        assert_eq!(heading(numbered[0]), (Some(1), "一、".into()));
        assert_eq!(heading(numbered[1]), (Some(1), "二、".into()));
        assert_eq!(heading(numbered[2]), (Some(2), "（一）".into()));
    }
}
