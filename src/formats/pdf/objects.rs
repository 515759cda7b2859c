//! PDF objects: the lexer, the cross-reference (classic tables, xref streams, object streams,
//! a scan of the file when both are broken) and stream decoding within one inflate budget.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use super::crypt::Decryptor;
use super::value::{Dict, Obj, broken};
use crate::error::Error;
use crate::error::LIMITS;
use crate::formats::bytes::find;

/// A token of a content stream or CMap: an object or an operator keyword.
#[derive(Debug, Clone, PartialEq)]
pub enum Token {
    /// An operand.
    Obj(Obj),
    /// An operator (`BT`, `Tj`, `beginbfchar`…).
    Keyword(Vec<u8>),
}

/// Reads objects and tokens from bytes.
pub struct Lexer<'a> {
    /// The bytes read.
    pub buf: &'a [u8],
    /// The next byte to read.
    pub pos: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl<'a> Lexer<'a> {
    /// A lexer at `pos` in `buf`.
    pub fn new(buf: &'a [u8], pos: usize) -> Self {
        Lexer { buf, pos }
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    /// Skips white space and comments.
    pub fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\r' || c == b'\n' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// A run of regular characters (a number or a keyword).
    fn word(&mut self) -> &'a [u8] {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if is_white(b) || is_delim(b) {
                break;
            }
            self.pos += 1;
        }
        &self.buf[start..self.pos]
    }

    /// The next token; `None` at the end. Arrays and dictionaries nest at most
    /// `LIMITS.max_depth` deep.
    pub fn token(&mut self, depth: usize) -> Result<Option<Token>, Error> {
        if depth > LIMITS.max_depth {
            return Err(Error::TooLarge("depth"));
        }
        self.skip_space();
        let Some(b) = self.peek() else {
            return Ok(None);
        };
        let obj = match b {
            b'/' => {
                self.pos += 1;
                let raw = self.word();
                Obj::Name(decode_name(raw))
            }
            b'(' => Obj::Str(self.literal_string()),
            b'<' if self.buf.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                let mut dict = Vec::new();
                loop {
                    self.skip_space();
                    match self.peek() {
                        None => break,
                        Some(b'>') => {
                            self.pos += 1;
                            if self.peek() == Some(b'>') {
                                self.pos += 1;
                            }
                            break;
                        }
                        _ => {}
                    }
                    let key = match self.token(depth + 1)? {
                        Some(Token::Obj(Obj::Name(k))) => k,
                        Some(_) => continue, // junk where a key belongs: skip it
                        None => break,
                    };
                    self.skip_space();
                    if self.peek() == Some(b'>') {
                        dict.push((key, Obj::Null));
                        continue;
                    }
                    match self.object(depth + 1)? {
                        Some(v) => dict.push((key, v)),
                        None => break,
                    }
                }
                Obj::Dict(Dict(dict))
            }
            b'<' => {
                self.pos += 1;
                let mut out = Vec::new();
                let mut hi: Option<u8> = None;
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == b'>' {
                        break;
                    }
                    if let Some(v) = hex_val(c) {
                        match hi.take() {
                            Some(h) => out.push(h << 4 | v),
                            None => hi = Some(v),
                        }
                    }
                }
                if let Some(h) = hi {
                    out.push(h << 4);
                }
                Obj::Str(out)
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.peek() {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        _ => {}
                    }
                    match self.object(depth + 1)? {
                        Some(v) => items.push(v),
                        None => break,
                    }
                }
                Obj::Array(items)
            }
            b']' | b'>' | b')' | b'{' | b'}' => {
                // Stray delimiter: a keyword of its own, so that callers can skip it.
                self.pos += 1;
                return Ok(Some(Token::Keyword(vec![b])));
            }
            _ => {
                let w = self.word();
                if w.is_empty() {
                    self.pos += 1;
                    return Ok(Some(Token::Keyword(vec![b])));
                }
                if let Some(n) = parse_number(w) {
                    // `N G R` is a reference: look ahead without consuming otherwise.
                    if w.iter().all(u8::is_ascii_digit) {
                        let save = self.pos;
                        self.skip_space();
                        let g = self.word();
                        if !g.is_empty() && g.iter().all(u8::is_ascii_digit) {
                            self.skip_space();
                            if self.peek() == Some(b'R')
                                && self
                                    .buf
                                    .get(self.pos + 1)
                                    .is_none_or(|&c| is_white(c) || is_delim(c))
                            {
                                self.pos += 1;
                                return Ok(Some(Token::Obj(Obj::Ref(n as u32))));
                            }
                        }
                        self.pos = save;
                    }
                    Obj::Num(n)
                } else {
                    match w {
                        b"true" => Obj::Bool(true),
                        b"false" => Obj::Bool(false),
                        b"null" => Obj::Null,
                        _ => return Ok(Some(Token::Keyword(w.to_vec()))),
                    }
                }
            }
        };
        Ok(Some(Token::Obj(obj)))
    }

    /// The next object; a keyword where an object belongs reads as `null`.
    pub fn object(&mut self, depth: usize) -> Result<Option<Obj>, Error> {
        Ok(self.token(depth)?.map(|t| match t {
            Token::Obj(o) => o,
            Token::Keyword(_) => Obj::Null,
        }))
    }

    fn literal_string(&mut self) -> Vec<u8> {
        self.pos += 1; // (
        let mut out = Vec::new();
        let mut nesting = 0usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'(' => {
                    nesting += 1;
                    out.push(c);
                }
                b')' => {
                    if nesting == 0 {
                        break;
                    }
                    nesting -= 1;
                    out.push(c);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        other => out.push(other),
                    }
                }
                _ => out.push(c),
            }
        }
        out
    }
}

fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let (Some(h), Some(l)) = (
                raw.get(i + 1).and_then(|&b| hex_val(b)),
                raw.get(i + 2).and_then(|&b| hex_val(b)),
            )
        {
            out.push(h << 4 | l);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

fn parse_number(w: &[u8]) -> Option<f64> {
    // PDF numbers have no exponent: sign, digits, a point, digits. Parsed by hand (faster, and
    // keeps the float parser of std out of the wasm). Writers' `--5` or `5-` read leniently.
    let first = *w.first()?;
    if !(first.is_ascii_digit() || matches!(first, b'+' | b'-' | b'.')) {
        return None;
    }
    let negative = w
        .iter()
        .take_while(|b| matches!(b, b'+' | b'-'))
        .any(|&b| b == b'-');
    let mut value = 0.0f64;
    let mut scale = 0.0f64;
    for &b in w.iter().skip_while(|b| matches!(b, b'+' | b'-')) {
        match b {
            b'0'..=b'9' if scale == 0.0 => value = value * 10.0 + f64::from(b - b'0'),
            b'0'..=b'9' => {
                value += f64::from(b - b'0') * scale;
                scale /= 10.0;
            }
            b'.' if scale == 0.0 => scale = 0.1,
            _ => break,
        }
    }
    if !value.is_finite() {
        return None;
    }
    Some(if negative { -value } else { value })
}

/// A decoded object stream: its bytes and each object's (number, offset in them).
type ObjStream = (Vec<u8>, Vec<(u32, usize)>);

/// Where an object lives.
#[derive(Debug, Clone, Copy)]
enum Entry {
    /// At this byte offset in the file.
    At(usize),
    /// The `index`th object of object stream `stream`.
    InStream(u32, usize),
}

/// Positions found by one pass over the file, so that repairing a file stays linear (#12.7):
/// a stream whose /Length is wrong ends at the next `endstream` — found by binary search, not by
/// a search to the end of the file per stream — and never runs into the next object.
struct Landmarks {
    /// The start of every `N G obj` header, in file order.
    headers: Vec<usize>,
    /// The position of every `endstream`, in file order.
    endstreams: Vec<usize>,
}

/// An open PDF: objects read on demand, each decompression charged to one budget.
pub struct Doc<'a> {
    data: &'a [u8],
    xref: HashMap<u32, Entry>,
    /// Objects found by scanning the file, made when an xref offset proves wrong.
    scanned: RefCell<Option<HashMap<u32, usize>>>,
    /// Where objects start and `endstream`s stand, found by one scan when first needed.
    landmarks: OnceCell<Landmarks>,
    /// The xref's offsets in file order: an object is read no further than the next one's start.
    xref_offsets: OnceCell<Vec<usize>>,
    /// Decoded object streams: the bytes and each object's (number, offset).
    obj_streams: RefCell<HashMap<u32, Rc<ObjStream>>>,
    /// Object streams being decoded (a stream that contains itself).
    opening: RefCell<HashSet<u32>>,
    inflate_left: Cell<usize>,
    /// The trailer dictionary.
    pub trailer: Dict,
    /// The cross-reference was unusable and the file was indexed by scanning it (truncated?).
    pub repaired: bool,
    /// The key of a file encrypted with an empty user password, and its /Encrypt object (which
    /// is itself not encrypted).
    crypt: Option<(Decryptor, Option<u32>)>,
}

impl<'a> Doc<'a> {
    /// Opens a PDF: reads the cross-reference chain, or scans the file when it is broken.
    pub fn open(data: &'a [u8]) -> Result<Self, Error> {
        Self::open_with_budget(data, LIMITS.max_inflated)
    }

