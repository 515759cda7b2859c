//! Small reports written like the real ones, one oddity each: the input, and what fazhi reads.

mod common;

use common::{check_invariants, outline_rows};

/// (level, marker) of every heading in document order.
fn levels_and_markers(r: &Report) -> Vec<(u8, &str)> {
    r.headings()
        .iter()
        .map(|h| (h.level, h.marker.as_str()))
        .collect()
}
use fazhi::{MandatedPart, OrgLevel, Report};

fn read(text: &str) -> Report {
    let r = fazhi::analyze(text, "example");
    check_invariants(&r);
    r
}

#[test]
fn department_report_on_a_web_page() {
    let r = read(
        "您当前所在的位置: 首页 > 资讯中心 > 法治政府建设专栏\n\n\
         陵川县教育局 2025年法治政府建设年度报告\n\n\
         发布时间:2026-01-19    信息来源:陵川县教育局\n\n\
         县委、县政府:\n\n\
         2025年,陵川县教育局在县委、县政府的正确领导下,深入践行习近平法治思想。现报告如下:\n\n\
         一、扛牢主体责任,夯实法治建设根基\n\n\
         局党政主要负责人严格履行法治建设第一责任人职责。\n",
    );
    let m = &r.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("陵川县教育局2025年法治政府建设年度报告")
    );
    assert_eq!(m.issuers, vec!["陵川县教育局"]);
    assert_eq!(m.recipients, vec!["县委", "县政府"]);
    assert_eq!(m.year, Some(2025), "the page's 2026 date is chrome");
    assert_eq!(m.level, OrgLevel::Department);
    assert_eq!(r.noise.len(), 2);
}

#[test]
fn title_broken_in_the_middle_of_a_phrase() {
    let r = read("遂溪县港门镇人民政府关于2023年度法治政府\n建设情况的报告\n一、主要成效\n");
    assert_eq!(
        r.meta.title.as_deref(),
        Some("遂溪县港门镇人民政府关于2023年度法治政府建设情况的报告")
    );
    assert_eq!(r.meta.issuers, vec!["遂溪县港门镇人民政府"]);
}

#[test]
fn chinese_numeral_year_and_date() {
    let r = read(
        "某县人民政府二〇二三年度法治政府建设情况报告\n一、主要举措和成效\n全年办理案件。\n特此报告。\n某县人民政府\n二〇二四年一月十日\n",
    );
    assert_eq!(r.meta.year, Some(2023));
    assert_eq!(r.meta.date.as_deref(), Some("2024-01-10"));
    assert_eq!(r.meta.signed_by.as_deref(), Some("某县人民政府"));
}

#[test]
fn bare_district_government_is_completed_with_the_place_named_in_the_text() {
    let r = read(
        "2022年,区政府坚持以习近平新时代中国特色社会主义思想为指导,全面推进依法行政。\n\
         一、2022年推进法治政府建设的主要举措和成效\n\
         (一)法治化营商环境更加优化。出台《铜梁区促进商务服务业高质量发展措施》,组建铜梁区宣讲团。\n",
    );
    assert_eq!(r.meta.issuers, vec!["铜梁区人民政府"]);
    assert_eq!(r.meta.issuers_from.as_deref(), Some("body"));
    assert_eq!(r.meta.level, OrgLevel::County);
}

#[test]
fn self_reference_is_completed_with_the_place_named_most() {
    let r = read(
        "为全面推进依法行政,我街道结合荷城街道实际,扎实推进法治政府建设。\n\
         一、2022年度法治政府建设工作的基本情况\n\
         健全完善《荷城街道行政决策相关制度》等制度。\n",
    );
    // A 街道's report is its 办事处's (#21 class 2), the name as written kept beside it.
    assert_eq!(r.meta.issuers, vec!["荷城街道办事处"]);
    assert_eq!(r.meta.issuers_as_written, vec!["荷城街道"]);
    assert_eq!(r.meta.issuers_completed_from.as_deref(), Some("rule"));
    assert_eq!(r.meta.level, OrgLevel::Town);
    assert_eq!(r.meta.title, None, "a section heading is not a title");
    assert_eq!(
        r.meta.year,
        Some(2022),
        "from the first heading when the intro names none"
    );
}

#[test]
fn plan_ranges_and_document_numbers_are_not_the_year() {
    let r = read(
        "根据《法治政府建设实施纲要(2021-2025年)》和厅字〔2019〕28号要求,现将白沙镇2022年法治政府建设情况报告如下。\n\
         一、主要成效\n",
    );
    assert_eq!(r.meta.year, Some(2022));
    assert_eq!(r.meta.title, None, "a sentence is not a title");
}

