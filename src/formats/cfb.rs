//! OLE compound files (CFB, MS-CFB): the container of .doc, .wps, .xls and .ppt — header,
//! DIFAT/FAT, the directory and the mini stream, read-only and from memory.
//!
//! Written here rather than taken from the `cfb` crate because only reading a few top-level
//! streams is needed, the page's wasm stays smaller without it (measured, #13: the crate adds
//! 24 KB gzipped to the readers module; numbers in Cargo.toml), and every chain walk must be
//! bounded: a sector chain that loops or points outside the file is refused, never followed forever.

use super::Limits;
use crate::error::Error;

const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE_SECTOR: u32 = 0xFFFF_FFFF;
const NO_STREAM: u32 = 0xFFFF_FFFF;
const MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const DIR_ENTRY_LEN: usize = 128;
const MINI_SECTOR_LEN: usize = 64;

/// The little-endian u16 at `at`, if the bytes are there.
pub(crate) fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    let s = b.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([s[0], s[1]]))
}

/// The little-endian u32 at `at`, if the bytes are there.
pub(crate) fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    let s = b.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn broken(zh: &str, en: &str) -> Error {
    Error::Broken(
        format!("OLE 复合文件{zh}"),
        format!("OLE compound file: {en}"),
    )
}

/// A stream or storage directly under the root storage.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    is_stream: bool,
    start: u32,
    size: usize,
}

/// An OLE compound file read from memory: the top-level entries and how to read their streams.
#[derive(Debug)]
pub struct Compound<'a> {
    bytes: &'a [u8],
    sector_len: usize,
    mini_cutoff: usize,
    fat: Vec<u32>,
    minifat: Vec<u32>,
    mini_stream: Vec<u8>,
    entries: Vec<Entry>,
    /// The directory tree points outside the directory, at unused entries or entries of no known
    /// type, or leaves a `WordDocument` stream unreachable: a file that finds no Word stream
    /// then is damaged, not some other kind of OLE file (#12.13).
    pub directory_damaged: bool,
}

