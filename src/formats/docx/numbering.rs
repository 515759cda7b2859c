//! Word's automatic numbering: the lists of numbering.xml (abstractNum, num, lvl) and their labels.

use std::borrow::Cow;
use std::collections::HashMap;

use quick_xml::events::Event;

use super::body::RawParagraph;
use super::styles::Styles;
use super::xml::{Xml, attr, local, on_off, val, val_number};
use crate::error::Error;
use crate::error::Limits;

/// How a level writes its number (`w:numFmt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum NumFormat {
    #[default]
    Decimal,
    DecimalZero,
    DecimalFullWidth,
    DecimalEnclosedCircle,
    UpperLetter,
    LowerLetter,
    UpperRoman,
    LowerRoman,
    ChineseCounting,
    ChineseCountingThousand,
    ChineseLegalSimplified,
    IdeographDigital,
    IdeographTraditional,
    IdeographZodiac,
    Bullet,
    None,
}

impl NumFormat {
    /// The format of a `w:numFmt` value; formats not drawn here fall back to decimal.
    fn from_name(name: &str) -> Self {
        match name {
            "decimalZero" => Self::DecimalZero,
            "decimalFullWidth" | "decimalFullWidth2" => Self::DecimalFullWidth,
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => Self::DecimalEnclosedCircle,
            "upperLetter" => Self::UpperLetter,
            "lowerLetter" => Self::LowerLetter,
            "upperRoman" => Self::UpperRoman,
            "lowerRoman" => Self::LowerRoman,
            "chineseCounting" => Self::ChineseCounting,
            "chineseCountingThousand" | "japaneseCounting" | "taiwaneseCountingThousand" => {
                Self::ChineseCountingThousand
            }
            "chineseLegalSimplified" => Self::ChineseLegalSimplified,
            "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => {
                Self::IdeographDigital
            }
            "ideographTraditional" => Self::IdeographTraditional,
            "ideographZodiac" => Self::IdeographZodiac,
            "bullet" => Self::Bullet,
            "none" => Self::None,
            _ => Self::Decimal,
        }
    }
}

/// One level of a list (`w:lvl`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Level {
    start: u32,
    format: NumFormat,
    /// `w:lvlText`: `%1`…`%9` stand for the counters of levels 1–9.
    text: String,
    /// `w:lvlRestart`: restart after a use of level 1…n; 0 never; `None` after any higher level.
    restart: Option<u32>,
    /// `w:isLgl`: every placeholder in decimal.
    legal: bool,
    /// `w:pStyle`: the paragraph style that selects this level.
    style: Option<String>,
}

/// A list definition (`w:abstractNum`).
#[derive(Debug, Clone, Default)]
struct AbstractNum {
    levels: [Option<Level>; 9],
    /// `w:numStyleLink`: the definition is that of a numbering style.
    num_style_link: Option<String>,
}

/// A level override of a list instance (`w:lvlOverride`).
#[derive(Debug, Clone, Default)]
struct LevelOverride {
    start: Option<u32>,
    level: Option<Level>,
}

/// A list instance (`w:num`), what paragraphs refer to.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: Option<u32>,
    overrides: [Option<LevelOverride>; 9],
}

/// numbering.xml.
#[derive(Debug, Default)]
pub(super) struct Numbering {
    abstracts: HashMap<u32, AbstractNum>,
    nums: HashMap<u32, Num>,
}

impl Numbering {
    /// The numbering styles list definitions link to (they are looked up in styles.xml).
    pub(super) fn style_links(&self) -> impl Iterator<Item = &str> {
        self.abstracts
            .values()
            .filter_map(|a| a.num_style_link.as_deref())
    }
}

