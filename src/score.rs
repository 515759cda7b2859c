//! Score: a transparent 0–100 scorecard (docs/rubric.md) — complete parts, 内容翔实 (figures per
//! 1,000 characters of the measures part), problems with causes, concrete plans, formal elements —
//! each item with its points and the reason, so a reviewer can disagree with one and see why.

use serde::Serialize;

use crate::lints::Input;

/// One line of the scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreItem {
    /// Stable id (`parts`, `substance`, …).
    pub id: String,
    /// Its name for people.
    pub label: String,
    /// Points given.
    pub points: f64,
    /// Points possible.
    pub max: f64,
    /// Why, in Chinese: what was counted and how it maps to points.
    pub why: String,
}

/// The scorecard.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    /// Sum of the items' points, 0–100.
    pub total: f64,
    /// The items, in the rubric's order.
    pub items: Vec<ScoreItem>,
}

/// Scores the report by the rubric.
pub fn score(input: &Input<'_>, findings: &[crate::lints::Finding]) -> Option<Scorecard> {
    let _ = (input, findings);
    None
}
