//! Read a saved web page: HTML bytes → the report's paragraphs, without the site around it.
//!
//! This step owns recognizing a web page, its charset (BOM, `<meta>`, else UTF-8 if valid, else
//! GB18030), a small tolerant tokenizer (HTML is not XML, and saved government pages are rarely
//! well-formed), block elements → paragraphs, and picking the report out of the menus, related
//! links and footers around it.

use super::extracted::{Extracted, Format, TextBuilder};
use crate::error::Error;
use crate::error::LIMITS;

/// Whether the bytes start like a web page: after a BOM, white space, comments and an XML
/// declaration, a doctype or one of the tags a page begins with.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = ascii_head(bytes);
    let mut rest: &[u8] = &head;
    // Bounded: each round removes a comment or a declaration, or stops.
    for _ in 0..64 {
        rest = rest.trim_ascii_start();
        if let Some(after) = rest.strip_prefix(b"<!--") {
            match super::bytes::find(after, b"-->") {
                Some(end) => rest = &after[end + 3..],
                None => return false,
            }
        } else if rest.starts_with(b"<?xml") {
            match rest.iter().position(|&b| b == b'>') {
                Some(end) => rest = &rest[end + 1..],
                None => return false,
            }
        } else {
            break;
        }
    }
    let Some(tag) = rest.strip_prefix(b"<") else {
        return false;
    };
    const OPENINGS: &[&[u8]] = &[
        b"!doctype html",
        b"html",
        b"head",
        b"meta",
        b"title",
        b"body",
        b"p",
        b"div",
        b"table",
        b"center",
        b"h1",
        b"h2",
        b"h3",
        b"span",
        b"font",
        b"link",
        b"base",
        b"style",
        b"script",
    ];
    OPENINGS.iter().any(|open| {
        tag.len() >= open.len()
            && tag[..open.len()].eq_ignore_ascii_case(open)
            // `<p` must be the tag `p`, not the start of `<para…>` or of report text.
            && tag
                .get(open.len())
                .is_none_or(|b| b.is_ascii_whitespace() || *b == b'>' || *b == b'/')
    })
}

/// The first 1 KB as ASCII: UTF-16 pages (with BOM) keep their ASCII bytes, the others as is.
fn ascii_head(bytes: &[u8]) -> Vec<u8> {
    let head = &bytes[..bytes.len().min(1024)];
    if let Some(rest) = head.strip_prefix(b"\xEF\xBB\xBF") {
        rest.to_vec()
    } else if let Some(rest) = head.strip_prefix(b"\xFF\xFE") {
        rest.iter().step_by(2).copied().collect()
    } else if let Some(rest) = head.strip_prefix(b"\xFE\xFF") {
        rest.iter().skip(1).step_by(2).copied().collect()
    } else {
        head.to_vec()
    }
}

/// Reads a web page: its text, its report paragraphs (h1–h6 as outline levels) and its charset.
pub fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    let (text, encoding) = decode_page(bytes);
    let page = walk(&text)?;
    let mut out = TextBuilder::new();
    for p in main_content(&page) {
        out.paragraph("", &p.text, p.level);
    }
    let mut extracted = out.finish(Format::Html)?;
    extracted.encoding = Some(encoding);
    Ok(extracted)
}

/// The page's text and the charset it was in.
fn decode_page(bytes: &[u8]) -> (String, &'static str) {
    use crate::text::decode::decode_with;
    for (bom, enc) in [
        (&b"\xEF\xBB\xBF"[..], "UTF-8"),
        (b"\xFF\xFE", "UTF-16LE"),
        (b"\xFE\xFF", "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return (decode_with(rest, enc), enc);
        }
    }
    let declared = declared_charset(&bytes[..bytes.len().min(4096)]);
    match std::str::from_utf8(bytes) {
        // Pages re-saved as UTF-8 often keep their old `gb2312` meta; Chinese text in GBK is
        // practically never valid UTF-8, so valid UTF-8 with non-ASCII wins over the declaration.
        Ok(s) if !s.is_ascii() || declared.is_none() => (s.to_owned(), "UTF-8"),
        Ok(s) => (s.to_owned(), declared.unwrap_or("UTF-8")),
        Err(_) if declared == Some("Big5") => (decode_with(bytes, "Big5"), "Big5"),
        Err(_) => (decode_with(bytes, "GB18030"), "GB18030"),
    }
}

/// The charset a `<meta charset=…>` or `<meta http-equiv=… content="…; charset=…">` declares.
fn declared_charset(head: &[u8]) -> Option<&'static str> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    // Bounded: `from` moves past each `<meta` found.
    while let Some(at) = super::bytes::find(&lower[from..], b"<meta") {
        let start = from + at;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = super::bytes::find(tag, b"charset") {
            let value = tag[c + 7..]
                .trim_ascii_start()
                .strip_prefix(b"=")
                .unwrap_or(b"")
                .trim_ascii_start();
            let value = value.strip_prefix(b"\"").unwrap_or(value);
            let value = value.strip_prefix(b"'").unwrap_or(value);
            let label: Vec<u8> = value
                .iter()
                .copied()
                .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
                .collect();
            if let Some(enc) = charset_name(&label) {
                return Some(enc);
            }
        }
        from = end;
    }
    None
}