impl<'a> Compound<'a> {
    /// Reads the header, the allocation tables and the directory; fails on a truncated or
    /// damaged file and on more directory entries than [`Limits::max_entries`].
    pub fn new(bytes: &'a [u8], limits: &Limits) -> Result<Self, Error> {
        if !bytes.starts_with(MAGIC) || bytes.len() < 512 {
            return Err(broken("不完整（文件头被截断）", "the header is truncated"));
        }
        let shift = u16_at(bytes, 30).unwrap_or(0);
        if shift != 9 && shift != 12 {
            return Err(broken("的扇区大小无效", "invalid sector size"));
        }
        let sector_len = 1usize << shift;
        let major = u16_at(bytes, 26).unwrap_or(3);
        // Sectors the file can hold: every chain and table is bounded by this.
        let sectors_in_file = (bytes.len() / sector_len).saturating_sub(1) + 1;
        let header = |at| u32_at(bytes, at).unwrap_or(0);
        let mut c = Compound {
            bytes,
            sector_len,
            mini_cutoff: header(56) as usize,
            fat: Vec::new(),
            minifat: Vec::new(),
            mini_stream: Vec::new(),
            entries: Vec::new(),
            directory_damaged: false,
        };

        // DIFAT: 109 FAT sector numbers in the header, then a chain of DIFAT sectors.
        let fat_sector_count = (header(44) as usize).min(sectors_in_file);
        let mut fat_sectors: Vec<u32> = (0..109)
            .map(|i| header(76 + 4 * i))
            .filter(|&s| s != FREE_SECTOR)
            .collect();
        let mut difat = header(68);
        let mut hops = 0;
        while difat != END_OF_CHAIN && difat != FREE_SECTOR && fat_sectors.len() < fat_sector_count
        {
            hops += 1;
            if hops > sectors_in_file {
                return Err(broken("的 DIFAT 链成环", "the DIFAT chain loops"));
            }
            let sector = c.sector(difat)?;
            let per = sector_len / 4 - 1;
            fat_sectors.extend(
                (0..per)
                    .filter_map(|i| u32_at(sector, 4 * i))
                    .filter(|&s| s != FREE_SECTOR),
            );
            difat = u32_at(sector, 4 * per).unwrap_or(END_OF_CHAIN);
        }
        fat_sectors.truncate(fat_sector_count.max(1));
        let mut fat = Vec::with_capacity(fat_sectors.len() * sector_len / 4);
        for &s in &fat_sectors {
            let sector = c.sector(s)?;
            fat.extend((0..sector_len / 4).filter_map(|i| u32_at(sector, 4 * i)));
        }
        c.fat = fat;

        // The directory: 128-byte entries; the root's tree of children is walked below.
        let dir = c.chain_bytes(header(48), &c.fat, sector_len, None)?;
        let count = dir.len() / DIR_ENTRY_LEN;
        if count > limits.max_entries {
            return Err(Error::TooLarge("entries"));
        }
        let entry = |i: usize| dir.get(i * DIR_ENTRY_LEN..(i + 1) * DIR_ENTRY_LEN);
        let root = entry(0)
            .filter(|e| e[66] == 5)
            .ok_or_else(|| broken("缺少根目录", "no root entry"))?;
        let size_of = |e: &[u8]| -> usize {
            let low = u32_at(e, 120).unwrap_or(0) as usize;
            // Version 3 files may leave garbage in the high half.
            let high = if major >= 4 {
                u32_at(e, 124).unwrap_or(0)
            } else {
                0
            };
            if high != 0 { usize::MAX } else { low }
        };

        // The mini stream (the root's data) holds the streams below the cutoff in 64-byte sectors.
        let root_start = u32_at(root, 116).unwrap_or(END_OF_CHAIN);
        let root_size = size_of(root);
        c.minifat = {
            let raw = c.chain_bytes(header(60), &c.fat, sector_len, None)?;
            (0..raw.len() / 4)
                .filter_map(|i| u32_at(&raw, 4 * i))
                .collect()
        };
        if root_size > 0 {
            c.mini_stream = c.chain_bytes(root_start, &c.fat, sector_len, Some(root_size))?;
        }

        let mut stack = vec![u32_at(root, 76).unwrap_or(NO_STREAM)];
        let mut seen = vec![false; count];
        while let Some(id) = stack.pop() {
            if id == NO_STREAM {
                continue;
            }
            let Some(e) = entry(id as usize).filter(|e| matches!(e[66], 1 | 2)) else {
                c.directory_damaged = true;
                continue;
            };
            if std::mem::replace(&mut seen[id as usize], true) {
                return Err(broken("的目录成环", "the directory tree loops"));
            }
            stack.push(u32_at(e, 68).unwrap_or(NO_STREAM));
            stack.push(u32_at(e, 72).unwrap_or(NO_STREAM));
            let name_len = (u16_at(e, 64).unwrap_or(0) as usize / 2).clamp(1, 32) - 1;
            let units: Vec<u16> = (0..name_len).filter_map(|i| u16_at(e, 2 * i)).collect();
            c.entries.push(Entry {
                name: String::from_utf16_lossy(&units),
                is_stream: e[66] == 2,
                start: u32_at(e, 116).unwrap_or(END_OF_CHAIN),
                size: size_of(e),
            });
        }
        let word: Vec<u16> = "WordDocument".encode_utf16().collect();
        let has_word_entry = (0..count)
            .filter_map(entry)
            .any(|e| e[66] == 2 && (0..word.len()).all(|i| u16_at(e, 2 * i) == Some(word[i])));
        if has_word_entry && !c.has("WordDocument") {
            c.directory_damaged = true;
        }
        Ok(c)
    }

    /// Whether a stream or storage of this name sits directly under the root (names compare
    /// without regard to case, as in the format).
    pub fn has(&self, name: &str) -> bool {
        self.entry(name).is_some()
    }

