//! Model: the analysis result handed to the page, the CLI and outside users (serde, camelCase),
//! with every span converted to UTF-16 code unit offsets into `text`. Documented in docs/model.md.

use serde::Serialize;

use crate::review::citations::Citation;
use crate::review::facts::Figure;
use crate::review::indicators::Indicator;
use crate::review::lints::Finding;
use crate::review::score::Scorecard;
use crate::structure::classify::{MandatedPart, PartCarriers, PartCue};
use crate::structure::meta::{MetaFacts, OrgLevel};
use crate::structure::outline::OutlineHeading;
use crate::text::markers::{ItemStyle, MarkerStyle};

/// Version of this contract; bumped whenever a field changes name or meaning.
pub const SCHEMA_VERSION: u32 = 1;

pub use crate::span::Span;

/// Everything fazhi read from one report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Version of this contract.
    pub schema_version: u32,
    /// Where the text came from.
    pub source: Source,
    /// The analyzed text, exactly as decoded; all spans index into it.
    pub text: String,
    /// Title, issuers, recipients, year, level, 落款.
    pub meta: Meta,
    /// The heading tree.
    pub outline: Vec<Heading>,
    /// The five mandated parts: present or not, and where.
    pub parts: Vec<Part>,
    /// Lines recognized as web-page chrome or file residue.
    pub noise: Vec<Span>,
    /// Figures (件, 次, %, 人次…), in document order.
    pub figures: Vec<Figure>,
    /// Key indicators: each reported with its figure, or not.
    pub indicators: Vec<Indicator>,
    /// Documents cited (《…》), in document order.
    pub citations: Vec<Citation>,
    /// Problems to fix: report-wide ones first, then in document order.
    pub findings: Vec<Finding>,
    /// The scorecard (docs/rubric.md).
    pub score: Option<Scorecard>,
}

/// Where the analyzed text came from.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// File name, or a label for pasted text.
    pub name: String,
    /// Format read: `text`.
    pub format: String,
    /// Encoding of the bytes (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`), None for pasted text.
    pub encoding: Option<String>,
    /// Length of `text` in Unicode characters.
    pub chars: usize,
}

/// Metadata of the report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    /// The title, with a title split over two lines joined.
    pub title: Option<String>,
    /// Where the title is.
    pub title_span: Option<Span>,
    /// Issuing bodies, full names as written.
    pub issuers: Vec<String>,
    /// Where the issuers were read: `head` (title or lines above it), `body`, or `page` (来源: line).
    pub issuers_from: Option<String>,
    /// The issuers as written, when a place or body was completed (`区司法局`); else empty.
    pub issuers_as_written: Vec<String>,
    /// Where the completed part was read: `title`, `page`, `document`, `signature`, `body`, or
    /// `rule` (a place's report is its people's government's).
    pub issuers_completed_from: Option<String>,
    /// GB/T 2260 code of the first issuer's division (`120118` 静海区), when the table says which.
    pub issuer_division: Option<u32>,
    /// Recipients (主送), split on `、`.
    pub recipients: Vec<String>,
    /// Where the 主送 line is.
    pub recipient_span: Option<Span>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// Level of the issuing body.
    pub level: OrgLevel,
    /// The signing body of the 落款.
    pub signed_by: Option<String>,
    /// The 成文日期, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The closing phrase (`特此报告。`).
    pub closing: Option<String>,
}

/// A heading and its section.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Heading {
    /// Position in document order among all headings, from 0.
    pub id: usize,
    /// 1 for top-level headings.
    pub level: u8,
    /// The marker as written (`一、`, `（一）`, `1、`; empty for an unnumbered part heading).
    pub marker: String,
    /// The numbering style as written.
    pub style: MarkerStyle,
    /// The number of the marker.
    pub ordinal: u32,
    /// Display title without marker and trailing punctuation.
    pub title: String,
    /// The whole heading text: marker, title and its closing punctuation.
    pub span: Span,
    /// The section under the heading, up to the next heading of the same or a higher level.
    pub body_span: Span,
    /// The mandated part a top-level section carries.
    pub part: Option<MandatedPart>,
    /// The cue word that decided `part` (None when measures is the fallback).
    pub part_cue: Option<String>,
    /// Inline items (`一是`, `第一，`, `①`) directly in this section.
    pub items: Vec<Item>,
    /// Sub-headings.
    pub children: Vec<Heading>,
}

