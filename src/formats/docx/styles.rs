//! Styles: what styles.xml adds (numbering, outline level, hidden text) for the styles used.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::body::{NumRef, RawParagraph, StyledRun};
use super::xml::{Xml, attr, local, on_off, val, val_number};
use crate::error::Error;
use crate::error::{LIMITS, Limits};

/// What a style adds that changes the text: numbering, outline level, hidden text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Style {
    based_on: Option<String>,
    /// 0-based outline level: from `w:outlineLvl`, else from a heading name (`heading 1` → 0).
    pub(super) outline: Option<u8>,
    pub(super) num: NumRef,
    hidden: Option<bool>,
}

/// The styles kept from styles.xml.
#[derive(Debug, Default)]
pub(super) struct Styles {
    pub(super) by_id: HashMap<String, Style>,
    pub(super) default_paragraph: Option<String>,
}

/// Longest `basedOn` chain followed; Word allows no cycles, a hostile file might.
const MAX_CHAIN: usize = 32;

impl Styles {
    /// A style and those it is based on, nearest first.
    pub(super) fn chain<'s>(
        &'s self,
        id: Option<&'s str>,
    ) -> impl Iterator<Item = (&'s str, &'s Style)> {
        let mut next = id;
        std::iter::from_fn(move || {
            let id = next?;
            let (id, style) = self.by_id.get_key_value(id)?;
            next = style.based_on.as_deref();
            Some((id.as_str(), style))
        })
        .take(MAX_CHAIN)
    }
}

/// Reads styles.xml, keeping the `wanted` styles, their `basedOn` chains and the default
/// paragraph style.
///
/// Word templates hold hundreds of styles and a document uses a handful, so the part is first cut
/// into style elements by a plain text search (about 10× faster than parsing every element), and
/// only the styles kept are parsed. A style may be based on one written before it, hence the
/// index before the parse.
pub(super) fn read_styles(
    part: &str,
    text: &str,
    wanted: &HashSet<&str>,
    limits: &Limits,
) -> Result<Styles, Error> {
    let index = index_styles(part, text)?;
    let mut styles = Styles {
        by_id: HashMap::new(),
        default_paragraph: index
            .iter()
            .find(|s| s.default_paragraph)
            .map(|s| s.id.clone()),
    };
    let mut positions: HashMap<&str, usize> = HashMap::new();
    for (i, s) in index.iter().enumerate() {
        positions.entry(s.id.as_str()).or_insert(i);
    }
    let mut todo: Vec<String> = wanted.iter().map(|id| id.to_string()).collect();
    todo.extend(styles.default_paragraph.clone());
    // Each style is parsed at most once, so this ends even on a basedOn cycle.
    while let Some(id) = todo.pop() {
        if styles.by_id.contains_key(&id) {
            continue;
        }
        let Some(&i) = positions.get(id.as_str()) else {
            continue;
        };
        let range = index[i].range.clone();
        let mut xml = Xml::new(part, &text[range.clone()], limits);
        xml.offset = range.start as u64;
        let style = match xml.next()? {
            Event::Start(_) => read_style(&mut xml)?,
            _ => Style::default(),
        };
        todo.extend(style.based_on.clone());
        styles.by_id.insert(id, style);
    }
    Ok(styles)
}

/// Where one `w:style` element is in styles.xml.
#[derive(Debug)]
struct IndexedStyle {
    id: String,
    default_paragraph: bool,
    range: Range<usize>,
}

