//! The issuers: named in the title, in the opening sentences, or in the page's own labels.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::structure::divisions::{self, DivisionLevel};
use crate::text::blocks::{Block, Blocks};
use crate::text::normalize::{Fold, display, is_han};

use super::patterns::{ORG_LINE, Tally, re, tally};

/// What follows the subject of a report's opening sentence (`2023年,X坚持…`, `X在…`).
const SUBJECT_FOLLOWERS: &str = "党委|党工委|党组|政府|坚持|在|以|始终|认真|积极|深入|紧紧|全面|立足|围绕|按照|聚焦|牢固|不断|扎实|切实|持续|高度|严格|着力|大力|进一步|共|将|把|对|全力|紧扣|统筹|锚定|强化|加强|推进|狠抓|结合|根据|坚决|注重|突出|紧密|主动|着眼|聚力|一直|坚定|自觉|充分|不折不扣|以习近平|依法|法治";

static BODY_ORG: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[,。;:、]|年|以来|下|来)((?:中共)?[HAN]{{1,14}}?(?:人民政府|政府|街道办事处|街道|镇|乡|县|区|旗|市|局|厅|部|委员会|办公室))(?:{SUBJECT_FOLLOWERS})"
    ))
});
/// A place as the subject of the opening sentence (`2024年,广东坚持…`): checked against the divisions.
static PLACE_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:^|[,。;:]|年|以来)([HAN]{{2,8}}?)(?:{SUBJECT_FOLLOWERS})"
    ))
});
/// The report speaking of itself: `我街道`, `本局`, `区政府`, `镇党委、政府`, `街道按照…`.
static SELF_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?:我|本|全)(镇|乡|街道|区|县|旗|市|局|厅|委|办)|(?:^|[,。;:、]|年)(省|区|县|市|镇|乡)(?:党委|党工委)?[、和]?(?:人民)?政府|(?:^|[,。;:]|年|以来|来)(街道|镇|乡)(?:党工委|党委|办事处)?(?:{SUBJECT_FOLLOWERS})"
    ))
});

/// How much of a paragraph's start is searched for the issuer's name.
const OPENING_CHARS: usize = 160;

/// Words that occur in sentences but not in the names of bodies (`2023年工作方案区政府` is no name;
/// issue #9 class 2: never a phrase fragment as an issuer).
/// Nor do verbs and plural words (`充分发挥党委政府` is a phrase, not a body).
pub(super) const NOT_IN_NAMES: &[&str] = &[
    "工作",
    "方案",
    "情况",
    "报告",
    "规划",
    "纲要",
    "要求",
    "精神",
    "思想",
    "干部",
    "党委政府",
    "召开",
    "主持",
    "多次",
    "组织",
    "开展",
    "举办",
    "创建",
    "全县",
    "全市",
    "全区",
    "全镇",
    "全乡",
    "全省",
    "根据",
    "按照",
    "通过",
    "围绕",
    "设定",
    "作为",
    "我",
    "发挥",
    "充分",
    "加强",
    "推进",
    "落实",
    "坚持",
    "深入",
    "积极",
    "认真",
    "领导",
    "带领",
    "指导",
    "支持",
    "各级",
    "上级",
    "有关",
    "相关",
    "分享",
    "打印",
    "关闭",
    "收藏",
];

/// Words that end like a place but are not names (`乡镇`, `城镇`).
const NOT_PLACES: &[&str] = &[
    "乡镇",
    "城镇",
    "村镇",
    "集镇",
    "各镇",
    "全镇",
    "本镇",
    "我镇",
    "城区",
    "辖区",
    "社区",
    "景区",
    "园区",
    "片区",
    "市区",
    "全区",
    "本区",
    "我区",
    "各区",
    "全县",
    "本县",
    "我县",
    "各县",
    "全市",
    "本市",
    "我市",
    "各市",
    "县市",
    "省市",
    "城市",
    "都市",
    "超市",
    "街道",
    "各街道",
    "全街道",
];

