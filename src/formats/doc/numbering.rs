//! List numbering: the lists (LSTF, LVL) and overrides (LFO), their counters and their labels.

use super::fib::Fib;
use crate::error::LIMITS;
use crate::formats::cfb::{u16_at, u32_at};

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
pub(super) struct Lists {
    /// Per list: its identifier and its levels (1 for a simple list, else 9).
    lists: Vec<(u32, Vec<Level>)>,
    overrides: Vec<Override>,
}

impl Lists {
    /// Reads both tables; anything damaged is left out.
    pub(super) fn parse(table: &[u8], fib: &Fib) -> Self {
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
pub(super) struct Numbering {
    lists: Lists,
    /// Per list, per level: the last number drawn (None: not drawn since its last restart).
    counters: Vec<[Option<u32>; 9]>,
    /// Per LFO: whether its start-at overrides were applied.
    overrides_used: Vec<bool>,
}

impl Numbering {
    pub(super) fn new(lists: Lists) -> Self {
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
    pub(super) fn label(&mut self, ilfo: u16, ilvl: u8) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::doc::tests::{
        WordFile, chinese_headings, lfos, lists, lvl, numbered, para,
    };

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
}