    fn entry(&self, name: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))
    }

    /// The contents of a top-level stream; `Ok(None)` when there is none of that name.
    pub fn read(&self, name: &str) -> Result<Option<Vec<u8>>, Error> {
        let Some(e) = self.entry(name).filter(|e| e.is_stream) else {
            return Ok(None);
        };
        if e.size == 0 {
            return Ok(Some(Vec::new()));
        }
        if e.size < self.mini_cutoff {
            let data =
                self.chain_bytes_in(e.start, &self.minifat, MINI_SECTOR_LEN, Some(e.size), |s| {
                    let at = (s as usize).checked_mul(MINI_SECTOR_LEN)?;
                    self.mini_stream.get(at..at.checked_add(MINI_SECTOR_LEN)?)
                });
            return data.map(Some).map_err(|_| stream_broken(&e.name));
        }
        self.chain_bytes(e.start, &self.fat, self.sector_len, Some(e.size))
            .map(Some)
            .map_err(|_| stream_broken(&e.name))
    }

    /// One regular sector (the last one in the file may be short).
    fn sector(&self, id: u32) -> Result<&'a [u8], Error> {
        let at = (id as usize)
            .checked_add(1)
            .and_then(|n| n.checked_mul(self.sector_len))
            .filter(|&at| at < self.bytes.len())
            .ok_or_else(|| {
                broken(
                    "被截断（扇区超出文件末尾）",
                    "a sector lies past the end (truncated?)",
                )
            })?;
        Ok(&self.bytes[at..(at + self.sector_len).min(self.bytes.len())])
    }

    fn chain_bytes(
        &self,
        start: u32,
        table: &[u32],
        unit: usize,
        size: Option<usize>,
    ) -> Result<Vec<u8>, Error> {
        self.chain_bytes_in(start, table, unit, size, |s| self.sector(s).ok())
    }

    /// The bytes of the chain from `start` through `table`, cut to `size`; a chain that loops,
    /// leaves the table or ends before `size` is an error.
    fn chain_bytes_in<'s>(
        &self,
        start: u32,
        table: &[u32],
        unit: usize,
        size: Option<usize>,
        sector: impl Fn(u32) -> Option<&'s [u8]>,
    ) -> Result<Vec<u8>, Error> {
        let mut out = Vec::new();
        let mut s = start;
        let mut hops = 0;
        // A chain holds each sector once, so it never holds more than the file: a table that
        // lists one sector many times (a loop through a huge FAT) is refused before it has
        // copied more than the file's size (#12.4), not after a thousand times that.
        let most = self.bytes.len() / unit + 1;
        while s != END_OF_CHAIN && s != FREE_SECTOR {
            if size.is_some_and(|n| out.len() >= n) {
                break;
            }
            hops += 1;
            let next = table
                .get(s as usize)
                .copied()
                .filter(|_| hops <= table.len() && hops <= most)
                .ok_or_else(|| broken("的扇区链已损坏", "a sector chain is damaged"))?;
            let data = sector(s).ok_or_else(|| {
                broken(
                    "被截断（扇区超出文件末尾）",
                    "a sector lies past the end (truncated?)",
                )
            })?;
            out.extend_from_slice(&data[..data.len().min(unit)]);
            s = next;
        }
        if let Some(n) = size {
            if out.len() < n {
                return Err(broken("被截断", "a stream is truncated"));
            }
            out.truncate(n);
        }
        Ok(out)
    }
}