/// Reads numbering.xml.
pub(super) fn read_numbering(part: &str, text: &str, limits: &Limits) -> Result<Numbering, Error> {
    let mut xml = Xml::new(part, text, limits);
    let mut numbering = Numbering::default();
    loop {
        match xml.next()? {
            Event::Start(e) if local(&e) == "abstractNum" => {
                let id = attr(&e, "abstractNumId").and_then(|v| v.trim().parse().ok());
                let mut a = AbstractNum::default();
                xml.each_inside(|xml, e, empty| {
                    match local(e) {
                        "lvl" if !empty => {
                            let ilvl = attr(e, "ilvl").and_then(|v| v.trim().parse::<usize>().ok());
                            let level = read_level(xml)?;
                            if let Some(slot) = ilvl.and_then(|i| a.levels.get_mut(i)) {
                                *slot = Some(level);
                            }
                        }
                        "numStyleLink" => a.num_style_link = val(e).map(Cow::into_owned),
                        _ if !empty => xml.skip()?,
                        _ => {}
                    }
                    Ok(())
                })?;
                if let Some(id) = id {
                    numbering.abstracts.insert(id, a);
                }
            }
            Event::Start(e) if local(&e) == "num" => {
                let id = attr(&e, "numId").and_then(|v| v.trim().parse().ok());
                let mut num = Num::default();
                xml.each_inside(|xml, e, empty| {
                    match local(e) {
                        "abstractNumId" => num.abstract_id = val_number(e),
                        "lvlOverride" if !empty => {
                            let ilvl = attr(e, "ilvl").and_then(|v| v.trim().parse::<usize>().ok());
                            let mut o = LevelOverride::default();
                            xml.each_inside(|xml, e, empty| {
                                match local(e) {
                                    "startOverride" => o.start = val_number(e),
                                    "lvl" if !empty => o.level = Some(read_level(xml)?),
                                    _ if !empty => xml.skip()?,
                                    _ => {}
                                }
                                Ok(())
                            })?;
                            if let Some(slot) = ilvl.and_then(|i| num.overrides.get_mut(i)) {
                                *slot = Some(o);
                            }
                        }
                        _ if !empty => xml.skip()?,
                        _ => {}
                    }
                    Ok(())
                })?;
                if let Some(id) = id {
                    numbering.nums.insert(id, num);
                }
            }
            Event::Eof => return Ok(numbering),
            _ => {}
        }
    }
}

/// Reads the inside of a `w:lvl`.
fn read_level(xml: &mut Xml<'_>) -> Result<Level, Error> {
    let mut level = Level::default();
    xml.each_inside(|xml, e, empty| {
        match local(e) {
            "start" => level.start = val_number(e).unwrap_or(0),
            "numFmt" => level.format = NumFormat::from_name(val(e).as_deref().unwrap_or("")),
            "lvlText" => level.text = val(e).map(Cow::into_owned).unwrap_or_default(),
            "lvlRestart" => level.restart = val_number(e),
            "isLgl" => level.legal = on_off(e),
            "pStyle" => level.style = val(e).map(Cow::into_owned),
            _ if !empty => xml.skip()?,
            _ => {}
        }
        Ok(())
    })?;
    Ok(level)
}

// ---------------------------------------------------------------------------------------------
// Drawing the labels

/// Whose counters a list instance uses: instances of one definition share them, as in Word,
/// unless an instance overrides a level (then it counts on its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Counters {
    Shared(u32),
    Own(u32),
}

/// The counters of every list met so far.
#[derive(Debug, Default)]
pub(super) struct ListCounters {
    values: HashMap<Counters, [Option<u32>; 9]>,
}

/// The levels a list instance draws with: its overrides over its definition's.
pub(super) struct ListLevels<'n> {
    key: Counters,
    definition: Option<&'n AbstractNum>,
    num: &'n Num,
}

