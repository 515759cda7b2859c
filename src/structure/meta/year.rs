//! The year the report covers: from the title, the lead-in, the opening sentences or the date.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::blocks::Block;
use crate::text::markers::chinese_number;

use super::patterns::{YEAR, re};

/// The year of the report from its opening paragraphs: the lead-in (`现将…2024年…报告如下`)
/// first, then a paragraph opening on a year (`2023年,` `2023年以来`), then any year.
pub(super) fn intro_year(intro: &[&Block]) -> Option<i32> {
    static LEAD_IN: LazyLock<Regex> =
        LazyLock::new(|| re(r"现将[^。]{0,80}?(?:报告|汇报|总结|报送|说明)(?:如下|于后)"));
    intro
        .iter()
        .find_map(|b| {
            LEAD_IN
                .find(&b.norm.text)
                .and_then(|m| first_year(m.as_str()))
        })
        .or_else(|| opening_year(intro))
        .or_else(|| intro.iter().find_map(|b| first_year(&b.norm.text)))
}

/// The year a paragraph opens on (`2023年,` `2023年以来`), in the first of `blocks` that has one.
pub(super) fn opening_year(blocks: &[&Block]) -> Option<i32> {
    static OPENING: LazyLock<Regex> =
        LazyLock::new(|| re(r"^((?:19|20)[0-9]{2}) ?年度?(?:,|以来|来)"));
    blocks.iter().find_map(|b| {
        let s = b.norm.text.as_str();
        let at = b.marker.map_or(0, |m| m.len);
        OPENING.captures(&s[at..]).and_then(|c| c[1].parse().ok())
    })
}

/// A report dated in the first half of a year covers the year before (`2024-01-15` → 2023).
pub(super) fn year_from_date(iso: &str) -> Option<i32> {
    let year: i32 = iso.get(..4)?.parse().ok()?;
    let month: u32 = iso.get(5..7)?.parse().ok()?;
    Some(if month <= 6 { year - 1 } else { year })
}

/// The first year written in `s` that is not part of a range (`2021-2025年`) or a number (`〔2023〕`).
/// Years inside a cited title (`《…2023年工作要点》`) count only when no other year is written.
pub(super) fn first_year(s: &str) -> Option<i32> {
    let mut cited = None;
    for c in YEAR.captures_iter(s) {
        let Some(m) = c.get(1) else { continue };
        let before = s[..m.start()].chars().next_back();
        if matches!(
            before,
            Some('-' | '—' | '–' | '~' | '至' | '－' | '〔' | '[' | '(')
        ) {
            continue;
        }
        let Some(year) = year_value(m.as_str()) else {
            continue;
        };
        let open = s[..m.start()].matches('《').count() > s[..m.start()].matches('》').count();
        if !open {
            return Some(year);
        }
        cited.get_or_insert(year);
    }
    cited
}

/// `2023` or `二〇二三` as a number.
fn year_value(s: &str) -> Option<i32> {
    if let Ok(y) = s.parse() {
        return Some(y);
    }
    let digits: String = s
        .chars()
        .map(|c| match c {
            '〇' | '○' | '零' => Some('0'),
            _ => chinese_number(&c.to_string()).and_then(|(v, _)| char::from_digit(v, 10)),
        })
        .collect::<Option<String>>()?;
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_skip_ranges_and_document_numbers() {
        assert_eq!(
            first_year("贯彻《纲要（2021-2025年）》,2023年以来"),
            Some(2023)
        );
        assert_eq!(
            first_year("厅字〔2019〕28号,现将2022年工作报告如下"),
            Some(2022)
        );
    }

    fn blocks_of(text: &str) -> Vec<Block> {
        crate::text::blocks::split(text).blocks
    }

    #[test]
    fn the_lead_in_names_the_year_before_other_years() {
        let bs = blocks_of(
            "在中牟新区党工委的领导下,我镇在2023年工作基础上稳步提升。现将我镇2024年法治政府建设情况报告如下。\n",
        );
        let intro: Vec<&Block> = bs.iter().collect();
        assert_eq!(intro_year(&intro), Some(2024));
        let bs = blocks_of("2022年以来,县政府深入推进依法行政,落实《纲要(2021-2025年)》。\n");
        let intro: Vec<&Block> = bs.iter().collect();
        assert_eq!(intro_year(&intro), Some(2022));
    }

    #[test]
    fn a_report_dated_early_in_a_year_covers_the_year_before() {
        assert_eq!(year_from_date("2024-01-15"), Some(2023));
        assert_eq!(year_from_date("2023-12-20"), Some(2023));
        assert_eq!(year_from_date("2023"), None);
    }
}
