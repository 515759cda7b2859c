//! Citations: the documents a report cites by title (`《…》`, nested `〈〉`), their kind (law,
//! regulation, party rule, plan, local document), and near misses of the field's well-known titles
//! (`《法治中国建设规（2020-2025年）》` lost the 划 of 规划).

use std::ops::Range;

use serde::Serialize;

use crate::blocks::Blocks;
use crate::model::Span;

/// What kind of document a title names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum CitationKind {
    /// A law (`…法`).
    Law,
    /// An administrative or local regulation (`…条例`, `…规定`, `…办法`).
    Regulation,
    /// A party rule (`中国共产党…`, `党政主要负责人…规定`).
    PartyRule,
    /// A plan or outline (`…纲要`, `…规划`, `…方案`).
    Plan,
    /// A local document (`…通知`, `…意见`, `…实施方案` of a place).
    LocalDocument,
    /// Anything else (a book, a newspaper, an event).
    Other,
}

/// A document cited by title.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Citation {
    /// The title inside the 书名号, as written.
    pub title: String,
    /// What kind of document it is.
    pub kind: CitationKind,
    /// The well-known title it is, when it is one of the field's (exactly or nearly).
    pub known: Option<String>,
    /// Whether it differs from the well-known title it nearly is (a typo to fix).
    pub near_miss: bool,
    /// Where it is, 书名号 included.
    pub span: Span,
    /// Byte range in the analyzed text.
    #[serde(skip)]
    pub range: Range<usize>,
}

/// Finds the cited titles of the report, in document order.
pub fn citations(text: &str, blocks: &Blocks) -> Vec<Citation> {
    let _ = (text, blocks);
    Vec::new()
}