/// The body named in the page's own labels (`来源：`, `发布机构：`) — the last resort for the issuer.
pub(super) fn issuer_in_page_source(text: &str, blocks: &Blocks) -> Option<String> {
    static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:来源|发布机构|发文机关|发布单位) ?:[ |]*((?:中共)?[HAN]{2,30}?(?:ORG_SUFFIXES))(?:$|[ |])",
        )
    });
    blocks
        .lines
        .iter()
        .filter(|l| matches!(l.kind, crate::text::blocks::LineKind::Noise(_)))
        .find_map(|l| {
            let c = SOURCE.captures(&l.norm.text)?;
            let m = c.get(1)?;
            let org = display(&text[l.norm.raw_span(m.range())]);
            (!org.ends_with("司法局") || org.chars().count() > 3).then_some(org)
        })
}

/// Joint issuers written on one line are separated by spaces.
pub(super) fn split_joint(raw: &str) -> Vec<String> {
    raw.split(crate::text::normalize::is_space)
        .map(display)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The issuer named at the head of a title: before `关于`, or before the year.
pub(super) fn issuers_in_title(raw: &str) -> Vec<String> {
    static BEFORE_YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"^(.*?)\s*(?:19|20)[0-9]{2}\s?年"));
    static AFTER_YEAR: LazyLock<Regex> =
        LazyLock::new(|| re(r"^\s*(?:19|20)[0-9]{2}\s?年度?([HAN]{2,20}?)(?:法治|依法行政|法制)"));
    // Matched on the matching form (`關於` is `关于`), cut from the title as written.
    let n = crate::text::normalize::Norm::new(raw, 0, Fold::Matching);
    let s = n.text.as_str();
    let raw_at = |i: usize| {
        if i >= s.len() {
            raw.len()
        } else {
            n.raw_span(i..i + 1).start
        }
    };
    let prefix = if let Some(i) = s.find("关于") {
        &raw[..raw_at(i)]
    } else if let Some(c) = BEFORE_YEAR.captures(s).filter(|c| !c[1].trim().is_empty()) {
        &raw[..raw_at(c.get(1).map_or(0, |m| m.end()))]
    } else if let Some(m) = AFTER_YEAR.captures(s).and_then(|c| c.get(1)) {
        &raw[n.raw_span(m.range())]
    } else {
        return Vec::new();
    };
    let parts = split_joint(prefix);
    let folded = |p: &str| crate::text::normalize::Norm::new(p, 0, Fold::Matching).text;
    if !parts.is_empty() && parts.iter().all(|p| is_place_or_org(&folded(p))) {
        parts
    } else {
        Vec::new()
    }
}

fn is_place_or_org(s: &str) -> bool {
    static PLACE: LazyLock<Regex> = LazyLock::new(|| re(r"^(中共)?[HAN()（）]{2,40}$"));
    PLACE.is_match(s)
        && (ORG_LINE.is_match(s)
            || ["镇", "乡", "区", "县", "市", "省", "旗", "街道"]
                .iter()
                .any(|w| s.ends_with(w)))
}

