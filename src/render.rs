//! Render: the model as Markdown for a person (CLI `--format md`, the page's Markdown export).

use crate::{Heading, Report};

/// A readable summary for a person: meta, parts, outline.
pub fn markdown(r: &Report) -> String {
    let m = &r.meta;
    let none = "—".to_string();
    let mut s = format!("# {}\n\n", m.title.as_deref().unwrap_or(&r.source.name));
    s += &format!(
        "- 文件 / file: {} ({})\n",
        r.source.name,
        r.source.encoding.as_deref().unwrap_or("text")
    );
    s += &format!(
        "- 发文机关 / issuers: {}\n",
        if m.issuers.is_empty() {
            none.clone()
        } else {
            m.issuers.join("；")
        }
    );
    s += &format!(
        "- 主送 / recipients: {}\n",
        if m.recipients.is_empty() {
            none.clone()
        } else {
            m.recipients.join("、")
        }
    );
    s += &format!(
        "- 年度 / year: {}\n",
        m.year.map_or(none.clone(), |y| y.to_string())
    );
    s += &format!(
        "- 层级 / level: {}\n",
        serde_json::to_value(m.level)
            .ok()
            .and_then(|v| v.as_str().map(String::from))
            .unwrap_or_default()
    );
    s += &format!(
        "- 落款 / signed: {} {}\n\n",
        m.signed_by.as_deref().unwrap_or("—"),
        m.date.as_deref().unwrap_or("")
    );
    s += "## 五项法定内容 / mandated parts\n\n";
    for p in &r.parts {
        let mark = if p.present { "✔" } else { "✘" };
        let where_: Vec<String> = p.headings.iter().map(|h| h.title.clone()).collect();
        s += &format!(
            "- {mark} {}{}\n",
            p.label,
            if where_.is_empty() {
                String::new()
            } else {
                format!(" — {}", where_.join("；"))
            }
        );
    }
    s += "\n## 提纲 / outline\n\n";
    fn walk(hs: &[Heading], s: &mut String) {
        for h in hs {
            *s += &format!(
                "{}- {}{}\n",
                "  ".repeat(h.level as usize - 1),
                h.marker,
                h.title
            );
            walk(&h.children, s);
        }
    }
    walk(&r.outline, &mut s);
    s.push('\n');
    s
}
