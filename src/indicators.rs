//! Indicators: the key figures a reviewer looks for (行政复议, 行政诉讼 and 败诉, 出庭应诉率,
//! 法律顾问, 合法性审查, 规范性文件, 矛盾纠纷 排查/调处/调解成功/成功率, 普法 activities, 学法,
//! 法治讲座, 信访), each found among the figures by a rule table, or "not reported".

use serde::Serialize;

use crate::facts::Figure;
use crate::model::Span;

/// A key indicator and what the report says of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    /// Stable id (`reconsiderationCases`, …).
    pub id: String,
    /// Its name for people (`行政复议案件`).
    pub label: String,
    /// Whether the report quantifies it.
    pub reported: bool,
    /// The value, when reported.
    pub value: Option<f64>,
    /// The unit, when reported.
    pub unit: Option<String>,
    /// Index into `figures` of the figure that reports it.
    pub figure: Option<usize>,
    /// Where the figure is.
    pub span: Option<Span>,
}

/// Looks up every indicator of the rule table among the figures.
pub fn indicators(text: &str, figures: &[Figure]) -> Vec<Indicator> {
    let _ = (text, figures);
    Vec::new()
}
