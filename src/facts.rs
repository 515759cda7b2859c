//! Facts: every quantity the report states — counts with their unit (件, 次, 人次, 万元…),
//! percentages, Chinese numerals, approximations (`余`, `超过`), ranges, zero said in words
//! (`无被申请行政复议案件`) — each with the subject it counts and a span. Not figures: years,
//! dates, ordinals, plan ranges (`2021-2025年`), document numbers (`〔2023〕5号`), `八五普法`.

use std::ops::Range;

use serde::Serialize;

use crate::blocks::Blocks;
use crate::model::Span;

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

/// A quantity stated in the report.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Figure {
    /// The number (for a range, its lower end; 0 for zero said in words).
    pub value: f64,
    /// The unit as written (`件`, `次`, `人次`, `%`, `万元`…).
    pub unit: String,
    /// How exact it is.
    pub approx: Approx,
    /// Lower bound, where one is known.
    pub lower: Option<f64>,
    /// Upper bound, where one is known.
    pub upper: Option<f64>,
    /// What it counts: the phrase before it in its clause (`调解成功`, `法律咨询服务`).
    pub subject: String,
    /// The figure as written (`2万多份`, `95.45%`, `无被申请行政复议案件`).
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Byte range in the analyzed text (the model turns it into `span`).
    #[serde(skip)]
    pub range: Range<usize>,
}

/// Finds the figures of the report's text blocks, in document order.
pub fn figures(text: &str, blocks: &Blocks) -> Vec<Figure> {
    let _ = (text, blocks);
    Vec::new()
}
