//! Read ofd: TODO (issue #4).

use super::{Extracted, zip::Archive};
use crate::Error;

/// Reads a .ofd archive.
pub fn read(_archive: &Archive<'_>) -> Result<Extracted, Error> {
    Err(Error::Unknown("ofd"))
}