/// The issuer named in the body: `磨头镇人民政府以…`, `多巴镇在…`; a bare `区政府` or `我街道`
/// is completed with the place named most often (`铜梁区`).
pub(super) fn issuer_in_body(text: &str, all: &[Block], intro: &[&Block]) -> Option<String> {
    // The issuer names itself in the opening sentences: read the start of the first paragraphs.
    fn opening(b: &Block) -> (&Block, &str) {
        let s = b.norm.text.as_str();
        let end = s
            .char_indices()
            .nth(OPENING_CHARS)
            .map_or(s.len(), |(i, _)| i);
        (b, &s[..end])
    }
    let sources: Vec<(&Block, &str)> = intro
        .iter()
        .map(|b| opening(b))
        .chain(all.iter().take(12).map(opening))
        .collect();
    static LEAD_IN_ORG: LazyLock<Regex> = LazyLock::new(|| {
        re(r"现将((?:中共)?[HAN]{2,20}?(?:ORG_SUFFIXES))(?:(?:19|20)[0-9]{2}|关于|法治|依法)")
    });
    for &(b, s) in &sources {
        // The lead-in names the body (`现将市人社局2021年法治政府建设情况报告予以公开`).
        let lead_in = LEAD_IN_ORG.captures_iter(s).filter_map(|c| c.get(1));
        let subjects = BODY_ORG.captures_iter(s).filter_map(|c| c.get(1));
        for m in lead_in.chain(subjects) {
            // `原环境保护部`: the body's former name is still its name.
            let lead = if m.as_str().starts_with('原') {
                '原'.len_utf8()
            } else {
                0
            };
            let range = m.start() + lead..m.end();
            let org = &s[range.clone()];
            if has_function_word(org)
                || is_self_reference(org)
                || is_too_short(org)
                || NOT_IN_NAMES.iter().any(|w| org.contains(w))
            {
                continue;
            }
            // A government named by its unit alone (`区政府`, `自治区人民政府`): complete the place.
            let unit = org.trim_end_matches("政府").trim_end_matches("人民");
            if unit.len() < org.len()
                && ["省", "自治区", "区", "县", "市", "镇", "乡", "旗"].contains(&unit)
                && let Some(place) = named_place(text, all, unit)
            {
                return Some(format!("{place}人民政府"));
            }
            if !NOT_PLACES.contains(&org) {
                return Some(full_government_name(display(&text[b.norm.raw_span(range)])));
            }
        }
    }
    // A place as the subject (`2024年,广东坚持…`, `2024年,東城區堅持…`): its government.
    for &(b, s) in &sources {
        for m in PLACE_SUBJECT.captures_iter(s).filter_map(|c| c.get(1)) {
            let written = m.as_str().trim_start_matches('原');
            let found = divisions::lookup(written);
            if let [d] = found.as_slice() {
                let name = if d.name == written {
                    display(&text[b.norm.raw_span(m.range())])
                } else {
                    d.name.to_string()
                };
                return Some(format!("{name}人民政府"));
            }
        }
    }
    // A ministry speaking of itself (`我部`, `部党组`): the national body the text names most.
    if sources.iter().any(|(_, s)| MINISTRY_SELF.is_match(s))
        && let Some(body) = most_named_national_body(text, all)
    {
        return Some(body);
    }
    // Only a self-reference (`我街道`, `区政府`): the most named place of that kind.
    for &(_, s) in &sources {
        if let Some(c) = SELF_REF.captures(s) {
            let unit = c
                .get(1)
                .or(c.get(2))
                .or(c.get(3))
                .map_or("", |m| m.as_str());
            if matches!(
                unit,
                "镇" | "乡" | "街道" | "区" | "县" | "旗" | "市" | "省"
            ) {
                return named_place(text, all, unit);
            }
        }
    }
    None
}

