//! The errors of a damaged Word file, shared by every part of the .doc reader.

use crate::error::Error;

/// A Word file whose structure is broken, in both languages.
pub(super) fn broken(zh: &str, en: &str) -> Error {
    Error::Broken(format!("Word 文档{zh}"), format!("Word document: {en}"))
}

/// Text that lies past the end of the `WordDocument` stream.
pub(super) fn truncated() -> Error {
    broken(
        "的正文超出 WordDocument 流（文件被截断）",
        "the text lies past the end of WordDocument (truncated?)",
    )
}
