//! Metadata: title, issuers, recipients, year, level, 落款 (signer and date) and closing phrase,
//! read from the preamble before the first heading, the closing after the last section, and —
//! when the head of the document says nothing — from the opening sentences of the body.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::structure::divisions::{self, DivisionLevel};
use crate::structure::outline::OutlineHeading;
use crate::text::blocks::{Block, Blocks};
use crate::text::dates::{is_date_line, iso_date};
use crate::text::markers::chinese_number;
use crate::text::normalize::{Fold, display, is_han};

/// Han characters, for regex classes (the regex build has no Unicode script tables).
const HAN: &str = r"\x{3400}-\x{4DBF}\x{4E00}-\x{9FFF}\x{F900}-\x{FAFF}";

/// Endings of the names of bodies that issue or receive reports.
const ORG_SUFFIXES: &str = "人民政府|政府|委员会|党委|党工委|管委会|管理委员会|办事处|街道|镇|乡|局|厅|办公室|委|院|中心|署|办";

pub use crate::structure::divisions::OrgLevel;

/// The closing of a report: `特此报告。`, the signing body and the date.
#[derive(Debug, Clone, Default)]
pub struct Closing {
    /// Index of the first block after the last section (closing phrase or 落款), or blocks.len().
    pub content_end: usize,
    /// Block of the closing phrase.
    pub phrase: Option<usize>,
    /// Blocks of the signing bodies.
    pub signers: Vec<usize>,
    /// Block of the date and its ISO form.
    pub date: Option<(usize, String)>,
}

/// Metadata read from the text (internal form; spans are raw byte ranges).
#[derive(Debug, Clone, Default)]
pub struct MetaFacts {
    /// The report title.
    pub title: Option<String>,
    /// Raw span of the title (over two lines when it is split).
    pub title_span: Option<Range<usize>>,
    /// Issuing bodies, full names as written.
    pub issuers: Vec<String>,
    /// Where the issuers were found: `title`, `head` or `body`.
    pub issuers_from: Option<&'static str>,
    /// Recipients from the 主送 line.
    pub recipients: Vec<String>,
    /// Raw span of the 主送 line.
    pub recipient_span: Option<Range<usize>>,
    /// The year the report covers.
    pub year: Option<i32>,
    /// Level of the issuing body.
    pub level: Option<OrgLevel>,
    /// The signing body (joint signers joined with `、`).
    pub signed_by: Option<String>,
    /// The date in ISO form.
    pub date: Option<String>,
    /// The closing phrase as written.
    pub closing: Option<String>,
}

fn re(p: &str) -> Regex {
    Regex::new(&p.replace("HAN", HAN).replace("ORG_SUFFIXES", ORG_SUFFIXES)).expect("meta regex")
}

static ORG_LINE: LazyLock<Regex> = LazyLock::new(|| re(r"^(中共)?[HAN()]{2,40}(ORG_SUFFIXES)$"));
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| re(r"((?:19|20)[0-9]{2}|[二][〇○零][一二三四五六七八九〇○零]{2}) ?年"));
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
static SELF_REF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:我|本|全)(镇|乡|街道|区|县|旗|市|局|厅|委|办)|(?:^|[,。;:、]|年)(省|区|县|市|镇|乡)(?:党委|党工委)?(?:人民)?政府",
    )
});

/// How much of a paragraph's start is searched for the issuer's name.
const OPENING_CHARS: usize = 160;

