//! #20's end-to-end figures (`make bench`): the five seeds concatenated to 16 MB, read, analyzed
//! and written as JSON (what `fazhi analyze --format jsonl` does), against one `grep -c` scan of
//! the same file (the floor: one pass over the bytes); then a 30 KB report (the page's size).
//! Medians of 5 runs; the targets are printed beside the figures.
//!
//! `cargo bench --bench end_to_end` (release profile).

mod common;

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

/// The seeds, concatenated (with a blank line between) until `size` bytes.
fn concatenated(size: usize) -> Vec<u8> {
    let paths = common::seed_paths();
    let seeds: Vec<Vec<u8>> = paths
        .iter()
        .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{p:?}: {e}")))
        .collect();
    let mut out = Vec::with_capacity(size + 100_000);
    while out.len() < size {
        for s in &seeds {
            out.extend_from_slice(s);
            out.extend_from_slice(b"\n\n");
        }
    }
    out
}

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed()
        })
        .collect();
    t.sort();
    t[runs / 2]
}

/// What the CLI does with one file: read, analyze, one JSON line out (to nowhere).
fn end_to_end(path: &std::path::Path) {
    let bytes = std::fs::read(path).expect("read the file back");
    let report = fazhi::analyze_bytes(&bytes, "concat.txt").expect("a report");
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::sink());
    serde_json::to_writer(&mut out, &report).expect("JSON");
    writeln!(out).expect("newline");
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let big = concatenated(16 << 20);
    let path = std::env::temp_dir().join(format!("fazhi-end-to-end-{}.txt", std::process::id()));
    std::fs::write(&path, &big).expect("write the 16 MB file");
    let mb = big.len() as f64 / 1e6;
    let ours = median(5, || end_to_end(&path));
    println!(
        "16 MB ({mb:.1} MB, the seeds concatenated): read + analyze + JSON {} = {:.0} MB/s",
        ms(ours),
        mb / ours.as_secs_f64()
    );
    let grep = median(5, || {
        let ok = Command::new("grep")
            .args(["-c", "法治"])
            .arg(&path)
            .output()
            .is_ok_and(|o| o.status.code().is_some());
        assert!(ok, "grep -c runs");
    });
    println!(
        "  one `grep -c 法治` of the same file: {} → {:.1}× grep (#20 target: ≤ 20×, ≈ 80 MB/s)",
        ms(grep),
        ours.as_secs_f64() / grep.as_secs_f64()
    );
    let _ = std::fs::remove_file(&path);

    // A report of the page's size: the first 30 KB of the concatenation, cut at a line.
    let cut = big[..30_000]
        .iter()
        .rposition(|&b| b == b'\n')
        .unwrap_or(30_000);
    let small = std::str::from_utf8(&big[..cut]).expect("seeds are UTF-8");
    let t = median(51, || {
        std::hint::black_box(fazhi::analyze(std::hint::black_box(small), "30k.txt"));
    });
    println!(
        "30 KB report, analyze natively: {} (the page's target, ≤ 1 ms in Chromium: make bench-browser)",
        ms(t)
    );
}
