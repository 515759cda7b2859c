//! Read .doc and .wps: Word 97–2003 and Kingsoft WPS Writer binaries → the main document's text,
//! one line per paragraph, with the numbers Word's list numbering draws (`一、`, `（一）`).
//!
//! The path through the file (MS-DOC): the OLE container ([`super::cfb`]) → the `WordDocument`
//! stream's FIB → the piece table (CLX) in the `1Table`/`0Table` stream → the characters of the
//! main document. Per paragraph, the PAPX (bin table → FKP pages) and its style (STSH) give the
//! list (LFO → LSTF → LVL) and level, and the outline level. Numbering tables that are damaged
//! cost only the labels, never the text. Word 6 and Word 95 files give their text only: one
//! stream, a FIB of fixed offsets, text in the document's code page (GBK or Big5 when Chinese).
//!
//! Where the parts live: `fib` (Word 97 and later) and `old` (Word 6/95) read the FIB; `pieces`
//! the piece table and the encodings of the text; `props` the paragraph properties and styles;
//! `numbering` the lists and the labels they draw; `document` walks the main text into paragraphs.
//! Here: [`read`], which tells Word from WPS and from other OLE files; `damage` holds the errors the
//! parts share.

use super::cfb::Compound;
use super::extracted::{Extracted, Format, TextBuilder};
use crate::error::Error;
use crate::error::LIMITS;

mod damage;
mod document;
mod fib;
mod numbering;
mod old;
mod pieces;
mod props;

use damage::broken;
use document::Document;
use fib::Fib;
use numbering::{Lists, Numbering};
use old::{OldFib, read_old};
use pieces::pieces;
use props::{Styles, para_runs};

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
            if crate::formats::bytes::find(&props, mark.as_bytes()).is_some()
                || crate::formats::bytes::find(&props, &utf16).is_some()
            {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::super::cfb::tests::make_ole;
    use super::*;

    pub(super) const TEXT_AT: usize = 1024;
    const FIB_TABLE_1: u16 = 0x0200;

    /// A small Word file built field by field, as Word 97 lays it out.
    #[derive(Default)]
    pub(super) struct WordFile {
        /// Paragraphs: text (without its mark), istd, grpprl of its PAPX.
        pub(super) paras: Vec<(Vec<u16>, u16, Vec<u8>)>,
        /// Characters instead of `paras`, marks included, all in one PAPX run without properties.
        pub(super) raw: Option<Vec<u16>>,
        pub(super) compressed: bool,
        pub(super) flags: u16,
        pub(super) n_fib: Option<u16>,
        pub(super) ccp_text: Option<usize>,
        /// A whole CLX and the bytes stored at TEXT_AT instead of the generated ones.
        pub(super) clx: Option<(Vec<u8>, Vec<u8>)>,
        pub(super) stsh: Vec<u8>,
        /// PlfLst (cLst + LSTFs), then the LVLs that follow it.
        pub(super) lists: (Vec<u8>, Vec<u8>),
        pub(super) lfo: Vec<u8>,
        pub(super) streams: Vec<(&'static str, Vec<u8>)>,
    }

    pub(super) fn units(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    impl WordFile {
        pub(super) fn paragraphs(texts: &[&str]) -> Self {
            WordFile {
                paras: texts.iter().map(|t| (units(t), 0, Vec::new())).collect(),
                ..Self::default()
            }
        }

        pub(super) fn raw(text: &str) -> Self {
            WordFile {
                raw: Some(units(text)),
                ..Self::default()
            }
        }

        /// The WordDocument and 1Table streams.
        pub(super) fn streams(&self) -> (Vec<u8>, Vec<u8>) {
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

        pub(super) fn bytes(&self) -> Vec<u8> {
            let (word, table) = self.streams();
            let mut streams: Vec<(&str, &[u8])> = vec![("WordDocument", &word), ("1Table", &table)];
            streams.extend(self.streams.iter().map(|(n, d)| (*n, d.as_slice())));
            make_ole(&streams)
        }

        pub(super) fn read(&self) -> Result<Extracted, Error> {
            read(&self.bytes())
        }

        pub(super) fn text(&self) -> String {
            self.read().unwrap().text
        }
    }

    /// A grpprl setting the list (sprmPIlfo) and level (sprmPIlvl).
    pub(super) fn numbered(ilfo: u16, ilvl: u8) -> Vec<u8> {
        let mut g = vec![0x0A, 0x26, ilvl, 0x0B, 0x46];
        g.extend(ilfo.to_le_bytes());
        g
    }

    /// One LVL: start, number format, flags, number text (chars 0–8 are placeholders), follow.
    pub(super) fn lvl(
        start: u32,
        nfc: u8,
        flags: u8,
        restart_limit: u8,
        text: &str,
        follow: u8,
    ) -> Vec<u8> {
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
    pub(super) fn lists(lists: &[(u32, Vec<Vec<u8>>)]) -> (Vec<u8>, Vec<u8>) {
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
    pub(super) fn lfos(lfos: &[(u32, Vec<(u8, u32)>)]) -> Vec<u8> {
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
    pub(super) fn chinese_headings() -> WordFile {
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

    pub(super) fn para(text: &str, istd: u16, grpprl: Vec<u8>) -> (Vec<u16>, u16, Vec<u8>) {
        (units(text), istd, grpprl)
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
