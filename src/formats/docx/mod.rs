//! Read .docx: the main document part → one paragraph per Word paragraph, in reading order, with
//! the number Word's automatic numbering draws in front of it and the outline level of headings.
//!
//! Word stores what a person sees in three parts: the text in the main document part, the list
//! definitions in numbering.xml, and what styles add (numbering, outline level, hidden text) in
//! styles.xml. The document is streamed first (quick-xml): its paragraphs say which styles matter,
//! so only those and their `basedOn` chains are parsed from styles.xml (the python-docx template
//! brings 350 KB of styles nobody uses; stylesWithEffects.xml is never read).
//!
//! Text kept: runs (`w:t`), tabs (`\t`), line breaks (`w:br`, `w:cr` → `\n`; page and column
//! breaks are not line breaks), symbols (`w:sym`, its code point as is), inserted text, field
//! results, table cells (one paragraph per cell paragraph) and text boxes (once: of `mc:Choice`
//! and `mc:Fallback` only the first). A text box's paragraphs come before the paragraph that
//! anchors it. Text skipped: deleted text, hidden text (`w:vanish`, directly or via the run's or
//! the paragraph's style), field instructions, ruby guides, and the parts Word prints apart from
//! the body (headers, footers, comments, footnotes) — they are never read. A deleted paragraph
//! mark does not join two paragraphs.
//!
//! Numbering is drawn as Word draws it (`ListCounters::label` has the rules), with no separator after the
//! label whatever `w:suff` says (tab, space or nothing): the reports write `一、标题` with nothing
//! between, and a tab or space would only be white space before the title.
//!
//! Where the parts live: `package` finds the main document part and its numbering and styles
//! parts; `xml` reads a part event by event; `body` walks the main document part (paragraphs,
//! runs, tables, fields, text boxes); `styles` reads what the styles used add; `numbering` reads
//! the list definitions and draws their labels. Here: [`read`], and the last step that applies
//! styles and numbering to the paragraphs.

use std::collections::HashSet;

use super::extracted::{Extracted, Format, TextBuilder};
use super::zip::Archive;
use crate::error::Error;
use crate::error::{LIMITS, Limits};

mod body;
mod numbering;
mod package;
mod styles;
mod xml;

pub use package::{main_part, related_part, rels_part};
pub use xml::xml_text;

use body::{RawParagraph, read_body};
use numbering::{ListCounters, Numbering, numbering_of, read_numbering};
use package::related_parts;
use styles::{Styles, read_styles, visible_text};

/// Reads a .docx archive.
pub fn read(archive: &Archive<'_>) -> Result<Extracted, Error> {
    read_with(archive, &LIMITS)
}

/// Reads a .docx archive within `limits`.
fn read_with(archive: &Archive<'_>, limits: &Limits) -> Result<Extracted, Error> {
    let main = main_part(archive);
    let bytes = archive.read(&main)?.unwrap_or_default();
    if bytes.is_empty() {
        return Err(Error::Broken(
            format!("{main} 缺失或为空"),
            format!("{main} is missing or empty"),
        ));
    }
    let body = read_body(&main, &xml_text(&main, &bytes)?, limits)?;
    drop(bytes);

    let (numbering_part, styles_part) = related_parts(archive, &main);
    let numbering = match numbering_part {
        Some(part) => match archive.read(&part)? {
            Some(bytes) => read_numbering(&part, &xml_text(&part, &bytes)?, limits)?,
            None => Numbering::default(),
        },
        None => Numbering::default(),
    };
    let mut wanted: HashSet<&str> = body.styles_used.iter().map(String::as_str).collect();
    wanted.extend(numbering.style_links());
    let styles = match styles_part {
        Some(part) => match archive.read(&part)? {
            Some(bytes) => read_styles(&part, &xml_text(&part, &bytes)?, &wanted, limits)?,
            None => Styles::default(),
        },
        None => Styles::default(),
    };
    render(body.paragraphs, &numbering, &styles, limits)
}

