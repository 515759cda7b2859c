//! What the figure scanners share: a figure found in a normalized paragraph ([`Found`]), how
//! exact it is ([`Approx`]), and where a clause ends.

use std::ops::Range;

use serde::Serialize;

/// How exact a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Approx {
    /// Stated exactly (`42件`).
    Exact,
    /// At least the value (`30余次`, `超过20场次`, `2万多份`, `以上`, `不少于`).
    AtLeast,
    /// At most the value (`不超过`, `以内`).
    AtMost,
    /// About the value (`约`, `近`, `左右`).
    About,
    /// A range (`2-3名`): `lower` and `upper` are set.
    Range,
}

/// Where a clause ends for the subject of a figure (normalized text: `，` is `,`).
pub(super) const SUBJECT_DELIMITERS: &[char] = &[',', '。', ';', ':', '、', '!', '?', '\n'];

/// Where a clause ends for zero said in words (a list with `、` stays one clause).
pub(super) const CLAUSE_DELIMITERS: &[char] = &[',', '。', ';', ':', '!', '?', '\n'];

/// A figure found in one normalized paragraph, all ranges in normalized bytes.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Found {
    pub(super) value: f64,
    pub(super) unit: &'static str,
    pub(super) approx: Approx,
    pub(super) lower: Option<f64>,
    pub(super) upper: Option<f64>,
    pub(super) at: Range<usize>,
    pub(super) subject: Option<Range<usize>>,
}
