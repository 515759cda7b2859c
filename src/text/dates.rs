//! Date lines: the 成文日期 under a report's 落款, in each way it is written (`2023年12月20日`,
//! `2023.12.20`, `二〇二三年十二月二十日`). Blocks use it to end a paragraph, meta to read the date.

use std::sync::LazyLock;

use regex::Regex;

use crate::text::markers::chinese_number;

static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^([0-9]{4}) ?年 ?([0-9]{1,2}) ?月 ?([0-9]{1,2}) ?日$|^([0-9]{4})[.\-/]([0-9]{1,2})[.\-/]([0-9]{1,2})$|^([〇○零一二三四五六七八九]{4})年([十一二三四五六七八九]{1,3})月([十一二三四五六七八九]{1,3})日$",
    )
    .expect("date regex")
});

/// True for a date on a line of its own (the 成文日期 of the 落款).
pub fn is_date_line(s: &str) -> bool {
    s.len() <= 40 && DATE_LINE.is_match(s)
}

/// The ISO form of a date line (`2023年12月20日`, `2023.12.20`, `二〇二三年十二月二十日`).
pub fn iso_date(s: &str) -> Option<String> {
    let c = DATE_LINE.captures(s)?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let (y, m, d) = if let Some(y) = num(1) {
        (y, num(2)?, num(3)?)
    } else if let Some(y) = num(4) {
        (y, num(5)?, num(6)?)
    } else {
        let y: String = c
            .get(7)?
            .as_str()
            .chars()
            .map(|ch| match ch {
                '〇' | '○' | '零' => '0',
                _ => char::from_digit(chinese_number(&ch.to_string()).map_or(0, |v| v.0), 10)
                    .unwrap_or('0'),
            })
            .collect();
        (
            y.parse().ok()?,
            chinese_number(c.get(8)?.as_str())?.0,
            chinese_number(c.get(9)?.as_str())?.0,
        )
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_written_form() {
        assert_eq!(iso_date("2023年12月20日").as_deref(), Some("2023-12-20"));
        assert_eq!(iso_date("2024年1月5日").as_deref(), Some("2024-01-05"));
        assert_eq!(iso_date("2023.12.5").as_deref(), Some("2023-12-05"));
        assert_eq!(
            iso_date("二〇二三年十二月二十日").as_deref(),
            Some("2023-12-20")
        );
        assert_eq!(iso_date("2023年13月20日"), None);
        assert_eq!(iso_date("2023年12月20日召开会议"), None);
    }
}
