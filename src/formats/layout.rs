//! Layout: positioned pieces of text from a page description (PDF, OFD) → lines and paragraphs.
//! TODO (issue #4).