/// The place a bare unit (`区政府`, `省政府`, `我街道`) stands for: of the divisions of that kind the
/// text names, the one named most (`平安盂县、法治盂县` → 盂县); towns and 街道, which the table
/// does not hold, by the names written before the unit.
fn named_place(text: &str, all: &[Block], unit: &str) -> Option<String> {
    let fits = |d: &divisions::Division| match unit {
        "省" => d.level == DivisionLevel::Province && d.name.ends_with('省'),
        "自治区" => d.level == DivisionLevel::Province && d.name.ends_with("自治区"),
        "市" => d.name.ends_with('市'),
        "区" | "县" | "旗" => d.level == DivisionLevel::County && d.name.ends_with(unit),
        _ => false,
    };
    // Per division: how often it is named, and where its full name is first written.
    type Named = (usize, &'static divisions::Division, Option<Range<usize>>);
    let mut counts: Tally<u32, Named> = Vec::new();
    if matches!(unit, "省" | "自治区" | "市" | "区" | "县" | "旗") {
        for b in all {
            for f in divisions::scan(&b.norm.text) {
                if let [d] = f.divisions.as_slice()
                    && fits(d)
                {
                    let e = tally(&mut counts, d.code, || (0, d, None));
                    e.0 += 1;
                    if !f.short && e.2.is_none() {
                        e.2 = Some(b.norm.raw_span(f.span.clone()));
                    }
                }
            }
        }
    }
    let best = counts
        .into_iter()
        .map(|(_, v)| v)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.code.cmp(&a.1.code)));
    match best {
        Some((_, _, Some(raw))) => Some(display(&text[raw])),
        Some((_, d, None)) => Some(d.name.to_string()),
        None => most_named_place(text, all, unit),
    }
}

/// The ministries, commissions and bureaus of the State Council (国务院组成部门 and 直属机构), whose
/// reports call them `我部`, `部党组`, `总局党委`: the names to look for in the text (issue #9 class 2).
#[rustfmt::skip]
pub const NATIONAL_BODIES: &[&str] = &[
    "外交部", "国防部", "国家发展和改革委员会", "教育部", "科学技术部", "工业和信息化部", "国家民族事务委员会",
    "公安部", "国家安全部", "民政部", "司法部", "财政部", "人力资源和社会保障部", "自然资源部", "生态环境部",
    "住房和城乡建设部", "交通运输部", "水利部", "农业农村部", "商务部", "文化和旅游部", "国家卫生健康委员会",
    "退役军人事务部", "应急管理部", "中国人民银行", "审计署", "国务院国有资产监督管理委员会", "海关总署",
    "国家税务总局", "国家市场监督管理总局", "国家金融监督管理总局", "中国证券监督管理委员会",
    "国家广播电视总局", "国家体育总局", "国家统计局", "国家国际发展合作署", "国家医疗保障局", "国家林业和草原局",
    "国家知识产权局", "国家移民管理局", "国家能源局", "国家药品监督管理局", "国家邮政局", "中国民用航空局",
    "国家铁路局", "国家文物局", "国家粮食和物资储备局", "国家烟草专卖局", "国家外汇管理局", "国家中医药管理局",
    "国家疾病预防控制局", "国家数据局", "国家信访局", "环境保护部", "国土资源部", "国家工商行政管理总局",
    "国家质量监督检验检疫总局", "国家食品药品监督管理总局", "国家安全生产监督管理总局", "国家海洋局",
];

/// A national body speaking of itself: `我部`, `本部`, `部党组`, `召开部党委会议`, `部主要负责同志`.
static MINISTRY_SELF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:我|本)(?:部|总局|署)|(?:^|[,。;:、]|召开|经)(?:部|总局|署)(?:党组|党委|主要负责|领导|机关)",
    )
});

/// The national body of `NATIONAL_BODIES` the text names most (shown as first written).
fn most_named_national_body(text: &str, all: &[Block]) -> Option<String> {
    let mut best: Option<(usize, Range<usize>)> = None;
    for name in NATIONAL_BODIES {
        let mut n = 0;
        let mut first = None;
        for b in all {
            for (at, _) in b.norm.text.match_indices(name) {
                n += 1;
                first.get_or_insert_with(|| b.norm.raw_span(at..at + name.len()));
            }
        }
        if let Some(raw) = first
            && best.as_ref().is_none_or(|(m, _)| n > *m)
        {
            best = Some((n, raw));
        }
    }
    best.map(|(_, raw)| display(&text[raw]))
}

