//! Zip: the container of .docx and .ofd files — a central directory read from the end, entries
//! stored or deflated (miniz_oxide, pure Rust).
//!
//! Written here rather than taken from the `zip` crate because only reading two methods is needed
//! and the limits must be exact: every entry is inflated with a ceiling, and the archive keeps one
//! budget for all of them, so a zip bomb is refused after at most [`Limits::max_inflated`] bytes.
//! Measured (#13): the crate, even without its default features, adds 64 KB gzipped to the page's
//! readers module and refuses entries with a wrong CRC-32 (numbers in Cargo.toml).

use std::cell::Cell;
use std::collections::HashMap;

use super::Limits;
use crate::error::Error;

/// One file inside the archive.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    method: u16,
    encrypted: bool,
    compressed: usize,
    size: usize,
    local_header: usize,
    flags: u16,
    crc: u32,
    /// The name's bytes as stored (GBK or UTF-8), for copying the entry as it is.
    raw_name: std::ops::Range<usize>,
}

/// An entry as it is stored: what a writer needs to copy it unchanged (compressed bytes, CRC).
#[derive(Debug, Clone, Copy)]
pub struct StoredEntry<'a> {
    /// The decoded name.
    pub name: &'a str,
    /// The name as stored.
    pub raw_name: &'a [u8],
    /// General purpose flags (bit 11: UTF-8 name).
    pub flags: u16,
    /// 0 stored, 8 deflated.
    pub method: u16,
    /// CRC-32 of the uncompressed bytes.
    pub crc: u32,
    /// Uncompressed size as declared.
    pub size: u32,
    /// The compressed bytes.
    pub data: &'a [u8],
}

/// A zip archive read from memory.
#[derive(Debug)]
pub struct Archive<'a> {
    bytes: &'a [u8],
    entries: Vec<Entry>,
    /// Entry index by exact name and by ASCII-lowercased name (the first in directory order
    /// wins): an OFD looks a part up per page, and a scan of 60,000 entries per page for 100,000
    /// pages took 13 s (#12.10).
    by_name: HashMap<String, usize>,
    by_folded_name: HashMap<String, usize>,
    budget: Cell<usize>,
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn broken(zh: &str, en: &str) -> Error {
    Error::Broken(format!("压缩包{zh}"), format!("zip archive: {en}"))
}

/// An entry's name: UTF-8 when the archive says so (flag bit 11) or the bytes are valid UTF-8;
/// otherwise the local code page of whoever zipped it, which for Chinese reports is GBK
/// (Windows' built-in "send to compressed folder" and most Chinese zip tools).
fn entry_name(raw: &[u8], flags: u16) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) if flags & 0x800 != 0 => String::from_utf8_lossy(raw).into_owned(),
        Err(_) => crate::text::decode::decode_with(raw, "GB18030"),
    }
}

