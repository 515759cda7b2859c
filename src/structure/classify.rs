//! Classify: assigns each top-level section to one of the five mandated parts of the report
//! (《法治政府建设与责任落实督察工作规定》) by cue words in its heading, not by its position.

use crate::structure::outline::OutlineHeading;

/// The five parts the 2019 督察工作规定 asks every annual report to contain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub enum MandatedPart {
    /// 上一年度推进法治政府建设的主要举措和成效.
    Measures,
    /// 上一年度推进法治政府建设存在的不足和原因.
    Shortcomings,
    /// 党政主要负责人履行推进法治建设第一责任人职责情况.
    FirstResponsible,
    /// 下一年度推进法治政府建设的主要安排.
    Plans,
    /// 其他需要报告的情况.
    Other,
}

impl MandatedPart {
    /// All parts in the order the regulation lists them.
    pub const ALL: [MandatedPart; 5] = [
        MandatedPart::Measures,
        MandatedPart::Shortcomings,
        MandatedPart::FirstResponsible,
        MandatedPart::Plans,
        MandatedPart::Other,
    ];

    /// The part's name as the regulation words it.
    pub fn label(self) -> &'static str {
        match self {
            MandatedPart::Measures => "主要举措和成效",
            MandatedPart::Shortcomings => "存在的不足和原因",
            MandatedPart::FirstResponsible => "党政主要负责人履行第一责任人职责情况",
            MandatedPart::Plans => "下一年度主要安排",
            MandatedPart::Other => "其他需要报告的情况",
        }
    }
}

/// Cue words per part, as headings of real reports word them. First-responsible cues are the
/// strongest (such a section often also says 加强法治政府建设); measures is the fallback for
/// topical sections (`一、政治思想引领`).
#[rustfmt::skip]
pub const PART_CUES: &[(MandatedPart, &[&str])] = &[
    (MandatedPart::FirstResponsible, &["第一责任人", "第一责任", "主要负责人履行", "主要负责同志履行", "主要负责人推进法治建设"]),
    (MandatedPart::Shortcomings, &["不足", "差距", "短板", "存在的问题", "存在问题", "主要问题", "困难和问题", "问题和困难",
                                   "存在的困难", "薄弱环节", "原因"]),
    (MandatedPart::Plans, &["下一步", "下步", "下一年", "下年度", "明年", "今后", "打算", "工作安排", "主要安排", "工作计划",
                            "工作思路", "努力方向", "展望", "工作设想"]),
    (MandatedPart::Other, &["其他需要", "其它需要", "其他情况", "其他事项", "其他工作"]),
    (MandatedPart::Measures, &["举措", "成效", "开展情况", "工作情况", "基本情况", "主要做法", "工作成绩", "主要成绩", "亮点",
                               "主要工作", "工作开展", "推进情况", "进展情况", "完成情况"]),
];

/// Why a heading was given a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartCue {
    /// The part.
    pub part: MandatedPart,
    /// The cue word found, or None when measures is the fallback for a topical section.
    pub cue: Option<String>,
}

/// Parts a heading's title speaks of, with the cue that says so; `year` turns `2025年…` into a plan.
pub fn cues(title: &str, year: Option<i32>) -> Vec<PartCue> {
    let mut found: Vec<(usize, PartCue)> = Vec::new();
    for (part, words) in PART_CUES {
        let hit = words
            .iter()
            .filter_map(|w| title.find(w).map(|p| (p, *w)))
            .min();
        if let Some((pos, w)) = hit {
            found.push((
                pos,
                PartCue {
                    part: *part,
                    cue: Some(w.to_string()),
                },
            ));
        }
    }
    // `六、其他` on its own: the catch-all part.
    if (title.starts_with("其他") || title.starts_with("其它"))
        && !found.iter().any(|(_, c)| c.part == MandatedPart::Other)
    {
        {
            found.push((
                0,
                PartCue {
                    part: MandatedPart::Other,
                    cue: Some(title.chars().take(2).collect()),
                },
            ));
        }
    }
    if let Some(y) = year {
        let next = format!("{}年", y + 1);
        if let Some(pos) = title.find(&next)
            && !found.iter().any(|(_, c)| c.part == MandatedPart::Plans)
        {
            found.push((
                pos,
                PartCue {
                    part: MandatedPart::Plans,
                    cue: Some(next),
                },
            ));
        }
    }
    // First-responsible wins outright; otherwise the cue written first leads.
    found.sort_by_key(|(pos, c)| (c.part != MandatedPart::FirstResponsible, *pos));
    let mut out: Vec<PartCue> = found.into_iter().map(|(_, c)| c).collect();
    // Measures cues only lead when nothing else matched ("存在问题及工作成效" is a shortcoming).
    if out.len() > 1 && out[0].part == MandatedPart::Measures {
        let m = out.remove(0);
        out.push(m);
    }
    if out.is_empty() {
        out.push(PartCue {
            part: MandatedPart::Measures,
            cue: None,
        });
    }
    out
}

