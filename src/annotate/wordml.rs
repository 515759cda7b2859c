//! WordprocessingML written from scratch: escaped runs, paragraphs and tables of a new document,
//! comments, and the package parts a new .docx needs (content types, relationships, styles).

use std::ops::Range;

use super::notes::{AUTHOR, Note};
use super::zip_out::ZipOut;

/// The transitional main namespace (what Word and WPS write).
pub const MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// The comments relationship type.
pub const COMMENTS_REL: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
/// The comments part's content type.
pub const COMMENTS_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// Text escaped for XML content and attributes; characters XML 1.0 forbids are dropped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A qualified name: `w:p`, or `p` when the namespace is the default one.
pub fn qname(prefix: &str, local: &str) -> String {
    if prefix.is_empty() {
        local.to_string()
    } else {
        format!("{prefix}:{local}")
    }
}

/// Runs of text: tabs and line breaks as Word's own elements.
pub fn runs(prefix: &str, text: &str, bold: bool) -> String {
    let (r, t) = (qname(prefix, "r"), qname(prefix, "t"));
    let props = if bold {
        format!(
            "<{0}><{1}/></{0}>",
            qname(prefix, "rPr"),
            qname(prefix, "b")
        )
    } else {
        String::new()
    };
    let mut out = String::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(&format!("<{r}><{}/></{r}>", qname(prefix, "br")));
        }
        for (j, piece) in line.split('\t').enumerate() {
            if j > 0 {
                out.push_str(&format!("<{r}><{}/></{r}>", qname(prefix, "tab")));
            }
            if !piece.is_empty() {
                out.push_str(&format!(
                    r#"<{r}>{props}<{t} xml:space="preserve">{}</{t}></{r}>"#,
                    escape(piece)
                ));
            }
        }
    }
    out
}

/// The `w:comment` elements of these notes, each with its id.
pub fn comment_elements(prefix: &str, notes: &[(u32, &Note)]) -> String {
    let (c, p) = (qname(prefix, "comment"), qname(prefix, "p"));
    let mut out = String::new();
    for (id, note) in notes {
        out.push_str(&format!(
            r#"<{c} {0}="{id}" {1}="{AUTHOR}" {2}="审">"#,
            qname(prefix, "id"),
            qname(prefix, "author"),
            qname(prefix, "initials"),
        ));
        for (i, line) in note.lines.iter().enumerate() {
            // Word marks the comment's first paragraph with the reference mark.
            let mark = if i == 0 {
                format!(
                    "<{0}><{1}/></{0}>",
                    qname(prefix, "r"),
                    qname(prefix, "annotationRef")
                )
            } else {
                String::new()
            };
            out.push_str(&format!("<{p}>{mark}{}</{p}>", runs(prefix, line, false)));
        }
        out.push_str(&format!("</{c}>"));
    }
    out
}

/// A whole comments part.
pub fn comments_part(notes: &[(u32, &Note)]) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{MAIN_NS}">{}</w:comments>"#,
        comment_elements("w", notes)
    )
}

/// A new document's body, paragraph by paragraph, with where each paragraph's content lies.
#[derive(Debug, Default)]
pub struct NewDocument {
    body: String,
    /// Content range of each paragraph in the finished part, in order.
    paragraphs: Vec<Range<usize>>,
}

/// Where the body starts in the finished part (the paragraph ranges are kept relative to it).
fn document_head() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{MAIN_NS}"><w:body>"#
    )
}

impl NewDocument {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a paragraph of a style (`Title`, `Heading1`…; None for body text).
    pub fn paragraph(&mut self, style: Option<&str>, text: &str, bold: bool) {
        self.body.push_str("<w:p>");
        if let Some(s) = style {
            self.body
                .push_str(&format!(r#"<w:pPr><w:pStyle w:val="{s}"/></w:pPr>"#));
        }
        let start = self.body.len();
        self.body.push_str(&runs("w", text, bold));
        self.paragraphs.push(start..self.body.len());
        self.body.push_str("</w:p>");
    }

    /// Adds a table with a bold first row; its cells' paragraphs are not counted as paragraphs.
    pub fn table(&mut self, rows: &[Vec<String>]) {
        self.body.push_str(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>"#,
        );
        for (i, row) in rows.iter().enumerate() {
            self.body.push_str("<w:tr>");
            for cell in row {
                self.body.push_str(&format!(
                    "<w:tc><w:p>{}</w:p></w:tc>",
                    runs("w", cell, i == 0)
                ));
            }
            self.body.push_str("</w:tr>");
        }
        self.body.push_str("</w:tbl>");
    }

    /// The document part and each paragraph's content range in it.
    pub fn finish(self) -> (String, Vec<Range<usize>>) {
        let head = document_head();
        let shift = head.len();
        let xml = format!(
            r#"{head}{}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
            self.body
        );
        let ranges = self
            .paragraphs
            .into_iter()
            .map(|r| r.start + shift..r.end + shift)
            .collect();
        (xml, ranges)
    }
}

/// Styles of a new document: 仿宋 body text, 小标宋 title, 黑体/楷体 headings (GB/T 9704's
/// faces), each heading with its outline level so Word's navigation pane shows the tree.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/><w:lang w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/><w:sz w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>"#;

/// A new .docx of a document part and, optionally, a comments part.
pub fn package(document: &str, comments: Option<&str>) -> Vec<u8> {
    let comments_override = if comments.is_some() {
        format!(r#"<Override PartName="/word/comments.xml" ContentType="{COMMENTS_TYPE}"/>"#)
    } else {
        String::new()
    };
    let content_types = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>{comments_override}</Types>"#
    );
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;
    let comments_rel = if comments.is_some() {
        format!(r#"<Relationship Id="rId2" Type="{COMMENTS_REL}" Target="comments.xml"/>"#)
    } else {
        String::new()
    };
    let doc_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>{comments_rel}</Relationships>"#
    );
    let mut z = ZipOut::new();
    z.add("[Content_Types].xml", content_types.as_bytes());
    z.add("_rels/.rels", root_rels.as_bytes());
    z.add("word/document.xml", document.as_bytes());
    z.add("word/_rels/document.xml.rels", doc_rels.as_bytes());
    z.add("word/styles.xml", STYLES.as_bytes());
    if let Some(c) = comments {
        z.add("word/comments.xml", c.as_bytes());
    }
    z.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn tabs_and_breaks_become_elements() {
        assert_eq!(
            runs("w", "一\t二\n三", false),
            concat!(
                r#"<w:r><w:t xml:space="preserve">一</w:t></w:r><w:r><w:tab/></w:r>"#,
                r#"<w:r><w:t xml:space="preserve">二</w:t></w:r><w:r><w:br/></w:r>"#,
                r#"<w:r><w:t xml:space="preserve">三</w:t></w:r>"#
            )
        );
    }

    #[test]
    fn paragraph_ranges_hold_exactly_the_runs() {
        let mut d = NewDocument::new();
        d.paragraph(Some("Title"), "关于法治政府建设情况的报告", false);
        d.paragraph(None, "正文", false);
        let (xml, ranges) = d.finish();
        assert_eq!(ranges.len(), 2);
        assert!(xml[ranges[0].clone()].contains("关于法治政府建设情况的报告"));
        assert!(xml[..ranges[0].start].ends_with("</w:pPr>"));
        assert_eq!(
            &xml[ranges[1].clone()],
            r#"<w:r><w:t xml:space="preserve">正文</w:t></w:r>"#
        );
        assert!(xml[ranges[1].end..].starts_with("</w:p>"));
    }
}
