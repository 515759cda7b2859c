//! The five seed reports, each with its metadata and full outline written out by hand.

mod common;

use common::{check_invariants, outline_rows, seed};
use fazhi::{MandatedPart, OrgLevel, Report};

fn rows(spec: &[(u8, &str, &str)]) -> Vec<(u8, String, String)> {
    spec.iter()
        .map(|(l, m, t)| (*l, m.to_string(), t.to_string()))
        .collect()
}

fn present(r: &Report) -> Vec<MandatedPart> {
    r.parts
        .iter()
        .filter(|p| p.present)
        .map(|p| p.part)
        .collect()
}

fn carriers(r: &Report, part: MandatedPart) -> Vec<String> {
    r.parts
        .iter()
        .find(|p| p.part == part)
        .unwrap()
        .headings
        .iter()
        .map(|h| h.title.clone())
        .collect()
}

use MandatedPart::*;

#[test]
fn seed_000_recipient_line_and_issuer_from_the_body() {
    let r = seed(0);
    check_invariants(&r);
    let m = &r.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("关于2023年度法治政府建设情况的报告")
    );
    assert_eq!(m.issuers, vec!["磨头镇人民政府"]);
    assert_eq!(m.issuers_from.as_deref(), Some("body"));
    assert_eq!(m.recipients, vec!["中共博爱县委", "博爱县人民政府"]);
    assert_eq!(m.year, Some(2023));
    assert_eq!(m.level, OrgLevel::Town);
    assert_eq!(
        (
            m.signed_by.as_deref(),
            m.date.as_deref(),
            m.closing.as_deref()
        ),
        (None, None, None)
    );
    assert_eq!(
        outline_rows(&r),
        rows(&[
            (
                1,
                "一、",
                "2023年度磨头镇党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
            ),
            (1, "二、", "推进法治政府建设的主要举措和成效"),
            (2, "（一）", "持续学法普法，夯实法治阵地"),
            (2, "（二）", "规范工作机制，切实依法行政"),
            (2, "（三）", "注重统筹部署，抓好法治建设"),
            (1, "三、", "存在的问题"),
            (1, "四、", "下步打算"),
        ])
    );
    // First-responsible comes first in this report: classified by cue, not position.
    assert_eq!(
        present(&r),
        vec![Measures, Shortcomings, FirstResponsible, Plans]
    );
    assert_eq!(r.outline[0].part, Some(FirstResponsible));
    // `[bookmark: _Hlk100928905]` before （三） is residue, not part of the heading.
    let h3 = &r.headings()[4];
    assert_eq!(r.slice(h3.span), "（三）注重统筹部署，抓好法治建设");
    let items = |i: usize| {
        r.outline[i]
            .items
            .iter()
            .map(|i| i.marker.as_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(items(2), vec!["一是", "二是", "三是"]);
    assert_eq!(items(3), vec!["一是", "二是", "三是", "四是"]);
}

#[test]
fn seed_001_title_split_over_two_lines() {
    let r = seed(1);
    check_invariants(&r);
    let m = &r.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("汉中市南郑区法镇人民政府关于2022年度法治政府建设情况的报告")
    );
    assert_eq!(
        r.slice(m.title_span.unwrap()),
        "汉中市南郑区法镇人民政府\n关于2022年度法治政府建设情况的报告"
    );
    assert_eq!(m.issuers, vec!["汉中市南郑区法镇人民政府"]);
    assert_eq!(m.recipients, vec!["汉中市南郑区依法治区委员会办公室"]);
    assert_eq!(m.year, Some(2022));
    assert_eq!(m.level, OrgLevel::Town);
    assert_eq!(m.date, None);
    assert_eq!(
        outline_rows(&r),
        rows(&[
            (1, "一、", "全面开展法治政府建设年度重点工作"),
            (2, "（一）", "强化组织领导，引领政治建设"),
            (2, "（二）", "组织宪法学习，加强依法行政"),
            (2, "（三）", "推进“互联网+政务服务”建设，打造窗口新气象"),
            (2, "（四）", "强化生态环境保护，落实责任"),
            (2, "（五）", "规范依法行政，完善制度体系建设"),
            (2, "（六）", "加强队伍建设，规范公正文明执法"),
            (2, "（七）", "依法化解矛盾纠纷，维护辖区稳定"),
            (2, "（八）", "强化法治宣传，夯实保障基础"),
            (1, "二、", "突出亮点"),
            (1, "三、", "存在的问题"),
            (1, "四、", "下一步工作计划"),
            (
                2,
                "（一）",
                "继续加强法制培训、加强普法教育，全面提高依法行政意识"
            ),
            (2, "（二）", "加强政务信息透明度、强化行政监督"),
            (2, "（三）", "进一步完善法治政府建设，加强廉政建设"),
        ])
    );
    // No first-responsible part (a sentence in the body mentions the duty; that is not a section).
    assert_eq!(present(&r), vec![Measures, Shortcomings, Plans]);
    assert_eq!(
        carriers(&r, Measures),
        vec!["一、全面开展法治政府建设年度重点工作", "二、突出亮点"]
    );
    // Run-in heading: the title ends at the first 。, the rest of the line is the section body.
    let h = &r.headings()[1];
    assert_eq!(r.slice(h.span), "（一）强化组织领导，引领政治建设。");
    assert!(r.slice(h.body_span).starts_with("坚持党对法治工作的领导"));
}

