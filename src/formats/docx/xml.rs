//! Streaming XML: a part's bytes as text, read event by event, with its names and attributes.

use std::borrow::Cow;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::error::Error;
use crate::error::Limits;

/// A part's bytes as text: UTF-8 (with or without BOM) or UTF-16 with a BOM.
pub fn xml_text<'b>(part: &str, bytes: &'b [u8]) -> Result<Cow<'b, str>, Error> {
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
pub(super) struct Xml<'a> {
    part: &'a str,
    pub(super) reader: Reader<&'a [u8]>,
    pub(super) depth: usize,
    max_depth: usize,
    /// Where the text read starts in the part, for error positions.
    pub(super) offset: u64,
}

impl<'a> Xml<'a> {
    pub(super) fn new(part: &'a str, text: &'a str, limits: &Limits) -> Self {
        Xml {
            part,
            reader: Reader::from_str(text),
            depth: 0,
            max_depth: limits.max_depth,
            offset: 0,
        }
    }

    pub(super) fn invalid(&self, at: u64) -> Error {
        let at = self.offset + at;
        Error::Broken(
            format!("{} 不是有效的 XML（第 {at} 字节）", self.part),
            format!("{} is not valid XML (byte {at})", self.part),
        )
    }

    /// The next event; an unclosed element at the end is an error like any other.
    pub(super) fn next(&mut self) -> Result<Event<'a>, Error> {
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
    pub(super) fn skip(&mut self) -> Result<(), Error> {
        let parent = self.depth.saturating_sub(1);
        while self.depth > parent {
            self.next()?;
        }
        Ok(())
    }

    /// Visits every element inside the one whose start was just read (`f` gets each start and
    /// whether it is empty; it may skip a child); returns after that element's end.
    pub(super) fn each_inside(
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
pub(super) fn local<'x>(e: &'x BytesStart<'_>) -> &'x str {
    e.local_name().into_inner()
}

/// An attribute's value by local name, entities resolved.
pub(super) fn attr<'x>(e: &'x BytesStart<'_>, name: &str) -> Option<Cow<'x, str>> {
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
pub(super) fn val<'x>(e: &'x BytesStart<'_>) -> Option<Cow<'x, str>> {
    attr(e, "val")
}

/// The `w:val` of an element as a number.
pub(super) fn val_number<T: std::str::FromStr>(e: &BytesStart<'_>) -> Option<T> {
    val(e).and_then(|v| v.trim().parse().ok())
}

/// An on/off property (`<w:vanish/>`, `<w:vanish w:val="0"/>`): on unless it says otherwise.
pub(super) fn on_off(e: &BytesStart<'_>) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off"))
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::formats::docx::tests::{document, docx, extract, p};
    use crate::formats::zip::tests::make_zip;

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
    fn utf16_parts_are_read() {
        let doc = document(&p("法治"));
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(doc.encode_utf16().flat_map(u16::to_le_bytes));
        let zip = make_zip(&[("word/document.xml", &bytes, true)]);
        assert_eq!(extract(&zip).unwrap().text, "法治");
    }
}