    /// Opens a PDF whose streams may inflate to `budget` bytes in all.
    pub fn open_with_budget(data: &'a [u8], budget: usize) -> Result<Self, Error> {
        let mut doc = Doc {
            data,
            xref: HashMap::new(),
            scanned: RefCell::new(None),
            landmarks: OnceCell::new(),
            xref_offsets: OnceCell::new(),
            obj_streams: RefCell::new(HashMap::new()),
            opening: RefCell::new(HashSet::new()),
            inflate_left: Cell::new(budget),
            trailer: Dict::default(),
            repaired: false,
            crypt: None,
        };
        let read = doc.read_xref_chain();
        if read.is_ok() {
            // Before the catalog is resolved: it may sit in an encrypted object stream.
            doc.open_encryption()?;
        }
        let root_ok = doc.trailer.get("Root").is_some_and(|r| {
            doc.resolve(r)
                .ok()
                .and_then(|o| o.dict().cloned())
                .is_some()
        });
        if let Err(e @ (Error::TooLarge(_) | Error::Encrypted)) = read {
            return Err(e);
        }
        if read.is_err() || !root_ok {
            doc.repaired = true;
            doc.rebuild_from_scan()?;
        }
        doc.open_encryption()?;
        Ok(doc)
    }

    /// Sets up decryption when the trailer has /Encrypt: `Error::Encrypted` unless the Standard
    /// handler opens the file with the empty user password.
    fn open_encryption(&mut self) -> Result<(), Error> {
        let Some(enc) = self
            .trailer
            .get("Encrypt")
            .filter(|e| **e != Obj::Null)
            .cloned()
        else {
            return Ok(());
        };
        if self.crypt.is_some() {
            return Ok(());
        }
        let num = match enc {
            Obj::Ref(n) => Some(n),
            _ => None,
        };
        // Read while `crypt` is unset: the /Encrypt dictionary's strings are not encrypted.
        let dict = match self.resolve(&enc)? {
            Obj::Dict(d) => d,
            _ => return Err(Error::Encrypted),
        };
        let id0 = match self
            .trailer
            .get("ID")
            .and_then(Obj::array)
            .and_then(|a| a.first())
        {
            Some(Obj::Str(s)) => s.clone(),
            _ => Vec::new(),
        };
        let decryptor = Decryptor::new(&dict, &id0).ok_or(Error::Encrypted)?;
        self.crypt = Some((decryptor, num));
        // Object streams read before now were read without the key.
        self.obj_streams.borrow_mut().clear();
        Ok(())
    }

    /// Decrypts the strings of object `num` (and its stream data, unless it is the xref stream,
    /// an image we never read, or metadata left in the clear).
    fn decrypt(&self, num: u32, gen_: u16, obj: Obj) -> Obj {
        let Some((c, enc_num)) = &self.crypt else {
            return obj;
        };
        if *enc_num == Some(num) {
            return obj;
        }
        fn strings(c: &Decryptor, num: u32, gen_: u16, obj: &mut Obj) {
            match obj {
                Obj::Str(s) => *s = c.string(num, gen_, s),
                Obj::Array(a) => a.iter_mut().for_each(|o| strings(c, num, gen_, o)),
                Obj::Dict(d) | Obj::Stream(d, _) => {
                    d.0.iter_mut().for_each(|(_, o)| strings(c, num, gen_, o));
                }
                _ => {}
            }
        }
        match obj {
            Obj::Stream(mut dict, raw) => {
                let kind = dict.get("Type").and_then(Obj::name);
                if kind == Some(b"XRef") {
                    return Obj::Stream(dict, raw); // xref streams are never encrypted
                }
                let clear = (kind == Some(b"Metadata") && !c.metadata)
                    || dict.get("Subtype").and_then(Obj::name) == Some(b"Image")
                    || !c.streams_encrypted()
                    || has_crypt_filter(&dict);
                let mut d = Obj::Dict(std::mem::take(&mut dict));
                strings(c, num, gen_, &mut d);
                let Obj::Dict(dict) = d else { unreachable!() };
                let data = if clear {
                    raw
                } else {
                    Rc::from(c.stream(num, gen_, &raw))
                };
                Obj::Stream(dict, data)
            }
            mut other => {
                strings(c, num, gen_, &mut other);
                other
            }
        }
    }

