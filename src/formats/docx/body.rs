//! The main document part as it states it: paragraphs, runs, tables, fields and text boxes.

use std::collections::HashSet;
use std::ops::Range;

use quick_xml::events::{BytesStart, Event};

use super::xml::{Xml, attr, local, on_off, val, val_number};
use crate::error::Error;
use crate::error::Limits;

/// A numbering reference (`w:numPr`): each half may come from the paragraph or its style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct NumRef {
    pub(super) level: Option<u8>,
    pub(super) num_id: Option<u32>,
}

/// A run whose visibility its style or its paragraph's style decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StyledRun {
    pub(super) range: Range<usize>,
    pub(super) style: Option<String>,
}

/// A paragraph as the document part states it, before styles and numbering are applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct RawParagraph {
    pub(super) style: Option<String>,
    pub(super) num: NumRef,
    pub(super) outline: Option<u8>,
    pub(super) text: String,
    pub(super) styled_runs: Vec<StyledRun>,
    /// Bytes of the part between the start tag (and its `w:pPr`) and `</w:p>`.
    pub(super) source: Option<Range<usize>>,
}

/// What the document part holds.
#[derive(Debug, Default)]
pub(super) struct Body {
    pub(super) paragraphs: Vec<RawParagraph>,
    pub(super) styles_used: HashSet<String>,
}

/// A run being read.
#[derive(Debug)]
struct OpenRun {
    depth: usize,
    start: usize,
    hidden: Option<bool>,
    style: Option<String>,
}

/// A paragraph being read; text boxes put paragraphs inside paragraphs.
#[derive(Debug)]
struct OpenParagraph {
    depth: usize,
    paragraph: RawParagraph,
    run: Option<OpenRun>,
    /// Where the content starts in the part (None for `<w:p/>`).
    content_start: Option<usize>,
}

/// Elements whose content is never shown: deletions, field instructions, ruby guides, and
/// property blocks outside the paragraph and run properties that are read.
const SKIPPED: &[&str] = &[
    "del",
    "moveFrom",
    "delText",
    "instrText",
    "delInstrText",
    "rt",
    "sectPr",
    "sdtPr",
    "tblPr",
    "tblGrid",
    "trPr",
    "tcPr",
    "pPr",
    "rPr",
    "fldData",
];

/// The state of the pass over the document part.
struct BodyReader<'l> {
    limits: &'l Limits,
    open: Vec<OpenParagraph>,
    body: Body,
    text_bytes: usize,
    /// Inside a `w:t` whose text is shown.
    in_text: bool,
    /// Open fields (`w:fldChar` begin … end): whether each has reached its result.
    fields: Vec<bool>,
    /// Open `mc:AlternateContent` elements: their depth and whether a branch was taken.
    alternates: Vec<(usize, bool)>,
}

