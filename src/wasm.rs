//! The wasm binding: converts arguments and results, holds no logic.
//!
//! Four modules are built from it (Makefile `web`); a cargo feature picks the exports, and the
//! exports decide what code a module carries:
//! - `module-core`, the page's first module: `analyze`, `analyzeFile` (text and web pages),
//!   `analyzeRead` (text another module read), `markdownOf`, `needsReaders`, `version`.
//! - `module-batch`, the batch worker's: the same and the `Batch` class.
//! - `module-readers`, loaded when a .docx/.doc/PDF/OFD is opened: `readFile` (bytes → text,
//!   format, encoding) and `zipEntries`; no analyzer.
//! - `module-xlsx`, loaded when 导出 Excel is clicked: only `xlsxOf`.
//! - `module-review`, loaded when 导出批注版 / 导出审阅意见 is clicked: the analyzer, the readers
//!   and `reviewExport` (docs/review.md).
//!
//! Without a `module-*` feature (`cargo test --target wasm32…`, `make wasm-check`) it exports all.

#[cfg(not(any(feature = "module-readers", feature = "module-xlsx")))]
pub use analyzer::*;
#[cfg(not(any(
    feature = "module-core",
    feature = "module-readers",
    feature = "module-xlsx",
    feature = "module-review"
)))]
pub use batch::*;
#[cfg(not(any(
    feature = "module-core",
    feature = "module-batch",
    feature = "module-xlsx",
    feature = "module-review"
)))]
pub use readers::*;
#[cfg(not(any(
    feature = "module-core",
    feature = "module-batch",
    feature = "module-readers",
    feature = "module-xlsx"
)))]
pub use review::*;

/// The analyzer: text (or bytes of text and web pages) → the model.
#[cfg(not(any(feature = "module-readers", feature = "module-xlsx")))]
mod analyzer {
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
  issuersAsWritten: string[]; issuersCompletedFrom: "title" | "page" | "document" | "signature" | "body" | "rule" | null;
  issuerDivision: number | null;
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

    /// TypeScript types of the batch (docs/batch.md); here, with the model's, so that
    /// fazhi-batch.d.ts finds them in the page module's declarations (no code: a custom section).
    #[wasm_bindgen(typescript_custom_section)]
    const BATCH_TS: &str = r#"
/** One row of the batch table; `error` set (in Chinese) for a file that could not be read. */
export interface BatchRow {
  index: number; file: string; error: string | null; issuer: string | null; level: Meta["level"] | null;
  year: number | null; date: string | null;
  /** The five mandated parts in the regulation's order (measures, shortcomings, firstResponsible, plans, other). */
  parts: [boolean, boolean, boolean, boolean, boolean];
  score: number | null; errors: number; warnings: number; notes: number;
  /** Key indicators in the order of `BatchResult.indicatorColumns` (null: not reported). */
  indicators: (number | null)[];
  /** Share of the text found in another issuer's report (0–1). */
  reusedShare: number;
}
export interface IndicatorColumn { id: string; label: string; }
/** One side of a shared passage: the file's index in the batch and the span in its `Report.text`. */
export interface Place { file: number; span: Span; text: string; }
/** A passage (≥ 30 characters after normalization) found in two reports. */
export interface Passage { a: Place; b: Place; chars: number; text: string; }
export interface IndicatorPair { id: string; label: string; earlier: number | null; later: number | null; }
/** The sentence of this year's measures that follows a plan up (span in the later report). */
export interface Evidence { span: Span; text: string; score: number; }
/** One of last year's plans (span in the earlier report), followed up (`evidence`) or not mentioned. */
export interface PlanFollowUp { plan: string; span: Span; evidence: Evidence | null; }
/** The same issuer's reports of consecutive years (file indices `earlier`, `later`). */
export interface YearOverYear {
  issuer: string; earlier: number; later: number; earlierYear: number; laterYear: number;
  indicators: IndicatorPair[]; reusedShare: number; reused: Passage[]; promises: PlanFollowUp[];
}
export interface BatchResult {
  schemaVersion: number; indicatorColumns: IndicatorColumn[]; rows: BatchRow[]; reuse: Passage[]; years: YearOverYear[];
}
/** A sheet of the batch workbook: the table (as the CSV holds it, parts as ✔/✘), 五项内容, 照搬照抄, 逐年对照. */
export interface Sheet { name: string; header: string[]; rows: string[][]; }
"#;

