//! The `fazhi` command: a thin shell over the library (read files and folders, print the
//! model or the batch result).

use std::io::{IsTerminal, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use fazhi::batch::{self, Batch};

const USAGE: &str = "用法 / usage:
  fazhi analyze [--format json|jsonl|md|csv] FILE... | -
  fazhi batch [--format md|json|csv|xlsx] [-o FILE] PATH...   (PATH: 文件、文件夹或 .zip / a file, a folder or a .zip)
  fazhi review [--format docx|md|sheet] [-o FILE] FILE...   (多个文件：一个 .zip / several files: one .zip)
      docx: 批注版（问题写成 Word 批注）/ the document with each finding as a Word comment (default)
      md, sheet: 审阅意见（Markdown / .docx）/ the review sheet as Markdown or .docx";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Jsonl,
    Md,
    Csv,
    Xlsx,
}

fn parse_format(name: Option<&str>, allowed: &[Format]) -> Result<Format, String> {
    let f = match name {
        Some("json") => Some(Format::Json),
        Some("jsonl") => Some(Format::Jsonl),
        Some("md") => Some(Format::Md),
        Some("csv") => Some(Format::Csv),
        Some("xlsx") => Some(Format::Xlsx),
        _ => None,
    };
    f.filter(|f| allowed.contains(f)).ok_or_else(|| {
        format!(
            "fazhi: 未知格式 / unknown format: {}\n{USAGE}",
            name.unwrap_or("")
        )
    })
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("analyze") => analyze(&args[1..]),
        Some("batch") => batch_command(&args[1..]),
        Some("review") => review_command(&args[1..]),
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
                let allowed = [Format::Json, Format::Jsonl, Format::Md, Format::Csv];
                format = match parse_format(it.next().map(String::as_str), &allowed) {
                    Ok(f) => f,
                    Err(e) => return usage_error(&e),
                }
            }
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    if format == Format::Csv {
        let mut b = Batch::new();
        for f in &files {
            match read(f) {
                Ok(bytes) => b.add_bytes(f, &bytes),
                Err(e) => b.add_failure(f, e.message_zh(), e.message_en()),
            };
        }
        let failed = report_failures(&b);
        return finish(write_stdout(batch::csv(&b.result()).as_bytes()), failed);
    }
    let mut failed = false;
    // One buffer for all output (stdout alone flushes per line); JSON Lines and Markdown are
    // written report by report, so a batch of files never holds more than one report.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut reports = Vec::new();
    let mut written = Ok(());
    for f in &files {
        match read(f).and_then(|b| fazhi::analyze_bytes(&b, f)) {
            Ok(r) => {
                written = match format {
                    Format::Jsonl => serde_json::to_writer(&mut out, &r)
                        .map_err(std::io::Error::other)
                        .and_then(|_| writeln!(out)),
                    Format::Md => write!(out, "{}", fazhi::render::markdown(&r)),
                    _ => {
                        reports.push(r);
                        Ok(())
                    }
                };
                if written.is_err() {
                    break; // a closed pipe or a full disk: the rest would go nowhere
                }
            }
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
    if written.is_ok() && format == Format::Json {
        written = if reports.len() == 1 && files.len() == 1 {
            serde_json::to_writer_pretty(&mut out, &reports[0])
        } else {
            serde_json::to_writer_pretty(&mut out, &reports)
        }
        .map_err(std::io::Error::other)
        .and_then(|_| writeln!(out));
    }
    let written = written.and_then(|_| out.flush());
    finish(written, failed)
}

/// Exit code after output: 1 when writing failed (a closed pipe is no failure) or a file could
/// not be read.
fn finish(written: std::io::Result<()>, failed: bool) -> ExitCode {
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

fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).and_then(|_| out.flush())
}

/// Names every file that could not be read on stderr, in Chinese and English; whether any.
fn report_failures(b: &Batch) -> bool {
    let mut failed = false;
    for e in &b.entries {
        if let Err((zh, en)) = &e.outcome {
            eprintln!("fazhi: {}: {zh}\nfazhi: {}: {en}", e.file, e.file);
            failed = true;
        }
    }
    failed
}

