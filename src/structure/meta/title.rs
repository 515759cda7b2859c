//! The title: the document's own title line, site chrome glued to it stripped (`TITLE_CHROME`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::structure::meta::recipients::is_recipient_line;
use crate::text::blocks::{Block, Blocks};
use crate::text::normalize::display;

use super::patterns::{YEAR, is_org_line, re};

/// Where the title is: its first and last preamble block, and where it starts in the first and
/// ends in the last (normalized bytes), so chrome or body text glued to it stays out.
pub(super) struct TitleAt {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) start: usize,
    end: usize,
}

impl TitleAt {
    /// The raw span of the part of block `i` that belongs to the title.
    pub(super) fn raw_span_in(&self, preamble: &[Block], i: usize) -> Range<usize> {
        let n = &preamble[i].norm;
        let a = if i == self.first { self.start } else { 0 };
        let b = if i == self.last {
            self.end
        } else {
            n.text.len()
        };
        n.raw_span(a..b)
    }

    /// The raw span of the whole title.
    pub(super) fn raw_span(&self, preamble: &[Block]) -> Range<usize> {
        self.raw_span_in(preamble, self.first).start..self.raw_span_in(preamble, self.last).end
    }
}

/// Site chrome glued to a title (class 1 of issue #9), as it appears in the matching form.
#[rustfmt::skip]
pub const TITLE_CHROME: &[(&str, &str)] = &[
    (r"^[^ 。,]{0,30}?(?:www\.|https?://)[a-zA-Z0-9./_-]+ ?", "site banner with its address before the title (issue #9 class 1)"),
    (r"^【[^】]{1,20}】",                              "column tag before the title: 【法治建设报告】 (class 1)"),
    (r"^[HAN]{1,10}[〔\[(][0-9]{4}[〕\])][0-9]{1,5}号 ?(?:《[^》]{4,80}》)?", "document number (and the title quoted) before the title: 浙卫〔2024〕3号《…》 (class 1, 4)"),
    (r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2} ?",            "list date before the title: 2024-03-28 (class 1)"),
    (r"^\[[^\]]{1,40}\]",                              "bracketed document number before the title: [某政发〔2026〕7号] (class 1)"),
    (r"^-?(?:标题|文章标题|名称|题目) ?: ?",           "field label before the title: -标题: (class 1)"),
    (r" ?\(?[0-9]{4}[-./][0-9]{1,2}[-./][0-9]{1,2}\)?$", "publication date after the title: (2024-02-26) (class 1, 4)"),
    (r" ?\|[ |]*$",                                    "table cell borders after the title: ||| (class 1)"),
];

static CHROME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let any: Vec<&str> = TITLE_CHROME
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| p.starts_with('^'))
        .map(|p| &p[1..])
        .collect();
    re(&format!("^(?:{})+", any.join("|")))
});
static CHROME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let any: Vec<&str> = TITLE_CHROME
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| p.ends_with('$'))
        .map(|p| &p[..p.len() - 1])
        .collect();
    re(&format!("(?:{})+$", any.join("|")))
});

/// Words a title ends with (文种): where a title glued to the body is cut (issue #9 class 4).
const TITLE_ENDS: &[&str] = &["报告", "总结", "汇报"];

