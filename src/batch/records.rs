//! The batch table as flat records for data frames (pass: batch → export): one record per file,
//! one typed value per column (parts as booleans, counts as integers, a missing figure as null),
//! keyed by stable column ids, so that `pandas.DataFrame(records)` needs nothing more. The ids
//! and their Chinese labels (the CSV's header) are [`columns`].

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::{BatchResult, PART_COLUMNS, Row};

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Not known (a figure not reported, a file that could not be read).
    Null,
    /// Present or not.
    Bool(bool),
    /// A count.
    Int(i64),
    /// A score, a share, a figure.
    Float(f64),
    /// Text.
    Text(String),
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => s.serialize_none(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Int(n) => s.serialize_i64(*n),
            Value::Float(x) => s.serialize_f64(*x),
            Value::Text(t) => s.serialize_str(t),
        }
    }
}

/// One file's row: (column id, value) in the order of [`columns`]; serialized as a map.
#[derive(Debug, Clone, PartialEq)]
pub struct Record(pub Vec<(String, Value)>);

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// The columns before the parts: id and label.
const LEADING: [(&str, &str); 5] = [
    ("file", "文件"),
    ("issuer", "发文机关"),
    ("level", "层级"),
    ("year", "年度"),
    ("date", "成文日期"),
];
/// The five parts' ids, in the order of [`PART_COLUMNS`] (the model's `MandatedPart` names).
const PART_IDS: [&str; 5] = [
    "measures",
    "shortcomings",
    "firstResponsible",
    "plans",
    "other",
];
/// The columns after the parts, before the indicators.
const COUNTS: [(&str, &str); 5] = [
    ("score", "得分"),
    ("errors", "错误"),
    ("warnings", "警告"),
    ("notes", "提示"),
    ("reusedShare", "照搬比例"),
];
/// The last column.
const ERROR: (&str, &str) = ("error", "无法读取的原因");

/// Every column of the records: (id, Chinese label), in order — the CSV's header, id by id.
pub fn columns() -> Vec<(String, String)> {
    let own = |v: &[(&str, &str)]| {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect::<Vec<_>>()
    };
    let mut c = own(&LEADING);
    c.extend(
        PART_IDS
            .iter()
            .zip(PART_COLUMNS)
            .map(|(a, b)| (a.to_string(), b.to_string())),
    );
    c.extend(own(&COUNTS));
    c.extend(
        crate::review::indicators::RULES
            .iter()
            .map(|i| (i.id.to_string(), i.label.to_string())),
    );
    c.extend(own(&[ERROR]));
    c
}

/// The table as records, one per file in batch order.
pub fn records(result: &BatchResult) -> Vec<Record> {
    let ids = ids();
    result.rows.iter().map(|r| record_of(&ids, r)).collect()
}

/// One file's record on its own ([`crate::batch::Batch::row`]: no other report to compare
/// with, so `reusedShare` is 0) — what a cluster maps over files one at a time. `read` is the
/// file's bytes, or why they could not be read: a record with its `error` either way.
pub fn record(file: &str, read: Result<&[u8], &crate::Error>) -> Record {
    let mut b = super::Batch::new();
    match read {
        Ok(bytes) => b.add_bytes(file, bytes),
        Err(e) => b.add_failure(file, e.message_zh(), e.message_en()),
    };
    let row = b.row(0).expect("one file was added");
    record_of(&ids(), &row)
}

fn ids() -> Vec<String> {
    columns().into_iter().map(|(id, _)| id).collect()
}

fn record_of(ids: &[String], r: &Row) -> Record {
    Record(ids.iter().cloned().zip(values(r)).collect())
}

/// A row's values, in column order.
fn values(r: &Row) -> Vec<Value> {
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    let read = r.error.is_none();
    let int = |n: usize| {
        if read {
            Value::Int(n as i64)
        } else {
            Value::Null
        }
    };
    let mut v = vec![
        Value::Text(r.file.clone()),
        text(&r.issuer),
        text(&r.level),
        r.year.map_or(Value::Null, |y| Value::Int(y.into())),
        text(&r.date),
    ];
    v.extend(
        r.parts
            .iter()
            .map(|p| if read { Value::Bool(*p) } else { Value::Null }),
    );
    v.push(r.score.map_or(Value::Null, Value::Float));
    v.extend([int(r.errors), int(r.warnings), int(r.notes)]);
    v.push(if read {
        Value::Float(r.reused_share)
    } else {
        Value::Null
    });
    v.extend(
        r.indicators
            .iter()
            .map(|x| x.map_or(Value::Null, Value::Float)),
    );
    v.push(text(&r.error));
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::Batch;

    const REPORT: &str = "甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n二、存在的不足和原因\n短板仍在。\n";

    #[test]
    fn a_record_holds_typed_values_under_the_csv_header() {
        let mut b = Batch::new();
        b.add_report("甲.txt", crate::analyze(REPORT, "甲.txt"));
        b.add_failure("坏.docx", "文件已损坏".into(), "damaged".into());
        let result = b.result();
        let cols = columns();
        // The labels are the CSV's header, column for column.
        let (header, _) = crate::batch::table(&result);
        assert_eq!(cols.iter().map(|c| c.1.clone()).collect::<Vec<_>>(), header);
        let recs = records(&result);
        let get = |r: &Record, id: &str| r.0.iter().find(|(k, _)| k == id).unwrap().1.clone();
        assert_eq!(get(&recs[0], "issuer"), Value::Text("甲镇人民政府".into()));
        assert_eq!(get(&recs[0], "year"), Value::Int(2023));
        assert_eq!(get(&recs[0], "measures"), Value::Bool(true));
        assert_eq!(get(&recs[0], "plans"), Value::Bool(false));
        assert_eq!(get(&recs[0], "reconsiderationCases"), Value::Float(12.0));
        assert_eq!(get(&recs[0], "error"), Value::Null);
        // A file that could not be read: its message, and nothing it would have to guess.
        assert_eq!(get(&recs[1], "error"), Value::Text("文件已损坏".into()));
        assert_eq!(get(&recs[1], "measures"), Value::Null);
        assert_eq!(get(&recs[1], "errors"), Value::Null);
        // One file alone gives the same record as in a batch (no reuse to share).
        assert_eq!(record("甲.txt", Ok(REPORT.as_bytes())), recs[0]);
        let alone = record("坏.docx", Ok(b"PK\x03\x04broken"));
        let missing = record("无.txt", Err(&crate::Error::Io("not found".into())));
        assert!(matches!(&get(&missing, "error"), Value::Text(t) if t.contains("not found")));
        assert!(matches!(&get(&alone, "error"), Value::Text(t) if t.contains("文件已损坏")));
        let json = serde_json::to_string(&recs[0]).unwrap();
        assert!(
            json.starts_with(r#"{"file":"甲.txt","issuer":"甲镇人民政府","#),
            "{json}"
        );
    }
}
