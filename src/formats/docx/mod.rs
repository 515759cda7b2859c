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

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Extracted, Format, LIMITS, Limits, TextBuilder, zip::Archive};
use crate::Error;

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

// ---------------------------------------------------------------------------------------------
// Parts and relationships

/// Relationship types end with these names, in the transitional and the strict namespace alike.
const OFFICE_DOCUMENT: &str = "/officeDocument";
const NUMBERING: &str = "/numbering";
const STYLES: &str = "/styles";

/// The main document part: the target of the package's officeDocument relationship, else the
/// name Word gives it.
fn main_part(archive: &Archive<'_>) -> String {
    relationships(archive, "_rels/.rels", "")
        .and_then(|rels| {
            rels.into_iter()
                .find(|(kind, _)| kind.ends_with(OFFICE_DOCUMENT))
                .map(|(_, target)| target)
        })
        .filter(|target| archive.has(target))
        .unwrap_or_else(|| "word/document.xml".into())
}

/// The numbering and styles parts of the main part, from its relationships; when it has none,
/// the names Word gives them.
fn related_parts(archive: &Archive<'_>, main: &str) -> (Option<String>, Option<String>) {
    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main));
    let rels_name = if dir.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{dir}/_rels/{file}.rels")
    };
    match relationships(archive, &rels_name, dir) {
        Some(rels) => {
            let find = |suffix: &str| {
                rels.iter()
                    .find(|(kind, _)| kind.ends_with(suffix))
                    .map(|(_, target)| target.clone())
            };
            (find(NUMBERING), find(STYLES))
        }
        None => {
            let sibling = |name: &str| {
                if dir.is_empty() {
                    name.to_string()
                } else {
                    format!("{dir}/{name}")
                }
            };
            (Some(sibling("numbering.xml")), Some(sibling("styles.xml")))
        }
    }
}

/// The (type, target part) of the internal relationships in a .rels part; `None` when the part
/// is missing or unreadable (the conventional names are then used).
fn relationships(archive: &Archive<'_>, part: &str, dir: &str) -> Option<Vec<(String, String)>> {
    let bytes = archive.read(part).ok()??;
    let text = xml_text(part, &bytes).ok()?;
    let mut xml = Xml::new(part, &text, &LIMITS);
    let mut rels = Vec::new();
    loop {
        match xml.next().ok()? {
            Event::Start(e) | Event::Empty(e) if local(&e) == "Relationship" => {
                if attr(&e, "TargetMode").is_some_and(|m| m == "External") {
                    continue;
                }
                if let (Some(kind), Some(target)) = (attr(&e, "Type"), attr(&e, "Target")) {
                    rels.push((kind.into_owned(), resolve_target(dir, &target)));
                }
            }
            Event::Eof => return Some(rels),
            _ => {}
        }
    }
}

/// A relationship target as a part name: relative to `dir` unless it starts with `/`.
fn resolve_target(dir: &str, target: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let (base, path) = match target.strip_prefix('/') {
        Some(absolute) => ("", absolute),
        None => (dir, target),
    };
    for segment in base.split('/').chain(path.split('/')) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

// ---------------------------------------------------------------------------------------------
// Streaming XML

/// A part's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
fn xml_text<'b>(part: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>, Error> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(part, rest);
    }
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
        Cow::Owned(String::from_utf16_lossy(&units))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return Ok(utf16(rest, u16::from_le_bytes));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return Ok(utf16(rest, u16::from_be_bytes));
    }
    utf8(part, bytes)
}

fn utf8<'b>(part: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>, Error> {
    std::str::from_utf8(bytes).map(Cow::Borrowed).map_err(|e| {
        let at = e.valid_up_to();
        Error::Broken(
            format!("{part} 不是有效的 UTF-8 文本（第 {at} 字节）"),
            format!("{part} is not valid UTF-8 (byte {at})"),
        )
    })
}

/// An XML part read event by event, with its depth bounded by [`Limits::max_depth`].
struct Xml<'a> {
    part: &'a str,
    reader: Reader<&'a [u8]>,
    depth: usize,
    max_depth: usize,
    /// Where the text read starts in the part, for error positions.
    offset: u64,
}

impl<'a> Xml<'a> {
    fn new(part: &'a str, text: &'a str, limits: &Limits) -> Self {
        Xml {
            part,
            reader: Reader::from_str(text),
            depth: 0,
            max_depth: limits.max_depth,
            offset: 0,
        }
    }

    fn invalid(&self, at: u64) -> Error {
        let at = self.offset + at;
        Error::Broken(
            format!("{} 不是有效的 XML（第 {at} 字节）", self.part),
            format!("{} is not valid XML (byte {at})", self.part),
        )
    }

