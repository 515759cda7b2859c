//! The wasm binding: converts arguments and results, holds no logic.

use wasm_bindgen::prelude::*;

/// TypeScript types of the model (docs/model.md), so embedders get real types, not `any`.
#[wasm_bindgen(typescript_custom_section)]
const MODEL_TS: &str = r#"
/** `[start, end)` in UTF-16 code units of `Report.text` (what `String.prototype.slice` takes). */
export type Span = [number, number];
export type MandatedPart = "measures" | "shortcomings" | "firstResponsible" | "plans" | "other";
export type MarkerStyle = "part" | "chineseComma" | "chineseParen" | "arabicDot" | "arabicComma" | "arabicParen";
export interface Item { marker: string; style: "shi" | "di" | "circled"; ordinal: number; span: Span; }
export interface Heading {
  id: number; level: number; marker: string; style: MarkerStyle; ordinal: number; title: string;
  span: Span; bodySpan: Span; part: MandatedPart | null; partCue: string | null; items: Item[]; children: Heading[];
}
export interface PartHeading { id: number; level: number; title: string; cue: string | null; }
export interface Part { part: MandatedPart; label: string; present: boolean; headings: PartHeading[]; }
export interface Meta {
  title: string | null; titleSpan: Span | null; issuers: string[]; issuersFrom: "head" | "signature" | "body" | "page" | null;
  recipients: string[]; recipientSpan: Span | null; year: number | null;
  level: "town" | "county" | "city" | "province" | "department" | "unknown";
  signedBy: string | null; date: string | null; closing: string | null;
}
export interface Source { name: string; format: "text" | "docx" | "doc" | "wps" | "html" | "pdf" | "ofd"; encoding: string | null; chars: number; }
/** A quantity stated in the report (`42件`, `95.45%`, `2万多份`, `无被申请行政复议案件` = 0). */
export interface Figure {
  value: number; unit: string; approx: "exact" | "atLeast" | "atMost" | "about" | "range";
  lower: number | null; upper: number | null; subject: string; text: string; span: Span;
}
/** A key indicator: reported with the figure that reports it, or not. */
export interface Indicator {
  id: string; label: string; reported: boolean; value: number | null; unit: string | null;
  /** Index into `Report.figures`. */
  figure: number | null; span: Span | null;
}
export type CitationKind = "law" | "regulation" | "partyRule" | "plan" | "localDocument" | "other";
/** A document cited by title (`《…》`); `nearMiss` when it nearly is the well-known title `known`. */
export interface Citation { title: string; kind: CitationKind; known: string | null; nearMiss: boolean; span: Span; }
export type Severity = "error" | "warning" | "info";
/** A problem to fix; `span` is null for something absent from the whole report. */
export interface Finding { rule: string; severity: Severity; message: string; span: Span | null; suggestion: string | null; }
/** One line of the scorecard (docs/rubric.md): points of max, and why in Chinese. */
export interface ScoreItem { id: "parts" | "substance" | "causes" | "plans" | "formal" | "findings"; label: string; points: number; max: number; why: string; }
export interface Scorecard { total: number; items: ScoreItem[]; }
export interface Report {
  schemaVersion: number; source: Source; text: string; meta: Meta; outline: Heading[]; parts: Part[];
  noise: Span[]; figures: Figure[]; indicators: Indicator[]; citations: Citation[]; findings: Finding[]; score: Scorecard | null;
}
"#;

fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsValue> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("内部错误：{e}")).into())
}

/// Analyzes pasted text.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn analyze(text: &str, name: Option<String>) -> Result<JsValue, JsValue> {
    to_js(&crate::analyze(
        text,
        name.as_deref().unwrap_or("粘贴的文本"),
    ))
}

/// Analyzes a file's bytes in any format fazhi reads (text, .docx, .doc, .wps, web page, PDF, OFD).
#[wasm_bindgen(js_name = analyzeFile, unchecked_return_type = "Report")]
pub fn analyze_file(bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
    match crate::analyze_bytes(bytes, file_name) {
        Ok(r) => to_js(&r),
        Err(e) => Err(js_sys::Error::new(&format!("{file_name}：{}", e.message_zh())).into()),
    }
}

/// The analysis of pasted text as Markdown (meta, scorecard, parts, indicators, findings,
/// citations, outline).
#[wasm_bindgen(js_name = markdownOf)]
pub fn markdown_of(text: &str, name: Option<String>) -> String {
    crate::render::markdown(&crate::analyze(
        text,
        name.as_deref().unwrap_or("粘贴的文本"),
    ))
}

/// Whether these bytes are a .docx, .doc, PDF or OFD file: the page then reads them with the second
/// wasm module, built with the `readers` feature.
#[wasm_bindgen(js_name = needsReaders)]
pub fn needs_readers(bytes: &[u8]) -> bool {
    crate::formats::needs_readers(bytes)
}

/// Whether this module was built with the readers of .docx, .doc, PDF and OFD.
#[wasm_bindgen(js_name = hasReaders)]
pub fn has_readers() -> bool {
    cfg!(feature = "readers")
}

/// The version of fazhi.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
