//! The wasm binding: converts arguments and results, holds no logic.

use wasm_bindgen::prelude::*;

fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("内部错误：{e}")).into())
}

/// Analyzes pasted text.
#[wasm_bindgen]
pub fn analyze(text: &str, name: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&crate::analyze(
        text,
        name.as_deref().unwrap_or("粘贴的文本"),
    ))
}

/// Analyzes a file's bytes (UTF-8, UTF-16, GB18030 text).
#[wasm_bindgen(js_name = analyzeFile)]
pub fn analyze_file(bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
    match crate::analyze_bytes(bytes, file_name) {
        Ok(r) => to_js(&r),
        Err(e) => Err(js_sys::Error::new(&format!("{file_name}：{}", e.message_zh())).into()),
    }
}

/// The analysis of pasted text as Markdown (meta, five parts, outline).
#[wasm_bindgen(js_name = markdownOf)]
pub fn markdown_of(text: &str, name: Option<String>) -> String {
    crate::render::markdown(&crate::analyze(
        text,
        name.as_deref().unwrap_or("粘贴的文本"),
    ))
}

/// The version of fazhi.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