/// `铜梁区政府` is what people say; the body's name is `铜梁区人民政府`.
fn full_government_name(name: String) -> String {
    let Some(place) = name.strip_suffix("政府") else {
        return name;
    };
    let units = [
        "区", "县", "市", "镇", "乡", "省", "旗", "州", "區", "縣", "鄉", "鎮",
    ];
    if units.iter().any(|u| place.ends_with(u)) && place.chars().count() >= 2 {
        format!("{place}人民政府")
    } else {
        name
    }
}

/// Names of places and bodies do not contain these particles (`形成在镇` is a phrase).
fn has_function_word(s: &str) -> bool {
    s.contains(['在', '的', '是', '了', '对', '把', '将', '被', '由', '向'])
}

/// A one-character name before a bare unit (`在区党工委` → `在区`) is a word, not a place;
/// `县人民政府` stays (the place is completed later).
fn is_too_short(org: &str) -> bool {
    let bare = ["镇", "乡", "区", "县", "旗", "市", "局", "厅"];
    org.chars().count() <= 2 && bare.iter().any(|u| org.ends_with(u))
}

/// `我街道`, `全县`, `本局`: the report speaking of itself, not a name.
fn is_self_reference(org: &str) -> bool {
    let rest = org.trim_start_matches(['我', '本', '全', '各', '该']);
    rest.len() < org.len()
        && matches!(
            rest,
            "镇" | "乡"
                | "街道"
                | "区"
                | "县"
                | "旗"
                | "市"
                | "局"
                | "厅"
                | "委"
                | "办"
                | "镇政府"
                | "区政府"
                | "县政府"
                | "市政府"
        )
}

fn most_named_place(text: &str, all: &[Block], unit: &str) -> Option<String> {
    // Every 2–4 Han characters before the unit are a candidate name; the real name is the one
    // written most often, and of equally frequent ones the longest (白沙路街道, not 沙路街道).
    // The name is shown as first written (traditional characters stay traditional).
    const LEAD: &[char] = &[
        '在', '对', '为', '和', '与', '及', '的', '是', '了', '将', '把', '推', '进', '全', '我',
        '本', '各', '该', '结', '合', '于',
    ];
    // Per name: how often it is written, where first, and whether a heading writes it.
    let mut counts: Tally<String, (usize, Range<usize>, bool)> = Vec::new();
    for b in all {
        let s = &b.norm.text;
        for (at, _) in s.match_indices(unit) {
            let before: Vec<char> = s[..at]
                .chars()
                .rev()
                .take(4)
                .take_while(|c| is_han(*c))
                .collect();
            let mut start = at;
            for n in 1..=before.len() {
                start -= before[n - 1].len_utf8();
                let head: String = before[..n].iter().rev().collect();
                // One character before the unit is a name only when it is a known county (盂县).
                if n < 2 && divisions::named(&format!("{head}{unit}")).is_empty() {
                    continue;
                }
                if head.starts_with(LEAD) || has_function_word(&head) {
                    continue;
                }
                let name = format!("{head}{unit}");
                if !NOT_PLACES.contains(&name.as_str()) {
                    let raw = b.norm.raw_span(start..at + unit.len());
                    // A heading line, not a paragraph opening on `(一)`.
                    let heading =
                        b.marker.is_some() && s.chars().count() <= 40 && !name.contains("乡镇");
                    let e = tally(&mut counts, name, || (0, raw, false));
                    e.0 += 1;
                    e.2 |= heading;
                }
            }
        }
    }
    let best = counts.into_iter().max_by(|a, b| {
        a.1.0
            .cmp(&b.1.0)
            .then(a.0.len().cmp(&b.0.len()))
            .then(b.0.cmp(&a.0))
    });
    match best {
        // Twice, or once in a heading (`一、东庄镇法治政府建设主要举措`): a name, not a passing mention.
        Some((_, (n, raw, in_heading))) if n >= 2 || in_heading => Some(display(&text[raw])),
        _ if matches!(unit, "镇" | "乡" | "街道") => town_named_bare(text, all, unit),
        _ => None,
    }
}