#[test]
fn joint_issuers_in_one_title_line() {
    let r = read(
        "中共淮北市烈山区委 烈山区人民政府关于2024年法治政府建设情况的报告\n一、主要举措和成效\n",
    );
    assert_eq!(r.meta.issuers, vec!["中共淮北市烈山区委", "烈山区人民政府"]);
    assert_eq!(r.meta.level, OrgLevel::County);
}

#[test]
fn signature_without_closing_phrase() {
    let r = read(
        "关于2023年度法治政府建设情况的报告\n一、主要成效\n全年开展普法活动。\n\n某某镇人民政府\n2024年1月5日\n",
    );
    assert_eq!(r.meta.signed_by.as_deref(), Some("某某镇人民政府"));
    assert_eq!(r.meta.date.as_deref(), Some("2024-01-05"));
    assert_eq!(r.meta.closing, None);
    assert!(
        r.slice(r.outline[0].body_span)
            .ends_with("全年开展普法活动。"),
        "落款 is not in the section"
    );
}

#[test]
fn first_responsible_nested_in_a_party_leadership_section() {
    let r = read(
        "一、坚持党的领导\n（一）党政主要负责人履行推进法治建设第一责任人职责\n落实述法制度。\n（二）加强组织保障\n二、存在的不足\n三、下一步打算\n",
    );
    let fr = r
        .parts
        .iter()
        .find(|p| p.part == MandatedPart::FirstResponsible)
        .unwrap();
    assert!(fr.present);
    assert_eq!(fr.headings[0].level, 2);
    assert_eq!(
        fr.headings[0].title,
        "（一）党政主要负责人履行推进法治建设第一责任人职责"
    );
    assert_eq!(r.outline[0].part, Some(MandatedPart::Measures));
}

#[test]
fn four_levels_and_numbering_restarting_under_each_parent() {
    let r = read(
        "一、主要举措\n（一）依法履职\n1.深化改革。\n（1）精简审批。\n（2）优化服务。\n2.规范执法。\n（二）依法决策\n1.完善程序。\n二、存在问题\n",
    );
    assert_eq!(
        levels_and_markers(&r),
        [
            (1, "一、"),
            (2, "（一）"),
            (3, "1."),
            (4, "（1）"),
            (4, "（2）"),
            (3, "2."),
            (2, "（二）"),
            (3, "1."),
            (1, "二、"),
        ]
    );
}

#[test]
fn unnumbered_part_headings_above_restarting_numbers() {
    let r = read(
        "2023年度推进法治政府建设的主要举措和成效\n一、加强领导\n二、依法决策\n存在的不足和原因\n一、学法不够\n二、宣传单一\n下一年度主要安排\n一、加强培训\n",
    );
    let rows = outline_rows(&r);
    assert_eq!(
        rows[0],
        (
            1,
            String::new(),
            "2023年度推进法治政府建设的主要举措和成效".to_string()
        )
    );
    assert_eq!(rows[1], (2, "一、".to_string(), "加强领导".to_string()));
    assert_eq!(rows[3], (1, String::new(), "存在的不足和原因".to_string()));
    assert_eq!(r.outline.len(), 3);
    assert_eq!(r.outline[2].part, Some(MandatedPart::Plans));
}

#[test]
fn inline_items_of_every_style() {
    let r = read("一、存在问题\n第一，学法不够深入；第二，宣传形式单一。①经费不足；②人员不足。\n");
    let items: Vec<(&str, u32)> = r.outline[0]
        .items
        .iter()
        .map(|i| (i.marker.as_str(), i.ordinal))
        .collect();
    assert_eq!(
        items,
        vec![("第一，", 1), ("第二，", 2), ("①", 1), ("②", 2)]
    );
}

#[test]
fn headings_inside_sentences_and_look_alikes_are_not_headings() {
    let r = read(
        "一、主要成效\n全年投入1.5亿元用于建设。\n2023.12.20召开会议，听取（一）类问题汇报。\n（2021-2025年）规划实施。\n",
    );
    assert_eq!(r.headings().len(), 1);
}

#[test]
fn text_with_nothing_recognizable_still_analyzes() {
    let r = read("hello\n\n\u{a0}\n");
    assert!(r.outline.is_empty());
    assert_eq!(r.meta.title, None);
    assert!(r.parts.iter().all(|p| !p.present));
    assert_eq!(r.parts.len(), 5);
}

