//! The batch result as sheets of cells for people (pass: batch → export): the table, the five
//! parts by report (`五项内容`, the matrix the page draws above its table), the passages two
//! issuers share and year over year. The Excel workbook holds these sheets natively and in the
//! page alike: the page's batch worker makes them, the spreadsheet module only writes them.

use serde::{Deserialize, Serialize};

use super::{BatchResult, PART_COLUMNS};

/// One sheet: its name, header row and rows of text cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    /// The sheet's tab name.
    pub name: String,
    /// The header row.
    pub header: Vec<String>,
    /// The rows under it.
    pub rows: Vec<Vec<String>>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

fn sheet(name: &str, (header, rows): (Vec<String>, Vec<Vec<String>>)) -> Sheet {
    Sheet {
        name: name.to_string(),
        header,
        rows,
    }
}

/// Every sheet of the batch workbook, in order.
pub fn sheets(result: &BatchResult) -> Vec<Sheet> {
    vec![
        sheet("批量审阅", super::table(result)),
        sheet("五项内容", parts_matrix(result)),
        sheet("照搬照抄", reuse_table(result)),
        sheet("逐年对照", years_table(result)),
    ]
}

/// The five parts by report, those missing most first (then in batch order): issuer, file,
/// year, ✔/✘ per part and the number missing; the last row counts, per part, the reports
/// missing it. Files that could not be read are left out (the table names them).
pub fn parts_matrix(result: &BatchResult) -> (Vec<String>, Vec<Vec<String>>) {
    let mut header = strings(&["发文机关", "文件", "年度"]);
    header.extend(PART_COLUMNS.iter().map(|s| s.to_string()));
    header.push("缺项".into());
    let mut read: Vec<_> = result.rows.iter().filter(|r| r.error.is_none()).collect();
    let missing = |r: &super::Row| r.parts.iter().filter(|p| !**p).count();
    read.sort_by_key(|r| (std::cmp::Reverse(missing(r)), r.index));
    let mut rows: Vec<Vec<String>> = read
        .iter()
        .map(|r| {
            let mut c = vec![
                r.issuer.clone().unwrap_or_default(),
                r.file.clone(),
                r.year.map(|y| y.to_string()).unwrap_or_default(),
            ];
            c.extend(
                r.parts
                    .iter()
                    .map(|p| if *p { "✔" } else { "✘" }.to_string()),
            );
            c.push(missing(r).to_string());
            c
        })
        .collect();
    let mut total = vec!["缺少该项的报告".to_string(), String::new(), String::new()];
    total.extend((0..5).map(|k| read.iter().filter(|r| !r.parts[k]).count().to_string()));
    total.push(read.iter().map(|r| missing(r)).sum::<usize>().to_string());
    rows.push(total);
    (header, rows)
}

/// The shared passages as cells: both files, the length, the passage, both spans.
pub fn reuse_table(result: &BatchResult) -> (Vec<String>, Vec<Vec<String>>) {
    let header = strings(&["文件甲", "文件乙", "字数", "段落", "甲中位置", "乙中位置"]);
    let file = |i: usize| result.rows.get(i).map_or(String::new(), |r| r.file.clone());
    let rows = result
        .reuse
        .iter()
        .map(|p| {
            vec![
                file(p.a.file),
                file(p.b.file),
                p.chars.to_string(),
                p.text.clone(),
                format!("{}–{}", p.a.span.0, p.a.span.1),
                format!("{}–{}", p.b.span.0, p.b.span.1),
            ]
        })
        .collect();
    (header, rows)
}

/// Year over year as cells: per pair of reports, a row per last year's plan (followed up or
/// not, with the sentence), then a row per indicator (last year → this year).
pub fn years_table(result: &BatchResult) -> (Vec<String>, Vec<Vec<String>>) {
    let header = strings(&[
        "发文机关",
        "上年文件",
        "本年文件",
        "上年",
        "本年",
        "沿用上年文字",
        "上年安排",
        "落实情况",
        "依据",
    ]);
    let file = |i: usize| result.rows.get(i).map_or(String::new(), |r| r.file.clone());
    let mut rows = Vec::new();
    for y in &result.years {
        let head = vec![
            y.issuer.clone(),
            file(y.earlier),
            file(y.later),
            y.earlier_year.to_string(),
            y.later_year.to_string(),
            format!("{:.0}%", y.reused_share * 100.0),
        ];
        for p in &y.promises {
            let mut r = head.clone();
            r.push(p.plan.clone());
            match &p.evidence {
                Some(e) => r.extend(["已落实".to_string(), e.text.clone()]),
                None => r.extend(["今年未提及".to_string(), String::new()]),
            }
            rows.push(r);
        }
        for i in &y.indicators {
            let mut r = head.clone();
            r.extend([super::years::pair_label(i), String::new(), String::new()]);
            rows.push(r);
        }
        if y.promises.is_empty() && y.indicators.is_empty() {
            let mut r = head;
            r.extend([String::new(), String::new(), String::new()]);
            rows.push(r);
        }
    }
    (header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch() -> BatchResult {
        let mut b = super::super::Batch::new();
        let full = "乙镇人民政府关于2023年度法治政府建设情况的报告\n一、2023年主要举措和成效\n办理复议案件3件。\n二、存在的不足和原因\n队伍不强。\n三、党政主要负责人履行推进法治建设第一责任人职责情况\n书记带头。\n四、2024年工作安排\n继续推进。\n五、其他需要报告的情况\n无。\n";
        b.add_report("乙镇.txt", crate::analyze(full, "乙镇.txt"));
        b.add_report(
            "甲镇.txt",
            crate::analyze(
                "甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n",
                "甲镇.txt",
            ),
        );
        b.add_failure("坏.docx", "文件已损坏".into(), "damaged".into());
        b.result()
    }

    #[test]
    fn the_matrix_puts_the_report_missing_most_first_and_counts_each_part() {
        let (header, rows) = parts_matrix(&batch());
        assert_eq!(header[..3], ["发文机关", "文件", "年度"]);
        assert_eq!(header[3..8], PART_COLUMNS);
        assert_eq!(header[8], "缺项");
        // 甲镇 has only the first part: it comes first; the damaged file is not a row.
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0][1], "甲镇.txt");
        assert_eq!(rows[0][3..], ["✔", "✘", "✘", "✘", "✘", "4"]);
        assert_eq!(rows[1][1], "乙镇.txt");
        assert_eq!(rows[1][8], "0");
        assert_eq!(
            rows[2],
            ["缺少该项的报告", "", "", "0", "1", "1", "1", "1", "4"]
        );
    }

    #[test]
    fn the_workbook_sheets_come_in_order() {
        let names: Vec<String> = sheets(&batch()).into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["批量审阅", "五项内容", "照搬照抄", "逐年对照"]);
    }
}