    fn read_xref_chain(&mut self) -> Result<(), Error> {
        let tail_start = self.data.len().saturating_sub(2048);
        let tail = &self.data[tail_start..];
        let at = rfind(tail, b"startxref")
            .ok_or_else(|| broken("找不到交叉引用表（startxref）", "no startxref"))?;
        let mut lx = Lexer::new(self.data, tail_start + at + 9);
        let mut next = match lx.object(0)? {
            Some(Obj::Num(n)) if n >= 0.0 => Some(n as usize),
            _ => {
                return Err(broken(
                    "startxref 后没有偏移量",
                    "no offset after startxref",
                ));
            }
        };
        let mut seen = HashSet::new();
        let mut first = true;
        while let Some(offset) = next.take() {
            if !seen.insert(offset) || seen.len() > 1000 {
                break; // a /Prev cycle
            }
            let trailer = self.read_xref_section(offset)?;
            if let Some(Obj::Num(x)) = trailer.get("XRefStm") {
                // A hybrid file: the stream holds the objects the table leaves out.
                let _ = self.read_xref_section(*x as usize);
            }
            if let Some(Obj::Num(p)) = trailer.get("Prev") {
                next = Some(*p as usize);
            }
            if first {
                self.trailer = trailer;
                first = false;
            } else {
                for (k, v) in trailer.0 {
                    if self
                        .trailer
                        .get(std::str::from_utf8(&k).unwrap_or(""))
                        .is_none()
                    {
                        self.trailer.0.push((k, v));
                    }
                }
            }
        }
        Ok(())
    }

    /// Reads one xref table or stream at `offset`; returns its trailer. Newer entries win.
    fn read_xref_section(&mut self, offset: usize) -> Result<Dict, Error> {
        let bad = || broken("交叉引用表损坏", "damaged cross-reference table");
        if offset >= self.data.len() {
            return Err(bad());
        }
        let mut lx = Lexer::new(self.data, offset);
        lx.skip_space();
        if self.data[lx.pos..].starts_with(b"xref") {
            lx.pos += 4;
            loop {
                match lx.token(0)? {
                    Some(Token::Obj(Obj::Num(start))) => {
                        let count = lx.object(0)?.and_then(|o| o.num()).ok_or_else(bad)?;
                        if count < 0.0 || start < 0.0 || count > LIMITS.max_entries as f64 {
                            return Err(Error::TooLarge("entries"));
                        }
                        for i in 0..count as u32 {
                            let off = lx.object(0)?.and_then(|o| o.num()).ok_or_else(bad)?;
                            let _gen = lx.object(0)?;
                            let kind = lx.token(0)?;
                            let num = (start as u32).saturating_add(i);
                            if kind == Some(Token::Keyword(b"n".to_vec())) && off > 0.0 {
                                self.xref.entry(num).or_insert(Entry::At(off as usize));
                            }
                        }
                        if self.xref.len() > LIMITS.max_entries {
                            return Err(Error::TooLarge("entries"));
                        }
                    }
                    Some(Token::Keyword(k)) if k == b"trailer" => {
                        return match lx.object(0)? {
                            Some(Obj::Dict(d)) => Ok(d),
                            _ => Err(bad()),
                        };
                    }
                    _ => return Err(bad()),
                }
            }
        }
        let (_, obj) = self.parse_indirect_at(offset, true)?;
        let Obj::Stream(dict, raw) = obj else {
            return Err(bad());
        };
        if dict.get("Type").and_then(Obj::name) != Some(b"XRef") {
            return Err(bad());
        }
        let data = self.decode(&dict, &raw)?.ok_or_else(bad)?;
        let widths: Vec<usize> = match dict.get("W").and_then(Obj::array) {
            Some(w) if w.len() == 3 => w
                .iter()
                .map(|v| v.num().unwrap_or(0.0).clamp(0.0, 8.0) as usize)
                .collect(),
            _ => return Err(bad()),
        };
        let row = widths.iter().sum::<usize>();
        if row == 0 {
            return Err(bad());
        }
        let size = dict.get("Size").and_then(Obj::num).unwrap_or(0.0).max(0.0);
        let index: Vec<f64> = match dict.get("Index").and_then(Obj::array) {
            Some(a) => a.iter().filter_map(Obj::num).collect(),
            None => vec![0.0, size],
        };
        let mut rows = data.chunks_exact(row);
        for pair in index.chunks_exact(2) {
            let (start, count) = (pair[0].max(0.0) as u32, pair[1].max(0.0) as usize);
            for i in 0..count.min(LIMITS.max_entries) {
                let Some(r) = rows.next() else { break };
                let field = |k: usize| -> usize {
                    let from: usize = widths[..k].iter().sum();
                    r[from..from + widths[k]]
                        .iter()
                        .fold(0usize, |a, &b| a.wrapping_shl(8) | usize::from(b))
                };
                let kind = if widths[0] == 0 { 1 } else { field(0) };
                let num = start.saturating_add(i as u32);
                let entry = match kind {
                    1 => Entry::At(field(1)),
                    2 => Entry::InStream(field(1) as u32, field(2)),
                    _ => continue,
                };
                self.xref.entry(num).or_insert(entry);
            }
        }
        if self.xref.len() > LIMITS.max_entries {
            return Err(Error::TooLarge("entries"));
        }
        Ok(dict)
    }

