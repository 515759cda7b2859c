//! The `fazhi` command: a thin shell over the library (read files, print the model).

use std::io::{Read, Write};
use std::process::ExitCode;

const USAGE: &str = "用法 / usage: fazhi analyze [--format json|jsonl|md] FILE... | -";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Jsonl,
    Md,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("--version" | "-V") => {
            println!("fazhi {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn analyze(args: &[String]) -> ExitCode {
    let mut format = Format::Json;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                format = match it.next().map(String::as_str) {
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    Some("md") => Format::Md,
                    other => {
                        eprintln!(
                            "fazhi: 未知格式 / unknown format: {}\n{USAGE}",
                            other.unwrap_or("")
                        );
                        return ExitCode::from(2);
                    }
                }
            }
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    let mut reports = Vec::new();
    for f in &files {
        match read(f).and_then(|b| fazhi::analyze_bytes(&b, f)) {
            Ok(r) => reports.push(r),
            Err(e) => {
                eprintln!(
                    "fazhi: {f}: {}\nfazhi: {f}: {}",
                    e.message_zh(),
                    e.message_en()
                );
                failed = true;
            }
        }
    }
    let out = std::io::stdout();
    let mut out = out.lock();
    let written = match format {
        Format::Jsonl => reports.iter().try_for_each(|r| {
            serde_json::to_writer(&mut out, r).map_err(std::io::Error::other)?;
            writeln!(out)
        }),
        Format::Json if reports.len() == 1 && files.len() == 1 => {
            serde_json::to_writer_pretty(&mut out, &reports[0])
                .map_err(std::io::Error::other)
                .and_then(|_| writeln!(out))
        }
        Format::Json => serde_json::to_writer_pretty(&mut out, &reports)
            .map_err(std::io::Error::other)
            .and_then(|_| writeln!(out)),
        Format::Md => reports
            .iter()
            .try_for_each(|r| write!(out, "{}", fazhi::render::markdown(r))),
    };
    if let Err(e) = written
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        eprintln!("fazhi: 输出失败 / cannot write output: {e}");
        return ExitCode::FAILURE;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn read(path: &str) -> Result<Vec<u8>, fazhi::Error> {
    let mut buf = Vec::new();
    let res = if path == "-" {
        std::io::stdin().read_to_end(&mut buf).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut buf))
            .map(|_| ())
    };
    res.map(|_| buf)
        .map_err(|e| fazhi::Error::Io(e.to_string()))
}