/// The encoding a charset label names, of those a Chinese page uses (UTF-16 in a meta is a lie:
/// the bytes were read as ASCII to find it).
fn charset_name(label: &[u8]) -> Option<&'static str> {
    match label {
        b"utf-8" | b"utf8" => Some("UTF-8"),
        b"gb2312" | b"gbk" | b"gb18030" | b"x-gbk" | b"cp936" | b"gb_2312-80" | b"euc-cn" => {
            Some("GB18030")
        }
        b"big5" | b"big5-hkscs" | b"x-x-big5" | b"cn-big5" => Some("Big5"),
        _ => None,
    }
}

/// Elements whose whole subtree is site furniture, not the report (`header`/`footer` only
/// outside an `article`/`main`, where they are the page's, not the article's).
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "select",
    "iframe", "svg", "math", "textarea", "button", "object", "canvas", "audio", "video",
];

/// Elements whose content is raw text: a `<div>` inside a script is not a tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// Elements that start and end a paragraph (kept on the open-element stack).
const BLOCKS: &[&str] = &[
    "html",
    "body",
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "center",
    "address",
    "figure",
    "figcaption",
    "fieldset",
    "legend",
    "details",
    "summary",
    "hgroup",
    "form",
    "header",
    "footer",
    "menu",
    "dir",
];

/// Elements that may hold the report: the candidates for the main content.
const CONTAINERS: &[&str] = &[
    "body", "div", "td", "th", "article", "section", "main", "center",
];

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Starting one of these closes an open `<p>` (HTML's implied end tags).
const CLOSES_P: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "dl",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "center",
    "address",
    "figure",
    "figcaption",
    "fieldset",
    "details",
    "hgroup",
    "form",
    "header",
    "footer",
    "menu",
    "dir",
];

/// One paragraph of the page, with what the main-content pick needs.
#[derive(Debug, Clone, Default)]
struct Paragraph {
    text: String,
    level: Option<u8>,
    /// The innermost open block element when it ended (an index into `Page::nodes`).
    node: usize,
    /// Han characters and CJK punctuation outside links.
    cjk: usize,
    /// Visible characters inside links.
    link: usize,
}

/// A block element of the page: its parent and whether it may hold the report.
#[derive(Debug, Clone)]
struct Node {
    parent: usize,
    container: bool,
}

/// The page read into paragraphs and the element tree above them.
#[derive(Debug, Default)]
struct Page {
    paragraphs: Vec<Paragraph>,
    /// Node 0 is the document itself.
    nodes: Vec<Node>,
    /// The `<title>`.
    title: String,
}

/// An element on the open-element stack.
#[derive(Debug)]
struct Open {
    name: String,
    node: usize,
    /// Whether a paragraph ended inside it (a table cell that holds paragraphs is a layout cell).
    wrote_lines: bool,
}

/// The paragraph being written.
#[derive(Debug, Default)]
struct Line {
    text: String,
    /// White space seen since the last character, written as one space before the next one.
    gap: bool,
    /// A table cell ended: the next character is written after a tab.
    cell: bool,
    cjk: usize,
    link: usize,
}

impl Line {
    /// Appends raw page text: entities decoded, white space collapsed (kept in `<pre>`).
    fn push_raw(&mut self, raw: &str, link: bool, pre: bool) {
        let mut rest = raw;
        while let Some(c) = rest.chars().next() {
            let (c, used) = if c == '&' {
                entity(rest).unwrap_or(('&', 1))
            } else {
                (c, c.len_utf8())
            };
            rest = &rest[used..];
            match c {
                // A source line wrap is a space too, even between CJK characters: browsers (and
                // LibreOffice, which wraps its HTML at spaces) show it so.
                ' ' | '\t' | '\n' | '\r' | '\x0C' if !pre => self.gap = true,
                '\r' | '\n' => {}
                c if c.is_control() && c != '\t' => {}
                c => self.push_char(c, link),
            }
        }
    }

    fn push_char(&mut self, c: char, link: bool) {
        if !self.text.is_empty() {
            if self.cell {
                self.text.push('\t');
            } else if self.gap {
                self.text.push(' ');
            }
        }
        self.gap = false;
        self.cell = false;
        self.text.push(c);
        if link {
            self.link += usize::from(!c.is_whitespace());
        } else {
            self.cjk += usize::from(is_cjk(c));
        }
    }
}

/// Han characters, CJK punctuation and full-width forms.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303F}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3134F}')
}

