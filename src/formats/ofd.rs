//! Read OFD (GB/T 33190): a zip of XML parts → the text drawn on each page, as positioned runs.
//!
//! This step owns following `OFD.xml` → `DocBody/DocRoot` → `Document.xml` → `Pages/Page@BaseLoc`
//! → each page's `Content.xml` (with its `Template` pages and the `CompositeObject`s it draws from
//! `DocumentRes`/`PublicRes`), and turning every `TextObject/TextCode` into a [`Run`] in
//! millimetres; [`layout::reflow`] then makes lines and paragraphs. Elements are matched by local
//! name, whatever their namespace (easyofd writes its own instead of `http://www.ofdspec.org/2016`).

use std::cell::Cell;
use std::collections::HashMap;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use super::extracted::{Extracted, Format, TextBuilder};
use super::layout::{self, Run};
use super::zip::Archive;
use crate::error::Error;
use crate::error::LIMITS;

/// Reads a .ofd archive: the first document's pages in order, laid out into paragraphs.
pub fn read(archive: &Archive<'_>) -> Result<Extracted, Error> {
    let ofd = part(archive, "OFD.xml")?;
    let root = doc_root(&ofd)?;
    // DocRoot is relative to the archive root, which is also OFD.xml's folder.
    let doc_path = resolve("", &root);
    let document = part(archive, &doc_path)?;
    // BaseLoc is relative to Document.xml's folder; some writers make it archive-relative.
    let locate = |loc: &str| {
        let near = resolve(folder(&doc_path), loc);
        if archive.has(&near) {
            near
        } else {
            resolve("", loc)
        }
    };
    let shared = Shared::read(archive, &document, &doc_path, &locate)?;
    let mut runs = Vec::new();
    for (page, loc) in page_locations(&document, &doc_path)?.iter().enumerate() {
        let path = locate(loc);
        let content = part(archive, &path)?;
        runs.extend(page_runs(&content, &path, page, &shared, 0)?);
    }
    if runs.is_empty() {
        return Err(Error::NoText(Format::Ofd.name()));
    }
    let mut out = TextBuilder::new();
    layout::reflow(runs, &mut out);
    if out.len() > LIMITS.max_text {
        return Err(Error::TooLarge("text"));
    }
    out.finish(Format::Ofd)
}

/// What pages draw from outside their own content: template pages and composite graphic units.
#[derive(Debug, Default)]
struct Shared {
    /// `TemplatePage` ID → its content part's path and text (the first of an ID wins).
    templates: HashMap<String, (String, String)>,
    /// `CompositeGraphicUnit` ID → its resource part's path and the unit's inner XML: a map,
    /// since each placement looks its unit up (a scan per page was quadratic, #12.10).
    units: HashMap<String, (String, String)>,
    /// XML bytes the file may still have placed (`LIMITS.max_work`): each use of a template or
    /// unit is charged its size, since depth alone let a 1.1 KB template that places itself 10
    /// times take 41 s and 1.4 GB (#12.9).
    work_left: Cell<usize>,
}

/// What one placement costs beside its bytes (so that empty templates count too).
const PLACEMENT_COST: usize = 64;

/// Templates and composite units may nest; deeper than this is a cycle.
const MAX_NESTING: usize = 8;

impl Shared {
    /// Reads Document.xml's `CommonData`: `TemplatePage`s, `DocumentRes` and `PublicRes` (missing
    /// parts are skipped: the pages' own text is still worth reading).
    fn read(
        archive: &Archive<'_>,
        document: &[u8],
        doc_path: &str,
        locate: &dyn Fn(&str) -> String,
    ) -> Result<Shared, Error> {
        let text = utf8(document);
        let mut xml = Xml::new(&text, doc_path);
        let mut shared = Shared {
            work_left: Cell::new(LIMITS.max_work),
            ..Shared::default()
        };
        let mut res_parts = Vec::new();
        let mut in_res = false;
        while let Some(event) = xml.next()? {
            match &event {
                Event::Start(e) if is(e, "TemplatePage") => {
                    if let (Some(id), Some(loc)) = (attr(e, "ID"), attr(e, "BaseLoc")) {
                        let path = locate(&loc);
                        if let Some(bytes) = archive.read(&path)? {
                            let content = utf8(&bytes).into_owned();
                            shared.templates.entry(id).or_insert((path, content));
                        }
                    }
                }
                Event::Start(e) if is(e, "DocumentRes") || is(e, "PublicRes") => {
                    in_res = true;
                    res_parts.push(String::new());
                }
                Event::End(e) if matches!(e.local_name().as_ref(), "DocumentRes" | "PublicRes") => {
                    in_res = false;
                }
                _ if in_res => {
                    if let (Some(last), Some(t)) = (res_parts.last_mut(), text_of(&event)) {
                        last.push_str(&t);
                    }
                }
                _ => {}
            }
            if shared.templates.len() > LIMITS.max_entries {
                return Err(Error::TooLarge("entries"));
            }
        }
        for loc in res_parts {
            let path = locate(loc.trim());
            if let Some(bytes) = archive.read(&path)? {
                shared.read_units(&utf8(&bytes), &path)?;
            }
        }
        Ok(shared)
    }

