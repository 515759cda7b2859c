//! Batch review: many reports → one row each, the passages two issuers share, and the same
//! issuer's reports year over year. Works on finished [`Report`]s (the model), never on bytes.
//!
//! A county office reads every town's report at once: the table compares them, [`reuse`] finds
//! what was copied from another issuer (照搬照抄), [`years`] sets last year's report beside this
//! year's and checks last year's plans against this year's measures.

mod archive;
mod cell;
pub mod cores;
pub mod folder;
mod lines;
pub mod records;
pub mod reuse;
pub mod sheets;
#[cfg(feature = "xlsx")]
pub mod xlsx;
pub mod years;

pub use cell::number;

use serde::Serialize;

use crate::model::{Report, Span};
use crate::structure::classify::MandatedPart;
use crate::text::normalize::{Fold, Norm};

/// The batch result's schema version (docs/batch.md).
pub const BATCH_SCHEMA_VERSION: u32 = 1;

/// One file of a batch: its report, or why it could not be read.
#[derive(Debug, Clone)]
pub struct Entry {
    /// File name (as given, or the path inside a folder or .zip).
    pub file: String,
    /// The report, or the error message in Chinese and English.
    pub outcome: Result<Report, (String, String)>,
}

impl Entry {
    /// File `file`'s entry: its report, or the error's message in Chinese and English.
    pub fn new(file: &str, outcome: Result<Report, crate::Error>) -> Entry {
        Entry {
            file: file.to_string(),
            outcome: outcome.map_err(|e| (e.message_zh(), e.message_en())),
        }
    }
}

/// The files of a batch, in the order they were added.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// The files.
    pub entries: Vec<Entry>,
}

/// One row of the batch table.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// Index of the file in the batch.
    pub index: usize,
    /// File name.
    pub file: String,
    /// Why the file could not be read (Chinese), when it could not.
    pub error: Option<String>,
    /// The first issuer, or null.
    pub issuer: Option<String>,
    /// Level of the issuer (`town` … `department`, `unknown`).
    pub level: Option<String>,
    /// Year the report covers.
    pub year: Option<i32>,
    /// 成文日期 (ISO).
    pub date: Option<String>,
    /// The five mandated parts, present or not, in the regulation's order.
    pub parts: [bool; 5],
    /// Score 0–100.
    pub score: Option<f64>,
    /// Findings by severity.
    pub errors: usize,
    /// Warnings.
    pub warnings: usize,
    /// Notes (info findings).
    pub notes: usize,
    /// Key indicators in the order of [`crate::review::indicators::RULES`] (null when not reported).
    pub indicators: Vec<Option<f64>>,
    /// Share of the report's text found in another issuer's report (0–1).
    pub reused_share: f64,
}

/// The whole batch result: the table, the shared passages, the year-over-year comparisons.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BatchResult {
    /// [`BATCH_SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Indicator columns: (id, label).
    pub indicator_columns: Vec<IndicatorColumn>,
    /// One row per file, in order.
    pub rows: Vec<Row>,
    /// Passages found in reports of two different issuers.
    pub reuse: Vec<reuse::Passage>,
    /// The same issuer's reports of consecutive years.
    pub years: Vec<years::YearOverYear>,
}

/// A key indicator's column.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorColumn {
    /// Stable id (`reconsiderationCases`).
    pub id: String,
    /// Name for people (`行政复议案件`).
    pub label: String,
}

/// Short names of the five parts for table headers, in the regulation's order.
pub const PART_COLUMNS: [&str; 5] = [
    "主要举措和成效",
    "存在的不足和原因",
    "第一责任人职责",
    "下一年度安排",
    "其他情况",
];

impl Batch {
    /// An empty batch.
    pub fn new() -> Batch {
        Batch::default()
    }

    /// Reads and analyzes a file's bytes and adds it (a failure is kept with its message).
    pub fn add_bytes(&mut self, file: &str, bytes: &[u8]) -> &Entry {
        self.push(Entry::new(file, crate::analyze_bytes(bytes, file)))
    }

    /// Adds an analyzed report.
    pub fn add_report(&mut self, file: &str, report: Report) -> &Entry {
        self.push(Entry::new(file, Ok(report)))
    }

    /// Adds a file that could not be read, with its message (Chinese, English).
    pub fn add_failure(&mut self, file: &str, zh: String, en: String) -> &Entry {
        self.push(Entry {
            file: file.to_string(),
            outcome: Err((zh, en)),
        })
    }

    fn push(&mut self, entry: Entry) -> &Entry {
        self.entries.push(entry);
        self.entries.last().expect("just pushed")
    }

    /// The report of file `i`, if it was read.
    pub fn report(&self, i: usize) -> Option<&Report> {
        self.entries.get(i)?.outcome.as_ref().ok()
    }

    /// The table row of file `i` alone (no cross-report figures).
    pub fn row(&self, i: usize) -> Option<Row> {
        self.entries.get(i).map(|e| row_of(i, e, 0.0))
    }

