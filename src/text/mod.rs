//! Stage 1, text: a text file's bytes → characters ([`decode`]), their matching form
//! ([`normalize`]), lines and paragraphs ([`blocks`]), the heading numbers at a line's start
//! ([`markers`]), Chinese numerals ([`numerals`]) and date lines ([`dates`]). Nothing here knows
//! what a report is.

pub mod blocks;
pub mod dates;
pub mod decode;
pub mod markers;
pub mod normalize;
pub mod numerals;