/// An inline item of a section.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// The marker as written.
    pub marker: String,
    /// The numbering style.
    pub style: ItemStyle,
    /// The number.
    pub ordinal: u32,
    /// Where the marker is.
    pub span: Span,
}

/// One of the five mandated parts.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Part {
    /// Which part.
    pub part: MandatedPart,
    /// Its name as the regulation words it.
    pub label: String,
    /// Whether the report has it.
    pub present: bool,
    /// The headings that carry it.
    pub headings: Vec<PartHeading>,
}

/// A heading that carries a mandated part.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartHeading {
    /// The heading's id.
    pub id: usize,
    /// Its level (greater than 1 when the part is nested in another section).
    pub level: u8,
    /// Its marker and title.
    pub title: String,
    /// The cue word found in it.
    pub cue: Option<String>,
}

/// Converts UTF-8 byte offsets of `text` into UTF-16 code unit offsets.
pub struct Utf16Offsets(Vec<u32>);

impl Utf16Offsets {
    /// Builds the table for `text`.
    pub fn new(text: &str) -> Self {
        let mut v = Vec::with_capacity(text.len() + 1);
        let mut u = 0u32;
        for c in text.chars() {
            for _ in 0..c.len_utf8() {
                v.push(u);
            }
            u += c.len_utf16() as u32;
        }
        v.push(u);
        Utf16Offsets(v)
    }

    /// The span of a byte range.
    pub fn span(&self, r: &std::ops::Range<usize>) -> Span {
        let at = |b: usize| self.0[b.min(self.0.len() - 1)];
        Span(at(r.start), at(r.end.max(r.start)))
    }
}

/// What the passes produced, ready to become a [`Report`].
pub struct Analysis<'a> {
    /// The analyzed text.
    pub text: String,
    /// Source description.
    pub source: Source,
    /// Metadata.
    pub meta: MetaFacts,
    /// Flat headings.
    pub heads: &'a [OutlineHeading],
    /// Parts per heading.
    pub head_parts: &'a [Vec<PartCue>],
    /// Five-part checklist.
    pub parts: &'a [PartCarriers],
    /// Raw spans of noise lines.
    pub noise: Vec<std::ops::Range<usize>>,
    /// Figures (spans still to set).
    pub figures: Vec<Figure>,
    /// Key indicators (spans still to set).
    pub indicators: Vec<Indicator>,
    /// Citations (spans still to set).
    pub citations: Vec<Citation>,
    /// Findings (spans still to set).
    pub findings: Vec<Finding>,
    /// The scorecard.
    pub score: Option<Scorecard>,
}