#[test]
fn seed_002_joint_issuers_above_the_title() {
    let r = seed(2);
    check_invariants(&r);
    let m = &r.meta;
    assert_eq!(m.title.as_deref(), Some("关于2023年法治政府建设工作的报告"));
    assert_eq!(
        m.issuers,
        vec!["中共垫江县坪山镇委员会", "垫江县坪山镇人民政府"]
    );
    assert_eq!(m.issuers_from.as_deref(), Some("head"));
    assert!(m.recipients.is_empty());
    assert_eq!(m.year, Some(2023));
    assert_eq!(m.level, OrgLevel::Town);
    assert_eq!(
        outline_rows(&r),
        rows(&[
            (1, "一、", "2023年法治政府建设工作开展情况"),
            (2, "（一）", "坚持思想武装，强化法治思维和依法履职能力建设"),
            (2, "（二）", "坚持依法履职，提高公共服务质量和优化营商环境"),
            (2, "（三）", "坚持依法行政，提高决策能力和诚信建设水平"),
            (2, "（四）", "坚持文明执法，加强执法队伍和综合能力建设"),
            (2, "（五）", "坚持依法管理，加强法治建设和基层社会治理"),
            (2, "（六）", "坚持检查监督，做到及时发现和纠正存在问题"),
            (1, "二、", "2023年法治政府建设工作存在的主要问题"),
            (
                2,
                "（一）",
                "依法决策有差距，执行重大行政决策水平还有待提高"
            ),
            (2, "（二）", "行政执法有差距，行政执法的质量还有待提高"),
            (
                2,
                "（三）",
                "信息化建设有差距，还不能很好地运用大数据等智能化手段解决法治政府建设的相关问题"
            ),
            (1, "三、", "2024年的法治政府建设工作打算"),
            (2, "（一）", "继续深入学习，不断增强法治意识"),
            (2, "（二）", "规范行政行为，不断深化依法行政"),
            (2, "（三）", "夯实基层基础，不断推进依法管理"),
        ])
    );
    assert_eq!(present(&r), vec![Measures, Shortcomings, Plans]);
}

#[test]
fn seed_003_web_page_of_a_pdf_with_chrome_and_signature() {
    let r = seed(3);
    check_invariants(&r);
    let m = &r.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告")
    );
    assert_eq!(m.issuers, vec!["遂溪县港门镇人民政府"]);
    assert!(m.recipients.is_empty());
    assert_eq!(m.year, Some(2023));
    assert_eq!(m.level, OrgLevel::Town);
    assert_eq!(m.signed_by.as_deref(), Some("遂溪县港门镇人民政府"));
    assert_eq!(m.date.as_deref(), Some("2023-12-20"));
    assert_eq!(m.closing.as_deref(), Some("特此报告。"));
    assert_eq!(
        outline_rows(&r),
        rows(&[
            (1, "一、", "党的二十大部署为抓手,加强依法行政学习"),
            (1, "二、", "加强领导干部学习培训,深入宣传贯彻习近平法治思想"),
            (
                1,
                "三、",
                "主要领导加强法治政府建设,履行推进法治建设第一责任职责"
            ),
            (1, "四\u{a0}、", "多措并举,强力推进各项工作任务"),
            (1, "五、", "2023年度推进法治政府建设存在的不足和原因"),
            (1, "六、", "2024年度推进法治政府建设的主要安排"),
            (2, "(一)", "加强法治队伍建设,增强依法行政的意识和能力"),
            (2, "(二)", "加强政务公开标准化、规范化建设"),
            (2, "(三)", "加大普法宣传,营造良好的法治氛围"),
            (
                2,
                "(四)",
                "建立健全并贯彻落实行政执法公示、执法全过程记录和重大执法决定法治审核三项制度"
            ),
        ])
    );
    assert_eq!(
        present(&r),
        vec![Measures, Shortcomings, FirstResponsible, Plans]
    );
    // Web chrome: the byline, the trailing file name, Baidu and map.
    let noise: Vec<String> = r.noise.iter().map(|s| r.slice(*s)).collect();
    assert_eq!(noise.len(), 4, "{noise:?}");
    assert!(noise[0].starts_with("作者: | 来源:港门镇人民政府"));
    assert_eq!(
        &noise[1..],
        [
            "遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告.pdf",
            "Baidu",
            "map"
        ]
    );
    // The last section ends before 特此报告.
    let last = r.outline.last().unwrap();
    assert!(
        r.slice(last.body_span)
            .ends_with("及时督查信访事项的办理依法处理好各类社会矛盾。")
    );
    // Wrapped paragraph "…重要讲话、重要\n\n指示精神。" belongs to section 一.
    assert!(r.slice(r.outline[0].body_span).ends_with("指示精神。"));
}