/// Pathological inputs only have to finish (no quadratic passes): 20,000 headings, one long line.
#[test]
fn pathological_inputs_finish() {
    let many: String = (0..20_000)
        .map(|i| format!("{}、标题\n（一）小标题\n1.项\n", ["一", "二"][i % 2]))
        .collect();
    let r = fazhi::analyze(&many, "many");
    assert_eq!(r.outline.len(), 20_000);
    let long = "法治".repeat(200_000);
    assert!(fazhi::analyze(&long, "long").outline.is_empty());
    let restarts: String = (0..10_000).map(|_| "部分标题\n一、甲\n二、乙\n").collect();
    assert_eq!(fazhi::analyze(&restarts, "restarts").outline.len(), 10_000);
    // #12.2: every plans heading against every plans range took 27 s for 200,000 lines.
    let plans = "一、下一步工作安排\n".repeat(200_000);
    let t = std::time::Instant::now();
    let r = fazhi::analyze(&plans, "plans");
    eprintln!("200,000 plans headings: {:?}", t.elapsed());
    assert!(r.score.is_some());
}

#[test]
fn sentence_words_before_a_unit_are_not_an_issuer() {
    let r = read(
        "现将2023年工作方案区政府要求的情况报告如下:根据上级规定,长征镇依法全面履行政府职能。\n一、基本情况\n",
    );
    assert_eq!(r.meta.issuers, vec!["长征镇人民政府"]);
    assert_eq!(r.meta.issuers_as_written, vec!["长征镇"]);
}

#[test]
fn a_chinese_numbered_list_inside_a_section_nests_under_it() {
    let r = read(
        "一、主要成效\n二、存在的问题\n一、学法不够深入。\n二、宣传形式单一。\n三、下一步打算\n",
    );
    assert_eq!(
        levels_and_markers(&r),
        [
            (1, "一、"),
            (1, "二、"),
            (2, "一、"),
            (2, "二、"),
            (1, "三、"),
        ]
    );
}

#[test]
fn an_inner_list_of_three_before_the_third_section() {
    let r = read("一、成效\n二、问题\n一、甲。\n二、乙。\n三、丙。\n三、打算\n四、其他\n");
    let levels: Vec<u8> = r.headings().iter().map(|h| h.level).collect();
    assert_eq!(levels, vec![1, 1, 2, 2, 2, 1, 1]);
}

#[test]
fn restarts_under_part_headings_are_not_inner_lists() {
    let r = read(
        "主要举措和成效\n一、甲\n二、乙\n三、丙\n存在的不足\n一、丁\n二、戊\n下步安排\n一、己\n二、庚\n三、辛\n四、壬\n",
    );
    let levels: Vec<u8> = r.headings().iter().map(|h| h.level).collect();
    assert_eq!(levels, vec![1, 2, 2, 2, 1, 2, 2, 1, 2, 2, 2, 2]);
}

#[test]
fn a_preposition_before_a_unit_is_not_a_name() {
    let r = read(
        "2021年,我镇在区党工委、管委会的领导支持下,严格依法履行法定职责。\n一、2021年度法治政府建设工作开展情况\n",
    );
    assert!(
        r.meta.issuers.iter().all(|i| i != "在区"),
        "{:?}",
        r.meta.issuers
    );
}

#[test]
fn a_town_that_never_names_itself_gets_no_made_up_name() {
    let r = read(
        "2021年,我镇深入学习,形成在镇党委、政府有力领导下的格局。\n一、2021年度法治政府建设工作开展情况\n(一)加强组织领导\n形成在镇党委领导下的工作机制。\n",
    );
    assert!(r.meta.issuers.is_empty(), "{:?}", r.meta.issuers);
}

#[test]
fn a_heading_with_markup_like_text_is_still_a_heading() {
    let r = read("一、<b>主要成效</b> > 目标\n二、存在的问题\n");
    assert_eq!(r.headings().len(), 2);
    assert!(r.noise.is_empty());
}

#[test]
fn site_metadata_table_and_a_cover_letter_before_the_report() {
    let r = read(
        "索引号: | 001234567/2025-00012 | 成文日期: | 2025-01-20 |\n\
         公开方式: | 主动公开 | 公开时限: | 长期公开 |\n\
         文件编号: | 发布机构: | 某某市水利局 |\n\
         中共某某市委、某某市人民政府:\n\
         根据市委依法治市办要求,现将我局《2024年度水利法治政府建设工作总结》随文上报。\n\
         特此报告。\n\
         某某市水利局\n\
         2025年1月15日\n\
         2024年度水利法治政府建设\n\
         工作总结\n\
         2024年,某某市水利局在市委、市政府的坚强领导下,笃学践行习近平法治思想。\n\
         一、2024年工作完成情况\n\
         (一)法治建设全面推进。\n",
    );
    let m = &r.meta;
    assert_eq!(m.title.as_deref(), Some("2024年度水利法治政府建设工作总结"));
    assert_eq!(m.recipients, vec!["中共某某市委", "某某市人民政府"]);
    assert_eq!(m.issuers, vec!["某某市水利局"]);
    assert_eq!(m.year, Some(2024));
    assert_eq!(
        m.closing, None,
        "the cover letter's 特此报告 does not end the report"
    );
    assert_eq!(r.outline.len(), 1);
    assert_eq!(r.noise.len(), 3, "the metadata rows are chrome");
}

