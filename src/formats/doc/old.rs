//! Word 6 and Word 95: their FIB of fixed offsets, their code page, and their text only.

use super::damage::{broken, truncated};
use super::document::Document;
use super::numbering::{Lists, Numbering};
use super::pieces::{Piece, cp1252, pieces};
use super::props::Styles;
use crate::error::Error;
use crate::formats::cfb::{u16_at, u32_at};
use crate::formats::extracted::{Extracted, Format, TextBuilder};

/// The FIB of Word 6 and Word 95 (nFib 101–105): everything is in WordDocument, at fixed
/// offsets, and the text is 8-bit in the document's code page — or UTF-16 in the Far East
/// editions of Word 95, which say so with their own signature.
#[derive(Debug)]
pub(super) struct OldFib {
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
    pub(super) fn parse(word: &[u8]) -> Result<Option<Self>, Error> {
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
pub(super) fn read_old(word: &[u8], fib: &OldFib, format: Format) -> Result<Extracted, Error> {
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

#[cfg(test)]
mod tests {
    use super::super::read;
    use crate::error::Error;
    use crate::formats::cfb::tests::make_ole;
    use crate::formats::{Extracted, Format};

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
}
