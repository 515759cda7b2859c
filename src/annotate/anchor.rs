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
