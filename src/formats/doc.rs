//! Read doc: TODO (issue #4).

use super::Extracted;
use crate::Error;

/// Reads a doc file.
pub fn read(_bytes: &[u8]) -> Result<Extracted, Error> {
    Err(Error::Unknown("doc"))
}