impl<'a> Archive<'a> {
    /// Reads the central directory; fails on a truncated archive or too many entries.
    pub fn new(bytes: &'a [u8], limits: &Limits) -> Result<Self, Error> {
        // The end record is the last 22 bytes, unless a comment (up to 64 KB) follows it.
        let from = bytes.len().saturating_sub(22 + 0xFFFF);
        let eocd = (from..=bytes.len().saturating_sub(22))
            .rev()
            .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))
            .ok_or_else(|| {
                broken(
                    "不完整（找不到目录，文件可能被截断）",
                    "no central directory (truncated?)",
                )
            })?;
        let count = u16_at(bytes, eocd + 10).unwrap_or(0) as usize;
        let cd_offset = u32_at(bytes, eocd + 16).unwrap_or(0) as usize;
        if count == 0xFFFF || cd_offset == 0xFFFF_FFFF {
            return Err(broken(
                "使用了不支持的 ZIP64 格式",
                "ZIP64 is not supported",
            ));
        }
        if count > limits.max_entries {
            return Err(Error::TooLarge("entries"));
        }
        let mut entries = Vec::with_capacity(count);
        let mut at = cd_offset;
        for _ in 0..count {
            if u32_at(bytes, at) != Some(0x0201_4b50) {
                return Err(broken("目录已损坏", "central directory is damaged"));
            }
            let field = |off: usize| u32_at(bytes, at + off).unwrap_or(0) as usize;
            let short = |off: usize| u16_at(bytes, at + off).unwrap_or(0);
            let name_len = short(28) as usize;
            let extra_len = short(30) as usize;
            let comment_len = short(32) as usize;
            let name = bytes
                .get(at + 46..at + 46 + name_len)
                .ok_or_else(|| broken("目录已损坏", "central directory is damaged"))?;
            entries.push(Entry {
                name: entry_name(name, short(8)),
                method: short(10),
                encrypted: short(8) & 1 != 0,
                compressed: field(20),
                size: field(24),
                local_header: field(42),
                flags: short(8),
                crc: field(16) as u32,
                raw_name: at + 46..at + 46 + name_len,
            });
            at += 46 + name_len + extra_len + comment_len;
        }
        let mut by_name = HashMap::with_capacity(entries.len());
        let mut by_folded_name = HashMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            by_name.entry(e.name.clone()).or_insert(i);
            by_folded_name
                .entry(e.name.to_ascii_lowercase())
                .or_insert(i);
        }
        Ok(Archive {
            bytes,
            entries,
            by_name,
            by_folded_name,
            budget: Cell::new(limits.max_inflated),
        })
    }

    /// Whether the archive has an entry of this name.
    pub fn has(&self, name: &str) -> bool {
        self.entry(name).is_some()
    }

    /// Names of all entries, in directory order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|e| e.name.as_str())
    }

    fn entry(&self, name: &str) -> Option<&Entry> {
        let name = name.trim_start_matches('/');
        let i = self
            .by_name
            .get(name)
            .or_else(|| self.by_folded_name.get(&name.to_ascii_lowercase()))?;
        self.entries.get(*i)
    }

    /// Every entry as stored, in directory order (to copy them into a new archive unchanged).
    pub fn stored(&self) -> Result<Vec<StoredEntry<'_>>, Error> {
        self.entries
            .iter()
            .map(|e| {
                if e.encrypted {
                    return Err(Error::Encrypted);
                }
                Ok(StoredEntry {
                    name: &e.name,
                    raw_name: &self.bytes[e.raw_name.clone()],
                    flags: e.flags,
                    method: e.method,
                    crc: e.crc,
                    size: e.size as u32,
                    data: self.data(e)?,
                })
            })
            .collect()
    }

    /// An entry's compressed bytes.
    fn data(&self, e: &Entry) -> Result<&'a [u8], Error> {
        let damaged = || {
            broken(
                &format!("中的 {} 已损坏或被截断", e.name),
                &format!("{} is damaged or truncated", e.name),
            )
        };
        let h = e.local_header;
        if u32_at(self.bytes, h) != Some(0x0403_4b50) {
            return Err(damaged());
        }
        let start = h
            + 30
            + u16_at(self.bytes, h + 26).unwrap_or(0) as usize
            + u16_at(self.bytes, h + 28).unwrap_or(0) as usize;
        self.bytes
            .get(start..start.saturating_add(e.compressed))
            .ok_or_else(damaged)
    }

    /// The contents of an entry; `Ok(None)` when there is none of that name.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(e) = self.entry(name) else {
            return Ok(None);
        };
        if e.encrypted {
            return Err(Error::Encrypted);
        }
        let damaged = || {
            broken(
                &format!("中的 {} 已损坏或被截断", e.name),
                &format!("{} is damaged or truncated", e.name),
            )
        };
        let data = self.data(e)?;
        let budget = self.budget.get();
        let out = match e.method {
            0 => data.to_vec(),
            8 => {
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, budget).map_err(|err| {
                    if matches!(err.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                        Error::TooLarge("inflated")
                    } else {
                        damaged()
                    }
                })?
            }
            m => {
                return Err(broken(
                    &format!("中的 {} 使用了不支持的压缩方法 {m}", e.name),
                    &format!("{} uses unsupported compression method {m}", e.name),
                ));
            }
        };
        if out.len() > budget {
            return Err(Error::TooLarge("inflated"));
        }
        self.budget.set(budget - out.len());
        let _ = e.size; // the declared size is not trusted; the budget is what counts
        Ok(Some(out))
    }
}