    /// Compares the reports: the table, shared passages and year-over-year comparisons.
    pub fn result(&self) -> BatchResult {
        let texts: Vec<Option<reuse::Doc>> = cores::map_on_cores(&self.entries, |e| {
            e.outcome.as_ref().ok().map(reuse::Doc::of)
        });
        let issuers: Vec<Option<String>> = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| e.outcome.as_ref().ok().map(|r| issuer_key(r, i)))
            .collect();
        let mut found = reuse::find(&texts, &issuers);
        for p in &mut found.passages {
            if let Some(text) = self.passage(&texts, p.a.file, p.a.span) {
                p.text = crate::text::normalize::display(&text);
                p.a.text = text;
            }
            if let Some(text) = self.passage(&texts, p.b.file, p.b.span) {
                p.b.text = text;
            }
        }
        let rows = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| row_of(i, e, found.shares[i]))
            .collect();
        let reports: Vec<Option<&Report>> =
            (0..self.entries.len()).map(|i| self.report(i)).collect();
        let years = years::compare(&reports, &texts, &issuers);
        BatchResult {
            schema_version: BATCH_SCHEMA_VERSION,
            indicator_columns: crate::review::indicators::RULES
                .iter()
                .map(|r| IndicatorColumn {
                    id: r.id.to_string(),
                    label: r.label.to_string(),
                })
                .collect(),
            rows,
            reuse: found.passages,
            years,
        }
    }
}

impl Batch {
    /// A passage of file `file` exactly as written, through its comparable text's positions.
    fn passage(&self, texts: &[Option<reuse::Doc>], file: usize, span: Span) -> Option<String> {
        Some(texts.get(file)?.as_ref()?.passage(self.report(file)?, span))
    }

    /// [`Batch::result`] with every span as code-point offsets into its report's `text`
    /// (Python's string indices) in place of UTF-16 units.
    pub fn result_with_code_point_spans(&self) -> BatchResult {
        let mut result = self.result();
        let maps: Vec<Option<crate::span::CodePoints>> = (0..self.entries.len())
            .map(|i| {
                self.report(i)
                    .map(|r| crate::span::CodePoints::new(&r.text))
            })
            .collect();
        result.map_spans(|file, s| match maps.get(file) {
            Some(Some(m)) => m.span(s),
            _ => s,
        });
        result
    }
}

impl BatchResult {
    /// Replaces every span by `f(file, span)`, `file` the index of the report it points into.
    pub fn map_spans(&mut self, mut f: impl FnMut(usize, Span) -> Span) {
        let passage = |p: &mut reuse::Passage, f: &mut dyn FnMut(usize, Span) -> Span| {
            p.a.span = f(p.a.file, p.a.span);
            p.b.span = f(p.b.file, p.b.span);
        };
        for p in &mut self.reuse {
            passage(p, &mut f);
        }
        for y in &mut self.years {
            for p in &mut y.reused {
                passage(p, &mut f);
            }
            for p in &mut y.promises {
                p.span = f(y.earlier, p.span);
                if let Some(e) = &mut p.evidence {
                    e.span = f(y.later, e.span);
                }
            }
        }
    }
}

/// Who issued a report, as a key to compare reports by: the first issuer in matching form
/// (`東城區人民政府` = `东城区人民政府`) and its division's code when known (two 鼓楼区 are two
/// places); the file itself when no issuer is known or its place is not (`区司法局` alone is no
/// one body: such a report is never paired with another).
pub fn issuer_key(r: &Report, index: usize) -> String {
    match r.meta.issuers.first() {
        Some(i) if !crate::structure::meta::lacks_place(i) => {
            let name = Norm::new(i, 0, Fold::Matching).text;
            match r.meta.issuer_division {
                Some(code) => format!("{name} {code}"),
                None => name,
            }
        }
        _ => format!("#{index}"),
    }
}

fn row_of(index: usize, e: &Entry, reused_share: f64) -> Row {
    let mut row = Row {
        index,
        file: e.file.clone(),
        error: None,
        issuer: None,
        level: None,
        year: None,
        date: None,
        parts: [false; 5],
        score: None,
        errors: 0,
        warnings: 0,
        notes: 0,
        indicators: vec![None; crate::review::indicators::RULES.len()],
        reused_share,
    };
    let r = match &e.outcome {
        Ok(r) => r,
        Err((zh, _)) => {
            row.error = Some(zh.clone());
            return row;
        }
    };
    row.issuer = r.meta.issuers.first().cloned();
    row.level = serde_json::to_value(r.meta.level)
        .ok()
        .and_then(|v| v.as_str().map(String::from));
    row.year = r.meta.year;
    row.date = r.meta.date.clone();
    for (k, p) in MandatedPart::ALL.iter().enumerate() {
        row.parts[k] = r.has_part(*p);
    }
    row.score = r.score.as_ref().map(|s| s.total);
    for f in &r.findings {
        match f.severity {
            crate::review::lints::Severity::Error => row.errors += 1,
            crate::review::lints::Severity::Warning => row.warnings += 1,
            crate::review::lints::Severity::Info => row.notes += 1,
        }
    }
    for (k, rule) in crate::review::indicators::RULES.iter().enumerate() {
        row.indicators[k] = r
            .indicators
            .iter()
            .find(|i| i.id == rule.id)
            .and_then(|i| i.value);
    }
    row
}

