//! Read: a file's bytes → the text a person sees in it, with hints per paragraph.
//!
//! One reader per format, chosen from the bytes, never from the file name: plain text in any
//! encoding ([`crate::text::decode`]), Word .docx ([`docx`]), Word 97–2003 .doc and Kingsoft .wps
//! ([`doc`]), saved web pages ([`html`]), PDF with a text layer ([`pdf`]) and OFD ([`ofd`]).
//! Every reader returns the same [`Extracted`]: one line per paragraph, numbering that Word
//! generates drawn in front of it as Word draws it. Later passes never see the bytes again.
//!
//! Bad input never panics and never hangs: every reader works within [`Limits`].
//!
//! The readers of binary formats (.docx, .doc/.wps, PDF, OFD) are the cargo feature `readers`
//! (on by default). The page's first wasm module is built without it, so that pasting text loads
//! no zip, XML or PDF code; [`needs_readers`] tells the page when to load the second module.

#[cfg(feature = "readers")]
pub mod cfb;
#[cfg(feature = "readers")]
pub mod doc;
#[cfg(feature = "readers")]
pub mod docx;
pub mod html;
#[cfg(feature = "readers")]
pub mod layout;
#[cfg(feature = "readers")]
pub mod ofd;
#[cfg(feature = "readers")]
pub mod pdf;
#[cfg(feature = "readers")]
pub mod zip;

mod bytes;
mod extracted;

pub use crate::error::{LIMITS, Limits};
pub use bytes::find;
pub use extracted::{Extracted, Format, ParagraphHint, TextBuilder};

use crate::error::Error;

/// Whether reading these bytes takes the `readers` feature (a zip, OLE or PDF file).
pub fn needs_readers(bytes: &[u8]) -> bool {
    matches!(sniff(bytes), Sniffed::Zip | Sniffed::Ole | Sniffed::Pdf)
}

/// Reads a file: recognizes its format from the bytes and extracts its text.
pub fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    match sniff(bytes) {
        #[cfg(not(feature = "readers"))]
        Sniffed::Zip | Sniffed::Ole | Sniffed::Pdf => Err(Error::NotBuiltIn),
        #[cfg(feature = "readers")]
        Sniffed::Zip => {
            let archive = zip::Archive::new(bytes, &LIMITS)?;
            if archive.has("word/document.xml") {
                docx::read(&archive)
            } else if archive.has("OFD.xml") {
                ofd::read(&archive)
            } else {
                Err(Error::Unknown(zip_kind(&archive)))
            }
        }
        #[cfg(feature = "readers")]
        Sniffed::Ole => doc::read(bytes),
        #[cfg(feature = "readers")]
        Sniffed::Pdf => pdf::read(bytes),
        Sniffed::Html => html::read(bytes),
        Sniffed::Other(kind) => Err(Error::Unknown(kind)),
        Sniffed::Text => {
            // Plain text has the same bound as every reader's text (#12.11).
            if bytes.len() > LIMITS.max_text {
                return Err(Error::TooLarge("text"));
            }
            let d = crate::text::decode::decode(bytes)?;
            Ok(Extracted {
                text: d.text,
                format: Format::Text,
                encoding: Some(d.encoding),
                paragraphs: Vec::new(),
            })
        }
    }
}

/// What the first bytes say a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    Zip,
    Ole,
    Pdf,
    Html,
    Text,
    Other(&'static str),
}

fn sniff(bytes: &[u8]) -> Sniffed {
    const MAGIC: &[(&[u8], Sniffed)] = &[
        (b"PK\x03\x04", Sniffed::Zip),
        (b"PK\x05\x06", Sniffed::Zip),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", Sniffed::Ole),
        (b"\x89PNG", Sniffed::Other("png")),
        (b"\xFF\xD8\xFF", Sniffed::Other("jpeg")),
        (b"GIF8", Sniffed::Other("gif")),
        (b"{\\rtf", Sniffed::Other("rtf")),
        (b"Rar!", Sniffed::Other("rar")),
        (b"7z\xBC\xAF\x27\x1C", Sniffed::Other("7z")),
        (b"\x1F\x8B", Sniffed::Other("gzip")),
    ];
    if let Some((_, s)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return *s;
    }
    // A PDF header may follow some junk; the spec allows it within the first 1 KB.
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Sniffed::Pdf;
    }
    if html::looks_like_html(bytes) {
        return Sniffed::Html;
    }
    Sniffed::Text
}

/// One file inside a zip of reports: its path in the archive and its bytes, or why they could
/// not be read.
pub type ArchiveEntry = (String, Result<Vec<u8>, Error>);

/// The files of a zip of reports (a zipped folder: neither .docx, .ofd nor another Office file),
/// in name order, within [`LIMITS`] (one inflation budget for the whole archive); folders,
/// `__MACOSX/` and hidden files (`.DS_Store`) left out. `None` when the bytes are not such an
/// archive (then they are one file to read, whatever it is).
#[cfg(feature = "readers")]
pub fn archive_entries(bytes: &[u8]) -> Option<Vec<ArchiveEntry>> {
    if sniff(bytes) != Sniffed::Zip {
        return None;
    }
    let archive = zip::Archive::new(bytes, &LIMITS).ok()?;
    if archive.has("word/document.xml") || archive.has("OFD.xml") || zip_kind(&archive) != "zip" {
        return None;
    }
    // In name order: the CLI and the page's worker add them so.
    let mut names: Vec<String> = archive
        .names()
        .filter(|n| is_document(n))
        .map(String::from)
        .collect();
    names.sort_unstable();
    names.dedup();
    Some(
        names
            .into_iter()
            .map(|n| {
                let bytes = archive
                    .read(&n)
                    .map(|b| b.unwrap_or_default())
                    .and_then(|b| {
                        if b.is_empty() {
                            Err(Error::Empty)
                        } else {
                            Ok(b)
                        }
                    });
                (n, bytes)
            })
            .collect(),
    )
}

