//! Property tests: for any input, analysis never panics and every span is in bounds, on char
//! boundaries, in document order, and nested inside its parent.

#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

/// Fragments that exercise the scanners: markers, look-alikes, noise, odd spaces, astral chars.
const PIECES: &[&str] = &[
    "一、",
    "（一）",
    "(二)",
    "1.",
    "1、",
    "（1）",
    "第一部分",
    "四 、",
    "二十、",
    "一是",
    "第一，",
    "①",
    "1.5亿元",
    "2023.12",
    "2023年",
    "（2021-2025年）",
    "〔2023〕5号",
    "关于",
    "报告",
    "情况",
    "特此报告。",
    "2023年12月20日",
    "镇人民政府",
    "中共博爱县委、博爱县人民政府：",
    "[bookmark: _GoBack]",
    "[bookmark:",
    "作者: | 来源:",
    "Baidu",
    "map",
    "。",
    "，",
    "：",
    ":",
    "\n",
    "\r\n",
    "\r",
    " ",
    "\u{a0}",
    "\u{3000}",
    "\t",
    "法治政府建设",
    "存在的问题",
    "下一步打算",
    "第一责任人",
    "𠀀",
    "😀",
    "\u{feff}",
    "\u{200b}",
    "a",
    "7",
];

fn report_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(String::from),
            1 => any::<String>(),
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn analysis_never_panics_and_spans_hold(text in report_text()) {
        let r = fazhi::analyze(&text, "prop");
        prop_assert_eq!(&r.text, &text);
        common::check_invariants(&r);
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(r) = fazhi::analyze_bytes(&bytes, "prop") {
            common::check_invariants(&r);
        }
    }
}
