//! Zero said in words (`无被申请行政复议案件`, `零投诉`): the cues and the things they count.

use std::ops::Range;

use super::found::{Approx, CLAUSE_DELIMITERS, Found};

/// Negations that state a zero count, with whether the counted thing must follow at once; the
/// subject is what follows the cue (the passive `被` stays in it).
#[rustfmt::skip]
pub const ZERO_CUES: &[(&str, bool, &str)] = &[
    ("无被",       false, "无被申请行政复议案件产生"),
    ("未被",       false, "未被作为被告参与行政诉讼案件"),
    ("未发生过",   false, "今年未发生过吸毒人员肇事肇祸案件"),
    ("未发生",     false, "全镇未发生因部门执法…引起的闹访、群访事件"),
    ("无发生",     false, "全年无发生精神障碍患者肇事肇祸案事件"),
    ("没有发生",   false, "没有发生重大安全事故"),
    ("未出现",     false, "未出现行政败诉案件"),
    ("未有",       false, "2023年度未有制定规范性文件"),
    ("零",         true,  "零投诉, 零上访"),
    ("无",         true,  "无违约, 无上访"),
];

/// The chars every zero cue starts with.
const CUE_STARTS: [char; 4] = ['无', '未', '没', '零'];

/// Things a zero statement counts, with the unit its figure takes; one must follow the cue.
#[rustfmt::skip]
pub const COUNTED: &[(&str, &str)] = &[
    ("规范性文件", "件"),
    ("行政复议",   "件"),
    ("行政诉讼",   "件"),
    ("案事件",     "件"),
    ("案件",       "件"),
    ("事件",       "件"),
    ("事故",       "起"),
    ("投诉",       "件"),
    ("上访",       "次"),
    ("信访",       "次"),
    ("违约",       "件"),
    ("纠纷",       "件"),
];

/// Zero said in words, one per clause, in clauses that state no number.
pub(super) fn zeros(s: &str, numbers: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut start = 0;
    // Whether the clause so far holds a char a cue starts with: only such a clause is read.
    let mut cue = false;
    for (k, c) in s.char_indices().chain(std::iter::once((s.len(), '\n'))) {
        if CUE_STARTS.contains(&c) {
            cue = true;
            continue;
        }
        if !CLAUSE_DELIMITERS.contains(&c) {
            continue;
        }
        let clause = start..k;
        start = k + c.len_utf8();
        if !std::mem::take(&mut cue) {
            continue;
        }
        let first = numbers.partition_point(|f| f.at.end <= clause.start);
        if numbers.get(first).is_some_and(|f| f.at.start < clause.end) {
            continue;
        }
        if let Some(z) = zero_in(s, clause) {
            out.push(z);
        }
    }
    out
}

/// Bytes at the end of a zero cue that belong to the subject (the passive `被`).
fn kept(cue: &str) -> usize {
    if cue.ends_with('被') {
        '被'.len_utf8()
    } else {
        0
    }
}

/// The first zero statement in the clause `r` of `s` (one holding a cue's first char).
fn zero_in(s: &str, r: Range<usize>) -> Option<Found> {
    let clause = &s[r.clone()];
    // Where each counted word last occurs (start, end): one pass per word, so a long clause
    // full of cues stays linear.
    let last: Vec<Option<(usize, usize)>> = COUNTED
        .iter()
        .map(|(w, _)| clause.rfind(w).map(|p| (p, p + w.len())))
        .collect();
    for (i, c) in clause.char_indices() {
        if !CUE_STARTS.contains(&c) {
            continue;
        }
        let rest = &clause[i..];
        let Some((cue, adjacent, _)) = ZERO_CUES
            .iter()
            .filter(|(c, _, _)| rest.starts_with(c))
            .max_by_key(|(c, _, _)| c.len())
        else {
            continue;
        };
        let from = i + cue.len();
        // The counted thing that ends last is the head of the phrase (`…行政诉讼案件` → 案件).
        let head = COUNTED
            .iter()
            .zip(&last)
            .filter_map(|((w, unit), at)| {
                if *adjacent {
                    clause[from..]
                        .starts_with(w)
                        .then_some((from + w.len(), *unit))
                } else {
                    at.filter(|(p, _)| *p >= from).map(|(_, e)| (e, *unit))
                }
            })
            .max_by_key(|(end, _)| *end);
        let Some((end, unit)) = head else {
            continue;
        };
        let at = r.start + i..r.start + end;
        return Some(Found {
            value: 0.0,
            unit,
            approx: Approx::Exact,
            lower: None,
            upper: None,
            subject: Some(r.start + from - kept(cue)..at.end),
            at,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::facts::tests::{none, one};

    use Approx::*;

    #[test]
    fn every_zero_cue_starts_with_a_cue_start() {
        // `zero_in` looks for cues only where one of these chars is.
        for (cue, _, example) in ZERO_CUES {
            assert!(cue.starts_with(CUE_STARTS), "{cue}");
            assert!(example.contains(cue), "{example}");
        }
    }

    #[test]
    fn zero_cues_table() {
        let cases = [
            (
                "2023年，坪山镇政府无被申请行政复议案件产生。",
                "无被申请行政复议案件",
                "被申请行政复议案件",
            ),
            (
                "2023年，坪山镇政府未被作为被告参与行政诉讼案件。",
                "未被作为被告参与行政诉讼案件",
                "被作为被告参与行政诉讼案件",
            ),
            (
                "今年未发生过吸毒人员肇事肇祸案件。",
                "未发生过吸毒人员肇事肇祸案件",
                "吸毒人员肇事肇祸案件",
            ),
            (
                "近年来，全镇未发生因部门执法、集中行动而引起的闹访、群访事件。",
                "未发生因部门执法、集中行动而引起的闹访、群访事件",
                "因部门执法、集中行动而引起的闹访、群访事件",
            ),
            (
                "全镇全年无发生精神障碍患者肇事肇祸案事件;",
                "无发生精神障碍患者肇事肇祸案事件",
                "精神障碍患者肇事肇祸案事件",
            ),
            (
                "全年没有发生重大安全事故。",
                "没有发生重大安全事故",
                "重大安全事故",
            ),
            (
                "全年未出现行政败诉案件。",
                "未出现行政败诉案件",
                "行政败诉案件",
            ),
            (
                "我镇2023年度未有制定规范性文件,",
                "未有制定规范性文件",
                "制定规范性文件",
            ),
            ("实现零投诉。", "零投诉", "投诉"),
            ("一年来无违约现象发生。", "无违约", "违约"),
        ];
        for (line, text, subject) in cases {
            let (t, v, _, a, s) = one(line);
            assert_eq!(
                (t.as_str(), v, a, s.as_str()),
                (text, 0.0, Exact, subject),
                "{line}"
            );
        }
        assert_eq!(ZERO_CUES.len(), cases.len());
        // Rejected: negations that count nothing.
        none("没有相关渠道也未能主动了解学习相关业务知识。");
        none("对守法者无事不扰,建设法治化营商环境");
        none("实现零距离服务群众。");
        none("无论案件大小都依法办理。");
        // A clause with a number states no zero.
        assert_eq!(one("未结案件3件。").0, "3件");
    }

    #[test]
    fn counted_table_sets_the_unit() {
        for (word, unit) in COUNTED {
            let line = format!("全年零{word}。");
            let (_, v, u, _, _) = one(&line);
            assert_eq!((v, u.as_str()), (0.0, *unit), "{line}");
        }
        none("全年零发案。");
    }
}
