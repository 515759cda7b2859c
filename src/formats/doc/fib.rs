//! The File Information Block of Word 97 and later: where the text and its properties are.

use super::damage::broken;
use crate::error::Error;
use crate::formats::cfb::{u16_at, u32_at};

/// The parts of the File Information Block that locate the text and its properties.
#[derive(Debug)]
pub(super) struct Fib {
    pub(super) encrypted: bool,
    pub(super) table_1: bool,
    pub(super) ccp_text: usize,
    /// fc/lcb pairs (offset and size in the table stream), by index in FibRgFcLcb97.
    pub(super) fc_lcb: Vec<(usize, usize)>,
}

impl Fib {
    pub(super) const STSH: usize = 1;
    pub(super) const BTE_PAPX: usize = 13;
    pub(super) const CLX: usize = 33;
    pub(super) const PLF_LST: usize = 73;
    pub(super) const PLF_LFO: usize = 74;

    pub(super) fn parse(word: &[u8]) -> Result<Self, Error> {
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
    pub(super) fn range<'t>(&self, table: &'t [u8], index: usize) -> &'t [u8] {
        self.fc_lcb
            .get(index)
            .and_then(|&(fc, lcb)| table.get(fc..fc.checked_add(lcb)?))
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::super::read;
    use crate::error::Error;
    use crate::formats::cfb::tests::make_ole;
    use crate::formats::doc::tests::WordFile;

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
}
