//! Rules on template text and brackets: `placeholder`, `unbalanced-bracket`.

use std::ops::Range;

use crate::review::citations::title_marks;
use crate::text::normalize::is_han;

use super::sink::Sink;

/// Template placeholders in a normalized paragraph: byte ranges.
fn placeholder_spots(s: &str) -> Vec<Range<usize>> {
    // Most paragraphs hold no character a placeholder is made of: skip them without collecting.
    if !s
        .chars()
        .any(|c| matches!(c, 'X' | 'x' | '×' | '*' | '〇' | '○' | '_' | '某'))
    {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|c| c.1);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let run_of = |pred: &dyn Fn(char) -> bool| {
            let mut e = k;
            while e < chars.len() && pred(chars[e].1) {
                e += 1;
            }
            e
        };
        let e = match c {
            'X' | 'x' => run_of(&|c| matches!(c, 'X' | 'x')),
            '×' | '*' => run_of(&|x| x == c),
            '〇' | '○' => run_of(&|c| matches!(c, '〇' | '○')),
            '_' => run_of(&|c| c == '_'),
            '某' => run_of(&|c| c == '某'),
            _ => k + 1,
        };
        let len = e - k;
        let prev = k.checked_sub(1).and_then(at);
        let next = at(e);
        let han = |c: Option<char>| c.is_some_and(is_han);
        let numeral = |c: Option<char>| c.is_some_and(|c| "〇○零一二三四五六七八九十".contains(c));
        let hit = match c {
            // `XX镇`, `20XX年`: never inside a Latin word.
            'X' | 'x' => {
                len >= 2
                    && !prev.is_some_and(|p| p.is_ascii_alphabetic())
                    && !next.is_some_and(|n| n.is_ascii_alphabetic())
                    && (han(prev) || han(next) || prev.is_some_and(|p| p.is_ascii_digit()))
            }
            // `×××`, `×区`; `3×4` is a product.
            '×' => {
                !prev.is_some_and(|p| p.is_ascii_digit())
                    && !next.is_some_and(|n| n.is_ascii_digit())
                    && (len >= 2 || han(next))
            }
            '*' => han(prev) || han(next),
            // `〇〇镇`; `二〇〇〇年` is a year.
            '〇' | '○' => len >= 2 && !numeral(prev) && !numeral(next) && han(next),
            '_' => len >= 2 && (han(prev) || han(next)),
            // `某某镇`, `某某年`; `王某某` is a name made anonymous, as case reports do.
            '某' => {
                len == 2
                    && next.is_some_and(|n| "镇乡县区市省村街局委办年月日单位部门".contains(n))
                    && !prev.is_some_and(|p| is_han(p) && !"在对由向于的和与及至从是为".contains(p))
            }
            _ => false,
        };
        if hit {
            let end = chars.get(e).map_or(s.len(), |c| c.0);
            out.push(chars[k].0..end);
        }
        k = e.max(k + 1);
    }
    out
}

pub(super) fn placeholders(sink: &mut Sink<'_>) {
    for b in &sink.input.blocks.blocks {
        for r in placeholder_spots(&b.norm.text) {
            let raw = b.norm.raw_span(r);
            let message = format!("疑似未替换的模板占位符“{}”", sink.raw(&raw));
            sink.push("placeholder", Some(raw), message, None);
        }
    }
}

/// A `)` that closes a list number (`1)`, `a)`, `一)`) right after a clause boundary.
fn list_close(s: &str, at: usize) -> bool {
    let before: Vec<char> = s[..at].chars().rev().take(3).collect();
    let Some(&n) = before.first() else {
        return false;
    };
    let numberish = n.is_ascii_alphanumeric() || "一二三四五六七八九十".contains(n);
    let boundary = before.get(1).is_none_or(|c| {
        matches!(c, '。' | ';' | ':' | ',' | '、' | ' ')
            || (n.is_ascii_digit()
                && c.is_ascii_digit()
                && before.get(2).is_none_or(|c| !c.is_ascii_digit()))
    });
    numberish && boundary
}

pub(super) fn brackets(sink: &mut Sink<'_>) {
    for b in &sink.input.blocks.blocks {
        let s = &b.norm.text;
        let mut found: Vec<(Range<usize>, &str)> = Vec::new();
        for (open, close, name) in [('(', ')', "括号"), ('“', '”', "引号")] {
            let mut stack: Vec<usize> = Vec::new();
            let mut stray = None;
            for (i, c) in s.char_indices() {
                if c == open {
                    stack.push(i);
                } else if c == close
                    && stack.pop().is_none()
                    && stray.is_none()
                    && !(close == ')' && list_close(s, i))
                {
                    stray = Some(i..i + c.len_utf8());
                }
            }
            if let Some(r) = stack.first().map(|&o| o..o + open.len_utf8()).or(stray) {
                found.push((r, name));
            }
        }
        if let Some(r) = title_marks(s).1.into_iter().next() {
            found.push((r, "书名号"));
        }
        for (r, name) in found {
            let raw = b.norm.raw_span(r);
            let mark = sink.raw(&raw).to_string();
            let message = format!("本段{name}不配对：“{mark}”没有对应的另一半");
            sink.push("unbalanced-bracket", Some(raw), message, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::review::lints::tests::{clean_with, fired};

    #[test]
    fn placeholder() {
        for (line, spot) in [
            ("XX镇人民政府召开专题会议", "XX"),
            ("于20XX年完成", "XX"),
            ("负责人×××同志", "×××"),
            ("开展普法活动**次", "**"),
            ("*区司法局指导", "*"),
            ("某某镇法治工作", "某某"),
            ("〇〇村委会", "〇〇"),
            ("共开展___场", "___"),
        ] {
            let text = clean_with("无。", line);
            assert_eq!(fired("placeholder", &text), vec![spot], "{line}");
        }
        for line in [
            "二〇〇〇年以来",
            "配备X光安检机",
            "调解当事人王某某与李某的纠纷",
            "面积3×4米",
            "Windows XP 系统",
            "某村村民",
        ] {
            let text = clean_with("无。", line);
            assert_eq!(fired("placeholder", &text), Vec::<String>::new(), "{line}");
        }
    }

    #[test]
    fn unbalanced_bracket() {
        let text = clean_with("无。", "完善村（居民自治章程。");
        assert_eq!(fired("unbalanced-bracket", &text), vec!["（"]);
        let text = clean_with("无。", "开展“法律明白人培训。");
        assert_eq!(fired("unbalanced-bracket", &text), vec!["“"]);
        let text = clean_with("无。", "学习《宪法，遵守法律。");
        assert_eq!(fired("unbalanced-bracket", &text), vec!["《"]);
        // Numbered lists close with a lone `)`.
        let text = clean_with("无。", "重点有:1)学法;2)普法。");
        assert_eq!(fired("unbalanced-bracket", &text), Vec::<String>::new());
    }
}
