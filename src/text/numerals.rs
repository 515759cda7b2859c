//! Numerals: numbers written the ways Chinese documents and Word's lists write them — Chinese
//! counting (一, 十一, 二十, 一百零五), financial digits (壹拾贰), digit by digit (二〇二三),
//! Roman numerals and letters. One place for the .docx and .doc readers' list labels and the
//! lints' suggested markers; and [`decimal`], how the analyzer writes a figure or a score.

/// Chinese digits 0–9 for counting (零 is the gap in 一百零五).
pub const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// Chinese digits 0–9 written one by one (二〇二三).
pub const DIGITS_ONE_BY_ONE: [char; 10] =
    ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// Units 十, 百, 千, 万.
pub const UNITS: [char; 4] = ['十', '百', '千', '万'];
/// Financial digits, simplified (壹贰叁).
pub const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
/// Financial units, simplified.
pub const LEGAL_UNITS: [char; 4] = ['拾', '佰', '仟', '万'];
/// Financial digits, traditional (壹貳參).
pub const LEGAL_DIGITS_TRADITIONAL: [char; 10] =
    ['零', '壹', '貳', '參', '肆', '伍', '陸', '柒', '捌', '玖'];
/// Financial units, traditional.
pub const LEGAL_UNITS_TRADITIONAL: [char; 4] = ['拾', '佰', '仟', '萬'];

/// `n` from 1 to 99 999 in Chinese counting with these digits and units: one 零 for a gap
/// (一百零五), and with `short_ten` 十 rather than 一十 for 10–19; None outside that range.
pub fn counting(n: u32, digits: &[char; 10], units: &[char; 4], short_ten: bool) -> Option<String> {
    if !(1..100_000).contains(&n) {
        return None;
    }
    let places = [n / 10_000, n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut gap = false;
    for (i, &d) in places.iter().enumerate() {
        let unit = 4 - i; // 4 = ten thousands … 0 = ones
        if d == 0 {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(digits[0]);
            gap = false;
        }
        if !(short_ten && unit == 1 && d == 1 && out.is_empty()) {
            out.push(digits[d as usize]);
        }
        if unit > 0 {
            out.push(units[unit - 1]);
        }
    }
    Some(out)
}

/// `n` in Chinese counting as headings number themselves (`十一、`, `二十、`); decimal when out of range.
pub fn chinese(n: u32) -> String {
    counting(n, &DIGITS, &UNITS, true).unwrap_or_else(|| n.to_string())
}

/// Each decimal digit of `n` as a Chinese digit: 100 → 一〇〇.
pub fn digit_by_digit(n: u32, digits: &[char; 10]) -> String {
    n.to_string()
        .bytes()
        .map(|b| digits[usize::from(b - b'0')])
        .collect()
}

/// `n` from 1 to 3 999 in upper-case Roman numerals; None outside that range.
pub fn roman(mut n: u32) -> Option<String> {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    if !(1..4000).contains(&n) {
        return None;
    }
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    Some(out)
}

/// `n` ≥ 1 in lower-case letters as Word counts them: a…z, then aa…zz (the letter repeated, not
/// base 26; at most 64 times); None for 0.
pub fn letters(n: u32) -> Option<String> {
    let i = n.checked_sub(1)?;
    let letter = (b'a' + (i % 26) as u8) as char;
    Some(std::iter::repeat_n(letter, (i / 26 + 1).min(64) as usize).collect())
}

/// The ten heavenly stems, Word's ideographTraditional (甲乙丙).
pub const HEAVENLY_STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
/// The twelve earthly branches, Word's ideographZodiac (子丑寅).
pub const EARTHLY_BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];
/// ① to ⑳.
pub const CIRCLED: [char; 20] = [
    '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯', '⑰', '⑱', '⑲',
    '⑳',
];

/// The `n`-th (from 1) symbol of a closed set such as [`HEAVENLY_STEMS`]; None past its end.
pub fn nth(set: &[char], n: u32) -> Option<String> {
    let i = (n as usize).checked_sub(1)?;
    set.get(i).map(|c| c.to_string())
}

/// `n` ≥ 1 in full-width digits (１２).
pub fn full_width(n: u32) -> String {
    n.to_string()
        .chars()
        .filter_map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32))
        .collect()
}