/// Words that occur in sentences but not in the names of bodies (`2023年工作方案区政府` is no name;
/// issue #9 class 2: never a phrase fragment as an issuer).
/// Nor do verbs and plural words (`充分发挥党委政府` is a phrase, not a body).
const NOT_IN_NAMES: &[&str] = &[
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

fn is_org_line(s: &str) -> bool {
    s.split(' ').all(|p| ORG_LINE.is_match(p)) && s.chars().count() <= 60
}

/// Finds where the sections end: the closing phrase (`特此报告`) and the 落款 after it.
pub fn find_closing(blocks: &Blocks) -> Closing {
    let bs = &blocks.blocks;
    let n = bs.len();
    let mut c = Closing {
        content_end: n,
        ..Closing::default()
    };
    let phrase = bs
        .iter()
        .rposition(|b| {
            let s = &b.norm.text;
            (s.starts_with("特此报告") || s.starts_with("特此汇报")) && s.chars().count() <= 8
        })
        .filter(|&p| !report_follows(&bs[p + 1..]));
    let tail_start = match phrase {
        Some(p) => p + 1,
        // Without a closing phrase, only a date on the last lines marks a 落款.
        None => match bs.iter().rposition(|b| is_date_line(&b.norm.text)) {
            Some(d) if d + 2 >= n => d.saturating_sub(2),
            _ => return c,
        },
    };
    let mut first_tail = None;
    for (i, b) in bs.iter().enumerate().skip(tail_start).take(5) {
        let s = &b.norm.text;
        if let Some(iso) = iso_date(s) {
            c.date = Some((i, iso));
            first_tail.get_or_insert(i);
            break;
        } else if is_org_line(s) {
            c.signers.push(i);
            first_tail.get_or_insert(i);
        } else if phrase.is_none() {
            c.signers.clear();
            first_tail = None;
        }
    }
    c.phrase = phrase;
    c.content_end = phrase.or(first_tail).unwrap_or(n);
    c
}

/// A cover letter (`主送：… 特此报告。 落款`) sent with the report ends in a closing phrase of its
/// own; the report follows it. After the report's own closing come only the 落款, the date and
/// the list of attachments: a paragraph or a heading after the phrase means a report follows.
fn report_follows(after: &[Block]) -> bool {
    after.iter().any(|b| {
        let s = &b.norm.text;
        b.marker.is_some() || (s.contains('。') && !s.starts_with("附件") && b.norm.chars() > 40)
    })
}

/// Reads the metadata.
pub fn extract(
    text: &str,
    blocks: &Blocks,
    heads: &[OutlineHeading],
    closing: &Closing,
) -> MetaFacts {
    let bs = &blocks.blocks;
    let first_head = heads
        .first()
        .map_or(closing.content_end.min(bs.len()), |h| h.block);
    let preamble = &bs[..first_head];
    let mut m = MetaFacts::default();

    // Title: the document's own title line (after any page title and chrome); an issuer line
    // right above it joins it.
    let found = find_title(preamble);
    let title_blocks = found.as_ref().map_or(0..0, |t| t.first..t.last + 1);
    let mut head_issuers: Vec<String> = Vec::new();
    if let Some(t) = &found {
        let mut span = t.raw_span(preamble);
        let mut title: String = (t.first..=t.last)
            .map(|i| display(&text[t.raw_span_in(preamble, i)]))
            .collect();
        let mut above = Vec::new();
        let mut k = t.first;
        while k > 0 && is_org_line(&preamble[k - 1].norm.text) && above.len() < 3 {
            k -= 1;
            above.push(k);
        }
        above.reverse();
        let own_issuers = issuers_in_title(&text[span.clone()]);
        if above.len() == 1 && t.start == 0 && own_issuers.is_empty() {
            span.start = preamble[above[0]].span.start;
            title = format!(
                "{}{}",
                display(&text[preamble[above[0]].span.clone()]),
                title
            );
        }
        let folded = crate::text::normalize::Norm::new(&title, 0, Fold::Matching).text;
        if folded.starts_with("关于") || !above.is_empty() {
            for &a in &above {
                head_issuers.extend(split_joint(&text[preamble[a].span.clone()]));
            }
        }
        if head_issuers.is_empty() {
            head_issuers = own_issuers;
        }
        m.title = Some(title);
        m.title_span = Some(span);
    } else if let Some((title, span)) = title_in_page_field(text, blocks) {
        head_issuers = issuers_in_title(&title);
        m.title = Some(title);
        m.title_span = Some(span);
    }

    // 主送: the first line of the head naming bodies and ending in a colon (a cover letter's too).
    if let Some(b) = preamble
        .iter()
        .enumerate()
        .find(|(i, b)| !title_blocks.contains(i) && is_recipient_line(&b.norm.text))
        .map(|(_, b)| b)
    {
        let raw = display(&text[b.span.clone()]);
        let raw = raw.trim_end_matches([':', '：', ' ']);
        m.recipients = raw
            .split(['、', ',', '，'])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        m.recipient_span = Some(b.span.clone());
    }

    let intro: Vec<&Block> = preamble
        .iter()
        .enumerate()
        .filter(|(i, b)| !title_blocks.contains(i) && !is_recipient_line(&b.norm.text))
        .map(|(_, b)| b)
        .collect();

    // Issuers: the head of the document, the 落款, the opening sentences, the page's own labels.
    let signers: Vec<String> = closing
        .signers
        .iter()
        .flat_map(|&i| split_joint(&text[bs[i].span.clone()]))
        .collect();
    if !head_issuers.is_empty() {
        m.issuers = head_issuers;
        m.issuers_from = Some("head");
    } else if !signers.is_empty() {
        m.issuers = signers.clone();
        m.issuers_from = Some("signature");
    } else if let Some(org) = issuer_in_body(text, bs, &intro) {
        m.issuers = vec![org];
        m.issuers_from = Some("body");
    } else if let Some(org) = issuer_in_page_source(text, blocks) {
        m.issuers = vec![org];
        m.issuers_from = Some("page");
    }

    m.date = closing.date.as_ref().map(|(_, d)| d.clone());
    m.year = m
        .title
        .as_deref()
        .and_then(|t| first_year(&crate::text::normalize::Norm::new(t, 0, Fold::Matching).text))
        .or_else(|| intro_year(&intro))
        .or_else(|| {
            heads
                .iter()
                .filter(|h| h.level == 1)
                .find_map(|h| first_year(&h.title_norm))
        })
        .or_else(|| {
            // A speech to the 人大 names the year only where the first section begins (`2023年,`).
            let first = heads.first()?.block;
            let opening: Vec<&Block> = bs.iter().skip(first).take(4).collect();
            opening_year(&opening)
        })
        .or_else(|| year_from_date(m.date.as_deref()?));
    m.level = m
        .issuers
        .iter()
        .map(|i| org_level(&crate::text::normalize::Norm::new(i, 0, Fold::Matching).text))
        .find(|l| *l != OrgLevel::Unknown)
        .or_else(|| {
            // No name, but the report speaks of itself (`我镇`, `我局`): that says the level.
            intro
                .iter()
                .copied()
                .chain(bs.iter().take(12))
                .find_map(|b| self_reference_level(&b.norm.text))
        })
        .or(Some(OrgLevel::Unknown));

    if let Some(p) = closing.phrase {
        m.closing = Some(display(&text[bs[p].span.clone()]));
    }
    if !signers.is_empty() {
        m.signed_by = Some(signers.join("、"));
    }
    m
}

/// Where the title is: its first and last preamble block, and where it starts in the first and
/// ends in the last (normalized bytes), so chrome or body text glued to it stays out.
struct TitleAt {
    first: usize,
    last: usize,
    start: usize,
    end: usize,
}

impl TitleAt {
    /// The raw span of the part of block `i` that belongs to the title.
    fn raw_span_in(&self, preamble: &[Block], i: usize) -> Range<usize> {
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
    fn raw_span(&self, preamble: &[Block]) -> Range<usize> {
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
fn find_title(preamble: &[Block]) -> Option<TitleAt> {
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
fn title_in_page_field(text: &str, blocks: &Blocks) -> Option<(String, Range<usize>)> {
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

/// The body named in the page's own labels (`来源：`, `发布机构：`) — the last resort for the issuer.
fn issuer_in_page_source(text: &str, blocks: &Blocks) -> Option<String> {
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
fn is_recipient_line(s: &str) -> bool {
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

/// The year of the report from its opening paragraphs: the lead-in (`现将…2024年…报告如下`)
/// first, then a paragraph opening on a year (`2023年,` `2023年以来`), then any year.
fn intro_year(intro: &[&Block]) -> Option<i32> {
    static LEAD_IN: LazyLock<Regex> =
        LazyLock::new(|| re(r"现将[^。]{0,80}?(?:报告|汇报|总结|报送|说明)(?:如下|于后)"));
    intro
        .iter()
        .find_map(|b| {
            LEAD_IN
                .find(&b.norm.text)
                .and_then(|m| first_year(m.as_str()))
        })
        .or_else(|| opening_year(intro))
        .or_else(|| intro.iter().find_map(|b| first_year(&b.norm.text)))
}

/// The year a paragraph opens on (`2023年,` `2023年以来`), in the first of `blocks` that has one.
fn opening_year(blocks: &[&Block]) -> Option<i32> {
    static OPENING: LazyLock<Regex> =
        LazyLock::new(|| re(r"^((?:19|20)[0-9]{2}) ?年度?(?:,|以来|来)"));
    blocks.iter().find_map(|b| {
        let s = b.norm.text.as_str();
        let at = b.marker.map_or(0, |m| m.len);
        OPENING.captures(&s[at..]).and_then(|c| c[1].parse().ok())
    })
}

/// A report dated in the first half of a year covers the year before (`2024-01-15` → 2023).
fn year_from_date(iso: &str) -> Option<i32> {
    let year: i32 = iso.get(..4)?.parse().ok()?;
    let month: u32 = iso.get(5..7)?.parse().ok()?;
    Some(if month <= 6 { year - 1 } else { year })
}

/// Joint issuers written on one line are separated by spaces.
fn split_joint(raw: &str) -> Vec<String> {
    raw.split(crate::text::normalize::is_space)
        .map(display)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The issuer named at the head of a title: before `关于`, or before the year.
fn issuers_in_title(raw: &str) -> Vec<String> {
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
fn issuer_in_body(text: &str, all: &[Block], intro: &[&Block]) -> Option<String> {
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
            let unit = c.get(1).or(c.get(2)).map_or("", |m| m.as_str());
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
    let mut counts: HashMap<u32, Named> = HashMap::new();
    if matches!(unit, "省" | "自治区" | "市" | "区" | "县" | "旗") {
        for b in all {
            for f in divisions::scan(&b.norm.text) {
                if let [d] = f.divisions.as_slice()
                    && fits(d)
                {
                    let e = counts.entry(d.code).or_insert((0, d, None));
                    e.0 += 1;
                    if !f.short && e.2.is_none() {
                        e.2 = Some(b.norm.raw_span(f.span.clone()));
                    }
                }
            }
        }
    }
    let best = counts
        .into_values()
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

/// The level a report's word for itself gives (`我镇` town, `我县` county, `我局` department).
fn self_reference_level(s: &str) -> Option<OrgLevel> {
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
    let mut counts: HashMap<String, (usize, Range<usize>)> = HashMap::new();
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
                    counts.entry(name).or_insert((0, raw)).0 += 1;
                }
            }
        }
    }
    let (best, (n, raw)) = counts.into_iter().max_by(|a, b| {
        a.1.0
            .cmp(&b.1.0)
            .then(a.0.len().cmp(&b.0.len()))
            .then(b.0.cmp(&a.0))
    })?;
    let _ = best;
    (n >= 2).then(|| display(&text[raw]))
}

/// The first year written in `s` that is not part of a range (`2021-2025年`) or a number (`〔2023〕`).
/// Years inside a cited title (`《…2023年工作要点》`) count only when no other year is written.
fn first_year(s: &str) -> Option<i32> {
    let mut cited = None;
    for c in YEAR.captures_iter(s) {
        let Some(m) = c.get(1) else { continue };
        let before = s[..m.start()].chars().next_back();
        if matches!(
            before,
            Some('-' | '—' | '–' | '~' | '至' | '－' | '〔' | '[' | '(')
        ) {
            continue;
        }
        let Some(year) = year_value(m.as_str()) else {
            continue;
        };
        let open = s[..m.start()].matches('《').count() > s[..m.start()].matches('》').count();
        if !open {
            return Some(year);
        }
        cited.get_or_insert(year);
    }
    cited
}

/// `2023` or `二〇二三` as a number.
fn year_value(s: &str) -> Option<i32> {
    if let Ok(y) = s.parse() {
        return Some(y);
    }
    let digits: String = s
        .chars()
        .map(|c| match c {
            '〇' | '○' | '零' => Some('0'),
            _ => chinese_number(&c.to_string()).and_then(|(v, _)| char::from_digit(v, 10)),
        })
        .collect::<Option<String>>()?;
    digits.parse().ok()
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
    fn years_skip_ranges_and_document_numbers() {
        assert_eq!(
            first_year("贯彻《纲要（2021-2025年）》,2023年以来"),
            Some(2023)
        );
        assert_eq!(
            first_year("厅字〔2019〕28号,现将2022年工作报告如下"),
            Some(2022)
        );
    }

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

    #[test]
    fn a_closing_phrase_followed_by_the_report_belongs_to_a_cover_letter() {
        let letter = crate::text::blocks::split(
            "中共湖州市委、湖州市人民政府：\n现将我局《2024年度法治政府建设工作总结》随文上报。\n特此报告。\n湖州市交通运输局\n2025年1月15日\n2024年度交通运输法治政府建设\n工作总结\n2024年湖州市交通运输局在市委、市政府的坚强领导下，笃学践行习近平法治思想，完善交通法规制度体系。\n一、2024年工作完成情况\n",
        );
        let c = find_closing(&letter);
        assert_eq!(c.phrase, None);
        assert_eq!(c.content_end, letter.blocks.len());
        let report = crate::text::blocks::split(
            "一、主要成效\n全年办理案件。\n特此报告。\n某县人民政府\n2024年1月5日\n附件：1.行政执法统计表\n",
        );
        assert_eq!(find_closing(&report).phrase, Some(2));
    }

    fn blocks_of(text: &str) -> Vec<Block> {
        crate::text::blocks::split(text).blocks
    }

    #[test]
    fn the_lead_in_names_the_year_before_other_years() {
        let bs = blocks_of(
            "在中牟新区党工委的领导下,我镇在2023年工作基础上稳步提升。现将我镇2024年法治政府建设情况报告如下。\n",
        );
        let intro: Vec<&Block> = bs.iter().collect();
        assert_eq!(intro_year(&intro), Some(2024));
        let bs = blocks_of("2022年以来,县政府深入推进依法行政,落实《纲要(2021-2025年)》。\n");
        let intro: Vec<&Block> = bs.iter().collect();
        assert_eq!(intro_year(&intro), Some(2022));
    }

    #[test]
    fn a_report_dated_early_in_a_year_covers_the_year_before() {
        assert_eq!(year_from_date("2024-01-15"), Some(2023));
        assert_eq!(year_from_date("2023-12-20"), Some(2023));
        assert_eq!(year_from_date("2023"), None);
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
    fn a_news_headline_about_a_report_is_not_its_title() {
        assert!(!is_title_line("应急管理部发布2023年法治政府建设年度报告"));
        assert!(is_title_line("应急管理部2023年法治政府建设年度报告"));
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