#[test]
fn page_title_of_another_year_then_the_documents_own_title() {
    let r = read(
        "某某县人民政府 2019年12月3日星期二\n\
         某某县2022年法治政府建设情况报告\n\
         来源:某某县司法局 发布时间:2024-03-28 09:18\n\
         分享:\n\
         某某县人民政府关于2023年度法治政府建设情况的报告\n\
         2023年,某某县坚持以习近平新时代中国特色社会主义思想为指导,全面推进依法行政。\n\
         一、主要举措和成效\n",
    );
    let m = &r.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("某某县人民政府关于2023年度法治政府建设情况的报告")
    );
    assert_eq!(m.year, Some(2023));
    assert_eq!(m.issuers, vec!["某某县人民政府"]);
    assert!(
        m.recipients.is_empty(),
        "分享: is a button: {:?}",
        m.recipients
    );
}

#[test]
fn a_title_given_only_in_the_pages_label() {
    let r = read(
        "-标题: 某某镇2024年法治政府建设年度报告\n\
         -发布机构: 某某镇人民政府\n\
         2024年,我镇深入学习贯彻习近平法治思想,扎实推进法治政府建设。\n\
         一、主要举措和成效\n",
    );
    assert_eq!(
        r.meta.title.as_deref(),
        Some("某某镇2024年法治政府建设年度报告")
    );
    // The town's government, as the page's label writes it.
    assert_eq!(r.meta.issuers, vec!["某某镇人民政府"]);
    assert_eq!(r.meta.issuers_completed_from.as_deref(), Some("page"));
    assert_eq!(r.meta.year, Some(2024));
}

#[test]
fn an_issuer_line_above_a_title_without_one_joins_it() {
    let r = read(
        "赵县人民政府\n2022年度法治政府建设情况报告\n2022年,县政府深入推进依法行政。\n一、坚持党的领导\n",
    );
    assert_eq!(
        r.meta.title.as_deref(),
        Some("赵县人民政府2022年度法治政府建设情况报告")
    );
    assert_eq!(r.meta.issuers, vec!["赵县人民政府"]);
}

#[test]
fn a_part_numbered_like_its_first_section() {
    let r = read(
        "2022年,留下街道全面推进法治政府建设。现将工作报告如下:\n\
         一、2022年法治政府建设主要措施\n\
         一、强化领导责任,夯实法治政府建设基础\n\
         （一）健全工作机制。街道党工委每年年初召开专题会议。\n\
         二、推进依法决策,规范重大行政决策程序\n\
         二、存在的不足\n\
         一、学法用法不够深入。\n\
         三、下一步工作打算\n",
    );
    assert_eq!(
        levels_and_markers(&r),
        [
            (1, "一、"),
            (2, "一、"),
            (3, "（一）"),
            (2, "二、"),
            (1, "二、"),
            (2, "一、"),
            (1, "三、"),
        ]
    );
    assert_eq!(r.outline[0].title, "2022年法治政府建设主要措施");
    assert_eq!(r.outline[2].part, Some(MandatedPart::Plans));
}

#[test]
fn two_first_sections_a_page_apart_are_no_part() {
    let r = read(
        "一、主要成效\n全年办理行政复议案件120件,纠错率12%,较上年提高3个百分点,行政应诉出庭率100%,各项指标位居全市前列。\n\
         一、加强领导\n二、依法决策\n",
    );
    assert!(r.headings().iter().all(|h| h.level == 1));
}

