//! Metadata: title, issuers, recipients, year, level, 落款 (signer and date) and closing phrase,
//! read from the preamble before the first heading, the closing after the last section, and —
//! when the head of the document says nothing — from the opening sentences of the body.
//!
//! Here: [`MetaFacts`] and [`extract`], which decides each field in turn, and the parts, one file each:
//! `patterns` (the regexes they share), `title`, `recipients` (主送), `issuers`, `year`, `level`,
//! `closing` (the 落款, read first: it bounds the sections).

use std::ops::Range;

use crate::structure::outline::OutlineHeading;
use crate::text::blocks::{Block, Blocks};
use crate::text::normalize::{Fold, display};

mod closing;
mod complete;
mod issuers;
mod level;
mod patterns;
mod recipients;
mod title;
mod year;

pub use closing::{Closing, find_closing};
pub use complete::lacks_place;
pub use issuers::NATIONAL_BODIES;
pub use level::org_level;
pub use title::TITLE_CHROME;

use issuers::{issuer_in_body, issuer_in_page_source, issuers_in_title, split_joint};
use level::self_reference_level;
use patterns::is_org_line;
use recipients::is_recipient_line;
use title::{find_title, title_in_page_field};
use year::{first_year, intro_year, opening_year, year_from_date};

pub use crate::structure::divisions::OrgLevel;

/// Metadata read from the text (internal form; spans are raw byte ranges).
#[derive(Debug, Clone, Default)]
pub struct MetaFacts {
    /// The report title.
    pub title: Option<String>,
    /// Raw span of the title (over two lines when it is split).
    pub title_span: Option<Range<usize>>,
    /// Issuing bodies, full names as written.
    pub issuers: Vec<String>,
    /// Where the issuers were found: `title`, `head` or `body`.
    pub issuers_from: Option<&'static str>,
    /// The issuers as written, when a place or body was completed (else empty).
    pub issuers_as_written: Vec<String>,
    /// Where the completed part was read (`title`, `page`, `document`, `signature`, `body`, `rule`).
    pub issuers_completed_from: Option<&'static str>,
    /// GB/T 2260 code of the first issuer's division, when the table says which.
    pub issuer_division: Option<u32>,
    /// Recipients from the 主送 line.
    pub recipients: Vec<String>,
    /// Raw span of the 主送 line.
    pub recipient_span: Option<Range<usize>>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// Level of the issuing body.
    pub level: Option<OrgLevel>,
    /// The signing body (joint signers joined with `、`).
    pub signed_by: Option<String>,
    /// The date in ISO form.
    pub date: Option<String>,
    /// The closing phrase as written.
    pub closing: Option<String>,
}

