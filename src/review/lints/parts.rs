//! Rules on the report as a whole: `missing-part`, `missing-recipient`, `missing-signature`.

use crate::structure::classify::MandatedPart;

use super::rules::Severity::{Info, Warning};
use super::sink::Sink;

/// The heading to write for a missing part, as the regulation words it.
fn part_heading(p: MandatedPart) -> &'static str {
    match p {
        MandatedPart::Measures => "上一年度推进法治政府建设的主要举措和成效",
        MandatedPart::Shortcomings => "上一年度推进法治政府建设存在的不足和原因",
        MandatedPart::FirstResponsible => {
            "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
        }
        MandatedPart::Plans => "下一年度推进法治政府建设的主要安排",
        MandatedPart::Other => "其他需要报告的情况",
    }
}

pub(super) fn missing_parts(sink: &mut Sink<'_>) {
    // 其他需要报告的情况 is written only when there is something to report.
    for p in sink.input.parts {
        if p.part != MandatedPart::Other && p.carriers.is_empty() {
            let message = format!(
                "缺少“{}”部分：《法治政府建设与责任落实督察工作规定》要求年度报告写明此项",
                p.part.label()
            );
            sink.push(
                "missing-part",
                None,
                message,
                Some(part_heading(p.part).into()),
            );
        }
    }
}

pub(super) fn formal_elements(sink: &mut Sink<'_>) {
    let input = sink.input;
    let m = input.meta;
    // Text saved from a web page often lost its 落款 to the page layout: worth a look only.
    let web_page = sink.page.web;
    if m.recipients.is_empty() {
        sink.push(
            "missing-recipient",
            None,
            "未写主送机关（如“中共××县委、××县人民政府：”）；报送上级的报告应写明主送".into(),
            None,
        );
    }
    let missing = match (m.signed_by.is_some(), m.date.is_some()) {
        (true, true) => return,
        (false, false) => "发文机关署名和成文日期",
        (false, true) => "发文机关署名",
        (true, false) => "成文日期",
    };
    let severity = if web_page { Info } else { Warning };
    sink.push_as(
        "missing-signature",
        severity,
        None,
        format!("落款不全：缺少{missing}（GB/T 9704：正文之后署发文机关名称，并写成文日期）"),
        None,
    );
}

#[cfg(test)]
mod tests {
    use crate::review::lints::Finding;
    use crate::review::lints::Severity::{Error, Info, Warning};
    use crate::review::lints::tests::{CLEAN, clean_with, fired, lint_text};

    #[test]
    fn missing_part() {
        let text = clean_with(
            "三、党政主要负责人履行推进法治建设第一责任人职责情况\n",
            "三、加强党的领导\n",
        );
        let f: Vec<_> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "missing-part")
            .collect();
        assert_eq!(f.len(), 1);
        assert!(f[0].message.contains("第一责任人"), "{}", f[0].message);
        assert_eq!(f[0].severity, Error);
        // 其他需要报告的情况 is optional: dropping it is no finding.
        let text = clean_with("五、其他需要报告的情况\n无。\n", "");
        assert_eq!(fired("missing-part", &text), Vec::<String>::new());
    }

    #[test]
    fn missing_recipient_and_signature() {
        let text = clean_with("中共长丰县委、长丰县人民政府：\n", "");
        assert_eq!(fired("missing-recipient", &text), vec![""]);
        let text = clean_with("特此报告。\n长丰县岗集镇人民政府\n2024年1月10日\n", "");
        let f: Vec<_> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "missing-signature")
            .collect();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Warning);
        // Saved from a web page: the page lost the 落款, not the author.
        let web = format!("首页 > 政务公开 > 法治政府\n{text}");
        let f: Vec<_> = lint_text(&web)
            .into_iter()
            .filter(|f| f.rule == "missing-signature")
            .collect();
        assert_eq!(f[0].severity, Info);
        // Only the date missing.
        let text = clean_with("2024年1月10日\n", "");
        let f: Vec<_> = lint_text(&text)
            .into_iter()
            .filter(|f| f.rule == "missing-signature")
            .collect();
        assert!(f[0].message.contains("成文日期") && !f[0].message.contains("署名"));
    }

    /// The findings of one rule.
    fn of_rule(rule: &str, text: &str) -> Vec<Finding> {
        lint_text(text)
            .into_iter()
            .filter(|f| f.rule == rule)
            .collect()
    }

    #[test]
    fn missing_signature_on_a_web_copy_is_info() {
        let unsigned = clean_with("特此报告。\n长丰县岗集镇人民政府\n2024年1月10日\n", "");
        // Page metadata the noise rules may not know (web049: traditional characters).
        let web = format!("發布時間:2025-04-11 16:33 信息來源:辰溪縣小龍門鄉\n{unsigned}");
        assert_eq!(of_rule("missing-signature", &web)[0].severity, Info);
        // The page's title, then the document's (web001, web023).
        let title = CLEAN.lines().next().unwrap();
        let web = format!("{title}\n{unsigned}");
        assert_eq!(of_rule("missing-signature", &web)[0].severity, Info);
        // A text with no sign of a page: the author's 落款 is missing.
        assert_eq!(of_rule("missing-signature", &unsigned)[0].severity, Warning);
    }
}