    /// Forgets the xref and indexes the file by scanning it for `N G obj`.
    fn rebuild_from_scan(&mut self) -> Result<(), Error> {
        let map = self.scan();
        if map.is_empty() {
            return Err(broken(
                "找不到任何PDF对象（文件截断或不是PDF）",
                "no PDF objects found (truncated or not a PDF)",
            ));
        }
        self.xref = map.iter().map(|(&n, &o)| (n, Entry::At(o))).collect();
        // The last trailer holds the newest root; xref streams carry theirs in their dictionary.
        let mut trailer = None;
        let mut from = self.data.len();
        // A damaged file is read object by object up to the next header from here on.
        self.landmarks();
        // The newest few trailers only: each may be an unclosed `<<` read to the file's end.
        let mut tries = 0;
        while let Some(at) = rfind(&self.data[..from], b"trailer")
            && tries < 64
        {
            tries += 1;
            if let Ok(Some(Obj::Dict(d))) = Lexer::new(self.data, at + 7).object(0)
                && d.get("Root").is_some()
            {
                trailer = Some(d);
                break;
            }
            from = at;
        }
        if let Some(t) = trailer.as_ref().filter(|t| t.get("Encrypt").is_some()) {
            // Object streams are encrypted: the key is needed before they are indexed.
            self.trailer = t.clone();
            self.open_encryption()?;
        }
        let mut nums: Vec<u32> = map.keys().copied().collect();
        nums.sort_unstable();
        for &n in &nums {
            let Ok(obj) = self.get(n) else { continue };
            let Some(d) = obj.dict() else { continue };
            match d.get("Type").and_then(Obj::name) {
                Some(b"XRef") if trailer.is_none() && d.get("Root").is_some() => {
                    trailer = Some(d.clone());
                }
                Some(b"ObjStm") => {
                    if let Ok(s) = self.object_stream(n) {
                        for &(m, _) in &s.1 {
                            self.xref.entry(m).or_insert(Entry::InStream(n, usize::MAX));
                        }
                    }
                }
                _ => {}
            }
        }
        if trailer.is_none() {
            // No trailer at all: the catalog is the object of type /Catalog.
            for &n in &nums {
                if let Ok(o) = self.get(n)
                    && o.dict().and_then(|d| d.get("Type")).and_then(Obj::name) == Some(b"Catalog")
                {
                    trailer = Some(Dict(vec![(b"Root".to_vec(), Obj::Ref(n))]));
                }
            }
        }
        self.trailer = trailer
            .ok_or_else(|| broken("找不到文档目录（Root）", "no document catalog (Root) found"))?;
        Ok(())
    }

    /// Every `N G obj` in the file, the last definition of a number winning.
    fn scan(&self) -> HashMap<u32, usize> {
        let mut map = HashMap::new();
        for (n, k) in scan_headers(self.data) {
            map.insert(n, k);
            if map.len() > LIMITS.max_entries {
                break;
            }
        }
        map
    }

    fn landmarks(&self) -> &Landmarks {
        self.landmarks.get_or_init(|| Landmarks {
            headers: scan_headers(self.data)
                .into_iter()
                .map(|(_, k)| k)
                .collect(),
            endstreams: find_all(self.data, b"endstream"),
        })
    }

    /// Where the object after the one at `offset` starts (the file's end if none): a damaged
    /// object is read no further, so that reading every object of a repaired file stays linear.
    fn next_header(&self, offset: usize) -> usize {
        let h = &self.landmarks().headers;
        h.get(h.partition_point(|&k| k <= offset))
            .copied()
            .unwrap_or(self.data.len())
    }

    /// The first xref offset after `offset` (the file's end if none).
    fn next_xref_offset(&self, offset: usize) -> usize {
        let xs = self.xref_offsets.get_or_init(|| {
            let mut xs: Vec<usize> = (self.xref.values())
                .filter_map(|e| match e {
                    Entry::At(o) => Some(*o),
                    _ => None,
                })
                .collect();
            xs.sort_unstable();
            xs
        });
        xs.get(xs.partition_point(|&k| k <= offset))
            .copied()
            .unwrap_or(self.data.len())
            .min(self.data.len())
    }