/// Where a part was found: a heading index and the cue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartCarriers {
    /// The part.
    pub part: MandatedPart,
    /// Headings that carry it (indices into the outline's flat list) with their cue.
    pub carriers: Vec<(usize, Option<String>)>,
}

/// Classifies the top-level sections; returns each heading's parts and the five-part checklist.
pub fn classify(
    heads: &[OutlineHeading],
    year: Option<i32>,
) -> (Vec<Vec<PartCue>>, Vec<PartCarriers>) {
    let per_head: Vec<Vec<PartCue>> = heads
        .iter()
        .map(|h| {
            if h.level == 1 {
                cues(&h.title_norm, year)
            } else {
                Vec::new()
            }
        })
        .collect();
    let mut parts: Vec<PartCarriers> = MandatedPart::ALL
        .iter()
        .map(|&p| PartCarriers {
            part: p,
            carriers: Vec::new(),
        })
        .collect();
    for (i, cs) in per_head.iter().enumerate() {
        for c in cs {
            if let Some(f) = parts.iter_mut().find(|f| f.part == c.part) {
                f.carriers.push((i, c.cue.clone()));
            }
        }
    }
    // The first-responsible part is often nested: `（三）党政主要负责人履行第一责任人职责` under 党的领导.
    let fr = parts
        .iter_mut()
        .find(|f| f.part == MandatedPart::FirstResponsible)
        .expect("all parts");
    if fr.carriers.is_empty() {
        let strong = PART_CUES[0].1;
        for (i, h) in heads.iter().enumerate().filter(|(_, h)| h.level > 1) {
            if let Some(w) = strong.iter().find(|w| h.title_norm.contains(*w)) {
                fr.carriers.push((i, Some(w.to_string())));
            }
        }
    }
    (per_head, parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use MandatedPart::*;

    fn primary(title: &str) -> MandatedPart {
        cues(title, Some(2023))[0].part
    }

    /// Each cue family: real headings it takes, and real headings it must leave alone.
    #[test]
    fn cue_table() {
        let cases = [
            (
                "2023年度磨头镇党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设的有关情况",
                FirstResponsible,
            ),
            (
                "主要领导加强法治政府建设,履行推进法治建设第一责任职责",
                FirstResponsible,
            ),
            ("推进法治政府建设的主要举措和成效", Measures),
            ("2023年法治政府建设工作开展情况", Measures),
            ("突出亮点", Measures),
            ("政治思想引领", Measures),
            ("存在的问题", Shortcomings),
            ("2023年度推进法治政府建设存在的不足和原因", Shortcomings),
            ("2023年法治政府建设工作存在的主要问题", Shortcomings),
            ("下步打算", Plans),
            ("下一步工作计划", Plans),
            ("2024年的法治政府建设工作打算", Plans),
            ("2024年度推进法治政府建设的主要安排", Plans),
            ("其他需要报告的情况", Other),
            ("其他", Other),
            ("存在的困难", Shortcomings),
            ("存在的不足和下一步打算", Shortcomings),
        ];
        for (title, part) in cases {
            assert_eq!(primary(title), part, "{title}");
        }
        // Look-alikes: topical headings that mention a cue-like word.
        assert_eq!(primary("着力解决群众反映强烈的突出问题"), Measures);
        assert_eq!(primary("周密部署安排,压实工作责任"), Measures);
        assert_eq!(primary("加强党对法治建设的领导"), Measures);
    }

    #[test]
    fn a_heading_can_carry_two_parts() {
        let cs = cues("存在的不足和下一步打算", Some(2023));
        let parts: Vec<_> = cs.iter().map(|c| c.part).collect();
        assert_eq!(parts, vec![Shortcomings, Plans]);
    }
}