/// The test zip writer, shared with the integration tests.
#[cfg(test)]
#[path = "../../tests/common/zip.rs"]
mod test_writer;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::error::LIMITS;

    pub(crate) use super::test_writer::make_zip;

    #[test]
    fn gbk_entry_names_are_decoded() {
        // `报告.txt` in UTF-8 (10 bytes) becomes `报告ab.txt` in GBK (also 10 bytes), unflagged.
        let mut z = make_zip(&[("报告.txt", b"x", false)]);
        let utf8 = "报告.txt".as_bytes();
        let gbk = b"\xB1\xA8\xB8\xE6ab.txt";
        while let Some(at) = z.windows(utf8.len()).position(|w| w == utf8) {
            z[at..at + utf8.len()].copy_from_slice(gbk);
        }
        let a = Archive::new(&z, &LIMITS).unwrap();
        assert_eq!(a.names().collect::<Vec<_>>(), ["报告ab.txt"]);
        assert_eq!(a.read("报告ab.txt").unwrap().unwrap(), b"x");
    }

    #[test]
    fn reads_stored_and_deflated_entries() {
        let z = make_zip(&[
            ("mimetype", b"plain", false),
            (
                "word/document.xml",
                "<w:t>一、主要举措</w:t>".as_bytes(),
                true,
            ),
        ]);
        let a = Archive::new(&z, &LIMITS).unwrap();
        assert_eq!(a.read("mimetype").unwrap().unwrap(), b"plain");
        assert_eq!(
            a.read("word/document.xml").unwrap().unwrap(),
            "<w:t>一、主要举措</w:t>".as_bytes()
        );
        assert_eq!(a.read("word/missing.xml").unwrap(), None);
        assert_eq!(a.names().count(), 2);
    }

    #[test]
    fn a_zip_bomb_is_refused_once_the_budget_is_spent() {
        let zeros = vec![0u8; 4 << 20];
        let z = make_zip(&[("a.xml", &zeros, true), ("b.xml", &zeros, true)]);
        let small = Limits {
            max_inflated: 6 << 20,
            ..LIMITS
        };
        let a = Archive::new(&z, &small).unwrap();
        assert!(a.read("a.xml").unwrap().is_some());
        assert_eq!(a.read("b.xml"), Err(Error::TooLarge("inflated")));
    }

    #[test]
    fn a_truncated_archive_names_the_problem() {
        let z = make_zip(&[("word/document.xml", b"<w:document/>", true)]);
        let err = Archive::new(&z[..z.len() - 30], &LIMITS).unwrap_err();
        assert!(
            matches!(err, Error::Broken(ref zh, _) if zh.contains("截断")),
            "{err:?}"
        );
        // Entry data cut short: the directory is intact but the data is not.
        let mut cut = z.clone();
        let body_at = 30 + "word/document.xml".len();
        cut[body_at..body_at + 4].copy_from_slice(&[0xFF; 4]);
        let a = Archive::new(&cut, &LIMITS).unwrap();
        assert!(matches!(
            a.read("word/document.xml"),
            Err(Error::Broken(..))
        ));
    }

    #[test]
    fn encrypted_entries_are_reported_as_encrypted() {
        let mut z = make_zip(&[("word/document.xml", b"x", false)]);
        let cd = z.len() - 22 - (46 + "word/document.xml".len());
        z[cd + 8] |= 1;
        let a = Archive::new(&z, &LIMITS).unwrap();
        assert_eq!(a.read("word/document.xml"), Err(Error::Encrypted));
    }

    #[test]
    fn names_without_the_utf8_flag_are_read_as_gbk() {
        // "报告.txt" in GBK, as Windows zips it: no UTF-8 flag.
        let gbk = b"\xb1\xa8\xb8\xe6.txt";
        assert_eq!(entry_name(gbk, 0), "报告.txt");
        assert_eq!(entry_name("报告.txt".as_bytes(), 0x800), "报告.txt");
        assert_eq!(entry_name("报告.txt".as_bytes(), 0), "报告.txt");
    }

    #[test]
    fn entries_are_found_by_name_in_constant_time() {
        // #12.10: 60,000 entries looked up once per page for 100,000 pages took 13 s.
        let names: Vec<String> = (0..60_000)
            .map(|i| format!("Doc_0/Pages/Page_{i}/Content.xml"))
            .collect();
        let files: Vec<(&str, &[u8], bool)> = names
            .iter()
            .map(|n| (n.as_str(), &b"x"[..], false))
            .collect();
        let z = make_zip(&files);
        let a = Archive::new(&z, &LIMITS).unwrap();
        let t = std::time::Instant::now();
        for i in 0..100_000 {
            assert!(a.has(&names[(i * 7) % names.len()]));
        }
        assert!(
            a.has("/DOC_0/pages/Page_5/Content.xml"),
            "case-insensitive, leading slash"
        );
        assert!(!a.has("Doc_0/Pages/Page_60000/Content.xml"));
        eprintln!("100,000 lookups among 60,000 entries: {:?}", t.elapsed());
        assert!(t.elapsed().as_secs() < 5);
    }

    #[test]
    fn too_many_entries_are_refused() {
        let z = make_zip(&[("a", b"1", false), ("b", b"2", false)]);
        let tight = Limits {
            max_entries: 1,
            ..LIMITS
        };
        assert_eq!(
            Archive::new(&z, &tight).unwrap_err(),
            Error::TooLarge("entries")
        );
    }
}