    /// The next event; an unclosed element at the end is an error like any other.
    fn next(&mut self) -> Result<Event<'a>, Error> {
        let event = self
            .reader
            .read_event()
            .map_err(|_| self.invalid(self.reader.error_position()))?;
        match &event {
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > self.max_depth {
                    return Err(Error::TooLarge("depth"));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof if self.depth > 0 => {
                return Err(self.invalid(self.reader.buffer_position()));
            }
            _ => {}
        }
        Ok(event)
    }

    /// Skips the rest of the element whose start was just read.
    fn skip(&mut self) -> Result<(), Error> {
        let parent = self.depth.saturating_sub(1);
        while self.depth > parent {
            self.next()?;
        }
        Ok(())
    }

    /// Visits every element inside the one whose start was just read (`f` gets each start and
    /// whether it is empty; it may skip a child); returns after that element's end.
    fn each_inside(
        &mut self,
        mut f: impl FnMut(&mut Self, &BytesStart<'a>, bool) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let parent = self.depth.saturating_sub(1);
        while self.depth > parent {
            match self.next()? {
                Event::Start(e) => f(self, &e, false)?,
                Event::Empty(e) => f(self, &e, true)?,
                _ => {}
            }
        }
        Ok(())
    }
}

/// An element's name without its namespace prefix: files name the WordprocessingML namespace
/// `w:` by custom, not by rule.
fn local<'x>(e: &'x BytesStart<'_>) -> &'x str {
    e.local_name().into_inner()
}

/// An attribute's value by local name, entities resolved.
fn attr<'x>(e: &'x BytesStart<'_>, name: &str) -> Option<Cow<'x, str>> {
    for a in e.attributes().with_checks(false).flatten() {
        if a.key.local_name().into_inner() == name {
            let unescaped = match quick_xml::escape::unescape(&a.value) {
                Ok(Cow::Owned(s)) => Some(s),
                _ => None,
            };
            return Some(unescaped.map_or(a.value, Cow::Owned));
        }
    }
    None
}

/// The `w:val` of an element.
fn val<'x>(e: &'x BytesStart<'_>) -> Option<Cow<'x, str>> {
    attr(e, "val")
}

/// The `w:val` of an element as a number.
fn val_number<T: std::str::FromStr>(e: &BytesStart<'_>) -> Option<T> {
    val(e).and_then(|v| v.trim().parse().ok())
}

/// An on/off property (`<w:vanish/>`, `<w:vanish w:val="0"/>`): on unless it says otherwise.
fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

// ---------------------------------------------------------------------------------------------
// The main document part

/// A numbering reference (`w:numPr`): each half may come from the paragraph or its style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct NumRef {
    level: Option<u8>,
    num_id: Option<u32>,
}

/// A run whose visibility its style or its paragraph's style decides.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StyledRun {
    range: Range<usize>,
    style: Option<String>,
}

/// A paragraph as the document part states it, before styles and numbering are applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RawParagraph {
    style: Option<String>,
    num: NumRef,
    outline: Option<u8>,
    text: String,
    styled_runs: Vec<StyledRun>,
}