/// The title inside a normalized line: chrome stripped, body text glued after it cut off.
fn title_in(n: &crate::text::normalize::Norm) -> Option<Range<usize>> {
    let s = n.text.as_str();
    let a = CHROME_BEFORE.find(s).map_or(0, |m| m.end());
    let b = CHROME_AFTER
        .find(&s[a..])
        .map_or(s.len(), |m| a + m.start());
    let w = &s[a..b];
    if is_title_line(w)
        && ["报告", "情况", "总结", "汇报"]
            .iter()
            .any(|e| w.ends_with(e))
    {
        return Some(a..b);
    }
    // A flattened page glues the body to the title (`…情况的报告 2021年,在区委…`): cut after the
    // last title word before the first sentence stop, where the page had a space or a year begins.
    let stop = w.find([',', '。', ';', ':', '!', '?']).unwrap_or(w.len());
    let head = &w[..stop];
    for (at, word) in TITLE_ENDS
        .iter()
        .flat_map(|t| head.match_indices(t))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
    {
        let end = at + word.len();
        let t = &head[..end];
        let rest = &w[end..];
        let spaced = n.raw_span(a + end - 1..a + end).end < n.raw_span(a + end..a + end + 1).start;
        let year_next = YEAR.find(rest).is_some_and(|m| m.start() == 0);
        // `…工作报告(潭县自然资字〔2025〕79号)…`: a document number after the title.
        let number_next = rest.starts_with(['(', '[', '〔']) && rest.contains('号');
        if end < w.len()
            && (spaced || year_next || number_next)
            && is_title_line(t)
            && t.matches('《').count() == t.matches('》').count()
        {
            return Some(a..a + end);
        }
    }
    (is_title_line(w) && w.len() == s.len() - a).then_some(a..b)
}

/// A paragraph of report text (not a title, an issuer line or chrome).
fn is_body(s: &str) -> bool {
    s.contains('。') || s.chars().count() > 80
}

/// The document's title: of the title lines before the first paragraph, the last (a page shows
/// its own title, then chrome, then the document with its title); a cover letter before the
/// report is passed over. One line, or two when a page or PDF broke it.
pub(super) fn find_title(preamble: &[Block]) -> Option<TitleAt> {
    let mut found: Option<TitleAt> = None;
    let mut i = 0;
    while i < preamble.len() {
        let b = &preamble[i];
        let s = &b.norm.text;
        if let Some(r) = title_in(&b.norm) {
            let glued = r.end < s.len() && is_body(&s[r.end..]);
            found = Some(TitleAt {
                first: i,
                last: i,
                start: r.start,
                end: r.end,
            });
            if glued {
                break;
            }
            i += 1;
            continue;
        }
        if let Some(next) = preamble
            .get(i + 1)
            .filter(|n| two_line_title(s, &n.norm.text))
        {
            found = Some(TitleAt {
                first: i,
                last: i + 1,
                start: 0,
                end: next.norm.text.len(),
            });
            i += 2;
            continue;
        }
        if found.is_some() && (is_body(s) || is_recipient_line(s)) {
            break;
        }
        i += 1;
    }
    found
}

/// Two short lines that make one title (`…关于2023年度法治政府` / `建设情况的报告`).
fn two_line_title(s: &str, n: &str) -> bool {
    let short = |t: &str| !t.contains(['。', ',', ';', ':']) && t.chars().count() <= 40;
    let ends = ["报告", "情况", "总结"].iter().any(|w| n.ends_with(w));
    let head = !is_org_line(s) && !s.ends_with("报告") && !is_title_line(n);
    short(s) && short(n) && ends && head && is_title_line(&format!("{s}{n}"))
}

/// A title given only in the page's metadata (`标题: …`), when the body does not repeat it.
pub(super) fn title_in_page_field(text: &str, blocks: &Blocks) -> Option<(String, Range<usize>)> {
    static FIELD: LazyLock<Regex> =
        LazyLock::new(|| re(r"^[-\[【]? ?(?:标题|文章标题|名称|题目) ?[\]】]? ?: ?\|? ?"));
    blocks.lines.iter().take(40).find_map(|l| {
        let s = &l.norm.text;
        let m = FIELD.find(s)?;
        let rest = &s[m.end()..];
        let end = m.end() + rest.find(" |").unwrap_or(rest.len());
        let t = s[m.end()..end].trim_end_matches([' ', '|']);
        if !is_title_line(t) {
            return None;
        }
        let span = l.norm.raw_span(m.end()..m.end() + t.len());
        Some((display(&text[span.clone()]), span))
    })
}