/// Builds the report: tree from the flat headings, UTF-16 spans.
pub fn build(f: Analysis<'_>) -> Report {
    let off = Utf16Offsets::new(&f.text);
    let text = &f.text;
    // Each heading's children Vec gets its exact size: pushed one by one, 100 k sections under one
    // heading would double their way to twice the memory (#20).
    let mut child_count = vec![0usize; f.heads.len()];
    for h in f.heads {
        if let Some(p) = h.parent {
            child_count[p] += 1;
        }
    }
    let flat: Vec<Heading> = f
        .heads
        .iter()
        .enumerate()
        .map(|(id, h)| {
            let primary = f.head_parts[id].first();
            Heading {
                id,
                level: h.level,
                marker: text[h.marker.clone()].trim().to_string(),
                style: h.written,
                ordinal: h.ordinal,
                title: h.title.clone(),
                span: off.span(&h.span),
                body_span: off.span(&h.body),
                part: primary.map(|c| c.part),
                part_cue: primary.and_then(|c| c.cue.clone()),
                items: h
                    .items
                    .iter()
                    .map(|it| Item {
                        marker: text[it.span.clone()].to_string(),
                        style: it.style,
                        ordinal: it.ordinal,
                        span: off.span(&it.span),
                    })
                    .collect(),
                children: Vec::with_capacity(child_count[id]),
            }
        })
        .collect();
    let outline = tree(flat, f.heads);
    let parts = f
        .parts
        .iter()
        .map(|p| Part {
            part: p.part,
            label: p.part.label().to_string(),
            present: !p.carriers.is_empty(),
            headings: p
                .carriers
                .iter()
                .map(|(i, cue)| {
                    let h = &f.heads[*i];
                    PartHeading {
                        id: *i,
                        level: h.level,
                        title: format!("{}{}", text[h.marker.clone()].trim(), h.title),
                        cue: cue.clone(),
                    }
                })
                .collect(),
        })
        .collect();
    let m = f.meta;
    let meta = Meta {
        title: m.title,
        title_span: m.title_span.as_ref().map(|r| off.span(r)),
        issuers: m.issuers,
        issuers_from: m.issuers_from.map(String::from),
        issuers_as_written: m.issuers_as_written,
        issuers_completed_from: m.issuers_completed_from.map(String::from),
        issuer_division: m.issuer_division,
        recipients: m.recipients,
        recipient_span: m.recipient_span.as_ref().map(|r| off.span(r)),
        year: m.year,
        level: m.level.unwrap_or(OrgLevel::Unknown),
        signed_by: m.signed_by,
        date: m.date,
        closing: m.closing,
    };
    let noise = f.noise.iter().map(|r| off.span(r)).collect();
    let mut figures = f.figures;
    for x in &mut figures {
        x.span = off.span(&x.range);
    }
    let mut indicators = f.indicators;
    for x in &mut indicators {
        x.span = x.figure.and_then(|i| figures.get(i)).map(|fig| fig.span);
    }
    let mut citations = f.citations;
    for x in &mut citations {
        x.span = off.span(&x.range);
    }
    let mut findings = f.findings;
    for x in &mut findings {
        x.span = x.range.as_ref().map(|r| off.span(r));
    }
    Report {
        schema_version: SCHEMA_VERSION,
        source: f.source,
        meta,
        outline,
        parts,
        noise,
        figures,
        indicators,
        citations,
        findings,
        score: f.score,
        text: f.text,
    }
}

/// Nests the flat headings under their parents.
fn tree(flat: Vec<Heading>, heads: &[OutlineHeading]) -> Vec<Heading> {
    let mut slots: Vec<Option<Heading>> = flat.into_iter().map(Some).collect();
    // Children come after their parents, so attach from the last heading backwards; each list
    // then holds its children last-first and is turned around once complete.
    for i in (0..slots.len()).rev() {
        if let Some(h) = slots[i].as_mut() {
            h.children.reverse();
        }
        if let Some(p) = heads[i].parent {
            let child = slots[i].take().expect("each heading attached once");
            let parent = slots[p].as_mut().expect("parent precedes child");
            parent.children.push(child);
        }
    }
    slots.into_iter().flatten().collect()
}