/// What the document part holds.
#[derive(Debug, Default)]
struct Body {
    paragraphs: Vec<RawParagraph>,
    styles_used: HashSet<String>,
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
fn read_body(part: &str, text: &str, limits: &Limits) -> Result<Body, Error> {
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
        match xml.next()? {
            Event::Start(e) => r.start(&mut xml, &e, false)?,
            Event::Empty(e) => r.start(&mut xml, &e, true)?,
            Event::End(e) => {
                let name = e.local_name();
                r.end(name.as_ref(), xml.depth);
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
                self.open.push(OpenParagraph {
                    depth: if empty { depth + 1 } else { depth },
                    paragraph: RawParagraph::default(),
                    run: None,
                });
                if empty {
                    self.end("p", depth);
                }
            }
            "pPr" if !empty && self.open.last().is_some_and(|p| p.depth + 1 == depth) => {
                let styles_used = &mut self.body.styles_used;
                if let Some(p) = self.open.last_mut() {
                    read_paragraph_properties(xml, &mut p.paragraph, styles_used)?;
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

    /// An element ends; `depth` is the depth after its end.
    fn end(&mut self, name: &str, depth: usize) {
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

// ---------------------------------------------------------------------------------------------
// Numbering definitions

/// How a level writes its number (`w:numFmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum NumFormat {
    #[default]
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    DecimalEnclosedCircle,
    UpperLetter,
    LowerLetter,
    UpperRoman,
    LowerRoman,
    ChineseCounting,
    ChineseCountingThousand,
    ChineseLegalSimplified,
    IdeographDigital,
    IdeographTraditional,
    IdeographZodiac,
    Bullet,
    None,
}

impl NumFormat {
    /// The format of a `w:numFmt` value; formats not drawn here fall back to decimal.
    fn from_name(name: &str) -> Self {
        match name {
            "decimalZero" => Self::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => Self::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Self::DecimalEnclosedCircle,
            "upperLetter" => Self::UpperLetter,
            "lowerLetter" => Self::LowerLetter,
            "upperRoman" => Self::UpperRoman,
            "lowerRoman" => Self::LowerRoman,
            "chineseCounting" => Self::ChineseCounting,
            "chineseCountingThousand" | "japaneseCounting" | "taiwaneseCountingThousand" => {
                Self::ChineseCountingThousand
            }
            "chineseLegalSimplified" => Self::ChineseLegalSimplified,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                Self::IdeographDigital
            }
            "ideographTraditional" => Self::IdeographTraditional,
            "ideographZodiac" => Self::IdeographZodiac,
            "bullet" => Self::Bullet,
            "none" => Self::None,
            _ => Self::Decimal,
        }
    }
}

/// One level of a list (`w:lvl`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Level {
    start: u32,
    format: NumFormat,
    /// `w:lvlText`: `%1`…`%9` stand for the counters of levels 1–9.
    text: String,
    /// `w:lvlRestart`: restart after a use of level 1…n; 0 never; `None` after any higher level.
    restart: Option<u32>,
    /// `w:isLgl`: every placeholder in decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style that selects this level.
    style: Option<String>,
}

/// A list definition (`w:abstractNum`).
#[derive(Debug, Clone, Default)]
struct AbstractNum {
    levels: [Option<Level>; 9],
    /// `w:numStyleLink`: the definition is that of a numbering style.
    num_style_link: Option<String>,
}

/// A level override of a list instance (`w:lvlOverride`).
#[derive(Debug, Clone, Default)]
struct LevelOverride {
    start: Option<u32>,
    level: Option<Level>,
}

/// A list instance (`w:num`), what paragraphs refer to.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: Option<u32>,
    overrides: [Option<LevelOverride>; 9],
}

/// numbering.xml.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<u32, AbstractNum>,
    nums: HashMap<u32, Num>,
}

impl Numbering {
    /// The numbering styles list definitions link to (they are looked up in styles.xml).
    fn style_links(&self) -> impl Iterator<Item = &str> {
        self.abstracts
            .values()
            .filter_map(|a| a.num_style_link.as_deref())
    }
}

/// Reads numbering.xml.
fn read_numbering(part: &str, text: &str, limits: &Limits) -> Result<Numbering, Error> {
    let mut xml = Xml::new(part, text, limits);
    let mut numbering = Numbering::default();
    loop {
        match xml.next()? {
            Event::Start(e) if local(&e) == "abstractNum" => {
                let id = attr(&e, "abstractNumId").and_then(|v| v.trim().parse().ok());
                let mut a = AbstractNum::default();
                xml.each_inside(|xml, e, empty| {
                    match local(e) {
                        "lvl" if !empty => {
                            let ilvl = attr(e, "ilvl").and_then(|v| v.trim().parse::<usize>().ok());
                            let level = read_level(xml)?;
                            if let Some(slot) = ilvl.and_then(|i| a.levels.get_mut(i)) {
                                *slot = Some(level);
                            }
                        }
                        "numStyleLink" => a.num_style_link = val(e).map(Cow::into_owned),
                        _ if !empty => xml.skip()?,
                        _ => {}
                    }
                    Ok(())
                })?;
                if let Some(id) = id {
                    numbering.abstracts.insert(id, a);
                }
            }
            Event::Start(e) if local(&e) == "num" => {
                let id = attr(&e, "numId").and_then(|v| v.trim().parse().ok());
                let mut num = Num::default();
                xml.each_inside(|xml, e, empty| {
                    match local(e) {
                        "abstractNumId" => num.abstract_id = val_number(e),
                        "lvlOverride" if !empty => {
                            let ilvl = attr(e, "ilvl").and_then(|v| v.trim().parse::<usize>().ok());
                            let mut o = LevelOverride::default();
                            xml.each_inside(|xml, e, empty| {
                                match local(e) {
                                    "startOverride" => o.start = val_number(e),
                                    "lvl" if !empty => o.level = Some(read_level(xml)?),
                                    _ if !empty => xml.skip()?,
                                    _ => {}
                                }
                                Ok(())
                            })?;
                            if let Some(slot) = ilvl.and_then(|i| num.overrides.get_mut(i)) {
                                *slot = Some(o);
                            }
                        }
                        _ if !empty => xml.skip()?,
                        _ => {}
                    }
                    Ok(())
                })?;
                if let Some(id) = id {
                    numbering.nums.insert(id, num);
                }
            }
            Event::Eof => return Ok(numbering),
            _ => {}
        }
    }
}

/// Reads the inside of a `w:lvl`.
fn read_level(xml: &mut Xml<'_>) -> Result<Level, Error> {
    let mut level = Level::default();
    xml.each_inside(|xml, e, empty| {
        match local(e) {
            "start" => level.start = val_number(e).unwrap_or(0),
            "numFmt" => level.format = NumFormat::from_name(val(e).as_deref().unwrap_or("")),
            "lvlText" => level.text = val(e).map(Cow::into_owned).unwrap_or_default(),
            "lvlRestart" => level.restart = val_number(e),
            "isLgl" => level.legal = on_off(e),
            "pStyle" => level.style = val(e).map(Cow::into_owned),
            _ if !empty => xml.skip()?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(level)
}

// ---------------------------------------------------------------------------------------------
// Styles

/// What a style adds that changes the text: numbering, outline level, hidden text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Style {
    based_on: Option<String>,
    /// 0-based outline level: from `w:outlineLvl`, else from a heading name (`heading 1` → 0).
    outline: Option<u8>,
    num: NumRef,
    hidden: Option<bool>,
}

/// The styles kept from styles.xml.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default_paragraph: Option<String>,
}

/// Longest `basedOn` chain followed; Word allows no cycles, a hostile file might.
const MAX_CHAIN: usize = 32;

impl Styles {
    /// A style and those it is based on, nearest first.
    fn chain<'s>(&'s self, id: Option<&'s str>) -> impl Iterator<Item = (&'s str, &'s Style)> {
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
fn read_styles(
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

// ---------------------------------------------------------------------------------------------
// Drawing the text

/// Whose counters a list instance uses: instances of one definition share them, as in Word,
/// unless an instance overrides a level (then it counts on its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Counters {
    Shared(u32),
    Own(u32),
}

/// The counters of every list met so far.
#[derive(Debug, Default)]
struct ListCounters {
    values: HashMap<Counters, [Option<u32>; 9]>,
}

/// The levels a list instance draws with: its overrides over its definition's.
struct ListLevels<'n> {
    key: Counters,
    definition: Option<&'n AbstractNum>,
    num: &'n Num,
}

impl<'n> ListLevels<'n> {
    fn level(&self, i: usize) -> Option<Cow<'n, Level>> {
        let o = self.num.overrides.get(i).and_then(Option::as_ref);
        let base = o
            .and_then(|o| o.level.as_ref())
            .or_else(|| self.definition?.levels.get(i)?.as_ref())?;
        match o.and_then(|o| o.start) {
            Some(start) => Some(Cow::Owned(Level {
                start,
                ..base.clone()
            })),
            None => Some(Cow::Borrowed(base)),
        }
    }
}

impl Numbering {
    /// The list a paragraph's `numId` refers to, following a numbering-style link.
    fn list<'n>(&'n self, num_id: u32, styles: &Styles) -> Option<ListLevels<'n>> {
        let num = self.nums.get(&num_id)?;
        let mut abstract_id = num.abstract_id?;
        let mut definition = self.abstracts.get(&abstract_id);
        // A definition linked to a numbering style takes the levels of that style's list.
        if let Some(link) = definition.and_then(|d| d.num_style_link.as_deref()) {
            let linked = styles
                .chain(Some(link))
                .find_map(|(_, s)| s.num.num_id)
                .and_then(|id| self.nums.get(&id))
                .and_then(|n| n.abstract_id);
            if let Some(id) = linked.filter(|id| self.abstracts.contains_key(id)) {
                abstract_id = id;
                definition = self.abstracts.get(&id);
            }
        }
        let key = if num.overrides.iter().any(Option::is_some) {
            Counters::Own(num_id)
        } else {
            Counters::Shared(abstract_id)
        };
        Some(ListLevels {
            key,
            definition,
            num,
        })
    }
}

