//! Throughput of the whole pipeline: each seed report, a 1 MB concatenation of them, and one seed
//! in every file format (read + analyze).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn seeds() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seeds");
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("fixture dir {dir}: {e}"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("fixture {p:?}: {e}"));
            (name, text)
        })
        .collect();
    v.sort();
    v
}

fn bench(c: &mut Criterion) {
    let seeds = seeds();
    let mut g = c.benchmark_group("analyze");
    for (name, text) in &seeds {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| fazhi::analyze(std::hint::black_box(text), name))
        });
    }
    let mut big = String::new();
    while big.len() < 1_000_000 {
        for (_, t) in &seeds {
            big.push_str(t);
            big.push('\n');
        }
    }
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.sample_size(20);
    g.bench_function("concat_1MB", |b| {
        b.iter(|| fazhi::analyze(std::hint::black_box(&big), "concat"))
    });
    g.finish();
}

/// Seed 000 in every format: bytes → full model.
fn formats(c: &mut Criterion) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/formats");
    let mut g = c.benchmark_group("read");
    for ext in [
        "docx",
        "autonum.docx",
        "doc",
        "autonum.doc",
        "html",
        "pdf",
        "ofd",
    ] {
        let name = format!("000_0ac10b74a13066d8.{ext}");
        let path = format!("{dir}/{name}");
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"));
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(ext, |b| {
            b.iter(|| fazhi::analyze_bytes(std::hint::black_box(&bytes), &name))
        });
        // The reader alone: bytes → text, without the analysis.
        g.bench_function(format!("{ext} (text only)"), |b| {
            b.iter(|| fazhi::formats::read(std::hint::black_box(&bytes)))
        });
    }
    g.finish();
}

criterion_group!(benches, bench, formats);
criterion_main!(benches);