    pub(super) fn to_js<T: serde::Serialize>(v: &T) -> Result<JsValue, JsValue> {
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

    /// Analyzes the text `readFile` (the readers module) extracted from a file, with the format and
    /// encoding it gave: the same report as `analyzeFile` on the file's bytes.
    #[wasm_bindgen(js_name = analyzeRead, unchecked_return_type = "Report")]
    pub fn analyze_read(
        text: String,
        file_name: &str,
        #[wasm_bindgen(unchecked_param_type = "Source[\"format\"]")] format: &str,
        encoding: Option<String>,
    ) -> Result<JsValue, JsValue> {
        to_js(&crate::analyze_read(
            text,
            file_name,
            format,
            encoding.as_deref(),
        ))
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

    /// Whether these bytes are a .docx, .doc, PDF, OFD or zip file: the page then reads them with
    /// the readers module (`readFile`) and analyzes the text with `analyzeRead`.
    #[wasm_bindgen(js_name = needsReaders)]
    pub fn needs_readers(bytes: &[u8]) -> bool {
        crate::formats::needs_readers(bytes)
    }

    /// Whether this module reads .docx, .doc, PDF and OFD itself (`analyzeFile`): false in the
    /// page's modules, which leave that to the readers module.
    #[wasm_bindgen(js_name = hasReaders)]
    pub fn has_readers() -> bool {
        cfg!(feature = "readers")
    }

    /// The version of fazhi.
    #[wasm_bindgen]
    pub fn version() -> String {
        env!("CARGO_PKG_VERSION").to_string()
    }
}

/// Many reports together (the batch worker's module): the `Batch` class.
#[cfg(not(any(
    feature = "module-core",
    feature = "module-readers",
    feature = "module-xlsx",
    feature = "module-review"
)))]
mod batch {
    use super::analyzer::to_js;
    use wasm_bindgen::prelude::*;

    /// Many reports read together: the table, shared passages, year over year (`fazhi::batch`).
    #[wasm_bindgen]
    #[derive(Default)]
    pub struct Batch {
        inner: crate::batch::Batch,
        /// The last comparison, until a file is added.
        result: std::cell::RefCell<Option<crate::batch::BatchResult>>,
    }

    #[wasm_bindgen]
    #[allow(clippy::len_without_is_empty)]
    impl Batch {
        /// An empty batch.
        #[wasm_bindgen(constructor)]
        pub fn new() -> Batch {
            Batch::default()
        }

        fn row(&mut self) -> Result<JsValue, JsValue> {
            self.result.replace(None);
            to_js(&self.inner.row(self.inner.entries.len() - 1))
        }

        /// Reads and analyzes a file (text and web pages; in this module a .docx, .doc, PDF or OFD
        /// is a failure row: read it with `readFile` and add it with `addRead`); a file that
        /// cannot be read is kept as a row with its message. Never throws for a bad file.
        #[wasm_bindgen(unchecked_return_type = "BatchRow")]
        pub fn add(&mut self, bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
            self.inner.add_bytes(file_name, bytes);
            self.row()
        }

        /// Analyzes the text `readFile` (the readers module) extracted from a file and adds it:
        /// the same row as `add` with the file's bytes.
        #[wasm_bindgen(js_name = addRead, unchecked_return_type = "BatchRow")]
        pub fn add_read(
            &mut self,
            text: String,
            file_name: &str,
            #[wasm_bindgen(unchecked_param_type = "Source[\"format\"]")] format: &str,
            encoding: Option<String>,
        ) -> Result<JsValue, JsValue> {
            let report = crate::analyze_read(text, file_name, format, encoding.as_deref());
            self.inner.add_report(file_name, report);
            self.row()
        }

        /// Analyzes text and adds it.
        #[wasm_bindgen(js_name = addText, unchecked_return_type = "BatchRow")]
        pub fn add_text(&mut self, text: &str, name: &str) -> Result<JsValue, JsValue> {
            self.inner.add_report(name, crate::analyze(text, name));
            self.row()
        }

        /// Adds a file that could not be read (e.g. a damaged entry of a zip), with its message.
        #[wasm_bindgen(js_name = addFailure, unchecked_return_type = "BatchRow")]
        pub fn add_failure(&mut self, file_name: &str, message: &str) -> Result<JsValue, JsValue> {
            self.inner
                .add_failure(file_name, message.to_string(), message.to_string());
            self.row()
        }

        fn with_result<T>(&self, f: impl FnOnce(&crate::batch::BatchResult) -> T) -> T {
            let mut cache = self.result.borrow_mut();
            f(cache.get_or_insert_with(|| self.inner.result()))
        }

        /// The comparison: rows, shared passages (照搬照抄), year over year.
        #[wasm_bindgen(unchecked_return_type = "BatchResult")]
        pub fn result(&self) -> Result<JsValue, JsValue> {
            self.with_result(to_js)
        }

