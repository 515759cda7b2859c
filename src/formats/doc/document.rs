//! The walk through the main text: paragraphs, cells, breaks, fields; each one's label and level.

use super::damage::truncated;
use super::numbering::Numbering;
use super::pieces::{Piece, cp1252};
use super::props::{ParaRun, Styles};
use crate::error::Error;
use crate::error::LIMITS;
use crate::formats::cfb::u16_at;
use crate::formats::extracted::TextBuilder;

/// The walk through the main text, paragraph by paragraph.
pub(super) struct Document {
    pub(super) builder: TextBuilder,
    pub(super) styles: Styles,
    pub(super) runs: Vec<ParaRun>,
    pub(super) numbering: Numbering,
}

impl Document {
    /// Reads the first `ccp_text` characters through the pieces and lays out the paragraphs.
    pub(super) fn walk(
        &mut self,
        word: &[u8],
        pieces: &[Piece],
        ccp_text: usize,
    ) -> Result<(), Error> {
        // Every character takes at least one byte of WordDocument, and each is read once even
        // when hostile pieces overlap: the walk is bounded by the stream's size.
        let ccp_text = ccp_text.min(word.len());
        let mut done = 0;
        let units = pieces.iter().flat_map(move |piece| {
            let end = piece.cp_end.min(ccp_text);
            let start = piece.cp.max(done);
            done = done.max(end);
            (start.saturating_sub(piece.cp)..end.saturating_sub(piece.cp)).map(move |i| {
                // Checked: on wasm32 a hostile fc near 4 GB must not wrap around.
                let width = if piece.compressed { 1 } else { 2 };
                let fc = i.checked_mul(width).and_then(|d| piece.fc.checked_add(d))?;
                let unit = if piece.compressed {
                    word.get(fc).map(|&b| cp1252(b))
                } else {
                    u16_at(word, fc)
                };
                Some((fc, unit?))
            })
        });
        self.lay_out(units)
    }

    /// Lays out the characters of the main text (each with its offset in WordDocument, to find
    /// its paragraph's properties): paragraphs, cells, line breaks, fields.
    pub(super) fn lay_out(
        &mut self,
        units: impl Iterator<Item = Option<(usize, u16)>>,
    ) -> Result<(), Error> {
        let mut body: Vec<u16> = Vec::new();
        // Open fields, innermost last: true while in the instruction (before the separator).
        let mut fields: Vec<bool> = Vec::new();
        let mut deep_fields = 0usize;
        for unit in units {
            let Some((fc, unit)) = unit else {
                return Err(truncated());
            };
            let in_instruction = fields.iter().any(|&f| f);
            match unit {
                0x13 => {
                    if fields.len() < LIMITS.max_depth {
                        fields.push(true);
                    } else {
                        deep_fields += 1;
                    }
                }
                0x14 => {
                    if deep_fields == 0
                        && let Some(f) = fields.last_mut()
                    {
                        *f = false;
                    }
                }
                0x15 => {
                    if deep_fields > 0 {
                        deep_fields -= 1;
                    } else {
                        fields.pop();
                    }
                }
                0x0D | 0x07 => {
                    self.end_paragraph(&mut body, fc)?;
                    // An instruction never spans paragraphs: a broken field must not
                    // swallow the rest of the document.
                    fields.iter_mut().for_each(|f| *f = false);
                }
                0x0C => {
                    if !body.is_empty() {
                        self.end_paragraph(&mut body, fc)?;
                    }
                }
                _ if in_instruction || deep_fields > 0 => {}
                0x0B => body.push(u16::from(b'\n')),
                0x09 => body.push(0x09),
                0x1E => body.push(u16::from(b'-')),
                0x00..=0x1F => {}
                _ => body.push(unit),
            }
        }
        if !body.is_empty() {
            self.end_paragraph(&mut body, usize::MAX)?;
        }
        Ok(())
    }

