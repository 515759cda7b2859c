//! Read html: TODO (issue #4).

use super::Extracted;
use crate::Error;

/// Reads a html file.
pub fn read(_bytes: &[u8]) -> Result<Extracted, Error> {
    Err(Error::Unknown("html"))
}

/// Whether the bytes start like a web page (after a BOM and white space).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let _ = bytes;
    false
}