fn stream_broken(name: &str) -> Error {
    broken(
        &format!("中的流 {name} 已损坏或被截断"),
        &format!("stream {name} is damaged or truncated"),
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::error::LIMITS;
    use std::io::Write;

    /// Writes an OLE file with the given top-level streams, using the `cfb` crate's writer.
    pub(crate) fn make_ole(streams: &[(&str, &[u8])]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(std::io::Cursor::new(Vec::new())).unwrap();
        for (name, data) in streams {
            let mut s = file.create_stream(format!("/{name}")).unwrap();
            s.write_all(data).unwrap();
        }
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn reads_small_and_large_streams_by_name() {
        let small: Vec<u8> = (0..100u8).collect();
        let large: Vec<u8> = (0..20_000u32).map(|i| (i % 251) as u8).collect();
        let bytes = make_ole(&[("Small", &small), ("Large", &large)]);
        let ole = Compound::new(&bytes, &LIMITS).unwrap();
        assert!(ole.has("small"));
        assert_eq!(ole.read("Small").unwrap(), Some(small));
        assert_eq!(ole.read("Large").unwrap(), Some(large));
        assert_eq!(ole.read("Missing").unwrap(), None);
    }

    #[test]
    fn a_truncated_file_is_broken_not_a_panic() {
        let large = vec![7u8; 20_000];
        let bytes = make_ole(&[("Large", &large)]);
        for cut in [100, 511, 600, 2048, bytes.len() - 4096] {
            let r = Compound::new(&bytes[..cut], &LIMITS).and_then(|o| o.read("Large"));
            assert!(
                matches!(r, Err(Error::Broken(..))),
                "cut at {cut}: {:?}",
                r.map(|_| ())
            );
        }
    }

    #[test]
    fn a_looping_chain_is_refused() {
        let large = vec![7u8; 8192];
        let mut bytes = make_ole(&[("Large", &large)]);
        // Point every FAT entry at sector 0, so every chain loops.
        let sector_len = 1 << u16_at(&bytes, 30).unwrap();
        let fat_sector = u32_at(&bytes, 76).unwrap() as usize;
        let at = (fat_sector + 1) * sector_len;
        for i in 0..sector_len / 4 {
            bytes[at + 4 * i..at + 4 * i + 4].copy_from_slice(&0u32.to_le_bytes());
        }
        let r = Compound::new(&bytes, &LIMITS).and_then(|o| o.read("Large"));
        assert!(matches!(r, Err(Error::Broken(..))), "{:?}", r.map(|_| ()));
    }

    #[test]
    fn a_loop_through_a_fat_that_lists_one_sector_many_times_stops_at_the_files_size() {
        // #12.4: the DIFAT names the same FAT sector 109 times, the FAT points every sector at
        // sector 0: the old bound (the FAT's length) copied ~700 times the file before failing.
        let large = vec![7u8; 8192];
        let mut bytes = make_ole(&[("Large", &large)]);
        let sector_len = 1 << u16_at(&bytes, 30).unwrap();
        let fat_sector = u32_at(&bytes, 76).unwrap();
        bytes[44..48].copy_from_slice(&109u32.to_le_bytes());
        for i in 0..109 {
            bytes[76 + 4 * i..80 + 4 * i].copy_from_slice(&fat_sector.to_le_bytes());
        }
        let at = (fat_sector as usize + 1) * sector_len;
        for i in 0..sector_len / 4 {
            bytes[at + 4 * i..at + 4 * i + 4].copy_from_slice(&0u32.to_le_bytes());
        }
        let c = Compound {
            bytes: &bytes,
            sector_len,
            mini_cutoff: 4096,
            fat: vec![0; 109 * sector_len / 4],
            minifat: Vec::new(),
            mini_stream: Vec::new(),
            entries: Vec::new(),
            directory_damaged: false,
        };
        let reads = std::cell::Cell::new(0usize);
        let r = c.chain_bytes_in(0, &c.fat, sector_len, None, |s| {
            reads.set(reads.get() + 1);
            c.sector(s).ok()
        });
        assert!(matches!(r, Err(Error::Broken(..))));
        assert!(
            reads.get() <= bytes.len() / sector_len + 1,
            "{} sectors read from a file of {}",
            reads.get(),
            bytes.len() / sector_len
        );
        let r = Compound::new(&bytes, &LIMITS).and_then(|o| o.read("Large"));
        assert!(matches!(r, Err(Error::Broken(..))), "{:?}", r.map(|_| ()));
    }
}
