//! The level of the issuing body: from its name, or from the report's word for itself (`我镇`).

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::re;
use crate::structure::divisions::OrgLevel;

/// The level a report's word for itself gives (`我镇` town, `我县` county, `我局` department).
pub(super) fn self_reference_level(s: &str) -> Option<OrgLevel> {
    static SELF: LazyLock<Regex> =
        LazyLock::new(|| re(r"(?:我|本)(镇|乡|街道|区|县|旗|市|局|厅|委|办|部)"));
    let unit = SELF.captures(s)?.get(1)?.as_str();
    Some(match unit {
        "镇" | "乡" | "街道" => OrgLevel::Town,
        "区" | "县" | "旗" => OrgLevel::County,
        "市" => OrgLevel::City,
        _ => OrgLevel::Department,
    })
}

/// Level of a body from its name: its place's level from the table of divisions (宜兴市 county,
/// 北京市 province), a department's name is a department (see `divisions::level_of_body`).
pub fn org_level(name: &str) -> OrgLevel {
    crate::structure::divisions::level_of_body(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_from_names() {
        assert_eq!(org_level("汉中市南郑区法镇人民政府"), OrgLevel::Town);
        assert_eq!(org_level("中共垫江县坪山镇委员会"), OrgLevel::Town);
        assert_eq!(org_level("白沙路街道"), OrgLevel::Town);
        assert_eq!(org_level("静海区"), OrgLevel::County);
        assert_eq!(org_level("岳阳县人民政府"), OrgLevel::County);
        assert_eq!(org_level("石家庄市人民政府"), OrgLevel::City);
        assert_eq!(org_level("四川省人民政府"), OrgLevel::Province);
        assert_eq!(org_level("吉林省生态环境厅"), OrgLevel::Department);
        assert_eq!(org_level("陵川县教育局"), OrgLevel::Department);
    }

    #[test]
    fn a_report_that_never_names_itself_still_says_its_level() {
        assert_eq!(
            self_reference_level("在中牟新区党工委的领导下,我镇持续深化法治政府建设"),
            Some(OrgLevel::Town)
        );
        assert_eq!(
            self_reference_level("我局坚持依法行政"),
            Some(OrgLevel::Department)
        );
        assert_eq!(self_reference_level("全县上下坚持依法行政"), None);
    }
}