        /// The full model of file `i` (undefined for a file that could not be read).
        #[wasm_bindgen(unchecked_return_type = "Report | undefined")]
        pub fn report(&self, i: usize) -> Result<JsValue, JsValue> {
            match self.inner.report(i) {
                Some(r) => to_js(r),
                None => Ok(JsValue::UNDEFINED),
            }
        }

        /// The table as CSV (UTF-8 BOM included, CRLF lines).
        pub fn csv(&self) -> String {
            self.with_result(crate::batch::csv)
        }

        /// The workbook's sheets (the table, 五项内容, 照搬照抄, 逐年对照), for the spreadsheet writer.
        #[wasm_bindgen(unchecked_return_type = "Sheet[]")]
        pub fn sheets(&self) -> Result<JsValue, JsValue> {
            to_js(&self.with_result(crate::batch::sheets::sheets))
        }

        /// Every model, one JSON object per line (failures as `{"file","error"}`).
        pub fn jsonl(&self) -> String {
            self.inner.jsonl()
        }

        /// Files added.
        #[wasm_bindgen(getter)]
        pub fn len(&self) -> usize {
            self.inner.entries.len()
        }
    }
}

/// The readers (the module loaded when a .docx, .doc, PDF or OFD is opened): bytes → text, no
/// analyzer.
#[cfg(not(any(
    feature = "module-core",
    feature = "module-batch",
    feature = "module-xlsx",
    feature = "module-review"
)))]
mod readers {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(typescript_custom_section)]
    const READERS_TS: &str = r#"
/** What `readFile` found in a file: its text, format and (text files, web pages) encoding. */
export interface ReadFile {
  text: string; format: "text" | "docx" | "doc" | "wps" | "html" | "pdf" | "ofd"; encoding: string | null;
}
/** A file inside a zip of reports: its bytes, or why they could not be read. */
export interface ZipEntry { name: string; bytes: Uint8Array | null; error: string | null; }
"#;

    fn set(o: &js_sys::Object, k: &str, v: &JsValue) {
        js_sys::Reflect::set(o, &k.into(), v).expect("plain object");
    }

    /// Reads a file in any format fazhi reads (text, .docx, .doc, .wps, web page, PDF, OFD): its
    /// text, format and encoding, to analyze with the page's module (`analyzeRead`). A file that
    /// cannot be read throws an Error whose message names it (`x.docx：文件已加密，请先解除密码`)
    /// and whose `reason` is the message alone.
    #[wasm_bindgen(js_name = readFile, unchecked_return_type = "ReadFile")]
    pub fn read_file(bytes: &[u8], file_name: &str) -> Result<JsValue, JsValue> {
        match crate::formats::read(bytes) {
            Ok(e) => {
                let o = js_sys::Object::new();
                set(&o, "text", &e.text.into());
                set(&o, "format", &e.format.name().into());
                set(
                    &o,
                    "encoding",
                    &e.encoding.map_or(JsValue::NULL, JsValue::from),
                );
                Ok(o.into())
            }
            Err(e) => {
                let reason = e.message_zh();
                let err = js_sys::Error::new(&format!("{file_name}：{reason}"));
                set(&err, "reason", &reason.into());
                Err(err.into())
            }
        }
    }

    /// The files of a zip of reports (a zipped folder), each with its bytes or why it could not be
    /// read; null when the bytes are not such an archive (a .docx or .ofd is one report).
    #[cfg(feature = "readers")]
    #[wasm_bindgen(js_name = zipEntries, unchecked_return_type = "ZipEntry[] | null")]
    pub fn zip_entries(bytes: &[u8]) -> JsValue {
        let Some(entries) = crate::formats::archive_entries(bytes) else {
            return JsValue::NULL;
        };
        let out = js_sys::Array::new();
        for (name, read) in entries {
            let e = js_sys::Object::new();
            let put = |k: &str, v: &JsValue| set(&e, k, v);
            put("name", &name.into());
            match read {
                Ok(b) => {
                    put("bytes", &js_sys::Uint8Array::from(b.as_slice()).into());
                    put("error", &JsValue::NULL);
                }
                Err(err) => {
                    put("bytes", &JsValue::NULL);
                    put("error", &err.message_zh().into());
                }
            }
            out.push(&e);
        }
        out.into()
    }
}