/// Named entities a Chinese page uses; others are kept as written.
const ENTITIES: &[(&str, char)] = &[
    ("nbsp", '\u{A0}'),
    ("lt", '<'),
    ("gt", '>'),
    ("amp", '&'),
    ("quot", '"'),
    ("apos", '\''),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("mdash", '—'),
    ("ndash", '–'),
    ("middot", '·'),
    ("hellip", '…'),
    ("times", '×'),
    ("divide", '÷'),
    ("bull", '•'),
    ("deg", '°'),
    ("plusmn", '±'),
    ("yen", '¥'),
    ("sect", '§'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("permil", '‰'),
    ("shy", '\u{AD}'),
];

/// The character an entity at the start of `s` stands for, and the bytes it takes.
fn entity(s: &str) -> Option<(char, usize)> {
    let body = s.strip_prefix('&')?;
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix, skip) = match num.strip_prefix(['x', 'X']) {
            Some(hex) => (hex, 16, 3),
            None => (num, 10, 2),
        };
        let len = digits
            .bytes()
            .take(8)
            .take_while(|b| b.is_ascii_digit() || (radix == 16 && b.is_ascii_hexdigit()))
            .count();
        if len == 0 {
            return None;
        }
        let code = u32::from_str_radix(&digits[..len], radix).ok()?;
        let c = match code {
            0 => '\u{FFFD}',
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        let semi = usize::from(digits[len..].starts_with(';'));
        return Some((c, skip + len + semi));
    }
    let len = body
        .bytes()
        .take(10)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if !body[len..].starts_with(';') {
        return None;
    }
    let name = &body[..len];
    ENTITIES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| (*c, len + 2))
}

/// Walks the page's tags and text, building paragraphs.
#[derive(Debug)]
struct Walker {
    page: Page,
    stack: Vec<Open>,
    line: Line,
    /// Inside a dropped subtree: its element name and how many of them are open.
    skip: Option<(String, usize)>,
    link: bool,
    /// A `<br>` or an empty paragraph was seen since the last paragraph: one blank line.
    blank: bool,
    text_len: usize,
}

/// Reads the page into paragraphs.
fn walk(html: &str) -> Result<Page, Error> {
    let mut w = Walker {
        page: Page {
            nodes: vec![Node {
                parent: 0,
                container: true,
            }],
            ..Page::default()
        },
        stack: Vec::new(),
        line: Line::default(),
        skip: None,
        link: false,
        blank: false,
        text_len: 0,
    };
    let b = html.as_bytes();
    let mut i = 0;
    // Bounded: every branch moves `i` forward by at least one byte.
    while i < b.len() {
        if b[i] != b'<' {
            let end = b[i..]
                .iter()
                .position(|&c| c == b'<')
                .map_or(b.len(), |e| i + e);
            w.text(&html[i..end])?;
            i = end;
            continue;
        }
        let rest = &b[i..];
        let letter_at = |k: usize| rest.get(k).is_some_and(u8::is_ascii_alphabetic);
        if rest.starts_with(b"<!--") {
            i = super::bytes::find(&rest[4..], b"-->").map_or(b.len(), |e| i + 4 + e + 3);
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = rest
                .iter()
                .position(|&c| c == b'>')
                .map_or(b.len(), |e| i + e + 1);
        } else if rest.starts_with(b"</") && letter_at(2) {
            let (name, _, end) = tag(html, i + 2);
            w.end(&name)?;
            i = end;
        } else if letter_at(1) {
            let (name, attrs, end) = tag(html, i + 1);
            let self_closing = attrs.trim_end().ends_with('/');
            i = end;
            if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                // Raw text runs to the matching end tag, which the next round reads.
                let close = format!("</{name}");
                let stop = find_ascii_ci(&b[i..], close.as_bytes()).map_or(b.len(), |e| i + e);
                if name == "title" && w.page.title.is_empty() && w.skip.is_none() {
                    let mut t = Line::default();
                    t.push_raw(&html[i..stop], false, false);
                    w.page.title = t.text;
                }
                i = stop;
            } else {
                w.start(&name, attrs, self_closing)?;
            }
        } else {
            w.text("<")?;
            i += 1;
        }
    }
    w.flush(false)?;
    Ok(w.page)
}

/// A tag's lowercase name, its attribute text and the byte after its `>`; `at` is where the name
/// starts. Quoted attribute values may hold `>`.
fn tag(html: &str, at: usize) -> (String, &str, usize) {
    let b = html.as_bytes();
    let name_end = b[at..]
        .iter()
        .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
        .map_or(b.len(), |e| at + e);
    let mut k = name_end;
    let mut after_equals = false;
    while k < b.len() && b[k] != b'>' {
        let c = b[k];
        if (c == b'"' || c == b'\'') && after_equals {
            k = b[k + 1..]
                .iter()
                .position(|&q| q == c)
                .map_or(b.len(), |e| k + 1 + e);
        }
        if !c.is_ascii_whitespace() {
            after_equals = c == b'=';
        }
        k += 1;
    }
    let name = html[at..name_end].to_ascii_lowercase();
    (name, &html[name_end..k.min(b.len())], (k + 1).min(b.len()))
}

