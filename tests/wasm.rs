//! The wasm binding in a real browser: JS values in, the model out, errors as JS `Error`s.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(v.clone(), |v, k| {
        js_sys::Reflect::get(&v, &JsValue::from_str(k)).expect("field")
    })
}

#[wasm_bindgen_test]
fn analyze_returns_the_model_as_plain_js_objects() {
    let r = fazhi::wasm::analyze(
        "关于2023年度法治政府建设情况的报告\n一、主要举措和成效\n",
        None,
    )
    .unwrap();
    assert_eq!(
        get(&r, &["meta", "title"]).as_string().as_deref(),
        Some("关于2023年度法治政府建设情况的报告")
    );
    assert_eq!(get(&r, &["meta", "year"]).as_f64(), Some(2023.0));
    let outline: js_sys::Array = get(&r, &["outline"]).dyn_into().unwrap();
    assert_eq!(outline.length(), 1);
    assert_eq!(
        get(&outline.get(0), &["part"]).as_string().as_deref(),
        Some("measures")
    );
    // Facts reach JS too: a score, and the findings of a report with four parts missing.
    assert!(get(&r, &["score", "total"]).as_f64().is_some());
    let findings: js_sys::Array = get(&r, &["findings"]).dyn_into().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| get(&f, &["rule"]).as_string().as_deref() == Some("missing-part"))
    );
}

#[wasm_bindgen_test]
fn analyze_file_decodes_gbk() {
    let (gbk, _, _) = encoding_rs::GBK.encode("关于2023年度法治政府建设情况的报告\n一、主要成效\n");
    let r = fazhi::wasm::analyze_file(&gbk, "gbk.txt").unwrap();
    assert_eq!(
        get(&r, &["source", "encoding"]).as_string().as_deref(),
        Some("GB18030")
    );
    assert_eq!(
        get(&r, &["meta", "title"]).as_string().as_deref(),
        Some("关于2023年度法治政府建设情况的报告")
    );
}

#[wasm_bindgen_test]
fn unreadable_bytes_become_a_js_error_with_a_chinese_message() {
    let err = fazhi::wasm::analyze_file(b"\x89PNG\r\n\x1a\n", "scan.pdf").unwrap_err();
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    let msg = String::from(err.message());
    assert_eq!(msg, "scan.pdf：无法识别的文件格式（图片）");
}

#[wasm_bindgen_test]
fn analyze_file_reads_word_numbering_and_a_gbk_web_page_in_the_browser() {
    let docx = include_bytes!("fixtures/formats/004_470a423e495ab50d.autonum.docx");
    let r = fazhi::wasm::analyze_file(docx, "report.docx").unwrap();
    assert_eq!(
        get(&r, &["source", "format"]).as_string().as_deref(),
        Some("docx")
    );
    let outline: js_sys::Array = get(&r, &["outline"]).dyn_into().unwrap();
    assert_eq!(
        get(&outline.get(0), &["marker"]).as_string().as_deref(),
        Some("一、")
    );
    // The page's charset is decoded by the browser's TextDecoder, not encoding_rs.
    let html = "<html><head><meta charset=\"gb2312\"></head><body><p>关于2023年度法治政府建设情况的报告</p><p>一、主要成效</p></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(html);
    let r = fazhi::wasm::analyze_file(&gbk, "page.htm").unwrap();
    assert_eq!(
        get(&r, &["source", "format"]).as_string().as_deref(),
        Some("html")
    );
    assert_eq!(
        get(&r, &["meta", "title"]).as_string().as_deref(),
        Some("关于2023年度法治政府建设情况的报告")
    );
}
