//! What every lint rule writes to and looks at: the [`Sink`] of findings, the lines that are the
//! web page's rather than the report's, and where the preamble ends.

use std::ops::Range;

use super::rules::{Finding, Input, RULES, Severity, rule_index, severity_of};
use crate::text::blocks::LineKind;

/// What of the text is the page's, not the report's.
pub(super) struct Page {
    /// Per line: chrome (a noise line, or page metadata before the first heading).
    pub(super) off: Vec<bool>,
    /// Raw ranges of those lines, sorted by start: no finding may point into them.
    pub(super) off_ranges: Vec<Range<usize>>,
    /// Per range of `off_ranges`, the furthest end up to it (for [`Page::is_chrome`]).
    furthest: Vec<usize>,
    /// Whether the text was saved from a web page: chrome lines, or a title line shown twice
    /// before the first heading (the page's title, then the document's).
    pub(super) web: bool,
}

/// The block index of the first heading: what comes before it is the preamble (title, 主送,
/// lead-in, and on a web copy the page's header); without headings, the first three blocks.
pub(super) fn first_heading_block(input: &Input<'_>) -> usize {
    let n = input.blocks.blocks.len();
    input.heads.first().map_or(n.min(3), |h| h.block.min(n))
}

/// Whether a normalized block is a title-like line: no sentence in it ends.
pub(super) fn is_title_like(s: &str) -> bool {
    !s.contains(['。', '!', '?', ';']) && !s.ends_with(':')
}

/// Which lines and ranges of the text are the page's.
pub(super) fn page(input: &Input<'_>) -> Page {
    let lines = &input.blocks.lines;
    let off: Vec<bool> = lines
        .iter()
        .map(|l| matches!(l.kind, LineKind::Noise(_)))
        .collect();
    let bs = &input.blocks.blocks;
    let preamble = &bs[..first_heading_block(input)];
    let title_twice = preamble.iter().enumerate().any(|(k, b)| {
        is_title_like(&b.norm.text) && preamble[..k].iter().any(|p| p.norm.text == b.norm.text)
    });
    let mut off_ranges: Vec<Range<usize>> = lines
        .iter()
        .zip(&off)
        .filter(|(_, o)| **o)
        .map(|(l, _)| l.span.clone())
        .collect();
    // Chrome glued to the title line (`…情况报告 (2024-02-26)`) is the page's too.
    if let Some(t) = &input.meta.title_span {
        for l in lines
            .iter()
            .filter(|l| l.span.start < t.end && t.start < l.span.end)
        {
            off_ranges.push(l.span.start..t.start.max(l.span.start));
            off_ranges.push(t.end.min(l.span.end)..l.span.end);
        }
        off_ranges.retain(|r| !r.is_empty());
        off_ranges.sort_by_key(|r| r.start);
    }
    let furthest = off_ranges
        .iter()
        .scan(0, |m, o| {
            *m = o.end.max(*m);
            Some(*m)
        })
        .collect();
    Page {
        web: title_twice || off.iter().any(|o| *o),
        off,
        off_ranges,
        furthest,
    }
}

impl Page {
    /// Whether `r` points into page chrome: overlaps one of `off_ranges` (an empty `r` counts as
    /// its first char).
    pub(super) fn is_chrome(&self, r: &Range<usize>) -> bool {
        // The ranges starting before `r`'s end are a prefix, and one of them overlaps `r` iff the
        // furthest end among them passes its start (a binary search per finding: a long page has
        // thousands of chrome lines and of findings).
        let before = self
            .off_ranges
            .partition_point(|o| o.start < r.end.max(r.start + 1));
        before > 0 && self.furthest[before - 1] > r.start
    }
}

/// Where the rules put their findings, with what they all look at.
pub(super) struct Sink<'a> {
    pub(super) input: &'a Input<'a>,
    pub(super) page: Page,
    pub(super) out: Vec<Finding>,
    /// Per rule (its index in the table), the findings it made on the report, listed or not.
    pub(super) made: Vec<usize>,
}

/// A rule lists at most this many findings; the rest are counted in one finding that says how
/// many more there are. A real report has a handful of each (the corpus: at most 3); a text of
/// 100 000 repeated headings or sentences would otherwise hold and send 100 000 findings (#20).
pub(super) const FINDINGS_PER_RULE_MAX: usize = 100;

impl<'a> Sink<'a> {
    /// An empty sink for `input`.
    pub(super) fn new(input: &'a Input<'a>) -> Sink<'a> {
        Sink {
            input,
            page: page(input),
            out: Vec::new(),
            made: vec![0; RULES.len() + 1],
        }
    }

    /// The findings, with one per rule over [`FINDINGS_PER_RULE_MAX`] counting the rest.
    pub(super) fn finish(mut self) -> Vec<Finding> {
        for (k, &n) in self.made.iter().enumerate() {
            if let Some(&(rule, severity, _)) = RULES.get(k)
                && n > FINDINGS_PER_RULE_MAX
            {
                self.out.push(Finding {
                    rule: rule.to_string(),
                    severity,
                    message: format!(
                        "同类问题另有 {} 处，未逐条列出（每类最多列出 {FINDINGS_PER_RULE_MAX} 处）",
                        n - FINDINGS_PER_RULE_MAX
                    ),
                    span: None,
                    suggestion: None,
                    range: None,
                });
            }
        }
        self.out
    }

    /// A finding of `rule`, at the table's severity.
    pub(super) fn push(
        &mut self,
        rule: &str,
        range: Option<Range<usize>>,
        message: String,
        suggestion: Option<String>,
    ) {
        let severity = severity_of(rule);
        self.push_as(rule, severity, range, message, suggestion);
    }

    /// A finding of `rule` at another severity (a softer one on a web copy).
    pub(super) fn push_as(
        &mut self,
        rule: &str,
        severity: Severity,
        range: Option<Range<usize>>,
        message: String,
        suggestion: Option<String>,
    ) {
        // The guarantee: page chrome is no part of the report, so nothing is found in it,
        // whatever a rule looked at.
        if range.as_ref().is_some_and(|r| self.page.is_chrome(r)) {
            return;
        }
        let made = &mut self.made[rule_index(rule)];
        *made += 1;
        if *made > FINDINGS_PER_RULE_MAX {
            return;
        }
        self.out.push(Finding {
            rule: rule.to_string(),
            severity,
            message,
            span: None,
            suggestion,
            range,
        });
    }

    /// The raw text of a range, for messages.
    pub(super) fn raw(&self, r: &Range<usize>) -> &str {
        self.input.text.get(r.clone()).unwrap_or("")
    }
}