/// The spreadsheet writer (module-xlsx, loaded when 导出 Excel is clicked).
#[cfg(all(
    feature = "xlsx",
    not(any(
        feature = "module-core",
        feature = "module-batch",
        feature = "module-readers",
        feature = "module-review"
    ))
))]
mod xlsx {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(typescript_custom_section)]
    const XLSX_TS: &str = r#"
    /** A sheet of the batch workbook (`Batch.sheets()` of the batch module). */
    export interface Sheet { name: string; header: string[]; rows: string[][]; }
    "#;

    /// The batch's sheets (`Batch.sheets()`) as an .xlsx workbook (header rows, column widths, parts as ✔/✘).
    #[wasm_bindgen(js_name = xlsxOf)]
    pub fn xlsx_of(
        #[wasm_bindgen(unchecked_param_type = "Sheet[]")] sheets: JsValue,
    ) -> Result<Vec<u8>, JsValue> {
        let sheets: Vec<crate::batch::sheets::Sheet> = serde_wasm_bindgen::from_value(sheets)?;
        crate::batch::xlsx::workbook_of(&sheets).map_err(|e| js_sys::Error::new(&e).into())
    }
}

/// The reviewer's exports (module-review): the findings back to the drafter (docs/review.md).
#[cfg(not(any(
    feature = "module-core",
    feature = "module-batch",
    feature = "module-readers",
    feature = "module-xlsx"
)))]
mod review {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(typescript_custom_section)]
    const REVIEW_TS: &str = r#"
/** A finding the reviewer set aside: its rule, the start of its span (null: about the whole report)
 *  and, to tell apart report-wide findings of one rule, its message. */
export interface Dismissal { rule: string; start: number | null; message?: string; reason?: string; }
/** What `reviewExport` writes: the 批注版 .docx, the 审阅意见 sheet as Markdown, or as .docx. */
export type ReviewFormat = "docx" | "md" | "sheet";
"#;

    fn export_of(format: &str) -> Result<crate::annotate::Export, JsValue> {
        match format {
            "docx" => Ok(crate::annotate::Export::Commented),
            "md" => Ok(crate::annotate::Export::SheetMarkdown),
            "sheet" => Ok(crate::annotate::Export::SheetDocx),
            other => Err(js_sys::Error::new(&format!("未知的导出格式：{other}")).into()),
        }
    }

    /// Every file's review in one .zip (the batch's 全部导出): `files[i]` named `names[i]`, with
    /// `dismissed[i]` set aside; a file that cannot be read is listed in `无法导出.txt`.
    #[wasm_bindgen(js_name = reviewZip)]
    pub fn review_zip(
        files: Vec<js_sys::Uint8Array>,
        names: Vec<String>,
        #[wasm_bindgen(unchecked_param_type = "ReviewFormat")] format: &str,
        #[wasm_bindgen(unchecked_param_type = "Dismissal[][] | undefined")] dismissed: JsValue,
    ) -> Result<Vec<u8>, JsValue> {
        let format = export_of(format)?;
        let mut dismissed: Vec<Vec<crate::annotate::Dismissal>> =
            if dismissed.is_undefined() || dismissed.is_null() {
                Vec::new()
            } else {
                serde_wasm_bindgen::from_value(dismissed)?
            };
        dismissed.resize(files.len(), Vec::new());
        let list: Vec<crate::ReviewFile> = files
            .iter()
            .zip(names)
            .zip(dismissed)
            .map(|((f, name), dismissed)| crate::ReviewFile {
                name,
                bytes: f.to_vec(),
                dismissed,
            })
            .collect();
        Ok(crate::review_zip(&list, format))
    }

    /// The review of a file's bytes or of a text: `docx` the 批注版 (a .docx input with comments
    /// added, anything else a new .docx of its text), `md` / `sheet` the 审阅意见 as Markdown (a
    /// string) or .docx; the dismissed findings left out. A file that cannot be read throws an
    /// Error whose message names it.
    #[wasm_bindgen(js_name = reviewExport, unchecked_return_type = "Uint8Array | string")]
    pub fn review_export(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | string")] input: JsValue,
        name: &str,
        #[wasm_bindgen(unchecked_param_type = "ReviewFormat")] format: &str,
        #[wasm_bindgen(unchecked_param_type = "Dismissal[] | undefined")] dismissed: JsValue,
    ) -> Result<JsValue, JsValue> {
        let dismissed: Vec<crate::annotate::Dismissal> =
            if dismissed.is_undefined() || dismissed.is_null() {
                Vec::new()
            } else {
                serde_wasm_bindgen::from_value(dismissed)?
            };
        let format = export_of(format)?;
        let out = match input.as_string() {
            Some(text) => Ok(crate::review_text(&text, name, format, &dismissed)),
            None => {
                let bytes = js_sys::Uint8Array::new(&input).to_vec();
                crate::review(&bytes, name, format, &dismissed)
            }
        };
        match out {
            Ok(crate::annotate::Exported::Text(s)) => Ok(s.into()),
            Ok(crate::annotate::Exported::Bytes(b)) => Ok(js_sys::Uint8Array::from(&b[..]).into()),
            Err(e) => Err(js_sys::Error::new(&format!("{name}：{}", e.message_zh())).into()),
        }
    }
}