impl Report {
    /// All headings in document order, with their depth-first position.
    pub fn headings(&self) -> Vec<&Heading> {
        fn walk<'a>(hs: &'a [Heading], out: &mut Vec<&'a Heading>) {
            for h in hs {
                out.push(h);
                walk(&h.children, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.outline, &mut out);
        out
    }

    /// The text of a span.
    pub fn slice(&self, s: Span) -> String {
        let units: Vec<u16> = self.text.encode_utf16().collect();
        String::from_utf16_lossy(&units[s.0 as usize..s.1 as usize])
    }

    /// Whether a mandated part is present.
    pub fn has_part(&self, part: MandatedPart) -> bool {
        self.parts.iter().any(|p| p.part == part && p.present)
    }

    /// Replaces every span of the report by `f(span)`: all of them, wherever they are.
    pub fn map_spans(&mut self, mut f: impl FnMut(Span) -> Span) {
        fn walk(hs: &mut [Heading], f: &mut impl FnMut(Span) -> Span) {
            for h in hs {
                h.span = f(h.span);
                h.body_span = f(h.body_span);
                for it in &mut h.items {
                    it.span = f(it.span);
                }
                walk(&mut h.children, f);
            }
        }
        let m = &mut self.meta;
        m.title_span = m.title_span.map(&mut f);
        m.recipient_span = m.recipient_span.map(&mut f);
        walk(&mut self.outline, &mut f);
        for s in &mut self.noise {
            *s = f(*s);
        }
        for x in &mut self.figures {
            x.span = f(x.span);
        }
        for x in &mut self.indicators {
            x.span = x.span.map(&mut f);
        }
        for x in &mut self.citations {
            x.span = f(x.span);
        }
        for x in &mut self.findings {
            x.span = x.span.map(&mut f);
        }
    }

    /// The report with its spans as code-point offsets into `text` (Python's string indices)
    /// in place of UTF-16 units.
    pub fn with_code_point_spans(mut self) -> Report {
        let cp = crate::span::CodePoints::new(&self.text);
        self.map_spans(|s| cp.span(s));
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every pair of integers in the JSON of a report whose spans were all replaced by a mark.
    fn pairs(v: &serde_json::Value, out: &mut Vec<(u64, u64)>) {
        match v {
            serde_json::Value::Array(a) => {
                if let [x, y] = a.as_slice()
                    && let (Some(x), Some(y)) = (x.as_u64(), y.as_u64())
                {
                    out.push((x, y));
                }
                a.iter().for_each(|x| pairs(x, out));
            }
            serde_json::Value::Object(o) => o.values().for_each(|x| pairs(x, out)),
            _ => {}
        }
    }

    #[test]
    fn map_spans_reaches_every_span_of_the_model() {
        let text = include_str!("../tests/fixtures/seeds/000_0ac10b74a13066d8.txt");
        let mut r = crate::analyze(text, "seed");
        let before = serde_json::to_value(&r).unwrap();
        let mut n = 0;
        r.map_spans(|_| {
            n += 1;
            Span(7_777_777, 7_777_777)
        });
        let (mut was, mut now) = (Vec::new(), Vec::new());
        pairs(&before, &mut was);
        pairs(&serde_json::to_value(&r).unwrap(), &mut now);
        // As many spans mapped as the JSON holds pairs, and each of those pairs now the mark.
        assert_eq!(n, was.len());
        assert_eq!(was.len(), now.len());
        // Nothing in the model is a pair of integers but a span, and no span was missed.
        assert!(now.iter().all(|&p| p == (7_777_777, 7_777_777)), "{now:?}");
    }

    #[test]
    fn code_point_spans_slice_the_text_by_characters() {
        // `𠀀` before the heading shifts UTF-16 offsets by one more than code points.
        let text = "𠀀甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n";
        let r = crate::analyze(text, "t");
        let utf16 = r.outline[0].span;
        let cp = r.clone().with_code_point_spans();
        let s = cp.outline[0].span;
        assert_eq!(s.0 + 1, utf16.0);
        let chars: Vec<char> = cp.text.chars().collect();
        let heading: String = chars[s.0 as usize..s.1 as usize].iter().collect();
        assert!(heading.starts_with("一、主要举措和成效"), "{heading}");
        let fig = &cp.figures[0];
        let figure: String = chars[fig.span.0 as usize..fig.span.1 as usize]
            .iter()
            .collect();
        assert!(figure.contains("12"), "{figure}");
    }
}
