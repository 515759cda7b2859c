//! The files a batch is given (pass: before decode): a path list with folders expanded, in path
//! order — the CLI's `fazhi batch DIR` and Python's `fazhi.batch([DIR])` read the same files.

use std::path::{Path, PathBuf};

/// A path given to a batch that names no file to read.
#[derive(Debug, Clone, PartialEq)]
pub struct BadPath {
    /// The path as given.
    pub path: PathBuf,
    /// Why, in Chinese.
    pub zh: &'static str,
    /// Why, in English.
    pub en: &'static str,
}

/// Every file the paths name: a file as itself, a folder as the files under it ([`walk`]).
/// Errors name each path that does not exist or is a folder with no files, before any file is
/// read.
pub fn expand<P: AsRef<Path>>(paths: &[P]) -> Result<Vec<PathBuf>, Vec<BadPath>> {
    let mut files = Vec::new();
    let mut bad = Vec::new();
    for p in paths {
        let path = p.as_ref();
        let problem = |zh, en| BadPath {
            path: path.to_path_buf(),
            zh,
            en,
        };
        if !path.exists() {
            bad.push(problem("找不到该文件或文件夹", "no such file or folder"));
        } else if path.is_dir() {
            let before = files.len();
            walk(path, &mut files);
            if files.len() == before {
                bad.push(problem("文件夹中没有文件", "the folder holds no files"));
            }
        } else {
            files.push(path.to_path_buf());
        }
    }
    if bad.is_empty() { Ok(files) } else { Err(bad) }
}

impl super::Batch {
    /// Reads and adds every file (a .zip archive as its entries); a file that cannot be read is
    /// kept as a failure with its message.
    pub fn add_paths(&mut self, files: &[PathBuf]) {
        // Read and analyzed on every core, added in the order given.
        let read = super::cores::map_on_cores(files, |f| {
            let name = f.to_string_lossy();
            match std::fs::read(f) {
                Ok(bytes) => super::archive::entries_of(&name, &bytes),
                Err(e) => vec![super::Entry::new(
                    &name,
                    Err(crate::Error::Io(e.to_string())),
                )],
            }
        });
        self.entries.extend(read.into_iter().flatten());
    }
}

/// The files under a folder, recursively, in path order; hidden files and folders (a name
/// starting with `.`) skipped, symbolic links to folders not followed.
pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut items: Vec<(PathBuf, bool)> = entries
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| {
            let t = e.file_type().ok()?;
            let path = e.path();
            if t.is_dir() {
                Some((path, true))
            } else if t.is_symlink() && path.is_dir() {
                None
            } else {
                Some((path, false))
            }
        })
        .collect();
    items.sort();
    for (path, is_dir) in items {
        if is_dir {
            walk(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_expands_to_its_files_in_path_order_and_a_missing_path_is_named() {
        let dir = std::env::temp_dir().join(format!("fazhi-folder-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("乙镇")).unwrap();
        std::fs::create_dir_all(dir.join("空")).unwrap();
        std::fs::write(dir.join("乙镇/2023.txt"), "x").unwrap();
        std::fs::write(dir.join("甲镇.txt"), "x").unwrap();
        std::fs::write(dir.join(".隐藏.txt"), "x").unwrap();
        let files = expand(&[&dir]).unwrap();
        let names: Vec<_> = files
            .iter()
            .map(|f| f.strip_prefix(&dir).unwrap().to_path_buf())
            .collect();
        assert_eq!(
            names,
            [PathBuf::from("乙镇/2023.txt"), PathBuf::from("甲镇.txt")]
        );
        let bad = expand(&[dir.join("无此文件.docx"), dir.join("空")]).unwrap_err();
        assert_eq!(bad.len(), 2);
        assert_eq!(bad[0].en, "no such file or folder");
        assert_eq!(bad[1].zh, "文件夹中没有文件");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn files_read_on_every_core_come_in_the_order_given_as_one_by_one() {
        let dir = std::env::temp_dir().join(format!("fazhi-cores-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Of different lengths (the long ones finish last), one missing, one not a report.
        let mut files = Vec::new();
        for i in 0..40 {
            let f = dir.join(format!("{i:02}镇.txt"));
            let body = "全年办理行政复议案件12件。\n".repeat(1 + (40 - i) * 20);
            std::fs::write(
                &f,
                format!(
                    "第{i}镇人民政府关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n{body}"
                ),
            )
            .unwrap();
            files.push(f);
        }
        files.insert(7, dir.join("不存在.txt"));
        std::fs::write(dir.join("空.txt"), "").unwrap();
        files.insert(20, dir.join("空.txt"));
        let mut on_cores = crate::batch::Batch::new();
        on_cores.add_paths(&files);
        let mut one_by_one = crate::batch::Batch::new();
        for f in &files {
            match std::fs::read(f) {
                Ok(b) => {
                    one_by_one.add_file(&f.to_string_lossy(), &b);
                }
                Err(e) => {
                    let e = crate::Error::Io(e.to_string());
                    one_by_one.add_failure(&f.to_string_lossy(), e.message_zh(), e.message_en());
                }
            }
        }
        let json = |b: &crate::batch::Batch| {
            let entries: Vec<_> = b
                .entries
                .iter()
                .map(|e| (&e.file, e.outcome.as_ref().map_err(|m| m.clone())))
                .collect();
            serde_json::to_string(&entries).unwrap()
        };
        assert_eq!(on_cores.entries.len(), 42);
        assert!(on_cores.entries[7].outcome.is_err() && on_cores.entries[20].outcome.is_err());
        assert_eq!(json(&on_cores), json(&one_by_one));
        let bytes: Vec<(String, Vec<u8>)> = files
            .iter()
            .filter_map(|f| Some((f.to_string_lossy().into_owned(), std::fs::read(f).ok()?)))
            .collect();
        let mut from_bytes = crate::batch::Batch::new();
        from_bytes.add_files(&bytes);
        assert_eq!(from_bytes.entries.len(), 41);
        assert_eq!(from_bytes.entries[39].file, on_cores.entries[40].file);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
