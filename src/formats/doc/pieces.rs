//! The piece table (CLX): where each run of the main text is stored, and in which encoding.

use super::damage::broken;
use crate::error::Error;
use crate::error::LIMITS;
use crate::formats::cfb::{u16_at, u32_at};

/// One piece of the main text: characters [cp, cp_end) stored at `fc` in WordDocument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Piece {
    pub(super) cp: usize,
    pub(super) cp_end: usize,
    /// Byte offset of the first character in the WordDocument stream.
    pub(super) fc: usize,
    /// One byte per character (cp1252) rather than two (UTF-16LE).
    pub(super) compressed: bool,
}

/// The piece table from the CLX: Prc entries (property modifiers) are skipped, the Pcdt read.
pub(super) fn pieces(clx: &[u8]) -> Result<Vec<Piece>, Error> {
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
pub(super) fn cp1252(b: u8) -> u16 {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::doc::tests::{TEXT_AT, WordFile, units};

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
}