    /// Parses `N G obj … endobj` at `offset`. A stream's indirect /Length is looked up only when
    /// `follow_length` (not while reading that length itself, which could be a cycle).
    fn parse_indirect_at(&self, offset: usize, follow_length: bool) -> Result<(u32, Obj), Error> {
        let bad = || broken("对象损坏", "damaged object");
        let mut lx = Lexer::new(self.data, offset);
        let num = match lx.object(0)? {
            Some(Obj::Num(n)) if n >= 0.0 => n as u32,
            _ => return Err(bad()),
        };
        let gen_ = match lx.object(0)? {
            Some(Obj::Num(g)) => g.clamp(0.0, 65535.0) as u16,
            _ => 0,
        };
        if lx.token(0)? != Some(Token::Keyword(b"obj".to_vec())) {
            return Err(bad());
        }
        // An object is read up to the next object only (the next xref offset; in a repaired file
        // also the next header found): an unclosed `<<` or `[` would otherwise read to the file's
        // end, once per reference.
        let mut end = self.next_xref_offset(lx.pos);
        if self.landmarks.get().is_some() {
            end = end.min(self.next_header(lx.pos));
        }
        lx = Lexer::new(&self.data[..end], lx.pos);
        let obj = lx.object(0)?.ok_or_else(bad)?;
        if let (Obj::Dict(d), Some(Token::Keyword(k))) = (&obj, lx.token(0)?)
            && k == b"stream"
        {
            let mut start = lx.pos;
            if self.data.get(start) == Some(&b'\r') {
                start += 1;
            }
            if self.data.get(start) == Some(&b'\n') {
                start += 1;
            }
            let declared = match d.get("Length") {
                Some(Obj::Num(n)) => Some(*n),
                Some(Obj::Ref(r)) if follow_length => {
                    self.get_shallow(*r).ok().and_then(|o| o.num())
                }
                _ => None,
            };
            let end = declared
                .filter(|&n| n >= 0.0)
                .map(|n| start.saturating_add(n as usize))
                .filter(|&e| {
                    e <= self.data.len() && {
                        let mut l = Lexer::new(self.data, e);
                        l.skip_space();
                        self.data[l.pos..].starts_with(b"endstream")
                    }
                })
                .or_else(|| {
                    let land = self.landmarks();
                    let i = land.endstreams.partition_point(|&e| e < start);
                    let at = *land.endstreams.get(i)?;
                    // An `endstream` past the next object is that object's, not this one's.
                    if at > self.next_header(start) {
                        return None;
                    }
                    Some({
                        let mut e = at;
                        // The EOL before endstream is not data.
                        if e > start && self.data[e - 1] == b'\n' {
                            e -= 1;
                        }
                        if e > start && self.data[e - 1] == b'\r' {
                            e -= 1;
                        }
                        e
                    })
                })
                .ok_or_else(|| broken("数据流被截断", "truncated stream"))?;
            let stream = Obj::Stream(d.clone(), Rc::from(&self.data[start..end]));
            return Ok((num, self.decrypt(num, gen_, stream)));
        }
        Ok((num, self.decrypt(num, gen_, obj)))
    }

    /// Object `num`, read from wherever the xref says (the scan, if the xref is wrong).
    pub fn get(&self, num: u32) -> Result<Obj, Error> {
        self.get_with(num, true)
    }

    fn get_shallow(&self, num: u32) -> Result<Obj, Error> {
        self.get_with(num, false)
    }

    fn get_with(&self, num: u32, follow_length: bool) -> Result<Obj, Error> {
        match self.xref.get(&num) {
            Some(Entry::At(off)) => match self.parse_indirect_at(*off, follow_length) {
                Ok((n, o)) if n == num => Ok(o),
                // Over a limit is the answer, not damage to repair: a catalog nested 100,000
                // deep read as null said "no pages" (#12.13).
                Err(e @ Error::TooLarge(_)) => Err(e),
                _ => self.get_scanned(num, follow_length),
            },
            Some(&Entry::InStream(s, index)) => {
                let stream = self.object_stream(s)?;
                let by_index = stream.1.get(index).filter(|(n, _)| *n == num);
                let Some(&(_, off)) = by_index.or_else(|| stream.1.iter().find(|(n, _)| *n == num))
                else {
                    return Ok(Obj::Null);
                };
                let mut lx = Lexer::new(&stream.0, off);
                Ok(lx.object(0)?.unwrap_or(Obj::Null))
            }
            None => self.get_scanned(num, follow_length),
        }
    }

    fn get_scanned(&self, num: u32, follow_length: bool) -> Result<Obj, Error> {
        let off = {
            let mut scanned = self.scanned.borrow_mut();
            let map = scanned.get_or_insert_with(|| self.scan());
            map.get(&num).copied()
        };
        match off {
            Some(off) => match self.parse_indirect_at(off, follow_length) {
                Ok((n, o)) if n == num => Ok(o),
                Err(e @ Error::TooLarge(_)) => Err(e),
                _ => Ok(Obj::Null),
            },
            None => Ok(Obj::Null), // a missing object is null, as the spec says
        }
    }

