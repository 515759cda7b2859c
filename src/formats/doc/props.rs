//! Paragraph properties: the sprms read, the PAPX runs of the FKP pages, the styles (STSH).

use crate::error::LIMITS;
use crate::formats::cfb::{u16_at, u32_at};

/// Paragraph properties that matter here, from a PAPX or a paragraph style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct ParaProps {
    pub(super) istd: u16,
    /// 1-based index into the LFO list; 0 = explicitly not numbered.
    pub(super) ilfo: Option<u16>,
    pub(super) ilvl: Option<u8>,
    /// Outline level 0–8 (9 = body text).
    pub(super) outline: Option<u8>,
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
pub(super) struct ParaRun {
    pub(super) fc: usize,
    pub(super) fc_end: usize,
    pub(super) props: ParaProps,
}

/// Every PAPX run, from the bin table's FKP pages, in file order; empty when damaged.
pub(super) fn para_runs(word: &[u8], bte: &[u8]) -> Vec<ParaRun> {
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
pub(super) struct Styles {
    /// Per istd: (sti, istdBase, the style's own paragraph properties).
    styles: Vec<Option<(u16, u16, ParaProps)>>,
}

impl Styles {
    pub(super) fn parse(stsh: &[u8]) -> Self {
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
    pub(super) fn resolve(&self, istd: u16) -> (Option<u16>, ParaProps) {
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

#[cfg(test)]
mod tests {
    use crate::formats::doc::tests::{WordFile, chinese_headings, numbered, para};

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
}
