//! Rules on documents cited: `citation-near-miss`, `citation-superseded`, `title-in-quotes`.

use crate::review::citations::{recognize, superseded};

use super::sink::Sink;

pub(super) fn citations(sink: &mut Sink<'_>) {
    let input = sink.input;
    for c in input.citations {
        if c.near_miss
            && let Some(k) = &c.known
        {
            let message = format!("《{}》疑为《{k}》之误", c.title);
            sink.push(
                "citation-near-miss",
                Some(c.range.clone()),
                message,
                Some(format!("《{k}》")),
            );
        }
        if let Some(year) = input.meta.year
            && let Some((new, from)) = superseded(&c.title, year)
        {
            let message = format!("《{}》已于{from}年废止，现行为《{new}》", c.title);
            sink.push(
                "citation-superseded",
                Some(c.range.clone()),
                message,
                Some(format!("《{new}》")),
            );
        }
    }
    // Law titles in quotes: “民法典” for 《民法典》.
    for b in &input.blocks.blocks {
        let s = &b.norm.text;
        let mut from = 0;
        while let Some(p) = s[from..].find('“') {
            let open = from + p;
            let inner_start = open + '“'.len_utf8();
            let Some(q) = s[inner_start..].find(['”', '“']) else {
                break;
            };
            let close = inner_start + q;
            from = close;
            if !s[close..].starts_with('”') {
                continue;
            }
            let inner = &s[inner_start..close];
            if let Some((_, kind, false)) = recognize(inner)
                && kind != crate::review::citations::CitationKind::Other
            {
                let raw = b.norm.raw_span(open..close + '”'.len_utf8());
                let message = format!("法规名称应使用书名号：{}", sink.raw(&raw));
                let written = sink.raw(&b.norm.raw_span(inner_start..close)).to_string();
                sink.push(
                    "title-in-quotes",
                    Some(raw),
                    message,
                    Some(format!("《{written}》")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::review::lints::tests::{clean_with, fired};

    #[test]
    fn citation_near_miss_and_superseded() {
        let text = clean_with(
            "《法治政府建设实施纲要（2021—2025年）》",
            "《法治中国建设规（2020-2025年）》",
        );
        assert_eq!(
            fired("citation-near-miss", &text),
            vec!["《法治中国建设规（2020-2025年）》"]
        );
        let text = clean_with("《中华人民共和国行政处罚法》", "国务院《信访条例》");
        assert_eq!(fired("citation-superseded", &text), vec!["《信访条例》"]);
        let text = clean_with("《中华人民共和国行政处罚法》", "《青海省信访条例》");
        assert_eq!(fired("citation-superseded", &text), Vec::<String>::new());
    }

    #[test]
    fn title_in_quotes() {
        let text = clean_with("无。", "深入学习“民法典”、“宪法”等法律法规。");
        assert_eq!(fired("title-in-quotes", &text), vec!["“民法典”", "“宪法”"]);
        let text = clean_with("无。", "开展“宪法宣传周”活动。");
        assert_eq!(fired("title-in-quotes", &text), Vec::<String>::new());
    }
}
