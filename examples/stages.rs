//! Time per pipeline stage over one text file (#20's profile): `cargo run --release --example
//! stages -- FILE`. The stages are called as `fazhi::run` calls them; each is timed 5× and the
//! median printed, with its share of the total and its MB/s.

use std::time::Instant;

use fazhi::review::{citations, facts, indicators, lints, score};
use fazhi::structure::{classify, meta, outline};
use fazhi::text::blocks;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FILE");
    let text = std::fs::read_to_string(&path).expect("a UTF-8 text file");
    let mut rows: Vec<(&str, Vec<f64>)> = Vec::new();
    let mut time = |name: &'static str, secs: f64| match rows.iter_mut().find(|r| r.0 == name) {
        Some(r) => r.1.push(secs),
        None => rows.push((name, vec![secs])),
    };
    for _ in 0..5 {
        let t = Instant::now();
        let b = blocks::split(&text);
        time("blocks", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let closing = meta::find_closing(&b);
        let heads = outline::outline(&text, &b, closing.content_end);
        time("outline", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let m = meta::extract(&text, &b, &heads, &closing);
        time("meta", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let (head_parts, parts) = classify::classify(&heads, m.year);
        time("classify", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let figures = facts::figures(&text, &b);
        time("figures", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let ind = indicators::indicators(&text, &figures);
        time("indicators", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let cit = citations::citations(&text, &b);
        time("citations", t.elapsed().as_secs_f64());
        let input = lints::Input {
            text: &text,
            blocks: &b,
            heads: &heads,
            meta: &m,
            parts: &parts,
            figures: &figures,
            citations: &cit,
        };
        let t = Instant::now();
        let findings = lints::lint(&input);
        time("lints", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let sc = score::score(&input, &findings);
        time("score", t.elapsed().as_secs_f64());
        drop((head_parts, ind, sc));
        let t = Instant::now();
        let report = fazhi::analyze(&text, &path);
        time("whole analyze", t.elapsed().as_secs_f64());
        let t = Instant::now();
        let json = serde_json::to_vec(&report).expect("a report serializes");
        time("json", t.elapsed().as_secs_f64());
        drop(json);
    }
    let mb = text.len() as f64 / 1e6;
    let whole = median(
        rows.iter()
            .find(|r| r.0 == "whole analyze")
            .unwrap()
            .1
            .clone(),
    );
    println!("{path}: {mb:.1} MB");
    for (name, v) in rows {
        let m = median(v);
        println!(
            "{name:>14} {:>9.1} ms {:>5.1} % {:>8.1} MB/s",
            m * 1e3,
            100.0 * m / whole,
            mb / m
        );
    }
}
