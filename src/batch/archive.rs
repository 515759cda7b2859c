//! Files as people send them: a `.zip` of reports is opened and each of its entries added as a
//! file of its own (`报告.zip/各镇/甲镇.docx`), within the zip reader's limits.

use super::{Batch, Entry};

impl Batch {
    /// Adds a file: a zip of reports (not a .docx, .ofd, .xlsx… — those are zips too) adds each
    /// of its entries, named `file/inner/path`, in name order (the entries
    /// [`crate::formats::archive_entries`] lists, as the page's worker does); anything else is
    /// read as one report. Returns the entries added.
    pub fn add_file(&mut self, file: &str, bytes: &[u8]) -> &[Entry] {
        let from = self.entries.len();
        self.entries.extend(entries_of(file, bytes));
        &self.entries[from..]
    }

    /// Adds files as [`Batch::add_file`] does, in the order given, reading and analyzing them
    /// on every core of the machine ([`super::cores::map_on_cores`]).
    pub fn add_files<B: AsRef<[u8]> + Sync>(&mut self, files: &[(String, B)]) {
        let read =
            super::cores::map_on_cores(files, |(file, bytes)| entries_of(file, bytes.as_ref()));
        self.entries.extend(read.into_iter().flatten());
    }
}

/// The entries a file adds ([`Batch::add_file`]).
pub(super) fn entries_of(file: &str, bytes: &[u8]) -> Vec<Entry> {
    #[cfg(feature = "readers")]
    if let Some(entries) = crate::formats::archive_entries(bytes) {
        if entries.is_empty() {
            let e = crate::error::Error::Broken(
                "压缩包中没有文件".into(),
                "the zip archive holds no files".into(),
            );
            return vec![Entry::new(file, Err(e))];
        }
        return entries
            .into_iter()
            .map(|(name, read)| {
                let path = format!("{file}/{name}");
                let outcome = read.and_then(|b| crate::analyze_bytes(&b, &path));
                Entry::new(&path, outcome)
            })
            .collect();
    }
    vec![Entry::new(file, crate::analyze_bytes(bytes, file))]
}

#[cfg(all(test, feature = "readers"))]
mod tests {
    use super::*;
    use crate::formats::zip::tests::make_zip;

    const REPORT: &str = "甲镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n全年办理行政复议案件12件。\n";

    #[test]
    fn a_zip_of_reports_adds_each_entry_in_name_order() {
        let z = make_zip(&[
            (
                "各镇/乙镇.txt",
                REPORT.replace("甲镇", "乙镇").as_bytes(),
                true,
            ),
            ("各镇/", b"", false),
            ("__MACOSX/各镇/._乙镇.txt", b"\0\x05\x16\x07", false),
            (".DS_Store", b"\0\0\0\x01Bud1", false),
            ("各镇/甲镇.txt", REPORT.as_bytes(), false),
            ("empty.txt", b"", false),
        ]);
        let mut b = Batch::new();
        let files: Vec<&str> = b
            .add_file("报告.zip", &z)
            .iter()
            .map(|e| e.file.as_str())
            .collect();
        assert_eq!(
            files,
            [
                "报告.zip/empty.txt",
                "报告.zip/各镇/乙镇.txt",
                "报告.zip/各镇/甲镇.txt"
            ]
        );
        assert!(b.entries[0].outcome.is_err());
        let r = b.report(2).unwrap();
        assert_eq!(r.meta.issuers[0], "甲镇人民政府");
        assert_eq!(r.source.name, "报告.zip/各镇/甲镇.txt");
    }

    #[test]
    fn a_document_is_not_opened_and_a_broken_or_empty_zip_is_one_failure() {
        let mut b = Batch::new();
        assert_eq!(b.add_file("a.txt", REPORT.as_bytes()).len(), 1);
        let z = make_zip(&[("x.txt", REPORT.as_bytes(), false)]);
        let cut = &z[..z.len() - 10];
        let added = b.add_file("cut.zip", cut);
        assert_eq!(added.len(), 1);
        assert!(added[0].outcome.as_ref().unwrap_err().0.contains("压缩包"));
        let only_folders = make_zip(&[("空/", b"", false)]);
        let added = b.add_file("空.zip", &only_folders);
        assert_eq!(
            added[0].outcome.as_ref().unwrap_err().0,
            "文件已损坏：压缩包中没有文件"
        );
    }
}