impl ListCounters {
    /// Counts a paragraph at `level` of `list` and returns the label Word draws for it.
    ///
    /// Word's rules: a level's first use shows its `w:start`, each later use one more; a use of
    /// a level restarts the deeper levels (those with `w:lvlRestart` n only when the level used is
    /// 1…n, never with 0); `%k` in `w:lvlText` is level k's counter in level k's format (its
    /// start if it was never used, nothing if k is deeper than the paragraph), all in decimal
    /// when the level is `w:isLgl`.
    fn label(&mut self, list: &ListLevels<'_>, level: usize) -> String {
        let Some(this) = list.level(level) else {
            return String::new();
        };
        let counters = self.values.entry(list.key).or_default();
        counters[level] = Some(match counters[level] {
            Some(n) => n.saturating_add(1),
            None => this.start,
        });
        // Deeper levels start again after a use of a level they restart under.
        for (deeper, counter) in counters.iter_mut().enumerate().skip(level + 1) {
            let restart_under = match list.level(deeper).and_then(|l| l.restart) {
                Some(r) => (r as usize).min(deeper),
                None => deeper,
            };
            if level < restart_under {
                *counter = None;
            }
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = match (c, chars.peek()) {
                ('%', Some(d @ '1'..='9')) => *d as usize - '1' as usize,
                _ => {
                    label.push(c);
                    continue;
                }
            };
            chars.next();
            // A placeholder for a deeper level than the paragraph's draws nothing.
            if placeholder > level {
                continue;
            }
            let shown = list.level(placeholder);
            let value = counters[placeholder]
                .or_else(|| shown.as_ref().map(|l| l.start))
                .unwrap_or(0);
            let format = if this.legal {
                NumFormat::Decimal
            } else {
                shown.map_or(NumFormat::Decimal, |l| l.format)
            };
            label.push_str(&format_number(value, format));
        }
        label
    }
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
        out.paragraph(&label, &text, outline);
    }
    out.finish(Format::Docx)
}

