//! The one type every stage shares: where something is in the analyzed text. It sits below every
//! module (it imports none), so the passes that produce spans and the model that holds them do
//! not import each other.

use serde::Serialize;

/// A `[start, end)` pair of UTF-16 code unit offsets into the analyzed text (`Report::text`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Span(pub u32, pub u32);