impl<'n> ListLevels<'n> {
    fn level(&self, i: usize) -> Option<Cow<'n, Level>> {
        let o = self.num.overrides.get(i).and_then(Option::as_ref);
        let base = o
            .and_then(|o| o.level.as_ref())
            .or_else(|| self.definition?.levels.get(i)?.as_ref())?;
        match o.and_then(|o| o.start) {
            Some(start) => Some(Cow::Owned(Level {
                start,
                ..base.clone()
            })),
            None => Some(Cow::Borrowed(base)),
        }
    }
}

impl Numbering {
    /// The list a paragraph's `numId` refers to, following a numbering-style link.
    fn list<'n>(&'n self, num_id: u32, styles: &Styles) -> Option<ListLevels<'n>> {
        let num = self.nums.get(&num_id)?;
        let mut abstract_id = num.abstract_id?;
        let mut definition = self.abstracts.get(&abstract_id);
        // A definition linked to a numbering style takes the levels of that style's list.
        if let Some(link) = definition.and_then(|d| d.num_style_link.as_deref()) {
            let linked = styles
                .chain(Some(link))
                .find_map(|(_, s)| s.num.num_id)
                .and_then(|id| self.nums.get(&id))
                .and_then(|n| n.abstract_id);
            if let Some(id) = linked.filter(|id| self.abstracts.contains_key(id)) {
                abstract_id = id;
                definition = self.abstracts.get(&id);
            }
        }
        let key = if num.overrides.iter().any(Option::is_some) {
            Counters::Own(num_id)
        } else {
            Counters::Shared(abstract_id)
        };
        Some(ListLevels {
            key,
            definition,
            num,
        })
    }
}

impl ListCounters {
    /// Counts a paragraph at `level` of `list` and returns the label Word draws for it.
    ///
    /// Word's rules: a level's first use shows its `w:start`, each later use one more; a use of
    /// a level restarts the deeper levels (those with `w:lvlRestart` n only when the level used is
    /// 1…n, never with 0); `%k` in `w:lvlText` is level k's counter in level k's format (its
    /// start if it was never used, nothing if k is deeper than the paragraph), all in decimal
    /// when the level is `w:isLgl`.
    pub(super) fn label(&mut self, list: &ListLevels<'_>, level: usize) -> String {
        let Some(this) = list.level(level) else {
            return String::new();
        };
        let counters = self.values.entry(list.key).or_default();
        counters[level] = Some(match counters[level] {
            Some(n) => n.saturating_add(1),
            None => this.start,
        });
        // Deeper levels start again after a use of a level they restart under.
        for (deeper, counter) in counters.iter_mut().enumerate().skip(level + 1) {
            let restart_under = match list.level(deeper).and_then(|l| l.restart) {
                Some(r) => (r as usize).min(deeper),
                None => deeper,
            };
            if level < restart_under {
                *counter = None;
            }
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = match (c, chars.peek()) {
                ('%', Some(d @ '1'..='9')) => *d as usize - '1' as usize,
                _ => {
                    label.push(c);
                    continue;
                }
            };
            chars.next();
            // A placeholder for a deeper level than the paragraph's draws nothing.
            if placeholder > level {
                continue;
            }
            let shown = list.level(placeholder);
            let value = counters[placeholder]
                .or_else(|| shown.as_ref().map(|l| l.start))
                .unwrap_or(0);
            let format = if this.legal {
                NumFormat::Decimal
            } else {
                shown.map_or(NumFormat::Decimal, |l| l.format)
            };
            label.push_str(&format_number(value, format));
        }
        label
    }
}

/// The list and level a paragraph is numbered with: its own `w:numPr`, else its style's (whose
/// level may be the list level that names the style); `numId 0` means no numbering.
pub(super) fn numbering_of<'n>(
    p: &RawParagraph,
    style_id: Option<&str>,
    styles: &Styles,
    numbering: &'n Numbering,
) -> Option<(ListLevels<'n>, usize)> {
    let from_style = styles.chain(style_id).find(|(_, s)| s.num.num_id.is_some());
    let num_id = p
        .num
        .num_id
        .or_else(|| from_style.and_then(|(_, s)| s.num.num_id))?;
    if num_id == 0 {
        return None;
    }
    let list = numbering.list(num_id, styles)?;
    let level = p
        .num
        .level
        .or_else(|| from_style.and_then(|(_, s)| s.num.level))
        .map(usize::from)
        .or_else(|| {
            let (id, _) = from_style?;
            (0..9).find(|&i| {
                list.level(i)
                    .is_some_and(|l| l.style.as_deref() == Some(id))
            })
        })
        .unwrap_or(0);
    (level < 9).then_some((list, level))
}