#[test]
fn a_page_flattened_onto_one_line() {
    let r = read(
        "2023年,东莞市司法局统筹推进法治东莞建设。现将有关情况报告如下: 一、坚持党的领导,统筹法治政府向纵深推进 \
         (一)深入学习贯彻党的二十大精神和习近平法治思想。坚持以习近平新时代中国特色社会主义思想为指导,按照《条例》(一)项规定执行。 \
         (二)认真统筹谋划法治建设领域各项工作。充分发挥“关键少数”的示范引领作用。 \
         1.严格落实生态环保地方法规。 二、存在的不足 (一)学法不够深入。一是领导干部学法不够。",
    );
    let rows: Vec<(u8, String)> = r
        .headings()
        .iter()
        .map(|h| (h.level, format!("{}{}", h.marker, h.title)))
        .collect();
    assert_eq!(
        rows,
        [
            (1, "一、坚持党的领导,统筹法治政府向纵深推进".to_string()),
            (
                2,
                "(一)深入学习贯彻党的二十大精神和习近平法治思想".to_string()
            ),
            (2, "(二)认真统筹谋划法治建设领域各项工作".to_string()),
            (3, "1.严格落实生态环保地方法规".to_string()),
            (1, "二、存在的不足".to_string()),
            (2, "(一)学法不够深入".to_string()),
        ]
    );
    let items = &r.outline[1].children[0].items;
    assert_eq!(items.len(), 1, "一是 stays an inline item");
}

#[test]
fn markers_a_converter_bent() {
    let r = read("\u{f0b7}一、主要举措\n一）依法决策\n（ 1 ）完善程序。\n&nbsp;二、存在问题\n");
    assert_eq!(
        levels_and_markers(&r),
        [(1, "一、"), (2, "一）"), (3, "（ 1 ）"), (1, "二、")]
    );
}

/// The same short report in simplified and in traditional characters (繁體).
const SIMPLIFIED_REPORT: &str = "东城区人民政府关于2016年度法治政府建设情况的报告\n\
     市委、市政府：\n\
     2016年，东城区人民政府在市委、市政府的坚强领导下，深入推进依法行政。现将有关情况报告如下：\n\
     一、主要举措和成效\n\
     （一）深化行政审批制度改革\n\
     全年取消和下放行政审批事项165项。\n\
     （二）加强行政执法监督\n\
     推行行政执法公示制度。\n\
     二、存在的问题和不足\n\
     一些部门依法行政意识不强。\n\
     三、党政主要负责人履行推进法治建设第一责任人职责情况\n\
     严格落实第一责任人职责。\n\
     四、2017年工作安排\n\
     继续推进依法行政。\n\
     特此报告。\n\
     东城区人民政府\n\
     2017年3月31日\n";
const TRADITIONAL_REPORT: &str = "東城區人民政府關於2016年度法治政府建設情況的報告\n\
     市委、市政府：\n\
     2016年，東城區人民政府在市委、市政府的堅強領導下，深入推進依法行政。現將有關情況報告如下：\n\
     一、主要舉措和成效\n\
     （一）深化行政審批制度改革\n\
     全年取消和下放行政審批事項165項。\n\
     （二）加強行政執法監督\n\
     推行行政執法公示制度。\n\
     二、存在的問題和不足\n\
     一些部門依法行政意識不強。\n\
     三、黨政主要負責人履行推進法治建設第一責任人職責情況\n\
     嚴格落實第一責任人職責。\n\
     四、2017年工作安排\n\
     繼續推進依法行政。\n\
     特此報告。\n\
     東城區人民政府\n\
     2017年3月31日\n";

#[test]
fn a_report_in_traditional_characters_reads_like_its_simplified_form() {
    let (s, t) = (read(SIMPLIFIED_REPORT), read(TRADITIONAL_REPORT));
    assert_eq!(
        s.meta.title.as_deref(),
        Some("东城区人民政府关于2016年度法治政府建设情况的报告")
    );
    assert_eq!(
        t.meta.title.as_deref(),
        Some("東城區人民政府關於2016年度法治政府建設情況的報告"),
        "shown as written"
    );
    assert_eq!(t.meta.year, Some(2016));
    assert_eq!(t.meta.year, s.meta.year);
    assert_eq!(t.meta.level, s.meta.level);
    assert_eq!(t.meta.issuers.len(), s.meta.issuers.len());
    assert_eq!(t.meta.recipients.len(), 2);
    assert_eq!(t.meta.recipients.len(), s.meta.recipients.len());
    let shape = |r: &Report| -> Vec<(u8, String, u32)> {
        r.headings()
            .iter()
            .map(|h| (h.level, h.marker.clone(), h.ordinal))
            .collect()
    };
    assert_eq!(shape(&t).len(), 6);
    assert_eq!(shape(&t), shape(&s));
    assert_eq!(t.outline[1].title, "存在的問題和不足", "heading titles too");
    let present = |r: &Report| -> Vec<(MandatedPart, bool)> {
        r.parts.iter().map(|p| (p.part, p.present)).collect()
    };
    assert_eq!(present(&t).iter().filter(|(_, p)| *p).count(), 4);
    assert_eq!(present(&t), present(&s));
}
