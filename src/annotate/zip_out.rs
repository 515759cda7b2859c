//! Writes a zip archive: entries copied as they are stored (compressed bytes and CRC unchanged)
//! or added from bytes (deflated when the readers are built in, stored otherwise).

#[cfg(feature = "readers")]
use crate::formats::zip::StoredEntry;

/// CRC-32 (IEEE, reflected), the zip checksum.
pub fn crc32(data: &[u8]) -> u32 {
    const TABLE: [u32; 256] = {
        let mut t = [0u32; 256];
        let mut i = 0;
        while i < 256 {
            let mut c = i as u32;
            let mut k = 0;
            while k < 8 {
                c = if c & 1 != 0 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
                k += 1;
            }
            t[i] = c;
            i += 1;
        }
        t
    };
    !data.iter().fold(!0u32, |c, &b| {
        TABLE[((c ^ b as u32) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// The bytes to store and their method: deflate (8) where miniz_oxide is built in, else stored (0).
fn pack(data: &[u8]) -> (u16, Vec<u8>) {
    #[cfg(feature = "readers")]
    {
        (8, miniz_oxide::deflate::compress_to_vec(data, 6))
    }
    #[cfg(not(feature = "readers"))]
    {
        (0, data.to_vec())
    }
}

/// A zip archive being written, entry by entry.
#[derive(Debug, Default)]
pub struct ZipOut {
    out: Vec<u8>,
    central: Vec<u8>,
    count: u16,
}

/// One entry's header fields, written twice (local header and central directory).
struct Header<'a> {
    name: &'a [u8],
    flags: u16,
    method: u16,
    crc: u32,
    compressed: u32,
    size: u32,
}

impl ZipOut {
    /// An empty archive.
    pub fn new() -> Self {
        Self::default()
    }

    #[cfg(feature = "readers")]
    /// Copies an entry of another archive unchanged (its bytes, method and CRC).
    pub fn copy(&mut self, e: &StoredEntry<'_>) {
        let header = Header {
            name: e.raw_name,
            // Sizes go in the local header, so no data descriptor follows.
            flags: e.flags & !0x0008,
            method: e.method,
            crc: e.crc,
            compressed: e.data.len() as u32,
            size: e.size,
        };
        self.entry(&header, e.data);
    }

    /// Adds an entry of these bytes under a UTF-8 name.
    pub fn add(&mut self, name: &str, data: &[u8]) {
        let (method, packed) = pack(data);
        let header = Header {
            name: name.as_bytes(),
            flags: if name.is_ascii() { 0 } else { 0x0800 },
            method,
            crc: crc32(data),
            compressed: packed.len() as u32,
            size: data.len() as u32,
        };
        self.entry(&header, &packed);
    }

    fn entry(&mut self, h: &Header<'_>, data: &[u8]) {
        let offset = self.out.len() as u32;
        let o = &mut self.out;
        o.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        o.extend_from_slice(&20u16.to_le_bytes());
        o.extend_from_slice(&h.flags.to_le_bytes());
        o.extend_from_slice(&h.method.to_le_bytes());
        // 1980-01-01 00:00: the archive's entries carry no meaningful time.
        o.extend_from_slice(&0u16.to_le_bytes());
        o.extend_from_slice(&0x21u16.to_le_bytes());
        o.extend_from_slice(&h.crc.to_le_bytes());
        o.extend_from_slice(&h.compressed.to_le_bytes());
        o.extend_from_slice(&h.size.to_le_bytes());
        o.extend_from_slice(&(h.name.len() as u16).to_le_bytes());
        o.extend_from_slice(&0u16.to_le_bytes());
        o.extend_from_slice(h.name);
        o.extend_from_slice(data);

        let c = &mut self.central;
        c.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        c.extend_from_slice(&20u16.to_le_bytes());
        c.extend_from_slice(&20u16.to_le_bytes());
        c.extend_from_slice(&h.flags.to_le_bytes());
        c.extend_from_slice(&h.method.to_le_bytes());
        c.extend_from_slice(&0u16.to_le_bytes());
        c.extend_from_slice(&0x21u16.to_le_bytes());
        c.extend_from_slice(&h.crc.to_le_bytes());
        c.extend_from_slice(&h.compressed.to_le_bytes());
        c.extend_from_slice(&h.size.to_le_bytes());
        c.extend_from_slice(&(h.name.len() as u16).to_le_bytes());
        c.extend_from_slice(&[0; 12]); // extra, comment, disk, internal and external attributes
        c.extend_from_slice(&offset.to_le_bytes());
        c.extend_from_slice(h.name);
        self.count += 1;
    }

    /// The finished archive.
    pub fn finish(mut self) -> Vec<u8> {
        let at = self.out.len() as u32;
        let size = self.central.len() as u32;
        self.out.append(&mut self.central);
        let o = &mut self.out;
        o.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
        o.extend_from_slice(&[0; 4]);
        o.extend_from_slice(&self.count.to_le_bytes());
        o.extend_from_slice(&self.count.to_le_bytes());
        o.extend_from_slice(&size.to_le_bytes());
        o.extend_from_slice(&at.to_le_bytes());
        o.extend_from_slice(&0u16.to_le_bytes());
        self.out
    }
}

#[cfg(test)]
#[cfg(feature = "readers")]
mod tests {

    use super::*;
    use crate::error::LIMITS;
    use crate::formats::zip::Archive;

    #[test]
    fn crc32_of_a_known_string() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn what_is_written_reads_back_and_copies_stay_byte_identical() {
        let mut z = ZipOut::new();
        z.add(
            "word/document.xml",
            "<w:document>法治</w:document>".as_bytes(),
        );
        z.add("说明.txt", b"plain");
        let first = z.finish();
        let a = Archive::new(&first, &LIMITS).unwrap();
        assert_eq!(
            a.read("word/document.xml").unwrap().unwrap(),
            "<w:document>法治</w:document>".as_bytes()
        );
        let mut copy = ZipOut::new();
        for e in a.stored().unwrap() {
            copy.copy(&e);
        }
        let second = copy.finish();
        let b = Archive::new(&second, &LIMITS).unwrap();
        assert_eq!(b.read("说明.txt").unwrap().unwrap(), b"plain");
        assert_eq!(
            a.stored()
                .unwrap()
                .iter()
                .map(|e| e.data)
                .collect::<Vec<_>>(),
            b.stored()
                .unwrap()
                .iter()
                .map(|e| e.data)
                .collect::<Vec<_>>()
        );
        assert_eq!(first, second, "a copy of every entry is the same archive");
    }
}