/// The list and level a paragraph is numbered with: its own `w:numPr`, else its style's (whose
/// level may be the list level that names the style); `numId 0` means no numbering.
fn numbering_of<'n>(
    p: &RawParagraph,
    style_id: Option<&str>,
    styles: &Styles,
    numbering: &'n Numbering,
) -> Option<(ListLevels<'n>, usize)> {
    let from_style = styles.chain(style_id).find(|(_, s)| s.num.num_id.is_some());
    let num_id = p
        .num
        .num_id
        .or_else(|| from_style.and_then(|(_, s)| s.num.num_id))?;
    if num_id == 0 {
        return None;
    }
    let list = numbering.list(num_id, styles)?;
    let level = p
        .num
        .level
        .or_else(|| from_style.and_then(|(_, s)| s.num.level))
        .map(usize::from)
        .or_else(|| {
            let (id, _) = from_style?;
            (0..9).find(|&i| {
                list.level(i)
                    .is_some_and(|l| l.style.as_deref() == Some(id))
            })
        })
        .unwrap_or(0);
    (level < 9).then_some((list, level))
}

/// A paragraph's text without the runs its styles hide.
fn visible_text<'p>(p: &'p RawParagraph, style_id: Option<&str>, styles: &Styles) -> Cow<'p, str> {
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

// ---------------------------------------------------------------------------------------------
// Number formats