/// Reads the metadata.
pub fn extract(
    text: &str,
    blocks: &Blocks,
    heads: &[OutlineHeading],
    closing: &Closing,
) -> MetaFacts {
    let bs = &blocks.blocks;
    let first_head = heads
        .first()
        .map_or(closing.content_end.min(bs.len()), |h| h.block);
    let preamble = &bs[..first_head];
    let mut m = MetaFacts::default();

    // Title: the document's own title line (after any page title and chrome); an issuer line
    // right above it joins it.
    let found = find_title(preamble);
    let title_blocks = found.as_ref().map_or(0..0, |t| t.first..t.last + 1);
    let mut head_issuers: Vec<String> = Vec::new();
    if let Some(t) = &found {
        let mut span = t.raw_span(preamble);
        let mut title: String = (t.first..=t.last)
            .map(|i| display(&text[t.raw_span_in(preamble, i)]))
            .collect();
        let mut above = Vec::new();
        let mut k = t.first;
        while k > 0 && is_org_line(&preamble[k - 1].norm.text) && above.len() < 3 {
            k -= 1;
            above.push(k);
        }
        above.reverse();
        let own_issuers = issuers_in_title(&text[span.clone()]);
        if above.len() == 1 && t.start == 0 && own_issuers.is_empty() {
            span.start = preamble[above[0]].span.start;
            title = format!(
                "{}{}",
                display(&text[preamble[above[0]].span.clone()]),
                title
            );
        }
        let folded = crate::text::normalize::Norm::new(&title, 0, Fold::Matching).text;
        if folded.starts_with("关于") || !above.is_empty() {
            for &a in &above {
                head_issuers.extend(split_joint(&text[preamble[a].span.clone()]));
            }
        }
        if head_issuers.is_empty() {
            head_issuers = own_issuers;
        }
        m.title = Some(title);
        m.title_span = Some(span);
    } else if let Some((title, span)) = title_in_page_field(text, blocks) {
        head_issuers = issuers_in_title(&title);
        m.title = Some(title);
        m.title_span = Some(span);
    }

    // 主送: the first line of the head naming bodies and ending in a colon (a cover letter's too).
    if let Some(b) = preamble
        .iter()
        .enumerate()
        .find(|(i, b)| !title_blocks.contains(i) && is_recipient_line(&b.norm.text))
        .map(|(_, b)| b)
    {
        let raw = display(&text[b.span.clone()]);
        let raw = raw.trim_end_matches([':', '：', ' ']);
        m.recipients = raw
            .split(['、', ',', '，'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        m.recipient_span = Some(b.span.clone());
    }

    let intro: Vec<&Block> = preamble
        .iter()
        .enumerate()
        .filter(|(i, b)| !title_blocks.contains(i) && !is_recipient_line(&b.norm.text))
        .map(|(_, b)| b)
        .collect();

    // Issuers: the head of the document, the 落款, the opening sentences, the page's own labels.
    let signers: Vec<String> = closing
        .signers
        .iter()
        .flat_map(|&i| split_joint(&text[bs[i].span.clone()]))
        .collect();
    if !head_issuers.is_empty() {
        m.issuers = head_issuers;
        m.issuers_from = Some("head");
    } else if !signers.is_empty() {
        m.issuers = signers.clone();
        m.issuers_from = Some("signature");
    } else if let Some(org) = issuer_in_body(text, bs, &intro) {
        m.issuers = vec![org];
        m.issuers_from = Some("body");
    } else if let Some(org) = issuer_in_page_source(text, blocks) {
        m.issuers = vec![org];
        m.issuers_from = Some("page");
    }

    if !m.issuers.is_empty() {
        let c = complete::complete(
            text,
            blocks,
            m.title_span.as_ref(),
            &closing.signers,
            std::mem::take(&mut m.issuers),
        );
        m.issuers = c.issuers;
        m.issuers_as_written = c.as_written;
        m.issuers_completed_from = c.from;
        m.issuer_division = c.division;
    }

    m.date = closing.date.as_ref().map(|(_, d)| d.clone());
    m.year = m
        .title
        .as_deref()
        .and_then(|t| first_year(&crate::text::normalize::Norm::new(t, 0, Fold::Matching).text))
        .or_else(|| intro_year(&intro))
        .or_else(|| {
            heads
                .iter()
                .filter(|h| h.level == 1)
                .find_map(|h| first_year(&h.title_norm))
        })
        .or_else(|| {
            // A speech to the 人大 names the year only where the first section begins (`2023年,`).
            let first = heads.first()?.block;
            let opening: Vec<&Block> = bs.iter().skip(first).take(4).collect();
            opening_year(&opening)
        })
        .or_else(|| year_from_date(m.date.as_deref()?));
    m.level = m
        .issuers
        .iter()
        .map(|i| org_level(&crate::text::normalize::Norm::new(i, 0, Fold::Matching).text))
        .find(|l| *l != OrgLevel::Unknown)
        .or_else(|| {
            // No name, but the report speaks of itself (`我镇`, `我局`): that says the level.
            intro
                .iter()
                .copied()
                .chain(bs.iter().take(12))
                .find_map(|b| self_reference_level(&b.norm.text))
        })
        .or(Some(OrgLevel::Unknown));

    if let Some(p) = closing.phrase {
        m.closing = Some(display(&text[bs[p].span.clone()]));
    }
    if !signers.is_empty() {
        m.signed_by = Some(signers.join("、"));
    }
    m
}
