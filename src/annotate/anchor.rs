//! Comments anchored in a document part: a note's paragraph is found from the reader's map (text
//! offset → paragraph → the bytes of its content in the part), and marked with
//! `commentRangeStart` where its content starts and `commentRangeEnd` and the reference run where
//! it ends. Nothing else in the part changes.

use std::ops::Range;

use super::wordml::qname;
use crate::formats::ParagraphHint;

/// The paragraph holding a byte offset of the text: the last one starting at or before it.
pub fn paragraph_of(hints: &[ParagraphHint], at: usize) -> Option<usize> {
    hints.partition_point(|h| h.span.start <= at).checked_sub(1)
}

/// The prefix a part binds to a namespace (`w`; empty when it is the default namespace).
pub fn prefix_of(part: &str, namespace: &str) -> Option<String> {
    let at = part.find(&format!("=\"{namespace}\""))?;
    let decl = &part[part[..at].rfind("xmlns")? + "xmlns".len()..at];
    Some(decl.strip_prefix(':').unwrap_or(decl).trim().to_string())
}

/// The largest `id="N"` in a part (comment, bookmark and revision ids alike), so new comment
/// ids collide with none.
pub fn max_id(part: &str) -> u32 {
    let mut max = 0;
    let mut rest = part;
    while let Some(i) = rest.find("id=\"") {
        let before = rest[..i].chars().next_back();
        rest = &rest[i + 4..];
        if matches!(before, Some(':' | ' ')) {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse::<u32>() {
                max = max.max(n);
            }
        }
    }
    max
}

/// The runs of a paragraph around a quote of its text: from the start of the `<w:r>` holding the
/// quote's first character to the end of the one holding its last, so that a comment covers what
/// it is about (whole runs: no run is split). `content` is the paragraph's content in `part`,
/// `near` where in the paragraph's text (bytes) the quote is expected; of several occurrences the
/// nearest is taken. None — the caller keeps the whole paragraph — when the quote is not the
/// runs' `<w:t>` text (numbering Word generates, text the reader changed) or lies in a run that
/// is not the paragraph's own child (a hyperlink's, a revision's, a content control's).
pub fn runs_around(
    part: &str,
    prefix: &str,
    content: Range<usize>,
    quote: &str,
    near: usize,
) -> Option<Range<usize>> {
    if quote.is_empty() || content.end > part.len() || !part.is_char_boundary(content.start) {
        return None;
    }
    let run = qname(prefix, "r");
    let t = qname(prefix, "t");
    // The paragraph's text, piece by piece: (text start, text end, the direct run holding it).
    let mut text = String::new();
    let mut pieces: Vec<(usize, usize, Option<Range<usize>>)> = Vec::new();
    let mut depth = 0usize;
    let mut open_run: Option<usize> = None; // start of the depth-0 run we are in
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut at = content.start;
    while let Some(lt) = part[at..content.end].find('<').map(|i| at + i) {
        let gt = lt + part[lt..content.end].find('>')?;
        let tag = &part[lt + 1..gt];
        at = gt + 1;
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        if tag.starts_with('/') {
            depth = depth.checked_sub(1)?;
            if depth == 0 && name == run {
                runs.push(open_run.take()?..at);
            }
        } else if tag.ends_with('/') {
            // An empty element: nothing to count.
        } else {
            if depth == 0 && name == run {
                open_run = Some(lt);
            }
            depth += 1;
            if name == t {
                let end = at + part[at..content.end].find('<')?;
                let start = text.len();
                text.push_str(&unescape(&part[at..end]));
                // Which direct run holds it: the one open at depth 0, if the `<w:t>` is its child.
                let owner = (depth == 2).then_some(open_run).flatten();
                pieces.push((start, text.len(), owner.map(|o| o..o)));
                at = end;
            }
        }
    }
    // Each piece's run range, now that the runs are closed.
    for p in &mut pieces {
        if let Some(r) = &p.2 {
            p.2 = runs.iter().find(|x| x.start == r.start).cloned();
        }
    }
    let from = text
        .match_indices(quote)
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(near))?;
    let to = from + quote.len();
    let covering: Vec<&Range<usize>> = pieces
        .iter()
        .filter(|(a, b, _)| *a < to && *b > from)
        .map(|(_, _, r)| r.as_ref())
        .collect::<Option<_>>()?;
    Some(covering.first()?.start..covering.last()?.end)
}

/// The text of XML character data: the five entities and character references.
fn unescape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return s.into();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(semi) = rest.find(';') else { break };
        let entity = &rest[1..semi];
        let c = match entity {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.into()
}

