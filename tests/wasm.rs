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
    assert!(get(&r, &["score"]).is_null());
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
    let err = fazhi::wasm::analyze_file(b"%PDF-1.7", "scan.pdf").unwrap_err();
    let err: js_sys::Error = err.dyn_into().expect("a JS Error");
    let msg = String::from(err.message());
    assert!(msg.starts_with("scan.pdf：不是文本文件"), "{msg}");
}
