//! The Python binding (feature `python`; maturin builds it as the extension module `fazhi`):
//! converts arguments and results, raises `fazhi.ReadError`, holds no logic. Documented in
//! docs/python.md, typed in fazhi.pyi.
//!
//! Spans are code-point offsets into `text` here (`text[a:b]` in Python), not the UTF-16 units
//! of the JSON model: [`crate::Report::with_code_point_spans`]. Reading and analysis run with the
//! GIL released (`Python::detach`), so threads analyze in parallel; only building the dict holds it.

use std::path::PathBuf;

use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyMemoryView};

use crate::batch::{Batch, folder, records};

pyo3::create_exception!(
    fazhi,
    ReadError,
    PyException,
    "A file fazhi cannot read; `file`, `zh` and `en` say which and why."
);

/// What a function is given: a path (str or os.PathLike), or the file's bytes.
enum Input {
    Path(PathBuf),
    Bytes(Vec<u8>),
}

impl Input {
    fn of(obj: &Bound<'_, PyAny>) -> PyResult<Input> {
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes(b.as_bytes().to_vec()));
        }
        if obj.is_instance_of::<PyByteArray>() || obj.is_instance_of::<PyMemoryView>() {
            let b = obj.py().get_type::<PyBytes>().call1((obj,))?;
            return Ok(Input::Bytes(b.cast::<PyBytes>()?.as_bytes().to_vec()));
        }
        Ok(Input::Path(obj.extract::<PathBuf>()?))
    }

    /// The name a report carries when none is given: the path, or `<bytes>`.
    fn name(&self) -> String {
        match self {
            Input::Path(p) => p.to_string_lossy().into_owned(),
            Input::Bytes(_) => "<bytes>".into(),
        }
    }

    fn bytes(self) -> Result<Vec<u8>, crate::Error> {
        match self {
            Input::Path(p) => std::fs::read(&p).map_err(|e| crate::Error::Io(e.to_string())),
            Input::Bytes(b) => Ok(b),
        }
    }
}

/// `ReadError("file: 中文 / English")` with `.file`, `.zh` and `.en`.
fn read_error(py: Python<'_>, file: &str, zh: &str, en: &str) -> PyErr {
    let e = ReadError::new_err(format!("{file}: {zh} / {en}"));
    let v = e.value(py);
    let set = || -> PyResult<()> {
        v.setattr("file", file)?;
        v.setattr("zh", zh)?;
        v.setattr("en", en)
    };
    match set() {
        Ok(()) => e,
        Err(other) => other,
    }
}

fn from_error(py: Python<'_>, file: &str, e: &crate::Error) -> PyErr {
    read_error(py, file, &e.message_zh(), &e.message_en())
}

fn to_py<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    Ok(pythonize::pythonize(py, value)?.unbind())
}

/// Reads and analyzes a file (path or bytes): the model of docs/model.md as a dict, spans in
/// code points.
#[pyfunction]
#[pyo3(signature = (source, name = None))]
fn analyze(py: Python<'_>, source: &Bound<'_, PyAny>, name: Option<String>) -> PyResult<Py<PyAny>> {
    let input = Input::of(source)?;
    let name = name.unwrap_or_else(|| input.name());
    let report = py
        .detach(|| {
            let bytes = input.bytes()?;
            crate::analyze_bytes(&bytes, &name).map(crate::Report::with_code_point_spans)
        })
        .map_err(|e| from_error(py, &name, &e))?;
    to_py(py, &report)
}

/// Analyzes text already decoded (pasted, or read by other means).
#[pyfunction]
#[pyo3(signature = (text, name = "text"))]
fn analyze_text(py: Python<'_>, text: &str, name: &str) -> PyResult<Py<PyAny>> {
    let report = py.detach(|| crate::analyze(text, name).with_code_point_spans());
    to_py(py, &report)
}

/// The text a file holds, without analysis: `{"text", "format", "encoding"}`.
#[pyfunction]
fn read(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    let input = Input::of(source)?;
    let name = input.name();
    let read = py
        .detach(|| crate::formats::read(&input.bytes()?))
        .map_err(|e| from_error(py, &name, &e))?;
    let d = PyDict::new(py);
    d.set_item("text", read.text)?;
    d.set_item("format", read.format.name())?;
    d.set_item("encoding", read.encoding)?;
    Ok(d.into_any().unbind())
}

/// Every file the paths name (folders expanded, .zip archives opened), analyzed into a batch.
/// A missing path raises ReadError before any work; a file that cannot be read is a row with
/// its message.
fn batch_of(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Batch> {
    let files = folder::expand(&paths).map_err(|bad| {
        let file = bad[0].path.to_string_lossy();
        let zh: Vec<String> = bad
            .iter()
            .map(|b| format!("{}：{}", b.path.display(), b.zh))
            .collect();
        let en: Vec<String> = bad
            .iter()
            .map(|b| format!("{}: {}", b.path.display(), b.en))
            .collect();
        read_error(py, &file, &zh.join("；"), &en.join("; "))
    })?;
    Ok(py.detach(|| {
        let mut b = Batch::new();
        b.add_paths(&files);
        b
    }))
}

/// The batch result (docs/batch.md): `rows`, `reuse`, `years`, spans in code points.
#[pyfunction]
#[pyo3(name = "batch")]
fn batch_result(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Py<PyAny>> {
    let b = batch_of(py, paths)?;
    let result = py.detach(|| b.result_with_code_point_spans());
    to_py(py, &result)
}

/// The batch table as records, one dict per file, for `pandas.DataFrame(...)`.
#[pyfunction]
fn table(py: Python<'_>, paths: Vec<PathBuf>) -> PyResult<Py<PyAny>> {
    let b = batch_of(py, paths)?;
    let records = py.detach(|| records::records(&b.result()));
    to_py(py, &records)
}

/// One file's table record on its own (no batch to compare with: `reusedShare` 0); a file that
/// cannot be read is a record with its `error`, as in [`table`] — what a cluster maps over files.
#[pyfunction]
#[pyo3(signature = (source, name = None))]
fn record(py: Python<'_>, source: &Bound<'_, PyAny>, name: Option<String>) -> PyResult<Py<PyAny>> {
    let input = Input::of(source)?;
    let name = name.unwrap_or_else(|| input.name());
    let record = py.detach(|| {
        let read = input.bytes();
        records::record(&name, read.as_deref())
    });
    to_py(py, &record)
}

/// The table's column ids and their Chinese labels, in order (`df.rename(columns=...)`).
#[pyfunction]
fn columns(py: Python<'_>) -> PyResult<Py<PyAny>> {
    let d = PyDict::new(py);
    for (id, label) in records::columns() {
        d.set_item(id, label)?;
    }
    Ok(d.into_any().unbind())
}

/// The extension module.
#[pymodule]
#[pyo3(name = "fazhi")]
fn fazhi_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA_VERSION", crate::SCHEMA_VERSION)?;
    m.add("ReadError", m.py().get_type::<ReadError>())?;
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_text, m)?)?;
    m.add_function(wrap_pyfunction!(read, m)?)?;
    m.add_function(wrap_pyfunction!(batch_result, m)?)?;
    m.add_function(wrap_pyfunction!(table, m)?)?;
    m.add_function(wrap_pyfunction!(record, m)?)?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    Ok(())
}
