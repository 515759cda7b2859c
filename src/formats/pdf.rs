//! Read PDF: the text layer of a PDF → positioned runs → paragraphs (via [`layout::reflow`]).
//!
//! A small reader of our own (lopdf pulls in crypto, encoding_rs and getrandom, and does not build
//! for the browser without extra features): objects are parsed on demand from the
//! cross-reference chain ([`objects`]), fonts map codes to Unicode ([`font`]), and content
//! streams are run for their text operators ([`content`]). Files encrypted with the Standard
//! handler that open without a password (copy and print restrictions only) are decrypted
//! ([`crypt`]); those that need a password are refused. A file whose pages draw no text is a scan.

mod content;
mod crypt;
mod font;
mod objects;
mod value;

use std::collections::HashSet;

use super::extracted::{Extracted, Format, TextBuilder};
use super::layout;
use crate::error::Error;
use crate::error::LIMITS;
use objects::Doc;
use value::{Dict, Obj, broken};

/// Reads a PDF file.
pub fn read(bytes: &[u8]) -> Result<Extracted, Error> {
    let start = super::bytes::find(&bytes[..bytes.len().min(1024)], b"%PDF-")
        .ok_or_else(|| broken("没有PDF文件头", "no PDF header"))?;
    // Offsets count from the header when junk precedes it.
    let doc = Doc::open(&bytes[start..])?;
    let pages = pages(&doc)?;
    if pages.is_empty() {
        return Err(broken("中没有页面", "no pages"));
    }
    let mut drawing = content::Drawing::new(&doc);
    for (i, page) in pages.iter().enumerate() {
        let top = page_top(&doc, page)?;
        let resources = match doc.resolve(&page.resources)? {
            Obj::Dict(d) => d,
            _ => Dict::default(),
        };
        let content = page_content(&doc, &page.dict)?;
        drawing.page(i, top, &resources, &content)?;
    }
    if drawing.runs.iter().all(|r| r.text.trim().is_empty()) {
        if doc.repaired {
            // Not a scan: the text may be in the part that is missing.
            return Err(broken(
                "不完整（交叉引用表缺失），读不到文字",
                "incomplete (no usable cross-reference table) and no text could be read",
            ));
        }
        if drawing.unmapped_glyphs > 0 {
            return Err(Error::UnmappedFonts); // text is there, but its fonts say not which
        }
        if drawing.images == 0 {
            return Err(Error::NoText(Format::Pdf.name())); // blank pages, or text drawn as paths
        }
        return Err(Error::ScannedPdf);
    }
    let mut out = TextBuilder::new();
    layout::reflow(drawing.runs, &mut out);
    out.finish(Format::Pdf)
}

/// A page with what it inherits from the page tree.
struct Page {
    dict: Dict,
    resources: Obj,
    media_box: Obj,
}

/// The pages in order: the page tree walked depth first, cycles and depth bounded.
fn pages(doc: &Doc<'_>) -> Result<Vec<Page>, Error> {
    let root = doc.get_in(&doc.trailer, "Root")?;
    let root = root
        .dict()
        .ok_or_else(|| broken("文档目录损坏", "damaged document catalog"))?;
    let Some(tree) = root.get("Pages").cloned() else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    // (node, inherited Resources, inherited MediaBox, depth), last pushed first visited.
    let mut stack = vec![(tree, Obj::Null, Obj::Null, 0usize)];
    while let Some((node, resources, media_box, depth)) = stack.pop() {
        if let Obj::Ref(r) = node
            && !seen.insert(r)
        {
            continue;
        }
        if depth > LIMITS.max_depth {
            return Err(Error::TooLarge("depth"));
        }
        let Obj::Dict(dict) = doc.resolve(&node)? else {
            continue;
        };
        let resources = dict.get("Resources").cloned().unwrap_or(resources);
        let media_box = dict.get("MediaBox").cloned().unwrap_or(media_box);
        match doc.get_in(&dict, "Kids")? {
            Obj::Array(kids) if dict.get("Type").and_then(Obj::name) != Some(b"Page") => {
                for kid in kids.into_iter().rev() {
                    stack.push((kid, resources.clone(), media_box.clone(), depth + 1));
                }
            }
            _ => out.push(Page {
                dict,
                resources,
                media_box,
            }),
        }
        if out.len() + stack.len() > LIMITS.max_entries {
            return Err(Error::TooLarge("entries"));
        }
    }
    Ok(out)
}

/// The upper edge of the page (A4 if the MediaBox is missing).
fn page_top(doc: &Doc<'_>, page: &Page) -> Result<f32, Error> {
    let b = doc.resolve(&page.media_box)?;
    let nums: Vec<f32> = b
        .array()
        .unwrap_or(&[])
        .iter()
        .filter_map(|v| doc.resolve(v).ok()?.num())
        .map(|v| v as f32)
        .collect();
    Ok(match nums.as_slice() {
        [_, y0, _, y1] => y0.max(*y1),
        _ => 841.89,
    })
}

/// The page's content: one stream or several, joined as one (never more than the work budget,
/// which the page's interpretation is charged anyway: one stream listed 100,000 times is refused
/// before it is copied 100,000 times, #12.5).
fn page_content(doc: &Doc<'_>, page: &Dict) -> Result<Vec<u8>, Error> {
    let streams = match doc.get_in(page, "Contents")? {
        Obj::Array(a) => a,
        single => vec![single],
    };
    let mut out = Vec::new();
    for s in streams.iter().take(LIMITS.max_entries) {
        if let Obj::Stream(d, raw) = doc.resolve(s)?
            && let Some(data) = doc.decode(&d, &raw)?
        {
            if out.len() + data.len() >= LIMITS.max_work {
                return Err(Error::TooLarge("work"));
            }
            out.extend_from_slice(&data);
            out.push(b'\n');
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
