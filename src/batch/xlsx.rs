//! The batch table as an Excel workbook (cargo feature `xlsx`): the cells of [`super::table`],
//! with a bold, frozen header row that filters, columns as wide as their text (a CJK character
//! counts two), numbers as numbers and the reused share (`37%`) as 0.37 shown as a percentage —
//! what Excel and WPS make of the same cells when they open the CSV.
//!
//! Written by rust_xlsxwriter; it builds for wasm32 too, so the page writes the same file.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::BatchResult;
use super::sheets::Sheet;

/// Columns that hold text even when a cell looks like a number (a file named `2023.txt` is not
/// 2023; a date is text in the CSV too).
const TEXT_COLUMNS: &[&str] = &["文件", "发文机关", "层级", "成文日期", "无法读取的原因"];
/// Columns allowed to grow wide (names, paths, messages, passages); the others stop at
/// [`NARROW_MAX`].
const WIDE_COLUMNS: &[&str] = &[
    "文件",
    "发文机关",
    "无法读取的原因",
    "文件甲",
    "文件乙",
    "段落",
    "上年安排",
    "依据",
];
const WIDE_MAX: usize = 60;
const NARROW_MAX: usize = 24;
const MIN_WIDTH: usize = 6;

/// A workbook of one sheet: `header` in bold, then `rows` (as [`super::table`] gives them).
pub fn workbook(header: &[String], rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut wb = Workbook::new();
    sheet(&mut wb, "批量审阅", header, rows).map_err(err)?;
    wb.save_to_buffer().map_err(err)
}

/// A workbook of the given sheets, in order (the page's Excel export: [`super::sheets::sheets`]
/// made in the batch's worker, written here).
pub fn workbook_of(sheets: &[Sheet]) -> Result<Vec<u8>, String> {
    let mut wb = Workbook::new();
    for s in sheets {
        sheet(&mut wb, &s.name, &s.header, &s.rows).map_err(err)?;
    }
    wb.save_to_buffer().map_err(err)
}

/// The whole batch result as a workbook: [`super::sheets::sheets`] — the table (the first sheet,
/// the same cells as the CSV), the five parts by report (`五项内容`), the passages two issuers
/// share (`照搬照抄`), and year over year (`逐年对照`).
pub fn batch_workbook(result: &BatchResult) -> Result<Vec<u8>, String> {
    workbook_of(&super::sheets::sheets(result))
}

fn err(e: XlsxError) -> String {
    format!("无法生成 Excel 文件 / cannot write the xlsx file: {e}")
}

/// A cell as the value it holds: a number, a percentage, or text.
#[derive(Debug, Clone, PartialEq)]
enum Value<'a> {
    Number(f64),
    Percent(f64),
    Text(&'a str),
}

fn value<'a>(cell: &'a str, text_column: bool) -> Value<'a> {
    if text_column || cell.is_empty() {
        return Value::Text(cell);
    }
    if let Some(p) = cell.strip_suffix('%')
        && let Some(v) = parse_number(p)
    {
        return Value::Percent(v / 100.0);
    }
    match parse_number(cell) {
        Some(v) => Value::Number(v),
        None => Value::Text(cell),
    }
}

/// Plain decimal numbers only (`12`, `-3.5`, `98.6`): not `inf`, `1e5`, `0x10` or `+7`.
fn parse_number(s: &str) -> Option<f64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let ok = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit());
    if ok { s.parse().ok() } else { None }
}

/// Width of text in Excel's units: a CJK (wide) character counts two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

fn sheet(
    wb: &mut Workbook,
    name: &str,
    header: &[String],
    rows: &[Vec<String>],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let percent = Format::new().set_num_format("0%");
    let ws: &mut Worksheet = wb.add_worksheet();
    ws.set_name(name)?;
    let text_column: Vec<bool> = header
        .iter()
        .map(|h| TEXT_COLUMNS.contains(&h.as_str()))
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| display_width(h)).collect();
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, col(c), h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (c, cell) in row.iter().enumerate() {
            if c >= widths.len() {
                widths.push(0);
            }
            widths[c] = widths[c].max(display_width(cell));
            match value(cell, text_column.get(c).copied().unwrap_or(false)) {
                Value::Text("") => {}
                Value::Text(t) => {
                    ws.write_string(r, col(c), t)?;
                }
                Value::Number(v) => {
                    ws.write_number(r, col(c), v)?;
                }
                Value::Percent(v) => {
                    ws.write_number_with_format(r, col(c), v, &percent)?;
                }
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        let wide = header
            .get(c)
            .is_some_and(|h| WIDE_COLUMNS.contains(&h.as_str()));
        let max = if wide { WIDE_MAX } else { NARROW_MAX };
        // +2 for the filter button and a margin.
        ws.set_column_width(col(c), (w + 2).clamp(MIN_WIDTH, max) as f64)?;
    }
    ws.set_freeze_panes(1, 0)?;
    if !header.is_empty() {
        ws.autofilter(0, 0, rows.len() as u32, col(header.len() - 1))?;
    }
    Ok(())
}