/// The part with each `(id, content range)` marked as a comment's range. Ranges that do not
/// lie inside the part on character boundaries are left out (the caller's map was for another
/// part).
pub fn mark(part: &str, prefix: &str, targets: &[(u32, Range<usize>)]) -> String {
    let fits = |r: &Range<usize>| {
        r.start <= r.end
            && r.end <= part.len()
            && part.is_char_boundary(r.start)
            && part.is_char_boundary(r.end)
    };
    // (position, ends before starts, order): several comments on one paragraph nest.
    let mut inserts: Vec<(usize, u8, i64, String)> = Vec::new();
    for (id, r) in targets.iter().filter(|(_, r)| fits(r)) {
        let id_attr = qname(prefix, "id");
        inserts.push((
            r.start,
            1,
            i64::from(*id),
            format!(
                r#"<{} {id_attr}="{id}"/>"#,
                qname(prefix, "commentRangeStart")
            ),
        ));
        inserts.push((
            r.end,
            0,
            -i64::from(*id),
            format!(
                r#"<{0} {id_attr}="{id}"/><{1}><{2} {id_attr}="{id}"/></{1}>"#,
                qname(prefix, "commentRangeEnd"),
                qname(prefix, "r"),
                qname(prefix, "commentReference"),
            ),
        ));
    }
    inserts.sort_by_key(|i| (i.0, i.1, i.2));
    let mut out =
        String::with_capacity(part.len() + inserts.iter().map(|i| i.3.len()).sum::<usize>());
    let mut from = 0;
    for (at, _, _, s) in &inserts {
        out.push_str(&part[from..*at]);
        out.push_str(s);
        from = *at;
    }
    out.push_str(&part[from..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint(span: Range<usize>) -> ParagraphHint {
        ParagraphHint {
            span,
            ..Default::default()
        }
    }

    #[test]
    fn an_offset_belongs_to_the_paragraph_it_falls_in() {
        let hints = [hint(0..6), hint(7..12), hint(13..20)];
        assert_eq!(paragraph_of(&hints, 0), Some(0));
        assert_eq!(paragraph_of(&hints, 6), Some(0), "the line feed after it");
        assert_eq!(paragraph_of(&hints, 7), Some(1));
        assert_eq!(paragraph_of(&hints, 19), Some(2));
        assert_eq!(paragraph_of(&[], 3), None);
    }

    #[test]
    fn the_prefix_is_read_from_the_declaration() {
        let w = r#"<w:document xmlns:wpc="x" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#;
        assert_eq!(
            prefix_of(w, super::super::wordml::MAIN_NS).as_deref(),
            Some("w")
        );
        let default =
            r#"<document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#;
        assert_eq!(
            prefix_of(default, super::super::wordml::MAIN_NS).as_deref(),
            Some("")
        );
        assert_eq!(prefix_of("<a/>", super::super::wordml::MAIN_NS), None);
    }

    #[test]
    fn ids_are_read_as_attributes_not_inside_words() {
        assert_eq!(
            max_id(r#"<w:bookmarkStart w:id="7"/><w:comment w:id="3"/><x rsid="99"/>"#),
            7
        );
    }

    const P: &str = concat!(
        r#"<w:p><w:pPr/><w:r><w:rPr><w:b/></w:rPr><w:t>（三）</w:t></w:r>"#,
        r#"<w:proofErr w:type="spellStart"/><w:r><w:t xml:space="preserve">完善 &amp; 制度</w:t></w:r>"#,
        r#"<w:hyperlink r:id="rId9"><w:r><w:t>链接</w:t></w:r></w:hyperlink><w:r><w:t>完善</w:t></w:r></w:p>"#
    );

    fn content() -> Range<usize> {
        P.find("<w:r>").unwrap()..P.len() - "</w:p>".len()
    }

    #[test]
    fn a_quote_is_covered_by_the_runs_holding_it() {
        let r = runs_around(P, "w", content(), "（三）完善", 0).unwrap();
        assert!(P[r.clone()].starts_with("<w:r><w:rPr><w:b/>"));
        assert!(
            P[r].ends_with("完善 &amp; 制度</w:t></w:r>"),
            "up to the run of its last character"
        );
        // Entities are the characters they stand for.
        let r = runs_around(P, "w", content(), "& 制度", 9).unwrap();
        assert!(P[r].starts_with(r#"<w:r><w:t xml:space="preserve">完善"#));
    }

    #[test]
    fn of_two_occurrences_the_nearest_is_taken() {
        let text = "（三）完善 & 制度链接完善";
        let last = text.rfind("完善").unwrap();
        let r = runs_around(P, "w", content(), "完善", last).unwrap();
        assert_eq!(&P[r], "<w:r><w:t>完善</w:t></w:r>");
    }

    #[test]
    fn a_quote_in_a_hyperlink_or_not_in_the_runs_keeps_the_paragraph() {
        assert_eq!(
            runs_around(P, "w", content(), "链接", 0),
            None,
            "a hyperlink's run"
        );
        assert_eq!(
            runs_around(P, "w", content(), "一、总体", 0),
            None,
            "numbering Word generates"
        );
        assert_eq!(runs_around(P, "w", content(), "", 0), None);
    }

    #[test]
    fn a_paragraph_is_marked_around_its_content_and_two_comments_nest() {
        let part = "<w:p><w:pPr/><w:r><w:t>一、</w:t></w:r></w:p>";
        let content = 13..part.len() - 6;
        let out = mark(part, "w", &[(1, content.clone()), (2, content)]);
        assert_eq!(
            out,
            concat!(
                r#"<w:p><w:pPr/><w:commentRangeStart w:id="1"/><w:commentRangeStart w:id="2"/>"#,
                "<w:r><w:t>一、</w:t></w:r>",
                r#"<w:commentRangeEnd w:id="2"/><w:r><w:commentReference w:id="2"/></w:r>"#,
                r#"<w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>"#
            )
        );
        // A range from another part is left out rather than cutting a character.
        assert_eq!(mark(part, "w", &[(1, 25..26)]), part);
    }
}
