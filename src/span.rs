//! The one type every stage shares: where something is in the analyzed text. It sits below every
//! module (it imports none), so the passes that produce spans and the model that holds them do
//! not import each other.

use serde::Serialize;

/// A `[start, end)` pair of UTF-16 code unit offsets into the analyzed text (`Report::text`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Span(pub u32, pub u32);

/// Re-bases UTF-16 spans of one text to code-point offsets (Python's `str` indices): the model's
/// spans are UTF-16 because the page's JavaScript strings are; outside a browser a code point
/// is what a string index counts.
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// Code-point index at each UTF-16 offset (an offset inside a surrogate pair maps to its
    /// character), one more entry than the text has units.
    at: Vec<u32>,
}

impl CodePoints {
    /// The mapping for `text`.
    pub fn new(text: &str) -> CodePoints {
        let mut at = Vec::with_capacity(text.len() / 2 + 1);
        for (i, c) in text.chars().enumerate() {
            for _ in 0..c.len_utf16() {
                at.push(i as u32);
            }
        }
        at.push(text.chars().count() as u32);
        CodePoints { at }
    }

    /// `span` in code points; offsets past the end are clamped to it.
    pub fn span(&self, span: Span) -> Span {
        let last = self.at.len() - 1;
        let at = |u: u32| self.at[(u as usize).min(last)];
        Span(at(span.0), at(span.1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_count_a_surrogate_pair_once() {
        // `𠀀` (U+20000) is two UTF-16 units and one code point.
        let text = "甲𠀀乙丙";
        let cp = CodePoints::new(text);
        assert_eq!(cp.span(Span(0, 1)), Span(0, 1));
        assert_eq!(cp.span(Span(1, 3)), Span(1, 2));
        assert_eq!(cp.span(Span(3, 5)), Span(2, 4));
        assert_eq!(cp.span(Span(4, 99)), Span(3, 4));
    }

    #[test]
    fn code_points_equal_units_in_the_basic_plane() {
        let cp = CodePoints::new("一、主要举措");
        assert_eq!(cp.span(Span(2, 6)), Span(2, 6));
    }
}