fn is_title_line(s: &str) -> bool {
    let n = s.chars().count();
    // The title's own 文种 counts, not one inside a cited title (`审议《…情况报告》`).
    let mut own = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth = depth.saturating_sub(1),
            _ if depth == 0 => own.push(c),
            _ => {}
        }
    }
    (6..=80).contains(&n)
        && !s.contains(['。', ',', ';'])
        && !s.starts_with("现将")
        // A news headline about a report is not its title (`应急管理部发布2023年…年度报告`).
        && !["发布", "印发", "公布", "召开", "审议"].iter().any(|w| own.contains(w))
        && (["报告", "情况", "总结", "汇报"]
            .iter()
            .any(|w| own.ends_with(w))
            || own.contains("报告"))
        && ["法治", "依法行政", "法制", "依法治"]
            .iter()
            .any(|w| s.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::Fold;

    fn norm(s: &str) -> crate::text::normalize::Norm {
        crate::text::normalize::Norm::new(s, 0, Fold::Matching)
    }

    fn title_of(line: &str) -> Option<String> {
        let n = norm(line);
        title_in(&n).map(|r| n.text[r].to_string())
    }

    #[test]
    fn each_title_chrome_rule_strips_a_real_line() {
        // (line, title) per TITLE_CHROME row, in the table's order.
        let real = [
            (
                "【法治建设报告】某县2025年法治政府建设情况报告",
                "某县2025年法治政府建设情况报告",
            ),
            (
                "秘书之家—全网资源每日更新www.mishuzj.com湖北省人民政府关于2023年度法治政府建设情况的报告",
                "湖北省人民政府关于2023年度法治政府建设情况的报告",
            ),
            (
                "浙卫〔2024〕3号《浙江省卫生健康委关于2023年度法治政府建设情况的报告》浙江省卫生健康委关于2023年度法治政府建设情况的报告",
                "浙江省卫生健康委关于2023年度法治政府建设情况的报告",
            ),
            (
                "2024-03-28 静海区2023年度法治政府建设情况报告",
                "静海区2023年度法治政府建设情况报告",
            ),
            (
                "[某政发〔2026〕7号]某县人民政府关于2025年度法治政府建设情况的报告",
                "某县人民政府关于2025年度法治政府建设情况的报告",
            ),
            (
                "-标题: 某县2025年法治政府建设年度报告",
                "某县2025年法治政府建设年度报告",
            ),
            (
                "上海市司法局2023年法治政府建设情况报告 (2024-02-26)",
                "上海市司法局2023年法治政府建设情况报告",
            ),
            (
                "临沂市生态环境局兰山分局2021年度法治政府建设情况报告 | ||||||",
                "临沂市生态环境局兰山分局2021年度法治政府建设情况报告",
            ),
        ];
        assert_eq!(real.len(), TITLE_CHROME.len());
        for (line, title) in real {
            assert_eq!(title_of(line).as_deref(), Some(title), "{line}");
        }
        // Look-alikes: a bracket inside the title, a date inside it, a sentence.
        assert_eq!(
            title_of("关于《法治政府建设实施纲要（2021-2025年）》落实情况的报告").as_deref(),
            Some("关于《法治政府建设实施纲要(2021-2025年)》落实情况的报告")
        );
        assert_eq!(title_of("2023年12月召开法治政府建设推进会,听取报告"), None);
    }

    #[test]
    fn a_title_glued_to_the_body_is_cut_where_the_page_had_a_space() {
        assert_eq!(
            title_of("临沂市生态环境局兰山分局关于2021年度法治政府建设情况的报告 2021年,在区委、区政府的正确领导下").as_deref(),
            Some("临沂市生态环境局兰山分局关于2021年度法治政府建设情况的报告")
        );
        // A sentence that names a report is not a title glued to a body.
        assert_eq!(
            title_of("2023年法治政府建设工作总结如下:一是加强领导"),
            None
        );
        assert_eq!(
            title_of("区政府常务会议审议《静海区2022年度法治政府建设情况报告》 并研究部署"),
            None
        );
    }

    #[test]
    fn a_news_headline_about_a_report_is_not_its_title() {
        assert!(!is_title_line("应急管理部发布2023年法治政府建设年度报告"));
        assert!(is_title_line("应急管理部2023年法治政府建设年度报告"));
    }
}
