//! The 主送 line: the bodies a report is addressed to.

use std::sync::LazyLock;

use regex::Regex;

use crate::structure::meta::issuers::NOT_IN_NAMES;

use super::patterns::re;

/// Endings of the bodies a report is addressed to (`中共博爱县委`, `县政府`, `生态环境部`; issue #9
/// class 9: a recipient is a body, never a page's `分享`).
const RECIPIENT_ENDS: &[&str] = &[
    "委",
    "政府",
    "部",
    "厅",
    "局",
    "办公室",
    "委员会",
    "办",
    "党工委",
    "管委会",
    "常委会",
    "组",
    "院",
    "署",
    "中心",
    "领导",
    "同志",
];

/// A 主送 line: bodies separated by `、` or `，`, ending in a colon — never a page's `分享：`.
pub(super) fn is_recipient_line(s: &str) -> bool {
    static NAME: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:中共)?[HAN()]{2,40}$"));
    let Some(body) = s.strip_suffix(':') else {
        return false;
    };
    (3..=60).contains(&s.chars().count())
        && !["如下", "报告", "现将", "情况"]
            .iter()
            .any(|w| s.contains(w))
        && body.split(['、', ',']).all(|p| {
            NAME.is_match(p)
                && RECIPIENT_ENDS.iter().any(|e| p.ends_with(e))
                && !NOT_IN_NAMES.iter().any(|w| p.contains(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipient_lines_name_bodies() {
        for line in [
            "生态环境部:",
            "中共湖州市委、湖州市人民政府:",
            "县委、县政府:",
            "汉中市南郑区依法治区委员会办公室:",
            "慈溪市委,市政府:",
        ] {
            assert!(is_recipient_line(line), "{line}");
        }
        for line in [
            "分享:",
            "打印:",
            "现将有关情况报告如下:",
            "主要做法:",
            "各位领导:",
        ] {
            assert!(!is_recipient_line(line), "{line}");
        }
    }
}