/// Cuts styles.xml into its style elements: each start tag is parsed, the content only located.
fn index_styles(part: &str, text: &str) -> Result<Vec<IndexedStyle>, Error> {
    let invalid = |at: usize| Xml::new(part, "", &LIMITS).invalid(at as u64);
    // The prefix the file gives the WordprocessingML namespace, from its root element.
    let mut root = Xml::new(part, text, &LIMITS);
    let prefix = loop {
        match root.next() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let name = e.name().into_inner();
                break name.rsplit_once(':').map_or("", |(p, _)| p).to_string();
            }
            Ok(Event::Eof) | Err(_) => return Err(invalid(root.reader.error_position() as usize)),
            Ok(_) => {}
        }
    };
    let (open, close) = if prefix.is_empty() {
        ("<style".to_string(), "</style>".to_string())
    } else {
        (format!("<{prefix}:style"), format!("</{prefix}:style>"))
    };
    let bytes = text.as_bytes();
    let mut index = Vec::new();
    let mut at = 0;
    // A comment between two styles may quote a style (none inside one: Word writes none). The
    // text between styles is searched for comments once, up to `scanned`; `comment` is the last
    // `<!--` seen there, until its `-->` is behind us (each byte looked at a bounded number of
    // times: near-miss tags such as `<w:stylez/>` do not make it quadratic, #12.3).
    let mut scanned = 0;
    let mut comment: Option<usize> = None;
    while let Some(found) = text.get(at..).and_then(|rest| rest.find(&open)) {
        let start = at + found;
        if let Some(c) = text[scanned..start].rfind("<!--") {
            comment = Some(scanned + c);
        }
        scanned = start;
        if let Some(c) = comment {
            match text[c..].find("-->").map(|i| c + i + 3) {
                Some(closed) if closed <= start => comment = None,
                Some(closed) => {
                    at = closed;
                    scanned = closed;
                    comment = None;
                    continue;
                }
                None => return Err(invalid(c)),
            }
        }
        let name_end = start + open.len();
        // `<w:styles` starts like `<w:style`.
        if !matches!(
            bytes.get(name_end),
            Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')
        ) {
            at = name_end;
            continue;
        }
        let tag_end = tag_end(bytes, name_end).ok_or_else(|| invalid(start))?;
        let tag = &text[start..tag_end];
        let end = if tag.ends_with("/>") {
            tag_end
        } else {
            text[tag_end..]
                .find(&close)
                .map(|i| tag_end + i + close.len())
                .ok_or_else(|| invalid(start))?
        };
        let mut reader = Reader::from_str(tag);
        if let Ok(Event::Start(e) | Event::Empty(e)) = reader.read_event() {
            let paragraph = attr(&e, "type").is_none_or(|t| t == "paragraph");
            let default = attr(&e, "default").is_some_and(|d| d == "1" || d == "true");
            if let Some(id) = attr(&e, "styleId") {
                index.push(IndexedStyle {
                    id: id.into_owned(),
                    default_paragraph: paragraph && default,
                    range: start..end,
                });
            }
        }
        at = end;
        scanned = end;
    }
    Ok(index)
}

/// The end (after `>`) of a start tag whose name ends at `from`; `>` inside quotes is skipped.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.get(from..)?.iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(from + i + 1),
            (None, b'<') => return None,
            _ => {}
        }
    }
    None
}

/// Reads the inside of a `w:style`.
fn read_style(xml: &mut Xml<'_>) -> Result<Style, Error> {
    let mut style = Style::default();
    let mut heading = None;
    xml.each_inside(|xml, e, empty| {
        match local(e) {
            "name" => heading = val(e).and_then(|n| heading_level(&n)),
            "basedOn" => style.based_on = val(e).map(Cow::into_owned),
            "outlineLvl" => style.outline = val_number(e),
            "ilvl" => style.num.level = val_number(e),
            "numId" => style.num.num_id = val_number(e),
            "vanish" => style.hidden = Some(on_off(e)),
            "pPr" | "rPr" | "numPr" => {}
            _ if !empty => xml.skip()?,
            _ => {}
        }
        Ok(())
    })?;
    style.outline = style.outline.or(heading);
    Ok(style)
}

/// The 0-based outline level a built-in heading name stands for: `heading 1`, `Heading 1`,
/// `标题 1` → 0.
fn heading_level(name: &str) -> Option<u8> {
    let name = name.trim();
    let rest = name
        .get(..8)
        .filter(|head| head.eq_ignore_ascii_case("heading "))
        .map(|_| &name[8..])
        .or_else(|| name.strip_prefix("标题"))?;
    match rest.trim().parse::<u8>() {
        Ok(n @ 1..=9) => Some(n - 1),
        _ => None,
    }
}

