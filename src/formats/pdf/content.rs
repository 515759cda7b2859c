//! Content streams: the text operators run over a graphics state, each shown string becoming a
//! positioned [`Run`].

use std::collections::HashMap;
use std::rc::Rc;

use super::font::{Font, is_wide};
use super::objects::{Doc, Lexer, Token};
use super::value::{Dict, Obj};
use crate::error::Error;
use crate::error::LIMITS;
use crate::formats::layout::Run;

/// Form XObjects nest at most this deep (a form drawing itself is cut off here).
const MAX_FORM_DEPTH: usize = 12;
/// `q` without `Q` keeps at most this many saved states.
const MAX_SAVED_STATES: usize = 256;

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` (first a, then b), as PDF composes matrices.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// The graphics state the text operators use.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
}

/// What the pages of a document draw: runs of text and whether any image.
pub struct Drawing<'d, 'a> {
    doc: &'d Doc<'a>,
    /// Fonts already loaded, by object number.
    fonts: HashMap<u32, Rc<Font>>,
    /// The text drawn.
    pub runs: Vec<Run>,
    /// Bytes of text in `runs` (bounded by `LIMITS.max_text`).
    text_len: usize,
    /// Images drawn (a page without text but with images is a scan).
    pub images: usize,
    /// Glyphs drawn whose font maps them to no text (no ToUnicode, no known encoding).
    pub unmapped_glyphs: usize,
    /// Form XObjects drawn so far in the document.
    forms_drawn: usize,
    /// Content-stream bytes the file may still have interpreted (`LIMITS.max_work`): a form is
    /// charged each time it is drawn, since 100,000 draws of a 1 MB form cost 100 GB of work
    /// from one small file (#12.6).
    work_left: usize,
}

/// Where a content stream runs: its page, page height, resources and form nesting.
struct Frame<'r> {
    page: usize,
    top: f32,
    resources: &'r Dict,
    depth: usize,
    /// Object numbers of the forms being drawn (a form that draws itself).
    forms: Vec<u32>,
}

impl<'d, 'a> Drawing<'d, 'a> {
    /// Nothing drawn yet.
    pub fn new(doc: &'d Doc<'a>) -> Self {
        Drawing {
            doc,
            fonts: HashMap::new(),
            runs: Vec::new(),
            text_len: 0,
            images: 0,
            unmapped_glyphs: 0,
            forms_drawn: 0,
            work_left: LIMITS.max_work,
        }
    }

    /// Charges `n` content bytes to the file's work budget.
    fn charge(&mut self, n: usize) -> Result<(), Error> {
        self.work_left = self
            .work_left
            .checked_sub(n)
            .ok_or(Error::TooLarge("work"))?;
        Ok(())
    }

    /// Runs one page's content; `top` is the page's upper edge (to flip y downward).
    pub fn page(
        &mut self,
        page: usize,
        top: f32,
        resources: &Dict,
        content: &[u8],
    ) -> Result<(), Error> {
        let frame = Frame {
            page,
            top,
            resources,
            depth: 0,
            forms: Vec::new(),
        };
        let state = State {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        self.run(&frame, state, content)
    }

    fn run(&mut self, frame: &Frame<'_>, mut gs: State, content: &[u8]) -> Result<(), Error> {
        self.charge(content.len())?;
        let mut saved: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        let mut ops: Vec<Obj> = Vec::new();
        // Open marked-content sections: where their runs start and their /ActualText.
        let mut marked: Vec<(usize, Option<String>)> = Vec::new();
        let mut lx = Lexer::new(content, 0);
        while let Some(tok) = lx.token(0)? {
            let op = match tok {
                Token::Obj(o) => {
                    if ops.len() < 64 {
                        ops.push(o);
                    }
                    continue;
                }
                Token::Keyword(k) => k,
            };
            let n = |i: usize| -> f32 { ops.get(i).and_then(Obj::num).unwrap_or(0.0) as f32 };
            match op.as_slice() {
                b"q" if saved.len() < MAX_SAVED_STATES => saved.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        gs = s;
                    }
                }
                b"cm" if ops.len() >= 6 => {
                    gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm);
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" => {
                    gs.size = n(1);
                    gs.font = match ops.first() {
                        Some(Obj::Name(name)) => self.font(frame.resources, name)?,
                        _ => None,
                    };
                }
                b"Tc" => gs.char_spacing = n(0),
                b"Tw" => gs.word_spacing = n(0),
                b"Tz" => gs.h_scale = n(0) / 100.0,
                b"TL" => gs.leading = n(0),
                b"Ts" => gs.rise = n(0),
                b"Td" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.leading = -n(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" if ops.len() >= 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" => {
                    if let Some(Obj::Str(s)) = ops.first() {
                        self.show(frame, &gs, &mut tm, &[Obj::Str(s.clone())]);
                    }
                }
                b"TJ" => {
                    if let Some(Obj::Array(items)) = ops.first() {
                        self.show(frame, &gs, &mut tm, items);
                    }
                }
                b"'" | b"\"" => {
                    if op == b"\"" {
                        gs.word_spacing = n(0);
                        gs.char_spacing = n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                    if let Some(Obj::Str(s)) = ops.last() {
                        self.show(frame, &gs, &mut tm, &[Obj::Str(s.clone())]);
                    }
                }
                b"Do" => {
                    if let Some(Obj::Name(name)) = ops.first() {
                        self.draw_xobject(frame, &gs, name)?;
                    }
                }
                b"BMC" | b"BDC" => {
                    let props = match ops.get(1) {
                        Some(Obj::Name(name)) => {
                            let all = self.doc.get_in(frame.resources, "Properties")?;
                            match all.dict().and_then(|d| d.get_bytes(name)) {
                                Some(p) => self.doc.resolve(p)?,
                                None => Obj::Null,
                            }
                        }
                        Some(other) => other.clone(),
                        None => Obj::Null,
                    };
                    let actual =
                        props
                            .dict()
                            .and_then(|d| d.get("ActualText"))
                            .and_then(|t| match t {
                                Obj::Str(s) => Some(text_string(s)),
                                _ => None,
                            });
                    if marked.len() < MAX_SAVED_STATES {
                        marked.push((self.runs.len(), actual));
                    }
                }
                b"EMC" => {
                    if let Some((start, Some(actual))) = marked.pop() {
                        self.replace_runs(start, actual);
                    }
                }
                b"BI" => {
                    // An inline image: its data runs from ID to EI and is not text.
                    self.images += 1;
                    skip_inline_image(&mut lx);
                }
                _ => {}
            }
            ops.clear();
            if self.text_len > LIMITS.max_text {
                return Err(Error::TooLarge("text"));
            }
        }
        Ok(())
    }

    /// Replaces the runs drawn since `start` by one run of `text` (a marked /ActualText): the
    /// glyphs drawn may be a look-alike (LibreOffice draws a space for a no-break space).
    fn replace_runs(&mut self, start: usize, text: String) {
        let Some(first) = self.runs.get(start).cloned() else {
            return;
        };
        let drawn = self.runs.split_off(start);
        let right = drawn
            .iter()
            .filter(|r| r.page == first.page && (r.y - first.y).abs() < first.size * 0.5)
            .map(|r| r.x + r.width)
            .fold(first.x + first.width, f32::max);
        self.text_len += text.len();
        self.runs.push(Run {
            width: right - first.x,
            text,
            ..first
        });
    }

    fn font(&mut self, resources: &Dict, name: &[u8]) -> Result<Option<Rc<Font>>, Error> {
        let fonts = self.doc.get_in(resources, "Font")?;
        let Some(entry) = fonts.dict().and_then(|d| d.get_bytes(name).cloned()) else {
            return Ok(None);
        };
        let key = match entry {
            Obj::Ref(r) => Some(r),
            _ => None,
        };
        if let Some(f) = key.and_then(|k| self.fonts.get(&k)) {
            return Ok(Some(f.clone()));
        }
        let Obj::Dict(dict) = self.doc.resolve(&entry)? else {
            return Ok(None);
        };
        let font = Rc::new(Font::load(self.doc, &dict)?);
        if let Some(k) = key {
            self.fonts.insert(k, font.clone());
        }
        Ok(Some(font))
    }

    /// Shows strings (and TJ adjustments) as one run, moving the text matrix past them.
    fn show(&mut self, frame: &Frame<'_>, gs: &State, tm: &mut Matrix, items: &[Obj]) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        let trm = mul(
            &[gs.size * gs.h_scale, 0.0, 0.0, gs.size, 0.0, gs.rise],
            &mul(tm, &gs.ctm),
        );
        let start = mul(tm, &gs.ctm);
        let mut text = String::new();
        let mut advance = 0.0f32; // in text space
        for item in items {
            match item {
                Obj::Num(adj) => {
                    let dx = -(*adj as f32) / 1000.0 * gs.size * gs.h_scale;
                    // A wide gap between Latin words is a space; CJK text has none.
                    if *adj < -250.0
                        && text
                            .chars()
                            .last()
                            .is_some_and(|c| !c.is_whitespace() && !is_wide(c))
                    {
                        text.push(' ');
                    }
                    if font.vertical {
                        *tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -dx], tm);
                    } else {
                        *tm = mul(&[1.0, 0.0, 0.0, 1.0, dx, 0.0], tm);
                        advance += dx;
                    }
                }
                Obj::Str(bytes) => {
                    for g in font.glyphs(bytes) {
                        let spacing = gs.char_spacing
                            + if g.len == 1 && g.code == 32 {
                                gs.word_spacing
                            } else {
                                0.0
                            };
                        if g.text.is_empty() {
                            self.unmapped_glyphs += 1;
                        }
                        text.extend(g.text.chars().filter(|c| !c.is_control()));
                        if font.vertical {
                            let dy = gs.size + spacing;
                            *tm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -dy], tm);
                        } else {
                            let dx = (g.width / 1000.0 * gs.size + spacing) * gs.h_scale;
                            *tm = mul(&[1.0, 0.0, 0.0, 1.0, dx, 0.0], tm);
                            advance += dx;
                        }
                    }
                }
                _ => {}
            }
        }
        if text.is_empty() {
            return;
        }
        // The run's size and width in page units: the text matrix and CTM may scale.
        let scale_y = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
        let scale_x = (start[0] * start[0] + start[1] * start[1]).sqrt();
        let width = if font.vertical {
            scale_y.max(f32::EPSILON)
        } else {
            advance * scale_x
        };
        self.text_len += text.len();
        self.runs.push(Run {
            page: frame.page,
            x: trm[4],
            y: frame.top - trm[5],
            size: scale_y,
            width,
            text,
        });
    }

    fn draw_xobject(&mut self, frame: &Frame<'_>, gs: &State, name: &[u8]) -> Result<(), Error> {
        let xobjects = self.doc.get_in(frame.resources, "XObject")?;
        let Some(entry) = xobjects.dict().and_then(|d| d.get_bytes(name).cloned()) else {
            return Ok(());
        };
        let num = match entry {
            Obj::Ref(r) => Some(r),
            _ => None,
        };
        if frame.depth >= MAX_FORM_DEPTH
            || num.is_some_and(|r| frame.forms.contains(&r))
            || self.forms_drawn >= LIMITS.max_entries
        {
            return Ok(()); // a form drawing itself, or forms fanning out without end
        }
        self.forms_drawn += 1;
        let Obj::Stream(dict, raw) = self.doc.resolve(&entry)? else {
            return Ok(());
        };
        match self.doc.get_in(&dict, "Subtype")?.name() {
            Some(b"Image") => {
                self.images += 1;
                Ok(())
            }
            Some(b"Form") => {
                let Some(content) = self.doc.decode(&dict, &raw)? else {
                    return Ok(());
                };
                let mut inner = gs.clone();
                if let Obj::Array(m) = self.doc.get_in(&dict, "Matrix")?
                    && m.len() == 6
                {
                    let m: Vec<f32> = m.iter().map(|v| v.num().unwrap_or(0.0) as f32).collect();
                    inner.ctm = mul(&[m[0], m[1], m[2], m[3], m[4], m[5]], &gs.ctm);
                }
                let own = self.doc.get_in(&dict, "Resources")?;
                let resources = own.dict().unwrap_or(frame.resources);
                let mut forms = frame.forms.clone();
                forms.extend(num);
                let sub = Frame {
                    page: frame.page,
                    top: frame.top,
                    resources,
                    depth: frame.depth + 1,
                    forms,
                };
                self.run(&sub, inner, &content)
            }
            _ => Ok(()),
        }
    }
}

/// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (Latin-1 here).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(b"\xFE\xFF") {
        Some(be) => {
            let units: Vec<u16> = be
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

/// Moves past an inline image's `… ID <data> EI`.
fn skip_inline_image(lx: &mut Lexer<'_>) {
    let buf = lx.buf;
    let Some(id) = crate::formats::bytes::find(&buf[lx.pos..], b"ID") else {
        lx.pos = buf.len();
        return;
    };
    let mut i = lx.pos + id + 3;
    while i + 2 <= buf.len() {
        if &buf[i..i + 2] == b"EI"
            && buf[i - 1].is_ascii_whitespace()
            && buf.get(i + 2).is_none_or(|c| c.is_ascii_whitespace())
        {
            lx.pos = i + 2;
            return;
        }
        i += 1;
    }
    lx.pos = buf.len();
}