/// `x` in decimal, at most `places` (≤ 6) decimals and no trailing zeros: `95.45`, `150000000`,
/// `0.5`. Integer arithmetic, not `{x}`: float formatting (Grisu and Dragon with their tables)
/// would be the largest piece of std in the page's module (#20: ~4 KB gzipped). A number written
/// with at most `places` decimals and 15 digits comes out as written (the product below is then
/// within half a unit of an integer); the rounding is half away from zero.
pub fn decimal(x: f64, places: u32) -> String {
    if !x.is_finite() {
        return if x.is_nan() { "0".into() } else { "∞".into() };
    }
    let sign = if x < 0.0 { "-" } else { "" };
    let a = x.abs();
    // As many decimals as keep the scaled value exact in an f64 (2^53 ≈ 9e15).
    let mut p = places.min(6);
    while p > 0 && a * 10f64.powi(p as i32) >= 9e15 {
        p -= 1;
    }
    if p == 0 && a >= 9e15 {
        // A figure this size is no figure (a run of digits); whole digits as far as u128 goes.
        return format!("{sign}{}", a as u128);
    }
    let scale = 10u64.pow(p);
    let n = (a * scale as f64).round() as u64;
    let (int, mut frac) = (n / scale, n % scale);
    let mut digits = p as usize;
    while digits > 0 && frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    let sign = if n == 0 { "" } else { sign };
    if digits == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{frac:0digits$}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_come_out_as_written() {
        for (x, places, out) in [
            (95.45, 6, "95.45"),
            (150000000.0, 6, "150000000"),
            (0.5, 6, "0.5"),
            (2.0, 6, "2"),
            (0.1 + 0.2, 6, "0.3"),
            (87.25, 1, "87.3"),
            (-3.5, 6, "-3.5"),
            (-0.0001, 1, "0"),
            (1234567890.125, 6, "1234567890.125"),
            (1e20, 6, "100000000000000000000"),
            (f64::INFINITY, 6, "∞"),
        ] {
            assert_eq!(decimal(x, places), out, "{x}");
        }
        // Whatever a report writes with up to six decimals reads back the same.
        for s in [
            "0.01",
            "12.5",
            "99.99",
            "100",
            "3.141592",
            "4000.000001",
            "0.000001",
        ] {
            let x: f64 = s.parse().unwrap();
            assert_eq!(decimal(x, 6), s);
        }
    }

    #[test]
    fn chinese_counting_as_reports_write_it() {
        let c = |n| counting(n, &DIGITS, &UNITS, true).unwrap();
        assert_eq!(
            [c(1), c(10), c(11), c(20), c(21)],
            ["一", "十", "十一", "二十", "二十一"]
        );
        assert_eq!(
            [c(100), c(105), c(110), c(1001)],
            ["一百", "一百零五", "一百一十", "一千零一"]
        );
        assert_eq!(c(10_010), "一万零一十");
        assert_eq!(counting(0, &DIGITS, &UNITS, true), None);
        assert_eq!(counting(100_000, &DIGITS, &UNITS, true), None);
        assert_eq!(chinese(12), "十二");
        assert_eq!(chinese(0), "0");
    }

    #[test]
    fn financial_digits_keep_the_one_of_ten() {
        assert_eq!(
            counting(12, &LEGAL_DIGITS, &LEGAL_UNITS, false).unwrap(),
            "壹拾贰"
        );
        let t = counting(
            20_000,
            &LEGAL_DIGITS_TRADITIONAL,
            &LEGAL_UNITS_TRADITIONAL,
            false,
        );
        assert_eq!(t.unwrap(), "貳萬");
    }

    #[test]
    fn digits_one_by_one_roman_letters_and_full_width() {
        assert_eq!(digit_by_digit(2023, &DIGITS_ONE_BY_ONE), "二〇二三");
        assert_eq!(roman(1994).as_deref(), Some("MCMXCIV"));
        assert_eq!((roman(0), roman(4000)), (None, None));
        assert_eq!(letters(1).as_deref(), Some("a"));
        assert_eq!(letters(28).as_deref(), Some("bb"));
        assert_eq!(letters(0), None);
        assert_eq!(full_width(12), "１２");
        assert_eq!(nth(&HEAVENLY_STEMS, 3).as_deref(), Some("丙"));
        assert_eq!(nth(&CIRCLED, 20).as_deref(), Some("⑳"));
        assert_eq!((nth(&CIRCLED, 0), nth(&CIRCLED, 21)), (None, None));
    }
}