fn col(c: usize) -> u16 {
    c.min(u16::MAX as usize) as u16
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use calamine::{Data, Reader, Xlsx};

    fn read_back(bytes: Vec<u8>) -> Vec<(String, calamine::Range<Data>)> {
        let mut x: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("a valid xlsx");
        x.worksheets()
    }

    fn batch() -> super::super::Batch {
        let mut b = super::super::Batch::new();
        b.add_report(
            "甲镇.txt",
            crate::analyze(
                "甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n",
                "甲镇.txt",
            ),
        );
        b.add_failure(
            "坏文件.docx",
            "文件已损坏：压缩包不完整".into(),
            "the file is damaged".into(),
        );
        b
    }

    #[test]
    fn cells_read_back_as_written_numbers_as_numbers() {
        let res = batch().result();
        let (header, rows) = super::super::table(&res);
        let sheets = read_back(workbook(&header, &rows).unwrap());
        assert_eq!(sheets.len(), 1);
        let (name, range) = &sheets[0];
        assert_eq!(name, "批量审阅");
        let got: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(got.len(), 3);
        for (c, h) in header.iter().enumerate() {
            assert_eq!(got[0][c], Data::String(h.clone()));
        }
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        assert_eq!(got[1][col("文件")], Data::String("甲镇.txt".into()));
        assert_eq!(got[1][col("年度")], Data::Float(2023.0));
        assert_eq!(got[1][col("主要举措和成效")], Data::String("✔".into()));
        assert_eq!(got[1][col("存在的不足和原因")], Data::String("✘".into()));
        assert_eq!(got[1][col("照搬比例")], Data::Float(0.0));
        assert_eq!(got[1][col("行政复议案件")], Data::Float(12.0));
        assert!(matches!(got[1][col("得分")], Data::Float(_)));
        assert_eq!(
            got[2][col("无法读取的原因")],
            Data::String("文件已损坏：压缩包不完整".into())
        );
        assert_eq!(got[2][col("年度")], Data::Empty);
        // Every cell equals the table's, read as a person reads it.
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let percent = header[c] == "照搬比例";
                assert_eq!(
                    shown(&got[r + 1][c], percent),
                    *cell,
                    "row {r} column {}",
                    header[c]
                );
            }
        }
    }

    /// A read-back cell as the table wrote it (0.37 in a percent column is `37%`).
    fn shown(d: &Data, percent: bool) -> String {
        match d {
            Data::Empty => String::new(),
            Data::String(s) => s.clone(),
            Data::Float(f) if percent => format!("{:.0}%", f * 100.0),
            Data::Float(f) => super::super::cell::number(*f),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn the_batch_workbook_has_the_table_the_copies_and_the_years() {
        let res = batch().result();
        let sheets = read_back(batch_workbook(&res).unwrap());
        let names: Vec<&str> = sheets.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(names, ["批量审阅", "五项内容", "照搬照抄", "逐年对照"]);
    }

    #[test]
    fn numbers_percentages_and_text_are_told_apart() {
        assert_eq!(value("12", false), Value::Number(12.0));
        assert_eq!(value("98.5", false), Value::Number(98.5));
        assert_eq!(value("37%", false), Value::Percent(0.37));
        assert_eq!(value("2023", true), Value::Text("2023"));
        assert_eq!(value("✔", false), Value::Text("✔"));
        for t in ["inf", "1e5", "+7", ".5", "1.", "1.2.3", "-"] {
            assert_eq!(value(t, false), Value::Text(t));
        }
        assert_eq!(display_width("甲镇a"), 5);
    }
}