// ---------------------------------------------------------------------------------------------
// Number formats

/// A counter value written in a level's format, as Word writes it; values a format cannot
/// write (0, beyond its range) are written in decimal.
fn format_number(n: u32, format: NumFormat) -> String {
    use crate::text::numerals::{
        self, DIGITS, DIGITS_ONE_BY_ONE, LEGAL_DIGITS, LEGAL_UNITS, UNITS,
    };
    let drawn = match format {
        NumFormat::Decimal => None,
        NumFormat::DecimalZero => (n < 10).then(|| format!("0{n}")),
        NumFormat::DecimalFullWidth => Some(numerals::full_width(n)),
        NumFormat::DecimalEnclosedCircle => numerals::nth(&numerals::CIRCLED, n),
        NumFormat::UpperLetter => numerals::letters(n).map(|l| l.to_ascii_uppercase()),
        NumFormat::LowerLetter => numerals::letters(n),
        NumFormat::UpperRoman => numerals::roman(n),
        NumFormat::LowerRoman => numerals::roman(n).map(|r| r.to_ascii_lowercase()),
        // Word's chineseCounting stops counting at 99 and writes digits from 100 on (a guess).
        NumFormat::ChineseCounting if n >= 100 => {
            Some(numerals::digit_by_digit(n, &DIGITS_ONE_BY_ONE))
        }
        NumFormat::ChineseCounting => numerals::counting(n, &DIGITS, &UNITS, true),
        NumFormat::ChineseCountingThousand if n < 10_000 => {
            numerals::counting(n, &DIGITS, &UNITS, true)
        }
        NumFormat::ChineseLegalSimplified if n < 10_000 => {
            numerals::counting(n, &LEGAL_DIGITS, &LEGAL_UNITS, false)
        }
        NumFormat::IdeographDigital => Some(numerals::digit_by_digit(n, &DIGITS_ONE_BY_ONE)),
        NumFormat::IdeographTraditional => numerals::nth(&numerals::HEAVENLY_STEMS, n),
        NumFormat::IdeographZodiac => numerals::nth(&numerals::EARTHLY_BRANCHES, n),
        // A bullet's lvlText is the bullet itself; it has no number to draw.
        NumFormat::Bullet | NumFormat::None => Some(String::new()),
        _ => None,
    };
    drawn.unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use crate::formats::docx::tests::{
        docx, extract, lvl, numbered, numbering_xml, p, report_list, styled, styles_xml, text_of,
    };

    /// Labels drawn for paragraphs of one level-0 list of `fmt` and `text`.
    fn labels(fmt: &str, text: &str, start: u32, count: usize) -> Vec<String> {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#
        ));
        let body: String = (0..count).map(|_| numbered(1, 0, "x")).collect();
        let e = extract(&docx(&body, Some(&numbering), None)).unwrap();
        e.paragraphs
            .iter()
            .map(|h| e.text[h.span.start..h.span.start + h.label_len].to_string())
            .collect()
    }

    #[test]
    fn the_reports_numbering_draws_chinese_headings_restarting_under_each_top_heading() {
        let body = [
            p("标题"),
            numbered(10, 0, "总体情况"),
            numbered(10, 1, "主要举措"),
            numbered(10, 1, "工作成效"),
            p("正文"),
            numbered(10, 0, "存在问题"),
            numbered(10, 1, "问题一"),
        ]
        .concat();
        let e = extract(&docx(&body, Some(&report_list()), None)).unwrap();
        assert_eq!(
            e.text,
            "标题\n一、总体情况\n（一）主要举措\n（二）工作成效\n正文\n二、存在问题\n（一）问题一"
        );
        assert_eq!(e.paragraphs[1].label_len, "一、".len());
        assert_eq!(e.paragraphs[2].label_len, "（一）".len());
        assert_eq!(e.paragraphs[4].label_len, 0);
    }

    #[test]
    fn a_level_with_restart_zero_keeps_counting_across_higher_levels() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, "decimal", "%1.", ""),
            lvl(1, "decimal", "(%2)", r#"<w:lvlRestart w:val="0"/>"#),
        ));
        let body = [
            numbered(1, 0, "a"),
            numbered(1, 1, "b"),
            numbered(1, 0, "c"),
            numbered(1, 1, "d"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, Some(&numbering), None),
            "1.a\n(1)b\n2.c\n(2)d"
        );
    }

    #[test]
    fn multilevel_labels_show_the_higher_counters_and_legal_levels_show_them_in_decimal() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1">{}{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, "upperRoman", "%1.", ""),
            lvl(1, "decimal", "%1.%2", ""),
            lvl(2, "lowerLetter", "%1.%2.%3", "<w:isLgl/>"),
        ));
        let body = [
            numbered(1, 0, " 总则"),
            numbered(1, 0, " 分则"),
            numbered(1, 1, " 条"),
            numbered(1, 2, " 款"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, Some(&numbering), None),
            "I. 总则\nII. 分则\nII.1 条\n2.1.1 款"
        );
    }

    #[test]
    fn lists_sharing_a_definition_share_counters_and_start_override_restarts() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1">{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>"#,
            lvl(0, "decimal", "%1、", ""),
        ));
        let body = [
            numbered(1, 0, "a"),
            numbered(2, 0, "b"),
            numbered(3, 0, "c"),
            numbered(3, 0, "d"),
            numbered(1, 0, "e"),
        ]
        .concat();
        assert_eq!(
            text_of(&body, Some(&numbering), None),
            "1、a\n2、b\n5、c\n6、d\n3、e"
        );
    }

    #[test]
    fn numbering_comes_from_the_paragraph_style_and_its_based_on_chain() {
        let styles = styles_xml(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
            <w:style w:type="paragraph" w:styleId="Top"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="10"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Second"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="10"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="TopRed"><w:name w:val="Top red"/><w:basedOn w:val="Top"/></w:style>"#,
        );
        let body = [
            styled("Top", "总体情况"),
            styled("Second", "主要举措"),
            styled("TopRed", "存在问题"),
            // numId 0 cancels the style's numbering.
            r#"<w:p><w:pPr><w:pStyle w:val="Top"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"#.into(),
        ]
        .concat();
        let e = extract(&docx(&body, Some(&report_list()), Some(&styles))).unwrap();
        assert_eq!(e.text, "一、总体情况\n（一）主要举措\n二、存在问题\n不编号");
        assert_eq!(e.paragraphs[2].outline_level, Some(1));
    }

    #[test]
    fn a_style_without_a_level_takes_the_list_level_that_names_it() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1">{}{}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>"#,
            lvl(0, "chineseCounting", "%1、", r#"<w:pStyle w:val="H1"/>"#),
            lvl(1, "chineseCounting", "（%2）", r#"<w:pStyle w:val="H2"/>"#),
        ));
        let styles = styles_xml(
            r#"<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#,
        );
        let body = r#"<w:p><w:pPr><w:pStyle w:val="H1"/></w:pPr><w:r><w:t>甲</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="H2"/></w:pPr><w:r><w:t>乙</w:t></w:r></w:p>"#;
        assert_eq!(
            text_of(body, Some(&numbering), Some(&styles)),
            "一、甲\n（一）乙"
        );
    }

    #[test]
    fn a_definition_linked_to_a_numbering_style_uses_that_styles_list() {
        let numbering = numbering_xml(&format!(
            r#"<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="ReportList"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="2"><w:styleLink w:val="ReportList"/>{}</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>"#,
            lvl(0, "chineseCounting", "%1、", ""),
        ));
        let styles = styles_xml(
            r#"<w:style w:type="numbering" w:styleId="ReportList"><w:name w:val="Report list"/><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>"#,
        );
        let body = [numbered(1, 0, "甲"), numbered(1, 0, "乙")].concat();
        assert_eq!(
            text_of(&body, Some(&numbering), Some(&styles)),
            "一、甲\n二、乙"
        );
    }

    #[test]
    fn each_number_format_draws_like_word() {
        assert_eq!(labels("decimal", "%1.", 1, 3), ["1.", "2.", "3."]);
        assert_eq!(labels("decimalZero", "%1.", 9, 2), ["09.", "10."]);
        assert_eq!(labels("decimalFullWidth", "%1．", 9, 2), ["９．", "１０．"]);
        assert_eq!(labels("decimalEnclosedCircle", "%1", 1, 2), ["①", "②"]);
        assert_eq!(labels("decimalEnclosedCircle", "%1", 20, 2), ["⑳", "21"]);
        assert_eq!(labels("upperLetter", "%1.", 26, 2), ["Z.", "AA."]);
        assert_eq!(labels("lowerLetter", "%1)", 1, 2), ["a)", "b)"]);
        assert_eq!(labels("upperRoman", "%1.", 3, 2), ["III.", "IV."]);
        assert_eq!(labels("lowerRoman", "%1.", 9, 2), ["ix.", "x."]);
        assert_eq!(labels("chineseCounting", "%1、", 1, 2), ["一、", "二、"]);
        assert_eq!(labels("chineseCounting", "%1、", 10, 2), ["十、", "十一、"]);
        assert_eq!(
            labels("chineseCounting", "%1、", 20, 2),
            ["二十、", "二十一、"]
        );
        assert_eq!(
            labels("chineseCounting", "%1、", 99, 2),
            ["九十九、", "一〇〇、"]
        );
        assert_eq!(labels("chineseCountingThousand", "%1、", 10, 1), ["十、"]);
        assert_eq!(
            labels("chineseCountingThousand", "%1、", 101, 1),
            ["一百零一、"]
        );
        assert_eq!(
            labels("chineseCountingThousand", "%1、", 110, 1),
            ["一百一十、"]
        );
        assert_eq!(
            labels("chineseCountingThousand", "%1、", 2024, 1),
            ["二千零二十四、"]
        );
        assert_eq!(labels("chineseLegalSimplified", "%1", 12, 1), ["壹拾贰"]);
        assert_eq!(labels("ideographDigital", "%1", 205, 1), ["二〇五"]);
        assert_eq!(
            labels("ideographTraditional", "%1、", 1, 4),
            ["甲、", "乙、", "丙、", "丁、"]
        );
        assert_eq!(
            labels("ideographTraditional", "%1、", 10, 2),
            ["癸、", "11、"]
        );
        assert_eq!(labels("ideographZodiac", "%1", 1, 2), ["子", "丑"]);
        assert_eq!(labels("bullet", "●", 1, 2), ["●", "●"]);
        assert_eq!(labels("none", "%1", 1, 1), [""]);
        assert_eq!(labels("none", "第%1条", 1, 1), ["第条"]);
        assert_eq!(labels("someFutureFormat", "%1.", 7, 1), ["7."]);
    }

    #[test]
    fn a_missing_list_draws_no_label() {
        let body = [numbered(7, 0, "无定义"), numbered(10, 5, "无此级")].concat();
        assert_eq!(text_of(&body, Some(&report_list()), None), "无定义\n无此级");
    }
}
