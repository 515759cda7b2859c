//! Helpers shared by the integration tests: fixtures and the invariants every report must hold.

#![allow(dead_code)]

use fazhi::{Heading, Report, Span};

pub mod alloc;
pub mod build;
pub mod pdf;
pub mod zip;

/// Reads a fixture under tests/fixtures; a missing fixture fails loudly.
pub fn fixture(rel: &str) -> Vec<u8> {
    let p = format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("fixture {p}: {e}"))
}

/// Analyzes a seed report by its number (0–4).
pub fn seed(n: usize) -> Report {
    let name = SEEDS[n];
    fazhi::analyze_bytes(&fixture(&format!("seeds/{name}.txt")), name).expect("seed analyzes")
}

/// The five seed reports.
pub const SEEDS: [&str; 5] = [
    "000_0ac10b74a13066d8",
    "001_4cda7b45264484a7",
    "002_cde1628b69510f98",
    "003_118af91b63010f52",
    "004_470a423e495ab50d",
];

/// The outline as (level, marker, title) rows in document order.
pub fn outline_rows(r: &Report) -> Vec<(u8, String, String)> {
    r.headings()
        .iter()
        .map(|h| (h.level, h.marker.clone(), h.title.clone()))
        .collect()
}

fn is_boundary(units: &[u16], at: u32) -> bool {
    let at = at as usize;
    at == 0 || at == units.len() || (at < units.len() && !(0xDC00..=0xDFFF).contains(&units[at]))
}

/// Checks that a span is inside the text and does not split a surrogate pair.
pub fn check_span(units: &[u16], s: Span, what: &str) {
    assert!(s.0 <= s.1, "{what}: start after end {s:?}");
    assert!(
        (s.1 as usize) <= units.len(),
        "{what}: {s:?} past the end ({})",
        units.len()
    );
    assert!(
        is_boundary(units, s.0) && is_boundary(units, s.1),
        "{what}: {s:?} splits a character"
    );
}

/// Every span in bounds and on char boundaries; children inside their parent's section; headings
/// in document order; a heading's span starts with its marker.
pub fn check_invariants(r: &Report) {
    let units: Vec<u16> = r.text.encode_utf16().collect();
    let m = &r.meta;
    for s in [m.title_span, m.recipient_span].into_iter().flatten() {
        check_span(&units, s, "meta");
    }
    for s in &r.noise {
        check_span(&units, *s, "noise");
    }
    fn walk(units: &[u16], hs: &[Heading], parent: Option<&Heading>, r: &Report) {
        for h in hs {
            check_span(units, h.span, "heading");
            check_span(units, h.body_span, "body");
            assert!(h.span.1 <= h.body_span.0, "body after heading: {h:?}");
            assert!(
                r.slice(h.span).trim_start().starts_with(h.marker.as_str()),
                "marker: {h:?}"
            );
            if let Some(p) = parent {
                assert!(
                    h.span.0 >= p.body_span.0 && h.body_span.1 <= p.body_span.1,
                    "child inside parent: {h:?}"
                );
                assert_eq!(h.level, p.level + 1);
            }
            for it in &h.items {
                check_span(units, it.span, "item");
                assert_eq!(r.slice(it.span), it.marker);
            }
            walk(units, &h.children, Some(h), r);
        }
    }
    walk(&units, &r.outline, None, r);
    for f in &r.figures {
        check_span(&units, f.span, "figure");
        assert_eq!(r.slice(f.span), f.text, "a figure's text is its span");
    }
    for w in r.figures.windows(2) {
        assert!(w[0].span.0 <= w[1].span.0, "figures in order");
    }
    for c in &r.citations {
        check_span(&units, c.span, "citation");
        // The title drops the spaces a line wrap put inside it (`党政主要负责\u{a0}人…`).
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert!(
            squeeze(&r.slice(c.span)).contains(&squeeze(&c.title)),
            "citation span holds its title: {c:?}"
        );
    }
    for i in &r.indicators {
        if let Some(s) = i.span {
            check_span(&units, s, "indicator");
        }
        assert_eq!(i.reported, i.figure.is_some(), "{i:?}");
        if let Some(k) = i.figure {
            assert_eq!(Some(r.figures[k].span), i.span);
        }
    }
    for f in &r.findings {
        if let Some(s) = f.span {
            check_span(&units, s, "finding");
        }
        assert!(!f.message.is_empty());
    }
    if let Some(score) = &r.score {
        let sum: f64 = score.items.iter().map(|i| i.points).sum();
        assert!((score.total - sum).abs() < 1e-6 && (0.0..=100.0).contains(&score.total));
        for i in &score.items {
            assert!(i.points >= 0.0 && i.points <= i.max, "{i:?}");
        }
    }
    let flat = r.headings();
    for w in flat.windows(2) {
        assert!(
            w[0].span.1 <= w[1].span.0,
            "headings in order: {:?} {:?}",
            w[0].title,
            w[1].title
        );
        assert_eq!(w[0].id + 1, w[1].id);
    }
}