#[test]
fn seed_004_top_heading_numbered_1_among_chinese_numerals() {
    let r = seed(4);
    check_invariants(&r);
    let m = &r.meta;
    assert_eq!(m.title.as_deref(), Some("2024年法治政府建设情况报告"));
    // `多巴镇在…` names the town; its report is its government's (#21 class 2).
    assert_eq!(m.issuers, vec!["多巴镇人民政府"]);
    assert_eq!(m.issuers_as_written, vec!["多巴镇"]);
    assert_eq!(m.issuers_from.as_deref(), Some("body"));
    assert_eq!(m.issuers_completed_from.as_deref(), Some("rule"));
    assert!(m.recipients.is_empty());
    assert_eq!(m.year, Some(2024));
    assert_eq!(m.level, OrgLevel::Town);
    assert_eq!((m.signed_by.as_deref(), m.date.as_deref()), (None, None));
    assert_eq!(
        outline_rows(&r),
        rows(&[
            (1, "1、", "上一年度推进法治政府建设的主要举措和成效"),
            (2, "（一）", "强化领导，压实压紧工作责任"),
            (2, "（二）", "依法依规，提高行政决策水平"),
            (2, "（三）", "普法强基，营造法治建设氛围"),
            (1, "二、", "上一年度推进法治政府建设存在的不足和原因"),
            (
                1,
                "三、",
                "上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
            ),
            (2, "（一）", "强化法治建设领导作用，高站位布局规划"),
            (
                2,
                "（二）",
                "坚持党对法治建设的集中统一领导，落实全面从严治党"
            ),
            (2, "（三）", "深入推进法治宣传，营造浓厚法治氛围"),
            (1, "四、", "下一年度推进法治政府建设的主要安排"),
            (2, "（一）", "加强依法行政意识培养"),
            (2, "（二）", "深化法治宣传教育工作"),
        ])
    );
    assert_eq!(r.outline[0].ordinal, 1);
    assert_eq!(r.outline[0].style, fazhi::MarkerStyle::ArabicComma);
    assert_eq!(
        present(&r),
        vec![Measures, Shortcomings, FirstResponsible, Plans]
    );
    // 二、 runs on into body text on the same line.
    let h = &r.outline[1];
    assert_eq!(
        r.slice(h.span),
        "二、上一年度推进法治政府建设存在的不足和原因。"
    );
    assert!(r.slice(h.body_span).starts_with("在总结工作的同时"));
    let items: Vec<&str> = h.items.iter().map(|i| i.marker.as_str()).collect();
    assert_eq!(items, vec!["一是", "二是"]);
}

#[test]
fn every_encoding_of_a_seed_reads_the_same() {
    for name in common::SEEDS {
        let utf8 =
            fazhi::analyze_bytes(&common::fixture(&format!("seeds/{name}.txt")), name).unwrap();
        for (ext, enc) in [("gbk.txt", "GB18030"), ("utf16.txt", "UTF-16LE")] {
            let bytes = common::fixture(&format!("{name}.{ext}"));
            let r =
                fazhi::analyze_bytes(&bytes, name).unwrap_or_else(|e| panic!("{name}.{ext}: {e}"));
            assert_eq!(r.source.encoding.as_deref(), Some(enc), "{name}.{ext}");
            assert_eq!(outline_rows(&r), outline_rows(&utf8), "{name}.{ext}");
            assert_eq!(r.meta.title, utf8.meta.title, "{name}.{ext}");
            assert_eq!(r.meta.issuers, utf8.meta.issuers, "{name}.{ext}");
            assert_eq!(r.meta.year, utf8.meta.year, "{name}.{ext}");
            check_invariants(&r);
        }
    }
}
