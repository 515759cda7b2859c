//! Rules on heading numbers: `numbering-*`, `marker-punctuation`, `arabic-comma`, `level-skipped`.

use std::collections::HashMap;

use crate::structure::outline::OutlineHeading;
use crate::text::markers::MarkerStyle;
use crate::text::normalize::is_space;
use crate::text::numerals;

use super::sink::Sink;

/// The marker of a style and number as GB/T 9704 writes it.
fn marker_for(style: MarkerStyle, n: u32) -> String {
    match style {
        MarkerStyle::Part => format!("第{}部分", numerals::chinese(n)),
        MarkerStyle::ChineseComma => format!("{}、", numerals::chinese(n)),
        MarkerStyle::ChineseParen => format!("（{}）", numerals::chinese(n)),
        MarkerStyle::ArabicDot => format!("{n}."),
        MarkerStyle::ArabicComma => format!("{n}、"),
        MarkerStyle::ArabicParen => format!("（{n}）"),
    }
}

/// Sibling groups: headings under the same parent at the same level, in document order.
fn sibling_groups(heads: &[OutlineHeading]) -> Vec<Vec<usize>> {
    let mut groups: HashMap<(Option<usize>, u8), Vec<usize>> = HashMap::new();
    let mut order = Vec::new();
    for (i, h) in heads.iter().enumerate() {
        if h.style == MarkerStyle::Part {
            continue;
        }
        let key = (h.parent, h.level);
        let g = groups.entry(key).or_default();
        if g.is_empty() {
            order.push(key);
        }
        g.push(i);
    }
    order
        .into_iter()
        .filter_map(|k| groups.remove(&k))
        .collect()
}

pub(super) fn numbering(sink: &mut Sink<'_>) {
    let heads = sink.input.heads;
    for g in sibling_groups(heads) {
        // Mixed styles: the style most siblings use is the one meant (seed 004's lone `1、`).
        let mut counts: Vec<(MarkerStyle, usize)> = Vec::new();
        for &i in &g {
            match counts.iter_mut().find(|(s, _)| *s == heads[i].written) {
                Some(c) => c.1 += 1,
                None => counts.push((heads[i].written, 1)),
            }
        }
        let (major, _) = counts
            .iter()
            .copied()
            .max_by_key(|&(s, n)| {
                (
                    n,
                    std::cmp::Reverse(g.iter().position(|&i| heads[i].written == s)),
                )
            })
            .unwrap_or((MarkerStyle::ChineseComma, 0));
        let others: Vec<String> = g
            .iter()
            .filter(|&&i| heads[i].written == major)
            .take(3)
            .map(|&i| marker_text(sink, i))
            .collect();
        let mixed = counts.len() > 1;
        for &i in &g {
            let h = &heads[i];
            if h.written != major {
                let message = format!(
                    "标题编号“{}”与同级标题“{}”的样式不一致",
                    marker_text(sink, i),
                    others.join("")
                );
                sink.push(
                    "numbering-mixed",
                    Some(h.marker.clone()),
                    message,
                    Some(marker_for(major, h.ordinal)),
                );
            }
        }
        // Gaps and repeats, whatever the style (a `1、` standing for 一、 still counts as one).
        let mut prev: Option<u32> = None;
        for &i in &g {
            let h = &heads[i];
            let expected = prev.map_or(1, |p| p + 1);
            let style = major;
            if prev == Some(h.ordinal) {
                let message = format!("标题编号“{}”重复", marker_text(sink, i));
                sink.push(
                    "numbering-repeat",
                    Some(h.marker.clone()),
                    message,
                    Some(marker_for(style, expected)),
                );
            } else if h.ordinal > expected {
                let message = format!(
                    "标题编号不连续：“{}”之前缺少“{}”",
                    marker_text(sink, i),
                    marker_for(style, expected)
                );
                sink.push(
                    "numbering-gap",
                    Some(h.marker.clone()),
                    message,
                    Some(marker_for(style, expected)),
                );
            }
            prev = Some(h.ordinal);
        }
        // `1、` throughout a group: GB/T 9704 writes the third level `1.`; one finding per group.
        if !mixed
            && major == MarkerStyle::ArabicComma
            && heads[g[0]].style == MarkerStyle::ArabicComma
        {
            let h = &heads[g[0]];
            sink.push(
                "arabic-comma",
                Some(h.marker.clone()),
                "阿拉伯数字序号后应用下脚点“1.”，不用顿号“1、”（GB/T 9704）".into(),
                Some(marker_for(MarkerStyle::ArabicDot, h.ordinal)),
            );
        }
    }
    for (i, h) in heads.iter().enumerate() {
        let m = marker_text(sink, i);
        let wrong = match h.written {
            MarkerStyle::ChineseParen | MarkerStyle::ArabicParen => {
                m.ends_with(['、', '.', '．', ',', '，'])
            }
            MarkerStyle::ChineseComma => !m.ends_with('、'),
            _ => false,
        };
        if wrong {
            let fixed = marker_for(h.written, h.ordinal);
            let message = if h.written == MarkerStyle::ChineseComma {
                format!("一级标题序号“{m}”应写作“{fixed}”")
            } else {
                format!("括号序号“{m}”后不再加标点")
            };
            sink.push(
                "marker-punctuation",
                Some(h.marker.clone()),
                message,
                Some(fixed),
            );
        }
    }
}

fn marker_text(sink: &Sink<'_>, i: usize) -> String {
    sink.raw(&sink.input.heads[i].marker)
        .chars()
        .filter(|c| !is_space(*c))
        .collect()
}

