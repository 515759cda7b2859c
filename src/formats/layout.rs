//! Layout: positioned pieces of text from a page description (PDF, OFD) → lines → paragraphs.
//!
//! PDF and OFD store where each piece of text is drawn, not which paragraph it belongs to. This
//! pass puts pieces into lines by their baseline, lines into paragraphs by indentation, line
//! length and spacing, drops page numbers, and never puts a space between CJK characters.

use super::TextBuilder;

/// A piece of text drawn at one position.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Page number, from 0.
    pub page: usize,
    /// Left edge, in page units (points for PDF, millimetres for OFD).
    pub x: f32,
    /// Baseline, growing downward from the top of the page (PDF readers flip their y).
    pub y: f32,
    /// Font size (the height of a line of this text), in the same units.
    pub size: f32,
    /// Advance width of the whole run, in the same units.
    pub width: f32,
    /// The text drawn.
    pub text: String,
}

/// Lays out runs as paragraphs into `out` (first cut: one paragraph per line; the lead is
/// writing the real one).
pub fn reflow(mut runs: Vec<Run>, out: &mut TextBuilder) {
    runs.sort_by(|a, b| {
        (a.page, a.y)
            .partial_cmp(&(b.page, b.y))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then(a.x.partial_cmp(&b.x).unwrap_or(std::cmp::Ordering::Equal))
    });
    let mut line = String::new();
    let mut last: Option<(usize, f32)> = None;
    for r in runs {
        if let Some((p, y)) = last
            && (p != r.page || (r.y - y).abs() > r.size * 0.5)
        {
            out.paragraph("", &line, None);
            line.clear();
        }
        line.push_str(&r.text);
        last = Some((r.page, r.y));
    }
    if !line.is_empty() {
        out.paragraph("", &line, None);
    }
}