    /// Charges one placement of `len` bytes of XML to the file's work budget.
    fn charge(&self, len: usize) -> Result<(), Error> {
        let left = self.work_left.get();
        let cost = len.saturating_add(PLACEMENT_COST);
        if cost > left {
            return Err(Error::TooLarge("work"));
        }
        self.work_left.set(left - cost);
        Ok(())
    }

    /// Keeps the inner XML of every `CompositeGraphicUnit` of a resource part.
    fn read_units(&mut self, text: &str, path: &str) -> Result<(), Error> {
        let mut xml = Xml::new(text, path);
        let mut open: Option<(String, usize)> = None;
        loop {
            let before = xml.reader.buffer_position() as usize;
            let Some(event) = xml.next()? else { break };
            match &event {
                Event::Start(e) if is(e, "CompositeGraphicUnit") && open.is_none() => {
                    let id = attr(e, "ID").unwrap_or_default();
                    open = Some((id, xml.reader.buffer_position() as usize));
                }
                Event::End(e) if e.local_name().as_ref() == "CompositeGraphicUnit" => {
                    if let Some((id, start)) = open.take()
                        && let Some(inner) = text.get(start..before)
                    {
                        self.units
                            .entry(id)
                            .or_insert_with(|| (path.to_string(), inner.to_string()));
                        if self.units.len() > LIMITS.max_entries {
                            return Err(Error::TooLarge("entries"));
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// An archive part that must be there.
fn part(archive: &Archive<'_>, path: &str) -> Result<Vec<u8>, Error> {
    archive.read(path)?.ok_or_else(|| {
        Error::Broken(
            format!("OFD 文件缺少 {path}"),
            format!("the OFD file has no {path}"),
        )
    })
}

/// `loc` resolved against `folder`: a leading `/` means the archive root; `.` and `..` apply.
fn resolve(folder: &str, loc: &str) -> String {
    let joined = if let Some(abs) = loc.strip_prefix('/') {
        abs.to_string()
    } else {
        format!("{folder}/{loc}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// The folder of an archive path (`""` at the root).
fn folder(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// XML of one part read event by event, with its nesting depth bounded.
struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    name: &'a str,
}

impl<'a> Xml<'a> {
    fn new(text: &'a str, name: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().expand_empty_elements = true;
        Xml {
            reader,
            depth: 0,
            name,
        }
    }

    /// The next event; `None` at the end of the part.
    fn next(&mut self) -> Result<Option<Event<'a>>, Error> {
        // The position, not quick-xml's own message: formatting its errors costs ~10 KB of wasm.
        let event = self.reader.read_event().map_err(|_| {
            let at = self.reader.error_position();
            Error::Broken(
                format!("{} 不是有效的 XML（第 {at} 字节处）", self.name),
                format!("{} is not valid XML (at byte {at})", self.name),
            )
        })?;
        match &event {
            Event::Eof => return Ok(None),
            Event::Start(_) => {
                self.depth += 1;
                if self.depth > LIMITS.max_depth {
                    return Err(Error::TooLarge("depth"));
                }
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        Ok(Some(event))
    }
}

/// A part's bytes as text (OFD parts are UTF-8; a stray bad byte becomes U+FFFD).
fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

/// An attribute's value by local name, ignoring ASCII case (easyofd writes `size` for `Size`).
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref().eq_ignore_ascii_case(name))
        .map(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned())
        })
}

fn is(e: &BytesStart<'_>, local: &str) -> bool {
    e.local_name().as_ref() == local
}

/// Text content, with `&amp;` and `&#…;` references resolved.
fn text_of(event: &Event<'_>) -> Option<String> {
    match event {
        Event::Text(t) => Some(t.xml10_content().into_owned()),
        Event::CData(t) => Some(t.xml10_content().into_owned()),
        Event::GeneralRef(r) => {
            let c = match r.resolve_char_ref() {
                Ok(Some(c)) => Some(c),
                _ => match &**r {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => None,
                },
            };
            Some(c.map_or_else(|| format!("&{};", &**r), String::from))
        }
        _ => None,
    }
}

/// The path of the first document's Document.xml, from `OFD.xml`'s `DocBody/DocRoot`.
fn doc_root(ofd: &[u8]) -> Result<String, Error> {
    let text = utf8(ofd);
    let mut xml = Xml::new(&text, "OFD.xml");
    let mut inside = false;
    let mut root = String::new();
    while let Some(event) = xml.next()? {
        match &event {
            Event::Start(e) if is(e, "DocRoot") => inside = true,
            Event::End(e) if e.local_name().as_ref() == "DocRoot" => {
                if !root.trim().is_empty() {
                    return Ok(root.trim().to_string());
                }
                inside = false;
            }
            _ if inside => root.push_str(&text_of(&event).unwrap_or_default()),
            _ => {}
        }
    }
    Err(Error::Broken(
        "OFD.xml 中没有 DocRoot（文档入口）".into(),
        "OFD.xml has no DocRoot (the document's entry)".into(),
    ))
}

/// The `BaseLoc` of every `Pages/Page`, in order.
fn page_locations(document: &[u8], name: &str) -> Result<Vec<String>, Error> {
    let text = utf8(document);
    let mut xml = Xml::new(&text, name);
    let mut pages = Vec::new();
    while let Some(event) = xml.next()? {
        if let Event::Start(e) = &event
            && is(e, "Page")
            && let Some(loc) = attr(e, "BaseLoc")
        {
            if pages.len() >= LIMITS.max_entries {
                return Err(Error::TooLarge("entries"));
            }
            pages.push(loc);
        }
    }
    Ok(pages)
}

/// Up to `max` space-separated numbers; `g N d` stands for `d` repeated `N` times (GB/T 33190
/// DeltaX/DeltaY). Anything unreadable ends the list.
fn deltas(s: &str, max: usize) -> Vec<f32> {
    let mut out = Vec::new();
    let mut words = s.split_ascii_whitespace();
    while out.len() < max {
        let Some(w) = words.next() else { break };
        if w == "g" {
            let n = words.next().and_then(|n| n.parse::<usize>().ok());
            let d = words.next().and_then(number);
            let (Some(n), Some(d)) = (n, d) else { break };
            out.extend(std::iter::repeat_n(d, n.min(max - out.len())));
        } else if let Some(d) = number(w) {
            out.push(d);
        } else {
            break;
        }
    }
    out
}

/// A decimal number as OFD writes it (`-12.5`, `.5`, `3e-2`). Hand-written: Rust's float parser
/// adds ~10 KB to the wasm, and OFD needs no more than this.
fn number(s: &str) -> Option<f32> {
    let (negative, rest) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], rest[at + 1..].parse::<i32>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut value = 0f64;
    let mut scale = 0i32;
    for (i, b) in int.bytes().chain(frac.bytes()).enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        // Digits past the 17th cannot change an f32.
        if i < 17 + int.len() {
            value = value * 10.0 + f64::from(b - b'0');
            scale -= i32::from(i >= int.len());
        }
    }
    let value = value * 10f64.powi(scale.saturating_add(exponent.clamp(-400, 400)));
    let value = if negative { -value } else { value } as f32;
    value.is_finite().then_some(value)
}

/// Numbers in an attribute (`Boundary`, `CTM`), missing ones as 0.
fn numbers<const N: usize>(s: Option<&str>) -> [f32; N] {
    let mut out = [0.0; N];
    for (slot, w) in out.iter_mut().zip(s.unwrap_or("").split_ascii_whitespace()) {
        *slot = number(w).unwrap_or(0.0);
    }
    out
}

/// Advance of one character when DeltaX does not say: a full em for CJK, half for the rest.
fn advance(c: char, size: f32) -> f32 {
    if c.is_ascii() { size * 0.5 } else { size }
}

/// A `TextObject` being read: where it is and how big its type is.
#[derive(Debug, Clone, Copy)]
struct TextObject {
    /// `Boundary` x, y (its origin on the page).
    x: f32,
    y: f32,
    /// `Boundary` right edge: no glyph is drawn beyond it.
    right: f32,
    size: f32,
    /// `CTM` a b c d e f (object space → boundary space), identity if absent.
    ctm: [f32; 6],
    /// The last TextCode's X and Y: a TextCode without them continues from there.
    last: (f32, f32),
}

/// A `TextCode` being read.
#[derive(Debug, Default)]
struct TextCode {
    x: f32,
    y: f32,
    delta_x: String,
    text: String,
}

/// Every piece of text on one page, as runs in document order: its templates' first, then its
/// own, composite objects drawn where they are placed. `depth` counts the nesting so far.
fn page_runs(
    content: &[u8],
    name: &str,
    page: usize,
    shared: &Shared,
    depth: usize,
) -> Result<Vec<Run>, Error> {
    let text = utf8(content);
    let mut xml = Xml::new(&text, name);
    let mut runs: Vec<Run> = Vec::new();
    let mut object: Option<TextObject> = None;
    let mut code: Option<TextCode> = None;
    while let Some(event) = xml.next()? {
        match &event {
            Event::Start(e) if is(e, "Template") && depth < MAX_NESTING => {
                let id = attr(e, "TemplateID").unwrap_or_default();
                if let Some((path, content)) = shared.templates.get(&id) {
                    shared.charge(content.len())?;
                    let template = page_runs(content.as_bytes(), path, page, shared, depth + 1)?;
                    runs.extend(template);
                }
            }
            Event::Start(e) if is(e, "CompositeObject") && depth < MAX_NESTING => {
                let id = attr(e, "ResourceID").unwrap_or_default();
                if let Some((path, inner)) = shared.units.get(&id) {
                    shared.charge(inner.len())?;
                    let [x, y, _, _] = numbers::<4>(attr(e, "Boundary").as_deref());
                    let ctm = match attr(e, "CTM") {
                        Some(m) => numbers::<6>(Some(&m)),
                        None => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
                    };
                    let unit = page_runs(inner.as_bytes(), path, page, shared, depth + 1)?;
                    runs.extend(unit.into_iter().map(|r| placed(r, x, y, ctm)));
                }
            }
            Event::Start(e) if is(e, "TextObject") => {
                let [x, y, w, _] = numbers::<4>(attr(e, "Boundary").as_deref());
                let ctm = match attr(e, "CTM") {
                    Some(m) => numbers::<6>(Some(&m)),
                    None => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
                };
                let size = attr(e, "Size").and_then(|s| number(s.trim()));
                object = Some(TextObject {
                    x,
                    y,
                    right: x + w,
                    size: size.unwrap_or(0.0),
                    ctm,
                    last: (0.0, 0.0),
                });
            }
            Event::Start(e) if is(e, "TextCode") => {
                let last = object.map_or((0.0, 0.0), |o| o.last);
                let coord = |name: &str, or: f32| {
                    attr(e, name).and_then(|v| number(v.trim())).unwrap_or(or)
                };
                code = Some(TextCode {
                    x: coord("X", last.0),
                    y: coord("Y", last.1),
                    delta_x: attr(e, "DeltaX").unwrap_or_default(),
                    text: String::new(),
                });
            }
            Event::End(e) if e.local_name().as_ref() == "TextCode" => {
                if let (Some(c), Some(o)) = (code.take(), object.as_mut()) {
                    o.last = (c.x, c.y);
                    let run = run_of(&c, o, page);
                    let extent = o.right - run.x;
                    add_run(&mut runs, run, extent);
                }
            }
            Event::End(e) if e.local_name().as_ref() == "TextObject" => object = None,
            _ => {
                if let (Some(c), Some(t)) = (code.as_mut(), text_of(&event)) {
                    c.text.push_str(&t);
                }
            }
        }
    }
    Ok(runs)
}

/// A run of a composite unit, in unit space, placed on the page by its object's Boundary and CTM.
fn placed(r: Run, x: f32, y: f32, [a, b, c, d, e, f]: [f32; 6]) -> Run {
    Run {
        x: x + a * r.x + c * r.y + e,
        y: y + b * r.x + d * r.y + f,
        size: r.size * (c * c + d * d).sqrt(),
        width: r.width * (a * a + b * b).sqrt(),
        ..r
    }
}

/// The run a TextCode draws: its first glyph's baseline on the page, its width from DeltaX
/// (plus one character), its type size, all through the object's CTM.
fn run_of(code: &TextCode, object: &TextObject, page: usize) -> Run {
    let [a, b, c, d, e, f] = object.ctm;
    let chars = code.text.chars().count();
    let steps = deltas(&code.delta_x, chars.saturating_sub(1));
    let mut width = 0.0;
    for (i, ch) in code.text.chars().enumerate() {
        width += match steps.get(i) {
            Some(step) if i + 1 < chars => *step,
            _ => advance(ch, object.size),
        };
    }
    // A CTM scales the type as well as the position (text drawn at Size 1 and scaled is common).
    let scale_x = (a * a + b * b).sqrt();
    let scale_y = (c * c + d * d).sqrt();
    Run {
        page,
        x: object.x + a * code.x + c * code.y + e,
        y: object.y + b * code.x + d * code.y + f,
        size: object.size * scale_y,
        width: width * scale_x,
        text: code.text.clone(),
    }
}

/// Adds a run, its width clipped to the `extent` its object's Boundary leaves right of it (no
/// clip when the Boundary is empty). A run drawn at the very same origin as the previous one
/// joins it: easyofd writes each line as several pieces that all start at the line's origin, in
/// reading order, each spanning the whole Boundary, so the joined line is as wide as the
/// Boundary. The same text there again is a duplicate (fake bold), dropped.
fn add_run(runs: &mut Vec<Run>, mut run: Run, extent: f32) {
    if extent > 0.0 {
        run.width = run.width.min(extent);
    }
    if let Some(prev) = runs.last_mut()
        && prev.page == run.page
        && (prev.x - run.x).abs() < 0.01
        && (prev.y - run.y).abs() < 0.01
    {
        if !prev.text.ends_with(&run.text) {
            prev.text.push_str(&run.text);
            prev.width = prev.width.max(run.width).max(extent);
            prev.size = prev.size.max(run.size);
        }
        return;
    }
    runs.push(run);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::zip::tests::make_zip;

    const NS: &str = r#"xmlns:ofd="http://www.ofdspec.org/2016""#;

    fn ofd_xml(root: &str) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {NS} Version="1.1" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>{root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
        )
    }

    fn document_xml(pages: &[&str]) -> String {
        let pages: String = pages
            .iter()
            .enumerate()
            .map(|(i, p)| format!(r#"<ofd:Page ID="{i}" BaseLoc="{p}"/>"#))
            .collect();
        format!(
            r#"<ofd:Document {NS}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{pages}</ofd:Pages></ofd:Document>"#
        )
    }

    /// A page of text objects: (x, y, text) with the baseline 4 mm below the boundary's top.
    fn content_xml(objects: &[(f32, f32, &str)]) -> String {
        let objects: String = objects
            .iter()
            .map(|(x, y, t)| {
                format!(
                    r#"<ofd:TextObject ID="9" Boundary="{x} {y} 150 6" Font="3" Size="5.6"><ofd:TextCode X="0" Y="4" DeltaX="g {} 5.6">{t}</ofd:TextCode></ofd:TextObject>"#,
                    t.chars().count().saturating_sub(1)
                )
            })
            .collect();
        format!(
            r#"<ofd:Page {NS}><ofd:Content><ofd:Layer ID="2">{objects}</ofd:Layer></ofd:Content></ofd:Page>"#
        )
    }

    fn read_files(files: &[(&str, &str)]) -> Result<Extracted, Error> {
        let files: Vec<(&str, &[u8], bool)> = files
            .iter()
            .map(|(n, d)| (*n, d.as_bytes(), true))
            .collect();
        let zip = make_zip(&files);
        read(&Archive::new(&zip, &LIMITS)?)
    }

    fn one_page(content: &str) -> Result<Extracted, Error> {
        read_files(&[
            ("OFD.xml", &ofd_xml("Doc_0/Document.xml")),
            (
                "Doc_0/Document.xml",
                &document_xml(&["Pages/Page_0/Content.xml"]),
            ),
            ("Doc_0/Pages/Page_0/Content.xml", content),
        ])
    }

    #[test]
    fn reads_pages_in_order_through_docroot_and_baseloc() {
        let e = read_files(&[
            ("OFD.xml", &ofd_xml("Doc_0/Document.xml")),
            (
                "Doc_0/Document.xml",
                &document_xml(&["Pages/Page_1/Content.xml", "Pages/Page_0/Content.xml"]),
            ),
            (
                "Doc_0/Pages/Page_0/Content.xml",
                &content_xml(&[(30.0, 40.0, "二、存在的问题")]),
            ),
            (
                "Doc_0/Pages/Page_1/Content.xml",
                &content_xml(&[(30.0, 40.0, "一、主要举措")]),
            ),
        ])
        .unwrap();
        assert_eq!(e.format, Format::Ofd);
        assert_eq!(e.text, "一、主要举措\n二、存在的问题");
    }

    #[test]
    fn templates_and_composite_units_draw_their_text_where_the_page_places_them() {
        // A red-head template (Suwell, ofdrw) and a composite unit drawn at scale 0.5, 100 mm down.
        let document = format!(
            r#"<ofd:Document {NS}><ofd:CommonData><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes><ofd:TemplatePage ID="7" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#
        );
        let res = format!(
            r#"<ofd:Res {NS} BaseLoc="Res"><ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="20" Width="400" Height="400"><ofd:Content><ofd:TextObject ID="9" Boundary="60 0 300 12" Size="11.2"><ofd:TextCode X="0" Y="8">二、存在的问题</ofd:TextCode></ofd:TextObject></ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits></ofd:Res>"#
        );
        let page = format!(
            r#"<ofd:Page {NS}><ofd:Template TemplateID="7" ZOrder="Background"/><ofd:Content><ofd:Layer ID="2"><ofd:CompositeObject ID="21" ResourceID="20" Boundary="0 100 210 200" CTM="0.5 0 0 0.5 0 0"/></ofd:Layer></ofd:Content></ofd:Page>"#
        );
        let e = read_files(&[
            ("OFD.xml", &ofd_xml("Doc_0/Document.xml")),
            ("Doc_0/Document.xml", &document),
            ("Doc_0/DocumentRes.xml", &res),
            ("Doc_0/PublicRes.xml", &format!("<ofd:Res {NS}/>")),
            ("Doc_0/Pages/Page_0/Content.xml", &page),
            (
                "Doc_0/Tpls/Tpl_0/Content.xml",
                &content_xml(&[(30.0, 40.0, "一、主要举措")]),
            ),
        ])
        .unwrap();
        assert_eq!(e.text, "一、主要举措\n二、存在的问题");
        let runs = page_runs(
            page.as_bytes(),
            "p",
            0,
            &Shared {
                units: HashMap::from([(
                    "20".into(),
                    (
                        "r".into(),
                        res[res.find("<ofd:Content>").unwrap()
                            ..res.find("</ofd:CompositeGraphicUnit>").unwrap()]
                            .into(),
                    ),
                )]),
                work_left: Cell::new(LIMITS.max_work),
                ..Shared::default()
            },
            0,
        )
        .unwrap();
        let r = &runs[0];
        assert!(
            (r.x - 30.0).abs() < 0.01 && (r.y - 104.0).abs() < 0.01,
            "{r:?}"
        );
        assert!((r.size - 5.6).abs() < 0.01, "{r:?}");
    }

    #[test]
    fn a_template_that_uses_itself_stops() {
        let document = format!(
            r#"<ofd:Document {NS}><ofd:CommonData><ofd:TemplatePage ID="7" BaseLoc="Pages/Page_0/Content.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#
        );
        let page = format!(
            r#"<ofd:Page {NS}><ofd:Template TemplateID="7"/><ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="9" Boundary="30 40 150 6" Size="5.6"><ofd:TextCode X="0" Y="4">一、主要举措</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"#
        );
        let e = read_files(&[
            ("OFD.xml", &ofd_xml("Doc_0/Document.xml")),
            ("Doc_0/Document.xml", &document),
            ("Doc_0/Pages/Page_0/Content.xml", &page),
        ])
        .unwrap();
        assert_eq!(e.text, "一、主要举措");
    }

    #[test]
    fn a_template_placing_itself_many_times_is_stopped_by_the_work_budget() {
        // #12.9: a 1.1 KB OFD whose template places itself 10 times (10^8 placements at depth 8)
        // took 41 s and 1.4 GB; 20 times ran past 60 s.
        let document = format!(
            r#"<ofd:Document {NS}><ofd:CommonData><ofd:TemplatePage ID="7" BaseLoc="Pages/Page_0/Content.xml"/></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages></ofd:Document>"#
        );
        let fan_out = 20;
        let page = format!(
            r#"<ofd:Page {NS}>{}<ofd:Content><ofd:Layer ID="2"><ofd:TextObject ID="9" Boundary="30 40 150 6" Size="5.6"><ofd:TextCode X="0" Y="4">一、主要举措</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"#,
            r#"<ofd:Template TemplateID="7"/>"#.repeat(fan_out)
        );
        let t = std::time::Instant::now();
        let r = read_files(&[
            ("OFD.xml", &ofd_xml("Doc_0/Document.xml")),
            ("Doc_0/Document.xml", &document),
            ("Doc_0/Pages/Page_0/Content.xml", &page),
        ]);
        eprintln!(
            "template placing itself {fan_out}×: {:?} in {:?}",
            r.as_ref().err(),
            t.elapsed()
        );
        assert_eq!(r.unwrap_err(), Error::TooLarge("work"));
        assert!(t.elapsed().as_secs() < 30);
    }

    #[test]
    fn paths_may_be_absolute_relative_or_dotted() {
        assert_eq!(resolve("", "/Doc_0/Document.xml"), "Doc_0/Document.xml");
        assert_eq!(
            resolve("Doc_0", "Pages/Page_0/Content.xml"),
            "Doc_0/Pages/Page_0/Content.xml"
        );
        assert_eq!(resolve("Doc_0", "/Doc_0/Pages/P.xml"), "Doc_0/Pages/P.xml");
        assert_eq!(
            resolve("Doc_0", "./Pages/../Pages/P.xml"),
            "Doc_0/Pages/P.xml"
        );
        assert_eq!(resolve("", "../../x.xml"), "x.xml");
        assert_eq!(folder("Doc_0/Document.xml"), "Doc_0");
        assert_eq!(folder("Document.xml"), "");
        // A BaseLoc written from the archive root, without `/`, is found too.
        let e = read_files(&[
            ("OFD.xml", &ofd_xml("/Doc_0/Document.xml")),
            (
                "Doc_0/Document.xml",
                &document_xml(&["Doc_0/Pages/Page_0/Content.xml"]),
            ),
            (
                "Doc_0/Pages/Page_0/Content.xml",
                &content_xml(&[(30.0, 40.0, "依法行政")]),
            ),
        ])
        .unwrap();
        assert_eq!(e.text, "依法行政");
    }

    #[test]
    fn numbers_read_as_ofd_writes_them() {
        for (text, want) in [
            ("12", Some(12.0)),
            ("-12.5", Some(-12.5)),
            ("+.5", Some(0.5)),
            ("3.", Some(3.0)),
            ("2.5e2", Some(250.0)),
            ("1E-1", Some(0.1)),
            ("595.30396", Some(595.30396)),
            ("", None),
            ("-", None),
            (".", None),
            ("1.2.3", None),
            ("abc", None),
            ("1e999", None),
        ] {
            assert_eq!(number(text), want, "{text:?}");
        }
    }

    #[test]
    fn deltas_expand_the_g_repetition() {
        for (spec, max, want) in [
            ("1 2 3", 9, vec![1.0, 2.0, 3.0]),
            ("g 3 2.5", 9, vec![2.5, 2.5, 2.5]),
            ("g 2 1 5 g 1 3", 9, vec![1.0, 1.0, 5.0, 3.0]),
            ("1 2 3", 2, vec![1.0, 2.0]),
            ("g 4000000000 1", 3, vec![1.0, 1.0, 1.0]),
            ("g x 1", 9, vec![]),
            ("1 oops 2", 9, vec![1.0]),
            ("", 9, vec![]),
        ] {
            assert_eq!(deltas(spec, max), want, "{spec:?}");
        }
    }

    #[test]
    fn a_text_code_becomes_a_run_at_its_baseline_in_millimetres() {
        let page = r#"<Page><Content><Layer><TextObject Boundary="25 30 100 8" Size="4"><TextCode X="2" Y="3.5" DeltaX="4 g 2 4">依法行政</TextCode></TextObject></Layer></Content></Page>"#;
        let runs = page_runs(page.as_bytes(), "Content.xml", 3, &Shared::default(), 0).unwrap();
        assert_eq!(
            runs,
            [Run {
                page: 3,
                x: 27.0,
                y: 33.5,
                size: 4.0,
                width: 16.0,
                text: "依法行政".into()
            }]
        );
    }

    #[test]
    fn without_deltax_width_is_guessed_from_the_size() {
        let page = r#"<Page><TextObject Boundary="0 0 100 8" Size="4"><TextCode X="0" Y="4">法治2023</TextCode></TextObject></Page>"#;
        let runs = page_runs(page.as_bytes(), "Content.xml", 0, &Shared::default(), 0).unwrap();
        assert_eq!(runs[0].width, 2.0 * 4.0 + 4.0 * 2.0);
    }

    #[test]
    fn a_run_never_reaches_past_its_boundary() {
        let page = r#"<Page><TextObject Boundary="10 0 6 8" Size="4"><TextCode X="0" Y="4" DeltaX="4">法治</TextCode></TextObject></Page>"#;
        assert_eq!(
            page_runs(page.as_bytes(), "Content.xml", 0, &Shared::default(), 0).unwrap()[0].width,
            6.0
        );
    }

    #[test]
    fn a_ctm_moves_and_scales_the_text() {
        let page = r#"<Page><TextObject Boundary="10 20 100 8" Size="1" CTM="4 0 0 4 1 2"><TextCode X="0" Y="1" DeltaX="1">法治</TextCode></TextObject></Page>"#;
        let r = &page_runs(page.as_bytes(), "Content.xml", 0, &Shared::default(), 0).unwrap()[0];
        assert_eq!((r.x, r.y, r.size, r.width), (11.0, 26.0, 4.0, 8.0));
    }

    #[test]
    fn a_text_code_without_x_or_y_continues_from_the_last() {
        let page = r#"<Page><TextObject Boundary="0 0 100 20" Size="4"><TextCode X="5" Y="4">第一行</TextCode><TextCode Y="10">第二行</TextCode></TextObject></Page>"#;
        let runs = page_runs(page.as_bytes(), "Content.xml", 0, &Shared::default(), 0).unwrap();
        assert_eq!((runs[1].x, runs[1].y), (5.0, 10.0));
    }

    #[test]
    fn elements_match_by_local_name_in_any_namespace_and_inside_page_blocks() {
        let page = r#"<x:Page xmlns:x="http://blog.yuanhaiying.cn"><x:Content><x:Layer><x:PageBlock><x:PageBlock><x:TextObject Boundary="10 20 100 8" size="4"><x:TextCode X="0" Y="4">深层</x:TextCode></x:TextObject></x:PageBlock></x:PageBlock></x:Layer></x:Content></x:Page>"#;
        let runs = page_runs(page.as_bytes(), "Content.xml", 0, &Shared::default(), 0).unwrap();
        assert_eq!((runs[0].text.as_str(), runs[0].size), ("深层", 4.0));
    }

    #[test]
    fn pieces_drawn_at_one_origin_join_in_document_order() {
        // As easyofd writes a line: every piece at the line's origin, spanning the whole line.
        let page = r#"<Page><TextObject Boundary="12 14 51 3" size="2.8"><TextCode X="0" Y="2.8" DeltaX="g 1 25.5">关于</TextCode></TextObject><TextObject Boundary="12 14 51 3" size="2.8"><TextCode X="0" Y="2.8" DeltaX="g 3 12.7">2023</TextCode></TextObject><TextObject Boundary="12 14 51 3" size="2.8"><TextCode X="0" Y="2.8" DeltaX="g 5 3.6">年度的报告</TextCode></TextObject><TextObject Boundary="12 14 51 3" size="2.8"><TextCode X="0" Y="2.8" DeltaX="g 5 3.6">年度的报告</TextCode></TextObject></Page>"#;
        let runs = page_runs(page.as_bytes(), "Content.xml", 0, &Shared::default(), 0).unwrap();
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].text, "关于2023年度的报告");
        assert_eq!(runs[0].width, 51.0, "the joined line spans its Boundary");
    }

    #[test]
    fn references_in_text_are_resolved() {
        let page = r#"<Page><TextObject Boundary="0 0 100 8" Size="4"><TextCode X="0" Y="4">A&amp;B&#x6CD5;&#27835;&unknown;</TextCode></TextObject></Page>"#;
        let runs = page_runs(page.as_bytes(), "Content.xml", 0, &Shared::default(), 0);
        // quick-xml may refuse an undeclared entity; if it reads it, it is kept as written.
        match runs {
            Ok(runs) => assert_eq!(runs[0].text, "A&B法治&unknown;"),
            Err(e) => assert!(matches!(e, Error::Broken(..)), "{e:?}"),
        }
        let page = r#"<Page><TextObject Boundary="0 0 100 8" Size="4"><TextCode X="0" Y="4">A&amp;B&#x6CD5;&#27835;</TextCode></TextObject></Page>"#;
        assert_eq!(
            page_runs(page.as_bytes(), "Content.xml", 0, &Shared::default(), 0).unwrap()[0].text,
            "A&B法治"
        );
    }

    #[test]
    fn a_missing_document_xml_is_named() {
        let err = read_files(&[("OFD.xml", &ofd_xml("Doc_0/Document.xml"))]).unwrap_err();
        assert!(
            matches!(&err, Error::Broken(zh, en) if zh.contains("Doc_0/Document.xml") && en.contains("Doc_0/Document.xml")),
            "{err:?}"
        );
    }

    #[test]
    fn an_ofd_xml_without_docroot_is_broken() {
        let ofd = format!("<ofd:OFD {NS}><ofd:DocBody/></ofd:OFD>");
        let err = read_files(&[("OFD.xml", &ofd)]).unwrap_err();
        assert!(
            matches!(&err, Error::Broken(zh, _) if zh.contains("DocRoot")),
            "{err:?}"
        );
    }

    #[test]
    fn a_missing_page_is_named() {
        let err = read_files(&[
            ("OFD.xml", &ofd_xml("Doc_0/Document.xml")),
            (
                "Doc_0/Document.xml",
                &document_xml(&["Pages/Page_0/Content.xml"]),
            ),
        ])
        .unwrap_err();
        assert!(
            matches!(&err, Error::Broken(_, en) if en.contains("Page_0/Content.xml")),
            "{err:?}"
        );
    }

    #[test]
    fn over_deep_xml_is_refused() {
        let deep = "<PageBlock>".repeat(LIMITS.max_depth + 1);
        assert_eq!(
            one_page(&format!("<Page>{deep}")),
            Err(Error::TooLarge("depth"))
        );
    }

    #[test]
    fn an_ofd_without_text_has_no_text() {
        assert_eq!(one_page(&content_xml(&[])), Err(Error::NoText("ofd")));
        let no_pages = read_files(&[
            ("OFD.xml", &ofd_xml("Doc_0/Document.xml")),
            ("Doc_0/Document.xml", &document_xml(&[])),
        ]);
        assert_eq!(no_pages, Err(Error::NoText("ofd")));
    }

    #[test]
    fn truncated_and_garbage_parts_never_panic() {
        let page = content_xml(&[(30.0, 40.0, "一、主要举措"), (30.0, 50.0, "正文")]);
        for cut in 0..page.len() {
            if let Some(part) = page.get(..cut) {
                let _ = one_page(part);
            }
        }
        let bad =
            one_page("<Page><TextObject Boundary=\"1 2\"><TextCode X=\"a\">x</TextCode></Wrong>");
        assert!(
            matches!(bad, Err(Error::Broken(ref zh, _)) if zh.contains("Content.xml")),
            "{bad:?}"
        );
        let junk: Vec<u8> = (0..2048u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 11) as u8)
            .collect();
        let zip = make_zip(&[
            ("OFD.xml", ofd_xml("Doc_0/Document.xml").as_bytes(), true),
            ("Doc_0/Document.xml", &junk, true),
        ]);
        let _ = read(&Archive::new(&zip, &LIMITS).unwrap());
        // A truncated archive is refused by the zip reader before any XML is read.
        assert!(Archive::new(&zip[..zip.len() / 2], &LIMITS).is_err());
    }
}