pub(super) fn levels(sink: &mut Sink<'_>) {
    let heads = sink.input.heads;
    let uses = |s: MarkerStyle| heads.iter().any(|h| h.style == s);
    // GB/T 9704 lets a two-level document go 一、 → 1.; where （一） is used elsewhere, it is skipped.
    let two_level = !uses(MarkerStyle::ChineseParen);
    let top_rank = heads
        .iter()
        .filter(|h| h.level == 1)
        .map(|h| h.style.rank())
        .min();
    for (i, h) in heads.iter().enumerate() {
        if h.style == MarkerStyle::Part {
            continue;
        }
        match h.parent.map(|p| &heads[p]) {
            Some(p) if p.style != MarkerStyle::Part => {
                let skip = h.style.rank().saturating_sub(p.style.rank());
                let allowed = two_level
                    && p.style == MarkerStyle::ChineseComma
                    && matches!(h.style, MarkerStyle::ArabicDot | MarkerStyle::ArabicComma);
                // One finding per run of such children: the first.
                let first =
                    i == 0 || heads[i - 1].parent != h.parent || heads[i - 1].style != h.style;
                if skip > 1 && !allowed && first {
                    let between = match p.style.rank() {
                        1 => "（一）",
                        2 => "1.",
                        _ => "（1）",
                    };
                    let message = format!(
                        "“{}”直接位于“{}”之下，跳过了“{between}”一级",
                        marker_text(sink, i),
                        marker_text(sink, h.parent.unwrap_or(i)),
                    );
                    sink.push("level-skipped", Some(h.marker.clone()), message, None);
                }
            }
            None if top_rank.is_some_and(|t| h.style.rank() > t) => {
                let first = i == 0 || heads[i - 1].level != 1 || heads[i - 1].style != h.style;
                if first {
                    let message = format!(
                        "“{}”一级的标题之上没有“一、”一级的标题",
                        marker_text(sink, i)
                    );
                    sink.push("level-skipped", Some(h.marker.clone()), message, None);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::review::lints::tests::{CLEAN, clean_with, fired, lint_text};

    #[test]
    fn numbering_gap_and_repeat() {
        let text = clean_with("（三）深化普法宣传", "（四）深化普法宣传");
        assert_eq!(fired("numbering-gap", &text), vec!["（四）"]);
        let text = clean_with("（三）深化普法宣传", "（二）深化普法宣传");
        assert_eq!(fired("numbering-repeat", &text), vec!["（二）"]);
        assert_eq!(fired("numbering-gap", &text), Vec::<String>::new());
    }

    #[test]
    fn numbering_mixed() {
        // Seed 004: `1、` where 一、 belongs, among 二、三、四、.
        let text = clean_with("一、2023年度推进", "1、 2023年度推进");
        assert_eq!(fired("numbering-mixed", &text), vec!["1、"]);
        let f = lint_text(&text);
        let f = f.iter().find(|f| f.rule == "numbering-mixed").unwrap();
        assert_eq!(f.suggestion.as_deref(), Some("一、"));
        // 1. beside 1、 under the same heading.
        let text = clean_with(
            "（一）加强干部学法用法，每季度组织集中学法1次。\n（二）完善重大行政决策程序，落实合法性审查制度。\n",
            "1.加强干部学法用法，每季度组织集中学法1次。\n2.完善重大行政决策程序，落实合法性审查制度。\n3、健全行政执法监督。\n",
        );
        assert_eq!(fired("numbering-mixed", &text), vec!["3、"]);
        // One style throughout: no finding.
        assert_eq!(fired("numbering-mixed", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn marker_punctuation() {
        let text = clean_with("（二）规范行政执法", "（二）、规范行政执法");
        assert_eq!(fired("marker-punctuation", &text), vec!["（二）、"]);
        let text = clean_with("五、其他需要", "五.其他需要");
        assert_eq!(fired("marker-punctuation", &text), vec!["五."]);
        assert_eq!(fired("marker-punctuation", CLEAN), Vec::<String>::new());
    }

    #[test]
    fn arabic_comma() {
        let list = "（一）加强干部学法用法，每季度组织集中学法1次。\n";
        let text = clean_with(
            list,
            &format!("{list}1、组织专题讲座。\n2、开展旁听庭审。\n"),
        );
        assert_eq!(fired("arabic-comma", &text), vec!["1、"]);
        let text = clean_with(list, &format!("{list}1.组织专题讲座。\n2.开展旁听庭审。\n"));
        assert_eq!(fired("arabic-comma", &text), Vec::<String>::new());
    }

    #[test]
    fn level_skipped() {
        // 一、 → （1）: two levels down.
        let text = clean_with("（一）强化组织领导", "（1）强化组织领导");
        assert!(fired("level-skipped", &text).contains(&"（1）".to_string()));
        // 一、 → 1. where the other sections use （一）.
        let text = clean_with(
            "（一）加强干部学法用法，每季度组织集中学法1次。\n（二）完善",
            "1.加强干部学法用法，每季度组织集中学法1次。\n2.完善",
        );
        assert_eq!(fired("level-skipped", &text), vec!["1."]);
        // A two-level document may go 一、 → 1. (GB/T 9704).
        let two = "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n1.强化组织领导。召开专题会议4次。\n2.规范行政执法。\n二、存在的不足和原因\n1.法律素养有待提高。\n";
        assert_eq!(fired("level-skipped", two), Vec::<String>::new());
        // （一） before any 一、.
        let text = clean_with(
            "一、2023年度推进",
            "（一）总体情况\n全镇法治政府建设稳步推进。\n一、2023年度推进",
        );
        assert_eq!(fired("level-skipped", &text), vec!["（一）"]);
    }
}