/// Applies styles and numbering: the paragraphs as Word draws them.
fn render(
    paragraphs: Vec<RawParagraph>,
    numbering: &Numbering,
    styles: &Styles,
    limits: &Limits,
) -> Result<Extracted, Error> {
    let mut out = TextBuilder::new();
    let mut counters = ListCounters::default();
    for p in paragraphs {
        let style_id = p
            .style
            .as_deref()
            .filter(|id| styles.by_id.contains_key(*id))
            .or(styles.default_paragraph.as_deref());

        let outline = p
            .outline
            .or_else(|| styles.chain(style_id).find_map(|(_, s)| s.outline))
            .filter(|&l| l <= 8)
            .map(|l| l + 1);

        let label = match numbering_of(&p, style_id, styles, numbering) {
            Some((list, level)) => counters.label(&list, level),
            None => String::new(),
        };

        let text = visible_text(&p, style_id, styles);
        if out.len() + label.len() + text.len() + 1 > limits.max_text {
            return Err(Error::TooLarge("text"));
        }
        out.paragraph_from(&label, &text, outline, p.source.clone());
    }
    out.finish(Format::Docx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::zip::tests::make_zip;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    pub(super) fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        )
    }

    pub(super) fn numbering_xml(inner: &str) -> String {
        format!(r#"<w:numbering {W}>{inner}</w:numbering>"#)
    }

    pub(super) fn styles_xml(inner: &str) -> String {
        format!(r#"<w:styles {W}>{inner}</w:styles>"#)
    }

    /// A .docx of a body and, optionally, numbering.xml and styles.xml (found by name).
    pub(super) fn docx(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
        let doc = document(body);
        let mut files: Vec<(&str, &[u8], bool)> = vec![("word/document.xml", doc.as_bytes(), true)];
        if let Some(n) = numbering {
            files.push(("word/numbering.xml", n.as_bytes(), true));
        }
        if let Some(s) = styles {
            files.push(("word/styles.xml", s.as_bytes(), true));
        }
        make_zip(&files)
    }

    pub(super) fn extract(zip: &[u8]) -> Result<Extracted, Error> {
        read(&Archive::new(zip, &LIMITS)?)
    }

    /// The text of a docx, one line per paragraph.
    pub(super) fn text_of(body: &str, numbering: Option<&str>, styles: Option<&str>) -> String {
        extract(&docx(body, numbering, styles)).unwrap().text
    }

    pub(super) fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    /// A paragraph of style `id` holding `text`.
    pub(super) fn styled(id: &str, text: &str) -> String {
        format!(r#"<w:p><w:pPr><w:pStyle w:val="{id}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
    }

    pub(super) fn numbered(num_id: u32, ilvl: u8, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    pub(super) fn lvl(ilvl: u8, fmt: &str, text: &str, extra: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    /// The fixtures' list: 一、 over （一）, the second restarting under the first.
    pub(super) fn report_list() -> String {
        numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="10">{}{}</w:abstractNum><w:num w:numId="10"><w:abstractNumId w:val="10"/></w:num>"#,
            lvl(0, "chineseCounting", "%1、", ""),
            lvl(
                1,
                "chineseCounting",
                "（%2）",
                r#"<w:lvlRestart w:val="1"/>"#
            ),
        ))
    }

    #[test]
    fn an_empty_document_has_no_text() {
        let zip = docx("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>", None, None);
        assert_eq!(extract(&zip), Err(Error::NoText("docx")));
        let zip = docx("", None, None);
        assert_eq!(extract(&zip), Err(Error::NoText("docx")));
    }

    #[test]
    fn a_missing_or_empty_main_part_is_broken() {
        let zip = make_zip(&[("word/document.xml", b"", false)]);
        assert!(
            matches!(extract(&zip), Err(Error::Broken(zh, _)) if zh.contains("word/document.xml")),
        );
    }

    #[test]
    fn a_truncated_archive_is_refused() {
        let zip = docx(&p("正文"), None, None);
        assert!(Archive::new(&zip[..zip.len() / 2], &LIMITS).is_err());
    }

    #[test]
    fn text_beyond_the_limit_is_refused() {
        let zip = docx(&p(&"法治".repeat(100)), None, None);
        let small = Limits {
            max_text: 100,
            ..LIMITS
        };
        let archive = Archive::new(&zip, &LIMITS).unwrap();
        assert_eq!(read_with(&archive, &small), Err(Error::TooLarge("text")));
        assert!(read_with(&archive, &LIMITS).is_ok());
    }
}