/// The value of attribute `name` in a tag's attribute text, if present (empty if it has none).
fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let b = attrs.as_bytes();
    let mut k = 0;
    // Bounded: every round moves `k` past one attribute or one stray byte.
    while k < b.len() {
        while k < b.len() && (b[k].is_ascii_whitespace() || b[k] == b'/') {
            k += 1;
        }
        let start = k;
        while k < b.len() && !b[k].is_ascii_whitespace() && !matches!(b[k], b'=' | b'>' | b'/') {
            k += 1;
        }
        let key = &attrs[start..k];
        while k < b.len() && b[k].is_ascii_whitespace() {
            k += 1;
        }
        let mut value = "";
        if b.get(k) == Some(&b'=') {
            k += 1;
            while k < b.len() && b[k].is_ascii_whitespace() {
                k += 1;
            }
            if let Some(&q) = b.get(k).filter(|q| **q == b'"' || **q == b'\'') {
                let end = b[k + 1..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |e| k + 1 + e);
                value = &attrs[k + 1..end];
                k = end + 1;
            } else {
                let vstart = k;
                while k < b.len() && !b[k].is_ascii_whitespace() {
                    k += 1;
                }
                value = &attrs[vstart..k];
            }
        }
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        if k == start {
            k += 1;
        }
    }
    None
}

