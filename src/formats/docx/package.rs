//! The package: the main document part and its numbering and styles parts, through the rels.

use quick_xml::events::Event;

use super::xml::{Xml, attr, local, xml_text};
use crate::error::LIMITS;
use crate::formats::zip::Archive;

/// Relationship types end with these names, in the transitional and the strict namespace alike.
const OFFICE_DOCUMENT: &str = "/officeDocument";
const NUMBERING: &str = "/numbering";
const STYLES: &str = "/styles";

/// The main document part: the target of the package's officeDocument relationship, else the
/// name Word gives it.
pub fn main_part(archive: &Archive<'_>) -> String {
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
pub(super) fn related_parts(archive: &Archive<'_>, main: &str) -> (Option<String>, Option<String>) {
    let dir = main.rsplit_once('/').map_or("", |(dir, _)| dir);
    match relationships(archive, &rels_part(main), dir) {
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

/// The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`.
pub fn rels_part(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The target part of the main part's first relationship whose type ends with `suffix`
/// (`/comments`).
pub fn related_part(archive: &Archive<'_>, main: &str, suffix: &str) -> Option<String> {
    let dir = main.rsplit_once('/').map_or("", |(dir, _)| dir);
    relationships(archive, &rels_part(main), dir)?
        .into_iter()
        .find(|(kind, _)| kind.ends_with(suffix))
        .map(|(_, target)| target)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::docx::tests::{document, extract, numbered, p, report_list};
    use crate::formats::zip::tests::make_zip;

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
}
