//! Hostile files built in the tests (nothing large is committed): deflate bombs written bit by
//! bit, small PDFs, OFDs and zips with aliased entries.

/// Raw deflate of `1 + 258·k` zero bytes (at least `n`): one fixed-Huffman block of a literal 0
/// and `k` matches of length 258 at distance 1 — 13 bits per 258 bytes, so 1 GB is 6.5 MB.
pub fn deflate_zeros(n: usize) -> Vec<u8> {
    let mut w = Bits::default();
    w.put(1, 1); // BFINAL
    w.put(1, 2); // BTYPE = fixed Huffman
    w.code(0x30, 8); // literal 0
    for _ in 0..n.saturating_sub(1).div_ceil(258) {
        w.code(0xC5, 8); // length code 285: 258
        w.code(0, 5); // distance code 0: 1
    }
    w.code(0, 7); // end of block
    w.out
}

/// The number of bytes [`deflate_zeros`] inflates to.
pub fn zeros_len(n: usize) -> usize {
    1 + n.saturating_sub(1).div_ceil(258) * 258
}

/// A zlib stream of [`deflate_zeros`].
pub fn zlib_zeros(n: usize) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    out.extend(deflate_zeros(n));
    let b = (zeros_len(n) % 65521) as u32;
    out.extend_from_slice(&((b << 16) | 1).to_be_bytes());
    out
}

#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    bit: u32,
}

impl Bits {
    /// `len` bits of `v`, least significant first (header fields, extra bits).
    fn put(&mut self, v: u32, len: u32) {
        for i in 0..len {
            if self.bit == 0 {
                self.out.push(0);
            }
            *self.out.last_mut().unwrap() |= (((v >> i) & 1) as u8) << self.bit;
            self.bit = (self.bit + 1) % 8;
        }
    }
    /// A Huffman code, most significant bit first.
    fn code(&mut self, v: u32, len: u32) {
        for i in (0..len).rev() {
            self.put((v >> i) & 1, 1);
        }
    }
}

pub use super::pdf::{pdf, stream};

/// A one-page PDF in Helvetica: objects 1–5 are catalog, pages, page, font and `content`;
/// `extra` objects follow from 6.
pub fn pdf_page(content: &[u8], page_extra: &str, extra: &[Vec<u8>]) -> Vec<u8> {
    let mut objects = vec![
        b"<</Type/Catalog/Pages 2 0 R>>".to_vec(),
        b"<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>".to_vec(),
        format!(
            "<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 4 0 R>>{page_extra}>>/Contents 5 0 R>>"
        )
        .into_bytes(),
        b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>".to_vec(),
        stream("", content),
    ];
    objects.extend_from_slice(extra);
    pdf(&objects, "")
}

pub const OFD_NS: &str = r#"xmlns:ofd="http://www.ofdspec.org/2016""#;

/// OFD.xml pointing at Doc_0/Document.xml.
pub fn ofd_xml() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {OFD_NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
    )
}

/// Document.xml with `common` inside CommonData and pages at these locations.
pub fn ofd_document(common: &str, pages: &[String]) -> String {
    let pages: String = pages
        .iter()
        .enumerate()
        .map(|(i, p)| format!(r#"<ofd:Page ID="{i}" BaseLoc="{p}"/>"#))
        .collect();
    format!(
        r#"<ofd:Document {OFD_NS}><ofd:CommonData>{common}</ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>"#
    )
}

/// A page's Content.xml: `before` (templates) and one text object of `text`.
pub fn ofd_page(before: &str, text: &str) -> String {
    format!(
        r#"<ofd:Page {OFD_NS}>{before}<ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="9" Boundary="30 40 150 6" Size="5.6"><ofd:TextCode X="0" Y="4">{text}</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"#
    )
}

/// A zip of `files` whose central directory also lists each `(alias, target)`: a second name for
/// the target's data (entries that overlap, sharing their compressed bytes).
pub fn zip_with_aliases(files: &[(&str, &[u8], bool)], aliases: &[(String, &str)]) -> Vec<u8> {
    let z = super::zip::make_zip(files);
    let eocd = z.len() - 22;
    let cd_offset = u32::from_le_bytes(z[eocd + 16..eocd + 20].try_into().unwrap()) as usize;
    let mut cd = z[cd_offset..eocd].to_vec();
    // Find each target's record and copy it under the alias's name.
    let mut records = Vec::new();
    let mut at = 0;
    while at + 46 <= cd.len() {
        let name_len = u16::from_le_bytes([cd[at + 28], cd[at + 29]]) as usize;
        let name = String::from_utf8_lossy(&cd[at + 46..at + 46 + name_len]).into_owned();
        records.push((name, cd[at..at + 46].to_vec()));
        at += 46 + name_len;
    }
    for (alias, target) in aliases {
        let (_, rec) = records.iter().find(|(n, _)| n == target).expect("target");
        let mut rec = rec.clone();
        rec[28..30].copy_from_slice(&(alias.len() as u16).to_le_bytes());
        cd.extend_from_slice(&rec);
        cd.extend_from_slice(alias.as_bytes());
    }
    let count = (files.len() + aliases.len()) as u16;
    let mut out = z[..cd_offset].to_vec();
    out.extend_from_slice(&cd);
    out.extend_from_slice(b"PK\x05\x06\0\0\0\0");
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&(cd.len() as u32).to_le_bytes());
    out.extend_from_slice(&(cd_offset as u32).to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    out
}