/// A paragraph's text without the runs its styles hide.
pub(super) fn visible_text<'p>(
    p: &'p RawParagraph,
    style_id: Option<&str>,
    styles: &Styles,
) -> Cow<'p, str> {
    let paragraph_hides = styles
        .chain(style_id)
        .find_map(|(_, s)| s.hidden)
        .unwrap_or(false);
    let hidden = |run: &StyledRun| {
        run.style
            .as_deref()
            .and_then(|id| styles.chain(Some(id)).find_map(|(_, s)| s.hidden))
            .unwrap_or(paragraph_hides)
    };
    if !p.styled_runs.iter().any(hidden) {
        return Cow::Borrowed(&p.text);
    }
    let mut text = String::with_capacity(p.text.len());
    let mut at = 0;
    for run in p.styled_runs.iter().filter(|r| hidden(r)) {
        text.push_str(p.text.get(at..run.range.start).unwrap_or(""));
        at = run.range.end;
    }
    text.push_str(p.text.get(at..).unwrap_or(""));
    Cow::Owned(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::docx::tests::{docx, extract, p, styled, styles_xml, text_of};
    use crate::formats::zip::Archive;

    #[test]
    fn hidden_text_is_skipped_directly_or_via_its_style() {
        let styles = styles_xml(
            r#"<w:style w:type="character" w:styleId="Secret"><w:name w:val="Secret"/><w:rPr><w:vanish/></w:rPr></w:style>"#,
        );
        let body = r#"<w:p><w:r><w:t>可见</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>也可见</w:t></w:r><w:r><w:rPr><w:rStyle w:val="Secret"/></w:rPr><w:t>样式隐藏</w:t></w:r><w:r><w:t>。</w:t></w:r></w:p>"#;
        assert_eq!(text_of(body, None, Some(&styles)), "可见也可见。");
    }

    #[test]
    fn a_hidden_paragraph_style_hides_the_runs_that_do_not_say_otherwise() {
        let styles = styles_xml(
            r#"<w:style w:type="paragraph" w:styleId="Note"><w:name w:val="Note"/><w:rPr><w:vanish/></w:rPr></w:style>"#,
        );
        let body = format!(
            r#"<w:p><w:pPr><w:pStyle w:val="Note"/></w:pPr><w:r><w:t>批注</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>正文</w:t></w:r></w:p>{}"#,
            p("下一段")
        );
        assert_eq!(text_of(&body, None, Some(&styles)), "正文\n下一段");
    }

    #[test]
    fn heading_styles_give_the_outline_level() {
        let styles = styles_xml(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My heading"/><w:basedOn w:val="1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>"#,
        );
        let body = [
            styled("1", "一、总体情况"),
            styled("a3", "（一）主要举措"),
            styled("Mine", "二、存在问题"),
            styled("Body", "正文"),
            r#"<w:p><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:r><w:t>1.小标题</w:t></w:r></w:p>"#
                .into(),
            p("无样式"),
        ]
        .concat();
        let e = extract(&docx(&body, None, Some(&styles))).unwrap();
        let levels: Vec<Option<u8>> = e.paragraphs.iter().map(|h| h.outline_level).collect();
        assert_eq!(levels, [Some(1), Some(2), Some(1), None, Some(3), None]);
    }

    #[test]
    fn only_wanted_styles_and_their_chains_are_kept() {
        let styles = styles_xml(
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>
            <w:style w:type="paragraph" w:styleId="Base"><w:name w:val="heading 3"/></w:style>
            <w:style w:type="paragraph" w:styleId="Unused"><w:name w:val="Unused"/></w:style>
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Used"><w:name w:val="Used"/><w:basedOn w:val="Mid"/></w:style>
            <w:style w:type="paragraph" w:styleId="Mid"><w:name w:val="Mid"/><w:basedOn w:val="Base"/></w:style>"#,
        );
        let wanted: HashSet<&str> = ["Used"].into();
        let s = read_styles("word/styles.xml", &styles, &wanted, &LIMITS).unwrap();
        let mut kept: Vec<&str> = s.by_id.keys().map(String::as_str).collect();
        kept.sort();
        assert_eq!(kept, ["Base", "Mid", "Normal", "Used"]);
        assert_eq!(s.default_paragraph.as_deref(), Some("Normal"));
        assert_eq!(
            s.chain(Some("Used")).find_map(|(_, st)| st.outline),
            Some(2)
        );
    }

    #[test]
    fn styles_are_found_whatever_the_prefix_and_the_attributes() {
        let styles = r#"<?xml version="1.0"?><!-- <style> --><styles xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <style type="paragraph" styleId="Empty"/>
            <style type="paragraph" styleId="T&amp;C" custom='a>b'><name val="heading 4"/></style>
            <style type="paragraph" styleId="Body" default="1"><name val="Normal"/><pPr><outlineLvl val="9"/></pPr></style>
        </styles>"#;
        let wanted: HashSet<&str> = ["T&C", "Empty"].into();
        let s = read_styles("word/styles.xml", styles, &wanted, &LIMITS).unwrap();
        assert_eq!(s.default_paragraph.as_deref(), Some("Body"));
        assert_eq!(s.by_id["T&C"].outline, Some(3));
        assert_eq!(s.by_id["Empty"], Style::default());
        assert_eq!(s.by_id["Body"].outline, Some(9));
    }

    #[test]
    fn the_templates_styles_give_the_headings_levels() {
        let zip = include_bytes!("../../../tests/fixtures/formats/000_0ac10b74a13066d8.docx");
        let archive = Archive::new(zip, &LIMITS).unwrap();
        let part = archive.read("word/styles.xml").unwrap().unwrap();
        let text = std::str::from_utf8(&part).unwrap();
        let wanted: HashSet<&str> = ["Heading1", "Heading2"].into();
        let s = read_styles("word/styles.xml", text, &wanted, &LIMITS).unwrap();
        assert_eq!(s.default_paragraph.as_deref(), Some("Normal"));
        assert_eq!(s.by_id["Heading1"].outline, Some(0));
        assert_eq!(s.by_id["Heading2"].outline, Some(1));
        assert_eq!(s.by_id["Heading1"].based_on.as_deref(), Some("Normal"));
        assert_eq!(s.by_id.len(), 3, "{:?}", s.by_id.keys());
    }

    #[test]
    fn a_style_inside_a_comment_between_near_misses_is_skipped() {
        let styles = styles_xml(
            r#"<w:stylez/><!-- <w:stylez/> <w:style w:type="paragraph" w:styleId="Hidden"/> --><w:stylez/>
            <w:style w:type="paragraph" w:styleId="Seen"><w:name w:val="Seen"/></w:style>"#,
        );
        let index = index_styles("word/styles.xml", &styles).unwrap();
        let ids: Vec<&str> = index.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, vec!["Seen"]);
    }

    #[test]
    fn a_million_near_miss_style_tags_take_linear_time() {
        // #12.3: every `<w:stylez/>` searched the whole gap back to the last style for `<!--`.
        let styles = styles_xml(&"<w:stylez/>".repeat(1_000_000));
        let t = std::time::Instant::now();
        assert!(index_styles("word/styles.xml", &styles).unwrap().is_empty());
        eprintln!("1,000,000 near misses: {:?}", t.elapsed());
    }

    #[test]
    fn a_based_on_cycle_does_not_hang() {
        let styles = styles_xml(
            r#"<w:style w:type="paragraph" w:styleId="A"><w:name w:val="A"/><w:basedOn w:val="B"/></w:style>
            <w:style w:type="paragraph" w:styleId="B"><w:name w:val="B"/><w:basedOn w:val="A"/></w:style>"#,
        );
        let body = r#"<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>循环</w:t></w:r></w:p>"#;
        assert_eq!(text_of(body, None, Some(&styles)), "循环");
    }

    #[test]
    fn heading_names_give_levels() {
        assert_eq!(heading_level("heading 1"), Some(0));
        assert_eq!(heading_level("Heading 9"), Some(8));
        assert_eq!(heading_level("标题 2"), Some(1));
        assert_eq!(heading_level("标题"), None);
        assert_eq!(heading_level("Heading 10"), None);
        assert_eq!(heading_level("Title"), None);
    }
}