/// A counter value written in a level's format, as Word writes it; values a format cannot
/// write (0, beyond its range) are written in decimal.
fn format_number(n: u32, format: NumFormat) -> String {
    use crate::text::numerals::{
        self, DIGITS, DIGITS_ONE_BY_ONE, LEGAL_DIGITS, LEGAL_UNITS, UNITS,
    };
    let drawn = match format {
        NumFormat::Decimal => None,
        NumFormat::DecimalZero => (n < 10).then(|| format!("0{n}")),
        NumFormat::DecimalFullWidth => Some(numerals::full_width(n)),
        NumFormat::DecimalEnclosedCircle => numerals::nth(&numerals::CIRCLED, n),
        NumFormat::UpperLetter => numerals::letters(n).map(|l| l.to_ascii_uppercase()),
        NumFormat::LowerLetter => numerals::letters(n),
        NumFormat::UpperRoman => numerals::roman(n),
        NumFormat::LowerRoman => numerals::roman(n).map(|r| r.to_ascii_lowercase()),
        // Word's chineseCounting stops counting at 99 and writes digits from 100 on (a guess).
        NumFormat::ChineseCounting if n >= 100 => {
            Some(numerals::digit_by_digit(n, &DIGITS_ONE_BY_ONE))
        }
        NumFormat::ChineseCounting => numerals::counting(n, &DIGITS, &UNITS, true),
        NumFormat::ChineseCountingThousand if n < 10_000 => {
            numerals::counting(n, &DIGITS, &UNITS, true)
        }
        NumFormat::ChineseLegalSimplified if n < 10_000 => {
            numerals::counting(n, &LEGAL_DIGITS, &LEGAL_UNITS, false)
        }
        NumFormat::IdeographDigital => Some(numerals::digit_by_digit(n, &DIGITS_ONE_BY_ONE)),
        NumFormat::IdeographTraditional => numerals::nth(&numerals::HEAVENLY_STEMS, n),
        NumFormat::IdeographZodiac => numerals::nth(&numerals::EARTHLY_BRANCHES, n),
        // A bullet's lvlText is the bullet itself; it has no number to draw.
        NumFormat::Bullet | NumFormat::None => Some(String::new()),
        _ => None,
    };
    drawn.unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::zip::tests::make_zip;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    fn document(body: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}</w:body></w:document>"#
        )
    }

    fn numbering_xml(inner: &str) -> String {
        format!(r#"<w:numbering {W}>{inner}</w:numbering>"#)
    }

    fn styles_xml(inner: &str) -> String {
        format!(r#"<w:styles {W}>{inner}</w:styles>"#)
    }

    /// A .docx of a body and, optionally, numbering.xml and styles.xml (found by name).
    fn docx(body: &str, numbering: Option<&str>, styles: Option<&str>) -> Vec<u8> {
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

    fn extract(zip: &[u8]) -> Result<Extracted, Error> {
        read(&Archive::new(zip, &LIMITS)?)
    }

    /// The text of a docx, one line per paragraph.
    fn text_of(body: &str, numbering: Option<&str>, styles: Option<&str>) -> String {
        extract(&docx(body, numbering, styles)).unwrap().text
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
    }

    fn numbered(num_id: u32, ilvl: u8, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    fn lvl(ilvl: u8, fmt: &str, text: &str, extra: &str) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}<w:suff w:val="nothing"/><w:lvlText w:val="{text}"/></w:lvl>"#
        )
    }

    /// The fixtures' list: 一、 over （一）, the second restarting under the first.
    fn report_list() -> String {
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

    /// Labels drawn for paragraphs of one level-0 list of `fmt` and `text`.
    fn labels(fmt: &str, text: &str, start: u32, count: usize) -> Vec<String> {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
        ));
        let body: String = (0..count).map(|_| numbered(1, 0, "x")).collect();
        let e = extract(&docx(&body, Some(&numbering), None)).unwrap();
        e.paragraphs
            .iter()
            .map(|h| e.text[h.span.start..h.span.start + h.label_len].to_string())
            .collect()
    }

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

    #[test]
    fn heading_styles_give_the_outline_level() {
        let styles = styles_xml(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/></w:style>
            <w:style w:type="paragraph" w:styleId="Mine"><w:name w:val="My heading"/><w:basedOn w:val="1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Body"><w:name w:val="Body"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>"#,
        );
        let styled = |id: &str, t: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{id}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
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
    fn the_reports_numbering_draws_chinese_headings_restarting_under_each_top_heading() {
        let body = [
            p("标题"),
            numbered(10, 0, "总体情况"),
            numbered(10, 1, "主要举措"),
            numbered(10, 1, "工作成效"),
            p("正文"),
            numbered(10, 0, "存在问题"),
            numbered(10, 1, "问题一"),
        ]
        .concat();
        let e = extract(&docx(&body, Some(&report_list()), None)).unwrap();
        assert_eq!(
            e.text,
            "标题\n一、总体情况\n（一）主要举措\n（二）工作成效\n正文\n二、存在问题\n（一）问题一"
        );
        assert_eq!(e.paragraphs[1].label_len, "一、".len());
        assert_eq!(e.paragraphs[2].label_len, "（一）".len());
        assert_eq!(e.paragraphs[4].label_len, 0);
    }

    #[test]
    fn a_level_with_restart_zero_keeps_counting_across_higher_levels() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, "decimal", "%1.", ""),
            lvl(1, "decimal", "(%2)", r#"<w:lvlRestart w:val="0"/>"#),
        ));
        let body = [
            numbered(1, 0, "a"),
            numbered(1, 1, "b"),
            numbered(1, 0, "c"),
            numbered(1, 1, "d"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, Some(&numbering), None),
            "1.a\n(1)b\n2.c\n(2)d"
        );
    }

    #[test]
    fn multilevel_labels_show_the_higher_counters_and_legal_levels_show_them_in_decimal() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1">{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, "upperRoman", "%1.", ""),
            lvl(1, "decimal", "%1.%2", ""),
            lvl(2, "lowerLetter", "%1.%2.%3", "<w:isLgl/>"),
        ));
        let body = [
            numbered(1, 0, " 总则"),
            numbered(1, 0, " 分则"),
            numbered(1, 1, " 条"),
            numbered(1, 2, " 款"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, Some(&numbering), None),
            "I. 总则\nII. 分则\nII.1 条\n2.1.1 款"
        );
    }

    #[test]
    fn lists_sharing_a_definition_share_counters_and_start_override_restarts() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#,
            lvl(0, "decimal", "%1、", ""),
        ));
        let body = [
            numbered(1, 0, "a"),
            numbered(2, 0, "b"),
            numbered(3, 0, "c"),
            numbered(3, 0, "d"),
            numbered(1, 0, "e"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, Some(&numbering), None),
            "1、a\n2、b\n5、c\n6、d\n3、e"
        );
    }

    #[test]
    fn numbering_comes_from_the_paragraph_style_and_its_based_on_chain() {
        let styles = styles_xml(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Top"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="10"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Second"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="10"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="TopRed"><w:name w:val="Top red"/><w:basedOn w:val="Top"/></w:style>"#,
        );
        let styled = |id: &str, t: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="{id}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let body = [
            styled("Top", "总体情况"),
            styled("Second", "主要举措"),
            styled("TopRed", "存在问题"),
            // numId 0 cancels the style's numbering.
            r#"<w:p><w:pPr><w:pStyle w:val="Top"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"#.into(),
        ]
        .concat();
        let e = extract(&docx(&body, Some(&report_list()), Some(&styles))).unwrap();
        assert_eq!(e.text, "一、总体情况\n（一）主要举措\n二、存在问题\n不编号");
        assert_eq!(e.paragraphs[2].outline_level, Some(1));
    }

    #[test]
    fn a_style_without_a_level_takes_the_list_level_that_names_it() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, "chineseCounting", "%1、", r#"<w:pStyle w:val="H1"/>"#),
            lvl(1, "chineseCounting", "（%2）", r#"<w:pStyle w:val="H2"/>"#),
        ));
        let styles = styles_xml(
            r#"<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#,
        );
        let body = r#"<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="H2"/></w:pPr><w:r><w:t>乙</w:t></w:r></w:p>"#;
        assert_eq!(
            text_of(body, Some(&numbering), Some(&styles)),
            "一、甲\n（一）乙"
        );
    }

    #[test]
    fn a_definition_linked_to_a_numbering_style_uses_that_styles_list() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ReportList"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="2"><w:styleLink w:val="ReportList"/>{}</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>"#,
            lvl(0, "chineseCounting", "%1、", ""),
        ));
        let styles = styles_xml(
            r#"<w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="Report list"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>"#,
        );
        let body = [numbered(1, 0, "甲"), numbered(1, 0, "乙")].concat();
        assert_eq!(
            text_of(&body, Some(&numbering), Some(&styles)),
            "一、甲\n二、乙"
        );
    }

    #[test]
    fn each_number_format_draws_like_word() {
        assert_eq!(labels("decimal", "%1.", 1, 3), ["1.", "2.", "3."]);
        assert_eq!(labels("decimalZero", "%1.", 9, 2), ["09.", "10."]);
        assert_eq!(labels("decimalFullWidth", "%1．", 9, 2), ["９．", "１０．"]);
        assert_eq!(labels("decimalEnclosedCircle", "%1", 1, 2), ["①", "②"]);
        assert_eq!(labels("decimalEnclosedCircle", "%1", 20, 2), ["⑳", "21"]);
        assert_eq!(labels("upperLetter", "%1.", 26, 2), ["Z.", "AA."]);
        assert_eq!(labels("lowerLetter", "%1)", 1, 2), ["a)", "b)"]);
        assert_eq!(labels("upperRoman", "%1.", 3, 2), ["III.", "IV."]);
        assert_eq!(labels("lowerRoman", "%1.", 9, 2), ["ix.", "x."]);
        assert_eq!(labels("chineseCounting", "%1、", 1, 2), ["一、", "二、"]);
        assert_eq!(labels("chineseCounting", "%1、", 10, 2), ["十、", "十一、"]);
        assert_eq!(
            labels("chineseCounting", "%1、", 20, 2),
            ["二十、", "二十一、"]
        );
        assert_eq!(
            labels("chineseCounting", "%1、", 99, 2),
            ["九十九、", "一〇〇、"]
        );
        assert_eq!(labels("chineseCountingThousand", "%1、", 10, 1), ["十、"]);
        assert_eq!(
            labels("chineseCountingThousand", "%1、", 101, 1),
            ["一百零一、"]
        );
        assert_eq!(
            labels("chineseCountingThousand", "%1、", 110, 1),
            ["一百一十、"]
        );
        assert_eq!(
            labels("chineseCountingThousand", "%1、", 2024, 1),
            ["二千零二十四、"]
        );
        assert_eq!(labels("chineseLegalSimplified", "%1", 12, 1), ["壹拾贰"]);
        assert_eq!(labels("ideographDigital", "%1", 205, 1), ["二〇五"]);
        assert_eq!(
            labels("ideographTraditional", "%1、", 1, 4),
            ["甲、", "乙、", "丙、", "丁、"]
        );
        assert_eq!(
            labels("ideographTraditional", "%1、", 10, 2),
            ["癸、", "11、"]
        );
        assert_eq!(labels("ideographZodiac", "%1", 1, 2), ["子", "丑"]);
        assert_eq!(labels("bullet", "●", 1, 2), ["●", "●"]);
        assert_eq!(labels("none", "%1", 1, 1), [""]);
        assert_eq!(labels("none", "第%1条", 1, 1), ["第条"]);
        assert_eq!(labels("someFutureFormat", "%1.", 7, 1), ["7."]);
    }

    #[test]
    fn a_missing_list_draws_no_label() {
        let body = [numbered(7, 0, "无定义"), numbered(10, 5, "无此级")].concat();
        assert_eq!(text_of(&body, Some(&report_list()), None), "无定义\n无此级");
    }

    #[test]
    fn the_main_part_is_found_through_the_package_relationships() {
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
        let part_rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="lists/../my-numbering.xml"/></Relationships>"#;
        let doc = document(&numbered(10, 0, "真正的正文"));
        let stale = document(&p("旧正文"));
        let list = report_list();
        let zip = make_zip(&[
            ("_rels/.rels", rels.as_bytes(), true),
            ("word/_rels/document2.xml.rels", part_rels.as_bytes(), true),
            ("word/document.xml", stale.as_bytes(), true),
            ("word/document2.xml", doc.as_bytes(), true),
            ("word/my-numbering.xml", list.as_bytes(), true),
        ]);
        assert_eq!(extract(&zip).unwrap().text, "一、真正的正文");
    }

    #[test]
    fn relationship_targets_resolve_to_part_names() {
        assert_eq!(resolve_target("word", "styles.xml"), "word/styles.xml");
        assert_eq!(
            resolve_target("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(
            resolve_target("word", "/word/numbering.xml"),
            "word/numbering.xml"
        );
        assert_eq!(resolve_target("", "word/document.xml"), "word/document.xml");
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
    fn broken_xml_names_the_part_and_the_byte() {
        let zip = make_zip(&[(
            "word/document.xml",
            b"<w:document><w:body><w:p></w:r></w:body></w:document>",
            true,
        )]);
        let err = extract(&zip).unwrap_err();
        assert!(
            matches!(&err, Error::Broken(zh, en) if zh.contains("word/document.xml 不是有效的 XML（第") && en.contains("byte")),
            "{err:?}"
        );
    }

    #[test]
    fn a_truncated_document_part_is_broken() {
        let doc = document(&p("关于2023年度法治政府建设情况的报告"));
        let cut = &doc.as_bytes()[..doc.len() - 40];
        let zip = make_zip(&[("word/document.xml", cut, true)]);
        assert!(matches!(extract(&zip), Err(Error::Broken(..))));
    }

    #[test]
    fn garbage_in_a_part_is_broken_not_a_panic() {
        let garbage: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
        let zip = make_zip(&[("word/document.xml", &garbage, true)]);
        assert!(matches!(extract(&zip), Err(Error::Broken(..))));
        let doc = document(&p("正文"));
        let zip = make_zip(&[
            ("word/document.xml", doc.as_bytes(), true),
            ("word/styles.xml", b"<w:styles><w:style></w:styles>", true),
        ]);
        assert!(
            matches!(extract(&zip), Err(Error::Broken(zh, _)) if zh.contains("word/styles.xml"))
        );
    }

    #[test]
    fn a_truncated_archive_is_refused() {
        let zip = docx(&p("正文"), None, None);
        assert!(Archive::new(&zip[..zip.len() / 2], &LIMITS).is_err());
    }

    #[test]
    fn nesting_beyond_the_limit_is_refused() {
        let deep = format!(
            "{}{}{}",
            "<w:sdt>".repeat(300),
            p("深"),
            "</w:sdt>".repeat(300)
        );
        assert_eq!(
            extract(&docx(&deep, None, None)),
            Err(Error::TooLarge("depth"))
        );
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

    #[test]
    fn utf16_parts_are_read() {
        let doc = document(&p("法治"));
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
        let zip = make_zip(&[("word/document.xml", &bytes, true)]);
        assert_eq!(extract(&zip).unwrap().text, "法治");
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
