//! JSON Lines of a batch: every model (docs/model.md), one per line, in the batch's order; a file
//! that could not be read is the line `{"file":…,"error":…}` (the message in Chinese).

use super::Batch;

impl Batch {
    /// All models, one JSON object per line (failures as `{"file","error"}`), each line ending
    /// with `\n`.
    pub fn jsonl(&self) -> String {
        let mut out = String::new();
        for e in &self.entries {
            let line = match &e.outcome {
                Ok(r) => serde_json::to_string(r),
                Err((zh, _)) => {
                    serde_json::to_string(&serde_json::json!({"file": e.file, "error": zh}))
                }
            };
            out.push_str(&line.expect("the model serializes"));
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_file_failures_with_their_message() {
        let mut b = Batch::new();
        b.add_report(
            "a.txt",
            crate::analyze(
                "关于2024年度法治政府建设情况的报告\n一、主要举措和成效\n",
                "a.txt",
            ),
        );
        b.add_bytes("b.txt", b"");
        let out = b.jsonl();
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["meta"]["year"], 2024);
        assert_eq!(lines[1]["file"], "b.txt");
        assert!(lines[1]["error"].as_str().unwrap().contains("文件为空"));
    }
}
