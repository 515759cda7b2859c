//! The closing after the last section: the closing phrase (`特此报告`), the signers, the date (落款).

use crate::text::blocks::{Block, Blocks};
use crate::text::dates::{is_date_line, iso_date};

use super::patterns::is_org_line;

/// The closing of a report: `特此报告。`, the signing body and the date.
#[derive(Debug, Clone, Default)]
pub struct Closing {
    /// Index of the first block after the last section (closing phrase or 落款), or blocks.len().
    pub content_end: usize,
    /// Block of the closing phrase.
    pub phrase: Option<usize>,
    /// Blocks of the signing bodies.
    pub signers: Vec<usize>,
    /// Block of the date and its ISO form.
    pub date: Option<(usize, String)>,
}

/// Finds where the sections end: the closing phrase (`特此报告`) and the 落款 after it.
pub fn find_closing(blocks: &Blocks) -> Closing {
    let bs = &blocks.blocks;
    let n = bs.len();
    let mut c = Closing {
        content_end: n,
        ..Closing::default()
    };
    let phrase = bs
        .iter()
        .rposition(|b| {
            let s = &b.norm.text;
            (s.starts_with("特此报告") || s.starts_with("特此汇报")) && s.chars().count() <= 8
        })
        .filter(|&p| !report_follows(&bs[p + 1..]));
    let tail_start = match phrase {
        Some(p) => p + 1,
        // Without a closing phrase, only a date on the last lines marks a 落款.
        None => match bs.iter().rposition(|b| is_date_line(&b.norm.text)) {
            Some(d) if d + 2 >= n => d.saturating_sub(2),
            _ => return c,
        },
    };
    let mut first_tail = None;
    for (i, b) in bs.iter().enumerate().skip(tail_start).take(5) {
        let s = &b.norm.text;
        if let Some(iso) = iso_date(s) {
            c.date = Some((i, iso));
            first_tail.get_or_insert(i);
            break;
        } else if is_org_line(s) {
            c.signers.push(i);
            first_tail.get_or_insert(i);
        } else if phrase.is_none() {
            c.signers.clear();
            first_tail = None;
        }
    }
    c.phrase = phrase;
    c.content_end = phrase.or(first_tail).unwrap_or(n);
    c
}

/// A cover letter (`主送：… 特此报告。 落款`) sent with the report ends in a closing phrase of its
/// own; the report follows it. After the report's own closing come only the 落款, the date and
/// the list of attachments: a paragraph or a heading after the phrase means a report follows.
fn report_follows(after: &[Block]) -> bool {
    after.iter().any(|b| {
        let s = &b.norm.text;
        b.marker.is_some() || (s.contains('。') && !s.starts_with("附件") && b.norm.chars() > 40)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_phrase_followed_by_the_report_belongs_to_a_cover_letter() {
        let letter = crate::text::blocks::split(
            "中共湖州市委、湖州市人民政府：\n现将我局《2024年度法治政府建设工作总结》随文上报。\n特此报告。\n湖州市交通运输局\n2025年1月15日\n2024年度交通运输法治政府建设\n工作总结\n2024年湖州市交通运输局在市委、市政府的坚强领导下，笃学践行习近平法治思想，完善交通法规制度体系。\n一、2024年工作完成情况\n",
        );
        let c = find_closing(&letter);
        assert_eq!(c.phrase, None);
        assert_eq!(c.content_end, letter.blocks.len());
        let report = crate::text::blocks::split(
            "一、主要成效\n全年办理案件。\n特此报告。\n某县人民政府\n2024年1月5日\n附件：1.行政执法统计表\n",
        );
        assert_eq!(find_closing(&report).phrase, Some(2));
    }
}