    /// An object stream, decoded once.
    fn object_stream(&self, num: u32) -> Result<Rc<ObjStream>, Error> {
        if let Some(s) = self.obj_streams.borrow().get(&num) {
            return Ok(s.clone());
        }
        let bad = || broken("对象流损坏", "damaged object stream");
        if !self.opening.borrow_mut().insert(num) {
            return Err(bad());
        }
        let result = (|| {
            let obj = self.get(num)?;
            let Obj::Stream(dict, raw) = obj else {
                return Err(bad());
            };
            let data = self.decode(&dict, &raw)?.ok_or_else(bad)?;
            let n = dict.get("N").and_then(Obj::num).unwrap_or(0.0).max(0.0) as usize;
            let first = dict.get("First").and_then(Obj::num).unwrap_or(0.0).max(0.0) as usize;
            let mut lx = Lexer::new(&data, 0);
            let mut index = Vec::new();
            for _ in 0..n.min(LIMITS.max_entries) {
                match (lx.object(0)?, lx.object(0)?) {
                    (Some(Obj::Num(o)), Some(Obj::Num(off))) if o >= 0.0 && off >= 0.0 => {
                        index.push((o as u32, first.saturating_add(off as usize)));
                    }
                    _ => break,
                }
            }
            Ok(Rc::new((data, index)))
        })();
        self.opening.borrow_mut().remove(&num);
        let s = result?;
        self.obj_streams.borrow_mut().insert(num, s.clone());
        Ok(s)
    }

    /// Follows references (a bounded chain) to a direct object.
    pub fn resolve(&self, obj: &Obj) -> Result<Obj, Error> {
        let mut cur = obj.clone();
        for _ in 0..32 {
            match cur {
                Obj::Ref(n) => cur = self.get(n)?,
                other => return Ok(other),
            }
        }
        Ok(Obj::Null)
    }

    /// `dict[key]`, resolved.
    pub fn get_in(&self, dict: &Dict, key: &str) -> Result<Obj, Error> {
        match dict.get(key) {
            Some(o) => self.resolve(o),
            None => Ok(Obj::Null),
        }
    }

    /// A stream's data with its filters undone; `None` for filters we do not decode (images).
    pub fn decode(&self, dict: &Dict, raw: &[u8]) -> Result<Option<Vec<u8>>, Error> {
        let filters: Vec<Vec<u8>> = match self.get_in(dict, "Filter")? {
            Obj::Name(n) => vec![n],
            Obj::Array(a) => a
                .iter()
                .filter_map(|f| f.name().map(<[u8]>::to_vec))
                .collect(),
            _ => Vec::new(),
        };
        let params = match self.get_in(dict, "DecodeParms")? {
            Obj::Array(a) => a
                .first()
                .map(|p| self.resolve(p))
                .transpose()?
                .unwrap_or(Obj::Null),
            p => p,
        };
        let mut data = raw.to_vec();
        // Inflating charges what it writes; a stream without /FlateDecode is charged here, each
        // time it is used: one 33 KB stream listed 100,000 times as a page's /Contents was 3.2 GB
        // of content that no budget saw (#12.5).
        let mut inflated = false;
        for (i, f) in filters.iter().enumerate() {
            match f.as_slice() {
                b"FlateDecode" | b"Fl" => {
                    inflated = true;
                    data = self.inflate(&data)?;
                    if i == 0
                        && let Some(p) = params.dict()
                    {
                        data = unpredict(p, data)?;
                    }
                }
                b"ASCIIHexDecode" | b"AHx" => {
                    let digits: Vec<u8> = data
                        .iter()
                        .take_while(|&&b| b != b'>')
                        .filter_map(|&b| hex_val(b))
                        .collect();
                    data = digits
                        .chunks(2)
                        .map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0))
                        .collect();
                }
                // Only the /Identity crypt filter is allowed through (see `has_crypt_filter`).
                b"Crypt" => {}
                _ => return Ok(None),
            }
        }
        if !inflated {
            self.charge(data.len())?;
        }
        Ok(Some(data))
    }

    /// Takes `n` bytes from the file's budget of decoded stream bytes.
    fn charge(&self, n: usize) -> Result<(), Error> {
        let left = self.inflate_left.get();
        if n > left {
            self.inflate_left.set(0);
            return Err(Error::TooLarge("inflated"));
        }
        self.inflate_left.set(left - n);
        Ok(())
    }

    fn inflate(&self, data: &[u8]) -> Result<Vec<u8>, Error> {
        use miniz_oxide::inflate::{TINFLStatus, decompress_to_vec_zlib_with_limit};
        let left = self.inflate_left.get();
        let out = match decompress_to_vec_zlib_with_limit(data, left) {
            Ok(v) => v,
            Err(e) if e.status == TINFLStatus::HasMoreOutput => {
                return Err(Error::TooLarge("inflated"));
            }
            // A damaged stream: keep what came out before the damage.
            Err(e) => e.output,
        };
        self.inflate_left.set(left - out.len().min(left));
        Ok(out)
    }
}

