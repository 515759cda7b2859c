//! Stage 1, text: a text file's bytes → characters ([`decode`]), their matching form
//! ([`normalize`]), lines and paragraphs ([`blocks`]), the heading numbers at a line's start
//! ([`markers`]), Chinese numerals ([`numerals`]) and date lines ([`dates`]). Nothing here knows
//! what a report is.

pub mod blocks;
pub mod dates;
pub mod decode;
pub mod markers;
pub mod normalize;
pub mod numerals;

/// Where the names starting with each char lie in a sorted list of names: a char's run found by
/// one table lookup (most chars start no name), not a string compare per step (#20: the place
/// scanner and the batch's stock phrases look up every char of a text).
pub struct FirstChars {
    /// (char, start, end) of each run, in order.
    runs: Vec<(char, u32, u32)>,
    /// Per char of the Basic Multilingual Plane: 1 + the index of its run, 0 for none (128 KB).
    slot: Vec<u16>,
}

impl FirstChars {
    /// The runs of the names whose first chars are `firsts`, in the names' sorted order.
    pub fn new(firsts: impl IntoIterator<Item = char>) -> FirstChars {
        let mut runs: Vec<(char, u32, u32)> = Vec::new();
        for (k, c) in firsts.into_iter().enumerate() {
            match runs.last_mut() {
                Some(run) if run.0 == c => run.2 = k as u32 + 1,
                _ => runs.push((c, k as u32, k as u32 + 1)),
            }
        }
        let mut slot = vec![0u16; 0x10000];
        for (k, &(c, _, _)) in runs.iter().enumerate() {
            if let Some(s) = slot.get_mut(c as usize) {
                *s = k as u16 + 1;
            }
        }
        FirstChars { runs, slot }
    }

    /// The range of the names starting with `c` (empty when none does).
    pub fn run(&self, c: char) -> std::ops::Range<usize> {
        let k = match self.slot.get(c as usize) {
            Some(&s) => (s as usize).checked_sub(1),
            None => self.runs.binary_search_by_key(&c, |r| r.0).ok(),
        };
        k.map_or(0..0, |k| self.runs[k].1 as usize..self.runs[k].2 as usize)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_first_char_has_its_run() {
        let names = ["上一年度", "上级", "党政", "存在"];
        let firsts = super::FirstChars::new(names.iter().map(|n| n.chars().next().unwrap()));
        assert_eq!(firsts.runs, [('上', 0, 2), ('党', 2, 3), ('存', 3, 4)]);
        assert_eq!(firsts.run('党'), 2..3);
        assert_eq!(firsts.run('下'), 0..0);
        assert_eq!(
            firsts.run('𠀀'),
            0..0,
            "outside the plane: the binary search alone"
        );
        // Each run by its slot, the plane's chars and those outside it.
        let names = ["A", "上", "上级", "党", "存", "\u{FFFD}", "𠀀", "𠀀𠀁"];
        let firsts = super::FirstChars::new(names.iter().map(|n| n.chars().next().unwrap()));
        let runs: Vec<_> = ['A', '上', '党', '存', '\u{FFFD}', '𠀀', 'B', '乙', '𠀁']
            .map(|c| firsts.run(c))
            .into();
        assert_eq!(runs, [0..1, 1..3, 3..4, 4..5, 5..6, 6..8, 0..0, 0..0, 0..0]);
    }
}
