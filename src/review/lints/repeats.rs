//! Rules on text written twice: `repeated-lead-in`, `duplicate-sentence`.

use std::collections::HashMap;
use std::ops::Range;

use super::rules::{DUPLICATE_MIN_CHARS, LEAD_IN_MAX_CHARS};
use super::sink::{Sink, first_heading_block, is_title_like};

pub(super) fn lead_in(sink: &mut Sink<'_>) {
    let input = sink.input;
    let bs = &input.blocks.blocks;
    let first_head = input.heads.first().map_or(bs.len().min(3), |h| h.block);
    let mut seen = 0;
    for b in &bs[..first_head.min(bs.len())] {
        let s = &b.norm.text;
        let mut from = 0;
        while let Some(p) = s[from..].find("现将").or_else(|| s[from..].find("现就")) {
            let at = from + p;
            let tail_end = s[at..]
                .char_indices()
                .nth(LEAD_IN_MAX_CHARS)
                .map_or(s.len(), |(i, _)| at + i);
            let Some(end) = s[at..tail_end].find("如下") else {
                break;
            };
            let mut end = at + end + "如下".len();
            if let Some(c) = s[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, ':' | '。' | ','))
            {
                end += c.len_utf8();
            }
            seen += 1;
            if seen > 1 {
                let raw = b.norm.raw_span(at..end);
                let message = format!("开头的引语重复：“{}”", sink.raw(&raw));
                sink.push(
                    "repeated-lead-in",
                    Some(raw),
                    message,
                    Some("删去重复的一句".into()),
                );
            }
            from = end;
        }
    }
}

/// Sentences of a normalized paragraph: byte ranges ending after `。！？；：`.
fn sentences(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if matches!(c, '。' | '!' | '?' | ';' | ':') {
            out.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    if start < s.len() {
        out.push(start..s.len());
    }
    out
}

pub(super) fn duplicates(sink: &mut Sink<'_>) {
    let input = sink.input;
    let heading_blocks: std::collections::HashSet<usize> =
        input.heads.iter().map(|h| h.block).collect();
    let preamble = first_heading_block(input);
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (bi, b) in input.blocks.blocks.iter().enumerate() {
        let s = &b.norm.text;
        // A title line before the first heading is no sentence of the report: a web page shows
        // its own title, then the document's (静海区2023年度法治政府建设情况报告 twice).
        if bi < preamble && is_title_like(s) {
            continue;
        }
        for (k, r) in sentences(s).into_iter().enumerate() {
            // A heading's own title is not a sentence of the body.
            if k == 0 && heading_blocks.contains(&bi) {
                continue;
            }
            let body = s[r.clone()].trim_end_matches(['。', '!', '?', ';', ':', ',']);
            if body.chars().count() < DUPLICATE_MIN_CHARS {
                continue;
            }
            match seen.get(body) {
                Some(_) => {
                    let raw = b.norm.raw_span(r.start..r.start + body.len());
                    let excerpt: String = body.chars().take(20).collect();
                    let message = format!("句子与前文重复：“{excerpt}……”");
                    sink.push(
                        "duplicate-sentence",
                        Some(raw),
                        message,
                        Some("删去重复的句子".into()),
                    );
                }
                None => {
                    seen.insert(body, bi);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::review::lints::tests::{CLEAN, clean_with, fired};

    #[test]
    fn repeated_lead_in() {
        // Seed 001.
        let text = clean_with(
            "现将2023年度法治政府建设情况报告如下：",
            "现将有关情况报告如下：现将我镇2023年法治政府建设工作有关情况报告如下：",
        );
        assert_eq!(
            fired("repeated-lead-in", &text),
            vec!["现将我镇2023年法治政府建设工作有关情况报告如下："]
        );
        assert_eq!(fired("repeated-lead-in", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn duplicate_sentence() {
        let s = "镇党委书记、镇长严格履行第一责任人职责";
        let text = clean_with(
            "无。\n",
            &format!(
                "{s}，全年主持召开法治建设专题会议3次，带头学习《中华人民共和国行政处罚法》。\n"
            ),
        );
        assert_eq!(fired("duplicate-sentence", &text).len(), 1);
        // Short formulas repeat legitimately.
        let text = clean_with("无。\n", "强化组织领导。\n");
        assert_eq!(fired("duplicate-sentence", &text), Vec::<String>::new());
    }

    #[test]
    fn duplicate_sentence_skips_a_title_shown_twice() {
        // web001: the page's title, its metadata, then the document's title.
        let page = "静海区2023年度法治政府建设情况报告\n来源:静海区人民政府办公室 发布时间:2024-03-28 09:18\n";
        let text = format!("{page}{CLEAN}").replacen(
            "长丰县岗集镇人民政府关于2023年度法治政府建设情况的报告",
            "静海区2023年度法治政府建设情况报告",
            1,
        );
        assert_eq!(fired("duplicate-sentence", &text), Vec::<String>::new());
        // A lead-in sentence written twice before the first heading is a slip.
        let s = "岗集镇在县委、县政府的坚强领导下深入学习贯彻习近平法治思想。";
        let text = clean_with(
            "中共长丰县委、长丰县人民政府：\n",
            &format!("中共长丰县委、长丰县人民政府：\n{s}\n{s}\n"),
        );
        assert_eq!(fired("duplicate-sentence", &text).len(), 1);
    }
}
