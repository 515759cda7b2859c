//! Rules on punctuation and dates: `halfwidth-punctuation`, `date-format`, `body-date-format`.

use std::ops::Range;

use crate::structure::meta::find_closing;
use crate::text::dates::iso_date;
use crate::text::normalize::{is_han, is_space};

use super::rules::HALFWIDTH_PER_PARAGRAPH_MAX;
use super::sink::Sink;

/// Half-width punctuation between Chinese characters in a raw line: byte offsets in the line.
fn halfwidth_spots(raw: &str) -> Vec<Range<usize>> {
    // One pass over the bytes; only the marks' neighbours are decoded (spaces skipped).
    let mut out = Vec::new();
    for (i, b) in raw.bytes().enumerate() {
        if !matches!(b, b',' | b';' | b':' | b'(' | b')' | b'?' | b'!') {
            continue;
        }
        let before = raw[..i].chars().rev().find(|c| !is_space(*c));
        let after = raw[i + 1..].chars().find(|c| !is_space(*c));
        let left = before.is_some_and(|b| is_han(b) || "”》）」".contains(b));
        let right = after.is_some_and(|a| is_han(a) || "“《（「".contains(a));
        if left && right {
            out.push(i..i + 1);
        }
    }
    out
}

pub(super) fn halfwidth(sink: &mut Sink<'_>) {
    let input = sink.input;
    let mut per_block: Vec<(Range<usize>, usize, String)> = Vec::new();
    for b in &input.blocks.blocks {
        let mut first = None;
        let mut n = 0;
        let mut marks = String::new();
        for &li in b.lines.iter().filter(|&&li| !sink.page.off[li]) {
            // A flattened page's line holds several blocks: each counts only its own part.
            let line = &input.blocks.lines[li];
            let span = line.span.start.max(b.span.start)..line.span.end.min(b.span.end);
            let raw = &input.text[span.clone()];
            for r in halfwidth_spots(raw) {
                let c = &raw[r.clone()];
                if !marks.contains(c) {
                    marks.push_str(c);
                }
                first.get_or_insert(span.start + r.start..span.start + r.end);
                n += 1;
            }
        }
        if let Some(r) = first {
            per_block.push((r, n, marks));
        }
    }
    if per_block.len() > HALFWIDTH_PER_PARAGRAPH_MAX {
        let total: usize = per_block.iter().map(|p| p.1).sum();
        let message = format!(
            "全文{}段共{total}处在中文之间使用了半角标点，应改用全角（，；：（）？！）",
            per_block.len()
        );
        sink.push(
            "halfwidth-punctuation",
            Some(per_block[0].0.clone()),
            message,
            None,
        );
        return;
    }
    for (r, n, marks) in per_block {
        let message = format!("本段有{n}处半角标点“{marks}”夹在中文之间，应改用全角");
        let c = sink.raw(&r).chars().next().unwrap_or(',');
        sink.push(
            "halfwidth-punctuation",
            Some(r),
            message,
            Some(full_width(c).to_string()),
        );
    }
}

fn full_width(c: char) -> char {
    match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        c => c,
    }
}

/// `2023年12月20日` from ISO `2023-12-20`.
fn gb_date(iso: &str) -> Option<String> {
    let mut it = iso.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (it.next()??, it.next()??, it.next()??);
    Some(format!("{y}年{m}月{d}日"))
}

/// Dates in the body not in GB/T 9704 form: `2023.12.20`, `2023-12-20`, `2023/12/20`, `05月`, `05日`.
fn body_date_spots(s: &str) -> Vec<(Range<usize>, String)> {
    let b = s.as_bytes();
    let digits = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let n = digits(i);
        let (start, end) = (i, i + n);
        i = end;
        // 2023.12.20 / 2023-12-20 / 2023/12/20
        if n == 4 && (s[start..].starts_with("19") || s[start..].starts_with("20")) && end < b.len()
        {
            let sep = b[end];
            if matches!(sep, b'.' | b'-' | b'/') {
                let m = digits(end + 1);
                if (1..=2).contains(&m) && b.get(end + 1 + m) == Some(&sep) {
                    let d = digits(end + 2 + m);
                    let stop = end + 2 + m + d;
                    if (1..=2).contains(&d) {
                        let iso = format!(
                            "{}-{}-{}",
                            &s[start..end],
                            &s[end + 1..end + 1 + m],
                            &s[end + 2 + m..stop]
                        );
                        if let Some(g) = gb_date(&iso) {
                            out.push((start..stop, g));
                        }
                        i = stop;
                        continue;
                    }
                }
            }
        }
        // 05月, 05日: zero-padded month or day.
        if n == 2 && b[start] == b'0' && b[start + 1] != b'0' {
            let rest = &s[end..];
            if let Some(unit) = ["月", "日"].into_iter().find(|u| rest.starts_with(u)) {
                let fixed = format!("{}{unit}", (b[start + 1] - b'0'));
                out.push((start..end + unit.len(), fixed));
            }
        }
    }
    out
}