/// Whether a stream names its own /Crypt filter: we know only /Identity (the default), which
/// leaves the stream in the clear whatever /StmF says.
fn has_crypt_filter(dict: &Dict) -> bool {
    match dict.get("Filter") {
        Some(Obj::Name(n)) => n == b"Crypt",
        Some(Obj::Array(a)) => a.iter().any(|f| f.name() == Some(b"Crypt")),
        _ => false,
    }
}

/// Undoes PNG (10–15) and TIFF-less predictors of /DecodeParms.
fn unpredict(params: &Dict, data: Vec<u8>) -> Result<Vec<u8>, Error> {
    let predictor = params.get("Predictor").and_then(Obj::num).unwrap_or(1.0);
    if predictor < 10.0 {
        return Ok(data);
    }
    let num = |k: &str, d: f64| {
        params
            .get(k)
            .and_then(Obj::num)
            .unwrap_or(d)
            .clamp(1.0, 4096.0)
    };
    let bpp = ((num("Colors", 1.0) * num("BitsPerComponent", 8.0) / 8.0).ceil() as usize).max(1);
    let row = ((num("Columns", 1.0) * num("Colors", 1.0) * num("BitsPerComponent", 8.0) / 8.0)
        .ceil() as usize)
        .clamp(1, data.len().max(1)); // no row is longer than the data
    let mut out = Vec::with_capacity(data.len());
    let mut prev = vec![0u8; row];
    for chunk in data.chunks(row + 1) {
        let Some((&kind, line)) = chunk.split_first() else {
            break;
        };
        let mut cur = line.to_vec();
        cur.resize(row, 0);
        for i in 0..row {
            let left = if i >= bpp { cur[i - bpp] } else { 0 };
            let up = prev[i];
            let up_left = if i >= bpp { prev[i - bpp] } else { 0 };
            cur[i] = match kind {
                1 => cur[i].wrapping_add(left),
                2 => cur[i].wrapping_add(up),
                3 => cur[i].wrapping_add(((u16::from(left) + u16::from(up)) / 2) as u8),
                4 => cur[i].wrapping_add(paeth(left, up, up_left)),
                _ => cur[i],
            };
        }
        out.extend_from_slice(&cur[..line.len().min(row)]);
        prev = cur;
    }
    Ok(out)
}

fn paeth(a: u8, b: u8, c: u8) -> u8 {
    let p = i16::from(a) + i16::from(b) - i16::from(c);
    let (pa, pb, pc) = (
        (p - i16::from(a)).abs(),
        (p - i16::from(b)).abs(),
        (p - i16::from(c)).abs(),
    );
    if pa <= pb && pa <= pc {
        a
    } else if pb <= pc {
        b
    } else {
        c
    }
}

/// Every `N G obj` header in the file: (N, where N starts), in file order.
fn scan_headers(d: &[u8]) -> Vec<(u32, usize)> {
    let mut out = Vec::new();
    for o in find_all(d, b"obj") {
        // Walk back over "N G " before "obj".
        let mut j = o;
        while j > 0 && is_white(d[j - 1]) {
            j -= 1;
        }
        let g_end = j;
        while j > 0 && d[j - 1].is_ascii_digit() {
            j -= 1;
        }
        if j == g_end {
            continue;
        }
        let mut n_end = j;
        while n_end > 0 && is_white(d[n_end - 1]) {
            n_end -= 1;
        }
        if n_end == j {
            continue;
        }
        let mut k = n_end;
        while k > 0 && d[k - 1].is_ascii_digit() {
            k -= 1;
        }
        if k == n_end || (k > 0 && !is_white(d[k - 1]) && !is_delim(d[k - 1])) {
            continue;
        }
        if let Some(n) = std::str::from_utf8(&d[k..n_end])
            .ok()
            .and_then(|s| s.parse::<u32>().ok())
        {
            out.push((n, k));
        }
    }
    out
}

/// Every position of `needle` in `hay` (not overlapping), in order.
fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = find(&hay[i..], needle) {
        out.push(i + at);
        i += at + needle.len();
    }
    out
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}