/// Whether a zip entry is a file a person put there: not a folder, not hidden (`.DS_Store`,
/// `__MACOSX/._报告.docx`), not Windows' thumbnail cache or folder settings.
#[cfg(feature = "readers")]
fn is_document(name: &str) -> bool {
    !name.ends_with('/')
        && name
            .split(['/', '\\'])
            .all(|part| !part.starts_with('.') && part != "__MACOSX")
        && !name.rsplit(['/', '\\']).next().is_some_and(|f| {
            f.eq_ignore_ascii_case("Thumbs.db") || f.eq_ignore_ascii_case("desktop.ini")
        })
}

/// What a zip that is neither .docx nor .ofd holds, for the error message.
#[cfg(feature = "readers")]
fn zip_kind(archive: &zip::Archive<'_>) -> &'static str {
    if archive.has("xl/workbook.xml") {
        "xlsx"
    } else if archive.has("ppt/presentation.xml") {
        "pptx"
    } else if archive.has("content.xml") {
        "odf"
    } else {
        "zip"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "readers")]
    #[test]
    fn a_zip_of_reports_lists_its_files_and_a_docx_is_one_file() {
        use super::zip::tests::make_zip;
        let z = make_zip(&[
            ("报告/", b"", false),
            (
                "报告/甲镇.txt",
                "关于2024年度法治政府建设情况的报告".as_bytes(),
                true,
            ),
            ("报告/.DS_Store", b"junk", false),
            ("__MACOSX/报告/._甲镇.txt", b"junk", false),
            ("报告/空.txt", b"", false),
        ]);
        let entries = archive_entries(&z).expect("a zip of reports");
        let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["报告/甲镇.txt", "报告/空.txt"]);
        assert_eq!(
            entries[0].1.as_deref().unwrap(),
            "关于2024年度法治政府建设情况的报告".as_bytes()
        );
        assert_eq!(entries[1].1, Err(Error::Empty));
        let docx = make_zip(&[("word/document.xml", b"<w:document/>", true)]);
        assert!(archive_entries(&docx).is_none());
        assert!(archive_entries(b"plain text").is_none());
    }

    #[test]
    fn plain_text_over_the_text_limit_is_refused() {
        // #12.11: 100 MB of text took 13 s and 2.8 GB.
        let big = "一、法治\n".repeat(LIMITS.max_text / "一、法治\n".len() + 1);
        assert_eq!(read(big.as_bytes()).err(), Some(Error::TooLarge("text")));
        assert!(read(&big.as_bytes()[..LIMITS.max_text / 2 / 13 * 13]).is_ok());
    }

    #[test]
    fn builder_lays_out_paragraphs_with_labels_and_hints() {
        let mut b = TextBuilder::new();
        b.paragraph("", "关于2023年度法治政府建设情况的报告", None);
        b.paragraph("一、", "主要举措", Some(1));
        let e = b.finish(Format::Docx).unwrap();
        assert_eq!(e.text, "关于2023年度法治政府建设情况的报告\n一、主要举措");
        assert_eq!(&e.text[e.paragraphs[1].span.clone()], "一、主要举措");
        assert_eq!(e.paragraphs[1].label_len, "一、".len());
        assert_eq!(e.paragraphs[1].outline_level, Some(1));
    }

    #[test]
    fn a_file_of_empty_paragraphs_has_no_text() {
        let mut b = TextBuilder::new();
        b.paragraph("", " ", None);
        b.paragraph("", "", None);
        assert_eq!(b.finish(Format::Docx), Err(Error::NoText("docx")));
    }

    #[test]
    fn formats_are_recognized_by_their_bytes() {
        assert_eq!(sniff(b"PK\x03\x04...."), Sniffed::Zip);
        assert_eq!(sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...."), Sniffed::Ole);
        assert_eq!(sniff(b"%PDF-1.7\n"), Sniffed::Pdf);
        assert_eq!(sniff(b"\x89PNG\r\n"), Sniffed::Other("png"));
        assert_eq!(
            sniff("关于2023年度法治政府建设情况的报告".as_bytes()),
            Sniffed::Text
        );
    }

    #[test]
    fn word_pdf_and_ofd_files_need_the_readers_and_text_does_not() {
        assert!(needs_readers(b"PK\x03\x04...."));
        assert!(needs_readers(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...."));
        assert!(needs_readers(b"%PDF-1.7\n"));
        assert!(!needs_readers("一、主要举措".as_bytes()));
        assert!(!needs_readers(b"<html><body><p>x</p></body></html>"));
    }

    #[test]
    fn unknown_binary_is_refused_by_name() {
        assert_eq!(read(b"\x89PNG\r\n\x1a\n"), Err(Error::Unknown("png")));
    }
}
