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

/// The runs of a sorted list of names that start with each char: (char, start, end), in order.
/// Finding a char's run takes a binary search over chars, not a string compare per step (#20:
/// the place scanner and the batch's stock phrases look up every char of a text).
pub fn first_char_runs(firsts: impl IntoIterator<Item = char>) -> Vec<(char, u32, u32)> {
    let mut runs: Vec<(char, u32, u32)> = Vec::new();
    for (k, c) in firsts.into_iter().enumerate() {
        match runs.last_mut() {
            Some(run) if run.0 == c => run.2 = k as u32 + 1,
            _ => runs.push((c, k as u32, k as u32 + 1)),
        }
    }
    runs
}

/// The range of a char's run in [`first_char_runs`]'s list (empty when no name starts with it).
pub fn run_of(runs: &[(char, u32, u32)], c: char) -> std::ops::Range<usize> {
    match runs.binary_search_by_key(&c, |r| r.0) {
        Ok(k) => runs[k].1 as usize..runs[k].2 as usize,
        Err(_) => 0..0,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_first_char_has_its_run() {
        let names = ["上一年度", "上级", "党政", "存在"];
        let runs = super::first_char_runs(names.iter().map(|n| n.chars().next().unwrap()));
        assert_eq!(runs, [('上', 0, 2), ('党', 2, 3), ('存', 3, 4)]);
        assert_eq!(super::run_of(&runs, '党'), 2..3);
        assert_eq!(super::run_of(&runs, '下'), 0..0);
    }
}