    /// Ends the paragraph whose mark is at `fc`: finds its properties, counts its number.
    fn end_paragraph(&mut self, body: &mut Vec<u16>, fc: usize) -> Result<(), Error> {
        let text = String::from_utf16_lossy(body);
        body.clear();
        let papx = self
            .runs
            .partition_point(|r| r.fc <= fc)
            .checked_sub(1)
            .and_then(|i| self.runs.get(i))
            .filter(|r| fc < r.fc_end)
            .map(|r| r.props)
            .unwrap_or_default();
        let (sti, style) = self.styles.resolve(papx.istd);
        let ilfo = papx.ilfo.or(style.ilfo).unwrap_or(0);
        let ilvl = papx.ilvl.or(style.ilvl).unwrap_or(0);
        let label = if ilfo != 0 && ilfo < 0xF000 {
            self.numbering.label(ilfo, ilvl)
        } else {
            String::new()
        };
        // Heading 1–9 have istd and sti 1–9; an explicit outline level comes first.
        let heading = sti.unwrap_or(papx.istd);
        let outline_level = papx
            .outline
            .or(style.outline)
            .filter(|&l| l < 9)
            .map(|l| l + 1)
            .or_else(|| (1..=9).contains(&heading).then_some(heading as u8));
        if self.builder.len() + label.len() + text.len() > LIMITS.max_text {
            return Err(Error::TooLarge("text"));
        }
        self.builder.paragraph(&label, &text, outline_level);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::formats::Format;
    use crate::formats::doc::tests::WordFile;

    #[test]
    fn reads_one_line_per_paragraph() {
        let e = WordFile::paragraphs(&["关于2023年度法治政府建设情况的报告", "", "一、主要举措"])
            .read()
            .unwrap();
        assert_eq!(e.format, Format::Doc);
        assert_eq!(e.text, "关于2023年度法治政府建设情况的报告\n\n一、主要举措");
        assert_eq!(e.paragraphs.len(), 3);
    }

    #[test]
    fn special_characters_become_what_a_reader_sees() {
        let cases = [
            ("a\tb\r", "a\tb"),              // tab kept
            ("a\u{b}b\r", "a\nb"),           // line break inside the paragraph
            ("a\u{7}b\u{7}\u{7}", "a\nb\n"), // cell and row ends end paragraphs
            ("a\u{c}b\r", "a\nb"),           // page break ends the paragraph
            ("\u{c}b\r", "b"),               // … but makes no empty one
            ("a\u{1e}b\r", "a-b"),           // non-breaking hyphen
            ("a\u{1f}b\r", "ab"),            // optional hyphen
            ("a\u{1}\u{8}b\r", "ab"),        // picture and drawn object
            ("a\u{2}\u{5}b\r", "ab"),        // other control characters
        ];
        for (raw, want) in cases {
            assert_eq!(WordFile::raw(raw).text(), want, "{raw:?}");
        }
    }

    #[test]
    fn fields_keep_their_result_and_drop_their_instruction() {
        let raw = "见\u{13} HYPERLINK \"x\" \u{14}第\u{13} PAGE \u{14}3\u{15}页\u{15}。\r";
        assert_eq!(WordFile::raw(raw).text(), "见第3页。");
        // A field without a result shows nothing of itself.
        assert_eq!(WordFile::raw("a\u{13} TC x \u{15}b\r").text(), "ab");
    }

    #[test]
    fn a_broken_field_does_not_swallow_the_next_paragraphs() {
        let raw = "a\u{13} never separated\rsecond\r";
        assert_eq!(WordFile::raw(raw).text(), "a\nsecond");
    }

    #[test]
    fn only_the_main_document_is_read() {
        // What follows ccpText (footnotes, headers, text boxes) is left out.
        let mut f = WordFile::paragraphs(&["正文", "脚注"]);
        f.ccp_text = Some(3);
        assert_eq!(f.text(), "正文");
    }
}