/// The table as people read it: the header and, per file, its cells (parts as ✔/✘, failures
/// with their message) — what the CSV and the spreadsheet hold.
pub fn table(result: &BatchResult) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header: Vec<String> = ["文件", "发文机关", "层级", "年度", "成文日期"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    header.extend(PART_COLUMNS.iter().map(|s| s.to_string()));
    header.extend(
        ["得分", "错误", "警告", "提示", "照搬比例"]
            .iter()
            .map(|s| s.to_string()),
    );
    header.extend(result.indicator_columns.iter().map(|c| c.label.clone()));
    header.push("无法读取的原因".into());
    (header, result.rows.iter().map(cells).collect())
}

/// The table as CSV: UTF-8 with a BOM (Excel and WPS open it as UTF-8), one header row, one row
/// per file, failures with their message.
pub fn csv(result: &BatchResult) -> String {
    let (header, rows) = table(result);
    let mut out = String::from("\u{feff}");
    push_csv_line(&mut out, &header);
    for row in &rows {
        push_csv_line(&mut out, row);
    }
    out
}

/// The cells of a row, as the CSV and the spreadsheet show them.
pub fn cells(row: &Row) -> Vec<String> {
    let opt = |v: Option<String>| v.unwrap_or_default();
    let mut c = vec![
        row.file.clone(),
        opt(row.issuer.clone()),
        opt(row.level.clone()),
        opt(row.year.map(|y| y.to_string())),
        opt(row.date.clone()),
    ];
    let read = row.error.is_none();
    c.extend(row.parts.iter().map(|p| {
        match (read, *p) {
            (false, _) => "",
            (true, true) => "✔",
            (true, false) => "✘",
        }
        .to_string()
    }));
    c.push(opt(row.score.map(number)));
    for n in [row.errors, row.warnings, row.notes] {
        c.push(if read { n.to_string() } else { String::new() });
    }
    c.push(if read {
        format!("{:.0}%", row.reused_share * 100.0)
    } else {
        String::new()
    });
    c.extend(row.indicators.iter().map(|v| opt(v.map(number))));
    c.push(opt(row.error.clone()));
    c
}

fn push_csv_line(out: &mut String, cells: &[String]) {
    for (k, c) in cells.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        if c.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&c.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(c);
        }
    }
    out.push_str("\r\n");
}

/// The batch result for a person: the table, the shared passages, year over year.
pub fn markdown(result: &BatchResult) -> String {
    use std::fmt::Write;
    let mut s = String::new();
    let _ = writeln!(s, "# 批量审阅（{} 份）\n", result.rows.len());
    let _ = writeln!(
        s,
        "| 文件 | 发文机关 | 年度 | {} | 得分 | 错误/警告/提示 | 照搬比例 |",
        PART_COLUMNS.join(" | ")
    );
    let _ = writeln!(s, "|{}", " --- |".repeat(11));
    for r in &result.rows {
        if let Some(e) = &r.error {
            let _ = writeln!(s, "| {} | 无法读取：{e} |{}", r.file, " |".repeat(9));
            continue;
        }
        let parts: Vec<&str> = r.parts.iter().map(|p| if *p { "✔" } else { "✘" }).collect();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {}/{}/{} | {:.0}% |",
            r.file,
            r.issuer.as_deref().unwrap_or("—"),
            r.year.map_or("—".into(), |y| y.to_string()),
            parts.join(" | "),
            r.score.map_or("—".into(), number),
            r.errors,
            r.warnings,
            r.notes,
            r.reused_share * 100.0
        );
    }
    let _ = writeln!(s, "\n## 不同发文机关之间相同的段落（照搬照抄）\n");
    if result.reuse.is_empty() {
        let _ = writeln!(s, "未发现。");
    }
    for p in &result.reuse {
        let _ = writeln!(
            s,
            "- {} ↔ {}（{} 字）：{}",
            result.rows[p.a.file].file, result.rows[p.b.file].file, p.chars, p.text
        );
    }
    let _ = writeln!(s, "\n## 同一机关逐年对照\n");
    if result.years.is_empty() {
        let _ = writeln!(s, "批次中没有同一机关相邻年度的报告。");
    }
    for y in &result.years {
        let _ = writeln!(
            s,
            "### {}：{} 年 → {} 年\n\n沿用上一年文字 {:.0}%。\n",
            y.issuer,
            y.earlier_year,
            y.later_year,
            y.reused_share * 100.0
        );
        for i in &y.indicators {
            let _ = writeln!(
                s,
                "- {}：{} → {}",
                i.label,
                i.earlier.map_or("未报告".into(), number),
                i.later.map_or("未报告".into(), number)
            );
        }
        for p in &y.promises {
            let _ = writeln!(
                s,
                "- 去年安排「{}」：{}",
                p.plan,
                match &p.evidence {
                    Some(e) => format!("已落实（{}）", e.text),
                    None => "今年未提及".into(),
                }
            );
        }
        let _ = writeln!(s);
    }
    s
}