/// A town that writes its name without its unit (`谱写鱼复法治建设新篇章`, `护航新时代下洋高质量
/// 发展`): a name of 2–3 characters between a verb of such phrases and `法治`/`高质量`/`经济社会`,
/// written so at least twice and no division of the table (`全县`, `首都` and 奉节 are not towns).
fn town_named_bare(text: &str, all: &[Block], unit: &str) -> Option<String> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?:谱写|开拓|开创|推动|护航|助力|服务|保障|打造|建设|促进|新时代)([HAN]{2,3}?)(?:法治建设|法治政府|高质量|经济社会|法治化)",
        )
    });
    let mut counts: Tally<String, (usize, Range<usize>)> = Vec::new();
    for b in all {
        for m in BARE.captures_iter(&b.norm.text).filter_map(|c| c.get(1)) {
            let name = m.as_str();
            if name.starts_with(['全', '我', '本', '各', '该', '首', '新', '法'])
                || has_function_word(name)
                || !divisions::lookup(name).is_empty()
            {
                continue;
            }
            let raw = b.norm.raw_span(m.range());
            tally(&mut counts, name.to_string(), || (0, raw)).0 += 1;
        }
    }
    let (_, (n, raw)) = counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.start.cmp(&a.1.1.start)))?;
    (n >= 2).then(|| format!("{}{unit}", display(&text[raw])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_at_the_head_of_a_title() {
        assert_eq!(
            issuers_in_title("武汉市司法局关于2023年度法治政府建设情况的报告"),
            vec!["武汉市司法局"]
        );
        assert_eq!(
            issuers_in_title("陵川县教育局 2025年法治政府建设年度报告"),
            vec!["陵川县教育局"]
        );
        assert_eq!(
            issuers_in_title("2020年静海区法治政府建设情况报告"),
            vec!["静海区"]
        );
        assert_eq!(
            issuers_in_title("中共淮北市烈山区委 烈山区人民政府关于2024年法治政府建设情况的报告"),
            vec!["中共淮北市烈山区委", "烈山区人民政府"]
        );
        assert!(issuers_in_title("关于2023年度法治政府建设情况的报告").is_empty());
    }

    fn blocks_of(text: &str) -> Vec<Block> {
        crate::text::blocks::split(text).blocks
    }

    fn body_issuer(text: &str) -> Option<String> {
        let bs = blocks_of(text);
        let intro: Vec<&Block> = bs.iter().collect();
        issuer_in_body(text, &bs, &intro)
    }

    #[test]
    fn a_place_as_the_subject_is_its_government() {
        assert_eq!(
            body_issuer("2024年,广东坚持以习近平新时代中国特色社会主义思想为指导。\n").as_deref(),
            Some("广东省人民政府")
        );
        // An ordinary word in the subject's place is no division.
        assert_eq!(
            body_issuer("2024年,各地坚持以习近平新时代中国特色社会主义思想为指导。\n"),
            None
        );
    }

    #[test]
    fn a_bare_government_takes_the_division_the_text_names() {
        assert_eq!(
            body_issuer("2023年,省政府坚持依法行政,落实关于湖北工作的重要讲话精神。\n").as_deref(),
            Some("湖北省人民政府")
        );
        assert_eq!(
            body_issuer("2020年,县政府坚持依法行政。\n建设平安盂县、法治盂县。\n").as_deref(),
            Some("盂县人民政府")
        );
        assert_eq!(
            body_issuer(
                "自治区人民政府把学习贯彻习近平法治思想作为首要任务,落实内蒙古自治区党委部署。\n"
            )
            .as_deref(),
            Some("内蒙古自治区人民政府")
        );
        // No place named: what is known.
        assert_eq!(
            body_issuer("2020年,县政府坚持依法行政。\n").as_deref(),
            Some("县政府")
        );
    }

    #[test]
    fn issuers_of_a_title_in_traditional_characters_as_written() {
        assert_eq!(
            issuers_in_title("保定市人民政府關於2016年度法治政府建設情況的報告"),
            vec!["保定市人民政府"]
        );
        assert_eq!(
            issuers_in_title("小龍門鄉2024年法治政府建設情況報告"),
            vec!["小龍門鄉"]
        );
    }

    #[test]
    fn a_ministry_that_says_wo_bu_is_the_ministry_it_names() {
        assert_eq!(
            body_issuer(
                "据应急管理部消息,应急管理部发布年度报告。部主要负责同志多次主持召开部党委会议。\n"
            )
            .as_deref(),
            Some("应急管理部")
        );
        assert_eq!(
            body_issuer("2022年,民政部党组坚持以习近平新时代中国特色社会主义思想为指导。\n")
                .as_deref(),
            Some("民政部")
        );
        // A 部 that is no ministry: `干部` and `支部` name no body.
        assert_eq!(body_issuer("我部干部和机关党支部坚持学法。\n"), None);
    }

    #[test]
    fn a_town_named_only_in_the_body() {
        // `我镇` in the lead-in, the town's name in the body.
        assert_eq!(
            body_issuer("现将我镇2023年法治政府建设情况报告如下。\n东庄镇坚持依法行政。\n完成东庄镇综合执法改革。\n")
                .as_deref(),
            Some("东庄镇")
        );
        // `镇党委、政府` and the town in a heading.
        assert_eq!(
            body_issuer(
                "2023年,镇党委、政府高度重视法治政府建设。\n一、东庄镇法治政府建设主要举措\n"
            )
            .as_deref(),
            Some("东庄镇")
        );
        assert_eq!(
            body_issuer("2023年,镇党委、政府高度重视法治政府建设,学习东庄镇经验。\n"),
            None
        );
        // A paragraph that opens on `(一)` is no heading: `年度参与乡镇` is no town.
        assert_eq!(
            body_issuer(
                "在新区党工委的领导下,我镇持续深化法治政府建设。\n(一)建立多级联动体系。组织年度参与乡镇考核工作,完善工作机制,形成多级联动的工作格局。\n"
            ),
            None
        );
        // `街道按照…` and the name written without its unit, twice.
        assert_eq!(
            body_issuer("2021年来,街道按照《奉节县法治政府建设实施方案》的要求推进,奋力谱写鱼复法治建设新篇章,开拓鱼复法治建设新征程。\n")
                .as_deref(),
            Some("鱼复街道")
        );
        // Once is no name: `谱写奉节` is the county's, and a word once written proves nothing.
        assert_eq!(
            body_issuer(
                "2021年来,街道按照要求推进,奋力谱写奉节法治建设新篇章,开拓鱼复法治建设新征程。\n"
            ),
            None
        );
    }

    #[test]
    fn a_government_is_named_in_full() {
        assert_eq!(full_government_name("铜梁区政府".into()), "铜梁区人民政府");
        assert_eq!(
            full_government_name("铜梁区人民政府".into()),
            "铜梁区人民政府"
        );
        assert_eq!(full_government_name("党委政府".into()), "党委政府");
    }

    #[test]
    fn phrases_are_not_bodies() {
        let bs = blocks_of("2021年,自然资源部坚持以习近平新时代中国特色社会主义思想为指导。\n");
        let intro: Vec<&Block> = bs.iter().collect();
        let text = "2021年,自然资源部坚持以习近平新时代中国特色社会主义思想为指导。\n";
        assert_eq!(
            issuer_in_body(text, &bs, &intro).as_deref(),
            Some("自然资源部")
        );
        let text = "2023年,部长多次主持召开部党委会议,充分发挥党委政府在法治建设中的作用,全体干部坚持学法。\n";
        let bs = blocks_of(text);
        let intro: Vec<&Block> = bs.iter().collect();
        assert_eq!(issuer_in_body(text, &bs, &intro), None);
    }
}
