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

/// Where the names starting with each char lie in a sorted list of names: a char's run found by a
/// bit (most chars start no name) and the count of bits before it, not a string compare per step
/// (#20: the place scanner and the batch's stock phrases look up every char of a text).
pub struct FirstChars {
    /// (char, start, end) of each run, in order.
    runs: Vec<(char, u32, u32)>,
    /// One bit per char of the Basic Multilingual Plane: whether some name starts with it.
    bits: Vec<u64>,
    /// Per word of `bits`, the bits set before it: a BMP char's run is its rank.
    rank: Vec<u32>,
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
        debug_assert!(runs.is_sorted_by_key(|r| r.0), "names sorted");
        let mut bits = vec![0u64; 0x10000 / 64];
        for &(c, _, _) in &runs {
            if let Some(w) = bits.get_mut(c as usize / 64) {
                *w |= 1 << (c as u32 % 64);
            }
        }
        let rank = bits
            .iter()
            .scan(0, |n, w| {
                let before = *n;
                *n += w.count_ones();
                Some(before)
            })
            .collect();
        FirstChars { runs, bits, rank }
    }

    /// The range of the names starting with `c` (empty when none does).
    pub fn run(&self, c: char) -> std::ops::Range<usize> {
        let u = c as usize;
        let k = match self.bits.get(u / 64) {
            Some(&w) if w & (1 << (u % 64)) == 0 => return 0..0,
            // Runs are in char order, so a BMP char's run is the number of first chars below it.
            Some(&w) => (self.rank[u / 64] + (w & ((1 << (u % 64)) - 1)).count_ones()) as usize,
            None => match self.runs.binary_search_by_key(&c, |r| r.0) {
                Ok(k) => k,
                Err(_) => return 0..0,
            },
        };
        self.runs[k].1 as usize..self.runs[k].2 as usize
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
        // Each run by its rank among the first chars, across words of the bit table.
        let names = ["A", "上", "上级", "党", "存", "\u{FFFD}", "𠀀", "𠀀𠀁"];
        let firsts = super::FirstChars::new(names.iter().map(|n| n.chars().next().unwrap()));
        let runs: Vec<_> = ['A', '上', '党', '存', '\u{FFFD}', '𠀀', 'B', '乙', '𠀁']
            .map(|c| firsts.run(c))
            .into();
        assert_eq!(runs, [0..1, 1..3, 3..4, 4..5, 5..6, 6..8, 0..0, 0..0, 0..0]);
    }
}