/// Reads the paragraphs of the document part.
pub(super) fn read_body(part: &str, text: &str, limits: &Limits) -> Result<Body, Error> {
    let mut xml = Xml::new(part, text, limits);
    let mut r = BodyReader {
        limits,
        open: Vec::new(),
        body: Body::default(),
        text_bytes: 0,
        in_text: false,
        fields: Vec::new(),
        alternates: Vec::new(),
    };
    loop {
        // Where the next event starts: a `</w:p>` ends the paragraph's content there.
        let before = xml.reader.buffer_position() as usize;
        match xml.next()? {
            Event::Start(e) => r.start(&mut xml, &e, false)?,
            Event::Empty(e) => r.start(&mut xml, &e, true)?,
            Event::End(e) => {
                let name = e.local_name();
                r.end(name.as_ref(), xml.depth, before);
            }
            Event::Text(t) if r.in_text => {
                let s = t.xml10_content();
                // A line feed inside w:t is white space to Word, not a line break.
                if s.contains('\n') {
                    r.push(&s.replace('\n', " "))?;
                } else {
                    r.push(&s)?;
                }
            }
            Event::CData(t) if r.in_text => r.push(&t.xml10_content())?,
            Event::GeneralRef(g) if r.in_text => {
                if let Ok(Some(c)) = g.resolve_char_ref() {
                    r.push(c.encode_utf8(&mut [0; 4]))?;
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&g) {
                    r.push(s)?;
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(r.body)
}

impl BodyReader<'_> {
    /// Whether text met now is shown: inside a run not hidden by itself, outside field
    /// instructions.
    fn showing(&self) -> bool {
        self.open
            .last()
            .and_then(|p| p.run.as_ref())
            .is_some_and(|run| run.hidden != Some(true))
            && self.fields.iter().all(|&result| result)
    }

    fn push(&mut self, s: &str) -> Result<(), Error> {
        self.text_bytes += s.len();
        if self.text_bytes > self.limits.max_text {
            return Err(Error::TooLarge("text"));
        }
        if let Some(p) = self.open.last_mut() {
            p.paragraph.text.push_str(s);
        }
        Ok(())
    }

    fn push_shown(&mut self, s: &str) -> Result<(), Error> {
        if self.showing() { self.push(s) } else { Ok(()) }
    }

    fn start(&mut self, xml: &mut Xml<'_>, e: &BytesStart<'_>, empty: bool) -> Result<(), Error> {
        let name = local(e);
        let depth = xml.depth;
        match name {
            "p" => {
                let at = xml.reader.buffer_position() as usize;
                self.open.push(OpenParagraph {
                    depth: if empty { depth + 1 } else { depth },
                    paragraph: RawParagraph::default(),
                    run: None,
                    content_start: (!empty).then_some(at),
                });
                if empty {
                    self.end("p", depth, at);
                }
            }
            // An empty element does not deepen the reader: `<w:pPr/>` sits at the paragraph's depth.
            "pPr"
                if self
                    .open
                    .last()
                    .is_some_and(|p| p.depth + usize::from(!empty) == depth) =>
            {
                let styles_used = &mut self.body.styles_used;
                if let Some(p) = self.open.last_mut() {
                    if !empty {
                        read_paragraph_properties(xml, &mut p.paragraph, styles_used)?;
                    }
                    // What a comment marks starts after the properties (they come first).
                    p.content_start = Some(xml.reader.buffer_position() as usize);
                }
            }
            "r" if !empty => {
                if let Some(p) = self.open.last_mut() {
                    p.run = Some(OpenRun {
                        depth,
                        start: p.paragraph.text.len(),
                        hidden: None,
                        style: None,
                    });
                }
            }
            "rPr"
                if !empty
                    && self
                        .open
                        .last()
                        .and_then(|p| p.run.as_ref())
                        .is_some_and(|run| run.depth + 1 == depth) =>
            {
                let styles_used = &mut self.body.styles_used;
                if let Some(run) = self.open.last_mut().and_then(|p| p.run.as_mut()) {
                    read_run_properties(xml, run, styles_used)?;
                }
            }
            "t" if !empty => self.in_text = self.showing(),
            "tab" | "ptab" => self.push_shown("\t")?,
            // Page and column breaks end a page, not a line of the paragraph.
            "br" if matches!(attr(e, "type").as_deref(), Some("page" | "column")) => {}
            "br" | "cr" => self.push_shown("\n")?,
            "noBreakHyphen" => self.push_shown("-")?,
            "sym" => {
                let c = attr(e, "char")
                    .and_then(|hex| u32::from_str_radix(hex.trim(), 16).ok())
                    .and_then(char::from_u32);
                if let Some(c) = c {
                    self.push_shown(c.encode_utf8(&mut [0; 4]))?;
                }
            }
            "fldChar" => match attr(e, "fldCharType").as_deref() {
                Some("begin") => {
                    if self.fields.len() >= self.limits.max_depth {
                        return Err(Error::TooLarge("depth"));
                    }
                    self.fields.push(false);
                }
                Some("separate") => {
                    if let Some(result) = self.fields.last_mut() {
                        *result = true;
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            "AlternateContent" if !empty => self.alternates.push((depth, false)),
            "Choice" | "Fallback" if !empty => {
                match self.alternates.last_mut() {
                    // One branch of the alternatives is the content; the others repeat it.
                    Some((at, taken)) if *at + 1 == depth => {
                        if *taken {
                            xml.skip()?;
                        } else {
                            *taken = true;
                        }
                    }
                    _ => {}
                }
            }
            _ if !empty && SKIPPED.contains(&name) => xml.skip()?,
            _ => {}
        }
        Ok(())
    }

    /// An element ends at byte `at` of the part; `depth` is the depth after its end.
    fn end(&mut self, name: &str, depth: usize, at: usize) {
        match name {
            "t" => self.in_text = false,
            "r" => {
                if let Some(p) = self.open.last_mut()
                    && p.run.as_ref().is_some_and(|run| run.depth == depth + 1)
                {
                    close_run(p);
                }
            }
            "p" if self.open.last().is_some_and(|p| p.depth == depth + 1) => {
                if let Some(mut p) = self.open.pop() {
                    close_run(&mut p);
                    p.paragraph.source = p.content_start.map(|start| start..at.max(start));
                    self.body.paragraphs.push(p.paragraph);
                }
            }
            "AlternateContent" if self.alternates.last().is_some_and(|a| a.0 == depth + 1) => {
                self.alternates.pop();
            }
            _ => {}
        }
    }
}

/// Ends a paragraph's open run; a run that said nothing about being hidden is left for the
/// styles to decide.
fn close_run(p: &mut OpenParagraph) {
    if let Some(run) = p.run.take() {
        let range = run.start..p.paragraph.text.len();
        if run.hidden.is_none() && !range.is_empty() {
            p.paragraph.styled_runs.push(StyledRun {
                range,
                style: run.style,
            });
        }
    }
}

/// Reads `w:pPr`: style, numbering and outline level (revisions and the paragraph mark's run
/// properties are skipped).
fn read_paragraph_properties(
    xml: &mut Xml<'_>,
    p: &mut RawParagraph,
    styles_used: &mut HashSet<String>,
) -> Result<(), Error> {
    xml.each_inside(|xml, e, empty| {
        match local(e) {
            "pStyle" => {
                if let Some(v) = val(e) {
                    styles_used.insert(v.to_string());
                    p.style = Some(v.into_owned());
                }
            }
            "ilvl" => p.num.level = val_number(e),
            "numId" => p.num.num_id = val_number(e),
            "outlineLvl" => p.outline = val_number(e),
            "pPrChange" | "rPr" | "tabs" | "sectPr" if !empty => xml.skip()?,
            _ => {}
        }
        Ok(())
    })
}

/// Reads a run's `w:rPr`: its style and whether it is hidden.
fn read_run_properties(
    xml: &mut Xml<'_>,
    run: &mut OpenRun,
    styles_used: &mut HashSet<String>,
) -> Result<(), Error> {
    xml.each_inside(|xml, e, empty| {
        match local(e) {
            "rStyle" => {
                if let Some(v) = val(e) {
                    styles_used.insert(v.to_string());
                    run.style = Some(v.into_owned());
                }
            }
            "vanish" => run.hidden = Some(on_off(e)),
            "rPrChange" if !empty => xml.skip()?,
            _ => {}
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use crate::formats::docx::tests::{p, text_of};

    #[test]
    fn paragraphs_and_runs_are_read_in_order() {
        let body = format!(
            "{}<w:p><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space=\"preserve\">主要举措 </w:t></w:r></w:p>{}",
            p(" 关于2023年度法治政府建设情况的报告"),
            p("A &amp; B &#x4E00;")
        );
        assert_eq!(
            text_of(&body, None, None),
            " 关于2023年度法治政府建设情况的报告\n一、主要举措 \nA & B 一"
        );
    }

    #[test]
    fn empty_paragraphs_stay_blank_lines() {
        let body = format!("{}<w:p/>{}", p("甲"), p("乙"));
        assert_eq!(text_of(&body, None, None), "甲\n\n乙");
    }

    #[test]
    fn tabs_and_line_breaks_stay_inside_the_paragraph_page_breaks_do_not() {
        let body = r#"<w:p><w:r><w:t>一、</w:t><w:tab/><w:t>标题</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t><w:br w:type="page"/><w:t>续</w:t></w:r></w:p>"#;
        assert_eq!(text_of(body, None, None), "一、\t标题\n第二行\n第三行续");
    }

    #[test]
    fn symbols_are_their_character() {
        let body = r#"<w:p><w:r><w:sym w:font="SimSun" w:char="2605"/><w:t>重点</w:t></w:r></w:p>"#;
        assert_eq!(text_of(body, None, None), "★重点");
    }

    #[test]
    fn deleted_text_is_skipped_and_inserted_text_kept() {
        let body = r#"<w:p><w:r><w:t>依法</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>行政</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>治国</w:t></w:r></w:ins><w:r><w:delText>残留</w:delText></w:r></w:p>"#;
        assert_eq!(text_of(body, None, None), "依法治国");
    }

    #[test]
    fn moved_text_is_read_once_where_it_was_moved_to() {
        let body = r#"<w:p><w:moveFrom w:id="1" w:author="a"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:r><w:t>正文</w:t></w:r><w:moveTo w:id="2" w:author="a"><w:r><w:t>新位置</w:t></w:r></w:moveTo></w:p>"#;
        assert_eq!(text_of(body, None, None), "正文新位置");
    }

    #[test]
    fn field_results_are_kept_and_instructions_skipped() {
        let body = r#"<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r><w:fldSimple w:instr="PAGE"><w:r><w:t>，共5页</w:t></w:r></w:fldSimple></w:p>"#;
        assert_eq!(text_of(body, None, None), "见第3页，共5页");
    }

    #[test]
    fn table_cells_give_one_paragraph_each_in_reading_order() {
        let cell = |t: &str| format!("<w:tc><w:tcPr><w:tcW w:w=\"100\"/></w:tcPr>{}</w:tc>", p(t));
        let body = format!(
            "{}<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}<w:tc>{}{}</w:tc></w:tr></w:tbl>{}",
            p("表前"),
            cell("项目"),
            cell("数量"),
            cell("行政复议"),
            p("12"),
            p("件"),
            p("表后")
        );
        assert_eq!(
            text_of(&body, None, None),
            "表前\n项目\n数量\n行政复议\n12\n件\n表后"
        );
    }

    #[test]
    fn a_text_box_is_read_once_not_once_per_alternative() {
        let text_box = format!("<w:txbxContent>{}</w:txbxContent>", p("框中文字"));
        let body = format!(
            r#"<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx xmlns:wps="x">{text_box}</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="y">{text_box}</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#
        );
        // The box's paragraph ends first, so it comes before the paragraph that anchors it.
        assert_eq!(text_of(&body, None, None), "框中文字\n正文");
    }
}
