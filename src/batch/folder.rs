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
        for f in files {
            let name = f.to_string_lossy();
            match std::fs::read(f) {
                Ok(bytes) => {
                    self.add_file(&name, &bytes);
                }
                Err(e) => {
                    let e = crate::Error::Io(e.to_string());
                    self.add_failure(&name, e.message_zh(), e.message_en());
                }
            }
        }
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
}