fn batch_command(args: &[String]) -> ExitCode {
    let mut format = Format::Md;
    let mut output: Option<String> = None;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                let allowed = [Format::Json, Format::Md, Format::Csv, Format::Xlsx];
                format = match parse_format(it.next().map(String::as_str), &allowed) {
                    Ok(f) => f,
                    Err(e) => return usage_error(&e),
                }
            }
            "--output" | "-o" => match it.next() {
                Some(o) => output = Some(o.clone()),
                None => {
                    return usage_error(&format!(
                        "fazhi: -o 后缺少文件名 / -o needs a file name\n{USAGE}"
                    ));
                }
            },
            p => paths.push(p.to_string()),
        }
    }
    if paths.is_empty() {
        return usage_error(USAGE);
    }
    if format == Format::Xlsx && output.is_none() && std::io::stdout().is_terminal() {
        return usage_error(
            "fazhi: xlsx 是二进制文件，不能输出到终端，请用 -o 文件名.xlsx\n\
             fazhi: xlsx is binary and is not written to a terminal; use -o FILE.xlsx",
        );
    }
    // Every path first: a missing path or an empty folder is a usage error, before any work.
    let files = match batch::folder::expand(&paths) {
        Ok(files) => files,
        Err(bad) => {
            for b in bad {
                let p = b.path.display();
                eprintln!("fazhi: {p}: {}\nfazhi: {p}: {}", b.zh, b.en);
            }
            return ExitCode::from(2);
        }
    };
    let mut b = Batch::new();
    b.add_paths(&files);
    let failed = report_failures(&b);
    let result = b.result();
    let bytes: Vec<u8> = match format {
        Format::Json => match serde_json::to_string_pretty(&result) {
            Ok(s) => s.into_bytes().into_iter().chain(*b"\n").collect(),
            Err(e) => {
                eprintln!("fazhi: 输出失败 / cannot write output: {e}");
                return ExitCode::FAILURE;
            }
        },
        Format::Csv => batch::csv(&result).into_bytes(),
        Format::Md | Format::Jsonl => batch::markdown(&result).into_bytes(),
        Format::Xlsx => match xlsx(&result) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("fazhi: {e}");
                return ExitCode::FAILURE;
            }
        },
    };
    let written = match &output {
        Some(o) => {
            std::fs::write(o, &bytes).map_err(|e| std::io::Error::other(format!("{o}: {e}")))
        }
        None => write_stdout(&bytes),
    };
    finish(written, failed)
}

/// What `fazhi review` writes.
#[derive(Clone, Copy, PartialEq)]
enum ReviewFormat {
    Commented,
    SheetMd,
    SheetDocx,
}

fn review_command(args: &[String]) -> ExitCode {
    let mut format = ReviewFormat::Commented;
    let mut output: Option<String> = None;
    let mut files = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--format" | "-f" => {
                format = match it.next().map(String::as_str) {
                    Some("docx") => ReviewFormat::Commented,
                    Some("md") => ReviewFormat::SheetMd,
                    Some("sheet") => ReviewFormat::SheetDocx,
                    other => {
                        return usage_error(&format!(
                            "fazhi: 未知格式 / unknown format: {}\n{USAGE}",
                            other.unwrap_or("")
                        ));
                    }
                }
            }
            "--output" | "-o" => match it.next() {
                Some(o) => output = Some(o.clone()),
                None => {
                    return usage_error(&format!(
                        "fazhi: -o 后缺少文件名 / -o needs a file name\n{USAGE}"
                    ));
                }
            },
            f => files.push(f.to_string()),
        }
    }
    if files.is_empty() {
        return usage_error(&format!(
            "fazhi: review 需要文件 / review needs a file\n{USAGE}"
        ));
    }
    let binary = format != ReviewFormat::SheetMd || files.len() > 1;
    if binary && output.is_none() && std::io::stdout().is_terminal() {
        return usage_error(
            "fazhi: .docx 是二进制文件，不能输出到终端，请用 -o 文件名.docx\n\
             fazhi: .docx is binary and is not written to a terminal; use -o FILE.docx",
        );
    }
    let export = match format {
        ReviewFormat::Commented => fazhi::annotate::Export::Commented,
        ReviewFormat::SheetMd => fazhi::annotate::Export::SheetMarkdown,
        ReviewFormat::SheetDocx => fazhi::annotate::Export::SheetDocx,
    };
    if files.len() > 1 {
        // Several files: one .zip of their reviews; one that cannot be read is listed in it.
        let mut list = Vec::new();
        for f in &files {
            match read(f) {
                Ok(bytes) => {
                    let name = Path::new(f)
                        .file_name()
                        .map_or(f.clone(), |n| n.to_string_lossy().into_owned());
                    list.push(fazhi::ReviewFile {
                        name,
                        bytes,
                        dismissed: Vec::new(),
                    })
                }
                Err(e) => {
                    eprintln!(
                        "fazhi: {f}: {}\nfazhi: {f}: {}",
                        e.message_zh(),
                        e.message_en()
                    );
                    return ExitCode::FAILURE;
                }
            }
        }
        let zip = fazhi::review_zip(&list, export);
        let written = match &output {
            Some(o) => {
                std::fs::write(o, &zip).map_err(|e| std::io::Error::other(format!("{o}: {e}")))
            }
            None => write_stdout(&zip),
        };
        return finish(written, false);
    }
    let file = &files[0];
    let bytes = match read(file).and_then(|b| fazhi::review(&b, file, export, &[])) {
        Ok(fazhi::annotate::Exported::Bytes(b)) => b,
        Ok(fazhi::annotate::Exported::Text(s)) => s.into_bytes(),
        Err(e) => {
            eprintln!(
                "fazhi: {file}: {}\nfazhi: {file}: {}",
                e.message_zh(),
                e.message_en()
            );
            return ExitCode::FAILURE;
        }
    };
    let written = match &output {
        Some(o) => {
            std::fs::write(o, &bytes).map_err(|e| std::io::Error::other(format!("{o}: {e}")))
        }
        None => write_stdout(&bytes),
    };
    finish(written, false)
}

#[cfg(feature = "xlsx")]
fn xlsx(result: &batch::BatchResult) -> Result<Vec<u8>, String> {
    batch::xlsx::batch_workbook(result)
}

#[cfg(not(feature = "xlsx"))]
fn xlsx(_: &batch::BatchResult) -> Result<Vec<u8>, String> {
    Err("这个版本不含 Excel 导出（cargo 功能 xlsx） / this build has no xlsx writer (cargo feature xlsx)".into())
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