/// Whether an element is hidden by a `hidden` attribute or an inline `display:none`.
fn hidden(attrs: &str) -> bool {
    attr(attrs, "hidden").is_some()
        || attr(attrs, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// The first position of `needle` (lowercase ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

impl Walker {
    fn top(&self) -> usize {
        self.stack.last().map_or(0, |o| o.node)
    }

    /// The index on the stack of the innermost open `name`, looking no further out than `stop`.
    fn open(&self, name: &str, stop: &[&str]) -> Option<usize> {
        for (k, o) in self.stack.iter().enumerate().rev() {
            if o.name == name {
                return Some(k);
            }
            if stop.contains(&o.name.as_str()) {
                return None;
            }
        }
        None
    }

    fn text(&mut self, raw: &str) -> Result<(), Error> {
        if self.skip.is_some() {
            return Ok(());
        }
        if self.open("pre", &[]).is_some() {
            // `<pre>` keeps its line breaks: each source line is a line of the report.
            let mut first = true;
            for piece in raw.split('\n') {
                if !first {
                    self.flush(true)?;
                }
                first = false;
                self.line.push_raw(piece, self.link, true);
            }
            return Ok(());
        }
        self.line.push_raw(raw, self.link, false);
        Ok(())
    }

    fn start(&mut self, name: &str, attrs: &str, self_closing: bool) -> Result<(), Error> {
        if let Some((skipped, depth)) = &mut self.skip {
            if skipped == name && !self_closing && !VOID.contains(&name) {
                *depth += 1;
            }
            return Ok(());
        }
        // An article's own header and footer hold its title and signature: keep them.
        let in_article = self.open("article", &[]).is_some() || self.open("main", &[]).is_some();
        let dropped =
            SKIPPED.contains(&name) && !(in_article && matches!(name, "header" | "footer"));
        let void = VOID.contains(&name) || self_closing;
        if !void && (dropped || hidden(attrs)) {
            self.skip = Some((name.to_string(), 1));
            return Ok(());
        }
        match name {
            "br" => self.flush(true)?,
            "hr" => self.flush(false)?,
            "a" => self.link = attr(attrs, "href").is_some(),
            "td" | "th" => {
                let cell = self
                    .open("td", &["tr", "table"])
                    .or_else(|| self.open("th", &["tr", "table"]));
                if let Some(k) = cell {
                    if self.stack[k].wrote_lines {
                        self.flush(false)?;
                    }
                    self.stack.truncate(k);
                }
                self.line.cell = !self.line.text.is_empty();
                self.push(name)?;
            }
            _ if BLOCKS.contains(&name) && !void => {
                self.flush(false)?;
                let implied = match name {
                    "li" => self.open("li", &["ul", "ol", "table"]),
                    "dt" | "dd" => self
                        .open("dt", &["dl", "table"])
                        .or_else(|| self.open("dd", &["dl", "table"])),
                    "tr" => self.open("tr", &["table"]),
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => (self.stack.len().checked_sub(1))
                        .filter(|&k| {
                            heading_level(&self.stack[k].name).is_some()
                                || self.stack[k].name == "p"
                        }),
                    _ if CLOSES_P.contains(&name) => {
                        self.open("p", &[]).filter(|&k| k + 1 == self.stack.len())
                    }
                    _ => None,
                };
                if let Some(k) = implied {
                    self.stack.truncate(k);
                }
                self.push(name)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn end(&mut self, name: &str) -> Result<(), Error> {
        if let Some((skipped, depth)) = &mut self.skip {
            if skipped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.skip = None;
                }
            }
            return Ok(());
        }
        match name {
            "a" => self.link = false,
            "br" => self.flush(true)?,
            // Content after `</body>` is still shown in the body.
            "body" | "html" => {}
            "td" | "th" => {
                if let Some(k) = self.open(name, &["tr", "table"]) {
                    if self.stack[k].wrote_lines {
                        self.flush(false)?;
                    }
                    self.stack.truncate(k);
                }
            }
            _ if BLOCKS.contains(&name) => {
                self.flush(false)?;
                if let Some(k) = self.open(name, &[]) {
                    self.stack.truncate(k);
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn push(&mut self, name: &str) -> Result<(), Error> {
        if self.stack.len() >= LIMITS.max_depth {
            return Err(Error::TooLarge("depth"));
        }
        let node = self.page.nodes.len();
        self.page.nodes.push(Node {
            parent: self.top(),
            container: CONTAINERS.contains(&name),
        });
        self.stack.push(Open {
            name: name.to_string(),
            node,
            wrote_lines: false,
        });
        Ok(())
    }

    /// Ends the paragraph being written; `line_break` for `<br>`, which leaves a blank line when
    /// nothing precedes it.
    fn flush(&mut self, line_break: bool) -> Result<(), Error> {
        let line = std::mem::take(&mut self.line);
        if line.text.chars().all(char::is_whitespace) {
            self.blank |= line_break || !line.text.is_empty();
            return Ok(());
        }
        let node = self.top();
        let level = self.stack.iter().rev().find_map(|o| heading_level(&o.name));
        if std::mem::take(&mut self.blank) && !self.page.paragraphs.is_empty() {
            self.page.paragraphs.push(Paragraph {
                node,
                ..Paragraph::default()
            });
        }
        self.text_len += line.text.len() + 1;
        if self.text_len > LIMITS.max_text {
            return Err(Error::TooLarge("text"));
        }
        self.page.paragraphs.push(Paragraph {
            text: line.text,
            level,
            node,
            cjk: line.cjk,
            link: line.link,
        });
        for o in &mut self.stack {
            o.wrote_lines = true;
        }
        Ok(())
    }
}

/// The outline level of a heading element.
fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

/// Whether `node` lies inside `ancestor` (bounded by the tree depth).
fn inside(nodes: &[Node], mut node: usize, ancestor: usize) -> bool {
    for _ in 0..=LIMITS.max_depth {
        if node == ancestor {
            return true;
        }
        if node == 0 {
            return false;
        }
        node = nodes.get(node).map_or(0, |n| n.parent);
    }
    false
}

/// The nearest container at or above `node`.
fn container_of(nodes: &[Node], mut node: usize) -> usize {
    for _ in 0..=LIMITS.max_depth {
        match nodes.get(node) {
            Some(n) if !n.container && node != 0 => node = n.parent,
            _ => return node,
        }
    }
    0
}

/// The paragraphs of the report: the container with the most CJK text in its own paragraphs
/// (links count against it), and the title just before it if it sits outside.
fn main_content(page: &Page) -> Vec<&Paragraph> {
    let nodes = &page.nodes;
    let paras = &page.paragraphs;
    let worth = |p: &Paragraph| p.cjk as i64 - p.link as i64;
    // A paragraph counts fully for its container and half for the one above (as Readability
    // does), so the tightest block that holds the report wins over `body`.
    let mut own = vec![0i64; nodes.len()];
    let mut subtree = vec![0i64; nodes.len()];
    for p in paras {
        let c = container_of(nodes, p.node);
        own[c] += 2 * worth(p);
        if c != 0 {
            let above = container_of(nodes, nodes[c].parent);
            own[above] += worth(p);
        }
        let mut n = p.node;
        for _ in 0..=LIMITS.max_depth {
            subtree[n] += worth(p);
            if n == 0 {
                break;
            }
            n = nodes[n].parent;
        }
    }
    let Some(mut best) = (0..nodes.len())
        .filter(|&n| nodes[n].container && own[n] > 0)
        .max_by_key(|&n| (own[n], std::cmp::Reverse(n)))
    else {
        return paras.iter().collect();
    };
    // A report split over sibling blocks: climb while the block above holds clearly more.
    for _ in 0..=LIMITS.max_depth {
        if best == 0 {
            break;
        }
        let above = container_of(nodes, nodes[best].parent);
        if subtree[above] * 10 > subtree[best] * 13 {
            best = above;
        } else {
            break;
        }
    }
    let mut content: Vec<&Paragraph> = paras
        .iter()
        .filter(|p| inside(nodes, p.node, best))
        .collect();
    while content.first().is_some_and(|p| p.text.is_empty()) {
        content.remove(0);
    }
    while content.last().is_some_and(|p| p.text.is_empty()) {
        content.pop();
    }
    let first = content
        .first()
        .and_then(|f| paras.iter().position(|p| std::ptr::eq(p, *f)))
        .unwrap_or(0);
    let is_title = |p: &Paragraph| {
        let t = p.text.trim();
        p.link == 0
            && p.cjk > 0
            && t.chars().count() <= 80
            && (t.contains("报告")
                || t.contains("情况")
                || (!page.title.is_empty() && page.title.contains(t)))
    };
    if let Some(title) = paras[..first].iter().rev().find(|p| is_title(p))
        && content
            .first()
            .is_none_or(|f| f.text.trim() != title.text.trim())
    {
        content.insert(0, title);
    }
    content
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(html: &str) -> String {
        read(html.as_bytes())
            .map(|e| e.text)
            .unwrap_or_else(|e| format!("ERR {e:?}"))
    }

    /// Every paragraph of the page, before the main content is picked.
    fn every_line(html: &str) -> String {
        let page = walk(html).unwrap();
        let lines: Vec<&str> = page.paragraphs.iter().map(|p| p.text.as_str()).collect();
        lines.join("\n")
    }

    #[test]
    fn pages_are_recognized_by_their_first_tag() {
        for page in [
            "<!DOCTYPE html><html>",
            "<!doctype HTML>\n<html>",
            "\u{feff}  <html lang=\"zh\">",
            "<!-- saved from url=(0044)http://www.example.gov.cn/ -->\n<html>",
            "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
            "<HEAD><META charset=gbk>",
            "<meta http-equiv=\"Content-Type\" content=\"text/html\">",
            "<body>",
            "<p>关于2023年度法治政府建设情况的报告</p>",
            "<div class=\"TRS_Editor\">",
        ] {
            assert!(looks_like_html(page.as_bytes()), "{page}");
        }
    }

    #[test]
    fn report_text_with_a_less_than_sign_is_not_a_page() {
        for text in [
            "关于2023年度法治政府建设情况的报告\n<p>",
            "<2023年度>法治政府建设情况",
            "<para>not html",
            "<pending> 事项",
            "<!-- unterminated",
            "",
        ] {
            assert!(!looks_like_html(text.as_bytes()), "{text}");
        }
    }

    #[test]
    fn utf16_pages_with_a_bom_are_recognized_and_read() {
        let page: Vec<u8> = "\u{feff}<html><body><p>法治政府建设</p></body></html>"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(looks_like_html(&page));
        let e = read(&page).unwrap();
        assert_eq!(
            (e.text.as_str(), e.encoding),
            ("法治政府建设", Some("UTF-16LE"))
        );
    }

    #[test]
    fn charset_labels_map_to_the_decoder_used() {
        for (label, want) in [
            ("utf-8", Some("UTF-8")),
            ("gb2312", Some("GB18030")),
            ("gbk", Some("GB18030")),
            ("gb18030", Some("GB18030")),
            ("big5", Some("Big5")),
            ("utf-16", None),
            ("iso-8859-1", None),
        ] {
            assert_eq!(charset_name(label.as_bytes()), want, "{label}");
        }
    }

    #[test]
    fn the_meta_charset_is_found_in_both_forms() {
        assert_eq!(
            declared_charset(b"<head><meta charset=\"GBK\"><title>"),
            Some("GB18030")
        );
        assert_eq!(
            declared_charset(
                b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=gb2312\">"
            ),
            Some("GB18030")
        );
        assert_eq!(declared_charset(b"<meta charset='big5'>"), Some("Big5"));
        assert_eq!(declared_charset(b"<meta name=\"author\">"), None);
    }

    #[test]
    fn a_gbk_page_is_decoded_by_its_meta_charset() {
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>法治政府建设情况的报告</p></body></html>",
        );
        let e = read(&gbk).unwrap();
        assert_eq!(
            (e.text.as_str(), e.encoding),
            ("法治政府建设情况的报告", Some("GB18030"))
        );
    }

    #[test]
    fn a_big5_page_is_decoded_as_big5_when_it_says_so() {
        let (big5, _, _) =
            encoding_rs::BIG5.encode("<meta charset=big5><p>法治政府建設情況的報告</p>");
        let e = read(&big5).unwrap();
        assert_eq!(
            (e.text.as_str(), e.encoding),
            ("法治政府建設情況的報告", Some("Big5"))
        );
    }

    #[test]
    fn without_a_charset_utf8_if_valid_else_gb18030() {
        let e = read("<p>依法行政</p>".as_bytes()).unwrap();
        assert_eq!(e.encoding, Some("UTF-8"));
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>依法行政</p>");
        let e = read(&gbk).unwrap();
        assert_eq!((e.text.as_str(), e.encoding), ("依法行政", Some("GB18030")));
    }

    #[test]
    fn valid_utf8_wins_over_a_stale_gb2312_meta() {
        let e = read("<meta charset=gb2312><p>依法行政</p>".as_bytes()).unwrap();
        assert_eq!((e.text.as_str(), e.encoding), ("依法行政", Some("UTF-8")));
    }

    #[test]
    fn named_entities_decode_to_their_characters() {
        for (name, want) in ENTITIES {
            let got = entity(&format!("&{name};rest"));
            assert_eq!(got, Some((*want, name.len() + 2)), "&{name};");
        }
    }

    #[test]
    fn numeric_entities_decimal_and_hex() {
        assert_eq!(entity("&#27861;"), Some(('法', 8)));
        assert_eq!(entity("&#x6CD5;"), Some(('法', 8)));
        assert_eq!(entity("&#X6cd5"), Some(('法', 7)));
        assert_eq!(entity("&#0;"), Some(('\u{FFFD}', 4)));
        assert_eq!(entity("&#xD800;"), Some(('\u{FFFD}', 8)));
        assert_eq!(entity("&#99999999999;").map(|e| e.0), Some('\u{FFFD}'));
    }

    #[test]
    fn unknown_entities_are_kept_as_written() {
        assert_eq!(entity("&foo;"), None);
        assert_eq!(entity("&amp"), None);
        assert_eq!(text_of("<p>A&foo;B &amp C</p>"), "A&foo;B &amp C");
        assert_eq!(
            text_of("<p>&ldquo;放管服&rdquo;&nbsp;改革&hellip;</p>"),
            "“放管服”\u{a0}改革…"
        );
    }

    #[test]
    fn white_space_collapses_but_nbsp_stays() {
        assert_eq!(text_of("<p>  a \n\t b  </p>"), "a b");
        assert_eq!(
            text_of("<p>&nbsp;&nbsp;一、总体情况</p>"),
            "\u{a0}\u{a0}一、总体情况"
        );
        // A source line wrap is a space, as browsers show it (LibreOffice wraps at spaces).
        assert_eq!(
            text_of("<p>法治\n政府 建设\n2023</p>"),
            "法治 政府 建设 2023"
        );
    }

    #[test]
    fn numeric_line_breaks_do_not_split_a_paragraph() {
        assert_eq!(text_of("<p>依法&#10;行政&#13;</p>"), "依法 行政");
    }

    #[test]
    fn dropped_subtrees_leave_nothing() {
        for name in SKIPPED {
            // Raw-text elements end at their first end tag; the others nest.
            let inner = if RAW_TEXT.contains(name) {
                "<p>内层</p>".to_string()
            } else {
                format!("<{name}><p>内层</p></{name}>尾")
            };
            let page = format!(
                "<body><p>正文</p><{name} class=x><p>菜单</p>{inner}</{name}><p>结束</p></body>"
            );
            assert_eq!(text_of(&page), "正文\n结束", "<{name}>");
        }
    }

    #[test]
    fn comments_and_hidden_elements_are_dropped() {
        assert_eq!(
            text_of(
                "<p>甲<!-- <p>注释</p> -->乙</p><div style=\"DISPLAY: none\"><p>隐藏</p></div><p hidden>也隐藏</p><p>丙</p>"
            ),
            "甲乙\n丙"
        );
    }

    #[test]
    fn script_text_is_raw_and_never_read_as_tags() {
        assert_eq!(
            text_of("<p>甲</p><script>document.write('<div>脚本</div>');</script><p>乙</p>"),
            "甲\n乙"
        );
    }

    #[test]
    fn header_and_footer_of_an_article_are_kept() {
        assert_eq!(
            text_of(
                "<header>网站头部</header><article><header><h1>关于2023年度法治政府建设情况的报告</h1></header><p>正文</p></article><footer>版权所有</footer>"
            ),
            "关于2023年度法治政府建设情况的报告\n正文"
        );
    }

    #[test]
    fn blocks_become_paragraphs_and_headings_outline_levels() {
        let e = read(
            "<body><h1>一、主要举措</h1><div>正文<span>继续</span></div><h2>（一）完善制度</h2><ul><li>一是<li>二是</ul><p>段落<p>下一段</body>"
                .as_bytes(),
        )
        .unwrap();
        assert_eq!(
            e.text,
            "一、主要举措\n正文继续\n（一）完善制度\n一是\n二是\n段落\n下一段"
        );
        let levels: Vec<_> = e.paragraphs.iter().map(|p| p.outline_level).collect();
        assert_eq!(levels, [Some(1), None, Some(2), None, None, None, None]);
    }

    #[test]
    fn heading_levels_one_to_six() {
        for level in 1..=6u8 {
            let e = read(format!("<h{level}>标题</h{level}>").as_bytes()).unwrap();
            assert_eq!(e.paragraphs[0].outline_level, Some(level));
        }
    }

    #[test]
    fn table_rows_are_lines_with_cells_joined_by_tabs() {
        assert_eq!(
            text_of(
                "<table><tr><td>事项</td><td></td><td>数量</td></tr><tr><th>复议</th><td>12</td></table>"
            ),
            "事项\t数量\n复议\t12"
        );
    }

    #[test]
    fn a_layout_cell_holding_paragraphs_keeps_them_apart() {
        assert_eq!(
            every_line(
                "<table><tr><td><p>第一段</p>第二段<br>第三段</td><td>旁边</td></tr></table>"
            ),
            "第一段\n第二段\n第三段\n旁边"
        );
    }

    #[test]
    fn br_breaks_lines_and_empty_paragraphs_leave_one_blank_line() {
        assert_eq!(
            text_of("<p>甲<br>乙<br/></p><p><br/>\n<br/></p><p>&nbsp;</p><p>丙</p>"),
            "甲\n乙\n\n丙"
        );
        assert_eq!(text_of("<p></p><p>甲</p><p></p><p>乙</p>"), "甲\n乙");
    }

    #[test]
    fn pre_keeps_its_line_breaks() {
        assert_eq!(
            text_of("<pre>一、总体\n  （一）制度\n</pre>"),
            "一、总体\n  （一）制度"
        );
    }

    #[test]
    fn empty_and_textless_pages_have_no_text() {
        for page in [
            "<html><body></body></html>",
            "<html><head><title>标题</title><script>x()</script></head><body>  </body></html>",
            "",
        ] {
            assert_eq!(read(page.as_bytes()), Err(Error::NoText("html")), "{page}");
        }
    }

    #[test]
    fn truncated_and_garbage_pages_never_panic() {
        let page = "<html><head><title>关于报告</title></head><body><div class=\"a\"><p>一、总体&amp;情况</p><table><tr><td>甲</td></tr></table><script>var a='<'</script></div></body></html>";
        for cut in 0..=page.len() {
            if let Some(part) = page.get(..cut) {
                let _ = read(part.as_bytes());
            }
        }
        for junk in [
            "<<<>>>",
            "</>",
            "<a href='x",
            "<p class=\"x>依法",
            "&#x;&#;&",
            "<\u{fffd}>",
            "</p></p></div>",
        ] {
            let _ = read(junk.as_bytes());
        }
        assert_eq!(text_of("<p class=\"x>依法"), "ERR NoText(\"html\")");
        let bytes: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
            .collect();
        let _ = read(&bytes);
    }

    #[test]
    fn over_deep_nesting_is_refused() {
        let page = "<div>".repeat(LIMITS.max_depth + 1) + "深";
        assert_eq!(read(page.as_bytes()), Err(Error::TooLarge("depth")));
        // Unclosed paragraphs do not pile up: each `<p>` closes the one before.
        let page = "<p>段".repeat(LIMITS.max_depth * 2);
        assert!(read(page.as_bytes()).is_ok());
    }

    /// A government page as saved from a browser: menus, breadcrumb, the report in a
    /// `TRS_Editor` div, related links, footer and inline scripts.
    const GOV_PAGE: &str = r#"<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>关于2023年度法治政府建设情况的报告_某某县人民政府</title>
<script type="text/javascript">var _hmt = _hmt || []; document.write("<div>统计</div>");</script>
<style>.nav li { float: left }</style></head>
<body>
<div class="top"><a href="/">某某县人民政府</a> | <a href="/en">English</a> | 无障碍浏览</div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/hdjl">互动交流</a></li><li><a href="/bsfw">办事服务</a></li></ul></div>
<div class="main">
  <div class="crumb">您当前的位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/fzzf">法治政府建设</a></div>
  <div class="article">
    <div class="title">关于2023年度法治政府建设情况的报告</div>
    <div class="info">发布时间：2024-01-10 来源：县司法局 【字体：<a href="javascript:">大</a> <a href="javascript:">中</a> <a href="javascript:">小</a>】</div>
    <div class="TRS_Editor"><style>.TRS_Editor P{line-height:2;}</style>
      <p>县委：</p>
      <p>&nbsp;&nbsp;2023年，我县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面推进依法行政。</p>
      <p><strong>一、主要举措和成效</strong></p>
      <p>（一）完善依法行政制度体系。严格落实重大行政决策程序，全年审核规范性文件十二件。</p>
      <p>二、存在的不足</p>
      <p>法治队伍建设仍需加强，基层执法人员法律素养有待提升。</p>
      <p style="text-align: right">某某县人民政府<br>2024年1月5日</p>
    </div>
  </div>
  <div class="related"><h3>相关链接</h3><ul><li><a href="/a1">关于2022年度法治政府建设情况的报告</a></li><li><a href="/a2">某某市法治政府建设实施方案</a></li></ul></div>
</div>
<div class="footer">主办单位：某某县人民政府办公室　版权所有<br>地址：某某县人民路1号　网站标识码：1234567890<script>writeCount();</script></div>
</body></html>"#;

    #[test]
    fn from_a_government_page_only_the_report_comes_out() {
        let e = read(GOV_PAGE.as_bytes()).unwrap();
        let lines: Vec<&str> = e.text.lines().collect();
        assert_eq!(
            lines,
            [
                "关于2023年度法治政府建设情况的报告",
                "县委：",
                "\u{a0}\u{a0}2023年，我县坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，全面推进依法行政。",
                "一、主要举措和成效",
                "（一）完善依法行政制度体系。严格落实重大行政决策程序，全年审核规范性文件十二件。",
                "二、存在的不足",
                "法治队伍建设仍需加强，基层执法人员法律素养有待提升。",
                "某某县人民政府",
                "2024年1月5日",
            ]
        );
    }

    #[test]
    fn text_before_the_report_stays_only_if_it_is_the_title() {
        let page = "<body><div><p>发布时间：2024-01-10 来源：县司法局</p></div><div class=content><p>一、总体情况</p><p>我县全面推进依法行政，法治政府建设取得明显成效，群众满意度持续提升。</p></div></body>";
        assert_eq!(
            text_of(page),
            "一、总体情况\n我县全面推进依法行政，法治政府建设取得明显成效，群众满意度持续提升。"
        );
    }

    #[test]
    fn a_report_split_over_sibling_blocks_is_read_whole() {
        let body = "我县全面推进依法行政，法治政府建设取得明显成效。";
        let page = format!(
            "<body><div class=menu><a href=/>首页</a></div><div class=content><div><p>一、{body}</p></div><div><p>二、{body}</p></div></div></body>"
        );
        assert_eq!(text_of(&page), format!("一、{body}\n二、{body}"));
    }
}