pub(super) fn dates(sink: &mut Sink<'_>) {
    let input = sink.input;
    let closing = find_closing(input.blocks);
    let date_block = closing.date.as_ref().map(|(bi, _)| *bi);
    if let Some((bi, iso)) = &closing.date {
        let b = &input.blocks.blocks[*bi];
        let s = &b.norm.text;
        let good = gb_date(iso).is_some_and(|g| g == *s);
        if !good && iso_date(s).is_some() {
            let raw = b.norm.full_raw_span();
            let message = format!(
                "成文日期“{}”应使用阿拉伯数字、年月日齐全且不编虚位（GB/T 9704）",
                sink.raw(&raw)
            );
            sink.push("date-format", Some(raw), message, gb_date(iso));
        }
    }
    for (bi, b) in input.blocks.blocks.iter().enumerate() {
        if Some(bi) == date_block {
            continue;
        }
        for (r, fixed) in body_date_spots(&b.norm.text) {
            let raw = b.norm.raw_span(r);
            let message = format!("日期“{}”不合公文写法", sink.raw(&raw));
            sink.push("body-date-format", Some(raw), message, Some(fixed));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::review::lints::tests::{CLEAN, clean_with, fired, lint_text};

    #[test]
    fn halfwidth_punctuation() {
        let text = clean_with("无。", "围绕法治政府建设,扎实开展法治宣传;成效明显。");
        let f: Vec<_> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "halfwidth-punctuation")
            .collect();
        assert_eq!(f.len(), 1, "one finding per paragraph");
        assert!(f[0].message.contains('2'));
        // Between figures or Latin text: not Chinese body text.
        let text = clean_with("无。", "完成率为95.5%,同比增长2,000元/人,APP:浙里办。");
        assert_eq!(fired("halfwidth-punctuation", &text), Vec::<String>::new());
        // Many paragraphs: one finding for the whole text.
        let lines: Vec<String> = CLEAN.lines().map(|l| l.replace('，', ",")).collect();
        let f: Vec<_> = lint_text(&(lines.join("\n") + "\n"))
            .into_iter()
            .filter(|f| f.rule == "halfwidth-punctuation")
            .collect();
        assert_eq!(f.len(), 1);
        assert!(f[0].message.starts_with("全文"));
    }

    #[test]
    fn date_format() {
        for (date, want) in [
            ("二〇二四年一月十日", "2024年1月10日"),
            ("2024.1.10", "2024年1月10日"),
            ("2024-01-10", "2024年1月10日"),
            ("2024年01月10日", "2024年1月10日"),
        ] {
            let text = clean_with("2024年1月10日", date);
            let f: Vec<_> = lint_text(&text)
                .into_iter()
                .filter(|f| f.rule == "date-format")
                .collect();
            assert_eq!(f.len(), 1, "{date}");
            assert_eq!(f[0].suggestion.as_deref(), Some(want));
        }
        assert_eq!(fired("date-format", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn body_date_format() {
        let text = clean_with("无。", "2023.12.20召开会议，2023年05月完成整改。");
        assert_eq!(fired("body-date-format", &text), vec!["2023.12.20", "05月"]);
        let text = clean_with(
            "无。",
            "开展“3.15”消费者权益日、“6.26”国际禁毒日活动，2021-2025年规划。",
        );
        assert_eq!(fired("body-date-format", &text), Vec::<String>::new());
    }
}
