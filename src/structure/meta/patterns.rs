//! The patterns the metadata readers share: Han characters, the endings of bodies' names, a line
//! that names a body, a year.

use std::sync::LazyLock;

use regex::Regex;

/// Han characters, for regex classes (the regex build has no Unicode script tables).
const HAN: &str = r"\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}";

/// Endings of the names of bodies that issue or receive reports.
const ORG_SUFFIXES: &str = "人民政府|政府|委员会|党委|党工委|管委会|管理委员会|办事处|街道|镇|乡|局|厅|办公室|委|院|中心|署|办";

/// Unicode White_Space, spelled out: `\s` is ASCII-only in regex-lite (the browser's engine).
const WHITE_SPACE: &str = r"[\t\n\x0B\x0C\r \x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]";

/// A regex of the metadata patterns, `HAN`, `ORG_SUFFIXES` and `\s` spelled out.
pub(super) fn re(p: &str) -> Regex {
    let p = p
        .replace("HAN", HAN)
        .replace("ORG_SUFFIXES", ORG_SUFFIXES)
        .replace(r"\s", WHITE_SPACE);
    Regex::new(&p).expect("meta regex")
}

/// A line that is only the name of a body (an issuer or signer line).
pub(super) static ORG_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(中共)?[HAN()]{2,40}(ORG_SUFFIXES)$"));
/// A year as written (`2023年`, `二〇二三年`).
pub(super) static YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"((?:19|20)[0-9]{2}|[二][〇○零][一二三四五六七八九〇○零]{2}) ?年"));

/// Whether a line names one or more bodies and nothing else.
pub(super) fn is_org_line(s: &str) -> bool {
    s.split(' ').all(|p| ORG_LINE.is_match(p)) && s.chars().count() <= 60
}

/// Counts per key in first-seen order (see `tally`).
pub(super) type Tally<K, V> = Vec<(K, V)>;

/// The value counted for `key` in `tally`, inserted by `init` when new: the few dozen names a
/// report repeats, in first-seen order (a hash map per key type costs ~1.5 KB of wasm each).
pub(super) fn tally<K: PartialEq, V>(
    tally: &mut Tally<K, V>,
    key: K,
    init: impl FnOnce() -> V,
) -> &mut V {
    let i = match tally.iter().position(|(k, _)| *k == key) {
        Some(i) => i,
        None => {
            tally.push((key, init()));
            tally.len() - 1
        }
    };
    &mut tally[i].1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tally_counts_each_name_once_in_first_seen_order() {
        let mut counts: Tally<&str, usize> = Vec::new();
        for name in ["铜梁区", "璧山区", "铜梁区"] {
            *tally(&mut counts, name, || 0) += 1;
        }
        assert_eq!(counts, vec![("铜梁区", 2), ("璧山区", 1)]);
    }
}
